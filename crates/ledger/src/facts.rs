//! Claims clustered into facts: one real-world figure, whatever value each
//! report gives it.
//!
//! Claims are first blocked on what a fact can never mix: kind, stage,
//! outcome, the party it is about (`from`) and the unit's dimension (a
//! count, a share, a factor, money). Within a block every pair is scored
//! (item, the other party, values, event period, place, publication dates,
//! same document or copy), and clusters are merged by average link: the two
//! clusters whose pairs agree best on average, while that average clears a
//! threshold. A pair that can never be one fact (two systems, two
//! recipients, two periods that do not meet, one origin giving two
//! incompatible figures in one report) vetoes the merge. Average link,
//! unlike transitive closure, does not chain "10,000 ~ 11,000 ~ 12,000 ~
//! 14,000" into one fact through near neighbours.

use crate::items::{ItemKey, ItemMatch};
use crate::values::{ratio, Interval};
use std::collections::BTreeMap;
use tally_core::{Claim, Date, Unit};

/// A pair that can never be one fact.
const VETO: f64 = -1000.0;
/// Merge while the average pair score of two clusters exceeds this.
const THRESHOLD: f64 = 0.5;
/// Days of slack when comparing event periods.
const PERIOD_SLACK: i32 = 15;
/// A repeated figure at least this large is distinctive enough to be the
/// same figure however late it is repeated.
const DISTINCTIVE: f64 = 50.0;
/// Periods this many days long or shorter (a day's tally) get no slack.
const SHORT_PERIOD: i32 = 3;

/// What clustering needs of one claim.
#[derive(Clone, Debug)]
pub struct Report<'a> {
    pub claim: &'a Claim,
    pub item: ItemKey,
    pub published: Option<Date>,
    /// Position of the claim's document.
    pub doc: usize,
    /// Position of the root of the document's copy group.
    pub group: usize,
    pub origin: String,
}

