//! Generated asyncio programs against CPython 3.11: tasks that sleep, block, take a lock, pass
//! items through a bounded queue, wait on an event with a timeout, time out, fail, nest awaits
//! and print the loop's time, gathered, waited on or grouped in a TaskGroup by `main()`. Each
//! runs on CPython's own loop with a virtual clock and on the interpreter: the same lines at the
//! same times, the same last line of standard error, the same exit status.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::fmt::Write as _;

use async_playground::py::run::run_virtual;
use common::generate::Random;
use common::{difference, python, run_python};

const DELAYS: [&str; 8] = ["0", "0", "0.1", "0.2", "0.25", "0.3", "0.5", "1"];

fn delay(random: &mut Random) -> &'static str {
    DELAYS[random.below(DELAYS.len() as u64) as usize]
}

/// One statement of a worker's body, at `indent`.
fn step(random: &mut Random, worker: usize, i: usize, out: &mut String, indent: &str) {
    match random.below(12) {
        0 | 1 => {
            let _ = writeln!(out, "{indent}await asyncio.sleep({})", delay(random));
        }
        2 => {
            let _ = writeln!(out, "{indent}print(f'w{worker} step {i} at {{now():.6g}}')");
        }
        3 => {
            let _ = writeln!(
                out,
                "{indent}async with lock:\n{indent}    print('w{worker} holds the lock', lock.locked())\n{indent}    await asyncio.sleep({})",
                delay(random)
            );
        }
        4 => {
            let _ = writeln!(out, "{indent}await queue.put(('w{worker}', {i}))");
        }
        5 => {
            let _ = writeln!(
                out,
                "{indent}try:\n{indent}    item = await asyncio.wait_for(queue.get(), {})\n{indent}    print('w{worker} got', item)\n{indent}    queue.task_done()\n{indent}except asyncio.TimeoutError:\n{indent}    print('w{worker}: queue empty')",
                delay(random)
            );
        }
        6 => {
            let _ = writeln!(out, "{indent}event.set()");
        }
        7 => {
            let _ = writeln!(
                out,
                "{indent}try:\n{indent}    await asyncio.wait_for(event.wait(), {})\n{indent}    print('w{worker} saw the event')\n{indent}except TimeoutError:\n{indent}    print('w{worker} gave up waiting')",
                delay(random)
            );
        }
        8 => {
            let _ = writeln!(
                out,
                "{indent}time.sleep({})",
                *random.pick(&["0.05", "0.1", "0.3"])
            );
        }
        9 => {
            let _ = writeln!(
                out,
                "{indent}total = await helper({worker}, {})\n{indent}print('w{worker} helper gave', total)",
                delay(random)
            );
        }
        10 => {
            let _ = writeln!(
                out,
                "{indent}values.append(random.randint(1, 100))\n{indent}print('w{worker} drew', values[-1])"
            );
        }
        _ => {
            let _ = writeln!(out, "{indent}if len(values) > {}:\n{indent}    raise ValueError('w{worker} saw too many values')", random.below(4));
        }
    }
}

fn program(random: &mut Random, seed: u64) -> String {
    let mut out = String::from("import asyncio\nimport random\nimport time\n\n");
    let _ = writeln!(out, "random.seed({seed})");
    out.push_str(
        "values = []\n\n\ndef now():\n    return asyncio.get_running_loop().time() - START\n\n\n",
    );
    out.push_str("async def helper(n, d):\n    await asyncio.sleep(d)\n    return n * 10 + len(values)\n\n\n");
    let workers = 1 + random.below(5) as usize;
    for w in 0..workers {
        let _ = writeln!(out, "async def worker_{w}():");
        let steps = 1 + random.below(6) as usize;
        for i in 0..steps {
            step(random, w, i, &mut out, "    ");
        }
        let _ = writeln!(out, "    return 'w{w} done'\n\n");
    }
    out.push_str("async def main():\n    global START, lock, event, queue\n");
    out.push_str("    START = asyncio.get_running_loop().time()\n");
    let _ = writeln!(
        out,
        "    lock = asyncio.Lock()\n    event = asyncio.Event()\n    queue = asyncio.Queue(maxsize={})",
        random.below(3)
    );
    let calls: Vec<String> = (0..workers).map(|w| format!("worker_{w}()")).collect();
    match random.below(4) {
        0 => {
            let _ = writeln!(
                out,
                "    results = await asyncio.gather({}, return_exceptions=True)\n    print(results)",
                calls.join(", ")
            );
        }
        1 => {
            let _ = writeln!(
                out,
                "    tasks = [asyncio.create_task(c, name=f'job-{{i}}') for i, c in enumerate([{}])]\n    done, pending = await asyncio.wait(tasks, timeout={})\n    print(sorted(t.get_name() for t in done), sorted(t.get_name() for t in pending))\n    for t in pending:\n        t.cancel()\n    for t in tasks:\n        try:\n            print(t.get_name(), await t)\n        except asyncio.CancelledError:\n            print(t.get_name(), 'cancelled')\n        except ValueError as e:\n            print(t.get_name(), 'failed:', e)",
                calls.join(", "),
                *random.pick(&["0.2", "0.5", "1", "3"])
            );
        }
        2 => {
            let _ = writeln!(
                out,
                "    try:\n        async with asyncio.TaskGroup() as tg:\n            tasks = [tg.create_task(c) for c in [{}]]\n        print([t.result() for t in tasks])\n    except* ValueError as group:\n        print('failed:', sorted(str(e) for e in group.exceptions))",
                calls.join(", ")
            );
        }
        _ => {
            let _ = writeln!(
                out,
                "    tasks = [asyncio.create_task(c) for c in [{}]]\n    for next_done in asyncio.as_completed(tasks, timeout={}):\n        try:\n            print('as completed:', await next_done, f'{{now():.6g}}')\n        except ValueError as e:\n            print('as completed: error', e)\n        except asyncio.TimeoutError:\n            print('as completed: timed out')\n            break",
                calls.join(", "),
                *random.pick(&["0.5", "2", "5"])
            );
        }
    }
    out.push_str(
        "    print('main ends at', round(now(), 6), 'values', values)\n\n\nasyncio.run(main())\n",
    );
    out
}

#[test]
fn hundreds_of_generated_programs_print_what_cpython_prints() {
    let Some(python) = python() else {
        return;
    };
    let mut random = Random(0x0a5f_c0de_2026_1123);
    let sources: Vec<String> = (0..300).map(|i| program(&mut random, i)).collect();
    let runs = run_python(python, &sources);
    // The programs do something: most finish, and together they print thousands of lines.
    let finished = runs.iter().filter(|r| r.status == 0).count();
    let printed: usize = runs.iter().map(|r| r.lines.len()).sum();
    assert!(
        finished > 200 && printed > 2000,
        "{finished} finished, {printed} lines"
    );
    let failures: Vec<String> = sources
        .iter()
        .zip(&runs)
        .enumerate()
        .filter_map(|(i, (source, run))| {
            let (lines, status) = run_virtual(source, "<program>");
            difference(&lines, status, run).map(|why| format!("program #{i}: {why}\n{source}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} differ; the first:\n{}",
        failures.len(),
        sources.len(),
        failures.first().cloned().unwrap_or_default()
    );
}
