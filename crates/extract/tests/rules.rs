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

#[test]
fn a_possessive_names_whose_dead_they_were() {
    let c = claims("Chad's army said 14 of its soldiers were killed in the ambush near the lake.");
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].from.as_deref(), Some("TD"));
}

#[test]
fn a_weapon_launched_by_a_side_is_that_sides_loss() {
    let c =
        claims("Air defences shot down 12 drones launched by Iran over the gulf, the navy said.");
    let loss: Vec<_> = c.iter().filter(|c| c.kind == Kind::Loss).collect();
    assert_eq!(loss.len(), 1, "{c:?}");
    assert_eq!(loss[0].from.as_deref(), Some("IR"));
}

#[test]
fn a_health_ministry_counts_its_own_states_dead() {
    let c = claims("Lebanon's health ministry said an air strike on the market killed 31 people.");
    let cas: Vec<_> = c.iter().filter(|c| c.kind == Kind::Casualties).collect();
    assert_eq!(cas.len(), 1, "{c:?}");
    assert_eq!(cas[0].from.as_deref(), Some("LB"));
}

#[test]
fn a_hyphenated_measure_is_part_of_the_noun_phrase() {
    let c = claims("Canada shipped 900 500-pound bombs to Poland last month.");
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].quantity.value, 900.0);
    assert_eq!(c[0].item.name, "bombs");
}

#[test]
fn money_of_arms_is_their_value_and_a_purchase_needs_no_seller() {
    let c = claims("Peru bought $120 million of weapons last year, the report said.");
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].kind, Kind::Transfer);
    assert_eq!(c[0].from, None);
    assert_eq!(c[0].to.as_deref(), Some("PE"));
}

#[test]
fn a_gapped_clause_names_its_own_subject() {
    let c = claims("Spain has committed 10 launchers to Ukraine and Italy 6.");
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[0].from.as_deref(), Some("ES"));
    assert_eq!(c[1].from.as_deref(), Some("IT"));
    assert_eq!(c[1].to.as_deref(), Some("UA"));
    let c = claims("Russia lost 300 tanks in the battle and Ukraine 200.");
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[1].from.as_deref(), Some("UA"));
    let c = claims("Norway will send 20 tanks to Ukraine, while Denmark is sending 12.");
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[1].from.as_deref(), Some("DK"));
}

#[test]
fn a_count_after_a_named_part_counts_the_whole() {
    let c = claims(
        "Shelling killed 40 people in Kharkiv, among them 9 children, and wounded 120, officials said.",
    );
    let wounded: Vec<_> = c
        .iter()
        .filter(|c| c.outcome == Some(Outcome::Wounded))
        .collect();
    assert_eq!(wounded.len(), 1, "{c:?}");
    assert_eq!(wounded[0].item.name, "people");
}

#[test]
fn a_partitive_with_a_relative_clause_gives_two_claims() {
    let c = claims(
        "Some 900 of the 5,000 fighters Chad sent to Niger have been wounded, officials said.",
    );
    assert_eq!(c.len(), 2, "{c:?}");
    let hurt = c
        .iter()
        .find(|c| c.kind == Kind::Casualties)
        .expect("casualties");
    assert_eq!(hurt.quantity.value, 900.0);
    assert_eq!(hurt.outcome, Some(Outcome::Wounded));
    assert_eq!(hurt.from.as_deref(), Some("TD"));
    let sent = c
        .iter()
        .find(|c| c.kind == Kind::Deployment)
        .expect("deployment");
    assert_eq!(sent.quantity.value, 5000.0);
    assert_eq!(sent.to.as_deref(), Some("NE"));
}

#[test]
fn a_list_of_equipment_shares_its_sides_and_its_about() {
    let c = claims(
        "Ukraine's forces destroyed about 4 Russian tanks, 11 armoured vehicles and 2 launchers.",
    );
    assert_eq!(c.len(), 3, "{c:?}");
    for x in &c {
        assert_eq!(x.from.as_deref(), Some("RU"), "{x:?}");
        assert_eq!(x.quantity.bound, tally_core::Bound::Approx, "{x:?}");
    }
}

