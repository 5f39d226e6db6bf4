//! Time travel through scenario runs: the history replays the run exactly, and the loop shown
//! at any callback (computed from a snapshot) is the loop of a fresh run stopped there.
#![cfg(not(target_arch = "wasm32"))]

use async_playground::engine::simulate;
use async_playground::presets;
use async_playground::scenario::{Scenario, Strategy};
use async_playground::time_travel::{
    inside_of_fresh_run, Awaiting, CallbackView, History, Recorded, TaskState, TimerView,
};

mod common;

use common::generate::{random_scenario, Random};

fn preset(id: &str, strategy: Strategy) -> Scenario {
    let mut scenario = presets::find(id).expect("a preset").scenario();
    scenario.strategy = strategy;
    scenario
}

fn every_preset() -> Vec<(String, Scenario)> {
    presets::all()
        .iter()
        .flat_map(|p| {
            Strategy::ALL.iter().map(move |&strategy| {
                let mut scenario = p.scenario();
                scenario.strategy = strategy;
                (format!("{} {strategy:?}", p.id), scenario)
            })
        })
        .collect()
}

/// `count` random scenarios, the strategies in turn.
fn generated(seed: u64, count: usize) -> Vec<(String, Scenario)> {
    let mut random = Random(seed);
    (0..count)
        .map(|i| {
            let strategy = Strategy::ALL[i % Strategy::ALL.len()];
            (
                format!("generated #{i}"),
                random_scenario(&mut random, strategy),
            )
        })
        .collect()
}

#[test]
fn the_history_replays_the_run_exactly() {
    for (name, scenario) in every_preset()
        .into_iter()
        .chain(generated(0x7175_e7ea_7e11_0001, 100))
    {
        let history = History::record(&scenario);
        assert_eq!(history.trace(), &simulate(&scenario), "{name}");
        let lines = history.trace().console_lines().len();
        assert_eq!(history.lines_at(history.len()), lines, "{name}");
    }
}

#[test]
fn the_loop_at_any_callback_is_the_loop_of_a_fresh_run_stopped_there() {
    for (name, scenario) in every_preset()
        .into_iter()
        .chain(generated(0x7175_e7ea_7e11_0002, 40))
    {
        let history = History::record(&scenario);
        for k in 0..=history.len() {
            assert_eq!(
                history.inside_at(k),
                inside_of_fresh_run(&scenario, k),
                "{name} at callback {k}"
            );
        }
    }
}

#[test]
fn square_gather_seen_from_inside() {
    let history = History::record(&preset("square_gather", Strategy::Gather));
    let states = |k: usize| -> Vec<(String, &'static str)> {
        history
            .inside_at(k)
            .tasks
            .iter()
            .map(|t| (t.label.clone(), t.state.as_str()))
            .collect()
    };
    // Before the first callback: main's first step is all the loop holds.
    let start = history.inside_at(0);
    assert_eq!(
        start.ready,
        [CallbackView::Step {
            task: "main()".into(),
            starts: true
        }]
    );
    assert_eq!(states(0), [("main()".to_owned(), "pending")]);
    // Callback 1: main runs gather, which creates the three tasks.
    let first = history.inside_at(1);
    assert_eq!(
        first.running,
        Some(CallbackView::Step {
            task: "main()".into(),
            starts: true
        })
    );
    assert!(first.ready.is_empty());
    // Callback 2: square(1) starts; square(2) and square(3) wait behind it.
    let second = history.inside_at(2);
    assert_eq!(
        second.running,
        Some(CallbackView::Step {
            task: "square(1)".into(),
            starts: true
        })
    );
    assert_eq!(second.ready.len(), 2);
    assert_eq!(
        states(2),
        [
            ("main()".to_owned(), "waiting"),
            ("square(1)".to_owned(), "running"),
            ("square(2)".to_owned(), "pending"),
            ("square(3)".to_owned(), "pending"),
        ]
    );
    assert_eq!(second.tasks[0].awaiting, Some(Awaiting::Gather));
    assert_eq!(history.lines_at(2), 1, "square(1) prints 'Square 1'");
    // Callback 5: the first timer fires at 1 s; the other two are still in the heap, in order.
    let wake = history.inside_at(5);
    assert_eq!(
        wake.running,
        Some(CallbackView::Timer {
            task: "square(1)".into()
        })
    );
    assert_eq!(wake.time_ms, 1000.0);
    assert!(
        wake.timers.is_empty(),
        "all three timers moved to the ready queue together"
    );
    assert_eq!(wake.ready.len(), 2);
    // Callback 4: square(3) starts; the two others sleep, their timers in the heap.
    let sleeping = history.inside_at(4);
    assert_eq!(
        sleeping.timers,
        ["square(1)", "square(2)"].map(|task| TimerView {
            deadline_ms: 1000.0,
            what: CallbackView::Timer { task: task.into() }
        })
    );
    assert!(sleeping.tasks[1..3]
        .iter()
        .all(|t| t.state == TaskState::Waiting
            && t.awaiting == Some(Awaiting::Sleep { until_ms: 1000.0 })));
    // The end: everything is done, and every line was printed.
    let end = history.inside_at(history.len());
    assert_eq!(
        end.running,
        Some(CallbackView::StopLoop {
            of: "main()".into()
        })
    );
    assert!(end.tasks[1..].iter().all(|t| t.state == TaskState::Done));
    assert_eq!(history.lines_at(history.len()), 7);
}

