//! The interactive console in a real terminal: tmux at 80×40, keys sent with `send-keys`, the
//! screen read with `capture-pane`. Skipped, saying so, when tmux is not installed (`.ci/run`
//! installs it).

use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn cmd(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("tmux runs")
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "console"];
        args.extend_from_slice(keys);
        assert!(self.cmd(&args).status.success());
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.cmd(&["capture-pane", "-p", "-t", "console"]).stdout)
            .into_owned()
    }

    /// Waits until the screen shows `text`; fails with the screen after 20 s.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "waited for {text:?}; the screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn alive(&self) -> bool {
        self.cmd(&["has-session", "-t", "console"]).status.success()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]);
    }
}

#[test]
fn the_console_is_comfortable_at_80_columns() {
    if Command::new("tmux").arg("-V").output().is_err() {
        eprintln!(
            "SKIPPED the_console_is_comfortable_at_80_columns: tmux is not installed (apt-get install tmux)"
        );
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let data = pressroom::config::Settings::for_tests().data.dir;
    let command = format!(
        "env -u DISCORD_TOKEN XDG_DATA_HOME={h}/data XDG_CONFIG_HOME={h}/config PRESSROOM__DATA__DIR={d} TERM=xterm-256color LANG=C.UTF-8 {bin} chat",
        h = home.path().display(),
        d = data.display(),
        bin = env!("CARGO_BIN_EXE_pressroom"),
    );
    let tmux = Tmux {
        socket: format!("pressroom-test-{}", std::process::id()),
    };
    let started = tmux.cmd(&[
        "new-session",
        "-d",
        "-s",
        "console",
        "-x",
        "80",
        "-y",
        "40",
        &command,
    ]);
    assert!(started.status.success(), "{started:?}");
    // The banner names what is served.
    let screen = tmux.wait_for("Ctrl-D quits.");
    assert!(
        screen.contains("1 documents, 9 exchanges") && screen.contains("/help"),
        "{screen}"
    );

    // A question: the best passage wrapped with its indent, the others one line each.
    tmux.keys(&["中方对人工智能合作持什么立场？", "Enter"]);
    let screen = tmux.wait_for("(more results: /more)");
    let lines: Vec<&str> = screen.lines().collect();
    let first = lines
        .iter()
        .position(|l| l.starts_with("1. 「"))
        .expect("the best passage");
    assert!(
        lines[first + 1].starts_with("   "),
        "indent kept:\n{screen}"
    );
    assert!(screen.contains("source: 2024-03-07 王毅记者会 ¶7"));
    assert!(
        screen.contains("\n2. ¶5 ") && screen.contains("\n3. ¶6 "),
        "{screen}"
    );
    assert_eq!(screen.matches("凤凰卫视记者").count(), 1, "{screen}");

    // ↑ brings the question back; Ctrl-C cancels the line instead of sending it.
    tmux.keys(&["C-l"]);
    std::thread::sleep(Duration::from_millis(300));
    tmux.keys(&["Up"]);
    tmux.wait_for("? 中方对人工智能合作持什么立场？");
    tmux.keys(&["C-c"]);
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        !tmux.screen().contains("source:"),
        "Ctrl-L cleared, Ctrl-C sent nothing"
    );

    // Tab completes commands and topic names; commands are not questions.
    tmux.keys(&["/hel", "Tab"]);
    tmux.wait_for("? /help");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Ctrl-D quits.");
    tmux.keys(&["C-l"]);
    std::thread::sleep(Duration::from_millis(300));
    tmux.keys(&["/topic 朝鲜", "Tab"]);
    tmux.wait_for("? /topic 朝鲜半岛");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("[¶18]");
    for line in screen.lines() {
        assert!(
            pressroom::reply::wrap::width(line) <= 80,
            "wider than the terminal: {line}"
        );
    }
    tmux.keys(&["C-l", "/more", "Enter"]);
    tmux.wait_for("4. ¶");

    // Ctrl-D quits and the history is kept in the user's data folder.
    tmux.keys(&["C-d"]);
    let start = Instant::now();
    while tmux.alive() && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(!tmux.alive(), "Ctrl-D quits");
    let history = std::fs::read_to_string(home.path().join("data/pressroom/history.txt")).unwrap();
    assert!(
        history.contains("中方对人工智能合作持什么立场？"),
        "{history}"
    );
}
