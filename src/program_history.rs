//! Time travel through a Python program's run. The program cannot be run again in the page (the
//! interpreter lives in a worker, and a second run could differ: `random`, the wall clock), so
//! the worker logs, as the run goes, every change to what the loop holds — a callback made, a
//! handle joining or leaving the ready queue or the timer heap, a task stepping, waiting or
//! ending — and the page rebuilds the loop at any callback from that journal: from the nearest
//! snapshot of the rebuilt state, applying the records up to that callback.
//!
//! Callback `k` (1-based) is shown as it starts, as for a scenario ([`crate::time_travel`]).

use std::collections::{HashMap, VecDeque};
use std::ops::Range;
use std::rc::Rc;

use crate::event_loop::LoopChange;
use crate::py::vm::RunEvent;
use crate::time_travel::{
    Awaiting, CallbackView, LoopInside, Mark, Recorded, TaskState, TaskView, TimerView,
};
use crate::trace::{Event, Ms};

/// What a scheduled callback does. `L` names a task: the interpreter's lane number where the
/// run happens, the timeline's lane in the journal.
#[derive(Clone, Debug, PartialEq)]
pub enum CallbackWhat<L> {
    /// `Task.__step`: the task runs until its next `await` (its first step if it has not run).
    Step(L),
    /// `Task.__wakeup`: the future the task awaited is done, the task resumes.
    Wakeup(L),
    /// A sleep's timer: it ends the sleep of the task that started it.
    SleepEnds(Option<L>),
    /// A done-callback of `gather`, `as_completed` or `wait` (`by`) for a finished task.
    ChildDone { by: Rc<str>, child: Option<L> },
    /// `run_until_complete`'s callback: the task (or the future named `name`) it ran is done,
    /// the loop stops.
    StopLoop { task: Option<L>, name: Rc<str> },
    /// Anything else, named as CPython's handle repr names it: `print('hi')`.
    Call(Rc<str>),
}

impl<L: Copy> CallbackWhat<L> {
    /// The same callback with its tasks renamed (a lane the map does not know becomes `None`
    /// where that is allowed, else the callback is named as a plain call).
    pub fn map<M>(&self, lane: impl Fn(L) -> Option<M>) -> CallbackWhat<M> {
        match self {
            CallbackWhat::Step(l) => lane(*l).map_or_else(
                || CallbackWhat::Call("Task.__step()".into()),
                CallbackWhat::Step,
            ),
            CallbackWhat::Wakeup(l) => lane(*l).map_or_else(
                || CallbackWhat::Call("Task.__wakeup()".into()),
                CallbackWhat::Wakeup,
            ),
            CallbackWhat::SleepEnds(l) => CallbackWhat::SleepEnds(l.and_then(&lane)),
            CallbackWhat::ChildDone { by, child } => CallbackWhat::ChildDone {
                by: by.clone(),
                child: child.and_then(&lane),
            },
            CallbackWhat::StopLoop { task, name } => CallbackWhat::StopLoop {
                task: task.and_then(&lane),
                name: name.clone(),
            },
            CallbackWhat::Call(text) => CallbackWhat::Call(text.clone()),
        }
    }
}

/// One entry of the journal. Lanes are the timeline's (0: the first task made, `main()`).
#[derive(Clone, Debug, PartialEq)]
pub enum Record {
    /// A callback starts: the loop took handle `handle` off the ready queue. `events` and
    /// `lines` count the trace events and console lines before it.
    Callback {
        handle: u32,
        iteration: u64,
        time_ms: Ms,
        events: usize,
        lines: usize,
    },
    /// A handle was made, before it joins the queue or the heap: what it will do.
    Handle {
        handle: u32,
        what: CallbackWhat<usize>,
    },
    Loop(LoopChange),
    /// `Handle.cancel()`: it stays where it is until the loop drops it, but will not run.
    Cancelled(u32),
    TaskCreated {
        lane: usize,
        label: Rc<str>,
    },
    TaskStepping(usize),
    /// The task's step ended suspended on what `on` names (`sleep(1)` until `until_ms`), its
    /// code at `line` of the program.
    TaskWaiting {
        lane: usize,
        on: Rc<str>,
        until_ms: Option<Ms>,
        line: Option<u32>,
    },
    TaskEnded {
        lane: usize,
        state: TaskState,
    },
}

