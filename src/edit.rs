//! Edits of a scenario, as the editor makes them. Each returns a new scenario; nothing here
//! validates (the editor shows `Scenario::validate`'s message next to the field it names).

use std::rc::Rc;

use crate::pyvalue::PyValue;
use crate::scenario::{Coroutine, FieldPath, Scenario, Seconds, Step, StepKind, MAX_TASKS};

/// Where a list of steps lives: a task, then the `await` steps leading into nested coroutines.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StepsPath {
    pub task: usize,
    /// Indices of `await` steps, outermost first.
    pub nested: Vec<usize>,
}

impl StepsPath {
    pub fn task(task: usize) -> StepsPath {
        StepsPath {
            task,
            nested: Vec::new(),
        }
    }

    pub fn into_await(&self, step: usize) -> StepsPath {
        let mut nested = self.nested.clone();
        nested.push(step);
        StepsPath {
            task: self.task,
            nested,
        }
    }

    /// The field path validation uses for this coroutine: `tasks[0].steps[2].await`.
    pub fn field(&self) -> FieldPath {
        self.nested
            .iter()
            .fold(FieldPath::task(self.task), |path, step| {
                path.key("steps").index(*step).key("await")
            })
    }
}

/// One change the editor asks for; [`apply`] makes it on the scenario as it is now.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    AddTask,
    AddSpread {
        count: usize,
        min: f64,
        max: f64,
    },
    RemoveTask(usize),
    DuplicateTask(usize),
    MoveTask {
        from: usize,
        to: usize,
    },
    Rename {
        path: StepsPath,
        name: String,
    },
    SetReturns {
        path: StepsPath,
        value: PyValue,
    },
    /// A new step of this kind at the end of the coroutine at `path`.
    AddStep {
        path: StepsPath,
        kind: StepKind,
    },
    ReplaceStep {
        path: StepsPath,
        index: usize,
        step: Step,
    },
    MoveStep {
        path: StepsPath,
        from: usize,
        to: usize,
    },
    RemoveStep {
        path: StepsPath,
        index: usize,
    },
    SetTitle(String),
}

pub fn apply(scenario: &Scenario, edit: Edit) -> Scenario {
    match edit {
        Edit::AddTask => add_task(scenario),
        Edit::AddSpread { count, min, max } => add_spread_tasks(scenario, count, min, max),
        Edit::RemoveTask(index) => remove_task(scenario, index),
        Edit::DuplicateTask(index) => duplicate_task(scenario, index),
        Edit::MoveTask { from, to } => move_task(scenario, from, to),
        Edit::Rename { path, name } => update_coroutine(scenario, &path, |c| c.name = name),
        Edit::SetReturns { path, value } => {
            update_coroutine(scenario, &path, |c| c.returns = value)
        }
        Edit::AddStep { path, kind } => {
            update_coroutine(scenario, &path, |c| c.steps.push(new_step(kind)))
        }
        Edit::ReplaceStep { path, index, step } => update_coroutine(scenario, &path, |c| {
            if let Some(slot) = c.steps.get_mut(index) {
                *slot = step;
            }
        }),
        Edit::MoveStep { path, from, to } => {
            update_coroutine(scenario, &path, |c| move_step(&mut c.steps, from, to))
        }
        Edit::RemoveStep { path, index } => update_coroutine(scenario, &path, |c| {
            if index < c.steps.len() {
                c.steps.remove(index);
            }
        }),
        Edit::SetTitle(title) => {
            let mut scenario = scenario.clone();
            scenario.title = (!title.trim().is_empty()).then_some(title);
            scenario
        }
    }
}

/// A new task: `sleep 1 s`, named after its position.
pub fn new_task(number: usize, delay: f64) -> Coroutine {
    Coroutine {
        name: format!("task {number}"),
        steps: vec![Step::Sleep(Seconds::new(delay))],
        returns: PyValue::Int(number.to_string()),
    }
}

/// A new step of each kind, ready to edit.
pub fn new_step(kind: StepKind) -> Step {
    match kind {
        StepKind::Print => Step::Print("hello".into()),
        StepKind::Sleep => Step::Sleep(Seconds::new(1.0)),
        StepKind::Block => Step::Block(Seconds::new(1.0)),
        StepKind::Await => Step::Await(Rc::new(Coroutine {
            name: "inner".into(),
            steps: vec![Step::Sleep(Seconds::new(1.0))],
            returns: PyValue::None,
        })),
        StepKind::Raise => Step::Raise("something went wrong".into()),
    }
}

fn edited(scenario: &Scenario, change: impl FnOnce(&mut Vec<Rc<Coroutine>>)) -> Scenario {
    let mut scenario = scenario.clone();
    change(&mut scenario.tasks);
    scenario
}

pub fn add_task(scenario: &Scenario) -> Scenario {
    edited(scenario, |tasks| {
        let number = tasks.len() + 1;
        tasks.push(Rc::new(new_task(number, 1.0)));
    })
}

