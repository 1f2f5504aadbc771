//! The deterministic generator of news-like reports.
//!
//! Document `i` of seed `s` depends on nothing but `(s, i)`, so a corpus of
//! any size streams in constant memory and a prefix of a large corpus is the
//! small corpus of the same seed. About [`COPY_SHARE`] of the documents are
//! syndicated near-copies of an earlier story: the same text with small word
//! edits, another publisher, id and URL, and sometimes no footer.

use crate::fill::{Filler, Pools};
use crate::rng::Rng;
use crate::templates::Templates;
use crate::BenchError;
use tally_core::{Date, DocId, Document};
use tally_lexicon::Lexicon;

/// Fewest words in a generated text.
pub const MIN_WORDS: usize = 300;
/// Most words in a generated text.
pub const MAX_WORDS: usize = 1200;
/// The expected share of syndicated near-copies.
pub const COPY_SHARE: f64 = 0.10;

/// Words kept free for the footer and a copy's edits.
const RESERVE: usize = 40;
const STREAM_COPY: u64 = 1;
const STREAM_STORY: u64 = 2;
const STREAM_EDIT: u64 = 3;

/// One generated document, and the index of the story it copies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Generated {
    pub doc: Document,
    /// `Some(j)` when this is a near-copy of document `j`'s story.
    pub copy_of: Option<usize>,
}

/// The report generator: templates plus name pools from a lexicon.
#[derive(Clone, Debug)]
pub struct Generator {
    templates: Templates,
    pools: Pools,
}

/// A story before it becomes a document.
struct Story {
    title: String,
    publisher: String,
    published: Option<Date>,
    lines: Vec<String>,
    footer: Vec<String>,
}

impl Generator {
    /// A generator over the built-in templates, drawing names from `lexicon`.
    pub fn new(lexicon: &Lexicon) -> Result<Generator, BenchError> {
        let templates = Templates::builtin()?;
        let pools = Pools::from_lexicon(lexicon, &templates.words)?;
        Ok(Generator { templates, pools })
    }

    /// Documents `0..n` of `seed`, lazily.
    pub fn corpus(&self, seed: u64, n: usize) -> impl Iterator<Item = Generated> + '_ {
        (0..n).map(move |i| self.document(seed, i))
    }

    /// Document `index` of `seed`.
    pub fn document(&self, seed: u64, index: usize) -> Generated {
        let id = DocId::given(&format!("bench-{seed}-{index:07}"));
        match copy_source(seed, index) {
            None => {
                let story = self.story(seed, index);
                Generated {
                    doc: self.to_document(id, index, story),
                    copy_of: None,
                }
            }
            Some(j) => {
                let mut story = self.story(seed, j);
                self.edit(
                    &mut story,
                    &mut Rng::for_item(seed, STREAM_EDIT, index as u64),
                );
                Generated {
                    doc: self.to_document(id, index, story),
                    copy_of: Some(j),
                }
            }
        }
    }

    fn story(&self, seed: u64, index: usize) -> Story {
        let mut rng = Rng::for_item(seed, STREAM_STORY, index as u64);
        let f = Filler::new(&self.templates, &self.pools, &mut rng);
        f.story(&mut rng)
    }

    /// A syndicating outlet's small changes.
    fn edit(&self, story: &mut Story, rng: &mut Rng) {
        let w = &self.templates.words;
        let mut publisher = story.publisher.clone();
        for _ in 0..8 {
            if publisher != story.publisher {
                break;
            }
            publisher = self.pools.publisher(w, rng);
        }
        story.publisher = publisher;
        for _ in 0..rng.range(1, 3) {
            let Some((from, to)) = rng.pick(&w.edits) else {
                break;
            };
            let at = rng.below(story.lines.len());
            if let Some(line) = story.lines.get_mut(at) {
                let (from, to) = (format!(" {from} "), format!(" {to} "));
                if let Some(pos) = line.find(&from) {
                    line.replace_range(pos..pos + from.len(), &to);
                }
            }
        }
        if rng.chance(0.5) {
            story.footer.clear();
        }
        if rng.chance(0.3) {
            story.title = format!("UPDATE: {}", story.title);
        }
    }

    fn to_document(&self, id: DocId, index: usize, story: Story) -> Document {
        let mut text = story.lines.join("\n\n");
        for line in &story.footer {
            text.push_str("\n\n");
            text.push_str(line);
        }
        let host = slug(&story.publisher);
        let url = format!("https://{host}.example/news/{}-{index}", slug(&story.title));
        Document {
            id,
            url: Some(url),
            title: Some(story.title),
            publisher: Some(story.publisher),
            published: story.published,
            author: None,
            text,
        }
    }
}

