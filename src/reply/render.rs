//! Rendering answers as text: pure functions of the reply model, so they are easy to test.

use std::ops::Range;

use super::{Answer, ExchangeView, Hit, TopicSummary, wrap};

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
    // From the start when the first highlight is well inside the window, else a little
    // before it.
    let start_char = if first + 8 <= budget * 3 / 4 {
        0
    } else {
        let from = first
            .saturating_sub(budget / 4)
            .min(total.saturating_sub(budget));
        // Start at a clause: after the last punctuation before the highlight.
        text.chars()
            .enumerate()
            .skip(from)
            .take(first.saturating_sub(from))
            .filter(|(_, c)| "。！？；，：".contains(*c))
            .last()
            .map_or(from, |(i, _)| i + 1)
    };
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

/// How the console lays an answer out.
#[derive(Debug, Clone)]
pub struct ConsoleOptions {
    /// How matched words are marked.
    pub highlight: Highlight,
    /// Columns of the terminal (80 when not a terminal).
    pub width: usize,
    /// A last line saying more results can be had (`(more: /more)`), when there are.
    pub footer: Option<String>,
    /// How the reader lists the topics (`/topics`, `pressroom topics`), named when nothing
    /// is found.
    pub topics_command: String,
}

impl ConsoleOptions {
    /// `highlight` at 80 columns, no footer.
    pub fn new(highlight: Highlight) -> ConsoleOptions {
        ConsoleOptions {
            highlight,
            width: 80,
            footer: None,
            topics_command: "/topics".into(),
        }
    }
}

/// The console rendering of an answer at 80 columns.
pub fn console(answer: &Answer, style: Highlight) -> String {
    console_with(answer, &ConsoleOptions::new(style))
}

/// The console rendering of an answer: the best passage whole, with who said it, the
/// question it answers, the paragraphs around and the citation; then one line per other
/// result, grouped by exchange.
pub fn console_with(answer: &Answer, opts: &ConsoleOptions) -> String {
    let width = opts.width.clamp(40, 200);
    if answer.hits.is_empty() {
        let text = match &answer.abstained {
            Some(why) => abstained(answer, &why.reason(crate::locale::Lang::En)),
            None => no_answer(&answer.query, &opts.topics_command),
        };
        return text
            .lines()
            .map(|l| {
                let indent = if l.starts_with("   ") { "     " } else { "  " };
                wrap::wrap(l, width, "", indent)
            })
            .collect();
    }
    let mut out = String::new();
    if let Some(reading) = &answer.read_as {
        out.push_str(&wrap::wrap(
            &format!("(read as: {reading})"),
            width,
            "",
            " ",
        ));
    }
    if let Some(f) = &answer.filters {
        let note = match (&answer.ignored, answer.relaxed) {
            _ if answer.browses_one_briefing() => {
                format!("(the exchanges of {f}: name a subject to search)")
            }
            _ if answer.browsing => {
                format!("(the exchanges of {f}, latest first: name a subject to search)")
            }
            (_, true) => format!("(nothing matched {f}; these passages ignore it)"),
            (Some(ignored), false) => {
                format!("(only {f}; nothing matched {ignored} as well, so that is ignored)")
            }
            (None, false) => format!("(only {f})"),
        };
        out.push_str(&wrap::wrap(&note, width, "", " "));
    }
    if answer.tentative {
        out.push_str(&wrap::wrap(TENTATIVE, width, "", " "));
    }
    let best = &answer.hits[0];
    out.push_str(&best_hit(best, opts.highlight, width));
    out.push_str(&grouped(
        &answer.hits[1..],
        Some(&best.exchange),
        opts.highlight,
        width,
    ));
    if let Some(footer) = &opts.footer {
        out.push_str(&wrap::wrap(footer, width, "", " "));
    }
    out
}

/// More results (after the first ones): one line each, grouped by exchange.
pub fn more_results(hits: &[Hit], style: Highlight, width: usize) -> String {
    grouped(hits, None, style, width.clamp(40, 200))
}

