//! Parties: who gives, receives, owns or causes, from the mentions around a
//! trigger; and the document-level fill of parties a story leaves implied.

use crate::antecedents::{origin_of_token, where_antecedent};
use crate::context::Draft;
use crate::cues::{Cues, ItemKind};
use crate::frames::TrigHit;
use crate::items::{is_origin_word, ItemRef};
use crate::mentions::{party_of, place_of, UnitView};
use crate::tokens::TokKind;
use crate::triggers::Frame;
use tally_core::Kind;
use tally_lexicon::{Form, Lexicon};

/// Parties found in the unit around a trigger.
#[derive(Clone, Debug, Default)]
pub(crate) struct Parties {
    pub agent: Option<String>,
    pub by_agent: Option<String>,
    pub recipient: Option<String>,
    pub source: Option<String>,
    pub owner: Option<String>,
    pub origin: Option<String>,
    pub place: Option<String>,
    pub place_state: Option<String>,
    pub pronoun_agent: bool,
    /// The trigger precedes the figure (active voice: "X destroyed 7 tanks").
    pub agent_before: bool,
    /// The agent travels with what is counted ("invaded X with 300,000
    /// troops"), unlike a carrier ("ships carried 1,500 troops").
    pub agent_moves: bool,
    /// A possessive state in the clause ("Ukraine's counteroffensive").
    pub possessive: Option<String>,
    /// The trigger is a noun of the harmed ("Iraq's dead", "Russia's
    /// losses"): a possessive before it is whose they were.
    pub harm_noun: bool,
    /// The side attacked ("fired at X", "strikes on X").
    pub target: Option<String>,
}

const PREPS: &[&str] = &[
    "to",
    "from",
    "for",
    "with",
    "against",
    "at",
    "by",
    "of",
    "in",
    "into",
    "on",
    "alongside",
    "near",
    "over",
    "across",
    "than",
    "toward",
    "towards",
    "around",
    "inside",
    "outside",
    "since",
    "about",
];

/// How far (in tokens) from its trigger a party is looked for: further
/// than any clause of ordinary prose, and a bound on the work a run-on
/// "sentence" of thousands of figures costs per figure.
const REACH: usize = 60;

