//! Batches larger than one multi-row statement: every row lands, in order,
//! and a bad claim far into the batch still names its document.

mod common;

use common::*;
use tally_core::{Claim, Span};
use tally_store::{ClaimFilter, DocQuery, ErrorKind, Store, WriteOutcome};

const TEXT: &str = "Crews counted 12 barges and 3 cranes at the quay.";

fn batch(n: usize) -> Vec<tally_store::Extracted> {
    (0..n)
        .map(|i| {
            let id = format!("d{i:03}");
            let claims = vec![
                claim(&id, 12.0, "barges", (14, 23)),
                claim(&id, 3.0, "cranes", (28, 36)),
            ];
            extracted(doc(&id, &format!("T{i}"), TEXT), claims, "v1")
        })
        .collect()
}

#[test]
fn hundreds_of_documents_and_claims_land_in_one_batch() {
    let mut store = Store::open_in_memory().unwrap();
    let items = batch(300);
    let out = store.write_batch(&items).unwrap();
    assert!(out.iter().all(|o| *o == WriteOutcome::New));
    assert_eq!(out.len(), 300);
    let docs = store.documents(&DocQuery::default()).unwrap();
    assert_eq!(docs.len(), 300);
    assert!(docs.iter().all(|d| d.claims == 2), "two claims each");
    let want: Vec<Claim> = items.iter().flat_map(|e| e.claims.clone()).collect();
    let mut got = store.claims(&ClaimFilter::default()).unwrap();
    got.sort_by(|a, b| (&a.doc, a.span.start).cmp(&(&b.doc, b.span.start)));
    assert_eq!(got, want);
    assert_eq!(store.search("barges", 500).unwrap().len(), 300);
    assert_eq!(
        store.write_batch(&items).unwrap()[299],
        WriteOutcome::Present
    );
}

#[test]
fn a_bad_claim_late_in_a_large_batch_names_its_document() {
    let mut store = Store::open_in_memory().unwrap();
    let mut items = batch(100);
    items[77].claims[1].span = Span { start: 9, end: 2 };
    let err = store.write_batch(&items).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Sqlite(_)), "{err}");
    assert!(err.to_string().contains("\"d077\""), "{err}");
    assert!(err.to_string().contains("batch item 78"), "{err}");
    assert!(store.documents(&DocQuery::default()).unwrap().is_empty());
    assert!(store.claims(&ClaimFilter::default()).unwrap().is_empty());
}
