//! What a transcript becomes: a document of exchanges (a question turn and its answer turns),
//! paragraphs in order.

use std::path::PathBuf;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

/// The opening of one part of an answer to a question in several parts: 关于第二个问题，
/// 至于你提到的第一个问题，, 第三个问题，.
static ANSWER_PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(关于|至于|对于|先回答)?(你|您)?(的|提到的|提的|问的)?第[一二三四五六七八九十]个问题[，,：:]")
        .expect("answer part pattern")
});

/// Does a paragraph open a part of an answer to a question in several parts?
pub fn opens_answer_part(text: &str) -> bool {
    ANSWER_PART.is_match(text.trim_start())
}

/// One transcript.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Document {
    /// Stable id: the file's path below the transcripts folder, without `.txt`.
    pub id: String,
    /// The published title.
    pub title: String,
    /// ISO date (`2024-03-07`), from the front matter, the title or the file name.
    pub date: Option<String>,
    /// Where the text comes from, as the front matter says.
    pub source: Option<String>,
    /// Short name used in citations, e.g. `王毅记者会`.
    pub label: String,
    /// The file it was read from.
    pub path: PathBuf,
    /// True when the text starts mid-answer, continued from an earlier page.
    pub continued: bool,
    /// Content paragraphs in order (title and page markers left out; split paragraphs rejoined).
    pub paragraphs: Vec<Paragraph>,
    /// The exchanges, in order (a statement's are question-less).
    pub exchanges: Vec<Exchange>,
    /// A press conference or interview (questions and answers), or a statement (no questions).
    pub kind: DocumentKind,
    /// What the parser found doubtful, by line (`pressroom check` shows them).
    pub warnings: Vec<Warning>,
}

/// What kind of text a transcript is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocumentKind {
    /// Questions and answers.
    Conference,
    /// No questions: a statement, an announcement. Its paragraphs are quoted with no question.
    Statement,
}

/// Something the parser read but doubts: a label-shaped prefix it took as text, a question with
/// no answer, an answer with no question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// 1-based line in the file.
    pub line: usize,
    /// What is doubtful.
    pub message: String,
}

/// What a paragraph is in the conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Part of a question turn.
    Question,
    /// Part of an answer turn.
    Answer,
    /// Narration: opening or closing lines, stage directions.
    Narration,
}

/// One paragraph.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Paragraph {
    /// 1-based paragraph number in the document (¶ in citations).
    pub number: usize,
    /// 1-based line in the file where it starts.
    pub line: usize,
    /// The text, without the speaker label.
    pub text: String,
    /// Its role.
    pub role: Role,
    /// Who speaks it (narration: nobody).
    pub speaker: Option<String>,
    /// Index of the exchange it belongs to.
    pub exchange: Option<usize>,
    /// Does it open one part of an answer in parts ([`opens_answer_part`])? Read once, when
    /// parsed: every question asks it of the paragraphs around its candidates.
    pub opens_part: bool,
}

/// One speaker's consecutive paragraphs.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Turn {
    /// The speaker label as printed (`凤凰卫视记者`, `王毅`, `问`), or the inferred answerer.
    pub speaker: String,
    /// Indices into [`Document::paragraphs`].
    pub paragraphs: Vec<usize>,
}

impl Turn {
    /// A question that follows up the one before it (`追问`): it speaks of that one's subject,
    /// often only as 这个决定.
    pub fn follows_up(&self) -> bool {
        super::parse::is_follow_up(&self.speaker)
    }
}

/// A question and the answers to it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Exchange {
    /// 1-based number in the document.
    pub number: usize,
    /// The question turn; `None` when the text starts mid-answer or with a statement.
    pub question: Option<Turn>,
    /// The answer turns.
    pub answers: Vec<Turn>,
    /// The reporter's short replies inside the exchange (`记者：NHK。`, `（记者：是的。）`): not
    /// questions of their own, never answers.
    pub remarks: Vec<Turn>,
    /// Who answers (the first answer turn's speaker).
    pub answerer: String,
    /// A short topic name derived from the question (filled in by the engine).
    pub topic: String,
}

