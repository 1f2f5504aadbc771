//! The figure scanner: one pass over the tokens, reading at each position
//! the first of: a factor ("double"), a vague magnitude ("hundreds"), a
//! fraction ("two-thirds"), a phrase ("a couple of"), an ordinal word, or a
//! number with its currency, range, percent sign, bound and unit.

use crate::lexicon::Lexicon;
use crate::measure::{
    chain_at, date_around, designation_before, is_year, prefix_before, unit_after, year_like,
    Chain, Measure,
};
use crate::number::{number_at, Ctx, NumExpr};
use crate::token::{tokenize, Kind};
use crate::Figure;
use tally_core::{Bound, Span, Unit};

/// Comparatives kept in the span of a factor ("nine times more").
const COMPARATIVES: [&str; 9] = [
    "more", "fewer", "less", "higher", "larger", "bigger", "greater", "lower", "smaller",
];

/// The longest digit run read as a number; longer ones are identifiers.
const MAX_NUMBER_LEN: usize = 47;

/// A figure over tokens `first..end`.
struct Draft {
    first: usize,
    end: usize,
    value: f64,
    max: Option<f64>,
    bound: Bound,
    unit: Unit,
    measure: Option<Measure>,
}

impl Draft {
    fn new(first: usize, end: usize, value: f64) -> Draft {
        Draft {
            first,
            end,
            value,
            max: None,
            bound: Bound::Exact,
            unit: Unit::Item,
            measure: None,
        }
    }

    fn measure(first: usize, end: usize, value: f64, measure: Measure) -> Draft {
        Draft {
            measure: Some(measure),
            ..Draft::new(first, end, value)
        }
    }
}

enum Step {
    Found(Draft),
    /// Nothing here; resume after this token.
    Skip(usize),
    Next,
}

/// Every figure of `text`, in order, not overlapping.
pub(crate) fn scan(text: &str) -> Vec<Figure> {
    let lower = text.to_ascii_lowercase();
    let toks = tokenize(text);
    let cx = Ctx {
        lex: Lexicon::get(),
        text,
        lower: &lower,
        toks: &toks,
    };
    let mut out = Vec::new();
    let (mut i, mut floor) = (0, 0);
    while i < toks.len() {
        match step(&cx, i, floor) {
            Step::Found(d) if d.end > i && d.first >= floor => {
                let span = Span::new(toks[d.first].start, toks[d.end - 1].end);
                out.push(Figure {
                    span,
                    value: d.value,
                    max: d.max,
                    bound: d.bound,
                    unit: d.unit,
                    measure: d.measure,
                });
                i = d.end;
                floor = d.end;
            }
            Step::Skip(end) => {
                i = end.max(i + 1);
                floor = i;
            }
            Step::Found(_) | Step::Next => i += 1,
        }
    }
    out
}

fn step(cx: &Ctx, i: usize, floor: usize) -> Step {
    let t = cx.toks[i];
    match t.kind {
        Kind::Code => return Step::Skip(i + 1),
        Kind::Num => {
            // A run of digits longer than any figure (an id, a hash): no figure.
            if t.end - t.start > MAX_NUMBER_LEN {
                return Step::Skip(i + 1);
            }
            if designation_before(cx, i) {
                return skip_glued(cx, i);
            }
            match chain_at(cx, i) {
                Some(Chain::Measure(m, end)) => {
                    return Step::Found(Draft::measure(i, end, t.value, m));
                }
                Some(Chain::Skip(end)) => return Step::Skip(end),
                None => {}
            }
        }
        // No reader below finds anything at a word no table starts with.
        Kind::Word | Kind::Sym if !cx.lex.may_start(cx.w(i)) => return Step::Next,
        Kind::Word | Kind::Sym => {}
    }
    let readers = [factor_at, vague_at, fraction_at, phrase_at, ordinal_at];
    for read in readers {
        if let Some(d) = read(cx, i, floor) {
            return Step::Found(d);
        }
    }
    number_figure(cx, i, floor)
}

