//! Time travel under a finished run: the scrubber (one callback of the loop at a time), a
//! sentence saying what that callback does, and the loop's inside at that instant — the task
//! running, the ready queue behind it, the timers, and every task's state.

use std::rc::Rc;

use yew::prelude::*;

use super::timeline::geometry::seconds;
use crate::app::hooks::TimeTravel as Travel;
use crate::app::i18n::Lang;
use crate::time_travel::{Awaiting, CallbackView, LoopInside, Recorded, TaskState, TaskView};
use crate::trace::{Event, EventKind};

/// Tasks drawn in the graph of who awaits what (the first ones not finished).
const GRAPH_TASKS: usize = 12;

/// Items drawn per list (ready queue, timers, tasks): a 10,000-task run says how many more.
/// Each list shows about ten at once; building more nodes would cost frames when scrubbing.
pub const MAX_ITEMS: usize = 50;

/// A printed line quoted in a caption is cut after this many characters.
const QUOTED_CHARS: usize = 80;

#[derive(Properties)]
pub struct TimeTravelProps {
    pub history: Rc<dyn Recorded>,
    /// The loop at the callback shown (its lists cut at [`MAX_ITEMS`]).
    pub inside: Rc<LoopInside>,
    /// The callback shown (0: before the first).
    pub at: usize,
    pub lang: Lang,
    pub on_move: Callback<usize>,
}

impl PartialEq for TimeTravelProps {
    fn eq(&self, other: &Self) -> bool {
        same_history(&self.history, &other.history)
            && self.at == other.at
            && self.lang == other.lang
    }
}

/// What the page offers under a finished run: the scrubber and the loop's inside, or (past
/// 2,000 tasks) a button that records the history first.
pub fn time_travel(travel: &Travel, inside: Option<Rc<LoopInside>>, lang: Lang) -> Html {
    match (travel, inside) {
        (Travel::Ready(scrub), Some(inside)) => html! {
            <TimeTravel history={scrub.history.clone()} {inside} at={scrub.at} {lang} on_move={scrub.on_move.clone()} />
        },
        (Travel::OnRequest(record), _) => html! {
            <section class="time-travel">
                <button class="small" data-testid="record-history" onclick={record.reform(|_| ())}>
                    { lang.choose("Step through the loop, callback by callback", "Parcourir la boucle, rappel par rappel") }
                </button>
            </section>
        },
        _ => Html::default(),
    }
}

/// The same recorded run (compared by address: two histories are never equal otherwise).
pub fn same_history(a: &Rc<dyn Recorded>, b: &Rc<dyn Recorded>) -> bool {
    std::ptr::addr_eq(Rc::as_ptr(a), Rc::as_ptr(b))
}

#[function_component]
pub fn TimeTravel(props: &TimeTravelProps) -> Html {
    let (history, at, lang) = (props.history.clone(), props.at, props.lang);
    let inside = props.inside.clone();
    let last = history.len();
    let oninput = {
        let on_move = props.on_move.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            if let Ok(k) = input.value().parse::<usize>() {
                on_move.emit(k.min(last));
            }
        })
    };
    let onkeydown = {
        let (on_move, history) = (props.on_move.clone(), history.clone());
        Callback::from(move |event: KeyboardEvent| {
            if !event.shift_key() {
                return;
            }
            let to = match event.key().as_str() {
                "ArrowRight" | "ArrowUp" => history.next_iteration(at),
                "ArrowLeft" | "ArrowDown" => history.previous_iteration(at),
                _ => return,
            };
            event.prevent_default();
            on_move.emit(to);
        })
    };
    let iteration = history.mark(at).map_or(0, |m| m.iteration);
    html! {
        <section class="time-travel" aria-label={lang.choose("Inside the loop", "Dans la boucle")}>
            <h2>{ lang.choose("Inside the loop, callback by callback", "Dans la boucle, rappel par rappel") }</h2>
            <div class="scrub-row">
                <label class="scrub-label" for="scrubber">
                    { lang.choose("Callback", "Rappel") }{ format!(" {at} / {last}") }
                    <span class="scrub-meta">
                        { format!(" · {} {iteration} · {}", lang.choose("iteration", "itération"), seconds(inside.time_ms)) }
                    </span>
                </label>
                <input id="scrubber" type="range" class="scrubber" data-testid="scrubber"
                       data-callback={at.to_string()} min="0" max={last.to_string()} value={at.to_string()}
                       aria-valuetext={format!("{at} / {last}")}
                       title={lang.choose("←/→ one callback · Shift+←/→ one loop iteration · Home/End",
                                          "←/→ un rappel · Maj+←/→ une itération de la boucle · Début/Fin")}
                       {oninput} {onkeydown} />
            </div>
            <p class="scrub-caption" data-testid="scrub-caption">{ caption(&inside, &*history, lang) }</p>
            { loop_view(&inside, lang) }
            { await_graph(&inside, lang) }
        </section>
    }
}

