//! Frames: a figure, the item it counts, the trigger that governs it and
//! the parties of that trigger, as a claim skeleton.

use crate::cues::{Cues, ItemKind};
use crate::mentions::{party_of, place_of, ItemHead, UnitView};
use crate::triggers::{Frame, Trigger};
use tally_core::{Kind, Outcome, Stage, Unit};
use tally_lexicon::{Entity, Form, Lexicon};

/// What a figure counts.
#[derive(Clone, Debug)]
pub(crate) struct ItemRef {
    pub name: String,
    pub text: String,
    pub kind: ItemKind,
    pub origin: Option<String>,
    /// Token range in the current unit, when it is there.
    pub at: Option<(usize, usize)>,
    /// Found by reference to an earlier noun ("eight of them").
    pub elided: bool,
}

/// A trigger occurrence in a unit.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TrigHit {
    pub trig: Trigger,
    pub t0: usize,
    pub t1: usize,
}

/// Find the item a figure at tokens `[f0, f1)` counts.
pub(crate) fn item_after(
    u: &UnitView,
    f0: usize,
    f1: usize,
    unit: &Unit,
    cues: &Cues,
) -> Option<ItemRef> {
    let n = u.toks.len();
    let mut j = f1;
    let mut text_start = None;
    let mut steps = 0;
    while j < n && steps < 7 {
        if let Some(h) = u.items.iter().find(|h| h.t0 == j) {
            if matches!(unit, Unit::Money(_)) && h.kind != ItemKind::Money {
                return None;
            }
            let s = text_start.unwrap_or(j);
            return Some(from_head(u, h, s));
        }
        if let Some((_, e)) = cues.item_skip.at(u.lower, &u.toks, j) {
            if text_start.is_none()
                && !matches!(
                    u.word(j),
                    "more"
                        | "of"
                        | "the"
                        | "a"
                        | "an"
                        | "additional"
                        | "further"
                        | "other"
                        | "than"
                        | "about"
                        | "some"
                        | "its"
                        | "their"
                        | "these"
                        | "those"
                )
                && !u.word(j).ends_with(" of")
            {
                text_start = Some(j);
            }
            j = e;
            steps += 1;
            continue;
        }
        // demonyms, possessive states and origin words ("US-made") inside the noun phrase
        if let Some(m) = u.ment_at(j) {
            let e = u
                .ments
                .iter()
                .find(|m2| m2.t0 == j)
                .map(|m2| m2.t1)
                .unwrap_or(j + 1);
            if matches!(m.form, Form::Demonym) || m.possessive || is_origin_word(u, j, cues) {
                if text_start.is_none() && !m.possessive {
                    text_start = Some(j);
                }
                j = if m.possessive { e + 1 } else { e };
                steps += 1;
                continue;
            }
        }
        if is_origin_word(u, j, cues)
            || (u.word(j).contains('-')
                && u.toks[j].kind == crate::tokens::TokKind::Word
                && !u.is_capitalised(j))
        {
            if text_start.is_none() {
                text_start = Some(j);
            }
            j += 1;
            steps += 1;
            continue;
        }
        // a capitalised designation before a class noun: "Abrams tanks"
        if u.is_capitalised(j)
            && j + 1 < n
            && u.items.iter().any(|h| h.t0 == j + 1 || h.t0 == j + 2)
            && !u.is_punct(j)
        {
            if text_start.is_none() {
                text_start = Some(j);
            }
            j += 1;
            steps += 1;
            continue;
        }
        // a lower-case modifier directly before an item noun
        if !u.is_punct(j)
            && u.items.iter().any(|h| h.t0 == j + 1)
            && !cues.item_elided.contains_at(u.lower, &u.toks, j)
        {
            if text_start.is_none() {
                text_start = Some(j);
            }
            j += 1;
            steps += 1;
            continue;
        }
        break;
    }
    let _ = f0;
    // percentages count what follows "of": "60% of its ammunition"
    if matches!(unit, Unit::Percent | Unit::Factor) && u.word(f1) == "of" {
        let mut s = f1 + 1;
        while s < n
            && (matches!(u.word(s), "the" | "its" | "their")
                || u.ments.iter().any(|m| m.t0 == s && m.possessive)
                || u.toks[s].kind == crate::tokens::TokKind::Possessive)
        {
            s += 1;
        }
        let mut e = s;
        while e < n
            && !u.is_punct(e)
            && !matches!(
                u.word(e),
                "for"
                    | "in"
                    | "to"
                    | "from"
                    | "and"
                    | "have"
                    | "has"
                    | "were"
                    | "was"
                    | "is"
                    | "are"
                    | "that"
                    | "which"
                    | "since"
            )
            && e - s < 4
        {
            e += 1;
        }
        if e > s {
            let text = u.slice(s, e).to_string();
            return Some(ItemRef {
                name: text.clone(),
                text,
                kind: ItemKind::Materiel,
                origin: None,
                at: Some((s, e)),
                elided: false,
            });
        }
    }
    None
}

