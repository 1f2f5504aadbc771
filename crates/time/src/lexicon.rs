//! The vocabulary of time words, loaded once from `data/time/words.toml`.

use crate::words::{WordMap, WordSet};
use rustc_hash::FxHashMap as HashMap;
use serde::Deserialize;
use std::sync::LazyLock;

const WORDS: &str = include_str!("../../../data/time/words.toml");

/// A unit of time a count can attach to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Hour,
    Day,
    Week,
    Month,
    Year,
}

#[derive(Deserialize)]
struct Raw {
    months: HashMap<String, i8>,
    weekdays: HashMap<String, i8>,
    seasons: HashMap<String, i8>,
    words: RawWords,
    numbers: HashMap<String, i64>,
    ordinals: HashMap<String, i64>,
    units: HashMap<String, (String, i64)>,
    parts: HashMap<String, u8>,
    relative: RawRelative,
    prepositions: RawPreps,
    events: RawEvents,
}

#[derive(Deserialize)]
struct RawWords {
    support: Vec<String>,
    ambiguous: Vec<String>,
    #[serde(default)]
    year_determiners: Vec<String>,
    #[serde(default)]
    counted: Vec<String>,
}

#[derive(Deserialize)]
struct RawRelative {
    previous: Vec<String>,
    current: Vec<String>,
    following: Vec<String>,
    #[serde(default)]
    week_shifts: Vec<String>,
    deictic: HashMap<String, i64>,
    day_parts: Vec<String>,
    year_to_date: Vec<String>,
    to_date: Vec<String>,
}

#[derive(Deserialize)]
struct RawPreps {
    point: Vec<String>,
    since: Vec<String>,
    until: Vec<String>,
    before: Vec<String>,
    after: Vec<String>,
}

#[derive(Deserialize)]
struct RawEvents {
    nouns: Vec<String>,
    openers: Vec<String>,
}

/// What a preposition does to the period it governs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PrepRole {
    /// "in", "on", "during": the period itself.
    Point,
    /// "since", "from": from the period's start to publication.
    Since,
    /// "by", "until": up to the period's end.
    Until,
    /// "before", "prior to": up to the day before the period.
    Before,
    /// "after", "following": from the period's end on.
    After,
}

/// A preposition as a sequence of lower-case words.
pub(crate) struct Prep {
    pub words: Vec<String>,
    pub role: PrepRole,
}

/// Every word list, ready for lookup. `shifts`: -1 (last), 0 (this), +1 (next).
pub(crate) struct Lexicon {
    pub months: WordMap<i8>,
    pub weekdays: WordMap<i8>,
    pub seasons: WordMap<i8>,
    pub ambiguous: WordSet,
    pub support: WordSet,
    /// Words before a year used as a modifier ("the 1991 agreement").
    pub year_determiners: WordSet,
    /// Singular-looking nouns that count people or things ("2000 personnel").
    pub counted: WordSet,
    pub numbers: WordMap<i64>,
    pub ordinals: WordMap<i64>,
    pub units: WordMap<(Unit, i64)>,
    pub parts: WordMap<u8>,
    pub shifts: WordMap<i64>,
    pub deictic: WordMap<i64>,
    /// "next", "previous" before a weekday: that weekday of the next or
    /// previous calendar week.
    pub week_shifts: WordSet,
    pub day_parts: WordSet,
    /// Phrases for "from 1 January to publication", as word sequences.
    pub year_to_date: Vec<Vec<String>>,
    /// Phrases for "up to publication" ("to date", "so far").
    pub to_date: Vec<Vec<String>>,
    /// Longest first, so "prior to" wins over "to".
    pub preps: Vec<Prep>,
    /// Event nouns as word sequences ("full-scale invasion" is three tokens' words).
    pub event_nouns: Vec<Vec<String>>,
    pub event_openers: WordSet,
    /// Words one of which every time expression contains (besides digits):
    /// see [`Lexicon::essential_words`]. A text with none has no time.
    pub essential: WordSet,
    /// The first word of every preposition, to reject most tokens at once.
    pub prep_first: WordSet,
    /// Words an expression can start with: see [`Lexicon::starter_words`].
    pub starters: WordSet,
    /// The first word of every event noun.
    pub event_first: WordSet,
}