/// The loop drawn: what runs now, then the ready queue in order, the timer heap by deadline,
/// and the tasks with their states.
fn loop_view(inside: &LoopInside, lang: Lang) -> Html {
    let running = match &inside.running {
        Some(view) => html! { <div class="loop-now">{ callback_chip(view, lang, false) }</div> },
        None => {
            html! { <div class="loop-now idle">{ lang.choose("nothing runs", "rien ne tourne") }</div> }
        }
    };
    let ready: Html = inside
        .ready
        .iter()
        .map(|view| html! { <li data-testid="ready-queue-item">{ callback_chip(view, lang, true) }</li> })
        .collect();
    let timers: Html = inside
        .timers
        .iter()
        .map(|timer| {
            html! {
                <li class="timer" data-testid="timer" data-deadline-ms={format!("{:.3}", timer.deadline_ms)}>
                    <span class="deadline">{ seconds(timer.deadline_ms) }</span>
                    { callback_chip(&timer.what, lang, true) }
                </li>
            }
        })
        .collect();
    let tasks: Html = inside
        .tasks
        .iter()
        .map(|task| {
            html! {
                <li class={classes!("task-state", task.state.as_str())} data-testid="task-state"
                    data-task={task.label.clone()} data-state={task.state.as_str()}>
                    <code class="task-name">{ task.label.clone() }</code>
                    <span class="state-badge">{ state_name(task.state, lang) }</span>
                    if let Some(awaiting) = &task.awaiting {
                        <span class="awaits">{ "→ " }{ awaiting_text(awaiting, lang) }</span>
                    }
                </li>
            }
        })
        .collect();
    let total_tasks: usize = inside.state_counts.iter().sum();
    let state_counts: Html = TaskState::ALL
        .iter()
        .zip(inside.state_counts)
        .filter(|(_, n)| *n > 0)
        .map(|(state, n)| html! {
            <span class={classes!("state-count", state.as_str())}>{ format!("{n} ") }{ state_name(*state, lang) }</span>
        })
        .collect();
    html! {
        <div class="loop-inside" data-testid="loop-inside">
            <div class="loop-column">
                <h3>{ lang.choose("Running now", "En cours") }</h3>
                { running }
                <h3>{ lang.choose("Ready queue", "File des prêts") }{ count(inside.ready_total) }</h3>
                <ol class="ready-queue">{ ready }</ol>
                { more(inside.ready_total, inside.ready.len(), lang) }
                if inside.ready_total == 0 {
                    <p class="loop-empty">{ lang.choose("empty", "vide") }</p>
                }
            </div>
            <div class="loop-column">
                <h3>{ lang.choose("Timers", "Minuteurs") }{ count(inside.timers_total) }</h3>
                <ol class="timers">{ timers }</ol>
                { more(inside.timers_total, inside.timers.len(), lang) }
                if inside.timers_total == 0 {
                    <p class="loop-empty">{ lang.choose("none", "aucun") }</p>
                }
            </div>
            <div class="loop-column">
                <h3>{ lang.choose("Tasks", "Tâches") }{ count(total_tasks) }</h3>
                <p class="state-counts">{ state_counts }</p>
                <ul class="tasks">{ tasks }</ul>
                { more(total_tasks, inside.tasks.len(), lang) }
            </div>
        </div>
    }
}

/// What a waiting task awaits, as a node of the graph: another task shown (by its place), or a
/// thing named by its label (a sleep's deadline, a queue, a lock, `gather`…).
fn awaited_node(awaiting: &Awaiting, tasks: &[&TaskView], lang: Lang) -> Result<usize, String> {
    match awaiting {
        Awaiting::Task(label) | Awaiting::Future(label) => tasks
            .iter()
            .position(|t| t.label == *label)
            .ok_or_else(|| label.clone()),
        // Short: the node is shared by every task waiting on the same `as_completed`.
        Awaiting::AsCompleted => Err("as_completed".to_owned()),
        // `sleep → 1.000 s`, `gather(…)`: as the task list says it.
        _ => Err(awaiting_text(awaiting, lang)),
    }
}

