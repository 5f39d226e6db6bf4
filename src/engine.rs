//! The asyncio semantics of a scenario, as one interpreter that is driven either by real
//! browser timers (`crate::runtime`) or by a virtual clock ([`simulate`]).
//!
//! It is a small model of CPython's own event loop rather than an approximation of its output:
//! callbacks run in `_run_once` iterations ([`crate::event_loop`]), futures schedule their
//! done-callbacks with `call_soon`, and `Task.__step`, `asyncio.gather`'s `_done_callback`,
//! `as_completed`'s queue and `asyncio.run` (stopping the loop after the iteration in which
//! `main()` finished, then cancelling what is left) are modelled callback for callback. What is
//! due is decided on the loop's logical clock, never on how late a real timer fired, so the same
//! lines come out in the same order at every run, and at the times CPython's clock would show.

use std::collections::VecDeque;

mod inside;
use std::rc::Rc;

use crate::event_loop::{self, EventLoop, Next};
use crate::pyvalue::{list_repr, PyValue};
use crate::scenario::{Coroutine, Scenario, Step, Strategy};
use crate::trace::{Event, EventKind, Lane, Ms, Trace};

/// Where the engine reads the time it records, and how a blocking `time.sleep` holds the loop.
pub trait Clock {
    /// The time to record for an event, in scenario milliseconds since the run started, when
    /// the loop's logical clock reads `logical` (an ideal machine would record `logical`).
    fn stamp(&self, logical: Ms) -> Ms;
    /// Freezes the event loop for `duration` scenario milliseconds (a busy wait on a real
    /// clock, nothing on a virtual one).
    fn block(&mut self, duration: Ms);
}

/// Simulated time: instant, exact, and the ideal that measured runs are compared with.
#[derive(Debug, Default)]
pub struct VirtualClock;

impl Clock for VirtualClock {
    fn stamp(&self, logical: Ms) -> Ms {
        logical
    }

    fn block(&mut self, _duration: Ms) {}
}

/// What the engine needs next from whoever drives it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Progress {
    /// Nothing can run before this time of the loop's clock (scenario ms): wait until then,
    /// then call `run` again.
    WaitUntil(Ms),
    /// The callback budget ran out with work left: yield to the browser, then call `run` again.
    Yielded,
    /// `main()` returned and the leftover tasks were cancelled.
    Finished,
}

pub(crate) type FutureId = usize;
pub(crate) type TaskId = usize;

#[derive(Clone, Debug)]
pub(crate) enum Outcome {
    Value(PyValue),
    Error(Rc<str>),
    Cancelled,
}

/// What `call_soon` can schedule.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Callback {
    /// `Task.__step` (and `__wakeup`, which calls it).
    Step(TaskId),
    /// `futures._set_result_unless_cancelled`, the timer handle of `asyncio.sleep`.
    SleepTimer(FutureId),
    /// `asyncio.gather`'s `_done_callback` for one child.
    GatherChildDone(TaskId),
    /// `asyncio.as_completed`'s `_on_completion` for one child.
    AsCompletedChildDone(TaskId),
    /// `run_until_complete`'s callback on `main()`'s task.
    StopLoop,
}

impl event_loop::Handle for Callback {}

#[derive(Clone, Default)]
struct Future {
    outcome: Option<Outcome>,
    callbacks: Vec<Callback>,
}

#[derive(Clone)]
struct Frame {
    coroutine: Rc<Coroutine>,
    next_step: usize,
}

/// A coroutine being run: the task's own body and the nested coroutines it is awaiting.
#[derive(Clone)]
struct Runner {
    lane: usize,
    frames: Vec<Frame>,
    /// The requested wake-up time of the sleep it is suspended in.
    sleeping_until: Option<Ms>,
}

impl Runner {
    fn new(lane: usize, coroutine: Rc<Coroutine>) -> Runner {
        Runner {
            lane,
            frames: vec![Frame {
                coroutine,
                next_step: 0,
            }],
            sleeping_until: None,
        }
    }
}

/// Why a coroutine stopped running.
enum Suspension {
    Await(FutureId),
    /// `await asyncio.sleep(0)`: back of the ready queue.
    Yield,
    Return(PyValue),
    Raise(Rc<str>),
}

/// `main()`'s progress through its strategy.
#[derive(Clone, Default)]
struct Main {
    started: bool,
    children: Vec<TaskId>,
    results: Vec<PyValue>,
    next: usize,
    /// Sequential: the coroutine `await tK()` is running inside main's own task.
    inline: Option<Runner>,
}

