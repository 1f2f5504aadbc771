//! Parts of a period: "late December", "mid-2025", "the end of March", "the
//! first days of", "earlier this month", "so far this year".

use crate::calendar::{self, Iv};
use crate::lexicon::Unit;
use crate::parser::{Parsed, Parser, Val};
use crate::TimeKind;

impl Parser<'_> {
    /// A part of a period, whichever form matches longest at `i`.
    pub(crate) fn part_phrase(&self, i: usize) -> Option<Parsed> {
        Self::longest([self.third(i), self.edge(i), self.so_far(i), self.to_date(i)])
    }

    /// "to date", "so far": up to publication, open at the start.
    fn to_date(&self, i: usize) -> Option<Parsed> {
        let end = self.phrase(i, &self.lex.to_date)?;
        let mut v = Val::new(TimeKind::Open, None);
        v.open = Some((None, self.p()));
        Some((end, v))
    }

    /// The end of the first of `phrases` that matches at `i` (hyphens between
    /// words are skipped: "year-to-date").
    fn phrase(&self, i: usize, phrases: &[Vec<String>]) -> Option<usize> {
        phrases.iter().find_map(|phrase| {
            let mut k = i;
            for w in phrase {
                if self.punct(k) == Some('-') {
                    k += 1;
                }
                if !self.is(k, w) {
                    return None;
                }
                k += 1;
            }
            Some(k)
        })
    }

    /// The period a part word governs: a calendar or relative period, or
    /// "the year" / "the month" / "the week" (the one of publication).
    fn governed(&self, j: usize) -> Option<Parsed> {
        let k = if self.is(j, "the") { j + 1 } else { j };
        if let Some(&(unit, 1)) = self.word(k).and_then(|w| self.lex.units.get(w)) {
            if matches!(unit, Unit::Week | Unit::Month | Unit::Year)
                && !self.word(k)?.ends_with('s')
            {
                let iv = self.p().and_then(|p| calendar::calendar_unit(p, unit, 0));
                return Some((k + 1, Val::new(TimeKind::Other, iv)));
            }
        }
        Self::longest([self.absolute(j), self.relative(j)])
    }

    /// "early/mid/late X", "mid-2025", "late last year".
    fn third(&self, i: usize) -> Option<Parsed> {
        let w = self.word(i)?;
        if !matches!(w, "early" | "mid" | "late" | "earlier" | "later") {
            return None;
        }
        let mut j = i + 1;
        if self.punct(j) == Some('-') && self.glued(j) {
            j += 1;
        }
        if matches!(w, "earlier" | "later") {
            // "earlier this month", "later this year", "earlier in the week".
            let k = if self.is(j, "in") && self.is(j + 1, "the") {
                j + 1
            } else {
                j
            };
            if !self.is_any(k, &["this", "the"]) {
                return None;
            }
            let unit = match self.word(k + 1)? {
                "week" => Unit::Week,
                "month" => Unit::Month,
                "year" => Unit::Year,
                _ => return None,
            };
            let iv = self.p().and_then(|p| {
                let (from, to) = calendar::calendar_unit(p, unit, 0)?;
                Some(if w == "earlier" { (from, p) } else { (p, to) })
            });
            return Some((k + 2, Val::new(TimeKind::Interval, iv)));
        }
        let part = *self.lex.parts.get(w)?;
        let (end, inner) = self.governed(j)?;
        Some((end, self.with_part(inner, part)))
    }

    /// "the beginning of March", "the end of the year", "the middle of 2024".
    fn edge(&self, i: usize) -> Option<Parsed> {
        let j = if self.is(i, "the") { i + 1 } else { i };
        let w = self.word(j)?;
        if !matches!(w, "beginning" | "start" | "end" | "middle") || !self.is(j + 1, "of") {
            return None;
        }
        let part = *self.lex.parts.get(w)?;
        let (end, inner) = self.governed(j + 2)?;
        let mut v = self.with_part(inner, part);
        // "before the end of March" reaches to the end; "after the start of
        // March" from the start.
        v.whole = inner.iv;
        Some((end, v))
    }

    /// "so far this year", "this year so far", "the year to date".
    fn so_far(&self, i: usize) -> Option<Parsed> {
        let year_to_p = |p| -> Option<Iv> {
            let (from, _) = calendar::calendar_unit(p, Unit::Year, 0)?;
            Some((from, p))
        };
        let end = self.phrase(i, &self.lex.year_to_date)?;
        Some((
            end,
            Val::new(TimeKind::Interval, self.p().and_then(year_to_p)),
        ))
    }

    fn with_part(&self, inner: Val, part: u8) -> Val {
        let iv = inner.iv.and_then(|iv| calendar::part_of(iv, part));
        let mut v = Val::new(inner.kind, iv);
        v.spec = inner.spec.map(|(s, _)| (s, Some(part)));
        v
    }
}
