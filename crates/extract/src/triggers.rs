//! The trigger lexicon: verbs and nouns that say what happened to a counted
//! item, loaded from `data/lexicon/triggers.toml`.

use crate::phrases::PhraseSet;
use crate::ExtractError;
use serde::Deserialize;
use tally_core::Stage;

/// The argument structure a trigger opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Frame {
    Give,
    Receive,
    Move,
    Use,
    Include,
    Order,
    Presence,
    Kill,
    Wound,
    Casualty,
    Capture,
    Missing,
    Destroy,
    Damage,
    Lose,
    Abandon,
    Produce,
    /// Not a claim at all: needs, composition, crews, training, votes,
    /// prices and capacities. A figure this governs is dropped.
    NonClaim,
}

impl Frame {
    /// Frames about people hurt or equipment lost.
    pub fn is_harm(self) -> bool {
        matches!(
            self,
            Frame::Kill
                | Frame::Wound
                | Frame::Casualty
                | Frame::Capture
                | Frame::Missing
                | Frame::Destroy
                | Frame::Damage
                | Frame::Lose
                | Frame::Abandon
        )
    }
}

/// One trigger entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Trigger {
    pub frame: Frame,
    pub stage: Stage,
    pub needs_path: bool,
    /// The word counts only with a recipient right after it ("pay Iran
    /// $1bn", "pay $1bn to Iran"); the money it governs is a payment.
    pub payment: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    trigger: Vec<RawTrigger>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTrigger {
    frame: Frame,
    #[serde(default)]
    stage: Option<String>,
    #[serde(default)]
    needs_path: bool,
    #[serde(default)]
    payment: bool,
    words: Vec<String>,
}

/// The built-in trigger file.
pub(crate) const BUILTIN: &str = include_str!("../../../data/lexicon/triggers.toml");

/// All trigger phrases.
#[derive(Debug, Clone)]
pub(crate) struct Triggers {
    pub set: PhraseSet<Trigger>,
}

impl Triggers {
    pub fn parse(text: &str) -> Result<Triggers, ExtractError> {
        let raw: RawFile = toml::from_str(text).map_err(|e| ExtractError::Data {
            file: "triggers.toml".into(),
            message: e.message().to_string(),
        })?;
        let mut set = PhraseSet::default();
        for t in raw.trigger {
            let stage = match t.stage.as_deref() {
                Some("planned") => Stage::Planned,
                _ => Stage::Done,
            };
            let trig = Trigger {
                frame: t.frame,
                stage,
                needs_path: t.needs_path,
                payment: t.payment,
            };
            for w in &t.words {
                set.insert(w, trig);
            }
        }
        Ok(Triggers { set })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    #[test]
    fn builtin_parses_and_matches_phrases() {
        let t = Triggers::parse(BUILTIN).unwrap();
        let text = "the army handed over six jets and shot down two drones";
        let toks = tokenize(text, 0, text.len());
        let (trig, end) = t.set.at(text, &toks, 2).unwrap();
        assert_eq!(trig.frame, Frame::Give);
        assert_eq!(end, 4);
        let (trig, _) = t.set.at(text, &toks, 7).unwrap();
        assert_eq!(trig.frame, Frame::Destroy);
        assert!(t.set.at(text, &toks, 0).is_none());
    }

    #[test]
    fn pledges_are_planned() {
        let t = Triggers::parse(BUILTIN).unwrap();
        let text = "pledged";
        let toks = tokenize(text, 0, text.len());
        assert_eq!(t.set.at(text, &toks, 0).unwrap().0.stage, Stage::Planned);
    }
}
