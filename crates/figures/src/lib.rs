//! Figures in news English: every number in a text, what it is and how it is
//! bounded.
//!
//! [`find_figures`] returns each [`Figure`] of a text in order: its byte
//! [`Span`] (bound words included), its value, the upper end of a range, its
//! [`Bound`], its [`Unit`] (a count, a percentage, a factor or a currency) and,
//! for numbers that measure rather than count (a calibre, a distance, a year,
//! a date ...), a [`Measure`], which the extraction pipeline never turns into
//! a claim. [`parse_number`] reads one number expression.
//!
//! The word lists live in `data/figures/*.toml`, compiled in and read once;
//! the scanner is one pass over tokens with no regex.
//!
//! Decisions where the contract left a choice:
//! - "half": a share ("half of its fleet", "more than half the drones") is
//!   percent 50; a ratio ("half as many", "cut by half", "halved") is factor
//!   0.5, relative; "half a million" and "half a dozen" are exact numbers;
//!   "the first half" is no figure.
//! - "a couple of" is approx 2; "a pair of" exact 2; "a few" and "several"
//!   alone are no figure, but "a few hundred" / "several dozen" are vague.
//! - "just under" is at_most and "just over" at_least (the literal bound).
//! - "two or three" is a range only when the ends are consecutive.
//! - Thin, no-break and plain spaces group digits ("40 000") when every group
//!   has three digits and nothing is glued after it.
//! - A glued "m" is a million ("£1.5m") unless a dimension word follows
//!   ("a 10m-long tunnel"); one-letter units count only when glued ("10t").
//! - A plain 1900–2100 number is a year unless a counted noun follows and no
//!   year word ("in", "since" ...) precedes: "2000 soldiers" counts.
//! - Digits glued to letters (`M1989`, `2S19`, `T-72`, `Su-34`) and a small
//!   number after a capitalised name inside a sentence (`Challenger 2`) are
//!   designations; IPs, versions, phone numbers and URLs are skipped. After
//!   a verb taking an indirect object ("send", "pledge" ... in
//!   `measures.toml`) the capitalised word is a recipient, and a number of
//!   two digits or more, or one followed by a counting word, counts ("will
//!   send Poland 12 howitzers").
//! - One-letter units after a space ("1 m", "4 L") count when nothing
//!   word-like follows; "10 1/2 miles" is 10.5; "44 mg to 50 mg" is a range;
//!   a digit run longer than 47 characters is no figure.
//! - Fractions ("two-thirds" → 66.67) are percentages, bound by the words
//!   before them ("nearly two-thirds" is approx).
//!
//! ```
//! use tally_figures::{find_figures, parse_number, Measure};
//! use tally_core::{Bound, Unit};
//!
//! let text = "Pyongyang sent more than 11,000 troops and 170mm guns worth $1.5bn.";
//! let figs = find_figures(text);
//! assert_eq!(&text[figs[0].span.range()], "more than 11,000");
//! assert_eq!((figs[0].value, figs[0].bound), (11000.0, Bound::AtLeast));
//! assert_eq!(figs[1].measure, Some(Measure::Calibre));
//! assert_eq!(figs[2].unit, Unit::Money("USD".into()));
//! assert_eq!(figs[2].value, 1.5e9);
//! assert_eq!(parse_number("two thousand five hundred"), Some(2500.0));
//! ```

mod lexicon;
mod measure;
mod normal;
mod number;
mod scan;
mod token;

pub use measure::Measure;
pub use tally_core::{Bound, Span, Unit};

/// One figure of a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// Byte offsets into the text, bound words included ("over 100",
    /// "between 10 and 12", "$1.85 billion", "nearly two-thirds").
    pub span: Span,
    pub value: f64,
    /// The upper end of a range, else `None`.
    pub max: Option<f64>,
    pub bound: Bound,
    pub unit: Unit,
    /// Set when the number measures (a calibre, a year, a date, an age ...)
    /// rather than counts; such a figure is never a claim.
    pub measure: Option<Measure>,
}

/// Every figure of `text`, in text order, not overlapping. Never panics.
///
/// Format characters (zero-width spaces and joiners, the byte-order mark,
/// bidi marks) are ignored, and full-width and Arabic-Indic digits read as
/// digits; spans are always byte offsets into `text` itself.
pub fn find_figures(text: &str) -> Vec<Figure> {
    let Some(normal) = normal::Normal::of(text) else {
        return scan::scan(text);
    };
    let mut figs = scan::scan(&normal.text);
    for f in &mut figs {
        let (start, end) = normal.original(f.span.start, f.span.end, text);
        f.span = Span::new(start, end);
    }
    figs
}

/// The value of `s` when the whole string is one number expression:
/// "11,000", "1.5 million", "two thousand five hundred", "a dozen",
/// "half a million", "1.2bn", "3k", "forty-two".
pub fn parse_number(s: &str) -> Option<f64> {
    match normal::Normal::of(s) {
        Some(n) => number::parse_whole(n.text.trim()),
        None => number::parse_whole(s.trim()),
    }
}
