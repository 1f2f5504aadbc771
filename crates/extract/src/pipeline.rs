//! The glue: segment the document, annotate each unit ([`Scene`]), turn each
//! figure into a claim through the typed stages (items, frames, source,
//! parties, stage, coordination, when), then fill implied parties and
//! de-duplicate.

use crate::context::{DocContext, Draft, LastFrame};
use crate::coord::{self, Prev};
use crate::cues::{Cues, ItemKind, Topic, CUES, ITEMS};
use crate::ellipsis::{add_elliptic_states, SeenStates};
use crate::events::EventDates;
use crate::frames;
use crate::frames::TrigHit;
use crate::items;
use crate::marks::Cue;
use crate::parties::Parties;
use crate::scene::{Scene, Tools};
use crate::segment::segment;
use crate::triggers::{Frame, Trigger, Triggers, BUILTIN};
use crate::{backrefs, dedup, parties, source, stage, when, ExtractError};
use tally_core::{Claim, Document, Extractor, Item, Kind, Outcome, Quantity, Span, Stage};
use tally_lexicon::Lexicon;

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

    fn tools(&self) -> Tools<'_> {
        Tools {
            lex: &self.lexicon,
            cues: &self.cues,
            triggers: &self.triggers,
        }
    }
}

impl Extractor for Pipeline {
    fn version(&self) -> &str {
        concat!("tally-extract ", env!("CARGO_PKG_VERSION"))
    }

    fn extract(&self, doc: &Document) -> Vec<Claim> {
        let text = doc.text.as_str();
        let lower = text.to_ascii_lowercase();
        let tools = self.tools();
        let mut ctx = DocContext::default();
        let mut events = EventDates::default();
        let mut drafts: Vec<Draft> = Vec::new();
        // the drafts of the previous unit, when it was a sentence
        let mut last_unit: Option<std::ops::Range<usize>> = None;
        let units = segment(text);
        let spans: Vec<Span> = units.iter().map(|u| u.span).collect();
        // one pass of the lexicon over the document, shared out by unit
        let found = self.lexicon.find_in(text, &spans);
        let mut seen = SeenStates::default();
        // a story of business or sport rather than of war or arms? (spec:
        // their figures are no claims)
        let mut topic = TopicCount::default();
        for (unit, mut found) in units.iter().zip(found) {
            let unit_text = text.get(unit.span.range()).unwrap_or("");
            add_elliptic_states(
                unit_text,
                &mut found,
                &seen,
                &self.lexicon,
                &self.cues.elliptic_states,
            );
            seen.note(&self.lexicon, &found);
            let sc = Scene::build(
                text,
                &lower,
                unit,
                found,
                doc.published,
                &tools,
                &mut ctx.speakers,
            );
            topic.add(&sc, &tools);
            let mut prev: Option<Prev> = None;
            let first = drafts.len();
            for fi in 0..sc.figs.len() {
                if let Some(d) = self.figure_claim(doc, &sc, fi, &mut ctx, &mut prev) {
                    drafts.push(d);
                }
            }
            if drafts.len() == first {
                if let Some(r) = last_unit.take() {
                    source::close_previous(&sc, &mut drafts[r]);
                }
            }
            last_unit = (!sc.headline && drafts.len() > first).then_some(first..drafts.len());
            events.note(&sc, &self.cues);
            ctx.carry_open(&sc, &tools, &drafts[first..]);
            ctx.after_unit(&sc, &tools);
        }
        if topic.not_conflict() {
            return Vec::new();
        }
        let war_report = topic.war_report();
        drafts.retain(|d| war_report || !d.war_only);
        parties::fill(&mut drafts, &self.cues);
        let mut claims = Vec::new();
        let mut heads = Vec::new();
        for d in drafts {
            // a purchase or a receipt names its recipient; the seller may
            // go unsaid ("the junta bought $253 million of weapons")
            let unsold = d.bought && d.claim.to.is_some();
            if (d.claim.from.is_none() && !unsold) || (d.used && d.claim.to.is_none()) {
                trace!(
                    "dropped, no giver or victim side: {:?} {} {:?}",
                    d.claim.kind,
                    d.claim.quantity.value,
                    d.claim.item.name
                );
                continue;
            }
            heads.push(d.headline);
            claims.push(d.claim);
        }
        events.resolve(&mut claims, &self.cues, doc.published);
        dedup::dedup(claims, &heads)
    }
}

