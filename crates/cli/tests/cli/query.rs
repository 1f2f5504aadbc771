//! `claims` filters and formats, `docs`, `show`, `search`, `export`, `stats`.

use crate::{jsonl, Env, TRANSFER};

/// A database holding one made-up report with two transfers.
fn loaded() -> Env {
    let env = Env::new();
    let f = env.write(
        "r.txt",
        format!(
            "---\ntitle: Made-up transfers\npublished: 2025-01-14\nid: made-up-1\n---\n{TRANSFER}"
        ),
    );
    let (code, _, err) = env.run(&["ingest", f.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    env
}

fn count(env: &Env, args: &[&str]) -> usize {
    let mut all = vec!["claims", "--format", "jsonl"];
    all.extend_from_slice(args);
    let (code, out, err) = env.run(&all);
    assert!(code == 0 || code == 1, "{err}");
    assert_eq!(
        code == 1,
        out.trim().is_empty(),
        "exit 1 exactly when nothing is found"
    );
    jsonl(&out).len()
}

#[test]
fn filters_narrow_the_claims() {
    let env = loaded();
    assert_eq!(count(&env, &[]), 2);
    assert_eq!(count(&env, &["--kind", "transfer"]), 2);
    assert_eq!(count(&env, &["--kind", "loss"]), 0);
    assert_eq!(count(&env, &["--from", "KP"]), 1);
    assert_eq!(
        count(&env, &["--from", "kp"]),
        1,
        "party filters ignore case"
    );
    assert_eq!(count(&env, &["--to", "RU"]), 2);
    assert_eq!(count(&env, &["--item", "tank"]), 1);
    assert_eq!(count(&env, &["--speaker", "defence ministry"]), 1);
    assert_eq!(count(&env, &["--period", "2024-12"]), 1);
    assert_eq!(count(&env, &["--period", "2030.."]), 0);
    assert_eq!(count(&env, &["--doc", "made-up-1"]), 2);
    assert_eq!(count(&env, &["--doc", "nope"]), 0);
    assert_eq!(count(&env, &["--limit", "1"]), 1);
}

#[test]
fn bad_filters_are_errors() {
    let env = loaded();
    let (code, _, err) = env.run(&["claims", "--kind", "transfers"]);
    assert_eq!(code, 2);
    assert!(err.contains("transfer"), "{err}");
    let (code, _, _) = env.run(&["claims", "--period", "later"]);
    assert_eq!(code, 2);
}

#[test]
fn claims_formats() {
    let env = loaded();
    let (code, out, _) = env.run(&["claims", "--format", "jsonl"]);
    assert_eq!(code, 0);
    let claims = jsonl(&out);
    let c = claims
        .iter()
        .find(|c| c["from"] == "KP")
        .expect("the KP claim");
    for field in [
        "doc", "kind", "stage", "negated", "from", "to", "item", "outcome", "quantity", "when",
        "place", "source", "evidence", "span",
    ] {
        assert!(c.get(field).is_some(), "missing {field} in {c}");
    }
    assert_eq!(c["quantity"]["value"], 120);

    let (_, out, _) = env.run(&["claims", "--format", "csv"]);
    let mut rows = csv::Reader::from_reader(out.as_bytes());
    let header = rows.headers().unwrap().clone();
    assert_eq!(&header[0], "doc");
    assert!(header.iter().any(|h| h == "speaker"));
    assert_eq!(rows.records().count(), 2);

    let (_, out, _) = env.run(&["claims"]);
    assert!(out.contains("made-up-1") && out.contains("120"), "{out}");
}

#[test]
fn show_marks_spans() {
    let env = loaded();
    let (code, out, _) = env.run(&["show", "made-up-1", "--color", "never"]);
    assert_eq!(code, 0);
    assert!(out.contains("Made-up transfers"));
    assert!(out.contains("⟦North Korea has supplied Russia"), "{out}");
    let (code, out, _) = env.run(&["show", "made-up-1", "--color", "always"]);
    assert_eq!(code, 0);
    assert!(out.contains("\x1b[1;33m"));
    let (code, _, err) = env.run(&["show", "missing-doc"]);
    assert_eq!(code, 1);
    assert!(err.contains("missing-doc"));
}

#[test]
fn search_ranks_and_snippets() {
    let env = Env::new();
    let a = env.write(
        "a.txt",
        "Howitzers were sent north by rail. Howitzers again. More howitzers.\n",
    );
    let b = env.write(
        "b.txt",
        "A story about harvests, with one howitzers mention.\n",
    );
    let c = env.write("c.txt", "Nothing relevant at all.\n");
    env.run(&[
        "ingest",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        c.to_str().unwrap(),
    ]);
    let (code, out, _) = env.run(&["search", "howitzers", "--format", "jsonl"]);
    assert_eq!(code, 0);
    let hits = jsonl(&out);
    assert_eq!(hits.len(), 2);
    assert!(hits[0]["snippet"]
        .as_str()
        .unwrap()
        .to_lowercase()
        .contains("howitzers"));
    let (code, _, _) = env.run(&["search", "submarine"]);
    assert_eq!(code, 1);
    // Query syntax characters are taken as words, not as errors.
    let (code, _, err) = env.run(&["search", "\"howitzers", "AND", "(", "-"]);
    assert!(code == 0 || code == 1, "{err}");
}

#[test]
fn docs_export_and_stats() {
    let env = loaded();
    let (code, out, _) = env.run(&["docs"]);
    assert_eq!(code, 0);
    assert!(out.contains("Made-up transfers"));
    let out_file = env.path("claims.csv");
    let (code, _, _) = env.run(&[
        "export",
        "--format",
        "csv",
        "-o",
        out_file.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    assert_eq!(
        std::fs::read_to_string(&out_file).unwrap().lines().count(),
        3
    );
    let (code, out, _) = env.run(&["stats", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["documents"], 1);
    assert_eq!(v["claims"], 2);
}

#[test]
fn an_empty_database_finds_nothing() {
    let env = Env::new();
    env.write("empty.txt", "");
    let (code, _, err) = env.run(&["ingest", env.path("empty.txt").to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(env.run(&["claims"]).0, 1);
    assert_eq!(env.run(&["docs"]).0, 1);
    assert_eq!(env.run(&["search", "anything"]).0, 1);
    assert_eq!(env.run(&["stats"]).0, 0);
}

#[test]
fn a_read_command_on_a_missing_database_says_so_and_creates_nothing() {
    let env = Env::new();
    let typo = env.path("no").join("such").join("tally.db");
    for cmd in [
        &["claims"][..],
        &["docs"],
        &["search", "tanks"],
        &["stats"],
        &["show", "x"],
        &["export"],
    ] {
        let out = env
            .tally()
            .args(cmd)
            .env("TALLY_DB", &typo)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{cmd:?}: {err}");
        assert!(err.contains("no such database"), "{cmd:?}: {err}");
        assert!(!env.path("no").exists(), "{cmd:?} created folders");
    }
}

#[test]
fn a_closed_pipe_is_success() {
    let env = loaded();
    let mut child = env
        .std_tally()
        .args(["claims", "--format", "jsonl"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The reader goes away before (or while) tally writes.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_closed_pipe_is_success_for_every_writer() {
    let env = Env::new();
    // Enough documents that the output outgrows the pipe's buffer.
    let mut lines = String::new();
    for i in 0..400 {
        lines.push_str(&format!(
            "{{\"id\": \"d{i}\", \"text\": \"{} filler words.\"}}\n",
            "Long text with many ".repeat(40)
        ));
    }
    let f = env.write("many.jsonl", lines);
    assert_eq!(env.run(&["ingest", f.to_str().unwrap()]).0, 0);
    for args in [
        &["export", "--what", "docs", "--format", "jsonl"][..],
        &["export", "--what", "docs", "--format", "csv"][..],
        &["docs", "--format", "jsonl"][..],
    ] {
        let mut child = env
            .std_tally()
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert!(err.is_empty(), "{args:?}: {err}");
    }
}
