//! Web pages: the main article text (Readability) and its metadata.
//!
//! Metadata precedence: JSON-LD (`NewsArticle`, `Article`, `ReportageNews`
//! ...) over OpenGraph (`og:title`, `og:site_name`, `og:url`,
//! `article:published_time`, `article:author`) over the plain page
//! (`<title>`, `<link rel=canonical>`, `<meta name=author|date>`).
//! Text: Readability's article; when it finds nothing, the `<body>` without
//! page furniture (data/ingest/boilerplate.txt).

use crate::html_text::{crude_text, fragment_text_with, text_of, Boilerplate};
use crate::jsonld::{self, is_absolute_url};
use crate::meta::{clean, Meta};
use crate::nesting::{nesting_estimate, MAX_DEPTH};
use crate::ErrorKind;
use dom_query::Document as Dom;
use std::collections::HashMap;
use tally_core::parse_published;

/// Read a page: its metadata and its article text.
pub(crate) fn read_html(html: &str) -> Result<(Meta, String), ErrorKind> {
    if nesting_estimate(html) > MAX_DEPTH {
        let text = crude_text(html);
        if text.trim().is_empty() {
            return Err(ErrorKind::NoText);
        }
        return Ok((Meta::default(), text));
    }
    let dom = Dom::from(html);
    let meta = page_meta(&dom);
    let text = article_text(html)
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| {
            let root = dom.root();
            match dom.body() {
                Some(body) => text_of(&body, Some(Boilerplate::get())),
                None => text_of(&root, Some(Boilerplate::get())),
            }
        });
    if text.trim().is_empty() {
        return Err(ErrorKind::NoText);
    }
    Ok((meta, text))
}

/// Readability's article as text (furniture it kept, such as the `<nav>` of
/// a short page, dropped), or `None` when it finds none. A panic
/// inside the third-party extractor is contained and treated as "none".
fn article_text(html: &str) -> Option<String> {
    let run = || {
        let mut r = dom_smoothie::Readability::new(html, None, None).ok()?;
        let article = r.parse().ok()?;
        Some(fragment_text_with(
            &article.content,
            Some(Boilerplate::get()),
        ))
    };
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(run))
        .ok()
        .flatten()
}

fn page_meta(dom: &Dom) -> Meta {
    let scripts: Vec<String> = dom
        .select("script")
        .nodes()
        .iter()
        .filter(|n| {
            n.attr("type")
                .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"))
        })
        .map(|n| n.text().to_string())
        .collect();
    let ld = jsonld::from_scripts(scripts.iter().map(String::as_str)).unwrap_or_default();

    // <meta property|name=... content=...>, first occurrence of each key.
    let mut metas: HashMap<String, String> = HashMap::new();
    for n in dom.select("meta").nodes() {
        let key = n.attr("property").or_else(|| n.attr("name"));
        if let (Some(k), Some(v)) = (key, n.attr("content")) {
            if let Some(v) = clean(v.to_string()) {
                metas.entry(k.trim().to_ascii_lowercase()).or_insert(v);
            }
        }
    }
    let m = |k: &str| metas.get(k).cloned();

    let title_tag = dom
        .select("title")
        .nodes()
        .first()
        .and_then(|n| clean(n.text().to_string()));
    let canonical = dom
        .select("link")
        .nodes()
        .iter()
        .filter(|n| {
            n.attr("rel").is_some_and(|r| {
                r.split_whitespace()
                    .any(|t| t.eq_ignore_ascii_case("canonical"))
            })
        })
        .find_map(|n| n.attr("href").map(|h| h.trim().to_string()));

    let og_author = m("article:author").filter(|a| !is_absolute_url(a));
    let date = |k: &str| m(k).and_then(|s| parse_published(&s));

    Meta {
        id: None,
        title: ld.headline.or_else(|| m("og:title")).or(title_tag),
        publisher: ld.publisher.or_else(|| m("og:site_name")),
        url: ld
            .url
            .or_else(|| m("og:url"))
            .filter(|u| is_absolute_url(u))
            .or(canonical.filter(|u| is_absolute_url(u))),
        published: ld
            .published
            .or_else(|| date("article:published_time"))
            .or_else(|| date("date"))
            .or_else(|| date("pubdate"))
            .or_else(|| date("dc.date")),
        author: ld.author.or(og_author).or_else(|| m("author")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tally_core::Date;

    #[test]
    fn opengraph_over_title_tag() {
        let html = r#"<html><head><title>Tag title</title>
            <meta property="og:title" content="OG title">
            <meta property="og:site_name" content="OG Site">
            <meta property="og:url" content="https://og.test/story">
            <meta property="article:published_time" content="2025-03-01T10:00:00Z">
            <meta property="article:author" content="https://og.test/people/x">
            <meta name="author" content="Named Author">
            <link rel="canonical" href="https://canon.test/story"></head>
            <body><p>Some text about a delivery of shells.</p></body></html>"#;
        let (m, text) = read_html(html).unwrap();
        assert_eq!(m.title.as_deref(), Some("OG title"));
        assert_eq!(m.publisher.as_deref(), Some("OG Site"));
        assert_eq!(m.url.as_deref(), Some("https://og.test/story"));
        assert_eq!(m.published, Date::new(2025, 3, 1).ok());
        assert_eq!(m.author.as_deref(), Some("Named Author"));
        assert!(text.contains("delivery of shells"));
    }

    #[test]
    fn title_tag_and_canonical_alone() {
        let html = r#"<title> Only  tag </title><link rel="canonical" href="https://c.test/a"><p>Body words here.</p>"#;
        let (m, text) = read_html(html).unwrap();
        assert_eq!(m.title.as_deref(), Some("Only tag"));
        assert_eq!(m.url.as_deref(), Some("https://c.test/a"));
        assert_eq!(text, "Body words here.");
    }

    #[test]
    fn jsonld_wins() {
        let html = r#"<head><title>Tag</title><meta property="og:title" content="OG">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"LD","publisher":"LD Pub","datePublished":"2024-12-31"}</script>
            </head><body><p>Text.</p></body>"#;
        let (m, _) = read_html(html).unwrap();
        assert_eq!(m.title.as_deref(), Some("LD"));
        assert_eq!(m.publisher.as_deref(), Some("LD Pub"));
        assert_eq!(m.published, Date::new(2024, 12, 31).ok());
    }

    #[test]
    fn a_page_without_text_is_an_error() {
        assert_eq!(
            read_html("<html><head><title>x</title></head><body><script>1</script></body></html>"),
            Err(ErrorKind::NoText)
        );
        assert_eq!(read_html("<<<>>>"), Ok((Meta::default(), "<<<>>>".into())));
    }
}

#[cfg(test)]
mod deep_tests {
    use super::*;

    #[test]
    fn deeply_nested_pages_are_read() {
        let html = format!(
            "<html><body>{}<p>Deep words.</p>{}</body></html>",
            "<div>".repeat(900),
            "</div>".repeat(900)
        );
        let (_, text) = read_html(&html).unwrap();
        assert_eq!(text, "Deep words.");
        let hostile = format!(
            "<title>T</title>{}x{}",
            "<div>".repeat(50_000),
            "</div>".repeat(50_000)
        );
        let (m, text) = read_html(&hostile).unwrap();
        assert_eq!((m, text.as_str()), (Meta::default(), "T x"));
    }
}
