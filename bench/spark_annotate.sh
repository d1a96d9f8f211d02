#!/usr/bin/env bash
# Spark local[2] `annotate_dataframe` → Parquet vs `chronicle annotate --to parquet`
# over the same Timeline17 articles (target: Spark within 30% of the CLI).
#
#   bash bench/spark_annotate.sh [ARTICLES.jsonl.gz]
#
# Needs the CLI (target/release/chronicle, or CHRONICLE_BIN) and the wheel and
# pyspark in bench/.venv (python/ci.sh makes both).
#
# The input is prepared once, untimed, in each tool's natural format with the
# same rows and ids: uncompressed JSON Lines for the CLI, Parquet for Spark
# (and, as a second Spark variant, the same JSON Lines). Neither is a single
# gzip split, so Spark reads with one task per core and needs no shuffle.
# The Spark time is the job (read, annotate, write Parquet) after the session
# has started; session start and the first job (cold JVM) are printed apart.
# Rounds alternate the tools so that load from neighbours hits both alike.
#
# Spark runs with `chronicle.spark.recommended_conf()` (the settings
# docs/SCALE.md recommends: Arrow batches of 1,000 rows, snappy, Parquet v2
# pages without dictionaries); CONF=stock drops the writer settings to
# compare with Spark's own Parquet defaults, and STOCK=1 adds a variant in
# the same session that writes with Spark's defaults (dictionaries, v1
# pages), alternated with the others. Both tools write snappy.
#
#   RUNS=3           timed rounds (best and median are printed)
#   REPLICATE=1      use the articles N times over (ids made unique), for both
#   SPARK_INPUT=both parquet, jsonl or both
#   CONF=recommended recommended or stock (Spark's Parquet writer defaults)
#   SPARK_CONF=      extra settings, "key=value,key=value"
#   STOCK=0          1: also time Parquet in -> Parquet with Spark's writer defaults
#   THREADS=1        Rust threads per Spark task (annotate_dataframe threads=)
#   BATCH=1000       spark.sql.execution.arrow.maxRecordsPerBatch
#   PHASES=1         also time Spark's read alone and read+annotate without
#                    the Parquet write (noop sink)
#   EVENTLOG=DIR     write Spark's event log (per-task metrics) to DIR
#   SPLIT_BYTES=N    spark.sql.files.maxPartitionBytes (e.g. 2m: more, smaller tasks)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-../shared/data/timeline17/articles.jsonl.gz}
BIN=${CHRONICLE_BIN:-target/release/chronicle}
VENV=${CHRONICLE_VENV:-bench/.venv}
if [ ! -f "$DATA" ]; then echo "skip: $DATA not found (../shared/data beside the repository)"; exit 0; fi
"$VENV/bin/python" -c 'import chronicle, pyspark' 2>/dev/null || { echo "the wheel or pyspark is not in $VENV: run python/ci.sh"; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
RUNS=${RUNS:-3} REPLICATE=${REPLICATE:-1} SPARK_INPUT=${SPARK_INPUT:-both} BATCH=${BATCH:-1000} \
PHASES=${PHASES:-0} EVENTLOG=${EVENTLOG:-} SPLIT_BYTES=${SPLIT_BYTES:-} CONF=${CONF:-recommended} \
SPARK_CONF=${SPARK_CONF:-} THREADS=${THREADS:-1} STOCK=${STOCK:-0} \
    "$VENV/bin/python" - "$DATA" "$BIN" "$WORK" <<'PY'
import gzip, json, os, resource, statistics, subprocess, sys, time

data, binary, work = sys.argv[1:4]
runs, replicate = int(os.environ["RUNS"]), int(os.environ["REPLICATE"])
variants = ["parquet", "jsonl"] if os.environ["SPARK_INPUT"] == "both" else [os.environ["SPARK_INPUT"]]
batch, phases, eventlog = int(os.environ["BATCH"]), os.environ["PHASES"] == "1", os.environ["EVENTLOG"]
threads = int(os.environ["THREADS"])
if os.environ["STOCK"] == "1":
    variants.append("stock")
TICK = os.sysconf("SC_CLK_TCK")


def load():
    return "load %.2f %.2f %.2f" % os.getloadavg()


def tree_cpu():
    """CPU seconds of this process and all its descendants (the JVM, Spark's
    Python workers), including reaped children: on a shared machine CPU time
    is the fair measure, wall time depends on the neighbours."""
    kids, stat = {}, {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        kids.setdefault(int(fields[1]), []).append(int(pid))
        stat[int(pid)] = sum(int(x) for x in fields[11:15])
    total, todo = 0, [os.getpid()]
    while todo:
        pid = todo.pop()
        total += stat.get(pid, 0)
        todo.extend(kids.get(pid, []))
    return total / TICK


# --- input, prepared once and not timed: the same rows for both tools ---
import pyarrow as pa
import pyarrow.parquet as pq

jsonl, parquet = os.path.join(work, "articles.jsonl"), os.path.join(work, "articles.parquet")
ids, dates, texts = [], [], []
with gzip.open(data, "rt", encoding="utf-8") as f:
    source = [json.loads(line) for line in f]
for copy in range(replicate):
    for n, r in enumerate(source, 1):
        ids.append(f"articles:{n}" + (f"/{copy}" if copy else ""))
        dates.append(r.get("date"))
        texts.append(r.get("text"))
with open(jsonl, "w", encoding="utf-8") as f:
    for i, d, t in zip(ids, dates, texts):
        f.write(json.dumps({"id": i, "date": d, "text": t}, ensure_ascii=False) + "\n")
table = pa.table({"id": ids, "date": dates, "text": texts})
# Small row groups, as a writer of a large archive would make them anyway:
# Spark splits a Parquet file between tasks at row-group boundaries.
pq.write_table(table, parquet, row_group_size=256, compression="snappy")
docs, mb = len(ids), sum(len(t.encode()) for t in texts if t) / 1e6
del source, ids, dates, texts, table


sizes = {}


def parquet_bytes(path):
    if os.path.isfile(path):
        return os.path.getsize(path)
    return sum(os.path.getsize(os.path.join(path, f)) for f in os.listdir(path) if f.endswith(".parquet"))


def cli():
    out = os.path.join(work, "cli.parquet")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run([binary, "annotate", "--from", "jsonl", "--to", "parquet", "--out", out, jsonl],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    sizes["cli"] = parquet_bytes(out)
    os.remove(out)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
t = time.perf_counter()
from pyspark.sql import SparkSession
from chronicle.spark import annotate_dataframe, recommended_conf

conf = recommended_conf()
if os.environ["CONF"] == "stock":
    conf = {k: v for k, v in conf.items() if not k.startswith("spark.hadoop.")}
elif os.environ["CONF"] != "recommended":
    sys.exit(f"CONF is recommended or stock, not {os.environ['CONF']!r}")
conf["spark.sql.execution.arrow.maxRecordsPerBatch"] = str(batch)
for kv in filter(None, os.environ["SPARK_CONF"].split(",")):
    k, _, v = kv.partition("=")
    conf[k.strip()] = v.strip()
builder = (SparkSession.builder.master("local[2]").appName("chronicle-bench")
           .config("spark.ui.enabled", "false").config("spark.driver.memory", "2g")
           .config(map=conf))
if os.environ.get("SPLIT_BYTES"):
    # Smaller input splits: more tasks than cores, so one slow split does not
    # leave a core idle at the end of the job.
    builder = builder.config("spark.sql.files.maxPartitionBytes", os.environ["SPLIT_BYTES"]) \
                     .config("spark.sql.files.openCostInBytes", "0")
if eventlog:
    os.makedirs(eventlog, exist_ok=True)
    builder = builder.config("spark.eventLog.enabled", "true").config("spark.eventLog.dir", eventlog)
spark = builder.getOrCreate()
spark.sparkContext.setLogLevel("ERROR")
spark.range(4).count()
startup = time.perf_counter() - t


def read(variant):
    if variant in ("parquet", "stock"):
        return spark.read.parquet(parquet)
    return spark.read.schema("id string, date string, text string").json(jsonl)


def timed(fn):
    c, t = tree_cpu(), time.perf_counter()
    fn()
    return time.perf_counter() - t, tree_cpu() - c


def job(variant):
    out = os.path.join(work, "spark.parquet")
    # "stock": Spark's own writer defaults for this write only (the options
    # override the session's spark.hadoop.* settings).
    options = {"parquet.writer.version": "PARQUET_1_0", "parquet.enable.dictionary": "true"} if variant == "stock" else {}
    result = timed(lambda: annotate_dataframe(read(variant), threads=threads)
                   .write.options(**options).mode("overwrite").parquet(out))
    n = spark.read.parquet(out).count()
    assert n == docs, (n, docs)
    sizes[variant] = parquet_bytes(out)
    return result


cold = {v: job(v) for v in variants}
cli()  # the page cache, as Spark's first job had it
results = {"cli": []} | {v: [] for v in variants}
extra = {}
for _ in range(runs):
    results["cli"].append(cli())
    for v in variants:
        results[v].append(job(v))
if phases:
    for v in variants:
        extra[f"{v}: read only"] = [timed(lambda: read(v).write.format("noop").mode("overwrite").save()) for _ in range(runs)]
        extra[f"{v}: read+annotate, no write"] = [
            timed(lambda: annotate_dataframe(read(v), threads=threads).write.format("noop").mode("overwrite").save())
            for _ in range(runs)]
spark.stop()

print(f"{docs} rows ({data} x{replicate}), {mb:.1f} MB of text, {os.cpu_count()} cores, "
      f"{runs} rounds, maxRecordsPerBatch {batch}, threads {threads}; {load()} at the end")
print("spark conf: " + ", ".join(f"{k}={v}" for k, v in sorted(conf.items())))
print(f"{'':44} {'wall best':>9} {'median':>7} {'cpu best':>9} {'median':>7} {'docs/cpu-s':>10}")
names = {"cli": "CLI annotate jsonl -> parquet",
         "parquet": "spark local[2] parquet -> parquet",
         "jsonl": "spark local[2] jsonl -> parquet",
         "stock": "spark parquet -> parquet, stock writer"}
rows = [(names[k], r) for k, r in results.items()] + list(extra.items())
for name, r in rows:
    walls, cpus = [w for w, _ in r], [c for _, c in r]
    print(f"{name:44} {min(walls):9.2f} {statistics.median(walls):7.2f} {min(cpus):9.2f} "
          f"{statistics.median(cpus):7.2f} {docs / min(cpus):10.1f}")
print("output: " + ", ".join(f"{k} {v / 1e6:.1f} MB" for k, v in sizes.items()) + " of Parquet (snappy)")
base = results["cli"]
for v in variants:
    r = results[v]
    ratio = lambda k, f: f(x[k] for x in r) / f(x[k] for x in base)
    med = lambda xs: statistics.median(list(xs))
    print(f"spark ({v} in) / CLI: wall {ratio(0, min):.2f}x best, {ratio(0, med):.2f}x median; "
          f"cpu {ratio(1, min):.2f}x best, {ratio(1, med):.2f}x median; "
          f"first job (cold JVM) {cold[v][0]:.2f} s wall, {cold[v][1]:.2f} s cpu")
print(f"session start {startup:.1f} s, not counted")
PY
