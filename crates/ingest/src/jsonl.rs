//! JSON Lines: one document object per line, read with a bounded line
//! reader so a huge line never sits in memory whole.
//!
//! Each line is `{"id", "url", "title", "publisher", "published", "text"}`
//! (`shared/spec/claims.md` §3), plus an optional `author`; unknown fields
//! are ignored, only `text` is required. The text is kept exactly as given
//! (spans index it). Blank lines are skipped; a broken line is one error
//! (`path:LINE: reason`) and reading goes on.

use crate::meta::Meta;
use crate::{ErrorKind, IngestError, Overrides, Read};
use serde::Deserialize;
use std::io::{self, BufRead};
use tally_core::parse_published;

/// One raw line, or what stopped it from being one.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Line {
    Bytes(Vec<u8>),
    TooLong,
}

/// Read the next line (without its `\n` / `\r\n`), holding at most `cap`
/// bytes of it; the rest of a longer line is read past and dropped.
/// `Ok(None)` at the end of input.
pub(crate) fn next_line(r: &mut dyn BufRead, cap: usize) -> io::Result<Option<Line>> {
    let mut buf = Vec::new();
    let mut too_long = false;
    let mut any = false;
    loop {
        let avail = match r.fill_buf() {
            Ok(a) => a,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            break;
        }
        any = true;
        let (chunk, done) = match avail.iter().position(|&b| b == b'\n') {
            Some(i) => (&avail[..i], Some(i + 1)),
            None => (avail, None),
        };
        if !too_long {
            if buf.len() + chunk.len() > cap.saturating_add(1) {
                too_long = true;
                buf = Vec::new();
            } else {
                buf.extend_from_slice(chunk);
            }
        }
        let used = done.unwrap_or(avail.len());
        r.consume(used);
        if done.is_some() {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    if too_long || buf.len() > cap {
        return Ok(Some(Line::TooLong));
    }
    Ok(Some(Line::Bytes(buf)))
}

#[derive(Deserialize)]
struct Raw {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    publisher: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    author: Option<String>,
    text: String,
}

/// Parse one non-blank line into a document.
pub(crate) fn parse_line(
    bytes: &[u8],
    overrides: &Overrides,
) -> Result<tally_core::Document, ErrorKind> {
    let s = std::str::from_utf8(bytes).map_err(|e| ErrorKind::InvalidUtf8 {
        offset: e.valid_up_to(),
    })?;
    let s = s.strip_prefix('\u{feff}').unwrap_or(s);
    let raw: Raw = serde_json::from_str(s).map_err(|e| json_error(s, &e))?;
    refuse_nul(&raw)?;
    let id = match raw.id {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        Some(_) => {
            return Err(ErrorKind::BadField {
                field: "id".into(),
                reason: "must be a string or a number".into(),
            })
        }
    };
    let published = match raw.published.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(p) => Some(parse_published(p).ok_or_else(|| ErrorKind::BadField {
            field: "published".into(),
            reason: format!("cannot read {p:?} as a date (use YYYY-MM-DD)"),
        })?),
    };
    let meta = Meta {
        id,
        url: raw.url,
        title: raw.title,
        publisher: raw.publisher,
        published,
        author: raw.author,
    };
    meta.into_document(raw.text, overrides)
}

/// A NUL character (`\u0000`) in any field: refused, as SQLite and most
/// tools cut text there.
fn refuse_nul(raw: &Raw) -> Result<(), ErrorKind> {
    let fields = [
        ("text", Some(&raw.text)),
        ("url", raw.url.as_ref()),
        ("title", raw.title.as_ref()),
        ("publisher", raw.publisher.as_ref()),
        ("published", raw.published.as_ref()),
        ("author", raw.author.as_ref()),
    ];
    for (field, value) in fields {
        if let Some(at) = value.and_then(|v| v.find('\0')) {
            return Err(ErrorKind::BadField {
                field: field.into(),
                reason: format!("holds a NUL character (\\u0000) at byte {at}; remove it"),
            });
        }
    }
    Ok(())
}

/// What a line that parsed as JSON but is not an object holds.
fn not_an_object(s: &str) -> Option<&'static str> {
    Some(match s.trim_start().chars().next()? {
        '[' => "a JSON array",
        '"' => "a JSON string",
        't' | 'f' => "a JSON boolean",
        'n' => "JSON null",
        '0'..='9' | '-' => "a JSON number",
        _ => return None,
    })
}

fn json_error(s: &str, e: &serde_json::Error) -> ErrorKind {
    if e.classify() == serde_json::error::Category::Data {
        if let Some(what) = not_an_object(s) {
            return ErrorKind::NotAnObject(what);
        }
    }
    ErrorKind::Json(json_reason(e))
}

fn json_reason(e: &serde_json::Error) -> String {
    // serde_json appends "at line 1 column N"; the column is the useful part.
    let msg = e.to_string().replace('\n', " ");
    match msg.rsplit_once(" at line ") {
        Some((head, _)) => format!("{head} (column {})", e.column()),
        None => msg,
    }
}

/// A lazy stream of the documents of one JSON Lines input.
pub(crate) struct LineStream<'a> {
    origin: String,
    reader: Box<dyn BufRead + 'a>,
    line_no: usize,
    docs_or_errors: usize,
    cap: usize,
    overrides: &'a Overrides,
    done: bool,
}

