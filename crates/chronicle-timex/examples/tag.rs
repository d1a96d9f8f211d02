//! `cargo run -p chronicle-timex --example tag -- 2017-03-02 "text"`: prints the timexes.

fn main() {
    let mut args = std::env::args().skip(1);
    let dct = args
        .next()
        .and_then(|d| d.parse::<chronicle_model::Date>().ok());
    let text = args.collect::<Vec<_>>().join(" ");
    for t in chronicle_timex::tag_text(&text, dct) {
        let m = t.modifier.map(|m| m.as_str()).unwrap_or("");
        println!(
            "{:?}\t{}\t{}\t{}",
            &text[t.span.range()],
            t.kind.as_str(),
            t.value,
            m
        );
    }
}
