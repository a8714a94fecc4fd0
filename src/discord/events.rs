//! Gateway events poise does not handle itself: chat messages (mentions, DMs, answer channels)
//! and button presses.

use poise::serenity_prelude as serenity;

use super::buttons::{ButtonId, ResultAct};
use super::render::{self, KeyedHit};
use super::say::{Reply, To, error_view, try_say};
use super::view::View;
use super::{Bot, study};
use crate::engine::AskOptions;
use crate::error::Error;
use crate::locale::Lang;

/// poise's event handler.
pub async fn handle(
    framework: poise::FrameworkContext<'_, Bot, Error>,
    event: &serenity::FullEvent,
) -> Result<(), Error> {
    let (ctx, bot) = (framework.serenity_context, framework.user_data);
    match event {
        serenity::FullEvent::Message { new_message } => {
            on_message(ctx, new_message, framework.bot_id(), bot).await;
        }
        serenity::FullEvent::InteractionCreate {
            interaction: serenity::Interaction::Component(press),
        } => on_press(ctx, press, bot).await,
        serenity::FullEvent::InteractionCreate {
            interaction: serenity::Interaction::Modal(submit),
        } => on_submit(ctx, submit, bot).await,
        serenity::FullEvent::Resume { .. } => tracing::info!("gateway session resumed"),
        _ => {}
    }
    Ok(())
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
) {
    if msg.author.bot || msg.author.id == bot_id {
        return;
    }
    let mentioned = msg.mentions.iter().any(|u| u.id == bot_id);
    // In a quiz thread, what members type (not addressed to the bot) is an answer.
    if !mentioned && study::on_message(ctx, msg, bot).await {
        return;
    }
    let Some(question) = question_for_bot(msg, bot_id, &bot.settings.discord.answer_channels)
    else {
        return;
    };
    let study = bot.study.clone();
    let place = msg.channel_id.get().to_string();
    let prefer = tokio::task::spawn_blocking(move || study.current_exchange(&place))
        .await
        .ok()
        .flatten();
    let lang = Lang::of_text(&question);
    let view = match bot.admit_question(msg.author.id.get(), &question) {
        Ok(()) => {
            let options = AskOptions {
                top: bot.engine().default_top(),
                prefer,
                ..AskOptions::default()
            };
            bot.answer_view(&question, &options, lang, false)
        }
        Err(e) => error_view(&e.into(), lang, "checking a chat question", false),
    };
    let to = To::Channel {
        http: &ctx.http,
        channel: msg.channel_id,
        reply_to: Some(msg),
    };
    try_say(to, &view).await;
}

/// What a press shows, and whether it replaces the pressed message or comes as a new
/// (ephemeral) one. Study presses act on the session on behalf of `member`.
fn press_view(bot: &Bot, id: ButtonId, member: &crate::study::Member, lang: Lang) -> (View, Reply) {
    let engine = &bot.engine();
    let shown = match id {
        ButtonId::Results {
            act: ResultAct::Next | ResultAct::Previous,
            focus,
            passages,
            terms,
        } => {
            // Results whose transcript was removed since are left out.
            let hits: Vec<KeyedHit> = passages
                .iter()
                .filter_map(|key| {
                    let hit = engine.passage_by_key(key, &terms)?;
                    Some(KeyedHit {
                        hit,
                        key: key.clone(),
                    })
                })
                .collect();
            hits.iter()
                .position(|h| h.key == passages[focus])
                .map(|focus| {
                    let max = bot.settings.reply.max_chars;
                    let view = render::answer(None, &hits, focus, lang, max);
                    (view, Reply::Update)
                })
        }
        ButtonId::Results {
            act: ResultAct::More,
            focus,
            passages,
            terms,
        } => engine.passage_by_key(&passages[focus], &terms).map(|hit| {
            let exchange = engine
                .exchange_ref(&hit.exchange)
                .and_then(|at| engine.exchange(at));
            let view = render::more_context(&hit, exchange.as_ref(), lang);
            (view, Reply::New)
        }),
        ButtonId::Results {
            act: ResultAct::Question,
            focus,
            passages,
            ..
        } => engine
            .passage_by_key(&passages[focus], &[])
            .map(|hit| (render::question(&hit, lang), Reply::New)),
        ButtonId::TopicPage { exchange, page } => engine
            .exchange_by_key(&exchange)
            .and_then(|at| engine.exchange(at))
            .map(|view| {
                (
                    render::exchange(&view, &exchange, page, lang),
                    Reply::Update,
                )
            }),
        ButtonId::Study { session, action } => {
            Some(study::on_press(bot, session, action, member, lang))
        }
        // Opens a form (see `on_press`); nothing to show here.
        ButtonId::AnswerForm { .. } | ButtonId::Expired => None,
    };
    shown.unwrap_or_else(|| (render::expired(lang), Reply::New))
}

