//! Reading one number expression from the tokens: digits, number words,
//! scales and their abbreviations, "a dozen", "half a million",
//! "two and a half".

use crate::lexicon::Lexicon;
use crate::token::{tokenize, Kind, Token};

/// A number expression over tokens `start..end`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct NumExpr {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    /// The scale the expression ends with ("12 thousand" → 1000).
    pub trailing_scale: Option<f64>,
    /// Any scale word or abbreviation at all.
    pub has_scale: bool,
    /// Any number word ("two", "hundred").
    pub words: bool,
}

impl NumExpr {
    /// Exactly one digit token and nothing else.
    pub(crate) fn is_single_num(&self, toks: &[Token]) -> bool {
        self.end == self.start + 1 && toks[self.start].kind == Kind::Num
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Last {
    None,
    A,
    Digits,
    Ones,
    Teens,
    Tens,
    Hundred,
    Scale,
    Group,
    Fraction,
}

/// The tokens and texts a reader looks at.
pub(crate) struct Ctx<'t> {
    pub lex: &'static Lexicon,
    pub text: &'t str,
    pub lower: &'t str,
    pub toks: &'t [Token],
}

impl<'t> Ctx<'t> {
    /// The lower-cased text of token `i`, or "" past the end.
    pub(crate) fn w(&self, i: usize) -> &'t str {
        self.toks.get(i).map_or("", |t| &self.lower[t.start..t.end])
    }

    /// The original text of token `i`.
    pub(crate) fn orig(&self, i: usize) -> &'t str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    pub(crate) fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub(crate) fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.glued)
    }

    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word)
    }

    /// A scale word of at least a thousand, or "hundred".
    fn scale(&self, i: usize) -> Option<f64> {
        self.lex.scales.get(self.w(i)).copied()
    }

    /// "m" glued to digits is a million unless a dimension word follows.
    fn dimension_follows(&self, i: usize) -> bool {
        let next = self.w(i);
        (next == "-" && self.glued(i)) || self.lex.dimension_words.contains(next)
    }

    /// A singular fraction word usable as a multiplier ("half", "quarter").
    fn part(&self, i: usize) -> Option<f64> {
        let w = self.w(i);
        match self.lex.denominators.get(w) {
            Some(d) if !w.ends_with('s') && w != "halves" => Some(1.0 / d),
            _ => None,
        }
    }
}

/// The running value of a number phrase: what the scale words have summed
/// so far, the count since the last of them, and what came last.
struct Sum {
    total: f64,
    cur: f64,
    /// The smallest scale applied so far: a later one must be smaller
    /// ("2 million 300 thousand", never "300 thousand 2 million").
    min_scale: f64,
    last: Last,
    /// The scale of the phrase's last word, if it ends in one.
    trailing: Option<f64>,
    has_scale: bool,
}

impl Default for Sum {
    fn default() -> Self {
        Sum {
            total: 0.0,
            cur: 0.0,
            min_scale: f64::INFINITY,
            last: Last::None,
            trailing: None,
            has_scale: false,
        }
    }
}

impl Sum {
    /// Multiply the count since the last scale by the scale `s` ("3 million",
    /// "3bn", "3 m").
    fn scale_by(&mut self, s: f64) {
        self.total += self.cur * s;
        self.cur = 0.0;
        self.min_scale = s;
        self.last = Last::Scale;
        self.trailing = Some(s);
        self.has_scale = true;
    }
}

