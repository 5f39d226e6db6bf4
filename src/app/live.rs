//! The run being watched: the runtime appends to it as events happen, and the page redraws
//! from it at most once per animation frame (so thousands of events cost one render a frame).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_render::{request_animation_frame, AnimationFrame};
use wasm_bindgen::JsCast;

use crate::engine::simulate;
use crate::runtime::{self, RunHandle, RunUpdate};
use crate::scenario::Scenario;
use crate::timeline::{layout, Timeline};
use crate::trace::{push_console_lines, ConsoleLine, Ms, Trace};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunStatus {
    Idle,
    Running,
    Done,
    Cancelled,
}

impl RunStatus {
    /// The `data-state` of the `run-state` hook.
    pub fn as_str(self) -> &'static str {
        match self {
            RunStatus::Idle => "idle",
            RunStatus::Running => "running",
            RunStatus::Done => "done",
            RunStatus::Cancelled => "cancelled",
        }
    }
}

/// Everything one run produced, measured and ideal.
pub struct LiveRun {
    /// Bumped by every run, so that nothing of an older run is ever shown as the current one.
    pub id: u64,
    pub status: RunStatus,
    pub scenario: Option<Scenario>,
    pub trace: Trace,
    pub lines: Vec<ConsoleLine>,
    pub ideal: Trace,
    /// The ideal trace laid out once per run.
    ideal_layout: Rc<Timeline>,
    /// `performance.now()` when the run started, for the moving "now" cursor.
    pub started_at: f64,
    /// When the page last drew the run, and the time axis' end it drew.
    pub drawn_at: f64,
    pub drawn_span: Cell<Ms>,
    /// How long building the timeline took the last time (real ms): big runs redraw less often.
    pub draw_cost: Cell<f64>,
    /// Spans (scenario ms) during which the tab was hidden: browsers throttle timers there.
    pub hidden: Vec<(Ms, Option<Ms>)>,
    /// The cursor's running animation (the compositor moves it between redraws).
    cursor_animation: Option<wasm_bindgen::JsValue>,
}

impl Default for LiveRun {
    fn default() -> Self {
        LiveRun {
            id: 0,
            status: RunStatus::Idle,
            scenario: None,
            trace: Trace::default(),
            lines: Vec::new(),
            ideal: Trace::default(),
            ideal_layout: Rc::default(),
            started_at: 0.0,
            drawn_at: 0.0,
            drawn_span: Cell::new(0.0),
            draw_cost: Cell::new(0.0),
            hidden: Vec::new(),
            cursor_animation: None,
        }
    }
}

impl LiveRun {
    fn prepared(id: u64, scenario: &Scenario) -> LiveRun {
        let ideal = simulate(scenario).0;
        let ideal_layout = Rc::new(layout(&ideal, scenario.tasks.len(), f64::INFINITY));
        LiveRun {
            id,
            scenario: Some(scenario.clone()),
            ideal,
            ideal_layout,
            ..LiveRun::default()
        }
    }

    pub fn ideal_timeline(&self) -> Rc<Timeline> {
        self.ideal_layout.clone()
    }

    pub fn total(&self) -> Option<Ms> {
        self.trace.total()
    }

    /// Scenario milliseconds since the run started, as the cursor shows it.
    pub fn now(&self) -> Ms {
        let Some(scenario) = &self.scenario else {
            return 0.0;
        };
        if let Some(total) = self.total() {
            return total;
        }
        (performance_now() - self.started_at) / scenario.time_scale
    }
}

/// How often at most the page redraws a running run's timeline (the cursor moves every frame);
/// a timeline that takes long to build is redrawn less often, so drawing stays under ~1/8 of
/// the main thread and the run's timers are not kept waiting.
const REDRAW_INTERVAL_MS: f64 = 50.0;

