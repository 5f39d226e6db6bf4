//! Time travel through a scenario's run. A run on the logical clock always takes the same path
//! through the loop (spec §2), so its history is the list of callbacks `_run_once` ran, and the
//! loop's state at any of them can be computed again, exactly: from the nearest snapshot of the
//! engine (a copy kept every few callbacks), run forward to that callback.
//!
//! Callback `k` (1-based) is shown at the moment it starts: taken off the ready queue, its task
//! `running`, the queue behind it and the timers as they are then. Callback 0 is the loop before
//! the first one. Lines are counted with the callback that prints them.

use std::ops::Range;

use crate::engine::{Callback, Engine, VirtualClock};
use crate::scenario::Scenario;
use crate::trace::{push_console_lines, Event, Ms, Trace};

/// A task's state at an instant (`data-state` on the page).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskState {
    /// Created; its first step has not run yet.
    Pending,
    /// Its step is the callback running now.
    Running,
    /// Its next step is in the ready queue.
    Ready,
    /// Suspended on a sleep, a task, or `gather` / `as_completed`.
    Waiting,
    Done,
    Failed,
    Cancelled,
}

impl TaskState {
    /// In the order of [`LoopInside::state_counts`].
    pub const ALL: [TaskState; 7] = [
        TaskState::Pending,
        TaskState::Running,
        TaskState::Ready,
        TaskState::Waiting,
        TaskState::Done,
        TaskState::Failed,
        TaskState::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TaskState::Pending => "pending",
            TaskState::Running => "running",
            TaskState::Ready => "ready",
            TaskState::Waiting => "waiting",
            TaskState::Done => "done",
            TaskState::Failed => "failed",
            TaskState::Cancelled => "cancelled",
        }
    }
}

/// What a waiting task waits on.
#[derive(Clone, Debug, PartialEq)]
pub enum Awaiting {
    /// `asyncio.sleep`, until this time of the loop's clock.
    Sleep { until_ms: Ms },
    /// Another task (`await task`).
    Task(String),
    /// `asyncio.gather`'s outer future.
    Gather,
    /// The next task `as_completed` hands out.
    AsCompleted,
    /// Any other awaitable of a Python program, as the timeline names it (`Queue.get`, `Lock`,
    /// `gather(a(), b())`, another task's call…).
    Future(String),
}

/// A callback of the loop, by what it does.
#[derive(Clone, Debug, PartialEq)]
pub enum CallbackView {
    /// `Task.__step`: the task runs until its next `await` (its first step when `starts`).
    Step { task: String, starts: bool },
    /// A sleep's timer: it wakes the task sleeping on it (its step is scheduled).
    Timer { task: String },
    /// `gather`'s `_done_callback` for a finished child.
    GatherChildDone { child: String },
    /// `as_completed`'s `_on_completion` for a finished child.
    AsCompletedChildDone { child: String },
    /// `run_until_complete`'s callback: what it ran (`main()`, or the future a program passed
    /// it) is done, the loop stops.
    StopLoop { of: String },
    /// Any other callback of a Python program, named as CPython's handle repr names it
    /// (`print('hi')`, `_release_waiter(<Future>)`).
    Call { text: String },
}

#[derive(Clone, Debug, PartialEq)]
pub struct TimerView {
    pub deadline_ms: Ms,
    pub what: CallbackView,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TaskView {
    pub label: String,
    pub state: TaskState,
    pub awaiting: Option<Awaiting>,
    /// Where its code stands: see [`crate::python::LineMap`].
    pub at: Option<CodeSpot>,
    /// Or the line itself (1-based), for a Python program.
    pub line: Option<u32>,
}

/// A place in a scenario's code: a coroutine (by its address, stable for the run) and the step
/// it is suspended at, or `None` before its first step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CodeSpot {
    pub coroutine: usize,
    pub step: Option<usize>,
}

