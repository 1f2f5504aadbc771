//! Document-level state carried from unit to unit: speakers met so far, the
//! last item noun, the last frame (for figures that continue it: "another
//! 15", "among them 500 officers") and the header of a table.

use crate::attribution::Speakers;
use crate::cues::ItemKind;
use crate::items::ItemRef;
use crate::parties::{parties, resolve_parties};
use crate::scene::{Scene, Tools};
use crate::triggers::Frame;
use tally_core::{Claim, Evidence, Kind, Outcome, Period, Source, Stage};
use tally_lexicon::{Entity, Form};
use tally_time::TimeKind;

/// A claim being built, with what the document-level passes need.
pub(crate) struct Draft {
    pub claim: Claim,
    pub headline: bool,
    pub item_kind: ItemKind,
    /// The sentence names no party at all (the fill pass may add them).
    pub bare: bool,
    /// The trigger is an unambiguous transfer or deployment verb.
    pub firm: bool,
    /// Civilians hurt, with no word of war in the sentence: kept only in a
    /// document that is a war report.
    pub war_only: bool,
    /// A transfer told from the recipient's side (bought, received,
    /// ordered): it stands with no giver named.
    pub bought: bool,
    /// A weapon used or deployed ("launched five Iskander-M", "deployed 45
    /// aircraft around the island"): a transfer only with a recipient named.
    pub used: bool,
}

/// What the last claim said, for figures that continue it.
#[derive(Clone, Debug)]
pub(crate) struct LastFrame {
    pub frame: Option<Frame>,
    pub kind: Kind,
    pub outcome: Option<Outcome>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub stage: Stage,
    pub people: bool,
    pub source: Option<Source>,
    pub evidence: Option<Evidence>,
    pub when: Option<Period>,
    /// The canonical name of what was counted.
    pub item: String,
}

impl LastFrame {
    pub fn of(claim: &Claim, frame: Option<Frame>, people: bool) -> LastFrame {
        LastFrame {
            frame,
            kind: claim.kind,
            outcome: claim.outcome,
            from: claim.from.clone(),
            to: claim.to.clone(),
            stage: claim.stage,
            people,
            source: claim.source.clone(),
            evidence: claim.evidence,
            when: claim.when.clone(),
            item: claim.item.name.clone(),
        }
    }
}

/// Everything the pipeline remembers while walking a document.
#[derive(Default)]
pub(crate) struct DocContext {
    pub speakers: Speakers,
    pub last_item: Option<ItemRef>,
    pub last_frame: Option<LastFrame>,
    /// The frame of a table header ("X destroyed by Y since Z:").
    pub header: Option<LastFrame>,
    /// The side named as attacked in the last unit or the one before
    /// ("fired 30 drones at Ukraine"), and how many units ago.
    pub target: Option<(String, u8)>,
    /// The last weapon named in the document (for "the missiles").
    pub last_weapon: Option<ItemRef>,
    /// Item classes a side fired or launched ("the Houthis fired six
    /// missiles"): a later loss of "the missiles" is that side's.
    pub fired: Vec<(String, String)>,
    /// The last unit spoke of a sale.
    pub sale: bool,
    /// The last transfer or deployment with both parties (stated with or
    /// without a figure): a later figure of the same kind whose sentence
    /// names no party at all continues it. A sentence naming another party
    /// closes it.
    pub open: Option<LastFrame>,
}

