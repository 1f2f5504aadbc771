//! Skipping extraction of documents stored unchanged: `unchanged` and
//! `write_batch_assuming`.

mod common;

use common::*;
use tally_core::Claim;
use tally_store::{Assumed, ClaimFilter, Store, WriteOutcome};

const TEXT: &str = "Officials said 30 lorries and 9 radars arrived on Tuesday.";
const OTHER: &str = "Officials said 31 lorries arrived on Wednesday.";

fn all(store: &Store) -> Vec<Claim> {
    store.claims(&ClaimFilter::default()).unwrap()
}

#[test]
fn unchanged_needs_same_text_metadata_and_version() {
    let mut store = Store::open_in_memory().unwrap();
    let a = doc("a", "T", TEXT);
    store
        .write_batch(&[extracted(a.clone(), vec![], "v1")])
        .unwrap();
    let mut retitled = a.clone();
    retitled.title = Some("Another title".into());
    let docs = [
        a.clone(),
        doc("a", "T", OTHER),
        retitled,
        doc("new", "T", TEXT),
    ];
    assert_eq!(
        store.unchanged(&docs, "v1").unwrap(),
        [true, false, false, false]
    );
    assert_eq!(store.unchanged(&docs[..1], "v2").unwrap(), [false]);
}

#[test]
fn assumptions_that_hold_write_the_rest_of_the_batch() {
    let mut store = Store::open_in_memory().unwrap();
    let a = doc("a", "T", TEXT);
    let claims = vec![claim("a", 30.0, "lorries", (15, 25))];
    store
        .write_batch(&[extracted(a.clone(), claims.clone(), "v1")])
        .unwrap();
    let b = doc("b", "U", OTHER);
    let b_claims = vec![claim("b", 31.0, "lorries", (15, 25))];
    let batch = [
        // Claims left empty: not extracted, assumed unchanged.
        extracted(a, vec![], "v1"),
        extracted(b, b_claims.clone(), "v1"),
    ];
    let got = store.write_batch_assuming(&batch, &[true]).unwrap();
    assert_eq!(
        got,
        Assumed::Written(vec![WriteOutcome::Present, WriteOutcome::New])
    );
    let mut want = claims;
    want.extend(b_claims);
    assert_eq!(all(&store), want);
}

#[test]
fn a_changed_assumption_writes_nothing_and_names_the_item() {
    let mut store = Store::open_in_memory().unwrap();
    let claims = vec![claim("a", 30.0, "lorries", (15, 25))];
    store
        .write_batch(&[extracted(doc("a", "T", TEXT), claims.clone(), "v1")])
        .unwrap();
    let batch = [
        extracted(doc("c", "C", TEXT), vec![], "v1"),
        // Stored with other text: the assumption fails.
        extracted(doc("a", "T", OTHER), vec![], "v1"),
    ];
    let got = store.write_batch_assuming(&batch, &[false, true]).unwrap();
    assert_eq!(got, Assumed::Changed(vec![1]));
    assert!(store.document("c").unwrap().is_none(), "rolled back");
    assert_eq!(all(&store), claims);
    // Extracted now, the same batch goes through.
    let got = store.write_batch_assuming(&batch, &[]).unwrap();
    assert_eq!(
        got,
        Assumed::Written(vec![WriteOutcome::New, WriteOutcome::Updated])
    );
    assert!(all(&store).is_empty());
}

#[test]
fn an_earlier_item_of_the_same_batch_breaks_a_later_assumption() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .write_batch(&[extracted(doc("a", "T", TEXT), vec![], "v1")])
        .unwrap();
    // The input holds "a" twice: first changed, then as stored.
    let batch = [
        extracted(doc("a", "T", OTHER), vec![], "v1"),
        extracted(doc("a", "T", TEXT), vec![], "v1"),
    ];
    let got = store.write_batch_assuming(&batch, &[false, true]).unwrap();
    assert_eq!(got, Assumed::Changed(vec![1]));
    assert_eq!(store.document("a").unwrap().unwrap().doc.text, TEXT);
}
