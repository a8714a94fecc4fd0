//! End-to-end tests of the Discord front: the real serenity client (through poise) against a
//! stand-in Discord on loopback. Every request the bot makes is checked against Discord's
//! published schema and limits; each test ends by asserting there was no violation.

mod bot;
mod standin;
mod study;

use std::sync::Arc;
use std::time::Duration;

use pressroom::Engine;
use pressroom::config::Settings;
use standin::{GUILD_ID, StandIn, TOKEN};

/// Settings that point the bot at the stand-in.
pub fn settings(stand: &StandIn, extra: &[(&str, String)]) -> Settings {
    let mut env = vec![
        (
            "PRESSROOM__DATA__DIR".to_string(),
            concat!(env!("CARGO_MANIFEST_DIR"), "/data").to_string(),
        ),
        ("PRESSROOM__DISCORD__TOKEN".into(), TOKEN.into()),
        ("PRESSROOM__DISCORD__PROXY_URL".into(), stand.api_base()),
        ("PRESSROOM__DISCORD__GUILD_ID".into(), GUILD_ID.to_string()),
        ("PRESSROOM__STORE__PATH".into(), store_path(stand)),
    ];
    env.extend(extra.iter().map(|(k, v)| (k.to_string(), v.clone())));
    Settings::load_with_env(None, env).expect("settings")
}

/// A study database of this stand-in's own (one per test), kept across bot restarts.
pub fn store_path(stand: &StandIn) -> String {
    let port = stand.api_base().rsplit(':').next().unwrap().to_string();
    std::env::temp_dir()
        .join(format!(
            "pressroom-e2e-{}-{port}.sqlite3",
            std::process::id()
        ))
        .display()
        .to_string()
}

/// A bot running in this process; dropping it stops it (like a crash: no goodbye).
pub struct RunningBot(tokio::task::JoinHandle<()>);

impl Drop for RunningBot {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Starts the bot against `stand` and waits until it is connected with its commands registered.
pub async fn start_bot(stand: &StandIn, extra: &[(&str, String)]) -> RunningBot {
    let before = stand.identify_count();
    let settings = settings(stand, extra);
    let engine = Arc::new(Engine::load(&settings).expect("engine"));
    let handle = tokio::spawn(async move {
        if let Err(e) = pressroom::discord::run(settings, engine).await {
            panic!("the bot stopped: {e}");
        }
    });
    stand.wait_ready(before + 1).await;
    // Give poise a moment to finish its setup after registration.
    tokio::time::sleep(Duration::from_millis(200)).await;
    RunningBot(handle)
}

/// Fails with every recorded violation.
pub fn assert_clean(stand: &StandIn) {
    let v = stand.violations();
    assert!(
        v.is_empty(),
        "the bot broke Discord's rules:\n{}",
        v.join("\n")
    );
}

/// The real `pressroom serve` binary against the stand-in (`-vv`, its log in a file that is
/// printed when a test fails). Dropping it kills it.
pub struct BotProcess {
    child: tokio::process::Child,
    log: std::path::PathBuf,
}

impl BotProcess {
    /// Starts the binary and waits until it is connected with its commands registered.
    pub async fn start(stand: &StandIn) -> BotProcess {
        let before = stand.identify_count();
        let log = std::path::PathBuf::from(format!("{}.{before}.log", store_path(stand)));
        let child = tokio::process::Command::new(env!("CARGO_BIN_EXE_pressroom"))
            .args(["serve", "-vv"])
            .env("DISCORD_TOKEN", TOKEN)
            .env("PRESSROOM__DISCORD__PROXY_URL", stand.api_base())
            .env("PRESSROOM__DISCORD__GUILD_ID", GUILD_ID.to_string())
            .env(
                "PRESSROOM__DATA__DIR",
                concat!(env!("CARGO_MANIFEST_DIR"), "/data"),
            )
            .env("PRESSROOM__STORE__PATH", store_path(stand))
            .stdout(std::process::Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .kill_on_drop(true)
            .spawn()
            .expect("the pressroom binary starts");
        let process = BotProcess { child, log };
        stand.wait_ready(before + 1).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        process
    }

    /// Kills it with SIGKILL (no goodbye) and returns its log.
    pub async fn kill(mut self) -> String {
        self.child.kill().await.unwrap();
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for BotProcess {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!(
                "bot log:\n{}",
                std::fs::read_to_string(&self.log).unwrap_or_default()
            );
        }
    }
}
