//! Study posts on Discord: the item on screen with its buttons, answers, verdicts, the board
//! and the summary. Pure, like every renderer; the handlers are in `discord::study`.

use crate::discord::buttons::ButtonId;
use crate::discord::view::{Button, Embed, Field, View};
use crate::locale::Lang;
use crate::reply::render::{escape_markdown, truncate_chars};
use crate::study::render::LETTERS;
use crate::study::{Action, ItemKind, Post, Score, Summary};

/// Study posts have their own stripe, apart from answers.
const COLOR: u32 = 0x0038_a169;

fn kind_label(kind: ItemKind, lang: Lang) -> &'static str {
    match kind {
        ItemKind::Exchange => lang.pick("研读", "Walkthrough"),
        ItemKind::Cloze => lang.pick("填空", "Fill the blank"),
        ItemKind::WhoAsked => lang.pick("谁提的问", "Who asked"),
        ItemKind::WhichTopic => lang.pick("哪个话题", "Which topic"),
        ItemKind::WhichStatement => lang.pick("哪句话", "Which statement"),
    }
}

/// A study button's custom_id.
fn id(session: i64, action: Action) -> String {
    ButtonId::Study { session, action }.encode()
}

fn button(label: &str, custom_id: String, primary: bool) -> Button {
    Button {
        label: label.into(),
        custom_id,
        primary,
        disabled: false,
    }
}

/// The Discord rendering of a study post. Pure.
pub fn view(post: &Post, lang: Lang) -> View {
    let mut v = View::default();
    push(post, lang, &mut v);
    v.fit()
}

