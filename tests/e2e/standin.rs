//! A stand-in Discord for end-to-end tests: the HTTP API routes the bot calls and a WebSocket
//! gateway on loopback, so the real serenity client (and poise) run against it.
//!
//! Every request body is checked against Discord's published OpenAPI document
//! (`tests/fixtures/discord-openapi.json`) and against the limits Discord enforces (content
//! 2000, embeds 6000 in all, custom_id 100, … counted in characters) and must switch mentions
//! off. What fails is recorded in [`StandIn::violations`]; the request is still answered, so a
//! test can report every violation at the end.
//!
//! Dispatches are built here and checked against serenity's own models before they are sent: a
//! payload serenity cannot read would otherwise become `Event::Unknown` silently.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::ws::{Message as WsMessage, WebSocket, WebSocketUpgrade};
use axum::extract::{Request, State};
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::sync::{Notify, mpsc};

pub const BOT_USER_ID: u64 = 1_100_000_000_000_000_001;
pub const APPLICATION_ID: u64 = 1_100_000_000_000_000_002;
pub const GUILD_ID: u64 = 1_100_000_000_000_000_003;
/// A text channel of the guild.
pub const CHANNEL_ID: u64 = 1_100_000_000_000_000_004;
/// Another text channel of the guild.
pub const OTHER_CHANNEL_ID: u64 = 1_100_000_000_000_000_005;
pub const TOKEN: &str = "stand-in-token.SECRET-must-not-be-logged";

/// One request the bot made.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub seq: usize,
    pub method: String,
    /// Without the `/api/v10` prefix.
    pub path: String,
    pub body: Value,
    pub status: u16,
}

/// A user's chat message.
#[derive(Debug, Clone)]
pub struct UserMessage {
    pub channel_id: u64,
    /// `None`: a DM.
    pub guild_id: Option<u64>,
    pub author_id: u64,
    pub content: String,
    /// Users mentioned (ids).
    pub mentions: Vec<u64>,
    /// Written by a bot (another bot, a webhook).
    pub author_bot: bool,
}

impl UserMessage {
    /// A message in the guild's main channel.
    pub fn new(author_id: u64, content: &str) -> UserMessage {
        UserMessage {
            channel_id: CHANNEL_ID,
            guild_id: Some(GUILD_ID),
            author_id,
            content: content.to_string(),
            mentions: Vec::new(),
            author_bot: false,
        }
    }

    /// The same message, mentioning the bot first.
    pub fn to_bot(author_id: u64, question: &str) -> UserMessage {
        UserMessage {
            content: format!("<@{BOT_USER_ID}> {question}"),
            mentions: vec![BOT_USER_ID],
            ..UserMessage::new(author_id, question)
        }
    }
}

/// An interaction the test sends (slash command, autocomplete or button).
#[derive(Debug, Clone)]
pub struct Interact {
    pub user_id: u64,
    pub channel_id: u64,
    pub locale: String,
    /// Member permissions (decimal string), e.g. Manage Threads.
    pub permissions: u64,
}

impl Interact {
    pub fn new(user_id: u64) -> Interact {
        Interact {
            user_id,
            channel_id: CHANNEL_ID,
            locale: "zh-CN".into(),
            permissions: 0,
        }
    }
    pub fn locale(mut self, l: &str) -> Interact {
        self.locale = l.into();
        self
    }
    pub fn in_channel(mut self, c: u64) -> Interact {
        self.channel_id = c;
        self
    }
}

/// What the test can wait for after sending an interaction.
#[derive(Debug, Clone)]
pub struct Sent {
    pub id: u64,
    pub token: String,
}

struct Inner {
    http_base: String,
    ws_url: String,
    requests: Mutex<Vec<Recorded>>,
    changed: Notify,
    violations: Mutex<Vec<String>>,
    socket: Mutex<Option<mpsc::UnboundedSender<WsMessage>>>,
    seq: AtomicU64,
    ids: AtomicU64,
    identifies: AtomicUsize,
    /// The intents of the last IDENTIFY.
    intents: AtomicU64,
    /// Gateway connections still to accept and then never answer (no HELLO, nothing).
    silent: AtomicUsize,
    /// Gateway connections still to accept and never upgrade (the HTTP request hangs).
    hanging: AtomicUsize,
    /// Gateway connections opened so far.
    connections: AtomicUsize,
    resumes: AtomicUsize,
    fail_next: Mutex<Vec<(String, String, u16)>>,
    /// Messages the bot posted (also interaction responses), by id: what a button sits on.
    messages: Mutex<HashMap<u64, Value>>,
    /// Interaction token → (channel id, original response message id).
    interactions: Mutex<HashMap<String, (u64, Option<u64>)>>,
    /// Interaction token → when it was dispatched (Discord wants a callback within 3 s).
    sent_at: Mutex<HashMap<String, std::time::Instant>>,
    /// Threads the bot created: id → parent.
    threads: Mutex<HashMap<u64, u64>>,
    commands: Mutex<Vec<Value>>,
    /// Server nicknames: user id → nick (in the `member` of their messages and interactions).
    nicks: Mutex<HashMap<u64, String>>,
    /// This test's files (the bot's study database and logs), removed with the stand-in.
    dir: tempfile::TempDir,
}

/// The stand-in; cheap to clone.
#[derive(Clone)]
pub struct StandIn(Arc<Inner>);

