//! Attributions: who said each quotation, and indirect (reported) speech.
//!
//! A direct quotation's cue and source are looked for right after its
//! closing mark (`," he said`, `," said Pelosi`) and right before its opening
//! mark (`Sessions said: "`, `according to X, "`), never further than the
//! clause around it. A quotation with no cue of its own continues the
//! previous speaker's when it opens a sentence or paragraph after them.
//! Indirect speech is a cue verb with a subject mention and a clause after
//! it (`X said (that) …`) or before it (`…, X said.`).

use crate::coref::{Coref, Kind};
use crate::lexicon::{self, Pronoun};
use crate::marks::Region;
use crate::view::View;
use chronicle_model::{QuoteKind, Span};

#[derive(Debug, Clone)]
pub struct Attribution {
    pub parts: Vec<Span>,
    /// Content tokens (first..last of all parts).
    pub toks: (usize, usize),
    pub kind: QuoteKind,
    pub speaker_mention: Option<usize>,
    pub speaker: Option<String>,
    pub cluster: Option<usize>,
    pub cue: String,
    pub cue_span: Option<Span>,
}

struct Cue {
    /// First and one-past-last token of the cue ("according to" is two).
    toks: (usize, usize),
    speaker: Option<usize>,
}

/// The last named speech, for quotations that continue it.
struct LastSpeech {
    para: u32,
    cluster: Option<usize>,
    name: Option<String>,
    cue: String,
    /// The source mention that introduced the speech.
    mention: Option<usize>,
}

pub fn attribute(v: &View, regions: &[Region], co: &Coref) -> Vec<Attribution> {
    let mut out: Vec<Attribution> = Vec::new();
    let mut used_cue = vec![false; v.len()];
    let mut consumed = vec![false; regions.len()];
    // The last named speaker, for quotations that continue a speech.
    let mut last: Option<LastSpeech> = None;
    let mut frame_end: Option<usize> = None;
    for ri in 0..regions.len() {
        if consumed[ri] {
            continue;
        }
        let r = &regions[ri];
        let next_open = regions.get(ri + 1).map_or(v.len(), |x| x.open);
        let prev_close = if ri > 0 { regions[ri - 1].close + 1 } else { 0 };
        let after = if r.closed {
            after_cue(v, co, r, next_open)
        } else {
            None
        };
        let before = before_cue(v, co, r, prev_close);
        let ends_open = ends_open(v, r);
        let chosen = match (after, before) {
            (Some(a), Some(b)) => Some(if ends_open { a } else { b }),
            (Some(a), None) => Some(a),
            (None, Some(b)) => Some(b),
            (None, None) => None,
        };
        let mut parts = vec![r.span];
        let mut toks = r.toks;
        if let Some(c) = &chosen {
            if c.toks.0 > r.close {
                // "A," he said, "B." — the next quotation continues this one.
                if let Some(r2) = regions.get(ri + 1) {
                    let frame_end = c
                        .toks
                        .1
                        .max(c.speaker.map(|m| co.mentions[m].toks.1).unwrap_or(0));
                    let extra_ok = (frame_end..r2.open).all(|k| {
                        let w = v.low(k);
                        co.mention_at(k).is_none()
                            && lexicon::cue(w).is_none()
                            && !w.ends_with("ing")
                    }) && (frame_end..r2.open).filter(|&k| v.is_word(k)).count()
                        <= 4;
                    let gap_ok = r2.open > c.toks.1
                        && extra_ok
                        && r2.open <= c.toks.1 + 8
                        && matches!(v.low(r2.open - 1), "," | ":" | "\u{2014}" | "--")
                        && v.para[r2.open] == v.para[r.close]
                        && !(r.close + 1..r2.open).any(|k| v.is_terminal(k));
                    if gap_ok {
                        parts.push(r2.span);
                        toks.1 = r2.toks.1;
                        consumed[ri + 1] = true;
                    }
                }
            }
        }
        let para = v.para[r.open];
        match chosen {
            Some(c) => {
                for u in &mut used_cue[c.toks.0..c.toks.1] {
                    *u = true;
                }
                let (speaker, cluster) =
                    speaker_of(v, co, c.speaker, last.as_ref().and_then(|l| l.cluster));
                let cue = cue_text(v, c.toks);
                let mention = c.speaker.map(|m| co.head(m));
                last = Some(LastSpeech {
                    para,
                    cluster,
                    name: speaker.clone(),
                    cue: cue.clone(),
                    mention,
                });
                // Where the frame ends when it follows the quotation: a next
                // quotation right after it continues this attribution.
                frame_end = if c.toks.0 > r.close && parts.len() == 1 {
                    let sp_end = c.speaker.map(|m| co.mentions[m].toks.1).unwrap_or(0);
                    // The frame runs to the end of its sentence (`he told Fox News.`).
                    let mut fe = c.toks.1.max(sp_end);
                    let stop = (fe + 16).min(v.len());
                    let mut e = fe;
                    while e < stop
                        && v.mark(e).is_none()
                        && !v.is_terminal(e)
                        && lexicon::cue(v.low(e)).is_none()
                    {
                        e += 1;
                    }
                    if e < stop && v.is_terminal(e) {
                        fe = e;
                    }
                    Some(fe)
                } else {
                    None
                };
                out.push(Attribution {
                    parts,
                    toks,
                    kind: QuoteKind::Direct,
                    speaker_mention: c.speaker.map(|m| co.head(m)),
                    speaker,
                    cluster,
                    cue,
                    cue_span: Some(v.cover(c.toks.0, c.toks.1)),
                });
            }
            None => {
                let opens_sentence = r.open == 0
                    || v.para_start(r.open)
                    || v.toks[r.open].has(chronicle_model::Token::LINE_START)
                    || v.is_terminal(r.open - 1)
                    || matches!(v.low(r.open - 1), ":" | "\u{201d}" | "\"");
                let words = r.toks.1 - r.toks.0;
                // `"A," he said. "B."`: one attribution, content in several parts.
                if let Some(fe) =
                    frame_end.filter(|&fe| fe <= r.open && v.para[fe.saturating_sub(1)] == para)
                {
                    if (fe..r.open).all(|k| !v.is_word(k) && v.mark(k).is_none()) {
                        if let Some(prev) = out.last_mut() {
                            prev.parts.push(r.span);
                            prev.toks.1 = r.toks.1;
                            frame_end = None;
                            continue;
                        }
                    }
                }
                if opens_sentence {
                    // A continuation of the previous speaker's words.
                    let cont = last.as_ref().filter(|l| para <= l.para + 2);
                    // The continuation's source is the mention that introduced
                    // the speech, as in `"A," he said. "B." ¶ "C."`.
                    let (speaker, cluster, cue, mention) = match cont {
                        Some(l) => (l.name.clone(), l.cluster, l.cue.clone(), l.mention),
                        None => (None, None, String::new(), None),
                    };
                    frame_end = None;
                    if words >= 3 || speaker.is_some() {
                        out.push(Attribution {
                            parts,
                            toks,
                            kind: QuoteKind::Direct,
                            speaker_mention: mention,
                            speaker,
                            cluster,
                            cue,
                            cue_span: None,
                        });
                    }
                } else if let Some(c) = clause_cue(v, co, r, prev_close, &used_cue) {
                    // `Trump called the report "fake news"`: the quotation is the
                    // object of a cue earlier in the clause.
                    frame_end = None;
                    for u in &mut used_cue[c.toks.0..c.toks.1] {
                        *u = true;
                    }
                    let (speaker, cluster) = speaker_of(v, co, c.speaker, None);
                    out.push(Attribution {
                        parts,
                        toks,
                        kind: QuoteKind::Direct,
                        speaker_mention: c.speaker.map(|m| co.head(m)),
                        speaker,
                        cluster,
                        cue: cue_text(v, c.toks),
                        cue_span: Some(v.cover(c.toks.0, c.toks.1)),
                    });
                }
            }
        }
    }
    indirect(v, co, regions, &mut used_cue, &mut out);
    out.sort_by_key(|a| (a.parts[0].start, a.parts[0].end));
    out
}

