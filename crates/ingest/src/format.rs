//! Which reader an input goes to: by file extension, else by sniffing bytes.

use std::path::Path;

/// The input formats tally reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text or Markdown, with an optional front-matter block.
    Text,
    /// A web page; the main article text is kept.
    Html,
    /// One document object per line (`shared/spec/claims.md` §3).
    JsonLines,
    /// RSS 2.0 / 1.0, Atom or JSON Feed; each item is a document.
    Feed,
}

/// How many leading bytes are looked at to sniff a format or spot a binary.
pub(crate) const SNIFF_BYTES: usize = 8 * 1024;

/// What a path's extension says about its format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ByExtension {
    Known(Format),
    /// `.json`: a JSON Feed, or a document object; only the bytes can tell.
    Json,
    /// No extension at all: the bytes decide.
    None,
    /// An extension tally does not read (lower-cased, with its dot).
    Unknown(String),
}

pub(crate) fn by_extension(path: &Path) -> ByExtension {
    let Some(ext) = path.extension() else {
        return ByExtension::None;
    };
    let ext = ext.to_string_lossy().to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" | "md" | "markdown" => ByExtension::Known(Format::Text),
        "html" | "htm" | "xhtml" => ByExtension::Known(Format::Html),
        "jsonl" | "ndjson" => ByExtension::Known(Format::JsonLines),
        "xml" | "rss" | "atom" | "rdf" => ByExtension::Known(Format::Feed),
        "json" => ByExtension::Json,
        _ => ByExtension::Unknown(format!(".{ext}")),
    }
}

/// The format of an input: from the path's extension when it has a known
/// one; for `.json`, files without an extension and standard input, sniffed
/// from the bytes (JSON Feed, JSON Lines, RSS/Atom, HTML, else text).
///
/// `None` for an extension tally does not read, for bytes that look binary
/// (a NUL in the first 8 KiB), and for `.json` that is neither a JSON Feed
/// nor a document object.
///
/// ```
/// use tally_ingest::{detect, Format};
/// use std::path::Path;
/// assert_eq!(detect(Some(Path::new("a.md")), b""), Some(Format::Text));
/// assert_eq!(detect(None, b"<!DOCTYPE html><p>x</p>"), Some(Format::Html));
/// assert_eq!(detect(None, br#"{"id":"a","text":"x"}"#), Some(Format::JsonLines));
/// assert_eq!(detect(Some(Path::new("a.pdf")), b"%PDF"), None);
/// ```
pub fn detect(path: Option<&Path>, bytes: &[u8]) -> Option<Format> {
    match path.map(by_extension).unwrap_or(ByExtension::None) {
        ByExtension::Known(f) => Some(f),
        ByExtension::Unknown(_) => None,
        ByExtension::Json => match sniff(bytes, true) {
            Some(f @ (Format::Feed | Format::JsonLines)) => Some(f),
            _ => None,
        },
        ByExtension::None => sniff(bytes, true),
    }
}

/// Sniff a format from the leading bytes of an input. `complete` says
/// whether `bytes` is the whole input or only its beginning.
pub(crate) fn sniff(bytes: &[u8], complete: bool) -> Option<Format> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.contains(&0) {
        return None;
    }
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let head = &head[start..];
    match head.first() {
        Some(b'{') | Some(b'[') => Some(sniff_json(head, complete)),
        Some(b'<') => Some(sniff_markup(head)),
        _ => Some(Format::Text),
    }
}

fn sniff_json(head: &[u8], complete: bool) -> Format {
    let lower = String::from_utf8_lossy(head).to_ascii_lowercase();
    if lower.contains("jsonfeed.org/version") {
        return Format::Feed;
    }
    if head.first() != Some(&b'{') {
        return Format::Text;
    }
    let line_end = head.iter().position(|&b| b == b'\n');
    match line_end {
        Some(end) => {
            let line = &head[..end];
            match serde_json::from_slice::<serde_json::Value>(line) {
                Ok(v) if v.get("text").is_some() => Format::JsonLines,
                _ => Format::Text,
            }
        }
        None if complete && head.len() < SNIFF_BYTES => {
            match serde_json::from_slice::<serde_json::Value>(head) {
                Ok(v) if v.get("text").is_some() => Format::JsonLines,
                _ => Format::Text,
            }
        }
        // The first line goes on past what was looked at: an object that
        // long is a document line far more often than prose.
        None => Format::JsonLines,
    }
}

fn sniff_markup(head: &[u8]) -> Format {
    let lower = String::from_utf8_lossy(head).to_ascii_lowercase();
    let first = |needle: &str| lower.find(needle);
    let feed = [first("<rss"), first("<feed"), first("<rdf:rdf")]
        .into_iter()
        .flatten()
        .min();
    let html = [first("<!doctype html"), first("<html"), first("<body")]
        .into_iter()
        .flatten()
        .min();
    match (feed, html) {
        (Some(f), Some(h)) if f < h => Format::Feed,
        (Some(_), None) => Format::Feed,
        (_, Some(_)) => Format::Html,
        (None, None) if lower.starts_with("<?xml") => Format::Feed,
        (None, None) => {
            if ["<p>", "<p ", "<div", "<article", "<h1", "<head", "<title"]
                .iter()
                .any(|t| lower.contains(t))
            {
                Format::Html
            } else {
                Format::Text
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions() {
        let p = |s: &str| detect(Some(Path::new(s)), b"");
        assert_eq!(p("a.TXT"), Some(Format::Text));
        assert_eq!(p("a.htm"), Some(Format::Html));
        assert_eq!(p("a.ndjson"), Some(Format::JsonLines));
        assert_eq!(p("a.atom"), Some(Format::Feed));
        assert_eq!(p("a.docx"), None);
        assert_eq!(p("a.json"), None);
    }

    #[test]
    fn sniffs_feeds_and_pages() {
        assert_eq!(
            sniff(b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">", true),
            Some(Format::Feed)
        );
        assert_eq!(
            sniff(
                b"\xEF\xBB\xBF  <feed xmlns=\"http://www.w3.org/2005/Atom\">",
                true
            ),
            Some(Format::Feed)
        );
        assert_eq!(sniff(b"<html><body>x", true), Some(Format::Html));
        assert_eq!(
            sniff(
                br#"{"version":"https://jsonfeed.org/version/1.1","items":[]}"#,
                true
            ),
            Some(Format::Feed)
        );
        assert_eq!(sniff(b"Troops moved.\n", true), Some(Format::Text));
        assert_eq!(sniff(b"{not json}\n", true), Some(Format::Text));
        assert_eq!(sniff(b"ab\0cd", true), None);
        assert_eq!(
            detect(Some(Path::new("d.json")), br#"{"text":"x"}"#),
            Some(Format::JsonLines)
        );
    }

    #[test]
    fn incomplete_first_line_of_json_is_json_lines() {
        let mut long = b"{\"text\": \"".to_vec();
        long.extend(std::iter::repeat_n(b'a', SNIFF_BYTES));
        assert_eq!(sniff(&long, false), Some(Format::JsonLines));
    }
}
