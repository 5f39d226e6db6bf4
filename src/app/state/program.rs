//! The Python pane's state: the program being edited ([`ProgramDoc`]) and its last run
//! ([`ProgramRun`]), each a value changed only through actions.

use std::cell::{Ref, RefCell};
use std::rc::Rc;

use yew::Reducible;

use super::runs::RunStatus;
use crate::program_history::{ProgramHistory, Record};
use crate::program_presets::{self, ProgramPreset};
use crate::runtime::Refusal;
use crate::trace::{Event, Ms, Trace};

/// The program in the editor.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgramDoc {
    pub source: Rc<str>,
    /// Bumped by every change: what the editor and autosave compare.
    pub version: u64,
    /// Real seconds per program second.
    pub time_scale: f64,
}

impl ProgramDoc {
    pub fn new(source: &str) -> ProgramDoc {
        ProgramDoc {
            source: source.into(),
            version: 0,
            time_scale: 1.0,
        }
    }

    /// The example this program still is, if it was not edited.
    pub fn preset(&self) -> Option<&'static ProgramPreset> {
        program_presets::matching(&self.source)
    }
}

pub enum ProgramAction {
    /// The user typed.
    Edit(String),
    /// An example, a link or a file replaced the program (a link may set the speed too).
    Load {
        source: String,
        time_scale: Option<f64>,
    },
    SetTimeScale(f64),
}

impl Reducible for ProgramDoc {
    type Action = ProgramAction;

    fn reduce(self: Rc<Self>, action: ProgramAction) -> Rc<Self> {
        let mut doc = (*self).clone();
        match action {
            ProgramAction::Edit(source) => doc.source = source.into(),
            ProgramAction::Load { source, time_scale } => {
                doc.source = source.into();
                doc.time_scale = time_scale.unwrap_or(doc.time_scale);
            }
            ProgramAction::SetTimeScale(scale) => doc.time_scale = scale,
        }
        doc.version += 1;
        Rc::new(doc)
    }
}

/// One line the program printed, at its measured time.
#[derive(Clone, Debug, PartialEq)]
pub struct OutputLine {
    pub t: Ms,
    pub stderr: bool,
    pub text: Rc<str>,
    /// The coroutine call of the task that printed it (`None` outside any task).
    pub task: Option<Rc<str>>,
}

/// What a run printed and did; it only grows, and is shared by every version of the run's
/// state.
#[derive(Debug, Default)]
pub struct ProgramLog {
    /// The program that ran.
    pub source: Rc<str>,
    lines: RefCell<Vec<OutputLine>>,
    /// Each task's coroutine call, in the order the program created them: the lanes.
    lanes: RefCell<Vec<Rc<str>>>,
    trace: RefCell<Trace>,
    /// The loop's journal (time travel), unless the run outgrew [`MAX_JOURNAL_RECORDS`].
    journal: RefCell<Vec<Record>>,
    journal_dropped: std::cell::Cell<bool>,
    history: RefCell<Option<Rc<ProgramHistory>>>,
}

/// A run whose journal grows past this many records (about 50 bytes each; 24 per task that
/// sleeps once, so about 40,000 such tasks) has no time travel: the page keeps its memory
/// for the run itself.
pub const MAX_JOURNAL_RECORDS: usize = 1_000_000;

impl ProgramLog {
    pub fn of(source: &str) -> ProgramLog {
        ProgramLog {
            source: source.into(),
            ..ProgramLog::default()
        }
    }

    pub fn push(&self, line: OutputLine) {
        self.lines.borrow_mut().push(line);
    }

