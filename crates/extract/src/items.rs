//! Figure → item attachment: which noun a figure counts ("120 M1989 Koksan
//! howitzers", "60% of its ammunition", "eight of them", a weapon named in an
//! earlier sentence).

use crate::cues::{Cues, ItemKind};
use crate::mentions::{ItemHead, UnitView};
use crate::scene::{Scene, Tools};
use crate::triggers::Frame;
use tally_core::Unit;
use tally_figures::Figure;
use tally_lexicon::{Form, Lexicon};

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

/// Find the item a figure at tokens `[f0, f1)` counts.
pub(crate) fn item_after(
    u: &UnitView,
    f0: usize,
    f1: usize,
    unit: &Unit,
    cues: &Cues,
    lex: &Lexicon,
) -> Option<ItemRef> {
    let n = u.toks.len();
    let mut j = f1;
    let mut text_start = None;
    let mut steps = 0;
    while j < n && steps < 7 {
        if let Some(h) = u.items.iter().find(|h| h.t0 == j) {
            if matches!(unit, Unit::Money(_)) && h.kind != ItemKind::Money {
                // "$406 million of arms": the value of the things moved
                return (h.kind == ItemKind::Materiel && u.word(f1) == "of").then(|| ItemRef {
                    kind: ItemKind::Money,
                    ..from_head(u, h, j)
                });
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
            // "Wagner fighters": a demonym that ends in the item noun stops before it
            let e = u
                .items
                .iter()
                .filter(|h| h.t0 > j && h.t0 < e)
                .map(|h| h.t0)
                .min()
                .unwrap_or(e);
            // "Twelve Palestinians were killed": a plural demonym right after
            // the figure is the counted noun, people of that state
            if text_start.is_none() && !matches!(unit, Unit::Money(_)) {
                if let Some(h) = demonym_noun(u, m, e, cues) {
                    return Some(h);
                }
            }
            // a state's name used as an adjective: "two Myanmar air force jets"
            let attributive = m.form == Form::Name
                && e < n
                && !u.is_punct(e)
                && crate::mentions::party_of(lex, m).is_some();
            if matches!(m.form, Form::Demonym)
                || m.possessive
                || attributive
                || is_origin_word(u, j, cues)
            {
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
        // "17,000 Hamas and other militants": the class after "and other"
        if text_start.is_some()
            && u.word(j) == "and"
            && u.word(j + 1) == "other"
            && u.items.iter().any(|h| h.t0 == j + 2)
        {
            j += 2;
            steps += 1;
            continue;
        }
        // a measure glued by a hyphen: "1,800 2,000-pound bombs", "155-mm shells"
        if u.toks[j].kind == crate::tokens::TokKind::Number
            && u.word(j + 1) == "-"
            && u.toks
                .get(j + 2)
                .is_some_and(|t| t.kind == crate::tokens::TokKind::Word)
        {
            if text_start.is_none() {
                text_start = Some(j);
            }
            j += 3;
            steps += 1;
            continue;
        }
        // a capitalised designation before a class noun: "Abrams tanks",
        // "MK-84 2,000-pound bombs"
        if u.is_capitalised(j)
            && j + 1 < n
            && u.items.iter().any(|h| {
                h.t0 > j
                    && h.t0 <= j + 4
                    && (j + 1..h.t0).all(|k| u.word(k) == "-" || !u.is_punct(k))
            })
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

/// A demonym standing as a plural noun ("Palestinians", "Sudanese" before a
/// verb): people, named "people". A plural in -s is a noun unless an item
/// noun follows; any other form only when no noun can follow it.
fn demonym_noun(u: &UnitView, m: &crate::mentions::Ment, e: usize, cues: &Cues) -> Option<ItemRef> {
    if m.form != Form::Demonym || m.possessive || e != m.t1 {
        return None;
    }
    if u.items.iter().any(|h| h.t0 >= e && h.t0 <= e + 1) {
        return None;
    }
    let last = u.word(m.t1 - 1);
    let plural = last.ends_with('s') && !last.ends_with("ss");
    let verb_next = cues.item_elided.contains_at(u.lower, &u.toks, e)
        && !matches!(u.word(e), "of" | "a" | "and" | "or");
    if !((plural && !u.is_capitalised(e)) || verb_next) {
        return None;
    }
    Some(ItemRef {
        name: "people".into(),
        text: u.slice(m.t0, m.t1).to_string(),
        kind: ItemKind::Civilians,
        origin: None,
        at: Some((m.t0, m.t1)),
        elided: false,
    })
}

/// The thing a sum is the value of: "coastal radars worth ¥1.6 billion".
/// The item keeps the thing's name, counted in money.
pub(crate) fn worth_item(u: &UnitView, f0: usize, cues: &Cues) -> Option<ItemRef> {
    let k = (f0.saturating_sub(4)..f0).find(|&k| {
        cues.worth
            .at(u.lower, &u.toks, k)
            .is_some_and(|(_, e)| e == f0)
    })?;
    let h = u
        .items
        .iter()
        .find(|h| h.t1 == k && h.kind != ItemKind::Money)?;
    let mut s = h.t0;
    if s > 0
        && !u.is_punct(s - 1)
        && !u.is_capitalised(s - 1)
        && !cues.item_elided.contains_at(u.lower, &u.toks, s - 1)
        && !matches!(u.word(s - 1), "the" | "its" | "their" | "with")
    {
        s -= 1;
    }
    Some(ItemRef {
        kind: ItemKind::Money,
        ..from_head(u, h, s)
    })
}

/// A sum on a list line under a giving header: aid, named by what it is
/// for when an item follows ("€40 million for drones").
pub(crate) fn listed_money(u: &UnitView, f1: usize) -> ItemRef {
    let text = u
        .items
        .iter()
        .find(|h| h.t0 >= f1 && h.kind != ItemKind::Money)
        .map_or("aid", |h| u.slice(h.t0, h.t1));
    ItemRef {
        name: "aid".into(),
        text: text.to_string(),
        kind: ItemKind::Money,
        origin: None,
        at: None,
        elided: true,
    }
}

pub(crate) fn is_origin_word(u: &UnitView, j: usize, cues: &Cues) -> bool {
    let w = u.word(j);
    cues.origin_suffixes.iter().any(|s| w.ends_with(s.as_str()))
}

fn from_head(u: &UnitView, h: &ItemHead, s: usize) -> ItemRef {
    // "a 200-strong contingent": the hyphenated word belongs to the number
    let s = if u.word(s) == "-" && s + 2 < h.t1 {
        s + 2
    } else {
        s
    };
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

/// Does "others"/"more" with no noun of its own follow the figure ("120
/// others were wounded")? Such a figure continues the last people count.
pub(crate) fn continues_people(u: &UnitView, f1: usize, cues: &Cues) -> bool {
    let Some((_, e)) = cues.people_continuation.at(u.lower, &u.toks, f1) else {
        return false;
    };
    !u.items.iter().any(|h| h.t0 >= e && h.t0 <= e + 1)
}

/// The nearest item noun before token `before` in the unit.
/// Is the noun at `t0` a part named inside a larger count ("killed 492
/// people, among them 35 children, and wounded 1,645": the wounded are
/// people, not children)? Its figure follows "including", "among them",
/// "of them" or "of whom".
fn is_named_part(u: &UnitView, t0: usize) -> bool {
    let mut k = t0;
    // back over the noun's modifiers and its figure
    while k > 0 && (u.toks[k - 1].kind == crate::tokens::TokKind::Number || !u.is_punct(k - 1)) {
        k -= 1;
        if matches!(u.word(k), "including" | "them" | "whom") {
            return true;
        }
        if t0 - k > 5 {
            break;
        }
    }
    false
}

pub(crate) fn item_before(u: &UnitView, before: usize, unit: &Unit) -> Option<ItemRef> {
    u.items
        .iter()
        .rev()
        .filter(|h| h.t1 <= before)
        .filter(|h| !is_named_part(u, h.t0))
        .find(|h| matches!(unit, Unit::Money(_)) == (h.kind == ItemKind::Money))
        .map(|h| ItemRef {
            elided: true,
            ..from_head(u, h, h.t0)
        })
}

/// The item a figure counts, trying in turn: the noun after it, an earlier
/// noun it elides, an aid noun of its clause (money), a casualty noun it
/// counts directly ("casualties have climbed to 3,000").
pub(crate) fn attach(
    sc: &Scene,
    fig: &Figure,
    f0: usize,
    f1: usize,
    clause: (usize, usize),
    tools: &Tools,
    last_item: Option<&ItemRef>,
) -> Option<ItemRef> {
    let (cues, lex) = (tools.cues, tools.lex);
    let u = &sc.u;
    let money = matches!(fig.unit, Unit::Money(_));
    let mut item = item_after(u, f0, f1, &fig.unit, cues, lex);
    if item.is_none() && !money && continues_people(u, f1, cues) {
        item = u
            .items
            .iter()
            .rev()
            .filter(|h| h.t1 <= f0 && h.kind.is_people())
            .map(|h| ItemRef {
                elided: true,
                ..from_head(u, h, h.t0)
            })
            .next()
            .or_else(|| {
                last_item
                    .filter(|l| l.kind.is_people())
                    .cloned()
                    .map(|mut l| {
                        l.at = None;
                        l.elided = true;
                        l
                    })
            });
    }
    if item.is_none() && may_elide(u, f1, cues) {
        item = item_before(u, f0, &fig.unit)
            .filter(|h| !counts_between(sc, h, f0, cues))
            .or_else(|| {
                if money {
                    None
                } else {
                    last_item.cloned().map(|mut l| {
                        l.at = None;
                        l.elided = true;
                        l
                    })
                }
            });
    }
    if item.is_none() && money {
        // "a package worth $X", "$X in aid": any aid word in the clause
        item = u
            .items
            .iter()
            .filter(|h| h.kind == ItemKind::Money && h.t0 >= clause.0 && h.t1 <= clause.1)
            .min_by_key(|h| h.t0.abs_diff(f0))
            .map(|h| ItemRef {
                name: h.name.clone(),
                text: u.slice(h.t0, h.t1).to_string(),
                kind: ItemKind::Money,
                origin: None,
                at: Some((h.t0, h.t1)),
                elided: true,
            });
    }
    if item.is_none() && money {
        // "agreed to pay Iran $1.7 billion": the money a payment verb governs
        item = sc
            .trigs
            .iter()
            .find(|t| t.trig.payment && t.t1 <= f0 && f0 <= t.t1 + 4 && t.t0 >= clause.0)
            .map(|t| ItemRef {
                name: "payment".into(),
                text: u.slice(t.t0, t.t1).to_string(),
                kind: ItemKind::Money,
                origin: None,
                at: None,
                elided: true,
            });
    }
    if item.is_none() && !money && may_elide(u, f1, cues) {
        if let Some(t) = sc.trigs.iter().rev().find(|t| {
            t.t1 <= f0
                && t.t0 >= clause.0
                && matches!(t.trig.frame, Frame::Casualty | Frame::Kill | Frame::Wound)
        }) {
            item = Some(ItemRef {
                name: "soldiers".into(),
                text: u.slice(t.t0, t.t1).to_string(),
                kind: ItemKind::People,
                origin: None,
                at: None,
                elided: true,
            });
        }
    }
    if item.is_none() && !money {
        item = casualty_noun(sc, f0, f1, cues, last_item);
    }
    let mut item = item?;
    // people who are not combatants, whatever the lexicon calls them
    if let Some((a, b)) = item.at {
        if (a..b).any(|k| {
            cues.items
                .at(u.lower, &u.toks, k)
                .is_some_and(|(c, _)| c.kind == ItemKind::Civilians)
        }) {
            item.kind = ItemKind::Civilians;
        }
    }
    Some(item)
}

/// "suffered about 4,700 casualties", "13,000 deaths": a casualty noun right
/// after the figure counts people: the people noun of the clause before the
/// figure, else the last people noun of the document, else soldiers.
fn casualty_noun(
    sc: &Scene,
    f0: usize,
    f1: usize,
    cues: &Cues,
    last_item: Option<&ItemRef>,
) -> Option<ItemRef> {
    let u = &sc.u;
    // "20 Wagner deaths", "300 Russian casualties": a name between
    let at = u.ment_starting(f1).map_or(f1, |m| m.t1);
    let (_, e) = cues
        .casualty_nouns
        .at(u.lower, &u.toks, f1)
        .or_else(|| cues.casualty_nouns.at(u.lower, &u.toks, at))?;
    let people = item_before(u, f0, &Unit::Item)
        .filter(|h| h.kind.is_people())
        .or_else(|| last_item.filter(|l| l.kind.is_people()).cloned());
    Some(match people {
        Some(p) => ItemRef {
            text: if p.at.is_some() {
                p.text
            } else {
                u.slice(f1, e).to_string()
            },
            at: None,
            elided: true,
            ..p
        },
        // "1 dead, 5 wounded": soldiers only where the unit speaks of them
        None if military_people(u) => ItemRef {
            name: "soldiers".into(),
            text: u.slice(f1, e).to_string(),
            kind: ItemKind::People,
            origin: None,
            at: None,
            elided: true,
        },
        None => ItemRef {
            name: "people".into(),
            text: u.slice(f1, e).to_string(),
            kind: ItemKind::Civilians,
            origin: None,
            at: None,
            elided: true,
        },
    })
}

/// Does the unit name military people or losses ("troops", "soldiers",
/// "servicemen", "the army", "casualties" of a force)?
fn military_people(u: &UnitView) -> bool {
    u.items.iter().any(|h| h.kind == ItemKind::People)
        || (0..u.toks.len()).any(|k| {
            matches!(
                u.word(k),
                "military"
                    | "army"
                    | "armed"
                    | "forces"
                    | "troops"
                    | "soldiers"
                    | "servicemen"
                    | "personnel"
                    | "fighters"
                    | "losses"
                    | "casualties"
                    | "combat"
                    | "front"
            )
        })
}

/// Is there, between an earlier noun and the figure at `f0`, another figure
/// counting some other noun ("the missiles were used in 12 attacks,
/// including three on Kyiv": three attacks, not three missiles)?
fn counts_between(sc: &Scene, h: &ItemRef, f0: usize, cues: &Cues) -> bool {
    let Some((_, e)) = h.at else { return false };
    let u = &sc.u;
    sc.figs.iter().any(|(_, _, (a, b))| {
        *a >= e && *b <= f0 && !may_elide(u, *b, cues) && !u.items.iter().any(|it| it.t0 == *b)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::testing::{scene, tools};

    fn first_item(text: &str, last: Option<&ItemRef>) -> Option<ItemRef> {
        let sc = scene(text);
        let (fig, _, (f0, f1)) = &sc.figs[0];
        let clause = sc.clause_of(*f0);
        attach(&sc, fig, *f0, *f1, clause, &tools(), last)
    }

    #[test]
    fn noun_after_the_figure() {
        let it = first_item("Spain delivered 16 armoured vehicles.", None).unwrap();
        assert!(it.name.ends_with("vehicles"));
        assert!(!it.elided);
    }

    #[test]
    fn casualty_noun_counts_people() {
        let it = first_item("The brigade has suffered 800 casualties.", None).unwrap();
        assert!(it.kind.is_people());
        assert!(it.elided);
    }

    #[test]
    fn elision_stops_at_a_figure_of_another_noun() {
        let text = "The drones were used in 9 raids, including two on the port.";
        let sc = scene(text);
        let (fig, _, (f0, f1)) = &sc.figs[1];
        let clause = sc.clause_of(*f0);
        assert!(attach(&sc, fig, *f0, *f1, clause, &tools(), None).is_none());
    }

    #[test]
    fn money_takes_the_aid_noun_of_its_clause() {
        let it = first_item("Oslo unveiled an aid package worth $90 million.", None).unwrap();
        assert_eq!(it.kind, ItemKind::Money);
    }
}
