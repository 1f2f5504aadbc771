//! Attribution: who a unit's figures are attributed to (speaker, via) and
//! what they rest on (evidence).

use crate::cues::Cues;
use crate::mentions::UnitView;
pub(crate) use crate::speakers::Speakers;
use tally_core::Evidence;
use tally_lexicon::{Entity, Form, Lexicon};

/// One attribution found in a unit.
#[derive(Clone, Debug, Default)]
pub(crate) struct Attr {
    /// Token index of the verb or cue.
    pub verb: usize,
    /// Token range of the attribution words (speaker and verb).
    pub t0: usize,
    pub t1: usize,
    pub speaker: Option<String>,
    pub via: Option<String>,
    pub evidence: Option<Evidence>,
    pub denial: bool,
    pub person: bool,
    /// A "citing X" attribution: X is the speaker, the clause's subject the channel.
    pub citing: bool,
}

const AUX: &[&str] = &[
    "was",
    "were",
    "is",
    "are",
    "been",
    "has",
    "have",
    "had",
    "also",
    "earlier",
    "later",
    "now",
    "previously",
    "then",
    "further",
    "again",
    "separately",
    "already",
    "publicly",
    "has also",
    "on",
    "last",
    "this",
    "in",
    "at",
    "during",
    "reportedly",
    "once",
    "first",
    "recently",
    "repeatedly",
    "had earlier",
    "would",
    "will",
    "did",
    "does",
    "not",
];
const BOUNDARY: &[&str] = &[
    "that", "while", "when", "as", "but", "because", "after", "before", "said", "says", "and that",
    "whereas", "although", "though", "if",
];
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
const LEAD_STRIP: &[&str] = &["the", "a", "an"];
/// Common nouns before an outlet's name ("the newspaper Die Welt").
const OUTLET_NOUNS: &[&str] = &[
    "newspaper",
    "paper",
    "broadcaster",
    "magazine",
    "outlet",
    "channel",
    "website",
    "daily",
    "weekly",
];

