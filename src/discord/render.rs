//! Discord replies as pure functions of the reply model: a [`View`] (content, embeds, buttons)
//! that `send` turns into serenity builders. Kept free of I/O so every reply can be checked
//! against Discord's limits in unit tests.

use serde::Serialize;

use super::buttons::{Press, ResultAct};
use super::locale::Lang;
use crate::engine::Stats;
use crate::reply::render::{Highlight, escape_markdown, marked_text, truncate_chars};
use crate::reply::{ExchangeView, Hit, TopicSummary};

/// Discord's limits, in characters.
pub mod limits {
    /// Message content.
    pub const CONTENT: usize = 2000;
    /// Embed title.
    pub const TITLE: usize = 256;
    /// Embed description.
    pub const DESCRIPTION: usize = 4096;
    /// Fields per embed.
    pub const FIELDS: usize = 25;
    /// Field name.
    pub const FIELD_NAME: usize = 256;
    /// Field value.
    pub const FIELD_VALUE: usize = 1024;
    /// Footer text.
    pub const FOOTER: usize = 2048;
    /// All text of all embeds of a message.
    pub const EMBEDS_TOTAL: usize = 6000;
    /// Embeds per message.
    pub const EMBEDS: usize = 10;
    /// Button label.
    pub const LABEL: usize = 80;
    /// Buttons per action row.
    pub const BUTTONS: usize = 5;
    /// Action rows per message.
    pub const ROWS: usize = 5;
    /// Autocomplete choice name.
    pub const CHOICE_NAME: usize = 100;
    /// Autocomplete choices.
    pub const CHOICES: usize = 25;
}

/// The pages an exchange is cut into are at most this long (leaves room for title and footer).
const PAGE_CHARS: usize = 3500;
const COLOR: u32 = 0x002b_6cb0;

/// A message as the bot will send it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct View {
    /// Plain content above the embeds.
    pub content: Option<String>,
    /// The embeds.
    pub embeds: Vec<Embed>,
    /// Buttons, five to a row.
    pub buttons: Vec<Button>,
    /// Only the person who pressed or typed sees it (interactions only).
    pub ephemeral: bool,
}

/// One embed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Embed {
    /// Title line.
    pub title: Option<String>,
    /// Body (markdown).
    pub description: Option<String>,
    /// Fields below the body.
    pub fields: Vec<Field>,
    /// Small print at the bottom.
    pub footer: Option<String>,
    /// The stripe colour.
    pub color: u32,
}

/// An embed field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Field {
    /// Its name.
    pub name: String,
    /// Its value.
    pub value: String,
}

/// A button.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Button {
    /// What it says.
    pub label: String,
    /// What it does ([`Press::custom_id`]).
    pub custom_id: String,
    /// Drawn as the main action.
    pub primary: bool,
    /// Greyed out.
    pub disabled: bool,
}

impl View {
    /// A short text reply.
    pub fn notice(text: impl Into<String>, ephemeral: bool) -> View {
        View {
            content: Some(text.into()),
            ephemeral,
            ..View::default()
        }
    }

    /// The same view, cut to Discord's limits (characters, not bytes). Renderers already stay
    /// inside them; this is the one place that guarantees it.
    pub fn fit(mut self) -> View {
        use limits::*;
        if let Some(c) = &mut self.content {
            *c = truncate_chars(c, CONTENT);
        }
        self.embeds.truncate(EMBEDS);
        let mut budget = EMBEDS_TOTAL;
        for e in &mut self.embeds {
            let mut cut = |s: &mut String, max: usize| {
                match max.min(budget) {
                    0 => s.clear(),
                    max => *s = truncate_chars(s, max),
                }
                budget = budget.saturating_sub(s.chars().count());
            };
            if let Some(t) = &mut e.title {
                cut(t, TITLE);
            }
            if let Some(d) = &mut e.description {
                cut(d, DESCRIPTION);
            }
            e.fields.truncate(FIELDS);
            for f in &mut e.fields {
                cut(&mut f.name, FIELD_NAME);
                cut(&mut f.value, FIELD_VALUE);
            }
            if let Some(f) = &mut e.footer {
                cut(f, FOOTER);
            }
            // Discord rejects empty strings; what was cut to nothing goes.
            e.fields
                .retain(|f| !f.name.is_empty() && !f.value.is_empty());
            for s in [&mut e.title, &mut e.description, &mut e.footer] {
                if s.as_deref() == Some("") {
                    *s = None;
                }
            }
        }
        self.embeds
            .retain(|e| e.title.is_some() || e.description.is_some() || !e.fields.is_empty());
        self.buttons.truncate(BUTTONS * ROWS);
        for b in &mut self.buttons {
            b.label = truncate_chars(&b.label, LABEL);
        }
        self
    }

