//! HTML to plain text: block elements become lines, white space collapses,
//! entities are decoded (by the HTML parser), scripts and styles vanish.
//!
//! Used for the article Readability picks, for the fallback `<body>` and for
//! feed item content. The walk is iterative, so deeply nested markup cannot
//! overflow the stack.

use crate::nesting::{nesting_estimate, read_tag, skip_raw_text, Markup, MAX_DEPTH};
use dom_query::NodeRef;
use std::collections::HashSet;
use std::sync::OnceLock;

/// Elements whose content is never text.
const NEVER_TEXT: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "head", "title", "video", "audio", "picture", "img",
];

/// Elements that start and end a line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "table",
    "tr",
    "caption",
    "figure",
    "figcaption",
    "address",
    "details",
    "summary",
    "hr",
    "br",
    "body",
    "nav",
    "aside",
    "form",
    "fieldset",
    "legend",
    "center",
    "hgroup",
];

/// Elements whose content is separated from the next by a space.
const CELLS: &[&str] = &["td", "th"];

/// Page furniture dropped when the whole body is read (data/ingest/boilerplate.txt).
pub(crate) struct Boilerplate {
    tags: HashSet<String>,
    roles: HashSet<String>,
    markers: HashSet<String>,
}

impl Boilerplate {
    pub(crate) fn get() -> &'static Boilerplate {
        static B: OnceLock<Boilerplate> = OnceLock::new();
        B.get_or_init(|| Boilerplate::parse(include_str!("../../../data/ingest/boilerplate.txt")))
    }

    fn parse(src: &str) -> Boilerplate {
        let mut b = Boilerplate {
            tags: HashSet::new(),
            roles: HashSet::new(),
            markers: HashSet::new(),
        };
        for line in src.lines().map(str::trim) {
            let Some((k, v)) = line.split_once(':') else {
                continue;
            };
            let v = v.trim().to_ascii_lowercase();
            match k.trim() {
                "tag" => b.tags.insert(v),
                "role" => b.roles.insert(v),
                "marker" => b.markers.insert(v),
                _ => false,
            };
        }
        b
    }

    fn drops(&self, node: &NodeRef, name: &str) -> bool {
        if self.tags.contains(name) {
            return true;
        }
        if let Some(role) = node.attr("role") {
            if self
                .roles
                .contains(role.trim().to_ascii_lowercase().as_str())
            {
                return true;
            }
        }
        // The document's own containers are never furniture.
        if matches!(name, "html" | "body" | "main" | "article") {
            return false;
        }
        let mut names = String::new();
        for a in ["class", "id"] {
            if let Some(v) = node.attr(a) {
                names.push(' ');
                names.push_str(&v.to_ascii_lowercase());
            }
        }
        names
            .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .any(|part| self.markers.contains(part))
    }
}

/// The text under `root`, one line per block. With `boilerplate`, page
/// furniture is dropped as well.
pub(crate) fn text_of(root: &NodeRef, boilerplate: Option<&Boilerplate>) -> String {
    let mut out = Lines::default();
    let mut stack: Vec<(NodeRef, bool)> = vec![(*root, false)];
    while let Some((node, leaving)) = stack.pop() {
        if node.is_text() {
            out.push_text(&node.text());
            continue;
        }
        if !(node.is_element() || node.is_document() || node.is_fragment()) {
            continue;
        }
        let name = node
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        let block = BLOCKS.contains(&name.as_str());
        let cell = CELLS.contains(&name.as_str());
        if leaving {
            if block {
                out.end_line();
            } else if cell {
                out.space();
            }
            continue;
        }
        if NEVER_TEXT.contains(&name.as_str()) {
            continue;
        }
        if let Some(b) = boilerplate {
            if b.drops(&node, &name) {
                continue;
            }
        }
        if block {
            out.end_line();
        }
        stack.push((node, true));
        for child in node.children_it(true) {
            stack.push((child, false));
        }
    }
    out.finish()
}

