//! The page: pick or compose a scenario, run it (or compare every strategy), watch it, share it.
//!
//! State lives in reducers (`state`), changed by actions; hooks (`hooks`) own what outlives a
//! render (runs, listeners) and turn events into actions; components (`components`) draw the
//! state; `platform` wraps the browser.

pub mod components;
pub mod hooks;
pub mod i18n;
pub mod platform;
pub mod startup;
pub mod state;

use std::rc::Rc;

use yew::prelude::*;

use crate::presets;
use crate::python;
use components::banners::{banners, toast, BannersProps};
use components::compare::compare;
use components::console::console;
use components::controls::{controls, ControlsProps};
use components::editor::{Editor, CARDS_PER_PAGE};
use components::predict::{predict_toggle, Predict};
use components::python_code::PythonCode;
use components::python_pane::PythonPane;
use components::share::{share, shared_link, ShareProps};
use components::time_travel::time_travel;
use components::timeline_pane::TimelinePane;
use components::topbar::{top_bar, TopBarProps};
use hooks::{
    use_actions, use_autosave, use_history, use_instant, use_link, use_predict, use_program,
    use_runs, use_shortcuts,
};
use i18n::Text;
use state::doc::DocAction;
use state::program::ProgramAction;
use state::ui::{Mode, UiAction};

use crate::link::Link;