/// Reads the longest number expression starting at token `i`.
pub(crate) fn number_at(cx: &Ctx, i: usize) -> Option<NumExpr> {
    let lex = cx.lex;
    let toks = cx.toks;
    let mut acc = Sum::default();
    // What came before a joining "and".
    let mut before_and: Option<Last> = None;
    let mut words = false;
    let mut j = i;
    let mut end = i;
    while let Some(t) = toks.get(j) {
        let w = cx.w(j);
        let after = before_and.unwrap_or(acc.last);
        match t.kind {
            Kind::Num => {
                let ok = match after {
                    Last::None => true,
                    // "4 thousand 3 hundred", "2 million and 5"; not "3 million 152mm".
                    Last::Scale => {
                        t.value < acc.min_scale
                            && (before_and.is_some()
                                || cx.scale(j + 1).is_some()
                                || cx.kind(j + 1).is_none())
                    }
                    Last::Hundred => before_and.is_some() && t.value < 100.0,
                    _ => false,
                };
                if !ok || (acc.last != Last::None && t.glued) {
                    break;
                }
                acc.cur += t.value;
                acc.last = Last::Digits;
                before_and = None;
                acc.trailing = None;
                j += 1;
                end = j;
                if cx.is_word(j) && cx.glued(j) {
                    let suffix = cx.w(j);
                    if let Some(&s) = lex.glued_abbreviations.get(suffix) {
                        let dimension = suffix == "m" && cx.dimension_follows(j + 1);
                        if !dimension && s < acc.min_scale {
                            acc.scale_by(s);
                            j += 1;
                            end = j;
                        }
                    }
                }
                continue;
            }
            Kind::Word => {
                if let Some(&v) = lex.cardinals.get(w) {
                    let ok = match after {
                        Last::None | Last::Hundred | Last::Scale => true,
                        Last::Tens => before_and.is_none() && v > 0.0 && v < 10.0,
                        _ => false,
                    };
                    if !ok {
                        break;
                    }
                    acc.cur += v;
                    acc.last = if v < 10.0 {
                        Last::Ones
                    } else if v < 20.0 {
                        Last::Teens
                    } else {
                        Last::Tens
                    };
                    before_and = None;
                    acc.trailing = None;
                    words = true;
                    j += 1;
                    end = j;
                    continue;
                }
                if (w == "a" || w == "an") && acc.last == Last::None {
                    let next = cx.w(j + 1);
                    if lex.scales.contains_key(next)
                        || (lex.groups.contains_key(next) && !next.ends_with('s'))
                        || cx
                            .part(j + 1)
                            .is_some_and(|_| cx.scale(j + 2).is_some_and(|s| s >= 1000.0))
                    {
                        acc.cur = 1.0;
                        acc.last = Last::A;
                        j += 1;
                        continue;
                    }
                    break;
                }
                if let Some(s) = cx.scale(j) {
                    let counted = matches!(
                        acc.last,
                        Last::A
                            | Last::Digits
                            | Last::Ones
                            | Last::Teens
                            | Last::Tens
                            | Last::Fraction
                    );
                    if s == 100.0 {
                        if !counted || (acc.last != Last::Digits && acc.cur >= 100.0) {
                            break;
                        }
                        acc.cur *= 100.0;
                        acc.last = Last::Hundred;
                    } else {
                        if !(counted || acc.last == Last::Hundred) || s >= acc.min_scale {
                            break;
                        }
                        acc.scale_by(s);
                    }
                    acc.trailing = Some(s);
                    acc.has_scale = true;
                    words = true;
                    before_and = None;
                    j += 1;
                    end = j;
                    continue;
                }
                if let Some(&s) = lex.spaced_abbreviations.get(w) {
                    if acc.last == Last::Digits && s < acc.min_scale {
                        acc.scale_by(s);
                        j += 1;
                        end = j;
                        continue;
                    }
                    break;
                }
                if let Some(&g) = lex.groups.get(w) {
                    let counted = matches!(
                        acc.last,
                        Last::A
                            | Last::Digits
                            | Last::Ones
                            | Last::Teens
                            | Last::Tens
                            | Last::Hundred
                            | Last::Fraction
                    );
                    if !counted || (acc.last == Last::A && w.ends_with('s')) {
                        break;
                    }
                    acc.cur *= g;
                    acc.last = Last::Group;
                    acc.trailing = None;
                    words = true;
                    j += 1;
                    end = j;
                    continue;
                }
                if w == "and" && before_and.is_none() {
                    // "two and a half", "one million and a half"
                    if matches!(cx.w(j + 1), "a" | "an" | "one") {
                        if let Some(p) = cx.part(j + 2) {
                            let counted = matches!(
                                acc.last,
                                Last::Digits
                                    | Last::Ones
                                    | Last::Teens
                                    | Last::Tens
                                    | Last::Hundred
                                    | Last::Scale
                            );
                            if !counted {
                                break;
                            }
                            if acc.last == Last::Scale {
                                acc.total += p * acc.min_scale;
                            } else {
                                acc.cur += p;
                            }
                            acc.last = Last::Fraction;
                            acc.trailing = None;
                            j += 3;
                            end = j;
                            continue;
                        }
                    }
                    let next_is_number = lex.cardinals.contains_key(cx.w(j + 1))
                        || cx.kind(j + 1) == Some(Kind::Num);
                    if matches!(acc.last, Last::Hundred | Last::Scale) && next_is_number {
                        before_and = Some(acc.last);
                        j += 1;
                        continue;
                    }
                    break;
                }
                if let Some(p) = cx.part(j) {
                    // "half a million", "a quarter million", "half a dozen"
                    if matches!(acc.last, Last::None | Last::A) {
                        let k = if matches!(cx.w(j + 1), "a" | "an") {
                            j + 2
                        } else {
                            j + 1
                        };
                        let big = cx.scale(k).is_some_and(|s| s >= 1000.0)
                            || (lex.groups.contains_key(cx.w(k)) && !cx.w(k).ends_with('s'));
                        if big {
                            acc.cur = if acc.last == Last::A {
                                p
                            } else {
                                acc.cur.max(1.0) * p
                            };
                            acc.last = Last::Fraction;
                            j = k;
                            continue;
                        }
                    }
                }
                break;
            }
            Kind::Sym => {
                let hyphen = matches!(w, "-" | "‐" | "–");
                let next_ones = lex
                    .cardinals
                    .get(cx.w(j + 1))
                    .is_some_and(|v| *v > 0.0 && *v < 10.0);
                if hyphen && acc.last == Last::Tens && next_ones {
                    j += 1;
                    continue;
                }
                break;
            }
            Kind::Code => break,
        }
    }
    if end == i || matches!(acc.last, Last::A) {
        return None;
    }
    Some(NumExpr {
        start: i,
        end,
        value: acc.total + acc.cur,
        trailing_scale: acc.trailing,
        has_scale: acc.has_scale,
        words,
    })
}

