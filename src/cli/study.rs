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
    let study = Study::open(Arc::new(engine), settings)?;
    let me = Member {
        id: "console".into(),
        name: "you".into(),
        can_manage: true,
    };
    let (row, first) = match study.session_in("console")? {
        Some(row) => {
            println!("{}", render::resumed());
            let post = study.current(&row)?;
            (row, post)
        }
        None => study.start(
            "console",
            "console",
            topic,
            if quiz { Mode::Quiz } else { Mode::Walkthrough },
        )?,
    };
    print!("{}", render::console(&first));
    let mut reveal_page = 0;
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
            "r" | "reveal" => {
                let a = Action::Reveal {
                    at,
                    page: reveal_page,
                };
                reveal_page += 1;
                a
            }
            other => Action::Typed(other.to_string()),
        };
        if !matches!(action, Action::Reveal { .. }) {
            reveal_page = 0;
        }
        match study.act(row.id, &me, action) {
            Ok(post) => {
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