/// Skips a number and the letters glued to it.
fn skip_glued(cx: &Ctx, i: usize) -> Step {
    let mut j = i + 1;
    while cx.glued(j) && matches!(cx.kind(j), Some(Kind::Word | Kind::Code)) {
        j += 1;
    }
    Step::Skip(j)
}

/// A bound phrase ending just before `first`: the bound and where it starts.
/// A one-word bound right after a verb it can be the particle of ("handed
/// over six") is that particle, not a bound.
fn prefix_bound(cx: &Ctx, floor: usize, first: usize) -> Option<(Bound, usize)> {
    let (b, start) = cx
        .lex
        .prefix_bounds
        .backward(cx.toks, cx.lower, floor, first)?;
    let particle = start + 1 == first && cx.lex.particle_verbs.contains(word_before(cx, start));
    (!particle).then_some((b, start))
}

/// The word before token `i`, even when it belongs to the figure before
/// ("the first half": "first" is an ordinal, and still tells what "half" is).
fn word_before<'t>(cx: &Ctx<'t>, i: usize) -> &'t str {
    i.checked_sub(1).map_or("", |p| cx.w(p))
}

/// "double", "tripled", "twice as many", "more than doubled", "halved".
fn factor_at(cx: &Ctx, i: usize, floor: usize) -> Option<Draft> {
    let w = cx.w(i);
    let lex = cx.lex;
    let next = cx.w(i + 1);
    let before = word_before(cx, i);
    let (value, comparative) = match (lex.factors.get(w), lex.comparative_factors.get(w)) {
        (Some(v), _) => (*v, false),
        (None, Some(v)) => (*v, true),
        _ => return None,
    };
    if (next == "-" && cx.glued(i + 1)) || matches!(before, "a" | "an" | "the") {
        return None;
    }
    let inflected = ["ed", "ing", "fold"].iter().any(|s| w.ends_with(s)) || w.ends_with('s');
    let compared = lex.comparison_words.contains(next);
    let closes = cx.toks.get(i + 1).is_none_or(|t| t.kind == Kind::Sym);
    let ok = if comparative {
        compared
    } else {
        inflected || compared || closes
    };
    if !ok {
        return None;
    }
    let mut end = i + 1;
    if next == "as" && cx.is_word(i + 2) {
        end = i + 3;
    }
    let mut d = Draft::new(i, end, value);
    d.bound = Bound::Relative;
    d.unit = Unit::Factor;
    if let Some((_, start)) = prefix_bound(cx, floor, i) {
        d.first = start;
    }
    Some(d)
}

/// "hundreds", "tens of thousands", "several dozen", "a few hundred": at
/// least twice the unit.
fn vague_at(cx: &Ctx, i: usize, floor: usize) -> Option<Draft> {
    let lex = cx.lex;
    let mut j = i;
    if let Some((_, after)) = lex.vague_prefixes.forward(cx.toks, cx.lower, i) {
        j = after;
    }
    let mut unit = 1.0;
    let mut end = j;
    if let (Some(m), "of", Some(u)) = (
        lex.vague_multipliers.get(cx.w(j)),
        cx.w(j + 1),
        lex.vague.get(cx.w(j + 2)),
    ) {
        if *u >= 1000.0 {
            unit = m * u;
            end = j + 3;
        }
    }
    if end == j {
        if let Some(u) = lex.vague.get(cx.w(j)) {
            unit = *u;
            end = j + 1;
        } else if j > i {
            // "several hundred thousand", "a few dozen"
            while let Some(s) = lex.scales.get(cx.w(end)).or_else(|| {
                lex.groups
                    .get(cx.w(end))
                    .filter(|_| !cx.w(end).ends_with('s'))
            }) {
                unit *= s;
                end += 1;
            }
        }
    }
    if end == j {
        return None;
    }
    // A number before the plural reads as a count ("3 dozens"), done elsewhere.
    if i > floor && cx.kind(i - 1) == Some(Kind::Num) {
        return None;
    }
    let mut d = Draft::new(i, end, 2.0 * unit);
    d.bound = Bound::AtLeast;
    if let Some((b, start)) = prefix_bound(cx, floor, i) {
        d.first = start;
        if b == Bound::AtMost {
            d.bound = b;
        }
    }
    // "billions of dollars"
    if cx.w(end) == "of" {
        if let Some((code, after)) = lex.currency_names.forward(cx.toks, cx.lower, end + 1) {
            d.unit = Unit::Money(code);
            d.end = after;
        }
    }
    Some(d)
}