impl StandIn {
    /// Starts the HTTP API and the gateway on a free loopback port.
    pub async fn start() -> StandIn {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let inner = Arc::new(Inner {
            http_base: format!("http://127.0.0.1:{port}"),
            ws_url: format!("ws://127.0.0.1:{port}/gateway"),
            requests: Mutex::default(),
            changed: Notify::new(),
            violations: Mutex::default(),
            socket: Mutex::default(),
            seq: AtomicU64::new(0),
            ids: AtomicU64::new(1_200_000_000_000_000_000),
            identifies: AtomicUsize::new(0),
            intents: AtomicU64::new(0),
            silent: AtomicUsize::new(0),
            hanging: AtomicUsize::new(0),
            connections: AtomicUsize::new(0),
            resumes: AtomicUsize::new(0),
            fail_next: Mutex::default(),
            messages: Mutex::default(),
            interactions: Mutex::default(),
            sent_at: Mutex::default(),
            threads: Mutex::default(),
            commands: Mutex::default(),
            nicks: Mutex::default(),
            dir: tempfile::tempdir().unwrap(),
        });
        let app = Router::new()
            .route("/gateway", axum::routing::get(gateway))
            .fallback(api)
            .with_state(inner.clone());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        StandIn(inner)
    }

    /// What goes into the bot's `discord.proxy_url`.
    pub fn api_base(&self) -> String {
        self.0.http_base.clone()
    }

    /// A temporary folder of this test's own.
    pub fn dir(&self) -> &std::path::Path {
        self.0.dir.path()
    }

    pub fn identify_count(&self) -> usize {
        self.0.identifies.load(Ordering::SeqCst)
    }

    pub fn resume_count(&self) -> usize {
        self.0.resumes.load(Ordering::SeqCst)
    }

    /// Waits until the bot has identified `n` times in all (READY sent) and registered its
    /// slash commands since.
    pub async fn wait_ready(&self, n: usize) {
        self.wait_for("the bot to connect", || {
            self.identify_count() >= n && !self.0.commands.lock().unwrap().is_empty()
        })
        .await;
    }

    /// Waits until the bot has identified `n` times in all (READY sent), registered or not.
    pub async fn wait_identified(&self, n: usize) {
        self.wait_for("the bot to identify", || self.identify_count() >= n)
            .await;
    }

    /// Waits until the bot has resumed `n` times in all.
    pub async fn wait_resumed(&self, n: usize) {
        self.wait_for("the bot to resume", || self.resume_count() >= n)
            .await;
    }

    async fn wait_for(&self, what: &str, done: impl Fn() -> bool) {
        tokio::time::timeout(Duration::from_secs(30), async {
            loop {
                let changed = self.0.changed.notified();
                if done() {
                    return;
                }
                let _ = tokio::time::timeout(Duration::from_millis(100), changed).await;
            }
        })
        .await
        .unwrap_or_else(|_| panic!("timed out waiting for {what}"));
    }

    /// The commands the bot registered (the PUT body).
    pub fn commands(&self) -> Vec<Value> {
        self.0.commands.lock().unwrap().clone()
    }

    /// Every request so far.
    pub fn requests(&self) -> Vec<Recorded> {
        self.0.requests.lock().unwrap().clone()
    }

    /// How many requests so far (a mark for [`StandIn::wait_request`]).
    pub fn mark(&self) -> usize {
        self.0.requests.lock().unwrap().len()
    }

    /// The first request after `mark` that matches, waiting up to 20 s.
    pub async fn wait_request(&self, mark: usize, pred: impl Fn(&Recorded) -> bool) -> Recorded {
        let found = || {
            self.0.requests.lock().unwrap()[mark..]
                .iter()
                .find(|r| pred(r))
                .cloned()
        };
        tokio::time::timeout(Duration::from_secs(20), async {
            loop {
                let changed = self.0.changed.notified();
                if let Some(r) = found() {
                    return r;
                }
                let _ = tokio::time::timeout(Duration::from_millis(100), changed).await;
            }
        })
        .await
        .unwrap_or_else(|_| {
            panic!(
                "no matching request; after the mark the bot sent: {:#?}",
                &self.requests()[mark..]
            )
        })
    }

    /// Schema and limit violations so far.
    pub fn violations(&self) -> Vec<String> {
        self.0.violations.lock().unwrap().clone()
    }

    /// The next request with this method whose path starts with `prefix` gets `status`
    /// (429 comes with Discord's rate-limit body and headers).
    pub fn fail_next(&self, method: &str, prefix: &str, status: u16) {
        self.0
            .fail_next
            .lock()
            .unwrap()
            .push((method.into(), prefix.into(), status));
    }

    /// Gives `user` a server nickname, as Discord sends it in their guild `member` objects.
    pub fn set_nick(&self, user: u64, nick: &str) {
        self.0.nicks.lock().unwrap().insert(user, nick.into());
    }

    fn nick(&self, user: u64) -> Value {
        self.0
            .nicks
            .lock()
            .unwrap()
            .get(&user)
            .map_or(Value::Null, |n| json!(n))
    }

    /// The next `n` gateway connections are accepted and then never answered.
    pub fn silence_gateway(&self, n: usize) {
        self.0.silent.store(n, Ordering::SeqCst);
    }

    /// The next `n` gateway connections are accepted and their upgrade never answered.
    pub fn hang_gateway(&self, n: usize) {
        self.0.hanging.store(n, Ordering::SeqCst);
    }

