//! How much of a question a passage covers: per concept of the question, the credit a paragraph
//! gives it (1: the word or a synonym stands in it; less for parts of the word), by itself and
//! with what comes before it in its exchange (the question, the earlier answer paragraphs).
//!
//! One question's candidates share exchanges, so each paragraph is scanned once per question,
//! for every form and part of every concept in one pass (Aho-Corasick), and remembered.

use std::cell::RefCell;
use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use super::Engine;
use crate::search::{QueryPlan, RawHit};

/// Who a pattern string stands for: a concept's form (whole credit) or one of its parts
/// (partial credit by length).
#[derive(Debug, Clone, Copy)]
enum Owner {
    Form { concept: usize },
    Part { concept: usize, chars: usize },
}

/// Credit for a concept found only in parts: this much at most, as a share of its length.
const PART_CREDIT: f32 = 0.7;

/// Credit a paragraph earns from what precedes it, relative to its own.
const CONTEXT_CREDIT: f32 = 0.8;

/// The coverage of one question's concepts, for the candidates of that question.
pub(super) struct Coverage<'a> {
    engine: &'a Engine,
    /// Concept lengths in characters.
    chars: Vec<usize>,
    /// Every distinct form and part string; `owners[pattern]` says whose they are.
    matcher: Option<AhoCorasick>,
    owners: Vec<Vec<Owner>>,
    /// Own credit per concept, by (document, paragraph).
    seen: RefCell<HashMap<(usize, usize), Vec<f32>>>,
}

impl<'a> Coverage<'a> {
    pub(super) fn new(engine: &'a Engine, plan: &QueryPlan) -> Coverage<'a> {
        let mut wanted: Vec<(&str, Owner)> = Vec::new();
        for (concept, c) in plan.concepts.iter().enumerate() {
            wanted.extend(
                c.forms
                    .iter()
                    .map(|f| (f.as_str(), Owner::Form { concept })),
            );
            wanted.extend(c.parts.iter().map(|p| {
                let chars = p.chars().count();
                (p.as_str(), Owner::Part { concept, chars })
            }));
        }
        let mut patterns: Vec<&str> = Vec::new();
        let mut owners: Vec<Vec<Owner>> = Vec::new();
        for (text, owner) in wanted.into_iter().filter(|(t, _)| !t.is_empty()) {
            match patterns.iter().position(|p| *p == text) {
                Some(at) => owners[at].push(owner),
                None => {
                    patterns.push(text);
                    owners.push(vec![owner]);
                }
            }
        }
        // The patterns are a few dozen short strings; building cannot fail for them, and if it
        // did every passage would simply cover nothing.
        let matcher = (!patterns.is_empty())
            .then(|| {
                // Built for every question: the contiguous NFA builds in microseconds, where a
                // DFA would cost more than the few paragraphs it scans save.
                AhoCorasick::builder()
                    .kind(Some(AhoCorasickKind::DFA))
                    .build(&patterns)
                    .ok()
            })
            .flatten();
        Coverage {
            engine,
            chars: plan.concepts.iter().map(|c| c.chars.max(1)).collect(),
            matcher,
            owners,
            seen: RefCell::new(HashMap::new()),
        }
    }

    /// Per concept, the credit paragraph `i` of document `d` gives by itself.
    fn own(&self, d: usize, i: usize) -> Vec<f32> {
        if let Some(credits) = self.seen.borrow().get(&(d, i)) {
            return credits.clone();
        }
        let credits = self.scan(self.engine.normalized_text(d, i));
        self.seen.borrow_mut().insert((d, i), credits.clone());
        credits
    }

    fn scan(&self, text: &str) -> Vec<f32> {
        let n = self.chars.len();
        let mut whole = vec![false; n];
        let mut found = vec![false; self.owners.len()];
        if let Some(m) = &self.matcher {
            for hit in m.find_overlapping_iter(text) {
                found[hit.pattern().as_usize()] = true;
            }
        }
        let mut part_chars = vec![0usize; n];
        for (pattern, owners) in self.owners.iter().enumerate() {
            if !found[pattern] {
                continue;
            }
            for owner in owners {
                match *owner {
                    Owner::Form { concept } => whole[concept] = true,
                    Owner::Part { concept, chars } => part_chars[concept] += chars,
                }
            }
        }
        (0..n)
            .map(|k| {
                if whole[k] {
                    1.0
                } else {
                    PART_CREDIT * (part_chars[k] as f32 / self.chars[k] as f32).min(1.0)
                }
            })
            .collect()
    }

    /// Per concept, the credit the passage gives: by itself, and with its exchange's question
    /// and the answer paragraphs before it.
    pub(super) fn credits(&self, raw: RawHit) -> Vec<(f32, f32)> {
        let doc = &self.engine.documents[raw.doc];
        let mine = self.own(raw.doc, raw.paragraph);
        let mut around = vec![0.0f32; mine.len()];
        let mut take = |i: usize| {
            for (a, c) in around.iter_mut().zip(self.own(raw.doc, i)) {
                *a = a.max(c);
            }
        };
        if let Some(e) = doc.paragraphs[raw.paragraph].exchange {
            let ex = &doc.exchanges[e];
            if let Some(q) = &ex.question {
                q.paragraphs.iter().for_each(|&i| take(i));
            }
            for i in doc.answer_paragraphs(ex) {
                if i == raw.paragraph {
                    break;
                }
                take(i);
            }
        }
        mine.into_iter()
            .zip(around)
            .map(|(m, a)| (m, m.max(CONTEXT_CREDIT * a)))
            .collect()
    }

    /// The share of the question (weighted by `weights`) the passage covers: by itself, and
    /// with its context.
    pub(super) fn share(&self, weights: &[f32], raw: RawHit) -> (f32, f32) {
        let total: f32 = weights.iter().sum();
        if total <= 0.0 {
            return (1.0, 1.0);
        }
        let (mut own, mut all) = (0.0, 0.0);
        for (w, (mine, with_context)) in weights.iter().zip(self.credits(raw)) {
            own += w * mine;
            all += w * with_context;
        }
        (own / total, all / total)
    }
}
