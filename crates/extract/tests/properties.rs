//! Property tests: extraction never panics, is deterministic, and every
//! claim's span lies on character boundaries and contains its figure.

use proptest::prelude::*;
use tally_core::{DocId, Document, Extractor};
use tally_extract::Pipeline;

fn pipeline() -> &'static Pipeline {
    static P: std::sync::OnceLock<Pipeline> = std::sync::OnceLock::new();
    P.get_or_init(|| Pipeline::builtin().expect("pipeline"))
}

fn check(text: &str) {
    let doc = Document::new(DocId::given("p"), text);
    let a = pipeline().extract(&doc);
    let b = pipeline().extract(&doc);
    assert_eq!(a, b);
    for c in &a {
        let s = c.span.text(text).expect("span on char boundaries");
        assert!(
            s.contains(&c.quantity.text),
            "{s:?} lacks {:?}",
            c.quantity.text
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn never_panics_on_any_text(text in "\\PC{0,300}") {
        check(&text);
    }

    #[test]
    fn never_panics_on_news_like_text(
        words in proptest::collection::vec(prop_oneof![
            Just("Russia"), Just("sent"), Just("120"), Just("tanks"), Just("to"), Just("Ukraine"),
            Just(","), Just("said"), Just("killed"), Just("about"), Just("1,000"), Just("soldiers"),
            Just("’s"), Just("—"), Just("\n"), Just("$5 million"), Just("aid"), Just("of them"), Just("North Korean"),
        ], 0..40)
    ) {
        check(&words.join(" "));
    }
}

#[test]
fn a_plain_transfer_is_found() {
    let text = "Norway sent 12 howitzers to Ukraine in March.";
    let doc = Document::new(DocId::given("t"), text);
    let claims = pipeline().extract(&doc);
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0].from.as_deref(), Some("NO"));
    assert_eq!(claims[0].to.as_deref(), Some("UA"));
    assert_eq!(claims[0].quantity.value, 12.0);
}
