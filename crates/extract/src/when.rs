//! When: the period of the event a figure is about. A time expression in
//! the figure's clause counts unless it dates the statement ("said on
//! Monday", "told a briefing this week") rather than the event.

use crate::cues::Cues;
use crate::scene::{Scene, TimeHit};
use tally_core::{Date, Period, Stage};
use tally_time::{find_times, Anchor, TimeKind};

/// What choosing a period needs to know about the figure.
pub(crate) struct WhenQuery {
    pub clause: (usize, usize),
    /// Token the event is anchored at (the trigger, else the figure).
    pub anchor: usize,
    pub stage: Stage,
    /// Token ranges of attributions (speaker + verb).
    pub excluded: Vec<(usize, usize)>,
    /// The figure's own tokens (figure and noun) and where the next figure
    /// of the unit starts: a time right after them is the figure's own
    /// ("three in March, five more in June").
    pub own: (usize, usize),
    pub next: usize,
}

/// Does the time at tokens `r` date a statement rather than the event?
fn is_statement_time(sc: &Scene, cues: &Cues, q: &WhenQuery, r: (usize, usize)) -> bool {
    let u = &sc.u;
    is_dateline(sc, r)
        || q.excluded.iter().any(|&(a, b)| r.0 >= a && r.0 <= b + 1)
        // "the government on Tuesday unveiled"
        || cues.statement_time.contains_at(u.lower, &u.toks, r.1)
        || (r.0 > 0
            && cues
                .statement_time
                .ending_at(u.lower, &u.toks, r.0)
                .is_some())
        || (r.0 > 1
            && cues
                .statement_time
                .ending_at(u.lower, &u.toks, r.0 - 1)
                .is_some()
            && matches!(u.word(r.0 - 1), "earlier" | "later" | "only"))
}

/// Is the time at `r` the date of a dateline ("KYIV, March 3 (Reuters) -",
/// "GAZA CITY, Jan 9 —")? It dates the filing, not the event. A dateline
/// opens its unit: a capitalised place (and commas), the date, an optional
/// bracketed agency, then a dash.
fn is_dateline(sc: &Scene, r: (usize, usize)) -> bool {
    let u = &sc.u;
    let place = r.0 >= 1
        && r.0 <= 6
        && (0..r.0).all(|k| u.is_capitalised(k) || matches!(u.word(k), "," | "/" | "."));
    if !place {
        return false;
    }
    let mut k = r.1;
    if u.word(k) == "(" {
        match (k + 1..(k + 6).min(u.toks.len())).find(|&j| u.word(j) == ")") {
            Some(close) => k = close + 1,
            None => return false,
        }
    }
    matches!(u.word(k), "-" | "—" | "–" | "--")
}

/// Is the time at `r` inside a relative or subordinate clause that opens
/// after the anchor (", where they are likely to ... in the coming weeks",
/// ", parts of which ... since August")? It dates something else.
fn in_relative_clause(sc: &Scene, anchor: usize, r: (usize, usize)) -> bool {
    let u = &sc.u;
    (anchor + 1..r.0).any(|k| {
        u.word(k) == ","
            && (k + 1..(k + 4).min(r.0)).any(|j| {
                matches!(
                    u.word(j),
                    "where" | "which" | "whom" | "whose" | "while" | "whereas" | "although"
                )
            })
    })
}

