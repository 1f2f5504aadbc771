//! `tally search`: ranked full-text search with snippets.

use crate::args::{Format, SearchArgs};
use crate::{db, output, Status};
use anyhow::{Context, Result};
use std::io::Write;
use std::path::PathBuf;

pub fn run(args: SearchArgs, db_flag: Option<PathBuf>) -> Result<Status> {
    let store = db::open_read(db_flag)?;
    let query = args.query.join(" ");
    let hits = store
        .search(&query, args.limit)
        .with_context(|| format!("cannot search for {query:?}"))?;
    if hits.is_empty() {
        return Ok(Status::NothingFound);
    }
    let mut out = super::stdout();
    match args.format {
        Format::Jsonl => {
            for h in &hits {
                let v = serde_json::json!({"id": h.id, "title": h.title, "snippet": h.snippet, "rank": h.rank});
                writeln!(out, "{v}")?;
            }
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record(["id", "title", "snippet", "rank"])?;
            for h in &hits {
                w.write_record([
                    h.id.clone(),
                    h.title.clone().unwrap_or_default(),
                    h.snippet.clone(),
                    h.rank.to_string(),
                ])?;
            }
            w.flush()?;
        }
        Format::Table => {
            let mut t = output::table(&["id", "title", "snippet"]);
            for h in &hits {
                t.add_row(vec![
                    h.id.clone(),
                    h.title.clone().unwrap_or_default(),
                    h.snippet.clone(),
                ]);
            }
            writeln!(out, "{t}")?;
        }
    }
    out.flush()?;
    Ok(Status::Success)
}
