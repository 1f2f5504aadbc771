//! Readers that turn reports into [`tally_core::Document`]s.
//!
//! - [`read_inputs`]: the lazy, streaming walk over [`Input`]s (files,
//!   folders, standard input), yielding one [`Read`] or [`IngestError`] at a
//!   time. Folders are walked recursively in sorted order, one file at a
//!   time, skipping hidden entries and files of types tally does not read;
//!   JSON Lines are read line by line. Memory stays bounded by
//!   [`Limits`].
//! - [`read_bytes`]: the same readers over bytes already in memory.
//! - [`Format`] and [`detect`]: which reader an input goes to.
//! - [`ReadOptions`]: [`Overrides`] of metadata and [`Limits`] on sizes.
//!
//! ```
//! use tally_ingest::{read_bytes, Format, ReadOptions};
//! let text = b"---\ntitle: Shells arrive\npublished: 2025-01-14\n---\nA shipment arrived.\n";
//! let reads = read_bytes("note.md", text, Some(Format::Text), &ReadOptions::default());
//! let read = reads[0].as_ref().unwrap();
//! assert_eq!(read.doc.title.as_deref(), Some("Shells arrive"));
//! assert_eq!(read.doc.text, "A shipment arrived.");
//! assert!(read.doc.id.as_str().starts_with("c-"));
//! ```
//!
//! # Formats
//!
//! - **Plain text** (`.txt`, `.text`, `.md`): an optional front-matter block
//!   (`title`, `publisher`, `published`, `url`, `author`, `id` between `---`
//!   lines, see below), then the body, which is the text. CRLF becomes LF, a
//!   UTF-8 BOM is dropped, and the body is trimmed.
//!
//!   ```text
//!   ---
//!   title: ...
//!   publisher: ...
//!   published: 2025-01-14
//!   url: https://...
//!   author: ...
//!   id: ...
//!   ---
//!   The body.
//!   ```
//!
//!   The block counts only when the first line is `---`, it closes with
//!   `---` within 64 lines, and every non-blank line in it is `key: value`;
//!   otherwise the whole file is text. Unknown keys are ignored; a
//!   `published` that is not a date is an error.
//! - **HTML** (`.html`, `.htm`, or sniffed): the main article (Readability),
//!   one line per paragraph, heading or list item, white space collapsed,
//!   entities decoded; when Readability finds nothing, the body without
//!   navigation, footers, asides and ad/related/share blocks
//!   (`data/ingest/boilerplate.txt`). Metadata: JSON-LD article objects (also inside
//!   `@graph` and top-level arrays) over OpenGraph over `<title>` /
//!   `<link rel=canonical>`.
//! - **JSON Lines** (`.jsonl`, `.ndjson`): the document format of
//!   `shared/spec/claims.md` §3, one object per line, plus optional
//!   `author`; only `text` is required and it is kept verbatim. Each broken
//!   line is one error (`path:LINE: reason`); the rest of the file goes on.
//! - **Feeds** (`.xml`, `.rss`, `.atom`, `.json` JSON Feeds, or sniffed):
//!   every item is a document (origin `feed.xml#3` for the third). Entities
//!   beyond XML's predefined five are never expanded.
//! - **Standard input**: the format is sniffed from the bytes.
//!
//! All input must be UTF-8.
//!
//! # Ids
//!
//! The input's own `id` (JSON Lines, front matter) when it has one; else
//! [`tally_core::DocId::from_url`] of the document's URL; else
//! [`tally_core::DocId::from_content`] of its text. Overrides are applied
//! first, so an overridden URL gives the document the id of that URL (unless
//! the input carries its own id, which is always kept): the same report read
//! again with the same options always gets the same id.
//!
//! # Limits
//!
//! Whole-file formats (text, HTML, feeds) are refused above
//! [`Limits::max_file_bytes`] (64 MiB by default), checked from the file's
//! size before reading and by a bounded read for streams. JSON Lines are
//! streamed, so a file of any size is read; a line above
//! [`Limits::max_line_bytes`] (16 MiB) is one error and is skipped without
//! being held in memory.

mod decode;
mod error;
mod feed;
mod format;
mod html;
mod html_text;
mod jsonl;
mod jsonld;
mod meta;
mod nesting;
mod text;
mod walk;

