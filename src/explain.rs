//! Why a run took as long as it did: the numbers behind the one-line explanation on the page.

use crate::trace::{EventKind, Ms, Trace};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// An exception reached `main()`, which stopped there.
    StoppedByError,
    /// The tasks ran one after the other: the total is the sum of their times.
    SumOfTasks,
    /// Blocking `time.sleep` froze the loop for most of the run: the blocks add up.
    FrozenLoop,
    /// The tasks waited at the same time: the total is the longest task.
    LongestTask,
    /// Nothing simpler explains it (mixed waits).
    Mixed,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Why {
    pub reason: Reason,
    pub total: Ms,
    pub sum_of_tasks: Ms,
    pub longest_task: Ms,
    pub frozen: Ms,
}

/// Reads a finished trace (the ideal one gives the clearest numbers).
pub fn why(trace: &Trace, task_count: usize) -> Why {
    let total = trace.total().unwrap_or_else(|| trace.last_time());
    let mut started = vec![None; task_count];
    let mut durations = vec![0.0; task_count];
    let mut frozen = 0.0;
    let mut block_start = None;
    let mut error = false;
    for event in &trace.events {
        let lane = event.lane.filter(|&l| l < task_count);
        match (&event.kind, lane) {
            (EventKind::Started, Some(l)) => started[l] = Some(event.t),
            (EventKind::Returned(_) | EventKind::Raised(_) | EventKind::Cancelled, Some(l)) => {
                if let Some(start) = started[l] {
                    durations[l] = event.t - start;
                }
            }
            (EventKind::BlockStart { .. }, _) => block_start = Some(event.t),
            (EventKind::BlockEnd, _) => {
                if let Some(start) = block_start.take() {
                    frozen += event.t - start;
                }
            }
            (EventKind::CaughtInMain(_), _) => error = true,
            _ => {}
        }
    }
    let sum_of_tasks: Ms = durations.iter().sum();
    let longest_task = durations.iter().copied().fold(0.0, f64::max);
    let close = |a: Ms, b: Ms| (a - b).abs() <= 0.02 * b.max(1.0);
    let reason = if error {
        Reason::StoppedByError
    } else if task_count > 1 && frozen > 0.0 && frozen >= 0.5 * total {
        Reason::FrozenLoop
    } else if task_count > 1 && close(total, sum_of_tasks) && !close(sum_of_tasks, longest_task) {
        Reason::SumOfTasks
    } else if close(total, longest_task) {
        Reason::LongestTask
    } else {
        Reason::Mixed
    };
    Why {
        reason,
        total,
        sum_of_tasks,
        longest_task,
        frozen,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::simulate;
    use crate::presets;

    fn why_preset(id: &str) -> Why {
        let scenario = presets::find(id).expect("preset").scenario();
        why(&simulate(&scenario), scenario.tasks.len())
    }

    #[test]
    fn each_strategy_gets_its_reason() {
        let sequential = why_preset("square_sequential");
        assert_eq!(
            (sequential.reason, sequential.total, sequential.sum_of_tasks),
            (Reason::SumOfTasks, 3000.0, 3000.0)
        );
        let gather = why_preset("square_gather");
        assert_eq!(
            (gather.reason, gather.longest_task),
            (Reason::LongestTask, 1000.0)
        );
        let blocking = why_preset("sum_async_blocking");
        assert_eq!(
            (blocking.reason, blocking.frozen),
            (Reason::FrozenLoop, 5000.0)
        );
        assert_eq!(why_preset("sum_async").reason, Reason::LongestTask);
        assert_eq!(why_preset("exercise_add_once").reason, Reason::LongestTask);
    }

    #[test]
    fn an_error_explains_an_early_end() {
        let scenario = crate::scenario::Scenario::from_json(
            r#"{"version":1,"strategy":"gather","tasks":[{"name":"a","steps":[{"sleep":1},{"raise":"x"}]},{"name":"b","steps":[{"sleep":5}]}]}"#,
        )
        .expect("valid");
        let why = why(&simulate(&scenario), 2);
        assert_eq!((why.reason, why.total), (Reason::StoppedByError, 1000.0));
    }
}
