//! Generalisation check: short reports of my own about conflicts and arms
//! deals other than the dev set's (other states, weapons, outlets and
//! phrasings), each with the claims the spec asks for.

use tally_core::{
    parse_published, Bound, Claim, DocId, Document, Extractor, Kind, Outcome, Stage, Unit,
};
use tally_extract::Pipeline;

fn claims(text: &str) -> Vec<Claim> {
    let p = Pipeline::builtin().expect("pipeline");
    let mut doc = Document::new(DocId::given("g"), text);
    doc.published = parse_published("2025-03-12");
    p.extract(&doc)
}

fn one(cs: &[Claim], value: f64) -> &Claim {
    let found: Vec<&Claim> = cs
        .iter()
        .filter(|c| (c.quantity.value - value).abs() < 0.5)
        .collect();
    assert_eq!(found.len(), 1, "value {value} in {cs:#?}");
    found[0]
}

fn party(c: &Claim) -> (Option<&str>, Option<&str>) {
    (c.from.as_deref(), c.to.as_deref())
}

#[test]
fn nominal_count_of_troops_in_a_country() {
    // "the number of X in Y had grown by N ... bringing it to M"
    let cs = claims(
        "The number of Chadian soldiers in Niger's Tillaberi region had risen by about 400, the army said, bringing it to at least 1,600.",
    );
    let a = one(&cs, 400.0);
    assert_eq!(a.kind, Kind::Deployment);
    assert_eq!(party(a), (Some("TD"), Some("NE")));
    assert_eq!(a.quantity.bound, Bound::Approx);
    let b = one(&cs, 1600.0);
    assert_eq!(party(b), (Some("TD"), Some("NE")));
    assert_eq!(b.quantity.bound, Bound::AtLeast);
}

#[test]
fn a_breakdown_after_an_attribution_continues_the_count() {
    let cs = claims(
        "Eritrean troops were sent to Ethiopia's Tigray region in large numbers. Ethiopian officials put the figure at roughly 20,000 soldiers. Among them, the officials said, are 300 officers and two generals.",
    );
    assert_eq!(cs.len(), 3, "{cs:#?}");
    for v in [300.0, 2.0] {
        let c = one(&cs, v);
        assert_eq!(c.kind, Kind::Deployment);
        assert_eq!(party(c), (Some("ER"), Some("ET")));
    }
}

#[test]
fn an_announced_aid_package_is_a_planned_transfer_from_the_announcer() {
    let cs = claims("The Canadian government on Tuesday unveiled a new military aid package for Kyiv worth $150 million.");
    let c = one(&cs, 150_000_000.0);
    assert_eq!(c.kind, Kind::Transfer);
    assert_eq!(c.stage, Stage::Planned);
    assert_eq!(c.quantity.unit, Unit::Money("USD".into()));
    assert_eq!(party(c), (Some("CA"), Some("UA")));
    assert!(c.when.is_none(), "the announcement date is not the event's");
}

#[test]
fn a_payment_to_a_named_payee_is_a_transfer_but_a_price_is_not() {
    let cs = claims("Ankara agreed to pay Moscow $2.5 billion for the air defence systems, according to the Financial Times.");
    let c = one(&cs, 2_500_000_000.0);
    assert_eq!(c.kind, Kind::Transfer);
    assert_eq!(party(c), (Some("TR"), Some("RU")));
    assert!(claims("Each interceptor costs about $4 million, officials said.").is_empty());
    assert!(claims("The radar was paid for in 2019 and costs $30 million.").is_empty());
}

#[test]
fn headline_with_possessive_owner_and_destination_is_a_plan() {
    let cs = claims("Sweden’s 10 Archer howitzers to be in Ukraine by the end of May");
    let c = one(&cs, 10.0);
    assert_eq!(c.kind, Kind::Transfer);
    assert_eq!(c.stage, Stage::Planned);
    assert_eq!(party(c), (Some("SE"), Some("UA")));
    let w = c.when.clone().expect("when");
    assert_eq!(w.to.map(|d| d.to_string()), Some("2025-05-31".into()));
}

#[test]
fn invading_with_troops_is_a_deployment_of_the_invader() {
    let cs = claims("Azerbaijan invaded Armenia in 2022 with about 3,000 troops, the report says.");
    let c = one(&cs, 3000.0);
    assert_eq!(c.kind, Kind::Deployment);
    assert_eq!(party(c), (Some("AZ"), Some("AM")));
    // a carrier is not the sender
    let cs = claims("Greek ferries carried some 900 Cypriot soldiers to Crete, the ministry said.");
    let c = one(&cs, 900.0);
    assert_eq!(c.from.as_deref(), Some("CY"));
}

