//! Fitting the ranking and no-quote models from `pressroom eval --explain` dumps: the rule is
//! decided from data, and anyone can decide it again after changing a figure.
//!
//! * Ranking: pairwise logistic regression with an L2 penalty, on every (right, wrong) pair of
//!   candidates of a question (each question weighs the same), so that the right passage scores
//!   above the others. Reported with its 5-fold cross-validated hit@1.
//! * No quote: logistic regression on the best candidate's evidence, questions with an answer
//!   against questions without one (classes weighed equally). Reported with its
//!   cross-validated share of each kept and refused at the model's threshold.
//!
//! Both are fitted by Newton's method (a handful of figures, a few thousand pairs).

use std::path::Path;

use serde::Deserialize;

use crate::error::Result;
use crate::text::compare_key;

/// One question of a dump: its case and how it was ranked.
#[derive(Debug, Deserialize)]
struct Dumped {
    case: super::EvalCase,
    explained: Explained,
}

#[derive(Debug, Deserialize)]
struct Explained {
    #[serde(default)]
    evidence: Option<serde_json::Map<String, serde_json::Value>>,
    #[serde(default)]
    candidates: Vec<Candidate>,
}

#[derive(Debug, Deserialize)]
struct Candidate {
    text: String,
    features: Vec<(String, f32)>,
}

/// A question ready for fitting: per candidate its figures and whether it is right.
#[derive(Debug, Clone)]
pub struct FitQuestion {
    /// Case id.
    pub id: String,
    /// Its kind (`offtopic`, `plain`…).
    pub kind: String,
    /// True when the question has an answer in the library.
    pub answerable: bool,
    /// Per candidate, best first as ranked: its figures and whether it holds a gold substring.
    pub candidates: Vec<(Vec<f64>, bool)>,
    /// The best candidate's no-quote evidence, by name.
    pub evidence: Option<Vec<(String, f64)>>,
}

/// Kinds left out of the no-quote fit: questions naming a speaker who never spoke of the
/// subject are the speaker filter's to refuse, not the no-quote model's.
const NOT_FOR_NO_QUOTE: &[&str] = &["speaker-silent"];

/// Sets the ranking figures named `without` to 0 in every candidate, so that the fit leaves
/// them out (their weights come out 0). Returns the names it does not know.
pub fn leave_out(
    questions: &mut [FitQuestion],
    features: &[String],
    without: &[String],
) -> Vec<String> {
    let (known, unknown): (Vec<&String>, Vec<&String>) =
        without.iter().partition(|n| features.contains(n));
    let columns: Vec<usize> = known
        .iter()
        .filter_map(|n| features.iter().position(|f| f == *n))
        .collect();
    for q in questions {
        for (x, _) in &mut q.candidates {
            for &c in &columns {
                if let Some(v) = x.get_mut(c) {
                    *v = 0.0;
                }
            }
        }
    }
    unknown.into_iter().cloned().collect()
}

/// Reads `eval --explain` dumps. Returns the figure names and the questions.
pub fn load_dumps(paths: &[impl AsRef<Path>]) -> Result<(Vec<String>, Vec<FitQuestion>)> {
    let mut names: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for path in paths {
        let dumped: Vec<Dumped> =
            super::read_json_lines(path.as_ref(), "an `eval --explain` line")?;
        for d in dumped {
            let gold: Vec<String> = d.case.gold.iter().map(|g| compare_key(g)).collect();
            let candidates = d
                .explained
                .candidates
                .iter()
                .map(|c| {
                    if names.is_empty() {
                        names = c.features.iter().map(|(n, _)| n.clone()).collect();
                    }
                    let key = compare_key(&c.text);
                    let right = gold
                        .iter()
                        .any(|g| !g.is_empty() && key.contains(g.as_str()));
                    (
                        c.features.iter().map(|(_, v)| f64::from(*v)).collect(),
                        right,
                    )
                })
                .collect();
            let evidence = d.explained.evidence.map(|m| {
                m.into_iter()
                    .filter_map(|(k, v)| v.as_f64().map(|v| (k, v)))
                    .collect()
            });
            out.push(FitQuestion {
                id: d.case.id,
                kind: d.case.kind.unwrap_or_default(),
                answerable: !d.case.gold.is_empty(),
                candidates,
                evidence,
            });
        }
    }
    Ok((names, out))
}

/// A fitted linear model: weights, and an intercept (0 for the ranking).
#[derive(Debug, Clone, PartialEq)]
pub struct Linear {
    /// One weight per figure.
    pub weights: Vec<f64>,
    /// The constant term.
    pub intercept: f64,
}

