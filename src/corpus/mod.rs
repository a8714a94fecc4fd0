//! Ingestion: transcripts in, documents of exchanges out.

mod load;
mod model;
mod parse;

pub use load::{
    EMBEDDED_TRANSCRIPTS, Loaded, load_dir, load_embedded, load_file, transcript_files,
    walk_transcripts,
};
pub use model::{Document, DocumentKind, Exchange, Paragraph, Role, Turn, Warning};
/// A paragraph longer than this (characters) is probably several run together; `check` warns.
pub const MAX_PARAGRAPH_CHARS: usize = 2000;

pub use parse::{FrontMatter, parse_transcript, question_like};
