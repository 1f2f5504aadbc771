//! The glue: segment, annotate each unit, build frames, attribute, fill
//! parties from the document, de-duplicate.

use crate::attribution::{find_attrs, Attr, Speakers};
use crate::cues::{Cues, ItemKind, CUES, ITEMS};
use crate::frames::{self, ItemRef, TrigHit};
use crate::mentions::{tok_range, UnitView};
use crate::segment::{segment, UnitKind};
use crate::triggers::{Frame, Triggers, BUILTIN};
use crate::{dedup, ExtractError};
use tally_core::{
    Claim, Document, Evidence, Extractor, Item, Kind, Outcome, Period, Quantity, Source, Span,
    Stage, Unit,
};
use tally_lexicon::{Entity, Lexicon};
use tally_time::{find_times, Anchor, TimeKind};

/// The extraction pipeline. Built once, shared by reference across threads.
pub struct Pipeline {
    lexicon: Lexicon,
    triggers: Triggers,
    cues: Cues,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline").finish_non_exhaustive()
    }
}

impl Pipeline {
    /// A pipeline over `lexicon` with the built-in triggers and cue lists.
    pub fn new(lexicon: Lexicon) -> Pipeline {
        // The built-in data is compiled in and covered by tests; should it
        // ever fail to parse, the pipeline degrades to finding nothing.
        let triggers = Triggers::parse(BUILTIN).unwrap_or(Triggers {
            set: Default::default(),
        });
        let cues = Cues::parse(CUES, ITEMS).unwrap_or_default();
        Pipeline {
            lexicon,
            triggers,
            cues,
        }
    }

    /// The built-in lexicon with the built-in triggers and cues.
    pub fn builtin() -> Result<Pipeline, ExtractError> {
        let lexicon = Lexicon::builtin().map_err(|e| ExtractError::Lexicon(e.to_string()))?;
        Triggers::parse(BUILTIN)?;
        Cues::parse(CUES, ITEMS)?;
        Ok(Pipeline::new(lexicon))
    }
}

/// A claim being built, with what the document-level passes need.
struct Draft {
    claim: Claim,
    headline: bool,
    item_kind: ItemKind,
    planned_time: Option<(usize, usize)>,
}

/// What the last claim said, for figures that continue it.
#[derive(Clone)]
struct LastFrame {
    frame: Option<Frame>,
    kind: Kind,
    outcome: Option<Outcome>,
    from: Option<String>,
    to: Option<String>,
    stage: Stage,
    people: bool,
    source: Option<Source>,
    evidence: Option<Evidence>,
    when: Option<Period>,
}

impl Extractor for Pipeline {
    fn version(&self) -> &str {
        concat!("tally-extract ", env!("CARGO_PKG_VERSION"))
    }