impl Linear {
    fn score(&self, x: &[f64]) -> f64 {
        self.intercept + self.weights.iter().zip(x).map(|(w, v)| w * v).sum::<f64>()
    }
}

/// Weighted logistic regression by Newton's method: rows `x` with labels `y` (true = 1) and
/// weights `w`; L2 penalty `l2` on the weights (not the intercept, when fitted).
fn logistic(rows: &[(Vec<f64>, bool, f64)], l2: f64, intercept: bool) -> Linear {
    let dim = rows.first().map_or(0, |r| r.0.len()) + usize::from(intercept);
    let mut beta = vec![0.0f64; dim];
    let row = |x: &[f64]| -> Vec<f64> {
        let mut v = x.to_vec();
        if intercept {
            v.push(1.0);
        }
        v
    };
    for _ in 0..50 {
        let mut grad = vec![0.0f64; dim];
        let mut hess = vec![vec![0.0f64; dim]; dim];
        for (x, y, w) in rows {
            let x = row(x);
            let z: f64 = x.iter().zip(&beta).map(|(a, b)| a * b).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let t = if *y { 1.0 } else { 0.0 };
            for i in 0..dim {
                grad[i] += w * (p - t) * x[i];
                for j in 0..dim {
                    hess[i][j] += w * p * (1.0 - p) * x[i] * x[j];
                }
            }
        }
        let penalised = dim - usize::from(intercept);
        for i in 0..penalised {
            grad[i] += 2.0 * l2 * beta[i];
            hess[i][i] += 2.0 * l2;
        }
        for (i, row) in hess.iter_mut().enumerate() {
            row[i] += 1e-9;
        }
        let Some(step) = solve(hess, grad) else { break };
        let mut moved = 0.0f64;
        for (b, s) in beta.iter_mut().zip(&step) {
            *b -= s;
            moved = moved.max(s.abs());
        }
        if moved < 1e-8 {
            break;
        }
    }
    let intercept_value = if intercept {
        beta.pop().unwrap_or(0.0)
    } else {
        0.0
    };
    Linear {
        weights: beta,
        intercept: intercept_value,
    }
}

/// Solves `a x = b` for a symmetric positive definite `a` (Cholesky); `None` if it is not.
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Option<Vec<f64>> {
    let n = b.len();
    let dot = |x: &[f64], y: &[f64]| x.iter().zip(y).map(|(p, q)| p * q).sum::<f64>();
    // a = L Lᵀ, L kept in the lower triangle of a.
    for j in 0..n {
        let d = a[j][j] - dot(&a[j][..j], &a[j][..j]);
        if d <= 0.0 {
            return None;
        }
        let d = d.sqrt();
        a[j][j] = d;
        for i in j + 1..n {
            let s = a[i][j] - dot(&a[i][..j], &a[j][..j]);
            a[i][j] = s / d;
        }
    }
    // L y = b, then Lᵀ x = y.
    for i in 0..n {
        b[i] = (b[i] - dot(&a[i][..i], &b[..i])) / a[i][i];
    }
    for i in (0..n).rev() {
        let tail: f64 = (i + 1..n).map(|k| a[k][i] * b[k]).sum();
        b[i] = (b[i] - tail) / a[i][i];
    }
    Some(b)
}

/// How many of the best candidates a question's pairs are drawn from.
const PAIR_CANDIDATES: usize = 40;

/// Fits the ranking on `questions` (those with a right candidate).
pub fn fit_ranking(questions: &[&FitQuestion], l2: f64) -> Linear {
    let mut rows = Vec::new();
    for q in questions {
        let cands = &q.candidates[..q.candidates.len().min(PAIR_CANDIDATES)];
        let right: Vec<&Vec<f64>> = cands.iter().filter(|c| c.1).map(|c| &c.0).collect();
        let wrong: Vec<&Vec<f64>> = cands.iter().filter(|c| !c.1).map(|c| &c.0).collect();
        if right.is_empty() || wrong.is_empty() {
            continue;
        }
        let weight = 1.0 / (right.len() * wrong.len()) as f64;
        for r in &right {
            for w in &wrong {
                let diff: Vec<f64> = r.iter().zip(w.iter()).map(|(a, b)| a - b).collect();
                rows.push((diff, true, weight));
            }
        }
    }
    logistic(&rows, l2, false)
}

