//! `tally eval`: score claims against gold, as shared/eval/score.py does.

use crate::args::EvalArgs;
use crate::Status;
use anyhow::{bail, Context, Result};
use rayon::prelude::*;
use std::io::Write;
use std::path::Path;
use tally_core::Extractor;
use tally_ingest::{Input, ReadOptions};

pub fn run(args: EvalArgs, _quiet: bool) -> Result<Status> {
    let gold = tally_eval::load_jsonl(&args.gold).context("cannot read the gold claims")?;
    check_claims(&gold, &args.gold, "--gold")?;
    let (extracted, docs) = match (&args.claims, &args.docs) {
        (Some(claims), docs) => {
            let extracted =
                tally_eval::load_jsonl(claims).context("cannot read the extracted claims")?;
            check_claims(&extracted, claims, "--claims")?;
            let ids = match docs {
                Some(d) => Some(tally_eval::load_doc_ids(d).context("cannot read the documents")?),
                None => None,
            };
            (extracted, ids)
        }
        (None, Some(docs)) => {
            let pipeline = crate::pipeline::build()?;
            let inputs = [Input::Path(docs.clone())];
            let opts = ReadOptions::default();
            let mut read = Vec::new();
            for r in tally_ingest::read_inputs(&inputs, &opts) {
                read.push(
                    r.with_context(|| format!("cannot read {}", docs.display()))?
                        .doc,
                );
            }
            let claims: Vec<serde_json::Value> = read
                .par_iter()
                .flat_map_iter(|d| pipeline.extract(d))
                .map(|c| serde_json::to_value(c).unwrap_or_default())
                .collect();
            (claims, None)
        }
        (None, None) => {
            bail!("give --docs DOCS (to extract and score) or --claims FILE (already extracted)")
        }
    };
    let report = tally_eval::score(&gold, &extracted, docs.as_ref());
    let mut out = super::stdout();
    if args.json {
        writeln!(out, "{}", report.render_json())?;
    } else {
        write!(out, "{}", report.render(args.verbose))?;
    }
    out.flush()?;
    Ok(Status::Success)
}

/// Every record of a claims file must look like a claim (an object with
/// `doc`, `kind` and `quantity`); a documents file given in its place would
/// otherwise score 0 without a word.
fn check_claims(records: &[serde_json::Value], path: &Path, flag: &str) -> Result<()> {
    let is_claim = |v: &serde_json::Value| {
        v.as_object().is_some_and(|o| {
            ["doc", "kind", "quantity"]
                .iter()
                .all(|k| o.contains_key(*k))
        })
    };
    let Some((n, bad)) = records.iter().enumerate().find(|(_, v)| !is_claim(v)) else {
        return Ok(());
    };
    let looks_like = if bad.get("text").is_some() {
        "a document (it has \"text\"): this looks like a documents file; give it to --docs"
    } else {
        "not a claim (no \"doc\", \"kind\" and \"quantity\")"
    };
    bail!(
        "{flag} {}: record {} is {looks_like}; {flag} takes claims as JSON Lines",
        path.display(),
        n + 1
    )
}
