//! What a run looks like: the timeline, the console and the Python program.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::doc::Lang;
use crate::app::live::{LiveRun, RunStatus};
use crate::python::highlight::{tokens, TokenKind};
use crate::scenario::Strategy;
use crate::timeline::{layout, Bar, MarkerKind, Phase, Timeline};
use crate::trace::Ms;

/// Lanes drawn one by one; past this the timeline stacks density rows instead.
pub const MAX_DRAWN_LANES: usize = 300;

const LANE_HEIGHT: f64 = 26.0;
const AXIS_HEIGHT: f64 = 22.0;
const LABEL_WIDTH: &str = "22%";
const PLOT_X: &str = "22%";
const PLOT_WIDTH: &str = "77%";

pub fn seconds(ms: Ms) -> String {
    format!("{:.3} s", ms / 1000.0)
}

/// The plot keeps a small margin on both sides, so that labels and markers at 0 and at the
/// end are not clipped.
const PLOT_MARGIN: f64 = 2.0;

/// Where a point at `fraction` of the time axis sits across the whole timeline's width (0–1),
/// for the HTML cursor laid over the SVG.
pub fn plot_fraction(fraction: f64) -> f64 {
    const LABELS: f64 = 0.22;
    const PLOT: f64 = 0.77;
    LABELS + PLOT * (PLOT_MARGIN + fraction.clamp(0.0, 1.0) * (100.0 - 2.0 * PLOT_MARGIN)) / 100.0
}

fn percent(t: Ms, span: Ms) -> String {
    format!(
        "{:.4}%",
        PLOT_MARGIN + (t / span).clamp(0.0, 1.0) * (100.0 - 2.0 * PLOT_MARGIN)
    )
}

fn width_percent(duration: Ms, span: Ms) -> String {
    format!(
        "{:.4}%",
        ((duration / span) * (100.0 - 2.0 * PLOT_MARGIN)).max(0.15)
    )
}

/// A tick step (in ms) giving about six ticks over `span`.
fn tick_step(span: Ms) -> Ms {
    let raw = span / 6.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    step.max(1.0)
}

fn bar_title(bar: &Bar, lang: Lang) -> String {
    let span = format!("{} → {}", seconds(bar.start), seconds(bar.end));
    match bar.phase {
        Phase::Sleeping => match bar.requested_end {
            Some(requested) if !bar.open => format!(
                "await asyncio.sleep: {span}\n{} {}\n{} {:+.1} ms",
                lang.pick("requested wake-up", "réveil demandé"),
                seconds(requested),
                lang.pick("late by", "retard"),
                bar.end - requested
            ),
            _ => format!("await asyncio.sleep: {span}"),
        },
        Phase::Blocked => format!(
            "time.sleep ({}): {span}",
            lang.pick("the loop is frozen", "la boucle est gelée")
        ),
        Phase::Nested => format!("await {}(): {span}", bar.label.as_deref().unwrap_or("")),
        Phase::Waiting => format!(
            "{}: {span}",
            lang.pick("created, waiting for the loop", "créée, attend la boucle")
        ),
        Phase::Alive => span,
    }
}

fn draw_bar(
    bar: &Bar,
    span: Ms,
    lane_y: f64,
    lane_height: f64,
    lang: Lang,
    class_prefix: &str,
) -> Html {
    let inset = (lane_height / 4.0).floor();
    let (y, height) = match bar.phase {
        Phase::Alive => (lane_y + lane_height / 2.0 - 1.0, 2.0),
        Phase::Nested => (
            lane_y + 2.0 + 2.0 * bar.depth as f64,
            lane_height - 4.0 - 4.0 * bar.depth as f64,
        ),
        _ => (lane_y + inset, lane_height - 2.0 * inset),
    };
    let class = match bar.phase {
        Phase::Alive => "alive",
        Phase::Waiting => "waiting",
        Phase::Sleeping => "sleeping",
        Phase::Blocked => "blocked",
        Phase::Nested => "nested",
    };
    html! {
        <rect class={format!("{class_prefix}{class}")} x={percent(bar.start, span)} y={y.to_string()}
              width={width_percent(bar.end - bar.start, span)} height={height.max(2.0).to_string()} rx="2">
            <title>{ bar_title(bar, lang) }</title>
        </rect>
    }
}

