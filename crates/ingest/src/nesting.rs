//! How deeply a page will nest once parsed, estimated in one linear pass
//! before the HTML parser sees it.
//!
//! HTML parsing and Readability slow down with the square of the depth, so
//! markup deeper than [`MAX_DEPTH`] is never parsed into a tree. The
//! estimate must therefore never fall far below the depth the parser would
//! build, whatever the markup does: end tags close only what is open (a
//! stray `</i>` closes nothing), and only when no table or similar scope
//! lies between; `<div/>` opens a `div` as in any browser; comments, quoted
//! attribute values and script or style text hide no tags; formatting
//! elements closed implicitly are counted as reopened (at most three alike,
//! as the parser does); and an end tag of a formatting element with a block
//! opened inside it closes nothing.

use std::collections::HashMap;

/// Deeper than this (estimated), markup is not parsed into a tree: no real
/// page nests this deep. Such input is read by a crude tag stripper.
pub(crate) const MAX_DEPTH: usize = 1_000;

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// The document's own elements, which never nest.
const DOCUMENT: &[&str] = &["html", "head", "body"];

/// Elements a start tag of their own name closes, and the elements that may
/// be open inside them for that to happen (besides formatting elements):
/// `<p>a<span>b<p>` closes the first paragraph, `<p><div><p>` does not
/// (the `div` closed it already, and the new one nests in the `div`).
const SIBLINGS: &[(&str, &[&str])] = &[
    ("p", PHRASING),
    ("option", PHRASING),
    ("li", LIST_ITEM),
    ("dt", LIST_ITEM),
    ("dd", LIST_ITEM),
];

/// Blocks whose start tag closes an open paragraph.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "header",
    "hgroup",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "section",
    "summary",
    "ul",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "listing",
    "form",
    "table",
    "search",
];

/// Cells and rows close whatever is open in them, up to a table.
const CELLS: &[&str] = &["td", "th", "tr"];

const PHRASING: &[&str] = &[
    "span", "label", "abbr", "cite", "dfn", "kbd", "mark", "q", "samp", "sub", "sup", "time",
    "var", "bdi", "bdo", "data", "ins", "del",
];

const LIST_ITEM: &[&str] = &[
    "span", "label", "abbr", "cite", "dfn", "kbd", "mark", "q", "samp", "sub", "sup", "time",
    "var", "bdi", "bdo", "data", "ins", "del", "div", "address", "p",
];

/// Elements whose content is text, not markup, up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// Elements the parser reopens after they were closed implicitly.
const FORMATTING: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// Elements an end tag of an element opened outside them cannot close.
const SCOPE: &[&str] = &[
    "applet",
    "caption",
    "marquee",
    "object",
    "table",
    "template",
    "foreignobject",
    "desc",
    "mi",
    "mo",
    "mn",
    "ms",
    "mtext",
];

/// Where `<svg>` and `<math>` content honours `<x/>` as self-closing.
const FOREIGN: &[&str] = &["svg", "math"];

/// At most this many identical formatting elements are reopened.
const REOPENED_ALIKE: u8 = 3;

/// What a `<` in the markup starts.
pub(crate) enum Markup {
    /// A `<` that is text.
    Text,
    /// A comment, doctype or processing instruction.
    Ignored,
    Tag(Tag),
}

/// A tag read from the markup.
pub(crate) struct Tag {
    pub(crate) name: String,
    pub(crate) end: bool,
    self_closing: bool,
    /// The tag's attributes as written (bounded), to tell formatting
    /// elements apart as the parser does.
    attrs: String,
}

/// A conservative estimate of the depth of the parsed tree; any value above
/// [`MAX_DEPTH`] means "too deep" (the scan stops there).
pub(crate) fn nesting_estimate(html: &str) -> usize {
    let mut tree = Tree::default();
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(off) = bytes[i..].iter().position(|&b| b == b'<') {
        i += off;
        let (markup, next) = read_tag(bytes, i);
        i = next;
        let Markup::Tag(tag) = markup else { continue };
        if tag.end {
            tree.close(&tag.name);
            continue;
        }
        if tag.name == "plaintext" {
            break; // the rest of the page is text
        }
        if tree.foreign == 0 && RAW_TEXT.contains(&tag.name.as_str()) {
            i = skip_raw_text(bytes, i, &tag.name);
            continue;
        }
        tree.open(tag);
        if tree.depth() > MAX_DEPTH {
            break;
        }
    }
    tree.max
}