    /// Gateway connections the bot opened so far.
    pub fn connection_count(&self) -> usize {
        self.0.connections.load(Ordering::SeqCst)
    }

    /// Asks the bot to reconnect (op 7); it should open a new socket and RESUME.
    pub fn reconnect(&self) {
        self.send_raw(json!({"op": 7, "d": null}));
    }

    fn send_raw(&self, payload: Value) {
        let socket = self.0.socket.lock().unwrap().clone();
        let socket = socket.expect("the bot is not connected");
        let _ = socket.send(WsMessage::Text(payload.to_string().into()));
    }

    fn next_id(&self) -> u64 {
        self.0.ids.fetch_add(1, Ordering::SeqCst)
    }

    fn dispatch(&self, event: &str, d: Value) {
        let s = self.0.seq.fetch_add(1, Ordering::SeqCst) + 1;
        self.send_raw(json!({"op": 0, "t": event, "s": s, "d": d}));
    }

    /// A user writes a chat message; returns its id.
    pub fn message(&self, m: UserMessage) -> u64 {
        let id = self.next_id();
        let mentions: Vec<Value> = m
            .mentions
            .iter()
            .map(|&u| user(u, "someone", u == BOT_USER_ID))
            .collect();
        // Discord's Message Content rule: without the privileged intent a bot gets no content
        // of guild messages that do not mention it.
        let content_intent = self.0.intents.load(Ordering::SeqCst) & (1 << 15) != 0;
        let content =
            if m.guild_id.is_some() && !m.mentions.contains(&BOT_USER_ID) && !content_intent {
                String::new()
            } else {
                m.content.clone()
            };
        let mut d = json!({
            "id": id.to_string(),
            "channel_id": m.channel_id.to_string(),
            "author": user(m.author_id, &format!("user{}", m.author_id % 1000), m.author_bot),
            "content": content,
            "timestamp": "2026-11-25T10:00:00.000000+00:00",
            "edited_timestamp": null,
            "tts": false,
            "mention_everyone": m.content.contains("@everyone"),
            "mentions": mentions,
            "mention_roles": [],
            "attachments": [],
            "embeds": [],
            "pinned": false,
            "type": 0,
            "flags": 0,
            "components": [],
        });
        if let Some(g) = m.guild_id {
            d["guild_id"] = json!(g.to_string());
            d["member"] = json!({
                "roles": [], "joined_at": "2025-01-01T00:00:00.000000+00:00",
                "deaf": false, "mute": false, "flags": 0, "nick": self.nick(m.author_id),
            });
        }
        let checked: serenity::model::channel::Message =
            serde_json::from_value(d.clone()).expect("MESSAGE_CREATE serenity can read");
        assert_eq!(checked.id.get(), id);
        self.dispatch("MESSAGE_CREATE", d);
        id
    }

    fn interaction(&self, who: &Interact, kind: u8, data: Value, message: Option<Value>) -> Sent {
        let id = self.next_id();
        let token = format!("itok-{id}");
        let mut d = json!({
            "id": id.to_string(),
            "application_id": APPLICATION_ID.to_string(),
            "type": kind,
            "data": data,
            "guild_id": GUILD_ID.to_string(),
            "channel_id": who.channel_id.to_string(),
            "channel": {"id": who.channel_id.to_string(), "type": if self.0.threads.lock().unwrap().contains_key(&who.channel_id) { 11 } else { 0 }},
            "member": {
                "user": user(who.user_id, &format!("user{}", who.user_id % 1000), false),
                "roles": [], "joined_at": "2025-01-01T00:00:00.000000+00:00",
                "deaf": false, "mute": false, "flags": 0, "nick": self.nick(who.user_id),
                "permissions": who.permissions.to_string(),
            },
            "token": token,
            "version": 1,
            "app_permissions": "2248473465835073",
            "locale": who.locale,
            "guild_locale": "zh-CN",
            "entitlements": [],
            "authorizing_integration_owners": {"0": GUILD_ID.to_string()},
            "context": 0,
            "attachment_size_limit": 26214400,
        });
        if let Some(m) = message {
            d["message"] = m;
        }
        let checked: serenity::model::application::Interaction =
            serde_json::from_value(d.clone()).expect("INTERACTION_CREATE serenity can read");
        assert_eq!(checked.id().get(), id);
        self.0
            .interactions
            .lock()
            .unwrap()
            .insert(token.clone(), (who.channel_id, None));
        self.0
            .sent_at
            .lock()
            .unwrap()
            .insert(token.clone(), std::time::Instant::now());
        self.dispatch("INTERACTION_CREATE", d);
        Sent { id, token }
    }

    fn command_id(&self, name: &str) -> String {
        self.commands()
            .iter()
            .find(|c| c["name"] == name)
            .and_then(|c| c["id"].as_str().map(str::to_string))
            .unwrap_or_else(|| panic!("the bot did not register /{name}"))
    }

    /// A user runs `/name` with `options` (`[{"name","type","value"}]`).
    pub fn slash(&self, who: &Interact, name: &str, options: Value) -> Sent {
        let data =
            json!({"id": self.command_id(name), "name": name, "type": 1, "options": options});
        self.interaction(who, 2, data, None)
    }

    /// A user types into an option with autocomplete (`options` has one `"focused": true`).
    pub fn autocomplete(&self, who: &Interact, name: &str, options: Value) -> Sent {
        let data =
            json!({"id": self.command_id(name), "name": name, "type": 1, "options": options});
        self.interaction(who, 4, data, None)
    }

