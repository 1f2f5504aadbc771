//! The claim record of `shared/spec/claims.md` §2.

use crate::{Date, Span};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// One figure a document asserts about one event, with who asserts it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub doc: String,
    pub kind: Kind,
    pub stage: Stage,
    #[serde(default)]
    pub negated: bool,
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Option<String>,
    pub item: Item,
    #[serde(default)]
    pub outcome: Option<Outcome>,
    pub quantity: Quantity,
    #[serde(default)]
    pub when: Option<Period>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub source: Option<Source>,
    #[serde(default)]
    pub evidence: Option<Evidence>,
    pub span: Span,
}

/// What is counted: the canonical name and the document's own words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub name: String,
    pub text: String,
}

/// How many, with its bound and unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    #[serde(serialize_with = "number")]
    pub value: f64,
    #[serde(default, serialize_with = "opt_number")]
    pub max: Option<f64>,
    pub bound: Bound,
    pub unit: Unit,
    pub text: String,
}

impl Claim {
    /// A claim of `kind` with its required fields: done, not denied, and
    /// nothing else known (no parties, outcome, period, place or source).
    ///
    /// ```
    /// use tally_core::{Claim, Item, Kind, Quantity, Span};
    /// let c = Claim::new("doc-1", Kind::Transfer, Item::new("tanks", "tanks"), Quantity::exact(12.0, "12"), Span::new(0, 8));
    /// assert!(c.from.is_none() && !c.negated);
    /// ```
    pub fn new(
        doc: impl Into<String>,
        kind: Kind,
        item: Item,
        quantity: Quantity,
        span: Span,
    ) -> Claim {
        Claim {
            doc: doc.into(),
            kind,
            stage: Stage::Done,
            negated: false,
            from: None,
            to: None,
            item,
            outcome: None,
            quantity,
            when: None,
            place: None,
            source: None,
            evidence: None,
            span,
        }
    }
}

impl Item {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Item {
        Item {
            name: name.into(),
            text: text.into(),
        }
    }
}

impl Quantity {
    /// An exact count of items, as written in `text`.
    pub fn exact(value: f64, text: impl Into<String>) -> Quantity {
        Quantity {
            value,
            max: None,
            bound: Bound::Exact,
            unit: Unit::Item,
            text: text.into(),
        }
    }
}

/// The period the figure is about, as inclusive dates. Both ends are `None`
/// when the words could not be resolved (no publication date, or a period
/// tied to an event); `text` is then still kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    #[serde(default)]
    pub from: Option<Date>,
    #[serde(default)]
    pub to: Option<Date>,
    pub text: String,
}

/// Who the document attributes the figure to, and through which outlet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    #[serde(default)]
    pub speaker: Option<String>,
    #[serde(default)]
    pub via: Option<String>,
}

macro_rules! word_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $var:ident = $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vm])* #[serde(rename = $s)] $var),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$var),+];

            pub fn as_str(&self) -> &'static str {
                match self { $($name::$var => $s),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<$name, String> {
                match s {
                    $($s => Ok($name::$var),)+
                    _ => Err(format!(
                        "unknown {} {s:?} (expected one of: {})",
                        stringify!($name).to_lowercase(),
                        [$($s),+].join(", ")
                    )),
                }
            }
        }
    };
}

word_enum!(
    /// The five kinds of event a claim can be about.
    Kind {
        Transfer = "transfer",
        Deployment = "deployment",
        Casualties = "casualties",
        Loss = "loss",
        Production = "production",
    }
);

word_enum!(
    /// Whether the event is to happen or has happened.
    Stage {
        Planned = "planned",
        Done = "done",
    }
);

word_enum!(
    /// How the stated number relates to the true one.
    Bound {
        Exact = "exact",
        AtLeast = "at_least",
        AtMost = "at_most",
        Approx = "approx",
        Range = "range",
        Relative = "relative",
    }
);

