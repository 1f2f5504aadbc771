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

mod error;
mod insert;
mod ledger;
mod model;
mod read;
mod rows;
mod schema;
mod search;
mod stats;
mod write;

pub use error::{ErrorKind, StoreError};
pub use ledger::{BlockUpdate, CopiesUpdate, LedgerClaim, LedgerStatus, Placement, StoredFact};
pub use model::{
    Assumed, ClaimFilter, DocQuery, DocSummary, Extracted, SearchHit, Stats, StoredDocument,
    WriteOutcome,
};
pub use schema::SCHEMA_VERSION;

use error::Context;
use rusqlite::Connection;
use std::path::Path;
use std::time::Duration;

/// How long a statement waits for another process's lock before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// WAL frames (pages) written before SQLite checkpoints the log into the
/// database file.
const WAL_AUTOCHECKPOINT_PAGES: u32 = 8192;

/// A tally database. See the crate documentation.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Open (creating it and its parent folders if need be) the database at
    /// `path`, in WAL mode with foreign keys on, and bring its schema up to
    /// date.
    ///
    /// Durability: `synchronous=NORMAL` in WAL mode. A commit is atomic and
    /// crash-consistent (a process kill or power loss leaves the database as
    /// of some earlier commit, never half a batch), but the last commits
    /// before a power loss may be lost: they are made durable at the next WAL
    /// checkpoint, not at each commit.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let what = || format!("opening {}", path.display());
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).context(|| format!("creating {}", dir.display()))?;
        }
        let conn = Connection::open(path).context(what)?;
        conn.busy_timeout(BUSY_TIMEOUT).context(what)?;
        let mode: String = conn
            .pragma_update_and_check(None, "journal_mode", "wal", |r| r.get(0))
            .context(what)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::new(
                what(),
                ErrorKind::Invalid(format!(
                    "the database would not switch to WAL mode ({mode})"
                )),
            ));
        }
        conn.pragma_update(None, "synchronous", "NORMAL")
            .context(what)?;
        // Checkpoint every 32 MiB of WAL rather than every 4 MiB: fewer
        // copies of pages rewritten batch after batch, fewer fsyncs.
        conn.pragma_update(None, "wal_autocheckpoint", WAL_AUTOCHECKPOINT_PAGES)
            .context(what)?;
        Store::setup(conn, what)
    }

    /// A fresh database in memory, gone when the `Store` is dropped.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let what = || "opening an in-memory database".to_string();
        let conn = Connection::open_in_memory().context(what)?;
        Store::setup(conn, what)
    }

    fn setup(mut conn: Connection, what: impl Fn() -> String) -> Result<Store, StoreError> {
        conn.pragma_update(None, "foreign_keys", true)
            .context(&what)?;
        schema::migrate(&mut conn)?;
        Ok(Store { conn })
    }
}
