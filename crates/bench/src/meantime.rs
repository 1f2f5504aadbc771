//! Real text beside the generated corpus: the English MEANTIME articles
//! (NewsReader, CC BY 4.0), rebuilt from their token XML.
//!
//! Each file holds `<token sentence="N">word</token>` elements and a
//! `TIMEX3` with `functionInDocument="CREATION_TIME"`, the document date.
//! Sentence 0 is the headline; the text is the headline line followed by
//! one paragraph of the other sentences, tokens joined with news spacing
//! (no space before closing punctuation or after an opening bracket).

use crate::BenchError;
use std::path::{Path, PathBuf};
use tally_core::{parse_published, DocId, Document};

/// The MEANTIME folder as seen from the repository root.
pub const DEFAULT_DIR: &str = "../shared/data/meantime";

/// Every English article under `dir` (`intra-doc_annotation/*/*.xml`), in
/// path order.
pub fn read_dir(dir: &Path) -> Result<Vec<Document>, BenchError> {
    let root = dir.join("intra-doc_annotation");
    let mut files = Vec::new();
    for corpus in list(&root)? {
        if corpus.is_dir() {
            files.extend(
                list(&corpus)?
                    .into_iter()
                    .filter(|p| p.extension().is_some_and(|e| e == "xml")),
            );
        }
    }
    files.sort();
    files
        .iter()
        .map(|p| {
            let xml = std::fs::read_to_string(p).map_err(|e| BenchError::io(p, e))?;
            rebuild(&xml, p)
        })
        .collect()
}

fn list(dir: &Path) -> Result<Vec<PathBuf>, BenchError> {
    let rd = std::fs::read_dir(dir).map_err(|e| BenchError::io(dir, e))?;
    let mut out = Vec::new();
    for entry in rd {
        out.push(entry.map_err(|e| BenchError::io(dir, e))?.path());
    }
    Ok(out)
}

/// One article's document, rebuilt from its XML; `path` names it in errors.
pub fn rebuild(xml: &str, path: &Path) -> Result<Document, BenchError> {
    let fail = |message: &str| BenchError::Meantime {
        path: path.to_path_buf(),
        message: message.to_string(),
    };
    let head = element(xml, "Document").ok_or_else(|| fail("no <Document> element"))?;
    let id = attr(head, "doc_id").ok_or_else(|| fail("no doc_id"))?;
    let mut sentences: Vec<(String, Vec<String>)> = Vec::new();
    let mut rest = xml;
    while let Some(at) = rest.find("<token ") {
        rest = &rest[at..];
        let open_end = rest.find('>').ok_or_else(|| fail("unclosed <token>"))?;
        let close = rest.find("</token>").ok_or_else(|| fail("no </token>"))?;
        if close < open_end {
            return Err(fail("malformed <token>"));
        }
        let sentence = attr(&rest[..open_end], "sentence").unwrap_or_default();
        let word = unescape(&rest[open_end + 1..close]);
        match sentences.last_mut() {
            Some((s, words)) if *s == sentence => words.push(word),
            _ => sentences.push((sentence, vec![word])),
        }
        rest = &rest[close + "</token>".len()..];
    }
    let mut lines = sentences.iter().map(|(_, words)| join_tokens(words));
    let title = lines.next().ok_or_else(|| fail("no tokens"))?;
    let body: Vec<String> = lines.collect();
    let published = creation_time(xml).and_then(|v| parse_published(&v));
    let mut doc = Document::new(
        DocId::given(&format!("meantime-{id}")),
        format!("{title}\n{}", body.join(" ")),
    );
    doc.title = Some(title);
    doc.url = attr(head, "url").map(|u| unescape(&u));
    doc.publisher = Some("Wikinews".into());
    doc.published = published;
    Ok(doc)
}

/// The opening tag `<name ...>` of the first `name` element.
fn element<'a>(xml: &'a str, name: &str) -> Option<&'a str> {
    let at = xml.find(&format!("<{name} "))?;
    let end = xml[at..].find('>')?;
    Some(&xml[at..at + end])
}

/// The value of `name="..."` inside an opening tag.
fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    let end = tag[at..].find('"')?;
    Some(tag[at..at + end].to_string())
}

