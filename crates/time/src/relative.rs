//! Periods named relative to publication: "yesterday", "last week", "this
//! year", "over the past three months", "two weeks ago", "on Sunday".

use crate::calendar::{self, Iv, Spec};
use crate::lexicon::Unit;
use crate::parser::{Parsed, Parser, Val};
use crate::TimeKind;
use jiff::civil::Date;
use jiff::ToSpan;

/// How many units "recent weeks" or "the coming months" cover.
const VAGUE_COUNT: i64 = 3;

impl Parser<'_> {
    /// Whichever relative form matches longest at `i`.
    pub(crate) fn relative(&self, i: usize) -> Option<Parsed> {
        Self::longest([
            self.deictic(i),
            self.shifted(i),
            self.rolling(i),
            self.recent(i),
            self.ago(i),
            self.weekday(i),
            self.weekend(i),
            self.after_next(i),
        ])
    }

    fn resolved(&self, kind: TimeKind, iv: impl FnOnce(Date) -> Option<Iv>) -> Val {
        Val::new(kind, self.p().and_then(iv))
    }

    /// "today", "tonight", "yesterday", "tomorrow".
    fn deictic(&self, i: usize) -> Option<Parsed> {
        let off = *self.lex.deictic.get(self.word(i)?)?;
        let v = self.resolved(TimeKind::Day, |p| {
            let d = calendar::add(p, Unit::Day, off)?;
            Some((d, d))
        });
        Some((i + 1, v))
    }

    /// "last week", "this month", "next year", "last Sunday", "last
    /// September", "this summer", "last night", "this weekend".
    fn shifted(&self, i: usize) -> Option<Parsed> {
        let w = self.word(i)?;
        let shift = *self.lex.shifts.get(w)?;
        let j = i + 1;
        let next = self.word(j)?;
        if (w == "past" || w == "coming") && !self.lex.weekdays.contains_key(next) {
            return None;
        }
        if next == "quarter" {
            // The calendar quarter of publication, shifted.
            let v = self.resolved(TimeKind::Other, |p| {
                let q0 = p
                    .first_of_month()
                    .checked_sub(i64::from((p.month() - 1) % 3).months())
                    .ok()?;
                let first = calendar::add(q0, Unit::Month, shift.checked_mul(3)?)?;
                calendar::months_from(first.year(), first.month(), 3)
            });
            return Some((j + 1, v));
        }
        if let Some(&(unit, 1)) = self.lex.units.get(next) {
            if next.ends_with('s') || matches!(unit, Unit::Hour) {
                return None;
            }
            let mut v = self.resolved(kind_of(unit), |p| calendar::calendar_unit(p, unit, shift));
            v.current = shift == 0;
            return Some((j + 1, v));
        }
        if self.lex.day_parts.contains(next) {
            let v = self.resolved(TimeKind::Day, |p| {
                if next == "weekend" {
                    let (mon, _) = calendar::calendar_unit(p, Unit::Week, shift)?;
                    return Some((
                        mon.checked_add(5.days()).ok()?,
                        mon.checked_add(6.days()).ok()?,
                    ));
                }
                let off = if next == "night" && shift < 0 {
                    -1
                } else {
                    shift.max(0)
                };
                let d = calendar::add(p, Unit::Day, off)?;
                Some((d, d))
            });
            return Some((j + 1, v));
        }
        if let Some(&wd) = self.lex.weekdays.get(next) {
            self.weekday_word(j)?;
            let by_week = self.lex.week_shifts.contains(w);
            let v = self.resolved(TimeKind::Day, |p| {
                let d = if by_week {
                    // "next Friday": the Friday of next week.
                    let (monday, _) = calendar::calendar_unit(p, Unit::Week, shift)?;
                    monday.checked_add(i64::from(wd - 1).days()).ok()?
                } else {
                    weekday_near(p, wd, shift, self.anchor.future)?
                };
                Some((d, d))
            });
            return Some((j + 1, v));
        }
        let (end, spec, kind) = if let Some((end, m, _)) = self.month_at(j) {
            (end, Spec::Month { y: None, m }, TimeKind::Month)
        } else if let Some(&start) = self.lex.seasons.get(next) {
            (j + 1, Spec::Season { y: None, start }, TimeKind::Season)
        } else {
            return None;
        };
        let iv = self
            .p()
            .and_then(|p| named_near(spec, p, shift, self.anchor.future));
        let mut v = Val::new(kind, iv);
        v.spec = iv.map(|iv| (spec.with_year(iv.0.year()), None));
        Some((end, v))
    }

    /// "the week after next", "the month after the next", "the year after
    /// next": the calendar unit two ahead.
    fn after_next(&self, i: usize) -> Option<Parsed> {
        if !self.is(i, "the") {
            return None;
        }
        let w = self.word(i + 1)?;
        let k = if self.is(i + 3, "the") { i + 4 } else { i + 3 };
        if !self.is(i + 2, "after") || !self.is(k, "next") {
            return None;
        }
        if w == "weekend" {
            let v = self.resolved(TimeKind::Day, |p| {
                let (mon, _) = calendar::calendar_unit(p, Unit::Week, 2)?;
                Some((
                    mon.checked_add(5.days()).ok()?,
                    mon.checked_add(6.days()).ok()?,
                ))
            });
            return Some((k + 1, v));
        }
        let (unit, 1) = self.unit(i + 1)? else {
            return None;
        };
        if w.ends_with('s') || matches!(unit, Unit::Hour | Unit::Day) {
            return None;
        }
        let v = self.resolved(kind_of(unit), |p| calendar::calendar_unit(p, unit, 2));
        Some((k + 1, v))
    }

    /// "the past three months", "the last 24 hours", "the past week", "the
    /// next two weeks", "the coming months", "past 3 weeks".
    fn rolling(&self, i: usize) -> Option<Parsed> {
        let the = self.is(i, "the");
        let j = if the { i + 1 } else { i };
        let w = self.word(j)?;
        let shift = *self.lex.shifts.get(w)?;
        if shift == 0 {
            return None;
        }
        let (k, n) = match self.count(j + 1) {
            Some((k, n)) if self.unit(k).is_some() => (k, Some(n)),
            _ => (j + 1, None),
        };
        let unit_word = self.word(k)?;
        let (unit, per) = self.unit(k)?;
        let plural = unit_word.ends_with('s');
        let n = match n {
            Some(n) => n,
            None if plural && the && matches!(w, "coming" | "next" | "past" | "last") => {
                VAGUE_COUNT
            }
            None if !plural && (the || w == "past") => 1,
            None => return None,
        };
        if !the && n == 1 && w != "past" {
            return None;
        }
        let total = n.checked_mul(per)?;
        let v = self.resolved(TimeKind::Interval, |p| {
            if shift < 0 {
                Some((calendar::add(p, unit, -total)?, p))
            } else {
                Some((p, calendar::add(p, unit, total)?))
            }
        });
        Some((k + 1, v))
    }

    /// "recent weeks", "recent months": the last few units up to publication.
    fn recent(&self, i: usize) -> Option<Parsed> {
        let j = if self.is(i, "the") { i + 1 } else { i };
        if !self.is_any(j, &["recent", "last", "past"]) || self.is(j, "last") && j == i {
            return None;
        }
        let w = self.word(j + 1)?;
        if !w.ends_with('s') || (w != "days" && w != "weeks" && w != "months" && w != "years") {
            return None;
        }
        if !self.is(j, "recent") {
            return None;
        }
        let (unit, per) = self.unit(j + 1)?;
        let v = self.resolved(TimeKind::Interval, |p| {
            Some((calendar::add(p, unit, -VAGUE_COUNT * per)?, p))
        });
        Some((j + 2, v))
    }

    /// "two weeks ago" (that day); "three days earlier" (relative to an
    /// event the sentence names elsewhere: kept unresolved).
    fn ago(&self, i: usize) -> Option<Parsed> {
        let (k, amounts) = self.amounts(i)?;
        match self.word(k)? {
            "ago" => {
                let v = self.resolved(TimeKind::Day, |p| {
                    let d = shift_by(p, &amounts, -1)?;
                    Some((d, d))
                });
                Some((k + 1, v))
            }
            "earlier" | "later" => Some((k + 1, Val::new(TimeKind::Other, None))),
            _ => None,
        }
    }

    /// A length of time in one or more parts: "two weeks", "1 month 21
    /// days", "2 years, 1 month and 21 days". Returns the index after the
    /// last unit and each part as (unit, count).
    pub(crate) fn amounts(&self, i: usize) -> Option<(usize, Vec<(Unit, i64)>)> {
        let mut out = Vec::new();
        let mut j = i;
        let mut end = i;
        let part = |j: usize| -> Option<(usize, Unit, i64)> {
            let (k, n) = self.count(j)?;
            let (unit, per) = self.unit(k)?;
            Some((k, unit, n.checked_mul(per)?))
        };
        while let Some((k, unit, total)) = part(j) {
            out.push((unit, total));
            end = k + 1;
            j = self.comma(end);
            if self.is(j, "and") {
                j += 1;
            }
        }
        (!out.is_empty()).then_some((end, out))
    }

    /// A bare weekday: its most recent occurrence, publication day included
    /// (the next one, publication day included, for a planned event).
    fn weekday(&self, i: usize) -> Option<Parsed> {
        let wd = *self.lex.weekdays.get(self.word(i)?)?;
        let end = self.weekday_word(i)?;
        let end = if self.punct(end - 1) == Some(',') {
            end - 1
        } else {
            end
        };
        let v = self.resolved(TimeKind::Day, |p| {
            let d = weekday_near(p, wd, 0, self.anchor.future)?;
            Some((d, d))
        });
        Some((end, v))
    }

    /// "the weekend", "weekend": the most recent Saturday–Sunday (the next
    /// one when planned).
    fn weekend(&self, i: usize) -> Option<Parsed> {
        let j = if self.is(i, "the") { i + 1 } else { i };
        if !self.is(j, "weekend") || (j == i && !self.supported(i)) {
            return None;
        }
        let v = self.resolved(TimeKind::Day, |p| {
            let sat = weekday_near(p, 6, 0, self.anchor.future)?;
            let sat = if !self.anchor.future && p.weekday().to_monday_one_offset() == 7 {
                p.checked_sub(1.day()).ok()?
            } else {
                sat
            };
            Some((sat, sat.checked_add(1.day()).ok()?))
        });
        Some((j + 1, v))
    }

    /// "this year", "last year", "next year", "the year": its calendar year.
    pub(crate) fn unit_year(&self, i: usize) -> Option<(usize, Iv)> {
        let shift = match self.word(i)? {
            "the" => 0,
            w => *self.lex.shifts.get(w)?,
        };
        if !self.is(i + 1, "year") {
            return None;
        }
        let p = self.p()?;
        Some((i + 2, calendar::calendar_unit(p, Unit::Year, shift)?))
    }
}

