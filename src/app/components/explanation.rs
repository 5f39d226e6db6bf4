//! Under the timeline: one line on why the run took that long, how late its timers woke, and a
//! note when the tab was hidden during the run.

use std::rc::Rc;

use yew::prelude::*;

use super::timeline::geometry::seconds;
use crate::app::i18n::{Lang, Text};
use crate::app::platform::performance_now;
use crate::app::state::runs::RunState;
use crate::explain::{why, Reason};
use crate::stats::lateness;
use crate::trace::Ms;

pub struct ExplanationProps {
    pub run: Rc<RunState>,
    pub lang: Lang,
}

pub fn explanation(props: &ExplanationProps) -> Html {
    let (run, lang) = (&props.run, props.lang);
    let (Some(scenario), Some(measured)) = (&run.scenario, run.total()) else {
        return Html::default();
    };
    let why = why(&run.ideal, scenario.tasks.len());
    let s = seconds;
    let t = |text| lang.t(text);
    let text = match why.reason {
        Reason::StoppedByError => format!("{} {}.", t(Text::StoppedByError), s(why.total)),
        Reason::SumOfTasks => format!("{} {}.", t(Text::SumOfTasks), s(why.sum_of_tasks)),
        Reason::FrozenLoop => format!(
            "{} {} {} {}{}",
            t(Text::FrozenFor),
            s(why.frozen),
            t(Text::FrozenOfThe),
            s(why.total),
            t(Text::FrozenAddUp)
        ),
        Reason::LongestTask => format!("{} {}.", t(Text::LongestTask), s(why.longest_task)),
        Reason::Mixed => format!(
            "{} {}, {} {}.",
            t(Text::SomeOverlap),
            s(why.longest_task),
            t(Text::SumOfTheTasks),
            s(why.sum_of_tasks)
        ),
    };
    let late = measured - why.total;
    let lateness = lateness(&run.log.trace(), scenario.time_scale);
    html! {
        <>
            <p class="why" data-testid="why">{ text }
                <span class="why-measured">{ format!(" {} {} ({late:+.1} ms).", t(Text::Measured), s(measured)) }</span>
            </p>
            if let Some(figures) = lateness {
                <p class="lateness" data-testid="lateness" data-median-ms={format!("{:.3}", figures.median)}
                   data-p99-ms={format!("{:.3}", figures.p99)} data-count={figures.count.to_string()}>
                    { t(Text::Lateness) }
                    { format!("median {:.2} ms, p99 {:.2} ms, {} ", figures.median, figures.p99, figures.count) }{ t(Text::WakeUps) }
                </p>
            }
        </>
    }
}

/// Says so when the tab was hidden during the run, so that late wake-ups there are explained.
pub fn hidden_note(props: &ExplanationProps) -> Html {
    let (run, lang) = (&props.run, props.lang);
    if run.hidden.is_empty() {
        return Html::default();
    }
    let end = run.total().unwrap_or_else(|| run.now(performance_now()));
    let hidden: Ms = run
        .hidden
        .iter()
        .map(|(start, stop)| stop.unwrap_or(end) - start)
        .sum();
    html! {
        <p class="hidden-note" data-testid="hidden-note" role="note">
            { format!("{} {} ", lang.t(Text::HiddenFor), seconds(hidden)) }
            { lang.t(Text::HiddenExplained) }
        </p>
    }
}
