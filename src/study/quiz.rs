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
use crate::engine::study_support::StudyScope;
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

fn sentences(doc: &Document, at: ExchangeRef) -> Vec<Sentence> {
    let ex = &doc.exchanges[at.exchange];
    let mut out = Vec::new();
    for i in doc.answer_paragraphs(ex) {
        let p = &doc.paragraphs[i];
        for m in SENTENCE.find_iter(&p.text) {
            let text = m.as_str().trim();
            let n = text.chars().count();
            if (12..=90).contains(&n) {
                out.push(Sentence {
                    at,
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

/// Builds up to `count` questions over the exchanges of `scope`, mixing kinds.
pub fn generate(engine: &Engine, scope: &StudyScope<'_>, count: usize, seed: u64) -> Vec<Item> {
    let doc = scope.document;
    let mut rng = StdRng::seed_from_u64(seed);
    let all_key = transcript_key(doc);
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
    for &at in &scope.exchanges {
        let own = sentences(doc, at);
        for s in &own {
            if let Some(item) = cloze(engine, doc, s, &all_key, &pools, &mut rng) {
                clozes.push(item);
            }
        }
        let statement =
            about_a_sentence(ItemKind::WhichStatement, engine, scope, at, &own, &mut rng);
        statements.extend(statement);
        if let Some(item) = who_asked(doc, at, &mut rng) {
            askers.push(item);
        }
        topics.extend(about_a_sentence(
            ItemKind::WhichTopic,
            engine,
            scope,
            at,
            &own,
            &mut rng,
        ));
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

/// The id of exchange `at` of `doc`, as items store it.
fn item_exchange(doc: &Document, at: ExchangeRef) -> String {
    exchange_id(doc, doc.exchanges[at.exchange].number)
}

/// A multiple-choice item on `exchange`: the answer placed among the distractors at a random
/// position, with the passage it is quoted from.
fn choice_item(
    kind: ItemKind,
    exchange: String,
    prompt: String,
    answer: String,
    distractors: Vec<String>,
    (quote, citation): (String, String),
    rng: &mut StdRng,
) -> Item {
    let mut choices = distractors;
    choices.push(answer.clone());
    choices.shuffle(rng);
    let right = choices.iter().position(|c| *c == answer).unwrap_or(0);
    Item {
        kind,
        exchange,
        prompt,
        choices,
        answer,
        answer_index: Some(right),
        quote,
        citation,
    }
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
    let quote = (s.text.clone(), s.citation.clone());
    Some(choice_item(
        ItemKind::Cloze,
        item_exchange(doc, s.at),
        prompt,
        answer,
        pool,
        quote,
        rng,
    ))
}

/// A question about one sentence of the answer to `at`: which of these the answerer said
/// (the others are sentences of other answers), or which topic it is from (the others are
/// other topics).
fn about_a_sentence(
    kind: ItemKind,
    engine: &Engine,
    scope: &StudyScope<'_>,
    at: ExchangeRef,
    own: &[Sentence],
    rng: &mut StdRng,
) -> Option<Item> {
    let real = own.choose(rng)?;
    let topic = engine.topic(at).title;
    let (prompt, answer, others) = if kind == ItemKind::WhichStatement {
        let own_keys: Vec<String> = own.iter().map(|s| compare_key(&s.text)).collect();
        let mut others: Vec<Sentence> = scope
            .all
            .iter()
            .filter(|&&o| o != at)
            .flat_map(|&o| sentences(scope.document, o))
            .filter(|s| !own_keys.contains(&compare_key(&s.text)))
            .collect();
        others.shuffle(rng);
        others.truncate(3);
        if others.len() < 2 {
            return None;
        }
        let answerer = scope.document.exchanges[at.exchange]
            .answers
            .first()
            .map_or("答者", |t| t.speaker.as_str());
        (
            format!("在回答关于「{topic}」的提问时，{answerer}说了下面哪一句？"),
            real.text.clone(),
            others.into_iter().map(|s| s.text).collect(),
        )
    } else {
        let others: Vec<String> = scope
            .all
            .iter()
            .filter(|&&o| o != at)
            .map(|&o| engine.topic(o).title)
            .filter(|t| *t != topic && !t.is_empty())
            .collect();
        (
            format!("这句话出自哪个话题的回答？「{}」", real.text),
            topic,
            distractors(others, rng)?,
        )
    };
    Some(choice_item(
        kind,
        item_exchange(scope.document, at),
        prompt,
        answer,
        others,
        (real.text.clone(), real.citation.clone()),
        rng,
    ))
}

fn who_asked(doc: &Document, at: ExchangeRef, rng: &mut StdRng) -> Option<Item> {
    let q = doc.exchanges[at.exchange].question.as_ref()?;
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
    let citation = doc.citation(doc.paragraphs[q.paragraphs[0]].number);
    Some(choice_item(
        ItemKind::WhoAsked,
        item_exchange(doc, at),
        format!("这个问题是谁提的？「{}」", truncate_chars(&text, 120)),
        asker,
        others,
        (text, citation),
        rng,
    ))
}