fn push(post: &Post, lang: Lang, v: &mut View) {
    match post {
        Post::Item {
            session,
            at,
            total,
            item,
            topic,
        } => {
            // A quiz question's title never names its topic: the topic is the answer of a
            // "which topic" question and often the word a cloze masks.
            let title = if item.kind == ItemKind::Exchange {
                format!(
                    "[{}/{}] {} · {}",
                    at + 1,
                    total,
                    kind_label(item.kind, lang),
                    topic
                )
            } else {
                format!("[{}/{}] {}", at + 1, total, kind_label(item.kind, lang))
            };
            let mut embed = Embed {
                title: Some(title),
                color: COLOR,
                ..Embed::default()
            };
            v.buttons.clear();
            if item.kind == ItemKind::Exchange {
                embed.description = Some(if item.prompt.is_empty() {
                    lang.pick(
                        "（问题不在本记录中：这段回答接续上一版面。）",
                        "(the question is not in the transcript)",
                    )
                    .to_string()
                } else {
                    format!("> {}", escape_markdown(&item.prompt))
                });
                embed.fields.push(Field {
                    name: lang.pick("讨论", "Discuss").into(),
                    value: format!(
                        "{}「{}」{}",
                        lang.pick("你预计回答会就", "What will the answer on "),
                        escape_markdown(topic),
                        lang.pick(
                            "强调哪些要点？讨论后点“揭晓答案”。",
                            " stress? Discuss, then press Reveal."
                        )
                    ),
                });
                v.buttons.extend([
                    button(
                        lang.pick("揭晓答案", "Reveal answer"),
                        id(*session, Action::Reveal { at: *at, page: 0 }),
                        true,
                    ),
                    button(
                        lang.pick("下一个", "Next"),
                        id(*session, Action::Next { at: *at }),
                        false,
                    ),
                    button(
                        lang.pick("跳过", "Skip"),
                        id(*session, Action::Skip { at: *at }),
                        false,
                    ),
                ]);
            } else {
                embed.description = Some(escape_markdown(&item.prompt));
                let choices: Vec<String> = item
                    .choices
                    .iter()
                    .enumerate()
                    .map(|(i, c)| format!("**{}** {}", LETTERS[i % 6], escape_markdown(c)))
                    .collect();
                embed.fields.push(Field {
                    name: lang
                        .pick(
                            "点按钮或在帖子里输入答案",
                            "Press a button or type your answer",
                        )
                        .into(),
                    value: choices.join("\n"),
                });
                for (i, letter) in LETTERS.iter().enumerate().take(item.choices.len().min(4)) {
                    let choose = Action::Choose { at: *at, choice: i };
                    v.buttons.push(button(letter, id(*session, choose), false));
                }
                // A typed answer through a form: needs no Message Content intent.
                v.buttons.push(button(
                    lang.pick("输入答案", "Type answer"),
                    ButtonId::AnswerForm {
                        session: *session,
                        at: *at,
                    }
                    .encode(),
                    false,
                ));
                v.buttons.push(button(
                    lang.pick("公布答案·下一题", "Answer & next"),
                    id(*session, Action::Next { at: *at }),
                    true,
                ));
            }
            v.buttons.push(button(
                lang.pick("结束", "End"),
                id(*session, Action::End),
                false,
            ));
            v.embeds.push(embed);
        }
        Post::Answer {
            session,
            at,
            page,
            pages,
            paragraphs,
        } => {
            let body: Vec<String> = paragraphs
                .iter()
                .map(|(who, text, cite)| {
                    format!(
                        "**{}**：{} `{}`",
                        escape_markdown(who),
                        escape_markdown(text),
                        cite
                    )
                })
                .collect();
            v.embeds.push(Embed {
                title: Some(format!(
                    "{} ({}/{})",
                    lang.pick("回答", "The answer"),
                    page + 1,
                    pages
                )),
                description: Some(body.join("\n\n")),
                color: COLOR,
                ..Embed::default()
            });
            v.buttons.clear();
            if page + 1 < *pages {
                let more = Action::Reveal {
                    at: *at,
                    page: page + 1,
                };
                v.buttons
                    .push(button(lang.pick("继续", "More"), id(*session, more), true));
            }
            v.buttons.push(button(
                lang.pick("下一个", "Next"),
                id(*session, Action::Next { at: *at }),
                page + 1 >= *pages,
            ));
        }
        Post::Solution { item, right } => {
            let mut fields = vec![Field {
                name: lang.pick("出处", "Source").into(),
                value: format!(
                    "> {}\n{}",
                    escape_markdown(&truncate_chars(&item.quote, 900)),
                    item.citation
                ),
            }];
            if !right.is_empty() {
                fields.push(Field {
                    name: lang.pick("答对的人", "Got it right").into(),
                    value: escape_markdown(&right.join("、")),
                });
            }
            v.embeds.push(Embed {
                title: Some(format!(
                    "{}{}",
                    lang.pick("答案：", "Answer: "),
                    truncate_chars(&item.answer, 200)
                )),
                fields,
                color: COLOR,
                ..Embed::default()
            });
        }
        Post::Judged {
            member,
            correct,
            counted,
        } => {
            let text = match (counted, correct) {
                (false, _) => lang
                    .pick(
                        "你已经答过这题了，以第一次回答为准。",
                        "You answered this one already; the first answer counts.",
                    )
                    .to_string(),
                (true, true) => format!(
                    "✅ {} {}",
                    escape_markdown(member),
                    lang.pick("答对了！", "is right!")
                ),
                (true, false) => format!(
                    "❌ {} {}",
                    escape_markdown(member),
                    lang.pick("答得不对。", "is not quite right.")
                ),
            };
            v.content = Some(text);
            v.ephemeral = true;
        }
        Post::Many(posts) => {
            for p in posts {
                push(p, lang, v);
            }
        }
        Post::Board(scores) => {
            v.embeds.push(Embed {
                title: Some(lang.pick("积分榜", "Scores").into()),
                description: Some(board(scores, lang)),
                color: COLOR,
                ..Embed::default()
            });
        }
        Post::Summary(s) => {
            v.buttons.clear();
            v.embeds.push(summary(s, lang));
        }
        Post::Stale => {
            v.content = Some(
                lang.pick("这一步已经结束了。", "That step is already over.")
                    .into(),
            );
            v.ephemeral = true;
        }
    }
}

