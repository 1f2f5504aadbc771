//! The phrase automaton: every name, alias, capital, demonym, seat, role
//! and derived variant in one Aho-Corasick automaton, searched in one pass.
//!
//! The automaton is ASCII case-insensitive. Acronyms (see
//! [`crate::variants::is_acronym`]) are checked for exact bytes after the
//! automaton reports them. All overlapping hits are collected, filtered by
//! the word-boundary and case rules, and the leftmost-longest
//! non-overlapping ones kept, so a rejected long hit ("Kursk region" in
//! "Kursk regional") never hides a shorter valid one ("Kursk").

use rustc_hash::FxHashMap as HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use tally_core::Span;

use crate::entity::{Entity, EntityId, EntityKind, Form, Mention, Reading};
use crate::variants::{curly, designation_variants, fold, is_acronym, plural};
use crate::LexiconError;

/// A distinct phrase and every reading of it, best first.
#[derive(Debug)]
struct Phrase {
    readings: Vec<Reading>,
}

#[derive(Debug)]
pub(crate) struct Matcher {
    ac: AhoCorasick,
    /// Automaton pattern -> phrase.
    phrase_of: Vec<u32>,
    /// Automaton pattern -> exact bytes, for case-sensitive patterns.
    exact: Vec<Option<Box<[u8]>>>,
    phrases: Vec<Phrase>,
    /// (case-sensitive, folded text) -> phrase.
    index: HashMap<(bool, String), u32>,
}

/// Collects phrases before the automaton is built.
#[derive(Default)]
struct Collector {
    phrases: Vec<Phrase>,
    /// Written form of each phrase, as first seen.
    texts: Vec<(bool, String)>,
    index: HashMap<(bool, String), u32>,
}

impl Collector {
    fn add(&mut self, text: &str, entity: EntityId, form: Form) {
        if text.trim().is_empty() {
            return;
        }
        let cs = is_acronym(text);
        let key = (cs, fold(text, cs));
        let at = match self.index.get(&key) {
            Some(&at) => at,
            None => {
                let at = self.phrases.len() as u32;
                self.index.insert(key, at);
                self.phrases.push(Phrase {
                    readings: Vec::new(),
                });
                self.texts.push((cs, text.replace('\u{2019}', "'")));
                at
            }
        };
        let readings = &mut self.phrases[at as usize].readings;
        match readings.iter_mut().find(|r| r.entity == entity) {
            Some(r) => {
                if form_rank(form) < form_rank(r.form) {
                    r.form = form;
                }
            }
            None => readings.push(Reading { entity, form }),
        }
    }

    /// Add a phrase and, when `derive` is set, its designation variants
    /// and (when `plurals` is set) the plurals of all of them.
    fn add_derived(&mut self, text: &str, id: EntityId, form: Form, plurals: bool) {
        let mut all = vec![text.to_string()];
        all.extend(designation_variants(text));
        for v in &all {
            self.add(v, id, form);
        }
        if plurals {
            for v in &all {
                if let Some(p) = plural(v) {
                    self.add(&p, id, Form::Plural);
                }
            }
        }
    }
}

/// Lower is preferred when one entity is reached by one phrase twice.
fn form_rank(f: Form) -> u8 {
    match f {
        Form::Name => 0,
        Form::Alias => 1,
        Form::Plural => 2,
        Form::Capital => 3,
        Form::Seat => 4,
        Form::Demonym => 5,
        Form::Role => 6,
    }
}

