//! The slash commands, declared with poise. Names and descriptions in en-US with zh-CN
//! localisations; replies in the language of the interaction's locale.

use poise::serenity_prelude as serenity;
use rand::Rng;

use super::render::{self, KeyedHit};
use super::say::{To, error_view, say, try_say};
use super::view::limits;
use super::{Bot, Context, lang};
use crate::engine::AskOptions;
use crate::error::{Error, UserError};
use crate::search::{Constraints, constraints};

/// Every command the bot registers.
pub fn all() -> Vec<poise::Command<Bot, Error>> {
    vec![ask(), topic(), quote(), about(), super::study::study()]
}

/// Answer a question by quoting the press conference
#[poise::command(
    slash_command,
    name_localized("zh-CN", "提问"),
    description_localized("zh-CN", "用记者会原文回答你的问题")
)]
async fn ask(
    ctx: Context<'_>,
    #[description = "Your question, e.g. 中方对人工智能合作持什么立场？"]
    #[name_localized("zh-CN", "问题")]
    #[description_localized("zh-CN", "你的问题，例如：中方对人工智能合作持什么立场？")]
    question: String,
    #[description = "How many results to page through (1-5)"]
    #[name_localized("zh-CN", "条数")]
    #[description_localized("zh-CN", "返回几条结果（1-5）")]
    #[min = 1]
    #[max = 5]
    top: Option<u8>,
    #[description = "Only what this speaker said"]
    #[name_localized("zh-CN", "发言人")]
    #[description_localized("zh-CN", "只看这位发言人的回答")]
    #[autocomplete = "speaker_choices"]
    speaker: Option<String>,
    #[description = "From this date (2019-05-20, 2019-05 or 2019)"]
    #[name_localized("zh-CN", "起始")]
    #[description_localized("zh-CN", "从这一天起（2019-05-20、2019-05 或 2019）")]
    from: Option<String>,
    #[description = "Up to this date (2019-05-31, 2019-05 or 2019)"]
    #[name_localized("zh-CN", "截止")]
    #[description_localized("zh-CN", "到这一天为止（2019-05-31、2019-05 或 2019）")]
    to: Option<String>,
) -> Result<(), Error> {
    let bot = ctx.data();
    bot.admit_question(ctx.author().id.get(), &question)?;
    let top = top
        .map_or(bot.engine().default_top(), usize::from)
        .clamp(1, 5);
    let date = |d: &Option<String>, end: bool| -> Result<Option<u64>, Error> {
        match d.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            None => Ok(None),
            Some(d) => {
                let day = if end {
                    constraints::parse_iso_end(d)
                } else {
                    constraints::parse_iso_day(d)
                };
                day.map(Some)
                    .ok_or_else(|| UserError::BadDate(d.chars().take(40).collect()).into())
            }
        }
    };
    let options = AskOptions {
        top,
        constraints: Constraints {
            since: date(&from, false)?,
            until: date(&to, true)?,
            speakers: speaker
                .into_iter()
                .filter(|s| !s.trim().is_empty())
                .collect(),
            ..Constraints::default()
        },
        // In a study thread, the exchange the group is on ranks first.
        prefer: bot
            .study
            .current_exchange(&ctx.channel_id().get().to_string()),
    };
    let view = bot.answer_view(&question, &options, lang(ctx), true);
    say(To::Command(ctx), &view).await
}

