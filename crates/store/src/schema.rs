//! The schema, as an ordered list of migrations keyed by `PRAGMA user_version`.
//!
//! Step *N* (1-based) takes a database from version *N − 1* to *N*. Steps are
//! only ever appended: a released step is never edited. Each pending step
//! runs in its own immediate transaction together with the `user_version`
//! bump, so a failed step leaves the database at the previous version.

use crate::error::{Context, ErrorKind, StoreError};
use rusqlite::{Connection, TransactionBehavior};

/// The schema version this code writes and understands.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

const MIGRATIONS: &[&str] = &[
    // 1: documents, claims, full-text search.
    r#"
CREATE TABLE documents (
    -- An explicit rowid alias: VACUUM keeps it, so the external-content FTS
    -- index below, keyed by rowid, stays valid.
    seq               INTEGER PRIMARY KEY,
    id                TEXT NOT NULL UNIQUE,
    url               TEXT,
    title             TEXT,
    publisher         TEXT,
    published         TEXT,
    author            TEXT,
    text              TEXT NOT NULL,
    text_hash         TEXT NOT NULL,
    extractor_version TEXT NOT NULL,
    ingested_at       TEXT NOT NULL
);
CREATE INDEX documents_publisher ON documents (publisher COLLATE NOCASE);
CREATE INDEX documents_published ON documents (published);

CREATE TABLE claims (
    doc           TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ordinal       INTEGER NOT NULL,
    kind          TEXT NOT NULL
                  CHECK (kind IN ('transfer', 'deployment', 'casualties', 'loss', 'production')),
    stage         TEXT NOT NULL CHECK (stage IN ('planned', 'done')),
    negated       INTEGER NOT NULL CHECK (negated IN (0, 1)),
    from_party    TEXT,
    to_party      TEXT,
    item_name     TEXT NOT NULL,
    item_text     TEXT NOT NULL,
    outcome       TEXT,
    value         REAL NOT NULL,
    max           REAL,
    bound         TEXT NOT NULL,
    unit          TEXT NOT NULL,
    quantity_text TEXT NOT NULL,
    when_from     TEXT,
    when_to       TEXT,
    when_text     TEXT,
    place         TEXT,
    has_source    INTEGER NOT NULL CHECK (has_source IN (0, 1)),
    speaker       TEXT,
    via           TEXT,
    evidence      TEXT,
    span_start    INTEGER NOT NULL CHECK (span_start >= 0),
    span_end      INTEGER NOT NULL CHECK (span_end >= span_start),
    PRIMARY KEY (doc, ordinal),
    CHECK (when_text IS NOT NULL OR (when_from IS NULL AND when_to IS NULL)),
    CHECK (has_source = 1 OR (speaker IS NULL AND via IS NULL))
);
CREATE INDEX claims_order ON claims (doc, span_start, span_end, ordinal);
CREATE INDEX claims_kind ON claims (kind);
CREATE INDEX claims_from ON claims (from_party COLLATE NOCASE);
CREATE INDEX claims_to ON claims (to_party COLLATE NOCASE);
CREATE INDEX claims_when ON claims (when_from, when_to);

CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title, text,
    content = 'documents',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
"#,
    // 2: the ledger (derived from documents and claims; see ledger.rs).
    crate::ledger::MIGRATION,
];

/// The database's `user_version`.
pub(crate) fn version(conn: &Connection) -> Result<u32, StoreError> {
    let v: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .context(|| "reading the schema version".into())?;
    u32::try_from(v).map_err(|_| {
        StoreError::new(
            "reading the schema version",
            ErrorKind::Corrupt(format!("user_version {v} is not a schema version")),
        )
    })
}

/// Bring the database up to [`SCHEMA_VERSION`], or refuse a newer one.
pub(crate) fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    migrate_with(conn, MIGRATIONS)
}

