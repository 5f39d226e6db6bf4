//! The Python engine's side of the page's worker: the interpreter runs in a dedicated worker, so
//! that it loads only when a program is run (the page itself stays small), and a CPU-bound
//! program or a `time.sleep` holds the program's loop, never the page.
//!
//! Messages are plain arrays. To the worker: `["run", source, time_scale]`. From it:
//! `["ready"]` once it listens, then for the run `["line", t_ms, is_stderr, text]`…, and
//! `["finished", status]` or `["refused", report, line, col, message]`.

use std::cell::RefCell;

use js_sys::Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::runtime::{start_program, ProgramUpdate, RunHandle};

thread_local! {
    /// The run in progress: a worker runs one program (the page ends the worker to stop it).
    static CURRENT: RefCell<Option<RunHandle>> = const { RefCell::new(None) };
}

/// A message of the protocol, as the array the other side reads.
pub fn message(update: &ProgramUpdate) -> Array {
    match update {
        ProgramUpdate::Line { t, stderr, text } => Array::of4(
            &"line".into(),
            &(*t).into(),
            &(*stderr).into(),
            &text.as_str().into(),
        ),
        ProgramUpdate::Finished { t, status } => {
            Array::of3(&"finished".into(), &(*status).into(), &(*t).into())
        }
        ProgramUpdate::Refused(refusal) => Array::of5(
            &"refused".into(),
            &refusal.report.as_str().into(),
            &refusal.line.into(),
            &refusal.col.into(),
            &refusal.message.as_str().into(),
        ),
    }
}

/// Reads a message of the protocol back (the page's side).
pub fn read_message(data: &JsValue) -> Option<ProgramUpdate> {
    let array = data.dyn_ref::<Array>()?;
    let text = |i: u32| array.get(i).as_string();
    let number = |i: u32| array.get(i).as_f64();
    match text(0)?.as_str() {
        "line" => Some(ProgramUpdate::Line {
            t: number(1)?,
            stderr: array.get(2).as_bool()?,
            text: text(3)?,
        }),
        "finished" => Some(ProgramUpdate::Finished {
            status: number(1)? as i32,
            t: number(2)?,
        }),
        "refused" => Some(ProgramUpdate::Refused(crate::runtime::Refusal {
            report: text(1)?,
            line: number(2)? as u32,
            col: number(3)? as u32,
            message: text(4)?,
        })),
        _ => None,
    }
}

/// The worker's entry point: listens for a program, runs it, reports every update.
pub fn serve() {
    let Ok(scope) = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>() else {
        return;
    };
    let reply_to = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = event.data();
            let Some(array) = data.dyn_ref::<Array>() else {
                return;
            };
            if array.get(0).as_string().as_deref() != Some("run") {
                return;
            }
            let source = array.get(1).as_string().unwrap_or_default();
            let time_scale = array.get(2).as_f64().unwrap_or(1.0);
            let scope = reply_to.clone();
            let handle = start_program(&source, time_scale, move |update| {
                let _ = scope.post_message(&message(&update));
            });
            CURRENT.with(|current| *current.borrow_mut() = Some(handle));
        });
    warm_up();
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page keeps it: so does its listener.
    on_message.forget();
    let _ = scope.post_message(&Array::of1(&"ready".into()));
}

/// A small program run once on the virtual clock as the worker loads, so that the browser has
/// compiled the interpreter's hot paths before a real program's clock starts.
const WARM_UP: &str = "import asyncio\n\nasync def work(i):\n    await asyncio.sleep(i / 10)\n    print(f'{i}: {i * 2.5:.1f}', [i], {'k': i})\n    return i\n\nasync def main():\n    tasks = [asyncio.create_task(work(i)) for i in range(20)]\n    print(sum(await asyncio.gather(*tasks)))\n\nasyncio.run(main())\n";

fn warm_up() {
    let _ = crate::py::run::run_virtual(WARM_UP, "warm_up.py");
}
