//! Claim extraction: a report in, every figure it states out as a sourced
//! [`tally_core::Claim`].
//!
//! [`Pipeline`] is the one entry point; it implements
//! [`tally_core::Extractor`], the seam ingest and the CLI call.

pub mod segment;

use tally_core::{Claim, Document, Extractor};

/// The extraction pipeline. Built once, shared by reference across threads.
#[derive(Debug, Default)]
pub struct Pipeline {}

impl Pipeline {
    /// The pipeline with the built-in lexicon and rules.
    pub fn new() -> Pipeline {
        Pipeline {}
    }
}

impl Extractor for Pipeline {
    fn version(&self) -> &str {
        concat!("tally-extract ", env!("CARGO_PKG_VERSION"), "-pre")
    }

    fn extract(&self, _doc: &Document) -> Vec<Claim> {
        Vec::new()
    }
}
