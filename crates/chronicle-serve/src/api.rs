//! The JSON API's read endpoints.

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chronicle_model::CharOffsets;
use chronicle_query::{DateFilter, TimelineOptions};
use chronicle_store::SearchQuery;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::{AppState, ServeError};

type St = State<Arc<AppState>>;
type ApiResult = Result<Json<Value>, ServeError>;

fn to_json<T: serde::Serialize>(v: &T) -> Result<Value, ServeError> {
    serde_json::to_value(v).map_err(|e| ServeError::Internal(e.to_string()))
}

fn dates(from: &Option<String>, to: &Option<String>) -> Result<DateFilter, ServeError> {
    for v in [from, to].into_iter().flatten() {
        if !chronicle_query::is_calendar_date(v) {
            return Err(ServeError::BadRequest(format!(
                "`{v}` is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
            )));
        }
    }
    Ok(DateFilter {
        from: from.clone(),
        to: to.clone(),
    })
}

fn day(v: &Option<String>, name: &str) -> Result<Option<chronicle_model::Date>, ServeError> {
    v.as_deref()
        .map(|d| {
            d.parse().map_err(|_| {
                ServeError::BadRequest(format!("{name}: `{d}` is not a date (YYYY-MM-DD)"))
            })
        })
        .transpose()
}

pub async fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        Json(json!({"error": "no such endpoint"})),
    )
        .into_response()
}

pub async fn stats(State(s): St) -> ApiResult {
    let st = s
        .with_store(|store| {
            let st = store.stats()?;
            Ok(json!({
                "docs": st.docs, "unindexed": st.unindexed, "sentences": st.sentences,
                "entities": st.entities, "timexes": st.timexes, "quotes": st.quotes,
                "events": st.events, "distinct_entities": st.distinct_entities,
                "first_date": st.first_date, "last_date": st.last_date,
                "format_version": st.format_version,
            }))
        })
        .await?;
    Ok(Json(st))
}

#[derive(Debug, Deserialize)]
pub struct SearchParams {
    q: Option<String>,
    from: Option<String>,
    to: Option<String>,
    limit: Option<usize>,
}

pub async fn search(State(s): St, Query(p): Query<SearchParams>) -> ApiResult {
    let text = p.q.unwrap_or_default();
    if text.trim().is_empty() {
        return Err(ServeError::BadRequest(
            "the `q` parameter is required".into(),
        ));
    }
    let query = SearchQuery {
        text,
        from: day(&p.from, "from")?,
        to: day(&p.to, "to")?,
        limit: p.limit.unwrap_or(20).min(1000),
    };
    let items = s
        .with_store(move |store| {
            let hits = store.search(&query)?;
            let mut items = Vec::with_capacity(hits.len());
            for h in &hits {
                // Cite the source: url and publisher as stored.
                let doc = store.document_summary(&h.id)?;
                let (url, publisher) = doc.map_or((None, None), |d| (d.url, d.source));
                items.push(json!({"id": h.id, "date": h.date, "title": h.title, "url": url, "publisher": publisher, "snippet": h.snippet, "score": h.score}));
            }
            Ok(items)
        })
        .await?;
    Ok(Json(Value::Array(items)))
}

#[derive(Debug, Deserialize)]
pub struct Paging {
    offset: Option<usize>,
    limit: Option<usize>,
}

pub async fn documents(State(s): St, Query(p): Query<Paging>) -> ApiResult {
    let (offset, limit) = (p.offset.unwrap_or(0), p.limit.unwrap_or(50).min(1000));
    let docs = s
        .with_store(move |store| Ok(store.documents(offset, limit)?))
        .await?;
    let items: Vec<Value> = docs
        .iter()
        .map(|d| json!({"id": d.id, "date": d.date, "title": d.title, "url": d.url, "source": d.source}))
        .collect();
    Ok(Json(Value::Array(items)))
}