/// Share of `questions` whose best candidate under `model` is right.
pub fn hit_at_1(model: &Linear, questions: &[&FitQuestion]) -> f64 {
    let hits = questions
        .iter()
        .filter(|q| {
            q.candidates
                .iter()
                .max_by(|a, b| model.score(&a.0).total_cmp(&model.score(&b.0)))
                .is_some_and(|c| c.1)
        })
        .count();
    hits as f64 / questions.len().max(1) as f64
}

/// The no-quote rows: evidence (in `names` order) and whether the question has an answer.
fn no_quote_rows(questions: &[&FitQuestion], names: &[String]) -> Vec<(Vec<f64>, bool, f64)> {
    let usable: Vec<(&FitQuestion, Vec<f64>)> = questions
        .iter()
        .filter(|q| !NOT_FOR_NO_QUOTE.contains(&q.kind.as_str()))
        .filter_map(|q| {
            let e = q.evidence.as_ref()?;
            let x = names
                .iter()
                .map(|n| e.iter().find(|(k, _)| k == n).map_or(0.0, |(_, v)| *v))
                .collect();
            Some((*q, x))
        })
        .collect();
    let answerable = usable.iter().filter(|(q, _)| q.answerable).count().max(1) as f64;
    let not = usable.iter().filter(|(q, _)| !q.answerable).count().max(1) as f64;
    usable
        .into_iter()
        .map(|(q, x)| {
            let w = if q.answerable {
                0.5 / answerable
            } else {
                0.5 / not
            };
            (x, q.answerable, w)
        })
        .collect()
}

/// Fits the no-quote model on `questions` over the evidence figures `names`.
pub fn fit_no_quote(questions: &[&FitQuestion], names: &[String], l2: f64) -> Linear {
    logistic(&no_quote_rows(questions, names), l2, true)
}

/// A fit with its cross-validated figures.
#[derive(Debug, Clone)]
pub struct FitReport {
    /// The ranking's figure names.
    pub features: Vec<String>,
    /// The ranking fitted on every question.
    pub ranking: Linear,
    /// Its hit@1 over the candidates, 5-fold cross-validated.
    pub ranking_cv_hit_at_1: f64,
    /// The current ranking's hit@1 over the same questions (as dumped).
    pub dumped_hit_at_1: f64,
    /// The no-quote model's figure names.
    pub evidence: Vec<String>,
    /// The no-quote model fitted on every question.
    pub no_quote: Linear,
    /// Cross-validated, at probability `threshold`: share of answerable questions kept, and of
    /// the others refused.
    pub kept: f64,
    /// See `kept`.
    pub refused: f64,
    /// The threshold the shares are taken at.
    pub threshold: f64,
}

/// Fits both models and cross-validates them (5 folds by question, in file order). `l2`: the
/// penalties of the ranking and of the no-quote model.
pub fn fit(
    questions: &[FitQuestion],
    features: Vec<String>,
    [l2, no_quote_l2]: [f64; 2],
    threshold: f64,
) -> FitReport {
    let ranked: Vec<&FitQuestion> = questions
        .iter()
        .filter(|q| q.answerable && q.candidates.iter().any(|c| c.1))
        .collect();
    let folds = 5;
    let mut held_hits = 0.0;
    for k in 0..folds {
        let (train, test) = fold(&ranked, k, folds);
        held_hits += hit_at_1(&fit_ranking(&train, l2), &test) * test.len() as f64;
    }
    let dumped = ranked
        .iter()
        .filter(|q| q.candidates.first().is_some_and(|c| c.1))
        .count() as f64
        / ranked.len().max(1) as f64;
    let evidence: Vec<String> = questions
        .iter()
        .find_map(|q| q.evidence.as_ref())
        .map(|e| e.iter().map(|(k, _)| k.clone()).collect())
        .unwrap_or_default();
    let all: Vec<&FitQuestion> = questions.iter().collect();
    let (mut kept, mut answerable, mut refused, mut not) = (0, 0, 0, 0);
    for k in 0..folds {
        let (train, test) = fold(&all, k, folds);
        let model = fit_no_quote(&train, &evidence, no_quote_l2);
        for q in test {
            if NOT_FOR_NO_QUOTE.contains(&q.kind.as_str()) {
                continue;
            }
            // No evidence: the question was refused before any candidate (a period outside
            // the library, nothing to search).
            let p = q.evidence.as_ref().map_or(0.0, |e| {
                let x: Vec<f64> = evidence
                    .iter()
                    .map(|n| e.iter().find(|(k, _)| k == n).map_or(0.0, |(_, v)| *v))
                    .collect();
                1.0 / (1.0 + (-model.score(&x)).exp())
            });
            if q.answerable {
                answerable += 1;
                kept += usize::from(p >= threshold);
            } else {
                not += 1;
                refused += usize::from(p < threshold);
            }
        }
    }
    FitReport {
        ranking: fit_ranking(&ranked, l2),
        ranking_cv_hit_at_1: held_hits / ranked.len().max(1) as f64,
        dumped_hit_at_1: dumped,
        features,
        no_quote: fit_no_quote(&all, &evidence, no_quote_l2),
        evidence,
        kept: kept as f64 / answerable.max(1) as f64,
        refused: refused as f64 / not.max(1) as f64,
        threshold,
    }
}