async fn on_press(ctx: &serenity::Context, press: &serenity::ComponentInteraction, bot: &Bot) {
    let lang = Lang::from_locale(&press.locale);
    let member = study::member_of(&press.user, press.member.as_ref());
    let (view, reply) = match ButtonId::decode(&press.data.custom_id) {
        ButtonId::AnswerForm { at, .. } => {
            let form = answer_form(&press.data.custom_id, at, lang);
            if let Err(e) = press.create_response(&ctx.http, form).await {
                tracing::warn!("could not open the answer form: {e}");
            }
            return;
        }
        // A study press writes the store: on a blocking thread, not the async runtime.
        ButtonId::Study { session, action } => {
            let study = bot.study.clone();
            let acting = member.clone();
            match tokio::task::spawn_blocking(move || study.act(session, &acting, action)).await {
                Ok(result) => study::press_result(result, lang),
                Err(e) => {
                    tracing::error!(error = %e, "a study press failed");
                    (render::expired(lang), Reply::New)
                }
            }
        }
        id => press_view(bot, id, &member, lang),
    };
    let to = To::Press {
        http: &ctx.http,
        press,
        reply,
    };
    try_say(to, &view).await;
}

/// The form a quiz's "Type answer" button opens: one line of text.
fn answer_form(custom_id: &str, at: usize, lang: Lang) -> serenity::CreateInteractionResponse {
    let title = match lang {
        Lang::Zh => format!("第 {} 题的答案", at + 1),
        Lang::En => format!("Your answer to question {}", at + 1),
    };
    let input = serenity::CreateInputText::new(
        serenity::InputTextStyle::Short,
        lang.pick("答案", "Answer"),
        "answer",
    )
    .max_length(200)
    .required(true);
    serenity::CreateInteractionResponse::Modal(
        serenity::CreateModal::new(custom_id, title)
            .components(vec![serenity::CreateActionRow::InputText(input)]),
    )
}

/// A submitted answer form: the typed answer to the item it was opened on (stale when the
/// session has moved on), judged as a button press is, on a blocking thread.
async fn on_submit(ctx: &serenity::Context, submit: &serenity::ModalInteraction, bot: &Bot) {
    let lang = Lang::from_locale(&submit.locale);
    let ButtonId::AnswerForm { session, at } = ButtonId::decode(&submit.data.custom_id) else {
        return;
    };
    let text: String = submit
        .data
        .components
        .iter()
        .flat_map(|row| row.components.iter())
        .find_map(|c| match c {
            serenity::ActionRowComponent::InputText(t) => t.value.clone(),
            _ => None,
        })
        .unwrap_or_default();
    let member = study::member_of(&submit.user, submit.member.as_ref());
    let study = bot.study.clone();
    let acted = tokio::task::spawn_blocking(move || match study.session(session)? {
        Some(row) if row.open && row.position == at => {
            study.act(session, &member, crate::study::Action::Typed(text))
        }
        _ => Ok(crate::study::Post::Stale),
    })
    .await;
    let (view, _) = match acted {
        Ok(result) => study::press_result(result, lang),
        Err(e) => {
            tracing::error!(error = %e, "an answer form failed");
            (render::expired(lang), Reply::New)
        }
    };
    let to = To::Submit {
        http: &ctx.http,
        submit,
    };
    try_say(to, &view).await;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Settings;
    use crate::engine::Engine;
    use std::sync::Arc;

    fn bot() -> Bot {
        let settings = Settings::for_tests();
        let engine = Arc::new(Engine::load(&settings).unwrap());
        Bot::in_memory(settings, engine)
    }

    fn press(bot: &Bot, custom_id: &str, lang: Lang) -> (View, Reply) {
        let member = crate::study::Member {
            id: "1".into(),
            name: "tester".into(),
            can_manage: false,
        };
        press_view(bot, ButtonId::decode(custom_id), &member, lang)
    }

    #[test]
    fn every_button_of_an_answer_does_its_job() {
        let bot = bot();
        let options = AskOptions {
            top: 3,
            ..AskOptions::default()
        };
        let view = bot.answer_view("人工智能", &options, Lang::Zh, false);
        assert_eq!(view.buttons.len(), 4);
        let next = &view.buttons[1].custom_id;
        let (page2, reply) = press(&bot, next, Lang::Zh);
        assert_eq!(reply, Reply::Update);
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
        let (back, _) = press(&bot, &page2.buttons[0].custom_id, Lang::Zh);
        assert_eq!(back.embeds, view.embeds);
        let (more, reply) = press(&bot, &view.buttons[2].custom_id, Lang::Zh);
        assert!(reply == Reply::New && more.ephemeral);
        let (q, _) = press(&bot, &view.buttons[3].custom_id, Lang::En);
        assert!(
            q.embeds[0]
                .description
                .as_deref()
                .unwrap()
                .contains("凤凰卫视记者")
        );
        for gone in ["a|n|0|zzzzzz.1|", "st:1:next", "t|zzzzzz#1|0"] {
            let (v, reply) = press(&bot, gone, Lang::Zh);
            assert_eq!(
                (v, reply),
                (render::expired(Lang::Zh), Reply::New),
                "{gone}"
            );
        }
    }

    #[test]
    fn a_study_press_on_no_session_says_so_in_the_users_language() {
        let bot = bot();
        let (v, reply) = press(&bot, "st|42|n|0|0", Lang::Zh);
        assert_eq!(reply, Reply::New);
        assert_eq!(v.content.as_deref(), Some("这里没有进行中的学习会。"));
        assert!(v.ephemeral);
    }
}
