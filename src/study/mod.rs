//! Group study sessions: a walkthrough of the exchanges, or a quiz made from the transcript,
//! kept in a [`SessionStore`] (SQLite by default) so a restarted bot resumes them.
//!
//! [`Study`] is front-agnostic: Discord and the console call [`Study::start`] and
//! [`Study::act`] and render the [`Post`]s they get back. One job per file: the model
//! ([`model`]), the service ([`session`]), judging typed answers ([`judge`]), quiz generation
//! ([`quiz`]), the console rendering ([`render`]) and the store ([`store`]).

pub mod judge;
pub mod model;
pub mod quiz;
pub mod render;
pub mod session;
pub mod store;

pub use judge::is_right;
pub use model::{Action, Item, ItemKind, Member, Mode, Post, Score, Summary};
pub use session::Study;
pub use store::{AnswerRow, NewSession, SessionRow, SessionStore, SqliteStore};
