//! The word lists of `data/figures/*.toml`, compiled in and read once.
//!
//! Multi-word entries ("more than", "years old", "km/h") are split with the
//! same tokenizer as the text, so a phrase matches exactly the tokens the
//! text produces for it.

use crate::measure::Measure;
use crate::token::{tokenize, Token};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;
use std::sync::LazyLock;
use tally_core::Bound;

const NUMBERS: &str = include_str!("../../../data/figures/numbers.toml");
const BOUNDS: &str = include_str!("../../../data/figures/bounds.toml");
const MONEY: &str = include_str!("../../../data/figures/money.toml");
const MEASURES: &str = include_str!("../../../data/figures/measures.toml");

/// A data file that does not parse.
#[derive(Debug, thiserror::Error)]
#[error("data/figures/{file}: {source}")]
pub struct LexiconError {
    file: &'static str,
    source: toml::de::Error,
}

type Words = HashMap<String, f64>;

#[derive(Deserialize, Default)]
#[serde(default)]
struct NumbersFile {
    cardinals: Words,
    scales: Words,
    abbreviations: Abbreviations,
    groups: Words,
    vague: Words,
    vague_multipliers: Words,
    approximate: Words,
    phrases: Words,
    denominators: Words,
    ordinals: Words,
    factors: Words,
    comparative_factors: Words,
    lists: NumberLists,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Abbreviations {
    glued: Words,
    spaced: Words,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct NumberLists {
    vague_prefixes: Vec<String>,
    ordinal_suffixes: Vec<String>,
    comparison_words: Vec<String>,
    one_pronoun_after: Vec<String>,
    one_pronoun_before: Vec<String>,
    percent_words: Vec<String>,
    half_share_words: Vec<String>,
    half_factor_before: Vec<String>,
    half_not_after: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct BoundsFile {
    at_least: Vec<String>,
    at_most: Vec<String>,
    approx: Vec<String>,
    postfix_at_least: Vec<String>,
    postfix_at_most: Vec<String>,
    postfix_approx: Vec<String>,
    range_joiners: Vec<String>,
    range_between: Vec<String>,
    range_from: Vec<String>,
    particle_verbs: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct MoneyFile {
    symbols: HashMap<String, String>,
    dollar_prefixes: HashMap<String, String>,
    code_aliases: HashMap<String, String>,
    names: HashMap<String, String>,
    lists: MoneyLists,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct MoneyLists {
    codes: Vec<String>,
    scale_only: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct MeasuresFile {
    units: HashMap<String, Measure>,
    prefixes: HashMap<String, Measure>,
    months: Words,
    lists: MeasureLists,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct MeasureLists {
    dimension_words: Vec<String>,
    year_before: Vec<String>,
    counted: Vec<String>,
    not_counted: Vec<String>,
    name_breakers: Vec<String>,
    ditransitive_verbs: Vec<String>,
}

/// Phrases of one or more tokens, each with a value; matched forwards from a
/// token or backwards ending at one, longest first.
pub(crate) struct Phrases<V> {
    by_first: HashMap<String, Vec<(Vec<String>, V)>>,
    by_last: HashMap<String, Vec<(Vec<String>, V)>>,
}

impl<V: Clone> Phrases<V> {
    fn new(entries: impl IntoIterator<Item = (String, V)>) -> Phrases<V> {
        let mut by_first: HashMap<String, Vec<(Vec<String>, V)>> = HashMap::default();
        let mut by_last: HashMap<String, Vec<(Vec<String>, V)>> = HashMap::default();
        for (text, v) in entries {
            let lower = text.to_lowercase();
            let words: Vec<String> = tokenize(&lower)
                .iter()
                .map(|t| lower[t.start..t.end].to_string())
                .collect();
            let (Some(first), Some(last)) = (words.first(), words.last()) else {
                continue;
            };
            by_first
                .entry(first.clone())
                .or_default()
                .push((words.clone(), v.clone()));
            by_last.entry(last.clone()).or_default().push((words, v));
        }
        for list in by_first.values_mut().chain(by_last.values_mut()) {
            list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        }
        Phrases { by_first, by_last }
    }

    /// The first word of every phrase.
    fn first_words(&self) -> impl Iterator<Item = &String> {
        self.by_first.keys()
    }

    /// The longest phrase starting at token `i`: its value and the index after it.
    pub(crate) fn forward(&self, toks: &[Token], lower: &str, i: usize) -> Option<(V, usize)> {
        let first = toks.get(i)?;
        let list = self.by_first.get(&lower[first.start..first.end])?;
        list.iter().find_map(|(words, v)| {
            let end = i + words.len();
            let hit = end <= toks.len()
                && words
                    .iter()
                    .zip(&toks[i..end])
                    .all(|(w, t)| *w == lower[t.start..t.end]);
            hit.then(|| (v.clone(), end))
        })
    }

    /// The longest phrase ending just before token `end` and starting at or
    /// after `floor`: its value and its first token.
    pub(crate) fn backward(
        &self,
        toks: &[Token],
        lower: &str,
        floor: usize,
        end: usize,
    ) -> Option<(V, usize)> {
        let last = toks.get(end.checked_sub(1)?)?;
        let list = self.by_last.get(&lower[last.start..last.end])?;
        list.iter().find_map(|(words, v)| {
            let start = end.checked_sub(words.len())?;
            let hit = start >= floor
                && words
                    .iter()
                    .zip(&toks[start..end])
                    .all(|(w, t)| *w == lower[t.start..t.end]);
            hit.then(|| (v.clone(), start))
        })
    }
}

/// Everything the scanner knows about words.
pub(crate) struct Lexicon {
    pub cardinals: Words,
    pub scales: Words,
    pub glued_abbreviations: Words,
    pub spaced_abbreviations: Words,
    pub groups: Words,
    pub vague: Words,
    pub vague_multipliers: Words,
    pub vague_prefixes: Phrases<()>,
    pub approximate: Phrases<f64>,
    pub exact_phrases: Phrases<f64>,
    pub denominators: Words,
    pub ordinals: Words,
    pub ordinal_suffixes: HashSet<String>,
    pub factors: Words,
    pub comparative_factors: Words,
    pub comparison_words: HashSet<String>,
    pub one_pronoun_after: HashSet<String>,
    pub one_pronoun_before: HashSet<String>,
    pub percent_words: Phrases<()>,
    pub half_share_words: HashSet<String>,
    pub half_factor_before: HashSet<String>,
    pub half_not_after: HashSet<String>,
    pub prefix_bounds: Phrases<Bound>,
    /// Verbs whose particle a one-word bound can be ("handed over six").
    pub particle_verbs: HashSet<String>,
    pub postfix_bounds: Phrases<Bound>,
    pub range_joiners: Phrases<()>,
    pub range_between: Phrases<()>,
    pub range_from: Phrases<()>,
    pub symbols: HashMap<String, String>,
    pub dollar_prefixes: HashMap<String, String>,
    pub codes: HashMap<String, String>,
    pub currency_names: Phrases<String>,
    pub scale_only_names: HashSet<String>,
    pub units: Phrases<Measure>,
    pub measure_prefixes: Phrases<Measure>,
    pub months: Words,
    pub dimension_words: HashSet<String>,
    pub year_before: HashSet<String>,
    pub counted: HashSet<String>,
    pub not_counted: HashSet<String>,
    pub name_breakers: HashSet<String>,
    pub ditransitive_verbs: HashSet<String>,
    /// Every word or symbol a figure can start with (see
    /// [`Lexicon::may_start`]); built from the tables above.
    starters: HashSet<String>,
}

fn set(words: Vec<String>) -> HashSet<String> {
    words.into_iter().map(|w| w.to_lowercase()).collect()
}

fn parse<T: for<'de> Deserialize<'de>>(file: &'static str, text: &str) -> Result<T, LexiconError> {
    toml::from_str(text).map_err(|source| LexiconError { file, source })
}

impl Lexicon {
    /// Reads the compiled-in data files.
    pub(crate) fn load() -> Result<Lexicon, LexiconError> {
        let n: NumbersFile = parse("numbers.toml", NUMBERS)?;
        let b: BoundsFile = parse("bounds.toml", BOUNDS)?;
        let m: MoneyFile = parse("money.toml", MONEY)?;
        let u: MeasuresFile = parse("measures.toml", MEASURES)?;
        let bounds = |groups: [(Vec<String>, Bound); 3]| {
            Phrases::new(
                groups
                    .into_iter()
                    .flat_map(|(words, bound)| words.into_iter().map(move |w| (w, bound))),
            )
        };
        let unit = |v: Vec<String>| Phrases::new(v.into_iter().map(|w| (w, ())));
        let mut codes: HashMap<String, String> = m
            .lists
            .codes
            .iter()
            .map(|c| (c.to_lowercase(), c.to_uppercase()))
            .collect();
        for (alias, code) in m.code_aliases {
            codes.insert(alias.to_lowercase(), code.to_uppercase());
        }
        Ok(Lexicon {
            starters: HashSet::default(),
            cardinals: n.cardinals,
            scales: n.scales,
            glued_abbreviations: n.abbreviations.glued,
            spaced_abbreviations: n.abbreviations.spaced,
            groups: n.groups,
            vague: n.vague,
            vague_multipliers: n.vague_multipliers,
            vague_prefixes: unit(n.lists.vague_prefixes),
            approximate: Phrases::new(n.approximate),
            exact_phrases: Phrases::new(n.phrases),
            denominators: n.denominators,
            ordinals: n.ordinals,
            ordinal_suffixes: set(n.lists.ordinal_suffixes),
            factors: n.factors,
            comparative_factors: n.comparative_factors,
            comparison_words: set(n.lists.comparison_words),
            one_pronoun_after: set(n.lists.one_pronoun_after),
            one_pronoun_before: set(n.lists.one_pronoun_before),
            percent_words: unit(n.lists.percent_words),
            half_share_words: set(n.lists.half_share_words),
            half_factor_before: set(n.lists.half_factor_before),
            half_not_after: set(n.lists.half_not_after),
            prefix_bounds: bounds([
                (b.at_least, Bound::AtLeast),
                (b.at_most, Bound::AtMost),
                (b.approx, Bound::Approx),
            ]),
            particle_verbs: set(b.particle_verbs),
            postfix_bounds: bounds([
                (b.postfix_at_least, Bound::AtLeast),
                (b.postfix_at_most, Bound::AtMost),
                (b.postfix_approx, Bound::Approx),
            ]),
            range_joiners: unit(b.range_joiners),
            range_between: unit(b.range_between),
            range_from: unit(b.range_from),
            symbols: m.symbols,
            dollar_prefixes: m.dollar_prefixes,
            codes,
            currency_names: Phrases::new(m.names),
            scale_only_names: set(m.lists.scale_only),
            units: Phrases::new(u.units),
            measure_prefixes: Phrases::new(u.prefixes),
            months: u.months,
            dimension_words: set(u.lists.dimension_words),
            year_before: set(u.lists.year_before),
            counted: set(u.lists.counted),
            not_counted: set(u.lists.not_counted),
            name_breakers: set(u.lists.name_breakers),
            ditransitive_verbs: set(u.lists.ditransitive_verbs),
        }
        .with_starters())
    }

    /// Fills [`Lexicon::starters`]: the keys of every table a reader of the
    /// scanner looks the word AT the current token up in, before anything
    /// else: a word in none of them starts no figure.
    fn with_starters(mut self) -> Lexicon {
        let mut starters: HashSet<String> =
            ["a", "an", "half"].map(String::from).into_iter().collect();
        let words = [
            &self.factors,
            &self.comparative_factors,
            &self.vague_multipliers,
            &self.vague,
            &self.cardinals,
            &self.ordinals,
            &self.scales,
            &self.denominators,
            &self.groups,
            &self.spaced_abbreviations,
        ];
        starters.extend(words.into_iter().flat_map(|w| w.keys().cloned()));
        let codes = [&self.symbols, &self.dollar_prefixes, &self.codes];
        starters.extend(codes.into_iter().flat_map(|m| m.keys().cloned()));
        starters.extend(self.vague_prefixes.first_words().cloned());
        starters.extend(self.approximate.first_words().cloned());
        starters.extend(self.exact_phrases.first_words().cloned());
        self.starters = starters;
        self
    }

    /// Can a figure start at a word or symbol token with this lower-cased
    /// text? False means every reader of the scanner would find nothing
    /// there, so the scanner moves on after one lookup instead of a dozen.
    pub(crate) fn may_start(&self, w: &str) -> bool {
        self.starters.contains(w)
    }

    /// The lexicon, read on first use. A data file that does not parse (a
    /// unit test guards against it) leaves an empty lexicon, which finds
    /// only plain digits.
    pub(crate) fn get() -> &'static Lexicon {
        static LEXICON: LazyLock<Lexicon> =
            LazyLock::new(|| Lexicon::load().unwrap_or_else(|_| Lexicon::empty()));
        &LEXICON
    }

    fn empty() -> Lexicon {
        let none = || Phrases::new(Vec::<(String, ())>::new());
        Lexicon {
            starters: HashSet::default(),
            cardinals: Words::default(),
            scales: Words::default(),
            glued_abbreviations: Words::default(),
            spaced_abbreviations: Words::default(),
            groups: Words::default(),
            vague: Words::default(),
            vague_multipliers: Words::default(),
            vague_prefixes: none(),
            approximate: Phrases::new(Vec::new()),
            exact_phrases: Phrases::new(Vec::new()),
            denominators: Words::default(),
            ordinals: Words::default(),
            ordinal_suffixes: HashSet::default(),
            factors: Words::default(),
            comparative_factors: Words::default(),
            comparison_words: HashSet::default(),
            one_pronoun_after: HashSet::default(),
            one_pronoun_before: HashSet::default(),
            percent_words: none(),
            half_share_words: HashSet::default(),
            half_factor_before: HashSet::default(),
            half_not_after: HashSet::default(),
            prefix_bounds: Phrases::new(Vec::new()),
            particle_verbs: HashSet::default(),
            postfix_bounds: Phrases::new(Vec::new()),
            range_joiners: none(),
            range_between: none(),
            range_from: none(),
            symbols: HashMap::default(),
            dollar_prefixes: HashMap::default(),
            codes: HashMap::default(),
            currency_names: Phrases::new(Vec::new()),
            scale_only_names: HashSet::default(),
            units: Phrases::new(Vec::new()),
            measure_prefixes: Phrases::new(Vec::new()),
            months: Words::default(),
            dimension_words: HashSet::default(),
            year_before: HashSet::default(),
            counted: HashSet::default(),
            not_counted: HashSet::default(),
            name_breakers: HashSet::default(),
            ditransitive_verbs: HashSet::default(),
        }
        .with_starters()
    }

    /// Is this token a word listed as a cardinal, scale or group word?
    pub(crate) fn is_number_word(&self, w: &str) -> bool {
        self.cardinals.contains_key(w) || self.scales.contains_key(w) || self.groups.contains_key(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_parse() {
        let lex = Lexicon::load().unwrap();
        assert_eq!(lex.cardinals.get("forty"), Some(&40.0));
        assert_eq!(lex.scales.get("million"), Some(&1e6));
        assert_eq!(lex.symbols.get("€").map(String::as_str), Some("EUR"));
        assert!(lex.year_before.contains("since"));
        for w in [
            "forty", "a", "half", "dozens", "$", "usd", "double", "hundreds", "third",
        ] {
            assert!(lex.may_start(w), "{w}");
        }
        for w in ["the", "said", "troops", ",", "and"] {
            assert!(!lex.may_start(w), "{w}");
        }
    }

    #[test]
    fn phrases_match_longest_first() {
        let lex = Lexicon::get();
        let text = "no more than 5";
        let toks = tokenize(text);
        let (bound, end) = lex.prefix_bounds.forward(&toks, text, 0).unwrap();
        assert_eq!((bound, end), (Bound::AtMost, 3));
        let (bound, start) = lex.prefix_bounds.backward(&toks, text, 0, 3).unwrap();
        assert_eq!((bound, start), (Bound::AtMost, 0));
    }
}
