//! Every rule of the figure contract, through the public API, on sentences
//! written for these tests.

use tally_figures::{find_figures, parse_number, Bound, Figure, Measure, Unit};

/// A figure as (span text, value, max, bound, unit, measure).
type Row = (String, f64, Option<f64>, Bound, Unit, Option<Measure>);

/// The figures of `text`.
fn figs(text: &str) -> Vec<Row> {
    find_figures(text)
        .into_iter()
        .map(|f: Figure| {
            (
                text[f.span.range()].to_string(),
                f.value,
                f.max,
                f.bound,
                f.unit,
                f.measure,
            )
        })
        .collect()
}

/// The one count-like figure (no measure) of `text` whose span is `span`.
#[track_caller]
fn check(text: &str, span: &str, value: f64, bound: Bound, unit: Unit) {
    let all = figs(text);
    let hit = all.iter().find(|f| f.0 == span);
    let Some((_, v, _, b, u, m)) = hit else {
        panic!("{text:?}: no figure {span:?} in {all:?}");
    };
    assert!(
        (v - value).abs() <= value.abs() * 1e-3,
        "{text:?}: {span:?} value {v}, want {value}"
    );
    assert_eq!((*b, u, *m), (bound, &unit, None), "{text:?}: {span:?}");
}

#[track_caller]
fn exact(text: &str, span: &str, value: f64) {
    check(text, span, value, Bound::Exact, Unit::Item);
}

#[track_caller]
fn range(text: &str, span: &str, low: f64, high: f64) {
    let all = figs(text);
    let hit = all.iter().find(|f| f.0 == span);
    let Some((_, v, max, b, u, m)) = hit else {
        panic!("{text:?}: no figure {span:?} in {all:?}");
    };
    assert_eq!(
        (*v, *max, *b, u, *m),
        (low, Some(high), Bound::Range, &Unit::Item, None),
        "{text:?}"
    );
}

#[track_caller]
fn measure(text: &str, span: &str, want: Measure) {
    let all = figs(text);
    let hit = all.iter().find(|f| f.0 == span);
    let Some((.., m)) = hit else {
        panic!("{text:?}: no figure {span:?} in {all:?}");
    };
    assert_eq!(*m, Some(want), "{text:?}: {span:?}");
}

/// No count-like figure at all (measures allowed).
#[track_caller]
fn no_count(text: &str) {
    let all = figs(text);
    assert!(all.iter().all(|f| f.5.is_some()), "{text:?}: {all:?}");
}

fn money(code: &str) -> Unit {
    Unit::Money(code.into())
}

#[test]
fn digits_separators_and_decimals() {
    exact("The convoy carried 11,000 shells.", "11,000", 11000.0);
    exact("A unit of 1.5 thousand men.", "1.5 thousand", 1500.0);
    exact("They had 40\u{202f}000 rounds.", "40\u{202f}000", 40000.0);
    exact("They fired 1 200 rockets.", "1 200", 1200.0);
}

#[test]
fn scale_words_and_abbreviations() {
    exact("The plant made 1.5 million shells.", "1.5 million", 1.5e6);
    exact("Output reached 2m rounds.", "2m", 2e6);
    exact("It built 3k drones.", "3k", 3000.0);
    exact("It received 1.2bn rounds.", "1.2bn", 1.2e9);
    exact("It received 4 mn rounds.", "4 mn", 4e6);
}

#[test]
fn number_words() {
    exact("Forty-two vehicles were lost.", "Forty-two", 42.0);
    exact(
        "They sent two thousand five hundred troops.",
        "two thousand five hundred",
        2500.0,
    );
    exact("They sent a hundred tanks.", "a hundred", 100.0);
    exact("They sent a thousand drones.", "a thousand", 1000.0);
    exact("They sent a dozen howitzers.", "a dozen", 12.0);
    exact("They sent two dozen howitzers.", "two dozen", 24.0);
    exact(
        "It holds half a million shells.",
        "half a million",
        500_000.0,
    );
    exact("It sent seven howitzers.", "seven", 7.0);
    exact("On Tuesday 2 soldiers died.", "2", 2.0);
    exact("Kyiv got 14 Challenger 2 tanks.", "14", 14.0);
}

