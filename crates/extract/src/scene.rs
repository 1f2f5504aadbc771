//! One unit (sentence, headline or list item) with every annotation layer
//! the frame stages read: tokens and mentions ([`UnitView`]), time
//! expressions, triggers, attributions and figures, all as token ranges.

use crate::attribution::{find_attrs, Attr, Speakers};
use crate::cues::Cues;
use crate::frames::TrigHit;
use crate::marks::Cue;
use crate::mentions::{tok_range, UnitView};
use crate::segment::{Unit as SegUnit, UnitKind};
use crate::triggers::Triggers;
use tally_core::{Bound, Date, Span};
use tally_figures::Figure;
use tally_lexicon::{Lexicon, Mention};
use tally_time::{find_times, Anchor, TimeExpr};

/// A time expression: what it resolves to, its bytes and its tokens.
pub(crate) type TimeHit = (TimeExpr, Span, (usize, usize));
/// A figure: its value, its bytes and its tokens.
pub(crate) type FigHit = (Figure, Span, (usize, usize));

/// An annotated unit.
pub(crate) struct Scene<'a> {
    pub u: UnitView<'a>,
    pub span: Span,
    pub headline: bool,
    /// A list item (its bullet left out of the span).
    pub list: bool,
    pub times: Vec<TimeHit>,
    pub trigs: Vec<TrigHit>,
    pub attrs: Vec<Attr>,
    pub figs: Vec<FigHit>,
}

/// What building a scene needs from the pipeline.
pub(crate) struct Tools<'p> {
    pub lex: &'p Lexicon,
    pub cues: &'p Cues,
    pub triggers: &'p Triggers,
}

impl<'a> Scene<'a> {
    /// The scene of `unit`; `found` are its lexicon mentions (`find` of
    /// its text, offsets relative to the unit).
    pub fn build(
        text: &'a str,
        lower: &'a str,
        unit: &SegUnit,
        found: Vec<Mention>,
        published: Option<Date>,
        tools: &Tools,
        sp: &mut Speakers,
    ) -> Scene<'a> {
        let u = UnitView::new(text, lower, unit.span, found, tools.lex, tools.cues);
        let unit_text = text.get(unit.span.range()).unwrap_or("");
        let anchor = Anchor {
            published,
            future: false,
        };
        let times: Vec<TimeHit> = find_times(unit_text, anchor)
            .into_iter()
            .filter_map(|t| {
                let s = t.span.shift(unit.span.start);
                tok_range(&u.toks, s).map(|r| (t, s, r))
            })
            .collect();
        let time_ranges: Vec<(usize, usize)> = times.iter().map(|(_, _, r)| *r).collect();
        let trigs = find_triggers(&u, tools.triggers);
        let attrs = find_attrs(&u, &time_ranges, tools.lex, tools.cues, sp);
        let figs = tally_figures::find_figures(unit_text)
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
        let figs = join_alternatives(&u, figs);
        Scene {
            u,
            span: unit.span,
            headline: unit.kind != UnitKind::Sentence,
            list: unit.kind == UnitKind::ListItem,
            times,
            trigs,
            attrs,
            figs,
        }
    }

    /// The clause around token `k`: bounded by semicolons.
    pub fn clause_of(&self, k: usize) -> (usize, usize) {
        let u = &self.u;
        let mut a = k.min(u.toks.len());
        while a > 0 && u.word(a - 1) != ";" {
            a -= 1;
        }
        let mut b = k;
        while b < u.toks.len() && u.word(b) != ";" {
            b += 1;
        }
        (a, b)
    }

    /// Does the unit contain a dash (a table line: "tanks — 7", "tanks - 7")?
    pub fn has_dash(&self) -> bool {
        (0..self.u.toks.len()).any(|k| self.is_dash(k))
    }

    /// Does the unit contain a dash or colon (a table line, a label)?
    pub fn has_dash_or_colon(&self) -> bool {
        (0..self.u.toks.len()).any(|k| self.is_dash(k) || self.u.word(k) == ":")
    }

    /// Is token `k` a dash: an en or em dash, or a hyphen with a space on
    /// each side?
    fn is_dash(&self, k: usize) -> bool {
        let u = &self.u;
        match u.word(k) {
            "—" | "–" => true,
            "-" => u.toks.get(k).is_some_and(|t| {
                let before = t
                    .start
                    .checked_sub(1)
                    .and_then(|b| u.text.as_bytes().get(b));
                let after = u.text.as_bytes().get(t.end);
                before.is_some_and(u8::is_ascii_whitespace)
                    && after.is_some_and(u8::is_ascii_whitespace)
            }),
            _ => false,
        }
    }

    pub fn ends_with_colon(&self) -> bool {
        self.u
            .toks
            .last()
            .is_some_and(|t| self.u.lower.get(t.start..t.end) == Some(":"))
    }
}

