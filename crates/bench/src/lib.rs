//! Benchmarks for tally: a deterministic corpus of news-like reports, the
//! MEANTIME articles as real text beside it, the lexicon exported for the
//! spaCy peer, and the whole-pipeline throughput run.
//!
//! - [`Generator`]: document `i` of seed `s` as a [`Generated`] (a
//!   [`tally_core::Document`] and whether it is a syndicated near-copy);
//!   templates and word lists in `data/corpus.toml`, names from the lexicon.
//! - [`meantime::read_dir`]: the 120 English MEANTIME articles rebuilt from
//!   their token XML.
//! - [`patterns::patterns`]: every lexicon phrase with its label.
//! - [`throughput::run`]: the measurements of `tally-bench run`, as [`Row`]s;
//!   [`throughput::table`] renders them.
//! - [`scale`]: extraction time against the size of one document (prose,
//!   and one run without sentence punctuation), for `tally-bench scale`.
//!
//! ```
//! use tally_bench::Generator;
//! use tally_lexicon::Lexicon;
//! let generator = Generator::new(&Lexicon::builtin().unwrap()).unwrap();
//! let docs: Vec<_> = generator.corpus(7, 3).collect();
//! assert_eq!(docs[2], generator.document(7, 2));
//! let words = docs[0].doc.text.split_whitespace().count();
//! assert!((300..=1200).contains(&words));
//! ```

pub mod corpus;
mod error;
mod fill;
pub mod meantime;
pub mod patterns;
mod rng;
pub mod scale;
mod templates;
pub mod throughput;

pub use corpus::{Generated, Generator};
pub use error::BenchError;
pub use rng::Rng;
pub use throughput::{Row, RunOptions};
