//! In headless Chromium: the real runtime on the browser's event loop.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use async_playground::engine::simulate;
use async_playground::presets;
use async_playground::runtime::{self, RunUpdate};
use async_playground::scenario::Scenario;
use async_playground::trace::{push_console_lines, ConsoleLine, Trace};
use futures::future::join;
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

#[wasm_bindgen_test]
async fn two_timeouts_awaited_together_run_concurrently() {
    let start = now();
    join(TimeoutFuture::new(200), TimeoutFuture::new(200)).await;
    let elapsed = now() - start;
    assert!(
        elapsed >= 199.0,
        "a 200 ms timeout ended after {elapsed} ms"
    );
    assert!(
        elapsed < 300.0,
        "two 200 ms timeouts together took {elapsed} ms: not concurrent"
    );
}

/// Everything one run reported.
#[derive(Default)]
struct Recorded {
    trace: Trace,
    lines: Vec<ConsoleLine>,
    finished: bool,
    updates_after_finish: usize,
}

fn record(scenario: &Scenario) -> (Rc<RefCell<Recorded>>, runtime::RunHandle) {
    let recorded = Rc::new(RefCell::new(Recorded::default()));
    let sink = recorded.clone();
    let handle = runtime::start(scenario, move |update| {
        let mut r = sink.borrow_mut();
        if r.finished {
            r.updates_after_finish += 1;
        }
        match update {
            RunUpdate::Started { .. } | RunUpdate::WaitingUntil(_) => {}
            RunUpdate::Events(events) => {
                for event in &events {
                    push_console_lines(&mut r.lines, event);
                }
                r.trace.extend(events);
            }
            RunUpdate::Finished => r.finished = true,
        }
    });
    (recorded, handle)
}

async fn run_to_end(scenario: &Scenario) -> Rc<RefCell<Recorded>> {
    let (recorded, handle) = record(scenario);
    let deadline = now() + 30_000.0;
    while !recorded.borrow().finished {
        assert!(now() < deadline, "the run did not finish");
        TimeoutFuture::new(20).await;
    }
    drop(handle);
    recorded
}

/// Real milliseconds a line may come after its ideal time: a base, plus an allowance for each
/// sleep it waited through (each sleep starts from the actual wake-up, so lateness adds up over
/// a task's successive sleeps, as it does in CPython).
const BASE_TOLERANCE_REAL_MS: f64 = 6.0;
const PER_SLEEP_TOLERANCE_REAL_MS: f64 = 4.0;

/// How many waits a line came through, one after the other: the distinct instants at which
/// sleeps woke or blocks ended in the ideal run, up to `t` (waits of one instant count once,
/// whatever their task; each starts from the actual time, so lateness carries forward).
fn wakes_before(ideal: &Trace, t: f64) -> usize {
    use async_playground::trace::EventKind;
    let mut instants: Vec<f64> = ideal
        .events
        .iter()
        .filter(|e| e.t <= t && matches!(e.kind, EventKind::Woke { .. } | EventKind::BlockEnd))
        .map(|e| e.t)
        .collect();
    instants.sort_by(f64::total_cmp);
    instants.dedup();
    instants.len()
}

#[wasm_bindgen_test]
async fn seed_presets_print_their_lines_in_order_at_the_ideal_times() {
    // Warm up first: the browser compiles the test's wasm on background threads at start-up,
    // which on two cores would be measured as lateness of the first preset.
    let mut warm_up = presets::find("count_async").expect("preset").scenario();
    warm_up.time_scale = 0.02;
    run_to_end(&warm_up).await;
    for preset in presets::all() {
        let mut scenario = preset.scenario();
        scenario.time_scale = 0.05;
        let ideal_trace = simulate(&scenario);
        // The lines and their order are checked strictly on every try. A try whose timing
        // misses is run again: a systematic delay misses every time, a hiccup of this shared
        // machine does not come back.
        let mut misses = Vec::new();
        for _ in 0..3 {
            let recorded = run_to_end(&scenario).await;
            let recorded = recorded.borrow();
            assert_eq!(recorded.updates_after_finish, 0);
            match check_run(preset.id, &scenario, &ideal_trace, &recorded) {
                Ok(()) => break,
                Err(miss) => misses.push(miss),
            }
        }
        assert!(
            misses.len() < 3,
            "{}: late on every try:\n{}",
            preset.id,
            misses.join("\n")
        );
    }
}

