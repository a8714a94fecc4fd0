//! What a study session is made of: its items, who acts and how, and the posts it says back.

use serde::{Deserialize, Serialize};

/// How a session goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Mode {
    /// Exchange by exchange: the question, discussion, then the answer.
    Walkthrough,
    /// Questions made from the transcript, scored.
    Quiz,
}

/// What an item asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum ItemKind {
    /// A walkthrough step: one exchange.
    Exchange,
    /// A sentence with a term or number masked.
    Cloze,
    /// Which reporter asked this question.
    WhoAsked,
    /// Which topic a sentence belongs to.
    WhichTopic,
    /// Which of these the answerer said.
    WhichStatement,
}

impl ItemKind {
    /// Its name in the store.
    pub(crate) fn name(self) -> &'static str {
        match self {
            ItemKind::Exchange => "exchange",
            ItemKind::Cloze => "cloze",
            ItemKind::WhoAsked => "who_asked",
            ItemKind::WhichTopic => "which_topic",
            ItemKind::WhichStatement => "which_statement",
        }
    }

    /// The kind a stored name stands for (a walkthrough step when unknown).
    pub(crate) fn from_name(s: &str) -> ItemKind {
        match s {
            "cloze" => ItemKind::Cloze,
            "who_asked" => ItemKind::WhoAsked,
            "which_topic" => ItemKind::WhichTopic,
            "which_statement" => ItemKind::WhichStatement,
            _ => ItemKind::Exchange,
        }
    }
}

/// One step of a session: an exchange to discuss, or a quiz question with its answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    /// What it asks.
    pub kind: ItemKind,
    /// The exchange it comes from (`doc#n`).
    pub exchange: String,
    /// What is shown first (the reporter's question, or the quiz question).
    pub prompt: String,
    /// Choices for buttons (empty for a walkthrough step).
    pub choices: Vec<String>,
    /// The right answer (as written in the transcript).
    pub answer: String,
    /// Which choice is right.
    pub answer_index: Option<usize>,
    /// The passage it came from.
    pub quote: String,
    /// Its citation.
    pub citation: String,
}

/// Who acts.
#[derive(Debug, Clone)]
pub struct Member {
    /// User id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// May skip and end sessions they do not host (Discord's Manage Threads).
    pub can_manage: bool,
}

/// What a member does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Show the answer of walkthrough item `at` (page `page`).
    Reveal {
        /// The item.
        at: usize,
        /// The page of the answer.
        page: usize,
    },
    /// Close item `at` (showing its answer in a quiz) and move on.
    Next {
        /// The item.
        at: usize,
    },
    /// Move on from item `at` without discussing it (host or moderator).
    Skip {
        /// The item.
        at: usize,
    },
    /// Answer item `at` with choice `choice`.
    Choose {
        /// The item.
        at: usize,
        /// The choice, from 0.
        choice: usize,
    },
    /// A typed answer to the current item.
    Typed(String),
    /// End the session (host or moderator).
    End,
}

/// A member's line on the score board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Score {
    /// Display name.
    pub name: String,
    /// Right answers.
    pub right: usize,
    /// Answers given.
    pub answered: usize,
}

/// What a session leaves behind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Its title.
    pub title: String,
    /// Exchanges covered (ids, in order).
    pub covered: Vec<String>,
    /// Items done out of all.
    pub done: usize,
    /// All items.
    pub total: usize,
    /// The board, best first.
    pub scores: Vec<Score>,
    /// The items most often missed, with how often, to review.
    pub missed: Vec<(Item, usize)>,
}

/// What a session says next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Post {
    /// Item `at` of `total`, shown.
    Item {
        /// The session.
        session: i64,
        /// Its position.
        at: usize,
        /// Items in all.
        total: usize,
        /// The item.
        item: Item,
        /// Topic of its exchange.
        topic: String,
    },
    /// The answer of a walkthrough item, one page of it.
    Answer {
        /// The session.
        session: i64,
        /// The item's position.
        at: usize,
        /// Page shown, from 0.
        page: usize,
        /// Pages in all.
        pages: usize,
        /// `(speaker, text, citation)` of the paragraphs on this page.
        paragraphs: Vec<(String, String, String)>,
    },
    /// The answer of a quiz item, with the quote it came from.
    Solution {
        /// The item.
        item: Item,
        /// Who got it right.
        right: Vec<String>,
    },
    /// A member's answer was judged (only they need to see a button answer's verdict).
    Judged {
        /// Who.
        member: String,
        /// Right or not.
        correct: bool,
        /// False when they had answered already (the first answer counts).
        counted: bool,
    },
    /// Several posts in order (a solution, then the next item).
    Many(Vec<Post>),
    /// The score board.
    Board(Vec<Score>),
    /// The session ended.
    Summary(Summary),
    /// A button from an earlier step was pressed; nothing changed.
    Stale,
}
