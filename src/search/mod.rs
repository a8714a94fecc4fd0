//! Retrieval: the passage index and the query planner.

mod index;
mod query;

pub use index::{IndexOrigin, RawHit, SearchIndex, fingerprint};
pub use query::{QueryPlan, Weights};
