//! Entity listings with aliases.

use chronicle_store::{EntityRecord, Store};
use serde::Serialize;

use crate::{resolve, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Alias {
    pub name: String,
    pub mentions: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityInfo {
    /// Stable id.
    pub id: i64,
    /// Canonical name.
    pub name: String,
    #[serde(rename = "type")]
    pub label: String,
    pub mentions: u64,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    pub aliases: Vec<Alias>,
}

fn info(store: &Store, e: EntityRecord) -> Result<EntityInfo> {
    let aliases = store
        .entity_aliases(e.id)?
        .into_iter()
        .map(|(name, mentions)| Alias { name, mentions })
        .collect();
    Ok(EntityInfo {
        id: e.id,
        name: e.canonical,
        label: e.label,
        mentions: e.mentions,
        first_seen: e.first_seen,
        last_seen: e.last_seen,
        aliases,
    })
}

/// The most mentioned entities, optionally of one type (`PER`, `ORG`, …).
///
/// # Errors
/// Store errors.
pub fn entities(store: &Store, label: Option<&str>, limit: usize) -> Result<Vec<EntityInfo>> {
    let label = label.map(str::to_uppercase);
    store
        .entities(label.as_deref(), limit)?
        .into_iter()
        .map(|e| info(store, e))
        .collect()
}

/// One entity by any alias.
///
/// # Errors
/// Unknown entity (with suggestions) and store errors.
pub fn entity_info(store: &Store, name: &str) -> Result<EntityInfo> {
    let e = resolve(store, name)?;
    info(store, e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::*;

    #[test]
    fn entities_list_most_mentioned_first_with_aliases() {
        let (_d, store) = sessions_store();
        let list = entities(&store, Some("per"), 3).unwrap();
        assert_eq!(list.len(), 3);
        assert_eq!(list[0].name, "Jeff Sessions");
        assert!(list[0].mentions >= list[1].mentions);
        assert!(list[0]
            .aliases
            .iter()
            .any(|a| a.name == "Attorney General Jeff Sessions"));
        assert_eq!(
            entity_info(&store, "kislyak").unwrap().name,
            "Sergey Kislyak"
        );
    }
}
