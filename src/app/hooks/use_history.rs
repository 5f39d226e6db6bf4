//! The history of the run shown, once it has finished, where the scrubber stands in it, the
//! loop at that instant, and where each task stands in the program's code.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::components::python_code::CodeMark;
use crate::app::components::time_travel::MAX_ITEMS;
use crate::app::state::program::ProgramRun;
use crate::app::state::runs::{RunState, RunStatus};
use crate::python::LineMap;
use crate::time_travel::{History, LoopInside, Recorded};

/// Time travel marks where tasks stand in programs of at most this many lines: a marked program
/// is drawn again at every move of the scrubber.
const MAX_MARKED_LINES: usize = 150;

/// A finished run's history and the callback shown.
#[derive(Clone)]
pub struct Scrub {
    pub history: Rc<dyn Recorded>,
    /// The callback shown (0: before the first; the history's length: its last).
    pub at: usize,
    pub on_move: Callback<usize>,
}

impl Scrub {
    /// Console lines printed up to the callback shown.
    pub fn lines(&self) -> usize {
        self.history.lines_at(self.at)
    }

    /// The loop's clock at the callback shown (scenario ms).
    pub fn time_ms(&self) -> f64 {
        self.history.mark(self.at).map_or(0.0, |m| m.time_ms)
    }
}

/// Up to this many tasks a finished run's history is recorded at once; past it, on request:
/// recording 10,000 tasks holds the page about a tenth of a second, which the end of a run
/// should not.
const RECORD_AT_ONCE: usize = 2_000;

/// What the page offers under a run for time travel.
#[derive(Clone)]
pub enum TimeTravel {
    /// Nothing: no finished run.
    None,
    /// A large run: its history is recorded when asked.
    OnRequest(Callback<()>),
    Ready(Scrub),
}

/// The run's history is recorded once it is done (the same scenario again, on the logical clock,
/// one callback at a time); the scrubber starts at the last callback, where the run ended.
#[hook]
pub fn use_history(run: &RunState) -> TimeTravel {
    let done = run.status == RunStatus::Done;
    let large = run
        .scenario
        .as_ref()
        .is_some_and(|s| s.tasks.len() > RECORD_AT_ONCE);
    let scenario = run.scenario.clone();
    use_recorded(
        run.run,
        done,
        large,
        Box::new(move || {
            scenario.map(|scenario| Rc::new(History::record(&scenario)) as Rc<dyn Recorded>)
        }),
    )
}

/// A Python program's history, rebuilt from the journal its run kept, once it has ended.
#[hook]
pub fn use_program_history(run: &ProgramRun) -> TimeTravel {
    let done = run.status == RunStatus::Done && run.refusal.is_none();
    let large = run.log.lanes().len() > RECORD_AT_ONCE;
    let log = run.log.clone();
    use_recorded(
        run.run,
        done,
        large,
        Box::new(move || log.history().map(|history| history as Rc<dyn Recorded>)),
    )
}

/// How a finished run's history is made.
type Record = Box<dyn FnOnce() -> Option<Rc<dyn Recorded>>>;

/// Time travel over run `run` once it is `done`: its history (`record`ed at once, or on
/// request when `large`) and the callback chosen, which a new run puts back at the end.
/// (One hook for both panes, the recording boxed: one copy of the hook in the page's code.)
#[hook]
fn use_recorded(run: u64, done: bool, large: bool, record: Record) -> TimeTravel {
    let requested = use_state(|| false);
    let chosen = use_state(|| None::<usize>);
    {
        let (chosen, requested) = (chosen.clone(), requested.clone());
        use_effect_with(run, move |_| {
            chosen.set(None);
            requested.set(false);
        });
    }
    let wanted = done && (!large || *requested);
    let history = use_memo(
        (run, wanted),
        move |(_, wanted)| {
            if *wanted {
                record()
            } else {
                None
            }
        },
    );
    let Some(history) = (*history).clone() else {
        if done && large {
            return TimeTravel::OnRequest(Callback::from(move |_| requested.set(true)));
        }
        return TimeTravel::None;
    };
    let at = chosen.unwrap_or(history.len()).min(history.len());
    let on_move = Callback::from(move |k: usize| chosen.set(Some(k)));
    TimeTravel::Ready(Scrub {
        history,
        at,
        on_move,
    })
}

/// The loop at the instant shown, and the program's lines where its tasks stand then.
#[hook]
pub fn use_instant(
    scrub: Option<&Scrub>,
    program: &Rc<(Rc<str>, LineMap)>,
) -> (Option<Rc<LoopInside>>, Rc<Vec<CodeMark>>) {
    let inside = {
        let scrub = scrub.cloned();
        use_memo(
            scrub
                .as_ref()
                .map(|s| (Rc::as_ptr(&s.history) as *const () as usize, s.at)),
            move |_| scrub.map(|s| Rc::new(s.history.inside_at_limited(s.at, MAX_ITEMS))),
        )
    };
    let marks = {
        let (inside, program) = ((*inside).clone(), program.clone());
        use_memo(
            (
                inside.as_ref().map(|i| Rc::as_ptr(i) as usize),
                Rc::as_ptr(&program) as usize,
            ),
            move |_| {
                let short = program.0.lines().count() <= MAX_MARKED_LINES;
                inside
                    .filter(|_| short)
                    .map_or_else(Vec::new, |inside| code_marks(&inside, &program.1))
            },
        )
    };
    ((*inside).clone(), marks)
}

/// The lines of the program where the tasks stand at an instant, with who stands there.
pub fn code_marks(inside: &LoopInside, lines: &LineMap) -> Vec<CodeMark> {
    let mut marks: Vec<CodeMark> = Vec::new();
    for task in &inside.tasks {
        let line = task
            .line
            .or_else(|| task.at.and_then(|at| lines.line(at.coroutine, at.step)));
        let Some(line) = line else {
            continue;
        };
        let entry = (task.label.clone(), task.state);
        match marks.iter_mut().find(|m| m.line == line) {
            Some(mark) => mark.tasks.push(entry),
            None => marks.push(CodeMark {
                line,
                tasks: vec![entry],
            }),
        }
    }
    marks
}
