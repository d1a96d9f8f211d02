//! Statements contradicted by reported events: a speaker's denial of a
//! contact, set against reported contacts of that speaker.
//!
//! A denial names its counterpart either as an entity ("Sergey Kislyak")
//! or as a class of people ("the Russians", "Russian officials"). An entity
//! matches by identity. A class matches a contact's counterpart when a
//! proper adjective or noun of the class shares its stem with a word that
//! describes the counterpart where it is mentioned ("Russian Ambassador
//! Sergey Kislyak", "Russia's ambassador, Sergey Kislyak"). To keep false
//! alarms rare: classes without such a word ("anyone", "foreign officials")
//! never match, the contact must not be dated after the statement, and the
//! contact may not come from the denial's own sentence.

use std::collections::HashMap;

use chronicle_store::{ConflictRow, EventRow, Store, StoreError};
use serde::{Deserialize, Serialize};

use crate::dates::{is_calendar_date, not_after};
use crate::merge::{jaccard, words, SAME_TEXT};
use crate::{resolve, Result, Source};

/// Mentions of a counterpart read for descriptive words.
const CONTEXTS: usize = 200;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// Canonical name of the speaker.
    pub speaker: String,
    pub statement: Statement,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    pub doc: String,
    pub text: String,
    /// When the statement was made.
    pub date: Option<String>,
    /// Who or what the speaker denied contact with, as written.
    pub denied: String,
    /// Every document reporting the statement.
    pub sources: Vec<String>,
    pub provenance: Vec<Source>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub doc: String,
    pub kind: String,
    /// Canonical names.
    pub participants: Vec<String>,
    pub date: Option<String>,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub provenance: Source,
}

/// Proper words of a class phrase ("the Russians" → ["Russians"]); empty
/// when the phrase names no nationality, place or organisation.
fn class_words(phrase: &str) -> Vec<String> {
    phrase
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .map(possessive_free)
        .filter(|w| {
            !matches!(
                w.to_lowercase().as_str(),
                "the" | "a" | "an" | "any" | "no" | "all" | "i" | "we" | "they" | "he" | "she"
            )
        })
        .collect()
}

fn possessive_free(w: &str) -> String {
    w.trim_end_matches("'s")
        .trim_end_matches("’s")
        .trim_end_matches(['\'', '’'])
        .to_string()
}

/// Two proper words share their stem ("Russia"/"Russians", "China"/"Chinese").
fn same_stem(a: &str, b: &str) -> bool {
    let a = a.to_lowercase();
    let b = b.to_lowercase();
    let p = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    p >= 4 && p + 2 >= shorter
}

/// Capitalised words describing a mention: the few words before it, and an
/// appositive after it ("Sergey Kislyak, Russia's ambassador,").
fn describing_words(sentence: &str, start: usize, end: usize) -> Vec<String> {
    let (Some(before), Some(after)) = (sentence.get(..start), sentence.get(end..)) else {
        return Vec::new();
    };
    // The title chain right before the name ("Russian Ambassador",
    // "Russia's ambassador,"): stop at the first word that ends a clause
    // or is a lower-case word other than a role noun.
    let mut out: Vec<String> = Vec::new();
    for (i, raw) in before.split_whitespace().rev().take(4).enumerate() {
        let ends_clause = raw.ends_with([',', '.', ';', ':']) && i > 0;
        let w = possessive_free(
            raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’'),
        );
        let lower = w.chars().next().is_some_and(char::is_lowercase);
        if ends_clause || (lower && !is_role(&w)) {
            break;
        }
        out.push(w);
    }
    // An appositive after a comma ("Sergey Kislyak, Russia's ambassador,"),
    // told from a list ("Obama, Egyptian President …") by its opening word.
    if let Some(rest) = after.trim_start().strip_prefix(',') {
        let appositive = rest.split([',', '.', ';']).next().unwrap_or("");
        let first = appositive.split_whitespace().next().unwrap_or("");
        let opens =
            matches!(first, "the" | "a" | "an") || first.ends_with("'s") || first.ends_with("’s");
        if opens {
            out.extend(appositive.split_whitespace().take(6).map(|w| {
                possessive_free(
                    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’'),
                )
            }));
        }
    }
    out.retain(|w| w.chars().next().is_some_and(char::is_uppercase));
    out
}

