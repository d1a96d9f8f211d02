//! `annotate --to parquet`, `ingest --from parquet` and the line-in,
//! line-out stdin stream, run as the real binary in a temporary directory.

use crate::common::{chronicle, last_line, stderr, stdout};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;

use chronicle_arrow::arrow::array::{ArrayRef, RecordBatch, StringArray};
use chronicle_arrow::arrow::datatypes::{DataType, Field, Schema};

fn sample_dir() -> &'static Path {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../sample/meantime"
    ))
}

fn records(n: usize) -> String {
    (0..n)
        .map(|i| {
            serde_json::json!({
                "id": format!("r{i}"),
                "date": "2017-03-02",
                "text": format!("Jeff Sessions met Sergey Kislyak in Paris on Friday, officials said ({i}). “We paid €{i},” he said."),
            })
            .to_string()
                + "\n"
        })
        .collect()
}

#[test]
fn parquet_store_equals_annotated_store() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let sample = sample_dir().to_str().unwrap();
    std::fs::write(d.join("in.jsonl"), records(30)).unwrap();

    let json = chronicle(d, &["annotate", sample, "in.jsonl"]);
    assert!(json.status.success(), "{}", stderr(&json));
    let lines: Vec<String> = stdout(&json).lines().map(str::to_string).collect();
    assert!(lines.len() > 50);

    let out = chronicle(
        d,
        &[
            "annotate",
            "--to",
            "parquet",
            "--out",
            "a.parquet",
            sample,
            "in.jsonl",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());

    let n = lines.len();
    let out = chronicle(
        d,
        &["ingest", "--store", "p", "--from", "parquet", "a.parquet"],
    );
    assert_eq!(
        last_line(&out),
        format!("ingested {n}, duplicates 0, rejected 0"),
        "{}",
        stderr(&out)
    );
    assert!(out.status.success());
    let out = chronicle(
        d,
        &["ingest", "--store", "p", "--from", "parquet", "a.parquet"],
    );
    assert_eq!(
        last_line(&out),
        format!("ingested 0, duplicates {n}, rejected 0")
    );

    let out = chronicle(d, &["ingest", "--store", "a", sample, "in.jsonl"]);
    assert_eq!(
        last_line(&out),
        format!("ingested {n}, duplicates 0, rejected 0")
    );

    // Every document reads back from both stores as the same JSON line,
    // and as `annotate` printed it.
    for line in &lines {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        let id = value["id"].as_str().unwrap();
        let from_parquet = chronicle(d, &["show", "--store", "p", "--json", id]);
        let annotated = chronicle(d, &["show", "--store", "a", "--json", id]);
        assert!(from_parquet.status.success(), "{}", stderr(&from_parquet));
        assert_eq!(stdout(&from_parquet), stdout(&annotated), "{id}");
        let shown: serde_json::Value = serde_json::from_str(stdout(&from_parquet).trim()).unwrap();
        for layer in ["sentences", "entities", "timexes", "quotes", "events"] {
            assert_eq!(shown[layer], value[layer], "{id} {layer}");
        }
    }
    // Same counts in both stores; only the store name and the annotator
    // (recorded as "loaded from Parquet") differ.
    let stats = |store: &str| {
        let out = chronicle(d, &["stats", "--store", store, "--json"]);
        let mut value: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
        let obj = value.as_object_mut().unwrap();
        obj.remove("store");
        obj.remove("annotators");
        value
    };
    assert_eq!(stats("p"), stats("a"));
}