impl Filler<'_> {
    fn story(&self, rng: &mut Rng) -> Story {
        let t = self.templates;
        let conflict = rng.chance(0.75);
        let (other, other_headline) = match rng.below(3) {
            0 => (&t.other.sports, &t.other.sports_headline),
            1 => (&t.other.business, &t.other.business_headline),
            _ => (&t.other.weather, &t.other.weather_headline),
        };
        let title = if conflict {
            self.fill_pick(&t.conflict.headline, rng)
        } else {
            self.fill_pick(other_headline, rng)
        };
        let target = rng.range(MIN_WORDS + RESERVE, MAX_WORDS - RESERVE);
        let mut lines = vec![self.fill_pick(&t.boilerplate.byline, rng)];
        let mut words = words_of(&lines[0]);
        let primary = rng.below(5);
        let mut stuck = 0;
        while words < target && stuck < 50 {
            let mut para = String::new();
            for _ in 0..rng.range(2, 4) {
                let s = if conflict {
                    self.conflict_sentence(primary, rng)
                } else {
                    self.fill_pick(other, rng)
                };
                let n = words_of(&s);
                if words + n > MAX_WORDS - RESERVE {
                    stuck += 1;
                    continue;
                }
                words += n;
                if !para.is_empty() {
                    para.push(' ');
                }
                para.push_str(&s);
            }
            if !para.is_empty() {
                lines.push(para);
            }
            if lines.len() == 4 && rng.chance(0.4) {
                let related = self.fill_pick(&t.boilerplate.related, rng);
                words += words_of(&related);
                lines.push(related);
            }
        }
        let footer = vec![self.fill_pick(&t.boilerplate.footer, rng)];
        Story {
            title,
            publisher: self.pools.publisher(&t.words, rng),
            published: Date::new(
                2023 + rng.below(3) as i16,
                1 + rng.below(12) as i8,
                1 + rng.below(28) as i8,
            )
            .ok(),
            lines,
            footer,
        }
    }

    fn conflict_sentence(&self, primary: usize, rng: &mut Rng) -> String {
        let c = &self.templates.conflict;
        let kinds = [
            &c.transfer,
            &c.deployment,
            &c.casualties,
            &c.loss,
            &c.production,
        ];
        let pool = match rng.below(10) {
            0..=5 => kinds[primary],
            6 | 7 => kinds[rng.below(kinds.len())],
            _ => &c.context,
        };
        self.fill_pick(pool, rng)
    }
}

/// Which earlier story document `index` copies, if it is a copy.
fn copy_source(seed: u64, index: usize) -> Option<usize> {
    if index == 0 {
        return None;
    }
    let mut rng = Rng::for_item(seed, STREAM_COPY, index as u64);
    if !rng.chance(COPY_SHARE) {
        return None;
    }
    // Copy an original, not another copy; give up (stay original) after a
    // few draws so the cost is bounded.
    (0..8)
        .map(|_| rng.below(index))
        .find(|&j| copy_source(seed, j).is_none())
}

fn words_of(s: &str) -> usize {
    s.split_whitespace().count()
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    fn generator() -> &'static Generator {
        static G: OnceLock<Generator> = OnceLock::new();
        G.get_or_init(|| Generator::new(&Lexicon::builtin().unwrap()).unwrap())
    }

    #[test]
    fn deterministic_for_a_seed() {
        let g = generator();
        let a: Vec<_> = g.corpus(42, 30).collect();
        let b: Vec<_> = g.corpus(42, 30).collect();
        assert_eq!(a, b);
        let c: Vec<_> = g.corpus(43, 30).collect();
        assert_ne!(a[0].doc.text, c[0].doc.text);
        // Any document can be made alone, equal to its place in the stream.
        assert_eq!(g.document(42, 17), a[17]);
    }

    #[test]
    fn lengths_within_bounds_and_every_doc_has_id_and_text() {
        for g in generator().corpus(7, 400) {
            let n = words_of(&g.doc.text);
            assert!(
                (MIN_WORDS..=MAX_WORDS).contains(&n),
                "{} has {n} words",
                g.doc.id.as_str()
            );
            assert!(!g.doc.id.as_str().is_empty());
            assert!(g.doc.title.is_some() && g.doc.publisher.is_some());
            assert!(!g.doc.text.contains('{'), "unfilled: {}", g.doc.text);
        }
    }

    #[test]
    fn share_of_near_copies() {
        let docs: Vec<_> = generator().corpus(3, 2000).collect();
        let copies: Vec<_> = docs.iter().filter(|g| g.copy_of.is_some()).collect();
        let share = copies.len() as f64 / docs.len() as f64;
        assert!((0.07..=0.13).contains(&share), "share {share}");
        for c in copies {
            let j = c.copy_of.unwrap();
            let orig = &docs[j];
            assert!(orig.copy_of.is_none());
            assert_ne!(c.doc.id, orig.doc.id);
            assert_ne!(c.doc.publisher, orig.doc.publisher);
            // Same story: most of the original's lines are in the copy.
            let lines: Vec<&str> = orig.doc.text.lines().filter(|l| !l.is_empty()).collect();
            let kept = lines.iter().filter(|l| c.doc.text.contains(**l)).count();
            assert!(
                kept * 2 >= lines.len(),
                "copy {} kept {kept}",
                c.doc.id.as_str()
            );
        }
    }

    #[test]
    fn conflict_text_exercises_the_lexicon_and_figures() {
        let lex = Lexicon::builtin().unwrap();
        let docs: Vec<_> = generator().corpus(11, 50).collect();
        let mentions: usize = docs.iter().map(|g| lex.find(&g.doc.text).len()).sum();
        let figures: usize = docs
            .iter()
            .map(|g| tally_figures::find_figures(&g.doc.text).len())
            .sum();
        assert!(mentions > 50 * 5, "{mentions} mentions");
        assert!(figures > 50 * 5, "{figures} figures");
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("UPDATE: Heavy Losses!"), "update-heavy-losses");
    }
}
