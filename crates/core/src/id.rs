use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;

/// A document's stable identifier.
///
/// In order of preference: the input's own id (JSON Lines), else derived from
/// the URL (`u-` + 16 hex digits of its SHA-256), else from the text (`c-` +
/// 16 hex digits). The same input therefore always gets the same id, which is
/// what makes re-ingesting idempotent.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocId(String);

impl DocId {
    /// An id the input gave itself, kept as written (trimmed).
    pub fn given(id: &str) -> DocId {
        DocId(id.trim().to_string())
    }

    /// An id derived from a URL. Scheme and host case, a trailing slash and a
    /// fragment do not change it.
    pub fn from_url(url: &str) -> DocId {
        DocId(format!("u-{}", short_hash(normalise_url(url).as_bytes())))
    }

    /// An id derived from the document's text. Leading and trailing white
    /// space and CRLF line ends do not change it.
    pub fn from_content(text: &str) -> DocId {
        let t = text.trim().replace("\r\n", "\n");
        DocId(format!("c-{}", short_hash(t.as_bytes())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for DocId {
    fn from(s: &str) -> DocId {
        DocId::given(s)
    }
}

fn short_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

fn normalise_url(url: &str) -> String {
    let url = url.trim();
    let url = url.split('#').next().unwrap_or(url);
    let (scheme, rest) = match url.split_once("://") {
        Some((s, r)) => (s.to_ascii_lowercase(), r),
        None => (String::new(), url),
    };
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let path = path.trim_end_matches('/');
    format!("{scheme}://{}{path}", host.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_ids_ignore_cosmetic_differences() {
        let a = DocId::from_url("https://Example.com/a/b/");
        assert_eq!(a, DocId::from_url("https://example.com/a/b#top"));
        assert_ne!(a, DocId::from_url("https://example.com/a/c"));
        assert!(a.as_str().starts_with("u-") && a.as_str().len() == 18);
    }

    #[test]
    fn content_ids_are_stable() {
        assert_eq!(
            DocId::from_content("x\r\ny\n"),
            DocId::from_content(" x\ny")
        );
        assert_ne!(DocId::from_content("x"), DocId::from_content("y"));
        // Pinned: ids are stored, so the scheme must never change silently.
        assert_eq!(DocId::from_content("tally").as_str(), "c-b01e26d3f5a5130b");
    }
}
