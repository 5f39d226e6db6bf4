//! The page's hooks: runs, links, keyboard shortcuts, autosave, a run's history and predictions.

mod run_control;
pub mod use_actions;
pub mod use_autosave;
pub mod use_history;
pub mod use_link;
pub mod use_predict;
pub mod use_program;
pub mod use_runs;
pub mod use_shortcuts;

pub use use_actions::{use_actions, Actions};
pub use use_autosave::use_autosave;
pub use use_history::{use_history, use_instant, use_program_history, Scrub, TimeTravel};
pub use use_link::use_link;
pub use use_predict::use_predict;
pub use use_program::{use_program, Preview, ProgramHandle};
pub use use_runs::{use_runs, RunsHandle};
pub use use_shortcuts::use_shortcuts;
