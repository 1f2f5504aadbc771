//! Scoring extracted claims against gold claims, exactly as
//! `shared/spec/claims.md` §4 and the reference scorer `shared/eval/score.py`
//! define it.
//!
//! - [`load_jsonl`] reads a gold or extracted claims file (and
//!   [`load_doc_ids`] a documents file, to score only those documents).
//! - [`score`] de-duplicates both sides by claim key, matches them one to one
//!   per document (greedy, gold order) and returns a [`Report`]: micro
//!   precision, recall and F1, strict F1, per-kind F1 ([`KindScore`]), field
//!   accuracies ([`FieldAccuracy`]) and the missed and spurious claims.
//! - [`Report::render`] prints exactly what score.py prints (with `verbose`,
//!   what it prints with `--verbose`); [`Report::render_json`] what it prints
//!   with `--json`.
//!
//! Claims are [`serde_json::Value`]s, read the way score.py reads them, so a
//! partial or odd record scores as it does there.
//!
//! ```
//! use serde_json::json;
//! let gold = vec![json!({"doc": "d1", "kind": "transfer", "from": "AA", "to": "BB",
//!     "item": {"name": "howitzers"}, "quantity": {"value": 120, "unit": "item"}})];
//! let extracted = vec![json!({"doc": "d1", "kind": "transfer", "from": "aa", "to": "BB",
//!     "item": {"name": "Howitzer"}, "quantity": {"value": 120.2}})];
//! let report = tally_eval::score(&gold, &extracted, None);
//! assert_eq!(report.matched, 1);
//! assert!(report.render(false).starts_with("gold 1  extracted 1  matched 1\n"));
//! ```

mod days;
mod dumps;
mod fields;
mod key;
mod load;
mod python;
mod report;
mod score;

pub use dumps::{dumps, dumps_indented};
pub use load::{load_doc_ids, load_jsonl, EvalError};
pub use report::{FieldAccuracy, KindScore, Report};
pub use score::score;
