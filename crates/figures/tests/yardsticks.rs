//! External yardsticks: the Microsoft Recognizers-Text English specs and the
//! quantulum3 tests under `../shared/data` (MIT; read in place, never copied).
//!
//! Each file's cases are split into those IN SCOPE for tally (figures as news
//! English writes them: integers, decimals, separators, number words, scale
//! words, simple fractions, bounds, ranges, percentages, currency amounts, and
//! measurements that must not be read as counts) and those out of scope, with
//! the reason beside each rule below. The pass rate of in-scope cases is
//! printed per file and held above a floor. A case passes when a figure is
//! found overlapping the expected text with the expected value (within 0.5%).

use serde_json::Value;
use std::path::PathBuf;
use tally_figures::{find_figures, Bound, Figure, Unit};

fn shared() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    dir.is_dir().then_some(dir)
}

fn load(rel: &str) -> Option<Vec<Value>> {
    let Some(root) = shared() else {
        println!("skipping: ../shared not found");
        return None;
    };
    let text = std::fs::read_to_string(root.join(rel)).ok()?;
    serde_json::from_str::<Value>(&text)
        .ok()?
        .as_array()
        .cloned()
}

/// Cases marked unsupported by the .NET implementation are skipped (the
/// shared README's rule).
fn dotnet_unsupported(case: &Value) -> bool {
    ["NotSupported", "NotSupportedByDesign"].iter().any(|k| {
        case.get(*k)
            .and_then(Value::as_str)
            .is_some_and(|s| s.to_lowercase().contains("dotnet"))
    })
}

/// Byte range of the inclusive character range `start..=end` of `s`.
fn bytes(s: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let mut idx: Vec<usize> = s.char_indices().map(|(b, _)| b).collect();
    idx.push(s.len());
    Some((*idx.get(start)?, *idx.get(end + 1)?))
}

/// The byte range of a Recognizers-Text result (character offsets, `End`
/// inclusive) in its input.
fn result_span(input: &str, r: &serde_json::Value) -> Option<(usize, usize)> {
    let (start, end) = r["Start"].as_u64().zip(r["End"].as_u64())?;
    bytes(input, start as usize, end as usize)
}

fn overlapping(figs: &[Figure], (s, e): (usize, usize)) -> Vec<&Figure> {
    figs.iter()
        .filter(|f| f.span.start < e && s < f.span.end)
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= b.abs() * 0.005 + 1e-9
}

fn num(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim_end_matches('%').parse().ok(),
        _ => None,
    }
}

#[derive(Default)]
struct Tally {
    pass: usize,
    total: usize,
    out_of_scope: usize,
    misses: Vec<String>,
}

impl Tally {
    fn record(&mut self, ok: bool, what: String) {
        self.total += 1;
        if ok {
            self.pass += 1;
        } else {
            self.misses.push(what);
        }
    }

    fn report(&self, name: &str, floor: f64) {
        let rate = if self.total == 0 {
            100.0
        } else {
            100.0 * self.pass as f64 / self.total as f64
        };
        println!(
            "{name}: {}/{} in scope, {rate:.1}% ({} out of scope)",
            self.pass, self.total, self.out_of_scope
        );
        for m in self.misses.iter().take(40) {
            println!("  miss: {m}");
        }
        assert!(self.total > 0, "{name}: no case in scope");
        assert!(
            rate >= floor,
            "{name}: {rate:.1}% is below the floor {floor}%"
        );
    }
}

/// Convention (lib.rs): a lower-case "m" glued to digits is a million
/// ("£1.5m", "10m shells") unless a dimension word follows; the reference
/// reads a metre. Inputs holding such a number are out of scope.
fn glued_m(s: &str) -> bool {
    let b = s.as_bytes();
    (1..b.len()).any(|i| {
        b[i] == b'm'
            && b[i - 1].is_ascii_digit()
            && !b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)
    })
}

