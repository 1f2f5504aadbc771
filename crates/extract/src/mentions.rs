//! Per-unit annotation layer: tokens, lexicon mentions and item heads, all
//! as token ranges over the original text.

use crate::cues::{Cues, ItemKind};
use crate::marks::{Cue, MentIndex, UnitMarks};
use crate::phrases::tok_text;
use crate::tokens::{tokenize, Tok, TokKind};
use tally_core::Span;
use tally_lexicon::{Entity, EntityId, Form, Lexicon, Mention};

/// A lexicon mention as a token range `[t0, t1)`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Ment {
    pub t0: usize,
    pub t1: usize,
    pub id: EntityId,
    pub form: Form,
    pub possessive: bool,
}

/// A noun that names a counted item, as a token range `[t0, t1)`.
#[derive(Clone, Debug)]
pub(crate) struct ItemHead {
    pub t0: usize,
    pub t1: usize,
    pub name: String,
    pub kind: ItemKind,
    /// The weapon's state of origin, when it is a known weapon.
    pub origin: Option<String>,
}

/// One unit with its annotation layers.
pub(crate) struct UnitView<'a> {
    pub text: &'a str,
    pub lower: &'a str,
    pub toks: Vec<Tok>,
    pub ments: Vec<Ment>,
    pub items: Vec<ItemHead>,
    /// Which mention starts, ends or covers each token.
    pub index: MentIndex,
    /// Where clause-wide cue phrases begin (built on first use).
    pub marks: UnitMarks,
}

impl<'a> UnitView<'a> {
    /// The view of the unit at `span`; `found` are its lexicon mentions,
    /// `lex.find` of the unit's text (offsets relative to the unit).
    pub fn new(
        text: &'a str,
        lower: &'a str,
        span: Span,
        found: Vec<Mention>,
        lex: &Lexicon,
        cues: &Cues,
    ) -> UnitView<'a> {
        let toks = tokenize(text, span.start, span.end);
        let mut ments = Vec::with_capacity(found.len());
        for m in found {
            let s = m.span.shift(span.start);
            if let Some((t0, t1)) = tok_range(&toks, s) {
                ments.push(Ment {
                    t0,
                    t1,
                    id: m.entity,
                    form: m.form,
                    possessive: m.possessive,
                });
            }
        }
        let index = MentIndex::new(&ments, toks.len());
        let items = find_items(text, lower, &toks, &ments, &index, lex, cues);
        UnitView {
            text,
            lower,
            toks,
            ments,
            items,
            index,
            marks: UnitMarks::default(),
        }
    }

    pub fn word(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .map(|t| tok_text(self.lower, t))
            .unwrap_or("")
    }

    pub fn raw(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    /// Is token `i` a form of "be" (the auxiliary of passives)?
    pub fn is_be(&self, i: usize) -> bool {
        matches!(
            self.word(i),
            "be" | "been" | "being" | "was" | "were" | "is" | "are"
        )
    }

    pub fn is_punct(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Punct)
    }

    pub fn is_capitalised(&self, i: usize) -> bool {
        self.raw(i).chars().next().is_some_and(|c| c.is_uppercase())
    }

    /// The document text of tokens `[t0, t1)`.
    pub fn slice(&self, t0: usize, t1: usize) -> &'a str {
        if t0 >= t1 || t1 > self.toks.len() {
            return "";
        }
        self.text
            .get(self.toks[t0].start..self.toks[t1 - 1].end)
            .unwrap_or("")
    }

    /// The mention covering token `i`, if any.
    pub fn ment_at(&self, i: usize) -> Option<&Ment> {
        self.index.covering(i).and_then(|j| self.ments.get(j))
    }

    /// The first mention starting at token `k`.
    pub fn ment_starting(&self, k: usize) -> Option<&Ment> {
        self.index.starting(k).and_then(|j| self.ments.get(j))
    }

    /// The first mention ending just before token `k` (`t1 == k`).
    pub fn ment_ending(&self, k: usize) -> Option<&Ment> {
        self.index.ending(k).and_then(|j| self.ments.get(j))
    }

    /// Does a phrase of `cue` start in tokens `[lo, hi)`?
    pub fn any_cue(&self, cues: &Cues, cue: Cue, lo: usize, hi: usize) -> bool {
        let (slot, set) = self.marks.slot(cues, cue);
        slot.any_in(self.lower, &self.toks, set, |_| true, lo, hi)
    }

    /// Does a planned cue start in `[lo, hi)` ("to be trained" is no plan)?
    pub fn planned_in(&self, cues: &Cues, lo: usize, hi: usize) -> bool {
        let keep = |k: usize| {
            !(self.word(k) == "to" && self.word(k + 1) == "be" && self.word(k + 2) == "trained")
        };
        self.marks
            .planned
            .any_in(self.lower, &self.toks, &cues.planned, keep, lo, hi)
    }
}

