//! Discord replies as pure functions of the reply and study models, one file per kind of reply:
//! each builds a [`View`](super::view::View) that `send` turns into serenity builders. Kept
//! free of I/O so every reply can be checked against Discord's limits in unit tests.

mod about;
mod answer;
mod exchange;
mod study;

pub use about::about;
pub use answer::{
    KeyedHit, abstained, answer, browsing_note, expired, filters_note, more_context, no_results,
    question, quote, read_as_note, tentative_note,
};
pub use exchange::{exchange, topic_choice};
pub use study::view as study;

/// The stripe of answers, exchanges and `/about`.
const COLOR: u32 = 0x002b_6cb0;
