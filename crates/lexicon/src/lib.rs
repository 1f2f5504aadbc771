//! tally's knowledge as data: states, non-state actors, persons, bodies,
//! weapon systems, classes of materiel, outlets and places, loaded from
//! TOML files and matched in one pass over a text.
//!
//! - [`Lexicon`]: built once ([`Lexicon::builtin`] or [`Lexicon::load`]),
//!   `Send + Sync`, shared by reference. [`Lexicon::find`] returns the
//!   [`Mention`]s of a text, leftmost-longest and non-overlapping.
//! - [`Entity`]: one entry ([`State`], [`Actor`], [`Person`], [`Body`],
//!   [`Weapon`], [`Class`], [`Outlet`], [`Place`]), addressed by [`EntityId`].
//! - [`Form`]: how a mention names its entity (name, alias, capital,
//!   demonym, seat of power, role phrase, derived plural).
//! - [`LexiconError`]: why files could not be loaded, naming the file.
//!
//! Matching rules: all phrases go into one ASCII-case-insensitive
//! Aho-Corasick automaton, except that all-caps acronyms of 2-5 letters
//! ("US", "NATO", "NIS") must match with their exact case; a match must
//! sit on word boundaries; `'` and `’` are the same; a following
//! possessive `'s` is reported in [`Mention::possessive`] and kept out of
//! the span. Weapons and (non-money) classes also match derived
//! designation spellings (M1989 / M-1989 / M 1989) and plurals.
//!
//! When one phrase has several readings (a role phrase such as "defence
//! minister" held by many persons, a generic "defence ministry"), the
//! mention carries the preferred one (states before actors, persons,
//! bodies, weapons, classes, outlets, places; names before aliases before
//! capitals, seats, demonyms and roles; then file order) and
//! [`Lexicon::readings`] lists them all, so a caller can pick by state.
//!
//! User files (same schema) in [`Lexicon::user_dir`] are merged on top of
//! the built-in ones: an entry with the same canonical name (a state: the
//! same code) extends the earlier one's lists; a different value for a
//! scalar field is a [`Conflict`]. Unknown tables and fields are errors,
//! except tally-extract's `[[trigger]]` table, which is skipped.
//!
//! Data conventions: "the White House", "the Kremlin", "Downing Street" are
//! seats of power of their state ([`Form::Seat`]); the Pentagon and the
//! State Department are bodies. Officials of NATO, the EU and the UN carry
//! no state.
//!
//! ```
//! use tally_lexicon::{Entity, Form, Lexicon};
//! let lex = Lexicon::builtin().unwrap();
//! let text = "Pyongyang's shells reached the Kursk region, the US said.";
//! let found = lex.find(text);
//! let first = &found[0];
//! assert_eq!(&text[first.span.range()], "Pyongyang");
//! assert_eq!(first.form, Form::Capital);
//! assert!(first.possessive);
//! assert!(matches!(lex.entity(first.entity), Entity::State(s) if s.code == "KP"));
//! ```

mod builtin;
mod entity;
mod error;
mod matcher;
mod merge;
mod schema;
mod variants;

use rustc_hash::FxHashMap as HashMap;
use std::path::{Path, PathBuf};
use tally_core::Span;

pub use entity::{
    Actor, Body, Class, Entity, EntityId, EntityKind, Form, LexiconStats, Mention, Outlet, Person,
    Place, Reading, State, Weapon,
};
pub use error::{Conflict, LexiconError};

use matcher::Matcher;
use merge::Merger;

/// The loaded lexicon: entities and the phrase automaton.
#[derive(Debug)]
pub struct Lexicon {
    entities: Vec<Entity>,
    /// (kind, lower-cased canonical name or alias) -> entity.
    names: HashMap<(EntityKind, String), EntityId>,
    /// ISO code -> state entity.
    codes: HashMap<String, EntityId>,
    matcher: Matcher,
}

impl Lexicon {
    /// The lexicon compiled into the binary (`data/lexicon/*.toml`).
    pub fn builtin() -> Result<Lexicon, LexiconError> {
        Lexicon::load(&[])
    }

    /// The built-in lexicon with every `*.toml` file of each directory
    /// merged on top, directories in the order given and files in name
    /// order. A directory that does not exist is skipped (the default user
    /// directory usually does not).
    pub fn load(extra_dirs: &[PathBuf]) -> Result<Lexicon, LexiconError> {
        let mut merger = Merger::default();
        for (name, text) in builtin::FILES {
            let file = Path::new("builtin").join(name);
            merger.add_file(&file, schema::parse(&file, text)?)?;
        }
        for dir in extra_dirs {
            for file in toml_files(dir)? {
                let text = std::fs::read_to_string(&file).map_err(|source| LexiconError::Io {
                    file: file.clone(),
                    source,
                })?;
                merger.add_file(&file, schema::parse(&file, &text)?)?;
            }
        }
        Lexicon::from_entities(merger.finish()?)
    }

