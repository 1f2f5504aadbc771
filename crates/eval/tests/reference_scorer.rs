//! `Report::render` and `Report::render_json` against the reference scorer,
//! byte for byte: `python3 ../shared/eval/score.py` on the dev set, on a
//! perturbed copy of it, and on hand-written files that exercise each
//! normalisation rule.

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;
use tally_eval::{load_doc_ids, load_jsonl, score};

/// `../shared` from the repository root, when it and python3 are there.
fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if !dir.join("eval/score.py").is_file() {
        println!("skipped: {} is absent", dir.join("eval/score.py").display());
        return None;
    }
    if Command::new("python3").arg("--version").output().is_err() {
        println!("skipped: python3 is not installed");
        return None;
    }
    Some(dir)
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn python(shared: &Path, args: &[&Path], flags: &[&str]) -> String {
    let out = Command::new("python3")
        .arg(shared.join("eval/score.py"))
        .args(args)
        .args(flags)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "score.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("score.py prints UTF-8")
}

/// Every output form, with and without `docs`, must equal score.py's.
fn check(shared: &Path, gold: &Path, extracted: &Path, docs: &[&Path]) {
    let g = load_jsonl(gold).unwrap();
    let e = load_jsonl(extracted).unwrap();
    let mut runs: Vec<(Option<&Path>, Vec<&Path>)> = vec![(None, vec![gold, extracted])];
    for d in docs {
        runs.push((Some(d), vec![gold, extracted, Path::new("--docs"), d]));
    }
    for (docs, args) in runs {
        let ids = docs.map(|d| load_doc_ids(d).unwrap());
        let report = score(&g, &e, ids.as_ref());
        let what = format!(
            "{} vs {} (docs {docs:?})",
            gold.display(),
            extracted.display()
        );
        same(
            &report.render(false),
            &python(shared, &args, &[]),
            &format!("plain: {what}"),
        );
        same(
            &report.render(true),
            &python(shared, &args, &["--verbose"]),
            &format!("verbose: {what}"),
        );
        same(
            &report.render_json(),
            &python(shared, &args, &["--json"]),
            &format!("json: {what}"),
        );
    }
}

/// Equal texts, or a failure that shows the first line that differs.
fn same(ours: &str, theirs: &str, what: &str) {
    if ours == theirs {
        return;
    }
    let (a, b): (Vec<&str>, Vec<&str>) = (ours.lines().collect(), theirs.lines().collect());
    let n = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    panic!(
        "{what}: line {} differs\n ours:   {:?}\n score.py: {:?}\n({} vs {} lines)",
        n + 1,
        a.get(n),
        b.get(n),
        a.len(),
        b.len()
    );
}

fn write_jsonl(path: &Path, claims: &[Value]) {
    let text: String = claims.iter().map(|c| format!("{c}\n")).collect();
    std::fs::write(path, text).unwrap();
}

/// A copy of the gold claims with every kind of disagreement the scorer
/// distinguishes, derived by position so that it is the same on every run.
fn perturb(gold: &[Value]) -> Vec<Value> {
    let mut out = Vec::new();
    for (i, c) in gold.iter().enumerate() {
        if i % 3 == 2 {
            continue;
        }
        let mut c = c.clone();
        let value = c["quantity"]["value"].as_f64();
        match (i % 7, value) {
            (0, Some(v)) => c["quantity"]["value"] = json!(v * 1.003),
            (1, Some(v)) => c["quantity"]["value"] = json!(v * 1.02),
            (3, Some(v)) => c["quantity"]["value"] = json!(v * 0.997),
            (4, Some(v)) if v.fract() == 0.0 => c["quantity"]["value"] = json!(v),
            _ => {}
        }
        match i % 5 {
            0 => {
                c["stage"] = json!(if c["stage"] == "done" {
                    "planned"
                } else {
                    "done"
                })
            }
            1 => c["source"] = json!({"speaker": "A. N. Other", "via": "The Wire"}),
            2 => c["when"] = json!({"from": "2024-05", "to": null, "text": "in May"}),
            3 => c["when"] = json!({"from": "2023", "to": "2024-02", "text": "a while"}),
            _ => c["quantity"]["bound"] = json!("approx"),
        }
        if i % 4 == 1 {
            let text = c["item"]["text"].as_str().unwrap_or("").to_uppercase();
            c["item"]["text"] = json!(text);
        }
        if i % 4 == 3 {
            let name = format!("{}s", c["item"]["name"].as_str().unwrap_or(""));
            c["item"]["name"] = json!(name);
        }
        if i % 11 == 0 {
            c["to"] = json!("ZZ");
        }
        out.push(c.clone());
        if i % 13 == 0 {
            // A duplicate, which de-duplication drops.
            out.push(c.clone());
        }
        if i % 6 == 0 {
            let mut extra = c.clone();
            extra["quantity"]["value"] = json!(7.5);
            extra["kind"] = json!("production");
            out.push(extra);
        }
    }
    out.push(
        json!({"doc": "no-such-doc", "kind": "loss", "from": "XX", "item": {"name": "boats"},
                    "quantity": {"value": 3}}),
    );
    out
}

