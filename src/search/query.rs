//! From user text to a tantivy query, without tantivy's `QueryParser`.
//!
//! The parser would read `:`, `(`, `AND`, `*` and quotes as syntax and fail on them, and it turns
//! an unspaced Chinese question into one phrase over all its tokens, which matches nothing
//! (tantivy #718). So the question is segmented with the index's own analyzer, filler is dropped,
//! synonyms are added, and the query is built from term and phrase objects: any string gives a
//! query or nothing, never an error.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use tantivy::Term;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};

use super::AnswerType;
use super::answer_type::names_an_aspect;
use crate::text::{ChineseTokenizer, Lexicon, normalize_str, outermost};

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
    /// The question as read (normalised, constraints cut out): what kind of answer it asks for
    /// is read from it.
    pub normalized: String,
    /// The kinds of answer it asks for (a count, a date, a stance…), read once with the rest.
    pub kinds: AnswerType,
    /// What it names in title marks (《外国补贴条例》, normalised, without the marks): a law, a
    /// document or a work, named exactly.
    pub titles: Vec<String>,
    /// What it puts in quotation marks as a term (“动态清零”, 「獵狐行動」, normalised, without
    /// the marks), the meetings it names by their parties (中国—中亚峰会) and what it names by
    /// a number (嫦娥五号, 二十大): names the library says exactly if it speaks of them.
    pub quoted: Vec<String>,
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
    /// 一个岛一个岛地) or a colloquial coinage (打惨, 没谈出) no text will contain as such.
    pub known: bool,
    /// What kind of word it is (jieba's part of speech, reduced).
    pub class: WordClass,
    /// In how many passages it stands, for a word the index holds only in pieces (a name the
    /// segmentation splits, 南 / 麂 / 岛); `None` for a word the index holds as a term.
    pub passages: Option<u64>,
    /// Into how many words the segmentation split it (南麂岛: 3); 0 or 1 for a word it kept.
    pub split_into: usize,
}

impl Concept {
    /// Does the word say what the question is about? Not a function word, nor a verb of saying,
    /// which asks for the words said (杨洁篪说了什么) and stands in nearly every answer, nor a
    /// verb of receiving, which only frames what is asked (得到了各方什么评价, 受到什么批评), nor
    /// the name of an aspect asked (扮演什么角色, 有什么意义), or of the kind of thing asked (迎来
    /// 什么节点, 说明了什么大趋势, 到什么程度, 处于什么位置, 给自己什么定位, 有什么期许, 建成什么
    /// 样子, 去哪个大洲, 采取了什么行动), which the answer gives in its own words (坚定一员, 里程碑,
    /// 论坛十年, 群体性崛起, 积极推进全球发展倡议), nor a verb of naming or of effort that frames
    /// it (药方叫啥, 往哪些方向使劲). Not 结果: 投票结果 is a subject as often as 带来了什么结果
    /// is a kind.
    pub fn is_topical(&self) -> bool {
        const NOT_TOPICAL: &[&str] = &[
            "说",
            "讲",
            "称",
            "谈",
            "表示",
            "回答",
            "答",
            "表态",
            "谈到",
            "提到",
            "得到",
            "受到",
            "节点",
            "趋势",
            "大趋势",
            "程度",
            "年份",
            "局面",
            "部分",
            "信号",
            "信息",
            "含义",
            "内涵",
            "效果",
            "变化",
            "前景",
            "特征",
            "一部分",
            "位置",
            "后果",
            "对待",
            "达到",
            "定位",
            "成效",
            "期许",
            "样子",
            "改变",
            "改进",
            "大洲",
            "行动",
            "叫",
            "叫做",
            "名叫",
            "使劲",
            "发力",
            "下功夫",
        ];
        self.class != WordClass::Function
            && !NOT_TOPICAL.contains(&self.forms[0].as_str())
            && !names_an_aspect(&self.forms[0])
    }
}

/// A law or bill named without title marks after the act on it (美国国会通过台湾旅行法, 签署了
/// 香港人权与民主法案以后): a name of 2 to 12 characters and 法 or 法案, before what cannot
/// continue a name (法国, 法律 and 法院 are other words).
static UNMARKED_LAW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:通过|签署|签了|出台|审议|推出|颁布|实施|制定|批准)了?(?:所谓|一项|一部|新的)?",
        r#"[“"']?(\p{Han}{2,12}?(?:法案|法))"#,
        r"(?:$|[^\p{Han}]|[后时以中的草生出那这])"
    ))
    .expect("law pattern")
});
/// Endings of ordinary words in 法 (办法, 看法, 立法, 依法): no law's name.
const NOT_A_LAW: &[&str] = &[
    "办法",
    "做法",
    "看法",
    "说法",
    "方法",
    "想法",
    "手法",
    "用法",
    "写法",
    "立法",
    "执法",
    "司法",
    "违法",
    "合法",
    "非法",
    "依法",
    "算法",
    "语法",
    "章法",
    "疗法",
    "国际法",
];

/// Words that say what a bill is about or which one, not its name (涉台法案, 有关法案, 该法案):
/// a question asking of such a bill names no title.
const BILL_DESCRIPTIONS: &[&str] = &[
    "有关", "相关", "该", "此", "这项", "这部", "这个", "这一", "那项", "那个", "新", "反华",
];

/// Is `law` (a name ending in 法 or 法案) a description of a bill rather than its name: 涉 and one
/// more character (涉台, 涉港, 涉疆), or one of [`BILL_DESCRIPTIONS`]?
fn describes_a_bill(law: &str) -> bool {
    let before = law
        .strip_suffix("法案")
        .or_else(|| law.strip_suffix('法'))
        .unwrap_or(law);
    (before.starts_with('涉') && before.chars().count() == 2) || BILL_DESCRIPTIONS.contains(&before)
}

/// The laws and bills a text names without title marks ([`UNMARKED_LAW`]), each once, in order:
/// titles like those in marks, which a library that never names them does not speak of.
pub fn unmarked_laws_in(text: &str) -> Vec<String> {
    let mut laws: Vec<String> = Vec::new();
    // Most questions name no law: the pattern's captures are not worth looking for then.
    if !text.contains('法') {
        return laws;
    }
    for m in UNMARKED_LAW.captures_iter(text) {
        let law = &m[1];
        let ordinary = NOT_A_LAW.iter().any(|w| law.ends_with(w))
            || law.contains(['的', '了', '地', '得'])
            || describes_a_bill(law);
        if !ordinary && !laws.iter().any(|l| l == law) {
            laws.push(law.to_string());
        }
    }
    laws
}

/// The names a text puts in title marks (《…》), of 2 to 40 characters, each once, in order.
pub fn titles_in(text: &str) -> Vec<String> {
    marked_in(text, '《', '》')
}

/// A meeting named by the parties it joins (中国—中亚峰会, 中国－太平洋岛国外长会, 中国—东盟博览会):
/// China, a dash and a name of 1 to 14 characters ending in the kind of meeting.
static JOINT_MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"中国?[—－\-–―](\p{Han}{1,14}?(?:峰会|外长会|部长级会议|论坛|博览会|合作年))")
        .expect("joint meeting pattern")
});

/// The meetings a text names by the parties they join ([`JOINT_MEETING`]), each once, in order:
/// a library that never names one did not speak of it (中国—阿拉伯国家峰会 of 2022), however much
/// it says of the parties.
pub fn joint_meetings_in(text: &str) -> Vec<String> {
    // Read with one dash: the library's are matched whatever they are.
    once_each(
        JOINT_MEETING
            .captures_iter(text)
            .map(|m| format!("中国—{}", &m[1])),
    )
}

/// A craft, a mission or a congress named by its number (嫦娥五号, 神舟十三号, 中共二十大): two
/// characters and a number before 号 (not 二号人物, 一号线, 一号文件), or a party congress.
static NUMBERED_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(\p{Han}{2}[一二三四五六七八九十]{1,3}号)(?:[^人位线文楼院令]|$)",
        r"|(?:中共|党的)([十二][一二三四五六七八九十]?大)(?:[^使会国学陆]|$)",
    ))
    .expect("numbered name pattern")
});

/// The crafts, missions and congresses a text names by their number ([`NUMBERED_NAME`]), each
/// once, in order: the library says the very one it speaks of (嫦娥四号 is no answer about
/// 嫦娥五号, nor 十九大 about 二十大).
pub fn numbered_names_in(text: &str) -> Vec<String> {
    once_each(
        NUMBERED_NAME
            .captures_iter(text)
            .filter_map(|m| m.get(1).or_else(|| m.get(2)))
            .map(|g| g.as_str().to_string()),
    )
}

/// The terms a text puts in quotation marks (“…”, 「…」, 『…』, "…"): 2 to 6 characters, Chinese,
/// none of them punctuation, each once, in order. A short term names something (“星链”,
/// “动态清零”); a longer quote is as often the asker's paraphrase of a claim (“中国经济危机论”
/// for 所谓中国经济陷入危机, “全球南方挑战西方秩序”), a clause or a pattern (“以……为”). A Latin
/// term may be a translation the library writes in Chinese.
pub fn quoted_in(text: &str) -> Vec<String> {
    const QUOTED_TERM_MAX: usize = 6;
    let marked = [('“', '”'), ('「', '」'), ('『', '』')]
        .into_iter()
        .filter(|&(open, _)| text.contains(open))
        .flat_map(|(open, close)| marked_in(text, open, close));
    // Typed without a Chinese keyboard: the text between the first " and the second, the
    // third and the fourth…
    let pieces: Vec<&str> = text.split('"').collect();
    let between = pieces
        .iter()
        .skip(1)
        .step_by(2)
        .take((pieces.len() - 1) / 2)
        .map(|t| t.chars().filter(|c| !c.is_whitespace()).collect::<String>());
    once_each(marked.chain(between).filter(|term| {
        (2..=QUOTED_TERM_MAX).contains(&term.chars().count())
            && term.chars().all(crate::script::is_word_char)
            && term.chars().any(crate::script::is_han)
    }))
}

