//! The built-in data loads, is large enough, and reads news sentences
//! (written for this test) the way a reader would.

use tally_lexicon::{Entity, EntityKind, Form, Lexicon, Mention};

fn builtin() -> Lexicon {
    match Lexicon::builtin() {
        Ok(l) => l,
        Err(e) => panic!("built-in lexicon failed to load: {e}"),
    }
}

/// The five files this crate's owner writes, without weapons, classes and
/// outlets, so the snapshot below does not move when those files change.
fn own_tables() -> Lexicon {
    let files = [
        (
            "states.toml",
            include_str!("../../../data/lexicon/states.toml"),
        ),
        (
            "actors.toml",
            include_str!("../../../data/lexicon/actors.toml"),
        ),
        (
            "people.toml",
            include_str!("../../../data/lexicon/people.toml"),
        ),
        (
            "bodies.toml",
            include_str!("../../../data/lexicon/bodies.toml"),
        ),
        (
            "places.toml",
            include_str!("../../../data/lexicon/places.toml"),
        ),
    ];
    match Lexicon::from_sources(&files) {
        Ok(l) => l,
        Err(e) => panic!("own tables failed to load: {e}"),
    }
}

/// One line per mention: text, table, canonical name, form, possessive.
fn describe(lex: &Lexicon, text: &str, found: &[Mention]) -> String {
    found
        .iter()
        .map(|m| {
            let e = lex.entity(m.entity);
            format!(
                "{:?} -> {:?} {:?} {:?}{}",
                &text[m.span.range()],
                e.kind(),
                e.name(),
                m.form,
                if m.possessive { " 's" } else { "" }
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// (matched text, party or state code) for each mention.
fn parties(lex: &Lexicon, text: &str) -> Vec<(String, Option<String>)> {
    lex.find(text)
        .iter()
        .map(|m| {
            let e = lex.entity(m.entity);
            let p = e.party().or(e.state_code()).map(str::to_string);
            (text[m.span.range()].to_string(), p)
        })
        .collect()
}

#[test]
fn builtin_sizes() {
    let s = builtin().stats();
    assert!(s.states >= 249, "{s:?}");
    assert!(s.persons >= 200, "{s:?}");
    assert!(s.actors >= 30, "{s:?}");
    assert!(s.bodies >= 100, "{s:?}");
    assert!(s.places >= 200, "{s:?}");
    assert!(s.phrases > 5000, "{s:?}");
}

#[test]
fn every_iso_code_and_key_state() {
    let lex = builtin();
    for (code, name) in [
        ("KP", "North Korea"),
        ("KR", "South Korea"),
        ("RU", "Russia"),
        ("UA", "Ukraine"),
        ("GB", "United Kingdom"),
        ("US", "United States"),
        ("TR", "Turkey"),
        ("IR", "Iran"),
    ] {
        assert_eq!(lex.state(code).map(|s| s.name.as_str()), Some(name));
    }
    assert_eq!(
        lex.lookup(EntityKind::State, "Türkiye"),
        lex.lookup(EntityKind::State, "TR")
    );
    assert!(lex.state("XX").is_none());
}

#[test]
fn states_stand_behind_their_names() {
    let lex = own_tables();
    let text = "Pyongyang sent shells; the Kremlin denied it. Britain, the U.S. and Seoul \
                said South Korean and Ukrainian officials met in Kyiv.";
    let got = parties(&lex, text);
    let want = [
        ("Pyongyang", "KP"),
        ("Kremlin", "RU"),
        ("Britain", "GB"),
        ("U.S.", "US"),
        ("Seoul", "KR"),
        ("South Korean", "KR"),
        ("Ukrainian", "UA"),
        ("Kyiv", "UA"),
    ];
    let got: Vec<(&str, Option<&str>)> = got
        .iter()
        .map(|(t, p)| (t.as_str(), p.as_deref()))
        .collect();
    let want: Vec<(&str, Option<&str>)> = want.iter().map(|&(t, p)| (t, Some(p))).collect();
    assert_eq!(got, want);
}

#[test]
fn persons_bodies_and_places() {
    let lex = own_tables();
    let text = "Ukraine's spymaster Kyrylo Budanov said the NIS and the Pentagon agreed \
                that troops reached Kursk Oblast and Avdiivka, Jack Watling of RUSI wrote.";
    let found = lex.find(text);
    let kinds: Vec<(String, EntityKind)> = found
        .iter()
        .map(|m| {
            (
                text[m.span.range()].to_string(),
                lex.entity(m.entity).kind(),
            )
        })
        .collect();
    let want = [
        ("Ukraine", EntityKind::State),
        ("spymaster", EntityKind::Person),
        ("Kyrylo Budanov", EntityKind::Person),
        ("NIS", EntityKind::Body),
        ("Pentagon", EntityKind::Body),
        ("Kursk Oblast", EntityKind::Place),
        ("Avdiivka", EntityKind::Place),
        ("Jack Watling", EntityKind::Person),
        ("RUSI", EntityKind::Body),
    ];
    let want: Vec<(String, EntityKind)> = want.iter().map(|&(t, k)| (t.to_string(), k)).collect();
    assert_eq!(kinds, want);
    assert!(found[0].possessive);
    assert_eq!(found[1].form, Form::Role);
    // Analysts are sources, never parties.
    let watling = lex.entity(found[7].entity);
    assert!(matches!(watling, Entity::Person(p) if !p.party));
    assert_eq!(watling.party(), None);
}

#[test]
fn shared_phrases_list_every_reading() {
    let lex = own_tables();
    let text = "Russia's defence ministry and the defense minister";
    let found = lex.find(text);
    assert_eq!(found.len(), 3);
    let ministry = &text[found[1].span.range()];
    let readings = lex.readings(ministry);
    let states: Vec<Option<&str>> = readings
        .iter()
        .map(|r| lex.entity(r.entity).state_code())
        .collect();
    assert!(
        states.contains(&Some("RU")) && states.contains(&Some("UA")),
        "{states:?}"
    );
    let minister = lex.readings(&text[found[2].span.range()]);
    assert!(
        minister.len() > 20,
        "many defence ministers: {}",
        minister.len()
    );
    assert!(minister.iter().all(|r| r.form == Form::Role));
}

#[test]
fn lower_case_words_are_not_states() {
    let lex = own_tables();
    // "us", "polish" as a verb would be risky; common words stay unmatched.
    let text = "He told us the reunion in the valley was a matter of chance.";
    assert!(
        lex.find(text).is_empty(),
        "{:?}",
        describe(&lex, text, &lex.find(text))
    );
}

#[test]
fn snapshot_of_a_paragraph() {
    let lex = own_tables();
    let text = "Seoul’s National Intelligence Service said on Tuesday that North Korean \
troops had been moved from Vladivostok to the Kursk region, where Russia's General Staff \
plans a counter-offensive. Kim Jong Un met Sergei Shoigu in Pyongyang; Ukraine's defence \
minister told the Verkhovna Rada that the Houthis' and Wagner's fighters were not involved. \
The White House, Downing Street and NATO declined to comment, while ISW analysts and the \
Kremlin spokesman Dmitry Peskov disputed the figures from Avdiivka and Kharkiv Oblast.";
    let found = lex.find(text);
    insta::assert_snapshot!(describe(&lex, text, &found));
}
