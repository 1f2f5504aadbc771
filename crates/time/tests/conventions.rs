//! Every `when` convention of shared/spec/claims.md §2, in sentences written
//! for these tests, through one `check` helper.

use tally_time::{find_times, resolve, Anchor, Date, TimeKind};

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn past(p: &str) -> Anchor {
    Anchor {
        published: Some(d(p)),
        future: false,
    }
}

fn planned(p: &str) -> Anchor {
    Anchor {
        published: Some(d(p)),
        future: true,
    }
}

/// The one expression in `sentence` has text `span` and resolves to `from`..`to`.
#[track_caller]
fn check(sentence: &str, anchor: Anchor, span: &str, from: Option<&str>, to: Option<&str>) {
    let found = find_times(sentence, anchor);
    let texts: Vec<_> = found.iter().map(|t| &sentence[t.span.range()]).collect();
    assert_eq!(found.len(), 1, "{sentence:?}: found {texts:?}");
    let t = &found[0];
    assert_eq!(&sentence[t.span.range()], span, "{sentence:?}");
    assert_eq!(
        (t.from, t.to),
        (from.map(d), to.map(d)),
        "{sentence:?} -> {span:?}"
    );
}

const P: &str = "2025-01-14"; // a Tuesday

#[test]
fn absolute_dates() {
    let a = past(P);
    check(
        "The convoy crossed on 7 January.",
        a,
        "on 7 January",
        Some("2025-01-07"),
        Some("2025-01-07"),
    );
    check(
        "It crossed January 7, 2024 at night.",
        a,
        "January 7, 2024",
        Some("2024-01-07"),
        Some("2024-01-07"),
    );
    check(
        "The shells came Jan. 9 by rail.",
        a,
        "Jan. 9",
        Some("2025-01-09"),
        Some("2025-01-09"),
    );
    check(
        "Trains left on 20 December.",
        a,
        "on 20 December",
        Some("2024-12-20"),
        Some("2024-12-20"),
    );
    check(
        "The order was signed 2024-03-05 in Minsk.",
        a,
        "2024-03-05",
        Some("2024-03-05"),
        Some("2024-03-05"),
    );
    check(
        "A filing dated 07/02/2024 shows it.",
        a,
        "07/02/2024",
        Some("2024-02-07"),
        Some("2024-02-07"),
    );
    check(
        "They met on the 3rd of March 2023.",
        a,
        "on the 3rd of March 2023",
        Some("2023-03-03"),
        Some("2023-03-03"),
    );
    check(
        "Ships will dock on 20 January.",
        planned(P),
        "on 20 January",
        Some("2025-01-20"),
        Some("2025-01-20"),
    );
    check(
        "Delivery is due by 7 February.",
        planned(P),
        "by 7 February",
        None,
        Some("2025-02-07"),
    );
}

#[test]
fn months_years_parts() {
    let a = past(P);
    check(
        "Guns were sent in December.",
        a,
        "in December",
        Some("2024-12-01"),
        Some("2024-12-31"),
    );
    check(
        "Guns were sent in March 2023.",
        a,
        "in March 2023",
        Some("2023-03-01"),
        Some("2023-03-31"),
    );
    check(
        "Guns were sent in 2024.",
        a,
        "in 2024",
        Some("2024-01-01"),
        Some("2024-12-31"),
    );
    check(
        "The first batch arrived in late December.",
        a,
        "in late December",
        Some("2024-12-21"),
        Some("2024-12-31"),
    );
    check(
        "The first batch arrived in mid-November.",
        a,
        "in mid-November",
        Some("2024-11-11"),
        Some("2024-11-20"),
    );
    check(
        "The first batch arrived in early 2024.",
        a,
        "in early 2024",
        Some("2024-01-01"),
        Some("2024-04-30"),
    );
    check(
        "Output will rise until mid-2025.",
        a,
        "until mid-2025",
        None,
        Some("2025-08-31"),
    );
    check(
        "Output rose in the first half of 2024.",
        a,
        "in the first half of 2024",
        Some("2024-01-01"),
        Some("2024-06-30"),
    );
    check(
        "Output rose in Q3 2024.",
        a,
        "in Q3 2024",
        Some("2024-07-01"),
        Some("2024-09-30"),
    );
    check(
        "Output rose in the second quarter.",
        a,
        "in the second quarter",
        Some("2024-04-01"),
        Some("2024-06-30"),
    );
    check(
        "The tanks will arrive by the end of March.",
        planned(P),
        "by the end of March",
        None,
        Some("2025-03-31"),
    );
    check(
        "More came at the beginning of the year.",
        a,
        "at the beginning of the year",
        Some("2025-01-01"),
        Some("2025-04-30"),
    );
}

