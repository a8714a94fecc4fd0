//! Answering a question over the library: constraints read out of the question and applied as
//! filters, candidates from the index, re-ranked by how much of the question they cover,
//! near-identical statements grouped, and an honest "nothing here answers this" when the best
//! candidate covers too little of the question.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use serde::Serialize;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query};

use super::coverage::{Coverage, Shares};
use super::rank::{self, AnswerEvidence, Features, NamedFeatures};
use super::statements::{Shingles, Sketch};
use super::{Engine, ExchangeRef, exchange_id};
use crate::corpus::{Document, Role};
use crate::reply::{Abstention, AlsoSaid, Answer, Context, Detail, DocumentRef, Hit, QuestionRef};
use crate::search::constraints::{self, Constraints, iso};
use crate::search::{
    AnswerEnd, AnswerType, Concept, NewNames, QueryPlan, RawHit, Reader, WordClass, asking_clause,
    holds_point, opens_a_list, opens_point,
};
use crate::text::{Reading, normalize, normalize_str};

/// How far (days each way) a few days without a briefing reach for the nearest ones, step by
/// step; and how many days (in one month) are a few.
const AROUND_DAYS: [u64; 2] = [7, 14];
const FEW_DAYS: u64 = 10;

/// How many candidates the index gives for re-ranking and grouping.
const CANDIDATES: usize = 60;
/// How many of the best passages by the reporters' questions alone join the candidates.
const ASKED_CANDIDATES: usize = 20;
/// A candidate whose exchange covers this share of the question: the question is answered
/// somewhere among the candidates, and the reporters' questions are not searched alone.
const WHOLE_QUESTION: f32 = 0.999;

/// At most this many paragraphs of the list a quoted passage opens are shown with it.
const LIST_ITEMS: usize = 6;

/// How many of them are looked at closely (their exchange, the kind of answer they hold),
/// chosen by a first look weighing the index score and what the paragraph covers in context.
const CLOSE_LOOK: usize = 30;
const FIRST_LOOK_BM25: f32 = 2.0;
const FIRST_LOOK_CONTEXT: f32 = 3.0;
/// How many of the best exchanges may have an answer paragraph the index missed joined
/// ([`Engine::add_asked_siblings`]).
const SIBLING_EXCHANGES: usize = 3;

/// Candidates whose exchanges cover at least this share of what the best one covers are taken
/// to be about the same event (for "the latest word on it").
const SAME_EVENT: f32 = 0.85;

/// Scores within this share of the best one's count as nearly alike, for a question about how
/// something turned out; among the best [`NEAR_TIE_CANDIDATES`].
const NEAR_TIE: f32 = 0.15;
const NEAR_TIE_CANDIDATES: usize = 3;

/// For a question after the latest word: candidates within this share of the best one's score,
/// among the best [`RECENT_CANDIDATES`], count as answers, and the latest of them goes first.
const RECENT_TIE: f32 = 0.3;
const RECENT_CANDIDATES: usize = 10;

/// For a question after the opening or the close of an answer: paragraphs of the first
/// candidate's exchange within this share of its score, among the best
/// [`ANSWER_END_CANDIDATES`], are the answer's words, and the first (or last) said goes first.
const ANSWER_END_TIE: f32 = 0.6;
/// … wider for a point asked by its place (第一点): the paragraph that opens with it says so in
/// its own words.
const POINT_TIE: f32 = 0.8;
/// … and for a question that asks only how the response went (…，外交部怎么回应): a near tie.
const RESPONSE_TIE: f32 = 0.05;
const ANSWER_END_CANDIDATES: usize = 10;

/// A word in more than this share of the passages (and at least [`COMMON_FLOOR`] of them) is
/// not searched, only counted in coverage.
const COMMON_SHARE: f32 = 0.02;
const COMMON_FLOOR: f32 = 500.0;

/// Below this probability that the best candidate answers the question (the no-quote model,
/// [`rank::answer_probability`]), nothing is quoted.
const MIN_ANSWER_PROBABILITY: f32 = 0.5;

/// Below this probability a quote is marked tentative: the closest passage, which may not answer
/// the question itself. Measured over the fitted sets (README, Quality): the first passage is
/// right for 0.60 of the questions quoted below it, and for 0.78–0.81 above.
const TENTATIVE_BELOW: f32 = 0.7;

/// The lift (in score, a log) of passages by the first of several speakers a question names.
const FIRST_NAMED: f32 = 0.2;

/// How many of the best candidates are grouped into statements.
const GROUPED_CANDIDATES: usize = 30;

/// Options of one question.
#[derive(Debug, Clone, Default)]
pub struct AskOptions {
    /// Passages wanted.
    pub top: usize,
    /// Constraints given explicitly (CLI `--speaker`, `/ask speaker:`); added to what the
    /// question itself says.
    pub constraints: Constraints,
    /// Rank the passages of this exchange first when they match at all (a study group's).
    pub prefer: Option<ExchangeRef>,
}

/// Which of the constraints a search had to set aside because they left nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Relaxed {
    /// None: every hit satisfies them.
    No,
    /// The speaker names; the period (and documents) still hold.
    Speakers,
    /// All of them.
    All,
}

/// How a question was read and ranked (`pressroom eval --explain`).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Explanation {
    /// What the question is about, one entry per content word.
    pub concepts: Vec<ConceptExplained>,
    /// The period the question names is outside the library.
    pub period_not_covered: bool,
    /// The constraints left nothing and were ignored.
    pub relaxed: bool,
    /// The question only selects (a period, a speaker): it is browsed, not ranked.
    pub browsing: bool,
    /// What says whether the best candidate answers the question (the no-quote model's input).
    pub evidence: Option<AnswerEvidence>,
    /// The no-quote model's probability that it does.
    pub answer_probability: Option<f32>,
    /// The candidates, best first.
    pub candidates: Vec<CandidateFeatures>,
    /// An English question's reading in Chinese, which was searched instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub read_as: Option<String>,
}

/// One concept of a question as the ranking weighs it.
#[derive(Debug, Clone, Serialize)]
pub struct ConceptExplained {
    /// The word as asked.
    pub form: String,
    /// Its weight (rarity, less for function words and single characters).
    pub weight: f32,
    /// In how many passages it (or a synonym) stands.
    pub df: u64,
    /// A name.
    pub entity: bool,
    /// A dictionary word.
    pub known: bool,
    /// Its word class.
    pub class: String,
    /// How specific it is in Chinese at large (0 to 1).
    pub specificity: f32,
}

/// One candidate with the figures the ranking uses (for tuning: `pressroom eval --explain`).
#[derive(Debug, Clone, Serialize)]
pub struct CandidateFeatures {
    /// Citation.
    pub citation: String,
    /// Document id.
    pub doc: String,
    /// Paragraph number.
    pub paragraph: usize,
    /// Its exchange in the document.
    pub exchange: Option<usize>,
    /// BM25 with boosts.
    pub bm25: f32,
    /// Share of the question covered by the passage itself.
    pub own: f32,
    /// Share covered by the passage, its question and its context.
    pub coverage: f32,
    /// Final score.
    pub score: f32,
    /// The passage's text.
    pub text: String,
    /// Per concept of the question (see [`Explanation::concepts`]), the credit this passage
    /// gives it: by itself, with its context, anywhere in its exchange, in its exchange's
    /// question.
    pub credits: Vec<[f32; 4]>,
    /// The figures it is ranked by.
    pub features: NamedFeatures,
}

struct Scored {
    raw: RawHit,
    /// The passage's shares of the question (alone, with its exchange).
    shares: Shares,
    /// The figures it is ranked by.
    features: Features,
    score: f32,
}

/// The places of the best `window` candidates that score within `tie` (a share) of the first
/// (the first among them): those a reordering may bring to the front.
fn near_the_first(scored: &[Scored], tie: f32, window: usize) -> impl Iterator<Item = usize> + '_ {
    let near = scored
        .first()
        .map_or(f32::INFINITY, |top| top.score - tie * top.score.abs());
    (0..scored.len().min(window)).filter(move |&i| scored[i].score >= near)
}

/// Names that answer in the library: speakers of answer paragraphs that look like a person's
/// name (not a role such as 发言人), longest first so 华春莹 is tried before any shorter name.
pub(super) fn library_speakers(documents: &[Document]) -> Vec<String> {
    let mut names: HashSet<&str> = HashSet::new();
    for d in documents {
        for p in &d.paragraphs {
            if p.role == Role::Answer
                && let Some(s) = p.speaker.as_deref()
                && is_personal_name(s)
            {
                names.insert(s);
            }
        }
    }
    let mut out: Vec<String> = names.into_iter().map(str::to_string).collect();
    out.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    out
}

fn is_personal_name(s: &str) -> bool {
    let chars = s.chars().count();
    let han = s.chars().all(|c| crate::script::is_han(c) || c == '·');
    let role = [
        "发言人",
        "记者",
        "主持人",
        "问",
        "答",
        "部长",
        "外长",
        "大使",
        "代表",
    ]
    .iter()
    .any(|r| s.ends_with(r));
    han && (2..=8).contains(&chars) && !role
}

impl Engine {
    /// The best `top` passages for `question`. Never fails on user text: anything that leaves
    /// nothing to search gives an answer with no hits.
    pub fn ask(&self, question: &str, top: usize) -> Answer {
        self.ask_with(
            question,
            &AskOptions {
                top,
                ..AskOptions::default()
            },
        )
    }

    /// Like [`Engine::ask`], with the passages of `prefer` (the exchange a study group is on)
    /// ranked first when they match at all.
    pub fn ask_preferring(
        &self,
        question: &str,
        top: usize,
        prefer: Option<ExchangeRef>,
    ) -> Answer {
        self.ask_with(
            question,
            &AskOptions {
                top,
                prefer,
                ..AskOptions::default()
            },
        )
    }

