//! Splitting text into the tokens the scanner reads: words, numbers, codes
//! (designations such as `M1989` or `2S19`) and single symbols.
//!
//! One pass over the text; offsets are bytes into it and always fall on char
//! boundaries. URLs and e-mail addresses are skipped whole.

/// What a token holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters only.
    Word,
    /// Digits with optional thousands separators and decimals.
    Num,
    /// Letters and digits glued together (`M1989`, `2S19`, `192.168.1.2`).
    Code,
    /// Any other single character.
    Sym,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// No whitespace between this token and the one before.
    pub glued: bool,
    /// The value of a `Num`.
    pub value: f64,
    /// For a `Num` written as plain digits (no separator, no decimals): how
    /// many; else 0.
    pub digits: u8,
}

const GROUP_SPACES: [char; 3] = ['\u{a0}', '\u{202f}', '\u{2009}'];

fn digit_at(b: &[u8], i: usize) -> bool {
    b.get(i).is_some_and(u8::is_ascii_digit)
}

/// Exactly three digits at `i`, not followed by another digit.
fn group_at(b: &[u8], i: usize) -> bool {
    digit_at(b, i) && digit_at(b, i + 1) && digit_at(b, i + 2) && !digit_at(b, i + 3)
}

struct NumLex {
    end: usize,
    value: f64,
    digits: u8,
    /// Several decimal points: a version or an address, not a number.
    dotted: bool,
}

/// How the integer digits of a number are being grouped so far.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sep {
    None,
    Comma,
    Space,
    Apostrophe,
}

/// Where Indian grouping that starts with the comma at `i` ends: one or
/// more two-digit groups, then one three-digit group ("1,00,000",
/// "12,34,56,789"), and no further group.
fn indian_end(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    let mut pairs = 0;
    while b.get(j) == Some(&b',')
        && digit_at(b, j + 1)
        && digit_at(b, j + 2)
        && b.get(j + 3) == Some(&b',')
    {
        j += 3;
        pairs += 1;
    }
    let end = j + 4;
    let closed = b.get(end) != Some(&b',') || !digit_at(b, end + 1);
    (pairs > 0 && b.get(j) == Some(&b',') && group_at(b, j + 1) && closed).then_some(end)
}

/// Where dotted thousands that start with the dot at `i` end: two or more
/// `.ddd` groups ("1.000.000"), nothing glued after. One group ("1.000") is
/// left to be read as a decimal, as English writes it.
fn dotted_end(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    let mut groups = 0;
    while b.get(j) == Some(&b'.') && group_at(b, j + 1) {
        j += 4;
        groups += 1;
    }
    let glued = b.get(j).is_some_and(u8::is_ascii_alphanumeric)
        || (b.get(j) == Some(&b'.') && digit_at(b, j + 1));
    (groups >= 2 && !glued).then_some(j)
}

/// A decimal comma at `i`: one or two digits after it, then no digit and no
/// further comma-and-digit ("1,5 million", "2,25"), after at most three
/// ungrouped digits.
fn decimal_comma(b: &[u8], i: usize) -> bool {
    let k = (1..=2).find(|&k| digit_at(b, i + k) && !digit_at(b, i + k + 1));
    k.is_some_and(|k| !(b.get(i + k + 1) == Some(&b',') && digit_at(b, i + k + 2)))
}

/// A group separator other than a comma at `i` ("40 000", "10'000",
/// "10’000"), and its width in bytes.
fn group_separator(text: &str, i: usize) -> Option<(Sep, usize)> {
    let c = text[i..].chars().next()?;
    let sep = if c == ' ' || GROUP_SPACES.contains(&c) {
        Sep::Space
    } else if c == '\'' || c == '\u{2019}' {
        Sep::Apostrophe
    } else {
        return None;
    };
    Some((sep, c.len_utf8()))
}

