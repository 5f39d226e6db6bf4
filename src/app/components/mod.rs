//! The page's components, each one part of the page.

pub mod banners;
pub mod compare;
pub mod console;
pub mod controls;
pub mod editor;
pub mod explanation;
pub mod legend;
pub mod predict;
pub mod python_code;
pub mod python_pane;
pub mod share;
pub mod time_travel;
pub mod timeline;
pub mod timeline_pane;
pub mod topbar;
