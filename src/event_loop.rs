//! The bookkeeping of CPython's `BaseEventLoop`, on a logical clock: the ready queue, the timer
//! heap, and `_run_once`'s iterations. Whatever runs on it (the step engine, the Python VM)
//! schedules callbacks here and runs the ones [`EventLoop::next_step`] hands back, in that order.
//!
//! The clock is the one CPython's loop would read on an ideal machine: it moves only when the
//! loop waits for its next timer (by exactly the timeout `_run_once` computes) and when a
//! blocking call holds the loop ([`EventLoop::advance`]). How late a real timer fired never
//! changes what is due, so the same program always takes the same path.

use std::collections::VecDeque;

/// Seconds on the loop's clock (`loop.time()`), as CPython counts them: an `f64`.
pub type Seconds = f64;

/// `time.get_clock_info('monotonic').resolution` on Linux: timers due within it count as due.
pub const CLOCK_RESOLUTION: Seconds = 1e-9;
/// `base_events.MAXIMUM_SELECT_TIMEOUT`: the longest single wait of `_run_once`.
pub const MAXIMUM_SELECT_TIMEOUT: Seconds = 24.0 * 3600.0;
/// `_MIN_SCHEDULED_TIMER_HANDLES` and `_MIN_CANCELLED_TIMER_HANDLES_FRACTION`: when the heap
/// holds more than this many timers and over half are cancelled, it is rebuilt without them.
const MIN_SCHEDULED_TIMER_HANDLES: usize = 100;
const MIN_CANCELLED_TIMER_HANDLES_FRACTION: f64 = 0.5;

/// What the loop schedules. A handle may be cancelled after it was scheduled (`Handle.cancel`);
/// a cancelled handle is skipped when its turn comes, as CPython skips it.
pub trait Handle {
    fn cancelled(&self) -> bool {
        false
    }

    /// A number naming the handle in the loop's change log (see [`EventLoop::record_changes`]).
    fn id(&self) -> u32 {
        0
    }
}

/// A change to the ready queue or the timer heap, as the loop logs it when asked: what a view
/// of the loop at any past instant is rebuilt from (Python programs' time travel).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LoopChange {
    /// A callback joined the back of the ready queue (`call_soon`, or a timer fell due).
    ReadyPush(u32),
    /// The ready queue's front left it: to run, or skipped as cancelled.
    ReadyPop(u32),
    TimerPush {
        id: u32,
        when: Seconds,
    },
    /// A timer left the heap: fallen due (it is pushed on the ready queue next), or cancelled.
    TimerPop(u32),
    /// The loop was closed: its queue and heap emptied.
    Clear,
}

/// What the driver of the loop does next.
#[derive(Debug, PartialEq)]
pub enum Next<H> {
    /// Run this callback now.
    Run(H),
    /// Nothing is ready before this time: wait for it (really, or not at all on a virtual
    /// clock), then call `next_step` again.
    WaitUntil(Seconds),
    /// `loop.stop()` took effect at the end of an iteration: `run_forever` returns.
    Stopped,
    /// Nothing is ready and no timer is set: CPython's loop would wait forever.
    Idle,
}

#[derive(Clone)]
struct Scheduled<H> {
    when: Seconds,
    handle: H,
}

/// CPython's `_run_once`, one callback at a time.
#[derive(Clone)]
pub struct EventLoop<H> {
    time: Seconds,
    ready: VecDeque<H>,
    /// The timer heap, ordered exactly as `heapq` orders `TimerHandle`s (by `when` alone), so
    /// timers due at the same instant come out in the order CPython's heap gives them.
    scheduled: Vec<Scheduled<H>>,
    timer_cancelled_count: usize,
    stopping: bool,
    /// Callbacks left in the current iteration (those scheduled meanwhile wait for the next).
    batch_remaining: usize,
    in_iteration: bool,
    /// The timeout of a wait handed to the driver, applied when it calls `next_step` again.
    waiting: Option<Seconds>,
    /// `_run_once` iterations begun so far.
    iterations: u64,
    /// The change log, when asked for.
    changes: Option<Vec<LoopChange>>,
    /// The self-pipe's reader, once `call_soon_threadsafe` has written to the pipe.
    self_reader: Option<H>,
}

impl<H: Handle> Default for EventLoop<H> {
    fn default() -> Self {
        EventLoop::new()
    }
}

