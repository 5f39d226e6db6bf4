//! "Add many tasks": N tasks whose delays are spread evenly from a minimum to a maximum.

use yew::prelude::*;

use super::input_value;
use crate::app::i18n::{Lang, Text};
use crate::edit::Edit;
use crate::scenario::MAX_TASKS;

/// How many tasks to add, and their delays' range.
#[derive(Clone, Copy, PartialEq)]
pub struct Values {
    count: usize,
    min: f64,
    max: f64,
}

impl Default for Values {
    fn default() -> Values {
        Values {
            count: 10,
            min: 0.5,
            max: 2.0,
        }
    }
}

/// A delay as typed, or the previous one when it is not a number ≥ 0.
fn delay(text: &str, previous: f64) -> f64 {
    text.parse::<f64>()
        .ok()
        .filter(|x| x.is_finite() && *x >= 0.0)
        .unwrap_or(previous)
}

/// The form, over `spread`, a state the editor keeps.
pub fn spread(spread: &UseStateHandle<Values>, on_edit: &Callback<Edit>, lang: Lang) -> Html {
    let add = {
        let spread = **spread;
        on_edit.reform(move |_| Edit::AddSpread {
            count: spread.count,
            min: spread.min.min(spread.max),
            max: spread.max.max(spread.min),
        })
    };
    let field = |change: fn(Values, &str) -> Values| {
        let spread = spread.clone();
        Callback::from(move |event: Event| spread.set(change(*spread, &input_value(&event))))
    };
    html! {
        <details class="spread">
            <summary>{ lang.t(Text::AddMany) }</summary>
            <div class="spread-row">
                <label class="field"><span>{ lang.t(Text::HowMany) }</span>
                    <input type="number" min="1" max="100000" data-testid="spread-count" value={spread.count.to_string()}
                           onchange={field(|s, text| Values { count: text.parse::<usize>().unwrap_or(s.count).clamp(1, MAX_TASKS), ..s })} /></label>
                <label class="field"><span>{ lang.t(Text::DelaysFrom) }</span>
                    <input type="number" min="0" step="0.1" data-testid="spread-min" value={spread.min.to_string()}
                           onchange={field(|s, text| Values { min: delay(text, s.min), ..s })} /></label>
                <label class="field"><span>{ lang.t(Text::DelaysTo) }</span>
                    <input type="number" min="0" step="0.1" data-testid="spread-max" value={spread.max.to_string()}
                           onchange={field(|s, text| Values { max: delay(text, s.max), ..s })} /></label>
                <button class="small" data-testid="spread-add" onclick={add}>{ lang.t(Text::Add) }</button>
            </div>
        </details>
    }
}