fn draw_markers(
    markers: &[crate::timeline::Marker],
    span: Ms,
    lane_y: f64,
    lane_height: f64,
) -> Html {
    let mid = lane_y + lane_height / 2.0;
    let offset = (lane_height / 4.0).min(7.0);
    markers
        .iter()
        .map(|m| {
            let x = percent(m.t, span);
            let title = match (&m.kind, &m.text) {
                (MarkerKind::Print, Some(text)) => format!("{} print({text})", seconds(m.t)),
                (MarkerKind::Returned, Some(value)) => format!("{} return {value}", seconds(m.t)),
                (MarkerKind::Raised, Some(message)) => {
                    format!("{} raise Exception({message})", seconds(m.t))
                }
                (MarkerKind::Cancelled, _) => format!("{} cancelled", seconds(m.t)),
                (MarkerKind::ResultToMain, _) => format!("{} result reaches main()", seconds(m.t)),
                _ => seconds(m.t),
            };
            let (class, y, r) = match m.kind {
                MarkerKind::Print => ("mark-print", mid - offset, 2.5),
                MarkerKind::Returned => ("mark-return", mid, 3.5),
                MarkerKind::Raised => ("mark-raise", mid, 5.0),
                MarkerKind::Cancelled => ("mark-cancel", mid, 4.5),
                MarkerKind::ResultToMain => ("mark-main", mid + offset, 3.0),
            };
            html! {
                <circle class={class} cx={x} cy={y.to_string()} r={r.to_string()}>
                    <title>{ title }</title>
                </circle>
            }
        })
        .collect()
}

/// How a timeline is drawn: alone, or as one row of Compare on a shared axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimelineOptions {
    /// The time axis' end, shared by the rows of Compare.
    pub span: Option<Ms>,
    /// Whether this is the page's main timeline (it carries the spec's `timeline`/`lane` hooks).
    pub main: bool,
    /// Tells the timelines of one page apart (their clip paths need distinct ids).
    pub id: &'static str,
    pub lane_height: f64,
}

impl TimelineOptions {
    pub const MAIN: TimelineOptions = TimelineOptions {
        span: None,
        main: true,
        id: "main",
        lane_height: LANE_HEIGHT,
    };

    pub fn compare_row(span: Ms, strategy: Strategy) -> TimelineOptions {
        TimelineOptions {
            span: Some(span),
            main: false,
            id: strategy.as_str(),
            lane_height: 18.0,
        }
    }
}

/// The end of the axis a run needs: its measured end or its ideal one, whichever is later.
pub fn span_of(live: &LiveRun) -> Ms {
    let measured = live
        .total()
        .unwrap_or_else(|| live.now().max(live.trace.last_time()));
    measured.max(live.ideal.total().unwrap_or(0.0))
}

#[derive(Properties, PartialEq)]
struct LaneProps {
    lane: crate::timeline::Lane,
    row: usize,
    span: Ms,
    lane_height: f64,
    lang: Lang,
    /// Whether it carries the spec's `lane` hook (the page's main timeline only).
    hooked: bool,
}

/// One task's bars and markers; re-rendered only when an event of that task arrives (open bars
/// are drawn to the end of the axis and clipped at "now" by the timeline).
#[function_component]
fn LaneView(props: &LaneProps) -> Html {
    // Row 0 is main(); task K is row K + 1.
    let y = AXIS_HEIGHT + props.lane_height * props.row as f64;
    let (span, height, lang) = (props.span, props.lane_height, props.lang);
    html! {
        <g data-testid={props.hooked.then_some("lane")} class="lane" data-task={props.row.checked_sub(1).map(|t| t.to_string())}>
            { for props.lane.bars.iter().map(|b| draw_bar(b, span, y, height, lang, "")) }
            { draw_markers(&props.lane.markers, span, y, height) }
        </g>
    }
}

#[derive(Properties, PartialEq)]
struct IdealProps {
    timeline: Rc<Timeline>,
    span: Ms,
    lane_height: f64,
    lang: Lang,
}

/// The virtual-clock run, drawn faintly under the measured one; renders once per run.
#[function_component]
fn IdealLayer(props: &IdealProps) -> Html {
    let (span, height, lang) = (props.span, props.lane_height, props.lang);
    html! {
        <g class="ideal-layer">
            { for props.timeline.lanes.iter().enumerate().map(|(i, lane)| {
                let y = AXIS_HEIGHT + height * (i + 1) as f64;
                lane.bars.iter().filter(|b| b.phase != Phase::Alive).map(|b| draw_bar(b, span, y, height, lang, "ideal ")).collect::<Html>()
            }) }
        </g>
    }
}

