//! Canonical keys for the things claims count: a weapon system, its class
//! and the broader classes above it (from the lexicon and
//! `data/ledger/classes.toml`), people, or a name the lexicon does not know.

use crate::knowledge::Knowledge;
use tally_lexicon::Lexicon;

/// The resolved item of a claim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemKey {
    /// Canonical name: the weapon's or class's lexicon name, else the
    /// normalised words.
    pub name: String,
    /// Set when `name` is a weapon system.
    pub weapon: bool,
    /// Set when `name` is a class itself, not a thing of that class the
    /// lexicon does not know ("pick-up trucks" → vehicles).
    pub class: bool,
    /// The classes it belongs to, narrowest first (a class includes itself).
    pub classes: Vec<String>,
    /// For people (soldiers, workers, civilians ...), the group of words
    /// that may count the same people ("military"); `None` for things.
    pub people: Option<String>,
}

/// The people group that may stand for any other.
const GENERIC_PEOPLE: &str = "people";

/// How closely two items agree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ItemMatch {
    /// Different systems, or sibling classes: never one fact.
    Different,
    /// A class and a narrower class or system of it, or two people words.
    Related,
    /// The same system or class.
    Same,
}

impl ItemKey {
    /// Resolve an item name (canonical or as written).
    pub fn resolve(name: &str, lexicon: &Lexicon, knowledge: &Knowledge) -> ItemKey {
        if let Some(w) = lexicon.weapon(name) {
            let mut classes = Vec::new();
            if let Some(c) = &w.class {
                classes = chain(c, knowledge);
            }
            return ItemKey {
                name: w.name.clone(),
                weapon: true,
                class: false,
                classes,
                people: None,
            };
        }
        if let Some(c) = class_of(name, lexicon) {
            let people = lexicon
                .class(&c)
                .filter(|k| k.people)
                .map(|_| knowledge.people_group(&c));
            let exact = exact_class(name, lexicon);
            return ItemKey {
                name: if exact { c.clone() } else { norm(name) },
                weapon: false,
                class: exact,
                classes: chain(&c, knowledge),
                people,
            };
        }
        ItemKey {
            name: norm(name),
            weapon: false,
            class: false,
            classes: Vec::new(),
            people: None,
        }
    }

    /// Compare two items.
    pub fn compare(&self, other: &ItemKey) -> ItemMatch {
        if self.name == other.name {
            return ItemMatch::Same;
        }
        if let (Some(a), Some(b)) = (&self.people, &other.people) {
            let generic = a == GENERIC_PEOPLE || b == GENERIC_PEOPLE;
            return if a == b || generic {
                ItemMatch::Related
            } else {
                ItemMatch::Different
            };
        }
        if self.weapon && other.weapon {
            return ItemMatch::Different;
        }
        let a_in_b = self
            .classes
            .first()
            .is_some_and(|c| other.classes.contains(c));
        let b_in_a = other
            .classes
            .first()
            .is_some_and(|c| self.classes.contains(c));
        // The broader side must be a class itself: "vehicles" covers
        // "tanks", but "pick-up trucks" (some vehicles) does not.
        if (a_in_b && self.class) || (b_in_a && other.class) {
            return ItemMatch::Related;
        }
        // Two unknown things with one head class may be one thing named
        // twice ("armored medical treatment vehicles", "armoured medical
        // vehicles").
        let unknown = |k: &ItemKey| !k.weapon && !k.class && !k.classes.is_empty();
        if unknown(self) && unknown(other) && self.classes.first() == other.classes.first() {
            return ItemMatch::Related;
        }
        let (a, b) = (format!(" {} ", self.name), format!(" {} ", other.name));
        if a.contains(&b) || b.contains(&a) {
            return ItemMatch::Related;
        }
        ItemMatch::Different
    }
}

fn exact_class(name: &str, lexicon: &Lexicon) -> bool {
    lexicon.class(name).is_some()
}

/// The class a name is or ends with ("armoured medical vehicles" →
/// vehicles).
fn class_of(name: &str, lexicon: &Lexicon) -> Option<String> {
    if let Some(c) = lexicon.class(name) {
        return Some(c.name.clone());
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..words.len()).find_map(|i| lexicon.class(&words[i..].join(" ")).map(|c| c.name.clone()))
}

fn chain(class: &str, knowledge: &Knowledge) -> Vec<String> {
    let mut out = vec![class.to_string()];
    while let Some(b) = out.last().and_then(|c| knowledge.broader(c)) {
        if out.iter().any(|c| c == b) || out.len() > 8 {
            break;
        }
        out.push(b.to_string());
    }
    out
}

/// Lower case, words of letters and digits, a trailing plural "s" dropped.
fn norm(s: &str) -> String {
    let lower = s.to_lowercase().replace("armour", "armor");
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut n = words.join(" ");
    if n.len() > 3 && n.ends_with('s') {
        n.pop();
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &str) -> ItemKey {
        thread_local! {
            static LEX: Lexicon = Lexicon::builtin().unwrap();
        }
        let k = Knowledge::builtin().unwrap();
        LEX.with(|l| ItemKey::resolve(name, l, &k))
    }

    #[test]
    fn weapon_class_and_broader_class() {
        let koksan = key("Koksan");
        assert_eq!(koksan.name, "M1989 Koksan");
        assert!(koksan.classes.contains(&"artillery systems".to_string()));
        assert_eq!(koksan.compare(&key("M1989 Koksan")), ItemMatch::Same);
        let spg = key("self-propelled guns");
        assert!(!spg.weapon, "{spg:?}");
        assert_eq!(
            koksan.compare(&spg),
            ItemMatch::Related,
            "{koksan:?} {spg:?}"
        );
        assert_eq!(
            koksan.compare(&key("artillery systems")),
            ItemMatch::Related
        );
        assert_eq!(koksan.compare(&key("HIMARS")), ItemMatch::Different);
    }

    #[test]
    fn siblings_differ_and_people_relate() {
        assert_eq!(
            key("tanks").compare(&key("armoured vehicles")),
            ItemMatch::Different
        );
        assert_eq!(key("jets").compare(&key("aircraft")), ItemMatch::Related);
        assert_eq!(key("soldiers").compare(&key("troops")), ItemMatch::Related);
        assert_eq!(key("women").compare(&key("children")), ItemMatch::Different);
        assert_eq!(
            key("armored cars").compare(&key("cars")),
            ItemMatch::Related
        );
        assert_eq!(
            key("boats").compare(&key("motorboats")),
            ItemMatch::Different
        );
        assert_eq!(
            key("civilians").compare(&key("soldiers")),
            ItemMatch::Different
        );
        assert_eq!(key("people").compare(&key("children")), ItemMatch::Related);
    }

    #[test]
    fn unknown_names_fall_back_to_their_head_noun() {
        let a = key("armored medical treatment vehicles");
        assert_eq!(a.classes.first().map(String::as_str), Some("vehicles"));
        assert_eq!(
            a.compare(&key("armoured medical treatment vehicle")),
            ItemMatch::Same
        );
        assert_eq!(
            a.compare(&key("armoured medical vehicles")),
            ItemMatch::Related
        );
        assert_eq!(
            key("pick-up trucks").compare(&key("armoured vehicles")),
            ItemMatch::Different
        );
    }
}
