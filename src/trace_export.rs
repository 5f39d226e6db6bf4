//! The trace as Chrome trace-event JSON (opens in Perfetto and chrome://tracing): one thread per
//! task, a complete event per bar, an instant event per print, result and error.

use crate::json::{object, Json};

use crate::scenario::Scenario;
use crate::timeline::{layout, Lane, MarkerKind, Phase};
use crate::trace::{Ms, Trace};

fn micros(t: Ms) -> f64 {
    (t * 1000.0).round()
}

fn lane_events(out: &mut Vec<Json>, lane: &Lane, tid: usize) {
    for bar in &lane.bars {
        let (name, category) = match bar.phase {
            Phase::Alive => ("task", "task"),
            Phase::Waiting => ("waiting for the loop", "waiting"),
            Phase::Sleeping => ("await asyncio.sleep", "sleep"),
            Phase::Blocked => ("time.sleep (loop frozen)", "block"),
            Phase::Nested | Phase::Awaiting => ("await", "await"),
            Phase::Busy => ("running without awaiting (loop held)", "busy"),
        };
        let name = match (&bar.phase, &bar.label) {
            (Phase::Nested, Some(label)) => format!("await {label}()"),
            (Phase::Awaiting, Some(label)) => format!("await {label}"),
            _ => name.to_owned(),
        };
        let args = match bar.requested_end {
            Some(requested) => object([
                ("requested_wake_ms", requested.into()),
                ("actual_wake_ms", bar.end.into()),
                ("late_ms", (bar.end - requested).into()),
            ]),
            None => object([]),
        };
        out.push(object([
            ("name", name.into()),
            ("cat", category.into()),
            ("ph", "X".into()),
            ("pid", 1.into()),
            ("tid", tid.into()),
            ("ts", micros(bar.start).into()),
            ("dur", micros(bar.end - bar.start).into()),
            ("args", args),
        ]));
    }
    for marker in &lane.markers {
        let name = match marker.kind {
            MarkerKind::Print => "print",
            MarkerKind::Returned => "return",
            MarkerKind::Raised => "raise",
            MarkerKind::Cancelled => "cancelled",
            MarkerKind::ResultToMain => "result reaches main()",
        };
        out.push(object([
            ("name", name.into()),
            ("cat", "marker".into()),
            ("ph", "i".into()),
            ("s", "t".into()),
            ("pid", 1.into()),
            ("tid", tid.into()),
            ("ts", micros(marker.t).into()),
            (
                "args",
                object([("text", marker.text.as_deref().unwrap_or("").into())]),
            ),
        ]));
    }
}

pub fn chrome_trace(scenario: &Scenario, trace: &Trace) -> String {
    let timeline = layout(trace, scenario.tasks.len(), trace.last_time());
    let metadata = |name: &str, tid: Option<usize>, args: Json| {
        let mut fields = vec![
            ("name".to_owned(), Json::from(name)),
            ("ph".to_owned(), "M".into()),
            ("pid".to_owned(), 1.into()),
        ];
        fields.extend(tid.map(|tid| ("tid".to_owned(), tid.into())));
        fields.push(("args".to_owned(), args));
        Json::Object(fields)
    };
    let process = format!("asyncio ({})", scenario.strategy.as_str());
    let mut events = vec![
        metadata("process_name", None, object([("name", process.into())])),
        metadata("thread_name", Some(0), object([("name", "main()".into())])),
    ];
    for (i, task) in scenario.tasks.iter().enumerate() {
        let name = object([("name", task.name.as_str().into())]);
        events.push(metadata("thread_name", Some(i + 1), name));
        let order = object([("sort_index", (i + 1).into())]);
        events.push(metadata("thread_sort_index", Some(i + 1), order));
    }
    lane_events(&mut events, &timeline.main, 0);
    for (i, lane) in timeline.lanes.iter().enumerate() {
        lane_events(&mut events, lane, i + 1);
    }
    object([
        ("traceEvents", Json::Array(events)),
        ("displayTimeUnit", "ms".into()),
        (
            "otherData",
            object([
                ("title", scenario.title.clone().unwrap_or_default().into()),
                ("strategy", scenario.strategy.as_str().into()),
                ("time_scale", scenario.time_scale.into()),
                ("time_unit", "scenario time".into()),
            ]),
        ),
    ])
    .to_compact()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::simulate;
    use crate::presets;

    #[test]
    fn one_thread_per_task_and_a_complete_event_per_sleep() {
        let scenario = presets::find("square_gather").expect("preset").scenario();
        let trace = simulate(&scenario);
        let value = Json::parse(&chrome_trace(&scenario, &trace)).expect("JSON");
        let events = value
            .get("traceEvents")
            .and_then(Json::as_array)
            .expect("events");
        let field = |e: &Json, key: &str| e.get(key).cloned().unwrap_or(Json::Null);
        let text = |e: &Json, key: &str| field(e, key).as_str().map(str::to_owned);
        let threads: Vec<String> = events
            .iter()
            .filter(|e| text(e, "name").as_deref() == Some("thread_name"))
            .filter_map(|e| text(&field(e, "args"), "name"))
            .collect();
        assert_eq!(threads, ["main()", "square(1)", "square(2)", "square(3)"]);
        let sleeps: Vec<(f64, f64)> = events
            .iter()
            .filter(|e| text(e, "cat").as_deref() == Some("sleep"))
            .map(|e| {
                (
                    field(e, "ts").as_f64().unwrap_or(-1.0),
                    field(e, "dur").as_f64().unwrap_or(-1.0),
                )
            })
            .collect();
        assert_eq!(sleeps, [(0.0, 1_000_000.0); 3]);
        assert!(events.iter().any(|e| text(e, "ph").as_deref() == Some("i")
            && text(&field(e, "args"), "text").as_deref() == Some("[1, 4, 9]")
            && field(e, "tid").as_f64() == Some(0.0)));
    }
}
