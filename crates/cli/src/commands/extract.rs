//! `tally extract`: claims out of reports, no database.

use super::inputs;
use crate::args::ExtractArgs;
use crate::{output, progress, Status};
use anyhow::Result;
use rayon::prelude::*;
use std::io::Write;
use tally_core::{Claim, Document};

/// Documents extracted together; bounds memory on large inputs while
/// keeping every core busy.
const CHUNK: usize = 512;

pub fn run(args: ExtractArgs, quiet: bool) -> Result<Status> {
    let inputs = inputs::inputs(&args.inputs);
    let opts = inputs::options(&args.meta)?;
    let pipeline = std::sync::Arc::new(crate::pipeline::build()?);
    let guard = args.guard.guard();
    let bar = progress::spinner(quiet, "documents");
    let mut out = super::stdout();
    let mut failures = Vec::new();
    let mut found = 0usize;
    let mut all = Vec::new();
    // JSON Lines streams; a table or CSV (one header) is written at the end.
    let collect = args.format != crate::args::Format::Jsonl;
    let mut chunk: Vec<(String, Document)> = Vec::with_capacity(CHUNK);
    let mut reads = tally_ingest::read_inputs(&inputs, &opts);
    loop {
        let next = reads.next();
        let done = next.is_none();
        match next {
            Some(Ok(read)) => match guard.check_size(&read.origin, &read.doc) {
                Ok(()) => chunk.push((read.origin, read.doc)),
                Err(msg) => failures.push(msg),
            },
            Some(Err(e)) => failures.push(e.to_string()),
            None => {}
        }
        if chunk.len() >= CHUNK || (done && !chunk.is_empty()) {
            bar.inc(chunk.len() as u64);
            let results: Vec<Result<Vec<Claim>, String>> = std::mem::take(&mut chunk)
                .into_par_iter()
                .map(|(origin, doc)| guard.extract(&pipeline, &origin, doc).map(|(_, c)| c))
                .collect();
            let mut claims = Vec::new();
            for r in results {
                match r {
                    Ok(c) => claims.extend(c),
                    Err(msg) => failures.push(msg),
                }
            }
            found += claims.len();
            if collect {
                all.extend(claims);
            } else {
                output::claims(&mut out, &claims, args.format)?;
            }
        }
        if done {
            break;
        }
    }
    bar.finish_and_clear();
    if collect {
        output::claims(&mut out, &all, args.format)?;
    }
    out.flush()?;
    for f in &failures {
        eprintln!("{f}");
    }
    Ok(if !failures.is_empty() {
        Status::PartialFailure
    } else if found == 0 {
        Status::NothingFound
    } else {
        Status::Success
    })
}
