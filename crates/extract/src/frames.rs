//! Frames: the trigger that governs a figure, and the kind and outcome a
//! trigger gives an item.

use crate::cues::{Cues, ItemKind};
use crate::items::ItemRef;
use crate::marks::Cue;
use crate::mentions::UnitView;
use crate::triggers::{Frame, Trigger};
use tally_core::{Kind, Outcome, Stage};

/// A trigger occurrence in a unit.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TrigHit {
    pub trig: Trigger,
    pub t0: usize,
    pub t1: usize,
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
        // "eliminated 300 fighters", "neutralised 12 militants": killed
        Frame::Destroy if people => (Kind::Casualties, Some(Outcome::Killed)),
        Frame::Capture => (Kind::Loss, Some(Outcome::Captured)),
        Frame::Destroy | Frame::Kill => (Kind::Loss, Some(Outcome::Destroyed)),
        Frame::Damage => (Kind::Loss, Some(Outcome::Damaged)),
        Frame::Lose | Frame::Casualty => (Kind::Loss, Some(Outcome::Lost)),
        Frame::Abandon => (Kind::Loss, Some(Outcome::Abandoned)),
        Frame::Produce if !people && item != ItemKind::Money => (Kind::Production, None),
        _ => return None,
    })
}

/// The highest cost at which a trigger may still govern a figure.
const MAX_COST: i64 = 20;
/// How far (in tokens) a governing trigger can lie from the figure: the
/// cost is at least the distance minus one.
const REACH: usize = MAX_COST as usize + 1;

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
    let item_end = item.at.map(|(_, b)| b).unwrap_or(f1).max(f1);
    // a trigger further than REACH tokens from the figure costs more than
    // the limit below; triggers are in text order and never overlap, so
    // the ones within reach are a slice
    let lo = trigs.partition_point(|t| t.t1 + REACH < f0);
    let hi = trigs.partition_point(|t| t.t0 <= item_end + REACH);
    for t in trigs.get(lo..hi.max(lo)).unwrap_or(&[]) {
        if t.t0 < clause.0 || t.t1 > clause.1 {
            continue;
        }
        if let Some((a, b)) = item.at {
            if t.t0 >= a && t.t1 <= b && !item.elided {
                continue;
            }
        }
        let blocks = t.trig.frame == Frame::NonClaim;
        if !blocks && kind_of(t.trig.frame, item.kind).is_none() {
            continue;
        }
        if !blocks
            && item.kind == ItemKind::Money
            && !matches!(
                t.trig.frame,
                Frame::Give | Frame::Receive | Frame::Include | Frame::Order
            )
        {
            continue;
        }
        if t.t0 >= item_end && attacker_weapon(u, item, t) {
            continue;
        }
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
        // "roughly 600 of them fatal": the predicate of the partitive
        if after
            && t.t0 == f1 + 2
            && u.word(f1) == "of"
            && matches!(u.word(f1 + 1), "them" | "those" | "whom")
        {
            cost = 0;
        }
        if t.trig.frame == Frame::Include && t.t1 <= f0 {
            cost -= 1;
        }
        if cost > MAX_COST {
            continue;
        }
        if best.as_ref().is_none_or(|(c, _)| cost < *c) {
            best = Some((cost, *t));
        }
    }
    best.map(|(_, t)| t)
}

/// "Russian missiles struck the city", "backed by 4,000 troops, the rebels
/// seized the town": a harm verb in the active voice after the counted
/// materiel or people, with an object of its own, makes them the attacker's
/// weapons or fighters, not the harmed (the verb harms what it acts on: "7
/// tanks destroyed", "were hit", "struck 3 tanks", "12 soldiers were
/// captured").
fn attacker_weapon(u: &UnitView, item: &ItemRef, t: &TrigHit) -> bool {
    let harms = match item.kind {
        ItemKind::Materiel => matches!(t.trig.frame, Frame::Destroy | Frame::Damage | Frame::Kill),
        k if k.is_people() => matches!(t.trig.frame, Frame::Kill | Frame::Wound | Frame::Capture),
        _ => false,
    };
    if !harms {
        return false;
    }
    let passive = t.t0 > 0
        && matches!(
            u.word(t.t0 - 1),
            "were" | "was" | "been" | "being" | "are" | "is" | "be" | "got"
        );
    if passive || t.t1 >= u.toks.len() || u.is_punct(t.t1) {
        return false;
    }
    let next = u.word(t.t1);
    let object = u.ment_at(t.t1).is_some()
        || u.is_capitalised(t.t1)
        || matches!(
            next,
            "the" | "a" | "an" | "its" | "their" | "his" | "her" | "targets" | "civilians"
        )
        || u.toks[t.t1].kind == crate::tokens::TokKind::Number;
    object && next != "by"
}

