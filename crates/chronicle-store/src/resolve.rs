//! Cross-document entity resolution, recomputed only where names changed.
//!
//! Names (a per-document canonical name with its label) fall into *groups*
//! by lookup form: `(is a person, normalised name)`. Each group points at
//! an *anchor*, the entity it belongs to: itself, the dominant full name a
//! surname-only group joins, or a merge rule of the alias file. An entity
//! is built from the groups that point at its anchor.
//!
//! The state is kept in two tables so that a refresh touches only what
//! changed: `kb_form` (name → group, filled once per name) and `kb_group`
//! (mentions and anchor per group). Given the names whose counts changed,
//! the dirty groups are theirs plus the surname groups their full names
//! compete for, plus every group a rule names; the dirty entities are the
//! old and new anchors of those groups. A full refresh is the same code
//! with every group dirty, so the two cannot drift apart.

use std::collections::{BTreeSet, HashMap, HashSet};

use rusqlite::{params, Connection, OptionalExtension};

use crate::aliases::AliasRules;
use crate::kb::{clean, normalise_name, DOMINANCE};
use crate::Result;

pub(crate) const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS kb_form (
    canonical TEXT NOT NULL,
    label     TEXT NOT NULL,
    per       INTEGER NOT NULL,
    norm      TEXT NOT NULL,
    PRIMARY KEY (canonical, label)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS kb_form_group ON kb_form(norm, per);
CREATE TABLE IF NOT EXISTS kb_group (
    per      INTEGER NOT NULL,
    norm     TEXT NOT NULL,
    last     TEXT,
    mentions INTEGER NOT NULL,
    anchor   TEXT NOT NULL,
    PRIMARY KEY (per, norm)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS kb_group_last ON kb_group(last) WHERE last IS NOT NULL;
CREATE INDEX IF NOT EXISTS kb_group_anchor ON kb_group(anchor);
"#;

/// `(is a person, lookup form)`.
type GroupKey = (bool, String);

fn group_of(canonical: &str, label: &str) -> GroupKey {
    let per = label == "PER";
    (per, normalise_name(&clean(canonical, per)))
}

fn group_text(g: &GroupKey) -> String {
    format!("{}:{}", if g.0 { "PER" } else { "X" }, g.1)
}

fn rule_text(rules: &AliasRules, i: usize) -> String {
    format!(
        "RULE:{}",
        rules.merges[i].first().map_or("", |n| n.other.as_str())
    )
}

/// The last word of a person's full name: the surname group it competes for.
fn surname(g: &GroupKey) -> Option<&str> {
    if g.0 && g.1.contains(' ') {
        g.1.rsplit(' ').next()
    } else {
        None
    }
}

/// The surface rows of one group, aggregated.
#[derive(Default)]
struct Group {
    per: bool,
    norm: String,
    /// Cleaned canonical forms → mentions.
    forms: HashMap<String, i64>,
    labels: HashMap<String, i64>,
    /// Surface forms as written → mentions.
    aliases: HashMap<String, i64>,
    /// Per-document canonical names with their label.
    names: BTreeSet<(String, String)>,
    mentions: i64,
    first: Option<String>,
    last: Option<String>,
}

struct SurfaceRow {
    canonical: String,
    label: String,
    mention: String,
    mentions: i64,
    first: Option<String>,
    last: Option<String>,
}

impl Group {
    fn add(&mut self, row: SurfaceRow) {
        let per = row.label == "PER";
        *self.forms.entry(clean(&row.canonical, per)).or_default() += row.mentions;
        *self.labels.entry(row.label.clone()).or_default() += row.mentions;
        *self
            .aliases
            .entry(row.mention.trim().to_string())
            .or_default() += row.mentions;
        self.names.insert((row.canonical, row.label));
        self.mentions += row.mentions;
        self.first = min_opt(self.first.take(), row.first);
        self.last = max_opt(self.last.take(), row.last);
    }
}

fn min_opt(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if b < a { b } else { a }),
        (a, b) => a.or(b),
    }
}

fn max_opt(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if b > a { b } else { a }),
        (a, b) => a.or(b),
    }
}

fn top(counts: &HashMap<String, i64>) -> Option<&str> {
    counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(k, _)| k.as_str())
}

const SURFACE_OF_GROUPS: &str = "SELECT f.per, f.norm, s.canonical, s.label, s.mention, s.mentions,
        s.first_seen, s.last_seen
 FROM kb_form f JOIN kb_surface s ON s.canonical = f.canonical AND s.label = f.label";

