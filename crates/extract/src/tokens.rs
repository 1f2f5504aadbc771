//! A small word tokenizer over one unit of text: words (with inner hyphens
//! and dots), numbers (with thousands separators and decimals), possessive
//! markers and punctuation, each as a byte span into the document.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokKind {
    Word,
    Number,
    /// `'s`, `’s`, or a lone apostrophe after a plural.
    Possessive,
    Punct,
}

/// One token: its byte span in the document text and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Tokenize `text[span]` (document offsets are kept).
pub(crate) fn tokenize(text: &str, start: usize, end: usize) -> Vec<Tok> {
    let Some(slice) = text.get(start..end) else {
        return Vec::new();
    };
    // the characters of the slice, in a buffer each thread reuses
    thread_local! {
        static CHARS: std::cell::RefCell<Vec<(usize, char)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    CHARS.with(|buf| match buf.try_borrow_mut() {
        Ok(mut chars) => {
            chars.clear();
            chars.extend(slice.char_indices());
            tokenize_chars(&chars, start, end)
        }
        Err(_) => tokenize_chars(&slice.char_indices().collect::<Vec<_>>(), start, end),
    })
}

/// Tokenize the characters `chars` (offsets from `start`) of `text[start..end]`.
fn tokenize_chars(chars: &[(usize, char)], start: usize, end: usize) -> Vec<Tok> {
    let mut out = Vec::new();
    let n = chars.len();
    // about one token per five characters of English
    out.reserve(n / 4 + 4);
    let at = |i: usize| -> usize {
        if i < n {
            start + chars[i].0
        } else {
            end
        }
    };
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if is_apostrophe(c) {
            // possessive 's / ’s
            if i + 1 < n
                && (chars[i + 1].1 == 's' || chars[i + 1].1 == 'S')
                && (i + 2 >= n || !chars[i + 2].1.is_alphanumeric())
                && i > 0
                && chars[i - 1].1.is_alphanumeric()
            {
                out.push(Tok {
                    start: at(i),
                    end: at(i + 2),
                    kind: TokKind::Possessive,
                });
                i += 2;
                continue;
            }
            if i > 0 && (chars[i - 1].1 == 's') && (i + 1 >= n || !chars[i + 1].1.is_alphanumeric())
            {
                out.push(Tok {
                    start: at(i),
                    end: at(i + 1),
                    kind: TokKind::Possessive,
                });
                i += 1;
                continue;
            }
            out.push(Tok {
                start: at(i),
                end: at(i + 1),
                kind: TokKind::Punct,
            });
            i += 1;
            continue;
        }
        if c.is_alphanumeric() || c == '$' || c == '€' || c == '£' {
            let s = i;
            let mut has_alpha = false;
            i += 1;
            if c.is_alphabetic() {
                has_alpha = true;
            }
            while i < n {
                let d = chars[i].1;
                if d.is_alphanumeric() {
                    if d.is_alphabetic() {
                        has_alpha = true;
                    }
                    i += 1;
                } else if (d == '-' || d == '.' || d == ',' || d == '/')
                    && i + 1 < n
                    && chars[i + 1].1.is_alphanumeric()
                {
                    // inner joiners: "self-propelled", "11,000", "1.5", "KN-23/KN-24"
                    if d == ','
                        && !(chars[i - 1].1.is_ascii_digit() && chars[i + 1].1.is_ascii_digit())
                    {
                        break;
                    }
                    if d == '.'
                        && !(chars[i + 1].1.is_ascii_digit() || chars[i - 1].1.is_uppercase())
                    {
                        break;
                    }
                    // a number then a word ("200-strong", "72-hour"): two
                    // tokens, so the number can be a figure of its own
                    if d == '-' && !has_alpha && chars[i + 1].1.is_alphabetic() {
                        break;
                    }
                    i += 1;
                } else if is_apostrophe(d)
                    && i + 1 < n
                    && chars[i + 1].1.is_alphabetic()
                    && !(matches!(chars[i + 1].1, 's' | 'S')
                        && (i + 2 >= n || !chars[i + 2].1.is_alphanumeric()))
                {
                    // O'Brien, don't
                    i += 1;
                } else {
                    break;
                }
            }
            let kind = if has_alpha {
                TokKind::Word
            } else {
                TokKind::Number
            };
            out.push(Tok {
                start: at(s),
                end: at(i),
                kind,
            });
            continue;
        }
        out.push(Tok {
            start: at(i),
            end: at(i + 1),
            kind: TokKind::Punct,
        });
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<&str> {
        tokenize(t, 0, t.len())
            .iter()
            .map(|k| &t[k.start..k.end])
            .collect()
    }

    #[test]
    fn splits_possessives_and_keeps_numbers() {
        assert_eq!(
            words("Norway’s 12,500 self-propelled guns, 1.5 tonnes."),
            vec![
                "Norway",
                "’s",
                "12,500",
                "self-propelled",
                "guns",
                ",",
                "1.5",
                "tonnes",
                "."
            ]
        );
        assert_eq!(
            words("the allies' jets"),
            vec!["the", "allies", "'", "jets"]
        );
    }

    #[test]
    fn a_number_glued_to_a_word_by_a_hyphen_is_its_own_token() {
        assert_eq!(
            words("a 200-strong unit, F-16s and KN-23/KN-24"),
            vec![
                "a",
                "200",
                "-",
                "strong",
                "unit",
                ",",
                "F-16s",
                "and",
                "KN-23/KN-24"
            ]
        );
    }

    #[test]
    fn offsets_are_document_offsets() {
        let t = "xx — 9 tanks";
        let toks = tokenize(t, 3, t.len());
        assert_eq!(&t[toks[0].start..toks[0].end], "—");
        assert_eq!(toks.len(), 3);
    }
}
