//! Running programs on CPython's own asyncio loop on a virtual clock
//! (`tests/support/virtual_clock.py`), in one process for a whole batch.
#![allow(dead_code)]

pub mod generate;

use std::io::Write;
use std::process::{Command, Stdio};

use async_playground::json::Json;
use async_playground::py::run::OutputLine;

const HARNESS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/support/virtual_clock.py"
);

/// The corpus: every program of `tests/programs` and the page's Python presets (`presets/`), sorted.
pub fn corpus() -> Vec<std::path::PathBuf> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    let mut folders = vec![root.join("tests/programs"), root.join("presets")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("the corpus folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "py") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Every program of the corpus with its source.
pub fn corpus_sources() -> Vec<(std::path::PathBuf, String)> {
    corpus()
        .into_iter()
        .map(|file| {
            let source = std::fs::read_to_string(&file).expect("a program");
            (file, source)
        })
        .collect()
}

/// `python3`, or `None` when the environment explicitly asks to skip CPython
/// (`ASYNC_PLAYGROUND_SKIP_CPYTHON=1`). A missing `python3` otherwise fails the test.
pub fn python() -> Option<&'static str> {
    if std::env::var("ASYNC_PLAYGROUND_SKIP_CPYTHON").as_deref() == Ok("1") {
        eprintln!("CPython comparison skipped: ASYNC_PLAYGROUND_SKIP_CPYTHON=1");
        return None;
    }
    let found = Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found,
        "python3 is needed to compare with CPython (set ASYNC_PLAYGROUND_SKIP_CPYTHON=1 to skip)"
    );
    Some("python3")
}

/// What CPython printed for one program on the virtual clock.
pub struct PythonRun {
    /// `(milliseconds, stream, text)` of each line.
    pub lines: Vec<(f64, String, String)>,
    pub status: i64,
    pub end_ms: f64,
    /// How many callbacks CPython's loop ran.
    pub callbacks: usize,
}

/// Runs every program in one CPython process, each from time 0.
pub fn run_python(python: &str, programs: &[String]) -> Vec<PythonRun> {
    let mut child = Command::new(python)
        .args(["-X", "utf8", HARNESS, "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 starts");
    let input = Json::Array(programs.iter().map(|p| Json::from(p.as_str())).collect()).to_compact();
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("programs written");
    let output = child.wait_with_output().expect("python3 ran");
    assert!(
        output.status.success(),
        "the harness failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 output");
    let runs: Vec<PythonRun> = stdout
        .lines()
        .map(|line| {
            let result = Json::parse(line).expect("one JSON result per line");
            let field = |value: &Json, key: &str| value.get(key).cloned().expect(key);
            let lines = field(&result, "lines")
                .as_array()
                .expect("lines")
                .iter()
                .map(|l| {
                    (
                        field(l, "t").as_f64().expect("t") * 1000.0,
                        field(l, "stream").as_str().expect("stream").to_owned(),
                        field(l, "text").as_str().expect("text").to_owned(),
                    )
                })
                .collect();
            PythonRun {
                lines,
                status: field(&result, "status").as_f64().expect("status") as i64,
                end_ms: field(&result, "end").as_f64().expect("end") * 1000.0,
                callbacks: field(&result, "callbacks").as_f64().expect("callbacks") as usize,
            }
        })
        .collect();
    assert_eq!(runs.len(), programs.len(), "one result per program");
    runs
}

/// Where the interpreter's run differs from CPython's, if anywhere: the same stdout lines at
/// the same virtual times, the same last stderr line, the same exit status.
pub fn difference(ours: &[OutputLine], status: i32, run: &PythonRun) -> Option<String> {
    let want: Vec<(f64, &str)> = run
        .lines
        .iter()
        .filter(|l| l.1 == "stdout")
        .map(|l| (l.0 / 1000.0, l.2.as_str()))
        .collect();
    let got: Vec<(f64, &str)> = ours
        .iter()
        .filter(|l| !l.stderr)
        .map(|l| (l.t, l.text.as_str()))
        .collect();
    for i in 0..want.len().max(got.len()) {
        match (want.get(i), got.get(i)) {
            (Some(w), Some(g)) if w.1 == g.1 && (w.0 - g.0).abs() < 1e-9 => {}
            (w, g) => {
                return Some(format!(
                    "stdout line {}: CPython {w:?}, interpreter {g:?}",
                    i + 1
                ))
            }
        }
    }
    let want_err = run
        .lines
        .iter()
        .rev()
        .find(|l| l.1 == "stderr")
        .map(|l| l.2.as_str());
    let got_err = ours
        .iter()
        .rev()
        .find(|l| l.stderr)
        .map(|l| l.text.as_str());
    if want_err != got_err {
        return Some(format!(
            "last stderr line: CPython {want_err:?}, interpreter {got_err:?}"
        ));
    }
    if i64::from(status) != run.status {
        return Some(format!(
            "exit status: CPython {}, interpreter {status}",
            run.status
        ));
    }
    None
}

/// Standard error as both print it, for comparing whole tracebacks: without the lines CPython
/// 3.11 adds that the interpreter does not print (`~~^^` markers under a source line), without
/// the frames of CPython's own `asyncio` files (the interpreter's asyncio is not in Python
/// files a learner could open), without source lines (CPython cannot show those of a
/// program run from a string, as the tests run it) and without memory addresses.
pub fn stderr_shape(lines: &[&str]) -> Vec<String> {
    let mut shape = Vec::new();
    // The margin of the last line that named a frame or warned, whose source line may follow.
    let mut source_margin: Option<String> = None;
    for line in lines {
        let trimmed = line.trim_start_matches([' ', '|']);
        let is_marker =
            !trimmed.is_empty() && trimmed.chars().all(|c| matches!(c, '~' | '^' | ' '));
        let is_source = source_margin.take().is_some_and(|margin| {
            line.starts_with(&margin) && line[margin.len()..].starts_with("  ")
        });
        if is_marker || is_source {
            continue;
        }
        if let Some(at) = line.find("File \"") {
            source_margin = Some(line[..at].to_string());
            if line.contains("/lib/python3.") {
                continue;
            }
        } else if line.contains("Warning: ") && !line.starts_with(' ') && line.contains(':') {
            source_margin = Some(String::new());
        }
        shape.push(without_addresses(line));
    }
    shape
}

/// A line with its memory addresses (`at 0x7f4d…`) blanked: no two processes share them.
fn without_addresses(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find("0x") {
        out.push_str(&rest[..at + 2]);
        rest = rest[at + 2..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
        out.push('…');
    }
    out.push_str(rest);
    out
}

/// Where the interpreter's standard error differs from CPython's, whole (see `stderr_shape`).
pub fn stderr_difference(ours: &[OutputLine], run: &PythonRun) -> Option<String> {
    let want: Vec<&str> = run
        .lines
        .iter()
        .filter(|l| l.1 == "stderr")
        .map(|l| l.2.as_str())
        .collect();
    let got: Vec<&str> = ours
        .iter()
        .filter(|l| l.stderr)
        .map(|l| l.text.as_str())
        .collect();
    let (want, got) = (stderr_shape(&want), stderr_shape(&got));
    let first = (0..want.len().max(got.len())).find(|&i| want.get(i) != got.get(i))?;
    Some(format!(
        "stderr line {}: CPython {:?}, interpreter {:?}",
        first + 1,
        want.get(first),
        got.get(first)
    ))
}