#[allow(clippy::too_many_arguments)]
/// Collect the parties of the frame opened by `t` for the figure at `f0..f1`.
pub(crate) fn parties(
    u: &UnitView,
    lex: &Lexicon,
    cues: &Cues,
    t: Option<&TrigHit>,
    f0: usize,
    item: &ItemRef,
    clause: (usize, usize),
    excluded: &[(usize, usize)],
) -> Parties {
    let mut p = Parties {
        origin: item.origin.clone(),
        ..Parties::default()
    };
    let inside = |a: usize| excluded.iter().any(|&(x, y)| a >= x && a < y);
    // owner demonym / origin inside the item's noun phrase
    let np0 = f0;
    let np1 = item.at.map(|(_, b)| b).unwrap_or(f0).max(f0);
    if !item.elided {
        for m in u.ments.iter().filter(|m| m.t0 >= np0 && m.t1 <= np1 + 4) {
            let Some(code) = party_of(lex, m) else {
                continue;
            };
            let origin = is_origin_word(u, m.t1 - 1, cues)
                || (m.t0 >= 2
                    && cues
                        .origin_phrases
                        .at(u.lower, &u.toks, m.t0 - 2)
                        .is_some_and(|(_, e)| e == m.t0))
                || (m.t0 >= 1
                    && cues
                        .origin_phrases
                        .at(u.lower, &u.toks, m.t0 - 1)
                        .is_some_and(|(_, e)| e == m.t0)
                    && u.word(m.t0 - 1) != "from");
            if origin {
                p.origin = Some(code);
            } else if m.t1 <= np1 && p.owner.is_none() {
                p.owner = Some(code);
            }
        }
        // "Russian-made" is one token: its stem names the origin
        if p.origin.is_none() {
            p.origin = (np0..np1.min(u.toks.len()))
                .filter(|&k| is_origin_word(u, k, cues))
                .find_map(|k| origin_of_token(u, lex, cues, k));
        }
        // "Britain's 14 tanks"
        if f0 >= 2 {
            if let Some(m) = u.ments.iter().find(|m| m.t1 + 1 == f0 && m.possessive) {
                if p.owner.is_none() {
                    p.owner = party_of(lex, m);
                }
            }
        }
    }
    // an earlier noun of the same unit the figure counts ("the number of
    // Chadian troops in X had grown by 500"): its own demonym or possessor
    if let (true, Some((a, _))) = (item.elided, item.at) {
        p.owner = u
            .ments
            .iter()
            .find(|m| (m.t1 == a && m.form == Form::Demonym) || (m.possessive && m.t1 + 1 == a))
            .filter(|m| !is_origin_word(u, m.t1 - 1, cues))
            .and_then(|m| party_of(lex, m));
    }
    p.possessive = u
        .ments
        .iter()
        .filter(|m| m.t0 >= clause.0 && m.t1 <= clause.1 && m.possessive && !inside(m.t0))
        .find_map(|m| party_of(lex, m));
    let Some(t) = t else {
        place_in(u, lex, clause, &mut p);
        return p;
    };
    p.agent_before = t.t1 <= f0;
    p.harm_noun = cues.casualty_nouns.contains_at(u.lower, &u.toks, t.t0);
    p.agent_moves = p.agent_before && !t.trig.needs_path;
    // agent: nearest party mention left of the trigger in the clause, not after a preposition;
    // a passive verb of giving has none there ("with 25 jets to be delivered": only "by X")
    let passive = t.trig.frame == Frame::Give
        && t.t0 > 0
        && (u.is_be(t.t0 - 1)
            || (t.t0 > 1 && u.word(t.t0 - 1).ends_with("ly") && u.is_be(t.t0 - 2)));
    let mut k = if passive { clause.0 } else { t.t0 };
    let floor = clause.0.max(t.t0.saturating_sub(REACH));
    while k > floor {
        k -= 1;
        if inside(k) {
            continue;
        }
        if let Some(m) = u.ment_ending(k + 1) {
            let prev = if m.t0 > 0 { u.word(m.t0 - 1) } else { "" };
            if let Some(code) = party_of(lex, m) {
                // "entities in Russia supplied ...", "suppliers based in
                // Singapore": the subject's home is the agent's side
                let home = prev == "in" && subject_home(u, m.t0);
                if (!PREPS.contains(&prev) || home) && (m.t0 < np0 || m.t1 > np1) && !inside(m.t0) {
                    p.agent = Some(code);
                    break;
                }
            }
            k = m.t0;
            continue;
        }
        // "it", "they", and "its forces", "their air defences"
        if matches!(u.word(k), "it" | "they" | "its" | "their")
            && p.agent.is_none()
            && k + 4 >= t.t0
        {
            p.pronoun_agent = true;
        }
    }
    // "Tehran denied supplying", "admitted sending": the speaker is the agent
    if p.agent.is_none() && excluded.iter().any(|&(_, b)| b == t.t0) {
        p.pronoun_agent = true;
    }
    // "claimed to have destroyed", "Russian claims to have shot down": the
    // claimant is the agent of the infinitive
    if p.agent.is_none() && t.t0 >= 2 && u.word(t.t0 - 1) == "have" && u.word(t.t0 - 2) == "to" {
        p.agent = u
            .ments
            .iter()
            .rev()
            .filter(|m| m.t1 <= t.t0 - 2 && m.t0 >= clause.0 && m.t1 + 8 >= t.t0)
            .find_map(|m| {
                // "the Azerbaijani defence ministry": the qualifying state
                let qualifier = u.ments.iter().find(|q| {
                    (q.t1 == m.t0 && q.form == Form::Demonym) || (q.possessive && q.t1 + 1 == m.t0)
                });
                qualifier
                    .and_then(|q| party_of(lex, q))
                    .or_else(|| party_of(lex, m))
            });
    }
    // after the trigger: indirect object, "to X", "from X", "by X", "for X"
    let mut k = t.t1;
    let lim = clause.1.min(t.t1 + REACH);
    while k < lim {
        if inside(k) {
            k += 1;
            continue;
        }
        if new_clause(u, k) {
            break;
        }
        if let Some(m) = u.ment_starting(k) {
            let mut b = m.t0;
            while b > t.t1
                && matches!(
                    u.word(b - 1),
                    "the"
                        | "eastern"
                        | "western"
                        | "northern"
                        | "southern"
                        | "central"
                        | "occupied"
                )
            {
                b -= 1;
            }
            let prev = if b > 0 { u.word(b - 1) } else { "" };
            if let Some((name, state)) = place_of(lex, m) {
                if matches!(
                    prev,
                    "to" | "into" | "in" | "near" | "at" | "toward" | "towards"
                ) {
                    p.place.get_or_insert(name);
                    if p.place_state.is_none() {
                        p.place_state = state;
                    }
                }
            } else if let Some(code) = party_of(lex, m) {
                // "killed in the Indian strikes": a demonym before a noun of
                // attack names the attacker, never a place or a recipient
                if m.form == Form::Demonym && cues.attack_nouns.contains_at(u.lower, &u.toks, m.t1)
                {
                    p.by_agent.get_or_insert(code);
                    k = m.t1.max(k + 1);
                    continue;
                }
                match prev {
                    // "..., and those in China $267 million": a gapped subject
                    "in" if b >= 2 && matches!(u.word(b - 2), "those" | "ones") => {}
                    "to" | "into" | "for" | "in" | "alongside" => {
                        p.recipient.get_or_insert(code);
                    }
                    "from" => {
                        p.source.get_or_insert(code);
                    }
                    "by" => {
                        p.by_agent.get_or_insert(code);
                    }
                    // a state as the place of the event: "exploded across Lebanon"
                    "across" | "throughout" | "inside" => {
                        p.place_state.get_or_insert(code);
                    }
                    "on" if t.trig.frame == Frame::Presence => {
                        p.recipient.get_or_insert(code);
                    }
                    "against" | "at" | "on" => {
                        // the side attacked: "fired at Ukraine"
                        p.target.get_or_insert(code);
                    }
                    "with" | "of" => {}
                    // "supply the Australian Army with 30 guns"
                    _ if b == t.t1
                        && m.form == Form::Demonym
                        && matches!(
                            u.word(m.t1),
                            "army"
                                | "military"
                                | "forces"
                                | "navy"
                                | "air"
                                | "armed"
                                | "troops"
                                | "marines"
                                | "government"
                                | "authorities"
                        ) =>
                    {
                        p.recipient.get_or_insert(code);
                    }
                    _ if b == t.t1 && m.form != Form::Demonym => {
                        // indirect object: "send Russia 100", "supplied Moscow with"
                        p.recipient.get_or_insert(code);
                    }
                    _ if m.form == Form::Demonym && matches!(prev, "the" | "") => {}
                    _ => {}
                }
            }
            k = m.t1.max(k + 1);
            continue;
        }
        k += 1;
    }
    where_antecedent(u, lex, clause, t.t0, &mut p);
    place_in(u, lex, clause, &mut p);
    p
}

