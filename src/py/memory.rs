//! How much memory a program holds. The Python engine's worker counts every allocation (see
//! [`CountingAllocator`]); past [`LIMIT`] the running program gets `MemoryError`, as it would
//! from CPython on a machine without more memory, instead of the worker running out of its
//! 4 GB address space and crashing. Where the allocator is not installed (the command line, the
//! tests) nothing is counted and no limit applies.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The memory a program may hold before `MemoryError`.
pub const LIMIT: usize = 1 << 30;

/// Room given to a program after a `MemoryError`, for its handlers and traceback.
const HEADROOM: usize = 256 << 20;

static ALLOCATED: AtomicUsize = AtomicUsize::new(0);
static CEILING: AtomicUsize = AtomicUsize::new(LIMIT);

/// The system allocator, counting the bytes it holds.
pub struct CountingAllocator;

unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let pointer = System.alloc(layout);
        if !pointer.is_null() {
            ALLOCATED.fetch_add(layout.size(), Ordering::Relaxed);
        }
        pointer
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        System.dealloc(pointer, layout);
        ALLOCATED.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, pointer: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let moved = System.realloc(pointer, layout, new_size);
        if !moved.is_null() {
            ALLOCATED.fetch_sub(layout.size(), Ordering::Relaxed);
            ALLOCATED.fetch_add(new_size, Ordering::Relaxed);
        }
        moved
    }
}

/// Whether the program holds more than it may: then it gets `MemoryError` once, and room to
/// handle it before the next.
pub fn exhausted() -> bool {
    past_ceiling(&ALLOCATED, &CEILING)
}

fn past_ceiling(allocated: &AtomicUsize, ceiling: &AtomicUsize) -> bool {
    let held = allocated.load(Ordering::Relaxed);
    if held <= ceiling.load(Ordering::Relaxed) {
        return false;
    }
    ceiling.store(held + HEADROOM, Ordering::Relaxed);
    true
}

/// A new program starts with the whole limit again.
pub fn reset() {
    CEILING.store(
        LIMIT.max(ALLOCATED.load(Ordering::Relaxed) + HEADROOM),
        Ordering::Relaxed,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_the_ceiling_a_program_is_told_once_then_given_room() {
        // The counters of a test of its own (the global ones are shared by every test).
        let (allocated, ceiling) = (AtomicUsize::new(LIMIT), AtomicUsize::new(LIMIT));
        assert!(!past_ceiling(&allocated, &ceiling));
        allocated.store(LIMIT + 1, Ordering::Relaxed);
        assert!(past_ceiling(&allocated, &ceiling));
        assert!(!past_ceiling(&allocated, &ceiling), "room to handle it");
        allocated.store(LIMIT + 1 + HEADROOM + 1, Ordering::Relaxed);
        assert!(past_ceiling(&allocated, &ceiling));
        // Without the counting allocator, nothing is counted.
        assert!(!exhausted());
    }
}