/// The tasks still alive and what each awaits, drawn: a task on the left, an arrow to what it
/// waits on — another task (an arc between the two) or a thing on the right shared by all who
/// wait on it (a sleep's deadline, a queue, a lock, `gather`).
fn await_graph(inside: &LoopInside, lang: Lang) -> Html {
    const ROW: f64 = 26.0;
    const WIDTH: f64 = 640.0;
    const TASK_X: f64 = 8.0;
    const TASK_W: f64 = 220.0;
    const THING_X: f64 = 400.0;
    let tasks: Vec<&TaskView> = inside
        .tasks
        .iter()
        .filter(|t| {
            !matches!(
                t.state,
                TaskState::Done | TaskState::Failed | TaskState::Cancelled
            )
        })
        .take(GRAPH_TASKS)
        .collect();
    let mut things: Vec<String> = Vec::new();
    let mut edges: Vec<(usize, Result<usize, usize>)> = Vec::new();
    for (from, task) in tasks.iter().enumerate() {
        let Some(awaiting) = &task.awaiting else {
            continue;
        };
        match awaited_node(awaiting, &tasks, lang) {
            Ok(to) => edges.push((from, Ok(to))),
            Err(label) => {
                let to = things.iter().position(|t| *t == label).unwrap_or_else(|| {
                    things.push(label);
                    things.len() - 1
                });
                edges.push((from, Err(to)));
            }
        }
    }
    if edges.is_empty() {
        return Html::default();
    }
    let rows = tasks.len().max(things.len());
    let height = rows as f64 * ROW + 8.0;
    let y = |i: usize| 4.0 + i as f64 * ROW + ROW / 2.0;
    // Each node is placed by its group's transform: its shapes keep constant attributes.
    let at = |x: f64, i: usize| format!("translate({x} {})", y(i) - 10.0);
    let task_nodes = tasks.iter().enumerate().map(|(i, task)| html! {
        <g class={classes!("graph-task", task.state.as_str())} transform={at(TASK_X, i)}>
            <rect width="220" height="20" rx="10" />
            <text x="10" y="14">{ cut(&task.label, 28) }<title>{ task.label.clone() }</title></text>
        </g>
    });
    let thing_nodes = things.iter().enumerate().map(|(i, thing)| {
        html! {
            <g class="graph-thing" transform={at(THING_X, i)}>
                <rect width="232" height="20" rx="4" />
                <text x="8" y="14">{ cut(thing, 30) }<title>{ thing.clone() }</title></text>
            </g>
        }
    });
    let arrows = edges.iter().map(|(from, to)| {
        let (x1, y1) = (TASK_X + TASK_W, y(*from));
        let (path, target) = match to {
            Err(thing) => {
                let (x2, y2) = (THING_X - 4.0, y(*thing));
                let mid = (x1 + x2) / 2.0;
                (format!("M{x1},{y1} C{mid},{y1} {mid},{y2} {x2},{y2}"), things[*thing].clone())
            }
            Ok(task) => {
                // An arc out to the right and back into the awaited task.
                let y2 = y(*task);
                let bulge = x1 + 40.0 + 6.0 * (*from as f64 - *task as f64).abs();
                (format!("M{x1},{y1} C{bulge},{y1} {bulge},{y2} {},{y2}", x1 + 4.0), tasks[*task].label.clone())
            }
        };
        html! {
            <path class={classes!("graph-edge", to.is_ok().then_some("on-task"))} d={path} marker-end="url(#await-arrow)"
                  data-testid="await-edge" data-from={tasks[*from].label.clone()} data-to={target} />
        }
    });
    html! {
        <figure class="await-graph">
            <figcaption>{ lang.choose("Who awaits what", "Qui attend quoi") }</figcaption>
            <svg data-testid="await-graph" viewBox={format!("0 0 {WIDTH} {height}")} width="100%" role="img"
                 aria-label={lang.choose("Each waiting task, with an arrow to what it awaits", "Chaque tâche en attente, une flèche vers ce qu'elle attend")}>
                <defs>
                    <marker id="await-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M0,0 L10,5 L0,10 z" />
                    </marker>
                </defs>
                { for arrows }
                { for task_nodes }
                { for thing_nodes }
            </svg>
        </figure>
    }
}

fn count(n: usize) -> String {
    format!(" ({n})")
}

fn more(total: usize, shown: usize, lang: Lang) -> Html {
    if total <= shown {
        return Html::default();
    }
    html! {
        <p class="loop-more">{ format!("… {} ", total - shown) }{ lang.choose("more", "de plus") }</p>
    }
}

