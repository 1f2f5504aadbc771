//! Time expressions in news English, resolved to inclusive date intervals
//! against a document's publication date, following the `when` conventions
//! of `shared/spec/claims.md` §2.
//!
//! - [`find_times`]: every time expression in a text, in order, never
//!   overlapping, each a [`TimeExpr`] with its byte [`Span`], its
//!   [`TimeKind`] and its resolved `from`/`to` dates.
//! - [`resolve`]: one whole string as one expression.
//! - [`Anchor`]: the publication date and whether the sentence speaks of a
//!   planned event (bare months, seasons and weekdays then resolve forward).
//!
//! The vocabulary (month and weekday names, seasons, units, part words,
//! prepositions, event nouns) lives in `data/time/words.toml`.
//!
//! ```
//! use tally_time::{find_times, Anchor, TimeKind};
//! use tally_core::Date;
//!
//! let p = Date::new(2025, 1, 14).unwrap();
//! let anchor = Anchor { published: Some(p), future: false };
//! let found = find_times("Pyongyang sent the guns over the past three months.", anchor);
//! assert_eq!(found.len(), 1);
//! assert_eq!(found[0].from, Some(Date::new(2024, 10, 14).unwrap()));
//! assert_eq!(found[0].to, Some(p));
//! assert_eq!(found[0].kind, TimeKind::Interval);
//! ```
//!
//! Conventions chosen where the spec leaves room:
//! - A day or month without a year is the most recent one not after
//!   publication (the next one, when `future`).
//! - "by 7 January", "until mid-2025", "by the end of March": `from` is
//!   `None`, `to` the end of the named period. "before X": `to` the day before
//!   X. "since X": X's first day to publication. "after X": from the day
//!   after X, `to` `None`.
//! - early / mid / late (and the beginning / middle / end of) a month: days
//!   1-10 / 11-20 / 21-end; of a year: January–April / May–August /
//!   September–December; of a season or quarter: its first / second / third
//!   month.
//! - "this week/month/year": from its start to publication (from publication
//!   to its end when `future`). "last week": the previous Monday–Sunday.
//! - "recent weeks", "the coming months": three units before / after
//!   publication. "recently", "soon" are not returned.
//! - "two weeks ago": that day. "three days later": unresolved (relative to
//!   another event).
//! - Numeric dates are read day first ("07/01/2025" is 7 January) unless
//!   only month first is valid, or day first falls after publication and
//!   month first does not; they need a year.
//! - "before the end of March" reaches to 31 March; "to date", "so far":
//!   `from` `None`, `to` publication. "in 2023 and 2024": one interval.
//! - Bare years need a time word before them ("in 2024"), no lower-case
//!   word after them, or a determiner before and a singular noun after
//!   them (attributive: "the 1991 agreement"), so "2000 soldiers" and "the
//!   2000 soldiers" are not years.
//! - "next Friday", "the following Friday": that weekday of next week;
//!   "previous Friday": of the previous week (Recognizers-Text's reading,
//!   the spec being silent); "last", "past" and "coming" take the nearest.
//! - "4 to 22 this month", "November between 19 and 20": days of that
//!   month. "1 month 21 days ago" adds its parts, largest first.
//! - Winter of a year runs from that year's December to February.
//! - Periods tied to events are [`TimeKind::Event`], unresolved unless the
//!   phrase gives a date ("since the invasion in February 2022").

mod absolute;
mod calendar;
mod event;
mod lexicon;
mod parser;
mod parts;
mod relative;
mod token;

use parser::Parser;
pub use tally_core::{Date, Span};

/// What a time expression is resolved against.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Anchor {
    /// The document's publication date; relative expressions stay
    /// unresolved without it.
    pub published: Option<Date>,
    /// The sentence speaks of a planned event, so bare months, seasons and
    /// weekdays resolve forward.
    pub future: bool,
}

/// One time expression found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeExpr {
    /// Byte offsets into the text, including a leading preposition that
    /// shapes the meaning ("since October", "by the end of March").
    pub span: Span,
    /// First day of the period, inclusive; `None` when open or unresolved.
    pub from: Option<Date>,
    /// Last day of the period, inclusive; `None` when open or unresolved.
    pub to: Option<Date>,
    pub kind: TimeKind,
}

/// What sort of time expression it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimeKind {
    /// One day: "7 January", "yesterday", "on Sunday".
    Day,
    /// A Monday–Sunday week: "last week".
    Week,
    /// A calendar month: "in December", "last month".
    Month,
    /// A season: "last summer".
    Season,
    /// A calendar year or decade: "in 2024".
    Year,
    /// A run of days: "between March and May", "over the past three months".
    Interval,
    /// Open on one side: "since October", "by 7 January", "before 2022".
    Open,
    /// Tied to an event: "before the war".
    Event,
    /// A length of time, not a period: "for three months", "72-hour".
    Duration,
    /// Anything else: a quarter, a part of a period, "three days later".
    Other,
}

/// Every time expression in `text`: non-overlapping, in text order. Never
/// panics, whatever the input.
pub fn find_times(text: &str, anchor: Anchor) -> Vec<TimeExpr> {
    let toks = token::tokenize(text);
    let parser = Parser::new(&toks, anchor);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match parser.expr(i) {
            Some((end, v)) if end > i => {
                let (from, to) = v.open.unwrap_or(match v.iv {
                    Some((f, t)) => (Some(f), Some(t)),
                    None => (None, None),
                });
                out.push(TimeExpr {
                    span: Span::new(toks[i].start, toks[end - 1].end),
                    from,
                    to,
                    kind: v.kind,
                });
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

/// `expr_text` read as one whole time expression; `None` unless a single
/// expression covers all of it (surrounding spaces and a final full stop
/// aside).
pub fn resolve(expr_text: &str, anchor: Anchor) -> Option<TimeExpr> {
    let trimmed = expr_text.trim().trim_end_matches('.');
    let lead = expr_text.len() - expr_text.trim_start().len();
    let found = find_times(trimmed.trim_start(), anchor);
    match found.as_slice() {
        [one] if one.span.start == 0 && one.span.end == trimmed.trim_start().len() => {
            let mut one = one.clone();
            one.span = one.span.shift(lead);
            Some(one)
        }
        _ => None,
    }
}
