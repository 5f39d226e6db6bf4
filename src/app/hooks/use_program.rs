//! Running the Python pane's program: the run as state, and a controller that owns the engine's
//! worker. A finished run leaves the worker loaded for the next one; Stop ends it at once (even
//! inside `while True: pass`) and a fresh one is loaded when needed.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use gloo_render::{request_animation_frame, AnimationFrame};
use yew::prelude::*;

use crate::app::platform::engine_worker::{EngineWorker, WorkerNews};
use crate::app::platform::performance_now;
use crate::app::state::program::{
    OutputLine, ProgramLog, ProgramRun, ProgramRunAction, ProgramRunUpdate,
};
use crate::runtime::ProgramUpdate;

/// How often (real ms) a running program's timeline is redrawn when nothing new came.
const TICK_MS: f64 = 100.0;

/// The lines a program will print, told before it runs ("Predict first").
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Preview {
    #[default]
    None,
    /// Asked of the engine for this program.
    Asked(Rc<str>),
    /// The program's stdout lines, on the virtual clock.
    Ready(Rc<str>, Rc<Vec<String>>),
    /// Why they cannot be told: `refused`, `too-long`, `too-many-lines`, or the engine's error.
    Failed(Rc<str>, String),
}

impl Preview {
    /// The program it is about, if any.
    pub fn source(&self) -> Option<&str> {
        match self {
            Preview::None => None,
            Preview::Asked(s) | Preview::Ready(s, _) | Preview::Failed(s, _) => Some(s),
        }
    }
}

/// The program's run and what can be done with it.
#[derive(Clone)]
pub struct ProgramHandle {
    pub state: UseReducerHandle<ProgramRun>,
    pub preview: UseStateHandle<Preview>,
    control: Rc<Control>,
}

impl PartialEq for ProgramHandle {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state && self.preview == other.preview
    }
}

impl ProgramHandle {
    /// Stops what runs, then runs `source`.
    pub fn run(&self, source: &str, time_scale: f64) {
        self.control.run(source, time_scale);
    }

    pub fn stop(&self) {
        self.control.stop();
    }

    /// Asks the engine for the lines `source` will print (the answer comes in `preview`).
    pub fn foretell(&self, source: &str) {
        self.control.foretell(source);
    }

    /// Loads the engine ahead of the first run (the Python pane was opened).
    pub fn warm_up(&self) {
        let _ = self.control.worker_ready();
    }
}

struct Control {
    dispatch: UseReducerDispatcher<ProgramRun>,
    runs_started: Cell<u64>,
    /// The run whose news the worker brings, while it runs.
    running: Cell<Option<u64>>,
    worker: RefCell<Option<EngineWorker>>,
    /// Which worker is the current one: news of an ended one is dropped.
    generation: Cell<u64>,
    ready: Cell<bool>,
    /// A program waiting for the worker to load.
    queued: RefCell<Option<(String, f64)>>,
    /// A preview waiting for the worker to load (the last one asked).
    queued_preview: RefCell<Option<Rc<str>>>,
    /// Previews sent, in order: the worker answers them in that order.
    asked_previews: RefCell<std::collections::VecDeque<Rc<str>>>,
    set_preview: UseStateSetter<Preview>,
    log: RefCell<Rc<ProgramLog>>,
    /// New lines or events since the last redraw.
    grew: Cell<bool>,
    drawn_at: Cell<f64>,
    redraw: RefCell<Option<AnimationFrame>>,
    /// Itself, for the worker's callbacks.
    me: RefCell<Weak<Control>>,
}

impl Control {
    fn new(
        dispatch: UseReducerDispatcher<ProgramRun>,
        set_preview: UseStateSetter<Preview>,
    ) -> Rc<Control> {
        let control = Rc::new(Control {
            dispatch,
            runs_started: Cell::new(0),
            running: Cell::new(None),
            worker: RefCell::default(),
            generation: Cell::new(0),
            ready: Cell::new(false),
            queued: RefCell::default(),
            queued_preview: RefCell::default(),
            asked_previews: RefCell::default(),
            set_preview,
            log: RefCell::default(),
            grew: Cell::new(false),
            drawn_at: Cell::new(0.0),
            redraw: RefCell::default(),
            me: RefCell::default(),
        });
        *control.me.borrow_mut() = Rc::downgrade(&control);
        control
    }

