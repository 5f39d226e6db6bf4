//! The engine on the browser's real event loop: sleeps are `gloo_timers` timeouts awaited
//! through `wasm-bindgen-futures`, blocks busy-wait on `performance.now()`, and every event
//! carries its measured time.
//!
//! What is due is the engine's decision, on the loop's logical clock; the runtime only waits
//! until the real time of the engine's next deadline has come, so a timer the browser
//! delivers late changes the times measured, never the order of what runs.

use std::collections::BTreeSet;

use futures::future::{AbortHandle, Abortable};
use futures::stream::{FuturesUnordered, StreamExt};
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen_futures::spawn_local;

use crate::engine::{Clock, Engine, Progress};
use crate::scenario::Scenario;
use crate::trace::{Event, Ms};

/// How many loop callbacks run before the runtime lets the browser paint.
const CALLBACK_BUDGET: u64 = 5_000;

/// The longest browser timeout that fires when due. Chrome may hold a timeout of 32 ms or more
/// for its next aligned wake-up ("AlignWakeUps": a 125 Hz grid, up to 8 ms late); a shorter one
/// fires on time.
const PRECISE_TIMEOUT_MS: f64 = 31.0;
/// How far before its target a long wait's first timeout ends: far enough for an aligned
/// wake-up's delay, near enough for the second timeout to be a precise one.
const APPROACH_MS: f64 = 24.0;

/// Waits until `performance.now()` reaches `target`: a long wait ends with a short timeout,
/// which the browser does not align, so the wake-up is within a millisecond of the target.
async fn wake_at(clock: RealClock, target: f64) {
    loop {
        let whole_ms = (target - clock.real_now()).ceil();
        if whole_ms <= 0.0 {
            return;
        }
        if whole_ms <= PRECISE_TIMEOUT_MS {
            TimeoutFuture::new(whole_ms as u32).await;
            return;
        }
        TimeoutFuture::new((whole_ms - APPROACH_MS) as u32).await;
    }
}

/// `performance.now()`, in scenario milliseconds since the run started.
#[derive(Clone)]
pub struct RealClock {
    performance: Option<web_sys::Performance>,
    /// Shared by the clock's copies, so that a restart moves them all.
    origin: std::rc::Rc<std::cell::Cell<f64>>,
    time_scale: f64,
}

impl RealClock {
    pub fn start(time_scale: f64) -> RealClock {
        let performance = global_performance();
        let origin = performance.as_ref().map_or(0.0, |p| p.now());
        RealClock {
            performance,
            origin: std::rc::Rc::new(std::cell::Cell::new(origin)),
            time_scale,
        }
    }

    fn real_now(&self) -> f64 {
        self.performance
            .as_ref()
            .map_or(self.origin.get(), |p| p.now())
    }

    /// Time 0 is now (a program's time 0 comes after its compilation).
    fn restart(&self) {
        self.origin.set(self.real_now());
    }

    /// `performance.now()` at which scenario time `t` falls on an ideal machine.
    fn real_time_of(&self, t: Ms) -> f64 {
        self.origin.get() + t * self.time_scale
    }
}

impl Clock for RealClock {
    /// Every event carries its measured time, whatever the loop's logical clock says.
    fn stamp(&self, _logical: Ms) -> Ms {
        (self.real_now() - self.origin.get()) / self.time_scale
    }

    /// `time.sleep`: really freezes the page, as it freezes Python's event loop.
    fn block(&mut self, duration: Ms) {
        let end = self.real_now() + duration * self.time_scale;
        while self.real_now() < end {
            std::hint::spin_loop();
        }
    }
}

/// `performance` of the page or of the worker this runs in.
fn global_performance() -> Option<web_sys::Performance> {
    use wasm_bindgen::JsCast;
    js_sys::Reflect::get(&js_sys::global(), &"performance".into())
        .ok()?
        .dyn_into::<web_sys::Performance>()
        .ok()
}

/// What a run reports, in order, as it goes.
#[derive(Clone, Debug, PartialEq)]
pub enum RunUpdate {
    /// The loop took its first step at this `performance.now()`: time 0 of the run.
    Started {
        origin: f64,
    },
    Events(Vec<Event>),
    /// The loop waits until this `performance.now()`: its next timer is due then. Until then
    /// the main thread is free; a page that draws in that gap keeps the timer on time.
    WaitingUntil(f64),
    Finished,
}

/// A running scenario. Dropping it (or calling `stop`) stops the run: its pending timer is
/// cleared and no update of it arrives afterwards.
pub struct RunHandle {
    abort: AbortHandle,
}

impl RunHandle {
    pub fn stop(&self) {
        self.abort.abort();
    }
}

impl Drop for RunHandle {
    fn drop(&mut self) {
        self.abort.abort();
    }
}

/// Starts `scenario` on the real event loop; `on_update` receives its events as they happen.
pub fn start(scenario: &Scenario, on_update: impl FnMut(RunUpdate) + 'static) -> RunHandle {
    spawn_run(drive(scenario.clone(), on_update))
}

