//! How much of a question a passage covers: per concept of the question, the credit a paragraph
//! gives it (1: the word or a synonym stands in it; less for parts of the word), by itself and
//! with what comes before it in its exchange (the question, the earlier answer paragraphs).
//!
//! One question's candidates share exchanges, so each paragraph is scanned once per question,
//! for every form and part of every concept in one pass (Aho-Corasick), and remembered.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use aho_corasick::{AhoCorasick, AhoCorasickKind, packed};

use super::Engine;
use crate::search::{QueryPlan, RawHit};

/// Who a pattern string stands for: a concept's form (whole credit) or one of its parts
/// (partial credit by length).
#[derive(Debug, Clone, Copy)]
enum Owner {
    Form { concept: usize },
    Part { concept: usize, chars: usize },
}

/// Finds a question's form and part strings in a paragraph, leftmost-longest and without
/// overlaps. Built for every question, so building must be cheap: a few dozen strings get a
/// packed (SIMD) searcher, which builds in a fraction of an Aho-Corasick automaton's time and
/// scans as fast; more strings, or a machine without the instructions, get the automaton.
///
/// Strings of one or two bytes (5, ai) are searched apart from the rest. The packed searcher
/// tells candidates by their first bytes, as many as the shortest string has: one byte
/// that every Chinese character of a block shares makes nearly every position a candidate,
/// and with more than 16 strings it is not built at all. Chinese text holds few Latin letters,
/// so the short strings cost little on their own.
struct Matcher {
    /// Each searcher with, per its pattern, the index of the string it stands for.
    searchers: Vec<(Searcher, Vec<usize>)>,
}

enum Searcher {
    Packed(packed::Searcher),
    Automaton(AhoCorasick),
}

/// Strings shorter than this many bytes get a searcher of their own.
const SHORT_PATTERN: usize = 3;

impl Matcher {
    fn new(patterns: &[&str]) -> Option<Matcher> {
        let (short, long): (Vec<usize>, Vec<usize>) =
            (0..patterns.len()).partition(|&i| patterns[i].len() < SHORT_PATTERN);
        let searchers: Vec<(Searcher, Vec<usize>)> = [long, short]
            .into_iter()
            .filter(|group| !group.is_empty())
            .filter_map(|group| {
                let strings: Vec<&str> = group.iter().map(|&i| patterns[i]).collect();
                Searcher::new(&strings).map(|s| (s, group))
            })
            .collect();
        (!searchers.is_empty()).then_some(Matcher { searchers })
    }

    /// Calls `found` with the index of every string that matches in `text`. A short string
    /// inside a longer one found (5 in 2015年) is part of it, as in one leftmost-longest search.
    fn each_pattern(&self, text: &str, mut found: impl FnMut(usize)) {
        let mut spans: Vec<(usize, usize)> = Vec::new();
        for (k, (searcher, strings)) in self.searchers.iter().enumerate() {
            let last = k + 1 == self.searchers.len();
            searcher.each_match(text, |p, start, end| {
                if spans.iter().any(|&(s, e)| start < e && s < end) {
                    return;
                }
                if !last {
                    spans.push((start, end));
                }
                found(strings[p]);
            });
        }
    }
}

impl Searcher {
    fn new(patterns: &[&str]) -> Option<Searcher> {
        let packed = packed::Config::new()
            .match_kind(packed::MatchKind::LeftmostLongest)
            .builder()
            .extend(patterns)
            .build();
        if let Some(searcher) = packed {
            return Some(Searcher::Packed(searcher));
        }
        // The patterns are short strings; building cannot fail for them, and if it did every
        // passage would simply cover nothing.
        AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(patterns)
            .ok()
            .map(Searcher::Automaton)
    }

    /// Calls `found` with the pattern index, start and end of every match in `text`.
    fn each_match(&self, text: &str, mut found: impl FnMut(usize, usize, usize)) {
        match self {
            Searcher::Packed(s) => s
                .find_iter(text)
                .for_each(|m| found(m.pattern().as_usize(), m.start(), m.end())),
            Searcher::Automaton(a) => a
                .find_iter(text)
                .for_each(|m| found(m.pattern().as_usize(), m.start(), m.end())),
        }
    }
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
    matcher: Option<Matcher>,
    owners: Vec<Vec<Owner>>,
    /// Credits of every paragraph of an exchange, by (document, exchange), made when a
    /// candidate of that exchange is first looked at closely.
    exchanges: RefCell<HashMap<(usize, usize), Rc<ExchangeCredits>>>,
    /// Per document, what its title's subject gives each concept, scanned once per question.
    subjects: RefCell<HashMap<usize, Rc<[f32]>>>,
}

