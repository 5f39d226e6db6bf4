//! The page: pick or compose a scenario, run it (or compare every strategy), watch it, share it.

pub mod crash;
pub mod doc;
pub mod editor;
pub mod files;
pub mod live;
pub mod storage;
pub mod views;

use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, HtmlSelectElement, KeyboardEvent};
use yew::prelude::*;

use crate::explain::{why, Reason};
use crate::link;
use crate::presets;
use crate::python;
use crate::scenario::{Scenario, Step, Strategy};
use crate::trace_export::chrome_trace;
use doc::{Doc, DocAction, Lang};
use live::{RunStatus, Runner};
use storage::Restored;
use views::TimelineOptions;

/// Speeds offered, as multiples of real time (`time_scale` = 1 / speed).
const SPEEDS: [f64; 7] = [0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0];

fn current_fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

fn strategy_index(strategy: Strategy) -> usize {
    Strategy::ALL
        .iter()
        .position(|s| *s == strategy)
        .unwrap_or(0)
}

/// One runner per strategy: Run uses the selected one, Compare all four.
#[derive(Clone, PartialEq)]
struct Runners(Rc<Vec<Runner>>);

impl Runners {
    fn of(&self, strategy: Strategy) -> &Runner {
        &self.0[strategy_index(strategy)]
    }

    fn stop_all(&self) {
        for runner in self.0.iter() {
            runner.stop();
        }
    }

    fn any_running(&self) -> bool {
        self.0.iter().any(|r| r.status() == RunStatus::Running)
    }

    fn run(&self, scenario: &Scenario) {
        self.stop_all();
        self.of(scenario.strategy).start(scenario);
    }

    /// Runs every strategy on the scenario's tasks: together, or one after the other when a
    /// task blocks (a block would freeze the other runs too). Returns whether they are chained.
    fn compare(&self, scenario: &Scenario) -> bool {
        self.stop_all();
        let variants: Vec<Scenario> = Strategy::ALL
            .iter()
            .map(|s| Scenario {
                strategy: *s,
                ..scenario.clone()
            })
            .collect();
        for variant in &variants {
            self.of(variant.strategy).queue(variant);
        }
        let chained = blocks(scenario);
        if chained {
            self.chain(variants, 0);
        } else {
            for variant in &variants {
                self.of(variant.strategy).start(variant);
            }
        }
        chained
    }

    fn chain(&self, variants: Vec<Scenario>, index: usize) {
        let Some(variant) = variants.get(index).cloned() else {
            return;
        };
        let this = self.clone();
        let next: Box<dyn FnOnce()> = Box::new(move || this.chain(variants, index + 1));
        self.of(variant.strategy).start_then(&variant, Some(next));
    }
}

fn blocks(scenario: &Scenario) -> bool {
    fn has_block(steps: &[Step]) -> bool {
        steps.iter().any(|s| match s {
            Step::Block(_) => true,
            Step::Await(inner) => has_block(&inner.steps),
            _ => false,
        })
    }
    scenario.tasks.iter().any(|t| has_block(&t.steps))
}

/// Loads the scenario a link names; a refused link leaves the scenario as it was.
fn load_link(
    doc: &UseReducerHandle<Doc>,
    runners: &Runners,
    compare: &UseStateHandle<Option<bool>>,
) {
    match link::parse_fragment(&current_fragment()) {
        Ok(None) => {}
        Ok(Some(request)) => {
            runners.stop_all();
            compare.set(None);
            doc.dispatch(DocAction::Load {
                scenario: request.scenario.clone(),
                preset: None,
            });
            if request.run {
                runners.run(&request.scenario);
            }
        }
        Err(error) => doc.dispatch(DocAction::LoadFailed(error.to_string())),
    }
}

