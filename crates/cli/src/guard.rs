//! Limits on extracting one document: its size, checked before, and its
//! time, watched while it runs. A document over either fails alone, with a
//! message naming it (`origin#id: ...`), and the rest of the run goes on.
//!
//! Extraction cannot be interrupted, so a document over the time limit is
//! left to finish on its own thread, its result thrown away; the size limit
//! bounds what such a thread can hold. Documents below [`WATCH_ABOVE`]
//! bytes run on the calling thread with no watch: a thread per document
//! would cost more than they take.

use std::sync::mpsc;
use std::sync::Arc;
use std::time::Duration;
use tally_core::{Claim, Document, Extractor};
use tally_extract::Pipeline;

/// Documents at least this long are extracted under the time limit.
pub const WATCH_ABOVE: usize = 128 * 1024;

/// The limits, from the command line.
#[derive(Clone, Copy, Debug)]
pub struct Guard {
    /// Longest text extracted, in bytes.
    pub max_bytes: usize,
    /// Longest time one document may take.
    pub timeout: Duration,
}

const MB: f64 = 1024.0 * 1024.0;

impl Guard {
    /// `Err(message)` when `doc` is too long to extract.
    pub fn check_size(&self, origin: &str, doc: &Document) -> Result<(), String> {
        let n = doc.text.len();
        if n <= self.max_bytes {
            return Ok(());
        }
        Err(format!(
            "{origin}#{}: too long to extract ({:.1} MB, limit {} MB)",
            doc.id,
            n as f64 / MB,
            self.max_bytes as f64 / MB
        ))
    }

    /// The claims of `doc`, or `Err(message)` when it took too long.
    pub fn extract(
        &self,
        pipeline: &Arc<Pipeline>,
        origin: &str,
        doc: Document,
    ) -> Result<(Document, Vec<Claim>), String> {
        if doc.text.len() < WATCH_ABOVE {
            let claims = pipeline.extract(&doc);
            return Ok((doc, claims));
        }
        let doc = Arc::new(doc);
        let (tx, rx) = mpsc::sync_channel(1);
        let (p, d) = (Arc::clone(pipeline), Arc::clone(&doc));
        let spawned = std::thread::Builder::new()
            .name("tally-extract-watched".into())
            .spawn(move || {
                let claims = p.extract(&d);
                drop(d);
                let _ = tx.send(claims);
            });
        if spawned.is_err() {
            let claims = pipeline.extract(&doc);
            return Ok((Arc::unwrap_or_clone(doc), claims));
        }
        match rx.recv_timeout(self.timeout) {
            Ok(claims) => Ok((Arc::unwrap_or_clone(doc), claims)),
            Err(_) => Err(format!(
                "{origin}#{}: too long to extract (over {} s, {:.1} MB)",
                doc.id,
                self.timeout.as_secs_f64(),
                doc.text.len() as f64 / MB
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tally_core::DocId;

    fn guard(max_bytes: usize, timeout: Duration) -> Guard {
        Guard { max_bytes, timeout }
    }

    #[test]
    fn size_limit_names_the_document_and_the_sizes() {
        let doc = Document::new(DocId::given("big"), "x".repeat(3 * 1024 * 1024));
        let msg = guard(2 * 1024 * 1024, Duration::from_secs(1))
            .check_size("in.jsonl:4", &doc)
            .unwrap_err();
        assert_eq!(
            msg,
            "in.jsonl:4#big: too long to extract (3.0 MB, limit 2 MB)"
        );
        assert!(guard(4 << 20, Duration::from_secs(1))
            .check_size("x", &doc)
            .is_ok());
    }

    #[test]
    fn time_limit_gives_up_on_a_slow_document() {
        let pipeline = Arc::new(Pipeline::new(tally_lexicon::Lexicon::builtin().unwrap()));
        let text = "Officials said 12 tanks were sent. ".repeat(20_000);
        let doc = Document::new(DocId::given("slow"), text);
        let msg = guard(usize::MAX, Duration::from_micros(1))
            .extract(&pipeline, "f.txt", doc.clone())
            .unwrap_err();
        assert!(
            msg.starts_with("f.txt#slow: too long to extract (over "),
            "{msg}"
        );
        let small = Document::new(DocId::given("s"), "Officials said 12 tanks were sent.");
        let (back, _) = guard(usize::MAX, Duration::from_micros(1))
            .extract(&pipeline, "g.txt", small.clone())
            .unwrap();
        assert_eq!(back, small);
    }
}
