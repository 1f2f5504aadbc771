//! Arbitrary bytes through every reader never panic.

use proptest::prelude::*;
use tally_ingest::{read_bytes, Format, ReadOptions};

fn markupish() -> impl Strategy<Value = Vec<u8>> {
    let pieces = prop::sample::select(vec![
        "<",
        ">",
        "</",
        "<p>",
        "</p>",
        "<div>",
        "<rss>",
        "<channel>",
        "<item>",
        "<title>",
        "</item>",
        "<![CDATA[",
        "]]>",
        "&amp;",
        "&#x",
        ";",
        "<!ENTITY a \"b\">",
        "&a;",
        "{",
        "}",
        "\"text\":",
        "\"",
        ":",
        ",",
        "[",
        "]",
        "\n",
        "---\n",
        "title: x\n",
        "published: 2025-01-01\n",
        "word ",
        "<script type=\"application/ld+json\">",
        "</script>",
        "\u{feff}",
        "\r\n",
        "<?xml ?>",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat().into_bytes())
}

fn every_format(bytes: &[u8]) {
    let o = ReadOptions::default();
    for f in [
        None,
        Some(Format::Text),
        Some(Format::Html),
        Some(Format::JsonLines),
        Some(Format::Feed),
    ] {
        for r in read_bytes("p", bytes, f, &o) {
            match r {
                Ok(read) => assert!(!read.doc.text.trim().is_empty()),
                Err(e) => assert!(!e.to_string().contains('\n'), "one line: {e}"),
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        every_format(&bytes);
    }

    #[test]
    fn markup_like_bytes_never_panic(bytes in markupish()) {
        every_format(&bytes);
    }
}
