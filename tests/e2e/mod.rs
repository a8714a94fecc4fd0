//! End-to-end tests of the Discord front: the real serenity client (through poise) against a
//! stand-in Discord on loopback. Every request the bot makes is checked against Discord's
//! published schema and limits; each test ends by asserting there was no violation.

mod bot;
mod standin;
mod study;

use std::sync::Arc;

use pressroom::Engine;
use pressroom::config::{Secret, Settings};
use standin::{GUILD_ID, StandIn, TOKEN};

/// Settings that point the bot at the stand-in, with its own study database.
pub fn settings(stand: &StandIn) -> Settings {
    let mut s = Settings::for_tests();
    s.discord.token = Secret::new(TOKEN);
    s.discord.proxy_url = stand.api_base();
    s.discord.guild_id = GUILD_ID;
    s.store.path = store_path(stand);
    s
}

/// The study database of this stand-in (one per test, in its temporary folder), kept across
/// bot restarts.
pub fn store_path(stand: &StandIn) -> std::path::PathBuf {
    stand.dir().join("study.sqlite3")
}

/// A bot running in this process; dropping it stops it (like a crash: no goodbye).
pub struct RunningBot(tokio::task::JoinHandle<()>);

impl Drop for RunningBot {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Starts the bot against `stand` (with `adjust` applied to its settings) and waits until it
/// is connected with its commands registered. Events that arrive before poise has finished its
/// setup wait for it, so nothing more needs waiting for.
pub async fn start_bot(stand: &StandIn, adjust: impl FnOnce(&mut Settings)) -> RunningBot {
    let before = stand.identify_count();
    let mut settings = settings(stand);
    adjust(&mut settings);
    let engine = Arc::new(Engine::load(&settings).expect("engine"));
    let handle = tokio::spawn(async move {
        if let Err(e) = pressroom::discord::run(settings, engine).await {
            panic!("the bot stopped: {e}");
        }
    });
    stand.wait_ready(before + 1).await;
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
        BotProcess::start_with(stand, &[]).await
    }

    /// [`BotProcess::start`] with these environment variables too.
    pub async fn start_with(stand: &StandIn, env: &[(&str, &str)]) -> BotProcess {
        let before = stand.identify_count();
        let log = stand.dir().join(format!("bot.{before}.log"));
        let mut command = crate::pressroom_binary();
        command
            .args(["serve", "-vv"])
            .env("DISCORD_TOKEN", TOKEN)
            .env("PRESSROOM__DISCORD__PROXY_URL", stand.api_base())
            .env("PRESSROOM__DISCORD__GUILD_ID", GUILD_ID.to_string())
            .env("PRESSROOM__STORE__PATH", store_path(stand))
            .stdout(std::process::Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap());
        for (k, v) in env {
            command.env(k, v);
        }
        let child = tokio::process::Command::from(command)
            .kill_on_drop(true)
            .spawn()
            .expect("the pressroom binary starts");
        let process = BotProcess { child, log };
        stand.wait_ready(before + 1).await;
        process
    }

    /// Sends it SIGHUP (re-read the data folder) and waits until its log shows `wanted`
    /// after the log's current end; returns that new part of the log.
    pub async fn hup_and_wait(&self, wanted: &str) -> String {
        let from = std::fs::read_to_string(&self.log).unwrap_or_default().len();
        let pid = self.child.id().expect("running").to_string();
        let status = std::process::Command::new("kill")
            .args(["-HUP", &pid])
            .status()
            .unwrap();
        assert!(status.success());
        let start = std::time::Instant::now();
        loop {
            let log = std::fs::read_to_string(&self.log).unwrap_or_default();
            let new = log.get(from..).unwrap_or_default();
            if new.contains(wanted) {
                return new.to_string();
            }
            assert!(
                start.elapsed() < std::time::Duration::from_secs(30),
                "no {wanted:?} in the log after SIGHUP:\n{new}"
            );
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
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