/// The canonical speaker of a source mention; first person inside the
/// quotation's own frame is not possible, so only third-person pronouns
/// resolve (with the previous speaker as a hint when the pronoun is unresolved).
fn speaker_of(
    v: &View,
    co: &Coref,
    m: Option<usize>,
    hint: Option<usize>,
) -> (Option<String>, Option<usize>) {
    let Some(m) = m else { return (None, None) };
    let m = co.head(m);
    let cluster = co.cluster_of(m).or(match co.mentions[m].kind {
        Kind::Pronoun(Pronoun::He | Pronoun::She) => hint,
        _ => None,
    });
    match cluster {
        Some(c) => (Some(co.clusters[c].canonical.clone()), Some(c)),
        None => (co.name_of(v, m), None),
    }
}

fn cue_text(v: &View, toks: (usize, usize)) -> String {
    let mut s = String::new();
    for k in toks.0..toks.1 {
        if k > toks.0 {
            s.push(' ');
        }
        s.push_str(v.low(k));
    }
    s
}

/// The content ends with a comma or a question/exclamation mark: the
/// sentence goes on after the closing mark.
fn ends_open(v: &View, r: &Region) -> bool {
    // Look past a closing single quote (`… the 'Title Sponsor,' "`).
    let mut e = r.toks.1;
    while e > r.toks.0 + 1 && matches!(v.raw(e - 1), "'" | "\u{2019}") {
        e -= 1;
    }
    let last = v.low(e.saturating_sub(1));
    matches!(last, "," | "?" | "!" | "\u{2014}" | "--" | "-")
        || (r.close + 1 < v.len() && v.low(r.close + 1) == ",")
}

