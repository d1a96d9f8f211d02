//! Python bindings for Chronicle: the same annotation core as the CLI, called
//! in-process from notebooks and Spark workers.
//!
//! The bindings are thin on purpose. Rows are checked by the CLI's own
//! record rules, annotated by the one process-wide pipeline, and serialized
//! by the JSON contract's own `Serialize` impls, onto a flat tape that the
//! calling thread turns into Python objects, so `annotate` returns exactly
//! what `json.loads` makes of the CLI's line.
//! Batches run on worker threads with the GIL released; only the extraction
//! of inputs and the building of Python objects hold it, on the calling
//! thread, while the workers annotate the rows still to come. The Arrow entry
//! point moves columns through the C data interface, never per-row JSON.

mod engine;
mod pyjson;
mod rows;
mod tape;

use arrow::datatypes::Schema;
use arrow::pyarrow::PyArrowType;
use arrow::record_batch::RecordBatch;
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use crate::engine::EngineError;
use crate::rows::{Fields, Row};
use crate::tape::Tape;

impl From<EngineError> for PyErr {
    fn from(e: EngineError) -> PyErr {
        PyRuntimeError::new_err(e.to_string())
    }
}

impl From<tape::Error> for PyErr {
    fn from(e: tape::Error) -> PyErr {
        PyRuntimeError::new_err(e.to_string())
    }
}

/// A row's JSON contract values as a tape, and whether its `text` field is
/// the row's input text: true for an annotated document (annotation never
/// changes the text), false for a bad row, which may leave a huge text out.
struct Output {
    tape: Tape,
    text_is_input: bool,
}

/// The output of a row; a bad row is the CLI's error record (empty layers
/// and an `error` key, which a good row never has).
fn row_output(row: Row) -> Result<Output, tape::Error> {
    use chronicle_annotate::json::{contract, ErrorRow};
    Ok(match row {
        Ok(doc) => Output {
            tape: Tape::of(&contract(&doc))?,
            text_is_input: true,
        },
        Err(bad) => Output {
            tape: Tape::of(&ErrorRow {
                id: &bad.id,
                date: bad.date.as_deref(),
                text: &bad.text,
                error: &bad.error,
            })?,
            text_is_input: false,
        },
    })
}

/// An optional string argument or field; `Err` names the wrong type.
fn opt_str(value: Option<&Bound<'_, PyAny>>, name: &str) -> Result<Option<String>, String> {
    match value {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => v
            .extract::<String>()
            .map(Some)
            .map_err(|_| format!("`{name}` is not a string")),
    }
}

/// A date given as an ISO string or as anything with `isoformat()`
/// (`datetime.date`, `datetime.datetime`, `pandas.Timestamp`).
fn opt_date(value: Option<&Bound<'_, PyAny>>) -> Result<Option<String>, String> {
    let Some(v) = value.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    if let Ok(s) = v.cast::<PyString>() {
        return Ok(Some(s.to_string_lossy().into_owned()));
    }
    v.call_method0("isoformat")
        .and_then(|s| s.extract::<String>())
        .map(Some)
        .map_err(|_| "`date` is not a string or a date".to_string())
}

/// An id given as a string or an integer.
fn opt_id(value: Option<&Bound<'_, PyAny>>) -> Result<Option<String>, String> {
    let Some(v) = value.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    if let Ok(s) = v.extract::<String>() {
        return Ok(Some(s));
    }
    if let Ok(i) = v.extract::<i64>() {
        return Ok(Some(i.to_string()));
    }
    Err("`id` is not a string or an integer".into())
}

