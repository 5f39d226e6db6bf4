//! Running a program: compile it (refusing what the playground cannot run), start it, and drive
//! it on a clock — the virtual one here (the command line, the tests), real timers in the page.

use std::rc::Rc;

use super::ast::{Stmt, StmtKind};
use super::builtins::MODULES;
use super::code::Code;
use super::error::SyntaxError;
use super::value::*;
use super::vm::{Flow, Host, OnReturn, Progress, Res, RunEvent, Vm, VmInfo};

/// Why a module cannot be imported here, with what to do instead.
fn refusal(module: &str) -> String {
    let root = module.split('.').next().unwrap_or(module);
    let advice = match root {
        "aiohttp" | "requests" | "httpx" | "urllib" | "http" | "socket" | "ssl" | "aiofiles" => {
            "the playground has no network or files: simulate the I/O with `await asyncio.sleep(...)`"
        }
        "threading" | "concurrent" | "multiprocessing" | "subprocess" | "signal" => {
            "the playground runs one thread: use tasks (`asyncio.create_task`) instead"
        }
        "pathlib" | "shutil" | "csv" | "sqlite3" => {
            "the playground has no files: keep the data in variables"
        }
        _ => {
            let available: Vec<&str> = MODULES
                .iter()
                .copied()
                .filter(|m| !m.contains('.') && !m.starts_with('_'))
                .collect();
            return format!(
                "No module named '{module}' in the playground: available modules: {}",
                available.join(", ")
            );
        }
    };
    format!("No module named '{module}' in the playground: {advice}")
}

fn check_imports(stmts: &[Stmt], lines: &[&str]) -> Result<(), SyntaxError> {
    for stmt in stmts {
        let refused = |name: &str, pos: super::ast::Pos| -> Result<(), SyntaxError> {
            let root = name.split('.').next().unwrap_or(name);
            if MODULES.contains(&name) || MODULES.contains(&root) {
                return Ok(());
            }
            let text = lines
                .get(pos.line.saturating_sub(1) as usize)
                .copied()
                .unwrap_or("")
                .to_owned();
            let mut error = SyntaxError::new(refusal(name), pos.line, pos.col, text);
            error.kind = "ModuleNotFoundError";
            Err(error)
        };
        match &stmt.kind {
            StmtKind::Import(aliases) => {
                for alias in aliases {
                    refused(&alias.name, alias.pos)?;
                }
            }
            // A relative import fails as it runs, as in CPython (a program has no package).
            StmtKind::ImportFrom(module, _) if module.starts_with('.') => {}
            StmtKind::ImportFrom(module, _) => refused(module, stmt.pos)?,
            StmtKind::If(_, body, orelse) | StmtKind::While(_, body, orelse) => {
                check_imports(body, lines)?;
                check_imports(orelse, lines)?;
            }
            StmtKind::For { body, orelse, .. } => {
                check_imports(body, lines)?;
                check_imports(orelse, lines)?;
            }
            StmtKind::FunctionDef(def) => check_imports(&def.body, lines)?,
            StmtKind::ClassDef { body, .. } | StmtKind::With { body, .. } => {
                check_imports(body, lines)?
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                // `try: import x / except ImportError:` is a program ready for its absence.
                let guarded = handlers.iter().any(|h| h.kind.is_some());
                if !guarded {
                    check_imports(body, lines)?;
                }
                for handler in handlers {
                    check_imports(&handler.body, lines)?;
                }
                check_imports(orelse, lines)?;
                check_imports(finalbody, lines)?;
            }
            _ => {}
        }
    }
    Ok(())
}

/// Parses and compiles a program; refuses imports of modules the playground does not have.
pub fn compile_program(
    source: &str,
    filename: &str,
    interner: &mut Interner,
) -> Result<Rc<Code>, SyntaxError> {
    compile_with_imports(source, filename, interner).map(|(code, _)| code)
}

/// The program compiled, and the modules its leading import statements name.
fn compile_with_imports(
    source: &str,
    filename: &str,
    interner: &mut Interner,
) -> Result<(Rc<Code>, Vec<Rc<str>>), SyntaxError> {
    let module = super::parser::parse_program(source)?;
    let lines: Vec<&str> = source.lines().collect();
    check_imports(&module, &lines)?;
    let code = super::compile::compile_module(&module, source, filename, interner)?;
    Ok((code, leading_imports(&module)))
}

