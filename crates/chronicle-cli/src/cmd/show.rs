//! Placeholder: `chronicle show`.