/// The loop at one instant of the history.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LoopInside {
    /// The callback shown (0: before the first).
    pub callback: usize,
    /// The `_run_once` iteration it belongs to.
    pub iteration: u64,
    pub time_ms: Ms,
    /// The callback starting now.
    pub running: Option<CallbackView>,
    /// The ready queue behind it, in order (its first callbacks, when limited).
    pub ready: Vec<CallbackView>,
    pub ready_total: usize,
    /// The pending timers, in the order they will fire (the first ones, when limited).
    pub timers: Vec<TimerView>,
    pub timers_total: usize,
    /// The tasks, `main()` first, in creation order (the first ones, when limited).
    pub tasks: Vec<TaskView>,
    /// How many tasks are in each state, in the order of [`TaskState::ALL`].
    pub state_counts: [usize; 7],
    /// The run is over (the last callback ran and `asyncio.run` cleaned up).
    pub finished: bool,
}

/// One callback of the history, as recorded.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub iteration: u64,
    /// The loop's clock when it ran.
    pub time_ms: Ms,
    /// The events it caused, as a range of the history's trace.
    pub events: Range<usize>,
    /// Console lines printed once it has run (those before it and its own).
    pub lines: usize,
}

/// A finished run's history, whichever engine ran it (a scenario's step engine, or the Python
/// interpreter): what the scrubber moves through, one callback of the loop at a time.
pub trait Recorded {
    /// One mark per callback, in order.
    fn marks(&self) -> &[Mark];

    /// The run's trace: each mark's events are a range of it.
    fn events(&self) -> &[Event];

    /// The label of a lane (a task's coroutine call), or `main()` outside any.
    fn label(&self, lane: Option<usize>) -> &str;

    /// The loop at callback `k` (clamped to the history), its lists cut after `limit` items:
    /// what a page draws of a 10,000-task loop.
    fn inside_at_limited(&self, k: usize, limit: usize) -> LoopInside;

    /// How many callbacks the loop ran.
    fn len(&self) -> usize {
        self.marks().len()
    }

    fn is_empty(&self) -> bool {
        self.marks().is_empty()
    }

    /// Callback `k` (1-based).
    fn mark(&self, k: usize) -> Option<&Mark> {
        k.checked_sub(1).and_then(|i| self.marks().get(i))
    }

    /// The events callback `k` caused.
    fn events_of(&self, k: usize) -> &[Event] {
        match self.mark(k) {
            Some(mark) => self.events().get(mark.events.clone()).unwrap_or(&[]),
            None => &[],
        }
    }

    /// Console lines printed up to callback `k`, its own included.
    fn lines_at(&self, k: usize) -> usize {
        self.mark(k).map_or(0, |m| m.lines)
    }

    /// The first callback of the iteration after the one of callback `k` (or the end).
    fn next_iteration(&self, k: usize) -> usize {
        let iteration = self.mark(k).map_or(0, |m| m.iteration);
        (k + 1..=self.len())
            .find(|&j| self.mark(j).is_some_and(|m| m.iteration > iteration))
            .unwrap_or(self.len())
    }

    /// The first callback of the iteration of callback `k`, or of the one before when `k`
    /// already starts its iteration.
    fn previous_iteration(&self, k: usize) -> usize {
        if k == 0 {
            return 0;
        }
        let start = |j: usize| {
            let iteration = self.mark(j).map_or(0, |m| m.iteration);
            (1..=j)
                .rev()
                .take_while(|&i| self.mark(i).is_some_and(|m| m.iteration == iteration))
                .last()
                .unwrap_or(j)
        };
        let first = start(k);
        if first < k {
            first
        } else {
            start(k - 1).min(k - 1)
        }
    }
}

/// How many engine snapshots a history keeps at most: reaching a callback replays at most the
/// callbacks between two of them.
const MAX_SNAPSHOTS: usize = 16;

/// What the snapshots may hold in all, in tasks, futures and scheduled callbacks (about 80 bytes
/// each): a 10,000-task run keeps all 16, a 100,000-task run only a few.
pub const SNAPSHOT_BUDGET: usize = 1_500_000;

/// The history of a scenario's run on the logical clock.
pub struct History {
    /// The coroutines' names, by lane.
    names: Vec<String>,
    marks: Vec<Mark>,
    trace: Trace,
    /// Engines poised before callback `n + 1`, every so many callbacks (the first at 0).
    snapshots: Vec<(usize, Engine)>,
}

