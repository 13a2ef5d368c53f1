//! Rendering: turning the analysis into bytes (JSON, CSV; later HTML and iCalendar).
//! Renderers return text in memory; only the writer touches the disk.

pub mod csv;
pub mod json;
