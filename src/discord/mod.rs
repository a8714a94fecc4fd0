//! The Discord front (serenity + poise): chat answers, slash commands, buttons.
//!
//! Everything a handler needs is in one [`Bot`] built at start and shared by poise (its `Data`).
//! Handlers call the engine and the pure renderers in [`render`], which build a [`view::View`];
//! [`say`] sends it (and turns errors into what the user reads), through [`send`], which makes
//! serenity's builders with mentions switched off. Every button's custom_id is a
//! [`buttons::ButtonId`].

pub mod buttons;
mod commands;
mod events;
pub mod render;
pub mod say;
pub mod send;
pub mod study;
pub mod view;

use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use arc_swap::ArcSwap;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use poise::serenity_prelude as serenity;

use crate::config::Settings;
use crate::engine::Engine;
use crate::error::{Error, Result, UserError};
use crate::locale::Lang;
use crate::study::{SessionStore, SqliteStore, Study};

/// The shared state of the bot: poise's `Data`.
pub struct Bot {
    /// The engine every handler asks: swapped whole by [`Bot::reload`] (SIGHUP), so a
    /// handler works with one engine from start to end.
    engine: Arc<ArcSwap<Engine>>,
    /// The settings it started with.
    pub settings: Settings,
    /// Study sessions (SQLite at `store.path`).
    pub study: Arc<Study>,
    limiter: DefaultKeyedRateLimiter<u64>,
}

/// poise's context for our commands.
pub type Context<'a> = poise::Context<'a, Bot, Error>;

impl Bot {
    /// The state for `settings` over `engine`; opens the study store at `store.path`.
    pub fn new(settings: Settings, engine: Arc<Engine>) -> Result<Bot> {
        let store = SqliteStore::open(&settings.store.path)?;
        Ok(Bot::with_store(settings, engine, Arc::new(store)))
    }

    /// The state with study sessions kept in `store`.
    pub fn with_store(
        settings: Settings,
        engine: Arc<Engine>,
        store: Arc<dyn SessionStore>,
    ) -> Bot {
        Bot::sharing(settings, Arc::new(ArcSwap::new(engine)), store)
    }

    /// The state over an engine slot shared with others (the reconnect loop and the SIGHUP
    /// reload): whatever is swapped into it serves this bot's next handler.
    pub fn sharing(
        settings: Settings,
        engine: Arc<ArcSwap<Engine>>,
        store: Arc<dyn SessionStore>,
    ) -> Bot {
        let rl = settings.discord.rate_limit;
        let questions = NonZeroU32::new(rl.questions).unwrap_or(NonZeroU32::MIN);
        // GCRA: a burst of `questions`, refilled evenly over `seconds`.
        let period = Duration::from_secs(rl.seconds) / questions.get();
        let quota = Quota::with_period(period.max(Duration::from_millis(1)))
            .expect("period is positive")
            .allow_burst(questions);
        let idle = Duration::from_secs(settings.study.idle_minutes * 60);
        let study = Arc::new(Study::new(engine.load_full(), store, idle));
        Bot {
            engine,
            settings,
            study,
            limiter: RateLimiter::keyed(quota),
        }
    }

    /// The state with an in-memory study store (tests).
    #[cfg(test)]
    pub(crate) fn in_memory(settings: Settings, engine: Arc<Engine>) -> Bot {
        let store = SqliteStore::in_memory().expect("an in-memory SQLite database opens");
        Bot::with_store(settings, engine, Arc::new(store))
    }

    /// The engine now serving (a reload swaps it; this one stays whole while it is held).
    pub fn engine(&self) -> Arc<Engine> {
        self.engine.load_full()
    }

    /// Re-reads the data folder and swaps the engine in; see [`reload`].
    pub async fn reload(&self) -> Result<String, String> {
        reload(&self.engine, &self.settings).await
    }

