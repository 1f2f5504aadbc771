//! Issue 11's catalogue: special files, symlinked folders, damaged and
//! busy databases, read commands that must not create or wait, documents
//! too long to extract, hostile queries, and inputs that must be named
//! clearly. Each case failed (or hung) before it was fixed.

use crate::{Env, Run, GOOD};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Run `cmd`, killing it if it has not ended within `limit`.
fn run_within(mut cmd: Command, limit: Duration) -> Option<Run> {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn tally");
    let started = Instant::now();
    while started.elapsed() < limit {
        if child.try_wait().expect("wait").is_some() {
            return Some(Run::of(child.wait_with_output().expect("output")));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

fn ingest(env: &Env, args: &[&Path]) -> Run {
    let mut cmd = env.tally();
    cmd.arg("ingest").args(args);
    let run = run_within(cmd, Duration::from_secs(120)).expect("ingest hung");
    run.assert_no_crash();
    run
}

fn documents(env: &Env) -> u64 {
    let run = env.run(&["stats", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(run.out.trim()).expect("stats JSON");
    v["documents"].as_u64().expect("a count")
}

#[cfg(unix)]
#[test]
fn a_fifo_in_a_folder_is_skipped_with_a_message() {
    let env = Env::new();
    env.write("in/a.txt", GOOD);
    let fifo = env.path("in/pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let run = ingest(&env, &[&env.path("in")]);
    assert_eq!(run.code, Some(2), "{run:?}");
    let lines = run.err_lines("pipe.txt");
    assert_eq!(lines.len(), 1, "{}", run.err);
    assert!(
        lines[0].contains("special file (a FIFO), skipped"),
        "{}",
        lines[0]
    );
    assert!(run.out.starts_with("1 new"), "{}", run.out);
}

#[cfg(unix)]
#[test]
fn symlinked_folders_are_followed_and_a_loop_is_named() {
    let env = Env::new();
    env.write("in/a.txt", GOOD);
    env.write("elsewhere/b.txt", "Westvale lost 4 boats near the coast.\n");
    std::os::unix::fs::symlink(env.path("elsewhere"), env.path("in/linked")).unwrap();
    std::os::unix::fs::symlink(env.path("in"), env.path("in/loop")).unwrap();
    let run = ingest(&env, &[&env.path("in")]);
    assert!(run.out.starts_with("2 new"), "{run:?}");
    let lines = run.err_lines("loop");
    assert_eq!(lines.len(), 1, "{}", run.err);
    assert!(lines[0].contains("folder already read"), "{}", lines[0]);
}

#[test]
fn inputs_that_are_not_reports_are_named_clearly() {
    let env = Env::new();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("Ten tanks.".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let a = env.write("wide.txt", utf16);
    let b = env.write(
        "odd.jsonl",
        "[\"a\", \"b\"]\n\"just a string\"\n{\"id\": \"n\", \"text\": \"ten\\u0000tanks\"}\n",
    );
    let good = env.write("good.txt", GOOD);
    let run = ingest(&env, &[&good, &a, &b]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.err_lines("wide.txt")[0].contains("UTF-16 text: convert it to UTF-8"),
        "{}",
        run.err
    );
    assert!(
        run.err_lines("odd.jsonl:1")[0].contains("a JSON array where a document object"),
        "{}",
        run.err
    );
    assert!(
        run.err_lines("odd.jsonl:2")[0].contains("a JSON string where a document object"),
        "{}",
        run.err
    );
    assert!(
        run.err_lines("odd.jsonl:3")[0].contains("NUL character"),
        "{}",
        run.err
    );
    assert!(!run.err.contains("Raw"), "{}", run.err);
    assert_eq!(documents(&env), 1);
}

/// `n` made-up reports as JSON Lines.
fn reports(n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "{{\"id\": \"r{i}\", \"text\": \"Eastmark sent {} drones to Westvale in week {i}, \
                 officials said.\"}}\n",
                i % 90 + 3
            )
        })
        .collect()
}

#[test]
fn a_damaged_database_is_refused_and_tally_check_says_what_to_do() {
    use std::io::{Seek, SeekFrom, Write};
    let env = Env::new();
    let first = env.write("first.jsonl", reports(2000));
    assert_eq!(ingest(&env, &[&first]).code, Some(0));
    assert_eq!(env.run(&["check"]).code, Some(0));
    let len = std::fs::metadata(env.db()).unwrap().len();
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .open(env.db())
        .unwrap();
    f.seek(SeekFrom::Start((len / 2) & !4095)).unwrap();
    let junk: Vec<u8> = (0..16384u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 11) as u8)
        .collect();
    f.write_all(&junk).unwrap();
    drop(f);
    let more = env.write("more.jsonl", reports(10).replace("\"r", "\"m"));
    let run = ingest(&env, &[&more]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.err.contains("damaged") && run.err.contains("tally check"),
        "{}",
        run.err
    );
    assert!(!run.out.contains("new"), "{}", run.out);
    let check = env.run(&["check"]);
    assert_eq!(check.code, Some(2), "{check:?}");
    assert!(
        check.err.contains("restore it from a backup"),
        "{}",
        check.err
    );
}

#[test]
fn read_commands_do_not_wait_on_a_writer_and_work_on_a_read_only_file() {
    let env = Env::new();
    let good = env.write("good.txt", GOOD);
    assert_eq!(ingest(&env, &[&good]).code, Some(0));
    let holder = rusqlite::Connection::open(env.db()).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    for args in [
        &["stats"][..],
        &["claims"],
        &["search", "helicopters"],
        &["docs"],
    ] {
        let started = Instant::now();
        let run = env.run(args);
        assert!(matches!(run.code, Some(0 | 1)), "{args:?}: {run:?}");
        assert!(!run.err.contains("locked"), "{args:?}: {run:?}");
        assert!(
            started.elapsed() < Duration::from_secs(8),
            "{args:?} waited on the lock"
        );
    }
    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    let mut perms = std::fs::metadata(env.db()).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(env.db(), perms).unwrap();
    assert_eq!(env.run(&["stats"]).code, Some(0));
}

#[test]
fn a_document_too_long_to_extract_fails_alone() {
    let env = Env::new();
    let big = "Eastmark sent 12 drones to Westvale, officials said. ".repeat(60_000);
    let big = env.write("big.txt", &big);
    let good = env.write("good.txt", GOOD);
    let mut cmd = env.tally();
    cmd.args(["ingest", "--max-doc-mb", "2"])
        .arg(&big)
        .arg(&good);
    let run = run_within(cmd, Duration::from_secs(120)).expect("hung");
    assert_eq!(run.code, Some(2), "{run:?}");
    let line = run.err_lines("big.txt");
    assert_eq!(line.len(), 1, "{}", run.err);
    assert!(
        line[0].contains("#c-") && line[0].ends_with("too long to extract (3.0 MB, limit 2 MB)"),
        "{}",
        line[0]
    );
    assert!(run.out.starts_with("1 new"), "{}", run.out);
    // Over the time limit: the same message shape, the rest still stored.
    let mut cmd = env.tally();
    cmd.args(["ingest", "--extract-timeout", "0.000001"])
        .arg(&big);
    let run = run_within(cmd, Duration::from_secs(120)).expect("hung");
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.err.contains("too long to extract (over "),
        "{}",
        run.err
    );
}

#[test]
fn multi_megabyte_prose_and_an_unpunctuated_run_are_extracted() {
    let env = Env::new();
    let prose = (0..40_000)
        .map(|i| {
            format!(
                "Officials in Westvale said {} drones were shot down near Town {i}, the \
                 ministry added.\n",
                i % 50 + 2
            )
        })
        .collect::<String>();
    let prose = env.write("prose.txt", prose);
    let run_on = "eastmark sent 12 drones to westvale while the ministry said ".repeat(20_000);
    let run_on = env.write("runon.txt", run_on);
    assert!(std::fs::metadata(&prose).unwrap().len() > 3_000_000);
    let mut cmd = env.tally();
    cmd.arg("ingest").arg(&prose).arg(&run_on);
    let run = run_within(cmd, Duration::from_secs(300)).expect("still running after 300 s");
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.out.starts_with("2 new"), "{}", run.out);
}

#[test]
fn a_long_repeated_search_query_is_collapsed_and_an_endless_one_refused() {
    let env = Env::new();
    let good = env.write("good.txt", GOOD);
    assert_eq!(ingest(&env, &[&good]).code, Some(0));
    // 21,000 words as 21,000 arguments (one argument may not be that long).
    let mut cmd = env.tally();
    cmd.arg("search")
        .args(std::iter::repeat_n("helicopters", 21_000));
    let run = run_within(cmd, Duration::from_secs(30)).expect("search hung");
    assert_eq!(run.code, Some(0), "{run:?}");
    let mut cmd = env.tally();
    cmd.arg("search")
        .args((0..5000).map(|i| format!("word{i}")));
    let run = run_within(cmd, Duration::from_secs(30)).expect("search hung");
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(run.err.contains("at most 32 are searched"), "{}", run.err);
}

#[test]
fn eval_refuses_a_documents_file_as_gold() {
    let env = Env::new();
    let docs = env.write("docs.jsonl", reports(3));
    let d = docs.to_str().unwrap();
    let run = env.run(&["eval", "--gold", d, "--docs", d]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.err.contains("looks like a documents file"),
        "{}",
        run.err
    );
}

#[cfg(unix)]
#[test]
fn a_full_disk_says_how_many_documents_were_committed() {
    let env = Env::new();
    let input = env.write("many.jsonl", reports(3000));
    // A file-size limit stands in for a full disk: writes past it fail
    // with EFBIG once SIGXFSZ is ignored.
    let script = format!(
        "trap '' XFSZ; ulimit -f 600 && exec \"$0\" ingest --batch 100 '{}'",
        input.display()
    );
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(script)
        .arg(assert_cmd::cargo::cargo_bin("tally"))
        .env("TALLY_DB", env.db())
        .env("XDG_CONFIG_HOME", env.path("config"))
        .env("XDG_DATA_HOME", env.path("data"));
    let run = run_within(cmd, Duration::from_secs(120)).expect("hung");
    if run.code == Some(0) {
        eprintln!("skipped: the file-size limit did not stop the writes");
        return;
    }
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.err.contains("were committed before this error"),
        "{}",
        run.err
    );
    assert!(
        run.err.contains("run the same command again"),
        "{}",
        run.err
    );
}