/// "two-thirds", "three quarters", "a third of", "half of" → percent;
/// "half as many", "cut by half" → factor 0.5.
fn fraction_at(cx: &Ctx, i: usize, floor: usize) -> Option<Draft> {
    let lex = cx.lex;
    let w = cx.w(i);
    let mut d = if w == "half" {
        let next = cx.w(i + 1);
        let before = word_before(cx, i);
        if lex.half_not_after.contains(before) {
            return None;
        }
        if next == "as" && cx.is_word(i + 2) {
            factor(i, i + 3, 0.5)
        } else if lex.half_factor_before.contains(before) && !lex.half_share_words.contains(next) {
            factor(i, i + 1, 0.5)
        } else if lex.half_share_words.contains(next) {
            percent(i, i + 1, 50.0)
        } else {
            return None;
        }
    } else {
        let numerator = match cx.kind(i)? {
            Kind::Num if cx.toks[i].digits > 0 && cx.toks[i].digits <= 2 => cx.toks[i].value,
            Kind::Word if matches!(w, "a" | "an") => 1.0,
            Kind::Word => *lex.cardinals.get(w).filter(|v| **v > 0.0 && **v <= 20.0)?,
            _ => return None,
        };
        let hyphen = cx.w(i + 1) == "-" && cx.glued(i + 1) && cx.glued(i + 2);
        let k = if hyphen { i + 2 } else { i + 1 };
        let den_word = cx.w(k);
        let den = *lex.denominators.get(den_word)?;
        let plural = den_word.ends_with('s');
        let article = matches!(w, "a" | "an");
        let ok = if plural {
            !article && numerator > 1.0 || (numerator == 1.0 && den_word == "halves")
        } else if article {
            let closes = cx
                .toks
                .get(k + 1)
                .is_none_or(|t| t.kind == Kind::Sym && !(t.glued && cx.w(k + 1) == "-"));
            cx.w(k + 1) == "of" || closes
        } else {
            numerator == 1.0
        };
        if !ok || (cx.kind(i) == Some(Kind::Num) && !hyphen && !plural) {
            return None;
        }
        percent(i, k + 1, numerator / den * 100.0)
    };
    if d.unit == Unit::Percent {
        if let Some((b, start)) = prefix_bound(cx, floor, i) {
            d.first = start;
            d.bound = b;
        }
    }
    Some(d)
}

fn factor(first: usize, end: usize, value: f64) -> Draft {
    Draft {
        bound: Bound::Relative,
        unit: Unit::Factor,
        ..Draft::new(first, end, value)
    }
}

fn percent(first: usize, end: usize, value: f64) -> Draft {
    Draft {
        unit: Unit::Percent,
        ..Draft::new(first, end, value)
    }
}

/// "a couple of" (about 2), "a pair of" (2).
fn phrase_at(cx: &Ctx, i: usize, floor: usize) -> Option<Draft> {
    let lex = cx.lex;
    let (value, end, bound) = if let Some((v, e)) = lex.approximate.forward(cx.toks, cx.lower, i) {
        (v, e, Bound::Approx)
    } else {
        let (v, e) = lex.exact_phrases.forward(cx.toks, cx.lower, i)?;
        (v, e, Bound::Exact)
    };
    let end = if cx.w(end - 1) == "of" && end - 1 > i {
        end - 1
    } else {
        end
    };
    let mut d = Draft::new(i, end, value);
    d.bound = bound;
    if let Some((b, start)) = prefix_bound(cx, floor, i) {
        d.first = start;
        d.bound = b;
    }
    Some(d)
}

