//! Store write throughput alone: extract `--docs` generated reports once,
//! then write them `--copies` times (fresh ids per copy) into a fresh file
//! database in batches of `--batch`, timing only the writes.
//!
//! `cargo run --release -p tally-bench --example store_write -- 5000 10 256`

use rayon::prelude::*;
use std::time::Instant;
use tally_bench::Generator;
use tally_core::{DocId, Extractor};
use tally_extract::Pipeline;
use tally_lexicon::Lexicon;
use tally_store::{Extracted, Store};

/// CPU time of this thread, in seconds.
fn thread_cpu() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes the timespec it is given.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 / 1e9
}

fn main() -> anyhow::Result<()> {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let (docs, copies, batch) = match args[..] {
        [d, c, b, ..] => (d, c, b.max(1)),
        _ => (2000, 5, 256),
    };
    let lexicon = Lexicon::builtin()?;
    let generator = Generator::new(&lexicon)?;
    let pipeline = Pipeline::new(lexicon);
    let version = pipeline.version().to_string();
    let base: Vec<Extracted> = generator
        .corpus(7, docs)
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|g| Extracted {
            claims: pipeline.extract(&g.doc),
            doc: g.doc,
            extractor_version: version.clone(),
        })
        .collect();
    let dir = tempfile::tempdir()?;
    let mut store = Store::open(&dir.path().join("w.db"))?;
    let start = Instant::now();
    let cpu = thread_cpu();
    let mut written = 0usize;
    for copy in 0..copies {
        let items: Vec<Extracted> = base
            .iter()
            .map(|e| {
                let id = format!("{}-{copy}", e.doc.id.as_str());
                let mut e = e.clone();
                for c in &mut e.claims {
                    c.doc.clone_from(&id);
                }
                e.doc.id = DocId::given(&id);
                e
            })
            .collect();
        let t = Instant::now();
        for chunk in items.chunks(batch) {
            store.write_batch(chunk)?;
            written += chunk.len();
        }
        eprintln!(
            "copy {copy}: {:.2}s, {written} docs so far",
            t.elapsed().as_secs_f64()
        );
    }
    let secs = start.elapsed().as_secs_f64();
    let cpu = thread_cpu() - cpu;
    println!(
        "{written} docs in {secs:.2}s ({cpu:.2}s CPU): {:.0} docs/s, {:.0} docs/CPU-s (batch {batch})",
        written as f64 / secs,
        written as f64 / cpu
    );
    Ok(())
}
