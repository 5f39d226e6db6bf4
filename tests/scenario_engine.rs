//! The scenario engine on the interpreter against the step engine it replaces: the same trace,
//! event for event, for every preset and hundreds of generated scenarios.
#![cfg(not(target_arch = "wasm32"))]

use async_playground::presets;
use async_playground::scenario::{Scenario, Strategy};
use async_playground::trace::{Event, EventKind, Trace};

mod common;

use common::generate::{random_scenario, Random};

/// A print of several lines is one event in the step engine, one per line in the interpreter.
fn split_prints(trace: Trace) -> Trace {
    let mut events = Vec::new();
    for event in trace.events {
        match &event.kind {
            EventKind::Print(text) if text.contains('\n') => {
                for line in text.split('\n') {
                    events.push(Event {
                        kind: EventKind::Print(line.into()),
                        ..event.clone()
                    });
                }
            }
            _ => events.push(event),
        }
    }
    Trace::from_events(events)
}

/// `asyncio.run` cancels what is left at the end: the interpreter records each task's
/// cancellation when the task processes it (CPython's order), the step engine in task order.
fn sort_final_cancellations(mut trace: Trace) -> Trace {
    let end = trace.events.len().saturating_sub(1);
    let start = trace.events[..end]
        .iter()
        .rposition(|e| e.kind != EventKind::Cancelled)
        .map_or(0, |i| i + 1);
    trace.events[start..end].sort_by_key(|e| e.lane);
    trace
}

fn compare(name: &str, scenario: &Scenario) -> Result<(), String> {
    let old = split_prints(async_playground::engine::simulate(scenario));
    let new = sort_final_cancellations(async_playground::scenario_engine::simulate(scenario));
    if old == new {
        return Ok(());
    }
    let at = old
        .events
        .iter()
        .zip(&new.events)
        .position(|(a, b)| a != b)
        .unwrap_or(old.events.len().min(new.events.len()));
    let from = at.saturating_sub(3);
    Err(format!(
        "{name}: first difference at event {at}\nstep engine: {:#?}\ninterpreter: {:#?}\n{}",
        &old.events[from..(at + 6).min(old.events.len())],
        &new.events[from..(at + 6).min(new.events.len())],
        async_playground::python::program(scenario)
    ))
}

#[test]
fn presets_give_the_same_trace() {
    let mut failures = Vec::new();
    for preset in presets::all() {
        for strategy in Strategy::ALL {
            let mut scenario = preset.scenario();
            scenario.strategy = strategy;
            if let Err(e) = compare(&format!("{} {strategy:?}", preset.id), &scenario) {
                failures.push(e);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} differ:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn generated_scenarios_give_the_same_trace() {
    let mut random = Random(0x5eed_a5c1_0b5e_55ed);
    let mut failures = Vec::new();
    for i in 0..400 {
        let strategy = Strategy::ALL[i % Strategy::ALL.len()];
        let scenario = random_scenario(&mut random, strategy);
        if let Err(e) = compare(&format!("generated #{i}"), &scenario) {
            failures.push(e);
        }
    }
    assert!(
        failures.is_empty(),
        "{} of 400 differ; the first:\n{}",
        failures.len(),
        failures.first().cloned().unwrap_or_default()
    );
}
