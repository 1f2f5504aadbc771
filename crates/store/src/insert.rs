//! Inserting new documents, many rows per statement.
//!
//! The `documents` insert trigger feeds the FTS5 index, and a statement that
//! fires a trigger opens a statement savepoint, at which FTS5 flushes its
//! pending terms to disk as a new index segment. One `INSERT` per document
//! made one segment per document, and most of the write time went into
//! merging them; one `INSERT` per [`ROWS`] documents makes one segment per
//! statement instead.

use crate::model::Extracted;
use rusqlite::types::ToSql;
use rusqlite::Transaction;
use sha2::{Digest, Sha256};
use std::fmt::Write;

/// Documents per `INSERT` statement: 10 parameters each, far below SQLite's
/// limit of 32,766.
const ROWS: usize = 256;

/// The columns bound per document, in order (`ingested_at` is computed).
const COLUMNS: usize = 9;

/// The SHA-256 of `text`, as lower-case hex.
pub(crate) fn text_hash(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(text.as_bytes());
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push(HEX[usize::from(b >> 4)] as char);
        out.push(HEX[usize::from(b & 15)] as char);
    }
    out
}

/// `INSERT INTO documents ... VALUES (...), (...)` for `rows` documents.
fn insert_sql(rows: usize) -> String {
    let mut sql = String::from(
        "INSERT INTO documents (id, url, title, publisher, published, author, text, \
         text_hash, extractor_version, ingested_at) VALUES ",
    );
    for r in 0..rows {
        let p = r * COLUMNS;
        if r > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for c in 1..=COLUMNS {
            // Writing to a String cannot fail.
            let _ = write!(sql, "?{}, ", p + c);
        }
        sql.push_str("strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
    }
    sql
}

/// Insert `docs` (all unknown ids, distinct) as new documents, in order,
/// without their claims.
pub(crate) fn insert_documents(tx: &Transaction<'_>, docs: &[&Extracted]) -> rusqlite::Result<()> {
    for chunk in docs.chunks(ROWS) {
        let owned: Vec<(&str, Option<String>, String)> = chunk
            .iter()
            .map(|e| {
                let d = &e.doc;
                (
                    d.id.as_str(),
                    d.published.map(|p| p.to_string()),
                    text_hash(&d.text),
                )
            })
            .collect();
        let mut values: Vec<&dyn ToSql> = Vec::with_capacity(chunk.len() * COLUMNS);
        for (e, (id, published, hash)) in chunk.iter().zip(&owned) {
            let d = &e.doc;
            values.extend([
                id as &dyn ToSql,
                &d.url,
                &d.title,
                &d.publisher,
                published,
                &d.author,
                &d.text,
                hash,
                &e.extractor_version,
            ]);
        }
        let mut st = tx.prepare_cached(&insert_sql(chunk.len()))?;
        st.execute(values.as_slice())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_sha256_hex() {
        assert_eq!(
            text_hash(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_ne!(text_hash("a"), text_hash("b"));
    }

    #[test]
    fn the_statement_has_one_row_per_document() {
        let sql = insert_sql(2);
        assert_eq!(sql.matches("strftime").count(), 2);
        assert!(sql.contains("?18, strftime"), "{sql}");
        assert!(!sql.contains("?19"), "{sql}");
    }
}
