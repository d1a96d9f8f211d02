//! Placeholder: `chronicle ingest`.
