use chronicle_annotate::json::doc_line;
use chronicle_arrow::arrow::array::{Array, AsArray, RecordBatch};
use chronicle_arrow::arrow::compute::cast;
use chronicle_arrow::arrow::datatypes::{DataType, Field, Schema};
use chronicle_arrow::{batch_to_docs, docs_to_batch, read_parquet, schema, write_parquet};
use std::sync::Arc;

use crate::sample_docs;

fn lines(docs: &[chronicle_model::Doc]) -> Vec<String> {
    docs.iter().map(doc_line).collect()
}

#[test]
fn docs_batch_parquet_docs_give_the_same_json() {
    let docs = sample_docs();
    assert!(docs.len() > 20, "sample not found");
    // The sample must exercise every layer, or the test proves little.
    assert!(docs.iter().any(|d| !d.quotes.is_empty()));
    assert!(docs.iter().any(|d| !d.events.is_empty()));
    assert!(docs
        .iter()
        .any(|d| !d.diagnostics.is_empty() || d.date.is_some()));
    assert!(docs
        .iter()
        .any(|d| !d.text.is_ascii() && !d.entities.is_empty()));

    let rows: Vec<_> = docs.iter().cloned().map(Ok).collect();
    // Two batches, to check order across batches too.
    let (a, b) = rows.split_at(rows.len() / 2);
    let batches = vec![docs_to_batch(a).unwrap(), docs_to_batch(b).unwrap()];
    assert_eq!(batches[0].schema(), schema());

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.parquet");
    write_parquet(&path, &batches).unwrap();

    let mut back = Vec::new();
    for batch in read_parquet(&path).unwrap() {
        for row in batch_to_docs(&batch.unwrap()).unwrap() {
            back.push(row.unwrap());
        }
    }
    assert_eq!(lines(&back), lines(&docs));
    // The layers the JSON does not print survive too (the store keeps them).
    for (x, y) in docs.iter().zip(&back) {
        assert_eq!(x.paragraphs, y.paragraphs, "{}", x.id);
        assert_eq!(x.quotes, y.quotes, "{}", x.id);
        assert_eq!(x.events, y.events, "{}", x.id);
    }
}

#[test]
fn json_offsets_equal_arrow_offsets() {
    let docs = sample_docs();
    let euro = docs.iter().find(|d| d.id == "euro").unwrap();
    let batch = docs_to_batch(&[Ok(euro.clone())]).unwrap();
    let json: serde_json::Value = serde_json::from_str(&doc_line(euro)).unwrap();
    let entities = batch.column_by_name("entities").unwrap().as_list::<i32>();
    let items = entities.value(0);
    let items = items.as_struct();
    let starts = items
        .column_by_name("start")
        .unwrap()
        .as_primitive::<chronicle_arrow::arrow::datatypes::Int64Type>();
    let want: Vec<i64> = json["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["start"].as_i64().unwrap())
        .collect();
    assert!(!want.is_empty());
    assert_eq!(starts.values().to_vec(), want);
}

/// Spark and pyarrow hand over other physical types: large strings,
/// large lists, nullable fields, a projection of the columns.
#[test]
fn reads_other_physical_types_and_projections() {
    let docs = sample_docs();
    let rows: Vec<_> = docs.iter().cloned().map(Ok).collect();
    let batch = docs_to_batch(&rows).unwrap();
    let keep = ["id", "date", "text", "sentences", "entities", "timexes"];
    let mut fields = Vec::new();
    let mut columns = Vec::new();
    for name in keep {
        let col = batch.column_by_name(name).unwrap().clone();
        let col = match col.data_type() {
            DataType::Utf8 => cast(&col, &DataType::LargeUtf8).unwrap(),
            DataType::List(item) => cast(&col, &DataType::LargeList(item.clone())).unwrap(),
            _ => col,
        };
        fields.push(Field::new(name, col.data_type().clone(), true));
        columns.push(col);
    }
    let other = RecordBatch::try_new(Arc::new(Schema::new(fields)), columns).unwrap();
    let back = batch_to_docs(&other).unwrap();
    for (doc, row) in docs.iter().zip(back) {
        let row = row.unwrap();
        assert_eq!(row.text, doc.text);
        assert_eq!(row.entities, doc.entities);
        assert_eq!(row.timexes, doc.timexes);
        assert_eq!(row.sentences, doc.sentences);
        assert!(row.quotes.is_empty());
    }
}

#[test]
fn reads_a_directory_of_parts() {
    let docs = sample_docs();
    let dir = tempfile::tempdir().unwrap();
    let rows: Vec<_> = docs.iter().cloned().map(Ok).collect();
    for (n, chunk) in rows.chunks(10).enumerate() {
        let path = dir.path().join(format!("part-{n:05}.snappy.parquet"));
        write_parquet(&path, &[docs_to_batch(chunk).unwrap()]).unwrap();
    }
    std::fs::write(dir.path().join("_SUCCESS"), "").unwrap();
    std::fs::write(dir.path().join(".part-00000.crc"), "x").unwrap();
    let mut ids = Vec::new();
    for batch in read_parquet(dir.path()).unwrap() {
        let batch = batch.unwrap();
        assert!(batch.column_by_name("error").unwrap().null_count() == batch.num_rows());
        ids.extend(
            batch_to_docs(&batch)
                .unwrap()
                .into_iter()
                .map(|d| d.unwrap().id),
        );
    }
    let want: Vec<_> = docs.iter().map(|d| d.id.clone()).collect();
    assert_eq!(ids, want);
}