/// Every trigger in the unit, longest match first, minus participles used
/// as adjectives ("destroyed tanks" in a list of kinds) and "made in X".
/// "70 or 80,000", "three or four thousand", "two or three": one range,
/// the first number taking the scale of the second.
fn join_alternatives(u: &UnitView, figs: Vec<FigHit>) -> Vec<FigHit> {
    let mut out: Vec<FigHit> = Vec::with_capacity(figs.len());
    for f in figs {
        if let Some(prev) = out.last_mut() {
            let (a, b) = (&prev.0, &f.0);
            let joined = prev.2 .1 + 1 == f.2 .0
                && u.word(prev.2 .1) == "or"
                && a.bound == Bound::Exact
                && a.max.is_none()
                && b.max.is_none()
                && a.unit == b.unit
                && a.value >= 1.0
                && b.value > a.value
                && a.value.fract() == 0.0;
            if joined {
                let digits = |v: f64| v.log10().floor() as i32;
                let scale = if b.value >= 1000.0 && a.value < 1000.0 {
                    10f64.powi(digits(b.value) - digits(a.value))
                } else {
                    1.0
                };
                let low = a.value * scale;
                if low < b.value {
                    let merged = Figure {
                        span: Span::new(a.span.start, b.span.end),
                        value: low,
                        max: Some(b.value),
                        bound: Bound::Range,
                        unit: b.unit.clone(),
                        measure: None,
                    };
                    *prev = (
                        merged,
                        Span::new(prev.1.start, f.1.end),
                        (prev.2 .0, f.2 .1),
                    );
                    continue;
                }
            }
        }
        out.push(f);
    }
    out
}

impl Scene<'_> {
    /// Does the unit speak of a sale ("approved the sale of")?
    pub(crate) fn mentions_sale(&self, cues: &crate::cues::Cues) -> bool {
        self.u.any_cue(cues, Cue::Sale, 0, self.u.toks.len())
    }
}

fn find_triggers(u: &UnitView, triggers: &Triggers) -> Vec<TrigHit> {
    let mut trigs: Vec<TrigHit> = Vec::new();
    let mut i = 0;
    while i < u.toks.len() {
        if let Some((t, e)) = triggers.set.at(u.lower, &u.toks, i) {
            let made_in = matches!(u.word(i), "made" | "built" | "produced") && u.word(e) == "in";
            let adjective = t.frame.is_harm()
                && u.items.iter().any(|h| h.t0 == e)
                && i > 0
                && !matches!(
                    u.word(i - 1),
                    "have" | "has" | "had" | "and" | "or" | "forces" | "it" | "they"
                );
            // a noun that is also a verb form ("ships and boats — 28")
            let noun = u.items.iter().any(|h| h.t0 <= i && e <= h.t1)
                && (i == 0
                    || matches!(u.word(i - 1), "the" | "its" | "their" | "of" | "and" | "or")
                    || matches!(u.word(e), "and" | "or" | "—" | "–" | ":"));
            if !made_in && !adjective && !noun {
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
        !t.trig.payment
            || u.ments.iter().any(|m| m.t0 == t.t1)
            || (t.t1..(t.t1 + 6).min(u.toks.len())).any(|k| u.word(k) == "to")
    });
    trigs.retain(|t| {
        !t.trig.needs_path
            || (t.t1..(t.t1 + 12).min(u.toks.len()))
                .any(|k| matches!(u.word(k), "to" | "from" | "into"))
    });
    trigs
}

/// Test support: build the scene of a one-sentence text with the built-in data.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;
    use crate::cues::{CUES, ITEMS};
    use crate::triggers::BUILTIN;
    use std::sync::OnceLock;

    pub struct Data {
        pub lex: Lexicon,
        pub cues: Cues,
        pub triggers: Triggers,
    }

    pub fn data() -> &'static Data {
        static DATA: OnceLock<Data> = OnceLock::new();
        DATA.get_or_init(|| Data {
            lex: Lexicon::builtin().expect("lexicon"),
            cues: Cues::parse(CUES, ITEMS).expect("cues"),
            triggers: Triggers::parse(BUILTIN).expect("triggers"),
        })
    }

    pub fn tools() -> Tools<'static> {
        let d = data();
        Tools {
            lex: &d.lex,
            cues: &d.cues,
            triggers: &d.triggers,
        }
    }

    /// The scene of `text` as one sentence.
    pub fn scene(text: &str) -> Scene<'static> {
        let text: &'static str = Box::leak(text.to_string().into_boxed_str());
        let lower: &'static str = Box::leak(text.to_ascii_lowercase().into_boxed_str());
        let unit = crate::segment::segment(text)
            .into_iter()
            .next()
            .expect("one unit");
        let mut sp = Speakers::default();
        let found = data().lex.find(text.get(unit.span.range()).unwrap_or(""));
        Scene::build(text, lower, &unit, found, None, &tools(), &mut sp)
    }
}

#[cfg(test)]
mod tests {
    use super::testing::scene;
    use crate::triggers::Frame;

    #[test]
    fn annotates_triggers_figures_and_attributions() {
        let sc =
            scene("Norway sent 12 howitzers to Ukraine; it will ship 30 more, the ministry said.");
        assert_eq!(sc.figs.len(), 2);
        assert!(sc.trigs.iter().any(|t| t.trig.frame == Frame::Give));
        assert!(sc.attrs.iter().any(|a| a.speaker.is_some()));
        let (f0, _) = sc.figs[0].2;
        let (g0, _) = sc.figs[1].2;
        assert_ne!(sc.clause_of(f0), sc.clause_of(g0));
    }

    #[test]
    fn a_noun_that_looks_like_a_verb_is_no_trigger() {
        let sc = scene("ships and boats — 12");
        assert!(sc.trigs.is_empty());
        let sc = scene("Iran ships drones to Russia.");
        assert_eq!(sc.trigs.len(), 1);
    }

    #[test]
    fn station_as_a_noun_is_no_trigger() {
        let sc = scene("The unit has a radar and a control station.");
        assert!(sc.trigs.is_empty());
    }
}
