//! Within a fact: value groups (claims whose values are compatible), the
//! timeline of values by publication date, and revisions (a later figure
//! from the same origin supersedes its earlier one).

use crate::fact::{Flag, Revision, ValueGroup};
use crate::values::{label, Interval};
use std::collections::{BTreeMap, BTreeSet};
use tally_core::{Bound, Claim, Date};

/// What the fact builder needs of a claim.
#[derive(Clone, Copy, Debug)]
pub struct Entry<'a> {
    /// Position in the ledger's claims.
    pub at: usize,
    pub claim: &'a Claim,
    pub published: Option<Date>,
    pub origin: &'a str,
    pub outlet: &'a str,
}

/// Precise bounds first, so open bounds ("over 100") join the exact figure
/// they allow.
fn precision(b: Bound) -> u8 {
    match b {
        Bound::Exact | Bound::Relative => 0,
        Bound::Approx => 1,
        Bound::Range => 2,
        Bound::AtLeast | Bound::AtMost => 3,
    }
}

/// Group entries by compatible values: each joins the first group whose
/// common interval still meets its own.
pub fn value_groups(entries: &[Entry<'_>]) -> Vec<ValueGroup> {
    let mut order: Vec<&Entry<'_>> = entries.iter().collect();
    order.sort_by_key(|e| (precision(e.claim.quantity.bound), e.published, e.at));
    let mut groups: Vec<(Interval, Vec<&Entry<'_>>)> = Vec::new();
    for e in order {
        let iv = Interval::of(&e.claim.quantity);
        match groups.iter_mut().find(|(g, _)| g.overlaps(&iv)) {
            Some((g, members)) => {
                *g = g.intersect(&iv).unwrap_or(*g);
                members.push(e);
            }
            None => groups.push((iv, vec![e])),
        }
    }
    let mut out: Vec<ValueGroup> = groups.into_iter().map(|(_, m)| group(&m)).collect();
    out.sort_by(|a, b| {
        b.origins
            .len()
            .cmp(&a.origins.len())
            .then(b.claims.len().cmp(&a.claims.len()))
    });
    out
}

fn group(members: &[&Entry<'_>]) -> ValueGroup {
    let origins: BTreeSet<String> = members.iter().map(|e| e.origin.to_string()).collect();
    let speakers: BTreeSet<String> = members
        .iter()
        .filter_map(|e| e.claim.source.as_ref()?.speaker.clone())
        .collect();
    let dates: Vec<Date> = members.iter().filter_map(|e| e.published).collect();
    ValueGroup {
        label: label(&members[0].claim.quantity),
        claims: members.iter().map(|e| e.at).collect(),
        speakers: speakers.into_iter().collect(),
        echo: members.len() - origins.len(),
        origins: origins.into_iter().collect(),
        first: dates.iter().min().copied(),
        last: dates.iter().max().copied(),
        superseded: false,
    }
}

/// Entries by publication date (undated last); an entry is superseded by
/// the next later-dated entry of the same origin whose value is
/// incompatible with it.
pub fn timeline(entries: &[Entry<'_>]) -> Vec<Revision> {
    let mut order: Vec<&Entry<'_>> = entries.iter().collect();
    order.sort_by_key(|e| (e.published.is_none(), e.published, e.at));
    order
        .iter()
        .enumerate()
        .map(|(i, e)| Revision {
            date: e.published,
            claim: e.at,
            label: label(&e.claim.quantity),
            origin: e.origin.to_string(),
            superseded_by: order[i + 1..].iter().find(|l| revises(l, e)).map(|l| l.at),
        })
        .collect()
}

fn revises(later: &Entry<'_>, earlier: &Entry<'_>) -> bool {
    let dated = matches!((later.published, earlier.published), (Some(l), Some(e)) if l > e);
    dated
        && later.origin == earlier.origin
        && !Interval::of(&later.claim.quantity).overlaps(&Interval::of(&earlier.claim.quantity))
}

/// Flags: one origin carried by three or more outlets; incompatible
/// values; outlets citing each other in a loop.
pub fn flags(entries: &[Entry<'_>], groups: &[ValueGroup]) -> Vec<Flag> {
    let mut outlets: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for e in entries {
        if e.origin != e.outlet {
            outlets.entry(e.origin).or_default().insert(e.outlet);
        }
    }
    let mut out: Vec<Flag> = outlets
        .into_iter()
        .filter(|(_, o)| o.len() >= 3)
        .map(|(origin, o)| Flag::Echoed {
            origin: origin.to_string(),
            outlets: o.len(),
        })
        .collect();
    if groups.len() > 1 {
        out.push(Flag::Conflicting);
    }
    out.extend(
        citation_loops(entries)
            .into_iter()
            .map(|outlets| Flag::CitationLoop { outlets }),
    );
    out
}

/// Sets of two or more outlets that reach each other through the claims'
/// citations: an outlet cites whom its claim names as `via`, or as speaker
/// when that speaker is itself one of the fact's outlets. Names compare
/// case-insensitively; each loop is given sorted, loops in order.
fn citation_loops(entries: &[Entry<'_>]) -> Vec<Vec<String>> {
    let key = |s: &str| s.trim().to_lowercase();
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    for e in entries {
        names
            .entry(key(e.outlet))
            .or_insert_with(|| e.outlet.trim().to_string());
    }
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for e in entries {
        let Some(source) = e.claim.source.as_ref() else {
            continue;
        };
        let from = key(e.outlet);
        for cited in [&source.via, &source.speaker].into_iter().flatten() {
            let to = key(cited);
            if to != from && names.contains_key(&to) {
                edges.entry(from.clone()).or_default().insert(to);
            }
        }
    }
    let reach = |start: &String| -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut todo = vec![start.clone()];
        while let Some(n) = todo.pop() {
            for m in edges.get(&n).into_iter().flatten() {
                if seen.insert(m.clone()) {
                    todo.push(m.clone());
                }
            }
        }
        seen
    };
    let reached: BTreeMap<&String, BTreeSet<String>> =
        edges.keys().map(|n| (n, reach(n))).collect();
    let mut loops: BTreeSet<Vec<String>> = BTreeSet::new();
    for (n, r) in &reached {
        if !r.contains(*n) {
            continue;
        }
        let mut members: Vec<String> = r
            .iter()
            .filter(|m| reached.get(m).is_some_and(|back| back.contains(*n)))
            .filter_map(|m| names.get(m).cloned())
            .collect();
        members.sort();
        members.dedup();
        if members.len() >= 2 {
            loops.insert(members);
        }
    }
    loops.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(value: f64, bound: &str) -> Claim {
        let json = format!(
            r#"{{"doc":"d","kind":"deployment","stage":"done","item":{{"name":"troops","text":"troops"}},
            "quantity":{{"value":{value},"bound":"{bound}","unit":"item","text":"x"}},"span":[0,1]}}"#
        );
        serde_json::from_str(&json).unwrap()
    }

    fn entry<'a>(at: usize, c: &'a Claim, date: &str, origin: &'a str) -> Entry<'a> {
        Entry {
            at,
            claim: c,
            published: date.parse().ok(),
            origin,
            outlet: "Wire",
        }
    }

    fn cited(value: f64, via: &str) -> Claim {
        let mut c = claim(value, "exact");
        c.source = serde_json::from_str(&format!(r#"{{"speaker":null,"via":"{via}"}}"#)).unwrap();
        c
    }

    #[test]
    fn outlets_citing_each_other_are_a_loop() {
        let (a, b, c, d) = (
            cited(50.0, "Daily Post"),
            cited(50.0, "the wire"),
            cited(50.0, "The Wire"),
            cited(50.0, "Ministry"),
        );
        let with = |at, c, outlet| Entry {
            at,
            claim: c,
            published: None,
            origin: "O",
            outlet,
        };
        let e = [
            with(0, &a, "The Wire"),
            with(1, &b, "Daily Post"),
            with(2, &c, "Evening Star"),
            with(3, &d, "Ministry"),
        ];
        assert_eq!(
            citation_loops(&e),
            vec![vec!["Daily Post".to_string(), "The Wire".to_string()]]
        );
        // A chain that does not come back is no loop.
        assert!(citation_loops(&e[1..]).is_empty());
    }

    #[test]
    fn open_bounds_join_exact_values_and_distinct_values_split() {
        let (a, b, c) = (
            claim(120.0, "exact"),
            claim(100.0, "at_least"),
            claim(200.0, "exact"),
        );
        let e = [
            entry(0, &a, "2025-01-01", "X"),
            entry(1, &b, "2025-01-02", "Y"),
            entry(2, &c, "2025-01-03", "X"),
        ];
        let g = value_groups(&e);
        assert_eq!(g.len(), 2);
        assert_eq!(g[0].label, "120");
        assert_eq!(g[0].claims, vec![0, 1]);
        assert_eq!(g[0].origins, vec!["X", "Y"]);
        assert_eq!(flags(&e, &g), vec![Flag::Conflicting]);
    }

    #[test]
    fn a_later_figure_of_the_same_origin_is_a_revision() {
        let (a, b, c) = (
            claim(1410.0, "exact"),
            claim(1140.0, "exact"),
            claim(1410.0, "exact"),
        );
        let e = [
            entry(0, &a, "2025-06-12", "GS"),
            entry(1, &b, "2025-06-13", "GS"),
            entry(2, &c, "2025-06-13", "Other"),
        ];
        let t = timeline(&e);
        assert_eq!(t[0].superseded_by, Some(1));
        assert_eq!(t[1].superseded_by, None);
        assert_eq!(t[2].superseded_by, None);
    }
}
