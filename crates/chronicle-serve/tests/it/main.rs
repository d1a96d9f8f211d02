//! The server end to end: a real listener on 127.0.0.1 with an ephemeral
//! port, a store with hand-annotated documents, plain HTTP/1.1 requests.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;

use chronicle_model::{Doc, Entity, EntityLabel, Event, Span};
use chronicle_serve::Config;
use chronicle_store::Writer;
use serde_json::Value;

mod delete;

fn doc(
    id: &str,
    date: &str,
    text: &str,
    ents: &[(&str, &str)],
    events: &[(&str, &[&str], &str)],
) -> Doc {
    let mut d = Doc::new(id, date.parse().ok(), text);
    d.meta.url = Some(format!("https://example.org/{id}"));
    d.sentences.push(Span::new(0, text.len()));
    for (m, canonical) in ents {
        let i = text.find(m).expect("mention in text");
        d.entities.push(Entity {
            span: Span::new(i, i + m.len()),
            label: EntityLabel::Per,
            canonical: canonical.to_string(),
        });
    }
    d.entities.sort_by_key(|e| e.span.start);
    for (trigger, participants, date) in events {
        let i = text.find(trigger).expect("trigger in text");
        d.events.push(Event {
            kind: "contact".into(),
            trigger: trigger.to_string(),
            span: Span::new(i, i + trigger.len()),
            participants: participants.iter().map(|p| p.to_string()).collect(),
            date: Some(date.to_string()),
            negated: false,
        });
    }
    d
}

fn fill(dir: &Path) {
    let mut w = Writer::open(dir, "test").expect("writer");
    w.write_batch(
        &[
            doc(
                "a",
                "2017-03-02",
                "Jeff Sessions met Sergey Kislyak in July 2016.",
                &[
                    ("Jeff Sessions", "Jeff Sessions"),
                    ("Sergey Kislyak", "Sergey Kislyak"),
                ],
                &[("met", &["Jeff Sessions", "Sergey Kislyak"], "2016-07")],
            ),
            doc(
                "b",
                "2017-03-03",
                "Sessions and Sergey Kislyak met in July 2016, officials said.",
                &[
                    ("Sessions", "Jeff Sessions"),
                    ("Sergey Kislyak", "Sergey Kislyak"),
                ],
                &[("met", &["Jeff Sessions", "Sergey Kislyak"], "2016-07")],
            ),
        ],
        false,
    )
    .expect("batch");
}

/// Starts a server on an ephemeral localhost port, on a thread of its own.
fn start(config: Config) -> SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    listener.set_nonblocking(true).expect("nonblocking");
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .expect("runtime");
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
            chronicle_serve::serve(config, listener)
                .await
                .expect("serve");
        });
    });
    addr
}