    /// Names that answer in the library (for autocomplete and `--speaker`).
    pub fn speakers(&self) -> &[String] {
        &self.speakers
    }

    /// The first and last day of the library, as ISO dates.
    pub fn period(&self) -> Option<(String, String)> {
        self.dated_span().map(|(min, max)| (iso(min), iso(max)))
    }

    /// For a period inside the library's days that none of its transcripts is of (a gap): the
    /// days of the nearest transcripts before and after it.
    fn around_gap(&self, c: &Constraints) -> Option<(String, String)> {
        let (since, until) = c.period()?;
        let before = self
            .days
            .iter()
            .copied()
            .filter(|&d| d > 0 && d < since)
            .max()?;
        let after = self.days.iter().copied().filter(|&d| d > until).min()?;
        Some((iso(before), iso(after)))
    }

    /// The first and last day of the library's dated statements.
    fn dated_span(&self) -> Option<(u64, u64)> {
        let days = self.days.iter().copied().filter(|&d| d > 0);
        let (min, max) = days.fold((u64::MAX, 0), |(a, b), d| (a.min(d), b.max(d)));
        (max > 0).then_some((min, max))
    }

    /// Does the library hold a statement of `c`'s period (true when `c` names none)?
    fn holds_period(&self, c: &Constraints) -> bool {
        c.period()
            .is_none_or(|(since, until)| self.days.iter().any(|&d| d >= since && d <= until))
    }

    /// An English question read in the library's Chinese (`None` for a Chinese question, or an
    /// English one the glossary knows nothing of).
    pub fn read_english(&self, question: &str) -> Option<Reading> {
        // A chat message's links and mentions are Latin letters of no question.
        let question = crate::text::without_chat_markup(question);
        if !crate::script::mostly_latin(&question) {
            return None;
        }
        let speakers: Vec<(String, String)> = self
            .speakers
            .iter()
            .map(|name| (super::pinyin_keys(name).0, name.clone()))
            .collect();
        self.lexicon.english().read(
            &question,
            &speakers,
            |word| self.index.doc_freq(word),
            |pinyin| self.word_by_pinyin(pinyin),
        )
    }

    /// The library's most used word of two to four Han characters whose pinyin is `pinyin`
    /// (`wangyang` → 汪洋).
    fn word_by_pinyin(&self, pinyin: &str) -> Option<&str> {
        self.words_by_pinyin
            .get_or_init(|| {
                let words = self.index.words_matching(|w| {
                    (2..=4).contains(&w.chars().count()) && w.chars().all(crate::script::is_han)
                });
                let mut best: HashMap<String, (u64, String)> = HashMap::new();
                for (word, n) in words {
                    let key = super::pinyin_keys(&word).0;
                    let slot = best.entry(key).or_insert((0, String::new()));
                    // The most used; of equals, the first in character order, so a build
                    // gives the same word whatever its segments.
                    if n > slot.0 || (n == slot.0 && word < slot.1) {
                        *slot = (n, word);
                    }
                }
                best.into_iter().map(|(k, (_, w))| (k, w)).collect()
            })
            .get(pinyin)
            .map(String::as_str)
    }

    /// The answer to `question` with `options`. A question in English is asked as its reading in
    /// Chinese ([`Engine::read_english`]), and quoted only when the no-quote model is sure of
    /// the passage: a word-for-word reading says less than the question did.
    pub fn ask_with(&self, question: &str, options: &AskOptions) -> Answer {
        let reading = self.read_english(question);
        let english = reading.is_some() || crate::script::mostly_latin(question);
        let mut answer = match reading {
            None => self.ask_as_written(question, options),
            Some(reading) => {
                let mut answer = self.ask_as_written(&reading.chinese, options);
                answer.query = question.to_string();
                answer.read_as = Some(reading.chinese);
                if answer.tentative && !answer.browsing {
                    answer.hits.clear();
                    answer.tentative = false;
                    answer.abstained = Some(Abstention::NotCovered);
                }
                answer
            }
        };
        // Nothing answers an English question: the library is in Chinese, and topics near its
        // few Chinese words are near by chance.
        if english && answer.abstained == Some(Abstention::NotCovered) {
            answer.abstained = Some(Abstention::NotInChinese);
            answer.suggestions.clear();
        }
        answer
    }

    /// The answer to `question`, read as it is written.
    fn ask_as_written(&self, question: &str, options: &AskOptions) -> Answer {
        let mut answer = Answer {
            query: question.to_string(),
            ..Answer::default()
        };
        let (plan, constraints) = match self.understand(question, options) {
            Ok(read) => read,
            Err(why) => {
                answer.abstained = why;
                return answer;
            }
        };
        let answered = self.answer_read(answer.clone(), &plan, &constraints, options);
        // A year the question names alone is as often when the event happened (2014年马航MH17
        // 被击落中方表态) as when it was spoken of: when nothing said in it answers, a sure
        // answer from another time is given, saying the year was let go. Not a month or a day,
        // which date the words asked about (2019年5月特雷莎·梅辞职), nor a period chosen as an
        // option, which is the asker's filter (`understand` clears the flag for one).
        if answered.abstained == Some(Abstention::NotCovered) && constraints.year_alone {
            let other_times = constraints.without_period();
            let mut wider = self.answer_read(answer, &plan, &other_times, options);
            // A selection alone (华春莹 2017) is browsed, not answered: an empty one says so.
            if !wider.hits.is_empty() && !wider.tentative && !wider.relaxed && !wider.browsing {
                let period = constraints.period_label.clone().unwrap_or_default();
                if other_times.is_empty() {
                    wider.filters = Some(period);
                    wider.relaxed = true;
                } else if wider.ignored.is_none() {
                    wider.ignored = Some(period);
                }
                return wider;
            }
        }
        answered
    }

    /// The answer to a question read as `plan` under `constraints`.
    fn answer_read(
        &self,
        mut answer: Answer,
        plan: &QueryPlan,
        constraints: &Constraints,
        options: &AskOptions,
    ) -> Answer {
        if !constraints.is_empty() {
            answer.filters = Some(constraints.describe());
        }
        if options.top == 0 {
            return answer;
        }
        if !self.holds_period(constraints) {
            let (first, last) = self.period().unzip();
            answer.abstained = Some(Abstention::PeriodNotCovered {
                first,
                last,
                nearest: self.around_gap(constraints),
            });
            return answer;
        }
        if self.only_selects(plan, constraints) {
            answer.hits = self.browse(constraints, options.top);
            answer.browsing = true;
            if answer.hits.is_empty() {
                answer.abstained = Some(Abstention::NotCovered);
            }
            return answer;
        }
        let weights = self.concept_weights(plan);
        let coverage = Coverage::new(self, plan);
        let (mut scored, relaxed) =
            self.candidates(plan, &coverage, &weights, constraints, options.prefer);
        match relaxed {
            Relaxed::No => {}
            Relaxed::Speakers => {
                answer.ignored = Some(constraints.speakers.join("/"));
                answer.filters = Some(constraints.without_speakers().describe());
            }
            Relaxed::All => answer.relaxed = true,
        }
        let Some(best) = scored.first() else {
            // The question has content, and no passage (of the speaker asked about) has any
            // of it.
            answer.abstained = Some(if constraints.speaker_asked {
                Abstention::SpeakerNotQuoted {
                    speakers: constraints.speakers.join("/"),
                }
            } else {
                Abstention::NotCovered
            });
            return answer;
        };
        // A document named by its title (《外国补贴条例》) that the library never names is not
        // spoken of, however well the question's other words are covered.
        // So is a term it quotes, a meeting it names by its parties or a craft by its number.
        let unnamed = self
            .first_unnamed(&plan.titles)
            .map(|title| Abstention::TitleNotNamed {
                title: title.to_string(),
            })
            .or_else(|| {
                self.first_unnamed(&plan.quoted)
                    .map(|term| Abstention::TermNotNamed {
                        term: term.to_string(),
                    })
            })
            .or_else(|| {
                self.unheard_speaker(plan, constraints)
                    .map(|name| Abstention::SpeakerNotNamed {
                        name: name.to_string(),
                    })
            });
        if unnamed.is_some() {
            answer.abstained = unnamed;
            answer.suggestions = self.nearest_topics(&scored, 3);
            return answer;
        }
        let preferred = options
            .prefer
            .is_some_and(|p| self.in_exchange(best.raw, p));
        let probability = self.answer_probability(plan, &weights, best);
        // A question after one detail (哪一年, 哪几个国家, 叫什么名字) that the best passage has
        // nothing of is not answered: the library speaks of the subject, not of the detail.
        // (Asking the best two or five instead keeps fewer of the unanswerable questions
        // unquoted: a lower candidate on the subject usually has some date or count.)
        let detail_missing = best.features[rank::ANSWER_TYPE_MISSING] >= 1.0
            && plan.kinds.asks_only_a_detail(&plan.normalized);
        if !preferred && (probability < MIN_ANSWER_PROBABILITY || detail_missing) {
            // Said as a missing detail only where the library does speak of the subject.
            answer.abstained = Some(if detail_missing && probability >= MIN_ANSWER_PROBABILITY {
                Abstention::DetailNotGiven {
                    detail: detail_asked(&plan.kinds),
                }
            } else {
                Abstention::NotCovered
            });
            answer.suggestions = self.nearest_topics(&scored, 3);
            return answer;
        }
        answer.tentative = !preferred && probability < TENTATIVE_BELOW;
        if !preferred && plan.kinds.recent {
            self.later_first(&mut scored, RECENT_TIE, RECENT_CANDIDATES);
        } else if !preferred && plan.kinds.outcome {
            self.later_first(&mut scored, NEAR_TIE, NEAR_TIE_CANDIDATES);
        }
        if !preferred && let Some(end) = plan.kinds.answer_end {
            let tie = match end {
                AnswerEnd::Point(_) | AnswerEnd::LastPoint => POINT_TIE,
                AnswerEnd::Opening | AnswerEnd::Closing => ANSWER_END_TIE,
            };
            self.answer_end_first(&mut scored, end, tie);
        } else if !preferred && plan.kinds.plain_response {
            // 外交部怎么回应 alone: of near ties in one answer, its opening is the response.
            self.answer_end_first(&mut scored, AnswerEnd::Opening, RESPONSE_TIE);
        }
        let highlight: HashSet<&str> = plan.highlight.iter().map(String::as_str).collect();
        let groups = self.group_statements(&scored, options.top);
        for group in groups {
            let lead = &scored[group[0]];
            let rank = answer.hits.len() + 1;
            if let Some(mut hit) = self.hit(
                lead.raw.doc,
                lead.raw.paragraph,
                lead.score,
                rank,
                &highlight,
            ) {
                hit.also = group[1..]
                    .iter()
                    .filter_map(|&g| self.also_said(scored[g].raw))
                    .collect();
                answer.hits.push(hit);
            }
        }
        answer
    }