    /// A user presses the button `custom_id` on message `message_id` (one the bot posted).
    pub fn click(&self, who: &Interact, message_id: u64, custom_id: &str) -> Sent {
        let message = self
            .0
            .messages
            .lock()
            .unwrap()
            .get(&message_id)
            .cloned()
            .expect("a message the bot posted");
        let data = json!({"custom_id": custom_id, "component_type": 2});
        self.interaction(who, 3, data, Some(message))
    }

    /// A user submits the form (modal) `custom_id` with `value` in its one text input.
    pub fn submit_form(&self, who: &Interact, custom_id: &str, value: &str) -> Sent {
        let data = json!({
            "custom_id": custom_id,
            "components": [{"type": 1, "components": [
                {"type": 4, "custom_id": "answer", "value": value}
            ]}],
        });
        self.interaction(who, 5, data, None)
    }

    /// The body of the callback for an interaction (`{"type", "data"}`).
    pub async fn callback(&self, mark: usize, sent: &Sent) -> Value {
        let path = format!("/interactions/{}/{}/callback", sent.id, sent.token);
        self.wait_request(mark, |r| r.path == path).await.body
    }

    /// A message the bot posted, by id (as the stand-in stored it, with a button's message).
    pub fn posted(&self, id: u64) -> Value {
        self.0.messages.lock().unwrap()[&id].clone()
    }

    /// The id of the message an interaction's original response became.
    pub fn response_message(&self, sent: &Sent) -> u64 {
        self.0.interactions.lock().unwrap()[&sent.token]
            .1
            .expect("the interaction was answered with a message")
    }

    /// Messages the bot posted in `channel` (also as interaction responses, but not
    /// ephemeral ones), oldest first.
    pub fn messages_in(&self, channel: u64) -> Vec<(u64, Value)> {
        let channel = channel.to_string();
        let mut out: Vec<(u64, Value)> = self
            .0
            .messages
            .lock()
            .unwrap()
            .iter()
            .filter(|(_, m)| m["channel_id"] == channel.as_str())
            // Ephemeral replies are not in the channel for anyone else.
            .filter(|(_, m)| m["flags"].as_u64().unwrap_or(0) & 64 == 0)
            .map(|(&id, m)| (id, m.clone()))
            .collect();
        out.sort_by_key(|(id, _)| *id);
        out
    }

    /// Threads the bot created: (id, parent).
    pub fn threads(&self) -> Vec<(u64, u64)> {
        self.0
            .threads
            .lock()
            .unwrap()
            .iter()
            .map(|(&a, &b)| (a, b))
            .collect()
    }
}

fn user(id: u64, name: &str, bot: bool) -> Value {
    json!({
        "id": id.to_string(), "username": name, "global_name": name, "discriminator": "0",
        "avatar": null, "bot": bot,
    })
}

fn now() -> &'static str {
    "2026-11-25T10:00:01.000000+00:00"
}

// ---------------------------------------------------------------------------------------------
// Gateway

async fn gateway(ws: WebSocketUpgrade, State(inner): State<Arc<Inner>>) -> Response {
    inner.connections.fetch_add(1, Ordering::SeqCst);
    inner.changed.notify_waiters();
    let hang = inner
        .hanging
        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
        .is_ok();
    if hang {
        // Accepted, and the upgrade never answered.
        std::future::pending::<()>().await;
    }
    ws.on_upgrade(move |socket| session(socket, inner))
}

async fn session(socket: WebSocket, inner: Arc<Inner>) {
    let silent = inner
        .silent
        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
        .is_ok();
    let (mut sink, mut stream) = socket.split();
    if silent {
        // Accepted, then nothing: no HELLO, no answer to whatever the bot sends.
        while let Some(Ok(_)) = stream.next().await {}
        let _ = sink.close().await;
        return;
    }
    let (tx, mut rx) = mpsc::unbounded_channel::<WsMessage>();
    *inner.socket.lock().unwrap() = Some(tx.clone());
    let writer = tokio::spawn(async move {
        while let Some(m) = rx.recv().await {
            let close = matches!(m, WsMessage::Close(_));
            if sink.send(m).await.is_err() || close {
                break;
            }
        }
    });
    let _ = tx.send(WsMessage::Text(
        json!({"op": 10, "d": {"heartbeat_interval": 41250}})
            .to_string()
            .into(),
    ));
    let handle = StandIn(inner.clone());
    while let Some(Ok(frame)) = stream.next().await {
        let text = match frame {
            WsMessage::Text(t) => t.to_string(),
            WsMessage::Binary(b) => String::from_utf8_lossy(&b).into_owned(),
            WsMessage::Close(_) => break,
            _ => continue,
        };
        let Ok(payload) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        match payload["op"].as_u64() {
            Some(1) => {
                let _ = tx.send(WsMessage::Text(json!({"op": 11}).to_string().into()));
            }
            Some(2) => {
                if payload["d"]["token"] != TOKEN && payload["d"]["token"] != format!("Bot {TOKEN}")
                {
                    inner
                        .violations
                        .lock()
                        .unwrap()
                        .push(format!("IDENTIFY with token {}", payload["d"]["token"]));
                }
                inner.seq.store(0, Ordering::SeqCst);
                inner.intents.store(
                    payload["d"]["intents"].as_u64().unwrap_or(0),
                    Ordering::SeqCst,
                );
                let ready = json!({
                    "v": 10,
                    "user": user(BOT_USER_ID, "pressroom", true),
                    "guilds": [{"id": GUILD_ID.to_string(), "unavailable": true}],
                    "session_id": format!("session-{}", inner.identifies.load(Ordering::SeqCst)),
                    "resume_gateway_url": inner.ws_url,
                    "shard": [0, 1],
                    "application": {"id": APPLICATION_ID.to_string(), "flags": 0},
                    "private_channels": [],
                    "relationships": [],
                });
                serde_json::from_value::<serenity::model::gateway::Ready>(ready.clone())
                    .expect("READY serenity can read");
                handle.dispatch("READY", ready);
                let g = guild();
                serde_json::from_value::<serenity::model::guild::Guild>(g.clone())
                    .expect("GUILD_CREATE serenity can read");
                handle.dispatch("GUILD_CREATE", g);
                inner.identifies.fetch_add(1, Ordering::SeqCst);
                inner.changed.notify_waiters();
            }
            Some(6) => {
                handle.dispatch("RESUMED", json!({}));
                inner.resumes.fetch_add(1, Ordering::SeqCst);
                inner.changed.notify_waiters();
            }
            _ => {}
        }
    }
    writer.abort();
}

