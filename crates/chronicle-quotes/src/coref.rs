//! Light in-document coreference of people and organisations.
//!
//! Mentions are names (from the entity layer, or capitalised runs when that
//! layer is empty), pronouns and role nominals ("the senator", "Russia's
//! ambassador", "a spokeswoman for the department"). Names cluster by their
//! fullest form (a surname joins the full name that ends with it); titles
//! before a name and appositions after it give the cluster its roles, which
//! definite nominals later match. Pronouns take the subject (first
//! compatible mention) of the nearest sentence that has a compatible
//! antecedent, by gender and number. One pass each, no search.

use crate::lexicon::{self, Gender, Pronoun};
use crate::marks::Region;
use crate::view::View;
use chronicle_model::{Entity, EntityLabel, Span};
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Per,
    Org,
    Other,
    /// A capitalised run we could not classify.
    Unknown,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Name,
    Pronoun(Pronoun),
    Nominal {
        definite: bool,
        plural: bool,
        /// Role head ("ambassador", "attorney general") or organisation noun.
        head: String,
        org: bool,
    },
}

#[derive(Debug, Clone)]
pub struct Mention {
    pub toks: (usize, usize),
    pub span: Span,
    pub kind: Kind,
    pub cluster: Option<usize>,
    /// An unresolved antecedent mention (a pronoun pointing at "officials").
    pub ante: Option<usize>,
    pub in_quote: bool,
    /// The name this nominal stands in apposition to.
    pub appos_of: Option<usize>,
    pub mods: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Cluster {
    pub canonical: String,
    pub label: Label,
    pub gender: Gender,
    pub roles: Vec<String>,
    pub mods: Vec<String>,
}

pub struct Coref {
    pub mentions: Vec<Mention>,
    pub clusters: Vec<Cluster>,
    /// Token index → mention index (`u32::MAX` when none).
    at: Vec<u32>,
    pub in_quote: Vec<bool>,
}

const NONE: u32 = u32::MAX;

impl Coref {
    pub fn mention_at(&self, tok: usize) -> Option<usize> {
        match self.at.get(tok) {
            Some(&m) if m != NONE => Some(m as usize),
            _ => None,
        }
    }

    /// The mention that names an apposition's referent, else the mention itself.
    pub fn head(&self, m: usize) -> usize {
        self.mentions[m].appos_of.unwrap_or(m)
    }

    /// What to call the referent of mention `m`: its cluster's canonical
    /// name, else the text of the mention (or of its unresolved antecedent).
    pub fn name_of(&self, v: &View, m: usize) -> Option<String> {
        let men = self.mentions.get(m)?;
        if let Some(c) = men.cluster {
            return Some(self.clusters[c].canonical.clone());
        }
        if let Some(a) = men.ante {
            return self.name_of(v, a);
        }
        match men.kind {
            Kind::Nominal { .. } => Some(v.text[men.span].to_string()),
            Kind::Name => Some(v.text[men.span].to_string()),
            Kind::Pronoun(_) => None,
        }
    }

