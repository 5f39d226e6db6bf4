//! The engine on the browser's real event loop: sleeps are `gloo_timers` timeouts awaited
//! through `wasm-bindgen-futures`, blocks busy-wait on `performance.now()`, and every event
//! carries its measured time.
//!
//! Like CPython's loop, which waits in one `select()` for the nearest timer, the runtime keeps a
//! single browser timer armed for the engine's next deadline; the engine decides what wakes.

use futures::future::{AbortHandle, Abortable};
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen_futures::spawn_local;

use crate::engine::{Clock, Engine, Progress, Stats};
use crate::scenario::Scenario;
use crate::trace::{Event, Ms};

/// How many loop callbacks run before the runtime lets the browser paint.
const CALLBACK_BUDGET: u64 = 5_000;

/// `performance.now()`, in scenario milliseconds since the run started.
pub struct RealClock {
    performance: Option<web_sys::Performance>,
    origin: f64,
    time_scale: f64,
}

impl RealClock {
    pub fn start(time_scale: f64) -> RealClock {
        let performance = web_sys::window().and_then(|w| w.performance());
        let origin = performance.as_ref().map_or(0.0, |p| p.now());
        RealClock {
            performance,
            origin,
            time_scale,
        }
    }

    fn real_now(&self) -> f64 {
        self.performance.as_ref().map_or(self.origin, |p| p.now())
    }
}

impl Clock for RealClock {
    fn now(&self) -> Ms {
        (self.real_now() - self.origin) / self.time_scale
    }

    /// `time.sleep`: really freezes the page, as it freezes Python's event loop.
    fn block_until(&mut self, until: Ms) {
        while self.now() < until {
            std::hint::spin_loop();
        }
    }
}

/// What a run reports, in order, as it goes.
#[derive(Clone, Debug, PartialEq)]
pub enum RunUpdate {
    /// The loop took its first step at this `performance.now()`: time 0 of the run.
    Started {
        origin: f64,
    },
    Events(Vec<Event>),
    Finished(Stats),
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
    let (abort, registration) = AbortHandle::new_pair();
    let run = Abortable::new(drive(scenario.clone(), on_update), registration);
    spawn_local(async move {
        let _ = run.await;
    });
    RunHandle { abort }
}

/// Time 0 is the first poll, when `main()` really starts, not the moment the run was scheduled
/// (the page may still be rendering then).
async fn drive(scenario: Scenario, mut on_update: impl FnMut(RunUpdate)) {
    let time_scale = scenario.time_scale;
    let clock = RealClock::start(time_scale);
    on_update(RunUpdate::Started {
        origin: clock.origin,
    });
    let mut engine = Engine::new(&scenario, clock);
    drop(scenario);
    loop {
        let progress = engine.run(CALLBACK_BUDGET);
        let events = engine.take_events();
        if !events.is_empty() {
            on_update(RunUpdate::Events(events));
        }
        match progress {
            Progress::WaitUntil(deadline) => {
                let real_ms = (deadline - engine.clock().now()) * time_scale;
                TimeoutFuture::new(real_ms.max(0.0).ceil() as u32).await;
            }
            Progress::Yielded => TimeoutFuture::new(0).await,
            Progress::Finished => {
                on_update(RunUpdate::Finished(engine.stats()));
                return;
            }
        }
    }
}