    pub fn lines(&self) -> Ref<'_, Vec<OutputLine>> {
        self.lines.borrow()
    }

    pub fn extend(&self, lanes: Vec<String>, events: Vec<Event>) {
        self.lanes
            .borrow_mut()
            .extend(lanes.into_iter().map(Rc::from));
        self.trace.borrow_mut().extend(events);
    }

    pub fn lanes(&self) -> Ref<'_, Vec<Rc<str>>> {
        self.lanes.borrow()
    }

    pub fn trace(&self) -> Ref<'_, Trace> {
        self.trace.borrow()
    }

    pub fn extend_journal(&self, records: Vec<Record>) {
        let mut journal = self.journal.borrow_mut();
        if self.journal_dropped.get() || journal.len() + records.len() > MAX_JOURNAL_RECORDS {
            self.journal_dropped.set(true);
            journal.clear();
            return;
        }
        journal.extend(records);
    }

    /// The run's history for time travel, built once from the journal, which it consumes (a
    /// second copy of a million records would double the page's memory); `None` without a
    /// journal kept whole.
    pub fn history(&self) -> Option<Rc<ProgramHistory>> {
        if let Some(history) = &*self.history.borrow() {
            return Some(history.clone());
        }
        if self.journal_dropped.get() {
            return None;
        }
        let journal = std::mem::take(&mut *self.journal.borrow_mut());
        if journal.is_empty() {
            return None;
        }
        let history = Rc::new(ProgramHistory::new(
            journal,
            self.trace().events.clone(),
            self.lanes().clone(),
            self.lines().len(),
        ));
        *self.history.borrow_mut() = Some(history.clone());
        Some(history)
    }
}

/// The last run of the program, as the page shows it.
#[derive(Clone, Debug, Default)]
pub struct ProgramRun {
    pub run: u64,
    pub version: u64,
    pub status: RunStatus,
    pub log: Rc<ProgramLog>,
    /// The measured end, once it ended.
    pub total: Option<Ms>,
    /// 0, or 1 after an uncaught exception.
    pub exit_status: Option<i32>,
    /// Why the program did not run (marked in the editor).
    pub refusal: Option<Refusal>,
    /// The engine itself could not start (the worker failed to load).
    pub engine_error: Option<String>,
    /// The program's clock has started (the engine was loaded and the program compiled).
    pub started: bool,
    /// `performance.now()` when the page heard that the program's clock started.
    pub started_at: f64,
    pub time_scale: f64,
}

impl ProgramRun {
    /// Program milliseconds since the start, at `performance.now()` = `real_now`.
    pub fn now(&self, real_now: f64) -> Ms {
        if let Some(total) = self.total {
            return total;
        }
        if !self.started || self.status != RunStatus::Running {
            return self.trace_end();
        }
        ((real_now - self.started_at) / self.time_scale.max(1e-9)).max(self.trace_end())
    }

    fn trace_end(&self) -> Ms {
        let lines = self.log.lines().last().map_or(0.0, |l| l.t);
        lines.max(self.log.trace().last_time())
    }
}

impl PartialEq for ProgramRun {
    fn eq(&self, other: &Self) -> bool {
        self.run == other.run && self.version == other.version
    }
}

pub enum ProgramRunAction {
    Start {
        run: u64,
        log: Rc<ProgramLog>,
        time_scale: f64,
    },
    /// The program's clock started, heard at this `performance.now()`.
    Started(f64),
    /// The log grew (redrawn at most once a frame).
    Progressed,
    Finished {
        total: Ms,
        status: i32,
    },
    Refused(Refusal),
    EngineFailed(String),
    Stopped,
}

/// An action for run `run`; one about an older run is dropped.
pub struct ProgramRunUpdate {
    pub run: u64,
    pub action: ProgramRunAction,
}

impl Reducible for ProgramRun {
    type Action = ProgramRunUpdate;

