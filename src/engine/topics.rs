//! Topic names for exchanges, derived from the question, and the keys autocomplete matches on.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use pinyin::ToPinyin;

use crate::corpus::Document;
use crate::text::{ChineseTokenizer, Lexicon, normalize_str};

/// Words that say nothing about what a question is about.
const GENERIC: &[&str] = &[
    "中方",
    "中国",
    "国际社会",
    "记者",
    "问题",
    "今年",
    "去年",
    "近年来",
    "近期",
    "当前",
    "目前",
    "方面",
    "措施",
    "情况",
    "国家",
    "世界",
    "作用",
    "意义",
    "看法",
    "立场",
    "主张",
    "打算",
    "下阶段",
    "展望",
    "评论",
    "媒体",
    "学者",
    "外交部",
    "外长",
    "您",
    "重点",
    "提出",
    "认为",
    "希望",
    "关于",
    "一些",
    "很多",
    "越来越",
    "更多",
    "发挥",
    "带来",
    "实实在在",
    "好处",
    "面临",
    "担心",
    "开展",
    "持何",
    "是否",
    "仍",
    "坚持",
    "既定",
    "解决方案",
    "感受",
    "方案",
    "应对",
    "请问",
];

/// Per exchange of a document, the [`candidate_words`] of its question (`None`: it has none).
pub type QuestionWords = Vec<Option<Vec<(String, usize)>>>;

/// [`GENERIC`] as a set: every word of every question and first answer is looked up in it.
static GENERIC_WORDS: LazyLock<HashSet<&str>> = LazyLock::new(|| GENERIC.iter().copied().collect());

/// A short topic name for each exchange of `doc`: the word of the question (its candidate words
/// are `questions`) or, with no question, of the answer that best names it. A word scores by
/// how often the question and the answer use it, how rare it is across the library's exchanges,
/// and whether it is a domain term of the user dictionary (全球南方, 一带一路).
pub fn topic_names(
    doc: &Document,
    questions: &QuestionWords,
    exact: &ChineseTokenizer,
    lexicon: &Lexicon,
    df: &HashMap<String, usize>,
    exchanges_total: usize,
) -> Vec<String> {
    doc.exchanges
        .iter()
        .zip(questions)
        .map(|(ex, question)| {
            let answer: String = doc
                .answer_paragraphs(ex)
                .iter()
                .map(|&i| doc.paragraphs[i].text.as_str())
                .collect::<Vec<_>>()
                .join("\n");
            let answer_norm = normalize_str(&answer);
            let mut best: Option<(f64, String)> = None;
            let from_answer;
            let words: &[(String, usize)] = match question {
                Some(words) => words,
                None => {
                    from_answer = candidate_words(&answer, exact, lexicon);
                    &from_answer
                }
            };
            for (word, tf_source) in words {
                // A word inside a domain term of the same question (半岛 in 朝鲜半岛) names the
                // topic less well than the term itself.
                if words.iter().any(|(w, n)| {
                    w != word
                        && w.contains(word.as_str())
                        && lexicon.is_domain_term(w)
                        && 2 * n >= *tf_source
                }) {
                    continue;
                }
                let tf_answer = answer_norm.matches(word.as_str()).count() as f64;
                let df = df.get(word).copied().unwrap_or(1) as f64;
                let idf = (1.0 + exchanges_total as f64 / df).ln();
                let domain = if lexicon.is_domain_term(word) {
                    1.5
                } else {
                    1.0
                };
                let score = (2.0 * *tf_source as f64 + tf_answer.min(10.0)) * idf * domain
                    + 0.01 * word.chars().count() as f64;
                if best.as_ref().is_none_or(|(s, _)| score > *s) {
                    best = Some((score, word.clone()));
                }
            }
            best.map(|(_, w)| w)
                .unwrap_or_else(|| format!("第{}问", ex.number))
        })
        .collect()
}

/// Content words of `text` (two characters or more, no filler or generic words) with counts.
pub fn candidate_words(
    text: &str,
    exact: &ChineseTokenizer,
    lexicon: &Lexicon,
) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for t in exact.terms(text) {
        let w = t.text;
        if w.chars().count() < 2
            || lexicon.is_filler(&w)
            || GENERIC_WORDS.contains(w.as_str())
            || w.chars().all(|c| c.is_ascii_digit())
        {
            continue;
        }
        match counts.iter_mut().find(|(x, _)| *x == w) {
            Some((_, n)) => *n += 1,
            None => counts.push((w, 1)),
        }
    }
    counts
}

/// Pinyin of `s` without tones: the full syllables joined (`nanhai`) and the initials (`nh`).
/// Characters without pinyin are kept as they are (lowercased).
pub fn pinyin_keys(s: &str) -> (String, String) {
    let mut full = String::new();
    let mut initials = String::new();
    for c in s.chars() {
        match c.to_pinyin() {
            Some(p) => {
                full.push_str(p.plain());
                initials.push_str(&p.plain()[..1]);
            }
            None if c.is_alphanumeric() => {
                for l in c.to_lowercase() {
                    full.push(l);
                    initials.push(l);
                }
            }
            None => {}
        }
    }
    (full, initials)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinyin() {
        assert_eq!(pinyin_keys("南海"), ("nanhai".into(), "nh".into()));
        assert_eq!(pinyin_keys("一带一路"), ("yidaiyilu".into(), "ydyl".into()));
        assert_eq!(pinyin_keys("AI合作"), ("aihezuo".into(), "aihz".into()));
    }
}
