//! Autosave in localStorage: what was being edited comes back on reload; a stored value that
//! cannot be read is set aside (never silently overwritten) and the page says so.

use crate::scenario::Scenario;

const SCENARIO_KEY: &str = "async-playground.scenario.v1";
const SET_ASIDE_KEY: &str = "async-playground.scenario.unreadable";
const LANG_KEY: &str = "async-playground.lang";
const LAST_GOOD_KEY: &str = "async-playground.scenario.last-good";
const PROGRAM_KEY: &str = "async-playground.python.v1";
const MODE_KEY: &str = "async-playground.mode";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// What the last visit left behind.
pub enum Restored {
    Nothing,
    Scenario(Scenario),
    /// The stored value could not be read; it was moved to a side key. The text says why.
    Unreadable(String),
}

/// The autosave, or with `last_good` the last scenario whose run finished (what the crash
/// banner offers to reload).
pub fn restore_scenario(last_good: bool) -> Restored {
    let Some(storage) = storage() else {
        return Restored::Nothing;
    };
    let key = if last_good {
        LAST_GOOD_KEY
    } else {
        SCENARIO_KEY
    };
    let Ok(Some(text)) = storage.get_item(key) else {
        return Restored::Nothing;
    };
    match Scenario::from_json(&text) {
        Ok(scenario) => Restored::Scenario(scenario),
        Err(error) => {
            let _ = storage.set_item(SET_ASIDE_KEY, &text);
            let _ = storage.remove_item(key);
            Restored::Unreadable(error.to_string())
        }
    }
}

/// Saves the scenario; `Err` with the reason when the browser refuses (quota, privacy mode).
pub fn save_scenario(scenario: &Scenario) -> Result<(), String> {
    save(SCENARIO_KEY, &scenario.to_json(), "your changes are")
}

/// Stores `value`; `Err` says that `what` ("your changes are") not saved, and why.
fn save(key: &str, value: &str, what: &str) -> Result<(), String> {
    let Some(storage) = storage() else {
        return Err("this browser has no local storage".into());
    };
    storage
        .set_item(key, value)
        .map_err(|_| format!("the browser's storage is full or disabled: {what} not saved"))
}

pub fn load_lang() -> Option<String> {
    storage().and_then(|s| s.get_item(LANG_KEY).ok().flatten())
}

pub fn save_lang(code: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(LANG_KEY, code);
    }
}

/// Remembers a scenario whose run went to its end.
pub fn save_last_good(scenario: &crate::scenario::Scenario) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(LAST_GOOD_KEY, &scenario.to_json());
    }
}

/// The Python program of the last visit.
pub fn load_program() -> Option<String> {
    storage().and_then(|s| s.get_item(PROGRAM_KEY).ok().flatten())
}

/// Saves the Python program; `Err` with the reason when the browser refuses.
pub fn save_program(source: &str) -> Result<(), String> {
    save(PROGRAM_KEY, source, "your program is")
}

pub fn load_mode() -> Option<String> {
    storage().and_then(|s| s.get_item(MODE_KEY).ok().flatten())
}

pub fn save_mode(name: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(MODE_KEY, name);
    }
}
