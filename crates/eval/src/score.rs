//! De-duplication, greedy one-to-one matching and the figures of a
//! [`Report`].

use crate::fields::FIELDS;
use crate::key::key_match;
use crate::python::{cmp, eq, get, hash_key, to_str, truthy};
use crate::report::{FieldAccuracy, KindScore, Report};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// Score extracted claims against gold claims, exactly as score.py does.
///
/// With `docs`, only claims whose `doc` is listed are scored (on both
/// sides). Claims are JSON values so that partial or odd records score as
/// they do in the reference scorer.
pub fn score(gold: &[Value], extracted: &[Value], docs: Option<&HashSet<String>>) -> Report {
    let listed =
        |c: &&Value| docs.is_none_or(|ids| get(c, "doc").as_str().is_some_and(|d| ids.contains(d)));
    let gold = dedup(gold.iter().filter(listed));
    let sys = dedup(extracted.iter().filter(listed));

    let mut by_doc: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, s) in sys.iter().enumerate() {
        by_doc.entry(hash_key(get(s, "doc"))).or_default().push(i);
    }
    let mut used = vec![false; sys.len()];
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        let candidates = by_doc
            .get(&hash_key(get(g, "doc")))
            .map_or(&[][..], Vec::as_slice);
        if let Some(&si) = candidates
            .iter()
            .find(|&&si| !used[si] && key_match(g, sys[si]))
        {
            used[si] = true;
            pairs.push((gi, si));
        }
    }

    let (precision, recall, f1) = prf(pairs.len(), sys.len(), gold.len());
    let fields = FIELDS
        .iter()
        .filter_map(|field| {
            let rel: Vec<_> = pairs
                .iter()
                .filter(|&&(g, _)| field.applies_to(gold[g]))
                .collect();
            let correct = rel
                .iter()
                .filter(|&&&(g, s)| (field.eq)(gold[g], sys[s]))
                .count();
            (!rel.is_empty()).then(|| FieldAccuracy {
                name: field.name.to_string(),
                correct,
                total: rel.len(),
                accuracy: correct as f64 / rel.len() as f64,
            })
        })
        .collect();
    let strict_matched = pairs
        .iter()
        .filter(|&&(g, s)| {
            FIELDS
                .iter()
                .filter(|f| f.strict)
                .all(|f| (f.eq)(gold[g], sys[s]))
        })
        .count();
    let (strict_precision, strict_recall, strict_f1) = prf(strict_matched, sys.len(), gold.len());

    let mut kinds: Vec<&Value> = Vec::new();
    for c in gold.iter().chain(&sys) {
        let k = get(c, "kind");
        if truthy(k) && !kinds.iter().any(|seen| eq(seen, k)) {
            kinds.push(k);
        }
    }
    kinds.sort_by(|a, b| cmp(a, b));
    let kinds = kinds
        .into_iter()
        .map(|k| {
            let of_kind = |c: &Value| eq(get(c, "kind"), k);
            let matched = pairs.iter().filter(|&&(g, _)| of_kind(gold[g])).count();
            let extracted = sys.iter().filter(|c| of_kind(c)).count();
            let gold_n = gold.iter().filter(|c| of_kind(c)).count();
            let (precision, recall, f1) = prf(matched, extracted, gold_n);
            KindScore {
                kind: to_str(k),
                precision,
                recall,
                f1,
                gold: gold_n,
                extracted,
                matched,
            }
        })
        .collect();

    let mut gold_matched = vec![false; gold.len()];
    for &(g, _) in &pairs {
        gold_matched[g] = true;
    }
    Report {
        gold: gold.len(),
        extracted: sys.len(),
        matched: pairs.len(),
        precision,
        recall,
        f1,
        strict_matched,
        strict_precision,
        strict_recall,
        strict_f1,
        fields,
        kinds,
        missed: gold
            .iter()
            .zip(&gold_matched)
            .filter(|(_, m)| !**m)
            .map(|(c, _)| (*c).clone())
            .collect(),
        spurious: sys
            .iter()
            .zip(&used)
            .filter(|(_, u)| !**u)
            .map(|(c, _)| (*c).clone())
            .collect(),
    }
}

