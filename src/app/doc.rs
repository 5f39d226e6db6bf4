//! The scenario being edited and how the page shows it, changed only through [`DocAction`].

use std::rc::Rc;

use yew::Reducible;

use crate::edit::{apply, Edit};
use crate::presets;
use crate::pyvalue::PyValue;
use crate::scenario::{Coroutine, Scenario, Strategy};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Fr,
}

impl Lang {
    pub fn pick(self, en: &'static str, fr: &'static str) -> &'static str {
        match self {
            Lang::En => en,
            Lang::Fr => fr,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Doc {
    /// Shared, so that a render of the page never copies a 100,000-task scenario.
    pub scenario: Rc<Scenario>,
    /// Bumped by every change of the scenario: what hooks and props compare instead of it.
    pub version: u64,
    /// The preset it came from, while unchanged.
    pub preset: Option<&'static str>,
    /// Why the last link, file or stored scenario was refused (the `load-error` hook).
    pub load_error: Option<String>,
    /// A note that is not an error (e.g. "restored from your last visit").
    pub notice: Option<String>,
    pub lang: Lang,
}

impl Doc {
    pub fn from_preset(id: &str, lang: Lang) -> Doc {
        let preset = presets::find(id).or_else(|| presets::all().first());
        Doc {
            scenario: Rc::new(preset.map_or_else(empty_scenario, |p| p.scenario())),
            version: 0,
            preset: preset.map(|p| p.id),
            load_error: None,
            notice: None,
            lang,
        }
    }
}

fn empty_scenario() -> Scenario {
    Scenario {
        title: None,
        strategy: Strategy::Gather,
        time_scale: 1.0,
        tasks: vec![Rc::new(Coroutine {
            name: "task".into(),
            steps: Vec::new(),
            returns: PyValue::None,
        })],
    }
}

pub enum DocAction {
    /// A preset, a link or a file replaced the scenario.
    Load {
        scenario: Scenario,
        preset: Option<&'static str>,
    },
    /// An edit of the scenario, applied to it as it is when the action runs.
    Edit(Edit),
    SetStrategy(Strategy),
    SetTimeScale(f64),
    LoadFailed(String),
    Notice(Option<String>),
    DismissError,
    SetLang(Lang),
}

impl Reducible for Doc {
    type Action = DocAction;

    fn reduce(self: Rc<Self>, action: DocAction) -> Rc<Self> {
        let mut doc = (*self).clone();
        match action {
            DocAction::Load { scenario, preset } => {
                doc.scenario = Rc::new(scenario);
                doc.preset = preset;
                doc.load_error = None;
            }
            DocAction::Edit(edit) => {
                doc.scenario = Rc::new(apply(&doc.scenario, edit));
                doc.preset = None;
            }
            DocAction::SetStrategy(strategy) => {
                Rc::make_mut(&mut doc.scenario).strategy = strategy;
                doc.preset = doc
                    .preset
                    .filter(|id| presets::find(id).is_some_and(|p| p.scenario() == *doc.scenario));
            }
            DocAction::SetTimeScale(scale) => Rc::make_mut(&mut doc.scenario).time_scale = scale,
            DocAction::LoadFailed(reason) => doc.load_error = Some(reason),
            DocAction::Notice(notice) => doc.notice = notice,
            DocAction::DismissError => doc.load_error = None,
            DocAction::SetLang(lang) => doc.lang = lang,
        }
        if !Rc::ptr_eq(&doc.scenario, &self.scenario) {
            doc.version = self.version + 1;
        }
        Rc::new(doc)
    }
}
