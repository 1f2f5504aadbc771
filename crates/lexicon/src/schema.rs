//! The TOML schema of a lexicon file, as written (before merging).

use serde::Deserialize;

/// One lexicon file: any of the tables, each optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFile {
    #[serde(default)]
    pub state: Vec<RawState>,
    #[serde(default)]
    pub actor: Vec<RawActor>,
    #[serde(default)]
    pub person: Vec<RawPerson>,
    #[serde(default)]
    pub body: Vec<RawBody>,
    #[serde(default)]
    pub weapon: Vec<RawWeapon>,
    #[serde(default)]
    pub class: Vec<RawClass>,
    #[serde(default)]
    pub outlet: Vec<RawOutlet>,
    #[serde(default)]
    pub place: Vec<RawPlace>,
    /// Tables of other tally components that may share a user's lexicon
    /// directory (tally-extract's `[[trigger]]`): accepted and ignored.
    /// Any other unknown table is an error, to catch misspellings.
    #[serde(default, rename = "trigger")]
    pub _trigger: Option<toml::Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawState {
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub capitals: Vec<String>,
    #[serde(default)]
    pub demonyms: Vec<String>,
    #[serde(default)]
    pub seats: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawActor {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub demonyms: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPerson {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub state: Option<String>,
    #[serde(default)]
    pub roles: Vec<String>,
    pub party: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawBody {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub state: Option<String>,
    pub class: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawWeapon {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub class: Option<String>,
    pub origin: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawClass {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub people: Option<bool>,
    pub money: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOutlet {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPlace {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub state: Option<String>,
}

/// Parse one file's text; `file` only labels errors.
pub(crate) fn parse(file: &std::path::Path, text: &str) -> Result<RawFile, crate::LexiconError> {
    toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| line_of(text.as_bytes(), s.start));
        crate::LexiconError::Syntax {
            file: file.to_path_buf(),
            line,
            message: e.message().trim().to_string(),
        }
    })
}

/// 1-based line number of byte offset `at`.
fn line_of(text: &[u8], at: usize) -> usize {
    text[..at.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}
