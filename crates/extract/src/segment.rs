//! Segmentation of news English into units: sentences, headlines and list
//! items, as byte spans into the text.
//!
//! Lines are paragraphs: a unit never crosses a line break. A short,
//! title-like line without final punctuation is a [`UnitKind::Headline`]; a
//! line opening with a bullet (`- `, `* `, `• `, `1. `) holds
//! [`UnitKind::ListItem`]s, whose spans leave the bullet out. Everything else
//! is split into sentences at `.`, `!`, `?` and `…` followed by a space and a
//! capital, digit or quote, except after abbreviations
//! (`data/segment/abbreviations.txt`), initials ("John F. Kennedy") and
//! inside a quotation that goes on (`"... more. Then," he said.`). Decimals
//! ("1.5") never split, having no space after the point.
//!
//! ```
//! use tally_extract::segment::{segment, UnitKind};
//! let text = "Allies Pledge More Shells\nGen. Ode said 1.5 million were sent. More will follow.";
//! let units = segment(text);
//! assert_eq!(units.len(), 3);
//! assert_eq!(units[0].kind, UnitKind::Headline);
//! assert_eq!(&text[units[1].span.range()], "Gen. Ode said 1.5 million were sent.");
//! ```

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;
use tally_core::Span;

/// What a unit of text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnitKind {
    Sentence,
    Headline,
    ListItem,
}

/// A sentence, headline or list item: its span (trimmed of surrounding
/// whitespace; a list item's without its bullet) and kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Unit {
    pub span: Span,
    pub kind: UnitKind,
}

/// A line longer than this many words is not a headline.
const HEADLINE_MAX_WORDS: usize = 15;

/// The units of `text`, in order and non-overlapping, covering every
/// non-blank part of it (list bullets aside). Never fails.
pub fn segment(text: &str) -> Vec<Unit> {
    let mut units = Vec::with_capacity(text.len() / 100 + 4);
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
            line(text, start, i, &mut units);
            start = i + c.len_utf8();
        }
    }
    line(text, start, text.len(), &mut units);
    units
}

/// The units of one line, `text[start..end]`.
fn line(text: &str, start: usize, end: usize, units: &mut Vec<Unit>) {
    let Some((start, end)) = trim(text, start, end) else {
        return;
    };
    let (content, item) = match bullet(&text[start..end]) {
        Some(len) => (trim(text, start + len, end).map_or(end, |(s, _)| s), true),
        None => (start, false),
    };
    let first = units.len();
    sentences(text, content, end, units);
    let kind = if item {
        UnitKind::ListItem
    } else if units.len() == first + 1 && is_headline(&text[content..end]) {
        UnitKind::Headline
    } else {
        UnitKind::Sentence
    };
    for u in &mut units[first..] {
        u.kind = kind;
    }
}

/// `text[start..end]` without surrounding whitespace, or `None` when blank.
fn trim(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let s = &text[start..end];
    let t = s.trim();
    if t.is_empty() {
        return None;
    }
    let lead = s.len() - s.trim_start().len();
    Some((start + lead, start + lead + t.len()))
}