    pub fn cluster_of(&self, m: usize) -> Option<usize> {
        let men = self.mentions.get(m)?;
        men.cluster
            .or_else(|| men.ante.and_then(|a| self.cluster_of(a)))
    }
}

/// Builds mentions and clusters for the document.
pub fn build(v: &View, entities: &[Entity], regions: &[Region]) -> Coref {
    let n = v.len();
    let mut in_quote = vec![false; n];
    for r in regions {
        for q in in_quote.iter_mut().take(r.toks.1).skip(r.toks.0) {
            *q = true;
        }
    }
    let mut b = Builder {
        v,
        mentions: Vec::new(),
        clusters: Vec::new(),
        by_name: HashMap::new(),
        at: vec![NONE; n],
    };
    if entities.is_empty() {
        b.names_from_capitals(&in_quote);
    } else {
        b.names_from_entities(entities);
    }
    b.merge_surnames();
    b.appositions_and_nominals(&in_quote);
    b.pronouns();
    b.sort_and_reindex(&in_quote);
    b.resolve();
    Coref {
        mentions: b.mentions,
        clusters: b.clusters,
        at: b.at,
        in_quote,
    }
}

struct Builder<'v, 'a> {
    v: &'v View<'a>,
    mentions: Vec<Mention>,
    clusters: Vec<Cluster>,
    by_name: HashMap<String, usize>,
    at: Vec<u32>,
}

impl Builder<'_, '_> {
    fn cluster_for(&mut self, canonical: &str, label: Label) -> usize {
        if let Some(&c) = self.by_name.get(canonical) {
            let cl = &mut self.clusters[c];
            if cl.label == Label::Unknown {
                cl.label = label;
            }
            return c;
        }
        let first = canonical.split(' ').next().unwrap_or("").to_lowercase();
        let gender = if label == Label::Per || label == Label::Unknown {
            lexicon::given_name_gender(&first)
        } else {
            Gender::Unknown
        };
        self.clusters.push(Cluster {
            canonical: canonical.to_string(),
            label,
            gender,
            roles: Vec::new(),
            mods: Vec::new(),
        });
        let c = self.clusters.len() - 1;
        self.by_name.insert(canonical.to_string(), c);
        c
    }

    fn push_name(&mut self, a: usize, b: usize, canonical: &str, label: Label) {
        if a >= b {
            return;
        }
        let c = self.cluster_for(canonical, label);
        self.mentions.push(Mention {
            toks: (a, b),
            span: self.v.cover(a, b),
            kind: Kind::Name,
            cluster: Some(c),
            ante: None,
            in_quote: false,
            appos_of: None,
            mods: Vec::new(),
        });
        for t in &mut self.at[a..b] {
            *t = 0; // placeholder: marks "inside a name" until reindexing
        }
        self.title_prefix(a, c);
    }

    fn names_from_entities(&mut self, entities: &[Entity]) {
        for e in entities {
            let label = match e.label {
                EntityLabel::Per => Label::Per,
                EntityLabel::Org => Label::Org,
                EntityLabel::Loc | EntityLabel::Misc => Label::Other,
            };
            let a = self.v.toks.partition_point(|t| t.span.start < e.span.start);
            let b = self.v.toks.partition_point(|t| t.span.start < e.span.end);
            let canonical = if e.canonical.is_empty() {
                self.v.text[e.span].to_string()
            } else {
                e.canonical.clone()
            };
            self.push_name(a, b.max(a), &canonical, label);
        }
    }

    /// Capitalised runs as names, titles stripped, when no entity layer exists.
    fn names_from_capitals(&mut self, in_quote: &[bool]) {
        let v = self.v;
        let n = v.len();
        // Words the document also writes in lower case are not names when
        // they open a sentence ("Later Sessions left").
        let lower_seen: std::collections::HashSet<&str> = (0..n)
            .filter(|&k| v.is_word(k) && v.raw(k).starts_with(|c: char| c.is_lowercase()))
            .map(|k| v.low(k))
            .collect();
        let mut i = 0;
        while i < n {
            if !v.is_cap(i) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < n && !v.para_start(j) {
                if v.is_cap(j) {
                    j += 1;
                } else if matches!(v.low(j), "of" | "de" | "van" | "von" | "bin" | "al" | "la")
                    && v.is_cap(j + 1)
                    && !v.para_start(j + 1)
                {
                    j += 2;
                } else {
                    break;
                }
            }
            let mut a = i;
            // A sentence may open with a function word or a title: skip those.
            while a < j
                && (lexicon::capitalised_function_word(v.low(a))
                    || lexicon::cue(v.low(a)).is_some()
                    || (a == i
                        && j - a > 1
                        && (a == 0 || v.sent[a] != v.sent[a - 1])
                        && lower_seen.contains(v.low(a))))
            {
                a += 1;
            }
            // A lone capitalised modifier ("Republican nominee", "Russian officials") is not a name.
            if j - a == 1
                && (lexicon::title_word(v.low(a))
                    || lexicon::person_role(v.low(a)).is_some()
                    || lexicon::person_role_plural(v.low(a)))
                && v.is_word(j)
                && !v.is_cap(j)
            {
                i = j;
                continue;
            }
            let (name_a, has_role) = strip_title(v, a, j);
            if name_a < j && !(in_quote[name_a] && j - name_a == 1 && v.low(name_a).len() < 3) {
                let label = classify(v, name_a, j, has_role);
                let canonical = canonical_text(v, name_a, j);
                if !canonical.is_empty() {
                    self.push_name(name_a, j, &canonical, label);
                }
            }
            i = j.max(i + 1);
        }
    }

