//! `asyncio-run FILE.py` (or `-` for standard input): runs a Python asyncio program with the
//! playground's interpreter on the virtual clock and prints its output as CPython would; with
//! `--json`, one JSON object per output line (`{"t_ms": …, "stream": …, "text": …}`).
//! Exit status: the program's (0, or 1 after an uncaught exception), 2 when it is refused.

use std::io::{Read, Write};

use async_playground::py::run::run_virtual;
use async_playground::pyvalue::float_repr;

fn main() {
    let mut json = false;
    let mut path = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json = true,
            "-h" | "--help" => {
                println!("usage: asyncio-run [--json] FILE.py | -");
                return;
            }
            _ => path = Some(arg),
        }
    }
    let Some(path) = path else {
        eprintln!("usage: asyncio-run [--json] FILE.py | -");
        std::process::exit(2);
    };
    let source = if path == "-" {
        let mut text = String::new();
        if let Err(error) = std::io::stdin().read_to_string(&mut text) {
            eprintln!("asyncio-run: cannot read standard input: {error}");
            std::process::exit(2);
        }
        text
    } else {
        match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) => {
                eprintln!("asyncio-run: cannot read {path}: {error}");
                std::process::exit(2);
            }
        }
    };
    let filename = if path == "-" {
        "<stdin>".to_owned()
    } else {
        path.clone()
    };
    let (lines, status) = run_virtual(&source, &filename);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for line in &lines {
        if json && status != 2 {
            let mut text = String::new();
            async_playground::json::write_string(&mut text, &line.text);
            let t_ms = float_repr(line.t * 1000.0);
            let stream = if line.stderr { "stderr" } else { "stdout" };
            let _ = writeln!(
                out,
                "{{\"t_ms\": {t_ms}, \"stream\": \"{stream}\", \"text\": {text}}}"
            );
        } else if line.stderr {
            let _ = out.flush();
            eprintln!("{}", line.text);
        } else {
            let _ = writeln!(out, "{}", line.text);
        }
    }
    let _ = out.flush();
    std::process::exit(status);
}
