//! Figures read off a run's trace: how late its sleeps woke, how much faster a strategy was
//! than running the tasks one after another, and in which order the results reached `main()`.

use crate::trace::{EventKind, Ms, Trace};

/// How late the sleeps woke (actual − requested wake-up), in real milliseconds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lateness {
    pub median: f64,
    pub p99: f64,
    pub count: usize,
}

/// The lateness of every wake-up in `trace`; `None` when nothing slept.
pub fn lateness(trace: &Trace, time_scale: f64) -> Option<Lateness> {
    let mut late: Vec<f64> = trace
        .events
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::Woke { requested } => Some((e.t - requested) * time_scale),
            _ => None,
        })
        .collect();
    if late.is_empty() {
        return None;
    }
    late.sort_by(f64::total_cmp);
    let at = |q: f64| late[((late.len() - 1) as f64 * q).round() as usize];
    Some(Lateness {
        median: at(0.5),
        p99: at(0.99),
        count: late.len(),
    })
}

/// A strategy's total against the sequential one's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Speedup {
    pub sequential: Ms,
    pub total: Ms,
    /// `sequential ÷ total`: 3.0 when three one-second tasks overlapped perfectly.
    pub factor: f64,
}

pub fn speedup(sequential: Option<Ms>, total: Option<Ms>) -> Option<Speedup> {
    let (sequential, total) = (sequential?, total?);
    (total > 0.0).then(|| Speedup {
        sequential,
        total,
        factor: sequential / total,
    })
}

/// The tasks (by index) in the order their results or exceptions reached `main()`.
pub fn arrival_order(trace: &Trace) -> Vec<usize> {
    trace
        .events
        .iter()
        .filter(|e| e.kind == EventKind::ResultToMain)
        .filter_map(|e| e.lane)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::simulate;
    use crate::presets;
    use crate::trace::Event;

    fn woke(t: Ms, requested: Ms) -> Event {
        Event {
            t,
            lane: Some(0),
            kind: EventKind::Woke { requested },
        }
    }

    #[test]
    fn lateness_is_measured_in_real_milliseconds() {
        let trace = Trace::from_events((0..100).map(|i| woke(1000.0 + i as f64, 1000.0)).collect());
        // At time scale 0.5 a scenario millisecond is half a real one.
        let figures = lateness(&trace, 0.5).expect("wake-ups");
        assert_eq!(figures.count, 100);
        assert_eq!(figures.median, 25.0);
        assert_eq!(figures.p99, 49.0);
        assert_eq!(lateness(&Trace::default(), 1.0), None);
    }

    #[test]
    fn speedup_is_sequential_over_this_total() {
        let s = speedup(Some(3000.0), Some(1000.0)).expect("both totals");
        assert_eq!(s.factor, 3.0);
        assert_eq!(speedup(None, Some(1000.0)), None);
        assert_eq!(speedup(Some(3000.0), Some(0.0)), None);
    }

    #[test]
    fn results_arrive_in_completion_order_with_as_completed() {
        let mut scenario = presets::find("square_gather").expect("preset").scenario();
        let trace = simulate(&scenario);
        assert_eq!(
            arrival_order(&trace),
            [0, 1, 2],
            "gather hands them over in order"
        );
        // Make the first task the slowest: as_completed hands it over last.
        scenario.strategy = crate::scenario::Strategy::AsCompleted;
        let slow = crate::edit::apply(
            &scenario,
            crate::edit::Edit::AddStep {
                path: crate::edit::StepsPath::task(0),
                kind: crate::scenario::StepKind::Sleep,
            },
        );
        assert_eq!(arrival_order(&simulate(&slow)), [1, 2, 0]);
    }
}
