//! Within-document de-duplication: the same figure stated twice (headline
//! and body, say) is one claim, kept where it is most complete.

use rustc_hash::FxHashMap as HashMap;
use tally_core::{Claim, Kind, Outcome, Unit};

fn norm(s: &str) -> String {
    let mut n: String = s
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(|c| c.to_lowercase())
        .collect();
    if n.len() > 3 && n.ends_with('s') {
        n.pop();
    }
    n
}

fn same_item(a: &Claim, b: &Claim) -> bool {
    let fa = [norm(&a.item.name), norm(&a.item.text)];
    let fb = [norm(&b.item.name), norm(&b.item.text)];
    fa.iter().any(|x| {
        fb.iter().any(|y| {
            !x.is_empty()
                && !y.is_empty()
                && (x == y
                    || (x.len().min(y.len()) >= 4
                        && (x.contains(y.as_str()) || y.contains(x.as_str()))))
        })
    })
}

/// Do two claims state the same figure about the same event?
pub(crate) fn same_key(a: &Claim, b: &Claim) -> bool {
    let to_counts = !matches!(a.kind, Kind::Casualties | Kind::Loss);
    a.kind == b.kind
        && a.from == b.from
        && (!to_counts || a.to == b.to)
        && a.outcome == b.outcome
        && (a.quantity.value - b.quantity.value).abs()
            <= 0.005 * a.quantity.value.abs().max(b.quantity.value.abs())
        && a.quantity.unit == b.quantity.unit
        && same_item(a, b)
}

fn completeness(c: &Claim, headline: bool) -> usize {
    [
        c.from.is_some(),
        c.to.is_some(),
        c.when.is_some(),
        c.place.is_some(),
        c.source.is_some(),
        c.evidence.is_some(),
    ]
    .iter()
    .filter(|x| **x)
    .count()
        * 2
        + usize::from(!headline)
}

/// What two claims with the same key always share: kind, from, to (when
/// it counts), outcome, unit, and a value bucket 1% wide on a log scale
/// (values within 0.5% of each other fall in the same or adjacent buckets).
type Bucket = (
    Kind,
    Option<String>,
    Option<String>,
    Option<Outcome>,
    Unit,
    i64,
);

fn bucket(c: &Claim, shift: i64) -> Bucket {
    let to_counts = !matches!(c.kind, Kind::Casualties | Kind::Loss);
    let v = c.quantity.value.abs();
    let b = if v == 0.0 {
        i64::MIN
    } else {
        (v.ln() / 1.01f64.ln()).floor() as i64
    };
    (
        c.kind,
        c.from.clone(),
        c.to.clone().filter(|_| to_counts),
        c.outcome,
        c.quantity.unit.clone(),
        b.saturating_add(shift),
    )
}

/// Keep one claim per key; `headline[i]` says claim `i` comes from a headline
/// or list item. Order of first appearance is kept.
///
/// Each claim is compared only with the kept claims of its own and the
/// adjacent buckets, the first match in order winning as in a scan of all
/// of them, so the time grows with the claims, not with their square.
pub(crate) fn dedup(claims: Vec<Claim>, headline: &[bool]) -> Vec<Claim> {
    let mut kept: Vec<(Claim, bool)> = Vec::new();
    let mut index: HashMap<Bucket, Vec<usize>> = HashMap::default();
    for (c, h) in claims.into_iter().zip(headline.iter().copied()) {
        let found = (-1..=1)
            .filter_map(|shift| index.get(&bucket(&c, shift)))
            .flatten()
            .copied()
            .filter(|&i| same_key(&kept[i].0, &c))
            .min();
        match found {
            Some(i) => {
                if completeness(&c, h) > completeness(&kept[i].0, kept[i].1) {
                    move_in_index(&mut index, bucket(&kept[i].0, 0), bucket(&c, 0), i);
                    kept[i] = (c, h);
                }
            }
            None => {
                index.entry(bucket(&c, 0)).or_default().push(kept.len());
                kept.push((c, h));
            }
        }
    }
    kept.into_iter().map(|(c, _)| c).collect()
}

/// Claim `i` was replaced by one in bucket `to`: keep each bucket's list of
/// positions sorted.
fn move_in_index(index: &mut HashMap<Bucket, Vec<usize>>, from: Bucket, to: Bucket, i: usize) {
    if from == to {
        return;
    }
    if let Some(list) = index.get_mut(&from) {
        list.retain(|&k| k != i);
    }
    let list = index.entry(to).or_default();
    let at = list.partition_point(|&k| k < i);
    list.insert(at, i);
}

#[cfg(test)]
mod tests {
    use super::*;
    use tally_core::{Item, Quantity, Span};

    fn claim(value: f64, text: &str, from: Option<&str>) -> Claim {
        let item = Item::new("tanks", text);
        Claim {
            from: from.map(str::to_string),
            ..Claim::new(
                "d",
                Kind::Transfer,
                item,
                Quantity::exact(value, "x"),
                Span::new(0, 1),
            )
        }
    }

    #[test]
    fn keeps_one_of_a_repeated_figure() {
        let a = claim(14.0, "battle tanks", Some("GB"));
        let b = claim(14.0, "tanks", Some("GB"));
        let c = claim(15.0, "tanks", Some("GB"));
        let out = dedup(vec![a, b, c], &[true, false, false]);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].item.text, "tanks");
    }

    /// The plain scan over every kept claim, as it was before the index.
    fn dedup_by_scan(claims: Vec<Claim>, headline: &[bool]) -> Vec<Claim> {
        let mut kept: Vec<(Claim, bool)> = Vec::new();
        for (c, h) in claims.into_iter().zip(headline.iter().copied()) {
            if let Some(k) = kept.iter_mut().find(|(k, _)| same_key(k, &c)) {
                if completeness(&c, h) > completeness(&k.0, k.1) {
                    *k = (c, h);
                }
            } else {
                kept.push((c, h));
            }
        }
        kept.into_iter().map(|(c, _)| c).collect()
    }

    #[test]
    fn the_index_keeps_what_a_full_scan_keeps() {
        let values = [0.0, 1.0, 99.6, 100.0, 100.4, 100.6, 101.0, 1e6, 1.004e6];
        let mut claims = Vec::new();
        let mut headline = Vec::new();
        for (i, v) in values.iter().cycle().take(90).enumerate() {
            let from = ["GB", "FR", "DE"][i % 3];
            let text = ["tanks", "battle tanks", "guns"][i / 3 % 3];
            let mut c = claim(*v, text, Some(from).filter(|_| i % 4 != 0));
            if i % 5 == 0 {
                c.to = Some("UA".into());
            }
            if i % 7 == 0 {
                c.kind = Kind::Loss;
            }
            claims.push(c);
            headline.push(i % 2 == 0);
        }
        let fast = dedup(claims.clone(), &headline);
        assert_eq!(fast, dedup_by_scan(claims, &headline));
        assert!(fast.len() > 5, "{}", fast.len());
    }
}
