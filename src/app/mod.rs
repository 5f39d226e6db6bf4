//! The page: pick or compose a scenario, run it, watch it.

pub mod doc;
pub mod live;
pub mod storage;
pub mod views;

use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{HtmlSelectElement, KeyboardEvent};
use yew::prelude::*;

use crate::link;
use crate::presets;
use crate::python;
use crate::scenario::{Scenario, Strategy};
use doc::{Doc, DocAction, Lang};
use live::{RunStatus, Runner};
use storage::Restored;

/// Speeds offered, as multiples of real time (`time_scale` = 1 / speed).
const SPEEDS: [f64; 7] = [0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0];

fn current_fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Loads the scenario a link names; a refused link leaves the scenario as it was.
fn load_link(doc: &UseReducerHandle<Doc>, runner: &Runner) {
    match link::parse_fragment(&current_fragment()) {
        Ok(None) => {}
        Ok(Some(request)) => {
            runner.stop();
            doc.dispatch(DocAction::Load {
                scenario: request.scenario.clone(),
                preset: None,
            });
            if request.run {
                runner.start(&request.scenario);
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
    match storage::restore_scenario() {
        Restored::Nothing => {}
        Restored::Scenario(scenario) => {
            doc.preset = presets::all().iter().find(|p| p.scenario() == scenario).map(|p| p.id);
            doc.scenario = scenario;
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

#[function_component]
pub fn App() -> Html {
    let doc = use_reducer(initial_doc);
    let redraw = use_force_update();
    let runner = use_memo((), move |_| {
        Runner::new(Rc::new(move || redraw.force_update()))
    });
    let runner: Runner = (*runner).clone();

    // A link in the URL wins over the autosave, now and whenever it changes.
    {
        let doc = doc.clone();
        let runner = runner.clone();
        use_effect_with((), move |_| {
            load_link(&doc, &runner);
            let listener = web_sys::window().map(|window| {
                let runner = runner.clone();
                EventListener::new(&window, "hashchange", move |_| load_link(&doc, &runner))
            });
            move || {
                drop(listener);
                runner.dispose();
            }
        });
    }

    // Autosave every change of the scenario.
    {
        let doc = doc.clone();
        use_effect_with(doc.scenario.clone(), move |scenario| {
            if let Err(reason) = storage::save_scenario(scenario) {
                doc.dispatch(DocAction::Notice(Some(reason)));
            }
        });
    }
    use_effect_with(doc.lang, |lang| {
        storage::save_lang(lang.code());
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.code());
        }
    });

    let validity = doc.scenario.validate();
    let run = {
        let runner = runner.clone();
        let scenario = doc.scenario.clone();
        let valid = validity.is_ok();
        Callback::from(move |_: ()| {
            if valid {
                runner.start(&scenario);
            }
        })
    };
    let stop = {
        let runner = runner.clone();
        Callback::from(move |_: ()| runner.stop())
    };

    // Ctrl+Enter runs, Escape stops.
    {
        let run = run.clone();
        let stop = stop.clone();
        use_effect_with(doc.scenario.clone(), move |_| {
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "keydown", move |event| {
                    let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    if event.key() == "Enter" && (event.ctrl_key() || event.meta_key()) {
                        event.prevent_default();
                        run.emit(());
                    } else if event.key() == "Escape" {
                        stop.emit(());
                    }
                })
            });
            move || drop(listener)
        });
    }

    let lang = doc.lang;
    let on_preset = {
        let doc = doc.clone();
        let runner = runner.clone();
        Callback::from(move |event: Event| {
            let id = event.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(preset) = presets::find(&id) {
                runner.stop();
                doc.dispatch(DocAction::Load {
                    scenario: preset.scenario(),
                    preset: Some(preset.id),
                });
            }
        })
    };
    let on_strategy = {
        let doc = doc.clone();
        let runner = runner.clone();
        Callback::from(move |event: Event| {
            if let Some(strategy) =
                Strategy::parse(&event.target_unchecked_into::<HtmlSelectElement>().value())
            {
                runner.stop();
                doc.dispatch(DocAction::SetStrategy(strategy));
            }
        })
    };
    let on_speed = {
        let doc = doc.clone();
        Callback::from(move |event: Event| {
            if let Ok(speed) = event
                .target_unchecked_into::<HtmlSelectElement>()
                .value()
                .parse::<f64>()
            {
                doc.dispatch(DocAction::SetTimeScale(1.0 / speed));
            }
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

    let live = runner.live.borrow();
    let status = live.status;
    let preset = doc.preset.and_then(presets::find);
    let program = python::program(&doc.scenario);
    let speed = 1.0 / doc.scenario.time_scale;

    html! {
        <div class="app">
            <header class="topbar">
                <div class="brand">
                    <span class="logo" aria-hidden="true">{ "⏱" }</span>
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
                            <option value={s.as_str()} selected={*s == doc.scenario.strategy}>{ strategy_label(*s) }</option>
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
                if status == RunStatus::Running {
                    <button class="primary stop" data-testid="stop" onclick={stop.reform(|_| ())} title="Escape">
                        { "■ " }{ lang.pick("Stop", "Arrêter") }
                    </button>
                } else {
                    <button class="primary" data-testid="run" onclick={run.reform(|_| ())} disabled={validity.is_err()}
                            title={validity.as_ref().err().map_or_else(|| "Ctrl+Enter".to_owned(), |e| e.to_string())}>
                        { "▶ " }{ lang.pick("Run", "Lancer") }
                    </button>
                }
                <span class="run-state" data-testid="run-state" data-state={status.as_str()}>{ status_label(status, lang) }</span>
                if let Some(total) = live.total() {
                    <span class="total" data-testid="total-time" data-ms={format!("{total:.3}")}>
                        { lang.pick("Total ", "Total ") }<strong>{ views::seconds(total) }</strong>
                    </span>
                }
            </section>
            if let Some(preset) = preset {
                <p class="explain">{ lang.pick(preset.explain_en, preset.explain_fr) }</p>
            }

            <main class="panes">
                <section class="pane timeline-pane" aria-label={lang.pick("Timeline", "Chronologie")}>
                    <h2>{ lang.pick("Timeline", "Chronologie") }</h2>
                    { views::timeline(&live, lang) }
                    { legend(lang) }
                </section>
                <section class="pane console-pane">
                    <h2>{ lang.pick("Console", "Console") }</h2>
                    { views::console(&live, lang) }
                </section>
                <section class="pane code-pane">
                    <h2>{ "Python" }</h2>
                    { views::python_code(&program) }
                </section>
            </main>
        </div>
    }
}

fn strategy_label(strategy: Strategy) -> &'static str {
    match strategy {
        Strategy::Sequential => "await one after another",
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

/// Mounts the page and reports Rust panics to the browser console.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Async Playground panicked: {info}").into());
    }));
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
    {
        yew::Renderer::<App>::with_root(root).render();
    }
}

/// The scenario a page would share.
pub fn share_fragment(scenario: &Scenario, run: bool) -> String {
    link::compressed_fragment(scenario, run)
}
