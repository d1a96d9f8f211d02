"""Chronicle from Python: the Rust annotation core, in-process.

``annotate(text, date=...)`` returns the JSON contract of ``chronicle annotate
--to json`` as Python objects; ``annotate_batch`` annotates many documents on
all cores with the GIL released; ``annotate_arrow`` maps a pyarrow RecordBatch
of (id, date, text) to a RecordBatch with one nested column per layer.
``chronicle.spark`` runs the same core inside Spark with ``mapInArrow``.
"""

from chronicle._chronicle import (  # noqa: F401  (re-exported API)
    MAX_BYTES,
    __version__,
    annotate,
    annotate_arrow,
    annotate_batch,
    arrow_schema,
    warm_up,
)

__all__ = [
    "annotate",
    "annotate_batch",
    "annotate_arrow",
    "arrow_schema",
    "warm_up",
    "MAX_BYTES",
    "__version__",
]