/// "first", "second", "tenth": a rank.
fn ordinal_at(cx: &Ctx, i: usize, _floor: usize) -> Option<Draft> {
    let v = cx.lex.ordinals.get(cx.w(i))?;
    Some(Draft::measure(i, i + 1, *v, Measure::Ordinal))
}

/// A currency written before the number: "$", "US$", "€", "USD". Returns the
/// code and the token the number starts at.
fn currency_before(cx: &Ctx, i: usize) -> Option<(String, usize)> {
    let lex = cx.lex;
    let w = cx.w(i);
    match cx.kind(i)? {
        Kind::Sym => lex.symbols.get(w).map(|c| (c.clone(), i + 1)),
        Kind::Word => {
            if let Some(code) = lex.dollar_prefixes.get(w) {
                let short = w.chars().count() == 1;
                if cx.w(i + 1) == "$" && (cx.glued(i + 1) || !short) {
                    return Some((code.clone(), i + 2));
                }
            }
            let code = lex.codes.get(w)?;
            (cx.kind(i + 1) == Some(Kind::Num)).then(|| (code.clone(), i + 1))
        }
        _ => None,
    }
}

/// A currency after the number: "€", "USD", "euros", "million pounds".
fn currency_after(cx: &Ctx, e: usize, scaled: bool) -> Option<(String, usize)> {
    let lex = cx.lex;
    let w = cx.w(e);
    match cx.kind(e)? {
        Kind::Sym => lex.symbols.get(w).map(|c| (c.clone(), e + 1)),
        Kind::Word => {
            if let Some(code) = lex.codes.get(w) {
                return Some((code.clone(), e + 1));
            }
            let (code, after) = lex.currency_names.forward(cx.toks, cx.lower, e)?;
            if after == e + 1 && lex.scale_only_names.contains(w) && !scaled {
                return None;
            }
            Some((code, after))
        }
        _ => None,
    }
}

/// The far end of a range after `x`: "-12", "to 12", "and 12" (after
/// "between"), "or 3" (after 2). Returns the low value (scaled like the high
/// one: "10 to 12 thousand"), the high one and the index after it.
fn range_after(cx: &Ctx, x: &NumExpr, between: bool) -> Option<(f64, NumExpr)> {
    let j = x.end;
    let mut k = if between {
        (cx.w(j) == "and").then_some(j + 1)?
    } else if let Some((_, after)) = cx.lex.range_joiners.forward(cx.toks, cx.lower, j) {
        after
    } else if cx.w(j) == "or" {
        j + 1
    } else {
        return None;
    };
    if cx.kind(k) == Some(Kind::Sym) && cx.lex.symbols.contains_key(cx.w(k)) {
        k += 1;
    }
    let y = number_at(cx, k)?;
    let mut low = x.value;
    if !x.has_scale {
        if let Some(s) = y.trailing_scale {
            if low * s <= y.value {
                low *= s;
            }
        }
    }
    let adjacent = y.value == low + 1.0;
    if y.value <= low || (cx.w(j) == "or" && !between && !adjacent) {
        return None;
    }
    Some((low, y))
}

