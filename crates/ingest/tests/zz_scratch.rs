use std::time::Instant;
#[test]
fn timing() {
    for depth in [1000usize, 3000, 6000] {
        let html = format!("<html><body>{}<p>Deep words.</p>{}</body></html>", "<div>".repeat(depth), "</div>".repeat(depth));
        let t = Instant::now();
        let d = dom_query::Document::from(html.as_str());
        let p = t.elapsed();
        let _ = d.select("p").length();
        let t = Instant::now();
        let mut r = dom_smoothie::Readability::new(html.as_str(), None, None).unwrap();
        let a = r.parse();
        println!("depth {depth}: parse {:?} readability {:?} ok={}", p, t.elapsed(), a.is_ok());
        let t = Instant::now();
        let reads = tally_ingest::read_bytes("x.html", html.as_bytes(), Some(tally_ingest::Format::Html), &Default::default());
        println!("  full {:?} {}", t.elapsed(), reads.len());
    }
}