fn channel(id: u64, name: &str) -> Value {
    json!({
        "id": id.to_string(), "type": 0, "guild_id": GUILD_ID.to_string(), "name": name,
        "position": 0, "permission_overwrites": [], "nsfw": false, "parent_id": null,
        "last_message_id": null, "rate_limit_per_user": 0, "topic": null, "flags": 0,
    })
}

fn guild() -> Value {
    json!({
        "id": GUILD_ID.to_string(), "name": "Study group", "icon": null, "splash": null,
        "discovery_splash": null, "owner_id": "1", "afk_channel_id": null, "afk_timeout": 300,
        "verification_level": 0, "default_message_notifications": 0, "explicit_content_filter": 0,
        "roles": [{"id": GUILD_ID.to_string(), "name": "@everyone", "color": 0, "hoist": false,
                   "position": 0, "permissions": "1024", "managed": false, "mentionable": false, "flags": 0,
                   "colors": {"primary_color": 0, "secondary_color": null, "tertiary_color": null}}],
        "emojis": [], "features": [], "mfa_level": 0, "application_id": null,
        "system_channel_id": null, "system_channel_flags": 0, "rules_channel_id": null,
        "vanity_url_code": null, "description": null, "banner": null, "premium_tier": 0,
        "preferred_locale": "zh-CN", "public_updates_channel_id": null, "nsfw_level": 0,
        "premium_progress_bar_enabled": false, "stickers": [],
        "joined_at": "2025-01-01T00:00:00.000000+00:00", "large": false, "member_count": 3,
        "members": [], "channels": [channel(CHANNEL_ID, "general"), channel(OTHER_CHANNEL_ID, "random")],
        "threads": [], "presences": [], "voice_states": [], "stage_instances": [],
        "guild_scheduled_events": [], "unavailable": false, "max_video_channel_users": 25,
    })
}

// ---------------------------------------------------------------------------------------------
// HTTP API

async fn api(State(inner): State<Arc<Inner>>, req: Request) -> Response {
    let method = req.method().clone();
    let full = req.uri().path().to_string();
    let auth = req
        .headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let bytes: Bytes = axum::body::to_bytes(req.into_body(), 16 << 20)
        .await
        .unwrap_or_default();
    let body: Value = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into()))
    };
    let path = full.strip_prefix("/api/v10").unwrap_or(&full).to_string();
    let handle = StandIn(inner.clone());

    let failure = {
        let mut fails = inner.fail_next.lock().unwrap();
        let at = fails
            .iter()
            .position(|(m, p, _)| *m == method.as_str() && path.starts_with(p.as_str()));
        at.map(|i| fails.remove(i).2)
    };
    let (status, response) = match failure {
        Some(429) => (
            429,
            json!({"message": "You are being rate limited.", "retry_after": 0.05, "global": false}),
        ),
        Some(s) => (s, json!({"message": "Internal Server Error", "code": 0})),
        None => {
            if !body.is_null() {
                check(&inner, &method, &path, &body);
            }
            let mut late = Vec::new();
            if auth != format!("Bot {TOKEN}") {
                late.push(format!(
                    "Authorization is not \"Bot <token>\" ({})",
                    auth.len()
                ));
            }
            if let ["", "interactions", _, token, "callback"] =
                path.split('/').collect::<Vec<_>>()[..]
                && let Some(at) = inner.sent_at.lock().unwrap().get(token)
                && at.elapsed() > Duration::from_secs(3)
            {
                late.push(format!(
                    "answered after {:.2} s (Discord allows 3 s)",
                    at.elapsed().as_secs_f64()
                ));
            }
            for p in late {
                inner
                    .violations
                    .lock()
                    .unwrap()
                    .push(format!("{method} {path}: {p}"));
            }
            route(&handle, &method, &path, &body)
        }
    };
    inner.requests.lock().unwrap().push(Recorded {
        seq: 0,
        method: method.to_string(),
        path: path.clone(),
        body,
        status,
    });
    let n = inner.requests.lock().unwrap().len();
    inner.requests.lock().unwrap()[n - 1].seq = n;
    inner.changed.notify_waiters();
    let code = StatusCode::from_u16(status).unwrap();
    let mut resp = if status == 204 {
        code.into_response()
    } else {
        (code, axum::Json(response)).into_response()
    };
    if status == 429 {
        let h = resp.headers_mut();
        h.insert("x-ratelimit-limit", "5".parse().unwrap());
        h.insert("x-ratelimit-remaining", "0".parse().unwrap());
        h.insert("x-ratelimit-reset-after", "0.05".parse().unwrap());
        h.insert("retry-after", "1".parse().unwrap());
    }
    resp
}

