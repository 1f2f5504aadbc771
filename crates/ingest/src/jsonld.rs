//! Article metadata from JSON-LD (`<script type="application/ld+json">`).
//!
//! The first object whose `@type` is an article type (data/ingest/article_types.txt)
//! is used, found in a single object, a top-level array, or an `@graph`
//! array, at any depth.

use crate::meta::clean;
use serde_json::Value;
use std::sync::OnceLock;
use tally_core::{parse_published, Date};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct JsonLd {
    pub headline: Option<String>,
    pub published: Option<Date>,
    pub publisher: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
}

fn article_types() -> &'static Vec<String> {
    static T: OnceLock<Vec<String>> = OnceLock::new();
    T.get_or_init(|| {
        include_str!("../../../data/ingest/article_types.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_ascii_lowercase)
            .collect()
    })
}

/// The article metadata of the first article object among the scripts.
pub(crate) fn from_scripts<'s>(scripts: impl IntoIterator<Item = &'s str>) -> Option<JsonLd> {
    scripts.into_iter().find_map(|s| {
        let v: Value = serde_json::from_str(s.trim()).ok()?;
        find_article(&v).map(read_article)
    })
}

fn is_article(v: &Value) -> bool {
    let is = |t: &Value| {
        t.as_str().is_some_and(|s| {
            let s = s
                .rsplit(['/', ':'])
                .next()
                .unwrap_or(s)
                .to_ascii_lowercase();
            article_types().contains(&s)
        })
    };
    match v.get("@type") {
        Some(Value::Array(ts)) => ts.iter().any(is),
        Some(t) => is(t),
        None => false,
    }
}

/// Breadth-first, so the page's own article wins over one nested inside it.
fn find_article(root: &Value) -> Option<&Value> {
    let mut queue = std::collections::VecDeque::from([root]);
    while let Some(v) = queue.pop_front() {
        match v {
            Value::Object(map) => {
                if is_article(v) {
                    return Some(v);
                }
                queue.extend(map.values());
            }
            Value::Array(items) => queue.extend(items),
            _ => {}
        }
    }
    None
}

fn read_article(v: &Value) -> JsonLd {
    JsonLd {
        headline: v
            .get("headline")
            .and_then(string)
            .or_else(|| v.get("name").and_then(string)),
        published: v
            .get("datePublished")
            .or_else(|| v.get("dateCreated"))
            .and_then(string)
            .and_then(|s| parse_published(&s)),
        publisher: v.get("publisher").and_then(names),
        author: v.get("author").and_then(names),
        url: v
            .get("url")
            .and_then(string)
            .or_else(|| v.get("mainEntityOfPage").and_then(id_or_string))
            .filter(|u| is_absolute_url(u)),
    }
}

fn string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => clean(s.clone()),
        Value::Array(items) => items.iter().find_map(string),
        _ => None,
    }
}

fn id_or_string(v: &Value) -> Option<String> {
    string(v).or_else(|| v.get("@id").and_then(string))
}

/// A name, or names joined with ", ": a string, `{"name": ...}`, or an array
/// of either.
fn names(v: &Value) -> Option<String> {
    let one = |v: &Value| match v {
        Value::String(s) => clean(s.clone()),
        Value::Object(_) => v.get("name").and_then(string),
        _ => None,
    };
    match v {
        Value::Array(items) => {
            let all: Vec<String> = items.iter().filter_map(one).collect();
            (!all.is_empty()).then(|| all.join(", "))
        }
        _ => one(v),
    }
}

pub(crate) fn is_absolute_url(u: &str) -> bool {
    let l = u.trim().to_ascii_lowercase();
    (l.starts_with("http://") || l.starts_with("https://")) && l.len() > "https://".len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_news_article_inside_a_graph() {
        let s = r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"Site"},
            {"@type":["NewsArticle"],"headline":"Drones  delivered","datePublished":"2025-02-03T08:00:00+01:00",
             "publisher":{"@type":"Organization","name":"Wire Test"},
             "author":[{"@type":"Person","name":"A. One"},"B. Two"],
             "mainEntityOfPage":{"@id":"https://wire.test/x"}}]}"#;
        let j = from_scripts([s]).unwrap();
        assert_eq!(j.headline.as_deref(), Some("Drones delivered"));
        assert_eq!(j.published, Date::new(2025, 2, 3).ok());
        assert_eq!(j.publisher.as_deref(), Some("Wire Test"));
        assert_eq!(j.author.as_deref(), Some("A. One, B. Two"));
        assert_eq!(j.url.as_deref(), Some("https://wire.test/x"));
    }

    #[test]
    fn top_level_arrays_string_publishers_and_bad_scripts() {
        let bad = "{not json";
        let other = r#"{"@type":"Organization","name":"x"}"#;
        let arr = r#"[{"@type":"BreadcrumbList"},{"@type":"ReportageNews","headline":"H","publisher":"P","author":"Au","url":"/relative"}]"#;
        let j = from_scripts([bad, other, arr]).unwrap();
        assert_eq!(j.headline.as_deref(), Some("H"));
        assert_eq!(j.publisher.as_deref(), Some("P"));
        assert_eq!(j.author.as_deref(), Some("Au"));
        assert_eq!(j.url, None);
        assert_eq!(from_scripts([other]), None);
    }
}