/// Panics if a line is missing or out of order; `Err` if one came too late (or early).
fn check_run(
    id: &str,
    scenario: &Scenario,
    ideal_trace: &Trace,
    recorded: &Recorded,
) -> Result<(), String> {
    let ideal = ideal_trace.console_lines();
    let measured = &recorded.lines;
    assert_eq!(measured.len(), ideal.len(), "{id}: {measured:?}");
    let tolerance = |t: f64| {
        BASE_TOLERANCE_REAL_MS + PER_SLEEP_TOLERANCE_REAL_MS * wakes_before(ideal_trace, t) as f64
    };
    // The same lines in the same order as on the virtual clock, each close to its ideal time.
    let texts =
        |lines: &[ConsoleLine]| lines.iter().map(|l| l.text.to_string()).collect::<Vec<_>>();
    assert_eq!(texts(measured), texts(&ideal), "{id}: lines");
    for (line, ideal_line) in measured.iter().zip(&ideal) {
        let late = (line.t - ideal_line.t) * scenario.time_scale;
        if late < -0.5 || late > tolerance(ideal_line.t) {
            return Err(format!(
                "{id}: {:?} came {late:.2} real ms late (allowed {})",
                line.text,
                tolerance(ideal_line.t)
            ));
        }
    }
    let ideal_total = ideal_trace.total().unwrap_or(f64::NAN);
    let late = (recorded.trace.total().unwrap_or(f64::NAN) - ideal_total) * scenario.time_scale;
    if !(-0.5..=tolerance(ideal_total)).contains(&late) {
        return Err(format!("{id}: the total came {late:.2} real ms late"));
    }
    Ok(())
}

#[wasm_bindgen_test]
async fn a_block_really_freezes_the_event_loop() {
    let scenario = Scenario::from_json(
        r#"{"version":1,"strategy":"gather","time_scale":0.1,"tasks":[
            {"name":"sleeper","steps":[{"sleep":0.5},{"print":"woke"}]},
            {"name":"blocker","steps":[{"block":2},{"print":"unblocked"}]}]}"#,
    )
    .expect("valid");
    let recorded = run_to_end(&scenario).await;
    let lines = &recorded.borrow().lines;
    let texts: Vec<&str> = lines.iter().map(|l| &*l.text).collect();
    assert_eq!(texts, ["unblocked", "woke", "[None, None]"]);
    // The sleeper asked to wake at 500 ms but the frozen loop only let it at 2000 ms.
    assert!(
        lines[1].t >= 2000.0 && lines[1].t < 2000.0 + 80.0,
        "woke at {}",
        lines[1].t
    );
}

#[wasm_bindgen_test]
async fn stopping_a_run_leaves_no_event_behind() {
    let mut scenario = presets::find("square_sequential")
        .expect("preset")
        .scenario();
    scenario.time_scale = 0.05; // 150 ms in all
    let (recorded, handle) = record(&scenario);
    TimeoutFuture::new(60).await;
    let stopped_at = now();
    handle.stop();
    let seen = recorded.borrow().trace.events.len();
    assert!(seen > 0, "the run had started");
    TimeoutFuture::new(250).await;
    let r = recorded.borrow();
    assert_eq!(r.trace.events.len(), seen, "events arrived after stop");
    assert!(!r.finished, "a stopped run never reports an end");
    assert!(r.lines.len() < 7, "the run was cut short: {:?}", r.lines);
    assert!(now() - stopped_at >= 249.0);
}