/// What each paragraph of one exchange gives each concept.
struct ExchangeCredits {
    /// Its answer paragraphs (indices in the document), in order.
    paragraphs: Vec<usize>,
    /// Per answer paragraph, per concept: the paragraph's own credit.
    own: Vec<Vec<f32>>,
    /// Per answer paragraph, per concept: the best credit of the paragraphs before it.
    before: Vec<Vec<f32>>,
    /// Per concept: the best credit of its question.
    question: Vec<f32>,
    /// Per concept: the best credit anywhere in the exchange.
    anywhere: Vec<f32>,
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
        let matcher = Matcher::new(&patterns);
        Coverage {
            engine,
            chars: plan.concepts.iter().map(|c| c.chars.max(1)).collect(),
            matcher,
            owners,
            exchanges: RefCell::new(HashMap::new()),
            subjects: RefCell::new(HashMap::new()),
        }
    }

    /// The credits of exchange `e` of document `d`, scanned once per question.
    fn exchange(&self, d: usize, e: usize) -> Rc<ExchangeCredits> {
        if let Some(x) = self.exchanges.borrow().get(&(d, e)) {
            return Rc::clone(x);
        }
        let doc = &self.engine.documents[d];
        let ex = &doc.exchanges[e];
        let n = self.chars.len();
        let mut question = self.subject(d).to_vec();
        if let Some(asked) = &ex.question {
            // Who asked is part of the question (凤凰卫视记者): a user may name the question by
            // its asker, as the index's question field does.
            max_into(
                &mut question,
                &self.scan(&crate::text::normalize_str(&asked.speaker)),
            );
        }
        // Its question and, for a follow-up (追问：蔡英文称这个决定…), the questions it follows up.
        let mut at = e;
        loop {
            let asked = doc.exchanges[at].question.as_ref();
            for &i in asked.iter().flat_map(|q| q.paragraphs.iter()) {
                max_into(&mut question, &self.scan(self.engine.normalized_text(d, i)));
            }
            if at == 0 || !asked.is_some_and(|q| q.follows_up()) {
                break;
            }
            at -= 1;
        }
        let paragraphs = doc.answer_paragraphs(ex);
        let own: Vec<Vec<f32>> = paragraphs
            .iter()
            .map(|&i| self.scan(self.engine.normalized_text(d, i)))
            .collect();
        let mut before = Vec::with_capacity(own.len());
        let mut so_far = vec![0.0f32; n];
        let mut all = vec![0.0f32; n];
        for (credits, &i) in own.iter().zip(&paragraphs) {
            // The answer to another part of the question is no context for this one.
            if doc.paragraphs[i].opens_part {
                so_far.iter_mut().for_each(|c| *c = 0.0);
            }
            before.push(so_far.clone());
            max_into(&mut so_far, credits);
            max_into(&mut all, credits);
        }
        let mut anywhere = question.clone();
        max_into(&mut anywhere, &all);
        let credits = Rc::new(ExchangeCredits {
            paragraphs,
            own,
            before,
            question,
            anywhere,
        });
        self.exchanges
            .borrow_mut()
            .insert((d, e), Rc::clone(&credits));
        credits
    }

    fn scan(&self, text: &str) -> Vec<f32> {
        let n = self.chars.len();
        let mut whole = vec![false; n];
        let mut found = vec![false; self.owners.len()];
        if let Some(m) = &self.matcher {
            // Longest first and without overlaps: where a word stands whole its parts need no
            // credit, and a scan that skips ahead is several times faster.
            m.each_pattern(text, |p| found[p] = true);
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

    /// Per concept, the credit of what document `d`'s title says it is about (nothing for a
    /// title that says nothing).
    fn subject(&self, d: usize) -> Rc<[f32]> {
        if let Some(credits) = self.subjects.borrow().get(&d) {
            return Rc::clone(credits);
        }
        let credits: Rc<[f32]> = match self.engine.documents[d].subject() {
            Some(subject) => self.scan(&crate::text::normalize_str(subject)).into(),
            None => vec![0.0; self.chars.len()].into(),
        };
        self.subjects.borrow_mut().insert(d, Rc::clone(&credits));
        credits
    }

    /// Per concept, the credit the passage gives it by itself, and what its exchange gives: its
    /// question, the answer paragraphs before it, the whole exchange.
    pub(super) fn credits(&self, raw: RawHit) -> Vec<Credit> {
        let doc = &self.engine.documents[raw.doc];
        // A paragraph outside any exchange (a statement's) has its title for a question.
        let alone = |own: &[f32]| -> Vec<Credit> {
            own.iter()
                .zip(self.subject(raw.doc).iter().copied())
                .map(|(&own, question)| Credit {
                    own,
                    question,
                    before: 0.0,
                    exchange: own.max(question),
                })
                .collect()
        };
        let Some(e) = doc.paragraphs[raw.paragraph].exchange else {
            return alone(&self.scan(self.engine.normalized_text(raw.doc, raw.paragraph)));
        };
        let x = self.exchange(raw.doc, e);
        let Some(k) = x.paragraphs.iter().position(|&i| i == raw.paragraph) else {
            return alone(&self.scan(self.engine.normalized_text(raw.doc, raw.paragraph)));
        };
        (0..self.chars.len())
            .map(|c| Credit {
                own: x.own[k][c],
                question: x.question[c],
                before: x.before[k][c],
                exchange: x.anywhere[c],
            })
            .collect()
    }

    /// The shares of the question (weighted by `weights`) the passage covers, alone and with
    /// its exchange.
    pub(super) fn shares(&self, weights: &[f32], entities: &[bool], raw: RawHit) -> Shares {
        let credits = self.credits(raw);
        let total: f32 = weights.iter().sum();
        let entity_total: f32 = weights
            .iter()
            .zip(entities)
            .filter(|(_, e)| **e)
            .map(|(w, _)| w)
            .sum();
        let mut s = Shares::default();
        for ((w, c), &entity) in weights.iter().zip(&credits).zip(entities) {
            s.own += w * c.own;
            s.context += w * c.with_context();
            s.question += w * c.question;
            s.exchange += w * c.exchange;
            if entity {
                s.entities += w * c.with_context();
            }
            s.added += w * (c.own - c.question.max(c.before)).max(0.0);
        }
        let share = |x: f32, of: f32| if of > 0.0 { x / of } else { 1.0 };
        Shares {
            own: share(s.own, total),
            context: share(s.context, total),
            question: share(s.question, total),
            exchange: share(s.exchange, total),
            entities: share(s.entities, entity_total),
            added: if total > 0.0 { s.added / total } else { 0.0 },
        }
    }
}

/// What one passage gives one concept of the question (1: the word or a synonym stands there).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Credit {
    /// In the passage itself.
    pub own: f32,
    /// In its exchange's question.
    pub question: f32,
    /// In the answer paragraphs before it.
    pub before: f32,
    /// Anywhere in its exchange (question and every answer paragraph).
    pub exchange: f32,
}

