//! JSON values to Python objects, so that `annotate` returns exactly the
//! objects `json.loads` would make of the CLI's line (same keys, same order),
//! without printing and re-parsing the text.
//!
//! Building the objects holds the GIL, so it is the serial part of a batch.
//! The few dozen distinct keys of the contract are made into Python strings
//! once per call and reused: a new string per key of every span cost more
//! than the rest of the dict.

use std::collections::HashMap;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyModule, PyString};
use serde_json::Value;

/// Python's cyclic garbage collector, paused while a batch's objects are
/// built and resumed when this is dropped (if it was running).
///
/// Every few hundred new dicts and lists trigger a collection, and a
/// collection of an older generation walks every object the batch has built
/// so far: half the time of building a batch's dicts went there (a py-spy
/// profile). The objects built here hold only strings, numbers and other
/// new containers, so they can never form a cycle for it to find.
pub struct GcPause<'py> {
    gc: Option<Bound<'py, PyModule>>,
}

impl<'py> GcPause<'py> {
    /// # Errors
    /// When the `gc` module cannot be imported or called.
    pub fn new(py: Python<'py>) -> PyResult<Self> {
        let gc = py.import("gc")?;
        if !gc.call_method0("isenabled")?.is_truthy()? {
            return Ok(GcPause { gc: None });
        }
        gc.call_method0("disable")?;
        Ok(GcPause { gc: Some(gc) })
    }
}

impl Drop for GcPause<'_> {
    fn drop(&mut self) {
        if let Some(gc) = &self.gc {
            // Cannot fail unless the interpreter is shutting down.
            let _ = gc.call_method0("enable");
        }
    }
}

/// Converts values to Python objects, reusing one Python string per key.
pub struct Converter<'py> {
    py: Python<'py>,
    keys: HashMap<String, Bound<'py, PyString>>,
}

impl<'py> Converter<'py> {
    pub fn new(py: Python<'py>) -> Self {
        Converter {
            py,
            keys: HashMap::new(),
        }
    }

    fn key(&mut self, key: &str) -> Bound<'py, PyString> {
        if let Some(k) = self.keys.get(key) {
            return k.clone();
        }
        let k = PyString::intern(self.py, key);
        self.keys.insert(key.to_owned(), k.clone());
        k
    }

    /// The Python object for `value`: dicts, lists, str, int, float, bool, None.
    ///
    /// # Errors
    /// Only when Python cannot allocate.
    pub fn convert(&mut self, value: &Value) -> PyResult<Bound<'py, PyAny>> {
        let py = self.py;
        Ok(match value {
            Value::Null => py.None().into_bound(py),
            Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
            Value::Number(n) => {
                if let Some(i) = n.as_i64() {
                    i.into_pyobject(py)?.into_any()
                } else if let Some(u) = n.as_u64() {
                    u.into_pyobject(py)?.into_any()
                } else {
                    n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any()
                }
            }
            Value::String(s) => PyString::new(py, s).into_any(),
            Value::Array(items) => {
                let objects = items
                    .iter()
                    .map(|item| self.convert(item))
                    .collect::<PyResult<Vec<_>>>()?;
                PyList::new(py, objects)?.into_any()
            }
            Value::Object(map) => {
                let dict = PyDict::new(py);
                for (key, item) in map {
                    dict.set_item(self.key(key), self.convert(item)?)?;
                }
                dict.into_any()
            }
        })
    }
}

/// The Python object for one value (see [`Converter::convert`]).
///
/// # Errors
/// Only when Python cannot allocate.
pub fn to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Converter::new(py).convert(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gc_is_paused_and_resumed_as_it_was() {
        Python::initialize();
        Python::attach(|py| {
            let enabled = |py: Python<'_>| -> bool {
                py.import("gc")
                    .and_then(|gc| gc.call_method0("isenabled"))
                    .and_then(|on| on.is_truthy())
                    .unwrap_or(false)
            };
            assert!(enabled(py));
            {
                let _pause = GcPause::new(py);
                assert!(!enabled(py));
                {
                    let _inner = GcPause::new(py);
                    assert!(!enabled(py));
                }
                // The inner pause found it off and leaves it off.
                assert!(!enabled(py));
            }
            assert!(enabled(py));
        });
    }

    #[test]
    fn nested_values_convert_with_shared_keys() {
        Python::initialize();
        Python::attach(|py| {
            let value = serde_json::json!({
                "a": [{"start": 1, "end": 2}, {"start": 3, "end": 4000000000u64}],
                "b": null, "c": true, "d": 1.5, "e": "x"
            });
            let Ok(obj) = to_py(py, &value) else {
                panic!("conversion failed")
            };
            let text = obj.str().map(|s| s.to_string()).unwrap_or_default();
            assert_eq!(
                text,
                "{'a': [{'start': 1, 'end': 2}, {'start': 3, 'end': 4000000000}], \
                 'b': None, 'c': True, 'd': 1.5, 'e': 'x'}"
            );
        });
    }
}
