//! The grammar's cursor and its top level: an optional preposition, then a
//! range ("between March and May") or a single period, then what the
//! preposition does to it ("since", "by", "before").

use crate::calendar::{self, Iv, Part, Spec};
use crate::lexicon::{Lexicon, PrepRole, Unit, LEXICON};
use crate::token::{Tok, TokKind, Tokens};
use crate::{Anchor, TimeKind};
use jiff::civil::Date;

/// A period found at some tokens: its kind, its interval when it resolves,
/// and the calendar spec behind it (kept so a range can lend its year or
/// month to the other end).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Val {
    pub kind: TimeKind,
    pub iv: Option<Iv>,
    pub spec: Option<(Spec, Option<Part>)>,
    /// A current period ("this year"): at the top level it runs up to
    /// publication (or from publication, for a planned event).
    pub current: bool,
    /// A half-open result ("since", "by"): overrides `iv` in the output.
    pub open: Option<(Option<Date>, Option<Date>)>,
    /// For an edge of a period ("the end of March"), the whole period.
    pub whole: Option<Iv>,
}

impl Val {
    pub fn new(kind: TimeKind, iv: Option<Iv>) -> Val {
        Val {
            kind,
            iv,
            spec: None,
            current: false,
            open: None,
            whole: None,
        }
    }
}

/// One parse of a time expression: token range end and value.
pub(crate) type Parsed = (usize, Val);

/// The grammar over one text's tokens.
pub(crate) struct Parser<'a> {
    pub toks: &'a [Tok],
    /// The lower-cased words of `toks`.
    pub lower: &'a str,
    pub lex: &'a Lexicon,
    pub anchor: Anchor,
}

impl<'a> Parser<'a> {
    pub fn new(tokens: &'a Tokens, anchor: Anchor) -> Parser<'a> {
        Parser {
            toks: &tokens.toks,
            lower: &tokens.lower,
            lex: &LEXICON,
            anchor,
        }
    }

    pub fn p(&self) -> Option<Date> {
        self.anchor.published
    }

    pub fn word(&self, i: usize) -> Option<&'a str> {
        self.toks.get(i).and_then(|t| t.word(self.lower))
    }

    pub fn is(&self, i: usize, w: &str) -> bool {
        self.word(i) == Some(w)
    }