    /// How a question is read and its candidates ranked, best first (for tuning and
    /// `eval --explain`).
    pub fn explain(&self, question: &str, options: &AskOptions) -> Explanation {
        let mut out = Explanation::default();
        let reading = self.read_english(question);
        let question = reading.as_ref().map_or(question, |r| r.chinese.as_str());
        out.read_as = reading.as_ref().map(|r| r.chinese.clone());
        let Ok((plan, constraints)) = self.understand(question, options) else {
            return out;
        };
        if !self.holds_period(&constraints) {
            out.period_not_covered = true;
            return out;
        }
        if self.only_selects(&plan, &constraints) {
            out.browsing = true;
            return out;
        }
        let weights = self.concept_weights(&plan);
        out.concepts = plan
            .concepts
            .iter()
            .zip(&weights)
            .map(|(c, w)| ConceptExplained {
                form: c.forms[0].clone(),
                weight: *w,
                df: self.concept_df(c),
                entity: c.entity,
                known: c.known,
                class: format!("{:?}", c.class),
                specificity: self.lexicon.specificity(&c.forms[0]),
            })
            .collect();
        let coverage = Coverage::new(self, &plan);
        let (scored, relaxed) =
            self.candidates(&plan, &coverage, &weights, &constraints, options.prefer);
        out.relaxed = relaxed == Relaxed::All;
        out.evidence = scored
            .first()
            .map(|best| self.evidence(&plan, &weights, best));
        out.answer_probability = out.evidence.as_ref().map(rank::answer_probability);
        out.candidates = scored
            .into_iter()
            .map(|s| {
                let credits = coverage
                    .credits(s.raw)
                    .iter()
                    .map(|c| [c.own, c.with_context(), c.exchange, c.question])
                    .collect();
                let doc = &self.documents[s.raw.doc];
                let p = &doc.paragraphs[s.raw.paragraph];
                CandidateFeatures {
                    citation: doc.citation(p.number),
                    doc: doc.id.clone(),
                    paragraph: p.number,
                    exchange: p.exchange,
                    bm25: s.raw.score,
                    own: s.shares.own,
                    coverage: s.shares.context,
                    features: NamedFeatures::of(&s.features),
                    score: s.score,
                    text: p.text.clone(),
                    credits,
                }
            })
            .collect();
        out
    }

    /// The person named last in `before`, the words before a briefing's ordinal (汪文斌 of
    /// 汪文斌第一次主持记者会), when no one of that name answers in the library.
    fn host_not_in_library(&self, before: &str) -> Option<String> {
        let jieba = self.lexicon.jieba();
        let tagged = jieba.tag(before, true);
        let last = tagged.last()?;
        (last.tag.starts_with("nr")
            && last.word.chars().count() >= 2
            && !self.speakers.iter().any(|s| s == last.word))
        .then(|| last.word.to_string())
    }

    /// The analysed form of a question (for debugging and tests).
    pub fn plan(&self, question: &str) -> QueryPlan {
        self.understand(question, &AskOptions::default())
            .map(|(p, _)| p)
            .unwrap_or_default()
    }

    /// The question's plan and constraints; when nothing is left to search, why not (`None`:
    /// the question names nothing to look for).
    fn understand(
        &self,
        question: &str,
        options: &AskOptions,
    ) -> Result<(QueryPlan, Constraints), Option<Abstention>> {
        let question: String = question.chars().take(self.max_query_chars).collect();
        let question = crate::text::without_chat_markup(&question);
        let question = crate::text::mainland_vocabulary(&question).into_owned();
        let normalized = normalize_str(&question);
        let extracted = constraints::extract(&normalized, &self.speakers);
        let mut c = extracted.constraints;
        // The year of an event the question names (申办2030年世界杯, 2009年H1N1流感), later than
        // now or earlier than the library, is when it happened, not when it was spoken of.
        if let Some(year) = extracted.year_in_clause
            && !self.holds_period(&c)
            && (year > constraints::this_year()
                || self
                    .dated_span()
                    .is_some_and(|(first, _)| year < first / 10_000))
        {
            c = c.without_period();
        }
        // A whole year the library holds nothing of, when its first transcripts fall in the
        // next year's first quarter, is looked for there: the year is reviewed at the next
        // spring's press conferences (2023年 at 王毅's of 2024-03-07).
        if !self.holds_period(&c)
            && let Some(review) = c.with_next_spring()
            && self.holds_period(&review)
        {
            c = review;
        }
        // A day (or a few) inside the library's span without a briefing (a weekend, a holiday,
        // the day of the parade itself) asks about the briefings around it, not about a period
        // the library does not cover. A month or a year without one is a gap in the library.
        if !self.holds_period(&c)
            && c.since
                .zip(c.named_until)
                .is_some_and(|(since, named)| named.saturating_sub(since) <= FEW_DAYS)
            && let Some((first, last)) = self.dated_span()
            && let Some((since, until)) = c.period()
            && since <= last
            && until >= first
            && let Some(wider) = AROUND_DAYS
                .iter()
                .map(|&days| c.around(days))
                .find(|wider| self.holds_period(wider))
        {
            c = wider;
        }
        let explicit = &options.constraints;
        if explicit.since.is_some() || explicit.until.is_some() {
            c.since = explicit.since;
            c.until = explicit.until;
            c.period_label = explicit.period_label.clone();
            c.named_until = None;
            // The asker's filter, not a year the question names: never let go.
            c.year_alone = false;
        }
        if !explicit.speakers.is_empty() {
            c.speakers = explicit.speakers.clone();
            c.speaker_asked = false;
        }
        if !explicit.documents.is_empty() {
            c.documents = explicit.documents.clone();
        }
        // The first or last briefing of the selection (耿爽第一次主持记者会) is that one briefing.
        if let Some(ordinal) = extracted.briefing
            && c.documents.is_empty()
        {
            // Its host named, who never answers in the library (汪文斌第一次主持记者会, over a
            // library that ends before his first): not the library's first briefing.
            if c.speakers.is_empty()
                && let Some(host) = extracted
                    .before_briefing
                    .as_deref()
                    .and_then(|before| self.host_not_in_library(before))
            {
                return Err(Some(Abstention::SpeakerNotQuoted { speakers: host }));
            }
            c = self.one_briefing(c, ordinal);
        }
        let vocabulary = |t: &str| self.index.doc_freq(t);
        let phrase_passages = |terms: &[(usize, &str)]| self.index.phrase_freq(terms);
        let reader = Reader {
            lexicon: &self.lexicon,
            search: &self.search_tok,
            weights: &self.weights,
            max_chars: self.max_query_chars,
            vocabulary: &vocabulary,
            phrase_passages: &phrase_passages,
        };
        // The plan reads the question as typed (acronyms keep their capitals) without the
        // period, which is a filter and no word of any passage, and without what `rest` cuts.
        let plan_of = |rest: &str| {
            let cut = c.period_label.is_some() || extracted.briefing.is_some();
            let mut text = if cut && rest != normalized {
                crate::text::with_typed_capitals(rest, &question)
            } else {
                question.clone()
            };
            // A speaker set aside is no word of the answer.
            for name in &c.except_speakers {
                text = text.replace(name.as_str(), " ");
            }
            // A speaker's name stands apart, and the title beside it (外交部发言人华春莹, 王毅外长)
            // names the speaker, not the subject.
            for name in &extracted.names {
                text = crate::search::without_titles_of(&text, name);
            }
            let text = crate::search::without_the_office(&text);
            QueryPlan::new(&text, &reader, &extracted.names)
        };
        let mut plan = plan_of(&extracted.rest);
        // Beside a subject, the words of the briefing asked (主持首场记者会) are searched too: the
        // reporter's question of that briefing may say them (祝贺你主持首场外交部例行记者会).
        if let Some(rest) = &extracted.rest_with_briefing
            && super::browse::names_a_subject(&plan, &c)
        {
            plan = plan_of(rest);
        }
        // A day without its year (3月8日的记者会说了什么), with nothing else asked, names that
        // day's briefings in every year the library holds one. Not beside a subject: there it
        // is as often the day of the event (3月11日地震后), which later briefings speak of.
        if c.period().is_none()
            && c.documents.is_empty()
            && !super::browse::names_a_subject(&plan, &c)
            && let Some((month, day)) = constraints::yearless_day(&normalized)
        {
            let held: Vec<usize> = (0..self.documents.len())
                .filter(|&d| self.days[d] % 10_000 == month * 100 + day)
                .collect();
            if held.is_empty() {
                // The day alone was asked, and no year of the library has a briefing on it.
                return Err(Some(Abstention::DayNotHeld {
                    day: format!("{month}月{day}日"),
                }));
            }
            let mut years: Vec<u64> = held.iter().map(|&d| self.days[d] / 10_000).collect();
            years.sort_unstable();
            years.dedup();
            let years: Vec<String> = years.iter().map(u64::to_string).collect();
            c.documents = held.iter().map(|&d| self.documents[d].id.clone()).collect();
            c.period_label = Some(format!("{month}月{day}日 ({})", years.join(", ")));
        }
        // Nothing but function words and verbs of saying (这事儿怎么个说法, 他们怎么说) asks about
        // nothing: without a period or a speaker to browse by, there is nothing to look for.
        // A period, a speaker or a transcript alone (2019年5月20日) is browsed by.
        let about_nothing = !plan.concepts.iter().any(|k| k.is_topical()) && c.is_empty();
        if about_nothing || (plan.is_empty() && c.is_empty()) {
            return Err(None);
        }
        Ok((plan, c))
    }