pub async fn document(State(s): St, Path(id): Path<String>) -> ApiResult {
    let doc = s
        .with_store(move |store| {
            store
                .get(&id)?
                .ok_or(ServeError::NotFound(format!("no document `{id}`")))
        })
        .await?;
    let off = CharOffsets::new(&doc.text);
    let sp = |s: chronicle_model::Span| {
        let (a, b) = off.span(s);
        json!([a, b])
    };
    Ok(Json(json!({
        "id": doc.id,
        "date": doc.date.map(|d| d.to_string()),
        "title": doc.title,
        "url": doc.meta.url,
        "source": doc.meta.source,
        "text": doc.text,
        "sentences": doc.sentences.iter().map(|s| sp(*s)).collect::<Vec<_>>(),
        "entities": doc.entities.iter().map(|e| json!({"span": sp(e.span), "label": e.label.as_str(), "canonical": e.canonical})).collect::<Vec<_>>(),
        "timexes": doc.timexes.iter().map(|t| json!({"span": sp(t.span), "type": t.kind.as_str(), "value": t.value})).collect::<Vec<_>>(),
        "quotes": doc.quotes.iter().map(|q| json!({"span": sp(q.span), "kind": q.kind.as_str(), "speaker": q.speaker, "cue": q.cue})).collect::<Vec<_>>(),
        "events": doc.events.iter().map(|e| json!({"span": sp(e.span), "kind": e.kind, "trigger": e.trigger, "participants": e.participants, "date": e.date, "negated": e.negated})).collect::<Vec<_>>(),
    })))
}

#[derive(Debug, Deserialize)]
pub struct EntityParams {
    #[serde(rename = "type")]
    label: Option<String>,
    limit: Option<usize>,
}

pub async fn entities(State(s): St, Query(p): Query<EntityParams>) -> ApiResult {
    let limit = p.limit.unwrap_or(50).min(10_000);
    let list = s
        .with_store(move |store| Ok(chronicle_query::entities(store, p.label.as_deref(), limit)?))
        .await?;
    Ok(Json(to_json(&list)?))
}

pub async fn entity(State(s): St, Path(name): Path<String>) -> ApiResult {
    let e = s
        .with_store(move |store| Ok(chronicle_query::entity_info(store, &name)?))
        .await?;
    Ok(Json(to_json(&e)?))
}

#[derive(Debug, Deserialize)]
pub struct DatedParams {
    from: Option<String>,
    to: Option<String>,
    limit: Option<usize>,
    speaker: Option<String>,
}

pub async fn timeline(
    State(s): St,
    Path(name): Path<String>,
    Query(p): Query<DatedParams>,
) -> ApiResult {
    let opts = TimelineOptions {
        dates: dates(&p.from, &p.to)?,
        limit: p.limit.unwrap_or(200).min(10_000),
    };
    let t = s
        .with_store(move |store| Ok(chronicle_query::timeline(store, &name, &opts)?))
        .await?;
    Ok(Json(to_json(&t)?))
}

pub async fn quotes(State(s): St, Query(p): Query<DatedParams>) -> ApiResult {
    let filter = dates(&p.from, &p.to)?;
    let limit = p.limit.unwrap_or(100).min(10_000);
    let q = s
        .with_store(move |store| {
            Ok(chronicle_query::quotes(
                store,
                p.speaker.as_deref(),
                &filter,
                limit,
            )?)
        })
        .await?;
    Ok(Json(to_json(&q)?))
}

#[derive(Debug, Deserialize)]
pub struct EntityFilter {
    entity: Option<String>,
    format: Option<String>,
    limit: Option<usize>,
}

pub async fn conflicts(State(s): St, Query(p): Query<EntityFilter>) -> ApiResult {
    let c = s
        .with_store(move |store| Ok(chronicle_query::conflicts(store, p.entity.as_deref())?))
        .await?;
    Ok(Json(to_json(&c)?))
}

pub async fn contacts(State(s): St, Query(p): Query<EntityFilter>) -> Result<Response, ServeError> {
    let limit = p.limit.unwrap_or(10_000);
    let entity = p.entity.clone();
    let c = s
        .with_store(move |store| Ok(chronicle_query::contacts(store, entity.as_deref(), limit)?))
        .await?;
    Ok(match p.format.as_deref() {
        None | Some("json") => Json(to_json(&c)?).into_response(),
        Some("csv") => (
            [(header::CONTENT_TYPE, "text/csv; charset=utf-8")],
            chronicle_query::contacts_csv(&c),
        )
            .into_response(),
        Some("graphml") => (
            [(
                header::CONTENT_TYPE,
                "application/graphml+xml; charset=utf-8",
            )],
            chronicle_query::contacts_graphml(&c),
        )
            .into_response(),
        Some(other) => {
            return Err(ServeError::BadRequest(format!(
                "format `{other}`: expected json, csv or graphml"
            )))
        }
    })
}
