//! `chronicle serve`: a JSON API and a web page over one store, from one
//! binary.
//!
//! The page is plain HTML, CSS and JavaScript committed under `assets/` and
//! embedded with `include_str!`: no build step, no CDN, nothing fetched at
//! run time. Every query runs on tokio's blocking pool against a small pool
//! of read-only [`Store`] handles, so slow queries never stall the accept
//! loop; SQLite's WAL mode lets them run while an ingest writes. Ingest over
//! HTTP validates the whole body before storing anything, takes the store's
//! single writer only for the duration of the request (so the CLI can
//! ingest while the server runs), and is refused in `--read-only` mode.
//! Only this crate and the CLI know JSON; errors map to HTTP statuses in
//! `error.rs`.

mod api;
mod delete;
mod error;
mod ingest;
mod pages;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use chronicle_model::Pipeline;
use chronicle_store::Store;

pub use error::ServeError;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Config {
    pub store: PathBuf,
    /// Refuse `POST /api/ingest`.
    pub read_only: bool,
    /// Largest accepted ingest body, in bytes.
    pub max_body: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            store: PathBuf::from("chronicle-store"),
            read_only: false,
            max_body: 16 * 1024 * 1024,
        }
    }
}

/// Shared state of the handlers.
pub(crate) struct AppState {
    pub config: Config,
    /// Idle read handles, reused across requests.
    pool: Mutex<Vec<Store>>,
    /// The annotation pipeline, loaded on the first ingest.
    pub pipeline: OnceLock<Result<Pipeline, String>>,
    /// One HTTP ingest at a time.
    pub ingest_lock: tokio::sync::Mutex<()>,
    /// One background precompute at a time; the next one picks up what
    /// went stale meanwhile.
    pub precompute_lock: Mutex<()>,
}

impl AppState {
    /// Precomputes, on the blocking pool and after the response has gone,
    /// the answers an ingest or a delete staled, as `chronicle ingest`
    /// does, so that later queries stay warm; a query that comes first
    /// computes what it needs itself. A refresh in between only leaves
    /// answers stale (they are stored under the generation they were
    /// computed at), so no lock against writers is needed.
    pub fn precompute_in_background(self: &Arc<Self>) {
        let state = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let Ok(_one) = state.precompute_lock.lock() else {
                return;
            };
            let done = Store::open(&state.config.store)
                .map_err(chronicle_query::QueryError::from)
                .and_then(|s| chronicle_query::precompute(&s));
            if let Err(e) = done {
                eprintln!("warning: precomputing answers: {e}");
            }
        });
    }

    /// Runs `f` with a store handle on the blocking pool.
    pub async fn with_store<T, F>(self: &Arc<Self>, f: F) -> Result<T, ServeError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, ServeError> + Send + 'static,
    {
        let state = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let taken = state.pool.lock().ok().and_then(|mut p| p.pop());
            let store = match taken {
                Some(s) => s,
                None => Store::open(&state.config.store)?,
            };
            let out = f(&store);
            if let Ok(mut p) = state.pool.lock() {
                if p.len() < 8 {
                    p.push(store);
                }
            }
            out
        })
        .await
        .map_err(|e| ServeError::Internal(format!("query task failed: {e}")))?
    }
}

/// The application: API routes, the page and its assets.
///
/// # Errors
/// When the store cannot be opened.
pub fn app(config: Config) -> Result<Router, ServeError> {
    // Open once up front so a bad store fails at start, not per request.
    let store = Store::open(&config.store)?;
    if !config.read_only {
        // Opening a writer finishes the index work of a writer that was
        // killed (see chronicle_store), so everything stored is searchable.
        // Busy means another writer is running and will do it.
        match chronicle_store::Writer::open(&config.store, "chronicle serve") {
            Ok(_) | Err(chronicle_store::StoreError::Busy { .. }) => {}
            Err(e) => return Err(e.into()),
        }
    }
    store.kb_refresh()?;
    let max_body = config.max_body;
    let state = Arc::new(AppState {
        config,
        pool: Mutex::new(vec![store]),
        pipeline: OnceLock::new(),
        ingest_lock: tokio::sync::Mutex::new(()),
        precompute_lock: Mutex::new(()),
    });
    Ok(Router::new()
        .route("/", get(pages::index))
        .route("/assets/app.js", get(pages::script))
        .route("/assets/style.css", get(pages::style))
        .route("/api/openapi.json", get(pages::openapi))
        .route("/api/stats", get(api::stats))
        .route("/api/search", get(api::search))
        .route("/api/documents", get(api::documents))
        .route(
            "/api/documents/{id}",
            get(api::document).delete(delete::delete_document),
        )
        .route("/api/entities", get(api::entities))
        .route("/api/entities/{name}", get(api::entity))
        .route("/api/timeline/{name}", get(api::timeline))
        .route("/api/quotes", get(api::quotes))
        .route("/api/conflicts", get(api::conflicts))
        .route("/api/contacts", get(api::contacts))
        .route(
            "/api/ingest",
            post(ingest::ingest).layer(DefaultBodyLimit::max(max_body)),
        )
        .fallback(api::not_found)
        .with_state(state))
}

/// Serves `config` on an already bound listener until the process ends.
///
/// # Errors
/// Store and socket errors.
pub async fn serve(config: Config, listener: tokio::net::TcpListener) -> Result<(), ServeError> {
    let router = app(config)?;
    axum::serve(listener, router)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|e| ServeError::Internal(format!("server: {e}")))
}

/// Binds `addr` and serves until interrupted, on a runtime of its own
/// (for the CLI, which is not async).
///
/// # Errors
/// Store, bind and socket errors.
pub fn run_blocking(config: Config, addr: SocketAddr) -> Result<(), ServeError> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| ServeError::Internal(format!("starting the runtime: {e}")))?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|e| ServeError::Bind {
                addr: addr.to_string(),
                message: e.to_string(),
            })?;
        let local = listener
            .local_addr()
            .map(|a| a.to_string())
            .unwrap_or_else(|_| addr.to_string());
        if !addr.ip().is_loopback() {
            eprintln!("warning: serving on {local}, reachable from other machines");
        }
        eprintln!("serving {} on http://{local}/", config.store.display());
        serve(config, listener).await
    })
}
