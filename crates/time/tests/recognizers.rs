//! External yardstick: Microsoft Recognizers-Text's English date test suites
//! (read from ../shared/data/recognizers-text/datetime, never copied here).
//!
//! Each case carries an input, a reference date and the expected results
//! (text, offsets, resolution). Scope for tally: dates, months, years,
//! seasons, quarters, date ranges and relative periods news uses. Out of
//! scope, by the gold text (see `OUT_OF_SCOPE`):
//! - clock times and parts of the day (tally's periods are whole days);
//! - dates written in number words ("twenty second of june"), dates with no
//!   month or year ("the 27th", "4/22": in news a bare number is a quantity,
//!   a fraction or a unit name far more often than a date);
//! - scheduling phrases ("friday of next week", "the week of the 18th", "two
//!   weeks from now", "rest of the week", "business days", "the day after");
//! - holidays (news dates events by calendar date, and a holiday list is
//!   country-specific);
//! - points counted forward ("in two weeks"): news uses them for plans
//!   whose date is rarely the figure's period;
//! - years outside 1800–2199 and two-digit years.
//!
//! Conventions compared leniently: recognizers give range ends exclusive, so
//! an end matches when ours equals it or the day before; for "since"/"by"
//! ranges only the ends the reference gives are compared; spans are compared
//! after dropping a leading neutral preposition ("in", "on", "during" ...)
//! and "the" on both sides, since tally keeps them in its spans. A case
//! passes when every in-scope expected result is found (and, for parser
//! files, resolved as expected under the past or the future reading); a case
//! expecting nothing passes when nothing is found.

use regex::Regex;
use serde_json::Value;
use std::path::{Path, PathBuf};
use tally_time::{find_times, Anchor, Date, TimeExpr};

const OUT_OF_SCOPE: &[&str] = &[
    r"\d{1,2}:\d{2}|\b\d{1,2}\s?(am|pm|a\.m\.|p\.m\.)|\b(morning|afternoon|evening|noon|midnight|tonight)\b",
    r"\b(twenty|thirty|nineteen|thousand|hundred|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fifteen|seventies|noughties|tens)\b",
    r"^\D*\d{1,2}(st|nd|rd|th)?\D*$",
    r"^\D*\d{1,2}\s*[/.\-]\s*\d{1,2}(\s*[/.\-]\s*\d{1,2})?\D*$",
    r"\b(first|second|third|fourth|fifth|last)\s+(week|mon|tue|wed|thu|fri|sat|sun)",
    r"\bweek\s+(of|commencing|starting|beginning|\d)|w/c|\bweek \d|\bweeks?\s+\d",
    r"\b(this|next|last|past|coming)\s+week\s+(on\s+)?(mon|tue|wed|thu|fri|sat|sun)|(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(of\s+)?(this|next|last)\s+week",
    r"\b(this|next|last)\s+(mon|tue|wed|thu|fri|sat|sun)[a-z]*\s+(to|until|till|through|-)|\bweek\s+(between|from)",
    r"(from|after|before)\s+(now|today|tomorrow|yesterday)|day\s+(after|before)|\b(later|hence|future|business|workweek|rest|same|that|now|tmrw|otd|upcoming)\b",
    r"(christmas|easter|thanksgiving|independence|black friday|saint|patrick|halloween|new year|valentine|mother|father|memorial|labou?r|columbus|luther|eve\b|boxing|yuandan|cinco|april fool|election day|inauguration|veteran|president|groundhog|st\.|pi day)",
    r"^(in|within)?\s*(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(day|week|month|year)s?$",
    r"^in\s+(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(day|week|month|year)s?",
    r"\bthe\s+('|)\d0'?s\b|\byear\s+\d{1,3}\b|\b(1[0-7]\d\d|2[2-9]\d\d)\b|\b(august|aug) \d\d$|\bdecades?\b",
    r"\b(the )?(next|last|this|coming|following|previous|past)\s+(day|days)\b|\b(the|next|last)\s+day\b|^the day$|\bday\s+(\d|of)",
    r"\bthe\s+(\d{1,2}(st|nd|rd|th)?|second|first)\b",
    r"^(for|set)\b|\bsince\s+(the\s+)?\d{1,2}(st|nd|rd|th)?\b",
    // Convention: "last September" is the most recent September not after
    // publication's month (claims.md §2 reads bare and "last" months back
    // from publication); the reference takes the previous year's.
    r"\blast\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    // Convention: "the coming/following week", "the next fortnight/quarter"
    // run from publication (as "the coming months" do in claims.md §2); the
    // reference takes the next calendar unit. A bare "the week", "the month",
    // "my weekend" refers back to a period the text named before (news) or to
    // the reader's calendar (assistants): tally resolves none of them.
    r"^(coming|following|next) (fortnight|quarter)$|^(coming|following) week$|^((the|my) )?(week|weekend|month|year|fortnight)$",
    // Convention: a range from a day to a bare month ("from Feb 1st to March
    // 2019") reaches the end of that month in tally ("by the end of March"
    // reads the whole month); the reference stops on its first day.
    r"\d(st|nd|rd|th)?\s+(to|and|till|until|-)\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(\s+\d{4})?$",
    // Slashed day/month pairs without a year inside longer ranges ("from
    // 10/1 to 11/7"): the reason above for "4/22".
    r"(^|[^/\d])\d{1,2}/\d{1,2}($|[^/\d])",
    // Convention: numeric dates are read day first (lib.rs), so a date both
    // orders can read ("3-7-2017", "08/12,2015") differs from the reference's
    // US month-first reading.
    r"(^|\D)(0?[1-9]|1[0-2])[/\-.](0?[1-9]|1[0-2])[/\-.,]\s*\d{2,4}",
    // Numbers with a spaced dash or slash ("2016 - 11", "11 / 2016") or a
    // decimal point ("2015.3"): in news these are scores, ranges, ratios and
    // decimals, not months.
    r"^\d{1,4}(\s+[/\-]\s*|\s*[/\-]\s+)\d{1,4}$|^\d{4}\.\d{1,2}$",
    // Query syntax, not prose: comparison signs and "greater than", "and
    // after"; "EOY" shorthand.
    r"[<>=]|\bgreater\b|\band\s+(after|later|greater)$|\beoy\b",
    // More holidays and decades in words (reasons above); assistant phrasing
    // for the working week and what is left of it.
    r"\b(workers|juneteenth|freedom|jubilee|eid|ramadan|diwali|nineties|eighties|sixties|thousands|remaining|working)\b",
];