    /// Takes one question from `user`'s allowance, or says how long to wait.
    pub fn take_question(&self, user: u64) -> Result<(), UserError> {
        if self.limiter.len() > 10_000 {
            self.limiter.retain_recent();
        }
        self.limiter.check_key(&user).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            UserError::RateLimited {
                seconds: wait.as_secs_f64().ceil().max(1.0) as u64,
            }
        })
    }

    /// Checks a typed question (rate limit, then length and content).
    pub fn admit_question(&self, user: u64, question: &str) -> Result<(), UserError> {
        self.engine()
            .check_question(question, self.settings.discord.max_question_chars)?;
        self.take_question(user)
    }

    /// The answer view for a question (no hits: the "nothing found" notice, or why nothing in
    /// the library answers it with the nearest topics as buttons).
    pub fn answer_view(
        &self,
        question: &str,
        options: &crate::engine::AskOptions,
        lang: Lang,
        ephemeral_when_empty: bool,
    ) -> view::View {
        let engine = self.engine();
        let answer = engine.ask_with(question, options);
        let read_as = answer
            .read_as
            .as_deref()
            .map(|r| render::read_as_note(r, lang));
        if answer.hits.is_empty() {
            let mut view = match &answer.abstained {
                Some(why) => {
                    let topics: Vec<(String, String)> = answer
                        .suggestions
                        .iter()
                        .filter_map(|t| {
                            let at = engine.exchange_ref(&t.id)?;
                            Some((t.title.clone(), engine.exchange_key(at)))
                        })
                        .collect();
                    render::abstained(
                        question,
                        &why.reason(lang),
                        &topics,
                        lang,
                        ephemeral_when_empty,
                    )
                }
                None => render::no_results(question, lang, ephemeral_when_empty),
            };
            if let Some(note) = &read_as {
                view.add_line(note);
            }
            return view.fit();
        }
        let ignored = answer.ignored.clone();
        let tentative = answer.tentative;
        let browsing = answer.browsing;
        let one_briefing = answer.browses_one_briefing();
        let note = answer.filters.as_deref().map(|f| (f, answer.relaxed));
        let hits: Vec<render::KeyedHit> = answer
            .hits
            .into_iter()
            .map(|hit| render::KeyedHit {
                key: engine.passage_key(&hit),
                hit,
            })
            .collect();
        let mut view = render::answer(
            Some(question),
            &hits,
            0,
            lang,
            self.settings.reply.max_chars,
        );
        if let Some((filters, relaxed)) = note {
            view.add_line(&if browsing {
                render::browsing_note(filters, one_briefing, lang)
            } else {
                render::filters_note(filters, relaxed, ignored.as_deref(), lang)
            });
        }
        if let Some(note) = &read_as {
            view.add_line(note);
        }
        if tentative {
            view.add_line(render::tentative_note(lang));
        }
        view.fit()
    }
}

/// Re-reads the data folder (off the async threads) and swaps the new engine in. The old
/// engine keeps serving, and the reason is returned, when loading fails, when a transcript
/// that was not already skipped cannot be read, or when no document is left.
pub async fn reload(swap: &ArcSwap<Engine>, settings: &Settings) -> Result<String, String> {
    let s = settings.clone();
    let loaded = tokio::task::spawn_blocking(move || Engine::load(&s))
        .await
        .map_err(|e| format!("the reload stopped: {e}"))?;
    let engine = loaded.map_err(|e| format!("kept the transcripts already served: {e}"))?;
    let old = swap.load();
    let new_errors: Vec<String> = engine
        .load_errors()
        .iter()
        .filter(|e| !old.load_errors().iter().any(|o| o.path == e.path))
        .map(|e| e.to_string())
        .collect();
    if !new_errors.is_empty() {
        return Err(format!(
            "kept the transcripts already served: {}",
            new_errors.join("; ")
        ));
    }
    if engine.stats().documents == 0 {
        return Err("kept the transcripts already served: the data folder has none".into());
    }
    let summary = crate::cli::data_summary(&engine, settings);
    swap.store(Arc::new(engine));
    Ok(summary)
}