impl History {
    /// Runs the scenario on the virtual clock, one callback at a time, recording each.
    pub fn record(scenario: &Scenario) -> History {
        let mut engine = Engine::new(scenario, Box::new(VirtualClock));
        let mut events: Vec<Event> = Vec::new();
        let mut marks: Vec<Mark> = Vec::new();
        let mut snapshots = Vec::new();
        let mut every = 1;
        let mut lines = 0;
        loop {
            if marks.len() % every == 0 {
                snapshots.push((marks.len(), engine.fork()));
                let weight = |kept: &[(usize, Engine)]| -> usize {
                    kept.iter().map(|(_, e)| e.weight()).sum()
                };
                while snapshots.len() > 2
                    && (snapshots.len() > MAX_SNAPSHOTS || weight(&snapshots) > SNAPSHOT_BUDGET)
                {
                    every *= 2;
                    snapshots.retain(|(n, _)| n % every == 0);
                }
            }
            let Some(callback) = engine.next_callback() else {
                break;
            };
            events.extend(engine.take_events());
            let start = events.len();
            engine.run_callback(callback);
            events.extend(engine.take_events());
            let mut printed = Vec::new();
            for event in &events[start..] {
                push_console_lines(&mut printed, event);
            }
            lines += printed.len();
            marks.push(Mark {
                iteration: engine.iterations(),
                time_ms: engine.logical_now(),
                events: start..events.len(),
                lines,
            });
        }
        events.extend(engine.take_events());
        History {
            names: scenario.tasks.iter().map(|c| c.name.clone()).collect(),
            marks,
            trace: Trace::from_events(events),
            snapshots,
        }
    }

    /// How many copies of the engine the history keeps.
    pub fn snapshots(&self) -> usize {
        self.snapshots.len()
    }

    /// What they hold in all (see [`SNAPSHOT_BUDGET`]).
    pub fn snapshot_weight(&self) -> usize {
        self.snapshots.iter().map(|(_, e)| e.weight()).sum()
    }

    /// The whole run's trace (the same as [`crate::engine::simulate`]'s).
    pub fn trace(&self) -> &Trace {
        &self.trace
    }

    /// The loop at callback `k` (clamped to the history), computed again from the nearest
    /// snapshot.
    pub fn inside_at(&self, k: usize) -> LoopInside {
        self.inside_at_limited(k, usize::MAX)
    }
}

impl Recorded for History {
    fn marks(&self) -> &[Mark] {
        &self.marks
    }

    fn events(&self) -> &[Event] {
        &self.trace.events
    }

    fn label(&self, lane: Option<usize>) -> &str {
        lane.and_then(|l| self.names.get(l))
            .map_or("main()", |name| name.as_str())
    }

    fn inside_at_limited(&self, k: usize, limit: usize) -> LoopInside {
        let k = k.min(self.len());
        let before = k.saturating_sub(1);
        // The first snapshot is the engine before any callback: one always comes before `k`.
        let Some((from, snapshot)) = self.snapshots.iter().rev().find(|(n, _)| *n <= before) else {
            return LoopInside::default();
        };
        let from = *from;
        let mut engine = snapshot.fork();
        replay(&mut engine, from, k, limit)
    }
}

/// From an engine poised before callback `from + 1`, the loop at callback `k`.
fn replay(engine: &mut Engine, from: usize, k: usize, limit: usize) -> LoopInside {
    if k == 0 {
        return engine.inside(0, None, limit);
    }
    for _ in from..k - 1 {
        match engine.next_callback() {
            Some(callback) => engine.run_callback(callback),
            None => return engine.inside(k, None, limit),
        }
    }
    let running: Option<Callback> = engine.next_callback();
    engine.inside(k, running, limit)
}

/// The loop at callback `k` of a fresh run (no snapshot): what [`History::inside_at`] must
/// always equal.
pub fn inside_of_fresh_run(scenario: &Scenario, k: usize) -> LoopInside {
    let mut engine = Engine::new(scenario, Box::new(VirtualClock));
    replay(&mut engine, 0, k, usize::MAX)
}
