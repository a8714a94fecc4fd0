//! Group study sessions: a walkthrough of the exchanges, or a quiz made from the transcript,
//! kept in a [`SessionStore`] (SQLite by default) so a restarted bot resumes them.
//!
//! [`Study`] is front-agnostic: Discord and the console call [`Study::start`] and
//! [`Study::act`] and render the [`Post`]s they get back with [`render`]. Every change is
//! committed to the store before the post that depends on it is returned.

pub mod quiz;
pub mod render;
pub mod store;

use std::io::BufRead;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::config::Settings;
use crate::engine::{Engine, ExchangeRef};
use crate::error::{Error, Result, UserError};
use crate::text::compare_key;
pub use store::{AnswerRow, NewSession, SessionRow, SessionStore, SqliteStore};

/// How a session goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Mode {
    /// Exchange by exchange: the question, discussion, then the answer.
    Walkthrough,
    /// Questions made from the transcript, scored.
    Quiz,
}

/// What an item asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum ItemKind {
    /// A walkthrough step: one exchange.
    Exchange,
    /// A sentence with a term or number masked.
    Cloze,
    /// Which reporter asked this question.
    WhoAsked,
    /// Which topic a sentence belongs to.
    WhichTopic,
    /// Which of these the answerer said.
    WhichStatement,
}

impl ItemKind {
    fn name(self) -> &'static str {
        match self {
            ItemKind::Exchange => "exchange",
            ItemKind::Cloze => "cloze",
            ItemKind::WhoAsked => "who_asked",
            ItemKind::WhichTopic => "which_topic",
            ItemKind::WhichStatement => "which_statement",
        }
    }

    fn from_name(s: &str) -> ItemKind {
        match s {
            "cloze" => ItemKind::Cloze,
            "who_asked" => ItemKind::WhoAsked,
            "which_topic" => ItemKind::WhichTopic,
            "which_statement" => ItemKind::WhichStatement,
            _ => ItemKind::Exchange,
        }
    }
}

/// One step of a session: an exchange to discuss, or a quiz question with its answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    /// What it asks.
    pub kind: ItemKind,
    /// The exchange it comes from (`doc#n`).
    pub exchange: String,
    /// What is shown first (the reporter's question, or the quiz question).
    pub prompt: String,
    /// Choices for buttons (empty for a walkthrough step).
    pub choices: Vec<String>,
    /// The right answer (as written in the transcript).
    pub answer: String,
    /// Which choice is right.
    pub answer_index: Option<usize>,
    /// The passage it came from.
    pub quote: String,
    /// Its citation.
    pub citation: String,
}

/// Who acts.
#[derive(Debug, Clone)]
pub struct Member {
    /// User id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// May skip and end sessions they do not host (Discord's Manage Threads).
    pub can_manage: bool,
}

/// What a member does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Show the answer of walkthrough item `at` (page `page`).
    Reveal {
        /// The item.
        at: usize,
        /// The page of the answer.
        page: usize,
    },
    /// Close item `at` (showing its answer in a quiz) and move on.
    Next {
        /// The item.
        at: usize,
    },
    /// Move on from item `at` without discussing it (host or moderator).
    Skip {
        /// The item.
        at: usize,
    },
    /// Answer item `at` with choice `choice`.
    Choose {
        /// The item.
        at: usize,
        /// The choice, from 0.
        choice: usize,
    },
    /// A typed answer to the current item.
    Typed(String),
    /// End the session (host or moderator).
    End,
}

/// A member's line on the score board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Score {
    /// Display name.
    pub name: String,
    /// Right answers.
    pub right: usize,
    /// Answers given.
    pub answered: usize,
}

/// What a session leaves behind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Its title.
    pub title: String,
    /// Exchanges covered (ids, in order).
    pub covered: Vec<String>,
    /// Items done out of all.
    pub done: usize,
    /// All items.
    pub total: usize,
    /// The board, best first.
    pub scores: Vec<Score>,
    /// The items most often missed, with how often, to review.
    pub missed: Vec<(Item, usize)>,
}

/// What a session says next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Post {
    /// Item `at` of `total`, shown.
    Item {
        /// The session.
        session: i64,
        /// Its position.
        at: usize,
        /// Items in all.
        total: usize,
        /// The item.
        item: Item,
        /// Topic of its exchange.
        topic: String,
    },
    /// The answer of a walkthrough item, one page of it.
    Answer {
        /// The session.
        session: i64,
        /// The item's position.
        at: usize,
        /// Page shown, from 0.
        page: usize,
        /// Pages in all.
        pages: usize,
        /// `(speaker, text, citation)` of the paragraphs on this page.
        paragraphs: Vec<(String, String, String)>,
    },
    /// The answer of a quiz item, with the quote it came from.
    Solution {
        /// The item.
        item: Item,
        /// Who got it right.
        right: Vec<String>,
    },
    /// A member's answer was judged (only they need to see a button answer's verdict).
    Judged {
        /// Who.
        member: String,
        /// Right or not.
        correct: bool,
        /// False when they had answered already (the first answer counts).
        counted: bool,
    },
    /// Several posts in order (a solution, then the next item).
    Many(Vec<Post>),
    /// The score board.
    Board(Vec<Score>),
    /// The session ended.
    Summary(Summary),
    /// A button from an earlier step was pressed; nothing changed.
    Stale,
}