/// The modules imported by the statements that open the program (after its docstring), before
/// anything else runs: loading them cannot change what the program does, only when.
fn leading_imports(stmts: &[Stmt]) -> Vec<Rc<str>> {
    let mut names = Vec::new();
    for (i, stmt) in stmts.iter().enumerate() {
        match &stmt.kind {
            StmtKind::Import(aliases) => names.extend(aliases.iter().map(|a| a.name.clone())),
            StmtKind::ImportFrom(module, _) if !module.starts_with('.') => {
                names.push(module.clone())
            }
            StmtKind::Expr(expr)
                if i == 0 && matches!(expr.kind, super::ast::ExprKind::Constant(_)) => {}
            _ => break,
        }
    }
    names
}

fn module_function(code: Rc<Code>, globals: Rc<Module>) -> Value {
    Value::Func(Rc::new(Function {
        qualname: std::cell::RefCell::new(code.qualname.clone()),
        code,
        globals,
        defaults: Vec::new(),
        kwdefaults: Vec::new(),
        closure: Vec::new(),
        attrs: std::cell::RefCell::default(),
    }))
}

/// Runs a module's source to its end in `module` (the playground's own Python modules).
pub fn run_module_source(
    vm: &mut Vm,
    module: Rc<Module>,
    source: &str,
    filename: &str,
) -> Res<Value> {
    let code = match super::parser::parse_program(source)
        .and_then(|m| super::compile::compile_module(&m, source, filename, &mut vm.interner))
    {
        Ok(code) => code,
        Err(error) => return vm.err("SystemError", format!("{filename}: {error}")),
    };
    let symbol = vm.sym("__name__");
    module.set(symbol, Value::Str(module.name.clone()));
    vm.call_nested(module_function(code, module.clone()), Vec::new())?;
    Ok(Value::Module(module))
}

pub fn python_module(vm: &mut Vm, name: &str, source: &str) -> Res<Value> {
    run_module_source(vm, Module::new(name), source, super::format::PRELUDE_FILE)
}

/// A program ready to run, and the VM running it.
pub struct Interpreter {
    pub vm: Vm,
}

impl Interpreter {
    /// Compiles `source` and prepares its first instruction; a syntax error or a refused import
    /// comes back before anything runs.
    pub fn new(
        source: &str,
        filename: &str,
        host: Box<dyn Host>,
    ) -> Result<Interpreter, SyntaxError> {
        let mut vm = Vm::new(host, filename, source);
        let (code, imports) = compile_with_imports(source, filename, &mut vm.interner)?;
        let main = Module::new("__main__");
        let symbols = [
            ("__name__", Value::str("__main__")),
            ("__file__", Value::str(filename)),
            ("__doc__", code.doc.clone().map_or(Value::None, Value::Str)),
        ];
        for (name, value) in symbols {
            let symbol = vm.sym(name);
            main.set(symbol, value);
        }
        vm.modules
            .push(("__main__".into(), Value::Module(main.clone())));
        let mut interpreter = Interpreter { vm };
        interpreter.start(code, main, &imports);
        Ok(interpreter)
    }

    fn start(&mut self, code: Rc<Code>, main: Rc<Module>, imports: &[Rc<str>]) {
        let vm = &mut self.vm;
        // asyncio (and with it ExceptionGroup) is there from the start.
        if let Err(flow) = super::builtins::import(vm, "asyncio") {
            vm.fail_start(flow);
            return;
        }
        // So are the modules the program imports first: loading them takes the page tens of
        // milliseconds that belong to no line of the program (CPython loads them in a few),
        // and its time 0 comes after. One that fails here fails again where it is imported.
        for name in imports {
            let _ = super::builtins::import(vm, name);
        }
        let top_level_await = code.top_level_await;
        let function = module_function(code, main);
        if top_level_await {
            // A notebook cell: the module body is a coroutine, run on a loop of its own.
            let started = vm.make_coroutine(&function).and_then(|coro| {
                let asyncio = vm.asyncio.clone().unwrap_or(Value::None);
                let symbol = vm.sym("_run_cell");
                let run_cell = super::ops::getattr(vm, &asyncio, symbol)?;
                vm.call(run_cell, vec![coro], Vec::new(), OnReturn::Program)
            });
            if let Err(flow) = started {
                vm.fail_start(flow);
            }
        } else if let Err(flow) = vm.call(function, Vec::new(), Vec::new(), OnReturn::Program) {
            vm.fail_start(flow);
        }
    }