#[wasm_bindgen_test]
async fn a_new_run_never_receives_events_of_an_older_one() {
    let mut slow = presets::find("say_after_sequential")
        .expect("preset")
        .scenario();
    slow.time_scale = 0.05;
    let (old, old_handle) = record(&slow);
    TimeoutFuture::new(30).await;
    drop(old_handle);
    let old_count = old.borrow().trace.events.len();
    let mut quick = presets::find("hello_world_task")
        .expect("preset")
        .scenario();
    quick.time_scale = 0.05;
    let new = run_to_end(&quick).await;
    TimeoutFuture::new(200).await;
    assert_eq!(old.borrow().trace.events.len(), old_count);
    let texts: Vec<String> = new
        .borrow()
        .lines
        .iter()
        .map(|l| l.text.to_string())
        .collect();
    assert_eq!(texts, ["Hello, World!", "Hello again!", "[None]"]);
}

#[wasm_bindgen_test]
fn a_crash_is_reported_on_the_page_with_a_way_back() {
    use async_playground::app::platform::crash::{report_crash, RESTORE_QUERY};
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    report_crash("index out of bounds: the len is 3 but the index is 7");
    report_crash("a second panic adds no second banner");
    let banners = document
        .query_selector_all("[data-testid=\"crash\"]")
        .expect("query");
    assert_eq!(banners.length(), 1);
    let banner = document
        .query_selector("[data-testid=\"crash\"]")
        .ok()
        .flatten()
        .expect("banner");
    let text = banner.text_content().unwrap_or_default();
    assert!(text.contains("the len is 3 but the index is 7"), "{text}");
    let restore = document
        .query_selector("[data-testid=\"crash-restore\"]")
        .ok()
        .flatten()
        .expect("link");
    assert!(restore
        .get_attribute("href")
        .unwrap_or_default()
        .ends_with(&format!("?{RESTORE_QUERY}")));
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    banner.remove();
}

/// What a Python program run on the real loop reported.
fn record_program(source: &str) -> (Rc<RefCell<Vec<runtime::ProgramUpdate>>>, runtime::RunHandle) {
    let updates = Rc::new(RefCell::new(Vec::new()));
    let sink = updates.clone();
    let handle = runtime::start_program(source, 1.0, runtime::Pace::SharePage, move |update| {
        sink.borrow_mut().push(update)
    });
    (updates, handle)
}