    /// Joins a surname (or any one-word name) to the full person name ending with it.
    fn merge_surnames(&mut self) {
        let mut last: HashMap<String, usize> = HashMap::new();
        for (c, cl) in self.clusters.iter().enumerate() {
            // Full names of two to four words only: longer runs are headlines or titles.
            if matches!(cl.label, Label::Per | Label::Unknown)
                && cl.canonical.contains(' ')
                && cl.canonical.split(' ').count() <= 4
            {
                if let Some(l) = cl.canonical.rsplit(' ').next() {
                    // Prefer the longest full name.
                    let key = l.to_lowercase();
                    let better = match last.get(&key) {
                        Some(&o) => self.clusters[o].canonical.len() < cl.canonical.len(),
                        None => true,
                    };
                    if better {
                        last.insert(key, c);
                    }
                }
            }
        }
        let mut remap: Vec<usize> = (0..self.clusters.len()).collect();
        for (c, cl) in self.clusters.iter().enumerate() {
            if !cl.canonical.contains(' ') && cl.label != Label::Org {
                if let Some(&full) = last.get(&cl.canonical.to_lowercase()) {
                    if full != c {
                        remap[c] = full;
                    }
                }
            }
        }
        for (c, &to) in remap.iter().enumerate() {
            if to != c {
                let (roles, mods, label, gender) = {
                    let cl = &self.clusters[c];
                    (cl.roles.clone(), cl.mods.clone(), cl.label, cl.gender)
                };
                let t = &mut self.clusters[to];
                t.roles.extend(roles);
                t.mods.extend(mods);
                if t.label == Label::Unknown {
                    t.label = label;
                }
                if t.gender == Gender::Unknown {
                    t.gender = gender;
                }
            }
        }
        for m in &mut self.mentions {
            if let Some(c) = m.cluster {
                m.cluster = Some(remap[c]);
            }
        }
        // A full name is a person unless it looked like an organisation.
        for cl in &mut self.clusters {
            if cl.label == Label::Unknown && (cl.gender != Gender::Unknown || !cl.roles.is_empty())
            {
                cl.label = Label::Per;
            }
        }
    }

    /// Roles and modifiers written before a name ("Russian Ambassador Sergey Kislyak",
    /// "House Democratic leader Nancy Pelosi").
    fn title_prefix(&mut self, a: usize, c: usize) {
        let v = self.v;
        let mut roles = Vec::new();
        let mut mods = Vec::new();
        let mut j = a;
        let mut steps = 0;
        while j > 0 && steps < 6 && !v.para_start(j) {
            let w = v.low(j - 1);
            if let Some(r) = role_at(v, j - 1) {
                roles.push(r.0);
                j = r.1;
            } else if lexicon::title_word(w)
                || (v.is_cap(j - 1) && !lexicon::capitalised_function_word(w))
            {
                if w != "the" && w != "of" {
                    mods.push(modifier(w));
                }
                j -= 1;
            } else if w == "of" && steps > 0 {
                j -= 1;
            } else {
                break;
            }
            steps += 1;
        }
        if roles.is_empty() {
            return;
        }
        let cl = &mut self.clusters[c];
        for r in &roles {
            if let Some(g) = lexicon::person_role(r) {
                if g != Gender::Unknown && cl.gender == Gender::Unknown {
                    cl.gender = g;
                }
            }
        }
        if cl.label == Label::Unknown {
            cl.label = Label::Per;
        }
        cl.roles.extend(roles);
        cl.mods.extend(mods);
    }