/// One line per hit, under a line naming its exchange (`more from this exchange:` for the
/// best hit's), exchanges in the order they rank.
fn grouped(hits: &[Hit], best: Option<&str>, style: Highlight, width: usize) -> String {
    let mut groups: Vec<(&str, Vec<&Hit>)> = Vec::new();
    for hit in hits {
        match groups.iter_mut().find(|(ex, _)| *ex == hit.exchange) {
            Some((_, hits)) => hits.push(hit),
            None => groups.push((&hit.exchange, vec![hit])),
        }
    }
    let mut out = String::new();
    for (exchange, hits) in groups {
        let header = if Some(exchange) == best {
            "more from this exchange:".to_string()
        } else {
            let h = hits[0];
            let source = h
                .citation
                .rsplit_once(" ¶")
                .map_or(h.citation.as_str(), |(s, _)| s);
            format!("{} ({exchange}) — {}, {source}", h.topic, h.speaker)
        };
        out.push_str(&format!("   {}\n", wrap::fit(&header, width - 3)));
        for h in hits {
            out.push_str(&other_hit(h, style, width));
        }
    }
    out
}

/// The longest best passage shown (characters); `topic` shows the whole answer.
const BEST_MAX_CHARS: usize = 500;

/// Each paragraph of the list a quoted passage opens is shown up to this many characters.
pub const LIST_ITEM_MAX_CHARS: usize = 160;

/// Said above a tentative answer ([`Answer::tentative`]).
const TENTATIVE: &str = "(the closest passage; it may not answer the question itself)";

fn best_hit(hit: &Hit, style: Highlight, width: usize) -> String {
    let rank = format!("{}. ", hit.rank);
    let indent = " ".repeat(wrap::width(&rank).max(3));
    let quote = format!("「{}」", marked_text(hit, style, BEST_MAX_CHARS));
    let mut out = wrap::wrap(&quote, width, &rank, &indent);
    let said = match &hit.question {
        Some(q) => format!(
            "— {}, answering {}: “{}”",
            hit.speaker,
            q.speaker,
            truncate_chars(&q.text, 70)
        ),
        None => format!("— {} (the question is not in the transcript)", hit.speaker),
    };
    out.push_str(&wrap::wrap(&said, width, &indent, &indent));
    let room = width - indent.len();
    if let Some(b) = &hit.context.before {
        out.push_str(&format!(
            "{indent}{}\n",
            wrap::fit(&format!("before: {b}"), room)
        ));
    }
    if !hit.context.list.is_empty() {
        // The list the passage opens is what it announces: shown, not cut to a line.
        for item in &hit.context.list {
            let item = truncate_chars(item, LIST_ITEM_MAX_CHARS);
            out.push_str(&wrap::wrap(&item, width, &indent, &indent));
        }
    } else if let Some(a) = &hit.context.after {
        out.push_str(&format!(
            "{indent}{}\n",
            wrap::fit(&format!("after:  {a}"), room)
        ));
    }
    let source = format!(
        "source: {} · topic: {} ({})",
        hit.citation, hit.topic, hit.exchange
    );
    out.push_str(&wrap::wrap(&source, width, &indent, &indent));
    if let Some(also) = also_said(hit) {
        out.push_str(&wrap::wrap(&also, width, &indent, &indent));
    }
    out
}

fn other_hit(hit: &Hit, style: Highlight, width: usize) -> String {
    let head = format!("{}. ¶{} ", hit.rank, hit.paragraph);
    let room = width.saturating_sub(wrap::width(&head)).max(10);
    // A window around the first matched word, then cut to the line.
    let text = marked_text(hit, style, room / 2 + 4);
    format!("{head}{}\n", wrap::fit(&text, room))
}

/// What is said when nothing matches.
pub fn no_answer(query: &str, topics_command: &str) -> String {
    let q = truncate_chars(query.trim(), 60);
    format!(
        "No passage answers “{q}”. Try other words, or list the topics with `{topics_command}`.\n"
    )
}

