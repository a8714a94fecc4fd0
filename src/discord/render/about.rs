//! `/about` on Discord: what is indexed and how to use the bot.

use super::COLOR;
use crate::discord::view::{Embed, Field, View};
use crate::engine::Stats;
use crate::locale::Lang;
use crate::reply::render::escape_markdown;

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