impl Matcher {
    pub(crate) fn build(entities: &[Entity]) -> Result<Matcher, LexiconError> {
        let mut c = Collector::default();
        for (i, e) in entities.iter().enumerate() {
            let id = EntityId(i as u32);
            let derive =
                matches!(e, Entity::Weapon(_)) || matches!(e, Entity::Class(k) if !k.money);
            if derive {
                c.add_derived(e.name(), id, Form::Name, true);
                for a in e.aliases() {
                    c.add_derived(a, id, Form::Alias, true);
                }
                continue;
            }
            c.add(e.name(), id, Form::Name);
            for a in e.aliases() {
                c.add(a, id, Form::Alias);
            }
            match e {
                Entity::State(s) => {
                    for x in &s.capitals {
                        c.add(x, id, Form::Capital);
                    }
                    for x in &s.demonyms {
                        c.add(x, id, Form::Demonym);
                    }
                    for x in &s.seats {
                        c.add(x, id, Form::Seat);
                    }
                }
                Entity::Actor(a) => {
                    for x in &a.demonyms {
                        c.add(x, id, Form::Demonym);
                    }
                }
                Entity::Person(p) => {
                    for x in &p.roles {
                        c.add(x, id, Form::Role);
                    }
                }
                _ => {}
            }
        }
        let rank = |r: &Reading| -> (EntityKind, u8, EntityId) {
            let kind = entities[r.entity.index()].kind();
            (kind, form_rank(r.form), r.entity)
        };
        for p in &mut c.phrases {
            p.readings.sort_by_key(rank);
        }
        let mut patterns: Vec<String> = Vec::with_capacity(c.texts.len() + c.texts.len() / 8);
        let mut phrase_of = Vec::with_capacity(patterns.capacity());
        let mut exact = Vec::with_capacity(patterns.capacity());
        for (i, (cs, text)) in c.texts.iter().enumerate() {
            for t in std::iter::once(text.clone()).chain(curly(text)) {
                exact.push(cs.then(|| t.as_bytes().into()));
                patterns.push(t);
                phrase_of.push(i as u32);
            }
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(true)
            .build(&patterns)
            .map_err(|e| LexiconError::Matcher(e.to_string()))?;
        Ok(Matcher {
            ac,
            phrase_of,
            exact,
            phrases: c.phrases,
            index: c.index,
        })
    }

    pub(crate) fn phrase_count(&self) -> usize {
        self.phrases.len()
    }

    pub(crate) fn ambiguous_count(&self) -> usize {
        self.phrases.iter().filter(|p| p.readings.len() > 1).count()
    }

    /// Every reading of a phrase as it may be written in a text.
    pub(crate) fn readings(&self, phrase: &str) -> &[Reading] {
        let phrase = phrase.trim();
        let exact = (true, fold(phrase, true));
        let at = self
            .index
            .get(&exact)
            .or_else(|| self.index.get(&(false, fold(phrase, false))));
        at.map_or(&[], |&i| &self.phrases[i as usize].readings)
    }

    pub(crate) fn find(&self, text: &str) -> Vec<Mention> {
        self.select(text, 0, self.hits(text))
    }

    /// The mentions of each span of `text`, each exactly what `find` would
    /// return for `&text[span]` alone (offsets relative to the span), from
    /// one pass of the automaton over the whole text. `spans` must be in
    /// text order and must not overlap; a span that is not a valid range
    /// of `text` has no mentions.
    ///
    /// Every occurrence of every pattern is reported by the overlapping
    /// search, so the occurrences inside a span are the same set, in the
    /// same order (by end, then by the automaton's match list, of which
    /// the span's own search sees a tail), as a search of the span finds.
    pub(crate) fn find_in(&self, text: &str, spans: &[Span]) -> Vec<Vec<Mention>> {
        let hits: Vec<Hit> = self.hits(text).collect();
        spans
            .iter()
            .map(|sp| {
                let Some(part) = text.get(sp.range()) else {
                    return Vec::new();
                };
                // hits are in order of their end: those ending inside the span
                let a = hits.partition_point(|h| h.end <= sp.start);
                let b = hits.partition_point(|h| h.end <= sp.end);
                let inside = hits[a..b.max(a)]
                    .iter()
                    .filter(|h| h.start >= sp.start)
                    .copied();
                self.select(part, sp.start, inside)
            })
            .collect()
    }

    /// Every occurrence of every pattern in `text`, in the automaton's
    /// order (by end position).
    fn hits<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Hit> + 't {
        self.ac.find_overlapping_iter(text).map(|m| Hit {
            start: m.start(),
            end: m.end(),
            pid: m.pattern().as_usize(),
        })
    }

