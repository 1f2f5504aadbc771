//! Small documents and claims, written for these tests.
#![allow(dead_code)]

use tally_core::{
    Bound, Claim, Date, DocId, Document, Evidence, Item, Kind, Outcome, Period, Quantity, Source,
    Span, Stage, Unit,
};
use tally_store::Extracted;

pub fn date(y: i16, m: i8, d: i8) -> Date {
    Date::new(y, m, d).unwrap()
}

pub fn doc(id: &str, title: &str, text: &str) -> Document {
    Document {
        id: DocId::given(id),
        url: Some(format!("https://news.example/{id}")),
        title: Some(title.to_string()),
        publisher: Some("Example Wire".into()),
        published: Some(date(2025, 3, 10)),
        author: None,
        text: text.to_string(),
    }
}

/// A bare transfer claim; tests change what they need.
pub fn claim(doc: &str, value: f64, item: &str, span: (usize, usize)) -> Claim {
    Claim::new(
        doc,
        Kind::Transfer,
        Item::new(item, item),
        Quantity::exact(value, value.to_string()),
        Span::new(span.0, span.1),
    )
}

/// A claim with every optional field filled.
pub fn full_claim(doc: &str) -> Claim {
    Claim {
        doc: doc.to_string(),
        kind: Kind::Casualties,
        stage: Stage::Planned,
        negated: true,
        from: Some("XA".into()),
        to: Some("Northern Legion".into()),
        item: Item {
            name: "soldiers".into(),
            text: "infantry soldiers".into(),
        },
        outcome: Some(Outcome::Wounded),
        quantity: Quantity {
            value: 1.25,
            max: Some(2.5e6),
            bound: Bound::Range,
            unit: Unit::Money("EUR".into()),
            text: "between 1.25 and 2.5 million".into(),
        },
        when: Some(Period {
            from: Some(date(2024, 12, 1)),
            to: Some(date(2024, 12, 10)),
            text: "in early December".into(),
        }),
        place: Some("Riverford".into()),
        source: Some(Source {
            speaker: Some("Général Ana Québec".into()),
            via: Some("The Daily Example".into()),
        }),
        evidence: Some(Evidence::Imagery),
        span: Span::new(3, 40),
    }
}

pub fn extracted(doc: Document, claims: Vec<Claim>, version: &str) -> Extracted {
    Extracted {
        doc,
        claims,
        extractor_version: version.to_string(),
    }
}
