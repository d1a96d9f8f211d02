//! Who met whom, when, with sources.

use std::collections::HashMap;

use chronicle_store::Store;
use serde::Serialize;

use crate::dates::event_date;
use crate::timeline::{merge_items, TimelineItem};
use crate::{resolve, Result, Source};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contact {
    /// Canonical names.
    pub participants: Vec<String>,
    pub date: String,
    /// `event` (the report gives the date) or `published`.
    pub dated_by: &'static str,
    pub text: String,
    pub sources: Vec<String>,
    pub provenance: Vec<Source>,
}

/// Reported (not denied) contacts, of `entity` (any alias) or all, merged
/// across reports, oldest first, at most `limit`.
///
/// # Errors
/// Unknown entity (with suggestions) and store errors.
pub fn contacts(store: &Store, entity: Option<&str>, limit: usize) -> Result<Vec<Contact>> {
    let id = match entity {
        Some(name) => Some(resolve(store, name)?.id),
        None => {
            store.kb_refresh()?;
            None
        }
    };
    let mut names: HashMap<String, String> = HashMap::new();
    let mut items = Vec::new();
    for ev in store.events_of(id, Some("contact"), limit.saturating_mul(4).max(1000))? {
        if ev.negated {
            continue;
        }
        let Some((date, dated_by)) = event_date(&ev) else {
            continue;
        };
        // The graph joins entities: a participant the KB does not know
        // ("a dynamic task manager", "Russian officials") is no node.
        let mut participants = Vec::new();
        for p in &ev.participants {
            if !names.contains_key(p) {
                let known = store.entity_of_name(p)?.map(|e| e.canonical);
                names.insert(p.clone(), known.unwrap_or_default());
            }
            let name = &names[p];
            if !name.is_empty() && !participants.contains(name) {
                participants.push(name.clone());
            }
        }
        if participants.len() < 2 {
            continue;
        }
        items.push(TimelineItem {
            date,
            kind: "contact".into(),
            text: ev.sentence_text.trim().to_string(),
            sources: vec![ev.prov.doc.clone()],
            dated_by,
            participants,
            speaker: None,
            negated: false,
            provenance: vec![Source::from(&ev.prov)],
        });
    }
    let mut merged = merge_items(items);
    merged.sort_by(|a, b| a.date.cmp(&b.date));
    merged.truncate(limit);
    Ok(merged
        .into_iter()
        .map(|i| Contact {
            participants: i.participants,
            date: i.date,
            dated_by: i.dated_by,
            text: i.text,
            sources: i.sources,
            provenance: i.provenance,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::*;

    #[test]
    fn contacts_merge_reports_of_one_meeting() {
        let (_d, store) = sessions_store();
        let c = contacts(&store, Some("Kislyak"), 100).unwrap();
        assert_eq!(c.len(), 1, "{c:#?}");
        assert_eq!(c[0].sources.len(), 2);
        assert_eq!(c[0].date, "2016-07");
        // Jane Doe met "Kislyak's driver", whom the KB does not know: no edge.
        let all = contacts(&store, None, 100).unwrap();
        assert_eq!(all.len(), 2, "{all:#?}");
    }
}