    fn send(&self, run: u64, action: ProgramRunAction) {
        self.dispatch.dispatch(ProgramRunUpdate { run, action });
    }

    /// Makes sure a worker is there (loading or loaded).
    fn worker_ready(&self) -> Result<(), String> {
        if self.worker.borrow().is_some() {
            return Ok(());
        }
        let generation = self.generation.get() + 1;
        self.generation.set(generation);
        self.ready.set(false);
        let weak = self.me.borrow().clone();
        let worker = EngineWorker::spawn(move |news| {
            if let Some(control) = weak.upgrade() {
                if control.generation.get() == generation {
                    control.hear(news);
                }
            }
        })?;
        *self.worker.borrow_mut() = Some(worker);
        Ok(())
    }

    fn run(&self, source: &str, time_scale: f64) {
        self.stop();
        let run = self.runs_started.get() + 1;
        self.runs_started.set(run);
        let log = Rc::new(ProgramLog::of(source));
        *self.log.borrow_mut() = log.clone();
        self.running.set(Some(run));
        self.send(
            run,
            ProgramRunAction::Start {
                run,
                log,
                time_scale,
            },
        );
        self.keep_drawing(run);
        if let Err(reason) = self.worker_ready() {
            self.fail(reason);
            return;
        }
        if self.ready.get() {
            self.post(source, time_scale);
        } else {
            *self.queued.borrow_mut() = Some((source.to_owned(), time_scale));
        }
    }

    fn foretell(&self, source: &str) {
        let source: Rc<str> = source.into();
        self.set_preview.set(Preview::Asked(source.clone()));
        if let Err(reason) = self.worker_ready() {
            self.set_preview.set(Preview::Failed(source, reason));
            return;
        }
        if self.ready.get() {
            self.post_preview(source);
        } else {
            *self.queued_preview.borrow_mut() = Some(source);
        }
    }

    fn post_preview(&self, source: Rc<str>) {
        let sent = match &*self.worker.borrow() {
            Some(worker) => worker.preview(&source),
            None => Err("the Python engine is not loaded".into()),
        };
        match sent {
            Ok(()) => self.asked_previews.borrow_mut().push_back(source),
            Err(reason) => self.set_preview.set(Preview::Failed(source, reason)),
        }
    }

    fn post(&self, source: &str, time_scale: f64) {
        let sent = match &*self.worker.borrow() {
            Some(worker) => worker.run(source, time_scale),
            None => Err("the Python engine is not loaded".into()),
        };
        if let Err(reason) = sent {
            self.fail(reason);
        }
    }

