//! Opening a database: for writing (create, quick check, migrate) or for
//! reading only (no file created, no lock taken, no migration).

use crate::error::{Context, ErrorKind, StoreError};
use crate::{schema, Store, BUSY_TIMEOUT};
use rusqlite::{Connection, OpenFlags};
use std::path::Path;

/// WAL frames (pages) written before SQLite checkpoints the log into the
/// database file.
const WAL_AUTOCHECKPOINT_PAGES: u32 = 8192;

impl Store {
    /// Open (creating it and its parent folders if need be) the database at
    /// `path` for writing, in WAL mode with foreign keys on. An existing
    /// database must pass SQLite's `quick_check` ([`ErrorKind::Damaged`]
    /// otherwise); an older schema is migrated.
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
        let existed = std::fs::metadata(path).is_ok_and(|m| m.len() > 0);
        let conn = Connection::open(path).context(what)?;
        conn.busy_timeout(BUSY_TIMEOUT).context(what)?;
        if existed {
            quick_check(&conn, path)?;
        }
        let mode: String = conn
            .pragma_update_and_check(None, "journal_mode", "wal", |r| r.get(0))
            .map_err(|e| damaged_or(e, path, what()))?;
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

    /// Open an existing database for reading only: nothing is created
    /// ([`ErrorKind::Missing`] when there is no file), no write lock is taken,
    /// so readers never wait on a writer, and a read-only file works. A
    /// database whose schema is older than this tally's is refused with
    /// [`ErrorKind::SchemaBehind`] (a writer migrates it), a newer one with
    /// [`ErrorKind::SchemaTooNew`].
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        let what = || format!("opening {}", path.display());
        match std::fs::metadata(path) {
            Ok(m) if m.is_file() => {}
            Ok(_) => {
                return Err(StoreError::new(
                    what(),
                    ErrorKind::Invalid("not a database file".into()),
                ))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(StoreError::new(what(), ErrorKind::Missing))
            }
            Err(e) => return Err(StoreError::new(what(), ErrorKind::Io(e))),
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags).context(what)?;
        conn.busy_timeout(BUSY_TIMEOUT).context(what)?;
        let found = schema::version(&conn).map_err(|e| match e.kind() {
            ErrorKind::Sqlite(s) if is_damage(s) => damaged(path, s.to_string()),
            _ => e,
        })?;
        schema::check_current(found)?;
        Ok(Store { conn })
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

/// SQLite's `quick_check`: every page readable, b-trees well formed. Cheap
/// next to the write that follows (it reads the file once, no index
/// cross-checks).
fn quick_check(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let problems = crate::check::pragma_rows(conn, "PRAGMA quick_check(20)")
        .map_err(|e| damaged_or(e, path, format!("opening {}", path.display())))?;
    if problems.iter().all(|p| p == "ok") {
        return Ok(());
    }
    Err(damaged(path, problems.join("; ")))
}

/// SQLite's way of saying the database is damaged. (A file that is no
/// SQLite database at all keeps SQLite's own "file is not a database".)
pub(crate) fn is_damage(e: &rusqlite::Error) -> bool {
    e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseCorrupt)
}

fn damaged_or(e: rusqlite::Error, path: &Path, what: String) -> StoreError {
    if is_damage(&e) {
        damaged(path, e.to_string())
    } else {
        StoreError::new(what, ErrorKind::Sqlite(e))
    }
}

pub(crate) fn damaged(path: &Path, detail: String) -> StoreError {
    StoreError::new(
        format!("checking {}", path.display()),
        ErrorKind::Damaged(detail),
    )
}