#[test]
fn a_claim_to_have_destroyed_belongs_to_the_claimant_and_a_dismissal_negates_it() {
    let cs = claims(
        "Israel's army dismissed Hezbollah claims to have destroyed three Merkava tanks near the border.",
    );
    let c = one(&cs, 3.0);
    assert_eq!(c.kind, Kind::Loss);
    assert!(c.negated);
    assert_eq!(c.to.as_deref(), Some("Hezbollah"));
    let cs = claims(
        "The Azerbaijani defence ministry claimed on Sunday to have destroyed 12 Armenian artillery pieces.",
    );
    let c = one(&cs, 12.0);
    assert_eq!(party(c), (Some("AM"), Some("AZ")));
}

#[test]
fn abandoned_equipment_belongs_to_the_side_whose_operation_it_was_not_its_maker() {
    let cs = claims(
        "During Ukraine's spring offensive near Tokmak, drone footage showed two French-made AMX-10 vehicles abandoned in a field.",
    );
    let c = one(&cs, 2.0);
    assert_eq!(c.kind, Kind::Loss);
    assert_eq!(c.outcome, Some(Outcome::Abandoned));
    assert_eq!(c.from.as_deref(), Some("UA"));
}

#[test]
fn a_time_in_a_relative_clause_does_not_date_the_deployment() {
    let cs = claims(
        "Some 2,000 Rwandan troops have been sent to Mozambique's Cabo Delgado province, where they may take part in an offensive in the coming weeks, officials said.",
    );
    let c = one(&cs, 2000.0);
    assert_eq!(party(c), (Some("RW"), Some("MZ")));
    assert!(c.when.is_none(), "{:?}", c.when);
}

#[test]
fn a_speaker_starting_with_a_time_keeps_only_the_speaker() {
    let cs = claims(
        "Last month the Indian defence ministry said at least 40 Pakistani drones had been shot down.",
    );
    let c = one(&cs, 40.0);
    assert_eq!(c.kind, Kind::Loss);
    let s = c.source.clone().expect("source");
    let sp = s.speaker.unwrap_or_default();
    assert!(!sp.to_lowercase().contains("last month"), "{sp}");
}

#[test]
fn live_blog_and_denial_lines() {
    let cs = claims(
        "14:20 Tehran denies supplying 300 drones to Sudan's army, calling the report baseless.",
    );
    let c = one(&cs, 300.0);
    assert_eq!(c.kind, Kind::Transfer);
    assert!(c.negated);
    assert_eq!(party(c), (Some("IR"), Some("SD")));
}

#[test]
fn passive_delivery_according_to_an_outlet() {
    let cs = claims(
        "According to Reuters, more than 50 Bayraktar TB2 drones have been delivered to Ethiopia by Turkey since 2021.",
    );
    let c = one(&cs, 50.0);
    assert_eq!(c.kind, Kind::Transfer);
    assert_eq!(c.quantity.bound, Bound::AtLeast);
    assert_eq!(party(c), (Some("TR"), Some("ET")));
    let s = c.source.clone().expect("source");
    assert_eq!(s.speaker.as_deref(), Some("Reuters"));
}

#[test]
fn an_attribution_closing_the_next_sentence_sources_the_figure_before_it() {
    let cs = claims(
        "Serbia is preparing to send Belarus more than 40 Nora B-52 howitzers. The guns, among the heaviest in the region, were designed for the cold war, the Kyiv Independent reported.",
    );
    let c = one(&cs, 40.0);
    assert_eq!(c.stage, Stage::Planned);
    let s = c.source.clone().expect("source");
    assert_eq!(s.speaker.as_deref(), Some("Kyiv Independent"));
    // a sentence with its own figure keeps its own voice
    let cs = claims(
        "Serbia sent 40 howitzers to Belarus. The ministry also sent 12 tanks to Belarus, the newspaper reported.",
    );
    assert!(one(&cs, 40.0).source.is_none());
}

#[test]
fn since_the_event_resolves_only_when_the_document_dates_the_event() {
    let dated = claims(
        "Azerbaijan launched its offensive on 27 September 2020. Since the offensive began, Armenian forces have lost 120 tanks, the ministry said.",
    );
    let w = one(&dated, 120.0).when.clone().expect("when");
    assert_eq!(w.from.map(|d| d.to_string()), Some("2020-09-27".into()));
    assert_eq!(w.to.map(|d| d.to_string()), Some("2025-03-12".into()));
    let undated = claims(
        "Since the offensive began, Armenian forces have lost 120 tanks, the ministry said.",
    );
    let w = one(&undated, 120.0).when.clone();
    assert!(w.as_ref().is_none_or(|w| w.from.is_none()), "{w:?}");
}