/// Reloads on every SIGHUP, logging what is served or why the old engine stays.
async fn reload_on_sighup(swap: Arc<ArcSwap<Engine>>, settings: Settings) {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let Ok(mut hup) = signal(SignalKind::hangup()) else {
            tracing::warn!("cannot listen for SIGHUP: reloading needs a restart");
            return;
        };
        while hup.recv().await.is_some() {
            tracing::info!("SIGHUP: re-reading the data folder");
            match reload(&swap, &settings).await {
                Ok(summary) => tracing::info!("reloaded: {summary}"),
                Err(why) => tracing::error!("reload refused: {why}"),
            }
        }
    }
    #[cfg(not(unix))]
    let _ = (swap, settings);
}

/// The language of a slash command's user, by their Discord locale.
fn lang(ctx: Context<'_>) -> Lang {
    Lang::from_locale(ctx.locale().unwrap_or("en-US"))
}

/// The gateway intents the bot asks for. Message content is privileged; Discord gives it to
/// a bot without the intent for DMs and messages that mention it, so it is asked for only
/// when answer channels (where every message is a question) are configured or
/// `discord.message_content` asks for typed quiz answers.
pub fn intents(settings: &Settings) -> serenity::GatewayIntents {
    let mut intents = serenity::GatewayIntents::GUILDS
        | serenity::GatewayIntents::GUILD_MESSAGES
        | serenity::GatewayIntents::DIRECT_MESSAGES;
    if !settings.discord.answer_channels.is_empty() || settings.discord.message_content {
        intents |= serenity::GatewayIntents::MESSAGE_CONTENT;
    }
    intents
}

/// Runs the bot until it is stopped (blocking; builds its own tokio runtime).
pub fn serve(settings: Settings, engine: Engine) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Config(format!("cannot start the async runtime: {e}")))?;
    runtime.block_on(run(settings, Arc::new(engine)))
}

/// Connects to Discord (or `discord.proxy_url`), registers the slash commands and answers until
/// the connection ends for good. Reconnects and HTTP failures are handled inside.
pub async fn run(settings: Settings, engine: Arc<Engine>) -> Result<()> {
    // Open the study store before connecting: a bad path fails at once, not mid-session.
    let store: Arc<dyn SessionStore> = Arc::new(SqliteStore::open(&settings.store.path)?);
    run_with_store(settings, engine, store).await
}

/// [`run`] with study sessions kept in `store`.
pub async fn run_with_store(
    settings: Settings,
    engine: Arc<Engine>,
    store: Arc<dyn SessionStore>,
) -> Result<()> {
    let token = settings.discord.token.clone();
    if token.is_empty() {
        return Err(Error::Config(
            "no Discord token: set DISCORD_TOKEN (or discord.token); see the README".into(),
        ));
    }
    let guild = settings.discord.guild_id;
    let intents = intents(&settings);
    let gateway_timeout = Duration::from_secs(settings.discord.gateway_timeout_seconds);
    let idle_closer_started = Arc::new(std::sync::atomic::AtomicBool::new(false));
    tracing::info!("serving {}", crate::cli::data_summary(&engine, &settings));
    // One engine slot for every connection the loop below makes: a SIGHUP reload swaps it.
    let shared = Arc::new(ArcSwap::new(engine));
    tokio::spawn(reload_on_sighup(shared.clone(), settings.clone()));
    loop {
        let mut http = serenity::HttpBuilder::new(token.expose());
        if !settings.discord.proxy_url.is_empty() {
            // serenity ignores the proxy while its own ratelimiter is on; behind a proxy the
            // proxy does the rate limiting.
            http = http
                .proxy(settings.discord.proxy_url.trim_end_matches('/'))
                .ratelimiter_disabled(true);
        }
        let http = http.build();
        let bot = Bot::sharing(settings.clone(), shared.clone(), store.clone());
        let idle_closer_started = idle_closer_started.clone();
        let framework = poise::Framework::builder()
            .options(poise::FrameworkOptions {
                commands: commands::all(),
                on_error: |error| Box::pin(commands::on_error(error)),
                event_handler: |framework, event| Box::pin(events::handle(framework, event)),
                allowed_mentions: Some(send::no_mentions()),
                ..Default::default()
            })
            .setup(move |ctx, ready, framework| {
                Box::pin(async move {
                    let commands =
                        poise::builtins::create_application_commands(&framework.options().commands);
                    tracing::info!(
                        "connected as {} to {} servers, {} transcripts; registering {} slash commands",
                        ready.user.name,
                        ready.guilds.len(),
                        bot.engine().stats().documents,
                        commands.len()
                    );
                    // Registration runs beside the bot, retried until it goes through: a 5xx
                    // or a 429 at start must not leave a bot that is connected but answers
                    // nothing.
                    tokio::spawn(register_commands(ctx.http.clone(), commands, guild));
                    if !idle_closer_started.swap(true, std::sync::atomic::Ordering::SeqCst) {
                        tokio::spawn(study::close_idle_sessions(
                            ctx.http.clone(),
                            bot.study.clone(),
                        ));
                    }
                    Ok(bot)
                })
            })
            .build();
        let mut client = serenity::ClientBuilder::new_with_http(http, intents)
            .framework(framework)
            .await?;
        let manager = client.shard_manager.clone();
        tokio::select! {
            result = client.start() => {
                result?;
                return Ok(());
            }
            () = gateway_watchdog(manager.clone(), gateway_timeout) => {
                // A connection (or its upgrade) that never answers: serenity would wait for
                // it forever. Drop this client and connect afresh.
                tracing::warn!(timeout_s = gateway_timeout.as_secs(), "no ready gateway connection in time; connecting again");
                manager.shutdown_all().await;
            }
        }
    }
}