/// Keep the first of claims whose doc and key match.
fn dedup<'a>(claims: impl Iterator<Item = &'a Value>) -> Vec<&'a Value> {
    let mut kept: Vec<&Value> = Vec::new();
    for c in claims {
        if !kept
            .iter()
            .any(|k| eq(get(c, "doc"), get(k, "doc")) && key_match(k, c))
        {
            kept.push(c);
        }
    }
    kept
}

/// Precision, recall and F1 of `m` matches among `ns` extracted and `ng`
/// gold claims. Nothing extracted is perfect precision only when there was
/// nothing to find.
pub(crate) fn prf(m: usize, ns: usize, ng: usize) -> (f64, f64, f64) {
    let (m, nsf, ngf) = (m as f64, ns as f64, ng as f64);
    let p = if ns > 0 {
        m / nsf
    } else if ng == 0 {
        1.0
    } else {
        0.0
    };
    let r = if ng > 0 { m / ngf } else { 1.0 };
    let f = if p + r != 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn claim(doc: &str, kind: &str, value: f64, item: &str) -> Value {
        json!({"doc": doc, "kind": kind, "stage": "done", "from": "AA", "to": "BB",
               "item": {"name": item, "text": item},
               "quantity": {"value": value, "bound": "exact", "unit": "item"}})
    }

    #[test]
    fn prf_edge_cases() {
        assert_eq!(prf(0, 0, 0), (1.0, 1.0, 1.0));
        assert_eq!(prf(0, 0, 3), (0.0, 0.0, 0.0));
        assert_eq!(prf(0, 2, 0), (0.0, 1.0, 0.0));
        let (p, r, f) = prf(1, 2, 4);
        assert_eq!((p, r), (0.5, 0.25));
        assert!((f - 1.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn greedy_one_to_one_in_gold_order() {
        let gold = [
            claim("d", "transfer", 10.0, "tanks"),
            claim("d", "transfer", 10.0, "tank"),
        ];
        // The two gold claims are one after de-duplication.
        let sys = [
            claim("d", "transfer", 10.02, "tanks"),
            claim("d", "transfer", 10.0, "tanks"),
        ];
        let r = score(&gold, &sys, None);
        assert_eq!((r.gold, r.extracted, r.matched), (1, 1, 1));
        let sys = [
            claim("e", "transfer", 10.0, "tanks"),
            claim("d", "transfer", 11.0, "tanks"),
        ];
        let r = score(&gold, &sys, None);
        assert_eq!((r.gold, r.extracted, r.matched), (1, 2, 0));
        assert_eq!(r.missed.len(), 1);
        assert_eq!(r.spurious.len(), 2);
    }

    #[test]
    fn docs_filter_and_kinds() {
        let gold = [
            claim("a", "loss", 5.0, "tanks"),
            claim("b", "transfer", 7.0, "shells"),
        ];
        let sys = [
            claim("a", "loss", 5.0, "tank"),
            claim("c", "production", 1.0, "x"),
        ];
        let ids: HashSet<String> = ["a".to_string(), "z".to_string()].into();
        let r = score(&gold, &sys, Some(&ids));
        assert_eq!((r.gold, r.extracted, r.matched, r.f1), (1, 1, 1, 1.0));
        let r = score(&gold, &sys, None);
        let names: Vec<&str> = r.kinds.iter().map(|k| k.kind.as_str()).collect();
        assert_eq!(names, ["loss", "production", "transfer"]);
        assert_eq!(r.kinds[0].f1, 1.0);
        assert_eq!(r.kinds[2].recall, 0.0);
    }

    #[test]
    fn strict_needs_the_four_fields() {
        let gold = [claim("d", "transfer", 3.0, "guns")];
        let mut s = claim("d", "transfer", 3.0, "guns");
        s["stage"] = json!("planned");
        let r = score(&gold, &[s], None);
        assert_eq!((r.f1, r.strict_f1, r.strict_matched), (1.0, 0.0, 0));
        let stage = r.fields.iter().find(|f| f.name == "stage").unwrap();
        assert_eq!((stage.correct, stage.total), (0, 1));
        assert!(r.fields.iter().all(|f| f.name != "to(casualties,loss)"));
    }
}
