//! The whole-pipeline measurement behind `tally-bench run`: the lexicon
//! floor, per-stage passes, extraction on one and on all threads, ingest by
//! the real `tally` binary at several corpus sizes (time and peak resident
//! memory of the child), and optionally the spaCy peer, all in one command
//! so that the ratios survive a noisy machine.

use crate::corpus::Generator;
use crate::patterns::patterns;
use crate::BenchError;
use rayon::prelude::*;
use serde::Deserialize;
use std::hint::black_box;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use tally_core::{Document, Extractor};
use tally_extract::Pipeline;
use tally_lexicon::Lexicon;
use tally_time::Anchor;

/// What `tally-bench run` measures.
#[derive(Clone, Debug)]
pub struct RunOptions {
    /// Documents for the in-process measurements.
    pub docs: usize,
    pub seed: u64,
    /// Each in-process pass runs this many times; the fastest counts.
    pub reps: usize,
    /// Corpus sizes for the ingest runs (empty: no ingest).
    pub ingest_sizes: Vec<usize>,
    /// The `tally` release binary.
    pub tally: PathBuf,
    /// The peer's Python interpreter; `None` skips the peer.
    pub peer_python: Option<PathBuf>,
    pub peer_script: PathBuf,
    /// Documents given to the peer (a prefix of the same corpus).
    pub peer_docs: usize,
}

/// One line of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub name: String,
    pub threads: usize,
    pub docs: usize,
    pub bytes: usize,
    pub secs: f64,
    /// Peak resident set of a child process, KiB.
    pub peak_rss_kib: Option<u64>,
}

impl Row {
    pub fn mb_per_s(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.secs.max(1e-9)
    }

    pub fn docs_per_s(&self) -> f64 {
        self.docs as f64 / self.secs.max(1e-9)
    }
}

/// The fastest of `reps` runs of `f` over `docs`.
fn best<F: FnMut() -> usize>(reps: usize, mut f: F) -> Duration {
    let mut best = Duration::MAX;
    for _ in 0..reps.max(1) {
        let t = Instant::now();
        black_box(f());
        best = best.min(t.elapsed());
    }
    best
}

/// Run every measurement and return the rows, in table order.
pub fn run(opts: &RunOptions) -> Result<Vec<Row>, BenchError> {
    let lex = Lexicon::builtin().map_err(|e| BenchError::Lexicon(e.to_string()))?;
    let pipeline = Pipeline::builtin().map_err(|e| BenchError::Lexicon(e.to_string()))?;
    let generator = Generator::new(&lex)?;
    let docs: Vec<Document> = generator
        .corpus(opts.seed, opts.docs)
        .map(|g| g.doc)
        .collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let all = rayon::current_num_threads();
    let row = |name: &str, threads: usize, d: Duration| Row {
        name: name.to_string(),
        threads,
        docs: docs.len(),
        bytes,
        secs: d.as_secs_f64(),
        peak_rss_kib: None,
    };
    let reps = opts.reps;
    let mut rows = vec![
        row(
            "floor: Lexicon::find",
            1,
            best(reps, || docs.iter().map(|d| lex.find(&d.text).len()).sum()),
        ),
        row(
            "segment",
            1,
            best(reps, || {
                docs.iter()
                    .map(|d| tally_extract::segment::segment(&d.text).len())
                    .sum()
            }),
        ),
        row(
            "find_figures",
            1,
            best(reps, || {
                docs.iter()
                    .map(|d| tally_figures::find_figures(&d.text).len())
                    .sum()
            }),
        ),
        row(
            "find_times",
            1,
            best(reps, || {
                docs.iter()
                    .map(|d| {
                        let anchor = Anchor {
                            published: d.published,
                            future: false,
                        };
                        tally_time::find_times(&d.text, anchor).len()
                    })
                    .sum()
            }),
        ),
        row(
            "extraction (Pipeline)",
            1,
            best(reps, || {
                docs.iter().map(|d| pipeline.extract(d).len()).sum()
            }),
        ),
        row(
            "extraction (Pipeline, rayon)",
            all,
            best(reps, || {
                docs.par_iter().map(|d| pipeline.extract(d).len()).sum()
            }),
        ),
    ];
    let dir = tempfile::tempdir().map_err(|e| BenchError::io(std::env::temp_dir(), e))?;
    if let Some(python) = &opts.peer_python {
        rows.push(peer(opts, python, &lex, &docs, dir.path())?);
    }
    for &n in &opts.ingest_sizes {
        rows.push(ingest(opts, &generator, n, dir.path())?);
    }
    Ok(rows)
}