fn kind_of(unit: Unit) -> TimeKind {
    match unit {
        Unit::Hour | Unit::Day => TimeKind::Day,
        Unit::Week => TimeKind::Week,
        Unit::Month => TimeKind::Month,
        Unit::Year => TimeKind::Year,
    }
}

/// `p` moved by every part of a compound length, in `sign` direction,
/// largest unit first.
pub(crate) fn shift_by(p: Date, amounts: &[(Unit, i64)], sign: i64) -> Option<Date> {
    let mut parts = amounts.to_vec();
    parts.sort_by_key(|(u, _)| std::cmp::Reverse(rank(*u)));
    parts
        .into_iter()
        .try_fold(p, |d, (unit, n)| calendar::add(d, unit, sign * n))
}

fn rank(unit: Unit) -> u8 {
    match unit {
        Unit::Hour => 0,
        Unit::Day => 1,
        Unit::Week => 2,
        Unit::Month => 3,
        Unit::Year => 4,
    }
}

/// Weekday `wd` (1 = Monday) near `p`: shift 0 is the most recent one, `p`
/// included (or the next one when `future`); -1 strictly before `p`; +1
/// strictly after.
pub(crate) fn weekday_near(p: Date, wd: i8, shift: i64, future: bool) -> Option<Date> {
    let today = p.weekday().to_monday_one_offset();
    let back = i64::from((today - wd).rem_euclid(7));
    let fwd = i64::from((wd - today).rem_euclid(7));
    match (shift.signum(), future) {
        (0, false) => p.checked_sub(back.days()).ok(),
        (0, true) => p.checked_add(fwd.days()).ok(),
        (-1, _) => p
            .checked_sub((if back == 0 { 7 } else { back }).days())
            .ok(),
        _ => p.checked_add((if fwd == 0 { 7 } else { fwd }).days()).ok(),
    }
}

/// A named month or season relative to `p`: "last September" is the most
/// recent one that ended before `p`'s month began; "this" the one of `p`'s
/// year (the most recent started or, when planned, the next to end);
/// "next" the first to start after `p`.
fn named_near(spec: Spec, p: Date, shift: i64, future: bool) -> Option<Iv> {
    let y = p.year();
    let mut cands = (y - 2..=y + 2).filter_map(|c| spec.with_year(c).in_year(c));
    match shift.signum() {
        -1 => {
            let month_start = p.first_of_month();
            cands.rfind(|iv| iv.1 < month_start)
        }
        1 => cands.find(|iv| iv.0 > p),
        _ => spec.resolve(None, Some(p), future),
    }
}
