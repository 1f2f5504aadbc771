//! Within-document de-duplication: the same figure stated twice (headline
//! and body, say) is one claim, kept where it is most complete.

use tally_core::{Claim, Kind};

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

/// Keep one claim per key; `headline[i]` says claim `i` comes from a headline
/// or list item. Order of first appearance is kept.
pub(crate) fn dedup(claims: Vec<Claim>, headline: &[bool]) -> Vec<Claim> {
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
}
