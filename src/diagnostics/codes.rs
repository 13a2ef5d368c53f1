//! The stable diagnostic codes. A code never changes meaning once released.

use std::fmt;

use super::Severity;

macro_rules! codes {
    ($($variant:ident = $code:literal, $severity:ident, $doc:literal;)*) => {
        /// A stable diagnostic code: `E…` for errors, `W…` for warnings.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $(#[doc = $doc] $variant,)*
        }

        impl Code {
            /// Every code, in order (for the docs and tests).
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The code as printed, e.g. `E010`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)* }
            }

            /// Whether the code is an error or a warning.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }

            /// One line on what the code means.
            pub fn describe(self) -> &'static str {
                match self { $(Code::$variant => $doc,)* }
            }
        }
    };
}

codes! {
    Io = "E001", Error, "a file or directory cannot be read";
    InvalidUtf8 = "E002", Error, "the file is not valid UTF-8";
    MergeConflict = "E003", Error, "the file has unresolved git merge-conflict markers";
    Syntax = "E004", Error, "the file is not valid TOML";
    Symlink = "E005", Error, "a symbolic link leads outside the records directory or loops";
    MissingTeam = "E006", Error, "team.toml is missing";
    TooLarge = "E007", Error, "a record file larger than 64 MiB";
    UnknownKey = "E010", Error, "a key that the record format does not have";
    WrongType = "E011", Error, "a value of the wrong type";
    MissingKey = "E012", Error, "a required key is missing";
    NotAllowed = "E013", Error, "a value outside its list of allowed values";
    OutOfRange = "E014", Error, "a number outside its valid range";
    InvalidId = "E015", Error, "an id that does not match ^[a-z0-9][a-z0-9-]{0,63}$, or the reserved `index`";
    DuplicateId = "E016", Error, "an id used twice";
    UnknownMember = "E017", Error, "a person who is not in team.toml";
    DateOrder = "E018", Error, "two dates in the wrong order";
    DuplicateRef = "E019", Error, "an order ref used twice in one customer";
    NegativeMoney = "E020", Error, "a negative amount of money";
    UnknownCustomer = "E021", Error, "a reference to a customer that does not exist";
    OwnerMismatch = "E022", Error, "the latest handover does not go to the customer's owner";
    MissingClosed = "E023", Error, "a won or lost opportunity without its closing date";
    InvalidSetting = "E024", Error, "a setting with an invalid value";
    MoneyOutOfBounds = "E025", Error, "an amount of money above 10^15 or with more than 6 decimals";
    DateOutOfRange = "E026", Error, "a date before 1800-01-01 (or after 9999-12-31)";
    FutureEntry = "W001", Warning, "an entry dated after today: left out of every computation";
    PaidWithoutDue = "W002", Warning, "an order marked paid that was not sold on credit";
    Unreachable = "W003", Warning, "no phone, e-mail or WeChat for the customer or any contact";
    Misplaced = "W004", Warning, "a .toml file that cardfile does not read";
    BirthdayOnCompany = "W005", Warning, "a birthday on a company customer";
    OwnerLeft = "W006", Warning, "the customer's owner has left the team";
    OrderAfterLoss = "W007", Warning, "an order after the customer was recorded as lost";
    WindowsDevice = "W008", Warning, "a customer id that is a device name on Windows (con, aux, nul, prn, com1…, lpt1…)";
    MissingReason = "W009", Warning, "a won or lost opportunity without the reason it was won or lost";
}

impl Code {
    /// Whether the code stands for an I/O problem (exit code 2). A link out of the records
    /// (E005) is a problem of the records (exit code 1), like a file that is too large.
    pub fn is_io(self) -> bool {
        matches!(self, Code::Io)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::Code;

    #[test]
    fn codes_are_unique_and_documented_in_the_record_reference() {
        let docs = include_str!("../../docs/records.md");
        let mut seen = std::collections::HashSet::new();
        for code in Code::ALL {
            assert!(seen.insert(code.as_str()), "{code} is used twice");
            assert!(!code.describe().is_empty());
            assert!(docs.contains(code.as_str()), "{code} ({}) is missing from docs/records.md", code.describe());
        }
    }
}