/// The live timeline: one lane per task, the ideal run drawn faintly underneath.
pub fn timeline(live: &LiveRun, lang: Lang, options: TimelineOptions) -> Html {
    let lane_height = options.lane_height;
    let testid = |name: &'static str| options.main.then_some(name);
    let Some(scenario) = &live.scenario else {
        return html! {
            <div class="timeline-empty" data-testid={testid("timeline")}>
                { lang.pick("Press Run (Ctrl+Enter) to watch the tasks run.", "Appuyez sur Lancer (Ctrl+Entrée) pour voir les tâches s'exécuter.") }
            </div>
        };
    };
    let task_count = scenario.tasks.len();
    let build_started = crate::app::live::performance_now();
    let now = live.now();
    let ideal = live.ideal_timeline();
    let span = options
        .span
        .unwrap_or(ideal.end.max(now).max(live.trace.last_time()))
        .max(1.0);
    if task_count > MAX_DRAWN_LANES {
        let view = density_view(live, task_count, now, span, lang, testid("timeline"));
        return with_cursor(view, live, options, span, build_started);
    }
    // Open bars reach the end of the axis; the clip below shows them up to now.
    let measured = layout(&live.trace, task_count, span);
    let height = AXIS_HEIGHT + lane_height * (task_count + 1) as f64 + 4.0;
    let step = tick_step(span);
    let ticks: Html = (0..)
        .map(|i| i as f64 * step)
        .take_while(|t| *t <= span + 1e-9)
        .map(|t| {
            html! {
                <g class="tick">
                    <line x1={percent(t, span)} x2={percent(t, span)} y1={AXIS_HEIGHT.to_string()} y2={height.to_string()} />
                    <text x={percent(t, span)} y="14" text-anchor="middle">{ format!("{}", t / 1000.0) }{ "s" }</text>
                </g>
            }
        })
        .collect();
    let frozen: Html = measured
        .frozen
        .iter()
        .map(|(start, end)| {
            html! {
                <rect class="frozen" x={percent(*start, span)} y={AXIS_HEIGHT.to_string()}
                      width={width_percent(end - start, span)} height={(height - AXIS_HEIGHT).to_string()}>
                    <title>{ lang.pick("time.sleep froze the whole event loop", "time.sleep a gelé toute la boucle d'événements") }</title>
                </rect>
            }
        })
        .collect();
    let labels: Html = scenario
        .tasks
        .iter()
        .enumerate()
        .map(|(i, task)| {
            let y = AXIS_HEIGHT + lane_height * (i + 1) as f64 + lane_height / 2.0 + 4.0;
            html! { <text x="6" y={y.to_string()} class="lane-label">{ task.name.clone() }</text> }
        })
        .collect();
    let running = live.status == RunStatus::Running;
    let clip_id = format!("now-{}-{}", options.id, live.id);
    let clip_end = if running { now } else { span };
    let clip_width = format!(
        "{:.4}%",
        PLOT_MARGIN + (clip_end / span).clamp(0.0, 1.0) * (100.0 - 2.0 * PLOT_MARGIN) + 0.5
    );
    let svg = html! {
        <svg data-testid={testid("timeline")} class="timeline" width="100%" height={height.to_string()} role="img"
             aria-label={lang.pick("Timeline of the run", "Chronologie de l'exécution")}>
            <svg x="0" width={LABEL_WIDTH}>
                <text x="6" y={(AXIS_HEIGHT + lane_height / 2.0 + 4.0).to_string()} class="lane-label main-label">{ "main()" }</text>
                { labels }
            </svg>
            <svg x={PLOT_X} width={PLOT_WIDTH} class="plot">
                <defs><clipPath id={clip_id.clone()}><rect x="0" y="0" width={clip_width} height="100%" /></clipPath></defs>
                { ticks }
                <IdealLayer timeline={ideal.clone()} {span} {lane_height} {lang} />
                <g clip-path={format!("url(#{clip_id})")}>
                    { frozen }
                    { for live.hidden.iter().map(|(start, end)| html! {
                        <rect class="hidden-tab" x={percent(*start, span)} y={AXIS_HEIGHT.to_string()}
                              width={width_percent(end.unwrap_or(span) - start, span)} height={(height - AXIS_HEIGHT).to_string()}>
                            <title>{ lang.pick("The tab was hidden: the browser slows its timers down", "L'onglet était masqué : le navigateur ralentit ses minuteurs") }</title>
                        </rect>
                    }) }
                    <LaneView lane={measured.main.clone()} row={0} {span} {lane_height} {lang} hooked={false} />
                    { for measured.lanes.into_iter().enumerate().map(|(i, lane)| html! {
                        <LaneView key={i} {lane} row={i + 1} {span} {lane_height} {lang} hooked={options.main} />
                    }) }
                </g>
                if running && !options.main {
                    <line class="now" x1={percent(now, span)} x2={percent(now, span)} y1={AXIS_HEIGHT.to_string()} y2={height.to_string()} />
                }
            </svg>
        </svg>
    };
    with_cursor(svg, live, options, span, build_started)
}

