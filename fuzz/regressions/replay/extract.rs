//! Replays `fuzz/regressions/extract/*` (and the seeds) through the whole
//! pipeline with the fuzz target's checks, and bounds the time each input
//! may take (the `slow-*` inputs are timeouts the fuzzer found).
//! Place as crates/extract/tests/fuzz_regressions.rs.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tally_core::{Date, DocId, Document, Extractor};
use tally_extract::Pipeline;

/// Generous: 50 KB of ordinary sentences take ~10 ms (release); the
/// 50 KB run-on sentence of `slow-one-long-sentence` took 25 s.
const BUDGET: Duration = Duration::from_secs(5);

fn files(sub: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz")
        .join(sub);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipping {}: not there", dir.display());
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    out.sort();
    out
}

#[test]
fn claims_stay_valid_and_fast_on_fuzz_inputs() {
    let p = Pipeline::builtin().unwrap();
    for path in files("regressions/extract")
        .into_iter()
        .chain(files("seeds/extract"))
    {
        let data = std::fs::read(&path).unwrap_or_default();
        let mut doc = Document::new(DocId::given("fuzz"), String::from_utf8_lossy(&data));
        doc.published = Date::new(2025, 1, 14).ok();
        let start = Instant::now();
        let claims = p.extract(&doc);
        let took = start.elapsed();
        assert!(took < BUDGET, "{path:?}: {took:?}");
        for c in &claims {
            let said = c.span.text(&doc.text);
            assert!(said.is_some(), "{path:?}: span {:?} off the text", c.span);
            assert!(
                said.unwrap_or("").contains(&c.quantity.text),
                "{path:?}: {c:?}"
            );
        }
        assert_eq!(claims, p.extract(&doc), "{path:?}: not deterministic");
    }
}