/// The length of the bullet a line opens with, its space included.
fn bullet(line: &str) -> Option<usize> {
    for b in ["- ", "* ", "• ", "· ", "– "] {
        if line.starts_with(b) && line.len() > b.len() {
            return Some(b.len());
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &line.as_bytes()[digits..];
    let numbered = (1..=3).contains(&digits)
        && rest.len() > 2
        && matches!(rest[0], b'.' | b')')
        && rest[1] == b' ';
    numbered.then_some(digits + 2)
}

/// Short, title-like, and without final punctuation.
fn is_headline(line: &str) -> bool {
    let body = line.trim_end_matches(is_closer);
    let punctuated = body.ends_with(['.', '!', '?', ':', '…']);
    let first = line.trim_start_matches(is_opener).chars().next();
    let title_like = first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    !punctuated && title_like && line.split_whitespace().count() <= HEADLINE_MAX_WORDS
}

/// Split `text[start..end]` (trimmed) into sentences.
fn sentences(text: &str, start: usize, end: usize, units: &mut Vec<Unit>) {
    let mut unit_start = start;
    let mut in_quote = false;
    let mut i = start;
    while i < end {
        // jump over plain ASCII that neither quotes nor ends a sentence
        match text.as_bytes()[i..end]
            .iter()
            .position(|&b| matches!(b, b'"' | b'.' | b'!' | b'?') || !b.is_ascii())
        {
            Some(n) => i += n,
            None => break,
        }
        let Some(c) = text[i..end].chars().next() else {
            break;
        };
        match c {
            '"' => in_quote = !in_quote,
            '“' | '«' => in_quote = true,
            '”' | '»' => in_quote = false,
            _ => {}
        }
        if !is_terminator(c) {
            i += c.len_utf8();
            continue;
        }
        let term_start = i;
        let term_end = skip(text, i, end, is_terminator);
        let mut j = term_end;
        for c in text[term_end..end].chars().take_while(|&c| is_closer(c)) {
            if matches!(c, '"' | '”' | '»') {
                in_quote = false;
            }
            j += c.len_utf8();
        }
        let next = skip(text, j, end, char::is_whitespace);
        if next > j && next < end && opens_sentence(text, next, term_start, term_end) {
            let held = in_quote && quote_goes_on(text, next, end)
                || ends_with_abbreviation(text, unit_start, term_start, term_end, next);
            if !held {
                push_capped(text, unit_start, j, units);
                unit_start = next;
            }
        }
        i = next.max(j);
    }
    if unit_start < end {
        push_capped(text, unit_start, end, units);
    }
}

/// Longest sentence unit, in bytes (some 700 words, far beyond any real
/// sentence). Text without sentence punctuation is cut into units of at
/// most this, at white space, so that work done per unit, which grows
/// faster than its length, stays bounded.
const MAX_UNIT_BYTES: usize = 4096;

/// Push the sentence `text[start..end]`, cut at white space into units no
/// longer than [`MAX_UNIT_BYTES`] (mid-word only when a single word is).
fn push_capped(text: &str, mut start: usize, end: usize, units: &mut Vec<Unit>) {
    while end - start > MAX_UNIT_BYTES {
        let mut limit = start + MAX_UNIT_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &text[start..limit];
        let cut = match window.rfind(char::is_whitespace) {
            Some(k) if !window[..k].trim_end().is_empty() => start + window[..k].trim_end().len(),
            _ => limit,
        };
        units.push(Unit {
            span: Span::new(start, cut),
            kind: UnitKind::Sentence,
        });
        start = skip(text, cut, end, char::is_whitespace);
    }
    if start < end {
        units.push(Unit {
            span: Span::new(start, end),
            kind: UnitKind::Sentence,
        });
    }
}

/// The first position from `i` whose character fails `pred`.
fn skip(text: &str, i: usize, end: usize, pred: impl Fn(char) -> bool) -> usize {
    text[i..end].find(|c: char| !pred(c)).map_or(end, |n| i + n)
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Closing quotes and brackets, which stay with the sentence they close.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | '»' | ')' | ']')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '“' | '‘' | '\'' | '«' | '(' | '[')
}

/// Can a sentence start at `text[at..]`, after the terminators
/// `text[term_start..term_end]`? A capital, a quote or bracket, a letter of
/// a script without case, or (except after an ellipsis) a digit.
fn opens_sentence(text: &str, at: usize, term_start: usize, term_end: usize) -> bool {
    let Some(c) = text[at..].chars().next() else {
        return false;
    };
    let ellipsis = text[term_start..term_end].contains('…') || term_end - term_start >= 3;
    c.is_uppercase()
        || is_opener(c)
        || (c.is_alphabetic() && !c.is_lowercase())
        || (c.is_ascii_digit() && !ellipsis)
}

