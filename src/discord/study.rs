//! Study sessions in Discord threads: `/study start|score|end`, the session's buttons, and
//! typed answers in the thread. The session logic is in [`crate::study`]; the posts are drawn
//! by [`super::render::study`].

use poise::serenity_prelude as serenity;

use super::render;
use super::say::{Reply, To, error_view, try_say};
use super::view::View;
use super::{Bot, Context, lang, send};
use crate::error::{Error, UserError};
use crate::locale::Lang;
use crate::reply::render::truncate_chars;
use crate::study::{Action, Member, Mode, Post, SessionRow};

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

/// The member acting, as the study service knows them.
pub fn member_of(user: &serenity::User, member: Option<&serenity::Member>) -> Member {
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
    let name = bot.engine().study_scope(topic.as_deref())?.name;
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
        .send_message(ctx.http(), send::message(&render::study(&first, lang)))
        .await?;
    let text = format!(
        "{} <#{}>",
        lang.pick("学习会已开始：", "The session has started:"),
        thread.id
    );
    super::say::say(To::Command(ctx), &View::notice(text, false)).await
}

fn session_here(ctx: Context<'_>) -> Result<SessionRow, Error> {
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
    let view = render::study(&Post::Board(scores), lang(ctx));
    super::say::say(To::Command(ctx), &view).await
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
    super::say::say(To::Command(ctx), &render::study(&post, lang(ctx))).await
}

/// A study button was pressed: the session acts on it (or says why not). Answered with a new
/// message, which the renderer makes ephemeral where only the presser needs it.
pub fn on_press(
    bot: &Bot,
    session: i64,
    action: Action,
    member: &Member,
    lang: Lang,
) -> (View, Reply) {
    press_result(bot.study.act(session, member, action), lang)
}

/// What a study press shows, from what the session did.
pub fn press_result(result: crate::error::Result<Post>, lang: Lang) -> (View, Reply) {
    let view = match result {
        Ok(post) => render::study(&post, lang),
        Err(e) => error_view(&e, lang, "a study button", true),
    };
    (view, Reply::New)
}

/// A message in a thread with a quiz running: a typed answer. Returns false when the message
/// is not for the session (no quiz here). The cheap checks come first; the store is read on a
/// blocking thread, never on the async runtime.
pub async fn on_message(ctx: &serenity::Context, msg: &serenity::Message, bot: &Bot) -> bool {
    if msg.author.bot || msg.content.trim().is_empty() {
        return false;
    }
    let place = msg.channel_id.get().to_string();
    // The name the member goes by here (their server nickname), as a button press has it.
    let member = Member {
        name: msg
            .member
            .as_ref()
            .and_then(|m| m.nick.clone())
            .or_else(|| msg.author.global_name.clone())
            .unwrap_or_else(|| msg.author.name.clone()),
        ..member_of(&msg.author, None)
    };
    let study = bot.study.clone();
    let content = msg.content.clone();
    let acted = tokio::task::spawn_blocking(move || {
        let row = match study.session_in(&place) {
            Ok(Some(row)) => row,
            Ok(None) => return None,
            Err(e) => {
                // Without the store we cannot tell whether this is an answer; treat it as a
                // chat message, which is what it is when no quiz runs here.
                e.log_if_ours("looking up a thread's study session");
                return None;
            }
        };
        (row.mode == Mode::Quiz).then(|| study.act(row.id, &member, Action::Typed(content)))
    })
    .await
    .ok()
    .flatten();
    let Some(acted) = acted else {
        return false;
    };
    let lang = Lang::of_text(&msg.content);
    let view = match acted {
        // The verdict on a typed answer is for the whole thread to see.
        Ok(post) => View {
            ephemeral: false,
            ..render::study(&post, lang)
        },
        Err(e) => error_view(&e, lang, "a typed quiz answer", false),
    };
    let to = To::Channel {
        http: &ctx.http,
        channel: msg.channel_id,
        reply_to: Some(msg),
    };
    try_say(to, &view).await;
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
                e.log_if_ours("closing idle sessions");
                continue;
            }
        };
        for (row, summary) in closed {
            let Ok(thread) = row.place.parse::<u64>() else {
                continue;
            };
            let to = To::Channel {
                http: &http,
                channel: serenity::ChannelId::new(thread),
                reply_to: None,
            };
            try_say(to, &render::study(&Post::Summary(summary), Lang::Zh)).await;
        }
    }
}