    /// Build from files given as (label, TOML text) pairs only, without the
    /// built-in data. Useful for tests and for tools with their own data.
    pub fn from_sources<S: AsRef<str>>(sources: &[(S, S)]) -> Result<Lexicon, LexiconError> {
        let mut merger = Merger::default();
        for (label, text) in sources {
            let file = PathBuf::from(label.as_ref());
            merger.add_file(&file, schema::parse(&file, text.as_ref())?)?;
        }
        Lexicon::from_entities(merger.finish()?)
    }

    fn from_entities(entities: Vec<Entity>) -> Result<Lexicon, LexiconError> {
        let matcher = Matcher::build(&entities)?;
        let mut names = HashMap::default();
        let mut codes = HashMap::default();
        for (i, e) in entities.iter().enumerate() {
            let id = EntityId(i as u32);
            names.insert((e.kind(), e.name().to_lowercase()), id);
            if let Entity::State(s) = e {
                codes.insert(s.code.clone(), id);
            }
        }
        for (i, e) in entities.iter().enumerate() {
            for a in e.aliases() {
                names
                    .entry((e.kind(), a.to_lowercase()))
                    .or_insert(EntityId(i as u32));
            }
        }
        Ok(Lexicon {
            entities,
            names,
            codes,
            matcher,
        })
    }

    /// The user's lexicon directory: `$TALLY_LEXICON_DIR` when set, else
    /// `$XDG_CONFIG_HOME/tally/lexicon`, else `$HOME/.config/tally/lexicon`.
    /// `None` when none of these variables is set. The directory need not
    /// exist.
    pub fn user_dir() -> Option<PathBuf> {
        let var = |k: &str| {
            std::env::var_os(k)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        if let Some(dir) = var("TALLY_LEXICON_DIR") {
            return Some(dir);
        }
        let config = var("XDG_CONFIG_HOME")
            .filter(|p| p.is_absolute())
            .or_else(|| var("HOME").map(|h| h.join(".config")))?;
        Some(config.join("tally").join("lexicon"))
    }

    /// All mentions in `text`, in text order, non-overlapping, preferring
    /// the leftmost and then the longest phrase.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        self.matcher.find(text)
    }

    /// The mentions of each span of `text` (in text order, not
    /// overlapping), each exactly `find(&text[span])` (offsets relative to
    /// the span), from one pass over `text`: cheaper than one call per
    /// span when the spans are many and short (the sentences of a report).
    pub fn find_in(&self, text: &str, spans: &[Span]) -> Vec<Vec<Mention>> {
        self.matcher.find_in(text, spans)
    }

    /// Every reading of a phrase as written in a text (for a mention,
    /// `&text[m.span.range()]`), preferred first; empty when the lexicon
    /// does not know the phrase.
    pub fn readings(&self, phrase: &str) -> &[Reading] {
        self.matcher.readings(phrase)
    }

    /// The entity behind an id from this lexicon.
    ///
    /// Panics only when given an id from another, larger lexicon.
    pub fn entity(&self, id: EntityId) -> &Entity {
        &self.entities[id.index()]
    }

    /// All entities, in id order (grouped by table).
    pub fn entities(&self) -> impl Iterator<Item = (EntityId, &Entity)> {
        self.entities
            .iter()
            .enumerate()
            .map(|(i, e)| (EntityId(i as u32), e))
    }

    /// The entity of a table by canonical name or alias (case-insensitive).
    pub fn lookup(&self, kind: EntityKind, name: &str) -> Option<EntityId> {
        if kind == EntityKind::State {
            if let Some(&id) = self.codes.get(name.trim()) {
                return Some(id);
            }
        }
        self.names.get(&(kind, name.trim().to_lowercase())).copied()
    }

    /// A state by ISO 3166-1 alpha-2 code.
    pub fn state(&self, code: &str) -> Option<&State> {
        match self.entity(*self.codes.get(code)?) {
            Entity::State(s) => Some(s),
            _ => None,
        }
    }

    /// A class by canonical name or alias.
    pub fn class(&self, name: &str) -> Option<&Class> {
        match self.entity(self.lookup(EntityKind::Class, name)?) {
            Entity::Class(c) => Some(c),
            _ => None,
        }
    }

