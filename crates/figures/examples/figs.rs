//! Prints the figures of each argument: `cargo run -p tally-figures --example figs -- "text"`.

fn main() {
    for text in std::env::args().skip(1) {
        for f in tally_figures::find_figures(&text) {
            println!(
                "{:?} value={} max={:?} bound={} unit={} measure={:?}",
                &text[f.span.range()],
                f.value,
                f.max,
                f.bound,
                f.unit,
                f.measure
            );
        }
    }
}
