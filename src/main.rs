//! The `pressroom` binary: parses the command line and hands it to the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    pressroom::cli::run(pressroom::cli::Cli::parse())
}
