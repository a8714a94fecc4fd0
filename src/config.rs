//! Settings, read with the `config` crate in layers: the defaults compiled in
//! (`config/default.toml`), then `config/local.toml` if present, then a file given with
//! `--config`, then the environment (`PRESSROOM__SECTION__KEY`; `DISCORD_TOKEN` for the token).
//!
//! Only the binary reads the developer's files and the process environment
//! ([`Settings::load`]); tests start from [`Settings::defaults`] or [`Settings::for_tests`],
//! so a `config/local.toml` or a `PRESSROOM__*` variable on a developer's machine cannot change
//! what they check.

use std::fmt;
use std::path::{Path, PathBuf};

use config::{Config, Environment, File, FileFormat};
use serde::Deserialize;

use crate::error::{Error, Result};

const DEFAULTS: &str = include_str!("../config/default.toml");
const LOCAL_FILE: &str = "config/local.toml";

/// The keys that hold whole numbers.
const WHOLE_NUMBER_KEYS: &[&str] = &[
    "search.top_k",
    "search.max_query_chars",
    "reply.max_chars",
    "discord.guild_id",
    "discord.max_question_chars",
    "discord.rate_limit.questions",
    "discord.rate_limit.seconds",
    "study.idle_minutes",
    "discord.gateway_timeout_seconds",
];

/// `http://host[:port][/path]` or `https://…`, with a host and no spaces.
fn is_http_url(s: &str) -> bool {
    let Some(rest) = s
        .strip_prefix("http://")
        .or_else(|| s.strip_prefix("https://"))
    else {
        return false;
    };
    let authority = rest.split('/').next().unwrap_or_default();
    let host = match authority.rsplit_once(':') {
        Some((host, port)) if !host.ends_with(']') || authority.starts_with('[') => {
            if port.parse::<u16>().is_err() {
                return false;
            }
            host
        }
        _ => authority,
    };
    !host.is_empty()
        && !s.chars().any(char::is_whitespace)
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-.[]:_".contains(c))
}

/// The first `key = number` of a TOML file whose number does not fit in 64 bits, said with
/// its `section.key`.
fn too_large_number(path: &Path) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    let mut section = String::new();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or_default().trim();
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name.trim().to_string();
        } else if let Some((key, value)) = line.split_once('=') {
            let digits: String = value.trim().chars().filter(|c| *c != '_').collect();
            let digits = digits.trim_start_matches(['+', '-']);
            if !digits.is_empty()
                && digits.chars().all(|c| c.is_ascii_digit())
                && digits.parse::<i64>().is_err()
            {
                let key = key.trim();
                let full = if section.is_empty() {
                    key.to_string()
                } else {
                    format!("{section}.{key}")
                };
                return Some(format!(
                    "{full}: {} is too large a number (in {})",
                    value.trim(),
                    path.display()
                ));
            }
        }
    }
    None
}

/// All settings.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Where the transcripts and language data are.
    pub data: DataSettings,
    /// Where the index is kept.
    pub index: IndexSettings,
    /// Retrieval.
    pub search: SearchSettings,
    /// Replies.
    pub reply: ReplySettings,
    /// The Discord bot.
    pub discord: DiscordSettings,
    /// The study-session store.
    pub store: StoreSettings,
    /// Study sessions.
    pub study: StudySettings,
}

/// `[data]`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataSettings {
    /// The data folder.
    pub dir: PathBuf,
}

/// `[index]`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndexSettings {
    /// The index directory; empty for an in-memory index.
    pub dir: PathBuf,
}

/// `[search]`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchSettings {
    /// Passages per answer.
    pub top_k: usize,
    /// Characters of a question that are read.
    pub max_query_chars: usize,
}

/// `[reply]`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplySettings {
    /// Longest quote in a chat reply.
    pub max_chars: usize,
}

/// `[discord]`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiscordSettings {
    /// The bot token (never logged).
    pub token: Secret,
    /// Base URL for the HTTP API instead of discord.com.
    pub proxy_url: String,
    /// Guild for command registration; 0 for global.
    pub guild_id: u64,
    /// Channels where every message is a question.
    #[serde(deserialize_with = "channel_list")]
    pub answer_channels: Vec<u64>,
    /// How many questions one user may ask how fast.
    pub rate_limit: RateLimit,
    /// Longest question accepted.
    pub max_question_chars: usize,
    /// Ask for the Message Content intent (typed quiz answers in threads).
    pub message_content: bool,
    /// Seconds a gateway connection may take to reach READY before it is made again.
    pub gateway_timeout_seconds: u64,
}

