//! The scenario of `shared/spec/scenario.md` §1: its model, its validation (every refusal names
//! the field, as in `tasks[2].steps[0].sleep: must be ≥ 0`) and its JSON form.

use std::borrow::Cow;
use std::fmt;
use std::rc::Rc;

use crate::json::Json;

use crate::pyvalue::{float_repr, PyValue};

pub const MAX_TASKS: usize = 100_000;
pub const MAX_STEPS: usize = 1_000;
pub const MAX_NAME_CHARS: usize = 100;
pub const MAX_TEXT_CHARS: usize = 1_000;
pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_AWAIT_DEPTH: usize = 8;
pub const MIN_TIME_SCALE: f64 = 0.01;
pub const MAX_TIME_SCALE: f64 = 10.0;
/// A browser timer cannot wait longer than 2^31 − 1 ms.
pub const MAX_TIMER_MS: f64 = 2_147_483_647.0;
/// A block freezes the tab: at most this many real seconds.
pub const MAX_BLOCK_REAL_SECONDS: f64 = 10.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Strategy {
    Sequential,
    Gather,
    AsCompleted,
    CreateTask,
}

impl Strategy {
    pub const ALL: [Strategy; 4] = [
        Strategy::Sequential,
        Strategy::Gather,
        Strategy::AsCompleted,
        Strategy::CreateTask,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Strategy::Sequential => "sequential",
            Strategy::Gather => "gather",
            Strategy::AsCompleted => "as_completed",
            Strategy::CreateTask => "create_task",
        }
    }

    pub fn parse(name: &str) -> Option<Strategy> {
        Strategy::ALL.into_iter().find(|s| s.as_str() == name)
    }
}

/// A number of seconds as the user wrote it: the value, and the Python literal (`1` or `1.5`).
#[derive(Clone, Debug, PartialEq)]
pub struct Seconds {
    pub value: f64,
    pub literal: String,
}

impl Seconds {
    pub fn new(value: f64) -> Seconds {
        let literal = if value.fract() == 0.0 && value.abs() < 1e15 {
            format!("{}", value as i64)
        } else {
            float_repr(value)
        };
        Seconds { value, literal }
    }

    pub fn millis(&self) -> f64 {
        self.value * 1000.0
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    Print(Rc<str>),
    Sleep(Seconds),
    Block(Seconds),
    Await(Rc<Coroutine>),
    Raise(Rc<str>),
}

/// The kinds of step, by the key that names them in JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StepKind {
    Print,
    Sleep,
    Block,
    Await,
    Raise,
}

