//! Topic names for exchanges, derived from the question, and the keys autocomplete matches on.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use pinyin::ToPinyin;

use crate::corpus::Document;
use crate::search::GLUED_BEFORE;
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
    let jieba = lexicon.jieba();
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
            // The question as written, where a term the reporter quotes (“萨德”) stands in its
            // quotation marks.
            let asked = ex
                .question
                .as_ref()
                .map(|q| doc.turn_text(q))
                .unwrap_or_default();
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
                let score = (2.0 * *tf_source as f64 + tf_answer.min(10.0))
                    * idf
                    * domain
                    * naming_power(word, &asked, &jieba, lexicon)
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

/// Content words of `text` (two characters or more, no filler or generic words) with counts. A
/// name jieba splits into pieces (莫拉莱 + 斯, 纳 + 瓦罗, 戈 + 塔巴 + 雅) is taken whole.
pub fn candidate_words(
    text: &str,
    exact: &ChineseTokenizer,
    lexicon: &Lexicon,
) -> Vec<(String, usize)> {
    let jieba = lexicon.jieba();
    let terms = exact.terms(text);
    let adjacent = |a: usize, b: usize| terms[a].position + terms[a].chars == terms[b].position;
    // A run of pieces holds a character alone, so only words beside one are looked up.
    let beside_a_character = |j: usize| {
        terms[j].chars == 1
            || (j > 0 && terms[j - 1].chars == 1 && adjacent(j - 1, j))
            || (j + 1 < terms.len() && terms[j + 1].chars == 1 && adjacent(j, j + 1))
    };
    let mut words: Vec<String> = Vec::with_capacity(terms.len());
    let mut i = 0;
    while i < terms.len() {
        let mut j = i;
        while j < terms.len()
            && (j == i || adjacent(j - 1, j))
            && beside_a_character(j)
            && name_piece(&terms[j].text, &jieba)
        {
            j += 1;
        }
        let run = &terms[i..j];
        let chars: usize = run.iter().map(|t| t.chars).sum();
        if run.len() >= 2 && run.iter().any(|t| t.chars == 1) && chars <= NAME_MAX_CHARS {
            words.push(run.iter().map(|t| t.text.as_str()).collect());
            i = j;
        } else {
            words.push(terms[i].text.clone());
            i += 1;
        }
    }
    let mut counts: Vec<(String, usize)> = Vec::new();
    for w in words {
        if w.chars().count() < 2
            || lexicon.is_filler(&w)
            || GENERIC_WORDS.contains(w.as_str())
            || w.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',' || c == '%')
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

/// Characters that begin no name but that jieba glues to an unknown one after them, besides the
/// question reader's [`GLUED_BEFORE`]: a question reader must keep 从 and 由 where they stand,
/// but a topic name never starts with them.
const ALSO_GLUED_FIRST: &str = "经从由";

/// The longest name taken from pieces, in characters.
const NAME_MAX_CHARS: usize = 8;

/// jieba's own tag for `word` when its dictionary holds it.
fn dictionary_tag(word: &str, jieba: &jieba_rs::Jieba) -> Option<String> {
    if !jieba.has_word(word) {
        return None;
    }
    match jieba.tag(word, false).as_slice() {
        [t] if t.word == word => Some(t.tag.to_string()),
        _ => None,
    }
}

/// A piece of a name jieba split: a word it tags as a person's name, a single character it
/// tags as any name, or a word of Chinese characters its dictionary does not hold.
fn name_piece(word: &str, jieba: &jieba_rs::Jieba) -> bool {
    if !word.chars().all(crate::script::is_han) {
        return false;
    }
    if !jieba.has_word(word) {
        return true;
    }
    match dictionary_tag(word, jieba).as_deref() {
        Some(tag) if word.chars().count() == 1 => {
            matches!(tag, "nr" | "nrt" | "nrfg" | "ns" | "nz")
        }
        Some(tag) => matches!(tag, "nr" | "nrt" | "nrfg"),
        None => false,
    }
}

/// Does `text` hold `word` alone in quotation marks (“萨德”, 「萨德」)?
fn quoted(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let open = text[..at].chars().next_back();
        let close = text[at + word.len()..].chars().next();
        matches!(
            (open, close),
            (Some('“'), Some('”')) | (Some('「'), Some('」')) | (Some('"'), Some('"'))
        )
    })
}

