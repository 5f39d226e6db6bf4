//! The Python engine's side of the page's worker: the interpreter runs in a dedicated worker, so
//! that it loads only when a program is run (the page itself stays small), and a CPU-bound
//! program or a `time.sleep` holds the program's loop, never the page.
//!
//! Messages are plain arrays. To the worker: `["run", source, time_scale]`, or
//! `["preview", source]` (the lines it will print, for "Predict first": answered by
//! `["preview", [lines…]]` or `["preview", null, why]`, why being `refused`, `too-long` or
//! `too-many-lines`). From it:
//! `["ready"]` once it listens, then for the run `["started"]`, `["line", t_ms, is_stderr,
//! text, task or null]`, `["trace", [lane labels…], [code, t_ms, lane, a, b, …]]` (five values
//! an event, lane -1 for none; see [`event_parts`]), `["journal", Float64Array, [texts…]]` (the
//! loop's journal for time travel: [`crate::program_history::encode`]), and at the end
//! `["finished", status, t_ms]` or `["refused", report, line, col, message]`.

use std::cell::RefCell;

use js_sys::Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::pyvalue::PyValue;
use crate::runtime::{start_program, Pace, ProgramUpdate, RunHandle};
use crate::trace::{Event, EventKind};

thread_local! {
    /// The program running: a new one replaces it once it has ended (to stop one, the page
    /// ends the worker).
    static CURRENT: RefCell<Option<RunHandle>> = const { RefCell::new(None) };
}