/// Turns the interpreter's events into the journal, as the run goes.
#[derive(Default)]
pub struct LoopRecorder {
    /// Interpreter lane → timeline lane (in the order tasks are made, as the tracer numbers them).
    lanes: HashMap<u32, usize>,
    records: Vec<Record>,
    /// The iteration count of the loop that ran the last callback, and of the loops before.
    loop_iteration: u64,
    iterations_before: u64,
}

impl LoopRecorder {
    /// An event of the interpreter; `events` and `lines` count the trace events and console
    /// lines so far.
    pub fn event(&mut self, event: &RunEvent, events: usize, lines: usize) {
        let lane = |l: &u32| self.lanes.get(l).copied();
        let ended = |l: &u32, state| lane(l).map(|lane| Record::TaskEnded { lane, state });
        let record = match event {
            RunEvent::LaneCreated { lane: l, label, .. } => {
                let index = self.lanes.len();
                self.lanes.insert(*l, index);
                Record::TaskCreated {
                    lane: index,
                    label: label.clone(),
                }
            }
            RunEvent::Stepping { lane: l } => match lane(l) {
                Some(l) => Record::TaskStepping(l),
                None => return,
            },
            RunEvent::Waiting {
                lane: l,
                on,
                until,
                line,
            } => match lane(l) {
                Some(l) => Record::TaskWaiting {
                    lane: l,
                    on: on.clone(),
                    until_ms: until.map(|u| u * 1000.0),
                    line: *line,
                },
                None => return,
            },
            RunEvent::Returned { lane: l, .. } => match ended(l, TaskState::Done) {
                Some(record) => record,
                None => return,
            },
            RunEvent::Raised { lane: l, .. } => match ended(l, TaskState::Failed) {
                Some(record) => record,
                None => return,
            },
            RunEvent::Cancelled { lane: l } => match ended(l, TaskState::Cancelled) {
                Some(record) => record,
                None => return,
            },
            RunEvent::Scheduled { handle, what } => Record::Handle {
                handle: *handle,
                what: what.map(|l| self.lanes.get(&l).copied()),
            },
            RunEvent::Loop(change) => Record::Loop(*change),
            RunEvent::HandleCancelled { handle } => Record::Cancelled(*handle),
            RunEvent::Callback {
                handle,
                iteration,
                now,
            } => {
                // Each loop counts its own iterations: a second `asyncio.run` goes on from the
                // first's count.
                if *iteration < self.loop_iteration {
                    self.iterations_before += self.loop_iteration;
                }
                self.loop_iteration = *iteration;
                Record::Callback {
                    handle: *handle,
                    iteration: self.iterations_before + iteration,
                    time_ms: now * 1000.0,
                    events,
                    lines,
                }
            }
            _ => return,
        };
        self.records.push(record);
    }

    /// The records since the last call.
    pub fn take(&mut self) -> Vec<Record> {
        std::mem::take(&mut self.records)
    }
}

/// How many numbers a record takes on the wire.
pub const RECORD_WIDTH: usize = 6;

