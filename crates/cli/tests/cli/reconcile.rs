//! `tally reconcile`: facts, origins and copies across reports, no
//! database. Small reports of our own, and the shared dev set's gold claims
//! (labels removed) scored by `shared/eval/score_facts.py`, which skips
//! with a message when `../shared` or python3 is absent.

use crate::Env;
use std::path::Path;
use std::process::Command;

const STORY: &str = "Pyongyang has sent about 11,000 soldiers to Russia's Kursk region, \
South Korea's National Intelligence Service said on Wednesday, adding that the troops were \
trained in the far east before moving west by rail in the first weeks of the deployment.";

fn doc(id: &str, date: &str, publisher: &str, text: &str) -> String {
    serde_json::json!({"id": id, "url": null, "title": "t", "publisher": publisher,
        "published": date, "text": text})
    .to_string()
}

fn claim(doc: &str, value: u32, speaker: &str) -> String {
    serde_json::json!({"doc": doc, "kind": "deployment", "stage": "done", "negated": false,
        "from": "KP", "to": "RU", "item": {"name": "soldiers", "text": "soldiers"},
        "outcome": null, "quantity": {"value": value, "max": null, "bound": "approx",
        "unit": "item", "text": "about 11,000"}, "when": null, "place": null,
        "source": {"speaker": speaker, "via": null}, "evidence": "statement", "span": [0, 40]})
    .to_string()
}

