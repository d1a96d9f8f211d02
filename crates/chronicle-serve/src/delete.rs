//! `DELETE /api/documents/{id}`: removes one document, its layers and its
//! index entries (the store's two-step scheme), then refreshes the KB.
//! Refused in `--read-only` mode; serialised with HTTP ingest.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::Json;
use chronicle_store::Writer;
use serde_json::{json, Value};

use crate::{AppState, ServeError};

pub async fn delete_document(
    State(s): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ServeError> {
    if s.config.read_only {
        return Err(ServeError::ReadOnly);
    }
    let _guard = s.ingest_lock.lock().await;
    let state = Arc::clone(&s);
    let answer = tokio::task::spawn_blocking(move || {
        // Nothing is annotated here, so the annotator name is never stored.
        let mut writer = Writer::open(&state.config.store, "chronicle serve delete")?;
        let found = writer.delete(std::slice::from_ref(&id))?;
        if found.first().copied().unwrap_or(false) {
            Ok(Json(json!({"id": id, "deleted": true})))
        } else {
            Err(ServeError::NotFound(format!("no document `{id}`")))
        }
    })
    .await
    .map_err(|e| ServeError::Internal(format!("delete task failed: {e}")))?;
    if answer.is_ok() {
        s.precompute_in_background();
    }
    answer
}
