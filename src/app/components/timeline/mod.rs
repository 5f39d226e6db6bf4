//! The timeline of a run: one lane per task (or density rows past a few hundred tasks), the
//! frozen loop across every lane, the ideal run as dashed outlines, and the "now" cursor.

pub mod cursor;
pub mod density;
pub mod geometry;
pub mod lanes;

use std::rc::Rc;

use yew::prelude::*;

use crate::app::i18n::{Lang, Text};
use crate::app::platform::performance_now;
use crate::app::state::runs::{RunState, RunStatus};
use crate::timeline::{layout, Timeline, MAX_DRAWN_LANES};
use crate::trace::Ms;
use density::density_view;
use geometry::{pct, row_y, tick_step, width, x, AXIS_HEIGHT, LABELS_WIDTH, PLOT_WIDTH};
use lanes::{IdealLayer, LaneView};

/// How a timeline is drawn: the page's own, or one row of Compare on a shared axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimelineOptions {
    /// The time axis' end, shared by the rows of Compare.
    pub span: Option<Ms>,
    /// Whether this is the page's main timeline: it carries the `timeline` and `lane` hooks
    /// and the "now" cursor.
    pub main: bool,
    pub lane_height: f64,
}

pub struct TimelineProps {
    pub run: Rc<RunState>,
    pub options: TimelineOptions,
    pub lang: Lang,
    /// The drawn `<svg>`, for the exports.
    pub svg: NodeRef,
    /// The "now" cursor (main timeline, while running): see [`cursor::use_cursor`].
    pub cursor: NodeRef,
}

/// The end of the time axis at `now`: shared by Compare's rows, else the later of the ideal end,
/// now, and the last event.
pub fn axis_end(run: &RunState, options: TimelineOptions, now: Ms) -> Ms {
    options
        .span
        .unwrap_or(
            run.ideal_timeline
                .end
                .max(now)
                .max(run.log.trace().last_time()),
        )
        .max(1.0)
}

pub fn timeline(props: &TimelineProps) -> Html {
    let (run, options, lang) = (&props.run, props.options, props.lang);
    let testid = |name: &'static str| options.main.then_some(name);
    let Some(scenario) = &run.scenario else {
        return html! {
            <div class="timeline-empty" data-testid={testid("timeline")}>{ lang.t(Text::PressRun) }</div>
        };
    };
    let task_count = scenario.tasks.len();
    let now = run.now(performance_now());
    let trace = run.log.trace();
    let span = axis_end(run, options, now);
    let running = run.status == RunStatus::Running;
    let cursor = (options.main && running).then(|| {
        html! { <div class="now-cursor" ref={props.cursor.clone()} aria-hidden="true"></div> }
    });
    let view = if task_count > MAX_DRAWN_LANES {
        density_view(
            &trace,
            task_count,
            now,
            span,
            lang,
            testid("timeline"),
            props.svg.clone(),
        )
    } else {
        lanes_view(props, &trace, now, span)
    };
    html! { <div class="timeline-frame">{ view }{ for cursor }</div> }
}

