//! Document-level event dates: "the full-scale invasion on 24 February
//! 2022", "invaded Ukraine in February 2022". A period tied to the event
//! ("since the invasion began") resolves only when the document itself
//! dates that event somewhere; nothing is hard-coded.

use crate::cues::Cues;
use crate::scene::Scene;
use tally_core::{Claim, Date};

/// Dates the document gives its events, by event group (an index into
/// `cues.event_words`).
#[derive(Default, Debug)]
pub(crate) struct EventDates {
    dates: Vec<(usize, Date)>,
}

impl EventDates {
    /// Note every dated event of a unit: a time expression that names the
    /// event itself or follows its word within four tokens.
    pub fn note(&mut self, sc: &Scene, cues: &Cues) {
        for (t, _, r) in &sc.times {
            let Some(from) = t.from else { continue };
            let lo = r.0.saturating_sub(4);
            if let Some(g) = (lo..r.1).find_map(|k| group_at(sc, cues, k)) {
                if !self.dates.iter().any(|(x, _)| *x == g) {
                    self.dates.push((g, from));
                }
            }
        }
    }

    /// Resolve "since the invasion began" in claims whose period is tied to
    /// a dated event: from the event's date to publication.
    pub fn resolve(&self, claims: &mut [Claim], cues: &Cues, published: Option<Date>) {
        let Some(pd) = published else { return };
        for c in claims.iter_mut() {
            let Some(w) = c.when.as_mut() else { continue };
            if w.from.is_some() || w.to.is_some() {
                continue;
            }
            let text = w.text.to_ascii_lowercase();
            if !text.starts_with("since") {
                continue;
            }
            let words: Vec<&str> = text
                .split(|ch: char| !ch.is_ascii_alphanumeric() && ch != '-')
                .collect();
            let date = self.dates.iter().find(|(g, _)| {
                cues.event_words
                    .get(*g)
                    .is_some_and(|forms| forms.iter().any(|f| words.contains(&f.as_str())))
            });
            if let Some((_, d)) = date {
                w.from = Some(*d);
                w.to = Some(pd);
            }
        }
    }
}

fn group_at(sc: &Scene, cues: &Cues, k: usize) -> Option<usize> {
    let w = sc.u.word(k);
    cues.event_words
        .iter()
        .position(|forms| forms.iter().any(|f| f == w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::testing::{data, scene};
    use tally_core::Period;

    #[test]
    fn an_event_dated_in_the_text_resolves_since_the_event() {
        let cues = &data().cues;
        let mut ev = EventDates::default();
        ev.note(
            &scene("Ethiopia invaded the region in March 2021 with 8,000 troops."),
            cues,
        );
        let mut c = vec![claim_with("since the invasion began")];
        let pd = Date::new(2024, 5, 2).ok();
        ev.resolve(&mut c, cues, pd);
        let w = c[0].when.clone().expect("when");
        assert_eq!(w.from.map(|d| d.to_string()), Some("2021-03-01".into()));
        assert_eq!(w.to, pd);
        // an event the text never dates stays unresolved
        let mut c = vec![claim_with("since the war began")];
        ev.resolve(&mut c, cues, pd);
        assert!(c[0].when.as_ref().is_some_and(|w| w.from.is_none()));
    }

    fn claim_with(text: &str) -> Claim {
        let mut c: Claim = serde_json::from_str(
            r#"{"doc":"d","kind":"loss","stage":"done","negated":false,"from":"RU","to":null,
            "item":{"name":"tanks","text":"tanks"},"outcome":"destroyed",
            "quantity":{"value":3,"max":null,"bound":"exact","unit":"item","text":"3"},
            "when":null,"place":null,"source":null,"evidence":null,"span":[0,1]}"#,
        )
        .expect("claim");
        c.when = Some(Period {
            from: None,
            to: None,
            text: text.into(),
        });
        c
    }
}
