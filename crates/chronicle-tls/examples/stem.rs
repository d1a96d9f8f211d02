//! Prints `word stem` for each line of standard input (debugging aid for
//! `bench/tilse_check.sh`).
use std::io::BufRead as _;

fn main() {
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        println!("{} {}", line, chronicle_tls::metrics::porter::stem(&line));
    }
}
