mod common;

use common::*;
use tally_core::Kind;
use tally_store::{ClaimFilter, ErrorKind, Store, SCHEMA_VERSION};

#[test]
fn opens_a_file_in_nested_folders_in_wal_mode_and_reopens_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deep").join("er").join("tally.db");
    {
        let mut s = Store::open(&path).unwrap();
        let claims = vec![full_claim("a")];
        s.write_batch(&[extracted(doc("a", "A", "some text here"), claims, "v1")])
            .unwrap();
    }
    assert!(path.is_file());
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    drop(conn);

    let s = Store::open(&path).unwrap();
    assert_eq!(
        s.claims(&ClaimFilter::default()).unwrap(),
        [full_claim("a")]
    );
    assert_eq!(s.search("text", 5).unwrap().len(), 1);
    assert_eq!(s.stats().unwrap().schema_version, SCHEMA_VERSION);
}

#[test]
fn two_handles_share_one_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tally.db");
    let mut writer = Store::open(&path).unwrap();
    let reader = Store::open(&path).unwrap();
    writer
        .write_batch(&[extracted(doc("a", "A", "x"), vec![], "v1")])
        .unwrap();
    assert!(reader.document("a").unwrap().is_some());
}

#[test]
fn foreign_keys_cascade_claims_with_their_document() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tally.db");
    let mut s = Store::open(&path).unwrap();
    let claims = vec![claim("a", 1.0, "x", (0, 1))];
    s.write_batch(&[extracted(doc("a", "A", "x"), claims, "v1")])
        .unwrap();
    drop(s);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "foreign_keys", true).unwrap();
    conn.execute("DELETE FROM documents WHERE id = 'a'", [])
        .unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM claims", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
    let orphan = conn.execute(
        "INSERT INTO claims (doc, ordinal, kind, stage, negated, item_name, item_text, value, \
         bound, unit, quantity_text, has_source, span_start, span_end) \
         VALUES ('nobody', 0, 'loss', 'done', 0, 'x', 'x', 1, 'exact', 'item', '1', 0, 0, 1)",
        [],
    );
    assert!(orphan.is_err(), "a claim needs its document");
}

#[test]
fn refuses_a_database_from_a_newer_tally() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tally.db");
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 7)
        .unwrap();
    drop(conn);
    let err = Store::open(&path).unwrap_err();
    match err.kind() {
        ErrorKind::SchemaTooNew { found, known } => {
            assert_eq!((*found, *known), (SCHEMA_VERSION + 7, SCHEMA_VERSION));
        }
        other => panic!("unexpected {other:?}"),
    }
    assert!(err.to_string().contains("upgrade tally"), "{err}");
}

#[test]
fn a_path_that_cannot_be_a_database_names_itself() {
    let dir = tempfile::tempdir().unwrap();
    // A folder where the file should be.
    let err = Store::open(dir.path()).unwrap_err();
    assert!(
        err.to_string().contains(&dir.path().display().to_string()),
        "{err}"
    );
    // A file where a folder should be.
    let file = dir.path().join("plain");
    std::fs::write(&file, "not a folder").unwrap();
    let err = Store::open(&file.join("tally.db")).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Io(_)), "{err}");
    assert!(err.to_string().starts_with("creating "), "{err}");
}

#[test]
fn a_file_that_is_not_sqlite_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tally.db");
    std::fs::write(&path, vec![b'z'; 4096]).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(err.to_string().starts_with("opening "), "{err}");
}

#[test]
fn stats_count_what_is_stored() {
    let mut s = Store::open_in_memory().unwrap();
    let empty = s.stats().unwrap();
    assert_eq!((empty.documents, empty.claims), (0, 0));
    assert_eq!(empty.claims_per_kind.len(), Kind::ALL.len());
    assert!(empty.claims_per_kind.values().all(|n| *n == 0));
    assert_eq!(empty.earliest_published, None);
    assert_eq!(empty.schema_version, SCHEMA_VERSION);

    let mut early = doc("b", "B", "y");
    early.published = Some(date(2023, 2, 1));
    early.publisher = Some("Other Times".into());
    let mut none = doc("c", "C", "z");
    none.published = None;
    none.publisher = None;
    let mut loss = claim("a", 2.0, "tanks", (0, 1));
    loss.kind = Kind::Loss;
    s.write_batch(&[
        extracted(
            doc("a", "A", "x"),
            vec![claim("a", 1.0, "x", (0, 1)), loss],
            "v2",
        ),
        extracted(early, vec![full_claim("b")], "v1"),
        extracted(none, vec![], "v2"),
    ])
    .unwrap();
    let st = s.stats().unwrap();
    assert_eq!((st.documents, st.claims), (3, 3));
    assert_eq!(st.claims_per_kind[&Kind::Transfer], 1);
    assert_eq!(st.claims_per_kind[&Kind::Loss], 1);
    assert_eq!(st.claims_per_kind[&Kind::Casualties], 1);
    assert_eq!(st.claims_per_kind[&Kind::Production], 0);
    assert_eq!(
        st.publishers,
        [
            ("Example Wire".to_string(), 1),
            ("Other Times".to_string(), 1)
        ]
    );
    assert_eq!(st.earliest_published, Some(date(2023, 2, 1)));
    assert_eq!(st.latest_published, Some(date(2025, 3, 10)));
    assert_eq!(
        st.extractor_versions,
        [("v2".to_string(), 2), ("v1".to_string(), 1)]
    );
    let json = serde_json::to_value(&st).unwrap();
    assert_eq!(json["claims_per_kind"]["loss"], 1);
}