fn lanes_view(props: &TimelineProps, trace: &crate::trace::Trace, now: Ms, span: Ms) -> Html {
    let (run, options, lang) = (&props.run, props.options, props.lang);
    let Some(scenario) = &run.scenario else {
        return Html::default();
    };
    let lane_height = options.lane_height;
    let task_count = scenario.tasks.len();
    // Open bars reach the end of the axis; while the run goes, a rect in the pane's colour
    // covers what lies after "now". Moving a rect is a cheap repaint, where moving a clip path
    // would make the browser rebuild its compositing layers at every redraw.
    let measured = layout(trace, task_count, span);
    let height = row_y(task_count + 1, lane_height) + 4.0;
    let ticks = axis_ticks(span, height);
    let frozen = loop_bands(&measured, span, height, lang);
    let hidden: Html = run
        .hidden
        .iter()
        .map(|(start, end)| {
            across(
                *start,
                end.unwrap_or(span),
                span,
                height,
                "hidden-tab",
                lang.t(Text::HiddenTabTitle),
            )
        })
        .collect();
    let label_y = |row: usize| (row_y(row, lane_height) + lane_height / 2.0 + 4.0).to_string();
    let labels: Html = scenario
        .tasks
        .iter()
        .enumerate()
        .map(|(i, task)| html! { <text x="6" y={label_y(i + 1)} class="lane-label">{ task.name.clone() }</text> })
        .collect();
    let running = run.status == RunStatus::Running;
    let future = running.then(|| future_cover(now, span, height));
    let testid = |name: &'static str| options.main.then_some(name);
    html! {
        <svg ref={props.svg.clone()} data-testid={testid("timeline")} class="timeline" width="100%" height={height.to_string()} role="img"
             aria-label={lang.t(Text::TimelineLabel)}>
            <svg x="0" width={pct(LABELS_WIDTH)}>
                <text x="6" y={label_y(0)} class="lane-label main-label">{ "main()" }</text>
                { labels }
            </svg>
            <svg x={pct(LABELS_WIDTH)} width={pct(PLOT_WIDTH)} class="plot">
                { ticks }
                <g class="measured">
                    { frozen }
                    { hidden }
                    <LaneView lane={measured.main.clone()} row={0} {span} {lane_height} {lang} hooked={false} />
                    { for measured.lanes.into_iter().enumerate().map(|(i, lane)| html! {
                        <LaneView key={i} {lane} row={i + 1} {span} {lane_height} {lang} hooked={options.main} />
                    }) }
                </g>
                { for future }
                <IdealLayer timeline={run.ideal_timeline.clone()} {span} {lane_height} {lang} />
                if running && !options.main {
                    <line class="now" x1={pct(x(now, span))} x2={pct(x(now, span))} y1={AXIS_HEIGHT.to_string()} y2={height.to_string()} />
                }
            </svg>
        </svg>
    }
}

/// The time axis: a tick and its label every [`tick_step`], lines down to `height`.
pub fn axis_ticks(span: Ms, height: f64) -> Html {
    let step = tick_step(span);
    (0..)
        .map(|i| i as f64 * step)
        .take_while(|t| *t <= span + 1e-9)
        .map(|t| {
            html! {
                <g class="tick">
                    <line x1={pct(x(t, span))} x2={pct(x(t, span))} y1={AXIS_HEIGHT.to_string()} y2={height.to_string()} />
                    <text x={pct(x(t, span))} y="14" text-anchor="middle">{ format!("{}", t / 1000.0) }{ "s" }</text>
                </g>
            }
        })
        .collect()
}

/// A band across every lane from `start` to `end`.
fn across(
    start: Ms,
    end: Ms,
    span: Ms,
    height: f64,
    class: &'static str,
    title: &'static str,
) -> Html {
    html! {
        <rect {class} x={pct(x(start, span))} y={AXIS_HEIGHT.to_string()}
              width={pct(width(end - start, span))} height={(height - AXIS_HEIGHT).to_string()}>
            <title>{ title }</title>
        </rect>
    }
}

/// Bands across every lane where the loop was frozen by a block, or (`held`) held by code
/// running without awaiting.
pub fn loop_bands(timeline: &Timeline, span: Ms, height: f64, lang: Lang) -> Html {
    let frozen = timeline.frozen.iter().map(|(start, end)| {
        across(
            *start,
            *end,
            span,
            height,
            "frozen",
            lang.t(Text::FrozenLoopTitle),
        )
    });
    let held = timeline.held.iter().map(|(start, end)| {
        across(
            *start,
            *end,
            span,
            height,
            "frozen held",
            lang.t(Text::LoopHeld),
        )
    });
    frozen.chain(held).collect()
}

/// While a run goes, covers what lies after "now" (open bars reach the end of the axis). Moving
/// a rect is a cheap repaint, where moving a clip path would rebuild compositing layers.
pub fn future_cover(now: Ms, span: Ms, height: f64) -> Html {
    let start = x(now, span) + 0.5;
    html! {
        <rect class="future" x={pct(start)} y={AXIS_HEIGHT.to_string()}
              width={pct((100.0 - start).max(0.0))} height={(height - AXIS_HEIGHT).to_string()} />
    }
}