#[test]
fn seasons() {
    let a = past(P);
    check(
        "The units moved north in summer.",
        a,
        "in summer",
        Some("2024-06-01"),
        Some("2024-08-31"),
    );
    check(
        "The units moved north last summer.",
        a,
        "last summer",
        Some("2024-06-01"),
        Some("2024-08-31"),
    );
    check(
        "They will move this autumn.",
        planned("2025-05-02"),
        "this autumn",
        Some("2025-09-01"),
        Some("2025-11-30"),
    );
    check(
        "They moved during the winter.",
        a,
        "during the winter",
        Some("2024-12-01"),
        Some("2025-02-28"),
    );
}

#[test]
fn relative_periods() {
    let a = past(P);
    check(
        "Two ships docked last week.",
        a,
        "last week",
        Some("2025-01-06"),
        Some("2025-01-12"),
    );
    check(
        "Two ships docked last month.",
        a,
        "last month",
        Some("2024-12-01"),
        Some("2024-12-31"),
    );
    check(
        "Two ships docked last year.",
        a,
        "last year",
        Some("2024-01-01"),
        Some("2024-12-31"),
    );
    check(
        "Two ships docked this year.",
        a,
        "this year",
        Some("2025-01-01"),
        Some(P),
    );
    check(
        "Two ships docked earlier this month.",
        a,
        "earlier this month",
        Some("2025-01-01"),
        Some(P),
    );
    check(
        "Two ships docked since the start of the year.",
        a,
        "since the start of the year",
        Some("2025-01-01"),
        Some(P),
    );
    check(
        "Ten ships docked so far this year.",
        a,
        "so far this year",
        Some("2025-01-01"),
        Some(P),
    );
    check(
        "Ten ships docked over the past three months.",
        a,
        "over the past three months",
        Some("2024-10-14"),
        Some(P),
    );
    check(
        "Ten ships docked in the last three months.",
        a,
        "in the last three months",
        Some("2024-10-14"),
        Some(P),
    );
    check(
        "Ten drones fell over the past day.",
        a,
        "over the past day",
        Some("2025-01-13"),
        Some(P),
    );
    check(
        "Ten drones fell in the past 24 hours.",
        a,
        "in the past 24 hours",
        Some("2025-01-13"),
        Some(P),
    );
    check(
        "Ten drones fell since October.",
        a,
        "since October",
        Some("2024-10-01"),
        Some(P),
    );
    check(
        "Ten drones fell since 2022.",
        a,
        "since 2022",
        Some("2022-01-01"),
        Some(P),
    );
    check(
        "Ten drones fell since February 2022.",
        a,
        "since February 2022",
        Some("2022-02-01"),
        Some(P),
    );
    check(
        "Aid will come within two months.",
        a,
        "within two months",
        Some(P),
        Some("2025-03-14"),
    );
    check(
        "Aid comes next month.",
        a,
        "next month",
        Some("2025-02-01"),
        Some("2025-02-28"),
    );
    check(
        "Aid comes next year.",
        a,
        "next year",
        Some("2026-01-01"),
        Some("2026-12-31"),
    );
    check(
        "Aid comes next week.",
        a,
        "next week",
        Some("2025-01-20"),
        Some("2025-01-26"),
    );
    check(
        "Aid arrives in the coming weeks.",
        a,
        "in the coming weeks",
        Some(P),
        Some("2025-02-04"),
    );
    check(
        "Aid arrived yesterday.",
        a,
        "yesterday",
        Some("2025-01-13"),
        Some("2025-01-13"),
    );
    check("Aid arrived today.", a, "today", Some(P), Some(P));
    check(
        "Aid arrived on Sunday.",
        a,
        "on Sunday",
        Some("2025-01-12"),
        Some("2025-01-12"),
    );
    check("Aid arrived on Tuesday.", a, "on Tuesday", Some(P), Some(P));
    check(
        "Aid will arrive on Sunday.",
        planned(P),
        "on Sunday",
        Some("2025-01-19"),
        Some("2025-01-19"),
    );
    check(
        "Aid arrived two weeks ago.",
        a,
        "two weeks ago",
        Some("2024-12-31"),
        Some("2024-12-31"),
    );
    check(
        "Aid arrived in recent weeks.",
        a,
        "in recent weeks",
        Some("2024-12-24"),
        Some(P),
    );
}

