"""A PySpark job in local[2] over the Timeline17 articles: annotate with
mapInArrow, write Parquet, compare a sample with the CLI, then load the
Parquet into a store with `chronicle ingest --from parquet` and query it."""

import json
import os
import random
import re
import sys

import pytest

pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed (pip install pyspark)")
pq = pytest.importorskip("pyarrow.parquet")

from chronicle.spark import annotate_dataframe, parquet_options, recommended_conf, spark_schema  # noqa: E402
from conftest import ROOT, cli_json, run_cli, t17_records, write_jsonl  # noqa: E402
from test_arrow import compare  # noqa: E402

BAD_ROWS = [
    {"id": "bad-null", "date": "2011-02-01", "text": None},
    {"id": "bad-empty", "date": "2011-02-01", "text": "  "},
    {"id": "bad-date", "date": "1 Feb 2011", "text": "Hosni Mubarak spoke on Tuesday."},
    {"id": None, "date": "2011-02-01", "text": "A row without an id."},
]


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # Workers must run this interpreter (the venv with the wheel), not `python3`.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    # The recommended settings, so that the files checked below (Parquet v2
    # pages, no dictionaries) are the ones users get.
    session = (
        SparkSession.builder.master("local[2]")
        .appName("chronicle-test")
        .config(map=recommended_conf())
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_recommended_conf_carries_the_writer_options():
    conf = recommended_conf()
    assert conf["spark.sql.parquet.compression.codec"] == "snappy"
    assert int(conf["spark.sql.execution.arrow.maxRecordsPerBatch"]) > 0
    for key, value in parquet_options().items():
        assert conf[f"spark.hadoop.{key}"] == value


def test_recommended_conf_cuts_one_file_into_even_tasks(spark, tmp_path):
    # With Spark's default open cost (4 MB) this 1 MB file is one task, and
    # a 12 MB one is cut two thirds to one third; annotation time follows
    # the text's size, so the cut must follow it too.
    import pyarrow as pa
    import pyarrow.parquet as pq
    from pyspark.sql import functions as F

    n = 2000
    texts = [f"Angela Merkel met Emmanuel Macron in Paris on day {i}. " * 9 for i in range(n)]
    table = pa.table({"id": [str(i) for i in range(n)], "text": texts})
    path = str(tmp_path / "even.parquet")
    # Plain pages, so that bytes on disk follow the text's size.
    pq.write_table(table, path, row_group_size=50, compression="none", use_dictionary=False)
    df = spark.read.parquet(path)
    parallelism = spark.sparkContext.defaultParallelism
    assert df.rdd.getNumPartitions() >= parallelism
    counts = [r["count"] for r in df.groupBy(F.spark_partition_id()).count().collect()]
    assert sum(counts) == n
    assert len(counts) >= parallelism
    assert max(counts) <= 1.2 * n / len(counts)


def test_schema_converts(spark):
    names = spark_schema().fieldNames()
    assert names[:4] == ["id", "date", "title", "text"] and "events" in names


def test_spark_job_matches_cli_and_ingests(spark, tmp_path):
    records = t17_records()
    rows = records + BAD_ROWS
    df = spark.createDataFrame(rows, schema="id string, date string, text string").repartition(4)
    out_dir = tmp_path / "annotated"
    annotate_dataframe(df).write.parquet(str(out_dir))

    table = pq.read_table(out_dir)
    assert table.num_rows == len(rows)
    # The session's writer options reached the files: v2 pages, no dictionaries.
    part = next(out_dir.glob("part-*.parquet"))
    encodings = set()
    meta = pq.ParquetFile(part).metadata
    for i in range(meta.num_columns):
        encodings.update(meta.row_group(0).column(i).encodings)
    assert "RLE_DICTIONARY" not in encodings and "PLAIN_DICTIONARY" not in encodings, encodings
    assert "DELTA_BINARY_PACKED" in encodings, encodings
    by_id = {r["id"]: r for r in table.to_pylist()}

    # Bad rows: an error each, and the job went on.
    assert by_id["bad-null"]["error"] == "missing `text` field"
    assert by_id["bad-empty"]["error"] == "`text` is empty"
    assert "1 Feb 2011" in by_id["bad-date"]["error"]
    assert by_id[""]["error"] == "missing `id`"
    empty_articles = [r["id"] for r in records if not r["text"].strip()]
    assert all(by_id[i]["error"] == "`text` is empty" for i in empty_articles)

    # A sample of rows equals the CLI's output on the same records.
    sample = random.Random(8).sample([r for r in records if r["text"].strip()], 120)
    expected = cli_json("--from", "jsonl", write_jsonl(tmp_path / "sample.jsonl", sample))
    assert len(expected) == len(sample)
    compare([by_id[d["id"]] for d in expected], expected)

    # The Parquet loads into a store without re-annotating, and queries work.
    store = tmp_path / "store"
    proc = run_cli("ingest", "--store", store, "--from", "parquet", out_dir, check=False)
    summary = [line for line in (proc.stdout + "\n" + proc.stderr).splitlines() if line.startswith("ingested ")]
    assert summary, proc.stdout + proc.stderr
    last = summary[-1]
    ingested = int(last.split()[1].rstrip(","))
    good = sum(1 for r in by_id.values() if r["error"] is None)
    assert 0.9 * good <= ingested <= good, last
    entities = json.loads(run_cli("entities", "--store", store, "--json", "--limit", "5").stdout)
    assert entities, "no entities in the store"
    top = entities[0]["name"]
    timeline = json.loads(run_cli("timeline", top, "--store", store, "--json").stdout)
    assert timeline["items"], f"empty timeline for {top}"

    # Every Spark SQL query of docs/SCALE.md runs on the output and finds rows.
    spark.read.parquet(str(out_dir)).createOrReplaceTempView("docs")
    queries = re.findall(r"```sql\n(.*?)```", (ROOT / "docs" / "SCALE.md").read_text(), re.S)
    assert len(queries) >= 4
    for sql in queries:
        assert spark.sql(sql).limit(5).collect(), f"no rows from:\n{sql}"
