//! The "now" cursor over a running timeline, moved by the compositor.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use yew::prelude::*;

use super::geometry::{x, AXIS_HEIGHT, LABELS_WIDTH, PLOT_WIDTH};
use crate::app::platform::performance_now;
use crate::trace::Ms;

/// Where the cursor of a running run goes: from "now" to the end of the axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Aim {
    /// Which run it follows (a new run restarts it).
    pub run: u64,
    /// `performance.now()` at the run's time 0, and real seconds per scenario second.
    pub started_at: f64,
    pub time_scale: f64,
    /// The end of the time axis.
    pub span: Ms,
}

/// Moves the element of `node` (a thin line over the timeline) from "now" to the end of the
/// axis over the time left, as a Web Animations transform: the compositor moves it, with no
/// work for the main thread (and no inline style, which the page's policy forbids). It is aimed
/// again only when the run, the axis or the page's width changes: restarting an animation makes
/// the browser rebuild its compositing layers, which takes milliseconds that the run's timers
/// would wait for. `None` while nothing runs.
#[hook]
pub fn use_cursor(node: NodeRef, aim: Option<Aim>) {
    let deps = aim.map(|a| {
        (
            a.run,
            a.started_at.to_bits(),
            a.time_scale.to_bits(),
            a.span.to_bits(),
        )
    });
    use_effect_with(deps, move |_| {
        let animation: Rc<RefCell<Option<wasm_bindgen::JsValue>>> = Rc::default();
        let restart = {
            let animation = animation.clone();
            move || {
                if let Some(running) = animation.borrow_mut().take() {
                    cancel(&running);
                }
                *animation.borrow_mut() = aim.and_then(|aim| {
                    node.cast::<web_sys::HtmlElement>()
                        .and_then(|element| aim.glide(&element))
                });
            }
        };
        restart();
        let resized = aim.and_then(|_| {
            web_sys::window()
                .map(|window| EventListener::new(&window, "resize", move |_| restart()))
        });
        move || {
            drop(resized);
            if let Some(running) = animation.borrow_mut().take() {
                cancel(&running);
            }
        }
    });
}

impl Aim {
    /// Starts the animation over the frame's current width.
    fn glide(self, element: &web_sys::HtmlElement) -> Option<wasm_bindgen::JsValue> {
        let width = f64::from(element.parent_element()?.client_width());
        let _ = element
            .style()
            .set_property("top", &format!("{AXIS_HEIGHT}px"));
        let now = ((performance_now() - self.started_at) / self.time_scale).clamp(0.0, self.span);
        let at = |t: Ms| {
            let left = width * (LABELS_WIDTH + PLOT_WIDTH * x(t, self.span) / 100.0) / 100.0;
            let frame = js_sys::Object::new();
            let _ = js_sys::Reflect::set(
                &frame,
                &"transform".into(),
                &format!("translateX({left:.1}px)").into(),
            );
            frame
        };
        let keyframes = js_sys::Array::of2(&at(now), &at(self.span));
        let options = js_sys::Object::new();
        for (key, value) in [
            (
                "duration",
                wasm_bindgen::JsValue::from(((self.span - now) * self.time_scale).max(1.0)),
            ),
            ("easing", "linear".into()),
            ("fill", "forwards".into()),
        ] {
            let _ = js_sys::Reflect::set(&options, &key.into(), &value);
        }
        call_method(
            element,
            "animate",
            &js_sys::Array::of2(&keyframes, &options),
        )
        .ok()
    }
}

fn cancel(animation: &wasm_bindgen::JsValue) {
    let _ = call_method(animation, "cancel", &js_sys::Array::new());
}

/// `target.name(...arguments)` for a method web-sys only offers behind its unstable flag
/// (`Element.animate`, `Animation.cancel`: standard, in every current browser).
fn call_method(
    target: &wasm_bindgen::JsValue,
    name: &str,
    arguments: &js_sys::Array,
) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let method: js_sys::Function = js_sys::Reflect::get(target, &name.into())?.dyn_into()?;
    method.apply(target, arguments)
}
