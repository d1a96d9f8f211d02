//! Progress bars on a terminal, silence when piped.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

/// A spinner-with-counter on stderr when it is a terminal, hidden otherwise.
pub fn counter(what: &str) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    let style = ProgressStyle::with_template("{spinner} {prefix} {pos} [{elapsed}] {per_sec}")
        .unwrap_or_else(|_| ProgressStyle::default_spinner());
    bar.set_style(style);
    bar.set_prefix(what.to_string());
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}
