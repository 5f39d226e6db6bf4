//! The top bar: the name, the tutorial examples, and the language switch.

use yew::prelude::*;

use crate::app::i18n::{Lang, Text};
use crate::app::state::ui::Mode;
use crate::presets;

pub struct TopBarProps {
    /// The preset the scenario still is, if any.
    pub preset: Option<&'static str>,
    pub mode: Mode,
    pub lang: Lang,
    pub on_preset: Callback<&'static str>,
    pub on_mode: Callback<Mode>,
    pub on_toggle_lang: Callback<()>,
}

pub fn top_bar(props: &TopBarProps) -> Html {
    let lang = props.lang;
    let on_preset = {
        let on_preset = props.on_preset.clone();
        Callback::from(move |event: Event| {
            let id = event
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Some(preset) = presets::find(&id) {
                on_preset.emit(preset.id);
            }
        })
    };
    html! {
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
                    <p class="tagline">{ lang.t(Text::Tagline) }</p>
                </div>
            </div>
            <div class="topbar-actions">
                <div class="mode-switch" role="group" aria-label={lang.t(Text::ModeLabel)}>
                    { for [(Mode::Tasks, Text::ModeTasks), (Mode::Python, Text::ModePython)].into_iter().map(|(mode, text)| {
                        let on_mode = props.on_mode.clone();
                        html! {
                            <button class={classes!("mode", (props.mode == mode).then_some("selected"))}
                                    data-testid={format!("mode-{}", mode.as_str())}
                                    aria-pressed={(props.mode == mode).to_string()}
                                    onclick={Callback::from(move |_| on_mode.emit(mode))}>
                                { lang.t(text) }
                            </button>
                        }
                    }) }
                </div>
                if props.mode == Mode::Tasks {
                <label class="field">
                    <span>{ lang.t(Text::Example) }</span>
                    <select data-testid="preset" onchange={on_preset} aria-label={lang.t(Text::ExampleLabel)}>
                        if props.preset.is_none() {
                            <option value="" selected=true>{ lang.t(Text::YourScenario) }</option>
                        }
                        { for presets::all().iter().map(|p| html! {
                            <option value={p.id} selected={props.preset == Some(p.id)}>{ lang.choose(p.title_en, p.title_fr) }</option>
                        }) }
                    </select>
                </label>
                }
                <button class="ghost" data-testid="lang" onclick={props.on_toggle_lang.reform(|_| ())} aria-label={lang.t(Text::SwitchLanguage)}>
                    { lang.t(Text::OtherLanguage) }
                </button>
            </div>
        </header>
    }
}
