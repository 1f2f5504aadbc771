//! States named by the first word of their name alone: a story that has
//! named North Korea may go on with "the North" ("the North's factories").
//! The words come from `data/extract/cues.toml` (`elliptic_states`); the
//! state is the one named so far whose lexicon name starts with the word,
//! and only when exactly one does.

use crate::tokens::{tokenize, TokKind};
use tally_core::Span;
use tally_lexicon::{Entity, EntityId, Form, Lexicon, Mention};

/// States named so far in a document, in order of first mention.
#[derive(Clone, Debug, Default)]
pub(crate) struct SeenStates(Vec<EntityId>);

impl SeenStates {
    /// Note the states among `found`.
    pub fn note(&mut self, lex: &Lexicon, found: &[Mention]) {
        for m in found {
            if matches!(lex.entity(m.entity), Entity::State(_)) && !self.0.contains(&m.entity) {
                self.0.push(m.entity);
            }
        }
    }
}

/// Add to `found` (mentions of `unit`, offsets relative to it) a mention
/// for each elliptical state name: "the North" / "The South", capitalised,
/// not part of a longer name ("the South China Sea") and not a compass
/// point ("the North of the country").
pub(crate) fn add_elliptic_states(
    unit: &str,
    found: &mut Vec<Mention>,
    seen: &SeenStates,
    lex: &Lexicon,
    words: &[String],
) {
    if words.is_empty() || !words.iter().any(|w| unit.contains(w.as_str())) {
        return;
    }
    let toks = tokenize(unit, 0, unit.len());
    let raw = |i: usize| toks.get(i).and_then(|t| unit.get(t.start..t.end));
    let mut added = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let Some(w) = raw(i).filter(|w| words.iter().any(|x| x == w)) else {
            continue;
        };
        if i == 0 || !matches!(raw(i - 1), Some("the" | "The")) {
            continue;
        }
        if found
            .iter()
            .any(|m| m.span.start < t.end && t.start < m.span.end)
        {
            continue;
        }
        let possessive = toks
            .get(i + 1)
            .is_some_and(|n| n.kind == TokKind::Possessive);
        let next = if possessive { i + 2 } else { i + 1 };
        // "the North of the country", "the South China Sea" ("the North-West"
        // is one token, so never a listed word)
        if let Some(n) = raw(next) {
            let word = toks[next].kind == TokKind::Word;
            if n.eq_ignore_ascii_case("of")
                || (word && n.chars().next().is_some_and(char::is_uppercase))
            {
                continue;
            }
        }
        // states named before this point, in earlier units or this one
        let before: Vec<EntityId> = found
            .iter()
            .filter(|m| m.span.end <= t.start)
            .map(|m| m.entity)
            .collect();
        let prefix = format!("{w} ");
        let mut states: Vec<EntityId> = seen
            .0
            .iter()
            .chain(before.iter())
            .copied()
            .filter(|id| match lex.entity(*id) {
                Entity::State(st) => st.name.starts_with(&prefix),
                _ => false,
            })
            .collect();
        states.sort_unstable();
        states.dedup();
        if let [id] = states[..] {
            added.push(Mention {
                span: Span::new(t.start, t.end),
                entity: id,
                form: Form::Alias,
                possessive,
            });
        }
    }
    if !added.is_empty() {
        found.extend(added);
        found.sort_by_key(|m| (m.span.start, m.span.end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::testing::data;

    fn run(earlier: &str, unit: &str) -> Vec<(String, bool)> {
        let d = data();
        let mut seen = SeenStates::default();
        seen.note(&d.lex, &d.lex.find(earlier));
        let mut found = d.lex.find(unit);
        add_elliptic_states(unit, &mut found, &seen, &d.lex, &d.cues.elliptic_states);
        found
            .iter()
            .filter(|m| matches!(unit.get(m.span.range()), Some("North" | "South")))
            .filter_map(|m| match d.lex.entity(m.entity) {
                Entity::State(st) => Some((st.code.clone(), m.possessive)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_north_is_the_one_northern_state_named_before() {
        assert_eq!(
            run(
                "Pyongyang tested a missile.",
                "The North's factories are busy."
            ),
            vec![("KP".to_string(), true)]
        );
        assert_eq!(
            run(
                "South Sudan and Sudan clashed.",
                "Then the South sent troops."
            ),
            vec![("SS".to_string(), false)]
        );
    }

    #[test]
    fn compass_points_and_unnamed_states_are_not_states() {
        assert!(run(
            "Pyongyang tested a missile.",
            "Rain fell in the North of the country."
        )
        .is_empty());
        assert!(run(
            "Pyongyang tested a missile.",
            "Ships sailed the South China Sea."
        )
        .is_empty());
        // no southern state named before
        assert!(run("Pyongyang tested a missile.", "Then the South replied.").is_empty());
        // two northern states named: ambiguous
        assert!(run(
            "North Korea and North Macedonia voted.",
            "Then the North replied."
        )
        .is_empty());
        // lower case is a direction
        assert!(run("Pyongyang tested a missile.", "Troops moved to the north.").is_empty());
    }
}
