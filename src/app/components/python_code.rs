//! The Python program the scenario stands for, highlighted, with Copy.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::i18n::{Lang, Text};
use crate::python::highlight::{tokens, TokenKind};

/// Lines of the program highlighted on the page (Copy gives all of it).
const MAX_CODE_LINES: usize = 400;

#[derive(Properties, PartialEq)]
pub struct PythonCodeProps {
    pub source: Rc<str>,
    pub lang: Lang,
    pub on_copy: Callback<()>,
    /// Opens this program in the Python pane.
    pub on_edit: Callback<()>,
}

/// Re-rendered only when the program changes.
#[function_component]
pub fn PythonCode(props: &PythonCodeProps) -> Html {
    let lang = props.lang;
    let lines = props.source.lines().count();
    let shown = if lines > MAX_CODE_LINES {
        let end = props
            .source
            .match_indices('\n')
            .nth(MAX_CODE_LINES - 1)
            .map_or(props.source.len(), |(i, _)| i + 1);
        &props.source[..end]
    } else {
        &props.source
    };
    html! {
        <section class="pane code-pane">
            <div class="pane-head">
                <h2>{ "Python" }</h2>
                <div class="pane-actions">
                    <button class="small" data-testid="copy-python" onclick={props.on_copy.reform(|_| ())}>{ lang.t(Text::Copy) }</button>
                    <button class="small" data-testid="edit-as-python" onclick={props.on_edit.reform(|_| ())}>{ lang.t(Text::EditAsPython) }</button>
                </div>
            </div>
            { highlighted(shown) }
            if lines > MAX_CODE_LINES {
                <p class="code-more">{ format!("… {} ", lines - MAX_CODE_LINES) }{ lang.t(Text::MoreCodeLines) }</p>
            }
        </section>
    }
}

pub fn highlighted(source: &str) -> Html {
    html! {
        <pre class="python"><code>
            { for tokens(source).into_iter().map(|(kind, text)| {
                let class = match kind {
                    TokenKind::Keyword => "kw",
                    TokenKind::Builtin => "bi",
                    TokenKind::String => "str",
                    TokenKind::Number => "num",
                    TokenKind::Comment => "com",
                    TokenKind::Name => "name",
                    TokenKind::Other => "",
                };
                if class.is_empty() { html! { { text } } } else { html! { <span {class}>{ text }</span> } }
            }) }
        </code></pre>
    }
}
