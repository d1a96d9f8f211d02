//! `chronicle serve`: the HTTP API and web page.

use std::path::Path;
use std::process::ExitCode;

pub fn run(store: &Path, addr: &str, read_only: bool) -> anyhow::Result<ExitCode> {
    let addr: std::net::SocketAddr = addr
        .parse()
        .map_err(|e| anyhow::anyhow!("--addr: `{addr}` is not HOST:PORT: {e}"))?;
    chronicle_serve::run_blocking(
        chronicle_serve::Config {
            store: store.to_path_buf(),
            read_only,
            ..chronicle_serve::Config::default()
        },
        addr,
    )?;
    Ok(ExitCode::SUCCESS)
}
