//! The bad-input catalogue: each hostile or broken input gets one clear
//! error line naming it (or, where it is legitimately readable, is stored
//! correctly), the run goes on with the other inputs, nothing panics or
//! crashes, and the exit code is as documented (2 when any input failed).

use crate::{Env, Run, GOOD};
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

/// Ingest `GOOD` and then `bad`; one good document must be stored.
fn beside_good(env: &Env, bad: &[&Path]) -> Run {
    let good = env.write("good.txt", GOOD);
    let mut args = vec!["ingest".to_string(), good.display().to_string()];
    args.extend(bad.iter().map(|p| p.display().to_string()));
    let run = Run::of(env.tally().args(&args).output().expect("run tally"));
    run.assert_no_crash();
    run
}

/// Exactly one stderr line names `name`, and it says `reason`.
fn one_error_line(run: &Run, name: &str, reason: &str) {
    let lines = run.err_lines(name);
    assert_eq!(lines.len(), 1, "one line naming {name}: {}", run.err);
    assert!(
        lines[0].to_lowercase().contains(reason),
        "{:?} should say {reason:?}",
        lines[0]
    );
}

fn stored_docs(env: &Env) -> Vec<serde_json::Value> {
    let run = env.run(&["export", "--what", "docs", "--format", "jsonl"]);
    run.out
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("export is JSON Lines"))
        .collect()
}

#[test]
fn small_broken_files_are_named_and_skipped() {
    let env = Env::new();
    let cases: &[(&str, &[u8], &str)] = &[
        (
            "scan.txt",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10",
            "binary",
        ),
        ("cp1252.txt", b"Forty \x93new\x94 tanks arrived.\n", "utf-8"),
        ("blank.txt", b"", "empty"),
        ("spaces.md", b"  \n\n\t\n", "empty"),
        (
            "notext.jsonl",
            b"{\"id\": \"nt\", \"text\": \"\"}\n",
            "no text",
        ),
    ];
    let paths: Vec<_> = cases.iter().map(|(n, b, _)| env.write(n, b)).collect();
    let refs: Vec<&Path> = paths.iter().map(|p| p.as_path()).collect();
    let run = beside_good(&env, &refs);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert_eq!(
        run.out,
        format!(
            "1 new, 0 already present, 0 updated, {} failed; ",
            cases.len()
        ) + run.out.split("; ").nth(1).unwrap_or("?"),
    );
    for (name, _, reason) in cases {
        one_error_line(&run, name, reason);
    }
    // The JSON line is named with its line number.
    one_error_line(&run, "notext.jsonl:1", "no text");
    assert_eq!(stored_docs(&env).len(), 1);
}

#[test]
fn a_broken_json_line_is_named_by_line_and_the_rest_is_stored() {
    let env = Env::new();
    let f = env.write(
        "mixed.jsonl",
        "{\"id\": \"m1\", \"text\": \"Lowfen received 30 trucks.\"}\n\
         {\"id\": \"m2\", \"text\": \"cut off here\n\
         \n\
         {\"id\": \"m3\", \"text\": \"Highmoor lost 4 boats.\"}\n\
         [1, 2, 3]\n",
    );
    let run = beside_good(&env, &[&f]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.out
            .starts_with("3 new, 0 already present, 0 updated, 2 failed;"),
        "{}",
        run.out
    );
    one_error_line(&run, "mixed.jsonl:2", "json");
    one_error_line(&run, "mixed.jsonl:5", "json");
    let ids: Vec<String> = stored_docs(&env)
        .iter()
        .filter_map(|d| d["id"].as_str().map(str::to_string))
        .filter(|id| id.starts_with('m'))
        .collect();
    assert_eq!(ids, ["m1", "m3"]);
}

#[test]
fn empty_standard_input_is_one_error() {
    let env = Env::new();
    let out = env
        .tally()
        .args(["ingest", "-"])
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run tally");
    let run = Run::of(out);
    run.assert_no_crash();
    assert_eq!(run.code, Some(2), "{run:?}");
    one_error_line(&run, "<stdin>", "empty");
    assert!(
        run.out
            .starts_with("0 new, 0 already present, 0 updated, 1 failed;"),
        "{}",
        run.out
    );
}

