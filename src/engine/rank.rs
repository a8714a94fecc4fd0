//! Ranking candidates: each is described by a few figures (how well the index scored it and its
//! exchange, how much of the question it and its exchange cover, whether it holds the kind of
//! answer asked, where it stands in its answer), and scored by a linear model over them.
//!
//! The weights were fitted by `pressroom fit` on question sets written for the purpose
//! (pairwise logistic regression: the right passage above the others of the same question),
//! with 5-fold cross-validation saying what to expect on questions not seen; see the README's
//! Quality section. Figures are logs or shares, so the model reads as a product of factors: a
//! passage twice as strong in the index gains as much whatever the question.

use serde::Serialize;

/// The figures a candidate is ranked by, in [`FEATURES`] order.
pub(super) type Features = [f32; FEATURE_COUNT];

/// How many figures describe a candidate.
pub(super) const FEATURE_COUNT: usize = 27;

/// The names of the figures (for `eval --explain` and fitting).
pub(super) const FEATURES: [&str; FEATURE_COUNT] = [
    // ln(index score / best index score of the question)
    "bm25",
    // ln(best index score in its exchange / best of the question)
    "exchange_bm25",
    // share of the question's weight the passage covers by itself
    "own",
    // … with its question and the paragraphs before it
    "context",
    // … its exchange's question alone
    "question",
    // … its whole exchange
    "exchange",
    // share of the names' weight covered, with context
    "entities",
    // how well it holds the kind of answer asked (0 when none is asked)
    "answer_type",
    // how far it is from holding the kind of answer asked: 1 - answer_type (0 when none is asked)
    "answer_type_missing",
    // 1 for the first paragraph of an answer of several
    "first_paragraph",
    // 1 when from the days the question names (a period's own days, not the days after)
    "named_days",
    // share of the question's adjacent word pairs found adjacent in the passage
    "phrases",
    // share of the question covered by the passage and not by its question or the paragraphs
    // before it
    "added",
    // its own share less the best own share among the candidates of its exchange (≤ 0)
    "own_in_exchange",
    // its answer-type match less the best among the candidates of its exchange (≤ 0)
    "answer_type_in_exchange",
    // share of its exchange's question (character pairs) the passage repeats: a paragraph that
    // restates the event asked about, rather than answering it
    "restates_question",
    // words of the kind of response asked for (an action, a stance, an outcome) per fifty
    // characters, at most 1 (0 when the question asks for none)
    "response_words",
    // where it stands in its answer: 0 first, 1 last
    "position",
    // its restating less the least among the candidates of its exchange (≥ 0)
    "restates_in_exchange",
    // its response words less the most among the candidates of its exchange (≤ 0)
    "response_in_exchange",
    // 1 for the latest statement among candidates about the same event (said on several days)
    "latest_word",
    // … when the question asks how it turned out or how many in all
    "latest_word_asked",
    // the credit the paragraph itself gives the question's last content word (its focus)
    "focus",
    // … less the best among the candidates of its exchange (≤ 0)
    "focus_in_exchange",
    // 1 for the first statement among candidates about the same event (said on several days)
    "first_word",
    // … when the question asks what was said when it happened (那天, 第一时间, 去世时)
    "first_word_asked",
    // the share of the words of the question's asking clause (after its last comma: 华春莹怎样
    // 看待中英经贸往来中出现的这类问题) the paragraph itself holds, less the best among the
    // candidates of its exchange (≤ 0): the paragraph that answers what is asked, not the one
    // that restates the event the question opens with
    "asked_in_exchange",
];

/// Positions of the figures the ranking fills in after comparing candidates.
pub(super) const OWN: usize = 2;
pub(super) const ANSWER_TYPE: usize = 7;
pub(super) const ANSWER_TYPE_MISSING: usize = 8;
pub(super) const OWN_IN_EXCHANGE: usize = 13;
pub(super) const ANSWER_TYPE_IN_EXCHANGE: usize = 14;
pub(super) const RESTATES: usize = 15;
pub(super) const RESPONSE: usize = 16;
pub(super) const RESTATES_IN_EXCHANGE: usize = 18;
pub(super) const RESPONSE_IN_EXCHANGE: usize = 19;
pub(super) const EXCHANGE: usize = 5;
pub(super) const LATEST_WORD: usize = 20;
pub(super) const LATEST_WORD_ASKED: usize = 21;
pub(super) const FOCUS: usize = 22;
pub(super) const FOCUS_IN_EXCHANGE: usize = 23;
pub(super) const FIRST_WORD: usize = 24;
pub(super) const FIRST_WORD_ASKED: usize = 25;
pub(super) const ASKED_IN_EXCHANGE: usize = 26;

/// The fitted weights, in [`FEATURES`] order. The last, `asked_in_exchange`, was added in the
/// thirtieth session and fitted with the others held as they are (pairwise logistic regression
/// on the tuning sets' dumps, its weight against the score's): a full refit moves answers both
/// ways for no gain (docs/quality.md).
const WEIGHTS: Features = [
    1.192, 0.376, 0.126, 3.100, 2.719, 4.314, 0.957, 1.543, -1.241, 0.100, 0.716, -0.185, 1.138,
    1.267, -0.077, -0.757, 0.472, -0.167, 0.152, 0.798, -0.161, 0.123, 0.876, 0.529, 0.167, 1.339,
    2.256,
];

