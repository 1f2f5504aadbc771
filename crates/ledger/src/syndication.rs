//! Syndicated and lightly edited copies of one story, grouped with the
//! earliest copy as root.
//!
//! Exact duplicates (same normalised words) are grouped by a hash. Near
//! duplicates are found with MinHash signatures over word shingles and
//! banded locality-sensitive hashing: documents that share one band are
//! candidates, and a candidate pair is kept only when the exact shingle
//! sets agree (Jaccard similarity, or containment for a cut ending or an
//! added paragraph). Groups are the transitive closure of kept pairs. Cost
//! grows with the number of documents times the signature length, plus the
//! candidates; no pair of documents is compared unless they share a band.

use sha2::{Digest, Sha256};
use std::collections::HashMap;
use tally_core::Date;

/// Words per shingle.
const SHINGLE: usize = 5;
/// Signature length = BANDS * ROWS.
const BANDS: usize = 32;
const ROWS: usize = 4;
/// A verified copy: Jaccard of shingle sets at least this ...
const MIN_JACCARD: f64 = 0.5;
/// ... or the smaller set this much contained in the larger.
const MIN_CONTAINMENT: f64 = 0.8;
/// Texts with fewer shingles than this are only grouped when identical.
const MIN_SHINGLES: usize = 8;
/// Band buckets larger than this (boilerplate) yield no candidates.
const MAX_BUCKET: usize = 64;

/// What syndication needs of a document.
#[derive(Clone, Copy, Debug)]
pub struct DocText<'a> {
    pub id: &'a str,
    pub published: Option<Date>,
    pub text: &'a str,
}

/// Copy groups over a list of documents: for each document (by position)
/// the position of its group's root.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CopyGroups {
    root: Vec<usize>,
}

