//! The `pressroom` binary: output formats, exit codes, stdin modes, errors.

use std::io::Write;
use std::process::Stdio;

use super::{run_pressroom as pressroom, stderr, stdout};

use serde_json::Value;

/// The text with wrapped lines joined again (continuation lines are indented).
fn unwrapped(s: &str) -> String {
    s.replace("\n     ", "")
        .replace("\n   ", "")
        .replace("\n  ", "")
}

/// Checks one `ask --json` object against the documented schema.
fn check_answer_schema(v: &Value) {
    assert!(v["query"].is_string());
    let hits = v["hits"].as_array().expect("hits");
    for (i, h) in hits.iter().enumerate() {
        assert_eq!(h["rank"], i + 1);
        assert!(h["score"].is_number());
        assert!(h["text"].as_str().is_some_and(|t| !t.is_empty()));
        assert!(h["speaker"].is_string());
        assert!(
            h["question"].is_null()
                || (h["question"]["speaker"].is_string() && h["question"]["text"].is_string())
        );
        assert!(h["context"]["before"].is_null() || h["context"]["before"].is_string());
        assert!(h["context"]["after"].is_null() || h["context"]["after"].is_string());
        assert!(h["document"]["id"].is_string() && h["document"]["title"].is_string());
        assert!(h["document"]["date"].is_null() || h["document"]["date"].is_string());
        assert!(h["paragraph"].is_u64());
        assert!(h["citation"].is_string());
    }
}

#[test]
fn ask_prints_quote_speaker_question_and_citation() {
    let o = pressroom(&["ask", "中方对人工智能合作持什么立场？"], "", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("1. 「中国对与各国开展人工智能合作持积极开放态度"),
        "{out}"
    );
    assert!(out.contains("— 王毅, answering 凤凰卫视记者: “国际社会竞相提出人工智能全球治理方案"));
    assert!(out.contains("source: 2024-03-07 王毅记者会 ¶7"));
    assert_eq!(out.matches("「").count(), 1, "the best passage whole");
    assert!(
        out.contains("\n2. ¶") && out.contains("\n3. ¶"),
        "top_k = 3 by default"
    );
    assert!(!out.contains("\n4. "));
    assert_eq!(out.matches("凤凰卫视记者").count(), 1, "the question once");
}

