// Temporary debugging aid (to be removed).
use chronicle_model::Doc;
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let pat = std::env::args().nth(2).unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let pipe = match chronicle_annotate::pipeline(chronicle_annotate::Layers::ALL) { Ok(p) => p, Err(_) => return };
    let mut doc = Doc::new("x", None, text.clone());
    pipe.annotate(&mut doc);
    for q in &doc.quotes {
        let s = &text[q.span.start as usize..q.span.end as usize];
        if !pat.is_empty() && !s.contains(&pat) { continue; }
        let sp = q.speaker_span.map(|x| &text[x.start as usize..x.end as usize]);
        println!("{:?} parts={} spk={:?} span={:?} cue={:?} :: {}", q.kind, q.parts.len(), q.speaker, sp, q.cue, s.chars().take(80).collect::<String>());
    }
    if let Some(w) = std::env::args().nth(3) { if let Some(at) = text.find(&w) {
        let (a,b)=(at.saturating_sub(10), at+w.len()+10);
        let toks: Vec<String> = doc.tokens.iter().filter(|t| (t.span.start as usize)>=a && (t.span.end as usize)<=b).map(|t| format!("{:?}", &text[t.span.start as usize..t.span.end as usize])).collect();
        println!("TOKS {}", toks.join(" "));
        for e in &doc.entities { if (e.span.start as usize)>=a && (e.span.end as usize)<=b { println!("ENT {:?} {:?}", e.label, &text[e.span.start as usize..e.span.end as usize]); } }
    }}
}
