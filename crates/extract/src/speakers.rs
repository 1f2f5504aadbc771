//! Speakers met so far in a document, so pronouns ("he said"), acronyms
//! ("the NIS"), definite descriptions ("the agency") and documents ("the
//! assessment") resolve to the name they stand for.

/// Distinct speakers remembered; the oldest is forgotten beyond this, so
/// a look-up never scans more (a document naming thousands of speakers
/// would otherwise cost the square of their number).
const MAX_SEEN: usize = 512;

/// Speakers met so far in a document, for pronouns and short forms.
#[derive(Default, Debug)]
pub(crate) struct Speakers {
    pub(crate) seen: Vec<Seen>,
    pub(crate) last_person: Option<String>,
    last_outlet: Option<String>,
    /// The last person quoted through a channel, and that channel.
    last_via: Option<(String, String)>,
    /// The first state named in the last unit that named one (the subject
    /// "its" refers back to).
    pub(crate) last_state: Option<String>,
}

#[derive(Debug)]
pub(crate) struct Seen {
    pub(crate) text: String,
    pub(crate) person: bool,
    acronym: Option<String>,
    /// `text` lower-cased and its initials, computed when first needed.
    lower: std::cell::OnceCell<String>,
    initials: std::cell::OnceCell<String>,
}

impl Seen {
    fn lower(&self) -> &str {
        self.lower.get_or_init(|| self.text.to_lowercase())
    }

    fn initials(&self) -> &str {
        self.initials.get_or_init(|| initials(&self.text))
    }
}

impl Speakers {
    pub fn note_person(&mut self, name: &str) {
        self.last_person = Some(name.to_string());
    }
    pub fn note_outlet(&mut self, name: &str) {
        self.last_outlet = Some(name.to_string());
    }
    pub(crate) fn remember(&mut self, text: &str, person: bool, acronym: Option<String>) {
        if person {
            self.last_person = Some(text.to_string());
        }
        // The same speaker again moves to the end instead of being kept
        // twice: every look-up takes the latest match and reads only these
        // fields, so results are unchanged, and the list grows with the
        // distinct speakers, not with every mention.
        let same = |s: &Seen| s.person == person && s.text == text && s.acronym == acronym;
        if let Some(k) = self.seen.iter().rposition(same) {
            let again = self.seen.remove(k);
            self.seen.push(again);
            return;
        }
        if self.seen.len() >= MAX_SEEN {
            self.seen.remove(0);
        }
        self.seen.push(Seen {
            text: text.to_string(),
            person,
            acronym,
            lower: std::cell::OnceCell::new(),
            initials: std::cell::OnceCell::new(),
        });
    }
    /// Remember that `speaker` spoke through `via`.
    pub(crate) fn note_via(&mut self, speaker: &str, via: &str) {
        self.last_via = Some((speaker.to_string(), via.to_string()));
    }
    /// The channel `speaker` last spoke through.
    pub(crate) fn via_of(&self, speaker: Option<&str>) -> Option<String> {
        let (s, v) = self.last_via.as_ref()?;
        (Some(s.as_str()) == speaker).then(|| v.clone())
    }
    /// Remember a document introduced with a name ("a declassified US
    /// intelligence assessment") so "the document" can refer back to it.
    pub fn note_document(&mut self, name: &str) {
        self.remember(name, false, None);
    }
    /// The last non-person speaker.
    pub(crate) fn last_body(&self) -> Option<&str> {
        self.seen
            .iter()
            .rev()
            .find(|s| !s.person)
            .map(|s| s.text.as_str())
    }
    /// Expand a short form: an acronym, a contained name, or a definite description.
    pub(crate) fn resolve(&self, phrase: &str, cues_hit: bool) -> Option<String> {
        let p = phrase.trim();
        let caps = p.len() >= 2 && p.len() <= 6 && p.chars().all(|c| c.is_ascii_uppercase());
        if caps {
            for s in self.seen.iter().rev() {
                if s.acronym.as_deref() == Some(p) || s.initials().ends_with(p) {
                    return Some(s.text.clone());
                }
            }
            return None;
        }
        let pl = p.to_lowercase();
        for s in self.seen.iter().rev() {
            let sl = s.lower();
            if sl != pl && sl.contains(&pl) && pl.len() >= 4 {
                return Some(s.text.clone());
            }
        }
        if cues_hit {
            let head = pl.split_whitespace().last().unwrap_or("");
            for s in self.seen.iter().rev() {
                if !s.person && s.lower().split_whitespace().any(|w| w == head) {
                    return Some(s.text.clone());
                }
            }
            if matches!(head, "newspaper" | "paper" | "outlet" | "broadcaster") {
                return self.last_outlet.clone();
            }
            if matches!(head, "official" | "spokesman" | "spokeswoman" | "minister") {
                return None;
            }
            return self.last_body().map(str::to_string);
        }
        None
    }
}

/// Initials of the capitalised words of a name after any possessive owner
/// ("Joint Chiefs of Staff" → "JCS", "Korea's National Intelligence
/// Service" → "NIS").
fn initials(s: &str) -> String {
    let own = s.rfind("'s ").or_else(|| s.rfind("’s "));
    let s = own.map_or(s, |i| &s[i..]);
    s.split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_descriptions_and_channels_resolve() {
        let mut sp = Speakers::default();
        sp.remember("Norway's Defence Research Agency", false, None);
        assert_eq!(
            sp.resolve("DRA", false).as_deref(),
            Some("Norway's Defence Research Agency")
        );
        assert_eq!(
            sp.resolve("agency", true).as_deref(),
            Some("Norway's Defence Research Agency")
        );
        sp.remember("Anna Berg", true, None);
        sp.note_via("Anna Berg", "Daily Planet");
        assert_eq!(
            sp.via_of(Some("Anna Berg")).as_deref(),
            Some("Daily Planet")
        );
        assert_eq!(sp.via_of(Some("Ole Dahl")), None);
    }

    #[test]
    fn a_speaker_named_again_is_kept_once_and_the_list_is_bounded() {
        let mut sp = Speakers::default();
        for _ in 0..1000 {
            sp.remember("Anna Berg", true, None);
            sp.remember("Norway's Defence Research Agency", false, None);
        }
        assert_eq!(sp.seen.len(), 2);
        assert_eq!(sp.seen[1].text, "Norway's Defence Research Agency");
        for i in 0..2 * MAX_SEEN {
            sp.remember(&format!("Speaker {i}"), true, None);
        }
        assert_eq!(sp.seen.len(), MAX_SEEN);
        assert_eq!(sp.resolve("DRA", false), None, "forgotten");
    }
}
