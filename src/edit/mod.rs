//! Writing records: the commands that change them (`new`, `log`, `import`) edit the text in
//! place with `toml_edit`, validate the result like `check` before writing, and write
//! atomically ([`atomic`], one file; [`journal`], many as one step) under the records lock.

mod atomic;
mod check;
mod entries;
pub mod journal;
mod locate;
mod lock;
mod marks;
mod money;

pub use atomic::{create_atomic, refuse_link, write_atomic};
pub use check::{check_record, has_errors};
pub use entries::{append, column, count, date, newline, restyle, set, set_in, table_text};
pub use locate::{RecordText, customer_files, read_record};
pub use lock::{LOCK_FILE, Lock, lock};
pub use marks::{answer_complaint, deliver_order, keep_promise};
pub use money::money;
