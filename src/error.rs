//! Errors that say whose fault they are.
//!
//! `UserError`: the person asking typed something we cannot serve (unknown topic, empty or
//! oversized question). It is shown to them as it is. `DataError`: a data or configuration file
//! is wrong; the operator fixes it, the message names the file and line. Everything else is
//! ours (I/O, the index): logged in full, shown to a user as a short apology.
//! [`Error::user_message`] is the one place that turns an error into what a user reads.

use std::path::{Path, PathBuf};

/// The library's error.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Something the user asked for cannot be served.
    #[error(transparent)]
    User(#[from] UserError),
    /// A data or configuration file is wrong (the operator's to fix).
    #[error(transparent)]
    Data(#[from] DataError),
    /// A bad configuration value.
    #[error("configuration: {0}")]
    Config(String),
    /// Reading or writing a file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What failed.
        source: std::io::Error,
    },
    /// The search index failed.
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// The study store failed.
    #[error("store: {0}")]
    Store(String),
    /// A call to Discord failed (network, an HTTP error, a rejected body).
    #[error("discord: {0}")]
    Discord(#[from] Box<serenity::Error>),
}

impl From<serenity::Error> for Error {
    fn from(e: serenity::Error) -> Error {
        Error::Discord(Box::new(e))
    }
}

/// A request the user can fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UserError {
    /// The question is empty or only punctuation.
    #[error("the question is empty: type a question, e.g. 中方对人工智能合作持什么立场？")]
    EmptyQuestion,
    /// The question is longer than we accept.
    #[error("the question is too long ({chars} characters; at most {max}): ask something shorter")]
    QuestionTooLong {
        /// Its length.
        chars: usize,
        /// The limit.
        max: usize,
    },
    /// No exchange matches a topic name.
    #[error("no topic matches “{0}”: list them with `topics` (or /topic in Discord)")]
    UnknownTopic(String),
    /// No paragraph matches a citation.
    #[error("no paragraph matches the citation “{0}” (expected e.g. `2024-03-07 王毅记者会 ¶23`)")]
    UnknownCitation(String),
    /// A study session that does not exist or has ended.
    #[error("there is no study session running here")]
    NoSession,
    /// A study session is already running here.
    #[error("a study session is already running here: finish it with /study end first")]
    SessionRunning,
    /// Only the host or a moderator may do this.
    #[error("only the host of this session (or someone with Manage Threads) can do that")]
    NotHost,
    /// Too many questions too fast.
    #[error("slow down a little: try again in {seconds} s")]
    RateLimited {
        /// Seconds until the next question is accepted.
        seconds: u64,
    },
}

/// A data or configuration file that cannot be used, with the line where it applies.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{}: {message}", path.display(), line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct DataError {
    /// The file.
    pub path: PathBuf,
    /// The 1-based line, where one applies.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: &Path, source: std::io::Error) -> Error {
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    /// True when the person asking can fix it.
    pub fn is_user_fault(&self) -> bool {
        matches!(self, Error::User(_))
    }

    /// What a user of the bot or the console reads. User faults are shown as they are; ours
    /// become a short apology (the full error goes to the log).
    pub fn user_message(&self) -> String {
        match self {
            Error::User(e) => e.to_string(),
            _ => "Sorry, something went wrong on our side; it has been logged.".to_string(),
        }
    }
}

/// The library's result.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_error_names_file_and_line() {
        let e = DataError {
            path: "a/b.txt".into(),
            line: Some(7),
            message: "bad".into(),
        };
        assert_eq!(e.to_string(), "a/b.txt:7: bad");
        let e = DataError {
            path: "a/b.txt".into(),
            line: None,
            message: "empty file".into(),
        };
        assert_eq!(e.to_string(), "a/b.txt: empty file");
    }

    #[test]
    fn internal_errors_are_not_shown_to_users() {
        let e = Error::io(Path::new("/secret/path"), std::io::Error::other("disk"));
        assert!(!e.user_message().contains("/secret"));
        assert!(Error::from(UserError::EmptyQuestion).is_user_fault());
    }
}
