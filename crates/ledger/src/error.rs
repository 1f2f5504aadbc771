//! The one error type of tally-ledger: its data files could not be read.

use std::path::PathBuf;

/// Why the ledger's knowledge could not be loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LedgerError {
    /// A data file is not valid TOML of the ledger schema.
    #[error("{file}: {message}")]
    Parse { file: PathBuf, message: String },
    /// A user directory or file could not be read.
    #[error("{file}: {source}")]
    Io {
        file: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The lexicon could not be loaded.
    #[error(transparent)]
    Lexicon(#[from] tally_lexicon::LexiconError),
}
