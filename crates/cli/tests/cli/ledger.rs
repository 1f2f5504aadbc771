//! The stored ledger: `tally ingest` keeps it up to date batch after batch,
//! `tally facts` reads it, `tally ledger rebuild` gives the same facts, and
//! a re-ingested document leaves nothing dangling. Reports of our own.

use crate::Env;
use std::path::Path;

const KURSK: &str = "Pyongyang has sent about 11,000 soldiers to Russia's Kursk region, \
South Korea's National Intelligence Service said on Wednesday, adding that the troops were \
trained in the far east before moving west by rail in the first weeks of the deployment.";
const PENTAGON: &str =
    "North Korea has sent about 11,000 soldiers to Russia, the Pentagon said on Monday.";
const GUNS: &str = "Germany delivered 14 self-propelled howitzers to Ukraine last month, \
the defence ministry in Berlin said on Friday, in a package that also included spare barrels \
and ammunition for the guns already at the front.";
const LOSSES: &str = "Ukraine's air force said it shot down 45 Russian drones overnight \
over the southern regions, while two missiles struck an energy facility near Odesa.";

fn doc(id: &str, date: &str, publisher: &str, text: &str) -> String {
    serde_json::json!({"id": id, "url": null, "title": "t", "publisher": publisher,
        "published": date, "text": text})
    .to_string()
}

/// A lightly edited reprint: syndication makes it a copy of the original.
fn reprint(text: &str) -> String {
    format!("{text} The report could not be independently verified.")
}

fn ingest(env: &Env, name: &str, lines: &[String]) {
    let file = env.write(name, lines.join("\n"));
    env.tally()
        .args(["--quiet", "ingest"])
        .arg(&file)
        .assert()
        .success();
}

/// `tally facts --format jsonl`, sorted by fact id.
fn facts(env: &Env) -> Vec<serde_json::Value> {
    let (code, out, err) = env.run(&["facts", "--format", "jsonl"]);
    assert!(code == 0 || code == 1, "{err}");
    assert!(!err.contains("behind"), "{err}");
    let mut v: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    v.sort_by(|a, b| a["fact"].as_str().cmp(&b["fact"].as_str()));
    v
}

fn corpus() -> Vec<String> {
    vec![
        doc("a", "2024-11-06", "Wire One", KURSK),
        doc("b", "2024-11-04", "Paper Two", PENTAGON),
        doc("c", "2025-02-07", "Wire One", GUNS),
        // Ingested after its reprint, but published first: it becomes the
        // root of the copy group that "d" started.
        doc("d", "2025-02-09", "Daily Three", &reprint(GUNS)),
        doc("e", "2025-03-01", "Paper Two", LOSSES),
        doc("f", "2025-03-02", "Evening Four", &reprint(LOSSES)),
    ]
}

/// No placement without its claim; every claim of a fact's timeline placed.
fn nothing_dangles(db: &Path) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let orphans: i64 = conn
        .query_row(
            "SELECT count(*) FROM ledger_claims l LEFT JOIN claims c \
             ON c.doc = l.doc AND c.ordinal = l.ordinal WHERE c.doc IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0);
    let unplaced: i64 = conn
        .query_row(
            "SELECT count(*) FROM claims c LEFT JOIN ledger_claims l \
             ON c.doc = l.doc AND c.ordinal = l.ordinal WHERE l.fact IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(unplaced, 0);
    let mut st = conn.prepare("SELECT body FROM ledger_facts").unwrap();
    let bodies: Vec<String> = st
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for b in bodies {
        let v: serde_json::Value = serde_json::from_str(&b).unwrap();
        for t in v["timeline"].as_array().unwrap() {
            let id = t["claim_id"].as_str().unwrap();
            let n: i64 = conn
                .query_row(
                    "SELECT count(*) FROM ledger_claims WHERE id = ?1 AND fact = ?2",
                    [id, v["fact"].as_str().unwrap()],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(n, 1, "claim {id} of {}", v["fact"]);
        }
    }
}

#[test]
fn two_batches_merge_into_one_fact() {
    let env = Env::new();
    ingest(&env, "one.jsonl", &corpus()[..1]);
    ingest(&env, "two.jsonl", &corpus()[1..2]);
    let facts = facts(&env);
    let troops: Vec<_> = facts
        .iter()
        .filter(|f| f["kind"] == "deployment" && f["from"] == "KP")
        .collect();
    assert_eq!(troops.len(), 1, "{facts:#?}");
    assert_eq!(troops[0]["reports"], 2);
    assert_eq!(troops[0]["sources"], 2);
    nothing_dangles(&env.path("tally.db"));
}

#[test]
fn incremental_updates_equal_a_rebuild_and_a_single_ingest() {
    let env = Env::new();
    let all = corpus();
    // Reprints before their originals, in three runs.
    ingest(&env, "1.jsonl", &[all[0].clone(), all[3].clone()]);
    ingest(&env, "2.jsonl", &[all[1].clone(), all[5].clone()]);
    ingest(&env, "3.jsonl", &[all[2].clone(), all[4].clone()]);
    let incremental = facts(&env);
    assert!(incremental.len() >= 3, "{incremental:#?}");
    nothing_dangles(&env.path("tally.db"));
    // The reprint's claims count its original's outlet as their source.
    let guns = incremental
        .iter()
        .find(|f| f["items"].to_string().contains("howitzer"))
        .expect("a howitzer fact");
    assert_eq!(guns["reports"], 2, "{guns:#}");
    assert_eq!(guns["sources"], 1, "{guns:#}");

    env.tally()
        .args(["--quiet", "ledger", "rebuild"])
        .assert()
        .success();
    assert_eq!(facts(&env), incremental);
    nothing_dangles(&env.path("tally.db"));

    let once = Env::new();
    ingest(
        &once,
        "all.jsonl",
        &[0, 3, 1, 5, 2, 4].map(|i| all[i].clone()),
    );
    assert_eq!(facts(&once), incremental);
}

#[test]
fn a_changed_document_replaces_its_facts() {
    let env = Env::new();
    ingest(&env, "one.jsonl", &corpus()[..2]);
    let changed = doc(
        "b",
        "2024-11-04",
        "Paper Two",
        "North Korea has sent about 12,000 soldiers to Russia, the Pentagon said on Monday.",
    );
    ingest(&env, "two.jsonl", &[changed]);
    let facts = facts(&env);
    let text = serde_json::to_string(&facts).unwrap();
    assert!(text.contains("12,000"), "{text}");
    let troops: usize = facts
        .iter()
        .filter(|f| f["kind"] == "deployment")
        .map(|f| f["reports"].as_u64().unwrap() as usize)
        .sum();
    assert_eq!(troops, 2, "{text}");
    nothing_dangles(&env.path("tally.db"));
    let (code, _, err) = env.run(&["ledger", "update"]);
    assert_eq!(code, 0, "{err}");
}