/// The score of a candidate with figures `x`.
pub(super) fn score(x: &Features) -> f32 {
    x.iter().zip(WEIGHTS.iter()).map(|(a, w)| a * w).sum()
}

/// The figures by name, for `eval --explain`.
#[derive(Debug, Clone, Serialize)]
pub struct NamedFeatures(pub Vec<(String, f32)>);

impl NamedFeatures {
    pub(super) fn of(x: &Features) -> NamedFeatures {
        NamedFeatures(
            FEATURES
                .iter()
                .zip(x.iter())
                .map(|(n, v)| (n.to_string(), *v))
                .collect(),
        )
    }
}

/// The character pairs (letters and digits) of a normalised text: packed, sorted, without
/// repeats, with a bitmap of their hashes so that most pairs of another text are told absent
/// without a search.
pub(super) struct CharPairs {
    sorted: Vec<u64>,
    bloom: [u64; BLOOM_WORDS],
}

const BLOOM_WORDS: usize = 64;

fn bloom_bit(pair: u64) -> (usize, u64) {
    let h = pair.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 52;
    ((h as usize / 64) % BLOOM_WORDS, 1 << (h % 64))
}

pub(super) fn char_pairs(text: &str) -> CharPairs {
    let mut sorted = Vec::with_capacity(text.len() / 3);
    each_pair(text, |p| sorted.push(p));
    sorted.sort_unstable();
    sorted.dedup();
    let mut bloom = [0u64; BLOOM_WORDS];
    for &p in &sorted {
        let (word, bit) = bloom_bit(p);
        bloom[word] |= bit;
    }
    CharPairs { sorted, bloom }
}

/// Share of the pairs `of` that stand in `text`.
pub(super) fn pairs_share(of: &CharPairs, text: &str) -> f32 {
    if of.sorted.is_empty() {
        return 0.0;
    }
    let mut seen = vec![false; of.sorted.len()];
    let mut found = 0;
    each_pair(text, |p| {
        let (word, bit) = bloom_bit(p);
        if of.bloom[word] & bit == 0 {
            return;
        }
        if let Ok(i) = of.sorted.binary_search(&p)
            && !seen[i]
        {
            seen[i] = true;
            found += 1;
        }
    });
    found as f32 / of.sorted.len() as f32
}

/// Calls `f` with each pair of adjacent letters or digits, packed in a `u64`.
fn each_pair(text: &str, mut f: impl FnMut(u64)) {
    let mut last: Option<u64> = None;
    for c in text.chars() {
        if crate::script::is_word_char(c) {
            let c = u64::from(c);
            if let Some(l) = last {
                f((l << 21) | c);
            }
            last = Some(c);
        }
    }
}

/// What says whether the library answers a question at all, read off its best candidate.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct AnswerEvidence {
    /// Share of the question the best passage covers with its question and the paragraphs
    /// before it.
    pub context: f32,
    /// … anywhere in its exchange.
    pub exchange: f32,
    /// … in its exchange's question.
    pub question: f32,
    /// Share of the names' weight it covers (1 when the question names nothing).
    pub entities: f32,
    /// How far it is from holding the kind of answer the question asks for (a count, a
    /// date…): 1 when it holds none, 0 when it holds one where it speaks of the subject.
    pub answer_type_missing: f32,
    /// The question's content words, tenths (at most 1): a long, specific question that is
    /// well covered is answered; two words covered by chance are not.
    pub words: f32,
    /// The credit it gives the question's focus (its last content word): 生日 in a passage on
    /// Wang Yi that never says his birthday is missing.
    pub focus: f32,
    /// Share of the question's weight in words the library never uses: in no answer, and in
    /// no reporter's question.
    pub unheard: f32,
}

/// The no-quote model: logistic regression on [`AnswerEvidence`], fitted by `pressroom fit` on
/// questions the library answers and questions it cannot (README, Quality). Returns the
/// probability that the best candidate answers the question.
pub(super) fn answer_probability(e: &AnswerEvidence) -> f32 {
    let z =
        -4.518 + 1.240 * e.context + 1.457 * e.exchange + 1.744 * e.question + 2.002 * e.entities
            - 2.122 * e.answer_type_missing
            + 1.709 * e.words
            + 0.466 * e.focus
            - 0.816 * e.unheard;
    1.0 / (1.0 + (-z).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_share_counts_each_pair_of_the_question_once() {
        let asked = char_pairs("中方对人工智能合作持什么立场？");
        assert_eq!(pairs_share(&asked, "中方对人工智能合作持什么立场"), 1.0);
        assert_eq!(pairs_share(&asked, "今天天气很好"), 0.0);
        // 人工, 工智, 智能 of the 13 pairs, however often they stand in the text.
        let share = pairs_share(&asked, "人工智能，人工智能！");
        assert!((share - 3.0 / 13.0).abs() < 1e-6, "{share}");
        assert_eq!(pairs_share(&char_pairs("，。"), "人工智能"), 0.0);
    }
}
