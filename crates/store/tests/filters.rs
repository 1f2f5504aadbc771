mod common;

use common::*;
use tally_core::{Claim, Kind, Period, Source};
use tally_store::{ClaimFilter, DocQuery, Store};

fn with_when(mut c: Claim, from: Option<(i16, i8, i8)>, to: Option<(i16, i8, i8)>) -> Claim {
    c.when = Some(Period {
        from: from.map(|(y, m, d)| date(y, m, d)),
        to: to.map(|(y, m, d)| date(y, m, d)),
        text: "some time".into(),
    });
    c
}

fn spoken(mut c: Claim, speaker: &str) -> Claim {
    c.source = Some(Source {
        speaker: Some(speaker.into()),
        via: None,
    });
    c
}

/// Two documents, claims labelled by their value.
fn store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let mut a1 = claim("a", 1.0, "Howitzers", (50, 60));
    a1.from = Some("XA".into());
    a1.to = Some("XB".into());
    let a1 = with_when(a1, Some((2024, 1, 1)), Some((2024, 1, 31)));
    let mut a2 = spoken(claim("a", 2.0, "drones", (0, 10)), "Colonel Émile Durand");
    a2.kind = Kind::Loss;
    a2.from = Some("xb".into());
    a2.item.text = "loitering munitions".into();
    let a2 = with_when(a2, None, Some((2024, 3, 31)));
    let a3 = with_when(claim("a", 3.0, "shells", (0, 10)), None, None);
    let mut b4 = spoken(claim("b", 4.0, "tanks", (5, 9)), "the defence ministry");
    b4.kind = Kind::Loss;
    let b4 = with_when(b4, Some((2024, 6, 1)), None);
    let mut b5 = claim("b", 5.0, "main battle tanks", (0, 4));
    b5.to = Some("Northern Legion".into());
    store
        .write_batch(&[
            extracted(doc("b", "B", "b text"), vec![b4, b5], "v1"),
            extracted(doc("a", "A", "a text"), vec![a1, a2, a3], "v1"),
        ])
        .unwrap();
    store
}

fn values(store: &Store, f: ClaimFilter) -> Vec<f64> {
    store
        .claims(&f)
        .unwrap()
        .iter()
        .map(|c| c.quantity.value)
        .collect()
}

#[test]
fn default_filter_orders_by_doc_then_span_then_insertion() {
    // a2 and a3 share a span: insertion order decides.
    assert_eq!(
        values(&store(), ClaimFilter::default()),
        [2.0, 3.0, 1.0, 5.0, 4.0]
    );
}

#[test]
fn kind_is_exact() {
    let f = |k| ClaimFilter {
        kind: Some(k),
        ..ClaimFilter::default()
    };
    let s = store();
    assert_eq!(values(&s, f(Kind::Loss)), [2.0, 4.0]);
    assert_eq!(values(&s, f(Kind::Transfer)), [3.0, 1.0, 5.0]);
    assert!(values(&s, f(Kind::Production)).is_empty());
}

#[test]
fn from_and_to_ignore_case_but_must_be_equal() {
    let s = store();
    let from = |p: &str| ClaimFilter {
        from: Some(p.into()),
        ..ClaimFilter::default()
    };
    assert_eq!(values(&s, from("XB")), [2.0]);
    assert_eq!(values(&s, from("xa")), [1.0]);
    assert!(values(&s, from("X")).is_empty());
    let to = |p: &str| ClaimFilter {
        to: Some(p.into()),
        ..ClaimFilter::default()
    };
    assert_eq!(values(&s, to("northern legion")), [5.0]);
    assert!(values(&s, to("Northern")).is_empty());
}

#[test]
fn item_is_a_case_insensitive_substring_of_name_or_text() {
    let s = store();
    let item = |i: &str| ClaimFilter {
        item: Some(i.into()),
        ..ClaimFilter::default()
    };
    assert_eq!(values(&s, item("TANK")), [5.0, 4.0]);
    assert_eq!(values(&s, item("howitzer")), [1.0]);
    assert_eq!(values(&s, item("Loitering")), [2.0]);
    assert!(values(&s, item("jets")).is_empty());
}

