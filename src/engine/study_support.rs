//! What a study session asks of the engine: which exchanges of which transcript it covers.

use super::{Engine, ExchangeRef};
use crate::corpus::Document;
use crate::error::UserError;

/// The exchanges a study session covers, all of one transcript.
#[derive(Debug, Clone)]
pub struct StudyScope<'a> {
    /// The transcript.
    pub document: &'a Document,
    /// The exchanges covered, in transcript order.
    pub exchanges: Vec<ExchangeRef>,
    /// Every exchange of the transcript (where quiz distractors come from).
    pub all: Vec<ExchangeRef>,
    /// A short name: the topic's, or the transcript's label.
    pub name: String,
    /// The session's title: the topic's name, or the transcript's date and label.
    pub title: String,
}

impl Engine {
    /// The scope of a session on `topic` (an exchange id or a topic name or word): that one
    /// exchange; without a topic, every exchange of the first transcript.
    pub fn study_scope(&self, topic: Option<&str>) -> Result<StudyScope<'_>, UserError> {
        let (doc, exchanges, name, title) = match topic.map(str::trim).filter(|t| !t.is_empty()) {
            Some(t) => {
                let at = self
                    .exchange_ref(t)
                    .map_or_else(|| self.find_exchange(t), Ok)?;
                let name = self.topic(at).title;
                (at.doc, vec![at.exchange], name.clone(), name)
            }
            None => {
                let d = self
                    .documents
                    .first()
                    .ok_or_else(|| UserError::UnknownTopic(String::new()))?;
                let title = format!("{} {}", d.date.as_deref().unwrap_or_default(), d.label);
                let all = (0..d.exchanges.len()).collect();
                (0, all, d.label.clone(), title.trim().to_string())
            }
        };
        let refs = |exchanges: Vec<usize>| {
            exchanges
                .into_iter()
                .map(|exchange| ExchangeRef { doc, exchange })
                .collect()
        };
        let document = &self.documents[doc];
        Ok(StudyScope {
            document,
            exchanges: refs(exchanges),
            all: refs((0..document.exchanges.len()).collect()),
            name,
            title,
        })
    }
}
