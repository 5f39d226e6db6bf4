//! Turns a trace into what the timeline draws: per lane, bars by phase and point markers.
//! Bars still open (a run in progress) end at `now`.

use std::rc::Rc;

use crate::trace::{Event, EventKind, Ms, Trace};

/// Lanes drawn one by one; past this the timeline stacks density rows instead.
pub const MAX_DRAWN_LANES: usize = 300;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Created, waiting for the loop to reach its first step.
    Waiting,
    /// Alive: started and not yet finished (the thin base of the lane).
    Alive,
    /// `await asyncio.sleep`: the loop is free to run others.
    Sleeping,
    /// `time.sleep`: the whole loop is frozen.
    Blocked,
    /// Inside a nested `await inner()`.
    Nested,
    /// Suspended on a task, a future, a queue, a lock… (its `label` says which).
    Awaiting,
    /// Running Python code without awaiting: the whole loop is held.
    Busy,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub phase: Phase,
    pub start: Ms,
    pub end: Ms,
    /// Nesting depth for `Nested`, 0 otherwise.
    pub depth: usize,
    /// For sleeps: the requested wake-up time (the bar's end is the actual one).
    pub requested_end: Option<Ms>,
    /// The nested coroutine's name for `Nested`, what it awaits for `Awaiting`.
    pub label: Option<Rc<str>>,
    /// Still going at `now`.
    pub open: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkerKind {
    Print,
    Returned,
    Raised,
    Cancelled,
    ResultToMain,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    pub kind: MarkerKind,
    pub t: Ms,
    pub text: Option<Rc<str>>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lane {
    pub bars: Vec<Bar>,
    pub markers: Vec<Marker>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timeline {
    /// One lane per task of the scenario, in order.
    pub lanes: Vec<Lane>,
    /// `main()`'s own prints and result arrivals.
    pub main: Lane,
    /// Spans where a block froze the whole loop, for drawing across every lane.
    pub frozen: Vec<(Ms, Ms)>,
    /// Spans where Python code ran without awaiting and held the loop (a program's).
    pub held: Vec<(Ms, Ms)>,
    /// The end of the drawn span: the total, or `now` while running.
    pub end: Ms,
}

/// Builds the timeline of `trace` for a scenario of `task_count` tasks, as it stands at `now`.
pub fn layout(trace: &Trace, task_count: usize, now: Ms) -> Timeline {
    let mut builder = Builder {
        timeline: Timeline {
            lanes: vec![Lane::default(); task_count],
            ..Timeline::default()
        },
        open: vec![OpenBars::default(); task_count],
        main_blocked: None,
        main_held: None,
    };
    for event in &trace.events {
        builder.add(event);
    }
    let end = trace.total().unwrap_or_else(|| now.max(trace.last_time()));
    builder.close_all(end);
    builder.timeline.end = end;
    builder.timeline
}

#[derive(Clone, Default)]
struct OpenBars {
    waiting: Option<Ms>,
    alive: Option<Ms>,
    sleeping: Option<(Ms, Ms)>,
    blocked: Option<Ms>,
    nested: Vec<(Ms, Rc<str>)>,
    awaiting: Option<(Ms, Rc<str>)>,
    busy: Option<Ms>,
}

struct Builder {
    timeline: Timeline,
    open: Vec<OpenBars>,
    /// A block outside any task (a Python program's top level).
    main_blocked: Option<Ms>,
    /// Code outside any task running without awaiting.
    main_held: Option<Ms>,
}

impl Builder {
    fn add(&mut self, event: &Event) {
        let t = event.t;
        let Some(index) = event.lane.filter(|&i| i < self.open.len()) else {
            match &event.kind {
                EventKind::Print(text) => self.timeline.main.markers.push(Marker {
                    kind: MarkerKind::Print,
                    t,
                    text: Some(text.clone()),
                }),
                EventKind::BlockStart { .. } if event.lane.is_none() => self.main_blocked = Some(t),
                EventKind::BlockEnd if event.lane.is_none() => {
                    if let Some(start) = self.main_blocked.take() {
                        self.timeline.frozen.push((start, t));
                    }
                }
                EventKind::HoldStart if event.lane.is_none() => self.main_held = Some(t),
                EventKind::HoldEnd if event.lane.is_none() => {
                    if let Some(start) = self.main_held.take() {
                        self.timeline.held.push((start, t));
                    }
                }
                _ => {}
            }
            return;
        };
        let open = &mut self.open[index];
        let lane = &mut self.timeline.lanes[index];
        let bar = |phase, start: Ms, end: Ms| Bar {
            phase,
            start,
            end,
            depth: 0,
            requested_end: None,
            label: None,
            open: false,
        };
        let marker = |kind, text: Option<Rc<str>>| Marker { kind, t, text };
        match &event.kind {
            EventKind::Created => open.waiting = Some(t),
            EventKind::Started => {
                if let Some(start) = open.waiting.take() {
                    if t > start {
                        lane.bars.push(bar(Phase::Waiting, start, t));
                    }
                }
                open.alive = Some(t);
            }
            EventKind::Print(text) => lane
                .markers
                .push(marker(MarkerKind::Print, Some(text.clone()))),
            EventKind::Sleep { until } => open.sleeping = Some((t, *until)),
            EventKind::Woke { .. } => {
                if let Some((start, requested)) = open.sleeping.take() {
                    lane.bars.push(Bar {
                        requested_end: Some(requested),
                        ..bar(Phase::Sleeping, start, t)
                    });
                }
            }
            EventKind::BlockStart { .. } => open.blocked = Some(t),
            EventKind::BlockEnd => {
                if let Some(start) = open.blocked.take() {
                    lane.bars.push(bar(Phase::Blocked, start, t));
                    self.timeline.frozen.push((start, t));
                }
            }
            EventKind::AwaitEnter { name, .. } => open.nested.push((t, name.clone())),
            EventKind::AwaitExit { depth } => {
                if let Some((start, name)) = open.nested.pop() {
                    lane.bars.push(Bar {
                        depth: *depth + 1,
                        label: Some(name),
                        ..bar(Phase::Nested, start, t)
                    });
                }
            }
            EventKind::Returned(value) => {
                lane.markers
                    .push(marker(MarkerKind::Returned, Some(value.repr().into())));
                Self::finish(open, lane, t, false);
            }
            EventKind::Raised(message) => {
                lane.markers
                    .push(marker(MarkerKind::Raised, Some(message.clone())));
                Self::finish(open, lane, t, false);
            }
            EventKind::Cancelled => {
                lane.markers.push(marker(MarkerKind::Cancelled, None));
                Self::finish(open, lane, t, false);
            }
            EventKind::ResultToMain => lane.markers.push(marker(MarkerKind::ResultToMain, None)),
            EventKind::Await { on } => open.awaiting = Some((t, on.clone())),
            EventKind::Resumed => {
                if let Some((start, on)) = open.awaiting.take() {
                    lane.bars.push(Bar {
                        label: Some(on),
                        ..bar(Phase::Awaiting, start, t)
                    });
                }
            }
            EventKind::HoldStart => open.busy = Some(t),
            EventKind::HoldEnd => {
                if let Some(start) = open.busy.take() {
                    lane.bars.push(bar(Phase::Busy, start, t));
                    self.timeline.held.push((start, t));
                }
            }
            EventKind::RunEnd | EventKind::CaughtInMain(_) => {}
        }
    }

    /// Closes every bar of a lane at `t`.
    fn finish(open: &mut OpenBars, lane: &mut Lane, t: Ms, still_open: bool) {
        let mut push =
            |phase, start: Ms, depth: usize, requested_end: Option<Ms>, label: Option<Rc<str>>| {
                lane.bars.push(Bar {
                    phase,
                    start,
                    end: t.max(start),
                    depth,
                    requested_end,
                    label,
                    open: still_open,
                })
            };
        if let Some(start) = open.waiting.take() {
            push(Phase::Waiting, start, 0, None, None);
        }
        if let Some((start, requested)) = open.sleeping.take() {
            push(Phase::Sleeping, start, 0, Some(requested), None);
        }
        if let Some(start) = open.blocked.take() {
            push(Phase::Blocked, start, 0, None, None);
        }
        if let Some((start, on)) = open.awaiting.take() {
            push(Phase::Awaiting, start, 0, None, Some(on));
        }
        if let Some(start) = open.busy.take() {
            push(Phase::Busy, start, 0, None, None);
        }
        while let Some((start, name)) = open.nested.pop() {
            let depth = open.nested.len() + 1;
            push(Phase::Nested, start, depth, None, Some(name));
        }
        if let Some(start) = open.alive.take() {
            push(Phase::Alive, start, 0, None, None);
        }
    }

    fn close_all(&mut self, end: Ms) {
        if let Some(start) = self.main_blocked.take() {
            self.timeline.frozen.push((start, end));
        }
        if let Some(start) = self.main_held.take() {
            self.timeline.held.push((start, end));
        }
        for open in &self.open {
            if let Some(start) = open.busy {
                self.timeline.held.push((start, end));
            }
        }
        for (open, lane) in self.open.iter_mut().zip(self.timeline.lanes.iter_mut()) {
            Self::finish(open, lane, end, true);
        }
    }
}

/// For thousands of tasks: per column of the time axis, how many tasks were sleeping, and how
/// many had finished by then. Read straight from the events, without laying out every lane.
#[derive(Clone, Debug, PartialEq)]
pub struct Density {
    pub sleeping: Vec<usize>,
    pub finished: Vec<usize>,
}

pub fn density(trace: &Trace, task_count: usize, now: Ms, span: Ms, columns: usize) -> Density {
    let columns = columns.max(1);
    let column =
        |t: Ms| (((t / span.max(1.0)) * columns as f64).max(0.0) as usize).min(columns - 1);
    let mut sleeping = vec![0usize; columns];
    let mut finished_at = vec![0usize; columns];
    let mut asleep_since: Vec<Option<Ms>> = vec![None; task_count];
    let add_sleep = |sleeping: &mut Vec<usize>, start: Ms, end: Ms| {
        for count in &mut sleeping[column(start)..=column(end)] {
            *count += 1;
        }
    };
    for event in &trace.events {
        let Some(lane) = event.lane.filter(|&l| l < task_count) else {
            continue;
        };
        match event.kind {
            EventKind::Sleep { .. } => asleep_since[lane] = Some(event.t),
            EventKind::Woke { .. } => {
                if let Some(start) = asleep_since[lane].take() {
                    add_sleep(&mut sleeping, start, event.t);
                }
            }
            EventKind::Returned(_) | EventKind::Raised(_) | EventKind::Cancelled => {
                if let Some(start) = asleep_since[lane].take() {
                    add_sleep(&mut sleeping, start, event.t);
                }
                finished_at[column(event.t)] += 1;
            }
            _ => {}
        }
    }
    for start in asleep_since.into_iter().flatten() {
        add_sleep(&mut sleeping, start, now.max(start));
    }
    let mut done = 0;
    let finished = finished_at
        .into_iter()
        .map(|n| {
            done += n;
            done
        })
        .collect();
    Density { sleeping, finished }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::simulate;
    use crate::presets;

    #[test]
    fn gather_draws_three_one_second_sleeps_side_by_side() {
        let scenario = presets::find("square_gather").expect("preset").scenario();
        let trace = simulate(&scenario);
        let timeline = layout(&trace, 3, 0.0);
        assert_eq!(timeline.end, 1000.0);
        for lane in &timeline.lanes {
            let sleeps: Vec<(Ms, Ms, Option<Ms>)> = lane
                .bars
                .iter()
                .filter(|b| b.phase == Phase::Sleeping)
                .map(|b| (b.start, b.end, b.requested_end))
                .collect();
            assert_eq!(sleeps, [(0.0, 1000.0, Some(1000.0))]);
            assert!(lane
                .bars
                .iter()
                .any(|b| b.phase == Phase::Alive && b.start == 0.0 && b.end == 1000.0));
            assert_eq!(
                lane.markers
                    .iter()
                    .filter(|m| m.kind == MarkerKind::Print)
                    .count(),
                2
            );
            assert!(lane
                .markers
                .iter()
                .any(|m| m.kind == MarkerKind::ResultToMain && m.t == 1000.0));
        }
        assert_eq!(
            timeline.main.markers.len(),
            1,
            "main prints the results once"
        );
    }

    #[test]
    fn blocking_freezes_every_lane_and_delays_the_next_start() {
        let scenario = presets::find("sum_async_blocking")
            .expect("preset")
            .scenario();
        let trace = simulate(&scenario);
        let timeline = layout(&trace, 2, 0.0);
        assert_eq!(
            timeline.frozen,
            [
                (0.0, 1000.0),
                (1000.0, 2000.0),
                (2000.0, 3000.0),
                (3000.0, 4000.0),
                (4000.0, 5000.0)
            ]
        );
        let waiting: Vec<&Bar> = timeline.lanes[1]
            .bars
            .iter()
            .filter(|b| b.phase == Phase::Waiting)
            .collect();
        assert_eq!(waiting.len(), 1);
        assert_eq!((waiting[0].start, waiting[0].end), (0.0, 2000.0));
    }

    #[test]
    fn density_counts_sleepers_and_finished_tasks_per_column() {
        let scenario = presets::find("say_after_gather")
            .expect("preset")
            .scenario();
        let trace = simulate(&scenario);
        // 2 s in 4 columns of 0.5 s: all three sleep at first, "world" alone in the second second.
        let d = density(&trace, 3, 2000.0, 2000.0, 4);
        assert_eq!(d.sleeping, [3, 3, 3, 1]);
        assert_eq!(d.finished, [0, 0, 2, 3]);
        let partial = Trace::from_events(
            trace
                .events
                .iter()
                .filter(|e| e.t < 1500.0)
                .cloned()
                .collect(),
        );
        let open = density(&partial, 3, 1500.0, 2000.0, 4);
        assert_eq!(
            (open.sleeping, open.finished),
            (vec![3, 3, 3, 1], vec![0, 0, 2, 2])
        );
    }

    #[test]
    fn a_run_in_progress_has_open_bars_up_to_now() {
        let scenario = presets::find("square_compute").expect("preset").scenario();
        let trace = simulate(&scenario);
        // Keep only what had happened by 500 ms: the sleeps inside compute_square are open.
        let partial = Trace::from_events(
            trace
                .events
                .iter()
                .filter(|e| e.t <= 500.0)
                .cloned()
                .collect(),
        );
        let timeline = layout(&partial, 3, 500.0);
        assert_eq!(timeline.end, 500.0);
        let nested: Vec<&Bar> = timeline.lanes[0]
            .bars
            .iter()
            .filter(|b| b.phase == Phase::Nested)
            .collect();
        assert_eq!(nested.len(), 1);
        assert!(nested[0].open && nested[0].end == 500.0 && nested[0].depth == 1);
        assert_eq!(nested[0].label.as_deref(), Some("compute_square(1)"));
    }
}
