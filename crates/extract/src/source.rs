//! Choosing a figure's source among the unit's attributions: the nearest
//! verb of saying in its clause, a "citing" channel, footage or imagery.

use crate::attribution::Attr;
use crate::context::{Draft, LastFrame};
use crate::mentions::UnitView;
use crate::scene::Scene;
use tally_core::{Evidence, Source};
use tally_lexicon::Lexicon;

/// The source, evidence and (for "it said") the speaker's state of a figure.
pub(crate) struct Sourced {
    pub source: Option<Source>,
    pub evidence: Option<Evidence>,
    pub speaker_party: Option<String>,
}

/// Pick the attribution of the figure at token `f0` in `clause`.
pub(crate) fn choose(
    u: &UnitView,
    attrs: &[Attr],
    clause: (usize, usize),
    f0: usize,
    inherited: Option<&LastFrame>,
    lex: &Lexicon,
) -> Sourced {
    let in_clause: Vec<&Attr> = attrs
        .iter()
        .filter(|a| a.citing || (a.verb >= clause.0 && a.verb < clause.1))
        .collect();
    let said: Vec<&Attr> = in_clause
        .iter()
        .copied()
        .filter(|a| a.speaker.is_some() && !a.citing && !contrast_between(u, a, f0))
        .collect();
    let citing = in_clause
        .iter()
        .copied()
        .find(|a| a.citing && a.speaker.is_some());
    let chosen = said.iter().copied().min_by_key(|a| {
        let d = a.verb.abs_diff(f0);
        d + usize::from(a.verb > f0)
    });
    let mut out = Sourced {
        source: None,
        evidence: None,
        speaker_party: None,
    };
    if let Some(c) = citing {
        out.source = Some(Source {
            speaker: c.speaker.clone(),
            via: chosen.and_then(|a| a.speaker.clone()).or(c.via.clone()),
        });
        out.evidence = c.evidence.or(Some(Evidence::Statement));
    } else if let Some(a) = chosen {
        let mut via = a.via.clone();
        if via.is_none() && !a.person {
            // "X said ..., according to lawmaker Y": Y passed it on
            if let Some(o) = said
                .iter()
                .find(|o| o.person && o.speaker != a.speaker && o.verb != a.verb)
            {
                via = o.speaker.clone();
            }
        }
        out.source = Some(Source {
            speaker: a.speaker.clone(),
            via,
        });
        out.evidence = a.evidence;
        out.speaker_party = a.speaker.as_deref().and_then(|s| {
            lex.find(s)
                .first()
                .and_then(|m| lex.entity(m.entity).party().map(str::to_string))
        });
    }
    if let Some(fa) = in_clause.iter().find(|a| {
        matches!(a.evidence, Some(Evidence::Footage | Evidence::Imagery)) && a.speaker.is_none()
    }) {
        if chosen.is_none_or(|c| c.verb > fa.verb) {
            out.source = None;
            out.evidence = fa.evidence;
        }
    }
    if out.source.is_none() && out.evidence.is_none() {
        if let Some(l) = inherited {
            out.source = l.source.clone();
            out.evidence = l.evidence;
        }
    }
    out
}

/// A sentence with no claim of its own that ends in an attribution ("These
/// guns were built to ..., The Daily Planet reported.", "..., he said.")
/// closes the sentence before it too: its claims told in no one's voice
/// get that speaker.
pub(crate) fn close_previous(sc: &Scene, prev: &mut [Draft]) {
    let u = &sc.u;
    let mut end = u.toks.len();
    while end > 0 && u.is_punct(end - 1) {
        end -= 1;
    }
    let Some(a) = sc.attrs.iter().rev().find(|a| {
        a.speaker.is_some()
            && !a.denial
            && !a.citing
            && a.t1 == end
            && a.t0 > 0
            && u.word(a.t0 - 1) == ","
    }) else {
        return;
    };
    for d in prev.iter_mut().filter(|d| d.claim.source.is_none()) {
        d.claim.source = Some(Source {
            speaker: a.speaker.clone(),
            via: a.via.clone(),
        });
        d.claim.evidence = a.evidence.or(Some(Evidence::Statement));
    }
}

/// "X has received 24 drones, Baku said, while the other side lost 12": a
/// contrast after an attribution starts words it does not cover; and an
/// attribution that opens a clause of its own after the figure does not
/// reach back to it.
fn contrast_between(u: &UnitView, a: &Attr, f0: usize) -> bool {
    let contrast = |k: usize| {
        u.word(k) == "," && matches!(u.word(k + 1), "while" | "whereas" | "but" | "although")
    };
    // "... were killed, and the UN says 12 million ...": a statement that
    // opens a new clause after the figure speaks of what follows it
    let opens_after = a.t0 > f0
        && a.t0 > 0
        && matches!(u.word(a.t0), "and" | "but" | "while" | "whereas")
        && u.word(a.t0 - 1) == ",";
    opens_after || (a.t1 <= f0 && (a.t1..f0).any(contrast))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::testing::{data, scene};

    #[test]
    fn nearest_speaker_and_citing_channel() {
        let sc = scene("Oslo sent 12 guns, the defence ministry said.");
        let (_, _, (f0, _)) = sc.figs[0];
        let s = choose(&sc.u, &sc.attrs, sc.clause_of(f0), f0, None, &data().lex);
        assert_eq!(s.evidence, Some(Evidence::Statement));
        assert!(s.source.and_then(|s| s.speaker).is_some());
        let sc = scene("Oslo sent 12 guns, the Daily Planet reported, citing two officials.");
        let (_, _, (f0, _)) = sc.figs[0];
        let s = choose(&sc.u, &sc.attrs, sc.clause_of(f0), f0, None, &data().lex);
        let src = s.source.expect("source");
        assert_eq!(src.speaker.as_deref(), Some("two officials"));
        assert!(src.via.is_some());
    }

    #[test]
    fn own_voice_has_no_source() {
        let sc = scene("Oslo sent 12 guns.");
        let (_, _, (f0, _)) = sc.figs[0];
        let s = choose(&sc.u, &sc.attrs, sc.clause_of(f0), f0, None, &data().lex);
        assert!(s.source.is_none() && s.evidence.is_none());
    }
}
