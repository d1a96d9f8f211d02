use std::path::Path;
use std::process::ExitCode;

/// `chronicle tls`: placeholder until the summariser lands.
pub fn run(
    articles: &Path,
    start: &str,
    end: &str,
    dates: usize,
    sentences: usize,
    out: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let _ = (articles, start, end, dates, sentences, out);
    anyhow::bail!("tls is not implemented yet")
}