/// A cue in the clause after the closing mark.
fn after_cue(v: &View, co: &Coref, r: &Region, next_open: usize) -> Option<Cue> {
    let start = r.close + 1;
    let limit = next_open.min(start + 10).min(v.len());
    if start >= limit || v.para[start] != v.para[r.close] {
        return None;
    }
    let content_end = v.low(r.toks.1.saturating_sub(1));
    let open = ends_open(v, r);
    // A capitalised pronoun after a full stop opens a new sentence
    // (`"… the state level." It's unclear whether …`), not a frame.
    let first_lower = v.is_word(start) && !v.is_cap(start)
        || lexicon::pronoun(v.low(start)).is_some() && !matches!(content_end, "." | "\u{2026}");
    // The source right after the mark (`," Morton Blackwell, the …, said`),
    // with any verb after it as the cue (`," he went on`, `," the judge exclaimed`).
    // `"…" ― Pamela Padilla`: a dash and a name close the quotation.
    if matches!(
        v.low(start),
        "\u{2015}" | "\u{2014}" | "\u{2013}" | "--" | "-"
    ) {
        if let Some(m) = co
            .mention_at(start + 1)
            .filter(|&m| co.mentions[m].toks.0 == start + 1)
        {
            return Some(Cue {
                toks: (start, start + 1),
                speaker: Some(co.head(m)),
            });
        }
    }
    if v.is_word(start)
        && !v.is_cap(start)
        && v.low(start).ends_with("ed")
        && lexicon::cue(v.low(start)).is_none()
    {
        if let Some(m) = co
            .mention_at(start + 1)
            .filter(|&m| co.mentions[m].toks.0 == start + 1)
        {
            let e = co.mentions[m].toks.1;
            if v.is_terminal(e) || v.low(e) == "," {
                return Some(Cue {
                    toks: (start, start + 1),
                    speaker: Some(co.head(m)),
                });
            }
        }
    }
    let mut lead = if v.low(start) == "," {
        start + 1
    } else {
        start
    };
    // `," an angry Hollande retaliated`: a determiner and adjectives before the name.
    // `," Rep. Gwen Moore (D-Wis.) said`: titles the name run left out.
    if co.mention_at(lead).is_none() {
        let mut k = lead;
        while k < lead + 5
            && co.mention_at(k).is_none()
            && (v.is_word(k)
                || v.toks
                    .get(k)
                    .is_some_and(|t| t.kind == chronicle_model::TokenKind::Number))
            && (matches!(v.low(k), "a" | "an" | "the")
                || lexicon::title_word(v.low(k))
                || !lexicon::capitalised_function_word(v.low(k)))
            && lexicon::cue(v.low(k)).is_none()
        {
            k += 1;
        }
        if co
            .mention_at(k)
            .is_some_and(|m| matches!(co.mentions[m].kind, Kind::Name))
        {
            lead = k;
        }
    }
    if let Some(m) = co
        .mention_at(lead)
        .filter(|&m| co.mentions[m].toks.0 == lead)
    {
        let m = co.head(m);
        let mut k = co.mentions[m].toks.1;
        let far = (k + 25).min(next_open).min(v.len());
        let mut depth = 0usize;
        while k < far {
            let w = v.low(k);
            if v.para[k] != v.para[r.close] || v.ends_sentence(k) && depth == 0 || w == ";" {
                break;
            }
            if w == "(" {
                depth += 1;
            } else if w == ")" {
                depth = depth.saturating_sub(1);
            }
            let appositive = k > co.mentions[m].toks.1
                && (k..k + 1).any(|_| {
                    v.low(co.mentions[m].toks.1) == "," || v.low(co.mentions[m].toks.1) == "("
                });
            let verbish = v.is_word(k)
                && !v.is_cap(k)
                && co.mention_at(k).is_none()
                && lexicon::pronoun(w).is_none()
                && !lexicon::verb_filler(w)
                && !w.ends_with("ly")
                && !lexicon::capitalised_function_word(w);
            if depth == 0
                && (lexicon::quote_introducer(w)
                    || (verbish
                        && (k == co.mentions[m].toks.1 || (appositive && v.low(k - 1) == ","))
                        && (open || first_lower)))
            {
                if !open && !first_lower && k > co.mentions[m].toks.1 + 1 {
                    return None;
                }
                let mut e = k + 1;
                if w == "went" && v.low(e) == "on" {
                    e += 1;
                }
                // After a finished sentence, `She adds, "…"` introduces the next quotation.
                if !(open
                    || first_lower
                    || v.is_terminal(e)
                    || e >= v.len()
                    || v.para[e] != v.para[k])
                {
                    return None;
                }
                return Some(Cue {
                    toks: (k, e),
                    speaker: Some(m),
                });
            }
            if !appositive
                && k == co.mentions[m].toks.1
                && !matches!(w, "," | "(")
                && !lexicon::verb_filler(w)
                && !w.ends_with("ly")
            {
                // `" a Democratic staffer in the room wondered`: a known cue a few words on.
                let stop = (k + 8).min(far);
                if open || first_lower {
                    if let Some(c) = (k..stop)
                        .take_while(|&j| v.is_word(j) && v.mark(j).is_none())
                        .find(|&j| {
                            lexicon::quote_introducer(v.low(j)) && co.mention_at(j).is_none()
                        })
                    {
                        if (k..c).all(|j| {
                            co.mention_at(j)
                                .is_none_or(|x| !matches!(co.mentions[x].kind, Kind::Pronoun(_)))
                        }) {
                            return Some(Cue {
                                toks: (c, c + 1),
                                speaker: Some(m),
                            });
                        }
                    }
                }
                break;
            }
            k += 1;
        }
    }
    let mut k = start;
    while k < limit {
        // The full stop of a party tag (`McConnell, R-Ky., said`) ends no sentence.
        let terminal = v.is_terminal(k) && !(k > 0 && v.is_party_tag(k - 1));
        if v.para[k] != v.para[r.close] || terminal || matches!(v.low(k), ";" | "(") {
            return None;
        }
        let w = v.low(k);
        if w == "according" && v.low(k + 1) == "to" {
            let sp = co.mention_at(k + 2);
            return Some(Cue {
                toks: (k, k + 2),
                speaker: sp,
            });
        }
        if lexicon::quote_introducer(w) && co.mention_at(k).is_none() {
            let speaker = subject_before(v, co, k, start).or_else(|| object_after(v, co, k));
            speaker?;
            // After a full stop inside the quote, the frame must be short and end the sentence.
            if !open && !first_lower {
                let sm = speaker
                    .map(|m| co.mentions[m].toks.1)
                    .unwrap_or(k + 1)
                    .max(k + 1);
                if !(v.is_terminal(sm) || v.low(sm) == ",") || k > start + 4 {
                    return None;
                }
            }
            if !open && matches!(content_end, "." | "\u{2026}") && k > start + 5 {
                return None;
            }
            return Some(Cue {
                toks: (k, k + 1),
                speaker,
            });
        }
        k += 1;
    }
    None
}

