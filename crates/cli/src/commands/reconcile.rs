//! `tally reconcile`: claims across reports into facts, origins and copies,
//! without the database. The logic is tally-ledger's; this reads, calls
//! and prints.

use super::inputs;
use crate::args::{Format, ReconcileArgs};
use crate::{output, Status};
use anyhow::{bail, Context, Result};
use rayon::prelude::*;
use std::io::{BufRead, Write};
use std::path::Path;
use tally_core::{Claim, Date, Document, Extractor};
use tally_ledger::{Fact, Knowledge, Ledger, Options};
use tally_lexicon::Lexicon;

pub fn run(args: ReconcileArgs, quiet: bool) -> Result<Status> {
    let as_of = as_of(args.as_of.as_deref())?;
    let (docs, claims) = match &args.claims {
        Some(file) => {
            if !args.inputs.is_empty() && !args.docs.is_empty() {
                bail!("give the documents either as DOCS or with --docs, not both");
            }
            let doc_paths = if args.docs.is_empty() {
                &args.inputs
            } else {
                &args.docs
            };
            (read_docs(doc_paths)?, read_claims(file)?)
        }
        None => {
            if args.inputs.is_empty() {
                bail!("give documents (DOCS) or claims (--claims FILE)");
            }
            let docs = read_docs(&args.inputs)?;
            let pipeline = crate::pipeline::build()?;
            let claims = docs
                .par_iter()
                .flat_map_iter(|d| pipeline.extract(d))
                .collect();
            (docs, claims)
        }
    };
    let ledger = build(&docs, &claims, as_of)?;
    if let Some(path) = &args.copies {
        write_copies(path, &ledger)?;
    }
    let mut out = super::stdout();
    match args.format {
        Format::Jsonl => write_claims(&mut out, &ledger, &claims)?,
        Format::Table | Format::Csv => write_facts(
            &mut out,
            &ledger,
            &by_sources(&ledger),
            &claims,
            args.format,
        )?,
    }
    out.flush()?;
    if !quiet {
        eprintln!(
            "{} claims, {} facts, {} syndicated copies",
            ledger.claims.len(),
            ledger.facts.len(),
            ledger.copies.len()
        );
    }
    Ok(if ledger.facts.is_empty() {
        Status::NothingFound
    } else {
        Status::Success
    })
}

/// The ledger with the user's lexicon and ledger data merged in.
pub(super) fn build(docs: &[Document], claims: &[Claim], as_of: Option<Date>) -> Result<Ledger> {
    let lexicon = lexicon()?;
    let dirs: Vec<_> = Knowledge::user_dir().into_iter().collect();
    let knowledge = Knowledge::load(&dirs).context("cannot load the ledger's data")?;
    Ok(Ledger::build(
        docs,
        claims,
        &lexicon,
        &knowledge,
        &Options { as_of },
    ))
}

/// `--as-of` as a date.
pub(super) fn as_of(arg: Option<&str>) -> Result<Option<Date>> {
    match arg {
        None => Ok(None),
        Some(s) => match tally_core::parse_published(s) {
            Some(d) => Ok(Some(d)),
            None => bail!("--as-of {s:?} is not a date (expected YYYY-MM-DD)"),
        },
    }
}

pub(super) fn lexicon() -> Result<Lexicon> {
    let dirs: Vec<_> = Lexicon::user_dir()
        .into_iter()
        .filter(|d| d.is_dir())
        .collect();
    Lexicon::load(&dirs).context("cannot load the lexicon")
}

fn read_docs(paths: &[std::path::PathBuf]) -> Result<Vec<Document>> {
    let mut docs = Vec::new();
    for read in tally_ingest::read_inputs(&inputs::inputs(paths), &Default::default()) {
        docs.push(read.map_err(|e| anyhow::anyhow!("{e}"))?.doc);
    }
    Ok(docs)
}

fn read_claims(path: &Path) -> Result<Vec<Claim>> {
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut claims = Vec::new();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("{}: cannot read", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let claim = serde_json::from_str(&line)
            .map(lenient)
            .and_then(serde_json::from_value)
            .with_context(|| format!("{}:{}: not a claim", path.display(), n + 1))?;
        claims.push(claim);
    }
    Ok(claims)
}

/// Claims written by other tools may leave the words of an item, figure or
/// period `null`; they read as empty.
fn lenient(mut v: serde_json::Value) -> serde_json::Value {
    for (outer, inner) in [
        ("item", "text"),
        ("item", "name"),
        ("quantity", "text"),
        ("when", "text"),
    ] {
        if let Some(field) = v.get_mut(outer).and_then(|o| o.get_mut(inner)) {
            if field.is_null() {
                *field = serde_json::Value::from("");
            }
        }
    }
    v
}

fn write_copies(path: &Path, ledger: &Ledger) -> Result<()> {
    let mut out = std::io::BufWriter::new(
        std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
    );
    for (doc, copy_of) in &ledger.copies {
        serde_json::to_writer(
            &mut out,
            &serde_json::json!({"doc": doc, "copy_of": copy_of}),
        )?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}

/// Every claim that counts, with `claim_id`, `fact` and `origin`.
fn write_claims(out: &mut dyn Write, ledger: &Ledger, claims: &[Claim]) -> Result<()> {
    for p in &ledger.claims {
        let mut v = serde_json::to_value(&claims[p.input])?;
        if let Some(map) = v.as_object_mut() {
            map.insert("claim_id".into(), p.id.as_str().into());
            map.insert("fact".into(), ledger.facts[p.fact].id.clone().into());
            map.insert("origin".into(), p.origin.clone().into());
        }
        serde_json::to_writer(&mut *out, &v)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Facts, most independent origins first, then most reports.
pub(super) fn by_sources(ledger: &Ledger) -> Vec<&Fact> {
    let mut facts: Vec<&Fact> = ledger.facts.iter().collect();
    facts.sort_by(|a, b| {
        b.origins
            .len()
            .cmp(&a.origins.len())
            .then(b.claims.len().cmp(&a.claims.len()))
    });
    facts
}

/// One row per fact, in the order given.
pub(super) fn write_facts(
    out: &mut dyn Write,
    ledger: &Ledger,
    facts: &[&Fact],
    claims: &[Claim],
    format: Format,
) -> Result<()> {
    let header = [
        "fact", "kind", "from", "to", "item", "values", "sources", "reports", "first", "last",
    ];
    let rows: Vec<Vec<String>> = facts.iter().map(|f| row(f, ledger, claims)).collect();
    if format == Format::Csv {
        let mut w = csv::Writer::from_writer(out);
        w.write_record(header)?;
        for r in rows {
            w.write_record(r)?;
        }
        w.flush()?;
    } else {
        let mut table = output::table(&header);
        for r in rows {
            table.add_row(r);
        }
        writeln!(out, "{table}")?;
    }
    Ok(())
}

fn row(f: &Fact, ledger: &Ledger, claims: &[Claim]) -> Vec<String> {
    let c = &claims[ledger.claims[f.claims[0]].input];
    let values: Vec<String> = f
        .values
        .iter()
        .map(|g| {
            format!(
                "{} ({} src, {} rep)",
                g.label,
                g.origins.len(),
                g.claims.len()
            )
        })
        .collect();
    let date = |d: Option<tally_core::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    vec![
        f.id.clone(),
        format!("{} {}", c.kind.as_str(), c.stage.as_str()),
        c.from.clone().unwrap_or_default(),
        c.to.clone().unwrap_or_default(),
        c.item.name.clone(),
        values.join("; "),
        f.origins.join(", "),
        f.claims.len().to_string(),
        date(f.first),
        date(f.last),
    ]
}
