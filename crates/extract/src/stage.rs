//! Stage: planned or done, from the trigger and the planned cues of its clause.

use crate::cues::Cues;
use crate::frames::TrigHit;
use crate::mentions::UnitView;
use tally_core::Stage;

/// Is a planned cue in `[lo, hi)`?
pub(crate) fn planned_between(u: &UnitView, cues: &Cues, lo: usize, hi: usize) -> bool {
    (lo..hi).any(|k| {
        cues.planned.contains_at(u.lower, &u.toks, k)
            && !(u.word(k) == "to" && u.word(k + 1) == "be" && u.word(k + 2) == "trained")
    })
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