/// A message of the protocol, as the array the other side reads.
pub fn message(update: &ProgramUpdate) -> Array {
    match update {
        ProgramUpdate::Started => Array::of1(&"started".into()),
        ProgramUpdate::Trace { lanes, events } => {
            let labels: Array = lanes.iter().map(|l| JsValue::from_str(l)).collect();
            let flat = Array::new();
            for event in events {
                let Some((code, a, b)) = event_parts(&event.kind) else {
                    continue;
                };
                flat.push(&code.into());
                flat.push(&event.t.into());
                flat.push(&event.lane.map_or(-1.0, |l| l as f64).into());
                flat.push(&a.to_js());
                flat.push(&b.to_js());
            }
            Array::of3(&"trace".into(), &labels, &flat)
        }
        ProgramUpdate::Line {
            t,
            stderr,
            text,
            task,
        } => Array::of5(
            &"line".into(),
            &(*t).into(),
            &(*stderr).into(),
            &text.as_str().into(),
            &task.as_deref().map_or(JsValue::NULL, JsValue::from_str),
        ),
        ProgramUpdate::Finished { t, status } => {
            Array::of3(&"finished".into(), &(*status).into(), &(*t).into())
        }
        ProgramUpdate::Journal(records) => {
            let (numbers, texts) = crate::program_history::encode(records);
            let texts: Array = texts.iter().map(|t| JsValue::from_str(t)).collect();
            Array::of3(
                &"journal".into(),
                &js_sys::Float64Array::from(numbers.as_slice()),
                &texts,
            )
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
        "started" => Some(ProgramUpdate::Started),
        "trace" => {
            let labels = array.get(1).dyn_into::<Array>().ok()?;
            let flat = array.get(2).dyn_into::<Array>().ok()?;
            let lanes = labels.iter().filter_map(|l| l.as_string()).collect();
            let mut events = Vec::new();
            for i in (0..flat.length()).step_by(5) {
                let code = flat.get(i).as_f64()? as u8;
                let t = flat.get(i + 1).as_f64()?;
                let lane = flat.get(i + 2).as_f64()?;
                let parts = (
                    Part::from_js(flat.get(i + 3)),
                    Part::from_js(flat.get(i + 4)),
                );
                if let Some(kind) = event_from_parts(code, parts.0, parts.1) {
                    let lane = (lane >= 0.0).then_some(lane as usize);
                    events.push(Event { t, lane, kind });
                }
            }
            Some(ProgramUpdate::Trace { lanes, events })
        }
        "line" => Some(ProgramUpdate::Line {
            t: number(1)?,
            stderr: array.get(2).as_bool()?,
            text: text(3)?,
            task: text(4),
        }),
        "journal" => {
            let numbers = array
                .get(1)
                .dyn_into::<js_sys::Float64Array>()
                .ok()?
                .to_vec();
            let texts: Vec<std::rc::Rc<str>> = array
                .get(2)
                .dyn_into::<Array>()
                .ok()?
                .iter()
                .map(|t| t.as_string().unwrap_or_default().into())
                .collect();
            Some(ProgramUpdate::Journal(crate::program_history::decode(
                &numbers, &texts,
            )))
        }
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

/// A value of an event on the wire: nothing, a number or a text.
#[derive(Clone, Debug, PartialEq)]
pub enum Part {
    None,
    Number(f64),
    Text(std::rc::Rc<str>),
}

impl Part {
    fn to_js(&self) -> JsValue {
        match self {
            Part::None => JsValue::NULL,
            Part::Number(n) => JsValue::from_f64(*n),
            Part::Text(text) => JsValue::from_str(text),
        }
    }

    fn from_js(value: JsValue) -> Part {
        if let Some(n) = value.as_f64() {
            Part::Number(n)
        } else if let Some(text) = value.as_string() {
            Part::Text(text.into())
        } else {
            Part::None
        }
    }

    fn number(&self) -> Option<f64> {
        match self {
            Part::Number(n) => Some(*n),
            _ => None,
        }
    }

    fn text(self) -> Option<std::rc::Rc<str>> {
        match self {
            Part::Text(text) => Some(text),
            _ => None,
        }
    }
}

/// An event kind of a program's timeline as a code and two values; `None` for the kinds only
/// the step scenarios have.
pub fn event_parts(kind: &EventKind) -> Option<(u8, Part, Part)> {
    use Part::{None as No, Number, Text};
    Some(match kind {
        EventKind::Created => (0, No, No),
        EventKind::Started => (1, No, No),
        EventKind::Print(text) => (2, Text(text.clone()), No),
        EventKind::Sleep { until } => (3, Number(*until), No),
        EventKind::Woke { requested } => (4, Number(*requested), No),
        EventKind::BlockStart { until } => (5, Number(*until), No),
        EventKind::BlockEnd => (6, No, No),
        EventKind::AwaitEnter { name, depth } => (7, Text(name.clone()), Number(*depth as f64)),
        EventKind::AwaitExit { depth } => (8, Number(*depth as f64), No),
        EventKind::Returned(value) => (9, Text(value.repr().into()), No),
        EventKind::Raised(error) => (10, Text(error.clone()), No),
        EventKind::Cancelled => (11, No, No),
        EventKind::Await { on } => (12, Text(on.clone()), No),
        EventKind::Resumed => (13, No, No),
        EventKind::HoldStart => (14, No, No),
        EventKind::HoldEnd => (15, No, No),
        EventKind::ResultToMain | EventKind::CaughtInMain(_) | EventKind::RunEnd => return None,
    })
}

/// The event kind [`event_parts`] encoded.
pub fn event_from_parts(code: u8, a: Part, b: Part) -> Option<EventKind> {
    Some(match code {
        0 => EventKind::Created,
        1 => EventKind::Started,
        2 => EventKind::Print(a.text()?),
        3 => EventKind::Sleep { until: a.number()? },
        4 => EventKind::Woke {
            requested: a.number()?,
        },
        5 => EventKind::BlockStart { until: a.number()? },
        6 => EventKind::BlockEnd,
        7 => EventKind::AwaitEnter {
            depth: b.number()? as usize,
            name: a.text()?,
        },
        8 => EventKind::AwaitExit {
            depth: a.number()? as usize,
        },
        9 => EventKind::Returned(PyValue::Repr(a.text()?.to_string())),
        10 => EventKind::Raised(a.text()?),
        11 => EventKind::Cancelled,
        12 => EventKind::Await { on: a.text()? },
        13 => EventKind::Resumed,
        14 => EventKind::HoldStart,
        15 => EventKind::HoldEnd,
        _ => return None,
    })
}

/// How many instructions a preview may run: a program that computes longer is not foretold.
const PREVIEW_BUDGET: u64 = 30_000_000;

/// The answer to `["preview", source]`.
fn preview_message(source: &str) -> Array {
    use crate::py::run::{preview, NoPreview};
    match preview(source, PREVIEW_BUDGET, crate::predict::MAX_PREDICTED_LINES) {
        Ok(lines) => {
            let lines: Array = lines.iter().map(|l| JsValue::from_str(l)).collect();
            Array::of2(&"preview".into(), &lines)
        }
        Err(why) => {
            let why = match why {
                NoPreview::Refused => "refused",
                NoPreview::TooLong => "too-long",
                NoPreview::TooManyLines => "too-many-lines",
            };
            Array::of3(&"preview".into(), &JsValue::NULL, &why.into())
        }
    }
}

/// Reads a preview's answer back (the page's side): the lines, or why there are none.
pub fn read_preview(data: &JsValue) -> Option<Result<Vec<String>, String>> {
    let array = data.dyn_ref::<Array>()?;
    if array.get(0).as_string().as_deref() != Some("preview") {
        return None;
    }
    Some(match array.get(1).dyn_into::<Array>() {
        Ok(lines) => Ok(lines.iter().filter_map(|l| l.as_string()).collect()),
        Err(_) => Err(array.get(2).as_string().unwrap_or_default()),
    })
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
            let source = array.get(1).as_string().unwrap_or_default();
            match array.get(0).as_string().as_deref() {
                Some("run") => {}
                Some("preview") => {
                    let _ = reply_to.post_message(&preview_message(&source));
                    return;
                }
                _ => return,
            }
            let time_scale = array.get(2).as_f64().unwrap_or(1.0);
            let scope = reply_to.clone();
            let handle = start_program(&source, time_scale, Pace::OwnThread, move |update| {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_event_of_a_program_crosses_to_the_page_unchanged() {
        let kinds = [
            EventKind::Created,
            EventKind::Started,
            EventKind::Print("é <b>".into()),
            EventKind::Sleep { until: 1000.0 },
            EventKind::Woke { requested: 1000.0 },
            EventKind::BlockStart { until: 1500.5 },
            EventKind::BlockEnd,
            EventKind::AwaitEnter {
                name: "inner".into(),
                depth: 2,
            },
            EventKind::AwaitExit { depth: 1 },
            EventKind::Returned(PyValue::Repr("[1, 'a']".into())),
            EventKind::Raised("ValueError('x')".into()),
            EventKind::Cancelled,
            EventKind::Await { on: "Queue".into() },
            EventKind::Resumed,
            EventKind::HoldStart,
            EventKind::HoldEnd,
        ];
        for kind in kinds {
            let (code, a, b) = event_parts(&kind).expect("a program's event");
            assert_eq!(event_from_parts(code, a, b), Some(kind));
        }
        assert_eq!(event_parts(&EventKind::RunEnd), None);
        assert_eq!(event_from_parts(99, Part::None, Part::None), None);
        assert_eq!(event_from_parts(2, Part::Number(1.0), Part::None), None);
    }
}
