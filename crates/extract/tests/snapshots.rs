//! Snapshot tests of extraction over the project's example reports.

use std::path::Path;
use tally_core::{parse_published, DocId, Document, Extractor};
use tally_extract::Pipeline;

/// Read a `.txt` report with a `---` front matter block.
fn read_txt(path: &Path) -> Document {
    let raw = std::fs::read_to_string(path).expect("read report");
    let mut published = None;
    let mut body = raw.as_str();
    if let Some(rest) = raw.strip_prefix("---\n") {
        if let Some(end) = rest.find("\n---\n") {
            for line in rest[..end].lines() {
                if let Some(v) = line.strip_prefix("published:") {
                    published = parse_published(v.trim());
                }
            }
            body = &rest[end + 5..];
        }
    }
    let mut doc = Document::new(DocId::given("example"), body);
    doc.published = published;
    doc
}

fn summary(p: &Pipeline, doc: &Document) -> Vec<String> {
    p.extract(doc)
        .iter()
        .map(|c| {
            format!(
                "{} {} {}->{} {} {} [{}] speaker={:?}",
                c.kind,
                c.stage,
                c.from.as_deref().unwrap_or("-"),
                c.to.as_deref().unwrap_or("-"),
                c.quantity.value,
                c.quantity.unit,
                c.item.text,
                c.source.as_ref().and_then(|s| s.speaker.clone())
            )
        })
        .collect()
}

#[test]
fn example_reports() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/reports");
    let p = Pipeline::builtin().expect("pipeline");
    let txt = dir.join("koksan-howitzers.txt");
    if txt.exists() {
        let doc = read_txt(&txt);
        let out = summary(&p, &doc);
        assert!(!out.is_empty());
        insta::assert_yaml_snapshot!("koksan", out);
    }
    let jsonl = dir.join("briefs.jsonl");
    if jsonl.exists() {
        let text = std::fs::read_to_string(jsonl).expect("read briefs");
        let mut all = Vec::new();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let doc: Document = serde_json::from_str(line).expect("brief");
            all.push((doc.id.to_string(), summary(&p, &doc)));
        }
        insta::assert_yaml_snapshot!("briefs", all);
    }
}

#[test]
fn hand_written_documents() {
    let p = Pipeline::builtin().expect("pipeline");
    let mut doc = Document::new(
        DocId::given("hand"),
        "Norway will send 12 howitzers to Ukraine, the defence ministry said.\nThe club sold three players for £20 million.",
    );
    doc.published = parse_published("2024-05-02");
    insta::assert_yaml_snapshot!("hand", summary(&p, &doc));
}
