//! Autosave: every change of the scenario is stored; a scenario whose run went to its end is
//! remembered as the last one that ran (what the crash banner offers to reopen).

use gloo_events::EventListener;
use yew::prelude::*;

use crate::app::platform::storage;
use crate::app::state::doc::Doc;
use crate::app::state::runs::{RunStatus, Runs};
use crate::scenario::{Scenario, Strategy};

/// `on_refused` hears why the browser refused to store (a full quota): the page says so.
#[hook]
pub fn use_autosave(doc: &Doc, runs: &Runs, on_refused: Callback<String>) {
    // An edit is saved by an effect, after its render; a reload or a closed tab right after
    // the edit may come first, so an edit not saved yet is saved when the page hides.
    let unsaved: std::rc::Rc<std::cell::RefCell<Option<std::rc::Rc<Scenario>>>> =
        use_mut_ref(|| None);
    let seen_version = use_mut_ref(|| doc.version);
    if *seen_version.borrow() != doc.version {
        *seen_version.borrow_mut() = doc.version;
        *unsaved.borrow_mut() = Some(doc.scenario.clone());
    }
    {
        let unsaved = unsaved.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "pagehide", move |_| {
                    if let Some(scenario) = unsaved.borrow_mut().take() {
                        let _ = storage::save_scenario(&scenario);
                    }
                })
            });
            move || drop(listener)
        });
    }
    let scenario = doc.scenario.clone();
    use_effect_with(doc.version, move |_| {
        unsaved.borrow_mut().take();
        if let Err(reason) = storage::save_scenario(&scenario) {
            on_refused.emit(reason);
        }
    });
    let finished: Vec<(u64, bool)> = Strategy::ALL
        .iter()
        .map(|s| {
            let run = runs.get(*s);
            (run.run, run.status == RunStatus::Done)
        })
        .collect();
    let runs = runs.clone();
    use_effect_with(finished, move |finished| {
        for (strategy, (_, done)) in Strategy::ALL.iter().zip(finished) {
            if let (true, Some(scenario)) = (*done, &runs.get(*strategy).scenario) {
                storage::save_last_good(scenario);
            }
        }
    });
}