/// What is said when the library holds nothing that answers: why, and the nearest topics.
fn abstained(answer: &Answer, why: &str) -> String {
    let q = truncate_chars(answer.query.trim(), 60);
    let mut out = format!("No quote for “{q}”: {why}.\n");
    if let Some(reading) = &answer.read_as {
        out.push_str(&format!("   read as: {reading}\n"));
    }
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

/// The console list of topics at 80 columns.
pub fn topic_list(topics: &[TopicSummary]) -> String {
    topic_list_with(topics, 80)
}

/// The console list of topics: id, topic name, asker → answerer, in columns aligned by
/// display width, and the question under it.
pub fn topic_list_with(topics: &[TopicSummary], width: usize) -> String {
    let width = width.clamp(40, 200);
    let id_cols = topics
        .iter()
        .map(|t| wrap::width(&t.id))
        .max()
        .unwrap_or(0)
        .min(width / 3);
    let title_cols = topics
        .iter()
        .map(|t| wrap::width(&t.title))
        .max()
        .unwrap_or(0)
        .min(16);
    let indent = " ".repeat(id_cols + 2);
    let mut out = String::new();
    for t in topics {
        let asker = t.asker.as_deref().unwrap_or("—");
        let line = format!(
            "{}  {}  {asker} → {} ({} ¶)",
            wrap::pad(&t.id, id_cols),
            wrap::pad(&wrap::fit(&t.title, title_cols), title_cols),
            t.answerer,
            t.paragraphs
        );
        out.push_str(&wrap::fit(&line, width));
        out.push('\n');
        let q = t
            .question
            .as_deref()
            .unwrap_or("(question not in the transcript)");
        out.push_str(&indent);
        out.push_str(&wrap::fit(q, width.saturating_sub(indent.len())));
        out.push('\n');
    }
    out
}

/// The console rendering of a whole exchange at 80 columns.
pub fn exchange(view: &ExchangeView) -> String {
    exchange_with(view, 80)
}

/// The console rendering of a whole exchange, paragraphs wrapped to `width` with a hanging
/// indent.
pub fn exchange_with(view: &ExchangeView, width: usize) -> String {
    let width = width.clamp(40, 200);
    let s = &view.summary;
    let mut out = wrap::wrap(&format!("{} — {}", s.title, s.id), width, "", "  ");
    let doc = format!(
        "{} {}",
        view.document.date.as_deref().unwrap_or(""),
        view.document.title
    );
    out.push_str(&wrap::wrap(doc.trim(), width, "", "  "));
    out.push('\n');
    match (&s.asker, &s.question) {
        (Some(a), Some(q)) => out.push_str(&wrap::wrap(&format!("{a}：{q}"), width, "", "  ")),
        _ => out.push_str("(the question is not in the transcript)\n"),
    }
    out.push('\n');
    let mut last_speaker = "";
    for p in &view.answer {
        let mut text = String::new();
        if p.speaker != last_speaker {
            text.push_str(&format!("{}：", p.speaker));
            last_speaker = &p.speaker;
        }
        text.push_str(&format!("{}  [¶{}]", p.text, p.paragraph));
        out.push_str(&wrap::wrap(&text, width, "", "  "));
        out.push('\n');
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
                list: Vec::new(),
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
    fn a_passage_that_opens_a_list_is_shown_with_it() {
        let mut h = hit(1, "今年我们将重点抓好三件大事：", &["大事"]);
        h.context.after = Some("一是全力打造海外中国平安体系。".into());
        h.context.list = vec![
            "一是全力打造海外中国平安体系。".into(),
            "二是打造人员往来的快捷网络。".into(),
            format!("三是{}", "提高领事服务水平".repeat(40)),
        ];
        let out = best_hit(&h, Highlight::Plain, 80);
        assert!(out.contains("   一是全力打造海外中国平安体系。\n"), "{out}");
        assert!(out.contains("   二是打造人员往来的快捷网络。\n"), "{out}");
        // Each point is cut at its length, not at a line; no "after:" line repeats the first.
        assert!(out.contains('…') && !out.contains("after:"), "{out}");
        h.context.list.clear();
        assert!(best_hit(&h, Highlight::Plain, 80).contains("after:  一是"));
    }

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
            "1. 「中国对人工智能合作持积极开放态度。」\n   — 王毅, answering 凤凰卫视记者: “中方持何立场？”\n   before: 前一段。\n   source: 2024-03-07 王毅记者会 ¶7 · topic: 人工智能 (d#2)\n"
        );
    }

    #[test]
    fn a_tentative_answer_says_so_before_the_quote() {
        let mut a = Answer {
            query: "q".into(),
            hits: vec![hit(1, "中国对人工智能合作持积极开放态度。", &["人工智能"])],
            ..Answer::default()
        };
        assert!(!console(&a, Highlight::Plain).contains("closest passage"));
        a.tentative = true;
        let out = console(&a, Highlight::Plain);
        assert!(
            out.starts_with("(the closest passage; it may not answer the question itself)\n1. 「"),
            "{out}"
        );
    }

    #[test]
    fn an_english_question_says_what_it_was_read_as() {
        let mut a = Answer {
            query: "China's position on AI?".into(),
            hits: vec![hit(1, "中国对人工智能合作持积极开放态度。", &[])],
            read_as: Some("中国立场AI".into()),
            ..Answer::default()
        };
        let out = console(&a, Highlight::Plain);
        assert!(out.starts_with("(read as: 中国立场AI)\n1. 「"), "{out}");
        a.hits.clear();
        a.abstained = Some(crate::reply::Abstention::NotInChinese);
        let out = console(&a, Highlight::Plain);
        assert!(
            out.contains("ask in Chinese") && out.contains("read as: 中国立场AI"),
            "{out}"
        );
    }

    #[test]
    fn a_browsed_selection_says_so_in_place_of_the_filters_note() {
        let mut a = Answer {
            query: "q".into(),
            hits: vec![hit(1, "中国对人工智能合作持积极开放态度。", &[])],
            filters: Some("2024-03-07".into()),
            ..Answer::default()
        };
        assert!(console(&a, Highlight::Plain).starts_with("(only 2024-03-07)\n"));
        a.browsing = true;
        // One briefing's exchanges are in its order: there is no "latest first".
        let out = console(&a, Highlight::Plain);
        assert!(
            out.starts_with("(the exchanges of 2024-03-07: name a subject to search)\n1. 「"),
            "{out}"
        );
        let mut earlier = hit(2, "非洲是一片希望的大陆。", &[]);
        earlier.document.id = "e".into();
        a.hits.push(earlier);
        let out = console(&a, Highlight::Plain);
        assert!(
            out.starts_with(
                "(the exchanges of 2024-03-07, latest first: name a subject to search)\n1. 「"
            ),
            "{out}"
        );
    }

    #[test]
    fn other_results_are_one_line_each_grouped_by_exchange() {
        let mut other = hit(3, "非洲是一片希望的大陆。", &["非洲"]);
        other.exchange = "d#3".into();
        other.topic = "非洲".into();
        let a = Answer {
            query: "q".into(),
            hits: vec![
                hit(1, "中国对人工智能合作持积极开放态度。", &["人工智能"]),
                hit(
                    2,
                    &format!("人工智能{}", "很长的一段话".repeat(30)),
                    &["人工智能"],
                ),
                other,
            ],
            ..Answer::default()
        };
        let out = console(&a, Highlight::Plain);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            out.matches("凤凰卫视记者").count(),
            1,
            "the question once: {out}"
        );
        assert_eq!(lines[4], "   more from this exchange:");
        assert!(lines[5].starts_with("2. ¶8 人工智能很长") && lines[5].ends_with('…'));
        assert_eq!(lines[6], "   非洲 (d#3) — 王毅, 2024-03-07 王毅记者会");
        assert_eq!(lines[7], "3. ¶9 非洲是一片希望的大陆。");
        assert!(lines.iter().all(|l| wrap::width(l) <= 80), "{out}");
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