fn request(addr: SocketAddr, method: &str, path: &str, body: &[u8]) -> (u16, String) {
    let mut s = TcpStream::connect(addr).expect("connect");
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/x-ndjson\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    s.write_all(head.as_bytes()).expect("write head");
    // The server may answer (413) before reading a large body.
    let _ = s.write_all(body);
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    let text = String::from_utf8_lossy(&out).to_string();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

fn server(read_only: bool, max_body: usize) -> (tempfile::TempDir, SocketAddr) {
    let dir = tempfile::tempdir().expect("tempdir");
    fill(dir.path());
    let addr = start(Config {
        store: dir.path().to_path_buf(),
        read_only,
        max_body,
    });
    (dir, addr)
}

#[test]
fn timeline_by_alias_merges_reports() {
    let (_d, addr) = server(true, 1 << 20);
    let (status, body) = request(addr, "GET", "/api/timeline/Sessions", b"");
    assert_eq!(status, 200, "{body}");
    let t = json(&body);
    assert_eq!(t["entity"], "Jeff Sessions");
    let items = t["items"].as_array().expect("items");
    let contacts: Vec<&Value> = items.iter().filter(|i| i["kind"] == "contact").collect();
    assert_eq!(contacts.len(), 1, "{body}");
    assert_eq!(contacts[0]["date"], "2016-07");
    assert_eq!(contacts[0]["sources"], serde_json::json!(["a", "b"]));
    assert_eq!(contacts[0]["provenance"][0]["url"], "https://example.org/a");
}

#[test]
fn unknown_entity_is_404_with_suggestions() {
    let (_d, addr) = server(true, 1 << 20);
    let (status, body) = request(addr, "GET", "/api/timeline/Jeff%20Sesions", b"");
    assert_eq!(status, 404, "{body}");
    assert_eq!(json(&body)["suggestions"][0], "Jeff Sessions");
}

#[test]
fn page_assets_openapi_and_contacts_export() {
    let (_d, addr) = server(true, 1 << 20);
    let (status, body) = request(addr, "GET", "/", b"");
    assert_eq!(status, 200);
    assert!(body.contains("/assets/app.js"));
    let (status, body) = request(addr, "GET", "/assets/app.js", b"");
    assert_eq!(status, 200);
    assert!(body.contains("drawTimeline"));
    let (status, body) = request(addr, "GET", "/api/openapi.json", b"");
    assert_eq!(status, 200);
    assert!(json(&body)["paths"]["/api/timeline/{name}"].is_object());
    let (status, body) = request(addr, "GET", "/api/contacts?format=csv", b"");
    assert_eq!(status, 200);
    assert!(
        body.starts_with("source,target,date,docs,urls,publishers\n"),
        "{body}"
    );
    assert!(
        body.contains("Jeff Sessions,Sergey Kislyak,2016-07,a b,"),
        "{body}"
    );
    let (status, _) = request(addr, "GET", "/api/contacts?format=xml", b"");
    assert_eq!(status, 400);
}

#[test]
fn ingest_validates_limits_and_respects_read_only() {
    let (dir, addr) = server(false, 2048);
    let (status, body) = request(addr, "POST", "/api/ingest", b"{\"id\": \"x\", \"text\": \n");
    assert_eq!(status, 400, "{body}");
    assert!(
        json(&body)["errors"][0]
            .as_str()
            .is_some_and(|e| e.contains("body:1")),
        "{body}"
    );
    let big = vec![b' '; 8192];
    let (status, _) = request(addr, "POST", "/api/ingest", &big);
    assert_eq!(status, 413);
    let line = b"{\"id\": \"c\", \"date\": \"2017-03-04\", \"title\": \"t\", \"text\": \"Jeff Sessions spoke in Washington on Friday.\"}\n";
    let (status, body) = request(addr, "POST", "/api/ingest", line);
    assert_eq!(status, 200, "{body}");
    assert_eq!(json(&body)["ingested"], 1);
    let (status, body) = request(addr, "GET", "/api/documents/c", b"");
    assert_eq!(status, 200, "{body}");
    assert_eq!(json(&body)["date"], "2017-03-04");
    // The answers the ingest staled are precomputed after the response.
    let store = chronicle_store::Store::open(dir.path()).unwrap();
    let mut stale = store.stale_timelines().unwrap().len();
    for _ in 0..600 {
        if stale == 0 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        stale = store.stale_timelines().unwrap().len();
    }
    assert_eq!(stale, 0, "timelines left stale after a POST ingest");

    let (_d2, ro) = server(true, 2048);
    let (status, _) = request(ro, "POST", "/api/ingest", line);
    assert_eq!(status, 403);
}

#[test]
fn queries_run_while_another_writer_ingests() {
    let (dir, addr) = server(true, 1 << 20);
    let path = dir.path().to_path_buf();
    let writer = std::thread::spawn(move || {
        let mut w = Writer::open(&path, "test").expect("writer");
        for i in 0..20 {
            let text = format!("Jeff Sessions spoke on day {i}.");
            let d = doc(
                &format!("w{i}"),
                "2017-04-01",
                &text,
                &[("Jeff Sessions", "Jeff Sessions")],
                &[],
            );
            w.write_batch(&[d], false).expect("batch");
        }
    });
    for _ in 0..20 {
        let (status, body) = request(addr, "GET", "/api/timeline/Jeff%20Sessions", b"");
        assert_eq!(status, 200, "{body}");
    }
    writer.join().expect("writer thread");
    let (_, body) = request(addr, "GET", "/api/stats", b"");
    assert_eq!(json(&body)["docs"], 22);
}
