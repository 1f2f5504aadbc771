//! The lexicon as spaCy `EntityRuler` patterns, for the Python peer.

use serde::Serialize;
use tally_lexicon::{Entity, Lexicon};

/// One phrase pattern: the entity kind as an upper-case label and the
/// phrase as written in the lexicon data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Pattern {
    pub label: String,
    pub pattern: String,
}

/// Every listed phrase of every entity: names and aliases, plus a state's
/// capitals, demonyms and seats and a person's roles. (Spelling variants
/// and plurals that the lexicon derives itself are not listed.) Sorted and
/// without duplicates.
pub fn patterns(lex: &Lexicon) -> Vec<Pattern> {
    let mut out = Vec::new();
    for (_, e) in lex.entities() {
        let label = e.kind().table().to_ascii_uppercase();
        let mut add = |p: &String| {
            out.push(Pattern {
                label: label.clone(),
                pattern: p.clone(),
            })
        };
        add(&e.name().to_string());
        e.aliases().iter().for_each(&mut add);
        match e {
            Entity::State(s) => {
                s.capitals.iter().for_each(&mut add);
                s.demonyms.iter().for_each(&mut add);
                s.seats.iter().for_each(&mut add);
            }
            Entity::Person(p) => p.roles.iter().for_each(&mut add),
            _ => {}
        }
    }
    out.sort_by(|a, b| (&a.label, &a.pattern).cmp(&(&b.label, &b.pattern)));
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entity_name_is_a_pattern() {
        let lex = Lexicon::builtin().unwrap();
        let pats = patterns(&lex);
        let stats = lex.stats();
        assert!(pats.len() >= stats.states + stats.weapons + stats.persons);
        let has = |label: &str, p: &str| pats.iter().any(|x| x.label == label && x.pattern == p);
        let (_, first) = lex.entities().next().unwrap();
        assert!(has(
            &first.kind().table().to_ascii_uppercase(),
            first.name()
        ));
        assert!(pats.iter().all(|p| !p.pattern.is_empty()));
    }
}
