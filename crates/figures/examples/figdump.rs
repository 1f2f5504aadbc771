//! Temporary: print every figure of each JSON Lines document's text.
use std::io::{BufRead, Write};
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let Ok(f) = std::fs::File::open(&path) else { return };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut texts = Vec::new();
    for line in std::io::BufReader::new(f).lines().map_while(Result::ok) {
        let v: serde_json::Value = serde_json::from_str(&line).unwrap_or_default();
        texts.push(v["text"].as_str().unwrap_or_default().to_string());
    }
    let t = std::time::Instant::now();
    let all: Vec<_> = texts.iter().map(|t| tally_figures::find_figures(t)).collect();
    let secs = t.elapsed().as_secs_f64();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    eprintln!("{:.3}s {:.1} MB/s", secs, bytes as f64 / secs / 1e6);
    for f in all {
        let _ = writeln!(out, "{f:?}");
    }
}