/// A list of channel ids: a TOML array, or from the environment `1,2` — and a single `1`,
/// which the config crate reads as a number rather than a one-item list.
fn channel_list<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<u64>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(u64),
        Text(String),
        Many(Vec<serde_json::Value>),
    }
    let parse = |s: &str| {
        s.trim()
            .parse::<u64>()
            .map_err(|_| serde::de::Error::custom(format!("`{s}` is not a channel id")))
    };
    match OneOrMany::deserialize(d)? {
        OneOrMany::One(n) => Ok(vec![n]),
        OneOrMany::Text(s) => s
            .split(',')
            .filter(|x| !x.trim().is_empty())
            .map(parse)
            .collect(),
        OneOrMany::Many(items) => items
            .iter()
            .map(|v| match v {
                serde_json::Value::Number(n) => n
                    .as_u64()
                    .ok_or_else(|| serde::de::Error::custom(format!("`{n}` is not a channel id"))),
                serde_json::Value::String(s) => parse(s),
                other => Err(serde::de::Error::custom(format!(
                    "`{other}` is not a channel id"
                ))),
            })
            .collect(),
    }
}

/// `[discord.rate_limit]`: at most `questions` per user in any `seconds`.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateLimit {
    /// Questions allowed in the window.
    pub questions: u32,
    /// The window, in seconds.
    pub seconds: u64,
}

/// `[store]`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoreSettings {
    /// The SQLite file.
    pub path: PathBuf,
}

/// `[study]`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StudySettings {
    /// Minutes of silence after which a session is closed.
    pub idle_minutes: u64,
}

/// A secret string: shown as `***` by `Debug` and `Display`, so it cannot reach a log by accident.
#[derive(Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    /// Wraps a value.
    pub fn new(s: impl Into<String>) -> Secret {
        Secret(s.into())
    }
    /// The value, for the one place that needs it.
    pub fn expose(&self) -> &str {
        &self.0
    }
    /// True when unset.
    pub fn is_empty(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.is_empty() { "\"\"" } else { "\"***\"" })
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

impl Settings {
    /// The compiled-in defaults (`config/default.toml`), nothing else read: no file, no
    /// environment.
    pub fn defaults() -> Settings {
        Settings::layered(None, None, Vec::new()).expect("config/default.toml is valid")
    }

    /// The defaults with the data folder of this source tree, whatever the working directory:
    /// what the tests and benches start from.
    pub fn for_tests() -> Settings {
        let mut s = Settings::defaults();
        s.data.dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        s
    }

    /// The binary's settings: defaults, `config/local.toml` (relative to the working
    /// directory) if present, `file`, then the process environment.
    pub fn load(file: Option<&Path>) -> Result<Settings> {
        let locals = Settings::local_files();
        let locals: Vec<&Path> = locals.iter().map(PathBuf::as_path).collect();
        Settings::layered_over(&locals, file, std::env::vars())
    }

    /// The local files read, in order, when present: the user's
    /// `~/.config/pressroom/local.toml`, then `config/local.toml` below the working directory.
    pub fn local_files() -> Vec<PathBuf> {
        let mut out: Vec<PathBuf> = crate::paths::config_dir()
            .map(|d| d.join("local.toml"))
            .into_iter()
            .collect();
        out.push(PathBuf::from(LOCAL_FILE));
        out
    }

