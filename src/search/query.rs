//! From user text to a tantivy query, without tantivy's `QueryParser`.
//!
//! The parser would read `:`, `(`, `AND`, `*` and quotes as syntax and fail on them, and it turns
//! an unspaced Chinese question into one phrase over all its tokens, which matches nothing
//! (tantivy #718). So the question is segmented with the index's own analyzer, filler is dropped,
//! synonyms are added, and the query is built from term and phrase objects: any string gives a
//! query or nothing, never an error.

use std::collections::HashMap;

use tantivy::Term;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};

use crate::text::{ChineseTokenizer, Lexicon, normalize_str};

/// Weights of the query's parts; tuned on the dev set (`pressroom eval`).
#[derive(Debug, Clone, Copy)]
pub struct Weights {
    /// A whole word of the question.
    pub word: f32,
    /// A dictionary sub-word of a longer word (人工 in 人工智能).
    pub sub_word: f32,
    /// A single character that is not filler.
    pub single_char: f32,
    /// A synonym added from the table.
    pub synonym: f32,
    /// A match in the exchange's question (asker and text) relative to one in the passage.
    pub question_field: f32,
    /// A match in the passage's context (the first paragraph of its answer and the one before).
    pub context_field: f32,
    /// Two adjacent words of the question found adjacent in the passage.
    pub phrase: f32,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            word: 1.0,
            sub_word: 0.5,
            single_char: 0.3,
            synonym: 0.7,
            question_field: 0.35,
            context_field: 0.4,
            phrase: 1.5,
        }
    }
}

/// The analysed question: weighted terms and adjacent pairs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QueryPlan {
    /// Terms (normalised) with weights, strongest first.
    pub terms: Vec<(String, f32)>,
    /// Word pairs that stand next to each other in the question: `(offset, term)` each.
    pub phrases: Vec<Vec<(usize, String)>>,
    /// What to mark in a passage (normalised): the question's words, the sub-words that begin or
    /// end them, and the synonyms searched.
    pub highlight: Vec<String>,
    /// What the question is about, one entry per content word: the word and its synonyms.
    /// Used to judge how much of the question a passage covers (abstention, re-ranking).
    pub concepts: Vec<Concept>,
}

/// One content word of a question and the other names it goes by.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Concept {
    /// Normalised forms, the word as typed first.
    pub forms: Vec<String>,
    /// Its sub-words (search-mode segmentation), for partial credit: 核供应国 in 核供应国集团.
    pub parts: Vec<String>,
    /// Length of the word in characters.
    pub chars: usize,
    /// A name (person, place, organisation, a Latin word or a number): a passage that lacks it
    /// is about something else.
    pub entity: bool,
    /// A word of jieba's dictionary (or Latin): not a piece of a wrong segmentation (岛地 of
    /// 一个岛一个岛地).
    pub known: bool,
}

