//! Per-stage benchmarks over a fixed generated sample (seed 7, 100 reports):
//! segmentation, lexicon matching, figures, time, whole-document extraction
//! and store writes (in memory and to a database file).
//!
//! `cargo bench -p tally-bench --bench stages`

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;
use tally_bench::Generator;
use tally_core::{Document, Extractor};
use tally_extract::Pipeline;
use tally_lexicon::Lexicon;
use tally_store::{Extracted, Store};
use tally_time::Anchor;

const SEED: u64 = 7;
const DOCS: usize = 100;

struct Sample {
    lex: Lexicon,
    pipeline: Pipeline,
    docs: Vec<Document>,
    bytes: u64,
}

fn sample() -> Option<Sample> {
    let lex = Lexicon::builtin().ok()?;
    let pipeline = Pipeline::builtin().ok()?;
    let docs: Vec<Document> = Generator::new(&lex)
        .ok()?
        .corpus(SEED, DOCS)
        .map(|g| g.doc)
        .collect();
    let bytes = docs.iter().map(|d| d.text.len() as u64).sum();
    Some(Sample {
        lex,
        pipeline,
        docs,
        bytes,
    })
}

fn stages(c: &mut Criterion) {
    let Some(s) = sample() else {
        eprintln!("stages: the lexicon or pipeline failed to load; nothing to measure");
        return;
    };
    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(s.bytes));
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(3));
    g.bench_function("segment", |b| {
        b.iter(|| {
            s.docs
                .iter()
                .map(|d| tally_extract::segment::segment(black_box(&d.text)).len())
                .sum::<usize>()
        })
    });
    g.bench_function("lexicon_find", |b| {
        b.iter(|| {
            s.docs
                .iter()
                .map(|d| s.lex.find(black_box(&d.text)).len())
                .sum::<usize>()
        })
    });
    g.bench_function("find_figures", |b| {
        b.iter(|| {
            s.docs
                .iter()
                .map(|d| tally_figures::find_figures(black_box(&d.text)).len())
                .sum::<usize>()
        })
    });
    g.bench_function("find_times", |b| {
        b.iter(|| {
            s.docs
                .iter()
                .map(|d| {
                    let anchor = Anchor {
                        published: d.published,
                        future: false,
                    };
                    tally_time::find_times(black_box(&d.text), anchor).len()
                })
                .sum::<usize>()
        })
    });
    g.bench_function("extract_document", |b| {
        b.iter(|| {
            s.docs
                .iter()
                .map(|d| s.pipeline.extract(black_box(d)).len())
                .sum::<usize>()
        })
    });
    g.finish();

    let batch: Vec<Extracted> = s
        .docs
        .iter()
        .map(|d| Extracted {
            doc: d.clone(),
            claims: s.pipeline.extract(d),
            extractor_version: s.pipeline.version().to_string(),
        })
        .collect();
    let mut g = c.benchmark_group("store");
    g.throughput(Throughput::Bytes(s.bytes));
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(3));
    g.bench_function("write_batch_in_memory", |b| {
        b.iter_batched(
            || Store::open_in_memory().ok(),
            |store| store.map(|mut st| st.write_batch(&batch).map(|o| o.len())),
            BatchSize::PerIteration,
        )
    });
    g.bench_function("write_batch_file", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().ok()?;
                let store = Store::open(&dir.path().join("bench.db")).ok()?;
                Some((dir, store))
            },
            |setup| setup.map(|(_dir, mut st)| st.write_batch(&batch).map(|o| o.len())),
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
