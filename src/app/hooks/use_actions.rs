//! What the page's controls do: each event becomes actions on the document, the page state and
//! the runs.

use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::RunsHandle;
use crate::app::i18n::Text;
use crate::app::platform::files;
use crate::app::state::doc::{Doc, DocAction};
use crate::app::state::ui::{UiAction, UiState};
use crate::edit::Edit;
use crate::link::LinkRequest;
use crate::presets;
use crate::scenario::Strategy;

/// The callbacks handed to components that skip rendering when their props are unchanged
/// (the editor, the program, the top bar) stay the same from render to render.
pub struct Actions {
    /// Loading or editing the scenario: stops what runs and closes Compare first.
    pub change: Callback<DocAction>,
    pub edit: Callback<Edit>,
    pub ui: Callback<UiAction>,
    /// A short message in the toast.
    pub say: Callback<String>,
    pub run: Callback<()>,
    pub compare: Callback<()>,
    pub stop: Callback<()>,
    pub strategy: Callback<Strategy>,
    pub preset: Callback<&'static str>,
    pub link: Callback<LinkRequest>,
    pub copy_python: Callback<()>,
    pub toggle_lang: Callback<()>,
}

/// `valid`: whether the scenario may run; `program`: the Python program shown.
#[hook]
pub fn use_actions(
    doc: &UseReducerHandle<Doc>,
    ui: &UseReducerHandle<UiState>,
    runs: &RunsHandle,
    valid: bool,
    program: Rc<str>,
) -> Actions {
    let ui_action = ui.dispatcher().to_callback();
    let change = {
        let (doc, ui, runs) = (doc.dispatcher(), ui.dispatcher(), runs.clone());
        use_callback((), move |action: DocAction, _| {
            runs.stop_all();
            ui.dispatch(UiAction::CloseCompare);
            doc.dispatch(action);
        })
    };
    let edit = {
        let change = change.clone();
        use_callback((), move |edit: Edit, _| change.emit(DocAction::Edit(edit)))
    };
    let scenario = doc.scenario.clone();
    let run = {
        let (runs, ui, scenario) = (runs.clone(), ui_action.clone(), scenario.clone());
        Callback::from(move |_| {
            if valid {
                ui.emit(UiAction::CloseCompare);
                runs.run(&scenario);
            }
        })
    };
    let compare = {
        let (runs, ui, scenario) = (runs.clone(), ui_action.clone(), scenario);
        Callback::from(move |_| {
            if valid {
                ui.emit(UiAction::OpenCompare(runs.compare(&scenario)));
            }
        })
    };
    let stop = {
        let runs = runs.clone();
        Callback::from(move |_| runs.stop_all())
    };
    let strategy = {
        let (doc, change, runs) = (doc.dispatcher(), change.clone(), runs.clone());
        let compare_open = ui.compare.is_some();
        Callback::from(move |strategy| {
            // After Compare, switching strategy shows that strategy's run of the comparison.
            if compare_open && !runs.state.any_running() {
                doc.dispatch(DocAction::SetStrategy(strategy));
            } else {
                change.emit(DocAction::SetStrategy(strategy));
            }
        })
    };
    let preset = {
        let change = change.clone();
        use_callback((), move |id: &'static str, _| {
            if let Some(preset) = presets::find(id) {
                change.emit(DocAction::Load {
                    scenario: preset.scenario(),
                    preset: Some(preset.id),
                });
            }
        })
    };
    let link = {
        let (change, ui, runs) = (change.clone(), ui_action.clone(), runs.clone());
        Callback::from(move |request: LinkRequest| {
            change.emit(DocAction::Load {
                scenario: request.scenario.clone(),
                preset: None,
            });
            ui.emit(UiAction::Loaded);
            if request.run {
                runs.run_when_settled(Rc::new(request.scenario));
            }
        })
    };
    let say = ui_action.reform(UiAction::Toast);
    let lang = ui.lang;
    let copy_python = {
        let say = say.clone();
        use_callback((doc.version, lang), move |_, (_, lang)| {
            let (program, say, lang) = (program.clone(), say.clone(), *lang);
            spawn_local(async move {
                match files::copy_to_clipboard(&program).await {
                    Ok(()) => say.emit(lang.t(Text::ProgramCopied).to_owned()),
                    Err(error) => say.emit(error),
                }
            });
        })
    };
    let toggle_lang = {
        let ui = ui.dispatcher();
        use_callback(lang, move |_, lang| {
            ui.dispatch(UiAction::SetLang(lang.other()))
        })
    };
    Actions {
        change,
        edit,
        toggle_lang,
        ui: ui_action,
        say,
        run,
        compare,
        stop,
        strategy,
        preset,
        link,
        copy_python,
    }
}