/// The element id of a run's "now" cursor (each strategy's runner counts its runs apart).
pub fn cursor_id(live: &LiveRun) -> String {
    let strategy = live
        .scenario
        .as_ref()
        .map_or("none", |s| s.strategy.as_str());
    format!("now-cursor-{strategy}-{}", live.id)
}

/// Sets the main timeline's cursor gliding from "now" to the end of the axis over the time
/// left, as a Web Animations transform: the compositor moves it, with no work for the main
/// thread (and no inline style, which the page's CSP forbids) until the next redraw re-aims it.
fn move_cursor(live: &mut LiveRun, running: bool) {
    if let Some(animation) = live.cursor_animation.take() {
        let _ = call_method(&animation, "cancel", &js_sys::Array::new());
    }
    let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&cursor_id(live)))
    else {
        return;
    };
    let span = live.drawn_span.get();
    let Some(scale) = live.scenario.as_ref().map(|s| s.time_scale) else {
        return;
    };
    let Some(width) = element
        .parent_element()
        .map(|p| f64::from(p.client_width()))
    else {
        return;
    };
    if !running || span <= 0.0 {
        let _ = element.set_attribute("class", "now-cursor");
        return;
    }
    let now = live.now().min(span);
    let at = |fraction: f64| {
        let frame = js_sys::Object::new();
        let x = width * crate::app::views::plot_fraction(fraction);
        let _ = js_sys::Reflect::set(
            &frame,
            &"transform".into(),
            &format!("translateX({x:.1}px)").into(),
        );
        frame
    };
    let keyframes = js_sys::Array::of2(&at(now / span), &at(1.0));
    let options = js_sys::Object::new();
    for (key, value) in [
        (
            "duration",
            wasm_bindgen::JsValue::from(((span - now) * scale).max(1.0)),
        ),
        ("easing", "linear".into()),
        ("fill", "forwards".into()),
    ] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value);
    }
    let _ = element.set_attribute("class", "now-cursor shown");
    live.cursor_animation = call_method(
        &element,
        "animate",
        &js_sys::Array::of2(&keyframes, &options),
    )
    .ok();
}

/// `target.name(...arguments)` for a method web-sys only offers behind its unstable flag
/// (`Element.animate`, `Animation.cancel`: standard, in every current browser).
fn call_method(
    target: &wasm_bindgen::JsValue,
    name: &str,
    arguments: &js_sys::Array,
) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue> {
    let method: js_sys::Function = js_sys::Reflect::get(target, &name.into())?.dyn_into()?;
    method.apply(target, arguments)
}

pub fn performance_now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Owns the live run, its runtime handle and the frame loop that redraws while it runs.
#[derive(Clone)]
pub struct Runner {
    pub live: Rc<RefCell<LiveRun>>,
    handle: Rc<RefCell<Option<RunHandle>>>,
    frame: Rc<RefCell<Option<AnimationFrame>>>,
    redraw: Rc<dyn Fn()>,
    visibility: Rc<RefCell<Option<gloo_events::EventListener>>>,
}

impl PartialEq for Runner {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.live, &other.live)
    }
}

impl Runner {
    pub fn new(redraw: Rc<dyn Fn()>) -> Runner {
        let live: Rc<RefCell<LiveRun>> = Rc::default();
        let visibility = web_sys::window()
            .and_then(|w| w.document())
            .map(|document| {
                let live = live.clone();
                let hidden_now = document.clone();
                gloo_events::EventListener::new(&document, "visibilitychange", move |_| {
                    let mut live = live.borrow_mut();
                    if live.status != RunStatus::Running {
                        return;
                    }
                    let now = live.now();
                    if hidden_now.hidden() {
                        live.hidden.push((now, None));
                    } else if let Some(span) = live.hidden.last_mut().filter(|s| s.1.is_none()) {
                        span.1 = Some(now);
                    }
                })
            });
        Runner {
            live,
            handle: Rc::default(),
            frame: Rc::default(),
            redraw,
            visibility: Rc::new(RefCell::new(visibility)),
        }
    }