word_enum!(
    /// What happened to the people or equipment of a casualties or loss claim.
    Outcome {
        Killed = "killed",
        Wounded = "wounded",
        Captured = "captured",
        Missing = "missing",
        Casualties = "casualties",
        Destroyed = "destroyed",
        Damaged = "damaged",
        Abandoned = "abandoned",
        Lost = "lost",
    }
);

word_enum!(
    /// What the figure rests on.
    Evidence {
        Statement = "statement",
        Footage = "footage",
        Imagery = "imagery",
        Document = "document",
        Estimate = "estimate",
    }
);

/// The unit of a quantity: a count, a percentage, a factor, or money by its
/// ISO 4217 code.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    Item,
    Percent,
    Factor,
    /// An ISO 4217 currency code, upper case (`USD`, `EUR`).
    Money(String),
}

impl Unit {
    pub fn as_str(&self) -> &str {
        match self {
            Unit::Item => "item",
            Unit::Percent => "percent",
            Unit::Factor => "factor",
            Unit::Money(code) => code,
        }
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Unit {
    type Err = String;
    fn from_str(s: &str) -> Result<Unit, String> {
        match s {
            "item" => Ok(Unit::Item),
            "percent" => Ok(Unit::Percent),
            "factor" => Ok(Unit::Factor),
            code if code.len() == 3 && code.chars().all(|c| c.is_ascii_alphabetic()) => {
                Ok(Unit::Money(code.to_ascii_uppercase()))
            }
            other => Err(format!(
                "unknown unit {other:?} (expected item, percent, factor or an ISO 4217 code)"
            )),
        }
    }
}

impl Serialize for Unit {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Unit {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Unit, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Whole numbers serialise without a fraction (`120`, not `120.0`).
fn number<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
}

fn opt_number<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => number(v, s),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC_EXAMPLE: &str = r#"{"doc": "euromaidan-318213", "kind": "transfer", "stage": "done", "negated": false, "from": "KP", "to": "RU", "item": {"name": "M1989 Koksan", "text": "M1989 Koksan howitzers"}, "outcome": null, "quantity": {"value": 120, "max": null, "bound": "exact", "unit": "item", "text": "120"}, "when": {"from": "2024-10-14", "to": "2025-01-14", "text": "over the past three months"}, "place": null, "source": {"speaker": "Kyrylo Budanov", "via": "The Warzone"}, "evidence": "statement", "span": [412, 530]}"#;

    #[test]
    fn round_trips_the_spec_example() {
        let c: Claim = serde_json::from_str(SPEC_EXAMPLE).unwrap();
        assert_eq!(c.kind, Kind::Transfer);
        assert_eq!(c.quantity.value, 120.0);
        assert_eq!(c.span, Span::new(412, 530));
        let out = serde_json::to_value(&c).unwrap();
        let want: serde_json::Value = serde_json::from_str(SPEC_EXAMPLE).unwrap();
        assert_eq!(out, want);
    }

    #[test]
    fn numbers_and_units() {
        let q = Quantity {
            value: 1.5,
            max: Some(12.0),
            bound: Bound::Range,
            unit: Unit::Money("USD".into()),
            text: "x".into(),
        };
        let v = serde_json::to_value(&q).unwrap();
        assert_eq!(v["value"], 1.5);
        assert_eq!(v["max"].to_string(), "12");
        assert_eq!(v["unit"], "USD");
        assert_eq!(v["bound"], "range");
        assert_eq!("eur".parse::<Unit>().unwrap(), Unit::Money("EUR".into()));
        assert!("euros".parse::<Unit>().is_err());
    }

    #[test]
    fn word_enums_parse_their_own_names() {
        for k in Kind::ALL {
            assert_eq!(k.as_str().parse::<Kind>().unwrap(), *k);
        }
        assert!("transfers".parse::<Kind>().is_err());
        assert_eq!("at_least".parse::<Bound>().unwrap(), Bound::AtLeast);
    }
}