impl QueryPlan {
    /// Analyses `question` (at most `max_chars` characters of it are read).
    pub fn new(
        question: &str,
        lexicon: &Lexicon,
        search: &ChineseTokenizer,
        exact: &ChineseTokenizer,
        w: &Weights,
        max_chars: usize,
        names: &[String],
    ) -> QueryPlan {
        let question: String = question.chars().take(max_chars).collect();
        // A speaker's name is a constraint first: it may still match a passage that names the
        // person, but weakly (spokespersons rarely name themselves).
        let is_name = |t: &str| names.iter().any(|n| n == t);
        let mut weights: HashMap<String, f32> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        let mut add = |term: &str, weight: f32, weights: &mut HashMap<String, f32>| {
            if lexicon.is_filler(term) {
                return;
            }
            let e = weights.entry(term.to_string()).or_insert_with(|| {
                order.push(term.to_string());
                0.0
            });
            *e = e.max(weight);
        };

        let mut highlight: Vec<String> = Vec::new();
        let terms = search.terms(&question);
        let whole_query_chars = terms.iter().map(|t| t.chars).max().unwrap_or(0);
        for t in &terms {
            // A sub-word is a term lying inside a longer term at an overlapping position.
            let inside_longer = terms.iter().any(|o| {
                o.chars > t.chars
                    && o.position <= t.position
                    && t.position + t.chars <= o.position + o.chars
            });
            let single = t.chars == 1 && !t.text.is_ascii();
            let weight = if is_name(&t.text) || (single && whole_query_chars > 1) {
                w.single_char
            } else if inside_longer {
                w.sub_word
            } else {
                w.word
            };
            add(&t.text, weight, &mut weights);
            // A sub-word is marked in a passage only when it begins or ends its compound
            // (人工 and 智能 of 人工智能, not 国政 of 英国政府, which would light up 中国政府).
            let edge_of_every_compound = terms.iter().all(|o| {
                !(o.chars > t.chars
                    && o.position <= t.position
                    && t.position + t.chars <= o.position + o.chars)
                    || o.position == t.position
                    || o.position + o.chars == t.position + t.chars
            });
            if edge_of_every_compound && !lexicon.is_filler(&t.text) && !highlight.contains(&t.text)
            {
                highlight.push(t.text.clone());
            }
        }
        // Other names of what the question names; not of filler (中方 is no call for "China").
        let synonym_matches: Vec<(String, Vec<String>)> = lexicon
            .synonyms()
            .matches(&question)
            .into_iter()
            .filter(|(name, _)| !lexicon.is_filler(name))
            .collect();
        let normalized_question = normalize_str(&question);
        let expansions = synonym_matches
            .iter()
            .flat_map(|(_, others)| others)
            .filter(|o| !normalized_question.contains(o.as_str()));
        for expansion in expansions {
            if !highlight.contains(expansion) {
                highlight.push(expansion.clone());
            }
            for t in search.terms(expansion) {
                let weight = if t.chars == 1 && !t.text.is_ascii() {
                    w.single_char * w.synonym
                } else {
                    w.synonym
                };
                add(&t.text, weight, &mut weights);
            }
        }

        // Adjacent pairs of content words, from one segmentation without overlaps.
        let exact_terms = exact.terms(&question);
        let jieba = lexicon.jieba();
        let normalized = normalize_str(&question);
        let tags: HashMap<&str, &str> = jieba
            .tag(&normalized, true)
            .into_iter()
            .map(|t| (t.word, pos_class(t.tag)))
            .collect();
        let mut concepts: Vec<Concept> = Vec::new();
        for t in &exact_terms {
            if lexicon.is_filler(&t.text)
                || is_name(&t.text)
                || concepts.iter().any(|c| c.forms[0] == t.text)
            {
                continue;
            }
            let mut forms = vec![t.text.clone()];
            // The other names of a synonym found in the question that this word is (part of):
            // `korean` of "Korean Peninsula" is found as 朝鲜半岛 too.
            for (name, others) in &synonym_matches {
                let part_of = name == &t.text
                    || (name.is_ascii() && name.split(' ').any(|w| w == t.text))
                    || (!name.is_ascii() && name.contains(t.text.as_str()));
                if part_of {
                    for o in others {
                        if !forms.contains(o) {
                            forms.push(o.clone());
                        }
                    }
                }
            }
            let parts = terms
                .iter()
                .filter(|o| {
                    o.chars < t.chars
                        && o.chars > 1
                        && t.position <= o.position
                        && o.position + o.chars <= t.position + t.chars
                        && !lexicon.is_filler(&o.text)
                })
                .map(|o| o.text.clone())
                .collect();
            let latin = t
                .text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-')
                && (t.text.len() >= 2 && t.text.chars().any(|c| c.is_ascii_alphabetic())
                    || t.text.len() >= 3);
            let entity = latin || tags.get(t.text.as_str()).is_some_and(|c| *c == "name");
            let known = latin || t.text.is_ascii() || jieba.has_word(&t.text);
            concepts.push(Concept {
                forms,
                parts,
                chars: t.chars,
                entity,
                known,
            });
        }
        let mut phrases = Vec::new();
        for pair in exact_terms.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let adjacent = a.position + a.chars == b.position;
            let content = |t: &crate::text::Term| {
                !lexicon.is_filler(&t.text) && (t.chars > 1 || t.text.is_ascii())
            };
            if adjacent && content(a) && content(b) {
                phrases.push(vec![(0, a.text.clone()), (a.chars, b.text.clone())]);
            }
        }
        let mut terms: Vec<(String, f32)> = order
            .into_iter()
            .map(|t| {
                let w = weights[&t];
                (t, w)
            })
            .collect();
        terms.sort_by(|a, b| b.1.total_cmp(&a.1));
        QueryPlan {
            terms,
            phrases,
            highlight,
            concepts,
        }
    }

    /// Share of the concepts that are names.
    pub fn entities(&self) -> usize {
        self.concepts.iter().filter(|c| c.entity).count()
    }

    /// True when nothing searchable is left (empty, punctuation or filler only).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The tantivy query over the passage and question fields.
    pub fn to_query(
        &self,
        text: Field,
        question: Field,
        context: Field,
        w: &Weights,
    ) -> Box<dyn Query> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (term, weight) in &self.terms {
            for (field, boost) in [
                (text, 1.0),
                (question, w.question_field),
                (context, w.context_field),
            ] {
                if boost <= 0.0 {
                    continue;
                }
                let q = TermQuery::new(
                    Term::from_field_text(field, term),
                    IndexRecordOption::WithFreqs,
                );
                clauses.push((
                    Occur::Should,
                    Box::new(BoostQuery::new(Box::new(q), weight * boost)),
                ));
            }
        }
        for phrase in &self.phrases {
            let terms = phrase
                .iter()
                .map(|(o, t)| (*o, Term::from_field_text(text, t)))
                .collect();
            let q = PhraseQuery::new_with_offset(terms);
            clauses.push((
                Occur::Should,
                Box::new(BoostQuery::new(Box::new(q), w.phrase)),
            ));
        }
        Box::new(BooleanQuery::new(clauses))
    }
}