/// Convention: "from X" with no end is "since X" in tally (claims.md §2:
/// "since October" runs to publication) and keeps "from" in its span; the
/// reference reads X alone. Such results are out of scope.
fn open_from(input: &str, text: &str) -> bool {
    !text.starts_with("from") && input.to_lowercase().contains(&format!("from {text}"))
}

/// Impossible dates ("2/29/2019", "feb 30 2019"): the reference keeps them
/// unresolved, tally finds no date there.
fn unresolvable(r: &Value) -> bool {
    let s = r.to_string();
    s.contains("not resolved") || s.contains("0001-01-01")
}

fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/recognizers-text/datetime");
    p.is_dir().then_some(p)
}

fn load(dir: &Path, name: &str) -> Vec<Value> {
    let text = std::fs::read_to_string(dir.join(format!("{name}.json"))).unwrap();
    let text = text.trim_start_matches('\u{feff}');
    serde_json::from_str::<Vec<Value>>(text).unwrap()
}

fn date(s: &str) -> Option<Date> {
    s.get(..10)?.parse().ok()
}

fn reference(case: &Value) -> Date {
    case["Context"]["ReferenceDateTime"]
        .as_str()
        .and_then(date)
        .unwrap_or_else(|| Date::new(2016, 11, 7).unwrap())
}

fn dotnet_unsupported(case: &Value) -> bool {
    ["NotSupported", "NotSupportedByDesign"].iter().any(|k| {
        case[k]
            .as_str()
            .is_some_and(|s| s.to_lowercase().contains("dotnet"))
    })
}

