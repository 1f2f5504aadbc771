//! External yardstick: the NewsReader MEANTIME corpus (120 English Wikinews
//! articles, read from ../shared/data/meantime, never copied here). Each
//! article is token-level XML whose TIMEX3 annotations are normalised
//! against the article's creation time (the TIMEX3 with
//! functionInDocument="CREATION_TIME"). The test rebuilds the text (tokens
//! joined by spaces), runs `find_times` anchored on that date, and counts
//! the DATE timexes valued YYYY, YYYY-MM or YYYY-MM-DD that an overlapping
//! expression resolves to exactly the same interval (or, when tally's span
//! is wider because it keeps a preposition or a range, whose kept end is
//! the timex's own: "since 1992" starts on 1992-01-01). A timex is read as
//! past (`future: false`) unless its period starts after the creation date:
//! it then names a planned event, which the extraction pipeline marks as
//! such (the sentence's verbs), so it is read forward (`future: true`).
//!
//! Out of scope, with the reason:
//! - parts of periods ("early 2009", "the end of last year"): this release
//!   of MEANTIME carries no `mod` attribute and values them as the whole
//!   period, while claims.md §2 fixes early/mid/late as thirds;
//! - "this year/month/week": claims.md §2 runs them up to publication, the
//!   annotation takes the whole unit;
//! - anaphora to another event of the text ("the day", "the same period",
//!   "that time", "its date", "three days later"): tally resolves against
//!   publication only and leaves these unresolved by convention.

use regex::Regex;

/// Timex texts out of scope (see the module comment).
const OUT_OF_SCOPE: &str = r"(?i)\b(early|mid|late|beginning|start|end|middle)\b|^this (year|month|week)$|\b(same|that|its|consecutive|later|earlier|previous)\b|^the (day|entire year|year)$";
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use tally_time::{find_times, Anchor, Date};

fn corpus() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/meantime/intra-doc_annotation");
    p.is_dir().then_some(p)
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn xml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            xml_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "xml") {
            out.push(p);
        }
    }
}

/// The interval a TIMEX3 value names, for the three calendar granularities.
fn interval(value: &str) -> Option<(Date, Date)> {
    let parts: Vec<&str> = value.split('-').collect();
    let y: i16 = parts.first()?.parse().ok()?;
    match parts.len() {
        1 if parts[0].len() == 4 => Some((Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?)),
        2 => {
            let first = Date::new(y, parts[1].parse().ok()?, 1).ok()?;
            Some((first, first.last_of_month()))
        }
        3 => {
            let d = Date::new(y, parts[1].parse().ok()?, parts[2].parse().ok()?).ok()?;
            Some((d, d))
        }
        _ => None,
    }
}

#[test]
fn meantime_dates() {
    let Some(dir) = corpus() else {
        println!("skipping: ../shared not found");
        return;
    };
    let token_re = Regex::new(r#"<token [^>]*t_id="(\d+)"[^>]*>([^<]*)</token>"#).unwrap();
    let timex_re = Regex::new(r#"(?s)<TIMEX3 ([^>]*)>(.*?)</TIMEX3>"#).unwrap();
    let attr_re = Regex::new(r#"(\w+)="([^"]*)""#).unwrap();
    let anchor_re = Regex::new(r#"t_id="(\d+)""#).unwrap();
    let out_re = Regex::new(OUT_OF_SCOPE).unwrap();
    let verbose = std::env::var_os("TALLY_TIME_VERBOSE").is_some();
    let mut files = Vec::new();
    xml_files(&dir, &mut files);
    files.sort();
    let (mut total, mut hit, mut docs) = (0usize, 0usize, 0usize);
    for f in &files {
        let xml = std::fs::read_to_string(f).unwrap();
        let mut text = String::new();
        let mut offsets: HashMap<String, (usize, usize)> = HashMap::new();
        for c in token_re.captures_iter(&xml) {
            if !text.is_empty() {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(&unescape(&c[2]));
            offsets.insert(c[1].to_string(), (start, text.len()));
        }
        let mut dct = None;
        let mut timexes = Vec::new();
        for c in timex_re.captures_iter(&xml) {
            let attrs: HashMap<&str, &str> = attr_re
                .captures_iter(c.get(1).unwrap().as_str())
                .map(|a| (a.get(1).unwrap().as_str(), a.get(2).unwrap().as_str()))
                .collect();
            let ids: Vec<String> = anchor_re
                .captures_iter(&c[2])
                .map(|a| a[1].to_string())
                .collect();
            if attrs.get("functionInDocument") == Some(&"CREATION_TIME") {
                dct = attrs
                    .get("value")
                    .and_then(|v| v.get(..10))
                    .and_then(|v| v.parse::<Date>().ok());
                continue;
            }
            if attrs.get("type") != Some(&"DATE") {
                continue;
            }
            let Some(iv) = attrs.get("value").and_then(|v| interval(v)) else {
                continue;
            };
            let spans: Vec<(usize, usize)> = ids
                .iter()
                .filter_map(|id| offsets.get(id).copied())
                .collect();
            let (Some(s), Some(e)) = (
                spans.iter().map(|s| s.0).min(),
                spans.iter().map(|s| s.1).max(),
            ) else {
                continue;
            };
            if out_re.is_match(&text[s..e]) {
                continue;
            }
            timexes.push((s, e, iv));
        }
        let Some(dct) = dct else { continue };
        docs += 1;
        let past = find_times(
            &text,
            Anchor {
                published: Some(dct),
                future: false,
            },
        );
        let planned = find_times(
            &text,
            Anchor {
                published: Some(dct),
                future: true,
            },
        );
        for (s, e, iv) in timexes {
            total += 1;
            let found = if iv.0 > dct { &planned } else { &past };
            // Exact, or (for "since 1992", "by 2008", "between April and June")
            // a wider expression whose kept side is the timex's own.
            let ok = found.iter().any(|t| {
                let overlaps = t.span.start < e && s < t.span.end;
                let exact = t.from == Some(iv.0) && t.to == Some(iv.1);
                let wider =
                    t.span.start <= s && e <= t.span.end && (t.span.start, t.span.end) != (s, e);
                let side = (t.from == Some(iv.0) && t.to.is_none_or(|to| to >= iv.1))
                    || (t.to == Some(iv.1) && t.from.is_none_or(|f| f <= iv.0));
                overlaps && (exact || (wider && side))
            });
            if ok {
                hit += 1;
            } else if verbose {
                let got: Vec<_> = found
                    .iter()
                    .filter(|t| t.span.start < e && s < t.span.end)
                    .map(|t| (&text[t.span.range()], t.from, t.to))
                    .collect();
                eprintln!("MISS {:?} want {iv:?} dct {dct} got {got:?}", &text[s..e]);
            }
        }
    }
    let rate = 100.0 * hit as f64 / total.max(1) as f64;
    println!("MEANTIME: {hit}/{total} DATE timexes (YYYY, YYYY-MM, YYYY-MM-DD) resolved exactly, {rate:.1}% over {docs} articles");
    assert!(docs >= 100, "only {docs} articles with a creation time");
    assert!(rate >= 93.0, "MEANTIME {rate:.1}% below floor 93%");
}
