//! `tally stats`: what the database holds.

use crate::args::{StatsArgs, StatsFormat};
use crate::{db, output, Status};
use anyhow::{Context, Result};
use std::io::Write;
use std::path::PathBuf;

pub fn run(args: StatsArgs, db_flag: Option<PathBuf>) -> Result<Status> {
    let path = db::path(db_flag.clone())?;
    let store = db::open_read(db_flag)?;
    let stats = store.stats().context("cannot read statistics")?;
    let mut out = super::stdout();
    match args.format {
        StatsFormat::Json => {
            let mut v = serde_json::to_value(&stats)?;
            if let Some(obj) = v.as_object_mut() {
                obj.insert("database".into(), path.display().to_string().into());
            }
            writeln!(out, "{v}")?;
        }
        StatsFormat::Table => {
            let mut t = output::table(&[]);
            t.add_row(vec!["database".to_string(), path.display().to_string()]);
            t.add_row(vec!["documents".to_string(), stats.documents.to_string()]);
            t.add_row(vec!["claims".to_string(), stats.claims.to_string()]);
            for (kind, n) in &stats.claims_per_kind {
                t.add_row(vec![format!("  {kind}"), n.to_string()]);
            }
            t.add_row(vec![
                "publishers".to_string(),
                stats.publishers.len().to_string(),
            ]);
            for (publisher, n) in stats.publishers.iter().take(10) {
                t.add_row(vec![format!("  {publisher}"), n.to_string()]);
            }
            let range = match (stats.earliest_published, stats.latest_published) {
                (Some(a), Some(b)) => format!("{a} .. {b}"),
                _ => "-".into(),
            };
            t.add_row(vec!["published".to_string(), range]);
            for (version, n) in &stats.extractor_versions {
                t.add_row(vec![
                    format!("extractor {version}"),
                    format!("{n} documents"),
                ]);
            }
            t.add_row(vec![
                "schema version".to_string(),
                stats.schema_version.to_string(),
            ]);
            writeln!(out, "{t}")?;
        }
    }
    out.flush()?;
    Ok(Status::Success)
}
