//! `tally eval` agrees with the reference scorer.

use crate::{shared, Env};

#[test]
fn eval_on_a_claims_file_matches_score_py() {
    let Some(shared) = shared() else { return };
    if std::process::Command::new("python3")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipping: python3 not found");
        return;
    }
    let env = Env::new();
    let gold = shared.join("eval/dev/gold.jsonl");
    let docs = shared.join("eval/dev/docs.jsonl");
    let (code, extracted, err) = env.run(&["extract", docs.to_str().unwrap(), "--format", "jsonl"]);
    assert!(code == 0 || code == 1, "{err}");
    let claims = env.write("claims.jsonl", &extracted);
    let (code, ours, err) = env.run(&[
        "eval",
        "--gold",
        gold.to_str().unwrap(),
        "--claims",
        claims.to_str().unwrap(),
        "--verbose",
    ]);
    assert_eq!(code, 0, "{err}");
    let reference = std::process::Command::new("python3")
        .arg(shared.join("eval/score.py"))
        .args([&gold, &claims])
        .arg("--verbose")
        .output()
        .unwrap();
    assert_eq!(ours, String::from_utf8_lossy(&reference.stdout));

    // Extracting and scoring in one go prints the same.
    let (code, direct, _) = env.run(&[
        "eval",
        "--gold",
        gold.to_str().unwrap(),
        "--docs",
        docs.to_str().unwrap(),
        "--verbose",
    ]);
    assert_eq!(code, 0);
    assert_eq!(direct, ours);
}

#[test]
fn eval_needs_docs_or_claims() {
    let env = Env::new();
    let gold = env.write("g.jsonl", "");
    let (code, _, err) = env.run(&["eval", "--gold", gold.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("--docs"), "{err}");
}
