//! The stored ledger: tally-ledger's facts, claim placements and copy
//! groups, kept beside the documents and claims they are derived from.
//!
//! The store knows no ledger rules; it keeps rows and bookkeeping:
//!
//! - `ledger_pending`: documents the ledger has not seen since they (or
//!   their claims) were written. Filled by triggers on `documents` and
//!   `claims`, in the transaction of the write itself.
//! - `ledger_keys` / `ledger_docs`: each seen document's copy keys (LSH
//!   bands and exact-text hash, so a new document finds its candidate
//!   copies without reading the corpus) and the root of its copy group.
//! - `ledger_claims`: each seen claim's block, and once placed its claim
//!   id, fact and origin. A deleted claim (re-extraction replaces a
//!   document's claims) loses its row and marks its block in
//!   `ledger_dirty`, by trigger, in the same transaction: nothing dangles.
//! - `ledger_facts`: the facts of each clean block, as JSON bodies with
//!   the columns readers filter and sort on.
//!
//! A caller brings the ledger up to date with [`Store::ledger_write_copies`]
//! (pending documents → keys, roots, claim blocks, dirty blocks) and
//! [`Store::ledger_write_blocks`] (dirty blocks → facts), each one
//! transaction; [`Store::ledger_reset`] throws it all away so it is
//! rebuilt.

use crate::error::{Context, StoreError};
use crate::rows::{claim_from_row, RowError, CLAIM_COLUMNS};
use crate::Store;
use rusqlite::{params, OptionalExtension, TransactionBehavior};
use tally_core::Claim;

pub(crate) const MIGRATION: &str = r#"
CREATE TABLE ledger_pending (doc TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE ledger_dirty (block TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE ledger_docs (
    doc  TEXT PRIMARY KEY,
    root TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX ledger_docs_root ON ledger_docs (root);
CREATE TABLE ledger_keys (
    key INTEGER NOT NULL,
    doc TEXT NOT NULL,
    PRIMARY KEY (key, doc)
) WITHOUT ROWID;
CREATE INDEX ledger_keys_doc ON ledger_keys (doc);
CREATE TABLE ledger_claims (
    doc     TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    block   TEXT NOT NULL,
    id      TEXT,
    fact    TEXT,
    origin  TEXT,
    PRIMARY KEY (doc, ordinal)
) WITHOUT ROWID;
CREATE INDEX ledger_claims_block ON ledger_claims (block);
CREATE INDEX ledger_claims_fact ON ledger_claims (fact);
CREATE TABLE ledger_facts (
    seq     INTEGER PRIMARY KEY,
    id      TEXT NOT NULL,
    block   TEXT NOT NULL,
    sources INTEGER NOT NULL,
    reports INTEGER NOT NULL,
    body    TEXT NOT NULL
);
CREATE INDEX ledger_facts_id ON ledger_facts (id);
CREATE INDEX ledger_facts_block ON ledger_facts (block);
CREATE INDEX ledger_facts_order ON ledger_facts (sources DESC, reports DESC, id);

CREATE TRIGGER ledger_document_insert AFTER INSERT ON documents BEGIN
    INSERT OR IGNORE INTO ledger_pending (doc) VALUES (new.id);
END;
CREATE TRIGGER ledger_document_update AFTER UPDATE OF text, publisher, published ON documents BEGIN
    INSERT OR IGNORE INTO ledger_pending (doc) VALUES (new.id);
END;
CREATE TRIGGER ledger_document_delete AFTER DELETE ON documents BEGIN
    INSERT OR IGNORE INTO ledger_pending (doc)
        SELECT doc FROM ledger_docs WHERE root = old.id AND doc <> old.id;
    DELETE FROM ledger_pending WHERE doc = old.id;
    DELETE FROM ledger_keys WHERE doc = old.id;
    DELETE FROM ledger_docs WHERE doc = old.id;
END;
CREATE TRIGGER ledger_claim_insert AFTER INSERT ON claims BEGIN
    INSERT OR IGNORE INTO ledger_pending (doc) VALUES (new.doc);
END;
CREATE TRIGGER ledger_claim_delete AFTER DELETE ON claims BEGIN
    INSERT OR IGNORE INTO ledger_dirty (block)
        SELECT block FROM ledger_claims WHERE doc = old.doc AND ordinal = old.ordinal;
    DELETE FROM ledger_claims WHERE doc = old.doc AND ordinal = old.ordinal;
END;

-- A database written before the ledger: every document is pending.
INSERT INTO ledger_pending (doc) SELECT id FROM documents;
"#;

/// Page cache while the ledger is written (KiB, as SQLite's negative
/// `cache_size`): blocks touch claims all over the database.
const LEDGER_CACHE_KIB: i64 = -65_536;

/// A stored claim with its key.
#[derive(Clone, Debug, PartialEq)]
pub struct LedgerClaim {
    pub doc: String,
    pub ordinal: i64,
    pub claim: Claim,
}

/// One stored fact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredFact {
    pub id: String,
    pub block: String,
    /// Independent origins.
    pub sources: usize,
    pub reports: usize,
    /// The fact as the caller wrote it (JSON).
    pub body: String,
}

/// Where one claim was placed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placement {
    pub doc: String,
    pub ordinal: i64,
    pub id: String,
    pub fact: String,
    pub origin: String,
}

/// Syndication and blocks for pending documents, written in one
/// transaction by [`Store::ledger_write_copies`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CopiesUpdate {
    /// The pending documents handled: each one's copy keys. Their old keys
    /// and claim rows are replaced and they leave `ledger_pending`.
    pub keys: Vec<(String, Vec<u64>)>,
    /// The root of every document whose group was recomputed.
    pub roots: Vec<(String, String)>,
    /// Documents whose root changed: the blocks of their claims are
    /// recomputed.
    pub moved: Vec<String>,
    /// `(doc, ordinal, block)` of every claim of the handled documents.
    pub blocks: Vec<(String, i64, String)>,
}

