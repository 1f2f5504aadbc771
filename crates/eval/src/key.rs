//! A claim's key, `(doc, kind, from, to, item, outcome, quantity.value,
//! quantity.unit)`, and when two keys match (claims.md §4).

use crate::python::{eq, float, get, or_none, to_str, truthy};
use serde_json::Value;

/// Words that make an item a class of people; any two people items match.
/// This list is part of the scoring contract (it is score.py's `PEOPLE`), so
/// it is fixed here rather than read from a data file: changing it would
/// change the figures the reference scorer prints.
const PEOPLE: [&str; 17] = [
    "soldier",
    "troop",
    "personnel",
    "servicem",
    "fighter",
    "worker",
    "adviser",
    "advisor",
    "instructor",
    "engineer",
    "mercenar",
    "conscript",
    "officer",
    "specialist",
    "crew",
    "labourer",
    "laborer",
];

/// Lower case, ASCII letters and digits only, a trailing plural `s` dropped
/// from forms longer than three characters. `None` is the empty form.
pub(crate) fn norm(v: &Value) -> String {
    if v.is_null() {
        return String::new();
    }
    alnum(&to_str(v).to_lowercase())
}

fn alnum(lower: &str) -> String {
    let mut s: String = lower
        .chars()
        .filter(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        .collect();
    if s.len() > 3 && s.ends_with('s') {
        s.pop();
    }
    s
}

/// A party (`from`/`to`): upper case, letters and digits only; `None` stays
/// `None` and matches only `None`.
pub(crate) fn party(v: &Value) -> Option<String> {
    if v.is_null() {
        return None;
    }
    Some(
        to_str(v)
            .to_uppercase()
            .chars()
            .filter(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            .collect(),
    )
}

/// The non-empty normalised forms of a claim's `item.name` and `item.text`.
fn item_forms(c: &Value) -> Vec<String> {
    let item = get(c, "item");
    let mut forms: Vec<String> = Vec::with_capacity(2);
    for f in [norm(get(item, "name")), norm(get(item, "text"))] {
        if !f.is_empty() && !forms.contains(&f) {
            forms.push(f);
        }
    }
    forms
}

fn is_people(forms: &[String]) -> bool {
    forms.iter().any(|f| PEOPLE.iter().any(|p| f.contains(p)))
}

/// Items match when both are people, or when a form of one equals or
/// contains a form of the other, the shorter at least 4 characters long.
pub(crate) fn item_match(a: &Value, b: &Value) -> bool {
    let (fa, fb) = (item_forms(a), item_forms(b));
    if is_people(&fa) && is_people(&fb) {
        return true;
    }
    fa.iter().any(|x| {
        fb.iter().any(|y| {
            let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
            x == y || (short.len() >= 4 && long.contains(short.as_str()))
        })
    })
}

/// Numbers equal within 0.5 % of the larger; `None` equals only `None`.
/// A value Python could not turn into a float matches nothing.
pub(crate) fn num_eq(a: &Value, b: &Value) -> bool {
    if a.is_null() || b.is_null() {
        return a.is_null() && b.is_null();
    }
    let (Some(a), Some(b)) = (float(a), float(b)) else {
        return false;
    };
    (a - b).abs() <= 0.005 * python_max(a.abs(), b.abs()) || a == b
}

/// Python's `max(x, y)`: `x` unless `y > x` (which matters only for NaN).
fn python_max(x: f64, y: f64) -> f64 {
    if y > x {
        y
    } else {
        x
    }
}

/// `c.get("quantity") or {}`.
pub(crate) fn qty(c: &Value) -> &Value {
    get(c, "quantity")
}

pub(crate) fn is_casualties_or_loss(c: &Value) -> bool {
    matches!(get(c, "kind").as_str(), Some("casualties" | "loss"))
}

fn unit(c: &Value) -> String {
    let u = get(qty(c), "unit");
    if truthy(u) {
        to_str(u).to_lowercase()
    } else {
        "item".to_string()
    }
}

/// Do the keys of gold claim `g` and extracted claim `s` match? (The doc is
/// compared by the caller.)
pub(crate) fn key_match(g: &Value, s: &Value) -> bool {
    eq(get(g, "kind"), get(s, "kind"))
        && party(get(g, "from")) == party(get(s, "from"))
        && (is_casualties_or_loss(g) || party(get(g, "to")) == party(get(s, "to")))
        && eq(or_none(get(g, "outcome")), or_none(get(s, "outcome")))
        && num_eq(get(qty(g), "value"), get(qty(s), "value"))
        && unit(g) == unit(s)
        && item_match(g, s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn item(name: &str, text: &str) -> Value {
        json!({"item": {"name": name, "text": text}})
    }

    #[test]
    fn norm_rules() {
        assert_eq!(
            norm(&json!("M1989 Koksan howitzers")),
            "m1989koksanhowitzer"
        );
        assert_eq!(norm(&json!("KN-23s")), "kn23");
        assert_eq!(norm(&json!("bus")), "bus");
        assert_eq!(norm(&json!("gas")), "gas");
        assert_eq!(norm(&json!(null)), "");
        assert_eq!(norm(&json!(12)), "12");
        assert_eq!(norm(&json!("Über-Tanks")), "bertank");
    }

    #[test]
    fn party_rules() {
        assert_eq!(party(&json!("kp")), Some("KP".into()));
        assert_eq!(party(&json!("Wagner Group")), Some("WAGNERGROUP".into()));
        assert_eq!(party(&json!(null)), None);
        assert_eq!(party(&json!("")), Some(String::new()));
    }

    #[test]
    fn item_containment_needs_four_characters() {
        assert!(item_match(&item("M1989", "x"), &item("M1989 Koksan", "y")));
        assert!(item_match(&item("tanks", ""), &item("Tank", "")));
        // "atgm" (4) is inside "atgms launcher"; "gun" (3) is not enough.
        assert!(item_match(&item("ATGM", ""), &item("ATGM launchers", "")));
        assert!(!item_match(&item("gun", ""), &item("guns shells", "")));
        assert!(item_match(&item("gun", ""), &item("Guns", "")));
        assert!(!item_match(&item("drones", ""), &item("missiles", "")));
        assert!(!item_match(&json!({}), &json!({})));
    }

    #[test]
    fn people_form_one_class() {
        assert!(item_match(&item("soldiers", ""), &item("troops", "")));
        assert!(item_match(
            &item("", "military advisers"),
            &item("workers", "")
        ));
        assert!(item_match(&item("servicemen", ""), &item("tank crews", "")));
        assert!(!item_match(&item("soldiers", ""), &item("tanks", "")));
    }

    #[test]
    fn numbers_within_half_a_percent() {
        assert!(num_eq(&json!(1000), &json!(1004.9)));
        assert!(!num_eq(&json!(1000), &json!(1006)));
        assert!(num_eq(&json!(null), &json!(null)));
        assert!(!num_eq(&json!(0), &json!(null)));
        assert!(num_eq(&json!(0), &json!(0.0)));
        assert!(num_eq(&json!("12"), &json!(12)));
    }

    #[test]
    fn key_parts() {
        let g = json!({"kind": "loss", "from": "ru", "to": "UA", "item": {"name": "tanks"},
                       "quantity": {"value": 10}});
        let s = json!({"kind": "loss", "from": "RU", "to": null, "item": {"name": "tank"},
                       "outcome": "", "quantity": {"value": 10.0, "unit": "ITEM"}});
        assert!(key_match(&g, &s));
        let mut t = s.clone();
        t["kind"] = json!("transfer");
        let mut g2 = g.clone();
        g2["kind"] = json!("transfer");
        assert!(!key_match(&g2, &t), "to is part of a transfer's key");
        t["to"] = json!("UA");
        assert!(key_match(&g2, &t));
        t["quantity"]["unit"] = json!("USD");
        assert!(!key_match(&g2, &t));
    }
}