fn callback_chip(view: &CallbackView, lang: Lang, queued: bool) -> Html {
    let (kind, who, what) = match view {
        CallbackView::Step { task, starts: true } => (
            "step",
            task.as_str(),
            lang.choose("first step", "premier pas"),
        ),
        CallbackView::Step { task, .. } => ("step", task.as_str(), lang.choose("step", "pas")),
        CallbackView::Timer { task } => (
            "timer",
            task.as_str(),
            lang.choose("sleep ends", "fin du sommeil"),
        ),
        CallbackView::GatherChildDone { child } => ("done-callback", child.as_str(), "gather"),
        CallbackView::AsCompletedChildDone { child } => {
            ("done-callback", child.as_str(), "as_completed")
        }
        CallbackView::StopLoop { of } => (
            "stop",
            of.as_str(),
            lang.choose("stops the loop", "arrête la boucle"),
        ),
        CallbackView::Call { text } => ("call", text.as_str(), lang.choose("callback", "rappel")),
    };
    html! {
        <span class={classes!("callback-chip", kind, queued.then_some("queued"))}>
            <code>{ who.to_owned() }</code>
            <span class="chip-what">{ what.to_owned() }</span>
        </span>
    }
}

fn state_name(state: TaskState, lang: Lang) -> &'static str {
    match state {
        TaskState::Pending => lang.choose("pending", "en attente de départ"),
        TaskState::Running => lang.choose("running", "en cours"),
        TaskState::Ready => lang.choose("ready", "prête"),
        TaskState::Waiting => lang.choose("waiting", "attend"),
        TaskState::Done => lang.choose("done", "terminée"),
        TaskState::Failed => lang.choose("failed", "en échec"),
        TaskState::Cancelled => lang.choose("cancelled", "annulée"),
    }
}

fn awaiting_text(awaiting: &Awaiting, lang: Lang) -> String {
    match awaiting {
        Awaiting::Sleep { until_ms } => format!("sleep → {}", seconds(*until_ms)),
        Awaiting::Task(task) => format!("await {task}"),
        Awaiting::Gather => "gather(…)".to_owned(),
        Awaiting::AsCompleted => lang
            .choose(
                "as_completed: next result",
                "as_completed : prochain résultat",
            )
            .to_owned(),
        Awaiting::Future(on) => format!("await {on}"),
    }
}

/// One sentence: what the callback running at this instant does.
fn caption(inside: &LoopInside, history: &dyn Recorded, lang: Lang) -> String {
    let events = history.events_of(inside.callback);
    let Some(running) = &inside.running else {
        return if inside.callback == 0 {
            lang.choose(
                "Before the first callback: the loop is about to run main()'s first step.",
                "Avant le premier rappel : la boucle va lancer le premier pas de main().",
            )
            .to_owned()
        } else {
            lang.choose("The run is over.", "L'exécution est terminée.")
                .to_owned()
        };
    };
    match running {
        CallbackView::Step { task, starts } => {
            let subject = if *starts {
                format!("{task} {}", lang.choose("starts", "démarre"))
            } else {
                format!("{task} {}", lang.choose("resumes", "reprend"))
            };
            sentence(subject, &deeds(events, history, lang), lang)
        }
        CallbackView::Timer { task } => format!(
            "{} {task} {}",
            lang.choose("The timer of", "Le minuteur de"),
            lang.choose(
                "fires: its sleep is over, its next step joins the ready queue.",
                "expire : son sommeil est fini, son pas suivant rejoint la file des prêts.",
            )
        ),
        CallbackView::GatherChildDone { child } => format!(
            "gather {} {child} {}",
            lang.choose("notes that", "note que"),
            if events
                .iter()
                .any(|e| matches!(e.kind, EventKind::Raised(_)))
            {
                lang.choose("failed.", "a échoué.")
            } else {
                lang.choose("is done.", "est terminée.")
            }
        ),
        CallbackView::AsCompletedChildDone { child } => format!(
            "as_completed {} {child}.",
            lang.choose("queues the result of", "met en file le résultat de")
        ),
        CallbackView::StopLoop { of } => format!(
            "{of} {}",
            lang.choose(
                "is done: the loop stops at the end of this iteration.",
                "est terminée : la boucle s'arrête à la fin de cette itération.",
            )
        ),
        CallbackView::Call { text } => {
            let subject = format!(
                "{} {text}",
                lang.choose("The loop calls", "La boucle appelle")
            );
            sentence(subject, &deeds(events, history, lang), lang)
        }
    }
}

