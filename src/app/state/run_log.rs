//! A run's log: everything it printed and did, appended as it happens.

use std::cell::{Ref, RefCell};

use crate::trace::{push_console_lines, ConsoleLine, Event, Trace};

/// Everything a run printed and did, in order; it only grows.
#[derive(Debug, Default)]
pub struct RunLog {
    trace: RefCell<Trace>,
    lines: RefCell<Vec<ConsoleLine>>,
}

impl RunLog {
    pub fn append(&self, events: Vec<Event>) {
        let mut lines = self.lines.borrow_mut();
        for event in &events {
            push_console_lines(&mut lines, event);
        }
        self.trace.borrow_mut().extend(events);
    }

    pub fn trace(&self) -> Ref<'_, Trace> {
        self.trace.borrow()
    }

    pub fn lines(&self) -> Ref<'_, Vec<ConsoleLine>> {
        self.lines.borrow()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trace::EventKind;

    #[test]
    fn a_print_of_two_lines_gives_two_console_lines() {
        let log = RunLog::default();
        log.append(vec![Event {
            t: 5.0,
            lane: None,
            kind: EventKind::Print("one\ntwo".into()),
        }]);
        let texts: Vec<String> = log.lines().iter().map(|l| l.text.to_string()).collect();
        assert_eq!(texts, ["one", "two"]);
        assert_eq!(log.trace().events.len(), 1);
    }
}