    /// Candidates from the index, filtered by `c` (when that leaves nothing, by the period
    /// alone, then not at all: the second value says which), scored and sorted best first.
    fn candidates(
        &self,
        plan: &QueryPlan,
        coverage: &Coverage,
        idf: &[f32],
        c: &Constraints,
        prefer: Option<ExchangeRef>,
    ) -> (Vec<Scored>, Relaxed) {
        let f = self.index.fields();
        // Words in a great share of the passages select nothing and cost the most to score
        // (their postings are the longest): they are left to the coverage figures.
        let common = (COMMON_SHARE * self.index.passages() as f32).max(COMMON_FLOOR);
        let content = plan.to_query(f.text, f.question, f.context, &self.weights, |t| {
            (self.index.doc_freq(t) as f32) < common
        });
        // Every word, common ones too: what a filter is searched with when the rare words
        // alone (a synonym, a sub-word) find nothing in its period.
        let every_word = || plan.to_query(f.text, f.question, f.context, &self.weights, |_| true);
        let search = |q: &dyn Query| match self.index.search(q, CANDIDATES) {
            Ok(r) => r,
            Err(e) => {
                // Our fault, not the asker's: log it and answer "nothing found".
                tracing::error!("search failed: {e}");
                Vec::new()
            }
        };
        let filtered = |filter: &dyn Query, content: Box<dyn Query>| {
            BooleanQuery::new(vec![
                (Occur::Must, content),
                (
                    Occur::Must,
                    Box::new(BoostQuery::new(filter.box_clone(), 0.0)),
                ),
            ])
        };
        let mut relaxed = Relaxed::No;
        // The filter the candidates were found under (the question search below keeps to it).
        let mut used = self.index.filter(c);
        let raw = match &used {
            None => search(content.as_ref()),
            Some(filter) => {
                let in_filter = |filter: &dyn Query| {
                    let hits = search(&filtered(filter, content.box_clone()));
                    if hits.is_empty() {
                        search(&filtered(filter, every_word()))
                    } else {
                        hits
                    }
                };
                let mut hits = in_filter(filter.as_ref());
                // A name with a period that together leave nothing is most often the
                // question's subject, not its speaker (2018年1月王毅去非洲访问): the period
                // still holds without it.
                // Not when the question asks for the speaker's own words (耿爽怎么评价…):
                // another speaker's would answer it wrongly.
                if hits.is_empty()
                    && !c.speakers.is_empty()
                    && !c.speaker_asked
                    && let Some(filter) = self.index.filter(&c.without_speakers())
                {
                    hits = in_filter(filter.as_ref());
                    if !hits.is_empty() {
                        relaxed = Relaxed::Speakers;
                        used = Some(filter);
                    }
                }
                if hits.is_empty() && c.speaker_asked {
                    Vec::new()
                } else if hits.is_empty() {
                    relaxed = Relaxed::All;
                    // A speaker set aside (除了华春莹) stays aside: their words answer nothing.
                    used = self.index.filter(&c.only_exceptions());
                    match &used {
                        Some(filter) => in_filter(filter.as_ref()),
                        None => search(content.as_ref()),
                    }
                } else {
                    hits
                }
            }
        };
        let exchange = |r: &RawHit| self.exchange_of(*r);
        let entities: Vec<bool> = plan.concepts.iter().map(|c| c.entity).collect();
        // What every candidate covers (the first look below needs it for the best scores).
        let mut raw: Vec<(RawHit, Shares)> = raw
            .into_iter()
            .map(|r| (r, coverage.shares(idf, &entities, r)))
            .collect();
        // Answers whose reporter asked in the question's words but that say none of them
        // (我没有看到相关报道。…) score little on the passage and can fall below the index's
        // candidates. Where no candidate's exchange covers the whole question, the best few
        // whose reporter asked about half the subject or more join them, at the share of a
        // match in the question field.
        let whole = raw.iter().any(|(_, s)| s.exchange >= WHOLE_QUESTION);
        if !whole && let Some(asked) = plan.to_question_query(f.question) {
            let hits = match &used {
                Some(filter) => search(&filtered(filter.as_ref(), asked)),
                None => search(asked.as_ref()),
            };
            // Only answers the index missed: a paragraph more of an exchange among the
            // candidates would change how its paragraphs compare with each other.
            let found: HashSet<(usize, usize)> =
                raw.iter().filter_map(|(r, _)| exchange(r)).collect();
            for h in hits.into_iter().take(ASKED_CANDIDATES) {
                if exchange(&h).is_some_and(|e| !found.contains(&e)) {
                    let h = RawHit {
                        score: h.score * self.weights.question_field,
                        ..h
                    };
                    raw.push((h, coverage.shares(idf, &entities, h)));
                }
            }
        }
        let best_score = raw
            .iter()
            .map(|(r, _)| r.score)
            .fold(f32::MIN_POSITIVE, f32::max);
        // The best index score of each exchange among the candidates: a paragraph shares in
        // its answer's strength, so the one that says the outcome can beat the one that only
        // names the subject.
        let mut exchange_best: HashMap<(usize, usize), f32> = HashMap::new();
        for (r, _) in &raw {
            if let Some(e) = exchange(r) {
                let best = exchange_best.entry(e).or_insert(0.0);
                *best = best.max(r.score);
            }
        }
        let flag = |b: bool| if b { 1.0 } else { 0.0 };
        let answer_type = &plan.kinds;
        // A number the question only gives roughly is no answer missing.
        let kind_asked = answer_type.asks_for_a_kind();
        // The kind of answer asked counts where the passage speaks of the question's subject.
        let subject: Vec<&str> = plan
            .concepts
            .iter()
            .filter(|c| c.class != WordClass::Function)
            .flat_map(|c| c.forms.iter().map(String::as_str))
            .filter(|f| f.chars().nth(1).is_some())
            .collect();
        // A name the question does not hold (ns, nt, nr, nz in jieba's tags): the answer to
        // 哪个港口 or 哪家媒体; a person's (nr) to who took over. Tagged only for questions that
        // ask for one.
        let jieba =
            (answer_type.which || answer_type.place || (answer_type.person && !answer_type.envoy))
                .then(|| self.lexicon.jieba());
        let names_new = |text: &str| {
            let mut found = NewNames {
                tagged: jieba.is_some(),
                ..NewNames::default()
            };
            if let Some(j) = &jieba {
                for t in j.tag(text, true) {
                    if t.word.chars().nth(1).is_none() || plan.normalized.contains(t.word) {
                        continue;
                    }
                    let person = matches!(t.tag, "nr" | "nrt" | "nrfg");
                    found.person |= person;
                    found.any |= person || matches!(t.tag, "ns" | "nt" | "nz");
                }
            }
            found
        };
        let phrases: Vec<String> = plan
            .phrases
            .iter()
            .map(|p| p.iter().map(|(_, t)| t.as_str()).collect())
            .collect();
        let ln_share = |x: f32| (x.max(1e-6) / best_score).ln().max(-10.0);
        let exchange_score = |raw: &RawHit| {
            exchange(raw)
                .and_then(|e| exchange_best.get(&e))
                .copied()
                .unwrap_or(raw.score)
        };
        // A first, cheap look at every candidate (index scores and what the paragraph covers
        // with what its exchange says before it, so an answer whose question names the subject
        // is not cut for naming nothing itself); the closer look, which reuses the shares, for
        // the best of them only.
        let mut first_look: Vec<(f32, RawHit, Shares)> = raw
            .into_iter()
            .map(|(r, shares)| {
                let cheap = FIRST_LOOK_BM25 * ln_share(r.score)
                    + ln_share(exchange_score(&r))
                    + FIRST_LOOK_CONTEXT * shares.context;
                (cheap, r, shares)
            })
            .collect();
        first_look.sort_by(|a, b| b.0.total_cmp(&a.0));
        first_look.truncate(CLOSE_LOOK);
        let focus = plan.focus();
        let asked_weights = asked_weights(plan, idf);
        let asked_total: f32 = asked_weights.iter().sum();
        let siblings =
            self.add_asked_siblings(&mut first_look, coverage, idf, &entities, &asked_weights);
        let mut scored: Vec<Scored> = first_look
            .into_iter()
            .map(|(_, raw, shares)| {
                let doc = &self.documents[raw.doc];
                let paragraph = &doc.paragraphs[raw.paragraph];
                let exchange_score = exchange_score(&raw);
                let text = self.normalized_text(raw.doc, raw.paragraph);
                let type_match = answer_type.match_near_with(text, &subject, &names_new);
                let (first_paragraph, position, restates) = match paragraph.exchange {
                    Some(e) => {
                        let answer = doc.answer_part(&doc.exchanges[e], raw.paragraph);
                        let at = answer.iter().position(|&i| i == raw.paragraph).unwrap_or(0);
                        (
                            answer.len() > 1 && at == 0,
                            at as f32 / (answer.len().max(2) - 1) as f32,
                            self.restates(raw.doc, raw.paragraph),
                        )
                    }
                    None => (false, 0.0, 0.0),
                };
                let in_named_days = c
                    .named_until
                    .is_some_and(|u| (1..=u).contains(&self.days[raw.doc]));
                let phrase_share = if phrases.is_empty() {
                    0.0
                } else {
                    phrases.iter().filter(|p| text.contains(p.as_str())).count() as f32
                        / phrases.len() as f32
                };
                let credits = coverage.credits(raw);
                let focus_credit = focus.map_or(0.0, |k| credits[k].own);
                let asked_share = if asked_total > 0.0 {
                    credits
                        .iter()
                        .zip(&asked_weights)
                        .map(|(c, w)| c.own * w)
                        .sum::<f32>()
                        / asked_total
                } else {
                    0.0
                };
                let features: Features = [
                    ln_share(raw.score),
                    ln_share(exchange_score),
                    shares.own,
                    shares.context,
                    shares.question,
                    shares.exchange,
                    shares.entities,
                    type_match.unwrap_or(0.0),
                    type_match.filter(|_| kind_asked).map_or(0.0, |m| 1.0 - m),
                    flag(first_paragraph),
                    flag(in_named_days),
                    phrase_share,
                    shares.added,
                    0.0,
                    0.0,
                    restates,
                    answer_type.response_in(text).unwrap_or(0.0),
                    position,
                    0.0,
                    0.0,
                    0.0,
                    0.0,
                    focus_credit,
                    0.0,
                    0.0,
                    0.0,
                    asked_share,
                ];
                // Of several speakers named, the first named is most likely the one who spoke.
                let first_named = relaxed == Relaxed::No
                    && c.speakers.len() > 1
                    && paragraph.speaker.as_deref() == c.speakers.first().map(String::as_str);
                let lift = if first_named { FIRST_NAMED } else { 0.0 };
                Scored {
                    raw,
                    shares,
                    features,
                    score: lift,
                }
            })
            .collect();
        // How each paragraph compares with the others of its exchange among the candidates
        // (the asking clause's share waits in its figure's slot until it is compared here);
        // the index's finds only, so a paragraph joined from its exchange moves none of them.
        let mut exchange_top: HashMap<(usize, usize), [f32; 6]> = HashMap::new();
        let exchange_of = |s: &Scored| exchange(&s.raw);
        for s in &scored {
            if siblings.contains(&(s.raw.doc, s.raw.paragraph)) {
                continue;
            }
            if let Some(key) = exchange_of(s) {
                let top = exchange_top
                    .entry(key)
                    .or_insert([0.0, 0.0, 1.0, 0.0, 0.0, 0.0]);
                keep_exchange_best(top, &s.features);
            }
        }
        for s in &mut scored {
            let key = exchange_of(s);
            let f = &mut s.features;
            // A paragraph joined from its exchange is compared with the found ones and itself.
            let sibling = siblings.contains(&(s.raw.doc, s.raw.paragraph));
            let [own, answer_type, restates, response, focus, asked] = key
                .and_then(|k| exchange_top.get(&k).copied())
                .map(|mut t| {
                    if sibling {
                        keep_exchange_best(&mut t, f);
                    }
                    t
                })
                .unwrap_or_else(|| exchange_figures(f));
            f[rank::ASKED_IN_EXCHANGE] -= asked;
            f[rank::FOCUS_IN_EXCHANGE] = f[rank::FOCUS] - focus;
            f[rank::OWN_IN_EXCHANGE] = f[rank::OWN] - own;
            f[rank::ANSWER_TYPE_IN_EXCHANGE] = f[rank::ANSWER_TYPE] - answer_type;
            f[rank::RESTATES_IN_EXCHANGE] = f[rank::RESTATES] - restates;
            f[rank::RESPONSE_IN_EXCHANGE] = f[rank::RESPONSE] - response;
        }
        // The latest word on an event: among candidates about the same thing (their exchanges
        // cover nearly as much of the question as the best), the one said last. A question
        // about how it turned out, or how many in all, is answered by the later statement.
        let best_exchange = scored
            .iter()
            .map(|s| s.features[rank::EXCHANGE])
            .fold(0.0f32, f32::max);
        let same_event = |s: &Scored| s.features[rank::EXCHANGE] >= SAME_EVENT * best_exchange;
        let event_days: Vec<u64> = scored
            .iter()
            .filter(|s| same_event(s))
            .map(|s| self.days[s.raw.doc])
            .collect();
        let latest = event_days.iter().copied().max().unwrap_or(0);
        let first = event_days.iter().copied().min().unwrap_or(0);
        let several_days = first != latest;
        let wants_latest = answer_type.outcome || answer_type.count;
        for s in &mut scored {
            let day = self.days[s.raw.doc];
            let latest_word = several_days && same_event(s) && day == latest;
            let first_word = several_days && same_event(s) && day == first;
            s.features[rank::LATEST_WORD] = flag(latest_word);
            s.features[rank::LATEST_WORD_ASKED] = flag(latest_word && wants_latest);
            s.features[rank::FIRST_WORD] = flag(first_word);
            s.features[rank::FIRST_WORD_ASKED] = flag(first_word && answer_type.at_the_time);
            s.score += rank::score(&s.features);
        }
        scored.sort_by(|a, b| {
            let preferred = |s: &Scored| prefer.is_some_and(|p| self.in_exchange(s.raw, p));
            preferred(b)
                .cmp(&preferred(a))
                .then(b.score.total_cmp(&a.score))
                // Ties: the more recent statement first.
                .then(self.days[b.raw.doc].cmp(&self.days[a.raw.doc]))
        });
        (scored, relaxed)
    }