#[test]
fn duplicates_are_stored_once() {
    for batch in ["1", "256"] {
        let env = Env::new();
        let line = "{\"id\": \"dup-1\", \"text\": \"Westvale sent 8 patrol boats to Lowfen.\"}\n";
        let twice = env.write("twice.jsonl", line.repeat(2));
        let run = Run::of(
            env.tally()
                .args(["ingest", twice.to_str().unwrap(), "--batch", batch])
                .output()
                .expect("run tally"),
        );
        run.assert_no_crash();
        assert_eq!(run.code, Some(0), "{run:?}");
        assert!(
            run.out
                .starts_with("1 new, 1 already present, 0 updated, 0 failed;"),
            "batch {batch}: {}",
            run.out
        );

        let note = env.write("note.txt", GOOD);
        let n = note.to_str().unwrap();
        let run = Run::of(
            env.tally()
                .args(["ingest", n, n, "--batch", batch])
                .output()
                .expect("run tally"),
        );
        run.assert_no_crash();
        assert_eq!(run.code, Some(0), "{run:?}");
        assert!(
            run.out
                .starts_with("1 new, 1 already present, 0 updated, 0 failed;"),
            "batch {batch}: {}",
            run.out
        );
        assert_eq!(stored_docs(&env).len(), 2, "batch {batch}");
    }
}

/// Run `tally ingest ARGS` under `/usr/bin/time -v` and return the run and
/// its peak resident set in KiB, or `None` (with the reason printed) when
/// GNU time is not there.
fn with_peak_rss(env: &Env, args: &[&str]) -> (Run, Option<u64>) {
    let report = env.path("time.txt");
    let report_s = report.display().to_string();
    let time = Path::new("/usr/bin/time");
    let usable = time.exists()
        && std::process::Command::new(time)
            .args(["-v", "-o", &report_s, "true"])
            .output()
            .is_ok_and(|o| o.status.success());
    if !usable {
        eprintln!("skipping the memory assertion: no GNU /usr/bin/time -v here");
        let run = Run::of(env.tally().args(args).output().expect("run tally"));
        return (run, None);
    }
    let wrapper = ["/usr/bin/time", "-v", "-o", report_s.as_str()];
    let out = env
        .tally_via(Some(&wrapper), &env.db())
        .args(args)
        .output()
        .expect("run tally under time");
    let peak = std::fs::read_to_string(&report).ok().and_then(|s| {
        s.lines()
            .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
            .and_then(|v| v.trim().parse().ok())
    });
    (Run::of(out), peak)
}

/// The peak memory of ingesting just the good report, for comparison.
fn baseline_rss(env: &Env) -> Option<u64> {
    let good = env.write("baseline.txt", GOOD);
    let base = Env::new();
    let (_, peak) = with_peak_rss(&base, &["ingest", good.to_str().unwrap()]);
    peak
}

const MIB: u64 = 1024 * 1024;

#[test]
fn a_hundred_megabyte_text_file_is_refused_without_reading() {
    let env = Env::new();
    let big = env.path("huge.txt");
    let f = std::fs::File::create(&big).expect("create");
    f.set_len(100 * MIB).expect("sparse file");
    let good = env.write("good.txt", GOOD);
    let started = Instant::now();
    let (run, peak) = with_peak_rss(
        &env,
        &["ingest", good.to_str().unwrap(), big.to_str().unwrap()],
    );
    run.assert_no_crash();
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.out
            .starts_with("1 new, 0 already present, 0 updated, 1 failed;"),
        "{}",
        run.out
    );
    one_error_line(&run, "huge.txt", "over the limit");
    assert!(started.elapsed() < Duration::from_secs(20));
    if let (Some(peak), Some(base)) = (peak, baseline_rss(&env)) {
        assert!(
            peak < base + 16 * 1024,
            "peak {peak} KiB, baseline {base} KiB: it was read"
        );
    }
}

