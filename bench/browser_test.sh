#!/usr/bin/env bash
# Browser test of the web page: ingest the sample corpus into a temporary
# store, serve it on a free localhost port, load an entity page in headless
# Chromium, check that the SVG timeline holds items, and save a screenshot
# to bench/out/entity-page.png. Exits non-zero when a check fails.
#
#   bench/browser_test.sh [ENTITY]      (default: the most mentioned person)
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM="${CHROMIUM:-}"
if [ -z "$CHROMIUM" ]; then
  CHROMIUM="$(command -v chromium || command -v chromium-browser || true)"
fi
if [ -z "$CHROMIUM" ]; then
  echo "== installing chromium"
  apt-get update >/dev/null && apt-get install -y chromium >/dev/null
  CHROMIUM="$(command -v chromium)"
fi

# CHRONICLE_BIN names an already built binary (skips the build).
BIN="${CHRONICLE_BIN:-}"
if [ -z "$BIN" ]; then
  echo "== building chronicle (release)"
  cargo build --release -p chronicle-cli
  BIN="${CARGO_TARGET_DIR:-target}/release/chronicle"
fi

WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

STORE="$WORK/store"
echo "== ingesting sample/meantime"
"$BIN" ingest --store "$STORE" sample/meantime

ENTITY="${1:-}"
if [ -z "$ENTITY" ]; then
  ENTITY="$("$BIN" entities --store "$STORE" --type PER --limit 1 --json \
    | python3 -c 'import json,sys; l=json.load(sys.stdin); print(l[0]["name"] if l else "")')"
fi
if [ -z "$ENTITY" ]; then
  echo "FAIL: the store has no person entities" >&2
  exit 1
fi

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
"$BIN" serve --store "$STORE" --addr "127.0.0.1:$PORT" --read-only 2>"$WORK/serve.log" &
SERVER_PID=$!
for _ in $(seq 1 100); do
  if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/api/stats')" 2>/dev/null; then break; fi
  sleep 0.1
done

ENC="$(python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$ENTITY")"
URL="http://127.0.0.1:$PORT/#/entity/$ENC"
echo "== loading $URL"
FLAGS=(--headless --no-sandbox --disable-gpu --disable-background-networking
       --disable-component-update --disable-sync --no-first-run
       --virtual-time-budget=15000 --window-size=1280,1400)

"$CHROMIUM" "${FLAGS[@]}" --user-data-dir="$(mktemp -d -p "$WORK")" --dump-dom "$URL" \
  >"$WORK/dom.html" 2>"$WORK/chromium.log" || true

ITEMS="$(python3 - "$WORK/dom.html" <<'PY'
import re, sys
dom = open(sys.argv[1], encoding="utf-8", errors="replace").read()
svg = re.search(r'<svg[^>]*class="timeline"[^>]*>', dom)
if not svg:
    print(-1); sys.exit()
m = re.search(r'data-items="(\d+)"', svg.group(0))
circles = len(re.findall(r'<circle[^>]*class="item ', dom))
links = len(re.findall(r'<a href="#/doc/', dom))
print(min(int(m.group(1)) if m else 0, circles) if links >= circles else 0)
PY
)"
if [ "$ITEMS" -lt 1 ]; then
  echo "FAIL: the timeline SVG of $ENTITY has no items (found: $ITEMS)" >&2
  tail -n 20 "$WORK/chromium.log" >&2 || true
  exit 1
fi
echo "ok: the timeline of $ENTITY shows $ITEMS items, each linked to its source"

mkdir -p bench/out
"$CHROMIUM" "${FLAGS[@]}" --user-data-dir="$(mktemp -d -p "$WORK")" \
  --screenshot="$PWD/bench/out/entity-page.png" "$URL" >/dev/null 2>>"$WORK/chromium.log" || true
if [ ! -s bench/out/entity-page.png ]; then
  echo "FAIL: no screenshot" >&2
  exit 1
fi
echo "ok: screenshot bench/out/entity-page.png"
