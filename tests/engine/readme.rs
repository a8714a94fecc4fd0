//! Every example the README gives, run as written: each test first checks that the README
//! still shows the command, then runs it and checks what the README says it does.

use super::{run_pressroom as run, stderr as err, stdout as out};
use std::path::Path;

const README: &str = include_str!("../../README.md");

/// Fails unless the README shows `text` (so an example edited there is edited here too).
fn shown(text: &str) {
    assert!(README.contains(text), "the README no longer shows {text:?}");
}

/// The README's first command prints exactly the sample it shows.
#[test]
fn the_first_command_prints_the_sample_output() {
    shown(r#"cargo run --release -- ask "中方对人工智能合作持什么立场？""#);
    let start = README.find("The first prints").expect("the sample");
    let block = &README[start..];
    let block = &block[block.find("```\n").unwrap() + 4..];
    let sample = &block[..block.find("```").unwrap()];
    let o = run(&["ask", "中方对人工智能合作持什么立场？"], "", &[]);
    assert!(o.status.success(), "{}", err(&o));
    assert_eq!(out(&o), sample, "the README's sample output");
    for line in sample.lines() {
        assert!(unicode_columns(line) <= 80, "wider than 80 columns: {line}");
    }
    // The short id it prints works as typed.
    shown("`pressroom topic 2024-03-07#2` shows it whole");
    let o = run(&["topic", "2024-03-07#2"], "", &[]);
    assert!(
        out(&o).starts_with("人工智能 — 2024-03-07#2\n"),
        "{}",
        out(&o)
    );
}

fn unicode_columns(s: &str) -> usize {
    pressroom::reply::wrap::width(s)
}

#[test]
fn the_command_table() {
    shown("pressroom ask 南海 问题");
    let o = run(&["ask", "--json", "南海", "问题"], "", &[]);
    assert!(out(&o).contains(r#""query":"南海 问题""#));

    shown("`-n N` = `--top N`");
    let o = run(&["ask", "-n", "1", "--json", "人工智能"], "", &[]);
    let v: serde_json::Value = serde_json::from_str(out(&o).trim()).unwrap();
    assert_eq!(v["hits"].as_array().unwrap().len(), 1);

    shown("`pressroom ask --json -`");
    let o = run(&["ask", "--json", "-"], "人工智能\n朝鲜半岛\n", &[]);
    assert_eq!(out(&o).lines().count(), 2);

    shown("`pressroom topics [--json]`");
    let o = run(&["topics", "--json"], "", &[]);
    let v: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    for key in ["id", "title", "asker", "question", "answerer", "paragraphs"] {
        assert!(v[0].get(key).is_some(), "topics --json has {key}");
    }

    shown("`pressroom topic NAME [--json]`");
    for name in [
        "2024-03-07#3",
        "2024-03-07-wangyi-press-conference-part2#3",
        "非洲",
        "feizhou",
    ] {
        shown(&format!("`{name}`"));
        let o = run(&["topic", name, "--json"], "", &[]);
        let v: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
        assert_eq!(
            v["id"], "2024-03-07-wangyi-press-conference-part2#3",
            "{name}"
        );
    }

    shown("`topic`: no exchange matches), **2** an error");
    assert_eq!(run(&["topic", "火星"], "", &[]).status.code(), Some(1));
    shown("an empty question) with a one-line message on stderr");
    assert_eq!(run(&["ask", ""], "", &[]).status.code(), Some(2));

    shown("`pressroom invite APPLICATION_ID`");
    let o = run(&["invite", "123"], "", &[]);
    assert!(out(&o).contains("client_id=123"));
    shown("`cargo run --release -- invite <APPLICATION_ID>`");
}

#[test]
fn eval_and_its_json() {
    shown("`pressroom eval FILE.jsonl [--json] [--explain OUT]`");
    shown(
        "`eval --json` prints `{\"cases\", \"hit_at_1\", \"hit_at_3\", \"mrr_at_5\", \"abstained\", \"kinds\", \"misses\"}`",
    );
    let dev = crate::fixture("dev.jsonl");
    let o = run(&["eval", dev.to_str().unwrap(), "--json"], "", &[]);
    let v: serde_json::Value = serde_json::from_str(out(&o).trim()).unwrap();
    for key in [
        "cases",
        "hit_at_1",
        "hit_at_3",
        "mrr_at_5",
        "abstained",
        "kinds",
        "misses",
    ] {
        assert!(v.get(key).is_some(), "eval --json has {key}: {v}");
    }
}

#[test]
fn index_check_and_health() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    shown("`pressroom index [--dir DIR] [--force]`");
    let o = run(&["index"], "", &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("index.dir is empty"), "{}", err(&o));
    let o = run(&["index", "--dir", index.to_str().unwrap()], "", &[]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(out(&o).starts_with("built: "), "{}", out(&o));

    shown("pressroom check                      # the configured data folder");
    let o = run(&["check"], "", &[]);
    assert!(o.status.success(), "{}", out(&o));
    shown("`source` is kept as the text's provenance and printed by `pressroom check`");
    assert!(out(&o).contains("  source: 报纸版面"));
    shown("pressroom check --json > report.json");
    assert!(run(&["check", "--json"], "", &[]).status.success());

    shown("`pressroom health`");
    let store = dir.path().join("s.sqlite3");
    let o = run(
        &["health"],
        "",
        &[("PRESSROOM__STORE__PATH", store.to_str().unwrap())],
    );
    assert!(o.status.success(), "{}", out(&o));
    assert_eq!(out(&o).lines().filter(|l| l.starts_with("ok ")).count(), 4);
    let o = run(
        &["health"],
        "",
        &[
            ("PRESSROOM__STORE__PATH", store.to_str().unwrap()),
            ("PRESSROOM__DATA__DIR", "/nonexistent"),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(out(&o).contains("problem  data: no transcripts folder"));
}

#[test]
fn the_console_commands() {
    for c in [
        "`/help`",
        "`/topics`",
        "`/topic NAME`",
        "`/more`",
        "`/quit`",
    ] {
        shown(c);
    }
    let o = run(
        &["chat"],
        "/help\n/topic\n/topic 非洲\n人工智能\n/more\n/quit\n朝鲜半岛\n",
        &[],
    );
    let text = out(&o);
    assert!(text.contains("/topic NAME"));
    assert!(
        text.contains("Which one?"),
        "a bare /topic is not a question"
    );
    assert!(text.contains("非洲 — 2024-03-07#3"));
    assert!(text.contains("(more results: /more)"));
    assert!(text.contains("\n4. ¶"), "/more: {text}");
    assert!(!text.contains("韩国广播公司记者"), "nothing after /quit");
    shown("| `pressroom` | no subcommand: `serve` when a Discord token is set, else `chat` |");
    let o = run(&[], "/quit\n", &[]);
    assert!(o.status.success());
    assert!(err(&o).contains("this is the console (`pressroom chat`)"));
}

/// Adding a transcript of one's own: it is read (`.TXT` too) and answered.
#[test]
fn adding_a_transcript() {
    shown("Put UTF-8 `.txt` files (`.TXT` too) below `data/transcripts/`");
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("transcripts")).unwrap();
    std::fs::write(
        dir.path().join("transcripts/2024-05-01-mine.TXT"),
        "外交部发言人记者会\n问：火星探测合作进展如何？\n答：火星探测合作进展顺利，各方积极参与。\n",
    )
    .unwrap();
    let data = dir.path().to_str().unwrap();
    let o = run(&["ask", "火星探测"], "", &[("PRESSROOM__DATA__DIR", data)]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(out(&o).contains("火星探测合作进展顺利"));
}

/// The deployment files name subcommands that exist.
#[test]
fn the_deployment_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let compose = std::fs::read_to_string(root.join("docker-compose.yml")).unwrap();
    for needed in [
        "restart: unless-stopped",
        "env_file: .env",
        "/var/lib/pressroom",
        "./data/transcripts:/app/data/transcripts:ro",
        r#"test: ["CMD", "pressroom", "health"]"#,
    ] {
        assert!(compose.contains(needed), "docker-compose.yml: {needed}");
    }
    let unit = std::fs::read_to_string(root.join("deploy/pressroom.service")).unwrap();
    for needed in [
        "WorkingDirectory=/var/lib/pressroom",
        "EnvironmentFile=/etc/pressroom/env",
        "ExecStart=/usr/local/bin/pressroom serve",
        "ExecReload=/bin/kill -HUP $MAINPID",
        "Restart=on-failure",
    ] {
        assert!(unit.contains(needed), "pressroom.service: {needed}");
    }
    for sub in ["serve", "health"] {
        assert!(run(&[sub, "--help"], "", &[]).status.success(), "{sub}");
    }
    shown("docker compose kill -s HUP pressroom");
    shown("systemctl reload pressroom");
    assert!(
        std::fs::read_to_string(root.join("deploy/env.example"))
            .unwrap()
            .contains("DISCORD_TOKEN=")
    );
}