fn claims_on(text: &str, published: &str) -> Vec<Claim> {
    let p = Pipeline::builtin().expect("pipeline");
    let mut doc = Document::new(DocId::given("g"), text);
    doc.published = parse_published(published);
    p.extract(&doc)
}

fn speaker(c: &Claim) -> Option<String> {
    c.source.as_ref().and_then(|s| s.speaker.clone())
}

#[test]
fn a_speaker_phrase_ends_before_a_time_and_a_denial_negates() {
    let cs = claims_on(
        "Yerevan's defence ministry on Tuesday rejected reports that Iran had delivered 30 Mohajer-6 drones in May, calling them false.",
        "2024-06-05",
    );
    let c = one(&cs, 30.0);
    assert_eq!(c.kind, Kind::Transfer);
    assert!(c.negated);
    assert_eq!(party(c), (Some("IR"), Some("AM")));
    assert_eq!(speaker(c).as_deref(), Some("Yerevan's defence ministry"));
}

#[test]
fn a_loss_table_under_a_header_follows_each_line_item() {
    let cs = claims_on(
        "Losses of the Russian forces as of 3 May, according to Ukraine's armed forces:\npersonnel — about 180,300 (+620)\ntanks — 3,410 (+7)\nartillery systems — 5,100 (+22)",
        "2024-05-03",
    );
    let p = one(&cs, 180_300.0);
    assert_eq!(p.kind, Kind::Casualties);
    assert_eq!(p.outcome, Some(Outcome::Casualties));
    assert_eq!(party(p), (Some("RU"), Some("UA")));
    let w = p.when.clone().expect("when");
    assert_eq!(w.to.map(|d| d.to_string()), Some("2024-05-03".into()));
    for v in [3410.0, 5100.0] {
        let c = one(&cs, v);
        assert_eq!(c.kind, Kind::Loss, "{c:?}");
        assert_eq!(c.outcome, Some(Outcome::Lost));
        assert_eq!(party(c), (Some("RU"), Some("UA")));
    }
    // the bracketed increments are the past day's losses (spec: "over the
    // past day" → the day before publication to publication)
    let inc = one(&cs, 7.0);
    assert_eq!(inc.kind, Kind::Loss);
    let w = inc.when.clone().expect("when");
    assert_eq!(w.from.map(|d| d.to_string()), Some("2024-05-02".into()));
    assert_eq!(one(&cs, 620.0).kind, Kind::Casualties);
}

#[test]
fn is_to_send_is_planned_and_so_is_the_total_it_brings() {
    let cs = claims(
        "Denmark is to send Ukraine another 15 Leopard 1 tanks, the defence minister said, bringing its total to 45.",
    );
    for v in [15.0, 45.0] {
        let c = one(&cs, v);
        assert_eq!(c.kind, Kind::Transfer);
        assert_eq!(c.stage, Stage::Planned, "{c:?}");
        assert_eq!(party(c), (Some("DK"), Some("UA")));
    }
}

#[test]
fn dozens_more_continue_the_people_count_and_a_striking_missile_is_no_loss() {
    let cs = claims_on(
        "At least 18 people were killed when Russian missiles struck Dnipro on Friday, the regional governor said, while dozens more were injured.",
        "2024-04-20",
    );
    assert_eq!(cs.len(), 2, "{cs:#?}");
    let k = one(&cs, 18.0);
    assert_eq!(k.outcome, Some(Outcome::Killed));
    let w = one(&cs, 24.0);
    assert_eq!(w.kind, Kind::Casualties);
    assert_eq!(w.outcome, Some(Outcome::Wounded));
    assert_eq!(w.quantity.bound, Bound::AtLeast);
    assert_eq!(party(w), (Some("UA"), Some("RU")));
}