/// The value of the TIMEX3 marked as the document's creation time.
fn creation_time(xml: &str) -> Option<String> {
    let mut rest = xml;
    while let Some(at) = rest.find("<TIMEX3 ") {
        let end = rest[at..].find('>')? + at;
        let tag = &rest[at..end];
        if attr(tag, "functionInDocument").as_deref() == Some("CREATION_TIME") {
            return attr(tag, "value");
        }
        rest = &rest[end..];
    }
    None
}

fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let Some(semi) = tail.find(';').filter(|&i| i <= 10) else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let ent = &tail[1..semi];
        let ch = match ent {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => ent
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| ent.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &tail[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Tokens joined as running text.
fn join_tokens(words: &[String]) -> String {
    let mut out = String::new();
    let mut quote_open = false;
    let mut glue_next = true;
    for w in words {
        let w = w.as_str();
        let closing = matches!(
            w,
            "," | "." | ";" | ":" | "!" | "?" | ")" | "]" | "%" | "'s"
        ) || w.starts_with('\'') && w.len() <= 3
            || w == "n't";
        let is_quote = w == "\"";
        let glue = glue_next || closing || (is_quote && quote_open);
        if !glue {
            out.push(' ');
        }
        out.push_str(w);
        glue_next = matches!(w, "(" | "[" | "$" | "US$" | "#") || (is_quote && !quote_open);
        if is_quote {
            quote_open = !quote_open;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<?xml version="1.0" ?><Document doc_id="7" doc_name="x" lang="en" url="http://example.org/a?b=1&amp;c=2">
<token number="0" sentence="0" t_id="1">Harbour</token>
<token number="1" sentence="0" t_id="2">opens</token>
<token number="2" sentence="1" t_id="3">The</token>
<token number="3" sentence="1" t_id="4">port</token>
<token number="4" sentence="1" t_id="5">(</token>
<token number="5" sentence="1" t_id="6">east</token>
<token number="6" sentence="1" t_id="7">)</token>
<token number="7" sentence="1" t_id="8">cost</token>
<token number="8" sentence="1" t_id="9">$</token>
<token number="9" sentence="1" t_id="10">3</token>
<token number="10" sentence="1" t_id="11">million</token>
<token number="11" sentence="1" t_id="12">,</token>
<token number="12" sentence="1" t_id="13">officials</token>
<token number="13" sentence="1" t_id="14">said</token>
<token number="14" sentence="1" t_id="15">.</token>
<token number="15" sentence="2" t_id="16">It</token>
<token number="16" sentence="2" t_id="17">was</token>
<token number="17" sentence="2" t_id="18">&quot;</token>
<token number="18" sentence="2" t_id="19">late</token>
<token number="19" sentence="2" t_id="20">&quot;</token>
<token number="20" sentence="2" t_id="21">.</token>
<Markables><TIMEX3 anchorTimeID="" functionInDocument="CREATION_TIME" m_id="3" type="DATE" value="2009-05-04"></TIMEX3></Markables>
</Document>"#;

    #[test]
    fn rebuilds_text_title_and_date() {
        let d = rebuild(SAMPLE, Path::new("x.xml")).unwrap();
        assert_eq!(d.id.as_str(), "meantime-7");
        assert_eq!(d.title.as_deref(), Some("Harbour opens"));
        assert_eq!(
            d.text,
            "Harbour opens\nThe port (east) cost $3 million, officials said. It was \"late\"."
        );
        assert_eq!(
            d.published.map(|d| d.to_string()).as_deref(),
            Some("2009-05-04")
        );
        assert_eq!(d.url.as_deref(), Some("http://example.org/a?b=1&c=2"));
    }

    #[test]
    fn malformed_input_is_an_error_not_a_panic() {
        assert!(rebuild("<Document doc_id=\"1\" >", Path::new("x")).is_err());
        assert!(rebuild("nothing", Path::new("x")).is_err());
        assert!(rebuild(
            "<Document doc_id=\"1\" ><token sentence=\"0\">a",
            Path::new("x")
        )
        .is_err());
        assert_eq!(unescape("a &amp; b &#233; &bogus; &"), "a & b é &bogus; &");
    }
}
