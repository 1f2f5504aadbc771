//! Turning command-line paths and metadata flags into reader inputs.

use crate::args::MetaArgs;
use anyhow::{bail, Result};
use std::path::PathBuf;
use tally_ingest::{Input, Overrides, ReadOptions};

pub fn inputs(paths: &[PathBuf]) -> Vec<Input> {
    paths
        .iter()
        .map(|p| {
            if p.as_os_str() == "-" {
                Input::Stdin
            } else {
                Input::Path(p.clone())
            }
        })
        .collect()
}

pub fn options(meta: &MetaArgs) -> Result<ReadOptions> {
    let published = match &meta.published {
        None => None,
        Some(s) => match tally_core::parse_published(s) {
            Some(d) => Some(d),
            None => bail!("--published {s:?} is not a date (expected YYYY-MM-DD)"),
        },
    };
    Ok(ReadOptions {
        overrides: Overrides {
            title: meta.title.clone(),
            publisher: meta.publisher.clone(),
            published,
            url: meta.url.clone(),
        },
        ..ReadOptions::default()
    })
}
