//! Integration tests of the store: round trips, idempotence, search,
//! versioning, and crash safety under SIGKILL.

mod common;
mod kill;
mod store;
