//! Building the ledger: copy groups, origins, facts, value groups and
//! timelines, from documents and their claims. Pure and deterministic.

use crate::fact::{Fact, Placed};
use crate::facts::{cluster, Report};
use crate::id::ClaimId;
use crate::items::ItemKey;
use crate::knowledge::Knowledge;
use crate::origin::{fuller_names, Origins};
use crate::syndication::{CopyGroups, DocText};
use crate::timeline::{flags, timeline, value_groups, Entry};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use tally_core::{Claim, Date, Document};
use tally_lexicon::Lexicon;

/// How to build a ledger.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Only documents published on or before this date count (undated
    /// documents then do not count: nothing shows they existed).
    pub as_of: Option<Date>,
}

/// The ledger over a set of documents and claims.
#[derive(Clone, Debug, PartialEq)]
pub struct Ledger {
    /// The input claims that count, in input order.
    pub claims: Vec<Placed>,
    pub facts: Vec<Fact>,
    /// `(copy, copy_of)` document ids: each syndicated copy and the
    /// earliest copy of its story.
    pub copies: Vec<(String, String)>,
}

impl Ledger {
    /// Build the ledger. Claims whose document is not among `docs` count
    /// as undated reports of an outlet named by their document id.
    pub fn build(
        docs: &[Document],
        claims: &[Claim],
        lexicon: &Lexicon,
        knowledge: &Knowledge,
        options: &Options,
    ) -> Ledger {
        let docs: Vec<&Document> = docs
            .iter()
            .filter(|d| {
                options
                    .as_of
                    .is_none_or(|a| d.published.is_some_and(|p| p <= a))
            })
            .collect();
        let texts: Vec<DocText<'_>> = docs
            .iter()
            .map(|d| DocText {
                id: d.id.as_str(),
                published: d.published,
                text: &d.text,
            })
            .collect();
        let groups = CopyGroups::find(&texts);
        Ledger::assemble(&docs, &groups, claims, lexicon, knowledge, options)
    }

    /// Build the ledger with copy groups found before (stored):
    /// `roots[i]` is the position in `docs` of the root of `docs[i]`'s
    /// group. Every document counts (no `as_of`). This is how a stored
    /// ledger recomputes one block of claims: `docs` holds the documents of
    /// those claims and their roots.
    pub fn build_with_roots(
        docs: &[Document],
        roots: Vec<usize>,
        claims: &[Claim],
        lexicon: &Lexicon,
        knowledge: &Knowledge,
    ) -> Ledger {
        let docs: Vec<&Document> = docs.iter().collect();
        let groups = CopyGroups::from_roots(roots);
        Ledger::assemble(
            &docs,
            &groups,
            claims,
            lexicon,
            knowledge,
            &Options::default(),
        )
    }

    /// The block of a claim: claims of two blocks are never one fact, so a
    /// stored ledger recomputes only the blocks that new or removed claims
    /// fall in.
    pub fn block(claim: &Claim) -> String {
        crate::facts::block_key(claim)
    }

    fn assemble(
        docs: &[&Document],
        groups: &CopyGroups,
        claims: &[Claim],
        lexicon: &Lexicon,
        knowledge: &Knowledge,
        options: &Options,
    ) -> Ledger {
        let copies = groups
            .copies()
            .map(|(c, r)| {
                (
                    docs[c].id.as_str().to_string(),
                    docs[r].id.as_str().to_string(),
                )
            })
            .collect();
        let (claims, reports, resolved) = place(docs, groups, claims, lexicon, knowledge, options);
        let mut ledger = Ledger {
            claims,
            facts: Vec::new(),
            copies,
        };
        ledger.facts = facts(&mut ledger.claims, &reports, &resolved);
        ledger
    }
}

fn outlet(d: &Document) -> String {
    d.publisher
        .clone()
        .unwrap_or_else(|| d.id.as_str().to_string())
}

type Placing<'c> = (Vec<Placed>, Vec<Report<'c>>, Vec<bool>);

