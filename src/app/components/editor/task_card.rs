//! One task of the scenario: its number, its place (drag, arrows, Alt+↑/↓), duplicate and
//! remove, and its coroutine.

use std::rc::Rc;

use yew::prelude::*;

use super::coroutine::CoroutineEditor;
use crate::app::i18n::{Lang, Text};
use crate::edit::{Edit, StepsPath};
use crate::scenario::{Coroutine, ScenarioError};

#[derive(Properties, PartialEq)]
pub struct TaskCardProps {
    pub index: usize,
    pub task: Rc<Coroutine>,
    pub count: usize,
    pub problems: Rc<Vec<ScenarioError>>,
    pub on_edit: Callback<Edit>,
    pub lang: Lang,
    pub on_drop: Callback<()>,
    pub on_drag_start: Callback<()>,
    pub dragging: bool,
}

#[function_component]
pub fn TaskCard(props: &TaskCardProps) -> Html {
    let (index, lang) = (props.index, props.lang);
    let edit = |edit: Edit| props.on_edit.reform(move |_: MouseEvent| edit.clone());
    let on_keydown = {
        let (on_edit, count) = (props.on_edit.clone(), props.count);
        Callback::from(move |event: KeyboardEvent| {
            if !event.alt_key() {
                return;
            }
            let to = match event.key().as_str() {
                "ArrowUp" if index > 0 => index - 1,
                "ArrowDown" if index + 1 < count => index + 1,
                _ => return,
            };
            event.prevent_default();
            on_edit.emit(Edit::MoveTask { from: index, to });
        })
    };
    let on_drag_start = {
        let start = props.on_drag_start.clone();
        Callback::from(move |event: DragEvent| {
            if let Some(data) = event.data_transfer() {
                let _ = data.set_data("text/plain", &index.to_string());
                data.set_effect_allowed("move");
            }
            start.emit(());
        })
    };
    let on_drop = {
        let drop = props.on_drop.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            drop.emit(());
        })
    };
    let name = &props.task.name;
    let aria = |text: Text| format!("{} {name}", lang.t(text));
    html! {
        <li class={classes!("task-card", props.dragging.then_some("dragging"))} data-testid="task-card"
            ondragover={Callback::from(|event: DragEvent| event.prevent_default())} ondrop={on_drop} onkeydown={on_keydown}>
            <div class="task-head">
                <span class="handle" draggable="true" ondragstart={on_drag_start} title={lang.t(Text::DragHint)} aria-hidden="true">{ "⠿" }</span>
                <span class="task-number">{ index + 1 }</span>
                <div class="task-actions">
                    <button class="icon" onclick={edit(Edit::MoveTask { from: index, to: index.saturating_sub(1) })} disabled={index == 0}
                            aria-label={aria(Text::MoveUp)}>{ "↑" }</button>
                    <button class="icon" onclick={edit(Edit::MoveTask { from: index, to: index + 1 })} disabled={index + 1 >= props.count}
                            aria-label={aria(Text::MoveDown)}>{ "↓" }</button>
                    <button class="icon" data-testid="duplicate-task" onclick={edit(Edit::DuplicateTask(index))} aria-label={aria(Text::Duplicate)}>
                        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" class="icon-svg">
                            <rect x="5" y="5" width="9" height="9" rx="2" fill="none" stroke="currentColor" stroke-width="1.6" />
                            <path d="M3 11V4a1 1 0 0 1 1-1h7" fill="none" stroke="currentColor" stroke-width="1.6" />
                        </svg>
                    </button>
                    <button class="icon danger" data-testid="remove-task" onclick={edit(Edit::RemoveTask(index))} disabled={props.count <= 1}
                            aria-label={aria(Text::Remove)}>{ "×" }</button>
                </div>
            </div>
            <CoroutineEditor path={StepsPath::task(index)} coroutine={props.task.clone()} problems={props.problems.clone()}
                             on_edit={props.on_edit.clone()} {lang} />
        </li>
    }
}
