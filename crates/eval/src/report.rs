//! The figures of one scoring run and the two ways score.py prints them.

use crate::dumps::{dumps, dumps_indented};
use crate::python::get;
use serde_json::{json, Map, Value};
use std::fmt::Write;

/// Every figure score.py computes, plus the unmatched claims.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// Gold claims after the docs filter and de-duplication.
    pub gold: usize,
    /// Extracted claims after the docs filter and de-duplication.
    pub extracted: usize,
    pub matched: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Matched pairs whose stage, negated, quantity.bound and speaker agree.
    pub strict_matched: usize,
    pub strict_precision: f64,
    pub strict_recall: f64,
    pub strict_f1: f64,
    /// Field accuracies over matched pairs, in score.py's order; a field no
    /// pair is scored on is absent.
    pub fields: Vec<FieldAccuracy>,
    /// Per-kind figures, sorted by kind.
    pub kinds: Vec<KindScore>,
    /// Gold claims with no match, in gold order.
    pub missed: Vec<Value>,
    /// Extracted claims with no match, in input order.
    pub spurious: Vec<Value>,
}

/// How often one field agrees over the matched pairs it applies to.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldAccuracy {
    pub name: String,
    pub correct: usize,
    pub total: usize,
    pub accuracy: f64,
}

/// Precision, recall and F1 of the claims of one kind.
#[derive(Clone, Debug, PartialEq)]
pub struct KindScore {
    pub kind: String,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub gold: usize,
    pub extracted: usize,
    pub matched: usize,
}

/// The keys of a claim that a MISSED or SPURIOUS line shows.
const SHOWN: [&str; 6] = ["doc", "kind", "from", "to", "item", "quantity"];

impl Report {
    /// The text score.py prints, line for line; with `verbose`, followed by
    /// its `MISSED` and `SPURIOUS` lines.
    pub fn render(&self, verbose: bool) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = writeln!(
            out,
            "gold {}  extracted {}  matched {}",
            self.gold, self.extracted, self.matched
        );
        let _ = writeln!(
            out,
            "precision {:.3}  recall {:.3}  F1 {:.3}  strict F1 {:.3}",
            self.precision, self.recall, self.f1, self.strict_f1
        );
        for k in &self.kinds {
            let _ = writeln!(
                out,
                "  {:<11} F1 {:.3}  (gold {}, extracted {}, matched {})",
                k.kind, k.f1, k.gold, k.extracted, k.matched
            );
        }
        for f in &self.fields {
            let _ = writeln!(out, "  field {:<20} {:.3}", f.name, f.accuracy);
        }
        if verbose {
            for (label, claims) in [("MISSED  ", &self.missed), ("SPURIOUS", &self.spurious)] {
                for c in claims {
                    let _ = writeln!(out, "{label} {}", dumps(&shown(c)));
                }
            }
        }
        out
    }

    /// The result score.py prints with `--json`, with its keys in its order.
    pub fn to_json(&self) -> Value {
        let fields: Map<String, Value> = self
            .fields
            .iter()
            .map(|f| (f.name.clone(), json!(f.accuracy)))
            .collect();
        let kinds: Map<String, Value> = self
            .kinds
            .iter()
            .map(|k| {
                let v = json!({
                    "precision": k.precision, "recall": k.recall, "f1": k.f1,
                    "gold": k.gold, "extracted": k.extracted, "matched": k.matched,
                });
                (k.kind.clone(), v)
            })
            .collect();
        json!({
            "gold": self.gold, "extracted": self.extracted, "matched": self.matched,
            "precision": self.precision, "recall": self.recall, "f1": self.f1,
            "strict_f1": self.strict_f1,
            "fields": fields, "kinds": kinds,
            "missed": self.missed, "spurious": self.spurious,
        })
    }

    /// [`Report::to_json`] as score.py's `--json` prints it
    /// (`json.dumps(..., ensure_ascii=False, indent=1)`), with a final newline.
    pub fn render_json(&self) -> String {
        let mut s = dumps_indented(&self.to_json());
        s.push('\n');
        s
    }
}

fn shown(c: &Value) -> Value {
    Value::Object(
        SHOWN
            .iter()
            .map(|&k| (k.to_string(), get(c, k).clone()))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score;

    #[test]
    fn render_layout() {
        let gold: Vec<Value> = vec![
            json!({"doc": "d", "kind": "loss", "from": "AA", "item": {"name": "tanks"}, "quantity": {"value": 4}}),
            json!({"doc": "d", "kind": "transfer", "from": "AA", "to": "BB", "item": {"text": "shells"},
                   "quantity": {"value": 1.0e6, "unit": "item"}, "extra": 1}),
        ];
        let sys = vec![
            json!({"doc": "d", "kind": "loss", "from": "AA", "to": "CC", "item": {"name": "Tank"},
                              "quantity": {"value": 4}, "stage": "done"}),
        ];
        let r = score(&gold, &sys, None);
        let want = "gold 2  extracted 1  matched 1\n\
            precision 1.000  recall 0.500  F1 0.667  strict F1 0.000\n\
            \x20 loss        F1 1.000  (gold 1, extracted 1, matched 1)\n\
            \x20 transfer    F1 0.000  (gold 1, extracted 0, matched 0)\n\
            \x20 field stage                0.000\n\
            \x20 field negated              1.000\n\
            \x20 field to(casualties,loss)  0.000\n\
            \x20 field quantity.bound       1.000\n\
            \x20 field quantity.max         1.000\n\
            \x20 field when                 1.000\n\
            \x20 field place                1.000\n\
            \x20 field source.speaker       1.000\n\
            \x20 field source.via           1.000\n\
            \x20 field evidence             1.000\n";
        assert_eq!(r.render(false), want);
        let verbose = r.render(true);
        assert!(verbose.ends_with(
            "MISSED   {\"doc\": \"d\", \"kind\": \"transfer\", \"from\": \"AA\", \"to\": \"BB\", \
             \"item\": {\"text\": \"shells\"}, \"quantity\": {\"value\": 1000000.0, \"unit\": \"item\"}}\n"
        ));
        assert_eq!(r.to_json()["kinds"]["loss"]["matched"], 1);
        assert!(r
            .render_json()
            .starts_with("{\n \"gold\": 2,\n \"extracted\": 1,"));
    }
}
