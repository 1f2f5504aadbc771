//! The probe reports (tests/probes: written for this project, about wars
//! and in styles the rules were not written for; their log of scores is
//! tests/probes/LOG.md), scored with the reference scorer. The floor is
//! what the code measures; it rises as rules that generalise land.
//! Skips (with a message) when the scorer or python3 is absent.

use std::io::Write;
use std::path::Path;
use std::process::Command;
use tally_core::{Document, Extractor};
use tally_extract::Pipeline;

const F1_FLOOR: f64 = 0.40;

fn f1_of(out: &str) -> Option<f64> {
    let line = out.lines().find(|l| l.contains("strict F1"))?;
    let w: Vec<&str> = line.split_whitespace().collect();
    let at = w.iter().position(|x| *x == "F1")?;
    w.get(at + 1)?.parse().ok()
}

#[test]
fn probe_reports_score_above_floor() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let scorer = here.join("../../../shared/eval/score.py");
    if !scorer.exists() || Command::new("python3").arg("--version").output().is_err() {
        eprintln!(
            "skipping: the reference scorer {} or python3 is not available",
            scorer.display()
        );
        return;
    }
    let pipeline = Pipeline::builtin().expect("builtin pipeline");
    let docs = std::fs::read_to_string(here.join("tests/probes/docs.jsonl")).expect("docs");
    let out_path =
        std::env::temp_dir().join(format!("tally-extract-probes-{}.jsonl", std::process::id()));
    let mut out = std::fs::File::create(&out_path).expect("create output");
    let mut on_other_news = 0;
    for line in docs.lines().filter(|l| !l.trim().is_empty()) {
        let doc: Document = serde_json::from_str(line).expect("document line");
        let claims = pipeline.extract(&doc);
        if ["p2-13", "p2-14"].contains(&doc.id.as_str()) {
            on_other_news += claims.len();
        }
        for c in claims {
            writeln!(out, "{}", serde_json::to_string(&c).expect("claim json")).expect("write");
        }
    }
    drop(out);
    let res = Command::new("python3")
        .arg(&scorer)
        .arg(here.join("tests/probes/gold.jsonl"))
        .arg(&out_path)
        .output()
        .expect("run scorer");
    let _ = std::fs::remove_file(&out_path);
    let stdout = String::from_utf8_lossy(&res.stdout);
    eprintln!("{stdout}");
    let f1 = f1_of(&stdout).expect("F1 line");
    assert_eq!(on_other_news, 0, "claims found in news of other kinds");
    assert!(f1 >= F1_FLOOR, "probe F1 {f1} fell below the floor");
}
