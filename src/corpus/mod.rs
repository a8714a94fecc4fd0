//! Ingestion: transcripts in, documents of exchanges out.

mod load;
mod model;
mod parse;

pub use load::{EMBEDDED_TRANSCRIPTS, Loaded, load_dir, load_embedded, transcript_files};
pub use model::{Document, Exchange, Paragraph, Role, Turn};
pub use parse::{FrontMatter, parse_transcript};
