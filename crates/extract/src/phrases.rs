//! Whole-word, case-insensitive phrase matching over tokens, without
//! allocating per token: phrases are indexed by their first word.

use crate::tokens::Tok;
use rustc_hash::FxHashMap as HashMap;

/// A set of word phrases, each with a value.
#[derive(Debug, Clone)]
pub(crate) struct PhraseSet<V> {
    by_first: HashMap<String, Vec<(Vec<String>, V)>>,
    /// For each first byte of a first word, the byte lengths of those
    /// words (bit `min(len, 63)`): most tokens miss and are rejected
    /// without hashing.
    first_keys: Box<[u64; 256]>,
}

impl<V> Default for PhraseSet<V> {
    fn default() -> Self {
        PhraseSet {
            by_first: HashMap::default(),
            first_keys: Box::new([0; 256]),
        }
    }
}

fn len_bit(len: usize) -> u64 {
    1 << len.min(63)
}

/// The words of a phrase as the tokenizer would split them, lower case.
fn phrase_words(phrase: &str) -> Vec<String> {
    let lower = phrase.to_ascii_lowercase();
    crate::tokens::tokenize(&lower, 0, lower.len())
        .iter()
        .map(|t| lower[t.start..t.end].to_string())
        .collect()
}

impl<V: Clone> PhraseSet<V> {
    pub fn insert(&mut self, phrase: &str, value: V) {
        let words = phrase_words(phrase);
        let Some(first) = words.first().cloned() else {
            return;
        };
        if let Some(&b) = first.as_bytes().first() {
            self.first_keys[usize::from(b)] |= len_bit(first.len());
        }
        let list = self.by_first.entry(first).or_default();
        list.push((words[1..].to_vec(), value));
        // longest first
        list.sort_by_key(|x| std::cmp::Reverse(x.0.len()));
    }

    pub fn from_list<S: AsRef<str>>(list: &[S], value: V) -> PhraseSet<V> {
        let mut s = PhraseSet::default();
        for p in list {
            s.insert(p.as_ref(), value.clone());
        }
        s
    }

    /// The longest phrase starting at token `i`: its value and the index
    /// one past its last token.
    pub fn at(&self, lower: &str, toks: &[Tok], i: usize) -> Option<(&V, usize)> {
        let first = tok_text(lower, toks.get(i)?);
        let b = *first.as_bytes().first()?;
        if self.first_keys[usize::from(b)] & len_bit(first.len()) == 0 {
            return None;
        }
        let list = self.by_first.get(first)?;
        'cand: for (rest, v) in list {
            let mut j = i + 1;
            for w in rest {
                match toks.get(j) {
                    Some(t) if tok_text(lower, t) == w => j += 1,
                    _ => continue 'cand,
                }
            }
            return Some((v, j));
        }
        None
    }

    /// The longest phrase ending at token `end - 1`; returns (value, start).
    pub fn ending_at(&self, lower: &str, toks: &[Tok], end: usize) -> Option<(&V, usize)> {
        (end.saturating_sub(4)..end)
            .filter_map(|s| {
                self.at(lower, toks, s)
                    .filter(|(_, e)| *e == end)
                    .map(|(v, _)| (v, s))
            })
            .next()
    }

    pub fn contains_at(&self, lower: &str, toks: &[Tok], i: usize) -> bool {
        self.at(lower, toks, i).is_some()
    }
}

/// A token's text in the lower-cased document.
pub(crate) fn tok_text<'a>(lower: &'a str, t: &Tok) -> &'a str {
    lower.get(t.start..t.end).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    #[test]
    fn longest_phrase_wins() {
        let mut s = PhraseSet::default();
        s.insert("hand", 1);
        s.insert("hand over", 2);
        let text = "they hand over jets";
        let lower = text.to_ascii_lowercase();
        let toks = tokenize(&lower, 0, lower.len());
        assert_eq!(s.at(&lower, &toks, 1), Some((&2, 3)));
        assert_eq!(s.at(&lower, &toks, 0), None);
        assert_eq!(s.ending_at(&lower, &toks, 3), Some((&2, 1)));
    }
}
