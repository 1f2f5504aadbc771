//! Bad input: each one a clean error, and reading goes on.

mod common;

use common::*;
use std::time::Instant;
use tally_ingest::{read_bytes, ErrorKind, Format, Input, Limits, ReadOptions};

fn kind_of(r: &Result<tally_ingest::Read, tally_ingest::IngestError>) -> ErrorKind {
    r.as_ref().unwrap_err().kind.clone()
}

#[test]
fn binary_invalid_utf8_and_empty_files() {
    let dir = tempfile::tempdir().unwrap();
    let bin = write(dir.path(), "bin.txt", b"abc\0def");
    let bad = write(dir.path(), "bad.md", b"caf\xc3\xa9 \xff\xfe");
    let empty = write(dir.path(), "empty.txt", b"");
    let blank = write(dir.path(), "blank.html", b"  \n\t ");
    let ok = write(dir.path(), "ok.txt", b"Still read.");
    let inputs: Vec<Input> = [&bin, &bad, &empty, &blank, &ok]
        .into_iter()
        .map(|p| Input::Path(p.clone()))
        .collect();
    let reads = read_all(&inputs, &ReadOptions::default());
    assert_eq!(reads.len(), 5);
    assert_eq!(kind_of(&reads[0]), ErrorKind::Binary { offset: 3 });
    assert_eq!(kind_of(&reads[1]), ErrorKind::InvalidUtf8 { offset: 6 });
    let msg = reads[1].as_ref().unwrap_err().to_string();
    assert_eq!(
        msg,
        format!(
            "{}: invalid UTF-8 at byte 6 (only UTF-8 input is read)",
            bad.display()
        )
    );
    assert_eq!(kind_of(&reads[2]), ErrorKind::Empty);
    assert_eq!(kind_of(&reads[3]), ErrorKind::Empty);
    assert_eq!(reads[4].as_ref().unwrap().doc.text, "Still read.");
}

#[test]
fn missing_unsupported_and_unreadable_paths() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = write(dir.path(), "report.pdf", b"%PDF-1.4");
    let locked = write(dir.path(), "locked.txt", b"secret words");
    let missing = dir.path().join("nope.txt");
    let reads = read_all(
        &[Input::Path(missing.clone()), Input::Path(pdf)],
        &ReadOptions::default(),
    );
    assert_eq!(kind_of(&reads[0]), ErrorKind::NotFound);
    assert_eq!(
        reads[0].as_ref().unwrap_err().origin,
        missing.display().to_string()
    );
    assert_eq!(kind_of(&reads[1]), ErrorKind::Unsupported(".pdf".into()));
    assert!(reads[1]
        .as_ref()
        .unwrap_err()
        .to_string()
        .contains("unsupported file type (.pdf)"));

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        if std::fs::read(&locked).is_ok() {
            eprintln!(
                "skipping the unreadable-file check: running with permission to read anything"
            );
        } else {
            let reads = read_path(&locked);
            assert!(
                matches!(kind_of(&reads[0]), ErrorKind::Io(_)),
                "{:?}",
                reads[0]
            );
        }
    }
}

#[test]
fn broken_html_never_panics_and_empty_pages_say_no_text() {
    let o = ReadOptions::default();
    let broken = b"<html><body><div><p>Unclosed <b>bold <i>both</div></p></table>&bogus; &amp";
    let r = read_bytes("b.html", broken, Some(Format::Html), &o);
    let text = &r[0].as_ref().unwrap().doc.text;
    assert!(text.contains("Unclosed bold both"), "{text}");
    let r = read_bytes(
        "e.html",
        b"<html><head><title>Only a title</title></head><body> <img src=x> </body></html>",
        Some(Format::Html),
        &o,
    );
    assert_eq!(kind_of(&r[0]), ErrorKind::NoText);
    assert_eq!(r[0].as_ref().unwrap_err().to_string(), "e.html: no text");
}

#[test]
fn broken_feeds_are_errors() {
    let o = ReadOptions::default();
    for bad in [
        &b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item><title>x"[..],
        b"<?xml version=\"1.0\"?><note>not a feed</note>",
        b"{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[{]}",
    ] {
        let r = read_bytes("f.xml", bad, Some(Format::Feed), &o);
        assert_eq!(r.len(), 1);
        assert!(matches!(kind_of(&r[0]), ErrorKind::Feed(_)), "{:?}", r[0]);
    }
}