fn norm(s: &str) -> String {
    let mut s = s.to_lowercase();
    for p in [
        "in ",
        "on ",
        "at ",
        "for ",
        "during ",
        "over ",
        "throughout ",
        "around ",
        "of ",
        "the ",
    ] {
        if let Some(rest) = s.strip_prefix(p) {
            s = rest.to_string();
        }
    }
    s.trim_end_matches(['.', ',', ' ']).to_string()
}

/// One acceptable resolution: optional inclusive start, optional exclusive-or-inclusive end.
#[derive(Debug)]
struct Want {
    start: Option<Date>,
    end: Option<Date>,
    end_exclusive: bool,
}

fn days(a: Date, b: Date) -> i64 {
    i64::from(a.until(b).map(|s| s.get_days()).unwrap_or(0))
}

/// The spec's own `when` measure (claims.md §4): a single day must be equal;
/// intervals match with Jaccard >= 0.5 by days; an open side is compared
/// exactly on the side the reference gives.
fn matches(t: &TimeExpr, w: &Want) -> bool {
    // An exclusive end may be read as exclusive or, as some reference cases
    // do ("today till tomorrow"), inclusive.
    let mut ends = vec![w.end];
    if w.end_exclusive {
        if let Some(y) = w.end.and_then(|e| e.yesterday().ok()) {
            if w.start.is_none_or(|s| y >= s) {
                ends.insert(0, Some(y));
            }
        }
    }
    ends.into_iter()
        .any(|end| match (w.start, end, t.from, t.to) {
            (Some(s), Some(e), Some(f), Some(to)) => {
                if s == e || f == to {
                    return s == f && e == to;
                }
                let inter = days(s.max(f), e.min(to)) + 1;
                let union = days(s.min(f), e.max(to)) + 1;
                inter > 0 && inter * 2 >= union
            }
            (Some(s), None, f, _) => f == Some(s),
            (None, Some(e), _, to) => to == Some(e),
            _ => false,
        })
}

