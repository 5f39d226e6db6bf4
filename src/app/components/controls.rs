//! Strategy, speed, Run / Compare / Stop, the run's state and total.

use yew::prelude::*;

use super::timeline::geometry::seconds;
use crate::app::i18n::{Lang, Text};
use crate::app::state::runs::RunStatus;
use crate::scenario::Strategy;
use crate::trace::Ms;

/// Speeds offered, as multiples of real time (`time_scale` = 1 / speed).
const SPEEDS: [f64; 7] = [0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0];

pub fn strategy_label(strategy: Strategy, lang: Lang) -> &'static str {
    match strategy {
        Strategy::Sequential => lang.t(Text::Sequentially),
        Strategy::Gather => "asyncio.gather",
        Strategy::AsCompleted => "asyncio.as_completed",
        Strategy::CreateTask => "asyncio.create_task",
    }
}

pub fn status_label(status: RunStatus, lang: Lang) -> &'static str {
    lang.t(match status {
        RunStatus::Idle => Text::Ready,
        RunStatus::Running => Text::Running,
        RunStatus::Done => Text::Done,
        RunStatus::Cancelled => Text::Stopped,
    })
}

/// The speed menu: multiples of real time; `on_time_scale` gets the time scale (1 / speed).
pub fn speed_select(time_scale: f64, on_time_scale: Callback<f64>, lang: Lang) -> Html {
    let speed = 1.0 / time_scale;
    let on_speed = Callback::from(move |event: Event| {
        let value = event
            .target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value();
        if let Ok(speed) = value.parse::<f64>() {
            on_time_scale.emit(1.0 / speed);
        }
    });
    html! {
        <label class="field">
            <span>{ lang.t(Text::Speed) }</span>
            <select data-testid="speed" onchange={on_speed}>
                { for SPEEDS.iter().map(|s| html! {
                    <option value={s.to_string()} selected={(s - speed).abs() < 1e-9}>{ format!("{s}×") }</option>
                }) }
                if !SPEEDS.iter().any(|s| (s - speed).abs() < 1e-9) {
                    <option value={speed.to_string()} selected=true>{ format!("{speed:.2}×") }</option>
                }
            </select>
        </label>
    }
}

pub struct ControlsProps {
    pub strategy: Strategy,
    pub time_scale: f64,
    pub status: RunStatus,
    pub total: Option<Ms>,
    /// Whether anything runs (Stop shows instead of Run).
    pub busy: bool,
    /// What keeps the scenario from running, as validation words it.
    pub blocked: Option<String>,
    pub lang: Lang,
    pub on_strategy: Callback<Strategy>,
    pub on_time_scale: Callback<f64>,
    pub on_run: Callback<()>,
    pub on_compare: Callback<()>,
    pub on_stop: Callback<()>,
    pub children: Html,
}

pub fn controls(props: &ControlsProps) -> Html {
    let lang = props.lang;
    let on_strategy = {
        let emit = props.on_strategy.clone();
        Callback::from(move |event: Event| {
            let value = event
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Some(strategy) = Strategy::parse(&value) {
                emit.emit(strategy);
            }
        })
    };
    let can_run = props.blocked.is_none();
    html! {
        <section class="controls" aria-label={lang.t(Text::RunControls)}>
            <label class="field">
                <span>{ lang.t(Text::Strategy) }</span>
                <select data-testid="strategy" onchange={on_strategy}>
                    { for Strategy::ALL.iter().map(|s| html! {
                        <option value={s.as_str()} selected={*s == props.strategy}>{ strategy_label(*s, lang) }</option>
                    }) }
                </select>
            </label>
            { speed_select(props.time_scale, props.on_time_scale.clone(), lang) }
            if props.busy {
                <button class="primary stop" data-testid="stop" onclick={props.on_stop.reform(|_| ())} title="Escape">
                    { "■ " }{ lang.t(Text::Stop) }
                </button>
            } else {
                <button class="primary" data-testid="run" onclick={props.on_run.reform(|_| ())} disabled={!can_run}
                        title={props.blocked.clone().unwrap_or_else(|| "Ctrl+Enter".to_owned())}>
                    { "▶ " }{ lang.t(Text::Run) }
                </button>
                <button class="secondary" data-testid="compare-button" onclick={props.on_compare.reform(|_| ())} disabled={!can_run}
                        title={lang.t(Text::CompareAllHint)}>
                    { lang.t(Text::CompareAll) }
                </button>
            }
            <span class="run-state" data-testid="run-state" data-state={props.status.as_str()}>{ status_label(props.status, lang) }</span>
            if let Some(total) = props.total {
                <span class="total" data-testid="total-time" data-ms={format!("{total:.3}")}>
                    { "Total " }<strong>{ seconds(total) }</strong>
                </span>
            }
            if let Some(problem) = &props.blocked {
                <span class="run-blocked" data-testid="run-blocked" role="status">
                    { lang.t(Text::FixToRun) }<code>{ problem.clone() }</code>
                </span>
            }
            { props.children.clone() }
        </section>
    }
}
