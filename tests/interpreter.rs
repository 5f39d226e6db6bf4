//! The interpreter against CPython 3.11: every program of the corpus (`tests/programs`, and the
//! page's Python presets in `presets/`: the seeds' programs and the next steps) runs on
//! CPython's own asyncio loop on a virtual clock and on the playground's interpreter on its logical clock. Standard output must be the
//! same lines in the same order, each at the same virtual time; the exit status the same; the
//! whole of standard error the same (tracebacks frame by frame, chained exceptions, warnings:
//! `common::stderr_shape` says what is left out), but for a few programs named below whose
//! last line only is.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use async_playground::py::run::run_virtual;
use common::{corpus_sources, difference, python, run_python, stderr_difference};

/// Programs whose standard error is CPython's in its last line only: a coroutine still held
/// at exit is reported by CPython running the file as `sys:1`, by the virtual-clock harness
/// from the harness's own file.
const STDERR_KNOWN_DIFFERENT: &[&str] = &["new_event_loop.py"];

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
        } else if let Some(why) = stderr_difference(&lines, run) {
            let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if !STDERR_KNOWN_DIFFERENT.contains(&name) {
                failures.push(format!("{}: {why}", file.display()));
            }
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

/// The command line ends as CPython does when a program fails with an async generator still
/// suspended: the traceback, exit status 1. (The generator handed to the loop to be closed was
/// once revived again at each drop, and the process overflowed its stack at exit.)
/// Debug mode (`asyncio.run(main(), debug=True)`) logs each callback that held the loop for
/// `slow_callback_duration` or more, as CPython's `_run_once` does: the same lines at the same
/// times, but for where CPython says a task or handle was "created at", a place in its own
/// asyncio files (which depends on where it is installed).
#[test]
fn debug_mode_logs_the_callbacks_that_held_the_loop() {
    let Some(python) = python() else {
        return;
    };
    let source = "import asyncio, time\n\n\
        async def quick():\n    await asyncio.sleep(0.05)\n    return 1\n\n\
        async def cpu(n):\n    time.sleep(n)\n    return n\n\n\
        def blocking_callback():\n    time.sleep(0.15)\n\n\
        async def main():\n    loop = asyncio.get_running_loop()\n\
        \x20   print(loop.get_debug(), loop.slow_callback_duration)\n\
        \x20   loop.call_soon(blocking_callback)\n\
        \x20   await asyncio.gather(quick(), cpu(0.12), cpu(0.05))\n\
        \x20   loop.slow_callback_duration = 0.01\n    await cpu(0.02)\n\
        \x20   loop.set_debug(False)\n    await cpu(0.3)\n    print('end')\n\n\
        asyncio.run(main(), debug=True)\n";
    let mut run = run_python(python, &[source.to_owned()]).remove(0);
    for line in &mut run.lines {
        // " created at FILE:LINE", the file possibly `<program>`.
        while let Some(at) = line.2.find(" created at ") {
            let rest = &line.2[at + " created at ".len()..];
            let Some(colon) = rest.find(':') else { break };
            let digits = rest[colon + 1..].find(|c: char| !c.is_ascii_digit());
            let end = colon + 1 + digits.unwrap_or(rest.len() - colon - 1);
            line.2
                .replace_range(at..at + " created at ".len() + end, "");
        }
    }
    let (lines, status) = run_virtual(source, "<program>");
    let logged = lines
        .iter()
        .filter(|l| l.text.starts_with("Executing "))
        .count();
    assert_eq!(logged, 3, "{lines:?}");
    assert_eq!(difference(&lines, status, &run), None);
    assert_eq!(stderr_difference(&lines, &run), None);
}

#[test]
fn the_command_line_ends_cleanly_with_a_generator_half_way() {
    // The exception keeps the generator alive until the process ends.
    let program = "import asyncio\n\n\
        async def numbers():\n    yield 1\n    yield 2\n\n\
        async def main():\n    source = numbers()\n    print(await anext(source))\n\
        \x20   error = ValueError('stopped half-way')\n    error.source = source\n    raise error\n\n\
        asyncio.run(main())\n";
    let (stdout, stderr, output) = run_command_line(program);
    assert_eq!(stdout, "1\n");
    assert_eq!(
        stderr.lines().last(),
        Some("ValueError: stopped half-way"),
        "{stderr}"
    );
    assert_eq!(output.status.code(), Some(1), "{stderr}");
}

/// Runs a program through `asyncio-run -`: its stdout, its stderr and how it ended.
fn run_command_line(program: &str) -> (String, String, std::process::Output) {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_asyncio-run"));
    let output = run_with_input(command.arg("-"), program);
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (stdout, stderr, output)
}

/// Runs `command` with `input` as its standard input, to its end.
fn run_with_input(command: &mut std::process::Command, input: &str) -> std::process::Output {
    let mut child = command
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the command starts");
    use std::io::Write;
    child
        .stdin
        .take()
        .expect("its standard input")
        .write_all(input.as_bytes())
        .expect("the input is written");
    child.wait_with_output().expect("it ends")
}

/// What needs a network, another thread, a process or a signal is refused where the program
/// asks for it, with what to do instead (CPython would reach outside: no judge can compare).
#[test]
fn the_network_threads_and_processes_are_refused_with_advice() {
    let cases = [
        (
            "reader, writer = await asyncio.open_connection('127.0.0.1', 8888)",
            "RuntimeError: asyncio.open_connection() is not available here: the playground has no network",
        ),
        (
            "await asyncio.get_running_loop().create_server(asyncio.Protocol, '127.0.0.1', 8888)",
            "RuntimeError: the event loop's network methods are not available here: the playground has no network",
        ),
        (
            "await asyncio.gather(asyncio.to_thread(print, 'x'), asyncio.sleep(1))",
            "RuntimeError: asyncio.to_thread() is not available here: the playground runs one thread",
        ),
        (
            "await asyncio.create_subprocess_exec('ls')",
            "RuntimeError: asyncio.create_subprocess_exec() is not available here: the playground cannot start processes",
        ),
        (
            "asyncio.get_running_loop().add_signal_handler(2, print)",
            "RuntimeError: loop.add_signal_handler() is not available here",
        ),
    ];
    for (line, expected) in cases {
        let program = format!(
            "import asyncio\n\nasync def main():\n    print('before')\n    {line}\n\nasyncio.run(main())\n"
        );
        let (stdout, stderr, output) = run_command_line(&program);
        assert_eq!(stdout, "before\n", "{line}");
        let last = stderr.lines().last().unwrap_or_default();
        assert!(last.starts_with(expected), "{line}: {stderr}");
        assert!(stderr.contains("line 5, in main"), "{line}: {stderr}");
        assert_eq!(output.status.code(), Some(1), "{stderr}");
    }
}

/// A worker may run a preview beside a program: a second interpreter run to its end between
/// every slice of the first must change nothing in either's output (what values report when
/// dropped — a coroutine never awaited, an async generator to close — goes to the interpreter
/// that made them).
#[test]
fn an_interpreter_run_between_the_slices_of_another_changes_nothing_in_either() {
    use async_playground::py::run::{Interpreter, Recorder};
    use async_playground::py::vm::Progress;
    let program = std::fs::read_to_string("tests/programs/async_generator_dropped.py")
        .expect("the corpus program");
    let preview = "import asyncio\n\nasync def unused():\n    pass\n\nasync def ticks():\n    try:\n        while True:\n            yield 1\n    finally:\n        print('preview generator closed')\n\nasync def main():\n    unused()\n    async for _ in ticks():\n        break\n    await asyncio.sleep(0)\n\nasyncio.run(main())\n";
    let (alone, alone_status) = run_virtual(&program, "main.py");
    let (preview_alone, _) = run_virtual(preview, "preview.py");
    let recorder = Recorder::default();
    let lines = recorder.lines.clone();
    let mut interpreter =
        Interpreter::new(&program, "main.py", Box::new(recorder)).expect("compiles");
    let mut previews = 0;
    let status = loop {
        let progress = interpreter.run(50);
        let (seen, _) = run_virtual(preview, "preview.py");
        assert_eq!(
            seen, preview_alone,
            "the preview printed what it prints alone"
        );
        previews += 1;
        match progress {
            Progress::Finished(status) => break status,
            Progress::WaitUntil(t) => interpreter.advance_to(t),
            Progress::Yielded => {}
        }
    };
    drop(interpreter);
    assert!(previews > 10, "the program ran in many slices ({previews})");
    assert_eq!(status, alone_status);
    assert_eq!(
        *lines.borrow(),
        alone,
        "the program printed what it prints alone"
    );
}

/// The warnings CPython prints as it finalizes, after an uncaught exception: a coroutine that
/// the exception's frames kept is reported at `sys:1`, with the tracemalloc hint only when an
/// earlier warning imported `tracemalloc` and no task's cycle delays it to the last collection.
/// Judged by CPython running each program as a file (the harness's collection differs).
#[test]
fn warnings_at_the_end_of_a_failed_program_are_cpythons() {
    let Some(python) = python() else {
        return;
    };
    let programs = [
        // Held by a function's frame, no warning before: no hint.
        "async def f():\n    pass\n\ndef g():\n    c = f()\n    1 / 0\n\ng()\n",
        // Held by the frames of a failed task: the last collection, no hint.
        "import asyncio\n\nasync def f():\n    return 1\n\nasync def main():\n    asyncio.sleep(1)\n    result = f()\n    print(result + 1)\n\nasyncio.run(main())\n",
        // A global's coroutine goes last, hint or not (CPython's modules are gone by then).
        "import asyncio\n\nasync def f():\n    pass\n\nasync def main():\n    f()\n\nasyncio.run(main())\nc = f()\nprint('end')\n",
        // An earlier warning imported tracemalloc: the hint at exit too.
        "import asyncio\n\nasync def add(a, b):\n    return a + b\n\nloop = asyncio.new_event_loop()\nasyncio.set_event_loop(loop)\nloop.close()\ntry:\n    loop.run_until_complete(add(5, 6))\nexcept RuntimeError as e:\n    print(e)\nasyncio.gather(add(1, 1), add(2, 2))\n",
    ];
    let dir = std::env::temp_dir().join(format!("warnings-at-exit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    for (index, program) in programs.iter().enumerate() {
        let path = dir.join(format!("program{index}.py"));
        std::fs::write(&path, program).expect("the program is written");
        let cpython = std::process::Command::new(python)
            .arg(&path)
            .output()
            .expect("CPython runs");
        let ours = std::process::Command::new(env!("CARGO_BIN_EXE_asyncio-run"))
            .arg(&path)
            .output()
            .expect("the interpreter runs");
        let tail = |bytes: &[u8]| {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let lines: Vec<String> = text.lines().map(str::to_owned).collect();
            lines[lines.len().saturating_sub(2)..].to_vec()
        };
        let (want, got) = (tail(&cpython.stderr), tail(&ours.stderr));
        assert!(
            want.iter()
                .any(|line| line.starts_with("sys:1: RuntimeWarning")),
            "program {index}: CPython warns at exit: {want:?}"
        );
        assert_eq!(got, want, "program {index}");
        assert_eq!(
            String::from_utf8_lossy(&ours.stdout),
            String::from_utf8_lossy(&cpython.stdout),
            "program {index}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Programs that do not parse say what CPython 3.11 says, on the same line: CPython compiles
/// each (`compile()`, as running the file would) and gives its message and line number.
#[test]
fn syntax_errors_say_what_cpython_says() {
    let Some(python) = python() else {
        return;
    };
    let programs = [
        "if True print(1)\n",
        "if True\n    pass\n",
        "while x y\n    pass\n",
        "for i in x y\n",
        "with a as b c\n    pass\n",
        "try:\n    pass\nexcept E x\n    pass\n",
        "if x:\n    pass\nelif y z\n    pass\n",
        "class A x\n    pass\n",
        "class A(B)\n    pass\n",
        "def f() x\n    pass\n",
        "try\n    pass\n",
        "match x\n    case 1: pass\n",
        "lambda x x\n",
        "f(a for a in b, c)\n",
        "f(**x, *y)\n",
        "def f(x, y, x): pass\n",
        "g = lambda a, *a: 1\n",
        "async def f():\n    yield from g()\n",
        "del f()\n",
        "x = f\"{1 +}\"\n",
        "x = f\"{x y}\"\n",
        "x = \"\"\"abc\nmore\n",
        "print((1, 2)\n",
        "print \"hello\"\n",
        "def f(*, **k): pass\n",
        "def f(a, *): pass\n",
        "def f(**k, a): pass\n",
        "def f(a, /, /): pass\n",
        "def f(*, a, /): pass\n",
        "def f(**k=1): pass\n",
        "x = 0o8\n",
        "x = 0b1_2\n",
        "from x import *, y\n",
        "from x import (*)\n",
        "True = 1\n",
        "None += 1\n",
        "f() += 1\n",
        "x + 1 = 2\n",
        "x = f() = 1\n",
        "x = a < b = 1\n",
        "a, f() = 1, 2\n",
        "f(), a = 1, 2\n",
        "(f(), a) = 1\n",
        "a = yield = 3\n",
        "... = 1\n",
    ];
    let script = "import json, sys\nout = []\nfor source in json.load(sys.stdin):\n    try:\n        compile(source, 'p.py', 'exec')\n        out.append(None)\n    except SyntaxError as e:\n        out.append([e.msg, e.lineno])\nprint(json.dumps(out))\n";
    let sources: Vec<String> = programs
        .iter()
        .map(|p| {
            format!(
                "\"{}\"",
                p.replace('\\', "\\\\")
                    .replace('"', "\\\"")
                    .replace('\n', "\\n")
            )
        })
        .collect();
    let mut command = std::process::Command::new(python);
    let output = run_with_input(
        command.args(["-c", script]),
        &format!("[{}]", sources.join(",")),
    );
    let verdicts = String::from_utf8_lossy(&output.stdout).into_owned();
    let verdicts = async_playground::json::Json::parse(verdicts.trim()).expect("CPython's JSON");
    let async_playground::json::Json::Array(verdicts) = verdicts else {
        panic!("CPython's verdicts: {verdicts:?}");
    };
    for (program, verdict) in programs.iter().zip(verdicts) {
        let async_playground::json::Json::Array(parts) = verdict else {
            panic!("CPython compiled {program:?}");
        };
        let (message, line) = match parts.as_slice() {
            [async_playground::json::Json::String(m), async_playground::json::Json::Number(l)] => {
                (m.clone(), l.clone())
            }
            other => panic!("CPython's verdict on {program:?}: {other:?}"),
        };
        let (_, stderr, output) = run_command_line(program);
        assert_eq!(output.status.code(), Some(2), "{program:?}: {stderr}");
        assert_eq!(
            stderr.lines().last(),
            Some(format!("SyntaxError: {message}").as_str()),
            "{program:?}: {stderr}"
        );
        assert!(
            stderr.contains(&format!("line {line}\n")),
            "{program:?} should fail on line {line}: {stderr}"
        );
    }
}