/// The value of a whole string that is one number expression.
pub(crate) fn parse_whole(s: &str) -> Option<f64> {
    let lower = s.to_ascii_lowercase();
    let toks = tokenize(s);
    let cx = Ctx {
        lex: Lexicon::get(),
        text: s,
        lower: &lower,
        toks: &toks,
    };
    if toks.is_empty() {
        return None;
    }
    let x = number_at(&cx, 0)?;
    (x.end == toks.len()).then_some(x.value)
}

#[cfg(test)]
mod tests {
    use super::parse_whole;

    #[track_caller]
    fn check(s: &str, want: f64) {
        let got = parse_whole(s);
        assert!(
            got.is_some_and(|v| (v - want).abs() <= want.abs() * 1e-9),
            "{s:?}: got {got:?}, want {want}"
        );
    }

    #[test]
    fn digits_and_scales() {
        check("11,000", 11000.0);
        check("1.5 million", 1_500_000.0);
        check("1.2bn", 1.2e9);
        check("3k", 3000.0);
        check("1.5m", 1_500_000.0);
        check("10 bln", 1e10);
        check("322 hundred", 32200.0);
        check("1,674.5 million", 1_674_500_000.0);
    }

    #[test]
    fn words() {
        check("forty-two", 42.0);
        check("fifty two", 52.0);
        check("two thousand five hundred", 2500.0);
        check("a hundred", 100.0);
        check("a thousand", 1000.0);
        check("one hundred and sixty-one", 161.0);
        check("two hundred and two thousand", 202_000.0);
        check("twenty-one trillion three hundred", 21e12 + 300.0);
        check("3 hundred and 21", 321.0);
        check("4 thousand 3 hundred and 21", 4321.0);
    }

    #[test]
    fn groups_and_halves() {
        check("a dozen", 12.0);
        check("two dozen", 24.0);
        check("half a dozen", 6.0);
        check("half a million", 500_000.0);
        check("a quarter million", 250_000.0);
        check("one and a half", 1.5);
        check("two and a half million", 2_500_000.0);
        check("3 million and a half", 3_500_000.0);
    }

    #[test]
    fn not_numbers() {
        assert_eq!(parse_whole("a"), None);
        assert_eq!(parse_whole("a few"), None);
        assert_eq!(parse_whole("two three"), None);
        assert_eq!(parse_whole(""), None);
        assert_eq!(parse_whole("dozens"), None);
    }
}
