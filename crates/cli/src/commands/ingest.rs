//! `tally ingest`: read, extract, store, in bounded batches, the three
//! overlapped (see [`stages`]).

use super::inputs;
use crate::args::{Format, IngestArgs};
use crate::{db, output, progress, Status};
use anyhow::{Context, Result};
use std::io::Write;
use std::path::PathBuf;
use tally_store::{ClaimFilter, Store};

mod stages;

pub fn run(args: IngestArgs, db_flag: Option<PathBuf>, quiet: bool) -> Result<Status> {
    let inputs = inputs::inputs(&args.inputs);
    let opts = inputs::options(&args.meta)?;
    let store = db::open(db_flag.clone())?;
    // A second connection, for the reader's look-ups while the writer writes.
    let lookup = db::open_read(db_flag)?;
    let pipeline = std::sync::Arc::new(crate::pipeline::build()?);
    let bar = progress::spinner(quiet, "documents");
    let plan = stages::Plan {
        inputs: &inputs,
        opts: &opts,
        pipeline: &pipeline,
        guard: args.guard.guard(),
        batch_size: args.batch as usize,
        keep_ids: args.claims,
        bar: &bar,
    };
    let (mut store, written, read) = stages::run(&plan, store, lookup)?;
    bar.finish_and_clear();
    // The batches marked what the ledger must recompute; do it once.
    super::ledger::update(&mut store).context("cannot update the ledger")?;

    if !quiet {
        let mut out = super::stdout();
        writeln!(
            out,
            "{} new, {} already present, {} updated, {} failed; {} claims written",
            written.new,
            written.present,
            written.updated,
            read.failures.len(),
            written.claims
        )?;
        out.flush()?;
    }
    for f in &read.failures {
        eprintln!("{f}");
    }
    if args.claims {
        print_claims(&store, &read.ids)?;
    }
    Ok(if !read.failures.is_empty() {
        Status::PartialFailure
    } else if written.new + written.present + written.updated == 0 {
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
