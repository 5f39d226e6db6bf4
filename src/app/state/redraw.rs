//! When to redraw a running run: often enough to look live, never when a timer is about to be
//! due. A redraw (Yew, then the browser's style, layout and paint) takes milliseconds during which
//! no timer can fire, so a redraw that would still be going when the next timer is due waits.

use crate::trace::Ms;

/// How often at most a running run is redrawn (the "now" cursor moves on every frame anyway).
pub const INTERVAL_MS: f64 = 50.0;
/// The least room a redraw needs before the next timer.
pub const CLEARANCE_MS: f64 = 12.0;
/// Timers due every millisecond leave no room: after this long without a redraw one is forced,
/// except in the run's last `MAX_DELAY_MS` (ideally), when the finished run is drawn anyway.
pub const MAX_DELAY_MS: f64 = 250.0;
/// Until a redraw has been measured: what one costs, plus what each lane drawn adds.
const ESTIMATE_MS: f64 = 5.0;
const LANE_ESTIMATE_MS: f64 = 0.3;

/// A running run, as the redraw policy sees it (times on `performance.now()`'s axis).
#[derive(Clone, Copy, Debug)]
pub struct Running {
    /// When its next timer is due.
    pub next_wake: f64,
    /// When it would end on an ideal machine.
    pub ideal_end: f64,
}

/// What a redraw is expected to cost before any was measured, for `lanes` lanes drawn one by one.
pub fn estimated_cost(lanes: usize) -> Ms {
    ESTIMATE_MS + lanes as f64 * LANE_ESTIMATE_MS
}

/// Whether to redraw at `now`, the last redraw at `drawn_at` having cost `cost`.
pub fn due(now: f64, drawn_at: f64, cost: Ms, running: &[Running]) -> bool {
    let interval = INTERVAL_MS.max(8.0 * cost);
    let since = now - drawn_at;
    let room = CLEARANCE_MS.max(2.0 * cost);
    let clear = running.iter().all(|r| r.next_wake - now > room);
    let ending = running.iter().any(|r| r.ideal_end - now < MAX_DELAY_MS);
    (since >= interval && clear) || (since >= MAX_DELAY_MS.max(interval) && !ending)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn running(next_wake: f64) -> Running {
        Running {
            next_wake,
            ideal_end: 10_000.0,
        }
    }

    #[test]
    fn a_redraw_waits_for_room_before_the_next_timer() {
        assert!(due(1000.0, 900.0, 2.0, &[running(1100.0)]));
        assert!(
            !due(1000.0, 900.0, 2.0, &[running(1005.0)]),
            "a timer in 5 ms"
        );
        assert!(
            !due(1000.0, 980.0, 2.0, &[running(1100.0)]),
            "drawn 20 ms ago"
        );
    }

    #[test]
    fn a_slow_redraw_needs_more_room_and_comes_less_often() {
        assert!(
            !due(1000.0, 900.0, 30.0, &[running(1040.0)]),
            "needs 60 ms of room"
        );
        assert!(
            !due(1000.0, 900.0, 30.0, &[running(2000.0)]),
            "every 240 ms at most"
        );
        assert!(due(1000.0, 700.0, 30.0, &[running(2000.0)]));
        assert_eq!(estimated_cost(100), 35.0);
    }

    #[test]
    fn dense_timers_force_a_redraw_now_and_then_but_not_near_the_end() {
        let dense = Running {
            next_wake: 1000.5,
            ideal_end: 5000.0,
        };
        assert!(!due(1000.0, 900.0, 2.0, &[dense]));
        assert!(due(1000.0, 740.0, 2.0, &[dense]), "250 ms without a redraw");
        let ending = Running {
            ideal_end: 1100.0,
            ..dense
        };
        assert!(!due(1000.0, 740.0, 2.0, &[ending]));
        assert!(
            due(1000.0, 740.0, 2.0, &[]),
            "nothing runs: nothing holds it back"
        );
    }
}
