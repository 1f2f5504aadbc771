//! The checks each fuzz target runs on one input, kept here so every target
//! is one line and the same checks can be replayed without libFuzzer.
//!
//! Every function panics (and so makes libFuzzer report a crash) when a
//! library panics or breaks one of its documented invariants.

use tally_core::Span;
use tally_ingest::{read_bytes, Format, ReadOptions};

/// `span` lies inside `text` and starts and ends on character boundaries.
pub fn assert_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: span {span:?} outside text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} not on char boundaries"
    );
}

/// Read `data` as `format` and check every document that comes out.
pub fn ingest(data: &[u8], format: Format) {
    let reads = read_bytes("fuzz", data, Some(format), &ReadOptions::default());
    for read in reads.into_iter().flatten() {
        let doc = &read.doc;
        assert!(!doc.text.trim().is_empty(), "a document without text");
        assert!(!doc.id.as_str().is_empty(), "a document without an id");
        assert!(read.origin.starts_with("fuzz"), "origin {}", read.origin);
    }
}

#[cfg(feature = "figures")]
/// Every figure of the text (lossy UTF-8) and the number parser on the whole
/// text and on each figure's words.
pub fn figures(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let figs = tally_figures::find_figures(&text);
    let mut prev_end = 0;
    for f in &figs {
        assert_span(&text, f.span, "figure");
        assert!(
            f.span.start >= prev_end,
            "figures overlap or are out of order: {figs:?}"
        );
        assert!(!f.value.is_nan(), "NaN figure {f:?}");
        prev_end = f.span.end;
        let _ = tally_figures::parse_number(&text[f.span.range()]);
    }
    let _ = tally_figures::parse_number(&text);
}

#[cfg(feature = "time")]
/// The anchor from the first four bytes (flags: 1 = published, 2 = future;
/// then year from 1950, month and day, each taken modulo its range; an
/// impossible date such as 30 February means no publication date), the rest
/// as text.
pub fn time(data: &[u8]) {
    let [flags, y, m, d, ..] = *data else {
        return;
    };
    use tally_core::Date;
    let published = if flags & 1 == 1 {
        Date::new(1950 + i16::from(y), 1 + (m % 12) as i8, 1 + (d % 31) as i8).ok()
    } else {
        None
    };
    let anchor = tally_time::Anchor {
        published,
        future: flags & 2 == 2,
    };
    let text = String::from_utf8_lossy(&data[4..]);
    let times = tally_time::find_times(&text, anchor);
    let mut prev_end = 0;
    for t in &times {
        assert_span(&text, t.span, "time");
        assert!(
            t.span.start >= prev_end,
            "times overlap or are out of order: {times:?}"
        );
        prev_end = t.span.end;
        if let (Some(from), Some(to)) = (t.from, t.to) {
            assert!(from <= to, "period ends before it starts: {t:?}");
        }
    }
}

#[cfg(feature = "extract")]
fn pipeline() -> Option<&'static tally_extract::Pipeline> {
    use std::sync::OnceLock;
    static P: OnceLock<Option<tally_extract::Pipeline>> = OnceLock::new();
    P.get_or_init(|| tally_extract::Pipeline::builtin().ok())
        .as_ref()
}

#[cfg(feature = "extract")]
/// The whole extraction pipeline over the text (lossy UTF-8), published
/// 2025-01-14 so relative times resolve.
pub fn extract(data: &[u8]) {
    use tally_core::{Date, DocId, Document, Extractor};
    let Some(p) = pipeline() else {
        panic!("the built-in pipeline does not build");
    };
    let text = String::from_utf8_lossy(data).into_owned();
    let mut doc = Document::new(DocId::given("fuzz"), text);
    doc.published = Date::new(2025, 1, 14).ok();
    let claims = p.extract(&doc);
    for c in &claims {
        assert_span(&doc.text, c.span, "claim");
        let said = &doc.text[c.span.range()];
        assert!(
            said.contains(&c.quantity.text),
            "claim span {said:?} does not contain its quantity {:?}",
            c.quantity.text
        );
    }
    assert_eq!(claims, p.extract(&doc), "extraction is not deterministic");
}
