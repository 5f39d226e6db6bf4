//! The runs the page shows, one per strategy (Run uses the selected strategy's, Compare all
//! four), each a value changed only through [`RunAction`]s.
//!
//! A run's events go into its [`RunLog`], which only grows and is shared by every version of the
//! run's state: the state itself stays a small value (status, version), so that a reducer step
//! never copies a trace of 100,000 events.

use std::rc::Rc;

use yew::Reducible;

use crate::scenario::{Scenario, Strategy};
use crate::timeline::{layout, Timeline};
use crate::trace::{Ms, Trace};

pub use super::run_log::RunLog;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RunStatus {
    /// Nothing ran yet, or the run waits for its turn (Compare, one after the other).
    #[default]
    Idle,
    Running,
    Done,
    Cancelled,
}

impl RunStatus {
    pub const ALL: [RunStatus; 4] = [
        RunStatus::Idle,
        RunStatus::Running,
        RunStatus::Done,
        RunStatus::Cancelled,
    ];

    /// The `data-state` of the `run-state` hook.
    pub fn as_str(self) -> &'static str {
        match self {
            RunStatus::Idle => "idle",
            RunStatus::Running => "running",
            RunStatus::Done => "done",
            RunStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(name: &str) -> Option<RunStatus> {
        RunStatus::ALL.into_iter().find(|s| s.as_str() == name)
    }
}

/// One strategy's run, as the page shows it.
#[derive(Clone, Debug)]
pub struct RunState {
    /// Which run this is: every new run gets a new number, so nothing of an older one is taken
    /// for it.
    pub run: u64,
    /// Bumped by every action: what components compare.
    pub version: u64,
    pub status: RunStatus,
    pub scenario: Option<Rc<Scenario>>,
    /// The same scenario on the virtual clock: the ideal the measured run is drawn against.
    pub ideal: Rc<Trace>,
    pub ideal_timeline: Rc<Timeline>,
    pub log: Rc<RunLog>,
    /// `performance.now()` at the run's time 0.
    pub started_at: f64,
    /// Spans (scenario ms) during which the tab was hidden: browsers slow timers down there.
    pub hidden: Vec<(Ms, Option<Ms>)>,
}

impl PartialEq for RunState {
    fn eq(&self, other: &Self) -> bool {
        self.run == other.run && self.version == other.version
    }
}

impl Default for RunState {
    fn default() -> Self {
        RunState {
            run: 0,
            version: 0,
            status: RunStatus::Idle,
            scenario: None,
            ideal: Rc::default(),
            ideal_timeline: Rc::default(),
            log: Rc::default(),
            started_at: 0.0,
            hidden: Vec::new(),
        }
    }
}

impl RunState {
    /// The measured total, once the run has ended.
    pub fn total(&self) -> Option<Ms> {
        self.log.trace().total()
    }

    /// Scenario milliseconds since the run started, at `performance.now()` = `real_now`.
    pub fn now(&self, real_now: f64) -> Ms {
        let Some(scenario) = &self.scenario else {
            return 0.0;
        };
        if let Some(total) = self.total() {
            return total;
        }
        if self.status != RunStatus::Running {
            return self.log.trace().last_time();
        }
        ((real_now - self.started_at) / scenario.time_scale).max(0.0)
    }

    /// The end of the time axis the run needs at `now`: its measured end or its ideal one,
    /// whichever is later.
    pub fn span(&self, now: Ms) -> Ms {
        let measured = self
            .total()
            .unwrap_or_else(|| now.max(self.log.trace().last_time()));
        measured.max(self.ideal.total().unwrap_or(0.0))
    }
}

pub enum RunAction {
    /// A new run of `scenario`: running at once, or waiting for its turn.
    Prepare {
        run: u64,
        scenario: Rc<Scenario>,
        /// The scenario's run on the virtual clock.
        ideal: Rc<Trace>,
        log: Rc<RunLog>,
        running: bool,
        at: f64,
    },
    /// Time 0 of the run, on `performance.now()`'s axis.
    Started {
        origin: f64,
    },
    /// Its log grew.
    Progressed,
    Finished,
    Stopped,
    /// The tab was hidden, or shown again, at this scenario time.
    Hidden(Ms),
    Shown(Ms),
}

/// One run per strategy.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Runs {
    runs: [Rc<RunState>; 4],
}

fn index(strategy: Strategy) -> usize {
    Strategy::ALL
        .iter()
        .position(|s| *s == strategy)
        .unwrap_or(0)
}

impl Runs {
    pub fn get(&self, strategy: Strategy) -> &Rc<RunState> {
        &self.runs[index(strategy)]
    }

    pub fn any_running(&self) -> bool {
        self.runs.iter().any(|r| r.status == RunStatus::Running)
    }
}

/// An action for the run numbered `run` of `strategy`; an action about an older run is dropped.
pub struct RunsAction {
    pub strategy: Strategy,
    pub run: u64,
    pub action: RunAction,
}

