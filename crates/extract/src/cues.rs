//! Closed word lists of news English (speech verbs, denial verbs, planned
//! cues, evidence cues ...) and the item head nouns, loaded from
//! `data/extract/*.toml`.

use crate::phrases::PhraseSet;
use crate::ExtractError;
use serde::Deserialize;

/// The built-in cue and item files.
pub(crate) const CUES: &str = include_str!("../../../data/extract/cues.toml");
pub(crate) const ITEMS: &str = include_str!("../../../data/extract/items.toml");

/// What sort of thing an item counts.
/// What a word of `topic_words` speaks of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Topic {
    Conflict,
    Economy,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum ItemKind {
    People,
    Civilians,
    Materiel,
    Money,
}

impl ItemKind {
    pub fn is_people(self) -> bool {
        matches!(self, ItemKind::People | ItemKind::Civilians)
    }
}

/// An item head noun: its class name and kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ItemClass {
    pub name: String,
    pub kind: ItemKind,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCues {
    speech: Vec<String>,
    statement_time: Vec<String>,
    denial: Vec<String>,
    planned: Vec<String>,
    anaphora: Vec<String>,
    item_skip: Vec<String>,
    item_elided: Vec<String>,
    base_before: Vec<String>,
    footage: Vec<String>,
    footage_verbs: Vec<String>,
    imagery: Vec<String>,
    document: Vec<String>,
    estimate: Vec<String>,
    speaker_anaphora: Vec<String>,
    speaker_nouns: Vec<String>,
    military_context: Vec<String>,
    conflict_words: Vec<String>,
    economy_words: Vec<String>,
    origin_suffixes: Vec<String>,
    origin_phrases: Vec<String>,
    belligerents: Vec<[String; 2]>,
    future: Vec<String>,
    #[serde(default)]
    economic_aggregates: Vec<String>,
    #[serde(default)]
    own_dead_counters: Vec<String>,
    #[serde(default)]
    use_by: Vec<String>,
    #[serde(default)]
    label_nouns: Vec<String>,
    #[serde(default)]
    composition: Vec<String>,
    #[serde(default)]
    consignments: Vec<String>,
    #[serde(default)]
    attack_nouns: Vec<String>,
    package: Vec<String>,
    casualty_nouns: Vec<String>,
    event_words: Vec<Vec<String>>,
    people_continuation: Vec<String>,
    presence_verbs: Vec<String>,
    plan_verbs: Vec<String>,
    refusal: Vec<String>,
    deploy_verbs: Vec<String>,
    fire_verbs: Vec<String>,
    cancel: Vec<String>,
    sale: Vec<String>,
    worth: Vec<String>,
    elliptic_states: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItems {
    item: Vec<RawItem>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    name: String,
    kind: ItemKind,
    forms: Vec<String>,
}

/// Every closed list, as phrase sets.
#[derive(Debug, Clone, Default)]
pub(crate) struct Cues {
    pub speech: PhraseSet<()>,
    pub statement_time: PhraseSet<()>,
    pub denial: PhraseSet<()>,
    pub planned: PhraseSet<()>,
    pub anaphora: PhraseSet<()>,
    pub item_skip: PhraseSet<()>,
    pub item_elided: PhraseSet<()>,
    pub base_before: PhraseSet<()>,
    pub footage: PhraseSet<()>,
    pub footage_verbs: PhraseSet<()>,
    pub imagery: PhraseSet<()>,
    pub document: PhraseSet<()>,
    pub estimate: PhraseSet<()>,
    pub speaker_anaphora: PhraseSet<()>,
    /// Common nouns that can say something ("officials", "residents"): a
    /// subject of a verb of saying with none of these, no name and no
    /// organisation word is no speaker ("the pledge adds to ...").
    pub speaker_nouns: PhraseSet<()>,
    pub military_context: PhraseSet<()>,
    /// Words of war and arms, and of business, sport, politics and weather,
    /// in one set: a document whose words are mostly of the second kind
    /// gives no claims.
    pub topic_words: PhraseSet<Topic>,
    pub origin_suffixes: Vec<String>,
    pub origin_phrases: PhraseSet<()>,
    pub belligerents: Vec<(String, String)>,
    pub future: PhraseSet<()>,
    /// Aggregates of an economy ("GDP"): a share of one is no claim.
    pub economic_aggregates: PhraseSet<()>,
    /// Bodies that count their own side's dead ("health ministry"), lower case.
    pub own_dead_counters: Vec<String>,
    /// Verbs before "by X" that name the user of a weapon ("launched by").
    pub use_by: PhraseSet<()>,
    /// Nouns a number names rather than counts ("day 1,205", "flight 17").
    pub label_nouns: PhraseSet<()>,
    /// Verbs of composition ("consisted of"): what a consignment is made of
    /// is what was moved; what a battery is made of is no claim.
    pub composition: PhraseSet<()>,
    /// Nouns of things moved as one lot ("shipment", "package").
    pub consignments: PhraseSet<()>,
    /// Nouns of an attack: a demonym before one names the attacker ("the
    /// Indian strikes").
    pub attack_nouns: PhraseSet<()>,
    pub package: PhraseSet<()>,
    pub casualty_nouns: PhraseSet<()>,
    /// Words of one dated event each ("invasion", "invaded").
    pub event_words: Vec<Vec<String>>,
    /// Words right after a figure that continue the last people count
    /// ("120 others were wounded", "dozens more were injured").
    pub people_continuation: PhraseSet<()>,
    /// Verbs of being somewhere ("fighting", "stationed") that put counted
    /// people in the place after them.
    pub presence_verbs: PhraseSet<()>,
    /// Verbs of saying that, before "to", plan instead ("expected to receive").
    pub plan_verbs: PhraseSet<()>,
    /// Words before "to" that undo a verb of saying ("declined to comment").
    pub refusal: PhraseSet<()>,
    /// Verbs that move a side's own materiel: a transfer only with a
    /// recipient named ("deployed 45 aircraft around the island").
    pub deploy_verbs: PhraseSet<()>,
    /// Verbs of firing or launching: their subject owns what they fire.
    pub fire_verbs: PhraseSet<()>,
    /// Cancellations ("scrapped plans to send"): negate and plan.
    pub cancel: PhraseSet<()>,
    /// Words of a sale: a package sum near them is a price.
    pub sale: PhraseSet<()>,
    /// Words that tie a sum to a thing ("radars worth ¥1.6 billion").
    pub worth: PhraseSet<()>,
    /// First words of state names a story may use alone ("the North" for
    /// North Korea), capitalised as written.
    pub elliptic_states: Vec<String>,
    pub items: PhraseSet<ItemClass>,
}

fn data_err(file: &str, e: toml::de::Error) -> ExtractError {
    ExtractError::Data {
        file: file.into(),
        message: e.message().to_string(),
    }
}

impl Cues {
    pub fn parse(cues: &str, items: &str) -> Result<Cues, ExtractError> {
        let c: RawCues = toml::from_str(cues).map_err(|e| data_err("cues.toml", e))?;
        let it: RawItems = toml::from_str(items).map_err(|e| data_err("items.toml", e))?;
        let mut item_set = PhraseSet::default();
        for i in it.item {
            for f in &i.forms {
                item_set.insert(
                    f,
                    ItemClass {
                        name: i.name.clone(),
                        kind: i.kind,
                    },
                );
            }
        }
        let s = |l: &[String]| PhraseSet::from_list(l, ());
        Ok(Cues {
            speech: s(&c.speech),
            statement_time: s(&c.statement_time),
            denial: s(&c.denial),
            planned: s(&c.planned),
            anaphora: s(&c.anaphora),
            item_skip: s(&c.item_skip),
            item_elided: s(&c.item_elided),
            base_before: s(&c.base_before),
            footage: s(&c.footage),
            footage_verbs: s(&c.footage_verbs),
            imagery: s(&c.imagery),
            document: s(&c.document),
            estimate: s(&c.estimate),
            speaker_anaphora: s(&c.speaker_anaphora),
            speaker_nouns: s(&c.speaker_nouns),
            military_context: s(&c.military_context),
            topic_words: {
                let mut t = PhraseSet::from_list(&c.conflict_words, Topic::Conflict);
                for w in &c.economy_words {
                    t.insert(w, Topic::Economy);
                }
                t
            },
            origin_suffixes: c
                .origin_suffixes
                .iter()
                .map(|x| x.to_ascii_lowercase())
                .collect(),
            origin_phrases: s(&c.origin_phrases),
            belligerents: c.belligerents.into_iter().map(|[a, b]| (a, b)).collect(),
            future: s(&c.future),
            economic_aggregates: s(&c.economic_aggregates),
            own_dead_counters: c
                .own_dead_counters
                .iter()
                .map(|x| x.to_lowercase())
                .collect(),
            use_by: s(&c.use_by),
            label_nouns: s(&c.label_nouns),
            composition: s(&c.composition),
            consignments: s(&c.consignments),
            attack_nouns: s(&c.attack_nouns),
            package: s(&c.package),
            casualty_nouns: s(&c.casualty_nouns),
            event_words: c
                .event_words
                .iter()
                .map(|g| g.iter().map(|w| w.to_ascii_lowercase()).collect())
                .collect(),
            people_continuation: s(&c.people_continuation),
            presence_verbs: s(&c.presence_verbs),
            plan_verbs: s(&c.plan_verbs),
            refusal: s(&c.refusal),
            deploy_verbs: s(&c.deploy_verbs),
            fire_verbs: s(&c.fire_verbs),
            cancel: s(&c.cancel),
            sale: s(&c.sale),
            worth: s(&c.worth),
            elliptic_states: c.elliptic_states,
            items: item_set,
        })
    }

    /// The other side of a belligerent pair.
    /// The one side `code` is at war with; none when the data lists it
    /// against several (Israel against Hamas and against Hezbollah): then
    /// the opponent is a guess.
    pub fn opponent(&self, code: &str) -> Option<&str> {
        let mut found = self.belligerents.iter().filter_map(|(a, b)| {
            if a == code {
                Some(b.as_str())
            } else if b == code {
                Some(a.as_str())
            } else {
                None
            }
        });
        let first = found.next()?;
        found.all(|o| o == first).then_some(first)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_files_parse() {
        let c = Cues::parse(CUES, ITEMS).unwrap();
        assert_eq!(c.opponent("UA"), Some("RU"));
        assert_eq!(c.opponent("FR"), None);
        let text = "combat engineers";
        let toks = crate::tokens::tokenize(text, 0, text.len());
        let (class, end) = c.items.at(text, &toks, 0).unwrap();
        assert_eq!(class.kind, ItemKind::People);
        assert_eq!(end, 2);
    }
}
