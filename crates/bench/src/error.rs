//! Why a benchmark step failed.

use std::path::PathBuf;

/// Errors of the corpus generator, the MEANTIME reader and the runner.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BenchError {
    /// The built-in templates do not parse.
    #[error("corpus templates: {0}")]
    Templates(String),
    /// The lexicon or pipeline failed to load.
    #[error("lexicon: {0}")]
    Lexicon(String),
    /// A lexicon table the generator draws from is empty.
    #[error("the lexicon has no {0} to draw from")]
    EmptyPool(&'static str),
    /// Reading or writing a file failed.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A MEANTIME file is not what the reader expects.
    #[error("{path}: {message}")]
    Meantime { path: PathBuf, message: String },
    /// A child process (the `tally` binary, the peer) failed.
    #[error("{0}")]
    Child(String),
}

impl BenchError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> BenchError {
        BenchError::Io {
            path: path.into(),
            source,
        }
    }
}
