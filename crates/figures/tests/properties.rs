//! Invariants of `find_figures` on arbitrary input.

use proptest::prelude::*;
use tally_figures::find_figures;

fn check(text: &str) {
    let figs = find_figures(text);
    let mut last_end = 0;
    for f in &figs {
        assert!(f.span.start < f.span.end, "empty span in {text:?}");
        assert!(f.span.end <= text.len());
        assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
        assert!(
            f.span.start >= last_end,
            "overlap or disorder in {text:?}: {figs:?}"
        );
        assert!(f.value.is_finite(), "{text:?}: {f:?}");
        last_end = f.span.end;
    }
    assert_eq!(figs, find_figures(text), "not deterministic on {text:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_strings(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn number_like_strings(text in "[0-9a-zA-Z $€£%.,:/+~\u{a0}\u{202f}–-]{0,40}") {
        check(&text);
    }

    #[test]
    fn word_salad(words in proptest::collection::vec(prop_oneof![
        Just("over"), Just("between"), Just("and"), Just("to"), Just("a"), Just("half"),
        Just("dozen"), Just("hundreds"), Just("of"), Just("thousand"), Just("two"),
        Just("-"), Just("$"), Just("1,000"), Just("12"), Just("2024"), Just("per"),
        Just("cent"), Just("times"), Just("as"), Just("many"), Just("one"), Just("mm"),
        Just("January"), Just("several"), Just("million"), Just("euros"), Just("+"),
    ], 0..14)) {
        check(&words.join(" "));
        check(&words.concat());
    }
}

#[test]
fn edge_strings() {
    for text in [
        "",
        " ",
        "$",
        "-",
        "1",
        ".5",
        "1,",
        "1.",
        "between",
        "half",
        "a",
        "9".repeat(400).as_str(),
        "1e999",
        "€€€1",
        "1-2-3-4-5",
        "T-",
        "-72",
    ] {
        check(text);
    }
}
