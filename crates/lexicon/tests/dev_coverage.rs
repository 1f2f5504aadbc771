//! How much of what the dev set's gold claims name can the lexicon find in
//! the documents? Reads `../shared/eval/dev` relative to the repository
//! root and skips (saying why) when it is absent. Nothing is copied from it.

use std::collections::HashMap;
use std::path::PathBuf;

use serde_json::Value;
use tally_lexicon::{EntityKind, Lexicon};

fn dev_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/dev")
}

fn lines(path: &std::path::Path) -> Vec<Value> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect()
}

fn norm(s: &str) -> String {
    s.to_lowercase().replace('\u{2019}', "'")
}

/// `needle` occurs in `hay` with no letter or digit on either side.
fn contains_word(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(i, _)| {
        let before = hay[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let after = hay[i + needle.len()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        !before && !after
    })
}

/// (found, total) -> rate, printed.
fn rate(label: &str, found: usize, total: usize) -> f64 {
    let r = if total == 0 {
        1.0
    } else {
        found as f64 / total as f64
    };
    println!("{label}: {found}/{total} = {r:.2}");
    r
}

#[test]
fn dev_set_coverage() {
    let dir = dev_dir();
    if !dir.join("gold.jsonl").is_file() {
        println!("skipping: {} not found", dir.display());
        return;
    }
    let lex = match Lexicon::builtin() {
        Ok(l) => l,
        Err(e) => panic!("{e}"),
    };
    let docs: HashMap<String, String> = lines(&dir.join("docs.jsonl"))
        .into_iter()
        .filter_map(|d| {
            Some((
                d["id"].as_str()?.to_string(),
                d["text"].as_str()?.to_string(),
            ))
        })
        .collect();
    let (mut party, mut party_n, mut place, mut place_n, mut speaker, mut speaker_n) =
        (0, 0, 0, 0, 0, 0);
    for g in lines(&dir.join("gold.jsonl")) {
        let Some(text) = g["doc"].as_str().and_then(|d| docs.get(d)) else {
            continue;
        };
        let found = lex.find(text);
        let parties: Vec<String> = found
            .iter()
            .flat_map(|m| lex.readings(&text[m.span.range()]).to_vec())
            .filter_map(|r| lex.entity(r.entity).party().map(str::to_string))
            .collect();
        for side in ["from", "to"] {
            if let Some(p) = g[side].as_str() {
                party_n += 1;
                party += usize::from(parties.iter().any(|x| x == p));
            }
        }
        if let Some(p) = g["place"].as_str() {
            place_n += 1;
            let hit = found.iter().any(|m| {
                lex.readings(&text[m.span.range()]).iter().any(|r| {
                    let e = lex.entity(r.entity);
                    e.kind() == EntityKind::Place && norm(e.name()) == norm(p)
                })
            });
            place += usize::from(hit);
        }
        if let Some(s) = g["source"]["speaker"].as_str() {
            speaker_n += 1;
            let s = norm(s);
            let hit = found.iter().any(|m| {
                let e = lex.entity(m.entity);
                let written = norm(&text[m.span.range()]);
                s.contains(&norm(e.name())) || contains_word(&s, &written)
            });
            speaker += usize::from(hit);
        }
    }
    let p = rate("from/to party named in the document", party, party_n);
    let pl = rate("place found as a Place", place, place_n);
    let sp = rate("speaker found", speaker, speaker_n);
    assert!(p >= 0.9, "parties {p:.2}");
    assert!(pl >= 0.6, "places {pl:.2}");
    assert!(sp >= 0.6, "speakers {sp:.2}");
}