/// The journal as numbers ([`RECORD_WIDTH`] per record) and the texts they point to (by index):
/// what crosses from the worker to the page in one typed array.
pub fn encode(records: &[Record]) -> (Vec<f64>, Vec<Rc<str>>) {
    let mut numbers = Vec::with_capacity(records.len() * RECORD_WIDTH);
    let mut texts: Vec<Rc<str>> = Vec::new();
    let mut text = |t: &Rc<str>| {
        texts.push(t.clone());
        (texts.len() - 1) as f64
    };
    let lane = |l: Option<usize>| l.map_or(-1.0, |l| l as f64);
    for record in records {
        let row: [f64; RECORD_WIDTH] = match record {
            Record::Callback {
                handle,
                iteration,
                time_ms,
                events,
                lines,
            } => [
                0.0,
                f64::from(*handle),
                *iteration as f64,
                *time_ms,
                *events as f64,
                *lines as f64,
            ],
            Record::Handle { handle, what } => {
                let (code, who, said) = match what {
                    CallbackWhat::Step(l) => (0.0, lane(Some(*l)), -1.0),
                    CallbackWhat::Wakeup(l) => (1.0, lane(Some(*l)), -1.0),
                    CallbackWhat::SleepEnds(l) => (2.0, lane(*l), -1.0),
                    CallbackWhat::ChildDone { by, child } => (3.0, lane(*child), text(by)),
                    CallbackWhat::StopLoop { task, name } => (4.0, lane(*task), text(name)),
                    CallbackWhat::Call(t) => (5.0, -1.0, text(t)),
                };
                [1.0, f64::from(*handle), code, who, said, 0.0]
            }
            Record::Loop(LoopChange::ReadyPush(h)) => [2.0, f64::from(*h), 0.0, 0.0, 0.0, 0.0],
            Record::Loop(LoopChange::ReadyPop(h)) => [3.0, f64::from(*h), 0.0, 0.0, 0.0, 0.0],
            Record::Loop(LoopChange::TimerPush { id, when }) => {
                [4.0, f64::from(*id), *when, 0.0, 0.0, 0.0]
            }
            Record::Loop(LoopChange::TimerPop(h)) => [5.0, f64::from(*h), 0.0, 0.0, 0.0, 0.0],
            Record::Loop(LoopChange::Clear) => [6.0, 0.0, 0.0, 0.0, 0.0, 0.0],
            Record::Cancelled(h) => [7.0, f64::from(*h), 0.0, 0.0, 0.0, 0.0],
            Record::TaskCreated { lane, label } => [8.0, *lane as f64, text(label), 0.0, 0.0, 0.0],
            Record::TaskStepping(l) => [9.0, *l as f64, 0.0, 0.0, 0.0, 0.0],
            Record::TaskWaiting {
                lane,
                on,
                until_ms,
                line,
            } => [
                10.0,
                *lane as f64,
                text(on),
                until_ms.unwrap_or(f64::NAN),
                line.map_or(-1.0, f64::from),
                0.0,
            ],
            Record::TaskEnded { lane, state } => {
                let code = TaskState::ALL.iter().position(|s| s == state).unwrap_or(0);
                [11.0, *lane as f64, code as f64, 0.0, 0.0, 0.0]
            }
        };
        numbers.extend_from_slice(&row);
    }
    (numbers, texts)
}

/// The records [`encode`] wrote; a malformed row is skipped.
pub fn decode(numbers: &[f64], texts: &[Rc<str>]) -> Vec<Record> {
    let text = |i: f64| texts.get(i as usize).cloned();
    let lane = |l: f64| (l >= 0.0).then_some(l as usize);
    numbers
        .chunks_exact(RECORD_WIDTH)
        .filter_map(|row| {
            let handle = row[1] as u32;
            Some(match row[0] as u8 {
                0 => Record::Callback {
                    handle,
                    iteration: row[2] as u64,
                    time_ms: row[3],
                    events: row[4] as usize,
                    lines: row[5] as usize,
                },
                1 => Record::Handle {
                    handle,
                    what: match row[2] as u8 {
                        0 => CallbackWhat::Step(lane(row[3])?),
                        1 => CallbackWhat::Wakeup(lane(row[3])?),
                        2 => CallbackWhat::SleepEnds(lane(row[3])),
                        3 => CallbackWhat::ChildDone {
                            by: text(row[4])?,
                            child: lane(row[3]),
                        },
                        4 => CallbackWhat::StopLoop {
                            task: lane(row[3]),
                            name: text(row[4])?,
                        },
                        5 => CallbackWhat::Call(text(row[4])?),
                        _ => return None,
                    },
                },
                2 => Record::Loop(LoopChange::ReadyPush(handle)),
                3 => Record::Loop(LoopChange::ReadyPop(handle)),
                4 => Record::Loop(LoopChange::TimerPush {
                    id: handle,
                    when: row[2],
                }),
                5 => Record::Loop(LoopChange::TimerPop(handle)),
                6 => Record::Loop(LoopChange::Clear),
                7 => Record::Cancelled(handle),
                8 => Record::TaskCreated {
                    lane: row[1] as usize,
                    label: text(row[2])?,
                },
                9 => Record::TaskStepping(row[1] as usize),
                10 => Record::TaskWaiting {
                    lane: row[1] as usize,
                    on: text(row[2])?,
                    until_ms: (!row[3].is_nan()).then_some(row[3]),
                    line: (row[4] >= 0.0).then_some(row[4] as u32),
                },
                11 => Record::TaskEnded {
                    lane: row[1] as usize,
                    state: *TaskState::ALL.get(row[2] as usize)?,
                },
                _ => return None,
            })
        })
        .collect()
}