    /// The layers spelled out: defaults, then `local` if that file exists, then `file` (which
    /// must exist), then `env` (`PRESSROOM__*`, and `DISCORD_TOKEN` when no token is set).
    pub fn layered(
        local: Option<&Path>,
        file: Option<&Path>,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Settings> {
        Settings::layered_over(local.as_slice(), file, env)
    }

    /// [`Settings::layered`] with several optional local files, later ones winning.
    pub fn layered_over(
        locals: &[&Path],
        file: Option<&Path>,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Settings> {
        let env: Vec<(String, String)> = env.into_iter().collect();
        let mut b = Config::builder().add_source(File::from_str(DEFAULTS, FileFormat::Toml));
        for local in locals {
            b = b.add_source(File::from(*local).format(FileFormat::Toml).required(false));
        }
        if let Some(f) = file {
            if !f.is_file() {
                return Err(Error::Config(format!(
                    "config file {} not found",
                    f.display()
                )));
            }
            b = b.add_source(File::from(f).format(FileFormat::Toml).required(true));
        }
        let map: config::Map<String, String> = env
            .iter()
            .filter(|(k, _)| k.starts_with("PRESSROOM__"))
            .cloned()
            .collect();
        b = b.add_source(
            Environment::with_prefix("PRESSROOM")
                .prefix_separator("__")
                .separator("__")
                .try_parsing(true)
                .list_separator(",")
                .with_list_parse_key("discord.answer_channels")
                .source(Some(map)),
        );
        let cfg = b.build().map_err(|e| {
            // The TOML reader says a number is too large but not which: find it.
            let mut files = locals.iter().copied().chain(file);
            match files.find_map(too_large_number) {
                Some(found) => Error::Config(found),
                None => Error::Config(e.to_string()),
            }
        })?;
        // The reader turns 3.5 into 4 and true into 1 for a number key: refuse instead.
        for key in WHOLE_NUMBER_KEYS {
            let Ok(value) = cfg.get::<config::Value>(key) else {
                continue;
            };
            let whole = match &value.kind {
                config::ValueKind::I64(n) => *n >= 0,
                config::ValueKind::U64(_) | config::ValueKind::U128(_) => true,
                config::ValueKind::I128(n) => *n >= 0,
                config::ValueKind::String(t) => t.trim().parse::<u64>().is_ok(),
                _ => false,
            };
            if !whole {
                return Err(Error::Config(format!(
                    "{key}: must be a whole number, not `{value}`"
                )));
            }
        }
        let mut s: Settings = cfg
            .try_deserialize()
            .map_err(|e| Error::Config(e.to_string()))?;
        if s.discord.token.is_empty()
            && let Some((_, t)) = env.iter().find(|(k, _)| k == "DISCORD_TOKEN")
        {
            s.discord.token = Secret::new(t.trim());
        }
        s.validate()?;
        Ok(s)
    }

    fn validate(&self) -> Result<()> {
        let bad = |key: &str, why: &str| Err(Error::Config(format!("{key}: {why}")));
        if !(1..=20).contains(&self.search.top_k) {
            return bad("search.top_k", "must be between 1 and 20");
        }
        if !(1..=10_000).contains(&self.search.max_query_chars) {
            return bad("search.max_query_chars", "must be between 1 and 10000");
        }
        if !(100..=4000).contains(&self.reply.max_chars) {
            return bad("reply.max_chars", "must be between 100 and 4000");
        }
        if !(1..=2000).contains(&self.discord.max_question_chars) {
            return bad("discord.max_question_chars", "must be between 1 and 2000");
        }
        if !(1..=600).contains(&self.discord.gateway_timeout_seconds) {
            return bad(
                "discord.gateway_timeout_seconds",
                "must be between 1 and 600",
            );
        }
        if self.discord.rate_limit.questions == 0 || self.discord.rate_limit.seconds == 0 {
            return bad("discord.rate_limit", "must be at least 1");
        }
        if !self.discord.proxy_url.is_empty() && !is_http_url(&self.discord.proxy_url) {
            return bad(
                "discord.proxy_url",
                "must be an http:// or https:// URL with a host, e.g. http://127.0.0.1:3000",
            );
        }
        if self.store.path.as_os_str().is_empty() {
            return bad(
                "store.path",
                "must name the study database file (empty would keep sessions in a throwaway database)",
            );
        }
        Ok(())
    }

    /// The index directory, if one is configured.
    pub fn index_dir(&self) -> Option<&Path> {
        (!self.index.dir.as_os_str().is_empty()).then_some(self.index.dir.as_path())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn defaults_load() {
        let s = Settings::defaults();
        assert_eq!(s.search.top_k, 3);
        assert!(s.index_dir().is_none());
        assert!(s.discord.token.is_empty());
    }

    #[test]
    fn environment_overrides() {
        let s = Settings::layered(
            None,
            None,
            env(&[
                ("PRESSROOM__SEARCH__TOP_K", "5"),
                ("PRESSROOM__DISCORD__PROXY_URL", "http://127.0.0.1:9"),
                ("PRESSROOM__DISCORD__ANSWER_CHANNELS", "1,2"),
                ("DISCORD_TOKEN", "abc.def"),
            ]),
        )
        .unwrap();
        assert_eq!(s.search.top_k, 5);
        assert_eq!(s.discord.proxy_url, "http://127.0.0.1:9");
        assert_eq!(s.discord.answer_channels, vec![1, 2]);
        let one = Settings::layered(
            None,
            None,
            vec![(
                "PRESSROOM__DISCORD__ANSWER_CHANNELS".into(),
                "1100000000000000005".into(),
            )],
        )
        .unwrap();
        assert_eq!(one.discord.answer_channels, vec![1_100_000_000_000_000_005]);
        let bad = Settings::layered(
            None,
            None,
            vec![(
                "PRESSROOM__DISCORD__ANSWER_CHANNELS".into(),
                "1,general".into(),
            )],
        );
        assert!(matches!(bad, Err(Error::Config(m)) if m.contains("general")));
        assert_eq!(s.discord.token.expose(), "abc.def");
        assert_eq!(format!("{:?}", s.discord.token), "\"***\"");
        assert!(!format!("{s:?}").contains("abc.def"));
    }

    #[test]
    fn bad_values_are_clear_errors() {
        let e =
            Settings::layered(None, None, env(&[("PRESSROOM__SEARCH__TOP_K", "0")])).unwrap_err();
        assert_eq!(
            e.to_string(),
            "configuration: search.top_k: must be between 1 and 20"
        );
        let e = Settings::layered(None, None, env(&[("PRESSROOM__SEARCH__TOP_K", "many")]))
            .unwrap_err();
        assert!(e.to_string().contains("top_k"), "{e}");
        let e =
            Settings::layered(None, Some(Path::new("/nonexistent.toml")), env(&[])).unwrap_err();
        assert!(e.to_string().contains("not found"));
    }

    #[test]
    fn numbers_must_be_whole_and_fit_and_errors_name_the_key() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("c.toml");
        for (body, key) in [
            (
                "[search]\ntop_k = 99999999999999999999999\n",
                "search.top_k",
            ),
            ("[search]\ntop_k = 3.5\n", "search.top_k"),
            ("[search]\ntop_k = true\n", "search.top_k"),
            ("[discord]\nguild_id = 1.5\n", "discord.guild_id"),
            (
                "[discord]\nguild_id = 99999999999999999999999\n",
                "discord.guild_id",
            ),
            (
                "[discord]\nproxy_url = \"httpnonsense\"\n",
                "discord.proxy_url",
            ),
            ("[discord]\nproxy_url = \"http://\"\n", "discord.proxy_url"),
            ("[store]\npath = \"\"\n", "store.path"),
        ] {
            std::fs::write(&f, body).unwrap();
            let e = Settings::layered(None, Some(&f), env(&[]))
                .map(|s| (s.search.top_k, s.discord.guild_id))
                .expect_err(body);
            assert!(e.to_string().contains(key), "{body:?}: {e}");
        }
        for (k, v) in [
            ("PRESSROOM__SEARCH__TOP_K", "3.5"),
            ("PRESSROOM__DISCORD__GUILD_ID", "true"),
            ("PRESSROOM__DISCORD__GUILD_ID", "1.5"),
        ] {
            let e = Settings::layered(None, None, env(&[(k, v)])).expect_err(v);
            assert!(
                e.to_string()
                    .contains(&k[11..].to_lowercase().replace("__", ".")),
                "{k}={v}: {e}"
            );
        }
        std::fs::write(&f, "[discord]\nproxy_url = \"http://127.0.0.1:3000/api\"\n").unwrap();
        assert!(Settings::layered(None, Some(&f), env(&[])).is_ok());
    }

    #[test]
    fn config_file_layer() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("c.toml");
        std::fs::write(&f, "[search]\ntop_k = 7\n").unwrap();
        assert_eq!(
            Settings::layered(None, Some(&f), env(&[]))
                .unwrap()
                .search
                .top_k,
            7
        );
        std::fs::write(&f, "[search]\ntopk = 7\n").unwrap();
        let e = Settings::layered(None, Some(&f), env(&[])).unwrap_err();
        assert!(e.to_string().contains("topk"), "{e}");
    }

    #[test]
    fn the_local_file_is_optional_and_read_under_the_config_file() {
        let dir = tempfile::tempdir().unwrap();
        let local = dir.path().join("local.toml");
        let missing = Settings::layered(Some(&local), None, env(&[])).unwrap();
        assert_eq!(missing.search.top_k, 3);
        std::fs::write(&local, "[search]\ntop_k = 4\nmax_query_chars = 50\n").unwrap();
        let f = dir.path().join("c.toml");
        std::fs::write(&f, "[search]\ntop_k = 7\n").unwrap();
        let s = Settings::layered(Some(&local), Some(&f), env(&[])).unwrap();
        assert_eq!((s.search.top_k, s.search.max_query_chars), (7, 50));
    }

    #[test]
    fn test_settings_read_nothing_from_the_machine() {
        let s = Settings::for_tests();
        assert!(s.data.dir.is_absolute() && s.data.dir.join("transcripts").is_dir());
        assert_eq!(s.search.top_k, 3, "the compiled-in default");
    }
}