/// A cue in the clause before the opening mark, introducing it.
fn before_cue(v: &View, co: &Coref, r: &Region, lo: usize) -> Option<Cue> {
    if r.open == 0 {
        return None;
    }
    let mut j = r.open - 1;
    // The mark must follow an introducer: ":", ",", "that", or the cue itself.
    let intro = v.low(j);
    let colon = intro == ":";
    if matches!(intro, ":" | "," | "that" | "\u{2014}" | "--") {
        if j == 0 {
            return None;
        }
        j -= 1;
    } else if lexicon::quote_introducer(intro) || intro == "to" {
        // `X said "…"` or `according to "…"`
    } else {
        return None;
    }
    let floor = lo.max(r.open.saturating_sub(30));
    let sent = v.sent[r.open - 1];
    let mut k = j + 1;
    let mut steps = 0;
    let mut fallback: Option<Cue> = None;
    while k > floor && steps < 14 {
        k -= 1;
        steps += 1;
        if v.sent[k] != sent && !colon {
            break;
        }
        if v.is_terminal(k) || co.in_quote[k] {
            break;
        }
        let w = v.low(k);
        if w == "according" && v.low(k + 1) == "to" {
            return Some(Cue {
                toks: (k, k + 2),
                speaker: co.mention_at(k + 2),
            });
        }
        if lexicon::quote_introducer(w) && co.mention_at(k).is_none() {
            let participle = w.ends_with("ing") && k > 0 && v.low(k - 1) == ",";
            let speaker = if participle {
                // `Spicer said, adding, "…"`: the subject of the cue before the comma.
                let prior = (k >= 2 && lexicon::cue(v.low(k - 2)).is_some())
                    .then(|| {
                        subject_before(v, co, k - 2, floor).or_else(|| object_after(v, co, k - 2))
                    })
                    .flatten();
                prior.or_else(|| clause_subject(v, co, k - 1, floor))
            } else {
                None
            };
            let speaker = speaker
                .or_else(|| subject_before(v, co, k, floor))
                .or_else(|| object_after(v, co, k).filter(|&m| co.mentions[m].toks.1 <= r.open));
            if speaker.is_some() {
                return Some(Cue {
                    toks: (k, k + 1),
                    speaker,
                });
            }
            // A cue without a subject ("in a written statement"): an earlier one may have it.
            if fallback.is_none() {
                fallback = Some(Cue {
                    toks: (k, k + 1),
                    speaker,
                });
            }
        }
    }
    if fallback.is_some() {
        return fallback;
    }
    if !matches!(intro, ":" | ",") {
        return None;
    }
    // `Hillary shot back, "…"`: a mention and one to three verb words before the comma.
    let mut k = j + 1;
    let mut words = 0;
    while k > floor && words < 3 {
        k -= 1;
        if let Some(m) = co.mention_at(k) {
            let m = co.head(m);
            if words > 0
                && v.is_word(k + 1)
                && !v.is_cap(k + 1)
                && !matches!(co.mentions[m].kind, Kind::Pronoun(Pronoun::I))
                && !co.in_quote[k]
            {
                return Some(Cue {
                    toks: (k + 1, j + 1),
                    speaker: Some(m),
                });
            }
            break;
        }
        if !v.is_word(k)
            || v.is_cap(k)
            || lexicon::capitalised_function_word(v.low(k))
                && !matches!(v.low(k), "back" | "out" | "up" | "on")
        {
            break;
        }
        words += 1;
    }
    if colon {
        // `Carl Bialik: "…"`, or the subject of the clause the colon ends.
        if let Some(m) = co
            .mention_at(j)
            .filter(|_| j + 1 == r.open - 1 || v.low(j + 1) == ":")
        {
            let m = co.head(m);
            if !co.in_quote[j] {
                return Some(Cue {
                    toks: (j + 1, j + 2),
                    speaker: Some(m),
                });
            }
        }
        let mut k = j + 1;
        let mut first = None;
        while k > floor {
            k -= 1;
            if v.sent[k] != v.sent[j] || co.in_quote[k] || v.is_terminal(k) {
                break;
            }
            if let Some(m) = co.mention_at(k) {
                // The earliest mention that is not a prepositional object.
                let m = co.head(m);
                let prev = co.mentions[m]
                    .toks
                    .0
                    .checked_sub(1)
                    .map(|p| v.low(p))
                    .unwrap_or("");
                if !matches!(
                    prev,
                    "with"
                        | "to"
                        | "by"
                        | "from"
                        | "of"
                        | "for"
                        | "about"
                        | "among"
                        | "in"
                        | "on"
                        | "at"
                ) {
                    first = Some(m);
                }
                k = co.mentions[co.mention_at(k).unwrap_or(m)].toks.0.min(k);
            }
        }
        if let Some(m) = first {
            let prev = co.mentions[m]
                .toks
                .0
                .checked_sub(1)
                .map(|p| v.low(p))
                .unwrap_or("");
            if !matches!(prev, "with" | "to" | "by" | "from" | "of" | "for")
                && !matches!(co.mentions[m].kind, Kind::Pronoun(Pronoun::I | Pronoun::We))
            {
                return Some(Cue {
                    toks: (j + 1, j + 2),
                    speaker: Some(m),
                });
            }
        }
    }
    None
}

