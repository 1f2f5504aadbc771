//! Bad input: one clear `path: reason` line each, the rest of the run goes on,
//! nothing half-written remains.

use crate::{jsonl, Env, TRANSFER};

/// Ingest `bad` beside a good report; the good one must be stored and the
/// bad one named on stderr with a reason containing `reason`.
fn rejected(name: &str, bad: &[u8], reason: &str) {
    let env = Env::new();
    let good = env.write("in/good.txt", TRANSFER);
    let bad = env.write(&format!("in/{name}"), bad);
    let (code, out, err) = env.run(&["ingest", good.to_str().unwrap(), bad.to_str().unwrap()]);
    assert_eq!(
        code, 2,
        "a failed input makes exit code 2; stdout {out} stderr {err}"
    );
    assert!(out.contains("1 new") && out.contains("1 failed"), "{out}");
    let line = err
        .lines()
        .find(|l| l.contains(name))
        .unwrap_or_else(|| panic!("no line names {name}: {err}"));
    assert!(
        line.to_lowercase().contains(reason),
        "{line:?} should say {reason:?}"
    );
    assert!(!err.contains("panicked"), "{err}");
    let (_, docs, _) = env.run(&["docs", "--format", "jsonl"]);
    assert_eq!(jsonl(&docs).len(), 1);
}

#[test]
fn binary_file() {
    rejected("photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0", "binary");
}

#[test]
fn invalid_utf8() {
    rejected("latin1.txt", b"Caf\xe9 au lait and 12 tanks.\n", "utf-8");
}

#[test]
fn empty_file() {
    rejected("empty.txt", b"", "empty");
}

#[test]
fn unsupported_type() {
    rejected(
        "sheet.xlsx",
        b"PK\x03\x04 not really a spreadsheet",
        "unsupported",
    );
}

#[test]
fn broken_feed() {
    rejected(
        "broken.rss",
        b"<?xml version=\"1.0\"?><rss><channel><title>x</title><item><title>unclosed",
        "feed",
    );
}

#[test]
fn entity_expansion_feed_is_not_expanded() {
    let bomb = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>Bomb</title><item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>"#;
    let env = Env::new();
    let f = env.write("bomb.xml", bomb);
    let (code, _, err) = env.run(&["ingest", f.to_str().unwrap()]);
    assert!(!err.contains("panicked"), "{err}");
    // Either refused, or stored without the expansion: never a billion laughs.
    if code == 0 {
        let (_, out, _) = env.run(&["export", "--what", "docs", "--format", "jsonl"]);
        assert!(
            out.len() < 100_000,
            "entities were expanded: {} bytes",
            out.len()
        );
    } else {
        assert_eq!(code, 2);
        assert!(err.contains("bomb.xml"), "{err}");
    }
}

#[test]
fn broken_html_does_not_panic() {
    let env = Env::new();
    let f = env.write("broken.html", "<html><body><div><p>Unclosed <b>tags <i>everywhere<p>and 40 tanks were sent</div></table></body>");
    let (code, _, err) = env.run(&["ingest", f.to_str().unwrap()]);
    assert!(code == 0 || code == 2, "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn missing_path() {
    let env = Env::new();
    let good = env.write("good.txt", TRANSFER);
    let (code, out, err) = env.run(&["ingest", good.to_str().unwrap(), "/definitely/not/here.txt"]);
    assert_eq!(code, 2);
    assert!(out.contains("1 new"), "{out}");
    assert!(err.contains("/definitely/not/here.txt"), "{err}");
}

#[test]
fn one_broken_json_line_among_good_ones() {
    let env = Env::new();
    let f = env.write(
        "d.jsonl",
        "{\"id\": \"a\", \"text\": \"First.\"}\n{\"id\": \"b\", \"text\": \nthis is not json\n{\"id\": \"c\", \"text\": \"Third.\"}\n",
    );
    let (code, out, err) = env.run(&["ingest", f.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(out.contains("2 new"), "{out}");
    assert!(
        err.contains("d.jsonl:2"),
        "the failure names its line: {err}"
    );
}

#[test]
fn empty_stdin_is_reported() {
    let env = Env::new();
    let out = env
        .tally()
        .args(["ingest", "-"])
        .write_stdin("")
        .output()
        .unwrap();
    assert_ne!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("<stdin>"), "{err}");
}

#[test]
fn oversized_file() {
    let env = Env::new();
    let good = env.write("good.txt", TRANSFER);
    let big = env.path("big.txt");
    let f = std::fs::File::create(&big).unwrap();
    // Sparse: costs no disk, but its size is over the limit.
    f.set_len(tally_ingest::Limits::default().max_file_bytes + 1)
        .unwrap();
    let (code, out, err) = env.run(&["ingest", good.to_str().unwrap(), big.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(out.contains("1 new"), "{out}");
    let line = err
        .lines()
        .find(|l| l.contains("big.txt"))
        .expect("big.txt named");
    assert!(line.contains("limit") || line.contains("large"), "{line}");
}