/// A task as the journal leaves it at an instant. `Running` means its step has begun and not
/// yet ended suspended (or it yielded bare, with nothing to name).
#[derive(Clone, Debug)]
struct TaskRecord {
    label: Rc<str>,
    state: TaskState,
    started: bool,
    awaiting: Option<Awaiting>,
    line: Option<u32>,
}

/// What the loop holds at an instant, rebuilt from the journal.
#[derive(Clone, Debug, Default)]
struct Rebuilt {
    /// Records applied so far.
    applied: usize,
    /// Callbacks begun so far.
    callbacks: usize,
    running: Option<u32>,
    ready: VecDeque<u32>,
    /// The pending timers (firing rank, handle, deadline in seconds), sorted: in firing order.
    /// (A sorted vector and a flag per handle keep the page's code small.)
    timers: Vec<(u32, u32, f64)>,
    /// By handle number: cancelled.
    cancelled: Vec<bool>,
    tasks: Vec<TaskRecord>,
}

impl Rebuilt {
    fn is_cancelled(&self, handle: u32) -> bool {
        self.cancelled
            .get(handle as usize)
            .copied()
            .unwrap_or(false)
    }

    /// The ready queue, cancelled handles left out (they will be skipped).
    fn live_ready(&self) -> Vec<u32> {
        let ready = self.ready.iter().copied();
        ready.filter(|h| !self.is_cancelled(*h)).collect()
    }

    /// The pending timers in firing order, cancelled ones left out.
    fn live_timers(&self) -> Vec<&(u32, u32, f64)> {
        let timers = self.timers.iter();
        timers.filter(|t| !self.is_cancelled(t.1)).collect()
    }
}

/// At most this many rebuilt states are kept: reaching a callback applies at most the records
/// between two of them.
const MAX_SNAPSHOTS: usize = 16;

/// A Python program's finished run, for the scrubber.
pub struct ProgramHistory {
    records: Vec<Record>,
    /// By handle number: what it does.
    whats: Vec<Option<CallbackWhat<usize>>>,
    /// By handle number: when its timer leaves the heap, among all timers (`u32::MAX`: never).
    /// Pending timers are listed in that order: the order they fire.
    ranks: Vec<u32>,
    /// By callback (0-based): the index of its `Callback` record.
    callbacks: Vec<usize>,
    marks: Vec<Mark>,
    events: Vec<Event>,
    labels: Vec<Rc<str>>,
    /// States poised right after a `Callback` record (the first: before any).
    snapshots: Vec<Rebuilt>,
}

impl std::fmt::Debug for ProgramHistory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ProgramHistory({} callbacks)", self.marks.len())
    }
}

