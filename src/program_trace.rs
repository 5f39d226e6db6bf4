//! A Python program's timeline: the interpreter's events ([`RunEvent`]) as the trace the page
//! draws, one lane per task in the order the program creates them, labelled with the task's
//! coroutine call (`square(1)`); what is not in a task (the module's top level) is lane `None`.
//!
//! Times are given by the caller: measured on the browser's clock in the page, the logical
//! clock in tests.

use std::collections::HashMap;
use std::rc::Rc;

use crate::py::vm::RunEvent;
use crate::pyvalue::PyValue;
use crate::trace::{Event, EventKind, Lane, Ms};

/// What a lane is suspended on, until its next step.
#[derive(Clone, Copy, Default, PartialEq)]
enum Suspended {
    #[default]
    No,
    /// A sleep due at this program time.
    Sleep(Ms),
    /// Anything else (a task, a future, a queue, a lock…).
    Other,
}

#[derive(Default)]
struct LaneState {
    started: bool,
    suspended: Suspended,
    nesting: usize,
}

/// How long (program ms) a step must have run when a slice of instructions ends for the code to
/// count as holding the loop. Steps that merely straddle a slice's end are far shorter.
pub const HOLD_MS: Ms = 20.0;

/// Turns the interpreter's events into lanes and trace events, as they come.
#[derive(Default)]
pub struct ProgramTracer {
    /// The task whose step runs now (`None` between steps or outside the loop), since when.
    current: Option<(usize, Ms)>,
    /// When the last event came.
    last_t: Ms,
    /// The lane holding the loop (code running on without awaiting), once announced.
    holding: Option<Lane>,
    /// Interpreter lane → the drawn lane.
    lanes: HashMap<u32, usize>,
    states: Vec<LaneState>,
    labels: Vec<Rc<str>>,
    /// Labels of the lanes created since the last `take`.
    new_lanes: Vec<Rc<str>>,
    events: Vec<Event>,
    /// Events emitted since the run began (taken or not).
    emitted: usize,
}

impl ProgramTracer {
    fn lane(&self, lane: Option<u32>) -> Lane {
        lane.and_then(|lane| self.lanes.get(&lane).copied())
    }

    fn emit(&mut self, t: Ms, lane: Lane, kind: EventKind) {
        self.events.push(Event { t, lane, kind });
        self.emitted += 1;
    }

    /// How many events the run's trace holds so far.
    pub fn emitted(&self) -> usize {
        self.emitted
    }

    /// `lane` runs again at `t`: what it was suspended on ends.
    fn resume(&mut self, t: Ms, lane: usize) {
        let state = &mut self.states[lane];
        let first = !std::mem::replace(&mut state.started, true);
        let suspended = std::mem::take(&mut state.suspended);
        if first {
            self.emit(t, Some(lane), EventKind::Started);
        }
        match suspended {
            Suspended::No => {}
            Suspended::Sleep(requested) => self.emit(t, Some(lane), EventKind::Woke { requested }),
            Suspended::Other => self.emit(t, Some(lane), EventKind::Resumed),
        }
    }

    /// A slice of instructions ended at `t` without the program awaiting: if the same step has
    /// run for [`HOLD_MS`] (or, outside any task, nothing happened for as long), it holds the loop.
    pub fn held(&mut self, t: Ms) {
        if self.holding.is_some() {
            return;
        }
        let (lane, since) = match self.current {
            Some((lane, since)) => (Some(lane), since),
            None => (None, self.last_t),
        };
        if t - since >= HOLD_MS {
            self.holding = Some(lane);
            self.emit(since, lane, EventKind::HoldStart);
        }
    }

    /// The code holding the loop gave it back at `t`.
    fn release(&mut self, t: Ms) {
        if let Some(lane) = self.holding.take() {
            self.emit(t, lane, EventKind::HoldEnd);
        }
    }

