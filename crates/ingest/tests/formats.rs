//! Every format, read from files written in temp dirs.

mod common;

use common::*;
use tally_core::{Date, DocId};
use tally_ingest::{read_bytes, Format, Input, Overrides, ReadOptions};

fn date(y: i16, m: i8, d: i8) -> Option<Date> {
    Date::new(y, m, d).ok()
}

#[test]
fn plain_text_with_and_without_front_matter() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.md",
        "\u{feff}---\r\ntitle: Depot report\r\npublisher: Test Wire\r\npublished: 2025-01-14\r\nurl: https://wire.test/a\r\nauthor: Pat Example\r\nid: wire-1\r\n---\r\nTwelve trucks arrived.\r\nMore later.\r\n",
    );
    let b = write(dir.path(), "b.txt", "Ten boats were seen.\n");
    let reads = read_all(
        &[Input::Path(a.clone()), Input::Path(b.clone())],
        &ReadOptions::default(),
    );
    let a_doc = &reads[0].as_ref().unwrap().doc;
    assert_eq!(a_doc.id.as_str(), "wire-1");
    assert_eq!(a_doc.title.as_deref(), Some("Depot report"));
    assert_eq!(a_doc.publisher.as_deref(), Some("Test Wire"));
    assert_eq!(a_doc.published, date(2025, 1, 14));
    assert_eq!(a_doc.url.as_deref(), Some("https://wire.test/a"));
    assert_eq!(a_doc.author.as_deref(), Some("Pat Example"));
    assert_eq!(a_doc.text, "Twelve trucks arrived.\nMore later.");
    let b_read = reads[1].as_ref().unwrap();
    assert_eq!(b_read.origin, b.display().to_string());
    assert_eq!(b_read.doc.text, "Ten boats were seen.");
    assert_eq!(b_read.doc.id, DocId::from_content("Ten boats were seen."));
    assert_eq!(b_read.doc.title, None);
}

#[test]
fn html_article_text_without_furniture() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "page.html", PAGE);
    let reads = read_path(&p);
    assert_eq!(reads.len(), 1);
    let doc = &reads[0].as_ref().unwrap().doc;
    // JSON-LD beats OpenGraph beats <title>.
    assert_eq!(
        doc.title.as_deref(),
        Some("A convoy of forty trucks reached the depot")
    );
    assert_eq!(doc.publisher.as_deref(), Some("The Test Gazette"));
    assert_eq!(doc.published, date(2025, 2, 9));
    assert_eq!(doc.author.as_deref(), Some("Pat Example, Sam Sample"));
    assert_eq!(doc.url.as_deref(), Some("https://gazette.test/news/convoy"));
    assert_eq!(doc.id, DocId::from_url("https://gazette.test/news/convoy"));
    let t = &doc.text;
    assert!(
        t.contains("A convoy of forty trucks reached the supply depot on Sunday"),
        "{t}"
    );
    assert!(t.contains("\"spare parts & fuel\""), "{t}");
    assert!(
        t.contains("Forty trucks arrived.\nA second convoy is planned."),
        "{t}"
    );
    for furniture in [
        "Home",
        "Sport",
        "Another story",
        "newsletter",
        "Copyright",
        "color:red",
    ] {
        assert!(!t.contains(furniture), "{furniture:?} in {t}");
    }
    assert!(!t.contains("  "), "white space collapsed: {t}");
    assert!(t.lines().all(|l| l == l.trim() && !l.is_empty()));
}

#[test]
fn html_opengraph_and_fallback_to_body() {
    let html = r#"<html><head><title>Tag title</title>
        <meta property="og:title" content="OG title"><meta property="og:site_name" content="OG Site">
        <meta property="article:published_time" content="2024-11-30">
        <meta property="article:author" content="Lee Writer"></head>
        <body><nav>Menu</nav><div>Short note: 3 drones.</div><footer>Foot</footer></body></html>"#;
    let reads = read_bytes("x.html", html.as_bytes(), None, &ReadOptions::default());
    let doc = &reads[0].as_ref().unwrap().doc;
    assert_eq!(doc.title.as_deref(), Some("OG title"));
    assert_eq!(doc.publisher.as_deref(), Some("OG Site"));
    assert_eq!(doc.published, date(2024, 11, 30));
    assert_eq!(doc.author.as_deref(), Some("Lee Writer"));
    assert!(doc.text.contains("Short note: 3 drones."), "{:?}", doc.text);
    assert!(
        !doc.text.contains("Menu") && !doc.text.contains("Foot"),
        "{:?}",
        doc.text
    );
}