/// The main timeline gets the "now" cursor laid over it (moved every frame without redrawing
/// the timeline), and records what drawing it cost, so big runs are redrawn less often.
fn with_cursor(
    view: Html,
    live: &LiveRun,
    options: TimelineOptions,
    span: Ms,
    build_started: f64,
) -> Html {
    if !options.main {
        return view;
    }
    live.drawn_span.set(span);
    live.draw_cost
        .set(crate::app::live::performance_now() - build_started);
    html! {
        <div class="timeline-frame">
            { view }
            <div class="now-cursor" id={crate::app::live::cursor_id(live)} aria-hidden="true"></div>
        </div>
    }
}

/// Thousands of tasks: rows of how many tasks sleep and how many are done, over time.
fn density_view(
    live: &LiveRun,
    task_count: usize,
    now: Ms,
    span: Ms,
    lang: Lang,
    testid: Option<&'static str>,
) -> Html {
    const COLUMNS: usize = 120;
    let counts = crate::timeline::density(&live.trace, task_count, now, span, COLUMNS);
    let max = task_count.max(1) as f64;
    let cells: Html = (0..COLUMNS)
        .map(|c| {
            let x = format!("{:.4}%", c as f64 / COLUMNS as f64 * 100.0);
            let width = format!("{:.4}%", 100.0 / COLUMNS as f64 + 0.05);
            let sleep_opacity = (counts.sleeping[c] as f64 / max).clamp(0.0, 1.0);
            let done_opacity = (counts.finished[c] as f64 / max).clamp(0.0, 1.0);
            html! {
                <>
                    <rect class="sleeping" x={x.clone()} y="26" width={width.clone()} height="22" opacity={format!("{sleep_opacity:.3}")} />
                    <rect class="done-density" x={x} y="54" width={width} height="22" opacity={format!("{done_opacity:.3}")} />
                </>
            }
        })
        .collect();
    html! {
        <svg data-testid={testid} class="timeline density" width="100%" height="84" role="img"
             aria-label={lang.pick("Density of the tasks over time", "Densité des tâches dans le temps")}>
            <svg x="0" width={LABEL_WIDTH}>
                <text x="6" y="41" class="lane-label">{ format!("{task_count} ") }{ lang.pick("tasks: sleeping", "tâches : en attente") }</text>
                <text x="6" y="69" class="lane-label">{ lang.pick("finished", "terminées") }</text>
            </svg>
            <svg x={PLOT_X} width={PLOT_WIDTH} class="plot">{ cells }</svg>
        </svg>
    }
}

/// Console lines kept in the page; past this the oldest are left out (with a note).
pub const MAX_CONSOLE_LINES: usize = 2_000;

