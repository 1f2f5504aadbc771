//! The ingest pipeline: a reader thread, extraction on the rayon pool, and a
//! writer thread owning the [`Store`], overlapped and joined by bounded
//! channels.
//!
//! ```text
//! reader ──batch──▶ extract (this thread + rayon) ──batch──▶ writer
//! ```
//!
//! Both channels are rendezvous channels (`sync_channel(0)`): at most one
//! batch is being read, one extracted and one written, so memory stays
//! bounded by about three batches whatever the input size. Each batch is
//! still ONE transaction, written in input order.
//!
//! The reader looks every document up through its own read connection
//! ([`Store::unchanged`]); one stored with the same text, metadata and
//! extractor version is not extracted, so re-ingesting an unchanged archive
//! costs reading it and one indexed lookup per document. The writer checks
//! that assumption again inside its transaction
//! ([`Store::write_batch_assuming`]) and extracts and rewrites the batch when
//! it no longer holds (the same id twice in the input, another process
//! writing), so the stored result is what a full extraction would store.
//!
//! A failing stage drops its channel ends, which ends the others: a writer
//! error stops extraction, whose dropped receiver stops the reader.

use crate::guard::Guard;
use anyhow::{anyhow, Context, Result};
use indicatif::ProgressBar;
use rayon::prelude::*;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::Arc;
use tally_core::{Document, Extractor};
use tally_extract::Pipeline;
use tally_ingest::{Input, ReadOptions};
use tally_store::{Assumed, Extracted, Store, WriteOutcome};

/// What the ingest run needs to know.
pub(super) struct Plan<'a> {
    pub inputs: &'a [Input],
    pub opts: &'a ReadOptions,
    pub pipeline: &'a Arc<Pipeline>,
    /// Size and time limits per document.
    pub guard: Guard,
    pub batch_size: usize,
    /// Keep the ids read, for `--claims`.
    pub keep_ids: bool,
    pub bar: &'a ProgressBar,
}

/// What the reader saw.
#[derive(Default)]
pub(super) struct ReadSide {
    /// Inputs that could not be read or extracted, as messages: the
    /// reader's in order, then extraction's.
    pub failures: Vec<String>,
    /// Ids of the documents read, in order (only with `keep_ids`).
    pub ids: Vec<String>,
}

/// What the writer did.
#[derive(Default)]
pub(super) struct Written {
    pub new: usize,
    pub present: usize,
    pub updated: usize,
    pub claims: usize,
}

/// A batch read, with the documents found stored unchanged flagged.
struct Batch {
    docs: Vec<Document>,
    /// Where each document was read from, for messages.
    origins: Vec<String>,
    unchanged: Vec<bool>,
}

/// A batch extracted: claims are empty where `unextracted` is set.
struct Pending {
    items: Vec<Extracted>,
    unextracted: Vec<bool>,
}

/// Run the pipeline to the end of the input. `lookup` is a second
/// connection to the same database, for the reader; `store` is moved into
/// the writer and given back.
pub(super) fn run(
    plan: &Plan<'_>,
    store: Store,
    lookup: Store,
) -> Result<(Store, Written, ReadSide)> {
    let version = plan.pipeline.version().to_string();
    std::thread::scope(|s| {
        let (to_extract, read_rx) = sync_channel::<Batch>(0);
        let (to_write, write_rx) = sync_channel::<Pending>(0);
        let version = version.as_str();
        let reader = s.spawn(move || read(plan, &lookup, version, to_extract));
        let writer = s.spawn(move || write(store, plan.pipeline, write_rx));
        let mut slow = Vec::new();
        for batch in read_rx {
            let (pending, failed) = extract(plan, version, batch);
            slow.extend(failed);
            // A closed channel means the writer stopped: its error says why.
            if to_write.send(pending).is_err() {
                break;
            }
        }
        drop(to_write);
        let written = writer
            .join()
            .map_err(|_| anyhow!("the database writer stopped unexpectedly"))?;
        let read = reader
            .join()
            .map_err(|_| anyhow!("the input reader stopped unexpectedly"))?;
        let (store, written) = written?;
        let mut read = read?;
        read.failures.extend(slow);
        Ok((store, written, read))
    })
}