/// Convention (lib.rs): a small number right after a capitalised name
/// ("Voyager 2", "Challenger 2") is a designation, not a quantity.
fn after_name(input: &str, pos: usize, surface: &str) -> bool {
    let before = input[..pos].trim_end();
    let name = before.rsplit(' ').next().unwrap_or("");
    surface.len() <= 2
        && surface.chars().all(|c| c.is_ascii_digit())
        && name.len() >= 3
        && name.starts_with(|c: char| c.is_uppercase())
        && before.len() > name.len()
}

/// Words and marks of forms news English does not use for figures.
fn contains_any(s: &str, needles: &[&str]) -> bool {
    let l = s.to_lowercase();
    needles.iter().any(|n| l.contains(n))
}

#[test]
fn number_model() {
    let Some(cases) = load("recognizers-text/number/NumberModel.json") else {
        return;
    };
    let mut t = Tally::default();
    for case in cases.iter().filter(|c| !dotnet_unsupported(c)) {
        let input = case["Input"].as_str().unwrap_or("");
        let results = case["Results"].as_array().cloned().unwrap_or_default();
        // Out of scope: whole inputs that are IP addresses, phone numbers or
        // numeric dates (tally deliberately reads no figure in them), and
        // number-with-unit strings whose expectation depends on the unit
        // (tally reads "180ml" as a measure).
        if contains_any(
            input,
            &[
                "192.168", "+1-", "/2018", "ml ", "km ", "{kg", "scp-", "exercise",
            ],
        ) {
            t.out_of_scope += 1;
            continue;
        }
        if glued_m(input) {
            t.out_of_scope += 1;
            continue;
        }
        let figs = find_figures(input);
        if results.is_empty() {
            // Nothing expected: no count may be read ("a", "an", "the one you ...").
            let counts = figs.iter().filter(|f| f.measure.is_none()).count();
            t.record(
                counts == 0,
                format!("{input:?}: expected nothing, got {figs:?}"),
            );
            continue;
        }
        for r in &results {
            let text = r["Text"].as_str().unwrap_or("");
            let subtype = r["Resolution"]["subtype"].as_str().unwrap_or("");
            let Some(value) = num(&r["Resolution"]["value"]) else {
                t.out_of_scope += 1;
                continue;
            };
            // Out of scope:
            // - powers and scientific notation ("1e10", "1.1^23"): not news prose;
            // - negative numbers ("minus five"): tally's figures are counts;
            // - spoken decimals ("two hundred point zero three") and "over"/"out of"
            //   ratios ("one over three"): arithmetic talk, not reporting;
            // - slashed and Unicode fractions ("2 1/4", "⅔"), and fractions with
            //   denominators beyond tenths ("a trillionth", "three twenty-firsts"):
            //   recipe and maths notation;
            // - European decimal commas ("1,3", "5,00") and Indian digit grouping:
            //   English news writes "1.3";
            // - giga/"MM" suffixes ("10G", "1MM"): finance shorthand.
            let odd = subtype == "power"
                || value < 0.0
                || contains_any(
                    text,
                    &[
                        "point", " over ", "out of", "/", "⅔", "¾", "⅙", "½", "^", "th", "firsts",
                        "mm",
                    ],
                )
                || (text.contains(',')
                    && !text
                        .split(',')
                        .skip(1)
                        .all(|g| g.len() >= 3 && g[..3].chars().all(|c| c.is_ascii_digit())))
                || text.ends_with('g');
            if odd {
                t.out_of_scope += 1;
                continue;
            }
            let Some(span) = result_span(input, r) else {
                t.out_of_scope += 1;
                continue;
            };
            let ok = overlapping(&figs, span).iter().any(|f| {
                close(f.value, value) || (f.unit == Unit::Percent && close(f.value / 100.0, value))
            });
            t.record(ok, format!("{input:?}: {text:?}={value}, got {figs:?}"));
        }
    }
    t.report("NumberModel", 88.0);
}