/// `names` each once, in the order first given.
fn once_each(names: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in names {
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// What a text puts between `open` and `close`, of 2 to 40 characters, each once, in order.
fn marked_in(text: &str, open: char, close: char) -> Vec<String> {
    let mut titles: Vec<String> = Vec::new();
    for (start, _) in text.match_indices(open) {
        let rest = &text[start + open.len_utf8()..];
        let Some(end) = rest.find(close) else { break };
        let title: String = rest[..end].chars().filter(|c| !c.is_whitespace()).collect();
        let chars = title.chars().count();
        if (2..=40).contains(&chars) && !title.contains(open) && !titles.contains(&title) {
            titles.push(title);
        }
    }
    titles
}

/// Does `text` name `title` (both normalised)? Where it stands whole, or where a title `text`
/// marks (《…》, or “…” as the transcripts mark bills) holds it with at most two more
/// characters, in order, and a year before it (more where both its ends are kept): a title
/// typed with a character or two left out (《不扩散核武器约》, 《中英联合声》, 维吾尔人权法案 of
/// “2019年维吾尔人权政策法案”) or called for short is still the library's.
pub fn holds_title(text: &str, title: &str) -> bool {
    if text.contains(title) {
        return true;
    }
    let wanted = title.chars().count();
    let quoted = text.contains('“').then(|| marked_in(text, '“', '”'));
    titles_in(text)
        .iter()
        .chain(quoted.iter().flatten())
        .any(|marked| {
            let marked = match marked.split_once('年') {
                Some((year, rest))
                    if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) =>
                {
                    rest
                }
                _ => marked.as_str(),
            };
            let extra = marked.chars().count().saturating_sub(wanted);
            // More left out of a longer name where it keeps the name's two ends (香港人权法案 of
            // 香港人权与民主法案): how bills are called for short.
            let ends_kept = || {
                marked.chars().next() == title.chars().next()
                    && marked.chars().next_back() == title.chars().next_back()
            };
            let few = (1..=2).contains(&extra) || (extra > 2 && extra <= wanted / 2 && ends_kept());
            let mut rest = marked.chars();
            few && title.chars().all(|c| rest.any(|m| m == c))
        })
}

/// In how many passages words stand together, each at its character offset from the first
/// (`(0, 南), (1, 麂), (2, 岛)`).
pub type PhrasePassages<'a> = dyn Fn(&[(usize, &str)]) -> u64 + 'a;

/// What reading a question takes: the language data, both segmentations, the weights, and the
/// library's vocabulary (in how many passages a word stands).
pub struct Reader<'a> {
    /// Filler, synonyms and jieba.
    pub lexicon: &'a Lexicon,
    /// Search-mode segmentation (the index's).
    pub search: &'a ChineseTokenizer,
    /// Weights of the query's parts.
    pub weights: &'a Weights,
    /// Characters of a question that are read.
    pub max_chars: usize,
    /// In how many passages a word stands (0: the library never uses it).
    pub vocabulary: &'a dyn Fn(&str) -> u64,
    /// In how many passages words stand together, each at its character offset.
    pub phrase_passages: &'a PhrasePassages<'a>,
}

/// The longest word of the library's vocabulary looked for where the segmentation of a question
/// went wrong, in characters.
const REPAIR_MAX_CHARS: usize = 6;

/// How many passages a word must stand in to be taken as the library's word in a repair.
const REPAIR_MIN_PASSAGES: u64 = 2;

/// What is asked of a person right after their name (华春莹生日, 耿爽家乡): the name is the
/// question's subject, not only whose words to quote.
const PERSONAL_FACTS: [&str; 16] = [
    "生日", "出生", "年龄", "岁数", "多大", "家乡", "老家", "籍贯", "学历", "毕业", "母校", "简历",
    "履历", "丈夫", "家人", "爱好",
];

