//! RSS 2.0 / 1.0, Atom and JSON Feed (via feed-rs): each item a document.
//!
//! Item: title, first link as url, published (else updated) date, publisher =
//! the feed's title, author = first author, text = content, else summary /
//! description, HTML stripped to text as for pages. The id comes from the
//! link; an item without a link gets one from its text.
//!
//! XML entities other than the five predefined ones are never expanded (a
//! "billion laughs" DTD stays literal text), and no external entity is
//! fetched.

use crate::html_text::fragment_text;
use crate::meta::{clean, Meta};
use crate::ErrorKind;
use feed_rs::model::{Entry, Text};
use tally_core::{parse_published, Document};

use crate::Overrides;

/// A feed item's 1-based number and its document, or why it has none.
pub(crate) type Item = (usize, Result<Document, ErrorKind>);

/// Each item's document or the reason it has none, with its 1-based number.
pub(crate) fn read_feed(bytes: &[u8], overrides: &Overrides) -> Result<Vec<Item>, ErrorKind> {
    let feed = feed_rs::parser::Builder::new()
        .sanitize_content(false)
        .build()
        .parse(bytes)
        .map_err(|e| ErrorKind::Feed(clean(e.to_string()).unwrap_or_default()))?;
    let publisher = feed.title.as_ref().and_then(text_value);
    if feed.entries.is_empty() {
        return Err(ErrorKind::Feed("the feed has no items".into()));
    }
    Ok(feed
        .entries
        .iter()
        .enumerate()
        .map(|(i, e)| (i + 1, entry_document(e, publisher.clone(), overrides)))
        .collect())
}

fn entry_document(
    e: &Entry,
    publisher: Option<String>,
    overrides: &Overrides,
) -> Result<Document, ErrorKind> {
    let content = e
        .content
        .as_ref()
        .and_then(|c| {
            let body = c.body.as_deref()?;
            Some(if is_html(c.content_type.as_ref()) {
                fragment_text(body)
            } else {
                plain(body)
            })
        })
        .filter(|t| !t.trim().is_empty());
    let text = content
        .or_else(|| e.summary.as_ref().and_then(text_value))
        .unwrap_or_default();
    let url = e
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(e.links.first())
        .map(|l| l.href.trim().to_string())
        .filter(|h| !h.is_empty());
    let meta = Meta {
        id: None,
        url,
        title: e.title.as_ref().and_then(text_value),
        publisher,
        published: e
            .published
            .or(e.updated)
            .and_then(|d| parse_published(&d.to_rfc3339())),
        author: e
            .authors
            .first()
            .and_then(|p| p.name.clone())
            .and_then(clean),
    };
    meta.into_document(text, overrides)
}

fn is_html(media_type: &str) -> bool {
    let m = media_type.to_ascii_lowercase();
    m.contains("html") || m.contains("xml")
}

/// A feed text as plain text: HTML is stripped, plain text keeps its lines
/// with white space collapsed inside each.
fn text_value(t: &Text) -> Option<String> {
    let s = if is_html(t.content_type.as_ref()) || looks_like_markup(&t.content) {
        fragment_text(&t.content)
    } else {
        plain(&t.content)
    };
    (!s.trim().is_empty()).then_some(s)
}

/// RSS descriptions are often HTML whose type the feed never declares.
fn looks_like_markup(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    [
        "<p", "<br", "<div", "<a ", "<b>", "<i>", "<em", "<strong", "<span", "<img", "&lt;",
        "&amp;", "&#",
    ]
    .iter()
    .any(|t| l.contains(t))
}

fn plain(s: &str) -> String {
    s.lines()
        .filter_map(|l| clean(l.to_string()))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rdf_feeds_and_undeclared_html_descriptions() {
        let rdf = r#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://r.test/"><title>RDF Test</title><link>https://r.test/</link></channel>
<item rdf:about="https://r.test/1"><title>One</title><link>https://r.test/1</link>
<description>&lt;p&gt;Two &lt;b&gt;bridges&lt;/b&gt; were damaged.&lt;/p&gt;</description></item>
</rdf:RDF>"#;
        let items = read_feed(rdf.as_bytes(), &Overrides::default()).unwrap();
        let doc = items[0].1.as_ref().unwrap();
        assert_eq!(doc.text, "Two bridges were damaged.");
        assert_eq!(doc.publisher.as_deref(), Some("RDF Test"));
        assert_eq!(doc.url.as_deref(), Some("https://r.test/1"));
    }

    #[test]
    fn a_feed_without_items_is_an_error() {
        let empty = r#"<rss version="2.0"><channel><title>Quiet</title></channel></rss>"#;
        assert!(matches!(
            read_feed(empty.as_bytes(), &Overrides::default()),
            Err(ErrorKind::Feed(m)) if m.contains("no items")
        ));
    }

    #[test]
    fn plain_text_keeps_lines() {
        assert_eq!(plain(" a  b \n\n c "), "a b\nc");
        assert!(looks_like_markup("x<br/>y"));
        assert!(!looks_like_markup("3 < 4 and 5 > 2"));
    }
}
