//! Numbers that measure rather than count: calibres, lengths, weights,
//! durations, ages, years, dates, clock times, ordinals. They come back as
//! figures with a [`Measure`], and never become claims.

use crate::number::{Ctx, NumExpr};
use crate::token::Kind;
use serde::Deserialize;

/// What a measuring number measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    Calibre,
    Length,
    Distance,
    Weight,
    Speed,
    Duration,
    Age,
    Year,
    Date,
    ClockTime,
    Ordinal,
    Temperature,
    Area,
    Volume,
    Other,
}

/// Words glued by a hyphen before digits that do not make a designation
/// ("mid-2024", "pre-2022", "post-1991").
const HYPHEN_PREFIXES: [&str; 6] = ["mid", "pre", "post", "early", "late", "anti"];

/// Digits glued by a hyphen (or directly) to letters before them: `T-72`,
/// `Su-34`, `KN-23`, `Shahed-136`, `F-16`.
/// Also a one- or two-digit number after a capitalised word inside a
/// sentence names a model: `Challenger 2`, `Leopard 1`, `Patriot 3`.
pub(crate) fn designation_before(cx: &Ctx, i: usize) -> bool {
    if !cx.glued(i) {
        return model_number(cx, i);
    }
    if i < 2 {
        return false;
    }
    let joiner = cx.w(i - 1);
    if !matches!(joiner, "-" | "‐" | "/" | "–") || !cx.glued(i - 1) {
        return false;
    }
    match cx.kind(i - 2) {
        Some(Kind::Code) => true,
        Some(Kind::Word) => {
            let w = cx.w(i - 2);
            !(HYPHEN_PREFIXES.contains(&w)
                || cx.lex.is_number_word(w)
                || cx.lex.months.contains_key(w))
        }
        _ => false,
    }
}

fn model_number(cx: &Ctx, i: usize) -> bool {
    let t = cx.toks[i];
    if !(1..=2).contains(&t.digits) || i < 2 || !cx.is_word(i - 1) {
        return false;
    }
    let name = cx.orig(i - 1);
    let capital = name.chars().next().is_some_and(char::is_uppercase);
    let inside = matches!(cx.kind(i - 2), Some(Kind::Word | Kind::Num | Kind::Code))
        || matches!(cx.w(i - 2), "," | "(" | "’" | "'");
    let next_word = cx.is_word(i + 1) && !cx.glued(i + 1);
    capital
        && inside
        && next_word
        && name.chars().count() >= 3
        && !cx.lex.name_breakers.contains(cx.w(i - 1))
        && !cx.lex.months.contains_key(cx.w(i - 1))
        && !cx.lex.is_number_word(cx.w(i - 1))
        && cx.lex.units.forward(cx.toks, cx.lower, i + 1).is_none()
        && !recipient_before(cx, i)
}

/// "will send Poland 12 howitzers": the capitalised word before the number
/// follows a verb taking an indirect object, so it is the recipient and the
/// number counts. A one-digit number still names a model ("sent Leopard 2
/// tanks") unless a counting word follows ("sent Poland 2 more tanks").
fn recipient_before(cx: &Ctx, i: usize) -> bool {
    let verb = cx.lex.ditransitive_verbs.contains(cx.w(i - 2));
    let counted_next = cx.lex.counted.contains(cx.w(i + 1));
    verb && (cx.toks[i].digits >= 2 || counted_next)
}

/// A unit after token `end` ("mm", " km", "-ton", "years old"): its measure
/// and the index after it. One-letter units count only when glued ("10t").
pub(crate) fn unit_after(cx: &Ctx, end: usize) -> Option<(Measure, usize)> {
    let glued_hyphen = matches!(cx.w(end), "-" | "‐") && cx.glued(end) && cx.glued(end + 1);
    let direct = cx.lex.units.forward(cx.toks, cx.lower, end);
    let candidate = match direct {
        Some(hit) => Some((hit, end)),
        None if glued_hyphen => cx
            .lex
            .units
            .forward(cx.toks, cx.lower, end + 1)
            .map(|h| (h, end + 1)),
        None => None,
    };
    let ((measure, after), at) = candidate?;
    let short = cx.w(at).chars().count() == 1 && after == at + 1;
    let lower_or_litre = cx.orig(at) == "L" || cx.orig(at).chars().all(char::is_lowercase);
    if short && !cx.glued(at) && !(lower_or_litre && spaced_symbol_ends(cx, after)) {
        return None;
    }
    Some((measure, after))
}

/// A one-letter unit written after a space ("1 m", "3 to 4 L of wine")
/// counts when nothing word-like goes on after it: the end, a mark, a
/// number ("12 m 2 dm") or "of"/"x" ("1 m x 1 m").
fn spaced_symbol_ends(cx: &Ctx, after: usize) -> bool {
    match cx.kind(after) {
        None | Some(Kind::Sym | Kind::Num) => true,
        Some(_) => matches!(cx.w(after), "of" | "x" | "by"),
    }
}

