//! The console: every line the run printed, with its measured time and who printed it.

use yew::prelude::*;

use super::timeline::geometry::seconds;
use crate::app::i18n::{Lang, Text};
use crate::app::state::runs::RunState;

/// Console lines kept in the page; past this the oldest are left out (with a note).
pub const MAX_CONSOLE_LINES: usize = 2_000;

pub fn console(run: &RunState, lang: Lang) -> Html {
    let lines = run.log.lines();
    let skipped = lines.len().saturating_sub(MAX_CONSOLE_LINES);
    let names: Vec<&str> = run.scenario.as_ref().map_or_else(Vec::new, |s| {
        s.tasks.iter().map(|t| t.name.as_str()).collect()
    });
    html! {
        <div class="console" role="log" aria-live="polite" aria-label={lang.t(Text::ConsoleLabel)}>
            if lines.is_empty() {
                <div class="console-empty">{ lang.t(Text::NothingPrinted) }</div>
            }
            if skipped > 0 {
                <div class="console-empty">{ format!("… {skipped} ") }{ lang.t(Text::EarlierLinesHidden) }</div>
            }
            { for lines[skipped..].iter().map(|line| {
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
