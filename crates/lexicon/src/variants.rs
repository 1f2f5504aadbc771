//! Written variants the loader derives from listed phrases: designation
//! spellings (M1989 / M-1989 / M 1989), plurals, curly apostrophes, and the
//! case rule for acronyms.

/// `true` for an all-caps acronym of 2-5 ASCII letters ("US", "NATO"),
/// which is matched case-sensitively.
pub(crate) fn is_acronym(s: &str) -> bool {
    (2..=5).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// The key a phrase is stored under: curly apostrophes straightened and,
/// unless matched case-sensitively, ASCII lower-cased.
pub(crate) fn fold(s: &str, case_sensitive: bool) -> String {
    let s = s.replace('\u{2019}', "'");
    if case_sensitive {
        s
    } else {
        s.to_ascii_lowercase()
    }
}

/// The phrase with every straight apostrophe curled, if it has any.
pub(crate) fn curly(s: &str) -> Option<String> {
    s.contains('\'').then(|| s.replace('\'', "\u{2019}"))
}

/// Most junctions varied per phrase (3 spellings each).
const MAX_JUNCTIONS: usize = 2;

/// Spelling variants of designations: wherever a run of letters that
/// starts a word meets a run of digits ("M1989", "KN-23", "Su 34"), the
/// three joinings "", "-" and " " are produced. A space is only produced
/// (or recognised) after a short prefix of at most four letters, so
/// "Leopard 2" gives "Leopard-2" and "Leopard2" but "Storm Shadow" nothing.
/// Returns the variants other than `s` itself.
pub(crate) fn designation_variants(s: &str) -> Vec<String> {
    let b = s.as_bytes();
    // (letters end, digits start, letter-run length)
    let mut junctions: Vec<(usize, usize, usize)> = Vec::new();
    let mut i = 0;
    while i < b.len() && junctions.len() < MAX_JUNCTIONS {
        let word_start = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        if word_start && b[i].is_ascii_alphabetic() {
            let mut j = i;
            while j < b.len() && b[j].is_ascii_alphabetic() {
                j += 1;
            }
            let run = j - i;
            let digit_at = |k: usize| k < b.len() && b[k].is_ascii_digit();
            if digit_at(j) {
                junctions.push((j, j, run));
            } else if j < b.len() && (b[j] == b'-' || (b[j] == b' ' && run <= 4)) && digit_at(j + 1)
            {
                junctions.push((j, j + 1, run));
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    if junctions.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<String> = vec![String::new()];
    let mut last = 0;
    for &(end, start, run) in &junctions {
        let head = &s[last..end];
        let seps: &[&str] = if run <= 4 {
            &["", "-", " "]
        } else {
            &["", "-"]
        };
        out = out
            .iter()
            .flat_map(|p| seps.iter().map(move |sep| format!("{p}{head}{sep}")))
            .collect();
        last = start;
    }
    let tail = &s[last..];
    let mut result = Vec::new();
    for p in out {
        let v = format!("{p}{tail}");
        if v != s && !result.contains(&v) {
            result.push(v);
        }
    }
    result
}

/// The English plural of a name of materiel, or `None` when the last word
/// already ends in "s" (HIMARS, Abrams, shells). Digits and capitals take a
/// bare "s" (M1989s, ATGMs, Leopard 2s); lower-case nouns follow the usual
/// spelling rules (battery -> batteries, launch -> launches).
pub(crate) fn plural(s: &str) -> Option<String> {
    let last_word = s.rsplit(' ').next().unwrap_or(s);
    let last = *last_word.as_bytes().last()?;
    if last == b's' || last == b'S' || !last.is_ascii_alphanumeric() {
        return None;
    }
    let common = last_word.bytes().all(|c| !c.is_ascii_uppercase());
    if !common || last.is_ascii_digit() {
        return Some(format!("{s}s"));
    }
    let lw = last_word.as_bytes();
    let before = if lw.len() >= 2 {
        lw[lw.len() - 2]
    } else {
        b' '
    };
    if last == b'y' && !b"aeiou".contains(&before) {
        return Some(format!("{}ies", &s[..s.len() - 1]));
    }
    if last == b'x' || last == b'z' || (last == b'h' && (before == b'c' || before == b's')) {
        return Some(format!("{s}es"));
    }
    Some(format!("{s}s"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms() {
        assert!(is_acronym("US"));
        assert!(is_acronym("NATO"));
        assert!(is_acronym("DPRK"));
        assert!(!is_acronym("HIMARS"));
        assert!(!is_acronym("U"));
        assert!(!is_acronym("Nato"));
        assert!(!is_acronym("KN23"));
    }

    #[test]
    fn designations() {
        let v = designation_variants("M1989");
        assert_eq!(v, vec!["M-1989", "M 1989"]);
        let v = designation_variants("KN-23");
        assert_eq!(v, vec!["KN23", "KN 23"]);
        let v = designation_variants("M1989 Koksan");
        assert!(v.contains(&"M-1989 Koksan".to_string()));
        let v = designation_variants("Leopard 2");
        assert!(
            v.is_empty(),
            "a long word before a space is not a designation: {v:?}"
        );
        let v = designation_variants("Leopard-2");
        assert_eq!(v, vec!["Leopard2"]);
        assert!(designation_variants("Storm Shadow").is_empty());
        assert!(designation_variants("9M723").is_empty());
        let v = designation_variants("T-72B3");
        assert!(v.contains(&"T72B3".to_string()));
    }

    #[test]
    fn plurals() {
        assert_eq!(plural("M1989 Koksan").as_deref(), Some("M1989 Koksans"));
        assert_eq!(plural("M1989").as_deref(), Some("M1989s"));
        assert_eq!(plural("HIMARS"), None);
        assert_eq!(plural("shells"), None);
        assert_eq!(plural("ATGM").as_deref(), Some("ATGMs"));
        assert_eq!(plural("battery").as_deref(), Some("batteries"));
        assert_eq!(plural("Bradley").as_deref(), Some("Bradleys"));
        assert_eq!(plural("launch").as_deref(), Some("launches"));
        assert_eq!(plural("convoy").as_deref(), Some("convoys"));
        assert_eq!(plural("Leopard 2").as_deref(), Some("Leopard 2s"));
    }

    #[test]
    fn folding() {
        assert_eq!(fold("People\u{2019}s Army", false), "people's army");
        assert_eq!(fold("US", true), "US");
        assert_eq!(curly("People's").as_deref(), Some("People\u{2019}s"));
        assert_eq!(curly("Kyiv"), None);
    }
}
