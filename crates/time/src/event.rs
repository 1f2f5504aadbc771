//! Periods tied to an event ("since the start of the full-scale invasion"),
//! periods counted from publication ("within two months") and durations
//! ("for three months", "a 72-hour truce").

use crate::calendar;
use crate::lexicon::PrepRole;
use crate::parser::{Parsed, Parser, Val};
use crate::TimeKind;

/// How many modifier tokens may stand between the determiner and the event
/// noun ("the Russian full-scale invasion").
const MAX_MODIFIERS: usize = 6;

impl Parser<'_> {
    /// "before the war", "since the start of the full-scale invasion on 24
    /// February 2022", "since the September summit", "since Russia's
    /// invasion". Needs a preposition; resolves only through a date the
    /// phrase itself gives.
    pub(crate) fn event(&self, i: usize, role: Option<PrepRole>) -> Option<Parsed> {
        let role = role?;
        let mut j = i;
        // "the start of", "the beginning of", "the outbreak of".
        if self.is(j, "the")
            && self
                .word(j + 1)
                .is_some_and(|w| self.lex.event_openers.contains(w))
            && self.is(j + 2, "of")
        {
            j += 3;
        }
        // A determiner: "the", "its", or a possessive "Russia's".
        if self.is_any(
            j,
            &[
                "the", "its", "their", "his", "her", "our", "this", "that", "last", "a",
            ],
        ) {
            j += 1;
        } else if self.toks.get(j)?.is_cap()
            && self.punct(j + 1) == Some('\'')
            && self.is(j + 2, "s")
        {
            j += 3;
        } else {
            return None;
        }
        let mut date: Option<Val> = None;
        let mut k = j;
        let noun_end = loop {
            if let Some(end) = self.event_noun(k) {
                break end;
            }
            if k - j >= MAX_MODIFIERS {
                return None;
            }
            // A date inside the phrase dates the event: "the 2022 invasion".
            // (A date can only start where an expression may.)
            let date_here = if self.may_start(k) {
                self.absolute(k)
            } else {
                None
            };
            if let Some((end, v)) = date_here {
                date = Some(v);
                k = end;
                continue;
            }
            let stop = self.unit(k).is_some()
                || self.prep(k).is_some()
                || self.is_any(k, &["and", "of", "or", "the"]);
            match self.toks.get(k) {
                Some(t) if !stop && (t.is_word() || t.punct() == Some('-')) => k += 1,
                _ => return None,
            }
        };
        let mut end = noun_end;
        // "... began", "... started", "... on 24 February 2022", "... in February".
        if self.is_any(end, &["began", "started", "begun"]) {
            end += 1;
        } else if self.is_any(end, &["on", "in", "of"]) {
            if let Some((e, v)) = Self::longest([self.absolute(end + 1)]) {
                if v.spec.is_some() {
                    date = Some(v);
                    end = e;
                }
            }
        }
        // "in a deal", "on the visit", "at the summit": circumstance, not a
        // period. A point preposition ties a period to an event only when it
        // is a temporal one ("during the war") or the phrase carries a date.
        if role == PrepRole::Point && date.is_none() && !self.temporal_point_prep(i) {
            return None;
        }
        let open = date.and_then(|d| d.iv).map(|(from, to)| match role {
            PrepRole::Point => (Some(from), Some(to)),
            PrepRole::Since => (Some(from), self.p().filter(|p| *p >= from)),
            PrepRole::Until => (None, Some(to)),
            PrepRole::Before => (None, calendar::prev_day(from)),
            PrepRole::After => (calendar::next_day(to), None),
        });
        let mut v = Val::new(TimeKind::Event, None);
        v.open = Some(open.unwrap_or((None, None)));
        Some((end, v))
    }

    /// Does the preposition ending just before `i` speak of time by itself:
    /// "during", "throughout", "in the course of"?
    fn temporal_point_prep(&self, i: usize) -> bool {
        let before = |n: usize| i.checked_sub(n);
        before(1).is_some_and(|k| self.is_any(k, &["during", "throughout"]))
            || (before(1).is_some_and(|k| self.is(k, "of"))
                && before(2).is_some_and(|k| self.is(k, "course")))
    }

    /// An event noun (possibly several words) at `k`: its end.
    fn event_noun(&self, k: usize) -> Option<usize> {
        if !self
            .word(k)
            .is_some_and(|w| self.lex.event_first.contains(w))
        {
            return None;
        }
        'nouns: for noun in &self.lex.event_nouns {
            let mut t = k;
            for (n, w) in noun.iter().enumerate() {
                if n > 0 && self.punct(t) == Some('-') {
                    t += 1;
                }
                if !self.is(t, w) {
                    continue 'nouns;
                }
                t += 1;
            }
            return Some(t);
        }
        None
    }

    /// "within two months", "within the next 30 days": publication to
    /// publication plus the count.
    pub(crate) fn within(&self, i: usize) -> Option<Parsed> {
        if !self.is(i, "within") {
            return None;
        }
        let mut j = i + 1;
        if self.is(j, "the") && self.is_any(j + 1, &["next", "coming"]) {
            j += 2;
        }
        let (end, amounts) = match self.amounts(j) {
            Some(found) => found,
            None => {
                let (unit, per) = self.unit(j)?;
                (j + 1, vec![(unit, per)])
            }
        };
        let iv = self
            .p()
            .and_then(|p| Some((p, crate::relative::shift_by(p, &amounts, 1)?)));
        Some((end, Val::new(TimeKind::Interval, iv)))
    }

    /// "for three months", "a 72-hour ceasefire" (the "72-hour"): a length
    /// of time, not a period.
    pub(crate) fn duration(&self, i: usize) -> Option<Parsed> {
        let for_ = self.is(i, "for");
        let j = if for_ { i + 1 } else { i };
        let (k, _) = self.count(j)?;
        if self.punct(k) == Some('-') && self.glued(k) && self.glued(k + 1) {
            self.unit(k + 1)?;
            if self.punct(k + 2) == Some('-') && self.is(k + 3, "old") || self.is(k + 2, "old") {
                return None;
            }
            return Some((k + 2, Val::new(TimeKind::Duration, None)));
        }
        if !for_ {
            return None;
        }
        self.unit(k)?;
        if self.is_any(k + 1, &["ago", "earlier", "later"]) {
            return None;
        }
        Some((k + 1, Val::new(TimeKind::Duration, None)))
    }
}
