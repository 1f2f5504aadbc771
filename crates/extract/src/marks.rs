//! Per-unit indexes, built once per unit instead of rescanned per figure:
//! which mention starts, ends or covers each token, and where the cue
//! phrases that stages test over a whole clause begin. With them, the cost
//! of a unit stays about linear in its length even for a run-on "sentence"
//! of thousands of figures.

use crate::cues::Cues;
use crate::mentions::Ment;
use crate::phrases::PhraseSet;
use crate::tokens::Tok;
use std::cell::OnceCell;

const NONE: u32 = u32::MAX;

/// For each token, the first mention (in mention order) that starts at,
/// ends just before, or covers it.
#[derive(Debug, Default)]
pub(crate) struct MentIndex {
    starts: Vec<u32>,
    ends: Vec<u32>,
    covers: Vec<u32>,
}

impl MentIndex {
    pub fn new(ments: &[Ment], n_toks: usize) -> MentIndex {
        let n = n_toks.max(ments.iter().map(|m| m.t1).max().unwrap_or(0));
        let mut ix = MentIndex {
            starts: vec![NONE; n + 1],
            ends: vec![NONE; n + 1],
            covers: vec![NONE; n + 1],
        };
        // in reverse, so the first mention in order is the one kept
        for (i, m) in ments.iter().enumerate().rev() {
            let i = u32::try_from(i).unwrap_or(NONE);
            ix.starts[m.t0] = i;
            ix.ends[m.t1] = i;
            for c in &mut ix.covers[m.t0..m.t1] {
                *c = i;
            }
        }
        ix
    }

    fn get(v: &[u32], k: usize) -> Option<usize> {
        v.get(k).copied().filter(|&i| i != NONE).map(|i| i as usize)
    }

    /// The first mention with `t0 == k`.
    pub fn starting(&self, k: usize) -> Option<usize> {
        Self::get(&self.starts, k)
    }

    /// The first mention with `t1 == k`.
    pub fn ending(&self, k: usize) -> Option<usize> {
        Self::get(&self.ends, k)
    }

    /// The first mention with `t0 <= k < t1`.
    pub fn covering(&self, k: usize) -> Option<usize> {
        Self::get(&self.covers, k)
    }
}

/// Token positions where one cue phrase set matches, found on first use.
#[derive(Debug, Default)]
pub(crate) struct CueMarks(OnceCell<Vec<usize>>);

impl CueMarks {
    fn positions(
        &self,
        lower: &str,
        toks: &[Tok],
        keep: impl Fn(usize) -> bool,
        set: &PhraseSet<()>,
    ) -> &[usize] {
        self.0.get_or_init(|| {
            (0..toks.len())
                .filter(|&k| set.contains_at(lower, toks, k) && keep(k))
                .collect()
        })
    }

    /// Does a phrase of `set` start in `[lo, hi)`? `keep` filters the
    /// matches (a function of the unit only: it is applied once).
    pub fn any_in(
        &self,
        lower: &str,
        toks: &[Tok],
        set: &PhraseSet<()>,
        keep: impl Fn(usize) -> bool,
        lo: usize,
        hi: usize,
    ) -> bool {
        let at = self.positions(lower, toks, keep, set);
        let i = at.partition_point(|&k| k < lo);
        at.get(i).is_some_and(|&k| k < hi)
    }
}

/// The cue sets stages test over whole clauses or units.
#[derive(Debug, Default)]
pub(crate) struct UnitMarks {
    pub military_context: CueMarks,
    pub sale: CueMarks,
    pub planned: CueMarks,
    pub future: CueMarks,
    pub package: CueMarks,
}

/// Which cue set a [`UnitMarks`] slot indexes.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Cue {
    MilitaryContext,
    Sale,
    Future,
    Package,
}

impl UnitMarks {
    /// The slot and the phrase set of `cue`.
    pub fn slot<'c>(&self, cues: &'c Cues, cue: Cue) -> (&CueMarks, &'c PhraseSet<()>) {
        match cue {
            Cue::MilitaryContext => (&self.military_context, &cues.military_context),
            Cue::Sale => (&self.sale, &cues.sale),
            Cue::Future => (&self.future, &cues.future),
            Cue::Package => (&self.package, &cues.package),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::testing::scene;

    #[test]
    fn mention_index_answers_like_a_scan() {
        let sc = scene("Norway and Sweden sent 12 howitzers to Ukraine's army in Kharkiv.");
        let u = &sc.u;
        assert!(!u.ments.is_empty());
        for k in 0..=u.toks.len() + 1 {
            let first = |f: &dyn Fn(&Ment) -> bool| u.ments.iter().position(f);
            assert_eq!(u.index.starting(k), first(&|m| m.t0 == k));
            assert_eq!(u.index.ending(k), first(&|m| m.t1 == k));
            assert_eq!(u.index.covering(k), first(&|m| m.t0 <= k && k < m.t1));
        }
    }

    #[test]
    fn cue_marks_find_phrases_in_a_range() {
        let sc = scene("Officials said the army will send 40 tanks next year.");
        let u = &sc.u;
        let d = crate::scene::testing::data();
        let n = u.toks.len();
        let scan =
            |lo: usize, hi: usize| (lo..hi).any(|k| d.cues.future.contains_at(u.lower, &u.toks, k));
        for lo in 0..n {
            for hi in lo..=n {
                assert_eq!(u.any_cue(&d.cues, Cue::Future, lo, hi), scan(lo, hi));
            }
        }
    }
}