/// Runs `run` on the browser's event loop until it ends or its handle is dropped.
fn spawn_run(run: impl std::future::Future<Output = ()> + 'static) -> RunHandle {
    let (abort, registration) = AbortHandle::new_pair();
    let run = Abortable::new(run, registration);
    spawn_local(async move {
        let _ = run.await;
    });
    RunHandle { abort }
}

impl RealClock {
    /// The real millisecond (on `performance.now()`'s axis, rounded up) in which a scenario time
    /// falls. Browser timers count whole milliseconds: sleeps due within the same one share a
    /// timeout, aimed at the first of them armed (a later one of the same millisecond not yet
    /// due when it fires is waited for again).
    fn real_millisecond(&self, t: Ms) -> i64 {
        self.real_time_of(t).ceil() as i64
    }
}

/// Time 0 is the first poll, when `main()` really starts, not the moment the run was scheduled
/// (the page may still be rendering then).
///
/// Each sleep's deadline gets a browser timeout, armed when the sleep starts, as a plain
/// `setTimeout` per sleep would be (a single timer re-armed from inside timer callbacks would be
/// clamped to 4 ms by the browser's nesting rule); sleeps due in the same real millisecond share
/// one. Once the real time of the engine's next deadline has come, the engine goes on: it moves
/// its logical clock there and runs whatever is due, exactly as on a virtual clock.
async fn drive(scenario: Scenario, mut on_update: impl FnMut(RunUpdate)) {
    let clock = RealClock::start(scenario.time_scale);
    on_update(RunUpdate::Started {
        origin: clock.origin.get(),
    });
    let mut engine = Engine::new(&scenario, Box::new(clock.clone()));
    drop(scenario);
    let mut armed: BTreeSet<i64> = BTreeSet::new();
    let mut timeouts = FuturesUnordered::new();
    let arm = |deadline: Ms,
               clock: &RealClock,
               armed: &mut BTreeSet<i64>,
               timeouts: &mut FuturesUnordered<_>| {
        let key = clock.real_millisecond(deadline);
        if armed.insert(key) {
            let wake = wake_at(clock.clone(), clock.real_time_of(deadline));
            timeouts.push(async move {
                wake.await;
                key
            });
        }
    };
    loop {
        let progress = engine.run(CALLBACK_BUDGET);
        let events = engine.take_events();
        if !events.is_empty() {
            on_update(RunUpdate::Events(events));
        }
        for deadline in engine.take_new_deadlines() {
            arm(deadline, &clock, &mut armed, &mut timeouts);
        }
        match progress {
            Progress::WaitUntil(deadline) => {
                let target = clock.real_time_of(deadline);
                on_update(RunUpdate::WaitingUntil(target));
                while clock.real_now() < target {
                    // A timeout may fire a hair early for the clock: arm one more then.
                    let key = clock.real_millisecond(deadline);
                    if armed.range(..=key).next().is_none() {
                        arm(deadline, &clock, &mut armed, &mut timeouts);
                    }
                    if let Some(key) = timeouts.next().await {
                        armed.remove(&key);
                    }
                }
            }
            Progress::Yielded => TimeoutFuture::new(0).await,
            Progress::Finished => {
                on_update(RunUpdate::Finished);
                return;
            }
        }
    }
}

/// What a Python program reports as it runs on the browser's event loop.
#[derive(Clone, Debug, PartialEq)]
pub enum ProgramUpdate {
    /// The program compiled and its clock started: its time 0.
    Started,
    /// Tasks created (their coroutine calls, in order) and what they did, for the timeline.
    Trace {
        lanes: Vec<String>,
        events: Vec<Event>,
    },
    /// A line of standard output or error, at its measured time (program ms since the start).
    Line {
        t: Ms,
        stderr: bool,
        text: String,
        /// The coroutine call of the task that printed it (`None` outside any task).
        task: Option<String>,
    },
    /// The program ended at `t` (program ms): status 0, or 1 after an uncaught exception.
    Finished { t: Ms, status: i32 },
    /// Refused before it ran (a syntax error, an unsupported module).
    Refused(Refusal),
    /// More of the loop's journal, for time travel once the program has ended.
    Journal(Vec<crate::program_history::Record>),
}

/// Why a program did not run, and where: what the editor marks and the console prints.
#[derive(Clone, Debug, PartialEq)]
pub struct Refusal {
    /// CPython's report (`File "main.py", line N`, the line, a caret, `SyntaxError: …`).
    pub report: String,
    pub line: u32,
    /// 1-based.
    pub col: u32,
    /// `SyntaxError: …`, `IndentationError: …`, `ImportError: …`.
    pub message: String,
}

impl Refusal {
    pub fn of(error: &crate::py::error::SyntaxError) -> Refusal {
        Refusal {
            report: error.report("main.py"),
            line: error.line,
            col: error.col,
            message: format!("{}: {}", error.kind, error.message),
        }
    }
}

/// How many bytecode instructions run between two chances for the browser to paint and to
/// hear Stop: a CPU-bound program holds the loop (no other task runs) but not the page.
const INSTRUCTION_SLICE: u64 = 200_000;