#[wasm_bindgen_test]
async fn a_python_program_runs_on_real_timers() {
    use async_playground::runtime::ProgramUpdate;
    let source = "import asyncio\n\nasync def say(what, delay):\n    await asyncio.sleep(delay)\n    print(what)\n\nasync def main():\n    await asyncio.gather(say('late', 0.15), say('early', 0.05))\n    print(1 / 0)\n\nasyncio.run(main())\n";
    let (updates, handle) = record_program(source);
    let deadline = now() + 10_000.0;
    while !matches!(
        updates.borrow().last(),
        Some(ProgramUpdate::Finished { .. })
    ) {
        assert!(now() < deadline, "the program did not finish");
        TimeoutFuture::new(10).await;
    }
    drop(handle);
    let updates = updates.borrow();
    let stdout: Vec<(f64, &str)> = updates
        .iter()
        .filter_map(|u| match u {
            ProgramUpdate::Line {
                t,
                stderr: false,
                text,
                ..
            } => Some((*t, text.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(
        stdout.iter().map(|l| l.1).collect::<Vec<_>>(),
        ["early", "late"]
    );
    assert!(
        stdout[0].0 >= 50.0 && stdout[0].0 < 50.0 + 40.0,
        "{stdout:?}"
    );
    assert!(
        stdout[1].0 >= 150.0 && stdout[1].0 < 150.0 + 40.0,
        "{stdout:?}"
    );
    let last_stderr = updates.iter().rev().find_map(|u| match u {
        ProgramUpdate::Line {
            stderr: true, text, ..
        } => Some(text.as_str()),
        _ => None,
    });
    assert_eq!(last_stderr, Some("ZeroDivisionError: division by zero"));
    assert!(
        matches!(updates.last(), Some(&ProgramUpdate::Finished { t, status: 1 }) if t >= 150.0),
        "{:?}",
        updates.last()
    );
}

/// Runs a program on the real loop to its end: every update it sent.
async fn program_updates(source: &str) -> Vec<runtime::ProgramUpdate> {
    let (updates, handle) = record_program(source);
    let deadline = now() + 10_000.0;
    while !matches!(
        updates.borrow().last(),
        Some(runtime::ProgramUpdate::Finished { .. })
    ) {
        assert!(now() < deadline, "the program did not finish");
        TimeoutFuture::new(10).await;
    }
    drop(handle);
    let updates = updates.borrow().clone();
    updates
}

#[wasm_bindgen_test]
async fn what_a_program_reports_crosses_from_the_worker_to_the_page_unchanged() {
    use async_playground::runtime::ProgramUpdate;
    use async_playground::worker::{message, read_message};
    let source = "import asyncio

async def greet(name, delay):
    await asyncio.sleep(delay)
    print(f'héllo {name} ✓')
    return {name: [delay, None]}

async def fail():
    raise ValueError('ünïcode')

async def main():
    print(await asyncio.gather(greet('café', 0.02), greet('日本', 0.01), fail(), return_exceptions=True))

asyncio.run(main())
";
    let updates = program_updates(source).await;
    let kinds = |pick: fn(&ProgramUpdate) -> bool| updates.iter().filter(|u| pick(u)).count();
    assert!(kinds(|u| matches!(u, ProgramUpdate::Trace { .. })) > 0);
    assert!(kinds(|u| matches!(u, ProgramUpdate::Journal(_))) > 0);
    assert!(kinds(|u| matches!(u, ProgramUpdate::Line { .. })) == 3);
    for update in updates {
        assert_eq!(read_message(&message(&update).into()), Some(update));
    }
}

#[wasm_bindgen_test]
async fn an_endless_loop_leaves_the_page_responsive_and_stops() {
    use async_playground::runtime::ProgramUpdate;
    let (updates, handle) = record_program("print('spinning')\nwhile True:\n    pass\n");
    // While the program spins, the browser's own timers still fire on time or nearly.
    let start = now();
    for _ in 0..10 {
        TimeoutFuture::new(10).await;
    }
    let elapsed = now() - start;
    assert!(
        elapsed < 1_000.0,
        "ten 10 ms timeouts took {elapsed} ms: the page froze"
    );
    assert!(
        updates
            .borrow()
            .iter()
            .any(|u| matches!(u, ProgramUpdate::Line { text, .. } if text == "spinning")),
        "the line before the loop was printed while it spins"
    );
    handle.stop();
    let seen = updates.borrow().len();
    TimeoutFuture::new(100).await;
    assert_eq!(updates.borrow().len(), seen, "nothing comes after Stop");
    assert!(!updates
        .borrow()
        .iter()
        .any(|u| matches!(u, ProgramUpdate::Finished { .. })));
}

#[wasm_bindgen_test]
async fn a_refused_program_says_why_before_running() {
    use async_playground::runtime::ProgramUpdate;
    let (updates, _handle) = record_program("import aiohttp\n");
    TimeoutFuture::new(20).await;
    let updates = updates.borrow();
    match updates.as_slice() {
        [ProgramUpdate::Refused(refusal)] => {
            let report = &refusal.report;
            // CPython's caret is under the module's name.
            assert_eq!((refusal.line, refusal.col), (1, 8), "{report}");
            assert!(report.contains("line 1"), "{report}");
            assert!(
                report.contains("No module named 'aiohttp' in the playground"),
                "{report}"
            );
        }
        other => panic!("{other:?}"),
    }
}
