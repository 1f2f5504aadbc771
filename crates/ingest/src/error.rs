//! The one error type of the crate: where it happened and what went wrong.

/// A input that could not be read, or one document of it that could not be.
///
/// `origin` says where: a path, `path:LINE` for a JSON Lines line, `<stdin>`,
/// or `feed.xml#3` for the third item of a feed. Displays as
/// `origin: message`, one line, ready to print.
#[derive(thiserror::Error, Debug, Clone, PartialEq, Eq)]
#[error("{origin}: {kind}")]
pub struct IngestError {
    pub origin: String,
    pub kind: ErrorKind,
}

impl IngestError {
    pub fn new(origin: impl Into<String>, kind: ErrorKind) -> IngestError {
        IngestError {
            origin: origin.into(),
            kind,
        }
    }
}

/// What went wrong, in words a user can act on.
#[derive(thiserror::Error, Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    #[error("no such file or directory")]
    NotFound,
    #[error("cannot read: {0}")]
    Io(String),
    #[error("unsupported file type ({0}); tally reads .txt, .text, .md, .html, .htm, .jsonl, .ndjson, .xml, .rss, .atom and JSON Feed .json files")]
    Unsupported(String),
    #[error("binary file (NUL byte at byte {offset}), not a report")]
    Binary { offset: usize },
    #[error("UTF-16 text: convert it to UTF-8 (for example with `iconv -f UTF-16 -t UTF-8`)")]
    Utf16,
    #[error("invalid UTF-8 at byte {offset} (only UTF-8 input is read)")]
    InvalidUtf8 { offset: usize },
    #[error("empty input")]
    Empty,
    #[error("no text")]
    NoText,
    #[error("{size} bytes is over the limit of {limit} bytes")]
    TooLarge { size: u64, limit: u64 },
    #[error("line longer than {limit} bytes, skipped")]
    LineTooLong { limit: usize },
    #[error("not a JSON document: {0}")]
    Json(String),
    #[error(
        "{0} where a document object was expected (each line is {{\"text\": ..., \"id\": ...}})"
    )]
    NotAnObject(&'static str),
    #[error("{field}: {reason}")]
    BadField { field: String, reason: String },
    #[error("cannot read feed: {0}")]
    Feed(String),
    #[error("special file ({0}), skipped")]
    Special(&'static str),
    #[error("folder already read (as {0}), not read again: a symlink loop or a second link to it")]
    FolderSeen(String),
}

impl ErrorKind {
    pub(crate) fn from_io(e: &std::io::Error) -> ErrorKind {
        match e.kind() {
            std::io::ErrorKind::NotFound => ErrorKind::NotFound,
            _ => ErrorKind::Io(e.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_on_one_line_with_origin() {
        let e = IngestError::new("a.jsonl:3", ErrorKind::InvalidUtf8 { offset: 7 });
        assert_eq!(
            e.to_string(),
            "a.jsonl:3: invalid UTF-8 at byte 7 (only UTF-8 input is read)"
        );
        let e = IngestError::new("x", ErrorKind::Unsupported(".pdf".into()));
        assert!(!e.to_string().contains('\n'));
    }
}