    fn extract(&self, doc: &Document) -> Vec<Claim> {
        let text = doc.text.as_str();
        let lower = text.to_ascii_lowercase();
        let units = segment(text);
        let cues = &self.cues;
        let lex = &self.lexicon;
        let mut sp = Speakers::default();
        let mut drafts: Vec<Draft> = Vec::new();
        let mut last_item: Option<ItemRef> = None;
        let mut last_frame: Option<LastFrame> = None;
        let mut header: Option<LastFrame> = None;
        for (ui, unit) in units.iter().enumerate() {
            let u = UnitView::new(text, &lower, unit.span, lex, cues);
            let unit_text = text.get(unit.span.range()).unwrap_or("");
            let headline = unit.kind != UnitKind::Sentence;
            let anchor = Anchor {
                published: doc.published,
                future: false,
            };
            let times: Vec<_> = find_times(unit_text, anchor)
                .into_iter()
                .filter_map(|t| {
                    let s = t.span.shift(unit.span.start);
                    tok_range(&u.toks, s).map(|r| (t, s, r))
                })
                .collect();
            let time_ranges: Vec<(usize, usize)> = times.iter().map(|(_, _, r)| *r).collect();
            // triggers
            let mut trigs: Vec<TrigHit> = Vec::new();
            let mut i = 0;
            while i < u.toks.len() {
                if let Some((t, e)) = self.triggers.set.at(u.lower, &u.toks, i) {
                    let made_in =
                        matches!(u.word(i), "made" | "built" | "produced") && u.word(e) == "in";
                    let adjective = t.frame.is_harm()
                        && u.items.iter().any(|h| h.t0 == e)
                        && i > 0
                        && !matches!(
                            u.word(i - 1),
                            "have" | "has" | "had" | "and" | "or" | "forces" | "it" | "they"
                        );
                    if !made_in && !adjective {
                        trigs.push(TrigHit {
                            trig: *t,
                            t0: i,
                            t1: e,
                        });
                    }
                    i = e;
                    continue;
                }
                i += 1;
            }
            trigs.retain(|t| {
                !t.trig.needs_path
                    || (t.t1..(t.t1 + 12).min(u.toks.len()))
                        .any(|k| matches!(u.word(k), "to" | "from" | "into"))
            });
            let attrs = find_attrs(&u, &time_ranges, lex, cues, &mut sp);
            // figures
            let figs: Vec<_> = tally_figures::find_figures(unit_text)
                .into_iter()
                .filter(|f| f.measure.is_none())
                .filter_map(|f| {
                    let s = f.span.shift(unit.span.start);
                    let r = tok_range(&u.toks, s)?;
                    Some((f, s, r))
                })
                .filter(|(_, s, _)| !times.iter().any(|(_, ts, _)| ts.overlaps(*s)))
                .filter(|(_, _, r)| {
                    !u.items
                        .iter()
                        .any(|h| h.origin.is_some() && r.0 >= h.t0 && r.1 <= h.t1)
                })
                .filter(|(_, _, r)| !u.ments.iter().any(|m| r.0 >= m.t0 && r.1 <= m.t1))
                .collect();
            let clause_of = |k: usize| -> (usize, usize) {
                let mut a = k.min(u.toks.len());
                while a > 0 && !matches!(u.word(a - 1), ";") {
                    a -= 1;
                }
                let mut b = k;
                while b < u.toks.len() && u.word(b) != ";" {
                    b += 1;
                }
                (a, b)
            };
            let mut prev_bound: Option<(usize, tally_core::Bound)> = None;
            for (fi, (fig, fspan, (f0, f1))) in figs.iter().enumerate() {
                let (f0, f1) = (*f0, *f1);
                // "2,200 of the 3,500 tanks": the second number is a base
                if f0 >= 2
                    && fi > 0
                    && cues.base_before.ending_at(u.lower, &u.toks, f0).is_some()
                    && figs[fi - 1].2 .1 + 4 >= f0
                {
                    continue;
                }
                let clause = clause_of(f0);
                let mut item = frames::item_after(&u, f0, f1, &fig.unit, cues);
                if item.is_none() && frames::may_elide(&u, f1, cues) {
                    item = frames::item_before(&u, f0, &fig.unit).or_else(|| {
                        if matches!(fig.unit, Unit::Money(_)) {
                            None
                        } else {
                            last_item.clone().map(|mut l| {
                                l.at = None;
                                l.elided = true;
                                l
                            })
                        }
                    });
                }
                if item.is_none() && matches!(fig.unit, Unit::Money(_)) {
                    // "a package worth $X", "$X in aid": any aid word in the clause
                    item = u
                        .items
                        .iter()
                        .filter(|h| {
                            h.kind == ItemKind::Money && h.t0 >= clause.0 && h.t1 <= clause.1
                        })
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
                // casualty nouns counted directly: "casualties have climbed to 3,000"
                if item.is_none()
                    && !matches!(fig.unit, Unit::Money(_))
                    && frames::may_elide(&u, f1, cues)
                {
                    if let Some(t) = trigs.iter().rev().find(|t| {
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
                let Some(mut item) = item else { continue };
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
                let mut trig = frames::governing(&u, &trigs, f0, f1, &item, clause);
                let mut inherited: Option<LastFrame> = None;
                let anaphoric = (clause.0.max(f0.saturating_sub(6))..f0)
                    .any(|k| cues.anaphora.contains_at(u.lower, &u.toks, k))
                    || (item.elided
                        && item.at.is_none()
                        && frames::may_elide(&u, f1, cues)
                        && !u.is_punct(f1));
                if trig.is_none() {
                    let item_end = item.at.map(|(_, b)| b).unwrap_or(f1).max(f1);
                    let head_end = item
                        .at
                        .map(|(_, b)| b)
                        .filter(|&b| b <= f0)
                        .unwrap_or(item_end);
                    let item_end = if head_end < f0
                        && (head_end..(head_end + 3).min(u.toks.len()))
                            .any(|k| matches!(u.word(k), "in" | "on"))
                    {
                        head_end
                    } else {
                        item_end
                    };
                    let presence = item.kind != ItemKind::Money
                        && (item_end..(item_end + 4).min(u.toks.len())).any(|k| {
                            matches!(u.word(k), "in" | "on" | "into")
                                && (u.ments.iter().any(|m| m.t0 > k && m.t0 <= k + 3))
                        });
                    if presence && item.kind.is_people() {
                        trig = Some(TrigHit {
                            trig: crate::triggers::Trigger {
                                frame: Frame::Presence,
                                stage: Stage::Done,
                                needs_path: false,
                            },
                            t0: item_end,
                            t1: item_end,
                        });
                    } else if let Some(h) = header.clone().filter(|_| {
                        u.toks
                            .iter()
                            .any(|t| matches!(u.lower.get(t.start..t.end), Some("—" | "–" | ":")))
                    }) {
                        inherited = Some(h);
                    } else if anaphoric {
                        inherited = last_frame.clone().filter(|l| {
                            l.people == item.kind.is_people() && item.kind != ItemKind::Money
                        });
                    }
                    if trig.is_none() && inherited.is_none() {
                        continue;
                    }
                }
                let frame = trig
                    .map(|t| t.trig.frame)
                    .or(inherited.as_ref().and_then(|l| l.frame));
                let (kind, mut outcome) = match (trig, &inherited) {
                    (Some(t), _) => match frames::kind_of(t.trig.frame, item.kind) {
                        Some(k) => k,
                        None => continue,
                    },
                    (None, Some(l)) => (l.kind, l.outcome),
                    _ => continue,
                };
                if kind == Kind::Casualties
                    && item.kind == ItemKind::Civilians
                    && !(0..u.toks.len())
                        .any(|k| cues.military_context.contains_at(u.lower, &u.toks, k))
                {
                    continue;
                }
                if kind == Kind::Casualties {
                    // "killed and wounded" right after the item
                    let e = item.at.map(|(_, b)| b).unwrap_or(f1).max(f1);
                    if (e..(e + 4).min(u.toks.len())).any(|k| {
                        matches!(u.word(k), "killed" | "dead")
                            && matches!(u.word(k + 1), "and" | "or")
                            && matches!(u.word(k + 2), "wounded" | "injured")
                    }) {
                        outcome = Some(Outcome::Casualties);
                    }
                }
                // attribution: the nearest in the clause, else the unit's
                let in_clause: Vec<&Attr> = attrs
                    .iter()
                    .filter(|a| a.verb == usize::MAX || (a.verb >= clause.0 && a.verb < clause.1))
                    .collect();
                let said: Vec<&Attr> = in_clause
                    .iter()
                    .copied()
                    .filter(|a| a.speaker.is_some() && a.verb != usize::MAX)
                    .collect();
                let citing = in_clause
                    .iter()
                    .copied()
                    .find(|a| a.verb == usize::MAX && a.speaker.is_some());
                let chosen = said.iter().copied().min_by_key(|a| {
                    let d = a.verb.abs_diff(f0);
                    d + if a.verb > f0 { 1 } else { 0 }
                });
                let mut source = None;
                let mut evidence = None;
                let mut speaker_party = None;
                if let Some(c) = citing {
                    source = Some(Source {
                        speaker: c.speaker.clone(),
                        via: chosen.and_then(|a| a.speaker.clone()).or(c.via.clone()),
                    });
                    evidence = c.evidence.or(Some(Evidence::Statement));
                } else if let Some(a) = chosen {
                    let mut via = a.via.clone();
                    if via.is_none() && !a.person {
                        // "X said ..., according to lawmaker Y": Y passed it on
                        if let Some(o) = said
                            .iter()
                            .find(|o| o.person && o.speaker != a.speaker && o.verb != a.verb)
                        {
                            via = o.speaker.clone();
                        }
                    }
                    source = Some(Source {
                        speaker: a.speaker.clone(),
                        via,
                    });
                    evidence = a.evidence;
                    speaker_party = a.speaker.as_deref().and_then(|s| {
                        lex.find(s)
                            .first()
                            .and_then(|m| lex.entity(m.entity).party().map(str::to_string))
                    });
                }
                if let Some(fa) = in_clause.iter().find(|a| {
                    matches!(a.evidence, Some(Evidence::Footage | Evidence::Imagery))
                        && a.speaker.is_none()
                }) {
                    if chosen.is_none_or(|c| c.verb > fa.verb) {
                        source = None;
                        evidence = fa.evidence;
                    }
                }
                if source.is_none() && evidence.is_none() {
                    if let Some(l) = inherited.as_ref() {
                        source = l.source.clone();
                        evidence = l.evidence;
                    }
                }
                let negated = attrs.iter().any(|a| a.denial && a.verb < f0);
                let excluded: Vec<(usize, usize)> = attrs.iter().map(|a| (a.t0, a.t1)).collect();
                let p = frames::parties(&u, lex, cues, trig.as_ref(), f0, &item, clause, &excluded);
                let (mut from, mut to) =
                    frames::resolve_parties(frame, kind, &p, speaker_party.as_deref(), cues);
                if let Some(l) = inherited.as_ref() {
                    from = from.or(l.from.clone());
                    to = to.or(l.to.clone());
                }
                let mut stage = frames::stage_of(&u, cues, trig.as_ref(), f0, clause);
                if let Some(l) = inherited.as_ref() {
                    if stage == Stage::Done
                        && trig.is_none()
                        && !frames::planned_between(&u, cues, clause.0, f1 + 3)
                    {
                        stage = l.stage;
                    }
                }
                if matches!(kind, Kind::Casualties | Kind::Loss)
                    && stage == Stage::Planned
                    && !(clause.0..f0).any(|k| {
                        matches!(
                            u.word(k),
                            "will" | "would" | "could" | "aiming" | "expects" | "expected"
                        )
                    })
                {
                    stage = Stage::Done;
                }
                if item.kind == ItemKind::Money
                    && kind == Kind::Transfer
                    && trig.is_some_and(|t| !matches!(t.trig.frame, Frame::Give | Frame::Receive))
                {
                    stage = Stage::Planned;
                }
                if item.kind == ItemKind::Money
                    && (clause.0..clause.1)
                        .any(|k| matches!(u.word(k), "package" | "aid" | "assistance" | "funding"))
                {
                    stage = Stage::Planned;
                }
                // bound carried over "about 1,000 killed and 3,000 wounded"
                let mut bound = fig.bound;
                if bound == tally_core::Bound::Exact {
                    if let Some((pe, pb)) = prev_bound {
                        if pe + 4 >= f0
                            && (pe..f0).any(|k| matches!(u.word(k), "and" | "or"))
                            && item.elided
                        {
                            bound = pb;
                        }
                    }
                }
                prev_bound = Some((f1, bound));
                // when: a time in the clause that is not the statement's
                let stmt = |r: (usize, usize)| -> bool {
                    excluded.iter().any(|&(a, b)| r.0 >= a && r.0 <= b + 1)
                        || (r.0 > 0
                            && cues
                                .statement_time
                                .ending_at(u.lower, &u.toks, r.0)
                                .is_some())
                        || (r.0 > 1
                            && cues
                                .statement_time
                                .ending_at(u.lower, &u.toks, r.0 - 1)
                                .is_some()
                            && matches!(u.word(r.0 - 1), "earlier" | "later" | "only"))
                };
                let anchor_t = trig.map(|t| t.t0).unwrap_or(f0);
                let mut when = times
                    .iter()
                    .filter(|(t, _, r)| {
                        r.0 >= clause.0
                            && r.1 <= clause.1
                            && t.kind != TimeKind::Duration
                            && !stmt(*r)
                    })
                    .min_by_key(|(_, _, r)| r.0.abs_diff(anchor_t))
                    .map(|(t, s, _)| (t.clone(), *s));
                if stage == Stage::Planned {
                    if let Some((_, s)) = &when {
                        let fut = find_times(
                            text.get(s.range()).unwrap_or(""),
                            Anchor {
                                published: doc.published,
                                future: true,
                            },
                        );
                        if let Some(ft) = fut.into_iter().next() {
                            when = Some((
                                tally_time::TimeExpr {
                                    span: ft.span.shift(s.start),
                                    ..ft
                                },
                                *s,
                            ));
                        }
                    }
                    if let (Some((t, _)), Some(pd)) = (&when, doc.published) {
                        if t.to.is_some_and(|to| to < pd) {
                            when = None;
                        }
                    }
                }
                if when.is_none() {
                    if let Some(l) = inherited.as_ref() {
                        if header.is_some() {
                            // table lines share the header's period
                        }
                        let _ = l;
                    }
                }
                let mut period = when.map(|(t, s)| Period {
                    from: t.from,
                    to: t.to,
                    text: text.get(s.range()).unwrap_or("").to_string(),
                });
                if period.is_none() {
                    if let Some(l) = inherited.as_ref().filter(|_| header.is_some() && !headline) {
                        period = l.when.clone();
                    }
                }
                let claim = Claim {
                    doc: doc.id.as_str().to_string(),
                    kind,
                    stage,
                    negated,
                    from,
                    to,
                    item: Item {
                        name: frames::item_name(kind, &item),
                        text: item.text.clone(),
                    },
                    outcome,
                    quantity: Quantity {
                        value: fig.value,
                        max: fig.max,
                        bound,
                        unit: fig.unit.clone(),
                        text: text.get(fspan.range()).unwrap_or("").to_string(),
                    },
                    when: period,
                    place: p.place.clone(),
                    source,
                    evidence,
                    span: unit.span,
                };
                last_frame = Some(LastFrame {
                    frame,
                    kind,
                    outcome: claim.outcome,
                    from: claim.from.clone(),
                    to: claim.to.clone(),
                    stage,
                    people: item.kind.is_people(),
                    source: claim.source.clone(),
                    evidence: claim.evidence,
                    when: claim.when.clone(),
                });
                drafts.push(Draft {
                    claim,
                    headline,
                    item_kind: item.kind,
                    planned_time: None,
                });
                let _ = ui;
            }
            // header lines of tables: "Russian equipment destroyed by X since Y, according to Z:"
            let ends_colon = u
                .toks
                .last()
                .is_some_and(|t| u.lower.get(t.start..t.end) == Some(":"));
            if ends_colon && figs.is_empty() {
                header = trigs.first().and_then(|t| {
                    let item = u.items.first().map(|h| ItemRef {
                        name: h.name.clone(),
                        text: String::new(),
                        kind: h.kind,
                        origin: None,
                        at: Some((h.t0, h.t1)),
                        elided: false,
                    })?;
                    let (kind, outcome) = frames::kind_of(t.trig.frame, item.kind)?;
                    let p = frames::parties(
                        &u,
                        lex,
                        cues,
                        Some(t),
                        item.at.map(|a| a.0).unwrap_or(0),
                        &item,
                        (0, u.toks.len()),
                        &[],
                    );
                    let (from, to) =
                        frames::resolve_parties(Some(t.trig.frame), kind, &p, None, cues);
                    let a = attrs.iter().find(|a| a.speaker.is_some());
                    let when = times
                        .iter()
                        .find(|(tt, _, _)| tt.kind != TimeKind::Duration)
                        .map(|(tt, s, _)| Period {
                            from: tt.from,
                            to: tt.to,
                            text: text.get(s.range()).unwrap_or("").to_string(),
                        });
                    Some(LastFrame {
                        frame: Some(t.trig.frame),
                        kind,
                        outcome,
                        from,
                        to,
                        stage: Stage::Done,
                        people: item.kind.is_people(),
                        source: a.map(|a| Source {
                            speaker: a.speaker.clone(),
                            via: a.via.clone(),
                        }),
                        evidence: a.map(|_| Evidence::Document),
                        when,
                    })
                });
            } else if !figs.is_empty()
                && !u
                    .toks
                    .iter()
                    .any(|t| matches!(u.lower.get(t.start..t.end), Some("—" | "–")))
                && !ends_colon
            {
                header = None;
            }
            if let Some(h) = u.items.iter().rev().find(|h| h.kind != ItemKind::Money) {
                last_item = Some(ItemRef {
                    name: h.name.clone(),
                    text: u.slice(h.t0, h.t1).to_string(),
                    kind: h.kind,
                    origin: h.origin.clone(),
                    at: None,
                    elided: true,
                });
            }
            for m in &u.ments {
                if let Entity::Person(pp) = lex.entity(m.id) {
                    sp.note_person(&pp.name);
                }
            }
        }
        fill_parties(&mut drafts, cues);
        let mut claims = Vec::new();
        let mut heads = Vec::new();
        for d in drafts {
            let c = d.claim;
            if c.from.is_none() {
                continue;
            }
            if d.item_kind == ItemKind::Money && c.from.is_none() && c.to.is_none() {
                continue;
            }
            let _ = d.planned_time;
            heads.push(d.headline);
            claims.push(c);
        }
        dedup::dedup(claims, &heads)
    }
}

/// Fill missing parties from the document's dominant pair of the same kind
/// group: a story about X sending Y to Z names them once and then leaves
/// them implied.
fn fill_parties(drafts: &mut [Draft], cues: &Cues) {
    use std::collections::HashMap;
    let mut pairs: HashMap<(String, String), usize> = HashMap::new();
    let mut froms: HashMap<String, usize> = HashMap::new();
    for d in drafts.iter() {
        let c = &d.claim;
        if matches!(c.kind, Kind::Transfer | Kind::Deployment) {
            if let (Some(f), Some(t)) = (&c.from, &c.to) {
                *pairs.entry((f.clone(), t.clone())).or_default() += 1;
            }
        }
        if matches!(c.kind, Kind::Casualties) {
            if let Some(f) = &c.from {
                *froms.entry(f.clone()).or_default() += 1;
            }
        }
    }
    let best = pairs
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(k, _)| k);
    let best_from = froms
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(k, _)| k);
    for d in drafts.iter_mut() {
        let c = &mut d.claim;
        match c.kind {
            Kind::Transfer | Kind::Deployment => {
                if let Some((f, t)) = &best {
                    if c.from.is_none() && c.to.as_ref() != Some(f) {
                        c.from = Some(f.clone());
                    }
                    if c.to.is_none() && c.from.as_ref() != Some(t) {
                        c.to = Some(t.clone());
                    }
                }
            }
            Kind::Casualties => {
                if c.from.is_none() {
                    c.from = best_from.clone();
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
    let _ = Span::default;
}