impl<H: Handle> EventLoop<H> {
    pub fn new() -> EventLoop<H> {
        EventLoop {
            time: 0.0,
            ready: VecDeque::new(),
            scheduled: Vec::new(),
            timer_cancelled_count: 0,
            stopping: false,
            batch_remaining: 0,
            in_iteration: false,
            waiting: None,
            iterations: 0,
            changes: None,
            self_reader: None,
        }
    }

    /// From now on, every change to the queue and the heap is logged until taken.
    pub fn record_changes(&mut self) {
        self.changes.get_or_insert_with(Vec::new);
    }

    /// The changes logged since the last call (none when not recording).
    pub fn take_changes(&mut self) -> Vec<LoopChange> {
        self.changes
            .as_mut()
            .map(std::mem::take)
            .unwrap_or_default()
    }

    fn log(&mut self, change: LoopChange) {
        if let Some(changes) = &mut self.changes {
            changes.push(change);
        }
    }

    /// How many `_run_once` iterations have begun (the current one included).
    pub fn iterations(&self) -> u64 {
        self.iterations
    }

    /// `loop.time()`.
    pub fn time(&self) -> Seconds {
        self.time
    }

    /// A blocking call (`time.sleep`, CPU-bound code) held the loop this long.
    pub fn advance(&mut self, seconds: Seconds) {
        if seconds > 0.0 {
            self.time += seconds;
        }
    }

    /// The driver's clock reached `now` (the wait handed out ended, or a blocking call held the
    /// loop): the loop's time follows. `now` is exactly the instant a wait asked for, so the
    /// iteration goes on as if its wait had just returned.
    pub fn catch_up(&mut self, now: Seconds) {
        if now > self.time {
            self.time = now;
            self.waiting = None;
        }
    }

    /// `loop.call_soon(callback)`.
    pub fn call_soon(&mut self, handle: H) {
        self.log(LoopChange::ReadyPush(handle.id()));
        self.ready.push_back(handle);
    }

    /// `call_soon_threadsafe` wrote to the loop's self-pipe: its next select returns at once,
    /// and the pipe's `reader` (`_read_from_self`, which drains every byte written) runs in
    /// that iteration, ahead of the timers then due, as `_process_events` queues it.
    pub fn write_to_self(&mut self, reader: H) {
        self.self_reader.get_or_insert(reader);
    }

    /// `loop.call_at(when, callback)`.
    pub fn call_at(&mut self, when: Seconds, handle: H) {
        self.log(LoopChange::TimerPush {
            id: handle.id(),
            when,
        });
        self.scheduled.push(Scheduled { when, handle });
        let last = self.scheduled.len() - 1;
        self.sift_down(0, last);
    }

    /// `loop.call_later(delay, callback)`: due at `time() + delay`, computed as CPython does.
    pub fn call_later(&mut self, delay: Seconds, handle: H) {
        self.call_at(self.time + delay, handle);
    }

    /// A timer still in the heap was cancelled (`_timer_handle_cancelled`).
    pub fn timer_cancelled(&mut self) {
        self.timer_cancelled_count += 1;
    }

    /// `loop.stop()`: the loop stops at the end of the current iteration.
    pub fn stop(&mut self) {
        self.stopping = true;
    }

    pub fn ready_len(&self) -> usize {
        self.ready.len()
    }

    pub fn timer_count(&self) -> usize {
        self.scheduled.len()
    }

    /// The ready callbacks, in the order they will run.
    pub fn ready(&self) -> impl Iterator<Item = &H> {
        self.ready.iter()
    }

    /// The pending timers and their deadlines, in heap order (not sorted).
    pub fn timers(&self) -> impl Iterator<Item = (Seconds, &H)> {
        self.scheduled.iter().map(|s| (s.when, &s.handle))
    }

    /// The first `limit` pending timers in the order they will fire (equal deadlines as the
    /// heap gives them).
    pub fn timers_in_order(&self, limit: usize) -> Vec<(Seconds, H)>
    where
        H: Clone,
    {
        let mut heap = EventLoop {
            scheduled: self.scheduled.clone(),
            ..EventLoop::new()
        };
        let mut timers = Vec::with_capacity(heap.scheduled.len().min(limit));
        while timers.len() < limit {
            let Some(next) = heap.pop_timer() else {
                break;
            };
            timers.push((next.when, next.handle));
        }
        timers
    }