/// Fold `k` of `folds`: every `folds`-th question held out, the rest to fit on.
fn fold<'a>(
    questions: &[&'a FitQuestion],
    k: usize,
    folds: usize,
) -> (Vec<&'a FitQuestion>, Vec<&'a FitQuestion>) {
    let (test, train): (Vec<_>, Vec<_>) = questions
        .iter()
        .enumerate()
        .partition(|(i, _)| i % folds == k);
    let strip = |v: Vec<(usize, &&'a FitQuestion)>| v.into_iter().map(|(_, q)| *q).collect();
    (strip(train), strip(test))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(id: &str, candidates: Vec<(Vec<f64>, bool)>) -> FitQuestion {
        FitQuestion {
            id: id.into(),
            kind: "plain".into(),
            answerable: true,
            candidates,
            evidence: None,
        }
    }

    #[test]
    fn newton_solves_a_small_system() {
        let x = solve(vec![vec![4.0, 2.0], vec![2.0, 3.0]], vec![2.0, 1.0]).unwrap();
        assert!((x[0] - 0.5).abs() < 1e-9 && x[1].abs() < 1e-9, "{x:?}");
    }

    #[test]
    fn the_ranking_learns_which_figure_finds_the_right_passage() {
        // The first figure tells right from wrong; the second is noise.
        let qs: Vec<FitQuestion> = (0..30)
            .map(|i| {
                let noise = (i % 7) as f64 / 7.0;
                question(
                    &format!("q{i}"),
                    vec![
                        (vec![0.2, noise], false),
                        (vec![0.9, 1.0 - noise], true),
                        (vec![0.1, noise / 2.0], false),
                    ],
                )
            })
            .collect();
        let refs: Vec<&FitQuestion> = qs.iter().collect();
        let model = fit_ranking(&refs, 0.01);
        assert!(model.weights[0] > 1.0, "{model:?}");
        assert!(model.weights[0] > 5.0 * model.weights[1].abs(), "{model:?}");
        assert_eq!(hit_at_1(&model, &refs), 1.0);
    }

    #[test]
    fn the_no_quote_model_separates_covered_from_uncovered() {
        let mut qs = Vec::new();
        for i in 0..20 {
            let covered = 0.6 + (i % 5) as f64 * 0.08;
            let mut q = question(&format!("a{i}"), vec![]);
            q.evidence = Some(vec![("context".into(), covered)]);
            qs.push(q);
            let mut q = question(&format!("o{i}"), vec![]);
            q.answerable = false;
            q.evidence = Some(vec![("context".into(), covered - 0.5)]);
            qs.push(q);
        }
        let refs: Vec<&FitQuestion> = qs.iter().collect();
        let model = fit_no_quote(&refs, &["context".to_string()], 0.01);
        assert!(model.weights[0] > 0.0 && model.intercept < 0.0, "{model:?}");
        let report = fit(&qs, vec![], [0.01, 0.01], 0.5);
        assert_eq!((report.kept, report.refused), (1.0, 1.0));
    }

    #[test]
    fn a_figure_left_out_gets_no_weight() {
        let mut qs: Vec<FitQuestion> = (0..20)
            .map(|i| {
                let other = (i % 3) as f64 / 3.0;
                question(
                    &format!("q{i}"),
                    vec![(vec![0.1, other], false), (vec![0.9, 1.0 - other], true)],
                )
            })
            .collect();
        let names = vec!["own".to_string(), "position".to_string()];
        let unknown = leave_out(&mut qs, &names, &["own".into(), "nonsense".into()]);
        assert_eq!(unknown, ["nonsense"]);
        let refs: Vec<&FitQuestion> = qs.iter().collect();
        let model = fit_ranking(&refs, 0.01);
        assert_eq!(model.weights[0], 0.0, "{model:?}");
        assert!(model.weights[1] > 0.0, "{model:?}");
    }
}
