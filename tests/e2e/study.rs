//! Study sessions in threads, through the stand-in: walkthrough, quiz with two members, a
//! restart in the middle, two sessions at once, and a non-host trying to end.

use serde_json::{Value, json};

use super::bot::{button, buttons, ephemeral, text};
use super::standin::{CHANNEL_ID, Interact, OTHER_CHANNEL_ID, StandIn, UserMessage};
use super::{assert_clean, start_bot};

const HOST: u64 = 7;
const ALICE: u64 = 8;
const BOB: u64 = 9;

fn start_options(mode: u64, topic: Option<&str>) -> Value {
    let mut options = vec![json!({"name": "mode", "type": 4, "value": mode})];
    if let Some(t) = topic {
        options.push(json!({"name": "topic", "type": 3, "value": t}));
    }
    json!([{"name": "start", "type": 1, "options": options}])
}

/// Starts a session from `channel`; returns the thread and the first message posted there.
async fn start_session(
    stand: &StandIn,
    channel: u64,
    mode: u64,
    topic: Option<&str>,
) -> (u64, u64, Value) {
    let before: Vec<u64> = stand.threads().iter().map(|t| t.0).collect();
    let mark = stand.mark();
    let sent = stand.slash(
        &Interact::new(HOST).in_channel(channel),
        "study",
        start_options(mode, topic),
    );
    // Deferred, then the thread, the first post, and the confirmation.
    let deferred = stand.callback(mark, &sent).await;
    assert_eq!(deferred["type"], 5);
    let confirm = stand
        .wait_request(mark, |r| r.path.starts_with("/webhooks/"))
        .await;
    let (thread, parent) = stand
        .threads()
        .into_iter()
        .find(|t| !before.contains(&t.0))
        .expect("a thread was created");
    assert_eq!(parent, channel);
    assert!(
        text(&confirm.body).contains(&format!("<#{thread}>")),
        "{:#}",
        confirm.body
    );
    let (id, first) = stand
        .messages_in(thread)
        .into_iter()
        .next()
        .expect("a first post");
    (thread, id, first)
}

/// Presses `label` on message `msg` as `user` in `thread`; returns the callback body.
async fn press(stand: &StandIn, user: u64, thread: u64, msg: u64, label: &str) -> Value {
    let posted = stand.posted(msg);
    let mark = stand.mark();
    let sent = stand.click(
        &Interact::new(user).in_channel(thread),
        msg,
        &button(&posted, label),
    );
    stand.callback(mark, &sent).await
}

/// `/study <sub>` run by the host in `thread`; returns the reply's data.
async fn study_command(stand: &StandIn, thread: u64, sub: &str) -> Value {
    let mark = stand.mark();
    let sent = stand.slash(
        &Interact::new(HOST).in_channel(thread),
        "study",
        json!([{"name": sub, "type": 1, "options": []}]),
    );
    stand.callback(mark, &sent).await["data"].clone()
}

