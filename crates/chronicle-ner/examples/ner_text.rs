//! Prints the tokens, tags and entities of the text given as arguments (a development aid).
use chronicle_model::{Doc, Stage};
fn main() {
    let text = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    let mut doc = Doc::new("x", None, text.as_str());
    chronicle_text::Segmenter.annotate(&mut doc);
    let Ok(t) = chronicle_ner::NerTagger::load_default() else {
        return;
    };
    t.annotate(&mut doc);
    let tags = chronicle_ner::iob2_tags(&doc);
    for (tok, tag) in doc.tokens.iter().zip(tags) {
        print!("{}/{} ", doc.slice(tok.span), tag);
    }
    println!();
    for e in &doc.entities {
        println!(
            "{} {} [{}]",
            doc.slice(e.span),
            e.label.as_str(),
            e.canonical
        );
    }
}