#[derive(Clone)]
struct GatherState {
    outer: FutureId,
    finished: usize,
    failed: Option<TaskId>,
}

#[derive(Clone)]
enum Body {
    User(Runner),
    Main(Box<Main>),
    /// Taken out while the task runs.
    Running,
}

#[derive(Clone)]
struct Task {
    future: FutureId,
    lane: Lane,
    body: Body,
    started: bool,
}

/// One engine for both clocks (not generic over them): the ideal run the page computes first
/// has then already compiled, in the browser, every function the real run calls, so the first
/// timers of a run are not kept waiting by the browser compiling the module's code lazily.
pub struct Engine {
    clock: Box<dyn Clock>,
    strategy: Strategy,
    coroutines: Vec<Rc<Coroutine>>,
    futures: Vec<Future>,
    tasks: Vec<Task>,
    /// The ready queue, the timers and the logical clock. A large iteration (100,000 task
    /// steps) may be spread over several calls to `run`, so the page can paint in between.
    event_loop: EventLoop<Callback>,
    /// Deadlines (scenario ms) of the sleeps started since the last `take_new_deadlines`.
    new_deadlines: Vec<Ms>,
    events: Vec<Event>,
    /// `asyncio.gather`'s outer future and its bookkeeping.
    gather: Option<GatherState>,
    /// `asyncio.as_completed`'s queue of finished tasks, and the getter `main` waits on.
    done_queue: VecDeque<TaskId>,
    pending_getter: Option<FutureId>,
    finished: bool,
}

const MAIN: TaskId = 0;

impl Engine {
    /// Prepares `asyncio.run(main())`: main's task is the first thing the loop will run.
    pub fn new(scenario: &Scenario, clock: Box<dyn Clock>) -> Engine {
        let mut engine = Engine {
            clock,
            strategy: scenario.strategy,
            coroutines: scenario.tasks.clone(),
            futures: Vec::new(),
            tasks: Vec::new(),
            event_loop: EventLoop::new(),
            new_deadlines: Vec::new(),
            events: Vec::new(),
            gather: None,
            done_queue: VecDeque::new(),
            pending_getter: None,
            finished: false,
        };
        let main_future = engine.new_future();
        engine.futures[main_future]
            .callbacks
            .push(Callback::StopLoop);
        engine.tasks.push(Task {
            future: main_future,
            lane: None,
            body: Body::Main(Box::default()),
            started: false,
        });
        engine.event_loop.call_soon(Callback::Step(MAIN));
        engine
    }

    /// The loop's logical clock, in scenario milliseconds.
    pub fn logical_now(&self) -> Ms {
        self.event_loop.time() * 1000.0
    }

    /// The events recorded since the last call.
    pub fn take_events(&mut self) -> Vec<Event> {
        std::mem::take(&mut self.events)
    }

    /// The wake-up times of the sleeps started since the last call, for a driver that arms one
    /// real timer per deadline (the engine still decides which timer fires, and in what order).
    pub fn take_new_deadlines(&mut self) -> Vec<Ms> {
        std::mem::take(&mut self.new_deadlines)
    }

    /// Runs loop iterations until it must wait for a timer, has run `budget` callbacks, or ends.
    /// After `WaitUntil(t)` the caller waits until `t` (really, or not at all on a virtual
    /// clock) before calling `run` again: that call moves the logical clock to `t`.
    pub fn run(&mut self, budget: u64) -> Progress {
        let mut ran = 0;
        while !self.finished {
            if ran >= budget {
                return Progress::Yielded;
            }
            match self.event_loop.next_step() {
                Next::Run(callback) => {
                    self.run_callback(callback);
                    ran += 1;
                }
                Next::WaitUntil(t) => return Progress::WaitUntil(t * 1000.0),
                // `loop.stop()` took effect at the end of main's last iteration; nothing can
                // be idle before that but through a bug.
                Next::Stopped | Next::Idle => self.shutdown(),
            }
        }
        Progress::Finished
    }

    fn emit(&mut self, lane: Lane, kind: EventKind) {
        let t = self.clock.stamp(self.logical_now());
        self.events.push(Event { t, lane, kind });
    }

    fn new_future(&mut self) -> FutureId {
        self.futures.push(Future::default());
        self.futures.len() - 1
    }

