//! What the ledger knows about speakers: persons and the institution they
//! speak for, other names of institutions, and the closed word lists of the
//! origin rules. Built-in data is `data/ledger/*.toml`; user files of the
//! same schema are merged on top, later entries overriding earlier ones.

use crate::error::LedgerError;
use serde::Deserialize;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

const BUILTIN: &[(&str, &str)] = &[
    (
        "institutions.toml",
        include_str!("../../../data/ledger/institutions.toml"),
    ),
    (
        "classes.toml",
        include_str!("../../../data/ledger/classes.toml"),
    ),
];

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    words: Option<Words>,
    #[serde(default)]
    person: Vec<PersonEntry>,
    #[serde(default)]
    institution: Vec<InstitutionEntry>,
    #[serde(default)]
    broader: HashMap<String, String>,
    #[serde(default)]
    people: HashMap<String, String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Words {
    #[serde(default)]
    anonymous: Vec<String>,
    #[serde(default)]
    government: Vec<String>,
    #[serde(default)]
    trailing: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PersonEntry {
    name: String,
    institution: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct InstitutionEntry {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
}

/// The loaded knowledge: lower-cased, normalised phrases to canonical names.
#[derive(Debug, Default, Clone)]
pub struct Knowledge {
    persons: HashMap<String, String>,
    phrases: HashMap<String, String>,
    anonymous: BTreeSet<String>,
    government: BTreeSet<String>,
    trailing: BTreeSet<String>,
    broader: HashMap<String, String>,
    people: HashMap<String, String>,
}

impl Knowledge {
    /// The built-in data only.
    pub fn builtin() -> Result<Knowledge, LedgerError> {
        Knowledge::load(&[])
    }

    /// The built-in data with every `*.toml` file of each existing
    /// directory merged on top, in name order.
    pub fn load(dirs: &[PathBuf]) -> Result<Knowledge, LedgerError> {
        let mut k = Knowledge::default();
        for (name, text) in BUILTIN {
            k.add(Path::new("builtin").join(name), text)?;
        }
        for dir in dirs.iter().filter(|d| d.is_dir()) {
            for file in toml_files(dir)? {
                let text = std::fs::read_to_string(&file).map_err(|source| LedgerError::Io {
                    file: file.clone(),
                    source,
                })?;
                k.add(file, &text)?;
            }
        }
        Ok(k)
    }

    /// The user's ledger directory: `$TALLY_LEDGER_DIR`, else
    /// `$XDG_CONFIG_HOME/tally/ledger`, else `$HOME/.config/tally/ledger`.
    pub fn user_dir() -> Option<PathBuf> {
        if let Some(d) = std::env::var_os("TALLY_LEDGER_DIR") {
            return Some(PathBuf::from(d));
        }
        let config = std::env::var_os("XDG_CONFIG_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
        Some(config.join("tally").join("ledger"))
    }

    /// Add one file's entries (public for tests and tools with own data).
    pub fn add(&mut self, file: PathBuf, text: &str) -> Result<(), LedgerError> {
        let parsed: File = toml::from_str(text).map_err(|e| LedgerError::Parse {
            file,
            message: e.to_string(),
        })?;
        if let Some(w) = parsed.words {
            self.anonymous
                .extend(w.anonymous.iter().map(|s| s.to_lowercase()));
            self.government
                .extend(w.government.iter().map(|s| s.to_lowercase()));
            self.trailing
                .extend(w.trailing.iter().map(|s| s.to_lowercase()));
        }
        for (narrow, broad) in parsed.broader {
            self.broader.insert(narrow.to_lowercase(), broad);
        }
        for (class, group) in parsed.people {
            self.people
                .insert(class.to_lowercase(), group.to_lowercase());
        }
        for p in parsed.person {
            self.persons.insert(normalise(&p.name), p.institution);
        }
        for i in parsed.institution {
            for a in i.aliases.iter().chain(std::iter::once(&i.name)) {
                self.phrases.insert(normalise(a), i.name.clone());
            }
        }
        Ok(())
    }

    /// The institution a person (by any written name) speaks for.
    pub fn person(&self, name: &str) -> Option<&str> {
        self.persons.get(&normalise(name)).map(String::as_str)
    }

    /// The institution a whole phrase names.
    pub fn phrase(&self, phrase: &str) -> Option<&str> {
        self.phrases.get(&normalise(phrase)).map(String::as_str)
    }

    /// The broader class of a class of materiel (canonical names).
    pub fn broader(&self, class: &str) -> Option<&str> {
        self.broader.get(&class.to_lowercase()).map(String::as_str)
    }

    /// The group of a people class ("troops" → military); a class not
    /// listed is its own group.
    pub fn people_group(&self, class: &str) -> String {
        let class = class.to_lowercase();
        self.people.get(&class).cloned().unwrap_or(class)
    }

    /// Whether every word of `words` is an anonymous-source word.
    pub fn is_anonymous_word(&self, word: &str) -> bool {
        self.anonymous.contains(word)
    }

    /// Whether a word may follow a speaker's name without changing who
    /// speaks (anonymous, government and trailing words).
    pub fn is_trailing_word(&self, word: &str) -> bool {
        self.trailing.contains(word)
            || self.anonymous.contains(word)
            || self.government.contains(word)
    }

    /// Whether a word after a state's name still means its government.
    pub fn is_government_word(&self, word: &str) -> bool {
        self.government.contains(word)
    }
}

/// Lower case, curly apostrophes straight, a leading "the " dropped,
/// runs of spaces collapsed.
pub(crate) fn normalise(s: &str) -> String {
    let lower = s.trim().to_lowercase().replace('’', "'");
    let words: Vec<&str> = lower.split_whitespace().collect();
    let words = match words.first() {
        Some(&"the") => &words[1..],
        _ => &words[..],
    };
    words.join(" ")
}

fn toml_files(dir: &Path) -> Result<Vec<PathBuf>, LedgerError> {
    let io = |source| LedgerError::Io {
        file: dir.to_path_buf(),
        source,
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.extension().is_some_and(|e| e == "toml") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_loads_and_maps_persons_and_phrases() {
        let k = Knowledge::builtin().unwrap();
        assert_eq!(
            k.person("kyrylo budanov"),
            Some("Defence Intelligence of Ukraine")
        );
        assert_eq!(
            k.phrase("The Ukraine’s military intelligence"),
            Some("Defence Intelligence of Ukraine")
        );
        assert!(k.is_anonymous_word("officials"));
        assert!(k.is_government_word("authorities"));
    }

    #[test]
    fn later_files_override_and_bad_files_name_themselves() {
        let mut k = Knowledge::builtin().unwrap();
        k.add(
            "user.toml".into(),
            "[[person]]\nname = \"Kyrylo Budanov\"\ninstitution = \"X\"\n",
        )
        .unwrap();
        assert_eq!(k.person("Kyrylo Budanov"), Some("X"));
        let err = k
            .add("bad.toml".into(), "[[person]]\nname = 1\n")
            .unwrap_err();
        assert!(err.to_string().starts_with("bad.toml"));
    }

    #[test]
    fn user_dirs_are_merged() {
        let dir = std::env::temp_dir().join(format!("tally-ledger-k-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("a.toml"),
            "[[institution]]\nname = \"Acme\"\naliases = [\"acme corp\"]\n",
        )
        .unwrap();
        let k = Knowledge::load(std::slice::from_ref(&dir)).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(k.phrase("Acme Corp"), Some("Acme"));
    }
}
