//! Answers over a small library of real releases: constraints in the question become filters,
//! repeated statements are one answer, and a question the library cannot answer gets no quote.

use std::sync::LazyLock;

use pressroom::Engine;
use pressroom::config::Settings;
use pressroom::engine::AskOptions;
use pressroom::search::Constraints;

use super::fixture;

static LIBRARY: LazyLock<Engine> = LazyLock::new(|| engine_over("library"));

/// An engine over the transcripts of fixture folder `name`.
fn engine_over(name: &str) -> Engine {
    let mut settings = Settings::for_tests();
    settings.data.dir = fixture(name);
    Engine::load(&settings).expect("the fixture's releases load")
}

/// Checks that `a` quotes nothing for `why`, and that the console says `says` (its lines
/// joined).
fn assert_abstains(a: &pressroom::reply::Answer, why: pressroom::reply::Abstention, says: &str) {
    assert!(a.hits.is_empty(), "{:?}", a.hits.first().map(|h| &h.text));
    assert_eq!(a.abstained, Some(why));
    let said = pressroom::reply::render::console(a, pressroom::reply::render::Highlight::Plain);
    let said = said.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(said.contains(says), "{said}");
}

#[test]
fn a_speaker_named_in_the_question_filters_the_answers() {
    let a = LIBRARY.ask("耿爽对地震中外国公民伤亡说了什么", 3);
    assert!(!a.hits.is_empty());
    assert!(a.hits.iter().all(|h| h.speaker == "耿爽"), "{:?}", a.hits);
    assert_eq!(a.filters.as_deref(), Some("耿爽"));
    assert!(a.hits[0].text.contains("九寨沟"));
}

#[test]
fn keywords_with_a_speaker_are_searched_like_a_question() {
    // A name and a topic, as typed into a search box: the name filters, the topic is searched.
    let a = LIBRARY.ask("耿爽 地震", 3);
    assert!(a.abstained.is_none(), "{a:?}");
    assert!(a.hits[0].text.contains("九寨沟"), "{:?}", a.hits[0]);
    assert!(a.hits.iter().all(|h| h.speaker == "耿爽"));
}

#[test]
fn a_year_typed_as_a_keyword_filters_the_answers() {
    // As into a search box: the topic and the year, no 年.
    let a = LIBRARY.ask("美国军舰 西沙群岛 2018", 3);
    assert_eq!(a.filters.as_deref(), Some("2018"));
    assert!(!a.hits.is_empty(), "{a:?}");
    assert!(a.hits.iter().all(|h| {
        h.document
            .date
            .as_deref()
            .is_some_and(|d| d.starts_with("2018"))
    }));
}

#[test]
fn a_year_named_in_the_question_filters_the_answers() {
    let a = LIBRARY.ask("2018年美国军舰进入西沙群岛领海，中方怎么说", 5);
    assert!(!a.hits.is_empty());
    for h in &a.hits {
        assert!(
            h.document
                .date
                .as_deref()
                .is_some_and(|d| d.starts_with("2018")),
            "{h:?}"
        );
    }
    assert_eq!(a.filters.as_deref(), Some("2018"));
    assert!(!a.relaxed);
}

/// Top 3, only passages by `speaker`.
fn only_speaker(speaker: &str) -> AskOptions {
    AskOptions {
        top: 3,
        constraints: Constraints {
            speakers: vec![speaker.into()],
            ..Constraints::default()
        },
        prefer: None,
    }
}

#[test]
fn explicit_constraints_apply_and_say_so() {
    let options = only_speaker("华春莹");
    let a = LIBRARY.ask_with("中美对话推迟", &options);
    assert!(!a.hits.is_empty());
    assert!(a.hits.iter().all(|h| h.speaker == "华春莹"));
    assert_eq!(a.filters.as_deref(), Some("华春莹"));
}

#[test]
fn a_filter_that_leaves_nothing_is_relaxed_and_said() {
    let options = only_speaker("华春莹");
    let a = LIBRARY.ask_with("九寨沟地震外国公民伤亡", &options);
    assert!(a.relaxed, "{a:?}");
    assert!(a.hits[0].text.contains("九寨沟"));
}