    /// An event of the interpreter at time `t` (program ms).
    pub fn event(&mut self, t: Ms, event: RunEvent) {
        self.last_t = t;
        let step_ends = matches!(
            event,
            RunEvent::Stepping { .. }
                | RunEvent::Waiting { .. }
                | RunEvent::Returned { .. }
                | RunEvent::Raised { .. }
                | RunEvent::Cancelled { .. }
        );
        if step_ends {
            self.release(t);
            self.current = None;
        }
        match event {
            RunEvent::LaneCreated { lane, label, .. } => {
                let index = self.states.len();
                self.lanes.insert(lane, index);
                self.states.push(LaneState::default());
                self.labels.push(label.clone());
                self.new_lanes.push(label);
                self.emit(t, Some(index), EventKind::Created);
            }
            RunEvent::Stepping { lane } => {
                if let Some(lane) = self.lane(Some(lane)) {
                    self.current = Some((lane, t));
                    self.resume(t, lane);
                }
            }
            RunEvent::Waiting {
                lane, on, until, ..
            } => {
                let Some(lane) = self.lane(Some(lane)) else {
                    return;
                };
                let (suspended, kind) = match until {
                    Some(until) if on.starts_with("sleep(") => {
                        let until = until * 1000.0;
                        (Suspended::Sleep(until), EventKind::Sleep { until })
                    }
                    _ => (Suspended::Other, EventKind::Await { on }),
                };
                self.states[lane].suspended = suspended;
                self.emit(t, Some(lane), kind);
            }
            RunEvent::AwaitEnter { lane, label } => {
                if let Some(lane) = self.lane(Some(lane)) {
                    self.states[lane].nesting += 1;
                    let depth = self.states[lane].nesting;
                    let name = label.strip_suffix("()").map_or(label.clone(), Rc::from);
                    self.emit(t, Some(lane), EventKind::AwaitEnter { name, depth });
                }
            }
            RunEvent::AwaitExit { lane, .. } => {
                if let Some(lane) = self.lane(Some(lane)) {
                    let state = &mut self.states[lane];
                    if state.nesting > 0 {
                        state.nesting -= 1;
                        let depth = state.nesting;
                        self.emit(t, Some(lane), EventKind::AwaitExit { depth });
                    }
                }
            }
            RunEvent::BlockStart { lane, seconds } => {
                let lane = self.lane(lane);
                let until = t + seconds * 1000.0;
                self.emit(t, lane, EventKind::BlockStart { until });
            }
            RunEvent::BlockEnd { lane } => {
                let lane = self.lane(lane);
                self.emit(t, lane, EventKind::BlockEnd);
            }
            RunEvent::Returned { lane, value } => {
                if let Some(lane) = self.lane(Some(lane)) {
                    self.emit(
                        t,
                        Some(lane),
                        EventKind::Returned(PyValue::Repr(value.to_string())),
                    );
                }
            }
            RunEvent::Raised { lane, error, .. } => {
                if let Some(lane) = self.lane(Some(lane)) {
                    self.emit(t, Some(lane), EventKind::Raised(error));
                }
            }
            RunEvent::Cancelled { lane } => {
                if let Some(lane) = self.lane(Some(lane)) {
                    self.states[lane].suspended = Suspended::No;
                    self.emit(t, Some(lane), EventKind::Cancelled);
                }
            }
            RunEvent::ResultTaken { .. }
            | RunEvent::Caught { .. }
            | RunEvent::Scheduled { .. }
            | RunEvent::Loop(_)
            | RunEvent::HandleCancelled { .. }
            | RunEvent::Callback { .. } => {}
        }
    }

    /// A line printed at `t` by what runs on interpreter lane `lane` (stdout lines are drawn).
    pub fn line(&mut self, t: Ms, lane: Option<u32>, stderr: bool, text: &str) {
        if !stderr {
            let lane = self.lane(lane);
            self.emit(t, lane, EventKind::Print(text.into()));
        }
    }

    /// The coroutine call of the task on interpreter lane `lane`.
    pub fn label(&self, lane: Option<u32>) -> Option<Rc<str>> {
        self.lane(lane)
            .and_then(|index| self.labels.get(index).cloned())
    }