impl ProgramHistory {
    /// The journal of a finished run, with its trace (events and lane labels) and the number
    /// of console lines it printed.
    pub fn new(
        records: Vec<Record>,
        events: Vec<Event>,
        labels: Vec<Rc<str>>,
        lines: usize,
    ) -> ProgramHistory {
        let mut whats: Vec<Option<CallbackWhat<usize>>> = Vec::new();
        let mut ranks: Vec<u32> = Vec::new();
        let mut callbacks = Vec::new();
        let mut pops = 0u32;
        for (i, record) in records.iter().enumerate() {
            match record {
                Record::Handle { handle, what } => {
                    let slot = *handle as usize;
                    if whats.len() <= slot {
                        whats.resize(slot + 1, None);
                    }
                    whats[slot] = Some(what.clone());
                }
                Record::Loop(LoopChange::TimerPop(handle)) => {
                    let slot = *handle as usize;
                    if ranks.len() <= slot {
                        ranks.resize(slot + 1, u32::MAX);
                    }
                    if ranks[slot] == u32::MAX {
                        ranks[slot] = pops;
                        pops += 1;
                    }
                }
                Record::Callback { .. } => callbacks.push(i),
                _ => {}
            }
        }
        let marks = marks_of(&records, &callbacks, events.len(), lines);
        let mut history = ProgramHistory {
            records,
            whats,
            ranks,
            callbacks,
            marks,
            events,
            labels,
            snapshots: Vec::new(),
        };
        history.snapshots = history.take_snapshots();
        history
    }

    /// The handles behind the view at callback `k`: the one running, the ready queue, and the
    /// timers (deadline, handle) in the order they fire, cancelled ones left out (what tests
    /// check against the VM's loop).
    pub fn handles_at(&self, k: usize) -> (Option<u32>, Vec<u32>, Vec<(f64, u32)>) {
        let state = self.rebuilt_at(k);
        (
            state.running.filter(|_| k > 0),
            state.live_ready(),
            state.live_timers().iter().map(|t| (t.2, t.1)).collect(),
        )
    }

    /// How many records the journal holds.
    pub fn records(&self) -> usize {
        self.records.len()
    }

    /// Callbacks between two snapshots.
    fn snapshot_every(&self) -> usize {
        self.callbacks.len().div_ceil(MAX_SNAPSHOTS).max(1)
    }

    fn rebuilt_at(&self, k: usize) -> Rebuilt {
        let k = k.min(self.callbacks.len());
        let from = (k / self.snapshot_every()).min(self.snapshots.len().saturating_sub(1));
        let mut state = match self.snapshots.get(from) {
            Some(snapshot) if snapshot.callbacks <= k => snapshot.clone(),
            _ => Rebuilt::default(),
        };
        self.apply_until(&mut state, k);
        state
    }

    fn take_snapshots(&self) -> Vec<Rebuilt> {
        let every = self.snapshot_every();
        let mut state = Rebuilt::default();
        let mut snapshots = vec![state.clone()];
        for k in (every..self.callbacks.len()).step_by(every) {
            self.apply_until(&mut state, k);
            snapshots.push(state.clone());
        }
        snapshots
    }

    /// Applies records until callback `k` has begun (for `k` = 0: up to the loop's taking its
    /// first callback).
    fn apply_until(&self, state: &mut Rebuilt, k: usize) {
        let end = match k {
            0 => {
                let first = self
                    .callbacks
                    .first()
                    .copied()
                    .unwrap_or(self.records.len());
                // The queue as it stands before the loop takes anything off it.
                let mut end = first;
                while end > 0
                    && matches!(self.records[end - 1], Record::Loop(LoopChange::ReadyPop(_)))
                {
                    end -= 1;
                }
                end
            }
            k => self
                .callbacks
                .get(k - 1)
                .map_or(self.records.len(), |&i| i + 1),
        };
        while state.applied < end {
            self.apply(state, state.applied);
            state.applied += 1;
        }
    }

