//! Attribution: who a unit's figures are attributed to (speaker, via) and
//! what they rest on (evidence).

use crate::cues::Cues;
use crate::mentions::UnitView;
use crate::speaker_phrase::{first_content, has_name, set_speaker, strip_noun};
pub(crate) use crate::speakers::Speakers;
use tally_core::Evidence;
use tally_lexicon::{Entity, Lexicon};

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
        // "citing their poor condition" gives a reason, not a source: a
        // source has a name, a document or an official behind it
        let reason = w == "citing" && {
            let e = phrase_end(u, i + 1);
            !(i + 1..e).any(|k| {
                u.is_capitalised(k)
                    || cues.speaker_anaphora.contains_at(u.lower, &u.toks, k)
                    || cues.document.contains_at(u.lower, &u.toks, k)
                    || cues.estimate.contains_at(u.lower, &u.toks, k)
                    || u.ment_at(k).is_some()
            })
        };
        if ((w == "according" && u.word(i + 1) == "to") || w == "citing") && !reason {
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
                // "a statement from the Pentagon", "a Pentagon fact sheet"
                let trimmed = (s0..s1)
                    .rev()
                    .find(|&k| !u.is_punct(k))
                    .map_or(s1, |k| k + 1);
                if cues
                    .document
                    .at(u.lower, &u.toks, first_content(u, s0, s1))
                    .is_some()
                    || cues.document.ending_at(u.lower, &u.toks, trimmed).is_some()
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
                    // "according to two US officials quoted by Reuters":
                    // the officials speak, Reuters carries it
                    Some(b)
                        if b > s0 + 1
                            && matches!(u.word(b - 1), "quoted" | "cited" | "interviewed") =>
                    {
                        set_speaker(u, s0, b - 1, lex, cues, sp, &mut a);
                        let v1 = (b + 1..s1)
                            .rev()
                            .find(|&k| !u.is_punct(k))
                            .map_or(b + 1, |k| k + 1);
                        a.via = (v1 > b + 1).then(|| u.slice(b + 1, v1).to_string());
                    }
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
        // "rejected reports that", "denied claims that": the second word is
        // the object of the first verb of saying, not a verb of its own
        let object_of_saying = i > 0 && out.last().is_some_and(|a: &Attr| a.t1 == i);
        // "an estimated $825 million", "the reported figure": an adjective;
        // "Kyiv expected to receive": a plan, not words
        // "Pakistan's claim to have": a noun after a possessive
        let attributive = (i > 0
            && (matches!(u.word(i - 1), "a" | "an" | "the")
                || u.toks[i - 1].kind == crate::tokens::TokKind::Possessive))
            || (cues.plan_verbs.contains_at(u.lower, &u.toks, i) && u.word(i + 1) == "to");
        if let Some(vend) =
            speech.filter(|_| !object_of_saying && !attributive && !not_said(u, cues, i))
        {
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
                // "had by then counted", "has by now said"
                let by_then = u.word(prev) == "by" && matches!(u.word(prev + 1), "then" | "now");
                if AUX.contains(&u.word(prev)) || by_then {
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
            let raised = i > 0 && u.is_be(i - 1) && u.word(vend) == "to";
            if raised {
                // "10,000 soldiers are believed to be ...", "is said to
                // have": the subject of a raised passive is what is said,
                // not who says it
            } else if subj_end > 0 && u.word(subj_end - 1) == "," && subj_end >= 2 {
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
                let mut s0 = subject_start(u, subj_end, times);
                // "Last week the White House said": the time is no part of the speaker
                if let Some(&(_, te)) = times
                    .iter()
                    .find(|&&(ts, te)| ts == s0 && te > s0 && te < subj_end)
                {
                    s0 = te;
                }
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
/// A speaker phrase ends before a time expression ("X on Monday rejected"
/// is scanned from the verb back to the time, never across it).
fn subject_start(u: &UnitView, end: usize, times: &[(usize, usize)]) -> usize {
    let mut k = end;
    while k > 0 && end - k < 10 {
        let p = k - 1;
        let w = u.word(p);
        if (u.is_punct(p) && w != "-" && w != ".") || BOUNDARY.contains(&w) {
            break;
        }
        // a time inside the scan (not the one that starts the phrase)
        if k < end && times.iter().any(|&(ts, te)| p >= ts && p < te && ts > 0) {
            break;
        }
        k = p;
    }
    k
}

/// "Reuters could not confirm the figures", "the ministry declined to
/// comment": a verb of saying at `i` that is not done attributes nothing
/// (one adverb may come between: "could not independently confirm").
fn not_said(u: &UnitView, cues: &Cues, i: usize) -> bool {
    let before = |d: usize| u.word(i.wrapping_sub(d));
    let gap = usize::from(before(1).ends_with("ly"));
    !cues.denial.contains_at(u.lower, &u.toks, i)
        && (matches!(before(1 + gap), "not" | "never" | "n't" | "cannot")
            || (before(1 + gap) == "to"
                && cues
                    .refusal
                    .contains_at(u.lower, &u.toks, i.wrapping_sub(2 + gap))))
}
