//! `chronicle export`, `delete`, `reannotate` and per-version `stats`, run
//! as the real binary on a temporary store.

use crate::common::chronicle;
use std::fs::File;
use std::path::Path;

use arrow::array::{Array, Int64Array, StringArray};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde_json::Value;

fn ok(cwd: &Path, args: &[&str]) -> String {
    let o = chronicle(cwd, args);
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn json(cwd: &Path, args: &[&str]) -> Value {
    let out = ok(cwd, args);
    serde_json::from_str(out.trim()).unwrap_or_else(|e| panic!("{args:?}: {e}: {out}"))
}

/// Minimal RFC 4180 reader: header + rows of fields.
fn read_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    let header = if rows.is_empty() {
        Vec::new()
    } else {
        rows.remove(0)
    };
    (header, rows)
}

fn col(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
}

const SESSIONS: &str = "{\"id\": \"sessions\", \"date\": \"2017-03-02\", \"title\": \"Sessions met envoy\", \"url\": \"https://news.example/sessions\", \"source\": \"Example Post\", \"text\": \"Attorney General Jeff Sessions met the Russian ambassador Sergey Kislyak in July 2016, the Justice Department said on Wednesday.\\n\\n\\\"I never had meetings with Russian operatives,\\\" Sessions said in a statement.\"}\n\
{\"id\": \"hearing\", \"date\": \"2017-01-10\", \"title\": \"Hearing\", \"url\": \"https://news.example/hearing\", \"source\": \"Daily Example\", \"text\": \"Senator Jeff Sessions testified before the Senate Judiciary Committee on Tuesday.\\n\\n\\\"I did not have communications with the Russians,\\\" Sessions told Senator Al Franken.\"}\n\
{\"id\": \"flood\", \"date\": \"2016-08-15\", \"title\": \"Floods\", \"url\": \"https://news.example/flood\", \"source\": \"Example Post\", \"text\": \"Heavy rain flooded Baton Rouge on Saturday, Governor John Bel Edwards said. Thousands of people left their homes.\"}\n";

fn ingested() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(tmp.path().join("in.jsonl"), SESSIONS).expect("write");
    let out = ok(tmp.path(), &["ingest", "in.jsonl"]);
    assert!(
        out.ends_with("ingested 3, duplicates 0, rejected 0\n"),
        "{out}"
    );
    tmp
}