#[test]
fn a_number_after_a_recipient_counts() {
    // After a verb taking an indirect object the capitalised word is the
    // recipient, not a model name.
    exact("Berlin will send Warsaw 12 howitzers.", "12", 12.0);
    exact("The allies sent Poland 12 howitzers in May.", "12", 12.0);
    exact("Oslo pledged Kyiv 3 more launchers.", "3", 3.0);
    exact("London sent Ukraine 14 Challenger 2 tanks.", "14", 14.0);
    // The model number stays a designation.
    let all = figs("London sent Ukraine 14 Challenger 2 tanks.");
    assert_eq!(all.len(), 1, "{all:?}");
    let all = figs("Kyiv got 14 Challenger 2 tanks.");
    assert_eq!(all.len(), 1, "{all:?}");
    no_count("Berlin will send Leopard 2 tanks soon.");
}

#[test]
fn couple_is_approximate_and_few_is_nothing() {
    check(
        "A couple of jets flew past.",
        "A couple",
        2.0,
        Bound::Approx,
        Unit::Item,
    );
    assert!(figs("A few jets flew past.").is_empty());
    assert!(figs("A jet flew past.").is_empty());
}

#[test]
fn bounds_before_the_number() {
    let al = Bound::AtLeast;
    let am = Bound::AtMost;
    let ap = Bound::Approx;
    check("over 100 were hit", "over 100", 100.0, al, Unit::Item);
    check("at least 10 died", "at least 10", 10.0, al, Unit::Item);
    check(
        "in excess of 500 shells",
        "in excess of 500",
        500.0,
        al,
        Unit::Item,
    );
    check(
        "no fewer than 30 jets",
        "no fewer than 30",
        30.0,
        al,
        Unit::Item,
    );
    check("upwards of 40 jets", "upwards of 40", 40.0, al, Unit::Item);
    check("up to 3,000 troops", "up to 3,000", 3000.0, am, Unit::Item);
    check(
        "as many as 90 drones",
        "as many as 90",
        90.0,
        am,
        Unit::Item,
    );
    check("fewer than 20 tanks", "fewer than 20", 20.0, am, Unit::Item);
    check("a maximum of 8 jets", "a maximum of 8", 8.0, am, Unit::Item);
    check("under 50 guns", "under 50", 50.0, am, Unit::Item);
    check(
        "just under 1,000 men",
        "just under 1,000",
        1000.0,
        am,
        Unit::Item,
    );
    check(
        "approximately 1,000 men",
        "approximately 1,000",
        1000.0,
        ap,
        Unit::Item,
    );
    check("roughly 70 guns", "roughly 70", 70.0, ap, Unit::Item);
    check("some 300 soldiers", "some 300", 300.0, ap, Unit::Item);
    check(
        "an estimated 4,000 men",
        "an estimated 4,000",
        4000.0,
        ap,
        Unit::Item,
    );
    check("nearly 600 vehicles", "nearly 600", 600.0, ap, Unit::Item);
    check("close to 90 guns", "close to 90", 90.0, ap, Unit::Item);
    check("~200 drones", "~200", 200.0, ap, Unit::Item);
}

#[test]
fn bounds_after_the_number() {
    check(
        "It lost 50+ tanks.",
        "50+",
        50.0,
        Bound::AtLeast,
        Unit::Item,
    );
    check(
        "It lost 100 or more tanks.",
        "100 or more",
        100.0,
        Bound::AtLeast,
        Unit::Item,
    );
    check(
        "It lost 300-odd tanks.",
        "300-odd",
        300.0,
        Bound::Approx,
        Unit::Item,
    );
}