/// Returns when no gateway connection has been ready (READY received, or resumed) for
/// `timeout`: a gateway that accepts a connection and then says nothing (or never completes
/// its upgrade) would otherwise leave the bot deaf.
async fn gateway_watchdog(manager: Arc<serenity::ShardManager>, timeout: Duration) {
    let mut since = tokio::time::Instant::now();
    loop {
        tokio::time::sleep((timeout / 4).max(Duration::from_millis(100))).await;
        let connected = manager
            .runners
            .lock()
            .await
            .values()
            .any(|info| info.stage == serenity::ConnectionStage::Connected);
        if connected {
            since = tokio::time::Instant::now();
        } else if since.elapsed() >= timeout {
            return;
        }
    }
}

/// Registers the slash commands (in `guild`, or globally when 0), retrying with backoff
/// (500 ms doubling, at most 5 minutes apart) until Discord accepts them.
async fn register_commands(
    http: Arc<serenity::Http>,
    commands: Vec<serenity::CreateCommand>,
    guild: u64,
) {
    let mut delay = Duration::from_millis(500);
    for attempt in 1u32.. {
        let result = if guild != 0 {
            serenity::GuildId::new(guild)
                .set_commands(&http, commands.clone())
                .await
                .map(|_| ())
        } else {
            serenity::Command::set_global_commands(&http, commands.clone())
                .await
                .map(|_| ())
        };
        match result {
            Ok(()) => {
                tracing::info!(
                    commands = commands.len(),
                    attempt,
                    "slash commands registered"
                );
                return;
            }
            Err(serenity::Error::Http(serenity::HttpError::UnsuccessfulRequest(r)))
                if r.status_code.is_client_error() && r.status_code.as_u16() != 429 =>
            {
                tracing::error!(status = %r.status_code, "Discord refused the slash commands; they are not registered: {}", r.error.message);
                return;
            }
            Err(e) => {
                tracing::warn!(
                    attempt,
                    retry_in_ms = delay.as_millis() as u64,
                    "registering the slash commands failed: {e}"
                );
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(300));
            }
        }
    }
}

