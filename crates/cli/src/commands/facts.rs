//! `tally facts` and `tally fact ID`: the ledger over everything stored.
//! The ledger is stored (`tally ingest` keeps it up to date, see
//! [`super::ledger`]); these read it. With `--as-of` it is built from the
//! stored documents and claims published by then, for that call.

use super::reconcile::{as_of, build, by_sources};
use crate::args::{FactArgs, FactsArgs, Format};
use crate::{db, output, Status};
use anyhow::{Context, Result};
use serde_json::Value;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::PathBuf;
use tally_core::{Claim, Document};
use tally_ledger::{Fact, Flag, Ledger};
use tally_store::{ClaimFilter, DocQuery, Store};

pub fn run_facts(args: FactsArgs, db_flag: Option<PathBuf>) -> Result<Status> {
    let store = db::open(db_flag)?;
    let all = match as_of(args.as_of.as_deref())? {
        Some(date) => {
            let (docs, claims) = load(&store)?;
            let ledger = build(&docs, &claims, Some(date))?;
            by_sources(&ledger)
                .into_iter()
                .map(|f| fact_json(f, &ledger, &claims))
                .collect()
        }
        None => stored(&store, args.min_sources)?,
    };
    let mut facts: Vec<Value> = all.into_iter().filter(|f| keep(f, &args)).collect();
    if let Some(n) = args.limit {
        facts.truncate(n);
    }
    let mut out = super::stdout();
    match args.format {
        Format::Jsonl => {
            for f in &facts {
                serde_json::to_writer(&mut out, f)?;
                out.write_all(b"\n")?;
            }
        }
        format => write_rows(&mut out, &facts, format)?,
    }
    out.flush()?;
    Ok(if facts.is_empty() {
        Status::NothingFound
    } else {
        Status::Success
    })
}

pub fn run_fact(args: FactArgs, db_flag: Option<PathBuf>) -> Result<Status> {
    let store = db::open(db_flag)?;
    let fact = match as_of(args.as_of.as_deref())? {
        Some(date) => {
            let (docs, claims) = load(&store)?;
            let ledger = build(&docs, &claims, Some(date))?;
            ledger
                .facts
                .iter()
                .find(|f| f.id == args.id)
                .map(|f| fact_json(f, &ledger, &claims))
        }
        None => {
            warn_if_behind(&store)?;
            match store.ledger_fact(&args.id)? {
                Some(f) => Some(parse(&f.body)?),
                None => None,
            }
        }
    };
    let Some(fact) = fact else {
        eprintln!("no fact {}", args.id);
        return Ok(Status::NothingFound);
    };
    let mut out = super::stdout();
    if args.format == Format::Jsonl {
        serde_json::to_writer_pretty(&mut out, &fact)?;
        out.write_all(b"\n")?;
    } else {
        describe(&mut out, &fact)?;
    }
    out.flush()?;
    Ok(Status::Success)
}

/// The stored facts, most sources first.
fn stored(store: &Store, min_sources: usize) -> Result<Vec<Value>> {
    warn_if_behind(store)?;
    store
        .ledger_facts(min_sources)
        .context("cannot read the ledger")?
        .iter()
        .map(|f| parse(&f.body))
        .collect()
}

fn parse(body: &str) -> Result<Value> {
    serde_json::from_str(body).context("a stored fact is not JSON")
}

fn warn_if_behind(store: &Store) -> Result<()> {
    let s = store.ledger_status()?;
    if s.pending_docs + s.dirty_blocks > 0 {
        eprintln!(
            "warning: the ledger is behind ({} documents, {} blocks not yet placed); \
             run `tally ledger update`",
            s.pending_docs, s.dirty_blocks
        );
    }
    Ok(())
}

fn load(store: &Store) -> Result<(Vec<Document>, Vec<Claim>)> {
    let claims = store
        .claims(&ClaimFilter::default())
        .context("cannot read claims")?;
    let mut docs = Vec::new();
    for s in store
        .documents(&DocQuery::default())
        .context("cannot list documents")?
    {
        if let Some(stored) = store.document(&s.id)? {
            docs.push(stored.doc);
        }
    }
    Ok((docs, claims))
}

fn text<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or("")
}