/// Lower-case nouns that belong to a person's description.
fn is_role(w: &str) -> bool {
    matches!(
        w,
        "ambassador"
            | "envoy"
            | "diplomat"
            | "official"
            | "officials"
            | "minister"
            | "president"
            | "spokesman"
            | "spokeswoman"
            | "senator"
            | "leader"
            | "chief"
            | "foreign"
            | "prime"
            | "deputy"
            | "secretary"
            | "general"
            | "adviser"
            | "advisor"
            | "agent"
            | "banker"
            | "executive"
    )
}

struct Matcher<'s> {
    store: &'s Store,
    /// Entity id of a per-document name (None: unknown to the KB).
    ids: HashMap<String, Option<(i64, String, bool)>>,
    /// Describing words of an entity across the store.
    words: HashMap<i64, Vec<Vec<String>>>,
}

impl Matcher<'_> {
    /// `(id, canonical name, is a person)` of a per-document name.
    fn entity(&mut self, name: &str) -> Result<Option<(i64, String, bool)>> {
        if let Some(e) = self.ids.get(name) {
            return Ok(e.clone());
        }
        let e = self
            .store
            .entity_of_name(name)?
            .map(|e| (e.id, e.canonical, e.label == "PER"));
        self.ids.insert(name.to_string(), e.clone());
        Ok(e)
    }

    /// Describing words of each mention context of entity `id`.
    fn describing(&mut self, id: i64) -> Result<&[Vec<String>]> {
        if let std::collections::hash_map::Entry::Vacant(v) = self.words.entry(id) {
            let mut all = Vec::new();
            for (sentence, a, b) in self.store.mention_contexts(id, CONTEXTS)? {
                all.push(describing_words(&sentence, a as usize, b as usize));
            }
            v.insert(all);
        }
        Ok(self.words.get(&id).map(Vec::as_slice).unwrap_or(&[]))
    }

    /// `denied` is `(id, is a person)` when the KB knows the phrase; a
    /// known group ("Russians" tagged as a nationality) is still a class.
    fn matches(
        &mut self,
        denied: &str,
        denied_id: Option<(i64, bool)>,
        name: &str,
    ) -> Result<bool> {
        let who = self.entity(name)?;
        if let (Some((d, _)), Some((w, _, _))) = (denied_id, &who) {
            if d == *w {
                return Ok(true);
            }
        }
        if denied_id.is_some_and(|(_, person)| person) {
            return Ok(false);
        }
        let class = class_words(denied);
        if class.is_empty() {
            return Ok(false);
        }
        let fits = |words: &[String]| class.iter().any(|c| words.iter().any(|d| same_stem(c, d)));
        if fits(&class_words(name)) {
            return Ok(true);
        }
        let Some((id, _, _)) = who else {
            return Ok(false);
        };
        // A description the press gives the person habitually, not once in
        // passing: at least a tenth of the contexts, and two when there are
        // several.
        let contexts = self.describing(id)?;
        let hits = contexts.iter().filter(|c| fits(c)).count();
        let needed = (contexts.len() / 10).max(if contexts.len() >= 5 { 2 } else { 1 });
        Ok(hits >= needed)
    }
}

/// The person named by the longest run of capitalised words in `phrase`.
fn person_in(store: &Store, phrase: &str) -> Result<Option<i64>> {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let mut best: Option<(usize, i64)> = None;
    let mut i = 0;
    while i < words.len() {
        let mut j = i;
        while j < words.len() && words[j].chars().next().is_some_and(char::is_uppercase) {
            j += 1;
        }
        if j > i {
            let run = words[i..j].join(" ");
            if let Some(e) = store.resolve_entity(&run)? {
                if e.label == "PER" && best.is_none_or(|(n, _)| j - i > n) {
                    best = Some((j - i, e.id));
                }
            }
            i = j;
        } else {
            i += 1;
        }
    }
    Ok(best.map(|b| b.1))
}

