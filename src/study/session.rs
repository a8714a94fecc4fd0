//! The study-session service: starts sessions, carries out what members do, and keeps every
//! change in the [`SessionStore`] before the post that depends on it is returned.

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::{
    Action, Item, ItemKind, Member, Mode, NewSession, Post, Score, SessionRow, SessionStore,
    SqliteStore, Summary, is_right, quiz,
};
use crate::config::Settings;
use crate::engine::study_support::StudyScope;
use crate::engine::{Engine, ExchangeRef};
use crate::error::{Error, Result, UserError};

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

    /// Starts a session in `place` hosted by `host`: on one topic's exchange, or on the whole
    /// (first) transcript. Returns the session and its first post.
    pub fn start(
        &self,
        place: &str,
        host: &str,
        topic: Option<&str>,
        mode: Mode,
    ) -> Result<(SessionRow, Post)> {
        let scope = self.engine.study_scope(topic)?;
        let items = match mode {
            Mode::Walkthrough => walkthrough_items(&scope),
            Mode::Quiz => {
                let seed = now() as u64
                    ^ place
                        .bytes()
                        .fold(0u64, |h, b| h.wrapping_mul(31) + b as u64);
                let count = if scope.exchanges.len() == 1 {
                    5
                } else {
                    QUIZ_LENGTH
                };
                quiz::generate(&self.engine, &scope, count, seed)
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
            title: &scope.title,
        };
        if self.store.open_in(place)?.is_some() {
            return Err(Error::User(UserError::SessionRunning));
        }
        let id = self.store.create(&new, &items, now())?;
        let row = self.store.get(id)?.ok_or(UserError::NoSession)?;
        let post = self.current(&row)?;
        Ok((row, post))
    }

    /// A session by id, open or not.
    pub fn session(&self, id: i64) -> Result<Option<SessionRow>> {
        self.store.get(id)
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
        if row.position >= total {
            // Left open past its last item (a store from before moves closed sessions, or
            // another store): end it now rather than act on an item that is not there.
            return self.end(&row);
        }
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
                if at >= total || !self.store.advance(id, at, true, now())? {
                    return Ok(Post::Stale);
                }
                self.after_move(&row, at + 1, &items)
            }
            Action::Next { at } => {
                if at >= total || !self.store.advance(id, at, false, now())? {
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
        // Closing twice is harmless (a move past the last item has closed it already).
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

    /// The score board of a session: one line per member (by user id, whatever names they
    /// answered under), shown with the name of their latest answer.
    pub fn board(&self, id: i64) -> Result<Vec<Score>> {
        let mut scores: Vec<(String, Score)> = Vec::new();
        // Answers come in item order, so the last name seen is the latest.
        for a in self.store.answers(id)? {
            match scores.iter_mut().find(|(member, _)| *member == a.member) {
                Some((_, s)) => {
                    s.answered += 1;
                    s.right += usize::from(a.correct);
                    s.name = a.name;
                }
                None => scores.push((
                    a.member,
                    Score {
                        name: a.name,
                        right: usize::from(a.correct),
                        answered: 1,
                    },
                )),
            }
        }
        let mut scores: Vec<Score> = scores.into_iter().map(|(_, s)| s).collect();
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

/// One walkthrough step per exchange of `scope`: the reporter's question, then the answer.
fn walkthrough_items(scope: &StudyScope<'_>) -> Vec<Item> {
    let d = scope.document;
    scope
        .exchanges
        .iter()
        .map(|at| {
            let ex = &d.exchanges[at.exchange];
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
