//! `tally ingest`: every input type, metadata, idempotence, summaries.

use crate::{examples, jsonl, Env, TRANSFER};

#[test]
fn ingests_every_example_and_prints_their_claims() {
    let env = Env::new();
    let (code, out, err) = env.run(&["ingest", examples().to_str().unwrap(), "--claims"]);
    assert_eq!(code, 0, "stderr: {err}");
    // 1 text + 1 HTML + 2 JSON Lines + 2 feed items.
    assert!(
        out.contains("6 new, 0 already present, 0 updated, 0 failed"),
        "{out}"
    );
    let (code, out, _) = env.run(&["docs", "--format", "jsonl"]);
    assert_eq!(code, 0);
    assert_eq!(jsonl(&out).len(), 6);
}

#[test]
fn reingest_changes_nothing() {
    let env = Env::new();
    let dir = examples();
    let (code, _, err) = env.run(&["ingest", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let (_, before, _) = env.run(&["export", "--format", "jsonl"]);
    let (code, out, err) = env.run(&["ingest", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("0 new, 6 already present, 0 updated, 0 failed"),
        "{out}"
    );
    let (_, after, _) = env.run(&["export", "--format", "jsonl"]);
    assert_eq!(before, after);
}

#[test]
fn changed_text_under_the_same_id_is_updated() {
    let env = Env::new();
    let a = env.write("a.jsonl", r#"{"id": "r1", "title": "One", "published": "2025-01-14", "text": "First version of the story."}"#);
    env.run(&["ingest", a.to_str().unwrap()]);
    let b = env.write("b.jsonl", r#"{"id": "r1", "title": "One", "published": "2025-01-14", "text": "Second version of the story."}"#);
    let (code, out, _) = env.run(&["ingest", b.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(out.contains("0 new, 0 already present, 1 updated"), "{out}");
    let (_, out, _) = env.run(&["export", "--what", "docs", "--format", "jsonl"]);
    let docs = jsonl(&out);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["text"], "Second version of the story.");
}

#[test]
fn text_front_matter_is_metadata() {
    let env = Env::new();
    let f = env.write(
        "r.txt",
        "---\ntitle: A made-up report\npublisher: Example Desk\npublished: 2025-01-14\nurl: https://example.org/r\n---\nBody text here.\n",
    );
    let (code, _, err) = env.run(&["ingest", f.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let (_, out, _) = env.run(&["export", "--what", "docs", "--format", "jsonl"]);
    let d = &jsonl(&out)[0];
    assert_eq!(d["title"], "A made-up report");
    assert_eq!(d["publisher"], "Example Desk");
    assert_eq!(d["published"], "2025-01-14");
    assert_eq!(d["url"], "https://example.org/r");
    assert!(d["text"].as_str().unwrap().starts_with("Body text here."));
}

#[test]
fn html_metadata_from_json_ld_and_main_text_only() {
    let env = Env::new();
    let (code, _, err) = env.run(&[
        "ingest",
        examples().join("kursk-troops.html").to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let (_, out, _) = env.run(&["export", "--what", "docs", "--format", "jsonl"]);
    let d = &jsonl(&out)[0];
    assert_eq!(d["title"], "North Korean losses mount in Kursk");
    assert_eq!(d["publisher"], "Tally Example Desk");
    assert_eq!(d["published"], "2025-01-14");
    let text = d["text"].as_str().unwrap();
    assert!(text.contains("11,000 soldiers"), "{text}");
    assert!(!text.contains("Subscribe"), "navigation leaked: {text}");
    assert!(
        !text.contains("All rights reserved"),
        "footer leaked: {text}"
    );
}

#[test]
fn feed_items_are_documents_with_their_metadata() {
    let env = Env::new();
    let (code, _, err) = env.run(&["ingest", examples().join("wire.xml").to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let (_, out, _) = env.run(&["export", "--what", "docs", "--format", "jsonl"]);
    let docs = jsonl(&out);
    assert_eq!(docs.len(), 2);
    let titles: Vec<&str> = docs.iter().map(|d| d["title"].as_str().unwrap()).collect();
    assert!(
        titles.contains(&"More North Korean troops expected in Russia"),
        "{titles:?}"
    );
    for d in &docs {
        assert_eq!(d["publisher"], "Tally Example Wire");
        assert!(d["url"]
            .as_str()
            .unwrap()
            .starts_with("https://example.org/wire/"));
        assert!(
            !d["text"].as_str().unwrap().contains("<p>"),
            "HTML left in feed text"
        );
    }
    let dates: Vec<&str> = docs
        .iter()
        .map(|d| d["published"].as_str().unwrap())
        .collect();
    assert!(
        dates.contains(&"2025-01-13") && dates.contains(&"2025-01-12"),
        "{dates:?}"
    );
}

#[test]
fn standard_input_and_overrides() {
    let env = Env::new();
    let out = env
        .tally()
        .args([
            "ingest",
            "-",
            "--published",
            "2025-01-14",
            "--publisher",
            "Stdin Desk",
            "--title",
            "Piped",
        ])
        .write_stdin(TRANSFER)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (_, out, _) = env.run(&["export", "--what", "docs", "--format", "jsonl"]);
    let d = &jsonl(&out)[0];
    assert_eq!(d["publisher"], "Stdin Desk");
    assert_eq!(d["title"], "Piped");
    assert_eq!(d["published"], "2025-01-14");
}

#[test]
fn bad_published_flag_is_a_usage_error() {
    let env = Env::new();
    let (code, _, err) = env.run(&[
        "ingest",
        examples().to_str().unwrap(),
        "--published",
        "soon",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("--published"), "{err}");
}

#[test]
fn db_flag_beats_the_environment() {
    let env = Env::new();
    let other = env.path("other.db");
    let (code, _, _) = env.run(&[
        "--db",
        other.to_str().unwrap(),
        "ingest",
        examples().join("briefs.jsonl").to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    assert!(other.exists());
    assert!(!env.path("tally.db").exists());
}

#[test]
fn atom_and_json_feeds() {
    let env = Env::new();
    let atom = env.write(
        "feeds/wire.atom",
        r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example Atom Desk</title>
  <id>urn:example:atom</id>
  <updated>2025-01-14T10:00:00Z</updated>
  <entry>
    <title>Convoy seen near the border</title>
    <link href="https://example.org/atom/convoy"/>
    <id>urn:example:atom:1</id>
    <updated>2025-01-14T10:00:00Z</updated>
    <content type="html">&lt;p&gt;A convoy of 30 trucks was filmed near the border.&lt;/p&gt;</content>
  </entry>
</feed>"#,
    );
    let json = env.write(
        "feeds/wire.json",
        r#"{"version": "https://jsonfeed.org/version/1.1", "title": "Example JSON Desk",
            "items": [{"id": "1", "url": "https://example.org/json/one", "title": "Depot fire",
                       "content_html": "<p>Two depots burned overnight.</p>",
                       "date_published": "2025-01-13T08:00:00Z"}]}"#,
    );
    let (code, out, err) = env.run(&["ingest", atom.to_str().unwrap(), json.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("2 new"), "{out}");
    let (_, out, _) = env.run(&["export", "--what", "docs", "--format", "jsonl"]);
    let docs = jsonl(&out);
    let atom_doc = docs
        .iter()
        .find(|d| d["publisher"] == "Example Atom Desk")
        .expect("atom item");
    assert_eq!(atom_doc["title"], "Convoy seen near the border");
    assert_eq!(atom_doc["published"], "2025-01-14");
    assert!(atom_doc["text"]
        .as_str()
        .unwrap()
        .starts_with("A convoy of 30 trucks"));
    let json_doc = docs
        .iter()
        .find(|d| d["publisher"] == "Example JSON Desk")
        .expect("json item");
    assert_eq!(json_doc["url"], "https://example.org/json/one");
    assert_eq!(json_doc["published"], "2025-01-13");
}

#[test]
fn folders_are_walked_recursively_skipping_other_files() {
    let env = Env::new();
    env.write("tree/a.txt", "First report text.\n");
    env.write("tree/deeper/b.md", "Second report text.\n");
    env.write("tree/deeper/notes.docx", "not a report");
    env.write("tree/.hidden/c.txt", "Hidden, skipped.\n");
    let (code, out, err) = env.run(&["ingest", env.path("tree").to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("2 new, 0 already present, 0 updated, 0 failed"),
        "{out}"
    );
}