/// Is the "in" before token `b` the home of a subject noun ("entities in",
/// "firms based in", "companies registered in")?
fn subject_home(u: &UnitView, b: usize) -> bool {
    let mut k = b.saturating_sub(2);
    if matches!(
        u.word(k),
        "based" | "registered" | "located" | "headquartered"
    ) && k > 0
    {
        k -= 1;
    }
    matches!(
        u.word(k),
        "entities"
            | "companies"
            | "firms"
            | "suppliers"
            | "manufacturers"
            | "makers"
            | "exporters"
            | "producers"
            | "brokers"
            | "dealers"
            | "traders"
            | "factories"
            | "plants"
    )
}

/// Does a new clause start at the comma at `k` (", where ...", ", and some
/// of them moved ...")? A list of figures (", and 30 tanks") does not.
fn new_clause(u: &UnitView, k: usize) -> bool {
    if u.word(k) != "," {
        return false;
    }
    match u.word(k + 1) {
        "where" | "which" | "while" | "but" | "although" | "whereas" | "who" | "when" => true,
        "and" => {
            let next = k + 2;
            next < u.toks.len()
                && u.toks[next].kind == TokKind::Word
                && !(matches!(
                    u.word(next),
                    "a" | "an" | "the" | "some" | "about" | "around"
                ) && u
                    .toks
                    .get(next + 1)
                    .is_some_and(|t| t.kind == TokKind::Number))
                && u.ment_at(next).is_none()
                && !u.items.iter().any(|h| h.t0 == next || h.t0 == next + 1)
        }
        _ => false,
    }
}