    /// Paragraphs of the best [`SIBLING_EXCHANGES`] exchanges' answers that the index did not
    /// find but that hold words of the asking clause no found paragraph of their answer holds
    /// (三是携手反对恐怖主义…同意深化反恐 for 中埃在反恐方面达成了什么共识, where the index found
    /// the answer's other paragraphs through 中埃). They join at their exchange's lowest index
    /// score. Returns them: they are compared with the found paragraphs of their exchange but do
    /// not change how those compare with each other, which is what the weights were fitted on.
    fn add_asked_siblings(
        &self,
        first_look: &mut Vec<(f32, RawHit, Shares)>,
        coverage: &Coverage,
        idf: &[f32],
        entities: &[bool],
        asked_weights: &[f32],
    ) -> HashSet<(usize, usize)> {
        let exchange = |r: &RawHit| self.exchange_of(*r);
        let mut best: Vec<(usize, usize)> = Vec::new();
        for (_, r, _) in first_look.iter() {
            if let Some(e) = exchange(r)
                && !best.contains(&e)
            {
                best.push(e);
                if best.len() == SIBLING_EXCHANGES {
                    break;
                }
            }
        }
        let mut added = Vec::new();
        for (d, e) in best {
            let found: Vec<RawHit> = first_look
                .iter()
                .map(|(_, r, _)| *r)
                .filter(|r| exchange(r) == Some((d, e)))
                .collect();
            // How much of each word the found paragraphs hold themselves.
            let mut held = vec![0.0f32; asked_weights.len()];
            for r in &found {
                for (h, c) in held.iter_mut().zip(coverage.credits(*r)) {
                    *h = h.max(c.own);
                }
            }
            let floor = found.iter().map(|r| r.score).fold(f32::MAX, f32::min);
            let doc = &self.documents[d];
            for paragraph in doc.answer_paragraphs(&doc.exchanges[e]) {
                if found.iter().any(|r| r.paragraph == paragraph) {
                    continue;
                }
                let r = RawHit {
                    doc: d,
                    paragraph,
                    score: floor,
                };
                let holds_more = coverage
                    .credits(r)
                    .iter()
                    .zip(&held)
                    .zip(asked_weights)
                    .any(|((c, &h), &w)| w > 0.0 && c.own > h);
                if holds_more {
                    added.push((0.0, r, coverage.shares(idf, entities, r)));
                }
            }
        }
        let keys = added.iter().map(|(_, r, _)| (r.doc, r.paragraph)).collect();
        first_look.extend(added);
        keys
    }

    /// For a question after the opening or the close of an answer (一开口先说了什么, 最后奉劝),
    /// or one of its points by place (第一点看法): of the first candidate's exchange, among the
    /// best [`ANSWER_END_CANDIDATES`] scoring within [`ANSWER_END_TIE`] of it ([`POINT_TIE`] for
    /// a point), the paragraph said first (or last, or opening with that point, or holding the
    /// last point) goes first.
    fn answer_end_first(&self, scored: &mut [Scored], end: AnswerEnd, tie: f32) {
        let Some(top) = scored.first() else {
            return;
        };
        let exchange = self.documents[top.raw.doc].paragraphs[top.raw.paragraph].exchange;
        let same: Vec<usize> = near_the_first(scored, tie, ANSWER_END_CANDIDATES)
            .filter(|&i| {
                let s = &scored[i];
                s.raw.doc == top.raw.doc
                    && self.documents[s.raw.doc].paragraphs[s.raw.paragraph].exchange == exchange
            })
            .collect();
        let paragraph = |i: &&usize| scored[**i].raw.paragraph;
        let chosen = match end {
            AnswerEnd::Opening => same.iter().min_by_key(paragraph).copied(),
            AnswerEnd::Closing => same.iter().max_by_key(paragraph).copied(),
            // The highest-numbered point held; of paragraphs holding it, the best ranked.
            AnswerEnd::LastPoint => same
                .iter()
                .filter_map(|&i| {
                    let s = &scored[i].raw;
                    let text = self.normalized_text(s.doc, s.paragraph);
                    (2..=9u8)
                        .rev()
                        .find(|&n| holds_point(text, n))
                        .map(|n| (n, std::cmp::Reverse(i)))
                })
                .max()
                .map(|(_, std::cmp::Reverse(i))| i),
            AnswerEnd::Point(n) => same
                .iter()
                .find(|&&i| {
                    let s = &scored[i].raw;
                    holds_point(self.normalized_text(s.doc, s.paragraph), n)
                })
                .copied(),
        };
        if let Some(i) = chosen {
            scored[..=i].rotate_right(1);
        }
    }