/// Write documents `0..n` of the corpus as JSON Lines; returns the text bytes.
pub fn write_corpus(
    generator: &Generator,
    seed: u64,
    n: usize,
    path: &Path,
) -> Result<usize, BenchError> {
    let file = std::fs::File::create(path).map_err(|e| BenchError::io(path, e))?;
    let mut out = BufWriter::new(file);
    let mut bytes = 0;
    for g in generator.corpus(seed, n) {
        bytes += g.doc.text.len();
        write_json_line(&mut out, &g.doc, path)?;
    }
    out.flush().map_err(|e| BenchError::io(path, e))?;
    Ok(bytes)
}

pub(crate) fn write_json_line<W: Write, T: serde::Serialize>(
    out: &mut W,
    value: &T,
    path: &Path,
) -> Result<(), BenchError> {
    serde_json::to_writer(&mut *out, value)
        .map_err(|e| BenchError::io(path, std::io::Error::other(e)))?;
    out.write_all(b"\n").map_err(|e| BenchError::io(path, e))
}

/// `tally ingest` over a fresh database, timed, with the child's peak RSS.
fn ingest(
    opts: &RunOptions,
    generator: &Generator,
    n: usize,
    dir: &Path,
) -> Result<Row, BenchError> {
    if !opts.tally.is_file() {
        return Err(BenchError::Child(format!(
            "{} not found: build it with `cargo build --release -p tally-cli`",
            opts.tally.display()
        )));
    }
    let input = dir.join(format!("ingest-{n}.jsonl"));
    let db = dir.join(format!("ingest-{n}.db"));
    let bytes = write_corpus(generator, opts.seed, n, &input)?;
    let mut cmd = Command::new(&opts.tally);
    cmd.arg("ingest")
        .arg(&input)
        .arg("--db")
        .arg(&db)
        .arg("--quiet")
        .stdin(Stdio::null())
        .stdout(Stdio::null());
    let (secs, rss) = timed_child(&mut cmd)?;
    // The inputs are large; drop them as soon as they are measured.
    let _ = std::fs::remove_file(&input);
    let _ = std::fs::remove_file(&db);
    Ok(Row {
        name: format!("ingest: tally ingest ({n} docs)"),
        threads: rayon::current_num_threads(),
        docs: n,
        bytes,
        secs,
        peak_rss_kib: Some(rss),
    })
}

/// Run `cmd` to completion: wall seconds and the child's peak RSS (KiB).
///
/// The child is reaped with `wait4`, whose resource usage is the same
/// accounting `getrusage(RUSAGE_CHILDREN)` sums, but for this child alone:
/// runs at two corpus sizes then report two independent peaks.
pub fn timed_child(cmd: &mut Command) -> Result<(f64, u64), BenchError> {
    let start = Instant::now();
    let child = cmd
        .spawn()
        .map_err(|e| BenchError::Child(format!("{cmd:?}: {e}")))?;
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: rusage is plain old data; zeroed is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: pid is our own un-reaped child (std never waited on it);
        // status and usage point to live locals.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == pid {
            break;
        }
        let err = std::io::Error::last_os_error();
        if err.kind() != std::io::ErrorKind::Interrupted {
            return Err(BenchError::Child(format!("waiting for {cmd:?}: {err}")));
        }
    }
    let secs = start.elapsed().as_secs_f64();
    drop(child);
    if !(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0) {
        return Err(BenchError::Child(format!(
            "{cmd:?} failed (wait status {status})"
        )));
    }
    Ok((secs, usage.ru_maxrss.max(0) as u64))
}

/// What the peer script prints (one JSON object on its last line).
#[derive(Debug, Deserialize)]
struct PeerReport {
    docs: usize,
    bytes: usize,
    secs: f64,
}

