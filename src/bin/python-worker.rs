//! The page's Python engine, loaded in a Web Worker (see `async_playground::worker`).

/// Counts what programs hold, so that one growing without bound gets `MemoryError`.
#[global_allocator]
static ALLOCATOR: async_playground::py::memory::CountingAllocator =
    async_playground::py::memory::CountingAllocator;

fn main() {
    async_playground::worker::serve();
}