    /// The mentions of `text` given its occurrences `hits`, whose offsets
    /// are `base` more than offsets into `text`.
    fn select(&self, text: &str, base: usize, hits: impl Iterator<Item = Hit>) -> Vec<Mention> {
        let hay = text.as_bytes();
        let mut out: Vec<Mention> = Vec::new();
        for h in hits {
            let (s, e) = (h.start - base, h.end - base);
            let pid = h.pid;
            if let Some(bytes) = &self.exact[pid] {
                if hay[s..e] != **bytes {
                    continue;
                }
            }
            if !on_boundaries(text, s, e) {
                continue;
            }
            let phrase = &self.phrases[self.phrase_of[pid] as usize];
            let Some(best) = phrase.readings.first() else {
                continue;
            };
            out.push(Mention {
                span: Span { start: s, end: e },
                entity: best.entity,
                form: best.form,
                possessive: false,
            });
        }
        out.sort_unstable_by(|a, b| {
            (a.span.start, b.span.end, a.entity).cmp(&(b.span.start, a.span.end, b.entity))
        });
        let mut kept = 0;
        let mut last_end = 0;
        for i in 0..out.len() {
            let m = out[i];
            if m.span.start < last_end {
                continue;
            }
            last_end = m.span.end;
            out[kept] = Mention {
                possessive: possessive_after(hay, m.span.end),
                ..m
            };
            kept += 1;
        }
        out.truncate(kept);
        out
    }
}

/// One occurrence of an automaton pattern.
#[derive(Clone, Copy, Debug)]
struct Hit {
    start: usize,
    end: usize,
    pid: usize,
}

/// A letter or digit, in any script.
fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

fn char_before(text: &str, at: usize) -> Option<char> {
    let b = *text.as_bytes().get(at.checked_sub(1)?)?;
    if b.is_ascii() {
        return Some(b as char);
    }
    text.get(..at)?.chars().next_back()
}

fn char_after(text: &str, at: usize) -> Option<char> {
    let b = *text.as_bytes().get(at)?;
    if b.is_ascii() {
        return Some(b as char);
    }
    text.get(at..)?.chars().next()
}

/// A match must not continue a word on either side: if its first (last)
/// character is a letter or digit, the character before (after) it must
/// not be one. Edges that are punctuation ("U.S.") need no boundary.
fn on_boundaries(text: &str, s: usize, e: usize) -> bool {
    let starts_word = char_after(text, s).is_some_and(is_word);
    if starts_word && char_before(text, s).is_some_and(is_word) {
        return false;
    }
    let ends_word = char_before(text, e).is_some_and(is_word);
    !(ends_word && char_after(text, e).is_some_and(is_word))
}

/// `'s` / `’s` after the match (not followed by a letter), or a bare
/// apostrophe after a match ending in "s" ("the Houthis' drones").
fn possessive_after(hay: &[u8], e: usize) -> bool {
    let rest = &hay[e.min(hay.len())..];
    let apos = if rest.starts_with(b"'") {
        1
    } else if rest.starts_with("\u{2019}".as_bytes()) {
        3
    } else {
        return false;
    };
    let after = &rest[apos..];
    let word_at = |b: &[u8]| {
        b.first()
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c >= 0x80)
    };
    if matches!(after.first(), Some(b's' | b'S')) && !word_at(&after[1..]) {
        return true;
    }
    e > 0 && matches!(hay[e - 1], b's' | b'S') && !word_at(after)
}

#[cfg(test)]
mod tests {
    use crate::{Entity, Form, Lexicon, Mention};