/// The library's speakers matching what is typed (Chinese or pinyin), at most 25.
async fn speaker_choices(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let typed = partial.trim().to_lowercase();
    let choices = ctx
        .data()
        .engine()
        .speakers()
        .iter()
        .filter(|s| {
            typed.is_empty()
                || s.contains(typed.as_str())
                || crate::engine::pinyin_keys(s).0.starts_with(&typed)
        })
        .take(limits::CHOICES)
        .map(|s| serenity::AutocompleteChoice::new(s.clone(), s.clone()))
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

pub(super) async fn topic_choices(
    ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let choices = ctx
        .data()
        .engine()
        .suggest_topics(partial, limits::CHOICES)
        .iter()
        .map(render::topic_choice)
        .filter(|(_, value)| value.chars().count() <= limits::CHOICE_NAME)
        .map(|(name, value)| serenity::AutocompleteChoice::new(name, value))
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// Show one exchange whole: the reporter's question and the full answer
#[poise::command(
    slash_command,
    name_localized("zh-CN", "话题"),
    description_localized("zh-CN", "查看一组完整问答：记者的提问和完整的回答")
)]
async fn topic(
    ctx: Context<'_>,
    #[description = "A topic (Chinese or pinyin, e.g. 南海 or nanhai)"]
    #[name_localized("zh-CN", "名称")]
    #[description_localized("zh-CN", "话题（中文或拼音，如 南海 或 nanhai）")]
    #[autocomplete = "topic_choices"]
    name: String,
) -> Result<(), Error> {
    let engine = &ctx.data().engine();
    let at = engine
        .exchange_ref(&name)
        .map_or_else(|| engine.find_exchange(&name), Ok)?;
    let view = engine
        .exchange(at)
        .ok_or_else(|| UserError::UnknownTopic(name.chars().take(60).collect()))?;
    let view = render::exchange(&view, &engine.exchange_key(at), 0, lang(ctx));
    say(To::Command(ctx), &view).await
}

/// Show one paragraph by its citation, or a random one
#[poise::command(
    slash_command,
    name_localized("zh-CN", "引文"),
    description_localized("zh-CN", "按引用查看一个段落，不填则随机一段")
)]
async fn quote(
    ctx: Context<'_>,
    #[description = "A citation such as 2024-03-07 王毅记者会 ¶7 (empty: a random paragraph)"]
    #[name_localized("zh-CN", "引用")]
    #[description_localized("zh-CN", "引用，如 2024-03-07 王毅记者会 ¶7（留空则随机）")]
    citation: Option<String>,
) -> Result<(), Error> {
    let bot = ctx.data();
    let hit = match citation.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        Some(c) => bot.engine().passage_by_citation(c)?,
        None => bot
            .engine()
            .passage_from_seed(rand::rng().random())
            .ok_or_else(|| UserError::UnknownCitation(String::new()))?,
    };
    let key = bot.engine().passage_key(&hit);
    let view = render::quote(
        &KeyedHit { hit, key },
        lang(ctx),
        bot.settings.reply.max_chars,
    );
    say(To::Command(ctx), &view).await
}

/// What pressroom has indexed and how to use it
#[poise::command(
    slash_command,
    name_localized("zh-CN", "关于"),
    description_localized("zh-CN", "已收录的内容和使用方法")
)]
async fn about(ctx: Context<'_>) -> Result<(), Error> {
    let engine = &ctx.data().engine();
    let documents: Vec<(String, String)> = engine
        .documents()
        .iter()
        .map(|d| (d.date.clone().unwrap_or_default(), d.title.clone()))
        .collect();
    say(
        To::Command(ctx),
        &render::about(engine.stats(), &documents, lang(ctx)),
    )
    .await
}

/// A failed command: the user reads why in their language, only they see it; an error of ours
/// is logged once (in [`error_view`]).
pub async fn on_error(error: poise::FrameworkError<'_, Bot, Error>) {
    match error {
        poise::FrameworkError::Command { error, ctx, .. } => {
            let during = format!("/{}", ctx.command().qualified_name);
            let view = error_view(&error, lang(ctx), &during, true);
            try_say(To::Command(ctx), &view).await;
        }
        // A message that mentions the bot is a question for the event handler, not an
        // unknown prefix command: nothing to log (poise would warn, with the message's text).
        poise::FrameworkError::UnknownCommand { .. } => {}
        other => {
            if let Err(e) = poise::builtins::on_error(other).await {
                tracing::warn!("error while handling an error: {e}");
            }
        }
    }
}
