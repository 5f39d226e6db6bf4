//! Compose the scenario: tasks (add, remove, duplicate, reorder by drag or keyboard), their
//! steps (nested awaits included) and return values, with the spec's messages inline.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::app::doc::Lang;
use crate::edit::{new_step, parse_py_value, Edit, StepsPath};
use crate::scenario::{Coroutine, Scenario, ScenarioError, Seconds, Step};

/// Task cards shown before "show more" (a 100,000-task scenario still runs whole).
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

fn input_value(event: &Event) -> String {
    event.target_unchecked_into::<HtmlInputElement>().value()
}

fn input_text(event: &InputEvent) -> String {
    event.target_unchecked_into::<HtmlInputElement>().value()
}

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

/// The message for `field`, when validation refused exactly that field.
fn error_for(problems: &[ScenarioError], field: &str) -> Option<String> {
    problems
        .iter()
        .find(|e| e.path == field)
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
    let spread = use_state(|| (10usize, 0.5f64, 2.0f64));
    let task_count = props.scenario.tasks.len();

    let add_task = props.on_edit.reform(|_| Edit::AddTask);
    let add_spread = {
        let spread = spread.clone();
        props.on_edit.reform(move |_| {
            let (count, min, max) = *spread;
            Edit::AddSpread {
                count,
                min: min.min(max),
                max: max.max(min),
            }
        })
    };
    let spread_field = |which: usize| {
        let spread = spread.clone();
        Callback::from(move |event: Event| {
            let text = input_value(&event);
            let (mut count, mut min, mut max) = *spread;
            match which {
                0 => count = text.parse::<usize>().unwrap_or(count).clamp(1, 100_000),
                1 => {
                    min = text
                        .parse::<f64>()
                        .ok()
                        .filter(|x| x.is_finite() && *x >= 0.0)
                        .unwrap_or(min)
                }
                _ => {
                    max = text
                        .parse::<f64>()
                        .ok()
                        .filter(|x| x.is_finite() && *x >= 0.0)
                        .unwrap_or(max)
                }
            }
            spread.set((count, min, max));
        })
    };
    let on_title = props
        .on_edit
        .reform(|event: InputEvent| Edit::SetTitle(input_text(&event)));
    let title_error = error_for(&props.problems, "title");

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
        <section class="pane editor-pane" aria-label={lang.pick("Tasks", "Tâches")}>
            <div class="pane-head">
                <h2>{ lang.pick("Tasks", "Tâches") }<span class="count">{ task_count }</span></h2>
                <button class="small" data-testid="add-task" onclick={add_task}>{ "+ " }{ lang.pick("Task", "Tâche") }</button>
            </div>
            <label class="field wide">
                <span>{ lang.pick("Title", "Titre") }</span>
                <input type="text" data-testid="title" value={props.scenario.title.clone().unwrap_or_default()}
                       oninput={on_title} aria-invalid={title_error.is_some().to_string()} />
                { field_error(&title_error) }
            </label>
            <ol class="task-list">{ cards }</ol>
            if more > 0 {
                <p class="more-tasks">
                    { format!("{more} ") }{ lang.pick("more tasks are not shown here; they all run.", "autres tâches ne sont pas affichées ici ; elles s'exécutent toutes.") }
                    <button class="small" onclick={show_more}>{ lang.pick("Show more", "Afficher plus") }</button>
                </p>
            }
            <details class="spread">
                <summary>{ lang.pick("Add many tasks", "Ajouter plusieurs tâches") }</summary>
                <div class="spread-row">
                    <label class="field"><span>{ lang.pick("How many", "Combien") }</span>
                        <input type="number" min="1" max="100000" data-testid="spread-count" value={spread.0.to_string()} onchange={spread_field(0)} /></label>
                    <label class="field"><span>{ lang.pick("Delays from (s)", "Délais de (s)") }</span>
                        <input type="number" min="0" step="0.1" data-testid="spread-min" value={spread.1.to_string()} onchange={spread_field(1)} /></label>
                    <label class="field"><span>{ lang.pick("to (s)", "à (s)") }</span>
                        <input type="number" min="0" step="0.1" data-testid="spread-max" value={spread.2.to_string()} onchange={spread_field(2)} /></label>
                    <button class="small" data-testid="spread-add" onclick={add_spread}>{ lang.pick("Add", "Ajouter") }</button>
                </div>
            </details>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct TaskCardProps {
    index: usize,
    task: Rc<Coroutine>,
    count: usize,
    problems: Rc<Vec<ScenarioError>>,
    on_edit: Callback<Edit>,
    lang: Lang,
    on_drop: Callback<()>,
    on_drag_start: Callback<()>,
    dragging: bool,
}

#[function_component]
fn TaskCard(props: &TaskCardProps) -> Html {
    let index = props.index;
    let lang = props.lang;
    let edit = |edit: Edit| props.on_edit.reform(move |_: MouseEvent| edit.clone());
    let on_keydown = {
        let on_edit = props.on_edit.clone();
        let count = props.count;
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
    let on_drag_over = Callback::from(|event: DragEvent| event.prevent_default());
    let on_drop = {
        let drop = props.on_drop.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            drop.emit(());
        })
    };
    let class = classes!("task-card", props.dragging.then_some("dragging"));
    html! {
        <li class={class} data-testid="task-card" ondragover={on_drag_over} ondrop={on_drop} onkeydown={on_keydown}>
            <div class="task-head">
                <span class="handle" draggable="true" ondragstart={on_drag_start} title={lang.pick("Drag to reorder (or Alt+↑/↓)", "Glisser pour réordonner (ou Alt+↑/↓)")} aria-hidden="true">{ "⠿" }</span>
                <span class="task-number">{ index + 1 }</span>
                <div class="task-actions">
                    <button class="icon" onclick={edit(Edit::MoveTask { from: index, to: index.saturating_sub(1) })} disabled={index == 0}
                            aria-label={format!("{} {}", lang.pick("Move up", "Monter"), props.task.name)}>{ "↑" }</button>
                    <button class="icon" onclick={edit(Edit::MoveTask { from: index, to: index + 1 })} disabled={index + 1 >= props.count}
                            aria-label={format!("{} {}", lang.pick("Move down", "Descendre"), props.task.name)}>{ "↓" }</button>
                    <button class="icon" data-testid="duplicate-task" onclick={edit(Edit::DuplicateTask(index))}
                            aria-label={format!("{} {}", lang.pick("Duplicate", "Dupliquer"), props.task.name)}>
                        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" class="icon-svg">
                            <rect x="5" y="5" width="9" height="9" rx="2" fill="none" stroke="currentColor" stroke-width="1.6" />
                            <path d="M3 11V4a1 1 0 0 1 1-1h7" fill="none" stroke="currentColor" stroke-width="1.6" />
                        </svg>
                    </button>
                    <button class="icon danger" data-testid="remove-task" onclick={edit(Edit::RemoveTask(index))} disabled={props.count <= 1}
                            aria-label={format!("{} {}", lang.pick("Remove", "Supprimer"), props.task.name)}>{ "×" }</button>
                </div>
            </div>
            <CoroutineEditor path={StepsPath::task(index)} coroutine={props.task.clone()} problems={props.problems.clone()}
                             on_edit={props.on_edit.clone()} {lang} />
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct CoroutineProps {
    path: StepsPath,
    coroutine: Rc<Coroutine>,
    problems: Rc<Vec<ScenarioError>>,
    on_edit: Callback<Edit>,
    lang: Lang,
}

/// A name, a list of steps and a return value: a task, or a coroutine it awaits.
#[function_component]
fn CoroutineEditor(props: &CoroutineProps) -> Html {
    let lang = props.lang;
    let field = props.path.field();
    let path = props.path.clone();
    let on_name = {
        let path = path.clone();
        props.on_edit.reform(move |event: InputEvent| Edit::Rename {
            path: path.clone(),
            name: input_text(&event),
        })
    };
    let on_returns = {
        let path = path.clone();
        props.on_edit.reform(move |event: Event| Edit::SetReturns {
            path: path.clone(),
            value: parse_py_value(&input_value(&event)),
        })
    };
    let steps = &props.coroutine.steps;
    let set_steps = {
        let path = path.clone();
        let on_edit = props.on_edit.clone();
        move |steps: Vec<Step>| {
            on_edit.emit(Edit::SetSteps {
                path: path.clone(),
                steps,
            })
        }
    };
    let on_add_step = {
        let steps = steps.clone();
        let set_steps = set_steps.clone();
        Callback::from(move |event: Event| {
            let select = event.target_unchecked_into::<HtmlSelectElement>();
            if let Some(step) = new_step(&select.value()) {
                let mut steps = steps.clone();
                steps.push(step);
                set_steps(steps);
            }
            select.set_value("");
        })
    };
    let name_error = error_for(&props.problems, &format!("{field}.name"));
    let returns_error = error_for(&props.problems, &format!("{field}.returns"));
    let nested = !props.path.nested.is_empty();
    let rows: Html = steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let step_field = format!("{field}.steps[{i}]");
            let replace = {
                let steps = steps.clone();
                let set_steps = set_steps.clone();
                Callback::from(move |step: Step| {
                    let mut steps = steps.clone();
                    steps[i] = step;
                    set_steps(steps);
                })
            };
            let shift = |to: Option<usize>| {
                let steps = steps.clone();
                let set_steps = set_steps.clone();
                Callback::from(move |_: MouseEvent| {
                    let mut steps = steps.clone();
                    match to {
                        Some(to) => crate::edit::move_step(&mut steps, i, to),
                        None => {
                            steps.remove(i);
                        }
                    }
                    set_steps(steps);
                })
            };
            let (kind, editor) = step_editor(step, &step_field, &replace, &props.problems, lang);
            let body = match step {
                Step::Await(inner) => html! {
                    <CoroutineEditor path={props.path.into_await(i)} coroutine={inner.clone()} problems={props.problems.clone()}
                                     on_edit={props.on_edit.clone()} {lang} />
                },
                _ => Html::default(),
            };
            html! {
                <li class={classes!("step", format!("step-{kind}"))} data-testid="step" data-kind={kind}>
                    <div class="step-row">
                        <span class="step-kind">{ kind }</span>
                        { editor }
                        <span class="step-actions">
                            <button class="icon" onclick={shift(Some(i.saturating_sub(1)))} disabled={i == 0} aria-label={lang.pick("Move step up", "Monter l'étape")}>{ "↑" }</button>
                            <button class="icon" onclick={shift(Some(i + 1))} disabled={i + 1 >= steps.len()} aria-label={lang.pick("Move step down", "Descendre l'étape")}>{ "↓" }</button>
                            <button class="icon danger" onclick={shift(None)} aria-label={lang.pick("Remove step", "Supprimer l'étape")}>{ "×" }</button>
                        </span>
                    </div>
                    { body }
                </li>
            }
        })
        .collect();
    html! {
        <div class={classes!("coroutine", nested.then_some("nested"))}>
            <div class="coroutine-head">
                <label class="field grow">
                    <span>{ if nested { lang.pick("await", "await") } else { lang.pick("Name", "Nom") } }</span>
                    <input type="text" data-testid="task-name" value={props.coroutine.name.clone()} oninput={on_name}
                           aria-invalid={name_error.is_some().to_string()} />
                    { field_error(&name_error) }
                </label>
                <label class="field returns">
                    <span>{ lang.pick("returns", "retourne") }</span>
                    <input type="text" data-testid="task-returns" value={props.coroutine.returns.repr()} onchange={on_returns}
                           class="mono" aria-invalid={returns_error.is_some().to_string()} />
                    { field_error(&returns_error) }
                </label>
            </div>
            <ol class="steps">{ rows }</ol>
            <select class="add-step" data-testid="add-step" onchange={on_add_step} aria-label={lang.pick("Add a step", "Ajouter une étape")}>
                <option value="" selected=true>{ lang.pick("+ add a step…", "+ ajouter une étape…") }</option>
                <option value="print">{ "print('…')" }</option>
                <option value="sleep">{ "await asyncio.sleep(…)" }</option>
                <option value="block">{ lang.pick("time.sleep(…) — blocks the loop", "time.sleep(…) — bloque la boucle") }</option>
                if props.path.nested.len() < crate::scenario::MAX_AWAIT_DEPTH {
                    <option value="await">{ lang.pick("await another coroutine", "await d'une autre coroutine") }</option>
                }
                <option value="raise">{ "raise Exception(…)" }</option>
            </select>
        </div>
    }
}

