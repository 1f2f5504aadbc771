mod common;

use common::*;
use tally_core::{Claim, Period, Source, Span};
use tally_store::{ClaimFilter, ErrorKind, Store, WriteOutcome};

const TEXT: &str = "The ministry said 40 trucks and 12 radars were delivered last week.";

fn all(store: &Store) -> Vec<Claim> {
    store.claims(&ClaimFilter::default()).unwrap()
}

#[test]
fn claims_round_trip_exactly_including_absent_and_empty_parts() {
    let mut store = Store::open_in_memory().unwrap();
    let full = full_claim("a");
    let bare = claim("a", 40.0, "trucks", (0, 10));
    let mut empty_parts = claim("a", 0.5, "radars", (11, 20));
    empty_parts.when = Some(Period {
        from: None,
        to: None,
        text: String::new(),
    });
    empty_parts.source = Some(Source {
        speaker: None,
        via: None,
    });
    empty_parts.quantity.value = 1.0 / 3.0;
    let claims = vec![full.clone(), bare.clone(), empty_parts.clone()];
    store
        .write_batch(&[extracted(doc("a", "T", TEXT), claims, "v1")])
        .unwrap();
    let back = all(&store);
    // Ordered by span: bare (0..10), full (3..40), empty_parts (11..20).
    assert_eq!(back, vec![bare, full, empty_parts]);
    assert!(back[0].when.is_none() && back[0].source.is_none());
    assert!(back[2].when.is_some() && back[2].source.is_some());
}

#[test]
fn documents_round_trip_with_their_version() {
    let mut store = Store::open_in_memory().unwrap();
    let mut d = doc("a", "T", TEXT);
    d.author = Some("R. Writer".into());
    let mut undated = doc("b", "U", "Nothing here.");
    undated.published = None;
    undated.title = None;
    undated.url = None;
    store
        .write_batch(&[
            extracted(d.clone(), vec![], "v1"),
            extracted(undated.clone(), vec![], "v2"),
        ])
        .unwrap();
    let got = store.document("a").unwrap().unwrap();
    assert_eq!(got.doc, d);
    assert_eq!(got.extractor_version, "v1");
    assert_eq!(got.ingested_at.len(), "2025-01-01T00:00:00Z".len());
    assert!(got.ingested_at.ends_with('Z'), "{}", got.ingested_at);
    assert_eq!(store.document("b").unwrap().unwrap().doc, undated);
    assert!(store.document("missing").unwrap().is_none());
}

#[test]
fn rewriting_the_same_batch_changes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let batch = [extracted(
        doc("a", "T", TEXT),
        vec![claim("a", 40.0, "trucks", (0, 10))],
        "v1",
    )];
    assert_eq!(store.write_batch(&batch).unwrap(), [WriteOutcome::New]);
    let before = store.document("a").unwrap().unwrap();
    assert_eq!(store.write_batch(&batch).unwrap(), [WriteOutcome::Present]);
    assert_eq!(store.document("a").unwrap().unwrap(), before);
    assert_eq!(all(&store).len(), 1);
    assert_eq!(store.stats().unwrap().documents, 1);
}

#[test]
fn a_new_extractor_version_replaces_the_claims() {
    let mut store = Store::open_in_memory().unwrap();
    let d = doc("a", "T", TEXT);
    let old = vec![
        claim("a", 40.0, "trucks", (0, 10)),
        claim("a", 12.0, "radars", (0, 10)),
    ];
    store
        .write_batch(&[extracted(d.clone(), old, "v1")])
        .unwrap();
    let new = vec![claim("a", 41.0, "lorries", (5, 9))];
    let out = store
        .write_batch(&[extracted(d.clone(), new.clone(), "v2")])
        .unwrap();
    assert_eq!(out, [WriteOutcome::Updated]);
    assert_eq!(all(&store), new);
    assert_eq!(
        store.document("a").unwrap().unwrap().extractor_version,
        "v2"
    );
    // Same version again: present, even if the claims offered differ.
    let out = store.write_batch(&[extracted(d, vec![], "v2")]).unwrap();
    assert_eq!(out, [WriteOutcome::Present]);
    assert_eq!(all(&store), new);
}

