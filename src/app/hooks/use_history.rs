//! The history of the run shown, once it has finished, and where the scrubber stands in it.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::state::runs::{RunState, RunStatus};
use crate::time_travel::History;

/// A finished run's history and the callback shown.
#[derive(Clone)]
pub struct Scrub {
    pub history: Rc<History>,
    /// The callback shown (0: before the first; the history's length: its last).
    pub at: usize,
    pub on_move: Callback<usize>,
}

impl Scrub {
    /// Console lines printed up to the callback shown.
    pub fn lines(&self) -> usize {
        self.history.lines_at(self.at)
    }

    /// The loop's clock at the callback shown (scenario ms).
    pub fn time_ms(&self) -> f64 {
        self.history.mark(self.at).map_or(0.0, |m| m.time_ms)
    }
}

/// Up to this many tasks a finished run's history is recorded at once; past it, on request:
/// recording 10,000 tasks holds the page about a tenth of a second, which the end of a run
/// should not.
const RECORD_AT_ONCE: usize = 2_000;

/// What the page offers under a run for time travel.
#[derive(Clone)]
pub enum TimeTravel {
    /// Nothing: no finished run.
    None,
    /// A large run: its history is recorded when asked.
    OnRequest(Callback<()>),
    Ready(Scrub),
}

/// The run's history is recorded once it is done (the same scenario again, on the logical clock,
/// one callback at a time); the scrubber starts at the last callback, where the run ended.
#[hook]
pub fn use_history(run: &RunState) -> TimeTravel {
    let done = run.status == RunStatus::Done;
    let large = run
        .scenario
        .as_ref()
        .is_some_and(|s| s.tasks.len() > RECORD_AT_ONCE);
    let requested = use_state(|| false);
    let chosen = use_state(|| None::<usize>);
    {
        let (chosen, requested) = (chosen.clone(), requested.clone());
        use_effect_with(run.run, move |_| {
            chosen.set(None);
            requested.set(false);
        });
    }
    let wanted = done && (!large || *requested);
    let history = {
        let scenario = run.scenario.clone();
        use_memo((run.run, wanted), move |(_, wanted)| {
            scenario
                .filter(|_| *wanted)
                .map(|scenario| Rc::new(History::record(&scenario)))
        })
    };
    let Some(history) = (*history).clone() else {
        if done && large {
            return TimeTravel::OnRequest(Callback::from(move |_| requested.set(true)));
        }
        return TimeTravel::None;
    };
    let at = chosen.unwrap_or(history.len()).min(history.len());
    let on_move = Callback::from(move |k: usize| chosen.set(Some(k)));
    TimeTravel::Ready(Scrub {
        history,
        at,
        on_move,
    })
}
