"""Chronicle on Spark: the Rust core inside each Python worker, fed by Arrow.

``annotate_dataframe`` selects the (id, date, text) columns, casts them to
strings and maps each partition's Arrow batches through
``chronicle.annotate_arrow`` with ``DataFrame.mapInArrow``: no per-row Python
objects and no JSON, only the Arrow C data interface between Spark's JVM,
pyarrow and Rust. The result has the nested columns of
``chronicle.arrow_schema()`` (``entities``, ``timexes``, ``quotes``,
``events``, ...), converted to a Spark schema once on the driver.

A bad row (null or empty text, missing id, malformed date, a text over the
size limit) comes back with ``error`` set and empty layers; the job never
fails because of one row.

Example::

    from pyspark.sql import SparkSession
    from chronicle.spark import annotate_dataframe, recommended_conf

    spark = SparkSession.builder.config(map=recommended_conf()).getOrCreate()
    df = spark.read.parquet("articles/")                # id, date, text
    annotate_dataframe(df).write.parquet("annotated/")  # then:
    # chronicle ingest --from parquet annotated/

Throughput: start the session with ``recommended_conf()`` (measured settings;
see ``docs/SCALE.md``), read Parquet or uncompressed JSON Lines (a ``.gz``
file is one split, read by one task, and needs a ``repartition`` shuffle),
and leave ``threads=1``: Spark already runs a task per core, and a task that
also fanned out over every core would oversubscribe them. Once the Rust core
has annotated a batch, most of what is left is the JVM writing the nested
columns to Parquet; ``parquet_options()`` makes that write cheaper.
"""

from __future__ import annotations

__all__ = ["annotate_dataframe", "parquet_options", "recommended_conf", "spark_schema"]

# Arrow batches of this many articles: about 15 MB of Arrow output each, small
# enough that the JVM writes one batch while Python annotates the next (Spark's
# default of 10,000 took a third longer on the benchmark).
BATCH_ROWS = 1000

# What opening a file costs, in bytes of input, when Spark cuts the input into
# tasks: next to nothing against annotating text (see ``recommended_conf``),
# but not 0, which Spark would use as a split size for an empty input.
OPEN_COST_BYTES = 8192


def parquet_options() -> dict:
    """Parquet writer options for ``annotate_dataframe``'s output.

    The output is dozens of nested columns, mostly code-point offsets and
    texts that rarely repeat, so dictionary encoding costs the JVM's Parquet
    writer CPU for nothing: it builds a dictionary per column and then falls
    back to plain pages. Format v2 pages with delta encodings store the
    sorted offsets and the texts compactly without one. On the 3,354-article
    benchmark this cut the JVM's task CPU by 40% (0.4 s a job) and the file
    came out 4% smaller than with Spark's defaults; on a longer job the saving
    is smaller (part of it is a cost per file). Spark 3.3+, pyarrow, DuckDB and
    ``chronicle ingest --from parquet`` read v2 pages; a much older reader may
    not, so leave these options out if one must read the files.

    Use per write, ``df.write.options(**parquet_options()).parquet(path)``,
    or for the whole session through ``recommended_conf()``.
    """
    return {"parquet.writer.version": "PARQUET_2_0", "parquet.enable.dictionary": "false"}


def recommended_conf() -> dict:
    """Spark settings for annotation jobs, measured with
    ``bench/spark_annotate.sh`` (see ``docs/SCALE.md``).

    ``spark.sql.files.openCostInBytes`` is what Spark counts opening a file
    as, in bytes read, when it cuts the input into tasks. Its default (4 MB)
    fits a scan, where a few megabytes take milliseconds; here a megabyte of
    text takes a core about a second to annotate, so the default made the
    tasks uneven: on the 3,354-article benchmark (12 MB of Parquet, two
    cores) one task got two thirds of the rows and ran alone for its last
    two seconds. Counted as almost nothing, the input is cut evenly by size.

    Pass them when the session is built (``SparkSession.builder.config(map=
    recommended_conf())``, or ``--conf`` to ``spark-submit``); the writer
    options of ``parquet_options()`` are included as ``spark.hadoop.*``, so
    they apply to every Parquet write of the session. Snappy is Spark's
    default codec and the one ``chronicle annotate --to parquet`` uses; it
    is set here so that a cluster-wide default cannot change it silently.
    """
    conf = {
        "spark.sql.execution.arrow.maxRecordsPerBatch": str(BATCH_ROWS),
        "spark.sql.parquet.compression.codec": "snappy",
        "spark.sql.files.openCostInBytes": str(OPEN_COST_BYTES),
    }
    conf.update({f"spark.hadoop.{k}": v for k, v in parquet_options().items()})
    return conf


def spark_schema():
    """The Spark ``StructType`` of ``annotate_dataframe``'s output."""
    from pyspark.sql.pandas.types import from_arrow_schema

    import chronicle

    return from_arrow_schema(chronicle.arrow_schema())


def annotate_dataframe(
    df,
    id_col: str = "id",
    date_col: str | None = "date",
    text_col: str = "text",
    *,
    threads: int = 1,
):
    """Annotates every row of ``df`` and returns a DataFrame of the results.

    ``id_col`` and ``text_col`` name the id and text columns; ``date_col`` the
    document date (an ISO string, a date or a timestamp column); a row whose
    date is null or malformed comes back with ``error`` set. Pass ``None``
    when the rows carry no dates at all: relative dates then stay
    underspecified. Columns named ``title``, ``url`` and ``source``
    are carried along when present. ``threads`` is the number of threads each
    Spark task uses (1: Spark already runs one task per core).
    """
    from pyspark.sql import functions as F

    columns = [
        F.col(id_col).cast("string").alias("id"),
        F.col(text_col).cast("string").alias("text"),
    ]
    if date_col is not None:
        columns.append(F.col(date_col).cast("string").alias("date"))
    for extra in ("title", "url", "source"):
        if extra in df.columns and extra not in (id_col, date_col, text_col):
            columns.append(F.col(extra).cast("string").alias(extra))
    rows = df.select(*columns)
    dated = "date" if date_col is not None else ""

    def run(batches):
        import chronicle

        for batch in batches:
            yield chronicle.annotate_arrow(
                batch, id_col="id", date_col=dated, text_col="text", threads=threads
            )

    return rows.mapInArrow(run, spark_schema())
