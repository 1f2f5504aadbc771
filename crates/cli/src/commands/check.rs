//! `tally check`: the full health check of the database file.

use crate::args::CheckArgs;
use crate::{db, Status};
use anyhow::{bail, Context, Result};
use std::io::Write;
use std::path::PathBuf;
use tally_store::{Check, Store};

pub fn run(args: CheckArgs, db_flag: Option<PathBuf>, quiet: bool) -> Result<Status> {
    let path = db::path(db_flag.clone())?;
    if args.rebuild_search_index {
        let mut store = db::open(db_flag)?;
        store
            .rebuild_search_index()
            .context("cannot rebuild the search index")?;
    }
    let check = Store::check(&path)
        .with_context(|| format!("cannot check the database {}", path.display()))?;
    if check.is_ok() {
        if !quiet {
            let mut out = super::stdout();
            writeln!(
                out,
                "{}: ok (integrity, foreign keys, search index)",
                path.display()
            )?;
            out.flush()?;
        }
        return Ok(Status::Success);
    }
    report(&check);
    bail!("{} is damaged: {}", path.display(), advice(&check))
}

fn report(check: &Check) {
    let parts = [
        ("integrity", &check.integrity),
        ("foreign keys", &check.foreign_keys),
        ("search index", &check.search_index),
    ];
    for (name, problems) in parts {
        for p in problems {
            eprintln!("{name}: {p}");
        }
    }
}

/// What to do about it, by what is broken.
fn advice(check: &Check) -> &'static str {
    if check.integrity.is_empty() && check.foreign_keys.is_empty() {
        "only the search index is out of step with the documents; \
         `tally check --rebuild-search-index` repairs it"
    } else {
        "restore it from a backup, or ingest the reports again into a new database \
         (--db NEW.db); do not ingest into this one"
    }
}
