use std::sync::Arc;

use chronicle_arrow::arrow::array::{
    Array, ArrayRef, AsArray, Date32Array, Int64Array, LargeStringArray, ListArray, RecordBatch,
    StringArray, StructArray,
};
use chronicle_arrow::arrow::buffer::OffsetBuffer;
use chronicle_arrow::arrow::datatypes::{DataType, Field, Fields, Schema};
use chronicle_arrow::{annotate_batch, batch_to_docs, input_docs, schema, MAX_TEXT_BYTES};
use proptest::prelude::*;

fn batch(columns: Vec<(&str, ArrayRef)>) -> RecordBatch {
    let fields: Vec<Field> = columns
        .iter()
        .map(|(n, c)| Field::new(*n, c.data_type().clone(), true))
        .collect();
    RecordBatch::try_new(
        Arc::new(Schema::new(fields)),
        columns.into_iter().map(|(_, c)| c).collect(),
    )
    .unwrap()
}

fn strs(v: Vec<Option<&str>>) -> ArrayRef {
    Arc::new(StringArray::from(v))
}

#[test]
fn bad_input_rows_become_row_errors() {
    let huge = "a ".repeat(MAX_TEXT_BYTES / 2 + 1);
    let input = batch(vec![
        (
            "id",
            strs(vec![
                Some("ok"),
                Some("null"),
                Some("blank"),
                Some("date"),
                None,
                Some("huge"),
                Some("nodate"),
            ]),
        ),
        (
            "date",
            strs(vec![
                Some("2017-03-02T10:00:00Z"),
                None,
                None,
                Some("March 2"),
                None,
                None,
                None,
            ]),
        ),
        (
            "text",
            strs(vec![
                Some("He met her on Friday."),
                None,
                Some("  "),
                Some("x"),
                Some("y"),
                Some(&huge),
                Some("Friday."),
            ]),
        ),
    ]);
    let docs = input_docs(&input, "id", "date", "text").unwrap();
    let errors: Vec<Option<&str>> = docs
        .iter()
        .map(|d| d.as_ref().err().map(|e| e.error.as_str()))
        .collect();
    assert_eq!(errors[0], None);
    assert_eq!(errors[1], Some("missing `text` field"));
    assert_eq!(errors[2], Some("`text` is empty"));
    assert_eq!(
        errors[3],
        Some("`date` `March 2` is not an ISO date or date-time")
    );
    assert_eq!(errors[4], Some("missing `id`"));
    assert!(errors[5].is_some_and(|e| e.contains("the limit is")));
    assert_eq!(
        errors[6],
        Some("missing `date` (name no date column to annotate undated rows)")
    );
    let undated = input_docs(&input, "id", "", "text").unwrap();
    assert!(
        undated[6].is_ok(),
        "no date column: undated rows are annotated"
    );
    let bad = docs[3].as_ref().unwrap_err();
    assert_eq!(
        (bad.id.as_str(), bad.date.as_deref()),
        ("date", Some("March 2"))
    );
    assert_eq!(
        docs[5].as_ref().unwrap_err().text,
        "",
        "huge text is not copied"
    );
}

#[test]
fn date32_large_utf8_and_integer_ids() {
    let input = batch(vec![
        ("doc", Arc::new(Int64Array::from(vec![7, 8])) as ArrayRef),
        (
            "day",
            Arc::new(Date32Array::from(vec![Some(17227), None])) as ArrayRef,
        ),
        (
            "body",
            Arc::new(LargeStringArray::from(vec!["Hello.", "World."])) as ArrayRef,
        ),
    ]);
    let docs = input_docs(&input, "doc", "day", "body").unwrap();
    let first = docs[0].as_ref().unwrap();
    assert_eq!(first.id, "7");
    assert_eq!(
        first.date.map(|d| d.to_string()).as_deref(),
        Some("2017-03-02")
    );
    assert!(docs[1]
        .as_ref()
        .unwrap_err()
        .error
        .contains("missing `day`"));
    let undated = input_docs(&input, "doc", "", "body").unwrap();
    assert_eq!(undated[1].as_ref().unwrap().date, None);
    assert!(input_docs(&input, "missing", "day", "body").is_err());
}