    /// Characters of embed text, as Discord counts them against [`limits::EMBEDS_TOTAL`].
    pub fn embed_chars(&self) -> usize {
        let n = |s: &Option<String>| s.as_ref().map_or(0, |s| s.chars().count());
        self.embeds
            .iter()
            .map(|e| {
                n(&e.title)
                    + n(&e.description)
                    + n(&e.footer)
                    + e.fields
                        .iter()
                        .map(|f| f.name.chars().count() + f.value.chars().count())
                        .sum::<usize>()
            })
            .sum()
    }
}

/// The answer to a question: the focused result in full (quote with matched words in bold,
/// speaker, the question it answered, citation), the others listed, and buttons to move
/// between results, see more context, or read the reporter's question. `keys` are the hits'
/// [`crate::Engine::passage_key`]s.
pub fn answer(
    query: Option<&str>,
    hits: &[Hit],
    keys: &[String],
    focus: usize,
    lang: Lang,
    max_quote: usize,
) -> View {
    let Some(hit) = hits.get(focus) else {
        return no_results(query.unwrap_or_default(), lang, false);
    };
    let content = query.map(|q| {
        format!(
            "{} {}",
            lang.pick("**问：**", "**Q:**"),
            escape_markdown(&truncate_chars(q.trim(), 300))
        )
    });
    let mut embed = passage_embed(hit, lang, max_quote);
    if hits.len() > 1 {
        let others: Vec<String> = hits
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != focus)
            .map(|(i, h)| {
                format!(
                    "{}. {} · {} — 「{}」",
                    i + 1,
                    escape_markdown(&h.topic),
                    escape_markdown(&h.citation),
                    escape_markdown(&truncate_chars(&h.text, 40))
                )
            })
            .collect();
        embed.fields.push(Field {
            name: lang.pick("其他结果", "Other results").into(),
            value: others.join("\n"),
        });
    }
    embed.footer = Some(format!(
        "{} · {} {}/{}",
        hit.citation,
        lang.pick("结果", "result"),
        focus + 1,
        hits.len()
    ));
    let terms: Vec<String> =
        hits.iter()
            .flat_map(|h| h.matched.iter().cloned())
            .fold(Vec::new(), |mut acc, t| {
                if !acc.contains(&t) {
                    acc.push(t);
                }
                acc
            });
    let press = |act, focus| {
        Press::Results {
            act,
            focus,
            passages: keys.to_vec(),
            terms: terms.clone(),
        }
        .custom_id()
    };
    let mut buttons = Vec::new();
    if hits.len() > 1 {
        buttons.push(Button {
            label: lang.pick("◀ 上一条", "◀ Previous").into(),
            custom_id: press(ResultAct::Previous, focus.saturating_sub(1)),
            primary: false,
            disabled: focus == 0,
        });
        buttons.push(Button {
            label: lang.pick("下一条 ▶", "Next ▶").into(),
            custom_id: press(ResultAct::Next, (focus + 1).min(hits.len() - 1)),
            primary: true,
            disabled: focus + 1 >= hits.len(),
        });
    }
    buttons.push(more_button(lang, press(ResultAct::More, focus)));
    buttons.push(question_button(
        lang,
        press(ResultAct::Question, focus),
        hit.question.is_none(),
    ));
    View {
        content,
        embeds: vec![embed],
        buttons,
        ephemeral: false,
    }
    .fit()
}

fn more_button(lang: Lang, custom_id: String) -> Button {
    Button {
        label: lang.pick("更多上下文", "More context").into(),
        custom_id,
        primary: false,
        disabled: false,
    }
}

fn question_button(lang: Lang, custom_id: String, disabled: bool) -> Button {
    Button {
        label: lang.pick("记者提问", "Question").into(),
        custom_id,
        primary: false,
        disabled,
    }
}