impl StepKind {
    pub const ALL: [StepKind; 5] = [
        StepKind::Print,
        StepKind::Sleep,
        StepKind::Block,
        StepKind::Await,
        StepKind::Raise,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            StepKind::Print => "print",
            StepKind::Sleep => "sleep",
            StepKind::Block => "block",
            StepKind::Await => "await",
            StepKind::Raise => "raise",
        }
    }

    pub fn parse(name: &str) -> Option<StepKind> {
        StepKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

impl Step {
    pub fn kind(&self) -> StepKind {
        match self {
            Step::Print(_) => StepKind::Print,
            Step::Sleep(_) => StepKind::Sleep,
            Step::Block(_) => StepKind::Block,
            Step::Await(_) => StepKind::Await,
            Step::Raise(_) => StepKind::Raise,
        }
    }
}

/// An `async def` body: a name, its steps, and what it returns.
#[derive(Clone, Debug, PartialEq)]
pub struct Coroutine {
    pub name: String,
    pub steps: Vec<Step>,
    pub returns: PyValue,
}

impl Coroutine {
    /// Whether it, or a coroutine it awaits, calls `time.sleep` (blocks the whole loop).
    pub fn blocks(&self) -> bool {
        self.steps.iter().any(|step| match step {
            Step::Block(_) => true,
            Step::Await(inner) => inner.blocks(),
            _ => false,
        })
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub title: Option<String>,
    pub strategy: Strategy,
    pub time_scale: f64,
    pub tasks: Vec<Rc<Coroutine>>,
}

/// Where a field sits in a scenario, built and compared part by part, and written as the spec
/// words it: `tasks[2].steps[0].sleep` (`scenario` for the document as a whole).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct FieldPath(Vec<PathPart>);

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum PathPart {
    Key(Cow<'static, str>),
    Index(usize),
}

impl FieldPath {
    /// The document itself.
    pub fn root() -> FieldPath {
        FieldPath::default()
    }

    /// The field `key` of this object.
    pub fn key(&self, key: impl Into<Cow<'static, str>>) -> FieldPath {
        self.with(PathPart::Key(key.into()))
    }

    /// Item `index` of this array.
    pub fn index(&self, index: usize) -> FieldPath {
        self.with(PathPart::Index(index))
    }

    /// `tasks[index]`.
    pub fn task(index: usize) -> FieldPath {
        FieldPath::root().key("tasks").index(index)
    }

    fn with(&self, part: PathPart) -> FieldPath {
        let mut parts = self.0.clone();
        parts.push(part);
        FieldPath(parts)
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("scenario");
        }
        for (i, part) in self.0.iter().enumerate() {
            match part {
                PathPart::Key(key) if i == 0 => f.write_str(key)?,
                PathPart::Key(key) => write!(f, ".{key}")?,
                PathPart::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// Why a scenario was refused: the field's path and the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioError {
    pub path: FieldPath,
    pub reason: String,
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

impl std::error::Error for ScenarioError {}

fn refuse<T>(path: &FieldPath, reason: impl Into<String>) -> Result<T, ScenarioError> {
    Err(ScenarioError {
        path: path.clone(),
        reason: reason.into(),
    })
}

impl Scenario {
    /// Parses and validates scenario JSON text.
    pub fn from_json(text: &str) -> Result<Scenario, ScenarioError> {
        let value = Json::parse(text)
            .or_else(|error| refuse(&FieldPath::root(), format!("not valid JSON ({error})")))?;
        Scenario::from_value(&value)
    }

    /// Validates an already parsed JSON value.
    pub fn from_value(value: &Json) -> Result<Scenario, ScenarioError> {
        let root = FieldPath::root();
        let Some(object) = value.as_object() else {
            return refuse(&root, "must be a JSON object");
        };
        check_keys(
            object,
            &root,
            &["version", "title", "strategy", "time_scale", "tasks"],
        )?;
        let version = root.key("version");
        match value.get("version") {
            None => return refuse(&version, "is required (use 1)"),
            Some(Json::Number(n)) if n == "1" => {}
            Some(other) => {
                return refuse(&version, format!("must be 1 (got {})", other.to_compact()))
            }
        }
        let title = match value.get("title") {
            None => None,
            Some(v) => Some(text_field(v, &root.key("title"), 0, MAX_TITLE_CHARS)?),
        };
        let strategy_path = root.key("strategy");
        let strategy = match value.get("strategy") {
            None => return refuse(&strategy_path, "is required"),
            Some(Json::String(name)) => match Strategy::parse(name) {
                Some(s) => s,
                None => {
                    return refuse(
                        &strategy_path,
                        format!(
                            "unknown strategy {} (expected sequential, gather, as_completed or create_task)",
                            Json::String(name.clone()).to_compact()
                        ),
                    )
                }
            },
            Some(_) => return refuse(&strategy_path, "must be a string"),
        };
        let time_scale_path = root.key("time_scale");
        let time_scale = match value.get("time_scale") {
            None => 1.0,
            Some(v) => {
                let x = number_field(v, &time_scale_path)?;
                if !(MIN_TIME_SCALE..=MAX_TIME_SCALE).contains(&x) {
                    return refuse(
                        &time_scale_path,
                        format!("must be between 0.01 and 10 (got {})", human(x)),
                    );
                }
                x
            }
        };
        let tasks_path = root.key("tasks");
        let Some(tasks_value) = value.get("tasks") else {
            return refuse(&tasks_path, "is required");
        };
        let Some(task_values) = tasks_value.as_array() else {
            return refuse(&tasks_path, "must be an array");
        };
        if task_values.is_empty() {
            return refuse(&tasks_path, "needs at least 1 task");
        }
        if task_values.len() > MAX_TASKS {
            return refuse(
                &tasks_path,
                format!("at most 100000 tasks (got {})", task_values.len()),
            );
        }
        let limits = Limits { time_scale };
        let tasks = task_values
            .iter()
            .enumerate()
            .map(|(i, v)| coroutine(v, &FieldPath::task(i), 0, &limits).map(Rc::new))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Scenario {
            title,
            strategy,
            time_scale,
            tasks,
        })
    }

    /// The JSON form of the spec, which `from_value` reads back unchanged.
    pub fn to_value(&self) -> Json {
        let mut fields = vec![("version".to_owned(), Json::Number("1".into()))];
        if let Some(title) = &self.title {
            fields.push(("title".into(), Json::String(title.clone())));
        }
        fields.push((
            "strategy".into(),
            Json::String(self.strategy.as_str().into()),
        ));
        if self.time_scale != 1.0 {
            fields.push((
                "time_scale".into(),
                seconds_value(&Seconds::new(self.time_scale)),
            ));
        }
        fields.push((
            "tasks".into(),
            Json::Array(self.tasks.iter().map(|t| coroutine_value(t)).collect()),
        ));
        Json::Object(fields)
    }

    /// Whether a task blocks the loop (`time.sleep`), in its own steps or in an await.
    pub fn blocks(&self) -> bool {
        self.tasks.iter().any(|task| task.blocks())
    }

    pub fn to_json(&self) -> String {
        self.to_value().to_compact()
    }

    /// Every validation rule that depends on more than one field, checked again after an edit.
    pub fn validate(&self) -> Result<(), ScenarioError> {
        Scenario::from_value(&self.to_value()).map(|_| ())
    }

    /// The first problem of the scenario as a whole and of each of its first `max_tasks`
    /// tasks, so that an editor can point at all of them at once.
    pub fn problems(&self, max_tasks: usize) -> Vec<ScenarioError> {
        let mut problems: Vec<ScenarioError> = self.validate().err().into_iter().collect();
        let limits = Limits {
            time_scale: self.time_scale,
        };
        for (i, task) in self.tasks.iter().take(max_tasks).enumerate() {
            if let Err(problem) = coroutine(&coroutine_value(task), &FieldPath::task(i), 0, &limits)
            {
                if !problems.contains(&problem) {
                    problems.push(problem);
                }
            }
        }
        problems
    }
}

/// A number as a person writes it: `100`, `0.5`.
fn human(x: f64) -> String {
    Seconds::new(x).literal
}

struct Limits {
    time_scale: f64,
}

fn check_keys(
    object: &[(String, Json)],
    path: &FieldPath,
    allowed: &[&str],
) -> Result<(), ScenarioError> {
    for (key, _) in object {
        if !allowed.contains(&key.as_str()) {
            return refuse(
                &path.key(key.clone()),
                format!("unknown field (expected one of: {})", allowed.join(", ")),
            );
        }
    }
    Ok(())
}

fn text_field(
    value: &Json,
    path: &FieldPath,
    min: usize,
    max: usize,
) -> Result<String, ScenarioError> {
    let Some(text) = value.as_str() else {
        return refuse(path, "must be a string");
    };
    let length = text.chars().count();
    if length < min {
        return refuse(path, "must not be empty");
    }
    if length > max {
        return refuse(path, format!("at most {max} characters (got {length})"));
    }
    Ok(text.to_owned())
}

fn number_field(value: &Json, path: &FieldPath) -> Result<f64, ScenarioError> {
    if !matches!(value, Json::Number(_)) {
        return refuse(path, "must be a number");
    }
    match value.as_f64() {
        Some(x) if x.is_finite() => Ok(x),
        _ => refuse(path, "must be a finite number"),
    }
}

fn seconds_field(value: &Json, path: &FieldPath) -> Result<Seconds, ScenarioError> {
    let x = number_field(value, path)?;
    if x < 0.0 {
        return refuse(path, "must be ≥ 0");
    }
    let literal = match value {
        Json::Number(n) if is_integer_literal(n) => n.clone(),
        _ => float_repr(x),
    };
    Ok(Seconds { value: x, literal })
}

fn is_integer_literal(number: &str) -> bool {
    !number.contains(['.', 'e', 'E'])
}

fn py_value(value: &Json, path: &FieldPath) -> Result<PyValue, ScenarioError> {
    Ok(match value {
        Json::Null => PyValue::None,
        Json::Bool(b) => PyValue::Bool(*b),
        Json::String(s) => {
            if s.chars().count() > MAX_TEXT_CHARS {
                return refuse(path, format!("at most {MAX_TEXT_CHARS} characters"));
            }
            PyValue::Str(s.clone())
        }
        Json::Number(n) if is_integer_literal(n) => PyValue::Int(n.clone()),
        Json::Number(_) => PyValue::Float(number_field(value, path)?),
        Json::Array(_) | Json::Object(_) => {
            return refuse(path, "must be a number, a string, true, false or null")
        }
    })
}

fn coroutine(
    value: &Json,
    path: &FieldPath,
    depth: usize,
    limits: &Limits,
) -> Result<Coroutine, ScenarioError> {
    let Some(object) = value.as_object() else {
        return refuse(path, "must be an object with name, steps and returns");
    };
    check_keys(object, path, &["name", "steps", "returns"])?;
    let name_path = path.key("name");
    let name = match value.get("name") {
        None => return refuse(&name_path, "is required"),
        Some(v) => text_field(v, &name_path, 1, MAX_NAME_CHARS)?,
    };
    let steps_path = path.key("steps");
    let step_values = match value.get("steps") {
        None => return refuse(&steps_path, "is required (use [] for none)"),
        Some(Json::Array(steps)) => steps,
        Some(_) => return refuse(&steps_path, "must be an array"),
    };
    if step_values.len() > MAX_STEPS {
        return refuse(
            &steps_path,
            format!("at most {MAX_STEPS} steps (got {})", step_values.len()),
        );
    }
    let steps = step_values
        .iter()
        .enumerate()
        .map(|(i, v)| step(v, &steps_path.index(i), depth, limits))
        .collect::<Result<Vec<_>, _>>()?;
    let returns = match value.get("returns") {
        None => PyValue::None,
        Some(v) => py_value(v, &path.key("returns"))?,
    };
    Ok(Coroutine {
        name,
        steps,
        returns,
    })
}

fn step(
    value: &Json,
    path: &FieldPath,
    depth: usize,
    limits: &Limits,
) -> Result<Step, ScenarioError> {
    const KINDS: &str = "print, sleep, block, await or raise";
    let Some(object) = value.as_object() else {
        return refuse(
            path,
            format!("a step must be an object with one key: {KINDS}"),
        );
    };
    let [(kind, inner)] = object else {
        let found: Vec<&str> = object.iter().map(|(k, _)| k.as_str()).collect();
        return refuse(
            path,
            format!(
                "a step has exactly one key (got {}: {})",
                found.len(),
                found.join(", ")
            ),
        );
    };
    let Some(step_kind) = StepKind::parse(kind) else {
        // The key quoted as JSON writes it (no Debug formatting in the page's code).
        let mut quoted = String::new();
        crate::json::write_string(&mut quoted, kind);
        return refuse(path, format!("unknown step {quoted} (expected {KINDS})"));
    };
    let field = path.key(step_kind.as_str());
    Ok(match step_kind {
        StepKind::Print => Step::Print(text_field(inner, &field, 0, MAX_TEXT_CHARS)?.into()),
        StepKind::Raise => Step::Raise(text_field(inner, &field, 0, MAX_TEXT_CHARS)?.into()),
        StepKind::Sleep => {
            let seconds = seconds_field(inner, &field)?;
            let limit = MAX_TIMER_MS / 1000.0 / limits.time_scale;
            if seconds.value > limit {
                return refuse(
                    &field,
                    format!(
                        "at most {} s at time_scale {} (a browser timer waits at most 2^31 − 1 ms)",
                        human(limit.floor()),
                        human(limits.time_scale)
                    ),
                );
            }
            Step::Sleep(seconds)
        }
        StepKind::Block => {
            let seconds = seconds_field(inner, &field)?;
            if seconds.value * limits.time_scale > MAX_BLOCK_REAL_SECONDS {
                return refuse(
                    &field,
                    format!(
                        "at most {} s at time_scale {} (a block freezes the page: 10 real seconds at most)",
                        human(MAX_BLOCK_REAL_SECONDS / limits.time_scale),
                        human(limits.time_scale)
                    ),
                );
            }
            Step::Block(seconds)
        }
        StepKind::Await => {
            if depth + 1 > MAX_AWAIT_DEPTH {
                return refuse(
                    &field,
                    format!("nesting deeper than {MAX_AWAIT_DEPTH} awaits"),
                );
            }
            Step::Await(Rc::new(coroutine(inner, &field, depth + 1, limits)?))
        }
    })
}

fn seconds_value(seconds: &Seconds) -> Json {
    match Json::parse(&seconds.literal) {
        Ok(number @ Json::Number(_)) => number,
        _ => Json::number(seconds.value),
    }
}

fn py_value_json(value: &PyValue) -> Json {
    match value {
        PyValue::None => Json::Null,
        PyValue::Bool(b) => Json::Bool(*b),
        PyValue::Int(digits) => Json::Number(digits.clone()),
        PyValue::Float(x) if x.is_finite() => Json::Number(float_repr(*x)),
        PyValue::Float(_) => Json::Null,
        PyValue::Str(s) | PyValue::Repr(s) => Json::String(s.clone()),
    }
}

fn coroutine_value(coroutine: &Coroutine) -> Json {
    let steps = coroutine
        .steps
        .iter()
        .map(|step| {
            let value = match step {
                Step::Print(text) | Step::Raise(text) => Json::String(text.to_string()),
                Step::Sleep(s) | Step::Block(s) => seconds_value(s),
                Step::Await(inner) => coroutine_value(inner),
            };
            Json::Object(vec![(step.kind().as_str().into(), value)])
        })
        .collect();
    let mut fields = vec![
        ("name".to_owned(), Json::String(coroutine.name.clone())),
        ("steps".to_owned(), Json::Array(steps)),
    ];
    if coroutine.returns != PyValue::None {
        fields.push(("returns".into(), py_value_json(&coroutine.returns)));
    }
    Json::Object(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(json: &str) -> String {
        match Scenario::from_json(json) {
            Ok(_) => panic!("accepted: {json}"),
            Err(e) => e.to_string(),
        }
    }

    fn with_task(task: &str) -> String {
        format!(r#"{{"version":1,"strategy":"gather","tasks":[{task}]}}"#)
    }

    fn with_step(step: &str) -> String {
        with_task(&format!(
            r#"{{"name":"t","steps":[{{"print":"a"}},{step}]}}"#
        ))
    }

    #[test]
    fn accepts_the_spec_example() {
        let s = Scenario::from_json(
            r#"{"version":1,"title":"square(1), square(2), square(3)","strategy":"gather","time_scale":0.5,
               "tasks":[{"name":"square(1)","steps":[{"print":"Square 1"},{"sleep":1},{"print":"End square 1"}],"returns":1}]}"#,
        )
        .expect("valid");
        assert_eq!(s.strategy, Strategy::Gather);
        assert_eq!(s.time_scale, 0.5);
        assert_eq!(s.tasks[0].returns, PyValue::Int("1".into()));
        assert_eq!(
            s.tasks[0].steps[1],
            Step::Sleep(Seconds {
                value: 1.0,
                literal: "1".into()
            })
        );
    }

    #[test]
    fn refuses_each_bad_input_with_the_field_named() {
        let cases: Vec<(String, &str)> = vec![
            ("[]".into(), "scenario: must be a JSON object"),
            ("nope".into(), "scenario: not valid JSON"),
            (r#"{"version":1,"strategy":"gather","tasks":[{"name":"t","steps":[{"sleep":NaN}]}]}"#.into(), "scenario: not valid JSON"),
            (r#"{"strategy":"gather","tasks":[]}"#.into(), "version: is required"),
            (r#"{"version":2,"strategy":"gather","tasks":[]}"#.into(), "version: must be 1 (got 2)"),
            (r#"{"version":"1","strategy":"gather","tasks":[]}"#.into(), "version: must be 1"),
            (r#"{"version":1,"strategy":"gather","tasks":[],"extra":0}"#.into(), "extra: unknown field"),
            (r#"{"version":1,"strategy":"parallel","tasks":[]}"#.into(), "strategy: unknown strategy \"parallel\""),
            (r#"{"version":1,"tasks":[]}"#.into(), "strategy: is required"),
            (r#"{"version":1,"strategy":"gather","tasks":[]}"#.into(), "tasks: needs at least 1 task"),
            (r#"{"version":1,"strategy":"gather","tasks":{}}"#.into(), "tasks: must be an array"),
            (r#"{"version":1,"strategy":"gather","time_scale":0,"tasks":[]}"#.into(), "time_scale: must be between 0.01 and 10"),
            (r#"{"version":1,"strategy":"gather","time_scale":11,"tasks":[]}"#.into(), "time_scale: must be between 0.01 and 10"),
            (r#"{"version":1,"strategy":"gather","time_scale":"1","tasks":[]}"#.into(), "time_scale: must be a number"),
            (format!(r#"{{"version":1,"title":"{}","strategy":"gather","tasks":[]}}"#, "x".repeat(201)), "title: at most 200 characters"),
            (with_task(r#"{"name":"","steps":[]}"#), "tasks[0].name: must not be empty"),
            (with_task(&format!(r#"{{"name":"{}","steps":[]}}"#, "é".repeat(101))), "tasks[0].name: at most 100 characters"),
            (with_task(r#"{"name":"t"}"#), "tasks[0].steps: is required"),
            (with_task(r#"{"name":"t","steps":[],"color":"red"}"#), "tasks[0].color: unknown field"),
            (with_task(r#"{"name":"t","steps":[],"returns":[1]}"#), "tasks[0].returns: must be a number, a string, true, false or null"),
            (with_task(r#"{"name":"t","steps":[],"returns":{"a":1}}"#), "tasks[0].returns: must be a number"),
            (with_task("7"), "tasks[0]: must be an object"),
            (with_step(r#"{"sleep":-1}"#), "tasks[0].steps[1].sleep: must be ≥ 0"),
            (with_step(r#"{"sleep":"1"}"#), "tasks[0].steps[1].sleep: must be a number"),
            (with_step(r#"{"sleep":1e400}"#), "tasks[0].steps[1].sleep: must be a finite number"),
            (with_step(r#"{"sleep":2147484}"#), "tasks[0].steps[1].sleep: at most 2147483 s"),
            (with_step(r#"{"block":10.5}"#), "tasks[0].steps[1].block: at most 10 s"),
            (with_step(r#"{"block":-0.5}"#), "tasks[0].steps[1].block: must be ≥ 0"),
            (with_step(r#"{"print":"a","sleep":1}"#), "tasks[0].steps[1]: a step has exactly one key (got 2: print, sleep)"),
            (with_step(r#"{}"#), "tasks[0].steps[1]: a step has exactly one key (got 0: )"),
            (with_step(r#"{"yield":1}"#), "tasks[0].steps[1]: unknown step \"yield\""),
            (with_step(r#"{"print":3}"#), "tasks[0].steps[1].print: must be a string"),
            (with_step(&format!(r#"{{"raise":"{}"}}"#, "x".repeat(1001))), "tasks[0].steps[1].raise: at most 1000 characters"),
            (with_step(r#"{"await":{"name":"inner","steps":[{"sleep":true}]}}"#), "tasks[0].steps[1].await.steps[0].sleep: must be a number"),
        ];
        for (json, expected) in cases {
            let message = refusal(&json);
            assert!(
                message.starts_with(expected),
                "{json}\n  gave: {message}\n  want: {expected}"
            );
        }
    }

    #[test]
    fn field_paths_are_built_by_parts_and_written_as_the_spec_does() {
        let sleep = FieldPath::task(2).key("steps").index(0).key("sleep");
        assert_eq!(sleep.to_string(), "tasks[2].steps[0].sleep");
        assert_eq!(FieldPath::root().to_string(), "scenario");
        assert_eq!(FieldPath::root().key("version").to_string(), "version");
        assert_eq!(sleep, FieldPath::task(2).key("steps").index(0).key("sleep"));
        assert_ne!(sleep, FieldPath::task(2).key("steps").index(1).key("sleep"));
        let error = Scenario::from_json(&with_step(r#"{"sleep":-1}"#)).expect_err("refused");
        assert_eq!(
            error.path,
            FieldPath::task(0).key("steps").index(1).key("sleep")
        );
    }

    #[test]
    fn step_kinds_read_and_write_their_json_key() {
        for kind in StepKind::ALL {
            assert_eq!(StepKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(StepKind::parse("yield"), None);
        assert_eq!(Step::Print("x".into()).kind(), StepKind::Print);
    }

    #[test]
    fn a_block_is_found_at_any_depth() {
        let deep = with_task(
            r#"{"name":"t","steps":[{"await":{"name":"i","steps":[{"await":{"name":"j","steps":[{"block":1}]}}]}}]}"#,
        );
        assert!(Scenario::from_json(&deep).expect("valid").blocks());
        assert!(!Scenario::from_json(&with_step(r#"{"sleep":1}"#))
            .expect("valid")
            .blocks());
    }

    #[test]
    fn time_scale_moves_the_timer_and_block_limits() {
        let slow = |step: &str, scale: f64| {
            format!(
                r#"{{"version":1,"strategy":"gather","time_scale":{scale},"tasks":[{{"name":"t","steps":[{step}]}}]}}"#
            )
        };
        assert!(Scenario::from_json(&slow(r#"{"block":100}"#, 0.1)).is_ok());
        assert!(refusal(&slow(r#"{"block":101}"#, 0.1))
            .starts_with("tasks[0].steps[0].block: at most 100 s at time_scale 0.1"));
        assert!(Scenario::from_json(&slow(r#"{"sleep":2000000}"#, 1.0)).is_ok());
        assert!(refusal(&slow(r#"{"sleep":300000}"#, 10.0)).contains("at most 214748 s"));
    }

    #[test]
    fn refuses_too_many_tasks_and_too_deep_nesting() {
        let task = r#"{"name":"t","steps":[]}"#;
        let many = format!(
            r#"{{"version":1,"strategy":"gather","tasks":[{}]}}"#,
            vec![task; MAX_TASKS + 1].join(",")
        );
        assert_eq!(refusal(&many), "tasks: at most 100000 tasks (got 100001)");
        let max_steps = vec![r#"{"sleep":0}"#; MAX_STEPS + 1].join(",");
        assert!(refusal(&with_task(&format!(
            r#"{{"name":"t","steps":[{max_steps}]}}"#
        )))
        .starts_with("tasks[0].steps: at most 1000 steps"));

        let nested = |depth: usize| {
            let mut inner = r#"{"name":"leaf","steps":[]}"#.to_owned();
            for _ in 0..depth {
                inner = format!(r#"{{"name":"n","steps":[{{"await":{inner}}}]}}"#);
            }
            with_task(&inner)
        };
        assert!(Scenario::from_json(&nested(8)).is_ok());
        let message = refusal(&nested(9));
        assert!(
            message.ends_with(".await: nesting deeper than 8 awaits"),
            "{message}"
        );
    }

    #[test]
    fn problems_name_every_task_that_has_one() {
        let json = with_task(
            r#"{"name":"","steps":[]},{"name":"ok","steps":[{"sleep":1}]},{"name":"b","steps":[{"sleep":-1}]}"#,
        );
        let value = Json::parse(&json).expect("json");
        // `from_value` refuses at the first problem; build the model directly to see them all.
        let mut scenario =
            Scenario::from_json(&with_task(r#"{"name":"a","steps":[]}"#)).expect("valid");
        let tasks = value["tasks"].as_array().expect("tasks");
        scenario.tasks = tasks
            .iter()
            .map(|t| {
                let steps = t["steps"]
                    .as_array()
                    .expect("steps")
                    .iter()
                    .map(|s| Step::Sleep(Seconds::new(s["sleep"].as_f64().unwrap_or(0.0))))
                    .collect();
                Rc::new(Coroutine {
                    name: t["name"].as_str().unwrap_or("").to_owned(),
                    steps,
                    returns: PyValue::None,
                })
            })
            .collect();
        let problems: Vec<String> = scenario
            .problems(100)
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert_eq!(
            problems,
            [
                "tasks[0].name: must not be empty",
                "tasks[2].steps[0].sleep: must be ≥ 0"
            ]
        );
        assert_eq!(scenario.problems(1).len(), 1);
    }

    #[test]
    fn round_trips_through_json_keeping_ints_and_floats_apart() {
        let json = r#"{"version":1,"title":"t","strategy":"as_completed","time_scale":0.25,"tasks":[
            {"name":"a","steps":[{"print":"x"},{"sleep":1},{"sleep":1.0},{"sleep":0.5},{"block":2},
              {"await":{"name":"in","steps":[{"raise":"boom"}],"returns":"s"}}],"returns":123456789012345678901234567890},
            {"name":"b","steps":[],"returns":2.0},{"name":"c","steps":[],"returns":true}]}"#;
        let scenario = Scenario::from_json(json).expect("valid");
        assert_eq!(
            scenario.tasks[0].returns.repr(),
            "123456789012345678901234567890"
        );
        assert_eq!(scenario.tasks[1].returns.repr(), "2.0");
        let again = Scenario::from_json(&scenario.to_json()).expect("round trip");
        assert_eq!(again, scenario);
        assert!(scenario.to_json().contains(r#"{"sleep":1},{"sleep":1.0}"#));
    }
}