fn date_of(ev: &EventRow) -> Option<String> {
    ev.date
        .clone()
        .filter(|d| is_calendar_date(d))
        .or_else(|| ev.prov.doc_date.clone())
}

/// The entities whose denials can conflict with reports involving `f`:
/// `f` itself and everyone in a contact with an entity of `f`'s name
/// (evidence names participants by canonical name).
#[cfg(test)]
fn speakers_near(
    store: &Store,
    m: &mut Matcher<'_>,
    f: &chronicle_store::EntityRecord,
) -> Result<std::collections::HashSet<i64>> {
    let mut speakers = std::collections::HashSet::from([f.id]);
    for id in store.entity_ids_named(&f.canonical)? {
        for c in store.events_of(Some(id), Some("contact"), 10_000)? {
            for p in &c.participants {
                if let Some(e) = m.entity(p)? {
                    speakers.insert(e.0);
                }
            }
        }
    }
    Ok(speakers)
}

/// Denials contradicted by reported contacts; only those involving
/// `entity` (any alias; as speaker or counterpart) when given.
///
/// Answered from the precomputed conflict records (computed first when a
/// KB refresh has staled them): a bounded read for one entity.
///
/// # Errors
/// Unknown entity (with suggestions) and store errors.
pub fn conflicts(store: &Store, entity: Option<&str>) -> Result<Vec<Conflict>> {
    let focus = match entity {
        Some(name) => Some(resolve(store, name)?),
        None => {
            store.kb_refresh()?;
            None
        }
    };
    let records = match fresh_records(store)? {
        Some(computed) => computed,
        None => {
            let bodies = match &focus {
                Some(f) => store.conflict_rows(Some(f.id), Some(&f.canonical))?,
                None => store.conflict_rows(None, None)?,
            };
            let mut records = Vec::with_capacity(bodies.len());
            for b in bodies {
                let r: Record = serde_json::from_str(&b).map_err(|e| {
                    StoreError::Corrupt(format!("precomputed conflict record: {e}"))
                })?;
                records.push(r);
            }
            records
        }
    };
    Ok(merge_records(records, focus.as_ref()))
}

/// Recomputes the conflict records when a refresh has staled them;
/// `Some(records)` only when they could not be stored (a refresh came in
/// between), so that the caller answers from them instead.
fn fresh_records(store: &Store) -> Result<Option<Vec<Record>>> {
    if store.conflicts_fresh()? {
        return Ok(None);
    }
    let gen = store.kb_generation()?;
    let records = scan_all(store)?;
    let mut rows = Vec::with_capacity(records.len());
    for r in &records {
        let mut parties: Vec<String> = r
            .conflict
            .evidence
            .iter()
            .flat_map(|e| e.participants.iter().cloned())
            .collect();
        parties.sort();
        parties.dedup();
        rows.push(ConflictRow {
            speaker: r.speaker_id,
            parties,
            body: serde_json::to_string(r)
                .map_err(|e| StoreError::Corrupt(format!("conflict record: {e}")))?,
        });
    }
    if store.put_conflicts(gen, &rows)? {
        Ok(None)
    } else {
        Ok(Some(records))
    }
}

/// Computes the conflict records if a refresh has staled them.
///
/// # Errors
/// Store errors.
pub(crate) fn precompute(store: &Store) -> Result<bool> {
    if store.conflicts_fresh()? {
        return Ok(false);
    }
    fresh_records(store)?;
    Ok(true)
}

/// One denial set against one denied party, with its evidence, before the
/// reports of one statement are merged.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Record {
    speaker_id: i64,
    conflict: Conflict,
}

/// Every record of the store, in denial order.
fn scan_all(store: &Store) -> Result<Vec<Record>> {
    let mut m = Matcher {
        store,
        ids: HashMap::new(),
        words: HashMap::new(),
    };
    let heads = store.event_heads("denial", 10_000)?;
    let keys: Vec<(i64, u32)> = heads.iter().map(|(d, i, _)| (*d, *i)).collect();
    scan(store, &mut m, &keys)
}