#[test]
fn ranges() {
    range("between 10 and 12 shells", "between 10 and 12", 10.0, 12.0);
    range("10-12 shells", "10-12", 10.0, 12.0);
    range("10–12 shells", "10–12", 10.0, 12.0);
    range("10 to 12 shells", "10 to 12", 10.0, 12.0);
    range("from 10 to 12 shells", "from 10 to 12", 10.0, 12.0);
    range("10,000-12,000 men", "10,000-12,000", 10000.0, 12000.0);
    range(
        "10 to 12 thousand men",
        "10 to 12 thousand",
        10000.0,
        12000.0,
    );
    range("two or three brigades", "two or three", 2.0, 3.0);
}

#[test]
fn vague_magnitudes() {
    let al = Bound::AtLeast;
    check("dozens of drones", "dozens", 24.0, al, Unit::Item);
    check(
        "several dozen drones",
        "several dozen",
        24.0,
        al,
        Unit::Item,
    );
    check("hundreds of drones", "hundreds", 200.0, al, Unit::Item);
    check(
        "several hundred drones",
        "several hundred",
        200.0,
        al,
        Unit::Item,
    );
    check("thousands of drones", "thousands", 2000.0, al, Unit::Item);
    check(
        "several thousand drones",
        "several thousand",
        2000.0,
        al,
        Unit::Item,
    );
    check(
        "tens of thousands of men",
        "tens of thousands",
        20000.0,
        al,
        Unit::Item,
    );
    check(
        "hundreds of thousands of shells",
        "hundreds of thousands",
        200_000.0,
        al,
        Unit::Item,
    );
    check("millions of rounds", "millions", 2e6, al, Unit::Item);
    check(
        "billions of dollars in aid",
        "billions of dollars",
        2e9,
        al,
        money("USD"),
    );
}

#[test]
fn factors() {
    let r = Bound::Relative;
    check(
        "Output will double this year.",
        "double",
        2.0,
        r,
        Unit::Factor,
    );
    check("Output doubled last year.", "doubled", 2.0, r, Unit::Factor);
    check("It is doubling output.", "doubling", 2.0, r, Unit::Factor);
    check("Output tripled.", "tripled", 3.0, r, Unit::Factor);
    check("Output will quadruple.", "quadruple", 4.0, r, Unit::Factor);
    check(
        "They sent twice as many shells.",
        "twice as many",
        2.0,
        r,
        Unit::Factor,
    );
    check(
        "They sent three times as many shells.",
        "three times as many",
        3.0,
        r,
        Unit::Factor,
    );
    check(
        "They sent nine times more shells.",
        "nine times more",
        9.0,
        r,
        Unit::Factor,
    );
    check(
        "They sent half as many shells.",
        "half as many",
        0.5,
        r,
        Unit::Factor,
    );
    check(
        "Output more than doubled.",
        "more than doubled",
        2.0,
        r,
        Unit::Factor,
    );
    check("Stocks were cut by half.", "half", 0.5, r, Unit::Factor);
    assert!(figs("a double-tap strike").is_empty());
    assert!(figs("in the first half of the year")
        .iter()
        .all(|f| f.0 != "half"));
}

#[test]
fn percentages_and_fractions() {
    let p = Unit::Percent;
    check("60% of its shells", "60%", 60.0, Bound::Exact, p.clone());
    check(
        "60 per cent of its shells",
        "60 per cent",
        60.0,
        Bound::Exact,
        p.clone(),
    );
    check(
        "60 percent of its shells",
        "60 percent",
        60.0,
        Bound::Exact,
        p.clone(),
    );
    check("60pc of its shells", "60pc", 60.0, Bound::Exact, p.clone());
    check(
        "nearly two-thirds of its fleet",
        "nearly two-thirds",
        200.0 / 3.0,
        Bound::Approx,
        p.clone(),
    );
    check(
        "a third of its fleet",
        "a third",
        100.0 / 3.0,
        Bound::Exact,
        p.clone(),
    );
    check(
        "three quarters of its fleet",
        "three quarters",
        75.0,
        Bound::Exact,
        p.clone(),
    );
    check(
        "half of its ammunition",
        "half",
        50.0,
        Bound::Exact,
        p.clone(),
    );
    check(
        "more than half the drones",
        "more than half",
        50.0,
        Bound::AtLeast,
        p.clone(),
    );
    check(
        "roughly 87% of shells",
        "roughly 87%",
        87.0,
        Bound::Approx,
        p,
    );
}

