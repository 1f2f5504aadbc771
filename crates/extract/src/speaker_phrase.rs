//! The speaker phrase of an attribution: from the words before or after a
//! verb of saying to a speaker name ("the ministry" → the body met before,
//! "he" → the last person, "Jack Watling of RUSI" → the person).

use crate::attribution::Attr;
use crate::cues::Cues;
use crate::mentions::UnitView;
use crate::speakers::Speakers;
use tally_core::Evidence;
use tally_lexicon::{Entity, Form, Lexicon};

const ORG_WORDS: &[&str] = &[
    "staff",
    "service",
    "ministry",
    "department",
    "office",
    "agency",
    "council",
    "forces",
    "command",
    "house",
    "institute",
    "journal",
    "times",
    "post",
    "news",
    "committee",
    "guard",
    "army",
    "navy",
    "government",
    "chiefs",
    "intelligence",
    "mission",
    "nations",
    "union",
    "states",
    "pentagon",
    "kremlin",
];
pub(crate) const LEAD_STRIP: &[&str] = &["the", "a", "an", "and", "but", "while", "whereas"];
pub(crate) fn has_name(u: &UnitView, s0: usize, s1: usize) -> bool {
    (s0..s1).any(|k| u.is_capitalised(k))
}

pub(crate) fn first_content(u: &UnitView, s0: usize, s1: usize) -> usize {
    let mut k = s0;
    while k < s1
        && matches!(
            u.word(k),
            "the"
                | "a"
                | "an"
                | "same"
                | "its"
                | "their"
                | "official"
                | "declassified"
                | "new"
                | "latest"
        )
    {
        k += 1;
    }
    k
}

/// Strip a trailing noun like "reports" from `[s0, s1)`.
pub(crate) fn strip_noun(
    u: &UnitView,
    s0: usize,
    s1: usize,
    nouns: &[&str],
) -> Option<(usize, usize)> {
    let mut e = s1;
    while e > s0 && nouns.contains(&u.word(e - 1)) {
        e -= 1;
    }
    let mut s = s0;
    while s < e && LEAD_STRIP.contains(&u.word(s)) {
        s += 1;
    }
    (s < e).then_some((s, e))
}

