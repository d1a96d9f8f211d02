//! Integration tests: golden tests per pattern family, property tests and
//! scanner fuzzing.

mod golden;
mod props;
