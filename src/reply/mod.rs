//! The reply model: what an answer is, independent of where it is shown. Rendering is a pure
//! function of it ([`render`]); the console and Discord only send what it renders.

pub mod render;
pub mod wrap;

use std::ops::Range;

use serde::Serialize;

/// The answer to one question: the best passages, best first.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Answer {
    /// The question as asked.
    pub query: String,
    /// The passages found.
    pub hits: Vec<Hit>,
    /// The constraints applied (`2019-05 · 陆慷`), read from the question or given as options.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filters: Option<String>,
    /// True when no passage satisfied the constraints and the hits ignore them.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub relaxed: bool,
    /// True when the first passage is only the closest one: the no-quote model found it likely
    /// enough to quote, but not sure to answer the question itself.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub tentative: bool,
    /// True when the question names only a selection (a day, a period, a speaker) and no
    /// subject: the hits are its exchanges, latest first, not passages ranked for a question.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub browsing: bool,
    /// Constraints set aside because, with the others (`filters`), they left nothing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ignored: Option<String>,
    /// Why there is no quote although the question had content: nothing in the library answers
    /// it well enough, or the period it names is not in the library.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub abstained: Option<Abstention>,
    /// The nearest topics, offered when nothing answers the question.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<TopicSummary>,
    /// A question in English: its reading in the library's Chinese, which was searched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub read_as: Option<String>,
}

impl Answer {
    /// A browsed selection whose exchanges are all of one briefing (耿爽第一次主持记者会), in its
    /// order: there is no "latest first" to say.
    pub fn browses_one_briefing(&self) -> bool {
        self.browsing
            && self
                .hits
                .windows(2)
                .all(|w| w[0].document.id == w[1].document.id)
    }
}

/// Why an answer quotes nothing although the question had something to search.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Abstention {
    /// The period the question names is outside the library.
    PeriodNotCovered {
        /// The library's first day (ISO), if any transcript is dated.
        first: Option<String>,
        /// Its last day.
        last: Option<String>,
        /// For a period inside those days (a gap in the library): the day of the nearest
        /// transcript before it and after it.
        #[serde(skip_serializing_if = "Option::is_none")]
        nearest: Option<(String, String)>,
    },
    /// The question names a day without its year and nothing else, and no briefing of the
    /// library, in any year, fell on that day.
    DayNotHeld {
        /// The day as read (`3月8日`).
        day: String,
    },
    /// No passage covers enough of the question.
    NotCovered,
    /// The same, for a question in Latin letters (English): the library is in Chinese, and the
    /// question read word for word in Chinese (or not at all) found no passage it is sure of.
    NotInChinese,
    /// The speaker the question asks about says nothing on it (in the period it names).
    SpeakerNotQuoted {
        /// The names, `/` between them.
        speakers: String,
    },
    /// The question names a document by its title (《…》) and no passage names it.
    TitleNotNamed {
        /// The title, without its marks.
        title: String,
    },
    /// The question asks for the words of a person the library never names (汪文斌怎么回应):
    /// nothing it holds is theirs.
    SpeakerNotNamed {
        /// The name as the question has it.
        name: String,
    },
    /// The question quotes a term (“…”) no passage says.
    TermNotNamed {
        /// The term, without its marks.
        term: String,
    },
    /// The question asks for one detail (a number, a date…) and the passage that speaks of
    /// its subject best gives none: the library speaks of it without saying that.
    DetailNotGiven {
        /// What kind of detail was asked.
        detail: Detail,
    },
}

/// The kind of detail a question asks for, when it asks for one and nothing else.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Detail {
    /// 几个, 多少人, 多少钱.
    Number,
    /// 哪一年, 哪天.
    Date,
    /// 谁, 派谁去.
    Person,
    /// 叫什么名字, 哪一艘.
    Name,
    /// 在哪里.
    Place,
    /// 哪个港口, 哪家媒体.
    WhichOne,
    /// 哪几个国家.
    List,
}

