#!/usr/bin/env bash
# Python `annotate_batch` vs `chronicle annotate --from jsonl --to json` over the
# same Timeline17 articles (target: the Python batch API within 10% of the CLI).
#
#   bash bench/python_annotate.sh [ARTICLES.jsonl.gz]
#
# Needs the CLI (target/release/chronicle, or CHRONICLE_BIN) and the wheel in
# bench/.venv (python/ci.sh builds both). The batch API is timed on a list of
# the parsed records and on a generator of them (annotate_batch reads it while
# annotating). Rounds alternate the runs so that load from neighbours hits
# them alike; prints wall and CPU seconds, best and median of RUNS (default
# 3), and the load average. CPU time is the fairer figure on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-../shared/data/timeline17/articles.jsonl.gz}
BIN=${CHRONICLE_BIN:-target/release/chronicle}
VENV=${CHRONICLE_VENV:-bench/.venv}
if [ ! -f "$DATA" ]; then echo "skip: $DATA not found (../shared/data beside the repository)"; exit 0; fi
"$VENV/bin/python" -c 'import chronicle' 2>/dev/null || { echo "the wheel is not installed in $VENV: run python/ci.sh"; exit 1; }
RUNS=${RUNS:-3} "$VENV/bin/python" - "$DATA" "$BIN" <<'PY'
import gzip, json, os, resource, statistics, subprocess, sys, time

data, binary = sys.argv[1], sys.argv[2]
runs = int(os.environ["RUNS"])
mb = os.path.getsize(data) / 1e6

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

def articles():
    with gzip.open(data, "rt", encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            r = json.loads(line)
            yield {"id": f"articles:{n}", "date": r.get("date"), "text": r.get("text")}

def python(threads, stream=False):
    def run():
        t, c = time.perf_counter(), time.process_time()
        # Reading and parsing the same file is part of the work, as for the
        # CLI: into a list first, or (stream) from a generator that
        # annotate_batch reads while the first articles are annotated.
        records = articles() if stream else list(articles())
        docs = chronicle.annotate_batch(records, threads=threads)
        assert len(docs) == n_articles
        return time.perf_counter() - t, time.process_time() - c
    return run

n_articles = sum(1 for _ in articles())
tools = [("chronicle annotate --to json (CLI)", cli),
         (f"python annotate_batch(list) threads=all ({os.cpu_count()})", python(None)),
         ("python annotate_batch(generator) threads=all", python(None, stream=True)),
         ("python annotate_batch(list) threads=1", python(1))]
start_load = os.getloadavg()
results = {name: [] for name, _ in tools}
for _ in range(runs):
    for name, fn in tools:
        results[name].append(fn())
print(f"{data}: {mb:.1f} MB gzip, {runs} alternating rounds; load %.2f at the start, %.2f at the end"
      % (start_load[0], os.getloadavg()[0]))
print(f"{'':48} {'wall best':>9} {'median':>7} {'cpu best':>9} {'median':>7} {'wall/CLI':>9} {'cpu/CLI':>8}")
stats = {}
for name, r in results.items():
    walls, cpus = [w for w, _ in r], [c for _, c in r]
    stats[name] = (min(walls), statistics.median(walls), min(cpus), statistics.median(cpus))
base = stats[tools[0][0]]
for name, (wb, wm, cb, cm) in stats.items():
    print(f"{name:48} {wb:9.2f} {wm:7.2f} {cb:9.2f} {cm:7.2f} {wb / base[0]:9.2f} {cb / base[2]:8.2f}")
print("(ratios: best against best; medians in the columns)")
PY
