//! The scenario being edited, changed only through [`DocAction`].

use std::rc::Rc;

use yew::Reducible;

use crate::edit::{apply, Edit};
use crate::presets;
use crate::pyvalue::PyValue;
use crate::scenario::{Coroutine, Scenario, Strategy};

#[derive(Clone, Debug, PartialEq)]
pub struct Doc {
    /// Shared, so that a render of the page never copies a 100,000-task scenario.
    pub scenario: Rc<Scenario>,
    /// Bumped by every change of the scenario: what hooks and props compare instead of it.
    pub version: u64,
    /// The preset it came from, while unchanged.
    pub preset: Option<&'static str>,
}

impl Doc {
    pub fn from_preset(id: &str) -> Doc {
        let preset = presets::find(id).or_else(|| presets::all().first());
        Doc {
            scenario: Rc::new(preset.map_or_else(empty_scenario, |p| p.scenario())),
            version: 0,
            preset: preset.map(|p| p.id),
        }
    }

    /// A scenario from elsewhere (a link, a file, the autosave), named after its preset if it is
    /// one unchanged.
    pub fn from_scenario(scenario: Scenario) -> Doc {
        Doc {
            preset: preset_of(&scenario),
            scenario: Rc::new(scenario),
            version: 0,
        }
    }
}

fn preset_of(scenario: &Scenario) -> Option<&'static str> {
    presets::all()
        .iter()
        .find(|p| p.scenario() == *scenario)
        .map(|p| p.id)
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
}

impl Reducible for Doc {
    type Action = DocAction;

    fn reduce(self: Rc<Self>, action: DocAction) -> Rc<Self> {
        let mut doc = (*self).clone();
        match action {
            DocAction::Load { scenario, preset } => {
                doc.scenario = Rc::new(scenario);
                doc.preset = preset;
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
        }
        if !Rc::ptr_eq(&doc.scenario, &self.scenario) {
            doc.version = self.version + 1;
        }
        Rc::new(doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::StepsPath;

    fn reduce(doc: Doc, action: DocAction) -> Doc {
        (*Rc::new(doc).reduce(action)).clone()
    }

    #[test]
    fn every_change_of_the_scenario_bumps_the_version() {
        let doc = Doc::from_preset("square_gather");
        assert_eq!(doc.preset, Some("square_gather"));
        let edited = reduce(doc.clone(), DocAction::Edit(Edit::AddTask));
        assert_eq!(edited.version, 1);
        assert_eq!(edited.preset, None, "an edited preset is the user's own");
        assert_eq!(edited.scenario.tasks.len(), 4);
        let faster = reduce(edited, DocAction::SetTimeScale(0.5));
        assert_eq!((faster.version, faster.scenario.time_scale), (2, 0.5));
    }

    #[test]
    fn a_preset_keeps_its_name_only_with_its_own_strategy() {
        let doc = Doc::from_preset("square_gather");
        let other = reduce(doc, DocAction::SetStrategy(Strategy::Sequential));
        assert_eq!(other.preset, None);
        let loaded = reduce(
            other,
            DocAction::Load {
                scenario: presets::find("count_async").expect("preset").scenario(),
                preset: Some("count_async"),
            },
        );
        assert_eq!(loaded.preset, Some("count_async"));
        let same = reduce(loaded, DocAction::SetStrategy(Strategy::Gather));
        assert_eq!(
            same.preset,
            Some("count_async"),
            "its own strategy: still the preset"
        );
    }

    #[test]
    fn a_scenario_from_elsewhere_is_recognised_as_a_preset() {
        let scenario = presets::find("say_after_gather")
            .expect("preset")
            .scenario();
        assert_eq!(
            Doc::from_scenario(scenario.clone()).preset,
            Some("say_after_gather")
        );
        let edited = apply(
            &scenario,
            Edit::Rename {
                path: StepsPath::task(0),
                name: "mine".into(),
            },
        );
        assert_eq!(Doc::from_scenario(edited).preset, None);
    }
}
