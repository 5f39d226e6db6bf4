//! Time travel through Python programs: the journal the interpreter keeps as a program runs,
//! and the loop rebuilt from it at every callback, against the loop the VM itself holds when
//! that callback starts — for every program of the corpus.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::cell::RefCell;
use std::path::Path;
use std::rc::Rc;

use async_playground::program_history::{LoopRecorder, ProgramHistory};
use async_playground::program_trace::ProgramTracer;
use async_playground::py::asyncio::{LiveView, LoopViews};
use async_playground::py::run::Interpreter;
use async_playground::py::vm::{Host, RunEvent, VmInfo};
use async_playground::time_travel::{Recorded, TaskState};
use async_playground::trace::Event;
use common::{corpus_sources, python, run_python};

/// The page's host on the virtual clock: the tracer and the journal, fed as the worker feeds them.
#[derive(Default)]
struct Recording {
    tracer: ProgramTracer,
    recorder: LoopRecorder,
    lines: usize,
    labels: Vec<Rc<str>>,
    events: Vec<Event>,
    /// Interpreter lane → the timeline's, in the order tasks are made.
    lanes: Vec<u32>,
}

impl Recording {
    fn drain(&mut self) {
        let (labels, events) = self.tracer.take();
        self.labels.extend(labels);
        self.events.extend(events);
    }
}

struct RecordingHost(Rc<RefCell<Recording>>);

impl Host for RecordingHost {
    fn line(&mut self, vm: &VmInfo, stderr: bool, text: &str) {
        let mut r = self.0.borrow_mut();
        r.tracer.line(vm.now * 1000.0, vm.lane, stderr, text);
        r.lines += 1;
    }

    fn block(&mut self, _seconds: f64) {}

    fn event(&mut self, vm: &VmInfo, event: RunEvent) {
        let mut r = self.0.borrow_mut();
        if let RunEvent::LaneCreated { lane, .. } = &event {
            r.lanes.push(*lane);
        }
        let (emitted, lines) = (r.tracer.emitted(), r.lines);
        r.recorder.event(&event, emitted, lines);
        r.tracer.event(vm.now * 1000.0, event);
    }

    fn epoch(&self) -> f64 {
        async_playground::py::run::VIRTUAL_EPOCH
    }

    fn utc_offset(&self, _: f64) -> i64 {
        0
    }

    fn records_loop(&self) -> bool {
        true
    }
}

/// Runs `source` with the journal kept and the VM's own view of the loop taken at every
/// callback: the history, the live views, and the interpreter lanes in the timeline's order.
fn record(
    source: &str,
    wanted: Option<Vec<usize>>,
) -> (ProgramHistory, Vec<(usize, LiveView)>, Vec<u32>) {
    let shared = Rc::new(RefCell::new(Recording::default()));
    let host = RecordingHost(shared.clone());
    let mut interpreter = Interpreter::new(source, "main.py", Box::new(host)).expect("compiles");
    interpreter.vm.loop_views = Some(LoopViews {
        wanted,
        ..LoopViews::default()
    });
    interpreter.run_to_end();
    let views = interpreter
        .vm
        .loop_views
        .take()
        .map(|v| v.taken)
        .unwrap_or_default();
    drop(interpreter);
    let mut r = shared.borrow_mut();
    r.drain();
    let records = r.recorder.take();
    let history = ProgramHistory::new(
        records,
        std::mem::take(&mut r.events),
        std::mem::take(&mut r.labels),
        r.lines,
    );
    (history, views, r.lanes.clone())
}

/// The timers as a set, and their deadlines in order. The rebuilt list is in the order the
/// timers really fire; the VM's heap, read at one instant, may order equal deadlines otherwise
/// (a later push can reshape it), so only the deadlines' order must agree.
fn same_timers(rebuilt: &[(f64, u32)], live: &[(f64, u32)]) -> bool {
    let sorted = |timers: &[(f64, u32)]| {
        let mut ids: Vec<u32> = timers.iter().map(|t| t.1).collect();
        ids.sort_unstable();
        ids
    };
    let deadlines = |timers: &[(f64, u32)]| timers.iter().map(|t| t.0).collect::<Vec<f64>>();
    sorted(rebuilt) == sorted(live) && deadlines(rebuilt) == deadlines(live)
}