/// A word before token `start` that makes the number a measure ("aged",
/// "Mach", "No."): its measure and first token.
pub(crate) fn prefix_before(cx: &Ctx, floor: usize, start: usize) -> Option<(Measure, usize)> {
    cx.lex
        .measure_prefixes
        .backward(cx.toks, cx.lower, floor, start)
}

/// Token `i` names a month (capitalised, so "may" and "march" stay verbs).
pub(crate) fn month_at(cx: &Ctx, i: usize) -> bool {
    cx.is_word(i)
        && cx.lex.months.contains_key(cx.w(i))
        && cx.orig(i).chars().next().is_some_and(char::is_uppercase)
}

/// A day number next to a month: "7 January", "7th of January", "January 7",
/// "Jan. 7". Returns the tokens the date covers.
pub(crate) fn date_around(cx: &Ctx, x: &NumExpr, floor: usize) -> Option<(usize, usize)> {
    let t = cx.toks.get(x.start)?;
    if !x.is_single_num(cx.toks) || !(1..=2).contains(&t.digits) || t.value < 1.0 || t.value > 31.0
    {
        return None;
    }
    let mut end = x.end;
    if cx.lex.ordinal_suffixes.contains(cx.w(end)) && cx.glued(end) {
        end += 1;
    }
    if month_at(cx, end) {
        return Some((x.start, end + 1));
    }
    if cx.w(end) == "of" && month_at(cx, end + 1) {
        return Some((x.start, end + 2));
    }
    if x.start > floor && month_at(cx, x.start - 1) {
        return Some((x.start - 1, end));
    }
    if x.start > floor + 1 && cx.w(x.start - 1) == "." && month_at(cx, x.start - 2) {
        return Some((x.start - 2, end));
    }
    None
}

/// A 4-digit number from 1900 to 2100 written plainly is a year unless a
/// counted noun follows and no year word precedes.
pub(crate) fn is_year(cx: &Ctx, x: &NumExpr, floor: usize) -> bool {
    if !year_like(cx, x) {
        return false;
    }
    if x.start > floor && cx.lex.year_before.contains(cx.w(x.start - 1)) {
        return true;
    }
    let next = cx.w(x.end);
    let counted = cx.is_word(x.end)
        && !cx.lex.not_counted.contains(next)
        && (cx.lex.counted.contains(next) || (next.len() > 3 && next.ends_with('s')));
    !counted
}

/// Plain digits, four of them, 1900–2100.
pub(crate) fn year_like(cx: &Ctx, x: &NumExpr) -> bool {
    x.is_single_num(cx.toks)
        && cx.toks[x.start].digits == 4
        && (1900.0..=2100.0).contains(&cx.toks[x.start].value)
}

/// What a chain of digits glued by `-`, `/`, `:` or `.` is, starting at `i`.
pub(crate) enum Chain {
    /// A date, a clock time or some other measure, over tokens up to `end`.
    Measure(Measure, usize),
    /// A phone number or code: skip up to `end`.
    Skip(usize),
}

/// Digit groups glued by punctuation: "2025-01-07", "5/17/2018", "10:30",
/// "+1-222-2222". Two groups joined by a hyphen are left to the range reader.
pub(crate) fn chain_at(cx: &Ctx, i: usize) -> Option<Chain> {
    let mut parts = vec![i];
    let mut joiners = Vec::new();
    let mut j = i;
    while cx
        .toks
        .get(j + 2)
        .is_some_and(|t| t.kind == Kind::Num && t.glued)
        && cx.glued(j + 1)
        && matches!(cx.w(j + 1), "-" | "/" | ":")
    {
        joiners.push(cx.w(j + 1));
        parts.push(j + 2);
        j += 2;
    }
    let end = j + 1;
    let digits: Vec<u8> = parts.iter().map(|&p| cx.toks[p].digits).collect();
    match (parts.len(), joiners.first().copied()) {
        (1, _) => None,
        (2, Some(":")) => Some(Chain::Measure(Measure::ClockTime, end)),
        (2, Some("/")) => Some(Chain::Measure(Measure::Other, end)),
        (2, _) => None,
        (3, Some("-")) if digits == [4, 2, 2] => Some(Chain::Measure(Measure::Date, end)),
        (3, Some("/")) if digits.iter().all(|d| *d > 0) => Some(Chain::Measure(Measure::Date, end)),
        (3, Some(":")) => Some(Chain::Measure(Measure::ClockTime, end)),
        _ => Some(Chain::Skip(end)),
    }
}