fn place<'c>(
    docs: &[&Document],
    groups: &CopyGroups,
    claims: &'c [Claim],
    lexicon: &Lexicon,
    knowledge: &Knowledge,
    options: &Options,
) -> Placing<'c> {
    let by_id: HashMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let mut origins = Origins::new(lexicon, knowledge);
    origins.learn(claims.iter().filter_map(|c| {
        let speaker = c.source.as_ref()?.speaker.as_deref()?;
        Some((
            speaker,
            by_id.get(c.doc.as_str()).map(|&i| docs[i].text.as_str())?,
        ))
    }));
    let mut items: HashMap<&str, ItemKey> = HashMap::new();
    let (mut placed, mut reports) = (Vec::new(), Vec::new());
    let mut resolved = Vec::new();
    for (input, c) in claims.iter().enumerate() {
        let at = by_id.get(c.doc.as_str()).copied();
        if at.is_none() && options.as_of.is_some() {
            continue;
        }
        let doc = at.map(|i| docs[i]);
        let root = at.map(|i| groups.root(i));
        let own_voice = root.map_or_else(|| c.doc.clone(), |r| outlet(docs[r]));
        let origin = origins.of(c, &own_voice);
        resolved.push(origins.resolves(c));
        let item = items
            .entry(c.item.name.as_str())
            .or_insert_with(|| ItemKey::resolve(&c.item.name, lexicon, knowledge))
            .clone();
        // Claims of documents not given get positions past the documents.
        let doc_pos = at.unwrap_or(docs.len() + input);
        placed.push(Placed {
            id: ClaimId::of(c, doc.map(|d| d.text.as_str())),
            input,
            fact: 0,
            origin: origin.clone(),
            published: doc.and_then(|d| d.published),
            outlet: doc.map_or_else(|| c.doc.clone(), outlet),
        });
        reports.push(Report {
            claim: c,
            item,
            published: doc.and_then(|d| d.published),
            doc: doc_pos,
            group: root.unwrap_or(doc_pos),
            origin,
        });
    }
    // Within a report, a short name takes the origin of the full one.
    let mut by_doc: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, r) in reports.iter().enumerate() {
        by_doc.entry(r.doc).or_default().push(i);
    }
    let groups: Vec<Vec<usize>> = by_doc.into_values().collect();
    adopt(&mut placed, &reports, &resolved, &groups);
    for (p, r) in placed.iter().zip(reports.iter_mut()) {
        r.origin.clone_from(&p.origin);
    }
    (placed, reports, resolved)
}

/// Give each claim whose speaker nothing resolves the origin of a claim of
/// its group whose resolved speaker's name contains its speaker's words.
fn adopt(placed: &mut [Placed], reports: &[Report<'_>], resolved: &[bool], groups: &[Vec<usize>]) {
    for g in groups {
        let names: Vec<(Option<&str>, bool)> = g
            .iter()
            .map(|&i| {
                let source = reports[i].claim.source.as_ref();
                (source.and_then(|s| s.speaker.as_deref()), resolved[i])
            })
            .collect();
        for (k, found) in fuller_names(&names).into_iter().enumerate() {
            if let Some(j) = found {
                placed[g[k]].origin = placed[g[j]].origin.clone();
            }
        }
    }
}

fn facts(placed: &mut [Placed], reports: &[Report<'_>], resolved: &[bool]) -> Vec<Fact> {
    let labels = cluster(reports);
    let n = labels.iter().max().map_or(0, |m| m + 1);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, &l) in labels.iter().enumerate() {
        placed[i].fact = l;
        members[l].push(i);
    }
    // Within a fact too: "the Air Force" and "the Air Force of the Armed
    // Forces of Ukraine" in two reports of one figure.
    adopt(placed, reports, resolved, &members);
    members.iter().map(|m| fact(placed, reports, m)).collect()
}

fn fact(placed: &[Placed], reports: &[Report<'_>], members: &[usize]) -> Fact {
    let entries: Vec<Entry<'_>> = members
        .iter()
        .map(|&i| Entry {
            at: i,
            claim: reports[i].claim,
            published: placed[i].published,
            origin: &placed[i].origin,
            outlet: &placed[i].outlet,
        })
        .collect();
    let mut values = value_groups(&entries);
    let timeline = timeline(&entries);
    for g in &mut values {
        g.superseded = g.claims.iter().all(|c| {
            timeline
                .iter()
                .any(|r| r.claim == *c && r.superseded_by.is_some())
        });
    }
    let origins: BTreeSet<String> = members.iter().map(|&i| placed[i].origin.clone()).collect();
    let dates: Vec<Date> = members
        .iter()
        .filter_map(|&i| placed[i].published)
        .collect();
    let conservative = (0..values.len())
        .min_by(|&a, &b| {
            floor(reports, &values[a].claims).total_cmp(&floor(reports, &values[b].claims))
        })
        .unwrap_or(0);
    Fact {
        id: format!(
            "f-{}",
            members
                .iter()
                .map(|&i| &placed[i].id)
                .min()
                .map_or("", |c| c.as_str())
        ),
        claims: timeline.iter().map(|r| r.claim).collect(),
        flags: flags(&entries, &values),
        echo: members.len() - origins.len(),
        origins: origins.into_iter().collect(),
        first: dates.iter().min().copied(),
        last: dates.iter().max().copied(),
        conservative,
        most_cited: 0,
        values,
        timeline,
    }
}

/// The lowest value a group's claims allow.
fn floor(reports: &[Report<'_>], claims: &[usize]) -> f64 {
    claims
        .iter()
        .map(|&c| crate::values::Interval::of(&reports[c].claim.quantity).lo)
        .fold(f64::INFINITY, f64::min)
}
