//! `tally export`: every stored claim or document, as JSON Lines or CSV.

use crate::args::{DataFormat, ExportArgs, Format, What};
use crate::{db, output, Status};
use anyhow::{Context, Result};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use tally_store::{ClaimFilter, DocQuery};

pub fn run(args: ExportArgs, db_flag: Option<PathBuf>) -> Result<Status> {
    let store = db::open_read(db_flag)?;
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(super::stdout()),
    };
    let n = match args.what {
        What::Claims => {
            let claims = store
                .claims(&ClaimFilter::default())
                .context("cannot read claims")?;
            let format = match args.format {
                DataFormat::Jsonl => Format::Jsonl,
                DataFormat::Csv => Format::Csv,
            };
            output::claims(&mut out, &claims, format)?;
            claims.len()
        }
        What::Docs => {
            let summaries = store
                .documents(&DocQuery::default())
                .context("cannot list documents")?;
            match args.format {
                DataFormat::Jsonl => {
                    for s in &summaries {
                        if let Some(stored) = store.document(&s.id)? {
                            serde_json::to_writer(&mut out, &stored.doc)?;
                            out.write_all(b"\n")?;
                        }
                    }
                }
                DataFormat::Csv => {
                    let mut w = csv::Writer::from_writer(&mut out);
                    w.write_record([
                        "id",
                        "url",
                        "title",
                        "publisher",
                        "published",
                        "author",
                        "text",
                    ])?;
                    for s in &summaries {
                        if let Some(stored) = store.document(&s.id)? {
                            let d = stored.doc;
                            w.write_record([
                                d.id.to_string(),
                                d.url.unwrap_or_default(),
                                d.title.unwrap_or_default(),
                                d.publisher.unwrap_or_default(),
                                d.published.map(|p| p.to_string()).unwrap_or_default(),
                                d.author.unwrap_or_default(),
                                d.text,
                            ])?;
                        }
                    }
                    w.flush()?;
                }
            }
            summaries.len()
        }
    };
    out.flush()?;
    Ok(if n == 0 {
        Status::NothingFound
    } else {
        Status::Success
    })
}
