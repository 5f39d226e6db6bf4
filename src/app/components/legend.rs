//! What the timeline's colours and marks mean.

use yew::prelude::*;

use crate::app::i18n::{Lang, Text};

pub fn legend(lang: Lang) -> Html {
    html! {
        <ul class="legend">
            <li><span class="swatch sleeping"></span>{ "await asyncio.sleep" }</li>
            <li><span class="swatch blocked"></span>{ lang.t(Text::LegendBlocked) }</li>
            <li><span class="swatch nested"></span>{ lang.t(Text::LegendNested) }</li>
            <li><span class="swatch waiting"></span>{ lang.t(Text::LegendWaiting) }</li>
            <li><span class="swatch ideal"></span>{ lang.t(Text::LegendIdeal) }</li>
            <li><span class="dot print"></span>{ "print" }</li>
            <li><span class="dot main"></span>{ lang.t(Text::LegendResult) }</li>
            <li><span class="dot raise"></span>{ "raise" }</li>
        </ul>
    }
}
