//! The embedded model's score on CoNLL-2003 eng.testa (the dev set), a
//! regression guard: it must stay above the target of 92 F1 minus
//! a little slack for retraining noise. Skipped when the data is absent.

use chronicle_ner::{corpus, tags};

#[test]
fn dev_f1_stays_above_91() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/conll2003/eng.testa"
    );
    let Ok(text) = corpus::read_text(std::path::Path::new(path)) else {
        println!("skipping: {path} not found");
        return;
    };
    let (mut gold, mut found, mut correct) = (0usize, 0usize, 0usize);
    for d in corpus::parse_conll(&text) {
        let pred = crate::tagger().tag_words(&d.words, d.sentences.clone());
        for r in &d.sentences {
            let g = tags::chunks(&d.tags[r.clone()]);
            let p = tags::chunks(&pred[r.clone()]);
            gold += g.len();
            found += p.len();
            correct += p.iter().filter(|c| g.contains(c)).count();
        }
    }
    let (p, r) = (correct as f64 / found as f64, correct as f64 / gold as f64);
    let f1 = 200.0 * p * r / (p + r);
    println!("eng.testa F1 {f1:.2}");
    assert!(f1 > 91.0, "dev F1 {f1:.2}");
}
