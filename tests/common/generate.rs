//! Random scenarios for the tests: delays chosen to collide, raises at every depth, odd text.

use std::rc::Rc;

use async_playground::pyvalue::PyValue;
use async_playground::scenario::{Coroutine, Scenario, Seconds, Step, Strategy};

/// A small xorshift generator: the same scenarios on every run.
pub struct Random(pub u64);

impl Random {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
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

pub fn random_scenario(random: &mut Random, strategy: Strategy) -> Scenario {
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
