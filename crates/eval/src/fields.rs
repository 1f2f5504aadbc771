//! The fields scored over matched pairs (claims.md §4), in score.py's order.

use crate::days::when_eq;
use crate::key::{is_casualties_or_loss, norm, num_eq, party, qty};
use crate::python::{eq, get, is_space, or_none, truthy};
use serde_json::Value;

/// One scored field: its name as score.py prints it, and its equality.
pub(crate) struct Field {
    pub name: &'static str,
    pub eq: fn(&Value, &Value) -> bool,
    /// Part of the strict match (stage, negated, bound, speaker).
    pub strict: bool,
}

impl Field {
    /// Is this field scored for the pair with gold claim `g`?
    pub(crate) fn applies_to(&self, g: &Value) -> bool {
        self.name != "to(casualties,loss)" || is_casualties_or_loss(g)
    }
}

pub(crate) const FIELDS: [Field; 10] = [
    Field {
        name: "stage",
        eq: |g, s| eq(get(g, "stage"), get(s, "stage")),
        strict: true,
    },
    Field {
        name: "negated",
        eq: |g, s| truthy(get(g, "negated")) == truthy(get(s, "negated")),
        strict: true,
    },
    Field {
        name: "to(casualties,loss)",
        eq: |g, s| party(get(g, "to")) == party(get(s, "to")),
        strict: false,
    },
    Field {
        name: "quantity.bound",
        eq: |g, s| eq(get(qty(g), "bound"), get(qty(s), "bound")),
        strict: true,
    },
    Field {
        name: "quantity.max",
        eq: |g, s| num_eq(get(qty(g), "max"), get(qty(s), "max")),
        strict: false,
    },
    Field {
        name: "when",
        eq: |g, s| when_eq(get(g, "when"), get(s, "when")),
        strict: false,
    },
    Field {
        name: "place",
        eq: |g, s| place_eq(get(g, "place"), get(s, "place")),
        strict: false,
    },
    Field {
        name: "source.speaker",
        eq: |g, s| speaker_eq(speaker(g), speaker(s)),
        strict: true,
    },
    Field {
        name: "source.via",
        eq: |g, s| via(g) == via(s),
        strict: false,
    },
    Field {
        name: "evidence",
        eq: |g, s| eq(or_none(get(g, "evidence")), or_none(get(s, "evidence"))),
        strict: false,
    },
];

/// Normalised equality, or one containing the other; an empty form equals
/// only an empty form.
fn place_eq(a: &Value, b: &Value) -> bool {
    let (na, nb) = (norm(a), norm(b));
    if na.is_empty() || nb.is_empty() {
        return na == nb;
    }
    na == nb || na.contains(&nb) || nb.contains(&na)
}

fn speaker(c: &Value) -> &Value {
    get(get(c, "source"), "speaker")
}

/// The normalised outlet, a leading "the" dropped.
fn via(c: &Value) -> String {
    let v = norm(get(get(c, "source"), "via"));
    match v.strip_prefix("the") {
        Some(rest) => rest.to_string(),
        None => v,
    }
}

/// Normalised equality, or the same last word (possessive `'s` dropped,
/// longer than two characters): "Kyrylo Budanov" ~ "Budanov".
fn speaker_eq(a: &Value, b: &Value) -> bool {
    if !truthy(a) || !truthy(b) {
        return !truthy(a) && !truthy(b);
    }
    if norm(a) == norm(b) {
        return true;
    }
    match (
        a.as_str().and_then(last_word),
        b.as_str().and_then(last_word),
    ) {
        (Some(x), Some(y)) => x == y && x.len() > 2,
        _ => false,
    }
}

/// The last whitespace-separated word, lower case, without a final `'s` or
/// `’s`, letters and digits only. `None` for a blank string (where
/// score.py fails).
fn last_word(s: &str) -> Option<String> {
    let lower = s.to_lowercase();
    let word = lower.split(is_space).rfind(|w| !w.is_empty())?;
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    Some(
        word.chars()
            .filter(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn field(name: &str) -> &'static Field {
        FIELDS.iter().find(|f| f.name == name).unwrap()
    }

    fn src(speaker: Value, via: Value) -> Value {
        json!({"source": {"speaker": speaker, "via": via}})
    }

    #[test]
    fn speaker_by_last_word() {
        assert!(speaker_eq(&json!("Kyrylo Budanov"), &json!("Budanov")));
        assert!(speaker_eq(&json!("General Budanov's"), &json!("budanov")));
        assert!(speaker_eq(
            &json!("Western officials"),
            &json!("western Officials")
        ));
        assert!(
            !speaker_eq(&json!("Li"), &json!("Wei Li")),
            "a last word of two letters is not enough"
        );
        assert!(!speaker_eq(&json!("Anna Smith"), &json!("Anna Jones")));
        assert!(speaker_eq(&json!(null), &json!("")));
        assert!(!speaker_eq(&json!(null), &json!("Budanov")));
        assert!(!speaker_eq(&json!("  "), &json!("Budanov")));
        let f = field("source.speaker");
        assert!((f.eq)(
            &src(json!("Jane Roe"), Value::Null),
            &src(json!("Roe"), json!("x"))
        ));
    }

    #[test]
    fn via_drops_a_leading_the() {
        let f = field("source.via");
        assert!((f.eq)(
            &src(Value::Null, json!("The Warzone")),
            &src(Value::Null, json!("warzone"))
        ));
        assert!((f.eq)(&json!({}), &src(Value::Null, json!("The"))));
        assert!(!(f.eq)(&src(Value::Null, json!("BBC")), &json!({})));
    }

    #[test]
    fn place_by_containment() {
        assert!(place_eq(&json!("Kursk Oblast"), &json!("Kursk")));
        assert!(place_eq(&json!(null), &json!("")));
        assert!(!place_eq(&json!(null), &json!("Kursk")));
        assert!(!place_eq(&json!("Kursk"), &json!("Belgorod")));
    }

    #[test]
    fn scalar_fields() {
        assert!((field("negated").eq)(
            &json!({}),
            &json!({"negated": false})
        ));
        assert!(!(field("negated").eq)(&json!({"negated": 1}), &json!({})));
        assert!((field("evidence").eq)(&json!({"evidence": ""}), &json!({})));
        assert!((field("quantity.max").eq)(
            &json!({"quantity": {"max": 12}}),
            &json!({"quantity": {"max": 12.04}})
        ));
        assert!(!(field("stage").eq)(
            &json!({"stage": "done"}),
            &json!({"stage": "planned"})
        ));
        assert!(field("to(casualties,loss)").applies_to(&json!({"kind": "loss"})));
        assert!(!field("to(casualties,loss)").applies_to(&json!({"kind": "transfer"})));
        assert_eq!(FIELDS.iter().filter(|f| f.strict).count(), 4);
    }
}
