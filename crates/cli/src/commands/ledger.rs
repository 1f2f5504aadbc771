//! The stored ledger, brought up to date from the store's bookkeeping
//! (tally-store's `ledger` tables): `tally ledger update|rebuild`, and the
//! update `tally ingest` runs when it has written its batches.
//!
//! 1. Pending documents (new, changed, re-extracted), a round at a time:
//!    their copy keys find candidate copies among stored documents; copy
//!    groups are recomputed over the pending documents, the candidates and
//!    the members of their groups only; each pending claim gets its block.
//! 2. Dirty blocks (a claim came or went, or a document's copy root
//!    changed): each is rebuilt by tally-ledger from the stored claims of
//!    that block, with the stored copy roots, and its facts replaced.
//!
//! A rebuild forgets the ledger and runs the same steps over every
//! document, so an update after each ingest equals a rebuild.

use super::facts::fact_json;
use crate::args::{LedgerAction, LedgerArgs};
use crate::{db, Status};
use anyhow::{Context, Result};
use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use tally_core::Document;
use tally_ledger::{copy_keys, CopyGroups, DocText, Knowledge, Ledger, MAX_BAND_BUCKET};
use tally_lexicon::Lexicon;
use tally_store::{BlockUpdate, CopiesUpdate, Placement, Store, StoredFact};

/// Pending documents handled per round (bounds the texts held at once).
const ROUND: usize = 2000;
/// Dirty blocks written per transaction.
const BLOCKS_PER_WRITE: usize = 64;
/// Documents kept in memory across blocks of one update.
const DOC_CACHE: usize = 20_000;

pub fn run(args: LedgerArgs, db_flag: Option<PathBuf>, quiet: bool) -> Result<Status> {
    let mut store = db::open(db_flag)?;
    match args.action {
        LedgerAction::Rebuild => store.ledger_reset().context("cannot reset the ledger")?,
        LedgerAction::Update => {}
    }
    let done = update(&mut store)?;
    let status = store.ledger_status()?;
    if !quiet {
        println!(
            "{} documents seen, {} blocks recomputed; {} facts",
            done.docs, done.blocks, status.facts
        );
    }
    Ok(Status::Success)
}

/// What an update did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Updated {
    pub docs: usize,
    pub blocks: usize,
}

/// Bring the stored ledger up to date (see the module documentation).
pub fn update(store: &mut Store) -> Result<Updated> {
    let lexicon = super::reconcile::lexicon()?;
    let dirs: Vec<_> = Knowledge::user_dir().into_iter().collect();
    let knowledge = Knowledge::load(&dirs).context("cannot load the ledger's data")?;
    let started = std::time::Instant::now();
    let mut done = Updated::default();
    loop {
        let pending = store.ledger_pending(ROUND)?;
        if pending.is_empty() {
            break;
        }
        done.docs += pending.len();
        let u = copies(store, &pending)?;
        store.ledger_write_copies(&u)?;
    }
    let dirty = store.ledger_dirty()?;
    done.blocks = dirty.len();
    let mut cache = Docs::default();
    for chunk in dirty.chunks(BLOCKS_PER_WRITE) {
        let mut updates = Vec::with_capacity(chunk.len());
        for block in chunk {
            updates.push(recompute(store, block, &mut cache, &lexicon, &knowledge)?);
        }
        store.ledger_write_blocks(&updates)?;
    }
    tracing::info!(
        docs = done.docs,
        blocks = done.blocks,
        seconds = started.elapsed().as_secs_f64(),
        "ledger updated"
    );
    Ok(done)
}

/// Documents read once per update.
#[derive(Default)]
struct Docs(HashMap<String, Option<Document>>);

impl Docs {
    fn get(&mut self, store: &Store, id: &str) -> Result<Option<Document>> {
        if let Some(d) = self.0.get(id) {
            return Ok(d.clone());
        }
        if self.0.len() >= DOC_CACHE {
            self.0.clear();
        }
        let d = store.document(id)?.map(|s| s.doc);
        self.0.insert(id.to_string(), d.clone());
        Ok(d)
    }
}

