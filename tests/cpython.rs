//! The engine against CPython itself. The program a scenario stands for runs on CPython's own
//! asyncio loop on a virtual clock (`tests/support/virtual_clock.py`): the engine must print the
//! same lines, in the same order, each at exactly the same time, and end at the same time.
//! Deterministic: no real clock is involved on either side.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use async_playground::engine::simulate;
use async_playground::presets;
use async_playground::py::run::run_virtual;
use async_playground::python::program;
use async_playground::pyvalue::PyValue;
use async_playground::scenario::{Coroutine, Scenario, Seconds, Step, Strategy};

mod common;

use common::{python, run_python, PythonRun};

/// The engine's lines and total against CPython's: equal, in order, at the same times.
///
/// Standard output only: a scenario's program catches every exception that reaches `main()`,
/// and what CPython logs on standard error about tasks whose exception nobody retrieved is not
/// part of a scenario's console.
fn compare(name: &str, scenario: &Scenario, source: &str, run: &PythonRun) -> Result<(), String> {
    let trace = simulate(scenario);
    let printed: Vec<&(f64, String, String)> =
        run.lines.iter().filter(|l| l.1 == "stdout").collect();
    let ours: Vec<(f64, String, String)> = trace
        .console_lines()
        .into_iter()
        .map(|l| (l.t, "stdout".to_owned(), l.text.to_string()))
        .collect();
    let fail = |why: String| Err(format!("{name}: {why}\n--- program ---\n{source}"));
    if run.status != 0 {
        return fail(format!(
            "CPython exited with {}: {:?}",
            run.status, run.lines
        ));
    }
    for (i, (want, got)) in printed.iter().zip(&ours).enumerate() {
        if *want != got {
            return fail(format!(
                "line {i}: CPython {want:?}, engine {got:?}\nCPython: {printed:?}\nengine:  {ours:?}"
            ));
        }
    }
    if printed.len() != ours.len() {
        return fail(format!(
            "CPython printed {} lines, the engine {}\nCPython: {printed:?}\nengine:  {ours:?}",
            printed.len(),
            ours.len(),
        ));
    }
    // The interpreter runs the same program: the same lines at the same times.
    let (lines, status) = run_virtual(source, "<program>");
    let interpreted: Vec<(f64, String, String)> = lines
        .iter()
        .filter(|l| !l.stderr)
        .map(|l| (l.t * 1000.0, "stdout".to_owned(), l.text.clone()))
        .collect();
    let same = interpreted.len() == printed.len()
        && interpreted
            .iter()
            .zip(&printed)
            .all(|(a, b)| a.2 == b.2 && (a.0 - b.0).abs() < 1e-6);
    if !same || status != 0 {
        return fail(format!(
            "the interpreter (status {status}) printed\n{interpreted:?}\nCPython:\n{printed:?}\nstderr: {:?}",
            lines.iter().filter(|l| l.stderr).map(|l| &l.text).collect::<Vec<_>>()
        ));
    }
    if trace.total() != Some(run.end_ms) {
        return fail(format!(
            "CPython ended at {} ms, the engine at {:?} ms",
            run.end_ms,
            trace.total()
        ));
    }
    Ok(())
}

fn compare_all(named: &[(String, Scenario)]) -> Vec<String> {
    let Some(python) = python() else {
        return Vec::new();
    };
    let programs: Vec<String> = named.iter().map(|(_, s)| program(s)).collect();
    let runs = run_python(python, &programs);
    named
        .iter()
        .zip(&programs)
        .zip(&runs)
        .filter_map(|(((name, scenario), source), run)| compare(name, scenario, source, run).err())
        .collect()
}