#[test]
fn entity_expansion_is_never_performed() {
    let mut laughs =
        String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n");
    laughs.push_str("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
    for i in 2..10 {
        let prev = format!("&lol{};", i - 1);
        laughs.push_str(&format!("<!ENTITY lol{i} \"{}\">\n", prev.repeat(10)));
    }
    laughs.push_str("<!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n");
    laughs.push_str("<rss version=\"2.0\"><channel><title>Laughs</title><item><title>T</title><link>https://l.test/1</link><description>&lol9; and &xxe; end</description></item></channel></rss>");
    let start = Instant::now();
    let r = read_bytes(
        "laughs.xml",
        laughs.as_bytes(),
        None,
        &ReadOptions::default(),
    );
    assert!(start.elapsed().as_secs() < 10);
    assert_eq!(r.len(), 1);
    match &r[0] {
        Ok(read) => {
            let t = &read.doc.text;
            assert!(t.len() < 1_000, "entities were expanded: {} bytes", t.len());
            assert!(!t.contains("root:"), "external entity was read");
        }
        Err(e) => assert!(matches!(e.kind, ErrorKind::Feed(_))),
    }
}

#[test]
fn size_limits_from_metadata_and_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let big = write(dir.path(), "big.txt", "word ".repeat(100));
    let lines = write(
        dir.path(),
        "lines.jsonl",
        format!(
            "{{\"id\":\"a\",\"text\":\"{}\"}}\n{{\"id\":\"b\",\"text\":\"short\"}}\n",
            "x".repeat(3_000_000)
        ),
    );
    let opts = ReadOptions {
        limits: Limits {
            max_file_bytes: 100,
            max_line_bytes: 1024,
        },
        ..ReadOptions::default()
    };
    let reads = read_all(&[Input::Path(big), Input::Path(lines.clone())], &opts);
    assert_eq!(reads.len(), 3);
    assert_eq!(
        kind_of(&reads[0]),
        ErrorKind::TooLarge {
            size: 500,
            limit: 100
        }
    );
    let e = reads[1].as_ref().unwrap_err();
    assert_eq!(e.origin, format!("{}:1", lines.display()));
    assert_eq!(e.kind, ErrorKind::LineTooLong { limit: 1024 });
    assert_eq!(reads[2].as_ref().unwrap().doc.id.as_str(), "b");
    // In memory, too.
    let r = read_bytes("m.txt", &[b'a'; 101], Some(Format::Text), &opts);
    assert!(matches!(kind_of(&r[0]), ErrorKind::TooLarge { .. }));
}

#[test]
fn a_broken_json_line_does_not_stop_the_file() {
    let input = b"{\"id\":\"a\",\"text\":\"one\"}\n{\"id\":\"b\",\"text\":\n[1,2]\n\n{\"id\":\"c\",\"text\":\"x\",\"published\":\"not a date\"}\n{\"id\":\"d\",\"text\":\"\xff\"}\n{\"id\":\"e\",\"text\":\"five\"}";
    let r = read_bytes(
        "f.jsonl",
        input,
        Some(Format::JsonLines),
        &ReadOptions::default(),
    );
    let summary: Vec<String> = r
        .iter()
        .map(|r| match r {
            Ok(read) => format!("ok {}", read.origin),
            Err(e) => format!("err {}", e.origin),
        })
        .collect();
    assert_eq!(
        summary,
        [
            "ok f.jsonl:1",
            "err f.jsonl:2",
            "err f.jsonl:3",
            "err f.jsonl:5",
            "err f.jsonl:6",
            "ok f.jsonl:7"
        ]
    );
    assert!(r[1]
        .as_ref()
        .unwrap_err()
        .to_string()
        .starts_with("f.jsonl:2: not a JSON document:"));
    assert!(r[3].as_ref().unwrap_err().to_string().contains("published"));
    // A file of blank lines only has no documents.
    let r = read_bytes(
        "blank.jsonl",
        b"\n  \n",
        Some(Format::JsonLines),
        &ReadOptions::default(),
    );
    assert_eq!(kind_of(&r[0]), ErrorKind::Empty);
}