/// The spaCy peer over a prefix of the same documents, on one core.
fn peer(
    opts: &RunOptions,
    python: &Path,
    lex: &Lexicon,
    docs: &[Document],
    dir: &Path,
) -> Result<Row, BenchError> {
    let docs_path = dir.join("peer-docs.jsonl");
    let pats_path = dir.join("patterns.jsonl");
    let mut out = BufWriter::new(
        std::fs::File::create(&docs_path).map_err(|e| BenchError::io(&docs_path, e))?,
    );
    for d in docs.iter().take(opts.peer_docs) {
        write_json_line(&mut out, d, &docs_path)?;
    }
    out.flush().map_err(|e| BenchError::io(&docs_path, e))?;
    drop(out);
    write_patterns(lex, &pats_path)?;
    let output = Command::new(python)
        .arg(&opts.peer_script)
        .arg("--docs")
        .arg(&docs_path)
        .arg("--patterns")
        .arg(&pats_path)
        .arg("--json")
        .env("OMP_NUM_THREADS", "1")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| BenchError::Child(format!("{}: {e}", python.display())))?;
    if !output.status.success() {
        return Err(BenchError::Child(format!(
            "peer failed: {}",
            String::from_utf8_lossy(&output.stderr)
        )));
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let last = stdout.lines().last().unwrap_or_default();
    let r: PeerReport = serde_json::from_str(last)
        .map_err(|e| BenchError::Child(format!("peer printed {last:?}: {e}")))?;
    Ok(Row {
        name: "peer: spaCy blank+sentencizer+EntityRuler+Matcher".into(),
        threads: 1,
        docs: r.docs,
        bytes: r.bytes,
        secs: r.secs,
        peak_rss_kib: None,
    })
}

/// Every lexicon pattern as JSON Lines.
pub fn write_patterns(lex: &Lexicon, path: &Path) -> Result<usize, BenchError> {
    let file = std::fs::File::create(path).map_err(|e| BenchError::io(path, e))?;
    let mut out = BufWriter::new(file);
    let pats = patterns(lex);
    for p in &pats {
        write_json_line(&mut out, p, path)?;
    }
    out.flush().map_err(|e| BenchError::io(path, e))?;
    Ok(pats.len())
}

/// The table as Markdown, with the ratios the targets are stated in.
pub fn table(rows: &[Row]) -> String {
    let mut s = String::from(
        "| measurement | threads | docs | MB | seconds | MB/s | docs/s | peak RSS MiB |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for r in rows {
        let rss = r
            .peak_rss_kib
            .map_or("".to_string(), |k| format!("{:.0}", k as f64 / 1024.0));
        s.push_str(&format!(
            "| {} | {} | {} | {:.1} | {:.3} | {:.1} | {:.0} | {} |\n",
            r.name,
            r.threads,
            r.docs,
            r.bytes as f64 / 1e6,
            r.secs,
            r.mb_per_s(),
            r.docs_per_s(),
            rss
        ));
    }
    let find = |p: &str| rows.iter().find(|r| r.name.starts_with(p));
    let one = rows
        .iter()
        .find(|r| r.name == "extraction (Pipeline)")
        .map(Row::mb_per_s);
    s.push('\n');
    if let (Some(floor), Some(one)) = (find("floor").map(Row::mb_per_s), one) {
        s.push_str(&format!(
            "extraction / floor: extraction takes {:.1}x the time of one Lexicon::find pass (target: within 10x)\n",
            floor / one.max(1e-9)
        ));
    }
    if let (Some(peer), Some(one)) = (find("peer").map(Row::mb_per_s), one) {
        s.push_str(&format!(
            "extraction / peer: {:.1}x the spaCy pipeline's MB/s per core (target: at least 50x)\n",
            one / peer.max(1e-9)
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timed_child_reports_time_and_memory() {
        let (secs, rss) = timed_child(Command::new("true").stdout(Stdio::null())).unwrap();
        assert!(secs >= 0.0);
        assert!(rss > 0);
        assert!(timed_child(&mut Command::new("false")).is_err());
        assert!(timed_child(&mut Command::new("/nonexistent/tally")).is_err());
    }

    #[test]
    fn table_states_the_ratios() {
        let r = |name: &str, secs| Row {
            name: name.into(),
            threads: 1,
            docs: 10,
            bytes: 10_000_000,
            secs,
            peak_rss_kib: None,
        };
        let t = table(&[
            r("floor: Lexicon::find", 1.0),
            r("extraction (Pipeline)", 4.0),
            r("peer: spaCy", 100.0),
        ]);
        assert!(t.contains("| 10.0 | 4.000 | 2.5 |"), "{t}");
        assert!(t.contains("extraction takes 4.0x"), "{t}");
        assert!(t.contains("25.0x the spaCy"), "{t}");
    }
}
