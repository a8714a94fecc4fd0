//! Where sessions live: one small trait, [`SessionStore`], with SQLite behind it by default.
//! A server database (PostgreSQL) can take its place when several bot processes share the
//! sessions; every method is one short transaction, and the ones that move a session on are
//! compare-and-set, so two presses of the same button (or two processes) cannot both win.

use std::path::Path;
use std::sync::Mutex;

use rusqlite::{Connection, OptionalExtension, params};

use super::{Item, ItemKind, Mode};
use crate::error::{Error, Result};

/// A session as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRow {
    /// Its id.
    pub id: i64,
    /// Where it runs: a thread id, or `console`.
    pub place: String,
    /// Who started it (user id).
    pub host: String,
    /// Walkthrough or quiz.
    pub mode: Mode,
    /// What it is about (document or topic title), for thread names and headers.
    pub title: String,
    /// The item on screen (0-based); equal to the item count when all are done.
    pub position: usize,
    /// False once ended (by a member, at the last item, or for being idle).
    pub open: bool,
    /// Unix seconds of the last change.
    pub last_active: i64,
}

/// A member's answer to one quiz item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerRow {
    /// The item.
    pub position: usize,
    /// Who (user id).
    pub member: String,
    /// Their display name.
    pub name: String,
    /// Right or not.
    pub correct: bool,
}

/// A new session.
#[derive(Debug, Clone)]
pub struct NewSession<'a> {
    /// Where it runs.
    pub place: &'a str,
    /// The host's user id.
    pub host: &'a str,
    /// Walkthrough or quiz.
    pub mode: Mode,
    /// Its title.
    pub title: &'a str,
}

/// The storage of study sessions.
pub trait SessionStore: Send + Sync {
    /// Stores a session with all its items (one transaction); returns its id. Fails when a
    /// session is already open in `place`.
    fn create(&self, session: &NewSession<'_>, items: &[Item], now: i64) -> Result<i64>;
    /// The open session in `place`.
    fn open_in(&self, place: &str) -> Result<Option<SessionRow>>;
    /// A session by id.
    fn get(&self, id: i64) -> Result<Option<SessionRow>>;
    /// Its items in order.
    fn items(&self, id: i64) -> Result<Vec<Item>>;
    /// Moves an open session from item `from` to `from + 1`, ending it (in the same
    /// transaction) when that is past its last item; false when it is not at `from` (a stale
    /// or repeated press) or not open.
    fn advance(&self, id: i64, from: usize, skipped: bool, now: i64) -> Result<bool>;
    /// Records a member's first answer to an item; false when they had answered it already.
    fn record_answer(
        &self,
        id: i64,
        position: usize,
        member: &str,
        name: &str,
        correct: bool,
        now: i64,
    ) -> Result<bool>;
    /// Every answer of a session.
    fn answers(&self, id: i64) -> Result<Vec<AnswerRow>>;
    /// Items skipped in a session.
    fn skipped(&self, id: i64) -> Result<Vec<usize>>;
    /// Ends a session; false when it had ended already.
    fn close(&self, id: i64, now: i64) -> Result<bool>;
    /// Open sessions with no change since `before`.
    fn idle_since(&self, before: i64) -> Result<Vec<SessionRow>>;
}

/// Schema migrations, applied in order; `PRAGMA user_version` says how many have run.
const MIGRATIONS: &[&str] = &["CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        place TEXT NOT NULL,
        host TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('walkthrough', 'quiz')),
        title TEXT NOT NULL,
        position INTEGER NOT NULL DEFAULT 0,
        open INTEGER NOT NULL DEFAULT 1,
        created_at INTEGER NOT NULL,
        last_active INTEGER NOT NULL
     );
     CREATE UNIQUE INDEX one_open_session_per_place ON sessions(place) WHERE open = 1;
     CREATE TABLE items (
        session INTEGER NOT NULL REFERENCES sessions(id),
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        exchange TEXT NOT NULL,
        prompt TEXT NOT NULL,
        choices TEXT NOT NULL,
        answer TEXT NOT NULL,
        answer_index INTEGER,
        quote TEXT NOT NULL,
        citation TEXT NOT NULL,
        PRIMARY KEY (session, position)
     );
     CREATE TABLE answers (
        session INTEGER NOT NULL REFERENCES sessions(id),
        position INTEGER NOT NULL,
        member TEXT NOT NULL,
        name TEXT NOT NULL,
        correct INTEGER NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (session, position, member)
     );
     CREATE TABLE skipped (
        session INTEGER NOT NULL REFERENCES sessions(id),
        position INTEGER NOT NULL,
        PRIMARY KEY (session, position)
     );"];