/// Answer pages are at most this long.
const PAGE_CHARS: usize = 1500;
/// Questions in a quiz over a whole transcript.
const QUIZ_LENGTH: usize = 8;

/// The study-session service.
pub struct Study {
    engine: Arc<Engine>,
    store: Arc<dyn SessionStore>,
    idle: Duration,
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

impl Study {
    /// The service over `store`.
    pub fn new(engine: Arc<Engine>, store: Arc<dyn SessionStore>, idle: Duration) -> Study {
        Study {
            engine,
            store,
            idle,
        }
    }

    /// The service with the SQLite store at `store.path`.
    pub fn open(engine: Arc<Engine>, settings: &Settings) -> Result<Study> {
        let store = SqliteStore::open(&settings.store.path)?;
        Ok(Study::new(
            engine,
            Arc::new(store),
            Duration::from_secs(settings.study.idle_minutes * 60),
        ))
    }

    /// The engine.
    pub fn engine(&self) -> &Arc<Engine> {
        &self.engine
    }

    /// Starts a session in `place` hosted by `host`: on one topic's exchange, or on the whole
    /// (first) transcript. Returns the session and its first post.
    pub fn start(
        &self,
        place: &str,
        host: &str,
        topic: Option<&str>,
        mode: Mode,
    ) -> Result<(SessionRow, Post)> {
        let engine = &self.engine;
        let (doc, exchanges, title) = match topic.map(str::trim).filter(|t| !t.is_empty()) {
            Some(t) => {
                let at = engine
                    .exchange_ref(t)
                    .map_or_else(|| engine.find_exchange(t), Ok)?;
                (at.doc, vec![at.exchange], engine.topic(at).title)
            }
            None => {
                let d = &engine.documents()[0];
                let label = format!("{} {}", d.date.as_deref().unwrap_or_default(), d.label);
                (
                    0,
                    (0..d.exchanges.len()).collect(),
                    label.trim().to_string(),
                )
            }
        };
        let items = match mode {
            Mode::Walkthrough => self.walkthrough_items(doc, &exchanges),
            Mode::Quiz => {
                let seed = now() as u64
                    ^ place
                        .bytes()
                        .fold(0u64, |h, b| h.wrapping_mul(31) + b as u64);
                let count = if exchanges.len() == 1 { 5 } else { QUIZ_LENGTH };
                quiz::generate(engine, doc, &exchanges, count, seed)
            }
        };
        if items.is_empty() {
            return Err(UserError::UnknownTopic(
                topic.unwrap_or_default().chars().take(60).collect(),
            )
            .into());
        }
        let new = NewSession {
            place,
            host,
            mode,
            title: &title,
        };
        if self.store.open_in(place)?.is_some() {
            return Err(Error::User(UserError::SessionRunning));
        }
        let id = self.store.create(&new, &items, now())?;
        let row = self.store.get(id)?.ok_or(UserError::NoSession)?;
        let post = self.current(&row)?;
        Ok((row, post))
    }

    fn walkthrough_items(&self, doc: usize, exchanges: &[usize]) -> Vec<Item> {
        let d = &self.engine.documents()[doc];
        exchanges
            .iter()
            .map(|&x| {
                let ex = &d.exchanges[x];
                let (prompt, citation) = match &ex.question {
                    Some(q) => (
                        format!("{}：{}", q.speaker, d.turn_text(q)),
                        d.citation(d.paragraphs[q.paragraphs[0]].number),
                    ),
                    None => (String::new(), String::new()),
                };
                let answer = d.answer_paragraphs(ex);
                let quote = answer
                    .first()
                    .map(|&i| d.paragraphs[i].text.clone())
                    .unwrap_or_default();
                Item {
                    kind: ItemKind::Exchange,
                    exchange: crate::engine::exchange_id(d, ex.number),
                    prompt,
                    choices: Vec::new(),
                    answer: String::new(),
                    answer_index: None,
                    quote,
                    citation,
                }
            })
            .collect()
    }

    /// The open session in `place` (a thread, or `console`).
    pub fn session_in(&self, place: &str) -> Result<Option<SessionRow>> {
        self.store.open_in(place)
    }