/// Read documents into batches, flag those stored unchanged, send them on.
/// Stops early, without error, when extraction stops taking batches.
fn read(
    plan: &Plan<'_>,
    lookup: &Store,
    version: &str,
    out: SyncSender<Batch>,
) -> Result<ReadSide> {
    let mut side = ReadSide::default();
    let mut docs = Vec::with_capacity(plan.batch_size);
    let mut origins = Vec::with_capacity(plan.batch_size);
    let send = |docs: Vec<Document>, origins: Vec<String>| -> Result<bool> {
        if docs.is_empty() {
            return Ok(true);
        }
        let unchanged = lookup
            .unchanged(&docs, version)
            .context("cannot read the database")?;
        let batch = Batch {
            docs,
            origins,
            unchanged,
        };
        Ok(out.send(batch).is_ok())
    };
    for read in tally_ingest::read_inputs(plan.inputs, plan.opts) {
        plan.bar.inc(1);
        let read = match read {
            Ok(read) => read,
            Err(e) => {
                side.failures.push(e.to_string());
                continue;
            }
        };
        if let Err(msg) = plan.guard.check_size(&read.origin, &read.doc) {
            side.failures.push(msg);
            continue;
        }
        if plan.keep_ids {
            side.ids.push(read.doc.id.to_string());
        }
        docs.push(read.doc);
        origins.push(read.origin);
        if docs.len() >= plan.batch_size {
            let full = std::mem::replace(&mut docs, Vec::with_capacity(plan.batch_size));
            if !send(full, std::mem::take(&mut origins))? {
                return Ok(side);
            }
        }
    }
    send(docs, origins)?;
    Ok(side)
}

/// Extract a batch in parallel, skipping the documents stored unchanged;
/// documents over the time limit are left out, as messages.
fn extract(plan: &Plan<'_>, version: &str, batch: Batch) -> (Pending, Vec<String>) {
    let results: Vec<Result<(Extracted, bool), String>> = batch
        .docs
        .into_par_iter()
        .zip(batch.origins.par_iter())
        .zip(batch.unchanged.par_iter())
        .map(|((doc, origin), &unchanged)| {
            let (doc, claims) = if unchanged {
                (doc, Vec::new())
            } else {
                plan.guard.extract(plan.pipeline, origin, doc)?
            };
            let item = Extracted {
                doc,
                claims,
                extractor_version: version.to_string(),
            };
            Ok((item, unchanged))
        })
        .collect();
    let mut pending = Pending {
        items: Vec::with_capacity(results.len()),
        unextracted: Vec::with_capacity(results.len()),
    };
    let mut failures = Vec::new();
    for r in results {
        match r {
            Ok((item, unchanged)) => {
                pending.items.push(item);
                pending.unextracted.push(unchanged);
            }
            Err(msg) => failures.push(msg),
        }
    }
    (pending, failures)
}

/// What a write error says beside its cause: what is safe in the database,
/// and how to finish the job.
fn committed_before_failure(w: &Written) -> String {
    let done = w.new + w.present + w.updated;
    format!(
        "cannot write to the database; {done} documents ({} new, {} already present, {} updated) \
         were committed before this error and are kept; once the cause is fixed, run the same \
         command again to store the rest",
        w.new, w.present, w.updated
    )
}

