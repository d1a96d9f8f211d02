//! Placeholder: `chronicle search`.