impl Credit {
    /// The passage read with what leads up to it: its question and the paragraphs before.
    pub fn with_context(&self) -> f32 {
        self.own
            .max(CONTEXT_CREDIT * self.question.max(self.before))
    }
}

/// Shares of the question's weight a passage covers.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Shares {
    /// By itself.
    pub own: f32,
    /// With its question and the paragraphs before it.
    pub context: f32,
    /// Its exchange's question alone.
    pub question: f32,
    /// Its whole exchange.
    pub exchange: f32,
    /// Of the names' weight, with context (1 when the question names nothing).
    pub entities: f32,
    /// What the passage covers that its question and the paragraphs before it do not: the part
    /// of the question this paragraph answers in its exchange.
    pub added: f32,
}

/// `into[k] = max(into[k], from[k])`.
fn max_into(into: &mut [f32], from: &[f32]) {
    for (a, b) in into.iter_mut().zip(from) {
        *a = a.max(*b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(m: &Matcher, text: &str) -> Vec<usize> {
        let mut out = Vec::new();
        m.each_pattern(text, |p| out.push(p));
        out
    }

    fn automaton(patterns: &[&str]) -> Matcher {
        let searcher = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(patterns)
            .expect("automaton");
        Matcher {
            searchers: vec![(Searcher::Automaton(searcher), (0..patterns.len()).collect())],
        }
    }

    #[test]
    fn both_matchers_find_the_longest_word_and_not_its_parts() {
        let patterns = ["中国", "中国公民", "公民", "遇难", "普吉"];
        let packed = Matcher::new(&patterns).expect("patterns");
        assert!(matches!(packed.searchers[..], [(Searcher::Packed(_), _)]));
        let automaton = automaton(&patterns);
        for text in [
            "据了解，有3名中国公民遇难。",
            "中国和普吉",
            "公民",
            "",
            "遇",
        ] {
            assert_eq!(found(&packed, text), found(&automaton, text), "{text}");
        }
        assert_eq!(found(&packed, "据了解，有3名中国公民遇难。"), [1, 3]);
        assert_eq!(found(&packed, "中国和普吉"), [0, 4]);
        assert!(Matcher::new(&[]).is_none());
    }

    #[test]
    fn short_strings_are_searched_apart_and_found_by_their_own_index() {
        // 20 strings, one of a single byte: together they would get no packed searcher.
        let mut patterns: Vec<String> = (0..19).map(|i| format!("词{i}")).collect();
        patterns.insert(3, "5".into());
        patterns.push("ai".into());
        let patterns: Vec<&str> = patterns.iter().map(String::as_str).collect();
        let split = Matcher::new(&patterns).expect("patterns");
        assert_eq!(split.searchers.len(), 2);
        assert!(matches!(split.searchers[0].0, Searcher::Packed(_)));
        let text = "有5名中国公民，词1和词18，ai。";
        let mut got = found(&split, text);
        got.sort_unstable();
        let mut want = found(&automaton(&patterns), text);
        want.sort_unstable();
        assert_eq!(got, want);
        assert_eq!(got, [1, 3, 19, 20]);
        // Inside a longer string found, a short one is part of it.
        let years = Matcher::new(&["2015年", "5", "年"]).expect("patterns");
        assert_eq!(found(&years, "2015年有5个"), [0, 1]);
    }
}