#[test]
fn a_name_that_leaves_nothing_with_the_period_is_set_aside_before_the_period() {
    let a = LIBRARY.ask("2017年 华春莹 九寨沟地震 外国公民伤亡", 3);
    assert!(!a.relaxed, "{a:?}");
    assert_eq!(a.filters.as_deref(), Some("2017"));
    assert_eq!(a.ignored.as_deref(), Some("华春莹"));
    assert!(a.hits[0].text.contains("九寨沟"));
    let said = pressroom::reply::render::console(&a, pressroom::reply::render::Highlight::Plain);
    assert!(said.contains("nothing matched 华春莹 as well"), "{said}");
}

#[test]
fn a_speaker_asked_for_their_words_is_never_answered_with_another_speakers() {
    // The library has 九寨沟 in 2017, but not from 华春莹: quoting someone else would put
    // words in her mouth.
    let a = LIBRARY.ask("2017年华春莹对九寨沟地震外国公民伤亡说了什么", 3);
    assert_abstains(
        &a,
        pressroom::reply::Abstention::SpeakerNotQuoted {
            speakers: "华春莹".into(),
        },
        "never quotes 华春莹 on this",
    );
}

#[test]
fn a_speaker_set_aside_is_never_quoted() {
    let a = LIBRARY.ask("除了华春莹，还有谁谈过九寨沟地震外国公民伤亡", 3);
    assert_eq!(a.filters.as_deref(), Some("除华春莹"));
    assert!(a.hits[0].text.contains("九寨沟"), "{a:?}");
    assert!(a.hits.iter().all(|h| h.speaker != "华春莹"), "{a:?}");
    // Only 耿爽 spoke of it: with him set aside nothing is left, and nothing of his is quoted
    // in its stead.
    let a = LIBRARY.ask("耿爽以外的发言人怎么说九寨沟地震外国公民伤亡", 3);
    assert!(a.hits.iter().all(|h| h.speaker != "耿爽"), "{a:?}");
    assert!(a.hits.iter().all(|h| !h.text.contains("九寨沟")), "{a:?}");
}

#[test]
fn greetings_and_thanks_change_nothing_and_a_question_about_nothing_finds_nothing() {
    let bare = LIBRARY.ask("九寨沟地震外国公民伤亡", 1);
    let polite = LIBRARY.ask("您好，我想知道九寨沟地震外国公民伤亡。谢谢", 1);
    assert!(bare.hits[0].text.contains("九寨沟"), "{bare:?}");
    assert_eq!(polite.hits[0].citation, bare.hits[0].citation);
    let latin = LIBRARY.ask("hi，九寨沟地震外国公民伤亡? Thanks!", 1);
    assert_eq!(latin.hits[0].citation, bare.hits[0].citation);
    // A chat message's mentions, links and labels are no words of the question.
    let chat = LIBRARY.ask(
        "<@123456789> Q: 九寨沟地震外国公民伤亡 https://example.com/a",
        1,
    );
    assert_eq!(chat.hits[0].citation, bare.hits[0].citation);
    // Function words and a verb of saying, with no period or speaker to browse by.
    for q in ["外交部对这事儿怎么个说法", "他们怎么说"] {
        let a = LIBRARY.ask(q, 3);
        assert!(a.hits.is_empty(), "{q}: {a:?}");
    }
}

#[test]
fn a_question_that_only_selects_gets_the_selections_exchanges_latest_first() {
    // A speaker and nothing to search: what they said, latest first.
    let a = LIBRARY.ask("耿爽最近说了什么", 5);
    assert!(a.browsing, "{a:?}");
    assert_eq!(a.filters.as_deref(), Some("耿爽"));
    let dates: Vec<&str> = a
        .hits
        .iter()
        .filter_map(|h| h.document.date.as_deref())
        .collect();
    assert_eq!(dates, ["2017-08-14", "2016-09-29"], "{a:?}");
    assert!(a.hits.iter().all(|h| h.speaker == "耿爽"));
    // A day alone, or with words for "what was said", is that day's briefing.
    for q in ["2018年10月8日", "2018年10月8日的记者会讲了哪些事"] {
        let a = LIBRARY.ask(q, 3);
        assert!(a.browsing && !a.hits.is_empty(), "{q}: {a:?}");
        assert!(
            a.hits
                .iter()
                .all(|h| h.document.date.as_deref() == Some("2018-10-08")),
            "{q}: {a:?}"
        );
    }
    // A name and a year typed as keywords.
    let a = LIBRARY.ask("陆慷 2018", 3);
    assert!(a.browsing, "{a:?}");
    assert_eq!(a.hits[0].document.date.as_deref(), Some("2018-05-29"));
    assert!(a.hits.iter().all(|h| h.speaker == "陆慷"));
    // With a subject the question is searched, not browsed.
    let a = LIBRARY.ask("耿爽 地震", 3);
    assert!(!a.browsing && a.hits[0].text.contains("九寨沟"), "{a:?}");
    // A selection with nothing in it says so.
    let a = LIBRARY.ask("华春莹 2017", 3);
    assert!(a.hits.is_empty() && a.abstained.is_some(), "{a:?}");
}