impl DocContext {
    /// Update the document state after a unit's claims were built.
    pub fn after_unit(&mut self, sc: &Scene, tools: &Tools) {
        let u = &sc.u;
        if let Some((_, age)) = self.target.as_mut() {
            *age = age.saturating_add(1);
        }
        // a list opens on a colon, or on an including verb ("the package includes")
        let ends_colon = sc.ends_with_colon() || (!sc.list && ends_with_include(sc));
        if ends_colon && sc.figs.is_empty() {
            self.header = header_frame(sc, tools);
        } else if !sc.figs.is_empty() && !sc.has_dash() && !ends_colon && !sc.list {
            self.header = None;
        }
        if sc.figs.is_empty() && !ends_colon {
            // "Chadian troops were sent to Niger. Officials put the figure
            // at 2,000": a figure-less transfer or deployment with both
            // parties is the frame a later bare count continues
            if let Some(f) = header_frame(sc, tools).filter(|f| {
                matches!(f.kind, Kind::Transfer | Kind::Deployment)
                    && f.from.is_some()
                    && f.to.is_some()
            }) {
                let f = LastFrame {
                    source: None,
                    evidence: None,
                    when: None,
                    ..f
                };
                self.open = Some(f.clone());
                self.last_frame = Some(f);
            }
        }
        self.note_fired(sc, tools);
        self.sale = sc.mentions_sale(tools.cues);
        if let Some(h) = u.items.iter().rev().find(|h| h.kind != ItemKind::Money) {
            self.last_item = Some(ItemRef {
                name: h.name.clone(),
                text: u.slice(h.t0, h.t1).to_string(),
                kind: h.kind,
                origin: h.origin.clone(),
                at: None,
                elided: true,
            });
        }
        if let Some(h) = u.items.iter().rev().find(|h| h.origin.is_some()) {
            self.last_weapon = Some(ItemRef {
                name: h.name.clone(),
                text: u.slice(h.t0, h.t1).to_string(),
                kind: h.kind,
                origin: h.origin.clone(),
                at: None,
                elided: true,
            });
        }
        if let Some(st) = u.ments.iter().find_map(|m| match tools.lex.entity(m.id) {
            tally_lexicon::Entity::State(st) => Some(st.name.clone()),
            _ => None,
        }) {
            self.speakers.last_state = Some(st);
        }
        for m in &u.ments {
            if let tally_lexicon::Entity::Person(pp) = tools.lex.entity(m.id) {
                self.speakers.note_person(&pp.name);
            }
        }
    }
}

impl DocContext {
    /// Keep, replace or close the open frame after a unit whose claims are
    /// `new`: a transfer or deployment with both parties opens its own; a
    /// unit naming a party outside the open frame (not counting who is
    /// quoted) closes it.
    pub fn carry_open(&mut self, sc: &Scene, tools: &Tools, new: &[Draft]) {
        if let Some(d) = new.iter().rev().find(|d| {
            matches!(d.claim.kind, Kind::Transfer | Kind::Deployment)
                && d.claim.from.is_some()
                && d.claim.to.is_some()
        }) {
            self.open = Some(LastFrame::of(&d.claim, None, d.item_kind.is_people()));
            return;
        }
        if self
            .open
            .as_ref()
            .is_some_and(|o| names_other_party(o, sc, tools))
        {
            self.open = None;
        }
    }

    /// The open frame a figure of `kind` counting people (or not) whose
    /// sentence names no party continues: none when the unit names a party
    /// outside it ("Warsaw was promised 20, of which four arrived" does not
    /// continue another pair's frame).
    pub fn open_for(
        &self,
        kind: Kind,
        people: bool,
        sc: &Scene,
        tools: &Tools,
    ) -> Option<&LastFrame> {
        self.open
            .as_ref()
            .filter(|o| o.kind == kind && o.people == people && !names_other_party(o, sc, tools))
    }