/// An interval "[20,30)", "(30,)", "(,100]" as (low, high).
fn interval(s: &str) -> Option<(Option<f64>, Option<f64>)> {
    let inner = s.get(1..s.len().checked_sub(1)?)?;
    let (a, b) = inner.split_once(',')?;
    let a = (!a.trim().is_empty())
        .then(|| a.trim().parse().ok())
        .flatten();
    let b = (!b.trim().is_empty())
        .then(|| b.trim().parse().ok())
        .flatten();
    Some((a, b))
}

#[test]
fn number_range_model() {
    let Some(cases) = load("recognizers-text/number/NumberRangeModel.json") else {
        return;
    };
    let mut t = Tally::default();
    for case in cases.iter().filter(|c| !dotnet_unsupported(c)) {
        let input = case["Input"].as_str().unwrap_or("");
        let figs = find_figures(input);
        for r in case["Results"].as_array().into_iter().flatten() {
            let text = r["Text"].as_str().unwrap_or("");
            // Out of scope:
            // - comparison symbols ("<= 30", ">10") and "equal to": query syntax;
            // - two-sided inequalities ("above 1000 and below 1500", "more than
            //   10 and less than 20"): maths, news states one bound or a range;
            // - ranks ("between the tenth and the fifteenth") and fractions
            //   ("more than 1/2"), negatives ("negative ten"), ratios ("2 in 5").
            let bounds = [
                "than", "above", "below", "least", "most", "under", "over", "exceed",
            ];
            let two_sided = bounds
                .iter()
                .map(|b| text.matches(b).count())
                .sum::<usize>()
                >= 2;
            if two_sided
                || contains_any(
                    text,
                    &[
                        "<",
                        ">",
                        "=",
                        "equal",
                        "tenth",
                        "fifteenth",
                        "negative",
                        "/",
                        " in ",
                        "quarter",
                        "half",
                    ],
                )
            {
                t.out_of_scope += 1;
                continue;
            }
            let Some((low, high)) = r["Resolution"]["value"].as_str().and_then(interval) else {
                t.out_of_scope += 1;
                continue;
            };
            let Some(span) = result_span(input, r) else {
                continue;
            };
            let ok = overlapping(&figs, span).iter().any(|f| match (low, high) {
                (Some(a), Some(b)) => {
                    f.bound == Bound::Range
                        && close(f.value, a)
                        && f.max.is_some_and(|m| close(m, b))
                }
                (Some(a), None) => f.bound == Bound::AtLeast && close(f.value, a),
                (None, Some(b)) => f.bound == Bound::AtMost && close(f.value, b),
                (None, None) => false,
            });
            t.record(
                ok,
                format!("{input:?}: {text:?} {low:?}..{high:?}, got {figs:?}"),
            );
        }
    }
    t.report("NumberRangeModel", 97.0);
}

#[test]
fn percent_model() {
    let Some(cases) = load("recognizers-text/number/PercentModel.json") else {
        return;
    };
    let mut t = Tally::default();
    for case in cases.iter().filter(|c| !dotnet_unsupported(c)) {
        let input = case["Input"].as_str().unwrap_or("");
        let figs = find_figures(input);
        let results = case["Results"].as_array().cloned().unwrap_or_default();
        if results.is_empty() {
            let none = figs.iter().all(|f| f.unit != Unit::Percent);
            t.record(
                none,
                format!("{input:?}: expected no percent, got {figs:?}"),
            );
            continue;
        }
        for r in &results {
            let text = r["Text"].as_str().unwrap_or("");
            // Out of scope: "percent of 10" (the number after the word reads as a
            // base in English, not a rate), negatives ("minus five percent"), and
            // the bare word "percent" with no number.
            let Some(value) = num(&r["Resolution"]["value"]) else {
                t.out_of_scope += 1;
                continue;
            };
            if text.to_lowercase().starts_with("per") || value < 0.0 {
                t.out_of_scope += 1;
                continue;
            }
            let Some(span) = result_span(input, r) else {
                continue;
            };
            let ok = overlapping(&figs, span)
                .iter()
                .any(|f| f.unit == Unit::Percent && close(f.value, value));
            t.record(ok, format!("{input:?}: {text:?}={value}, got {figs:?}"));
        }
    }
    t.report("PercentModel", 100.0);
}

