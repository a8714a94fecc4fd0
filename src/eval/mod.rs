//! Retrieval quality on a question set: `{"id", "q", "gold": [substring, …]}` a line. A returned
//! passage is a hit when it contains a gold substring, both compared after normalisation with
//! spaces and punctuation removed.

pub mod fit;

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::engine::Engine;
use crate::error::{DataError, Error, Result};
use crate::text::compare_key;

/// One question of a set.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct EvalCase {
    /// Its id.
    pub id: String,
    /// What kind of question it is (`plain`, `dated`, `speaker`, `offtopic`…), for figures per
    /// kind; optional.
    #[serde(default)]
    pub kind: Option<String>,
    /// The question.
    pub q: String,
    /// Substrings, any of which makes a passage right. Empty: the right answer is no quote.
    pub gold: Vec<String>,
}

/// A question the top passage did not answer.
#[derive(Debug, Clone, Serialize)]
pub struct Miss {
    /// Case id.
    pub id: String,
    /// The question.
    pub q: String,
    /// Rank of the first right passage within the top five, if any.
    pub rank: Option<usize>,
    /// Citation of what came first instead.
    pub got: Option<String>,
}

/// Scores over a set of questions.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Scores {
    /// Questions asked.
    pub cases: usize,
    /// Share right at rank 1 (for a question whose right answer is no quote: no quote given).
    pub hit_at_1: f64,
    /// Share with a right passage in the top three (no quote: as hit@1).
    pub hit_at_3: f64,
    /// Mean reciprocal rank over the top five.
    pub mrr_at_5: f64,
    /// Answerable questions that got no quote.
    pub abstained: usize,
}

/// The scores, overall and per kind.
#[derive(Debug, Clone, Serialize)]
pub struct EvalReport {
    /// Questions asked.
    pub cases: usize,
    /// Share with a right passage first.
    pub hit_at_1: f64,
    /// Share with a right passage in the top three.
    pub hit_at_3: f64,
    /// Mean reciprocal rank over the top five.
    pub mrr_at_5: f64,
    /// Answerable questions that got no quote.
    pub abstained: usize,
    /// The same figures per kind of question, by kind name.
    pub kinds: Vec<(String, Scores)>,
    /// Questions not answered right first.
    pub misses: Vec<Miss>,
}

/// Reads a question set, naming the line of any bad entry.
pub fn load_cases(path: &Path) -> Result<Vec<EvalCase>> {
    read_json_lines(path, "a question entry {\"id\",\"q\",\"gold\"}")
}

/// Reads a JSON-lines file of `what`s (blank lines skipped), naming the line of any bad one.
pub(crate) fn read_json_lines<T: serde::de::DeserializeOwned>(
    path: &Path,
    what: &str,
) -> Result<Vec<T>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let item = serde_json::from_str(line).map_err(|e| DataError {
            path: path.to_path_buf(),
            line: Some(i + 1),
            message: format!("not {what}: {e}"),
        })?;
        out.push(item);
    }
    Ok(out)
}

#[derive(Default)]
struct Tally {
    cases: usize,
    h1: usize,
    h3: usize,
    rr: f64,
    abstained: usize,
}

impl Tally {
    fn add(&mut self, rank: Option<usize>, abstained: bool) {
        self.cases += 1;
        if rank == Some(1) {
            self.h1 += 1;
        }
        if rank.is_some_and(|r| r <= 3) {
            self.h3 += 1;
        }
        if let Some(r) = rank {
            self.rr += 1.0 / r as f64;
        }
        if abstained {
            self.abstained += 1;
        }
    }

    fn scores(&self) -> Scores {
        let n = self.cases.max(1) as f64;
        Scores {
            cases: self.cases,
            hit_at_1: self.h1 as f64 / n,
            hit_at_3: self.h3 as f64 / n,
            mrr_at_5: self.rr / n,
            abstained: self.abstained,
        }
    }
}

/// Asks every question and scores the answers.
pub fn run(engine: &Engine, cases: &[EvalCase]) -> EvalReport {
    let mut all = Tally::default();
    let mut kinds: Vec<(String, Tally)> = Vec::new();
    let mut misses = Vec::new();
    for case in cases {
        let gold: Vec<String> = case
            .gold
            .iter()
            .map(|g| compare_key(g))
            .filter(|g| !g.is_empty())
            .collect();
        let answer = engine.ask(&case.q, 5);
        let rank = if gold.is_empty() {
            // The right answer is no quote.
            answer.hits.is_empty().then_some(1)
        } else {
            answer
                .hits
                .iter()
                .position(|h| {
                    let key = compare_key(&h.text);
                    gold.iter().any(|g| key.contains(g.as_str()))
                })
                .map(|p| p + 1)
        };
        let abstained = !gold.is_empty() && answer.hits.is_empty();
        all.add(rank, abstained);
        let kind = case.kind.clone().unwrap_or_else(|| "-".into());
        match kinds.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, t)) => t.add(rank, abstained),
            None => {
                let mut t = Tally::default();
                t.add(rank, abstained);
                kinds.push((kind, t));
            }
        }
        if rank != Some(1) {
            misses.push(Miss {
                id: case.id.clone(),
                q: case.q.clone(),
                rank,
                got: answer.hits.first().map(|h| h.citation.clone()),
            });
        }
    }
    let s = all.scores();
    EvalReport {
        cases: s.cases,
        hit_at_1: s.hit_at_1,
        hit_at_3: s.hit_at_3,
        mrr_at_5: s.mrr_at_5,
        abstained: s.abstained,
        kinds: kinds.into_iter().map(|(k, t)| (k, t.scores())).collect(),
        misses,
    }
}