/// One passage on its own (`/quote`): the quote, who said it, the question, the citation, with
/// 'More context' and 'Question' buttons.
pub fn quote(hit: &Hit, key: &str, lang: Lang, max_quote: usize) -> View {
    let mut embed = passage_embed(hit, lang, max_quote);
    embed.footer = Some(hit.citation.clone());
    let press = |act| {
        Press::Results {
            act,
            focus: 0,
            passages: vec![key.to_string()],
            terms: Vec::new(),
        }
        .custom_id()
    };
    View {
        content: None,
        embeds: vec![embed],
        buttons: vec![
            more_button(lang, press(ResultAct::More)),
            question_button(lang, press(ResultAct::Question), hit.question.is_none()),
        ],
        ephemeral: false,
    }
    .fit()
}

fn passage_embed(hit: &Hit, lang: Lang, max_quote: usize) -> Embed {
    let quote = marked_text(hit, Highlight::Markdown, max_quote);
    let question = match &hit.question {
        Some(q) => Field {
            name: format!(
                "{} {}",
                escape_markdown(&q.speaker),
                lang.pick("提问", "asked")
            ),
            value: escape_markdown(&truncate_chars(&q.text, 400)),
        },
        None => Field {
            name: lang.pick("提问", "Question").into(),
            value: lang
                .pick(
                    "（问题不在本记录中：这段回答接续上一版面。）",
                    "(the question is not in the transcript: this answer continues from the previous page)",
                )
                .into(),
        },
    };
    Embed {
        title: Some(format!(
            "{} · {}",
            hit.speaker,
            if hit.topic.is_empty() {
                &hit.document.title
            } else {
                &hit.topic
            }
        )),
        description: Some(format!("> {quote}")),
        fields: vec![question],
        footer: None,
        color: COLOR,
    }
}

/// 'More context': the whole answer the passage belongs to when it fits in one embed,
/// otherwise the paragraphs around it; the passage itself is marked. Only the presser sees it.
pub fn more_context(hit: &Hit, exchange: Option<&ExchangeView>, lang: Lang) -> View {
    let mark = |text: &str, number: usize| {
        let body = escape_markdown(text);
        if number == hit.paragraph {
            format!("**¶{number}** ▶ {body}")
        } else {
            format!("¶{number} {body}")
        }
    };
    let mut paragraphs: Vec<String> = match exchange {
        Some(x) => x
            .answer
            .iter()
            .map(|p| mark(&p.text, p.paragraph))
            .collect(),
        None => Vec::new(),
    };
    let at = exchange
        .and_then(|x| x.answer.iter().position(|p| p.paragraph == hit.paragraph))
        .unwrap_or(0);
    if paragraphs.is_empty() {
        paragraphs = [
            hit.context.before.as_deref(),
            Some(hit.text.as_str()),
            hit.context.after.as_deref(),
        ]
        .into_iter()
        .flatten()
        .map(escape_markdown)
        .collect();
    }
    let body = window_of_paragraphs(&paragraphs, at, limits::DESCRIPTION - 200);
    View {
        content: None,
        embeds: vec![Embed {
            title: Some(format!(
                "{} · {}",
                lang.pick("上下文", "Context"),
                hit.citation
            )),
            description: Some(body),
            fields: Vec::new(),
            footer: Some(format!("{} — {}", hit.speaker, hit.document.title)),
            color: COLOR,
        }],
        buttons: Vec::new(),
        ephemeral: true,
    }
    .fit()
}

/// As many whole paragraphs around `at` as fit in `max` characters, nearest first.
fn window_of_paragraphs(paragraphs: &[String], at: usize, max: usize) -> String {
    let len = |s: &String| s.chars().count() + 2;
    let at = at.min(paragraphs.len().saturating_sub(1));
    let (mut lo, mut hi) = (at, at + 1);
    let mut used = paragraphs.get(at).map_or(0, len);
    loop {
        let mut grew = false;
        if hi < paragraphs.len() && used + len(&paragraphs[hi]) <= max {
            used += len(&paragraphs[hi]);
            hi += 1;
            grew = true;
        }
        if lo > 0 && used + len(&paragraphs[lo - 1]) <= max {
            used += len(&paragraphs[lo - 1]);
            lo -= 1;
            grew = true;
        }
        if !grew {
            break;
        }
    }
    let mut out = paragraphs[lo..hi.min(paragraphs.len())].join("\n\n");
    if lo > 0 {
        out = format!("…\n\n{out}");
    }
    if hi < paragraphs.len() {
        out.push_str("\n\n…");
    }
    truncate_chars(&out, max)
}

