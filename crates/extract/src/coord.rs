//! Coordination: figures joined by "and"/"or" share a bound ("about 1,000
//! killed and 3,000 wounded"), and the base of a partitive ("2,200 of the
//! 3,500 tanks") is not a count of its own.

use crate::cues::Cues;
use crate::frames::TrigHit;
use crate::mentions::party_of;
use crate::scene::Scene;
use crate::triggers::Frame;
use tally_core::{Bound, Kind};
use tally_lexicon::Lexicon;

/// Is figure `fi` the base of a partitive whose part is the figure before it?
pub(crate) fn is_partitive_base(sc: &Scene, fi: usize, cues: &Cues) -> bool {
    let u = &sc.u;
    let f0 = sc.figs[fi].2 .0;
    f0 >= 2
        && fi > 0
        && cues.base_before.ending_at(u.lower, &u.toks, f0).is_some()
        && sc.figs[fi - 1].2 .1 + 4 >= f0
}

/// The verb of a relative clause right after the noun of the figure
/// ending at `f1` ("the 5,000 fighters Chad sent to Niger", "the 1,500
/// soldiers deployed to Mali"): a verb of giving or moving within a few
/// words, with no punctuation between.
pub(crate) fn relative_sender(sc: &Scene, f1: usize) -> Option<TrigHit> {
    let u = &sc.u;
    sc.trigs
        .iter()
        .find(|t| {
            t.t0 >= f1
                && t.t0 <= f1 + 5
                && matches!(t.trig.frame, Frame::Give | Frame::Move)
                && !(f1..t.t0).any(|k| u.is_punct(k))
        })
        .copied()
}

/// For the part of a partitive whose base has a relative clause ("900 of
/// the 5,000 fighters Chad sent to Niger have been wounded"): the first
/// trigger after that clause's verb, which is what the part says.
pub(crate) fn part_predicate(
    sc: &Scene,
    fi: usize,
    cues: &Cues,
    clause_end: usize,
) -> Option<TrigHit> {
    let base = fi + 1;
    if base >= sc.figs.len() || !is_partitive_base(sc, base, cues) {
        return None;
    }
    let sent = relative_sender(sc, sc.figs[base].2 .1)?;
    sc.trigs
        .iter()
        .find(|t| t.t0 >= sent.t1 && t.t1 <= clause_end)
        .copied()
}

/// Whose the part of such a partitive is: the subject of the base's
/// relative clause ("the 5,000 fighters Chad sent": Chad's).
pub(crate) fn part_owner(sc: &Scene, fi: usize, lex: &Lexicon) -> Option<String> {
    let base_end = sc.figs.get(fi + 1)?.2 .1;
    let sent = relative_sender(sc, base_end)?;
    sc.u.ments
        .iter()
        .filter(|m| m.t0 >= base_end && m.t1 <= sent.t0)
        .find_map(|m| party_of(lex, m))
}

