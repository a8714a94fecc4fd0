//! The one way the handlers speak: [`say`] sends a view where it belongs, [`try_say`] does the
//! same and logs a failure instead of returning it (there is nobody left to tell), and
//! [`error_view`] is what a user reads about an error, logged once when it is ours.

use poise::serenity_prelude as serenity;

use super::view::View;
use super::{Context, send};
use crate::error::{Error, Result};
use crate::locale::Lang;

/// How the answer to a button press is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reply {
    /// The pressed message is replaced (paging through results).
    Update,
    /// A new message (ephemeral when the view says so).
    New,
}

/// Where a reply goes.
#[derive(Clone, Copy)]
pub enum To<'a> {
    /// The reply to a slash command.
    Command(Context<'a>),
    /// The response to a button press.
    Press {
        /// The client.
        http: &'a serenity::Http,
        /// The press.
        press: &'a serenity::ComponentInteraction,
        /// Replace the pressed message or add one.
        reply: Reply,
    },
    /// The response to a submitted form (a new message, ephemeral when the view says so).
    Submit {
        /// The client.
        http: &'a serenity::Http,
        /// The submission.
        submit: &'a serenity::ModalInteraction,
    },
    /// A message in a channel, as a reply to `reply_to` when given.
    Channel {
        /// The client.
        http: &'a serenity::Http,
        /// The channel.
        channel: serenity::ChannelId,
        /// The message replied to.
        reply_to: Option<&'a serenity::Message>,
    },
}

impl To<'_> {
    fn describe(&self) -> String {
        match self {
            To::Command(ctx) => format!("/{}", ctx.command().qualified_name),
            To::Press { press, .. } => format!("button {}", press.data.custom_id),
            To::Submit { submit, .. } => format!("form {}", submit.data.custom_id),
            To::Channel { channel, .. } => format!("channel {channel}"),
        }
    }
}

/// Sends `view` to `to`.
pub async fn say(to: To<'_>, view: &View) -> Result<()> {
    match to {
        To::Command(ctx) => {
            ctx.send(send::reply(view)).await?;
        }
        To::Press { http, press, reply } => {
            let response = match reply {
                Reply::Update => send::update(view),
                Reply::New => send::respond(view),
            };
            press.create_response(http, response).await?;
        }
        To::Submit { http, submit } => {
            submit.create_response(http, send::respond(view)).await?;
        }
        To::Channel {
            http,
            channel,
            reply_to,
        } => {
            let mut message = send::message(view);
            if let Some(m) = reply_to {
                message = message.reference_message(m);
            }
            channel.send_message(http, message).await?;
        }
    }
    Ok(())
}

/// How many times a reply is sent before giving up on a 429, a 5xx or a network failure.
const SEND_ATTEMPTS: u32 = 4;

/// Sends `view` to `to`. A passing failure (a 429, a 5xx, the network) is retried with backoff
/// (250 ms doubling; at least 1 s after a 429, which is what Discord's `Retry-After` says for a
/// route's bucket — serenity does not pass the header on when its rate limiter is off, as
/// behind a proxy); a refusal or the last failure is logged and the bot carries on.
pub async fn try_say(to: To<'_>, view: &View) {
    let mut delay = std::time::Duration::from_millis(250);
    for attempt in 1..=SEND_ATTEMPTS {
        let Err(e) = say(to, view).await else {
            return;
        };
        match passing(&e) {
            Some(floor) if attempt < SEND_ATTEMPTS => {
                let wait = delay.max(floor);
                tracing::info!(to = %to.describe(), attempt, wait_ms = wait.as_millis() as u64, "sending a reply failed ({e}); retrying");
                tokio::time::sleep(wait).await;
                delay *= 2;
            }
            _ => {
                tracing::warn!(to = %to.describe(), attempts = attempt, "could not send a reply; gave up: {e}");
                return;
            }
        }
    }
}

/// When `e` may pass if the request is sent again: the least time to wait first.
fn passing(e: &Error) -> Option<std::time::Duration> {
    let Error::Discord(e) = e else {
        return None;
    };
    match &**e {
        serenity::Error::Http(serenity::HttpError::UnsuccessfulRequest(r)) => {
            if r.status_code.as_u16() == 429 {
                Some(std::time::Duration::from_secs(1))
            } else if r.status_code.is_server_error() {
                Some(std::time::Duration::ZERO)
            } else {
                None
            }
        }
        serenity::Error::Http(serenity::HttpError::Request(_)) => Some(std::time::Duration::ZERO),
        _ => None,
    }
}

/// What a user reads about `error`, in `lang`; logged first (with its causes) when it is ours,
/// which is the one place that happens. `during` says what was being done.
pub fn error_view(error: &Error, lang: Lang, during: &str, ephemeral: bool) -> View {
    error.log_if_ours(during);
    View::notice(error.user_message(lang), ephemeral)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::UserError;

    #[test]
    fn errors_read_in_the_users_language() {
        let user = Error::from(UserError::NoSession);
        let v = error_view(&user, Lang::Zh, "a test", true);
        assert_eq!(v.content.as_deref(), Some("这里没有进行中的学习会。"));
        assert!(v.ephemeral);
        let ours = Error::Store("disk I/O error".into());
        let v = error_view(&ours, Lang::Zh, "a test", false);
        let text = v.content.unwrap();
        assert!(text.starts_with("抱歉") && !text.contains("disk"), "{text}");
        assert!(!v.ephemeral);
    }
}