/// Expected resolutions of a parser-file result: (past, future) readings.
fn wants_parser(r: &Value) -> Option<Vec<(bool, Want)>> {
    let v = &r["Value"];
    let mut out = Vec::new();
    for (future, key) in [(false, "PastResolution"), (true, "FutureResolution")] {
        let res = &v[key];
        if let Some(d) = res["date"].as_str().and_then(date) {
            out.push((
                future,
                Want {
                    start: Some(d),
                    end: Some(d),
                    end_exclusive: false,
                },
            ));
        } else if res["startDate"].is_string() || res["endDate"].is_string() {
            out.push((
                future,
                Want {
                    start: res["startDate"].as_str().and_then(date),
                    end: res["endDate"].as_str().and_then(date),
                    end_exclusive: true,
                },
            ));
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Expected resolutions of a model-file result (either reading).
fn wants_model(r: &Value) -> Option<Vec<(bool, Want)>> {
    let mut out = Vec::new();
    for v in r["Resolution"]["values"].as_array()? {
        let w = if let Some(d) = v["value"].as_str().and_then(date) {
            Want {
                start: Some(d),
                end: Some(d),
                end_exclusive: false,
            }
        } else {
            Want {
                start: v["start"].as_str().and_then(date),
                end: v["end"].as_str().and_then(date),
                end_exclusive: true,
            }
        };
        if w.start.is_some() || w.end.is_some() {
            out.push((false, Want { ..w }));
        }
    }
    // Model values list both readings; accept either anchor for each.
    let both: Vec<(bool, Want)> = out
        .into_iter()
        .flat_map(|(_, w)| {
            [
                (
                    false,
                    Want {
                        start: w.start,
                        end: w.end,
                        end_exclusive: w.end_exclusive,
                    },
                ),
                (true, w),
            ]
        })
        .collect();
    (!both.is_empty()).then_some(both)
}

struct Suite {
    name: &'static str,
    resolve: bool,
    model: bool,
}

fn run(dir: &Path, suite: &Suite, out_re: &[Regex], verbose: bool) -> (usize, usize) {
    let (mut total, mut passed) = (0, 0);
    for case in load(dir, suite.name) {
        if dotnet_unsupported(&case) {
            continue;
        }
        let input = case["Input"].as_str().unwrap_or_default();
        let results: Vec<&Value> = case["Results"]
            .as_array()
            .map(|a| a.iter().collect())
            .unwrap_or_default();
        let in_scope: Vec<&Value> = results
            .iter()
            .copied()
            .filter(|r| {
                let ty = r["TypeName"]
                    .as_str()
                    .or(r["Type"].as_str())
                    .unwrap_or_default();
                let ty_ok = matches!(
                    ty,
                    "date" | "daterange" | "datetimeV2.date" | "datetimeV2.daterange"
                );
                let text = r["Text"].as_str().unwrap_or_default().to_lowercase();
                ty_ok
                    && !out_re.iter().any(|re| re.is_match(&text))
                    && !open_from(input, &text)
                    && !unresolvable(r)
            })
            .collect();
        if in_scope.is_empty() && !results.is_empty() {
            continue;
        }
        total += 1;
        let p = reference(&case);
        let past = find_times(
            input,
            Anchor {
                published: Some(p),
                future: false,
            },
        );
        let fut = find_times(
            input,
            Anchor {
                published: Some(p),
                future: true,
            },
        );
        let ok = if results.is_empty() {
            past.is_empty()
        } else {
            in_scope.iter().all(|r| {
                let want_text = norm(r["Text"].as_str().unwrap_or_default());
                let find = |found: &[TimeExpr]| {
                    found
                        .iter()
                        .find(|t| norm(&input[t.span.range()]) == want_text)
                        .cloned()
                };
                let (Some(tp), Some(tf)) = (find(&past), find(&fut)) else {
                    return false;
                };
                if !suite.resolve {
                    return true;
                }
                let wants = if suite.model {
                    wants_model(r)
                } else {
                    wants_parser(r)
                };
                match wants {
                    None => true,
                    Some(ws) => ws
                        .iter()
                        .any(|(future, w)| matches(if *future { &tf } else { &tp }, w)),
                }
            })
        };
        if ok {
            passed += 1;
        } else if verbose {
            let got: Vec<_> = past
                .iter()
                .map(|t| (&input[t.span.range()], t.from, t.to))
                .collect();
            let want: Vec<_> = in_scope
                .iter()
                .map(|r| {
                    (
                        r["Text"].to_string(),
                        r.get("Value")
                            .or(r.get("Resolution"))
                            .map(|v| v.to_string()),
                    )
                })
                .collect();
            eprintln!(
                "FAIL {} {input:?} ref {p}\n   want {want:?}\n   got  {got:?}",
                suite.name
            );
        }
    }
    (passed, total)
}

#[test]
fn recognizers_text_dates() {
    let Some(dir) = shared() else {
        println!("skipping: ../shared not found");
        return;
    };
    let out_re: Vec<Regex> = OUT_OF_SCOPE
        .iter()
        .map(|r| Regex::new(r).unwrap())
        .collect();
    let verbose = std::env::var_os("TALLY_TIME_VERBOSE").is_some();
    // Floors: the pass rate reached, rounded down, so a regression fails.
    // Convention differences are out of scope above, each with its reason;
    // what fails is real gaps (offsets from a date such as "2 weeks after
    // January 15", "next year's third quarter", "the first ten days of").
    let suites = [
        (
            Suite {
                name: "DateExtractor",
                resolve: false,
                model: false,
            },
            88.0,
        ),
        (
            Suite {
                name: "DateParser",
                resolve: true,
                model: false,
            },
            94.0,
        ),
        (
            Suite {
                name: "DatePeriodExtractor",
                resolve: false,
                model: false,
            },
            96.0,
        ),
        (
            Suite {
                name: "DatePeriodParser",
                resolve: true,
                model: false,
            },
            95.0,
        ),
        (
            Suite {
                name: "DateTimeModel",
                resolve: true,
                model: true,
            },
            82.0,
        ),
    ];
    for (suite, floor) in suites {
        let (passed, total) = run(&dir, &suite, &out_re, verbose);
        let rate = 100.0 * passed as f64 / total.max(1) as f64;
        println!("{}: {passed}/{total} in scope, {rate:.1}%", suite.name);
        assert!(total > 0, "{}: no case in scope", suite.name);
        assert!(
            rate >= floor,
            "{}: {rate:.1}% below floor {floor}%",
            suite.name
        );
    }
}
