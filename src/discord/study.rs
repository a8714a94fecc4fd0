//! Study sessions in Discord threads: `/study start|score|end`, the session's buttons, and
//! typed answers in the thread. The session logic is in [`crate::study`]; this module renders
//! its posts (purely) and sends them.

use poise::serenity_prelude as serenity;

use super::locale::Lang;
use super::render::{Button, Embed, Field, View};
use super::{Bot, Context, send};
use crate::error::{Error, UserError};
use crate::reply::render::{escape_markdown, truncate_chars};
use crate::study::render::LETTERS;
use crate::study::{Action, ItemKind, Member, Mode, Post, Summary};

const COLOR: u32 = 0x0038_a169;

/// The session modes as a slash-command choice.
#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum StudyMode {
    /// Exchange by exchange.
    #[name = "walkthrough"]
    #[name_localized("zh-CN", "逐题研读")]
    Walkthrough,
    /// A scored quiz.
    #[name = "quiz"]
    #[name_localized("zh-CN", "测验")]
    Quiz,
}

/// A study button's custom_id: `st|<session>|<act>|<item>|<extra>`.
pub fn button_id(session: i64, act: char, at: usize, extra: usize) -> String {
    format!("st|{session}|{act}|{at}|{extra}")
}

/// Reads a study button back.
pub fn parse_button(id: &str) -> Option<(i64, Action)> {
    let mut p = id.split('|');
    if p.next()? != "st" {
        return None;
    }
    let session = p.next()?.parse().ok()?;
    let act = p.next()?;
    let at = p.next()?.parse().ok()?;
    let extra: usize = p.next()?.parse().ok()?;
    let action = match act {
        "r" => Action::Reveal { at, page: extra },
        "n" => Action::Next { at },
        "s" => Action::Skip { at },
        "e" => Action::End,
        "c" => Action::Choose { at, choice: extra },
        _ => return None,
    };
    Some((session, action))
}

