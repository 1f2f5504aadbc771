//! Stable identities of claims and facts: derived from what a claim is
//! (its document, the byte span of its figure, its kind), never from its
//! position in a list, so they survive re-extraction and reordering.

use sha2::{Digest, Sha256};
use std::fmt;
use tally_core::Claim;

/// A claim's identity: 16 hex digits of a hash of (document, figure byte
/// span, kind), and the item and parties, which keep apart two claims
/// that share one figure's words ("390 Ukrainians and 390 Russians").
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClaimId(String);

impl ClaimId {
    /// The id of a claim; `text` is its document's text when known, used to
    /// find the figure's own byte span inside the claim's sentence.
    pub fn of(claim: &Claim, text: Option<&str>) -> ClaimId {
        let (start, end) = figure_span(claim, text);
        let mut h = Sha256::new();
        h.update(claim.doc.as_bytes());
        h.update([0]);
        h.update(format!("{start}:{end}:{}", claim.kind.as_str()).as_bytes());
        for part in [
            Some(&claim.item.name),
            claim.from.as_ref(),
            claim.to.as_ref(),
        ] {
            h.update([0]);
            h.update(part.map_or(&b""[..], |p| p.as_bytes()));
        }
        if text.is_none() || (start, end) == (claim.span.start, claim.span.end) {
            // Without the figure's offsets, its words keep two figures of
            // one sentence apart.
            h.update([0]);
            h.update(claim.quantity.text.as_bytes());
        }
        ClaimId(hex(&h.finalize()[..8]))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ClaimId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The byte span of the figure's words within the claim's sentence (the
/// occurrence nearest before the item's words, as in "120 howitzers and 120
/// rocket systems"), or the sentence's span when they cannot be found.
fn figure_span(claim: &Claim, text: Option<&str>) -> (usize, usize) {
    let (s, e) = (claim.span.start, claim.span.end);
    let figure = claim.quantity.text.as_str();
    let Some(sentence) = text
        .and_then(|t| t.get(s..e))
        .filter(|_| !figure.is_empty())
    else {
        return (s, e);
    };
    let starts: Vec<usize> = sentence.match_indices(figure).map(|(i, _)| i).collect();
    let item = (!claim.item.text.is_empty())
        .then(|| sentence.find(claim.item.text.as_str()))
        .flatten();
    let at = match item {
        Some(i) => starts.iter().rev().find(|&&f| f <= i).or(starts.first()),
        None => starts.first(),
    };
    match at {
        Some(&at) => (s + at, s + at + figure.len()),
        None => (s, e),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(text: &str, qty: &str) -> Claim {
        claim_of(text, qty, "tanks")
    }

    fn claim_of(text: &str, qty: &str, item: &str) -> Claim {
        let json = format!(
            r#"{{"doc":"d","kind":"transfer","stage":"done","item":{{"name":"{item}","text":"{item}"}},
            "quantity":{{"value":1,"bound":"exact","unit":"item","text":"{qty}"}},"span":[0,{}]}}"#,
            text.len()
        );
        serde_json::from_str(&json).unwrap()
    }

    #[test]
    fn two_figures_of_one_sentence_differ_and_ids_are_stable() {
        let text = "Kyiv got 14 tanks and 30 guns.";
        let a = ClaimId::of(&claim(text, "14"), Some(text));
        let b = ClaimId::of(&claim(text, "30"), Some(text));
        assert_ne!(a, b);
        assert_eq!(a, ClaimId::of(&claim(text, "14"), Some(text)));
        assert_eq!(a.as_str().len(), 16);
        assert_ne!(
            ClaimId::of(&claim(text, "14"), None),
            ClaimId::of(&claim(text, "30"), None)
        );
    }

    #[test]
    fn one_figure_word_twice_in_a_sentence() {
        let text = "It got 120 howitzers and 120 rocket systems.";
        let a = claim_of(text, "120", "howitzers");
        let b = claim_of(text, "120", "rocket systems");
        assert_eq!(figure_span(&a, Some(text)), (7, 10));
        assert_eq!(figure_span(&b, Some(text)), (25, 28));
        assert_ne!(ClaimId::of(&a, Some(text)), ClaimId::of(&b, Some(text)));
    }
}
