//! What a run records: timed events per lane, and what the page derives from them
//! (console lines, total time, per-task summaries).

use std::rc::Rc;

use crate::pyvalue::PyValue;

/// Scenario milliseconds since the run started (real milliseconds ÷ `time_scale`).
pub type Ms = f64;

/// Whose event it is: a task of the scenario, by index, or `None` for `main()` itself.
pub type Lane = Option<usize>;

#[derive(Clone, Debug, PartialEq)]
pub enum EventKind {
    /// The coroutine was created and scheduled; it starts when the loop reaches it.
    Created,
    /// Its first step runs.
    Started,
    Print(Rc<str>),
    /// `await asyncio.sleep(s)` began; `until` is the requested wake-up time.
    Sleep {
        until: Ms,
    },
    /// The coroutine resumed after a sleep; the event's time is the actual wake-up.
    Woke {
        requested: Ms,
    },
    /// `time.sleep(s)` froze the whole loop until `until`.
    BlockStart {
        until: Ms,
    },
    BlockEnd,
    /// `await inner()` entered a nested coroutine at nesting `depth` (1 = directly in the task).
    AwaitEnter {
        name: Rc<str>,
        depth: usize,
    },
    AwaitExit {
        depth: usize,
    },
    Returned(PyValue),
    Raised(Rc<str>),
    /// Cancelled by `asyncio.run` when `main()` returned.
    Cancelled,
    /// The task's result (or exception) reached `main()`.
    ResultToMain,
    /// An exception reached `main()`, which caught it (and prints `Error: message`).
    CaughtInMain(Rc<str>),
    /// The loop stopped: the run is over.
    RunEnd,
    /// Suspended on something other than a sleep (a task, a future, a queue, a lock…), which
    /// `on` describes; a Python program's tasks only.
    Await {
        on: Rc<str>,
    },
    /// Resumed after an `Await`.
    Resumed,
    /// Python code ran on without awaiting (a whole slice of instructions, from this event's
    /// time): the loop is held as by `time.sleep`. A Python program's only.
    HoldStart,
    /// It awaited (or ended): the loop is free again.
    HoldEnd,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub t: Ms,
    pub lane: Lane,
    pub kind: EventKind,
}

/// One line of standard output (a `print` whose text holds `\n` gives several).
#[derive(Clone, Debug, PartialEq)]
pub struct ConsoleLine {
    pub t: Ms,
    pub lane: Lane,
    pub text: Rc<str>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trace {
    pub events: Vec<Event>,
}

impl Trace {
    pub fn from_events(events: Vec<Event>) -> Trace {
        Trace { events }
    }

    pub fn extend(&mut self, events: Vec<Event>) {
        self.events.extend(events);
    }

    /// The printed lines, in the order printed.
    pub fn console_lines(&self) -> Vec<ConsoleLine> {
        let mut lines = Vec::new();
        for event in &self.events {
            push_console_lines(&mut lines, event);
        }
        lines
    }

    /// The measured total, once the run has ended.
    pub fn total(&self) -> Option<Ms> {
        self.events
            .iter()
            .rev()
            .find(|e| e.kind == EventKind::RunEnd)
            .map(|e| e.t)
    }

    /// The last time anything happened.
    pub fn last_time(&self) -> Ms {
        self.events.last().map_or(0.0, |e| e.t)
    }
}

/// Appends the console lines one event prints, if any.
pub fn push_console_lines(lines: &mut Vec<ConsoleLine>, event: &Event) {
    if let EventKind::Print(text) = &event.kind {
        if text.contains('\n') {
            lines.extend(text.split('\n').map(|part| ConsoleLine {
                t: event.t,
                lane: event.lane,
                text: part.into(),
            }));
        } else {
            lines.push(ConsoleLine {
                t: event.t,
                lane: event.lane,
                text: text.clone(),
            });
        }
    }
}
