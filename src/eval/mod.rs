//! Retrieval quality on a question set: `{"id", "q", "gold": [substring, …]}` a line. A returned
//! passage is a hit when it contains a gold substring, both compared after normalisation with
//! spaces and punctuation removed.

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
    /// The question.
    pub q: String,
    /// Substrings, any of which makes a passage right.
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

/// The scores.
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
    /// Questions not answered first.
    pub misses: Vec<Miss>,
}

/// Reads a question set, naming the line of any bad entry.
pub fn load_cases(path: &Path) -> Result<Vec<EvalCase>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let mut cases = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let case: EvalCase = serde_json::from_str(line).map_err(|e| DataError {
            path: path.to_path_buf(),
            line: Some(i + 1),
            message: format!("not a question entry {{\"id\",\"q\",\"gold\"}}: {e}"),
        })?;
        cases.push(case);
    }
    Ok(cases)
}

/// Asks every question and scores the answers.
pub fn run(engine: &Engine, cases: &[EvalCase]) -> EvalReport {
    let (mut h1, mut h3, mut rr) = (0usize, 0usize, 0.0f64);
    let mut misses = Vec::new();
    for case in cases {
        let gold: Vec<String> = case
            .gold
            .iter()
            .map(|g| compare_key(g))
            .filter(|g| !g.is_empty())
            .collect();
        let answer = engine.ask(&case.q, 5);
        let rank = answer
            .hits
            .iter()
            .position(|h| {
                let key = compare_key(&h.text);
                gold.iter().any(|g| key.contains(g.as_str()))
            })
            .map(|p| p + 1);
        match rank {
            Some(1) => h1 += 1,
            _ => misses.push(Miss {
                id: case.id.clone(),
                q: case.q.clone(),
                rank,
                got: answer.hits.first().map(|h| h.citation.clone()),
            }),
        }
        if rank.is_some_and(|r| r <= 3) {
            h3 += 1;
        }
        if let Some(r) = rank {
            rr += 1.0 / r as f64;
        }
    }
    let n = cases.len().max(1) as f64;
    EvalReport {
        cases: cases.len(),
        hit_at_1: h1 as f64 / n,
        hit_at_3: h3 as f64 / n,
        mrr_at_5: rr / n,
        misses,
    }
}