/// The fields of one batch item: a `str` (the text) or a mapping with
/// `text` and optional `id`, `date`, `title`, `url`, `source`; and the
/// item's own text object when the text was taken from it unchanged.
fn item_fields<'py>(
    item: &Bound<'py, PyAny>,
    index: usize,
) -> PyResult<(Fields, Option<Bound<'py, PyString>>)> {
    let mut fields = Fields {
        id: index.to_string(),
        ..Fields::default()
    };
    let mut problems = Vec::new();
    if item.is_none() {
        return Ok((fields, None));
    }
    if let Ok(text) = item.cast::<PyString>() {
        // A str with lone surrogates has no exact UTF-8 form: replaced.
        return Ok(match text.extract::<String>() {
            Ok(exact) => {
                fields.text = Some(exact);
                (fields, Some(text.clone()))
            }
            Err(_) => {
                fields.text = Some(text.to_string_lossy().into_owned());
                (fields, None)
            }
        });
    }
    let get = |key: &str| -> PyResult<Option<Bound<'_, PyAny>>> {
        if let Ok(dict) = item.cast::<PyDict>() {
            return dict.get_item(key);
        }
        match item.call_method1("get", (key,)) {
            Ok(v) => Ok(Some(v)),
            Err(_) => Err(PyTypeError::new_err(format!(
                "item {index} is neither a str nor a mapping"
            ))),
        }
    };
    match opt_id(get("id")?.as_ref()) {
        Ok(Some(id)) if !id.is_empty() => fields.id = id,
        Ok(_) => {}
        Err(e) => problems.push(e),
    }
    let mut string = |value: Option<&Bound<'_, PyAny>>, key: &str| match opt_str(value, key) {
        Ok(v) => v,
        Err(e) => {
            problems.push(e);
            None
        }
    };
    let text = get("text")?;
    fields.text = string(text.as_ref(), "text");
    let text = text
        .filter(|_| fields.text.is_some())
        .and_then(|t| t.cast_into::<PyString>().ok());
    fields.title = string(get("title")?.as_ref(), "title");
    fields.url = string(get("url")?.as_ref(), "url");
    fields.source = string(get("source")?.as_ref(), "source");
    match opt_date(get("date")?.as_ref()) {
        Ok(d) => fields.date = d,
        Err(e) => problems.push(e),
    }
    if !problems.is_empty() {
        fields.problem = Some(problems.join("; "));
    }
    Ok((fields, text))
}

/// Parses the batch-wide default date.
fn default_date(date: Option<&Bound<'_, PyAny>>) -> PyResult<Option<chronicle_model::Date>> {
    let text = opt_date(date).map_err(PyTypeError::new_err)?;
    match text {
        None => Ok(None),
        Some(s) => {
            let probe = Fields {
                text: Some("x".into()),
                date: Some(s.clone()),
                ..Fields::default()
            };
            rows::row(probe, None, usize::MAX)
                .map(|doc| doc.date)
                .map_err(|bad| PyValueError::new_err(bad.error))
        }
    }
}

/// Annotates one document and returns the JSON contract as Python objects
/// (the dict `json.loads` makes of `chronicle annotate --to json`'s line).
///
/// `date` is the document creation time (ISO string or `datetime.date`),
/// against which relative dates ("Wednesday") resolve.
///
/// Raises `ValueError` for an empty text or a malformed date.
#[pyfunction]
#[pyo3(signature = (text, date=None, id=None, title=None))]
fn annotate<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    date: Option<&Bound<'py, PyAny>>,
    id: Option<&Bound<'py, PyAny>>,
    title: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let fields = Fields {
        id: opt_id(id)
            .map_err(PyTypeError::new_err)?
            .unwrap_or_default(),
        text: Some(
            text.extract::<String>()
                .map_err(|_| PyTypeError::new_err("`text` is not a string"))?,
        ),
        date: opt_date(date).map_err(PyTypeError::new_err)?,
        title: opt_str(title, "title").map_err(PyTypeError::new_err)?,
        ..Fields::default()
    };
    let row = rows::row(fields, None, usize::MAX);
    if let Err(bad) = &row {
        return Err(PyValueError::new_err(bad.error.clone()));
    }
    let output = py.detach(|| -> Result<_, EngineError> {
        let pipeline = engine::pipeline()?;
        Ok(row_output(engine::annotate(pipeline, row)))
    })??;
    let text = text
        .cast::<PyString>()
        .ok()
        .filter(|_| output.text_is_input);
    pyjson::Converter::new(py).convert(&output.tape, text)
}

/// Rows handed to the workers ahead of the results converted: enough to
/// keep every core busy while the calling thread builds Python objects,
/// few enough that a long generator is never read far ahead into memory.
const ROWS_IN_FLIGHT: usize = 256;