pub fn console(live: &LiveRun, lang: Lang) -> Html {
    let skipped = live.lines.len().saturating_sub(MAX_CONSOLE_LINES);
    let names: Vec<&str> = live.scenario.as_ref().map_or_else(Vec::new, |s| {
        s.tasks.iter().map(|t| t.name.as_str()).collect()
    });
    html! {
        <div class="console" role="log" aria-live="polite" aria-label={lang.pick("Console output", "Sortie de la console")}>
            if live.lines.is_empty() {
                <div class="console-empty">{ lang.pick("Nothing printed yet.", "Rien d'affiché pour l'instant.") }</div>
            }
            if skipped > 0 {
                <div class="console-empty">{ format!("… {skipped} ") }{ lang.pick("earlier lines are not shown.", "lignes précédentes ne sont pas affichées.") }</div>
            }
            { for live.lines[skipped..].iter().map(|line| {
                let who = line.lane.and_then(|i| names.get(i).copied()).unwrap_or("main()");
                html! {
                    <div class="console-line" data-testid="console-line" data-t={format!("{:.3}", line.t)}>
                        <span class="console-time">{ seconds(line.t) }</span>
                        <span class="console-who" title={who.to_owned()}>{ who }</span>
                        <span class="console-text" data-testid="console-text">{ line.text.to_string() }</span>
                    </div>
                }
            }) }
        </div>
    }
}

/// Lines of the program highlighted on the page (Copy gives all of it).
const MAX_CODE_LINES: usize = 400;

#[derive(Properties, PartialEq)]
pub struct CodeProps {
    pub source: Rc<str>,
    pub lang: Lang,
}

/// The Python program, highlighted; re-rendered only when it changes.
#[function_component]
pub fn PythonCode(props: &CodeProps) -> Html {
    let lines = props.source.lines().count();
    let shown = if lines > MAX_CODE_LINES {
        let end = props
            .source
            .match_indices('\n')
            .nth(MAX_CODE_LINES - 1)
            .map_or(props.source.len(), |(i, _)| i + 1);
        &props.source[..end]
    } else {
        &props.source
    };
    html! {
        <>
            { python_code(shown) }
            if lines > MAX_CODE_LINES {
                <p class="code-more">{ format!("… {} ", lines - MAX_CODE_LINES) }{ props.lang.pick("more lines: Copy gives the whole program.", "lignes de plus : Copier donne tout le programme.") }</p>
            }
        </>
    }
}

fn python_code(source: &str) -> Html {
    html! {
        <pre class="python"><code>
            { for tokens(source).into_iter().map(|(kind, text)| {
                let class = match kind {
                    TokenKind::Keyword => "kw",
                    TokenKind::Builtin => "bi",
                    TokenKind::String => "str",
                    TokenKind::Number => "num",
                    TokenKind::Comment => "com",
                    TokenKind::Name => "name",
                    TokenKind::Other => "",
                };
                if class.is_empty() { html! { { text } } } else { html! { <span class={class}>{ text }</span> } }
            }) }
        </code></pre>
    }
}

/// Task names in the order their results reached `main()`.
fn arrival_order(live: &LiveRun) -> Vec<String> {
    let Some(scenario) = &live.scenario else {
        return Vec::new();
    };
    live.trace
        .events
        .iter()
        .filter(|e| e.kind == crate::trace::EventKind::ResultToMain)
        .filter_map(|e| {
            e.lane
                .and_then(|l| scenario.tasks.get(l))
                .map(|t| t.name.clone())
        })
        .collect()
}

/// `3.000 s → 1.000 s, ×3.0` against the sequential run.
pub fn speedup(sequential: Option<Ms>, total: Option<Ms>) -> Option<(String, f64)> {
    let (sequential, total) = (sequential?, total?);
    (total > 0.0).then(|| {
        let factor = sequential / total;
        (
            format!("{} → {}, ×{factor:.1}", seconds(sequential), seconds(total)),
            factor,
        )
    })
}