/// SQLite, in WAL mode with a busy timeout; the default store.
pub struct SqliteStore {
    conn: Mutex<Connection>,
}

fn db(e: rusqlite::Error) -> Error {
    Error::Store(e.to_string())
}

impl SqliteStore {
    /// Opens (creating on first use) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<SqliteStore> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        let conn =
            Connection::open(path).map_err(|e| Error::Store(format!("{}: {e}", path.display())))?;
        // A damaged or foreign file fails here: say which file.
        SqliteStore::with_connection(conn).map_err(|e| match e {
            Error::Store(m) => Error::Store(format!("{}: {m}", path.display())),
            other => other,
        })
    }

    /// An in-memory store (tests, the console without a path).
    pub fn in_memory() -> Result<SqliteStore> {
        SqliteStore::with_connection(Connection::open_in_memory().map_err(db)?)
    }

    fn with_connection(mut conn: Connection) -> Result<SqliteStore> {
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(db)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(db)?;
        conn.pragma_update(None, "foreign_keys", true).map_err(db)?;
        migrate(&mut conn)?;
        Ok(SqliteStore {
            conn: Mutex::new(conn),
        })
    }

    fn with<T>(&self, f: impl FnOnce(&mut Connection) -> rusqlite::Result<T>) -> Result<T> {
        let mut conn = self
            .conn
            .lock()
            .map_err(|_| Error::Store("the store lock is poisoned".into()))?;
        f(&mut conn).map_err(db)
    }

    /// The one session matching `condition` (SQL over `sessions` with `?1` bound to `value`).
    fn session_where(
        &self,
        condition: &str,
        value: impl rusqlite::ToSql,
    ) -> Result<Option<SessionRow>> {
        self.with(|c| {
            c.query_row(
                &format!("SELECT {SESSION_COLUMNS} FROM sessions WHERE {condition}"),
                [value],
                session_row,
            )
            .optional()
        })
    }
}

/// Runs the migrations not yet applied, each in its own transaction with the version bump.
fn migrate(conn: &mut Connection) -> Result<()> {
    let version: usize = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(db)?;
    if version > MIGRATIONS.len() {
        return Err(Error::Store(format!(
            "the database is from a newer pressroom (schema {version}, this one knows {})",
            MIGRATIONS.len()
        )));
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version) {
        let tx = conn.transaction().map_err(db)?;
        tx.execute_batch(sql).map_err(db)?;
        tx.pragma_update(None, "user_version", i + 1).map_err(db)?;
        tx.commit().map_err(db)?;
    }
    Ok(())
}

fn mode_name(m: Mode) -> &'static str {
    match m {
        Mode::Walkthrough => "walkthrough",
        Mode::Quiz => "quiz",
    }
}

fn session_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<SessionRow> {
    let mode: String = r.get(3)?;
    Ok(SessionRow {
        id: r.get(0)?,
        place: r.get(1)?,
        host: r.get(2)?,
        mode: if mode == "quiz" {
            Mode::Quiz
        } else {
            Mode::Walkthrough
        },
        title: r.get(4)?,
        position: r.get::<_, i64>(5)? as usize,
        open: r.get(6)?,
        last_active: r.get(7)?,
    })
}

const SESSION_COLUMNS: &str = "id, place, host, mode, title, position, open, last_active";