#[test]
fn json_lines_spec_format_with_line_origins() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "docs.jsonl",
        concat!(
            r#"{"id": "d1", "url": null, "title": "T1", "publisher": "P", "published": "2025-01-14", "text": "Five tanks.\nSix guns.", "extra": [1]}"#,
            "\n\n",
            r#"{"id": "d2", "url": "https://x.test/2", "title": null, "publisher": null, "published": null, "text": "Seven ships."}"#,
            "\r\n",
            r#"{"url": "https://x.test/3", "text": "No id here."}"#,
            "\n"
        ),
    );
    let reads = read_path(&p);
    assert_eq!(reads.len(), 3);
    let r: Vec<_> = reads.iter().map(|r| r.as_ref().unwrap()).collect();
    let base = p.display().to_string();
    assert_eq!(r[0].origin, format!("{base}:1"));
    assert_eq!(r[1].origin, format!("{base}:3"));
    assert_eq!(r[0].doc.text, "Five tanks.\nSix guns.");
    assert_eq!(r[0].doc.published, date(2025, 1, 14));
    assert_eq!(r[1].doc.id.as_str(), "d2");
    assert_eq!(r[1].doc.published, None);
    assert_eq!(r[2].doc.id, DocId::from_url("https://x.test/3"));
}

#[test]
fn the_shared_dev_set_reads_cleanly() {
    let dev = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/eval/dev/docs.jsonl");
    if !dev.exists() {
        eprintln!("skipping: {} is absent", dev.display());
        return;
    }
    let reads = read_path(&dev);
    let raw = std::fs::read_to_string(&dev).unwrap();
    let lines: Vec<&str> = raw.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(reads.len(), lines.len());
    let ok = reads.iter().filter(|r| r.is_ok()).count();
    eprintln!("dev set: {ok}/{} documents read", reads.len());
    for (r, line) in reads.iter().zip(&lines) {
        let r = r.as_ref().unwrap();
        // Spans index the text, so it must be exactly what the line says.
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(Some(r.doc.text.as_str()), v["text"].as_str());
        assert_eq!(Some(r.doc.id.as_str()), v["id"].as_str());
    }
}

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Test Wire Feed</title><link>https://wire.test/</link>
<item><title>Boats sighted</title><link>https://wire.test/boats</link>
<pubDate>Tue, 14 Jan 2025 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Summary only.&lt;/p&gt;</description>
<content:encoded><![CDATA[<p>Nine boats were <b>sighted</b> near the port.</p><p>Second paragraph.</p>]]></content:encoded>
</item>
<item><title>Summary item</title><link>https://wire.test/summary</link>
<description>&lt;p&gt;Two &amp;amp; three radars.&lt;/p&gt;</description></item>
<item><title>Empty item</title><link>https://wire.test/empty</link></item>
</channel></rss>"#;

#[test]
fn rss_items_are_documents() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "wire.rss", RSS);
    let reads = read_path(&p);
    assert_eq!(reads.len(), 3);
    let base = p.display().to_string();
    let a = reads[0].as_ref().unwrap();
    assert_eq!(a.origin, format!("{base}#1"));
    assert_eq!(a.doc.title.as_deref(), Some("Boats sighted"));
    assert_eq!(a.doc.publisher.as_deref(), Some("Test Wire Feed"));
    assert_eq!(a.doc.url.as_deref(), Some("https://wire.test/boats"));
    assert_eq!(a.doc.id, DocId::from_url("https://wire.test/boats"));
    assert_eq!(a.doc.published, date(2025, 1, 14));
    assert_eq!(
        a.doc.text,
        "Nine boats were sighted near the port.\nSecond paragraph."
    );
    let b = reads[1].as_ref().unwrap();
    assert_eq!(b.doc.text, "Two & three radars.");
    let c = reads[2].as_ref().unwrap_err();
    assert_eq!(c.origin, format!("{base}#3"));
    assert!(c.to_string().ends_with("no text"));
}