    fn apply(&self, state: &mut Rebuilt, index: usize) {
        let rank = |handle: u32| self.ranks.get(handle as usize).copied().unwrap_or(u32::MAX);
        match &self.records[index] {
            Record::Callback { handle, .. } => {
                state.callbacks += 1;
                state.running = Some(*handle);
            }
            Record::Handle { .. } => {}
            Record::Loop(LoopChange::ReadyPush(handle)) => state.ready.push_back(*handle),
            Record::Loop(LoopChange::ReadyPop(handle)) => {
                if state.ready.front() == Some(handle) {
                    state.ready.pop_front();
                } else if let Some(at) = state.ready.iter().position(|h| h == handle) {
                    state.ready.remove(at);
                }
            }
            Record::Loop(LoopChange::TimerPush { id, when }) => {
                let key = (rank(*id), *id);
                let at = state.timers.partition_point(|t| (t.0, t.1) < key);
                state.timers.insert(at, (key.0, key.1, *when));
            }
            Record::Loop(LoopChange::TimerPop(id)) => {
                let key = (rank(*id), *id);
                let at = state.timers.partition_point(|t| (t.0, t.1) < key);
                if state.timers.get(at).is_some_and(|t| t.1 == *id) {
                    state.timers.remove(at);
                }
            }
            Record::Loop(LoopChange::Clear) => {
                state.ready.clear();
                state.timers.clear();
            }
            Record::Cancelled(handle) => {
                let slot = *handle as usize;
                if state.cancelled.len() <= slot {
                    state.cancelled.resize(slot + 1, false);
                }
                state.cancelled[slot] = true;
            }
            Record::TaskCreated { lane, label } => {
                if *lane == state.tasks.len() {
                    state.tasks.push(TaskRecord {
                        label: label.clone(),
                        state: TaskState::Pending,
                        started: false,
                        awaiting: None,
                        line: None,
                    });
                }
            }
            Record::TaskStepping(lane) => {
                if let Some(task) = state.tasks.get_mut(*lane) {
                    task.started = true;
                    task.state = TaskState::Running;
                    task.awaiting = None;
                }
            }
            Record::TaskWaiting {
                lane,
                on,
                until_ms,
                line,
            } => {
                if let Some(task) = state.tasks.get_mut(*lane) {
                    task.state = TaskState::Waiting;
                    task.awaiting = Some(match until_ms {
                        Some(until_ms) if on.starts_with("sleep(") => Awaiting::Sleep {
                            until_ms: *until_ms,
                        },
                        _ => Awaiting::Future(on.to_string()),
                    });
                    task.line = *line;
                }
            }
            Record::TaskEnded { lane, state: end } => {
                if let Some(task) = state.tasks.get_mut(*lane) {
                    task.state = *end;
                    task.awaiting = None;
                    task.line = None;
                }
            }
        }
    }

    fn what(&self, handle: u32) -> Option<&CallbackWhat<usize>> {
        self.whats.get(handle as usize).and_then(Option::as_ref)
    }

    fn lane_label(&self, lane: usize) -> String {
        self.labels
            .get(lane)
            .map_or_else(|| format!("task {}", lane + 1), |l| l.to_string())
    }

    fn view(&self, state: &Rebuilt, handle: u32) -> CallbackView {
        let started = |lane: usize| state.tasks.get(lane).is_some_and(|t| t.started);
        match self.what(handle) {
            Some(CallbackWhat::Step(lane)) => CallbackView::Step {
                task: self.lane_label(*lane),
                starts: !started(*lane),
            },
            Some(CallbackWhat::Wakeup(lane)) => CallbackView::Step {
                task: self.lane_label(*lane),
                starts: false,
            },
            Some(CallbackWhat::SleepEnds(Some(lane))) => CallbackView::Timer {
                task: self.lane_label(*lane),
            },
            Some(CallbackWhat::SleepEnds(None)) => CallbackView::Call {
                text: "_set_result_unless_cancelled()".to_owned(),
            },
            Some(CallbackWhat::ChildDone { by, child }) => {
                let child = child.map_or_else(|| "?".to_owned(), |c| self.lane_label(c));
                match &**by {
                    "gather" => CallbackView::GatherChildDone { child },
                    "as_completed" => CallbackView::AsCompletedChildDone { child },
                    _ => CallbackView::Call {
                        text: format!("{by} ← {child}"),
                    },
                }
            }
            Some(CallbackWhat::StopLoop { task, name }) => CallbackView::StopLoop {
                of: task.map_or_else(|| name.to_string(), |t| self.lane_label(t)),
            },
            Some(CallbackWhat::Call(text)) => CallbackView::Call {
                text: text.to_string(),
            },
            None => CallbackView::Call {
                text: format!("handle {handle}"),
            },
        }
    }

