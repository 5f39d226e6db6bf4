//! A Python program's timeline: a lane per task, created as the program creates them and
//! labelled with the task's coroutine call; sleeps, awaits on other things (a task, a queue, a
//! lock…), nested awaits, the loop frozen by a block, prints, returns, failures and
//! cancellations. Past a few hundred tasks, the density rows instead.

use yew::prelude::*;

use crate::app::components::timeline::density::density_view;
use crate::app::components::timeline::geometry::{
    pct, row_y, LABELS_WIDTH, LANE_HEIGHT, PLOT_WIDTH,
};
use crate::app::components::timeline::lanes::LaneView;
use crate::app::components::timeline::{axis_ticks, future_cover, loop_bands};
use crate::app::components::timeline_pane::scrub_cursor;
use crate::app::i18n::{Lang, Text};
use crate::app::platform::performance_now;
use crate::app::state::program::ProgramRun;
use crate::app::state::runs::RunStatus;
use crate::timeline::{layout, MAX_DRAWN_LANES};

#[derive(Properties, PartialEq)]
pub struct ProgramTimelineProps {
    pub run: ProgramRun,
    pub lang: Lang,
    /// The instant the time-travel scrubber shows (program ms), drawn as a cursor.
    #[prop_or_default]
    pub scrub_ms: Option<f64>,
}

#[function_component]
pub fn ProgramTimeline(props: &ProgramTimelineProps) -> Html {
    let (run, lang) = (&props.run, props.lang);
    let svg = use_node_ref();
    let labels = run.log.lanes();
    let trace = run.log.trace();
    if labels.is_empty() && trace.events.is_empty() {
        let text = if run.status == RunStatus::Running {
            Text::Running
        } else {
            Text::PressRun
        };
        return html! { <div class="timeline-empty" data-testid="timeline">{ lang.t(text) }</div> };
    }
    let count = labels.len();
    let now = run.now(performance_now());
    let span = now.max(trace.last_time()).max(1.0);
    let cursor = props.scrub_ms.map(|t| scrub_cursor(t, span));
    if count > MAX_DRAWN_LANES {
        return html! {
            <div class="scrub-frame">
                { density_view(&trace, count, now, span, lang, Some("timeline"), svg) }
                { for cursor }
            </div>
        };
    }
    let measured = layout(&trace, count, now);
    // The top row is the module's own (prints outside any task), when it has any.
    let top = usize::from(!measured.main.markers.is_empty());
    let rows = count + top;
    let height = row_y(rows, LANE_HEIGHT) + 4.0;
    let label_y = |row: usize| (row_y(row, LANE_HEIGHT) + LANE_HEIGHT / 2.0 + 4.0).to_string();
    let running = run.status == RunStatus::Running;
    let future = running.then(|| future_cover(now, span, height));
    html! {
        <div class="timeline-frame scrub-frame">
            <svg ref={svg} data-testid="timeline" class="timeline" width="100%" height={height.to_string()} role="img"
                 aria-label={lang.t(Text::TimelineLabel)}>
                <svg x="0" width={pct(LABELS_WIDTH)}>
                    if top == 1 {
                        <text x="6" y={label_y(0)} class="lane-label main-label">{ "<module>" }</text>
                    }
                    { for labels.iter().enumerate().map(|(i, label)| html! {
                        <text x="6" y={label_y(i + top)} class="lane-label">{ label.to_string() }<title>{ label.to_string() }</title></text>
                    }) }
                </svg>
                <svg x={pct(LABELS_WIDTH)} width={pct(PLOT_WIDTH)} class="plot">
                    { axis_ticks(span, height) }
                    <g class="measured">
                        { loop_bands(&measured, span, height, lang) }
                        if top == 1 {
                            <LaneView lane={measured.main.clone()} row={0} {span} lane_height={LANE_HEIGHT} {lang} hooked={false} />
                        }
                        { for measured.lanes.into_iter().enumerate().map(|(i, lane)| html! {
                            <LaneView key={i} {lane} row={i + top} {span} lane_height={LANE_HEIGHT} {lang} hooked={true} />
                        }) }
                    </g>
                    { for future }
                </svg>
            </svg>
            { for cursor }
        </div>
    }
}
