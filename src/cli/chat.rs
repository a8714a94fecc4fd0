//! `pressroom chat`: the console. On a terminal it is a line editor (rustyline): history in
//! the user's data folder, completion of `/` commands and topic names, Ctrl-C cancels the line,
//! Ctrl-D quits, Ctrl-L clears. Piped input is read line by line.

use std::borrow::Cow;
use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{Editor, Helper};

use super::ids::ShortIds;
use crate::config::Settings;
use crate::engine::{AskOptions, Engine};
use crate::reply::render::{self, ConsoleOptions, Highlight};

/// The console's commands and what they do (`/help`).
pub const COMMANDS: &[(&str, &str)] = &[
    ("/help", "this list"),
    ("/topics", "the exchanges with their topic names and ids"),
    (
        "/topic NAME",
        "one exchange whole: its id (2024-03-07#2), topic name (非洲), a word, or pinyin",
    ),
    ("/more", "more results for the last question"),
    ("/quit", "leave (or Ctrl-D)"),
];

/// What one line of input did.
#[derive(Debug, PartialEq, Eq)]
pub enum Step {
    /// Print this.
    Reply(String),
    /// Leave.
    Quit,
}

/// The console's state: the engine, the last question and how many of its results were shown.
pub struct Chat<'a> {
    engine: &'a Engine,
    settings: &'a Settings,
    ids: ShortIds,
    /// The last question and how many results were shown.
    last: Option<(String, usize)>,
    /// Columns to lay out for.
    pub width: usize,
    /// How matched words are marked.
    pub highlight: Highlight,
}

impl<'a> Chat<'a> {
    /// A console over `engine`.
    pub fn new(engine: &'a Engine, settings: &'a Settings) -> Chat<'a> {
        Chat {
            engine,
            settings,
            ids: ShortIds::new(engine.documents()),
            last: None,
            width: 80,
            highlight: Highlight::Plain,
        }
    }

    /// Answers one line: a command or a question.
    pub fn handle(&mut self, line: &str) -> Step {
        let line = line.trim();
        if line.is_empty() {
            return Step::Reply(String::new());
        }
        let (cmd, arg) = match line.split_once(char::is_whitespace) {
            Some((c, a)) => (c, a.trim()),
            None => (line, ""),
        };
        let reply = match cmd {
            "/quit" | "/exit" | "/q" => return Step::Quit,
            "/help" | "/?" | "/h" => help(),
            "/topics" => render::topic_list_with(&self.ids.topics(self.engine.topics()), self.width),
            "/topic" if arg.is_empty() => {
                "Which one? `/topic NAME`: an id from /topics (2024-03-07#2), a topic name, a word of the question, or pinyin.\n".to_string()
            }
            "/topic" => match self
                .engine
                .find_exchange(&self.ids.expand(arg))
                .map(|at| self.engine.exchange(at))
            {
                Ok(Some(mut view)) => {
                    view.summary.id = self.ids.shorten(&view.summary.id);
                    render::exchange_with(&view, self.width)
                }
                Ok(None) => "That exchange is gone.\n".into(),
                Err(e) => format!("{e}\n"),
            },
            "/more" | "more" if arg.is_empty() => self.more(),
            c if c.starts_with('/') => {
                format!("There is no {c} command. `/help` lists them.\n")
            }
            _ => self.ask(line),
        };
        Step::Reply(reply)
    }

    fn options(&self) -> ConsoleOptions {
        ConsoleOptions {
            highlight: self.highlight,
            width: self.width,
            footer: None,
            topics_command: "/topics".into(),
        }
    }

    fn ask(&mut self, q: &str) -> String {
        if let Err(e) = self
            .engine
            .check_question(q, self.settings.discord.max_question_chars)
        {
            return format!("{e}\n");
        }
        let top = self.engine.default_top();
        let (answer, more) = ask_one_more(self.engine, q, top);
        let shown = answer.hits.len();
        self.last = Some((q.to_string(), shown));
        let mut opts = self.options();
        if more {
            opts.footer = Some("(more results: /more)".into());
        }
        render::console_with(&self.ids.answer(answer), &opts)
    }

    fn more(&mut self) -> String {
        let Some((q, shown)) = self.last.clone() else {
            return "Ask a question first; `/more` shows more of its results.\n".into();
        };
        let top = self.engine.default_top();
        let (answer, more) = ask_one_more(self.engine, &q, shown + top);
        if answer.hits.len() <= shown {
            return "No more results for that question.\n".into();
        }
        self.last = Some((q, answer.hits.len()));
        let answer = self.ids.answer(answer);
        let mut out = render::more_results(&answer.hits[shown..], self.highlight, self.width);
        if more {
            out.push_str("(more results: /more)\n");
        }
        out
    }
}

/// The answer with `top` hits, and whether there are more.
pub fn ask_one_more(engine: &Engine, q: &str, top: usize) -> (crate::reply::Answer, bool) {
    let mut answer = engine.ask_with(
        q,
        &AskOptions {
            top: top + 1,
            ..Default::default()
        },
    );
    let more = answer.hits.len() > top;
    answer.hits.truncate(top);
    (answer, more)
}

fn help() -> String {
    let mut out = String::from("Type a question and press Enter. Commands:\n");
    for (c, what) in COMMANDS {
        out.push_str(&format!("  {}  {what}\n", crate::reply::wrap::pad(c, 12)));
    }
    out.push_str("Keys: ↑/↓ history, Tab completes commands and topics, Ctrl-C cancels the line, Ctrl-L clears, Ctrl-D quits.\n");
    out
}