/// The canonical item name for a claim.
pub(crate) fn item_name(kind: Kind, item: &ItemRef) -> String {
    if kind == Kind::Casualties && item.kind == ItemKind::People && !item.name.is_empty() {
        return item.name.clone();
    }
    item.name.clone()
}

/// A people noun followed by "in/on/into <place>" with no verb of its own
/// ("11,000 soldiers now in Kursk"): presence in that place.
pub(crate) fn presence(
    u: &UnitView,
    item: &ItemRef,
    f0: usize,
    f1: usize,
    cues: &Cues,
) -> Option<TrigHit> {
    if item.kind == ItemKind::Money {
        return None;
    }
    // things are present only as a plan: "14 tanks to be in Ukraine by March"
    let things = !item.kind.is_people();
    let item_end = item.at.map(|(_, b)| b).unwrap_or(f1).max(f1);
    let head_end = item
        .at
        .map(|(_, b)| b)
        .filter(|&b| b <= f0)
        .unwrap_or(item_end);
    let item_end = if head_end < f0
        && (head_end..(head_end + 3).min(u.toks.len())).any(|k| matches!(u.word(k), "in" | "on"))
    {
        head_end
    } else {
        item_end
    };
    let place_at = |k: usize| {
        matches!(
            u.word(k),
            "in" | "on" | "into" | "inside" | "across" | "throughout"
        ) && (k + 1..=k + 3).any(|j| u.ment_starting(j).is_some())
    };
    let present = (item_end..(item_end + 4).min(u.toks.len()))
        .any(|k| place_at(k) && (!things || (k > 0 && u.word(k - 1) == "be")))
        // "are believed to be fighting in Kursk": a verb of being somewhere
        || (!things
            && (item_end + 1..(item_end + 8).min(u.toks.len())).any(|k| {
                place_at(k)
                    && cues.presence_verbs.contains_at(u.lower, &u.toks, k - 1)
                    && (item_end..k).all(|j| !u.is_punct(j))
            }));
    present.then_some(TrigHit {
        trig: Trigger {
            frame: Frame::Presence,
            stage: if things { Stage::Planned } else { Stage::Done },
            needs_path: false,
            payment: false,
        },
        t0: item_end,
        t1: item_end,
    })
}

/// "killed and wounded" right after the counted noun: both outcomes.
pub(crate) fn killed_and_wounded_after(u: &UnitView, item: &ItemRef, f1: usize) -> bool {
    let e = item.at.map(|(_, b)| b).unwrap_or(f1).max(f1);
    (e..(e + 4).min(u.toks.len())).any(|k| {
        matches!(u.word(k), "killed" | "dead")
            && matches!(u.word(k + 1), "and" | "or")
            && matches!(u.word(k + 2), "wounded" | "injured")
    })
}

/// Frames that by themselves say something moved between two parties.
pub(crate) fn is_firm(frame: Frame) -> bool {
    matches!(frame, Frame::Give | Frame::Receive | Frame::Move)
}

/// A sum of money that measures an aid package ("a package worth $90
/// million", "a $90 million aid package") is given even without a verb of
/// giving: the package noun opens a planned give frame, so "for X" after
/// it is the recipient and the body announcing it the giver.
pub(crate) fn package(u: &UnitView, item: &ItemRef, cues: &Cues) -> Option<TrigHit> {
    if item.kind != ItemKind::Money {
        return None;
    }
    let (a, b) = item.at?;
    u.any_cue(cues, Cue::Package, a, b).then_some(TrigHit {
        trig: Trigger {
            frame: Frame::Give,
            stage: Stage::Planned,
            needs_path: false,
            payment: false,
        },
        t0: a,
        t1: b,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::items::attach;
    use crate::scene::testing::{scene, tools};

    fn governed(text: &str) -> Option<TrigHit> {
        let sc = scene(text);
        let (fig, _, (f0, f1)) = &sc.figs[0];
        let clause = sc.clause_of(*f0);
        let item = attach(&sc, fig, *f0, *f1, clause, &tools(), None)?;
        governing(&sc.u, &sc.trigs, *f0, *f1, &item, clause)
    }

    #[test]
    fn a_striking_weapon_is_not_struck() {
        assert!(governed("Twelve Russian missiles struck Kharkiv overnight.").is_none());
        assert!(governed("Three Russian tanks were struck near the river.").is_some());
        assert!(governed("Drones struck 3 Russian tanks.").is_some());
    }
}
