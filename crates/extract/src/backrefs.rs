//! Items named in an earlier sentence: "more than 40 of the howitzers" after
//! a sentence naming the Krab is a count of Krabs; "the works built 1,200
//! last year" after "turned out 900 armoured vehicles" counts the same
//! vehicles.

use crate::context::LastFrame;
use crate::cues::ItemKind;
use crate::items::ItemRef;
use crate::mentions::UnitView;
use tally_core::Kind;
use tally_lexicon::Lexicon;

/// "N of the <class noun>": when the class noun is one the weapon last
/// named in an earlier sentence belongs to (by the lexicon's class of that
/// weapon, its names and the class's names), the figure counts that
/// weapon; its text stays the words of this sentence. Nothing when this
/// sentence names a weapon of its own before the figure.
pub(crate) fn partitive_weapon(
    u: &UnitView,
    lex: &Lexicon,
    f0: usize,
    f1: usize,
    item: &ItemRef,
    last_weapon: Option<&ItemRef>,
) -> Option<ItemRef> {
    let w = last_weapon?;
    let (a, b) = item.at?;
    if item.elided || item.origin.is_some() || item.kind != ItemKind::Materiel {
        return None;
    }
    if u.word(f1) != "of" || !matches!(u.word(f1 + 1), "the" | "these" | "those") || a != f1 + 2 {
        return None;
    }
    if u.items.iter().any(|h| h.origin.is_some() && h.t1 <= f0) {
        return None;
    }
    let noun = singular(u.word(b - 1));
    if noun.len() < 3 {
        return None;
    }
    let weapon = lex.weapon(&w.name)?;
    let class = weapon.class.as_deref().and_then(|c| lex.class(c));
    let names = std::iter::once(&weapon.name)
        .chain(weapon.aliases.iter())
        .chain(weapon.class.iter())
        .chain(class.into_iter().flat_map(|c| c.aliases.iter()));
    let fits = names
        .map(|n| singular(&n.to_ascii_lowercase()))
        .any(|n| n == noun || n.ends_with(&format!(" {noun}")) || n.ends_with(&format!("-{noun}")));
    fits.then(|| ItemRef {
        name: w.name.clone(),
        text: item.text.clone(),
        kind: ItemKind::Materiel,
        origin: weapon.origin.clone(),
        at: item.at,
        elided: false,
    })
}

/// A noun without a plural "s".
fn singular(w: &str) -> String {
    w.strip_suffix('s').unwrap_or(w).to_string()
}

/// "the plant made more than 6,000 last year": a production figure of an
/// earlier sentence's item whose sentence names no producer is made by the
/// producer of that item's last production claim.
pub(crate) fn same_producer(last: Option<&LastFrame>, item: &ItemRef) -> Option<String> {
    let l = last?;
    (item.elided && item.at.is_none() && l.kind == Kind::Production && l.item == item.name)
        .then(|| l.from.clone())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::testing::{data, scene};

    fn weapon(name: &str) -> ItemRef {
        ItemRef {
            name: name.into(),
            text: String::new(),
            kind: ItemKind::Materiel,
            origin: None,
            at: None,
            elided: true,
        }
    }

    fn partitive(text: &str, last: &str) -> Option<ItemRef> {
        let d = data();
        let sc = scene(text);
        let (_, _, (f0, f1)) = sc.figs.first()?;
        let h = sc.u.items.iter().find(|h| h.t0 >= *f1)?;
        let item = ItemRef {
            name: h.name.clone(),
            text: sc.u.slice(h.t0, h.t1).to_string(),
            kind: h.kind,
            origin: h.origin.clone(),
            at: Some((h.t0, h.t1)),
            elided: false,
        };
        partitive_weapon(&sc.u, &d.lex, *f0, *f1, &item, Some(&weapon(last)))
    }

    #[test]
    fn of_the_class_noun_is_the_weapon_named_before() {
        let it = partitive("At least 40 of the howitzers had arrived.", "AHS Krab").expect("krab");
        assert_eq!(it.name, "AHS Krab");
        assert_eq!(it.origin.as_deref(), Some("PL"));
        assert_eq!(it.text, "howitzers");
        let it = partitive("Some 12 of the systems were shipped.", "IRIS-T SLM").expect("iris");
        assert_eq!(it.name, "IRIS-T SLM");
    }

    #[test]
    fn another_class_or_no_partitive_is_not_the_weapon() {
        assert!(partitive("At least 40 of the tanks had arrived.", "AHS Krab").is_none());
        assert!(partitive("At least 40 howitzers had arrived.", "AHS Krab").is_none());
    }
}
