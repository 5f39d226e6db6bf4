//! The runnable `asyncio` program a scenario stands for, written the way the tutorials write it.

pub mod highlight;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::rc::Rc;

use crate::pyvalue::{str_repr, PyValue};
use crate::scenario::{Coroutine, Scenario, Step, Strategy};

/// The program, as a student reads it and as CPython runs it to the same output.
pub fn program(scenario: &Scenario) -> String {
    program_and_names(scenario).0
}

/// The program, and the scenario's name of the coroutine each of its `async def`s stands for.
pub fn program_and_names(scenario: &Scenario) -> (String, HashMap<String, Rc<str>>) {
    let (out, names, _) = written(scenario);
    (out, names)
}

/// Where each coroutine's code sits in the program: its `async def` line and the line of each
/// of its steps (1-based), by the coroutine's address (as [`crate::time_travel::CodeSpot`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LineMap {
    coroutines: HashMap<usize, (u32, Vec<u32>)>,
}

impl LineMap {
    /// The line of step `step` of the coroutine, or of its `async def` for `None`.
    pub fn line(&self, coroutine: usize, step: Option<usize>) -> Option<u32> {
        let (def, steps) = self.coroutines.get(&coroutine)?;
        match step {
            None => Some(*def),
            Some(i) => steps.get(i).copied(),
        }
    }
}

/// The program and where each coroutine's steps are in it.
pub fn program_and_lines(scenario: &Scenario) -> (String, LineMap) {
    let (out, _, lines) = written(scenario);
    (out, lines)
}

fn written(scenario: &Scenario) -> (String, HashMap<String, Rc<str>>, LineMap) {
    let mut writer = Writer {
        names: Names::default(),
        defined: HashMap::new(),
        coroutines: HashMap::new(),
        definitions: String::new(),
        uses_time: false,
        lines: HashMap::new(),
        definition_lines: 0,
    };
    let calls: Vec<String> = scenario
        .tasks
        .iter()
        .map(|task| format!("{}()", writer.define(task)))
        .collect();

    let mut out = String::new();
    if let Some(title) = &scenario.title {
        for line in title.lines() {
            let _ = writeln!(out, "# {line}");
        }
    }
    out.push_str("import asyncio\n");
    if writer.uses_time {
        out.push_str("import time\n");
    }
    out.push('\n');
    // The definitions' lines were counted from their own start.
    let offset = out.lines().count() as u32;
    let lines = LineMap {
        coroutines: writer
            .lines
            .iter()
            .map(|(&address, (def, steps))| {
                (
                    address,
                    (def + offset, steps.iter().map(|l| l + offset).collect()),
                )
            })
            .collect(),
    };
    out.push_str(&writer.definitions);
    out.push_str("\nasync def main():\n    try:\n");
    write_main(&mut out, scenario.strategy, &calls);
    out.push_str("    except Exception as error:\n        print('Error:', error)\n\n\n");
    out.push_str("asyncio.run(main())\n");
    let names = writer
        .defined
        .into_iter()
        .filter_map(|(pointer, name)| {
            let coroutine = writer.coroutines.get(&pointer)?;
            Some((name, coroutine.as_str().into()))
        })
        .collect();
    (out, names, lines)
}

fn write_main(out: &mut String, strategy: Strategy, calls: &[String]) {
    const BODY: &str = "        ";
    match strategy {
        Strategy::Sequential => {
            let _ = writeln!(out, "{BODY}results = []");
            for call in calls {
                let _ = writeln!(out, "{BODY}results.append(await {call})");
            }
            let _ = writeln!(out, "{BODY}print(results)");
        }
        Strategy::Gather => {
            let _ = writeln!(
                out,
                "{BODY}results = await asyncio.gather({})",
                argument_list(calls, BODY)
            );
            let _ = writeln!(out, "{BODY}print(results)");
        }
        Strategy::AsCompleted => {
            // The tasks are created first, in list order: `as_completed` given the coroutines
            // themselves would start them in the order of a set, which CPython leaves open.
            write_create_tasks(out, calls);
            let _ = writeln!(out, "{BODY}for next_done in asyncio.as_completed(tasks):");
            let _ = writeln!(out, "{BODY}    print('Result:', await next_done)");
        }
        Strategy::CreateTask => {
            write_create_tasks(out, calls);
            let _ = writeln!(out, "{BODY}results = [await task for task in tasks]");
            let _ = writeln!(out, "{BODY}print(results)");
        }
    }
}

