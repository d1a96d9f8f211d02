//! Development loop for the tagger without building the rest of the
//! workspace: `cargo run -p chronicle-timex --example tbaq_dev -- GOLD_DIR`
//! prints relaxed/value scores and one line per error. The official report
//! is `chronicle eval timeml GOLD_DIR` (chronicle-eval).

use std::path::{Path, PathBuf};

use chronicle_model::Stage;

fn collect(p: &Path, out: &mut Vec<PathBuf>) {
    if let Ok(rd) = std::fs::read_dir(p) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                collect(&p, out);
            } else if p.extension().is_some_and(|x| x == "tml") {
                out.push(p);
            }
        }
    }
}

/// With `TBAQ_CTX=1`, the text around an error (to judge it by eye).
fn context(text: &str, s: chronicle_model::Span) -> String {
    if std::env::var_os("TBAQ_CTX").is_none() {
        return String::new();
    }
    let mut a = (s.start as usize).saturating_sub(120);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (s.end as usize + 80).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    format!(
        "\n\t\t{}[[{}]]{}",
        text[a..s.start as usize].replace('\n', " "),
        &text[s.range()],
        text[s.end as usize..b].replace('\n', " ")
    )
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/tempeval3/TBAQ-cleaned".into());
    let mut files = Vec::new();
    collect(Path::new(&dir), &mut files);
    files.sort();
    let tagger = chronicle_timex::TimexTagger::new();
    // Counts per part (the directory under GOLD_DIR) and overall, so the
    // TimeBank/AQUAINT split is visible without building the CLI.
    let mut parts: Vec<(String, [usize; 8])> = Vec::new();
    for f in &files {
        let part = f
            .strip_prefix(&dir)
            .ok()
            .and_then(|r| r.components().next())
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .unwrap_or_default();
        let (mut gold_n, mut sys_n, mut srel, mut grel, mut strict, mut pairs, mut vok, mut tok) =
            (0, 0, 0, 0, 0, 0, 0, 0);
        let content = std::fs::read_to_string(f).unwrap_or_default();
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Ok(file) = chronicle_ingest::timeml::read_timeml(&name, &content) else {
            continue;
        };
        let mut doc = file.doc;
        chronicle_text::Segmenter.annotate(&mut doc);
        tagger.annotate(&mut doc);
        let text = &doc.text;
        let trim = |s: chronicle_model::Span| {
            let t = &text[s.range()];
            let a = s.start as usize + (t.len() - t.trim_start().len());
            let b = s.end as usize - (t.len() - t.trim_end().len());
            chronicle_model::Span::new(a, b.max(a))
        };
        let g: Vec<_> = file.timexes.iter().map(|t| trim(t.span)).collect();
        let s: Vec<_> = doc.timexes.iter().map(|t| trim(t.span)).collect();
        gold_n += g.len();
        sys_n += s.len();
        for (k, ss) in s.iter().enumerate() {
            if g.iter().any(|x| x.overlaps(*ss)) {
                srel += 1;
            } else {
                let t = &doc.timexes[k];
                println!(
                    "spurious\t{name}\t{:?} {} {}{}",
                    &text[ss.range()],
                    t.kind.as_str(),
                    t.value,
                    context(text, *ss)
                );
            }
        }
        let mut used = vec![false; s.len()];
        for (k, gs) in g.iter().enumerate() {
            let gt = &file.timexes[k];
            let Some(j) = (0..s.len()).find(|&j| !used[j] && s[j].overlaps(*gs)) else {
                if s.iter().any(|x| x.overlaps(*gs)) {
                    grel += 1;
                } else {
                    println!(
                        "missed\t{name}\t{:?} {} {}{}",
                        &text[gs.range()],
                        gt.kind.as_str(),
                        gt.value,
                        context(text, *gs)
                    );
                }
                continue;
            };
            used[j] = true;
            grel += 1;
            pairs += 1;
            let st = &doc.timexes[j];
            if s[j] == *gs {
                strict += 1;
            } else {
                println!(
                    "extent\t{name}\tgold {:?} sys {:?}",
                    &text[gs.range()],
                    &text[s[j].range()]
                );
            }
            if st.value == gt.value {
                vok += 1;
            } else {
                let dct = doc.date.map(|d| d.to_string()).unwrap_or_default();
                println!(
                    "value\t{name}\t{:?} gold {} sys {} (dct {dct}){}",
                    &text[gs.range()],
                    gt.value,
                    st.value,
                    context(text, *gs)
                );
            }
            if st.kind == gt.kind {
                tok += 1;
            } else {
                println!(
                    "type\t{name}\t{:?} gold {} sys {}",
                    &text[gs.range()],
                    gt.kind.as_str(),
                    st.kind.as_str()
                );
            }
        }
        let counts = [gold_n, sys_n, srel, grel, strict, pairs, vok, tok];
        match parts.iter_mut().find(|(p, _)| *p == part) {
            Some((_, c)) => c.iter_mut().zip(counts).for_each(|(a, b)| *a += b),
            None => parts.push((part, counts)),
        }
    }
    let mut all = [0usize; 8];
    for (part, c) in &parts {
        all.iter_mut().zip(c).for_each(|(a, b)| *a += b);
        if parts.len() > 1 {
            println!("PART {part}: {}", score(c));
        }
    }
    println!("SCORE {}", score(&all));
}

/// TempEval-3 measures from pooled counts
/// `[gold, sys, sys_relaxed_hits, gold_relaxed_hits, strict, pairs, value_ok, type_ok]`.
fn score(c: &[usize; 8]) -> String {
    let [gold_n, sys_n, srel, grel, strict, pairs, vok, tok] = *c;
    let p = srel as f64 / sys_n as f64;
    let r = grel as f64 / gold_n as f64;
    let f = 2.0 * p * r / (p + r);
    let sp = strict as f64 / sys_n as f64;
    let sr = strict as f64 / gold_n as f64;
    format!(
        "strict F1 {:.2} relaxed P {:.2} R {:.2} F1 {:.2} value F1 {:.2} type F1 {:.2}",
        200.0 * sp * sr / (sp + sr),
        100.0 * p,
        100.0 * r,
        100.0 * f,
        100.0 * f * vok as f64 / pairs as f64,
        100.0 * f * tok as f64 / pairs as f64
    )
}
