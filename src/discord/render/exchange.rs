//! A whole exchange on Discord (`/topic`), in pages that fit an embed, and the autocomplete
//! choices that name exchanges.

use super::COLOR;
use crate::discord::buttons::ButtonId;
use crate::discord::view::{Button, Embed, View, limits};
use crate::locale::Lang;
use crate::reply::render::{escape_markdown, truncate_chars};
use crate::reply::{ExchangeView, TopicSummary};

/// The pages an exchange is cut into are at most this long (leaves room for title and footer).
const PAGE_CHARS: usize = 3500;

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
            ButtonId::TopicPage {
                exchange: key.to_string(),
                page,
            }
            .encode()
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

/// An autocomplete choice for an exchange: its name (≤ 100 characters) and value (its id).
pub fn topic_choice(t: &TopicSummary) -> (String, String) {
    let name = match (&t.asker, &t.question) {
        (Some(a), Some(q)) => format!("{} — {a}：{q}", t.title),
        _ => format!("{} — {}", t.title, t.answerer),
    };
    (truncate_chars(&name, limits::CHOICE_NAME), t.id.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reply::render::fixtures::exchange_view;

    #[test]
    fn long_exchanges_are_paged_and_every_paragraph_is_shown_once() {
        let x = exchange_view(12, 900);
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
            ButtonId::decode(&first.buttons[1].custom_id),
            ButtonId::TopicPage {
                exchange: "abcdef#2".into(),
                page: 1
            }
        );
        // A page past the end shows the last page.
        let last = exchange(&x, "abcdef#2", 99, Lang::Zh);
        assert!(last.buttons[1].disabled);
    }

    #[test]
    fn topic_choices_fit_discord() {
        let t = exchange_view(1, 10).summary;
        let long = TopicSummary {
            question: Some("问".repeat(300)),
            ..t
        };
        let (name, value) = topic_choice(&long);
        assert_eq!(name.chars().count(), limits::CHOICE_NAME);
        assert_eq!(value, "d#3");
    }
}