/// "Subject: what it did, and what else."
fn sentence(subject: String, deeds: &[String], lang: Lang) -> String {
    if deeds.is_empty() {
        format!("{subject}.")
    } else {
        format!(
            "{subject}{}{}.",
            lang.choose(": ", " : "),
            join(deeds, lang)
        )
    }
}

/// What a task's step did, in order, from the events it caused.
fn deeds(events: &[Event], history: &dyn Recorded, lang: Lang) -> Vec<String> {
    // A coroutine created and started in the same step runs inside the task (`sequential`).
    let started: std::collections::HashSet<Option<usize>> = events
        .iter()
        .filter(|e| e.kind == EventKind::Started)
        .map(|e| e.lane)
        .collect();
    let inline = |lane| started.contains(&lane);
    let created = events
        .iter()
        .filter(|e| e.kind == EventKind::Created && !inline(e.lane))
        .count();
    let mut deeds = Vec::new();
    if created > 0 {
        deeds.push(format!(
            "{} {created} {}",
            lang.choose("creates", "crée"),
            lang.choose(
                if created == 1 { "task" } else { "tasks" },
                if created == 1 { "tâche" } else { "tâches" }
            )
        ));
    }
    let mut results = events.iter().filter(|e| e.kind == EventKind::ResultToMain);
    let first_result = results.next().map(|e| e.lane);
    let results = results.count() + usize::from(first_result.is_some());
    // The first line printed is quoted; the others are counted after it.
    let (mut first_print, mut more_prints) = (None, 0);
    for event in events {
        let deed = match &event.kind {
            EventKind::Created if inline(event.lane) => format!(
                "{} {} {}",
                lang.choose("awaits", "attend"),
                history.label(event.lane),
                lang.choose(
                    "directly, inside main()'s task",
                    "directement, dans la tâche de main()"
                )
            ),
            // `gather` hands main() every result at once: said once, with the count past three.
            EventKind::ResultToMain if results > 3 => {
                if Some(event.lane) != first_result {
                    continue;
                }
                format!(
                    "{} {results} {}",
                    lang.choose("gets the results of", "reçoit les résultats de"),
                    lang.choose("tasks", "tâches")
                )
            }
            EventKind::ResultToMain => format!(
                "{} {}",
                lang.choose("gets the result of", "reçoit le résultat de"),
                history.label(event.lane)
            ),
            EventKind::Print(_) if first_print.is_some() => {
                more_prints += 1;
                continue;
            }
            EventKind::Print(text) => {
                first_print = Some(deeds.len());
                format!(
                    "{} {}",
                    lang.choose("prints", "affiche"),
                    quoted(text, lang)
                )
            }
            EventKind::Sleep { until } if *until <= event.t => lang
                .choose("yields with sleep(0)", "cède la main avec sleep(0)")
                .to_owned(),
            EventKind::Sleep { until } => format!(
                "{} {}",
                lang.choose("sleeps until", "dort jusqu'à"),
                seconds(*until)
            ),
            EventKind::BlockStart { until } => format!(
                "{} {}",
                lang.choose(
                    "blocks the whole loop (time.sleep) until",
                    "bloque toute la boucle (time.sleep) jusqu'à"
                ),
                seconds(*until)
            ),
            EventKind::AwaitEnter { name, .. } => {
                format!("{} {name}", lang.choose("awaits", "attend"))
            }
            EventKind::Returned(value) => {
                format!("{} {}", lang.choose("returns", "renvoie"), value.repr())
            }
            EventKind::Raised(message) => format!("{} {message}", lang.choose("raises", "lève")),
            EventKind::CaughtInMain(message) => {
                format!("{} {message}", lang.choose("catches", "attrape"))
            }
            _ => continue,
        };
        deeds.push(deed);
    }
    if let Some(print) = first_print.and_then(|at| deeds.get_mut(at)) {
        if more_prints > 0 {
            print.push_str(&format!(" (+{more_prints})"));
        }
    }
    deeds
}

/// A printed line quoted in a caption, cut after [`QUOTED_CHARS`] characters.
fn quoted(text: &str, lang: Lang) -> String {
    lang.quote(&cut(text, QUOTED_CHARS))
}

/// `text` cut after `keep` characters (marked `…`).
fn cut(text: &str, keep: usize) -> String {
    match text.char_indices().nth(keep) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

fn join(parts: &[String], lang: Lang) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}{}{last}", init.join(", "), lang.choose(" and ", " et ")),
    }
}
