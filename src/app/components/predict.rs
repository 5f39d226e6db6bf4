//! "Predict, then run": the console hidden, the lines the run will print handed out of order;
//! the learner puts them in the order they expect, runs, and sees place by place where the
//! prediction and the run agree.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::i18n::Lang;
use crate::predict::{check, scrambled, shift, Verdict};

/// The console's "Predict first" switch (`on`: pressed), in either pane.
pub fn predict_toggle(on: bool, disabled: bool, lang: Lang, toggle: Callback<()>) -> Html {
    html! {
        <button class="small" data-testid="predict-toggle" aria-pressed={on.to_string()}
                {disabled} onclick={toggle.reform(|_| ())}
                title={lang.choose("Hide the console and guess the order of the lines first",
                                   "Cacher la console et deviner d'abord l'ordre des lignes")}>
            { lang.choose("Predict first", "Prédire d'abord") }
        </button>
    }
}

#[derive(Properties, PartialEq)]
pub struct PredictProps {
    /// The lines the run will print (from the ideal run), in the run's order.
    pub lines: Rc<Vec<String>>,
    /// The run shown (its number), whether it has ended, and the lines it printed.
    pub run: u64,
    pub done: bool,
    pub printed: Rc<Vec<String>>,
    /// The run's console, shown again below the check.
    pub console: Html,
    pub lang: Lang,
    pub on_run: Callback<()>,
}

#[function_component]
pub fn Predict(props: &PredictProps) -> Html {
    let lang = props.lang;
    let order = {
        let lines = props.lines.clone();
        use_state(move || scrambled(&lines))
    };
    // The run the prediction is checked against: the first one to end after "Run and check".
    let asked_after = use_state(|| None::<u64>);
    let checked = (*asked_after)
        .filter(|&before| props.run > before && props.done)
        .is_some();
    let waiting = asked_after.is_some() && !checked;
    let mover = |from: usize, to: usize| {
        let order = order.clone();
        Callback::from(move |_: MouseEvent| {
            let mut moved = (*order).clone();
            shift(&mut moved, from, to);
            order.set(moved);
        })
    };
    let predicted: Vec<&str> = order.iter().map(|&i| props.lines[i].as_str()).collect();
    if checked {
        let printed: Vec<&str> = props.printed.iter().map(String::as_str).collect();
        let result = check(&predicted, &printed);
        let again = {
            let (order, asked_after, lines) =
                (order.clone(), asked_after.clone(), props.lines.clone());
            Callback::from(move |_| {
                order.set(scrambled(&lines));
                asked_after.set(None);
            })
        };
        let summary = match result.first_wrong {
            None if result.all_right() => lang
                .choose(
                    "Every line in its place: that is what CPython prints.",
                    "Chaque ligne à sa place : c'est bien ce qu'affiche CPython.",
                )
                .to_owned(),
            None => format!(
                "{} {}",
                lang.choose(
                    "Right, but the run printed more lines:",
                    "Juste, mais l'exécution a affiché d'autres lignes :"
                ),
                result.extra
            ),
            Some(at) => {
                let printed = match &result.verdicts.get(at).cloned().unwrap_or(Verdict::Missing) {
                    Verdict::Wrong { printed } => printed.clone(),
                    _ => String::new(),
                };
                let expected = predicted.get(at).copied().unwrap_or_default();
                format!(
                    "{} / {} {}. {} {}{} {} {} {}.",
                    result.right(),
                    predicted.len(),
                    lang.choose("in the right place", "à la bonne place"),
                    lang.choose("First difference at line", "Première différence à la ligne"),
                    at + 1,
                    lang.choose(": you expected", " : vous attendiez"),
                    lang.quote(expected),
                    lang.choose("but the run printed", "mais l'exécution a affiché"),
                    lang.quote(&printed)
                )
            }
        };
        let verdicts: Html = predicted
            .iter()
            .zip(&result.verdicts)
            .map(|(line, verdict)| {
                let (kind, mark) = match verdict {
                    Verdict::Right => ("right", "✓"),
                    Verdict::Wrong { .. } => ("wrong", "✗"),
                    Verdict::Missing => ("missing", "∅"),
                };
                html! {
                    <li class={classes!("predict-line", kind)} data-testid="predict-line" data-verdict={kind}>
                        <span class="verdict" aria-hidden="true">{ mark }</span>
                        <code>{ (*line).to_owned() }</code>
                    </li>
                }
            })
            .collect();
        return html! {
            <div class="predict">
                <p class={classes!("predict-result", result.all_right().then_some("all-right"))} data-testid="predict-result"
                   data-right={result.right().to_string()} data-total={predicted.len().to_string()}
                   data-first-wrong={result.first_wrong.map(|at| (at + 1).to_string())}>{ summary }</p>
                <ol class="predict-lines">{ verdicts }</ol>
                <button class="small" data-testid="predict-again" onclick={again}>{ lang.choose("Try again", "Recommencer") }</button>
                { props.console.clone() }
            </div>
        };
    }
    let count = predicted.len();
    let items: Html = predicted
        .iter()
        .enumerate()
        .map(|(at, line)| {
            html! {
                <li class="predict-line" data-testid="predict-line">
                    <span class="predict-place">{ at + 1 }</span>
                    <code>{ (*line).to_owned() }</code>
                    <button class="icon" data-testid="predict-up" disabled={waiting || at == 0}
                            aria-label={format!("{} {}", lang.choose("Move up line", "Monter la ligne"), at + 1)}
                            onclick={mover(at, at.saturating_sub(1))}>{ "↑" }</button>
                    <button class="icon" data-testid="predict-down" disabled={waiting || at + 1 == count}
                            aria-label={format!("{} {}", lang.choose("Move down line", "Descendre la ligne"), at + 1)}
                            onclick={mover(at, at + 1)}>{ "↓" }</button>
                </li>
            }
        })
        .collect();
    let run_and_check = {
        let (asked_after, run, on_run) = (asked_after.clone(), props.run, props.on_run.clone());
        Callback::from(move |_| {
            asked_after.set(Some(run));
            on_run.emit(());
        })
    };
    html! {
        <div class="predict">
            <p class="predict-note">{ lang.choose(
                "The console is hidden. Put the lines in the order you expect the run to print them, then run.",
                "La console est cachée. Mettez les lignes dans l'ordre où vous pensez que l'exécution les affichera, puis lancez.") }</p>
            <ol class="predict-lines">{ items }</ol>
            <button class="primary" data-testid="predict-check" disabled={waiting} onclick={run_and_check}>
                { if waiting { lang.choose("Running…", "Exécution…") } else { lang.choose("Run and check", "Lancer et vérifier") } }
            </button>
        </div>
    }
}