fn route(s: &StandIn, method: &Method, path: &str, body: &Value) -> (u16, Value) {
    let seg: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let inner = &s.0;
    match (method.as_str(), seg.as_slice()) {
        ("GET", ["gateway"]) | ("GET", ["gateway", "bot"]) => (
            200,
            json!({
                "url": inner.ws_url, "shards": 1,
                "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1},
            }),
        ),
        ("GET", ["oauth2", "applications", "@me"]) => (
            200,
            json!({
                "id": APPLICATION_ID.to_string(), "name": "pressroom", "icon": null, "description": "",
                "bot_public": true, "bot_require_code_grant": false, "verify_key": "00",
                "owner": user(1, "owner", false), "team": null, "flags": 0,
            }),
        ),
        ("GET", ["users", "@me"]) => (200, user(BOT_USER_ID, "pressroom", true)),
        ("PUT", ["applications", _, "commands"])
        | ("PUT", ["applications", _, "guilds", _, "commands"]) => {
            let guild = if seg.len() > 3 {
                Some(seg[3].to_string())
            } else {
                None
            };
            let list: Vec<Value> = body
                .as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .map(|mut c| {
                    c["id"] = json!(s.next_id().to_string());
                    c["application_id"] = json!(APPLICATION_ID.to_string());
                    c["version"] = json!("1");
                    if c.get("type").is_none() {
                        c["type"] = json!(1);
                    }
                    if let Some(g) = &guild {
                        c["guild_id"] = json!(g);
                    }
                    c["default_member_permissions"] = c
                        .get("default_member_permissions")
                        .cloned()
                        .unwrap_or(Value::Null);
                    c
                })
                .collect();
            *inner.commands.lock().unwrap() = list.clone();
            (200, Value::Array(list))
        }
        ("POST", ["interactions", _, token, "callback"]) => {
            let kind = body["type"].as_u64().unwrap_or(0);
            let mut interactions = inner.interactions.lock().unwrap();
            if let Some((channel, original)) = interactions.get_mut(*token)
                && (kind == 4 || kind == 5)
            {
                let id = s.next_id();
                let m = message_from(id, *channel, &body["data"]);
                inner.messages.lock().unwrap().insert(id, m);
                *original = Some(id);
            }
            (204, Value::Null)
        }
        ("POST", ["webhooks", _, token]) | ("PATCH", ["webhooks", _, token, "messages", _]) => {
            let channel = inner
                .interactions
                .lock()
                .unwrap()
                .get(*token)
                .map(|x| x.0)
                .unwrap_or(CHANNEL_ID);
            let id = s.next_id();
            let m = message_from(id, channel, body);
            inner.messages.lock().unwrap().insert(id, m.clone());
            (200, m)
        }
        ("GET", ["webhooks", _, token, "messages", _]) => {
            let (channel, original) = inner
                .interactions
                .lock()
                .unwrap()
                .get(*token)
                .copied()
                .unwrap_or((CHANNEL_ID, None));
            let id = original.unwrap_or_else(|| s.next_id());
            (
                200,
                inner
                    .messages
                    .lock()
                    .unwrap()
                    .get(&id)
                    .cloned()
                    .unwrap_or_else(|| message_from(id, channel, &json!({}))),
            )
        }
        ("POST", ["channels", c, "messages"]) => {
            let id = s.next_id();
            let m = message_from(id, c.parse().unwrap_or(0), body);
            inner.messages.lock().unwrap().insert(id, m.clone());
            (200, m)
        }
        ("PATCH", ["channels", c, "messages", m]) => {
            let id: u64 = m.parse().unwrap_or(0);
            let msg = message_from(id, c.parse().unwrap_or(0), body);
            inner.messages.lock().unwrap().insert(id, msg.clone());
            (200, msg)
        }
        ("POST", ["channels", c, "typing"]) => {
            let _ = c;
            (204, Value::Null)
        }
        ("POST", ["channels", parent, "threads"])
        | ("POST", ["channels", parent, "messages", _, "threads"]) => {
            let id = s.next_id();
            let parent: u64 = parent.parse().unwrap_or(0);
            inner.threads.lock().unwrap().insert(id, parent);
            (
                200,
                json!({
                    "id": id.to_string(), "type": body["type"].as_u64().unwrap_or(11), "guild_id": GUILD_ID.to_string(),
                    "name": body["name"], "parent_id": parent.to_string(), "owner_id": BOT_USER_ID.to_string(),
                    "last_message_id": null, "rate_limit_per_user": 0, "message_count": 0, "member_count": 1,
                    "thread_metadata": {"archived": false, "auto_archive_duration": body["auto_archive_duration"].as_u64().unwrap_or(1440),
                                        "archive_timestamp": now(), "locked": false, "create_timestamp": now()},
                    "member": {"id": id.to_string(), "user_id": BOT_USER_ID.to_string(), "join_timestamp": now(), "flags": 0},
                    "permission_overwrites": [], "nsfw": false, "flags": 0, "total_message_sent": 0,
                }),
            )
        }
        ("GET", ["channels", c]) => {
            let id: u64 = c.parse().unwrap_or(0);
            (200, channel(id, "general"))
        }
        _ => (404, json!({"message": "Unknown route", "code": 0})),
    }
}