    fn appositions_and_nominals(&mut self, in_quote: &[bool]) {
        let v = self.v;
        let n = v.len();
        let names: Vec<usize> = (0..self.mentions.len()).collect();
        let mut taken = vec![false; n];
        for m in &self.mentions {
            for t in &mut taken[m.toks.0..m.toks.1] {
                *t = true;
            }
        }
        let mut new = Vec::new();
        // Start token of the name covering each token, so a nominal can take
        // a name as its modifier ("a Justice Department spokeswoman").
        let mut name_start = vec![u32::MAX; n];
        for m in &self.mentions {
            for t in &mut name_start[m.toks.0..m.toks.1] {
                *t = m.toks.0 as u32;
            }
        }
        // Nominals: role heads outside names.
        let mut i = 0;
        while i < n {
            if taken[i] {
                i += 1;
                continue;
            }
            let w = v.low(i);
            let role = role_at_head(v, i);
            let plural = role.is_none() && lexicon::person_role_plural(w);
            let org = role.is_none() && !plural && lexicon::org_noun(w) && !v.is_cap(i);
            if role.is_none() && !plural && !org {
                i += 1;
                continue;
            }
            let head = role.clone().unwrap_or_else(|| w.to_string());
            // Walk left over modifiers to a determiner or possessor.
            let mut a = i + 1 - role_len(v, i, &role);
            let mut mods = Vec::new();
            let mut definite = false;
            let mut det = false;
            let mut steps = 0;
            while a > 0 && steps < 5 && !v.para_start(a) {
                if taken[a - 1] {
                    // A name as modifier, only right after a determiner.
                    let ns = name_start[a - 1];
                    if ns != u32::MAX
                        && ns > 0
                        && matches!(
                            v.low(ns as usize - 1),
                            "a" | "an" | "the" | "another" | "one"
                        )
                    {
                        mods.push(modifier(v.low(ns as usize)));
                        a = ns as usize;
                        steps += 1;
                        continue;
                    }
                    break;
                }
                let p = v.low(a - 1);
                if matches!(p, "the" | "this" | "that" | "these" | "those") {
                    definite = true;
                    det = true;
                    a -= 1;
                    break;
                }
                if matches!(
                    p,
                    "a" | "an"
                        | "another"
                        | "one"
                        | "two"
                        | "three"
                        | "some"
                        | "several"
                        | "many"
                        | "other"
                ) {
                    det = true;
                    a -= 1;
                    break;
                }
                if matches!(p, "his" | "her" | "their" | "its" | "our") {
                    definite = true;
                    det = true;
                    a -= 1;
                    break;
                }
                if p == "'s" || p == "'" {
                    // Possessor: one name or word before the clitic.
                    definite = true;
                    det = true;
                    if a >= 2 {
                        mods.push(modifier(v.low(a - 2)));
                        a -= 2;
                        // Include a whole name possessor ("the White House's").
                        if let Some(&mi) = self.at.get(a).filter(|&&x| x != NONE) {
                            let _ = mi;
                            while a > 0 && taken[a - 1] && !v.para_start(a) {
                                a -= 1;
                            }
                        }
                    } else {
                        a -= 1;
                    }
                    break;
                }
                if v.is_word(a - 1)
                    && steps < 4
                    && lexicon::cue(p).is_none()
                    && !lexicon::verb_filler(p)
                    && !lexicon::negation(p)
                    && !matches!(
                        p,
                        "with"
                            | "to"
                            | "by"
                            | "from"
                            | "of"
                            | "for"
                            | "and"
                            | "or"
                            | "but"
                            | "in"
                            | "on"
                            | "at"
                            | "about"
                            | "as"
                            | "who"
                            | "which"
                            | "than"
                            | "like"
                            | "after"
                            | "before"
                            | "told"
                            | "met"
                            | "said"
                    )
                    && !lexicon::capitalised_function_word(p)
                {
                    mods.push(modifier(p));
                    a -= 1;
                    steps += 1;
                    continue;
                }
                break;
            }
            if !det && !plural {
                // A bare singular role ("Attorney General" before a name) is a title, not a mention.
                i += 1;
                continue;
            }
            let mut b = i + 1;
            // "a spokesman for the Justice Department", "Russia's ambassador to the United States"
            if matches!(v.low(b), "for" | "of" | "to" | "at") && !org {
                let mut k = b + 1;
                let stop = (b + 6).min(n);
                while k < stop && (v.is_cap(k) || matches!(v.low(k), "the" | "'s")) {
                    k += 1;
                }
                if k > b + 1 && v.is_cap(k - 1) {
                    b = k;
                }
            }
            new.push(Mention {
                toks: (a, b),
                span: v.cover(a, b),
                kind: Kind::Nominal {
                    definite,
                    plural,
                    head,
                    org,
                },
                cluster: None,
                ante: None,
                in_quote: in_quote.get(i).copied().unwrap_or(false),
                appos_of: None,
                mods,
            });
            for t in &mut taken[a..b] {
                *t = true;
            }
            i = b;
        }
        // Appositions: "NAME, the/a ... ROLE ," and "the ... ROLE, NAME".
        for nm in &mut new {
            let (a, b) = nm.toks;
            let is_person = matches!(
                &nm.kind,
                Kind::Nominal {
                    org: false,
                    plural: false,
                    ..
                }
            );
            if !is_person {
                continue;
            }
            // Name before: NAME , NOMINAL  (skipping a parenthetical "(R-Ala.)").
            let mut k = a;
            if k > 0 && v.low(k - 1) == "," {
                k -= 1;
                if k > 0 && v.low(k - 1) == ")" {
                    let mut p = k - 1;
                    while p > 0 && p + 8 > k && v.low(p) != "(" {
                        p -= 1;
                    }
                    if v.low(p) == "(" {
                        k = p;
                    }
                }
                if let Some(mi) = names
                    .iter()
                    .copied()
                    .find(|&mi| self.mentions[mi].toks.1 == k)
                {
                    nm.appos_of = Some(mi);
                }
            }
            // Name after: NOMINAL , NAME
            if nm.appos_of.is_none() && v.low(b) == "," {
                if let Some(mi) = names
                    .iter()
                    .copied()
                    .find(|&mi| self.mentions[mi].toks.0 == b + 1)
                {
                    let end = self.mentions[mi].toks.1;
                    if matches!(v.low(end), "," | "." | "said" | "says" | "told") {
                        nm.appos_of = Some(mi);
                    }
                }
            }
            if let Some(mi) = nm.appos_of {
                if let Some(c) = self.mentions[mi].cluster {
                    nm.cluster = Some(c);
                    let cl = &mut self.clusters[c];
                    if let Kind::Nominal { head, .. } = &nm.kind {
                        if let Some(g) = lexicon::person_role(head) {
                            if g != Gender::Unknown && cl.gender == Gender::Unknown {
                                cl.gender = g;
                            }
                        }
                        cl.roles.push(head.clone());
                    }
                    cl.mods.extend(nm.mods.iter().cloned());
                    if cl.label == Label::Unknown {
                        cl.label = Label::Per;
                    }
                }
            }
        }
        self.mentions.extend(new);
    }

