//! `DELETE /api/documents/{id}` and the server's read-only mode.

use super::*;

#[test]
fn delete_removes_the_document_from_queries_search_and_entities() {
    let (_d, addr) = server(false, 1 << 20);
    let (status, body) = request(addr, "GET", "/api/search?q=officials", b"");
    assert_eq!(status, 200, "{body}");
    assert_eq!(json(&body)[0]["id"], "b");

    let (status, body) = request(addr, "DELETE", "/api/documents/b", b"");
    assert_eq!(status, 200, "{body}");
    assert_eq!(json(&body)["deleted"], true);

    let (status, _) = request(addr, "GET", "/api/documents/b", b"");
    assert_eq!(status, 404);
    let (_, body) = request(addr, "GET", "/api/search?q=officials", b"");
    assert_eq!(json(&body), serde_json::json!([]));
    let (_, body) = request(addr, "GET", "/api/stats", b"");
    assert_eq!(json(&body)["docs"], 1);
    let (_, body) = request(addr, "GET", "/api/timeline/Jeff%20Sessions", b"");
    let t = json(&body);
    let sources: Vec<&Value> = t["items"]
        .as_array()
        .expect("items")
        .iter()
        .flat_map(|i| i["sources"].as_array().expect("sources"))
        .collect();
    assert!(!sources.is_empty());
    assert!(sources.iter().all(|s| *s == "a"), "{body}");

    let (status, body) = request(addr, "DELETE", "/api/documents/b", b"");
    assert_eq!(status, 404, "{body}");
}

#[test]
fn read_only_refuses_delete_and_keeps_the_document() {
    let (_d, addr) = server(true, 1 << 20);
    let (status, body) = request(addr, "DELETE", "/api/documents/a", b"");
    assert_eq!(status, 403, "{body}");
    let (status, _) = request(addr, "GET", "/api/documents/a", b"");
    assert_eq!(status, 200);
}

#[test]
fn openapi_describes_delete() {
    let (_d, addr) = server(true, 1 << 20);
    let (_, body) = request(addr, "GET", "/api/openapi.json", b"");
    assert!(json(&body)["paths"]["/api/documents/{id}"]["delete"].is_object());
}
