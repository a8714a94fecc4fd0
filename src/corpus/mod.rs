//! Ingestion: transcripts in, documents of exchanges out.

mod load;
mod model;
mod parse;

pub use load::{
    EMBEDDED_TRANSCRIPTS, Loaded, load_dir, load_embedded, load_file, load_files, transcript_files,
    walk_transcripts,
};
pub use model::{
    Document, DocumentKind, Exchange, Paragraph, Role, Turn, Warning, opens_answer_part,
};
/// A paragraph longer than this (characters) is probably several run together; `check` warns.
pub const MAX_PARAGRAPH_CHARS: usize = 2000;
/// No paragraph is longer than this (characters): a longer line is split at sentence ends (or,
/// with none, at this length), and page-layout rejoining stops there, so one paragraph's cost
/// (indexing, highlighting, rendering) is bounded.
pub const HARD_PARAGRAPH_CHARS: usize = 8000;

pub use parse::{FrontMatter, parse_transcript, question_like};
