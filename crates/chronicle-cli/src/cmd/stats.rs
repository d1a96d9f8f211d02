//! Placeholder: `chronicle stats`.
