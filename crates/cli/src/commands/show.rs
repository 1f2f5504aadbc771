//! `tally show DOC`: the text with each claim's span marked, then the claims.

use crate::args::{Color, Format, ShowArgs};
use crate::{db, output, Status};
use anyhow::{Context, Result};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use tally_core::{Claim, Span};

const ON: &str = "\x1b[1;33m";
const OFF: &str = "\x1b[0m";
const DIM: &str = "\x1b[2m";

pub fn run(args: ShowArgs, db_flag: Option<PathBuf>) -> Result<Status> {
    let store = db::open_read(db_flag)?;
    let Some(stored) = store
        .document(&args.doc)
        .context("cannot read the document")?
    else {
        eprintln!("tally: no document {:?} (see `tally docs`)", args.doc);
        return Ok(Status::NothingFound);
    };
    let claims = store
        .claims(&tally_store::ClaimFilter {
            doc: Some(args.doc.clone()),
            ..Default::default()
        })
        .context("cannot read the document's claims")?;
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal(),
    };
    let doc = &stored.doc;
    let mut out = super::stdout();
    writeln!(out, "{}", doc.title.as_deref().unwrap_or("(untitled)"))?;
    let mut meta = vec![format!("id {}", doc.id)];
    if let Some(p) = &doc.publisher {
        meta.push(p.clone());
    }
    if let Some(d) = doc.published {
        meta.push(d.to_string());
    }
    if let Some(u) = &doc.url {
        meta.push(u.clone());
    }
    meta.push(format!("extractor {}", stored.extractor_version));
    writeln!(out, "{}\n", meta.join(" · "))?;
    writeln!(out, "{}\n", marked(&doc.text, &claims, color))?;
    if claims.is_empty() {
        writeln!(out, "(no claims)")?;
    } else {
        output::claims(&mut out, &claims, Format::Table)?;
    }
    out.flush()?;
    Ok(Status::Success)
}

/// The text with every claim span wrapped, followed by the numbers of the
/// claims it carries: `⟦…⟧[1,2]` plainly, or in colour.
fn marked(text: &str, claims: &[Claim], color: bool) -> String {
    let mut spans: Vec<(Span, Vec<usize>)> = Vec::new();
    let mut order: Vec<(Span, usize)> = claims
        .iter()
        .enumerate()
        .map(|(i, c)| (c.span, i + 1))
        .collect();
    order.sort();
    for (span, n) in order {
        if span.text(text).is_none() {
            continue;
        }
        match spans.last_mut() {
            Some((last, ns)) if span.start < last.end => {
                last.end = last.end.max(span.end);
                ns.push(n);
            }
            _ => spans.push((span, vec![n])),
        }
    }
    let mut out = String::with_capacity(text.len() + spans.len() * 16);
    let mut at = 0;
    for (span, ns) in spans {
        out.push_str(&text[at..span.start]);
        let label = ns
            .iter()
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join(",");
        if color {
            out.push_str(&format!(
                "{ON}{}{OFF}{DIM}[{label}]{OFF}",
                &text[span.range()]
            ));
        } else {
            out.push_str(&format!("⟦{}⟧[{label}]", &text[span.range()]));
        }
        at = span.end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use tally_core::{Item, Kind, Quantity};

    fn claim(start: usize, end: usize) -> Claim {
        let item = Item::new("x", "x");
        Claim::new(
            "d",
            Kind::Transfer,
            item,
            Quantity::exact(1.0, "1"),
            Span::new(start, end),
        )
    }

    #[test]
    fn marks_merge_overlaps_and_skip_bad_spans() {
        let text = "One. Two three. Four.";
        let claims = [claim(5, 15), claim(5, 15), claim(16, 21), claim(3, 99)];
        assert_eq!(
            marked(text, &claims, false),
            "One. ⟦Two three.⟧[1,2] ⟦Four.⟧[3]"
        );
    }
}