    fn pronouns(&mut self) {
        let v = self.v;
        for i in 0..v.len() {
            if self.at[i] != NONE {
                continue;
            }
            let w = v.low(i);
            let p = match w {
                "he" | "him" | "she" | "they" | "them" | "it" | "i" | "we" => lexicon::pronoun(w),
                "her" if !v.is_word(i + 1) || lexicon::cue(v.low(i + 1)).is_some() => {
                    lexicon::pronoun(w)
                }
                _ => None,
            };
            if let Some(p) = p {
                self.mentions.push(Mention {
                    toks: (i, i + 1),
                    span: v.span(i),
                    kind: Kind::Pronoun(p),
                    cluster: None,
                    ante: None,
                    in_quote: false,
                    appos_of: None,
                    mods: Vec::new(),
                });
            }
        }
    }

    /// Sorts mentions by position (apposition links follow the permutation)
    /// and rebuilds the token → mention index.
    fn sort_and_reindex(&mut self, in_quote: &[bool]) {
        let mut order: Vec<usize> = (0..self.mentions.len()).collect();
        order.sort_by_key(|&i| (self.mentions[i].toks.0, self.mentions[i].toks.1));
        let mut new_of = vec![0usize; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_of[old] = new;
        }
        let mut old: Vec<Option<Mention>> = std::mem::take(&mut self.mentions)
            .into_iter()
            .map(Some)
            .collect();
        for &o in &order {
            if let Some(mut m) = old[o].take() {
                m.appos_of = m.appos_of.map(|a| new_of[a]);
                self.mentions.push(m);
            }
        }
        for a in self.at.iter_mut() {
            *a = NONE;
        }
        for (mi, m) in self.mentions.iter_mut().enumerate() {
            m.in_quote = in_quote.get(m.toks.0).copied().unwrap_or(false);
            for t in &mut self.at[m.toks.0..m.toks.1] {
                *t = mi as u32;
            }
        }
    }

