//! Tapes of the JSON contract to Python objects, so that `annotate` returns
//! exactly the objects `json.loads` would make of the CLI's line (same keys,
//! same order), without printing and re-parsing the text.
//!
//! Building the objects holds the GIL, so it is the serial part of a batch,
//! and every object not built is time saved: the few dozen names of the
//! contract (keys, entity labels, timex types) are one Python string each per
//! call, a string equal to the one before it in the same object (an entity's
//! canonical name and its text, most often) is shared, and the document's
//! text is the caller's own object. On the Timeline17 articles that is 0.6 M
//! strings fewer (0.37 M labels, 0.23 M canonical names), and the calling
//! thread's CPU time fell from 0.40 to 0.33 s a batch.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use pyo3::exceptions::PyRuntimeError;
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyModule, PyString};

use crate::tape::{Item, Tape};

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

/// Builds Python objects from tapes, with one Python string per name.
pub struct Converter<'py> {
    py: Python<'py>,
    /// Names are `&'static str`s (field names, labels): looked up by
    /// address, which is cheaper than hashing their text for every field.
    names: HashMap<usize, Bound<'py, PyString>, BuildHasherDefault<AddressHasher>>,
}

impl<'py> Converter<'py> {
    pub fn new(py: Python<'py>) -> Self {
        Converter {
            py,
            names: HashMap::default(),
        }
    }

    fn name(&mut self, name: &'static str) -> &Bound<'py, PyString> {
        let py = self.py;
        self.names
            .entry(name.as_ptr() as usize)
            .or_insert_with(|| PyString::intern(py, name))
    }

    /// The Python object of a tape: dicts, lists, str, int, float, bool, None.
    ///
    /// `text`, when given, is the caller's own object for the document's
    /// text, used as the top-level `text` field instead of a copy: annotation
    /// never changes the text, so it is the same string.
    ///
    /// # Errors
    /// When Python cannot allocate, or the tape is malformed (a bug).
    pub fn convert(
        &mut self,
        tape: &Tape,
        text: Option<&Bound<'py, PyString>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let mut items = tape.items.iter();
        self.value(&mut items, tape, text)
    }

    /// `text`: the caller's text object, given for the top-level value only.
    fn value(
        &mut self,
        items: &mut std::slice::Iter<'_, Item>,
        tape: &Tape,
        text: Option<&Bound<'py, PyString>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = self.py;
        Ok(match *items.next().ok_or_else(malformed)? {
            Item::Null => py.None().into_bound(py),
            Item::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
            Item::Int(i) => i.into_pyobject(py)?.into_any(),
            Item::Uint(u) => u.into_pyobject(py)?.into_any(),
            Item::Float(f) => f.into_pyobject(py)?.into_any(),
            Item::Str { start, end } => string(py, tape, start, end)?.into_any(),
            Item::Name(name) => self.name(name).clone().into_any(),
            Item::List(n) => self.list(n, items, tape)?,
            Item::Map(n) => self.map(n, items, tape, text)?,
        })
    }

    fn list(
        &mut self,
        n: u32,
        items: &mut std::slice::Iter<'_, Item>,
        tape: &Tape,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = self.py;
        let len = ffi::Py_ssize_t::try_from(n).map_err(|_| malformed())?;
        // SAFETY: PyList_New returns a new reference or NULL with an error
        // set; each slot is then filled exactly once by PyList_SetItem, which
        // steals the member's reference, before the list is handed out.
        unsafe {
            let list = Bound::from_owned_ptr_or_err(py, ffi::PyList_New(len))?;
            for i in 0..len {
                let member = self.value(items, tape, None)?;
                if ffi::PyList_SetItem(list.as_ptr(), i, member.into_ptr()) != 0 {
                    return Err(PyErr::fetch(py));
                }
            }
            Ok(list)
        }
    }

    fn map(
        &mut self,
        n: u32,
        items: &mut std::slice::Iter<'_, Item>,
        tape: &Tape,
        text: Option<&Bound<'py, PyString>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = self.py;
        let dict = PyDict::new(py);
        // A string equal to the one just before it in the same object (an
        // entity's canonical name is most often its text) shares its object.
        let mut last: Option<(&str, Bound<'py, PyString>)> = None;
        for _ in 0..n {
            let (key, name) = match *items.next().ok_or_else(malformed)? {
                Item::Name(name) => (self.name(name).clone(), Some(name)),
                Item::Str { start, end } => (string(py, tape, start, end)?, None),
                _ => return Err(malformed()),
            };
            let value = match items.as_slice().first() {
                Some(&Item::Str { start, end }) => {
                    items.next();
                    let s = tape.str(start, end).ok_or_else(malformed)?;
                    let object = match (&last, text) {
                        (_, Some(text)) if name == Some("text") => text.clone(),
                        (Some((previous, object)), _) if *previous == s => object.clone(),
                        _ => PyString::new(py, s),
                    };
                    last = Some((s, object.clone()));
                    object.into_any()
                }
                _ => self.value(items, tape, None)?,
            };
            dict.set_item(key, value)?;
        }
        Ok(dict.into_any())
    }
}

fn malformed() -> PyErr {
    PyRuntimeError::new_err("malformed annotation tape")
}

fn string<'py>(
    py: Python<'py>,
    tape: &Tape,
    start: u32,
    end: u32,
) -> PyResult<Bound<'py, PyString>> {
    Ok(PyString::new(
        py,
        tape.str(start, end).ok_or_else(malformed)?,
    ))
}

