//! "Predict first": whether it is on, and the lines the scenario will print (its ideal run).

use std::rc::Rc;

use yew::prelude::*;

use crate::scenario::Scenario;

pub use crate::predict::MAX_PREDICTED_LINES;

pub struct Prediction {
    pub on: bool,
    /// Offered: the run prints between 1 and [`MAX_PREDICTED_LINES`] lines.
    pub offered: bool,
    pub lines: Rc<Vec<String>>,
    pub toggle: Callback<()>,
}

#[hook]
pub fn use_predict(scenario: &Scenario, version: u64) -> Prediction {
    let on = use_state(|| false);
    let lines = {
        let scenario = scenario.clone();
        use_memo(version, move |_| {
            // A scenario of many tasks prints too much to predict: not simulated for it.
            if scenario.tasks.len() > MAX_PREDICTED_LINES {
                return Vec::new();
            }
            crate::engine::simulate(&scenario)
                .console_lines()
                .into_iter()
                .map(|line| line.text.to_string())
                .collect::<Vec<String>>()
        })
    };
    let toggle = {
        let on = on.clone();
        Callback::from(move |_| on.set(!*on))
    };
    Prediction {
        on: *on,
        offered: (1..=MAX_PREDICTED_LINES).contains(&lines.len()),
        lines,
        toggle,
    }
}