impl Abstention {
    /// The reason in the reader's language.
    pub fn reason(&self, lang: crate::locale::Lang) -> String {
        use crate::locale::Lang;
        match (self, lang) {
            (Abstention::NotCovered, Lang::En) => "nothing in the library answers this".into(),
            (Abstention::NotCovered, Lang::Zh) => "资料库中没有足够相关的原文".into(),
            (Abstention::NotInChinese, Lang::En) => {
                "the library is in Chinese, and this question, read word for word in Chinese, \
                 finds no passage that surely answers it: ask in Chinese (中文提问)"
                    .into()
            }
            (Abstention::NotInChinese, Lang::Zh) => {
                "资料库是中文的，这个问题逐词译成中文后没有找到确定能回答的原文：请用中文提问"
                    .into()
            }
            (Abstention::SpeakerNotQuoted { speakers }, Lang::En) => {
                format!("the library never quotes {speakers} on this")
            }
            (Abstention::SpeakerNotQuoted { speakers }, Lang::Zh) => {
                format!("资料库中没有{speakers}就此的发言")
            }
            (Abstention::DayNotHeld { day }, Lang::En) => {
                format!("no briefing of the library, in any year, was held on {day}")
            }
            (Abstention::DayNotHeld { day }, Lang::Zh) => {
                format!("资料库中没有任何一年{day}的记者会")
            }
            (Abstention::TitleNotNamed { title }, Lang::En) => {
                format!("the library never names 《{title}》")
            }
            (Abstention::TitleNotNamed { title }, Lang::Zh) => {
                format!("资料库中没有提到《{title}》")
            }
            (Abstention::SpeakerNotNamed { name }, Lang::En) => {
                format!("the library never names {name}, so holds no words of theirs")
            }
            (Abstention::SpeakerNotNamed { name }, Lang::Zh) => {
                format!("资料库中没有提到{name}，也就没有其发言")
            }
            (Abstention::TermNotNamed { term }, Lang::En) => {
                format!("the library never says “{term}”")
            }
            (Abstention::TermNotNamed { term }, Lang::Zh) => {
                format!("资料库中没有提到“{term}”")
            }
            (Abstention::DetailNotGiven { detail }, lang) => {
                let (en, zh) = match detail {
                    Detail::Number => ("the number asked", "数字"),
                    Detail::Date => ("the date asked", "日期"),
                    Detail::Person => ("who it was", "人物"),
                    Detail::Name => ("the name asked", "名称"),
                    Detail::Place => ("the place asked", "地点"),
                    Detail::WhichOne => ("which one it was", "具体所指"),
                    Detail::List => ("which ones they were", "具体名单"),
                };
                match lang {
                    Lang::En => format!("the library speaks of this but never gives {en}"),
                    Lang::Zh => format!("资料库谈到此事，但没有给出所问的{zh}"),
                }
            }
            (
                Abstention::PeriodNotCovered {
                    nearest: Some((before, after)),
                    ..
                },
                lang,
            ) => match lang {
                Lang::En => format!(
                    "the library has no transcripts from that period (the nearest are of {before} and {after})"
                ),
                Lang::Zh => {
                    format!("资料库没有那段时间的记录（前后最近的记录是 {before} 和 {after}）")
                }
            },
            (Abstention::PeriodNotCovered { first, last, .. }, lang) => match (first, last, lang) {
                (Some(a), Some(b), Lang::En) => {
                    format!("the library has no transcripts from that period (it covers {a} … {b})")
                }
                (Some(a), Some(b), Lang::Zh) => {
                    format!("资料库没有那段时间的记录（收录范围 {a} … {b}）")
                }
                (_, _, Lang::En) => "the library's transcripts carry no dates".into(),
                (_, _, Lang::Zh) => "资料库的记录没有日期".into(),
            },
        }
    }
}

/// One quoted passage with everything a reader needs to trust it.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// 1-based rank.
    pub rank: usize,
    /// Relevance score (BM25 with boosts); comparable within one answer only.
    pub score: f32,
    /// The passage, verbatim.
    pub text: String,
    /// Matched words, as they stand in the passage.
    pub matched: Vec<String>,
    /// Character ranges of `text` to highlight.
    pub highlights: Vec<[usize; 2]>,
    /// Byte ranges of `text` to highlight (for renderers).
    #[serde(skip)]
    pub highlight_bytes: Vec<Range<usize>>,
    /// Who said it.
    pub speaker: String,
    /// The question it answers; `None` when the transcript does not have it.
    pub question: Option<QuestionRef>,
    /// The paragraphs around it in the same answer.
    pub context: Context,
    /// The document.
    pub document: DocumentRef,
    /// Paragraph number in the document (¶).
    pub paragraph: usize,
    /// A citation a reader can follow: `2024-03-07 王毅记者会 ¶23`.
    pub citation: String,
    /// The exchange's id (`topic` takes it).
    pub exchange: String,
    /// The exchange's topic name.
    pub topic: String,
    /// Other places where the same statement was made (near-identical passages), newest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<AlsoSaid>,
}

/// Another place a repeated statement stands.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct AlsoSaid {
    /// Its citation.
    pub citation: String,
    /// Its document's date.
    pub date: Option<String>,
    /// Its document's id.
    pub document: String,
    /// Its paragraph number.
    pub paragraph: usize,
}

/// The question a passage answers.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct QuestionRef {
    /// Who asked (`凤凰卫视记者`).
    pub speaker: String,
    /// The question's text.
    pub text: String,
}

/// The paragraphs before and after a passage within its answer.
#[derive(Debug, Clone, Serialize, Default, PartialEq, Eq)]
pub struct Context {
    /// The previous paragraph of the same answer, if any.
    pub before: Option<String>,
    /// The next paragraph of the same answer, if any.
    pub after: Option<String>,
    /// The paragraphs of the list a passage that ends on a colon opens (今年我们将重点抓好三件
    /// 大事：), in order: the answer it announces, shown with it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub list: Vec<String>,
}

/// The document a passage comes from.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct DocumentRef {
    /// Document id.
    pub id: String,
    /// Published title.
    pub title: String,
    /// ISO date.
    pub date: Option<String>,
}

/// One exchange in a topic list.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TopicSummary {
    /// Exchange id (`document#number`).
    pub id: String,
    /// Short topic name derived from the question.
    pub title: String,
    /// Who asked; `None` when the question is unknown.
    pub asker: Option<String>,
    /// The question; `None` when unknown.
    pub question: Option<String>,
    /// Who answered.
    pub answerer: String,
    /// Number of answer paragraphs.
    pub paragraphs: usize,
}

/// A whole exchange: the question and every answer paragraph.
#[derive(Debug, Clone, Serialize)]
pub struct ExchangeView {
    /// The summary.
    #[serde(flatten)]
    pub summary: TopicSummary,
    /// The document.
    pub document: DocumentRef,
    /// Answer paragraphs with their citations: `(paragraph number, speaker, text, citation)`.
    pub answer: Vec<AnswerParagraph>,
}

/// One paragraph of an answer.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct AnswerParagraph {
    /// Paragraph number (¶).
    pub paragraph: usize,
    /// Who said it.
    pub speaker: String,
    /// The text.
    pub text: String,
    /// Its citation.
    pub citation: String,
}