impl Pipeline {
    /// The claim of figure `fi` of the scene, if it is one.
    fn figure_claim(
        &self,
        doc: &Document,
        sc: &Scene,
        fi: usize,
        ctx: &mut DocContext,
        prev: &mut Option<Prev>,
    ) -> Option<Draft> {
        let cues = &self.cues;
        let lex = &self.lexicon;
        let u = &sc.u;
        let (fig, fspan, (f0, f1)) = &sc.figs[fi];
        let (f0, f1) = (*f0, *f1);
        // "of the 5,000 fighters Chad sent": a base with its own verb of
        // sending is a claim of its own
        if coord::is_partitive_base(sc, fi, cues) && coord::relative_sender(sc, f1).is_none() {
            trace!("figure {fi}: dropped at pipeline.rs:{}", line!());
            return None;
        }
        let clause = sc.clause_of(f0);
        let worth = matches!(fig.unit, tally_core::Unit::Money(_))
            .then(|| items::worth_item(&sc.u, f0, cues))
            .flatten();
        let valued = worth.is_some();
        let item = worth
            .or_else(|| {
                items::attach(
                    sc,
                    fig,
                    f0,
                    f1,
                    clause,
                    &self.tools(),
                    ctx.last_item.as_ref(),
                )
            })
            .or_else(|| {
                // "- €40 million for drones" under "X's aid includes:": money given
                let give = ctx
                    .header
                    .as_ref()
                    .is_some_and(|h| h.kind == Kind::Transfer && h.from.is_some());
                (give && sc.list && matches!(fig.unit, tally_core::Unit::Money(_)))
                    .then(|| items::listed_money(&sc.u, f1))
            });
        #[allow(clippy::question_mark)] // the trace is empty without its feature
        let Some(item) = item
        else {
            trace!("figure {fi}: no item");
            return None;
        };
        // "more than 40 of the howitzers" after a sentence naming the Krab
        let back = backrefs::partitive_weapon(u, lex, f0, f1, &item, ctx.last_weapon.as_ref());
        let backref = back.is_some();
        let item = back.unwrap_or(item);
        // a share or change must say of what: "rose by 58%" with the noun
        // only in an earlier sentence is no claim
        if fig.unit == tally_core::Unit::Percent && item.at.is_none() {
            trace!("figure {fi}: dropped at pipeline.rs:{}", line!());
            return None;
        }
        // "a Lockheed 747", "the Saab 340": a maker's model number
        if f0 > 0
            && u.ment_at(f0 - 1).is_some_and(|m| {
                matches!(
                    lex.entity(m.id),
                    tally_lexicon::Entity::Body(b) if b.class.as_deref() == Some("industry")
                )
            })
        {
            trace!("figure {fi}: a model number");
            return None;
        }
        // "day 1,205 of the invasion", "flight 17": a number that names
        if f0 > 0
            && fig.bound == tally_core::Bound::Exact
            && cues.label_nouns.contains_at(u.lower, &u.toks, f0 - 1)
            && (item.elided || item.at.is_none())
        {
            trace!("figure {fi}: dropped at pipeline.rs:{}", line!());
            return None;
        }
        // "2.5 per cent of GDP": a budget share
        if fig.unit == tally_core::Unit::Percent
            && item.at.is_some_and(|(a, b)| {
                (a..b).any(|k| cues.economic_aggregates.contains_at(u.lower, &u.toks, k))
            })
        {
            trace!("figure {fi}: dropped at pipeline.rs:{}", line!());
            return None;
        }
        let mut trig = coord::part_predicate(sc, fi, cues, clause.1)
            .or_else(|| frames::governing(u, &sc.trigs, f0, f1, &item, clause));
        // "The held shipment consisted of 1,800 bombs": what a consignment
        // is made of was moved
        let mut consignment = false;
        if let Some(t) = trig.filter(|t| {
            t.trig.frame == Frame::NonClaim
                && cues.composition.contains_at(u.lower, &u.toks, t.t0)
                && (clause.0..t.t0).any(|k| cues.consignments.contains_at(u.lower, &u.toks, k))
        }) {
            trig = Some(TrigHit {
                trig: Trigger {
                    frame: Frame::Include,
                    ..t.trig
                },
                ..t
            });
            consignment = true;
        }
        if trig.is_some_and(|t| t.trig.frame == Frame::NonClaim) {
            trace!("figure {fi}: dropped at pipeline.rs:{}", line!());
            return None;
        }
        // "... have been killed, and the UN says 12 million have fled": a
        // verb of saying between opens another statement
        if trig.is_some_and(|t| {
            t.t1 <= f0
                && sc
                    .attrs
                    .iter()
                    .any(|a| a.t0 >= t.t1 && a.verb < f0 && !a.citing)
        }) {
            trig = None;
        }
        // the value of a thing given is money given; of a thing bought, its price
        if valued
            && (!trig.is_some_and(|t| t.trig.frame == Frame::Give)
                || ctx.sale
                || sc.mentions_sale(cues))
        {
            trace!("figure {fi}: dropped at pipeline.rs:{}", line!());
            return None;
        }
        // "the running tally reached 1,000,340": a verb of moving needs the
        // thing that moves in its own sentence
        if trig.is_some_and(|t| t.trig.frame == Frame::Move && t.t1 <= f0) && item.at.is_none() {
            trace!("figure {fi}: dropped at pipeline.rs:{}", line!());
            return None;
        }
        let mut inherited: Option<LastFrame> = None;
        // "shot down 62 drones, including 18 over Belgorod": a part of the
        // figure before it in the unit, in its frame, not a package listing
        let part = prev.is_some()
            && trig.is_some_and(|t| {
                t.trig.frame == Frame::Include
                    && u.word(t.t0) == "including"
                    && t.t1 <= f0
                    && f0 - t.t1 <= 2
            })
            && ctx
                .last_frame
                .as_ref()
                .is_some_and(|l| l.frame != Some(Frame::Include));
        // "the dead at 558, among them 50 children": a part of the figure
        // before, whatever verb follows it
        let among = prev.is_some()
            && f0 >= 2
            && matches!(u.word(f0 - 1), "them" | "whom")
            && matches!(u.word(f0 - 2), "among" | "of")
            && ctx
                .last_frame
                .as_ref()
                .is_some_and(|l| l.people && item.kind.is_people());
        if part || among {
            inherited = ctx.last_frame.clone();
            trig = None;
        }
        // six tokens back, not counting an attribution ("Among them, it said, are")
        let mut w0 = f0;
        let mut seen = 0;
        while w0 > clause.0 && seen < 6 {
            w0 -= 1;
            if !sc.attrs.iter().any(|a| w0 >= a.t0 && w0 < a.t1) {
                seen += 1;
            }
        }
        let anaphoric = (w0..f0).any(|k| cues.anaphora.contains_at(u.lower, &u.toks, k))
            || (item.elided
                && item.at.is_none()
                && items::may_elide(u, f1, cues)
                && !u.is_punct(f1));
        if trig.is_none() {
            trig = frames::presence(u, &item, f0, f1, cues).or(frames::package(u, &item, cues));
            // the value of a sale's package is its price, not money given
            if trig.is_some()
                && item.kind == ItemKind::Money
                && (ctx.sale || sc.mentions_sale(cues))
            {
                trace!("figure {fi}: dropped at pipeline.rs:{}", line!());
                return None;
            }
            if trig.is_none() {
                if let Some(h) = ctx
                    .header
                    .clone()
                    .filter(|_| sc.has_dash_or_colon() || sc.list)
                {
                    inherited = Some(h);
                } else if (anaphoric || coord::coordinated(sc, f0, prev.as_ref()))
                    && !own_predicate(sc, f1)
                {
                    inherited = ctx.last_frame.clone().filter(|l| {
                        l.people == item.kind.is_people() && item.kind != ItemKind::Money
                    });
                }
            }
            if trig.is_none() && inherited.is_none() {
                trace!("figure {fi}: dropped at pipeline.rs:{}", line!());
                return None;
            }
        }
        // "120 others were wounded": the same sides and source as the last
        // people count, with this figure's own verb
        let continues = trig.is_some() && items::continues_people(u, f1, cues);
        if continues {
            inherited = ctx.last_frame.clone().filter(|l| l.people);
        }
        let frame = trig
            .map(|t| t.trig.frame)
            .or(inherited.as_ref().and_then(|l| l.frame));
        let (kind, mut outcome) = match (trig, &inherited) {
            (Some(t), _) => frames::kind_of(t.trig.frame, item.kind)?,
            // a table line under a header: the kind follows the line's item
            // (people → casualties, equipment → loss), whatever the header counted
            (None, Some(l)) => match l.frame {
                Some(f) => frames::kind_of(f, item.kind)?,
                None => (l.kind, l.outcome),
            },
            _ => return None,
        };
        // "a further 19 people were wounded" after a count of the killed
        let further = matches!(
            u.word(f0.wrapping_sub(1)),
            "further" | "another" | "additional"
        ) && ctx
            .last_frame
            .as_ref()
            .is_some_and(|l| l.kind == Kind::Casualties);
        // civilians hurt with no word of war in their sentence: kept only
        // when the whole document is a war report (decided at its end)
        let war_only = kind == Kind::Casualties
            && item.kind == ItemKind::Civilians
            && !continues
            && !further
            && !u.any_cue(cues, Cue::MilitaryContext, 0, u.toks.len());
        if kind == Kind::Casualties && frames::killed_and_wounded_after(u, &item, f1) {
            outcome = Some(Outcome::Casualties);
        }
        let src = source::choose(u, &sc.attrs, clause, f0, inherited.as_ref(), lex);
        let cancelled = stage::cancelled(u, cues, trig.as_ref(), clause);
        let negated = stage::negated(&sc.attrs, f0) || cancelled;
        let excluded: Vec<(usize, usize)> = sc.attrs.iter().map(|a| (a.t0, a.t1)).collect();
        let p = parties::parties(u, lex, cues, trig.as_ref(), f0, &item, clause, &excluded);
        // "... and Italy 6": the gapped clause's own subject, in the role
        // the earlier figure's subject had
        let gapped = coord::gapped_party(sc, lex, f0, prev.as_ref());
        let is_gapped = gapped.is_some();
        let p = match gapped {
            Some(g) => Parties {
                agent: Some(g),
                agent_before: true,
                owner: None,
                by_agent: None,
                possessive: None,
                ..p
            },
            None => p,
        };
        let (mut from, mut to) =
            parties::resolve_parties(frame, kind, &p, src.speaker_party.as_deref(), cues);
        // an announced package: whoever announces it gives it
        if item.kind == ItemKind::Money
            && trig.is_some_and(|t| item.at == Some((t.t0, t.t1)))
            && from.is_none()
        {
            from = src.speaker_party.clone().filter(|f| to.as_ref() != Some(f));
        }
        // "shot down four of the missiles" the Houthis fired: theirs
        if kind == Kind::Loss && from.is_none() {
            from = ctx.firer_of(&item.name).filter(|f| to.as_ref() != Some(f));
            if from.is_none() && coord::coordinated(sc, f0, prev.as_ref()) {
                from = prev.as_ref().and_then(|p| p.from.clone());
            }
        }
        // "Yerevan rejected reports that Iran delivered 30 drones": the
        // denying side is the other party of the denied transfer
        if negated && matches!(kind, Kind::Transfer | Kind::Deployment) && to.is_none() {
            to = src
                .speaker_party
                .clone()
                .filter(|s| from.as_ref() != Some(s));
        }
        if let Some(l) = inherited.as_ref() {
            // "Estonia's aid includes:\n- 20 Javelin launchers": the giver
            // of the frame, not the weapon's maker
            if kind == Kind::Transfer && l.from.is_some() && from.is_some() && from == p.origin {
                from = None;
            }
            from = from.or(l.from.clone());
            to = to.or(l.to.clone());
        }
        // "Denmark is handing Ukraine CAESAR guns. Eight of the howitzers
        // were delivered": the giver of the open frame, not the maker
        if backref && kind == Kind::Transfer {
            if let Some(o) = ctx
                .open_for(kind, false, sc, &self.tools())
                .filter(|o| o.from.is_some() && (to.is_none() || to == o.to))
            {
                from = o.from.clone();
                to = o.to.clone();
            }
        }
        // "the works built 1,200 last year": the producer of the same item
        // (a known weapon's maker is no producer named in the sentence)
        let named = !parties::Parties {
            origin: None,
            ..p.clone()
        }
        .is_empty();
        if kind == Kind::Production && from.is_none() && !named {
            from = backrefs::same_producer(ctx.last_frame.as_ref(), &item);
        }
        // "Minsk said it had sent engineers to Syria. [...] At least 300
        // more were dispatched in May": a firm verb whose sentence names no
        // party continues the open frame of its kind
        let firm = trig.is_some_and(|t| frames::is_firm(t.trig.frame));
        if from.is_none()
            && to.is_none()
            && inherited.is_none()
            && (firm || consignment)
            && p.is_empty()
        {
            if let Some(o) = ctx.open_for(kind, item.kind.is_people(), sc, &self.tools()) {
                from = o.from.clone();
                to = o.to.clone();
            }
        }
        if kind == Kind::Casualties && item.kind == ItemKind::Civilians {
            // "The strikes killed 6 civilians" after "fired 30 drones at
            // Ukraine": the attack named just before is the one referred to
            let linked = ctx
                .target
                .as_ref()
                .filter(|(_, age)| *age <= 1 && refers_to_attack(u, cues))
                .map(|(t, _)| t.clone());
            let p = Parties {
                target: p.target.clone().or(linked),
                ..p.clone()
            };
            (from, to) = parties::civilian_sides(&p, to, cues);
            if let Some(l) = inherited.as_ref().filter(|_| continues) {
                from = from.or(l.from.clone());
                to = to.or(l.to.clone()).filter(|t| from.as_ref() != Some(t));
            }
        }
        // "launched five Iskander-M missiles": a weapon used, with no user
        // other than its maker, moved between nobody
        if kind == Kind::Transfer && frame == Some(Frame::Use) && to.is_some() && to == from {
            trace!("figure {fi}: dropped at pipeline.rs:{}", line!());
            return None;
        }
        if matches!(kind, Kind::Casualties | Kind::Loss) && from.is_none() {
            from = coord::part_owner(sc, fi, lex).filter(|f| to.as_ref() != Some(f));
        }
        // "destroyed 4 Russian tanks, 11 armoured vehicles and 2 launchers":
        // a list of equipment shares the sides of its first item (people
        // are not: "84 Wagner fighters and 47 soldiers" were Mali's)
        if kind == Kind::Loss
            && p.owner.is_none()
            && !is_gapped
            && coord::listed(sc, f0, prev.as_ref())
        {
            if let Some(pv) = prev
                .as_ref()
                .filter(|pv| pv.kind == kind && pv.from.is_some())
            {
                from = pv.from.clone();
                to = pv.to.clone().or(to).filter(|t| from.as_ref() != Some(t));
            }
        }
        if kind == Kind::Loss {
            // "25 drones launched by India": the user's, not the causer
            if let Some(user) = used_by(u, cues, lex, f1, &item) {
                if to.as_ref() == Some(&user) {
                    to = None;
                }
                from = Some(user);
            }
        }
        if matches!(kind, Kind::Casualties | Kind::Loss) && from.is_none() {
            from = own_side(u, cues, &p, &src, f0, f1).filter(|f| to.as_ref() != Some(f));
        }
        if let Some(t) = p.target.clone() {
            ctx.target = Some((t, 0));
        }
        let stage = stage::final_stage(
            u,
            cues,
            trig.as_ref(),
            inherited.as_ref(),
            kind,
            item.kind,
            f0,
            f1,
            clause,
        );
        let stage = if cancelled { Stage::Planned } else { stage };
        let bound = coord::carried_bound(sc, fig.bound, f0, prev.as_ref(), item.elided);
        if item.elided
            && (coord::coordinated(sc, f0, prev.as_ref()) || coord::partitive_of_previous(sc, f1))
        {
            if let Some(p) = prev.as_ref() {
                // "One sailor was killed and two were wounded": the same
                // sides as the figure it continues, never a guessed opponent
                if !is_gapped && p.kind == kind && p.from.is_some() {
                    from = p.from.clone();
                    to = p.to.clone().or(to).filter(|t| from.as_ref() != Some(t));
                }
                from = from.or(p.from.clone());
                to = to.or(p.to.clone());
            }
        }
        *prev = Some(Prev {
            kind,
            end: f1
                .max(item.at.map_or(0, |a| a.1))
                .max(trig.map_or(0, |t| t.t1)),
            bound,
            from: from.clone(),
            to: to.clone(),
        });
        let q = when::WhenQuery {
            clause,
            anchor: trig.map(|t| t.t0).unwrap_or(f0),
            stage,
            excluded,
            own: (f0, f1.max(item.at.map_or(0, |a| a.1))),
            next: sc.figs.get(fi + 1).map_or(usize::MAX, |f| f.2 .0),
        };
        let mut period = when::choose(sc, cues, &doc.text, doc.published, &q);
        if period.is_none() && ctx.header.is_some() && (!sc.headline || sc.list) {
            period = inherited.as_ref().and_then(|l| l.when.clone());
        }
        // "tanks — 4,626 (+9)": a daily tally's bracketed increment is the
        // change over the past day, a figure of its own (spec: "over the
        // past day" → the day before publication to publication)
        if ctx.header.is_some() && when::is_increment(&doc.text, fspan.range()) {
            period = Some(when::past_day(doc.published, &doc.text[fspan.range()]));
        }
        let bare = p.is_empty();
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
                text: doc.text.get(fspan.range()).unwrap_or("").to_string(),
            },
            when: period,
            place: p.place.clone(),
            source: src.source,
            evidence: src.evidence,
            span: sc.span,
        };
        ctx.last_frame = Some(LastFrame::of(&claim, frame, item.kind.is_people()));
        Some(Draft {
            claim,
            headline: sc.headline,
            item_kind: item.kind,
            bare,
            firm,
            war_only,
            bought: kind == Kind::Transfer
                && trig.is_some_and(|t| matches!(t.trig.frame, Frame::Receive | Frame::Order)),
            used: frame == Some(Frame::Use)
                || (kind == Kind::Transfer
                    && trig.is_some_and(|t| cues.deploy_verbs.contains_at(u.lower, &u.toks, t.t0))),
        })
    }
}