    /// Drops every callback and timer: the loop is closed.
    pub fn clear(&mut self) {
        self.log(LoopChange::Clear);
        self.ready.clear();
        self.scheduled.clear();
        self.timer_cancelled_count = 0;
        self.batch_remaining = 0;
        self.in_iteration = false;
        self.waiting = None;
        self.stopping = false;
        self.self_reader = None;
    }

    /// The next callback to run, or why there is none.
    pub fn next_step(&mut self) -> Next<H> {
        loop {
            if self.batch_remaining > 0 {
                self.batch_remaining -= 1;
                let Some(handle) = self.ready.pop_front() else {
                    self.batch_remaining = 0;
                    continue;
                };
                self.log(LoopChange::ReadyPop(handle.id()));
                if handle.cancelled() {
                    continue;
                }
                return Next::Run(handle);
            }
            if self.in_iteration {
                // `run_forever` checks `_stopping` after each whole iteration.
                self.in_iteration = false;
                if self.stopping {
                    self.stopping = false;
                    return Next::Stopped;
                }
            }
            if let Some(timeout) = self.waiting.take() {
                self.time += timeout;
            } else {
                self.drop_cancelled_timers();
                let timeout =
                    if !self.ready.is_empty() || self.stopping || self.self_reader.is_some() {
                        0.0
                    } else if let Some(first) = self.scheduled.first() {
                        (first.when - self.time).clamp(0.0, MAXIMUM_SELECT_TIMEOUT)
                    } else {
                        return Next::Idle;
                    };
                if timeout > 0.0 {
                    self.waiting = Some(timeout);
                    return Next::WaitUntil(self.time + timeout);
                }
            }
            if let Some(reader) = self.self_reader.take() {
                self.log(LoopChange::ReadyPush(reader.id()));
                self.ready.push_back(reader);
            }
            let end_time = self.time + CLOCK_RESOLUTION;
            while self.scheduled.first().is_some_and(|s| s.when < end_time) {
                if let Some(due) = self.pop_timer() {
                    self.log(LoopChange::ReadyPush(due.handle.id()));
                    self.ready.push_back(due.handle);
                }
            }
            self.batch_remaining = self.ready.len();
            self.in_iteration = true;
            self.iterations += 1;
        }
    }

    /// The start of `_run_once`: cancelled timers leave the heap, all of them when they are
    /// many, else those at its head.
    fn drop_cancelled_timers(&mut self) {
        let count = self.scheduled.len();
        if count > MIN_SCHEDULED_TIMER_HANDLES
            && self.timer_cancelled_count as f64 / count as f64
                > MIN_CANCELLED_TIMER_HANDLES_FRACTION
        {
            if let Some(changes) = &mut self.changes {
                let dropped = self.scheduled.iter().filter(|s| s.handle.cancelled());
                changes.extend(dropped.map(|s| LoopChange::TimerPop(s.handle.id())));
            }
            self.scheduled.retain(|s| !s.handle.cancelled());
            self.heapify();
            self.timer_cancelled_count = 0;
        } else {
            while self.scheduled.first().is_some_and(|s| s.handle.cancelled()) {
                self.timer_cancelled_count = self.timer_cancelled_count.saturating_sub(1);
                self.pop_timer();
            }
        }
    }

    // The heap below follows the algorithm of Python's `heapq` step for step (push sifts the
    // new item toward the root; pop moves the last item to the root, walks it down along the
    // smaller child, preferring the right one on a tie, then sifts it back up), because the
    // order in which equal deadlines leave the heap depends on it.

    fn pop_timer(&mut self) -> Option<Scheduled<H>> {
        let last = self.scheduled.pop()?;
        let first = if self.scheduled.is_empty() {
            last
        } else {
            let first = std::mem::replace(&mut self.scheduled[0], last);
            self.sift_up(0);
            first
        };
        self.log(LoopChange::TimerPop(first.handle.id()));
        Some(first)
    }

    fn heapify(&mut self) {
        for i in (0..self.scheduled.len() / 2).rev() {
            self.sift_up(i);
        }
    }

    fn sift_down(&mut self, start: usize, mut pos: usize) {
        while pos > start {
            let parent = (pos - 1) / 2;
            if self.scheduled[pos].when < self.scheduled[parent].when {
                self.scheduled.swap(pos, parent);
                pos = parent;
            } else {
                break;
            }
        }
    }

