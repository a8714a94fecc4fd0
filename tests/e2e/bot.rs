//! The bot as users meet it: slash commands, autocomplete, buttons, chat, faults.

use serde_json::{Value, json};

use super::standin::{
    BOT_USER_ID, CHANNEL_ID, GUILD_ID, Interact, OTHER_CHANNEL_ID, Recorded, Sent, StandIn,
    UserMessage,
};
use super::{assert_clean, start_bot};

const AI_QUESTION: &str = "中方对人工智能合作持什么立场？";
const AI_GOLD: &str = "中国对与各国开展人工智能合作持积极开放态度";

/// All readable text of a message body (content, embeds), for assertions.
pub fn text(msg: &Value) -> String {
    let mut out = msg["content"].as_str().unwrap_or_default().to_string();
    for e in msg["embeds"].as_array().into_iter().flatten() {
        for part in [&e["title"], &e["description"], &e["footer"]["text"]] {
            out.push('\n');
            out.push_str(part.as_str().unwrap_or_default());
        }
        for f in e["fields"].as_array().into_iter().flatten() {
            out.push_str(&format!(
                "\n{}: {}",
                f["name"].as_str().unwrap(),
                f["value"].as_str().unwrap()
            ));
        }
    }
    out
}

/// The buttons of a message body: (label, custom_id, disabled).
pub fn buttons(msg: &Value) -> Vec<(String, String, bool)> {
    msg["components"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
        .map(|b| {
            (
                b["label"].as_str().unwrap_or_default().to_string(),
                b["custom_id"].as_str().unwrap_or_default().to_string(),
                b["disabled"].as_bool().unwrap_or(false),
            )
        })
        .collect()
}

pub fn button(msg: &Value, label: &str) -> String {
    buttons(msg)
        .into_iter()
        .find(|(l, _, _)| l.contains(label))
        .unwrap_or_else(|| panic!("no button {label} in {msg:#}"))
        .1
}

pub fn ephemeral(data: &Value) -> bool {
    data["flags"].as_u64().is_some_and(|f| f & 64 != 0)
}

fn question(q: &str) -> Value {
    json!([{"name": "question", "type": 3, "value": q}])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn commands_are_registered_in_both_languages() {
    let stand = StandIn::start().await;
    let _bot = start_bot(&stand, |_| {}).await;
    let commands = stand.commands();
    let names: Vec<&str> = commands
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    for want in ["ask", "topic", "quote", "about"] {
        assert!(names.contains(&want), "{names:?}");
    }
    let registered = stand
        .requests()
        .into_iter()
        .find(|r| r.method == "PUT" && r.path.ends_with("/commands"))
        .unwrap();
    assert_eq!(
        registered.path,
        format!(
            "/applications/{}/guilds/{GUILD_ID}/commands",
            super::standin::APPLICATION_ID
        )
    );
    let ask = commands.iter().find(|c| c["name"] == "ask").unwrap();
    assert_eq!(ask["name_localizations"]["zh-CN"], "提问");
    assert!(ask["description_localizations"]["zh-CN"].is_string());
    assert_clean(&stand);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ask_quotes_the_right_passage_with_speaker_question_and_citation() {
    let stand = StandIn::start().await;
    let _bot = start_bot(&stand, |_| {}).await;
    let mark = stand.mark();
    let sent = stand.slash(&Interact::new(7), "ask", question(AI_QUESTION));
    let body = stand.callback(mark, &sent).await;
    assert_eq!(body["type"], 4);
    let data = &body["data"];
    let t = text(data);
    assert!(
        t.contains("**人工智能合作**") || t.contains("**人工智能**"),
        "{t}"
    );
    assert!(t.replace("**", "").contains(AI_GOLD), "{t}");
    assert!(t.contains("王毅"), "{t}");
    assert!(t.contains("凤凰卫视记者 提问"), "{t}");
    assert!(t.contains("2024-03-07 王毅记者会 ¶7"), "{t}");
    assert!(t.contains("结果 1/3"), "{t}");
    let labels: Vec<String> = buttons(data).into_iter().map(|b| b.0).collect();
    assert_eq!(labels, ["◀ 上一条", "下一条 ▶", "更多上下文", "记者提问"]);

    // The same in English for an en-US user.
    let mark = stand.mark();
    let sent = stand.slash(
        &Interact::new(7).locale("en-US"),
        "ask",
        question("AI cooperation"),
    );
    let data = stand.callback(mark, &sent).await["data"].clone();
    let t = text(&data);
    assert!(t.contains("result 1/"), "{t}");
    assert!(buttons(&data).iter().any(|b| b.0 == "More context"));

    // A question in English is searched in Chinese, and the reply says as what.
    let mark = stand.mark();
    let sent = stand.slash(
        &Interact::new(7).locale("en-US"),
        "ask",
        question("What is China's position on AI cooperation between major countries?"),
    );
    let data = stand.callback(mark, &sent).await["data"].clone();
    let t = text(&data);
    assert!(t.contains("read in Chinese as:"), "{t}");
    assert!(t.replace("**", "").contains(AI_GOLD), "{t}");
    assert_clean(&stand);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn autocomplete_offers_fitting_topics_by_chinese_and_pinyin() {
    let stand = StandIn::start().await;
    let _bot = start_bot(&stand, |_| {}).await;
    for (typed, want) in [
        ("nanhai", "南海"),
        ("人工", "人工智能"),
        ("feizhou", "非洲"),
        ("", ""),
    ] {
        let mark = stand.mark();
        let sent = stand.autocomplete(
            &Interact::new(7),
            "topic",
            json!([{"name": "name", "type": 3, "value": typed, "focused": true}]),
        );
        let body = stand.callback(mark, &sent).await;
        assert_eq!(body["type"], 8);
        let choices = body["data"]["choices"].as_array().unwrap();
        assert!(
            !choices.is_empty() && choices.len() <= 25,
            "{typed}: {choices:?}"
        );
        assert!(
            choices[0]["name"].as_str().unwrap().starts_with(want),
            "{typed}: {choices:#?}"
        );
    }
    assert_clean(&stand);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn topic_shows_the_whole_exchange_and_quote_and_about_answer() {
    let stand = StandIn::start().await;
    let _bot = start_bot(&stand, |_| {}).await;
    let mark = stand.mark();
    let sent = stand.slash(
        &Interact::new(7),
        "topic",
        json!([{"name": "name", "type": 3, "value": "非洲"}]),
    );
    let data = stand.callback(mark, &sent).await["data"].clone();
    let t = text(&data);
    assert!(t.contains("坦桑尼亚桑给巴尔广播电视台记者"), "{t}");
    assert!(
        t.contains("思想上和观念上的真正独立"),
        "the rejoined paragraph: {t}"
    );
    assert!(t.contains("`¶"), "{t}");

    let mark = stand.mark();
    let sent = stand.slash(
        &Interact::new(7),
        "quote",
        json!([{"name": "citation", "type": 3, "value": "2024-03-07 王毅记者会 ¶7"}]),
    );
    let data = stand.callback(mark, &sent).await["data"].clone();
    assert!(text(&data).contains(AI_GOLD));

    let mark = stand.mark();
    let sent = stand.slash(&Interact::new(7), "quote", json!([]));
    let data = stand.callback(mark, &sent).await["data"].clone();
    assert!(
        text(&data).contains("王毅记者会 ¶"),
        "a random paragraph: {data:#}"
    );

    let mark = stand.mark();
    let sent = stand.slash(
        &Interact::new(7),
        "quote",
        json!([{"name": "citation", "type": 3, "value": "¶9999"}]),
    );
    let data = stand.callback(mark, &sent).await["data"].clone();
    assert!(
        ephemeral(&data) && text(&data).contains("没有与引用"),
        "{data:#}"
    );

    let mark = stand.mark();
    let sent = stand.slash(&Interact::new(7).locale("en-US"), "about", json!([]));
    let data = stand.callback(mark, &sent).await["data"].clone();
    assert!(text(&data).contains("1 transcripts"), "{data:#}");
    assert_clean(&stand);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_button_does_its_job_also_after_a_restart() {
    let stand = StandIn::start().await;
    let bot = start_bot(&stand, |_| {}).await;
    let mark = stand.mark();
    let sent = stand.slash(&Interact::new(7), "ask", question(AI_QUESTION));
    stand.callback(mark, &sent).await;
    let answer = stand.response_message(&sent);
    let first = stand.posted(answer);

    // Next: the message is updated in place with the second result.
    let mark = stand.mark();
    let press = stand.click(&Interact::new(8), answer, &button(&first, "下一条"));
    let body = stand.callback(mark, &press).await;
    assert_eq!(body["type"], 7);
    let second = &body["data"];
    assert!(text(second).contains("结果 2/3"), "{second:#}");
    assert!(!buttons(second)[0].2, "Previous is live on result 2");

    // More context: only to the presser, the passage marked among its neighbours.
    let mark = stand.mark();
    let press = stand.click(&Interact::new(8), answer, &button(&first, "更多上下文"));
    let body = stand.callback(mark, &press).await;
    assert_eq!(body["type"], 4);
    assert!(ephemeral(&body["data"]));
    let t = text(&body["data"]);
    assert!(
        t.contains("**¶7** ▶") && t.contains("¶6") && t.contains("¶4"),
        "{t}"
    );

    // Question: the reporter's question.
    let mark = stand.mark();
    let press = stand.click(&Interact::new(8), answer, &button(&first, "记者提问"));
    let t = text(&stand.callback(mark, &press).await["data"]);
    assert!(
        t.contains("**凤凰卫视记者**：国际社会竞相提出人工智能全球治理方案"),
        "{t}"
    );

    // The bot dies and comes back: the old buttons still work.
    drop(bot);
    let _bot = start_bot(&stand, |_| {}).await;
    let mark = stand.mark();
    let press = stand.click(&Interact::new(9), answer, &button(&first, "下一条"));
    let body = stand.callback(mark, &press).await;
    assert_eq!(body["type"], 7);
    assert!(text(&body["data"]).contains("结果 2/3"));
    assert_clean(&stand);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mention_is_answered_as_a_reply_and_other_messages_get_nothing() {
    let stand = StandIn::start().await;
    let _bot = start_bot(&stand, |s| {
        s.discord.answer_channels = vec![OTHER_CHANNEL_ID]
    })
    .await;

    let mark = stand.mark();
    let asked = stand.message(UserMessage::to_bot(7, AI_QUESTION));
    let reply = stand
        .wait_request(mark, |r| {
            r.method == "POST" && r.path == format!("/channels/{CHANNEL_ID}/messages")
        })
        .await;
    assert_eq!(
        reply.body["message_reference"]["message_id"],
        asked.to_string()
    );
    assert!(text(&reply.body).replace("**", "").contains(AI_GOLD));
    assert!(
        !text(&reply.body).contains(&BOT_USER_ID.to_string()),
        "the mention is not echoed"
    );

    // A plain message in the main channel concerns nobody. Checked once the bot has answered
    // the two messages sent after it: an answer to it would have come long before.
    let mark = stand.mark();
    let ignored = stand.message(UserMessage::new(7, AI_QUESTION)).to_string();

    // In an answer channel every message is a question.
    stand.message(UserMessage {
        channel_id: OTHER_CHANNEL_ID,
        ..UserMessage::new(7, "全球南方")
    });
    let reply = stand
        .wait_request(mark, |r| {
            r.path == format!("/channels/{OTHER_CHANNEL_ID}/messages")
        })
        .await;
    assert!(text(&reply.body).contains("全球南方"));
    let answered_ignored = |stand: &StandIn| {
        stand.requests()[mark..]
            .iter()
            .filter(|r| {
                r.path == format!("/channels/{CHANNEL_ID}/messages")
                    || r.body["message_reference"]["message_id"] == ignored
            })
            .cloned()
            .collect::<Vec<_>>()
    };

    // A DM is answered too.
    let dm_mark = stand.mark();
    stand.message(UserMessage {
        channel_id: 42,
        guild_id: None,
        ..UserMessage::new(7, "朝鲜半岛")
    });
    let reply = stand
        .wait_request(dm_mark, |r| r.path == "/channels/42/messages")
        .await;
    assert!(text(&reply.body).contains("朝鲜半岛"));
    let after = answered_ignored(&stand);
    assert!(
        after.is_empty(),
        "the bot answered a message not for it: {after:#?}"
    );
    assert_clean(&stand);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn everyone_in_a_question_pings_nobody_and_bad_questions_get_short_replies() {
    let stand = StandIn::start().await;
    let _bot = start_bot(&stand, |_| {}).await;

    let mark = stand.mark();
    let sent = stand.slash(
        &Interact::new(7),
        "ask",
        question("@everyone <@&123> 人工智能 ```x```"),
    );
    let data = stand.callback(mark, &sent).await["data"].clone();
    let content = data["content"].as_str().unwrap();
    assert!(content.contains("@\u{200b}everyone"), "{content}");
    assert!(
        !content.contains("<@&123>") && !content.contains("```"),
        "{content}"
    );
    assert_eq!(data["allowed_mentions"]["parse"], json!([]));

    let mark = stand.mark();
    let asked = "长".repeat(501);
    let sent = stand.slash(&Interact::new(7), "ask", question(&asked));
    let data = stand.callback(mark, &sent).await["data"].clone();
    assert!(ephemeral(&data));
    assert!(
        data["content"].as_str().unwrap().contains("问题太长了"),
        "{data:#}"
    );
    assert!(data["content"].as_str().unwrap().chars().count() < 200);

    let mark = stand.mark();
    let sent = stand.slash(
        &Interact::new(7).locale("en-US"),
        "ask",
        question("？？！！"),
    );
    let data = stand.callback(mark, &sent).await["data"].clone();
    assert!(ephemeral(&data) && data["content"].as_str().unwrap().contains("empty"));

    let mark = stand.mark();
    let sent = stand.slash(&Interact::new(7), "ask", question("火星殖民计划"));
    let data = stand.callback(mark, &sent).await["data"].clone();
    assert!(
        ephemeral(&data) && data["content"].as_str().unwrap().contains("/topic"),
        "{data:#}"
    );

    // Oversized in chat: a short reply to the message.
    let mark = stand.mark();
    stand.message(UserMessage::to_bot(7, &"长".repeat(600)));
    let reply = stand
        .wait_request(mark, |r| r.path.ends_with("/messages"))
        .await;
    assert!(text(&reply.body).contains("问题太长了"));
    assert_clean(&stand);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_rate_limit_says_slow_down() {
    let stand = StandIn::start().await;
    let _bot = start_bot(&stand, |s| {
        s.discord.rate_limit.questions = 2;
        s.discord.rate_limit.seconds = 600;
    })
    .await;
    for i in 0..3 {
        let mark = stand.mark();
        let sent = stand.slash(&Interact::new(7), "ask", question("人工智能"));
        let data = stand.callback(mark, &sent).await["data"].clone();
        if i < 2 {
            assert!(!ephemeral(&data), "question {i} is answered");
        } else {
            assert!(
                ephemeral(&data) && text(&data).contains("问得太快了"),
                "{data:#}"
            );
        }
    }
    // Someone else is not held back.
    let mark = stand.mark();
    let sent = stand.slash(&Interact::new(8), "ask", question("人工智能"));
    assert!(!ephemeral(&stand.callback(mark, &sent).await["data"]));
    assert_clean(&stand);
}

/// The first message the bot got through to a channel after `mark` (status 200).
async fn sent_message(stand: &StandIn, mark: usize) -> Recorded {
    stand
        .wait_request(mark, |r| r.path.ends_with("/messages") && r.status == 200)
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_a_reconnect_and_api_failures_the_bot_still_answers() {
    let stand = StandIn::start().await;
    let _bot = start_bot(&stand, |_| {}).await;

    stand.reconnect();
    stand.wait_resumed(1).await;
    let mark = stand.mark();
    stand.message(UserMessage::to_bot(7, "人工智能"));
    sent_message(&stand, mark).await;

    for status in [500, 429, 503] {
        stand.fail_next("POST", &format!("/channels/{CHANNEL_ID}/messages"), status);
        let mark = stand.mark();
        stand.message(UserMessage::to_bot(7, "全球南方"));
        let failed = stand
            .wait_request(mark, |r| r.path.ends_with("/messages"))
            .await;
        assert_eq!(failed.status, status);
        // The reply is not dropped: it is sent again, the same, and goes through.
        let retried = sent_message(&stand, mark).await;
        assert_eq!(retried.body, failed.body);
        // The bot is alive: the next question is answered.
        let mark = stand.mark();
        stand.message(UserMessage::to_bot(8, "朝鲜半岛"));
        let ok = sent_message(&stand, mark).await;
        assert!(text(&ok.body).contains("朝鲜半岛"));
    }
    assert_clean(&stand);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_button_press_answered_with_a_5xx_or_429_is_sent_again() {
    let stand = StandIn::start().await;
    let _bot = start_bot(&stand, |_| {}).await;
    let mark = stand.mark();
    let sent = stand.slash(&Interact::new(7), "ask", question(AI_QUESTION));
    stand.callback(mark, &sent).await;
    let answer = stand.response_message(&sent);
    let first = stand.posted(answer);
    for status in [500, 429] {
        stand.fail_next("POST", "/interactions/", status);
        let mark = stand.mark();
        let press = stand.click(&Interact::new(8), answer, &button(&first, "记者提问"));
        let path = format!("/interactions/{}/{}/callback", press.id, press.token);
        let failed = stand.wait_request(mark, |r| r.path == path).await;
        assert_eq!(failed.status, status);
        let ok = stand
            .wait_request(mark, |r| r.path == path && r.status < 300)
            .await;
        assert_eq!(ok.body, failed.body, "the same response, sent again");
        assert!(text(&ok.body["data"]).contains("凤凰卫视记者"));
    }
    assert_clean(&stand);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_serves_and_never_logs_the_token() {
    let stand = StandIn::start().await;
    let child = super::BotProcess::start(&stand).await;
    let mark = stand.mark();
    stand.message(UserMessage::to_bot(7, AI_QUESTION));
    let reply = stand
        .wait_request(mark, |r| r.path.ends_with("/messages"))
        .await;
    assert!(text(&reply.body).replace("**", "").contains(AI_GOLD));
    let log = child.kill().await;
    assert!(log.contains("serving 1 documents, 9 exchanges"), "{log}");
    assert!(log.contains("connected as "), "{log}");
    assert!(log.contains(" servers, 1 transcripts"), "{log}");
    assert!(!log.contains("\x1b["), "no ANSI codes off a terminal");
    assert!(
        !log.contains("Recognized prefix"),
        "a mention is no unknown command"
    );
    assert!(
        !log.contains("SECRET"),
        "the token leaked into the log:\n{log}"
    );
    assert_clean(&stand);
}

/// `/ask` with `options` by user 7; the interaction and its callback's data.
async fn ask_with(stand: &StandIn, options: Value) -> (Sent, Value) {
    let mark = stand.mark();
    let sent = stand.slash(&Interact::new(7), "ask", options);
    let data = stand.callback(mark, &sent).await["data"].clone();
    (sent, data)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ask_options_filter_and_a_question_nothing_answers_offers_topics() {
    let stand = StandIn::start().await;
    let _bot = start_bot(&stand, |_| {}).await;

    // The speaker option completes from the library's speakers, by Chinese or pinyin.
    for typed in ["王", "wang", ""] {
        let mark = stand.mark();
        let sent = stand.autocomplete(
            &Interact::new(7),
            "ask",
            json!([
                {"name": "question", "type": 3, "value": "人工智能"},
                {"name": "speaker", "type": 3, "value": typed, "focused": true}
            ]),
        );
        let body = stand.callback(mark, &sent).await;
        let choices = body["data"]["choices"].as_array().unwrap();
        assert_eq!(choices.len(), 1, "{typed}: {choices:?}");
        assert_eq!(choices[0]["value"], "王毅");
    }

    // Applied constraints are said under the question.
    let (_, data) = ask_with(
        &stand,
        json!([
            {"name": "question", "type": 3, "value": AI_QUESTION},
            {"name": "speaker", "type": 3, "value": "王毅"},
            {"name": "from", "type": 3, "value": "2024"}
        ]),
    )
    .await;
    let t = text(&data);
    assert!(t.contains("仅限：≥ 2024\\-01\\-01 · 王毅"), "{t}");
    assert!(t.replace("**", "").contains(AI_GOLD), "{t}");

    // A quote that may not answer the question itself says so under it (another user: the
    // rate limit counts per user).
    let ask_as = |user: u64, q: &str| {
        let mark = stand.mark();
        let sent = stand.slash(&Interact::new(user), "ask", question(q));
        (mark, sent)
    };
    let (mark, sent) = ask_as(21, "南海行为准则现在谈到哪一步了？");
    let t = text(&stand.callback(mark, &sent).await["data"]);
    assert!(t.contains("南海") && t.contains("未必正面回答"), "{t}");
    let (mark, sent) = ask_as(22, AI_QUESTION);
    assert!(!text(&stand.callback(mark, &sent).await["data"]).contains("未必正面回答"));

    // A period the library does not cover: no quote, and why.
    let (_, data) = ask_with(
        &stand,
        json!([
            {"name": "question", "type": 3, "value": AI_QUESTION},
            {"name": "to", "type": 3, "value": "2019-12"}
        ]),
    )
    .await;
    let t = text(&data);
    assert!(t.contains("资料库里没有能回答"), "{t}");
    assert!(
        t.contains("收录范围 2024\\-03\\-07 … 2024\\-03\\-07"),
        "{t}"
    );
    assert!(!t.contains(AI_GOLD), "{t}");

    // A question about something the transcript never mentions: no quote, nearest topics as
    // buttons that open them.
    let (sent, data) = ask_with(&stand, question("人工智能会不会抢走普通人的工作？")).await;
    let t = text(&data);
    assert!(t.contains("资料库里没有能回答"), "{t}");
    assert!(!t.contains("人工智能大国之间的合作"), "{t}");
    let topics = buttons(&data);
    assert!(!topics.is_empty() && topics.len() <= 5, "{topics:?}");
    let message = stand.response_message(&sent);
    let mark = stand.mark();
    let press = stand.click(&Interact::new(7), message, &topics[0].1);
    let body = stand.callback(mark, &press).await;
    assert_eq!(
        body["type"], 7,
        "a topic button opens the exchange in place"
    );
    assert!(text(&body["data"]).contains('¶'), "{body}");

    // A date option that is no date is the user's to fix.
    let (_, data) = ask_with(
        &stand,
        json!([
            {"name": "question", "type": 3, "value": AI_QUESTION},
            {"name": "from", "type": 3, "value": "last spring"}
        ]),
    )
    .await;
    assert!(ephemeral(&data), "{data}");
    assert!(text(&data).contains("不是日期"), "{data}");
    assert_clean(&stand);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failed_command_registration_is_retried_and_the_bot_answers_meanwhile() {
    let stand = StandIn::start().await;
    stand.fail_next("PUT", "/applications/", 500);
    stand.fail_next("PUT", "/applications/", 429);
    let settings = super::settings(&stand);
    let engine = std::sync::Arc::new(pressroom::Engine::load(&settings).unwrap());
    let bot = tokio::spawn(async move {
        let _ = pressroom::discord::run(settings, engine).await;
    });
    stand.wait_identified(1).await;
    let mark = stand.mark();
    stand.message(UserMessage::to_bot(7, "人工智能"));
    let reply = stand
        .wait_request(mark, |r| {
            r.path == format!("/channels/{CHANNEL_ID}/messages") && r.status == 200
        })
        .await;
    assert!(text(&reply.body).contains("人工智能"));
    // The registration went through in the end, after the two failures.
    stand.wait_ready(1).await;
    let puts: Vec<u16> = stand
        .requests()
        .iter()
        .filter(|r| r.method == "PUT" && r.path.starts_with("/applications/"))
        .map(|r| r.status)
        .collect();
    assert_eq!(puts, [500, 429, 200]);
    bot.abort();
    assert_clean(&stand);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_gateway_that_accepts_and_then_says_nothing_is_left_for_a_new_connection() {
    let stand = StandIn::start().await;
    // First a connection whose upgrade is never answered, then one that is upgraded and then
    // silent (no HELLO): serenity waits for either forever.
    stand.hang_gateway(1);
    stand.silence_gateway(1);
    let _bot = start_bot(&stand, |s| s.discord.gateway_timeout_seconds = 1).await;
    assert_eq!(
        stand.connection_count(),
        3,
        "hung, silent, then one that answers"
    );
    let mark = stand.mark();
    stand.message(UserMessage::to_bot(7, "人工智能"));
    let reply = sent_message(&stand, mark).await;
    assert!(text(&reply.body).contains("人工智能"));
    assert_clean(&stand);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sighup_serves_a_new_transcript_without_a_restart_and_keeps_serving_on_a_bad_one() {
    let stand = StandIn::start().await;
    let data = tempfile::tempdir().unwrap();
    let transcripts = data.path().join("transcripts");
    std::fs::create_dir(&transcripts).unwrap();
    let seed = pressroom::config::Settings::for_tests()
        .data
        .dir
        .join("transcripts");
    for f in std::fs::read_dir(&seed).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, transcripts.join(f.file_name().unwrap())).unwrap();
    }
    let child = super::BotProcess::start_with(
        &stand,
        &[("PRESSROOM__DATA__DIR", data.path().to_str().unwrap())],
    )
    .await;
    std::fs::write(
        transcripts.join("2024-05-01-mine.txt"),
        "外交部发言人记者会\n问：火星探测合作进展如何？\n答：火星探测合作进展顺利，各方积极参与。\n",
    )
    .unwrap();
    child.hup_and_wait("reloaded: 2 documents").await;
    let ask = |user: u64| {
        let mark = stand.mark();
        stand.message(UserMessage::to_bot(user, "火星探测合作进展如何？"));
        mark
    };
    let mark = ask(7);
    let reply = stand
        .wait_request(mark, |r| r.path.ends_with("/messages"))
        .await;
    assert!(
        text(&reply.body)
            .replace("**", "")
            .contains("火星探测合作进展顺利"),
        "{}",
        text(&reply.body)
    );
    // A file that cannot be read: the old engine serves on, and the log says why.
    std::fs::write(transcripts.join("broken.txt"), b"\xff\xfe\x00bad").unwrap();
    let log = child.hup_and_wait("reload refused").await;
    assert!(log.contains("broken.txt"), "{log}");
    let mark = ask(8);
    let reply = stand
        .wait_request(mark, |r| r.path.ends_with("/messages"))
        .await;
    assert!(
        text(&reply.body)
            .replace("**", "")
            .contains("火星探测合作进展顺利")
    );
    child.kill().await;
    assert_clean(&stand);
}