fn surface_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(GroupKey, SurfaceRow)> {
    Ok((
        (r.get::<_, bool>(0)?, r.get::<_, String>(1)?),
        SurfaceRow {
            canonical: r.get(2)?,
            label: r.get(3)?,
            mention: r.get(4)?,
            mentions: r.get(5)?,
            first: r.get(6)?,
            last: r.get(7)?,
        },
    ))
}

/// Aggregates of groups, loaded on demand (all at once for a full refresh).
struct Groups<'c> {
    conn: &'c Connection,
    loaded: HashMap<GroupKey, Option<Group>>,
}

impl Groups<'_> {
    fn load_all(&mut self) -> Result<()> {
        let mut st = self.conn.prepare(SURFACE_OF_GROUPS)?;
        let rows = st.query_map([], surface_row)?;
        for row in rows {
            let (key, row) = row?;
            self.insert(key, row);
        }
        Ok(())
    }

    fn insert(&mut self, key: GroupKey, row: SurfaceRow) {
        let slot = self.loaded.entry(key.clone()).or_insert(None);
        slot.get_or_insert_with(|| Group {
            per: key.0,
            norm: key.1,
            ..Group::default()
        })
        .add(row);
    }

    /// The group `key`, `None` when no name of it has mentions.
    fn get(&mut self, key: &GroupKey) -> Result<Option<&Group>> {
        if !self.loaded.contains_key(key) {
            self.loaded.insert(key.clone(), None);
            let mut st = self.conn.prepare_cached(&format!(
                "{SURFACE_OF_GROUPS} WHERE f.norm = ?1 AND f.per = ?2"
            ))?;
            let rows = st.query_map(params![key.1, key.0], surface_row)?;
            for row in rows {
                let (k, row) = row?;
                self.insert(k, row);
            }
        }
        Ok(self.loaded.get(key).and_then(Option::as_ref))
    }
}

/// What a resolution pass did.
pub(crate) struct Resolved {
    pub entities: u64,
    /// Entities recomputed (created, updated or removed).
    pub recomputed: u64,
    /// Their ids (old and new).
    pub touched: Vec<i64>,
}