fn lex_number(text: &str, start: usize) -> NumLex {
    let b = text.as_bytes();
    let mut buf = [0u8; 48];
    let mut n = 0;
    let mut push = |c: u8, n: &mut usize| {
        if *n < buf.len() {
            buf[*n] = c;
            *n += 1;
        }
    };
    let mut i = start;
    let mut int_digits = 0usize;
    let mut sep = Sep::None;
    let mut decimal = false;
    let mut dotted = false;
    let mut first_group = 0usize;
    if b[i] == b'.' {
        push(b'0', &mut n);
    }
    loop {
        match b.get(i) {
            Some(c) if c.is_ascii_digit() => {
                push(*c, &mut n);
                if !decimal {
                    int_digits += 1;
                    if sep == Sep::None {
                        first_group += 1;
                    }
                }
                i += 1;
            }
            Some(b',') if !decimal && sep == Sep::None && first_group <= 2 && int_digits > 0 => {
                match indian_end(b, i) {
                    Some(end) => {
                        b[i..end]
                            .iter()
                            .filter(|c| c.is_ascii_digit())
                            .for_each(|c| push(*c, &mut n));
                        int_digits += end - i;
                        sep = Sep::Comma;
                        i = end;
                    }
                    None if group_at(b, i + 1) => {
                        sep = Sep::Comma;
                        i += 1;
                    }
                    None if decimal_comma(b, i) => {
                        decimal = true;
                        push(b'.', &mut n);
                        i += 1;
                    }
                    None => break,
                }
            }
            Some(b',') if !decimal && int_digits > 0 && matches!(sep, Sep::None | Sep::Comma) => {
                if group_at(b, i + 1) {
                    sep = Sep::Comma;
                    i += 1;
                } else if sep == Sep::None && first_group <= 3 && decimal_comma(b, i) {
                    decimal = true;
                    push(b'.', &mut n);
                    i += 1;
                } else {
                    break;
                }
            }
            Some(b'.') if digit_at(b, i + 1) => {
                if decimal {
                    dotted = true;
                    i += 1;
                    while b
                        .get(i)
                        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'.')
                    {
                        i += 1;
                    }
                    break;
                }
                if let Some(end) = (sep == Sep::None && first_group <= 3)
                    .then(|| dotted_end(b, i))
                    .flatten()
                {
                    b[i..end]
                        .iter()
                        .filter(|c| c.is_ascii_digit())
                        .for_each(|c| push(*c, &mut n));
                    int_digits += (end - i) / 4 * 3;
                    sep = Sep::Comma;
                    i = end;
                    continue;
                }
                decimal = true;
                push(b'.', &mut n);
                i += 1;
            }
            _ => {
                // Digit groups set off by a (thin or no-break) space or an
                // apostrophe: "40 000", "10'000"; one kind per number.
                match group_separator(text, i) {
                    Some((kind, w))
                        if !decimal
                            && first_group <= 3
                            && int_digits > 0
                            && (sep == Sep::None || sep == kind)
                            && group_at(b, i + w)
                            && (plain_after_group(b, i + w + 3)
                                || group_separator(text, i + w + 3)
                                    .is_some_and(|(k, _)| k == kind)) =>
                    {
                        sep = kind;
                        i += w;
                    }
                    _ => break,
                }
            }
        }
    }
    let value = std::str::from_utf8(&buf[..n])
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .unwrap_or(0.0);
    let digits = if sep != Sep::None || decimal || b[start] == b'.' {
        0
    } else {
        int_digits.min(255) as u8
    };
    NumLex {
        end: i,
        value,
        digits,
        dotted,
    }
}

/// After a space-separated digit group: the end, a space, or punctuation that
/// does not glue the group to something else.
fn plain_after_group(b: &[u8], i: usize) -> bool {
    match b.get(i) {
        None => true,
        Some(c) => {
            c.is_ascii_whitespace()
                || matches!(c, b',' | b';' | b')' | b'"' | b'\'' | b'!' | b'?' | b':')
                || *c == b'.'
        }
    }
}

fn is_alpha(c: char) -> bool {
    c.is_alphabetic()
}

/// The end of the run of letters and digits (and `.`/`-` inside one) from `i`.
fn code_end(text: &str, mut i: usize) -> usize {
    let b = text.as_bytes();
    loop {
        let Some(c) = text[i..].chars().next() else {
            return i;
        };
        if c.is_alphanumeric() {
            i += c.len_utf8();
        } else if (c == '.' || c == '/') && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric) {
            i += 1;
        } else {
            return i;
        }
    }
}

fn skip_to_space(text: &str, i: usize) -> usize {
    text[i..]
        .find(char::is_whitespace)
        .map_or(text.len(), |k| i + k)
}