impl Document {
    /// The text of a turn, paragraphs joined by newlines.
    pub fn turn_text(&self, turn: &Turn) -> String {
        turn.paragraphs
            .iter()
            .map(|&i| self.paragraphs[i].text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Indices of all answer paragraphs of an exchange, in order.
    pub fn answer_paragraphs(&self, exchange: &Exchange) -> Vec<usize> {
        exchange
            .answers
            .iter()
            .flat_map(|t| t.paragraphs.iter().copied())
            .collect()
    }

    /// What the title says the transcript is about, when it says: the subject of a
    /// spokesperson's remarks on one matter (外交部发言人耿爽就美国当选总统特朗普同台湾地区领导人
    /// 蔡英文通电话答记者问 → 美国当选总统…通电话), or a statement's headline. A briefing's title
    /// (…主持例行记者会) names no subject; its answers are on many.
    pub fn subject(&self) -> Option<&str> {
        if self.kind == DocumentKind::Statement {
            return Some(self.title.as_str()).filter(|t| !t.is_empty());
        }
        let (_, after) = self.title.split_once('就')?;
        ["答记者问", "发表谈话", "表明立场"]
            .iter()
            .find_map(|end| after.strip_suffix(end))
            .filter(|subject| !subject.is_empty())
    }

    /// The answer paragraphs of the part of `exchange`'s answer that holds paragraph `i`: a
    /// reporter who asks two things gets two answers in one turn (关于第一个问题，… 关于第二个问题，…),
    /// each a part of its own. The whole answer when it is not in parts.
    pub fn answer_part(&self, exchange: &Exchange, i: usize) -> Vec<usize> {
        let answer = self.answer_paragraphs(exchange);
        let Some(at) = answer.iter().position(|&x| x == i) else {
            return answer;
        };
        let opens = |k: usize| self.paragraphs[answer[k]].opens_part;
        let start = (1..=at).rev().find(|&k| opens(k)).unwrap_or(0);
        let end = (at + 1..answer.len())
            .find(|&k| opens(k))
            .unwrap_or(answer.len());
        answer[start..end].to_vec()
    }

    /// The paragraph with number `number` (1-based).
    pub fn paragraph(&self, number: usize) -> Option<&Paragraph> {
        number.checked_sub(1).and_then(|i| self.paragraphs.get(i))
    }

    /// The citation for a paragraph: `2024-03-07 王毅记者会 ¶23`.
    pub fn citation(&self, number: usize) -> String {
        match &self.date {
            Some(d) => format!("{d} {} ¶{number}", self.label),
            None => format!("{} ¶{number}", self.label),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::corpus::parse_transcript;

    #[test]
    fn an_answer_part_opens_where_the_spokesperson_says_which_question() {
        for opening in [
            "关于第二个问题，中方的立场是明确的。",
            "至于你提到的第一个问题，我没有消息。",
            "关于你的第三个问题：请向主管部门询问。",
            "  第二个问题，我们注意到有关报道。",
        ] {
            assert!(opens_answer_part(opening), "{opening}");
        }
        for other in [
            "关于这个问题，我昨天已经回答过。",
            "中方提出的第二个问题，是发展问题。",
            "第二，中方愿同各方保持沟通。",
        ] {
            assert!(!opens_answer_part(other), "{other}");
        }
    }

    #[test]
    fn a_title_on_one_matter_says_the_subject() {
        let subject_of = |title: &str| {
            let text = format!("{title}\n\n问：中方有何评论？\n\n答：我们注意到有关报道。\n");
            let doc = parse_transcript("t", Path::new("t.txt"), text.as_bytes()).expect("parses");
            doc.subject().map(str::to_string)
        };
        assert_eq!(
            subject_of("外交部发言人耿爽就以色列前总统佩雷斯逝世答记者问").as_deref(),
            Some("以色列前总统佩雷斯逝世")
        );
        assert_eq!(
            subject_of("外交部发言人陆慷就朝韩领导人会晤发表谈话").as_deref(),
            Some("朝韩领导人会晤")
        );
        // A briefing's title, or remarks on everything, name no one subject.
        assert_eq!(
            subject_of("2016年12月8日外交部发言人陆慷主持例行记者会"),
            None
        );
        assert_eq!(subject_of("外交部发言人陆慷答记者问"), None);
        assert_eq!(
            subject_of("外交部长王毅就中国外交政策和对外关系回答中外记者提问"),
            None
        );
    }

    #[test]
    fn each_part_of_an_answer_to_a_question_in_parts_stands_alone() {
        let text = "2016年11月7日外交部发言人耿爽主持例行记者会\n\n\
            问：第一，杨洁篪同多瓦尔会晤谈了什么？第二，中方对核供应国集团全会有何期待？\n\n\
            答：关于第一个问题，双方就中印边界问题交换了意见。\n\n\
            双方同意继续保持沟通。\n\n\
            关于第二个问题，中方的立场是一贯的。\n\n\
            问：中方对朝鲜半岛局势有何评论？\n\n\
            答：我们希望各方保持克制。\n\n\
            这符合各方的共同利益。\n";
        let doc = parse_transcript("t", Path::new("t.txt"), text.as_bytes()).expect("parses");
        let numbered = |i: &[usize]| {
            i.iter()
                .map(|&i| doc.paragraphs[i].number)
                .collect::<Vec<_>>()
        };
        let first = &doc.exchanges[0];
        let answer = doc.answer_paragraphs(first);
        assert_eq!(answer.len(), 3);
        let opening: Vec<bool> = answer
            .iter()
            .map(|&i| doc.paragraphs[i].opens_part)
            .collect();
        assert_eq!(opening, [true, false, true]);
        assert_eq!(
            numbered(&doc.answer_part(first, answer[1])),
            numbered(&answer[..2])
        );
        assert_eq!(
            numbered(&doc.answer_part(first, answer[2])),
            numbered(&answer[2..])
        );
        // An answer in one part is one part.
        let second = &doc.exchanges[1];
        let answer = doc.answer_paragraphs(second);
        assert_eq!(doc.answer_part(second, answer[1]), answer);
    }
}
