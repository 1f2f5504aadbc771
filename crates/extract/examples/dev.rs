//! Extract claims from a JSON Lines file of documents and print them as
//! JSON Lines: `cargo run -p tally-extract --example dev -- docs.jsonl`.

use std::io::{BufRead, Write};
use tally_core::{Document, Extractor};
use tally_extract::Pipeline;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: dev DOCS.jsonl")?;
    let pipeline = Pipeline::builtin()?;
    let file = std::io::BufReader::new(std::fs::File::open(path)?);
    let mut out = std::io::stdout().lock();
    for line in file.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: Document = serde_json::from_str(&line)?;
        for c in pipeline.extract(&doc) {
            writeln!(out, "{}", serde_json::to_string(&c)?)?;
        }
    }
    Ok(())
}
