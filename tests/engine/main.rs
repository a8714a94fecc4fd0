//! Integration tests of the engine and its command line (one test binary, modules by subject,
//! as ripgrep lays them out).

mod attribution;
mod cli;
mod hostile;
mod index;
mod quality;
mod seed;

use std::sync::LazyLock;

use pressroom::Engine;
use pressroom::config::Settings;

/// Settings over the repository's data folder, with extra environment overrides.
pub fn settings(extra: &[(&str, &str)]) -> Settings {
    let mut env = vec![(
        "PRESSROOM__DATA__DIR".to_string(),
        concat!(env!("CARGO_MANIFEST_DIR"), "/data").to_string(),
    )];
    env.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    Settings::load_with_env(None, env).expect("settings")
}

/// The engine over the shipped seed, built once for all tests.
pub static SEED: LazyLock<Engine> =
    LazyLock::new(|| Engine::load(&settings(&[])).expect("the seed loads"));

/// A fixture path.
pub fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}
