//! Group study sessions: walkthroughs and quizzes generated from a transcript, kept in SQLite.

use crate::config::Settings;
use crate::engine::Engine;

/// Runs a study session for one person in the console.
pub fn console(
    engine: &Engine,
    settings: &Settings,
    quiz: bool,
    topic: Option<&str>,
) -> crate::Result<()> {
    let _ = (engine, settings, quiz, topic);
    Err(crate::Error::Config(
        "study sessions are not built yet".into(),
    ))
}