#[test]
fn money_codes_symbols_and_names() {
    let e = Bound::Exact;
    check(
        "a $425 million package",
        "$425 million",
        425e6,
        e,
        money("USD"),
    );
    check("a $1.85bn package", "$1.85bn", 1.85e9, e, money("USD"));
    check(
        "a $1.85 billion package",
        "$1.85 billion",
        1.85e9,
        e,
        money("USD"),
    );
    check("US$50m in aid", "US$50m", 50e6, e, money("USD"));
    check("A$30 million in aid", "A$30 million", 30e6, e, money("AUD"));
    check(
        "C$500 million in aid",
        "C$500 million",
        500e6,
        e,
        money("CAD"),
    );
    check("€2bn in aid", "€2bn", 2e9, e, money("EUR"));
    check(
        "£1.6 billion in aid",
        "£1.6 billion",
        1.6e9,
        e,
        money("GBP"),
    );
    check("¥100 million in aid", "¥100 million", 1e8, e, money("JPY"));
    check("₴10 billion in aid", "₴10 billion", 1e10, e, money("UAH"));
    check(
        "USD 5 million in aid",
        "USD 5 million",
        5e6,
        e,
        money("USD"),
    );
    check("EUR 2bn in aid", "EUR 2bn", 2e9, e, money("EUR"));
    check(
        "5 million euros in aid",
        "5 million euros",
        5e6,
        e,
        money("EUR"),
    );
    check(
        "300 million pounds in aid",
        "300 million pounds",
        3e8,
        e,
        money("GBP"),
    );
    check(
        "20 billion roubles in aid",
        "20 billion roubles",
        2e10,
        e,
        money("RUB"),
    );
    check(
        "8 billion hryvnias in aid",
        "8 billion hryvnias",
        8e9,
        e,
        money("UAH"),
    );
    check(
        "2 trillion won in aid",
        "2 trillion won",
        2e12,
        e,
        money("KRW"),
    );
    check(
        "more than €1 billion",
        "more than €1 billion",
        1e9,
        Bound::AtLeast,
        money("EUR"),
    );
    measure("500 pounds of explosives", "500 pounds", Measure::Weight);
}

#[test]
fn measurements_are_not_counts() {
    measure("a 170mm gun", "170mm", Measure::Calibre);
    measure("a 155-mm shell", "155-mm", Measure::Calibre);
    measure("152 mm guns", "152 mm", Measure::Calibre);
    measure("a .50-calibre gun", ".50-calibre", Measure::Calibre);
    measure("a range of 25 miles", "25 miles", Measure::Distance);
    measure("some 40 km away", "some 40 km", Measure::Distance);
    measure("a 25-foot-long boat", "25-foot", Measure::Length);
    measure("300 metres away", "300 metres", Measure::Length);
    measure("a 40-ton tank", "40-ton", Measure::Weight);
    measure("500 kg of explosives", "500 kg", Measure::Weight);
    measure("2 tonnes of explosives", "2 tonnes", Measure::Weight);
    measure("at 900 km/h", "900 km/h", Measure::Speed);
    measure(
        "over the past three months",
        "three months",
        Measure::Duration,
    );
    measure("within two weeks", "two weeks", Measure::Duration);
    measure("in 24 hours", "24 hours", Measure::Duration);
    measure("a 72-hour truce", "72-hour", Measure::Duration);
    measure("a man aged 25", "aged 25", Measure::Age);
    measure("a 25-year-old man", "25-year-old", Measure::Age);
    measure("he is 25 years old", "25 years old", Measure::Age);
    measure("at minus 20 °C", "20 °C", Measure::Temperature);
    measure(
        "an area of 300 square kilometres",
        "300 square kilometres",
        Measure::Area,
    );
    measure("2,000 litres of fuel", "2,000 litres", Measure::Volume);
}

