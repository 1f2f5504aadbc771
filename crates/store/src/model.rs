//! The values the store takes and gives back.

use serde::Serialize;
use std::collections::BTreeMap;
use tally_core::{Claim, Date, Document, Kind};

/// One document with the claims an extractor found in it.
#[derive(Clone, Debug, PartialEq)]
pub struct Extracted {
    pub doc: Document,
    /// Every claim's `doc` must equal `doc.id`.
    pub claims: Vec<Claim>,
    /// [`tally_core::Extractor::version`] of the extractor that found them.
    pub extractor_version: String,
}

/// What [`crate::Store::write_batch`] did with one input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WriteOutcome {
    /// The document was not stored before; it and its claims were inserted.
    New,
    /// Stored with the same text, metadata and extractor version; untouched.
    Present,
    /// Stored before with other content or another extractor version; its
    /// claims (and, if it changed, the document) were replaced.
    Updated,
}

/// What [`crate::Store::write_batch_assuming`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Assumed {
    /// Every assumption held; the batch was written, one outcome per input.
    Written(Vec<WriteOutcome>),
    /// These inputs (indices into the batch), assumed unchanged, were not:
    /// nothing was written.
    Changed(Vec<usize>),
}

/// A stored document with how and when it was stored.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoredDocument {
    pub doc: Document,
    pub extractor_version: String,
    /// When the document or its claims were last written, UTC,
    /// `YYYY-MM-DDTHH:MM:SSZ`.
    pub ingested_at: String,
}

/// Which documents [`crate::Store::documents`] lists.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocQuery {
    pub limit: Option<usize>,
    /// Only this publisher (ASCII case-insensitive equality).
    pub publisher: Option<String>,
}

/// One line of a document listing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DocSummary {
    pub id: String,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub published: Option<Date>,
    pub url: Option<String>,
    /// How many claims are stored for it.
    pub claims: usize,
    /// The length of its text in bytes.
    pub bytes: usize,
}

/// Which claims [`crate::Store::claims`] returns. Every field set must hold
/// (they combine with AND); the default selects every claim.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ClaimFilter {
    /// Exactly this kind.
    pub kind: Option<Kind>,
    /// `from` equal to this, ignoring ASCII case.
    pub from: Option<String>,
    /// `to` equal to this, ignoring ASCII case.
    pub to: Option<String>,
    /// A substring of the item's name or text, ignoring case.
    pub item: Option<String>,
    /// A substring of `source.speaker`, ignoring case.
    pub speaker: Option<String>,
    /// Claims whose `when` overlaps this inclusive interval; `None` at an end
    /// leaves it open. Claims without a resolved `when` are left out.
    pub period: Option<(Option<Date>, Option<Date>)>,
    /// Only the claims of this document id.
    pub doc: Option<String>,
    pub limit: Option<usize>,
}

/// One full-text search result.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SearchHit {
    pub id: String,
    pub title: Option<String>,
    /// A short extract around the matches, each match marked `[like this]`.
    pub snippet: String,
    /// Relevance: the negated FTS5 bm25 score, so higher is better. Hits come
    /// best first.
    pub rank: f64,
}

/// Counts over the whole store.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub documents: usize,
    pub claims: usize,
    /// Claims of each kind; every kind is present, with 0 when it has none.
    pub claims_per_kind: BTreeMap<Kind, usize>,
    /// Documents per publisher, most documents first; documents without a
    /// publisher are not counted here.
    pub publishers: Vec<(String, usize)>,
    pub earliest_published: Option<Date>,
    pub latest_published: Option<Date>,
    /// The database's schema version (`PRAGMA user_version`).
    pub schema_version: u32,
    /// Documents per extractor version, most documents first.
    pub extractor_versions: Vec<(String, usize)>,
}
