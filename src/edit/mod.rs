//! Writing records: the commands that change them (`new`, `log`) edit the text in place with
//! `toml_edit`, validate the result like `check` before writing, and write atomically under
//! a lock.

mod atomic;
mod check;
mod entries;
mod locate;
mod lock;
mod money;

pub use atomic::{create_atomic, write_atomic};
pub use check::{check_record, has_errors};
pub use entries::{append, column, count, date, set};
pub use locate::{RecordText, customer_files, read_record};
pub use lock::{Lock, lock};
pub use money::money;