#[test]
fn years_dates_times_ordinals() {
    measure("It happened in 2024.", "2024", Measure::Year);
    measure("the 1989 parade", "1989", Measure::Year);
    measure("the 2022-23 winter", "2022-23", Measure::Year);
    exact("It sent 1500 soldiers.", "1500", 1500.0);
    exact("It sent 2000 soldiers.", "2000", 2000.0);
    measure("on 7 January the", "7 January", Measure::Date);
    measure("on Jan. 7 the", "Jan. 7", Measure::Date);
    measure("on January 7, 2025", "January 7", Measure::Date);
    measure("dated 2025-01-07 in", "2025-01-07", Measure::Date);
    measure("at 10:30 local", "10:30", Measure::ClockTime);
    measure("at 3 pm local", "3 pm", Measure::ClockTime);
    measure("the first convoy", "first", Measure::Ordinal);
    measure("the 3rd brigade", "3rd", Measure::Ordinal);
    measure("Ward No. 2 was hit", "No. 2", Measure::Ordinal);
    measure("the 1990s saw", "1990s", Measure::Year);
}

#[test]
fn designations_and_pronouns_are_not_figures() {
    for text in [
        "one of the launchers",
        "the one that was hit",
        "no one was hurt",
        "M1989 Koksan guns",
        "KN-23 missiles",
        "T-72 tanks",
        "F-16 jets",
        "Su-34 bombers",
        "2S19 guns",
        "S-300 batteries",
        "Leopard 2A6 tanks",
        "HIMARS M142 launchers",
        "Shahed-136 drones",
        "Hwasong-11 missiles",
        "Britain will send Challenger 2 tanks",
        "call +1-222-555-2222 now",
        "see https://example.org/page?id=300 now",
        "version 1.2.3 shipped",
    ] {
        no_count(text);
    }
}

#[test]
fn several_figures_in_one_sentence() {
    let text = "About 1,000 were killed and 3,000 wounded.";
    let all = figs(text);
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(all[0].0, "About 1,000");
    assert_eq!(all[1].0, "3,000");
}

#[test]
fn parse_number_reads_whole_strings() {
    for (s, v) in [
        ("11,000", 11000.0),
        ("1.5 million", 1.5e6),
        ("two thousand five hundred", 2500.0),
        ("a dozen", 12.0),
        ("half a million", 500_000.0),
        ("1.2bn", 1.2e9),
        ("3k", 3000.0),
        ("forty-two", 42.0),
    ] {
        assert_eq!(parse_number(s), Some(v), "{s}");
    }
    assert_eq!(parse_number("eleven soldiers"), None);
    assert_eq!(parse_number("a few"), None);
}

#[test]
fn spaced_units_mixed_fractions_and_long_digit_runs() {
    let all = figs("The shaft is 12 m deep; they fired from 3 m.");
    assert!(all.iter().any(|f| f.0 == "3 m" && f.5.is_some()), "{all:?}");
    let all = figs("The road runs 10 1/2 miles.");
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!((all[0].1, all[0].5), (10.5, Some(Measure::Distance)));
    let all = figs("Doses of 40 mg to 60 mg were given.");
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(
        (all[0].1, all[0].2, all[0].3),
        (40.0, Some(60.0), Bound::Range)
    );
    let long = "7".repeat(60);
    assert!(figs(&format!("Ticket {long} was filed.")).is_empty());
}

#[test]
fn over_after_a_particle_verb_is_no_bound() {
    check(
        "The navy has handed over six patrol boats.",
        "six",
        6.0,
        Bound::Exact,
        Unit::Item,
    );
    check(
        "Rebels took over 12 villages in a week.",
        "12",
        12.0,
        Bound::Exact,
        Unit::Item,
    );
    check(
        "The navy has sent over 40 patrol boats.",
        "over 40",
        40.0,
        Bound::AtLeast,
        Unit::Item,
    );
}
