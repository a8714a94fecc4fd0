//! The integration tests, built as one binary (every test binary links the whole dependency
//! tree again): `engine` (retrieval, the index, the command line), `study` (sessions through the
//! library and the console) and `e2e` (the Discord front against a stand-in Discord).
//!
//! Every test is hermetic: settings start from [`Settings::for_tests`], and the binary runs
//! from a folder without a `config/local.toml` and without the caller's `PRESSROOM__*`
//! variables ([`pressroom_binary`]).

mod e2e;
mod engine;
mod study;

use std::path::{Path, PathBuf};
use std::process::Command;

use pressroom::config::Settings;

/// A fixture path.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The `pressroom` binary as a user runs it, minus the developer's machine: the working
/// directory has no `config/local.toml`, the user's config and data folders are empty, no `PRESSROOM__*` or `DISCORD_TOKEN` variable is
/// inherited, and the data folder is this checkout's.
pub fn pressroom_binary() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pressroom"));
    cmd.current_dir(fixture(""));
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("PRESSROOM__") {
            cmd.env_remove(key);
        }
    }
    // No ~/.config/pressroom/local.toml and no console history of the caller's.
    let home = std::env::temp_dir().join("pressroom-tests-no-home");
    cmd.env_remove("DISCORD_TOKEN")
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("PRESSROOM__DATA__DIR", Settings::for_tests().data.dir);
    cmd
}
