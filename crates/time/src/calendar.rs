//! Calendar arithmetic: named periods (a day, a month, a season ...) and how
//! they resolve to inclusive date intervals against the publication date.

use crate::lexicon::Unit;
use jiff::civil::Date;
use jiff::{Span, ToSpan};

/// An inclusive interval of days.
pub(crate) type Iv = (Date, Date);

/// A calendar period named in the text, possibly without its year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Spec {
    Day {
        y: Option<i16>,
        m: i8,
        d: i8,
    },
    Month {
        y: Option<i16>,
        m: i8,
    },
    Year {
        y: i16,
    },
    /// A season starting in month `start` (winter starts in December).
    Season {
        y: Option<i16>,
        start: i8,
    },
    /// `len` months from month `first` (quarters, halves).
    Months {
        y: Option<i16>,
        first: i8,
        len: i8,
    },
    Decade {
        y: i16,
    },
}

/// Which third of a period: early (1), middle (2) or late (3).
pub(crate) type Part = u8;

impl Spec {
    pub fn year(&self) -> Option<i16> {
        match *self {
            Spec::Day { y, .. }
            | Spec::Month { y, .. }
            | Spec::Season { y, .. }
            | Spec::Months { y, .. } => y,
            Spec::Year { y } | Spec::Decade { y } => Some(y),
        }
    }

    pub fn with_year(self, year: i16) -> Spec {
        let y = Some(year);
        match self {
            Spec::Day { m, d, .. } => Spec::Day { y, m, d },
            Spec::Month { m, .. } => Spec::Month { y, m },
            Spec::Season { start, .. } => Spec::Season { y, start },
            Spec::Months { first, len, .. } => Spec::Months { y, first, len },
            other => other,
        }
    }

    /// The interval in the given year (the spec's own year when it has one).
    pub fn in_year(&self, year: i16) -> Option<Iv> {
        let y = self.year().unwrap_or(year);
        match *self {
            Spec::Day { m, d, .. } => {
                let day = Date::new(y, m, d).ok()?;
                Some((day, day))
            }
            Spec::Month { m, .. } => month(y, m),
            Spec::Year { .. } => Some((Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?)),
            Spec::Season { start, .. } => months_from(y, start, 3),
            Spec::Months { first, len, .. } => months_from(y, first, len),
            Spec::Decade { .. } => Some((
                Date::new(y, 1, 1).ok()?,
                Date::new(y.checked_add(9)?, 12, 31).ok()?,
            )),
        }
    }

    /// Resolve against publication: the spec's year if it has one, else
    /// `ref_year`, else the most recent occurrence starting no later than
    /// `published` (or, when `future`, the nearest one ending no earlier).
    pub fn resolve(
        &self,
        ref_year: Option<i16>,
        published: Option<Date>,
        future: bool,
    ) -> Option<Iv> {
        if let Some(y) = self.year().or(ref_year) {
            return self.in_year(y);
        }
        let p = published?;
        let y = p.year();
        if future {
            (y - 1..=y + 1)
                .filter_map(|c| self.in_year(c))
                .find(|iv| iv.1 >= p)
        } else {
            (y - 2..=y + 1)
                .rev()
                .filter_map(|c| self.in_year(c))
                .find(|iv| iv.0 <= p)
        }
    }
}

/// The whole of month `m` of year `y`.
pub(crate) fn month(y: i16, m: i8) -> Option<Iv> {
    let first = Date::new(y, m, 1).ok()?;
    Some((first, first.last_of_month()))
}

/// `len` whole months starting with month `first` of year `y` (may run into
/// the next year).
pub(crate) fn months_from(y: i16, first: i8, len: i8) -> Option<Iv> {
    let start = Date::new(y, first, 1).ok()?;
    let last = start.checked_add(i64::from(len - 1).months()).ok()?;
    Some((start, last.last_of_month()))
}

/// The Monday–Sunday week containing `d`.
pub(crate) fn week_of(d: Date) -> Option<Iv> {
    let back = i64::from(d.weekday().to_monday_one_offset() - 1);
    let monday = d.checked_sub(back.days()).ok()?;
    Some((monday, monday.checked_add(6.days()).ok()?))
}

/// The calendar unit (week, month, year) containing `d`, shifted by `shift`
/// whole units.
pub(crate) fn calendar_unit(d: Date, unit: Unit, shift: i64) -> Option<Iv> {
    match unit {
        Unit::Hour | Unit::Day => {
            let day = add(d, Unit::Day, shift)?;
            Some((day, day))
        }
        Unit::Week => week_of(add(d, Unit::Week, shift)?),
        Unit::Month => {
            let first = add(d.first_of_month(), Unit::Month, shift)?;
            Some((first, first.last_of_month()))
        }
        Unit::Year => {
            let y = i16::try_from(i64::from(d.year()).checked_add(shift)?).ok()?;
            Spec::Year { y }.in_year(y)
        }
    }
}

