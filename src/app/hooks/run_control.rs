//! The runs' controller: it starts and stops runs on the real event loop, owns their handles
//! (dropping one cancels the run's timers) and decides when the page redraws them.
//!
//! A run's events go into its log as they happen; the page is redrawn from the log when the
//! redraw policy (`state::redraw`) says so, in a gap between the run's timers.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use gloo_events::EventListener;
use gloo_render::{request_animation_frame, AnimationFrame};
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::app::platform::performance_now;
use crate::app::platform::settle::{after_paint, AfterPaint, WhenSettled};
use crate::app::state::redraw;
use crate::app::state::runs::{RunAction, RunLog, Runs, RunsAction};
use crate::engine::simulate;
use crate::runtime::{self, RunHandle, RunUpdate};
use crate::scenario::{Scenario, Strategy};
use crate::timeline::MAX_DRAWN_LANES;

/// What a strategy's slot holds while it runs: the wait for the run's first frame, then the run
/// itself. Dropping it stops either.
enum Handle {
    Starting { _first_frame: AfterPaint },
    Running { _run: RunHandle },
}

/// One strategy's run as the controller sees it (the page sees its [`RunState`]).
///
/// [`RunState`]: crate::app::state::runs::RunState
#[derive(Default)]
struct Slot {
    run: Cell<u64>,
    handle: RefCell<Option<Handle>>,
    log: RefCell<Rc<RunLog>>,
    running: Cell<bool>,
    /// The log grew since the page last drew it.
    grew: Cell<bool>,
    /// `performance.now()` when the run's next timer is due.
    next_wake: Cell<f64>,
    started_at: Cell<f64>,
    /// Time 0 on `performance.now()`'s axis, until the page has been told.
    origin: Cell<Option<f64>>,
    time_scale: Cell<f64>,
    /// When (`performance.now()`) the run would end on an ideal machine.
    ideal_end: Cell<f64>,
}

/// The runs' controller: what starts, stops and redraws them.
pub(super) struct Control {
    dispatch: UseReducerDispatcher<Runs>,
    slots: [Slot; 4],
    runs_started: Cell<u64>,
    /// A run that starts on open, waiting for the page to settle.
    pub(super) on_open: RefCell<Option<WhenSettled>>,
    redraws: RefCell<Option<AnimationFrame>>,
    drawn_at: Cell<f64>,
    /// How long the last redraw kept the page's thread (real ms): Yew's render, then the
    /// browser's style, layout, paint and commit. Big runs are redrawn less often.
    draw_cost: Rc<Cell<f64>>,
    visibility: RefCell<Option<EventListener>>,
}

fn slot_index(strategy: Strategy) -> usize {
    Strategy::ALL
        .iter()
        .position(|s| *s == strategy)
        .unwrap_or(0)
}

impl Control {
    pub(super) fn new(dispatch: UseReducerDispatcher<Runs>) -> Rc<Control> {
        let control = Rc::new(Control {
            dispatch,
            slots: Default::default(),
            runs_started: Cell::new(0),
            on_open: RefCell::default(),
            redraws: RefCell::default(),
            drawn_at: Cell::new(0.0),
            draw_cost: Rc::default(),
            visibility: RefCell::default(),
        });
        control.watch_visibility();
        control
    }

    fn slot(&self, strategy: Strategy) -> &Slot {
        &self.slots[slot_index(strategy)]
    }

    fn send(&self, strategy: Strategy, run: u64, action: RunAction) {
        self.dispatch.dispatch(RunsAction {
            strategy,
            run,
            action,
        });
    }

    /// A new run of `scenario` on its strategy's slot: shown as running, or waiting its turn.
    pub(super) fn prepare(&self, scenario: &Rc<Scenario>, running: bool) -> u64 {
        let strategy = scenario.strategy;
        self.stop(strategy);
        let run = self.runs_started.get() + 1;
        self.runs_started.set(run);
        let slot = self.slot(strategy);
        let log = Rc::new(RunLog::default());
        let ideal = Rc::new(simulate(scenario));
        if self.draw_cost.get() == 0.0 {
            let tasks = scenario.tasks.len();
            let lanes = if tasks > MAX_DRAWN_LANES { 0 } else { tasks };
            self.draw_cost.set(redraw::estimated_cost(lanes));
        }
        slot.run.set(run);
        *slot.log.borrow_mut() = log.clone();
        slot.running.set(running);
        slot.grew.set(false);
        slot.next_wake.set(f64::INFINITY);
        slot.time_scale.set(scenario.time_scale);
        let at = performance_now();
        slot.started_at.set(at);
        slot.origin.set(None);
        slot.ideal_end
            .set(at + ideal.total().unwrap_or(0.0) * scenario.time_scale);
        self.send(
            strategy,
            run,
            RunAction::Prepare {
                run,
                scenario: scenario.clone(),
                ideal,
                log,
                running,
                at,
            },
        );
        run
    }

    /// Runs `scenario` on the real event loop; `then` is called when it finishes (not when it
    /// is stopped). The run's clock starts once the page has painted the run's first frame:
    /// building a new timeline is the biggest render of a run, and it must not fall on its
    /// first timers.
    pub(super) fn start(self: &Rc<Self>, scenario: &Rc<Scenario>, then: Option<Box<dyn FnOnce()>>) {
        let strategy = scenario.strategy;
        let run = self.prepare(scenario, true);
        let weak = Rc::downgrade(self);
        let scenario = scenario.clone();
        let starting = after_paint(move || {
            let Some(control) = weak.upgrade() else {
                return;
            };
            let handle = runtime::start(&scenario, control.on_update(strategy, run, then));
            *control.slot(strategy).handle.borrow_mut() = Some(Handle::Running { _run: handle });
        });
        *self.slot(strategy).handle.borrow_mut() = Some(Handle::Starting {
            _first_frame: starting,
        });
        self.keep_redrawing();
    }