fn kind_label(kind: ItemKind, lang: Lang) -> &'static str {
    match kind {
        ItemKind::Exchange => lang.pick("研读", "Walkthrough"),
        ItemKind::Cloze => lang.pick("填空", "Fill the blank"),
        ItemKind::WhoAsked => lang.pick("谁提的问", "Who asked"),
        ItemKind::WhichTopic => lang.pick("哪个话题", "Which topic"),
        ItemKind::WhichStatement => lang.pick("哪句话", "Which statement"),
    }
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
            let title = format!(
                "[{}/{}] {} · {}",
                at + 1,
                total,
                kind_label(item.kind, lang),
                topic
            );
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
                v.buttons.push(button(
                    lang.pick("揭晓答案", "Reveal answer"),
                    button_id(*session, 'r', *at, 0),
                    true,
                ));
                v.buttons.push(button(
                    lang.pick("下一个", "Next"),
                    button_id(*session, 'n', *at, 0),
                    false,
                ));
                v.buttons.push(button(
                    lang.pick("跳过", "Skip"),
                    button_id(*session, 's', *at, 0),
                    false,
                ));
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
                    v.buttons
                        .push(button(letter, button_id(*session, 'c', *at, i), false));
                }
                v.buttons.push(button(
                    lang.pick("公布答案·下一题", "Answer & next"),
                    button_id(*session, 'n', *at, 0),
                    true,
                ));
            }
            v.buttons.push(button(
                lang.pick("结束", "End"),
                button_id(*session, 'e', *at, 0),
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
                v.buttons.push(button(
                    lang.pick("继续", "More"),
                    button_id(*session, 'r', *at, page + 1),
                    true,
                ));
            }
            v.buttons.push(button(
                lang.pick("下一个", "Next"),
                button_id(*session, 'n', *at, 0),
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

fn board(scores: &[crate::study::Score], lang: Lang) -> String {
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

fn lang(ctx: Context<'_>) -> Lang {
    Lang::from_locale(ctx.locale().unwrap_or("en-US"))
}

fn member_of(user: &serenity::User, member: Option<&serenity::Member>) -> Member {
    Member {
        id: user.id.get().to_string(),
        name: member
            .and_then(|m| m.nick.clone())
            .or_else(|| user.global_name.clone())
            .unwrap_or_else(|| user.name.clone()),
        can_manage: member
            .and_then(|m| m.permissions)
            .is_some_and(|p| p.manage_threads()),
    }
}

/// Group study sessions in threads
#[poise::command(
    slash_command,
    guild_only,
    subcommands("start", "score", "end"),
    name_localized("zh-CN", "学习会"),
    description_localized("zh-CN", "在子区里一起研读记者会")
)]
pub(super) async fn study(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Start a session in a new thread
#[poise::command(
    slash_command,
    name_localized("zh-CN", "开始"),
    description_localized("zh-CN", "在新子区里开始一场学习会")
)]
async fn start(
    ctx: Context<'_>,
    #[description = "A topic (empty: the whole transcript)"]
    #[name_localized("zh-CN", "话题")]
    #[description_localized("zh-CN", "话题（留空则整场记者会）")]
    #[autocomplete = "super::commands::topic_choices"]
    topic: Option<String>,
    #[description = "walkthrough (default) or quiz"]
    #[name_localized("zh-CN", "方式")]
    #[description_localized("zh-CN", "逐题研读（默认）或测验")]
    mode: Option<StudyMode>,
) -> Result<(), Error> {
    let bot = ctx.data();
    let lang = lang(ctx);
    let mode = match mode {
        Some(StudyMode::Quiz) => Mode::Quiz,
        _ => Mode::Walkthrough,
    };
    // Check the topic before making a thread for it.
    let name = match topic.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => {
            let at = bot
                .engine
                .exchange_ref(t)
                .map_or_else(|| bot.engine.find_exchange(t), Ok)?;
            bot.engine.topic(at).title
        }
        None => bot
            .engine
            .documents()
            .first()
            .map(|d| d.label.clone())
            .unwrap_or_default(),
    };
    ctx.defer().await?;
    let kind = match mode {
        Mode::Quiz => lang.pick("测验", "Quiz"),
        Mode::Walkthrough => lang.pick("学习会", "Study"),
    };
    let thread = ctx
        .channel_id()
        .create_thread(
            ctx.http(),
            serenity::CreateThread::new(truncate_chars(&format!("{kind} · {name}"), 100))
                .kind(serenity::ChannelType::PublicThread)
                .auto_archive_duration(serenity::AutoArchiveDuration::OneDay),
        )
        .await?;
    let host = ctx.author().id.get().to_string();
    let (_, first) =
        bot.study
            .start(&thread.id.get().to_string(), &host, topic.as_deref(), mode)?;
    thread
        .id
        .send_message(ctx.http(), send::message(&view(&first, lang)))
        .await?;
    let text = format!(
        "{} <#{}>",
        lang.pick("学习会已开始：", "The session has started:"),
        thread.id
    );
    ctx.send(send::reply(&View::notice(text, false))).await?;
    Ok(())
}

fn session_here(ctx: Context<'_>) -> Result<crate::study::SessionRow, Error> {
    ctx.data()
        .study
        .session_in(&ctx.channel_id().get().to_string())?
        .ok_or_else(|| UserError::NoSession.into())
}

/// Show the scores of this thread's session
#[poise::command(
    slash_command,
    name_localized("zh-CN", "积分"),
    description_localized("zh-CN", "查看本子区学习会的积分")
)]
async fn score(ctx: Context<'_>) -> Result<(), Error> {
    let row = session_here(ctx)?;
    let scores = ctx.data().study.board(row.id)?;
    ctx.send(send::reply(&view(&Post::Board(scores), lang(ctx))))
        .await?;
    Ok(())
}