/// Recognizers-Text currency names tally covers, as ISO codes.
fn iso(name: &str) -> Option<&'static str> {
    Some(match name {
        "Dollar" | "United States dollar" => "USD",
        "Euro" => "EUR",
        "Pound" | "British pound" => "GBP",
        "Japanese yen" => "JPY",
        "Chinese yuan" => "CNY",
        "Australian dollar" => "AUD",
        "Canadian dollar" => "CAD",
        "Hong Kong dollar" => "HKD",
        "Swiss franc" => "CHF",
        "Turkish lira" => "TRY",
        "Rupee" => "INR",
        "Mexican peso" => "MXN",
        "Georgian lari" => "GEL",
        "Bitcoin" => "BTC",
        _ => return None,
    })
}

#[test]
fn currency_model() {
    let Some(cases) = load("recognizers-text/number-with-unit/CurrencyModel.json") else {
        return;
    };
    let mut t = Tally::default();
    for case in cases.iter().filter(|c| !dotnet_unsupported(c)) {
        let input = case["Input"].as_str().unwrap_or("");
        let figs = find_figures(input);
        let results = case["Results"].as_array().cloned().unwrap_or_default();
        if results.is_empty() {
            let none = figs.iter().all(|f| !matches!(f.unit, Unit::Money(_)));
            t.record(none, format!("{input:?}: expected no money, got {figs:?}"));
            continue;
        }
        for r in &results {
            let text = r["Text"].as_str().unwrap_or("");
            let name = r["Resolution"]["unit"].as_str().unwrap_or("");
            // Out of scope:
            // - currencies tally does not list (obsolete ones such as francs and
            //   markka, rare symbols) and coin sub-units (cents, pence): war
            //   reporting names aid in major currencies;
            // - bare currency words with no amount ("dollar");
            // - amounts in two units or with trailing cents ("3 dollars 50 cents",
            //   "15 dollars and 15"): prices, not aid;
            // - "MUSD"/"MEUR" finance shorthand.
            let (Some(code), Some(value)) = (iso(name), num(&r["Resolution"]["value"])) else {
                t.out_of_scope += 1;
                continue;
            };
            let trailing = text
                .split_whitespace()
                .last()
                .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
                && !text
                    .trim_start()
                    .starts_with(|c: char| c.is_alphabetic() || c == '$' || c == '€' || c == '£');
            if trailing || contains_any(text, &["cent", " and ", "musd", "meur", "mgbp", "maud"]) {
                t.out_of_scope += 1;
                continue;
            }
            let Some(span) = result_span(input, r) else {
                continue;
            };
            let ok = overlapping(&figs, span)
                .iter()
                .any(|f| matches!(&f.unit, Unit::Money(c) if c == code) && close(f.value, value));
            t.record(
                ok,
                format!("{input:?}: {text:?}={value} {code}, got {figs:?}"),
            );
        }
    }
    t.report("CurrencyModel", 92.5);
}

