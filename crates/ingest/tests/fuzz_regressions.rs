//! Replays the fuzz inputs of the `html`, `feed` and `jsonl` targets
//! (`fuzz/regressions/<target>/`: minimised crashers; `fuzz/seeds/<target>/`:
//! the seed corpora) through `read_bytes`, without libFuzzer, with the
//! checks the fuzz targets make (`fuzz/src/lib.rs`). A folder that is absent
//! or empty is skipped.

use std::path::{Path, PathBuf};
use tally_ingest::{read_bytes, Format, ReadOptions};

const TARGETS: [(&str, Format); 3] = [
    ("html", Format::Html),
    ("feed", Format::Feed),
    ("jsonl", Format::JsonLines),
];

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

/// Every file directly under `dir`, sorted; none when it does not exist.
fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("skipping {}: not there", dir.display());
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    out.sort();
    out
}

/// The fuzz targets' checks; returns how many documents were read.
fn replay(path: &Path, format: Format) -> usize {
    let data = std::fs::read(path).unwrap_or_default();
    let reads = read_bytes("fuzz", &data, Some(format), &ReadOptions::default());
    let mut docs = 0;
    for read in reads.into_iter().flatten() {
        let name = path.display();
        assert!(
            !read.doc.text.trim().is_empty(),
            "{name}: a document without text"
        );
        assert!(
            !read.doc.id.as_str().is_empty(),
            "{name}: a document without an id"
        );
        assert!(
            read.origin.starts_with("fuzz"),
            "{name}: origin {}",
            read.origin
        );
        docs += 1;
    }
    docs
}

#[test]
fn minimised_crashers_read_without_panicking() {
    for (target, format) in TARGETS {
        for path in files(&fuzz_dir().join("regressions").join(target)) {
            replay(&path, format);
        }
    }
}

#[test]
fn every_seed_gives_documents() {
    let mut seeds = 0;
    for (target, format) in TARGETS {
        for path in files(&fuzz_dir().join("seeds").join(target)) {
            assert!(replay(&path, format) > 0, "{}: no document", path.display());
            seeds += 1;
        }
    }
    if seeds == 0 {
        eprintln!("skipping: no seeds under {}", fuzz_dir().display());
    }
}
