//! Plain text and Markdown, with an optional front-matter block.
//!
//! ```text
//! ---
//! title: Artillery reaches the front
//! publisher: Example Wire
//! published: 2025-01-14
//! url: https://example.test/a
//! author: A. Writer
//! id: wire-0001
//! ---
//! The body: everything after the block is the document's text.
//! ```
//!
//! The block is only recognised when the very first line is `---`, a closing
//! `---` (or `...`) line follows within 64 lines, and every non-blank line
//! between is `key: value`. Values may be quoted. Unknown keys are ignored;
//! a `published` value that is not a date is an error. Otherwise the whole
//! input is the text (a Markdown rule at the top stays text).

use crate::meta::Meta;
use crate::ErrorKind;
use tally_core::parse_published;

const MAX_BLOCK_LINES: usize = 64;

/// Split normalised text (LF line ends, no BOM) into metadata and body.
pub(crate) fn read_text(s: &str) -> Result<(Meta, String), ErrorKind> {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    let (meta, body) = match front_matter(&s) {
        Some((fields, body)) => (meta_from(fields)?, body),
        None => (Meta::default(), s.as_str()),
    };
    let body = body.trim();
    if body.is_empty() {
        return Err(ErrorKind::NoText);
    }
    Ok((meta, body.to_string()))
}

type Fields<'s> = Vec<(String, &'s str)>;

fn front_matter(s: &str) -> Option<(Fields<'_>, &str)> {
    let rest = s.strip_prefix("---\n")?;
    let mut fields = Vec::new();
    let mut offset = 0;
    for (n, line) in rest.split_inclusive('\n').enumerate() {
        if n > MAX_BLOCK_LINES {
            return None;
        }
        offset += line.len();
        let l = line.trim_end();
        if l == "---" || l == "..." {
            return Some((fields, &rest[offset..]));
        }
        if l.trim().is_empty() {
            continue;
        }
        let (key, value) = l.split_once(':')?;
        let key = key.trim();
        if key.is_empty()
            || !key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            return None;
        }
        fields.push((key.to_ascii_lowercase(), unquote(value.trim())));
    }
    None
}

fn unquote(v: &str) -> &str {
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return &v[1..v.len() - 1];
        }
    }
    v
}

fn meta_from(fields: Fields<'_>) -> Result<Meta, ErrorKind> {
    let mut m = Meta::default();
    for (key, value) in fields {
        let v = (!value.trim().is_empty()).then(|| value.trim().to_string());
        match key.as_str() {
            "title" => m.title = v,
            "publisher" | "source" => m.publisher = v,
            "url" | "link" => m.url = v,
            "author" | "byline" => m.author = v,
            "id" => m.id = v,
            "published" | "date" => {
                m.published = match v {
                    None => None,
                    Some(v) => Some(parse_published(&v).ok_or_else(|| ErrorKind::BadField {
                        field: "published".into(),
                        reason: format!("cannot read {v:?} as a date (use YYYY-MM-DD)"),
                    })?),
                }
            }
            _ => {}
        }
    }
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tally_core::Date;

    #[test]
    fn reads_a_front_matter_block() {
        let s = "---\r\ntitle: \"Shells sent\"\r\npublished: 2025-01-14\r\nid: n1\r\nurl: https://x.test/1\r\nextra: ignored\r\n---\r\n\r\nBody line one.\r\nTwo.\r\n";
        let (m, body) = read_text(s).unwrap();
        assert_eq!(m.title.as_deref(), Some("Shells sent"));
        assert_eq!(m.published, Date::new(2025, 1, 14).ok());
        assert_eq!(m.id.as_deref(), Some("n1"));
        assert_eq!(m.url.as_deref(), Some("https://x.test/1"));
        assert_eq!(body, "Body line one.\nTwo.");
    }

    #[test]
    fn without_a_block_the_whole_input_is_text() {
        let (m, body) = read_text("Just prose: with a colon.\n").unwrap();
        assert_eq!(m, Meta::default());
        assert_eq!(body, "Just prose: with a colon.");
        // A Markdown rule followed by prose is not a block.
        let (m, body) = read_text("---\nSome prose here, not a field\n---\nMore").unwrap();
        assert_eq!(m, Meta::default());
        assert!(body.starts_with("---"));
        // An unclosed block is text.
        let (_, body) = read_text("---\ntitle: x\nno end").unwrap();
        assert!(body.contains("title: x"));
    }

    #[test]
    fn bad_date_and_empty_body_are_errors() {
        assert!(matches!(
            read_text("---\npublished: last week\n---\nText"),
            Err(ErrorKind::BadField { .. })
        ));
        assert_eq!(
            read_text("---\ntitle: x\n---\n  \n"),
            Err(ErrorKind::NoText)
        );
    }
}
