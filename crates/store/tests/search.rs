mod common;

use common::*;
use tally_store::{ErrorKind, Store};

fn store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let docs = [
        doc(
            "focus",
            "Howitzers head north",
            "Officials said howitzers crossed the border. The howitzers were old models \
             and more howitzers are expected.",
        ),
        doc(
            "passing",
            "Weekly round-up",
            "Markets were calm, the weather was mild, and one howitzer was mentioned in a \
             long list of unrelated items about farming, shipping, rail timetables and \
             local elections that went on for a while.",
        ),
        doc(
            "korea",
            "Talks resume",
            "Delegates from North Korea met in the capital; South Korea sent observers.",
        ),
        doc(
            "north-only",
            "Cold front",
            "A storm moved north across the hills.",
        ),
    ];
    let batch: Vec<_> = docs
        .into_iter()
        .map(|d| extracted(d, vec![], "v1"))
        .collect();
    store.write_batch(&batch).unwrap();
    store
}

fn ids(hits: &[tally_store::SearchHit]) -> Vec<&str> {
    hits.iter().map(|h| h.id.as_str()).collect()
}

#[test]
fn more_and_title_matches_rank_first() {
    let s = store();
    let hits = s.search("howitzer", 10).unwrap();
    assert_eq!(ids(&hits), ["focus", "passing"]);
    assert!(hits[0].rank > hits[1].rank, "{hits:?}");
    assert_eq!(hits[0].title.as_deref(), Some("Howitzers head north"));
}

#[test]
fn snippets_mark_the_matches() {
    let s = store();
    let hits = s.search("shipping", 10).unwrap();
    assert_eq!(ids(&hits), ["passing"]);
    let snip = &hits[0].snippet;
    assert!(snip.contains("[shipping]"), "{snip}");
    assert!(snip.contains('…'), "long texts are cut: {snip}");
    let hits = s.search("howitzers", 1).unwrap();
    assert!(
        hits[0].snippet.contains("[howitzers]"),
        "{:?}",
        hits[0].snippet
    );
    // A match only in the title gives a title snippet.
    let hits = s.search("round-up", 10).unwrap();
    assert_eq!(hits[0].snippet, "Weekly [round-up]");
}

#[test]
fn plain_words_all_must_match_and_phrases_keep_order() {
    let s = store();
    // Both words, anywhere: only the Korea document has both.
    assert_eq!(ids(&s.search("North Korea", 10).unwrap()), ["korea"]);
    assert_eq!(ids(&s.search("\"North Korea\"", 10).unwrap()), ["korea"]);
    assert!(s.search("\"Korea North\"", 10).unwrap().is_empty());
    assert_eq!(ids(&s.search("north", 10).unwrap()).len(), 3);
    assert_eq!(ids(&s.search("timet*", 10).unwrap()), ["passing"]);
}

#[test]
fn fts_syntax_in_user_input_is_harmless() {
    let s = store();
    // Operators and column filters are words like any other: no error.
    for q in [
        "howitzer OR",
        "NEAR(howitzer",
        "title:howitzer",
        "a AND b NOT",
        "x:y:z",
    ] {
        assert!(s.search(q, 10).is_ok(), "{q}");
    }
    let hits = s.search("AND", 10).unwrap();
    let mut and = ids(&hits);
    and.sort_unstable();
    assert_eq!(and, ["focus", "passing"], "AND is the word \"and\"");
    // Punctuation around a word does not stop it matching.
    for q in [
        "howitzer)",
        "-howitzer",
        "howitzer^",
        "(howitzer)",
        "'howitzer'",
        "howitzer.",
    ] {
        let hits = s.search(q, 10).unwrap_or_else(|e| panic!("{q}: {e}"));
        assert_eq!(ids(&hits), ["focus", "passing"], "{q}");
    }
}

#[test]
fn a_query_without_words_is_a_clear_error() {
    let s = store();
    for q in ["", "   ", "\"\"", "*", "()"] {
        let err = s.search(q, 10).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Query(_)), "{q}: {err}");
        assert!(err.to_string().contains("searching for"), "{err}");
    }
}

#[test]
fn limit_caps_the_hits() {
    let s = store();
    assert_eq!(s.search("north", 1).unwrap().len(), 1);
    assert!(s.search("north", 0).unwrap().is_empty());
}

#[test]
fn matching_ignores_case_and_diacritics() {
    let mut s = store();
    s.write_batch(&[extracted(
        doc("fr", "Dépêche", "Le général a parlé."),
        vec![],
        "v1",
    )])
    .unwrap();
    assert_eq!(ids(&s.search("GENERAL", 10).unwrap()), ["fr"]);
    assert_eq!(ids(&s.search("depeche", 10).unwrap()), ["fr"]);
}

#[test]
fn the_index_can_be_rebuilt() {
    let mut s = store();
    let before = s.search("howitzer", 10).unwrap();
    s.rebuild_search_index().unwrap();
    assert_eq!(s.search("howitzer", 10).unwrap(), before);
    assert_eq!(before.len(), 2);
}

#[test]
fn search_survives_vacuum_after_updates() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut s = Store::open(&path).unwrap();
    let first: Vec<_> = ["alpha howitzers", "bravo tanks", "charlie drones"]
        .iter()
        .enumerate()
        .map(|(i, t)| extracted(doc(&format!("d{i}"), "t", t), vec![], "v1"))
        .collect();
    s.write_batch(&first).unwrap();
    // Replace the first document so rowids have gaps, then compact.
    s.write_batch(&[extracted(doc("d0", "t", "delta shells"), vec![], "v1")])
        .unwrap();
    drop(s);
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch("VACUUM")
        .unwrap();
    let s = Store::open(&path).unwrap();
    assert_eq!(ids(&s.search("delta", 10).unwrap()), ["d0"]);
    assert_eq!(ids(&s.search("bravo", 10).unwrap()), ["d1"]);
    assert_eq!(ids(&s.search("charlie", 10).unwrap()), ["d2"]);
    assert!(s.search("alpha", 10).unwrap().is_empty());
}
