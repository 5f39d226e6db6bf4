//! The scenario or program a link names (`#s=`, `#z=`, `#py=`, `&run=1`), read when the page
//! opens and whenever the fragment changes.

use gloo_events::EventListener;
use yew::prelude::*;

use crate::app::platform::fragment;
use crate::link::{parse_link, Link};

/// Calls `on_load` with what a link asks for, or `on_refused` with why it cannot be loaded
/// (the page then keeps what it had).
#[hook]
pub fn use_link(on_load: Callback<Link>, on_refused: Callback<String>) {
    use_effect_with((), move |_| {
        let read = move || match parse_link(&fragment()) {
            Ok(None) => {}
            Ok(Some(request)) => on_load.emit(request),
            Err(error) => on_refused.emit(error.to_string()),
        };
        read();
        let listener = web_sys::window()
            .map(|window| EventListener::new(&window, "hashchange", move |_| read()));
        move || drop(listener)
    });
}
