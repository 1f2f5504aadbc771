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
