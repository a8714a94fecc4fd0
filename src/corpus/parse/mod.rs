//! The transcript parser.
//!
//! A transcript is plain text, one paragraph a line (blank lines between are optional), in the
//! style newspapers and the foreign ministry print: a title, then turns that start with a short
//! speaker label and a full-width or ASCII colon (`问：`, `答：`, `凤凰卫视记者：`, `王毅：`).
//! Who asks and who answers is inferred from the labels, the title and the front matter, not
//! listed anywhere. The parser also undoes what page layout does to the text: page markers such
//! as `(上接03版)` are left out, and a paragraph that stops mid-sentence is joined with the next.
//!
//! The pieces: [`front_matter`] (the optional metadata block), [`meta`] (title, date, who the
//! title names, the citation label), [`labels`] (what a line is), [`turns`] (turns and
//! exchanges).

mod front_matter;
mod labels;
mod meta;
mod turns;

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

pub use front_matter::FrontMatter;
pub use labels::{is_follow_up, question_like};

use super::model::{Document, DocumentKind};
use crate::error::DataError;
use meta::{DATE_IN_NAME, DATE_IN_TITLE, iso_date};

static PAGE_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[(（]\s*(上接|下转|接|转|紧接)\s*第?\s*[0-9０-９A-Za-z]{1,3}\s*版\s*[)）]")
        .unwrap()
});

/// The encoding's name when `bytes` look like UTF-16: a byte-order mark, or (without one) NUL
/// bytes all on one side of the byte pairs, as ASCII characters (line ends, digits) leave them.
fn utf16(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xff, 0xfe, ..] => return Some("UTF-16 (little-endian)"),
        [0xfe, 0xff, ..] => return Some("UTF-16 (big-endian)"),
        _ => {}
    }
    let head = &bytes[..bytes.len().min(8192) & !1];
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in head.chunks_exact(2) {
        match (pair[0] == 0, pair[1] == 0) {
            (true, true) => return None,
            (true, false) => even += 1,
            (false, true) => odd += 1,
            _ => {}
        }
    }
    match (even, odd) {
        (0, n) if n >= 2 => Some("UTF-16 (little-endian)"),
        (n, 0) if n >= 2 => Some("UTF-16 (big-endian)"),
        _ => None,
    }
}

/// Parses one transcript. `id` names the document; `path` is used in errors. Only a file with
/// no usable text is an error (empty, binary, not UTF-8, broken front matter); everything else
/// is a document, with warnings for what the parser doubts.
pub fn parse_transcript(id: &str, path: &Path, bytes: &[u8]) -> Result<Document, DataError> {
    let err = |line: Option<usize>, message: String| DataError {
        path: path.to_path_buf(),
        line,
        message,
    };
    if let Some(encoding) = utf16(bytes) {
        return Err(err(
            None,
            format!(
                "{encoding} text, not UTF-8: save the transcript as UTF-8 (e.g. `iconv -f UTF-16 -t UTF-8`)"
            ),
        ));
    }
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
    let (front, body_start) =
        front_matter::parse_front_matter(text).map_err(|(line, m)| err(Some(line), m))?;

    let (mut raw, continued) = body_lines(text, body_start);
    if raw.is_empty() {
        return Err(err(
            None,
            "empty transcript: no text after the front matter".into(),
        ));
    }

    // The title: the front matter's, or a first line that is short and no sentence.
    let mut title = front.title.clone();
    let first_is_title = {
        let first = &raw[0].1;
        title.as_deref() == Some(first.as_str())
            || (first.chars().count() <= 80 && !labels::ends_sentence(first))
    };
    if first_is_title {
        let (_, first) = raw.remove(0);
        title.get_or_insert(first);
    }
    let title = title.unwrap_or_else(|| id.to_string());

    let ctx = context(&front, &title, &raw);
    let built = turns::build(raw, &ctx);
    let kind = if built.exchanges.iter().any(|e| e.question.is_some()) {
        DocumentKind::Conference
    } else {
        DocumentKind::Statement
    };
    if built.paragraphs.is_empty() {
        return Err(err(None, "no text besides the title".into()));
    }
    let date = front
        .date
        .clone()
        .or_else(|| iso_date(&DATE_IN_TITLE, &title))
        .or_else(|| iso_date(&DATE_IN_NAME, id));
    let label = front
        .label
        .clone()
        .unwrap_or_else(|| meta::default_label(&title));
    Ok(Document {
        id: id.to_string(),
        title,
        date,
        source: front.source.clone(),
        label,
        path: path.to_path_buf(),
        continued,
        paragraphs: built.paragraphs,
        exchanges: built.exchanges,
        kind,
        warnings: built.warnings,
    })
}

/// The non-empty lines after the front matter, trimmed, page markers left out, with their 1-based
/// line numbers; and whether the text continues from an earlier page.
fn body_lines(text: &str, body_start: usize) -> (Vec<(usize, String)>, bool) {
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
            for piece in split_long(line, crate::corpus::HARD_PARAGRAPH_CHARS) {
                raw.push((i + 1, piece));
            }
        }
    }
    (raw, continued)
}

