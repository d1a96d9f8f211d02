//! Prints cluster paths of probe words (a development aid).
use chronicle_ner::cluster_build::{build, ClusterOptions};
fn main() {
    let data = std::path::Path::new("/work/shared/data");
    let mut streams = Vec::new();
    for f in ["timeline17/articles.jsonl.gz", "bbc-news/articles.jsonl.gz"] {
        let c = chronicle_ner::corpus::read_text(&data.join(f)).unwrap();
        for t in chronicle_ner::corpus::jsonl_texts(&c) {
            let toks = chronicle_text::tokenize(&t);
            streams.push(
                toks.iter()
                    .map(|x| t[x.span].to_string())
                    .collect::<Vec<_>>(),
            );
        }
    }
    let c = build(&streams, ClusterOptions::default());
    let mut depths = [0usize; 33];
    for w in [
        "Paris", "London", "Berlin", "Egypt", "Syria", "Obama", "Mubarak", "Smith", "Google",
        "Apple", "said", "told", "the", "Monday", "Tuesday", "John", "David", "Reuters", "CNN",
        "police", "army",
    ] {
        let (b, d) = c.get(w).unwrap_or((0, 0));
        println!("{w:10} {:0width$b} {d}", b, width = d as usize);
    }
    for w in streams.iter().flatten().take(200000) {
        if let Some((_, d)) = c.get(w) {
            depths[d as usize] += 1;
        }
    }
    println!("{:?}", depths);
}