    /// A weapon by canonical name or alias.
    pub fn weapon(&self, name: &str) -> Option<&Weapon> {
        match self.entity(self.lookup(EntityKind::Weapon, name)?) {
            Entity::Weapon(w) => Some(w),
            _ => None,
        }
    }

    /// A person by canonical name or alias.
    pub fn person(&self, name: &str) -> Option<&Person> {
        match self.entity(self.lookup(EntityKind::Person, name)?) {
            Entity::Person(p) => Some(p),
            _ => None,
        }
    }

    /// A place by canonical name or alias.
    pub fn place(&self, name: &str) -> Option<&Place> {
        match self.entity(self.lookup(EntityKind::Place, name)?) {
            Entity::Place(p) => Some(p),
            _ => None,
        }
    }

    /// Counts per table and of matched phrases.
    pub fn stats(&self) -> LexiconStats {
        let mut s = LexiconStats {
            phrases: self.matcher.phrase_count(),
            ambiguous: self.matcher.ambiguous_count(),
            ..LexiconStats::default()
        };
        for e in &self.entities {
            *match e.kind() {
                EntityKind::State => &mut s.states,
                EntityKind::Actor => &mut s.actors,
                EntityKind::Person => &mut s.persons,
                EntityKind::Body => &mut s.bodies,
                EntityKind::Weapon => &mut s.weapons,
                EntityKind::Class => &mut s.classes,
                EntityKind::Outlet => &mut s.outlets,
                EntityKind::Place => &mut s.places,
            } += 1;
        }
        s
    }
}

/// The `*.toml` files of a directory in name order; none if it is absent.
fn toml_files(dir: &Path) -> Result<Vec<PathBuf>, LexiconError> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let io = |source| LexiconError::Io {
        file: dir.to_path_buf(),
        source,
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.extension().is_some_and(|x| x == "toml") && path.is_file() {
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
    fn user_dir_merges_on_top_of_builtin() {
        let dir = match tempfile::tempdir() {
            Ok(d) => d,
            Err(e) => panic!("tempdir: {e}"),
        };
        let user = "[[state]]\ncode = \"KP\"\nname = \"North Korea\"\naliases = [\"Hermit Kingdom\"]\n\n[[place]]\nname = \"Tumen Bridge Test Site\"\nstate = \"KP\"\n";
        let written = std::fs::write(dir.path().join("mine.toml"), user)
            .and_then(|_| std::fs::write(dir.path().join("notes.txt"), "not toml ["));
        assert!(written.is_ok());
        let missing = dir.path().join("absent");
        let lex = match Lexicon::load(&[dir.path().to_path_buf(), missing]) {
            Ok(l) => l,
            Err(e) => panic!("load: {e}"),
        };
        let base = match Lexicon::builtin() {
            Ok(l) => l,
            Err(e) => panic!("builtin: {e}"),
        };
        assert_eq!(lex.stats().states, base.stats().states);
        assert_eq!(lex.stats().places, base.stats().places + 1);
        let text = "the Hermit Kingdom";
        let m = lex.find(text);
        assert_eq!(m.len(), 1);
        assert_eq!(lex.entity(m[0].entity).name(), "North Korea");
        assert!(base.find(text).is_empty());
        assert!(lex.place("tumen bridge test site").is_some());

        // A broken user file is an error naming it.
        let bad = std::fs::write(dir.path().join("zz.toml"), "[[state]\n");
        assert!(bad.is_ok());
        let err = Lexicon::load(&[dir.path().to_path_buf()]).err();
        assert!(
            matches!(&err, Some(LexiconError::Syntax { file, .. }) if file.ends_with("zz.toml")),
            "{err:?}"
        );
    }

    #[test]
    fn user_dir_follows_the_environment() {
        // The only test that touches these variables.
        std::env::set_var("TALLY_LEXICON_DIR", "/tmp/tally-lex-test");
        assert_eq!(
            Lexicon::user_dir(),
            Some(PathBuf::from("/tmp/tally-lex-test"))
        );
        std::env::remove_var("TALLY_LEXICON_DIR");
        std::env::set_var("XDG_CONFIG_HOME", "/tmp/xdg-test");
        assert_eq!(
            Lexicon::user_dir(),
            Some(PathBuf::from("/tmp/xdg-test/tally/lexicon"))
        );
        std::env::set_var("XDG_CONFIG_HOME", "relative");
        std::env::set_var("HOME", "/home/tester");
        assert_eq!(
            Lexicon::user_dir(),
            Some(PathBuf::from("/home/tester/.config/tally/lexicon"))
        );
        std::env::remove_var("XDG_CONFIG_HOME");
    }

    #[test]
    fn shared_across_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Lexicon>();
    }
}
