#![allow(dead_code)]
//! Helpers shared by the integration tests: small fixtures written by hand.

use std::path::Path;
use tally_ingest::{read_inputs, IngestError, Input, Read, ReadOptions};

pub fn write(dir: &Path, name: &str, content: impl AsRef<[u8]>) -> std::path::PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&p, content).unwrap();
    p
}

pub fn read_all(inputs: &[Input], opts: &ReadOptions) -> Vec<Result<Read, IngestError>> {
    read_inputs(inputs, opts).collect()
}

pub fn read_path(p: &Path) -> Vec<Result<Read, IngestError>> {
    read_all(&[Input::Path(p.to_path_buf())], &ReadOptions::default())
}

/// A news-like page with furniture around a made-up article.
pub const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Depot report | Test Gazette</title>
<meta property="og:title" content="Convoy reaches the depot">
<meta property="og:site_name" content="Test Gazette">
<meta property="og:url" content="https://gazette.test/news/convoy">
<meta property="article:published_time" content="2025-02-10T09:30:00+00:00">
<link rel="canonical" href="https://gazette.test/news/convoy">
<script type="application/ld+json">
{"@context":"https://schema.org","@graph":[
 {"@type":"WebPage","@id":"https://gazette.test/news/convoy"},
 {"@type":"NewsArticle","headline":"A convoy of forty trucks reached the depot",
  "datePublished":"2025-02-09T22:15:00+02:00",
  "author":[{"@type":"Person","name":"Pat Example"},{"@type":"Person","name":"Sam Sample"}],
  "publisher":{"@type":"NewsMediaOrganization","name":"The Test Gazette"}}]}
</script>
<style>.x{color:red}</style>
</head><body>
<header><nav class="site-nav"><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<main>
<article>
<h1>A convoy of forty trucks reached the depot</h1>
<p class="byline">By Pat Example</p>
<p>A convoy of forty trucks reached the supply depot on Sunday, officials in the region said, after a journey of several days along the coastal road.</p>
<p>The officials said the trucks carried &quot;spare parts &amp; fuel&quot; for the repair workshops, and that a second convoy of a similar size was being prepared for the coming week.</p>
<p>Local residents described a long line of vehicles moving slowly through the town during the night, with escorts at the front and at the back of the column.</p>
<ul><li>Forty trucks arrived.</li><li>A second convoy is planned.</li></ul>
<p>Neither side commented on the figures, which could not be checked independently.</p>
</article>
<aside class="related-stories"><h2>Related</h2><ul><li><a href="/a">Another story about the weather</a></li><li><a href="/b">Yet another story</a></li></ul></aside>
</main>
<div class="newsletter-signup">Sign up for our newsletter</div>
<footer><p>Copyright Test Gazette. All rights reserved.</p></footer>
</body></html>"#;