fn initial_doc() -> Doc {
    let lang = match storage::load_lang().as_deref() {
        Some("fr") => Lang::Fr,
        Some("en") => Lang::En,
        _ => {
            let browser = web_sys::window()
                .and_then(|w| w.navigator().language())
                .unwrap_or_default();
            if browser.starts_with("fr") {
                Lang::Fr
            } else {
                Lang::En
            }
        }
    };
    let mut doc = Doc::from_preset(presets::DEFAULT, lang);
    match storage::restore_scenario(crash::take_restore_request()) {
        Restored::Nothing => {}
        Restored::Scenario(scenario) => {
            doc.preset = presets::all().iter().find(|p| p.scenario() == scenario).map(|p| p.id);
            doc.scenario = Rc::new(scenario);
        }
        Restored::Unreadable(reason) => {
            doc.notice = Some(format!(
                "{} ({reason})",
                lang.pick(
                    "Your saved scenario could not be read; it was set aside and the default one opened",
                    "Le scénario enregistré est illisible ; il a été mis de côté et celui par défaut ouvert"
                )
            ))
        }
    }
    doc
}

fn page_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_owned())
        .unwrap_or_default()
}

#[function_component]
pub fn App() -> Html {
    let doc = use_reducer(initial_doc);
    let redraw = use_force_update();
    let runners = use_memo((), move |_| {
        let redraw: Rc<dyn Fn()> = Rc::new(move || redraw.force_update());
        Runners(Rc::new(
            Strategy::ALL
                .iter()
                .map(|_| Runner::new(redraw.clone()))
                .collect(),
        ))
    });
    let runners: Runners = (*runners).clone();
    // `Some(chained)` while the Compare view shows.
    let compare = use_state(|| None::<bool>);
    let toast = use_state(|| None::<String>);
    let share_run = use_state(|| false);
    let shared_link = use_state(|| None::<String>);

    // A link in the URL wins over the autosave, now and whenever it changes.
    {
        let doc = doc.clone();
        let runners = runners.clone();
        let compare = compare.clone();
        use_effect_with((), move |_| {
            load_link(&doc, &runners, &compare);
            let listener = web_sys::window().map(|window| {
                let runners = runners.clone();
                EventListener::new(&window, "hashchange", move |_| {
                    load_link(&doc, &runners, &compare)
                })
            });
            move || {
                drop(listener);
                for runner in runners.0.iter() {
                    runner.dispose();
                }
            }
        });
    }

    // Autosave every change of the scenario; a refusal (full quota) is reported, not fatal.
    {
        let doc = doc.clone();
        let scenario = doc.scenario.clone();
        use_effect_with(doc.version, move |_| {
            if let Err(reason) = storage::save_scenario(&scenario) {
                doc.dispatch(DocAction::Notice(Some(reason)));
            }
        });
    }
    // Lets a benchmark (or DevTools) see when the page first rendered.
    use_effect_with((), |_| {
        if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
            let _ = performance.mark("app-rendered");
        }
    });
    use_effect_with(doc.lang, |lang| {
        storage::save_lang(lang.code());
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.code());
        }
    });

    let lang = doc.lang;
    // Keyed by the document's version: comparing a 100,000-task scenario on every frame would
    // cost more than the run it shows.
    let validity = {
        let scenario = doc.scenario.clone();
        (*use_memo(doc.version, move |_| scenario.validate())).clone()
    };
    let problems = {
        let scenario = doc.scenario.clone();
        use_memo(doc.version, move |_| {
            scenario.problems(editor::CARDS_PER_PAGE * 10)
        })
    };
    // Runs the scenario (`false`) or compares every strategy on it (`true`), when it is valid.
    let start = {
        let runners = runners.clone();
        let compare = compare.clone();
        let scenario = doc.scenario.clone();
        let valid = validity.is_ok();
        Callback::from(move |all_strategies: bool| {
            if !valid {
                return;
            }
            if all_strategies {
                compare.set(Some(runners.compare(&scenario)));
            } else {
                compare.set(None);
                runners.run(&scenario);
            }
        })
    };
    let run = start.reform(|_: ()| false);
    let run_compare = start.reform(|_: ()| true);
    let stop = {
        let runners = runners.clone();
        Callback::from(move |_: ()| runners.stop_all())
    };

    // Ctrl+Enter runs, Escape stops.
    {
        let run = run.clone();
        let stop = stop.clone();
        use_effect_with(doc.version, move |_| {
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

    // Loading another scenario or editing this one stops what runs and closes Compare.
    let dispatch_change = {
        let doc = doc.clone();
        let runners = runners.clone();
        let compare = compare.clone();
        Rc::new(move |action: DocAction| {
            runners.stop_all();
            compare.set(None);
            doc.dispatch(action);
        })
    };
    let on_preset = {
        let change = dispatch_change.clone();
        Callback::from(move |event: Event| {
            let id = event.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(preset) = presets::find(&id) {
                change(DocAction::Load {
                    scenario: preset.scenario(),
                    preset: Some(preset.id),
                });
            }
        })
    };
    let on_strategy = {
        let change = dispatch_change.clone();
        let compare = compare.clone();
        let runners = runners.clone();
        let doc = doc.clone();
        Callback::from(move |event: Event| {
            if let Some(strategy) =
                Strategy::parse(&event.target_unchecked_into::<HtmlSelectElement>().value())
            {
                if compare.is_some() && !runners.any_running() {
                    // After Compare, switching strategy shows that strategy's run of the comparison.
                    doc.dispatch(DocAction::SetStrategy(strategy));
                } else {
                    change(DocAction::SetStrategy(strategy));
                }
            }
        })
    };
    let on_speed = {
        let change = dispatch_change.clone();
        Callback::from(move |event: Event| {
            if let Ok(speed) = event
                .target_unchecked_into::<HtmlSelectElement>()
                .value()
                .parse::<f64>()
            {
                change(DocAction::SetTimeScale(1.0 / speed));
            }
        })
    };
    // Stable across renders: the editor (and its task cards) re-render only when the scenario
    // changes, not on every frame of a run.
    let on_edit = {
        let dispatcher = doc.dispatcher();
        let set_compare = compare.setter();
        let runners = runners.clone();
        use_callback((), move |edit, _| {
            runners.stop_all();
            set_compare.set(None);
            dispatcher.dispatch(DocAction::Edit(edit));
        })
    };
    let toggle_lang = {
        let doc = doc.clone();
        Callback::from(move |_| {
            doc.dispatch(DocAction::SetLang(if doc.lang == Lang::En {
                Lang::Fr
            } else {
                Lang::En
            }))
        })
    };
    let dismiss = {
        let doc = doc.clone();
        Callback::from(move |_| doc.dispatch(DocAction::DismissError))
    };
    let say = {
        let toast = toast.clone();
        Rc::new(move |message: String| toast.set(Some(message)))
    };

    let copy_link = {
        let scenario = doc.scenario.clone();
        let share_run = share_run.clone();
        let shared_link = shared_link.clone();
        let say = say.clone();
        Callback::from(move |_| {
            let url = format!(
                "{}#{}",
                page_url(),
                link::compressed_fragment(&scenario, *share_run)
            );
            shared_link.set(Some(url.clone()));
            let say = say.clone();
            spawn_local(async move {
                match files::copy_to_clipboard(&url).await {
                    Ok(()) => say(lang.pick("Link copied.", "Lien copié.").to_owned()),
                    Err(_) => say(lang
                        .pick("Copy the link below.", "Copiez le lien ci-dessous.")
                        .to_owned()),
                }
            });
        })
    };
    let toggle_share_run = {
        let share_run = share_run.clone();
        Callback::from(move |event: Event| {
            share_run.set(event.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };
    let export_json = {
        let scenario = doc.scenario.clone();
        let say = say.clone();
        Callback::from(move |_| {
            let name = format!("{}.json", files::file_stem(scenario.title.as_deref()));
            let pretty = serde_json::to_string_pretty(&scenario.to_value())
                .unwrap_or_else(|_| scenario.to_json());
            if let Err(error) = files::download_text(&pretty, &name, "application/json") {
                say(error);
            }
        })
    };
    let import_json = {
        let doc = doc.clone();
        let change = dispatch_change.clone();
        Callback::from(move |event: Event| {
            let input = event.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let doc = doc.clone();
            let change = change.clone();
            spawn_local(async move {
                match files::read_file(file)
                    .await
                    .and_then(|text| Scenario::from_json(&text).map_err(|e| e.to_string()))
                {
                    Ok(scenario) => change(DocAction::Load {
                        scenario,
                        preset: None,
                    }),
                    Err(reason) => doc.dispatch(DocAction::LoadFailed(reason)),
                }
            });
        })
    };
    // The file input is hidden behind its label: Enter or Space on the label opens it.
    let open_file_picker = Callback::from(|event: KeyboardEvent| {
        if event.key() == "Enter" || event.key() == " " {
            event.prevent_default();
            let input = event
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|label| label.query_selector("input[type=file]").ok().flatten())
                .and_then(|input| input.dyn_into::<HtmlInputElement>().ok());
            if let Some(input) = input {
                input.click();
            }
        }
    });
    let export_image = |png: bool| {
        let say = say.clone();
        let stem = files::file_stem(doc.scenario.title.as_deref());
        Callback::from(move |_| {
            let svg = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| {
                    d.query_selector("svg[data-testid=\"timeline\"]")
                        .ok()
                        .flatten()
                })
                .and_then(|element| files::standalone_svg(&element));
            let Some((svg, width, height)) = svg else {
                say(lang
                    .pick(
                        "Run the scenario first: there is no timeline yet.",
                        "Lancez d'abord le scénario : il n'y a pas encore de chronologie.",
                    )
                    .to_owned());
                return;
            };
            let result = if png {
                files::download_png(&svg, width, height, &format!("{stem}-timeline.png"))
            } else {
                files::download_text(&svg, &format!("{stem}-timeline.svg"), "image/svg+xml")
            };
            if let Err(error) = result {
                say(error);
            }
        })
    };
    let main_runner = runners.of(doc.scenario.strategy).clone();
    let export_trace = {
        let runner = main_runner.clone();
        let say = say.clone();
        let stem = files::file_stem(doc.scenario.title.as_deref());
        Callback::from(move |_| {
            let live = runner.live.borrow();
            let Some(scenario) = &live.scenario else {
                say(lang
                    .pick(
                        "Run the scenario first: there is no trace yet.",
                        "Lancez d'abord le scénario : il n'y a pas encore de trace.",
                    )
                    .to_owned());
                return;
            };
            if let Err(error) = files::download_text(
                &chrome_trace(scenario, &live.trace),
                &format!("{stem}-trace.json"),
                "application/json",
            ) {
                say(error);
            }
        })
    };
    let program: Rc<str> = {
        let scenario = doc.scenario.clone();
        (*use_memo(doc.version, move |_| {
            Rc::<str>::from(python::program(&scenario))
        }))
        .clone()
    };
    let copy_python = {
        let program = program.clone();
        let say = say.clone();
        Callback::from(move |_| {
            let program = program.to_string();
            let say = say.clone();
            spawn_local(async move {
                match files::copy_to_clipboard(&program).await {
                    Ok(()) => say(lang
                        .pick("Python program copied.", "Programme Python copié.")
                        .to_owned()),
                    Err(error) => say(error),
                }
            });
        })
    };
    let close_toast = {
        let toast = toast.clone();
        Callback::from(move |_| toast.set(None))
    };

    let live = main_runner.live.borrow();
    let status = live.status;
    let busy = runners.any_running();
    let preset = doc.preset.and_then(presets::find);
    let speed = 1.0 / doc.scenario.time_scale;
    let compare_rows: Vec<_> = runners.0.iter().map(|r| r.live.borrow()).collect();

    html! {
        <div class="app">
            <header class="topbar">
                <div class="brand">
                    <svg class="logo" viewBox="0 0 32 32" aria-hidden="true">
                        <rect width="32" height="32" rx="8" class="logo-bg" />
                        <rect x="6" y="8" width="14" height="4" rx="2" fill="#fff" />
                        <rect x="10" y="14" width="16" height="4" rx="2" fill="#E69F00" />
                        <rect x="6" y="20" width="10" height="4" rx="2" fill="#56B4E9" />
                    </svg>
                    <div>
                        <h1>{ "Async Playground" }</h1>
                        <p class="tagline">{ lang.pick("Python's asyncio, run for real in your browser", "L'asyncio de Python, exécuté pour de vrai dans votre navigateur") }</p>
                    </div>
                </div>
                <div class="topbar-actions">
                    <label class="field">
                        <span>{ lang.pick("Example", "Exemple") }</span>
                        <select data-testid="preset" onchange={on_preset} aria-label={lang.pick("Example from the tutorials", "Exemple des tutoriels")}>
                            if preset.is_none() {
                                <option value="" selected=true>{ lang.pick("— your scenario —", "— votre scénario —") }</option>
                            }
                            { for presets::all().iter().map(|p| html! {
                                <option value={p.id} selected={preset.is_some_and(|q| q.id == p.id)}>{ lang.pick(p.title_en, p.title_fr) }</option>
                            }) }
                        </select>
                    </label>
                    <button class="ghost" data-testid="lang" onclick={toggle_lang} aria-label={lang.pick("Passer en français", "Switch to English")}>
                        { lang.pick("FR", "EN") }
                    </button>
                </div>
            </header>

            if let Some(error) = &doc.load_error {
                <div class="banner error" role="alert" data-testid="load-error">
                    <strong>{ lang.pick("Not loaded: ", "Non chargé : ") }</strong>{ error.clone() }
                    <span class="banner-note">{ lang.pick(" Your scenario was kept.", " Votre scénario est conservé.") }</span>
                    <button class="ghost small" onclick={dismiss} aria-label={lang.pick("Dismiss", "Fermer")}>{ "×" }</button>
                </div>
            }
            if let Some(notice) = &doc.notice {
                <div class="banner notice" role="status" data-testid="notice">{ notice.clone() }</div>
            }

            <section class="controls" aria-label={lang.pick("Run controls", "Commandes")}>
                <label class="field">
                    <span>{ lang.pick("Strategy", "Stratégie") }</span>
                    <select data-testid="strategy" onchange={on_strategy}>
                        { for Strategy::ALL.iter().map(|s| html! {
                            <option value={s.as_str()} selected={*s == doc.scenario.strategy}>{ strategy_label(*s, lang) }</option>
                        }) }
                    </select>
                </label>
                <label class="field">
                    <span>{ lang.pick("Speed", "Vitesse") }</span>
                    <select data-testid="speed" onchange={on_speed}>
                        { for SPEEDS.iter().map(|s| html! {
                            <option value={s.to_string()} selected={(s - speed).abs() < 1e-9}>{ format!("{s}×") }</option>
                        }) }
                        if !SPEEDS.iter().any(|s| (s - speed).abs() < 1e-9) {
                            <option value={speed.to_string()} selected=true>{ format!("{:.2}×", speed) }</option>
                        }
                    </select>
                </label>
                if busy {
                    <button class="primary stop" data-testid="stop" onclick={stop.reform(|_| ())} title="Escape">
                        { "■ " }{ lang.pick("Stop", "Arrêter") }
                    </button>
                } else {
                    <button class="primary" data-testid="run" onclick={run.reform(|_| ())} disabled={validity.is_err()}
                            title={validity.as_ref().err().map_or_else(|| "Ctrl+Enter".to_owned(), |e| e.to_string())}>
                        { "▶ " }{ lang.pick("Run", "Lancer") }
                    </button>
                    <button class="secondary" data-testid="compare-button" onclick={run_compare.reform(|_| ())} disabled={validity.is_err()}
                            title={lang.pick("Run every strategy on the same tasks", "Lancer toutes les stratégies sur les mêmes tâches")}>
                        { lang.pick("Compare all", "Tout comparer") }
                    </button>
                }
                <span class="run-state" data-testid="run-state" data-state={status.as_str()}>{ status_label(status, lang) }</span>
                if let Some(total) = live.total() {
                    <span class="total" data-testid="total-time" data-ms={format!("{total:.3}")}>
                        { "Total " }<strong>{ views::seconds(total) }</strong>
                    </span>
                }
                if let Err(error) = &validity {
                    <span class="run-blocked" data-testid="run-blocked" role="status">
                        { lang.pick("Fix this to run: ", "À corriger pour lancer : ") }<code>{ error.to_string() }</code>
                    </span>
                }
                <div class="share">
                    <button class="small" data-testid="copy-link" onclick={copy_link}>{ lang.pick("Copy link", "Copier le lien") }</button>
                    <label class="check"><input type="checkbox" data-testid="share-run" checked={*share_run} onchange={toggle_share_run} />
                        { lang.pick("run on open", "lancer à l'ouverture") }</label>
                    <button class="small" data-testid="export-json" onclick={export_json}>{ lang.pick("Export JSON", "Exporter JSON") }</button>
                    <label class="button small" tabindex="0" onkeydown={open_file_picker}>
                        { lang.pick("Import JSON…", "Importer JSON…") }
                        <input type="file" class="visually-hidden" data-testid="import-json" accept="application/json,.json" onchange={import_json} />
                    </label>
                </div>
            </section>
            if let Some(url) = &*shared_link {
                <div class="shared-link">
                    <input type="text" readonly=true data-testid="shared-link" value={url.clone()} aria-label={lang.pick("Link to this scenario", "Lien vers ce scénario")} />
                </div>
            }
            if let Some(message) = &*toast {
                <div class="toast" role="status" data-testid="toast">{ message.clone() }
                    <button class="ghost small" onclick={close_toast} aria-label={lang.pick("Dismiss", "Fermer")}>{ "×" }</button></div>
            }
            if let Some(preset) = preset {
                <p class="explain">{ lang.pick(preset.explain_en, preset.explain_fr) }</p>
            }

            <main class="workspace">
                <editor::Editor scenario={doc.scenario.clone()} version={doc.version} problems={problems} {on_edit} {lang} />
                <div class="panes">
                    <section class="pane timeline-pane" aria-label={lang.pick("Timeline", "Chronologie")}>
                        <div class="pane-head">
                            <h2>{ lang.pick("Timeline", "Chronologie") }{ " · " }<code>{ doc.scenario.strategy.as_str() }</code></h2>
                            <div class="pane-tools">
                                <button class="small" data-testid="export-svg" onclick={export_image(false)}>{ "SVG" }</button>
                                <button class="small" data-testid="export-png" onclick={export_image(true)}>{ "PNG" }</button>
                                <button class="small" data-testid="export-trace" onclick={export_trace}
                                        title={lang.pick("Chrome trace-event JSON, opens in Perfetto", "JSON Chrome trace-event, s'ouvre dans Perfetto")}>{ "Trace" }</button>
                            </div>
                        </div>
                        { views::timeline(&live, lang, TimelineOptions::MAIN) }
                        { explanation(&live, lang) }
                        { views::hidden_note(&live, lang) }
                        { legend(lang) }
                    </section>
                    if let Some(chained) = *compare {
                        { views::compare(&Strategy::ALL.iter().copied().zip(compare_rows.iter().map(|r| &**r)).collect::<Vec<_>>(), chained, lang) }
                    }
                    <section class="pane console-pane">
                        <h2>{ lang.pick("Console", "Console") }</h2>
                        { views::console(&live, lang) }
                    </section>
                    <section class="pane code-pane">
                        <div class="pane-head">
                            <h2>{ "Python" }</h2>
                            <button class="small" data-testid="copy-python" onclick={copy_python}>{ lang.pick("Copy", "Copier") }</button>
                        </div>
                        <views::PythonCode source={program.clone()} {lang} />
                    </section>
                </div>
            </main>
            <footer class="footer">
                { lang.pick("Every time shown is measured on this browser's event loop; the dashed outlines are the ideal times of a virtual clock.",
                            "Chaque durée affichée est mesurée sur la boucle d'événements de ce navigateur ; les contours pointillés sont les durées idéales d'une horloge virtuelle.") }
            </footer>
        </div>
    }
}

fn strategy_label(strategy: Strategy, lang: Lang) -> &'static str {
    match strategy {
        Strategy::Sequential => lang.pick("await one after another", "await l'un après l'autre"),
        Strategy::Gather => "asyncio.gather",
        Strategy::AsCompleted => "asyncio.as_completed",
        Strategy::CreateTask => "asyncio.create_task",
    }
}

fn status_label(status: RunStatus, lang: Lang) -> &'static str {
    match status {
        RunStatus::Idle => lang.pick("Ready", "Prêt"),
        RunStatus::Running => lang.pick("Running…", "En cours…"),
        RunStatus::Done => lang.pick("Done", "Terminé"),
        RunStatus::Cancelled => lang.pick("Stopped", "Arrêté"),
    }
}

/// One line on why the run took that long, from the ideal trace's numbers.
fn explanation(live: &live::LiveRun, lang: Lang) -> Html {
    let (Some(scenario), Some(measured)) = (&live.scenario, live.total()) else {
        return Html::default();
    };
    let why = why(&live.ideal, scenario.tasks.len());
    let s = views::seconds;
    let text = match why.reason {
        Reason::StoppedByError => format!(
            "{} {}.",
            lang.pick("An exception reached main(), which stopped there, at", "Une exception est arrivée dans main(), qui s'est arrêtée là, à"),
            s(why.total)
        ),
        Reason::SumOfTasks => format!(
            "{} {}.",
            lang.pick("One after another: the total is the sum of the tasks' times,", "L'une après l'autre : le total est la somme des durées des tâches,"),
            s(why.sum_of_tasks)
        ),
        Reason::FrozenLoop => format!(
            "{} {} {} {}{}",
            lang.pick("time.sleep froze the event loop for", "time.sleep a gelé la boucle d'événements pendant"),
            s(why.frozen),
            lang.pick("of the", "sur"),
            s(why.total),
            lang.pick(": while it blocks no other task can run, so the blocks add up.", " : pendant ce temps aucune autre tâche ne peut avancer, les blocages s'additionnent.")
        ),
        Reason::LongestTask => format!(
            "{} {}{}",
            lang.pick("The tasks waited at the same time: the total is the longest task,", "Les tâches ont attendu en même temps : le total est la tâche la plus longue,"),
            s(why.longest_task),
            lang.pick(".", ".")
        ),
        Reason::Mixed => format!(
            "{} {}, {} {}.",
            lang.pick("Some waits overlapped: longest task", "Certaines attentes se sont chevauchées : tâche la plus longue"),
            s(why.longest_task),
            lang.pick("sum of the tasks", "somme des tâches"),
            s(why.sum_of_tasks)
        ),
    };
    let late = measured - why.total;
    html! {
        <>
            <p class="why" data-testid="why">{ text }
                <span class="why-measured">{ format!(" {} {} ({:+.1} ms).", lang.pick("Measured:", "Mesuré :"), s(measured), late) }</span>
            </p>
            if let Some((median, p99, count)) = views::lateness(live) {
                <p class="lateness" data-testid="lateness" data-median-ms={format!("{median:.3}")} data-p99-ms={format!("{p99:.3}")} data-count={count.to_string()}>
                    { lang.pick("Timer lateness (actual − requested wake-up, real time): ", "Retard des minuteurs (réveil réel − demandé, temps réel) : ") }
                    { format!("median {median:.2} ms, p99 {p99:.2} ms, {count} ") }{ lang.pick("wake-ups.", "réveils.") }
                </p>
            }
        </>
    }
}

fn legend(lang: Lang) -> Html {
    html! {
        <ul class="legend">
            <li><span class="swatch sleeping"></span>{ "await asyncio.sleep" }</li>
            <li><span class="swatch blocked"></span>{ lang.pick("time.sleep (loop frozen)", "time.sleep (boucle gelée)") }</li>
            <li><span class="swatch nested"></span>{ lang.pick("nested await", "await imbriqué") }</li>
            <li><span class="swatch waiting"></span>{ lang.pick("waiting to start", "en attente de démarrage") }</li>
            <li><span class="swatch ideal"></span>{ lang.pick("ideal (virtual clock)", "idéal (horloge virtuelle)") }</li>
            <li><span class="dot print"></span>{ "print" }</li>
            <li><span class="dot main"></span>{ lang.pick("result reaches main()", "résultat reçu par main()") }</li>
            <li><span class="dot raise"></span>{ "raise" }</li>
        </ul>
    }
}

/// Mounts the page; a Rust panic is reported on the page and in the browser console.
pub fn start() {
    crash::install_panic_hook();
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
    {
        yew::Renderer::<App>::with_root(root).render();
    }
}
