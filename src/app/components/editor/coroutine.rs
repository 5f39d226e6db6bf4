//! A coroutine: its name, its steps and its return value; a task, or a coroutine it awaits.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::step::{step_row, StepProps};
use super::{error_for, field_error, input_text, input_value};
use crate::app::i18n::{Lang, Text};
use crate::edit::{parse_py_value, Edit, StepsPath};
use crate::scenario::{Coroutine, ScenarioError, StepKind, MAX_AWAIT_DEPTH};

#[derive(Properties, PartialEq)]
pub struct CoroutineProps {
    pub path: StepsPath,
    pub coroutine: Rc<Coroutine>,
    pub problems: Rc<Vec<ScenarioError>>,
    pub on_edit: Callback<Edit>,
    pub lang: Lang,
}

#[function_component]
pub fn CoroutineEditor(props: &CoroutineProps) -> Html {
    let lang = props.lang;
    let field = props.path.field();
    let on_name = {
        let path = props.path.clone();
        props.on_edit.reform(move |event: InputEvent| Edit::Rename {
            path: path.clone(),
            name: input_text(&event),
        })
    };
    let on_returns = {
        let path = props.path.clone();
        props.on_edit.reform(move |event: Event| Edit::SetReturns {
            path: path.clone(),
            value: parse_py_value(&input_value(&event)),
        })
    };
    let on_add_step = {
        let (path, on_edit) = (props.path.clone(), props.on_edit.clone());
        Callback::from(move |event: Event| {
            let select = event.target_unchecked_into::<HtmlSelectElement>();
            if let Some(kind) = StepKind::parse(&select.value()) {
                on_edit.emit(Edit::AddStep {
                    path: path.clone(),
                    kind,
                });
            }
            select.set_value("");
        })
    };
    let name_error = error_for(&props.problems, &field.key("name"));
    let returns_error = error_for(&props.problems, &field.key("returns"));
    let nested = !props.path.nested.is_empty();
    let steps = &props.coroutine.steps;
    html! {
        <div class={classes!("coroutine", nested.then_some("nested"))}>
            <div class="coroutine-head">
                <label class="field grow">
                    <span>{ if nested { "await" } else { lang.t(Text::Name) } }</span>
                    <input type="text" data-testid="task-name" value={props.coroutine.name.clone()} oninput={on_name}
                           aria-invalid={name_error.is_some().to_string()} />
                    { field_error(&name_error) }
                </label>
                <label class="field returns">
                    <span>{ lang.t(Text::Returns) }</span>
                    <input type="text" data-testid="task-returns" value={props.coroutine.returns.repr()} onchange={on_returns}
                           class="mono" aria-invalid={returns_error.is_some().to_string()} />
                    { field_error(&returns_error) }
                </label>
            </div>
            <ol class="steps">
                { for steps.iter().enumerate().map(|(index, step)| step_row(&StepProps {
                    path: props.path.clone(),
                    index,
                    count: steps.len(),
                    step: step.clone(),
                    problems: props.problems.clone(),
                    on_edit: props.on_edit.clone(),
                    lang,
                })) }
            </ol>
            <select class="add-step" data-testid="add-step" onchange={on_add_step} aria-label={lang.t(Text::AddStepLabel)}>
                <option value="" selected=true>{ lang.t(Text::AddStepPrompt) }</option>
                <option value={StepKind::Print.as_str()}>{ "print('…')" }</option>
                <option value={StepKind::Sleep.as_str()}>{ "await asyncio.sleep(…)" }</option>
                <option value={StepKind::Block.as_str()}>{ lang.t(Text::StepBlock) }</option>
                if props.path.nested.len() < MAX_AWAIT_DEPTH {
                    <option value={StepKind::Await.as_str()}>{ lang.t(Text::StepAwait) }</option>
                }
                <option value={StepKind::Raise.as_str()}>{ "raise Exception(…)" }</option>
            </select>
        </div>
    }
}
