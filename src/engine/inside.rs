//! The engine seen from inside, for time travel: stepping one callback at a time on the virtual
//! clock, copying the whole engine at an instant, and describing the loop's state then (the
//! ready queue, the timers, every task) in the terms of [`crate::time_travel`].

use std::rc::Rc;

use super::{Body, Callback, Engine, Next, Outcome, Runner, VirtualClock, MAIN};
use crate::time_travel::{
    Awaiting, CallbackView, CodeSpot, LoopInside, TaskState, TaskView, TimerView,
};

impl Engine {
    /// An independent copy of this engine as it is now, on the virtual clock (a history's
    /// snapshot); the events recorded so far stay with the original.
    pub(crate) fn fork(&self) -> Engine {
        Engine {
            clock: Box::new(VirtualClock),
            strategy: self.strategy,
            coroutines: self.coroutines.clone(),
            futures: self.futures.clone(),
            tasks: self.tasks.clone(),
            event_loop: self.event_loop.clone(),
            new_deadlines: Vec::new(),
            events: Vec::new(),
            gather: self.gather.clone(),
            done_queue: self.done_queue.clone(),
            pending_getter: self.pending_getter,
            finished: self.finished,
        }
    }

    /// On the virtual clock: takes the next callback off the ready queue (moving the clock to
    /// the next timer when nothing is ready), or shuts the run down and returns None.
    pub(crate) fn next_callback(&mut self) -> Option<Callback> {
        while !self.finished {
            match self.event_loop.next_step() {
                Next::Run(callback) => return Some(callback),
                Next::WaitUntil(_) => {}
                Next::Stopped | Next::Idle => self.shutdown(),
            }
        }
        None
    }

    /// About how much a copy of this engine holds: its tasks, futures and scheduled callbacks.
    pub(crate) fn weight(&self) -> usize {
        self.tasks.len()
            + self.futures.len()
            + self.event_loop.ready_len()
            + self.event_loop.timer_count()
    }

    pub(crate) fn iterations(&self) -> u64 {
        self.event_loop.iterations()
    }

    fn label(&self, task: usize) -> String {
        match self.tasks.get(task).and_then(|t| t.lane) {
            Some(lane) => self.coroutines[lane].name.clone(),
            None => "main()".to_owned(),
        }
    }

    /// Who sleeps in a task: the task, or the coroutine main() runs inline.
    fn sleeper(&self, task: usize) -> String {
        if let Body::Main(main) = &self.tasks[task].body {
            if let Some(runner) = &main.inline {
                return self.coroutines[runner.lane].name.clone();
            }
        }
        self.label(task)
    }

    /// The task a callback concerns, and what it does, as the page shows it.
    pub(crate) fn describe(&self, callback: Callback) -> CallbackView {
        match callback {
            Callback::Step(task) => {
                let starts = !self.tasks[task].started;
                CallbackView::Step {
                    task: self.label(task),
                    starts,
                }
            }
            Callback::SleepTimer(future) => {
                // The sleeper is the task waiting on the timer's future, or in `sequential` the
                // coroutine main() is running inline.
                let sleeper = self.futures[future].callbacks.iter().find_map(|c| match c {
                    Callback::Step(task) => Some(self.sleeper(*task)),
                    _ => None,
                });
                CallbackView::Timer {
                    task: sleeper.unwrap_or_else(|| "?".to_owned()),
                }
            }
            Callback::GatherChildDone(child) => CallbackView::GatherChildDone {
                child: self.label(child),
            },
            Callback::AsCompletedChildDone(child) => CallbackView::AsCompletedChildDone {
                child: self.label(child),
            },
            Callback::StopLoop => CallbackView::StopLoop {
                of: "main()".to_owned(),
            },
        }
    }

    /// Where a task's code stands: the innermost coroutine it runs and the step it is suspended
    /// at (its `async def` before the first step).
    fn code_spot(&self, task: usize) -> Option<CodeSpot> {
        let spot = |runner: &Runner| {
            runner.frames.last().map(|frame| CodeSpot {
                coroutine: Rc::as_ptr(&frame.coroutine) as usize,
                step: frame.next_step.checked_sub(1),
            })
        };
        match &self.tasks[task].body {
            Body::User(runner) => spot(runner),
            Body::Main(main) => main.inline.as_ref().and_then(spot),
            Body::Running => None,
        }
    }

    /// What a task waits on, when it is suspended.
    fn awaiting(&self, task: usize) -> Option<Awaiting> {
        if let Body::User(runner) = &self.tasks[task].body {
            if let Some(until) = runner.sleeping_until {
                return Some(Awaiting::Sleep { until_ms: until });
            }
        }
        if task != MAIN {
            return None;
        }
        // `main()` waits on what its strategy awaits.
        if let Body::Main(main) = &self.tasks[MAIN].body {
            if let Some(runner) = &main.inline {
                if let Some(until) = runner.sleeping_until {
                    return Some(Awaiting::Sleep { until_ms: until });
                }
            }
            if self.gather.is_some() {
                return Some(Awaiting::Gather);
            }
            if self.pending_getter.is_some() {
                return Some(Awaiting::AsCompleted);
            }
            if let Some(&child) = main.children.get(main.next) {
                return Some(Awaiting::Task(self.label(child)));
            }
        }
        None
    }

    /// The loop's state now; `running` is the callback taken off the queue and about to run.
    /// Each list stops after `limit` items (the counts are whole).
    pub(crate) fn inside(
        &self,
        callback: usize,
        running: Option<Callback>,
        limit: usize,
    ) -> LoopInside {
        let running_task = match running {
            Some(Callback::Step(task)) => Some(task),
            _ => None,
        };
        let mut queued = vec![false; self.tasks.len()];
        for callback in self.event_loop.ready() {
            if let Callback::Step(task) = callback {
                if let Some(flag) = queued.get_mut(*task) {
                    *flag = true;
                }
            }
        }
        let mut state_counts = [0; TaskState::ALL.len()];
        let mut tasks = Vec::new();
        for (id, task) in self.tasks.iter().enumerate() {
            let state = match self.futures[task.future].outcome {
                Some(Outcome::Value(_)) => TaskState::Done,
                Some(Outcome::Error(_)) => TaskState::Failed,
                Some(Outcome::Cancelled) => TaskState::Cancelled,
                None if running_task == Some(id) => TaskState::Running,
                None if !task.started => TaskState::Pending,
                None if queued[id] => TaskState::Ready,
                None => TaskState::Waiting,
            };
            state_counts[state as usize] += 1;
            if tasks.len() < limit {
                let awaiting = match state {
                    TaskState::Waiting => self.awaiting(id),
                    _ => None,
                };
                tasks.push(TaskView {
                    label: self.label(id),
                    state,
                    awaiting,
                    at: self.code_spot(id),
                    line: None,
                });
            }
        }
        LoopInside {
            callback,
            iteration: self.iterations(),
            time_ms: self.logical_now(),
            running: running.map(|c| self.describe(c)),
            ready: self
                .event_loop
                .ready()
                .take(limit)
                .map(|&c| self.describe(c))
                .collect(),
            ready_total: self.event_loop.ready_len(),
            timers: self
                .event_loop
                .timers_in_order(limit)
                .into_iter()
                .map(|(when, c)| TimerView {
                    deadline_ms: when * 1000.0,
                    what: self.describe(c),
                })
                .collect(),
            timers_total: self.event_loop.timer_count(),
            tasks,
            state_counts,
            finished: self.finished,
        }
    }
}
