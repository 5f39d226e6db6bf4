//! The virtual-clock engine on every example of the seed tutorials: lines, times and totals.
#![cfg(not(target_arch = "wasm32"))]

use async_playground::engine::simulate;
use async_playground::presets;
use async_playground::scenario::{Scenario, Strategy};
use async_playground::trace::{EventKind, Trace};

fn run(id: &str) -> Trace {
    let preset = presets::find(id).unwrap_or_else(|| panic!("no preset {id}"));
    simulate(&preset.scenario())
}

/// `(milliseconds, text)` for each console line.
fn lines(trace: &Trace) -> Vec<(f64, String)> {
    trace
        .console_lines()
        .into_iter()
        .map(|l| (l.t, l.text.to_string()))
        .collect()
}

fn expect(id: &str, total: f64, expected: &[(f64, &str)]) {
    let trace = run(id);
    let got = lines(&trace);
    let want: Vec<(f64, String)> = expected.iter().map(|(t, s)| (*t, s.to_string())).collect();
    assert_eq!(got, want, "{id}");
    assert_eq!(trace.total(), Some(total), "{id} total");
}

#[test]
fn square_gather_takes_one_second() {
    expect(
        "square_gather",
        1000.0,
        &[
            (0.0, "Square 1"),
            (0.0, "Square 2"),
            (0.0, "Square 3"),
            (1000.0, "End square 1"),
            (1000.0, "End square 2"),
            (1000.0, "End square 3"),
            (1000.0, "[1, 4, 9]"),
        ],
    );
}

#[test]
fn square_sequential_takes_three_seconds() {
    expect(
        "square_sequential",
        3000.0,
        &[
            (0.0, "Square 1"),
            (1000.0, "End square 1"),
            (1000.0, "Square 2"),
            (2000.0, "End square 2"),
            (2000.0, "Square 3"),
            (3000.0, "End square 3"),
            (3000.0, "[1, 4, 9]"),
        ],
    );
}

#[test]
fn square_as_completed_hands_results_over_once_every_due_timer_has_fired() {
    expect(
        "square_as_completed",
        1000.0,
        &[
            (0.0, "Square 1"),
            (0.0, "Square 2"),
            (0.0, "Square 3"),
            (1000.0, "End square 1"),
            (1000.0, "End square 2"),
            (1000.0, "End square 3"),
            (1000.0, "Result: 1"),
            (1000.0, "Result: 4"),
            (1000.0, "Result: 9"),
        ],
    );
}

#[test]
fn nested_await_runs_inside_the_same_task() {
    let trace = run("square_compute");
    assert_eq!(trace.total(), Some(1000.0));
    assert_eq!(
        lines(&trace).last().map(|l| l.1.as_str()),
        Some("[1, 4, 9]")
    );
    let enters = trace
        .events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::AwaitEnter { depth: 1, .. }))
        .count();
    let exits = trace
        .events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::AwaitExit { depth: 1 }))
        .count();
    assert_eq!((enters, exits), (3, 3));
}

#[test]
fn say_after_with_create_task_takes_two_seconds() {
    expect(
        "say_after_create_task",
        2000.0,
        &[
            (1000.0, "Hello"),
            (2000.0, "World"),
            (2000.0, "[None, None]"),
        ],
    );
}

#[test]
fn say_after_sequential_versus_gather() {
    expect(
        "say_after_sequential",
        4000.0,
        &[
            (0.0, "before hello"),
            (1000.0, "after  hello"),
            (1000.0, "before world"),
            (3000.0, "after  world"),
            (3000.0, "before !!!!!"),
            (4000.0, "after  !!!!!"),
            (4000.0, "[None, None, None]"),
        ],
    );
    expect(
        "say_after_gather",
        2000.0,
        &[
            (0.0, "before hello"),
            (0.0, "before world"),
            (0.0, "before !!!!!"),
            (1000.0, "after  hello"),
            (1000.0, "after  !!!!!"),
            (2000.0, "after  world"),
            (2000.0, "[None, None, None]"),
        ],
    );
}

