//! Study sessions through the library and the console binary: quiz generation on the seed,
//! walkthrough and quiz flows, persistence across reopening and a SIGKILL, idle closing.

use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;
use std::sync::{Arc, LazyLock};
use std::time::Duration;

use pressroom::Engine;
use pressroom::config::Settings;
use pressroom::study::quiz::{BLANK, generate};
use pressroom::study::{Action, ItemKind, Member, Mode, Post, SqliteStore, Study, is_right};
use pressroom::text::compare_key;

static ENGINE: LazyLock<Arc<Engine>> =
    LazyLock::new(|| Arc::new(Engine::load(&Settings::for_tests()).unwrap()));

fn transcript_key() -> String {
    compare_key(
        &ENGINE.documents()[0]
            .paragraphs
            .iter()
            .map(|p| p.text.as_str())
            .collect::<String>(),
    )
}

fn member(id: &str, manage: bool) -> Member {
    Member {
        id: id.into(),
        name: format!("member-{id}"),
        can_manage: manage,
    }
}

#[test]
fn every_generated_question_is_answerable_from_the_transcript_and_fair() {
    let engine = &*ENGINE;
    let whole = engine.study_scope(None).unwrap();
    let doc = whole.document;
    let key = transcript_key();
    let askers: Vec<String> = doc
        .exchanges
        .iter()
        .filter_map(|e| e.question.as_ref().map(|q| q.speaker.clone()))
        .collect();
    let filler = ["的", "我们", "这个", "一个", "是", "在", "和", "也", "要"];
    let mut kinds = std::collections::HashSet::new();
    for seed in 0..40 {
        let items = generate(engine, &whole, 8, seed);
        assert_eq!(items.len(), 8, "seed {seed}");
        for it in &items {
            kinds.insert(it.kind);
            let right = it.answer_index.expect("a multiple-choice answer");
            assert_eq!(it.choices[right], it.answer, "{it:?}");
            assert!(it.choices.len() >= 3, "{it:?}");
            assert!(
                key.contains(&compare_key(&it.quote)),
                "the quote is real: {it:?}"
            );
            // No distractor is also right.
            for (i, c) in it.choices.iter().enumerate() {
                if i != right {
                    assert_ne!(compare_key(c), compare_key(&it.answer), "{it:?}");
                    assert!(!is_right(it, c), "{c} would be judged right: {it:?}");
                }
            }
            match it.kind {
                ItemKind::Cloze => {
                    assert_eq!(it.prompt.matches(BLANK).count(), 1);
                    let filled = it.prompt.replace(BLANK, &it.answer);
                    assert!(key.contains(&compare_key(&filled)), "{filled}");
                    assert!(
                        !filler.contains(&it.answer.as_str()),
                        "a filler mask: {it:?}"
                    );
                    let number = it.answer.chars().all(|c| c.is_ascii_digit() || c == '.');
                    assert!(number || it.answer.chars().count() >= 2, "{it:?}");
                    for (i, c) in it.choices.iter().enumerate() {
                        if i != right {
                            let wrong = compare_key(&it.prompt.replace(BLANK, c));
                            assert!(
                                !key.contains(&wrong),
                                "distractor {c} makes a true sentence"
                            );
                        }
                    }
                }
                ItemKind::WhoAsked => {
                    assert!(askers.contains(&it.answer));
                    assert!(it.choices.iter().all(|c| askers.contains(c)));
                }
                ItemKind::WhichStatement => {
                    let x = ENGINE.exchange_ref(&it.exchange).unwrap();
                    let own: String = doc
                        .answer_paragraphs(&doc.exchanges[x.exchange])
                        .iter()
                        .map(|&i| doc.paragraphs[i].text.clone())
                        .collect();
                    let own = compare_key(&own);
                    assert!(own.contains(&compare_key(&it.answer)));
                    for (i, c) in it.choices.iter().enumerate() {
                        if i != right {
                            assert!(
                                !own.contains(&compare_key(c)),
                                "{c} is from the same answer"
                            );
                            assert!(key.contains(&compare_key(c)), "near misses are real quotes");
                        }
                    }
                }
                ItemKind::WhichTopic => {
                    let x = ENGINE.exchange_ref(&it.exchange).unwrap();
                    assert_eq!(ENGINE.topic(x).title, it.answer);
                }
                ItemKind::Exchange => panic!("no walkthrough steps in a quiz"),
            }
        }
        // The same seed, the same quiz.
        assert_eq!(items, generate(engine, &whole, 8, seed));
    }
    assert!(kinds.len() >= 4, "every kind appears: {kinds:?}");
    // The seed's famous fact is among the clozes one can get.
    let africa = ENGINE.study_scope(Some("非洲")).unwrap();
    assert_eq!(africa.exchanges, [ENGINE.find_exchange("非洲").unwrap()]);
    let found = (0..60).any(|seed| {
        generate(engine, &africa, 5, seed).iter().any(|it| {
            it.kind == ItemKind::Cloze
                && it.answer == "15"
                && it.prompt.contains("年成为非洲第一大贸易伙伴")
        })
    });
    assert!(found, "中国连续__年成为非洲第一大贸易伙伴 → 15");
}