/// The interpreter's host on the real clock: lines are timed by `performance.now()`, and
/// `time.sleep` really holds the page, as it holds CPython's loop.
struct RealHost {
    clock: RealClock,
    lines: std::rc::Rc<std::cell::RefCell<Vec<ProgramUpdate>>>,
    tracer: std::rc::Rc<std::cell::RefCell<crate::program_trace::ProgramTracer>>,
    journal: std::rc::Rc<std::cell::RefCell<crate::program_history::LoopRecorder>>,
    /// Lines printed so far.
    printed: usize,
    epoch: f64,
}

impl crate::py::vm::Host for RealHost {
    fn line(&mut self, vm: &crate::py::vm::VmInfo, stderr: bool, text: &str) {
        let t = self.clock.stamp(0.0);
        let mut tracer = self.tracer.borrow_mut();
        tracer.line(t, vm.lane, stderr, text);
        self.printed += 1;
        self.lines.borrow_mut().push(ProgramUpdate::Line {
            t,
            stderr,
            text: text.to_owned(),
            task: tracer.label(vm.lane).map(|label| label.to_string()),
        });
    }

    fn block(&mut self, seconds: f64) {
        self.clock.block(seconds * 1000.0);
    }

    fn event(&mut self, _vm: &crate::py::vm::VmInfo, event: crate::py::vm::RunEvent) {
        let t = self.clock.stamp(0.0);
        let mut tracer = self.tracer.borrow_mut();
        self.journal
            .borrow_mut()
            .event(&event, tracer.emitted(), self.printed);
        tracer.event(t, event);
    }

    fn records_loop(&self) -> bool {
        true
    }

    fn epoch(&self) -> f64 {
        self.epoch
    }

    fn utc_offset(&self, epoch_seconds: f64) -> i64 {
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(epoch_seconds * 1000.0));
        -(date.get_timezone_offset() as i64) * 60
    }
}

/// Where a program runs, which says whether its CPU-bound stretches must give the thread back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pace {
    /// On the page's own thread: after every slice the browser paints and hears Stop.
    SharePage,
    /// In a worker of its own: slices only mark the loop as held; giving the thread back would
    /// cost a clamped `setTimeout` (4 ms) per slice, and Stop ends the worker anyway.
    OwnThread,
}

/// Starts a Python program on the real event loop: its sleeps are browser timers on the
/// program's logical clock (as for a scenario), its CPU-bound stretches run in slices.
/// Dropping the handle (or `stop`) ends it at once, even inside `while True: pass` on the
/// page's thread.
pub fn start_program(
    source: &str,
    time_scale: f64,
    pace: Pace,
    on_update: impl FnMut(ProgramUpdate) + 'static,
) -> RunHandle {
    spawn_run(drive_program(
        source.to_owned(),
        time_scale,
        pace,
        on_update,
    ))
}

async fn drive_program(
    source: String,
    time_scale: f64,
    pace: Pace,
    mut on_update: impl FnMut(ProgramUpdate),
) {
    crate::py::memory::reset();
    let clock = RealClock::start(time_scale);
    let lines = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let tracer = std::rc::Rc::default();
    let journal = std::rc::Rc::default();
    let host = RealHost {
        clock: clock.clone(),
        lines: lines.clone(),
        tracer: std::rc::Rc::clone(&tracer),
        journal: std::rc::Rc::clone(&journal),
        printed: 0,
        epoch: js_sys::Date::now() / 1000.0,
    };
    let mut interpreter = match crate::py::run::Interpreter::new(&source, "main.py", Box::new(host))
    {
        Ok(interpreter) => {
            clock.restart();
            on_update(ProgramUpdate::Started);
            interpreter
        }
        Err(error) => {
            on_update(ProgramUpdate::Refused(Refusal::of(&error)));
            return;
        }
    };
    drop(source);
    loop {
        let progress = interpreter.run(INSTRUCTION_SLICE);
        // The program's end is when the interpreter finished, before its last records go to
        // the page.
        let ended_at = clock.stamp(0.0);
        if progress == crate::py::vm::Progress::Yielded {
            tracer.borrow_mut().held(ended_at);
        }
        for update in lines.borrow_mut().drain(..) {
            on_update(update);
        }
        let (lanes, events) = tracer.borrow_mut().take();
        if !lanes.is_empty() || !events.is_empty() {
            on_update(ProgramUpdate::Trace {
                lanes: lanes.iter().map(|label| label.to_string()).collect(),
                events,
            });
        }
        let records = journal.borrow_mut().take();
        if !records.is_empty() {
            on_update(ProgramUpdate::Journal(records));
        }
        match progress {
            crate::py::vm::Progress::WaitUntil(t) => {
                let target = clock.real_time_of(t * 1000.0);
                while clock.real_now() < target {
                    wake_at(clock.clone(), target).await;
                }
                interpreter.advance_to(t);
            }
            crate::py::vm::Progress::Yielded if pace == Pace::SharePage => {
                TimeoutFuture::new(0).await
            }
            crate::py::vm::Progress::Yielded => {}
            crate::py::vm::Progress::Finished(status) => {
                on_update(ProgramUpdate::Finished {
                    t: ended_at,
                    status,
                });
                return;
            }
        }
    }
}
