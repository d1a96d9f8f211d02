//! The CLI's integration tests: one binary (each test binary links the whole
//! engine, so one instead of six saves minutes of linking and gigabytes of disk).

mod common;

mod annotator_id;
mod columnar;
mod eval_timex;
mod kb_maintenance;
mod precompute;
mod serve_kill;
mod store_commands;
mod timeline_summary;