#[test]
fn changed_text_or_metadata_replaces_the_document() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .write_batch(&[extracted(
            doc("a", "Old title", TEXT),
            vec![claim("a", 40.0, "trucks", (0, 10))],
            "v1",
        )])
        .unwrap();
    let retitled = doc("a", "New title", TEXT);
    let out = store
        .write_batch(&[extracted(retitled.clone(), vec![], "v1")])
        .unwrap();
    assert_eq!(out, [WriteOutcome::Updated]);
    assert_eq!(store.document("a").unwrap().unwrap().doc, retitled);
    assert!(all(&store).is_empty());
    assert!(store.search("old", 5).unwrap().is_empty());
    assert_eq!(store.search("new", 5).unwrap().len(), 1);

    let rewritten = doc("a", "New title", "Seven boats were seized.");
    let c = claim("a", 7.0, "boats", (0, 5));
    let out = store
        .write_batch(&[extracted(rewritten.clone(), vec![c.clone()], "v1")])
        .unwrap();
    assert_eq!(out, [WriteOutcome::Updated]);
    assert_eq!(store.document("a").unwrap().unwrap().doc, rewritten);
    assert_eq!(all(&store), [c]);
    assert!(store.search("trucks", 5).unwrap().is_empty());
    assert_eq!(store.search("boats", 5).unwrap().len(), 1);
    // A date going away is a change too.
    let mut undated = rewritten;
    undated.published = None;
    let out = store
        .write_batch(&[extracted(undated, vec![], "v1")])
        .unwrap();
    assert_eq!(out, [WriteOutcome::Updated]);
}

#[test]
fn outcomes_follow_input_order_within_one_batch() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .write_batch(&[extracted(doc("b", "B", "bee"), vec![], "v1")])
        .unwrap();
    let out = store
        .write_batch(&[
            extracted(doc("c", "C", "sea"), vec![], "v1"),
            extracted(doc("b", "B", "bee"), vec![], "v1"),
            extracted(doc("b", "B", "bee"), vec![], "v2"),
            extracted(doc("a", "A", "ay"), vec![], "v1"),
        ])
        .unwrap();
    use WriteOutcome::*;
    assert_eq!(out, [New, Present, Updated, New]);
}

fn assert_batch_rolls_back(bad: Claim, expect: fn(&ErrorKind) -> bool) {
    let mut store = Store::open_in_memory().unwrap();
    store
        .write_batch(&[extracted(doc("keep", "K", "kept"), vec![], "v1")])
        .unwrap();
    let batch = [
        extracted(
            doc("first", "F", TEXT),
            vec![claim("first", 40.0, "trucks", (0, 10))],
            "v1",
        ),
        extracted(doc("keep", "K2", "changed"), vec![], "v2"),
        extracted(doc("second", "S", TEXT), vec![bad], "v1"),
    ];
    let err = store.write_batch(&batch).unwrap_err();
    assert!(expect(err.kind()), "{err}");
    assert!(err.to_string().contains("\"second\""), "{err}");
    assert!(store.document("first").unwrap().is_none());
    assert!(store.document("second").unwrap().is_none());
    let keep = store.document("keep").unwrap().unwrap();
    assert_eq!(
        (keep.doc.text.as_str(), keep.extractor_version.as_str()),
        ("kept", "v1")
    );
    assert!(all(&store).is_empty());
    assert_eq!(store.search("trucks", 5).unwrap(), []);
    // The store is still usable afterwards.
    let out = store.write_batch(&batch[..1]).unwrap();
    assert_eq!(out, [WriteOutcome::New]);
}

#[test]
fn a_constraint_violation_rolls_back_the_whole_batch() {
    // A reversed span violates the claims table's CHECK constraint.
    let mut bad = claim("second", 1.0, "x", (0, 1));
    bad.span = Span { start: 9, end: 3 };
    assert_batch_rolls_back(bad, |k| matches!(k, ErrorKind::Sqlite(_)));
    // NaN is stored as NULL, which the NOT NULL value column refuses.
    let bad = claim("second", f64::NAN, "x", (0, 1));
    assert_batch_rolls_back(bad, |k| matches!(k, ErrorKind::Sqlite(_)));
}

#[test]
fn a_claim_naming_another_document_rolls_back_the_batch() {
    let bad = claim("elsewhere", 1.0, "x", (0, 1));
    assert_batch_rolls_back(bad, |k| matches!(k, ErrorKind::Invalid(_)));
}

#[test]
fn an_empty_batch_is_fine() {
    let mut store = Store::open_in_memory().unwrap();
    assert!(store.write_batch(&[]).unwrap().is_empty());
}