/// The rebuilt loop at each callback viewed against the VM's: the same handle running, the same
/// ready queue in the same order, the same timers, every task in the same state.
fn differences(
    history: &ProgramHistory,
    views: &[(usize, LiveView)],
    lanes: &[u32],
) -> Vec<String> {
    let mut found = Vec::new();
    // The callbacks' events, one after the other, are the run's trace from the first callback
    // on; their lines count up to every line printed.
    let marks = history.marks();
    let contiguous = marks
        .windows(2)
        .all(|w| w[0].events.end == w[1].events.start);
    if !contiguous
        || marks
            .last()
            .is_some_and(|m| m.events.end != history.events().len())
    {
        found.push("the callbacks' events do not follow each other to the trace's end".into());
    }
    if marks.windows(2).any(|w| w[0].lines > w[1].lines) {
        found.push("lines counted backwards".into());
    }
    for (k, live) in views {
        let k = *k;
        let (running, ready, timers) = history.handles_at(k);
        if running != Some(live.running)
            || ready != live.ready
            || !same_timers(&timers, &live.timers)
        {
            found.push(format!(
                "callback {k}: rebuilt {running:?} {ready:?} {timers:?}, live {} {:?} {:?}",
                live.running, live.ready, live.timers
            ));
        }
        let inside = history.inside_at_limited(k, usize::MAX);
        let rebuilt: Vec<(usize, TaskState)> =
            inside.tasks.iter().map(|t| t.state).enumerate().collect();
        let held: Vec<(usize, TaskState)> = live
            .tasks
            .iter()
            .filter_map(|(lane, state)| Some((lanes.iter().position(|l| l == lane)?, *state)))
            .collect();
        // The VM forgets tasks nobody holds any more: those it still holds must agree.
        for (lane, state) in &held {
            if rebuilt.get(*lane).map(|(_, s)| s) != Some(state) {
                found.push(format!(
                    "callback {k}: task {} is {:?} rebuilt, {state:?} in the VM",
                    inside.tasks.get(*lane).map_or("?", |t| t.label.as_str()),
                    rebuilt.get(*lane).map(|(_, s)| s)
                ));
            }
        }
        if found.len() > 5 {
            break;
        }
    }
    found
}

