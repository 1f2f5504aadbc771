//! Splitting text into the words, numbers and marks the grammar reads.

/// What a token is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// A run of letters, lower-cased; `cap` when it began with a capital.
    Word { lower: String, cap: bool },
    /// A run of ASCII digits, with an ordinal suffix ("7th") or thousands
    /// separators ("2,000") noted.
    Num {
        value: i64,
        digits: usize,
        ordinal: bool,
        grouped: bool,
    },
    /// Any other non-space character.
    Punct(char),
}

/// One token with its byte offsets and whether whitespace precedes it.
#[derive(Clone, Debug)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub space_before: bool,
    pub kind: TokKind,
}

impl Tok {
    pub fn word(&self) -> Option<&str> {
        match &self.kind {
            TokKind::Word { lower, .. } => Some(lower),
            _ => None,
        }
    }

    pub fn is_cap(&self) -> bool {
        matches!(self.kind, TokKind::Word { cap: true, .. })
    }

    pub fn punct(&self) -> Option<char> {
        match self.kind {
            TokKind::Punct(c) => Some(c),
            _ => None,
        }
    }
}

const ORDINAL_SUFFIXES: [&str; 4] = ["st", "nd", "rd", "th"];

/// Split `text` into tokens. Never fails; offsets are on char boundaries.
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let bytes = text.as_bytes();
    let mut chars = text.char_indices().peekable();
    let mut space_before = true;
    while let Some(&(i, c)) = chars.peek() {
        if c.is_whitespace() {
            space_before = true;
            chars.next();
            continue;
        }
        if c.is_ascii_digit() {
            let mut end = i;
            while end < bytes.len() && bytes[end].is_ascii_digit() {
                end += 1;
            }
            let mut grouped = false;
            // "2,000" and "1,250,000": a comma followed by exactly three digits.
            let first_len = end - i;
            while first_len <= 3
                && bytes.get(end) == Some(&b',')
                && bytes
                    .get(end + 1..end + 4)
                    .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                && !bytes.get(end + 4).is_some_and(u8::is_ascii_digit)
            {
                grouped = true;
                end += 4;
            }
            let digits_text: String = text[i..end].chars().filter(char::is_ascii_digit).collect();
            let mut ordinal = false;
            if !grouped {
                let rest = &text[end..];
                for suf in ORDINAL_SUFFIXES {
                    let is_suffix = rest.len() >= 2
                        && rest.is_char_boundary(2)
                        && rest[..2].eq_ignore_ascii_case(suf)
                        && !rest[2..].starts_with(|c: char| c.is_alphanumeric());
                    if is_suffix {
                        ordinal = true;
                        end += 2;
                        break;
                    }
                }
            }
            let value = if digits_text.len() > 15 {
                i64::MAX
            } else {
                digits_text.parse().unwrap_or(i64::MAX)
            };
            toks.push(Tok {
                start: i,
                end,
                space_before,
                kind: TokKind::Num {
                    value,
                    digits: digits_text.len(),
                    ordinal,
                    grouped,
                },
            });
            while chars.peek().is_some_and(|&(j, _)| j < end) {
                chars.next();
            }
        } else if c.is_alphabetic() {
            let mut end = i;
            let mut lower = String::new();
            while let Some(&(j, ch)) = chars.peek() {
                if !ch.is_alphabetic() {
                    break;
                }
                lower.extend(ch.to_lowercase());
                end = j + ch.len_utf8();
                chars.next();
            }
            toks.push(Tok {
                start: i,
                end,
                space_before,
                kind: TokKind::Word {
                    lower,
                    cap: c.is_uppercase(),
                },
            });
        } else {
            let end = i + c.len_utf8();
            // Curly apostrophes and dashes read as their plain forms.
            let c = match c {
                '\u{2019}' | '\u{2018}' => '\'',
                '\u{2013}' | '\u{2014}' | '\u{2012}' | '\u{2212}' => '-',
                other => other,
            };
            toks.push(Tok {
                start: i,
                end,
                space_before,
                kind: TokKind::Punct(c),
            });
            chars.next();
        }
        space_before = false;
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_words_marks() {
        let t = tokenize("On 7th Jan, 2,000 troops; mid-2025 é");
        let kinds: Vec<_> = t.iter().map(|t| t.kind.clone()).collect();
        assert_eq!(t[0].word(), Some("on"));
        assert!(matches!(
            kinds[1],
            TokKind::Num {
                value: 7,
                ordinal: true,
                ..
            }
        ));
        assert!(matches!(
            kinds[4],
            TokKind::Num {
                value: 2000,
                grouped: true,
                ..
            }
        ));
        assert_eq!(t[8].punct(), Some('-'));
        assert!(!t[9].space_before);
        assert_eq!(t.last().and_then(|t| t.word()), Some("é"));
    }

    #[test]
    fn long_digit_runs_do_not_overflow() {
        let t = tokenize("99999999999999999999999");
        assert!(matches!(
            t[0].kind,
            TokKind::Num {
                value: i64::MAX,
                ..
            }
        ));
    }
}