    /// What the runtime's updates of run `run` do.
    fn on_update(
        self: &Rc<Self>,
        strategy: Strategy,
        run: u64,
        mut then: Option<Box<dyn FnOnce()>>,
    ) -> impl FnMut(RunUpdate) + 'static {
        let weak: Weak<Control> = Rc::downgrade(self);
        move |update| {
            let Some(control) = weak.upgrade() else {
                return;
            };
            let slot = control.slot(strategy);
            if slot.run.get() != run {
                return;
            }
            match update {
                // Told to the page with the next redraw: a render now would fall on the run's
                // first timers.
                RunUpdate::Started { origin } => {
                    let prepared_at = slot.started_at.replace(origin);
                    slot.ideal_end
                        .set(slot.ideal_end.get() - prepared_at + origin);
                    slot.origin.set(Some(origin));
                    slot.grew.set(true);
                }
                RunUpdate::WaitingUntil(when) => slot.next_wake.set(when),
                RunUpdate::Events(events) => {
                    slot.log.borrow().append(events);
                    slot.grew.set(true);
                }
                RunUpdate::Finished => {
                    slot.running.set(false);
                    slot.grew.set(false);
                    if let Some(origin) = slot.origin.take() {
                        control.send(strategy, run, RunAction::Started { origin });
                    }
                    control.send(strategy, run, RunAction::Finished);
                    if let Some(then) = then.take() {
                        then();
                    }
                }
            }
        }
    }

    fn stop(&self, strategy: Strategy) {
        let slot = self.slot(strategy);
        slot.handle.borrow_mut().take();
        if slot.running.replace(false) {
            self.send(strategy, slot.run.get(), RunAction::Stopped);
        }
    }

    pub(super) fn stop_all(&self) {
        self.on_open.borrow_mut().take();
        for strategy in Strategy::ALL {
            self.stop(strategy);
        }
    }

    pub(super) fn run_chain(self: &Rc<Self>, variants: Vec<Rc<Scenario>>, index: usize) {
        let Some(variant) = variants.get(index).cloned() else {
            return;
        };
        let weak = Rc::downgrade(self);
        let next: Box<dyn FnOnce()> = Box::new(move || {
            if let Some(control) = weak.upgrade() {
                control.run_chain(variants, index + 1);
            }
        });
        self.start(&variant, Some(next));
    }

    /// Redraws running runs whose log grew, in the animation frame loop, while any runs.
    fn keep_redrawing(self: &Rc<Self>) {
        if self.redraws.borrow().is_some() {
            return;
        }
        let weak = Rc::downgrade(self);
        let frame = request_animation_frame(move |_| {
            if let Some(control) = weak.upgrade() {
                control.redraws.borrow_mut().take();
                control.redraw_if_due();
                if control.slots.iter().any(|s| s.running.get()) {
                    control.keep_redrawing();
                }
            }
        });
        *self.redraws.borrow_mut() = Some(frame);
    }

    fn redraw_if_due(&self) {
        let now = performance_now();
        let running: Vec<redraw::Running> = self
            .slots
            .iter()
            .filter(|slot| slot.running.get())
            .map(|slot| redraw::Running {
                next_wake: slot.next_wake.get(),
                ideal_end: slot.ideal_end.get(),
            })
            .collect();
        if !redraw::due(now, self.drawn_at.get(), self.draw_cost.get(), &running) {
            return;
        }
        let mut drew = false;
        for strategy in Strategy::ALL {
            let slot = self.slot(strategy);
            if slot.grew.replace(false) {
                if let Some(origin) = slot.origin.take() {
                    self.send(strategy, slot.run.get(), RunAction::Started { origin });
                }
                self.send(strategy, slot.run.get(), RunAction::Progressed);
                drew = true;
            }
        }
        if drew {
            self.drawn_at.set(now);
            // Yew renders in a microtask queued by the dispatch, the browser then styles, lays
            // out, paints and commits the frame in the same task; a zero timeout runs after.
            let cost = self.draw_cost.clone();
            spawn_local(async move {
                TimeoutFuture::new(0).await;
                cost.set(performance_now() - now);
            });
        }
    }

    /// Notes when the tab is hidden and shown again: browsers slow timers down in hidden tabs.
    fn watch_visibility(self: &Rc<Self>) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let weak = Rc::downgrade(self);
        let hidden_now = document.clone();
        let listener = EventListener::new(&document, "visibilitychange", move |_| {
            let Some(control) = weak.upgrade() else {
                return;
            };
            for strategy in Strategy::ALL {
                let slot = control.slot(strategy);
                if !slot.running.get() {
                    continue;
                }
                let at = (performance_now() - slot.started_at.get()) / slot.time_scale.get();
                let action = if hidden_now.hidden() {
                    RunAction::Hidden(at)
                } else {
                    RunAction::Shown(at)
                };
                control.send(strategy, slot.run.get(), action);
            }
        });
        *self.visibility.borrow_mut() = Some(listener);
    }

    /// Drops every run, the redraw loop and the listener (the page goes away).
    pub(super) fn dispose(&self) {
        self.on_open.borrow_mut().take();
        for slot in &self.slots {
            slot.handle.borrow_mut().take();
            slot.running.set(false);
        }
        self.redraws.borrow_mut().take();
        self.visibility.borrow_mut().take();
    }
}
