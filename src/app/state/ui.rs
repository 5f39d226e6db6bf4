//! The page's own state around the document: language, banners, the toast, Compare and sharing.

use std::rc::Rc;

use yew::Reducible;

use crate::app::i18n::Lang;

/// How Compare runs the four strategies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareMode {
    /// All four at once, each on its own loop.
    Together,
    /// One after the other: a task blocks the loop, and four runs at once would freeze each other.
    OneAfterAnother,
}

/// The two ways in: tasks composed from steps, or a Python program.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    #[default]
    Tasks,
    Python,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Tasks => "tasks",
            Mode::Python => "python",
        }
    }

    pub fn parse(name: &str) -> Option<Mode> {
        [Mode::Tasks, Mode::Python]
            .into_iter()
            .find(|m| m.as_str() == name)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct UiState {
    pub lang: Lang,
    pub mode: Mode,
    /// Why the last link, file or stored scenario was refused (the `load-error` hook).
    pub load_error: Option<String>,
    /// A note that is not an error (e.g. an unreadable autosave set aside).
    pub notice: Option<String>,
    pub toast: Option<String>,
    /// Shown while the Compare section is open.
    pub compare: Option<CompareMode>,
    /// Whether Copy link adds `&run=1`.
    pub share_run: bool,
    /// The last link Copy link made.
    pub shared_link: Option<String>,
}

impl UiState {
    pub fn new(lang: Lang) -> UiState {
        UiState {
            lang,
            mode: Mode::Tasks,
            load_error: None,
            notice: None,
            toast: None,
            compare: None,
            share_run: false,
            shared_link: None,
        }
    }
}

pub enum UiAction {
    SetLang(Lang),
    SetMode(Mode),
    /// A link or a file was loaded: the last refusal no longer applies.
    Loaded,
    LoadFailed(String),
    DismissError,
    Notice(Option<String>),
    Toast(String),
    CloseToast,
    OpenCompare(CompareMode),
    CloseCompare,
    SetShareRun(bool),
    LinkMade(String),
}

impl Reducible for UiState {
    type Action = UiAction;

    fn reduce(self: Rc<Self>, action: UiAction) -> Rc<Self> {
        let mut ui = (*self).clone();
        match action {
            UiAction::SetLang(lang) => ui.lang = lang,
            UiAction::SetMode(mode) => ui.mode = mode,
            UiAction::Loaded | UiAction::DismissError => ui.load_error = None,
            UiAction::LoadFailed(reason) => ui.load_error = Some(reason),
            UiAction::Notice(notice) => ui.notice = notice,
            UiAction::Toast(message) => ui.toast = Some(message),
            UiAction::CloseToast => ui.toast = None,
            UiAction::OpenCompare(mode) => ui.compare = Some(mode),
            UiAction::CloseCompare => ui.compare = None,
            UiAction::SetShareRun(run) => ui.share_run = run,
            UiAction::LinkMade(url) => ui.shared_link = Some(url),
        }
        Rc::new(ui)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(ui: UiState, action: UiAction) -> UiState {
        (*Rc::new(ui).reduce(action)).clone()
    }

    #[test]
    fn a_refusal_stays_until_dismissed_or_replaced_by_a_load() {
        let ui = reduce(
            UiState::new(Lang::En),
            UiAction::LoadFailed("link: bad".into()),
        );
        assert_eq!(ui.load_error.as_deref(), Some("link: bad"));
        assert_eq!(reduce(ui.clone(), UiAction::Loaded).load_error, None);
        assert_eq!(reduce(ui, UiAction::DismissError).load_error, None);
    }

    #[test]
    fn compare_opens_in_a_mode_and_closes() {
        let ui = reduce(
            UiState::new(Lang::Fr),
            UiAction::OpenCompare(CompareMode::OneAfterAnother),
        );
        assert_eq!(ui.compare, Some(CompareMode::OneAfterAnother));
        assert_eq!(ui.lang, Lang::Fr);
        assert_eq!(reduce(ui, UiAction::CloseCompare).compare, None);
    }
}
