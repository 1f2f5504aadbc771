//! Writing extracted documents: one transaction per batch.

use crate::error::{Context, ErrorKind, StoreError};
use crate::insert::{insert_documents, text_hash};
use crate::model::{Assumed, Extracted, WriteOutcome};
use crate::rows::insert_claim;
use crate::Store;
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use std::collections::HashSet;
use tally_core::Document;

const NOW: &str = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')";

impl Store {
    /// Store a batch of documents with their claims, in ONE transaction, and
    /// say what happened to each input (same order).
    ///
    /// - an unknown id: the document and its claims are inserted
    ///   ([`WriteOutcome::New`]);
    /// - a known id with identical text and metadata and the same extractor
    ///   version: nothing changes ([`WriteOutcome::Present`]);
    /// - a known id with the same content but another extractor version: its
    ///   claims are replaced ([`WriteOutcome::Updated`]);
    /// - a known id with other text or metadata: the document and its claims
    ///   are replaced ([`WriteOutcome::Updated`]).
    ///
    /// Any failure rolls the whole batch back: either every input is written
    /// or none is. A claim whose `doc` is not its document's id is refused.
    pub fn write_batch(&mut self, batch: &[Extracted]) -> Result<Vec<WriteOutcome>, StoreError> {
        match self.write_items(batch, None)? {
            Assumed::Written(outcomes) => Ok(outcomes),
            // Unreachable without assumptions; say so rather than panic.
            Assumed::Changed(_) => Err(StoreError::new(
                "writing a batch",
                ErrorKind::Invalid("a batch without assumptions reported a change".into()),
            )),
        }
    }

    /// [`Store::write_batch`] for a batch where the items flagged in
    /// `unextracted` were not extracted (their claims are ignored) because
    /// [`Store::unchanged`] found them stored unchanged. Checked again inside
    /// the transaction: when every flagged item is still unchanged (so
    /// [`WriteOutcome::Present`]), the batch is written and
    /// [`Assumed::Written`] returned; otherwise NOTHING is written and
    /// [`Assumed::Changed`] lists the flagged items that changed, to extract
    /// and write again. `unextracted` shorter than `batch` flags nothing past
    /// its end.
    pub fn write_batch_assuming(
        &mut self,
        batch: &[Extracted],
        unextracted: &[bool],
    ) -> Result<Assumed, StoreError> {
        self.write_items(batch, Some(unextracted))
    }

    /// For each document, whether it is stored with exactly this text and
    /// metadata and was extracted by `extractor_version`: what
    /// [`Store::write_batch`] would report as [`WriteOutcome::Present`]. Lets
    /// a caller skip extracting documents it would not write.
    pub fn unchanged(
        &self,
        docs: &[Document],
        extractor_version: &str,
    ) -> Result<Vec<bool>, StoreError> {
        docs.iter()
            .map(|d| {
                let old = existing(&self.conn, d)
                    .context(|| format!("looking up document {:?}", d.id.as_str()))?;
                Ok(old.is_some_and(|o| o.same_content && o.extractor_version == extractor_version))
            })
            .collect()
    }

    fn write_items(
        &mut self,
        batch: &[Extracted],
        unextracted: Option<&[bool]>,
    ) -> Result<Assumed, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .context(|| "starting a write".into())?;
        let mut outcomes = Vec::with_capacity(batch.len());
        let mut changed = Vec::new();
        // New documents, inserted together (see `insert`) before the next
        // look-up of one of their ids and at the end.
        let mut fresh = Fresh::default();
        for (i, e) in batch.iter().enumerate() {
            if fresh.ids.contains(e.doc.id.as_str()) {
                fresh.flush(&tx)?;
            }
            let what = || {
                format!(
                    "writing document {:?} (batch item {})",
                    e.doc.id.as_str(),
                    i + 1
                )
            };
            let assumed = unextracted.is_some_and(|u| u.get(i).copied().unwrap_or(false));
            if assumed {
                match existing(&tx, &e.doc).context(what)? {
                    Some(o) if o.same_content && o.extractor_version == e.extractor_version => {
                        outcomes.push(WriteOutcome::Present);
                    }
                    _ => changed.push(i),
                }
                continue;
            }
            check_claims(e).map_err(|m| StoreError::new(what(), ErrorKind::Invalid(m)))?;
            if !changed.is_empty() {
                // The batch will be rolled back: only the check matters now.
                continue;
            }
            outcomes.push(write_one(&tx, i, e, &mut fresh).context(what)?);
        }
        if changed.is_empty() {
            fresh.flush(&tx)?;
        }
        if !changed.is_empty() {
            // Dropping the transaction rolls it back.
            return Ok(Assumed::Changed(changed));
        }
        tx.commit().context(|| "committing a write".into())?;
        Ok(Assumed::Written(outcomes))
    }
}

