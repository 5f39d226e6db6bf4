//! The Python pane: an example or the user's own program in the editor, Run / Stop, speed, the
//! run's state, sharing (`#py=` links, the `.py` file), and the console.

pub mod code_editor;
pub mod program_timeline;

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::console::program_console;
use super::controls::{speed_select, status_label};
use super::predict::{predict_toggle, Predict};
use super::share::{copy_link_to_clipboard, open_file_picker, read_picked_file};
use super::time_travel::time_travel;
use super::timeline::geometry::seconds;
use crate::app::hooks::{use_instant, use_program_history, Preview, ProgramHandle, TimeTravel};
use crate::app::i18n::{Lang, Text};
use crate::app::platform::files;
use crate::app::state::program::{ProgramAction, ProgramDoc, ProgramRun};
use crate::app::state::runs::RunStatus;
use crate::link::{self, MAX_PROGRAM_BYTES};
use crate::program_presets;
use crate::python::LineMap;
use code_editor::{CodeEditor, Mark};
use program_timeline::ProgramTimeline;

#[derive(Properties, PartialEq)]
pub struct PythonPaneProps {
    pub doc: UseReducerHandle<ProgramDoc>,
    pub program: ProgramHandle,
    pub lang: Lang,
    /// Whether a copied link runs the program on open.
    pub share_run: bool,
    pub on_share_run: Callback<bool>,
    /// A link was made (shown to copy by hand).
    pub on_link: Callback<String>,
    /// A short message in the toast.
    pub say: Callback<String>,
    /// A file could not be opened.
    pub on_refused: Callback<String>,
}

/// "Predict first" in the Python pane: once the engine has told the lines the program will
/// print (run on the virtual clock), the same exercise as in the Tasks pane; else why not.
fn predict(
    preview: &Preview,
    doc: &ProgramDoc,
    run: &ProgramRun,
    lang: Lang,
    on_run: Callback<()>,
) -> Html {
    let unavailable = |why: &str, text: &str| {
        html! {
            <>
                <p class="predict-note" data-testid="predict-unavailable" data-why={why.to_owned()}>{ text.to_owned() }</p>
                { program_console(run, lang, None) }
            </>
        }
    };
    match preview {
        Preview::Ready(source, lines) if **source == *doc.source => {
            if lines.is_empty() {
                return unavailable(
                    "no-lines",
                    lang.choose(
                        "This program prints nothing to predict.",
                        "Ce programme n'affiche rien à prédire.",
                    ),
                );
            }
            let printed: Vec<String> = run
                .log
                .lines()
                .iter()
                .filter(|l| !l.stderr)
                .map(|l| l.text.to_string())
                .collect();
            html! {
                <Predict key={doc.version.to_string()} lines={lines.clone()} run={run.run}
                         done={run.status == RunStatus::Done} printed={Rc::new(printed)}
                         console={program_console(run, lang, None)} {lang} {on_run} />
            }
        }
        Preview::Failed(source, why) if **source == *doc.source => {
            let text = match why.as_str() {
                "too-many-lines" => lang.choose(
                    "This program prints more than 30 lines: too many to put in order.",
                    "Ce programme affiche plus de 30 lignes : trop pour les mettre dans l'ordre.",
                ),
                "too-long" => lang.choose(
                    "This program computes too long (or never ends) to tell its lines beforehand.",
                    "Ce programme calcule trop longtemps (ou ne s'arrête pas) pour annoncer ses lignes.",
                ),
                _ => lang.choose(
                    "Its lines cannot be told beforehand: press Run to see why.",
                    "Ses lignes ne peuvent pas être annoncées : lancez-le pour voir pourquoi.",
                ),
            };
            unavailable(why, text)
        }
        _ => html! {
            <p class="predict-note" data-testid="predict-waiting">
                { lang.choose("Reading the program…", "Lecture du programme…") }
            </p>
        },
    }
}

