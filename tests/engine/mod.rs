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

use std::sync::LazyLock;

use pressroom::Engine;
use pressroom::config::Settings;

pub use super::fixture;

/// The engine over the shipped seed, built once for all tests.
pub static SEED: LazyLock<Engine> =
    LazyLock::new(|| Engine::load(&Settings::for_tests()).expect("the seed loads"));
