//! The transcript parser.
//!
//! A transcript is plain text, one paragraph a line (blank lines between are optional), in the
//! style newspapers and the foreign ministry print: a title, then turns that start with a short
//! speaker label and a full-width or ASCII colon (`问：`, `答：`, `凤凰卫视记者：`, `王毅：`).
//! Who asks and who answers is inferred from the labels, not listed anywhere. The parser also
//! undoes what page layout does to the text: page markers such as `(上接03版)` are left out, and
//! a paragraph that stops mid-sentence is joined with the next one.

use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

use super::model::{Document, Exchange, Paragraph, Role, Turn};
use crate::error::DataError;

/// Metadata a transcript may carry in a front matter block (see the README).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// `title:`
    pub title: Option<String>,
    /// `date:` (ISO)
    pub date: Option<String>,
    /// `source:`
    pub source: Option<String>,
    /// `label:` the short name used in citations.
    pub label: Option<String>,
}

static PAGE_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[(（]\s*(上接|下转|接|转|紧接)\s*第?\s*[0-9０-９A-Za-z]{1,3}\s*版\s*[)）]")
        .unwrap()
});
static DATE_IN_TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})年(\d{1,2})月(\d{1,2})日").unwrap());
static DATE_IN_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})-(\d{2})-(\d{2})").unwrap());
static SPOKESPERSON_IN_TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"发言人(\p{Han}{2,3}?)(主持|答|就|回答|表态)").unwrap());
static NARRATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^[(（][^()（）]{1,30}[)）]$", // (完) (记者会结束)
        r"|^.{0,20}(记者会|发布会|吹风会|见面会).{0,6}(历时|结束|到此)", // 记者会历时1小时30分钟。
        r"|^\d{4}年\d{1,2}月\d{1,2}日.{0,40}(主持|举行).{0,20}(记者会|发布会)",
        r"|发布(以下|如下)?消息[：:]$", // 秦刚首先发布消息：
    ))
    .unwrap()
});

/// Labels that look like a short name but start a list item or a clause, never a speaker.
const NOT_SPEAKERS: &[&str] = &[
    "一是",
    "二是",
    "三是",
    "四是",
    "五是",
    "首先",
    "其次",
    "再次",
    "最后",
    "同时",
    "总之",
    "比如",
    "例如",
    "第一",
    "第二",
    "第三",
    "第四",
    "其一",
    "其二",
    "一方面",
    "另一方面",
    "对此",
    "为此",
    "因此",
    "他说",
    "她说",
    "他表示",
    "她表示",
    "指出",
    "强调",
    "表示",
    "认为",
    "注",
    "附",
    "备注",
    "地址",
    "电话",
    "时间",
    "地点",
    "题目",
    "标题",
    "来源",
    "编者按",
];

