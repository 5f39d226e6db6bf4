//! The Python program the scenario stands for, highlighted, with Copy.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::i18n::{Lang, Text};
use crate::python::highlight::{tokens, TokenKind};
use crate::time_travel::TaskState;

/// A line where tasks stand at the instant time travel shows (1-based), and which tasks.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeMark {
    pub line: u32,
    pub tasks: Vec<(String, TaskState)>,
}

impl CodeMark {
    /// A task running stands here.
    pub fn running(&self) -> bool {
        self.tasks.iter().any(|(_, s)| *s == TaskState::Running)
    }

    /// Who stands here, as the page writes it (`square(1) (waiting) · square(2) (ready)`).
    pub fn names(&self) -> String {
        self.tasks
            .iter()
            .map(|(label, state)| format!("{label} ({})", state.as_str()))
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

/// Lines of the program highlighted on the page (Copy gives all of it).
const MAX_CODE_LINES: usize = 400;

#[derive(Properties, PartialEq)]
pub struct PythonCodeProps {
    pub source: Rc<str>,
    pub lang: Lang,
    pub on_copy: Callback<()>,
    /// Opens this program in the Python pane.
    pub on_edit: Callback<()>,
    /// Where the tasks stand at the instant time travel shows.
    #[prop_or_default]
    pub marks: Rc<Vec<CodeMark>>,
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
            if props.marks.is_empty() {
                { highlighted(shown) }
            } else {
                { marked(shown, &props.marks) }
            }
            if lines > MAX_CODE_LINES {
                <p class="code-more">{ format!("… {} ", lines - MAX_CODE_LINES) }{ lang.t(Text::MoreCodeLines) }</p>
            }
        </section>
    }
}

/// The program line by line, the lines where tasks stand marked with their names. The names
/// are drawn by CSS from `data-tasks`, so the code's text stays the program's, to the letter.
fn marked(source: &str, marks: &[CodeMark]) -> Html {
    let lines = source.lines().enumerate().map(|(i, line)| {
        let number = i as u32 + 1;
        let mark = marks.iter().find(|m| m.line == number);
        let running = mark.is_some_and(CodeMark::running);
        let tasks = mark.map(CodeMark::names);
        html! {
            <>
                <span class={classes!("code-line", mark.map(|_| "marked"), running.then_some("running"))}
                      data-testid={mark.map(|_| "code-mark")} data-line={number.to_string()}
                      data-tasks={tasks}>
                    { spans(line) }
                </span>
                { "\n" }
            </>
        }
    });
    html! { <pre class="python"><code>{ for lines }</code></pre> }
}

fn spans(source: &str) -> Html {
    html! {
        <>
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
        </>
    }
}

pub fn highlighted(source: &str) -> Html {
    html! { <pre class="python"><code>{ spans(source) }</code></pre> }
}
