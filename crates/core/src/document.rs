use crate::{Date, DocId};
use serde::{Deserialize, Serialize};

/// One report: its metadata and its text.
///
/// Serialises to the document format of `shared/spec/claims.md` §3
/// (`id`, `url`, `title`, `publisher`, `published`, `text`) plus `author`,
/// which is omitted when absent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub id: DocId,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub publisher: Option<String>,
    /// The publication date; relative times in the text resolve against it.
    #[serde(default)]
    pub published: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The main text, UTF-8. Every [`crate::Span`] of every claim indexes it.
    pub text: String,
}

impl Document {
    pub fn new(id: DocId, text: impl Into<String>) -> Document {
        Document {
            id,
            url: None,
            title: None,
            publisher: None,
            published: None,
            author: None,
            text: text.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_spec_document_format() {
        let line = r#"{"id": "d1", "url": null, "title": "T", "publisher": "P", "published": "2025-01-14", "text": "x"}"#;
        let d: Document = serde_json::from_str(line).unwrap();
        assert_eq!(d.id.as_str(), "d1");
        assert_eq!(d.published, Some(Date::new(2025, 1, 14).unwrap()));
        let back = serde_json::to_value(&d).unwrap();
        assert_eq!(back["published"], "2025-01-14");
        assert!(back.get("author").is_none());
    }

    #[test]
    fn null_published_is_none() {
        let d: Document =
            serde_json::from_str(r#"{"id": "d", "published": null, "text": ""}"#).unwrap();
        assert_eq!(d.published, None);
    }
}
