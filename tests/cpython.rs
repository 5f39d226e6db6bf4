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

use common::generate::{random_scenario, Random};
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