/// The permissions the bot needs: read and send messages (and in threads), embed links, read
/// history (to reply to a message), create public threads (study sessions).
pub fn permissions() -> serenity::Permissions {
    serenity::Permissions::VIEW_CHANNEL
        | serenity::Permissions::SEND_MESSAGES
        | serenity::Permissions::SEND_MESSAGES_IN_THREADS
        | serenity::Permissions::EMBED_LINKS
        | serenity::Permissions::READ_MESSAGE_HISTORY
        | serenity::Permissions::CREATE_PUBLIC_THREADS
}

/// The OAuth2 URL that invites the bot with the scopes and permissions it needs.
pub fn invite_url(client_id: u64) -> String {
    format!(
        "https://discord.com/oauth2/authorize?client_id={client_id}&scope=bot+applications.commands&permissions={}",
        permissions().bits()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invite_asks_for_exactly_what_the_bot_uses() {
        let url = invite_url(42);
        assert!(url.contains("client_id=42&scope=bot+applications.commands&permissions="));
        let bits: u64 = url.rsplit('=').next().unwrap().parse().unwrap();
        let p = serenity::Permissions::from_bits(bits).unwrap();
        assert!(p.send_messages() && p.embed_links() && p.create_public_threads());
        assert!(!p.administrator() && !p.mention_everyone() && !p.manage_messages());
    }

    #[test]
    fn the_rate_limit_allows_a_burst_then_says_how_long_to_wait() {
        let mut settings = Settings::for_tests();
        settings.discord.rate_limit.questions = 2;
        settings.discord.rate_limit.seconds = 60;
        let engine = Arc::new(Engine::load(&settings).unwrap());
        let bot = Bot::in_memory(settings, engine);
        assert!(bot.take_question(1).is_ok());
        assert!(bot.take_question(1).is_ok());
        match bot.take_question(1) {
            Err(UserError::RateLimited { seconds }) => assert!((1..=30).contains(&seconds)),
            other => panic!("{other:?}"),
        }
        // Another user has their own allowance.
        assert!(bot.take_question(2).is_ok());
    }

    #[tokio::test]
    async fn reload_swaps_in_new_transcripts_and_keeps_the_old_engine_on_a_bad_file() {
        let dir = tempfile::tempdir().unwrap();
        let transcripts = dir.path().join("transcripts");
        std::fs::create_dir(&transcripts).unwrap();
        let seed = Settings::for_tests().data.dir.join("transcripts");
        for f in std::fs::read_dir(&seed).unwrap() {
            let f = f.unwrap().path();
            std::fs::copy(&f, transcripts.join(f.file_name().unwrap())).unwrap();
        }
        let mut settings = Settings::for_tests();
        settings.data.dir = dir.path().to_path_buf();
        let bot = Bot::in_memory(settings.clone(), Arc::new(Engine::load(&settings).unwrap()));
        let before = bot.engine();
        assert_eq!(before.stats().documents, 1);
        std::fs::write(
            transcripts.join("2024-05-01-mine.TXT"),
            "外交部发言人记者会\n问：火星探测合作进展如何？\n答：火星探测合作进展顺利，各方积极参与。\n",
        )
        .unwrap();
        let summary = bot.reload().await.unwrap();
        assert!(summary.starts_with("2 documents"), "{summary}");
        let after = bot.engine();
        assert_eq!(after.stats().documents, 2);
        assert!(!after.ask("火星探测合作", 1).hits.is_empty());
        // The engine held before the reload is whole and still answers.
        assert_eq!(before.stats().documents, 1);
        std::fs::write(transcripts.join("broken.txt"), b"\xff\xfe\x00bad").unwrap();
        let why = bot.reload().await.unwrap_err();
        assert!(why.contains("broken.txt"), "{why}");
        assert_eq!(
            bot.engine().stats().documents,
            2,
            "the old engine serves on"
        );
    }

    #[test]
    fn message_content_is_asked_for_only_with_answer_channels() {
        let mut settings = Settings::defaults();
        assert!(!intents(&settings).contains(serenity::GatewayIntents::MESSAGE_CONTENT));
        settings.discord.answer_channels = vec![7];
        assert!(intents(&settings).contains(serenity::GatewayIntents::MESSAGE_CONTENT));
    }
}
