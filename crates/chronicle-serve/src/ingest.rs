//! `POST /api/ingest`: JSON Lines in, validated as a whole, annotated and
//! stored as one batch.

use std::ops::ControlFlow;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::Json;
use chronicle_ingest::{Format, ReadOptions};
use chronicle_model::Doc;
use chronicle_store::{Outcome, Writer};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::{AppState, ServeError};

#[derive(Debug, Deserialize)]
pub struct IngestParams {
    replace: Option<bool>,
}

/// Parses every record; any bad record rejects the whole request, so a
/// client never has to find out which half of its body was stored.
fn parse(body: &[u8]) -> Result<Vec<Doc>, ServeError> {
    if std::str::from_utf8(body).is_err() {
        return Err(ServeError::BadRequest("the body is not UTF-8".into()));
    }
    let options = ReadOptions {
        format: Some(Format::Jsonl),
        dct: None,
    };
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    let _ = chronicle_ingest::read_reader(
        "body",
        "body.jsonl",
        body,
        false,
        true,
        &options,
        &mut |r| {
            match r {
                Ok(d) => docs.push(d),
                Err(e) => errors.push(e.to_string()),
            }
            ControlFlow::Continue(())
        },
    );
    if !errors.is_empty() {
        return Err(ServeError::InvalidBody(errors));
    }
    if docs.is_empty() {
        return Err(ServeError::BadRequest("the body holds no documents".into()));
    }
    Ok(docs)
}

pub async fn ingest(
    State(s): State<Arc<AppState>>,
    Query(p): Query<IngestParams>,
    body: Bytes,
) -> Result<Json<Value>, ServeError> {
    if s.config.read_only {
        return Err(ServeError::ReadOnly);
    }
    let mut docs = parse(&body)?;
    let replace = p.replace.unwrap_or(false);
    let _guard = s.ingest_lock.lock().await;
    let state = Arc::clone(&s);
    let answer = tokio::task::spawn_blocking(move || {
        let pipeline = state.pipeline.get_or_init(|| {
            chronicle_annotate::pipeline(chronicle_annotate::Layers::ALL).map_err(|e| e.to_string())
        });
        let pipeline = pipeline
            .as_ref()
            .map_err(|e| ServeError::Internal(format!("annotation pipeline: {e}")))?;
        for d in &mut docs {
            pipeline.annotate(d);
            d.tokens = Vec::new();
        }
        let annotator = chronicle_annotate::annotator_id(pipeline);
        let mut writer = Writer::open(&state.config.store, &annotator)?;
        let outcomes = writer.write_batch(&docs, replace)?;
        // Index now: the client may search for what it was told is stored.
        writer.finish()?;
        drop(writer);
        chronicle_store::kb::refresh(&state.config.store)?;
        let mut counts = chronicle_store::BatchReport::default();
        let items: Vec<Value> = docs
            .iter()
            .zip(&outcomes)
            .map(|(d, o)| {
                counts.count(o);
                match o {
                    Outcome::Added => json!({"id": d.id, "outcome": "added"}),
                    Outcome::Replaced => json!({"id": d.id, "outcome": "replaced"}),
                    Outcome::Duplicate { of } => {
                        json!({"id": d.id, "outcome": "duplicate", "of": of})
                    }
                    Outcome::Rejected { reason } => {
                        json!({"id": d.id, "outcome": "rejected", "reason": reason})
                    }
                }
            })
            .collect();
        Ok(Json(json!({
            "ingested": counts.ingested,
            "duplicates": counts.duplicates,
            "rejected": counts.rejected,
            "documents": items,
        })))
    })
    .await
    .map_err(|e| ServeError::Internal(format!("ingest task failed: {e}")))?;
    if answer.is_ok() {
        s.precompute_in_background();
    }
    answer
}
