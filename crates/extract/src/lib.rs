//! Claim extraction: a report in, every figure it states out as a sourced
//! [`tally_core::Claim`].
//!
//! [`Pipeline`] is the one entry point; it implements
//! [`tally_core::Extractor`], the seam ingest and the CLI call. Each stage
//! adds annotations over the original text as spans, never copies:
//! [`segment`] splits units; `ellipsis` reads "the North" as the one
//! northern state named before; `scene` annotates each (tokens, lexicon
//! mentions, item nouns, times, triggers from `data/lexicon/triggers.toml`,
//! attributions, figures); per figure, `items` finds what it counts,
//! `frames` the governing trigger (a `nonclaim` trigger drops it; a
//! package noun or "N soldiers in X" opens a frame of its own), `source`
//! the speaker and channel, `parties` from/to, `stage`, `coord` shared
//! bounds and partitives, `backrefs` items named in an earlier sentence
//! ("40 of the howitzers", "made 6,000 last year"), `when` the event's
//! period; `context` carries document state between units (the open
//! frame a later party-less figure continues); `parties::fill` adds implied parties in a
//! precision-safe form, `events` dates "since the invasion began" from the
//! document's own dating of the event, and `dedup` merges repeats.
//!
//! ```no_run
//! use tally_core::{DocId, Document, Extractor};
//! use tally_extract::Pipeline;
//! let pipeline = Pipeline::builtin().unwrap();
//! let doc = Document::new(DocId::given("d"), "Norway sent 12 howitzers to Ukraine.");
//! for claim in pipeline.extract(&doc) {
//!     println!("{} {}", claim.kind, claim.quantity.value);
//! }
//! ```

/// Why a figure was dropped, on stderr, with the `trace` feature; nothing
/// otherwise.
macro_rules! trace {
    ($($arg:tt)*) => {
        #[cfg(feature = "trace")]
        eprintln!($($arg)*);
    };
}

mod antecedents;
mod attribution;
mod backrefs;
mod context;
mod coord;
mod cues;
mod dedup;
mod ellipsis;
mod events;
mod frames;
mod items;
mod marks;
mod mentions;
mod parties;
mod phrases;
mod pipeline;
mod scene;
pub mod segment;
mod source;
mod speaker_phrase;
mod speakers;
mod stage;
mod tokens;
mod triggers;
mod when;

pub use pipeline::Pipeline;

/// Errors building a pipeline (extraction itself never fails).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExtractError {
    /// A built-in or user data file does not parse.
    #[error("{file}: {message}")]
    Data { file: String, message: String },
    /// The lexicon failed to load.
    #[error("lexicon: {0}")]
    Lexicon(String),
}
