//! Periods named by the calendar: dates in their written forms, months,
//! years, decades, seasons, quarters and halves.

use crate::calendar::Spec;
use crate::parser::{Parsed, Parser, Val};

impl Parser<'_> {
    /// Whichever calendar form matches longest at `i`, with an optional
    /// weekday before a date ("Monday, 12 January").
    pub(crate) fn absolute(&self, i: usize) -> Option<Parsed> {
        let here = Self::longest([
            self.date_dmy(i),
            self.date_mdy(i),
            self.iso(i),
            self.numeric(i),
            self.numeric_month(i),
            self.month_year(i),
            self.year_month(i),
            self.season(i),
            self.quarter(i),
            self.year(i),
        ]);
        let after_weekday = self.weekday_word(i).and_then(|j| {
            let j = self.comma(j);
            let j = if self.is(j, "the") { j + 1 } else { j };
            let (end, v) = Self::longest([
                self.date_dmy(j),
                self.date_mdy(j),
                self.iso(j),
                self.numeric(j),
            ])?;
            Some((end, v))
        });
        Self::longest([here, after_weekday])
    }

    /// A weekday name (full, or abbreviated with a full stop or comma).
    pub(crate) fn weekday_word(&self, i: usize) -> Option<usize> {
        let w = self.word(i)?;
        self.lex.weekdays.get(w)?;
        if w.ends_with("day") {
            return Some(i + 1);
        }
        match self.punct(i + 1) {
            Some('.') if self.glued(i + 1) => Some(i + 2),
            Some(',') => Some(i + 1),
            _ => None,
        }
    }

    /// A month name or abbreviation ("Jan." takes its full stop). Words that
    /// are also common English ("may", "march") must be capitalised, and
    /// `weak` is set so the caller asks for more evidence.
    pub(crate) fn month_at(&self, i: usize) -> Option<(usize, i8, bool)> {
        self.month_word(i, false)
    }

    /// A month word; `after_day` accepts lower-case "may" after a day
    /// number ("4th of may"), where it cannot be the verb.
    fn month_word(&self, i: usize, after_day: bool) -> Option<(usize, i8, bool)> {
        let w = self.word(i)?;
        let m = *self.lex.months.get(w)?;
        let weak = self.lex.ambiguous.contains(w);
        if weak && !after_day && !self.toks.get(i)?.is_cap() {
            return None;
        }
        let full = matches!(w, "may" | "june" | "july") || w.len() > 4;
        let end = if !full && self.punct(i + 1) == Some('.') && self.glued(i + 1) {
            i + 2
        } else {
            i + 1
        };
        Some((end, m, weak))
    }

    /// Whether the word before `i` marks what follows as a time ("in May").
    pub(crate) fn supported(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        if self.punct(i - 1) == Some('-') && self.glued(i) {
            return true;
        }
        self.word(i - 1)
            .is_some_and(|w| self.lex.support.contains(w))
    }

    /// A four-digit year, 1800–2199, not a price, percentage or part of a
    /// longer number.
    pub(crate) fn year_at(&self, i: usize) -> Option<(usize, i16)> {
        let (v, digits, ordinal) = self.num(i)?;
        if digits != 4 || ordinal || !(1800..=2199).contains(&v) {
            return None;
        }
        if i > 0 && self.glued(i) && matches!(self.punct(i - 1), Some('$' | '€' | '£' | '.' | ','))
        {
            return None;
        }
        if self.glued(i + 1)
            && matches!(self.punct(i + 1), Some('%' | '.' | ',' | ':'))
            && self.num(i + 2).is_some()
        {
            return None;
        }
        if self.glued(i + 1) && self.punct(i + 1) == Some('%') {
            return None;
        }
        // Part of a hyphenated number ("138-2010-2015", "82-2100").
        let other_num = |k: usize| {
            self.num(k).is_some_and(|(_, d, _)| d != 4)
                && !(k >= 1 && self.glued(k) && self.word(k - 1).is_some())
        };
        if i >= 2
            && self.glued(i)
            && self.punct(i - 1) == Some('-')
            && self.glued(i - 1)
            && other_num(i - 2)
        {
            return None;
        }

        Some((i + 1, i16::try_from(v).ok()?))
    }

    /// A day of the month: "7", "7th", "seventh", "twenty-first".
    fn day_num(&self, i: usize) -> Option<(usize, i8, bool)> {
        if let Some((v, digits, ordinal)) = self.num(i) {
            let in_number = i >= 2
                && self.glued(i)
                && matches!(self.punct(i - 1), Some('.' | ','))
                && self.num(i - 2).is_some();
            if digits <= 2 && (1..=31).contains(&v) && !in_number {
                return Some((i + 1, i8::try_from(v).ok()?, ordinal));
            }
            return None;
        }
        let w = self.word(i)?;
        if let Some(&tens) = self.lex.numbers.get(w) {
            if (tens == 20 || tens == 30) && self.punct(i + 1) == Some('-') {
                let unit = self.word(i + 2).and_then(|u| self.lex.ordinals.get(u))?;
                return Some((i + 3, i8::try_from(tens + unit).ok()?, true));
            }
            return None;
        }
        let v = *self.lex.ordinals.get(w)?;
        (1..=31)
            .contains(&v)
            .then_some((i + 1, i8::try_from(v).ok()?, true))
    }

    /// ", 2025" / " 2025" / " of 2025" after a date or month.
    fn trailing_year(&self, j: usize) -> Option<(usize, i16)> {
        let k = self.comma(j);
        let k = if self.is_any(k, &["of", "in"]) {
            k + 1
        } else {
            k
        };
        self.year_at(k)
    }

    /// "7 January", "7th of January 2025", "the seventh of January".
    fn date_dmy(&self, i: usize) -> Option<Parsed> {
        let the = self.is(i, "the");
        let j = if the { i + 1 } else { i };
        let (j, d, ordinal) = self.day_num(j)?;
        if the && !ordinal {
            return None;
        }
        let hyphen = self.punct(j) == Some('-') && self.glued(j) && self.glued(j + 1);
        // "16. Nov. 2016": a full stop after the day, as German and Nordic
        // writers put it.
        let dot = !hyphen && self.punct(j) == Some('.') && self.glued(j);
        let of = self.is(j, "of");
        let j = if of || hyphen || dot { j + 1 } else { j };
        let (j, m, _) = self.month_word(j, ordinal || of)?;
        let j = if hyphen && self.punct(j) == Some('-') && self.glued(j) {
            j + 1
        } else {
            j
        };
        let (end, y) = match self.trailing_year(j) {
            Some((e, y)) => (e, Some(y)),
            None => (j, None),
        };
        Date::new(y.unwrap_or(2000), m, d).ok()?;
        Some((end, self.spec_val(Spec::Day { y, m, d }, None)))
    }

    /// "January 7", "Jan. 7, 2025", "January the 7th".
    fn date_mdy(&self, i: usize) -> Option<Parsed> {
        let (j, m, _) = self.month_at(i)?;
        let j = if self.is(j, "the") { j + 1 } else { j };
        let (j, d, _) = self.day_num(j)?;
        if self.glued(j)
            && matches!(self.punct(j), Some(':' | '%' | '.'))
            && self.num(j + 1).is_some()
        {
            return None;
        }
        let (end, y) = match self.trailing_year(j) {
            Some((e, y)) => (e, Some(y)),
            None => (j, None),
        };
        Date::new(y.unwrap_or(2000), m, d).ok()?;
        Some((end, self.spec_val(Spec::Day { y, m, d }, None)))
    }

    /// "2025-01-07", "2025/01/07", "2025-01", "2019-sep-1".
    fn iso(&self, i: usize) -> Option<Parsed> {
        let (j, y) = self.year_at(i)?;
        let sep = self.punct(j).filter(|c| matches!(c, '-' | '/' | '.'))?;
        if !self.glued(j) || !self.glued(j + 1) {
            return None;
        }
        let (j, m) = match self.num(j + 1) {
            Some((m, digits, false)) if digits <= 2 && (1..=12).contains(&m) => {
                (j + 2, i8::try_from(m).ok()?)
            }
            _ => {
                let (k, m, _) = self.month_at(j + 1).or_else(|| {
                    // Lower-case abbreviations are fine inside a numeric date.
                    let w = self.word(j + 1)?;
                    Some((j + 2, *self.lex.months.get(w)?, false))
                })?;
                (k, m)
            }
        };
        if self.punct(j) == Some(sep) && self.glued(j) && self.glued(j + 1) {
            let (d, digits, _) = self.num(j + 1)?;
            if digits > 2 || self.glued(j + 2) && self.num(j + 3).is_some() {
                return None;
            }
            let d = i8::try_from(d).ok()?;
            Date::new(y, m, d).ok()?;
            return Some((j + 2, self.spec_val(Spec::Day { y: Some(y), m, d }, None)));
        }
        if sep == '.'
            || self.glued(j)
                && (self.punct(j).is_some_and(|c| c == '-' || c == '/') || self.num(j).is_some())
        {
            return None;
        }
        Some((j, self.spec_val(Spec::Month { y: Some(y), m }, None)))
    }

    /// "07/01/2025", "7.1.2025": day first (as most of the world writes it)
    /// unless only month-first can be valid ("02/22/2016").
    fn numeric(&self, i: usize) -> Option<Parsed> {
        let (a, da, false) = self.num(i)? else {
            return None;
        };
        let sep = self.punct(i + 1).filter(|c| matches!(c, '/' | '.' | '-'))?;
        if i >= 2
            && self.glued(i)
            && self.punct(i - 1).is_some_and(|c| c == sep)
            && self.num(i - 2).is_some()
        {
            return None;
        }
        let (b, db, false) = self.num(i + 2)? else {
            return None;
        };
        if self.punct(i + 3) != Some(sep) || da > 2 || db > 2 {
            return None;
        }
        if !(1..=4).all(|k| self.glued(i + k)) {
            return None;
        }
        let (y, dy, false) = self.num(i + 4)? else {
            return None;
        };
        let y = match (dy, sep) {
            (4, _) => y,
            (2, '/') => {
                if y <= 50 {
                    2000 + y
                } else {
                    1900 + y
                }
            }
            _ => return None,
        };
        if self.glued(i + 5)
            && (self.num(i + 6).is_some() || self.punct(i + 5).is_some_and(|c| c == sep))
        {
            return None;
        }
        let y = i16::try_from(y).ok()?;
        let read = |d: i64, m: i64| Date::new(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok();
        // Day first, unless only month first is valid, or day first lies
        // after publication and month first does not.
        let date = match (read(a, b), read(b, a)) {
            (Some(dm), Some(md)) => match self.p() {
                Some(p) if dm > p && md <= p => md,
                _ => dm,
            },
            (Some(dm), None) => dm,
            (None, Some(md)) => md,
            (None, None) => return None,
        };
        let (m, d) = (date.month(), date.day());
        Some((i + 5, self.spec_val(Spec::Day { y: Some(y), m, d }, None)))
    }

    /// "11/2016", "3-2015": a month and a four-digit year.
    fn numeric_month(&self, i: usize) -> Option<Parsed> {
        let (m, dm, false) = self.num(i)? else {
            return None;
        };
        let sep = self.punct(i + 1).filter(|c| matches!(c, '/' | '-'))?;
        let (y, 4, false) = self.num(i + 2)? else {
            return None;
        };
        if dm > 2 || !(1..=12).contains(&m) || !self.glued(i + 1) || !self.glued(i + 2) {
            return None;
        }
        if self.glued(i + 3) && (self.punct(i + 3) == Some(sep) || self.num(i + 3).is_some()) {
            return None;
        }
        if i > 0 && self.glued(i) && self.punct(i - 1).is_some_and(|c| c == sep || c == '.') {
            return None;
        }
        let (y, m) = (i16::try_from(y).ok()?, i8::try_from(m).ok()?);
        Some((i + 3, self.spec_val(Spec::Month { y: Some(y), m }, None)))
    }

    /// "2016 November", "2015, nov": a year then a month of it.
    fn year_month(&self, i: usize) -> Option<Parsed> {
        let (k, y) = self.year_at(i)?;
        if self.glued(k) && self.punct(k).is_none() {
            return None;
        }
        let k = self.comma(k);
        let w = self.word(k)?;
        let m = *self.lex.months.get(w)?;
        if self.lex.ambiguous.contains(w) && !self.toks.get(k)?.is_cap() {
            return None;
        }
        if self.day_num(k + 1).is_some() || self.year_at(k + 1).is_some() {
            return None;
        }
        Some((k + 1, self.spec_val(Spec::Month { y: Some(y), m }, None)))
    }

    /// "December", "December 2024", "Dec. 2024", "the month of May".
    fn month_year(&self, i: usize) -> Option<Parsed> {
        let mut j = i;
        if self.is(j, "the") && self.is(j + 1, "month") && self.is(j + 2, "of") {
            j += 3;
        } else if self.is(j, "month") && self.is(j + 1, "of") {
            j += 2;
        }
        let (k, m, weak) = self.month_at(j)?;
        if matches!(self.punct(k), Some('-' | '/')) && self.glued(k) && self.glued(k + 1) {
            if let Some((end, y)) = self.year_at(k + 1) {
                return Some((end, self.spec_val(Spec::Month { y: Some(y), m }, None)));
            }
        }
        if let Some((end, y)) = self.trailing_year(k) {
            return Some((end, self.spec_val(Spec::Month { y: Some(y), m }, None)));
        }
        let k_of = if self.is(k, "of") { k + 1 } else { k };
        if let Some((end, iv)) = self.unit_year(k_of).filter(|_| !self.is(k_of, "the")) {
            return Some((
                end,
                self.spec_val(
                    Spec::Month {
                        y: Some(iv.0.year()),
                        m,
                    },
                    None,
                ),
            ));
        }
        if weak && j == i && !self.supported(i) {
            return None;
        }
        Some((k, self.spec_val(Spec::Month { y: None, m }, None)))
    }

    /// "summer", "the summer of 2023", "winter 2024" (December 2024 to
    /// February 2025).
    fn season(&self, i: usize) -> Option<Parsed> {
        let the = self.is(i, "the");
        let j = if the { i + 1 } else { i };
        let w = self.word(j)?;
        let start = *self.lex.seasons.get(w)?;
        let weak = self.lex.ambiguous.contains(w);
        if let Some((end, y)) = self.trailing_year(j + 1) {
            return Some((end, self.spec_val(Spec::Season { y: Some(y), start }, None)));
        }
        if self.is(j + 1, "of") || (weak && !the && !self.supported(j)) {
            return None;
        }
        Some((j + 1, self.spec_val(Spec::Season { y: None, start }, None)))
    }

    /// "Q3 2024", "H1", "the second quarter of 2024", "the first half of last year".
    fn quarter(&self, i: usize) -> Option<Parsed> {
        if let Some(found) = self.quarter_letter(i) {
            return Some(found);
        }
        self.year_quarter(i)
    }

    /// Q3 / H2, written as a letter glued to a digit.
    fn quarter_letter(&self, i: usize) -> Option<Parsed> {
        if let (Some(w @ ("q" | "h")), Some((n, 1, false))) = (self.word(i), self.num(i + 1)) {
            if !self.glued(i + 1) {
                return None;
            }
            let (len, max) = if w == "q" { (3, 4) } else { (6, 2) };
            if !(1..=max).contains(&n) {
                return None;
            }
            let first = i8::try_from((n - 1) * len + 1).ok()?;
            let len = i8::try_from(len).ok()?;
            let glued_year = (self.punct(i + 2) == Some('-') && self.glued(i + 2))
                .then(|| self.year_at(i + 3))
                .flatten();
            let (end, y) = match glued_year.or_else(|| self.trailing_year(i + 2)) {
                Some((e, y)) => (e, Some(y)),
                None => (i + 2, None),
            };
            let mut v = self.spec_val(Spec::Months { y, first, len }, None);
            v.kind = crate::TimeKind::Other;
            return Some((end, v));
        }
        None
    }

    /// A year, then a quarter or half: "2024 Q3", "2024-H2". Only the letter
    /// form may follow the year, so a chain "2024-2024-…" is not walked
    /// recursively.
    fn year_quarter(&self, i: usize) -> Option<Parsed> {
        if let Some((k, y)) = self.year_at(i) {
            let k = if self.punct(k) == Some('-') && self.glued(k) {
                k + 1
            } else {
                k
            };
            let (end, v) = self.quarter_letter(k)?;
            let (
                Spec::Months {
                    y: None,
                    first,
                    len,
                },
                None,
            ) = v.spec?
            else {
                return None;
            };
            if end != k + 2 {
                return None;
            }
            return Some((
                end,
                Val {
                    kind: v.kind,
                    ..self.spec_val(
                        Spec::Months {
                            y: Some(y),
                            first,
                            len,
                        },
                        None,
                    )
                },
            ));
        }
        let the = self.is(i, "the");
        let j = if the { i + 1 } else { i };
        let n = match self.num(j) {
            Some((n, 1, true)) => n,
            _ => *self.lex.ordinals.get(self.word(j)?)?,
        };
        let j = if self.punct(j + 1) == Some('-') {
            j + 1
        } else {
            j
        };
        let (len, max) = match self.word(j + 1)? {
            "quarter" => (3, 4),
            "half" => (6, 2),
            _ => return None,
        };
        let n = if n == 99 { max } else { n };
        if !(1..=max).contains(&n) {
            return None;
        }
        let first = i8::try_from((n - 1) * len + 1).ok()?;
        let len = i8::try_from(len).ok()?;
        let k = j + 2;
        // "of 2024", "2024", "of this year", "of the year".
        let k_of = if self.is(k, "of") { k + 1 } else { k };
        if let Some((end, y)) = self.year_at(k_of) {
            return Some((
                end,
                self.spec_val(
                    Spec::Months {
                        y: Some(y),
                        first,
                        len,
                    },
                    None,
                ),
            ));
        }
        if let Some((end, iv)) = self.unit_year(k_of) {
            let y = iv.0.year();
            return Some((
                end,
                self.spec_val(
                    Spec::Months {
                        y: Some(y),
                        first,
                        len,
                    },
                    None,
                ),
            ));
        }
        if !the {
            return None;
        }
        let unresolved = self.p().is_none();
        let mut v = self.spec_val(
            Spec::Months {
                y: None,
                first,
                len,
            },
            None,
        );
        if unresolved {
            v.iv = None;
        }
        Some((k, v))
    }

    /// A year used as a modifier: "the 1991 agreement", "Russia's 2022
    /// budget". A determiner or possessive before it, and after it a
    /// lower-case word that is not a plural or a counted noun ("the 2000
    /// soldiers" counts people).
    fn attributive(&self, j: usize, end: usize) -> bool {
        let det = j > 0
            && (self
                .word(j - 1)
                .is_some_and(|w| self.lex.year_determiners.contains(w))
                || (j > 1 && self.is(j - 1, "s") && self.punct(j - 2) == Some('\'')));
        let noun = self.toks.get(end).is_some_and(|t| {
            !t.is_cap()
                && self
                    .word(end)
                    .is_some_and(|w| !w.ends_with('s') && !self.lex.counted.contains(w))
        });
        det && noun
    }

    /// "2024", "the year 2024", "the 1990s".
    fn year(&self, i: usize) -> Option<Parsed> {
        let j = if self.is(i, "the") && self.is(i + 1, "year") {
            i + 2
        } else {
            i
        };
        let (end, y) = self.year_at(j)?;
        // Decades: "the 1990s", "the 1990's".
        let s_at = if self.punct(end) == Some('\'') && self.glued(end) {
            end + 1
        } else {
            end
        };
        let loose_s = self.is(s_at, "s") && self.toks.get(s_at + 1).is_none_or(|t| !t.is_word());
        if self.is(s_at, "s") && (self.glued(s_at) || loose_s) && y % 10 == 0 {
            return Some((s_at + 1, self.spec_val(Spec::Decade { y }, None)));
        }
        if self.glued(end) && self.word(end).is_some() {
            return None;
        }
        let dash_num =
            |k: usize| self.punct(k) == Some('-') && self.glued(k) && self.num(k + 1).is_some();
        if dash_num(end) && dash_num(end + 2) {
            return None;
        }
        let after_the = j > 0 && self.is(j - 1, "the");
        let ok = j > i
            || self.attributive(j, end)
            || (self.supported(j) && !after_the)
            || match self.toks.get(end) {
                None => true,
                Some(t) => match self.word(end) {
                    Some(w) => {
                        t.is_cap()
                            || matches!(w, "and" | "or" | "to" | "through" | "until" | "till")
                    }
                    None => true,
                },
            };
        ok.then(|| (end, self.spec_val(Spec::Year { y }, None)))
    }
}

use jiff::civil::Date;