/// jieba's part-of-speech tags reduced to what matters here: proper names or not.
fn pos_class(tag: &str) -> &'static str {
    match tag {
        "nr" | "nrt" | "nrfg" | "ns" | "nt" | "nz" | "eng" => "name",
        _ => "word",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(q: &str) -> QueryPlan {
        let lex = Lexicon::embedded();
        let search = ChineseTokenizer::search(lex.jieba());
        let exact = ChineseTokenizer::exact(lex.jieba());
        QueryPlan::new(q, &lex, &search, &exact, &Weights::default(), 200, &[])
    }

    fn terms(p: &QueryPlan) -> Vec<&str> {
        p.terms.iter().map(|(t, _)| t.as_str()).collect()
    }

    #[test]
    fn filler_is_dropped_and_words_kept() {
        let p = plan("中方对人工智能合作持什么立场？");
        let t = terms(&p);
        assert!(t.contains(&"人工智能") && t.contains(&"合作"), "{t:?}");
        // Question words, and the kind of answer wanted (a stance), are not the subject.
        assert!(
            !t.contains(&"什么") && !t.contains(&"对") && !t.contains(&"立场"),
            "{t:?}"
        );
        // Nor are the names filler goes by (中方 is no call for "China").
        assert!(!t.contains(&"china") && !t.contains(&"中国"), "{t:?}");
        let concepts: Vec<&str> = p.concepts.iter().map(|c| c.forms[0].as_str()).collect();
        assert_eq!(concepts, ["人工智能", "合作", "持"]);
        assert!(
            p.phrases
                .iter()
                .any(|ph| ph[0].1 == "人工智能" && ph[1].1 == "合作"),
            "{:?}",
            p.phrases
        );
    }

    #[test]
    fn synonyms_reach_chinese_from_english() {
        let p = plan("AI governance");
        let t = terms(&p);
        assert!(t.contains(&"人工智能") && t.contains(&"治理"), "{t:?}");
    }

    #[test]
    fn hostile_text_gives_an_empty_or_plain_plan() {
        for q in [
            "",
            "   ",
            "？？？！！",
            "\"",
            "title:(a AND b)*",
            "😀😀",
            "吗？",
        ] {
            let p = plan(q);
            for (t, _) in &p.terms {
                assert!(t.chars().any(char::is_alphanumeric), "{q:?} gave {t:?}");
            }
        }
        assert!(plan("？？？").is_empty());
        assert!(plan("什么？吗").is_empty());
    }
}