#[test]
fn a_possessive_attacker_is_not_the_owner() {
    let c = claims("Ukraine's air force shot down 20 drones overnight.");
    assert_eq!(c.len(), 1, "{c:?}");
    assert_ne!(c[0].from.as_deref(), Some("UA"));
    let c = claims("Diplomats put Iraq's military dead at about 120,000.");
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].from.as_deref(), Some("IQ"));
}

#[test]
fn each_item_of_a_list_keeps_its_own_time() {
    let p = Pipeline::builtin().expect("pipeline");
    let mut doc = Document::new(
        DocId::given("t"),
        "Norway will deliver 12 howitzers to Ukraine: three in March, five more in June and the final four next year.",
    );
    doc.published = parse_published("2025-01-10");
    let c = p.extract(&doc);
    let when = |v: f64| {
        c.iter()
            .find(|c| c.quantity.value == v)
            .and_then(|c| c.when.as_ref())
            .map(|w| w.text.clone())
    };
    assert_eq!(when(5.0).as_deref(), Some("in June"), "{c:?}");
    assert_eq!(when(4.0).as_deref(), Some("next year"), "{c:?}");
}

#[test]
fn a_maker_names_its_states_production_and_its_model_numbers_are_no_counts() {
    let c = claims("Hanwha Aerospace turned out 96 K9 howitzers last year, the company said.");
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].kind, Kind::Production);
    assert_eq!(c[0].from.as_deref(), Some("KR"));
    let c = claims("Ukraine received a Saab 340 surveillance plane from Sweden.");
    assert!(c.iter().all(|c| c.quantity.value != 340.0), "{c:?}");
    let c = claims("The launcher carries six guided rockets with a range of 80 km.");
    assert!(c.is_empty(), "{c:?}");
}

#[test]
fn a_consignment_consists_of_what_was_moved_and_a_firms_home_is_its_side() {
    let c = claims(
        "Canada sent a shipment of arms to Poland in May. The shipment consisted of 800 rifles and 40 mortars, the official said.",
    );
    assert!(
        c.iter()
            .any(|c| c.quantity.value == 800.0 && c.from.as_deref() == Some("CA")),
        "{c:?}"
    );
    let c = claims("Companies based in Singapore supplied 40 drones to the junta.");
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].from.as_deref(), Some("SG"));
}

#[test]
fn two_numbers_joined_by_or_are_one_range() {
    let c = claims("Kahl said Russia had also lost three or four thousand armoured vehicles.");
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].quantity.value, 3000.0);
    assert_eq!(c[0].quantity.max, Some(4000.0));
    assert_eq!(c[0].quantity.bound, tally_core::Bound::Range);
}

#[test]
fn a_demonym_before_an_attack_noun_is_the_attacker_not_the_place() {
    let c = claims("Officials said 31 people were killed in the Indian strikes.");
    assert!(c.iter().all(|c| c.from.as_deref() != Some("IN")), "{c:?}");
}

#[test]
fn officials_quoted_by_an_outlet_speak_through_it() {
    let c = claims(
        "Poland has received 40 tanks from South Korea, according to two Polish officials quoted by Reuters.",
    );
    assert_eq!(c.len(), 1, "{c:?}");
    let src = c[0].source.clone().expect("source");
    assert_eq!(src.speaker.as_deref(), Some("two Polish officials"));
    assert_eq!(src.via.as_deref(), Some("Reuters"));
}

#[test]
fn an_army_supplied_is_the_recipient_and_signing_for_is_an_order() {
    let c = claims("Hanwha will supply the Australian Army with 30 AS9 Huntsman howitzers.");
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].to.as_deref(), Some("AU"));
    let c = claims("Chile has signed for 40 Leopard 2 tanks from Germany.");
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].to.as_deref(), Some("CL"));
    assert_eq!(c[0].from.as_deref(), Some("DE"));
}