impl<'a> LineStream<'a> {
    pub(crate) fn new(
        origin: String,
        reader: Box<dyn BufRead + 'a>,
        cap: usize,
        overrides: &'a Overrides,
    ) -> LineStream<'a> {
        LineStream {
            origin,
            reader,
            line_no: 0,
            docs_or_errors: 0,
            cap,
            overrides,
            done: false,
        }
    }
}

impl Iterator for LineStream<'_> {
    type Item = Result<Read, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let line = match next_line(self.reader.as_mut(), self.cap) {
                Ok(Some(l)) => l,
                Ok(None) => {
                    self.done = true;
                    if self.docs_or_errors == 0 {
                        return Some(Err(IngestError::new(self.origin.clone(), ErrorKind::Empty)));
                    }
                    return None;
                }
                Err(e) => {
                    self.done = true;
                    let origin = format!("{}:{}", self.origin, self.line_no + 1);
                    return Some(Err(IngestError::new(origin, ErrorKind::from_io(&e))));
                }
            };
            self.line_no += 1;
            let origin = format!("{}:{}", self.origin, self.line_no);
            let result = match line {
                Line::TooLong => Err(ErrorKind::LineTooLong { limit: self.cap }),
                Line::Bytes(b) if b.iter().all(u8::is_ascii_whitespace) => continue,
                Line::Bytes(b)
                    if self.line_no == 1
                        && b.strip_prefix(b"\xEF\xBB\xBF")
                            .is_some_and(|r| r.iter().all(u8::is_ascii_whitespace)) =>
                {
                    continue
                }
                Line::Bytes(b) => parse_line(&b, self.overrides),
            };
            self.docs_or_errors += 1;
            return Some(match result {
                Ok(doc) => Ok(Read { doc, origin }),
                Err(kind) => Err(IngestError::new(origin, kind)),
            });
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn lines(input: &[u8], cap: usize) -> Vec<Line> {
        let mut r = Cursor::new(input.to_vec());
        let mut out = Vec::new();
        while let Some(l) = next_line(&mut r, cap).unwrap() {
            out.push(l);
        }
        out
    }

    #[test]
    fn line_reader_caps_and_skips_long_lines() {
        let got = lines(b"ab\r\ncdefgh\nij", 4);
        assert_eq!(
            got,
            vec![
                Line::Bytes(b"ab".to_vec()),
                Line::TooLong,
                Line::Bytes(b"ij".to_vec())
            ]
        );
        // exactly at the cap, with CRLF, is fine
        assert_eq!(lines(b"abcd\r\n", 4), vec![Line::Bytes(b"abcd".to_vec())]);
        assert_eq!(lines(b"", 4), vec![]);
    }

    #[test]
    fn small_buffers_do_not_change_lines() {
        let data = b"one\n\ntwo-long-line\nthree".to_vec();
        let mut r = io::BufReader::with_capacity(2, Cursor::new(data));
        let mut out = Vec::new();
        while let Some(l) = next_line(&mut r, 5).unwrap() {
            out.push(l);
        }
        assert_eq!(out.len(), 4);
        assert_eq!(out[2], Line::TooLong);
        assert_eq!(out[3], Line::Bytes(b"three".to_vec()));
    }

    #[test]
    fn parses_the_spec_format_and_ignores_unknown_fields() {
        let o = Overrides::default();
        let d = parse_line(
            br#"{"id":"d1","url":null,"title":"T","publisher":"P","published":"2025-01-14","text":"  keep  as is ","extra":1}"#,
            &o,
        )
        .unwrap();
        assert_eq!(d.id.as_str(), "d1");
        assert_eq!(d.text, "  keep  as is ");
        assert_eq!(d.publisher.as_deref(), Some("P"));
        let d = parse_line(br#"{"id":7,"text":"x"}"#, &o).unwrap();
        assert_eq!(d.id.as_str(), "7");
    }

    #[test]
    fn broken_lines_say_why() {
        let o = Overrides::default();
        assert!(
            matches!(parse_line(br#"{"id":"a"}"#, &o), Err(ErrorKind::Json(m)) if m.contains("text"))
        );
        assert!(matches!(parse_line(b"{oops", &o), Err(ErrorKind::Json(_))));
        assert!(matches!(
            parse_line(br#"{"text":"x","published":"soon"}"#, &o),
            Err(ErrorKind::BadField { .. })
        ));
        assert_eq!(parse_line(br#"{"text":" "}"#, &o), Err(ErrorKind::NoText));
        for (line, what) in [
            (
                &br#"["a", "b"]"#[..],
                "a JSON array where a document object",
            ),
            (br#""just text""#, "a JSON string where a document object"),
            (b"42", "a JSON number where a document object"),
        ] {
            let err = parse_line(line, &o).unwrap_err().to_string();
            assert!(err.starts_with(what), "{err}");
            assert!(!err.contains("Raw"), "{err}");
        }
        let err = parse_line(br#"{"text":"ten\u0000tanks"}"#, &o).unwrap_err();
        assert!(
            matches!(&err, ErrorKind::BadField { field, reason } if field == "text" && reason.contains("NUL")),
            "{err}"
        );
        assert_eq!(
            parse_line(b"{\"text\":\"\xff\"}", &o),
            Err(ErrorKind::InvalidUtf8 { offset: 9 })
        );
    }
}
