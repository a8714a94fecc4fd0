//! Rendering answers as text: pure functions of the reply model, so they are easy to test.

use std::ops::Range;

use super::{Answer, ExchangeView, Hit, TopicSummary};

/// How matched words are marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Highlight {
    /// No marks (pipes, files).
    Plain,
    /// ANSI bold (a terminal).
    Ansi,
    /// Markdown `**bold**` (Discord); the rest of the text is escaped.
    Markdown,
}

/// Cuts `s` to at most `max` characters, ending in `…` when cut.
pub fn truncate_chars(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Escapes Discord markdown and mentions so user or transcript text shows as typed and pings
/// nobody: `*_~|>#-[]()` and backticks get a backslash, `@` gets a zero-width space after it.
pub fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' | '*' | '_' | '~' | '`' | '|' | '>' | '#' | '[' | ']' | '(' | ')' | '-' | ':'
            | '<' => {
                out.push('\\');
                out.push(c);
            }
            '@' => out.push_str("@\u{200b}"),
            _ => out.push(c),
        }
    }
    out
}

/// The passage text with its matched words marked, at most `max` characters (cut around the
/// first highlight so it stays visible).
pub fn marked_text(hit: &Hit, style: Highlight, max: usize) -> String {
    let (text, ranges) = window(&hit.text, &hit.highlight_bytes, max);
    let esc = |s: &str| {
        if style == Highlight::Markdown {
            escape_markdown(s)
        } else {
            s.to_string()
        }
    };
    let (open, close) = match style {
        Highlight::Plain => ("", ""),
        Highlight::Ansi => ("\x1b[1m", "\x1b[0m"),
        Highlight::Markdown => ("**", "**"),
    };
    // Touching highlights become one mark: `**人工智能合作**`, not `**人工智能****合作**`,
    // which markdown renders with stray asterisks.
    let merged = merge_touching(ranges);
    let mut out = String::with_capacity(text.len() + merged.len() * 8);
    let mut at = 0;
    for r in merged {
        out.push_str(&esc(&text[at..r.start]));
        out.push_str(open);
        out.push_str(&esc(&text[r.clone()]));
        out.push_str(close);
        at = r.end;
    }
    out.push_str(&esc(&text[at..]));
    out
}

/// `ranges` (sorted by start) with the overlapping or touching ones merged into one.
pub fn merge_touching(ranges: impl IntoIterator<Item = Range<usize>>) -> Vec<Range<usize>> {
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// A window of at most `max` characters of `text` around the first highlight, with the
/// highlights that fall inside it (shifted), and `…` where text was cut.
fn window(text: &str, highlights: &[Range<usize>], max: usize) -> (String, Vec<Range<usize>>) {
    let total = text.chars().count();
    if total <= max {
        return (text.to_string(), highlights.to_vec());
    }
    let budget = max.saturating_sub(2).max(1);
    let first = highlights
        .first()
        .map_or(0, |r| text[..r.start].chars().count());
    let start_char = first
        .saturating_sub(budget / 4)
        .min(total.saturating_sub(budget));
    let byte_at = |c: usize| text.char_indices().nth(c).map_or(text.len(), |(b, _)| b);
    let (from, to) = (byte_at(start_char), byte_at(start_char + budget));
    let prefix = if from > 0 { "…" } else { "" };
    let suffix = if to < text.len() { "…" } else { "" };
    let shift = prefix.len();
    let ranges = highlights
        .iter()
        .filter(|r| r.start >= from && r.end <= to)
        .map(|r| r.start - from + shift..r.end - from + shift)
        .collect();
    (format!("{prefix}{}{suffix}", &text[from..to]), ranges)
}

/// The console rendering of an answer.
pub fn console(answer: &Answer, style: Highlight) -> String {
    if answer.hits.is_empty() {
        return match &answer.abstained {
            Some(why) => abstained(answer, &why.reason(crate::locale::Lang::En)),
            None => no_answer(&answer.query),
        };
    }
    let mut out = String::new();
    if let Some(f) = &answer.filters {
        if answer.relaxed {
            out.push_str(&format!(
                "(nothing matched {f}; these passages ignore it)\n\n"
            ));
        } else {
            out.push_str(&format!("(only {f})\n\n"));
        }
    }
    for hit in &answer.hits {
        out.push_str(&console_hit(hit, style));
        out.push('\n');
    }
    out
}

/// What is said when nothing matches.
pub fn no_answer(query: &str) -> String {
    let q = truncate_chars(query.trim(), 60);
    format!(
        "No passage answers “{q}”. Try other words, or list the topics with `pressroom topics`.\n"
    )
}

/// What is said when the library holds nothing that answers: why, and the nearest topics.
fn abstained(answer: &Answer, why: &str) -> String {
    let q = truncate_chars(answer.query.trim(), 60);
    let mut out = format!("No quote for “{q}”: {why}.\n");
    if !answer.suggestions.is_empty() {
        out.push_str("Nearest topics:\n");
        for t in &answer.suggestions {
            out.push_str(&format!("   {} ({})\n", t.title, t.id));
        }
    }
    out
}

/// "also said on 2019-05-20, 2019-06-03 (3 times)" for a repeated statement; empty when it
/// was said once.
pub fn also_said(hit: &Hit) -> Option<String> {
    if hit.also.is_empty() {
        return None;
    }
    let dates: Vec<&str> = hit
        .also
        .iter()
        .take(4)
        .map(|a| a.date.as_deref().unwrap_or(a.document.as_str()))
        .collect();
    let more = if hit.also.len() > 4 { ", …" } else { "" };
    Some(format!(
        "also said on {}{more} ({} times)",
        dates.join(", "),
        hit.also.len() + 1
    ))
}

fn console_hit(hit: &Hit, style: Highlight) -> String {
    let mut out = format!(
        "{}. 「{}」\n",
        hit.rank,
        marked_text(hit, style, usize::MAX)
    );
    match &hit.question {
        Some(q) => out.push_str(&format!(
            "   — {}, answering {}: “{}”\n",
            hit.speaker,
            q.speaker,
            truncate_chars(&q.text, 120)
        )),
        None => out.push_str(&format!(
            "   — {} (the question is not in the transcript)\n",
            hit.speaker
        )),
    }
    if let Some(b) = &hit.context.before {
        out.push_str(&format!("   before: {}\n", truncate_chars(b, 80)));
    }
    if let Some(a) = &hit.context.after {
        out.push_str(&format!("   after:  {}\n", truncate_chars(a, 80)));
    }
    out.push_str(&format!(
        "   source: {} · topic: {} ({})\n",
        hit.citation, hit.topic, hit.exchange
    ));
    if let Some(also) = also_said(hit) {
        out.push_str(&format!("   {also}\n"));
    }
    out
}

/// The console list of topics.
pub fn topic_list(topics: &[TopicSummary]) -> String {
    let mut out = String::new();
    for t in topics {
        let asker = t.asker.as_deref().unwrap_or("—");
        let q = t.question.as_deref().map_or_else(
            || "(question not in the transcript)".to_string(),
            |q| truncate_chars(q, 50),
        );
        out.push_str(&format!(
            "{:<48} {:<10} {} → {} ({} ¶)\n   {q}\n",
            t.id, t.title, asker, t.answerer, t.paragraphs
        ));
    }
    out
}

/// The console rendering of a whole exchange.
pub fn exchange(view: &ExchangeView) -> String {
    let s = &view.summary;
    let mut out = format!(
        "{} — {}\n{} {}\n\n",
        s.title,
        s.id,
        view.document.date.as_deref().unwrap_or(""),
        view.document.title
    );
    match (&s.asker, &s.question) {
        (Some(a), Some(q)) => out.push_str(&format!("{a}：{q}\n\n")),
        _ => out.push_str("(the question is not in the transcript)\n\n"),
    }
    let mut last_speaker = "";
    for p in &view.answer {
        if p.speaker != last_speaker {
            out.push_str(&format!("{}：", p.speaker));
            last_speaker = &p.speaker;
        }
        out.push_str(&format!("{}  [¶{}]\n\n", p.text, p.paragraph));
    }
    out
}

/// Builders of reply-model values for the renderers' tests (here and in `discord::render`).
#[cfg(test)]
pub(crate) mod fixtures {
    use crate::reply::TopicSummary;
    use crate::reply::{AnswerParagraph, Context, DocumentRef, ExchangeView, Hit, QuestionRef};

    /// A hit of rank `rank` (paragraph `rank + 6`) quoting `text`, with `words` matched.
    pub fn hit(rank: usize, text: &str, words: &[&str]) -> Hit {
        let highlight_bytes: Vec<_> = words
            .iter()
            .map(|w| {
                let s = text.find(w).unwrap();
                s..s + w.len()
            })
            .collect();
        Hit {
            rank,
            score: 1.0,
            text: text.into(),
            matched: words.iter().map(|w| w.to_string()).collect(),
            highlights: vec![],
            highlight_bytes,
            speaker: "王毅".into(),
            question: Some(QuestionRef {
                speaker: "凤凰卫视记者".into(),
                text: "中方持何立场？".into(),
            }),
            context: Context {
                before: Some("前一段。".into()),
                after: None,
            },
            document: DocumentRef {
                id: "d".into(),
                title: "T".into(),
                date: Some("2024-03-07".into()),
            },
            paragraph: rank + 6,
            citation: format!("2024-03-07 王毅记者会 ¶{}", rank + 6),
            exchange: "d#2".into(),
            topic: "人工智能".into(),
            also: Vec::new(),
        }
    }

    /// Exchange `d#3` with `paragraphs` answer paragraphs (¶10…) of `len` characters each.
    pub fn exchange_view(paragraphs: usize, len: usize) -> ExchangeView {
        ExchangeView {
            summary: TopicSummary {
                id: "d#3".into(),
                title: "非洲".into(),
                asker: Some("记者".into()),
                question: Some("中方如何看？".into()),
                answerer: "王毅".into(),
                paragraphs,
            },
            document: DocumentRef {
                id: "d".into(),
                title: "T".into(),
                date: Some("2024-03-07".into()),
            },
            answer: (0..paragraphs)
                .map(|i| AnswerParagraph {
                    paragraph: 10 + i,
                    speaker: "王毅".into(),
                    text: format!("{i}{}", "字".repeat(len)),
                    citation: format!("¶{}", 10 + i),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::hit;
    use super::*;

    #[test]
    fn console_snapshot() {
        let a = Answer {
            query: "q".into(),
            hits: vec![hit(
                1,
                "中国对人工智能合作持积极开放态度。",
                &["人工智能", "合作"],
            )],
            ..Answer::default()
        };
        assert_eq!(
            console(&a, Highlight::Plain),
            "1. 「中国对人工智能合作持积极开放态度。」\n   — 王毅, answering 凤凰卫视记者: “中方持何立场？”\n   before: 前一段。\n   source: 2024-03-07 王毅记者会 ¶7 · topic: 人工智能 (d#2)\n\n"
        );
    }

    #[test]
    fn markdown_marks_and_escapes() {
        let h = hit(1, "AI_x 人工智能 @everyone", &["人工智能"]);
        assert_eq!(
            marked_text(&h, Highlight::Markdown, 100),
            "AI\\_x **人工智能** @\u{200b}everyone"
        );
    }

    #[test]
    fn window_keeps_first_highlight_visible() {
        let text = format!("{}关键词{}", "前".repeat(300), "后".repeat(300));
        let h = hit(1, &text, &["关键词"]);
        let out = marked_text(&h, Highlight::Markdown, 100);
        assert!(out.contains("**关键词**"), "{out}");
        assert!(out.chars().count() <= 100 + 4);
        assert!(out.starts_with('…') && out.ends_with('…'));
    }

    #[test]
    fn touching_and_overlapping_ranges_merge() {
        assert_eq!(merge_touching([0..3, 3..6, 5..7, 9..10]), [0..7, 9..10]);
        let nested = merge_touching([0..5, 1..2]);
        assert_eq!((nested.len(), &nested[0]), (1, &(0..5)));
        assert!(merge_touching([]).is_empty());
    }

    #[test]
    fn nothing_found_says_so() {
        let a = Answer {
            query: "火星".into(),
            hits: vec![],
            ..Answer::default()
        };
        assert!(console(&a, Highlight::Plain).starts_with("No passage answers “火星”"));
    }
}