    /// `Future.set_result` / `set_exception`: the callbacks go to the ready queue.
    fn complete(&mut self, future: FutureId, outcome: Outcome) {
        let slot = &mut self.futures[future];
        if slot.outcome.is_some() {
            return;
        }
        slot.outcome = Some(outcome);
        for callback in std::mem::take(&mut slot.callbacks) {
            self.event_loop.call_soon(callback);
        }
    }

    fn outcome(&self, future: FutureId) -> Option<&Outcome> {
        self.futures[future].outcome.as_ref()
    }

    pub(crate) fn run_callback(&mut self, callback: Callback) {
        match callback {
            Callback::Step(task) => self.step(task),
            Callback::SleepTimer(future) => self.complete(future, Outcome::Value(PyValue::None)),
            Callback::GatherChildDone(child) => self.gather_child_done(child),
            Callback::AsCompletedChildDone(child) => {
                self.done_queue.push_back(child);
                // `Queue.put_nowait` wakes the getter that `main` is waiting on, if any.
                if let Some(getter) = self.pending_getter.take() {
                    self.complete(getter, Outcome::Value(PyValue::None));
                }
            }
            Callback::StopLoop => self.event_loop.stop(),
        }
    }

    /// `asyncio.create_task(coroutine)`: the task's first step is scheduled right away.
    fn create_task(&mut self, lane: usize) -> TaskId {
        let future = self.new_future();
        self.tasks.push(Task {
            future,
            lane: Some(lane),
            body: Body::User(Runner::new(lane, self.coroutines[lane].clone())),
            started: false,
        });
        let id = self.tasks.len() - 1;
        self.event_loop.call_soon(Callback::Step(id));
        self.emit(Some(lane), EventKind::Created);
        id
    }

    fn step(&mut self, id: TaskId) {
        let future = self.tasks[id].future;
        if self.outcome(future).is_some() {
            return;
        }
        let body = std::mem::replace(&mut self.tasks[id].body, Body::Running);
        let body = match body {
            Body::User(mut runner) => {
                if !self.tasks[id].started {
                    self.tasks[id].started = true;
                    self.emit(Some(runner.lane), EventKind::Started);
                }
                let lane = Some(runner.lane);
                match self.run_coroutine(&mut runner) {
                    Suspension::Await(awaited) => {
                        self.futures[awaited].callbacks.push(Callback::Step(id))
                    }
                    Suspension::Yield => self.event_loop.call_soon(Callback::Step(id)),
                    Suspension::Return(value) => {
                        self.emit(lane, EventKind::Returned(value.clone()));
                        self.complete(future, Outcome::Value(value));
                    }
                    Suspension::Raise(message) => {
                        self.emit(lane, EventKind::Raised(message.clone()));
                        self.complete(future, Outcome::Error(message));
                    }
                }
                Body::User(runner)
            }
            Body::Main(mut main) => {
                self.tasks[id].started = true;
                match self.step_main(&mut main) {
                    Some(Suspension::Await(awaited)) => {
                        self.futures[awaited].callbacks.push(Callback::Step(id))
                    }
                    Some(Suspension::Yield) => self.event_loop.call_soon(Callback::Step(id)),
                    Some(Suspension::Return(_) | Suspension::Raise(_)) | None => {
                        self.complete(future, Outcome::Value(PyValue::None))
                    }
                }
                Body::Main(main)
            }
            Body::Running => Body::Running,
        };
        self.tasks[id].body = body;
    }