    /// Remember who fired or launched which materiel in this unit.
    fn note_fired(&mut self, sc: &Scene, tools: &Tools) {
        let u = &sc.u;
        for t in sc.trigs.iter().filter(|t| t.trig.frame == Frame::Use) {
            if !tools.cues.fire_verbs.contains_at(u.lower, &u.toks, t.t0) {
                continue;
            }
            let Some(h) = u
                .items
                .iter()
                .find(|h| h.t0 >= t.t1 && h.t0 <= t.t1 + 5 && h.kind == ItemKind::Materiel)
            else {
                continue;
            };
            let item = ItemRef {
                name: h.name.clone(),
                text: String::new(),
                kind: h.kind,
                origin: None,
                at: Some((h.t0, h.t1)),
                elided: false,
            };
            let excluded: Vec<(usize, usize)> = sc.attrs.iter().map(|a| (a.t0, a.t1)).collect();
            let p = parties(
                u,
                tools.lex,
                tools.cues,
                Some(t),
                h.t0,
                &item,
                sc.clause_of(t.t0),
                &excluded,
            );
            // "they fired": the speaker's side ("Houthi rebels say they fired")
            let agent = p.agent.or_else(|| {
                p.pronoun_agent
                    .then(|| sc.attrs.iter().find(|a| a.verb < t.t0)?.speaker.clone())
                    .flatten()
                    .and_then(|s| {
                        let found = tools.lex.find(&s);
                        found
                            .first()
                            .and_then(|m| tools.lex.entity(m.entity).party().map(str::to_string))
                    })
            });
            if let Some(a) = agent {
                self.fired.push((h.name.clone(), a));
            }
        }
    }

    /// The side that fired items of class `name`, the latest first.
    pub fn firer_of(&self, name: &str) -> Option<String> {
        self.fired
            .iter()
            .rev()
            .find(|(n, _)| n.ends_with(name) || name.ends_with(n.as_str()))
            .map(|(_, a)| a.clone())
    }
}

/// Does the unit end on an including verb ("Its package includes")?
fn ends_with_include(sc: &Scene) -> bool {
    let n = sc.u.toks.len();
    let end = if n > 0 && sc.u.is_punct(n - 1) {
        n - 1
    } else {
        n
    };
    sc.trigs
        .iter()
        .any(|t| t.trig.frame == Frame::Include && t.t1 == end && end > 0)
}

/// The frame a table header opens: "Russian equipment destroyed by
/// Ukrainian forces since 24 February 2022, according to X:".
/// Does the unit name a party that is neither side of `o` (who is quoted
/// aside)?
fn names_other_party(o: &LastFrame, sc: &Scene, tools: &Tools) -> bool {
    sc.u.ments
        .iter()
        .filter(|m| !sc.attrs.iter().any(|a| m.t0 >= a.t0 && m.t1 <= a.t1))
        .filter_map(|m| crate::mentions::party_of(tools.lex, m))
        .any(|p| o.from.as_ref() != Some(&p) && o.to.as_ref() != Some(&p))
}

/// What a header counts: its item head, or its loss noun when it names no
/// item ("Russian losses as of 5 March:" heads lines that name their own).
struct Head {
    name: String,
    kind: ItemKind,
    t0: usize,
    t1: usize,
}