fn study_at(path: &std::path::Path, idle: Duration) -> Study {
    Study::new(
        ENGINE.clone(),
        Arc::new(SqliteStore::open(path).unwrap()),
        idle,
    )
}

#[test]
fn a_walkthrough_goes_question_reveal_next_end() {
    let dir = tempfile::tempdir().unwrap();
    let study = study_at(&dir.path().join("s.sqlite3"), Duration::from_secs(600));
    let host = member("host", false);
    let (row, first) = study
        .start("thread-1", "host", None, Mode::Walkthrough)
        .unwrap();
    let Post::Item {
        at: 0, total, item, ..
    } = first
    else {
        panic!("{first:?}")
    };
    assert_eq!(total, ENGINE.documents()[0].exchanges.len());
    assert!(item.prompt.is_empty(), "the opening answer has no question");
    let reveal = study
        .act(row.id, &host, Action::Reveal { at: 0, page: 0 })
        .unwrap();
    let Post::Answer { paragraphs, .. } = reveal else {
        panic!("{reveal:?}")
    };
    assert!(paragraphs[0].2.ends_with("¶1"));
    let next = study.act(row.id, &host, Action::Next { at: 0 }).unwrap();
    let Post::Item { at: 1, item, .. } = next else {
        panic!("{next:?}")
    };
    assert!(item.prompt.starts_with("凤凰卫视记者："));
    assert_eq!(
        study.act(row.id, &host, Action::Next { at: 0 }).unwrap(),
        Post::Stale
    );
    assert!(study.act(row.id, &member("x", false), Action::End).is_err());
    let end = study.act(row.id, &host, Action::End).unwrap();
    let Post::Summary(s) = end else {
        panic!("{end:?}")
    };
    assert_eq!((s.done, s.covered.len()), (1, 1));
    assert!(study.session_in("thread-1").unwrap().is_none());
}

#[test]
fn a_quiz_resumes_after_reopening_with_scores_intact_and_nothing_asked_twice() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.sqlite3");
    let (id, asked) = {
        let study = study_at(&path, Duration::from_secs(600));
        let (row, first) = study.start("t", "host", None, Mode::Quiz).unwrap();
        let Post::Item { item, .. } = first else {
            panic!()
        };
        let a = member("a", false);
        let b = member("b", false);
        let typed = study
            .act(row.id, &a, Action::Typed(item.answer.clone()))
            .unwrap();
        assert_eq!(
            typed,
            Post::Judged {
                member: a.name.clone(),
                correct: true,
                counted: true
            }
        );
        let wrong = (item.answer_index.unwrap() + 1) % item.choices.len();
        let chose = study
            .act(
                row.id,
                &b,
                Action::Choose {
                    at: 0,
                    choice: wrong,
                },
            )
            .unwrap();
        assert!(matches!(chose, Post::Judged { correct: false, .. }));
        study.act(row.id, &a, Action::Next { at: 0 }).unwrap();
        (row.id, item)
    };
    let study = study_at(&path, Duration::from_secs(600));
    let row = study.session_in("t").unwrap().unwrap();
    assert_eq!((row.id, row.position), (id, 1));
    let Post::Item { at: 1, item, .. } = study.current(&row).unwrap() else {
        panic!()
    };
    assert_ne!(item, asked);
    let board = study.board(id).unwrap();
    assert_eq!(
        board
            .iter()
            .map(|s| (s.right, s.answered))
            .collect::<Vec<_>>(),
        [(1, 1), (0, 1)]
    );
}

#[test]
fn idle_sessions_are_closed_with_their_summary() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.sqlite3");
    let study = study_at(&path, Duration::from_secs(3600));
    study
        .start("t", "host", Some("非洲"), Mode::Walkthrough)
        .unwrap();
    assert!(study.close_idle().unwrap().is_empty(), "not idle yet");
    // Pretend the last change was two hours ago.
    let store = SqliteStore::open(&path).unwrap();
    let rusqlite_path = path.clone();
    drop(store);
    let conn = rusqlite::Connection::open(&rusqlite_path).unwrap();
    conn.execute("UPDATE sessions SET last_active = last_active - 7200", [])
        .unwrap();
    drop(conn);
    let closed = study.close_idle().unwrap();
    assert_eq!(closed.len(), 1);
    assert_eq!(closed[0].1.title, "非洲");
    assert!(study.session_in("t").unwrap().is_none());
}