/// Brings the entity, alias and name tables up to date with `kb_surface`.
/// `changed` lists the names `(canonical, label)` whose surface rows
/// changed since the last pass; `None` recomputes everything.
pub(crate) fn resolve(
    conn: &Connection,
    changed: Option<&[(String, String)]>,
    rules: &AliasRules,
) -> Result<Resolved> {
    conn.execute_batch(SCHEMA)?;
    let full = changed.is_none();
    let mut groups = Groups {
        conn,
        loaded: HashMap::new(),
    };
    let mut dirty: BTreeSet<GroupKey> = BTreeSet::new();

    // 1. Every name has its group in kb_form; collect the dirty groups.
    {
        let mut ins = conn.prepare_cached(
            "INSERT OR IGNORE INTO kb_form(canonical, label, per, norm) VALUES (?1, ?2, ?3, ?4)",
        )?;
        let mut add_name = |canonical: &str, label: &str| -> Result<GroupKey> {
            let g = group_of(canonical, label);
            if !g.1.is_empty() {
                ins.execute(params![canonical, label, g.0, g.1])?;
            }
            Ok(g)
        };
        match changed {
            None => {
                conn.execute("DELETE FROM kb_form", [])?;
                let mut st = conn.prepare("SELECT DISTINCT canonical, label FROM kb_surface")?;
                let names = st
                    .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                for (c, l) in &names {
                    dirty.insert(add_name(c, l)?);
                }
                let mut st = conn.prepare("SELECT per, norm FROM kb_group")?;
                for g in st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))? {
                    dirty.insert(g?);
                }
            }
            Some(names) => {
                for (c, l) in names {
                    dirty.insert(add_name(c, l)?);
                }
                // Groups a rule names: few, and their anchors depend on
                // whether the rule's other names exist, so always recheck.
                let mut st = conn.prepare_cached("SELECT per FROM kb_form WHERE norm = ?1")?;
                for norm in rules.norms() {
                    let pers = st
                        .query_map([&norm], |r| r.get::<_, bool>(0))?
                        .collect::<rusqlite::Result<HashSet<bool>>>()?;
                    for per in pers {
                        dirty.insert((per, norm.clone()));
                    }
                }
            }
        }
    }
    dirty.retain(|g| !g.1.is_empty());
    // A full name's count decides whether its surname joins it.
    let surnames: Vec<GroupKey> = dirty
        .iter()
        .filter_map(|g| surname(g).map(|s| (true, s.to_string())))
        .collect();
    dirty.extend(surnames);
    if full {
        groups.load_all()?;
    }

    // 2. Old anchors, then fresh counts for the dirty groups.
    let mut old_anchor: HashMap<GroupKey, String> = HashMap::new();
    {
        let mut st =
            conn.prepare_cached("SELECT anchor FROM kb_group WHERE per = ?1 AND norm = ?2")?;
        for g in &dirty {
            if let Some(a) = st
                .query_row(params![g.0, g.1], |r| r.get::<_, String>(0))
                .optional()?
            {
                old_anchor.insert(g.clone(), a);
            }
        }
    }
    if full {
        conn.execute("DELETE FROM kb_group", [])?;
    }
    {
        let mut put = conn.prepare_cached(
            "INSERT INTO kb_group(per, norm, last, mentions, anchor) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(per, norm) DO UPDATE SET mentions = excluded.mentions, last = excluded.last",
        )?;
        let mut del = conn.prepare_cached("DELETE FROM kb_group WHERE per = ?1 AND norm = ?2")?;
        for g in &dirty {
            match groups.get(g)? {
                Some(agg) => {
                    let anchor = old_anchor.get(g).cloned().unwrap_or_else(|| group_text(g));
                    put.execute(params![g.0, g.1, surname(g), agg.mentions, anchor])?;
                }
                None => {
                    del.execute(params![g.0, g.1])?;
                }
            }
        }
    }

    // 3. New anchors of the dirty groups.
    let mut dirty_anchors: BTreeSet<String> = old_anchor.values().cloned().collect();
    {
        let mut cands_of = conn.prepare_cached(
            "SELECT norm, mentions FROM kb_group WHERE last = ?1 AND per = 1 ORDER BY mentions DESC, norm",
        )?;
        let mut set =
            conn.prepare_cached("UPDATE kb_group SET anchor = ?3 WHERE per = ?1 AND norm = ?2")?;
        for g in &dirty {
            if groups.get(g)?.is_none() {
                continue;
            }
            let anchor = if let Some(i) = rules.merge_of(g.0, &g.1) {
                rule_text(rules, i)
            } else if g.0 && !g.1.contains(' ') && !rules.is_split(true, &g.1) {
                let cands = cands_of
                    .query_map([&g.1], |r| {
                        Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
                    })?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                let dominant = match cands.as_slice() {
                    [only] => Some(&only.0),
                    [first, second, ..] if first.1 >= DOMINANCE * second.1.max(1) => Some(&first.0),
                    _ => None,
                };
                match dominant {
                    Some(c)
                        if !rules.is_split(true, c)
                            && !rules.are_different((true, &g.1), (true, c)) =>
                    {
                        match rules.merge_of(true, c) {
                            Some(i) => rule_text(rules, i),
                            None => group_text(&(true, c.clone())),
                        }
                    }
                    _ => group_text(g),
                }
            } else {
                group_text(g)
            };
            set.execute(params![g.0, g.1, anchor])?;
            dirty_anchors.insert(anchor);
        }
    }
    let mut old_ids: HashMap<String, i64> = HashMap::new();
    if full {
        let mut st = conn.prepare("SELECT key, id FROM kb_entity")?;
        for row in st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
            let (k, id) = row?;
            dirty_anchors.insert(k.clone());
            old_ids.insert(k, id);
        }
    } else {
        let mut st = conn.prepare_cached("SELECT id FROM kb_entity WHERE key = ?1")?;
        for a in &dirty_anchors {
            if let Some(id) = st.query_row([a], |r| r.get::<_, i64>(0)).optional()? {
                old_ids.insert(a.clone(), id);
            }
        }
    }

    // 4. Rebuild the dirty entities: drop their aliases and names first, so
    // that a name moving between two of them is not lost.
    if full {
        conn.execute_batch("DELETE FROM kb_alias; DELETE FROM kb_name;")?;
    } else {
        let mut da = conn.prepare_cached("DELETE FROM kb_alias WHERE entity = ?1")?;
        let mut dn = conn.prepare_cached("DELETE FROM kb_name WHERE entity = ?1")?;
        for id in old_ids.values() {
            da.execute([id])?;
            dn.execute([id])?;
        }
    }
    let mut next_id: i64 = crate::kb::meta_get(conn, "next_id")?
        .and_then(|v| v.parse().ok())
        .unwrap_or(1)
        .max(
            conn.query_row("SELECT coalesce(max(id), 0) + 1 FROM kb_entity", [], |r| {
                r.get(0)
            })?,
        );
    let rule_index: HashMap<String, usize> = (0..rules.merges.len())
        .map(|i| (rule_text(rules, i), i))
        .collect();
    let mut members_of = conn.prepare_cached("SELECT per, norm FROM kb_group WHERE anchor = ?1")?;
    let mut upd = conn.prepare_cached(
        "UPDATE kb_entity SET canonical = ?2, label = ?3, mentions = ?4, first_seen = ?5, last_seen = ?6
         WHERE id = ?1",
    )?;
    let mut ins_entity = conn.prepare_cached(
        "INSERT INTO kb_entity(id, key, canonical, label, mentions, first_seen, last_seen)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut del_entity = conn.prepare_cached("DELETE FROM kb_entity WHERE id = ?1")?;
    let mut ins_alias = conn.prepare_cached(
        "INSERT INTO kb_alias(norm, entity, alias, mentions) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(norm, entity, alias) DO UPDATE SET mentions = mentions + excluded.mentions",
    )?;
    let mut ins_name = conn
        .prepare_cached("INSERT OR IGNORE INTO kb_name(name, label, entity) VALUES (?1, ?2, ?3)")?;
    let mut touched: Vec<i64> = old_ids.values().copied().collect();
    for anchor in &dirty_anchors {
        let mut members: Vec<GroupKey> = members_of
            .query_map([anchor], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        members.sort();
        let rule = rule_index.get(anchor).copied();
        // The anchor's own group first: its forms name a group anchor.
        let own = members
            .iter()
            .position(|g| group_text(g) == *anchor)
            .map(|i| members.remove(i));
        let mut parts: Vec<&Group> = Vec::new();
        for g in own.iter().chain(&members) {
            groups.get(g)?;
        }
        for g in own.iter().chain(&members) {
            if let Some(Some(agg)) = groups.loaded.get(g) {
                parts.push(agg);
            }
        }
        if parts.is_empty() || (rule.is_none() && own.is_none()) {
            if let Some(id) = old_ids.get(anchor) {
                del_entity.execute([id])?;
            }
            continue;
        }
        let mut labels: HashMap<String, i64> = HashMap::new();
        let mut aliases: HashMap<String, i64> = HashMap::new();
        let mut names: BTreeSet<&(String, String)> = BTreeSet::new();
        let (mut mentions, mut first, mut last) = (0i64, None, None);
        for p in &parts {
            for (l, n) in &p.labels {
                *labels.entry(l.clone()).or_default() += n;
            }
            for (a, n) in &p.aliases {
                *aliases.entry(a.clone()).or_default() += n;
            }
            names.extend(&p.names);
            mentions += p.mentions;
            first = min_opt(first, p.first.clone());
            last = max_opt(last, p.last.clone());
        }
        let label = top(&labels).unwrap_or("MISC").to_string();
        let (canonical, per) = match rule {
            Some(i) => {
                let per = label == "PER";
                let written = rules.merges[i].first().map_or("", |n| n.written.as_str());
                (clean(written, per), per)
            }
            None => {
                let a = parts[0];
                (top(&a.forms).unwrap_or(a.norm.as_str()).to_string(), a.per)
            }
        };
        let id = match old_ids.get(anchor) {
            Some(&id) => {
                upd.execute(params![id, canonical, label, mentions, first, last])?;
                id
            }
            None => {
                let id = next_id;
                next_id += 1;
                ins_entity.execute(params![id, anchor, canonical, label, mentions, first, last])?;
                touched.push(id);
                id
            }
        };
        // The canonical name is always an alias, even if never written alone.
        aliases.entry(canonical.clone()).or_insert(0);
        for (alias, n) in &aliases {
            let norm = normalise_name(&clean(alias, per));
            if !norm.is_empty() {
                ins_alias.execute(params![norm, id, alias, n])?;
            }
        }
        for (name, label) in names {
            ins_name.execute(params![name, label, id])?;
        }
    }
    crate::kb::meta_set(conn, "next_id", &next_id.to_string())?;
    let entities: i64 = conn.query_row("SELECT count(*) FROM kb_entity", [], |r| r.get(0))?;
    Ok(Resolved {
        entities: entities.max(0) as u64,
        recomputed: dirty_anchors.len() as u64,
        touched,
    })
}
