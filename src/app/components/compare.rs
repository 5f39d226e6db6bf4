//! Compare: every strategy's run of the same tasks, stacked on one time axis, with each total
//! against the sequential one and the order in which results reached `main()`.

use std::rc::Rc;

use yew::prelude::*;

use super::timeline::geometry::{seconds, COMPARE_LANE_HEIGHT};
use super::timeline::{timeline, TimelineOptions, TimelineProps};
use crate::app::i18n::{Lang, Text};
use crate::app::platform::performance_now;
use crate::app::state::runs::{RunState, RunStatus, Runs};
use crate::app::state::ui::CompareMode;
use crate::scenario::Strategy;
use crate::stats::{arrival_order, speedup};

/// Where Compare as a whole stands (the `data-state` of the `compare` hook).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CompareState {
    Running,
    Done,
    Cancelled,
}

impl CompareState {
    fn of(runs: &[&Rc<RunState>]) -> CompareState {
        let any = |status: RunStatus| runs.iter().any(|r| r.status == status);
        if runs.iter().all(|r| r.status == RunStatus::Done) {
            CompareState::Done
        } else if any(RunStatus::Running) || (any(RunStatus::Idle) && !any(RunStatus::Cancelled)) {
            CompareState::Running
        } else {
            CompareState::Cancelled
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            CompareState::Running => "running",
            CompareState::Done => "done",
            CompareState::Cancelled => "cancelled",
        }
    }
}

pub fn strategy_code(strategy: Strategy) -> &'static str {
    match strategy {
        Strategy::Sequential => "await t0(); await t1() …",
        Strategy::Gather => "asyncio.gather(…)",
        Strategy::AsCompleted => "asyncio.as_completed(…)",
        Strategy::CreateTask => "asyncio.create_task(…)",
    }
}

pub fn compare(runs: &Runs, mode: CompareMode, lang: Lang) -> Html {
    let rows: Vec<(Strategy, &Rc<RunState>)> =
        Strategy::ALL.iter().map(|s| (*s, runs.get(*s))).collect();
    let now = performance_now();
    let span = rows
        .iter()
        .map(|(_, run)| run.span(run.now(now)))
        .fold(1.0, f64::max);
    let sequential_total = runs.get(Strategy::Sequential).total();
    let state = CompareState::of(&rows.iter().map(|(_, r)| *r).collect::<Vec<_>>());
    let row = |(strategy, run): &(Strategy, &Rc<RunState>)| {
        let total = run.total();
        let speed = speedup(sequential_total, total);
        let names: Vec<String> = run.scenario.as_ref().map_or_else(Vec::new, |scenario| {
            arrival_order(&run.log.trace())
                .into_iter()
                .filter_map(|i| scenario.tasks.get(i).map(|t| t.name.clone()))
                .collect()
        });
        let options = TimelineOptions {
            span: Some(span),
            main: false,
            lane_height: COMPARE_LANE_HEIGHT,
        };
        html! {
            <div class="compare-row" data-testid="compare-row" data-strategy={strategy.as_str()}
                 data-total-ms={total.map(|t| format!("{t:.3}"))} data-speedup={speed.map(|s| format!("{:.3}", s.factor))}>
                <div class="compare-head">
                    <code class="compare-name">{ strategy_code(*strategy) }</code>
                    <span class="compare-total">
                        { match (run.status, total) {
                            (_, Some(t)) => html! { <strong>{ seconds(t) }</strong> },
                            (RunStatus::Running, None) => html! { { lang.t(Text::RowRunning) } },
                            (RunStatus::Cancelled, None) => html! { { lang.t(Text::RowStopped) } },
                            _ => html! { { lang.t(Text::RowWaiting) } },
                        } }
                    </span>
                    if let Some(speed) = speed.filter(|_| *strategy != Strategy::Sequential) {
                        <span class="compare-speedup">{ format!("{} → {}, ×{:.1}", seconds(speed.sequential), seconds(speed.total), speed.factor) }</span>
                    }
                    if !names.is_empty() {
                        <span class="compare-order" title={lang.t(Text::ArrivalOrderHint)}>
                            { lang.t(Text::Results) }{ names.join(" → ") }
                        </span>
                    }
                </div>
                { timeline(&TimelineProps { run: (*run).clone(), options, lang, svg: NodeRef::default(), cursor: NodeRef::default() }) }
            </div>
        }
    };
    html! {
        <section class="pane compare-pane" data-testid="compare" data-state={state.as_str()} aria-label={lang.t(Text::CompareLabel)}>
            <h2>{ lang.t(Text::CompareTitle) }</h2>
            <p class="compare-note">{ lang.t(match mode {
                CompareMode::OneAfterAnother => Text::CompareChained,
                CompareMode::Together => Text::CompareTogether,
            }) }</p>
            { for rows.iter().map(row) }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(status: RunStatus) -> Rc<RunState> {
        Rc::new(RunState {
            status,
            ..RunState::default()
        })
    }

    #[test]
    fn compare_is_running_until_every_strategy_is_done_or_one_is_stopped() {
        let (done, running, idle, cancelled) = (
            run(RunStatus::Done),
            run(RunStatus::Running),
            run(RunStatus::Idle),
            run(RunStatus::Cancelled),
        );
        assert_eq!(CompareState::of(&[&done, &done]), CompareState::Done);
        assert_eq!(CompareState::of(&[&done, &running]), CompareState::Running);
        assert_eq!(
            CompareState::of(&[&done, &idle]),
            CompareState::Running,
            "waiting its turn"
        );
        assert_eq!(
            CompareState::of(&[&cancelled, &idle]),
            CompareState::Cancelled
        );
    }
}
