//! Quiz questions made from the transcript itself, each with its answer known: cloze (a key
//! term or number masked from a sentence of an answer), who asked, which topic, and which
//! statement the answerer made. Deterministic for a seed, so a session's quiz can be rebuilt.

use std::sync::LazyLock;

use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::{IndexedRandom, SliceRandom};
use regex::Regex;

use super::{Item, ItemKind};
use crate::corpus::Document;
use crate::engine::{Engine, ExchangeRef, exchange_id};
use crate::reply::render::truncate_chars;
use crate::text::compare_key;

/// The blank in a cloze prompt.
pub const BLANK: &str = "____";

static SENTENCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[^。！？；]+[。！？；]?").unwrap());
/// A number with the unit that makes it a fact (15年, 1000亿, 3个).
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d+(?:\.\d+)?)(年|个|亿|万|次|国|项|家|名|倍|%|多|周年)").unwrap()
});

/// One sentence of an answer, where it is.
struct Sentence {
    at: ExchangeRef,
    text: String,
    citation: String,
}

fn sentences(doc: &Document, d: usize, exchange: usize) -> Vec<Sentence> {
    let ex = &doc.exchanges[exchange];
    let mut out = Vec::new();
    for i in doc.answer_paragraphs(ex) {
        let p = &doc.paragraphs[i];
        for m in SENTENCE.find_iter(&p.text) {
            let text = m.as_str().trim();
            let n = text.chars().count();
            if (12..=90).contains(&n) {
                out.push(Sentence {
                    at: ExchangeRef { doc: d, exchange },
                    text: text.to_string(),
                    citation: doc.citation(p.number),
                });
            }
        }
    }
    out
}

/// The whole transcript as one comparison key: a filled-in distractor must not appear in it.
fn transcript_key(doc: &Document) -> String {
    compare_key(
        &doc.paragraphs
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join(""),
    )
}

/// Builds up to `count` questions over `exchanges` (all of one document, `doc`), mixing kinds.
pub fn generate(
    engine: &Engine,
    doc_index: usize,
    exchanges: &[usize],
    count: usize,
    seed: u64,
) -> Vec<Item> {
    let doc = &engine.documents()[doc_index];
    let mut rng = StdRng::seed_from_u64(seed);
    let all_key = transcript_key(doc);
    let all_exchanges: Vec<usize> = (0..doc.exchanges.len()).collect();
    // Key terms and numbers of every paragraph, once: the distractor pools.
    let pools = Pools {
        terms: doc
            .paragraphs
            .iter()
            .map(|p| (p.exchange, engine.key_terms(&p.text)))
            .collect(),
        numbers: doc
            .paragraphs
            .iter()
            .flat_map(|p| NUMBER.captures_iter(&p.text).map(|c| c[1].to_string()))
            .collect(),
    };
    let mut clozes = Vec::new();
    let mut statements = Vec::new();
    let mut askers = Vec::new();
    let mut topics = Vec::new();
    for &x in exchanges {
        let own = sentences(doc, doc_index, x);
        for s in &own {
            if let Some(item) = cloze(engine, doc, s, &all_key, &pools, &mut rng) {
                clozes.push(item);
            }
        }
        if let Some(item) =
            which_statement(engine, doc, doc_index, x, &own, &all_exchanges, &mut rng)
        {
            statements.push(item);
        }
        if let Some(item) = who_asked(doc, x, &mut rng) {
            askers.push(item);
        }
        if let Some(item) = which_topic(engine, doc_index, x, &own, &all_exchanges, &mut rng) {
            topics.push(item);
        }
    }
    for pool in [&mut clozes, &mut statements, &mut askers, &mut topics] {
        pool.shuffle(&mut rng);
    }
    // Round robin over the kinds, clozes twice as often: they test the content itself.
    let mut out = Vec::new();
    let mut pools = [clozes, statements, askers, topics];
    let pattern = [0, 1, 0, 2, 0, 3];
    let mut stalled = 0;
    let mut i = 0;
    while out.len() < count && stalled < pattern.len() {
        let pool = &mut pools[pattern[i % pattern.len()]];
        i += 1;
        match pool.pop() {
            Some(item) => {
                stalled = 0;
                out.push(item);
            }
            None => stalled += 1,
        }
    }
    out
}

/// Up to three distinct wrong choices drawn from `pool`; `None` when fewer than two.
fn distractors(mut pool: Vec<String>, rng: &mut StdRng) -> Option<Vec<String>> {
    pool.sort();
    pool.dedup();
    pool.shuffle(rng);
    pool.truncate(3);
    (pool.len() >= 2).then_some(pool)
}

/// Places the answer among the distractors at a random position.
fn shuffle_in(answer: String, distractors: Vec<String>, rng: &mut StdRng) -> (Vec<String>, usize) {
    let mut choices = distractors;
    choices.push(answer.clone());
    choices.shuffle(rng);
    let at = choices.iter().position(|c| *c == answer).unwrap_or(0);
    (choices, at)
}

/// Candidate distractors of a transcript.
struct Pools {
    /// Key terms of each paragraph, with its exchange.
    terms: Vec<(Option<usize>, Vec<String>)>,
    /// Every number with a unit.
    numbers: Vec<String>,
}

