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
    from chronicle.spark import annotate_dataframe

    spark = SparkSession.builder.master("local[2]").getOrCreate()
    df = spark.read.parquet("articles/")                # id, date, text
    annotate_dataframe(df).write.parquet("annotated/")  # then:
    # chronicle ingest --from parquet annotated/

Throughput: read Parquet or uncompressed JSON Lines (a ``.gz`` file is one
split, read by one task, and needs a ``repartition`` shuffle), and leave
``threads=1``: Spark already runs a task per core, and a task that also
fanned out over every core would oversubscribe them. Keep
``spark.sql.execution.arrow.maxRecordsPerBatch`` at a few hundred to a few
thousand articles (about 15 KB of Arrow output per article).
"""

from __future__ import annotations

__all__ = ["annotate_dataframe", "spark_schema"]


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