#[test]
fn counting_takes_ten_seconds_blocking_and_five_with_gather() {
    let sync = run("count_sync");
    assert_eq!(sync.total(), Some(10_000.0));
    let texts: Vec<String> = lines(&sync).into_iter().map(|l| l.1).collect();
    assert_eq!(
        texts,
        [
            "0",
            "1",
            "2",
            "3",
            "4",
            "10",
            "11",
            "12",
            "13",
            "14",
            "[None, None]"
        ]
    );

    let gathered = run("count_async");
    assert_eq!(gathered.total(), Some(5000.0));
    let got = lines(&gathered);
    let texts: Vec<&str> = got.iter().map(|l| l.1.as_str()).collect();
    assert_eq!(
        texts,
        [
            "0",
            "10",
            "1",
            "11",
            "2",
            "12",
            "3",
            "13",
            "4",
            "14",
            "[None, None]"
        ]
    );
    let times: Vec<f64> = got.iter().map(|l| l.0).collect();
    assert_eq!(
        times,
        [0.0, 0.0, 1000.0, 1000.0, 2000.0, 2000.0, 3000.0, 3000.0, 4000.0, 4000.0, 5000.0]
    );
}

#[test]
fn sums_block_for_five_seconds_whatever_the_strategy() {
    for id in ["sum_sync", "sum_async_blocking"] {
        let trace = run(id);
        assert_eq!(trace.total(), Some(5000.0), "{id}");
        let texts: Vec<String> = lines(&trace).into_iter().map(|l| l.1).collect();
        assert_eq!(
            texts[..3],
            [
                "Task A: Computing 0+1",
                "Task A: Computing 1+2",
                "Task A: Sum = 3"
            ],
            "{id}"
        );
    }
    let right = run("sum_async");
    assert_eq!(right.total(), Some(3000.0));
    let texts: Vec<String> = lines(&right).into_iter().map(|l| l.1).collect();
    assert_eq!(
        texts,
        [
            "Task A: Computing 0+1",
            "Task B: Computing 0+1",
            "Task A: Computing 1+2",
            "Task B: Computing 1+2",
            "Task A: Sum = 3",
            "Task B: Computing 3+3",
            "Task B: Sum = 6",
            "[None, None]",
        ]
    );
}

#[test]
fn the_blocking_mistake_delays_when_the_second_task_starts() {
    let trace = run("sum_async_blocking");
    let b_start = trace
        .events
        .iter()
        .find(|e| e.lane == Some(1) && e.kind == EventKind::Started);
    assert_eq!(
        b_start.map(|e| e.t),
        Some(2000.0),
        "B starts only when A has frozen the loop for 2 s"
    );
}

#[test]
fn remaining_seed_examples() {
    expect(
        "compute_print_sum",
        1000.0,
        &[
            (0.0, "Compute 1 + 2 ..."),
            (0.0, "I've got a lovely bunch of coconuts"),
            (0.0, "Compute 2 + 4 ..."),
            (1000.0, "1 + 2 = 3"),
            (1000.0, "[None, None, 6]"),
        ],
    );
    let trace = run("task_name_delay");
    assert_eq!(trace.total(), Some(3000.0));
    assert_eq!(
        lines(&trace)[3],
        (
            1000.0,
            "[Tâche 2] Tâche terminée après 1.00 secondes.".to_string()
        )
    );
    expect(
        "exercise_add_once",
        3000.0,
        &[
            (0.0, "1 + 2 = 3, sleeping 3 s"),
            (3000.0, "Woke up after 3 s"),
            (3000.0, "[3]"),
        ],
    );
    let twice = run("exercise_add_twice");
    assert_eq!(twice.total(), Some(4000.0));
    assert_eq!(lines(&twice).last(), Some(&(4000.0, "[3, 4]".to_string())));
    expect(
        "hello_world_task",
        1000.0,
        &[
            (0.0, "Hello, World!"),
            (1000.0, "Hello again!"),
            (1000.0, "[None]"),
        ],
    );
}

#[test]
fn every_preset_is_valid_and_finishes() {
    for preset in presets::all() {
        let scenario = preset.scenario();
        scenario
            .validate()
            .unwrap_or_else(|e| panic!("{}: {e}", preset.id));
        let trace = simulate(&scenario);
        assert!(trace.total().is_some(), "{}", preset.id);
        assert!(!preset.explain_fr.is_empty() && !preset.explain_en.is_empty());
    }
    assert!(presets::find(presets::DEFAULT).is_some());
}

fn scenario(strategy: &str, tasks: &str) -> Scenario {
    Scenario::from_json(&format!(
        r#"{{"version":1,"strategy":"{strategy}","tasks":[{tasks}]}}"#
    ))
    .expect("valid")
}

