//! What the page opens with: the scenario of the last visit (or the default example), and the
//! language saved or asked for by the browser. A link in the address wins afterwards.

use crate::app::i18n::{Lang, Text};
use crate::app::platform::{browser_language, crash, storage};
use crate::app::state::doc::Doc;
use crate::app::state::program::ProgramDoc;
use crate::app::state::ui::{Mode, UiState};
use crate::{presets, program_presets};

/// The Python program of the last visit, or the first example.
pub fn restore_program() -> ProgramDoc {
    match storage::load_program() {
        Some(source) => ProgramDoc::new(&source),
        None => ProgramDoc::new(
            program_presets::find(program_presets::DEFAULT).map_or("", |p| p.source),
        ),
    }
}

pub fn restore() -> (Doc, UiState) {
    let lang = storage::load_lang()
        .and_then(|code| Lang::parse(&code))
        .unwrap_or_else(|| Lang::from_browser(&browser_language()));
    let mut ui = UiState::new(lang);
    ui.mode = storage::load_mode()
        .and_then(|name| Mode::parse(&name))
        .unwrap_or_default();
    let doc = match storage::restore_scenario(crash::take_restore_request()) {
        storage::Restored::Nothing => Doc::from_preset(presets::DEFAULT),
        storage::Restored::Scenario(scenario) => Doc::from_scenario(scenario),
        storage::Restored::Unreadable(reason) => {
            ui.notice = Some(format!("{} ({reason})", lang.t(Text::UnreadableAutosave)));
            Doc::from_preset(presets::DEFAULT)
        }
    };
    (doc, ui)
}
