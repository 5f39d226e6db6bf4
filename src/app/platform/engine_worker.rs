//! The Python engine's Web Worker, seen from the page (its other side is `crate::worker`).
//!
//! The interpreter is a separate wasm file, fetched when the Python pane first needs it: the
//! page opens without it, and a program that never yields (`while True: pass`, a long
//! `time.sleep`) holds the worker, never the page. Dropping the handle ends the worker.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::{JsCast, JsValue};

use crate::runtime::ProgramUpdate;
use crate::worker::{read_message, read_preview};

/// The worker's loader, written next to the page by trunk (`data-loader-shim`).
const LOADER: &str = "python-worker_loader.js";

/// What the worker says.
pub enum WorkerNews {
    /// It has loaded and listens: a program can be sent.
    Ready,
    Update(ProgramUpdate),
    /// The lines a program will print (for "Predict first"), or why they cannot be told.
    Preview(Result<Vec<String>, String>),
    /// It could not load, or it crashed.
    Failed(String),
}

/// A running worker; dropping it terminates the worker at once.
pub struct EngineWorker {
    worker: web_sys::Worker,
    _listeners: [EventListener; 2],
}

impl Drop for EngineWorker {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

impl EngineWorker {
    /// Starts the worker; `on_news` hears from it until it is dropped.
    pub fn spawn(on_news: impl FnMut(WorkerNews) + 'static) -> Result<EngineWorker, String> {
        let worker = web_sys::Worker::new(LOADER).map_err(|error| describe(&error))?;
        let on_news = Rc::new(RefCell::new(on_news));
        let messages = {
            let on_news = on_news.clone();
            EventListener::new(&worker, "message", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
                    return;
                };
                let data = event.data();
                let news = if is_ready(&data) {
                    WorkerNews::Ready
                } else if let Some(preview) = read_preview(&data) {
                    WorkerNews::Preview(preview)
                } else if let Some(update) = read_message(&data) {
                    WorkerNews::Update(update)
                } else {
                    return;
                };
                (on_news.borrow_mut())(news);
            })
        };
        let errors = EventListener::new(&worker, "error", move |event| {
            event.prevent_default();
            (on_news.borrow_mut())(WorkerNews::Failed(describe(event.as_ref())));
        });
        Ok(EngineWorker {
            worker,
            _listeners: [messages, errors],
        })
    }

    /// Asks for the lines `source` will print, run on the virtual clock (`WorkerNews::Preview`).
    pub fn preview(&self, source: &str) -> Result<(), String> {
        let message = js_sys::Array::of2(&"preview".into(), &source.into());
        self.worker
            .post_message(&message)
            .map_err(|error| describe(&error))
    }

    /// Runs `source`: the worker answers with lines, then `finished` or `refused`.
    pub fn run(&self, source: &str, time_scale: f64) -> Result<(), String> {
        let message = js_sys::Array::of3(
            &"run".into(),
            &source.into(),
            &JsValue::from_f64(time_scale),
        );
        self.worker
            .post_message(&message)
            .map_err(|error| describe(&error))
    }
}

fn is_ready(data: &JsValue) -> bool {
    data.dyn_ref::<js_sys::Array>()
        .is_some_and(|array| array.get(0).as_string().as_deref() == Some("ready"))
}

/// A readable reason from an error value or event (its `message`, else its text).
fn describe(error: &JsValue) -> String {
    js_sys::Reflect::get(error, &"message".into())
        .ok()
        .and_then(|message| message.as_string())
        .filter(|message| !message.is_empty())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the Python engine could not be loaded".to_owned())
}