    /// Runs at most `budget` instructions.
    pub fn run(&mut self, budget: u64) -> Progress {
        self.vm.run(budget)
    }

    /// The logical clock reached `t` (a wait ended).
    pub fn advance_to(&mut self, t: f64) {
        if t > self.vm.now {
            self.vm.now = t;
        }
    }

    /// Runs the program to its end on the virtual clock: waits take no time.
    pub fn run_to_end(&mut self) -> i32 {
        loop {
            match self.run(1_000_000) {
                Progress::Finished(status) => return status,
                Progress::WaitUntil(t) => self.advance_to(t),
                Progress::Yielded => {}
            }
        }
    }
}

impl Vm {
    /// The program could not even start (its first call failed).
    fn fail_start(&mut self, flow: Flow) {
        if let Flow::Raise(exc) = flow {
            self.report_uncaught(&exc);
        }
        self.flush();
        self.exit_status = Some(1);
    }
}

/// One line of output with its time on the logical clock.
#[derive(Clone, Debug, PartialEq)]
pub struct OutputLine {
    pub t: f64,
    pub stderr: bool,
    pub text: String,
}

/// A host for the virtual clock: it keeps the lines and the timeline's events.
#[derive(Default)]
pub struct Recorder {
    pub lines: Rc<std::cell::RefCell<Vec<OutputLine>>>,
    pub events: Rc<std::cell::RefCell<Vec<(f64, RunEvent)>>>,
    pub keep_events: bool,
}

/// 2026-01-05 09:00:00 UTC: the epoch `time.time()` starts from on the virtual clock (the same
/// as the CPython reference runs).
pub const VIRTUAL_EPOCH: f64 = 1_767_603_600.0;

impl Host for Recorder {
    fn line(&mut self, vm: &VmInfo, stderr: bool, text: &str) {
        self.lines.borrow_mut().push(OutputLine {
            t: vm.now,
            stderr,
            text: text.to_owned(),
        });
    }

    fn block(&mut self, _seconds: f64) {}

    fn event(&mut self, vm: &VmInfo, event: RunEvent) {
        if self.keep_events {
            self.events.borrow_mut().push((vm.now, event));
        }
    }

    fn epoch(&self) -> f64 {
        VIRTUAL_EPOCH
    }

    fn utc_offset(&self, _epoch_seconds: f64) -> i64 {
        0
    }
}

/// Why a program's lines cannot be foretold.
#[derive(Clone, Debug, PartialEq)]
pub enum NoPreview {
    /// It does not compile, or imports what the playground refuses.
    Refused,
    /// It ran past the instruction budget (a long computation, or a loop that never ends).
    TooLong,
    /// It prints more lines than asked for.
    TooManyLines,
}

/// The lines a program prints on stdout, run on the virtual clock within `budget` instructions
/// and `max_lines` lines: what "Predict first" hands out before the real run. (A program that
/// draws unseeded random numbers or prints the wall clock may print otherwise when it runs.)
pub fn preview(source: &str, budget: u64, max_lines: usize) -> Result<Vec<String>, NoPreview> {
    super::memory::reset();
    let recorder = Recorder::default();
    let lines = recorder.lines.clone();
    let mut interpreter =
        Interpreter::new(source, "main.py", Box::new(recorder)).map_err(|_| NoPreview::Refused)?;
    const SLICE: u64 = 100_000;
    // A program that sleeps in a loop forever spends few instructions: its waits count too.
    const MAX_WAITS: u32 = 100_000;
    let (mut spent, mut waits) = (0, 0);
    loop {
        let printed = lines.borrow().iter().filter(|l| !l.stderr).count();
        if printed > max_lines {
            return Err(NoPreview::TooManyLines);
        }
        match interpreter.run(SLICE) {
            Progress::Finished(_) => break,
            Progress::WaitUntil(t) => {
                waits += 1;
                if waits > MAX_WAITS {
                    return Err(NoPreview::TooLong);
                }
                interpreter.advance_to(t);
            }
            Progress::Yielded => {
                spent += SLICE;
                if spent > budget {
                    return Err(NoPreview::TooLong);
                }
            }
        }
    }
    drop(interpreter);
    let stdout: Vec<String> = lines
        .borrow()
        .iter()
        .filter(|l| !l.stderr)
        .map(|l| l.text.clone())
        .collect();
    if stdout.len() > max_lines {
        return Err(NoPreview::TooManyLines);
    }
    Ok(stdout)
}