    fn sift_up(&mut self, mut pos: usize) {
        let end = self.scheduled.len();
        let start = pos;
        let mut child = 2 * pos + 1;
        while child < end {
            let right = child + 1;
            if right < end && self.scheduled[child].when >= self.scheduled[right].when {
                child = right;
            }
            self.scheduled.swap(pos, child);
            pos = child;
            child = 2 * pos + 1;
        }
        self.sift_down(start, pos);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Copy, Debug, PartialEq)]
    struct Id(usize);
    impl Handle for Id {}

    /// Runs the loop on a virtual clock: `(time, id)` of each callback, in order.
    fn drain(event_loop: &mut EventLoop<Id>) -> Vec<(Seconds, usize)> {
        let mut ran = Vec::new();
        loop {
            match event_loop.next_step() {
                Next::Run(Id(id)) => ran.push((event_loop.time(), id)),
                Next::WaitUntil(_) => {}
                Next::Stopped | Next::Idle => return ran,
            }
        }
    }

    #[test]
    fn equal_deadlines_leave_the_heap_in_heapq_order() {
        // CPython 3.11 on a virtual clock prints 0 2 5 4 1 3 for six tasks that each
        // `await asyncio.sleep(0.1)` under one gather: its heap is not first-in, first-out.
        let mut event_loop = EventLoop::new();
        for id in 0..6 {
            event_loop.call_later(0.1, Id(id));
        }
        let order: Vec<usize> = drain(&mut event_loop).into_iter().map(|r| r.1).collect();
        assert_eq!(order, [0, 2, 5, 4, 1, 3]);
    }

    #[test]
    fn every_due_timer_joins_the_iteration_after_the_ready_callbacks() {
        let mut event_loop = EventLoop::new();
        event_loop.call_later(0.5, Id(1));
        event_loop.call_later(0.2, Id(2));
        event_loop.call_soon(Id(3));
        // Callback 3 blocks the loop for a second: both timers are due at the next iteration,
        // in deadline order.
        assert_eq!(event_loop.next_step(), Next::Run(Id(3)));
        event_loop.advance(1.0);
        event_loop.call_soon(Id(4));
        assert_eq!(drain(&mut event_loop), [(1.0, 4), (1.0, 2), (1.0, 1)]);
    }

    #[test]
    fn waiting_moves_the_clock_by_the_timeout_only() {
        let mut event_loop = EventLoop::new();
        event_loop.call_later(0.1, Id(1));
        assert_eq!(event_loop.next_step(), Next::WaitUntil(0.1));
        assert_eq!(event_loop.next_step(), Next::Run(Id(1)));
        event_loop.call_later(0.2, Id(2));
        match event_loop.next_step() {
            Next::WaitUntil(t) => assert_eq!(t, 0.1 + (0.30000000000000004 - 0.1)),
            other => panic!("{other:?}"),
        }
        assert_eq!(event_loop.next_step(), Next::Run(Id(2)));
        assert_eq!(event_loop.time(), 0.1 + (0.1 + 0.2 - 0.1));
        assert_eq!(event_loop.next_step(), Next::Idle);
    }

    #[test]
    fn stop_ends_the_iteration_it_was_called_in() {
        let mut event_loop = EventLoop::new();
        event_loop.call_soon(Id(1));
        event_loop.call_soon(Id(2));
        assert_eq!(event_loop.next_step(), Next::Run(Id(1)));
        event_loop.stop();
        event_loop.call_soon(Id(3));
        assert_eq!(event_loop.next_step(), Next::Run(Id(2)));
        assert_eq!(event_loop.next_step(), Next::Stopped);
        assert_eq!(event_loop.next_step(), Next::Run(Id(3)));
    }

    #[derive(Clone, Debug, PartialEq)]
    struct Cancellable(usize, std::rc::Rc<std::cell::Cell<bool>>);
    impl Handle for Cancellable {
        fn cancelled(&self) -> bool {
            self.1.get()
        }
    }

    #[test]
    fn cancelled_handles_are_skipped() {
        let mut event_loop = EventLoop::new();
        let flag = std::rc::Rc::new(std::cell::Cell::new(false));
        event_loop.call_later(1.0, Cancellable(1, flag.clone()));
        event_loop.call_later(2.0, Cancellable(2, Default::default()));
        flag.set(true);
        event_loop.timer_cancelled();
        assert_eq!(event_loop.next_step(), Next::WaitUntil(2.0));
        match event_loop.next_step() {
            Next::Run(Cancellable(id, _)) => assert_eq!(id, 2),
            other => panic!("{other:?}"),
        }
    }
}