#[test]
fn speaker_is_a_case_insensitive_substring_beyond_ascii() {
    let s = store();
    let speaker = |p: &str| ClaimFilter {
        speaker: Some(p.into()),
        ..ClaimFilter::default()
    };
    assert_eq!(values(&s, speaker("ÉMILE")), [2.0]);
    assert_eq!(values(&s, speaker("Ministry")), [4.0]);
    assert!(values(&s, speaker("general")).is_empty());
}

#[test]
fn period_selects_overlapping_resolved_intervals() {
    let s = store();
    let period = |from: Option<(i16, i8, i8)>, to: Option<(i16, i8, i8)>| ClaimFilter {
        period: Some((
            from.map(|(y, m, d)| date(y, m, d)),
            to.map(|(y, m, d)| date(y, m, d)),
        )),
        ..ClaimFilter::default()
    };
    // Fully open: every claim with a resolved end (not a3, not b5).
    assert_eq!(values(&s, period(None, None)), [2.0, 1.0, 4.0]);
    // January 2024: a1 overlaps; a2 runs up to March (open start).
    assert_eq!(
        values(&s, period(Some((2024, 1, 15)), Some((2024, 1, 20)))),
        [2.0, 1.0]
    );
    // Touching ends are inclusive.
    assert_eq!(
        values(&s, period(Some((2024, 3, 31)), Some((2024, 3, 31)))),
        [2.0]
    );
    assert_eq!(
        values(&s, period(Some((2024, 4, 1)), Some((2024, 5, 31)))),
        Vec::<f64>::new()
    );
    // b4 runs from June with no end.
    assert_eq!(values(&s, period(Some((2030, 1, 1)), None)), [4.0]);
    assert_eq!(values(&s, period(None, Some((2023, 12, 31)))), [2.0]);
}

#[test]
fn doc_and_limit_and_combinations() {
    let s = store();
    let f = ClaimFilter {
        doc: Some("b".into()),
        ..ClaimFilter::default()
    };
    assert_eq!(values(&s, f), [5.0, 4.0]);
    let f = ClaimFilter {
        doc: Some("B".into()),
        ..ClaimFilter::default()
    };
    assert!(values(&s, f).is_empty(), "doc ids are exact");
    let f = ClaimFilter {
        limit: Some(2),
        ..ClaimFilter::default()
    };
    assert_eq!(values(&s, f), [2.0, 3.0]);
    // The limit applies after the Rust-side text filters.
    let f = ClaimFilter {
        item: Some("tank".into()),
        limit: Some(1),
        ..ClaimFilter::default()
    };
    assert_eq!(values(&s, f), [5.0]);
    let f = ClaimFilter {
        kind: Some(Kind::Loss),
        speaker: Some("colonel".into()),
        period: Some((Some(date(2024, 2, 1)), None)),
        ..ClaimFilter::default()
    };
    assert_eq!(values(&s, f), [2.0]);
    let f = ClaimFilter {
        limit: Some(0),
        ..ClaimFilter::default()
    };
    assert!(values(&s, f).is_empty());
}

#[test]
fn documents_list_newest_first_with_counts() {
    let mut s = store();
    let mut old = doc("c", "C", "Grüße");
    old.published = Some(date(2020, 5, 5));
    old.publisher = Some("Other Times".into());
    let mut undated = doc("d", "D", "x");
    undated.published = None;
    s.write_batch(&[
        extracted(old, vec![], "v1"),
        extracted(undated, vec![], "v1"),
    ])
    .unwrap();
    let list = s.documents(&DocQuery::default()).unwrap();
    let ids: Vec<&str> = list.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c", "d"]);
    assert_eq!((list[0].claims, list[1].claims, list[2].claims), (3, 2, 0));
    assert_eq!(list[2].bytes, "Grüße".len());
    assert_eq!(list[2].bytes, 7);
    assert_eq!(list[0].url.as_deref(), Some("https://news.example/a"));
    assert_eq!(list[0].title.as_deref(), Some("A"));
    assert_eq!(list[2].published, Some(date(2020, 5, 5)));

    let q = DocQuery {
        publisher: Some("other times".into()),
        limit: None,
    };
    let list = s.documents(&q).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].publisher.as_deref(), Some("Other Times"));
    let q = DocQuery {
        limit: Some(2),
        publisher: None,
    };
    assert_eq!(s.documents(&q).unwrap().len(), 2);
}
