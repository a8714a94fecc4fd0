//! Retrieval: the passage index, the query planner, and the constraints (dates, speakers) read
//! out of a question.

mod answer_type;
pub mod constraints;
mod index;
mod query;

pub use answer_type::{
    AnswerEnd, AnswerType, NewNames, asking_clause, holds_point, opens_a_list, opens_point,
};
pub use constraints::{
    Constraints, Extracted, asks_for_words_of, without_the_office, without_titles_of,
};
pub(crate) use index::day_number;
pub use index::{IndexOrigin, Persist, RawHit, SearchIndex, fingerprint};
pub(crate) use query::GLUED_BEFORE;
pub use query::{Concept, QueryPlan, Reader, Weights, WordClass, holds_title};
