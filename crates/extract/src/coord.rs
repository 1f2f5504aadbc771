//! Coordination: figures joined by "and"/"or" share a bound ("about 1,000
//! killed and 3,000 wounded"), and the base of a partitive ("2,200 of the
//! 3,500 tanks") is not a count of its own.

use crate::cues::Cues;
use crate::scene::Scene;
use tally_core::Bound;

/// Is figure `fi` the base of a partitive whose part is the figure before it?
pub(crate) fn is_partitive_base(sc: &Scene, fi: usize, cues: &Cues) -> bool {
    let u = &sc.u;
    let f0 = sc.figs[fi].2 .0;
    f0 >= 2
        && fi > 0
        && cues.base_before.ending_at(u.lower, &u.toks, f0).is_some()
        && sc.figs[fi - 1].2 .1 + 4 >= f0
}

/// The bound of a figure at `[f0, ..)`, carrying the previous figure's bound
/// (ending at token `prev.0`) over a close coordination when the figure has
/// none of its own and counts the same elided noun.
pub(crate) fn carried_bound(
    sc: &Scene,
    own: Bound,
    f0: usize,
    prev: Option<(usize, Bound)>,
    elided: bool,
) -> Bound {
    if own != Bound::Exact || !elided {
        return own;
    }
    match prev {
        Some((pe, pb))
            if pe + 4 >= f0 && (pe..f0).any(|k| matches!(sc.u.word(k), "and" | "or")) =>
        {
            pb
        }
        _ => own,
    }
}
