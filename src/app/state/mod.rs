//! What the page shows, as values changed only through actions: the document being edited
//! ([`doc`]), the page's own chrome ([`ui`]) and the runs of each strategy ([`runs`]); and when a
//! running run is redrawn ([`redraw`]). Plain Rust, tested natively; the hooks and components
//! sit on top.

pub mod doc;
pub mod program;
pub mod redraw;
pub mod run_log;
pub mod runs;
pub mod ui;