    /// Of the best `window` candidates that score within `tie` (a share) of the first, the one
    /// said last goes first (among those of its day, the best). For a question about how
    /// something turned out (后来, 最后, 了没有; [`NEAR_TIE`] of [`NEAR_TIE_CANDIDATES`]), since a
    /// later briefing told the outcome; for one after the latest word (华春莹最近一次谈南海说了什么;
    /// the wider [`RECENT_TIE`] of [`RECENT_CANDIDATES`]), since a library holds many statements
    /// on one subject and the asker wants the last, not the one that repeats the question's
    /// words best. Decided after whether to quote at all, which rests on the best-scored one.
    fn later_first(&self, scored: &mut [Scored], tie: f32, window: usize) {
        // The first stays first unless one is later: among equal days the earliest rank wins.
        let latest = near_the_first(scored, tie, window)
            .max_by_key(|&i| (self.days[scored[i].raw.doc], std::cmp::Reverse(i)));
        if let Some(i) = latest {
            scored[..=i].rotate_right(1);
        }
    }

    /// What says whether the best candidate answers the question at all (`weights`: the
    /// concepts' weights, [`Engine::concept_weights`]).
    fn evidence(&self, plan: &QueryPlan, weights: &[f32], best: &Scored) -> AnswerEvidence {
        AnswerEvidence {
            context: best.shares.context,
            exchange: best.shares.exchange,
            question: best.shares.question,
            entities: best.shares.entities,
            answer_type_missing: best.features[rank::ANSWER_TYPE_MISSING],
            // Counted as segmented: the model was fitted on names split into their pieces.
            words: plan
                .concepts
                .iter()
                .map(|c| c.split_into.max(1))
                .sum::<usize>()
                .min(10) as f32
                / 10.0,
            focus: best.features[rank::FOCUS],
            unheard: self.unheard(plan, weights),
        }
    }

    /// How likely the best candidate answers the question (the no-quote model).
    fn answer_probability(&self, plan: &QueryPlan, weights: &[f32], best: &Scored) -> f32 {
        rank::answer_probability(&self.evidence(plan, weights, best))
    }

    /// The exchange a passage belongs to (document, exchange), if any.
    fn exchange_of(&self, raw: RawHit) -> Option<(usize, usize)> {
        self.documents[raw.doc].paragraphs[raw.paragraph]
            .exchange
            .map(|e| (raw.doc, e))
    }

    fn in_exchange(&self, raw: RawHit, at: ExchangeRef) -> bool {
        raw.doc == at.doc
            && self.documents[raw.doc].paragraphs[raw.paragraph].exchange == Some(at.exchange)
    }

    /// Each concept's weight: its rarity in the library (inverse document frequency), less for
    /// a single character.
    fn concept_weights(&self, plan: &QueryPlan) -> Vec<f32> {
        let n = self.index.passages().max(1) as f32;
        plan.concepts
            .iter()
            .map(|c| {
                let df = self.concept_df(c) as f32;
                let idf = ((n + 1.0) / (df + 1.0)).ln().max(0.1);
                // A word no passage has weighs as much as the rarest: a question about
                // something the library never mentions is not answered by its other words.
                // Less for a single character or a function word, and for a word common in
                // Chinese at large: 故意 missing from a passage says less than 朱鹮 missing.
                let single = if c.chars > 1 || c.forms[0].is_ascii() {
                    1.0
                } else {
                    0.3
                };
                // A word jieba does not know and that names nothing is a colloquial coinage
                // (打惨, 没谈出): no text holds it, so it says little either way.
                // A verb of saying (谈到, 表示) asks for the words said, not their subject.
                let class = match c.class {
                    WordClass::Function => 0.3,
                    WordClass::Content if !c.known || !c.is_topical() => 0.3,
                    _ => 1.0,
                };
                let specific = 0.3 + 0.7 * self.lexicon.specificity(&c.forms[0]);
                idf * single * class * specific
            })
            .collect()
    }

    /// Share of the question's weight in words the library never uses (墨子 of 墨子号卫星): no
    /// answer holds them, and no reporter asked with them (a name only asked about, 杨恒均, is
    /// one the library knows).
    fn unheard(&self, plan: &QueryPlan, weights: &[f32]) -> f32 {
        let total: f32 = weights.iter().sum();
        if total <= 0.0 {
            return 0.0;
        }
        let unheard: f32 = plan
            .concepts
            .iter()
            .zip(weights)
            .filter(|(c, _)| c.is_topical() && self.never_says(c))
            .map(|(_, w)| w)
            .sum();
        unheard / total
    }

    /// Does the library never use a concept, by any of its forms, in an answer or a reporter's
    /// question?
    fn never_says(&self, c: &Concept) -> bool {
        self.concept_df(c) == 0 && c.forms.iter().all(|f| self.index.question_doc_freq(f) == 0)
    }

    /// In how many passages a concept (any of its forms) stands.
    fn concept_df(&self, c: &Concept) -> u64 {
        c.forms
            .iter()
            .map(|f| self.index.doc_freq(f))
            .chain(c.passages)
            .max()
            .unwrap_or(0)
    }

    /// The normalised text of paragraph `i` of document `d`, made once.
    pub(super) fn normalized_text(&self, d: usize, i: usize) -> &str {
        self.normal_form(d, i)
            .unwrap_or(&self.documents[d].paragraphs[i].text)
    }

    /// Share of its exchange's question (the question's character pairs) that paragraph `i` of
    /// document `d` repeats; 0 where no question was asked (outside an exchange, or in a
    /// statement's). The same for every question asked, so made once per paragraph.
    fn restates(&self, d: usize, i: usize) -> f32 {
        *self.derived[d][i].restates.get_or_init(|| {
            let doc = &self.documents[d];
            let Some(e) = doc.paragraphs[i].exchange else {
                return 0.0;
            };
            let asked: String = doc.exchanges[e]
                .question
                .iter()
                .flat_map(|q| q.paragraphs.iter())
                .map(|&q| self.normalized_text(d, q))
                .collect();
            rank::pairs_share(&rank::char_pairs(&asked), self.normalized_text(d, i))
        })
    }