#[test]
fn error_rows_are_rejected_and_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let dir = d.join("spark");
    std::fs::create_dir_all(&dir).unwrap();
    // A Spark-like directory: parts, a _SUCCESS marker, rows with `error`.
    let pipeline = chronicle_annotate::pipeline(chronicle_annotate::Layers::ALL).unwrap();
    let input = RecordBatch::try_new(
        Arc::new(Schema::new(vec![
            Field::new("id", DataType::Utf8, true),
            Field::new("date", DataType::Utf8, true),
            Field::new("text", DataType::Utf8, true),
        ])),
        vec![
            Arc::new(StringArray::from(vec![Some("a"), Some("b"), Some("c")])) as ArrayRef,
            Arc::new(StringArray::from(vec![
                Some("2017-03-02"),
                Some("not a date"),
                None,
            ])),
            Arc::new(StringArray::from(vec![
                Some("Sessions spoke on Friday."),
                Some("x"),
                Some("Paris."),
            ])),
        ],
    )
    .unwrap();
    let out = chronicle_arrow::annotate_batch(&pipeline, &input, "id", "date", "text").unwrap();
    chronicle_arrow::write_parquet(&dir.join("part-00000.parquet"), &[out]).unwrap();
    std::fs::write(dir.join("_SUCCESS"), "").unwrap();

    let out = chronicle(d, &["ingest", "--from", "parquet", "spark"]);
    assert_eq!(
        last_line(&out),
        "ingested 1, duplicates 0, rejected 2",
        "{}",
        stderr(&out)
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("row 3 (id `c`): missing `date`"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("row 2 (id `b`): `date` `not a date`"),
        "{}",
        stderr(&out)
    );

    let out = chronicle(d, &["ingest", "--from", "parquet", "no-such.parquet"]);
    assert_eq!(last_line(&out), "ingested 0, duplicates 0, rejected 1");
    assert!(stderr(&out).contains("no-such.parquet"));
}

#[test]
fn stdin_stream_answers_each_line_before_the_next() {
    let tmp = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .args(["annotate", "--from", "jsonl", "--to", "json", "-"])
        .current_dir(tmp.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut answers = BufReader::new(child.stdout.take().unwrap());
    let mut ask = |line: &str| -> serde_json::Value {
        stdin.write_all(line.as_bytes()).unwrap();
        stdin.write_all(b"\n").unwrap();
        stdin.flush().unwrap();
        let mut answer = String::new();
        answers.read_line(&mut answer).unwrap();
        serde_json::from_str(&answer).unwrap()
    };
    let good = ask(
        r#"{"id":"g1","date":"2017-03-02","text":"Jeff Sessions met Sergey Kislyak on Friday."}"#,
    );
    assert_eq!(good["id"], "g1");
    assert!(good.get("error").is_none());
    assert!(!good["timexes"].as_array().unwrap().is_empty());
    let bad_date = ask(r#"{"id":"g2","date":"March","text":"x"}"#);
    assert_eq!(bad_date["id"], "g2");
    assert!(bad_date["error"]
        .as_str()
        .unwrap()
        .contains("`date` `March`"));
    assert_eq!(bad_date["entities"], serde_json::json!([]));
    let broken = ask(r#"{"id":"#);
    assert_eq!(broken["id"], "stdin:3");
    assert!(broken["error"].as_str().unwrap().contains("malformed JSON"));
    let blank = ask("");
    assert_eq!(blank["id"], "stdin:4");
    let again = ask(r#"{"text":"Paris."}"#);
    assert_eq!(again["id"], "stdin:5");
    drop(stdin);
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(1), "bad lines make the exit status 1");
}

#[test]
fn stream_and_files_print_the_same_lines_in_order() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let input = records(300);
    std::fs::write(d.join("in.jsonl"), &input).unwrap();
    let files = chronicle(d, &["annotate", "in.jsonl"]);
    assert!(files.status.success(), "{}", stderr(&files));
    let mut child = Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .args(["annotate", "--from", "jsonl", "-"])
        .current_dir(d)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let ids: Vec<String> = stdout(&out)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let want: Vec<String> = (0..300).map(|i| format!("r{i}")).collect();
    assert_eq!(ids, want);
    // Same bytes apart from the origin-free fields: the stream and the file
    // reader build the same documents.
    assert_eq!(stdout(&out), stdout(&files));
}