fn cloze(
    engine: &Engine,
    doc: &Document,
    s: &Sentence,
    all_key: &str,
    pools: &Pools,
    rng: &mut StdRng,
) -> Option<Item> {
    // Prefer a number (a fact with its unit), else a key term.
    let (start, answer) = if let Some(c) = NUMBER.captures(&s.text) {
        let m = c.get(1)?;
        (m.start(), m.as_str().to_string())
    } else {
        let terms = engine.key_terms(&s.text);
        let term = terms.choose(rng)?;
        (s.text.find(term.as_str())?, term.clone())
    };
    let prompt = format!(
        "{}{BLANK}{}",
        &s.text[..start],
        &s.text[start + answer.len()..]
    );
    // Distractors: other numbers, or other key terms, of the same transcript; never one that
    // makes the sentence true as well (the filled sentence must not be in the transcript).
    let is_number = answer.chars().all(|c| c.is_ascii_digit() || c == '.');
    let mut pool: Vec<String> = if is_number {
        pools.numbers.clone()
    } else {
        pools
            .terms
            .iter()
            .filter(|(x, _)| *x != Some(s.at.exchange))
            .flat_map(|(_, t)| t.iter().cloned())
            .collect()
    };
    if is_number && let Ok(n) = answer.parse::<u64>() {
        pool.extend([n + 1, n + 5, n.saturating_sub(3), n * 2].map(|x| x.to_string()));
    }
    let answer_key = compare_key(&answer);
    pool.sort();
    pool.dedup();
    pool.shuffle(rng);
    // Checked lazily: only as many candidates as it takes to find three fair ones.
    let pool: Vec<String> = pool
        .into_iter()
        .filter(|d| {
            let k = compare_key(d);
            !k.is_empty()
                && k != answer_key
                && !all_key.contains(&compare_key(&prompt.replace(BLANK, d)))
        })
        .take(3)
        .collect();
    if pool.len() < 2 {
        return None;
    }
    let (choices, at) = shuffle_in(answer.clone(), pool, rng);
    Some(Item {
        kind: ItemKind::Cloze,
        exchange: exchange_id(doc, doc.exchanges[s.at.exchange].number),
        prompt,
        choices,
        answer,
        answer_index: Some(at),
        quote: s.text.clone(),
        citation: s.citation.clone(),
    })
}

fn which_statement(
    engine: &Engine,
    doc: &Document,
    d: usize,
    x: usize,
    own: &[Sentence],
    all: &[usize],
    rng: &mut StdRng,
) -> Option<Item> {
    let real = own.choose(rng)?;
    let own_keys: Vec<String> = own.iter().map(|s| compare_key(&s.text)).collect();
    let mut others: Vec<Sentence> = all
        .iter()
        .filter(|&&o| o != x)
        .flat_map(|&o| sentences(doc, d, o))
        .filter(|s| !own_keys.contains(&compare_key(&s.text)))
        .collect();
    others.shuffle(rng);
    others.truncate(3);
    if others.len() < 2 {
        return None;
    }
    let topic = engine
        .topic(ExchangeRef {
            doc: d,
            exchange: x,
        })
        .title;
    let answerer = doc.exchanges[x]
        .answers
        .first()
        .map_or("答者", |t| t.speaker.as_str())
        .to_string();
    let (choices, at) = shuffle_in(
        real.text.clone(),
        others.into_iter().map(|s| s.text).collect(),
        rng,
    );
    Some(Item {
        kind: ItemKind::WhichStatement,
        exchange: exchange_id(doc, doc.exchanges[x].number),
        prompt: format!("在回答关于「{topic}」的提问时，{answerer}说了下面哪一句？"),
        choices,
        answer: real.text.clone(),
        answer_index: Some(at),
        quote: real.text.clone(),
        citation: real.citation.clone(),
    })
}

fn who_asked(doc: &Document, x: usize, rng: &mut StdRng) -> Option<Item> {
    let q = doc.exchanges[x].question.as_ref()?;
    let asker = q.speaker.clone();
    let others: Vec<String> = doc
        .exchanges
        .iter()
        .filter_map(|e| e.question.as_ref().map(|t| t.speaker.clone()))
        .filter(|s| *s != asker && s != "问")
        .collect();
    if asker == "问" {
        return None;
    }
    let others = distractors(others, rng)?;
    let text = doc.turn_text(q);
    let (choices, at) = shuffle_in(asker.clone(), others, rng);
    Some(Item {
        kind: ItemKind::WhoAsked,
        exchange: exchange_id(doc, doc.exchanges[x].number),
        prompt: format!("这个问题是谁提的？「{}」", truncate_chars(&text, 120)),
        choices,
        answer: asker,
        answer_index: Some(at),
        quote: text,
        citation: doc.citation(doc.paragraphs[q.paragraphs[0]].number),
    })
}

fn which_topic(
    engine: &Engine,
    d: usize,
    x: usize,
    own: &[Sentence],
    all: &[usize],
    rng: &mut StdRng,
) -> Option<Item> {
    let real = own.choose(rng)?;
    let topic = engine
        .topic(ExchangeRef {
            doc: d,
            exchange: x,
        })
        .title;
    let others: Vec<String> = all
        .iter()
        .filter(|&&o| o != x)
        .map(|&o| {
            engine
                .topic(ExchangeRef {
                    doc: d,
                    exchange: o,
                })
                .title
        })
        .filter(|t| *t != topic && !t.is_empty())
        .collect();
    let others = distractors(others, rng)?;
    let doc = &engine.documents()[d];
    let (choices, at) = shuffle_in(topic.clone(), others, rng);
    Some(Item {
        kind: ItemKind::WhichTopic,
        exchange: exchange_id(doc, doc.exchanges[x].number),
        prompt: format!("这句话出自哪个话题的回答？「{}」", real.text),
        choices,
        answer: topic,
        answer_index: Some(at),
        quote: real.text.clone(),
        citation: real.citation.clone(),
    })
}