/// The computation the precomputed records stand for, at query time: the
/// reference the tests hold them to.
///
/// # Errors
/// Unknown entity (with suggestions) and store errors.
#[cfg(test)]
pub(crate) fn conflicts_live(store: &Store, entity: Option<&str>) -> Result<Vec<Conflict>> {
    let focus = match entity {
        Some(name) => Some(resolve(store, name)?),
        None => {
            store.kb_refresh()?;
            None
        }
    };
    let mut m = Matcher {
        store,
        ids: HashMap::new(),
        words: HashMap::new(),
    };
    // All denials even with a focus: the focus may be the denied party's
    // class member, who is not a participant of the denial. But a conflict
    // involves the focus only when it is the speaker or a participant of one
    // of the speaker's contacts, so with a focus only the denials of those
    // speakers are read in full.
    let heads = store.event_heads("denial", 10_000)?;
    let keys: Vec<(i64, u32)> = match &focus {
        None => heads.iter().map(|(d, i, _)| (*d, *i)).collect(),
        Some(f) => {
            let speakers = speakers_near(store, &mut m, f)?;
            let mut keys = Vec::new();
            for (d, i, first) in &heads {
                let Some(first) = first else { continue };
                if m.entity(first)?.is_some_and(|e| speakers.contains(&e.0)) {
                    keys.push((*d, *i));
                }
            }
            keys
        }
    };
    let records = scan(store, &mut m, &keys)?;
    Ok(merge_records(records, focus.as_ref()))
}

/// The records of the denials at `keys`, in that order.
fn scan(store: &Store, m: &mut Matcher<'_>, keys: &[(i64, u32)]) -> Result<Vec<Record>> {
    let mut contacts_of: HashMap<i64, Vec<EventRow>> = HashMap::new();
    let mut out: Vec<Record> = Vec::new();
    for denial in store.events_at(keys)? {
        let Some(speaker_name) = denial.participants.first() else {
            continue;
        };
        let Some((speaker_id, speaker, _)) = m.entity(speaker_name)? else {
            continue;
        };
        let said = date_of(&denial);
        for denied in denial.participants.iter().skip(1) {
            // "the Russians" is a class unless the KB knows the phrase as a
            // name, or it contains a person's name ("company chief executive
            // Tony Hayward"), which then must match by identity.
            let mut denied_id = m.entity(denied)?.map(|e| (e.0, e.2));
            if denied_id.is_none() {
                denied_id = person_in(store, denied)?.map(|id| (id, true));
            }
            // A speaker cannot deny contact with themselves: the speaker was
            // misattributed ("… with Gaddafi's government", said the rebels).
            if denied_id.is_some_and(|(id, _)| id == speaker_id) {
                continue;
            }
            if let std::collections::hash_map::Entry::Vacant(v) = contacts_of.entry(speaker_id) {
                v.insert(store.events_of(Some(speaker_id), Some("contact"), 10_000)?);
            }
            let mut evidence = Vec::new();
            for c in contacts_of
                .get(&speaker_id)
                .map(Vec::as_slice)
                .unwrap_or(&[])
            {
                if c.negated
                    || (c.prov.doc == denial.prov.doc && c.prov.sentence == denial.prov.sentence)
                {
                    continue;
                }
                let when = date_of(c);
                if let (Some(w), Some(s)) = (&when, &said) {
                    if !not_after(w, s) {
                        continue;
                    }
                }
                let mut hit = false;
                let mut participants = Vec::new();
                for p in &c.participants {
                    let e = m.entity(p)?;
                    participants.push(e.as_ref().map_or_else(|| p.clone(), |e| e.1.clone()));
                    if e.as_ref().map(|e| e.0) != Some(speaker_id)
                        && m.matches(denied, denied_id, p)?
                    {
                        hit = true;
                    }
                }
                if hit {
                    evidence.push(Evidence {
                        doc: c.prov.doc.clone(),
                        kind: c.kind.clone(),
                        participants,
                        date: when,
                        text: c.sentence_text.trim().to_string(),
                        url: c.prov.url.clone(),
                        provenance: Source::from(&c.prov),
                    });
                }
            }
            if evidence.is_empty() {
                continue;
            }
            let text = if denial.sentence_text.is_empty() {
                denial.trigger.clone()
            } else {
                denial.sentence_text.trim().to_string()
            };
            out.push(Record {
                speaker_id,
                conflict: Conflict {
                    speaker: speaker.clone(),
                    statement: Statement {
                        doc: denial.prov.doc.clone(),
                        text,
                        date: said.clone(),
                        denied: denied.clone(),
                        sources: vec![denial.prov.doc.clone()],
                        provenance: vec![Source::from(&denial.prov)],
                    },
                    evidence,
                },
            });
        }
    }
    Ok(out)
}

