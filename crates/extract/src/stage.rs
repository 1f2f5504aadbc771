//! Stage: planned or done, from the trigger and the planned cues of its clause.

use crate::attribution::Attr;
use crate::context::LastFrame;
use crate::cues::{Cues, ItemKind};
use crate::frames::TrigHit;
use crate::marks::Cue;
use crate::mentions::UnitView;
use crate::triggers::Frame;
use tally_core::{Kind, Stage};

/// Is a planned cue in `[lo, hi)`?
pub(crate) fn planned_between(u: &UnitView, cues: &Cues, lo: usize, hi: usize) -> bool {
    u.planned_in(cues, lo, hi)
}

/// Stage from the trigger and the planned cues before it.
pub(crate) fn stage_of(
    u: &UnitView,
    cues: &Cues,
    t: Option<&TrigHit>,
    f0: usize,
    clause: (usize, usize),
) -> Stage {
    let hi = t.map(|t| t.t0.max(f0)).unwrap_or(f0);
    if t.is_some_and(|t| t.trig.stage == Stage::Planned) {
        return Stage::Planned;
    }
    if planned_between(u, cues, clause.0, hi) {
        return Stage::Planned;
    }
    Stage::Done
}

/// The claim's stage: the trigger and planned cues, the inherited frame's
/// stage for a continuation, harm that is done unless the clause speaks of
/// the future, and money packages that are announced (planned).
#[allow(clippy::too_many_arguments)]
pub(crate) fn final_stage(
    u: &UnitView,
    cues: &Cues,
    trig: Option<&TrigHit>,
    inherited: Option<&LastFrame>,
    kind: Kind,
    item: ItemKind,
    f0: usize,
    f1: usize,
    clause: (usize, usize),
) -> Stage {
    let mut stage = stage_of(u, cues, trig, f0, clause);
    if let Some(l) = inherited {
        if stage == Stage::Done && trig.is_none() && !planned_between(u, cues, clause.0, f1 + 3) {
            stage = l.stage;
        }
    }
    if matches!(kind, Kind::Casualties | Kind::Loss)
        && stage == Stage::Planned
        && !u.any_cue(cues, Cue::Future, clause.0, f0)
    {
        stage = Stage::Done;
    }
    if item == ItemKind::Money
        && kind == Kind::Transfer
        && trig.is_some_and(|t| !matches!(t.trig.frame, Frame::Give | Frame::Receive))
    {
        stage = Stage::Planned;
    }
    if item == ItemKind::Money && u.any_cue(cues, Cue::Package, clause.0, clause.1) {
        stage = Stage::Planned;
    }
    stage
}

/// Is the figure's event denied by a denial verb before it?
pub(crate) fn negated(attrs: &[Attr], f0: usize) -> bool {
    attrs.iter().any(|a| a.denial && a.verb < f0)
}

/// Is the trigger cancelled by a word before it in its clause ("scrapped
/// plans to send", "called off the delivery of")?
pub(crate) fn cancelled(
    u: &UnitView,
    cues: &Cues,
    t: Option<&TrigHit>,
    clause: (usize, usize),
) -> bool {
    let Some(t) = t else { return false };
    let lo = clause.0.max(t.t0.saturating_sub(6));
    (lo..t.t0).any(|k| cues.cancel.contains_at(u.lower, &u.toks, k))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::testing::{data, scene};

    fn stage_of_first(text: &str, kind: Kind, item: ItemKind) -> Stage {
        let sc = scene(text);
        let (_, _, (f0, f1)) = sc.figs[0];
        let clause = sc.clause_of(f0);
        let t = sc.trigs.first();
        final_stage(&sc.u, &data().cues, t, None, kind, item, f0, f1, clause)
    }

    #[test]
    fn pledges_are_planned_deliveries_done() {
        assert_eq!(
            stage_of_first("Oslo pledged 8 tanks.", Kind::Transfer, ItemKind::Materiel),
            Stage::Planned
        );
        assert_eq!(
            stage_of_first(
                "Oslo delivered 8 tanks.",
                Kind::Transfer,
                ItemKind::Materiel
            ),
            Stage::Done
        );
    }

    #[test]
    fn harm_is_done_unless_future() {
        assert_eq!(
            stage_of_first(
                "Officials announced that 40 soldiers were killed.",
                Kind::Casualties,
                ItemKind::People
            ),
            Stage::Done
        );
        assert_eq!(
            stage_of_first(
                "The army could lose 40 tanks.",
                Kind::Loss,
                ItemKind::Materiel
            ),
            Stage::Planned
        );
    }

    #[test]
    fn a_scrapped_plan_cancels_its_verb() {
        let sc = scene("Madrid scrapped plans to send 10 tanks.");
        let (_, _, (f0, _)) = sc.figs[0];
        let clause = sc.clause_of(f0);
        assert!(cancelled(&sc.u, &data().cues, sc.trigs.first(), clause));
        let sc = scene("Madrid sent 10 tanks.");
        assert!(!cancelled(&sc.u, &data().cues, sc.trigs.first(), clause));
    }
}