/// Read what starts at `bytes[at] == b'<'`, and where reading goes on.
pub(crate) fn read_tag(bytes: &[u8], at: usize) -> (Markup, usize) {
    let rest = &bytes[at + 1..];
    if rest.starts_with(b"!--") {
        // A comment, to `-->` (or the end of the page).
        return match find(&bytes[at + 4..], b"-->") {
            Some(j) => (Markup::Ignored, at + 4 + j + 3),
            None => (Markup::Ignored, bytes.len()),
        };
    }
    let to_gt = || match find(&bytes[at..], b">") {
        Some(j) => (Markup::Ignored, at + j + 1),
        None => (Markup::Ignored, bytes.len()),
    };
    if matches!(rest.first(), Some(b'!' | b'?')) {
        return to_gt(); // a doctype or bogus comment
    }
    let end = rest.first() == Some(&b'/');
    let name_at = at + 1 + usize::from(end);
    match bytes.get(name_at) {
        Some(c) if c.is_ascii_alphabetic() => {}
        Some(_) if end => return to_gt(),   // `</ >` and the like
        _ => return (Markup::Text, at + 1), // a `<` in text
    }
    let mut j = name_at;
    while j < bytes.len() && !matches!(bytes[j], b'>' | b'/') && !bytes[j].is_ascii_whitespace() {
        j += 1;
    }
    let name = String::from_utf8_lossy(&bytes[name_at..j]).to_ascii_lowercase();
    let attrs_at = j;
    let mut self_closing = false;
    // Attributes: names, then values that may be quoted and hold `<`, `>`.
    while j < bytes.len() {
        match bytes[j] {
            b'>' => {
                j += 1;
                break;
            }
            b'/' => {
                self_closing = bytes.get(j + 1) == Some(&b'>');
                j += 1;
            }
            b'=' => {
                j += 1;
                while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                    j += 1;
                }
                match bytes.get(j) {
                    Some(&q @ (b'"' | b'\'')) => {
                        j = match bytes[j + 1..].iter().position(|&b| b == q) {
                            Some(k) => j + 1 + k + 1,
                            None => bytes.len(),
                        };
                    }
                    _ => {
                        while j < bytes.len() && bytes[j] != b'>' && !bytes[j].is_ascii_whitespace()
                        {
                            j += 1;
                        }
                    }
                }
            }
            _ => {
                self_closing = false;
                j += 1;
            }
        }
    }
    let attrs_end = j.min(attrs_at + 256).max(attrs_at);
    let attrs = String::from_utf8_lossy(&bytes[attrs_at..attrs_end]).into_owned();
    let tag = Tag {
        name,
        end,
        self_closing,
        attrs,
    };
    (Markup::Tag(tag), j)
}

