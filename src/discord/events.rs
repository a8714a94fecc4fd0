//! Gateway events poise does not handle itself: chat messages (mentions, DMs, answer channels)
//! and button presses.

use poise::serenity_prelude as serenity;

use super::buttons::{Press, ResultAct};
use super::locale::Lang;
use super::render::{self, View};
use super::{Bot, send};
use crate::error::Error;

/// poise's event handler.
pub async fn handle(
    framework: poise::FrameworkContext<'_, Bot, Error>,
    event: &serenity::FullEvent,
) -> Result<(), Error> {
    let (ctx, bot) = (framework.serenity_context, framework.user_data);
    match event {
        serenity::FullEvent::Message { new_message } => {
            on_message(ctx, new_message, framework.bot_id(), bot).await
        }
        serenity::FullEvent::InteractionCreate {
            interaction: serenity::Interaction::Component(press),
        } => on_press(ctx, press, bot).await,
        serenity::FullEvent::Resume { .. } => {
            tracing::info!("gateway session resumed");
            Ok(())
        }
        _ => Ok(()),
    }
}

/// The question in a message addressed to the bot, without the mention itself; `None` when the
/// message does not concern the bot.
pub fn question_for_bot(
    msg: &serenity::Message,
    bot_id: serenity::UserId,
    answer_channels: &[u64],
) -> Option<String> {
    if msg.author.bot || msg.author.id == bot_id {
        return None;
    }
    let mentioned = msg.mentions.iter().any(|u| u.id == bot_id);
    let direct = msg.guild_id.is_none();
    let answer_channel = answer_channels.contains(&msg.channel_id.get());
    if !(mentioned || direct || answer_channel) {
        return None;
    }
    let id = bot_id.get();
    let text = msg
        .content
        .replace(&format!("<@{id}>"), " ")
        .replace(&format!("<@!{id}>"), " ");
    Some(text.trim().to_string())
}

async fn on_message(
    ctx: &serenity::Context,
    msg: &serenity::Message,
    bot_id: serenity::UserId,
    bot: &Bot,
) -> Result<(), Error> {
    let mentioned = msg.mentions.iter().any(|u| u.id == bot_id);
    // In a quiz thread, what members type (not addressed to the bot) is an answer.
    if !mentioned && super::study::on_message(ctx, msg, bot).await {
        return Ok(());
    }
    let Some(question) = question_for_bot(msg, bot_id, &bot.settings.discord.answer_channels)
    else {
        return Ok(());
    };
    let prefer = bot
        .study
        .current_exchange(&msg.channel_id.get().to_string());
    let lang = Lang::of_text(&question);
    let view = match bot.admit_question(msg.author.id.get(), &question) {
        Ok(()) => bot.answer_view(&question, bot.engine.default_top(), lang, prefer, false),
        Err(e) => View::notice(lang.user_error(&e), false),
    };
    let reply = send::message(&view).reference_message(msg);
    if let Err(e) = msg.channel_id.send_message(&ctx.http, reply).await {
        // Discord refused or failed (5xx, 429 behind a proxy): log it, keep serving.
        tracing::warn!(channel = %msg.channel_id, "could not send a reply: {e}");
    }
    Ok(())
}

/// What a press shows, and whether it replaces the pressed message or comes as a new
/// (ephemeral) one.
fn press_view(
    bot: &Bot,
    custom_id: &str,
    lang: Lang,
) -> Option<(View, bool /* update in place */)> {
    let engine = &bot.engine;
    match Press::parse(custom_id)? {
        Press::Results {
            act,
            focus,
            passages,
            terms,
        } => match act {
            ResultAct::Next | ResultAct::Previous => {
                // Results whose transcript was removed since are left out.
                let (keys, hits): (Vec<String>, Vec<_>) = passages
                    .iter()
                    .filter_map(|k| Some((k.clone(), engine.passage_by_key(k, &terms)?)))
                    .unzip();
                let focus = keys.iter().position(|k| *k == passages[focus])?;
                let view = render::answer(
                    None,
                    &hits,
                    &keys,
                    focus,
                    lang,
                    bot.settings.reply.max_chars,
                );
                Some((view, true))
            }
            ResultAct::More => {
                let hit = engine.passage_by_key(&passages[focus], &terms)?;
                let exchange = engine
                    .exchange_ref(&hit.exchange)
                    .and_then(|at| engine.exchange(at));
                Some((render::more_context(&hit, exchange.as_ref(), lang), false))
            }
            ResultAct::Question => {
                let hit = engine.passage_by_key(&passages[focus], &[])?;
                Some((render::question(&hit, lang), false))
            }
        },
        Press::TopicPage { exchange, page } => {
            let at = engine.exchange_by_key(&exchange)?;
            let view = engine.exchange(at)?;
            Some((render::exchange(&view, &exchange, page, lang), true))
        }
    }
}

async fn on_press(
    ctx: &serenity::Context,
    press: &serenity::ComponentInteraction,
    bot: &Bot,
) -> Result<(), Error> {
    let lang = Lang::from_locale(&press.locale);
    let response =
        if let Some((session, action)) = super::study::parse_button(&press.data.custom_id) {
            super::study::on_press(ctx, press, bot, session, action).await
        } else {
            match press_view(bot, &press.data.custom_id, lang) {
                Some((view, true)) => send::update(&view),
                Some((view, false)) => send::respond(&view),
                None => send::respond(&View::notice(
                    lang.pick(
                        "这个按钮指向的内容已经不在了；请重新提问。",
                        "What this button pointed to is gone; please ask again.",
                    ),
                    true,
                )),
            }
        };
    if let Err(e) = press.create_response(&ctx.http, response).await {
        tracing::warn!(custom_id = %press.data.custom_id, "could not answer a button: {e}");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Settings;
    use crate::engine::Engine;
    use std::sync::Arc;

    fn bot() -> Bot {
        let mut settings = Settings::load(None).unwrap();
        settings.store.path =
            std::env::temp_dir().join(format!("pressroom-unit-ev-{}.sqlite3", std::process::id()));
        let engine = Arc::new(Engine::load(&settings).unwrap());
        Bot::new(settings, engine).unwrap()
    }

    #[test]
    fn every_button_of_an_answer_does_its_job() {
        let bot = bot();
        let view = bot.answer_view("人工智能", 3, Lang::Zh, None, false);
        assert_eq!(view.buttons.len(), 4);
        let next = &view.buttons[1].custom_id;
        let (page2, update) = press_view(&bot, next, Lang::Zh).unwrap();
        assert!(update);
        assert!(
            page2.embeds[0]
                .footer
                .as_deref()
                .unwrap()
                .ends_with("结果 2/3")
        );
        assert!(
            page2.embeds[0]
                .description
                .as_deref()
                .unwrap()
                .contains("**")
        );
        let (back, _) = press_view(&bot, &page2.buttons[0].custom_id, Lang::Zh).unwrap();
        assert_eq!(back.embeds, view.embeds);
        let (more, update) = press_view(&bot, &view.buttons[2].custom_id, Lang::Zh).unwrap();
        assert!(!update && more.ephemeral);
        let (q, _) = press_view(&bot, &view.buttons[3].custom_id, Lang::En).unwrap();
        assert!(
            q.embeds[0]
                .description
                .as_deref()
                .unwrap()
                .contains("凤凰卫视记者")
        );
        assert!(press_view(&bot, "a|n|0|zzzzzz.1|", Lang::Zh).is_none());
    }
}
