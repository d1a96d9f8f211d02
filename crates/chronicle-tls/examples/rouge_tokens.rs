//! Prints ROUGE's tokens for each line of standard input (debugging aid for
//! `bench/tilse_check.sh`).
use std::io::BufRead as _;

fn main() {
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let t = chronicle_tls::metrics::rouge::tokens(&[line.as_str()]);
        println!("{} {}", t.len(), t.join(" "));
    }
}