/// Inside an open quotation, is the quotation still going on: does it close
/// with a comma and a lowercase attribution (`... more," he said`)?
fn quote_goes_on(text: &str, from: usize, end: usize) -> bool {
    let rest = &text[from..end];
    let Some(q) = rest.find(['"', '”', '»']) else {
        return false;
    };
    let before_comma = rest[..q].trim_end().ends_with(',');
    let quote_len = rest[q..].chars().next().map_or(1, char::len_utf8);
    let after = rest[q + quote_len..].trim_start();
    before_comma && after.chars().next().is_some_and(char::is_lowercase)
}

/// Does the single period at `term_start` end an abbreviation or initial
/// rather than the sentence?
fn ends_with_abbreviation(
    text: &str,
    unit_start: usize,
    term_start: usize,
    term_end: usize,
    next: usize,
) -> bool {
    if term_end - term_start != 1 || text.as_bytes()[term_start] != b'.' {
        return false;
    }
    let before = &text[unit_start..term_start];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || is_opener(c))
        .map_or(0, |n| {
            n + before[n..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &text[unit_start + word_start..term_start + 1];
    let abbr = abbreviations();
    if abbr.never.contains(word) {
        return true;
    }
    let mut letters = word[..word.len() - 1].chars();
    if letters.next().is_some_and(char::is_uppercase) && letters.next().is_none() {
        return true; // an initial
    }
    if abbr.sometimes.contains(word) || is_dotted_acronym(word) {
        let next_word: &str = {
            let rest = text[next..].trim_start_matches(is_opener);
            let len = rest
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len());
            &rest[..len]
        };
        return !abbr.starters.contains(next_word);
    }
    false
}

/// Single letters each followed by a period: "D.C.", "N.Y.".
fn is_dotted_acronym(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 4
        && b.chunks(2)
            .all(|p| p.len() == 2 && p[0].is_ascii_alphabetic() && p[1] == b'.')
}

/// The word lists of `data/segment/abbreviations.txt`.
struct Abbreviations {
    never: HashSet<&'static str>,
    sometimes: HashSet<&'static str>,
    starters: HashSet<&'static str>,
}

const ABBREVIATIONS: &str = include_str!("../../../data/segment/abbreviations.txt");

fn abbreviations() -> &'static Abbreviations {
    static LISTS: OnceLock<Abbreviations> = OnceLock::new();
    LISTS.get_or_init(|| parse_abbreviations(ABBREVIATIONS))
}

