//! `tally ingest`: read, extract, store, in bounded batches.

use super::inputs;
use crate::args::{Format, IngestArgs};
use crate::{db, output, progress, Status};
use anyhow::{Context, Result};
use rayon::prelude::*;
use std::io::Write;
use std::path::PathBuf;
use tally_core::{Document, Extractor};
use tally_extract::Pipeline;
use tally_store::{ClaimFilter, Extracted, Store, WriteOutcome};

#[derive(Default)]
struct Summary {
    new: usize,
    present: usize,
    updated: usize,
    claims: usize,
    failures: Vec<String>,
    /// Ids of the documents read, kept only for `--claims`.
    ids: Vec<String>,
}

pub fn run(args: IngestArgs, db_flag: Option<PathBuf>, quiet: bool) -> Result<Status> {
    let inputs = inputs::inputs(&args.inputs);
    let opts = inputs::options(&args.meta)?;
    let mut store = db::open(db_flag)?;
    let pipeline = crate::pipeline::build()?;
    let bar = progress::spinner(quiet, "documents");
    let batch_size = args.batch as usize;
    let keep_ids = args.claims;

    let mut summary = Summary::default();
    let mut batch: Vec<Document> = Vec::with_capacity(batch_size);
    for read in tally_ingest::read_inputs(&inputs, &opts) {
        match read {
            Ok(read) => {
                if keep_ids {
                    summary.ids.push(read.doc.id.to_string());
                }
                batch.push(read.doc);
                if batch.len() >= batch_size {
                    write(
                        &mut store,
                        &pipeline,
                        std::mem::take(&mut batch),
                        &mut summary,
                    )?;
                }
            }
            Err(e) => summary.failures.push(e.to_string()),
        }
        bar.inc(1);
    }
    write(&mut store, &pipeline, batch, &mut summary)?;
    bar.finish_and_clear();

    if !quiet {
        let mut out = super::stdout();
        writeln!(
            out,
            "{} new, {} already present, {} updated, {} failed; {} claims written",
            summary.new,
            summary.present,
            summary.updated,
            summary.failures.len(),
            summary.claims
        )?;
        out.flush()?;
    }
    for f in &summary.failures {
        eprintln!("{f}");
    }
    if args.claims {
        print_claims(&store, &summary.ids)?;
    }
    Ok(if !summary.failures.is_empty() {
        Status::PartialFailure
    } else if summary.new + summary.present + summary.updated == 0 {
        Status::NothingFound
    } else {
        Status::Success
    })
}

/// The claims of the given documents, as one table, in the order read.
fn print_claims(store: &Store, ids: &[String]) -> Result<()> {
    let mut seen = std::collections::HashSet::new();
    let mut claims = Vec::new();
    for id in ids {
        if seen.insert(id.as_str()) {
            let filter = ClaimFilter {
                doc: Some(id.clone()),
                ..ClaimFilter::default()
            };
            claims.extend(store.claims(&filter).context("cannot read claims")?);
        }
    }
    let mut out = super::stdout();
    if claims.is_empty() {
        writeln!(out, "no claims found in these documents")?;
    } else {
        output::claims(&mut out, &claims, Format::Table)?;
    }
    out.flush()?;
    Ok(())
}

/// Extract a batch in parallel and write it in one transaction.
fn write(
    store: &mut Store,
    pipeline: &Pipeline,
    docs: Vec<Document>,
    summary: &mut Summary,
) -> Result<()> {
    if docs.is_empty() {
        return Ok(());
    }
    let version = pipeline.version().to_string();
    let batch: Vec<Extracted> = docs
        .into_par_iter()
        .map(|doc| {
            let claims = pipeline.extract(&doc);
            Extracted {
                doc,
                claims,
                extractor_version: version.clone(),
            }
        })
        .collect();
    let outcomes = store
        .write_batch(&batch)
        .context("cannot write to the database")?;
    for (outcome, item) in outcomes.iter().zip(&batch) {
        match outcome {
            WriteOutcome::New => {
                summary.new += 1;
                summary.claims += item.claims.len();
            }
            WriteOutcome::Present => summary.present += 1,
            WriteOutcome::Updated => {
                summary.updated += 1;
                summary.claims += item.claims.len();
            }
        }
    }
    Ok(())
}