/// The previous figure's claim in the same unit.
#[derive(Clone, Debug)]
pub(crate) struct Prev {
    pub kind: Kind,
    /// One past the figure's last token.
    pub end: usize,
    pub bound: Bound,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// Is the figure at `f0` joined to the previous one by a close "and"/"or"
/// ("1,000 killed and 3,000 wounded")?
pub(crate) fn coordinated(sc: &Scene, f0: usize, prev: Option<&Prev>) -> bool {
    prev.is_some_and(|p| {
        p.end + 4 >= f0 && (p.end..f0).any(|k| matches!(sc.u.word(k), "and" | "or"))
    })
}

/// Is the figure at `f0` the next item of a list after the previous figure
/// ("4 tanks, 11 armoured vehicles and 2 launchers"): only commas and a
/// conjunction between them?
pub(crate) fn listed(sc: &Scene, f0: usize, prev: Option<&Prev>) -> bool {
    prev.is_some_and(|p| {
        p.end < f0
            && p.end + 3 >= f0
            && (p.end..f0).all(|k| matches!(sc.u.word(k), "," | "and" | "or"))
    })
}

/// Does the figure at `[.., f1)` take a part of the one before ("roughly
/// 600 of them", "of whom 300")?
pub(crate) fn partitive_of_previous(sc: &Scene, f1: usize) -> bool {
    sc.u.word(f1) == "of" && matches!(sc.u.word(f1 + 1), "them" | "those" | "whom")
}

/// The party that opens a gapped clause before the figure at `f0`, after
/// an earlier figure of the unit: "Spain committed 10 launchers and Italy
/// 6", "Russia lost 300 tanks and Ukraine 200", "those in China $267
/// million", "Indian ones for $51 million", ", while Denmark is sending 12".
/// Its role is the one the earlier figure's subject had.
pub(crate) fn gapped_party(
    sc: &Scene,
    lex: &Lexicon,
    f0: usize,
    prev: Option<&Prev>,
) -> Option<String> {
    let u = &sc.u;
    let start = prev?.end;
    let m = u.ments.iter().rfind(|m| m.t0 >= start && m.t1 <= f0)?;
    let before = if m.t0 > 0 { u.word(m.t0 - 1) } else { "" };
    let opens = match before {
        "and" | "," | "while" | "whereas" | "but" | "with" => true,
        // "those in China", "firms based in India"
        "in" => {
            m.t0 >= 2
                && matches!(
                    u.word(m.t0 - 2),
                    "those" | "ones" | "based" | "entities" | "firms" | "companies" | "suppliers"
                )
        }
        _ => false,
    };
    let gap_only = (m.t1..f0).all(|k| {
        matches!(
            u.word(k),
            "ones"
                | "for"
                | "is"
                | "are"
                | "has"
                | "have"
                | "had"
                | "was"
                | "were"
                | "will"
                | "would"
                | "another"
                | "a"
                | "further"
                | "more"
                | "some"
                | "about"
                | "nearly"
                | "almost"
                | "roughly"
                | "around"
                | "over"
                | "up"
                | "to"
                | "at"
                | "least"
        ) || sc.trigs.iter().any(|t| t.t0 <= k && k < t.t1)
    });
    (opens && gap_only).then(|| party_of(lex, m)).flatten()
}

/// The bound of a figure: its own, or over a close coordination with an
/// elided noun, the previous figure's.
pub(crate) fn carried_bound(
    sc: &Scene,
    own: Bound,
    f0: usize,
    prev: Option<&Prev>,
    elided: bool,
) -> Bound {
    if own != Bound::Exact {
        return own;
    }
    match prev {
        Some(p) if elided && coordinated(sc, f0, Some(p)) => p.bound,
        // "about 4 tanks, 11 armoured vehicles and 2 launchers": "about"
        // applies to each
        Some(p) if p.bound == Bound::Approx && listed(sc, f0, Some(p)) => p.bound,
        _ => own,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::testing::{data, scene};

    #[test]
    fn bound_carries_over_a_close_and() {
        let sc = scene("About 500 soldiers were killed and 900 wounded in the assault.");
        let (f0, _) = sc.figs[1].2;
        let prev = Prev {
            kind: Kind::Casualties,
            end: f0 - 2,
            bound: Bound::Approx,
            from: None,
            to: None,
        };
        assert!(coordinated(&sc, f0, Some(&prev)));
        assert_eq!(
            carried_bound(&sc, Bound::Exact, f0, Some(&prev), true),
            Bound::Approx
        );
        assert_eq!(
            carried_bound(&sc, Bound::Exact, f0, Some(&prev), false),
            Bound::Exact
        );
    }

    #[test]
    fn partitive_base_and_part() {
        let sc = scene("The army lost 40 of the 90 tanks, 12 of them in one week.");
        assert!(!is_partitive_base(&sc, 0, &data().cues));
        assert!(is_partitive_base(&sc, 1, &data().cues));
        let (_, e) = sc.figs[2].2;
        assert!(partitive_of_previous(&sc, e));
    }
}