#[test]
fn claims_get_facts_and_origins_and_copies_are_written() {
    let env = Env::new();
    let docs = [
        doc("a", "2024-11-01", "Wire One", STORY),
        doc("b", "2024-11-02", "Paper Two", STORY),
        doc(
            "c",
            "2024-11-03",
            "Paper Three",
            "Seoul's spy agency says 11,000 troops went.",
        ),
    ];
    let docs = env.write("docs.jsonl", docs.join("\n"));
    let claims = [
        claim("a", 11000, "South Korea's National Intelligence Service"),
        claim("b", 11000, "South Korea's National Intelligence Service"),
        claim("c", 11000, "NIS"),
    ];
    let claims = env.write("claims.jsonl", claims.join("\n"));
    let copies = env.path("copies.jsonl");
    let out = env
        .tally()
        .args(["reconcile", "--format", "jsonl", "--claims"])
        .arg(&claims)
        .arg("--docs")
        .arg(&docs)
        .arg("--copies")
        .arg(&copies)
        .assert()
        .success();
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.get_output().stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert!(lines.iter().all(|l| l["fact"] == lines[0]["fact"]));
    assert!(lines
        .iter()
        .all(|l| l["origin"] == "National Intelligence Service"));
    assert_eq!(lines[0]["claim_id"].as_str().map(str::len), Some(16));
    let copies = std::fs::read_to_string(copies).unwrap();
    assert_eq!(copies.trim(), r#"{"doc":"b","copy_of":"a"}"#);
}

#[test]
fn table_and_as_of() {
    let env = Env::new();
    let docs = env.write(
        "docs.jsonl",
        [
            doc("a", "2024-11-01", "Wire One", STORY),
            doc("b", "2025-01-02", "Paper", "x"),
        ]
        .join("\n"),
    );
    let claims = env.write(
        "claims.jsonl",
        [claim("a", 11000, "NIS"), claim("b", 12000, "Pentagon")].join("\n"),
    );
    let out = env
        .tally()
        .args(["reconcile", "--as-of", "2024-12-31", "--claims"])
        .arg(&claims)
        .arg("--docs")
        .arg(&docs)
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(text.contains("~11,000 (1 src, 1 rep)"), "{text}");
    assert!(!text.contains("12,000"), "{text}");
    env.tally()
        .args(["reconcile", "--as-of", "soon", "--claims"])
        .arg(&claims)
        .assert()
        .code(2);
}

/// Floors: what the code measures on the dev gold claims, raised as the
/// ledger improves.
const CONLL: f64 = 0.90;
const B3: f64 = 0.93;
const ORIGIN_F1: f64 = 0.94;
const EXACT_COUNTS: f64 = 0.88;
const SYNDICATION_F1: f64 = 0.99;

#[test]
fn dev_gold_claims_reconcile_above_floor() {
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/dev");
    let scorer = dev.join("../score_facts.py");
    if !dev.join("gold.jsonl").exists() || !scorer.exists() {
        eprintln!(
            "skipping: {} not found (the shared dev set is not in a user's clone)",
            dev.display()
        );
        return;
    }
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("skipping: python3 not found (needed to run score_facts.py)");
        return;
    }
    let env = Env::new();
    let gold = std::fs::read_to_string(dev.join("gold.jsonl")).unwrap();
    let stripped: Vec<String> = gold
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            let map = v.as_object_mut().unwrap();
            map.remove("fact");
            map.remove("origin");
            v.to_string()
        })
        .collect();
    let claims = env.write("claims.jsonl", stripped.join("\n"));
    let copies = env.path("copies.jsonl");
    let out = env
        .tally()
        .args(["reconcile", "--quiet", "--format", "jsonl", "--claims"])
        .arg(&claims)
        .arg("--docs")
        .arg(dev.join("docs.jsonl"))
        .arg("--copies")
        .arg(&copies)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let system = env.write("system.jsonl", &out.stdout);
    let res = Command::new("python3")
        .arg(&scorer)
        .arg(dev.join("gold.jsonl"))
        .arg(&system)
        .arg("--docs")
        .arg(dev.join("docs.jsonl"))
        .arg("--copies")
        .arg(dev.join("copies.jsonl"))
        .arg(&copies)
        .arg("--json")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&res.stdout);
    let v: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|_| panic!("scorer said: {text}"));
    eprintln!("{text}");
    let f = |path: &[&str]| path.iter().fold(&v, |v, k| &v[k]).as_f64().unwrap_or(-1.0);
    assert!(f(&["conll_f1"]) >= CONLL, "CoNLL F1 {}", f(&["conll_f1"]));
    assert!(f(&["b3", "f1"]) >= B3, "B3 F1 {}", f(&["b3", "f1"]));
    assert!(
        f(&["origins", "f1"]) >= ORIGIN_F1,
        "origin F1 {}",
        f(&["origins", "f1"])
    );
    let exact = f(&["origins", "exact_count_share"]);
    assert!(exact >= EXACT_COUNTS, "exact counts {exact}");
    let synd = f(&["syndication", "f1"]);
    assert!(synd >= SYNDICATION_F1, "syndication F1 {synd}");
}

#[test]
fn facts_and_fact_over_the_store() {
    let env = Env::new();
    let docs = [
        doc("a", "2024-11-01", "Wire One", STORY),
        doc(
            "b",
            "2024-11-04",
            "Paper Two",
            "North Korea has sent about 11,000 soldiers to Russia, the Pentagon said on Monday.",
        ),
    ];
    let docs = env.write("docs.jsonl", docs.join("\n"));
    env.tally()
        .args(["--quiet", "ingest"])
        .arg(&docs)
        .assert()
        .success();
    let out = env
        .tally()
        .args(["facts", "--format", "jsonl", "--kind", "deployment"])
        .assert()
        .success();
    let facts: Vec<serde_json::Value> = String::from_utf8_lossy(&out.get_output().stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!facts.is_empty());
    let id = facts[0]["fact"].as_str().unwrap().to_string();
    let shown = env.tally().args(["fact", &id]).assert().success();
    let text = String::from_utf8_lossy(&shown.get_output().stdout).to_string();
    assert!(text.starts_with(&id), "{text}");
    assert!(text.contains("timeline:"), "{text}");
    env.tally().args(["fact", "f-nothing"]).assert().code(1);
    env.tally()
        .args(["facts", "--min-sources", "99"])
        .assert()
        .code(1);
}