/// A number with everything around it.
fn number_figure(cx: &Ctx, i: usize, floor: usize) -> Step {
    let lex = cx.lex;
    let (currency, k) = match currency_before(cx, i) {
        Some((code, k)) => (Some(code), k),
        None => (None, i),
    };
    let Some(x) = number_at(cx, k) else {
        return Step::Next;
    };
    if k != i && cx.kind(k) == Some(Kind::Num) && designation_before(cx, k) {
        return skip_glued(cx, k);
    }
    if is_pronoun_one(cx, &x) && currency.is_none() {
        return Step::Next;
    }
    let x = mixed_fraction(cx, x);
    let mut d = Draft::new(i, x.end, x.value);
    if let Some(code) = &currency {
        d.unit = Unit::Money(code.clone());
    }
    let mut scaled = x.has_scale;

    // A year range: "2022-23", "2014-2022".
    if currency.is_none() && year_like(cx, &x) {
        if let Some(end) = year_range(cx, &x) {
            return Step::Found(Draft::measure(i, end, x.value, Measure::Year));
        }
    }

    // Ranges.
    let between = lex.range_between.backward(cx.toks, cx.lower, floor, i);
    let from = lex.range_from.backward(cx.toks, cx.lower, floor, i);
    if let Some((low, y)) = range_after(cx, &x, between.is_some()) {
        d.value = low;
        d.max = Some(y.value);
        d.bound = Bound::Range;
        d.end = y.end;
        scaled |= y.has_scale;
        if let Some((_, start)) = between.or(from) {
            d.first = start;
        }
        if year_like(cx, &x) && year_like(cx, &y) && is_year(cx, &y, floor) {
            d.measure = Some(Measure::Year);
            return Step::Found(d);
        }
    }
    let mut e = d.end;

    // Percent or money after the number.
    if let Some((_, after)) = lex.percent_words.forward(cx.toks, cx.lower, e) {
        d.unit = Unit::Percent;
        e = after;
    } else if currency.is_none() {
        if let Some((code, after)) = currency_after(cx, e, scaled) {
            d.unit = Unit::Money(code);
            e = after;
            // "75 USD million"
            if let Some(s) = lex.scales.get(cx.w(e)).filter(|s| **s >= 1000.0 && !scaled) {
                d.value *= s;
                d.max = d.max.map(|m| m * s);
                e += 1;
            }
        }
    }

    // "nine times as many", "a 10-fold increase"; "three times" alone counts occasions.
    if d.unit == Unit::Item && d.max.is_none() {
        if cx.w(e) == "times" {
            let next = cx.w(e + 1);
            if lex.comparison_words.contains(next) {
                let end = if next == "as" && cx.is_word(e + 2) {
                    e + 3
                } else if COMPARATIVES.contains(&next) {
                    e + 2
                } else {
                    e + 1
                };
                let mut f = factor(d.first, end, d.value);
                if let Some((_, start)) = prefix_bound(cx, floor, f.first) {
                    f.first = start;
                }
                return Step::Found(f);
            }
            d.measure = Some(Measure::Other);
            d.end = e + 1;
            return Step::Found(d);
        }
        if cx.w(e) == "-" && cx.glued(e) && cx.w(e + 1) == "fold" {
            return Step::Found(factor(d.first, e + 2, d.value));
        }
    }

    // Bounds written after the number: "50+", "100 or more", "300-odd".
    if let Some((b, after)) = lex.postfix_bounds.forward(cx.toks, cx.lower, e) {
        // "+" and "-odd" only glued; "or more than 190" opens a new bound.
        let loose_sign = matches!(cx.w(e), "+" | "-") && !cx.glued(e);
        if !loose_sign && cx.w(after) != "than" {
            if d.bound == Bound::Exact {
                d.bound = b;
            }
            e = after;
        }
    }

    // What the number measures.
    if d.unit == Unit::Item {
        if let Some((m, after)) = unit_after(cx, e) {
            d.measure = Some(m);
            e = after;
            // "44 mg to 50 mg": a range of the same unit.
            if d.max.is_none() {
                if let Some((high, end)) = unit_range(cx, after, m, d.value) {
                    d.max = Some(high);
                    d.bound = Bound::Range;
                    e = end;
                }
            }
        } else if let Some((m, start)) = prefix_before(cx, floor, d.first) {
            d.measure = Some(m);
            d.first = start;
        } else if let Some((a, b)) = date_around(cx, &x, floor).filter(|_| d.max.is_none()) {
            d.measure = Some(Measure::Date);
            d.first = d.first.min(a);
            e = e.max(b);
        } else if cx.glued(e) && cx.is_word(e) && x.is_single_num(cx.toks) && e == x.end {
            let suffix = cx.w(e);
            if lex.ordinal_suffixes.contains(suffix) {
                d.measure = Some(Measure::Ordinal);
                e += 1;
            } else if suffix == "s" && year_like(cx, &x) {
                d.measure = Some(Measure::Year);
                e += 1;
            }
        } else if d.max.is_none() && is_year(cx, &x, floor) {
            d.measure = Some(Measure::Year);
        }
    }

    // Letters glued to the digits that nothing above read: a designation.
    if e == x.end && cx.is_word(e) && cx.glued(e) && cx.kind(x.end - 1) == Some(Kind::Num) {
        return skip_glued(cx, x.end - 1);
    }

    if matches!(d.bound, Bound::Exact) {
        if let Some((b, start)) = prefix_bound(cx, floor, d.first) {
            d.bound = b;
            d.first = start;
        }
    }
    d.end = e;
    Step::Found(d)
}

