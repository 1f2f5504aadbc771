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
//!    outlet: the outlet; a state's officials, a body of a state the
//!    lexicon does not know ("Lebanon's health ministry") or the state
//!    itself: its government;
//! 6. else the speaker's words, normalised.

use crate::knowledge::{normalise, Knowledge};
use std::collections::HashMap;
use tally_core::{Claim, Evidence};
use tally_lexicon::{Entity, Form, Lexicon, Mention, Person};

/// At most this many words of a clause introduce a name.
const INTRO_WORDS: usize = 10;

/// Resolves speakers to institutions with the lexicon and the ledger data.
#[derive(Clone)]
pub struct Origins<'a> {
    lexicon: &'a Lexicon,
    knowledge: &'a Knowledge,
    /// Persons' institutions learnt from the reports ([`Origins::learn`]).
    learned: HashMap<String, String>,
}

impl<'a> Origins<'a> {
    pub fn new(lexicon: &'a Lexicon, knowledge: &'a Knowledge) -> Origins<'a> {
        Origins {
            lexicon,
            knowledge,
            learned: HashMap::new(),
        }
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

    /// Whether the data, the lexicon or a learnt introduction tells who a
    /// claim's speaker speaks for (else its origin is the speaker's words).
    pub fn resolves(&self, claim: &Claim) -> bool {
        let source = claim.source.as_ref();
        match source.and_then(|s| s.speaker.as_deref()).map(str::trim) {
            Some(s) if !s.is_empty() => {
                let via = source.and_then(|s| s.via.as_deref());
                self.known(s, via, false).is_some() || self.learned.contains_key(&normalise(s))
            }
            _ => true,
        }
    }

    /// The institution a speaker phrase stands for.
    pub fn speaker(&self, speaker: &str, via: Option<&str>) -> String {
        self.known(speaker, via, false)
            .or_else(|| self.learned.get(&normalise(speaker)).cloned())
            .unwrap_or_else(|| normalise(speaker))
    }

    /// The institution by the data and the lexicon alone, if they know it.
    /// `strict`: a state named beside other words ("human rights in
    /// Myanmar") is not taken for its government.
    fn known(&self, speaker: &str, via: Option<&str>, strict: bool) -> Option<String> {
        if let Some(i) = self
            .knowledge
            .phrase(speaker)
            .or(self.knowledge.person(speaker))
        {
            return Some(i.to_string());
        }
        let mentions = self.lexicon.find(speaker);
        if let Some(i) = self.named(speaker, &mentions) {
            return Some(i);
        }
        let anonymous = self.is_anonymous(speaker, &mentions);
        if let (true, Some(v)) = (anonymous, via) {
            return Some(self.outlet(v));
        }
        if strict && !self.only_trailing(speaker, &mentions) {
            return None;
        }
        self.state_in(&mentions).map(|code| self.government(&code))
    }

    /// Nothing but states and trailing words ("Pakistan's military
    /// spokesman"), so the state's government is who speaks.
    fn only_trailing(&self, speaker: &str, mentions: &[Mention]) -> bool {
        let mut rest = speaker.to_string();
        for m in mentions.iter().rev() {
            if matches!(self.lexicon.entity(m.entity), Entity::State(_)) {
                rest.replace_range(m.span.range(), " ");
            }
        }
        let all = words(&rest).all(|w| self.knowledge.is_trailing_word(&w));
        all
    }