    fn resolve(&mut self) {
        let v = self.v;
        for mi in 0..self.mentions.len() {
            if self.mentions[mi].cluster.is_some() {
                continue;
            }
            let m = self.mentions[mi].clone();
            match &m.kind {
                Kind::Pronoun(p) => {
                    if m.in_quote && matches!(p, Pronoun::I | Pronoun::We) {
                        continue;
                    }
                    if matches!(p, Pronoun::I | Pronoun::We) {
                        continue;
                    }
                    let found = self.antecedent(mi, |b, k| b.pronoun_fits(*p, *k));
                    if let Some(k) = found {
                        let km = &self.mentions[k];
                        let (c, a) = (
                            km.cluster,
                            if km.cluster.is_none() { Some(k) } else { None },
                        );
                        self.mentions[mi].cluster = c;
                        self.mentions[mi].ante = a;
                    }
                }
                Kind::Nominal {
                    definite: true,
                    head,
                    org,
                    plural: false,
                } => {
                    let head = head.clone();
                    let org = *org;
                    let mods = m.mods.clone();
                    let lo = mi.saturating_sub(400);
                    let hi = (mi + 200).min(self.mentions.len());
                    // Back first; then forward, since a lead may describe a person before naming them.
                    for k in (lo..mi).rev().chain(mi + 1..hi) {
                        let Some(c) = self.mentions[k].cluster else {
                            continue;
                        };
                        let cl = &self.clusters[c];
                        let fits = if org {
                            cl.label == Label::Org && cl.canonical.to_lowercase().contains(&head)
                        } else {
                            cl.roles.contains(&head)
                                && (mods.is_empty()
                                    || cl.mods.is_empty()
                                    || mods.iter().any(|x| cl.mods.contains(x)))
                        };
                        if fits {
                            self.mentions[mi].cluster = Some(c);
                            break;
                        }
                    }
                    let _ = v;
                }
                _ => {}
            }
        }
    }

