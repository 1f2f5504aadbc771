//! Extract the shared dev set and score it with the reference scorer: the
//! whole set, and the first 25 reports (`seed-*`, `dev-*`) on their own.
//! Reports whose gold holds no claim (news of other kinds, distractors)
//! are counted separately: what extraction finds there is spurious.
//! Skips (with a message) when `../shared` or python3 is absent.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use tally_core::{Document, Extractor};
use tally_extract::Pipeline;

/// Floors: what the code measures, raised as extraction improves.
const ALL_F1: f64 = 0.65;
const ALL_STRICT: f64 = 0.515;
const OLD_F1: f64 = 0.985;
const OLD_STRICT: f64 = 0.94;
/// Claims found in dev reports whose gold has none, at most.
const SPURIOUS_ON_EMPTY: usize = 1;

/// Read "F1 x" (first) or "strict F1 y" (last) from the scorer's summary line.
fn parse_line(out: &str, label: &str) -> Option<f64> {
    let line = out.lines().find(|l| l.contains("strict F1"))?;
    let words: Vec<&str> = line.split_whitespace().collect();
    let at = if label == "F1" {
        words.iter().position(|w| *w == "F1")
    } else {
        words.iter().rposition(|w| *w == "F1")
    };
    at.and_then(|i| words.get(i + 1))
        .and_then(|s| s.parse().ok())
}

fn is_old(doc: &str) -> bool {
    doc.starts_with("seed-") || doc.starts_with("dev-")
}

fn temp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("tally-dev-{}-{name}.jsonl", std::process::id()))
}

/// Write the lines of `text` that `keep` accepts (by their `doc`) to a file.
fn write_subset(path: &Path, lines: &[(String, String)], keep: impl Fn(&str) -> bool) {
    let mut out = std::fs::File::create(path).expect("create subset");
    for (_, line) in lines.iter().filter(|(d, _)| keep(d)) {
        writeln!(out, "{line}").expect("write subset");
    }
}

/// (F1, strict F1) of `claims` against `gold`, by score.py.
fn score(scorer: &Path, gold: &Path, claims: &Path) -> (f64, f64) {
    let res = Command::new("python3")
        .arg(scorer)
        .arg(gold)
        .arg(claims)
        .output()
        .expect("run scorer");
    let stdout = String::from_utf8_lossy(&res.stdout);
    eprintln!("{stdout}");
    let f1 = parse_line(&stdout, "F1").expect("F1 line");
    let strict = parse_line(&stdout, "strict").expect("strict F1");
    (f1, strict)
}

fn doc_of(line: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(line).expect("json line");
    v["doc"].as_str().unwrap_or_default().to_string()
}

#[test]
fn dev_set_scores_above_floor() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval");
    let docs = root.join("dev/docs.jsonl");
    if !docs.exists() {
        eprintln!(
            "skipping: {} not found (the shared dev set is not in a user's clone)",
            docs.display()
        );
        return;
    }
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("skipping: python3 not available to run the reference scorer");
        return;
    }
    let pipeline = Pipeline::builtin().expect("builtin pipeline");
    let text = std::fs::read_to_string(&docs).expect("read docs");
    let gold_text = std::fs::read_to_string(root.join("dev/gold.jsonl")).expect("read gold");
    let gold: Vec<(String, String)> = gold_text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| (doc_of(l), l.to_string()))
        .collect();
    let with_gold: HashSet<&str> = gold.iter().map(|(d, _)| d.as_str()).collect();
    let mut claims = Vec::new();
    let mut spurious_on_empty = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let doc: Document = serde_json::from_str(line).expect("document line");
        let found = pipeline.extract(&doc);
        if !with_gold.contains(doc.id.as_str()) {
            spurious_on_empty += found.len();
        }
        for c in found {
            claims.push((
                c.doc.clone(),
                serde_json::to_string(&c).expect("claim json"),
            ));
        }
    }
    let (all_claims, old_claims, old_gold) = (temp("all"), temp("old"), temp("old-gold"));
    write_subset(&all_claims, &claims, |_| true);
    write_subset(&old_claims, &claims, is_old);
    write_subset(&old_gold, &gold, is_old);
    let scorer = root.join("score.py");
    let (f1, strict) = score(&scorer, &root.join("dev/gold.jsonl"), &all_claims);
    let (old_f1, old_strict) = score(&scorer, &old_gold, &old_claims);
    for p in [&all_claims, &old_claims, &old_gold] {
        let _ = std::fs::remove_file(p);
    }
    assert!(
        spurious_on_empty <= SPURIOUS_ON_EMPTY,
        "{spurious_on_empty} claims in reports that state none"
    );
    assert!(f1 >= ALL_F1, "dev F1 {f1} fell below the floor");
    assert!(
        strict >= ALL_STRICT,
        "dev strict F1 {strict} fell below the floor"
    );
    assert!(
        old_f1 >= OLD_F1,
        "first-25 F1 {old_f1} fell below the floor"
    );
    assert!(
        old_strict >= OLD_STRICT,
        "first-25 strict F1 {old_strict} fell below the floor"
    );
}
