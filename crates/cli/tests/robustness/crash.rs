//! Crash safety: `tally ingest` killed with SIGKILL at random moments never
//! leaves a database that is corrupt, half a batch, a document with other
//! claims than a clean run gives it, or claims without their document; and
//! a later run finishes the job.

use crate::check::{self, Counts};
use crate::rng::Rng;
use crate::{corpus, sorted_lines, Env, Run};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

const BATCH: usize = 50;
/// Fresh databases, each killed `KILLS_PER_ROUND` times in a row: kills in
/// early rounds land on writes of new documents, not only on re-reads.
const ROUNDS: usize = 5;
const KILLS_PER_ROUND: usize = 5;

fn ingest_args(inputs: &[PathBuf], quiet: bool) -> Vec<String> {
    let mut args = vec!["ingest".to_string()];
    args.extend(inputs.iter().map(|p| p.display().to_string()));
    args.extend(["--batch".to_string(), BATCH.to_string()]);
    if quiet {
        args.push("--quiet".into());
    }
    args
}

fn export(env: &Env, db: &Path, what: &str) -> Vec<String> {
    let run = Run::of(
        env.tally_on(db)
            .args(["export", "--what", what, "--format", "jsonl"])
            .output()
            .expect("run tally export"),
    );
    // 1 is "nothing to export", when the extractor finds no claim.
    assert!(matches!(run.code, Some(0 | 1)), "export {what}: {run:?}");
    sorted_lines(&run.out)
}

/// Start an ingest, SIGKILL it after `delay`, and check the database.
/// Returns whether the kill landed (rather than the run finishing first).
fn kill_and_check(
    env: &Env,
    db: &Path,
    args: &[String],
    delay: Duration,
    clean: &Counts,
    when: &str,
) -> bool {
    let mut child = env
        .tally_on(db)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start tally ingest");
    std::thread::sleep(delay);
    // `Child::kill` is SIGKILL on Unix; it fails only if the child was
    // already reaped, which `wait` below has not done yet.
    child.kill().expect("send SIGKILL");
    let status = child.wait().expect("wait for tally");
    let killed = status.code().is_none();
    if !killed {
        assert_eq!(status.code(), Some(0), "{when}: a run that finished failed");
    }
    if db.exists() {
        let conn = check::open(db);
        check::assert_sound(&conn, when);
        check::assert_batch_prefix(&check::counts(&conn), clean, BATCH, when);
    }
    killed
}

#[test]
fn sigkill_at_random_moments_never_breaks_the_database() {
    let env = Env::new();
    let total = corpus::write(env.dir.path(), 0x007a_11e5, 3_000, 200);
    let inputs = [env.path("reports.jsonl"), env.path("notes")];

    // A clean run: what every document's claims must be.
    let clean_db = env.path("clean.db");
    let started = Instant::now();
    let run = Run::of(
        env.tally_on(&clean_db)
            .args(ingest_args(&inputs, false))
            .output()
            .expect("run tally ingest"),
    );
    let clean_time = started.elapsed();
    assert_eq!(run.code, Some(0), "{}", run.err);
    assert!(
        run.out.starts_with(&format!(
            "{total} new, 0 already present, 0 updated, 0 failed;"
        )),
        "{}",
        run.out
    );
    let clean = check::counts(&check::open(&clean_db));
    assert_eq!(clean.len(), total);
    let clean_claims: i64 = clean.iter().map(|(_, n)| n).sum();
    assert!(
        run.out
            .ends_with(&format!("; {clean_claims} claims written\n")),
        "{}",
        run.out
    );

    let quiet = ingest_args(&inputs, true);
    let window = (clean_time.as_micros() as u64).max(1_000);
    let mut rng = Rng::new(0x5eed_0fc0_ffee);
    let mut killed = 0;
    let mut db = PathBuf::new();
    for round in 0..ROUNDS {
        db = env.path(&format!("killed-{round}.db"));
        for k in 0..KILLS_PER_ROUND {
            let delay = Duration::from_micros(rng.range(0, window));
            let when = format!("round {round}, kill {k} after {delay:?}");
            killed += usize::from(kill_and_check(&env, &db, &quiet, delay, &clean, &when));
        }
    }
    eprintln!(
        "crash: {killed} of {} runs killed mid-way (clean run {clean_time:?})",
        ROUNDS * KILLS_PER_ROUND
    );
    assert!(killed > 0, "no kill landed before its run ended");

    // A run without a kill completes what the killed ones began.
    let before = if db.exists() {
        check::counts(&check::open(&db))
    } else {
        Vec::new()
    };
    let rest = total - before.len();
    let rest_claims: i64 = clean[before.len()..].iter().map(|(_, n)| n).sum();
    let run = Run::of(
        env.tally_on(&db)
            .args(ingest_args(&inputs, false))
            .output()
            .expect("run tally ingest"),
    );
    assert_eq!(run.code, Some(0), "{}", run.err);
    assert_eq!(
        run.out,
        format!(
            "{rest} new, {} already present, 0 updated, 0 failed; {rest_claims} claims written\n",
            before.len()
        )
    );
    let conn = check::open(&db);
    check::assert_sound(&conn, "after the final run");
    assert_eq!(check::counts(&conn), clean, "documents and claim counts");
    drop(conn);
    assert_eq!(
        export(&env, &db, "claims"),
        export(&env, &clean_db, "claims")
    );
    assert_eq!(export(&env, &db, "docs"), export(&env, &clean_db, "docs"));
}