/// Copy groups and claim blocks for one round of pending documents.
fn copies(store: &Store, pending: &[String]) -> Result<CopiesUpdate> {
    let mut u = CopiesUpdate::default();
    let mut set: BTreeSet<String> = pending.iter().cloned().collect();
    for doc in pending {
        let keys = match store.document(doc)? {
            Some(d) => copy_keys(&d.doc.text),
            None => Vec::new(),
        };
        set.extend(store.ledger_copy_candidates(&keys, MAX_BAND_BUCKET)?);
        u.keys.push((doc.clone(), keys));
        for c in store.ledger_doc_claims(doc)? {
            u.blocks.push((c.doc, c.ordinal, Ledger::block(&c.claim)));
        }
    }
    let mut old: HashMap<String, String> = HashMap::new();
    let mut roots = BTreeSet::new();
    for d in &set {
        if let Some(r) = store.ledger_root(d)? {
            roots.insert(r.clone());
            old.insert(d.clone(), r);
        }
    }
    for r in &roots {
        set.extend(store.ledger_group(r)?);
        set.insert(r.clone());
    }
    let order = store.ledger_order(&set.into_iter().collect::<Vec<_>>())?;
    let mut docs = Vec::with_capacity(order.len());
    for (_, id) in &order {
        if let Some(d) = store.document(id)? {
            docs.push(d.doc);
        }
    }
    let texts: Vec<DocText<'_>> = docs
        .iter()
        .map(|d| DocText {
            id: d.id.as_str(),
            published: d.published,
            text: &d.text,
        })
        .collect();
    let groups = CopyGroups::find(&texts);
    let pending: BTreeSet<&String> = pending.iter().collect();
    for (i, d) in docs.iter().enumerate() {
        let id = d.id.as_str().to_string();
        let root = docs[groups.root(i)].id.as_str().to_string();
        if !pending.contains(&id) && old.get(&id) != Some(&root) {
            u.moved.push(id.clone());
        }
        u.roots.push((id, root));
    }
    Ok(u)
}

/// The facts of one block, rebuilt from its stored claims.
fn recompute(
    store: &Store,
    block: &str,
    cache: &mut Docs,
    lexicon: &Lexicon,
    knowledge: &Knowledge,
) -> Result<BlockUpdate> {
    let keyed = store.ledger_block_claims(block)?;
    let mut ids: Vec<String> = Vec::new();
    let mut seen = BTreeSet::new();
    for k in &keyed {
        if seen.insert(k.doc.clone()) {
            ids.push(k.doc.clone());
        }
    }
    let mut root_of: HashMap<String, String> = HashMap::new();
    for id in ids.clone() {
        let root = store.ledger_root(&id)?.unwrap_or_else(|| id.clone());
        if seen.insert(root.clone()) {
            ids.push(root.clone());
        }
        root_of.insert(id, root);
    }
    let mut docs = Vec::with_capacity(ids.len());
    for id in &ids {
        if let Some(d) = cache.get(store, id)? {
            docs.push(d);
        }
    }
    let at: HashMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let roots: Vec<usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            root_of
                .get(d.id.as_str())
                .and_then(|r| at.get(r.as_str()))
                .copied()
                .unwrap_or(i)
        })
        .collect();
    let claims: Vec<tally_core::Claim> = keyed.iter().map(|k| k.claim.clone()).collect();
    let ledger = Ledger::build_with_roots(&docs, roots, &claims, lexicon, knowledge);
    let facts = ledger
        .facts
        .iter()
        .map(|f| {
            Ok(StoredFact {
                id: f.id.clone(),
                block: block.to_string(),
                sources: f.origins.len(),
                reports: f.claims.len(),
                body: serde_json::to_string(&fact_json(f, &ledger, &claims))?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let placements = ledger
        .claims
        .iter()
        .map(|p| Placement {
            doc: keyed[p.input].doc.clone(),
            ordinal: keyed[p.input].ordinal,
            id: p.id.as_str().to_string(),
            fact: ledger.facts[p.fact].id.clone(),
            origin: p.origin.clone(),
        })
        .collect();
    Ok(BlockUpdate {
        block: block.to_string(),
        facts,
        placements,
    })
}