/// Runs a program on the virtual clock: its output lines and exit status (2 when refused, with
/// CPython's report of the error as the only stderr line block).
pub fn run_virtual(source: &str, filename: &str) -> (Vec<OutputLine>, i32) {
    let recorder = Recorder::default();
    let lines = recorder.lines.clone();
    match Interpreter::new(source, filename, Box::new(recorder)) {
        Ok(mut interpreter) => {
            let status = interpreter.run_to_end();
            drop(interpreter);
            let lines = lines.borrow().clone();
            (lines, status)
        }
        Err(error) => {
            let report = error.report(filename);
            let lines = report
                .lines()
                .map(|l| OutputLine {
                    t: 0.0,
                    stderr: true,
                    text: l.to_owned(),
                })
                .collect();
            (lines, 2)
        }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_preview_tells_the_lines_or_why_not() {
        let squares = include_str!("../../presets/seeds/square_gather.py");
        assert_eq!(
            preview(squares, 1_000_000, 30),
            Ok([
                "Square 1",
                "Square 2",
                "Square 3",
                "End square 1",
                "End square 2",
                "End square 3",
                "[1, 4, 9]"
            ]
            .map(String::from)
            .to_vec())
        );
        assert_eq!(
            preview("while True:\n    pass\n", 1_000_000, 30),
            Err(NoPreview::TooLong)
        );
        let sleeper = "import asyncio\nasync def main():\n    while True:\n        await asyncio.sleep(1)\nasyncio.run(main())\n";
        assert_eq!(preview(sleeper, 1_000_000, 30), Err(NoPreview::TooLong));
        assert_eq!(
            preview("for i in range(31):\n    print(i)\n", 1_000_000, 30),
            Err(NoPreview::TooManyLines)
        );
        assert_eq!(
            preview("print('a'\n", 1_000_000, 30),
            Err(NoPreview::Refused)
        );
        // stderr is not predicted: the traceback is left out.
        assert_eq!(
            preview("print('a')\n1 / 0\n", 1_000_000, 30),
            Ok(vec!["a".to_owned()])
        );
    }

    use super::*;

    fn refusal(source: &str) -> SyntaxError {
        let mut interner = Interner::default();
        match compile_program(source, "f.py", &mut interner) {
            Err(error) => error,
            Ok(_) => panic!("{source:?} compiled"),
        }
    }

    #[test]
    fn the_modules_a_program_opens_with_are_loaded_before_its_time_0() {
        let leading = |source: &str| {
            let module = crate::py::parser::parse_program(source).expect("parses");
            leading_imports(&module)
                .iter()
                .map(|m| m.to_string())
                .collect::<Vec<_>>()
        };
        let program = "\"\"\"Doc.\"\"\"\nimport asyncio, re as regex\nfrom os.path import join\n\
                       x = 1\nimport json\n";
        assert_eq!(leading(program), ["asyncio", "re", "os.path"]);
        assert_eq!(leading("print(1)\nimport re\n"), Vec::<String>::new());
        // Loaded before the first line: its import finds it there.
        let mut interpreter =
            Interpreter::new("import re\n", "f.py", Box::new(Recorder::default()))
                .expect("compiles");
        assert!(interpreter.vm.imported("re").is_some());
        assert_eq!(interpreter.run_to_end(), 0);
    }

    #[test]
    fn an_await_in_a_plain_function_is_refused_where_it_stands() {
        let error = refusal("import asyncio\n\ndef f():\n    x = 1\n    await asyncio.sleep(1)\n");
        assert_eq!(
            (error.message.as_str(), error.line, error.col),
            ("'await' outside async function", 5, 5)
        );
    }

    #[test]
    fn an_unknown_module_is_refused_with_its_line_and_advice() {
        let error = refusal("import asyncio\nimport aiohttp\n");
        assert_eq!((error.kind, error.line), ("ModuleNotFoundError", 2));
        assert!(error
            .message
            .starts_with("No module named 'aiohttp' in the playground"));
        assert!(error.message.contains("await asyncio.sleep"));
    }
}