/// Write each batch in one transaction, in order; give the store back.
fn write(mut store: Store, pipeline: &Pipeline, rx: Receiver<Pending>) -> Result<(Store, Written)> {
    let mut written = Written::default();
    for mut p in rx {
        let outcomes = loop {
            let result = store
                .write_batch_assuming(&p.items, &p.unextracted)
                .with_context(|| committed_before_failure(&written))?;
            match result {
                Assumed::Written(outcomes) => break outcomes,
                Assumed::Changed(changed) => {
                    let mut redone = 0;
                    for i in changed {
                        if let (Some(item), Some(flag)) =
                            (p.items.get_mut(i), p.unextracted.get_mut(i))
                        {
                            if *flag {
                                item.claims = pipeline.extract(&item.doc);
                                *flag = false;
                                redone += 1;
                            }
                        }
                    }
                    if redone == 0 {
                        return Err(anyhow!(
                            "cannot write to the database: it reported changes to \
                             documents that were extracted"
                        ));
                    }
                }
            }
        };
        for (outcome, item) in outcomes.iter().zip(&p.items) {
            match outcome {
                WriteOutcome::New => {
                    written.new += 1;
                    written.claims += item.claims.len();
                }
                WriteOutcome::Present => written.present += 1,
                WriteOutcome::Updated => {
                    written.updated += 1;
                    written.claims += item.claims.len();
                }
            }
        }
    }
    Ok((store, written))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tally_store::ClaimFilter;

    const FIRST: &str =
        "Germany delivered 40 Leopard tanks to Ukraine last week, the defence ministry said.";
    const CHANGED: &str =
        "Germany delivered 45 Leopard tanks to Ukraine last week, the defence ministry said.";
    const SECOND: &str =
        "Russia lost 12 howitzers near the river on Monday, officials in Kyiv said.";

    fn line(id: &str, text: &str) -> String {
        format!("{{\"id\": \"{id}\", \"text\": \"{text}\"}}\n")
    }

    /// Ingest `lines` as one JSON Lines file, batches of `batch`.
    fn ingest(db: &std::path::Path, lines: &[String], batch: usize) -> (Written, ReadSide) {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("in.jsonl");
        std::fs::write(&file, lines.concat()).unwrap();
        let inputs = [Input::Path(file)];
        let opts = ReadOptions::default();
        let pipeline = Arc::new(Pipeline::new(tally_lexicon::Lexicon::builtin().unwrap()));
        let bar = ProgressBar::hidden();
        let plan = Plan {
            inputs: &inputs,
            opts: &opts,
            pipeline: &pipeline,
            guard: Guard {
                max_bytes: 1 << 20,
                timeout: std::time::Duration::from_secs(60),
            },
            batch_size: batch,
            keep_ids: true,
            bar: &bar,
        };
        let (_, written, read) = run(
            &plan,
            Store::open(db).unwrap(),
            Store::open_read_only(db).unwrap(),
        )
        .unwrap();
        (written, read)
    }

    fn claims_of(db: &std::path::Path, id: &str) -> Vec<tally_core::Claim> {
        let filter = ClaimFilter {
            doc: Some(id.into()),
            ..ClaimFilter::default()
        };
        Store::open(db).unwrap().claims(&filter).unwrap()
    }

    #[test]
    fn writes_everything_read_and_skips_what_is_stored_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("t.db");
        let lines = [line("a", FIRST), line("b", SECOND), line("c", FIRST)];
        let (w, r) = ingest(&db, &lines, 2);
        assert_eq!((w.new, w.present, w.updated), (3, 0, 0));
        assert_eq!(r.ids, ["a", "b", "c"]);
        let a = claims_of(&db, "a");
        assert!(!a.is_empty(), "the test sentence yields a claim");
        assert_eq!(w.claims, a.len() * 2 + claims_of(&db, "b").len());

        let (w, _) = ingest(&db, &lines, 2);
        assert_eq!((w.new, w.present, w.updated, w.claims), (0, 3, 0, 0));
        assert_eq!(claims_of(&db, "a"), a, "claims kept, not emptied");
    }

    #[test]
    fn a_document_changed_earlier_in_the_same_input_is_extracted_again() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("t.db");
        ingest(&db, &[line("a", FIRST)], 1);
        let want = claims_of(&db, "a");
        // "a" changes, then comes back as stored: the second one must not
        // be taken as unchanged on the strength of a look-up made before
        // the first was written.
        let (w, _) = ingest(&db, &[line("a", CHANGED), line("a", FIRST)], 1);
        assert_eq!((w.new, w.present, w.updated), (0, 0, 2));
        assert_eq!(claims_of(&db, "a"), want);
        assert_eq!(
            want[0].quantity.value, 40.0,
            "extracted from the stored text"
        );
        let stored = Store::open(&db).unwrap().document("a").unwrap().unwrap();
        assert_eq!(stored.doc.text, FIRST);
    }
}
