//! Extraction time against document size: one document of generated prose
//! at each size, and one long run without sentence punctuation, so growth
//! faster than linear shows as a rising seconds-per-MB column.

use crate::Generator;
use std::time::Instant;
use tally_core::{DocId, Document, Extractor};
use tally_extract::Pipeline;

/// One measured document.
#[derive(Clone, Debug, PartialEq)]
pub struct ScaleRow {
    /// "prose" or "unpunctuated".
    pub shape: &'static str,
    pub bytes: usize,
    pub seconds: f64,
    pub claims: usize,
}

impl ScaleRow {
    pub fn seconds_per_mb(&self) -> f64 {
        self.seconds / (self.bytes as f64 / 1e6)
    }
}

/// Generated reports joined into one text of at least `bytes` bytes, one
/// paragraph per report.
pub fn prose(generator: &Generator, seed: u64, bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 16 * 1024);
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(&generator.document(seed, i).doc.text);
        text.push('\n');
        i += 1;
    }
    text
}

/// The same prose with no sentence punctuation and no line breaks: one
/// "sentence" of `bytes` bytes.
pub fn unpunctuated(generator: &Generator, seed: u64, bytes: usize) -> String {
    prose(generator, seed, bytes)
        .chars()
        .map(|c| match c {
            '.' | '!' | '?' | '…' | '\n' | '\r' => ' ',
            c => c,
        })
        .collect()
}

/// Extract one document of `text`, timed.
pub fn measure(pipeline: &Pipeline, shape: &'static str, text: String) -> ScaleRow {
    let mut doc = Document::new(DocId::given("scale"), text);
    doc.published = tally_core::Date::new(2025, 1, 14).ok();
    let started = Instant::now();
    let claims = pipeline.extract(&doc).len();
    ScaleRow {
        shape,
        bytes: doc.text.len(),
        seconds: started.elapsed().as_secs_f64(),
        claims,
    }
}

/// The rows as a Markdown table.
pub fn table(rows: &[ScaleRow]) -> String {
    let mut out = String::from(
        "| document | MB | seconds | s per MB | claims |\n|---|---:|---:|---:|---:|\n",
    );
    for r in rows {
        out.push_str(&format!(
            "| {} | {:.2} | {:.2} | {:.3} | {} |\n",
            r.shape,
            r.bytes as f64 / 1e6,
            r.seconds,
            r.seconds_per_mb(),
            r.claims
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use tally_lexicon::Lexicon;

    #[test]
    fn texts_have_the_size_and_shape_asked_for() {
        let g = Generator::new(&Lexicon::builtin().unwrap()).unwrap();
        let p = prose(&g, 7, 50_000);
        assert!(p.len() >= 50_000 && p.contains(". "));
        let u = unpunctuated(&g, 7, 50_000);
        assert!(u.len() >= 50_000);
        assert!(!u.contains(['.', '\n', '?', '!']));
    }
}
