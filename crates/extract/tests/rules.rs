//! End-to-end rules of how news English states figures, on hand-written
//! sentences (no news text).

use tally_core::{parse_published, Claim, DocId, Document, Extractor, Kind, Outcome};
use tally_extract::Pipeline;

fn claims(text: &str) -> Vec<Claim> {
    let p = Pipeline::builtin().expect("pipeline");
    let mut doc = Document::new(DocId::given("t"), text);
    doc.published = parse_published("2024-05-02");
    p.extract(&doc)
}

#[test]
fn non_claim_contexts_give_nothing() {
    for text in [
        "Each Kestrel battery needs around 70 soldiers to run it.",
        "A Kestrel battery typically comprises a radar and up to six launchers.",
        "More than 200 Ukrainian pilots have been trained on the jet so far.",
        "The assembly passed the measure by 51 votes to 40.",
        "Each drone costs about $20,000 to build in Iran.",
    ] {
        assert!(claims(text).is_empty(), "{text}: {:?}", claims(text));
    }
}

#[test]
fn casualty_nouns_and_partitives() {
    let c = claims(
        "Chadian troops fighting in the north have suffered about 900 casualties, roughly 150 of them fatal, officials said.",
    );
    assert_eq!(c.len(), 2, "{c:?}");
    assert!(c.iter().all(|c| c.kind == Kind::Casualties));
    assert_eq!(c[0].outcome, Some(Outcome::Casualties));
    assert_eq!(c[1].outcome, Some(Outcome::Killed));
    assert_eq!(c[1].from, c[0].from);
}

#[test]
fn civilians_hurt_in_strikes_belong_to_the_side_attacked() {
    let c = claims(
        "Russian forces fired 30 drones at Ukraine overnight. The strikes killed at least 6 civilians.",
    );
    let cas: Vec<_> = c.iter().filter(|c| c.kind == Kind::Casualties).collect();
    assert_eq!(cas.len(), 1, "{c:?}");
    assert_eq!(cas[0].from.as_deref(), Some("UA"));
    assert_eq!(cas[0].to.as_deref(), Some("RU"));
}

#[test]
fn a_pronoun_keeps_the_channel_of_its_speaker() {
    let c = claims(
        "Colonel Anna Berg told the newspaper Daily Planet that Norway would send tanks. Norway has delivered 20 tanks to Ukraine, she said.",
    );
    let src = c[0].source.clone().expect("source");
    assert_eq!(src.via.as_deref(), Some("Daily Planet"));
}
