//! Print the claims of one text given on the command line:
//! `cargo run -p tally-extract --example probe -- "Norway sent 12 guns to Ukraine." 2024-05-02`.

use tally_core::{parse_published, DocId, Document, Extractor};
use tally_extract::Pipeline;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let text = std::env::args()
        .nth(1)
        .ok_or("usage: probe TEXT [PUBLISHED]")?;
    let pipeline = Pipeline::builtin()?;
    let mut doc = Document::new(DocId::given("probe"), text.as_str());
    doc.published = std::env::args().nth(2).and_then(|d| parse_published(&d));
    for c in pipeline.extract(&doc) {
        println!("{}", serde_json::to_string(&c)?);
    }
    Ok(())
}