#[test]
fn dev_gold_against_itself() {
    let Some(shared) = shared() else { return };
    let gold = shared.join("eval/dev/gold.jsonl");
    let docs = shared.join("eval/dev/docs.jsonl");
    check(&shared, &gold, &gold, &[&docs]);
    let report = score(
        &load_jsonl(&gold).unwrap(),
        &load_jsonl(&gold).unwrap(),
        None,
    );
    assert_eq!((report.f1, report.strict_f1), (1.0, 1.0));
}

#[test]
fn dev_gold_against_a_perturbed_copy() {
    let Some(shared) = shared() else { return };
    let gold_path = shared.join("eval/dev/gold.jsonl");
    let gold = load_jsonl(&gold_path).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let perturbed = dir.path().join("perturbed.jsonl");
    write_jsonl(&perturbed, &perturb(&gold));
    // A few documents of the dev set, and one that is in neither file.
    let some_docs = dir.path().join("docs.jsonl");
    let mut ids: Vec<Value> = gold.iter().map(|c| c["doc"].clone()).collect();
    ids.dedup();
    let picked: Vec<Value> = ids.iter().step_by(3).map(|id| json!({"id": id})).collect();
    write_jsonl(
        &some_docs,
        &[picked, vec![json!({"id": "absent"})]].concat(),
    );

    check(
        &shared,
        &gold_path,
        &perturbed,
        &[&shared.join("eval/dev/docs.jsonl"), &some_docs],
    );
    let report = score(&gold, &load_jsonl(&perturbed).unwrap(), None);
    assert!(
        report.matched > 0 && report.f1 < 1.0,
        "{}",
        report.render(false)
    );
    assert!(!report.missed.is_empty() && !report.spurious.is_empty());
}

#[test]
fn hand_written_rules() {
    let Some(shared) = shared() else { return };
    let (gold, extracted, docs) = (
        fixture("rules_gold.jsonl"),
        fixture("rules_extracted.jsonl"),
        fixture("rules_docs.jsonl"),
    );
    check(&shared, &gold, &extracted, &[&docs]);
    // And the other way round, so each side's odd records are gold once.
    check(&shared, &extracted, &gold, &[&docs]);
}

#[test]
fn hand_written_rules_without_python() {
    let g = load_jsonl(&fixture("rules_gold.jsonl")).unwrap();
    let e = load_jsonl(&fixture("rules_extracted.jsonl")).unwrap();
    let r = score(&g, &e, None);
    // Measured with score.py when the fixtures were written.
    assert_eq!((r.gold, r.extracted, r.matched), (12, 15, 9));
    let text = r.render(false);
    assert!(
        text.contains("precision 0.600  recall 0.750  F1 0.667  strict F1 0.370\n"),
        "{text}"
    );
    assert!(
        text.contains("  field when                 0.778\n"),
        "{text}"
    );
    let ids = load_doc_ids(&fixture("rules_docs.jsonl")).unwrap();
    let r = score(&g, &e, Some(&ids));
    assert!(r
        .missed
        .iter()
        .chain(&r.spurious)
        .all(|c| c["doc"] != "r4" && c["doc"] != "r9"));
}