    const DATA: &str = r#"
[[state]]
code = "US"
name = "United States"
aliases = ["US", "U.S.", "America"]
capitals = ["Washington"]
demonyms = ["American", "Americans"]
seats = ["White House"]

[[state]]
code = "KP"
name = "North Korea"
aliases = ["DPRK", "Democratic People's Republic of Korea"]
capitals = ["Pyongyang"]
demonyms = ["North Korean", "North Koreans"]

[[state]]
code = "RU"
name = "Russia"
capitals = ["Moscow"]
demonyms = ["Russian", "Russians"]
seats = ["Kremlin"]

[[person]]
name = "Sergei Shoigu"
aliases = ["Shoigu"]
state = "RU"
roles = ["defence minister"]
party = true

[[person]]
name = "Andrei Belousov"
aliases = ["Belousov"]
state = "RU"
roles = ["defence minister"]
party = true

[[body]]
name = "National Intelligence Service"
aliases = ["NIS"]

[[class]]
name = "artillery systems"
aliases = ["artillery system"]

[[class]]
name = "aid"
aliases = ["assistance"]
money = true

[[weapon]]
name = "M1989 Koksan"
aliases = ["Koksan", "M1989"]
class = "artillery systems"
origin = "KP"

[[weapon]]
name = "KN-23"
aliases = []
origin = "KP"

[[weapon]]
name = "HIMARS"
aliases = ["Himars"]
origin = "US"

[[place]]
name = "Kursk Oblast"
aliases = ["Kursk region", "Kursk"]
state = "RU"
"#;

    fn lex() -> Lexicon {
        match Lexicon::from_sources(&[("test.toml", DATA)]) {
            Ok(l) => l,
            Err(e) => panic!("test data failed: {e}"),
        }
    }

    /// (matched text, canonical name, form, possessive) of every mention.
    fn found(lex: &Lexicon, text: &str) -> Vec<(String, String, Form, bool)> {
        lex.find(text)
            .into_iter()
            .map(|m: Mention| {
                (
                    text[m.span.range()].to_string(),
                    lex.entity(m.entity).name().to_string(),
                    m.form,
                    m.possessive,
                )
            })
            .collect()
    }

    fn texts(lex: &Lexicon, text: &str) -> Vec<String> {
        found(lex, text).into_iter().map(|f| f.0).collect()
    }

    /// `find_in` gives each span what `find` gives its text alone, with
    /// spans cutting words, names, possessives and multi-byte characters.
    #[test]
    fn find_in_agrees_with_find_on_each_span() {
        use tally_core::Span;
        let lex = lex();
        let text = "Kursk regional forces. North Korea’s M1989 Koksan guns went to Kursk region; \
                    the US and U.S. said NIS’s Americans’ HIMARS. DPRK—Russia.";
        let cuts: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        // every way to cut the text into two or three consecutive spans
        for (a, &x) in cuts.iter().enumerate() {
            for &y in &cuts[a..] {
                let spans = [
                    Span { start: 0, end: x },
                    Span { start: x, end: y },
                    Span {
                        start: y,
                        end: text.len(),
                    },
                ];
                let got = lex.find_in(text, &spans);
                for (sp, ms) in spans.iter().zip(&got) {
                    assert_eq!(ms, &lex.find(&text[sp.range()]), "{sp:?}");
                }
            }
        }
        // a span that is not a range of the text has no mentions
        let bad = [Span {
            start: 47,
            end: 9999,
        }];
        assert_eq!(lex.find_in(text, &bad), vec![Vec::new()]);
        assert!(!lex.find_in(
            text,
            &[Span {
                start: 0,
                end: text.len()
            }]
        )[0]
        .is_empty());
    }

    #[test]
    fn acronyms_match_only_in_capitals() {
        let lex = lex();
        assert_eq!(texts(&lex, "The US said."), vec!["US"]);
        assert!(texts(&lex, "He told us and the nis.").is_empty());
        assert_eq!(texts(&lex, "NIS said"), vec!["NIS"]);
        // Not an acronym (six letters): any case.
        assert_eq!(texts(&lex, "himars and HIMARS"), vec!["himars", "HIMARS"]);
        assert_eq!(
            texts(&lex, "the u.s. and the U.S. army"),
            vec!["u.s.", "U.S."]
        );
    }