#[test]
fn errors_reach_main_as_cpython_delivers_them() {
    let tasks = r#"{"name":"a","steps":[{"sleep":1},{"raise":"boom"}]},
                   {"name":"b","steps":[{"sleep":2},{"print":"b done"}],"returns":2}"#;
    // gather and as_completed hand the first exception over at once; b is cancelled when main returns.
    for strategy in ["gather", "as_completed"] {
        let trace = simulate(&scenario(strategy, tasks));
        assert_eq!(
            lines(&trace),
            [(1000.0, "Error: boom".to_string())],
            "{strategy}"
        );
        assert_eq!(trace.total(), Some(1000.0));
        assert!(trace
            .events
            .iter()
            .any(|e| e.lane == Some(1) && e.kind == EventKind::Cancelled));
    }
    // create_task: main sees the error only when it reaches that task; b kept running meanwhile.
    let tasks = r#"{"name":"a","steps":[{"sleep":2},{"print":"a done"}],"returns":1},
                   {"name":"b","steps":[{"sleep":1},{"raise":"late"}]},
                   {"name":"c","steps":[{"sleep":3},{"print":"never"}]}"#;
    let trace = simulate(&scenario("create_task", tasks));
    assert_eq!(
        lines(&trace),
        [
            (2000.0, "a done".to_string()),
            (2000.0, "Error: late".to_string())
        ]
    );
    assert_eq!(trace.total(), Some(2000.0));
    // sequential never starts the tasks after the one that raised.
    let trace = simulate(&scenario("sequential", tasks));
    assert_eq!(
        lines(&trace),
        [
            (2000.0, "a done".to_string()),
            (3000.0, "Error: late".to_string())
        ]
    );
    assert!(!trace.events.iter().any(|e| e.lane == Some(2)));
}

#[test]
fn timers_due_during_a_block_fire_after_it_in_due_order() {
    let tasks = r#"{"name":"late","steps":[{"sleep":0.5},{"print":"second"}]},
                   {"name":"early","steps":[{"sleep":0.2},{"print":"first"}]},
                   {"name":"blocker","steps":[{"block":1},{"print":"unblocked"}]}"#;
    let trace = simulate(&scenario("gather", tasks));
    assert_eq!(
        lines(&trace),
        [
            (1000.0, "unblocked".to_string()),
            (1000.0, "first".to_string()),
            (1000.0, "second".to_string()),
            (1000.0, "[None, None, None]".to_string()),
        ]
    );
    let woke: Vec<(f64, f64)> = trace
        .events
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::Woke { requested } => Some((requested, e.t)),
            _ => None,
        })
        .collect();
    assert_eq!(
        woke,
        [(200.0, 1000.0), (500.0, 1000.0)],
        "requested vs actual wake-up"
    );
}

#[test]
fn sleep_zero_goes_to_the_back_of_the_ready_queue() {
    let tasks = r#"{"name":"a","steps":[{"print":"a1"},{"sleep":0},{"print":"a2"}]},
                   {"name":"b","steps":[{"print":"b1"},{"sleep":0},{"print":"b2"}]}"#;
    let texts: Vec<String> = lines(&simulate(&scenario("gather", tasks)))
        .into_iter()
        .map(|l| l.1)
        .collect();
    assert_eq!(texts, ["a1", "b1", "a2", "b2", "[None, None]"]);
}

#[test]
fn a_task_left_in_the_last_iteration_still_runs_as_in_cpython() {
    // CPython 3.11 prints exactly these three lines: b's steps share the iteration in which main
    // returns and the one that runs `loop.stop()`, so "b" and "never" print; then b is cancelled.
    let tasks = r#"{"name":"a","steps":[{"raise":"x"}]},{"name":"b","steps":[{"sleep":0},{"print":"b"},
        {"sleep":0},{"print":"never"},{"sleep":0},{"print":"really never"}]}"#;
    let texts: Vec<String> = lines(&simulate(&scenario("create_task", tasks)))
        .into_iter()
        .map(|l| l.1)
        .collect();
    assert_eq!(texts, ["Error: x", "b", "never"]);
    assert_eq!(Strategy::parse("create_task"), Some(Strategy::CreateTask));
}

#[test]
fn spreading_a_large_iteration_over_slices_changes_nothing() {
    use async_playground::engine::simulate_in_slices;
    for preset in presets::all() {
        let scenario = preset.scenario();
        for budget in [1, 2, 3, 7] {
            assert_eq!(
                simulate_in_slices(&scenario, budget),
                simulate(&scenario),
                "{} in slices of {budget}",
                preset.id
            );
        }
    }
    // The iteration in which main returns still runs to its end before the loop stops.
    let tasks = r#"{"name":"a","steps":[{"raise":"x"}]},{"name":"b","steps":[{"sleep":0},{"print":"b"},
        {"sleep":0},{"print":"never"},{"sleep":0},{"print":"really never"}]}"#;
    let scenario = scenario("create_task", tasks);
    assert_eq!(simulate_in_slices(&scenario, 1), simulate(&scenario));
}