/// The conflicts of `records` (in scan order) that involve `focus` (all
/// when `None`), with reports of the same statement merged into one.
fn merge_records(
    records: Vec<Record>,
    focus: Option<&chronicle_store::EntityRecord>,
) -> Vec<Conflict> {
    let mut out: Vec<Conflict> = Vec::new();
    for Record {
        speaker_id,
        conflict,
    } in records
    {
        if let Some(f) = focus {
            let involved = f.id == speaker_id
                || conflict
                    .evidence
                    .iter()
                    .any(|e| e.participants.iter().any(|p| p == &f.canonical));
            if !involved {
                continue;
            }
        }
        // The same statement reported again: one conflict, all sources.
        let ws = words(&conflict.statement.text);
        if let Some(o) = out.iter_mut().find(|o| {
            o.speaker == conflict.speaker
                && o.statement.denied == conflict.statement.denied
                && jaccard(&words(&o.statement.text), &ws) >= SAME_TEXT
        }) {
            for (src, prov) in conflict
                .statement
                .sources
                .into_iter()
                .zip(conflict.statement.provenance)
            {
                if !o.statement.sources.contains(&src) {
                    o.statement.sources.push(src);
                    o.statement.provenance.push(prov);
                }
            }
            continue;
        }
        out.push(conflict);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::*;

    #[test]
    fn denial_of_a_class_conflicts_with_contact_with_a_member() {
        let (_d, store) = sessions_store();
        let c = conflicts(&store, None).unwrap();
        assert_eq!(c.len(), 1, "{c:#?}");
        assert_eq!(c[0].speaker, "Jeff Sessions");
        assert_eq!(c[0].statement.doc, "hearing-1");
        assert_eq!(c[0].statement.denied, "the Russians");
        let docs: Vec<&str> = c[0].evidence.iter().map(|e| e.doc.as_str()).collect();
        assert_eq!(docs, vec!["wapo-1", "nyt-1"]);
        assert_eq!(c[0].evidence[0].date.as_deref(), Some("2016-07"));
        assert!(c[0].evidence[0]
            .participants
            .contains(&"Sergey Kislyak".to_string()));
        // Filtering by the counterpart finds it too; by an uninvolved person, not.
        assert_eq!(conflicts(&store, Some("Kislyak")).unwrap().len(), 1);
        assert!(conflicts(&store, Some("Angela Merkel")).unwrap().is_empty());
    }

    #[test]
    fn stems_and_descriptions() {
        assert!(same_stem("Russians", "Russia"));
        assert!(same_stem("Chinese", "China"));
        assert!(!same_stem("Russian", "Russell"));
        assert!(!same_stem("Iran", "Iraq"));
        assert_eq!(class_words("the Russians"), vec!["Russians"]);
        assert!(class_words("foreign officials").is_empty());
        let s = "Jeff Sessions spoke with Russia's ambassador, Sergey Kislyak, in July.";
        let i = s.find("Sergey").unwrap();
        let w = describing_words(s, i, i + "Sergey Kislyak".len());
        assert!(w.contains(&"Russia".to_string()), "{w:?}");
    }
}
