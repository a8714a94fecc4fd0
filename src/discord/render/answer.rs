//! An answer on Discord: the focused result in full with buttons to page through the others,
//! a single passage (`/quote`), and what the 'More context' and 'Question' buttons show.

use super::COLOR;
use crate::discord::buttons::{ButtonId, ResultAct};
use crate::discord::view::{Button, Embed, Field, View, limits};
use crate::locale::Lang;
use crate::reply::render::{Highlight, escape_markdown, marked_text, truncate_chars};
use crate::reply::{ExchangeView, Hit};

/// A hit with its [`crate::Engine::passage_key`], which its buttons carry.
#[derive(Debug, Clone)]
pub struct KeyedHit {
    /// The passage.
    pub hit: Hit,
    /// Its key.
    pub key: String,
}

/// The answer to a question: the focused result in full (quote with matched words in bold,
/// speaker, the question it answered, citation), the others listed, and buttons to move
/// between results, see more context, or read the reporter's question.
pub fn answer(
    query: Option<&str>,
    hits: &[KeyedHit],
    focus: usize,
    lang: Lang,
    max_quote: usize,
) -> View {
    let Some(KeyedHit { hit, .. }) = hits.get(focus) else {
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
            .map(|(i, KeyedHit { hit: h, .. })| {
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
    let terms: Vec<String> = hits
        .iter()
        .flat_map(|h| h.hit.matched.iter().cloned())
        .fold(Vec::new(), |mut acc, t| {
            if !acc.contains(&t) {
                acc.push(t);
            }
            acc
        });
    let keys: Vec<String> = hits.iter().map(|h| h.key.clone()).collect();
    let press = |act, focus| {
        ButtonId::Results {
            act,
            focus,
            passages: keys.clone(),
            terms: terms.clone(),
        }
        .encode()
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
pub fn quote(KeyedHit { hit, key }: &KeyedHit, lang: Lang, max_quote: usize) -> View {
    let mut embed = passage_embed(hit, lang, max_quote);
    embed.footer = Some(hit.citation.clone());
    let press = |act| {
        ButtonId::Results {
            act,
            focus: 0,
            passages: vec![key.clone()],
            terms: Vec::new(),
        }
        .encode()
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
    let mut fields = vec![question];
    if !hit.context.list.is_empty() {
        // The list the passage opens (it ends on a colon) is the answer it announces, each
        // point cut to its share of a field (and a line break).
        let each = (limits::FIELD_VALUE / hit.context.list.len())
            .saturating_sub(1)
            .min(crate::reply::render::LIST_ITEM_MAX_CHARS);
        fields.push(Field {
            name: lang.pick("所列各点", "The points it lists").into(),
            value: hit
                .context
                .list
                .iter()
                // Cut after escaping, which lengthens the text.
                .map(|item| truncate_chars(&escape_markdown(item), each))
                .collect::<Vec<_>>()
                .join("\n"),
        });
    }
    if let Some(also) = crate::reply::render::also_said(hit) {
        fields.push(Field {
            name: lang.pick("同样的表态", "Said before").into(),
            value: escape_markdown(&also),
        });
    }
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
        fields,
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

/// Why nothing in the library answers a question, with the nearest topics as buttons that
/// open them (`(title, exchange key)` each).
pub fn abstained(
    query: &str,
    why: &str,
    topics: &[(String, String)],
    lang: Lang,
    ephemeral: bool,
) -> View {
    let q = escape_markdown(&truncate_chars(query.trim(), 80));
    let why = escape_markdown(why);
    let mut text = match lang {
        Lang::Zh => format!("资料库里没有能回答「{q}」的原文（{why}）。"),
        Lang::En => format!("Nothing in the library answers “{q}” ({why})."),
    };
    text.push(' ');
    text.push_str(if topics.is_empty() {
        lang.pick(
            "换个说法试试，或用 `/topic` 浏览话题。",
            "Try other words, or browse the topics with `/topic`.",
        )
    } else {
        lang.pick("最接近的话题：", "The nearest topics:")
    });
    let buttons = topics
        .iter()
        .take(limits::BUTTONS)
        .map(|(title, key)| Button {
            label: truncate_chars(title, limits::LABEL),
            custom_id: ButtonId::TopicPage {
                exchange: key.clone(),
                page: 0,
            }
            .encode(),
            primary: false,
            disabled: false,
        })
        .collect();
    View {
        content: Some(text),
        buttons,
        ephemeral,
        ..View::default()
    }
    .fit()
}

/// The line under a question that says which constraints were applied (`only 2019-05 · 陆慷`),
/// or that none matched and the results ignore them.
pub fn filters_note(filters: &str, relaxed: bool, ignored: Option<&str>, lang: Lang) -> String {
    let f = escape_markdown(filters);
    match (lang, relaxed, ignored.map(escape_markdown)) {
        (Lang::Zh, true, _) => format!("*没有符合「{f}」的段落，以下结果未按此筛选*"),
        (Lang::En, true, _) => format!("*nothing matched {f}; these results ignore it*"),
        (Lang::Zh, false, Some(i)) => {
            format!("*仅限：{f}（再加上「{i}」就没有符合的段落，已忽略）*")
        }
        (Lang::En, false, Some(i)) => {
            format!("*only {f} (nothing matched {i} as well, so that is ignored)*")
        }
        (Lang::Zh, false, None) => format!("*仅限：{f}*"),
        (Lang::En, false, None) => format!("*only {f}*"),
    }
}

/// The line under a browsed selection ([`crate::reply::Answer::browsing`]): its exchanges,
/// not an answer to a question.
pub fn browsing_note(filters: &str, one_briefing: bool, lang: Lang) -> String {
    let f = escape_markdown(filters);
    match (lang, one_briefing) {
        (Lang::Zh, false) => format!("*「{f}」的问答，由近及远；加上话题即可搜索*"),
        (Lang::Zh, true) => format!("*「{f}」的问答；加上话题即可搜索*"),
        (Lang::En, false) => {
            format!("*the exchanges of {f}, latest first: name a subject to search*")
        }
        (Lang::En, true) => format!("*the exchanges of {f}: name a subject to search*"),
    }
}

/// What an English question was searched as: its word-for-word reading in Chinese.
pub fn read_as_note(reading: &str, lang: Lang) -> String {
    let r = escape_markdown(&truncate_chars(reading, 200));
    match lang {
        Lang::Zh => format!("*按中文检索：{r}*"),
        Lang::En => format!("*read in Chinese as: {r}*"),
    }
}

/// Said under a tentative answer ([`crate::reply::Answer::tentative`]).
pub fn tentative_note(lang: Lang) -> &'static str {
    lang.pick(
        "*这是最接近的原文，未必正面回答了你的问题*",
        "*the closest passage; it may not answer the question itself*",
    )
}

/// A button whose content is gone (its transcript was removed, or the id is from an older
/// bot): said only to the presser.
pub fn expired(lang: Lang) -> View {
    View::notice(
        lang.pick(
            "这个按钮指向的内容已经不在了；请重新提问。",
            "What this button pointed to is gone; please ask again.",
        ),
        true,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reply::render::fixtures::{exchange_view, hit};

    fn three() -> Vec<KeyedHit> {
        let mut hits = vec![
            hit(
                1,
                "中国对人工智能合作持积极开放态度。",
                &["人工智能", "合作"],
            ),
            hit(2, "人工智能大国之间的合作很重要。", &["人工智能"]),
            hit(3, "发展中国家的能力建设也很重要。", &[]),
        ];
        for h in &mut hits {
            h.question.as_mut().unwrap().text.push_str("@everyone");
        }
        hits.into_iter()
            .zip(1..)
            .map(|(hit, i)| KeyedHit {
                hit,
                key: format!("abcdef.{}", i + 6),
            })
            .collect()
    }

    #[test]
    fn an_answer_quotes_the_focus_with_bold_words_question_and_citation() {
        let hits = three();
        let keys: Vec<String> = hits.iter().map(|h| h.key.clone()).collect();
        let v = answer(Some("人工智能 @everyone"), &hits, 0, Lang::Zh, 600);
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
            ButtonId::decode(&v.buttons[1].custom_id),
            ButtonId::Results {
                act: ResultAct::Next,
                focus: 1,
                passages: keys.clone(),
                terms: vec!["人工智能".into(), "合作".into()],
            }
        );
    }

    #[test]
    fn the_last_result_disables_next_and_english_labels_follow_the_locale() {
        let hits = three();
        let v = answer(None, &hits, 2, Lang::En, 600);
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
    fn the_list_a_passage_opens_is_a_field_within_discords_limit() {
        let mut hits = three();
        hits[0].hit.context.list = (1..=6)
            .map(|n| format!("{n}、{}", "要点*".repeat(200)))
            .collect();
        let v = answer(None, &hits, 0, Lang::En, 600);
        let field = &v.embeds[0].fields[1];
        assert_eq!(field.name, "The points it lists");
        assert_eq!(field.value.lines().count(), 6);
        assert!(field.value.starts_with("1、要点\\*") && field.value.contains("\n6、"));
        assert!(
            field.value.chars().count() <= limits::FIELD_VALUE,
            "{}",
            field.value
        );
    }

    #[test]
    fn no_hits_say_so_and_point_to_topic() {
        let v = answer(Some("火星 **x**"), &[], 0, Lang::Zh, 600);
        let c = v.content.unwrap();
        assert!(c.contains("/topic") && c.contains("\\*\\*x\\*\\*"), "{c}");
        assert!(v.embeds.is_empty() && v.buttons.is_empty());
    }

    #[test]
    fn more_context_marks_the_passage_and_fits() {
        let hits = three();
        let hits: Vec<&Hit> = hits.iter().map(|h| &h.hit).collect();
        let mut x = exchange_view(30, 300);
        x.answer[15].paragraph = hits[0].paragraph;
        let v = more_context(hits[0], Some(&x), Lang::En);
        let d = v.embeds[0].description.as_deref().unwrap();
        assert!(d.contains(&format!("**¶{}** ▶", hits[0].paragraph)));
        assert!(d.starts_with('…') && d.ends_with('…'));
        assert!(d.chars().count() <= limits::DESCRIPTION);
        assert!(v.ephemeral);
    }

    #[test]
    fn abstaining_says_why_and_offers_topics_that_open() {
        let topics: Vec<(String, String)> = (0..7)
            .map(|i| (format!("话题{i}{}", "长".repeat(100)), format!("k{i}#{i}")))
            .collect();
        let v = abstained(
            "@everyone 火星？",
            "nothing in the library answers this",
            &topics,
            Lang::En,
            true,
        );
        let c = v.content.as_deref().unwrap();
        assert!(
            c.starts_with("Nothing in the library answers “@\u{200b}everyone 火星？”"),
            "{c}"
        );
        assert!(c.ends_with("The nearest topics:"), "{c}");
        assert_eq!(v.buttons.len(), limits::BUTTONS);
        for (b, (_, key)) in v.buttons.iter().zip(&topics) {
            assert!(b.label.chars().count() <= limits::LABEL);
            assert_eq!(
                ButtonId::decode(&b.custom_id),
                ButtonId::TopicPage {
                    exchange: key.clone(),
                    page: 0
                }
            );
        }
        assert!(v.ephemeral);
        let none = abstained("q", "why", &[], Lang::Zh, false);
        assert!(none.buttons.is_empty());
        let c = none.content.unwrap();
        assert!(!c.contains("话题：") && c.contains("/topic"), "{c}");
    }

    #[test]
    fn filter_notes_say_what_was_applied_or_relaxed() {
        assert_eq!(
            filters_note("2019-05 · 陆慷", false, None, Lang::En),
            "*only 2019\\-05 · 陆慷*"
        );
        assert!(filters_note("陆慷", true, None, Lang::Zh).contains("未按此筛选"));
        assert!(tentative_note(Lang::Zh).contains("未必正面回答"));
        assert_eq!(
            browsing_note("2019-05-20", false, Lang::En),
            "*the exchanges of 2019\\-05\\-20, latest first: name a subject to search*"
        );
        assert!(tentative_note(Lang::En).contains("may not answer"));
        let partly = filters_note("2018-01", false, Some("王毅"), Lang::Zh);
        assert!(
            partly.contains(r"2018\-01") && partly.contains("「王毅」"),
            "{partly}"
        );
        // An English question's reading, its markup escaped.
        assert_eq!(
            read_as_note("中国*立场*", Lang::En),
            r"*read in Chinese as: 中国\*立场\**"
        );
        assert!(read_as_note("中国立场", Lang::Zh).contains("按中文检索"));
    }
}
