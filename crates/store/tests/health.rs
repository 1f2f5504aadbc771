//! Readers open without creating, locking or migrating; a damaged file is
//! refused before anything is written; `Store::check` says what is wrong.

mod common;

use common::*;
use std::io::{Seek, SeekFrom, Write};
use std::path::Path;
use std::time::{Duration, Instant};
use tally_store::{ErrorKind, Store};

/// A database of `n` documents, closed (so the WAL is folded into the file).
fn filled(path: &Path, n: usize) {
    let mut s = Store::open(path).unwrap();
    let items: Vec<_> = (0..n)
        .map(|i| {
            let id = format!("d{i:04}");
            let text = format!("Crews counted {i} barges and {} cranes at quay {i}.", i % 7);
            extracted(doc(&id, &format!("Quay {i}"), &text), vec![], "v1")
        })
        .collect();
    s.write_batch(&items).unwrap();
}

#[test]
fn a_missing_database_is_not_created_by_a_reader() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typo").join("tally.db");
    let err = Store::open_read_only(&path).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Missing), "{err}");
    assert!(err.to_string().contains("no such database"), "{err}");
    assert!(!dir.path().join("typo").exists(), "no folder created");
}

#[test]
fn readers_and_reopening_writers_do_not_wait_on_a_write_lock() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tally.db");
    filled(&path, 3);
    let holder = rusqlite::Connection::open(&path).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let start = Instant::now();
    let reader = Store::open_read_only(&path).unwrap();
    assert_eq!(reader.stats().unwrap().documents, 3);
    // An up-to-date schema needs no migration, so no lock either.
    let writer = Store::open(&path).unwrap();
    assert_eq!(writer.stats().unwrap().documents, 3);
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "waited on the lock"
    );
    holder.execute_batch("ROLLBACK").unwrap();
}

#[test]
fn a_read_only_file_can_be_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tally.db");
    filled(&path, 2);
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    let s = Store::open_read_only(&path).unwrap();
    assert_eq!(s.stats().unwrap().documents, 2);
    assert_eq!(s.search("barges", 5).unwrap().len(), 2);
}

#[test]
fn a_reader_refuses_an_unmigrated_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tally.db");
    drop(
        rusqlite::Connection::open(&path)
            .unwrap()
            .execute_batch("CREATE TABLE x (y)"),
    );
    let err = Store::open_read_only(&path).unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::SchemaBehind { found: 0, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("tally ingest"), "{err}");
}

/// Overwrite 16 KiB in the middle of the file with bytes that are no page.
fn damage(path: &Path) {
    let len = std::fs::metadata(path).unwrap().len();
    let mut f = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    f.seek(SeekFrom::Start((len / 2) & !4095)).unwrap();
    let junk: Vec<u8> = (0..16384u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    f.write_all(&junk).unwrap();
}

#[test]
fn a_damaged_database_is_refused_for_writing_and_check_reports_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tally.db");
    filled(&path, 2000);
    assert!(Store::check(&path).unwrap().is_ok());
    damage(&path);
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Damaged(_)), "{err}");
    assert!(err.to_string().contains("tally check"), "{err}");
    let check = Store::check(&path);
    let bad = match check {
        Ok(c) => !c.is_ok(),
        Err(e) => matches!(e.kind(), ErrorKind::Damaged(_)),
    };
    assert!(bad, "the check found nothing wrong");
}

#[test]
fn check_finds_a_search_index_out_of_step() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tally.db");
    filled(&path, 5);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "DROP TRIGGER documents_fts_delete; DELETE FROM documents WHERE id = 'd0001';",
    )
    .unwrap();
    drop(conn);
    let check = Store::check(&path).unwrap();
    assert!(check.integrity.is_empty(), "{check:?}");
    assert!(!check.search_index.is_empty(), "{check:?}");
}