/// Text with tags cut out and the common entities decoded, for markup too
/// deep to parse: one line per line of the source, white space collapsed.
pub(crate) fn crude_text(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        out.push_str(&html[i..i + off]);
        let (markup, next) = read_tag(bytes, i + off);
        i = next;
        match markup {
            Markup::Text => out.push('<'),
            Markup::Ignored => out.push(' '),
            Markup::Tag(tag) => {
                out.push(' ');
                if !tag.end && matches!(tag.name.as_str(), "script" | "style") {
                    i = skip_raw_text(bytes, i, &tag.name);
                    // Past `</script`: on to its `>`.
                    i = html[i..].find('>').map_or(html.len(), |j| i + j + 1);
                }
            }
        }
        // Tags end on ASCII bytes, so `i` is on a character boundary; a tag
        // cut short by the end of the page ends there.
        while !html.is_char_boundary(i) {
            i += 1;
        }
    }
    out.push_str(&html[i.min(html.len())..]);
    let out = out
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    out.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Text from an HTML fragment (a feed item's content, say).
pub(crate) fn fragment_text(html: &str) -> String {
    fragment_text_with(html, None)
}

/// Text from an HTML fragment, page furniture dropped with `boilerplate`.
pub(crate) fn fragment_text_with(html: &str, boilerplate: Option<&Boilerplate>) -> String {
    if nesting_estimate(html) > MAX_DEPTH {
        return crude_text(html);
    }
    let doc = dom_query::Document::fragment(html);
    let root = doc.root();
    text_of(&root, boilerplate)
}

#[derive(Default)]
struct Lines {
    lines: Vec<String>,
    line: String,
    pending_space: bool,
}

impl Lines {
    fn push_text(&mut self, t: &str) {
        for c in t.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
            } else {
                if self.pending_space && !self.line.is_empty() {
                    self.line.push(' ');
                }
                self.pending_space = false;
                self.line.push(c);
            }
        }
    }

    fn space(&mut self) {
        self.pending_space = true;
    }

    fn end_line(&mut self) {
        if !self.line.is_empty() {
            self.lines.push(std::mem::take(&mut self.line));
        }
        self.pending_space = false;
    }

    fn finish(mut self) -> String {
        self.end_line();
        self.lines.join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body_text(html: &str, furniture: bool) -> String {
        let doc = dom_query::Document::from(html);
        let root = doc.root();
        text_of(&root, furniture.then(Boilerplate::get))
    }

    #[test]
    fn blocks_become_lines_and_space_collapses() {
        let t = body_text(
            "<html><head><title>T</title><style>p{}</style></head><body><h1>Head  line</h1>\
             <p>One &amp; <b>two</b>\n   three.</p><ul><li>a</li><li>b<br>c</li></ul>\
             <script>var x = 1;</script><table><tr><td>x</td><td>y</td></tr></table></body></html>",
            false,
        );
        assert_eq!(t, "Head line\nOne & two three.\na\nb\nc\nx y");
    }

    #[test]
    fn furniture_is_dropped_when_asked() {
        let html = "<body><nav>Home News</nav><div class=\"related-links\">Other story</div>\
                    <p>Kept text.</p><footer>Copyright</footer><div role=\"banner\">B</div></body>";
        assert_eq!(body_text(html, true), "Kept text.");
        assert!(body_text(html, false).contains("Home News"));
    }

    #[test]
    fn markers_match_whole_parts_only() {
        // "ad" must not match "header-adjacent"? It matches parts split on '-':
        // "head" and "adjacent" are not markers, so the text stays.
        let html = "<body><div class=\"headline-adjacent\">Stays.</div><div class=\"ad\">Gone</div></body>";
        assert_eq!(body_text(html, true), "Stays.");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!("{}deep{}", "<div>".repeat(900), "</div>".repeat(900));
        assert_eq!(body_text(&html, false), "deep");
    }

    #[test]
    fn nesting_is_estimated_from_tags() {
        assert_eq!(
            nesting_estimate("<div><p>a<p>b<br><img/></div><div></div>"),
            2
        );
        assert_eq!(nesting_estimate(&"<span>".repeat(50)), 50);
        let deep = format!("{}a &amp; b{}", "<i>".repeat(5_000), "</i>".repeat(5_000));
        assert_eq!(fragment_text(&deep), "a & b");
        assert_eq!(crude_text("<p>x</p>\n<p>y &lt;z&gt;</p>"), "x\ny <z>");
        // Found by the robustness tests: comments, quoted `>` and scripts
        // left markup in the text.
        assert_eq!(
            crude_text(
                "<div><!--</div>-->a<b title=\"x>y\">b</b><script>if (1 > 0) {}</script> 3 < 4"
            ),
            "a b 3 < 4"
        );
    }

    #[test]
    fn fragments() {
        assert_eq!(fragment_text("<p>A</p><p>B &lt;C&gt;</p>"), "A\nB <C>");
        assert_eq!(fragment_text("plain"), "plain");
    }
}
