//! Compose the scenario: its title, its tasks (added, removed, duplicated, reordered by drag or
//! keyboard), their steps (nested awaits included) and return values, with every problem shown
//! next to its field in the spec's words.

mod coroutine;
mod spread;
mod step;
mod task_card;

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::i18n::{Lang, Text};
use crate::edit::Edit;
use crate::scenario::{FieldPath, Scenario, ScenarioError};
use spread::spread;
use task_card::TaskCard;

/// Task cards shown before "show more" (a 100,000-task scenario still runs whole).
pub const CARDS_PER_PAGE: usize = 100;

#[derive(Properties)]
pub struct EditorProps {
    pub scenario: Rc<Scenario>,
    /// The document's version: a new one means the scenario changed.
    pub version: u64,
    /// What validation refuses, one problem per task at most (see `Scenario::problems`).
    pub problems: Rc<Vec<ScenarioError>>,
    pub on_edit: Callback<Edit>,
    pub lang: Lang,
}

/// Compared by version and pointer, never by walking a scenario of 100,000 tasks.
impl PartialEq for EditorProps {
    fn eq(&self, other: &Self) -> bool {
        self.version == other.version
            && Rc::ptr_eq(&self.scenario, &other.scenario)
            && Rc::ptr_eq(&self.problems, &other.problems)
            && self.on_edit == other.on_edit
            && self.lang == other.lang
    }
}

fn input_value(event: &Event) -> String {
    event.target_unchecked_into::<HtmlInputElement>().value()
}

fn input_text(event: &InputEvent) -> String {
    event.target_unchecked_into::<HtmlInputElement>().value()
}

/// The message for `field`, when validation refused exactly that field.
fn error_for(problems: &[ScenarioError], field: &FieldPath) -> Option<String> {
    problems
        .iter()
        .find(|e| e.path == *field)
        .map(|e| e.reason.clone())
}

fn field_error(message: &Option<String>) -> Html {
    match message {
        Some(message) => html! { <p class="field-error" role="alert">{ message.clone() }</p> },
        None => Html::default(),
    }
}

#[function_component]
pub fn Editor(props: &EditorProps) -> Html {
    let lang = props.lang;
    let shown = use_state(|| CARDS_PER_PAGE);
    let dragging = use_state(|| None::<usize>);
    let spread_values = use_state(spread::Values::default);
    let task_count = props.scenario.tasks.len();
    let on_title = props
        .on_edit
        .reform(|event: InputEvent| Edit::SetTitle(input_text(&event)));
    let title_error = error_for(&props.problems, &FieldPath::root().key("title"));
    let cards: Html = props
        .scenario
        .tasks
        .iter()
        .take(*shown)
        .enumerate()
        .map(|(index, task)| {
            let on_drop = {
                let dragging = dragging.clone();
                props.on_edit.reform(move |_: ()| {
                    let from = (*dragging).unwrap_or(index);
                    dragging.set(None);
                    Edit::MoveTask { from, to: index }
                })
            };
            let on_drag_start = {
                let dragging = dragging.clone();
                Callback::from(move |_: ()| dragging.set(Some(index)))
            };
            html! {
                <TaskCard key={index} {index} task={task.clone()} count={task_count} problems={props.problems.clone()}
                    on_edit={props.on_edit.clone()} {lang} {on_drop} {on_drag_start}
                    dragging={*dragging == Some(index)} />
            }
        })
        .collect();
    let more = task_count.saturating_sub(*shown);
    let show_more = {
        let shown = shown.clone();
        Callback::from(move |_| shown.set(*shown + CARDS_PER_PAGE * 10))
    };
    html! {
        <section class="pane editor-pane" aria-label={lang.t(Text::Tasks)}>
            <div class="pane-head">
                <h2>{ lang.t(Text::Tasks) }<span class="count">{ task_count }</span></h2>
                <button class="small" data-testid="add-task" onclick={props.on_edit.reform(|_| Edit::AddTask)}>{ "+ " }{ lang.t(Text::Task) }</button>
            </div>
            <label class="field wide">
                <span>{ lang.t(Text::Title) }</span>
                <input type="text" data-testid="title" value={props.scenario.title.clone().unwrap_or_default()}
                       oninput={on_title} aria-invalid={title_error.is_some().to_string()} />
                { field_error(&title_error) }
            </label>
            <ol class="task-list">{ cards }</ol>
            if more > 0 {
                <p class="more-tasks">
                    { format!("{more} ") }{ lang.t(Text::MoreTasksHidden) }
                    <button class="small" onclick={show_more}>{ lang.t(Text::ShowMore) }</button>
                </p>
            }
            { spread(&spread_values, &props.on_edit, lang) }
        </section>
    }
}