fn parse_abbreviations(src: &'static str) -> Abbreviations {
    let mut lists = Abbreviations {
        never: HashSet::default(),
        sometimes: HashSet::default(),
        starters: HashSet::default(),
    };
    let mut section = "";
    for line in src.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name;
            continue;
        }
        let set = match section {
            "never" => &mut lists.never,
            "sometimes" => &mut lists.sometimes,
            "starters" => &mut lists.starters,
            _ => continue,
        };
        set.extend(line.split_whitespace());
    }
    lists
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn an_unpunctuated_run_is_cut_into_bounded_units_at_white_space() {
        let text = "twelve tanks were sent and ".repeat(2_000);
        let units = segment(&text);
        assert!(units.len() > 10, "{}", units.len());
        let mut words = Vec::new();
        let mut last = 0;
        for u in &units {
            assert!(u.span.end - u.span.start <= MAX_UNIT_BYTES);
            assert!(u.span.start >= last);
            last = u.span.end;
            words.extend(text[u.span.range()].split_whitespace());
        }
        assert_eq!(words, text.split_whitespace().collect::<Vec<_>>());
        let glued = "x".repeat(10_000);
        let units = segment(&glued);
        assert_eq!(units.len(), 3);
        assert_eq!(units[2].span.end, glued.len());
    }

    /// The texts and kinds of the units of `text`.
    fn units(text: &str) -> Vec<(&str, UnitKind)> {
        segment(text)
            .into_iter()
            .map(|u| (&text[u.span.range()], u.kind))
            .collect()
    }

    fn sentences_of(text: &str) -> Vec<&str> {
        units(text).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn the_data_file_has_every_section() {
        let a = abbreviations();
        assert!(a.never.contains("Gen.") && a.never.contains("Sept."));
        assert!(a.sometimes.contains("U.S.") && a.sometimes.contains("p.m."));
        assert!(a.starters.contains("The"));
        let custom = parse_abbreviations("# c\n[never]\nAbc. # x\n[other]\nXyz.\n");
        assert!(custom.never.contains("Abc.") && !custom.never.contains("Xyz."));
    }

    #[test]
    fn splits_at_sentence_ends() {
        assert_eq!(
            sentences_of("Ten trucks left. Two came back! Why? \"Nobody knows.\" 40 more wait."),
            [
                "Ten trucks left.",
                "Two came back!",
                "Why?",
                "\"Nobody knows.\"",
                "40 more wait."
            ]
        );
        assert_eq!(
            sentences_of("It ended… Then it began."),
            ["It ended…", "Then it began."]
        );
        assert_eq!(sentences_of("No final stop here"), ["No final stop here"]);
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences_of(
                "Lt. Gen. Ana Ruiz met Mr. Bo on Sept. 3 at No. 5 Elm St. in the capital."
            ),
            ["Lt. Gen. Ana Ruiz met Mr. Bo on Sept. 3 at No. 5 Elm St. in the capital."]
        );
        assert_eq!(
            sentences_of("Drones, shells, e.g. Type 9, and mortars vs. rockets arrived."),
            ["Drones, shells, e.g. Type 9, and mortars vs. rockets arrived."]
        );
    }

    #[test]
    fn ambiguous_abbreviations_end_a_sentence_before_a_starter() {
        assert_eq!(
            sentences_of("The U.S. Army sent 40. Aid went to the U.S. The rest stayed."),
            [
                "The U.S. Army sent 40.",
                "Aid went to the U.S.",
                "The rest stayed."
            ]
        );
        assert_eq!(
            sentences_of("It hit at 5 p.m. Officials said so."),
            ["It hit at 5 p.m.", "Officials said so."]
        );
        assert_eq!(
            sentences_of("Troops left Washington, D.C. Monday night."),
            ["Troops left Washington, D.C. Monday night."]
        );
    }

    #[test]
    fn initials_and_decimals() {
        assert_eq!(
            sentences_of("Harry S. Truman read it. Output rose 1.5 times to 2.75 million."),
            [
                "Harry S. Truman read it.",
                "Output rose 1.5 times to 2.75 million."
            ]
        );
    }

    #[test]
    fn quotations() {
        // A quotation that goes on to a comma and an attribution stays whole.
        assert_eq!(
            sentences_of("\"We sent forty. More will come,\" the envoy said. Then he left."),
            [
                "\"We sent forty. More will come,\" the envoy said.",
                "Then he left."
            ]
        );
        assert_eq!(
            sentences_of("“We sent forty. More will come,” she said."),
            ["“We sent forty. More will come,” she said."]
        );
        // Closing quotes and brackets stay with their sentence.
        assert_eq!(
            sentences_of("He said: “It is done.” (The base was hit.) Later, calm."),
            [
                "He said: “It is done.”",
                "(The base was hit.)",
                "Later, calm."
            ]
        );
        assert_eq!(
            sentences_of("\"Why now?\" she asked."),
            ["\"Why now?\" she asked."]
        );
    }

    #[test]
    fn ellipsis_mid_sentence() {
        assert_eq!(
            sentences_of("The count was... uncertain, then 300."),
            ["The count was... uncertain, then 300."]
        );
        assert_eq!(
            sentences_of("He waited... 20 minutes."),
            ["He waited... 20 minutes."]
        );
    }

    #[test]
    fn headlines_and_lines() {
        let text = "Border Guards Report 300 Crossings\r\n\r\nThe guards counted 300. None were stopped.\r\nby a staff writer\r\n";
        assert_eq!(
            units(text),
            [
                ("Border Guards Report 300 Crossings", UnitKind::Headline),
                ("The guards counted 300.", UnitKind::Sentence),
                ("None were stopped.", UnitKind::Sentence),
                ("by a staff writer", UnitKind::Sentence),
            ]
        );
        assert_eq!(
            units("Live: the latest on the talks")[0].1,
            UnitKind::Headline
        );
        assert_eq!(units("Key numbers:")[0].1, UnitKind::Sentence);
        let long = "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen";
        assert_eq!(units(long)[0].1, UnitKind::Sentence);
    }

    #[test]
    fn list_items_leave_out_the_bullet() {
        let text = "What was pledged:\n- 12 guns from one ally\n* 300 shells\n• Two radars. Both arrived.\n1. Fuel\n10) Trucks\n-\n";
        assert_eq!(
            units(text),
            [
                ("What was pledged:", UnitKind::Sentence),
                ("12 guns from one ally", UnitKind::ListItem),
                ("300 shells", UnitKind::ListItem),
                ("Two radars.", UnitKind::ListItem),
                ("Both arrived.", UnitKind::ListItem),
                ("Fuel", UnitKind::ListItem),
                ("Trucks", UnitKind::ListItem),
                ("-", UnitKind::Sentence),
            ]
        );
    }

    #[test]
    fn multibyte_text() {
        let text = "Żołnierze przybyli. Über 40 Panzer 🎉 kamen an. 東京 reported it. ²³ Done.";
        let got = sentences_of(text);
        assert_eq!(
            got,
            [
                "Żołnierze przybyli.",
                "Über 40 Panzer 🎉 kamen an.",
                "東京 reported it. ²³ Done."
            ]
        );
        assert!(segment("").is_empty());
        assert!(segment(" \n\t\r\n ").is_empty());
    }

    /// Every non-whitespace character is in a unit, or in the bullet before
    /// a list item on its line.
    fn check_invariants(text: &str) {
        let units = segment(text);
        let mut covered = vec![false; text.len()];
        let mut last_end = 0;
        for u in &units {
            let (s, e) = (u.span.start, u.span.end);
            assert!(s < e, "empty unit in {text:?}");
            assert!(
                s >= last_end,
                "units overlap or are out of order in {text:?}"
            );
            assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
            let t = &text[s..e];
            assert_eq!(t, t.trim(), "untrimmed unit in {text:?}");
            if u.kind == UnitKind::ListItem {
                let line_start = text[..s]
                    .rfind(['\n', '\r', '\u{2028}', '\u{2029}'])
                    .map_or(0, |n| n + 1);
                covered[line_start..s].iter_mut().for_each(|c| *c = true);
            }
            covered[s..e].iter_mut().for_each(|c| *c = true);
            last_end = e;
        }
        for (i, c) in text.char_indices() {
            assert!(
                c.is_whitespace() || covered[i],
                "{c:?} at {i} uncovered in {text:?}"
            );
        }
    }

    fn news_like() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "Gen.", "U.S.", "p.m.", "F.", "1.5", "40", "The", "troops", "said", ". ", "! ", "? ",
            "…", "...", "\"", "“", "”", "’", "'", ",", " ", "  ", "\n", "\r\n", "\r", "- ", "* ",
            "• ", "1. ", "10) ", "Ż", "é", "🎉", "東京", "\u{2028}", "\t", ")", "(", ":",
        ]);
        prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn invariants_hold_on_news_like_text(text in news_like()) {
            check_invariants(&text);
        }

        #[test]
        fn invariants_hold_on_any_text(text in any::<String>()) {
            check_invariants(&text);
        }
    }
}
