//! The corpus templates and word lists (`data/corpus.toml`), compiled in.

use crate::BenchError;
use serde::Deserialize;

const BUILTIN: &str = include_str!("../data/corpus.toml");

/// Sentence templates per kind of story, boilerplate and word lists.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Templates {
    pub conflict: Conflict,
    pub other: Other,
    pub boilerplate: Boilerplate,
    pub words: Words,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    pub transfer: Vec<String>,
    pub deployment: Vec<String>,
    pub casualties: Vec<String>,
    pub loss: Vec<String>,
    pub production: Vec<String>,
    pub context: Vec<String>,
    pub headline: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Other {
    pub sports: Vec<String>,
    pub business: Vec<String>,
    pub weather: Vec<String>,
    pub sports_headline: Vec<String>,
    pub business_headline: Vec<String>,
    pub weather_headline: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Boilerplate {
    pub byline: Vec<String>,
    pub related: Vec<String>,
    pub footer: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    pub main_states: Vec<String>,
    pub people_classes: Vec<String>,
    pub months: Vec<String>,
    pub weekdays: Vec<String>,
    pub when: Vec<String>,
    pub bounds: Vec<String>,
    pub number_words: Vec<String>,
    pub scales: Vec<String>,
    pub teams: Vec<String>,
    pub companies: Vec<String>,
    pub cities: Vec<String>,
    pub first_names: Vec<String>,
    pub last_names: Vec<String>,
    pub publishers: Vec<String>,
    pub edits: Vec<(String, String)>,
}

impl Templates {
    /// The built-in templates.
    pub fn builtin() -> Result<Templates, BenchError> {
        Templates::parse(BUILTIN)
    }

    /// Templates from TOML text of the `data/corpus.toml` schema.
    pub fn parse(text: &str) -> Result<Templates, BenchError> {
        toml::from_str(text).map_err(|e| BenchError::Templates(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_parses_with_every_list_filled() {
        let t = Templates::builtin().unwrap();
        assert!(t.conflict.transfer.len() >= 10);
        assert!(!t.other.weather.is_empty());
        assert!(!t.words.edits.is_empty());
        assert!(Templates::parse("[conflict]\n").is_err());
    }
}