#[test]
fn shift_arrows_move_by_loop_iteration() {
    let history = History::record(&preset("square_gather", Strategy::Gather));
    // Iterations: [main] [square(1..3) start] [3 timers] [3 wakes] [3 gather callbacks] ...
    let iteration = |k: usize| history.mark(k).map(|m| m.iteration);
    let mut k = 0;
    let mut starts = Vec::new();
    while k < history.len() {
        k = history.next_iteration(k);
        starts.push(k);
    }
    for pair in starts.windows(2) {
        if pair[1] < history.len() {
            assert!(iteration(pair[1]) > iteration(pair[0]));
            assert_eq!(iteration(pair[1] - 1), iteration(pair[0]));
        }
    }
    for &start in starts.iter().rev().skip(1) {
        let back = history.previous_iteration(start + 1);
        assert_eq!(back, start, "back to the start of the iteration");
    }
    assert_eq!(history.previous_iteration(1), 0);
}

#[test]
fn a_ten_thousand_task_run_keeps_few_snapshots_and_answers_anywhere() {
    let mut random = Random(7);
    let mut scenario = random_scenario(&mut random, Strategy::Gather);
    let task = scenario.tasks[0].clone();
    scenario.tasks = vec![task; 10_000];
    let history = History::record(&scenario);
    assert!(history.len() > 20_000);
    assert!(
        history.snapshots() <= 16,
        "{} snapshots",
        history.snapshots()
    );
    for k in [
        0,
        1,
        2,
        5_000,
        history.len() / 2,
        history.len() - 1,
        history.len(),
    ] {
        assert_eq!(
            history.inside_at(k),
            inside_of_fresh_run(&scenario, k),
            "callback {k}"
        );
    }
}

#[test]
fn a_larger_run_keeps_its_snapshots_within_the_memory_budget() {
    let mut random = Random(11);
    let mut scenario = random_scenario(&mut random, Strategy::Gather);
    let task = scenario.tasks[0].clone();
    scenario.tasks = vec![task; 40_000];
    let history = History::record(&scenario);
    assert!(
        history.snapshot_weight() <= async_playground::time_travel::SNAPSHOT_BUDGET,
        "{} snapshots weigh {}",
        history.snapshots(),
        history.snapshot_weight()
    );
    assert!(history.snapshots() >= 2);
    let k = history.len() * 3 / 4;
    assert_eq!(history.inside_at(k), inside_of_fresh_run(&scenario, k));
}

#[test]
fn in_sequential_the_timer_is_the_sleeping_coroutines() {
    let history = History::record(&preset("square_sequential", Strategy::Sequential));
    let timers: Vec<CallbackView> = (0..=history.len())
        .filter_map(|k| history.inside_at(k).running)
        .filter(|running| matches!(running, CallbackView::Timer { .. }))
        .collect();
    assert_eq!(
        timers,
        ["square(1)", "square(2)", "square(3)"]
            .map(|task| CallbackView::Timer { task: task.into() })
    );
    // Only main() is a task: the coroutines run inside it.
    let middle = history.inside_at(history.len() / 2);
    assert_eq!(middle.tasks.len(), 1);
}