fn board(scores: &[Score], lang: Lang) -> String {
    if scores.is_empty() {
        return lang
            .pick("还没有人作答。", "Nobody has answered yet.")
            .into();
    }
    scores
        .iter()
        .enumerate()
        .map(|(i, s)| {
            format!(
                "{}. {} — {}/{}",
                i + 1,
                escape_markdown(&s.name),
                s.right,
                s.answered
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn summary(s: &Summary, lang: Lang) -> Embed {
    let mut fields = vec![Field {
        name: lang.pick("积分", "Scores").into(),
        value: board(&s.scores, lang),
    }];
    for (item, wrong) in &s.missed {
        fields.push(Field {
            name: format!(
                "{} ×{wrong}: {}",
                lang.pick("答错", "Missed"),
                truncate_chars(&item.prompt, 150)
            ),
            value: format!(
                "{} **{}**\n> {}\n{}",
                lang.pick("答案", "Answer"),
                escape_markdown(&item.answer),
                escape_markdown(&truncate_chars(&item.quote, 600)),
                item.citation
            ),
        });
    }
    Embed {
        title: Some(format!(
            "{} · {}",
            lang.pick("学习会结束", "Session over"),
            s.title
        )),
        description: Some(match lang {
            Lang::Zh => format!(
                "完成 {}/{}，讨论了 {} 组问答。",
                s.done,
                s.total,
                s.covered.len()
            ),
            Lang::En => format!(
                "{}/{} done, {} exchange(s) covered.",
                s.done,
                s.total,
                s.covered.len()
            ),
        }),
        fields,
        color: COLOR,
        ..Embed::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::Item;

    #[test]
    fn no_quiz_question_names_its_topic_outside_the_prompt_and_choices() {
        for kind in [
            ItemKind::WhichTopic,
            ItemKind::Cloze,
            ItemKind::WhoAsked,
            ItemKind::WhichStatement,
        ] {
            let item = Item {
                kind,
                exchange: "d#1".into(),
                prompt: "哪个话题：中国连续____年成为第一大贸易伙伴".into(),
                choices: vec!["外交为民".into(), "人工智能".into(), "南海".into()],
                answer: "外交为民".into(),
                answer_index: Some(0),
                quote: String::new(),
                citation: String::new(),
            };
            let post = Post::Item {
                session: 7,
                at: 5,
                total: 8,
                item,
                topic: "外交为民".into(),
            };
            for lang in [Lang::Zh, Lang::En] {
                let v = view(&post, lang);
                let e = &v.embeds[0];
                assert!(
                    !e.title.as_deref().unwrap_or_default().contains("外交为民"),
                    "{kind:?}: {e:?}"
                );
                assert!(
                    e.fields.iter().all(|f| !f.name.contains("外交为民")),
                    "{kind:?}: {e:?}"
                );
            }
            let console = crate::study::render::console(&post);
            let head = console.lines().find(|l| l.starts_with('[')).unwrap();
            assert!(!head.contains("外交为民"), "{kind:?}: {console}");
        }
    }

    #[test]
    fn a_quiz_item_has_a_button_per_choice_then_next_and_end() {
        let item = Item {
            kind: ItemKind::Cloze,
            exchange: "d#1".into(),
            prompt: "中国连续____年成为非洲第一大贸易伙伴".into(),
            choices: vec!["15".into(), "10".into(), "20".into()],
            answer: "15".into(),
            answer_index: Some(0),
            quote: String::new(),
            citation: String::new(),
        };
        let post = Post::Item {
            session: 7,
            at: 2,
            total: 8,
            item,
            topic: "非洲".into(),
        };
        let v = view(&post, Lang::Zh);
        assert_eq!(v.embeds[0].title.as_deref(), Some("[3/8] 填空"));
        let pressed: Vec<ButtonId> = v
            .buttons
            .iter()
            .map(|b| ButtonId::decode(&b.custom_id))
            .collect();
        let study = |action| ButtonId::Study { session: 7, action };
        assert_eq!(
            pressed,
            [
                study(Action::Choose { at: 2, choice: 0 }),
                study(Action::Choose { at: 2, choice: 1 }),
                study(Action::Choose { at: 2, choice: 2 }),
                ButtonId::AnswerForm { session: 7, at: 2 },
                study(Action::Next { at: 2 }),
                study(Action::End),
            ]
        );
        let labels: Vec<&str> = v.buttons.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(
            labels,
            ["A", "B", "C", "输入答案", "公布答案·下一题", "结束"]
        );
    }
}