    /// The lanes created and the events since the last call.
    pub fn take(&mut self) -> (Vec<Rc<str>>, Vec<Event>) {
        (
            std::mem::take(&mut self.new_lanes),
            std::mem::take(&mut self.events),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::py::run::{Interpreter, Recorder};
    use crate::timeline::{layout, MarkerKind, Phase};

    /// Runs `source` on the virtual clock; the lanes' labels and the trace.
    fn trace(source: &str) -> (Vec<Rc<str>>, Vec<Event>) {
        let recorder = Recorder {
            keep_events: true,
            ..Recorder::default()
        };
        let (events, lines) = (recorder.events.clone(), recorder.lines.clone());
        let mut interpreter =
            Interpreter::new(source, "main.py", Box::new(recorder)).expect("compiles");
        interpreter.run_to_end();
        let mut tracer = ProgramTracer::default();
        // Lines and events interleave by time; lines come after the events of their instant.
        for (now, event) in events.borrow_mut().drain(..) {
            tracer.event(now * 1000.0, event);
        }
        for line in lines.borrow().iter() {
            tracer.line(line.t * 1000.0, None, line.stderr, &line.text);
        }
        tracer.take()
    }

    #[test]
    fn code_that_runs_on_without_awaiting_holds_the_loop() {
        let created = |lane| RunEvent::LaneCreated {
            lane,
            label: "spin()".into(),
            name: "".into(),
        };
        let mut tracer = ProgramTracer::default();
        // Outside any task: a CPU loop before anything happened.
        tracer.held(25.0);
        tracer.event(40.0, created(7));
        tracer.event(40.0, RunEvent::Stepping { lane: 7 });
        // A step that merely straddles the end of a slice does not hold the loop.
        tracer.held(40.5);
        // One that ran on does, from its start until it awaits.
        tracer.held(70.0);
        tracer.held(90.0);
        let on: Rc<str> = "sleep(1)".into();
        tracer.event(
            100.0,
            RunEvent::Waiting {
                lane: 7,
                on,
                until: Some(1.1),
                line: None,
            },
        );
        let (_, events) = tracer.take();
        let holds: Vec<(Ms, Lane, &EventKind)> = events
            .iter()
            .filter(|e| matches!(e.kind, EventKind::HoldStart | EventKind::HoldEnd))
            .map(|e| (e.t, e.lane, &e.kind))
            .collect();
        assert_eq!(
            holds,
            [
                (0.0, None, &EventKind::HoldStart),
                (40.0, None, &EventKind::HoldEnd),
                (40.0, Some(0), &EventKind::HoldStart),
                (100.0, Some(0), &EventKind::HoldEnd),
            ]
        );
        let timeline = layout(&crate::trace::Trace::from_events(events), 1, 100.0);
        assert_eq!(timeline.held, [(0.0, 40.0), (40.0, 100.0)]);
        assert!(timeline.lanes[0]
            .bars
            .iter()
            .any(|b| b.phase == Phase::Busy && b.start == 40.0 && b.end == 100.0));
    }

    #[test]
    fn every_task_is_a_lane_named_by_its_call_and_sleeps_are_drawn() {
        let (labels, events) = trace(include_str!("../presets/seeds/square_gather.py"));
        let labels: Vec<&str> = labels.iter().map(|l| &**l).collect();
        assert_eq!(labels, ["square(1)", "square(2)", "square(3)"]);
        let timeline = layout(&crate::trace::Trace::from_events(events), 3, 1000.0);
        for lane in &timeline.lanes {
            let sleep = lane
                .bars
                .iter()
                .find(|b| b.phase == Phase::Sleeping)
                .expect("a sleep");
            assert_eq!(
                (sleep.start, sleep.end, sleep.requested_end),
                (0.0, 1000.0, Some(1000.0))
            );
            let returned = lane.markers.iter().find(|m| m.kind == MarkerKind::Returned);
            assert!(returned.is_some());
        }
        let values: Vec<_> = timeline
            .lanes
            .iter()
            .map(|l| {
                l.markers
                    .iter()
                    .find(|m| m.kind == MarkerKind::Returned)
                    .and_then(|m| m.text.clone())
            })
            .collect();
        assert_eq!(
            values,
            [Some("1".into()), Some("4".into()), Some("9".into())]
        );
    }

    #[test]
    fn waiting_on_a_task_a_queue_or_a_lock_says_on_what_and_blocks_freeze_the_loop() {
        let source = "import asyncio, time\n\
            async def child():\n    await asyncio.sleep(1)\n    return 5\n\
            async def consumer(q):\n    return await q.get()\n\
            async def main():\n    q = asyncio.Queue()\n    c = asyncio.create_task(consumer(q))\n    \
            t = asyncio.create_task(child())\n    print(await t)\n    time.sleep(0.5)\n    \
            q.put_nowait('x')\n    print(await c)\n    c2 = asyncio.create_task(child())\n    \
            await asyncio.sleep(0.1)\n    c2.cancel()\n    try:\n        await c2\n    \
            except asyncio.CancelledError:\n        print('cancelled')\n\
            asyncio.run(main())\n";
        let (labels, events) = trace(source);
        let labels: Vec<&str> = labels.iter().map(|l| &**l).collect();
        assert_eq!(
            labels,
            ["main()", "consumer(<Queue>)", "child()", "child()"]
        );
        let timeline = layout(&crate::trace::Trace::from_events(events), 4, f64::INFINITY);
        let awaits: Vec<String> = timeline.lanes[0]
            .bars
            .iter()
            .filter(|b| b.phase == Phase::Awaiting)
            .map(|b| {
                format!(
                    "{} {}..{}",
                    b.label.as_deref().unwrap_or(""),
                    b.start,
                    b.end
                )
            })
            .collect();
        assert_eq!(awaits[0], "child() 0..1000");
        assert!(
            timeline.lanes[1]
                .bars
                .iter()
                .any(|b| b.phase == Phase::Awaiting && b.end == 1500.0),
            "the consumer waits on the queue until the put: {:?}",
            timeline.lanes[1].bars
        );
        assert_eq!(timeline.frozen, [(1000.0, 1500.0)]);
        assert!(timeline.lanes[3]
            .markers
            .iter()
            .any(|m| m.kind == MarkerKind::Cancelled));
    }
}