/// Fill the speaker of `a` from tokens `[s0, s1)`.
pub(crate) fn set_speaker(
    u: &UnitView,
    s0: usize,
    s1: usize,
    lex: &Lexicon,
    cues: &Cues,
    sp: &mut Speakers,
    a: &mut Attr,
) {
    let mut s = s0;
    // a live blog's clock time ("14:30 The US military said") is no part of it
    while s < s1
        && (LEAD_STRIP.contains(&u.word(s))
            || u.is_punct(s)
            || u.toks[s].kind == crate::tokens::TokKind::Number)
    {
        s += 1;
    }
    let mut e = s1;
    while e > s && u.is_punct(e - 1) {
        e -= 1;
    }
    if s >= e {
        return;
    }
    // pronouns
    let first = u.word(s);
    if e - s == 1 && matches!(first, "he" | "she") {
        a.speaker = sp.last_person.clone();
        a.person = true;
        // "..., he said" keeps the channel of the sentence it refers back to
        a.via = sp.via_of(a.speaker.as_deref());
        return;
    }
    if e - s == 1 && matches!(first, "it" | "they") {
        a.speaker = sp.last_body().map(str::to_string);
        return;
    }
    // "its defence ministry": the state named as subject before, written
    // in the possessive ("Belarus's defence ministry")
    if first == "its" && e - s >= 2 && !cues.document.contains_at(u.lower, &u.toks, s + 1) {
        let here = u
            .ments
            .iter()
            .filter(|m| m.t1 <= s)
            .find_map(|m| match lex.entity(m.id) {
                Entity::State(st) => Some(st.name.clone()),
                _ => None,
            });
        if let Some(state) = here.or_else(|| sp.last_state.clone()) {
            let text = format!("{state}'s {}", u.slice(s + 1, e).trim());
            sp.remember(&text, false, None);
            a.speaker = Some(text);
            return;
        }
    }
    // "its tally", "their figures": the body named before, a document
    if e - s == 2
        && matches!(first, "its" | "their")
        && cues.document.contains_at(u.lower, &u.toks, s + 1)
    {
        a.speaker = sp.last_body().map(str::to_string);
        a.evidence = Some(Evidence::Document);
        return;
    }
    // "analysts at the Institute for the Study of War": the institution
    if cues.estimate.contains_at(u.lower, &u.toks, s)
        && matches!(u.word(s + 1), "at" | "from" | "with")
    {
        let t = if u.word(s + 2) == "the" { s + 3 } else { s + 2 };
        if t < e && u.is_capitalised(t) {
            a.evidence = Some(Evidence::Estimate);
            s = t;
        }
    }
    // a known person
    for m in u.ments.iter().filter(|m| m.t0 >= s && m.t1 <= e) {
        if let Entity::Person(p) = lex.entity(m.id) {
            if matches!(m.form, Form::Name | Form::Alias) {
                a.speaker = Some(p.name.clone());
                a.person = true;
                sp.remember(&p.name, true, None);
                return;
            }
        }
    }
    for m in u.ments.iter().filter(|m| m.t0 >= s && m.t1 <= e) {
        if let Entity::Outlet(o) = lex.entity(m.id) {
            sp.note_outlet(&o.name);
            sp.remember(&o.name, false, None);
            a.speaker = Some(o.name.clone());
            return;
        }
    }
    // "Jack Watling of the Royal United Services Institute": the person
    let mut end = e;
    if let Some(of) = (s + 2..e).find(|&k| u.word(k) == "of") {
        if (s..of).all(|k| u.is_capitalised(k))
            && of - s >= 2
            && of - s <= 3
            && u.word(of + 1) == "the"
        {
            end = of;
        }
    }
    // "the General Staff's running totals": the owner
    if let Some(ps) = (s + 1..end).find(|&k| u.toks[k].kind == crate::tokens::TokKind::Possessive) {
        if cues.document.at(u.lower, &u.toks, ps + 1).is_some()
            || (ps + 2 < end && cues.document.at(u.lower, &u.toks, ps + 2).is_some())
        {
            end = ps;
        }
    }
    // parenthesised acronym: "National Intelligence Service (NIS)"
    let mut acronym = None;
    if let Some(p) = (s..end).find(|&k| u.word(k) == "(") {
        if p + 1 < end {
            acronym = Some(u.raw(p + 1).to_string());
        }
        end = p;
    }
    let text = u.slice(s, end).trim().to_string();
    if text.is_empty() {
        return;
    }
    let anaphoric = s > s0
        && LEAD_STRIP.contains(&u.word(s0))
        && cues
            .speaker_anaphora
            .at(u.lower, &u.toks, s)
            .is_some_and(|(_, x)| x == end)
        || (s > s0
            && u.word(s0) == "the"
            && (s..end).all(|k| !u.is_capitalised(k))
            && end - s <= 3);
    if let Some(full) = sp.resolve(&text, anaphoric) {
        // "the update said", "the report says": the document named before
        if anaphoric && (s..end).any(|k| cues.document.contains_at(u.lower, &u.toks, k)) {
            a.evidence = Some(Evidence::Document);
        }
        a.speaker = Some(full);
        return;
    }
    if anaphoric {
        // "the official": keep as written ("the pledge" says nothing)
        if can_speak(u, s, end, lex, cues) {
            a.speaker = Some(text);
        }
        return;
    }
    // a lone capitalised surname not in the lexicon: the last person with that surname
    let person_like = (s..end).all(|k| u.is_capitalised(k) || u.word(k) == "-") && end - s <= 4;
    if person_like && end - s == 1 {
        if let Some(p) = sp
            .seen
            .iter()
            .rev()
            .find(|x| x.person && x.text.split_whitespace().last() == Some(text.as_str()))
        {
            a.speaker = Some(p.text.clone());
            a.person = true;
            return;
        }
    }
    let is_state = u
        .ments
        .iter()
        .any(|m| m.t0 == s && m.t1 == end && matches!(lex.entity(m.id), Entity::State(_)));
    let org = (s..end).any(|k| ORG_WORDS.contains(&u.word(k)));
    if !org && !can_speak(u, s, end, lex, cues) {
        return;
    }
    let tail_caps = end - s >= 2
        && u.is_capitalised(end - 1)
        && (u.is_capitalised(end - 2) || u.word(end - 2) == "-");
    let person = tail_caps
        && !org
        && !is_state
        && !u
            .ments
            .iter()
            .any(|m| m.t0 >= s && m.t1 <= end && !matches!(lex.entity(m.id), Entity::Person(_)));
    sp.remember(&text, person, acronym);
    a.speaker = Some(text);
    a.person = person;
    if (s..end).any(|k| cues.estimate.contains_at(u.lower, &u.toks, k)) {
        a.evidence = Some(Evidence::Estimate);
    }
}

/// Could the phrase `[s, end)` say something: a capitalised word that is no
/// weapon's name, a lexicon name of a speaker, or a noun of the cue lists of
/// people, bodies, documents and estimates?
fn can_speak(u: &UnitView, s: usize, end: usize, lex: &Lexicon, cues: &Cues) -> bool {
    let materiel = |k: usize| {
        u.ments.iter().any(|m| {
            k >= m.t0
                && k < m.t1
                && matches!(lex.entity(m.id), Entity::Weapon(_) | Entity::Class(_))
        })
    };
    (s..end).any(|k| {
        (u.is_capitalised(k) && !materiel(k))
            || [
                &cues.speaker_nouns,
                &cues.speaker_anaphora,
                &cues.document,
                &cues.estimate,
            ]
            .iter()
            .any(|set| set.contains_at(u.lower, &u.toks, k))
    })
}