fn place_in(u: &UnitView, lex: &Lexicon, clause: (usize, usize), p: &mut Parties) {
    if p.place.is_some() {
        return;
    }
    for m in u
        .ments
        .iter()
        .filter(|m| m.t0 >= clause.0 && m.t1 <= clause.1)
    {
        if let Some((name, state)) = place_of(lex, m) {
            p.place = Some(name);
            if p.place_state.is_none() {
                p.place_state = state;
            }
            return;
        }
    }
}

/// Resolve `from`/`to` of a frame.
pub(crate) fn resolve_parties(
    frame: Option<Frame>,
    kind: Kind,
    p: &Parties,
    speaker_party: Option<&str>,
    cues: &Cues,
) -> (Option<String>, Option<String>) {
    let agent = p.agent.clone().or_else(|| {
        if p.pronoun_agent {
            speaker_party.map(str::to_string)
        } else {
            None
        }
    });
    let (mut from, mut to) = match (kind, frame) {
        (Kind::Transfer | Kind::Deployment, Some(Frame::Receive | Frame::Order)) => (
            p.source.clone().or(p.owner.clone()).or(p.origin.clone()),
            agent.or(p.recipient.clone()),
        ),
        (Kind::Transfer, Some(Frame::Use)) => (
            p.origin.clone().or(p.owner.clone()),
            p.by_agent.clone().or(agent),
        ),
        (Kind::Transfer | Kind::Deployment, Some(Frame::Move)) => (
            p.source
                .clone()
                .or(p.owner.clone())
                .or(p.by_agent.clone())
                .or(p.origin.clone())
                .or(agent.clone().filter(|_| p.agent_moves)),
            p.recipient.clone().or(p.place_state.clone()),
        ),
        (Kind::Transfer | Kind::Deployment, Some(Frame::Presence)) => (
            // "300 soldiers from Chad are serving in Mali"
            p.owner.clone().or(p.source.clone()).or(agent),
            p.recipient.clone().or(p.place_state.clone()),
        ),
        (Kind::Transfer | Kind::Deployment, _) => (
            agent
                .or(p.by_agent.clone())
                .or(p.owner.clone())
                .or(p.source.clone())
                .or(p.origin.clone()),
            p.recipient.clone().or(p.place_state.clone()),
        ),
        (Kind::Casualties | Kind::Loss, Some(Frame::Lose | Frame::Casualty | Frame::Abandon)) => {
            // equipment left behind in an operation is the operating side's
            (
                p.owner.clone().or(agent.clone()).or(p.possessive.clone()),
                p.by_agent.clone(),
            )
        }
        (Kind::Casualties | Kind::Loss, _) => (
            // "Ukraine's air force shot down 20 drones": a possessive in the
            // subject of an active harm verb is the attacker's, not the owner's
            p.owner.clone().or(p
                .possessive
                .clone()
                .filter(|ps| p.harm_noun || !(p.agent_before && p.agent.as_ref() == Some(ps)))),
            p.by_agent
                .clone()
                .or(if p.agent_before { agent } else { None }),
        ),
        (Kind::Production, _) => (agent.or(p.by_agent.clone()).or(p.place_state.clone()), None),
    };
    if matches!(kind, Kind::Casualties | Kind::Loss) {
        if from.is_none() {
            if let Some(t) = &to {
                from = cues.opponent(t).map(str::to_string);
            }
        }
        if from == to {
            to = None;
        }
    }
    if matches!(kind, Kind::Transfer | Kind::Deployment) && from == to {
        to = None;
    }
    (from, to)
}