#[test]
fn a_partitive_loss_belongs_to_the_side_that_fired() {
    let cs = claims_on(
        "09:10 Houthi forces say they launched eight cruise missiles at a cargo ship in the Gulf of Aden.\n09:45 The British navy said its destroyer shot down three of the missiles and four drones overnight.",
        "2024-03-09",
    );
    for v in [3.0, 4.0] {
        let c = one(&cs, v);
        assert_eq!(c.kind, Kind::Loss);
        assert_eq!(c.outcome, Some(Outcome::Destroyed));
        assert_eq!(party(c), (Some("Houthis"), Some("GB")), "{c:?}");
        // the live blog's clock time is no part of the speaker
        assert_eq!(speaker(c).as_deref(), Some("British navy"));
    }
    assert!(cs.iter().all(|c| (c.quantity.value - 8.0).abs() > 0.5));
}

#[test]
fn others_in_the_next_sentence_continue_the_people_count() {
    let cs = claims_on(
        "Israeli air strikes killed 22 people in southern Lebanon on Sunday, the Lebanese health ministry said. At least 60 others were wounded.",
        "2024-02-12",
    );
    let c = one(&cs, 60.0);
    assert_eq!(c.kind, Kind::Casualties);
    assert_eq!(c.outcome, Some(Outcome::Wounded));
    let k = one(&cs, 22.0);
    assert_eq!(party(k), (Some("LB"), Some("IL")));
    assert_eq!(party(c), party(k));
    assert_eq!(speaker(c), speaker(k));
}

#[test]
fn a_host_state_is_the_recipient_of_a_deployment() {
    let cs = claims("Mali hosts about 1,500 Wagner fighters, French officials estimate.");
    let c = one(&cs, 1500.0);
    assert_eq!(c.kind, Kind::Deployment);
    assert_eq!(party(c), (Some("Wagner Group"), Some("ML")));
    assert_eq!(c.quantity.bound, Bound::Approx);
}

#[test]
fn its_ministry_is_the_subject_states_ministry() {
    let cs =
        claims("Tbilisi sent 200 soldiers to the border last month, its interior ministry said.");
    let c = one(&cs, 200.0);
    assert_eq!(speaker(c).as_deref(), Some("Georgia's interior ministry"));
}

#[test]
fn a_scrapped_plan_is_a_negated_planned_transfer_and_citing_a_reason_is_no_source() {
    let cs = claims(
        "Portugal has scrapped plans to send 8 Leopard 2A6 tanks to Ukraine, Publico reported, citing their poor state of repair.",
    );
    let c = one(&cs, 8.0);
    assert_eq!(c.kind, Kind::Transfer);
    assert_eq!(c.stage, Stage::Planned);
    assert!(c.negated);
    let sp = speaker(c).unwrap_or_default();
    assert!(!sp.contains("repair"), "{sp}");
}

#[test]
fn a_postponed_handover_is_a_planned_transfer() {
    let cs = claims(
        "Prague has postponed the handover of 30 Dana howitzers to Ukraine until the summer, the defence ministry said.",
    );
    let c = one(&cs, 30.0);
    assert_eq!(c.kind, Kind::Transfer);
    assert_eq!(c.stage, Stage::Planned);
    assert_eq!(party(c), (Some("CZ"), Some("UA")));
}

#[test]
fn a_made_in_word_names_the_origin_of_a_received_item() {
    let cs = claims("Myanmar's junta received 12 Chinese-made FTC-2000G jets in 2024.");
    let c = one(&cs, 12.0);
    assert_eq!(party(c), (Some("CN"), Some("MM")));
}

#[test]
fn a_where_clause_takes_its_place_from_its_antecedent() {
    let cs = claims(
        "In Niger, where about 1,000 Russian instructors were stationed last year, the junta has expelled French troops.",
    );
    let c = one(&cs, 1000.0);
    assert_eq!(c.kind, Kind::Deployment);
    assert_eq!(party(c), (Some("RU"), Some("NE")));
}

#[test]
fn fleet_sizes_and_sale_prices_are_not_claims() {
    assert!(claims("The Egyptian air force operates about 200 F-16 jets.").is_empty());
    let cs = claims(
        "Washington approved the sale of 40 Abrams tanks to Morocco. The package is valued at about $1 billion.",
    );
    assert_eq!(cs.len(), 1, "{cs:#?}");
    assert_eq!(one(&cs, 40.0).stage, Stage::Planned);
}

#[test]
fn soldiers_who_surrender_are_captured() {
    let cs = claims(
        "At least 200 Malian soldiers surrendered to rebel forces near the border last month, the rebels said.",
    );
    let c = one(&cs, 200.0);
    assert_eq!(c.kind, Kind::Casualties);
    assert_eq!(c.outcome, Some(Outcome::Captured));
    assert_eq!(c.quantity.bound, Bound::AtLeast);
}