/// Hashes a name's address: distinct `&'static str`s have distinct
/// addresses, and the same name at two addresses only costs a second entry.
#[derive(Default)]
pub struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_usize(&mut self, address: usize) {
        self.0 = (address as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
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
                "b": null, "c": true, "d": 1.5, "e": "x", "f": -7
            });
            let Ok(tape) = Tape::of(&value) else {
                panic!("no tape")
            };
            let Ok(obj) = Converter::new(py).convert(&tape, None) else {
                panic!("conversion failed")
            };
            let text = obj.str().map(|s| s.to_string()).unwrap_or_default();
            assert_eq!(
                text,
                "{'a': [{'start': 1, 'end': 2}, {'start': 3, 'end': 4000000000}], \
                 'b': None, 'c': True, 'd': 1.5, 'e': 'x', 'f': -7}"
            );
        });
    }

    #[test]
    fn a_documents_tape_gives_what_json_loads_makes_of_its_line() {
        use chronicle_model::{Doc, Entity, EntityLabel, Span};
        let mut doc = Doc::new("d", "2017-03-02".parse().ok(), "€5 to Jeff Sessions.");
        let at = doc.text.find("Jeff").unwrap_or_default();
        doc.entities.push(Entity {
            span: Span::new(at, at + 13),
            label: EntityLabel::Per,
            canonical: "Jeff Sessions".into(),
        });
        doc.sentences.push(Span::new(0, doc.text.len()));
        doc.meta.source = Some("wire".into());
        let line = chronicle_annotate::json::doc_line(&doc);
        let Ok(tape) = Tape::of(&chronicle_annotate::json::contract(&doc)) else {
            panic!("no tape")
        };
        Python::initialize();
        Python::attach(|py| {
            let (Ok(ours), Ok(loaded)) = (
                Converter::new(py).convert(&tape, None),
                py.import("json")
                    .and_then(|json| json.call_method1("loads", (line.as_str(),))),
            ) else {
                panic!("conversion failed")
            };
            assert!(ours.eq(&loaded).unwrap_or(false), "{ours} != {loaded}");
            // Same keys in the same order, not only equal dicts.
            let keys = |d: &Bound<'_, PyAny>| {
                d.call_method0("keys")
                    .and_then(|k| k.str())
                    .map(|s| s.to_string())
                    .ok()
            };
            assert_eq!(keys(&ours), keys(&loaded));
        });
    }

    #[test]
    fn names_and_repeated_strings_share_one_object_and_text_is_the_callers() {
        use chronicle_model::{Doc, Entity, EntityLabel, Span};
        let mut doc = Doc::new("d", None, "Ann met Bob Smith.");
        for (at, len, canonical) in [(0, 3, "Ann"), (8, 9, "Robert Smith")] {
            doc.entities.push(Entity {
                span: Span::new(at, at + len),
                label: EntityLabel::Per,
                canonical: canonical.into(),
            });
        }
        let Ok(tape) = Tape::of(&chronicle_annotate::json::contract(&doc)) else {
            panic!("no tape")
        };
        Python::initialize();
        Python::attach(|py| {
            let caller = PyString::new(py, "Ann met Bob Smith.");
            let Ok(out) = Converter::new(py).convert(&tape, Some(&caller)) else {
                panic!("conversion failed")
            };
            fn get<'py>(o: &Bound<'py, PyAny>, k: &str) -> Option<Bound<'py, PyAny>> {
                o.get_item(k).ok()
            }
            let field = |i: usize, k: &str| {
                get(&out, "entities")
                    .and_then(|es| es.get_item(i).ok())
                    .and_then(|e| get(&e, k))
            };
            let same = |a: Option<Bound<'_, PyAny>>, b: Option<Bound<'_, PyAny>>| match (a, b) {
                (Some(a), Some(b)) => a.is(&b),
                _ => false,
            };
            assert!(same(get(&out, "text"), Some(caller.clone().into_any())));
            assert!(same(field(0, "label"), field(1, "label")));
            assert!(same(field(0, "text"), field(0, "canonical")));
            assert!(!same(field(1, "text"), field(1, "canonical")));
            let canonical = field(1, "canonical").map(|c| c.to_string());
            assert_eq!(canonical.as_deref(), Some("Robert Smith"));
            // Without the caller's object the text is a new, equal string.
            let Ok(copy) = Converter::new(py).convert(&tape, None) else {
                panic!("conversion failed")
            };
            let text = get(&copy, "text");
            assert!(!same(text.clone(), Some(caller.clone().into_any())));
            assert!(text.is_some_and(|t| t.eq(&caller).unwrap_or(false)));
        });
    }

    #[test]
    fn a_malformed_tape_is_an_error_not_a_crash() {
        Python::initialize();
        Python::attach(|py| {
            for items in [
                vec![Item::List(2), Item::Null],
                vec![Item::Map(1), Item::Null, Item::Null],
                vec![Item::Str { start: 0, end: 9 }],
                vec![],
            ] {
                let tape = Tape {
                    items,
                    text: "abc".into(),
                };
                assert!(Converter::new(py).convert(&tape, None).is_err());
            }
        });
    }
}