/// Annotates many documents on all cores (the GIL is released meanwhile) and
/// returns one dict per item, in order.
///
/// Items are texts (`str`) or mappings with `text` and optional `id`,
/// `date`, `title`, `url`, `source`; an item without an id is named by its
/// position. `records` may be any iterable, a generator too: it is read
/// while the first rows are being annotated. `date` is the date of items
/// that have none. A bad item (null or empty text, malformed date, wrong
/// types, a text over `max_bytes`) gives a dict with empty layers and an
/// `error` message; it never raises. `threads`: the threads that annotate
/// (`None`: one per core), started for the batch; the calling thread reads
/// the items and builds the dicts meanwhile.
#[pyfunction]
#[pyo3(signature = (records, date=None, threads=None, max_bytes=rows::DEFAULT_MAX_BYTES))]
fn annotate_batch<'py>(
    py: Python<'py>,
    records: &Bound<'py, PyAny>,
    date: Option<&Bound<'py, PyAny>>,
    threads: Option<usize>,
    max_bytes: usize,
) -> PyResult<Bound<'py, PyList>> {
    let dct = default_date(date)?;
    let mut items = records.try_iter()?;
    let pipeline = py.detach(engine::pipeline)?;
    let annotate = |row| row_output(engine::annotate(pipeline, row));
    let dicts = engine::pipelined(threads, annotate, |pipe| -> PyResult<_> {
        let mut convert = pyjson::Converter::new(py);
        let _pause = pyjson::GcPause::new(py)?;
        let mut dicts: Vec<Option<Bound<'py, PyAny>>> = Vec::new();
        // The input's own text objects, for the results to share.
        let mut texts: Vec<Option<Bound<'py, PyString>>> = Vec::new();
        let (mut sent, mut in_flight, mut exhausted) = (0, 0, false);
        loop {
            while !exhausted && in_flight < ROWS_IN_FLIGHT {
                match items.next() {
                    Some(item) => {
                        let (fields, text) = item_fields(&item?, sent)?;
                        pipe.send(sent, rows::row(fields, dct, max_bytes));
                        dicts.push(None);
                        texts.push(text);
                        sent += 1;
                        in_flight += 1;
                    }
                    None => {
                        exhausted = true;
                        pipe.close();
                    }
                }
            }
            if in_flight == 0 {
                return Ok(dicts);
            }
            // When nothing is ready, wait without the GIL, so that other
            // Python threads run meanwhile.
            let (position, output) = pipe
                .next(|results| py.detach(move || (results.recv(), results)))
                .ok_or_else(|| PyRuntimeError::new_err("annotation workers stopped"))?;
            in_flight -= 1;
            let output = output?;
            let text = texts.get_mut(position).and_then(Option::take);
            if let Some(slot) = dicts.get_mut(position) {
                let text = text.filter(|_| output.text_is_input);
                *slot = Some(convert.convert(&output.tape, text.as_ref())?);
            }
        }
    })??;
    PyList::new(
        py,
        dicts
            .into_iter()
            .map(|dict| dict.unwrap_or_else(|| py.None().into_bound(py))),
    )
}

/// Annotates a pyarrow `RecordBatch` of (id, date, text) and returns a
/// `RecordBatch` in the schema of `arrow_schema()`: one row per input row,
/// in order, one nested list column per layer, offsets in code points.
/// Columns named `title`, `url`, `source` are carried when present. Bad rows
/// (null or empty id or text, malformed date, a text over the size limit)
/// come back with `error` set and empty layers. `threads`: as for
/// `annotate_batch`; use 1 inside Spark, which runs a task per core.
///
/// Raises `ValueError` when a named column is missing or of the wrong type.
#[pyfunction]
#[pyo3(signature = (batch, id_col="id", date_col="date", text_col="text", threads=None))]
fn annotate_arrow(
    py: Python<'_>,
    batch: PyArrowType<RecordBatch>,
    id_col: &str,
    date_col: &str,
    text_col: &str,
    threads: Option<usize>,
) -> PyResult<PyArrowType<RecordBatch>> {
    let batch = batch.0;
    let out = py.detach(|| -> Result<_, EngineError> {
        let pipeline = engine::pipeline()?;
        engine::in_pool(threads, || {
            chronicle_arrow::annotate_batch(pipeline, &batch, id_col, date_col, text_col)
        })
    })?;
    out.map(PyArrowType)
        .map_err(|e| PyValueError::new_err(e.to_string()))
}

/// The pyarrow schema of `annotate_arrow`'s output (and of the Parquet files
/// `chronicle ingest --from parquet` loads).
#[pyfunction]
fn arrow_schema() -> PyArrowType<Schema> {
    PyArrowType(chronicle_arrow::schema().as_ref().clone())
}

/// Loads the entity model now rather than on the first document (Spark
/// workers call it once per process; a missing model fails here, clearly).
#[pyfunction]
fn warm_up(py: Python<'_>) -> PyResult<()> {
    py.detach(|| engine::pipeline().map(|_| ()))?;
    Ok(())
}

#[pymodule]
fn _chronicle(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(annotate, m)?)?;
    m.add_function(wrap_pyfunction!(annotate_batch, m)?)?;
    m.add_function(wrap_pyfunction!(annotate_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(arrow_schema, m)?)?;
    m.add_function(wrap_pyfunction!(warm_up, m)?)?;
    m.add("MAX_BYTES", rows::DEFAULT_MAX_BYTES)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