    /// Runs a coroutine's steps until it suspends, returns or raises.
    fn run_coroutine(&mut self, runner: &mut Runner) -> Suspension {
        let lane = Some(runner.lane);
        if let Some(requested) = runner.sleeping_until.take() {
            self.emit(lane, EventKind::Woke { requested });
        }
        loop {
            let Some(frame) = runner.frames.last_mut() else {
                return Suspension::Return(PyValue::None);
            };
            let coroutine = frame.coroutine.clone();
            let Some(step) = coroutine.steps.get(frame.next_step) else {
                runner.frames.pop();
                if runner.frames.is_empty() {
                    return Suspension::Return(coroutine.returns.clone());
                }
                self.emit(
                    lane,
                    EventKind::AwaitExit {
                        depth: runner.frames.len(),
                    },
                );
                continue;
            };
            frame.next_step += 1;
            match step {
                Step::Print(text) => self.emit(lane, EventKind::Print(text.clone())),
                Step::Sleep(seconds) => {
                    // `asyncio.sleep(0)` only yields; a positive delay waits on a timer due
                    // at `loop.time() + delay`, computed in seconds as CPython does.
                    if seconds.value <= 0.0 {
                        let until = self.logical_now();
                        runner.sleeping_until = Some(until);
                        self.emit(lane, EventKind::Sleep { until });
                        return Suspension::Yield;
                    }
                    let deadline = self.event_loop.time() + seconds.value;
                    let until = deadline * 1000.0;
                    runner.sleeping_until = Some(until);
                    self.emit(lane, EventKind::Sleep { until });
                    let future = self.new_future();
                    self.new_deadlines.push(until);
                    self.event_loop
                        .call_at(deadline, Callback::SleepTimer(future));
                    return Suspension::Await(future);
                }
                Step::Block(seconds) => {
                    let until = self.clock.stamp(self.logical_now()) + seconds.millis();
                    self.emit(lane, EventKind::BlockStart { until });
                    self.clock.block(seconds.millis());
                    self.event_loop.advance(seconds.value);
                    self.emit(lane, EventKind::BlockEnd);
                }
                Step::Await(inner) => {
                    let depth = runner.frames.len();
                    self.emit(
                        lane,
                        EventKind::AwaitEnter {
                            name: inner.name.as_str().into(),
                            depth,
                        },
                    );
                    runner.frames.push(Frame {
                        coroutine: inner.clone(),
                        next_step: 0,
                    });
                }
                Step::Raise(message) => return Suspension::Raise(message.clone()),
            }
        }
    }

    fn main_print(&mut self, text: String) {
        self.emit(None, EventKind::Print(text.into()));
    }

    /// `except Exception as error: print('Error:', error)` in `main()`.
    fn main_caught(&mut self, message: Rc<str>) {
        self.emit(None, EventKind::CaughtInMain(message.clone()));
        self.main_print(format!("Error: {message}"));
    }

    fn result_to_main(&mut self, child: TaskId) {
        let lane = self.tasks[child].lane;
        self.emit(lane, EventKind::ResultToMain);
    }

    /// Creates a task per coroutine, in list order, each with `on_done` added as its done
    /// callback (what `gather` and `as_completed` do with the tasks they wrap).
    fn start_children(&mut self, main: &mut Main, on_done: Option<fn(TaskId) -> Callback>) {
        main.started = true;
        main.children = (0..self.coroutines.len())
            .map(|lane| self.create_task(lane))
            .collect();
        if let Some(on_done) = on_done {
            for &child in &main.children {
                let future = self.tasks[child].future;
                self.futures[future].callbacks.push(on_done(child));
            }
        }
    }

    /// One step of `main()`; `None` when it has returned.
    fn step_main(&mut self, main: &mut Main) -> Option<Suspension> {
        match self.strategy {
            Strategy::Sequential => self.step_sequential(main),
            Strategy::Gather => self.step_gather(main),
            Strategy::AsCompleted => self.step_as_completed(main),
            Strategy::CreateTask => self.step_create_task(main),
        }
    }

    /// `results.append(await tK())` for each K: each coroutine runs inside main's own task.
    fn step_sequential(&mut self, main: &mut Main) -> Option<Suspension> {
        loop {
            if main.inline.is_none() {
                if main.next == self.coroutines.len() {
                    self.main_print(list_repr(&main.results));
                    return None;
                }
                let lane = main.next;
                self.emit(Some(lane), EventKind::Created);
                self.emit(Some(lane), EventKind::Started);
                main.inline = Some(Runner::new(lane, self.coroutines[lane].clone()));
            }
            let runner = main.inline.as_mut()?;
            let lane = Some(runner.lane);
            match self.run_coroutine(runner) {
                suspended @ (Suspension::Await(_) | Suspension::Yield) => return Some(suspended),
                Suspension::Return(value) => {
                    self.emit(lane, EventKind::Returned(value.clone()));
                    self.emit(lane, EventKind::ResultToMain);
                    main.results.push(value);
                    main.inline = None;
                    main.next += 1;
                }
                Suspension::Raise(message) => {
                    self.emit(lane, EventKind::Raised(message.clone()));
                    self.emit(lane, EventKind::ResultToMain);
                    self.main_caught(message);
                    return None;
                }
            }
        }
    }