#[test]
fn a_day_named_without_its_year_and_nothing_else_is_that_days_briefings() {
    for q in ["10月8日的记者会讲了哪些事", "10月8号"] {
        let a = LIBRARY.ask(q, 3);
        assert!(a.browsing && !a.hits.is_empty(), "{q}: {a:?}");
        assert_eq!(a.filters.as_deref(), Some("10月8日 (2018)"), "{q}");
        assert!(
            a.hits
                .iter()
                .all(|h| h.document.date.as_deref() == Some("2018-10-08")),
            "{q}: {a:?}"
        );
    }
    // Beside a subject the day may be the event's: the question is searched, unfiltered.
    let a = LIBRARY.ask("8月14日地震外国公民伤亡", 1);
    assert!(!a.browsing && a.filters.is_none(), "{a:?}");
    assert!(a.hits[0].text.contains("九寨沟"), "{a:?}");
    // A day with no briefing in any year selects nothing, and the answer says so.
    let a = LIBRARY.ask("3月8日记者会上说了什么", 3);
    assert!(a.hits.is_empty(), "{a:?}");
    assert_eq!(
        a.abstained,
        Some(pressroom::reply::Abstention::DayNotHeld {
            day: "3月8日".into()
        })
    );
}

/// MH370 in 2014, MH17 in 2015 (the Dutch report on the 2014 downing).
static TWO_YEARS: LazyLock<Engine> = LazyLock::new(|| engine_over("years"));

#[test]
fn a_year_in_which_nothing_answers_is_let_go_for_a_sure_answer_from_another() {
    // The year of the event, not of the words: 2014 holds only MH370, so the year is let go
    // for what was said of MH17 in 2015, and the answer says so.
    let a = TWO_YEARS.ask("2014年马航MH17被击落中方表态", 3);
    assert!(a.hits[0].text.contains("MH17"), "{a:?}");
    assert_eq!(a.hits[0].document.date.as_deref(), Some("2015-10-14"));
    assert!(a.relaxed && a.filters.as_deref() == Some("2014"), "{a:?}");
    // A month dates the words asked about: it is kept.
    let a = TWO_YEARS.ask("2014年4月马航MH17被击落中方表态", 3);
    assert!(!a.hits.iter().any(|h| h.text.contains("MH17")), "{a:?}");
    // A year that holds the answer keeps its filter.
    let a = TWO_YEARS.ask("2015年马航MH17被击落中方表态", 3);
    assert!(!a.relaxed && a.filters.as_deref() == Some("2015"), "{a:?}");
    assert!(a.hits[0].text.contains("MH17"), "{a:?}");
}

