//! Merging parsed files into one set of entities, and checking references.
//!
//! Entries are keyed by table and canonical name (states by code). A later
//! entry with the same key extends the earlier one's lists (aliases,
//! capitals, demonyms, seats, roles); a scalar value (state, class, origin,
//! party, people, money, a state's name) may be given again only with the
//! same value, otherwise the merge fails with [`LexiconError::Conflict`].

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::entity::{
    is_state_code, Actor, Body, Class, Entity, EntityKind, Outlet, Person, Place, State, Weapon,
};
use crate::error::Conflict;
use crate::schema::RawFile;
use crate::LexiconError;

/// A scalar value and the file that set it.
#[derive(Clone, Debug)]
struct Sourced<T> {
    value: T,
    file: PathBuf,
}

/// One entry of any table while files are being merged.
#[derive(Debug)]
struct Entry {
    kind: EntityKind,
    name: String,
    file: PathBuf,
    code: String,
    aliases: Vec<String>,
    capitals: Vec<String>,
    demonyms: Vec<String>,
    seats: Vec<String>,
    roles: Vec<String>,
    state: Option<Sourced<String>>,
    class: Option<Sourced<String>>,
    origin: Option<Sourced<String>>,
    party: Option<Sourced<bool>>,
    people: Option<Sourced<bool>>,
    money: Option<Sourced<bool>>,
}

impl Entry {
    fn new(kind: EntityKind, name: String, file: &Path) -> Entry {
        Entry {
            kind,
            name: clean(&name),
            file: file.to_path_buf(),
            code: String::new(),
            aliases: Vec::new(),
            capitals: Vec::new(),
            demonyms: Vec::new(),
            seats: Vec::new(),
            roles: Vec::new(),
            state: None,
            class: None,
            origin: None,
            party: None,
            people: None,
            money: None,
        }
    }

    fn key(&self) -> (EntityKind, String) {
        match self.kind {
            EntityKind::State => (self.kind, self.code.clone()),
            _ => (self.kind, self.name.to_lowercase()),
        }
    }
}

