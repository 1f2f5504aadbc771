//! Rendering claims and documents as tables, JSON Lines and CSV.

use crate::args::Format;
use anyhow::Result;
use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement, Table};
use std::io::{IsTerminal, Write};
use tally_core::{Bound, Claim, Unit};

/// The columns of a claim in CSV, one per field of the spec.
const CLAIM_COLUMNS: &[&str] = &[
    "doc",
    "kind",
    "stage",
    "negated",
    "from",
    "to",
    "item_name",
    "item_text",
    "outcome",
    "value",
    "max",
    "bound",
    "unit",
    "quantity_text",
    "when_from",
    "when_to",
    "when_text",
    "place",
    "speaker",
    "via",
    "evidence",
    "span_start",
    "span_end",
];

pub fn claims(out: &mut dyn Write, claims: &[Claim], format: Format) -> Result<()> {
    match format {
        Format::Jsonl => {
            for c in claims {
                serde_json::to_writer(&mut *out, c)?;
                out.write_all(b"\n")?;
            }
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut *out);
            w.write_record(CLAIM_COLUMNS)?;
            for c in claims {
                w.write_record(claim_record(c))?;
            }
            w.flush()?;
        }
        Format::Table => {
            let mut t = table(&[
                "doc",
                "kind",
                "stage",
                "from → to",
                "quantity",
                "item",
                "when",
                "source",
            ]);
            for c in claims {
                t.add_row(vec![
                    c.doc.clone(),
                    c.kind.to_string(),
                    stage_label(c),
                    format!(
                        "{} → {}",
                        c.from.as_deref().unwrap_or("?"),
                        c.to.as_deref().unwrap_or("?")
                    ),
                    quantity_label(c),
                    c.item.name.clone(),
                    when_label(c),
                    source_label(c),
                ]);
            }
            writeln!(out, "{t}")?;
        }
    }
    Ok(())
}

fn claim_record(c: &Claim) -> Vec<String> {
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    let when = c.when.as_ref();
    let source = c.source.as_ref();
    vec![
        c.doc.clone(),
        c.kind.to_string(),
        c.stage.to_string(),
        c.negated.to_string(),
        opt(&c.from),
        opt(&c.to),
        c.item.name.clone(),
        c.item.text.clone(),
        c.outcome.map(|o| o.to_string()).unwrap_or_default(),
        number(c.quantity.value),
        c.quantity.max.map(number).unwrap_or_default(),
        c.quantity.bound.to_string(),
        c.quantity.unit.to_string(),
        c.quantity.text.clone(),
        when.and_then(|w| w.from)
            .map(|d| d.to_string())
            .unwrap_or_default(),
        when.and_then(|w| w.to)
            .map(|d| d.to_string())
            .unwrap_or_default(),
        when.map(|w| w.text.clone()).unwrap_or_default(),
        opt(&c.place),
        source.and_then(|s| s.speaker.clone()).unwrap_or_default(),
        source.and_then(|s| s.via.clone()).unwrap_or_default(),
        c.evidence.map(|e| e.to_string()).unwrap_or_default(),
        c.span.start.to_string(),
        c.span.end.to_string(),
    ]
}

/// A table that fits the terminal when there is one.
pub fn table(header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED);
    if std::io::stdout().is_terminal() {
        t.set_content_arrangement(ContentArrangement::Dynamic);
    }
    if !header.is_empty() {
        t.set_header(header.iter().copied());
    }
    t
}

fn stage_label(c: &Claim) -> String {
    let mut s = c.stage.to_string();
    if let Some(o) = c.outcome {
        s = format!("{s}, {o}");
    }
    if c.negated {
        s.push_str(", denied");
    }
    s
}

/// `≥100`, `~1,000`, `10–12`, `×2`, `60%`, `USD 425,000,000`.
pub fn quantity_label(c: &Claim) -> String {
    let q = &c.quantity;
    let n = grouped(q.value);
    let core = match q.bound {
        Bound::Exact => n,
        Bound::AtLeast => format!("≥{n}"),
        Bound::AtMost => format!("≤{n}"),
        Bound::Approx => format!("~{n}"),
        Bound::Range => format!("{n}–{}", q.max.map(grouped).unwrap_or_else(|| "?".into())),
        Bound::Relative => format!("×{n}"),
    };
    match &q.unit {
        Unit::Item | Unit::Factor => core,
        Unit::Percent => format!("{core}%"),
        Unit::Money(code) => format!("{code} {core}"),
    }
}

fn when_label(c: &Claim) -> String {
    match &c.when {
        None => String::new(),
        Some(w) => match (w.from, w.to) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (Some(a), Some(b)) => format!("{a}..{b}"),
            (None, Some(b)) => format!("..{b}"),
            (Some(a), None) => format!("{a}.."),
            (None, None) => format!("“{}”", w.text),
        },
    }
}

fn source_label(c: &Claim) -> String {
    match &c.source {
        None => String::new(),
        Some(s) => match (&s.speaker, &s.via) {
            (Some(sp), Some(v)) => format!("{sp} via {v}"),
            (Some(sp), None) => sp.clone(),
            (None, Some(v)) => format!("via {v}"),
            (None, None) => String::new(),
        },
    }
}

/// A number as plain text: whole numbers without a fraction.
pub fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// A number with thousands separators: 11000 → 11,000.
pub fn grouped(v: f64) -> String {
    let plain = number(v);
    let (int, frac) = match plain.split_once('.') {
        Some((i, f)) => (i.to_string(), format!(".{f}")),
        None => (plain, String::new()),
    };
    let (sign, digits) = match int.strip_prefix('-') {
        Some(d) => ("-", d.to_string()),
        None => ("", int),
    };
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    format!("{sign}{out}{frac}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouping() {
        assert_eq!(grouped(11000.0), "11,000");
        assert_eq!(grouped(425_000_000.0), "425,000,000");
        assert_eq!(grouped(999.0), "999");
        assert_eq!(grouped(66.7), "66.7");
        assert_eq!(grouped(-1500.5), "-1,500.5");
    }
}