/// The recomputed facts of one block, by [`Store::ledger_write_blocks`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BlockUpdate {
    pub block: String,
    pub facts: Vec<StoredFact>,
    pub placements: Vec<Placement>,
}

/// How much of the ledger waits to be brought up to date.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LedgerStatus {
    pub pending_docs: usize,
    pub dirty_blocks: usize,
    pub facts: usize,
}

fn strings(
    store: &Store,
    what: &str,
    sql: &str,
    arg: Option<&dyn rusqlite::ToSql>,
) -> Result<Vec<String>, StoreError> {
    let mut st = store.conn.prepare_cached(sql).context(|| what.into())?;
    let args: Vec<&dyn rusqlite::ToSql> = arg.into_iter().collect();
    let rows = st
        .query_map(args.as_slice(), |r| r.get(0))
        .context(|| what.into())?;
    rows.collect::<Result<_, _>>().context(|| what.into())
}

impl Store {
    /// Pending documents, in the order they were first stored.
    pub fn ledger_pending(&self, limit: usize) -> Result<Vec<String>, StoreError> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        strings(
            self,
            "listing documents the ledger has not seen",
            "SELECT p.doc FROM ledger_pending p LEFT JOIN documents d ON d.id = p.doc \
             ORDER BY d.seq LIMIT ?1",
            Some(&limit),
        )
    }

    /// Blocks whose facts must be recomputed.
    pub fn ledger_dirty(&self) -> Result<Vec<String>, StoreError> {
        strings(
            self,
            "listing blocks to recompute",
            "SELECT block FROM ledger_dirty ORDER BY block",
            None,
        )
    }

    /// How far the ledger is behind, and how many facts it holds.
    pub fn ledger_status(&self) -> Result<LedgerStatus, StoreError> {
        let what = || "reading the ledger's status".to_string();
        self.conn
            .query_row(
                "SELECT (SELECT count(*) FROM ledger_pending), \
                 (SELECT count(*) FROM ledger_dirty), (SELECT count(*) FROM ledger_facts)",
                [],
                |r| {
                    Ok(LedgerStatus {
                        pending_docs: r.get(0)?,
                        dirty_blocks: r.get(1)?,
                        facts: r.get(2)?,
                    })
                },
            )
            .context(what)
    }

    /// Documents (other than pending ones) sharing a copy key with `keys`,
    /// skipping keys shared by more than `max_bucket` documents.
    pub fn ledger_copy_candidates(
        &self,
        keys: &[u64],
        max_bucket: usize,
    ) -> Result<Vec<String>, StoreError> {
        let what = || "finding candidate copies".to_string();
        let mut st = self
            .conn
            .prepare_cached("SELECT doc FROM ledger_keys WHERE key = ?1 LIMIT ?2")
            .context(what)?;
        let cap = i64::try_from(max_bucket + 1).unwrap_or(i64::MAX);
        let mut out = Vec::new();
        for &k in keys {
            let docs: Vec<String> = st
                .query_map(params![k as i64, cap], |r| r.get(0))
                .context(what)?
                .collect::<Result<_, _>>()
                .context(what)?;
            if docs.len() <= max_bucket {
                out.extend(docs);
            }
        }
        out.sort();
        out.dedup();
        Ok(out)
    }

    /// The stored root of a document's copy group.
    pub fn ledger_root(&self, doc: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .prepare_cached("SELECT root FROM ledger_docs WHERE doc = ?1")
            .and_then(|mut st| st.query_row([doc], |r| r.get(0)).optional())
            .context(|| format!("reading the copy group of {doc:?}"))
    }

    /// The documents whose stored root is `root`.
    pub fn ledger_group(&self, root: &str) -> Result<Vec<String>, StoreError> {
        strings(
            self,
            "listing a copy group",
            "SELECT doc FROM ledger_docs WHERE root = ?1 ORDER BY doc",
            Some(&root),
        )
    }

    /// The store's order of documents (first stored first): `(seq, id)`
    /// for those of `docs` that exist.
    pub fn ledger_order(&self, docs: &[String]) -> Result<Vec<(i64, String)>, StoreError> {
        let what = || "ordering documents".to_string();
        let mut st = self
            .conn
            .prepare_cached("SELECT seq FROM documents WHERE id = ?1")
            .context(what)?;
        let mut out = Vec::with_capacity(docs.len());
        for d in docs {
            if let Some(seq) = st
                .query_row([d], |r| r.get::<_, i64>(0))
                .optional()
                .context(what)?
            {
                out.push((seq, d.clone()));
            }
        }
        out.sort();
        Ok(out)
    }

    /// The claims of one document with their ordinals.
    pub fn ledger_doc_claims(&self, doc: &str) -> Result<Vec<LedgerClaim>, StoreError> {
        self.keyed_claims(
            &format!("SELECT {CLAIM_COLUMNS}, ordinal FROM claims WHERE doc = ?1 ORDER BY ordinal"),
            doc,
        )
    }

    /// The claims of one block, in the store's order (document, ordinal).
    pub fn ledger_block_claims(&self, block: &str) -> Result<Vec<LedgerClaim>, StoreError> {
        self.keyed_claims(
            &format!(
                "SELECT {}, c.ordinal FROM ledger_claims l \
                 JOIN claims c ON c.doc = l.doc AND c.ordinal = l.ordinal \
                 JOIN documents d ON d.id = c.doc \
                 WHERE l.block = ?1 ORDER BY d.seq, c.ordinal",
                CLAIM_COLUMNS
                    .split(", ")
                    .map(|c| format!("c.{}", c.trim()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            block,
        )
    }

    fn keyed_claims(&self, sql: &str, arg: &str) -> Result<Vec<LedgerClaim>, StoreError> {
        let what = || format!("reading the claims of {arg:?}");
        let mut st = self.conn.prepare_cached(sql).context(what)?;
        let mut rows = st.query([arg]).context(what)?;
        let mut out = Vec::new();
        while let Some(r) = rows.next().context(what)? {
            let claim = claim_from_row(r).map_err(|e: RowError| e.into_store(what()))?;
            out.push(LedgerClaim {
                doc: claim.doc.clone(),
                ordinal: r.get(24).context(what)?,
                claim,
            });
        }
        Ok(out)
    }

    /// Stored facts with at least `min_sources` origins, most sources
    /// first, then most reports, then by id.
    pub fn ledger_facts(&self, min_sources: usize) -> Result<Vec<StoredFact>, StoreError> {
        let min = i64::try_from(min_sources).unwrap_or(i64::MAX);
        self.facts_where(
            "sources >= ?1 ORDER BY sources DESC, reports DESC, id",
            &min,
        )
    }

    /// The stored fact `id` (the first, should two share it).
    pub fn ledger_fact(&self, id: &str) -> Result<Option<StoredFact>, StoreError> {
        Ok(self.facts_where("id = ?1 ORDER BY seq LIMIT 1", &id)?.pop())
    }

    fn facts_where(
        &self,
        cond: &str,
        arg: &dyn rusqlite::ToSql,
    ) -> Result<Vec<StoredFact>, StoreError> {
        let what = || "reading facts".to_string();
        let sql =
            format!("SELECT id, block, sources, reports, body FROM ledger_facts WHERE {cond}");
        let mut st = self.conn.prepare_cached(&sql).context(what)?;
        let rows = st
            .query_map([arg], |r| {
                Ok(StoredFact {
                    id: r.get(0)?,
                    block: r.get(1)?,
                    sources: r.get(2)?,
                    reports: r.get(3)?,
                    body: r.get(4)?,
                })
            })
            .context(what)?;
        rows.collect::<Result<_, _>>().context(what)
    }

    /// Write the syndication and blocks of handled pending documents, in
    /// one transaction.
    pub fn ledger_write_copies(&mut self, u: &CopiesUpdate) -> Result<(), StoreError> {
        let what = || "updating the ledger's copy groups".to_string();
        self.conn
            .pragma_update(None, "cache_size", LEDGER_CACHE_KIB)
            .context(what)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .context(what)?;
        {
            let mut dirty_of = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO ledger_dirty (block) \
                     SELECT block FROM ledger_claims WHERE doc = ?1",
                )
                .context(what)?;
            for (doc, keys) in &u.keys {
                dirty_of.execute([doc]).context(what)?;
                tx.execute("DELETE FROM ledger_claims WHERE doc = ?1", [doc])
                    .context(what)?;
                tx.execute("DELETE FROM ledger_keys WHERE doc = ?1", [doc])
                    .context(what)?;
                tx.execute("DELETE FROM ledger_pending WHERE doc = ?1", [doc])
                    .context(what)?;
                let mut key = tx
                    .prepare_cached("INSERT OR IGNORE INTO ledger_keys (key, doc) VALUES (?1, ?2)")
                    .context(what)?;
                for &k in keys {
                    key.execute(params![k as i64, doc]).context(what)?;
                }
            }
            for doc in &u.moved {
                dirty_of.execute([doc]).context(what)?;
            }
            let mut root = tx
                .prepare_cached("INSERT OR REPLACE INTO ledger_docs (doc, root) VALUES (?1, ?2)")
                .context(what)?;
            for (doc, r) in &u.roots {
                root.execute([doc, r]).context(what)?;
            }
            let mut block = tx
                .prepare_cached(
                    "INSERT OR REPLACE INTO ledger_claims (doc, ordinal, block) VALUES (?1, ?2, ?3)",
                )
                .context(what)?;
            let mut dirty = tx
                .prepare_cached("INSERT OR IGNORE INTO ledger_dirty (block) VALUES (?1)")
                .context(what)?;
            for (doc, ordinal, b) in &u.blocks {
                block.execute(params![doc, ordinal, b]).context(what)?;
                dirty.execute([b]).context(what)?;
            }
        }
        tx.commit().context(what)
    }

    /// Replace the facts and placements of recomputed blocks, and mark them
    /// clean, in one transaction. Rows that did not change are not
    /// rewritten: a recomputed block mostly gives the facts it had.
    pub fn ledger_write_blocks(&mut self, blocks: &[BlockUpdate]) -> Result<(), StoreError> {
        let what = || "writing the ledger's facts".to_string();
        self.conn
            .pragma_update(None, "cache_size", LEDGER_CACHE_KIB)
            .context(what)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .context(what)?;
        {
            let mut old = tx
                .prepare_cached("SELECT seq, id, body FROM ledger_facts WHERE block = ?1")
                .context(what)?;
            let mut drop = tx
                .prepare_cached("DELETE FROM ledger_facts WHERE seq = ?1")
                .context(what)?;
            let mut fact = tx
                .prepare_cached(
                    "INSERT INTO ledger_facts (id, block, sources, reports, body) \
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )
                .context(what)?;
            let mut place = tx
                .prepare_cached(
                    "UPDATE ledger_claims SET id = ?3, fact = ?4, origin = ?5 \
                     WHERE doc = ?1 AND ordinal = ?2 \
                     AND (id IS NOT ?3 OR fact IS NOT ?4 OR origin IS NOT ?5)",
                )
                .context(what)?;
            for b in blocks {
                let mut kept: std::collections::HashMap<(String, String), Vec<i64>> =
                    std::collections::HashMap::new();
                let rows = old
                    .query_map([&b.block], |r| {
                        Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get(2)?))
                    })
                    .context(what)?;
                for row in rows {
                    let (seq, id, body) = row.context(what)?;
                    kept.entry((id, body)).or_default().push(seq);
                }
                for f in &b.facts {
                    let same = kept
                        .get_mut(&(f.id.clone(), f.body.clone()))
                        .and_then(Vec::pop);
                    if same.is_some() {
                        continue;
                    }
                    fact.execute(params![
                        f.id,
                        b.block,
                        i64::try_from(f.sources).unwrap_or(i64::MAX),
                        i64::try_from(f.reports).unwrap_or(i64::MAX),
                        f.body
                    ])
                    .context(what)?;
                }
                for seq in kept.into_values().flatten() {
                    drop.execute([seq]).context(what)?;
                }
                tx.execute("DELETE FROM ledger_dirty WHERE block = ?1", [&b.block])
                    .context(what)?;
                for p in &b.placements {
                    place
                        .execute(params![p.doc, p.ordinal, p.id, p.fact, p.origin])
                        .context(what)?;
                }
            }
        }
        tx.commit().context(what)
    }

    /// Forget the ledger: every document pending, nothing placed. The next
    /// update rebuilds it from the documents and claims.
    pub fn ledger_reset(&mut self) -> Result<(), StoreError> {
        self.conn
            .execute_batch(
                "BEGIN IMMEDIATE;
                 DELETE FROM ledger_facts; DELETE FROM ledger_claims; DELETE FROM ledger_keys;
                 DELETE FROM ledger_docs; DELETE FROM ledger_dirty; DELETE FROM ledger_pending;
                 INSERT INTO ledger_pending (doc) SELECT id FROM documents;
                 COMMIT;",
            )
            .context(|| "resetting the ledger".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Extracted;
    use tally_core::{DocId, Document, Item, Kind, Quantity, Span};

    fn extracted(id: &str, values: &[f64]) -> Extracted {
        let text = "Forty tanks were delivered, the ministry said.";
        Extracted {
            doc: Document::new(DocId::given(id), text),
            claims: values
                .iter()
                .map(|&v| {
                    Claim::new(
                        id,
                        Kind::Transfer,
                        Item::new("tanks", "tanks"),
                        Quantity::exact(v, v.to_string()),
                        Span::new(0, text.len()),
                    )
                })
                .collect(),
            extractor_version: "t-1".into(),
        }
    }

    fn count(store: &Store, table: &str) -> i64 {
        store
            .conn
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn writes_mark_documents_pending_and_replaced_claims_dirty_their_block() {
        let mut store = Store::open_in_memory().unwrap();
        store.write_batch(&[extracted("a", &[40.0, 41.0])]).unwrap();
        assert_eq!(store.ledger_pending(10).unwrap(), ["a"]);
        let claims = store.ledger_doc_claims("a").unwrap();
        assert_eq!(claims.len(), 2);
        assert_eq!(claims[1].ordinal, 1);
        store
            .ledger_write_copies(&CopiesUpdate {
                keys: vec![("a".into(), vec![1, u64::MAX])],
                roots: vec![("a".into(), "a".into())],
                moved: vec![],
                blocks: vec![("a".into(), 0, "B".into()), ("a".into(), 1, "B".into())],
            })
            .unwrap();
        assert!(store.ledger_pending(10).unwrap().is_empty());
        assert_eq!(store.ledger_dirty().unwrap(), ["B"]);
        assert_eq!(store.ledger_copy_candidates(&[u64::MAX], 4).unwrap(), ["a"]);
        assert!(store
            .ledger_copy_candidates(&[u64::MAX], 0)
            .unwrap()
            .is_empty());
        assert_eq!(store.ledger_block_claims("B").unwrap().len(), 2);
        store
            .ledger_write_blocks(&[BlockUpdate {
                block: "B".into(),
                facts: vec![StoredFact {
                    id: "f-1".into(),
                    block: "B".into(),
                    sources: 1,
                    reports: 2,
                    body: "{}".into(),
                }],
                placements: vec![Placement {
                    doc: "a".into(),
                    ordinal: 0,
                    id: "1".into(),
                    fact: "f-1".into(),
                    origin: "o".into(),
                }],
            }])
            .unwrap();
        assert!(store.ledger_dirty().unwrap().is_empty());
        assert_eq!(store.ledger_fact("f-1").unwrap().unwrap().reports, 2);
        assert_eq!(store.ledger_facts(2).unwrap().len(), 0);

        // Re-extraction with other claims: the old rows go, the block is
        // dirty again, the document pending, all in the write.
        let mut changed = extracted("a", &[50.0]);
        changed.extractor_version = "t-2".into();
        store.write_batch(&[changed]).unwrap();
        assert_eq!(count(&store, "ledger_claims"), 0);
        assert_eq!(store.ledger_dirty().unwrap(), ["B"]);
        assert_eq!(store.ledger_pending(10).unwrap(), ["a"]);
        let status = store.ledger_status().unwrap();
        assert_eq!(
            (status.pending_docs, status.dirty_blocks, status.facts),
            (1, 1, 1)
        );

        store.ledger_reset().unwrap();
        assert_eq!(count(&store, "ledger_facts"), 0);
        assert_eq!(store.ledger_pending(10).unwrap(), ["a"]);
    }
}