#[test]
fn annotate_batch_keeps_order_and_marks_errors() {
    let pipeline = chronicle_annotate::pipeline(chronicle_annotate::Layers::ALL).unwrap();
    let n = 40;
    let ids: Vec<String> = (0..n).map(|i| format!("d{i}")).collect();
    let texts: Vec<Option<String>> = (0..n)
        .map(|i| (i % 7 != 3).then(|| format!("Jeff Sessions met {i} people in Paris on Friday.")))
        .collect();
    let input = batch(vec![
        ("id", Arc::new(StringArray::from(ids.clone())) as ArrayRef),
        ("date", strs(vec![Some("2017-03-02"); n])),
        (
            "text",
            Arc::new(StringArray::from(texts.clone())) as ArrayRef,
        ),
    ]);
    let out = annotate_batch(&pipeline, &input, "id", "date", "text").unwrap();
    assert_eq!(out.schema(), schema());
    assert_eq!(out.num_rows(), n);
    let out_ids = out.column_by_name("id").unwrap().as_string::<i32>();
    let errors = out.column_by_name("error").unwrap().as_string::<i32>();
    let entities = out.column_by_name("entities").unwrap().as_list::<i32>();
    for i in 0..n {
        assert_eq!(out_ids.value(i), ids[i]);
        assert_eq!(errors.is_null(i), texts[i].is_some(), "row {i}");
        assert_eq!(entities.value_length(i) == 0, texts[i].is_none(), "row {i}");
    }
    // Error rows read back as errors, good rows as documents.
    let back = batch_to_docs(&out).unwrap();
    assert_eq!(
        back.iter().filter(|d| d.is_err()).count(),
        (0..n).filter(|i| i % 7 == 3).count()
    );
}

fn entity_batch(text: &str, spans: &[(i64, i64)], label: &str) -> RecordBatch {
    let fields = Fields::from(vec![
        Field::new("start", DataType::Int64, false),
        Field::new("end", DataType::Int64, false),
        Field::new("label", DataType::Utf8, false),
        Field::new("canonical", DataType::Utf8, false),
    ]);
    let items = StructArray::try_new(
        fields.clone(),
        vec![
            Arc::new(Int64Array::from(
                spans.iter().map(|s| s.0).collect::<Vec<_>>(),
            )),
            Arc::new(Int64Array::from(
                spans.iter().map(|s| s.1).collect::<Vec<_>>(),
            )),
            Arc::new(StringArray::from(vec![label; spans.len()])),
            Arc::new(StringArray::from(vec!["X"; spans.len()])),
        ],
        None,
    )
    .unwrap();
    let list = ListArray::try_new(
        Arc::new(Field::new("element", DataType::Struct(fields), true)),
        OffsetBuffer::from_lengths([spans.len()]),
        Arc::new(items),
        None,
    )
    .unwrap();
    batch(vec![
        ("id", strs(vec![Some("p")])),
        ("text", strs(vec![Some(text)])),
        ("entities", Arc::new(list) as ArrayRef),
    ])
}

#[test]
fn layers_that_do_not_fit_are_row_errors() {
    let b = entity_batch("a €5", &[(0, 1), (2, 5)], "PER");
    let err = batch_to_docs(&b).unwrap().remove(0).unwrap_err();
    assert_eq!(err.error, "entity: offsets 2..5 do not fit the text");
    let b = entity_batch("a €5", &[(2, 3)], "PERSON");
    let err = batch_to_docs(&b).unwrap().remove(0).unwrap_err();
    assert_eq!(err.error, "unknown entity label `PERSON`");
    let b = entity_batch("a €5", &[(2, 3)], "PER");
    let doc = batch_to_docs(&b).unwrap().remove(0).unwrap();
    assert_eq!(doc.slice(doc.entities[0].span), "€");
}

proptest! {
    /// Any offsets over any text: a document whose spans lie on char
    /// boundaries, or a row error; never a panic or a failed batch.
    #[test]
    fn arbitrary_offsets_never_fail_the_batch(
        text in "\\PC{0,24}",
        spans in proptest::collection::vec((-3i64..30, -3i64..30), 0..5),
    ) {
        let b = entity_batch(&text, &spans, "LOC");
        let rows = batch_to_docs(&b).unwrap();
        prop_assert_eq!(rows.len(), 1);
        if let Ok(doc) = &rows[0] {
            for e in &doc.entities {
                prop_assert!(e.span.is_valid_in(&doc.text));
            }
        }
    }

    /// Any text and date strings: one result per row, in order.
    #[test]
    fn arbitrary_input_rows(rows in proptest::collection::vec(
        (proptest::option::of("\\PC{0,12}"), proptest::option::of("[0-9T:-]{0,12}"), proptest::option::of("\\PC{0,40}")),
        0..8,
    )) {
        let input = batch(vec![
            ("id", Arc::new(StringArray::from(rows.iter().map(|r| r.0.clone()).collect::<Vec<_>>())) as ArrayRef),
            ("date", Arc::new(StringArray::from(rows.iter().map(|r| r.1.clone()).collect::<Vec<_>>())) as ArrayRef),
            ("text", Arc::new(StringArray::from(rows.iter().map(|r| r.2.clone()).collect::<Vec<_>>())) as ArrayRef),
        ]);
        let docs = input_docs(&input, "id", "date", "text").unwrap();
        prop_assert_eq!(docs.len(), rows.len());
        for (doc, row) in docs.iter().zip(&rows) {
            let id = row.0.clone().unwrap_or_default();
            match doc {
                Ok(d) => prop_assert_eq!(&d.id, &id),
                Err(e) => prop_assert_eq!(&e.id, &id),
            }
        }
        let out = chronicle_arrow::docs_to_batch(&docs).unwrap();
        prop_assert_eq!(out.num_rows(), rows.len());
    }
}