fn write_create_tasks(out: &mut String, calls: &[String]) {
    let tasks: Vec<String> = calls
        .iter()
        .map(|c| format!("asyncio.create_task({c})"))
        .collect();
    let _ = writeln!(
        out,
        "        tasks = [{}]",
        argument_list(&tasks, "        ")
    );
}

/// `a(), b()` on one line when short, one per line otherwise.
fn argument_list(items: &[String], indent: &str) -> String {
    let one_line = items.join(", ");
    if items.len() <= 3 && one_line.len() <= 60 {
        return one_line;
    }
    let mut out = String::from("\n");
    for item in items {
        let _ = writeln!(out, "{indent}    {item},");
    }
    out.push_str(indent);
    out
}

struct Writer {
    names: Names,
    /// Coroutines already written, by address, so a shared one is defined once.
    defined: HashMap<*const Coroutine, String>,
    /// The scenario's name of each coroutine written.
    coroutines: HashMap<*const Coroutine, String>,
    definitions: String,
    uses_time: bool,
    /// Lines counted from the start of `definitions` (1-based): by coroutine address, its
    /// `async def` and its steps.
    lines: HashMap<usize, (u32, Vec<u32>)>,
    /// How many lines `definitions` holds.
    definition_lines: u32,
}

impl Writer {
    /// Writes `async def` for the coroutine (after the ones it awaits) and returns its name.
    fn define(&mut self, coroutine: &Rc<Coroutine>) -> String {
        if let Some(name) = self.defined.get(&Rc::as_ptr(coroutine)) {
            return name.clone();
        }
        let mut body = String::new();
        for step in &coroutine.steps {
            let line = match step {
                Step::Print(text) => format!("print({})", str_repr(text)),
                Step::Sleep(s) => format!("await asyncio.sleep({})", s.literal),
                Step::Block(s) => {
                    self.uses_time = true;
                    format!("time.sleep({})", s.literal)
                }
                Step::Await(inner) => format!("await {}()", self.define(inner)),
                Step::Raise(message) => format!("raise Exception({})", str_repr(message)),
            };
            let _ = writeln!(body, "    {line}");
        }
        if coroutine.returns != PyValue::None {
            let _ = writeln!(body, "    return {}", coroutine.returns.repr());
        } else if body.is_empty() {
            body.push_str("    pass\n");
        }
        // The coroutines it awaits are written first: this definition starts here.
        let def_line = self.definition_lines + 1;
        // Its `async def`, its steps, a `return` or `pass` if any, and a blank line.
        self.definition_lines += 1 + body.lines().count() as u32 + 1;
        self.lines.insert(
            Rc::as_ptr(coroutine) as usize,
            (
                def_line,
                (1..=coroutine.steps.len() as u32)
                    .map(|i| def_line + i)
                    .collect(),
            ),
        );
        let name = self.names.fresh(&coroutine.name);
        let comment = if name == coroutine.name {
            String::new()
        } else {
            format!("  # {}", str_repr(&coroutine.name))
        };
        let _ = write!(self.definitions, "async def {name}():{comment}\n{body}\n");
        self.defined.insert(Rc::as_ptr(coroutine), name.clone());
        self.coroutines
            .insert(Rc::as_ptr(coroutine), coroutine.name.to_string());
        name
    }
}

/// Python identifiers made from task names, each used once.
#[derive(Default)]
struct Names {
    used: HashMap<String, usize>,
}