#[test]
fn a_hundred_megabyte_json_line_is_skipped_in_bounded_memory() {
    let env = Env::new();
    let path = env.path("stream.jsonl");
    {
        let f = std::fs::File::create(&path).expect("create");
        let mut w = std::io::BufWriter::new(f);
        writeln!(
            w,
            "{{\"id\": \"before\", \"text\": \"Eastmark bought 6 radars.\"}}"
        )
        .unwrap();
        write!(w, "{{\"id\": \"giant\", \"text\": \"").unwrap();
        let chunk = "Twenty tanks. ".repeat(4_681); // 65,534 bytes
        let mut written = 0u64;
        while written < 100 * MIB {
            w.write_all(chunk.as_bytes()).unwrap();
            written += chunk.len() as u64;
        }
        writeln!(w, "\"}}").unwrap();
        writeln!(
            w,
            "{{\"id\": \"after\", \"text\": \"Southland built 9 bridges.\"}}"
        )
        .unwrap();
        w.flush().unwrap();
    }
    let (run, peak) = with_peak_rss(&env, &["ingest", path.to_str().unwrap()]);
    std::fs::remove_file(&path).ok();
    run.assert_no_crash();
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.out
            .starts_with("2 new, 0 already present, 0 updated, 1 failed;"),
        "{}",
        run.out
    );
    one_error_line(&run, "stream.jsonl:2", "longer than");
    let ids: Vec<String> = stored_docs(&env)
        .iter()
        .filter_map(|d| d["id"].as_str().map(str::to_string))
        .collect();
    assert_eq!(ids.len(), 2);
    assert!(
        ids.iter().all(|id| id == "before" || id == "after"),
        "{ids:?}"
    );
    if let (Some(peak), Some(base)) = (peak, baseline_rss(&env)) {
        // At most the 16 MiB line cap (and one growth of its buffer).
        eprintln!("100 MB line: peak {peak} KiB, baseline {base} KiB");
        assert!(
            peak < base + 40 * 1024,
            "peak {peak} KiB, baseline {base} KiB"
        );
    }
}

const LAUGHS: &str = r#"<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY h "ha">
 <!ENTITY h1 "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
 <!ENTITY h2 "&h1;&h1;&h1;&h1;&h1;&h1;&h1;&h1;&h1;&h1;">
 <!ENTITY h3 "&h2;&h2;&h2;&h2;&h2;&h2;&h2;&h2;&h2;&h2;">
 <!ENTITY h4 "&h3;&h3;&h3;&h3;&h3;&h3;&h3;&h3;&h3;&h3;">
 <!ENTITY h5 "&h4;&h4;&h4;&h4;&h4;&h4;&h4;&h4;&h4;&h4;">
 <!ENTITY h6 "&h5;&h5;&h5;&h5;&h5;&h5;&h5;&h5;&h5;&h5;">
 <!ENTITY h7 "&h6;&h6;&h6;&h6;&h6;&h6;&h6;&h6;&h6;&h6;">
 <!ENTITY h8 "&h7;&h7;&h7;&h7;&h7;&h7;&h7;&h7;&h7;&h7;">
 <!ENTITY h9 "&h8;&h8;&h8;&h8;&h8;&h8;&h8;&h8;&h8;&h8;">
]>
<rss version="2.0"><channel><title>&h9;</title>
<item><title>&h9;</title><link>https://laughs.example/1</link><description>Lowfen sent 5 tugs. &h9;</description></item>
</channel></rss>"#;

#[test]
fn a_billion_laughs_feed_is_not_expanded() {
    let env = Env::new();
    let f = env.write("laughs.xml", LAUGHS);
    let started = Instant::now();
    let run = beside_good(&env, &[&f]);
    assert!(started.elapsed() < Duration::from_secs(20));
    assert!(matches!(run.code, Some(0 | 2)), "{run:?}");
    if run.code == Some(2) {
        one_error_line(&run, "laughs.xml", "feed");
    }
    let size: usize = stored_docs(&env).iter().map(|d| d.to_string().len()).sum();
    assert!(size < 10_000, "entities were expanded: {size} bytes stored");
    let db = std::fs::metadata(env.db()).map(|m| m.len()).unwrap_or(0);
    assert!(db < 10 * MIB, "the database grew to {db} bytes");
}

/// The bytes of the database and its write-ahead log.
fn db_bytes(env: &Env) -> Vec<u8> {
    let mut all = std::fs::read(env.db()).unwrap_or_default();
    all.extend(std::fs::read(env.path("tally.db-wal")).unwrap_or_default());
    all
}