#[test]
fn a_plural_demonym_is_the_people_counted() {
    let cs = claims("Eight Syrians were killed when an air strike hit a market near the border.");
    let c = one(&cs, 8.0);
    assert_eq!(c.kind, Kind::Casualties);
    assert_eq!(c.outcome, Some(Outcome::Killed));
    assert_eq!(c.from.as_deref(), Some("SY"));
    assert_eq!(c.item.name, "people");
    let cs = claims("Militants said four Israelis were taken hostage during the raid.");
    let c = one(&cs, 4.0);
    assert_eq!(
        (c.from.as_deref(), c.outcome),
        (Some("IL"), Some(Outcome::Captured))
    );
    // a demonym before its own noun is no noun; no harm, no claim
    let cs = claims("Five Russian soldiers were wounded by a drone strike.");
    assert_eq!(one(&cs, 5.0).item.name, "soldiers");
    assert!(claims("About 300 Ukrainians visited the exhibition last week.").is_empty());
}

#[test]
fn list_lines_under_a_giving_header_are_planned_transfers() {
    let cs = claims(
        "Latvia's new military aid for Ukraine includes:\n- 12 Stinger launchers\n- €25 million for drones\n- 600 anti-tank mines",
    );
    assert_eq!(cs.len(), 3, "{cs:#?}");
    for c in &cs {
        assert_eq!(c.kind, Kind::Transfer);
        assert_eq!(c.stage, Stage::Planned);
        // the giver, not the launcher's maker
        assert_eq!(party(c), (Some("LV"), Some("UA")));
    }
    assert_eq!(one(&cs, 25e6).quantity.unit, Unit::Money("EUR".into()));
    // a list with no header frame stays silent
    assert!(claims("Things to know:\n- 12 museums\n- 600 cafes").is_empty());
}

#[test]
fn the_value_of_a_thing_given_is_money_given_but_a_price_is_not() {
    let cs =
        claims("South Korea will give Poland training aircraft worth $90 million, Seoul said.");
    let c = one(&cs, 9e7);
    assert_eq!(c.kind, Kind::Transfer);
    assert_eq!(c.stage, Stage::Planned);
    assert_eq!(party(c), (Some("KR"), Some("PL")));
    assert_eq!(c.quantity.unit, Unit::Money("USD".into()));
    let cs = claims("Romania bought 54 Abrams tanks worth $2.5 billion from the United States.");
    assert!(cs.iter().all(|c| c.quantity.unit == Unit::Item), "{cs:#?}");
}

#[test]
fn people_hurt_in_an_unknown_place_belong_to_the_only_side_hurt() {
    let cs = claims(
        "Six Lebanese were killed in an Israeli air strike on Tuesday.\nLater, nine people were killed when a drone struck a house in Kfar Tebnit, medics said.",
    );
    assert_eq!(one(&cs, 9.0).from.as_deref(), Some("LB"));
    // two sides hurt: no guess
    let cs = claims(
        "Two Ukrainians were killed by shelling in Kherson.\nIn Belgorod, three Russians were wounded by drones.\nNine people were killed when a missile struck a house in Zolota Balka, officials said.",
    );
    assert!(cs.iter().all(|c| c.quantity.value != 9.0), "{cs:#?}");
}

#[test]
fn the_north_stands_for_the_one_northern_state_named_before() {
    let cs = claims(
        "Seoul says Pyongyang is selling weapons abroad. Officials said the North had shipped about 60 rocket launchers to Myanmar last year.",
    );
    let c = one(&cs, 60.0);
    assert_eq!(party(c), (Some("KP"), Some("MM")));
    // a compass point is no state
    let cs = claims(
        "Pyongyang is selling weapons abroad. Rebels in the North of Myanmar received 40 rocket launchers.",
    );
    assert!(
        cs.iter().all(|c| c.from.as_deref() != Some("KP")),
        "{cs:#?}"
    );
}

#[test]
fn a_pronoun_frame_without_a_figure_carries_to_a_later_bare_count() {
    let text = "The talks came a day after Minsk acknowledged that it had sent engineers to Syria. Damascus confirmed it. Officials said at least 300 more engineers had been dispatched in May.";
    let cs = claims(text);
    let c = one(&cs, 300.0);
    assert_eq!(c.kind, Kind::Deployment);
    assert_eq!(party(c), (Some("BY"), Some("SY")));
    // a sentence naming another side in between closes the frame
    let text = "The talks came a day after Minsk acknowledged that it had sent engineers to Syria. Turkey and Iraq held talks. Officials said at least 300 more engineers had been dispatched in May.";
    let cs = claims(text);
    assert!(
        cs.iter()
            .all(|c| (c.quantity.value - 300.0).abs() > 0.5 || c.to.as_deref() != Some("SY")),
        "{cs:#?}"
    );
}

