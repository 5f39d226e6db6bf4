//! The trace as Chrome trace-event JSON (opens in Perfetto and chrome://tracing): one thread per
//! task, a complete event per bar, an instant event per print, result and error.

use serde_json::{json, Value};

use crate::scenario::Scenario;
use crate::timeline::{layout, Lane, MarkerKind, Phase};
use crate::trace::{Ms, Trace};

fn micros(t: Ms) -> f64 {
    (t * 1000.0).round()
}

fn lane_events(out: &mut Vec<Value>, lane: &Lane, tid: usize) {
    for bar in &lane.bars {
        let (name, category) = match bar.phase {
            Phase::Alive => ("task", "task"),
            Phase::Waiting => ("waiting for the loop", "waiting"),
            Phase::Sleeping => ("await asyncio.sleep", "sleep"),
            Phase::Blocked => ("time.sleep (loop frozen)", "block"),
            Phase::Nested => ("await", "await"),
        };
        let name = match (&bar.phase, &bar.label) {
            (Phase::Nested, Some(label)) => format!("await {label}()"),
            _ => name.to_owned(),
        };
        let mut args = json!({});
        if let Some(requested) = bar.requested_end {
            args = json!({ "requested_wake_ms": requested, "actual_wake_ms": bar.end, "late_ms": bar.end - requested });
        }
        out.push(json!({
            "name": name, "cat": category, "ph": "X", "pid": 1, "tid": tid,
            "ts": micros(bar.start), "dur": micros(bar.end - bar.start), "args": args,
        }));
    }
    for marker in &lane.markers {
        let name = match marker.kind {
            MarkerKind::Print => "print",
            MarkerKind::Returned => "return",
            MarkerKind::Raised => "raise",
            MarkerKind::Cancelled => "cancelled",
            MarkerKind::ResultToMain => "result reaches main()",
        };
        out.push(json!({
            "name": name, "cat": "marker", "ph": "i", "s": "t", "pid": 1, "tid": tid,
            "ts": micros(marker.t), "args": { "text": marker.text.as_deref().unwrap_or("") },
        }));
    }
}

pub fn chrome_trace(scenario: &Scenario, trace: &Trace) -> String {
    let timeline = layout(trace, scenario.tasks.len(), trace.last_time());
    let mut events = vec![
        json!({ "name": "process_name", "ph": "M", "pid": 1, "args": { "name": format!("asyncio ({})", scenario.strategy.as_str()) } }),
        json!({ "name": "thread_name", "ph": "M", "pid": 1, "tid": 0, "args": { "name": "main()" } }),
    ];
    for (i, task) in scenario.tasks.iter().enumerate() {
        events.push(json!({ "name": "thread_name", "ph": "M", "pid": 1, "tid": i + 1, "args": { "name": task.name } }));
        events.push(json!({ "name": "thread_sort_index", "ph": "M", "pid": 1, "tid": i + 1, "args": { "sort_index": i + 1 } }));
    }
    lane_events(&mut events, &timeline.main, 0);
    for (i, lane) in timeline.lanes.iter().enumerate() {
        lane_events(&mut events, lane, i + 1);
    }
    json!({
        "traceEvents": events,
        "displayTimeUnit": "ms",
        "otherData": { "title": scenario.title.clone().unwrap_or_default(), "strategy": scenario.strategy.as_str(),
                       "time_scale": scenario.time_scale, "time_unit": "scenario time" },
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::simulate;
    use crate::presets;

    #[test]
    fn one_thread_per_task_and_a_complete_event_per_sleep() {
        let scenario = presets::find("square_gather").expect("preset").scenario();
        let (trace, _) = simulate(&scenario);
        let value: Value = serde_json::from_str(&chrome_trace(&scenario, &trace)).expect("JSON");
        let events = value["traceEvents"].as_array().expect("events");
        let threads: Vec<&str> = events
            .iter()
            .filter(|e| e["name"] == "thread_name")
            .filter_map(|e| e["args"]["name"].as_str())
            .collect();
        assert_eq!(threads, ["main()", "square(1)", "square(2)", "square(3)"]);
        let sleeps: Vec<(f64, f64)> = events
            .iter()
            .filter(|e| e["cat"] == "sleep")
            .map(|e| {
                (
                    e["ts"].as_f64().unwrap_or(-1.0),
                    e["dur"].as_f64().unwrap_or(-1.0),
                )
            })
            .collect();
        assert_eq!(sleeps, [(0.0, 1_000_000.0); 3]);
        assert!(events
            .iter()
            .any(|e| e["ph"] == "i" && e["args"]["text"] == "[1, 4, 9]" && e["tid"] == 0));
    }
}