#[test]
fn the_first_or_last_briefing_asked_is_that_one_briefing() {
    // 耿爽 answers on 2016-09-29 and 2017-08-14 here: his first is the earlier, browsed in
    // its order.
    let a = LIBRARY.ask("耿爽第一次主持记者会说了什么", 3);
    assert!(a.browsing && a.browses_one_briefing(), "{a:?}");
    assert_eq!(a.hits[0].document.date.as_deref(), Some("2016-09-29"));
    assert_eq!(a.filters.as_deref(), Some("2016-09-29, 第一场 · 耿爽"));
    let a = LIBRARY.ask("耿爽最后一场记者会", 3);
    assert_eq!(
        a.hits[0].document.date.as_deref(),
        Some("2017-08-14"),
        "{a:?}"
    );
    // Within a year, and with a subject: the subject is searched in that briefing alone.
    let a = LIBRARY.ask(
        "2017年第一场记者会上，中方对军舰进入西沙群岛领海怎么说？",
        3,
    );
    assert!(!a.browsing && !a.hits.is_empty(), "{a:?}");
    assert!(
        a.hits
            .iter()
            .all(|h| h.document.date.as_deref() == Some("2017-07-03")),
        "{a:?}"
    );
    assert_eq!(a.filters.as_deref(), Some("2017-07-03, 2017 第一场"));
    // A year the library does not hold has no first briefing: the period is not covered.
    let a = LIBRARY.ask("2012年第一次记者会说了什么", 3);
    assert!(a.hits.is_empty() && a.abstained.is_some(), "{a:?}");
    // A host named who never answers here has no first briefing in it either: not the
    // library's first, labelled as his.
    let a = LIBRARY.ask("汪文斌第一次主持记者会是什么时候", 3);
    assert!(a.hits.is_empty() && a.filters.is_none(), "{a:?}");
    assert_eq!(
        a.abstained,
        Some(pressroom::reply::Abstention::SpeakerNotQuoted {
            speakers: "汪文斌".into()
        })
    );
}

#[test]
fn an_english_question_the_library_cannot_carry_says_the_library_is_chinese() {
    use pressroom::reply::Abstention;
    let a = LIBRARY.ask("Why did China stop buying canola from Canada?", 3);
    assert!(a.hits.is_empty(), "{a:?}");
    assert_eq!(a.abstained, Some(Abstention::NotInChinese));
    // Topics near its few Chinese names would be near by chance.
    assert!(a.suggestions.is_empty(), "{a:?}");
    // The same question in Chinese, which the library cannot answer either, is told apart.
    let a = LIBRARY.ask("中国为什么停止从加拿大进口油菜籽？", 3);
    assert_ne!(a.abstained, Some(Abstention::NotInChinese), "{a:?}");
}

#[test]
fn a_name_written_in_pinyin_is_read_as_the_librarys_word() {
    // Xisha Qundao: the library's 西沙群岛, spelled in two capitalised words.
    let a = LIBRARY.ask(
        "What did China say when US warships entered the territorial sea of the Xisha Qundao?",
        3,
    );
    let read = a
        .read_as
        .as_deref()
        .expect("an English question has a reading");
    assert!(read.contains("西沙群岛"), "{read}");
    assert!(!read.contains("Xisha"), "{read}");
}

#[test]
fn a_period_outside_the_library_gets_no_quote() {
    let a = LIBRARY.ask("2022年美国军舰进入西沙群岛，中方怎么说", 3);
    assert!(a.hits.is_empty(), "{a:?}");
    assert_eq!(
        a.abstained,
        Some(pressroom::reply::Abstention::PeriodNotCovered {
            first: Some("2016-09-29".into()),
            last: Some("2018-10-08".into()),
            nearest: None,
        })
    );
}

#[test]
fn a_day_without_a_briefing_reaches_for_the_ones_around_it_and_a_month_does_not() {
    // No release between 2018-05-22 and the lag of three days after it; 2018-05-29 is a week on.
    let a = LIBRARY.ask("2018年5月22日美国军舰进入西沙群岛领海，中方怎么说", 3);
    assert_eq!(a.filters.as_deref(), Some("2018-05-22 前后"), "{a:?}");
    assert_eq!(a.hits[0].document.date.as_deref(), Some("2018-05-29"));
    // A month with no release is a gap of the library: refused, not stretched to its neighbours.
    let a = LIBRARY.ask("2018年7月美国军舰进入西沙群岛领海，中方怎么说", 3);
    assert!(a.hits.is_empty(), "{a:?}");
    assert_eq!(
        a.abstained,
        Some(pressroom::reply::Abstention::PeriodNotCovered {
            first: Some("2016-09-29".into()),
            last: Some("2018-10-08".into()),
            nearest: Some(("2018-05-29".into(), "2018-10-08".into())),
        })
    );
}

#[test]
fn an_acronym_in_a_dated_question_keeps_its_other_names() {
    // The question is read without its period; ASEAN must stay in capitals to be an acronym.
    let plan = LIBRARY.plan("2017年7月ASEAN国家怎么看南海局势");
    assert!(
        plan.concepts
            .iter()
            .any(|c| c.forms.iter().any(|f| f == "东盟")),
        "{:?}",
        plan.concepts
    );
}