impl SessionStore for SqliteStore {
    fn create(&self, s: &NewSession<'_>, items: &[Item], now: i64) -> Result<i64> {
        self.with(|conn| {
            let tx = conn.transaction()?;
            tx.execute(
                "INSERT INTO sessions (place, host, mode, title, created_at, last_active)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                params![s.place, s.host, mode_name(s.mode), s.title, now],
            )?;
            let id = tx.last_insert_rowid();
            {
                let mut insert = tx.prepare(
                    "INSERT INTO items (session, position, kind, exchange, prompt, choices,
                                        answer, answer_index, quote, citation)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                )?;
                for (pos, it) in items.iter().enumerate() {
                    insert.execute(params![
                        id,
                        pos as i64,
                        it.kind.name(),
                        it.exchange,
                        it.prompt,
                        serde_json::to_string(&it.choices).unwrap_or_else(|_| "[]".into()),
                        it.answer,
                        it.answer_index.map(|i| i as i64),
                        it.quote,
                        it.citation,
                    ])?;
                }
            }
            tx.commit()?;
            Ok(id)
        })
    }

    fn open_in(&self, place: &str) -> Result<Option<SessionRow>> {
        self.session_where("place = ?1 AND open = 1", place)
    }

    fn get(&self, id: i64) -> Result<Option<SessionRow>> {
        self.session_where("id = ?1", id)
    }

    fn items(&self, id: i64) -> Result<Vec<Item>> {
        self.with(|c| {
            let mut q = c.prepare(
                "SELECT kind, exchange, prompt, choices, answer, answer_index, quote, citation
                 FROM items WHERE session = ?1 ORDER BY position",
            )?;
            q.query_map([id], |r| {
                let choices: String = r.get(3)?;
                Ok(Item {
                    kind: ItemKind::from_name(&r.get::<_, String>(0)?),
                    exchange: r.get(1)?,
                    prompt: r.get(2)?,
                    choices: serde_json::from_str(&choices).unwrap_or_default(),
                    answer: r.get(4)?,
                    answer_index: r.get::<_, Option<i64>>(5)?.map(|i| i as usize),
                    quote: r.get(6)?,
                    citation: r.get(7)?,
                })
            })?
            .collect()
        })
    }

    fn advance(&self, id: i64, from: usize, skipped: bool, now: i64) -> Result<bool> {
        self.with(|c| {
            let tx = c.transaction()?;
            // Moving past the last item ends the session in the same statement: a process
            // killed after the move can never leave an open session with no item on screen.
            let moved = tx.execute(
                "UPDATE sessions SET position = position + 1, last_active = ?3,
                        open = (position + 1 < (SELECT COUNT(*) FROM items WHERE session = ?1))
                 WHERE id = ?1 AND position = ?2 AND open = 1",
                params![id, from as i64, now],
            )? == 1;
            if moved && skipped {
                tx.execute(
                    "INSERT OR IGNORE INTO skipped (session, position) VALUES (?1, ?2)",
                    params![id, from as i64],
                )?;
            }
            tx.commit()?;
            Ok(moved)
        })
    }

    fn record_answer(
        &self,
        id: i64,
        position: usize,
        member: &str,
        name: &str,
        correct: bool,
        now: i64,
    ) -> Result<bool> {
        self.with(|c| {
            let tx = c.transaction()?;
            let new = tx.execute(
                "INSERT OR IGNORE INTO answers (session, position, member, name, correct, at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![id, position as i64, member, name, correct, now],
            )? == 1;
            tx.execute(
                "UPDATE sessions SET last_active = ?2 WHERE id = ?1",
                params![id, now],
            )?;
            tx.commit()?;
            Ok(new)
        })
    }

    fn answers(&self, id: i64) -> Result<Vec<AnswerRow>> {
        self.with(|c| {
            let mut q = c.prepare(
                "SELECT position, member, name, correct FROM answers
                 WHERE session = ?1 ORDER BY position, at",
            )?;
            q.query_map([id], |r| {
                Ok(AnswerRow {
                    position: r.get::<_, i64>(0)? as usize,
                    member: r.get(1)?,
                    name: r.get(2)?,
                    correct: r.get(3)?,
                })
            })?
            .collect()
        })
    }

    fn skipped(&self, id: i64) -> Result<Vec<usize>> {
        self.with(|c| {
            let mut q =
                c.prepare("SELECT position FROM skipped WHERE session = ?1 ORDER BY position")?;
            q.query_map([id], |r| Ok(r.get::<_, i64>(0)? as usize))?
                .collect()
        })
    }

    fn close(&self, id: i64, now: i64) -> Result<bool> {
        self.with(|c| {
            Ok(c.execute(
                "UPDATE sessions SET open = 0, last_active = ?2 WHERE id = ?1 AND open = 1",
                params![id, now],
            )? == 1)
        })
    }

    fn idle_since(&self, before: i64) -> Result<Vec<SessionRow>> {
        self.with(|c| {
            let mut q = c.prepare(&format!(
                "SELECT {SESSION_COLUMNS} FROM sessions WHERE open = 1 AND last_active < ?1"
            ))?;
            q.query_map([before], session_row)?.collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(n: usize) -> Item {
        Item {
            kind: ItemKind::Cloze,
            exchange: "d#1".into(),
            prompt: format!("第{n}题 __"),
            choices: vec!["15".into(), "10".into()],
            answer: "15".into(),
            answer_index: Some(0),
            quote: "引文".into(),
            citation: "¶1".into(),
        }
    }

    /// A quiz hosted by u1 in place t1.
    fn quiz_in_t1() -> NewSession<'static> {
        NewSession {
            place: "t1",
            host: "u1",
            mode: Mode::Quiz,
            title: "T",
        }
    }

    #[test]
    fn migrations_run_once_and_survive_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/study.sqlite3");
        let store = SqliteStore::open(&path).unwrap();
        let s = quiz_in_t1();
        let id = store.create(&s, &[item(1), item(2)], 100).unwrap();
        drop(store);
        let store = SqliteStore::open(&path).unwrap();
        let version: usize = store
            .with(|c| c.pragma_query_value(None, "user_version", |r| r.get(0)))
            .unwrap();
        assert_eq!(version, MIGRATIONS.len());
        assert_eq!(store.items(id).unwrap(), vec![item(1), item(2)]);
        assert_eq!(store.open_in("t1").unwrap().unwrap().id, id);
    }

    #[test]
    fn a_damaged_database_is_reported_with_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("study.sqlite3");
        std::fs::write(&path, vec![0x5a; 8192]).unwrap();
        let e = SqliteStore::open(&path).err().expect("not a database");
        assert!(e.to_string().contains(&path.display().to_string()), "{e}");
    }

    #[test]
    fn moves_and_answers_happen_once() {
        let store = SqliteStore::in_memory().unwrap();
        let s = quiz_in_t1();
        let id = store.create(&s, &[item(1), item(2)], 100).unwrap();
        assert!(
            store.create(&s, &[], 100).is_err(),
            "one open session per place"
        );
        assert!(store.advance(id, 0, false, 101).unwrap());
        assert!(!store.advance(id, 0, false, 102).unwrap(), "a stale press");
        assert!(store.record_answer(id, 1, "u2", "B", true, 103).unwrap());
        assert!(!store.record_answer(id, 1, "u2", "B", false, 104).unwrap());
        assert_eq!(store.answers(id).unwrap().len(), 1);
        assert!(store.answers(id).unwrap()[0].correct);
        assert_eq!(store.idle_since(200).unwrap().len(), 1);
        assert!(store.close(id, 105).unwrap());
        assert!(!store.close(id, 106).unwrap());
        assert!(store.open_in("t1").unwrap().is_none());
        assert!(store.idle_since(200).unwrap().is_empty());
    }

    #[test]
    fn moving_past_the_last_item_ends_the_session_in_the_same_transaction() {
        let store = SqliteStore::in_memory().unwrap();
        let s = quiz_in_t1();
        let id = store.create(&s, &[item(1), item(2)], 100).unwrap();
        assert!(store.advance(id, 0, false, 101).unwrap());
        assert!(store.get(id).unwrap().unwrap().open);
        assert!(store.advance(id, 1, false, 102).unwrap());
        let row = store.get(id).unwrap().unwrap();
        assert_eq!(row.position, 2);
        assert!(!row.open, "no open session is ever at position == total");
        assert!(!store.advance(id, 2, false, 103).unwrap());
        assert!(store.open_in("t1").unwrap().is_none());
        assert!(store.idle_since(200).unwrap().is_empty());
    }
}
