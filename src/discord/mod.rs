//! The Discord front (serenity + poise): chat answers, slash commands, buttons.

use crate::config::Settings;
use crate::engine::Engine;

/// Runs the bot until it is stopped.
pub fn serve(settings: Settings, engine: Engine) -> crate::Result<()> {
    let _ = (settings, engine);
    Err(crate::Error::Config(
        "the Discord front is not built yet".into(),
    ))
}

/// The OAuth2 URL that invites the bot with the scopes and permissions it needs.
pub fn invite_url(client_id: u64) -> String {
    format!(
        "https://discord.com/oauth2/authorize?client_id={client_id}&scope=bot+applications.commands"
    )
}