/// Whose people or equipment a casualty or loss figure counts when no side
/// is named as theirs: "11 of its soldiers" (the clause's subject, else the
/// speaker), or a health ministry counting the dead (its own state's).
fn own_side(
    u: &crate::mentions::UnitView,
    cues: &Cues,
    p: &Parties,
    src: &source::Sourced,
    f0: usize,
    f1: usize,
) -> Option<String> {
    let own = |k: usize| matches!(u.word(k), "its" | "their" | "our");
    // "11 of its soldiers", "its own 40 men", "their 12 tanks"
    let possessive = (u.word(f1) == "of" && own(f1 + 1))
        || (f0 > 0 && own(f0 - 1))
        || (f0 > 1 && u.word(f0 - 1) == "own" && own(f0 - 2));
    if possessive {
        return p.agent.clone().or(src.speaker_party.clone());
    }
    let speaker = src.source.as_ref()?.speaker.as_deref()?.to_lowercase();
    cues.own_dead_counters
        .iter()
        .any(|c| speaker.contains(c.as_str()))
        .then(|| src.speaker_party.clone())
        .flatten()
}

/// The side named as using what was lost: "25 drones launched by India",
/// "jets flown by the air force of X" (verbs in `use_by`, data).
fn used_by(
    u: &crate::mentions::UnitView,
    cues: &Cues,
    lex: &Lexicon,
    f1: usize,
    item: &items::ItemRef,
) -> Option<String> {
    let end = item.at.map_or(f1, |(_, b)| b.max(f1));
    (end..(end + 3).min(u.toks.len()))
        .find_map(|k| cues.use_by.at(u.lower, &u.toks, k))
        .and_then(|(_, e)| u.ment_at(e))
        .and_then(|m| crate::mentions::party_of(lex, m))
}