    fn reduce(self: Rc<Self>, ProgramRunUpdate { run, action }: ProgramRunUpdate) -> Rc<Self> {
        let mut next = match action {
            ProgramRunAction::Start {
                run,
                log,
                time_scale,
            } => {
                return Rc::new(ProgramRun {
                    run,
                    version: self.version + 1,
                    status: RunStatus::Running,
                    log,
                    time_scale,
                    ..ProgramRun::default()
                })
            }
            _ if run != self.run => return self,
            action => {
                let mut next = (*self).clone();
                match action {
                    ProgramRunAction::Start { .. } | ProgramRunAction::Progressed => {}
                    ProgramRunAction::Started(at) => {
                        next.started = true;
                        next.started_at = at;
                    }
                    ProgramRunAction::Finished { total, status } => {
                        next.status = RunStatus::Done;
                        next.total = Some(total);
                        next.exit_status = Some(status);
                        next.started = true;
                    }
                    ProgramRunAction::Refused(refusal) => {
                        next.status = RunStatus::Done;
                        next.exit_status = Some(2);
                        next.refusal = Some(refusal);
                    }
                    ProgramRunAction::EngineFailed(reason) => {
                        next.status = RunStatus::Cancelled;
                        next.engine_error = Some(reason);
                    }
                    ProgramRunAction::Stopped => {
                        if next.status == RunStatus::Running {
                            next.status = RunStatus::Cancelled;
                        }
                    }
                }
                next
            }
        };
        next.version += 1;
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn update(state: Rc<ProgramRun>, run: u64, action: ProgramRunAction) -> Rc<ProgramRun> {
        state.reduce(ProgramRunUpdate { run, action })
    }

    #[test]
    fn a_run_prints_then_finishes_and_older_runs_are_ignored() {
        let log = Rc::new(ProgramLog::default());
        let start = ProgramRunAction::Start {
            run: 1,
            log: log.clone(),
            time_scale: 0.5,
        };
        let state = update(Rc::default(), 1, start);
        assert_eq!(state.status, RunStatus::Running);
        let state = update(state, 1, ProgramRunAction::Started(100.0));
        assert!(state.started);
        assert_eq!(state.now(600.0), 1000.0, "program ms at half speed");
        log.push(OutputLine {
            t: 1000.0,
            stderr: false,
            text: "hello".into(),
            task: None,
        });
        let state = update(state, 1, ProgramRunAction::Progressed);
        assert_eq!(state.now(300.0), 1000.0, "never before what it printed");
        let state = update(
            state,
            2,
            ProgramRunAction::Finished {
                total: 1.0,
                status: 0,
            },
        );
        assert_eq!(
            state.status,
            RunStatus::Running,
            "an older run's news is dropped"
        );
        let state = update(
            state,
            1,
            ProgramRunAction::Finished {
                total: 1001.0,
                status: 1,
            },
        );
        assert_eq!(
            (state.status, state.total, state.exit_status),
            (RunStatus::Done, Some(1001.0), Some(1))
        );
        assert_eq!(state.log.lines().len(), 1);
        let stopped = update(state, 1, ProgramRunAction::Stopped);
        assert_eq!(
            stopped.status,
            RunStatus::Done,
            "stopping a finished run changes nothing"
        );
    }

    #[test]
    fn a_refused_program_is_done_with_its_reason_and_a_stopped_one_cancelled() {
        let state = update(
            Rc::default(),
            1,
            ProgramRunAction::Start {
                run: 1,
                log: Rc::default(),
                time_scale: 1.0,
            },
        );
        let refusal = Refusal {
            report: "r".into(),
            line: 2,
            col: 5,
            message: "SyntaxError: x".into(),
        };
        let refused = update(state.clone(), 1, ProgramRunAction::Refused(refusal.clone()));
        assert_eq!(
            (refused.status, refused.refusal.clone()),
            (RunStatus::Done, Some(refusal))
        );
        let stopped = update(state, 1, ProgramRunAction::Stopped);
        assert_eq!(stopped.status, RunStatus::Cancelled);
    }

    #[test]
    fn edits_bump_the_version_and_a_link_sets_the_speed() {
        let doc = Rc::new(ProgramDoc::new(program_presets::all()[0].source));
        assert!(doc.preset().is_some());
        let edited = doc.clone().reduce(ProgramAction::Edit("print(1)\n".into()));
        assert_eq!((edited.version, edited.preset()), (1, None));
        let loaded = edited.reduce(ProgramAction::Load {
            source: "pass\n".into(),
            time_scale: Some(0.5),
        });
        assert_eq!(
            (loaded.version, loaded.time_scale, &*loaded.source),
            (2, 0.5, "pass\n")
        );
        let kept = loaded.reduce(ProgramAction::Load {
            source: "x\n".into(),
            time_scale: None,
        });
        assert_eq!(kept.time_scale, 0.5);
    }
}