/// The console's columns: the terminal's when stdout is one, else `COLUMNS`, else 80.
pub fn columns() -> usize {
    if std::io::stdout().is_terminal()
        && let Some((_, cols)) = console::Term::stdout().size_checked()
    {
        return usize::from(cols);
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(80)
}

/// Runs the console until `/quit` or the end of input.
pub fn run(engine: &Engine, settings: &Settings, banner: &str) -> Result<ExitCode> {
    let mut chat = Chat::new(engine, settings);
    chat.highlight = super::highlight_style();
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        let cols = columns();
        eprint!("{}", crate::reply::wrap::wrap(banner, cols, "", "  "));
        eprint!(
            "{}",
            crate::reply::wrap::wrap(
                "Ask a question and press Enter. /help lists the commands; Ctrl-D quits.",
                cols,
                "",
                "  "
            )
        );
        return interactive(chat);
    }
    let mut out = std::io::stdout().lock();
    for line in std::io::stdin().lock().lines() {
        let line = line.context("reading stdin")?;
        chat.width = columns();
        match chat.handle(&line) {
            Step::Quit => break,
            Step::Reply(r) if r.is_empty() => continue,
            Step::Reply(r) => {
                out.write_all(r.as_bytes())?;
                out.write_all(b"\n")?;
                out.flush()?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn interactive(mut chat: Chat<'_>) -> Result<ExitCode> {
    let helper = ConsoleHelper {
        topics: {
            let ids = &chat.ids;
            let mut names: Vec<String> = Vec::new();
            for t in chat.engine.topics() {
                names.push(t.title.clone());
                names.push(ids.shorten(&t.id));
            }
            names.sort();
            names.dedup();
            names
        },
    };
    let mut rl: Editor<ConsoleHelper, rustyline::history::DefaultHistory> =
        Editor::new().context("starting the line editor")?;
    rl.set_helper(Some(helper));
    let history = crate::paths::data_dir().map(|d| d.join("history.txt"));
    if let Some(h) = &history {
        let _ = rl.load_history(h);
    }
    loop {
        match rl.readline("? ") {
            Ok(line) => {
                if !line.trim().is_empty() {
                    let _ = rl.add_history_entry(line.trim());
                }
                chat.width = columns();
                match chat.handle(&line) {
                    Step::Quit => break,
                    Step::Reply(r) => {
                        print!("{r}");
                        if !r.is_empty() {
                            println!();
                        }
                    }
                }
            }
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => break,
            Err(e) => return Err(e).context("reading the console"),
        }
    }
    if let Some(h) = &history {
        if let Some(dir) = h.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        if let Err(e) = rl.save_history(h) {
            tracing::warn!("could not save the console history to {}: {e}", h.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Completion of `/` commands and, after `/topic `, of topic names and ids.
struct ConsoleHelper {
    topics: Vec<String>,
}

impl Completer for ConsoleHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &rustyline::Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let typed = &line[..pos];
        if let Some(rest) = typed.strip_prefix("/topic ") {
            let start = pos - rest.len();
            let rest = rest.trim_start();
            let start = pos - rest.len().min(pos - start);
            let pairs = self
                .topics
                .iter()
                .filter(|t| t.starts_with(rest))
                .map(|t| Pair {
                    display: t.clone(),
                    replacement: t.clone(),
                })
                .collect();
            return Ok((start, pairs));
        }
        if typed.starts_with('/') && !typed.contains(' ') {
            let pairs = COMMANDS
                .iter()
                .map(|(c, _)| c.split(' ').next().unwrap_or(c))
                .filter(|c| c.starts_with(typed))
                .map(|c| Pair {
                    display: c.to_string(),
                    replacement: if c == "/topic" {
                        "/topic ".into()
                    } else {
                        c.to_string()
                    },
                })
                .collect();
            return Ok((0, pairs));
        }
        Ok((pos, Vec::new()))
    }
}

impl Hinter for ConsoleHelper {
    type Hint = String;
}

impl Highlighter for ConsoleHelper {
    fn highlight_prompt<'b, 's: 'b, 'p: 'b>(
        &'s self,
        prompt: &'p str,
        _default: bool,
    ) -> Cow<'b, str> {
        Cow::Borrowed(prompt)
    }
}

impl Validator for ConsoleHelper {}

impl Helper for ConsoleHelper {}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_chat(f: impl FnOnce(&mut Chat<'_>)) {
        let settings = Settings::for_tests();
        let engine = Engine::load(&settings).unwrap();
        let mut chat = Chat::new(&engine, &settings);
        f(&mut chat);
    }

    fn reply(chat: &mut Chat<'_>, line: &str) -> String {
        match chat.handle(line) {
            Step::Reply(r) => r,
            Step::Quit => panic!("quit on {line}"),
        }
    }

    #[test]
    fn commands_are_not_questions() {
        with_chat(|chat| {
            assert!(reply(chat, "/help").contains("/topic NAME"));
            assert!(reply(chat, "/topic").starts_with("Which one?"));
            assert!(reply(chat, "/nope").contains("There is no /nope command"));
            assert!(reply(chat, "/topic 2024-03-07#3").starts_with("非洲 — 2024-03-07#3"));
            assert!(reply(chat, "/topics").contains("2024-03-07#2"));
            assert_eq!(chat.handle("/quit"), Step::Quit);
        });
    }

    #[test]
    fn more_shows_the_next_results_once() {
        with_chat(|chat| {
            assert!(reply(chat, "/more").starts_with("Ask a question first"));
            let first = reply(chat, "人工智能");
            assert!(first.ends_with("(more results: /more)\n"), "{first}");
            let more = reply(chat, "/more");
            assert!(more.contains("\n4. ¶"), "{more}");
            assert!(!more.contains("「"), "one line each: {more}");
        });
    }
}