/// The tokens a byte span covers.
/// Tokens are in text order and never overlap, so both ends are binary
/// searches: the first token starting inside the span, and the last one
/// ending inside it.
pub(crate) fn tok_range(toks: &[Tok], s: Span) -> Option<(usize, usize)> {
    let t0 = toks.partition_point(|t| t.start < s.start);
    if toks.get(t0).is_none_or(|t| t.start >= s.end) {
        return None;
    }
    let t1 = toks.partition_point(|t| t.end <= s.end);
    if t1 == 0 || toks[t1 - 1].end <= s.start {
        return None;
    }
    (t0 < t1).then_some((t0, t1))
}

/// The ISO code (or actor name) a mention stands for as a party.
pub(crate) fn party_of(lex: &Lexicon, m: &Ment) -> Option<String> {
    let e = lex.entity(m.id);
    match e {
        Entity::State(s) => Some(s.code.clone()),
        Entity::Actor(a) => Some(a.name.clone()),
        Entity::Person(p) => p.state.clone(),
        Entity::Body(b) => b.state.clone(),
        _ => None,
    }
}

/// The state a place mention lies in, and its canonical name.
pub(crate) fn place_of(lex: &Lexicon, m: &Ment) -> Option<(String, Option<String>)> {
    match lex.entity(m.id) {
        Entity::Place(p) => Some((p.name.clone(), p.state.clone())),
        _ => None,
    }
}

fn find_items(
    text: &str,
    lower: &str,
    toks: &[Tok],
    ments: &[Ment],
    index: &MentIndex,
    lex: &Lexicon,
    cues: &Cues,
) -> Vec<ItemHead> {
    let _ = text;
    let mut out: Vec<ItemHead> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // lexicon weapon or class mention starting here
        if let Some(m) = index.starting(i).and_then(|j| ments.get(j)) {
            match lex.entity(m.id) {
                Entity::Weapon(w) => {
                    let mut t1 = m.t1;
                    // a class noun right after the designation joins it: "M1989 Koksan howitzers"
                    let mut j = t1;
                    while j < toks.len() && j < t1 + 4 {
                        if let Some((_, e)) = cues.items.at(lower, toks, j) {
                            t1 = e;
                            j = e;
                        } else if cues.item_skip.contains_at(lower, toks, j)
                            || (toks[j].kind == TokKind::Word
                                && j + 1 < toks.len()
                                && cues.items.contains_at(lower, toks, j + 1))
                        {
                            j += 1;
                        } else {
                            break;
                        }
                    }
                    let origin = w.origin.clone();
                    out.push(ItemHead {
                        t0: m.t0,
                        t1,
                        name: w.name.clone(),
                        kind: ItemKind::Materiel,
                        origin,
                    });
                    i = t1;
                    continue;
                }
                Entity::Class(c) => {
                    let kind = if c.people {
                        ItemKind::People
                    } else if c.money {
                        ItemKind::Money
                    } else {
                        ItemKind::Materiel
                    };
                    out.push(ItemHead {
                        t0: m.t0,
                        t1: m.t1,
                        name: c.name.clone(),
                        kind,
                        origin: None,
                    });
                    i = m.t1;
                    continue;
                }
                _ => {}
            }
        }
        if let Some((class, e)) = cues.items.at(lower, toks, i) {
            // extend over a following item noun ("fuel trucks", "fire units")
            let mut end = e;
            while let Some((_, e2)) = cues.items.at(lower, toks, end) {
                end = e2;
            }
            out.push(ItemHead {
                t0: i,
                t1: end,
                name: class.name.clone(),
                kind: class.kind,
                origin: None,
            });
            i = end;
            continue;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    /// The definition `tok_range` implements with binary searches.
    fn tok_range_linear(toks: &[Tok], s: Span) -> Option<(usize, usize)> {
        let t0 = toks
            .iter()
            .position(|t| t.start >= s.start && t.start < s.end)?;
        let t1 = toks
            .iter()
            .rposition(|t| t.end <= s.end && t.end > s.start)?
            + 1;
        (t0 < t1).then_some((t0, t1))
    }

    #[test]
    fn tok_range_agrees_with_its_definition_on_every_span() {
        let text = "Norway’s 12,500 self-propelled guns — and 3 jets, (it said).";
        let toks = tokenize(text, 0, text.len());
        for start in 0..=text.len() + 1 {
            for end in start..=text.len() + 1 {
                let s = Span { start, end };
                assert_eq!(
                    tok_range(&toks, s),
                    tok_range_linear(&toks, s),
                    "{start}..{end}"
                );
            }
        }
        assert_eq!(tok_range(&toks, Span { start: 11, end: 17 }), Some((2, 3)));
    }
}