    fn hear(&self, news: WorkerNews) {
        match news {
            WorkerNews::Ready => {
                self.ready.set(true);
                let preview = self.queued_preview.borrow_mut().take();
                if let Some(source) = preview {
                    self.post_preview(source);
                }
                if let Some((source, time_scale)) = self.queued.borrow_mut().take() {
                    self.post(&source, time_scale);
                }
            }
            WorkerNews::Preview(answer) => {
                let answered = self.asked_previews.borrow_mut().pop_front();
                let Some(source) = answered else {
                    return;
                };
                // An answer for a version of the program edited since: a newer one is coming.
                let newer = !self.asked_previews.borrow().is_empty()
                    || self.queued_preview.borrow().is_some();
                if newer {
                    return;
                }
                self.set_preview.set(match answer {
                    Ok(lines) => Preview::Ready(source, Rc::new(lines)),
                    Err(why) => Preview::Failed(source, why),
                });
            }
            WorkerNews::Failed(reason) => self.fail(reason),
            WorkerNews::Update(update) => {
                let Some(run) = self.running.get() else {
                    return;
                };
                match update {
                    ProgramUpdate::Started => {
                        self.send(run, ProgramRunAction::Started(performance_now()))
                    }
                    ProgramUpdate::Trace { lanes, events } => {
                        self.log.borrow().extend(lanes, events);
                        self.grew.set(true);
                    }
                    ProgramUpdate::Journal(records) => self.log.borrow().extend_journal(records),
                    ProgramUpdate::Line {
                        t,
                        stderr,
                        text,
                        task,
                    } => {
                        self.log.borrow().push(OutputLine {
                            t,
                            stderr,
                            text: text.into(),
                            task: task.map(Rc::from),
                        });
                        self.grew.set(true);
                    }
                    ProgramUpdate::Finished { t, status } => {
                        self.running.set(None);
                        self.redraw.borrow_mut().take();
                        self.send(run, ProgramRunAction::Progressed);
                        self.send(run, ProgramRunAction::Finished { total: t, status });
                    }
                    ProgramUpdate::Refused(refusal) => {
                        self.running.set(None);
                        for line in refusal.report.lines() {
                            self.log.borrow().push(OutputLine {
                                t: 0.0,
                                stderr: true,
                                text: line.into(),
                                task: None,
                            });
                        }
                        self.send(run, ProgramRunAction::Refused(refusal));
                    }
                }
            }
        }
    }

    /// The engine is gone: the run (if any) ends with the reason, the next run loads a new one.
    fn fail(&self, reason: String) {
        self.worker.borrow_mut().take();
        self.queued.borrow_mut().take();
        if let Some(source) = self.pending_preview() {
            self.set_preview
                .set(Preview::Failed(source, reason.clone()));
        }
        if let Some(run) = self.running.take() {
            self.send(run, ProgramRunAction::EngineFailed(reason));
        }
    }

    /// While the run goes, redraws at most once a frame: when lines or events came, and
    /// every [`TICK_MS`] for the timeline's bars that grow with time.
    fn keep_drawing(&self, run: u64) {
        let weak = self.me.borrow().clone();
        let frame = request_animation_frame(move |_| {
            let Some(control) = weak.upgrade() else {
                return;
            };
            control.redraw.borrow_mut().take();
            if control.running.get() != Some(run) {
                return;
            }
            let now = performance_now();
            if control.grew.replace(false) || now - control.drawn_at.get() >= TICK_MS {
                control.drawn_at.set(now);
                control.send(run, ProgramRunAction::Progressed);
            }
            control.keep_drawing(run);
        });
        *self.redraw.borrow_mut() = Some(frame);
    }

    fn stop(&self) {
        self.queued.borrow_mut().take();
        if let Some(run) = self.running.take() {
            // Ends whatever it runs, at once; the next run loads a fresh worker.
            self.worker.borrow_mut().take();
            self.redraw.borrow_mut().take();
            self.send(run, ProgramRunAction::Progressed);
            self.send(run, ProgramRunAction::Stopped);
            // A preview the stopped worker had not answered is asked of a fresh one.
            if let Some(source) = self.pending_preview() {
                self.foretell(&source);
            }
        }
    }

    /// The last preview asked and not answered yet, forgetting the others.
    fn pending_preview(&self) -> Option<Rc<str>> {
        let asked = {
            let mut asked = self.asked_previews.borrow_mut();
            let last = asked.pop_back();
            asked.clear();
            last
        };
        let queued = self.queued_preview.borrow_mut().take();
        queued.or(asked)
    }

    fn dispose(&self) {
        self.running.set(None);
        self.worker.borrow_mut().take();
        self.redraw.borrow_mut().take();
    }
}

/// The Python pane's run: one reducer for its state, one controller for the worker.
#[hook]
pub fn use_program() -> ProgramHandle {
    let state = use_reducer(ProgramRun::default);
    let preview = use_state(Preview::default);
    let dispatch = state.dispatcher();
    let set_preview = preview.setter();
    let control = (*use_memo((), move |_| Control::new(dispatch, set_preview))).clone();
    {
        let control = control.clone();
        use_effect_with((), move |_| move || control.dispose());
    }
    ProgramHandle {
        state,
        preview,
        control,
    }
}
