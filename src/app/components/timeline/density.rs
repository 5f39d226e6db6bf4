//! Thousands of tasks: two rows of how many tasks sleep and how many are done, over time.

use yew::prelude::*;

use super::geometry::{pct, LABELS_WIDTH, PLOT_WIDTH};
use crate::app::i18n::{Lang, Text};
use crate::timeline::density;
use crate::trace::{Ms, Trace};

const COLUMNS: usize = 120;

pub fn density_view(
    trace: &Trace,
    task_count: usize,
    now: Ms,
    span: Ms,
    lang: Lang,
    testid: Option<&'static str>,
    svg: NodeRef,
) -> Html {
    let counts = density(trace, task_count, now, span, COLUMNS);
    let max = task_count.max(1) as f64;
    let column_width = pct(100.0 / COLUMNS as f64 + 0.05);
    let cells: Html = (0..COLUMNS)
        .map(|c| {
            let x = pct(c as f64 / COLUMNS as f64 * 100.0);
            let sleeping = (counts.sleeping[c] as f64 / max).clamp(0.0, 1.0);
            let finished = (counts.finished[c] as f64 / max).clamp(0.0, 1.0);
            // `fill-opacity`, not `opacity`: changing an element's opacity makes the browser
            // rebuild its compositing layers at every redraw.
            html! {
                <>
                    <rect class="sleeping" x={x.clone()} y="26" width={column_width.clone()} height="22" fill-opacity={format!("{sleeping:.3}")} />
                    <rect class="done-density" {x} y="54" width={column_width.clone()} height="22" fill-opacity={format!("{finished:.3}")} />
                </>
            }
        })
        .collect();
    html! {
        <svg ref={svg} data-testid={testid} class="timeline density" width="100%" height="84" role="img"
             aria-label={lang.t(Text::DensityLabel)}>
            <svg x="0" width={pct(LABELS_WIDTH)}>
                <text x="6" y="41" class="lane-label">{ format!("{task_count} ") }{ lang.t(Text::TasksSleeping) }</text>
                <text x="6" y="69" class="lane-label">{ lang.t(Text::TasksFinished) }</text>
            </svg>
            <svg x={pct(LABELS_WIDTH)} width={pct(PLOT_WIDTH)} class="plot">{ cells }</svg>
        </svg>
    }
}