/// Does the unit refer back to an attack ("the strikes", "the attack")?
fn refers_to_attack(u: &crate::mentions::UnitView, cues: &Cues) -> bool {
    (0..u.toks.len()).any(|k| {
        matches!(u.word(k), "the" | "these" | "those" | "that" | "this")
            && u.any_cue(cues, Cue::MilitaryContext, k + 1, k + 2)
    })
}

/// Does the figure ending at `f1` have a verb of its own that is no
/// trigger ("about 12 million have been forced from their homes")? Then it
/// says something else than the figure before it.
fn own_predicate(sc: &Scene, f1: usize) -> bool {
    let u = &sc.u;
    let aux = |k: usize| u.is_be(k) || matches!(u.word(k), "have" | "has" | "had");
    let mut k = f1;
    if !aux(k) {
        return false;
    }
    while aux(k) {
        k += 1;
    }
    k < u.toks.len() && !u.is_punct(k) && !sc.trigs.iter().any(|t| t.t0 == k)
}

/// Words of war a report needs before its civilian counts stand without a
/// word of war in their own sentence.
const WAR_REPORT_WORDS: usize = 6;

/// Words of war and arms (named weapon systems and armed groups count)
/// against words of business, sport, elections and weather.
#[derive(Default)]
struct TopicCount {
    conflict: usize,
    economy: usize,
}

