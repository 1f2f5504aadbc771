//! `tally facts` and `tally fact ID`: the ledger over everything stored.
//! The ledger is derived, so it is built from the stored documents and
//! claims on each call (tally-ledger); nothing of it is stored.

use super::reconcile::{as_of, build, by_sources, write_facts};
use crate::args::{FactArgs, FactsArgs, Format};
use crate::{db, Status};
use anyhow::{Context, Result};
use std::io::Write;
use std::path::PathBuf;
use tally_core::{Claim, Document};
use tally_ledger::{Fact, Flag, Ledger};
use tally_store::{ClaimFilter, DocQuery, Store};

pub fn run_facts(args: FactsArgs, db_flag: Option<PathBuf>) -> Result<Status> {
    let store = db::open(db_flag)?;
    let (docs, claims) = load(&store)?;
    let ledger = build(&docs, &claims, as_of(args.as_of.as_deref())?)?;
    let mut facts: Vec<&Fact> = by_sources(&ledger)
        .into_iter()
        .filter(|f| keep(f, &args, &ledger, &claims))
        .collect();
    if let Some(n) = args.limit {
        facts.truncate(n);
    }
    let mut out = super::stdout();
    match args.format {
        Format::Jsonl => {
            for f in &facts {
                serde_json::to_writer(&mut out, &fact_json(f, &ledger, &claims))?;
                out.write_all(b"\n")?;
            }
        }
        format => write_facts(&mut out, &ledger, &facts, &claims, format)?,
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
    let (docs, claims) = load(&store)?;
    let ledger = build(&docs, &claims, as_of(args.as_of.as_deref())?)?;
    let Some(fact) = ledger.facts.iter().find(|f| f.id == args.id) else {
        eprintln!("no fact {}", args.id);
        return Ok(Status::NothingFound);
    };
    let mut out = super::stdout();
    if args.format == Format::Jsonl {
        serde_json::to_writer_pretty(&mut out, &fact_json(fact, &ledger, &claims))?;
        out.write_all(b"\n")?;
    } else {
        describe(&mut out, fact, &ledger, &claims)?;
    }
    out.flush()?;
    Ok(Status::Success)
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

fn first<'a>(f: &Fact, ledger: &Ledger, claims: &'a [Claim]) -> &'a Claim {
    &claims[ledger.claims[f.claims[0]].input]
}

fn keep(f: &Fact, args: &FactsArgs, ledger: &Ledger, claims: &[Claim]) -> bool {
    let c = first(f, ledger, claims);
    let eq = |want: &Option<String>, got: &Option<String>| {
        want.as_ref()
            .is_none_or(|w| got.as_ref().is_some_and(|g| g.eq_ignore_ascii_case(w)))
    };
    let item = args.item.as_ref().is_none_or(|w| {
        let w = w.to_lowercase();
        f.claims.iter().any(|&i| {
            let c = &claims[ledger.claims[i].input];
            c.item.name.to_lowercase().contains(&w) || c.item.text.to_lowercase().contains(&w)
        })
    });
    f.origins.len() >= args.min_sources
        && (!args.conflicting || f.flags.contains(&Flag::Conflicting))
        && args.kind.as_ref().is_none_or(|k| c.kind.as_str() == k)
        && eq(&args.from, &c.from)
        && eq(&args.to, &c.to)
        && item
}

fn fact_json(f: &Fact, ledger: &Ledger, claims: &[Claim]) -> serde_json::Value {
    let c = first(f, ledger, claims);
    let date = |d: Option<tally_core::Date>| d.map(|d| d.to_string());
    let values: Vec<serde_json::Value> = f
        .values
        .iter()
        .map(|g| {
            serde_json::json!({"value": g.label, "sources": g.origins.len(), "origins": g.origins,
                "speakers": g.speakers, "reports": g.claims.len(), "echo": g.echo,
                "first": date(g.first), "last": date(g.last), "superseded": g.superseded})
        })
        .collect();
    let timeline: Vec<serde_json::Value> = f
        .timeline
        .iter()
        .map(|r| {
            let p = &ledger.claims[r.claim];
            serde_json::json!({"date": date(r.date), "value": r.label, "origin": r.origin,
                "outlet": p.outlet, "doc": claims[p.input].doc, "claim_id": p.id.as_str(),
                "superseded_by": r.superseded_by.map(|s| ledger.claims[s].id.as_str().to_string())})
        })
        .collect();
    let flags: Vec<String> = f.flags.iter().map(flag).collect();
    serde_json::json!({"fact": f.id, "kind": c.kind.as_str(), "stage": c.stage.as_str(),
        "outcome": c.outcome.map(|o| o.as_str()), "from": c.from, "to": c.to, "item": c.item.name,
        "values": values, "conservative": f.values.get(f.conservative).map(|g| &g.label),
        "most_cited": f.values.get(f.most_cited).map(|g| &g.label), "sources": f.origins.len(),
        "origins": f.origins, "reports": f.claims.len(), "echo": f.echo,
        "first": date(f.first), "last": date(f.last), "timeline": timeline, "flags": flags})
}

fn flag(f: &Flag) -> String {
    match f {
        Flag::Echoed { origin, outlets } => {
            format!("{origin} carried by {outlets} outlets as if separately")
        }
        Flag::Conflicting => "conflicting values".to_string(),
        Flag::CitationLoop { outlets } => {
            format!("citation loop: {} cite each other", outlets.join(", "))
        }
    }
}

/// One fact for reading: its values, then its timeline.
fn describe(out: &mut dyn Write, f: &Fact, ledger: &Ledger, claims: &[Claim]) -> Result<()> {
    let v = fact_json(f, ledger, claims);
    let s = |k: &str| v[k].as_str().unwrap_or("").to_string();
    writeln!(
        out,
        "{}: {} {} {} → {}, {}",
        f.id,
        s("kind"),
        s("stage"),
        s("from"),
        s("to"),
        s("item")
    )?;
    writeln!(
        out,
        "{} independent sources, {} reports ({} echo); first {}, last {}",
        f.origins.len(),
        f.claims.len(),
        f.echo,
        s("first"),
        s("last")
    )?;
    for g in &f.values {
        let revised = if g.superseded { " (revised since)" } else { "" };
        writeln!(
            out,
            "  {}: {} sources ({}), {} reports{revised}",
            g.label,
            g.origins.len(),
            g.origins.join(", "),
            g.claims.len()
        )?;
    }
    writeln!(out, "timeline:")?;
    for r in &f.timeline {
        let p = &ledger.claims[r.claim];
        let date = r
            .date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "undated".into());
        let revised = if r.superseded_by.is_some() {
            " (revised)"
        } else {
            ""
        };
        writeln!(
            out,
            "  {date}  {}  {} via {}{revised}",
            r.label, r.origin, p.outlet
        )?;
    }
    for fl in &f.flags {
        writeln!(out, "flag: {}", flag(fl))?;
    }
    Ok(())
}