/// `d` moved by `n` units (hours count as whole days, rounded up).
pub(crate) fn add(d: Date, unit: Unit, n: i64) -> Option<Date> {
    d.checked_add(span(unit, n)?).ok()
}

/// `n` of a unit as a span, or `None` when the calendar cannot represent it.
/// Counts come from the text and may be absurd ("the last 72024 years"):
/// jiff's infallible constructors would panic on them.
pub(crate) fn span(unit: Unit, n: i64) -> Option<Span> {
    let s = Span::new();
    match unit {
        Unit::Hour => {
            let days = n.checked_abs()?.checked_add(23)? / 24;
            s.try_days(days * n.signum()).ok()
        }
        Unit::Day => s.try_days(n).ok(),
        Unit::Week => s.try_weeks(n).ok(),
        Unit::Month => s.try_months(n).ok(),
        Unit::Year => s.try_years(n).ok(),
    }
}

/// The early / middle / late third of an interval: days 1-10 / 11-20 /
/// 21-end for a month, thirds by whole months for a longer run of months
/// (a year: January–April, May–August, September–December), thirds by days
/// otherwise.
pub(crate) fn part_of(iv: Iv, part: Part) -> Option<Iv> {
    let (from, to) = iv;
    let k = i64::from(part.clamp(1, 3)) - 1;
    let whole_months = from.day() == 1 && to == to.last_of_month();
    if whole_months && from.first_of_month() == to.first_of_month() {
        let start = from.checked_add((k * 10).days()).ok()?;
        let end = if k == 2 {
            to
        } else {
            from.checked_add((k * 10 + 9).days()).ok()?
        };
        return Some((start, end));
    }
    let n_months = (i64::from(to.year()) - i64::from(from.year())) * 12 + i64::from(to.month())
        - i64::from(from.month())
        + 1;
    if whole_months && n_months % 3 == 0 {
        let third = n_months / 3;
        let start = from.checked_add((k * third).months()).ok()?;
        let end = start
            .checked_add((third - 1).months())
            .ok()?
            .last_of_month();
        return Some((start, end));
    }
    let days = i64::from(from.until(to).ok()?.get_days()) + 1;
    let third = (days / 3).max(1);
    let start = from.checked_add((k * third).days()).ok()?;
    let end = if k == 2 {
        to
    } else {
        start.checked_add((third - 1).days()).ok()?.min(to)
    };
    Some((start.min(to), end))
}

/// The day before `d`.
pub(crate) fn prev_day(d: Date) -> Option<Date> {
    d.checked_sub(1.day()).ok()
}

/// The day after `d`.
pub(crate) fn next_day(d: Date) -> Option<Date> {
    d.checked_add(1.day()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn thirds() {
        let dec = month(2024, 12).unwrap();
        assert_eq!(
            part_of(dec, 3),
            Some((date(2024, 12, 21), date(2024, 12, 31)))
        );
        assert_eq!(
            part_of(dec, 2),
            Some((date(2024, 12, 11), date(2024, 12, 20)))
        );
        let y = Spec::Year { y: 2024 }.in_year(0).unwrap();
        assert_eq!(part_of(y, 1), Some((date(2024, 1, 1), date(2024, 4, 30))));
        assert_eq!(part_of(y, 2), Some((date(2024, 5, 1), date(2024, 8, 31))));
    }

    #[test]
    fn most_recent_or_next() {
        let p = date(2025, 1, 14);
        let dec = Spec::Month { y: None, m: 12 };
        assert_eq!(
            dec.resolve(None, Some(p), false).map(|i| i.0),
            Some(date(2024, 12, 1))
        );
        let mar = Spec::Month { y: None, m: 3 };
        assert_eq!(
            mar.resolve(None, Some(p), true).map(|i| i.0),
            Some(date(2025, 3, 1))
        );
        assert_eq!(
            mar.resolve(None, Some(p), false).map(|i| i.0),
            Some(date(2024, 3, 1))
        );
        let winter = Spec::Season { y: None, start: 12 };
        assert_eq!(
            winter.resolve(None, Some(p), false),
            Some((date(2024, 12, 1), date(2025, 2, 28)))
        );
        assert_eq!(dec.resolve(None, None, false), None);
    }

    #[test]
    fn weeks_start_monday() {
        // 2025-01-14 is a Tuesday.
        assert_eq!(
            week_of(date(2025, 1, 14)),
            Some((date(2025, 1, 13), date(2025, 1, 19)))
        );
        assert_eq!(
            calendar_unit(date(2025, 1, 14), Unit::Week, -1),
            Some((date(2025, 1, 6), date(2025, 1, 12)))
        );
    }
}
