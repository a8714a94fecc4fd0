//! pressroom answers questions about press-conference transcripts by quoting them: the passage
//! where the answerer said it, who said it, which reporter's question it answered, the
//! paragraphs around it and a citation. No generated text.
//!
//! The pipeline, one module each: [`corpus`] parses transcripts into exchanges, [`text`]
//! normalises and segments Chinese, [`search`] indexes passages in tantivy and plans queries,
//! [`engine`] ties them into the [`Engine`] every front calls, [`reply`] is the answer model
//! and its pure renderings, and [`cli`] is the console front. [`discord`] is the bot, [`study`]
//! the group study sessions; [`locale`] the two languages users are answered in, [`script`]
//! which characters are Chinese.
//!
//! ```no_run
//! let settings = pressroom::config::Settings::load(None)?;
//! let engine = pressroom::Engine::load(&settings)?;
//! let answer = engine.ask("中方对人工智能合作持什么立场？", 3);
//! print!("{}", pressroom::reply::render::console(&answer, pressroom::reply::render::Highlight::Plain));
//! # Ok::<(), pressroom::Error>(())
//! ```
#![warn(missing_docs)]

pub mod cli;
pub mod config;
pub mod corpus;
pub mod discord;
pub mod engine;
pub mod error;
pub mod eval;
pub mod locale;
pub mod paths;
pub mod reply;
pub mod script;
pub mod search;
pub mod study;
pub mod text;

pub use engine::Engine;
pub use error::{Error, Result, UserError};
