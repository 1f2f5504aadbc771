//! Made-up reports with figures (our own words, fictional places), written
//! as JSON Lines and as a folder of text files.

use crate::rng::Rng;
use std::io::Write;
use std::path::Path;

const PARTIES: &[&str] = &[
    "Northland",
    "Southland",
    "Eastmark",
    "Westvale",
    "Highmoor",
    "Lowfen",
];
const ITEMS: &[&str] = &[
    "howitzers",
    "main battle tanks",
    "attack drones",
    "armoured vehicles",
    "artillery shells",
    "air defence systems",
    "helicopters",
];
const SOURCES: &[&str] = &[
    "the defence ministry said",
    "a military spokesman told reporters",
    "according to an army statement",
    "officials said on Tuesday",
];

/// One made-up report of one to three sentences, numbered so each differs.
pub fn report(rng: &mut Rng, n: usize) -> String {
    let (a, b) = (*rng.pick(PARTIES), *rng.pick(PARTIES));
    let mut s = match rng.range(0, 5) {
        0 => format!(
            "{a} delivered {} {} to {b} last month, {}.",
            rng.range(2, 900),
            rng.pick(ITEMS),
            rng.pick(SOURCES)
        ),
        1 => format!(
            "{a} moved about {} troops to its border with {b} in May, {}.",
            rng.range(200, 20_000),
            rng.pick(SOURCES)
        ),
        2 => format!(
            "At least {} soldiers were killed near the river crossing, {}.",
            rng.range(2, 300),
            rng.pick(SOURCES)
        ),
        3 => format!(
            "{b} said it destroyed {} {} belonging to {a} over the weekend.",
            rng.range(2, 60),
            rng.pick(ITEMS)
        ),
        _ => format!("The talks between {a} and {b} ended without an agreement."),
    };
    if rng.range(0, 3) == 0 {
        s.push_str(&format!(
            " A plant in {a} now makes {} shells a month.",
            rng.range(1_000, 90_000)
        ));
    }
    s.push_str(&format!(" (Dispatch {n}.)"));
    s
}

/// `jsonl` documents in `dir/reports.jsonl` and `txt` text files in
/// `dir/notes/`. Returns how many documents that is.
pub fn write(dir: &Path, seed: u64, jsonl: usize, txt: usize) -> usize {
    let mut rng = Rng::new(seed);
    let f = std::fs::File::create(dir.join("reports.jsonl")).expect("create jsonl");
    let mut f = std::io::BufWriter::new(f);
    for i in 0..jsonl {
        let doc = serde_json::json!({
            "id": format!("crash-{i:05}"),
            "title": format!("Dispatch {i}"),
            "text": report(&mut rng, i),
        });
        writeln!(f, "{doc}").expect("write jsonl");
    }
    f.flush().expect("flush jsonl");
    let notes = dir.join("notes");
    std::fs::create_dir_all(&notes).expect("mkdir notes");
    for i in 0..txt {
        let text = format!(
            "{}\n{}\n",
            report(&mut rng, jsonl + i),
            report(&mut rng, jsonl + txt + i)
        );
        std::fs::write(notes.join(format!("note-{i:04}.txt")), text).expect("write note");
    }
    jsonl + txt
}