/// The newest message the bot posted in `thread`.
fn newest(stand: &StandIn, thread: u64) -> (u64, Value) {
    stand
        .messages_in(thread)
        .pop()
        .expect("a message in the thread")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_walkthrough_runs_from_question_to_summary() {
    let stand = StandIn::start().await;
    let _bot = start_bot(&stand, |_| {}).await;
    let (thread, first_id, first) = start_session(&stand, CHANNEL_ID, 0, None).await;
    let t = text(&first);
    assert!(t.contains("[1/9]") && t.contains("南海"), "{t}");
    let labels: Vec<String> = buttons(&first).into_iter().map(|b| b.0).collect();
    assert_eq!(labels, ["揭晓答案", "下一个", "跳过", "结束"]);

    // Reveal: the answer, quoted with its citations.
    let body = press(&stand, ALICE, thread, first_id, "揭晓答案").await;
    assert_eq!(body["type"], 4);
    assert!(
        text(&body["data"]).contains("2024-03-07 王毅记者会 ¶1"),
        "{body:#}"
    );

    // Next: the reporter's question of exchange 2 comes first.
    let body = press(&stand, ALICE, thread, first_id, "下一个").await;
    let t = text(&body["data"]);
    assert!(t.contains("[2/9]") && t.contains("凤凰卫视记者"), "{t}");
    // The same Next pressed again changes nothing.
    let body = press(&stand, BOB, thread, first_id, "下一个").await;
    assert!(
        ephemeral(&body["data"]) && text(&body["data"]).contains("已经结束"),
        "{body:#}"
    );

    // Bob is not the host: he may not end it.
    let (second_id, _) = newest(&stand, thread);
    let body = press(&stand, BOB, thread, second_id, "结束").await;
    assert!(
        ephemeral(&body["data"]) && text(&body["data"]).contains("发起人"),
        "{body:#}"
    );

    // A question asked in the thread ranks the current exchange first.
    let mark = stand.mark();
    stand.message(UserMessage {
        channel_id: thread,
        ..UserMessage::to_bot(BOB, "合作")
    });
    let reply = stand
        .wait_request(mark, |r| r.path == format!("/channels/{thread}/messages"))
        .await;
    assert!(text(&reply.body).contains("人工智能"), "{:#}", reply.body);

    // The host ends it: the summary.
    let body = press(&stand, HOST, thread, second_id, "结束").await;
    let t = text(&body["data"]);
    assert!(t.contains("学习会结束") && t.contains("完成 1/9"), "{t}");
    assert!(buttons(&body["data"]).is_empty());
    assert_clean(&stand);
}

/// A few characters in their traditional form, enough to retype most answers.
fn to_traditional(s: &str) -> String {
    let pairs = [
        ('国', '國'),
        ('联', '聯'),
        ('发', '發'),
        ('对', '對'),
        ('关', '關'),
        ('际', '際'),
        ('经', '經'),
        ('济', '濟'),
        ('东', '東'),
        ('亚', '亞'),
        ('们', '們'),
        ('这', '這'),
        ('为', '為'),
        ('义', '義'),
        ('权', '權'),
        ('开', '開'),
        ('实', '實'),
        ('现', '現'),
        ('边', '邊'),
        ('会', '會'),
        ('双', '雙'),
        ('岛', '島'),
        ('鲜', '鮮'),
        ('华', '華'),
        ('体', '體'),
        ('统', '統'),
        ('护', '護'),
        ('议', '議'),
        ('协', '協'),
        ('战', '戰'),
    ];
    s.chars()
        .map(|c| pairs.iter().find(|p| p.0 == c).map_or(c, |p| p.1))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_quiz_with_two_members_keeps_scores_and_survives_a_restart() {
    let stand = StandIn::start().await;
    let bot = start_bot(&stand, |s| s.discord.message_content = true).await;
    let (thread, mut msg_id, mut msg) = start_session(&stand, CHANNEL_ID, 1, None).await;
    let settings = super::settings(&stand);
    let store = pressroom::study::SqliteStore::open(&settings.store.path).unwrap();
    use pressroom::study::SessionStore;
    let session = store
        .open_in(&thread.to_string())
        .unwrap()
        .expect("the session is stored");
    let items = store.items(session.id).unwrap();
    assert!(items.len() >= 5);

    // Find an item whose answer reads differently in traditional script (numbers do not).
    let mut at = 0;
    while to_traditional(&items[at].answer) == items[at].answer {
        press(&stand, HOST, thread, msg_id, "公布答案").await;
        (msg_id, msg) = newest(&stand, thread);
        at += 1;
        assert!(
            at < items.len() - 1,
            "no answer with a traditional form: {items:#?}"
        );
    }
    let item = &items[at];
    assert!(text(&msg).contains(&format!("[{}/", at + 1)), "{msg:#}");

    // Alice types the answer in traditional script, with full-width spaces and punctuation.
    let mark = stand.mark();
    let typed = format!("　{}！", to_traditional(&item.answer));
    stand.message(UserMessage {
        channel_id: thread,
        ..UserMessage::new(ALICE, &typed)
    });
    let verdict = stand
        .wait_request(mark, |r| r.path == format!("/channels/{thread}/messages"))
        .await;
    assert!(
        text(&verdict.body).contains("答对了"),
        "{typed}: {:#}",
        verdict.body
    );

    // Bob presses a wrong choice: only he is told.
    let wrong = (item.answer_index.unwrap() + 1) % item.choices.len();
    let letter = ["A", "B", "C", "D"][wrong];
    let body = press(&stand, BOB, thread, msg_id, letter).await;
    assert!(
        ephemeral(&body["data"]) && text(&body["data"]).contains("答得不对"),
        "{body:#}"
    );

    // The bot is killed and started again: scores intact, the old buttons work, and the
    // next question is not one already asked.
    drop(bot);
    let _bot = start_bot(&stand, |s| s.discord.message_content = true).await;
    let body = press(&stand, BOB, thread, msg_id, letter).await;
    assert!(
        text(&body["data"]).contains("已经答过"),
        "the first answer counts: {body:#}"
    );
    let body = press(&stand, HOST, thread, msg_id, "公布答案").await;
    let t = text(&body["data"]);
    assert!(t.contains(&format!("答案：{}", item.answer)), "{t}");
    assert!(
        t.contains(&item.citation) && t.contains("user8"),
        "the quote and who was right: {t}"
    );
    assert!(
        t.contains(&format!("[{}/", at + 2)),
        "the next question: {t}"
    );

    let board = text(&study_command(&stand, thread, "score").await);
    assert!(
        board.contains("1. user8 — 1/1") && board.contains("2. user9 — 0/1"),
        "{board}"
    );

    let summary = text(&study_command(&stand, thread, "end").await);
    assert!(
        summary.contains("学习会结束") && summary.contains("答错 ×1"),
        "{summary}"
    );
    assert!(
        summary.contains(&item.citation),
        "the missed question's quote to review: {summary}"
    );
    assert_clean(&stand);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_sessions_run_at_once_in_two_threads() {
    let stand = StandIn::start().await;
    let _bot = start_bot(&stand, |_| {}).await;
    let (a, a_msg, _) = start_session(&stand, CHANNEL_ID, 0, Some("非洲")).await;
    let (b, b_msg, b_first) = start_session(&stand, OTHER_CHANNEL_ID, 1, Some("人工智能")).await;
    assert_ne!(a, b);
    assert!(text(&b_first).contains("[1/"));
    // Ending one leaves the other running.
    let body = press(&stand, HOST, a, a_msg, "结束").await;
    assert!(text(&body["data"]).contains("学习会结束"));
    let body = press(&stand, ALICE, b, b_msg, "公布答案").await;
    assert!(text(&body["data"]).contains("答案："), "{body:#}");
    // A moderator (Manage Threads) may end a session they do not host.
    let (b2, _) = newest(&stand, b);
    let posted = stand.posted(b2);
    let mark = stand.mark();
    let mut moderator = Interact::new(BOB).in_channel(b);
    moderator.permissions = 1 << 34;
    let sent = stand.click(&moderator, b2, &button(&posted, "结束"));
    let body = stand.callback(mark, &sent).await;
    assert!(text(&body["data"]).contains("学习会结束"), "{body:#}");
    assert_clean(&stand);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_quiz_resumes_after_the_bot_process_is_killed_with_sigkill() {
    let stand = StandIn::start().await;
    let bot = super::BotProcess::start(&stand).await;
    let (thread, msg_id, first) = start_session(&stand, CHANNEL_ID, 1, Some("非洲")).await;
    assert!(text(&first).contains("[1/"));
    let body = press(&stand, ALICE, thread, msg_id, "A").await;
    assert!(ephemeral(&body["data"]));
    bot.kill().await;

    let _bot = super::BotProcess::start(&stand).await;
    // Alice's answer was kept: a second one does not count.
    let body = press(&stand, ALICE, thread, msg_id, "B").await;
    assert!(text(&body["data"]).contains("已经答过"), "{body:#}");
    // The old message's button moves on to question 2, once.
    let body = press(&stand, HOST, thread, msg_id, "公布答案").await;
    assert!(text(&body["data"]).contains("[2/"), "{body:#}");
    let body = press(&stand, HOST, thread, msg_id, "公布答案").await;
    assert!(
        ephemeral(&body["data"]),
        "a stale press changes nothing: {body:#}"
    );
    let board = text(&study_command(&stand, thread, "score").await);
    assert!(board.contains("user8 — "), "{board}");
    assert_clean(&stand);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_who_types_and_presses_is_one_line_under_their_nickname() {
    let stand = StandIn::start().await;
    stand.set_nick(ALICE, "Alice");
    let _bot = start_bot(&stand, |s| s.discord.message_content = true).await;
    let (thread, msg_id, _) = start_session(&stand, CHANNEL_ID, 1, None).await;
    let settings = super::settings(&stand);
    let store = pressroom::study::SqliteStore::open(&settings.store.path).unwrap();
    use pressroom::study::SessionStore;
    let session = store.open_in(&thread.to_string()).unwrap().unwrap();
    let items = store.items(session.id).unwrap();

    // Question 1 by button, question 2 typed (the typed one is the latest name).
    let letter = ["A", "B", "C", "D"][items[0].answer_index.unwrap()];
    press(&stand, ALICE, thread, msg_id, letter).await;
    press(&stand, HOST, thread, msg_id, "公布答案").await;
    let mark = stand.mark();
    stand.message(UserMessage {
        channel_id: thread,
        ..UserMessage::new(ALICE, &items[1].answer)
    });
    stand
        .wait_request(mark, |r| r.path == format!("/channels/{thread}/messages"))
        .await;

    let board = text(&study_command(&stand, thread, "score").await);
    assert!(board.contains("1. Alice — 2/2"), "{board}");
    assert!(!board.contains("user8"), "one line, the nickname: {board}");
    assert_clean(&stand);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_message_content_a_quiz_is_answered_by_typing_into_a_form() {
    let stand = StandIn::start().await;
    // The default: no privileged intent, so typed thread messages arrive without content.
    let _bot = start_bot(&stand, |_| {}).await;
    let (thread, msg_id, first) = start_session(&stand, CHANNEL_ID, 1, None).await;
    let settings = super::settings(&stand);
    let store = pressroom::study::SqliteStore::open(&settings.store.path).unwrap();
    use pressroom::study::SessionStore;
    let session = store.open_in(&thread.to_string()).unwrap().unwrap();
    let items = store.items(session.id).unwrap();

    // "Type answer" opens a form with one text input.
    let form_id = button(&first, "输入答案");
    let mark = stand.mark();
    let sent = stand.click(&Interact::new(ALICE).in_channel(thread), msg_id, &form_id);
    let form = stand.callback(mark, &sent).await;
    assert_eq!(form["type"], 9, "a modal: {form:#}");
    assert_eq!(form["data"]["custom_id"], form_id);
    assert_eq!(form["data"]["components"][0]["components"][0]["type"], 4);

    // The answer typed into it is judged as a typed answer (traditional script folds).
    let mark = stand.mark();
    let sent = stand.submit_form(
        &Interact::new(ALICE).in_channel(thread),
        &form_id,
        &format!(" {} ", items[0].answer),
    );
    let verdict = stand.callback(mark, &sent).await;
    assert!(text(&verdict["data"]).contains("答对了"), "{verdict:#}");

    // A form submitted after the quiz moved on changes nothing.
    press(&stand, HOST, thread, msg_id, "公布答案").await;
    let mark = stand.mark();
    let sent = stand.submit_form(
        &Interact::new(BOB).in_channel(thread),
        &form_id,
        &items[0].answer,
    );
    let stale = stand.callback(mark, &sent).await;
    assert!(ephemeral(&stale["data"]), "{stale:#}");

    let board = text(&study_command(&stand, thread, "score").await);
    assert!(
        board.contains("user8 — 1/1") && !board.contains("user9"),
        "{board}"
    );
    assert_clean(&stand);
}

/// A study store that counts its calls and, while closed, holds every call (as a store on a
/// busy disk or a locked database does).
struct GatedStore {
    inner: pressroom::study::SqliteStore,
    calls: std::sync::atomic::AtomicUsize,
    open: std::sync::Mutex<bool>,
    opened: std::sync::Condvar,
}

impl GatedStore {
    fn pass(&self) {
        self.calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let mut open = self.open.lock().unwrap();
        while !*open {
            open = self.opened.wait(open).unwrap();
        }
    }
    fn set_open(&self, value: bool) {
        *self.open.lock().unwrap() = value;
        self.opened.notify_all();
    }
}

impl pressroom::study::SessionStore for GatedStore {
    fn create(
        &self,
        s: &pressroom::study::NewSession<'_>,
        items: &[pressroom::study::Item],
        now: i64,
    ) -> pressroom::Result<i64> {
        self.pass();
        self.inner.create(s, items, now)
    }
    fn open_in(&self, place: &str) -> pressroom::Result<Option<pressroom::study::SessionRow>> {
        self.pass();
        self.inner.open_in(place)
    }
    fn get(&self, id: i64) -> pressroom::Result<Option<pressroom::study::SessionRow>> {
        self.pass();
        self.inner.get(id)
    }
    fn items(&self, id: i64) -> pressroom::Result<Vec<pressroom::study::Item>> {
        self.pass();
        self.inner.items(id)
    }
    fn advance(&self, id: i64, from: usize, skipped: bool, now: i64) -> pressroom::Result<bool> {
        self.pass();
        self.inner.advance(id, from, skipped, now)
    }
    fn record_answer(
        &self,
        id: i64,
        position: usize,
        member: &str,
        name: &str,
        correct: bool,
        now: i64,
    ) -> pressroom::Result<bool> {
        self.pass();
        self.inner
            .record_answer(id, position, member, name, correct, now)
    }
    fn answers(&self, id: i64) -> pressroom::Result<Vec<pressroom::study::AnswerRow>> {
        self.pass();
        self.inner.answers(id)
    }
    fn skipped(&self, id: i64) -> pressroom::Result<Vec<usize>> {
        self.pass();
        self.inner.skipped(id)
    }
    fn close(&self, id: i64, now: i64) -> pressroom::Result<bool> {
        self.pass();
        self.inner.close(id, now)
    }
    fn idle_since(&self, before: i64) -> pressroom::Result<Vec<pressroom::study::SessionRow>> {
        self.pass();
        self.inner.idle_since(before)
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_busy_store_never_stalls_the_bot_and_other_bots_never_reach_it() {
    let stand = StandIn::start().await;
    let store = std::sync::Arc::new(GatedStore {
        inner: pressroom::study::SqliteStore::open(&super::store_path(&stand)).unwrap(),
        calls: Default::default(),
        open: std::sync::Mutex::new(true),
        opened: Default::default(),
    });
    let settings = super::settings(&stand);
    let engine = std::sync::Arc::new(pressroom::Engine::load(&settings).unwrap());
    let running = {
        let store = store.clone();
        tokio::spawn(async move {
            let _ = pressroom::discord::run_with_store(settings, engine, store).await;
        })
    };
    stand.wait_ready(1).await;
    let (thread, _, _) = start_session(&stand, CHANNEL_ID, 1, None).await;

    // Other bots' messages in the quiz thread are filtered before any store work.
    let before = store.calls.load(std::sync::atomic::Ordering::SeqCst);
    let mark = stand.mark();
    for author in [900, 901] {
        stand.message(UserMessage {
            channel_id: thread,
            author_bot: true,
            ..UserMessage::new(author, "15")
        });
    }
    // (A mention answered after them shows they were handled.)
    stand.message(UserMessage::to_bot(7, "人工智能"));
    stand
        .wait_request(mark, |r| {
            r.path == format!("/channels/{CHANNEL_ID}/messages")
        })
        .await;
    // The mention's own store work: the session of its channel (one read).
    let after = store.calls.load(std::sync::atomic::Ordering::SeqCst);
    assert!(after - before <= 1, "{} store calls", after - before);

    // The store hangs; members answer in the thread (more than the runtime has workers).
    store.set_open(false);
    for author in [ALICE, BOB, HOST] {
        stand.message(UserMessage {
            channel_id: thread,
            ..UserMessage::new(author, "15")
        });
    }
    // A command that needs no store is still answered, in time (the stand-in records a
    // violation past Discord's 3 s).
    let mark = stand.mark();
    let sent = stand.slash(&Interact::new(7), "about", json!([]));
    let data = stand.callback(mark, &sent).await["data"].clone();
    assert!(!text(&data).is_empty());
    store.set_open(true);
    assert_clean(&stand);
    running.abort();
}