    /// The exchange the session in `place` is on, for ranking questions asked meanwhile.
    pub fn current_exchange(&self, place: &str) -> Option<ExchangeRef> {
        let row = self.store.open_in(place).ok()??;
        let items = self.store.items(row.id).ok()?;
        self.engine.exchange_ref(&items.get(row.position)?.exchange)
    }

    /// What is on screen now (to show again after a restart).
    pub fn current(&self, row: &SessionRow) -> Result<Post> {
        let items = self.store.items(row.id)?;
        match items.get(row.position) {
            Some(item) => Ok(self.item_post(row.id, row.position, items.len(), item)),
            None => Ok(Post::Summary(self.summary(row.id)?)),
        }
    }

    fn item_post(&self, session: i64, at: usize, total: usize, item: &Item) -> Post {
        let topic = self
            .engine
            .exchange_ref(&item.exchange)
            .map(|x| self.engine.topic(x).title)
            .unwrap_or_default();
        Post::Item {
            session,
            at,
            total,
            item: item.clone(),
            topic,
        }
    }

    /// Does `action` in session `id` on behalf of `member`.
    pub fn act(&self, id: i64, member: &Member, action: Action) -> Result<Post> {
        let row = self.store.get(id)?.ok_or(UserError::NoSession)?;
        if !row.open {
            return Err(UserError::NoSession.into());
        }
        let allowed = member.id == row.host || member.can_manage;
        let items = self.store.items(id)?;
        let total = items.len();
        match action {
            Action::End => {
                if !allowed {
                    return Err(UserError::NotHost.into());
                }
                self.end(&row)
            }
            Action::Skip { at } => {
                if !allowed {
                    return Err(UserError::NotHost.into());
                }
                if !self.store.advance(id, at, true, now())? {
                    return Ok(Post::Stale);
                }
                self.after_move(&row, at + 1, &items)
            }
            Action::Next { at } => {
                if !self.store.advance(id, at, false, now())? {
                    return Ok(Post::Stale);
                }
                let next = self.after_move(&row, at + 1, &items)?;
                match row.mode {
                    Mode::Quiz => Ok(Post::Many(vec![self.solution(id, at, &items[at])?, next])),
                    Mode::Walkthrough => Ok(next),
                }
            }
            Action::Reveal { at, page } => {
                if at != row.position || at >= total {
                    return Ok(Post::Stale);
                }
                Ok(self.answer_page(id, at, &items[at], page))
            }
            Action::Choose { at, choice } => {
                if at != row.position || at >= total || row.mode != Mode::Quiz {
                    return Ok(Post::Stale);
                }
                let correct = items[at].answer_index == Some(choice);
                self.judge(&row, at, member, correct)
            }
            Action::Typed(text) => {
                let at = row.position;
                let Some(item) = items.get(at).filter(|_| row.mode == Mode::Quiz) else {
                    return Ok(Post::Stale);
                };
                let correct = is_right(item, &text);
                self.judge(&row, at, member, correct)
            }
        }
    }

    fn judge(&self, row: &SessionRow, at: usize, member: &Member, correct: bool) -> Result<Post> {
        let counted =
            self.store
                .record_answer(row.id, at, &member.id, &member.name, correct, now())?;
        Ok(Post::Judged {
            member: member.name.clone(),
            correct,
            counted,
        })
    }

    fn after_move(&self, row: &SessionRow, to: usize, items: &[Item]) -> Result<Post> {
        match items.get(to) {
            Some(item) => Ok(self.item_post(row.id, to, items.len(), item)),
            None => self.end(row),
        }
    }

    fn end(&self, row: &SessionRow) -> Result<Post> {
        self.store.close(row.id, now())?;
        Ok(Post::Summary(self.summary(row.id)?))
    }

    fn solution(&self, id: i64, at: usize, item: &Item) -> Result<Post> {
        let right = self
            .store
            .answers(id)?
            .into_iter()
            .filter(|a| a.position == at && a.correct)
            .map(|a| a.name)
            .collect();
        Ok(Post::Solution {
            item: item.clone(),
            right,
        })
    }

    fn answer_page(&self, id: i64, at: usize, item: &Item, page: usize) -> Post {
        let view = self
            .engine
            .exchange_ref(&item.exchange)
            .and_then(|x| self.engine.exchange(x));
        let paragraphs: Vec<(String, String, String)> = view
            .map(|v| {
                v.answer
                    .into_iter()
                    .map(|p| (p.speaker, p.text, p.citation))
                    .collect()
            })
            .unwrap_or_default();
        // Pages of whole paragraphs, at most PAGE_CHARS each (a longer paragraph alone).
        let mut pages: Vec<Vec<(String, String, String)>> = vec![Vec::new()];
        let mut used = 0;
        for p in paragraphs {
            let n = p.1.chars().count();
            if used > 0 && used + n > PAGE_CHARS {
                pages.push(Vec::new());
                used = 0;
            }
            used += n;
            pages.last_mut().expect("one page").push(p);
        }
        let count = pages.len();
        let page = page.min(count - 1);
        Post::Answer {
            session: id,
            at,
            page,
            pages: count,
            paragraphs: pages.swap_remove(page),
        }
    }

