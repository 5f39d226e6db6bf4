//! What the page has to say: a refused link or file, a notice, and the toast.

use yew::prelude::*;

use crate::app::i18n::{Lang, Text};

pub struct BannersProps {
    pub load_error: Option<String>,
    pub notice: Option<String>,
    pub lang: Lang,
    pub on_dismiss: Callback<()>,
}

pub fn banners(props: &BannersProps) -> Html {
    let lang = props.lang;
    html! {
        <>
            if let Some(error) = &props.load_error {
                <div class="banner error" role="alert" data-testid="load-error">
                    <strong>{ lang.t(Text::NotLoaded) }</strong>{ error.clone() }
                    <span class="banner-note">{ lang.t(Text::ScenarioKept) }</span>
                    <button class="ghost small" onclick={props.on_dismiss.reform(|_| ())} aria-label={lang.t(Text::Dismiss)}>{ "×" }</button>
                </div>
            }
            if let Some(notice) = &props.notice {
                <div class="banner notice" role="status" data-testid="notice">{ notice.clone() }</div>
            }
        </>
    }
}

/// A short message, until closed.
pub fn toast(message: Option<&str>, lang: Lang, on_close: Callback<()>) -> Html {
    let Some(message) = message else {
        return Html::default();
    };
    html! {
        <div class="toast" role="status" data-testid="toast">{ message.to_owned() }
            <button class="ghost small" onclick={on_close.reform(|_| ())} aria-label={lang.t(Text::Dismiss)}>{ "×" }</button>
        </div>
    }
}