    /// Learn what persons unknown to the data speak for from how a report
    /// introduces them: "Lebanon's Health Minister Firass Abiad" or
    /// "Firass Abiad, Lebanon's health minister,". `speakers` are (speaker,
    /// text of a report quoting them) pairs; the first reading found wins.
    pub fn learn<'t>(&mut self, speakers: impl IntoIterator<Item = (&'t str, &'t str)>) {
        for (speaker, text) in speakers {
            let key = normalise(speaker);
            if self.learned.contains_key(&key) || !looks_like_name(speaker) {
                continue;
            }
            if self.known(speaker, None, false).is_some() {
                continue;
            }
            if let Some(i) = self.introduced(speaker, text) {
                self.learned.insert(key, i);
            }
        }
    }

    /// The institution named right before or right after a name in a text.
    fn introduced(&self, name: &str, text: &str) -> Option<String> {
        text.match_indices(name).find_map(|(at, _)| {
            let mut phrases = clauses_before(&text[..at]);
            phrases.extend(apposition_after(&text[at + name.len()..]));
            phrases.into_iter().find_map(|phrase| {
                self.known(phrase, None, true)
                    .or_else(|| self.ending(phrase))
            })
        })
    }

    /// An institution the data names at the end of a phrase ("ombudsman
    /// of the Karabakh authorities" → the Karabakh authorities).
    fn ending(&self, phrase: &str) -> Option<String> {
        let words: Vec<&str> = phrase.split_whitespace().collect();
        (1..words.len()).find_map(|i| {
            self.knowledge
                .phrase(&words[i..].join(" "))
                .map(str::to_string)
        })
    }

    /// A person, body, outlet or actor named in the phrase.
    fn named(&self, speaker: &str, mentions: &[Mention]) -> Option<String> {
        let state = self.state_in(mentions);
        let mut best: Option<(u8, String)> = None;
        for m in mentions.iter().filter(|m| self.is_head(speaker, m)) {
            let found = match self.lexicon.entity(m.entity) {
                Entity::Person(_) => self
                    .person_of(speaker, m, state.as_deref())
                    .map(|p| {
                        (
                            0,
                            self.person(&p.name, p.state.as_deref(), &p.roles, p.party),
                        )
                    })
                    .or_else(|| {
                        let role = &speaker[m.span.range()];
                        self.body_within(role, state.as_deref()).map(|b| (1, b))
                    }),
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

    /// Only trailing words ("spokesman", "officials", "report") follow the
    /// mention: it names who speaks, not what qualifies them.
    /// A mention glued to other letters by a hyphen ("CSP-DPA") is part of
    /// another name.
    fn is_head(&self, speaker: &str, m: &Mention) -> bool {
        let glued =
            speaker[..m.span.start].ends_with('-') || speaker[m.span.end..].starts_with('-');
        !glued && words(&speaker[m.span.end..]).all(|w| self.knowledge.is_trailing_word(&w))
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

    /// The person a mention names: by name, or by a role phrase only when
    /// one of the persons holding it is of the state named beside it
    /// ("Pakistan's military spokesman" is not Ukraine's).
    fn person_of(&self, speaker: &str, m: &Mention, state: Option<&str>) -> Option<&'a Person> {
        let lexicon: &'a Lexicon = self.lexicon;
        let readings = lexicon.readings(&speaker[m.span.range()]);
        let persons = readings
            .iter()
            .filter_map(|r| match lexicon.entity(r.entity) {
                Entity::Person(p) => Some((r.form, p)),
                _ => None,
            });
        let mut persons = persons.peekable();
        let named = persons.peek().is_some_and(|(f, _)| *f != Form::Role);
        if named {
            return persons.next().map(|(_, p)| p);
        }
        let state = state?;
        persons
            .map(|(_, p)| p)
            .find(|p| p.state.as_deref() == Some(state))
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

/// For each claim whose speaker nothing resolves, a claim of the same
/// group (a report, a fact) whose resolved speaker's words contain its
/// words: reports shorten names once given in full ("Azerbaijan's health
/// ministry" … "the health ministry"; "the Air Force"). `claims` are
/// (speaker, resolved) pairs of one group.
pub fn fuller_names(claims: &[(Option<&str>, bool)]) -> Vec<Option<usize>> {
    let words: Vec<Option<Vec<String>>> = claims
        .iter()
        .map(|(s, _)| s.map(|s| words(&normalise(s)).collect()))
        .collect();
    claims
        .iter()
        .enumerate()
        .map(|(i, (_, resolved))| {
            let short = words[i].as_ref().filter(|w| !*resolved && !w.is_empty())?;
            claims.iter().enumerate().position(|(j, (_, r))| {
                *r && j != i
                    && words[j].as_ref().is_some_and(|long| {
                        long.windows(short.len()).any(|w| w == short.as_slice())
                    })
            })
        })
        .collect()
}

/// Two to four words, each capitalised: a person's name.
fn looks_like_name(s: &str) -> bool {
    let w: Vec<&str> = s.split_whitespace().collect();
    (2..=4).contains(&w.len())
        && w.iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// The clauses that end right before a name, nearest first ("...,
/// Pakistan's military spokesman, Lt Gen" → "Lt Gen", then "Pakistan's
/// military spokesman").
fn clauses_before(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    for _ in 0..2 {
        let cut = [
            ". ", ", ", "; ", "(", "\n", " that ", " said ", " told ", " — ",
        ]
        .iter()
        .filter_map(|b| rest.rfind(b).map(|i| (i, i + b.len())))
        .max_by_key(|c| c.1);
        let (end, start) = cut.unwrap_or((0, 0));
        out.extend(last_words(&rest[start..], INTRO_WORDS));
        if !rest[end..].starts_with(", ") {
            break;
        }
        rest = &rest[..end];
    }
    out
}

/// The apposition right after a name (", the health minister, said" →
/// "the health minister"); a clause with a verb of saying is not one.
fn apposition_after(text: &str) -> Option<&str> {
    let rest = text.strip_prefix(", ")?;
    let end = rest.find([',', '.', ';', '(', '\n']).unwrap_or(rest.len());
    let phrase = &rest[..end];
    let saying = words(phrase)
        .any(|w| matches!(w.as_str(), "said" | "says" | "told" | "added" | "reported"));
    (!saying && phrase.split_whitespace().count() <= INTRO_WORDS).then_some(phrase)
}

fn last_words(text: &str, n: usize) -> Option<&str> {
    let t = text.trim_end();
    let mut start = t.len();
    for (count, (i, _)) in t.match_indices(' ').rev().enumerate() {
        if count + 1 >= n {
            break;
        }
        start = i + 1;
    }
    if t.split_whitespace().count() <= n {
        start = 0;
    }
    let phrase = t[start..].trim();
    (!phrase.is_empty()).then_some(phrase)
}

/// Lower-cased words of a phrase, apostrophes and punctuation as breaks.
fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
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
    fn ministries_of_a_state_and_heads_of_phrases() {
        check("Lebanon's health ministry", None, "Government of Lebanon");
        check("Lebanese health minister", None, "Government of Lebanon");
        check(
            "Russian military bloggers",
            None,
            "russian military bloggers",
        );
        check("Pentagon spokesman", None, "Pentagon");
        check("CSP-DPA", None, "csp-dpa");
    }

    #[test]
    fn persons_are_learnt_from_how_reports_introduce_them() {
        let lex = Lexicon::builtin().unwrap();
        let k = Knowledge::builtin().unwrap();
        let mut o = Origins::new(&lex, &k);
        let a = "Strikes killed 12 people, said Lebanon's Health Minister Rami Qassar on Monday.";
        let b = "Ola Brenn, the Pentagon's spokeswoman, said 40 vehicles were sent.";
        let c = "Days later, Pakistan's military spokesman, Lt Gen Omar Tal, said 5 jets fell.";
        let d = "Ann Vik, said 5 Indian jets fell.";
        o.learn([
            ("Rami Qassar", a),
            ("Ola Brenn", b),
            ("Nobody Known", a),
            ("Omar Tal", c),
            ("Ann Vik", d),
        ]);
        assert_eq!(o.speaker("Omar Tal", None), "Government of Pakistan");
        assert_eq!(o.speaker("Ann Vik", None), "ann vik");
        let e = "On Monday the spokesman of the Artsakh authorities, Aram Ter, said 9 died.";
        o.learn([("Aram Ter", e)]);
        assert_eq!(o.speaker("Aram Ter", None), "Nagorno-Karabakh authorities");
        assert_eq!(o.speaker("Rami Qassar", None), "Government of Lebanon");
        assert_eq!(o.speaker("the Pentagon's spokeswoman", None), "Pentagon");
        assert_eq!(
            apposition_after(", the Pentagon's spokeswoman, said"),
            Some("the Pentagon's spokeswoman")
        );
        assert_eq!(o.speaker("Ola Brenn", None), "Pentagon");
        assert_eq!(o.speaker("Nobody Known", None), "nobody known");
    }

    #[test]
    fn short_names_take_the_origin_of_the_full_name() {
        let found = fuller_names(&[
            (Some("Azerbaijan's health ministry"), true),
            (Some("the health ministry"), false),
            (Some("local monitors"), false),
            (None, true),
        ]);
        assert_eq!(found, vec![None, Some(0), None, None]);
    }

    #[test]
    fn unknown_speakers_keep_their_words() {
        check("The Local Monitoring Group", None, "local monitoring group");
    }
}