/// Splits `text` into tokens.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let b = text.as_bytes();
    let mut toks: Vec<Token> = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0;
    let mut glued = false;
    let tok = |start, end, kind, glued, value, digits| Token {
        start,
        end,
        kind,
        glued,
        value,
        digits,
    };
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if c.is_whitespace() {
            i += c.len_utf8();
            glued = false;
            continue;
        }
        let rest = &b[i..];
        let starts = |p: &[u8]| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
        if starts(b"http://") || starts(b"https://") || starts(b"www.") {
            i = skip_to_space(text, i);
            continue;
        }
        let leading_dot = c == '.'
            && digit_at(b, i + 1)
            && !glued
            && toks.last().is_none_or(|t| t.kind != Kind::Num);
        if c.is_ascii_digit() || leading_dot {
            let lex = lex_number(text, i);
            let after = text[lex.end..].chars().next();
            if lex.dotted {
                toks.push(tok(i, lex.end, Kind::Code, glued, 0.0, 0));
                i = lex.end;
            } else if after.is_some_and(is_alpha) {
                // Digits then letters: a number with a suffix ("170mm",
                // "3rd"), unless more digits follow ("2S19", "9M723").
                let mut j = lex.end;
                while let Some(c) = text[j..].chars().next().filter(|c| is_alpha(*c)) {
                    j += c.len_utf8();
                }
                if digit_at(b, j) {
                    let end = code_end(text, j);
                    toks.push(tok(i, end, Kind::Code, glued, 0.0, 0));
                    i = end;
                } else {
                    toks.push(tok(i, lex.end, Kind::Num, glued, lex.value, lex.digits));
                    toks.push(tok(lex.end, j, Kind::Word, true, 0.0, 0));
                    i = j;
                }
            } else {
                toks.push(tok(i, lex.end, Kind::Num, glued, lex.value, lex.digits));
                i = lex.end;
            }
        } else if is_alpha(c) {
            let mut j = i;
            while let Some(c) = text[j..].chars().next().filter(|c| is_alpha(*c)) {
                j += c.len_utf8();
            }
            if digit_at(b, j) {
                let end = code_end(text, j);
                toks.push(tok(i, end, Kind::Code, glued, 0.0, 0));
                i = end;
            } else if b.get(j) == Some(&b'@') {
                i = skip_to_space(text, j);
            } else {
                toks.push(tok(i, j, Kind::Word, glued, 0.0, 0));
                i = j;
            }
        } else {
            let end = i + c.len_utf8();
            toks.push(tok(i, end, Kind::Sym, glued, 0.0, 0));
            i = end;
        }
        glued = true;
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(&str, Kind)> {
        tokenize(text)
            .into_iter()
            .map(|t| (&text[t.start..t.end], t.kind))
            .collect()
    }

    #[test]
    fn numbers_with_separators_and_decimals() {
        let t = tokenize("11,000 and 1.5 and 40\u{202f}000 and .50");
        let nums: Vec<f64> = t
            .iter()
            .filter(|t| t.kind == Kind::Num)
            .map(|t| t.value)
            .collect();
        assert_eq!(nums, vec![11000.0, 1.5, 40000.0, 0.5]);
        assert_eq!(t[0].digits, 0);
    }

    #[test]
    fn designations_are_codes() {
        assert_eq!(kinds("M1989"), vec![("M1989", Kind::Code)]);
        assert_eq!(kinds("2S19"), vec![("2S19", Kind::Code)]);
        assert_eq!(kinds("192.168.1.2"), vec![("192.168.1.2", Kind::Code)]);
        assert_eq!(kinds("170mm"), vec![("170", Kind::Num), ("mm", Kind::Word)]);
    }

    #[test]
    fn urls_are_skipped() {
        assert!(kinds("see https://x.org/a?id=300 now")
            .iter()
            .all(|(s, _)| !s.contains("300")));
    }

    #[test]
    fn plain_space_groups_only_when_clean() {
        let t = tokenize("1 234 567 people");
        assert_eq!(t[0].value, 1_234_567.0);
        let t = tokenize("12 155mm guns");
        assert_eq!(t[0].value, 12.0);
    }

    fn first_value(text: &str) -> (f64, &str) {
        let t = tokenize(text);
        (t[0].value, &text[t[0].start..t[0].end])
    }

    #[test]
    fn other_conventions_of_grouping_and_decimals() {
        assert_eq!(first_value("10'000 troops"), (10_000.0, "10'000"));
        assert_eq!(
            first_value("1\u{2019}250\u{2019}000 shells"),
            (1_250_000.0, "1\u{2019}250\u{2019}000")
        );
        assert_eq!(first_value("1,00,000 troops"), (100_000.0, "1,00,000"));
        assert_eq!(
            first_value("12,34,56,789 rupees"),
            (123_456_789.0, "12,34,56,789")
        );
        assert_eq!(first_value("1.000.000 rounds"), (1_000_000.0, "1.000.000"));
        assert_eq!(first_value("1,5 million"), (1.5, "1,5"));
        assert_eq!(first_value("12,25 tonnes"), (12.25, "12,25"));
        // Unchanged: English grouping and decimals, lists, one dotted group.
        assert_eq!(first_value("11,000 troops"), (11_000.0, "11,000"));
        assert_eq!(first_value("1,234,567 rounds"), (1_234_567.0, "1,234,567"));
        assert_eq!(first_value("1.5 million"), (1.5, "1.5"));
        assert_eq!(first_value("1990's"), (1990.0, "1990"));
        // Mixed separators are not one number.
        assert_eq!(first_value("10'000 000"), (10_000.0, "10'000"));
        assert_eq!(first_value("1,000'000"), (1_000.0, "1,000"));
    }
}
