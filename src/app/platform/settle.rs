//! Waiting for the page to settle before a run that starts on open.
//!
//! A link with `&run=1` is how a teacher sends a demo, and the run must be as exact as one
//! started by a click. Right after load the page is still painting its first frame and the
//! browser is still compiling and optimising the module: the first timers would wait behind that
//! work. So the run starts once a frame has been painted and the browser reports being idle.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_render::{request_animation_frame, AnimationFrame};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The longest wait for an idle moment: a page kept busy (another tab, a slow machine) still
/// starts its run.
const MAX_IDLE_WAIT_MS: u32 = 1_000;

type Pending = Rc<RefCell<Option<Box<dyn FnOnce()>>>>;

/// A callback waiting for the page to settle; dropping it cancels the callback.
pub struct WhenSettled {
    _frame: AnimationFrame,
    then: Pending,
    idle_handle: Rc<Cell<Option<u32>>>,
}

impl Drop for WhenSettled {
    fn drop(&mut self) {
        self.then.borrow_mut().take();
        if let (Some(handle), Some(window)) = (self.idle_handle.take(), web_sys::window()) {
            window.cancel_idle_callback(handle);
        }
    }
}

/// Calls `then` after the next painted frame, at the browser's next idle moment.
pub fn when_settled(then: impl FnOnce() + 'static) -> WhenSettled {
    let pending: Pending = Rc::new(RefCell::new(Some(Box::new(then))));
    let idle_handle: Rc<Cell<Option<u32>>> = Rc::default();
    let (for_frame, handle_slot) = (pending.clone(), idle_handle.clone());
    let frame = request_animation_frame(move |_| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let for_idle = for_frame.clone();
        let fired = handle_slot.clone();
        // A one-shot JS function that frees itself once called; if the wait is cancelled first,
        // all it keeps is the emptied slot.
        let callback = Closure::once_into_js(move || {
            fired.set(None);
            let then = for_idle.borrow_mut().take();
            if let Some(then) = then {
                then();
            }
        });
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(MAX_IDLE_WAIT_MS);
        if let Ok(handle) =
            window.request_idle_callback_with_options(callback.unchecked_ref(), &options)
        {
            handle_slot.set(Some(handle));
        }
    });
    WhenSettled {
        _frame: frame,
        then: pending,
        idle_handle,
    }
}

/// A callback waiting for the next frame to be painted; dropping it cancels the callback.
pub struct AfterPaint {
    _frames: Rc<RefCell<Vec<AnimationFrame>>>,
    then: Pending,
    timeout_handle: Rc<Cell<Option<i32>>>,
}

impl Drop for AfterPaint {
    fn drop(&mut self) {
        self.then.borrow_mut().take();
        if let (Some(handle), Some(window)) = (self.timeout_handle.take(), web_sys::window()) {
            window.clear_timeout_with_handle(handle);
        }
    }
}

/// Calls `then` once the browser has painted what the page just rendered, so that this work
/// does not delay what `then` starts.
pub fn after_paint(then: impl FnOnce() + 'static) -> AfterPaint {
    let pending: Pending = Rc::new(RefCell::new(Some(Box::new(then))));
    let timeout_handle: Rc<Cell<Option<i32>>> = Rc::default();
    let (for_frame, handle_slot) = (pending.clone(), timeout_handle.clone());
    let start_timeout = move || {
        let Some(window) = web_sys::window() else {
            return;
        };
        let for_timeout = for_frame.clone();
        let fired = handle_slot.clone();
        // Animation-frame callbacks run before the frame is painted; a zero timeout set from
        // one runs after it.
        let callback = Closure::once_into_js(move || {
            fired.set(None);
            let then = for_timeout.borrow_mut().take();
            if let Some(then) = then {
                then();
            }
        });
        if let Ok(handle) = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 0)
        {
            handle_slot.set(Some(handle));
        }
    };
    // A hidden tab paints no frame (and runs no animation-frame callback) until it is shown.
    let hidden = web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden());
    let frames: Rc<RefCell<Vec<AnimationFrame>>> = Rc::default();
    if hidden {
        start_timeout();
    } else {
        // Two frames: the first paints what the page just rendered, and by the second the
        // browser's raster threads are done with it (they share this machine's cores).
        let second = frames.clone();
        let first = request_animation_frame(move |_| {
            let frame = request_animation_frame(move |_| start_timeout());
            second.borrow_mut().push(frame);
        });
        frames.borrow_mut().push(first);
    }
    AfterPaint {
        _frames: frames,
        then: pending,
        timeout_handle,
    }
}