/// The input of one step, and its kind's label.
fn step_editor(
    step: &Step,
    field: &str,
    replace: &Callback<Step>,
    problems: &[ScenarioError],
    lang: Lang,
) -> (&'static str, Html) {
    let text_input = |key: &str, value: &str, make: fn(String) -> Step| {
        let message = error_for(problems, &format!("{field}.{key}"));
        let oninput = replace.reform(move |event: InputEvent| make(input_text(&event)));
        html! {
            <span class="grow">
                <input type="text" class="mono" value={value.to_owned()} {oninput} aria-label={key.to_owned()}
                       aria-invalid={message.is_some().to_string()} />
                { field_error(&message) }
            </span>
        }
    };
    let seconds_input = |key: &str, seconds: &Seconds, make: fn(Seconds) -> Step| {
        let message = error_for(problems, &format!("{field}.{key}"));
        let onchange =
            replace.reform(move |event: Event| make(typed_seconds(&input_value(&event))));
        html! {
            <span class="grow seconds">
                <input type="number" min="0" step="0.1" value={seconds.literal.clone()} {onchange}
                       aria-label={format!("{key} ({})", lang.pick("seconds", "secondes"))} aria-invalid={message.is_some().to_string()} />
                <span class="unit">{ "s" }</span>
                { field_error(&message) }
            </span>
        }
    };
    match step {
        Step::Print(text) => (
            "print",
            text_input("print", text, |t| Step::Print(t.into())),
        ),
        Step::Raise(text) => (
            "raise",
            text_input("raise", text, |t| Step::Raise(t.into())),
        ),
        Step::Sleep(seconds) => ("sleep", seconds_input("sleep", seconds, Step::Sleep)),
        Step::Block(seconds) => ("block", seconds_input("block", seconds, Step::Block)),
        Step::Await(_) => ("await", Html::default()),
    }
}