#[test]
fn ranges() {
    let a = past(P);
    check(
        "It ran between March and May.",
        a,
        "between March and May",
        Some("2024-03-01"),
        Some("2024-05-31"),
    );
    check(
        "It ran between 8 and 13 October.",
        a,
        "between 8 and 13 October",
        Some("2024-10-08"),
        Some("2024-10-13"),
    );
    check(
        "It ran in October and November.",
        a,
        "in October and November",
        Some("2024-10-01"),
        Some("2024-11-30"),
    );
    check(
        "It ran from 2014 to 2018.",
        a,
        "from 2014 to 2018",
        Some("2014-01-01"),
        Some("2018-12-31"),
    );
    check(
        "It ran in early to mid-October.",
        a,
        "in early to mid-October",
        Some("2024-10-01"),
        Some("2024-10-20"),
    );
    check(
        "It ran November 19-20.",
        a,
        "November 19-20",
        Some("2024-11-19"),
        Some("2024-11-20"),
    );
    check(
        "It ran from December to February.",
        a,
        "from December to February",
        Some("2024-12-01"),
        Some("2025-02-28"),
    );
}

#[test]
fn events_and_durations() {
    let a = past(P);
    check(
        "Losses were lower before the war.",
        a,
        "before the war",
        None,
        None,
    );
    check(
        "Losses grew since the start of the full-scale invasion.",
        a,
        "since the start of the full-scale invasion",
        None,
        None,
    );
    check(
        "Losses grew since the start of the full-scale invasion on 24 February 2022.",
        a,
        "since the start of the full-scale invasion on 24 February 2022",
        Some("2022-02-24"),
        Some(P),
    );
    check(
        "Losses grew since the September summit.",
        a,
        "since the September summit",
        Some("2024-09-01"),
        Some(P),
    );
    let t = resolve("since the invasion", a).unwrap();
    assert_eq!(t.kind, TimeKind::Event);
    let t = resolve("for three months", a).unwrap();
    assert_eq!((t.kind, t.from, t.to), (TimeKind::Duration, None, None));
    let found = find_times("They agreed a 72-hour truce.", a);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].kind, TimeKind::Duration);
}

#[test]
fn edges_quarters_and_to_date() {
    let a = past(P);
    check(
        "Tanks must arrive before the end of March.",
        planned(P),
        "before the end of March",
        None,
        Some("2025-03-31"),
    );
    check(
        "Output fell last quarter.",
        a,
        "last quarter",
        Some("2024-10-01"),
        Some("2024-12-31"),
    );
    check("Some 300 were hit to date.", a, "to date", None, Some(P));
    check(
        "Since Russia's full-scale invasion, 40 fell.",
        a,
        "Since Russia's full-scale invasion",
        None,
        None,
    );
    check(
        "Deliveries are due in 2025-26.",
        a,
        "in 2025-26",
        Some("2025-01-01"),
        Some("2026-12-31"),
    );
    check(
        "The audit covered Q1-2024.",
        a,
        "Q1-2024",
        Some("2024-01-01"),
        Some("2024-03-31"),
    );
    check(
        "It happened on 16. Nov. 2024 at dawn.",
        a,
        "on 16. Nov. 2024",
        Some("2024-11-16"),
        Some("2024-11-16"),
    );
    check(
        "It happened over the weekend.",
        a,
        "over the weekend",
        Some("2025-01-11"),
        Some("2025-01-12"),
    );
    check(
        "It happened last Sunday.",
        a,
        "last Sunday",
        Some("2025-01-12"),
        Some("2025-01-12"),
    );
}