#[test]
fn of_the_class_noun_counts_the_weapon_named_in_an_earlier_sentence() {
    let cs = claims(
        "Poland has handed Ukraine Krab howitzers, officials said on Monday. The newspaper reported that more than 40 of the howitzers had been delivered to Ukraine by rail.",
    );
    let c = one(&cs, 40.0);
    assert_eq!(c.kind, Kind::Transfer);
    assert_eq!(c.item.name, "AHS Krab");
    assert_eq!(party(c), (Some("PL"), Some("UA")));
    assert_eq!(c.quantity.bound, Bound::AtLeast);
    // a class the weapon is not of: no weapon, no maker as giver
    let cs = claims(
        "Poland has handed Ukraine Krab howitzers. The newspaper reported that more than 40 of the tanks had been destroyed.",
    );
    assert!(cs.iter().all(|c| c.item.name != "AHS Krab"), "{cs:#?}");
}

#[test]
fn a_production_figure_without_its_noun_counts_the_last_product() {
    let cs = claims(
        "By March the Kazan works had already turned out about 900 armoured vehicles, the ministry said. Analysts say the works built more than 1,200 last year.",
    );
    let c = one(&cs, 1200.0);
    assert_eq!(c.kind, Kind::Production);
    assert_eq!(c.from.as_deref(), Some("RU"));
    assert_eq!(c.item.name, one(&cs, 900.0).item.name);
    assert_eq!(c.stage, Stage::Done);
}

#[test]
fn a_subject_that_cannot_speak_is_no_speaker() {
    // "adds" and "announced" read as verbs of saying; "the promise" and
    // "the offer" say nothing, so the named minister is the source
    let cs = claims(
        "Canada will send 30 armoured trucks to Latvia, Minister Anita Anand said on Monday.\nThe promise adds to 80 Senator rifles sent in May, Anand told reporters.",
    );
    let c = one(&cs, 80.0);
    let src = c.source.as_ref().expect("source");
    assert_eq!(src.speaker.as_deref(), Some("Anita Anand"), "{c:#?}");
    assert_eq!(src.via, None);
    // a common noun of people still speaks
    let cs = claims("Residents said 14 people were killed when shells hit the market in Goma.");
    let c = one(&cs, 14.0);
    let speaker = speaker(c);
    assert_eq!(speaker.as_deref(), Some("Residents"), "{c:#?}");
}

#[test]
fn a_dateline_dates_the_filing_not_the_event() {
    // published 2025-03-12, a Wednesday: "on Monday" is 10 March
    let cs = claims(
        "MOGADISHU, March 12 (Reuters) - At least 19 Somali soldiers were killed when militants attacked a base near Baidoa on Monday, a Somali army officer said.",
    );
    let c = one(&cs, 19.0);
    let when = c.when.as_ref().expect("when");
    assert_eq!(when.text, "on Monday");
    assert_eq!(when.from, parse_published("2025-03-10"));
}

#[test]
fn a_documented_loss_noun_is_a_loss_with_its_recorder_as_speaker() {
    let cs = claims(
        "A volunteer monitoring group has documented the loss of 210 Azerbaijani armoured vehicles since 2020.",
    );
    let c = one(&cs, 210.0);
    assert_eq!(c.kind, Kind::Loss);
    assert_eq!(party(c), (Some("AZ"), None));
    assert!(
        c.source
            .as_ref()
            .and_then(|s| s.speaker.as_deref())
            .is_some_and(|s| s.contains("monitoring group")),
        "{c:#?}"
    );
}

#[test]
fn fighters_who_seize_a_town_are_not_its_captives() {
    // the counted troops are the attackers: "seized" acts on the town
    let cs = claims(
        "Militia fighters, backed by some 2,500 Eritrean troops, seized Humera last week, Ethiopian officials said.",
    );
    assert!(cs.iter().all(|c| c.kind != Kind::Casualties), "{cs:#?}");
    // while counted people a harm verb acts on stay its victims
    let cs = claims("Some 40 Ethiopian soldiers were captured near Humera, officials said.");
    let c = one(&cs, 40.0);
    assert_eq!(c.kind, Kind::Casualties);
    assert_eq!(c.outcome, Some(Outcome::Captured));
}

