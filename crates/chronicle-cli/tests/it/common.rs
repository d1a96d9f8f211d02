//! Runs the real `chronicle` binary; shared by every CLI test module.

use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Runs `chronicle ARGS` in `cwd` with no inherited store and no stdin.
pub fn chronicle(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .args(args)
        .current_dir(cwd)
        .env_remove("CHRONICLE_STORE")
        .stdin(Stdio::null())
        .output()
        .expect("run chronicle")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn last_line(o: &Output) -> String {
    stdout(o).lines().last().unwrap_or("").to_string()
}