#[test]
fn a_question_in_several_words_is_one_question() {
    let o = pressroom(&["ask", "--json", "南海", "问题"], "", &[]);
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["query"], "南海 问题");
    let o = pressroom(&["ask", "南海", "--top", "1"], "", &[]);
    assert!(o.status.success());
    assert!(
        stdout(&o).contains("(more results: --top 6)"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn an_empty_question_is_an_error() {
    let o = pressroom(&["ask", " "], "", &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("error: the question is empty"));
}

#[test]
fn ask_json_schema_and_top() {
    let o = pressroom(&["ask", "--json", "--top", "2", "全球南方"], "", &[]);
    assert!(o.status.success());
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    check_answer_schema(&v);
    assert_eq!(v["query"], "全球南方");
    assert_eq!(v["hits"].as_array().unwrap().len(), 2);
    assert_eq!(v["hits"][0]["document"]["date"], "2024-03-07");
}

#[test]
fn ask_json_question_unknown_is_null() {
    let o = pressroom(
        &["ask", "--json", "--top", "1", "南海的搅局者和肇事方"],
        "",
        &[],
    );
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    check_answer_schema(&v);
    assert!(v["hits"][0]["question"].is_null());
}

#[test]
fn ask_json_stdin_one_object_per_line() {
    let o = pressroom(
        &["ask", "--json", "-"],
        "人工智能\n\n朝鲜半岛\n？？？\n",
        &[],
    );
    assert!(o.status.success());
    let lines: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4, "one object per input line, blank ones too");
    for v in &lines {
        check_answer_schema(v);
    }
    assert_eq!(lines[1]["query"], "");
    assert!(lines[1]["hits"].as_array().unwrap().is_empty());
    assert_eq!(lines[2]["query"], "朝鲜半岛");
    assert!(lines[3]["hits"].as_array().unwrap().is_empty());
}

#[test]
fn ask_json_stdin_answers_whitespace_and_invalid_utf8_lines_and_goes_on() {
    let mut cmd = crate::pressroom_binary();
    cmd.args(["ask", "--json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let input: &[u8] =
        b"   \t \n\xff\xfe bad\n\xe4\xba\xba\xe5\xb7\xa5\xe6\x99\xba\xe8\x83\xbd\r\n";
    child.stdin.take().unwrap().write_all(input).unwrap();
    let o = child.wait_with_output().unwrap();
    let lines: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "{}", stderr(&o));
    for v in &lines {
        check_answer_schema(v);
    }
    assert_eq!(lines[0]["query"], "");
    assert!(lines[1]["error"].as_str().unwrap().contains("UTF-8"));
    assert_eq!(lines[2]["query"], "人工智能");
    assert!(!lines[2]["hits"].as_array().unwrap().is_empty());
    assert!(o.status.success());
}

#[test]
fn nothing_found_exits_1() {
    let o = pressroom(&["ask", "？？？"], "", &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).starts_with("No passage answers"));
}

#[test]
fn topics_json_schema() {
    let o = pressroom(&["topics", "--json"], "", &[]);
    assert!(o.status.success());
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let topics = v.as_array().unwrap();
    assert_eq!(topics.len(), 9);
    for t in topics {
        for key in ["id", "title", "answerer"] {
            assert!(t[key].is_string(), "{key}");
        }
        assert!(t["asker"].is_null() || t["asker"].is_string());
        assert!(t["question"].is_null() || t["question"].is_string());
        assert!(t["paragraphs"].as_u64().unwrap() > 0);
    }
    assert_eq!(topics[1]["title"], "人工智能");
    assert_eq!(topics[1]["asker"], "凤凰卫视记者");
}

#[test]
fn topic_shows_an_exchange_whole() {
    let o = pressroom(&["topic", "朝鲜半岛"], "", &[]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.contains("韩国广播公司记者：关于朝鲜半岛问题"));
    assert!(out.contains("王毅：朝鲜半岛问题延宕多年"));
    assert!(unwrapped(&out).contains("根本之道是重启对话谈判"));
    // The short id the console prints works as typed.
    let o = pressroom(&["topic", "2024-03-07#4"], "", &[]);
    assert!(
        stdout(&o).starts_with("朝鲜半岛 — 2024-03-07#4\n"),
        "{}",
        stdout(&o)
    );
    let o = pressroom(&["topic", "火星"], "", &[]);
    assert_eq!(o.status.code(), Some(1), "nothing found");
    assert!(stderr(&o).contains("no topic matches “火星”"));
}

#[test]
fn chat_reads_piped_questions_until_eof() {
    let o = pressroom(
        &["chat"],
        "人工智能应该始终处于谁的控制之下？\n/topics\n\n？？\n",
        &[],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(unwrapped(&out).contains("人工智能应始终处于人类控制之下"));
    assert!(out.contains("外交为民"), "the topic list");
    assert!(out.contains("the question is empty"));
}

#[test]
fn no_subcommand_without_token_runs_the_console_and_says_how_to_connect() {
    let o = pressroom(&[], "正确义利观\n", &[]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("正确义利观"));
    assert!(stderr(&o).contains("DISCORD_TOKEN"));
}

#[test]
fn eval_prints_the_scores() {
    let dev = super::fixture("dev.jsonl");
    let o = pressroom(&["eval", dev.to_str().unwrap()], "", &[]);
    assert!(o.status.success());
    assert!(
        stdout(&o).starts_with("questions 30  hit@1 "),
        "{}",
        stdout(&o)
    );
}

#[test]
fn a_closed_pipe_ends_a_command_quietly() {
    // `pressroom eval … | head -1`: the reader is gone before the scores are written.
    let dev = super::fixture("dev.jsonl");
    for args in [vec!["eval", dev.to_str().unwrap()], vec!["topics"]] {
        let mut child = crate::pressroom_binary()
            .args(&args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let o = child.wait_with_output().unwrap();
        let err = stderr(&o);
        assert!(o.status.success(), "{args:?}: {:?} {err}", o.status);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

#[test]
fn fit_decides_the_weights_from_explained_questions() {
    // Dumps of questions with an answer and questions without, as the README describes.
    let dir = tempfile::tempdir().unwrap();
    let mut dumps = Vec::new();
    for set in ["dev.jsonl", "eval/offtopic-seed.jsonl"] {
        let out = dir.path().join(set.replace('/', "-"));
        let path = super::fixture(set);
        let o = pressroom(
            &[
                "eval",
                path.to_str().unwrap(),
                "--explain",
                out.to_str().unwrap(),
            ],
            "",
            &[],
        );
        assert!(o.status.success(), "{}", stderr(&o));
        dumps.push(out);
    }
    let mut args = vec!["fit"];
    args.extend(dumps.iter().map(|d| d.to_str().unwrap()));
    let o = pressroom(&args, "", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("60 questions (30 with an answer)"), "{out}");
    // On the seed the right passage is found: held out, the fitted ranking keeps it first.
    let held_out: f64 = out
        .split("hit@1 over the candidates ")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .and_then(|s| s.parse().ok())
        .expect("a held-out hit@1");
    assert!(held_out >= 0.9, "{out}");
    assert!(
        out.contains("WEIGHTS = [") && out.contains("of the others refused"),
        "{out}"
    );
    // Something that is no dump is refused with its line.
    std::fs::write(dir.path().join("bad.jsonl"), "{}\n").unwrap();
    let o = pressroom(
        &["fit", dir.path().join("bad.jsonl").to_str().unwrap()],
        "",
        &[],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("bad.jsonl") && stderr(&o).contains("line 1"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn bad_config_is_a_clear_error() {
    let o = pressroom(
        &["ask", "人工智能"],
        "",
        &[("PRESSROOM__SEARCH__TOP_K", "0")],
    );
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).trim(),
        "error: configuration: search.top_k: must be between 1 and 20"
    );
    let o = pressroom(
        &["ask", "--config", "/nonexistent/pressroom.toml", "人工智能"],
        "",
        &[],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not found"));
}

#[test]
fn environment_overrides_reach_the_command() {
    let o = pressroom(
        &["ask", "人工智能"],
        "",
        &[("PRESSROOM__SEARCH__TOP_K", "1")],
    );
    assert_eq!(stdout(&o).matches("「").count(), 1);
}

#[test]
fn malformed_transcripts_are_named_and_the_rest_load() {
    let dir = tempfile::tempdir().unwrap();
    let t = dir.path().join("transcripts");
    std::fs::create_dir(&t).unwrap();
    for entry in std::fs::read_dir(super::fixture("transcripts-mixed")).unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(&p, t.join(p.file_name().unwrap())).unwrap();
    }
    let dir_s = dir.path().to_str().unwrap();
    let o = pressroom(
        &["topics", "--json"],
        "",
        &[("PRESSROOM__DATA__DIR", dir_s)],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    for (file, why) in [
        ("bad-front-matter.txt:3", "date `March 7` is not YYYY-MM-DD"),
        ("binary.txt", "binary file"),
        ("empty.txt", "empty transcript"),
        ("latin1.txt:2", "not valid UTF-8"),
    ] {
        assert!(
            err.lines().any(|l| l.contains(file) && l.contains(why)),
            "{file}: {why}\n{err}"
        );
    }
    assert!(
        !err.contains("no-labels.txt"),
        "a text without labels is a statement, not skipped\n{err}"
    );
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let askers: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t["asker"].as_str())
        .collect();
    assert!(
        askers.contains(&"追问") && askers.contains(&"央视记者"),
        "{askers:?}"
    );
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .all(|t| t["paragraphs"].as_u64().unwrap() > 0)
    );
}

#[test]
fn a_missing_data_folder_is_warned_about_and_the_served_data_named() {
    let o = pressroom(
        &["ask", "人工智能"],
        "",
        &[("PRESSROOM__DATA__DIR", "/nonexistent/pressroom-data")],
    );
    assert!(o.status.success());
    let err = stderr(&o);
    assert!(err.contains("/nonexistent/pressroom-data"), "{err}");
    assert!(
        err.contains("built into the binary") && err.contains("2024-03-07-wangyi"),
        "{err}"
    );
}

#[test]
fn an_os_error_is_said_once_with_its_path() {
    let o = pressroom(
        &["study", "--quiz"],
        "",
        &[("PRESSROOM__STORE__PATH", "/proc/version/sub/study.sqlite3")],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("/proc/version"), "{err}");
    assert_eq!(err.matches("os error").count(), 1, "{err}");
}

#[test]
fn the_users_config_folder_is_read_and_the_data_served_is_named() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("pressroom")).unwrap();
    std::fs::write(
        home.path().join("pressroom/local.toml"),
        "[search]\ntop_k = 1\n",
    )
    .unwrap();
    let o = pressroom(
        &["ask", "--json", "人工智能"],
        "",
        &[("XDG_CONFIG_HOME", home.path().to_str().unwrap())],
    );
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(
        v["hits"].as_array().unwrap().len(),
        1,
        "top_k from the user's file"
    );
    // A wrong data folder is said, not silently replaced by the built-in transcripts.
    let o = pressroom(
        &["ask", "人工智能"],
        "",
        &[("PRESSROOM__DATA__DIR", "/nonexistent/pressroom-data")],
    );
    assert!(o.status.success());
    assert!(
        stderr(&o).contains("no transcripts folder at /nonexistent/pressroom-data/transcripts"),
        "{}",
        stderr(&o)
    );
}
