//! The vocabulary of time words, loaded once from `data/time/words.toml`.

use serde::Deserialize;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
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
    pub months: HashMap<String, i8>,
    pub weekdays: HashMap<String, i8>,
    pub seasons: HashMap<String, i8>,
    pub ambiguous: HashSet<String>,
    pub support: HashSet<String>,
    /// Words before a year used as a modifier ("the 1991 agreement").
    pub year_determiners: HashSet<String>,
    /// Singular-looking nouns that count people or things ("2000 personnel").
    pub counted: HashSet<String>,
    pub numbers: HashMap<String, i64>,
    pub ordinals: HashMap<String, i64>,
    pub units: HashMap<String, (Unit, i64)>,
    pub parts: HashMap<String, u8>,
    pub shifts: HashMap<String, i64>,
    pub deictic: HashMap<String, i64>,
    /// "next", "previous" before a weekday: that weekday of the next or
    /// previous calendar week.
    pub week_shifts: HashSet<String>,
    pub day_parts: HashSet<String>,
    /// Phrases for "from 1 January to publication", as word sequences.
    pub year_to_date: Vec<Vec<String>>,
    /// Phrases for "up to publication" ("to date", "so far").
    pub to_date: Vec<Vec<String>>,
    /// Longest first, so "prior to" wins over "to".
    pub preps: Vec<Prep>,
    /// Event nouns as word sequences ("full-scale invasion" is three tokens' words).
    pub event_nouns: Vec<Vec<String>>,
    pub event_openers: HashSet<String>,
    /// Words one of which every time expression contains (besides digits):
    /// see [`Lexicon::essential_words`]. A text with none has no time.
    pub essential: HashSet<String>,
    /// The first word of every preposition, to reject most tokens at once.
    pub prep_first: HashSet<String>,
    /// Words an expression can start with: see [`Lexicon::starter_words`].
    pub starters: HashSet<String>,
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
            months: HashMap::default(),
            weekdays: HashMap::default(),
            seasons: HashMap::default(),
            ambiguous: HashSet::default(),
            support: HashSet::default(),
            year_determiners: HashSet::default(),
            counted: HashSet::default(),
            numbers: HashMap::default(),
            ordinals: HashMap::default(),
            units: HashMap::default(),
            parts: HashMap::default(),
            shifts: HashMap::default(),
            deictic: HashMap::default(),
            week_shifts: HashSet::default(),
            day_parts: HashSet::default(),
            year_to_date: Vec::new(),
            to_date: Vec::new(),
            preps: Vec::new(),
            event_nouns: Vec::new(),
            event_openers: HashSet::default(),
            essential: HashSet::default(),
            prep_first: HashSet::default(),
            starters: HashSet::default(),
        }
    }

    /// The words a rule can read first (besides a digit token, and the
    /// hyphen a "year-to-date" phrase may open with): prepositions' first
    /// words, counts, ordinals, month, weekday and season names, "today"
    /// and its kin, shifts ("last"), parts ("early"), the first words of
    /// the "so far" phrases, and the words the rules name themselves. An
    /// expression cannot start at any other token, so `find_times` tries
    /// no other; `tests::gate_agrees_with_the_full_parse` checks the claim.
    fn starter_words(&self) -> HashSet<String> {
        let mut out: HashSet<String> = self.prep_first.clone();
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
            "within", "for", "the", "a", "an", "month", "q", "h", "recent", "last", "past",
            "weekend", "early", "mid", "late", "earlier", "later", "beginning", "start", "end",
            "middle",
        ] {
            out.insert(w.to_string());
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
    fn essential_words(&self) -> HashSet<String> {
        let mut out: HashSet<String> = HashSet::default();
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
            out.insert(w.to_string());
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
        let prep_first = preps.iter().filter_map(|p| p.words.first().cloned()).collect();
        let mut lex = Lexicon {
            months: raw.months,
            weekdays: raw.weekdays,
            seasons: raw.seasons,
            ambiguous: raw.words.ambiguous.into_iter().collect(),
            support: raw.words.support.into_iter().collect(),
            year_determiners: raw.words.year_determiners.into_iter().collect(),
            counted: raw.words.counted.into_iter().collect(),
            numbers: raw.numbers,
            ordinals: raw.ordinals,
            units: raw
                .units
                .into_iter()
                .filter_map(|(k, (u, n))| unit_of(&u).map(|u| (k, (u, n))))
                .collect(),
            parts: raw.parts,
            shifts,
            deictic: raw.relative.deictic,
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
            essential: HashSet::default(),
            prep_first,
            starters: HashSet::default(),
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
