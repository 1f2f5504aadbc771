//! `tally docs`: stored documents.

use crate::args::{DocsArgs, Format};
use crate::{db, output, Status};
use anyhow::{Context, Result};
use std::io::Write;
use std::path::PathBuf;
use tally_store::DocQuery;

pub fn run(args: DocsArgs, db_flag: Option<PathBuf>) -> Result<Status> {
    let store = db::open_read(db_flag)?;
    let docs = store
        .documents(&DocQuery {
            limit: args.limit,
            publisher: args.publisher.clone(),
        })
        .context("cannot list documents")?;
    if docs.is_empty() {
        return Ok(Status::NothingFound);
    }
    let mut out = super::stdout();
    match args.format {
        Format::Jsonl => {
            for d in &docs {
                let v = serde_json::json!({
                    "id": d.id, "title": d.title, "publisher": d.publisher,
                    "published": d.published.map(|p| p.to_string()), "url": d.url,
                    "claims": d.claims, "bytes": d.bytes,
                });
                writeln!(out, "{v}")?;
            }
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record([
                "id",
                "title",
                "publisher",
                "published",
                "url",
                "claims",
                "bytes",
            ])?;
            for d in &docs {
                w.write_record([
                    d.id.clone(),
                    d.title.clone().unwrap_or_default(),
                    d.publisher.clone().unwrap_or_default(),
                    d.published.map(|p| p.to_string()).unwrap_or_default(),
                    d.url.clone().unwrap_or_default(),
                    d.claims.to_string(),
                    d.bytes.to_string(),
                ])?;
            }
            w.flush()?;
        }
        Format::Table => {
            let mut t = output::table(&["id", "published", "publisher", "title", "claims"]);
            for d in &docs {
                t.add_row(vec![
                    d.id.clone(),
                    d.published.map(|p| p.to_string()).unwrap_or_default(),
                    d.publisher.clone().unwrap_or_default(),
                    d.title.clone().unwrap_or_default(),
                    d.claims.to_string(),
                ]);
            }
            writeln!(out, "{t}")?;
        }
    }
    out.flush()?;
    Ok(Status::Success)
}
