//! Word tables for the grammar's lookups: a hash map behind a filter on
//! (first byte, length), so the many lookups of ordinary words ("troops",
//! "said") are answered without hashing.

use rustc_hash::FxHashMap;

/// A map from lower-case words.
#[derive(Clone, Debug)]
pub(crate) struct WordMap<V> {
    map: FxHashMap<String, V>,
    /// For each first byte, the lengths of the keys starting with it (bit
    /// `min(len, 63)`).
    keys: Box<[u64; 256]>,
}

/// A set of lower-case words.
pub(crate) type WordSet = WordMap<()>;

fn len_bit(len: usize) -> u64 {
    1 << len.min(63)
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap {
            map: FxHashMap::default(),
            keys: Box::new([0; 256]),
        }
    }
}

impl<V> WordMap<V> {
    pub fn insert(&mut self, k: String, v: V) {
        if let Some(&b) = k.as_bytes().first() {
            self.keys[usize::from(b)] |= len_bit(k.len());
        }
        self.map.insert(k, v);
    }

    /// Could `w` be a key? `false` is certain.
    fn may_hold(&self, w: &str) -> bool {
        match w.as_bytes().first() {
            Some(&b) => self.keys[usize::from(b)] & len_bit(w.len()) != 0,
            None => true,
        }
    }

    pub fn get(&self, w: &str) -> Option<&V> {
        if !self.may_hold(w) {
            return None;
        }
        self.map.get(w)
    }

    pub fn contains_key(&self, w: &str) -> bool {
        self.get(w).is_some()
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.map.keys()
    }
}

impl WordSet {
    pub fn contains(&self, w: &str) -> bool {
        self.contains_key(w)
    }

    pub fn iter(&self) -> impl Iterator<Item = &String> {
        self.keys()
    }
}

impl<V> FromIterator<(String, V)> for WordMap<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(iter: I) -> Self {
        let mut out = WordMap::default();
        for (k, v) in iter {
            out.insert(k, v);
        }
        out
    }
}

impl FromIterator<String> for WordSet {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> Self {
        iter.into_iter().map(|k| (k, ())).collect()
    }
}

impl Extend<String> for WordSet {
    fn extend<I: IntoIterator<Item = String>>(&mut self, iter: I) {
        for k in iter {
            self.insert(k, ());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_agree_with_the_map() {
        let m: WordMap<i32> = [("may", 5), ("march", 3), ("", 0), ("a", 1)]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        assert_eq!(m.get("may"), Some(&5));
        assert_eq!(m.get("mat"), None);
        assert_eq!(m.get("mays"), None);
        assert_eq!(m.get(""), Some(&0));
        assert_eq!(m.get("a"), Some(&1));
        let s: WordSet = ["war".to_string()].into_iter().collect();
        assert!(s.contains("war") && !s.contains("was") && !s.contains("wars"));
    }
}