/// The first mention of the sentence before token `end` that is not a
/// prepositional object: the subject of the main clause (`Trump returned
/// the compliment to Adelson, telling Reuters, "…"`).
fn clause_subject(v: &View, co: &Coref, end: usize, floor: usize) -> Option<usize> {
    let s = v.sent[end];
    let mut k = end;
    let mut first = None;
    while k > floor {
        k -= 1;
        if v.sent[k] != s || co.in_quote[k] || v.is_terminal(k) {
            break;
        }
        if let Some(own) = co.mention_at(k) {
            let m = co.head(own);
            let a = co.mentions[m].toks.0;
            let prev = a.checked_sub(1).map(|p| v.low(p)).unwrap_or("");
            if !matches!(
                prev,
                "with" | "to" | "by" | "from" | "of" | "for" | "in" | "on" | "at" | "about"
            ) && !matches!(co.mentions[m].kind, Kind::Pronoun(Pronoun::I | Pronoun::We))
                && !matches!(v.low(a), "him" | "them" | "her")
            {
                first = Some(m);
            }
            // Jump to the start of the mention itself (an apposition's head may lie after it).
            k = co.mentions[own].toks.0.min(k);
        }
    }
    first
}

/// A cue earlier in the same clause when the quotation is its object.
fn clause_cue(v: &View, co: &Coref, r: &Region, lo: usize, used: &[bool]) -> Option<Cue> {
    let sent = v.sent[r.open];
    let floor = lo.max(r.open.saturating_sub(25));
    let mut k = r.open;
    while k > floor {
        k -= 1;
        if v.sent[k] != sent || co.in_quote[k] || v.is_terminal(k) {
            break;
        }
        let w = v.low(k);
        if lexicon::cue(w).is_some() && !used[k] && co.mention_at(k).is_none() {
            let speaker = subject_before(v, co, k, floor)?;
            return Some(Cue {
                toks: (k, k + 1),
                speaker: Some(speaker),
            });
        }
    }
    None
}

/// The subject of the cue at `cue`: the mention just before it, past
/// auxiliaries, adverbs, a parenthetical and one apposition comma.
pub fn subject_before(v: &View, co: &Coref, cue: usize, lo: usize) -> Option<usize> {
    let mut k = cue;
    let mut steps = 0;
    let mut commas = 0;
    while k > lo && steps < 8 {
        k -= 1;
        steps += 1;
        if co.in_quote[k] {
            return None;
        }
        if let Some(m) = co.mention_at(k) {
            let m = co.head(m);
            // An object pronoun or a possessor is not a subject.
            let w = v.low(co.mentions[m].toks.0);
            if matches!(w, "him" | "them" | "me" | "us") {
                return None;
            }
            if v.low(co.mentions[m].toks.1) == "'s" {
                return None;
            }
            return Some(m);
        }
        let w = v.low(k);
        if w == ")" {
            let mut p = k;
            while p > lo && p + 10 > k && v.low(p) != "(" {
                p -= 1;
            }
            if v.low(p) == "(" {
                k = p;
                continue;
            }
            return None;
        }
        if w == "," && commas == 0 {
            commas += 1;
            // `Mitch McConnell, R-Ky., said`: skip the party tag and its comma.
            let mut t = k;
            if t > lo && v.low(t - 1) == "." {
                t -= 1;
            }
            if t > lo && v.is_party_tag(t - 1) && t >= lo + 2 && v.low(t - 2) == "," {
                k = t - 2;
                continue;
            }
            // `Trump, who has 9 million followers, tweeted`: jump over the clause.
            let mut p = k;
            while p > lo && p + 16 > k {
                p -= 1;
                if co.in_quote[p] || v.is_terminal(p) {
                    break;
                }
                if v.low(p) == ","
                    && matches!(
                        v.low(p + 1),
                        "who"
                            | "which"
                            | "whose"
                            | "speaking"
                            | "asked"
                            | "according"
                            | "in"
                            | "at"
                            | "on"
                            | "during"
                            | "after"
                            | "before"
                            | "while"
                            | "when"
                            | "also"
                            | "a"
                            | "an"
                            | "the"
                    )
                {
                    // `…, after winning Ohio, Gov. John Kasich (R-OH), said`: after an
                    // adverbial clause, a person's name set off by commas is the subject.
                    let adverbial =
                        !matches!(v.low(p + 1), "who" | "which" | "whose" | "a" | "an" | "the");
                    if p > lo
                        && co.mention_at(p - 1).is_some()
                        && !(adverbial && set_off_person(v, co, k, p + 1))
                    {
                        k = p;
                        steps = 0;
                    }
                    break;
                }
            }
            continue;
        }
        if lexicon::verb_filler(w) || (w.len() > 4 && w.ends_with("ly") && v.is_word(k)) {
            continue;
        }
        return None;
    }
    None
}

