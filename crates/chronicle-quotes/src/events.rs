//! Contact, denial and resignation events.
//!
//! A contact trigger ("met", "spoke … with", "talks", "phone call",
//! "encounters") takes its subject from the mention before it and its
//! counterpart from "with"/"between"/a direct object; a definite plural noun
//! with no participants of its own ("the encounters") refers back to the
//! contacts already found. Dates come from the timexes of the trigger's
//! sentence, one event per date ("spoke twice … in July and September").
//! A denial is an attribution whose cue denies, or whose content negates a
//! contact, with the speaker and the denied counterpart as participants.

use crate::attribution::{subject_before, Attribution};
use crate::coref::{Coref, Kind};
use crate::dates::event_dates;
use crate::lexicon::{self, Contact, Pronoun};
use crate::view::View;
use chronicle_model::{Event, Span, Timex};

pub fn events(v: &View, co: &Coref, attrs: &[Attribution], timexes: &[Timex]) -> Vec<Event> {
    let mut out = Vec::new();
    contacts(v, co, timexes, &mut out);
    // An undated report of contacts that are reported with dates elsewhere is the same contacts.
    let dated: Vec<Vec<String>> = out
        .iter()
        .filter(|e| e.date.is_some())
        .map(|e| sorted(&e.participants))
        .collect();
    out.retain(|e| e.date.is_some() || e.negated || !dated.contains(&sorted(&e.participants)));
    denials(v, co, attrs, timexes, &mut out);
    resignations(v, co, timexes, &mut out);
    out.sort_by_key(|e| (e.span.start, e.span.end));
    out
}

fn sorted(p: &[String]) -> Vec<String> {
    let mut p = p.to_vec();
    p.sort();
    p
}

/// Timexes inside the sentence of token `k`.
fn sentence_timexes<'t>(v: &View, k: usize, timexes: &'t [Timex]) -> Vec<&'t Timex> {
    let s = v.sent[k];
    let mut a = k;
    while a > 0 && v.sent[a - 1] == s {
        a -= 1;
    }
    let mut b = k + 1;
    while b < v.len() && v.sent[b] == s {
        b += 1;
    }
    let span = v.cover(a, b);
    let lo = timexes.partition_point(|t| t.span.start < span.start);
    timexes[lo..]
        .iter()
        .take_while(|t| t.span.start < span.end)
        .collect()
}

fn negated(v: &View, k: usize, lo: usize) -> bool {
    (k.saturating_sub(4).max(lo)..k).any(|j| lexicon::negation(v.low(j)))
}

/// The counterpart after a trigger: a mention after "with"/"to"/"between", or a direct object.
fn counterpart(v: &View, co: &Coref, k: usize, verb: bool) -> Vec<usize> {
    let mut out = Vec::new();
    let limit = (k + 8).min(v.len());
    if verb {
        if let Some(m) = co.mention_at(k + 1) {
            if co.mentions[m].toks.0 == k + 1
                && !matches!(co.mentions[m].kind, Kind::Pronoun(Pronoun::I | Pronoun::We))
            {
                out.push(co.head(m));
                return out;
            }
        }
    }
    let mut j = k + 1;
    while j < limit {
        let w = v.low(j);
        if v.is_terminal(j) || matches!(w, ";" | ":") {
            break;
        }
        if matches!(w, "with" | "between" | "to") {
            let mut p = j + 1;
            while p < limit + 4 && p < v.len() {
                if let Some(m) = co.mention_at(p) {
                    let m = co.head(m);
                    out.push(m);
                    p = co.mentions[m].toks.1.max(p + 1);
                    // Include an apposition's tail and a coordinated second party.
                    while p < v.len()
                        && (v.low(p) == "," || co.mention_at(p).is_some_and(|x| co.head(x) == m))
                    {
                        p += 1;
                    }
                    if v.low(p) == "and" {
                        p += 1;
                        continue;
                    }
                    break;
                }
                if !matches!(v.low(p), "the" | "a" | "an" | "and" | "both") {
                    break;
                }
                p += 1;
            }
            break;
        }
        j += 1;
    }
    out
}