/// How well a word of its kind names a topic: a name best, a noun well, a verb less, a number or
/// time poorly (拍摄, 第一步, 星期一 say little of what a question is about), and a short word jieba
/// made up from unknown characters (祝习 of 祝习主席) hardly at all, unless the question (`asked`)
/// quotes it alone (“萨德”): a name its dictionary lacks.
fn naming_power(word: &str, asked: &str, jieba: &jieba_rs::Jieba, lexicon: &Lexicon) -> f64 {
    let tag = lexicon
        .user_tag(word)
        .map(str::to_string)
        .or_else(|| dictionary_tag(word, jieba));
    match tag.as_deref() {
        // Places, organisations and their short forms (东盟, 北约) name a topic best; a person
        // named is as often only who said something (马来西亚外长阿尼法称).
        Some("ns" | "nt" | "nz" | "j" | "eng") => 1.3,
        Some("nr" | "nrt" | "nrfg") => 1.1,
        Some("vn" | "an") => 0.9,
        Some(t) if t.starts_with('n') => 1.0,
        Some(t) if t.starts_with('v') => 0.7,
        Some("m" | "t" | "q" | "f" | "r" | "d" | "mq" | "tg") => 0.3,
        Some(_) => 0.7,
        None if !word.chars().all(crate::script::is_han) => 1.3,
        // jieba's guess at an unknown word glued to a preposition (经马中, 对罗兴).
        None if word.starts_with(|c| GLUED_BEFORE.contains(c) || ALSO_GLUED_FIRST.contains(c)) => {
            0.4
        }
        // A name taken whole from its pieces, or one jieba guessed (孟晚舟), or one quoted.
        None if word.chars().count() >= 3 || quoted(asked, word) => 1.0,
        None => 0.4,
    }
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

    fn words(text: &str) -> Vec<String> {
        let lex = Lexicon::embedded();
        candidate_words(text, &ChineseTokenizer::exact(lex.jieba()), &lex)
            .into_iter()
            .map(|(w, _)| w)
            .collect()
    }

    #[test]
    fn a_name_jieba_splits_is_a_candidate_whole() {
        let found = words("外交部发布了玻利维亚总统莫拉莱斯即将访华的消息");
        assert!(found.contains(&"莫拉莱斯".to_string()), "{found:?}");
        assert!(!found.contains(&"莫拉莱".to_string()), "{found:?}");
        let found = words("美国国家贸易委员会主任纳瓦罗曾示意");
        assert!(found.contains(&"纳瓦罗".to_string()), "{found:?}");
        // Words of the dictionary side by side stay apart.
        let found = words("习近平主席会见普京总统");
        assert!(found.contains(&"习近平".to_string()), "{found:?}");
        assert!(found.contains(&"普京".to_string()), "{found:?}");
    }

    #[test]
    fn numbers_are_no_candidates() {
        let found = words("价值2.5万亿美元的能源资源");
        assert!(!found.iter().any(|w| w == "2.5"), "{found:?}");
    }

    #[test]
    fn places_and_things_name_a_topic_better_than_verbs_and_times() {
        let lex = Lexicon::embedded();
        let jieba = lex.jieba();
        let power = |w: &str| naming_power(w, "", &jieba, &lex);
        assert!(power("吉布提") > power("军事基地"));
        assert!(power("轰炸机") > power("飞往"));
        assert!(power("东盟") > power("阿尼法"));
        assert!(power("太平洋") > power("星期一"));
        // jieba's guesses at words glued to a preposition name nothing.
        assert!(power("经马中") < power("补充协议"));
    }

    #[test]
    fn a_short_word_jieba_lacks_names_a_topic_when_the_question_quotes_it() {
        let lex = Lexicon::embedded();
        let jieba = lex.jieba();
        let asked = "美方表示将按部就班地部署“萨德”反导系统。";
        assert!(quoted(asked, "萨德") && !quoted(asked, "反导"));
        let power = |w: &str| naming_power(w, asked, &jieba, &lex);
        assert!(
            power("萨德") >= power("部署"),
            "{} {}",
            power("萨德"),
            power("部署")
        );
        // Unquoted, it is taken for a guess at pieces (祝习 of 祝习主席).
        assert!(naming_power("萨德", "部署萨德反导系统", &jieba, &lex) < power("部署"));
    }

    #[test]
    fn pinyin() {
        assert_eq!(pinyin_keys("南海"), ("nanhai".into(), "nh".into()));
        assert_eq!(pinyin_keys("一带一路"), ("yidaiyilu".into(), "ydyl".into()));
        assert_eq!(pinyin_keys("AI合作"), ("aihezuo".into(), "aihz".into()));
    }
}