/// Whether the tokens before the comma at `comma` are a person's name (past
/// a parenthetical party tag) that itself follows a comma.
fn set_off_person(v: &View, co: &Coref, comma: usize, lo: usize) -> bool {
    let mut e = comma;
    if e > lo && v.low(e - 1) == ")" {
        let mut p = e - 1;
        while p > lo && p + 6 > e && v.low(p) != "(" {
            p -= 1;
        }
        if v.low(p) != "(" {
            return false;
        }
        e = p;
    }
    let Some(m) = e.checked_sub(1).and_then(|t| co.mention_at(t)) else {
        return false;
    };
    let men = &co.mentions[m];
    if men.toks.1 != e || !matches!(men.kind, Kind::Name) {
        return false;
    }
    let person = co
        .cluster_of(m)
        .is_some_and(|c| co.clusters[c].label == crate::coref::Label::Per);
    let mut a = men.toks.0;
    while a > lo && lexicon::title_word(v.low(a - 1).trim_end_matches('.')) {
        a -= 1;
    }
    person && a > lo && v.low(a - 1) == ","
}

/// An inverted subject right after the cue (`said Nancy Pelosi`, `said Rep. Diane Russell`).
fn object_after(v: &View, co: &Coref, cue: usize) -> Option<usize> {
    if matches!(
        v.low(cue),
        "told"
            | "tell"
            | "tells"
            | "telling"
            | "urged"
            | "warned"
            | "informed"
            | "assured"
            | "called"
            | "calls"
            | "accused"
    ) {
        return None;
    }
    // Skip a short lowercase description before the name ("said retired neurosurgeon Ben Carson").
    let mut k = cue + 1;
    // Descriptors before the name may hold numbers (`said 9/11 widow Terry Strada`).
    while k < cue + 7
        && co.mention_at(k).is_none()
        && (v.is_word(k)
            || v.toks
                .get(k)
                .is_some_and(|t| t.kind == chronicle_model::TokenKind::Number))
        && lexicon::cue(v.low(k)).is_none()
        && !matches!(
            v.low(k),
            "that"
                | "in"
                | "on"
                | "at"
                | "to"
                | "by"
                | "with"
                | "of"
                | "for"
                | "about"
                | "from"
                | "and"
                | "but"
                | "or"
        )
    {
        k += 1;
    }
    let m = co.mention_at(k)?;
    if co.mentions[m].toks.0 != k {
        return None;
    }
    match co.mentions[m].kind {
        Kind::Pronoun(p)
            if v.low(k) == "him" || v.low(k) == "them" || v.low(k) == "her" || p == Pronoun::I =>
        {
            None
        }
        _ => Some(m),
    }
}

