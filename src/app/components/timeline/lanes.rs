//! One task's lane: its bars (waiting, sleeping, blocked, nested awaits) and its markers
//! (prints, return, raise, cancellation, result reaching `main()`); and the ideal run under them.

use std::rc::Rc;

use yew::prelude::*;

use super::geometry::{pct, row_y, seconds, width, x};
use crate::app::i18n::{Lang, Text};
use crate::timeline::{Bar, Lane, Marker, MarkerKind, Phase, Timeline};
use crate::trace::Ms;

fn bar_title(bar: &Bar, lang: Lang) -> String {
    let span = format!("{} → {}", seconds(bar.start), seconds(bar.end));
    match bar.phase {
        Phase::Sleeping => match bar.requested_end {
            Some(requested) if !bar.open => format!(
                "await asyncio.sleep: {span}\n{} {}\n{} {:+.1} ms",
                lang.t(Text::RequestedWakeUp),
                seconds(requested),
                lang.t(Text::LateBy),
                bar.end - requested
            ),
            _ => format!("await asyncio.sleep: {span}"),
        },
        Phase::Blocked => format!("time.sleep ({}): {span}", lang.t(Text::LoopFrozen)),
        Phase::Nested => format!("await {}(): {span}", bar.label.as_deref().unwrap_or("")),
        Phase::Waiting => format!("{}: {span}", lang.t(Text::CreatedWaiting)),
        Phase::Awaiting => format!("await {}: {span}", bar.label.as_deref().unwrap_or("")),
        Phase::Busy => format!("{}: {span}", lang.t(Text::LoopHeld)),
        Phase::Alive => span,
    }
}

fn phase_class(phase: Phase) -> &'static str {
    match phase {
        Phase::Alive => "alive",
        Phase::Waiting => "waiting",
        Phase::Sleeping => "sleeping",
        Phase::Blocked => "blocked",
        Phase::Nested => "nested",
        Phase::Awaiting => "awaiting",
        Phase::Busy => "busy",
    }
}

fn draw_bar(bar: &Bar, span: Ms, lane_y: f64, lane_height: f64, lang: Lang, ideal: bool) -> Html {
    let inset = (lane_height / 4.0).floor();
    let (y, height) = match bar.phase {
        Phase::Alive => (lane_y + lane_height / 2.0 - 1.0, 2.0),
        Phase::Nested => (
            lane_y + 2.0 + 2.0 * bar.depth as f64,
            lane_height - 4.0 - 4.0 * bar.depth as f64,
        ),
        _ => (lane_y + inset, lane_height - 2.0 * inset),
    };
    let class = classes!(ideal.then_some("ideal"), phase_class(bar.phase));
    let (left, wide) = (
        pct(x(bar.start, span)),
        pct(width(bar.end - bar.start, span)),
    );
    // What a task awaits is written on the bar, cut at its end (a nested <svg> clips).
    let label = match (&bar.phase, &bar.label) {
        (Phase::Awaiting, Some(label)) if !ideal => html! {
            <svg class="bar-label-box" x={left.clone()} y={y.to_string()} width={wide.clone()} height={height.to_string()}>
                <text class="bar-label" x="4" y={(height / 2.0 + 3.5).to_string()}>{ label.to_string() }</text>
            </svg>
        },
        _ => Html::default(),
    };
    html! {
        <>
            <rect {class} x={left} y={y.to_string()}
                  width={wide} height={height.max(2.0).to_string()} rx="2">
                <title>{ bar_title(bar, lang) }</title>
            </rect>
            { label }
        </>
    }
}

fn marker_title(marker: &Marker) -> String {
    let at = seconds(marker.t);
    match (&marker.kind, &marker.text) {
        (MarkerKind::Print, Some(text)) => format!("{at} print({text})"),
        (MarkerKind::Returned, Some(value)) => format!("{at} return {value}"),
        (MarkerKind::Raised, Some(message)) => format!("{at} raise Exception({message})"),
        (MarkerKind::Cancelled, _) => format!("{at} cancelled"),
        (MarkerKind::ResultToMain, _) => format!("{at} result reaches main()"),
        _ => at,
    }
}

fn draw_markers(markers: &[Marker], span: Ms, lane_y: f64, lane_height: f64) -> Html {
    let mid = lane_y + lane_height / 2.0;
    let offset = (lane_height / 4.0).min(7.0);
    markers
        .iter()
        .map(|marker| {
            let (class, y, r) = match marker.kind {
                MarkerKind::Print => ("mark-print", mid - offset, 2.5),
                MarkerKind::Returned => ("mark-return", mid, 3.5),
                MarkerKind::Raised => ("mark-raise", mid, 5.0),
                MarkerKind::Cancelled => ("mark-cancel", mid, 4.5),
                MarkerKind::ResultToMain => ("mark-main", mid + offset, 3.0),
            };
            html! {
                <circle {class} cx={pct(x(marker.t, span))} cy={y.to_string()} r={r.to_string()}>
                    <title>{ marker_title(marker) }</title>
                </circle>
            }
        })
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct LaneProps {
    pub lane: Lane,
    /// Row 0 is `main()`; task K is row K + 1.
    pub row: usize,
    pub span: Ms,
    pub lane_height: f64,
    pub lang: Lang,
    /// Whether it carries the `lane` hook (the page's main timeline only).
    pub hooked: bool,
}

/// One task's bars and markers; re-rendered only when an event of that task arrives (open bars
/// reach the end of the axis, and the timeline covers what lies after "now").
#[function_component]
pub fn LaneView(props: &LaneProps) -> Html {
    let y = row_y(props.row, props.lane_height);
    let (span, height, lang) = (props.span, props.lane_height, props.lang);
    html! {
        <g data-testid={props.hooked.then_some("lane")} class="lane" data-task={props.row.checked_sub(1).map(|t| t.to_string())}>
            { for props.lane.bars.iter().map(|b| draw_bar(b, span, y, height, lang, false)) }
            { draw_markers(&props.lane.markers, span, y, height) }
        </g>
    }
}

#[derive(Properties, PartialEq)]
pub struct IdealProps {
    pub timeline: Rc<Timeline>,
    pub span: Ms,
    pub lane_height: f64,
    pub lang: Lang,
}

/// The virtual-clock run, drawn as dashed outlines; renders once per run.
#[function_component]
pub fn IdealLayer(props: &IdealProps) -> Html {
    let (span, height, lang) = (props.span, props.lane_height, props.lang);
    html! {
        <g class="ideal-layer">
            { for props.timeline.lanes.iter().enumerate().map(|(i, lane)| {
                let y = row_y(i + 1, height);
                lane.bars.iter().filter(|b| b.phase != Phase::Alive).map(|b| draw_bar(b, span, y, height, lang, true)).collect::<Html>()
            }) }
        </g>
    }
}