pub use error::{ErrorKind, IngestError};
pub use format::{detect, Format};

use std::io::Cursor;
use std::path::PathBuf;
use tally_core::{Date, Document};

/// Something to read: a file or folder, or standard input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    Path(PathBuf),
    Stdin,
}

/// Metadata that replaces whatever the input says, for every document read.
#[derive(Default, Clone, Debug, PartialEq, Eq)]
pub struct Overrides {
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub published: Option<Date>,
    /// Also changes a derived id (see the crate docs, "Ids").
    pub url: Option<String>,
}

/// Bounds on how much is read, so huge or hostile input cannot exhaust memory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest text, HTML or feed input read whole (default 64 MiB).
    pub max_file_bytes: u64,
    /// Longest JSON Lines line (default 16 MiB); longer lines are skipped.
    pub max_line_bytes: usize,
}

impl Limits {
    pub const DEFAULT_MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
    pub const DEFAULT_MAX_LINE_BYTES: usize = 16 * 1024 * 1024;
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_file_bytes: Limits::DEFAULT_MAX_FILE_BYTES,
            max_line_bytes: Limits::DEFAULT_MAX_LINE_BYTES,
        }
    }
}

/// How inputs are read.
#[derive(Default, Clone, Debug, PartialEq, Eq)]
pub struct ReadOptions {
    pub overrides: Overrides,
    pub limits: Limits,
}

/// One document read, and where it came from: `path`, `path:LINE` for JSON
/// Lines, `<stdin>`, or `feed.xml#3` for the third feed item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Read {
    pub doc: Document,
    pub origin: String,
}

/// Read every input, lazily: files and folder entries are opened one at a
/// time as the iterator is advanced, in a deterministic order. Errors are
/// items too; after one, reading goes on with the next document.
pub fn read_inputs<'a>(
    inputs: &'a [Input],
    opts: &'a ReadOptions,
) -> impl Iterator<Item = Result<Read, IngestError>> + 'a {
    walk::Walk::new(inputs, opts)
}

/// Read one input already in memory. `format` `None` sniffs it from the
/// bytes. `origin` names it in results and errors.
pub fn read_bytes(
    origin: &str,
    bytes: &[u8],
    format: Option<Format>,
    opts: &ReadOptions,
) -> Vec<Result<Read, IngestError>> {
    let fail = |kind| vec![Err(IngestError::new(origin, kind))];
    if bytes.is_empty() {
        return fail(ErrorKind::Empty);
    }
    if let Some(kind) = decode::not_text(bytes) {
        return fail(kind);
    }
    let Some(format) = format.or_else(|| detect(None, bytes)) else {
        return fail(ErrorKind::Unsupported("unrecognised content".into()));
    };
    if format == Format::JsonLines {
        let reader = Box::new(Cursor::new(bytes));
        let cap = opts.limits.max_line_bytes;
        return jsonl::LineStream::new(origin.to_string(), reader, cap, &opts.overrides).collect();
    }
    let limit = opts.limits.max_file_bytes;
    if bytes.len() as u64 > limit {
        let size = bytes.len() as u64;
        return fail(ErrorKind::TooLarge { size, limit });
    }
    let s = match decode::text_of(bytes) {
        Ok(s) => s,
        Err(kind) => return fail(kind),
    };
    let one = |r: Result<(meta::Meta, String), ErrorKind>| {
        let doc = r.and_then(|(m, text)| m.into_document(text, &opts.overrides));
        vec![doc
            .map(|doc| Read {
                doc,
                origin: origin.to_string(),
            })
            .map_err(|kind| IngestError::new(origin, kind))]
    };
    match format {
        Format::Text => one(text::read_text(s)),
        Format::Html => one(html::read_html(s)),
        Format::JsonLines => Vec::new(),
        Format::Feed => match feed::read_feed(s.as_bytes(), &opts.overrides) {
            Err(kind) => fail(kind),
            Ok(items) => items
                .into_iter()
                .map(|(n, r)| {
                    let origin = format!("{origin}#{n}");
                    match r {
                        Ok(doc) => Ok(Read { doc, origin }),
                        Err(kind) => Err(IngestError::new(origin, kind)),
                    }
                })
                .collect(),
        },
    }
}
