//! `pressroom study`: one person's study session in the console.

use std::io::BufRead;
use std::sync::Arc;

use crate::config::Settings;
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::study::{Action, Member, Mode, Post, Study, render};

/// One person's session in the console, resumed if one was left unfinished.
/// Lines: a typed answer or a choice number, `r` reveal (more), `n` next, `s` skip, `e` end.
pub fn console(engine: Engine, settings: &Settings, quiz: bool, topic: Option<&str>) -> Result<()> {
    // What was asked for, to tell whether an unfinished session is the same one.
    let wanted_title = match topic {
        Some(t) => Some(engine.study_scope(Some(t))?.title),
        None => None,
    };
    let study = Study::open(Arc::new(engine), settings)?;
    let me = Member {
        id: "console".into(),
        name: "you".into(),
        can_manage: true,
    };
    let mode = if quiz { Mode::Quiz } else { Mode::Walkthrough };
    let unfinished = study.session_in("console")?;
    let (row, first) = match unfinished {
        Some(row)
            if (quiz && row.mode != Mode::Quiz)
                || wanted_title.as_ref().is_some_and(|t| *t != row.title) =>
        {
            // Asked for something else: close the old session and start what was asked.
            study.act(row.id, &me, Action::End)?;
            println!(
                "(ended the unfinished {} “{}” to start the one you asked for)",
                mode_name(row.mode),
                row.title
            );
            study.start("console", "console", topic, mode)?
        }
        Some(row) => {
            println!("{}", render::resumed());
            println!(
                "(your unfinished {} “{}”; `e` ends it, then start another with --quiz or --topic)",
                mode_name(row.mode),
                row.title
            );
            let post = study.current(&row)?;
            (row, post)
        }
        None => study.start("console", "console", topic, mode)?,
    };
    print!("{}", render::console(&first));
    let mut reveal_page = 0;
    // True once the last page of the answer was shown (`r` then says so instead of
    // printing it again).
    let mut revealed_all = false;
    let stdin = std::io::stdin();
    for line in stdin.lock().lines() {
        let line = line.map_err(|e| Error::io(std::path::Path::new("<stdin>"), e))?;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let Some(current) = study.session(row.id)? else {
            break;
        };
        let at = current.position;
        let action = match line {
            "n" | "next" => Action::Next { at },
            "s" | "skip" => Action::Skip { at },
            "e" | "end" | "/end" | "q" | "quit" => Action::End,
            "r" | "reveal" if revealed_all => {
                println!("(that is the whole answer: `n` next, `s` skip, `e` end)");
                continue;
            }
            "r" | "reveal" => {
                let a = Action::Reveal {
                    at,
                    page: reveal_page,
                };
                reveal_page += 1;
                a
            }
            _ if current.mode == Mode::Walkthrough => {
                println!(
                    "(a walkthrough has nothing to answer: think it over, then `r` shows the answer, `n` next, `s` skip, `e` end)"
                );
                continue;
            }
            other => Action::Typed(other.to_string()),
        };
        if !matches!(action, Action::Reveal { .. }) {
            reveal_page = 0;
            revealed_all = false;
        }
        match study.act(row.id, &me, action) {
            Ok(post) => {
                if let Post::Answer { page, pages, .. } = &post {
                    revealed_all = page + 1 >= *pages;
                }
                print!("{}", render::console(&post));
                if matches!(post, Post::Summary(_))
                    || matches!(&post, Post::Many(p) if matches!(p.last(), Some(Post::Summary(_))))
                {
                    return Ok(());
                }
            }
            Err(Error::User(e)) => println!("{e}"),
            Err(e) => return Err(e),
        }
    }
    // End of input: the session stays open in the store, to be resumed next time.
    if let Some(current) = study.session(row.id)?.filter(|r| r.open) {
        print!(
            "{}",
            render::console(&Post::Board(study.board(current.id)?))
        );
    }
    Ok(())
}

fn mode_name(mode: Mode) -> &'static str {
    match mode {
        Mode::Quiz => "quiz",
        Mode::Walkthrough => "walkthrough",
    }
}