fn is_origin_word(u: &UnitView, j: usize, cues: &Cues) -> bool {
    let w = u.word(j);
    cues.origin_suffixes.iter().any(|s| w.ends_with(s.as_str()))
}

fn from_head(u: &UnitView, h: &ItemHead, s: usize) -> ItemRef {
    ItemRef {
        name: h.name.clone(),
        text: u.slice(s, h.t1).to_string(),
        kind: h.kind,
        origin: h.origin.clone(),
        at: Some((h.t0, h.t1)),
        elided: false,
    }
}

/// Can the figure count an earlier noun? True when what follows it is not
/// an unknown noun ("10,000 have moved", "2,700 wounded", "eight of them").
pub(crate) fn may_elide(u: &UnitView, f1: usize, cues: &Cues) -> bool {
    f1 >= u.toks.len()
        || u.is_punct(f1)
        || cues.item_elided.contains_at(u.lower, &u.toks, f1)
        || cues.anaphora.contains_at(u.lower, &u.toks, f1)
}

/// The nearest item noun before token `before` in the unit.
pub(crate) fn item_before(u: &UnitView, before: usize, unit: &Unit) -> Option<ItemRef> {
    u.items
        .iter()
        .rev()
        .filter(|h| h.t1 <= before)
        .find(|h| matches!(unit, Unit::Money(_)) == (h.kind == ItemKind::Money))
        .map(|h| ItemRef {
            elided: true,
            ..from_head(u, h, h.t0)
        })
}

/// Kind and outcome of a trigger for an item.
pub(crate) fn kind_of(frame: Frame, item: ItemKind) -> Option<(Kind, Option<Outcome>)> {
    let people = item.is_people();
    Some(match frame {
        Frame::Give
        | Frame::Receive
        | Frame::Move
        | Frame::Include
        | Frame::Order
        | Frame::Presence => {
            if item == ItemKind::Civilians {
                return None;
            }
            if people {
                (Kind::Deployment, None)
            } else {
                (Kind::Transfer, None)
            }
        }
        Frame::Use => {
            if people {
                return None;
            }
            (Kind::Transfer, None)
        }
        Frame::Kill if people => (Kind::Casualties, Some(Outcome::Killed)),
        Frame::Wound if people => (Kind::Casualties, Some(Outcome::Wounded)),
        Frame::Casualty if people => (Kind::Casualties, Some(Outcome::Casualties)),
        Frame::Capture if people => (Kind::Casualties, Some(Outcome::Captured)),
        Frame::Missing if people => (Kind::Casualties, Some(Outcome::Missing)),
        Frame::Lose if people => (Kind::Casualties, Some(Outcome::Casualties)),
        Frame::Capture => (Kind::Loss, Some(Outcome::Captured)),
        Frame::Destroy | Frame::Kill => (Kind::Loss, Some(Outcome::Destroyed)),
        Frame::Damage => (Kind::Loss, Some(Outcome::Damaged)),
        Frame::Lose | Frame::Casualty => (Kind::Loss, Some(Outcome::Lost)),
        Frame::Abandon => (Kind::Loss, Some(Outcome::Abandoned)),
        Frame::Produce if !people && item != ItemKind::Money => (Kind::Production, None),
        _ => return None,
    })
}

