//! Turning a rendered [`View`] into serenity's builders. Every builder gets allowed mentions
//! "none": the bot never pings anyone, whatever text it quotes or echoes.

use poise::serenity_prelude as serenity;
use serenity::{
    ButtonStyle, CreateActionRow, CreateAllowedMentions, CreateButton, CreateEmbed,
    CreateEmbedFooter, CreateInteractionResponse, CreateInteractionResponseMessage, CreateMessage,
};

use super::view::View;

/// No @everyone, no roles, no users, and no ping of the author of a replied-to message.
pub fn no_mentions() -> CreateAllowedMentions {
    CreateAllowedMentions::new().replied_user(false)
}

fn embeds(view: &View) -> Vec<CreateEmbed> {
    view.embeds
        .iter()
        .map(|e| {
            let mut b = CreateEmbed::new().colour(e.color);
            if let Some(t) = &e.title {
                b = b.title(t);
            }
            if let Some(d) = &e.description {
                b = b.description(d);
            }
            for f in &e.fields {
                b = b.field(&f.name, &f.value, false);
            }
            if let Some(f) = &e.footer {
                b = b.footer(CreateEmbedFooter::new(f));
            }
            b
        })
        .collect()
}

fn components(view: &View) -> Vec<CreateActionRow> {
    // Five buttons to a row, as Discord allows.
    view.buttons
        .chunks(super::view::limits::BUTTONS)
        .map(|row| {
            CreateActionRow::Buttons(
                row.iter()
                    .map(|b| {
                        CreateButton::new(&b.custom_id)
                            .label(&b.label)
                            .style(if b.primary {
                                ButtonStyle::Primary
                            } else {
                                ButtonStyle::Secondary
                            })
                            .disabled(b.disabled)
                    })
                    .collect(),
            )
        })
        .collect()
}

/// A channel message (a reply to a chat question).
pub fn message(view: &View) -> CreateMessage {
    let mut m = CreateMessage::new()
        .embeds(embeds(view))
        .components(components(view))
        .allowed_mentions(no_mentions());
    if let Some(c) = &view.content {
        m = m.content(c);
    }
    m
}

/// A poise reply (slash commands).
pub fn reply(view: &View) -> poise::CreateReply {
    let mut r = poise::CreateReply::default()
        .components(components(view))
        .ephemeral(view.ephemeral)
        .allowed_mentions(no_mentions());
    for e in embeds(view) {
        r = r.embed(e);
    }
    if let Some(c) = &view.content {
        r = r.content(c);
    }
    r
}

fn interaction_message(view: &View) -> CreateInteractionResponseMessage {
    let mut m = CreateInteractionResponseMessage::new()
        .embeds(embeds(view))
        .components(components(view))
        .ephemeral(view.ephemeral)
        .allowed_mentions(no_mentions());
    if let Some(c) = &view.content {
        m = m.content(c);
    }
    m
}

/// A new message in answer to a button press.
pub fn respond(view: &View) -> CreateInteractionResponse {
    CreateInteractionResponse::Message(interaction_message(view))
}

/// The pressed message, updated in place (content is left as it was unless the view has one).
pub fn update(view: &View) -> CreateInteractionResponse {
    CreateInteractionResponse::UpdateMessage(interaction_message(view))
}