    /// A person the question asks for the words of (汪文斌怎么回应, 毛宁是如何评价) whom the
    /// library never names, in an answer or a reporter's question: none of its words are theirs.
    /// Not when a speaker of the library is asked as well (厄廷格说了…，华春莹认为…): the words
    /// asked for are the speaker's, the other is the subject.
    fn unheard_speaker<'p>(
        &self,
        plan: &'p QueryPlan,
        constraints: &Constraints,
    ) -> Option<&'p str> {
        if constraints.speaker_asked {
            return None;
        }
        let jieba = self.lexicon.jieba();
        plan.concepts
            .iter()
            // By none of its names either (川普 is the library's 特朗普).
            .filter(|c| c.class == WordClass::Name && c.chars >= 2 && self.never_says(c))
            .map(|c| c.forms[0].as_str())
            .find(|name| {
                let person = matches!(
                    jieba.tag(name, true).as_slice(),
                    [t] if t.tag.starts_with("nr")
                );
                person && crate::search::asks_for_words_of(&plan.normalized, name)
            })
    }

    /// The first of `names` (a question's titles, or the terms it quotes) that no paragraph of
    /// the library holds, by that name or another the synonyms give it.
    fn first_unnamed<'p>(&self, names: &'p [String]) -> Option<&'p str> {
        names
            .iter()
            .map(String::as_str)
            .find(|name| !self.names_title(name) && !self.names_title_otherwise(name))
    }

    /// Does any paragraph hold another name the synonym table gives `title` (the whole title):
    /// 台湾旅行法 is the library's “与台湾交往法案”.
    fn names_title_otherwise(&self, title: &str) -> bool {
        self.lexicon
            .synonyms()
            .matches(title)
            .into_iter()
            .filter(|(found, _)| found == title)
            .flat_map(|(_, others)| others)
            .any(|other| self.names_title(&other))
    }

    /// Does any paragraph hold `title` (normalised)? The index's words answer for most titles.
    /// Where they do not stand together, the text itself is read: inside a sentence the
    /// segmentation of a title may differ from that of the title alone.
    fn names_title(&self, title: &str) -> bool {
        // The title's words as the default segmentation reads them, each at its offset.
        let terms = crate::text::outermost(&self.search_tok.terms_of_normalized(title));
        let first = terms.first().map_or(0, |t| t.position);
        let words: Vec<(usize, &str)> = terms
            .iter()
            .map(|t| (t.position - first, t.text.as_str()))
            .collect();
        let indexed = match words.as_slice() {
            [] => false,
            [(_, word)] => self.index.doc_freq(word) > 0 || self.index.question_doc_freq(word) > 0,
            _ => self.index.phrase_freq(&words) > 0,
        };
        // Normalised for the look only: the cache keeps the forms of passages asked about.
        // Transcripts join parties with any dash (中国-中东欧, 中国—东盟): one stands for all.
        const DASHES: [char; 4] = ['—', '－', '–', '―'];
        let dashed = title.contains(DASHES);
        fn one_dash(text: Cow<'_, str>, dashed: bool) -> Cow<'_, str> {
            if dashed {
                Cow::Owned(text.replace(DASHES, "-"))
            } else {
                text
            }
        }
        let title = one_dash(Cow::Borrowed(title), dashed);
        indexed
            || self.documents.iter().any(|doc| {
                doc.paragraphs.iter().any(|p| {
                    let text = one_dash(crate::text::matching_form(&p.text), dashed);
                    crate::search::holds_title(&text, &title)
                })
            })
    }

    /// The normal form of paragraph `i` of document `d` when it differs from its text; `None`
    /// when the text is its own normal form for matching words.
    fn normal_form(&self, d: usize, i: usize) -> Option<&str> {
        // Most transcript text is its own normal form for matching words (simplified, no
        // capitals): it is matched as it stands, and nothing is kept. The rest is normalised
        // once, without spare capacity: the cache grows with every paragraph asked about.
        let text = &self.documents[d].paragraphs[i].text;
        self.derived[d][i]
            .normal
            .get_or_init(|| match crate::text::matching_form(text) {
                Cow::Owned(normal) => Some(normal.into_boxed_str()),
                Cow::Borrowed(_) => None,
            })
            .as_deref()
    }

    /// Groups near-identical statements among the candidates (best first): at most `top`
    /// groups, each a list of indices into `scored`, its best first.
    fn group_statements(&self, scored: &[Scored], top: usize) -> Vec<Vec<usize>> {
        // Repeats of a statement rank together; the best few dozen candidates hold them.
        let scored = &scored[..scored.len().min(GROUPED_CANDIDATES)];
        let text = |k: usize| self.normalized_text(scored[k].raw.doc, scored[k].raw.paragraph);
        let sketches: Vec<&Sketch> = (0..scored.len())
            .map(|k| {
                let (d, i) = (scored[k].raw.doc, scored[k].raw.paragraph);
                self.derived[d][i]
                    .sketch
                    .get_or_init(|| Sketch::of(text(k)))
            })
            .collect();
        // The whole shingle set only for passages whose sketch meets another's.
        let shingles: Vec<OnceCell<Shingles>> =
            (0..scored.len()).map(|_| OnceCell::new()).collect();
        let shingles_of = |k: usize| shingles[k].get_or_init(|| Shingles::of(text(k)));
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut taken = vec![false; scored.len()];
        for i in 0..scored.len() {
            if taken[i] {
                continue;
            }
            if groups.len() == top {
                break;
            }
            taken[i] = true;
            let mut group = vec![i];
            for j in i + 1..scored.len() {
                if !taken[j]
                    && sketches[i].may_match(sketches[j])
                    && shingles_of(i).same_statement(shingles_of(j))
                {
                    taken[j] = true;
                    group.push(j);
                }
            }
            // The rest newest first, for "also said on …".
            group[1..].sort_by_key(|&g| std::cmp::Reverse(self.days[scored[g].raw.doc]));
            groups.push(group);
        }
        groups
    }

    fn also_said(&self, raw: RawHit) -> Option<AlsoSaid> {
        let doc = self.documents.get(raw.doc)?;
        let p = doc.paragraphs.get(raw.paragraph)?;
        Some(AlsoSaid {
            citation: doc.citation(p.number),
            date: doc.date.clone(),
            document: doc.id.clone(),
            paragraph: p.number,
        })
    }

    /// Distinct topics of the best candidates, offered when nothing answers.
    fn nearest_topics(&self, scored: &[Scored], n: usize) -> Vec<crate::reply::TopicSummary> {
        let mut seen: HashSet<&str> = HashSet::new();
        let mut out = Vec::new();
        for s in scored {
            let doc = &self.documents[s.raw.doc];
            let Some(e) = doc.paragraphs[s.raw.paragraph].exchange else {
                continue;
            };
            let topic = &doc.exchanges[e].topic;
            if topic.is_empty() || !seen.insert(topic) {
                continue;
            }
            out.push(self.summary(ExchangeRef {
                doc: s.raw.doc,
                exchange: e,
            }));
            if out.len() == n {
                break;
            }
        }
        out
    }

    pub(super) fn hit(
        &self,
        d: usize,
        i: usize,
        score: f32,
        rank: usize,
        highlight: &HashSet<&str>,
    ) -> Option<Hit> {
        let doc = &self.documents[d];
        let p = doc.paragraphs.get(i)?;
        let exchange = p.exchange.map(|e| &doc.exchanges[e]);
        let question = exchange
            .and_then(|e| e.question.as_ref())
            .map(|q| QuestionRef {
                speaker: q.speaker.clone(),
                text: doc.turn_text(q),
            });
        let (before, after, list) = match exchange {
            Some(e) => {
                // Around it in its own part of the answer: the answer to another part of the
                // reporter's question is about something else.
                let answer = doc.answer_part(e, i);
                let at = answer.iter().position(|&x| x == i);
                let before = at
                    .and_then(|a| a.checked_sub(1))
                    .map(|a| doc.paragraphs[answer[a]].text.clone());
                let after = at
                    .and_then(|a| answer.get(a + 1))
                    .map(|&x| doc.paragraphs[x].text.clone());
                // Its points in order (一是…, 二是…), or the one paragraph after it.
                let list = match at {
                    Some(a) if opens_a_list(&p.text) => {
                        let next = &answer[a + 1..];
                        let points = next
                            .iter()
                            .take(LIST_ITEMS)
                            .zip(1..)
                            .take_while(|&(&x, n)| opens_point(&doc.paragraphs[x].text, n))
                            .count();
                        next.iter()
                            .take(points.max(1))
                            .map(|&x| doc.paragraphs[x].text.clone())
                            .collect()
                    }
                    _ => Vec::new(),
                };
                (before, after, list)
            }
            None => (None, None, Vec::new()),
        };
        let highlight_bytes = if highlight.is_empty() {
            Vec::new()
        } else {
            self.highlights(d, i, highlight)
        };
        let mut matched: Vec<String> = Vec::new();
        for r in &highlight_bytes {
            let w = p.text[r.clone()].to_string();
            if !matched.contains(&w) {
                matched.push(w);
            }
        }
        let highlights = char_ranges(&p.text, &highlight_bytes);
        Some(Hit {
            rank,
            score,
            text: p.text.clone(),
            matched,
            highlights,
            highlight_bytes,
            speaker: p.speaker.clone().unwrap_or_default(),
            question,
            context: Context {
                before,
                after,
                list,
            },
            document: DocumentRef {
                id: doc.id.clone(),
                title: doc.title.clone(),
                date: doc.date.clone(),
            },
            paragraph: p.number,
            citation: doc.citation(p.number),
            exchange: exchange
                .map(|e| exchange_id(doc, e.number))
                .unwrap_or_default(),
            topic: exchange.map(|e| e.topic.clone()).unwrap_or_default(),
            also: Vec::new(),
        })
    }

    /// Byte ranges of `text` where query terms stand, merged where they overlap. The terms are
    /// found in the normalised text and mapped back, without segmenting the paragraph again;
    /// a single character is marked only when it is the whole query, a Latin term only as a
    /// whole word.
    fn highlights(&self, d: usize, i: usize, terms: &HashSet<&str>) -> Vec<Range<usize>> {
        let text = &self.documents[d].paragraphs[i].text;
        // A paragraph whose words are already in normal form (most) is searched as it stands,
        // so its offsets are the text's own; the others through the offset map.
        let normalized = self.normal_form(d, i).is_some().then(|| normalize(text));
        let norm = normalized
            .as_ref()
            .map_or(text.as_str(), |n| n.text.as_str());
        let mut ranges: Vec<Range<usize>> = Vec::new();
        for term in terms {
            let ascii = term.is_ascii();
            if term.is_empty() || (!ascii && term.chars().nth(1).is_none() && terms.len() > 1) {
                continue;
            }
            for (at, _) in norm.match_indices(term) {
                let end = at + term.len();
                let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
                if ascii
                    && (word(norm[..at].chars().next_back()) || word(norm[end..].chars().next()))
                {
                    continue;
                }
                ranges.push(match &normalized {
                    Some(n) => n.to_original(at..end),
                    None => at..end,
                });
            }
        }
        ranges.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
        crate::reply::render::merge_touching(ranges)
    }
}

/// Character offsets of sorted byte ranges, in one pass over the text (linear, not a count
/// from the start for every range).
fn char_ranges(text: &str, bytes: &[Range<usize>]) -> Vec<[usize; 2]> {
    let mut out = Vec::with_capacity(bytes.len());
    let (mut chars, mut at) = (0usize, 0usize);
    let count_to = |target: usize, chars: &mut usize, at: &mut usize| {
        *chars += text[*at..target].chars().count();
        *at = target;
        *chars
    };
    for r in bytes {
        let start = count_to(r.start.max(at), &mut chars, &mut at);
        let end = count_to(r.end.max(at), &mut chars, &mut at);
        out.push([start, end]);
    }
    out
}

/// The detail a question after one detail asks for, as the reply names it.
fn detail_asked(kinds: &AnswerType) -> Detail {
    if kinds.count {
        Detail::Number
    } else if kinds.date {
        Detail::Date
    } else if kinds.person || kinds.envoy {
        Detail::Person
    } else if kinds.name {
        Detail::Name
    } else if kinds.place {
        Detail::Place
    } else if kinds.list {
        Detail::List
    } else {
        Detail::WhichOne
    }
}

/// The figures a paragraph is compared on with the others of its exchange: own share, answer
/// type, restating, response words, focus, asking clause.
fn exchange_figures(f: &Features) -> [f32; 6] {
    [
        f[rank::OWN],
        f[rank::ANSWER_TYPE],
        f[rank::RESTATES],
        f[rank::RESPONSE],
        f[rank::FOCUS],
        f[rank::ASKED_IN_EXCHANGE],
    ]
}

/// Keeps in `top` the best of its exchange's figures and a paragraph's: the most of each, the
/// least restating.
fn keep_exchange_best(top: &mut [f32; 6], f: &Features) {
    let [own, answer_type, restates, response, focus, asked] = exchange_figures(f);
    *top = [
        top[0].max(own),
        top[1].max(answer_type),
        top[2].min(restates),
        top[3].max(response),
        top[4].max(focus),
        top[5].max(asked),
    ];
}

