//! A program that grows without bound gets `MemoryError` at the playground's limit, as the
//! page's worker runs it (the same counting allocator), instead of the worker crashing.
#![cfg(not(target_arch = "wasm32"))]

use async_playground::py::memory::CountingAllocator;
use async_playground::py::run::run_virtual;

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

fn stderr_tail(source: &str) -> (Vec<String>, i32) {
    let (lines, status) = run_virtual(source, "main.py");
    let stderr = lines
        .iter()
        .filter(|l| l.stderr)
        .map(|l| l.text.clone())
        .collect();
    (stderr, status)
}

#[test]
fn a_program_that_grows_without_bound_gets_memory_error_and_may_handle_it() {
    let source = "chunks = []\ntry:\n    while True:\n        chunks.append('x' * 100_000 + str(len(chunks)))\n\
                  except MemoryError:\n    held = len(chunks)\n    chunks = None\n    print('recovered after', held > 5000)\n";
    let (lines, status) = run_virtual(source, "main.py");
    assert_eq!(status, 0, "{lines:?}");
    assert_eq!(
        lines.last().map(|l| l.text.as_str()),
        Some("recovered after True")
    );

    let source = "import asyncio\n\nasync def work(payload):\n    await asyncio.sleep(1)\n\n\
                  async def main():\n    tasks = []\n    while True:\n        tasks.append(asyncio.create_task(work('x' * 100_000 + str(len(tasks)))))\n\n\
                  asyncio.run(main())\n";
    let (stderr, status) = stderr_tail(source);
    assert_eq!(status, 1);
    assert_eq!(
        stderr.last().map(String::as_str),
        Some("MemoryError"),
        "{:?}",
        &stderr[stderr.len().saturating_sub(8)..]
    );
    assert!(stderr
        .iter()
        .any(|l| l
            .contains("tasks.append(asyncio.create_task(work('x' * 100_000 + str(len(tasks)))))")));
}