impl Reducible for Runs {
    type Action = RunsAction;

    fn reduce(
        self: Rc<Self>,
        RunsAction {
            strategy,
            run,
            action,
        }: RunsAction,
    ) -> Rc<Self> {
        let slot = index(strategy);
        let current = &self.runs[slot];
        let next = match action {
            RunAction::Prepare {
                run,
                scenario,
                ideal,
                log,
                running,
                at,
            } => {
                let ideal_timeline = Rc::new(layout(&ideal, scenario.tasks.len(), f64::INFINITY));
                RunState {
                    run,
                    version: current.version + 1,
                    status: if running {
                        RunStatus::Running
                    } else {
                        RunStatus::Idle
                    },
                    scenario: Some(scenario),
                    ideal,
                    ideal_timeline,
                    log,
                    started_at: at,
                    hidden: Vec::new(),
                }
            }
            _ if run != current.run => return self,
            action => {
                let mut next = (**current).clone();
                next.version += 1;
                match action {
                    RunAction::Prepare { .. } | RunAction::Progressed => {}
                    RunAction::Started { origin } => next.started_at = origin,
                    RunAction::Finished => next.status = RunStatus::Done,
                    RunAction::Stopped => {
                        if next.status == RunStatus::Running {
                            next.status = RunStatus::Cancelled;
                        }
                    }
                    RunAction::Hidden(at) => next.hidden.push((at, None)),
                    RunAction::Shown(at) => {
                        if let Some(span) = next.hidden.last_mut().filter(|s| s.1.is_none()) {
                            span.1 = Some(at);
                        }
                    }
                }
                next
            }
        };
        let mut runs = self.runs.clone();
        runs[slot] = Rc::new(next);
        Rc::new(Runs { runs })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;
    use crate::trace::{Event, EventKind};

    fn act(runs: Rc<Runs>, run: u64, action: RunAction) -> Rc<Runs> {
        runs.reduce(RunsAction {
            strategy: Strategy::Gather,
            run,
            action,
        })
    }

    fn prepare(runs: Rc<Runs>, run: u64, log: &Rc<RunLog>) -> Rc<Runs> {
        let scenario = Rc::new(presets::find("square_gather").expect("preset").scenario());
        act(
            runs,
            run,
            RunAction::Prepare {
                run,
                ideal: Rc::new(crate::engine::simulate(&scenario)),
                scenario,
                log: log.clone(),
                running: true,
                at: 100.0,
            },
        )
    }

    #[test]
    fn a_run_goes_from_running_to_done_with_its_ideal_ready() {
        let log = Rc::new(RunLog::default());
        let runs = prepare(Rc::default(), 1, &log);
        let state = runs.get(Strategy::Gather).clone();
        assert_eq!(state.status, RunStatus::Running);
        assert_eq!(state.ideal.total(), Some(1000.0));
        assert_eq!(runs.get(Strategy::Sequential).status, RunStatus::Idle);
        log.append(vec![Event {
            t: 0.0,
            lane: Some(0),
            kind: EventKind::Print("Square 1".into()),
        }]);
        let runs = act(runs, 1, RunAction::Progressed);
        let runs = act(runs, 1, RunAction::Started { origin: 120.0 });
        let state = runs.get(Strategy::Gather);
        assert_eq!(state.log.lines().len(), 1);
        assert_eq!(state.started_at, 120.0);
        assert_eq!(state.now(620.0), 500.0);
        let done = act(runs, 1, RunAction::Finished);
        assert_eq!(done.get(Strategy::Gather).status, RunStatus::Done);
    }

    #[test]
    fn nothing_of_an_older_run_reaches_the_new_one() {
        let runs = prepare(Rc::default(), 1, &Rc::default());
        let runs = prepare(runs, 2, &Rc::default());
        let before = runs.get(Strategy::Gather).clone();
        let after = act(runs, 1, RunAction::Finished);
        assert_eq!(*after.get(Strategy::Gather), before);
        assert_eq!(after.get(Strategy::Gather).status, RunStatus::Running);
    }

    #[test]
    fn stopping_cancels_only_a_running_run_and_hidden_spans_close() {
        let runs = prepare(Rc::default(), 1, &Rc::default());
        let runs = act(runs, 1, RunAction::Hidden(50.0));
        let runs = act(runs, 1, RunAction::Shown(80.0));
        assert_eq!(runs.get(Strategy::Gather).hidden, [(50.0, Some(80.0))]);
        let stopped = act(runs, 1, RunAction::Stopped);
        assert_eq!(stopped.get(Strategy::Gather).status, RunStatus::Cancelled);
        let finished = act(act(stopped, 1, RunAction::Finished), 1, RunAction::Stopped);
        assert_eq!(finished.get(Strategy::Gather).status, RunStatus::Done);
    }

    #[test]
    fn statuses_read_back_from_their_names() {
        for status in RunStatus::ALL {
            assert_eq!(RunStatus::parse(status.as_str()), Some(status));
        }
    }
}