impl Parties {
    /// No party at all was found around the figure.
    pub fn is_empty(&self) -> bool {
        self.agent.is_none()
            && self.by_agent.is_none()
            && self.recipient.is_none()
            && self.source.is_none()
            && self.owner.is_none()
            && self.origin.is_none()
            && self.place_state.is_none()
            && self.possessive.is_none()
            && self.target.is_none()
            && !self.pronoun_agent
    }
}

/// Fill parties a story leaves implied from the document's dominant
/// (from, to) pair, in a precision-safe form:
/// - a transfer or deployment whose sentence names no party at all gets the
///   pair when its trigger is unambiguous (people counts need a verb of
///   sending, receiving or moving; a continuation inherits nothing here);
/// - one that names one side, equal to the pair's same side, gets the other;
/// - a casualty count of soldiers whose sentence names no party gets the
///   document's most frequent casualty side.
pub(crate) fn fill(drafts: &mut [Draft], cues: &Cues) {
    let gives = |d: &&Draft| matches!(d.claim.kind, Kind::Transfer | Kind::Deployment);
    let from = dominant(drafts.iter().filter(gives).map(|d| d.claim.from.as_deref()));
    let to = dominant(drafts.iter().filter(gives).map(|d| d.claim.to.as_deref()));
    let hurt = dominant(
        drafts
            .iter()
            .filter(|d| d.claim.kind == Kind::Casualties)
            .map(|d| d.claim.from.as_deref()),
    );
    // the one side the document names as hurt, when it names exactly one
    let mut victims: Vec<&str> = drafts
        .iter()
        .filter(|d| d.claim.kind == Kind::Casualties)
        .filter_map(|d| d.claim.from.as_deref())
        .collect();
    victims.sort_unstable();
    victims.dedup();
    let sole = (victims.len() == 1).then(|| victims[0].to_string());
    for d in drafts.iter_mut() {
        let (bare, firm, people, used) = (d.bare, d.firm, d.item_kind.is_people(), d.used);
        let c = &mut d.claim;
        match c.kind {
            Kind::Transfer | Kind::Deployment => {
                if c.from.is_none() && c.to.is_none() && !(bare && (firm || !people)) {
                    continue;
                }
                // a weapon its user fired comes from its maker, never from
                // the document's giver ("Russia launched 104 drones")
                if c.from.is_none() && c.to != from && !(used && c.to.is_some()) {
                    c.from = from.clone();
                }
                // never to the giver's enemy ("launched five Iskander-M")
                let enemy = c.from.as_deref().and_then(|f| cues.opponent(f));
                if c.to.is_none() && c.from != to && to.as_deref() != enemy {
                    c.to = to.clone();
                }
            }
            Kind::Casualties => {
                if c.from.is_none() && bare && d.item_kind == ItemKind::People {
                    c.from = hurt.clone();
                }
                // "9 people were killed in <a village the lexicon does not
                // know>" in a report about one side's dead
                if c.from.is_none() && bare && d.item_kind == ItemKind::Civilians {
                    c.from = sole.clone();
                }
                if c.from.is_some() && c.from == c.to {
                    c.to = None;
                }
            }
            Kind::Loss => {
                if c.from.is_none() {
                    if let Some(t) = &c.to {
                        c.from = cues.opponent(t).map(str::to_string);
                    }
                }
            }
            Kind::Production => {}
        }
    }
}