#[test]
fn troops_believed_to_be_fighting_abroad_are_a_deployment_without_a_speaker_of_their_own() {
    let cs = claims(
        "As many as 1,500 Chadian soldiers are thought to be serving in Sudan's Darfur region, according to UN estimates.",
    );
    let c = one(&cs, 1500.0);
    assert_eq!(c.kind, Kind::Deployment);
    assert_eq!(party(c), (Some("TD"), Some("SD")));
    let speaker = speaker(c);
    assert!(speaker.is_some_and(|s| !s.contains("soldiers")), "{c:#?}");
}

#[test]
fn an_outlet_that_could_not_confirm_a_figure_is_not_its_source() {
    let cs = claims(
        "A further 700 Kenyan police officers will be sent to Haiti in March. Reuters could not independently confirm the figure.",
    );
    let c = one(&cs, 700.0);
    assert_eq!(c.source, None, "{c:#?}");
}

#[test]
fn sources_named_inside_longer_phrases() {
    // a document named at the end of its phrase
    let cs = claims(
        "Canada has sent 39 armoured vehicles to Latvia since 2023, according to a Canadian army fact sheet.",
    );
    let c = one(&cs, 39.0);
    assert_eq!(c.evidence, Some(tally_core::Evidence::Document), "{c:#?}");
    // the institution the analysts work at
    let cs = claims(
        "Analysts at the Stockholm International Peace Research Institute estimate that Algeria bought 14 Su-30 jets from Russia in 2022.",
    );
    let c = one(&cs, 14.0);
    let speaker = speaker(c);
    assert!(
        speaker.is_some_and(|s| s.starts_with("Stockholm")),
        "{c:#?}"
    );
    assert_eq!(c.evidence, Some(tally_core::Evidence::Estimate));
    // a contrast after a trailing attribution is the writer's own
    let cs = claims(
        "Serbia has received 12 Rafale jets from France, Belgrade said, while Croatia lost 2 Rafale jets in a crash.",
    );
    let c = one(&cs, 2.0);
    assert_eq!(c.source, None, "{c:#?}");
}

#[test]
fn an_n_strong_unit_counts_its_people() {
    let cs = claims(
        "Rwanda will deploy a 350-strong battalion to the Central African Republic in June, the army said.",
    );
    let c = one(&cs, 350.0);
    assert_eq!(c.kind, Kind::Deployment);
    assert_eq!(party(c), (Some("RW"), Some("CF")));
    assert_eq!(c.item.text, "battalion");
    assert_eq!(c.stage, Stage::Planned);
}

#[test]
fn a_signed_deal_to_buy_is_planned() {
    let cs = claims("Egypt signed a deal to buy 12 Rafale jets from France, officials said.");
    let c = one(&cs, 12.0);
    assert_eq!(c.stage, Stage::Planned, "{c:#?}");
    assert_eq!(party(c), (Some("FR"), Some("EG")));
}

#[test]
fn a_loss_table_whose_header_names_no_item() {
    // "Azerbaijani losses ..." heads lines that name their own items, with
    // plain hyphens or bullets and colons
    for text in [
        "Azerbaijani losses over the past week, according to Armenia's defence ministry:\npersonnel - 120\ntanks - 9",
        "Azerbaijani losses over the past week, according to Armenia's defence ministry:\n- personnel: 120\n- tanks: 9",
    ] {
        let cs = claims(text);
        let p = one(&cs, 120.0);
        assert_eq!(p.kind, Kind::Casualties, "{text}");
        assert_eq!(party(p), (Some("AZ"), Some("AM")));
        let t = one(&cs, 9.0);
        assert_eq!(t.kind, Kind::Loss);
        assert_eq!(party(t), (Some("AZ"), Some("AM")));
        assert!(t.when.as_ref().is_some_and(|w| w.to.is_some()), "{t:#?}");
    }
}

#[test]
fn a_state_name_used_as_an_adjective_owns_the_item() {
    let cs = claims("Rebels said they shot down two Sudan air force jets near El Obeid.");
    let c = one(&cs, 2.0);
    assert_eq!(c.kind, Kind::Loss);
    assert_eq!(party(c), (Some("SD"), None));
    assert_eq!(c.item.text, "Sudan air force jets");
}

#[test]
fn an_estimated_sum_is_no_verb_of_saying() {
    let cs = claims(
        "The State Department has approved the possible sale of 40 Javelin missiles to Kenya for an estimated $90 million, the agency said.",
    );
    let c = one(&cs, 40.0);
    let speaker = speaker(c);
    assert!(speaker.is_some_and(|s| !s.contains("sale")), "{c:#?}");
}