/// The agent of a trigger: the mention before it, past auxiliaries, quantities and determiners.
fn agent(v: &View, co: &Coref, k: usize, lo: usize) -> Option<usize> {
    let mut j = k;
    let mut steps = 0;
    while j > lo && steps < 7 {
        j -= 1;
        steps += 1;
        if let Some(m) = co.mention_at(j) {
            let m = co.head(m);
            let w = v.low(co.mentions[m].toks.0);
            if matches!(w, "him" | "them" | "me" | "us") {
                return None;
            }
            return Some(m);
        }
        let w = v.low(j);
        if lexicon::verb_filler(w)
            || lexicon::negation(w)
            || matches!(
                w,
                "had"
                    | "held"
                    | "a"
                    | "an"
                    | "two"
                    | "three"
                    | "several"
                    | "private"
                    | "secret"
                    | "brief"
                    | "phone"
                    | "telephone"
                    | "face-to-face"
                    | "'s"
                    | "'"
                    | "any"
                    | "no"
                    | "multiple"
                    | "both"
                    | "the"
                    | "his"
                    | "her"
                    | "their"
                    | "did"
                    | "have"
                    | "having"
            )
        {
            continue;
        }
        if matches!(w, ")") {
            continue;
        }
        return subject_before(v, co, j + 1, lo);
    }
    None
}

fn contacts(v: &View, co: &Coref, timexes: &[Timex], out: &mut Vec<Event>) {
    let n = v.len();
    let mut k = 0;
    while k < n {
        let w = v.low(k);
        let Some(class) = lexicon::contact(w) else {
            k += 1;
            continue;
        };
        if co.in_quote[k] {
            k += 1;
            continue;
        }
        let next = v.low(k + 1);
        let prev = if k > 0 { v.low(k - 1) } else { "" };
        let near_with = (k + 1..(k + 7).min(n)).any(|j| matches!(v.low(j), "with" | "between"));
        let ok = match w {
            "call" | "calls" => matches!(prev, "phone" | "telephone") || next == "with",
            "speak" | "spoke" | "spoken" | "speaks" | "talk" | "talked" => {
                near_with || (next == "to" && co.mention_at(k + 2).is_some())
            }
            "discussed" | "discuss" | "discusses" | "discussions" | "discussion"
            | "communicated" | "communicate" | "contact" | "contacts" | "communications"
            | "communication" | "conversation" | "conversations" | "negotiated" => near_with,
            _ => true,
        };
        if !ok {
            k += 1;
            continue;
        }
        let (s0, _) = sent_range(v, k);
        let verb = class == Contact::Verb;
        let mut parts_m: Vec<usize> = Vec::new();
        let subj = agent(v, co, k, s0);
        if let Some(s) = subj {
            parts_m.push(s);
        }
        for m in counterpart(v, co, k, verb) {
            parts_m.push(m);
        }
        let mut names: Vec<String> = Vec::new();
        for m in parts_m {
            if let Some(nm) = co.name_of(v, m) {
                if !names.contains(&nm) {
                    names.push(nm);
                }
            }
        }
        let twice = (k.saturating_sub(2)..(k + 3).min(n)).any(|j| v.low(j) == "twice");
        let dates = event_dates(&clause_timexes(v, co, k, timexes));
        let anaphoric =
            !verb && matches!(prev, "the" | "those" | "these" | "both") && names.len() < 2;
        if anaphoric {
            // "the encounters": the contacts already reported, dated here if they were not.
            let prev_contacts: Vec<usize> = out
                .iter()
                .enumerate()
                .filter(|(_, e)| e.kind == "contact")
                .map(|(i, _)| i)
                .collect();
            if !dates.is_empty() {
                let undated: Vec<usize> = prev_contacts
                    .iter()
                    .copied()
                    .filter(|&i| out[i].date.is_none())
                    .collect();
                if !undated.is_empty() {
                    for (i, d) in undated.iter().zip(dates.iter().cycle()) {
                        out[*i].date = Some(d.clone());
                    }
                } else if let Some(&last) = prev_contacts.last() {
                    let participants = out[last].participants.clone();
                    for d in &dates {
                        if !out.iter().any(|e| {
                            e.kind == "contact"
                                && e.participants == participants
                                && e.date.as_deref() == Some(d)
                        }) {
                            out.push(contact_event(
                                v,
                                k,
                                k + 1,
                                participants.clone(),
                                Some(d.clone()),
                                false,
                            ));
                        }
                    }
                }
            }
            k += 1;
            continue;
        }
        if names.len() < 2 {
            k += 1;
            continue;
        }
        let neg = negated(v, k, s0);
        let count = if twice { 2 } else { 1 };
        let end = if twice && v.low(k + 1) == "twice" {
            k + 2
        } else {
            k + 1
        };
        if dates.is_empty() {
            for _ in 0..count {
                out.push(contact_event(v, k, end, names.clone(), None, neg));
            }
        } else {
            let m = dates.len().max(count);
            for i in 0..m {
                let d = dates.get(i).or(dates.last()).cloned();
                out.push(contact_event(v, k, end, names.clone(), d, neg));
            }
        }
        k += 1;
    }
}

