//! Extract the shared dev set and score it with the reference scorer.
//! Skips (with a message) when `../shared` or python3 is absent.

use std::io::Write;
use std::path::Path;
use std::process::Command;
use tally_core::{Document, Extractor};
use tally_extract::Pipeline;

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

#[test]
fn dev_set_scores_above_floor() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval");
    let docs = root.join("dev/docs.jsonl");
    if !docs.exists() {
        eprintln!("skipping: {} not found", docs.display());
        return;
    }
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("skipping: python3 not available");
        return;
    }
    let pipeline = Pipeline::builtin().expect("builtin pipeline");
    let text = std::fs::read_to_string(&docs).expect("read docs");
    let out_path =
        std::env::temp_dir().join(format!("tally-extract-dev-{}.jsonl", std::process::id()));
    let mut out = std::fs::File::create(&out_path).expect("create output");
    let mut distractor_claims = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let doc: Document = serde_json::from_str(line).expect("document line");
        let claims = pipeline.extract(&doc);
        if ["dev-003", "dev-011", "dev-020"].contains(&doc.id.as_str()) {
            distractor_claims += claims.len();
        }
        for c in claims {
            writeln!(out, "{}", serde_json::to_string(&c).expect("claim json")).expect("write");
        }
    }
    drop(out);
    let res = Command::new("python3")
        .arg(root.join("score.py"))
        .arg(root.join("dev/gold.jsonl"))
        .arg(&out_path)
        .output()
        .expect("run scorer");
    let _ = std::fs::remove_file(&out_path);
    let stdout = String::from_utf8_lossy(&res.stdout);
    eprintln!("{stdout}");
    let f1 = parse_line(&stdout, "F1").expect("F1 line");
    let strict = parse_line(&stdout, "strict").expect("strict F1");
    assert_eq!(
        distractor_claims, 0,
        "distractor documents must give no claims"
    );
    assert!(f1 >= 0.985, "dev F1 {f1} fell below the floor");
    assert!(
        strict >= 0.94,
        "dev strict F1 {strict} fell below the floor"
    );
}
