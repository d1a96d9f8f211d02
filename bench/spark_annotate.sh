#!/usr/bin/env bash
# Spark local[2] `annotate_dataframe` → Parquet vs `chronicle annotate --to parquet`
# over the same Timeline17 articles (target: Spark within 30% of the CLI).
#
#   bash bench/spark_annotate.sh [ARTICLES.jsonl.gz]
#
# Needs the CLI (target/release/chronicle, or CHRONICLE_BIN) and the wheel and
# pyspark in bench/.venv (python/ci.sh makes both). The Spark time is the job
# (read JSON, annotate, write Parquet), after the session has started; the
# session start is printed apart. Best of RUNS (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-../shared/data/timeline17/articles.jsonl.gz}
BIN=${CHRONICLE_BIN:-target/release/chronicle}
VENV=${CHRONICLE_VENV:-bench/.venv}
if [ ! -f "$DATA" ]; then echo "skip: $DATA not found (../shared/data beside the repository)"; exit 0; fi
"$VENV/bin/python" -c 'import chronicle, pyspark' 2>/dev/null || { echo "the wheel or pyspark is not in $VENV: run python/ci.sh"; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
RUNS=${RUNS:-2} "$VENV/bin/python" - "$DATA" "$BIN" "$WORK" <<'PY'
import os, resource, subprocess, sys, time

data, binary, work = sys.argv[1:4]
runs = int(os.environ["RUNS"])

TICK = os.sysconf("SC_CLK_TCK")

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

def cli():
    out = os.path.join(work, "cli.parquet")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run([binary, "annotate", "--from", "jsonl", "--to", "parquet", "--out", out, data],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
t = time.perf_counter()
from pyspark.sql import SparkSession, functions as F
from chronicle.spark import annotate_dataframe

spark = (SparkSession.builder.master("local[2]").appName("chronicle-bench")
         .config("spark.ui.enabled", "false").config("spark.driver.memory", "2g").getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
spark.range(4).count()
startup = time.perf_counter() - t

def job(run):
    out = os.path.join(work, f"spark{run}")
    c = tree_cpu()
    t = time.perf_counter()
    df = spark.read.schema("date string, text string").json(data)
    # A .gz is one split: spread it over the cores, numbering rows as the CLI does.
    df = df.withColumn("id", F.monotonically_increasing_id().cast("string")).repartition(8)
    annotate_dataframe(df).write.mode("overwrite").parquet(out)
    wall = time.perf_counter() - t
    cpu = tree_cpu() - c
    n = spark.read.parquet(out).count()
    return wall, cpu, n

cli_runs = [cli() for _ in range(runs)]
cli_wall, cli_cpu = min(w for w, _ in cli_runs), min(c for _, c in cli_runs)
spark_runs = [job(r) for r in range(runs)]
spark_wall, spark_cpu = min(r[0] for r in spark_runs), min(r[1] for r in spark_runs)
docs = spark_runs[0][2]
spark.stop()
print(f"{data}: {docs} rows, {os.cpu_count()} cores, best of {runs}")
print(f"{'':40} {'wall s':>8} {'cpu s':>8} {'docs/cpu-s':>11}")
print(f"{'chronicle annotate --to parquet (CLI)':40} {cli_wall:8.2f} {cli_cpu:8.2f} {docs / cli_cpu:11.1f}")
print(f"{'spark local[2] annotate_dataframe':40} {spark_wall:8.2f} {spark_cpu:8.2f} {docs / spark_cpu:11.1f}")
print(f"spark/CLI: wall {spark_wall / cli_wall:.2f}x, cpu {spark_cpu / cli_cpu:.2f}x (session start {startup:.1f} s not counted)")
PY
