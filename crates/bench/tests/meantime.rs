//! The MEANTIME rebuild over the real corpus in ../shared (skipped, with the
//! reason printed, when that folder is absent).

use std::path::PathBuf;
use tally_bench::meantime;

fn dir() -> Option<PathBuf> {
    let d = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/meantime");
    if d.join("intra-doc_annotation").is_dir() {
        Some(d)
    } else {
        println!("skipping: {} is absent", d.display());
        None
    }
}

#[test]
fn rebuilds_all_120_english_articles() {
    let Some(dir) = dir() else { return };
    let docs = meantime::read_dir(&dir).unwrap();
    assert_eq!(docs.len(), 120);
    let mut ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 120, "ids are unique");
    for d in &docs {
        assert!(
            d.text.split_whitespace().count() > 50,
            "{} is short",
            d.id.as_str()
        );
        assert!(d.title.as_deref().is_some_and(|t| d.text.starts_with(t)));
        // Punctuation is glued to its word (an ellipsis token aside).
        let text = d.text.replace(" ...", "");
        assert!(
            !text.contains(" ,") && !text.contains(" ."),
            "{}",
            d.id.as_str()
        );
    }
    let dated = docs.iter().filter(|d| d.published.is_some()).count();
    assert!(dated >= 115, "only {dated} articles have a creation date");
}
