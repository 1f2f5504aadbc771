use crate::{Claim, Document};

/// The seam between reading documents and finding claims in them.
///
/// Ingest hands every stored document to one `Extractor`; the store keeps
/// the claims with [`Extractor::version`], and replaces a document's claims
/// when the version changes. Implementations must be pure: the same
/// document gives the same claims in the same order, with no IO.
pub trait Extractor: Send + Sync {
    /// Identifies the rules and lexicon that produced a claim set.
    fn version(&self) -> &str;

    /// Every claim the document states, in text order.
    fn extract(&self, doc: &Document) -> Vec<Claim>;
}

/// An extractor that finds nothing; for storing documents only.
#[derive(Clone, Copy, Debug, Default)]
pub struct NullExtractor;

impl Extractor for NullExtractor {
    fn version(&self) -> &str {
        "none"
    }

    fn extract(&self, _doc: &Document) -> Vec<Claim> {
        Vec::new()
    }
}
