//! Errors of the server and the HTTP status each maps to.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use chronicle_query::QueryError;
use chronicle_store::StoreError;
use serde_json::json;

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("unknown entity `{name}`")]
    UnknownEntity {
        name: String,
        suggestions: Vec<String>,
    },
    #[error("{0}")]
    BadRequest(String),
    #[error("invalid request body")]
    InvalidBody(Vec<String>),
    #[error("{0}")]
    NotFound(String),
    #[error("this server is read-only")]
    ReadOnly,
    #[error("cannot bind {addr}: {message}")]
    Bind { addr: String, message: String },
    #[error("{0}")]
    Internal(String),
}

impl From<QueryError> for ServeError {
    fn from(e: QueryError) -> Self {
        match e {
            QueryError::Store(s) => ServeError::Store(s),
            QueryError::UnknownEntity { name, suggestions } => {
                ServeError::UnknownEntity { name, suggestions }
            }
        }
    }
}

impl IntoResponse for ServeError {
    fn into_response(self) -> Response {
        let message = self.to_string();
        let (status, body) = match &self {
            ServeError::UnknownEntity { suggestions, .. } => (
                StatusCode::NOT_FOUND,
                json!({"error": message, "suggestions": suggestions}),
            ),
            ServeError::BadRequest(_) => (StatusCode::BAD_REQUEST, json!({"error": message})),
            ServeError::InvalidBody(errors) => (
                StatusCode::BAD_REQUEST,
                json!({"error": message, "errors": errors}),
            ),
            ServeError::NotFound(_) => (StatusCode::NOT_FOUND, json!({"error": message})),
            ServeError::ReadOnly => (StatusCode::FORBIDDEN, json!({"error": message})),
            ServeError::Store(StoreError::Busy { .. }) => (
                StatusCode::SERVICE_UNAVAILABLE,
                json!({"error": message, "retry": true}),
            ),
            ServeError::Store(StoreError::Query { .. }) => {
                (StatusCode::BAD_REQUEST, json!({"error": message}))
            }
            ServeError::Store(_) | ServeError::Bind { .. } | ServeError::Internal(_) => {
                (StatusCode::INTERNAL_SERVER_ERROR, json!({"error": message}))
            }
        };
        (status, Json(body)).into_response()
    }
}
