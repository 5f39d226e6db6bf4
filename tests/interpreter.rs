//! The interpreter against CPython 3.11: every program of the corpus (`tests/programs`, and the
//! page's Python presets in `presets/`: the seeds' programs and the next steps) runs on
//! CPython's own asyncio loop on a virtual clock and on the playground's interpreter on its logical clock. Standard output must be the
//! same lines in the same order, each at the same virtual time; the exit status the same; the
//! last line of standard error (a traceback's `Error: message`, a warning) the same.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use async_playground::py::run::run_virtual;
use common::{corpus_sources, difference, python, run_python};

#[test]
fn the_corpus_prints_what_cpython_prints() {
    let programs = corpus_sources();
    assert!(
        programs.len() >= 85,
        "the corpus is there ({} programs)",
        programs.len()
    );
    let Some(python) = python() else {
        return;
    };
    let sources: Vec<String> = programs.iter().map(|(_, s)| s.clone()).collect();
    let runs = run_python(python, &sources);
    let mut failures = Vec::new();
    for ((file, source), run) in programs.iter().zip(&runs) {
        let (lines, status) = run_virtual(source, "<program>");
        if let Some(why) = difference(&lines, status, run) {
            failures.push(format!("{}: {why}", file.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} programs differ:\n{}",
        failures.len(),
        programs.len(),
        failures.join("\n")
    );
}
