#!/usr/bin/env bash
# Python `annotate_batch` vs `chronicle annotate --from jsonl --to json` over the
# same Timeline17 articles (target: the Python batch API within 10% of the CLI).
#
#   bash bench/python_annotate.sh [ARTICLES.jsonl.gz]
#
# Needs the CLI (target/release/chronicle, or CHRONICLE_BIN) and the wheel in
# bench/.venv (python/ci.sh builds both). Prints wall and CPU seconds, best of
# RUNS (default 3); CPU time is the fairer figure on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-../shared/data/timeline17/articles.jsonl.gz}
BIN=${CHRONICLE_BIN:-target/release/chronicle}
VENV=${CHRONICLE_VENV:-bench/.venv}
if [ ! -f "$DATA" ]; then echo "skip: $DATA not found (../shared/data beside the repository)"; exit 0; fi
"$VENV/bin/python" -c 'import chronicle' 2>/dev/null || { echo "the wheel is not installed in $VENV: run python/ci.sh"; exit 1; }
RUNS=${RUNS:-3} "$VENV/bin/python" - "$DATA" "$BIN" <<'PY'
import gzip, json, os, resource, subprocess, sys, time

data, binary = sys.argv[1], sys.argv[2]
runs = int(os.environ["RUNS"])
mb = os.path.getsize(data) / 1e6

def best(fn):
    out = []
    for _ in range(runs):
        out.append(fn())
    return min(out, key=lambda r: r[0]), min(out, key=lambda r: r[1])

def cli():
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run([binary, "annotate", "--from", "jsonl", "--to", "json", data],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

import chronicle
chronicle.warm_up()

def python(threads):
    def run():
        t, c = time.perf_counter(), time.process_time()
        # Reading and parsing the same file is part of the work, as for the CLI.
        records = []
        with gzip.open(data, "rt", encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                r = json.loads(line)
                records.append({"id": f"articles:{n}", "date": r.get("date"), "text": r.get("text")})
        docs = chronicle.annotate_batch(records, threads=threads)
        assert len(docs) == len(records)
        return time.perf_counter() - t, time.process_time() - c
    return run

rows = [("chronicle annotate --to json (CLI)", best(cli))]
rows.append(("python annotate_batch threads=1", best(python(1))))
rows.append((f"python annotate_batch threads=all ({os.cpu_count()})", best(python(None))))
base_wall, base_cpu = rows[0][1][0][0], rows[0][1][1][1]
print(f"{data}: {mb:.1f} MB gzip, best of {runs}")
print(f"{'':44} {'wall s':>8} {'cpu s':>8} {'wall/CLI':>9} {'cpu/CLI':>8}")
for name, ((wall, _), (_, cpu)) in rows:
    print(f"{name:44} {wall:8.2f} {cpu:8.2f} {wall / base_wall:9.2f} {cpu / base_cpu:8.2f}")
PY