/// Indirect speech around cue verbs that no quotation used.
fn indirect(
    v: &View,
    co: &Coref,
    regions: &[Region],
    used: &mut [bool],
    out: &mut Vec<Attribution>,
) {
    let n = v.len();
    let mut covered = vec![false; n];
    for a in out.iter() {
        for c in &mut covered[a.toks.0.min(n)..a.toks.1.min(n)] {
            *c = true;
        }
    }
    let _ = regions;
    let mut k = 0;
    while k < n {
        if used[k] || co.in_quote[k] || covered[k] {
            k += 1;
            continue;
        }
        let w = v.low(k);
        let according = w == "according" && v.low(k + 1) == "to";
        let Some(class) = lexicon::cue(w).or(if according {
            Some(lexicon::CueClass::Verb)
        } else {
            None
        }) else {
            k += 1;
            continue;
        };
        let _ = class;
        let prev = if k > 0 { v.low(k - 1) } else { "" };
        if matches!(prev, "to" | "being" | "been" | "the" | "a" | "an")
            || co.mention_at(k).is_some()
        {
            k += 1;
            continue;
        }
        let sent = v.sent[k];
        let (s0, s1) = sentence_bounds(v, k);
        let cue_end = if according { k + 2 } else { k + 1 };
        if according {
            // "According to X, …" or "…, according to X."
            let Some(m) = co.mention_at(k + 2) else {
                k += 1;
                continue;
            };
            let mend = co.mentions[m].toks.1;
            let content = if v.low(mend) == "," && s1 > mend + 3 {
                Some((mend + 1, trim_end(v, mend + 1, s1)))
            } else if k > s0 + 3 && v.low(k - 1) == "," {
                Some((s0, k - 1))
            } else {
                None
            };
            if let Some((a, b)) = content {
                push_indirect(
                    v,
                    co,
                    out,
                    &mut covered,
                    used,
                    (a, b),
                    None,
                    (k, cue_end),
                    Some(m),
                );
            }
            k = cue_end;
            continue;
        }
        // `X said in a statement, adding that …`: a participle after a comma
        // takes the subject of the clause it hangs on.
        let participle = w.ends_with("ing") && k > s0 && v.low(k - 1) == ",";
        let subj = if participle {
            clause_subject(v, co, k - 1, s0)
        } else {
            subject_before(v, co, k, s0)
        };
        let inverted = if subj.is_none() {
            object_after(v, co, k)
        } else {
            None
        };
        let Some(sm) = subj.or(inverted) else {
            k += 1;
            continue;
        };
        let _ = sent;
        // Content after: skip an indirect object and "that".
        let mut a = cue_end;
        if inverted.is_some() {
            a = co.mentions[sm].toks.1;
        }
        if matches!(
            w,
            "told"
                | "tells"
                | "tell"
                | "telling"
                | "informed"
                | "assured"
                | "reassured"
                | "warned"
                | "reminded"
                | "advised"
        ) {
            if let Some(m) = co.mention_at(a) {
                a = co.mentions[m].toks.1;
            } else if v.is_word(a) && v.low(a) != "that" {
                a += 1;
            }
        }
        // `reported Saturday that …`, `says at a stop in Toledo, Ohio, that …`
        let mut t = a;
        while t < s1
            && t < a + 10
            && !v.is_terminal(t)
            && v.low(t) != "that"
            && co
                .mention_at(t)
                .is_none_or(|m| !matches!(co.mentions[m].kind, Kind::Pronoun(_)))
            && lexicon::cue(v.low(t)).is_none()
        {
            t += 1;
        }
        if v.low(t) == "that"
            && t > a
            && (t - a <= 3 && (a..t).all(|x| lexicon::verb_filler(v.low(x)) || v.is_cap(x))
                || v.low(t - 1) == ",")
        {
            a = t;
        }
        let has_that = v.low(a) == "that";
        if has_that {
            a += 1;
        }
        let b = trim_end(v, a, s1);
        let mut subj_start = co.mentions[sm].toks.0;
        if subj_start > s0 && matches!(v.low(subj_start - 1), "the" | "a" | "an") {
            subj_start -= 1;
        }
        let before_comma =
            subj_start > s0 + 2 && v.low(subj_start - 1) == "," && inverted.is_none();
        let cue_then_end = v.is_terminal(cue_end) || (cue_end >= s1) || v.low(cue_end) == ",";
        let inverted_then_end = inverted.is_some() && {
            let e = co.mentions[sm].toks.1;
            v.is_terminal(e) || e >= s1 || v.low(e) == ","
        };
        if (before_comma && cue_then_end)
            || (inverted_then_end && k > s0 + 2 && v.low(k - 1) == ",")
        {
            // "…, X said." or "…, said X." (and "…, X said, …" with a second part)
            let first_end = if inverted.is_some() {
                k - 1
            } else {
                subj_start - 1
            };
            let first = (s0, first_end);
            let tail_start = if inverted.is_some() {
                co.mentions[sm].toks.1
            } else {
                cue_end
            };
            let second = if v.low(tail_start) == ","
                && s1 > tail_start + 3
                && !v.low(tail_start + 1).ends_with("ing")
            {
                Some((tail_start + 1, trim_end(v, tail_start + 1, s1)))
            } else {
                None
            };
            if (first.1 > first.0 + 2 || (second.is_some() && first.1 > first.0))
                && !any_covered(&covered, first)
            {
                push_indirect(
                    v,
                    co,
                    out,
                    &mut covered,
                    used,
                    first,
                    second,
                    (k, cue_end),
                    Some(sm),
                );
            }
        } else if b > a + 2 && (!lexicon::np_cue(w) || has_that) && !covered[a] {
            push_indirect(
                v,
                co,
                out,
                &mut covered,
                used,
                (a, b),
                None,
                (k, cue_end),
                Some(sm),
            );
        }
        k = cue_end;
    }
}

fn any_covered(covered: &[bool], r: (usize, usize)) -> bool {
    covered[r.0..r.1].iter().any(|&c| c)
}

#[allow(clippy::too_many_arguments)]
fn push_indirect(
    v: &View,
    co: &Coref,
    out: &mut Vec<Attribution>,
    covered: &mut [bool],
    used: &mut [bool],
    first: (usize, usize),
    second: Option<(usize, usize)>,
    cue: (usize, usize),
    speaker: Option<usize>,
) {
    if first.1 <= first.0 {
        return;
    }
    // A content that holds a whole attributed quotation is that quotation's frame.
    if any_covered(covered, first) {
        return;
    }
    let mut parts = vec![v.cover(first.0, first.1)];
    let mut toks = first;
    if let Some(s) = second {
        if s.1 > s.0 && !any_covered(covered, s) {
            parts.push(v.cover(s.0, s.1));
            toks.1 = s.1;
        }
    }
    for c in &mut covered[toks.0..toks.1] {
        *c = true;
    }
    for u in &mut used[cue.0..cue.1] {
        *u = true;
    }
    let (name, cluster) = speaker_of(v, co, speaker, None);
    let kind = if (toks.0..toks.1).any(|t| co.in_quote[t]) && co.in_quote[toks.0] {
        QuoteKind::Direct
    } else {
        QuoteKind::Indirect
    };
    out.push(Attribution {
        parts,
        toks,
        kind,
        speaker_mention: speaker.map(|m| co.head(m)),
        speaker: name,
        cluster,
        cue: cue_text(v, cue),
        cue_span: Some(v.cover(cue.0, cue.1)),
    });
}

