//! Properties of `find_times` on arbitrary and on date-heavy text: it never
//! panics, spans are valid, in order and disjoint, results are
//! deterministic, and `from <= to` whenever both are set.

use proptest::prelude::*;
use tally_time::{find_times, Anchor, Date};

const PIECES: &[&str] = &[
    "in",
    "late",
    "mid-",
    "early",
    "December",
    "May",
    "2024",
    "2,000",
    "since",
    "by",
    "the",
    "end",
    "of",
    "last",
    "week",
    "past",
    "three",
    "months",
    "ago",
    "on",
    "Sunday",
    "between",
    "and",
    "to",
    "-",
    "/",
    "7",
    "31",
    "07/02/2024",
    "2025-01-07",
    "Q3",
    "H1",
    "first",
    "half",
    "quarter",
    "summer",
    "winter",
    "within",
    "two",
    "before",
    "the war",
    "invasion",
    "full-scale",
    ",",
    ".",
    "year",
    "this",
    "next",
    "coming",
    "weeks",
    "24",
    "hours",
    "for",
    "72-hour",
    "é",
    "—",
    "’s",
    "19",
    "1999",
    "2199",
    "1800",
];

fn anchor() -> impl Strategy<Value = Anchor> {
    (proptest::option::of(0i64..40_000), any::<bool>()).prop_map(|(days, future)| Anchor {
        published: days.and_then(|d| {
            Date::new(1950, 1, 1)
                .ok()?
                .checked_add(jiff::Span::new().days(d))
                .ok()
        }),
        future,
    })
}

fn check(text: &str, a: Anchor) -> Result<(), TestCaseError> {
    let found = find_times(text, a);
    let mut last_end = 0;
    for t in &found {
        prop_assert!(t.span.start < t.span.end, "empty span {:?}", t.span);
        prop_assert!(
            t.span.start >= last_end,
            "overlap or disorder at {:?}",
            t.span
        );
        prop_assert!(
            text.get(t.span.range()).is_some(),
            "span {:?} not on char boundaries",
            t.span
        );
        if let (Some(f), Some(to)) = (t.from, t.to) {
            prop_assert!(f <= to, "{:?}: {f} > {to}", &text[t.span.range()]);
        }
        last_end = t.span.end;
    }
    prop_assert_eq!(found, find_times(text, a));
    Ok(())
}

proptest! {
    #[test]
    fn arbitrary_text(text in "\\PC{0,80}", a in anchor()) {
        check(&text, a)?;
    }

    #[test]
    fn date_words(words in proptest::collection::vec(proptest::sample::select(PIECES), 0..14), a in anchor()) {
        check(&words.join(" "), a)?;
        check(&words.concat(), a)?;
    }
}
