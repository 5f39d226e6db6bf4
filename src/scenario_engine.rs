//! A scenario run by the Python interpreter: the program the page shows
//! ([`crate::python::program`]) runs on [`crate::py`], and its timeline events become the
//! scenario's trace, one lane per task of the scenario (`None` for `main()`).
//!
//! The interpreter knows tasks and coroutines; the scenario knows which of them are its tasks.
//! For the strategies that create tasks (gather, as_completed, create_task) the tasks come in
//! the scenario's order after `main()`'s own; for the sequential strategy each task is a
//! coroutine `main()` awaits directly, drawn on a lane of its own.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

pub use crate::engine::{Clock, Progress, VirtualClock};
use crate::py::run::Interpreter;
use crate::py::vm::{Host, Progress as VmProgress, RunEvent, VmInfo};
use crate::pyvalue::PyValue;
use crate::scenario::{Scenario, Strategy};
use crate::trace::{Event, EventKind, Lane, Ms, Trace};

/// How many interpreter instructions a callback budget of one stands for.
const INSTRUCTIONS_PER_CALLBACK: u64 = 40;

/// One lane's state as its events arrive.
#[derive(Default)]
struct LaneState {
    started: bool,
    /// Nested awaits below the task's own coroutine.
    nesting: usize,
    /// The requested wake-up (scenario ms) of the sleep it is suspended in.
    sleeping_until: Option<Ms>,
    /// Woke from that sleep: recorded once the step does something (a cancelled task never
    /// wakes, it is cancelled).
    woke: Option<Ms>,
}

/// Turns the interpreter's events into the scenario's trace.
struct Translator {
    clock: Box<dyn Clock>,
    strategy: Strategy,
    /// What each task's coroutine returns, by task.
    returns: Vec<PyValue>,
    /// The program's function names → the scenario's coroutine names.
    names: HashMap<String, Rc<str>>,
    /// Interpreter lane → scenario lane.
    lanes: HashMap<u32, Lane>,
    main_lane: Option<u32>,
    next_task: usize,
    states: HashMap<Lane, LaneState>,
    /// Sequential: the task `main()` is awaiting inline, and main's own nesting.
    inline: Option<usize>,
    main_nesting: usize,
    events: Vec<Event>,
    new_deadlines: Vec<Ms>,
    now: f64,
}

impl Translator {
    fn emit(&mut self, lane: Lane, kind: EventKind) {
        let t = self.clock.stamp(self.now * 1000.0);
        self.events.push(Event { t, lane, kind });
    }

    fn state(&mut self, lane: Lane) -> &mut LaneState {
        self.states.entry(lane).or_default()
    }

    /// The scenario lane of what runs on interpreter lane `lane`.
    fn lane_of(&self, lane: Option<u32>) -> Lane {
        let lane = lane?;
        if Some(lane) == self.main_lane {
            return self.inline;
        }
        self.lanes.get(&lane).copied().flatten()
    }

    fn is_main(&self, lane: u32) -> bool {
        Some(lane) == self.main_lane
    }

    /// A step of `lane` does something: the wake-up from its sleep comes first.
    fn active(&mut self, lane: Lane) {
        if let Some(requested) = self.state(lane).woke.take() {
            self.emit(lane, EventKind::Woke { requested });
        }
    }

    /// The task's coroutine returned: the value is the scenario's (the program returns it).
    fn returned(&mut self, task: usize) {
        let value = self.returns.get(task).cloned().unwrap_or(PyValue::None);
        self.emit(Some(task), EventKind::Returned(value));
    }

    fn coroutine_name(&self, label: &str) -> Rc<str> {
        let function = label.strip_suffix("()").unwrap_or(label);
        self.names
            .get(function)
            .cloned()
            .unwrap_or_else(|| function.into())
    }

