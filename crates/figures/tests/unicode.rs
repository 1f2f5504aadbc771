//! Figures written with format characters, other digit sets and other
//! conventions of grouping: read right, or not read at all, never wrong.
//! Spans are always byte ranges of the original text.

use proptest::prelude::*;
use tally_figures::{find_figures, parse_number};

/// The one figure of `text` that counts something: its value and the text
/// its span covers.
fn figure(text: &str) -> Option<(f64, String)> {
    let f = find_figures(text)
        .into_iter()
        .find(|f| f.measure.is_none())?;
    Some((f.value, text[f.span.range()].to_string()))
}

fn check(text: &str, value: f64, covered: &str) {
    let got = figure(text);
    assert_eq!(got, Some((value, covered.to_string())), "{text:?}");
}

#[test]
fn format_characters_inside_a_number_are_ignored() {
    check(
        "Russia deployed 1\u{200b}000 troops",
        1000.0,
        "1\u{200b}000",
    );
    check(
        "Russia deployed 1\u{feff}000 troops",
        1000.0,
        "1\u{feff}000",
    );
    check(
        "Russia deployed 1\u{200d}500 troops",
        1500.0,
        "1\u{200d}500",
    );
    check(
        "Russia deployed 2,\u{200c}000 troops",
        2000.0,
        "2,\u{200c}000",
    );
    check("Russia deployed \u{200f}300\u{200e} troops", 300.0, "300");
    check("Russia deployed \u{2067}40\u{2069} tanks", 40.0, "40");
}

#[test]
fn other_groupings_and_decimal_commas_read_right() {
    check("Russia deployed 10'000 troops", 10_000.0, "10'000");
    check(
        "Russia deployed 10\u{2019}000 troops",
        10_000.0,
        "10\u{2019}000",
    );
    check(
        "Russia deployed 10\u{2009}000 troops",
        10_000.0,
        "10\u{2009}000",
    );
    check("India deployed 1,00,000 troops", 100_000.0, "1,00,000");
    check("Italy sent 1.000.000 rounds", 1_000_000.0, "1.000.000");
    check(
        "The army has 1,5 million rounds",
        1_500_000.0,
        "1,5 million",
    );
}

#[test]
fn other_digits_read_as_digits() {
    check(
        "Russia deployed \u{ff11}\u{ff12}\u{ff10} tanks",
        120.0,
        "\u{ff11}\u{ff12}\u{ff10}",
    );
    check(
        "Russia deployed \u{0661}\u{0662}\u{0660} tanks",
        120.0,
        "\u{0661}\u{0662}\u{0660}",
    );
    check(
        "Russia deployed \u{06f1}\u{06f5} tanks",
        15.0,
        "\u{06f1}\u{06f5}",
    );
    assert_eq!(parse_number("\u{0663}\u{0660}\u{0660}"), Some(300.0));
    assert_eq!(parse_number("1\u{200b}000"), Some(1000.0));
}

#[test]
fn an_emoji_beside_a_number_does_not_change_it() {
    check("Russia deployed 🚀120 missiles", 120.0, "120");
    check("Russia deployed 120🚀 missiles", 120.0, "120");
}

const FORMAT: [char; 9] = [
    '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}', '\u{200e}', '\u{200f}', '\u{2066}',
    '\u{2069}',
];

/// `n` written with commas every three digits.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn a_format_character_inside_a_number_never_changes_its_value(
        n in 1u64..2_000_000_000,
        commas in any::<bool>(),
        at in any::<prop::sample::Index>(),
        which in 0..FORMAT.len(),
    ) {
        let number = if commas { grouped(n) } else { n.to_string() };
        let plain = format!("The convoy carried {number} shells.");
        let before = figure(&plain);
        // A position strictly inside the number, on a char boundary.
        let cut = 1 + at.index(number.len().max(2) - 1);
        let mut marked = number.clone();
        marked.insert(cut.min(number.len()), FORMAT[which]);
        let text = format!("The convoy carried {marked} shells.");
        let after = figure(&text);
        prop_assert_eq!(before.as_ref().map(|b| b.0), after.as_ref().map(|a| a.0), "{:?}", text);
        if let Some((_, covered)) = after {
            prop_assert!(covered.contains(&marked), "{:?} does not cover {:?}", covered, marked);
        }
    }
}