#[function_component]
pub fn PythonPane(props: &PythonPaneProps) -> Html {
    let lang = props.lang;
    let doc = props.doc.clone();
    let run = &*props.program.state;
    let running = run.status == RunStatus::Running;
    let on_edit = {
        let doc = doc.dispatcher();
        use_callback((), move |source: String, _| {
            doc.dispatch(ProgramAction::Edit(source))
        })
    };
    let on_run = {
        let (program, doc) = (props.program.clone(), doc.clone());
        Callback::from(move |()| program.run(&doc.source, doc.time_scale))
    };
    let on_stop = {
        let program = props.program.clone();
        Callback::from(move |()| program.stop())
    };
    let on_preset = {
        let (doc, program) = (doc.dispatcher(), props.program.clone());
        Callback::from(move |event: Event| {
            let id = event
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Some(preset) = program_presets::find(&id) {
                program.stop();
                doc.dispatch(ProgramAction::Load {
                    source: preset.source.to_owned(),
                    time_scale: None,
                });
            }
        })
    };
    let on_speed = doc
        .dispatcher()
        .to_callback()
        .reform(ProgramAction::SetTimeScale);
    let copy_link = {
        let (doc, run_on_open) = (doc.clone(), props.share_run);
        let (on_link, say) = (props.on_link.clone(), props.say.clone());
        Callback::from(move |_| {
            let fragment = link::program_fragment(&doc.source, doc.time_scale, run_on_open);
            copy_link_to_clipboard(&fragment, lang, &on_link, &say);
        })
    };
    let download = {
        let (doc, say) = (doc.clone(), props.say.clone());
        Callback::from(move |_| {
            let name = doc.preset().map_or("main", |p| p.id);
            if let Err(error) =
                files::download_text(&doc.source, &format!("{name}.py"), "text/x-python")
            {
                say.emit(error);
            }
        })
    };
    let open_file = {
        let (doc, on_refused, program) = (
            doc.dispatcher(),
            props.on_refused.clone(),
            props.program.clone(),
        );
        Callback::from(move |event: Event| {
            let (doc, on_refused, program) = (doc.clone(), on_refused.clone(), program.clone());
            read_picked_file(event, move |text| match text {
                Ok(text) if text.len() > MAX_PROGRAM_BYTES => {
                    on_refused.emit("file: the program is longer than 200 KB".into())
                }
                Ok(text) => {
                    program.stop();
                    doc.dispatch(ProgramAction::Load {
                        source: text,
                        time_scale: None,
                    });
                }
                Err(reason) => on_refused.emit(reason),
            });
        })
    };
    let toggle_run = props
        .on_share_run
        .reform(|event: Event| event.target_unchecked_into::<HtmlInputElement>().checked());
    let preset = doc.preset();
    let mark = run.refusal.as_ref().map(|refusal| Mark {
        line: refusal.line,
        col: refusal.col,
        message: refusal.message.clone(),
    });
    let loading = running && !run.started && run.log.lines().is_empty();
    let predict_on = use_state(|| false);
    {
        let (program, on) = (props.program.clone(), *predict_on);
        use_effect_with((on, doc.source.clone()), move |(on, source)| {
            if *on && program.preview.source() != Some(&**source) {
                program.foretell(source);
            }
        });
    }
    let travel = use_program_history(run);
    let scrub = match &travel {
        TimeTravel::Ready(scrub) => Some(scrub.clone()),
        _ => None,
    };
    // A program's tasks carry their lines: no map from a scenario's steps is needed.
    let ran = Rc::new((run.log.source.clone(), LineMap::default()));
    let (inside, task_marks) = use_instant(scrub.as_ref(), &ran);
    // Marks point into the program that ran: not into one edited since.
    let task_marks = if *doc.source == *run.log.source {
        task_marks
    } else {
        Rc::default()
    };
    html! {
        <>
            <section class="controls" aria-label={lang.t(Text::RunControls)}>
                <label class="field">
                    <span>{ lang.t(Text::Example) }</span>
                    <select data-testid="program-preset" onchange={on_preset} aria-label={lang.t(Text::ExampleLabel)}>
                        if preset.is_none() {
                            <option value="" selected=true>{ lang.t(Text::YourProgram) }</option>
                        }
                        { for program_presets::all().iter().map(|p| html! {
                            <option value={p.id} selected={preset.map(|q| q.id) == Some(p.id)}>{ lang.choose(p.title_en, p.title_fr) }</option>
                        }) }
                    </select>
                </label>
                { speed_select(doc.time_scale, on_speed, lang) }
                if running {
                    <button class="primary stop" data-testid="stop" onclick={on_stop.reform(|_| ())} title="Escape">
                        { "■ " }{ lang.t(Text::Stop) }
                    </button>
                } else {
                    <button class="primary" data-testid="run" onclick={on_run.reform(|_| ())} title="Ctrl+Enter">
                        { "▶ " }{ lang.t(Text::Run) }
                    </button>
                }
                <span class="run-state" data-testid="run-state" data-state={run.status.as_str()}>
                    { if loading { lang.t(Text::LoadingEngine) } else { status_label(run.status, lang) } }
                </span>
                if let Some(total) = run.total {
                    <span class="total" data-testid="total-time" data-ms={format!("{total:.3}")}>
                        { "Total " }<strong>{ seconds(total) }</strong>
                    </span>
                }
                <div class="share">
                    <button class="small" data-testid="copy-link" onclick={copy_link}>{ lang.t(Text::CopyLink) }</button>
                    <label class="check"><input type="checkbox" data-testid="share-run" checked={props.share_run} onchange={toggle_run} />
                        { lang.t(Text::RunOnOpen) }</label>
                    <button class="small" data-testid="download-py" onclick={download}>{ lang.t(Text::DownloadPy) }</button>
                    <label class="button small" tabindex="0" onkeydown={Callback::from(open_file_picker)}>
                        { lang.t(Text::OpenPy) }
                        <input type="file" class="visually-hidden" data-testid="open-py" accept=".py,text/x-python,text/plain" onchange={open_file} />
                    </label>
                </div>
            </section>
            if let Some(preset) = preset {
                <p class="explain">{ lang.choose(preset.explain_en, preset.explain_fr) }</p>
            }
            if let Some(reason) = &run.engine_error {
                <div class="banner error" role="alert" data-testid="engine-error">
                    { lang.t(Text::EngineFailed) }{ " " }<code>{ reason.clone() }</code>
                </div>
            }
            <main class="workspace python-workspace">
                <section class="pane program-pane">
                    <div class="pane-head"><h2>{ "Python" }</h2></div>
                    <CodeEditor source={doc.source.clone()} {mark} tasks={task_marks} {lang} {on_edit} on_run={on_run.clone()} />
                </section>
                <div class="panes">
                    <section class="pane timeline-pane" aria-label={lang.t(Text::Timeline)}>
                        <h2>{ lang.t(Text::Timeline) }</h2>
                        <ProgramTimeline run={run.clone()} {lang} scrub_ms={scrub.as_ref().map(|s| s.time_ms())} />
                    </section>
                    { time_travel(&travel, inside.clone(), lang) }
                    <section class="pane console-pane">
                        <div class="pane-head">
                            <h2>{ lang.t(Text::Console) }</h2>
                            { predict_toggle(*predict_on, running && !*predict_on, lang,
                                             { let on = predict_on.clone(); Callback::from(move |()| on.set(!*on)) }) }
                        </div>
                        if *predict_on {
                            { predict(&props.program.preview, &doc, run, lang, on_run.clone()) }
                        } else {
                            { program_console(run, lang, scrub.as_ref().map(|s| s.lines())) }
                        }
                        if run.status == RunStatus::Cancelled && run.engine_error.is_none() {
                            <p class="console-note" data-testid="stopped-note">{ lang.t(Text::StoppedNote) }</p>
                        }
                    </section>
                </div>
            </main>
        </>
    }
}