const RESERVED: &[&str] = &[
    "False",
    "None",
    "True",
    "and",
    "as",
    "assert",
    "async",
    "await",
    "break",
    "class",
    "continue",
    "def",
    "del",
    "elif",
    "else",
    "except",
    "finally",
    "for",
    "from",
    "global",
    "if",
    "import",
    "in",
    "is",
    "lambda",
    "nonlocal",
    "not",
    "or",
    "pass",
    "raise",
    "return",
    "try",
    "while",
    "with",
    "yield",
    "main",
    "asyncio",
    "time",
    "sys",
    "print",
    "results",
    "tasks",
    "task",
    "error",
    "next_done",
    "started",
    "Exception",
];

impl Names {
    fn fresh(&mut self, name: &str) -> String {
        let mut base = String::new();
        for c in name.chars() {
            if c.is_alphabetic() || c.is_ascii_digit() || c == '_' {
                base.push(c);
            } else if !base.ends_with('_') {
                base.push('_');
            }
        }
        let mut base = base.trim_matches('_').to_owned();
        if base.is_empty() || base.starts_with(|c: char| c.is_ascii_digit()) {
            base = format!("task_{base}");
        }
        if RESERVED.contains(&base.as_str()) {
            base.push('_');
        }
        let count = self.used.entry(base.clone()).or_insert(0);
        *count += 1;
        if *count == 1 {
            base
        } else {
            let candidate = format!("{base}_{count}");
            // `a_2` could itself be a user's name: keep counting until it is free.
            if self.used.contains_key(&candidate) {
                self.fresh(&candidate)
            } else {
                self.used.insert(candidate.clone(), 1);
                candidate
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;

    #[test]
    fn writes_the_square_program_like_the_tutorial() {
        let scenario = presets::find("square_gather").expect("preset").scenario();
        let program = program(&scenario);
        let expected = "\
# square(1), square(2), square(3) with asyncio.gather
import asyncio

async def square_1():  # 'square(1)'
    print('Square 1')
    await asyncio.sleep(1)
    print('End square 1')
    return 1
";
        assert!(program.starts_with(expected), "{program}");
        assert!(program.contains(
            "        results = await asyncio.gather(square_1(), square_2(), square_3())\n        print(results)\n"
        ));
        assert!(program.ends_with("        print('Error:', error)\n\n\nasyncio.run(main())\n"));
    }

    #[test]
    fn every_step_knows_its_line() {
        let mut scenario = presets::find("square_compute").expect("preset").scenario();
        scenario.title = Some("a title\non two lines".into());
        let (program, lines) = program_and_lines(&scenario);
        let text: Vec<&str> = program.lines().collect();
        let line_of = |n: u32| text[n as usize - 1].trim();
        let mut coroutines = vec![];
        for task in &scenario.tasks {
            coroutines.push(task.clone());
            for step in &task.steps {
                if let Step::Await(inner) = step {
                    coroutines.push(inner.clone());
                }
            }
        }
        for coroutine in coroutines {
            let address = Rc::as_ptr(&coroutine) as usize;
            let def = lines.line(address, None).expect("a def line");
            assert!(line_of(def).starts_with("async def "), "{}", line_of(def));
            for (i, step) in coroutine.steps.iter().enumerate() {
                let at = line_of(lines.line(address, Some(i)).expect("a step line"));
                let ok = match step {
                    Step::Print(_) => at.starts_with("print("),
                    Step::Sleep(_) => at.starts_with("await asyncio.sleep("),
                    Step::Block(_) => at.starts_with("time.sleep("),
                    Step::Await(_) => at.starts_with("await ") && at.ends_with("()"),
                    Step::Raise(_) => at.starts_with("raise "),
                };
                assert!(ok, "step {i} of {}: {at}", coroutine.name);
            }
        }
    }

    #[test]
    fn names_become_distinct_identifiers() {
        let mut names = Names::default();
        assert_eq!(names.fresh("square(1)"), "square_1");
        assert_eq!(names.fresh("square 1"), "square_1_2");
        assert_eq!(names.fresh("Tâche 1"), "Tâche_1");
        assert_eq!(names.fresh("<script>"), "script");
        assert_eq!(names.fresh("1st"), "task_1st");
        assert_eq!(names.fresh("!!!"), "task_");
        assert_eq!(names.fresh("main"), "main_");
        assert_eq!(names.fresh("print"), "print_");
    }
}