/// The period of the figure's event, if its clause gives one.
pub(crate) fn choose(
    sc: &Scene,
    cues: &Cues,
    text: &str,
    published: Option<Date>,
    q: &WhenQuery,
) -> Option<Period> {
    let usable = |t: &tally_time::TimeExpr, r: (usize, usize)| {
        r.0 >= q.clause.0
            && r.1 <= q.clause.1
            && t.kind != TimeKind::Duration
            && !is_statement_time(sc, cues, q, r)
    };
    // a list item's own time, right after it and before the next item
    let own = sc
        .times
        .iter()
        .find(|(t, _, r)| r.0 >= q.own.1 && r.0 <= q.own.1 + 2 && r.1 <= q.next && usable(t, *r));
    let mut when: Option<TimeHit> = own
        .or_else(|| {
            sc.times
                .iter()
                .filter(|(t, _, r)| usable(t, *r) && !in_relative_clause(sc, q.anchor, *r))
                .min_by_key(|(_, _, r)| r.0.abs_diff(q.anchor))
        })
        .cloned();
    if q.stage == Stage::Planned {
        if let Some((_, s, r)) = &when {
            let fut = find_times(
                text.get(s.range()).unwrap_or(""),
                Anchor {
                    published,
                    future: true,
                },
            );
            if let Some(ft) = fut.into_iter().next() {
                when = Some((
                    tally_time::TimeExpr {
                        span: ft.span.shift(s.start),
                        ..ft
                    },
                    *s,
                    *r,
                ));
            }
        }
        if let (Some((t, _, _)), Some(pd)) = (&when, published) {
            // a past period dates the pledge, not the planned event
            if t.to.is_some_and(|to| to <= pd) {
                when = None;
            }
        }
    }
    when.map(|(t, s, _)| Period {
        from: t.from,
        to: t.to,
        text: text.get(s.range()).unwrap_or("").to_string(),
    })
}

/// Is the figure at `r` a bracketed increment ("(+450)", "(+ 9)")?
pub(crate) fn is_increment(text: &str, r: std::ops::Range<usize>) -> bool {
    let before = text.get(..r.start).unwrap_or("").trim_end();
    let fig = text.get(r.clone()).unwrap_or("");
    let after = text.get(r.end..).unwrap_or("").trim_start();
    let open = before.ends_with("(+") || (fig.starts_with('+') && before.ends_with('('));
    open && after.starts_with(')')
}

/// The past day: the day before publication to publication (unresolved
/// without a publication date).
pub(crate) fn past_day(published: Option<Date>, text: &str) -> Period {
    Period {
        from: published.and_then(|d| d.yesterday().ok()),
        to: published,
        text: text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bracketed_increment_is_the_past_day() {
        let t = "tanks — 4,626 (+9)";
        let at = t.find('9').map(|i| i..i + 1).unwrap_or(0..0);
        assert!(is_increment(t, at));
        let head = t.find("4,626").map(|i| i..i + 5).unwrap_or(0..0);
        assert!(!is_increment(t, head));
        let p = past_day(Date::new(2024, 3, 1).ok(), "+9");
        assert_eq!(p.from, Date::new(2024, 2, 29).ok());
    }
    use crate::scene::testing::{data, scene};

    fn when_of(text: &str, stage: Stage) -> Option<Period> {
        let sc = scene(text);
        let (_, _, (f0, _)) = sc.figs[0];
        let q = WhenQuery {
            clause: sc.clause_of(f0),
            anchor: f0,
            stage,
            excluded: sc.attrs.iter().map(|a| (a.t0, a.t1)).collect(),
            own: (f0, f0 + 1),
            next: usize::MAX,
        };
        choose(&sc, &data().cues, sc.u.text, Date::new(2024, 5, 2).ok(), &q)
    }

    #[test]
    fn statement_dates_are_not_event_dates() {
        let p = when_of(
            "Oslo sent 12 guns in March, the ministry said on Monday.",
            Stage::Done,
        );
        assert_eq!(p.map(|p| p.text), Some("in March".to_string()));
        assert!(when_of("The ministry said on Monday it sent 12 guns.", Stage::Done).is_none());
    }

    #[test]
    fn a_time_in_a_relative_clause_dates_something_else() {
        let p = when_of(
            "About 900 Chadian soldiers were sent to Niger, where they may join the fighting in the coming weeks.",
            Stage::Done,
        );
        assert!(p.is_none(), "{p:?}");
        let p = when_of(
            "About 900 Chadian soldiers were sent to Niger in May.",
            Stage::Done,
        );
        assert!(p.is_some());
    }

    #[test]
    fn a_past_date_does_not_time_a_plan() {
        assert!(when_of("Oslo promised 12 guns earlier this month.", Stage::Planned).is_none());
    }
}