/// The value most claims agree on, when at least 60% of those that give
/// one do.
fn dominant<'a>(values: impl Iterator<Item = Option<&'a str>>) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    let mut total = 0;
    for v in values.flatten() {
        total += 1;
        match counts.iter_mut().find(|(k, _)| *k == v) {
            Some((_, n)) => *n += 1,
            None => counts.push((v, 1)),
        }
    }
    let (best, n) = counts.into_iter().max_by_key(|&(_, n)| n)?;
    (n * 5 >= total * 3).then(|| best.to_string())
}

/// Parties of civilians hurt in an attack: their side is the one named as
/// theirs, else the state where it happened, else the side attacked in the
/// same clause (never one guessed from earlier sentences); the causing side is the one named as
/// agent, else that side's opponent.
pub(crate) fn civilian_sides(
    p: &Parties,
    to: Option<String>,
    cues: &Cues,
) -> (Option<String>, Option<String>) {
    // "killed 22 people in Lebanon": the state named where it happened,
    // before a place found anywhere in the clause
    let from = p
        .owner
        .clone()
        .or(p.recipient.clone())
        .or(p.place_state.clone())
        .or(p.target.clone());
    let to = to.filter(|t| Some(t) != from.as_ref()).or_else(|| {
        from.as_deref()
            .and_then(|f| cues.opponent(f))
            .map(str::to_string)
    });
    (from, to)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::testing::data;
    use tally_core::{Claim, Item, Quantity, Span};

    fn draft(kind: Kind, from: Option<&str>, to: Option<&str>, bare: bool, people: bool) -> Draft {
        Draft {
            claim: Claim {
                from: from.map(str::to_string),
                to: to.map(str::to_string),
                ..Claim::new(
                    "d",
                    kind,
                    Item::new("x", "x"),
                    Quantity::exact(1.0, "1"),
                    Span::new(0, 1),
                )
            },
            headline: false,
            item_kind: if people {
                ItemKind::People
            } else {
                ItemKind::Materiel
            },
            bare,
            firm: false,
            war_only: false,
            bought: false,
            used: false,
        }
    }

    #[test]
    fn dominant_needs_a_clear_majority() {
        assert_eq!(
            dominant([Some("NO"), Some("NO"), None, Some("SE")].into_iter()),
            Some("NO".into())
        );
        assert_eq!(dominant([Some("NO"), Some("SE")].into_iter()), None);
    }

    #[test]
    fn fill_is_precision_safe() {
        let cues = &data().cues;
        let mut d = vec![
            draft(Kind::Transfer, Some("NO"), Some("UA"), false, false),
            draft(Kind::Transfer, Some("NO"), Some("UA"), false, false),
            // names the giver only: gets the dominant recipient
            draft(Kind::Transfer, Some("NO"), None, false, false),
            // bare materiel: gets both
            draft(Kind::Transfer, None, None, true, false),
            // bare people without a verb of sending: nothing
            draft(Kind::Deployment, None, None, true, true),
        ];
        fill(&mut d, cues);
        assert_eq!(d[2].claim.to.as_deref(), Some("UA"));
        assert_eq!(d[3].claim.from.as_deref(), Some("NO"));
        assert_eq!(d[4].claim.from, None);
    }

    #[test]
    fn civilians_belong_to_the_side_attacked() {
        let cues = &data().cues;
        let p = Parties {
            target: Some("UA".into()),
            ..Parties::default()
        };
        let (from, to) = civilian_sides(&p, None, cues);
        assert_eq!(from.as_deref(), Some("UA"));
        assert_eq!(to.as_deref(), Some("RU"));
    }

    #[test]
    fn civilians_with_no_side_in_their_clause_have_none() {
        let cues = &data().cues;
        let (from, to) = civilian_sides(&Parties::default(), Some("IL".into()), cues);
        assert_eq!(from, None);
        assert_eq!(to.as_deref(), Some("IL"));
    }
}
