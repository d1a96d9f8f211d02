//! Typed access to the columns of batches we did not necessarily write:
//! Spark and pyarrow may hand over `large_utf8`, string views, `int32`
//! offsets, `large_list`, nullable everything, or leave a column out.
//! Each accessor casts to the one type the readers use.

use arrow::array::{Array, ArrayRef, AsArray, Int64Array, ListArray, StringArray, StructArray};
use arrow::compute::cast;
use arrow::datatypes::{DataType, Field, Int64Type};
use arrow::error::ArrowError;
use std::sync::Arc;

fn schema_error(name: &str, want: &str, got: &DataType) -> ArrowError {
    ArrowError::SchemaError(format!("column `{name}`: expected {want}, found {got}"))
}

/// `array` as UTF-8 strings (casting other string and scalar types).
pub(crate) fn strings(name: &str, array: &ArrayRef) -> Result<StringArray, ArrowError> {
    if let Some(s) = array.as_string_opt::<i32>() {
        return Ok(s.clone());
    }
    let cast = cast(array, &DataType::Utf8)
        .map_err(|_| schema_error(name, "strings", array.data_type()))?;
    cast.as_string_opt::<i32>()
        .cloned()
        .ok_or_else(|| schema_error(name, "strings", array.data_type()))
}

/// `array` as 64-bit integers (casting narrower integers).
pub(crate) fn ints(name: &str, array: &ArrayRef) -> Result<Int64Array, ArrowError> {
    if let Some(a) = array.as_primitive_opt::<Int64Type>() {
        return Ok(a.clone());
    }
    if !array.data_type().is_integer() {
        return Err(schema_error(name, "integers", array.data_type()));
    }
    let cast = cast(array, &DataType::Int64)?;
    cast.as_primitive_opt::<Int64Type>()
        .cloned()
        .ok_or_else(|| schema_error(name, "integers", array.data_type()))
}

/// `array` as a list with 32-bit offsets.
pub(crate) fn list(name: &str, array: &ArrayRef) -> Result<ListArray, ArrowError> {
    if let Some(l) = array.as_list_opt::<i32>() {
        return Ok(l.clone());
    }
    if let DataType::LargeList(item) = array.data_type() {
        let target = DataType::List(Arc::new(Field::new(
            item.name(),
            item.data_type().clone(),
            item.is_nullable(),
        )));
        let cast = cast(array, &target)?;
        if let Some(l) = cast.as_list_opt::<i32>() {
            return Ok(l.clone());
        }
    }
    Err(schema_error(name, "a list", array.data_type()))
}

/// A layer column: per row, a range of items in one struct array.
pub(crate) struct Layer {
    list: ListArray,
    pub(crate) items: StructArray,
    name: String,
}

impl Layer {
    pub(crate) fn new(name: &str, array: &ArrayRef) -> Result<Layer, ArrowError> {
        let list = list(name, array)?;
        let items = list
            .values()
            .as_struct_opt()
            .cloned()
            .ok_or_else(|| schema_error(name, "a list of structs", array.data_type()))?;
        Ok(Layer {
            list,
            items,
            name: name.to_string(),
        })
    }

    /// The item indices of `row` (empty for a null list).
    pub(crate) fn range(&self, row: usize) -> std::ops::Range<usize> {
        if self.list.is_null(row) {
            return 0..0;
        }
        let offsets = self.list.value_offsets();
        let (a, b) = (offsets[row], offsets[row + 1]);
        usize::try_from(a).unwrap_or(0)..usize::try_from(b).unwrap_or(0)
    }

    fn child(&self, field: &str) -> Option<&ArrayRef> {
        self.items.column_by_name(field)
    }

    fn path(&self, field: &str) -> String {
        format!("{}.{field}", self.name)
    }

    /// A required integer field.
    pub(crate) fn ints(&self, field: &str) -> Result<Int64Array, ArrowError> {
        let child = self.child(field).ok_or_else(|| {
            ArrowError::SchemaError(format!("column `{}` is missing", self.path(field)))
        })?;
        ints(&self.path(field), child)
    }

    /// A required string field.
    pub(crate) fn strings(&self, field: &str) -> Result<StringArray, ArrowError> {
        let child = self.child(field).ok_or_else(|| {
            ArrowError::SchemaError(format!("column `{}` is missing", self.path(field)))
        })?;
        strings(&self.path(field), child)
    }

    /// An optional integer field (absent: all null).
    pub(crate) fn opt_ints(&self, field: &str) -> Result<Option<Int64Array>, ArrowError> {
        self.child(field)
            .map(|c| ints(&self.path(field), c))
            .transpose()
    }

    /// An optional string field (absent: all null).
    pub(crate) fn opt_strings(&self, field: &str) -> Result<Option<StringArray>, ArrowError> {
        self.child(field)
            .map(|c| strings(&self.path(field), c))
            .transpose()
    }

    /// An optional nested layer (a list inside each item).
    pub(crate) fn opt_layer(&self, field: &str) -> Result<Option<Layer>, ArrowError> {
        self.child(field)
            .map(|c| Layer::new(&self.path(field), c))
            .transpose()
    }

    /// An optional list-of-strings field.
    pub(crate) fn opt_string_lists(
        &self,
        field: &str,
    ) -> Result<Option<(ListArray, StringArray)>, ArrowError> {
        let Some(child) = self.child(field) else {
            return Ok(None);
        };
        let path = self.path(field);
        let l = list(&path, child)?;
        let values = strings(&path, l.values())?;
        Ok(Some((l, values)))
    }

    pub(crate) fn opt_bools(
        &self,
        field: &str,
    ) -> Result<Option<arrow::array::BooleanArray>, ArrowError> {
        let Some(child) = self.child(field) else {
            return Ok(None);
        };
        child
            .as_boolean_opt()
            .cloned()
            .map(Some)
            .ok_or_else(|| schema_error(&self.path(field), "booleans", child.data_type()))
    }
}

/// The value at `i`, or `None` when null.
pub(crate) fn get_str(a: &StringArray, i: usize) -> Option<&str> {
    (!a.is_null(i)).then(|| a.value(i))
}

pub(crate) fn get_int(a: &Int64Array, i: usize) -> Option<i64> {
    (!a.is_null(i)).then(|| a.value(i))
}

/// The item range of `row` in a list array (empty for null).
pub(crate) fn list_range(l: &ListArray, row: usize) -> std::ops::Range<usize> {
    if l.is_null(row) {
        return 0..0;
    }
    let offsets = l.value_offsets();
    usize::try_from(offsets[row]).unwrap_or(0)..usize::try_from(offsets[row + 1]).unwrap_or(0)
}
