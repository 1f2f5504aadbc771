//! Errors raised while loading lexicon files. Each names the file.

use std::path::PathBuf;

/// Why a lexicon could not be built.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// A file could not be read.
    #[error("{file}: cannot read: {source}")]
    Io {
        file: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A file is not valid TOML or does not follow the schema.
    #[error("{file}:{line}: {message}", line = line.map_or_else(|| "?".to_string(), |l| l.to_string()))]
    Syntax {
        file: PathBuf,
        /// 1-based line of the problem, when the parser knows it.
        line: Option<usize>,
        message: String,
    },
    /// An entry lacks a required value or has an invalid one.
    #[error("{file}: {table} entry \"{entry}\": {problem}")]
    Invalid {
        file: PathBuf,
        table: &'static str,
        entry: String,
        problem: String,
    },
    /// An entry references a state code no `[[state]]` defines.
    #[error("{file}: {table} \"{entry}\" references unknown state code \"{code}\"")]
    UnknownState {
        file: PathBuf,
        table: &'static str,
        entry: String,
        code: String,
    },
    /// A weapon references a class no `[[class]]` defines.
    #[error("{file}: weapon \"{entry}\" references unknown class \"{class}\"")]
    UnknownClass {
        file: PathBuf,
        entry: String,
        class: String,
    },
    /// A weapon's origin is neither a known state code nor an actor.
    #[error("{file}: weapon \"{entry}\" has origin \"{origin}\", which is neither a known state code nor an actor")]
    UnknownOrigin {
        file: PathBuf,
        entry: String,
        origin: String,
    },
    /// Two entries with the same key disagree on a value.
    #[error("{0}")]
    Conflict(Box<Conflict>),
    /// The same canonical name is defined in two different tables.
    #[error(
        "{file}: \"{entry}\" is defined as a {table} here and as a {other_table} in {previous}"
    )]
    Duplicate {
        file: PathBuf,
        previous: PathBuf,
        entry: String,
        table: &'static str,
        other_table: &'static str,
    },
    /// The automaton could not be built (too many or too long phrases).
    #[error("building the phrase matcher failed: {0}")]
    Matcher(String),
}

/// Details of [`LexiconError::Conflict`]: an entry defined twice with
/// different values for one field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: {table} \"{entry}\" conflicts with its earlier definition in {previous}: {field} is \"{old}\" there and \"{new}\" here")]
pub struct Conflict {
    pub file: PathBuf,
    pub previous: PathBuf,
    pub table: &'static str,
    pub entry: String,
    pub field: &'static str,
    pub old: String,
    pub new: String,
}