#[test]
fn atom_and_json_feeds() {
    let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Test Feed</title><id>urn:x</id>
<updated>2025-03-02T00:00:00Z</updated>
<entry><title type="html">Radar &amp;amp; masts</title><id>urn:e1</id>
<link rel="alternate" href="https://atom.test/e1"/>
<updated>2025-03-02T12:00:00Z</updated><published>2025-03-01T12:00:00Z</published>
<author><name>Ana Author</name></author>
<summary>Four radars were hit.</summary></entry></feed>"#;
    let reads = read_bytes("<stdin>", atom.as_bytes(), None, &ReadOptions::default());
    let d = &reads[0].as_ref().unwrap().doc;
    assert_eq!(reads[0].as_ref().unwrap().origin, "<stdin>#1");
    assert_eq!(d.publisher.as_deref(), Some("Atom Test Feed"));
    assert_eq!(d.published, date(2025, 3, 1));
    assert_eq!(d.author.as_deref(), Some("Ana Author"));
    assert_eq!(d.title.as_deref(), Some("Radar & masts"));
    assert_eq!(d.text, "Four radars were hit.");

    let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"JSON Test Feed",
      "items":[{"id":"1","url":"https://jf.test/1","title":"One","content_html":"<p>Eight <i>guns</i>.</p>",
      "date_published":"2025-04-05T08:00:00Z"},
      {"id":"2","content_text":"Plain  text item."}]}"#;
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "feed.json", json);
    let reads = read_path(&p);
    assert_eq!(reads.len(), 2);
    let one = &reads[0].as_ref().unwrap().doc;
    assert_eq!(one.text, "Eight guns.");
    assert_eq!(one.publisher.as_deref(), Some("JSON Test Feed"));
    assert_eq!(one.published, date(2025, 4, 5));
    let two = &reads[1].as_ref().unwrap().doc;
    assert_eq!(two.text, "Plain text item.");
    assert_eq!(two.id, DocId::from_content("Plain text item."));
}

#[test]
fn ids_are_stable_across_reads() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "page.html", PAGE);
    let t = write(dir.path(), "t.txt", "Same text.\r\n");
    let inputs = [Input::Path(p), Input::Path(t)];
    let ids = || -> Vec<String> {
        read_all(&inputs, &ReadOptions::default())
            .into_iter()
            .map(|r| r.unwrap().doc.id.to_string())
            .collect()
    };
    assert_eq!(ids(), ids());
    assert_eq!(ids()[1], DocId::from_content("Same text.").to_string());
}

#[test]
fn overrides_replace_metadata_and_the_url_changes_derived_ids() {
    let opts = ReadOptions {
        overrides: Overrides {
            title: Some("Given title".into()),
            publisher: Some("Given publisher".into()),
            published: date(2020, 5, 6),
            url: Some("https://given.test/x".into()),
        },
        ..ReadOptions::default()
    };
    let reads = read_bytes("t.txt", b"Body.", Some(Format::Text), &opts);
    let d = &reads[0].as_ref().unwrap().doc;
    assert_eq!(d.title.as_deref(), Some("Given title"));
    assert_eq!(d.publisher.as_deref(), Some("Given publisher"));
    assert_eq!(d.published, date(2020, 5, 6));
    assert_eq!(d.url.as_deref(), Some("https://given.test/x"));
    assert_eq!(d.id, DocId::from_url("https://given.test/x"));
    // An input's own id is kept.
    let reads = read_bytes("d.jsonl", br#"{"id":"own","text":"x"}"#, None, &opts);
    let d = &reads[0].as_ref().unwrap().doc;
    assert_eq!(d.id.as_str(), "own");
    assert_eq!(d.title.as_deref(), Some("Given title"));
    // HTML metadata is replaced too.
    let reads = read_bytes("p.html", PAGE.as_bytes(), Some(Format::Html), &opts);
    let d = &reads[0].as_ref().unwrap().doc;
    assert_eq!(d.publisher.as_deref(), Some("Given publisher"));
    assert_eq!(d.id, DocId::from_url("https://given.test/x"));
}

#[test]
fn stdin_style_sniffing() {
    let o = ReadOptions::default();
    let sniffed = |b: &str| read_bytes("<stdin>", b.as_bytes(), None, &o);
    let r = sniffed("{\"id\":\"s1\",\"text\":\"x\"}\n{\"id\":\"s2\",\"text\":\"y\"}\n");
    assert_eq!(r.len(), 2);
    assert_eq!(r[1].as_ref().unwrap().origin, "<stdin>:2");
    let r = sniffed(PAGE);
    assert_eq!(
        r[0].as_ref().unwrap().doc.publisher.as_deref(),
        Some("The Test Gazette")
    );
    let r = sniffed(RSS);
    assert_eq!(r.len(), 3);
    let r = sniffed("Plain words {with braces}.");
    assert_eq!(
        r[0].as_ref().unwrap().doc.text,
        "Plain words {with braces}."
    );
}