impl CopyGroups {
    /// Group `docs`. Deterministic: the same documents in the same order
    /// give the same groups.
    pub fn find(docs: &[DocText<'_>]) -> CopyGroups {
        let shingles: Vec<Vec<u64>> = docs.iter().map(|d| shingle_set(d.text)).collect();
        let mut sets = UnionFind::new(docs.len());
        for (a, b) in exact_pairs(docs) {
            sets.union(a, b);
        }
        for (a, b) in candidate_pairs(&shingles) {
            if is_copy(&shingles[a], &shingles[b]) {
                sets.union(a, b);
            }
        }
        CopyGroups {
            root: roots(docs, &mut sets),
        }
    }

    /// Groups given as the position of each document's root (a stored
    /// result of [`CopyGroups::find`]). A root outside the list counts as
    /// the document itself.
    pub fn from_roots(root: Vec<usize>) -> CopyGroups {
        let n = root.len();
        let root = root
            .into_iter()
            .enumerate()
            .map(|(i, r)| if r < n { r } else { i })
            .collect();
        CopyGroups { root }
    }

    /// Position of the root (earliest copy) of document `i`'s group.
    pub fn root(&self, i: usize) -> usize {
        self.root[i]
    }

    /// `(copy, root)` positions for every document that is a copy.
    pub fn copies(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.root
            .iter()
            .enumerate()
            .filter(|(i, r)| *i != **r)
            .map(|(i, r)| (i, *r))
    }
}

/// The keys under which [`CopyGroups::find`] may pair a text with
/// another: one per LSH band (none for texts too short to be near copies)
/// and the hash of its normalised words. Two texts that share no key are
/// never a copy, so stored keys find the candidates of a new document
/// without reading the other texts; [`CopyGroups::find`] over the
/// candidates and their groups then decides.
pub fn copy_keys(text: &str) -> Vec<u64> {
    let set = shingle_set(text);
    let mut keys = Vec::with_capacity(BANDS + 1);
    if set.len() >= MIN_SHINGLES {
        let sig = signature(&set);
        keys.extend(
            sig.chunks(ROWS)
                .enumerate()
                .map(|(band, rows)| band_key(band, rows)),
        );
    }
    let exact = words(text).fold(0xcbf2_9ce4_8422_2325_u64, |h, w| mix(h ^ fnv(w.as_bytes())));
    keys.push(mix(exact ^ 0x5bd1_e995));
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Band buckets with more documents than this give no candidates.
pub const MAX_BAND_BUCKET: usize = MAX_BUCKET;

fn band_key(band: usize, rows: &[u64]) -> u64 {
    rows.iter().fold(band as u64, |h, r| mix(h ^ r))
}

/// Earliest publication first; an undated copy never roots a dated one;
/// ties by input order.
fn roots(docs: &[DocText<'_>], sets: &mut UnionFind) -> Vec<usize> {
    let mut best: HashMap<usize, usize> = HashMap::new();
    for i in 0..docs.len() {
        let set = sets.find(i);
        let entry = best.entry(set).or_insert(i);
        if earlier(&docs[i], &docs[*entry]) {
            *entry = i;
        }
    }
    (0..docs.len()).map(|i| best[&sets.find(i)]).collect()
}

fn earlier(a: &DocText<'_>, b: &DocText<'_>) -> bool {
    match (a.published, b.published) {
        (Some(x), Some(y)) => x < y,
        (Some(_), None) => true,
        _ => false,
    }
}

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Sorted, de-duplicated hashes of the word shingles of a text.
fn shingle_set(text: &str) -> Vec<u64> {
    let hashes: Vec<u64> = words(text).map(|w| fnv(w.as_bytes())).collect();
    let mut set: Vec<u64> = hashes
        .windows(SHINGLE.min(hashes.len().max(1)))
        .map(|ws| ws.iter().fold(0x9e37_79b9_7f4a_7c15, |h, w| mix(h ^ w)))
        .collect();
    set.sort_unstable();
    set.dedup();
    set
}

fn exact_pairs(docs: &[DocText<'_>]) -> Vec<(usize, usize)> {
    let mut first: HashMap<[u8; 32], usize> = HashMap::new();
    let mut pairs = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        let mut h = Sha256::new();
        for w in words(d.text) {
            h.update(w.as_bytes());
            h.update(b" ");
        }
        let key: [u8; 32] = h.finalize().into();
        match first.get(&key) {
            Some(&j) => pairs.push((j, i)),
            None => {
                first.insert(key, i);
            }
        }
    }
    pairs
}

fn signature(set: &[u64]) -> [u64; BANDS * ROWS] {
    let mut sig = [u64::MAX; BANDS * ROWS];
    for &s in set {
        for (k, slot) in sig.iter_mut().enumerate() {
            let h = mix(s ^ (k as u64).wrapping_mul(0xa076_1d64_78bd_642f));
            if h < *slot {
                *slot = h;
            }
        }
    }
    sig
}

/// Pairs (a < b) sharing at least one band, each once, in order.
fn candidate_pairs(sets: &[Vec<u64>]) -> Vec<(usize, usize)> {
    let mut buckets: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
    for (i, set) in sets.iter().enumerate() {
        if set.len() < MIN_SHINGLES {
            continue;
        }
        let sig = signature(set);
        for (band, rows) in sig.chunks(ROWS).enumerate() {
            let key = band_key(band, rows);
            buckets.entry((band, key)).or_default().push(i);
        }
    }
    let mut pairs: Vec<(usize, usize)> = buckets
        .into_values()
        .filter(|m| m.len() > 1 && m.len() <= MAX_BUCKET)
        .flat_map(|m| {
            let m2 = m.clone();
            m.into_iter().enumerate().flat_map(move |(x, a)| {
                m2[x + 1..].iter().map(move |&b| (a, b)).collect::<Vec<_>>()
            })
        })
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Verified on the exact shingle sets (both sorted).
fn is_copy(a: &[u64], b: &[u64]) -> bool {
    let common = intersection(a, b) as f64;
    let union = (a.len() + b.len()) as f64 - common;
    let smaller = a.len().min(b.len()) as f64;
    union > 0.0 && (common / union >= MIN_JACCARD || common / smaller >= MIN_CONTAINMENT)
}

fn intersection(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// SplitMix64 finaliser: a cheap, well-spread 64-bit mixer.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "The ministry said on Monday that forty armoured vehicles \
        had been delivered to the eastern front over the past month, adding that \
        more would follow before the winter. Officials declined to say which \
        units received them or where they were stationed, citing security. \
        The shipment is the largest since the spring, analysts noted.";

    fn doc<'a>(id: &'a str, date: Option<&str>, text: &'a str) -> DocText<'a> {
        DocText {
            id,
            published: date.map(|d| d.parse().unwrap()),
            text,
        }
    }

    #[test]
    fn a_reprint_with_a_cut_ending_joins_the_earlier_copy() {
        let cut = &STORY[..STORY.find(" The shipment").unwrap()];
        let other = "Rain is expected across the north of the country this \
            weekend, with temperatures falling sharply by Sunday evening and \
            strong winds along the coast, forecasters said on Friday.";
        let docs = [
            doc("b", Some("2025-01-02"), cut),
            doc("a", Some("2025-01-01"), STORY),
            doc("c", Some("2025-01-01"), other),
        ];
        let g = CopyGroups::find(&docs);
        assert_eq!(g.copies().collect::<Vec<_>>(), vec![(0, 1)]);
        assert_eq!(g.root(2), 2);
    }

    #[test]
    fn exact_duplicates_group_even_when_short_and_dated_roots_win() {
        let docs = [
            doc("x", None, "Ten tanks were sent."),
            doc("y", Some("2025-03-01"), "Ten tanks were sent!"),
        ];
        let g = CopyGroups::find(&docs);
        assert_eq!(g.root(0), 1);
        assert_eq!(g.root(1), 1);
    }

    #[test]
    fn different_stories_on_one_topic_stay_apart() {
        let other = "The ministry said on Tuesday that sixty trucks had reached \
            the southern front, and that fuel deliveries had resumed after a \
            pause of two weeks caused by damage to a rail bridge near the city.";
        let docs = [doc("a", None, STORY), doc("b", None, other)];
        assert_eq!(CopyGroups::find(&docs).copies().count(), 0);
    }

    #[test]
    fn copies_share_a_key_and_other_stories_do_not() {
        let cut = &STORY[..STORY.find(" The shipment").unwrap()];
        let other = "Rain is expected across the north of the country this \
            weekend, with temperatures falling sharply by Sunday evening.";
        let (a, b, c) = (copy_keys(STORY), copy_keys(cut), copy_keys(other));
        assert!(a.iter().any(|k| b.contains(k)));
        assert!(!a.iter().any(|k| c.contains(k)));
        assert_eq!(
            copy_keys("Ten tanks were sent."),
            copy_keys("ten TANKS were sent!")
        );
        assert_eq!(CopyGroups::from_roots(vec![1, 1, 9]).root(2), 2);
    }

    #[test]
    fn jaccard_and_containment_verification() {
        assert!(is_copy(&[1, 2, 3, 4], &[1, 2, 3, 4, 5]));
        assert!(!is_copy(&[1, 2, 3, 4], &[1, 5, 6, 7]));
        assert!(!is_copy(&[], &[]));
    }
}