    /// `results = await asyncio.gather(t0(), t1(), ...)`.
    fn step_gather(&mut self, main: &mut Main) -> Option<Suspension> {
        if !main.started {
            self.start_children(main, Some(Callback::GatherChildDone));
            let outer = self.new_future();
            self.gather = Some(GatherState {
                outer,
                finished: 0,
                failed: None,
            });
            return Some(Suspension::Await(outer));
        }
        let GatherState { outer, failed, .. } = self.gather.take()?;
        match self.outcome(outer).cloned() {
            Some(Outcome::Error(message)) => {
                if let Some(child) = failed {
                    self.result_to_main(child);
                }
                self.main_caught(message);
            }
            _ => {
                let mut results = Vec::with_capacity(main.children.len());
                for &child in &main.children {
                    self.result_to_main(child);
                    if let Some(Outcome::Value(value)) = self.outcome(self.tasks[child].future) {
                        results.push(value.clone());
                    }
                }
                self.main_print(list_repr(&results));
            }
        }
        None
    }

    fn gather_child_done(&mut self, child: TaskId) {
        let Some(gather) = self.gather.as_mut() else {
            return;
        };
        gather.finished += 1;
        let outer = gather.outer;
        let all_done = gather.finished == self.coroutines.len();
        if self.outcome(outer).is_some() {
            return;
        }
        match self.outcome(self.tasks[child].future).cloned() {
            Some(Outcome::Error(message)) => {
                if let Some(gather) = self.gather.as_mut() {
                    gather.failed = Some(child);
                }
                self.complete(outer, Outcome::Error(message));
            }
            Some(Outcome::Cancelled) => {
                self.complete(outer, Outcome::Error("CancelledError".into()))
            }
            _ if all_done => self.complete(outer, Outcome::Value(PyValue::None)),
            _ => {}
        }
    }

    /// `for next_done in asyncio.as_completed([...]): print('Result:', await next_done)`.
    fn step_as_completed(&mut self, main: &mut Main) -> Option<Suspension> {
        if !main.started {
            self.start_children(main, Some(Callback::AsCompletedChildDone));
        }
        loop {
            if main.next == main.children.len() {
                return None;
            }
            let Some(child) = self.done_queue.pop_front() else {
                // `await done.get()` on an empty queue waits on a getter future.
                let getter = self.new_future();
                self.pending_getter = Some(getter);
                return Some(Suspension::Await(getter));
            };
            main.next += 1;
            self.result_to_main(child);
            match self.outcome(self.tasks[child].future).cloned() {
                Some(Outcome::Value(value)) => self.main_print(format!("Result: {}", value.str())),
                Some(Outcome::Error(message)) => {
                    self.main_caught(message);
                    return None;
                }
                _ => return None,
            }
        }
    }

    /// `tasks = [asyncio.create_task(tK()) ...]; results = [await task for task in tasks]`.
    fn step_create_task(&mut self, main: &mut Main) -> Option<Suspension> {
        if !main.started {
            self.start_children(main, None);
        }
        loop {
            let Some(&child) = main.children.get(main.next) else {
                self.main_print(list_repr(&main.results));
                return None;
            };
            let future = self.tasks[child].future;
            match self.outcome(future).cloned() {
                // Awaiting a task that is already done returns at once, without a loop iteration.
                None => return Some(Suspension::Await(future)),
                Some(Outcome::Value(value)) => {
                    self.result_to_main(child);
                    main.results.push(value);
                    main.next += 1;
                }
                Some(Outcome::Error(message)) => {
                    self.result_to_main(child);
                    self.main_caught(message);
                    return None;
                }
                Some(Outcome::Cancelled) => return None,
            }
        }
    }

    /// What `asyncio.run` does once `main()` has returned: cancel every pending task.
    fn shutdown(&mut self) {
        for id in 1..self.tasks.len() {
            let future = self.tasks[id].future;
            if self.outcome(future).is_none() {
                self.futures[future].outcome = Some(Outcome::Cancelled);
                let lane = self.tasks[id].lane;
                self.emit(lane, EventKind::Cancelled);
            }
        }
        self.event_loop.clear();
        self.emit(None, EventKind::RunEnd);
        self.finished = true;
    }
}

/// Runs a scenario on the virtual clock: the ideal trace, instantly.
pub fn simulate(scenario: &Scenario) -> Trace {
    simulate_in_slices(scenario, u64::MAX)
}

/// The same, running at most `budget` callbacks per call to `run`, as the browser runtime does.
pub fn simulate_in_slices(scenario: &Scenario, budget: u64) -> Trace {
    let mut engine = Engine::new(scenario, Box::new(VirtualClock));
    while engine.run(budget) != Progress::Finished {}
    Trace::from_events(engine.take_events())
}