fn check_claims(e: &Extracted) -> Result<(), String> {
    let id = e.doc.id.as_str();
    match e.claims.iter().position(|c| c.doc != id) {
        Some(i) => Err(format!(
            "claim {} names document {:?}, not {id:?}",
            i + 1,
            e.claims[i].doc
        )),
        None => Ok(()),
    }
}

/// The stored state of a document, compared with an incoming one.
struct Existing {
    same_content: bool,
    extractor_version: String,
}

fn existing(conn: &Connection, d: &Document) -> rusqlite::Result<Option<Existing>> {
    let mut st = conn.prepare_cached(
        "SELECT text = ?2 AND url IS ?3 AND title IS ?4 AND publisher IS ?5 \
         AND published IS ?6 AND author IS ?7, extractor_version \
         FROM documents WHERE id = ?1",
    )?;
    st.query_row(
        params![
            d.id.as_str(),
            d.text,
            d.url,
            d.title,
            d.publisher,
            d.published.map(|p| p.to_string()),
            d.author,
        ],
        |r| {
            Ok(Existing {
                same_content: r.get(0)?,
                extractor_version: r.get(1)?,
            })
        },
    )
    .optional()
}

fn write_one<'a>(
    tx: &Transaction<'_>,
    i: usize,
    e: &'a Extracted,
    fresh: &mut Fresh<'a>,
) -> rusqlite::Result<WriteOutcome> {
    let d = &e.doc;
    let id = d.id.as_str();
    let published = d.published.map(|p| p.to_string());
    let outcome = match existing(tx, d)? {
        None => {
            fresh.ids.insert(id);
            fresh.items.push((i, e));
            return Ok(WriteOutcome::New);
        }
        Some(old) if old.same_content && old.extractor_version == e.extractor_version => {
            return Ok(WriteOutcome::Present);
        }
        Some(old) if old.same_content => {
            tx.prepare_cached(&format!(
                "UPDATE documents SET extractor_version = ?2, ingested_at = {NOW} WHERE id = ?1"
            ))?
            .execute(params![id, e.extractor_version])?;
            delete_claims(tx, id)?;
            WriteOutcome::Updated
        }
        Some(_) => {
            tx.prepare_cached(&format!(
                "UPDATE documents SET url = ?2, title = ?3, publisher = ?4, published = ?5, \
                 author = ?6, text = ?7, text_hash = ?8, extractor_version = ?9, \
                 ingested_at = {NOW} WHERE id = ?1"
            ))?
            .execute(params![
                id,
                d.url,
                d.title,
                d.publisher,
                published,
                d.author,
                d.text,
                text_hash(&d.text),
                e.extractor_version,
            ])?;
            delete_claims(tx, id)?;
            WriteOutcome::Updated
        }
    };
    for (ordinal, c) in e.claims.iter().enumerate() {
        insert_claim(tx, ordinal, c)?;
    }
    Ok(outcome)
}

fn delete_claims(tx: &Transaction<'_>, id: &str) -> rusqlite::Result<()> {
    tx.prepare_cached("DELETE FROM claims WHERE doc = ?1")?
        .execute([id])?;
    Ok(())
}

/// New documents waiting to be inserted, with their batch index.
#[derive(Default)]
struct Fresh<'a> {
    items: Vec<(usize, &'a Extracted)>,
    ids: HashSet<&'a str>,
}

impl Fresh<'_> {
    /// Insert the waiting documents, then their claims.
    fn flush(&mut self, tx: &Transaction<'_>) -> Result<(), StoreError> {
        if self.items.is_empty() {
            return Ok(());
        }
        let docs: Vec<&Extracted> = self.items.iter().map(|(_, e)| *e).collect();
        insert_documents(tx, &docs).context(|| format!("writing {} new documents", docs.len()))?;
        for (i, e) in &self.items {
            let what = || {
                format!(
                    "writing document {:?} (batch item {})",
                    e.doc.id.as_str(),
                    i + 1
                )
            };
            for (ordinal, c) in e.claims.iter().enumerate() {
                insert_claim(tx, ordinal, c).context(what)?;
            }
        }
        self.items.clear();
        self.ids.clear();
        Ok(())
    }
}
