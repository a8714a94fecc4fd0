//! The parser on the seed transcript: a newspaper page that starts mid-answer.

use pressroom::corpus::Role;

use super::SEED;

fn seed() -> &'static pressroom::corpus::Document {
    &SEED.documents()[0]
}

#[test]
fn metadata_from_front_matter() {
    let d = seed();
    assert_eq!(
        d.title,
        "中共中央政治局委员、外交部长王毅就中国外交政策和对外关系回答中外记者提问"
    );
    assert_eq!(d.date.as_deref(), Some("2024-03-07"));
    assert_eq!(d.label, "王毅记者会");
    assert!(d.continued, "the text continues from the previous page");
}

#[test]
fn exchanges_and_askers() {
    let d = seed();
    assert_eq!(d.exchanges.len(), 9);
    let askers: Vec<Option<&str>> = d
        .exchanges
        .iter()
        .map(|e| e.question.as_ref().map(|q| q.speaker.as_str()))
        .collect();
    assert_eq!(
        askers,
        [
            None,
            Some("凤凰卫视记者"),
            Some("坦桑尼亚桑给巴尔广播电视台记者"),
            Some("韩国广播公司记者"),
            Some("总台国广记者"),
            Some("巴基斯坦通讯社记者"),
            Some("古巴拉美通讯社记者"),
            Some("《中国日报》记者"),
            Some("阿卫视记者"),
        ]
    );
    assert!(
        d.exchanges.iter().all(|e| e.answerer == "王毅"),
        "the opening answer's speaker is inferred"
    );
    let answers: Vec<usize> = d
        .exchanges
        .iter()
        .map(|e| d.answer_paragraphs(e).len())
        .collect();
    assert_eq!(answers, [2, 4, 6, 3, 4, 5, 3, 7, 4]);
}

#[test]
fn split_paragraphs_are_rejoined() {
    let d = seed();
    let texts: Vec<&str> = d.paragraphs.iter().map(|p| p.text.as_str()).collect();
    for joined in [
        "支持非洲获得思想上和观念上的真正独立",
        "践行真正的多边主义",
        "世界局势变乱交织",
    ] {
        assert!(
            texts.iter().any(|t| t.contains(joined)),
            "{joined} is one paragraph"
        );
    }
    for half in ["支持非洲获得", "践行真正的多", "世界局势变乱交"] {
        assert!(
            !texts.iter().any(|t| t.ends_with(half)),
            "no paragraph ends at {half}"
        );
    }
}

#[test]
fn page_marker_title_and_closing_line_are_not_content() {
    let d = seed();
    assert!(
        d.paragraphs
            .iter()
            .all(|p| !p.text.contains("上接") && !p.text.contains("03版"))
    );
    assert!(d.paragraphs.iter().all(|p| p.text != d.title));
    let last = d.paragraphs.last().unwrap();
    assert_eq!(last.text, "记者会历时1小时30分钟。");
    assert_eq!(last.role, Role::Narration);
    assert_eq!(last.exchange, None);
    let first = &d.paragraphs[0];
    assert!(first.text.starts_with("关于海上争端"));
    assert_eq!(
        (first.role, first.speaker.as_deref()),
        (Role::Answer, Some("王毅"))
    );
}

#[test]
fn paragraphs_keep_their_source_lines() {
    let d = seed();
    let raw = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/transcripts/2024-03-07-wangyi-press-conference-part2.txt"
    ))
    .unwrap();
    let lines: Vec<&str> = raw.lines().collect();
    for p in &d.paragraphs {
        let line = lines[p.line - 1];
        let head: String = p.text.chars().take(6).collect();
        assert!(
            line.contains(&head),
            "¶{} says line {} but that line is {line:?}",
            p.number,
            p.line
        );
    }
}

#[test]
fn topic_names() {
    let titles: Vec<String> = SEED.topics().into_iter().map(|t| t.title).collect();
    assert_eq!(
        titles,
        [
            "南海",
            "人工智能",
            "非洲",
            "朝鲜半岛",
            "联合国",
            "一带一路",
            "全球南方",
            "外交为民",
            "中国故事"
        ]
    );
}
