//! `tally extract`: pure extraction, formats, ids.

use crate::{jsonl, Env, TRANSFER};

#[test]
fn extract_uses_the_inputs_own_ids_and_needs_no_database() {
    let env = Env::new();
    let line = serde_json::json!({"id": "given-id", "published": "2025-01-14", "text": TRANSFER});
    let f = env.write("d.jsonl", format!("{line}\n"));
    let (code, out, err) = env.run(&["extract", f.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    let claims = jsonl(&out);
    assert!(!claims.is_empty());
    assert!(claims.iter().all(|c| c["doc"] == "given-id"));
    assert!(
        !env.path("tally.db").exists(),
        "extract must not touch the database"
    );
}

#[test]
fn spans_point_into_the_text() {
    let env = Env::new();
    let f = env.write("d.txt", TRANSFER);
    let (_, out, _) = env.run(&["extract", f.to_str().unwrap(), "--format", "jsonl"]);
    for c in jsonl(&out) {
        let (a, b) = (
            c["span"][0].as_u64().unwrap() as usize,
            c["span"][1].as_u64().unwrap() as usize,
        );
        let sentence = TRANSFER.get(a..b).expect("a span on char boundaries");
        let figure = c["quantity"]["text"].as_str().unwrap();
        assert!(sentence.contains(figure), "{sentence:?} lacks {figure:?}");
    }
}

#[test]
fn stdin_and_published_override_resolve_times() {
    let env = Env::new();
    let out = env
        .tally()
        .args([
            "extract",
            "-",
            "--published",
            "2025-01-14",
            "--format",
            "jsonl",
        ])
        .write_stdin(TRANSFER)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let claims = jsonl(&String::from_utf8_lossy(&out.stdout));
    let tanks = claims
        .iter()
        .find(|c| c["quantity"]["value"] == 40)
        .expect("the tanks claim");
    assert_eq!(tanks["when"]["from"], "2024-12-01");
    assert_eq!(tanks["when"]["to"], "2024-12-31");
}

#[test]
fn table_and_csv() {
    let env = Env::new();
    let f = env.write("d.txt", TRANSFER);
    let (code, out, _) = env.run(&["extract", f.to_str().unwrap(), "--format", "table"]);
    assert_eq!(code, 0);
    assert!(out.contains("transfer") && out.contains("120"), "{out}");
    let (_, out, _) = env.run(&["extract", f.to_str().unwrap(), "--format", "csv"]);
    assert_eq!(
        out.lines().filter(|l| l.starts_with("doc,")).count(),
        1,
        "one header"
    );
    assert_eq!(out.lines().count(), 3);
}

#[test]
fn no_figures_means_exit_one() {
    let env = Env::new();
    let f = env.write(
        "d.txt",
        "The weather was mild and nobody counted anything.\n",
    );
    let (code, out, _) = env.run(&["extract", f.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
}

#[test]
fn a_user_lexicon_extends_the_builtin_one_without_recompiling() {
    let env = Env::new();
    let text =
        "Iran has supplied Russia with 300 Glimmerhawk drones, Ukraine's defence ministry said.\n";
    let f = env.write("d.txt", text);
    let item = |out: &str| -> Vec<String> {
        jsonl(out)
            .iter()
            .map(|c| c["item"]["name"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    let (code, out, err) = env.run(&["extract", f.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(!item(&out).contains(&"Glimmerhawk".to_string()), "{out}");

    let dir = env.path("lexicon");
    env.write(
        "lexicon/mine.toml",
        "[[weapon]]\nname = \"Glimmerhawk\"\naliases = [\"Glimmerhawk\"]\nclass = \"drones\"\norigin = \"IR\"\n",
    );
    let out = env
        .tally()
        .env("TALLY_LEXICON_DIR", &dir)
        .args(["extract", f.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let out = String::from_utf8_lossy(&out.stdout);
    assert_eq!(item(&out), ["Glimmerhawk"], "{out}");

    // A broken user file is an error that names it, not silently skipped.
    env.write("lexicon/broken.toml", "[[weapon]\nname = ");
    let out = env
        .tally()
        .env("TALLY_LEXICON_DIR", &dir)
        .args(["extract", f.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("broken.toml"));
}