/// Timexes of the trigger's sentence that are not cut off from it by a
/// subordinator or a cue verb ("came under fire on Wednesday after a report
/// that he had spoken …": Wednesday dates the criticism, not the contact).
fn clause_timexes<'t>(v: &View, co: &Coref, k: usize, timexes: &'t [Timex]) -> Vec<&'t Timex> {
    let all = sentence_timexes(v, k, timexes);
    let trigger = v.span(k);
    all.into_iter()
        .filter(|t| {
            let (a, b) = if t.span.end <= trigger.start {
                (v.toks.partition_point(|x| x.span.start < t.span.end), k)
            } else {
                (
                    k + 1,
                    v.toks.partition_point(|x| x.span.start < t.span.start),
                )
            };
            !(a..b.min(v.len())).any(|j| {
                let w = v.low(j);
                matches!(
                    w,
                    "that"
                        | "after"
                        | "before"
                        | "when"
                        | "while"
                        | "because"
                        | "since"
                        | "until"
                        | "whether"
                        | "which"
                        | "who"
                ) || (lexicon::cue(w).is_some() && !co.in_quote[j])
            })
        })
        .collect()
}

fn contact_event(
    v: &View,
    a: usize,
    b: usize,
    participants: Vec<String>,
    date: Option<String>,
    negated: bool,
) -> Event {
    let span = v.cover(a, b);
    Event {
        kind: "contact".into(),
        trigger: v.text[span].to_string(),
        span,
        participants,
        date,
        negated,
    }
}

fn sent_range(v: &View, k: usize) -> (usize, usize) {
    let s = v.sent[k];
    let mut a = k;
    while a > 0 && v.sent[a - 1] == s {
        a -= 1;
    }
    let mut b = k + 1;
    while b < v.len() && v.sent[b] == s {
        b += 1;
    }
    (a, b)
}

fn is_deny(w: &str) -> bool {
    matches!(
        w,
        "deny" | "denied" | "denies" | "denying" | "rejected" | "disputed"
    )
}

fn denials(v: &View, co: &Coref, attrs: &[Attribution], timexes: &[Timex], out: &mut Vec<Event>) {
    for a in attrs {
        let Some(speaker) = a.speaker.clone() else {
            continue;
        };
        let cue_deny = is_deny(&a.cue);
        let (c0, c1) = a.toks;
        let mut found: Option<(usize, usize, String)> = None; // trigger span toks, counterpart
        for k in c0..c1.min(v.len()) {
            let w = v.low(k);
            let Some(class) = lexicon::contact(w) else {
                continue;
            };
            let neg = negated(v, k, c0);
            if !(neg || cue_deny) {
                continue;
            }
            let mut who: Option<String> = None;
            let cps = counterpart(v, co, k, class == Contact::Verb);
            if let Some(&m) = cps
                .iter()
                .find(|&&m| co.name_of(v, m).as_deref() != Some(speaker.as_str()))
            {
                who = co.name_of(v, m);
            }
            if who.is_none() {
                who = np_after_with(v, k, c1);
            }
            if let Some(who) = who {
                let start = (k.saturating_sub(4).max(c0)..k)
                    .find(|&j| lexicon::negation(v.low(j)))
                    .unwrap_or(k);
                found = Some((start, k + 1, who));
                break;
            }
        }
        let Some((t0, t1, who)) = found else { continue };
        let (span, trigger) = match a.cue_span {
            Some(cs) if cue_deny => (cs, v.text[cs].to_string()),
            _ => {
                let s = v.cover(t0, t1);
                (s, v.text[s].to_string())
            }
        };
        // The denial's own date: timexes of the cue's sentence outside the content.
        let anchor = a
            .cue_span
            .map(|s| v.toks.partition_point(|t| t.span.start < s.start))
            .unwrap_or(c0);
        let content = Span::new(
            a.parts[0].start as usize,
            a.parts[a.parts.len() - 1].end as usize,
        );
        let tx: Vec<&Timex> = sentence_timexes(v, anchor.min(v.len().saturating_sub(1)), timexes)
            .into_iter()
            .filter(|t| !content.contains(t.span))
            .collect();
        let date = event_dates(&tx).into_iter().next();
        out.push(Event {
            kind: "denial".into(),
            trigger,
            span,
            participants: vec![speaker, who],
            date,
            negated: false,
        });
    }
}

