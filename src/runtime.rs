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

/// `performance.now()`, in scenario milliseconds since the run started.
#[derive(Clone)]
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

    /// `performance.now()` at which scenario time `t` falls on an ideal machine.
    fn real_time_of(&self, t: Ms) -> f64 {
        self.origin + t * self.time_scale
    }
}

impl Clock for RealClock {
    /// Every event carries its measured time, whatever the loop's logical clock says.
    fn stamp(&self, _logical: Ms) -> Ms {
        (self.real_now() - self.origin) / self.time_scale
    }

    /// `time.sleep`: really freezes the page, as it freezes Python's event loop.
    fn block(&mut self, duration: Ms) {
        let end = self.real_now() + duration * self.time_scale;
        while self.real_now() < end {
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
    let (abort, registration) = AbortHandle::new_pair();
    let run = Abortable::new(drive(scenario.clone(), on_update), registration);
    spawn_local(async move {
        let _ = run.await;
    });
    RunHandle { abort }
}

impl RealClock {
    /// The real millisecond (on `performance.now()`'s axis, rounded up) in which a scenario time
    /// falls. Browser timers count whole milliseconds: sleeps due within the same one share a
    /// timeout, which is never early for any of them.
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
        origin: clock.origin,
    });
    let mut engine = Engine::new(&scenario, Box::new(clock.clone()));
    drop(scenario);
    let mut armed: BTreeSet<i64> = BTreeSet::new();
    let mut timeouts = FuturesUnordered::new();
    let arm = |key: i64,
               clock: &RealClock,
               armed: &mut BTreeSet<i64>,
               timeouts: &mut FuturesUnordered<_>| {
        if armed.insert(key) {
            let real_ms = (key as f64 - clock.real_now()).max(0.0).ceil() as u32;
            timeouts.push(async move {
                TimeoutFuture::new(real_ms).await;
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
            let key = clock.real_millisecond(deadline);
            arm(key, &clock, &mut armed, &mut timeouts);
        }
        match progress {
            Progress::WaitUntil(deadline) => {
                let target = clock.real_time_of(deadline);
                on_update(RunUpdate::WaitingUntil(target));
                while clock.real_now() < target {
                    // A timeout may fire a hair early for the clock: arm one more then.
                    let key = clock.real_millisecond(deadline);
                    if armed.range(..=key).next().is_none() {
                        arm(key, &clock, &mut armed, &mut timeouts);
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