/// Measurements and ages must come back as measures, never as counts.
fn measures_not_counts(rel: &str, name: &str, floor: f64) {
    let Some(cases) = load(rel) else {
        return;
    };
    let mut t = Tally::default();
    for case in cases.iter().filter(|c| !dotnet_unsupported(c)) {
        let input = case["Input"].as_str().unwrap_or("");
        let figs = find_figures(input);
        for r in case["Results"].as_array().into_iter().flatten() {
            let text = r["Text"].as_str().unwrap_or("");
            // Out of scope: unit words with no number ("metric ton", "mcg"), and
            // ages given as "age 87" or "87 yo" in clinical style. Empty
            // expectations are not checked: they assert the absence of a
            // dimension, while tally only needs measures kept out of counts.
            if r["Resolution"]["value"].is_null() || contains_any(text, &[" yo"]) || glued_m(text) {
                t.out_of_scope += 1;
                continue;
            }
            let Some(span) = result_span(input, r) else {
                continue;
            };
            let near = overlapping(&figs, span);
            let ok = !near.is_empty() && near.iter().all(|f| f.measure.is_some());
            t.record(ok, format!("{input:?}: {text:?}, got {near:?}"));
        }
    }
    t.report(name, floor);
}

#[test]
fn dimension_model() {
    measures_not_counts(
        "recognizers-text/number-with-unit/DimensionModel.json",
        "DimensionModel",
        86.0,
    );
}

#[test]
fn age_model() {
    measures_not_counts(
        "recognizers-text/number-with-unit/AgeModel.json",
        "AgeModel",
        100.0,
    );
}

#[test]
fn quantulum3() {
    let Some(cases) = load("quantulum3/quantities.json") else {
        return;
    };
    let mut t = Tally::default();
    for case in &cases {
        let input = case["req"].as_str().unwrap_or("");
        let figs = find_figures(input);
        let mut from = 0;
        for r in case["res"].as_array().into_iter().flatten() {
            let surface = r["surface"].as_str().unwrap_or("");
            let unit = r["unit"].as_str().unwrap_or("");
            let Some(value) = num(&r["value"]) else {
                continue;
            };
            let Some(pos) = input[from..].find(surface).map(|p| p + from) else {
                t.out_of_scope += 1;
                continue;
            };
            from = pos + surface.len();
            // Out of scope: scientific notation and compound units ("4e14 s-1",
            // "W/min", "$15.4/hour", "+/-"), negatives, slashed fractions, and
            // counting units ("a dozen" as one dozen, "A kibibyte",
            // "absolute zero"): not how news writes figures.
            // Also out of scope: designations after a name ("Voyager 2", see
            // `after_name`) and coin sub-units (cents, pennies, dimes), as in
            // the currency model.
            let odd = value < 0.0
                || after_name(input, pos, surface)
                || ["cent", "penny", "dime"].contains(&unit)
                || contains_any(
                    surface,
                    &[
                        "e1",
                        "e-",
                        "×",
                        "^",
                        "/",
                        "+/-",
                        " per ",
                        "dozen",
                        "gross",
                        "kibibyte",
                        "zero",
                        "gigaannum",
                        "1ga",
                        " ma",
                        "fb",
                    ],
                )
                || unit.contains(" per ")
                || (unit == "dimensionless" && surface.contains('.') && surface.len() < 4);
            if odd {
                t.out_of_scope += 1;
                continue;
            }
            let near = overlapping(&figs, (pos, pos + surface.len()));
            let money = ["pound sterling", "dollar", "euro"].contains(&unit);
            let ok = near.iter().any(|f| {
                let v = if f.unit == Unit::Percent && unit == "dimensionless" {
                    f.value / 100.0
                } else {
                    f.value
                };
                let in_range = f.max.is_some_and(|m| f.value <= value && value <= m);
                let value_ok = close(v, value) || in_range;
                let kind_ok = match unit {
                    "dimensionless" => true,
                    "percentage" => f.unit == Unit::Percent,
                    _ if money => matches!(f.unit, Unit::Money(_)),
                    _ => f.measure.is_some(),
                };
                value_ok && kind_ok
            });
            t.record(
                ok,
                format!("{input:?}: {surface:?}={value} {unit}, got {near:?}"),
            );
        }
    }
    t.report("quantulum3", 88.0);
}