/// Find every attribution in the unit. `times` are token ranges of time
/// expressions (skipped between a speaker and its verb).
pub(crate) fn find_attrs(
    u: &UnitView,
    times: &[(usize, usize)],
    lex: &Lexicon,
    cues: &Cues,
    sp: &mut Speakers,
) -> Vec<Attr> {
    let mut out = Vec::new();
    let n = u.toks.len();
    let mut i = 0;
    while i < n {
        let w = u.word(i);
        // according to X / citing X
        if (w == "according" && u.word(i + 1) == "to") || w == "citing" {
            let start = if w == "citing" { i + 1 } else { i + 2 };
            let end = phrase_end(u, start);
            let mut a = Attr {
                verb: i,
                t0: i,
                t1: end,
                ..Attr::default()
            };
            let (s0, s1) = (start, end);
            // "BBC reports citing Western officials"
            if let Some(c) = (s0..s1).find(|&k| u.word(k) == "citing") {
                let via = strip_noun(u, s0, c, &["reports", "report", "reporting"]);
                a.via = via.map(|(x, y)| u.slice(x, y).to_string());
                set_speaker(u, c + 1, s1, lex, cues, sp, &mut a);
            } else {
                // "a statement from the Pentagon", "figures published by X", "an estimate by X"
                let by = (s0..s1).rev().find(|&k| matches!(u.word(k), "by" | "from"));
                if cues
                    .document
                    .at(u.lower, &u.toks, first_content(u, s0, s1))
                    .is_some()
                {
                    a.evidence = Some(Evidence::Document);
                }
                if cues
                    .estimate
                    .at(u.lower, &u.toks, first_content(u, s0, s1))
                    .is_some()
                {
                    a.evidence = Some(Evidence::Estimate);
                }
                match by {
                    Some(b) => set_speaker(u, b + 1, s1, lex, cues, sp, &mut a),
                    None => {
                        if a.evidence == Some(Evidence::Document) && !has_name(u, s0, s1) {
                            // "according to the same figures": the last body
                            a.speaker = sp.last_body().map(str::to_string);
                        } else {
                            set_speaker(u, s0, s1, lex, cues, sp, &mut a)
                        }
                    }
                }
            }
            if w == "citing" {
                // the speaker of the clause is the channel: "lawmaker X said, citing Y"
                a.via = None;
                a.citing = true;
            }
            out.push(a);
            i = end.max(i + 1);
            continue;
        }
        let speech = cues
            .speech
            .at(u.lower, &u.toks, i)
            .map(|(_, e)| e)
            .filter(|_| !u.is_capitalised(i) || i == 0);
        if let Some(vend) = speech {
            // "put ... at" only with a figure phrase; skip "put" elsewhere unless a speaker precedes
            let denial = cues.denial.contains_at(u.lower, &u.toks, i);
            let mut a = Attr {
                verb: i,
                t0: i,
                t1: vend,
                denial,
                ..Attr::default()
            };
            // subject to the left
            let mut k = i;
            while k > 0 {
                let prev = k - 1;
                if AUX.contains(&u.word(prev)) {
                    k = prev;
                    continue;
                }
                if let Some(&(ts, _)) = times.iter().find(|&&(ts, te)| te == k && ts < k) {
                    k = ts;
                    continue;
                }
                break;
            }
            if k > 0 && u.word(k - 1) == ")" {
                if let Some(op) = (0..k - 1).rev().find(|&x| u.word(x) == "(") {
                    if op > 0 && !u.is_punct(op - 1) {
                        k = op;
                    }
                }
            }
            let subj_end = k;
            if subj_end > 0 && u.word(subj_end - 1) == "," && subj_end >= 2 {
                // appositive or trailing attribution; find the chunk before the comma
                let c1 = subj_end - 1;
                let c0 = chunk_start(u, c1);
                let lead = u.word(c0);
                if c0 < c1
                    && !matches!(
                        lead,
                        "who" | "which" | "the" | "his" | "her" | "its" | "their"
                    )
                    && u.is_capitalised(c0)
                    && c0 > 0
                    && u.word(c0 - 1) == ","
                {
                    // "Defence minister, Shin Won-sik, told": the name
                    a.t0 = c0;
                    set_speaker(u, c0, c1, lex, cues, sp, &mut a);
                } else if c0 > 0 && u.word(c0 - 1) == "," {
                    let b1 = c0 - 1;
                    let b0 = chunk_start(u, b1);
                    a.t0 = b0;
                    set_speaker(u, b0, b1, lex, cues, sp, &mut a);
                }
            } else if subj_end > 0 {
                let s0 = subject_start(u, subj_end);
                if s0 < subj_end {
                    a.t0 = s0;
                    set_speaker(u, s0, subj_end, lex, cues, sp, &mut a);
                }
            }
            // passive: "was announced by X"
            if u.word(vend) == "by" && (vend + 1 < n) && !u.is_punct(vend + 1) {
                // the subject of a passive verb of saying is what was said
                let e = phrase_end(u, vend + 1);
                a.speaker = None;
                set_speaker(u, vend + 1, e, lex, cues, sp, &mut a);
            }
            let timeish = times.iter().any(|&(ts, _)| ts == vend)
                || matches!(
                    u.word(vend),
                    "on" | "in"
                        | "at"
                        | "during"
                        | "last"
                        | "after"
                        | "this"
                        | "that"
                        | "it"
                        | "he"
                        | "she"
                        | "they"
                );
            if a.speaker.is_none()
                && !timeish
                && vend < n
                && !u.is_punct(vend)
                && (subj_end == 0 || u.word(subj_end - 1) == "," || u.is_punct(subj_end - 1))
            {
                // inverted: ", says Polish defence minister"
                let e = phrase_end(u, vend);
                if e > vend {
                    a.t1 = e;
                    set_speaker(u, vend, e, lex, cues, sp, &mut a);
                }
            }
            // "told The Warzone" / "told the newspaper Die Welt"
            if matches!(u.word(i), "told" | "tells" | "tell") {
                for m in u.ments.iter().filter(|m| m.t0 >= vend && m.t0 <= vend + 2) {
                    if let Entity::Outlet(o) = lex.entity(m.id) {
                        a.via = Some(o.name.clone());
                        sp.note_outlet(&o.name);
                    }
                }
                // "told the newspaper Daily Planet": skip the common noun
                let mut v0 = vend;
                if u.word(v0) == "the" && OUTLET_NOUNS.contains(&u.word(v0 + 1)) {
                    v0 += 2;
                }
                if a.via.is_none()
                    && u.is_capitalised(v0)
                    && !matches!(u.word(v0), "reporters" | "parliament")
                {
                    let mut e = v0;
                    while e < n && u.is_capitalised(e) && !u.is_punct(e) {
                        e += 1;
                    }
                    if e > v0 && e - v0 <= 4 && u.word(v0) != "the" {
                        a.via = Some(u.slice(v0, e).to_string());
                    }
                }
            }
            if a.speaker.is_some() {
                out.push(a);
            }
            i = vend;
            continue;
        }
        // footage / imagery
        if cues.imagery.contains_at(u.lower, &u.toks, i) {
            out.push(Attr {
                verb: i,
                t0: i,
                t1: i + 1,
                evidence: Some(Evidence::Imagery),
                ..Attr::default()
            });
        } else if cues.footage.contains_at(u.lower, &u.toks, i)
            && (i + 1..(i + 7).min(n)).any(|k| cues.footage_verbs.contains_at(u.lower, &u.toks, k))
        {
            out.push(Attr {
                verb: i,
                t0: i,
                t1: i + 1,
                evidence: Some(Evidence::Footage),
                ..Attr::default()
            });
        }
        i += 1;
    }
    for a in &mut out {
        if a.evidence.is_none() && a.speaker.is_some() {
            a.evidence = Some(Evidence::Statement);
        }
        if let (true, Some(s), Some(v)) = (a.person, &a.speaker, &a.via) {
            sp.note_via(s, v);
        }
    }
    note_documents(u, cues, sp);
    out
}

