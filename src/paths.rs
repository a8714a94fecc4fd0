//! Where pressroom keeps per-user files: `$XDG_CONFIG_HOME/pressroom` (`~/.config/pressroom`)
//! for `local.toml`, `$XDG_DATA_HOME/pressroom` (`~/.local/share/pressroom`) for the console
//! history and the default persisted index.

use std::path::PathBuf;

fn base(xdg: &str, fallback: &str) -> Option<PathBuf> {
    match std::env::var_os(xdg) {
        Some(d) if !d.is_empty() => Some(PathBuf::from(d)),
        _ => std::env::var_os("HOME")
            .filter(|h| !h.is_empty())
            .map(|h| PathBuf::from(h).join(fallback)),
    }
}

/// `~/.config/pressroom` (or `$XDG_CONFIG_HOME/pressroom`); `None` without a home.
pub fn config_dir() -> Option<PathBuf> {
    base("XDG_CONFIG_HOME", ".config").map(|d| d.join("pressroom"))
}

/// `~/.local/share/pressroom` (or `$XDG_DATA_HOME/pressroom`); `None` without a home.
pub fn data_dir() -> Option<PathBuf> {
    base("XDG_DATA_HOME", ".local/share").map(|d| d.join("pressroom"))
}
