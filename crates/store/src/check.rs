//! The full health check behind `tally check`: SQLite's integrity check,
//! foreign keys, and the full-text index against the documents table.

use crate::error::{Context, ErrorKind, StoreError};
use crate::open::{damaged, is_damage};
use crate::Store;
use rusqlite::{Connection, OpenFlags};
use std::path::Path;

/// What [`Store::check`] found. Each list is empty when that part is sound.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Check {
    /// `PRAGMA integrity_check` messages (pages, b-trees, indexes).
    pub integrity: Vec<String>,
    /// Claims whose document is missing, as `table rowid → parent`.
    pub foreign_keys: Vec<String>,
    /// The FTS5 index's own check, when it failed.
    pub search_index: Vec<String>,
}

impl Check {
    /// Nothing wrong was found.
    pub fn is_ok(&self) -> bool {
        self.integrity.is_empty() && self.foreign_keys.is_empty() && self.search_index.is_empty()
    }
}

impl Store {
    /// Run the full checks on the database at `path` without changing it.
    /// A file SQLite cannot read at all is an [`ErrorKind::Damaged`] error;
    /// damage SQLite can describe is reported in the [`Check`].
    pub fn check(path: &Path) -> Result<Check, StoreError> {
        let what = || format!("checking {}", path.display());
        if !path.is_file() {
            return Err(StoreError::new(what(), ErrorKind::Missing));
        }
        // Read-write (when allowed) so FTS5's check, an INSERT command that
        // changes nothing, can run; no migration, no quick check.
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)
            .or_else(|_| Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY))
            .context(what)?;
        conn.busy_timeout(crate::BUSY_TIMEOUT).context(what)?;
        let fail = |e: rusqlite::Error| {
            if is_damage(&e) {
                damaged(path, e.to_string())
            } else {
                StoreError::new(what(), ErrorKind::Sqlite(e))
            }
        };
        let integrity = pragma_rows(&conn, "PRAGMA integrity_check(100)").map_err(fail)?;
        let integrity = integrity.into_iter().filter(|m| m != "ok").collect();
        let foreign_keys = foreign_keys(&conn).map_err(fail)?;
        let search_index = match conn.execute(
            "INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)",
            [],
        ) {
            Ok(_) => Vec::new(),
            Err(e) => vec![e.to_string()],
        };
        Ok(Check {
            integrity,
            foreign_keys,
            search_index,
        })
    }
}

/// The first column of every row of a PRAGMA, as text.
pub(crate) fn pragma_rows(conn: &Connection, sql: &str) -> Result<Vec<String>, rusqlite::Error> {
    let mut st = conn.prepare(sql)?;
    let rows = st.query_map([], |r| r.get::<_, String>(0))?;
    rows.collect()
}

fn foreign_keys(conn: &Connection) -> Result<Vec<String>, rusqlite::Error> {
    let mut st = conn.prepare("PRAGMA foreign_key_check")?;
    let rows = st.query_map([], |r| {
        let table: String = r.get(0)?;
        let rowid: Option<i64> = r.get(1)?;
        let parent: String = r.get(2)?;
        Ok(format!(
            "{table} row {} names a missing {parent} row",
            rowid.map_or("?".into(), |n| n.to_string())
        ))
    })?;
    rows.take(100).collect()
}
