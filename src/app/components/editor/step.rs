//! One step of a coroutine: its input (text or seconds), its place among the steps, and the
//! coroutine it awaits, if it is an `await`.

use std::rc::Rc;

use yew::prelude::*;

use super::coroutine::CoroutineEditor;
use super::{error_for, field_error, input_text, input_value};
use crate::app::i18n::{Lang, Text};
use crate::edit::{Edit, StepsPath};
use crate::scenario::{ScenarioError, Seconds, Step};

/// A number as typed; what is not a number becomes NaN, which validation names.
fn typed_seconds(text: &str) -> Seconds {
    match text.trim().replace(',', ".").parse::<f64>() {
        Ok(value) => Seconds::new(value),
        Err(_) => Seconds {
            value: f64::NAN,
            literal: text.to_owned(),
        },
    }
}

pub struct StepProps {
    /// The coroutine the step belongs to.
    pub path: StepsPath,
    pub index: usize,
    /// How many steps the coroutine has.
    pub count: usize,
    pub step: Step,
    pub problems: Rc<Vec<ScenarioError>>,
    pub on_edit: Callback<Edit>,
    pub lang: Lang,
}

pub fn step_row(props: &StepProps) -> Html {
    let (index, lang) = (props.index, props.lang);
    let kind = props.step.kind();
    let field = props
        .path
        .field()
        .key("steps")
        .index(index)
        .key(kind.as_str());
    let message = error_for(&props.problems, &field);
    let replace = {
        let (path, on_edit) = (props.path.clone(), props.on_edit.clone());
        Callback::from(move |step: Step| {
            on_edit.emit(Edit::ReplaceStep {
                path: path.clone(),
                index,
                step,
            })
        })
    };
    let editor = match &props.step {
        Step::Print(text) | Step::Raise(text) => {
            let make: fn(String) -> Step = match props.step {
                Step::Raise(_) => |t| Step::Raise(t.into()),
                _ => |t| Step::Print(t.into()),
            };
            let oninput = replace.reform(move |event: InputEvent| make(input_text(&event)));
            html! {
                <span class="grow">
                    <input type="text" class="mono" value={text.to_string()} {oninput} aria-label={kind.as_str()}
                           aria-invalid={message.is_some().to_string()} />
                    { field_error(&message) }
                </span>
            }
        }
        Step::Sleep(seconds) | Step::Block(seconds) => {
            let make: fn(Seconds) -> Step = match props.step {
                Step::Block(_) => Step::Block,
                _ => Step::Sleep,
            };
            let onchange =
                replace.reform(move |event: Event| make(typed_seconds(&input_value(&event))));
            html! {
                <span class="grow seconds">
                    <input type="number" min="0" step="0.1" value={seconds.literal.clone()} {onchange}
                           aria-label={format!("{} ({})", kind.as_str(), lang.t(Text::Seconds))} aria-invalid={message.is_some().to_string()} />
                    <span class="unit">{ "s" }</span>
                    { field_error(&message) }
                </span>
            }
        }
        Step::Await(_) => Html::default(),
    };
    let edit = |edit: Edit| props.on_edit.reform(move |_: MouseEvent| edit.clone());
    let path = props.path.clone();
    html! {
        <li class={classes!("step", format!("step-{}", kind.as_str()))} data-testid="step" data-kind={kind.as_str()}>
            <div class="step-row">
                <span class="step-kind">{ kind.as_str() }</span>
                { editor }
                <span class="step-actions">
                    <button class="icon" onclick={edit(Edit::MoveStep { path: path.clone(), from: index, to: index.saturating_sub(1) })} disabled={index == 0}
                            aria-label={lang.t(Text::MoveStepUp)}>{ "↑" }</button>
                    <button class="icon" onclick={edit(Edit::MoveStep { path: path.clone(), from: index, to: index + 1 })} disabled={index + 1 >= props.count}
                            aria-label={lang.t(Text::MoveStepDown)}>{ "↓" }</button>
                    <button class="icon danger" onclick={edit(Edit::RemoveStep { path: path.clone(), index })}
                            aria-label={lang.t(Text::RemoveStep)}>{ "×" }</button>
                </span>
            </div>
            if let Step::Await(inner) = &props.step {
                <CoroutineEditor path={path.into_await(index)} coroutine={inner.clone()} problems={props.problems.clone()}
                                 on_edit={props.on_edit.clone()} {lang} />
            }
        </li>
    }
}
