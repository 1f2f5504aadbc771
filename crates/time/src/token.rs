//! Splitting text into the words, numbers and marks the grammar reads.

/// What a token is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// A run of letters; its lower-cased form is bytes `lo..hi` of the
    /// tokenization's lower-case buffer; `cap` when it began with a capital.
    Word { lo: u32, hi: u32, cap: bool },
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

/// A text's tokens and the lower-cased forms of its words, one buffer for
/// all of them (no allocation per word).
#[derive(Clone, Debug, Default)]
pub(crate) struct Tokens {
    pub toks: Vec<Tok>,
    pub lower: String,
}

impl Tok {
    /// The lower-cased word, read from the buffer `lower` of its tokenization.
    pub fn word<'a>(&self, lower: &'a str) -> Option<&'a str> {
        match self.kind {
            TokKind::Word { lo, hi, .. } => lower.get(lo as usize..hi as usize),
            _ => None,
        }
    }

    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokKind::Word { .. })
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
pub(crate) fn tokenize(text: &str) -> Tokens {
    // about one token per five bytes of English
    let mut toks = Vec::with_capacity(text.len() / 4 + 4);
    let mut buf = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut pos = 0;
    let mut space_before = true;
    while let Some((c, len)) = char_at(text, pos) {
        let i = pos;
        if c.is_whitespace() {
            space_before = true;
            pos += len;
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
            // the digits without their separators, read without allocating
            let digit_count = bytes[i..end].iter().filter(|b| b.is_ascii_digit()).count();
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
            let value = if digit_count > 15 {
                i64::MAX
            } else {
                bytes[i..end]
                    .iter()
                    .filter(|b| b.is_ascii_digit())
                    .fold(0i64, |v, b| v * 10 + i64::from(b - b'0'))
            };
            toks.push(Tok {
                start: i,
                end,
                space_before,
                kind: TokKind::Num {
                    value,
                    digits: digit_count,
                    ordinal,
                    grouped,
                },
            });
            pos = end;
        } else if c.is_alphabetic() {
            let lo = buf.len();
            while let Some((ch, len)) = char_at(text, pos) {
                if !ch.is_alphabetic() {
                    break;
                }
                if ch.is_ascii() {
                    buf.push(ch.to_ascii_lowercase());
                } else {
                    buf.extend(ch.to_lowercase());
                }
                pos += len;
            }
            let end = pos;
            toks.push(Tok {
                start: i,
                end,
                space_before,
                kind: TokKind::Word {
                    lo: offset(lo),
                    hi: offset(buf.len()),
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
            pos = end;
        }
        space_before = false;
    }
    Tokens { toks, lower: buf }
}

/// The character at byte `at` of `text` and its length; ASCII without
/// decoding.
fn char_at(text: &str, at: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(at)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    let c = text.get(at..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// A buffer offset as stored in a token. Texts over 4 GiB saturate, so
/// their later words read as empty rather than wrong.
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_words_marks() {
        let all = tokenize("On 7th Jan, 2,000 troops; mid-2025 É");
        let t = &all.toks;
        let kinds: Vec<_> = t.iter().map(|t| t.kind.clone()).collect();
        assert_eq!(t[0].word(&all.lower), Some("on"));
        assert_eq!(t[2].word(&all.lower), Some("jan"));
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
        assert_eq!(t.last().and_then(|t| t.word(&all.lower)), Some("é"));
    }

    #[test]
    fn long_digit_runs_do_not_overflow() {
        let t = tokenize("99999999999999999999999").toks;
        assert!(matches!(
            t[0].kind,
            TokKind::Num {
                value: i64::MAX,
                ..
            }
        ));
    }
}