#[test]
fn exports_match_the_queries_in_csv_and_parquet() {
    let tmp = ingested();
    let d = tmp.path();

    // Quotes: one row per report of each quote the query returns.
    let quotes = json(d, &["quotes", "--json", "--limit", "1000"]);
    let quotes = quotes.as_array().expect("quotes");
    assert!(!quotes.is_empty(), "the sample has attributed quotes");
    ok(d, &["export", "quotes", "--out", "quotes.csv"]);
    let (header, rows) = read_csv(&std::fs::read_to_string(d.join("quotes.csv")).unwrap());
    let reports: usize = quotes
        .iter()
        .map(|q| q["provenance"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(rows.len(), reports);
    let first = &rows[0];
    assert_eq!(
        first[col(&header, "text")],
        quotes[0]["text"].as_str().unwrap()
    );
    assert_eq!(
        first[col(&header, "speaker")],
        quotes[0]["speaker"].as_str().unwrap()
    );
    let p = &quotes[0]["provenance"][0];
    assert_eq!(first[col(&header, "doc")], p["doc"].as_str().unwrap());
    assert_eq!(first[col(&header, "url")], p["url"].as_str().unwrap());
    assert_eq!(
        first[col(&header, "publisher")],
        p["publisher"].as_str().unwrap()
    );
    assert_eq!(first[col(&header, "char_start")], p["start"].to_string());

    // Entities, Parquet (chosen by extension): stable ids and counts as listed.
    let entities = json(d, &["entities", "--json", "--limit", "100000"]);
    let entities = entities.as_array().expect("entities");
    ok(d, &["export", "entities", "--out", "entities.parquet"]);
    let reader =
        ParquetRecordBatchReaderBuilder::try_new(File::open(d.join("entities.parquet")).unwrap())
            .unwrap()
            .build()
            .unwrap();
    let batches: Vec<_> = reader.collect::<Result<_, _>>().unwrap();
    let n: usize = batches.iter().map(|b| b.num_rows()).sum();
    assert_eq!(n, entities.len());
    let b = &batches[0];
    let ids = b
        .column_by_name("entity_id")
        .unwrap()
        .as_any()
        .downcast_ref::<Int64Array>()
        .unwrap();
    let names = b
        .column_by_name("name")
        .unwrap()
        .as_any()
        .downcast_ref::<StringArray>()
        .unwrap();
    assert_eq!(ids.value(0), entities[0]["id"].as_i64().unwrap());
    assert_eq!(names.value(0), entities[0]["name"].as_str().unwrap());

    // Timeline of the most mentioned person, Parquet by flag.
    let person = json(d, &["entities", "--json", "--type", "PER", "--limit", "1"]);
    let person = person[0]["name"].as_str().expect("a person").to_string();
    let tl = json(d, &["timeline", &person, "--json", "--limit", "100000"]);
    let items = tl["items"].as_array().expect("items");
    ok(
        d,
        &[
            "export", "timeline", &person, "--format", "parquet", "--out", "tl.bin",
        ],
    );
    let reader = ParquetRecordBatchReaderBuilder::try_new(File::open(d.join("tl.bin")).unwrap())
        .unwrap()
        .build()
        .unwrap();
    let batches: Vec<_> = reader.collect::<Result<_, _>>().unwrap();
    let n: usize = batches.iter().map(|b| b.num_rows()).sum();
    let reports: usize = items
        .iter()
        .map(|i| i["sources"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(n, reports);
    let b = &batches[0];
    let date = b
        .column_by_name("date")
        .unwrap()
        .as_any()
        .downcast_ref::<StringArray>()
        .unwrap();
    let url = b
        .column_by_name("url")
        .unwrap()
        .as_any()
        .downcast_ref::<StringArray>()
        .unwrap();
    assert_eq!(date.value(0), items[0]["date"].as_str().unwrap());
    assert!(!url.is_null(0) && url.value(0).starts_with("https://news.example/"));

    // Events: one row per stored event; contacts as the query merges them.
    let stats = json(d, &["stats", "--json"]);
    let out = ok(d, &["export", "events", "--out", "-"]);
    let (header, rows) = read_csv(&out);
    assert_eq!(rows.len() as u64, stats["events"].as_u64().unwrap());
    assert!(header.contains(&"participant_ids".to_string()));
    let contacts = json(d, &["contacts", "--json"]);
    let (_, rows) = read_csv(&ok(d, &["export", "contacts", "--out", "-"]));
    let reports: usize = contacts
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["sources"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(rows.len(), reports);

    // Mistakes are errors, and leave no file behind.
    assert!(!chronicle(d, &["export", "timeline", "--out", "x.csv"])
        .status
        .success());
    assert!(
        !chronicle(d, &["export", "timeline", "Nobody Atall", "--out", "x.csv"])
            .status
            .success()
    );
    assert!(!d.join("x.csv").exists());
    assert!(!chronicle(
        d,
        &["export", "entities", "--format", "parquet", "--out", "-"]
    )
    .status
    .success());
}

#[test]
fn delete_removes_documents_everywhere() {
    let tmp = ingested();
    let d = tmp.path();
    let o = chronicle(d, &["delete", "flood", "no-such-doc"]);
    assert_eq!(o.status.code(), Some(1), "a missing id is an error");
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "deleted 1, not found 1\n"
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("no-such-doc"));
    assert!(!chronicle(d, &["show", "flood"]).status.success());
    let hits = json(d, &["search", "Baton Rouge", "--json"]);
    assert_eq!(hits, serde_json::json!([]));
    let stats = json(d, &["stats", "--json"]);
    assert_eq!(stats["docs"], 2);
    assert_eq!(stats["unindexed"], 0);
    let names: Vec<String> = json(d, &["entities", "--json", "--limit", "1000"])
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap_or("").to_string())
        .collect();
    assert!(
        !names.iter().any(|n| n.contains("Baton Rouge")),
        "{names:?}"
    );
    // The other documents are untouched.
    assert!(chronicle(d, &["show", "sessions"]).status.success());
    // A store must exist: a typo does not create one.
    assert!(!chronicle(d, &["delete", "--store", "nope", "x"])
        .status
        .success());
    assert!(!d.join("nope").exists());
}

#[test]
fn reannotate_updates_documents_of_other_versions() {
    let tmp = ingested();
    let d = tmp.path();
    // Ingest recorded the current version: nothing to do.
    let out = ok(d, &["reannotate"]);
    assert!(out.starts_with("reannotated 0, rejected 0"), "{out}");

    // A document stored by a fake old annotator, with a wrong entity layer.
    let text = "Jeff Sessions spoke with reporters in Washington on Friday.";
    {
        let mut w =
            chronicle_store::Writer::open(&d.join("chronicle-store"), "chronicle 0.0.1 (old)")
                .unwrap();
        let mut doc = chronicle_model::Doc::new("old", "2017-03-03".parse().ok(), text);
        doc.meta.url = Some("https://news.example/old".into());
        doc.sentences
            .push(chronicle_model::Span::new(0, text.len()));
        doc.entities.push(chronicle_model::Entity {
            span: chronicle_model::Span::new(25, 32),
            label: chronicle_model::EntityLabel::Org,
            canonical: "Bogus Reporters Inc".into(),
        });
        w.write_batch(&[doc], false).unwrap();
        w.finish().unwrap();
    }
    let stats = json(d, &["stats", "--json"]);
    let versions = stats["annotators"].as_array().unwrap();
    assert_eq!(versions.len(), 2, "{stats}");
    assert!(versions
        .iter()
        .any(|v| v["annotator"] == "chronicle 0.0.1 (old)" && v["docs"] == 1));
    assert!(ok(d, &["entities", "--limit", "1000"]).contains("Bogus Reporters Inc"));

    let out = ok(d, &["reannotate"]);
    assert!(out.starts_with("reannotated 1, rejected 0"), "{out}");
    let stats = json(d, &["stats", "--json"]);
    assert_eq!(stats["annotators"].as_array().unwrap().len(), 1, "{stats}");
    assert_eq!(stats["annotators"][0]["docs"], 4);
    assert!(!ok(d, &["entities", "--limit", "1000"]).contains("Bogus Reporters Inc"));
    // Same layers as a fresh annotation; metadata kept.
    let shown = json(d, &["show", "old", "--json"]);
    assert_eq!(shown["url"], "https://news.example/old");
    std::fs::write(d.join("old.txt"), format!("date 2017-03-03\n\n{text}\n")).unwrap();
    let fresh = json(d, &["annotate", "old.txt"]);
    assert_eq!(shown["entities"], fresh["entities"]);
    assert_eq!(shown["timexes"], fresh["timexes"]);

    // --all re-runs everything.
    let out = ok(d, &["reannotate", "--all"]);
    assert!(out.starts_with("reannotated 4, rejected 0"), "{out}");
    assert_eq!(json(d, &["stats", "--json"])["unindexed"], 0);
}
