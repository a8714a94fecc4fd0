//! Errors that say whose fault they are.
//!
//! `UserError`: the person asking typed something we cannot serve (unknown topic, empty or
//! oversized question). It is shown to them as it is. `DataError`: a data or configuration file
//! is wrong; the operator fixes it, the message names the file and line. Everything else is
//! ours (I/O, the index): logged in full, shown to a user as a short apology.
//! [`Error::user_message`] is the one place that turns an error into what a user reads, in
//! either language.

use std::path::{Path, PathBuf};

use crate::locale::Lang;

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
    /// Reading or writing a file failed. The OS error is part of the message and not a
    /// `source` too, so a report of the chain (`{:#}`) says it once.
    #[error("{}: {error}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What failed.
        error: std::io::Error,
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
    /// A date option that is no date.
    #[error("“{0}” is not a date: use 2019-05-20, 2019-05 or 2019")]
    BadDate(String),
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
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
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
            error: source,
        }
    }

    /// True when the person asking can fix it.
    pub fn is_user_fault(&self) -> bool {
        matches!(self, Error::User(_))
    }

    /// What a user of the bot or the console reads, in `lang`. User faults are said as they
    /// are; ours become a short apology (the front logs the full error, see
    /// [`Error::log_if_ours`]).
    pub fn user_message(&self, lang: Lang) -> String {
        match self {
            Error::User(e) => e.message(lang),
            _ => lang
                .pick(
                    "抱歉，我们这边出了点问题，已记录下来。",
                    "Sorry, something went wrong on our side; it has been logged.",
                )
                .to_string(),
        }
    }

    /// Logs an error that is ours (not the user's), with its causes, saying what was being
    /// done; a user's fault is not logged. Fronts call it once, where they tell the user.
    pub fn log_if_ours(&self, during: &str) {
        if !self.is_user_fault() {
            tracing::error!(during, "{}", with_causes(self));
        }
    }
}

/// An error and the causes its own message does not already include.
pub fn with_causes(error: &dyn std::error::Error) -> String {
    let mut out = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !out.contains(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
        source = cause.source();
    }
    out
}

impl UserError {
    /// The message in `lang` (English is the `Display` text).
    pub fn message(&self, lang: Lang) -> String {
        match (lang, self) {
            (Lang::En, e) => e.to_string(),
            (Lang::Zh, UserError::EmptyQuestion) => {
                "问题是空的：请输入一个问题，例如「中方对人工智能合作持什么立场？」".into()
            }
            (Lang::Zh, UserError::QuestionTooLong { chars, max }) => {
                format!("问题太长了（{chars} 个字符，最多 {max} 个）：请问得简短一些。")
            }
            (Lang::Zh, UserError::UnknownTopic(t)) => {
                format!("没有与「{t}」相符的话题：用 /topic 查看所有话题。")
            }
            (Lang::Zh, UserError::UnknownCitation(c)) => {
                format!("没有与引用「{c}」相符的段落（格式如 `2024-03-07 王毅记者会 ¶23`）。")
            }
            (Lang::Zh, UserError::BadDate(d)) => {
                format!("「{d}」不是日期：请写成 2019-05-20、2019-05 或 2019。")
            }
            (Lang::Zh, UserError::NoSession) => "这里没有进行中的学习会。".into(),
            (Lang::Zh, UserError::SessionRunning) => {
                "这里已经有一场学习会在进行：请先用 /study end 结束它。".into()
            }
            (Lang::Zh, UserError::NotHost) => {
                "只有本次学习会的发起人（或有“管理子区”权限的成员）可以这样做。".into()
            }
            (Lang::Zh, UserError::RateLimited { seconds }) => {
                format!("问得太快了，请 {seconds} 秒后再试。")
            }
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
        for lang in [Lang::Zh, Lang::En] {
            assert!(!e.user_message(lang).contains("/secret"));
        }
        assert_eq!(Lang::of_text(&e.user_message(Lang::Zh)), Lang::Zh);
        assert!(Error::from(UserError::EmptyQuestion).is_user_fault());
        assert_eq!(with_causes(&e), "/secret/path: disk");
    }

    #[test]
    fn every_user_error_has_a_chinese_message() {
        let all = [
            UserError::EmptyQuestion,
            UserError::QuestionTooLong {
                chars: 600,
                max: 500,
            },
            UserError::UnknownTopic("x".into()),
            UserError::UnknownCitation("x".into()),
            UserError::BadDate("x".into()),
            UserError::NoSession,
            UserError::SessionRunning,
            UserError::NotHost,
            UserError::RateLimited { seconds: 3 },
        ];
        for e in &all {
            let zh = Error::from(e.clone()).user_message(Lang::Zh);
            assert!(Lang::of_text(&zh) == Lang::Zh, "{zh}");
            assert_eq!(Error::from(e.clone()).user_message(Lang::En), e.to_string());
        }
    }
}
