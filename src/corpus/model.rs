//! What a transcript becomes: a document of exchanges (a question turn and its answer turns),
//! paragraphs in order.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// One transcript.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Document {
    /// Stable id: the file's path below the transcripts folder, without `.txt`.
    pub id: String,
    /// The published title.
    pub title: String,
    /// ISO date (`2024-03-07`), from the front matter, the title or the file name.
    pub date: Option<String>,
    /// Where the text comes from, as the front matter says.
    pub source: Option<String>,
    /// Short name used in citations, e.g. `王毅记者会`.
    pub label: String,
    /// The file it was read from.
    pub path: PathBuf,
    /// True when the text starts mid-answer, continued from an earlier page.
    pub continued: bool,
    /// Content paragraphs in order (title and page markers left out; split paragraphs rejoined).
    pub paragraphs: Vec<Paragraph>,
    /// The exchanges, in order (a statement's are question-less).
    pub exchanges: Vec<Exchange>,
    /// A press conference or interview (questions and answers), or a statement (no questions).
    pub kind: DocumentKind,
    /// What the parser found doubtful, by line (`pressroom check` shows them).
    pub warnings: Vec<Warning>,
}

/// What kind of text a transcript is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocumentKind {
    /// Questions and answers.
    Conference,
    /// No questions: a statement, an announcement. Its paragraphs are quoted with no question.
    Statement,
}

/// Something the parser read but doubts: a label-shaped prefix it took as text, a question with
/// no answer, an answer with no question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// 1-based line in the file.
    pub line: usize,
    /// What is doubtful.
    pub message: String,
}

/// What a paragraph is in the conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Part of a question turn.
    Question,
    /// Part of an answer turn.
    Answer,
    /// Narration: opening or closing lines, stage directions.
    Narration,
}

/// One paragraph.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Paragraph {
    /// 1-based paragraph number in the document (¶ in citations).
    pub number: usize,
    /// 1-based line in the file where it starts.
    pub line: usize,
    /// The text, without the speaker label.
    pub text: String,
    /// Its role.
    pub role: Role,
    /// Who speaks it (narration: nobody).
    pub speaker: Option<String>,
    /// Index of the exchange it belongs to.
    pub exchange: Option<usize>,
}

/// One speaker's consecutive paragraphs.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Turn {
    /// The speaker label as printed (`凤凰卫视记者`, `王毅`, `问`), or the inferred answerer.
    pub speaker: String,
    /// Indices into [`Document::paragraphs`].
    pub paragraphs: Vec<usize>,
}

/// A question and the answers to it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Exchange {
    /// 1-based number in the document.
    pub number: usize,
    /// The question turn; `None` when the text starts mid-answer or with a statement.
    pub question: Option<Turn>,
    /// The answer turns.
    pub answers: Vec<Turn>,
    /// The reporter's short replies inside the exchange (`记者：NHK。`, `（记者：是的。）`): not
    /// questions of their own, never answers.
    pub remarks: Vec<Turn>,
    /// Who answers (the first answer turn's speaker).
    pub answerer: String,
    /// A short topic name derived from the question (filled in by the engine).
    pub topic: String,
}

impl Document {
    /// The text of a turn, paragraphs joined by newlines.
    pub fn turn_text(&self, turn: &Turn) -> String {
        turn.paragraphs
            .iter()
            .map(|&i| self.paragraphs[i].text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Indices of all answer paragraphs of an exchange, in order.
    pub fn answer_paragraphs(&self, exchange: &Exchange) -> Vec<usize> {
        exchange
            .answers
            .iter()
            .flat_map(|t| t.paragraphs.iter().copied())
            .collect()
    }

    /// The paragraph with number `number` (1-based).
    pub fn paragraph(&self, number: usize) -> Option<&Paragraph> {
        number.checked_sub(1).and_then(|i| self.paragraphs.get(i))
    }

    /// The citation for a paragraph: `2024-03-07 王毅记者会 ¶23`.
    pub fn citation(&self, number: usize) -> String {
        match &self.date {
            Some(d) => format!("{d} {} ¶{number}", self.label),
            None => format!("{} ¶{number}", self.label),
        }
    }
}
