//! Replays `fuzz/regressions/time/*` (and the seeds) through `find_times`
//! with the fuzz target's anchor encoding and checks. The first four bytes
//! are the anchor (flags: 1 = published, 2 = future; year from 1950, month,
//! day, each modulo its range), the rest the text.
//! (The fuzz targets live in fuzz/; see fuzz/README.md.)

use std::path::{Path, PathBuf};
use tally_core::Date;
use tally_time::{find_times, Anchor};

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
fn time_spans_stay_valid_on_fuzz_inputs() {
    for path in files("regressions/time")
        .into_iter()
        .chain(files("seeds/time"))
    {
        let data = std::fs::read(&path).unwrap_or_default();
        let [flags, y, m, d, ..] = *data.as_slice() else {
            continue;
        };
        let published = (flags & 1 == 1)
            .then(|| Date::new(1950 + i16::from(y), 1 + (m % 12) as i8, 1 + (d % 31) as i8).ok())
            .flatten();
        let anchor = Anchor {
            published,
            future: flags & 2 == 2,
        };
        let text = String::from_utf8_lossy(&data[4..]);
        let times = find_times(&text, anchor);
        let mut prev_end = 0;
        for t in &times {
            let s = t.span;
            assert!(
                s.start >= prev_end && s.start <= s.end && s.end <= text.len(),
                "{path:?}: {t:?}"
            );
            assert!(
                text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
                "{path:?}: {t:?}"
            );
            if let (Some(from), Some(to)) = (t.from, t.to) {
                assert!(from <= to, "{path:?}: {t:?}");
            }
            prev_end = s.end;
        }
    }
}
