//! The console: every line the run printed, with its measured time and who printed it.

use yew::prelude::*;

use super::timeline::geometry::seconds;
use crate::app::i18n::{Lang, Text};
use crate::app::state::program::ProgramRun;
use crate::app::state::runs::RunState;
use crate::trace::Ms;

/// Console lines kept in the page; past this the oldest are left out (with a note).
pub const MAX_CONSOLE_LINES: usize = 2_000;

/// One printed line (`stderr` lines are marked; `later`: printed after the instant scrubbed to).
fn line(t: Ms, who: Option<&str>, stderr: bool, later: bool, text: &str) -> Html {
    let stream = if stderr { "stderr" } else { "stdout" };
    html! {
        <div class={classes!("console-line", stderr.then_some("stderr"), later.then_some("later"))} data-testid="console-line"
             data-t={format!("{t:.3}")} data-stream={stream}>
            <span class="console-time">{ seconds(t) }</span>
            if let Some(who) = who {
                <span class="console-who" title={who.to_owned()}>{ who.to_owned() }</span>
            }
            <span class="console-text" data-testid="console-text">{ text.to_owned() }</span>
        </div>
    }
}

/// The frame around the lines: the empty state, and how many earlier lines are left out.
fn frame(total: usize, lang: Lang, lines: Html) -> Html {
    let skipped = total.saturating_sub(MAX_CONSOLE_LINES);
    html! {
        <div class="console" role="log" aria-live="polite" aria-label={lang.t(Text::ConsoleLabel)}
             data-lines={total.to_string()}>
            if total == 0 {
                <div class="console-empty">{ lang.t(Text::NothingPrinted) }</div>
            }
            if skipped > 0 {
                <div class="console-empty" data-testid="console-skipped">{ format!("… {skipped} ") }{ lang.t(Text::EarlierLinesHidden) }</div>
            }
            { lines }
        </div>
    }
}

/// A scenario run's console; `lit`: how many lines were printed at the instant the time-travel
/// scrubber shows (the later ones are dimmed).
pub fn console(run: &RunState, lang: Lang, lit: Option<usize>) -> Html {
    let lines = run.log.lines();
    let skipped = lines.len().saturating_sub(MAX_CONSOLE_LINES);
    let names: Vec<&str> = run.scenario.as_ref().map_or_else(Vec::new, |s| {
        s.tasks.iter().map(|t| t.name.as_str()).collect()
    });
    let shown = lines[skipped..].iter().enumerate().map(|(i, entry)| {
        let who = entry
            .lane
            .and_then(|i| names.get(i).copied())
            .unwrap_or("main()");
        let later = lit.is_some_and(|lit| skipped + i >= lit);
        line(entry.t, Some(who), false, later, &entry.text)
    });
    frame(lines.len(), lang, shown.collect())
}

/// A Python program's output: stdout and stderr in the order printed.
pub fn program_console(run: &ProgramRun, lang: Lang, lit: Option<usize>) -> Html {
    let lines = run.log.lines();
    let skipped = lines.len().saturating_sub(MAX_CONSOLE_LINES);
    let shown = lines[skipped..].iter().enumerate().map(|(i, entry)| {
        let who = entry.task.as_deref().unwrap_or("<module>");
        let later = lit.is_some_and(|lit| skipped + i >= lit);
        line(entry.t, Some(who), entry.stderr, later, &entry.text)
    });
    frame(lines.len(), lang, shown.collect())
}