#[function_component]
pub fn App() -> Html {
    let restored = use_memo((), |_| startup::restore());
    let doc = use_reducer(|| restored.0.clone());
    let ui = use_reducer(|| restored.1.clone());
    let runs = use_runs();
    let (scenario, lang) = (doc.scenario.clone(), ui.lang);
    // Derived from the scenario once per version, never per frame of a run.
    let (for_validity, for_problems, for_program) =
        (scenario.clone(), scenario.clone(), scenario.clone());
    let blocked = use_memo(doc.version, move |_| {
        for_validity.validate().err().map(|e| e.to_string())
    });
    let problems = use_memo(doc.version, move |_| {
        for_problems.problems(CARDS_PER_PAGE * 10)
    });
    let written = use_memo(doc.version, move |_| {
        let (program, lines) = python::program_and_lines(&for_program);
        (Rc::<str>::from(program), lines)
    });
    let program = written.0.clone();
    let act = use_actions(&doc, &ui, &runs, blocked.is_none(), program.clone());
    let code = use_reducer(startup::restore_program);
    let python = use_program();
    let mode = ui.mode;
    let on_link = {
        let (scenario_link, ui, code, python, runs) = (
            act.link.clone(),
            act.ui.clone(),
            code.dispatcher(),
            python.clone(),
            runs.clone(),
        );
        Callback::from(move |link: Link| match link {
            Link::Scenario(request) => {
                python.stop();
                ui.emit(UiAction::SetMode(Mode::Tasks));
                scenario_link.emit(request);
            }
            Link::Program(request) => {
                runs.stop_all();
                python.stop();
                code.dispatch(ProgramAction::Load {
                    source: request.source.clone(),
                    time_scale: Some(request.time_scale),
                });
                ui.emit(UiAction::SetMode(Mode::Python));
                ui.emit(UiAction::Loaded);
                if request.run {
                    // The program's timers run in the engine's worker: the page's own start-up
                    // does not delay them, so there is no need to wait for it to settle.
                    python.run(&request.source, request.time_scale);
                }
            }
        })
    };
    use_link(on_link, act.ui.reform(UiAction::LoadFailed));
    use_autosave(
        &doc,
        &runs.state,
        act.ui.reform(|reason| UiAction::Notice(Some(reason))),
    );
    {
        let notice = act.ui.reform(|reason| UiAction::Notice(Some(reason)));
        let source = code.source.clone();
        use_effect_with(code.version, move |version| {
            if *version > 0 {
                if let Err(reason) = platform::storage::save_program(&source) {
                    notice.emit(reason);
                }
            }
        });
    }
    {
        let python = python.clone();
        use_effect_with(mode, move |mode| {
            platform::storage::save_mode(mode.as_str());
            if *mode == Mode::Python {
                python.warm_up();
            }
        });
    }
    let on_mode = {
        let (ui, runs, python) = (act.ui.clone(), runs.clone(), python.clone());
        Callback::from(move |mode: Mode| {
            runs.stop_all();
            python.stop();
            ui.emit(UiAction::CloseCompare);
            ui.emit(UiAction::SetMode(mode));
        })
    };
    let edit_as_python = {
        let (on_mode, code, program) = (on_mode.clone(), code.dispatcher(), program.clone());
        Callback::from(move |_| {
            code.dispatch(ProgramAction::Load {
                source: program.to_string(),
                time_scale: None,
            });
            on_mode.emit(Mode::Python);
        })
    };
    let (shortcut_run, shortcut_stop) = match mode {
        Mode::Tasks => (act.run.clone(), act.stop.clone()),
        Mode::Python => {
            let (run_python, stop_python, code) = (python.clone(), python.clone(), code.clone());
            (
                Callback::from(move |_| run_python.run(&code.source, code.time_scale)),
                Callback::from(move |_| stop_python.stop()),
            )
        }
    };
    use_shortcuts(shortcut_run, shortcut_stop);
    use_effect_with(lang, |lang| {
        platform::storage::save_lang(lang.code());
        platform::set_document_language(lang.code());
    });
    use_effect_with((), |_| platform::mark("app-rendered"));
    let shown = runs.state.get(scenario.strategy).clone();
    let travel = use_history(&shown);
    let scrub = match &travel {
        hooks::TimeTravel::Ready(scrub) => Some(scrub.clone()),
        _ => None,
    };
    let (inside, code_marks) = use_instant(scrub.as_ref(), &written);
    let predict = use_predict(&scenario, doc.version);
    let preset = doc.preset.and_then(presets::find);

    html! {
        <div class="app">
            { top_bar(&TopBarProps { preset: doc.preset, mode, lang, on_preset: act.preset.clone(),
                                     on_mode: on_mode.clone(), on_toggle_lang: act.toggle_lang.clone() }) }
            { banners(&BannersProps { load_error: ui.load_error.clone(), notice: ui.notice.clone(), lang,
                                      on_dismiss: act.ui.reform(|_| UiAction::DismissError) }) }
            if mode == Mode::Python {
                <PythonPane doc={code.clone()} program={python.clone()} {lang} share_run={ui.share_run}
                            on_share_run={act.ui.reform(UiAction::SetShareRun)} on_link={act.ui.reform(UiAction::LinkMade)}
                            say={act.say.clone()} on_refused={act.ui.reform(UiAction::LoadFailed)} />
                { shared_link(ui.shared_link.as_deref(), lang) }
                { toast(ui.toast.as_deref(), lang, act.ui.reform(|_| UiAction::CloseToast)) }
            } else {
            { controls(&ControlsProps { strategy: scenario.strategy, time_scale: scenario.time_scale, status: shown.status,
                total: shown.total(), busy: runs.state.any_running(), blocked: (*blocked).clone(), lang,
                on_strategy: act.strategy.clone(), on_time_scale: act.change.reform(DocAction::SetTimeScale),
                on_run: act.run.clone(), on_compare: act.compare.clone(), on_stop: act.stop.clone(),
                children: share(&ShareProps { scenario: scenario.clone(), share_run: ui.share_run, lang,
                    on_share_run: act.ui.reform(UiAction::SetShareRun), on_link: act.ui.reform(UiAction::LinkMade),
                    on_import: act.change.reform(|scenario| DocAction::Load { scenario, preset: None }),
                    on_refused: act.ui.reform(UiAction::LoadFailed), say: act.say.clone() }) }) }
            { shared_link(ui.shared_link.as_deref(), lang) }
            { toast(ui.toast.as_deref(), lang, act.ui.reform(|_| UiAction::CloseToast)) }
            if let Some(preset) = preset {
                <p class="explain">{ lang.choose(preset.explain_en, preset.explain_fr) }</p>
            }
            <main class="workspace">
                <Editor scenario={scenario.clone()} version={doc.version} problems={problems}
                        on_edit={act.edit.clone()} {lang} />
                <div class="panes">
                    <TimelinePane run={shown.clone()} strategy={scenario.strategy} title={scenario.title.clone()}
                                  {lang} say={act.say.clone()} scrub_ms={scrub.as_ref().map(|s| s.time_ms())} />
                    { time_travel(&travel, inside.clone(), lang) }
                    if let Some(mode) = ui.compare {
                        { compare(&runs.state, mode, lang) }
                    }
                    <section class="pane console-pane">
                        <div class="pane-head">
                            <h2>{ lang.t(Text::Console) }</h2>
                            { predict_toggle(predict.on, !predict.offered && !predict.on, lang, predict.toggle.clone()) }
                        </div>
                        if predict.on && predict.offered {
                            <Predict key={doc.version.to_string()} lines={predict.lines.clone()} run={shown.run}
                                     done={shown.status == state::runs::RunStatus::Done}
                                     printed={Rc::new(shown.log.lines().iter().map(|l| l.text.to_string()).collect::<Vec<_>>())}
                                     console={console(&shown, lang, None)} {lang} on_run={act.run.clone()} />
                        } else {
                            { console(&shown, lang, scrub.as_ref().map(|s| s.lines())) }
                        }
                    </section>
                    <PythonCode source={program.clone()} {lang} marks={code_marks.clone()} on_copy={act.copy_python.clone()}
                                on_edit={edit_as_python} />
                </div>
            </main>
            }
            <footer class="footer">{ lang.t(if mode == Mode::Python { Text::FooterPython } else { Text::Footer }) }</footer>
        </div>
    }
}

/// Mounts the page; a Rust panic is reported on the page and in the browser console.
pub fn start() {
    platform::crash::install_panic_hook();
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
    {
        yew::Renderer::<App>::with_root(root).render();
    }
}