/// Trim and collapse inner runs of whitespace.
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn cleaned(list: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(list.len());
    for s in list {
        let s = clean(&s);
        if !s.is_empty() && !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

fn sourced<T>(value: Option<T>, file: &Path) -> Option<Sourced<T>> {
    value.map(|value| Sourced {
        value,
        file: file.to_path_buf(),
    })
}

fn sourced_str(value: Option<String>, file: &Path) -> Option<Sourced<String>> {
    sourced(value.map(|v| clean(&v)).filter(|v| !v.is_empty()), file)
}

/// Accumulates entries from files in order.
#[derive(Debug, Default)]
pub(crate) struct Merger {
    entries: Vec<Entry>,
    index: HashMap<(EntityKind, String), usize>,
    /// lower-cased canonical name -> entry, to catch one name in two tables.
    names: HashMap<String, usize>,
}

impl Merger {
    /// Add every entry of one parsed file.
    pub(crate) fn add_file(&mut self, file: &Path, raw: RawFile) -> Result<(), LexiconError> {
        for r in raw.state {
            let mut e = Entry::new(EntityKind::State, r.name, file);
            e.code = r.code.trim().to_string();
            e.aliases = cleaned(r.aliases);
            e.capitals = cleaned(r.capitals);
            e.demonyms = cleaned(r.demonyms);
            e.seats = cleaned(r.seats);
            self.add(e)?;
        }
        for r in raw.actor {
            let mut e = Entry::new(EntityKind::Actor, r.name, file);
            e.aliases = cleaned(r.aliases);
            e.demonyms = cleaned(r.demonyms);
            self.add(e)?;
        }
        for r in raw.person {
            let mut e = Entry::new(EntityKind::Person, r.name, file);
            e.aliases = cleaned(r.aliases);
            e.roles = cleaned(r.roles);
            e.state = sourced_str(r.state, file);
            e.party = sourced(r.party, file);
            self.add(e)?;
        }
        for r in raw.body {
            let mut e = Entry::new(EntityKind::Body, r.name, file);
            e.aliases = cleaned(r.aliases);
            e.state = sourced_str(r.state, file);
            e.class = sourced_str(r.class, file);
            self.add(e)?;
        }
        for r in raw.weapon {
            let mut e = Entry::new(EntityKind::Weapon, r.name, file);
            e.aliases = cleaned(r.aliases);
            e.class = sourced_str(r.class, file);
            e.origin = sourced_str(r.origin, file);
            self.add(e)?;
        }
        for r in raw.class {
            let mut e = Entry::new(EntityKind::Class, r.name, file);
            e.aliases = cleaned(r.aliases);
            e.people = sourced(r.people, file);
            e.money = sourced(r.money, file);
            self.add(e)?;
        }
        for r in raw.outlet {
            let mut e = Entry::new(EntityKind::Outlet, r.name, file);
            e.aliases = cleaned(r.aliases);
            self.add(e)?;
        }
        for r in raw.place {
            let mut e = Entry::new(EntityKind::Place, r.name, file);
            e.aliases = cleaned(r.aliases);
            e.state = sourced_str(r.state, file);
            self.add(e)?;
        }
        Ok(())
    }

    fn add(&mut self, e: Entry) -> Result<(), LexiconError> {
        let table = e.kind.table();
        if e.name.is_empty() {
            return Err(invalid(&e, "the name is empty"));
        }
        if e.kind == EntityKind::State && !is_state_code(&e.code) {
            let problem = format!(
                "code \"{}\" is not an ISO 3166-1 alpha-2 code (two capital letters)",
                e.code
            );
            return Err(invalid(&e, &problem));
        }
        let lname = e.name.to_lowercase();
        if let Some(&other) = self.names.get(&lname) {
            let o = &self.entries[other];
            if o.kind != e.kind {
                return Err(LexiconError::Duplicate {
                    file: e.file,
                    previous: o.file.clone(),
                    entry: e.name,
                    table,
                    other_table: o.kind.table(),
                });
            }
        }
        let key = e.key();
        let Some(&at) = self.index.get(&key) else {
            let at = self.entries.len();
            self.index.insert(key, at);
            self.names.entry(lname).or_insert(at);
            self.entries.push(e);
            return Ok(());
        };
        let old = &mut self.entries[at];
        if old.name != e.name && e.kind == EntityKind::State {
            return Err(conflict(old, &e.file, "name", &old.name, &e.name));
        }
        merge_scalar(old, "state", e.state, |o| &mut o.state)?;
        merge_scalar(old, "class", e.class, |o| &mut o.class)?;
        merge_scalar(old, "origin", e.origin, |o| &mut o.origin)?;
        merge_scalar(old, "party", e.party, |o| &mut o.party)?;
        merge_scalar(old, "people", e.people, |o| &mut o.people)?;
        merge_scalar(old, "money", e.money, |o| &mut o.money)?;
        extend(&mut old.aliases, e.aliases);
        extend(&mut old.capitals, e.capitals);
        extend(&mut old.demonyms, e.demonyms);
        extend(&mut old.seats, e.seats);
        extend(&mut old.roles, e.roles);
        Ok(())
    }

    /// Resolve references and produce the entities, grouped by table in
    /// table order, each table in order of first definition.
    pub(crate) fn finish(self) -> Result<Vec<Entity>, LexiconError> {
        let mut entries = self.entries;
        entries.sort_by_key(|e| e.kind);
        let codes: HashMap<&str, ()> = entries
            .iter()
            .filter(|e| e.kind == EntityKind::State)
            .map(|e| (e.code.as_str(), ()))
            .collect();
        let mut classes: HashMap<String, &str> = HashMap::new();
        let mut actors: HashMap<String, &str> = HashMap::new();
        for e in &entries {
            let map = match e.kind {
                EntityKind::Class => &mut classes,
                EntityKind::Actor => &mut actors,
                _ => continue,
            };
            map.insert(e.name.to_lowercase(), &e.name);
            for a in &e.aliases {
                map.entry(a.to_lowercase()).or_insert(&e.name);
            }
        }
        let check_state = |e: &Entry| -> Result<Option<String>, LexiconError> {
            match &e.state {
                Some(s) if !codes.contains_key(s.value.as_str()) => {
                    Err(LexiconError::UnknownState {
                        file: s.file.clone(),
                        table: e.kind.table(),
                        entry: e.name.clone(),
                        code: s.value.clone(),
                    })
                }
                s => Ok(s.as_ref().map(|s| s.value.clone())),
            }
        };
        let mut out = Vec::with_capacity(entries.len());
        for e in &entries {
            let state = check_state(e)?;
            let flag = |f: &Option<Sourced<bool>>| f.as_ref().is_some_and(|f| f.value);
            let entity = match e.kind {
                EntityKind::State => Entity::State(State {
                    code: e.code.clone(),
                    name: e.name.clone(),
                    aliases: e.aliases.clone(),
                    capitals: e.capitals.clone(),
                    demonyms: e.demonyms.clone(),
                    seats: e.seats.clone(),
                }),
                EntityKind::Actor => Entity::Actor(Actor {
                    name: e.name.clone(),
                    aliases: e.aliases.clone(),
                    demonyms: e.demonyms.clone(),
                }),
                EntityKind::Person => Entity::Person(Person {
                    name: e.name.clone(),
                    aliases: e.aliases.clone(),
                    state,
                    roles: e.roles.clone(),
                    party: flag(&e.party),
                }),
                EntityKind::Body => Entity::Body(Body {
                    name: e.name.clone(),
                    aliases: e.aliases.clone(),
                    state,
                    class: e.class.as_ref().map(|c| c.value.clone()),
                }),
                EntityKind::Weapon => {
                    let class = match &e.class {
                        None => None,
                        Some(c) => match classes.get(&c.value.to_lowercase()) {
                            Some(name) => Some(name.to_string()),
                            None => {
                                return Err(LexiconError::UnknownClass {
                                    file: c.file.clone(),
                                    entry: e.name.clone(),
                                    class: c.value.clone(),
                                })
                            }
                        },
                    };
                    let origin = match &e.origin {
                        None => None,
                        Some(o) if codes.contains_key(o.value.as_str()) => Some(o.value.clone()),
                        Some(o) => match actors.get(&o.value.to_lowercase()) {
                            Some(name) => Some(name.to_string()),
                            None => {
                                return Err(LexiconError::UnknownOrigin {
                                    file: o.file.clone(),
                                    entry: e.name.clone(),
                                    origin: o.value.clone(),
                                })
                            }
                        },
                    };
                    Entity::Weapon(Weapon {
                        name: e.name.clone(),
                        aliases: e.aliases.clone(),
                        class,
                        origin,
                    })
                }
                EntityKind::Class => Entity::Class(Class {
                    name: e.name.clone(),
                    aliases: e.aliases.clone(),
                    people: flag(&e.people),
                    money: flag(&e.money),
                }),
                EntityKind::Outlet => Entity::Outlet(Outlet {
                    name: e.name.clone(),
                    aliases: e.aliases.clone(),
                }),
                EntityKind::Place => Entity::Place(Place {
                    name: e.name.clone(),
                    aliases: e.aliases.clone(),
                    state,
                }),
            };
            out.push(entity);
        }
        Ok(out)
    }
}

fn extend(dst: &mut Vec<String>, src: Vec<String>) {
    for s in src {
        if !dst.contains(&s) {
            dst.push(s);
        }
    }
}

fn merge_scalar<T: PartialEq + ToString>(
    old: &mut Entry,
    field: &'static str,
    new: Option<Sourced<T>>,
    slot: impl Fn(&mut Entry) -> &mut Option<Sourced<T>>,
) -> Result<(), LexiconError> {
    let Some(new) = new else { return Ok(()) };
    let (table, entry) = (old.kind.table(), old.name.clone());
    match slot(old) {
        Some(cur) if cur.value != new.value => {
            let (prev, was) = (cur.file.clone(), cur.value.to_string());
            Err(LexiconError::Conflict(Box::new(Conflict {
                file: new.file,
                previous: prev,
                table,
                entry,
                field,
                old: was,
                new: new.value.to_string(),
            })))
        }
        Some(_) => Ok(()),
        empty => {
            *empty = Some(new);
            Ok(())
        }
    }
}

fn conflict(old: &Entry, file: &Path, field: &'static str, was: &str, now: &str) -> LexiconError {
    LexiconError::Conflict(Box::new(Conflict {
        file: file.to_path_buf(),
        previous: old.file.clone(),
        table: old.kind.table(),
        entry: old.name.clone(),
        field,
        old: was.to_string(),
        new: now.to_string(),
    }))
}

fn invalid(e: &Entry, problem: &str) -> LexiconError {
    LexiconError::Invalid {
        file: e.file.clone(),
        table: e.kind.table(),
        entry: if e.kind == EntityKind::State && e.name.is_empty() {
            e.code.clone()
        } else {
            e.name.clone()
        },
        problem: problem.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use crate::{Entity, EntityKind, Lexicon, LexiconError};

    const BASE: &str = r#"
[[state]]
code = "UA"
name = "Ukraine"
capitals = ["Kyiv"]

[[actor]]
name = "Wagner Group"
aliases = ["Wagner"]

[[class]]
name = "tanks"
aliases = ["tank"]
"#;

    fn load(extra: &str) -> Result<Lexicon, LexiconError> {
        Lexicon::from_sources(&[("base.toml", BASE), ("extra.toml", extra)])
    }

    #[test]
    fn syntax_error_names_file_and_line() {
        let err = load("[[state]]\ncode = \"FR\"\nname = France\n").err();
        match err {
            Some(LexiconError::Syntax { file, line, .. }) => {
                assert_eq!(file.to_str(), Some("extra.toml"));
                assert_eq!(line, Some(3));
            }
            other => panic!("expected a syntax error, got {other:?}"),
        }
        assert!(load("[[trigger]]\nforms = [\"sent\"]\n").is_ok());
        assert!(load("[[persons]]\nname = \"X\"\n").is_err());
        let msg = load("[[place]]\nname = \"X\"\ncolour = \"red\"\n")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(msg.starts_with("extra.toml:"), "{msg}");
        assert!(msg.contains("colour"), "{msg}");
    }

    #[test]
    fn unknown_state_code() {
        let err = load("[[place]]\nname = \"Avdiivka\"\nstate = \"XX\"\n").err();
        assert!(
            matches!(&err, Some(LexiconError::UnknownState { code, file, .. }) if code == "XX" && file.ends_with("extra.toml")),
            "{err:?}"
        );
        let msg = err.map(|e| e.to_string()).unwrap_or_default();
        assert!(
            msg.contains("extra.toml") && msg.contains("Avdiivka"),
            "{msg}"
        );
    }

    #[test]
    fn unknown_class_and_origin() {
        let err = load("[[weapon]]\nname = \"T-72\"\nclass = \"spaceships\"\n").err();
        assert!(
            matches!(&err, Some(LexiconError::UnknownClass { class, .. }) if class == "spaceships"),
            "{err:?}"
        );
        let err = load("[[weapon]]\nname = \"T-72\"\norigin = \"Mordor\"\n").err();
        assert!(
            matches!(&err, Some(LexiconError::UnknownOrigin { origin, .. }) if origin == "Mordor"),
            "{err:?}"
        );
    }

    #[test]
    fn references_resolve_to_canonical_names() {
        let lex = load("[[weapon]]\nname = \"T-72\"\nclass = \"Tank\"\norigin = \"wagner\"\n[[weapon]]\nname = \"Stugna\"\norigin = \"UA\"\n");
        let lex = lex.map_err(|e| e.to_string());
        let w = lex.as_ref().ok().and_then(|l| l.weapon("t-72").cloned());
        assert_eq!(w.as_ref().and_then(|w| w.class.as_deref()), Some("tanks"));
        assert_eq!(
            w.as_ref().and_then(|w| w.origin.as_deref()),
            Some("Wagner Group")
        );
        let s = lex.as_ref().ok().and_then(|l| l.weapon("Stugna").cloned());
        assert_eq!(s.and_then(|w| w.origin), Some("UA".to_string()));
    }

    #[test]
    fn conflicting_duplicates() {
        let err = load("[[state]]\ncode = \"UA\"\nname = \"Ukrainia\"\n").err();
        assert!(
            matches!(&err, Some(LexiconError::Conflict(c)) if c.field == "name"),
            "{err:?}"
        );
        let err = load("[[class]]\nname = \"tanks\"\npeople = true\n[[class]]\nname = \"Tanks\"\npeople = false\n").err();
        assert!(
            matches!(&err, Some(LexiconError::Conflict(c)) if c.field == "people"),
            "{err:?}"
        );
        let err = load("[[place]]\nname = \"Ukraine\"\n").err();
        assert!(
            matches!(
                &err,
                Some(LexiconError::Duplicate {
                    table: "place",
                    other_table: "state",
                    ..
                })
            ),
            "{err:?}"
        );
        let err = load("[[state]]\ncode = \"ukr\"\nname = \"X\"\n").err();
        assert!(
            matches!(&err, Some(LexiconError::Invalid { .. })),
            "{err:?}"
        );
        let err = load("[[outlet]]\nname = \"  \"\n").err();
        assert!(
            matches!(&err, Some(LexiconError::Invalid { .. })),
            "{err:?}"
        );
    }

    #[test]
    fn same_name_extends_lists() {
        let lex = load("[[state]]\ncode = \"UA\"\nname = \"Ukraine\"\naliases = [\"Ukrayina\"]\ncapitals = [\"Kyiv\", \"Kiev\"]\n[[actor]]\nname = \"wagner group\"\naliases = [\"PMC Wagner\"]\n");
        let lex = match lex {
            Ok(l) => l,
            Err(e) => panic!("{e}"),
        };
        let ua = lex.state("UA").cloned();
        assert_eq!(
            ua.as_ref().map(|s| s.capitals.clone()),
            Some(vec!["Kyiv".to_string(), "Kiev".to_string()])
        );
        assert_eq!(ua.map(|s| s.aliases), Some(vec!["Ukrayina".to_string()]));
        assert_eq!(lex.stats().actors, 1);
        let id = lex.lookup(EntityKind::Actor, "PMC Wagner");
        assert!(
            matches!(id.map(|i| lex.entity(i)), Some(Entity::Actor(a)) if a.name == "Wagner Group")
        );
        assert_eq!(lex.find("Kiev and Ukrayina").len(), 2);
    }
}