/// The lexicon, parsed on first use. The file is compiled in and checked by
/// the tests, so a parse failure can only come from editing it; it then
/// yields an empty lexicon (nothing is found) rather than a panic.
pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    toml::from_str::<Raw>(WORDS)
        .map(Lexicon::from_raw)
        .unwrap_or_else(|_| Lexicon::empty())
});

/// Whether the compiled-in word file parses (for tests).
#[cfg(test)]
pub(crate) fn words_parse() -> Result<(), String> {
    toml::from_str::<Raw>(WORDS)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

fn unit_of(name: &str) -> Option<Unit> {
    Some(match name {
        "hour" => Unit::Hour,
        "day" => Unit::Day,
        "week" => Unit::Week,
        "month" => Unit::Month,
        "year" => Unit::Year,
        _ => return None,
    })
}

fn split_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

impl Lexicon {
    fn empty() -> Lexicon {
        Lexicon {
            months: WordMap::default(),
            weekdays: WordMap::default(),
            seasons: WordMap::default(),
            ambiguous: WordSet::default(),
            support: WordSet::default(),
            year_determiners: WordSet::default(),
            counted: WordSet::default(),
            numbers: WordMap::default(),
            ordinals: WordMap::default(),
            units: WordMap::default(),
            parts: WordMap::default(),
            shifts: WordMap::default(),
            deictic: WordMap::default(),
            week_shifts: WordSet::default(),
            day_parts: WordSet::default(),
            year_to_date: Vec::new(),
            to_date: Vec::new(),
            preps: Vec::new(),
            event_nouns: Vec::new(),
            event_openers: WordSet::default(),
            essential: WordSet::default(),
            prep_first: WordSet::default(),
            starters: WordSet::default(),
            event_first: WordSet::default(),
        }
    }

    /// The words a rule can read first (besides a digit token, and the
    /// hyphen a "year-to-date" phrase may open with): prepositions' first
    /// words, counts, ordinals, month, weekday and season names, "today"
    /// and its kin, shifts ("last"), parts ("early"), the first words of
    /// the "so far" phrases, and the words the rules name themselves. An
    /// expression cannot start at any other token, so `find_times` tries
    /// no other; `tests::gate_agrees_with_the_full_parse` checks the claim.
    fn starter_words(&self) -> WordSet {
        let mut out: WordSet = self.prep_first.clone();
        out.extend(self.numbers.keys().cloned());
        out.extend(self.ordinals.keys().cloned());
        out.extend(self.months.keys().cloned());
        out.extend(self.weekdays.keys().cloned());
        out.extend(self.seasons.keys().cloned());
        out.extend(self.deictic.keys().cloned());
        out.extend(self.shifts.keys().cloned());
        out.extend(self.parts.keys().cloned());
        for phrase in self.to_date.iter().chain(&self.year_to_date) {
            out.extend(phrase.first().cloned());
        }
        // words the grammar names itself
        for w in [
            "within",
            "for",
            "the",
            "a",
            "an",
            "month",
            "q",
            "h",
            "recent",
            "last",
            "past",
            "weekend",
            "early",
            "mid",
            "late",
            "earlier",
            "later",
            "beginning",
            "start",
            "end",
            "middle",
        ] {
            out.insert(w.to_string(), ());
        }
        out
    }

    /// Every rule of the grammar consumes at least one digit token or one
    /// of these words: a month, weekday or season name, "today" and its
    /// kin, a unit of time ("weeks", "quarter"), a part of a day ("night",
    /// "weekend"), "half" (of a year), a word of an event noun (event
    /// periods need one), or the last word of a "so far" / "year to date"
    /// phrase. (Counts, shifts, parts, ordinals and prepositions only ever
    /// modify one of those.) So a text without any of them, and without a
    /// digit, has no time expression, and no expression starts after the
    /// last of them. A rule that can match without one must add its word
    /// here; `tests::gate_agrees_with_the_full_parse` checks the claim.
    fn essential_words(&self) -> WordSet {
        let mut out = WordSet::default();
        out.extend(self.months.keys().cloned());
        out.extend(self.weekdays.keys().cloned());
        out.extend(self.seasons.keys().cloned());
        out.extend(self.deictic.keys().cloned());
        out.extend(self.units.keys().cloned());
        out.extend(self.day_parts.iter().cloned());
        out.extend(self.event_nouns.iter().flatten().cloned());
        for phrase in self.to_date.iter().chain(&self.year_to_date) {
            out.extend(phrase.last().cloned());
        }
        // words the grammar names itself
        for w in ["half", "quarter", "weekend", "week", "month", "year"] {
            out.insert(w.to_string(), ());
        }
        out
    }

    fn from_raw(raw: Raw) -> Lexicon {
        let mut shifts = HashMap::default();
        for (list, shift) in [
            (&raw.relative.previous, -1),
            (&raw.relative.current, 0),
            (&raw.relative.following, 1),
        ] {
            for w in list {
                if !w.contains(' ') {
                    shifts.insert(w.clone(), shift);
                }
            }
        }
        let mut preps = Vec::new();
        for (list, role) in [
            (&raw.prepositions.point, PrepRole::Point),
            (&raw.prepositions.since, PrepRole::Since),
            (&raw.prepositions.until, PrepRole::Until),
            (&raw.prepositions.before, PrepRole::Before),
            (&raw.prepositions.after, PrepRole::After),
        ] {
            for p in list {
                preps.push(Prep {
                    words: split_words(p),
                    role,
                });
            }
        }
        preps.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        let mut event_nouns: Vec<Vec<String>> =
            raw.events.nouns.iter().map(|n| split_words(n)).collect();
        event_nouns.sort_by_key(|n| std::cmp::Reverse(n.len()));
        let prep_first = preps
            .iter()
            .filter_map(|p| p.words.first().cloned())
            .collect();
        let event_first = event_nouns
            .iter()
            .filter_map(|n| n.first().cloned())
            .collect();
        let mut lex = Lexicon {
            months: raw.months.into_iter().collect(),
            weekdays: raw.weekdays.into_iter().collect(),
            seasons: raw.seasons.into_iter().collect(),
            ambiguous: raw.words.ambiguous.into_iter().collect(),
            support: raw.words.support.into_iter().collect(),
            year_determiners: raw.words.year_determiners.into_iter().collect(),
            counted: raw.words.counted.into_iter().collect(),
            numbers: raw.numbers.into_iter().collect(),
            ordinals: raw.ordinals.into_iter().collect(),
            units: raw
                .units
                .into_iter()
                .filter_map(|(k, (u, n))| unit_of(&u).map(|u| (k, (u, n))))
                .collect(),
            parts: raw.parts.into_iter().collect(),
            shifts: shifts.into_iter().collect(),
            deictic: raw.relative.deictic.into_iter().collect(),
            week_shifts: raw
                .relative
                .week_shifts
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
            day_parts: raw.relative.day_parts.into_iter().collect(),
            to_date: raw
                .relative
                .to_date
                .iter()
                .map(|p| split_words(p))
                .collect(),
            year_to_date: raw
                .relative
                .year_to_date
                .iter()
                .map(|p| split_words(p))
                .collect(),
            preps,
            event_nouns,
            event_openers: raw.events.openers.into_iter().collect(),
            essential: WordSet::default(),
            prep_first,
            starters: WordSet::default(),
            event_first,
        };
        lex.essential = lex.essential_words();
        lex.starters = lex.starter_words();
        lex
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_file_parses_and_is_complete() {
        assert_eq!(words_parse(), Ok(()));
        let lex = &*LEXICON;
        assert_eq!(lex.months.get("sept"), Some(&9));
        assert_eq!(lex.weekdays.get("sunday"), Some(&7));
        assert_eq!(lex.units.get("fortnight"), Some(&(Unit::Week, 2)));
        assert!(lex
            .preps
            .windows(2)
            .all(|w| w[0].words.len() >= w[1].words.len()));
        assert!(lex
            .event_nouns
            .iter()
            .any(|n| n == &["full", "scale", "invasion"]));
    }
}