/// Every strategy on the same tasks, stacked on one time axis.
pub fn compare(rows: &[(Strategy, &LiveRun)], chained: bool, lang: Lang) -> Html {
    let span = rows
        .iter()
        .map(|(_, live)| span_of(live))
        .fold(1.0, f64::max);
    let sequential_total = rows
        .iter()
        .find(|(s, _)| *s == Strategy::Sequential)
        .and_then(|(_, live)| live.total());
    let running = rows.iter().any(|(_, l)| l.status == RunStatus::Running);
    let all_done = rows.iter().all(|(_, l)| l.status == RunStatus::Done);
    let state = if all_done {
        "done"
    } else if running
        || rows.iter().any(|(_, l)| l.status == RunStatus::Idle)
            && !rows.iter().any(|(_, l)| l.status == RunStatus::Cancelled)
    {
        "running"
    } else {
        "cancelled"
    };
    let row_html = |(strategy, live): &(Strategy, &LiveRun)| {
        let total = live.total();
        let speed = speedup(sequential_total, total);
        let order = arrival_order(live);
        html! {
            <div class="compare-row" data-testid="compare-row" data-strategy={strategy.as_str()}
                 data-total-ms={total.map(|t| format!("{t:.3}"))} data-speedup={speed.as_ref().map(|(_, f)| format!("{f:.3}"))}>
                <div class="compare-head">
                    <code class="compare-name">{ strategy_code(*strategy) }</code>
                    <span class="compare-total">
                        { match (live.status, total) {
                            (_, Some(t)) => html! { <strong>{ seconds(t) }</strong> },
                            (RunStatus::Running, None) => html! { { lang.pick("running…", "en cours…") } },
                            (RunStatus::Cancelled, None) => html! { { lang.pick("stopped", "arrêté") } },
                            _ => html! { { lang.pick("waiting its turn", "attend son tour") } },
                        } }
                    </span>
                    if let Some((text, _)) = &speed {
                        if *strategy != Strategy::Sequential {
                            <span class="compare-speedup">{ text.clone() }</span>
                        }
                    }
                    if !order.is_empty() {
                        <span class="compare-order" title={lang.pick("Order in which the results reached main()", "Ordre d'arrivée des résultats dans main()")}>
                            { lang.pick("results: ", "résultats : ") }{ order.join(" → ") }
                        </span>
                    }
                </div>
                { timeline(live, lang, TimelineOptions::compare_row(span, *strategy)) }
            </div>
        }
    };
    html! {
        <section class="pane compare-pane" data-testid="compare" data-state={state} aria-label={lang.pick("Compare the strategies", "Comparer les stratégies")}>
            <h2>{ lang.pick("Compare: every strategy on one time axis", "Comparer : toutes les stratégies sur le même axe") }</h2>
            if chained {
                <p class="compare-note">{ lang.pick(
                    "These tasks block the event loop (time.sleep), so the strategies run one after the other: run together, they would freeze each other.",
                    "Ces tâches bloquent la boucle (time.sleep) : les stratégies s'exécutent donc l'une après l'autre, car ensemble elles se gèleraient mutuellement.") }</p>
            } else {
                <p class="compare-note">{ lang.pick(
                    "The four strategies run at the same time, each on its own event loop clock, on the browser's real timers.",
                    "Les quatre stratégies s'exécutent en même temps, chacune avec sa propre horloge, sur les vrais minuteurs du navigateur.") }</p>
            }
            { for rows.iter().map(row_html) }
        </section>
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

/// Median and 99th percentile of how late the sleeps woke (actual − requested), in real ms.
pub fn lateness(live: &LiveRun) -> Option<(f64, f64, usize)> {
    let scale = live.scenario.as_ref()?.time_scale;
    let mut late: Vec<f64> = live
        .trace
        .events
        .iter()
        .filter_map(|e| match e.kind {
            crate::trace::EventKind::Woke { requested } => Some((e.t - requested) * scale),
            _ => None,
        })
        .collect();
    if late.is_empty() {
        return None;
    }
    late.sort_by(f64::total_cmp);
    let at = |q: f64| late[((late.len() - 1) as f64 * q).round() as usize];
    Some((at(0.5), at(0.99), late.len()))
}

/// Says so when the tab was hidden during the run, so that late wake-ups there are explained.
pub fn hidden_note(live: &LiveRun, lang: Lang) -> Html {
    if live.hidden.is_empty() {
        return Html::default();
    }
    let end = live.total().unwrap_or_else(|| live.now());
    let hidden: Ms = live
        .hidden
        .iter()
        .map(|(start, stop)| stop.unwrap_or(end) - start)
        .sum();
    html! {
        <p class="hidden-note" data-testid="hidden-note" role="note">
            { format!("{} {} ", lang.pick("The tab was hidden for", "L'onglet a été masqué pendant"), seconds(hidden)) }
            { lang.pick("during this run (hatched): browsers slow timers down in hidden tabs, so wake-ups there come late. That is the browser, not asyncio.",
                        "pendant cette exécution (hachures) : les navigateurs ralentissent les minuteurs des onglets masqués, les réveils y arrivent donc en retard. C'est le navigateur, pas asyncio.") }
        </p>
    }
}