/// Token bounds of the sentence holding token `k`, clipped to its paragraph.
fn sentence_bounds(v: &View, k: usize) -> (usize, usize) {
    let s = v.sent[k];
    let p = v.para[k];
    let mut a = k;
    while a > 0 && v.sent[a - 1] == s && v.para[a - 1] == p {
        a -= 1;
    }
    let mut b = k + 1;
    while b < v.len() && v.sent[b] == s && v.para[b] == p {
        b += 1;
    }
    (a, b)
}

/// Drops final punctuation and closing marks from a token range.
fn trim_end(v: &View, a: usize, mut b: usize) -> usize {
    while b > a
        && (v.is_terminal(b - 1)
            || v.mark(b - 1).is_some()
            || matches!(v.low(b - 1), "," | ";" | ":" | ")"))
    {
        b -= 1;
    }
    b
}

#[cfg(test)]
mod tests {
    use chronicle_model::{Doc, Stage};

    /// `speaker | cue | content` for each attribution, fallback names only.
    fn check(text: &str) -> Vec<String> {
        let mut doc = Doc::new("t", None, text);
        chronicle_text::Segmenter.annotate(&mut doc);
        crate::AttributionStage.annotate(&mut doc);
        doc.quotes
            .iter()
            .map(|q| {
                let parts: Vec<&str> = q.parts.iter().map(|p| &doc.text[*p]).collect();
                format!(
                    "{} | {} | {}",
                    q.speaker.as_deref().unwrap_or("-"),
                    q.cue,
                    parts.join(" / ")
                )
            })
            .collect()
    }

    #[test]
    fn comma_and_colon_introductions() {
        assert_eq!(
            check("Pelosi said, \u{201c}He must go.\u{201d}"),
            ["Pelosi | said | He must go."]
        );
        assert_eq!(
            check("In a statement Sessions said: \"I never met them.\""),
            ["Sessions | said | I never met them."]
        );
    }

    #[test]
    fn inverted_and_split() {
        assert_eq!(
            check("\u{201c}I never met,\u{201d} said Jeff Sessions, \u{201c}with anyone.\u{201d}"),
            ["Jeff Sessions | said | I never met, / with anyone."]
        );
    }

    #[test]
    fn pronoun_speaker_and_continuation() {
        let got = check("Nancy Pelosi spoke on Thursday.\n\n\u{201c}It is over,\u{201d} she said. \u{201c}He lied.\u{201d}");
        assert_eq!(got, ["Nancy Pelosi | said | It is over, / He lied."]);
    }

    #[test]
    fn party_tag_full_stop_and_numeric_descriptors() {
        assert_eq!(
            check("\u{201c}The veto will be overridden,\u{201d} Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday."),
            ["Mitch McConnell | said | The veto will be overridden,"]
        );
        assert_eq!(
            check("\u{201c}They are wrong,\u{201d} said 9/11 widow Terry Strada."),
            ["Terry Strada | said | They are wrong,"]
        );
    }

    #[test]
    fn capitalised_pronoun_after_a_full_stop_opens_a_sentence() {
        let got = check("\u{201c}This is an epidemic,\u{201d} Cruz said. \u{201c}We need leadership to solve it.\u{201d} It\u{2019}s unclear whether he knows the law.");
        assert_eq!(
            got,
            ["Cruz | said | This is an epidemic, / We need leadership to solve it."]
        );
    }

    #[test]
    fn role_and_age_nominals_as_speakers() {
        assert_eq!(
            check("\u{201c}It was very nice,\u{201d} the gambling tycoon told Reuters."),
            ["the gambling tycoon | told | It was very nice,"]
        );
        assert_eq!(
            check("\u{201c}He is an amazing leader,\u{201d} said the 46-year-old."),
            ["the 46-year-old | said | He is an amazing leader,"]
        );
    }

    #[test]
    fn subject_after_an_adverbial_clause() {
        assert_eq!(
            check("On Tuesday in Berea, Ohio, after winning the primary, Gov. John Kasich (R-Ohio), said, \u{201c}We will go all the way.\u{201d}"),
            ["John Kasich | said | We will go all the way."]
        );
        assert_eq!(
            check("Giovanni Vian, the editor of the newspaper, said, \u{201c}Every pope is political.\u{201d}"),
            ["Giovanni Vian | said | Every pope is political."]
        );
    }

    #[test]
    fn continuation_paragraph_keeps_the_source_mention() {
        let text = "Nancy Pelosi spoke on Thursday.\n\n\u{201c}It is over,\u{201d} she said.\n\n\u{201c}He lied to the whole country for months.\u{201d}";
        let mut doc = Doc::new("t", None, text);
        chronicle_text::Segmenter.annotate(&mut doc);
        crate::AttributionStage.annotate(&mut doc);
        let spans: Vec<Option<&str>> = doc
            .quotes
            .iter()
            .map(|q| q.speaker_span.map(|s| &doc.text[s]))
            .collect();
        assert_eq!(spans, [Some("she"), Some("she")]);
    }

    #[test]
    fn indirect_speech() {
        assert_eq!(
            check("Sessions said that he had never met the ambassador."),
            ["Sessions | said | he had never met the ambassador"]
        );
        assert_eq!(
            check("The meetings were routine, a spokeswoman said."),
            ["a spokeswoman | said | The meetings were routine"]
        );
        assert_eq!(
            check("According to Pelosi, the attorney general must resign."),
            ["Pelosi | according to | the attorney general must resign"]
        );
    }
}
