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
    /// The last weapon named in the document (for "the missiles").
    pub last_weapon: Option<ItemRef>,
    /// The last side named as attacked ("fired at X").
    pub target: Option<String>,
}

impl DocContext {
    /// Update the document state after a unit's claims were built.
    pub fn after_unit(&mut self, sc: &Scene, tools: &Tools) {
        let u = &sc.u;
        let ends_colon = sc.ends_with_colon();
        if ends_colon && sc.figs.is_empty() {
            self.header = header_frame(sc, tools);
        } else if !sc.figs.is_empty() && !sc.has_dash() && !ends_colon {
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
                self.last_frame = Some(LastFrame {
                    source: None,
                    evidence: None,
                    when: None,
                    ..f
                });
            }
        }
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
        for m in &u.ments {
            if let tally_lexicon::Entity::Person(pp) = tools.lex.entity(m.id) {
                self.speakers.note_person(&pp.name);
            }
        }
    }
}

/// The frame a table header opens: "Russian equipment destroyed by
/// Ukrainian forces since 24 February 2022, according to X:".
fn header_frame(sc: &Scene, tools: &Tools) -> Option<LastFrame> {
    let u = &sc.u;
    let h = u.items.first()?;
    let t = sc
        .trigs
        .iter()
        .find(|t| crate::frames::kind_of(t.trig.frame, h.kind).is_some())?;
    let item = ItemRef {
        name: h.name.clone(),
        text: String::new(),
        kind: h.kind,
        origin: None,
        at: Some((h.t0, h.t1)),
        elided: false,
    };
    let (kind, outcome) = crate::frames::kind_of(t.trig.frame, item.kind)?;
    let p = parties(
        u,
        tools.lex,
        tools.cues,
        Some(t),
        h.t0,
        &item,
        (0, u.toks.len()),
        &[],
    );
    let (from, to) = resolve_parties(Some(t.trig.frame), kind, &p, None, tools.cues);
    let a = sc.attrs.iter().find(|a| a.speaker.is_some());
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
        stage: Stage::Done,
        people: item.kind.is_people(),
        source: a.map(|a| Source {
            speaker: a.speaker.clone(),
            via: a.via.clone(),
        }),
        evidence: a.map(|_| Evidence::Document),
        when,
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