/// Cluster reports into facts: one cluster label per report, numbered in
/// order of first appearance. Deterministic.
pub fn cluster(reports: &[Report<'_>]) -> Vec<usize> {
    let mut label = vec![usize::MAX; reports.len()];
    let mut next = 0;
    for members in blocks(reports)
        .into_values()
        .flat_map(|m| split(reports, m))
    {
        for group in average_link(reports, &members) {
            for i in group {
                label[i] = next;
            }
            next += 1;
        }
    }
    renumber(&label)
}

/// Average link costs the cube of a block's size; larger blocks are split.
const MAX_BLOCK: usize = 128;

/// Split a large block by the broadest class of its item (items of two
/// broad classes are never one fact), then into runs of claims close in
/// publication date. Two reports of one fact in a huge block that fall in
/// different runs are not merged: the price of bounded time.
fn split(reports: &[Report<'_>], members: Vec<usize>) -> Vec<Vec<usize>> {
    if members.len() <= MAX_BLOCK {
        return vec![members];
    }
    let mut by_item: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for i in members {
        let item = &reports[i].item;
        let key = match (&item.people, item.classes.last()) {
            (Some(_), _) => "people".to_string(),
            (None, Some(c)) => c.clone(),
            (None, None) => item.name.clone(),
        };
        by_item.entry(key).or_default().push(i);
    }
    let mut out = Vec::new();
    for (_, mut m) in by_item {
        m.sort_by_key(|&i| (reports[i].published, i));
        out.extend(m.chunks(MAX_BLOCK).map(<[usize]>::to_vec));
    }
    out
}

/// What a fact can never mix, as one string: kind, stage, outcome, the
/// party it is about and the unit's dimension.
pub fn block_key(c: &Claim) -> String {
    format!(
        "{}|{}|{}|{}|{}",
        c.kind.as_str(),
        c.stage.as_str(),
        c.outcome.map(|o| o.as_str()).unwrap_or_default(),
        c.from.as_deref().unwrap_or("").to_uppercase(),
        dimension(&c.quantity.unit),
    )
}

fn blocks(reports: &[Report<'_>]) -> BTreeMap<String, Vec<usize>> {
    let mut out: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, r) in reports.iter().enumerate() {
        out.entry(block_key(r.claim)).or_default().push(i);
    }
    out
}

fn dimension(u: &Unit) -> u8 {
    match u {
        Unit::Item => 0,
        Unit::Percent => 1,
        Unit::Factor => 2,
        Unit::Money(_) => 3,
    }
}

/// Average-link agglomeration over one block.
fn average_link(reports: &[Report<'_>], members: &[usize]) -> Vec<Vec<usize>> {
    let n = members.len();
    let mut sim = vec![vec![0.0; n]; n];
    for a in 0..n {
        for b in a + 1..n {
            let s = score(&reports[members[a]], &reports[members[b]]);
            sim[a][b] = s;
            sim[b][a] = s;
        }
    }
    let mut clusters: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    // link[x][y]: sum of pair scores between clusters x and y.
    let mut link = sim.clone();
    loop {
        let mut best: Option<(f64, usize, usize)> = None;
        for x in 0..clusters.len() {
            for y in x + 1..clusters.len() {
                let avg = link[x][y] / (clusters[x].len() * clusters[y].len()) as f64;
                if avg > THRESHOLD && best.is_none_or(|b| avg > b.0) {
                    best = Some((avg, x, y));
                }
            }
        }
        let Some((_, x, y)) = best else { break };
        let moved = clusters.remove(y);
        clusters[x].extend(moved);
        link.remove(y);
        for r in link.iter_mut() {
            r.remove(y);
        }
        recompute_row(&mut link, &clusters, &sim, x);
    }
    clusters
        .into_iter()
        .map(|c| c.into_iter().map(|i| members[i]).collect())
        .collect()
}

fn recompute_row(link: &mut [Vec<f64>], clusters: &[Vec<usize>], sim: &[Vec<f64>], x: usize) {
    for z in 0..clusters.len() {
        if z == x {
            continue;
        }
        let s: f64 = clusters[x]
            .iter()
            .flat_map(|&a| clusters[z].iter().map(move |&b| sim[a][b]))
            .sum();
        link[x][z] = s;
        link[z][x] = s;
    }
}

/// How strongly two claims look like one fact; [`VETO`] when they cannot be.
pub fn score(a: &Report<'_>, b: &Report<'_>) -> f64 {
    let (ca, cb) = (a.claim, b.claim);
    if let (Some(x), Some(y)) = (&ca.to, &cb.to) {
        if !x.eq_ignore_ascii_case(y) {
            return VETO;
        }
    }
    let item = match a.item.compare(&b.item) {
        ItemMatch::Different => return VETO,
        // One report naming a system and its class counts a part and the
        // whole ("two aircraft, one of them a Rafale").
        ItemMatch::Related if a.doc == b.doc && a.item.people.is_none() => return VETO,
        ItemMatch::Related => 0.3,
        ItemMatch::Same => 1.0,
    };
    let overlap = Interval::of(&ca.quantity).overlaps(&Interval::of(&cb.quantity));
    let same_figure = same_figure(ca, cb);
    let Some(period) = period_score(ca, cb) else {
        return VETO;
    };
    let same_doc = if a.doc == b.doc && a.origin == b.origin {
        // One origin giving two figures in one report: usually two facts
        // (a running total and its latest day), sometimes a revision.
        -1.5
    } else {
        0.0
    };
    let copies = if a.group == b.group && a.doc != b.doc {
        if overlap {
            1.5
        } else {
            -1.5
        }
    } else {
        0.0
    };
    // A figure repeated word for word is the same figure however late it
    // is repeated; otherwise reports far apart in time tend to be updates.
    // Small counts (2 wounded, 7 tanks) coincide by chance.
    let distinctive = same_figure && ca.quantity.value >= DISTINCTIVE;
    let dates = if distinctive { 0.0 } else { dates_score(a, b) };
    item + value_score(ca, cb, overlap, same_figure)
        + period
        + place_score(ca, cb)
        + dates
        + same_doc
        + copies
}

/// The same value with the same bound.
fn same_figure(a: &Claim, b: &Claim) -> bool {
    let (x, y) = (&a.quantity, &b.quantity);
    x.bound == y.bound && ratio(x, y) <= 1.005 && x.max.is_some() == y.max.is_some()
}

fn value_score(a: &Claim, b: &Claim, overlap: bool, same_figure: bool) -> f64 {
    if same_figure {
        return 2.0;
    }
    let r = ratio(&a.quantity, &b.quantity);
    if overlap {
        // "over 100" allows 120 and 1,000 alike: an open bound far from
        // the other figure is weak evidence.
        return if r <= 1.5 { 1.0 } else { 0.3 };
    }
    match r {
        r if r <= 1.15 => -0.3,
        r if r <= 1.5 => -1.0,
        _ => -2.0,
    }
}

/// `None` when both periods are resolved and do not meet (with a slack,
/// none between two single days). Periods that mostly coincide agree;
/// running totals from starts months apart ("since January" and "since
/// the invasion") disagree.
fn period_score(a: &Claim, b: &Claim) -> Option<f64> {
    let (Some((xf, xt)), Some((yf, yt))) = (span(a), span(b)) else {
        return Some(0.0);
    };
    let short = xt - xf <= SHORT_PERIOD && yt - yf <= SHORT_PERIOD;
    let slack = if short { 0 } else { PERIOD_SLACK };
    if xf > yt + slack || yf > xt + slack {
        return None;
    }
    let common = (xt.min(yt) - xf.max(yf) + 1).max(0);
    let jaccard = f64::from(common) / f64::from(xt.max(yt) - xf.min(yf) + 1);
    Some(if jaccard >= 0.5 {
        0.5
    } else if (xf - yf).abs() > 90 {
        -1.5
    } else {
        0.0
    })
}

/// A resolved period as days, both ends known.
fn span(c: &Claim) -> Option<(i32, i32)> {
    let w = c.when.as_ref()?;
    let (f, t) = (days(w.from?), days(w.to?));
    Some((f.min(t), f.max(t)))
}

fn place_score(a: &Claim, b: &Claim) -> f64 {
    match (&a.place, &b.place) {
        (Some(x), Some(y)) => {
            let (x, y) = (x.to_lowercase(), y.to_lowercase());
            if x.contains(&y) || y.contains(&x) {
                0.5
            } else {
                -0.7
            }
        }
        _ => 0.0,
    }
}

fn dates_score(a: &Report<'_>, b: &Report<'_>) -> f64 {
    let (Some(x), Some(y)) = (a.published, b.published) else {
        return 0.0;
    };
    match (days(x) - days(y)).abs() {
        d if d <= 7 => 0.5,
        d if d <= 45 => 0.0,
        d if d <= 180 => -1.2,
        _ => -2.0,
    }
}

/// Days since an epoch, for differences only.
pub(crate) fn days(d: Date) -> i32 {
    let y = i32::from(d.year());
    let m = i32::from(d.month());
    let (y, m) = if m <= 2 { (y - 1, m + 12) } else { (y, m) };
    365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + i32::from(d.day())
}

fn renumber(label: &[usize]) -> Vec<usize> {
    let mut map = BTreeMap::new();
    label
        .iter()
        .map(|l| {
            let n = map.len();
            *map.entry(*l).or_insert(n)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::Knowledge;
    use tally_lexicon::Lexicon;

    struct Case {
        stage: &'static str,
        to: &'static str,
        item: &'static str,
        value: f64,
        bound: &'static str,
        date: &'static str,
        origin: &'static str,
    }

    fn case(item: &'static str, value: f64, bound: &'static str, date: &'static str) -> Case {
        Case {
            stage: "done",
            to: "RU",
            item,
            value,
            bound,
            date,
            origin: "X",
        }
    }

    /// Cluster cases, each in its own document; the labels.
    fn check(cases: &[Case]) -> Vec<usize> {
        let lex = Lexicon::builtin().unwrap();
        let k = Knowledge::builtin().unwrap();
        let claims: Vec<Claim> = cases
            .iter()
            .map(|c| {
                let json = format!(
                    r#"{{"doc":"d","kind":"deployment","stage":"{}","from":"KP","to":"{}",
                    "item":{{"name":"{}","text":"x"}},"quantity":{{"value":{},"bound":"{}",
                    "unit":"item","text":"x"}},"span":[0,1]}}"#,
                    c.stage, c.to, c.item, c.value, c.bound
                );
                serde_json::from_str(&json).unwrap()
            })
            .collect();
        let reports: Vec<Report<'_>> = claims
            .iter()
            .zip(cases)
            .enumerate()
            .map(|(i, (claim, c))| Report {
                claim,
                item: ItemKey::resolve(c.item, &lex, &k),
                published: c.date.parse().ok(),
                doc: i,
                group: i,
                origin: c.origin.to_string(),
            })
            .collect();
        cluster(&reports)
    }

    #[test]
    fn differing_values_of_one_deployment_are_one_fact() {
        let labels = check(&[
            case("troops", 10000.0, "exact", "2024-10-28"),
            case("soldiers", 11000.0, "approx", "2024-10-30"),
            case("troops", 12000.0, "at_most", "2024-11-02"),
            case("troops", 11000.0, "approx", "2024-11-03"),
        ]);
        assert_eq!(labels, vec![0, 0, 0, 0]);
    }

    #[test]
    fn plans_other_recipients_and_other_systems_are_other_facts() {
        let mut planned = case("troops", 10000.0, "exact", "2024-10-28");
        planned.stage = "planned";
        let mut elsewhere = case("troops", 10000.0, "exact", "2024-10-28");
        elsewhere.to = "BY";
        let labels = check(&[
            case("troops", 10000.0, "exact", "2024-10-28"),
            planned,
            elsewhere,
            case("M1989 Koksan", 120.0, "exact", "2024-10-28"),
            case("M1991 MLRS", 120.0, "exact", "2024-10-28"),
        ]);
        assert_eq!(labels, vec![0, 1, 2, 3, 4]);
    }

    #[test]
    fn a_figure_repeated_months_later_is_still_one_fact_but_a_new_total_is_not() {
        let mut late = case("troops", 11000.0, "approx", "2025-04-30");
        late.origin = "Y";
        let labels = check(&[
            case("troops", 11000.0, "approx", "2024-11-01"),
            late,
            case("troops", 14000.0, "exact", "2025-06-01"),
        ]);
        assert_eq!(labels, vec![0, 0, 1]);
    }

    #[test]
    fn average_link_does_not_chain_near_neighbours() {
        let labels = check(&[
            case("troops", 100.0, "exact", "2024-11-01"),
            case("troops", 100.0, "at_least", "2024-11-01"),
            case("troops", 1000.0, "exact", "2024-12-10"),
        ]);
        // "over 100" fits both, but 100 and 1,000 do not fit each other.
        assert_eq!(labels, vec![0, 0, 1]);
    }

    #[test]
    fn days_count_across_months_and_years() {
        let d = |s: &str| days(s.parse().unwrap());
        assert_eq!(d("2024-03-01") - d("2024-02-28"), 2);
        assert_eq!(d("2025-01-01") - d("2024-12-31"), 1);
    }
}
