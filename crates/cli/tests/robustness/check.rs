//! What a tally database must satisfy whatever happened to the process
//! writing it, checked directly with SQLite.

use rusqlite::Connection;
use std::path::Path;

/// Each stored document's id and number of claims, in the order stored.
pub type Counts = Vec<(String, i64)>;

/// Open `db` as any later `tally` would (recovering a WAL left behind).
pub fn open(db: &Path) -> Connection {
    let conn = Connection::open(db).expect("open the database");
    conn.pragma_update(None, "foreign_keys", true)
        .expect("foreign keys on");
    conn
}

/// The per-document claim counts, in the order documents were stored;
/// empty when the schema was never created.
pub fn counts(conn: &Connection) -> Counts {
    let has_documents: bool = conn
        .query_row(
            "SELECT count(*) > 0 FROM sqlite_schema WHERE type = 'table' AND name = 'documents'",
            [],
            |r| r.get(0),
        )
        .expect("read the schema");
    if !has_documents {
        return Vec::new();
    }
    let mut st = conn
        .prepare(
            "SELECT d.id, (SELECT count(*) FROM claims c WHERE c.doc = d.id) \
             FROM documents d ORDER BY d.seq",
        )
        .expect("prepare counts");
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("query counts")
        .collect::<Result<_, _>>()
        .expect("read counts")
}

/// SQLite's own integrity check, the foreign keys, and the full-text index
/// against its content table. Panics with what is wrong.
pub fn assert_sound(conn: &Connection, when: &str) {
    let integrity: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .and_then(|mut st| st.query_map([], |r| r.get(0))?.collect())
        .expect("run integrity_check");
    assert_eq!(integrity, ["ok"], "{when}: integrity_check");
    let orphans: Vec<String> = conn
        .prepare("PRAGMA foreign_key_check")
        .and_then(|mut st| {
            st.query_map([], |r| {
                Ok(format!(
                    "{}#{} -> {}",
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?
                ))
            })?
            .collect()
        })
        .expect("run foreign_key_check");
    assert!(
        orphans.is_empty(),
        "{when}: claims without documents: {orphans:?}"
    );
    if !counts(conn).is_empty() {
        conn.execute(
            "INSERT INTO documents_fts(documents_fts) VALUES('integrity-check')",
            [],
        )
        .unwrap_or_else(|e| panic!("{when}: the full-text index is inconsistent: {e}"));
        let indexed: i64 = conn
            .query_row("SELECT count(*) FROM documents_fts", [], |r| r.get(0))
            .expect("count the index");
        let stored: i64 = conn
            .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
            .expect("count documents");
        assert_eq!(indexed, stored, "{when}: index and documents differ");
    }
}

/// `got` is a whole number of batches of `clean` from its start: documents
/// are written in reading order, a batch at a time, each batch all or
/// nothing; and each has exactly the claims a clean run gives it.
pub fn assert_batch_prefix(got: &Counts, clean: &Counts, batch: usize, when: &str) {
    assert!(
        got.len() % batch == 0 || got.len() == clean.len(),
        "{when}: {} documents stored, not a whole number of batches of {batch}",
        got.len()
    );
    let mut got_sorted = got.clone();
    got_sorted.sort();
    let mut want = clean[..got.len().min(clean.len())].to_vec();
    want.sort();
    if got_sorted != want {
        let first_bad = got_sorted
            .iter()
            .zip(&want)
            .find(|(g, w)| g != w)
            .map(|(g, w)| format!("stored {g:?}, a clean run has {w:?}"));
        panic!(
            "{when}: the stored documents are not the first {} read with their claims: {}",
            got.len(),
            first_bad.unwrap_or_else(|| "more documents than a clean run".into())
        );
    }
}