    fn event(&mut self, info: &VmInfo, event: RunEvent) {
        self.now = info.now;
        match event {
            RunEvent::LaneCreated { lane, .. } => {
                if self.main_lane.is_none() {
                    self.main_lane = Some(lane);
                    self.lanes.insert(lane, None);
                    return;
                }
                let task = self.next_task;
                self.next_task += 1;
                self.lanes.insert(lane, Some(task));
                self.emit(Some(task), EventKind::Created);
            }
            RunEvent::Stepping { lane } => {
                let lane = self.lane_of(Some(lane));
                if lane.is_none() {
                    return;
                }
                let state = self.state(lane);
                let first = !state.started;
                state.started = true;
                state.woke = state.sleeping_until.take();
                if first {
                    self.emit(lane, EventKind::Started);
                }
            }
            RunEvent::Waiting {
                lane, on, until, ..
            } => {
                let lane = self.lane_of(Some(lane));
                if lane.is_none() || !on.starts_with("sleep(") {
                    return;
                }
                self.active(lane);
                let until = until.unwrap_or(self.now) * 1000.0;
                self.state(lane).sleeping_until = Some(until);
                self.emit(lane, EventKind::Sleep { until });
                if on.as_ref() != "sleep(0)" {
                    self.new_deadlines.push(until);
                }
            }
            RunEvent::AwaitEnter { lane, label } => {
                if self.is_main(lane) {
                    self.main_nesting += 1;
                    if self.strategy != Strategy::Sequential {
                        return;
                    }
                    if self.main_nesting == 1 {
                        let task = self.next_task;
                        self.next_task += 1;
                        self.inline = Some(task);
                        self.emit(Some(task), EventKind::Created);
                        self.emit(Some(task), EventKind::Started);
                        self.state(Some(task)).started = true;
                        return;
                    }
                }
                let lane = self.lane_of(Some(lane));
                if lane.is_none() {
                    return;
                }
                self.active(lane);
                let name = self.coroutine_name(&label);
                let state = self.state(lane);
                state.nesting += 1;
                let depth = state.nesting;
                self.emit(lane, EventKind::AwaitEnter { name, depth });
            }
            RunEvent::AwaitExit { lane, raised } => {
                let scenario_lane = self.lane_of(Some(lane));
                if self.is_main(lane) {
                    self.main_nesting = self.main_nesting.saturating_sub(1);
                    if self.strategy != Strategy::Sequential {
                        return;
                    }
                    if self.main_nesting == 0 {
                        // The task awaited inline is over.
                        self.inline = None;
                        if let Some(task) = scenario_lane {
                            self.active(Some(task));
                            match raised {
                                Some(message) => self.emit(Some(task), EventKind::Raised(message)),
                                None => self.returned(task),
                            }
                            self.emit(Some(task), EventKind::ResultToMain);
                        }
                        return;
                    }
                }
                if scenario_lane.is_none() {
                    return;
                }
                let state = self.state(scenario_lane);
                state.nesting = state.nesting.saturating_sub(1);
                let depth = state.nesting + 1;
                // A raise unwinds the nested coroutines at once: only the task's end is drawn.
                if raised.is_none() {
                    self.active(scenario_lane);
                    self.emit(scenario_lane, EventKind::AwaitExit { depth });
                }
            }
            RunEvent::BlockStart { lane, seconds } => {
                let lane = self.lane_of(lane);
                self.active(lane);
                let until = self.clock.stamp(self.now * 1000.0) + seconds * 1000.0;
                self.emit(lane, EventKind::BlockStart { until });
                self.clock.block(seconds * 1000.0);
            }
            RunEvent::BlockEnd { lane } => {
                let lane = self.lane_of(lane);
                self.emit(lane, EventKind::BlockEnd);
            }
            RunEvent::Returned { lane, .. } => {
                let lane = self.lane_of(Some(lane));
                if let Some(task) = lane {
                    self.active(lane);
                    self.returned(task);
                }
            }
            RunEvent::Raised { lane, message, .. } => {
                let lane = self.lane_of(Some(lane));
                if lane.is_some() {
                    self.active(lane);
                    self.emit(lane, EventKind::Raised(message));
                }
            }
            RunEvent::Cancelled { lane } => {
                let lane = self.lane_of(Some(lane));
                if lane.is_some() {
                    self.state(lane).woke = None;
                    self.emit(lane, EventKind::Cancelled);
                }
            }
            RunEvent::ResultTaken { lane } => {
                let lane = self.lanes.get(&lane).copied().flatten();
                if lane.is_some() && self.strategy != Strategy::Sequential {
                    self.emit(lane, EventKind::ResultToMain);
                }
            }
            RunEvent::Caught { lane, message } => {
                if self.is_main(lane) && self.inline.is_none() {
                    self.emit(None, EventKind::CaughtInMain(message));
                }
            }
            // The loop's journal is for a Python program's time travel.
            RunEvent::Scheduled { .. }
            | RunEvent::Loop(_)
            | RunEvent::HandleCancelled { .. }
            | RunEvent::Callback { .. } => {}
        }
    }

    fn line(&mut self, info: &VmInfo, stderr: bool, text: &str) {
        // The scenario's console is stdout; its programs write nothing else.
        if stderr {
            return;
        }
        self.now = info.now;
        let lane = self.lane_of(info.lane);
        self.active(lane);
        self.emit(lane, EventKind::Print(text.into()));
    }
}