/// Documents named with a capitalised modifier ("a US intelligence
/// assessment", "an EU report"): remembered as bodies for later "the
/// document says", "according to the assessment".
fn note_documents(u: &UnitView, cues: &Cues, sp: &mut Speakers) {
    for k in 1..u.toks.len() {
        let Some((_, e)) = cues.document.at(u.lower, &u.toks, k) else {
            continue;
        };
        let mut s = k;
        while s > 0 && k - s < 4 && !u.is_punct(s - 1) && !matches!(u.word(s - 1), "a" | "an") {
            s -= 1;
        }
        if s > 0 && matches!(u.word(s - 1), "a" | "an") && (s..k).any(|j| u.is_capitalised(j)) {
            let first = (s..k).find(|&j| u.is_capitalised(j)).unwrap_or(s);
            sp.note_document(u.slice(first, e));
        }
    }
}

fn has_name(u: &UnitView, s0: usize, s1: usize) -> bool {
    (s0..s1).any(|k| u.is_capitalised(k))
}

fn first_content(u: &UnitView, s0: usize, s1: usize) -> usize {
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
fn strip_noun(u: &UnitView, s0: usize, s1: usize, nouns: &[&str]) -> Option<(usize, usize)> {
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

/// End of a noun phrase from `s`: the next comma, clause punctuation or end.
fn phrase_end(u: &UnitView, s: usize) -> usize {
    let mut e = s;
    while e < u.toks.len() {
        let w = u.word(e);
        if u.is_punct(e) && w != "-" && w != "&" {
            break;
        }
        if e > s
            && matches!(
                w,
                "that" | "said" | "says" | "reported" | "told" | "who" | "which"
            )
        {
            break;
        }
        e += 1;
    }
    e
}

/// Start of the comma chunk that ends at `end` (exclusive).
fn chunk_start(u: &UnitView, end: usize) -> usize {
    let mut k = end;
    while k > 0 {
        let p = k - 1;
        if u.is_punct(p) && u.word(p) != "-" && u.word(p) != "." {
            break;
        }
        k = p;
    }
    k
}

/// Start of the subject phrase that ends at `end`.
fn subject_start(u: &UnitView, end: usize) -> usize {
    let mut k = end;
    while k > 0 && end - k < 10 {
        let p = k - 1;
        let w = u.word(p);
        if (u.is_punct(p) && w != "-" && w != ".") || BOUNDARY.contains(&w) {
            break;
        }
        k = p;
    }
    k
}

/// Fill the speaker of `a` from tokens `[s0, s1)`.
fn set_speaker(
    u: &UnitView,
    s0: usize,
    s1: usize,
    lex: &Lexicon,
    cues: &Cues,
    sp: &mut Speakers,
    a: &mut Attr,
) {
    let mut s = s0;
    while s < s1 && (LEAD_STRIP.contains(&u.word(s)) || u.is_punct(s)) {
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
    // "its tally", "their figures": the body named before, a document
    if e - s == 2
        && matches!(first, "its" | "their")
        && cues.document.contains_at(u.lower, &u.toks, s + 1)
    {
        a.speaker = sp.last_body().map(str::to_string);
        a.evidence = Some(Evidence::Document);
        return;
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
        a.speaker = Some(full);
        return;
    }
    if anaphoric {
        // "the official": keep as written
        a.speaker = Some(text);
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
