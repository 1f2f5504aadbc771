//! Reconciliation speed on generated reports and claims (deterministic):
//! syndication over the documents and the whole ledger build.
//!
//! `cargo bench -p tally-ledger --bench reconcile`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;
use tally_core::{Claim, DocId, Document};
use tally_ledger::{CopyGroups, DocText, Knowledge, Ledger, Options};
use tally_lexicon::Lexicon;

const DOCS: usize = 2_000;
const CLAIMS_PER_DOC: usize = 5;

/// A small deterministic generator (64-bit LCG).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.next() as usize % xs.len()]
    }
}

const WORDS: &[&str] = &[
    "the",
    "ministry",
    "said",
    "troops",
    "were",
    "sent",
    "to",
    "front",
    "officials",
    "reported",
    "on",
    "monday",
    "artillery",
    "shells",
    "delivered",
    "region",
    "according",
    "sources",
    "new",
    "package",
    "aid",
    "announced",
    "drones",
    "destroyed",
    "overnight",
    "air",
    "defence",
    "forces",
];
const STATES: &[&str] = &["KP", "RU", "UA", "IR", "US", "DE", "GB", "IL", "PS"];
const ITEMS: &[&str] = &[
    "soldiers",
    "troops",
    "artillery shells",
    "M1989 Koksan",
    "HIMARS",
    "drones",
    "tanks",
    "aid",
];
const SPEAKERS: &[&str] = &[
    "Kyrylo Budanov",
    "Pentagon",
    "two US officials",
    "South Korea's National Intelligence Service",
    "Ukraine",
];
const KINDS: &[&str] = &["transfer", "deployment", "casualties", "loss"];

fn sample() -> (Vec<Document>, Vec<Claim>) {
    let mut rng = Rng(7);
    let mut docs: Vec<Document> = Vec::with_capacity(DOCS);
    let mut claims = Vec::with_capacity(DOCS * CLAIMS_PER_DOC);
    for d in 0..DOCS {
        let text = if d % 10 == 9 {
            docs[d - 1 - (rng.next() as usize % 5)].text.clone()
        } else {
            (0..200)
                .map(|_| rng.pick(WORDS))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let mut doc = Document::new(DocId::given(&format!("d{d}")), text);
        doc.publisher = Some(format!("Outlet {}", d % 40));
        doc.published = format!("2024-{:02}-{:02}", 1 + d % 12, 1 + (rng.next() % 28))
            .parse()
            .ok();
        for _ in 0..CLAIMS_PER_DOC {
            let kind = rng.pick(KINDS);
            let outcome = match kind {
                "casualties" => "\"killed\"",
                "loss" => "\"destroyed\"",
                _ => "null",
            };
            let json = format!(
                r#"{{"doc":"d{d}","kind":"{kind}","stage":"done","from":"{}","to":"{}","outcome":{outcome},
                "item":{{"name":"{}","text":"x"}},"quantity":{{"value":{},"bound":"exact","unit":"item","text":"x"}},
                "source":{{"speaker":"{}","via":null}},"span":[0,10]}}"#,
                rng.pick(STATES),
                rng.pick(STATES),
                rng.pick(ITEMS),
                (1 + rng.next() % 50) * 100,
                rng.pick(SPEAKERS),
            );
            if let Ok(c) = serde_json::from_str(&json) {
                claims.push(c);
            }
        }
        docs.push(doc);
    }
    (docs, claims)
}

fn bench(c: &mut Criterion) {
    let (Ok(lexicon), Ok(knowledge)) = (Lexicon::builtin(), Knowledge::builtin()) else {
        return;
    };
    let (docs, claims) = sample();
    let mut g = c.benchmark_group("ledger");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    g.throughput(Throughput::Elements(docs.len() as u64));
    g.bench_function("syndication", |b| {
        let texts: Vec<DocText<'_>> = docs
            .iter()
            .map(|d| DocText {
                id: d.id.as_str(),
                published: d.published,
                text: &d.text,
            })
            .collect();
        b.iter(|| black_box(CopyGroups::find(&texts)))
    });
    g.throughput(Throughput::Elements(claims.len() as u64));
    g.bench_function("build", |b| {
        b.iter(|| {
            black_box(Ledger::build(
                &docs,
                &claims,
                &lexicon,
                &knowledge,
                &Options::default(),
            ))
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
