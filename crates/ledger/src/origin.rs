//! The origin of a claim: the institution at the root of its figure, so
//! that reports repeating one institution's figure count as one source.
//!
//! Rules, in order:
//! 1. no speaker (the document's own voice, footage, imagery): the
//!    publisher of the earliest copy of the story;
//! 2. a phrase the ledger's data names as an institution, or a person it
//!    ties to one ("Kyrylo Budanov" → Ukraine's military intelligence);
//! 3. a person of the lexicon: the body named in one of their roles
//!    ("Pentagon spokesman"), else their state's government when they stand
//!    for it, else the person;
//! 4. a body (a generic name such as "defence ministry" read by the state
//!    named beside it), an outlet, or a non-state actor named in the
//!    speaker phrase;
//! 5. anonymous people ("two US officials", "sources") heard through an
//!    outlet: the outlet; a state's officials or the state itself: its
//!    government;
//! 6. else the speaker's words, normalised.

use crate::knowledge::{normalise, Knowledge};
use tally_core::{Claim, Evidence};
use tally_lexicon::{Entity, Lexicon, Mention};

/// Resolves speakers to institutions with the lexicon and the ledger data.
#[derive(Clone, Copy)]
pub struct Origins<'a> {
    lexicon: &'a Lexicon,
    knowledge: &'a Knowledge,
}