/// End this thread's session with a summary
#[poise::command(
    slash_command,
    name_localized("zh-CN", "结束"),
    description_localized("zh-CN", "结束本子区的学习会并总结")
)]
async fn end(ctx: Context<'_>) -> Result<(), Error> {
    let row = session_here(ctx)?;
    let member = member_of(ctx.author(), ctx.author_member().await.as_deref());
    let post = ctx.data().study.act(row.id, &member, Action::End)?;
    ctx.send(send::reply(&view(&post, lang(ctx)))).await?;
    Ok(())
}

/// A study button was pressed.
pub async fn on_press(
    ctx: &serenity::Context,
    press: &serenity::ComponentInteraction,
    bot: &Bot,
    session: i64,
    action: Action,
) -> serenity::CreateInteractionResponse {
    let lang = Lang::from_locale(&press.locale);
    let member = member_of(&press.user, press.member.as_ref());
    let _ = ctx;
    match bot.study.act(session, &member, action) {
        Ok(post) => send::respond(&view(&post, lang)),
        Err(Error::User(e)) => send::respond(&View::notice(lang.user_error(&e), true)),
        Err(e) => {
            tracing::error!("study button failed: {e}");
            send::respond(&View::notice(e.user_message(), true))
        }
    }
}

/// A message in a thread with a quiz running: a typed answer. Returns false when the message
/// is not for the session (no quiz here).
pub async fn on_message(ctx: &serenity::Context, msg: &serenity::Message, bot: &Bot) -> bool {
    let place = msg.channel_id.get().to_string();
    let Ok(Some(row)) = bot.study.session_in(&place) else {
        return false;
    };
    if row.mode != Mode::Quiz || msg.author.bot || msg.content.trim().is_empty() {
        return false;
    }
    let member = member_of(&msg.author, None);
    let lang = Lang::of_text(&msg.content);
    let post = match bot
        .study
        .act(row.id, &member, Action::Typed(msg.content.clone()))
    {
        Ok(post) => post,
        Err(e) => {
            tracing::warn!("typed answer failed: {e}");
            return true;
        }
    };
    let mut v = view(&post, lang);
    v.ephemeral = false;
    if let Err(e) = msg
        .channel_id
        .send_message(&ctx.http, send::message(&v).reference_message(msg))
        .await
    {
        tracing::warn!("could not send a verdict: {e}");
    }
    true
}

/// Closes idle sessions every minute and posts their summaries in their threads.
pub async fn close_idle_sessions(
    http: std::sync::Arc<serenity::Http>,
    study: std::sync::Arc<crate::study::Study>,
) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(60));
    loop {
        tick.tick().await;
        let closed = match study.close_idle() {
            Ok(c) => c,
            Err(e) => {
                tracing::error!("closing idle sessions failed: {e}");
                continue;
            }
        };
        for (row, summary) in closed {
            let Ok(thread) = row.place.parse::<u64>() else {
                continue;
            };
            let v = view(&Post::Summary(summary), Lang::Zh);
            if let Err(e) = serenity::ChannelId::new(thread)
                .send_message(&http, send::message(&v))
                .await
            {
                tracing::warn!(thread, "could not post an idle session's summary: {e}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn study_buttons_round_trip_and_fit() {
        for (act, action) in [
            ('r', Action::Reveal { at: 3, page: 1 }),
            ('n', Action::Next { at: 3 }),
            ('s', Action::Skip { at: 3 }),
            ('c', Action::Choose { at: 3, choice: 1 }),
        ] {
            let id = button_id(i64::MAX, act, 3, 1);
            assert!(id.len() <= 100);
            assert_eq!(parse_button(&id), Some((i64::MAX, action)));
        }
        assert_eq!(parse_button("st|1|e|0|0"), Some((1, Action::End)));
        assert_eq!(parse_button("a|n|0|k.1|"), None);
        assert_eq!(parse_button("st|x|n|0|0"), None);
    }
}