#[test]
fn an_external_entity_is_never_fetched() {
    let env = Env::new();
    let secret = env.write("secret.txt", "TOPSECRET-7f3a-marker-line\n");
    let mut leaks = vec![b"TOPSECRET-7f3a".to_vec()];
    if let Ok(passwd) = std::fs::read_to_string("/etc/passwd") {
        leaks.extend(
            passwd
                .lines()
                .filter(|l| l.len() >= 12)
                .map(|l| l.as_bytes().to_vec()),
        );
    }
    for (name, target) in [
        ("xxe-passwd.rss", "file:///etc/passwd".to_string()),
        ("xxe-local.rss", format!("file://{}", secret.display())),
    ] {
        let feed = format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM \"{target}\">]>\n\
             <rss version=\"2.0\"><channel><title>Leak &x;</title><item><title>T &x;</title>\
             <link>https://xxe.example/{name}</link>\
             <description>Highmoor moved 40 guns. &x;</description></item></channel></rss>"
        );
        let f = env.write(name, feed);
        let run = beside_good(&env, &[&f]);
        assert!(matches!(run.code, Some(0 | 2)), "{run:?}");
        if run.code == Some(2) {
            one_error_line(&run, name, "feed");
        }
        for leak in &leaks {
            assert!(
                !run.out
                    .as_bytes()
                    .windows(leak.len())
                    .any(|w| w == leak.as_slice()),
                "{name}: leaked into stdout"
            );
        }
    }
    let exported = env
        .run(&["export", "--what", "docs", "--format", "jsonl"])
        .out;
    let db = db_bytes(&env);
    for leak in &leaks {
        let text = String::from_utf8_lossy(leak);
        assert!(
            !exported.contains(text.as_ref()),
            "leaked into the documents: {text}"
        );
        assert!(
            !db.windows(leak.len()).any(|w| w == leak.as_slice()),
            "leaked into the database file: {text}"
        );
    }
}

/// A page, and its name, that must be read (or refused) quickly: deep
/// nesting once cost minutes and can overflow a recursive walk's stack.
fn deep_pages() -> Vec<(&'static str, String)> {
    let n = 100_000;
    let wrap = |open: &str, close: &str| {
        format!(
            "<html><body>{}<p>Lowfen lost 3 ferries.</p>{}</body></html>",
            open.repeat(n),
            close.repeat(n)
        )
    };
    vec![
        ("divs.html", wrap("<div>", "</div>")),
        ("unclosed.html", wrap("<div>", "")),
        ("stray-ends.html", wrap("<div></i>", "")),
        ("self-closed.html", wrap("<div/>", "")),
        ("hidden-ends.html", wrap("<div><!--</div>-->", "")),
        ("misnested.html", wrap("<b><div></b>", "")),
        ("tables.html", wrap("<table><tr><td>", "")),
        ("lists.html", wrap("<li><ul></li>", "")),
    ]
}

#[test]
fn deeply_nested_html_is_quick_and_never_crashes() {
    let env = Env::new();
    let pages = deep_pages();
    let paths: Vec<_> = pages.iter().map(|(n, html)| env.write(n, html)).collect();
    for (path, (name, _)) in paths.iter().zip(&pages) {
        let started = Instant::now();
        let run = beside_good(&env, &[path]);
        let took = started.elapsed();
        assert!(took < Duration::from_secs(15), "{name} took {took:?}");
        assert_eq!(run.code, Some(0), "{name}: {run:?}");
        assert!(
            run.out.contains(" updated, 0 failed;"),
            "{name}: {}",
            run.out
        );
    }
    // Each page's words are stored.
    let docs = stored_docs(&env);
    let texts: Vec<&str> = docs.iter().filter_map(|d| d["text"].as_str()).collect();
    let pages: Vec<&&str> = texts.iter().filter(|t| !t.contains("Eastmark")).collect();
    assert!(!pages.is_empty(), "no page stored");
    for t in pages {
        let head: String = t.chars().take(120).collect();
        assert_eq!(
            t.trim(),
            "Lowfen lost 3 ferries.",
            "markup left in the text: {head:?}"
        );
    }
}

#[test]
fn a_deeply_nested_feed_item_is_quick() {
    let env = Env::new();
    let body = format!(
        "{}Eastmark lost 7 drones.",
        "&lt;div&gt;&lt;/i&gt;".repeat(100_000)
    );
    let feed = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Deep</title><item>\
         <title>Deep</title><link>https://deep.example/1</link><description>{body}</description>\
         </item></channel></rss>"
    );
    let f = env.write("deep.rss", feed);
    let started = Instant::now();
    let run = beside_good(&env, &[&f]);
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.out.starts_with("2 new"), "{}", run.out);
}
