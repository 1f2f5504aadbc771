//! The ledger across reports: one line per real-world figure, with who
//! reports which value, on whose authority, and how many of those reports
//! are independent.
//!
//! - [`Ledger::build`]: documents and their claims in, a [`Ledger`] out:
//!   every claim [`Placed`] in a [`Fact`] with its origin, the facts with
//!   their [`ValueGroup`]s, timelines and [`Flag`]s, and the syndicated
//!   copies found among the documents.
//! - [`CopyGroups`] (`syndication`): near-duplicate documents by MinHash and
//!   banded LSH, verified on exact shingle sets; the earliest copy is root.
//! - [`Origins`] (`origin`): a speaker to the institution at the root of
//!   the figure, from the lexicon and the ledger's data.
//! - `facts`: blocking, pair scores and average-link clustering.
//! - [`Interval`] (`values`): what a quantity's bound allows.
//! - [`Knowledge`]: `data/ledger/*.toml` plus the user's files.
//!
//! Pure: no IO except [`Knowledge::load`] reading the user's data files;
//! deterministic. The ledger is derived: it can always be rebuilt from the
//! documents and their claims.
//!
//! ```
//! use tally_core::{Claim, DocId, Document};
//! use tally_ledger::{Knowledge, Ledger, Options};
//! let lexicon = tally_lexicon::Lexicon::builtin().unwrap();
//! let knowledge = Knowledge::builtin().unwrap();
//! let mut doc = Document::new(DocId::given("d1"), "Russia got 120 Koksan guns, Kyrylo Budanov said.");
//! doc.published = "2025-01-14".parse().ok();
//! let claim: Claim = serde_json::from_str(r#"{"doc":"d1","kind":"transfer","stage":"done",
//!   "from":"KP","to":"RU","item":{"name":"M1989 Koksan","text":"Koksan guns"},
//!   "quantity":{"value":120,"bound":"exact","unit":"item","text":"120"},
//!   "source":{"speaker":"Kyrylo Budanov","via":null},"span":[0,49]}"#).unwrap();
//! let ledger = Ledger::build(&[doc], &[claim], &lexicon, &knowledge, &Options::default());
//! assert_eq!(ledger.facts.len(), 1);
//! assert_eq!(ledger.claims[0].origin, "Defence Intelligence of Ukraine");
//! ```

mod error;
mod fact;
mod facts;
mod id;
mod items;
mod knowledge;
mod ledger;
mod origin;
mod syndication;
mod timeline;
mod values;

pub use error::LedgerError;
pub use fact::{Fact, Flag, Placed, Revision, ValueGroup};
pub use id::ClaimId;
pub use items::{ItemKey, ItemMatch};
pub use knowledge::Knowledge;
pub use ledger::{Ledger, Options};
pub use origin::Origins;
pub use syndication::{copy_keys, CopyGroups, DocText, MAX_BAND_BUCKET};
pub use values::{label, Interval};