fn message_from(id: u64, channel: u64, body: &Value) -> Value {
    json!({
        "id": id.to_string(),
        "channel_id": channel.to_string(),
        "guild_id": GUILD_ID.to_string(),
        "author": user(BOT_USER_ID, "pressroom", true),
        "content": body.get("content").cloned().unwrap_or(json!("")),
        "timestamp": now(),
        "edited_timestamp": null,
        "tts": false,
        "mention_everyone": false,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": body.get("embeds").cloned().unwrap_or(json!([])),
        "components": body.get("components").cloned().unwrap_or(json!([])),
        "pinned": false,
        "type": if body.get("message_reference").is_some() { 19 } else { 0 },
        "flags": body.get("flags").cloned().unwrap_or(json!(0)),
        "message_reference": body.get("message_reference").cloned().unwrap_or(Value::Null),
    })
}

// ---------------------------------------------------------------------------------------------
// Validation

static OPENAPI: LazyLock<Value> = LazyLock::new(|| {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/discord-openapi.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("the OpenAPI fixture")).unwrap()
});

/// Compiled request-body validators by (method, path template).
type Validators = HashMap<(String, String), Arc<jsonschema::Validator>>;

static VALIDATORS: LazyLock<Mutex<Validators>> = LazyLock::new(Mutex::default);

/// The OpenAPI path template that `path` is an instance of: most literal segments wins.
fn template(path: &str, method: &str) -> Option<String> {
    let seg: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let paths = OPENAPI["paths"].as_object()?;
    paths
        .iter()
        .filter(|(_, ops)| ops.get(method).is_some())
        .filter_map(|(t, _)| {
            let ts: Vec<&str> = t.trim_start_matches('/').split('/').collect();
            if ts.len() != seg.len() {
                return None;
            }
            let mut literal = 0;
            for (a, b) in ts.iter().zip(&seg) {
                if a.starts_with('{') {
                    continue;
                }
                if a != b {
                    return None;
                }
                literal += 1;
            }
            Some((literal, t.clone()))
        })
        .max_by_key(|(l, _)| *l)
        .map(|(_, t)| t)
}

fn validator(method: &str, template: &str) -> Option<Arc<jsonschema::Validator>> {
    let key = (method.to_string(), template.to_string());
    if let Some(v) = VALIDATORS.lock().unwrap().get(&key) {
        return Some(v.clone());
    }
    let schema =
        OPENAPI["paths"][template][method]["requestBody"]["content"]["application/json"]["schema"]
            .clone();
    if schema.is_null() {
        return None;
    }
    // The operation's schema with the document's components beside it, so its
    // `#/components/schemas/…` references resolve.
    let doc = json!({"allOf": [schema], "components": OPENAPI["components"]});
    let v = Arc::new(
        jsonschema::options()
            .with_draft(jsonschema::Draft::Draft202012)
            .build(&doc)
            .expect("the published schema compiles"),
    );
    VALIDATORS.lock().unwrap().insert(key, v.clone());
    Some(v)
}

fn check(inner: &Inner, method: &Method, path: &str, body: &Value) {
    let problems = problems(method.as_str(), path, body);
    if !problems.is_empty() {
        let mut v = inner.violations.lock().unwrap();
        for p in problems {
            v.push(format!("{method} {path}: {p}"));
        }
    }
}

/// What is wrong with a request body by Discord's schema and limits.
pub fn problems(method: &str, path: &str, body: &Value) -> Vec<String> {
    let m = method.to_lowercase();
    let mut problems = Vec::new();
    match template(path, &m) {
        None => problems.push("no such route in Discord's API".to_string()),
        Some(t) => {
            if let Some(v) = validator(&m, &t) {
                for e in v.iter_errors(body).take(5) {
                    problems.push(format!("schema: {e} at {}", e.instance_path));
                }
            }
        }
    }
    // The message part of the body, for the limits and mentions.
    let message = if path.starts_with("/interactions/") {
        match body["type"].as_u64() {
            Some(4) | Some(7) => Some(&body["data"]),
            Some(8) => {
                let choices = body["data"]["choices"].as_array().map_or(0, Vec::len);
                if choices > 25 {
                    problems.push(format!("{choices} autocomplete choices (max 25)"));
                }
                for c in body["data"]["choices"].as_array().into_iter().flatten() {
                    if chars(&c["name"]) > 100 {
                        problems.push("autocomplete choice name over 100".into());
                    }
                }
                None
            }
            _ => None,
        }
    } else if path.contains("/messages") && !path.ends_with("/threads")
        || path.starts_with("/webhooks/")
    {
        Some(body)
    } else {
        None
    };
    if let Some(msg) = message {
        limits(msg, &mut problems);
    }
    problems
}

fn chars(v: &Value) -> usize {
    v.as_str().map_or(0, |s| s.chars().count())
}