    /// Stops whatever runs, then runs `scenario` on the real event loop.
    pub fn start(&self, scenario: &Scenario) {
        self.start_then(scenario, None);
    }

    /// Shows `scenario` as waiting for its turn (Compare runs blocking scenarios one by one).
    pub fn queue(&self, scenario: &Scenario) {
        self.stop();
        let mut live = self.live.borrow_mut();
        *live = LiveRun::prepared(live.id + 1, scenario);
    }

    /// Like `start`, and calls `then` once the run has finished (not when it is stopped).
    pub fn start_then(&self, scenario: &Scenario, then: Option<Box<dyn FnOnce()>>) {
        self.stop();
        let id = {
            let mut live = self.live.borrow_mut();
            let id = live.id + 1;
            *live = LiveRun {
                status: RunStatus::Running,
                started_at: performance_now(),
                ..LiveRun::prepared(id, scenario)
            };
            id
        };
        let live = self.live.clone();
        let mut then = then;
        let handle = runtime::start(scenario, move |update| {
            let finished = matches!(update, RunUpdate::Finished(_));
            let mut live = live.borrow_mut();
            if live.id != id {
                return;
            }
            match update {
                RunUpdate::Started { origin } => live.started_at = origin,
                RunUpdate::Events(events) => {
                    for event in &events {
                        push_console_lines(&mut live.lines, event);
                    }
                    live.trace.extend(events);
                }
                RunUpdate::Finished(_) => {
                    live.status = RunStatus::Done;
                    if let Some(scenario) = &live.scenario {
                        crate::app::storage::save_last_good(scenario);
                    }
                }
            }
            drop(live);
            if finished {
                if let Some(then) = then.take() {
                    then();
                }
            }
        });
        *self.handle.borrow_mut() = Some(handle);
        self.animate();
        (self.redraw)();
    }

    /// Stops the run: its timer is dropped and nothing of it arrives afterwards.
    pub fn stop(&self) {
        if let Some(handle) = self.handle.borrow_mut().take() {
            handle.stop();
        }
        let mut live = self.live.borrow_mut();
        if live.status == RunStatus::Running {
            live.status = RunStatus::Cancelled;
        }
        drop(live);
        (self.redraw)();
    }

    pub fn status(&self) -> RunStatus {
        self.live.borrow().status
    }

    /// While the run goes: redraws the page every `REDRAW_INTERVAL_MS` (less often when drawing
    /// is slow), so that drawing never keeps the
    /// run's timers waiting long, and sets the "now" cursor gliding on the compositor between
    /// redraws; redraws once more when the run ends.
    fn animate(&self) {
        let this = self.clone();
        let frame = request_animation_frame(move |_| {
            let now = performance_now();
            let running = this.status() == RunStatus::Running;
            let redraw = {
                let mut live = this.live.borrow_mut();
                let interval = REDRAW_INTERVAL_MS.max(8.0 * live.draw_cost.get());
                let never_drawn = live.drawn_at == 0.0;
                // Open bars grow up to "now" between events too, so redraw on the interval
                // even when nothing arrived (memoized lanes make that redraw cheap).
                let due = !running || never_drawn || now - live.drawn_at >= interval;
                if due {
                    live.drawn_at = now;
                }
                // Re-aim the cursor at each redraw, and keep looking for it until it is on the
                // page (only the page's main timeline has one).
                if due || live.cursor_animation.is_none() {
                    move_cursor(&mut live, running);
                }
                due
            };
            if redraw {
                (this.redraw)();
            }
            if running {
                this.animate();
            } else {
                this.frame.borrow_mut().take();
            }
        });
        *self.frame.borrow_mut() = Some(frame);
    }

    /// Drops the run, the frame loop and the listener (when the page goes away).
    pub fn dispose(&self) {
        self.handle.borrow_mut().take();
        self.frame.borrow_mut().take();
        self.visibility.borrow_mut().take();
    }
}