    pub fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        self.word(i).is_some_and(|x| ws.contains(&x))
    }

    pub fn punct(&self, i: usize) -> Option<char> {
        self.toks.get(i).and_then(Tok::punct)
    }

    /// Token `i` exists and touches the one before it (no space between).
    pub fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    /// A plain number token: value, digit count, ordinal suffix.
    pub fn num(&self, i: usize) -> Option<(i64, usize, bool)> {
        match self.toks.get(i)?.kind {
            TokKind::Num {
                value,
                digits,
                ordinal,
                grouped: false,
            } => Some((value, digits, ordinal)),
            _ => None,
        }
    }

    /// Skip an optional comma.
    pub fn comma(&self, i: usize) -> usize {
        if self.punct(i) == Some(',') {
            i + 1
        } else {
            i
        }
    }

    /// A count: digits or number words ("three", "twenty-one", "a few", "a couple of").
    pub fn count(&self, i: usize) -> Option<(usize, i64)> {
        if let Some((v, digits, false)) = self.num(i) {
            return (digits <= 6).then_some((i + 1, v));
        }
        let w = self.word(i)?;
        if w == "a" || w == "an" {
            if let Some(v) = self.word(i + 1).and_then(|x| self.lex.numbers.get(x)) {
                if matches!(self.word(i + 1), Some("few" | "couple" | "dozen")) {
                    let end = if self.is(i + 2, "of") { i + 3 } else { i + 2 };
                    return Some((end, *v));
                }
            }
        }
        let v = *self.lex.numbers.get(w)?;
        if (20..100).contains(&v) && self.punct(i + 1) == Some('-') && self.glued(i + 1) {
            if let Some(u) = self.word(i + 2).and_then(|x| self.lex.numbers.get(x)) {
                if *u < 10 {
                    return Some((i + 3, v + u));
                }
            }
        }
        Some((i + 1, v))
    }

    /// A unit word after a count: ("weeks" -> Week, 1), ("fortnight" -> Week, 2).
    pub fn unit(&self, i: usize) -> Option<(Unit, i64)> {
        self.word(i).and_then(|w| self.lex.units.get(w)).copied()
    }

    /// Longest preposition at `i`.
    pub fn prep(&self, i: usize) -> Option<(usize, PrepRole, &'a str)> {
        if !self
            .word(i)
            .is_some_and(|w| self.lex.prep_first.contains(w))
        {
            return None;
        }
        for p in &self.lex.preps {
            if p.words.iter().enumerate().all(|(k, w)| self.is(i + k, w)) {
                let first = self.word(i).unwrap_or_default();
                return Some((i + p.words.len(), p.role, first));
            }
        }
        None
    }

    /// The longest of several candidate parses.
    pub fn longest(cands: impl IntoIterator<Item = Option<Parsed>>) -> Option<Parsed> {
        let mut best: Option<Parsed> = None;
        for (end, v) in cands.into_iter().flatten() {
            if best.is_none_or(|(b, _)| end > b) {
                best = Some((end, v));
            }
        }
        best
    }

    /// Can an expression start at token `i`? (See `Lexicon::starter_words`.)
    pub fn may_start(&self, i: usize) -> bool {
        match self.toks.get(i).map(|t| &t.kind) {
            Some(TokKind::Num { .. }) | Some(TokKind::Punct('-')) => true,
            Some(TokKind::Word { .. }) => {
                self.word(i).is_some_and(|w| self.lex.starters.contains(w))
            }
            _ => false,
        }
    }

    /// The expression starting at token `i`, if any.
    pub fn expr(&self, i: usize) -> Option<Parsed> {
        let prep = self.prep(i);
        let body = prep.map_or(i, |(j, _, _)| j);
        let role = prep.map(|(_, r, _)| r);
        let first = prep.map(|(_, _, w)| w);
        let ranged = self
            .range(body, first == Some("between"), prep.is_some())
            .map(|(end, v)| {
                if v.kind == TimeKind::Interval && first == Some("from") {
                    (end, v)
                } else {
                    (end, self.apply(role, v))
                }
            });
        Self::longest([
            self.event(body, role),
            self.within(i),
            self.duration(i),
            ranged,
        ])
    }

    /// What a preposition does to the period it governs.
    fn apply(&self, role: Option<PrepRole>, v: Val) -> Val {
        let v = self.clip_current(v);
        let Some(role) = role else { return v };
        if role == PrepRole::Point {
            return v;
        }
        if v.open.is_some() {
            return v;
        }
        let iv = v.iv.map(|(from, to)| match role {
            PrepRole::Point => (Some(from), Some(to)),
            PrepRole::Since => (Some(from), self.p().filter(|p| *p >= from)),
            PrepRole::Until => (None, Some(to)),
            PrepRole::Before => match v.whole {
                Some(whole) if whole.1 == to => (None, Some(to)),
                _ => (None, calendar::prev_day(from)),
            },
            PrepRole::After => match v.whole {
                Some(whole) if whole.0 == from => (Some(from), None),
                _ => (calendar::next_day(to), None),
            },
        });
        let kind = if v.kind == TimeKind::Event {
            TimeKind::Event
        } else {
            TimeKind::Open
        };
        let mut out = Val::new(kind, None);
        out.open = iv;
        out
    }

    /// "this year" runs up to publication ("from" it when planned).
    fn clip_current(&self, mut v: Val) -> Val {
        if let (true, Some((from, to)), Some(p)) = (v.current, v.iv, self.p()) {
            if p >= from && p <= to {
                v.iv = Some(if self.anchor.future {
                    (p, to)
                } else {
                    (from, p)
                });
            }
        }
        v.current = false;
        v
    }

    /// A range ("between A and B", "from A to B", "A-B", "in A and B") or a
    /// single period.
    fn range(&self, i: usize, between: bool, has_prep: bool) -> Option<Parsed> {
        if let Some(found) = self.day_range(i, between) {
            return Some(found);
        }
        let left = self.core(i);
        let left_partial = self.partial(i);
        let starts = [left.map(|l| l.0), left_partial.map(|l| l.0)];
        for (idx, start) in starts.into_iter().enumerate() {
            let Some(j) = start else { continue };
            let Some(k) = self.connector(j, between, has_prep) else {
                continue;
            };
            let right = self.core(k).or_else(|| self.partial_right(k, left));
            let Some((end, r)) = right else { continue };
            let joined = if idx == 0 {
                left.and_then(|(_, l)| self.join(l, r))
            } else {
                left_partial.and_then(|(_, l)| self.join_partial(l, r))
            };
            if let Some(v) = joined {
                return Some((end, v));
            }
        }
        if between {
            return None;
        }
        left
    }

    /// Two day numbers of one month named after them ("4 to 22 this month",
    /// "4 till 23 of next month", "between 4 and 22 this month") or before
    /// them ("November between 19 and 20").
    fn day_range(&self, i: usize, between: bool) -> Option<Parsed> {
        let day = |k: usize| -> Option<i8> {
            let (v, digits, _) = self.num(k)?;
            (digits <= 2 && (1..=31).contains(&v))
                .then(|| i8::try_from(v).ok())
                .flatten()
        };
        let days_at = |k: usize, between: bool| -> Option<(usize, i8, i8)> {
            let a = day(k)?;
            let j = self.connector(k + 1, between, false)?;
            let b = day(j)?;
            (a < b).then_some((j + 1, a, b))
        };
        // "November between 19 and 20"
        if let Some((j, m, _)) = self.month_at(i) {
            if self.is(j, "between") {
                let (end, a, b) = days_at(j + 1, true)?;
                let iv = self.spec_iv(Spec::Month { y: None, m }, None)?;
                return self.day_span(end, iv, a, b);
            }
        }
        let (j, a, b) = days_at(i, between)?;
        let k = if self.is(j, "of") { j + 1 } else { j };
        let (end, month) = match self.word(k).and_then(|w| self.lex.shifts.get(w)) {
            Some(&shift) if self.is(k + 1, "month") => {
                let p = self.p()?;
                (k + 2, calendar::calendar_unit(p, Unit::Month, shift)?)
            }
            _ => {
                let (end, v) = self.core(k)?;
                let (Spec::Month { .. }, None) = v.spec? else {
                    return None;
                };
                (end, v.iv?)
            }
        };
        self.day_span(end, month, a, b)
    }

    /// Days `a` to `b` of the month `month`.
    fn day_span(&self, end: usize, month: Iv, a: i8, b: i8) -> Option<Parsed> {
        let (y, m) = (month.0.year(), month.0.month());
        let from = Date::new(y, m, a).ok()?;
        let to = Date::new(y, m, b).ok()?;
        Some((end, Val::new(TimeKind::Interval, Some((from, to)))))
    }

    /// The word joining two ends of a range.
    fn connector(&self, j: usize, between: bool, has_prep: bool) -> Option<usize> {
        if between {
            let ok = self.is_any(j, &["and", "to", "through"]) || self.punct(j) == Some('-');
            return ok.then_some(j + 1);
        }
        if self.punct(j) == Some('-') {
            return Some(j + 1);
        }
        if self.is_any(j, &["to", "until", "till", "through", "thru"]) {
            return Some(j + 1);
        }
        if has_prep && self.is(j, "and") {
            return Some(j + 1);
        }
        None
    }

    /// Join two resolved ends: the left borrows a missing year from the right.
    fn join(&self, l: Val, r: Val) -> Option<Val> {
        let (from, to) = match (l.spec, r.spec) {
            (Some((ls, lp)), Some((rs, _))) if ls.year().is_none() && rs.year().is_some() => {
                let r_iv = r.iv?;
                let ref_year = rs.year().unwrap_or(r_iv.1.year());
                let mut l_iv = self.spec_iv(ls.with_year(ref_year), lp)?;
                if l_iv.0 > r_iv.1 {
                    l_iv = self.spec_iv(ls.with_year(ref_year - 1), lp)?;
                }
                (l_iv.0, r_iv.1)
            }
            (Some((ls, _)), Some((rs, rp))) if rs.year().is_none() => {
                let l_iv = l.iv?;
                let ref_year = ls.year().unwrap_or(l_iv.0.year());
                let mut r_iv = self.spec_iv(rs.with_year(ref_year), rp)?;
                if r_iv.1 < l_iv.0 {
                    r_iv = self.spec_iv(rs.with_year(ref_year + 1), rp)?;
                }
                (l_iv.0, r_iv.1)
            }
            _ => (l.iv?.0, r.iv?.1),
        };
        (from <= to).then_some(Val::new(TimeKind::Interval, Some((from, to))))
    }

    /// Join a left end that only makes sense with the right's month or period
    /// ("8 and 13 October", "early to mid-October").
    fn join_partial(&self, l: Partial, r: Val) -> Option<Val> {
        let (rs, rp) = r.spec?;
        let r_iv = r.iv?;
        let left = match (l, rs) {
            (Partial::Day(d), Spec::Day { m, .. }) => {
                let day = Date::new(r_iv.0.year(), m, d).ok()?;
                (day, day)
            }
            (Partial::Part(part), spec) if rp.is_some() => {
                calendar::part_of(self.spec_iv(spec.with_year(r_iv.0.year()), None)?, part)?
            }
            _ => return None,
        };
        (left.0 <= r_iv.1).then_some(Val::new(TimeKind::Interval, Some((left.0, r_iv.1))))
    }

    /// A right end that borrows from the left: "November 19-20", "2022-23".
    fn partial_right(&self, k: usize, left: Option<Parsed>) -> Option<Parsed> {
        let (_, l) = left?;
        let (ls, _) = l.spec?;
        let l_iv = l.iv?;
        let (v, digits, _) = self.num(k)?;
        match ls {
            Spec::Day { m, .. } if digits <= 2 => {
                let d = i8::try_from(v).ok()?;
                let day = Date::new(l_iv.0.year(), m, d).ok()?;
                Some((k + 1, Val::new(TimeKind::Day, Some((day, day)))))
            }
            Spec::Year { y } if digits == 2 => {
                let century = i64::from(y) / 100 * 100;
                let y2 = i16::try_from(century + v).ok()?;
                (y2 > y && y2 - y <= 10).then(|| (k + 1, self.spec_val(Spec::Year { y: y2 }, None)))
            }
            _ => None,
        }
    }

    /// A left end that cannot stand alone: a bare day number or a part word.
    fn partial(&self, i: usize) -> Option<(usize, Partial)> {
        if let Some((v, digits, _)) = self.num(i) {
            if digits <= 2 && (1..=31).contains(&v) {
                return Some((i + 1, Partial::Day(i8::try_from(v).ok()?)));
            }
        }
        let w = self.word(i)?;
        let part = *self.lex.parts.get(w)?;
        matches!(w, "early" | "mid" | "late").then_some((i + 1, Partial::Part(part)))
    }

    /// The interval of a spec resolved against the anchor, with a part.
    pub fn spec_iv(&self, spec: Spec, part: Option<Part>) -> Option<Iv> {
        let iv = spec.resolve(None, self.p(), self.anchor.future)?;
        match part {
            Some(p) => calendar::part_of(iv, p),
            None => Some(iv),
        }
    }

    /// A value for a calendar spec.
    pub fn spec_val(&self, spec: Spec, part: Option<Part>) -> Val {
        let kind = match (spec, part) {
            (_, Some(_)) => TimeKind::Other,
            (Spec::Day { .. }, _) => TimeKind::Day,
            (Spec::Month { .. }, _) => TimeKind::Month,
            (Spec::Year { .. } | Spec::Decade { .. }, _) => TimeKind::Year,
            (Spec::Season { .. }, _) => TimeKind::Season,
            (Spec::Months { .. }, _) => TimeKind::Other,
        };
        Val {
            kind,
            iv: self.spec_iv(spec, part),
            spec: Some((spec, part)),
            current: false,
            open: None,
            whole: None,
        }
    }

    /// One period: the longest of every rule that matches at `i`.
    pub fn core(&self, i: usize) -> Option<Parsed> {
        Self::longest([self.absolute(i), self.relative(i), self.part_phrase(i)])
    }
}

/// A left end of a range that needs the right end to mean anything.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Partial {
    Day(i8),
    Part(Part),
}
