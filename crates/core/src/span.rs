use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::ops::Range;

/// Byte offsets `[start, end)` into a document's UTF-8 text.
///
/// Serialises as the two-element array `[start, end]` the spec uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Does this span lie wholly inside `other`?
    pub fn within(&self, other: Span) -> bool {
        other.start <= self.start && self.end <= other.end
    }

    /// Do the two spans share at least one byte?
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// This span moved right by `offset` bytes (from sentence- to
    /// document-relative offsets, say).
    pub fn shift(&self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }

    /// The text the span covers, or `None` when it is out of bounds or does
    /// not fall on character boundaries.
    pub fn text<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.range())
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(s)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Span, D::Error> {
        let [start, end] = <[usize; 2]>::deserialize(d)?;
        if start > end {
            return Err(serde::de::Error::custom(format!(
                "span [{start}, {end}] ends before it starts"
            )));
        }
        Ok(Span { start, end })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_shape_and_validation() {
        let s = Span::new(3, 9);
        assert_eq!(serde_json::to_string(&s).unwrap(), "[3,9]");
        assert_eq!(serde_json::from_str::<Span>("[3,9]").unwrap(), s);
        assert!(serde_json::from_str::<Span>("[9,3]").is_err());
    }

    #[test]
    fn text_respects_char_boundaries() {
        let t = "a “b” c";
        assert_eq!(Span::new(0, 1).text(t), Some("a"));
        assert_eq!(Span::new(2, 3).text(t), None);
        assert_eq!(Span::new(0, 99).text(t), None);
    }

    #[test]
    fn relations() {
        let a = Span::new(0, 10);
        assert!(Span::new(2, 5).within(a));
        assert!(!Span::new(8, 12).within(a));
        assert!(Span::new(8, 12).overlaps(a));
        assert!(!Span::new(10, 12).overlaps(a));
        assert_eq!(Span::new(1, 2).shift(10), Span::new(11, 12));
    }
}
