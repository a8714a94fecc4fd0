//! Attribution on real excerpts of the ministry's transcripts (tests/fixtures/transcripts/, one
//! file per format): who speaks each named paragraph, which question it answers, its citation.

use pressroom::corpus::{Document, DocumentKind, Role, load_file};

fn doc(name: &str) -> Document {
    let path = crate::fixture("transcripts").join(name);
    load_file(Some(&crate::fixture("transcripts")), &path).expect("the fixture parses")
}

/// The paragraph that starts with `head`: role, speaker, its exchange's question (whole).
fn read(d: &Document, head: &str) -> (Role, String, Option<String>) {
    let p = d
        .paragraphs
        .iter()
        .find(|p| p.text.starts_with(head))
        .unwrap_or_else(|| panic!("no paragraph starts with {head}"));
    let question = p
        .exchange
        .and_then(|e| d.exchanges[e].question.as_ref())
        .map(|q| d.turn_text(q));
    (p.role, p.speaker.clone().unwrap_or_default(), question)
}

/// Asserts that the paragraph starting with `head` is an answer by `speaker` to the question
/// that starts with `question` (or to none).
#[track_caller]
fn assert_answer(d: &Document, head: &str, speaker: &str, question: Option<&str>) {
    let (role, who, q) = read(d, head);
    assert_eq!((role, who.as_str()), (Role::Answer, speaker), "{head}");
    match (question, q) {
        (None, None) => {}
        (Some(want), Some(got)) => assert!(got.starts_with(want), "{head}: question {got}"),
        (want, got) => panic!("{head}: question {got:?}, expected {want:?}"),
    }
}

#[test]
fn after_meeting_block_with_numbered_questions_and_a_notice() {
    let d = doc("2020-04-03-after-meeting.txt");
    assert_answer(
        &d,
        "中方一贯支持政治解决也门问题",
        "华春莹",
        Some("一、4月2日，联合国秘书长"),
    );
    let q = read(&d, "二、据报道，4月2日凌晨");
    assert_eq!((q.0, q.1.as_str()), (Role::Question, "记者"));
    assert_answer(
        &d,
        "一段时间以来，越南渔船频繁进入",
        "华春莹",
        Some("二、据报道，4月2日凌晨一艘"),
    );
    assert_answer(&d, "根据2020年清明节假期放假安排", "华春莹", None);
    assert_eq!(
        d.citation(d.paragraphs.len()),
        format!(
            "2020-04-03 外交部发言人华春莹主持例行记者会 ¶{}",
            d.paragraphs.len()
        )
    );
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn reporter_replies_without_answer_label() {
    let d = doc("2018-05-10-dropped-answer.txt");
    let (role, speaker, _) = read(&d, "NHK。");
    assert_eq!((role, speaker.as_str()), (Role::Question, "记者"));
    assert_answer(
        &d,
        "我还没有看到这条新闻",
        "耿爽",
        Some("今天下午，中央电视台刚播"),
    );
    assert_answer(
        &d,
        "你是哪家媒体的",
        "耿爽",
        Some("今天下午，中央电视台刚播"),
    );
    let remarks: usize = d.exchanges.iter().map(|e| e.remarks.len()).sum();
    assert_eq!(remarks, 2, "目前还不是 and NHK are asides, not questions");
}

#[test]
fn follow_up_label_opens_its_own_exchange() {
    let d = doc("2019-12-11-follow-up.txt");
    assert_eq!(d.exchanges.len(), 2);
    assert_eq!(
        d.exchanges[1].question.as_ref().unwrap().speaker,
        "记者追问"
    );
    assert_answer(
        &d,
        "谈还是没有谈到华为",
        "华春莹",
        Some("中国大使是否在谈话中提及要"),
    );
}

#[test]
fn rule_ends_the_conference_and_notices_have_no_question() {
    let d = doc("2018-12-28-rule-notice.txt");
    assert_answer(
        &d,
        "王毅国务委员表示",
        "华春莹",
        Some("据报道，12月26日，国务委员"),
    );
    assert_answer(&d, "根据2019年元旦放假安排", "华春莹", None);
    assert_answer(&d, "今天是2018年最后一场", "华春莹", None);
}

#[test]
fn introducing_a_new_colleague_is_credited_to_the_one_who_speaks() {
    let d = doc("2016-09-26-new-colleague.txt");
    assert_answer(&d, "记者会开始前", "陆慷", None);
    assert_answer(&d, "耿爽表示", "耿爽", None);
    assert_answer(
        &d,
        "9月21日至24日",
        "耿爽",
        Some("加拿大《环球邮报》23日刊"),
    );
}

#[test]
fn answer_label_takes_the_name_in_the_title() {
    let d = doc("2018-02-22-qa-title.txt");
    assert_answer(
        &d,
        "中方在中印边界问题上的立场",
        "耿爽",
        Some("据报道，印度总理莫迪于2月"),
    );
    assert_eq!(
        d.citation(2),
        "2018-02-22 外交部发言人耿爽2月15日答记者问 ¶2"
    );
}

#[test]
fn statements_are_documents_with_quotable_paragraphs() {
    let d = doc("2020-04-07-statement.txt");
    assert_eq!(d.kind, DocumentKind::Statement);
    assert_answer(&d, "为帮助菲律宾应对新冠肺炎疫情", "华春莹", None);
    assert_eq!(read(&d, "外交部发言人华春莹宣布").0, Role::Narration);
}

#[test]
fn front_matter_answerer_overrides_the_title() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.txt");
    std::fs::write(
        &path,
        "---\nanswerer: 外交部发言人办公室\n---\n外交部发言人耿爽答记者问\n问：有何评论？\n答：我们欢迎。\n",
    )
    .unwrap();
    let d = load_file(None, &path).unwrap();
    assert_eq!(read(&d, "我们欢迎").1, "外交部发言人办公室");
}

#[test]
fn no_reporter_question_is_an_answer_in_any_fixture() {
    for entry in std::fs::read_dir(crate::fixture("transcripts")).unwrap() {
        let path = entry.unwrap().path();
        let d = load_file(None, &path).unwrap();
        for p in d.paragraphs.iter().filter(|p| p.role == Role::Answer) {
            let speaker = p.speaker.as_deref().unwrap_or_default();
            assert!(
                !speaker.contains("记者") && speaker != "问",
                "{}:{} answer credited to {speaker}",
                path.display(),
                p.line
            );
        }
    }
}

#[test]
fn words_between_a_title_and_a_speech_verb_are_no_speaker() {
    // `…外长会见毕晓普外长时明确指出：` mid-answer: the spokesperson reports what the minister
    // said; the paragraphs stay 陆慷's (they were once given to a speaker called 时明确).
    let d = doc("2018-05-22-quoted-minister.txt");
    for head in [
        "王毅国务委员兼外长在阿根廷",
        "王毅国务委员兼外长会见毕晓普",
        "所以，王毅国务委员兼外长",
    ] {
        assert_answer(
            &d,
            head,
            "陆慷",
            Some("据外媒报道，中国国务委员兼外交部长王毅"),
        );
    }
}