fn migrate_with(conn: &mut Connection, steps: &[&str]) -> Result<(), StoreError> {
    let known = steps.len() as u32;
    let found = version(conn)?;
    check_not_newer(found, known)?;
    if found == known {
        // Up to date: no write lock, so opening never waits on a writer.
        return Ok(());
    }
    for (i, sql) in steps.iter().enumerate() {
        let n = i as u32 + 1;
        let what = || format!("migration {n}");
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .context(what)?;
        // Read again under the write lock: another process may have migrated.
        let current = version(&tx)?;
        check_not_newer(current, known)?;
        if current >= n {
            continue;
        }
        tx.execute_batch(sql).context(what)?;
        tx.pragma_update(None, "user_version", n).context(what)?;
        tx.commit().context(what)?;
    }
    Ok(())
}

/// Readers need the schema exactly as this code knows it.
pub(crate) fn check_current(found: u32) -> Result<(), StoreError> {
    check_not_newer(found, SCHEMA_VERSION)?;
    if found < SCHEMA_VERSION {
        return Err(StoreError::new(
            "checking the schema version",
            ErrorKind::SchemaBehind {
                found,
                known: SCHEMA_VERSION,
            },
        ));
    }
    Ok(())
}

fn check_not_newer(found: u32, known: u32) -> Result<(), StoreError> {
    if found > known {
        return Err(StoreError::new(
            "checking the schema version",
            ErrorKind::SchemaTooNew { found, known },
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables(conn: &Connection) -> Vec<String> {
        let mut st = conn
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
            .unwrap();
        st.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    #[test]
    fn migrates_an_empty_database_and_is_idempotent() {
        let mut conn = Connection::open_in_memory().unwrap();
        assert_eq!(version(&conn).unwrap(), 0);
        migrate(&mut conn).unwrap();
        assert_eq!(version(&conn).unwrap(), SCHEMA_VERSION);
        let names = tables(&conn);
        for t in ["claims", "documents", "documents_fts"] {
            assert!(names.iter().any(|n| n == t), "{t} missing from {names:?}");
        }
        migrate(&mut conn).unwrap();
        assert_eq!(version(&conn).unwrap(), SCHEMA_VERSION);
    }

    #[test]
    fn applies_only_pending_steps_in_order() {
        let mut conn = Connection::open_in_memory().unwrap();
        let steps = ["CREATE TABLE a (x);", "CREATE TABLE b (y);"];
        migrate_with(&mut conn, &steps[..1]).unwrap();
        assert_eq!(version(&conn).unwrap(), 1);
        migrate_with(&mut conn, &steps).unwrap();
        assert_eq!(version(&conn).unwrap(), 2);
        assert_eq!(tables(&conn), ["a", "b"]);
    }

    #[test]
    fn a_failing_step_names_itself_and_keeps_the_previous_version() {
        let mut conn = Connection::open_in_memory().unwrap();
        let steps = [
            "CREATE TABLE a (x);",
            "CREATE TABLE c (z); THIS IS NOT SQL;",
        ];
        let err = migrate_with(&mut conn, &steps).unwrap_err();
        assert!(err.to_string().starts_with("migration 2: "), "{err}");
        assert_eq!(version(&conn).unwrap(), 1);
        assert_eq!(tables(&conn), ["a"]);
    }

    #[test]
    fn the_ledger_migration_marks_every_document_of_a_version_1_database_pending() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate_with(&mut conn, &MIGRATIONS[..1]).unwrap();
        conn.execute_batch(
            "INSERT INTO documents (id, text, text_hash, extractor_version, ingested_at) \
             VALUES ('a', 'Ten tanks.', 'h', 'v', 'now'), ('b', 'Two guns.', 'h', 'v', 'now');
             INSERT INTO claims (doc, ordinal, kind, stage, negated, item_name, item_text, \
             value, bound, unit, quantity_text, has_source, span_start, span_end) \
             VALUES ('a', 0, 'transfer', 'done', 0, 'tanks', 'tanks', 10, 'exact', 'item', \
             'Ten', 0, 0, 10);",
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        assert_eq!(version(&conn).unwrap(), SCHEMA_VERSION);
        let pending: Vec<String> = conn
            .prepare("SELECT doc FROM ledger_pending ORDER BY doc")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(pending, ["a", "b"]);
    }

    #[test]
    fn refuses_a_newer_schema() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        let err = migrate(&mut conn).unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::SchemaTooNew { .. }),
            "{err}"
        );
        assert!(tables(&conn).is_empty());
    }
}