impl QueryPlan {
    /// Analyses `question` (at most `max_chars` characters of it are read). `names` are the
    /// speaker names it holds (constraints, weak as words).
    pub fn new(question: &str, reader: &Reader, names: &[String]) -> QueryPlan {
        let Reader {
            lexicon,
            search,
            weights: w,
            max_chars,
            vocabulary,
            phrase_passages,
        } = *reader;
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
        // The question is normalised and segmented once: the default segmentation's words are
        // the search-mode terms that lie inside no longer one.
        let normalized = normalize_str(&question);
        let jieba = lexicon.jieba();
        // Segmented with the names a preposition was glued to set apart: positions below are
        // in this text.
        let mut terms = search.terms_of_normalized(&normalized);
        let segmented = match apart_from_glued_words(&normalized, &terms, &jieba, vocabulary) {
            Some(apart) => {
                terms = search.terms_of_normalized(&apart);
                std::borrow::Cow::Owned(apart)
            }
            None => std::borrow::Cow::Borrowed(normalized.as_str()),
        };
        // Filler of several words (这件事情, 啥样, 发生了什么) taken out where it stands as
        // whole words: its pieces (事情, 样) are not the question's subject.
        let segmented = match without_filler_phrases(&segmented, &terms, lexicon) {
            Some(blanked) => {
                terms = search.terms_of_normalized(&blanked);
                std::borrow::Cow::Owned(blanked)
            }
            None => segmented,
        };
        let terms = join_a_not_a(terms, &segmented);
        let whole_query_chars = terms.iter().map(|t| t.chars).max().unwrap_or(0);
        for t in &terms {
            // A sub-word is a term lying inside a longer term at an overlapping position.
            let inside_longer = terms.iter().any(|o| t.inside(o));
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
                !t.inside(o)
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
            .matches_normalized(&normalized, &question)
            .into_iter()
            .filter(|(name, _)| !lexicon.is_filler(name))
            .collect();
        // What a name is called in the library: the group's canonical name, and any other
        // name the library uses as one word. Everyday names the transcripts never use (the
        // other ways of saying 被抓) would only lengthen the query.
        let expansions = synonym_matches
            .iter()
            .flat_map(|(found, others)| {
                let found_is_canonical = lexicon.synonyms().canonical_of(found).is_some();
                others
                    .iter()
                    .enumerate()
                    .filter(move |(i, o)| (*i == 0 && !found_is_canonical) || vocabulary(o) > 0)
            })
            .map(|(_, o)| o)
            .filter(|o| !normalized.contains(o.as_str()));
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
        // A word's class from its own tag: dictionary words without the HMM (which costs
        // more than the rest of reading the question), other words with it.
        let tags: std::cell::RefCell<HashMap<String, Option<WordClass>>> = Default::default();
        let class_of = |word: &str| -> Option<WordClass> {
            if let Some(c) = tags.borrow().get(word) {
                return *c;
            }
            if let Some(tag) = lexicon.user_tag(word) {
                return Some(WordClass::of_tag(tag));
            }
            let alone = |hmm: bool| {
                let tagged = jieba.tag(word, hmm);
                match tagged.as_slice() {
                    [t] if t.word == word => Some(WordClass::of_tag(t.tag)),
                    _ => None,
                }
            };
            // A word jieba does not know is never tagged alone without the HMM.
            let class = if jieba.has_word(word) {
                alone(false).or_else(|| alone(true))
            } else {
                alone(true)
            };
            tags.borrow_mut().insert(word.to_string(), class);
            class
        };
        let exact_terms = repair_segmentation(
            outermost(&terms),
            &segmented,
            |t| jieba.has_word(t),
            |t| {
                if lexicon.is_filler(t) || is_name(t) || t.is_ascii() {
                    return None;
                }
                // Another name of what the question names, one jieba does not know, is as good
                // as the library's (川普 for 特朗普): jieba glues it to a neighbour (川普说).
                let passages = synonym_matches
                    .iter()
                    .filter(|(name, _)| name == t && !jieba.has_word(t))
                    .flat_map(|(_, others)| others)
                    .map(|o| vocabulary(o))
                    .fold(vocabulary(t), u64::max);
                // A name jieba knows that the library never uses is a name the library does not
                // hold (阿拉斯加), not a misreading to mend with a piece of another (阿拉 of 阿拉伯).
                let sound =
                    jieba.has_word(t) && (passages > 0 || class_of(t) == Some(WordClass::Name));
                Some((sound, passages))
            },
        );
        for t in &exact_terms {
            if !weights.contains_key(&t.text) && !lexicon.is_filler(&t.text) {
                add(&t.text, w.word, &mut weights);
                if !highlight.contains(&t.text) {
                    highlight.push(t.text.clone());
                }
            }
        }
        // A name jieba does not know is split into pieces (南 / 麂 / 岛) in the question and in
        // the library alike; pieces that stand together wherever the rarest of them stands are
        // taken as the one word they are.
        let joined = join_split_names(
            &exact_terms,
            |t| {
                // A verb of one character is a word of its own (跑 / 到, 捞 / 到), not a piece.
                let verb = || {
                    t.chars == 1
                        && matches!(jieba.tag(&t.text, false).as_slice(), [w] if w.tag.starts_with('v'))
                };
                t.chars <= 2
                    && t.text.chars().all(crate::script::is_han)
                    && !lexicon.is_filler(&t.text)
                    && !is_name(&t.text)
                    && class_of(&t.text) != Some(WordClass::Function)
                    && !verb()
            },
            phrase_passages,
            vocabulary,
        );
        let mut exact_terms = exact_terms;
        for name in &joined {
            exact_terms.retain(|t| !name.pieces.contains(t));
            exact_terms.push(name.term.clone());
            if !highlight.contains(&name.term.text) {
                highlight.push(name.term.text.clone());
            }
        }
        exact_terms.sort_by_key(|t| (t.position, std::cmp::Reverse(t.chars)));
        // Names found in the question that another name of their group found inside them
        // (人权理事会 of 联合国人权理事会) makes a form of the words there: the coverage scan
        // takes the longest match, so every word such a name spans takes it as a form, or a
        // passage holding it whole credits the inner words alone.
        let made_a_form: Vec<&str> = synonym_matches
            .iter()
            .filter(|(name, _)| {
                synonym_matches
                    .iter()
                    .any(|(other, names)| other != name && names.contains(name))
            })
            .map(|(name, _)| name.as_str())
            .collect();
        let mut concepts: Vec<Concept> = Vec::new();
        for t in &exact_terms {
            if let Some(name) = joined.iter().find(|n| n.term == *t) {
                // A name when a piece is one (蔡 of 蔡英文, 南 of 南麂岛); else a word the
                // library has (礼乐 + 滩), which an answer may leave to its context.
                let entity = name
                    .pieces
                    .iter()
                    .any(|p| class_of(&p.text) == Some(WordClass::Name));
                concepts.push(Concept {
                    forms: vec![t.text.clone()],
                    parts: name
                        .pieces
                        .iter()
                        .filter(|p| p.chars > 1)
                        .map(|p| p.text.clone())
                        .collect(),
                    chars: t.chars,
                    entity,
                    known: true,
                    class: if entity {
                        WordClass::Name
                    } else {
                        WordClass::Content
                    },
                    passages: Some(name.passages),
                    split_into: name.pieces.len(),
                });
                continue;
            }
            // A Latin letter alone (Q: …, a. …) labels or numbers a question; it names nothing.
            let letter = t.text.len() == 1 && t.text.bytes().all(|b| b.is_ascii_alphabetic());
            if lexicon.is_filler(&t.text)
                || is_name(&t.text)
                || letter
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
                    let name_too =
                        (made_a_form.contains(&name.as_str()) && name != &t.text).then_some(name);
                    // A dictionary word the index never holds stands in no passage as a word.
                    for o in name_too.into_iter().chain(others) {
                        let possible = !jieba.has_word(o) || vocabulary(o) > 0;
                        if possible && !forms.contains(o) {
                            forms.push(o.clone());
                        }
                    }
                }
            }
            // Two countries named by their first characters read either way round (美朝 and
            // 朝美, 美中 and 中美): the library's order is as good as the question's.
            if let Some(swapped) = swapped_pair(&t.text).filter(|s| vocabulary(s) > 0)
                && !forms.contains(&swapped)
            {
                add(&swapped, w.synonym, &mut weights);
                forms.push(swapped);
            }
            let parts: Vec<String> = terms
                .iter()
                .filter(|o| o.chars > 1 && o.inside(t) && !lexicon.is_filler(&o.text))
                .map(|o| o.text.clone())
                .collect();
            let latin = t
                .text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-')
                && (t.text.len() >= 2 && t.text.chars().any(|c| c.is_ascii_alphabetic())
                    || t.text.len() >= 3);
            let class = if latin {
                WordClass::Name
            } else if is_nth_of_a_series(&t.text) {
                WordClass::Content
            } else {
                class_of(&t.text).unwrap_or(WordClass::Content)
            };
            let entity = class == WordClass::Name;
            let known = latin || t.text.is_ascii() || jieba.has_word(&t.text);
            concepts.push(Concept {
                forms,
                parts,
                chars: t.chars,
                entity,
                known,
                class,
                passages: None,
                split_into: 1,
            });
        }
        // A question of nothing but words jieba tags as numerals, locatives or pronouns (两会,
        // 两岸, 多边, 三方, 五眼) still names something when those words are rare in Chinese at
        // large: they are its subject, not the grammar of its asking (他们, 一些, 以来 are
        // common, and a question of them alone asks about nothing).
        if !concepts.iter().any(Concept::is_topical) {
            for c in &mut concepts {
                // One numeral at most: 两会 and 三方 name things, 十三 and 一百年 count them.
                let numerals = c.forms[0].chars().filter(|&ch| is_numeral(ch)).count();
                if c.class == WordClass::Function
                    && c.chars > 1
                    && numerals <= 1
                    && lexicon.specificity(&c.forms[0]) >= SPECIFIC_ENOUGH_ALONE
                    && vocabulary(&c.forms[0]) > 0
                {
                    c.class = WordClass::Content;
                }
            }
        }
        // A speaker the question asks about (华春莹是哪年出生的, 耿爽的家乡), with hardly
        // anything else to it, or whose name a personal fact follows (耿爽毕业于哪所大学), is its
        // subject too: passages by her that never name her do not answer it. A name beside a
        // topic (陆慷 萨德, 耿爽怎么看贸易战) only filters.
        let content = concepts
            .iter()
            .filter(|c| c.class != WordClass::Function)
            .count();
        let followed_by = |name: &str, by: &dyn Fn(&str) -> bool| {
            normalized
                .match_indices(name)
                .any(|(at, _)| by(normalized[at + name.len()..].trim_start()))
        };
        // 秦刚的回应 is his words on the subject, 耿爽的家乡 is about him: after 的, a way of
        // asking (filler) keeps the name a speaker.
        let about_the_name = |after: &str| {
            after.starts_with('是')
                || after.strip_prefix('的').is_some_and(|rest| {
                    !rest
                        .char_indices()
                        .any(|(at, c)| lexicon.is_filler(&rest[..at + c.len_utf8()]))
                })
        };
        let asked_about = |name: &str| {
            content <= 1 && followed_by(name, &about_the_name)
                || followed_by(name, &|after| {
                    PERSONAL_FACTS.iter().any(|fact| after.starts_with(fact))
                })
        };
        {
            // First: the question's focus stays its last word.
            for name in names.iter().rev().filter(|n| asked_about(n)) {
                if !concepts.iter().any(|c| &c.forms[0] == name) {
                    concepts.insert(
                        0,
                        Concept {
                            forms: vec![name.clone()],
                            parts: Vec::new(),
                            chars: name.chars().count(),
                            entity: true,
                            known: true,
                            class: WordClass::Name,
                            passages: None,
                            split_into: 1,
                        },
                    );
                }
            }
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
            kinds: AnswerType::of_question(&normalized),
            titles: once_each(
                titles_in(&normalized)
                    .into_iter()
                    .chain(unmarked_laws_in(&normalized)),
            ),
            // Each once: a number quoted (“嫦娥五号”) is looked for in the library once.
            quoted: once_each(
                quoted_in(&normalized)
                    .into_iter()
                    .chain(joint_meetings_in(&normalized))
                    .chain(numbered_names_in(&normalized)),
            ),
            normalized,
        }
    }

    /// Share of the concepts that are names.
    pub fn entities(&self) -> usize {
        self.concepts.iter().filter(|c| c.entity).count()
    }

    /// The concept the question asks about. It comes last in Chinese (…有没有中国人伤亡,
    /// …后来找到了吗): the last topical word.
    pub fn focus(&self) -> Option<usize> {
        self.concepts.iter().rposition(Concept::is_topical)
    }

    /// True when nothing searchable is left (empty, punctuation or filler only).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The tantivy query over the passage and question fields.
    /// `searched(term)` says whether a term is worth searching (a very common word is not).
    pub fn to_query(
        &self,
        text: Field,
        question: Field,
        context: Field,
        w: &Weights,
        searched: impl Fn(&str) -> bool,
    ) -> Box<dyn Query> {
        let fields = [
            (text, 1.0),
            (question, w.question_field),
            (context, w.context_field),
        ];
        let term_queries = |term: &str, weight: f32| -> Vec<Box<dyn Query>> {
            fields
                .iter()
                .filter(|(_, boost)| *boost > 0.0)
                .map(|&(field, boost)| boosted_term(field, term, weight * boost))
                .collect()
        };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut kept: Vec<&(String, f32)> =
            self.terms.iter().filter(|(t, _)| searched(t)).collect();
        // Nothing but common words, or no subject's word as asked (华春莹谈南海: 南海 is in
        // thousands of passages, 谈 and the alias 南中国海 in few): then the common words are
        // searched too, or a filter's passages are chosen by the verb and the rare alias alone.
        let subject_searched = self
            .concepts
            .iter()
            .any(|c| c.is_topical() && searched(&c.forms[0]));
        if kept.is_empty() || !subject_searched {
            kept = self.terms.iter().collect();
        }
        for (term, weight) in kept {
            for q in term_queries(term, *weight) {
                clauses.push((Occur::Should, q));
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

    /// The question's subject over the exchange's question field alone: the answers whose
    /// reporter asked about at least half of what the question names (each topical concept by
    /// any of its forms, at its words' weights), whatever the answer itself says. `None` when
    /// the question names nothing topical.
    pub fn to_question_query(&self, question: Field) -> Option<Box<dyn Query>> {
        let weight_of = |form: &str| self.terms.iter().find(|(t, _)| t == form).map(|(_, w)| *w);
        let clauses: Vec<(Occur, Box<dyn Query>)> = self
            .concepts
            .iter()
            .filter(|c| c.is_topical())
            .filter_map(|c| {
                let forms: Vec<(Occur, Box<dyn Query>)> = c
                    .forms
                    .iter()
                    .filter_map(|f| {
                        weight_of(f).map(|w| (Occur::Should, boosted_term(question, f, w)))
                    })
                    .collect();
                (!forms.is_empty()).then(|| {
                    (
                        Occur::Should,
                        Box::new(BooleanQuery::new(forms)) as Box<dyn Query>,
                    )
                })
            })
            .collect();
        if clauses.is_empty() {
            return None;
        }
        let half = clauses.len().div_ceil(2);
        Some(Box::new(BooleanQuery::with_minimum_required_clauses(
            clauses, half,
        )))
    }
}

/// `term` in `field`, its score times `boost`.
fn boosted_term(field: Field, term: &str, boost: f32) -> Box<dyn Query> {
    let q = TermQuery::new(
        Term::from_field_text(field, term),
        IndexRecordOption::WithFreqs,
    );
    Box::new(BoostQuery::new(Box::new(q), boost))
}

/// `美朝` → `朝美`: a word of two countries' first characters (as the ministry abbreviates
/// them), the other way round.
fn swapped_pair(word: &str) -> Option<String> {
    const COUNTRIES: &str = "中美日俄朝韩印英法德澳加巴越菲泰缅柬蒙欧非阿以伊土";
    let mut chars = word.chars();
    let (a, b) = (chars.next()?, chars.next()?);
    (chars.next().is_none() && a != b && COUNTRIES.contains(a) && COUNTRIES.contains(b))
        .then(|| [b, a].iter().collect())
}

/// The stretches of `t` no word of `found` covers, of two characters or more, that are words
/// (`is_word`).
fn uncovered(
    t: &crate::text::Term,
    found: &[crate::text::Term],
    normalized: &str,
    byte_at: &dyn Fn(usize) -> usize,
    is_word: &dyn Fn(&str) -> bool,
) -> Vec<crate::text::Term> {
    let covered = |c: usize| {
        found
            .iter()
            .any(|f| f.position <= c && c < f.position + f.chars)
    };
    let end = t.position + t.chars;
    let mut out = Vec::new();
    let mut at = t.position;
    while at < end {
        if covered(at) {
            at += 1;
            continue;
        }
        let from = at;
        while at < end && !covered(at) {
            at += 1;
        }
        let text = &normalized[byte_at(from)..byte_at(at)];
        if at - from >= 2 && is_word(text) {
            out.push(crate::text::Term {
                text: text.to_string(),
                original: t.original.clone(),
                position: from,
                chars: at - from,
            });
        }
    }
    out
}

/// The longest name taken from pieces, in characters.
const JOIN_MAX_CHARS: usize = 6;

/// At most this many runs of pieces are looked up in the index per question (a question of
/// nothing but rare characters must not cost a search per pair of them).
const JOIN_MAX_LOOKUPS: usize = 48;

/// Characters jieba glues to the word after them when it does not know that word, or knows a
/// word of the character and the word's first one: prepositions and verbs of saying (对马 + 航
/// for 对 + 马航, 对照 + 会 for 对 + 照会, 对菲方, 谈判 + 决 for 谈 + 判决).
pub(crate) const GLUED_BEFORE: &str = "对同与和向跟就在谈说称讲将把被到于为";

/// Characters jieba glues to the word before them (中 + 美的 for 中美 + 的, 两 + 国有 for 两国 +
/// 有, 对话 + 会上 for 对话会 + 上, 韩 + 正是 for 韩正 + 是).
const GLUED_AFTER: &str = "的上有是以和了";

/// The longest library word looked for beside a glued character, in characters.
const GLUED_WORD_MAX_CHARS: usize = 6;

/// In how many passages that word must stand to be set apart (one, for a word of jieba's
/// dictionary).
const GLUED_WORD_MIN_PASSAGES: u64 = 2;

/// `normalized` with a space between a character jieba glued to a neighbouring word
/// ([`GLUED_BEFORE`], [`GLUED_AFTER`]) and that word, where the library holds a word that
/// starts right after the character and reaches past the glued word (对马 + 航: 马航), or ends
/// right before it and starts before the glued word (两 + 国有: 两国); after a character of
/// [`GLUED_BEFORE`], any such word when jieba does not know the glued word (对菲方: 菲方); and
/// between 哪 or 啥 and a verb the HMM glued it to (哪开), or after the measure word it took
/// from 哪 (哪 + 天开: 哪天 / 开). `terms` are `normalized`'s; `None` when nothing is glued.
fn apart_from_glued_words(
    normalized: &str,
    terms: &[crate::text::Term],
    jieba: &jieba_rs::Jieba,
    vocabulary: &dyn Fn(&str) -> u64,
) -> Option<String> {
    let starts_glued = |t: &crate::text::Term| {
        t.chars >= 2
            && t.text
                .chars()
                .next()
                .is_some_and(|c| GLUED_BEFORE.contains(c))
    };
    let ends_glued = |t: &crate::text::Term| {
        t.chars >= 2
            && t.text
                .chars()
                .next_back()
                .is_some_and(|c| GLUED_AFTER.contains(c))
    };
    // A question word the HMM glued to the verb after it (在哪开, 去哪谈, 峰会在哪办): a word
    // no dictionary holds, which no passage holds either. Not to a measure word: 哪支 (队伍)
    // asks which one, and the measure word belongs with it (the question forms' measure words,
    // and those of things asked which one of: 哪支, 哪部, 哪国).
    const MORE_MEASURES: &str = "支部首款枚台张篇句段节国方";
    let measure = |c: char| crate::text::MEASURE_WORDS.contains(c) || MORE_MEASURES.contains(c);
    let asks_glued = |t: &crate::text::Term| {
        let mut chars = t.text.chars();
        t.chars == 2
            && matches!(chars.next(), Some('哪' | '啥'))
            && chars.next().is_some_and(|c| !measure(c))
            && !jieba.has_word(&t.text)
    };
    // A question word alone (哪, 几, 啥): the HMM may have taken its measure word (哪 + 天开).
    let asks_alone =
        |t: &crate::text::Term| t.chars == 1 && matches!(t.text.as_str(), "哪" | "几" | "啥");
    if !terms
        .iter()
        .any(|t| starts_glued(t) || ends_glued(t) || asks_glued(t) || asks_alone(t))
    {
        return None;
    }
    // A word of jieba's dictionary counts where it stands at all: a one-transcript library
    // holds most of its words once (高墙, 装好).
    let library_word = |w: &str| {
        w.chars().all(crate::script::is_han) && {
            let passages = vocabulary(w);
            passages >= GLUED_WORD_MIN_PASSAGES || (passages > 0 && jieba.has_word(w))
        }
    };
    let chars: Vec<(usize, char)> = normalized.char_indices().collect();
    let byte_at = |c: usize| chars.get(c).map_or(normalized.len(), |(b, _)| *b);
    let words = outermost(terms);
    // A measure word the HMM took from the question word before it (哪 + 天开 of 哪天开, 几 +
    // 年来): it goes back (哪天 / 开), a question form, and what is left is the verb.
    let mut breaks: Vec<usize> = words
        .windows(2)
        .filter(|pair| {
            let (asking, glued) = (&pair[0], &pair[1]);
            asks_alone(asking)
                && glued.chars >= 2
                && asking.position + 1 == glued.position
                && glued.text.chars().next().is_some_and(|m| {
                    let mut form = asking.text.clone();
                    form.push(m);
                    crate::text::is_question_form(&form)
                })
        })
        .map(|pair| byte_at(pair[1].position + 1))
        .collect();
    for t in words.iter().filter(|t| starts_glued(t)) {
        let after = t.position + 1;
        let glued_end = t.position + t.chars;
        let known = jieba.has_word(&t.text);
        let reaching_on = (2..=GLUED_WORD_MAX_CHARS)
            .filter(|len| after + len <= chars.len() && (!known || after + len > glued_end))
            .map(|len| &normalized[byte_at(after)..byte_at(after + len)])
            // Not a piece the library's own segmentation glued to what follows (中有, 过有).
            .any(|w| {
                library_word(w)
                    && !w
                        .chars()
                        .next_back()
                        .is_some_and(|c| GLUED_AFTER.contains(c))
            });
        if reaching_on {
            breaks.push(byte_at(after));
        }
    }
    for t in words.iter().filter(|t| ends_glued(t)) {
        let glue = t.position + t.chars - 1;
        let reaching_back = (2..=GLUED_WORD_MAX_CHARS.min(glue))
            .filter(|len| glue - len < t.position)
            .map(|len| &normalized[byte_at(glue - len)..byte_at(glue)])
            .any(&library_word);
        if reaching_back {
            breaks.push(byte_at(glue));
        }
    }
    for t in words.iter().filter(|t| asks_glued(t)) {
        breaks.push(byte_at(t.position + 1));
    }
    breaks.sort_unstable();
    breaks.dedup();
    if breaks.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(normalized.len() + breaks.len());
    let mut from = 0;
    for at in breaks {
        out.push_str(&normalized[from..at]);
        out.push(' ');
        from = at;
    }
    out.push_str(&normalized[from..]);
    Some(out)
}

/// `segmented` with each filler phrase of several words ([`Lexicon::filler_phrases_in`]) that
/// begins and ends at word boundaries put out (a space in its place); `None` when there is none.
/// Not inside a word: 说了 of 说了算 stays.
fn without_filler_phrases(
    segmented: &str,
    terms: &[crate::text::Term],
    lexicon: &Lexicon,
) -> Option<String> {
    let found = lexicon.filler_phrases_in(segmented);
    if found.is_empty() {
        return None;
    }
    let words = outermost(terms);
    let char_at = |byte: usize| segmented[..byte].chars().count();
    let whole: Vec<std::ops::Range<usize>> = found
        .into_iter()
        .filter(|r| {
            let (start, end) = (char_at(r.start), char_at(r.end));
            words.iter().any(|w| w.position == start)
                && words.iter().any(|w| w.position + w.chars == end)
        })
        .collect();
    if whole.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(segmented.len());
    let mut from = 0;
    for r in whole {
        out.push_str(&segmented[from..r.start]);
        out.push(' ');
        from = r.end;
    }
    out.push_str(&segmented[from..]);
    Some(out)
}

/// A word the segmentation split, taken whole.
#[derive(Debug, Clone, PartialEq)]
struct JoinedName {
    /// The whole word.
    term: crate::text::Term,
    /// The question's words it was split into.
    pieces: Vec<crate::text::Term>,
    /// In how many passages the pieces stand together.
    passages: u64,
}

/// Finds the names jieba split into pieces: in each run of adjacent `piece` words (short words
/// that are not filler) holding a single character, the stretch of two pieces or more that
/// stands together in the library (`phrase_passages`) in at least half the passages its rarest
/// piece stands in (`vocabulary`): 南麂岛 wherever 麂 is, 韩飞龙 wherever 飞龙 is, not 修 + 路
/// where 路 stands alone. Of several such stretches the one in the most passages is taken (玉山江
/// over 公民玉山江), then the longest; the rest of the run is looked at again.
fn join_split_names(
    terms: &[crate::text::Term],
    piece: impl Fn(&crate::text::Term) -> bool,
    phrase_passages: &PhrasePassages<'_>,
    vocabulary: &dyn Fn(&str) -> u64,
) -> Vec<JoinedName> {
    let mut out = Vec::new();
    let mut lookups = 0;
    let mut i = 0;
    while i < terms.len() {
        let mut j = i;
        while j < terms.len()
            && piece(&terms[j])
            && (j == i || terms[j - 1].position + terms[j - 1].chars == terms[j].position)
        {
            j += 1;
        }
        if j - i >= 2 {
            join_in_run(
                &terms[i..j],
                phrase_passages,
                vocabulary,
                &mut lookups,
                &mut out,
            );
        }
        i = j.max(i + 1);
    }
    out
}

/// `join_split_names` over one run of adjacent pieces.
fn join_in_run(
    run: &[crate::text::Term],
    phrase_passages: &PhrasePassages<'_>,
    vocabulary: &dyn Fn(&str) -> u64,
    lookups: &mut usize,
    out: &mut Vec<JoinedName>,
) {
    // (passages, characters, from, to) of the best stretch.
    let mut best: Option<(u64, usize, usize, usize)> = None;
    for from in 0..run.len() {
        for to in from + 2..=run.len() {
            let stretch = &run[from..to];
            let chars: usize = stretch.iter().map(|t| t.chars).sum();
            if chars > JOIN_MAX_CHARS {
                break;
            }
            if !stretch.iter().any(|t| t.chars == 1) || *lookups >= JOIN_MAX_LOOKUPS {
                continue;
            }
            *lookups += 1;
            let start = stretch[0].position;
            let offsets: Vec<(usize, &str)> = stretch
                .iter()
                .map(|t| (t.position - start, t.text.as_str()))
                .collect();
            let together = phrase_passages(&offsets);
            let rarest = stretch
                .iter()
                .map(|t| vocabulary(&t.text))
                .min()
                .unwrap_or(0);
            let better = best.is_none_or(|(p, c, _, _)| (together, chars) > (p, c));
            if together > 0 && together * 2 >= rarest && better {
                best = Some((together, chars, from, to));
            }
        }
    }
    let Some((passages, _, from, to)) = best else {
        return;
    };
    let pieces = run[from..to].to_vec();
    let (first, last) = (&pieces[0], &pieces[pieces.len() - 1]);
    // The pieces stand next to each other: together they are the word as the question has it.
    let text: String = pieces.iter().map(|p| p.text.as_str()).collect();
    out.push(JoinedName {
        term: crate::text::Term {
            text,
            original: first.original.start.min(last.original.start)
                ..first.original.end.max(last.original.end),
            position: first.position,
            chars: last.position + last.chars - first.position,
        },
        pieces,
        passages,
    });
    for rest in [&run[..from], &run[to..]] {
        if rest.len() >= 2 {
            join_in_run(rest, phrase_passages, vocabulary, lookups, out);
        }
    }
}

/// Reads the A-not-A form of a question that jieba cut into pieces (支 + 不 + 支持, 介 + 不介意,
/// 关不 + 关心, 顺 + 不顺) as its verb alone (支持, 介意, 关心): an answer says 中方支持, never 支不
/// 支持, and the pieces (不介意, 关不) are words no passage uses. A verb of one character (顺不顺)
/// leaves the form whole, a question form like 认不认 (filler).
fn join_a_not_a(terms: Vec<crate::text::Term>, normalized: &str) -> Vec<crate::text::Term> {
    let chars: Vec<char> = normalized.chars().collect();
    // Each form's span of characters and, when it has one, the index of its verb's term.
    let mut spans: Vec<(usize, usize, Option<usize>)> = Vec::new();
    for i in 0..chars.len().saturating_sub(2) {
        let (a, n, b) = (chars[i], chars[i + 1], chars[i + 2]);
        if !crate::text::starts_a_not_a(a, n, b) || !crate::script::is_han(a) {
            continue;
        }
        // To the end of the terms that reach over the repeated character (支持 of 支不支持).
        let end = terms
            .iter()
            .filter(|t| t.position <= i + 2 && t.position + t.chars > i + 2)
            .map(|t| t.position + t.chars)
            .max()
            .unwrap_or(i + 3);
        let verb = terms
            .iter()
            .position(|t| t.position == i + 2 && t.chars >= 2 && t.position + t.chars == end);
        spans.push((i, end, verb));
    }
    if spans.is_empty() {
        return terms;
    }
    let mut out: Vec<crate::text::Term> = Vec::with_capacity(terms.len());
    for (k, t) in terms.iter().enumerate() {
        let Some(&(from, to, verb)) = spans
            .iter()
            .find(|(from, to, _)| t.position >= *from && t.position + t.chars <= *to)
        else {
            out.push(t.clone());
            continue;
        };
        match verb {
            Some(v) if v == k => out.push(t.clone()),
            // A piece of the form: its verb stands for it.
            Some(_) => {}
            None => match out
                .iter_mut()
                .find(|o| o.position == from && o.chars == to - from)
            {
                Some(joined) => joined.original.end = joined.original.end.max(t.original.end),
                None => out.push(crate::text::Term {
                    text: chars[from..to].iter().collect(),
                    original: t.original.clone(),
                    position: from,
                    chars: to - from,
                }),
            },
        }
    }
    out
}

/// Mends a question's segmentation where it made words the library never uses: jieba glues an
/// unknown name to a neighbour (闹埃 + 博拉 for 闹 + 埃博拉) or keeps a colloquial form whole
/// (撤出来, where the transcripts say 撤出). In each run of such words (and single characters
/// beside them), the longest words of the library's vocabulary are taken instead, left to
/// right; what they leave uncovered stays as it was. `lookup(word)` is `None` for words never
/// to touch (filler, names, Latin), else whether the word is sound (a word jieba knows that the
/// library uses, or a name) and in how many passages it stands.
fn repair_segmentation(
    terms: Vec<crate::text::Term>,
    normalized: &str,
    is_word: impl Fn(&str) -> bool,
    lookup: impl Fn(&str) -> Option<(bool, u64)>,
) -> Vec<crate::text::Term> {
    let chars: Vec<(usize, char)> = normalized.char_indices().collect();
    let byte_at = |c: usize| chars.get(c).map_or(normalized.len(), |(b, _)| *b);
    let weak = |t: &crate::text::Term| lookup(&t.text).is_some_and(|(sound, _)| !sound);
    let soft = |t: &crate::text::Term| {
        weak(t) || (t.chars == 1 && lookup(&t.text).is_some() && !t.text.is_ascii())
    };
    let mut out: Vec<crate::text::Term> = Vec::with_capacity(terms.len());
    let adjacent =
        |a: &crate::text::Term, b: &crate::text::Term| a.position + a.chars == b.position;
    let mut i = 0;
    // Words before this one were consumed by a repair.
    let mut taken = 0;
    while i < terms.len() {
        // A run of adjacent soft words holding at least one weak one, with one word more on
        // each side: the library's word may reach into a neighbour (闹埃 + 博拉).
        let mut j = i;
        while j < terms.len() && soft(&terms[j]) && (j == i || adjacent(&terms[j - 1], &terms[j])) {
            j += 1;
        }
        if j == i || !terms[i..j].iter().any(weak) {
            out.push(terms[i].clone());
            i += 1;
            continue;
        }
        // The word before, unless a repair already took it.
        let lo = if i > taken
            && adjacent(&terms[i - 1], &terms[i])
            && lookup(&terms[i - 1].text).is_some()
        {
            i - 1
        } else {
            i
        };
        let hi = if j < terms.len()
            && adjacent(&terms[j - 1], &terms[j])
            && lookup(&terms[j].text).is_some()
        {
            j + 1
        } else {
            j
        };
        // The word before the run was pushed already; it is reconsidered with the run.
        if lo < i {
            out.pop();
        }
        let (start, end) = (
            terms[lo].position,
            terms[hi - 1].position + terms[hi - 1].chars,
        );
        let mut found: Vec<crate::text::Term> = Vec::new();
        let mut at = start;
        while at < end {
            let longest = (2..=REPAIR_MAX_CHARS.min(end - at)).rev().find(|&len| {
                let word = &normalized[byte_at(at)..byte_at(at + len)];
                lookup(word).is_some_and(|(_, passages)| passages >= REPAIR_MIN_PASSAGES)
            });
            match longest {
                Some(len) => {
                    let (from, to) = (byte_at(at), byte_at(at + len));
                    // Offsets into the original: from the run's own words, which hold them.
                    let original = terms[lo..hi]
                        .iter()
                        .filter(|t| t.position < at + len && at < t.position + t.chars)
                        .fold(None::<std::ops::Range<usize>>, |r, t| {
                            Some(match r {
                                None => t.original.clone(),
                                Some(r) => r.start.min(t.original.start)..r.end.max(t.original.end),
                            })
                        })
                        .unwrap_or(0..0);
                    found.push(crate::text::Term {
                        text: normalized[from..to].to_string(),
                        original,
                        position: at,
                        chars: len,
                    });
                    at += len;
                }
                None => at += 1,
            }
        }
        // Only what mends a weak word is taken: a library word inside a sound one (塞班 of
        // 塞班岛) adds nothing.
        let overlaps = |f: &crate::text::Term, t: &crate::text::Term| {
            f.position < t.position + t.chars && t.position < f.position + f.chars
        };
        found.retain(|f| terms[lo..hi].iter().any(|t| weak(t) && overlaps(f, t)));
        for t in &terms[lo..hi] {
            let inside = |f: &crate::text::Term| {
                f.position <= t.position && t.position + t.chars <= f.position + f.chars
            };
            // A weak word gives way to any library word found in it; a sound one only to a
            // library word that holds it whole.
            let replaced = if weak(t) {
                found.iter().any(|f| overlaps(f, t))
            } else {
                found.iter().any(inside)
            };
            if !replaced {
                out.push(t.clone());
            } else if weak(t) {
                // What the library's words leave of it stays when it is a word itself: 中欧
                // of 中欧关系 (the library says 关系 only) is what the question is about.
                out.extend(uncovered(t, &found, normalized, &byte_at, &is_word));
            }
        }
        out.extend(found);
        i = hi;
        taken = hi;
    }
    out.sort_by_key(|t| (t.position, std::cmp::Reverse(t.chars)));
    out
}

/// jieba's part-of-speech tags reduced to what matters for weighing a word of a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WordClass {
    /// A proper name: person, place, organisation, a Latin word.
    Name,
    /// A noun, verb or adjective: what the question is about.
    #[default]
    Content,
    /// An adverb, pronoun, conjunction, particle, preposition, numeral or measure word: how the
    /// question is put (偏偏, 一共, 那个), not what it is about.
    Function,
}

/// How specific in Chinese at large ([`crate::text::Lexicon::specificity`]) a word tagged as a
/// function word must be to stand for a question's subject when nothing else does (两岸 0.32,
/// 三方 0.77; 双方 0.17, 以来 0.11, 他们 0).
const SPECIFIC_ENOUGH_ALONE: f32 = 0.3;

/// A character that counts (一, 两, 十, 百, 多, 几…), digits too.
fn is_numeral(ch: char) -> bool {
    ch.is_ascii_digit() || "零〇一二两三四五六七八九十百千万亿多几半双".contains(ch)
}

impl WordClass {
    /// The class of a jieba tag (ICTCLAS set).
    pub fn of_tag(tag: &str) -> WordClass {
        match tag {
            "nr" | "nrt" | "nrfg" | "ns" | "nt" | "nz" | "eng" => WordClass::Name,
            t if [
                "d", "r", "c", "u", "p", "y", "e", "o", "m", "q", "f", "zg", "ud", "uj", "ul",
                "uv", "uz", "ug", "mq", "rr", "rz", "dg",
            ]
            .contains(&t) =>
            {
                WordClass::Function
            }
            _ => WordClass::Content,
        }
    }
}

/// An event's place in its series past the first (第四轮, 第二十次, 第19届): it tells one round
/// from the others, a topical word where jieba tags it a numeral (a function word). Not a name:
/// a passage may number it otherwise (长征五号遥二 for its second launch). Not 第一次, which a
/// passage says as 首次 as often.
fn is_nth_of_a_series(word: &str) -> bool {
    let Some(rest) = word.strip_prefix('第') else {
        return false;
    };
    let Some(number) = ["轮", "次", "届", "期", "批"]
        .iter()
        .find_map(|unit| rest.strip_suffix(unit))
    else {
        return false;
    };
    !number.is_empty()
        && number != "一"
        && number != "1"
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || "二三四五六七八九十百零两".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_later_round_of_a_series_is_a_topical_word_the_first_is_not() {
        for w in ["第四轮", "第二十次", "第19届", "第二批"] {
            assert!(is_nth_of_a_series(w), "{w}");
        }
        for w in ["第一次", "第1轮", "第一", "四轮", "第几轮", "第一届"] {
            assert!(!is_nth_of_a_series(w), "{w}");
        }
    }

    #[test]
    fn a_title_typed_with_a_character_left_out_is_the_librarys() {
        let text = "关于《不扩散核武器条约》的联合声明，以及《中英联合声明》";
        assert!(holds_title(text, "不扩散核武器条约"));
        assert!(holds_title(text, "不扩散核武器约"));
        assert!(holds_title(text, "中英联合声"));
        // Not another title, nor one in another order, nor words the text holds unmarked.
        assert!(!holds_title(text, "外国补贴条例"));
        assert!(!holds_title(text, "核武器不扩散条约"));
        assert!(!holds_title("不扩散核武器条约", "不扩散核条约"));
        // A bill in quotation marks, named with its year.
        let text = "美国会众议院通过“2019年维吾尔人权政策法案”";
        assert!(holds_title(text, "维吾尔人权法案"));
        assert!(!holds_title(text, "维吾尔法案"));
        assert!(holds_title("签署“香港人权与民主法案”", "香港人权法案"));
        assert!(!holds_title("签署“香港人权与民主法案”", "香港法案"));
    }

    #[test]
    fn laws_named_without_marks_after_the_act_on_them_are_titles() {
        assert_eq!(
            unmarked_laws_in("美国国会通过台湾旅行法中方什么反应"),
            ["台湾旅行法"]
        );
        assert_eq!(
            unmarked_laws_in("美国签了香港人权与民主法案以后，华春莹怎么说"),
            ["香港人权与民主法案"]
        );
        assert_eq!(
            unmarked_laws_in("美国通过维吾尔强迫劳动预防法中方怎么回应"),
            ["维吾尔强迫劳动预防法"]
        );
        assert_eq!(
            unmarked_laws_in("全国人大通过网络安全法那天"),
            ["网络安全法"]
        );
        // Other words in 法, and 法 starting another word, are no law.
        for q in [
            "出台更严格的办法",
            "签署中法联合声明",
            "通过外交途径解决",
            "实施新的做法",
            "批准法国的申请",
            "通过和平方法",
            "美国国会通过涉台法案中方表态",
            "审议有关法案的进展",
            "美方签署该法案后",
        ] {
            assert!(unmarked_laws_in(q).is_empty(), "{q}");
        }
    }

    #[test]
    fn meetings_are_named_by_their_parties_with_any_dash() {
        assert_eq!(
            joint_meetings_in("首届中国-阿拉伯国家峰会和中国－中亚峰会，还有中国–中亚峰会"),
            ["中国—阿拉伯国家峰会", "中国—中亚峰会"]
        );
        // Parties without a meeting, or a meeting without its parties joined, name none.
        assert!(joint_meetings_in("中国—东盟关系发展良好").is_empty());
        assert!(joint_meetings_in("中阿合作论坛部长级会议").is_empty());
    }

    #[test]
    fn crafts_and_congresses_are_named_by_their_number() {
        assert_eq!(
            numbered_names_in("2021年6月神舟十二号进驻天和核心舱，嫦娥五号和中共二十大呢"),
            ["神舟十二号", "嫦娥五号", "二十大"]
        );
        // A rank, a line, a document or a size is no name.
        for text in [
            "日本执政党二号人物访华",
            "地铁十号线",
            "中央一号文件",
            "第三大武器出口国",
        ] {
            assert!(numbered_names_in(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn quoted_terms_are_short_chinese_names_in_any_quotation_marks() {
        assert_eq!(
            quoted_in("“动态清零”和「星链」，还有\"双减\"和“星链”"),
            ["动态清零", "星链", "双减"]
        );
        // A claim, a clause or a pattern is paraphrased, not named; Latin may be translated;
        // an unclosed mark quotes nothing.
        assert!(quoted_in("“全球南方挑战西方秩序”的说法").is_empty());
        assert!(quoted_in("提出了哪些“以……为”的原则").is_empty());
        assert!(quoted_in("\"Huawei\" 和 “5G”").is_empty());
        assert!(quoted_in("他说\"双减").is_empty());
        assert!(quoted_in("“X”").is_empty());
    }

    #[test]
    fn titles_are_read_from_title_marks_each_once() {
        assert_eq!(
            titles_in("美国《通胀削减法案》和《芯片 与科学法》，还有《通胀削减法案》"),
            ["通胀削减法案", "芯片与科学法"]
        );
        // Too short or unclosed: no title; of titles one inside another, the inner one.
        assert!(titles_in("《X》怎么看").is_empty());
        assert!(titles_in("根据《宣言").is_empty());
        assert_eq!(titles_in("《关于《宣言》的说明》"), ["宣言"]);
        assert_eq!(plan("《採訪》上映了，外交部怎么看").titles, ["采访"]);
    }

    fn plan(q: &str) -> QueryPlan {
        plan_in(q, &|_: &str| 0)
    }

    /// A library's vocabulary that holds each of `words` in 40 passages and nothing else.
    fn holding<'a>(words: &'a [&'a str]) -> impl Fn(&str) -> u64 + 'a {
        move |w: &str| if words.contains(&w) { 40 } else { 0 }
    }

    /// Over a library holding `words`, each question of `cases` keeps its word whole.
    fn assert_keeps(words: &[&str], cases: &[(&str, &str)]) {
        let library = holding(words);
        for (q, word) in cases {
            let p = plan_in(q, &library);
            let concepts = concept_words(&p);
            assert!(concepts.contains(word), "{q}: {concepts:?}");
        }
    }

    /// The plan of `q` over a library whose vocabulary is `vocabulary`.
    fn plan_in(q: &str, vocabulary: &dyn Fn(&str) -> u64) -> QueryPlan {
        plan_naming(q, vocabulary, &[])
    }

    #[test]
    fn a_rare_word_tagged_as_grammar_is_the_subject_when_nothing_else_is() {
        let every = |_: &str| 10;
        let topical = |q: &str| plan_in(q, &every).concepts.iter().any(Concept::is_topical);
        for q in ["两会", "两岸", "三方", "多边"] {
            assert!(topical(q), "{q}");
        }
        // Common grammar alone, and numbers, ask about nothing.
        for q in ["他们怎么说", "一些", "十三", "一百年"] {
            assert!(!topical(q), "{q}");
        }
        // A word the library never holds names nothing it could quote.
        assert!(
            !plan_in("两会", &|_: &str| 0)
                .concepts
                .iter()
                .any(Concept::is_topical)
        );
        // Beside a subject it stays a function word.
        let p = plan_in("三方会谈", &every);
        let sanfang = p.concepts.iter().find(|c| c.forms[0] == "三方").unwrap();
        assert_eq!(sanfang.class, WordClass::Function);
    }

    /// The plan of `q` over a library whose vocabulary is `vocabulary` and whose speakers
    /// include `names`.
    fn plan_naming(q: &str, vocabulary: &dyn Fn(&str) -> u64, names: &[String]) -> QueryPlan {
        plan_with(q, vocabulary, &|_: &[&str]| 0, names)
    }

    /// The plan of `q` over a library whose vocabulary is `vocabulary` and in which words
    /// stand together in `together(words)` passages.
    fn plan_together(
        q: &str,
        vocabulary: &dyn Fn(&str) -> u64,
        together: &dyn Fn(&[&str]) -> u64,
    ) -> QueryPlan {
        plan_with(q, vocabulary, together, &[])
    }

    fn plan_with(
        q: &str,
        vocabulary: &dyn Fn(&str) -> u64,
        together: &dyn Fn(&[&str]) -> u64,
        names: &[String],
    ) -> QueryPlan {
        plan_with_lexicon(&Lexicon::embedded(), q, vocabulary, together, names)
    }

    /// The plan of `q` over a library whose vocabulary is `vocabulary`, read with `lex`.
    fn plan_over(lex: &Lexicon, q: &str, vocabulary: &dyn Fn(&str) -> u64) -> QueryPlan {
        plan_with_lexicon(lex, q, vocabulary, &|_: &[&str]| 0, &[])
    }

    fn plan_with_lexicon(
        lex: &Lexicon,
        q: &str,
        vocabulary: &dyn Fn(&str) -> u64,
        together: &dyn Fn(&[&str]) -> u64,
        names: &[String],
    ) -> QueryPlan {
        let search = ChineseTokenizer::search(lex.jieba());
        let phrase_passages =
            |terms: &[(usize, &str)]| together(&terms.iter().map(|(_, t)| *t).collect::<Vec<_>>());
        let reader = Reader {
            lexicon: lex,
            search: &search,
            weights: &Weights::default(),
            max_chars: 200,
            vocabulary,
            phrase_passages: &phrase_passages,
        };
        QueryPlan::new(q, &reader, names)
    }

    #[test]
    fn a_name_split_into_pieces_is_one_word_where_the_library_holds_it_whole() {
        // 麂 stands only in 南麂岛; 南 and 岛 stand everywhere.
        let library = |w: &str| match w {
            "南" => 93,
            "麂" => 1,
            "岛" => 12,
            _ => 5,
        };
        let together = |words: &[&str]| match words {
            ["南", "麂", "岛"] | ["南", "麂"] | ["麂", "岛"] => 1,
            _ => 0,
        };
        let p = plan_together("中国在南麂岛修军事基地吗", &library, &together);
        let island = p
            .concepts
            .iter()
            .find(|c| c.forms[0] == "南麂岛")
            .unwrap_or_else(|| panic!("{:?}", concept_words(&p)));
        assert_eq!(island.passages, Some(1));
        assert_eq!(island.split_into, 3);
        assert!(island.entity, "南 is a place's piece: {island:?}");
        let words = concept_words(&p);
        assert!(
            !words.contains(&"麂") && !words.contains(&"南"),
            "{words:?}"
        );
        assert!(p.highlight.contains(&"南麂岛".to_string()));
        // Where the rarest piece mostly stands elsewhere (麂 in 5 passages, 南麂岛 in 1), the
        // pieces are words of their own that met by chance.
        let elsewhere = |w: &str| if w == "麂" { 5 } else { library(w) };
        let p = plan_together("中国在南麂岛修军事基地吗", &elsewhere, &together);
        assert!(
            !concept_words(&p).contains(&"南麂岛"),
            "{:?}",
            concept_words(&p)
        );
        // Pieces never found together stay as they are.
        let p = plan("中国在南麂岛修军事基地吗");
        assert!(!concept_words(&p).contains(&"南麂岛"));
    }

    fn concept_words(p: &QueryPlan) -> Vec<&str> {
        p.concepts.iter().map(|c| c.forms[0].as_str()).collect()
    }

    #[test]
    fn the_kind_of_thing_asked_is_not_what_the_question_is_about() {
        for (q, kind) in [
            ("中拉论坛今年迎来了什么节点？", "节点"),
            ("王毅认为金砖扩员说明了什么趋势？", "趋势"),
            ("软联通要搞到啥程度", "程度"),
            ("中国在全球南方里扮演什么角色？", "扮演"),
            ("中方主张非洲在国际上应处于什么位置？", "位置"),
            ("联合国的地位应该怎样对待？", "对待"),
            ("中国在全球南方里给自己什么定位？", "定位"),
            ("王毅对一带一路接下来的十年有什么期许？", "期许"),
            ("领事保护服务平台要建成什么样子？", "样子"),
        ] {
            let p = plan(q);
            let asked = p.concepts.iter().find(|c| c.forms[0] == kind);
            assert!(
                asked.is_some_and(|c| !c.is_topical()),
                "{q}: {:?}",
                p.concepts
            );
            let focus = p.focus().map(|k| p.concepts[k].forms[0].as_str());
            assert!(focus.is_some_and(|f| f != kind), "{q}: {focus:?}");
        }
    }

    #[test]
    fn a_measure_word_after_which_belongs_to_it() {
        // jieba's dictionary holds 份文件; 哪份 / 文件 is the reading.
        let p = plan("中国和东盟正在谈哪份文件？");
        assert!(
            concept_words(&p).contains(&"文件"),
            "{:?}",
            concept_words(&p)
        );
        assert!(!concept_words(&p).contains(&"份文件"));
    }

    #[test]
    fn an_a_not_a_form_cut_in_pieces_is_read_as_its_verb() {
        let library = holding(&["支持", "介意", "关心", "决定", "联合国", "非洲"]);
        // jieba: 支 + 不 + 支持, 介 + 介意 + 不介意, 关不 + 关心, 顺 + 不顺.
        for (q, verb, pieces) in [
            ("中方支不支持这个决定？", "支持", &["支", "不支持"][..]),
            (
                "中国介不介意美国高官访问非洲？",
                "介意",
                &["介", "不介意"][..],
            ),
            ("国内到底关不关心？", "关心", &["关不"][..]),
        ] {
            let p = plan_in(q, &library);
            let words = concept_words(&p);
            assert!(words.contains(&verb), "{q}: {words:?}");
            assert!(!pieces.iter().any(|w| words.contains(w)), "{q}: {words:?}");
        }
        // A verb of one character leaves a question form, which is filler like 认不认.
        let p = plan_in("联合国顺不顺？", &library);
        assert_eq!(concept_words(&p), ["联合国"]);
        // 不 between two different characters is no such form.
        let p = plan_in("中方对此决不接受", &holding(&["接受"]));
        assert!(
            concept_words(&p).contains(&"接受"),
            "{:?}",
            concept_words(&p)
        );
    }

    #[test]
    fn words_the_library_never_uses_give_way_to_the_ones_it_uses() {
        // The library says 撤出 and 埃博拉; the question's segmentation made 撤出来 and 闹埃.
        let library = |w: &str| match w {
            "撤出" => 47,
            "埃博拉" => 51,
            "萨马拉" => 12,
            "工人" => 10,
            _ => 0,
        };
        let p = plan_in("萨马拉的中国工人撤出来没有", &library);
        let words = concept_words(&p);
        assert!(
            words.contains(&"撤出") && !words.contains(&"撤出来"),
            "{words:?}"
        );
        assert!(terms(&p).contains(&"撤出"), "searched too: {:?}", terms(&p));
        let p = plan_in("西非闹埃博拉那会儿", &library);
        assert!(
            concept_words(&p).contains(&"埃博拉"),
            "{:?}",
            concept_words(&p)
        );
        // Without the library's word, the question's own words stay.
        let own = plan("萨马拉的中国工人撤出来没有");
        let words = concept_words(&own);
        assert!(words.contains(&"撤出来"), "{words:?}");
    }

    #[test]
    fn a_name_the_library_lacks_is_not_mended_into_another() {
        // The library knows 阿拉 (of 阿拉伯) but never 阿拉斯加: the question is about a place the
        // library does not hold, and must say so.
        let library = |w: &str| match w {
            "阿拉" => 87,
            "杨洁篪" => 156,
            _ => 0,
        };
        let p = plan_in("中美在阿拉斯加的高层战略对话上，杨洁篪说了什么？", &library);
        let words = concept_words(&p);
        assert!(
            words.contains(&"阿拉斯加") && !words.contains(&"阿拉"),
            "{words:?}"
        );
    }

    #[test]
    fn another_name_glued_to_a_neighbour_is_set_apart() {
        // jieba does not know 川普 and glues it to 说; the library says 特朗普 (synonyms.txt).
        let library = |w: &str| match w {
            "特朗普" => 900,
            "经济" => 1600,
            _ => 0,
        };
        let p = plan_in("川普说中国经济很糟糕", &library);
        let trump = p
            .concepts
            .iter()
            .find(|c| c.forms[0] == "川普")
            .unwrap_or_else(|| panic!("{:?}", concept_words(&p)));
        assert!(
            trump.forms.iter().any(|f| f == "特朗普"),
            "{:?}",
            trump.forms
        );
    }

    #[test]
    fn a_repair_keeps_what_is_left_of_a_word_when_it_is_a_word() {
        // The library says 关系 but never 中欧关系 or 中欧: the question is still about 中欧.
        let library = |w: &str| match w {
            "关系" => 40,
            _ => 0,
        };
        let words = concept_words(&plan_in("中欧关系", &library)).join(" ");
        assert!(words.contains("中欧"), "{words}");
        assert!(words.contains("关系"), "{words}");
    }

    #[test]
    fn a_repair_keeps_the_sound_words_around_it() {
        // 咖啡馆 is not the library's word; the sound words on either side of it, which the
        // repair looks at again, stay words of the question.
        let library = |w: &str| match w {
            "悉尼" => 40,
            "劫持" => 26,
            "人质" => 18,
            _ => 0,
        };
        let p = plan_in("悉尼咖啡馆劫持人质", &library);
        let words = concept_words(&p);
        for w in ["悉尼", "咖啡馆", "劫持", "人质"] {
            assert!(words.contains(&w), "{w} in {words:?}");
        }
    }

    #[test]
    fn synonyms_lead_to_the_librarys_word_and_only_what_it_uses() {
        // 中国人 is how people ask; 中国公民 (searched as 公民) is what the transcripts say.
        let library = |w: &str| u64::from(w == "公民") * 900;
        let p = plan_in("有没有中国人受伤", &library);
        let t = terms(&p);
        assert!(t.contains(&"公民"), "{t:?}");
        // Other everyday names of the same group, which the library never uses, are not searched.
        assert!(!t.contains(&"同胞") && !t.contains(&"人员"), "{t:?}");
        // Where the library does use one, it is.
        let library = |w: &str| u64::from(w == "公民" || w == "中方人员") * 900;
        let p = plan_in("有没有中国人受伤", &library);
        assert!(terms(&p).contains(&"人员"), "{:?}", terms(&p));
    }

    #[test]
    fn function_words_and_names_are_told_apart() {
        let p = plan("美国为什么偏偏在那个时候制裁华为？");
        let class = |w: &str| p.concepts.iter().find(|c| c.forms[0] == w).map(|c| c.class);
        assert_eq!(class("偏偏"), Some(WordClass::Function));
        assert_eq!(class("华为"), Some(WordClass::Name));
        assert_eq!(class("制裁"), Some(WordClass::Content));
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
        let concepts = concept_words(&p);
        // 持什么 asks for a stance too.
        assert_eq!(concepts, ["人工智能", "合作"]);
        assert!(
            p.phrases
                .iter()
                .any(|ph| ph[0].1 == "人工智能" && ph[1].1 == "合作"),
            "{:?}",
            p.phrases
        );
    }

    #[test]
    fn ways_of_asking_and_names_keep_their_words_whole() {
        // 怎么看 is a word, so 怎么看待 must be one too (not 怎么看 / 待); and 对华为 is 对 /
        // 华为, not 对华 / 为 as jieba's own frequencies have it.
        for q in ["怎么看待美国对华为的禁令", "如何看待美国对华为的禁令"] {
            let p = plan(q);
            let concepts = concept_words(&p);
            assert_eq!(concepts, ["美国", "华为", "禁令"], "{q}");
        }
    }

    #[test]
    fn a_name_after_a_preposition_is_not_glued_to_it() {
        // jieba reads 对马航 as 对马 (Tsushima) / 航, 对文在寅 as 对文 / 在 / 寅, 对照会 as 对照 /
        // 会; the library's words that start after the preposition stand whole.
        let library = ["马航", "文在寅", "照会", "菲方"];
        assert_keeps(
            &library,
            &[
                ("中方对马航失联有何评论", "马航"),
                ("外交部对文在寅访华怎么说", "文在寅"),
                ("中方对照会内容怎么看", "照会"),
                ("中方对菲方的说法有何回应", "菲方"),
            ],
        );
        // A word the library does not hold after it changes nothing: 对外开放 stays.
        let p = plan_in("中方对外开放的政策", &holding(&library));
        assert!(
            p.concepts.iter().any(|c| c.forms[0] == "对外开放"),
            "{:?}",
            p.concepts
        );
    }

    #[test]
    fn a_question_word_is_not_glued_to_the_verb_after_it() {
        // The HMM reads 在哪开 as 在 / 哪开 and 去哪谈 as 去 / 哪谈: words nothing holds, which
        // would count as the question's subject.
        let library = ["中非合作论坛", "峰会"];
        for q in ["中非合作论坛今年在哪开", "峰会去哪谈", "峰会在哪办"] {
            let p = plan_in(q, &holding(&library));
            assert!(
                !p.concepts.iter().any(|c| c.forms[0].starts_with('哪')),
                "{q}: {:?}",
                p.concepts
            );
        }
        // A word of the dictionary stays whole: 哪怕 is no question.
        let p = plan_in("哪怕峰会推迟", &holding(&library));
        assert!(p.terms.iter().any(|(t, _)| t == "哪怕"), "{:?}", p.terms);
        // A measure word the HMM took from the question word goes back to it: 哪 / 天开 is
        // 哪天 / 开, and 天开 is no word of the question.
        let p = plan_in("中非合作论坛峰会哪天开", &holding(&library));
        let concepts = concept_words(&p);
        assert!(!concepts.contains(&"天开"), "{concepts:?}");
        assert!(concepts.contains(&"峰会"), "{concepts:?}");
    }

    #[test]
    fn filler_of_several_words_is_no_subject() {
        // jieba cuts 这件事情 into 这件 / 事情 and 啥样 into 啥 / 样: the pieces are filler
        // only together, where they stand as whole words.
        let library = ["南海", "中美关系"];
        for (q, subject) in [
            ("南海这件事情中方怎么看", "南海"),
            ("中美关系是啥样", "中美关系"),
            ("南海发生了什么", "南海"),
        ] {
            let p = plan_in(q, &holding(&library));
            assert_eq!(concept_words(&p), [subject], "{q}");
        }
        // Not where the phrase lies across a word: 说了算 is a word of its own.
        let p = plan_in("中美关系谁说了算", &holding(&library));
        assert!(
            concept_words(&p).contains(&"说了算"),
            "{:?}",
            concept_words(&p)
        );
    }

    #[test]
    fn a_word_is_not_glued_to_the_particle_after_it() {
        // jieba reads 中美的 as 中 / 美的 (the company) and 高级别的 as 高级 / 别的.
        assert_keeps(
            &["中美", "高级别", "两国", "判决", "对华", "华为"],
            &[
                ("中美的贸易摩擦怎么样了", "中美"),
                ("高级别的对话", "高级别"),
                // 两国有 is not 两 / 国有 (state-owned), 谈判决 not 谈判 / 决.
                ("两国有哪些合作", "两国"),
                ("外交部谈判决结果", "判决"),
                // A name ending in a glue character stays whole: 对华为 is not 对华 / 为.
                ("美国对华为的禁令", "华为"),
            ],
        );
    }

    #[test]
    fn more_ways_of_asking_are_no_words_of_the_question() {
        // Found by putting the seed's topics in question frames: each left a word no answer
        // holds (上持 of jieba's HMM, 表明, 时说), and the seed refused the question.
        for q in [
            "中方在南海问题上持什么立场",
            "中方对南海问题持什么态度",
            "就南海问题表明了什么立场",
            "围绕南海问题，外交部说了啥",
            "谈到南海问题时说了什么",
            "关于南海问题有什么新的提法",
            "南海问题这个话题外交部提没提",
        ] {
            let p = plan(q);
            let concepts: Vec<&str> = p
                .concepts
                .iter()
                .filter(|c| c.is_topical() && c.chars > 1)
                .map(|c| c.forms[0].as_str())
                .collect();
            assert!(
                !concepts.is_empty() && concepts.iter().all(|c| c.starts_with("南海")),
                "{q}: {concepts:?}"
            );
        }
    }

    #[test]
    fn a_not_a_questions_keep_their_words_whole() {
        // 会不会 is one word: without it jieba reads 出国会不会 as 出 / 国会 / 不会 (parliament).
        let p = plan("今年出国会不会更方便？王毅觉得呢");
        let concepts = concept_words(&p);
        assert!(concepts.contains(&"出国"), "{concepts:?}");
        assert!(
            !concepts.contains(&"国会")
                && !concepts.contains(&"不会")
                && !concepts.contains(&"觉得"),
            "{concepts:?}"
        );
    }

    #[test]
    fn synonyms_reach_chinese_from_english() {
        let p = plan("AI governance");
        let t = terms(&p);
        assert!(t.contains(&"人工智能") && t.contains(&"治理"), "{t:?}");
    }

    #[test]
    fn two_countries_read_either_way_round() {
        assert_eq!(swapped_pair("美朝").as_deref(), Some("朝美"));
        assert_eq!(swapped_pair("美中").as_deref(), Some("中美"));
        assert_eq!(swapped_pair("美国"), None);
        assert_eq!(swapped_pair("中美日"), None);
        let library = |w: &str| u64::from(w == "朝美" || w == "峰会") * 50;
        let p = plan_in("美朝峰会", &library);
        let c = p
            .concepts
            .iter()
            .find(|c| c.forms[0] == "美朝")
            .expect("美朝");
        assert!(c.forms.contains(&"朝美".to_string()), "{:?}", c.forms);
        assert!(terms(&p).contains(&"朝美"), "{:?}", terms(&p));
    }

    #[test]
    fn every_word_a_name_found_in_the_question_spans_takes_the_whole_name() {
        // An alias that holds its group's name and a word besides (联合国人权理事会 of
        // 人权理事会): the name found inside it gives the words inside it the alias as a form,
        // and the scan takes the longest match, so 联合国 must have it too, or a passage holding
        // the alias credits 人权 and 理事会 and not 联合国.
        let dir = tempfile::tempdir().expect("dir");
        std::fs::write(
            dir.path().join("synonyms.txt"),
            "人权理事会 = 联合国人权理事会\n",
        )
        .expect("write");
        let lex = crate::text::LexiconSources::read(dir.path())
            .and_then(|s| s.build())
            .expect("lexicon");
        let library = holding(&["联合国", "人权", "理事会", "人权理事会", "联合国人权理事会"]);
        let p = plan_over(&lex, "联合国人权理事会的工作组", &library);
        let spanned: Vec<&Concept> = p
            .concepts
            .iter()
            .filter(|c| "联合国人权理事会".contains(c.forms[0].as_str()))
            .collect();
        assert!(spanned.len() > 1, "{:?}", concept_words(&p));
        for c in spanned {
            assert!(
                c.forms.iter().any(|f| f == "联合国人权理事会"),
                "{:?}",
                c.forms
            );
        }
    }

    #[test]
    fn china_and_a_country_named_by_their_first_characters_are_one_name() {
        // jieba alone reads 中 / 印 / 边境: the locative 中 and a piece of 印度.
        let library = holding(&["中印", "中菲", "边境", "冲突", "关系"]);
        for (q, pair) in [("中印边境冲突中方怎么说", "中印"), ("中菲关系", "中菲")]
        {
            let p = plan_in(q, &library);
            let c = p
                .concepts
                .iter()
                .find(|c| c.forms[0] == pair)
                .unwrap_or_else(|| panic!("{q}: {:?}", concept_words(&p)));
            assert_eq!(c.class, WordClass::Name, "{q}");
            assert!(c.entity, "{q}");
        }
        // Not where 中 ends a word before a country's own name.
        let p = plan_in("会谈中印度方面说了什么", &holding(&["会谈", "印度"]));
        assert!(
            concept_words(&p).contains(&"印度"),
            "{:?}",
            concept_words(&p)
        );
    }

    #[test]
    fn the_focus_is_the_last_word_of_the_subject_not_a_verb_framing_it() {
        let library = holding(&["阿堆", "改造", "得到", "各方"]);
        let p = plan_in("中方牵头的阿堆改造得到了各方什么评价？", &library);
        let focus = p.focus().map(|k| p.concepts[k].forms[0].as_str());
        assert_eq!(focus, Some("改造"), "{:?}", concept_words(&p));
        // The aspect asked is named by the question, not by the answer.
        let library = holding(&["全球南方", "角色"]);
        let p = plan_in("中国在全球南方里是什么角色？", &library);
        let focus = p.focus().map(|k| p.concepts[k].forms[0].as_str());
        assert_eq!(focus, Some("全球南方"), "{:?}", concept_words(&p));
        // So is the kind of response asked for (采取了什么行动): the answer names the action.
        let library = holding(&["发展", "赤字", "联合国", "采取", "行动"]);
        let p = plan_in("面对发展赤字，中国在联合国采取了什么行动？", &library);
        let focus = p.focus().map(|k| p.concepts[k].forms[0].as_str());
        assert_ne!(focus, Some("行动"), "{:?}", concept_words(&p));
        // A verb of naming frames what is asked: the remedy is the subject.
        let library = holding(&["朝鲜半岛", "药方", "叫"]);
        let p = plan_in("朝鲜半岛这个老毛病，中方给的药方叫啥？", &library);
        let focus = p.focus().map(|k| p.concepts[k].forms[0].as_str());
        assert_eq!(focus, Some("药方"), "{:?}", concept_words(&p));
    }

    #[test]
    fn a_speaker_is_the_subject_of_a_question_about_little_else() {
        let library = |_: &str| 10;
        let names = ["华春莹".to_string()];
        let thin = plan_naming("华春莹是哪年出生的？", &library, &names);
        let words = concept_words(&thin);
        assert_eq!(words.first(), Some(&"华春莹"), "{words:?}");
        assert_eq!(
            words.last(),
            Some(&"出生"),
            "the focus stays last: {words:?}"
        );
        let full = plan_naming("华春莹怎么评价中美贸易磋商？", &library, &names);
        assert!(!concept_words(&full).contains(&"华春莹"));
        // Keywords: the name beside a topic filters, it is not what is asked about.
        for q in ["华春莹 萨德", "华春莹怎么看萨德"] {
            let keywords = plan_naming(q, &library, &names);
            assert!(!concept_words(&keywords).contains(&"华春莹"), "{q}");
        }
        // Her response (的回应, 的表态) is her words on the subject: she is the speaker.
        for q in ["萨德问题上华春莹的回应", "华春莹的表态"] {
            let said = plan_naming(q, &library, &names);
            assert!(!concept_words(&said).contains(&"华春莹"), "{q}");
        }
        assert_eq!(
            concept_words(&plan_naming("华春莹的家乡", &library, &names)).first(),
            Some(&"华春莹")
        );
        // A personal fact right after the name asks about her, however much else is asked.
        for q in ["华春莹生日", "华春莹毕业于哪所大学，学的什么专业？"] {
            let personal = plan_naming(q, &library, &names);
            assert_eq!(concept_words(&personal).first(), Some(&"华春莹"), "{q}");
        }
    }

    #[test]
    fn taiwans_names_reach_the_mainlands() {
        // The question is read after tw2sp (川普 stays 川普); the transcripts say 特朗普.
        let library = |w: &str| u64::from(w == "特朗普" || w == "朝鲜") * 200;
        let p = plan_in(
            &crate::text::mainland_vocabulary("川普對北韓說了什麼"),
            &library,
        );
        let t = terms(&p);
        assert!(t.contains(&"特朗普") && t.contains(&"朝鲜"), "{t:?}");
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

    #[test]
    fn the_question_field_alone_finds_the_answers_whose_reporter_asked_half_of_it() {
        use tantivy::collector::TopDocs;
        use tantivy::schema::{STORED, Value};
        let plan = plan_in(
            "特朗普访华时保镖动手了吗",
            &holding(&["特朗普", "访华", "保镖", "动手"]),
        );
        let mut schema = tantivy::schema::Schema::builder();
        let question = schema.add_text_field("question", tantivy::schema::TEXT | STORED);
        let index = tantivy::Index::create_in_ram(schema.build());
        let mut writer: tantivy::IndexWriter = index.writer(15_000_000).unwrap();
        // The reporters' questions, in words as the index's segmentation gives them.
        for asked in [
            "有 美国 网站 报道 特朗普 访华 期间 保镖 发生 冲突",
            "特朗普 今天 发推 谈到 中国",
            "访华 保镖 动手 的 视频",
        ] {
            writer
                .add_document(tantivy::doc!(question => asked))
                .unwrap();
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let query = plan
            .to_question_query(question)
            .expect("a subject to ask about");
        let found: Vec<String> = searcher
            .search(&query, &TopDocs::with_limit(10).order_by_score())
            .unwrap()
            .into_iter()
            .map(|(_, at)| {
                let doc: tantivy::TantivyDocument = searcher.doc(at).unwrap();
                doc.get_first(question)
                    .and_then(|v| v.as_str())
                    .unwrap()
                    .to_string()
            })
            .collect();
        // One word of the subject (特朗普) is not what was asked; half of it or more is.
        assert_eq!(found.len(), 2, "{found:?} for {:?}", concept_words(&plan));
        assert!(
            found.iter().all(|q| !q.starts_with("特朗普 今天")),
            "{found:?}"
        );
        // Nothing topical: no query.
        assert!(
            plan_in("他们怎么说", &|_: &str| 0)
                .to_question_query(question)
                .is_none()
        );
    }

    #[test]
    fn a_subject_in_thousands_of_passages_is_searched_when_no_other_word_of_it_is() {
        let common = |t: &str| if t == "南海" { 50_000 } else { 3 };
        let plan = plan_in("谈谈南海", &common);
        let mut schema = tantivy::schema::Schema::builder();
        let text = schema.add_text_field("text", tantivy::schema::TEXT);
        let question = schema.add_text_field("question", tantivy::schema::TEXT);
        let context = schema.add_text_field("context", tantivy::schema::TEXT);
        let searched = |q: &QueryPlan| {
            format!(
                "{:?}",
                q.to_query(text, question, context, &Weights::default(), |t| {
                    common(t) < 500
                })
            )
        };
        // 谈 and the rare aliases of 南海 alone would choose the passages.
        let term = "TermQuery(Term(field=0, type=Str, \"南海\"))";
        assert!(searched(&plan).contains(term), "{}", searched(&plan));
        // With a rare word of the subject, the common one is left to the coverage figures.
        let plan = plan_in("谈谈南海仲裁", &common);
        let q = searched(&plan);
        assert!(q.contains("仲裁") && !q.contains(term), "{q}");
    }
}