#[test]
fn every_seed_preset_prints_what_cpython_prints() {
    let named: Vec<(String, Scenario)> = presets::all()
        .iter()
        .map(|p| (p.id.to_owned(), p.scenario()))
        .collect();
    let failures = compare_all(&named);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// A small deterministic generator (xorshift), so a failure can be replayed from its seed.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

fn random_value(random: &mut Random) -> PyValue {
    match random.below(7) {
        0 => PyValue::None,
        1 => PyValue::Bool(random.below(2) == 0),
        2 => PyValue::Int(
            random
                .pick(&["0", "-7", "42", "123456789012345678901234567890"])
                .to_string(),
        ),
        3 => PyValue::Float(*random.pick(&[2.5, 0.1, 1e16, 1e-5, -0.0, 1.0, 123456.789])),
        _ => PyValue::Str(
            random
                .pick(&[
                    "hello",
                    "it's",
                    "say \"hi\"",
                    "tab\there",
                    "é🐍",
                    "both ' \"",
                    "back\\slash",
                ])
                .to_string(),
        ),
    }
}

/// Delays chosen to collide: equal deadlines, sums that are not exact in binary (0.1 + 0.2),
/// zero sleeps that only yield, and blocks long enough for other timers to fall due.
const SLEEPS: [f64; 9] = [0.0, 0.0, 0.1, 0.2, 0.3, 0.25, 0.5, 1.0, 1.0];
const BLOCKS: [f64; 4] = [0.1, 0.25, 0.5, 1.0];
const MAX_DEPTH: usize = 3;

fn random_coroutine(random: &mut Random, name: String, depth: usize, raises: bool) -> Coroutine {
    let count = random.below(7);
    let mut steps = Vec::new();
    for i in 0..count {
        let step = match random.below(20) {
            0..=4 => Step::Print(format!("{name} says {i}").into()),
            5..=11 => Step::Sleep(Seconds::new(*random.pick(&SLEEPS))),
            12..=13 => Step::Block(Seconds::new(*random.pick(&BLOCKS))),
            14..=16 if depth < MAX_DEPTH => Step::Await(Rc::new(random_coroutine(
                random,
                format!("{name}.inner{i}"),
                depth + 1,
                raises,
            ))),
            17..=18 if raises => Step::Raise(format!("{name} failed at depth {depth}").into()),
            _ => Step::Print(format!("{name} line {i}\n'second' \"line\"").into()),
        };
        steps.push(step);
    }
    Coroutine {
        name,
        steps,
        returns: random_value(random),
    }
}

fn random_scenario(random: &mut Random, strategy: Strategy) -> Scenario {
    let raises = random.below(3) == 0;
    let tasks = (0..1 + random.below(6))
        .map(|k| Rc::new(random_coroutine(random, format!("t{k}"), 0, raises)))
        .collect();
    Scenario {
        title: None,
        strategy,
        time_scale: 1.0,
        tasks,
    }
}

#[test]
fn hundreds_of_generated_scenarios_print_what_cpython_prints() {
    let mut random = Random(0x5eed_a5c1_0b5e_55ed);
    let mut named = Vec::new();
    for i in 0..400 {
        let strategy = Strategy::ALL[i % Strategy::ALL.len()];
        let scenario = random_scenario(&mut random, strategy);
        scenario.validate().expect("generated scenarios are valid");
        named.push((format!("generated #{i}"), scenario));
    }
    let failures = compare_all(&named);
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        named.len(),
        failures.join("\n\n")
    );
}

#[test]
fn equal_deadlines_come_out_in_the_order_of_cpythons_timer_heap() {
    // Six tasks sleeping the same second under gather: CPython's heap hands the timers back as
    // 0 2 5 4 1 3, not in the order they were set.
    let tasks: Vec<Rc<Coroutine>> = (0..6)
        .map(|k| {
            Rc::new(Coroutine {
                name: format!("t{k}"),
                steps: vec![
                    Step::Sleep(Seconds::new(1.0)),
                    Step::Print(format!("end {k}").into()),
                ],
                returns: PyValue::None,
            })
        })
        .collect();
    let scenario = Scenario {
        title: None,
        strategy: Strategy::Gather,
        time_scale: 1.0,
        tasks,
    };
    let texts: Vec<String> = simulate(&scenario)
        .console_lines()
        .into_iter()
        .map(|l| l.text.to_string())
        .collect();
    assert_eq!(
        texts[..6],
        ["end 0", "end 2", "end 5", "end 4", "end 1", "end 3"]
    );
    let failures = compare_all(&[("six ties".to_owned(), scenario)]);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