    /// The task a callback steps (`Task.__step` or `__wakeup`), if it is one.
    fn stepped(&self, handle: u32) -> Option<usize> {
        match self.what(handle) {
            Some(CallbackWhat::Step(lane) | CallbackWhat::Wakeup(lane)) => Some(*lane),
            _ => None,
        }
    }

    fn inside(&self, state: &Rebuilt, k: usize, limit: usize) -> LoopInside {
        let ready = state.live_ready();
        let mut queued = vec![false; state.tasks.len()];
        for lane in ready.iter().filter_map(|&h| self.stepped(h)) {
            if let Some(q) = queued.get_mut(lane) {
                *q = true;
            }
        }
        let running = if k == 0 { None } else { state.running };
        let running_task = running.and_then(|h| self.stepped(h));
        let timers = state.live_timers();
        let mut state_counts = [0; 7];
        let mut tasks = Vec::new();
        for (lane, task) in state.tasks.iter().enumerate() {
            let shown = match task.state {
                TaskState::Done | TaskState::Failed | TaskState::Cancelled => task.state,
                _ if running_task == Some(lane) => TaskState::Running,
                _ if !task.started => TaskState::Pending,
                _ if queued[lane] => TaskState::Ready,
                _ => TaskState::Waiting,
            };
            if let Some(at) = TaskState::ALL.iter().position(|s| *s == shown) {
                state_counts[at] += 1;
            }
            if tasks.len() < limit {
                tasks.push(TaskView {
                    label: task.label.to_string(),
                    state: shown,
                    awaiting: if shown == TaskState::Waiting {
                        task.awaiting.clone()
                    } else {
                        None
                    },
                    at: None,
                    line: match shown {
                        TaskState::Waiting | TaskState::Ready | TaskState::Running => task.line,
                        _ => None,
                    },
                });
            }
        }
        let mark = self.mark(k);
        LoopInside {
            callback: k,
            iteration: mark.map_or(0, |m| m.iteration),
            time_ms: mark.map_or(0.0, |m| m.time_ms),
            running: running.map(|h| self.view(state, h)),
            ready: ready
                .iter()
                .take(limit)
                .map(|&h| self.view(state, h))
                .collect(),
            ready_total: ready.len(),
            timers: timers
                .iter()
                .take(limit)
                .map(|t| TimerView {
                    deadline_ms: t.2 * 1000.0,
                    what: self.view(state, t.1),
                })
                .collect(),
            timers_total: timers.len(),
            tasks,
            state_counts,
            finished: false,
        }
    }
}

/// One mark per callback: its iteration and time, the trace events from its start to the next
/// callback's, and the lines printed once it has run.
fn marks_of(records: &[Record], callbacks: &[usize], events: usize, lines: usize) -> Vec<Mark> {
    let starts: Vec<(u64, Ms, usize, usize)> = callbacks
        .iter()
        .filter_map(|&i| match records[i] {
            Record::Callback {
                iteration,
                time_ms,
                events,
                lines,
                ..
            } => Some((iteration, time_ms, events, lines)),
            _ => None,
        })
        .collect();
    starts
        .iter()
        .enumerate()
        .map(|(i, &(iteration, time_ms, from, _))| {
            let (to, printed) = starts
                .get(i + 1)
                .map_or((events, lines), |&(_, _, e, l)| (e, l));
            Mark {
                iteration,
                time_ms,
                events: Range {
                    start: from.min(to),
                    end: to,
                },
                lines: printed,
            }
        })
        .collect()
}

impl Recorded for ProgramHistory {
    fn marks(&self) -> &[Mark] {
        &self.marks
    }

    fn events(&self) -> &[Event] {
        &self.events
    }

    fn label(&self, lane: Option<usize>) -> &str {
        lane.and_then(|l| self.labels.get(l))
            .map_or("<module>", |label| label)
    }

    fn inside_at_limited(&self, k: usize, limit: usize) -> LoopInside {
        let k = k.min(self.len());
        self.inside(&self.rebuilt_at(k), k, limit)
    }
}
