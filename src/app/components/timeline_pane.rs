//! The run being watched: its timeline (exported as SVG, PNG or a Perfetto trace), why it took
//! that long, and the legend.

use std::rc::Rc;

use yew::prelude::*;

use super::explanation::{explanation, hidden_note, ExplanationProps};
use super::legend::legend;
use super::timeline::cursor::{use_cursor, Aim};
use super::timeline::geometry::{pct, x, AXIS_HEIGHT, LABELS_WIDTH, LANE_HEIGHT, PLOT_WIDTH};
use super::timeline::{axis_end, timeline, TimelineOptions, TimelineProps};
use crate::app::i18n::{Lang, Text};
use crate::app::platform::files;
use crate::app::platform::performance_now;
use crate::app::state::runs::RunState;
use crate::app::state::runs::RunStatus;
use crate::scenario::Strategy;
use crate::trace_export::chrome_trace;

#[derive(Properties, PartialEq)]
pub struct TimelinePaneProps {
    pub run: Rc<RunState>,
    pub strategy: Strategy,
    /// The scenario's title, which names the exported files.
    pub title: Option<String>,
    pub lang: Lang,
    pub say: Callback<String>,
    /// The instant the time-travel scrubber shows, drawn as a cursor (scenario ms).
    #[prop_or_default]
    pub scrub_ms: Option<f64>,
}

const MAIN: TimelineOptions = TimelineOptions {
    span: None,
    main: true,
    lane_height: LANE_HEIGHT,
};

/// A line across the lanes at the instant the scrubber shows.
pub fn scrub_cursor(t: f64, span: f64) -> Html {
    let left = pct(LABELS_WIDTH + PLOT_WIDTH * x(t, span) / 100.0);
    html! {
        <svg class="scrub-cursor" data-testid="scrub-cursor" data-t={format!("{t:.3}")} aria-hidden="true">
            <line x1={left.clone()} x2={left} y1={AXIS_HEIGHT.to_string()} y2="100%" />
        </svg>
    }
}

#[function_component]
pub fn TimelinePane(props: &TimelinePaneProps) -> Html {
    let lang = props.lang;
    let svg = use_node_ref();
    let cursor = use_node_ref();
    let run = &props.run;
    let aim = run
        .scenario
        .as_ref()
        .filter(|_| run.status == RunStatus::Running)
        .map(|scenario| Aim {
            run: run.run,
            started_at: run.started_at,
            time_scale: scenario.time_scale,
            span: axis_end(run, MAIN, run.now(performance_now())),
        });
    use_cursor(cursor.clone(), aim);
    let stem = files::file_stem(props.title.as_deref());
    let export_image = |png: bool| {
        let (svg, say, stem) = (svg.clone(), props.say.clone(), stem.clone());
        Callback::from(move |_| {
            let Some((image, width, height)) = svg
                .cast::<web_sys::Element>()
                .and_then(|element| files::standalone_svg(&element))
            else {
                say.emit(lang.t(Text::NoTimelineYet).to_owned());
                return;
            };
            let result = if png {
                files::download_png(&image, width, height, &format!("{stem}-timeline.png"))
            } else {
                files::download_text(&image, &format!("{stem}-timeline.svg"), "image/svg+xml")
            };
            if let Err(error) = result {
                say.emit(error);
            }
        })
    };
    let export_trace = {
        let (run, say, stem) = (props.run.clone(), props.say.clone(), stem.clone());
        Callback::from(move |_| {
            let Some(scenario) = &run.scenario else {
                say.emit(lang.t(Text::NoTraceYet).to_owned());
                return;
            };
            let trace = chrome_trace(scenario, &run.log.trace());
            if let Err(error) =
                files::download_text(&trace, &format!("{stem}-trace.json"), "application/json")
            {
                say.emit(error);
            }
        })
    };
    html! {
        <section class="pane timeline-pane" aria-label={lang.t(Text::Timeline)}>
            <div class="pane-head">
                <h2>{ lang.t(Text::Timeline) }{ " · " }<code>{ props.strategy.as_str() }</code></h2>
                <div class="pane-tools">
                    <button class="small" data-testid="export-svg" onclick={export_image(false)}>{ "SVG" }</button>
                    <button class="small" data-testid="export-png" onclick={export_image(true)}>{ "PNG" }</button>
                    <button class="small" data-testid="export-trace" onclick={export_trace} title={lang.t(Text::TraceHint)}>{ "Trace" }</button>
                </div>
            </div>
            <div class="scrub-frame">
                { timeline(&TimelineProps { run: props.run.clone(), options: MAIN, lang, svg: svg.clone(), cursor: cursor.clone() }) }
                if let Some(t) = props.scrub_ms {
                    { scrub_cursor(t, axis_end(run, MAIN, run.now(performance_now()))) }
                }
            </div>
            { explanation(&ExplanationProps { run: props.run.clone(), lang }) }
            { hidden_note(&ExplanationProps { run: props.run.clone(), lang }) }
            { legend(lang) }
        </section>
    }
}