/// `line` cut into pieces of at most `max` characters, each ending at a sentence end where
/// one falls in its second half (else at `max` characters). Linear in the line's length.
fn split_long(line: String, max: usize) -> Vec<String> {
    if line.len() <= max {
        return vec![line];
    }
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut count = 0;
    let mut sentence_end = None;
    for (at, c) in line.char_indices() {
        if count == max {
            let cut = sentence_end.unwrap_or(at);
            pieces.push(line[start..cut].trim().to_string());
            // Characters after the cut count towards the next piece.
            count = line[cut..at].chars().count();
            start = cut;
            sentence_end = None;
        }
        count += 1;
        if "。！？!?；;".contains(c) && count > max / 2 {
            sentence_end = Some(at + c.len_utf8());
        }
    }
    pieces.push(line[start..].trim().to_string());
    pieces.retain(|p| !p.is_empty());
    pieces
}

/// What the whole text says about its speakers: the names it shows, who answers `答：`, whether
/// it labels questions at all.
fn context(front: &FrontMatter, title: &str, raw: &[(usize, String)]) -> turns::Context {
    let in_title = meta::speaker_in_title(title);
    let mut known: HashSet<String> = HashSet::new();
    known.extend(in_title.clone());
    known.extend(front.answerer.clone());
    let mut label_counts: HashMap<&str, usize> = HashMap::new();
    let mut question_labels = false;
    for (_, p) in raw {
        known.extend(labels::titled_names(p));
        if let Some((label, _)) = labels::split_label(p) {
            *label_counts.entry(labels::label_core(label)).or_default() += 1;
            question_labels |= matches!(
                labels::classify_label(label, false),
                Some(labels::LabelKind::Asks { .. })
            );
        }
        question_labels |= labels::after_meeting(p).is_some();
    }
    // A name that recurs as a label is a speaker.
    let mut main: Option<(&str, usize)> = None;
    for (&label, &n) in &label_counts {
        let asks = matches!(
            labels::classify_label(label, false),
            Some(labels::LabelKind::Asks { .. } | labels::LabelKind::Remark)
        );
        if n >= 2 && labels::name_like(label) && !asks {
            known.insert(label.to_string());
            if matches!(
                labels::classify_label(label, true),
                Some(labels::LabelKind::Answers { anonymous: false })
            ) && main
                .is_none_or(|(m, c)| (n, std::cmp::Reverse(label)) > (c, std::cmp::Reverse(m)))
            {
                main = Some((label, n));
            }
        }
    }
    let answerer = front
        .answerer
        .clone()
        .or(in_title)
        .or_else(|| main.map(|(m, _)| m.to_string()))
        .or_else(|| meta::role_in_title(title).map(str::to_string))
        .or_else(|| title.contains("外交部").then(|| "外交部".to_string()));
    turns::Context {
        answerer,
        known,
        no_question_labels: !question_labels,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::model::Role;

    fn parse(text: &str) -> Document {
        parse_transcript("t", Path::new("t.txt"), text.as_bytes()).expect("parses")
    }

    #[test]
    fn no_paragraph_is_longer_than_the_hard_limit() {
        use crate::corpus::HARD_PARAGRAPH_CHARS as MAX;
        let sentence = "中方始终坚持多边主义，维护以联合国为核心的国际体系。";
        let long_line = sentence.repeat(3 * MAX / sentence.chars().count());
        let no_end = "长".repeat(2 * MAX + 5);
        // Short lines the page layout cut mid-sentence, which the parser rejoins.
        let cut_lines = "没有句号的一行文字\n".repeat(2 * MAX / 9);
        let text = format!("标题\n记者：问？\n王毅：{long_line}\n{no_end}\n{cut_lines}完。\n");
        let doc = parse_transcript("x", Path::new("x.txt"), text.as_bytes()).unwrap();
        let longest = doc
            .paragraphs
            .iter()
            .map(|p| p.text.chars().count())
            .max()
            .unwrap();
        assert!(longest <= MAX, "{longest}");
        let all: String = doc.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert!(all.contains(&long_line[..sentence.len() * 3]));
        assert_eq!(all.matches('长').count(), 2 * MAX + 5, "nothing is lost");
        // Split at sentence ends where there are some.
        let first = doc
            .paragraphs
            .iter()
            .find(|p| p.text.contains("多边主义"))
            .unwrap();
        assert!(
            first.text.ends_with('。'),
            "{}",
            &first.text[first.text.len() - 30..]
        );
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
        assert_eq!(d.label, "外交部发言人秦刚主持例行记者会");
        assert_eq!(
            d.citation(2),
            "2013-11-25 外交部发言人秦刚主持例行记者会 ¶2"
        );
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
        let text = "标题\n记者：问？\n王毅：答。\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (bytes, name) in [
            ([&[0xff, 0xfe][..], &le].concat(), "UTF-16 (little-endian)"),
            ([&[0xfe, 0xff][..], &be].concat(), "UTF-16 (big-endian)"),
            (le, "UTF-16 (little-endian)"),
            (be, "UTF-16 (big-endian)"),
        ] {
            let e = parse_transcript("x", Path::new("x.txt"), &bytes).unwrap_err();
            assert!(
                e.message.contains(name) && !e.message.contains("binary"),
                "{e}"
            );
        }
        let e = parse_transcript("x", Path::new("x.txt"), "标题\n".as_bytes()).unwrap_err();
        assert!(e.message.contains("no text besides the title"));
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