impl<'a> Origins<'a> {
    pub fn new(lexicon: &'a Lexicon, knowledge: &'a Knowledge) -> Origins<'a> {
        Origins { lexicon, knowledge }
    }

    /// The origin of a claim; `own_voice` is the publisher of the root of
    /// the claim's copy group.
    pub fn of(&self, claim: &Claim, own_voice: &str) -> String {
        let source = claim.source.as_ref();
        let speaker = source.and_then(|s| s.speaker.as_deref()).map(str::trim);
        let via = source.and_then(|s| s.via.as_deref()).map(str::trim);
        match speaker {
            Some(s) if !s.is_empty() && !matches!(claim.evidence, Some(Evidence::Footage)) => {
                self.speaker(s, via.filter(|v| !v.is_empty()))
            }
            _ => own_voice.to_string(),
        }
    }

    /// The institution a speaker phrase stands for.
    pub fn speaker(&self, speaker: &str, via: Option<&str>) -> String {
        if let Some(i) = self
            .knowledge
            .phrase(speaker)
            .or(self.knowledge.person(speaker))
        {
            return i.to_string();
        }
        let mentions = self.lexicon.find(speaker);
        if let Some(i) = self.named(speaker, &mentions) {
            return i;
        }
        let anonymous = self.is_anonymous(speaker, &mentions);
        if let (true, Some(v)) = (anonymous, via) {
            return self.outlet(v);
        }
        if let Some(code) = self.state_in(&mentions) {
            return self.government(&code);
        }
        normalise(speaker)
    }

    /// A person, body, outlet or actor named in the phrase.
    fn named(&self, speaker: &str, mentions: &[Mention]) -> Option<String> {
        let state = self.state_in(mentions);
        let mut best: Option<(u8, String)> = None;
        for m in mentions {
            let found = match self.lexicon.entity(m.entity) {
                Entity::Person(p) => Some((
                    0,
                    self.person(&p.name, p.state.as_deref(), &p.roles, p.party),
                )),
                Entity::Body(_) => self
                    .body(&speaker[m.span.range()], state.as_deref())
                    .map(|b| (1, b)),
                Entity::Outlet(o) => Some((2, o.name.clone())),
                Entity::Actor(a) => Some((3, a.name.clone())),
                _ => None,
            };
            if let Some(f) = found {
                if best.as_ref().is_none_or(|b| f.0 < b.0) {
                    best = Some(f);
                }
            }
        }
        best.map(|(_, name)| self.canonical(&name))
    }

    fn person(&self, name: &str, state: Option<&str>, roles: &[String], party: bool) -> String {
        if let Some(i) = self.knowledge.person(name) {
            return i.to_string();
        }
        if let Some(b) = roles.iter().find_map(|r| self.body_within(r, state)) {
            return b;
        }
        match state {
            Some(code) if party => self.government(code),
            _ => name.to_string(),
        }
    }

    /// A body named by some run of words of a role phrase ("deputy
    /// Pentagon press secretary"): the whole phrase matches as the role, so
    /// its parts are looked up one by one, longest first.
    fn body_within(&self, role: &str, state: Option<&str>) -> Option<String> {
        let words: Vec<&str> = role.split_whitespace().collect();
        (1..=words.len().min(5)).rev().find_map(|n| {
            words
                .windows(n)
                .find_map(|w| self.body(&w.join(" "), state))
        })
    }

    /// A body named by a phrase; a phrase several bodies share is read by
    /// the state given, and left unresolved without one.
    fn body(&self, phrase: &str, state: Option<&str>) -> Option<String> {
        let bodies: Vec<(Option<&str>, &str)> = self
            .lexicon
            .readings(phrase)
            .iter()
            .filter_map(|r| match self.lexicon.entity(r.entity) {
                Entity::Body(b) => Some((b.state.as_deref(), b.name.as_str())),
                _ => None,
            })
            .collect();
        if let [(_, only)] = bodies[..] {
            return Some(only.to_string());
        }
        let s = state?;
        bodies
            .iter()
            .find(|(st, _)| *st == Some(s))
            .map(|(_, n)| n.to_string())
    }

    fn state_in(&self, mentions: &[Mention]) -> Option<String> {
        mentions
            .iter()
            .find_map(|m| match self.lexicon.entity(m.entity) {
                Entity::State(s) => Some(s.code.clone()),
                _ => None,
            })
    }

    /// Every word outside lexicon mentions of states is an anonymous-source
    /// word ("two US officials", "sources briefed on the matter").
    fn is_anonymous(&self, speaker: &str, mentions: &[Mention]) -> bool {
        let mut rest = speaker.to_string();
        for m in mentions.iter().rev() {
            if matches!(self.lexicon.entity(m.entity), Entity::State(_)) {
                rest.replace_range(m.span.range(), " ");
            }
        }
        let lower = rest.to_lowercase().replace(['’', '\''], " ");
        let mut words = lower
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty() && *w != "s")
            .peekable();
        words.peek().is_some() && words.all(|w| self.knowledge.is_anonymous_word(w))
    }

    fn outlet(&self, via: &str) -> String {
        let mentions = self.lexicon.find(via);
        mentions
            .iter()
            .find_map(|m| match self.lexicon.entity(m.entity) {
                Entity::Outlet(o) => Some(o.name.clone()),
                _ => None,
            })
            .unwrap_or_else(|| via.to_string())
    }

    fn government(&self, code: &str) -> String {
        let name = self.lexicon.state(code).map_or(code, |s| s.name.as_str());
        format!("Government of {name}")
    }

    /// The ledger data's name for an institution, when it renames one.
    fn canonical(&self, name: &str) -> String {
        self.knowledge.phrase(name).unwrap_or(name).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(speaker: &str, via: Option<&str>, expect: &str) {
        thread_local! {
            static LEX: Lexicon = Lexicon::builtin().unwrap();
        }
        let k = Knowledge::builtin().unwrap();
        LEX.with(|l| {
            assert_eq!(
                Origins::new(l, &k).speaker(speaker, via),
                expect,
                "{speaker}"
            )
        });
    }

    #[test]
    fn persons_speak_for_their_institution() {
        let hur = "Defence Intelligence of Ukraine";
        check("Kyrylo Budanov", Some("The Warzone"), hur);
        check("Ukraine's military intelligence agency", None, hur);
        check("HUR", None, hur);
        check("Sabrina Singh", None, "Pentagon");
        check("Pentagon", None, "Pentagon");
        check("Volodymyr Zelensky", None, "Government of Ukraine");
    }

    #[test]
    fn anonymous_sources_belong_to_the_outlet_that_carries_them() {
        check("two US officials", Some("Reuters"), "Reuters");
        check(
            "three sources briefed on the matter",
            Some("Reuters"),
            "Reuters",
        );
        check("Israeli officials", None, "Government of Israel");
        check("Kyiv", None, "Government of Ukraine");
    }

    #[test]
    fn unknown_speakers_keep_their_words() {
        check("The Local Monitoring Group", None, "local monitoring group");
    }
}
