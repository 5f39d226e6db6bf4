//! Keeping and sharing the scenario: Copy link (with "run on open"), JSON export and import.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use crate::app::i18n::{Lang, Text};
use crate::app::platform::{files, page_url};
use crate::link;
use crate::scenario::Scenario;

pub struct ShareProps {
    pub scenario: Rc<Scenario>,
    /// Whether the link runs the scenario on open (`&run=1`).
    pub share_run: bool,
    pub lang: Lang,
    pub on_share_run: Callback<bool>,
    /// The link just made (shown in a field to copy by hand if the clipboard refused).
    pub on_link: Callback<String>,
    pub on_import: Callback<Scenario>,
    pub on_refused: Callback<String>,
    /// A short message for the toast.
    pub say: Callback<String>,
}

pub fn share(props: &ShareProps) -> Html {
    let lang = props.lang;
    let copy_link = {
        let (scenario, run) = (props.scenario.clone(), props.share_run);
        let (on_link, say) = (props.on_link.clone(), props.say.clone());
        Callback::from(move |_| {
            let fragment = link::compressed_fragment(&scenario, run);
            copy_link_to_clipboard(&fragment, lang, &on_link, &say);
        })
    };
    let toggle_run = props
        .on_share_run
        .reform(|event: Event| event.target_unchecked_into::<HtmlInputElement>().checked());
    let export_json = {
        let (scenario, say) = (props.scenario.clone(), props.say.clone());
        Callback::from(move |_| {
            let name = format!("{}.json", files::file_stem(scenario.title.as_deref()));
            let pretty = scenario.to_value().to_pretty();
            if let Err(error) = files::download_text(&pretty, &name, "application/json") {
                say.emit(error);
            }
        })
    };
    let import_json = {
        let (on_import, on_refused) = (props.on_import.clone(), props.on_refused.clone());
        Callback::from(move |event: Event| {
            let (on_import, on_refused) = (on_import.clone(), on_refused.clone());
            read_picked_file(event, move |text| {
                match text.and_then(|text| Scenario::from_json(&text).map_err(|e| e.to_string())) {
                    Ok(scenario) => on_import.emit(scenario),
                    Err(reason) => on_refused.emit(reason),
                }
            });
        })
    };
    html! {
        <div class="share">
            <button class="small" data-testid="copy-link" onclick={copy_link}>{ lang.t(Text::CopyLink) }</button>
            <label class="check"><input type="checkbox" data-testid="share-run" checked={props.share_run} onchange={toggle_run} />
                { lang.t(Text::RunOnOpen) }</label>
            <button class="small" data-testid="export-json" onclick={export_json}>{ lang.t(Text::ExportJson) }</button>
            <label class="button small" tabindex="0" onkeydown={Callback::from(open_file_picker)}>
                { lang.t(Text::ImportJson) }
                <input type="file" class="visually-hidden" data-testid="import-json" accept="application/json,.json" onchange={import_json} />
            </label>
        </div>
    }
}

/// Reads the file just picked in a file input (which is emptied, so that the same file can be
/// picked again) and hands its text, or why it could not be read, to `then`.
pub fn read_picked_file(event: Event, then: impl FnOnce(Result<String, String>) + 'static) {
    let input = event.target_unchecked_into::<HtmlInputElement>();
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    input.set_value("");
    spawn_local(async move { then(files::read_file(file).await) });
}

/// Makes the page's link with `fragment`, shows it (`on_link`) and copies it; the toast says
/// whether the clipboard took it.
pub fn copy_link_to_clipboard(
    fragment: &str,
    lang: Lang,
    on_link: &Callback<String>,
    say: &Callback<String>,
) {
    let url = format!("{}#{fragment}", page_url());
    on_link.emit(url.clone());
    let say = say.clone();
    spawn_local(async move {
        let copied = files::copy_to_clipboard(&url).await.is_ok();
        let text = if copied {
            Text::LinkCopied
        } else {
            Text::CopyLinkBelow
        };
        say.emit(lang.t(text).to_owned());
    });
}

/// The file input hides behind its label: Enter or Space on the label opens it.
pub fn open_file_picker(event: KeyboardEvent) {
    if event.key() != "Enter" && event.key() != " " {
        return;
    }
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

/// The link Copy link made, selectable by hand.
pub fn shared_link(url: Option<&str>, lang: Lang) -> Html {
    let Some(url) = url else {
        return Html::default();
    };
    html! {
        <div class="shared-link">
            <input type="text" readonly=true data-testid="shared-link" value={url.to_owned()} aria-label={lang.t(Text::LinkToScenario)} />
        </div>
    }
}
