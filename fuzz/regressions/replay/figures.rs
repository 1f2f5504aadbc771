//! Replays `fuzz/regressions/figures/*` (and the seeds) through
//! `find_figures` and `parse_number` with the fuzz target's checks.
//! Place as crates/figures/tests/fuzz_regressions.rs.

use std::path::{Path, PathBuf};

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
fn figure_spans_stay_valid_on_fuzz_inputs() {
    for path in files("regressions/figures")
        .into_iter()
        .chain(files("seeds/figures"))
    {
        let data = std::fs::read(&path).unwrap_or_default();
        let text = String::from_utf8_lossy(&data);
        let figs = tally_figures::find_figures(&text);
        let mut prev_end = 0;
        for f in &figs {
            let s = f.span;
            assert!(
                s.start >= prev_end && s.start <= s.end && s.end <= text.len(),
                "{path:?}: {figs:?}"
            );
            assert!(
                text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
                "{path:?}: {s:?}"
            );
            assert!(!f.value.is_nan(), "{path:?}: {f:?}");
            prev_end = s.end;
            let _ = tally_figures::parse_number(&text[s.range()]);
        }
        let _ = tally_figures::parse_number(&text);
    }
}