impl TopicCount {
    fn add(&mut self, sc: &Scene, tools: &Tools) {
        let u = &sc.u;
        let mut k = 0;
        while k < u.toks.len() {
            match tools.cues.topic_words.at(u.lower, &u.toks, k) {
                Some((Topic::Conflict, e)) => (self.conflict, k) = (self.conflict + 1, e),
                Some((Topic::Economy, e)) => (self.economy, k) = (self.economy + 1, e),
                None => k += 1,
            }
        }
        // a weapon system, or an armed group named by more than a short
        // acronym ("AU$" is no African Union)
        self.conflict += u
            .ments
            .iter()
            .filter(|m| match tools.lex.entity(m.id) {
                tally_lexicon::Entity::Weapon(_) => true,
                tally_lexicon::Entity::Actor(_) => u.slice(m.t0, m.t1).len() >= 4,
                _ => false,
            })
            .count();
    }

    /// Mostly business, sport, elections or weather: more than twice as
    /// many of their words as of war's.
    fn not_conflict(&self) -> bool {
        self.economy > 2 * self.conflict
    }

    /// Clearly about war: words of war throughout, few of other news. A
    /// sentence of such a report counting the dead needs no word of war of
    /// its own ("Gunmen killed 14 people overnight").
    fn war_report(&self) -> bool {
        self.conflict >= WAR_REPORT_WORDS && self.conflict >= 4 * self.economy
    }
}