/// 'Question': the reporter's question a passage answers. Only the presser sees it.
pub fn question(hit: &Hit, lang: Lang) -> View {
    let body = match &hit.question {
        Some(q) => format!(
            "**{}**：{}",
            escape_markdown(&q.speaker),
            escape_markdown(&q.text)
        ),
        None => lang
            .pick(
                "这段回答的问题不在本记录中（接续上一版面）。",
                "The question this answers is not in the transcript (it continues from the previous page).",
            )
            .into(),
    };
    View {
        content: None,
        embeds: vec![Embed {
            title: Some(format!(
                "{} · {}",
                lang.pick("记者提问", "The question"),
                hit.topic
            )),
            description: Some(body),
            fields: Vec::new(),
            footer: Some(format!(
                "{} · /topic {}",
                hit.citation,
                truncate_chars(&hit.topic, 40)
            )),
            color: COLOR,
        }],
        buttons: Vec::new(),
        ephemeral: true,
    }
    .fit()
}

/// A whole exchange (`/topic`), cut into pages that fit an embed; `key` is its
/// [`crate::Engine::exchange_key`], for the page buttons.
pub fn exchange(view: &ExchangeView, key: &str, page: usize, lang: Lang) -> View {
    let s = &view.summary;
    let mut blocks = vec![match (&s.asker, &s.question) {
        (Some(a), Some(q)) => format!("**{}**：{}", escape_markdown(a), escape_markdown(q)),
        _ => lang
            .pick(
                "*（问题不在本记录中。）*",
                "*(the question is not in the transcript)*",
            )
            .into(),
    }];
    let mut last = "";
    for p in &view.answer {
        let who = if p.speaker != last {
            last = &p.speaker;
            format!("**{}**：", escape_markdown(&p.speaker))
        } else {
            String::new()
        };
        blocks.push(format!(
            "{who}{} `¶{}`",
            escape_markdown(&p.text),
            p.paragraph
        ));
    }
    let pages = paginate(&blocks, PAGE_CHARS);
    let page = page.min(pages.len() - 1);
    let mut buttons = Vec::new();
    if pages.len() > 1 {
        let press = |page| {
            Press::TopicPage {
                exchange: key.to_string(),
                page,
            }
            .custom_id()
        };
        buttons.push(Button {
            label: lang.pick("◀ 上一页", "◀ Previous page").into(),
            custom_id: press(page.saturating_sub(1)),
            primary: false,
            disabled: page == 0,
        });
        buttons.push(Button {
            label: lang.pick("下一页 ▶", "Next page ▶").into(),
            custom_id: press((page + 1).min(pages.len() - 1)),
            primary: true,
            disabled: page + 1 >= pages.len(),
        });
    }
    let date = view.document.date.as_deref().unwrap_or_default();
    View {
        content: None,
        embeds: vec![Embed {
            title: Some(format!(
                "{} — {} → {}",
                s.title,
                s.asker.as_deref().unwrap_or("—"),
                s.answerer
            )),
            description: Some(pages[page].clone()),
            fields: Vec::new(),
            footer: Some(format!(
                "{date} {} · {} {}/{}",
                view.document.title,
                lang.pick("页", "page"),
                page + 1,
                pages.len()
            )),
            color: COLOR,
        }],
        buttons,
        ephemeral: false,
    }
    .fit()
}

/// Packs blocks into pages of at most `max` characters; a block longer than a page is cut.
fn paginate(blocks: &[String], max: usize) -> Vec<String> {
    let mut pages: Vec<String> = Vec::new();
    let mut current = String::new();
    for block in blocks {
        let block = truncate_chars(block, max);
        if !current.is_empty() && current.chars().count() + 2 + block.chars().count() > max {
            pages.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push_str("\n\n");
        }
        current.push_str(&block);
    }
    pages.push(current);
    pages
}

/// Nothing matched: say so and point to /topic.
pub fn no_results(query: &str, lang: Lang, ephemeral: bool) -> View {
    let q = escape_markdown(&truncate_chars(query.trim(), 80));
    View::notice(
        match lang {
            Lang::Zh => {
                format!("没有找到回答「{q}」的段落。换个说法试试，或用 `/topic` 浏览记者会的话题。")
            }
            Lang::En => format!(
                "No passage answers “{q}”. Try other words, or browse the press conference's topics with `/topic`."
            ),
        },
        ephemeral,
    )
}

/// An autocomplete choice for an exchange: its name (≤ 100 characters) and value (its id).
pub fn topic_choice(t: &TopicSummary) -> (String, String) {
    let name = match (&t.asker, &t.question) {
        (Some(a), Some(q)) => format!("{} — {a}：{q}", t.title),
        _ => format!("{} — {}", t.title, t.answerer),
    };
    (truncate_chars(&name, limits::CHOICE_NAME), t.id.clone())
}

