//! Annotation layers ↔ rows: one table per layer, byte offsets.

use chronicle_model::{
    Doc, Entity, EntityLabel, Event, Quote, QuoteKind, Span, Timex, TimexMod, TimexType,
};
use rusqlite::{params, Connection, Transaction};

use crate::{Result, StoreError};

/// Inserts every layer of `doc` under document key `key`.
pub(crate) fn insert(tx: &Transaction<'_>, key: i64, doc: &Doc) -> Result<()> {
    let mut st =
        tx.prepare_cached("INSERT INTO sentences(doc, idx, start, end) VALUES (?1, ?2, ?3, ?4)")?;
    for (i, s) in doc.sentences.iter().enumerate() {
        st.execute(params![key, i as i64, s.start, s.end])?;
    }
    let mut st =
        tx.prepare_cached("INSERT INTO paragraphs(doc, idx, start, end) VALUES (?1, ?2, ?3, ?4)")?;
    for (i, s) in doc.paragraphs.iter().enumerate() {
        st.execute(params![key, i as i64, s.start, s.end])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO entities(doc, idx, start, end, label, canonical, mention)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (i, e) in doc.entities.iter().enumerate() {
        let mention = doc.text.get(e.span.range()).unwrap_or("");
        st.execute(params![
            key,
            i as i64,
            e.span.start,
            e.span.end,
            e.label.as_str(),
            e.canonical,
            mention
        ])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO timexes(doc, idx, start, end, type, value, mod) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (i, t) in doc.timexes.iter().enumerate() {
        st.execute(params![
            key,
            i as i64,
            t.span.start,
            t.span.end,
            t.kind.as_str(),
            t.value,
            t.modifier.map(TimexMod::as_str)
        ])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO quotes(doc, idx, start, end, parts, kind, speaker, speaker_start, speaker_end,
                            cue, cue_start, cue_end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    for (i, q) in doc.quotes.iter().enumerate() {
        let parts: Vec<[u32; 2]> = q.parts.iter().map(|p| [p.start, p.end]).collect();
        st.execute(params![
            key,
            i as i64,
            q.span.start,
            q.span.end,
            serde_json::to_string(&parts).unwrap_or_else(|_| "[]".into()),
            q.kind.as_str(),
            q.speaker,
            q.speaker_span.map(|s| s.start),
            q.speaker_span.map(|s| s.end),
            q.cue,
            q.cue_span.map(|s| s.start),
            q.cue_span.map(|s| s.end),
        ])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO events(doc, idx, kind, trigger, start, end, date, negated)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut sp = tx.prepare_cached(
        "INSERT INTO event_participants(doc, event, pos, name) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (i, e) in doc.events.iter().enumerate() {
        st.execute(params![
            key,
            i as i64,
            e.kind,
            e.trigger,
            e.span.start,
            e.span.end,
            e.date,
            e.negated
        ])?;
        for (p, name) in e.participants.iter().enumerate() {
            sp.execute(params![key, i as i64, p as i64, name])?;
        }
    }
    Ok(())
}

/// A span read back from the store, checked against the text so that a
/// damaged row cannot make a caller panic when slicing.
fn span(text: &str, start: i64, end: i64) -> Result<Span> {
    let ok = 0 <= start && start <= end && end <= i64::from(u32::MAX);
    let s = Span {
        start: start as u32,
        end: end as u32,
    };
    if ok && s.is_valid_in(text) {
        Ok(s)
    } else {
        Err(StoreError::Corrupt(format!(
            "span {start}..{end} is not inside its document"
        )))
    }
}

fn spans(conn: &Connection, table: &str, key: i64, text: &str) -> Result<Vec<Span>> {
    let mut st = conn.prepare_cached(&format!(
        "SELECT start, end FROM {table} WHERE doc = ?1 ORDER BY idx"
    ))?;
    let rows = st.query_map([key], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?;
    let mut out = Vec::new();
    for row in rows {
        let (a, b) = row?;
        out.push(span(text, a, b)?);
    }
    Ok(out)
}

/// Loads every stored layer of document `key` into `doc` (whose text is set).
pub(crate) fn load(conn: &Connection, key: i64, doc: &mut Doc) -> Result<()> {
    let text = doc.text.clone();
    doc.sentences = spans(conn, "sentences", key, &text)?;
    doc.paragraphs = spans(conn, "paragraphs", key, &text)?;

    let mut st = conn.prepare_cached(
        "SELECT start, end, label, canonical FROM entities WHERE doc = ?1 ORDER BY idx",
    )?;
    let rows = st.query_map([key], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    for row in rows {
        let (a, b, label, canonical) = row?;
        let label = EntityLabel::parse(&label)
            .ok_or_else(|| StoreError::Corrupt(format!("unknown entity label `{label}`")))?;
        doc.entities.push(Entity {
            span: span(&text, a, b)?,
            label,
            canonical,
        });
    }

    let mut st = conn.prepare_cached(
        "SELECT start, end, type, value, mod FROM timexes WHERE doc = ?1 ORDER BY idx",
    )?;
    let rows = st.query_map([key], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, Option<String>>(4)?,
        ))
    })?;
    for row in rows {
        let (a, b, kind, value, modifier) = row?;
        let kind = TimexType::parse(&kind)
            .ok_or_else(|| StoreError::Corrupt(format!("unknown timex type `{kind}`")))?;
        doc.timexes.push(Timex {
            span: span(&text, a, b)?,
            kind,
            value,
            modifier: modifier.as_deref().and_then(TimexMod::parse),
        });
    }

    let mut st = conn.prepare_cached(
        "SELECT start, end, parts, kind, speaker, speaker_start, speaker_end, cue, cue_start, cue_end
         FROM quotes WHERE doc = ?1 ORDER BY idx",
    )?;
    let rows = st.query_map([key], |r| {
        Ok((
            (r.get::<_, i64>(0)?, r.get::<_, i64>(1)?),
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, Option<String>>(4)?,
            (r.get::<_, Option<i64>>(5)?, r.get::<_, Option<i64>>(6)?),
            r.get::<_, String>(7)?,
            (r.get::<_, Option<i64>>(8)?, r.get::<_, Option<i64>>(9)?),
        ))
    })?;
    for row in rows {
        let ((a, b), parts, kind, speaker, (ss, se), cue, (cs, ce)) = row?;
        let parts: Vec<[i64; 2]> = serde_json::from_str(&parts)
            .map_err(|e| StoreError::Corrupt(format!("quote parts: {e}")))?;
        let parts = parts
            .into_iter()
            .map(|[x, y]| span(&text, x, y))
            .collect::<Result<Vec<_>>>()?;
        let opt = |s: Option<i64>, e: Option<i64>| match (s, e) {
            (Some(s), Some(e)) => span(&text, s, e).map(Some),
            _ => Ok(None),
        };
        doc.quotes.push(Quote {
            span: span(&text, a, b)?,
            parts,
            kind: if kind == "indirect" {
                QuoteKind::Indirect
            } else {
                QuoteKind::Direct
            },
            speaker,
            speaker_span: opt(ss, se)?,
            cue,
            cue_span: opt(cs, ce)?,
        });
    }

    let mut st = conn.prepare_cached(
        "SELECT idx, kind, trigger, start, end, date, negated FROM events WHERE doc = ?1 ORDER BY idx",
    )?;
    let mut sp = conn.prepare_cached(
        "SELECT name FROM event_participants WHERE doc = ?1 AND event = ?2 ORDER BY pos",
    )?;
    let rows = st.query_map([key], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            (r.get::<_, i64>(3)?, r.get::<_, i64>(4)?),
            r.get::<_, Option<String>>(5)?,
            r.get::<_, bool>(6)?,
        ))
    })?;
    for row in rows {
        let (idx, kind, trigger, (a, b), date, negated) = row?;
        let participants = sp
            .query_map(params![key, idx], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        doc.events.push(Event {
            kind,
            trigger,
            span: span(&text, a, b)?,
            participants,
            date,
            negated,
        });
    }
    Ok(())
}
