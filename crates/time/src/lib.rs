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
mod words;

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
    let tokens = token::tokenize(text);
    // Every expression holds a digit or an essential word (see
    // `Lexicon::essential_words`): none can start after the last of them.
    let lex = &*lexicon::LEXICON;
    let last = tokens.toks.iter().rposition(|t| match t.kind {
        token::TokKind::Num { .. } => true,
        _ => t
            .word(&tokens.lower)
            .is_some_and(|w| lex.essential.contains(w)),
    });
    match last {
        Some(last) => scan(&tokens, anchor, last + 1, true),
        None => Vec::new(),
    }
}

/// The expressions starting before token `limit`; when `gated`, only at
/// tokens that may start one.
fn scan(tokens: &token::Tokens, anchor: Anchor, limit: usize, gated: bool) -> Vec<TimeExpr> {
    let toks = &tokens.toks;
    let parser = Parser::new(tokens, anchor);
    let mut out = Vec::new();
    let mut i = 0;
    while i < limit.min(toks.len()) {
        if gated && !parser.may_start(i) {
            i += 1;
            continue;
        }
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

/// Every expression of `text`, trying every token (no gate): what
/// [`find_times`] must agree with.
#[cfg(test)]
fn find_times_ungated(text: &str, anchor: Anchor) -> Vec<TimeExpr> {
    let tokens = token::tokenize(text);
    scan(&tokens, anchor, tokens.toks.len(), false)
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every word and phrase of the vocabulary and the literal words of the
    /// rules, less the essential ones: counts, ordinals, shifts, parts,
    /// prepositions, determiners, openers.
    fn inessential() -> Vec<String> {
        let lex = &*lexicon::LEXICON;
        let mut words: Vec<String> = Vec::new();
        // the whole vocabulary; the essential part is filtered out below
        words.extend(lex.months.keys().cloned());
        words.extend(lex.weekdays.keys().cloned());
        words.extend(lex.seasons.keys().cloned());
        words.extend(lex.deictic.keys().cloned());
        words.extend(lex.units.keys().cloned());
        words.extend(lex.day_parts.iter().cloned());
        words.extend(lex.event_nouns.iter().flatten().cloned());
        words.extend(lex.numbers.keys().cloned());
        words.extend(lex.ordinals.keys().cloned());
        words.extend(lex.parts.keys().cloned());
        words.extend(lex.shifts.keys().cloned());
        words.extend(lex.week_shifts.iter().cloned());
        words.extend(lex.support.iter().cloned());
        words.extend(lex.year_determiners.iter().cloned());
        words.extend(lex.counted.iter().cloned());
        words.extend(lex.ambiguous.iter().cloned());
        words.extend(lex.event_openers.iter().cloned());
        // words and whole phrases, so a phrase needs no lucky draw
        for phrase in lex
            .preps
            .iter()
            .map(|p| &p.words)
            .chain(&lex.to_date)
            .chain(&lex.year_to_date)
        {
            words.extend(phrase.iter().cloned());
            words.push(phrase.join(" "));
        }
        for w in [
            "the",
            "a",
            "an",
            "of",
            "and",
            "or",
            "to",
            "through",
            "thru",
            "until",
            "till",
            "within",
            "ago",
            "earlier",
            "later",
            "recent",
            "after",
            "began",
            "started",
            "begun",
            "its",
            "their",
            "his",
            "her",
            "our",
            "this",
            "that",
            "q",
            "h",
            "s",
            "course",
            "during",
            "throughout",
            "few",
            "couple",
            "dozen",
            "old",
            "Russia",
            "army",
            "day",
            "days",
            "week",
            "weeks",
            "month",
            "months",
            "years",
            "night",
            "june",
            "july",
            "may",
            "beginning",
            "start",
            "end",
            "middle",
            "early",
            "mid",
            "late",
            "half",
            "-",
            ",",
            ".",
            "'",
            "/",
            "%",
            "$",
        ] {
            words.push(w.to_string());
        }
        words.retain(|w| {
            w.split(' ')
                .all(|x| !lex.essential.contains(&x.to_lowercase()))
        });
        words.sort();
        words.dedup();
        words
    }

    fn sentence(words: &[String], caps: &[bool]) -> String {
        let mut out = String::new();
        for (w, cap) in words.iter().zip(caps) {
            if !out.is_empty() && !matches!(w.as_str(), "," | "." | "'" | "%") {
                out.push(' ');
            }
            let mut chars = w.chars();
            match chars.next() {
                Some(c) if *cap => {
                    out.extend(c.to_uppercase());
                    out.push_str(chars.as_str());
                }
                _ => out.push_str(w),
            }
        }
        out
    }

    fn anchor() -> Anchor {
        Anchor {
            published: Date::new(2025, 3, 14).ok(),
            future: false,
        }
    }

    #[test]
    fn essential_words_cover_the_vocabulary_that_names_periods() {
        let lex = &*lexicon::LEXICON;
        for w in [
            "march",
            "sunday",
            "winter",
            "yesterday",
            "weeks",
            "quarter",
            "war",
            "far",
        ] {
            assert!(lex.essential.contains(w), "{w}");
        }
        for w in ["the", "last", "in", "three", "first", "early", "since"] {
            assert!(!lex.essential.contains(w), "{w}");
        }
    }

    #[test]
    fn gate_agrees_with_the_full_parse_on_examples() {
        for text in [
            "Since the start of the full-scale invasion, 40 tanks were lost.",
            "So far this year, the army said, it has lost none.",
            "They have delivered twelve to date, the first half of the order.",
            "Russia's offensive began before the summit in the course of talks.",
            "Within a couple of weeks, early next month, the week after next.",
            "No time at all is named in this sentence about armour.",
            "Late last year and on Monday, 12 January, they said.",
        ] {
            assert_eq!(
                find_times(text, anchor()),
                find_times_ungated(text, anchor()),
                "{text}"
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// No expression can be built from inessential words alone, which
        /// is what lets `find_times` skip texts and tails without any.
        #[test]
        fn no_expression_without_an_essential_word(
            picks in proptest::collection::vec((any::<proptest::sample::Index>(), any::<bool>()), 1..16)
        ) {
            let vocab = inessential();
            let words: Vec<String> = picks.iter().map(|(i, _)| i.get(&vocab).clone()).collect();
            let caps: Vec<bool> = picks.iter().map(|(_, c)| *c).collect();
            let text = sentence(&words, &caps);
            prop_assert_eq!(find_times_ungated(&text, anchor()), Vec::new(), "{}", text);
        }

        /// With essential words and digits mixed in, the gated search finds
        /// exactly what trying every token finds.
        #[test]
        fn gate_agrees_with_the_full_parse(
            picks in proptest::collection::vec((any::<proptest::sample::Index>(), any::<bool>(), 0u8..8), 1..20)
        ) {
            let vocab = inessential();
            let lex = &*lexicon::LEXICON;
            let mut essential: Vec<String> = lex.essential.iter().cloned().collect();
            essential.sort();
            essential.extend(["7", "2024", "31", "3", "1999"].map(String::from));
            let words: Vec<String> = picks
                .iter()
                .map(|(i, _, k)| if *k == 0 { i.get(&essential).clone() } else { i.get(&vocab).clone() })
                .collect();
            let caps: Vec<bool> = picks.iter().map(|(_, c, _)| *c).collect();
            let text = sentence(&words, &caps);
            prop_assert_eq!(find_times(&text, anchor()), find_times_ungated(&text, anchor()), "{}", text);
        }
    }
}