    fn pronoun_fits(&self, p: Pronoun, k: usize) -> bool {
        let m = &self.mentions[k];
        if m.in_quote {
            return false;
        }
        if let Some(c) = m.cluster {
            let cl = &self.clusters[c];
            return match p {
                Pronoun::He => {
                    matches!(cl.label, Label::Per | Label::Unknown) && cl.gender != Gender::Female
                }
                Pronoun::She => {
                    matches!(cl.label, Label::Per | Label::Unknown) && cl.gender != Gender::Male
                }
                Pronoun::They => cl.label == Label::Org,
                Pronoun::It => cl.label == Label::Org,
                _ => false,
            };
        }
        match (&m.kind, p) {
            (Kind::Nominal { plural: true, .. }, Pronoun::They) => true,
            (
                Kind::Nominal {
                    plural: false,
                    org: false,
                    head,
                    ..
                },
                Pronoun::He | Pronoun::She,
            ) => {
                let g = lexicon::person_role(head).unwrap_or(Gender::Unknown);
                g == Gender::Unknown || (g == Gender::Male) == (p == Pronoun::He)
            }
            (Kind::Nominal { org: true, .. }, Pronoun::It) => true,
            _ => false,
        }
    }

    /// The subject of the nearest earlier sentence (or this one) with a fitting mention.
    fn antecedent(&self, mi: usize, fits: impl Fn(&Self, &usize) -> bool) -> Option<usize> {
        let v = self.v;
        let here = self.mentions[mi].toks.0;
        let para = v.para[here];
        let lo = mi.saturating_sub(60);
        let mut first: Option<usize> = None;
        for k in (lo..mi).rev() {
            let km = &self.mentions[k];
            if para.saturating_sub(v.para[km.toks.0]) > 3 {
                break;
            }
            if matches!(km.kind, Kind::Pronoun(_)) && km.cluster.is_none() && km.ante.is_none() {
                continue;
            }
            if fits(self, &k) {
                first = Some(k);
                break;
            }
        }
        let f = first?;
        let s = v.sent[self.mentions[f].toks.0];
        if s == v.sent[here] {
            return Some(f);
        }
        // Prefer the sentence's first fitting mention not after a preposition (its subject).
        let mut best = f;
        let mut k = f;
        while k > lo {
            k -= 1;
            let km = &self.mentions[k];
            if v.sent[km.toks.0] != s {
                break;
            }
            let prev = km.toks.0.checked_sub(1).map(|p| v.low(p)).unwrap_or("");
            if fits(self, &k)
                && !matches!(prev, "with" | "to" | "by" | "from" | "of" | "for" | "and")
            {
                best = k;
            }
        }
        Some(best)
    }
}

/// A role starting or ending at `i` read leftwards: (role, start token of it).
fn role_at(v: &View, i: usize) -> Option<(String, usize)> {
    if i > 0 {
        if let Some(r) = lexicon::role_bigram(v.low(i - 1), v.low(i)) {
            return Some((r.to_string(), i - 1));
        }
    }
    let w = v.low(i);
    if lexicon::person_role(w).is_some() && !matches!(w, "republican" | "democrat" | "independent")
    {
        return Some((w.trim_end_matches('.').to_string(), i));
    }
    None
}

/// A role whose head word is token `i`.
fn role_at_head(v: &View, i: usize) -> Option<String> {
    // "46-year-old" is tokenised as a number but heads a nominal like a role.
    if !v.is_word(i) && !v.low(i).ends_with("-year-old") {
        return None;
    }
    // "attorney" in "attorney general" is not the head.
    if lexicon::role_bigram(v.low(i), v.low(i + 1)).is_some() {
        return None;
    }
    if i > 0 {
        if let Some(r) = lexicon::role_bigram(v.low(i - 1), v.low(i)) {
            return Some(r.to_string());
        }
    }
    // "general" alone is only a role when not part of "attorney general" (handled above).
    let w = v.low(i);
    if w.ends_with('.')
        || matches!(
            w,
            "source"
                | "member"
                | "friend"
                | "colleague"
                | "speaker"
                | "host"
                | "voter"
                | "resident"
                | "witness"
        ) && !matches!(v.low(i.wrapping_sub(1)), "the" | "a" | "an")
    {
        return None;
    }
    lexicon::person_role(w).map(|_| w.to_string())
}

fn role_len(v: &View, i: usize, role: &Option<String>) -> usize {
    match role {
        Some(r)
            if r.contains(' ')
                && i > 0
                && lexicon::role_bigram(v.low(i - 1), v.low(i)).is_some() =>
        {
            2
        }
        _ => 1,
    }
}

/// A modifier's comparable stem: "Russia's", "Russian" → "russ".
pub fn modifier(w: &str) -> String {
    let w = w.trim_end_matches("'s");
    w.chars().take(4).collect()
}

/// Skips the title words at the front of a capitalised run, up to its last
/// role word ("Mexican President Felipe Calderon" → "Felipe Calderon").
fn strip_title(v: &View, a: usize, b: usize) -> (usize, bool) {
    let mut last_role_end = None;
    let mut k = a;
    while k + 1 < b {
        let w = v.low(k);
        if lexicon::role_bigram(w, v.low(k + 1)).is_some() {
            k += 2;
            last_role_end = Some(k);
            continue;
        }
        if lexicon::person_role(w).is_some() {
            last_role_end = Some(k + 1);
        }
        k += 1;
    }
    // "Secretary of State John Kerry": the role's complement is not the name.
    let last_role_end = last_role_end.map(|mut e| {
        while e + 2 < b && v.low(e) == "of" {
            e += 2;
        }
        e
    });
    match last_role_end {
        Some(e)
            if e < b
                && !lexicon::org_name_word(v.low(e))
                && !(e..b).any(|k| lexicon::org_name_word(v.low(k))) =>
        {
            if (e..b).all(|k| lexicon::title_word(v.low(k)) || v.low(k) == "of") {
                // "Secretary of State": a title with no name after it.
                (b, true)
            } else {
                (e, true)
            }
        }
        _ => (a, false),
    }
}

fn classify(v: &View, a: usize, b: usize, has_role: bool) -> Label {
    if has_role {
        return Label::Per;
    }
    for k in a..b {
        if lexicon::org_name_word(v.low(k)) {
            return Label::Org;
        }
    }
    let raw = v.raw(a);
    if b - a == 1 && raw.len() >= 2 && raw.chars().all(|c| c.is_ascii_uppercase()) {
        return Label::Org;
    }
    if lexicon::given_name_gender(v.low(a)) != Gender::Unknown {
        return Label::Per;
    }
    Label::Unknown
}

fn canonical_text(v: &View, a: usize, b: usize) -> String {
    let mut s = String::new();
    for k in a..b {
        if k > a && v.space_before(k) {
            s.push(' ');
        }
        s.push_str(v.raw(k));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_model::Span;

    fn resolve(text: &str, word: &str) -> Option<String> {
        let toks = chronicle_text::tokenize(text);
        let sents: Vec<Span> = chronicle_text::split_sentences(text, &toks);
        let v = View::new(text, &toks, &sents);
        let regions = crate::marks::find(&v);
        let co = build(&v, &[], &regions);
        let at = text.rfind(word)?;
        let tok = toks.iter().position(|t| t.span.start as usize == at)?;
        let m = co.mention_at(tok)?;
        co.cluster_of(m).map(|c| co.clusters[c].canonical.clone())
    }

    #[test]
    fn pronouns_by_gender_and_subject() {
        let text = "Nancy Pelosi met Jeff Sessions. She left early.";
        assert_eq!(resolve(text, "She").as_deref(), Some("Nancy Pelosi"));
        let text = "Jeff Sessions met Sergey Kislyak twice. He denied it.";
        assert_eq!(resolve(text, "He").as_deref(), Some("Jeff Sessions"));
    }

    #[test]
    fn surnames_titles_and_roles() {
        let text = "Attorney General Jeff Sessions spoke. Later Sessions left, and the attorney general said nothing.";
        assert_eq!(
            resolve(text, "Sessions left").as_deref(),
            Some("Jeff Sessions")
        );
        assert_eq!(
            resolve(text, "the attorney general").as_deref(),
            Some("Jeff Sessions")
        );
    }
}