#[test]
fn an_economy_story_gives_no_claims() {
    // spec: figures in sports or economy stories are not claims
    for text in [
        "Lufthansa has ordered 40 Embraer jets, the airline said, and the group's shares lost 3.2% on Tuesday.",
        "The Dutch government will give 90 million euros in aid to the shipyard, which employs 4,000 workers.",
    ] {
        assert!(claims(text).is_empty(), "{text}");
    }
    // while a transfer that only names the weapon system is kept
    let cs = claims("Washington approved the sale of 12 F-16 jets to Jordan worth $2 billion.");
    assert_eq!(one(&cs, 12.0).kind, Kind::Transfer);
}

#[test]
fn a_war_story_that_mentions_the_economy_keeps_its_claims() {
    let cs = claims(
        "Russian shelling killed 12 civilians in Kherson on Sunday, regional officials said. The attacks come as the war weighs on the region's economy and its shipyard jobs.",
    );
    assert_eq!(one(&cs, 12.0).kind, Kind::Casualties);
}

#[test]
fn a_part_introduced_by_including_keeps_the_frame_of_the_whole() {
    let cs = claims(
        "Azerbaijan's defence ministry said its forces had shot down 40 Armenian drones overnight, including 12 over Nakhchivan.",
    );
    for v in [40.0, 12.0] {
        let c = one(&cs, v);
        assert_eq!(c.kind, Kind::Loss, "{c:#?}");
        assert_eq!(c.from.as_deref(), Some("AM"));
    }
}

#[test]
fn foreign_troops_from_a_state_present_elsewhere() {
    let cs = claims("The ministry said 300 soldiers from Chad were serving in Mali last month.");
    let c = one(&cs, 300.0);
    assert_eq!(c.kind, Kind::Deployment);
    assert_eq!(party(c), (Some("TD"), Some("ML")));
}

#[test]
fn a_weapon_its_maker_fires_moves_nowhere() {
    // in a story of German aid, Russia's own missiles are no transfer to Ukraine
    let cs = claims(
        "Germany will send 40 Marder vehicles to Ukraine, Berlin said. Russia fired five Iskander-M missiles at Kharkiv overnight, Ukraine's air force said. Kyiv expected to receive the vehicles by May.",
    );
    assert!(cs.iter().all(|c| c.item.name != "Iskander-M"), "{cs:#?}");
    let c = one(&cs, 40.0);
    assert_eq!(party(c), (Some("DE"), Some("UA")));
}

#[test]
fn clauses_joined_after_a_figure_keep_their_own_statements() {
    let cs = claims(
        "More than 20,000 Yemeni civilians have been killed in airstrikes since 2015, according to monitors, and the UN says about 4 million have been forced from their homes.",
    );
    let c = one(&cs, 20_000.0);
    assert_eq!(c.kind, Kind::Casualties);
    assert_ne!(speaker(c).as_deref(), Some("UN"));
    // the displaced are no casualties
    assert!(
        cs.iter().all(|c| c.quantity.value != 4_000_000.0),
        "{cs:#?}"
    );
}

#[test]
fn a_further_count_of_people_continues_the_casualties_before() {
    let cs = claims(
        "Militants killed at least 30 Nigerian villagers in an attack in Zamfara on Sunday, police said.\nLocal officials said a further 12 people were wounded.",
    );
    let c = one(&cs, 12.0);
    assert_eq!(c.kind, Kind::Casualties);
    assert_eq!(c.outcome, Some(Outcome::Wounded));
}

#[test]
fn materiel_deployed_by_its_own_side_with_no_recipient_is_no_transfer() {
    let cs = claims(
        "China deployed 45 aircraft and 14 warships around Taiwan in the past 24 hours, Taiwan's defence ministry said.",
    );
    assert!(cs.iter().all(|c| c.kind != Kind::Transfer), "{cs:#?}");
    // with a recipient it still is one
    let cs = claims("Russia deployed 10 Iskander launchers to Belarus last year, Minsk said.");
    assert_eq!(party(one(&cs, 10.0)), (Some("RU"), Some("BY")));
}

#[test]
fn the_subject_of_a_sentence_is_no_giver_of_a_passive_delivery() {
    // Egypt receives; it delivers nothing
    let cs = claims(
        "Egypt has received the first batch of J-10C fighters from China, state media said, with 20 jets to be delivered in total.",
    );
    assert!(
        cs.iter().all(|c| c.from.as_deref() != Some("EG")),
        "{cs:#?}"
    );
}