/// Adds `count` tasks whose delays are spread evenly from `min` to `max` seconds.
pub fn add_spread_tasks(scenario: &Scenario, count: usize, min: f64, max: f64) -> Scenario {
    edited(scenario, |tasks| {
        let count = count.min(MAX_TASKS.saturating_sub(tasks.len()));
        let first = tasks.len() + 1;
        for i in 0..count {
            let fraction = if count > 1 {
                i as f64 / (count - 1) as f64
            } else {
                0.0
            };
            let delay = ((min + (max - min) * fraction) * 1000.0).round() / 1000.0;
            tasks.push(Rc::new(new_task(first + i, delay)));
        }
    })
}

pub fn remove_task(scenario: &Scenario, index: usize) -> Scenario {
    edited(scenario, |tasks| {
        if index < tasks.len() {
            tasks.remove(index);
        }
    })
}

pub fn duplicate_task(scenario: &Scenario, index: usize) -> Scenario {
    edited(scenario, |tasks| {
        if let Some(task) = tasks.get(index) {
            let mut copy = (**task).clone();
            copy.name = copy_name(&copy.name);
            tasks.insert(index + 1, Rc::new(copy));
        }
    })
}

fn copy_name(name: &str) -> String {
    let copy: String = format!("{name} (copy)");
    if copy.chars().count() <= crate::scenario::MAX_NAME_CHARS {
        copy
    } else {
        name.to_owned()
    }
}

/// Moves a task to another position (drag and drop, or Alt+arrow keys).
pub fn move_task(scenario: &Scenario, from: usize, to: usize) -> Scenario {
    edited(scenario, |tasks| {
        if from < tasks.len() && to < tasks.len() && from != to {
            let task = tasks.remove(from);
            tasks.insert(to, task);
        }
    })
}

/// Replaces the coroutine at `path` with what `change` makes of it.
pub fn update_coroutine(
    scenario: &Scenario,
    path: &StepsPath,
    change: impl FnOnce(&mut Coroutine),
) -> Scenario {
    edited(scenario, |tasks| {
        if let Some(task) = tasks.get_mut(path.task) {
            update_nested(Rc::make_mut(task), &path.nested, change);
        }
    })
}

fn update_nested(coroutine: &mut Coroutine, nested: &[usize], change: impl FnOnce(&mut Coroutine)) {
    match nested.split_first() {
        None => change(coroutine),
        Some((first, rest)) => {
            if let Some(Step::Await(inner)) = coroutine.steps.get_mut(*first) {
                update_nested(Rc::make_mut(inner), rest, change);
            }
        }
    }
}

/// Moves a step within its list.
pub fn move_step(steps: &mut Vec<Step>, from: usize, to: usize) {
    if from < steps.len() && to < steps.len() && from != to {
        let step = steps.remove(from);
        steps.insert(to, step);
    }
}

/// Reads a Python literal as a `returns` value: `1`, `2.5`, `'text'`, `"text"`, `True`, `None`.
/// Anything else is taken as the text of a string.
pub fn parse_py_value(text: &str) -> PyValue {
    let trimmed = text.trim();
    match trimmed {
        "" | "None" => return PyValue::None,
        "True" => return PyValue::Bool(true),
        "False" => return PyValue::Bool(false),
        _ => {}
    }
    let digits = trimmed.strip_prefix('-').unwrap_or(trimmed);
    if !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'))
    {
        return PyValue::Int(trimmed.to_owned());
    }
    if trimmed.contains(['.', 'e', 'E'])
        && trimmed
            .bytes()
            .all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b))
    {
        if let Ok(x) = trimmed.parse::<f64>() {
            if x.is_finite() {
                return PyValue::Float(x);
            }
        }
    }
    for quote in ['\'', '"'] {
        if trimmed.len() >= 2 && trimmed.starts_with(quote) && trimmed.ends_with(quote) {
            return PyValue::Str(unescape(&trimmed[1..trimmed.len() - 1]));
        }
    }
    PyValue::Str(text.to_owned())
}

fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;

    fn names(scenario: &Scenario) -> Vec<&str> {
        scenario.tasks.iter().map(|t| t.name.as_str()).collect()
    }

    #[test]
    fn tasks_are_added_duplicated_moved_and_removed() {
        let base = presets::find("square_gather").expect("preset").scenario();
        let added = add_task(&base);
        assert_eq!(
            names(&added),
            ["square(1)", "square(2)", "square(3)", "task 4"]
        );
        let duplicated = duplicate_task(&added, 0);
        assert_eq!(names(&duplicated)[..2], ["square(1)", "square(1) (copy)"]);
        let moved = move_task(&duplicated, 0, 4);
        assert_eq!(
            names(&moved),
            [
                "square(1) (copy)",
                "square(2)",
                "square(3)",
                "task 4",
                "square(1)"
            ]
        );
        let removed = remove_task(&moved, 1);
        assert_eq!(
            names(&removed),
            ["square(1) (copy)", "square(3)", "task 4", "square(1)"]
        );
        assert_eq!(
            move_task(&removed, 0, 99),
            removed,
            "out of range: unchanged"
        );
        assert_eq!(base.tasks.len(), 3, "the original is untouched");
        assert!(removed.validate().is_ok());
    }

    #[test]
    fn spread_tasks_cover_the_range_evenly() {
        let base = presets::find("hello_world_task")
            .expect("preset")
            .scenario();
        let spread = add_spread_tasks(&base, 5, 1.0, 3.0);
        let delays: Vec<f64> = spread.tasks[1..]
            .iter()
            .map(|t| match &t.steps[0] {
                Step::Sleep(s) => s.value,
                _ => f64::NAN,
            })
            .collect();
        assert_eq!(delays, [1.0, 1.5, 2.0, 2.5, 3.0]);
        assert_eq!(
            add_spread_tasks(&base, 1, 2.0, 9.0).tasks[1].steps[0],
            Step::Sleep(Seconds::new(2.0))
        );
        assert_eq!(
            add_spread_tasks(&base, MAX_TASKS + 5, 1.0, 1.0).tasks.len(),
            MAX_TASKS
        );
    }

    #[test]
    fn nested_coroutines_are_edited_in_place_by_path() {
        let base = presets::find("square_compute").expect("preset").scenario();
        let path = StepsPath::task(1).into_await(1);
        assert_eq!(path.field().to_string(), "tasks[1].steps[1].await");
        let edited = update_coroutine(&base, &path, |inner| {
            inner.name = "renamed".into();
            inner.steps.push(Step::Print("deep".into()));
        });
        let Step::Await(inner) = &edited.tasks[1].steps[1] else {
            panic!("await")
        };
        assert_eq!(inner.name, "renamed");
        assert_eq!(inner.steps.len(), 2);
        let Step::Await(original) = &base.tasks[1].steps[1] else {
            panic!("await")
        };
        assert_eq!(
            original.name, "compute_square(2)",
            "the original is untouched"
        );
        assert_eq!(edited.tasks[0], base.tasks[0]);
    }

    #[test]
    fn step_edits_apply_to_the_scenario_as_it_is_when_they_run() {
        let base = presets::find("square_compute").expect("preset").scenario();
        let inner = StepsPath::task(0).into_await(1);
        // Two edits made from the same render both land: each applies to the result of the
        // one before, not to a copy of the steps taken when the page was drawn.
        let once = apply(
            &base,
            Edit::AddStep {
                path: inner.clone(),
                kind: StepKind::Print,
            },
        );
        let twice = apply(
            &once,
            Edit::AddStep {
                path: inner.clone(),
                kind: StepKind::Raise,
            },
        );
        let Step::Await(nested) = &twice.tasks[0].steps[1] else {
            panic!("await")
        };
        let kinds: Vec<StepKind> = nested.steps.iter().map(Step::kind).collect();
        assert_eq!(kinds, [StepKind::Sleep, StepKind::Print, StepKind::Raise]);

        let top = StepsPath::task(0);
        let replaced = apply(
            &twice,
            Edit::ReplaceStep {
                path: top.clone(),
                index: 0,
                step: Step::Print("first".into()),
            },
        );
        assert_eq!(replaced.tasks[0].steps[0], Step::Print("first".into()));
        let moved = apply(
            &replaced,
            Edit::MoveStep {
                path: top.clone(),
                from: 0,
                to: 2,
            },
        );
        assert_eq!(moved.tasks[0].steps[2], Step::Print("first".into()));
        let removed = apply(
            &moved,
            Edit::RemoveStep {
                path: top.clone(),
                index: 2,
            },
        );
        assert_eq!(removed.tasks[0].steps.len(), 2);
        let out_of_range = apply(
            &removed,
            Edit::RemoveStep {
                path: top,
                index: 9,
            },
        );
        assert_eq!(out_of_range, removed, "out of range: unchanged");
        assert_eq!(base.tasks[0].steps.len(), 3, "the original is untouched");
    }

    #[test]
    fn python_literals_become_values() {
        assert_eq!(parse_py_value("42"), PyValue::Int("42".into()));
        assert_eq!(parse_py_value("-7"), PyValue::Int("-7".into()));
        assert_eq!(parse_py_value("2.5"), PyValue::Float(2.5));
        assert_eq!(parse_py_value("1e16"), PyValue::Float(1e16));
        assert_eq!(parse_py_value("None"), PyValue::None);
        assert_eq!(parse_py_value(""), PyValue::None);
        assert_eq!(parse_py_value("True"), PyValue::Bool(true));
        assert_eq!(parse_py_value("'it\\'s'"), PyValue::Str("it's".into()));
        assert_eq!(parse_py_value("\"hi\""), PyValue::Str("hi".into()));
        assert_eq!(
            parse_py_value("hello world"),
            PyValue::Str("hello world".into())
        );
        assert_eq!(parse_py_value("007"), PyValue::Str("007".into()));
        for value in [
            PyValue::Int("3".into()),
            PyValue::Float(0.1),
            PyValue::Str("it's \"q\"\n".into()),
            PyValue::Bool(false),
        ] {
            assert_eq!(parse_py_value(&value.repr()), value, "repr round trip");
        }
    }
}