/// "2022-23", "2014-2022", "2014 to 2022": the index after the second year.
fn year_range(cx: &Ctx, x: &NumExpr) -> Option<usize> {
    let j = x.end;
    if !matches!(cx.w(j), "-" | "–" | "/") || cx.kind(j + 1) != Some(Kind::Num) {
        return None;
    }
    let y = cx.toks[j + 1];
    let base = cx.toks[x.start].value;
    let ok = match y.digits {
        2 => (base % 100.0) < y.value,
        4 => y.value > base && y.value <= 2100.0,
        _ => false,
    };
    ok.then_some(j + 2)
}

/// "one" as a pronoun: "no one", "the one that", "one of the", "one another".
fn is_pronoun_one(cx: &Ctx, x: &NumExpr) -> bool {
    if x.end != x.start + 1 || cx.w(x.start) != "one" {
        return false;
    }
    let lex = cx.lex;
    let before = word_before(cx, x.start);
    let next = cx.w(x.end);
    let hyphenated = next == "-" && cx.glued(x.end) && unit_after(cx, x.end).is_none();
    lex.one_pronoun_after.contains(before) || lex.one_pronoun_before.contains(next) || hyphenated
}

/// "10 1/2": a whole number and a fraction after it, a space between.
fn mixed_fraction(cx: &Ctx, x: NumExpr) -> NumExpr {
    let j = x.end;
    let whole = x.is_single_num(cx.toks) && !x.has_scale && cx.toks[x.start].digits > 0;
    let frac = cx.kind(j) == Some(Kind::Num)
        && !cx.glued(j)
        && cx.w(j + 1) == "/"
        && cx.glued(j + 1)
        && cx.glued(j + 2)
        && cx.kind(j + 2) == Some(Kind::Num)
        && !cx.glued(j + 3);
    if !whole || !frac {
        return x;
    }
    let (a, b) = (cx.toks[j].value, cx.toks[j + 2].value);
    if !(a >= 1.0 && b >= 2.0 && a < b && b <= 16.0) {
        return x;
    }
    NumExpr {
        end: j + 3,
        value: x.value + a / b,
        ..x
    }
}

/// After a measured number ending at `after`: "to 50 mg", "- 50 mg" in the
/// same measure. Returns the high value and the index after its unit.
fn unit_range(cx: &Ctx, after: usize, m: Measure, low: f64) -> Option<(f64, usize)> {
    let (_, k) = cx.lex.range_joiners.forward(cx.toks, cx.lower, after)?;
    let y = number_at(cx, k)?;
    let (m2, end) = unit_after(cx, y.end)?;
    (m2 == m && y.value > low).then_some((y.value, end))
}
