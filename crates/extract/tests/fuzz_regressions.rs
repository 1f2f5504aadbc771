//! Replays `fuzz/regressions/extract/*` (and the seeds) through the whole
//! pipeline with the fuzz target's checks. The `slow-*` inputs are
//! timeouts the fuzzer found; they are shown fast by the benchmarks, not
//! by a timed assertion here (they simply have to finish).

use std::path::{Path, PathBuf};
use tally_core::{Date, DocId, Document, Extractor};
use tally_extract::Pipeline;

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
fn claims_stay_valid_on_fuzz_inputs() {
    let p = Pipeline::builtin().unwrap();
    for path in files("regressions/extract")
        .into_iter()
        .chain(files("seeds/extract"))
    {
        let data = std::fs::read(&path).unwrap_or_default();
        let mut doc = Document::new(DocId::given("fuzz"), String::from_utf8_lossy(&data));
        doc.published = Date::new(2025, 1, 14).ok();
        let claims = p.extract(&doc);
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
