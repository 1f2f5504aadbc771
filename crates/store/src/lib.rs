//! tally's embedded SQLite store: documents, their claims, full-text search.
//!
//! - [`Store`]: one SQLite database (a file in WAL mode, or in memory). It
//!   creates and migrates its schema on open ([`SCHEMA_VERSION`]) and refuses
//!   a database written by a newer tally.
//! - [`Extracted`] goes in through [`Store::write_batch`], one transaction per
//!   batch, and each input gets a [`WriteOutcome`]: `New`, `Present`
//!   (unchanged, nothing written) or `Updated` (claims replaced).
//!   [`Store::unchanged`] tells beforehand which documents would be
//!   `Present`, so a caller can skip extracting them, and
//!   [`Store::write_batch_assuming`] writes such a batch, checking the
//!   assumption inside the transaction ([`Assumed`]).
//! - Reading: [`Store::document`] ([`StoredDocument`]), [`Store::documents`]
//!   ([`DocQuery`] → [`DocSummary`]), [`Store::claims`] ([`ClaimFilter`] →
//!   [`tally_core::Claim`]), [`Store::search`] ([`SearchHit`]) and
//!   [`Store::stats`] ([`Stats`]).
//! - Opening: [`Store::open`] for writers (creates the file, refuses a
//!   damaged one after a quick check, migrates an older schema),
//!   [`Store::open_read_only`] for readers (never creates, never migrates,
//!   never waits on a writer's lock, works on a read-only file), and
//!   [`Store::check`] for the full integrity and search-index check
//!   ([`Check`]).
//! - Every failure is a [`StoreError`] naming what failed, with an
//!   [`ErrorKind`].
//!
//! ```
//! use tally_core::{DocId, Document};
//! use tally_store::{ClaimFilter, Extracted, Store, WriteOutcome};
//!
//! let mut store = Store::open_in_memory()?;
//! let doc = Document::new(DocId::given("d1"), "Ten drones were shot down overnight.");
//! let batch = [Extracted { doc, claims: vec![], extractor_version: "rules-1".into() }];
//! assert_eq!(store.write_batch(&batch)?, [WriteOutcome::New]);
//! assert_eq!(store.write_batch(&batch)?, [WriteOutcome::Present]);
//! assert!(store.claims(&ClaimFilter::default())?.is_empty());
//! assert_eq!(store.search("drone", 10)?[0].snippet, "Ten [drones] were shot down overnight.");
//! # Ok::<(), tally_store::StoreError>(())
//! ```

mod check;
mod error;
mod insert;
mod ledger;
mod model;
mod open;
mod read;
mod rows;
mod schema;
mod search;
mod stats;
mod write;

pub use check::Check;
pub use error::{ErrorKind, StoreError};
pub use ledger::{BlockUpdate, CopiesUpdate, LedgerClaim, LedgerStatus, Placement, StoredFact};
pub use model::{
    Assumed, ClaimFilter, DocQuery, DocSummary, Extracted, SearchHit, Stats, StoredDocument,
    WriteOutcome,
};
pub use schema::SCHEMA_VERSION;
pub use search::{MAX_QUERY_BYTES, MAX_QUERY_TERMS};

use rusqlite::Connection;
use std::time::Duration;

/// How long a statement waits for another process's lock before failing.
pub(crate) const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// A tally database. See the crate documentation.
#[derive(Debug)]
pub struct Store {
    pub(crate) conn: Connection,
}
