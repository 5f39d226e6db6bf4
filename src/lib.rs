//! Async Playground: Python's asyncio, run for real on the browser's event loop.
//!
//! The core (`scenario`, `pyvalue`, `engine`, `trace`, `python`, `presets`, `link`) is plain
//! Rust, tested natively. The browser runtime and the Yew page sit on top of it.

pub mod app;
pub mod edit;
pub mod engine;
pub mod event_loop;
pub mod explain;
pub mod json;
pub mod link;
pub mod predict;
pub mod presets;
pub mod program_history;
pub mod program_presets;
pub mod program_trace;
pub mod py;
pub mod python;
pub mod pyvalue;
pub mod runtime;
pub mod scenario;
pub mod scenario_engine;
pub mod stats;
pub mod time_travel;
pub mod timeline;
pub mod trace;
pub mod trace_export;
pub mod worker;