/// The weights of the words the question asks with (its asking clause), 0 for the rest.
fn asked_weights(plan: &QueryPlan, idf: &[f32]) -> Vec<f32> {
    let asked = asking_clause(&plan.normalized);
    plan.concepts
        .iter()
        .zip(idf)
        .map(|(c, &w)| {
            if asked.contains(c.forms[0].as_str()) {
                w
            } else {
                0.0
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_paragraph_answering_the_asking_clause_beats_the_one_restating_the_event() {
        // The exchange as the ministry published it (2015-10-21): the first paragraph restates
        // the visit the question opens with, the second answers what it asks.
        let text = "2015年10月21日外交部发言人华春莹主持例行记者会\n\n\
            问：习主席在对英国进行国事访问。有一些人批评中国向英倾销钢铁。中方对此有何评论?\n\n\
            答：习近平主席正在英国进行国事访问，有关重要活动已陆续发布消息。英国王室、政府和各界\
            都高度重视习近平主席此次国事访问。伊丽莎白二世女王表示，今年是英中关系中非常特殊的\
            一年，是两国合作和友谊前所未有的年份。习近平主席对英国的访问是一个重要里程碑，将两国\
            友好关系推向新高度。英中是真正的全球伙伴关系。\n\n\
            至于你提到的倾销问题，中国和英国经贸关系日益紧密，难免会出现一些分歧或者摩擦，这并\
            不奇怪。重要的是双方都能本着平等互利的精神进行友好协商，妥善处理，共同努力不断推进\
            中英互利共赢的经贸合作关系，这是最重要的。\n";
        let engine = engine_over(text);
        let q = "习近平对英国进行国事访问期间，有人指责中国向英国倾销钢铁，华春莹怎样看待中英经贸往来中出现的这类问题？";
        let a = engine.ask(q, 3);
        assert!(
            a.hits.first().is_some_and(|h| h.text.contains("倾销问题")),
            "{:?}",
            a.hits.iter().map(|h| &h.text).collect::<Vec<_>>()
        );
    }

    #[test]
    fn an_answer_paragraph_the_index_missed_joins_when_it_holds_the_asked_words() {
        let text = "2020年1月9日外交部发言人耿爽主持例行记者会\n\n\
            问：王毅国务委员结束了对埃及的访问，你能否介绍此访成果？\n\n\
            答：埃及是王毅国务委员此次非洲之行的第一站，双方达成一系列重要共识。\n\n\
            一是推动中埃关系迈上新台阶。\n\n\
            二是携手反对恐怖主义。双方同意深化反恐和去极端化交流。\n\n\
            三是加强人文交流，办好文化年。\n";
        let engine = engine_over(text);
        let q = "王毅访问埃及之后，中埃在反恐方面达成了什么共识？";
        let plan = engine.plan(q);
        let coverage = Coverage::new(&engine, &plan);
        let idf = engine.concept_weights(&plan);
        let entities: Vec<bool> = plan.concepts.iter().map(|c| c.entity).collect();
        let asked_weights = asked_weights(&plan, &idf);
        let doc = &engine.documents[0];
        let at = |starts: &str| {
            doc.paragraphs
                .iter()
                .position(|p| p.text.starts_with(starts))
                .expect(starts)
        };
        // As if the index had found the answer's first two paragraphs only (through 中埃).
        let found = |paragraph: usize, score: f32| {
            let r = RawHit {
                doc: 0,
                paragraph,
                score,
            };
            (0.0, r, coverage.shares(&idf, &entities, r))
        };
        let mut first_look = vec![found(at("埃及是"), 3.0), found(at("一是"), 2.0)];
        let joined =
            engine.add_asked_siblings(&mut first_look, &coverage, &idf, &entities, &asked_weights);
        // 反恐 is asked and only the second point holds it; the third holds no asked word.
        assert_eq!(joined, HashSet::from([(0, at("二是"))]));
        assert_eq!(first_look.len(), 3);
        assert_eq!(first_look[2].1.score, 2.0, "at its exchange's lowest score");
    }

    #[test]
    fn char_ranges_are_character_offsets() {
        let text = "中国a人工智能b";
        let r = vec![3..6, 7..19];
        assert_eq!(char_ranges(text, &r), vec![[1, 2], [3, 7]]);
    }

    #[test]
    fn a_paragraphs_share_of_its_question_is_made_once_and_is_the_same_after() {
        // One answer repeats its question word for word, the next shares no pair of
        // characters with it; the announcement before the first question answers no question.
        let text = "2016年11月7日外交部发言人耿爽主持例行记者会\n\n\
            耿爽：王毅外长将于下周访问非洲。\n\n\
            问：中方对核供应国集团全会有何期待？\n\n\
            答：中方对核供应国集团全会有何期待？\n\n\
            我们希望各方保持克制。\n";
        let engine = engine_over(text);
        let doc = &engine.documents[0];
        // The last paragraph that starts so: the answer, not the question it repeats.
        let paragraph = |starts: &str| {
            doc.paragraphs
                .iter()
                .rposition(|p| p.text.starts_with(starts))
                .expect(starts)
        };
        let (repeats, other) = (paragraph("中方对核供应国"), paragraph("我们希望"));
        let statement = paragraph("王毅外长");
        assert_eq!(doc.paragraphs[repeats].speaker.as_deref(), Some("耿爽"));
        for _ in 0..2 {
            // Asked twice: the kept figure is the one made.
            assert_eq!(engine.restates(0, repeats), 1.0);
            assert_eq!(engine.restates(0, other), 0.0);
            assert_eq!(engine.restates(0, statement), 0.0);
        }
    }

    /// An engine over one transcript (`text`).
    fn engine_over(text: &str) -> Engine {
        let doc =
            crate::corpus::parse_transcript("t", std::path::Path::new("t.txt"), text.as_bytes())
                .expect("parses");
        let loaded = crate::corpus::Loaded {
            documents: vec![doc],
            ..Default::default()
        };
        Engine::build(
            loaded,
            crate::text::Lexicon::embedded(),
            &crate::config::Settings::defaults(),
            &super::super::BuildOptions::default(),
            |_, _| {},
        )
        .expect("builds")
    }

    /// The text of the first passage quoted for `q` (empty when none is).
    fn first_quoted(engine: &Engine, q: &str) -> String {
        engine
            .ask(q, 3)
            .hits
            .first()
            .map(|h| h.text.clone())
            .unwrap_or_default()
    }

    #[test]
    fn the_opening_or_the_close_asked_is_the_answers_first_or_last_paragraph() {
        let engine = engine_over(
            "2018年10月18日外交部发言人陆慷主持例行记者会\n\n\
            问：美国决定退出万国邮政联盟，中方有何评论？\n\n\
            答：首先我想说，美国决定退出万国邮政联盟，这已不是美方第一次退群。\n\n\
            我们对美国决定退出万国邮政联盟感到遗憾。万国邮政联盟对密切各国联系发挥了积极作用，中方支持万国邮政联盟的工作。\n\n\
            我们奉劝美方，多做有利于万国邮政联盟和各国合作的事。\n",
        );
        let first = |q: &str| first_quoted(&engine, q);
        let opening = first("美国决定退出万国邮政联盟，中方有何评论？开头先说了什么？");
        assert!(opening.starts_with("首先我想说"), "{opening}");
        let close = first("美国决定退出万国邮政联盟，中方有何评论？最后奉劝美方什么？");
        assert!(close.starts_with("我们奉劝美方"), "{close}");
        // Asked neither, the paragraph that says most of it comes first.
        let plain = first("美国决定退出万国邮政联盟，中方有何评论？");
        assert!(plain.starts_with("我们对美国"), "{plain}");
    }

    #[test]
    fn a_point_asked_by_its_place_is_the_paragraph_that_opens_with_it() {
        let engine = engine_over(
            "2020年2月18日外交部发言人耿爽主持例行记者会\n\n\
            问：美国政府考虑禁止通用电气向中国出售客机发动机，中方有何评论？\n\n\
            答：我们注意到通用电气公司对美国政府的提案表示质疑，认为中方仿制发动机并不容易。\n\n\
            对此，我有两点看法：\n\n\
            第一，美国企业界的一些人士比美国政府内一些官员更懂常识。\n\n\
            第二，美方的有关作法损害中方企业权益，也不符合美国企业自身利益。\n",
        );
        let first = |q: &str| first_quoted(&engine, q);
        let one = first("美国考虑禁止通用电气出售发动机，耿爽的第一点看法是什么？");
        assert!(one.starts_with("第一，"), "{one}");
        let two = first("美国考虑禁止通用电气出售发动机，耿爽的第二点看法是什么？");
        assert!(two.starts_with("第二，"), "{two}");
    }

    #[test]
    fn a_year_before_the_library_is_looked_for_in_the_next_springs_review() {
        let engine = engine_over(
            "2024年3月7日外交部发言人毛宁主持例行记者会\n\n\
            问：外交部去年的领事保护工作有哪些成绩？\n\n\
            答：我们加强海外领保力度，处理各类领保案件8万多起。\n",
        );
        let answer = engine.ask("2023年外交部处理了多少起领保案件？", 3);
        assert_eq!(answer.filters.as_deref(), Some("2023 及2024年初"));
        assert!(answer.hits[0].text.contains("8万多起"), "{answer:?}");
        // A year long before it is still a period the library does not hold.
        let answer = engine.ask("2021年外交部处理了多少起领保案件？", 3);
        assert!(answer.hits.is_empty());
        assert!(matches!(
            answer.abstained,
            Some(Abstention::PeriodNotCovered { .. })
        ));
    }

    #[test]
    fn roles_are_not_personal_names() {
        assert!(is_personal_name("耿爽"));
        assert!(is_personal_name("华春莹"));
        assert!(!is_personal_name("发言人"));
        assert!(!is_personal_name("外交部发言人"));
        assert!(!is_personal_name("新华社记者"));
        assert!(!is_personal_name("Q"));
    }
}