    #[test]
    fn matches_sit_on_word_boundaries() {
        let lex = lex();
        assert!(texts(&lex, "Russiagate, USA, Kurskaya").is_empty());
        assert_eq!(
            texts(&lex, "pro-Russian, Russia-backed"),
            vec!["Russian", "Russia"]
        );
        // A longer hit that fails the boundary check does not hide a
        // shorter valid one starting at the same place.
        assert_eq!(texts(&lex, "Kursk regional officials"), vec!["Kursk"]);
        // Non-ASCII letters count as word characters.
        assert!(texts(&lex, "Moscowé").is_empty());
        assert_eq!(texts(&lex, "«Moscow»"), vec!["Moscow"]);
    }

    #[test]
    fn leftmost_longest() {
        let lex = lex();
        let f = found(&lex, "North Koreans arrived in the Kursk region.");
        assert_eq!(f[0].0, "North Koreans");
        assert_eq!(f[0].2, Form::Demonym);
        assert_eq!(f[1].0, "Kursk region");
        assert_eq!(f.len(), 2);
    }

    #[test]
    fn possessive_is_reported_outside_the_span() {
        let lex = lex();
        let f = found(
            &lex,
            "Russia's army, Pyongyang’s shells, the Americans' aid, Moscow said",
        );
        let p: Vec<(&str, bool)> = f.iter().map(|x| (x.0.as_str(), x.3)).collect();
        assert_eq!(
            p,
            vec![
                ("Russia", true),
                ("Pyongyang", true),
                ("Americans", true),
                ("aid", false),
                ("Moscow", false)
            ]
        );
        assert!(!found(&lex, "Russia'sx")[0].3);
    }

    #[test]
    fn apostrophes_are_equivalent() {
        let lex = lex();
        let f = found(&lex, "the Democratic People’s Republic of Korea");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].1, "North Korea");
        assert_eq!(
            lex.readings("Democratic People’s Republic of Korea").len(),
            1
        );
    }

    #[test]
    fn designation_variants_and_plurals() {
        let lex = lex();
        for (text, form) in [
            ("M-1989 howitzers", Form::Alias),
            ("M 1989 guns", Form::Alias),
            ("120 M1989s", Form::Plural),
            ("Koksans", Form::Plural),
            ("KN23", Form::Name),
            ("KN 23 missiles", Form::Name),
            ("KN-23s", Form::Plural),
            ("artillery systems", Form::Name),
            ("an artillery system", Form::Alias),
        ] {
            let f = found(&lex, text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!(f[0].2, form, "{text}");
        }
        assert_eq!(found(&lex, "M-1989 Koksans")[0].1, "M1989 Koksan");
        // Money classes are mass nouns: no derived plural.
        assert!(found(&lex, "aids").is_empty());
        // Nouns ending in s keep their form.
        assert!(lex.readings("HIMARSs").is_empty());
    }

    #[test]
    fn forms_and_shared_roles() {
        let lex = lex();
        let f = found(
            &lex,
            "The Kremlin and the White House; the defence minister; Washington",
        );
        let forms: Vec<Form> = f.iter().map(|x| x.2).collect();
        assert_eq!(
            forms,
            vec![Form::Seat, Form::Seat, Form::Role, Form::Capital]
        );
        let r = lex.readings("Defence Minister");
        assert_eq!(r.len(), 2);
        assert!(r.iter().all(|r| r.form == Form::Role));
        let names: Vec<&str> = r.iter().map(|r| lex.entity(r.entity).name()).collect();
        assert_eq!(names, vec!["Sergei Shoigu", "Andrei Belousov"]);
        let m = lex.find("Shoigu")[0];
        assert!(
            matches!(lex.entity(m.entity), Entity::Person(p) if p.party && p.state.as_deref() == Some("RU"))
        );
        assert_eq!(lex.entity(m.entity).party(), Some("RU"));
    }

    #[test]
    fn empty_and_odd_texts() {
        let lex = lex();
        assert!(lex.find("").is_empty());
        assert!(lex.find("’'’").is_empty());
        assert_eq!(texts(&lex, "US"), vec!["US"]);
        assert_eq!(texts(&lex, "Ω US Ω"), vec!["US"]);
    }
}