/// Parses one transcript. `id` names the document; `path` is used in errors.
pub fn parse_transcript(id: &str, path: &Path, bytes: &[u8]) -> Result<Document, DataError> {
    let err = |line: Option<usize>, message: String| DataError {
        path: path.to_path_buf(),
        line,
        message,
    };
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(err(None, "binary file, not a text transcript".into()));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        err(
            Some(line),
            "not valid UTF-8 (save the transcript as UTF-8)".into(),
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (front, body_start) = parse_front_matter(text).map_err(|(line, m)| err(Some(line), m))?;

    // Paragraphs: one non-empty line each, with its 1-based line number.
    let mut raw: Vec<(usize, String)> = Vec::new();
    let mut continued = false;
    for (i, line) in text.lines().enumerate().skip(body_start) {
        let mut line = line
            .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
            .to_string();
        if PAGE_MARKER.is_match(&line) {
            if raw.len() <= 1 && line.contains("上接") {
                continued = true;
            }
            line = PAGE_MARKER.replace_all(&line, "").trim().to_string();
        }
        if !line.is_empty() {
            raw.push((i + 1, line));
        }
    }
    if raw.is_empty() {
        return Err(err(
            None,
            "empty transcript: no text after the front matter".into(),
        ));
    }

    // The title: the front matter's, or a first line that is short, unlabelled and no sentence.
    let mut title = front.title.clone();
    let first_is_title = {
        let first = &raw[0].1;
        title.as_deref() == Some(first.as_str())
            || (first.chars().count() <= 80
                && !ends_sentence(first)
                && split_label(first).is_none())
    };
    if first_is_title {
        let (_, first) = raw.remove(0);
        title.get_or_insert(first);
    }
    let title = title.unwrap_or_else(|| id.to_string());

    // Label counts: a short name that recurs as a label is a speaker.
    let mut label_counts: HashMap<String, usize> = HashMap::new();
    for (_, p) in &raw {
        if let Some((label, _)) = split_label(p) {
            *label_counts.entry(label.to_string()).or_default() += 1;
        }
    }
    let spokesperson = SPOKESPERSON_IN_TITLE
        .captures(&title)
        .map(|c| c[1].to_string());

    let mut doc = Document {
        id: id.to_string(),
        title,
        date: None,
        source: front.source.clone(),
        label: String::new(),
        path: path.to_path_buf(),
        continued,
        paragraphs: Vec::new(),
        exchanges: Vec::new(),
    };

    // Walk the paragraphs, building turns.
    struct Open {
        role: Role,
        speaker: Option<String>,
    }
    let mut turns: Vec<(Role, Option<String>, Vec<usize>)> = Vec::new();
    let mut open: Option<Open> = None;
    let mut saw_label = false;
    for (line, text) in raw {
        let label = split_label(&text).and_then(|(label, rest)| {
            let prev_is_question = open.as_ref().is_some_and(|o| o.role == Role::Question);
            classify_label(
                label,
                label_counts.get(label).copied().unwrap_or(0),
                prev_is_question,
            )
            .map(|role| (label.to_string(), rest.to_string(), role))
        });
        match label {
            Some((label, rest, role)) => {
                saw_label = true;
                let speaker = match (role, label.as_str()) {
                    (Role::Answer, "答" | "A" | "a") => {
                        spokesperson.clone().unwrap_or_else(|| "发言人".into())
                    }
                    _ => label,
                };
                let idx = push_paragraph(&mut doc, line, rest, role, Some(speaker.clone()));
                turns.push((role, Some(speaker.clone()), vec![idx]));
                open = Some(Open {
                    role,
                    speaker: Some(speaker),
                });
            }
            None => {
                // A paragraph cut mid-sentence by the page layout continues in this one.
                if let Some(last) = doc.paragraphs.last_mut()
                    && last.role != Role::Narration
                    && !ends_sentence(&last.text)
                {
                    last.text.push_str(&text);
                    continue;
                }
                if NARRATION.is_match(&text) {
                    push_paragraph(&mut doc, line, text, Role::Narration, None);
                    // After narration the next unlabelled paragraph opens a new statement.
                    if open.as_ref().is_some_and(|o| o.role == Role::Answer) {
                        open = None;
                    }
                    continue;
                }
                // A question that ends in a question mark, followed by an unlabelled
                // paragraph: that paragraph is the answer (`追问：…？` then the reply, as the
                // ministry prints follow-ups).
                let after_question_mark = open.as_ref().is_some_and(|o| o.role == Role::Question)
                    && doc
                        .paragraphs
                        .last()
                        .is_some_and(|p| p.text.trim_end().ends_with(['？', '?']));
                if after_question_mark {
                    let idx = push_paragraph(&mut doc, line, text, Role::Answer, None);
                    turns.push((Role::Answer, None, vec![idx]));
                    open = Some(Open {
                        role: Role::Answer,
                        speaker: None,
                    });
                    continue;
                }
                match &open {
                    Some(o) => {
                        let (role, speaker) = (o.role, o.speaker.clone());
                        let idx = push_paragraph(&mut doc, line, text, role, speaker);
                        turns.last_mut().expect("an open turn exists").2.push(idx);
                    }
                    None => {
                        // Text before any turn (continued from an earlier page, or an opening
                        // statement): an answer whose speaker is inferred below.
                        let idx = push_paragraph(&mut doc, line, text, Role::Answer, None);
                        turns.push((Role::Answer, None, vec![idx]));
                        open = Some(Open {
                            role: Role::Answer,
                            speaker: None,
                        });
                    }
                }
            }
        }
    }
    if !saw_label {
        return Err(err(
            None,
            "no speaker labels found (expected turns such as `问：…`, `答：…`, `新华社记者：…`, `王毅：…`)".into(),
        ));
    }

    // The main answerer: the speaker of most answer turns (for unlabelled opening answers).
    let mut answer_counts: HashMap<&str, usize> = HashMap::new();
    for (role, speaker, _) in &turns {
        if let (Role::Answer, Some(s)) = (role, speaker) {
            *answer_counts.entry(s.as_str()).or_default() += 1;
        }
    }
    let main_answerer = answer_counts
        .iter()
        .max_by_key(|(s, n)| (**n, std::cmp::Reverse(**s)))
        .map(|(s, _)| s.to_string())
        .or(spokesperson)
        .unwrap_or_else(|| "发言人".into());

    // Group turns into exchanges: a question turn opens one, answer turns join the open one.
    for (role, speaker, paragraphs) in turns {
        let speaker = speaker.unwrap_or_else(|| main_answerer.clone());
        for &i in &paragraphs {
            doc.paragraphs[i].speaker = Some(speaker.clone());
        }
        if role == Role::Narration {
            continue; // a moderator's lines belong to no exchange
        }
        let turn = Turn {
            speaker,
            paragraphs,
        };
        let start_new = role == Role::Question || doc.exchanges.is_empty();
        if start_new {
            let number = doc.exchanges.len() + 1;
            let (question, answers) = if role == Role::Question {
                (Some(turn), vec![])
            } else {
                (None, vec![turn])
            };
            let answerer = answers
                .first()
                .map(|t: &Turn| t.speaker.clone())
                .unwrap_or_default();
            doc.exchanges.push(Exchange {
                number,
                question,
                answers,
                answerer,
                topic: String::new(),
            });
        } else {
            let ex = doc.exchanges.last_mut().expect("checked above");
            if ex.answerer.is_empty() {
                ex.answerer = turn.speaker.clone();
            }
            ex.answers.push(turn);
        }
    }
    for (e, ex) in doc.exchanges.iter().enumerate() {
        for t in ex.question.iter().chain(&ex.answers) {
            for &i in &t.paragraphs {
                doc.paragraphs[i].exchange = Some(e);
            }
        }
    }
    // Paragraph text joins may have left a narration line's number order intact; renumber.
    for (i, p) in doc.paragraphs.iter_mut().enumerate() {
        p.number = i + 1;
    }

    doc.date = front
        .date
        .clone()
        .or_else(|| iso_date(&DATE_IN_TITLE, &doc.title))
        .or_else(|| iso_date(&DATE_IN_NAME, id));
    doc.label = front
        .label
        .clone()
        .unwrap_or_else(|| default_label(&doc.title, &main_answerer));
    Ok(doc)
}

fn push_paragraph(
    doc: &mut Document,
    line: usize,
    text: String,
    role: Role,
    speaker: Option<String>,
) -> usize {
    doc.paragraphs.push(Paragraph {
        number: doc.paragraphs.len() + 1,
        line,
        text,
        role,
        speaker,
        exchange: None,
    });
    doc.paragraphs.len() - 1
}

/// `label：rest` when the paragraph starts with something shaped like a speaker label: at most 24
/// characters before the first colon, no sentence punctuation or quotes in it, text after it.
pub(crate) fn split_label(p: &str) -> Option<(&str, &str)> {
    let (pos, colon) = p
        .char_indices()
        .take(25)
        .find(|&(_, c)| c == '：' || c == ':')?;
    let label = p[..pos].trim();
    let rest = p[pos + colon.len_utf8()..].trim();
    let bad = |c: char| "，。！？；、,.!?;“”\"'‘’「」『』：:".contains(c);
    if label.is_empty()
        || rest.is_empty()
        || label.chars().any(bad)
        || label.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    Some((label, rest))
}

/// Decides whether a label-shaped prefix is a speaker, and whether it asks or answers.
fn classify_label(label: &str, count: usize, prev_is_question: bool) -> Option<Role> {
    // `法新社记者（英文）`: judge the label without its trailing note.
    let core = match label.find(['(', '（']) {
        Some(i) if label.ends_with([')', '）']) && i > 0 => label[..i].trim(),
        _ => label,
    };
    let chars = core.chars().count();
    if core.ends_with("记者") || core.ends_with("记者问") || matches!(core, "Q" | "q") {
        return Some(Role::Question);
    }
    if core.ends_with('问') && chars <= 3 {
        return Some(Role::Question); // 问 / 追问 / 又问 / 提问
    }
    if matches!(core, "答" | "A" | "a") {
        return Some(Role::Answer);
    }
    if core == "主持人" {
        return Some(Role::Narration);
    }
    if NOT_SPEAKERS.contains(&core)
        || core.starts_with(|c: char| c.is_ascii_digit() || "一二三四五六七八九十第".contains(c))
    {
        return None;
    }
    let titled = [
        "发言人",
        "部长",
        "外长",
        "大使",
        "主任",
        "司长",
        "总理",
        "主席",
        "局长",
        "秘书长",
        "代表",
    ];
    if chars <= 12 && titled.iter().any(|t| core.ends_with(t)) {
        return Some(Role::Answer);
    }
    let name_like = (2..=4).contains(&chars) && core.chars().all(is_han)
        || (chars <= 16 && core.contains('·') && core.chars().all(|c| is_han(c) || c == '·'));
    if name_like && (count >= 2 || prev_is_question) {
        return Some(Role::Answer);
    }
    None
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

/// Does the paragraph end a sentence? (Otherwise the page layout cut it and it goes on in the
/// next paragraph.) Closing quotes and brackets count when a sentence end stands before them.
pub(crate) fn ends_sentence(p: &str) -> bool {
    let mut chars = p.trim_end().chars().rev();
    loop {
        match chars.next() {
            None => return false,
            Some(c) if "。！？!?…；;：:".contains(c) => return true,
            Some(c) if "”’」』）)》】\"'".contains(c) => continue,
            Some(_) => return false,
        }
    }
}

fn iso_date(re: &Regex, s: &str) -> Option<String> {
    let c = re.captures(s)?;
    let (y, m, d): (u32, u32, u32) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

fn default_label(title: &str, answerer: &str) -> String {
    if title.contains("例行记者会") {
        "外交部例行记者会".into()
    } else if title.contains("答记者问") {
        format!("{answerer}答记者问")
    } else {
        format!("{answerer}记者会")
    }
}

/// Reads an optional front matter block: `---`, `key: value` lines, `---`. Returns it and the
/// index of the first body line.
fn parse_front_matter(text: &str) -> Result<(FrontMatter, usize), (usize, String)> {
    let mut lines = text.lines().enumerate();
    match lines.next() {
        Some((_, l)) if l.trim() == "---" => {}
        _ => return Ok((FrontMatter::default(), 0)),
    }
    let mut fm = FrontMatter::default();
    for (i, line) in lines {
        let line_no = i + 1;
        let t = line.trim();
        if t == "---" {
            return Ok((fm, i + 1));
        }
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let Some((key, value)) = t.split_once(':') else {
            return Err((
                line_no,
                format!("front matter line is not `key: value`: `{t}`"),
            ));
        };
        let value = value.trim().trim_matches('"').to_string();
        match key.trim() {
            "title" => fm.title = Some(value),
            "date" => {
                if iso_date(&DATE_IN_NAME, &value).as_deref() != Some(value.as_str()) {
                    return Err((line_no, format!("date `{value}` is not YYYY-MM-DD")));
                }
                fm.date = Some(value)
            }
            "source" => fm.source = Some(value),
            "label" => fm.label = Some(value),
            other => {
                return Err((
                    line_no,
                    format!("unknown front matter key `{other}` (title, date, source, label)"),
                ));
            }
        }
    }
    Err((1, "front matter opened with `---` is never closed".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Document {
        parse_transcript("t", Path::new("t.txt"), text.as_bytes()).expect("parses")
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("不让任何国家掉队。"));
        assert!(ends_sentence("开启新篇章！"));
        assert!(ends_sentence("今年我们将重点抓好三件大事："));
        assert!(ends_sentence("达成“未来契约”。"));
        assert!(ends_sentence("“让我们走吧。”"));
        assert!(!ends_sentence("支持非洲获得"));
        assert!(!ends_sentence("践行真正的多"));
        assert!(!ends_sentence("成为“沉默的大多数”"));
    }

    #[test]
    fn labels() {
        assert_eq!(
            split_label("凤凰卫视记者：国际社会"),
            Some(("凤凰卫视记者", "国际社会"))
        );
        assert_eq!(split_label("王毅:好的"), Some(("王毅", "好的")));
        assert_eq!(
            split_label("我们关注的主要有“三个确保”：一是确保有益。"),
            None
        );
        assert_eq!(split_label("今年我们将重点抓好三件大事："), None);
        assert_eq!(
            classify_label("《中国日报》记者", 1, false),
            Some(Role::Question)
        );
        assert_eq!(
            classify_label("法新社记者（英文）", 1, false),
            Some(Role::Question)
        );
        assert_eq!(classify_label("追问", 1, false), Some(Role::Question));
        assert_eq!(classify_label("王毅", 1, true), Some(Role::Answer));
        assert_eq!(classify_label("王毅", 3, false), Some(Role::Answer));
        assert_eq!(classify_label("同时", 5, true), None);
        assert_eq!(classify_label("我看到一位外国记者表示", 1, false), None);
        assert_eq!(classify_label("外交部发言人", 1, false), Some(Role::Answer));
    }

    #[test]
    fn question_answer_and_rejoin() {
        let d = parse(
            "标题\n\n新华社记者：问题？\n\n王毅：第一段，支持非洲获得\n\n思想上的独立。\n\n第二段。\n",
        );
        assert_eq!(d.title, "标题");
        assert_eq!(d.exchanges.len(), 1);
        let ex = &d.exchanges[0];
        assert_eq!(ex.question.as_ref().unwrap().speaker, "新华社记者");
        assert_eq!(ex.answerer, "王毅");
        assert_eq!(
            d.turn_text(&ex.answers[0]),
            "第一段，支持非洲获得思想上的独立。\n第二段。"
        );
        assert_eq!(d.paragraphs[1].line, 5);
    }

    #[test]
    fn mfa_style_question_answer() {
        let d = parse(
            "2013年11月25日外交部发言人秦刚主持例行记者会\n\n问：中方如何评价？\n\n答：我们欢迎。\n",
        );
        assert_eq!(d.date.as_deref(), Some("2013-11-25"));
        assert_eq!(d.exchanges[0].answerer, "秦刚");
        assert_eq!(d.label, "外交部例行记者会");
    }

    #[test]
    fn opening_statement_and_narration() {
        let d = parse(
            "2013年11月25日外交部发言人秦刚主持例行记者会\n2013年11月25日，外交部发言人秦刚主持例行记者会。\n秦刚首先发布消息：\n应邀，首相将访华。\n问：评价？\n答：欢迎。\n（完）\n",
        );
        assert_eq!(d.paragraphs[0].role, Role::Narration);
        assert_eq!(d.paragraphs[1].role, Role::Narration);
        assert_eq!(d.exchanges.len(), 2);
        assert!(d.exchanges[0].question.is_none());
        assert_eq!(d.exchanges[0].answerer, "秦刚");
        assert_eq!(d.paragraphs.last().unwrap().role, Role::Narration);
    }

    #[test]
    fn follow_up_answer_without_label() {
        let d = parse("标题\n问：第一问？\n答：第一答。\n追问：第二问？\n我刚才讲了。\n");
        assert_eq!(d.exchanges.len(), 2);
        let ex = &d.exchanges[1];
        assert_eq!(ex.question.as_ref().unwrap().speaker, "追问");
        assert_eq!(d.turn_text(&ex.answers[0]), "我刚才讲了。");
        assert_eq!(ex.answerer, "发言人");
    }

    #[test]
    fn front_matter() {
        let d = parse(
            "---\ntitle: T\ndate: 2024-03-07\nlabel: 王毅记者会\n---\nT\n记者：问？\n王毅：答。\n",
        );
        assert_eq!(d.title, "T");
        assert_eq!(d.date.as_deref(), Some("2024-03-07"));
        assert_eq!(d.citation(2), "2024-03-07 王毅记者会 ¶2");
        assert_eq!(d.paragraphs.len(), 2);
    }

    #[test]
    fn bad_inputs_name_file_and_line() {
        let e = parse_transcript("x", Path::new("x.txt"), b"").unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.txt: empty transcript: no text after the front matter"
        );
        let e = parse_transcript("x", Path::new("x.txt"), b"ok\n\xff\xfe\n").unwrap_err();
        assert_eq!(e.line, Some(2));
        let e = parse_transcript("x", Path::new("x.txt"), b"\x00\x01binary").unwrap_err();
        assert!(e.message.contains("binary"));
        let e = parse_transcript(
            "x",
            Path::new("x.txt"),
            "只有一段话。\n没有标签。\n".as_bytes(),
        )
        .unwrap_err();
        assert!(e.message.contains("no speaker labels"));
        let e = parse_transcript(
            "x",
            Path::new("x.txt"),
            "---\ndate: 7 March\n---\n问：a\n".as_bytes(),
        )
        .unwrap_err();
        assert_eq!(
            (e.line, e.message.as_str()),
            (Some(2), "date `7 March` is not YYYY-MM-DD")
        );
    }
}