/// The trigger governing a figure: the nearest compatible one in its clause.
pub(crate) fn governing(
    u: &UnitView,
    trigs: &[TrigHit],
    f0: usize,
    f1: usize,
    item: &ItemRef,
    clause: (usize, usize),
) -> Option<TrigHit> {
    let mut best: Option<(i64, TrigHit)> = None;
    for t in trigs {
        if t.t0 < clause.0 || t.t1 > clause.1 {
            continue;
        }
        if let Some((a, b)) = item.at {
            if t.t0 >= a && t.t1 <= b && !item.elided {
                continue;
            }
        }
        if kind_of(t.trig.frame, item.kind).is_none() {
            continue;
        }
        if item.kind == ItemKind::Money
            && !matches!(
                t.trig.frame,
                Frame::Give | Frame::Receive | Frame::Include | Frame::Order
            )
        {
            continue;
        }
        let item_end = item.at.map(|(_, b)| b).unwrap_or(f1).max(f1);
        let (dist, after) = if t.t1 <= f0 {
            ((f0 - t.t1) as i64, false)
        } else {
            ((t.t0.saturating_sub(item_end)) as i64, true)
        };
        // harm verbs before the figure must be active ("destroyed 7 tanks");
        // after it, participles ("7 tanks destroyed", "were killed")
        let mut cost = dist;
        if after && !(dist == 0 && t.t0 == f1) {
            cost += 2;
        }
        // commas between
        let (lo, hi) = if after { (item_end, t.t0) } else { (t.t1, f0) };
        let commas = (lo..hi).filter(|&k| u.word(k) == ",").count() as i64;
        cost += if after { 3 * commas } else { commas };
        if t.trig.frame == Frame::Include && t.t1 <= f0 {
            cost -= 1;
        }
        if cost > 20 {
            continue;
        }
        if best.as_ref().is_none_or(|(c, _)| cost < *c) {
            best = Some((cost, *t));
        }
    }
    best.map(|(_, t)| t)
}

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
    /// A possessive state in the clause ("Ukraine's counteroffensive").
    pub possessive: Option<String>,
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
        // "Britain's 14 tanks"
        if f0 >= 2 {
            if let Some(m) = u.ments.iter().find(|m| m.t1 + 1 == f0 && m.possessive) {
                if p.owner.is_none() {
                    p.owner = party_of(lex, m);
                }
            }
        }
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
    // agent: nearest party mention left of the trigger in the clause, not after a preposition
    let mut k = t.t0;
    while k > clause.0 {
        k -= 1;
        if inside(k) {
            continue;
        }
        if let Some(m) = u.ments.iter().find(|m| m.t1 == k + 1) {
            let prev = if m.t0 > 0 { u.word(m.t0 - 1) } else { "" };
            if let Some(code) = party_of(lex, m) {
                if !PREPS.contains(&prev) && (m.t0 < np0 || m.t1 > np1) && !inside(m.t0) {
                    p.agent = Some(code);
                    break;
                }
            }
            k = m.t0;
            continue;
        }
        if matches!(u.word(k), "it" | "they") && p.agent.is_none() && k + 4 >= t.t0 {
            p.pronoun_agent = true;
        }
    }
    // after the trigger: indirect object, "to X", "from X", "by X", "for X"
    let mut k = t.t1;
    let lim = clause.1;
    while k < lim {
        if inside(k) {
            k += 1;
            continue;
        }
        if let Some(m) = u.ments.iter().find(|m| m.t0 == k) {
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
                match prev {
                    "to" | "into" | "for" | "in" | "alongside" => {
                        p.recipient.get_or_insert(code);
                    }
                    "from" => {
                        p.source.get_or_insert(code);
                    }
                    "by" => {
                        p.by_agent.get_or_insert(code);
                    }
                    "on" if t.trig.frame == Frame::Presence => {
                        p.recipient.get_or_insert(code);
                    }
                    "against" | "at" | "on" | "with" | "of" => {}
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
    place_in(u, lex, clause, &mut p);
    p
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

/// Is a planned cue in `[lo, hi)`?
pub(crate) fn planned_between(u: &UnitView, cues: &Cues, lo: usize, hi: usize) -> bool {
    (lo..hi).any(|k| {
        cues.planned.contains_at(u.lower, &u.toks, k)
            && !(u.word(k) == "to" && u.word(k + 1) == "be" && u.word(k + 2) == "trained")
    })
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
                .or(p.origin.clone()),
            p.recipient.clone().or(p.place_state.clone()),
        ),
        (Kind::Transfer | Kind::Deployment, Some(Frame::Presence)) => (
            p.owner.clone().or(agent),
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
            (p.owner.clone().or(agent.clone()), p.by_agent.clone())
        }
        (Kind::Casualties | Kind::Loss, _) => (
            p.owner.clone().or(p.possessive.clone()),
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

/// The canonical item name for a claim.
pub(crate) fn item_name(kind: Kind, item: &ItemRef) -> String {
    if kind == Kind::Casualties && item.kind == ItemKind::People && !item.name.is_empty() {
        return item.name.clone();
    }
    item.name.clone()
}

/// Is the entity a person standing for a state?
pub(crate) fn _is_person(lex: &Lexicon, id: tally_lexicon::EntityId) -> bool {
    matches!(lex.entity(id), Entity::Person(_))
}

/// Stage from the trigger and the planned cues before it.
pub(crate) fn stage_of(
    u: &UnitView,
    cues: &Cues,
    t: Option<&TrigHit>,
    f0: usize,
    clause: (usize, usize),
) -> Stage {
    let hi = t.map(|t| t.t0.max(f0)).unwrap_or(f0);
    if t.is_some_and(|t| t.trig.stage == Stage::Planned) {
        return Stage::Planned;
    }
    if planned_between(u, cues, clause.0, hi) {
        return Stage::Planned;
    }
    Stage::Done
}