#[test]
fn the_loop_rebuilt_at_every_callback_is_the_loop_the_vm_holds_for_every_program() {
    let programs = corpus_sources();
    assert!(
        programs.len() >= 85,
        "the corpus is there ({} programs)",
        programs.len()
    );
    let mut failures = Vec::new();
    let mut callbacks = 0;
    for (file, source) in &programs {
        let (history, views, lanes) = record(source, None);
        callbacks += views.len();
        if history.len() != views.len() {
            failures.push(format!(
                "{}: {} callbacks recorded, {} run",
                file.display(),
                history.len(),
                views.len()
            ));
        }
        for why in differences(&history, &views, &lanes) {
            failures.push(format!("{}: {why}", file.display()));
        }
    }
    assert!(callbacks > 1_000, "the corpus runs callbacks ({callbacks})");
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn a_seed_seen_at_chosen_callbacks() {
    use async_playground::time_travel::{Awaiting, CallbackView};
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let source =
        std::fs::read_to_string(root.join("presets/seeds/square_gather.py")).expect("the seed");
    let (history, _, _) = record(&source, Some(Vec::new()));
    let step = |task: &str, starts| CallbackView::Step {
        task: task.into(),
        starts,
    };
    let timer = |task: &str| CallbackView::Timer { task: task.into() };
    let states = |k| -> Vec<TaskState> {
        history
            .inside_at_limited(k, 10)
            .tasks
            .iter()
            .map(|t| t.state)
            .collect()
    };
    assert_eq!(
        history.len(),
        13,
        "3 first steps, 3 timers, 3 steps, 3 gather callbacks, the stop"
    );

    let before = history.inside_at_limited(0, 10);
    assert_eq!(before.running, None);
    assert_eq!(
        before.ready,
        [
            step("square(1)", true),
            step("square(2)", true),
            step("square(3)", true)
        ]
    );
    assert_eq!(states(0), [TaskState::Pending; 3]);

    let first = history.inside_at_limited(1, 10);
    assert_eq!(first.running, Some(step("square(1)", true)));
    assert_eq!(
        states(1),
        [TaskState::Running, TaskState::Pending, TaskState::Pending]
    );
    let printed: Vec<String> = history
        .events_of(1)
        .iter()
        .map(|e| format!("{:?}", e.kind))
        .collect();
    assert!(
        printed.iter().any(|e| e.contains("Square 1")),
        "{printed:?}"
    );

    let woken = history.inside_at_limited(5, 10);
    assert_eq!((woken.iteration, woken.time_ms), (2, 1000.0));
    assert_eq!(woken.running, Some(timer("square(2)")));
    assert_eq!(woken.ready, [timer("square(3)"), step("square(1)", false)]);
    assert_eq!(
        states(5),
        [TaskState::Ready, TaskState::Waiting, TaskState::Waiting]
    );
    assert_eq!(
        woken.tasks[1].awaiting,
        Some(Awaiting::Sleep { until_ms: 1000.0 })
    );
    // Each task stands at its `await asyncio.sleep(1)`, line 6.
    assert!(
        woken.tasks.iter().all(|t| t.line == Some(6)),
        "{:?}",
        woken.tasks
    );

    let gathered = history.inside_at_limited(9, 10);
    assert_eq!(
        gathered.ready,
        [
            CallbackView::GatherChildDone {
                child: "square(1)".into()
            },
            CallbackView::GatherChildDone {
                child: "square(2)".into()
            },
        ]
    );
    assert_eq!(
        states(9),
        [TaskState::Done, TaskState::Done, TaskState::Running]
    );
    assert_eq!(
        history.inside_at_limited(13, 10).running,
        Some(CallbackView::StopLoop {
            // run_until_complete ran gather's future, named as the timeline names it.
            of: "gather(square(), square(), square())".into()
        })
    );
    // The lines of the run, counted callback by callback: the last one comes after the loop.
    assert_eq!(
        (
            history.lines_at(1),
            history.lines_at(7),
            history.lines_at(13)
        ),
        (1, 4, 7)
    );
    assert_eq!(history.next_iteration(1), 4);
    assert_eq!(history.previous_iteration(5), 4);
}

#[test]
fn ten_thousand_tasks_are_rebuilt_at_any_callback() {
    use async_playground::time_travel::CallbackView;
    let source = "import asyncio\n\nasync def work(i):\n    await asyncio.sleep(1)\n    return i\n\n\
        async def main():\n    results = await asyncio.gather(*(work(i) for i in range(10_000)))\n    \
        print(len(results))\n\nasyncio.run(main())\n";
    let chosen = vec![1, 5_000, 10_001, 10_002, 20_000, 30_003, 40_003, 40_007];
    let (history, views, lanes) = record(source, Some(chosen.clone()));
    // main(), 10,000 first steps, timers, wake-ups and gather's callbacks, main()'s wake-up,
    // the stop; then asyncio.run's shutdown_asyncgens() and shutdown_default_executor(): a step
    // and a stop each.
    assert_eq!(history.len(), 40_007);
    // Compact: 24 records a task here (the page keeps at most a million).
    assert!(
        history.records() < 30 * 10_000,
        "{} records",
        history.records()
    );
    assert_eq!(views.len(), chosen.len());
    // The last first step: every other task sleeps, one timer each, main() awaits gather.
    let asleep = history.inside_at_limited(10_001, 50);
    assert_eq!((asleep.timers_total, asleep.timers.len()), (9_999, 50));
    let count =
        |state| asleep.state_counts[TaskState::ALL.iter().position(|s| *s == state).unwrap_or(0)];
    assert_eq!(
        (count(TaskState::Waiting), count(TaskState::Running)),
        (10_000, 1)
    );
    assert_eq!(asleep.tasks.len(), 50);
    assert_eq!(differences(&history, &views, &lanes), Vec::<String>::new());
    // After main(): asyncio.run's clean-up, each a task of asyncio's own and a stop.
    let cleanup = history.inside_at_limited(40_004, 50);
    assert_eq!(
        cleanup.running,
        Some(CallbackView::Call {
            text: "BaseEventLoop.shutdown_asyncgens()".into()
        })
    );
    assert_eq!(
        history.inside_at_limited(40_003, 50).running,
        Some(CallbackView::StopLoop {
            of: "main()".into()
        })
    );
    assert_eq!(
        history.inside_at_limited(40_007, 50).running,
        Some(CallbackView::StopLoop {
            of: "asyncio.run's clean-up".into()
        })
    );
}

#[test]
fn the_journal_crosses_to_the_page_unchanged() {
    use async_playground::program_history::{decode, encode, RECORD_WIDTH};
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut kinds = std::collections::BTreeSet::new();
    for file in [
        "presets/seeds/square_gather.py",
        "tests/programs/rate_limiter.py",
        "tests/programs/lock_counter.py",
    ] {
        let source = std::fs::read_to_string(root.join(file)).expect("a program");
        let shared = Rc::new(RefCell::new(Recording::default()));
        let mut interpreter =
            Interpreter::new(&source, "main.py", Box::new(RecordingHost(shared.clone())))
                .expect("compiles");
        interpreter.run_to_end();
        drop(interpreter);
        let records = shared.borrow_mut().recorder.take();
        let (numbers, texts) = encode(&records);
        assert_eq!(numbers.len(), records.len() * RECORD_WIDTH);
        kinds.extend(numbers.chunks(RECORD_WIDTH).map(|row| row[0] as u8));
        assert_eq!(decode(&numbers, &texts), records, "{file}");
    }
    assert!(
        kinds.len() >= 10,
        "most kinds of records were crossed: {kinds:?}"
    );
}

#[test]
fn every_program_runs_as_many_loop_callbacks_as_cpython() {
    let Some(python) = python() else {
        return;
    };
    let programs = corpus_sources();
    let sources: Vec<String> = programs.iter().map(|(_, s)| s.clone()).collect();
    let runs = run_python(python, &sources);
    let mut differ = Vec::new();
    for ((file, source), run) in programs.iter().zip(&runs) {
        let (history, _, _) = record(source, Some(Vec::new()));
        if history.len() != run.callbacks {
            differ.push(format!(
                "{}: {} callbacks here, {} in CPython",
                file.display(),
                history.len(),
                run.callbacks
            ));
        }
    }
    assert!(runs.iter().map(|r| r.callbacks).sum::<usize>() > 1_000);
    assert!(
        differ.is_empty(),
        "{} of {} programs differ:\n{}",
        differ.len(),
        programs.len(),
        differ.join("\n")
    );
}
