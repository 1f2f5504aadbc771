//! The text as the scanner reads it: format characters (zero-width spaces
//! and joiners, the byte-order mark, bidi marks and isolates, the soft
//! hyphen) dropped, full-width and Arabic-Indic digits written as ASCII,
//! with a map back to byte offsets of the original text.
//!
//! Most texts have none of these characters; they are scanned as they are,
//! with no copy.

/// What the scanner reads instead of `c`: `None` drops it, `Some(d)` reads
/// it as the ASCII character `d`; `c` itself when it is not listed.
fn replacement(c: char) -> Option<Option<char>> {
    match c {
        '\u{00ad}'
        | '\u{061c}'
        | '\u{180e}'
        | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{feff}' => Some(None),
        '\u{ff10}'..='\u{ff19}' => Some(ascii_digit(c as u32 - 0xff10)),
        '\u{0660}'..='\u{0669}' => Some(ascii_digit(c as u32 - 0x0660)),
        '\u{06f0}'..='\u{06f9}' => Some(ascii_digit(c as u32 - 0x06f0)),
        '\u{066b}' => Some(Some('.')),
        '\u{066c}' => Some(Some(',')),
        _ => None,
    }
}

fn ascii_digit(d: u32) -> Option<char> {
    char::from_digit(d, 10)
}

/// A text rewritten for the scanner, and where each of its bytes came from.
pub(crate) struct Normal {
    pub text: String,
    /// For each byte of `text`, and one past its end, the byte offset in the
    /// original text.
    origin: Vec<usize>,
}

impl Normal {
    /// `None` when the text has nothing to rewrite.
    pub(crate) fn of(text: &str) -> Option<Normal> {
        // Every listed character is two or three bytes in UTF-8 and starts
        // with one of these bytes; a text without them is returned as is.
        if !text
            .bytes()
            .any(|b| matches!(b, 0xc2 | 0xd8 | 0xd9 | 0xdb | 0xe1 | 0xe2 | 0xef))
        {
            return None;
        }
        if !text.chars().any(|c| replacement(c).is_some()) {
            return None;
        }
        let mut out = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len() + 1);
        for (i, c) in text.char_indices() {
            let put = match replacement(c) {
                Some(r) => r,
                None => Some(c),
            };
            if let Some(p) = put {
                out.push(p);
                origin.extend(std::iter::repeat_n(i, p.len_utf8()));
            }
        }
        origin.push(text.len());
        Some(Normal { text: out, origin })
    }

    /// The original byte range of the rewritten range `start..end`: from
    /// the first character kept to the end of the last one, so dropped
    /// characters inside stay inside.
    pub(crate) fn original(&self, start: usize, end: usize, text: &str) -> (usize, usize) {
        let s = self.origin.get(start).copied().unwrap_or(text.len());
        if end <= start {
            return (s, s);
        }
        let last = self.origin.get(end - 1).copied().unwrap_or(text.len());
        let e = text[last..]
            .chars()
            .next()
            .map_or(text.len(), |c| last + c.len_utf8());
        (s, e.max(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_not_copied() {
        assert!(Normal::of("Some 1,000 troops — and “more”.").is_none());
    }

    #[test]
    fn format_characters_go_and_digits_become_ascii() {
        let text = "x 1\u{200b}000 \u{ff11}\u{ff12} \u{0663}\u{0660}";
        let n = Normal::of(text).unwrap();
        assert_eq!(n.text, "x 1000 12 30");
        let (s, e) = n.original(2, 6, text);
        assert_eq!(&text[s..e], "1\u{200b}000");
        let (s, e) = n.original(7, 9, text);
        assert_eq!(&text[s..e], "\u{ff11}\u{ff12}");
        let (s, e) = n.original(10, 12, text);
        assert_eq!(&text[s..e], "\u{0663}\u{0660}");
    }
}
