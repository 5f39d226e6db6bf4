//! Starting, stopping and comparing runs: the page's runs as state, and a controller that owns
//! every run handle, so dropping the hook (or stopping) cancels the runs' timers.

use std::rc::Rc;

use yew::prelude::*;

use super::run_control::Control;
use crate::app::platform::settle::when_settled;
use crate::app::state::runs::Runs;
use crate::app::state::ui::CompareMode;
use crate::scenario::{Scenario, Strategy};

/// The runs and what can be done with them.
#[derive(Clone)]
pub struct RunsHandle {
    pub state: UseReducerHandle<Runs>,
    control: Rc<Control>,
}

impl PartialEq for RunsHandle {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state
    }
}

impl RunsHandle {
    /// Stops what runs, then runs `scenario` with its strategy.
    pub fn run(&self, scenario: &Rc<Scenario>) {
        self.control.stop_all();
        self.control.start(scenario, None);
    }

    /// Runs `scenario` once the page has painted and the browser is idle (a run that starts on
    /// open must not compete with the page's own start-up).
    pub fn run_when_settled(&self, scenario: Rc<Scenario>) {
        self.control.stop_all();
        let weak = Rc::downgrade(&self.control);
        let waiting = when_settled(move || {
            if let Some(control) = weak.upgrade() {
                control.stop_all();
                control.start(&scenario, None);
            }
        });
        *self.control.on_open.borrow_mut() = Some(waiting);
    }

    /// Runs every strategy on the scenario's tasks: together, or one after the other when a
    /// task blocks (a block would freeze the other runs too).
    pub fn compare(&self, scenario: &Rc<Scenario>) -> CompareMode {
        self.control.stop_all();
        let variants: Vec<Rc<Scenario>> = Strategy::ALL
            .iter()
            .map(|strategy| {
                Rc::new(Scenario {
                    strategy: *strategy,
                    ..(**scenario).clone()
                })
            })
            .collect();
        if scenario.blocks() {
            for variant in &variants {
                self.control.prepare(variant, false);
            }
            self.control.run_chain(variants, 0);
            CompareMode::OneAfterAnother
        } else {
            for variant in &variants {
                self.control.start(variant, None);
            }
            CompareMode::Together
        }
    }

    pub fn stop_all(&self) {
        self.control.stop_all();
    }
}

/// The page's runs: one reducer for their state, one controller for their handles.
#[hook]
pub fn use_runs() -> RunsHandle {
    let state = use_reducer(Runs::default);
    let dispatch = state.dispatcher();
    let control = (*use_memo((), move |_| Control::new(dispatch))).clone();
    {
        let control = control.clone();
        use_effect_with((), move |_| move || control.dispose());
    }
    RunsHandle { state, control }
}