/// Reads the console's output until a line contains `marker` (or, `a|b`, either).
fn read_until(out: &mut impl BufRead, marker: &str) -> String {
    let mut seen = String::new();
    let mut line = String::new();
    while out.read_line(&mut line).unwrap() > 0 {
        seen.push_str(&line);
        if marker.split('|').any(|m| line.contains(m)) {
            return seen;
        }
        line.clear();
    }
    panic!("the console ended without {marker}:\n{seen}");
}

#[test]
fn the_console_quiz_survives_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("console.sqlite3");
    let spawn = || {
        crate::pressroom_binary()
            .args(["study", "--quiz"])
            .env("PRESSROOM__STORE__PATH", &store)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    let mut child = spawn();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    read_until(&mut out, "Type your answer");
    let mut input = child.stdin.take().unwrap();
    writeln!(input, "1").unwrap();
    // Choice 1 may be right or wrong; either way it is recorded.
    read_until(&mut out, "✔ Right.|✘ Not quite.");
    writeln!(input, "n").unwrap();
    let second = read_until(&mut out, "[2/8]");
    assert!(second.contains("Answer:"));
    read_until(&mut out, "Type your answer");
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();

    let mut child = spawn();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let resumed = read_until(&mut out, "Type your answer");
    assert!(
        resumed.contains("resuming") && resumed.contains("[2/8]"),
        "{resumed}"
    );
    let mut input = child.stdin.take().unwrap();
    writeln!(input, "e").unwrap();
    let summary = read_until(&mut out, "Session over");
    let _ = summary;
    let rest: String = out.lines().map(|l| l.unwrap() + "\n").collect();
    assert!(
        rest.contains("you: 1/1") || rest.contains("you: 0/1"),
        "{rest}"
    );
    assert!(child.wait().unwrap().success());
}

#[test]
fn a_session_left_open_past_its_last_item_ends_instead_of_panicking() {
    // The state a kill between "advance" and "close" left behind in earlier versions.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.sqlite3");
    let study = study_at(&path, Duration::from_secs(600));
    let (row, _) = study.start("t", "host", None, Mode::Quiz).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute(
        "UPDATE sessions SET position = (SELECT COUNT(*) FROM items WHERE session = ?1), open = 1 WHERE id = ?1",
        [row.id],
    )
    .unwrap();
    drop(conn);
    let host = member("host", false);
    let at = study.session(row.id).unwrap().unwrap().position;
    for action in [
        Action::Next { at },
        Action::Skip { at },
        Action::Choose { at, choice: 0 },
        Action::Typed("15".into()),
        Action::Reveal { at, page: 0 },
    ] {
        let post = study.act(row.id, &host, action.clone());
        assert!(
            matches!(post, Ok(Post::Summary(_)) | Err(_)),
            "{action:?}: {post:?}"
        );
    }
    assert!(study.session_in("t").unwrap().is_none(), "it is closed");
}

#[test]
fn a_member_is_one_line_on_the_board_under_their_current_name() {
    let dir = tempfile::tempdir().unwrap();
    let study = study_at(&dir.path().join("s.sqlite3"), Duration::from_secs(600));
    let (row, first) = study.start("t", "host", None, Mode::Quiz).unwrap();
    let Post::Item { item, .. } = first else {
        panic!()
    };
    // Typed under the account name, then pressed under the server nickname.
    let typed = Member {
        id: "42".into(),
        name: "account".into(),
        can_manage: false,
    };
    let pressed = Member {
        id: "42".into(),
        name: "Nickname".into(),
        can_manage: false,
    };
    study
        .act(row.id, &typed, Action::Typed(item.answer.clone()))
        .unwrap();
    study.act(row.id, &typed, Action::Next { at: 0 }).unwrap();
    let Post::Item { item, .. } = study
        .current(&study.session(row.id).unwrap().unwrap())
        .unwrap()
    else {
        panic!()
    };
    let choice = item.answer_index.unwrap();
    study
        .act(row.id, &pressed, Action::Choose { at: 1, choice })
        .unwrap();
    // Someone else happens to share the old name: a different line.
    let namesake = Member {
        id: "7".into(),
        name: "account".into(),
        can_manage: false,
    };
    study
        .act(row.id, &namesake, Action::Choose { at: 1, choice })
        .unwrap();
    let board = study.board(row.id).unwrap();
    let lines: Vec<(&str, usize, usize)> = board
        .iter()
        .map(|s| (s.name.as_str(), s.right, s.answered))
        .collect();
    assert_eq!(lines, [("Nickname", 2, 2), ("account", 1, 1)]);
}