#[test]
fn a_repeated_statement_is_one_answer_with_its_other_dates() {
    let a = LIBRARY.ask("西沙群岛是中国固有领土，领海基线是哪年公布的", 3);
    let first = &a.hits[0];
    assert!(
        first.text.starts_with("西沙群岛是中国固有领土"),
        "{first:?}"
    );
    assert_eq!(first.also.len(), 1, "{:?}", first.also);
    let other = first.also[0].date.as_deref().expect("dated");
    assert_ne!(Some(other), first.document.date.as_deref());
    // Top-k is filled with distinct statements.
    for h in &a.hits[1..] {
        assert!(!h.text.starts_with("西沙群岛是中国固有领土"), "{h:?}");
    }
}

/// Two real releases on one event: 2017-06-06 says the 31 Chinese citizens held in Zambia are
/// being worked for, 2017-06-07 that they have flown home.
static EVENT_ON_TWO_DAYS: LazyLock<Engine> = LazyLock::new(|| engine_over("events"));

#[test]
fn a_question_about_how_it_turned_out_takes_the_later_of_two_near_answers() {
    // The first day's statement scores a little higher; asked how it ended, the later leads.
    let a = EVENT_ON_TWO_DAYS.ask("在赞比亚被抓的31个中国人，最后怎么样了？", 3);
    let first = &a.hits[0];
    assert_eq!(
        first.document.date.as_deref(),
        Some("2017-06-07"),
        "{first:?}"
    );
    assert!(first.text.contains("31名中国公民"), "{first:?}");
    let earlier = a
        .hits
        .iter()
        .find(|h| h.document.date.as_deref() == Some("2017-06-06"))
        .expect("the earlier statement is still offered");
    assert!(earlier.score > first.score, "{earlier:?}");
    // Not asked how it ended: the order is the scores'.
    let a = EVENT_ON_TWO_DAYS.ask("在赞比亚被抓的31个中国人，中国政府做了什么？", 3);
    assert!(a.hits.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn a_count_the_best_passage_has_nothing_of_gets_no_quote() {
    // Both releases speak of the 31 and of the embassy's work; neither counts aircraft. The
    // passage on the subject would otherwise be quoted for how many planes were sent.
    let a = EVENT_ON_TWO_DAYS.ask(
        "在赞比亚被抓的31名中国公民被关押期间，中国驻赞比亚使馆派了几架飞机？",
        3,
    );
    assert_abstains(
        &a,
        pressroom::reply::Abstention::DetailNotGiven {
            detail: pressroom::reply::Detail::Number,
        },
        "speaks of this but never gives the number asked",
    );
    let why = a.abstained.as_ref().expect("a reason");
    assert_eq!(
        why.reason(pressroom::locale::Lang::Zh),
        "资料库谈到此事，但没有给出所问的数字"
    );
    // A count the releases give is answered.
    let a = EVENT_ON_TWO_DAYS.ask("在赞比亚被抓的中国公民一共有多少名？", 3);
    assert!(a.hits[0].text.contains("31名"), "{:?}", a.hits.first());
}

/// One real release that says where 南麂岛 lies (an island jieba does not know: 南 / 麂 / 岛).
static SPLIT_NAME: LazyLock<Engine> = LazyLock::new(|| engine_over("names"));

#[test]
fn a_name_the_segmentation_splits_is_asked_about_whole() {
    let q = "有报道说中国在南麂岛修军事基地，这个岛到底在什么地方？";
    let plan = SPLIT_NAME.plan(q);
    let island = plan
        .concepts
        .iter()
        .find(|c| c.forms[0] == "南麂岛")
        .unwrap_or_else(|| panic!("one word: {:?}", plan.concepts));
    assert!(island.entity && island.passages == Some(1), "{island:?}");
    assert!(
        !plan.concepts.iter().any(|c| c.forms[0] == "南"),
        "{:?}",
        plan.concepts
    );
    let a = SPLIT_NAME.ask(q, 3);
    assert!(
        a.hits[0].text.contains("南麂岛位于"),
        "{:?}",
        a.hits.first()
    );
}

/// One real release whose first answer has two parts (关于第一个问题… 关于第二个问题…).
static ANSWER_IN_PARTS: LazyLock<Engine> = LazyLock::new(|| engine_over("parts"));

#[test]
fn a_part_of_an_answer_is_quoted_with_its_own_part_around_it() {
    let a = ANSWER_IN_PARTS.ask("现在在俄罗斯的中国人大概有多少？", 3);
    let first = &a.hits[0];
    assert!(first.text.contains("约有十万人"), "{first:?}");
    // The first part (rewards for reports of border crossings) is another answer: it is not
    // shown as what leads up to this one.
    assert_eq!(first.context.before, None, "{first:?}");
    let a = ANSWER_IN_PARTS.ask("黑龙江悬赏举报中俄边界非法越境，外交部怎么说？", 3);
    let first = &a.hits[0];
    assert!(first.text.starts_with("关于第一个问题"), "{first:?}");
    assert_eq!(first.context.after, None, "{first:?}");
}

#[test]
fn words_a_reporter_asked_with_are_words_the_library_holds() {
    // 黑龙江, 举报, 越境, 奖励 and 线索 stand in the reporter's question, not in the answer: the
    // library speaks of them, so they are not words it never uses (悬赏 is).
    let q = "黑龙江悬赏举报非法越境，奖励线索是怎么回事？";
    let e = ANSWER_IN_PARTS.explain(q, &AskOptions::default());
    let unheard = e.evidence.expect("evidence").unheard;
    assert!(unheard > 0.0 && unheard < 0.5, "{unheard}");
}

#[test]
fn a_question_about_something_the_library_never_mentions_gets_no_quote() {
    assert_no_quote(&[
        "特朗普要封禁TikTok，中方怎么回应？",
        "中方如何看待日本核污染水排海？",
    ]);
    // … while the library's own subject is answered.
    assert!(!LIBRARY.ask("佩雷斯逝世，中方怎么评价他", 3).hits.is_empty());
}

#[test]
fn a_detail_the_library_never_gives_gets_no_quote() {
    // The library mourns 佩雷斯 but never says who went to his funeral or how old he was: a
    // passage on him with no one sent and no age is no answer.
    assert_no_quote(&[
        "佩雷斯去世后，中国派谁去参加了他的葬礼？",
        "佩雷斯去世时多大年纪？",
    ]);
}

fn assert_no_quote(questions: &[&str]) {
    for q in questions {
        let a = LIBRARY.ask(q, 3);
        assert!(
            a.hits.is_empty(),
            "{q}: {:?}",
            a.hits.first().map(|h| &h.text)
        );
    }
}

#[test]
fn the_library_knows_its_speakers_and_period() {
    let mut speakers = LIBRARY.speakers().to_vec();
    speakers.sort();
    assert_eq!(speakers, ["华春莹", "耿爽", "陆慷"]);
    assert_eq!(
        LIBRARY.period(),
        Some(("2016-09-29".to_string(), "2018-10-08".to_string()))
    );
}

#[test]
fn eval_scores_no_quote_questions_and_kinds() {
    let case = |id: &str, kind: &str, q: &str, gold: &[&str]| pressroom::eval::EvalCase {
        id: id.into(),
        kind: Some(kind.into()),
        q: q.into(),
        gold: gold.iter().map(|g| g.to_string()).collect(),
    };
    let cases = [
        case(
            "a",
            "plain",
            "九寨沟地震有外国公民受伤吗",
            &["几名外国公民在九寨沟地震中受轻伤"],
        ),
        case("b", "offtopic", "特朗普要封禁TikTok，中方怎么回应？", &[]),
        case("c", "offtopic", "佩雷斯逝世，中方怎么评价他", &[]),
    ];
    let report = pressroom::eval::run(&LIBRARY, &cases);
    assert_eq!(report.cases, 3);
    // a: right first; b: rightly no quote; c: a quote where none was wanted.
    assert!((report.hit_at_1 - 2.0 / 3.0).abs() < 1e-9, "{report:?}");
    assert_eq!(report.abstained, 0);
    let kinds: Vec<(&str, usize, f64)> = report
        .kinds
        .iter()
        .map(|(k, s)| (k.as_str(), s.cases, s.hit_at_1))
        .collect();
    assert_eq!(kinds, [("plain", 1, 1.0), ("offtopic", 2, 0.5)]);
    assert_eq!(report.misses.len(), 1);
    assert_eq!(report.misses[0].id, "c");
}

#[test]
fn a_title_the_library_never_names_is_no_subject_of_it() {
    // Every other word of the question stands in the library's 西沙群岛 answers.
    let a = LIBRARY.ask("美国军舰进入西沙群岛领海，违反了《外国军舰通行条例》吗", 3);
    assert_abstains(
        &a,
        pressroom::reply::Abstention::TitleNotNamed {
            title: "外国军舰通行条例".into(),
        },
        "never names 《外国军舰通行条例》",
    );
    // The law it does name is answered, in traditional characters too.
    for q in [
        "美国军舰进入西沙群岛领海，违反了《中华人民共和国领海及毗连区法》吗",
        "美國軍艦進入西沙群島領海，違反了《中華人民共和國領海及毗連區法》嗎",
    ] {
        let a = LIBRARY.ask(q, 3);
        assert_eq!(a.abstained, None, "{a:?}");
        assert!(a.hits[0].text.contains("领海及毗连区法"), "{a:?}");
    }
    // A law named without marks after what was done to it is a title all the same.
    let a = LIBRARY.ask(
        "美国国会通过西沙群岛航行法以后，中方对美国军舰进入领海怎么说",
        3,
    );
    assert_abstains(
        &a,
        pressroom::reply::Abstention::TitleNotNamed {
            title: "西沙群岛航行法".into(),
        },
        "never names 《西沙群岛航行法》",
    );
}

#[test]
fn a_term_quoted_that_the_library_never_says_is_no_subject_of_it() {
    // 西沙群岛 and 军舰 stand in the library's answers; “航母巡航” does not.
    for q in [
        "美国军舰在西沙群岛搞“航母巡航”，中方怎么说",
        "美國軍艦在西沙群島搞「航母巡航」，中方怎麼說",
        "美国军舰在西沙群岛搞\"航母巡航\"，中方怎么说",
    ] {
        let a = LIBRARY.ask(q, 3);
        assert_abstains(
            &a,
            pressroom::reply::Abstention::TermNotNamed {
                term: "航母巡航".into(),
            },
            "never says “航母巡航”",
        );
    }
    // A term it says is answered; a long quote is the asker's paraphrase, not a term.
    for q in [
        "美国军舰进入“西沙群岛”领海，中方怎么说",
        "美国军舰进入西沙群岛领海，中方说这是“严重的政治和军事挑衅”吗",
    ] {
        let a = LIBRARY.ask(q, 3);
        assert_eq!(a.abstained, None, "{q}: {a:?}");
    }
}

#[test]
fn a_person_the_library_never_names_said_nothing_in_it() {
    // 汪文斌 spoke for the ministry after this library ends; 佩雷斯 and 中以关系 stand in it.
    for q in [
        "汪文斌怎么评价佩雷斯对中以关系的贡献？",
        "汪文斌是如何回应佩雷斯逝世的",
    ] {
        let a = LIBRARY.ask(q, 3);
        assert_abstains(
            &a,
            pressroom::reply::Abstention::SpeakerNotNamed {
                name: "汪文斌".into(),
            },
            "never names 汪文斌",
        );
    }
    // A speaker of the library asked for their words about what the other said: the other is
    // the subject. And a speaker it has is answered.
    for q in [
        "汪文斌说佩雷斯贡献很大，耿爽怎么评价佩雷斯？",
        "耿爽怎么评价佩雷斯对中以关系的贡献？",
    ] {
        let a = LIBRARY.ask(q, 3);
        assert!(
            !matches!(
                a.abstained,
                Some(pressroom::reply::Abstention::SpeakerNotNamed { .. })
            ),
            "{q}: {a:?}"
        );
    }
    assert!(
        !LIBRARY
            .ask("耿爽怎么评价佩雷斯对中以关系的贡献？", 3)
            .hits
            .is_empty()
    );
}

#[test]
fn a_meeting_named_by_its_parties_is_the_librarys_only_as_it_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let transcripts = dir.path().join("transcripts");
    std::fs::create_dir_all(&transcripts).unwrap();
    std::fs::write(
        transcripts.join("2018-12-20-year.txt"),
        "外交部发言人答记者问\n\
         问：中国-中东欧国家地方合作年即将闭幕，中方有何总结？\n\
         答：这一年成果丰硕，中国和中东欧国家的地方交流更加密切。\n\
         问：阿拉伯国家联盟秘书长访华有何成果？\n\
         答：中方同阿拉伯国家的峰会外交和合作论坛机制运转良好，双方合作不断深化。\n",
    )
    .unwrap();
    let mut settings = Settings::for_tests();
    settings.data.dir = dir.path().to_path_buf();
    settings.index.dir = dir.path().join("index");
    let engine = Engine::load(&settings).expect("the library loads");
    // Named with another dash than the library's (in the reporter's question only, which the
    // index holds no phrase of): the same meeting.
    for q in [
        "中国—中东欧国家地方合作年有什么成果",
        "中国－中东欧国家地方合作年有什么成果",
    ] {
        let a = engine.ask(q, 3);
        assert_eq!(a.abstained, None, "{q}: {a:?}");
        assert!(a.hits[0].text.contains("成果丰硕"), "{a:?}");
    }
    // Its parties, its kind of meeting and its words all stand in the library; it does not.
    let a = engine.ask("首届中国—阿拉伯国家峰会取得了哪些成果", 3);
    assert_eq!(
        a.abstained,
        Some(pressroom::reply::Abstention::TermNotNamed {
            term: "中国—阿拉伯国家峰会".into()
        }),
        "{a:?}"
    );
}

#[test]
fn a_title_the_library_names_otherwise_is_its_subject() {
    // The library calls the Taiwan Travel Act “与台湾交往法案”; questions call it 台湾旅行法.
    let dir = tempfile::tempdir().unwrap();
    let transcripts = dir.path().join("transcripts");
    std::fs::create_dir_all(&transcripts).unwrap();
    std::fs::write(
        transcripts.join("2018-03-19-act.txt"),
        "外交部发言人答记者问\n\
         问：美国总统特朗普签署了“与台湾交往法案”。中方有何评论？\n\
         答：我们对美方签署“与台湾交往法案”表示坚决反对，并已向美方提出严正交涉。\n\
         问：中方如何看待西沙群岛的航行？\n\
         答：西沙群岛是中国固有领土。\n",
    )
    .unwrap();
    let mut settings = Settings::for_tests();
    settings.data.dir = dir.path().to_path_buf();
    settings.index.dir = dir.path().join("index");
    let engine = Engine::load(&settings).expect("the library loads");
    let a = engine.ask("美国签署台湾旅行法以后中方怎么回应", 3);
    assert_eq!(a.abstained, None, "{a:?}");
    assert!(a.hits[0].text.contains("与台湾交往法案"), "{a:?}");
    // A bill described, not named (涉台法案, 该法案), is no title the library must hold.
    let a = engine.ask("美国签署涉台法案以后中方怎么回应", 3);
    assert_eq!(a.abstained, None, "{a:?}");
    assert!(a.hits[0].text.contains("与台湾交往法案"), "{a:?}");
}

static FOLLOW_UPS: LazyLock<Engine> = LazyLock::new(|| engine_over("follow-ups"));

#[test]
fn a_follow_up_asks_about_what_the_question_before_it_asked() {
    // 追问：蔡英文称这个决定是个“战略性错误”: the decision (暂停大陆居民赴台个人游) is named only in
    // the question before; its answer is read with that question too.
    let q = "暂停大陆居民赴台个人游，蔡英文说是错误，中方怎么回应？";
    let e = FOLLOW_UPS.explain(q, &AskOptions::default());
    let follow_up = e
        .candidates
        .iter()
        .find(|c| c.text.starts_with("历史将会证明"))
        .expect("the follow-up's answer is a candidate");
    let concept = |form: &str| {
        e.concepts
            .iter()
            .position(|c| c.form == form)
            .unwrap_or_else(|| panic!("{form} in {:?}", e.concepts))
    };
    for form in ["暂停", "居民", "个人"] {
        // [own, with its question and the paragraphs before, anywhere in its exchange, in its
        // question]
        let credit = follow_up.credits[concept(form)];
        assert_eq!(credit[0], 0.0, "{form}: not in the answer itself");
        assert!(credit[1] >= 0.8, "{form}: {credit:?}");
    }
}
