//! `cargo run -p chronicle-timex --example tag -- 2017-03-02 "text"`: prints the timexes.
//! With `-` as the only argument, reads documents from stdin: each starts with a line
//! `@@ YYYY-MM-DD` and runs to the next such line (one process for many texts).

use std::io::Read;

fn print(text: &str, dct: Option<chronicle_model::Date>) {
    for t in chronicle_timex::tag_text(text, dct) {
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

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() == 1 && args[0] == "-" {
        let mut all = String::new();
        if std::io::stdin().read_to_string(&mut all).is_err() {
            eprintln!("cannot read stdin");
            return;
        }
        for doc in all.split("@@ ").filter(|d| !d.is_empty()) {
            let (head, text) = doc.split_once('\n').unwrap_or((doc, ""));
            let dct = head.trim().parse::<chronicle_model::Date>().ok();
            println!("@@ {}", head.trim());
            print(text, dct);
        }
        return;
    }
    let mut args = args.into_iter();
    let dct = args
        .next()
        .and_then(|d| d.parse::<chronicle_model::Date>().ok());
    let text = args.collect::<Vec<_>>().join(" ");
    print(&text, dct);
}
