//! The one error type of the store: what was being done, and what went wrong.

use std::fmt;

/// A failed store operation.
///
/// The message names what failed ("opening /x/tally.db", "migration 2",
/// "listing claims") followed by the cause; [`StoreError::kind`] gives the
/// cause as a value to match on.
#[derive(Debug, thiserror::Error)]
#[error("{context}: {kind}")]
pub struct StoreError {
    context: String,
    kind: ErrorKind,
}

/// What went wrong, beneath the context of a [`StoreError`].
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file-system failure (creating the database's folder, say).
    Io(std::io::Error),
    /// SQLite refused or failed a statement.
    Sqlite(rusqlite::Error),
    /// The database was written by a newer tally than this one.
    SchemaTooNew { found: u32, known: u32 },
    /// A search query with nothing to search for.
    Query(String),
    /// Input the store will not write (a claim that names another document).
    Invalid(String),
    /// A stored value this code does not understand.
    Corrupt(String),
    /// There is no database file (read-only opens never create one).
    Missing,
    /// The file fails SQLite's integrity checks.
    Damaged(String),
    /// The database has an older schema; a writer (`tally ingest`) migrates
    /// it, readers do not.
    SchemaBehind { found: u32, known: u32 },
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Io(e) => write!(f, "{e}"),
            ErrorKind::Sqlite(e) => write!(f, "{e}"),
            ErrorKind::SchemaTooNew { found, known } => write!(
                f,
                "the database has schema version {found}, but this tally only knows up to \
                 version {known}; upgrade tally or use another database file"
            ),
            ErrorKind::Query(m) | ErrorKind::Invalid(m) | ErrorKind::Corrupt(m) => f.write_str(m),
            ErrorKind::Missing => {
                f.write_str("no such database (check --db or TALLY_DB; `tally ingest` creates one)")
            }
            ErrorKind::Damaged(d) => write!(
                f,
                "the database is damaged ({d}); run `tally check` for details, then restore \
                 it from a backup or ingest the reports again into a new database"
            ),
            ErrorKind::SchemaBehind { found, known } => write!(
                f,
                "the database has schema version {found} and this tally reads version {known}; \
                 run `tally ingest` once (with any input) to upgrade it"
            ),
        }
    }
}

impl StoreError {
    pub(crate) fn new(context: impl Into<String>, kind: ErrorKind) -> StoreError {
        StoreError {
            context: context.into(),
            kind,
        }
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// What the store was doing when it failed.
    pub fn context(&self) -> &str {
        &self.context
    }
}

/// Attach a context to a fallible SQLite or IO result.
pub(crate) trait Context<T> {
    fn context(self, what: impl FnOnce() -> String) -> Result<T, StoreError>;
}

impl<T> Context<T> for Result<T, rusqlite::Error> {
    fn context(self, what: impl FnOnce() -> String) -> Result<T, StoreError> {
        self.map_err(|e| StoreError::new(what(), ErrorKind::Sqlite(e)))
    }
}

impl<T> Context<T> for Result<T, std::io::Error> {
    fn context(self, what: impl FnOnce() -> String) -> Result<T, StoreError> {
        self.map_err(|e| StoreError::new(what(), ErrorKind::Io(e)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_names_the_operation_and_the_cause() {
        let e = StoreError::new(
            "migration 3",
            ErrorKind::SchemaTooNew { found: 4, known: 3 },
        );
        let msg = e.to_string();
        assert!(msg.starts_with("migration 3: "), "{msg}");
        assert!(msg.contains("schema version 4"), "{msg}");
        assert!(matches!(
            e.kind(),
            ErrorKind::SchemaTooNew { found: 4, known: 3 }
        ));
        assert_eq!(e.context(), "migration 3");
    }

    #[test]
    fn sqlite_errors_keep_their_message() {
        let r: Result<(), rusqlite::Error> = Err(rusqlite::Error::InvalidQuery);
        let e = r.context(|| "listing claims".into()).unwrap_err();
        assert!(e.to_string().starts_with("listing claims: "));
        assert!(matches!(e.kind(), ErrorKind::Sqlite(_)));
    }
}

#[cfg(test)]
mod bounds {
    /// `anyhow` needs the first, moving a store to a worker thread the second.
    #[test]
    fn store_error_is_send_sync_static() {
        fn error<T: std::error::Error + Send + Sync + 'static>() {}
        fn send<T: Send>() {}
        error::<super::StoreError>();
        send::<crate::Store>();
    }
}