/// Discord's limits on a message body, and allowed mentions switched off.
fn limits(msg: &Value, problems: &mut Vec<String>) {
    let mut p = |cond: bool, what: String| {
        if cond {
            problems.push(what);
        }
    };
    let am = &msg["allowed_mentions"];
    p(
        am.is_null(),
        "no allowed_mentions: the message could ping".into(),
    );
    p(
        am["parse"].as_array().is_some_and(|a| !a.is_empty()),
        format!("allowed_mentions.parse = {}", am["parse"]),
    );
    p(
        am["users"].as_array().is_some_and(|a| !a.is_empty())
            || am["roles"].as_array().is_some_and(|a| !a.is_empty()),
        "allowed_mentions names users or roles".into(),
    );
    p(
        am["replied_user"] == true,
        "replied_user pings the asker".into(),
    );
    p(
        chars(&msg["content"]) > 2000,
        format!("content of {} characters", chars(&msg["content"])),
    );
    let embeds = msg["embeds"].as_array().cloned().unwrap_or_default();
    p(embeds.len() > 10, "more than 10 embeds".into());
    let mut total = 0;
    for e in &embeds {
        let (t, d, f) = (
            chars(&e["title"]),
            chars(&e["description"]),
            chars(&e["footer"]["text"]),
        );
        p(t > 256, format!("embed title of {t}"));
        p(d > 4096, format!("embed description of {d}"));
        p(f > 2048, format!("embed footer of {f}"));
        total += t + d + f + chars(&e["author"]["name"]);
        let fields = e["fields"].as_array().cloned().unwrap_or_default();
        p(fields.len() > 25, "more than 25 fields".into());
        for fl in &fields {
            let (n, v) = (chars(&fl["name"]), chars(&fl["value"]));
            p(n > 256 || n == 0, format!("field name of {n}"));
            p(v > 1024 || v == 0, format!("field value of {v}"));
            total += n + v;
        }
    }
    p(total > 6000, format!("embeds total {total} characters"));
    let rows = msg["components"].as_array().cloned().unwrap_or_default();
    p(rows.len() > 5, "more than 5 action rows".into());
    let mut ids = std::collections::HashSet::new();
    for row in &rows {
        let buttons = row["components"].as_array().cloned().unwrap_or_default();
        p(buttons.len() > 5, "more than 5 buttons in a row".into());
        for b in &buttons {
            let id = chars(&b["custom_id"]);
            p(id > 100, format!("custom_id of {id} characters"));
            p(chars(&b["label"]) > 80, "button label over 80".into());
            if let Some(id) = b["custom_id"].as_str() {
                p(
                    !ids.insert(id.to_string()),
                    format!("duplicate custom_id {id}"),
                );
            }
        }
    }
}

#[cfg(test)]
mod checks {
    use super::*;

    fn good() -> Value {
        json!({
            "content": "hi",
            "embeds": [{"title": "t", "description": "d", "fields": [{"name": "n", "value": "v", "inline": false}]}],
            "components": [{"type": 1, "components": [{"type": 2, "style": 2, "label": "Next", "custom_id": "a|n|1|k.1|"}]}],
            "allowed_mentions": {"parse": [], "users": [], "roles": []},
        })
    }

    #[test]
    fn a_good_message_passes() {
        assert_eq!(
            problems("POST", "/channels/1/messages", &good()),
            Vec::<String>::new()
        );
        let cb = json!({"type": 4, "data": good()});
        assert_eq!(
            problems("POST", "/interactions/1/tok/callback", &cb),
            Vec::<String>::new()
        );
    }

    #[test]
    fn the_stand_in_catches_what_discord_would_refuse() {
        type Breaker = Box<dyn Fn(&mut Value)>;
        let cases: Vec<(&str, Breaker)> = vec![
            ("schema", Box::new(|b| b["embeds"] = json!("not a list"))),
            (
                "schema",
                Box::new(|b| b["components"][0]["components"][0]["style"] = json!("big")),
            ),
            (
                "content of 2001",
                Box::new(|b| b["content"] = json!("长".repeat(2001))),
            ),
            (
                "no allowed_mentions",
                Box::new(|b| {
                    b.as_object_mut().unwrap().remove("allowed_mentions");
                }),
            ),
            (
                "allowed_mentions.parse",
                Box::new(|b| b["allowed_mentions"]["parse"] = json!(["everyone"])),
            ),
            (
                "custom_id of 101",
                Box::new(|b| {
                    b["components"][0]["components"][0]["custom_id"] = json!("x".repeat(101))
                }),
            ),
            (
                "embeds total",
                Box::new(|b| {
                    b["embeds"] = json!([
                        {"description": "字".repeat(4000)},
                        {"description": "字".repeat(2500)},
                    ]);
                }),
            ),
            (
                "field value of 1025",
                Box::new(|b| b["embeds"][0]["fields"][0]["value"] = json!("v".repeat(1025))),
            ),
        ];
        for (want, break_it) in cases {
            let mut body = good();
            break_it(&mut body);
            let found = problems("POST", "/channels/1/messages", &body);
            assert!(found.iter().any(|p| p.contains(want)), "{want}: {found:?}");
        }
        let too_many: Vec<Value> = (0..26)
            .map(|i| json!({"name": format!("c{i}"), "value": "x"}))
            .collect();
        let found = problems(
            "POST",
            "/interactions/1/t/callback",
            &json!({"type": 8, "data": {"choices": too_many}}),
        );
        assert!(
            found.iter().any(|p| p.contains("26 autocomplete choices")),
            "{found:?}"
        );
        assert!(!problems("POST", "/nowhere", &json!({})).is_empty());
    }
}