/// Past the text of a raw-text element, to just after `</name`.
pub(crate) fn skip_raw_text(bytes: &[u8], mut i: usize, name: &str) -> usize {
    while let Some(off) = find(&bytes[i..], b"</") {
        let at = i + off + 2;
        let candidate = &bytes[at..bytes.len().min(at + name.len())];
        let after = bytes.get(at + name.len());
        if candidate.eq_ignore_ascii_case(name.as_bytes())
            && after.is_none_or(|c| c.is_ascii_whitespace() || matches!(c, b'/' | b'>'))
        {
            return at + name.len();
        }
        i = at;
    }
    bytes.len()
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

struct Open {
    name: String,
    /// For formatting elements: the name and attributes.
    key: Option<String>,
}

/// The elements the parser would hold open, as far as depth goes.
#[derive(Default)]
struct Tree {
    stack: Vec<Open>,
    /// Stack positions of each open element name, innermost last.
    positions: HashMap<String, Vec<usize>>,
    /// Stack positions of open scope elements, innermost last.
    scopes: Vec<usize>,
    /// Formatting elements closed implicitly, by key, to be reopened.
    reopen: HashMap<String, u8>,
    reopened: usize,
    foreign: usize,
    max: usize,
}

impl Tree {
    fn depth(&self) -> usize {
        self.stack.len() + self.reopened
    }

    fn open(&mut self, tag: Tag) {
        let name = tag.name.as_str();
        if VOID.contains(&name) || DOCUMENT.contains(&name) {
            return;
        }
        self.close_sibling(name);
        let foreign = FOREIGN.contains(&name);
        if tag.self_closing && (self.foreign > 0 || foreign) {
            return;
        }
        let at = self.stack.len();
        self.positions.entry(tag.name.clone()).or_default().push(at);
        if SCOPE.contains(&name) {
            self.scopes.push(at);
        }
        if foreign {
            self.foreign += 1;
        }
        let key = FORMATTING
            .contains(&name)
            .then(|| format!("{name} {}", tag.attrs.trim()));
        self.stack.push(Open {
            name: tag.name,
            key,
        });
        self.max = self.max.max(self.depth());
    }

    /// A `<p>`, `<li>`, `<td>` ... closes an open one of its kind, and a
    /// block closes an open `<p>`, when only what it may hold is open above
    /// it.
    fn close_sibling(&mut self, name: &str) {
        if BLOCKS.contains(&name) {
            self.close_if_only("p");
        }
        if SIBLINGS.iter().any(|(n, _)| *n == name) || CELLS.contains(&name) {
            self.close_if_only(name);
        }
    }

    /// Close the innermost open `name` if only what it may hold (formatting
    /// elements, and see [`SIBLINGS`] and [`CELLS`]) is open above it.
    /// Returns whether it did.
    fn close_if_only(&mut self, name: &str) -> bool {
        let may_hold = |o: &Open| {
            o.key.is_some()
                || if CELLS.contains(&name) {
                    !SCOPE.contains(&o.name.as_str())
                } else {
                    SIBLINGS
                        .iter()
                        .find(|(n, _)| *n == name)
                        .is_some_and(|(_, inner)| inner.contains(&o.name.as_str()))
                }
        };
        let Some(&at) = self.positions.get(name).and_then(|p| p.last()) else {
            return false;
        };
        if self.stack[at + 1..].iter().all(may_hold) {
            self.pop_to(at);
            return true;
        }
        false
    }

    fn close(&mut self, name: &str) {
        if SIBLINGS.iter().any(|(n, _)| *n == name) {
            // `<p><div></p>`: the div had closed the paragraph; the end tag
            // closes nothing.
            self.close_if_only(name);
            return;
        }
        let Some(&at) = self.positions.get(name).and_then(|p| p.last()) else {
            return; // nothing of that name is open: the parser ignores it
        };
        if self.scopes.last().is_some_and(|&s| s > at) {
            return; // out of scope
        }
        let formatting = FORMATTING.contains(&name);
        if formatting && self.stack[at + 1..].iter().any(|o| o.key.is_none()) {
            return; // the block inside stays open, with a clone within it
        }
        self.pop_to(at);
    }

    /// Pop the element at `at` and all above it; formatting elements above
    /// it are to be reopened.
    fn pop_to(&mut self, at: usize) {
        while self.stack.len() > at {
            let Some(o) = self.stack.pop() else { break };
            let i = self.stack.len();
            if let Some(p) = self.positions.get_mut(&o.name) {
                p.pop();
            }
            if self.scopes.last() == Some(&i) {
                self.scopes.pop();
            }
            if FOREIGN.contains(&o.name.as_str()) {
                self.foreign -= 1;
            }
            if let (Some(key), true) = (o.key, i > at) {
                let n = self.reopen.entry(key).or_insert(0);
                if *n < REOPENED_ALIKE {
                    *n += 1;
                    self.reopened += 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deep(open: &str, close: &str, n: usize) -> String {
        format!("{}x{}", open.repeat(n), close.repeat(n))
    }

    #[test]
    fn well_formed_pages_nest_as_written() {
        assert_eq!(
            nesting_estimate("<div><p>a<p>b<br><img/></div><div></div>"),
            2 // div > p
        );
        assert_eq!(nesting_estimate(&"<span>".repeat(50)), 50);
        assert_eq!(nesting_estimate(&deep("<div>", "</div>", 500)), 500);
        assert_eq!(
            nesting_estimate("<html><body><ul><li><a href=\"/x\">x</a></ul></body></html>"),
            3 // ul > li > a
        );
        assert_eq!(
            nesting_estimate("<svg><path d=\"M0\"/><path/><g><rect/></g></svg>"),
            2
        );
    }

    #[test]
    fn stray_end_tags_close_nothing() {
        // Found by the robustness tests: `<div></i>` 100,000 times kept the
        // old estimate at 1 and the parser busy for minutes.
        let hostile = "<div></i>".repeat(5_000);
        assert!(nesting_estimate(&hostile) > MAX_DEPTH);
        assert!(nesting_estimate(&"<span></b>".repeat(5_000)) > MAX_DEPTH);
    }

    #[test]
    fn hidden_end_tags_close_nothing() {
        for unit in [
            "<div><!-- </div> -->",
            "<div title=\"</div>\">",
            "<div title='>x</div>'>",
            "<div><script>if (a </div> b) {}</script>",
            "<div/>",
            "<div><table></div>",
            "<b><div></b>",
            "<p><div></p>",
            "<li><ul></li>",
            "<li><section><li>",
            "<p><div><p>",
        ] {
            let est = nesting_estimate(&unit.repeat(3_000));
            assert!(est > MAX_DEPTH, "{unit}: {est}");
        }
    }

    #[test]
    fn misnested_formatting_is_reopened_at_most_thrice_alike() {
        let same = "<p><b>bold</p>".repeat(2_000);
        // p > b, and three b reopened
        assert!(nesting_estimate(&same) <= 5, "{}", nesting_estimate(&same));
        let distinct: String = (0..3_000).map(|i| format!("<p><b id={i}>x</p>")).collect();
        assert!(nesting_estimate(&distinct) > MAX_DEPTH);
    }

    #[test]
    fn odd_markup_is_text() {
        assert_eq!(nesting_estimate("3 < 4 and <<<>>> </ >"), 0);
        assert_eq!(nesting_estimate("<!DOCTYPE html><?xml x?><div>"), 1);
        assert_eq!(nesting_estimate("<div><plaintext><div><div>"), 1);
        assert_eq!(nesting_estimate("<div title=\"unclosed"), 1);
        assert_eq!(nesting_estimate("<script>never closed <div>"), 0);
    }
}