    /// The score board of a session.
    pub fn board(&self, id: i64) -> Result<Vec<Score>> {
        let mut scores: Vec<Score> = Vec::new();
        for a in self.store.answers(id)? {
            match scores.iter_mut().find(|s| s.name == a.name) {
                Some(s) => {
                    s.answered += 1;
                    s.right += usize::from(a.correct);
                }
                None => scores.push(Score {
                    name: a.name,
                    right: usize::from(a.correct),
                    answered: 1,
                }),
            }
        }
        scores.sort_by(|a, b| b.right.cmp(&a.right).then(a.answered.cmp(&b.answered)));
        Ok(scores)
    }

    /// What a session covered, its board and the items most missed.
    pub fn summary(&self, id: i64) -> Result<Summary> {
        let row = self.store.get(id)?.ok_or(UserError::NoSession)?;
        let items = self.store.items(id)?;
        let skipped = self.store.skipped(id)?;
        let done = row.position.min(items.len());
        let mut covered: Vec<String> = Vec::new();
        for (i, it) in items.iter().enumerate().take(done) {
            if !skipped.contains(&i) && !covered.contains(&it.exchange) {
                covered.push(it.exchange.clone());
            }
        }
        let answers = self.store.answers(id)?;
        let mut missed: Vec<(Item, usize)> = items
            .iter()
            .enumerate()
            .map(|(i, it)| {
                let wrong = answers
                    .iter()
                    .filter(|a| a.position == i && !a.correct)
                    .count();
                (it.clone(), wrong)
            })
            .filter(|(_, wrong)| *wrong > 0)
            .collect();
        missed.sort_by_key(|m| std::cmp::Reverse(m.1));
        missed.truncate(3);
        Ok(Summary {
            title: row.title,
            covered,
            done,
            total: items.len(),
            scores: self.board(id)?,
            missed,
        })
    }

    /// Ends sessions idle longer than the configured time; returns each with its summary.
    pub fn close_idle(&self) -> Result<Vec<(SessionRow, Summary)>> {
        let before = now() - self.idle.as_secs() as i64;
        let mut out = Vec::new();
        for row in self.store.idle_since(before)? {
            if self.store.close(row.id, now())? {
                let summary = self.summary(row.id)?;
                out.push((row, summary));
            }
        }
        Ok(out)
    }
}

/// Is a typed answer right? Tolerant of script (繁/简), width, case, spaces and punctuation;
/// a choice's number or letter counts as that choice.
pub fn is_right(item: &Item, typed: &str) -> bool {
    let t = compare_key(typed);
    if t.is_empty() {
        return false;
    }
    if t == compare_key(&item.answer) {
        return true;
    }
    let Some(right) = item.answer_index else {
        return false;
    };
    let by_number = t.parse::<usize>().ok().map(|n| n.wrapping_sub(1));
    let by_letter = (t.len() == 1)
        .then(|| t.as_bytes()[0])
        .filter(u8::is_ascii_lowercase)
        .map(|b| usize::from(b - b'a'));
    by_number.or(by_letter) == Some(right)
}

/// `pressroom study`: one person's session in the console, resumed if one was left unfinished.
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
        let Some(current) = study.store.get(row.id)? else {
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
    if let Some(current) = study.store.get(row.id)?.filter(|r| r.open) {
        print!(
            "{}",
            render::console(&Post::Board(study.board(current.id)?))
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item() -> Item {
        Item {
            kind: ItemKind::Cloze,
            exchange: "d#1".into(),
            prompt: "__".into(),
            choices: vec!["联合国".into(), "欧盟".into(), "东盟".into()],
            answer: "联合国".into(),
            answer_index: Some(0),
            quote: String::new(),
            citation: String::new(),
        }
    }

    #[test]
    fn typed_answers_are_judged_tolerantly() {
        let it = item();
        for ok in [
            "联合国",
            "聯合國",
            " 联 合 国 。",
            "「聯合國」",
            "1",
            "A",
            "ａ",
        ] {
            assert!(is_right(&it, ok), "{ok}");
        }
        for wrong in ["", "欧盟", "2", "b", "联合", "。。"] {
            assert!(!is_right(&it, wrong), "{wrong}");
        }
        let number = Item {
            answer: "15".into(),
            answer_index: None,
            ..item()
        };
        assert!(is_right(&number, "１５"));
        assert!(!is_right(&number, "16"));
    }
}
