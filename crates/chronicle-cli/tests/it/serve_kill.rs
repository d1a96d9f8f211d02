//! `chronicle serve` as a real process: `kill -9` during an HTTP ingest
//! loses nothing already acknowledged, and the store reopens cleanly.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::Value;

struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `chronicle serve` on an ephemeral localhost port and waits for
/// the line that names its address.
fn serve(store: &Path, extra: &[&str]) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .args(["serve", "--addr", "127.0.0.1:0", "--store"])
        .arg(store)
        .args(extra)
        .env_remove("CHRONICLE_STORE")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start chronicle serve");
    let stderr = child.stderr.take().expect("stderr");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(rest) = line.split("http://").nth(1) {
                let _ = tx.send(rest.trim_end_matches('/').to_string());
            }
        }
    });
    let addr = rx
        .recv_timeout(Duration::from_secs(120))
        .expect("the server printed its address");
    Server {
        child,
        addr: addr.parse().expect("HOST:PORT"),
    }
}

fn request(addr: SocketAddr, method: &str, path: &str, body: &[u8]) -> (u16, String) {
    request_then(addr, method, path, body, || ())
}

/// A request; `sent` runs once the whole body is written.
fn request_then(
    addr: SocketAddr,
    method: &str,
    path: &str,
    body: &[u8],
    sent: impl FnOnce(),
) -> (u16, String) {
    let mut s = TcpStream::connect(addr).expect("connect");
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/x-ndjson\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    s.write_all(head.as_bytes()).expect("write head");
    let _ = s.write_all(body);
    sent();
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

/// A document with a word of its own, to find it by search.
fn line(batch: &str, i: usize) -> String {
    format!(
        "{{\"id\": \"{batch}-{i}\", \"date\": \"2017-03-{:02}\", \"url\": \"https://news.example/{batch}/{i}\", \"source\": \"Example Post\", \"text\": \"Senator Jeff Sessions met officials in Washington on Tuesday, aides said. The meeting about mark{batch}x{i}q lasted an hour. \\\"We talked about policy,\\\" Sessions said.\"}}\n",
        1 + i % 28
    )
}

fn batch(name: &str, n: usize) -> Vec<u8> {
    (0..n)
        .map(|i| line(name, i))
        .collect::<String>()
        .into_bytes()
}

/// Each round: an acknowledged batch, then a large batch killed in flight
/// after a different delay (while parsing, annotating, writing or
/// indexing, depending on timing).
const ROUNDS_MS: [u64; 4] = [0, 150, 400, 700];
const BIG: usize = 3000;

#[test]
fn kill_9_during_ingest_keeps_every_acknowledged_document() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = tmp.path().join("store");
    let mut acknowledged = Vec::new();
    let mut big = Vec::new();
    for (round, delay) in ROUNDS_MS.iter().enumerate() {
        let mut server = serve(&store, &[]);
        let name = format!("r{round}a");
        let (status, body) = request(server.addr, "POST", "/api/ingest", &batch(&name, 20));
        assert_eq!(status, 200, "{body}");
        assert_eq!(json(&body)["ingested"], 20, "{body}");
        acknowledged.extend((0..20).map(|i| format!("{name}-{i}")));

        let addr = server.addr;
        let name = format!("r{round}c");
        let (tx, rx) = std::sync::mpsc::channel();
        let body = batch(&name, BIG);
        let in_flight = std::thread::spawn(move || {
            request_then(addr, "POST", "/api/ingest", &body, move || {
                let _ = tx.send(());
            })
        });
        rx.recv_timeout(Duration::from_secs(60)).expect("body sent");
        std::thread::sleep(Duration::from_millis(*delay));
        server.child.kill().expect("kill -9");
        let _ = server.child.wait();
        let (status, _) = in_flight.join().expect("client thread");
        eprintln!("round {round}: killed {delay} ms after sending; the client got status {status}");
        big.push((name, status));
    }

    let server = serve(&store, &[]);
    for id in &acknowledged {
        let (status, body) = request(server.addr, "GET", &format!("/api/documents/{id}"), b"");
        assert_eq!(status, 200, "{id}: {body}");
        let (batch, i) = id.split_once('-').expect("id");
        let (status, body) = request(
            server.addr,
            "GET",
            &format!("/api/search?q=mark{batch}x{i}q"),
            b"",
        );
        assert_eq!(status, 200, "{body}");
        assert_eq!(json(&body)[0]["id"], id.as_str(), "{id} is searchable");
    }
    // Each batch in flight landed whole or not at all, and whole if acknowledged.
    let mut expected = acknowledged.len() as u64;
    for (name, status) in &big {
        let present = |i: usize| {
            request(
                server.addr,
                "GET",
                &format!("/api/documents/{name}-{i}"),
                b"",
            )
            .0 == 200
        };
        let (first, last) = (present(0), present(BIG - 1));
        assert_eq!(first, last, "{name} is all or nothing");
        if *status == 200 {
            assert!(first, "{name} was acknowledged");
        }
        if first {
            expected += BIG as u64;
            let (_, body) = request(
                server.addr,
                "GET",
                &format!("/api/search?q=mark{name}x{}q", BIG - 1),
                b"",
            );
            assert_eq!(json(&body)[0]["id"], format!("{name}-{}", BIG - 1));
        }
        eprintln!("{name}: {}", if first { "stored" } else { "lost whole" });
    }
    let (_, body) = request(server.addr, "GET", "/api/stats", b"");
    let stats = json(&body);
    assert_eq!(stats["unindexed"], 0, "{stats}");
    assert_eq!(stats["docs"], expected, "{stats}");
    let (status, body) = request(server.addr, "GET", "/api/timeline/Sessions", b"");
    assert_eq!(status, 200, "{body}");
    assert!(json(&body)["items"][0]["provenance"][0]["url"]
        .as_str()
        .is_some_and(|u| u.starts_with("https://news.example/")));
    drop(server);

    // The store opens cleanly for writing and reading after all that.
    let w = chronicle_store::Writer::open(&store, "test").expect("writer opens");
    drop(w);
    let st = chronicle_store::Store::open(&store).expect("reader opens");
    assert_eq!(st.indexed_docs().expect("index"), expected);
}

#[test]
fn read_only_refuses_writes_and_localhost_is_the_default() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = tmp.path().join("store");
    let server = serve(&store, &["--read-only"]);
    let (status, body) = request(server.addr, "POST", "/api/ingest", &batch("a", 1));
    assert_eq!(status, 403, "{body}");
    let (status, body) = request(server.addr, "DELETE", "/api/documents/a-0", b"");
    assert_eq!(status, 403, "{body}");
    let (status, _) = request(server.addr, "GET", "/api/stats", b"");
    assert_eq!(status, 200);
    drop(server);
    let help = Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .args(["serve", "--help"])
        .output()
        .expect("help");
    assert!(String::from_utf8_lossy(&help.stdout).contains("[default: 127.0.0.1:8080]"));
}
