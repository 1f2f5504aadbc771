//! Metadata a reader found, and how it becomes a [`Document`] with overrides
//! applied and an id chosen.

use crate::{ErrorKind, Overrides};
use tally_core::{Date, DocId, Document};

/// What a reader found about a document besides its text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Meta {
    pub id: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub published: Option<Date>,
    pub author: Option<String>,
}

impl Meta {
    /// Build the document: overrides replace what was found, then the id is
    /// the input's own, else derived from the (final) URL, else from the text.
    /// A text that is only white space is [`ErrorKind::NoText`].
    pub fn into_document(self, text: String, overrides: &Overrides) -> Result<Document, ErrorKind> {
        if text.trim().is_empty() {
            return Err(ErrorKind::NoText);
        }
        let pick = |o: &Option<String>, found: Option<String>| {
            o.as_deref().map(str::to_string).or(found).and_then(clean)
        };
        let url = pick(&overrides.url, self.url);
        let id = match self.id.and_then(clean) {
            Some(id) => DocId::given(&id),
            None => match &url {
                Some(u) => DocId::from_url(u),
                None => DocId::from_content(&text),
            },
        };
        Ok(Document {
            id,
            url,
            title: pick(&overrides.title, self.title),
            publisher: pick(&overrides.publisher, self.publisher),
            published: overrides.published.or(self.published),
            author: self.author.and_then(clean),
            text,
        })
    }
}

/// Trim, collapse runs of white space, and drop empty values.
pub(crate) fn clean(s: String) -> Option<String> {
    let collapsed = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!collapsed.is_empty()).then_some(collapsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_order_given_then_url_then_content() {
        let o = Overrides::default();
        let m = Meta {
            id: Some(" a1 ".into()),
            url: Some("https://x.test/a".into()),
            ..Meta::default()
        };
        assert_eq!(m.into_document("t".into(), &o).unwrap().id.as_str(), "a1");
        let m = Meta {
            url: Some("https://x.test/a".into()),
            ..Meta::default()
        };
        let d = m.into_document("t".into(), &o).unwrap();
        assert_eq!(d.id, DocId::from_url("https://x.test/a"));
        let d = Meta::default().into_document("t".into(), &o).unwrap();
        assert_eq!(d.id, DocId::from_content("t"));
    }

    #[test]
    fn overridden_url_changes_a_derived_id_but_not_a_given_one() {
        let o = Overrides {
            url: Some("https://y.test/b".into()),
            title: Some("T".into()),
            ..Overrides::default()
        };
        let d = Meta::default().into_document("t".into(), &o).unwrap();
        assert_eq!(d.id, DocId::from_url("https://y.test/b"));
        assert_eq!(d.title.as_deref(), Some("T"));
        let m = Meta {
            id: Some("keep".into()),
            ..Meta::default()
        };
        assert_eq!(m.into_document("t".into(), &o).unwrap().id.as_str(), "keep");
    }

    #[test]
    fn blank_text_is_no_text() {
        let r = Meta::default().into_document(" \n\t".into(), &Overrides::default());
        assert_eq!(r, Err(ErrorKind::NoText));
        assert_eq!(clean("  a \n b ".into()).as_deref(), Some("a b"));
        assert_eq!(clean("   ".into()), None);
    }
}
