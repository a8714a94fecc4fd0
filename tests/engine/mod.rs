//! The engine and its command line, modules by subject (as ripgrep lays them out).

mod attribution;
mod cli;
mod console;
mod hostile;
mod index;
mod library;
mod quality;
mod readme;
mod seed;
mod startup;

use std::sync::LazyLock;

use pressroom::Engine;
use pressroom::config::Settings;

pub use super::fixture;

/// The engine over the shipped seed, built once for all tests.
pub static SEED: LazyLock<Engine> =
    LazyLock::new(|| Engine::load(&Settings::for_tests()).expect("the seed loads"));

/// Runs the `pressroom` binary with `args`, `stdin` written to it and the extra `env`, as a
/// user whose output is a pipe 80 columns wide (no colour).
pub fn run_pressroom(args: &[&str], stdin: &str, env: &[(&str, &str)]) -> std::process::Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut cmd = crate::pressroom_binary();
    cmd.args(args)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "80")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// What a run printed on stdout.
pub fn stdout(o: &std::process::Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// What a run printed on stderr.
pub fn stderr(o: &std::process::Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}