#[test]
fn without_publication_date() {
    let none = Anchor::default();
    check("It docked last week.", none, "last week", None, None);
    check(
        "It docked since October.",
        none,
        "since October",
        None,
        None,
    );
    check(
        "It docked in 2023.",
        none,
        "in 2023",
        Some("2023-01-01"),
        Some("2023-12-31"),
    );
    check(
        "It docked on 3 May 2023.",
        none,
        "on 3 May 2023",
        Some("2023-05-03"),
        Some("2023-05-03"),
    );
    check(
        "It docked within two weeks.",
        none,
        "within two weeks",
        None,
        None,
    );
}

#[test]
fn not_times() {
    let a = past(P);
    for s in [
        "Russia may send 2000 soldiers.",
        "About 2,024 shells were fired.",
        "The march on the capital failed.",
        "They recently sent more.",
        "The 47th brigade holds the line.",
        "Prices rose 2024% in a joke.",
        "A quarter of the fleet was lost.",
    ] {
        let found = find_times(s, a);
        let texts: Vec<_> = found.iter().map(|t| &s[t.span.range()]).collect();
        assert!(found.is_empty(), "{s:?}: {texts:?}");
    }
}

#[test]
fn attributive_years_compound_lengths_and_day_ranges() {
    // 2024-03-14 is a Thursday.
    let a = past("2024-03-14");
    check(
        "Both sides broke the 1994 accord.",
        a,
        "1994",
        Some("1994-01-01"),
        Some("1994-12-31"),
    );
    assert!(find_times("The 2000 soldiers left.", a).is_empty());
    check(
        "The depot burned 1 month 10 days ago.",
        a,
        "1 month 10 days ago",
        Some("2024-02-04"),
        Some("2024-02-04"),
    );
    check(
        "Convoys ran from 4 to 9 this month.",
        a,
        "from 4 to 9 this month",
        Some("2024-03-04"),
        Some("2024-03-09"),
    );
    check(
        "Drills run the week after next.",
        a,
        "the week after next",
        Some("2024-03-25"),
        Some("2024-03-31"),
    );
    check(
        "The guns arrive next Friday.",
        planned("2024-03-14"),
        "next Friday",
        Some("2024-03-22"),
        Some("2024-03-22"),
    );
    check(
        "Talks were held in 2019 May.",
        a,
        "in 2019 May",
        Some("2019-05-01"),
        Some("2019-05-31"),
    );
}

#[test]
fn an_event_noun_after_a_plain_point_preposition_is_not_a_period() {
    let anchor = Anchor {
        published: Some(Date::new(2024, 8, 1).unwrap()),
        future: false,
    };
    for text in [
        "Poland will buy helicopters in a deal worth billions.",
        "The ministers met at the summit.",
        "Two were hurt in the attack.",
    ] {
        let found = find_times(text, anchor);
        assert!(found.is_empty(), "{text:?} gave {found:?}");
    }
    let kept = find_times("Prices rose during the war.", anchor);
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].kind, TimeKind::Event);
}

#[test]
fn absurd_counts_from_the_text_do_not_panic() {
    // Found by proptest: "last 7 2024 year -" reads a count of 72024 years,
    // beyond what the calendar can hold; it must resolve to nothing, not
    // panic.
    let anchor = Anchor {
        published: Some(Date::new(1950, 1, 1).unwrap()),
        future: false,
    };
    for text in [
        "last 7 2024 year -",
        "over the past 99999999999 years",
        "in the last 9223372036854775807 weeks",
        "99999999999 months ago",
        "within 99999999999 days",
    ] {
        for t in find_times(text, anchor) {
            if let (Some(a), Some(b)) = (t.from, t.to) {
                assert!(a <= b, "{text:?}: {t:?}");
            }
        }
    }
}
