//! Parties named indirectly: the place a "where" clause refers back to and
//! the state a one-token origin word ("Russian-made") names.

use crate::cues::Cues;
use crate::mentions::{party_of, place_of, UnitView};
use crate::parties::Parties;
use tally_lexicon::{Form, Lexicon};

/// The party an origin word names: "Russian-made" → RU.
pub(crate) fn origin_of_token(
    u: &UnitView,
    lex: &Lexicon,
    cues: &Cues,
    k: usize,
) -> Option<String> {
    let raw = u.raw(k);
    let lower = raw.to_ascii_lowercase();
    let cut = cues
        .origin_suffixes
        .iter()
        .find(|s| lower.ends_with(s.as_str()))
        .map(|s| raw.len() - s.len())?;
    let stem = raw.get(..cut)?;
    let found = lex.find(stem);
    let m = found
        .first()
        .filter(|m| m.span.range().len() == stem.len())?;
    lex.entity(m.entity).party().map(str::to_string)
}

/// "In Mali, where 1,500 fighters were stationed": a "where" clause takes
/// its place from the state or place right before it.
pub(crate) fn where_antecedent(
    u: &UnitView,
    lex: &Lexicon,
    clause: (usize, usize),
    t0: usize,
    p: &mut Parties,
) {
    if p.recipient.is_some() || p.place_state.is_some() {
        return;
    }
    let Some(w) = (clause.0.saturating_sub(1)..t0).find(|&k| u.word(k) == "where") else {
        return;
    };
    if w < 2 || u.word(w - 1) != "," {
        return;
    }
    let Some(m) = u.ments.iter().find(|m| m.t1 == w - 1) else {
        return;
    };
    if let Some((name, state)) = place_of(lex, m) {
        p.place.get_or_insert(name);
        p.place_state = state;
    } else if let Some(code) = party_of(lex, m).filter(|_| m.form != Form::Demonym) {
        p.recipient = Some(code);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::testing::{data, scene};

    #[test]
    fn origin_word_and_where_clause() {
        let d = data();
        let sc = scene("Chad received 9 Russian-made helicopters.");
        let k = (0..sc.u.toks.len())
            .find(|&k| sc.u.word(k) == "russian-made")
            .unwrap_or(0);
        assert_eq!(
            origin_of_token(&sc.u, &d.lex, &d.cues, k).as_deref(),
            Some("RU")
        );
        let sc = scene("In Mali, where 900 soldiers were stationed, fighting resumed.");
        let t0 = (0..sc.u.toks.len())
            .find(|&k| sc.u.word(k) == "stationed")
            .unwrap_or(0);
        let mut p = Parties::default();
        where_antecedent(&sc.u, &d.lex, (0, sc.u.toks.len()), t0, &mut p);
        assert_eq!(p.recipient.as_deref(), Some("ML"));
    }
}