fn header_frame(sc: &Scene, tools: &Tools) -> Option<LastFrame> {
    let u = &sc.u;
    let (h, t) = match u.items.first() {
        Some(i) => {
            let t = sc
                .trigs
                .iter()
                .find(|t| crate::frames::kind_of(t.trig.frame, i.kind).is_some())?;
            let h = Head {
                name: i.name.clone(),
                kind: i.kind,
                t0: i.t0,
                t1: i.t1,
            };
            (h, t)
        }
        None => {
            let t = sc
                .trigs
                .iter()
                .find(|t| matches!(t.trig.frame, Frame::Casualty | Frame::Lose))?;
            let h = Head {
                name: String::new(),
                kind: ItemKind::Materiel,
                t0: t.t0,
                t1: t.t1,
            };
            (h, t)
        }
    };
    let item = ItemRef {
        name: h.name.clone(),
        text: String::new(),
        kind: h.kind,
        origin: None,
        at: Some((h.t0, h.t1)),
        elided: false,
    };
    let (kind, outcome) = crate::frames::kind_of(t.trig.frame, item.kind)?;
    // "Losses of the Russian forces": a demonym right before the head owns it
    let f0 = u
        .ments
        .iter()
        .find(|m| m.t1 == h.t0 && crate::mentions::party_of(tools.lex, m).is_some())
        .map_or(h.t0, |m| m.t0);
    let excluded: Vec<(usize, usize)> = sc.attrs.iter().map(|a| (a.t0, a.t1)).collect();
    let p = parties(
        u,
        tools.lex,
        tools.cues,
        Some(t),
        f0,
        &item,
        (0, u.toks.len()),
        &excluded,
    );
    // "Minsk acknowledged that it had sent engineers": the pronoun is the
    // state whose words these are
    let subject = sc
        .attrs
        .iter()
        .filter(|a| a.verb < t.t0)
        .max_by_key(|a| a.verb)
        .and_then(|a| {
            u.ments
                .iter()
                .filter(|m| m.t0 >= a.t0 && m.t1 <= a.t1 && m.form != Form::Demonym)
                .find_map(|m| match tools.lex.entity(m.id) {
                    Entity::State(st) => Some(st.code.clone()),
                    _ => None,
                })
        });
    let (from, mut to) =
        resolve_parties(Some(t.trig.frame), kind, &p, subject.as_deref(), tools.cues);
    let a = sc.attrs.iter().find(|a| a.speaker.is_some());
    // a side's published tally of its enemy's losses: the side is the cause
    if matches!(kind, Kind::Casualties | Kind::Loss) && to.is_none() {
        to = a
            .and_then(|a| a.speaker.as_deref())
            .and_then(|s| {
                let found = tools.lex.find(s);
                found
                    .first()
                    .and_then(|m| tools.lex.entity(m.entity).party().map(str::to_string))
            })
            .filter(|s| from.as_ref() != Some(s));
    }
    // "Estonia's package for Ukraine includes:": the recipient before the verb
    if matches!(kind, Kind::Transfer | Kind::Deployment) && to.is_none() {
        to = u
            .ments
            .iter()
            .filter(|m| m.t0 > 0 && matches!(u.word(m.t0 - 1), "for" | "to"))
            .find_map(|m| crate::mentions::party_of(tools.lex, m))
            .filter(|s| from.as_ref() != Some(s));
    }
    // a package or pledge opens a planned list; a tally of losses is done
    let stage = crate::stage::final_stage(
        u,
        tools.cues,
        Some(t),
        None,
        kind,
        h.kind,
        h.t0,
        h.t1,
        (0, u.toks.len()),
    );
    let evidence = if matches!(kind, Kind::Casualties | Kind::Loss) {
        Evidence::Document
    } else {
        Evidence::Statement
    };
    let when = sc
        .times
        .iter()
        .find(|(tt, _, _)| tt.kind != TimeKind::Duration)
        .map(|(tt, s, _)| Period {
            from: tt.from,
            to: tt.to,
            text: u.text.get(s.range()).unwrap_or("").to_string(),
        });
    Some(LastFrame {
        frame: Some(t.trig.frame),
        kind,
        outcome,
        from,
        to,
        stage,
        people: item.kind.is_people(),
        source: a.map(|a| Source {
            speaker: a.speaker.clone(),
            via: a.via.clone(),
        }),
        evidence: a.map(|_| evidence),
        when,
        item: h.name.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::testing::{scene, tools};

    #[test]
    fn a_table_header_opens_a_frame_and_a_figure_line_keeps_it() {
        let mut ctx = DocContext::default();
        ctx.after_unit(
            &scene("Russian tanks destroyed by Ukrainian forces since 2023:"),
            &tools(),
        );
        let h = ctx.header.clone().expect("header");
        assert_eq!(h.kind, Kind::Loss);
        assert_eq!(h.from.as_deref(), Some("RU"));
        ctx.after_unit(&scene("tanks — 120"), &tools());
        assert!(ctx.header.is_some());
        ctx.after_unit(&scene("Ukraine received 40 tanks."), &tools());
        assert!(ctx.header.is_none());
        assert!(ctx.last_item.is_some());
    }
}