fn keep(f: &Value, args: &FactsArgs) -> bool {
    let eq = |want: &Option<String>, key: &str| {
        want.as_ref()
            .is_none_or(|w| f[key].as_str().is_some_and(|g| g.eq_ignore_ascii_case(w)))
    };
    let item = args.item.as_ref().is_none_or(|w| {
        let w = w.to_lowercase();
        f["items"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .any(|i| i.to_lowercase().contains(&w))
    });
    let flags = f["flags"].as_array();
    let conflicting = flags
        .into_iter()
        .flatten()
        .any(|x| x.as_str() == Some(CONFLICTING));
    f["sources"].as_u64().unwrap_or(0) >= args.min_sources as u64
        && (!args.conflicting || conflicting)
        && args.kind.as_ref().is_none_or(|k| text(f, "kind") == k)
        && eq(&args.from, "from")
        && eq(&args.to, "to")
        && item
}

const CONFLICTING: &str = "conflicting values";

/// A fact as JSON: what `tally facts --format jsonl` prints and what the
/// store keeps.
pub(super) fn fact_json(f: &Fact, ledger: &Ledger, claims: &[Claim]) -> Value {
    let c = &claims[ledger.claims[f.claims[0]].input];
    let date = |d: Option<tally_core::Date>| d.map(|d| d.to_string());
    let values: Vec<Value> = f
        .values
        .iter()
        .map(|g| {
            serde_json::json!({"value": g.label, "sources": g.origins.len(), "origins": g.origins,
                "speakers": g.speakers, "reports": g.claims.len(), "echo": g.echo,
                "first": date(g.first), "last": date(g.last), "superseded": g.superseded})
        })
        .collect();
    let timeline: Vec<Value> = f
        .timeline
        .iter()
        .map(|r| {
            let p = &ledger.claims[r.claim];
            serde_json::json!({"date": date(r.date), "value": r.label, "origin": r.origin,
                "outlet": p.outlet, "doc": claims[p.input].doc, "claim_id": p.id.as_str(),
                "superseded_by": r.superseded_by.map(|s| ledger.claims[s].id.as_str().to_string())})
        })
        .collect();
    let items: BTreeSet<&str> = f
        .claims
        .iter()
        .flat_map(|&i| {
            let c = &claims[ledger.claims[i].input];
            [c.item.name.as_str(), c.item.text.as_str()]
        })
        .filter(|s| !s.is_empty())
        .collect();
    let flags: Vec<String> = f.flags.iter().map(flag).collect();
    serde_json::json!({"fact": f.id, "kind": c.kind.as_str(), "stage": c.stage.as_str(),
        "outcome": c.outcome.map(|o| o.as_str()), "from": c.from, "to": c.to, "item": c.item.name,
        "items": items, "values": values,
        "conservative": f.values.get(f.conservative).map(|g| &g.label),
        "most_cited": f.values.get(f.most_cited).map(|g| &g.label), "sources": f.origins.len(),
        "origins": f.origins, "reports": f.claims.len(), "echo": f.echo,
        "first": date(f.first), "last": date(f.last), "timeline": timeline, "flags": flags})
}

fn flag(f: &Flag) -> String {
    match f {
        Flag::Echoed { origin, outlets } => {
            format!("{origin} carried by {outlets} outlets as if separately")
        }
        Flag::Conflicting => CONFLICTING.to_string(),
        Flag::CitationLoop { outlets } => {
            format!("citation loop: {} cite each other", outlets.join(", "))
        }
    }
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect()
}

fn count(v: &Value) -> u64 {
    v.as_u64().unwrap_or(0)
}

/// One row per fact, in the order given.
fn write_rows(out: &mut dyn Write, facts: &[Value], format: Format) -> Result<()> {
    let header = [
        "fact", "kind", "from", "to", "item", "values", "sources", "reports", "first", "last",
    ];
    let rows: Vec<Vec<String>> = facts.iter().map(row).collect();
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

fn row(f: &Value) -> Vec<String> {
    let values: Vec<String> = f["values"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|g| {
            format!(
                "{} ({} src, {} rep)",
                text(g, "value"),
                count(&g["sources"]),
                count(&g["reports"])
            )
        })
        .collect();
    vec![
        text(f, "fact").to_string(),
        format!("{} {}", text(f, "kind"), text(f, "stage")),
        text(f, "from").to_string(),
        text(f, "to").to_string(),
        text(f, "item").to_string(),
        values.join("; "),
        strings(&f["origins"]).join(", "),
        count(&f["reports"]).to_string(),
        text(f, "first").to_string(),
        text(f, "last").to_string(),
    ]
}

/// One fact for reading: its values, then its timeline.
fn describe(out: &mut dyn Write, f: &Value) -> Result<()> {
    let s = |k: &str| text(f, k).to_string();
    writeln!(
        out,
        "{}: {} {} {} → {}, {}",
        s("fact"),
        s("kind"),
        s("stage"),
        s("from"),
        s("to"),
        s("item")
    )?;
    writeln!(
        out,
        "{} independent sources, {} reports ({} echo); first {}, last {}",
        count(&f["sources"]),
        count(&f["reports"]),
        count(&f["echo"]),
        s("first"),
        s("last")
    )?;
    for g in f["values"].as_array().into_iter().flatten() {
        let revised = if g["superseded"].as_bool() == Some(true) {
            " (revised since)"
        } else {
            ""
        };
        writeln!(
            out,
            "  {}: {} sources ({}), {} reports{revised}",
            text(g, "value"),
            count(&g["sources"]),
            strings(&g["origins"]).join(", "),
            count(&g["reports"])
        )?;
    }
    writeln!(out, "timeline:")?;
    for r in f["timeline"].as_array().into_iter().flatten() {
        let date = r["date"].as_str().unwrap_or("undated");
        let revised = if r["superseded_by"].is_string() {
            " (revised)"
        } else {
            ""
        };
        writeln!(
            out,
            "  {date}  {}  {} via {}{revised}",
            text(r, "value"),
            text(r, "origin"),
            text(r, "outlet")
        )?;
    }
    for fl in strings(&f["flags"]) {
        writeln!(out, "flag: {fl}")?;
    }
    Ok(())
}