/// The noun phrase after "with" as written ("the Russians", "Russian officials").
fn np_after_with(v: &View, k: usize, end: usize) -> Option<String> {
    let mut j = k + 1;
    while j < end.min(k + 6) && !matches!(v.low(j), "with" | "to") {
        j += 1;
    }
    if j >= end.min(k + 6) {
        return None;
    }
    let a = j + 1;
    let mut b = a;
    while b < end
        && b < a + 5
        && v.is_word(b)
        && !matches!(
            v.low(b),
            "during"
                | "about"
                | "in"
                | "at"
                | "on"
                | "while"
                | "before"
                | "after"
                | "when"
                | "as"
                | "and"
                | "or"
                | "that"
                | "who"
                | "to"
                | "for"
        )
    {
        b += 1;
    }
    (b > a).then(|| v.text[v.cover(a, b)].to_string())
}

fn resignations(v: &View, co: &Coref, timexes: &[Timex], out: &mut Vec<Event>) {
    for k in 0..v.len() {
        let w = v.low(k);
        let step_down =
            w == "step" && v.low(k + 1) == "down" || w == "stepped" && v.low(k + 1) == "down";
        if !(matches!(
            w,
            "resign" | "resigned" | "resigns" | "resignation" | "recuse" | "recused"
        ) || step_down)
            || co.in_quote[k]
        {
            continue;
        }
        let (s0, _) = sent_range(v, k);
        let recusal = w.starts_with("recus");
        // "called on him to resign", "called for his resignation", "urged X to resign"
        let mut demander = None;
        let mut target = None;
        let mut j = k;
        while j > s0 && j + 8 > k {
            j -= 1;
            let lw = v.low(j);
            if matches!(
                lw,
                "called"
                    | "calling"
                    | "calls"
                    | "call"
                    | "urged"
                    | "urging"
                    | "demanded"
                    | "demanding"
                    | "asked"
            ) {
                demander = agent(v, co, j, s0);
                if let Some(m) = co.mention_at(j + 2).or(co.mention_at(j + 1)) {
                    target = Some(co.head(m));
                }
                break;
            }
        }
        let names_of = |m: Option<usize>| m.and_then(|m| co.name_of(v, m));
        let span = v.cover(k, if step_down { k + 2 } else { k + 1 });
        let dates = event_dates(&sentence_timexes(v, k, timexes));
        if let (Some(d), Some(t)) = (names_of(demander), names_of(target)) {
            out.push(Event {
                kind: if recusal {
                    "recusal_call"
                } else {
                    "resignation_call"
                }
                .into(),
                trigger: v.text[span].to_string(),
                span,
                participants: vec![d, t],
                date: dates.first().cloned(),
                negated: false,
            });
        } else if demander.is_none() {
            if let Some(s) = names_of(agent(v, co, k, s0)) {
                out.push(Event {
                    kind: if recusal { "recusal" } else { "resignation" }.into(),
                    trigger: v.text[span].to_string(),
                    span,
                    participants: vec![s],
                    date: dates.first().cloned(),
                    negated: negated(v, k, s0),
                });
            }
        }
    }
}
