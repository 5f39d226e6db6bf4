//! Ctrl+Enter (Cmd+Enter) runs, Escape stops, wherever the focus is.

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

#[hook]
pub fn use_shortcuts(run: Callback<()>, stop: Callback<()>) {
    // The listener is registered once and calls the latest callbacks.
    let latest = use_mut_ref(|| (run.clone(), stop.clone()));
    *latest.borrow_mut() = (run, stop);
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|window| {
            // Not passive: Ctrl+Enter's default action is prevented.
            EventListener::new_with_options(
                &window,
                "keydown",
                EventListenerOptions::enable_prevent_default(),
                move |event| {
                    let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    let (run, stop) = latest.borrow().clone();
                    if event.key() == "Enter" && (event.ctrl_key() || event.meta_key()) {
                        event.prevent_default();
                        run.emit(());
                    } else if event.key() == "Escape" {
                        stop.emit(());
                    }
                },
            )
        });
        move || drop(listener)
    });
}
