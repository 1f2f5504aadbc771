//! The data model every tally crate shares.
//!
//! - [`Document`]: one report, its metadata and its text. Every later stage
//!   refers back into `Document::text` by byte offsets ([`Span`]).
//! - [`Claim`]: one figure a document asserts, in exactly the shape of
//!   `shared/spec/claims.md` §2, so it serialises straight to the spec's JSON.
//! - [`Extractor`]: the one seam between reading documents and extracting
//!   claims. Ingest and the store never know how claims are found.
//!
//! This crate does no IO and knows nothing of SQL, HTML or HTTP.
//!
//! ```
//! use tally_core::{Document, DocId};
//! let doc = Document::new(DocId::from_content("120 howitzers were sent."), "120 howitzers were sent.");
//! assert!(doc.id.as_str().starts_with("c-"));
//! ```

mod claim;
mod document;
mod extractor;
mod id;
mod span;

pub use claim::{
    Bound, Claim, Evidence, Item, Kind, Outcome, Period, Quantity, Source, Stage, Unit,
};
pub use document::Document;
pub use extractor::{Extractor, NullExtractor};
pub use id::DocId;
pub use span::Span;

/// A calendar date (year, month, day), as used for publication dates and
/// claim periods.
pub use jiff::civil::Date;

/// Parse a publication date from the forms documents carry: `YYYY-MM-DD`,
/// an RFC 3339 / ISO 8601 timestamp (the date part is kept, as written), or
/// an RFC 2822 date (`Tue, 14 Jan 2025 10:00:00 GMT`). Returns `None` for
/// anything else; a date is never guessed.
pub fn parse_published(s: &str) -> Option<Date> {
    let s = s.trim();
    if s.len() >= 10 && s.is_char_boundary(10) {
        if let Ok(d) = s[..10].parse::<Date>() {
            return Some(d);
        }
    }
    if let Ok(z) = jiff::fmt::rfc2822::parse(s) {
        return Some(z.date());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_forms() {
        let d = Date::new(2025, 1, 14).unwrap();
        assert_eq!(parse_published("2025-01-14"), Some(d));
        assert_eq!(parse_published("2025-01-14T23:10:00+02:00"), Some(d));
        assert_eq!(parse_published(" 2025-01-14T10:00:00Z "), Some(d));
        assert_eq!(parse_published("Tue, 14 Jan 2025 10:00:00 GMT"), Some(d));
        assert_eq!(parse_published("yesterday"), None);
        assert_eq!(parse_published("2025-13-40"), None);
        assert_eq!(parse_published("2025-01-1é"), None);
    }
}