/// `/about`: what is indexed and how to use the bot.
pub fn about(stats: Stats, documents: &[(String, String)], lang: Lang) -> View {
    let mut listed: Vec<String> = documents
        .iter()
        .take(10)
        .map(|(date, title)| format!("• {date} {}", escape_markdown(title)))
        .collect();
    if documents.len() > 10 {
        listed.push(format!("… (+{})", documents.len() - 10));
    }
    let usage = lang.pick(
        "在聊天中 @我 提问，或用 `/ask`。`/topic` 按话题（中文或拼音）浏览问答，`/quote` 按引用查看段落。\
         回答全部引自记录原文，不含生成的文字。",
        "Mention me with a question, or use `/ask`. `/topic` browses the exchanges (Chinese or pinyin), \
         `/quote` shows a paragraph by its citation. Every answer is a quote from the transcripts; nothing is generated.",
    );
    View {
        content: None,
        embeds: vec![Embed {
            title: Some("pressroom".into()),
            description: Some(usage.into()),
            fields: vec![
                Field {
                    name: lang.pick("已收录", "Indexed").into(),
                    value: match lang {
                        Lang::Zh => format!(
                            "{} 份记录，{} 组问答，{} 个段落",
                            stats.documents, stats.exchanges, stats.passages
                        ),
                        Lang::En => format!(
                            "{} transcripts, {} exchanges, {} passages",
                            stats.documents, stats.exchanges, stats.passages
                        ),
                    },
                },
                Field {
                    name: lang.pick("记录", "Transcripts").into(),
                    value: listed.join("\n"),
                },
            ],
            footer: None,
            color: COLOR,
        }],
        buttons: Vec::new(),
        ephemeral: true,
    }
    .fit()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reply::{AnswerParagraph, Context, DocumentRef, QuestionRef};

    fn hit(n: usize, text: &str, words: &[&str]) -> Hit {
        let highlight_bytes: Vec<_> = words
            .iter()
            .map(|w| {
                let s = text.find(w).unwrap();
                s..s + w.len()
            })
            .collect();
        Hit {
            rank: n,
            score: 1.0,
            text: text.into(),
            matched: words.iter().map(|w| w.to_string()).collect(),
            highlights: vec![],
            highlight_bytes,
            speaker: "王毅".into(),
            question: Some(QuestionRef {
                speaker: "凤凰卫视记者".into(),
                text: "中方持何立场？@everyone".into(),
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
            paragraph: n + 6,
            citation: format!("2024-03-07 王毅记者会 ¶{}", n + 6),
            exchange: "d#2".into(),
            topic: "人工智能".into(),
            also: Vec::new(),
        }
    }

    fn three() -> (Vec<Hit>, Vec<String>) {
        let hits = vec![
            hit(
                1,
                "中国对人工智能合作持积极开放态度。",
                &["人工智能", "合作"],
            ),
            hit(2, "人工智能大国之间的合作很重要。", &["人工智能"]),
            hit(3, "发展中国家的能力建设也很重要。", &[]),
        ];
        let keys = (1..=3).map(|i| format!("abcdef.{}", i + 6)).collect();
        (hits, keys)
    }

    #[test]
    fn an_answer_quotes_the_focus_with_bold_words_question_and_citation() {
        let (hits, keys) = three();
        let v = answer(Some("人工智能 @everyone"), &hits, &keys, 0, Lang::Zh, 600);
        let e = &v.embeds[0];
        assert_eq!(
            e.description.as_deref(),
            Some("> 中国对**人工智能合作**持积极开放态度。")
        );
        assert_eq!(e.title.as_deref(), Some("王毅 · 人工智能"));
        assert_eq!(e.fields[0].name, "凤凰卫视记者 提问");
        assert!(e.fields[0].value.contains("@\u{200b}everyone"));
        assert_eq!(
            e.footer.as_deref(),
            Some("2024-03-07 王毅记者会 ¶7 · 结果 1/3")
        );
        assert!(v.content.as_deref().unwrap().contains("@\u{200b}everyone"));
        let labels: Vec<_> = v.buttons.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(labels, ["◀ 上一条", "下一条 ▶", "更多上下文", "记者提问"]);
        assert!(v.buttons[0].disabled && !v.buttons[1].disabled);
        // Every custom_id in a message is unique and parses back to its press.
        let ids: std::collections::HashSet<_> = v.buttons.iter().map(|b| &b.custom_id).collect();
        assert_eq!(ids.len(), 4);
        assert_eq!(
            Press::parse(&v.buttons[1].custom_id),
            Some(Press::Results {
                act: ResultAct::Next,
                focus: 1,
                passages: keys.clone(),
                terms: vec!["人工智能".into(), "合作".into()],
            })
        );
    }

    #[test]
    fn the_last_result_disables_next_and_english_labels_follow_the_locale() {
        let (hits, keys) = three();
        let v = answer(None, &hits, &keys, 2, Lang::En, 600);
        assert!(v.content.is_none());
        assert!(v.buttons[1].disabled && !v.buttons[0].disabled);
        assert_eq!(v.buttons[0].label, "◀ Previous");
        assert_eq!(v.embeds[0].fields[1].name, "Other results");
        assert!(
            v.embeds[0]
                .footer
                .as_deref()
                .unwrap()
                .ends_with("result 3/3")
        );
    }

    #[test]
    fn no_hits_say_so_and_point_to_topic() {
        let v = answer(Some("火星 **x**"), &[], &[], 0, Lang::Zh, 600);
        let c = v.content.unwrap();
        assert!(c.contains("/topic") && c.contains("\\*\\*x\\*\\*"), "{c}");
        assert!(v.embeds.is_empty() && v.buttons.is_empty());
    }

    #[test]
    fn fit_keeps_every_limit_in_characters() {
        let long = "长".repeat(10_000);
        let v = View {
            content: Some(long.clone()),
            embeds: vec![
                Embed {
                    title: Some(long.clone()),
                    description: Some(long.clone()),
                    fields: (0..30)
                        .map(|_| Field {
                            name: long.clone(),
                            value: long.clone(),
                        })
                        .collect(),
                    footer: Some(long.clone()),
                    color: 0,
                };
                3
            ],
            buttons: vec![],
            ephemeral: false,
        }
        .fit();
        assert_eq!(v.content.as_ref().unwrap().chars().count(), limits::CONTENT);
        assert!(v.embed_chars() <= limits::EMBEDS_TOTAL);
        for e in &v.embeds {
            assert!(e.title.as_ref().unwrap().chars().count() <= limits::TITLE);
            assert!(e.fields.len() <= limits::FIELDS);
            assert!(e.fields.iter().all(|f| !f.value.is_empty()));
        }
    }

    fn view(paragraphs: usize, len: usize) -> ExchangeView {
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

    #[test]
    fn long_exchanges_are_paged_and_every_paragraph_is_shown_once() {
        let x = view(12, 900);
        let first = exchange(&x, "abcdef#2", 0, Lang::Zh);
        let pages: usize = first.embeds[0]
            .footer
            .as_deref()
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!(pages >= 3);
        let mut seen = String::new();
        for p in 0..pages {
            let v = exchange(&x, "abcdef#2", p, Lang::Zh);
            assert!(v.embed_chars() <= limits::EMBEDS_TOTAL);
            seen.push_str(v.embeds[0].description.as_deref().unwrap());
        }
        for i in 10..22 {
            assert_eq!(seen.matches(&format!("`¶{i}`")).count(), 1, "¶{i}");
        }
        assert_eq!(
            Press::parse(&first.buttons[1].custom_id),
            Some(Press::TopicPage {
                exchange: "abcdef#2".into(),
                page: 1
            })
        );
        // A page past the end shows the last page.
        let last = exchange(&x, "abcdef#2", 99, Lang::Zh);
        assert!(last.buttons[1].disabled);
    }

    #[test]
    fn more_context_marks_the_passage_and_fits() {
        let (hits, _) = three();
        let mut x = view(30, 300);
        x.answer[15].paragraph = hits[0].paragraph;
        let v = more_context(&hits[0], Some(&x), Lang::En);
        let d = v.embeds[0].description.as_deref().unwrap();
        assert!(d.contains(&format!("**¶{}** ▶", hits[0].paragraph)));
        assert!(d.starts_with('…') && d.ends_with('…'));
        assert!(d.chars().count() <= limits::DESCRIPTION);
        assert!(v.ephemeral);
    }

    #[test]
    fn topic_choices_fit_discord() {
        let t = view(1, 10).summary;
        let long = TopicSummary {
            question: Some("问".repeat(300)),
            ..t
        };
        let (name, value) = topic_choice(&long);
        assert_eq!(name.chars().count(), limits::CHOICE_NAME);
        assert_eq!(value, "d#3");
    }
}