/// The interpreter's host: it hands everything to the translator.
struct TraceHost(Rc<RefCell<Translator>>);

impl Host for TraceHost {
    fn line(&mut self, vm: &VmInfo, stderr: bool, text: &str) {
        self.0.borrow_mut().line(vm, stderr, text);
    }

    fn block(&mut self, _seconds: f64) {}

    fn event(&mut self, vm: &VmInfo, event: RunEvent) {
        self.0.borrow_mut().event(vm, event);
    }

    fn epoch(&self) -> f64 {
        crate::py::run::VIRTUAL_EPOCH
    }

    fn utc_offset(&self, _epoch_seconds: f64) -> i64 {
        0
    }
}

/// A scenario being run.
pub struct Engine {
    interpreter: Option<Interpreter>,
    translator: Rc<RefCell<Translator>>,
    /// The logical time the interpreter waits for (seconds), reached at the next `run`.
    waiting_for: Option<f64>,
    finished: bool,
}

impl Engine {
    /// Prepares `asyncio.run(main())`: nothing runs before the first `run`.
    pub fn new(scenario: &Scenario, clock: Box<dyn Clock>) -> Engine {
        let (source, names) = crate::python::program_and_names(scenario);
        let translator = Rc::new(RefCell::new(Translator {
            clock,
            strategy: scenario.strategy,
            returns: scenario.tasks.iter().map(|t| t.returns.clone()).collect(),
            names,
            lanes: HashMap::new(),
            main_lane: None,
            next_task: 0,
            states: HashMap::new(),
            inline: None,
            main_nesting: 0,
            events: Vec::new(),
            new_deadlines: Vec::new(),
            now: 0.0,
        }));
        let host = Box::new(TraceHost(translator.clone()));
        // The program is generated from a validated scenario: it always compiles.
        let interpreter = Interpreter::new(&source, "main.py", host).ok();
        Engine {
            finished: interpreter.is_none(),
            interpreter,
            translator,
            waiting_for: None,
        }
    }

    /// The loop's logical clock, in scenario milliseconds.
    pub fn logical_now(&self) -> Ms {
        self.interpreter.as_ref().map_or(0.0, |i| i.vm.now * 1000.0)
    }

    /// The events recorded since the last call.
    pub fn take_events(&mut self) -> Vec<Event> {
        std::mem::take(&mut self.translator.borrow_mut().events)
    }

    /// The wake-up times of the sleeps started since the last call, for a driver that arms one
    /// real timer per deadline (the engine still decides which timer fires, and in what order).
    pub fn take_new_deadlines(&mut self) -> Vec<Ms> {
        std::mem::take(&mut self.translator.borrow_mut().new_deadlines)
    }

    /// Runs until the program must wait for a timer, has used its budget (about `budget`
    /// loop callbacks' worth of instructions), or ends. After `WaitUntil(t)` the caller waits
    /// until `t` (really, or not at all on a virtual clock) before calling `run` again.
    pub fn run(&mut self, budget: u64) -> Progress {
        if self.finished {
            return Progress::Finished;
        }
        let Some(interpreter) = self.interpreter.as_mut() else {
            return Progress::Finished;
        };
        if let Some(t) = self.waiting_for.take() {
            interpreter.advance_to(t);
        }
        let instructions = budget.saturating_mul(INSTRUCTIONS_PER_CALLBACK);
        match interpreter.run(instructions) {
            VmProgress::WaitUntil(t) => {
                self.waiting_for = Some(t);
                Progress::WaitUntil(t * 1000.0)
            }
            VmProgress::Yielded => Progress::Yielded,
            VmProgress::Finished(_) => {
                self.finished = true;
                let mut translator = self.translator.borrow_mut();
                translator.now = interpreter.vm.now;
                translator.emit(None, EventKind::RunEnd);
                Progress::Finished
            }
        }
    }
}

/// Runs a scenario on the virtual clock: the ideal trace, instantly.
pub fn simulate(scenario: &Scenario) -> Trace {
    simulate_in_slices(scenario, u64::MAX / INSTRUCTIONS_PER_CALLBACK)
}

/// The same, running at most `budget` callbacks' worth per call to `run`, as the browser
/// runtime does.
pub fn simulate_in_slices(scenario: &Scenario, budget: u64) -> Trace {
    let mut engine = Engine::new(scenario, Box::new(VirtualClock));
    while engine.run(budget) != Progress::Finished {}
    Trace::from_events(engine.take_events())
}
