//! Any string a user can type gives hits or an empty list: never an error or a panic.

use proptest::prelude::*;

use super::SEED;

#[test]
fn hostile_queries_answer_or_come_back_empty() {
    let long = "人工智能".repeat(2500);
    let emoji = "😀🇨🇳👍🏽".repeat(100);
    let queries = [
        "",
        " ",
        "\"",
        "\"\"\"",
        "'",
        ":",
        "text:人工智能",
        "(",
        ")",
        "((人工智能",
        "AND",
        "人工智能 AND OR NOT",
        "*",
        "人工*",
        "~",
        "人工智能~2",
        "[1 TO 5]",
        "+-!^",
        "？？？！！！。。。",
        "\\",
        "\u{0}",
        "\u{200b}\u{feff}",
        "<@123> @everyone",
        "```code```",
        long.as_str(),
        emoji.as_str(),
        "ＡＩ",
        "什么",
    ];
    for q in queries {
        let answer = SEED.ask(q, 3);
        assert_quotes_real_passages(&answer.hits, q);
    }
    assert!(SEED.ask("？？？！！！", 3).hits.is_empty());
    assert!(SEED.ask("", 3).hits.is_empty());
    assert!(
        !SEED.ask(&long, 3).hits.is_empty(),
        "a long question is read up to the limit"
    );
    assert!(
        !SEED.ask("((人工智能", 3).hits.is_empty(),
        "syntax characters are plain text"
    );
}

/// Every hit is a paragraph of the transcripts, quoted verbatim (found again by its key),
/// ranked 1, 2, 3….
fn assert_quotes_real_passages(hits: &[pressroom::reply::Hit], q: &str) {
    for (i, h) in hits.iter().enumerate() {
        assert_eq!(h.rank, i + 1, "{q:?}");
        let again = SEED
            .passage_by_key(&SEED.passage_key(h), &[])
            .unwrap_or_else(|| panic!("{q:?}: {} is not a passage", h.citation));
        assert_eq!(again.text, h.text, "{q:?}");
    }
}

#[test]
fn chat_questions_are_checked() {
    use pressroom::UserError;
    assert_eq!(
        SEED.check_question("？！", 500),
        Err(UserError::EmptyQuestion)
    );
    assert!(matches!(
        SEED.check_question(&"问".repeat(501), 500),
        Err(UserError::QuestionTooLong {
            chars: 501,
            max: 500
        })
    ));
    assert_eq!(SEED.check_question("中方立场？", 500), Ok(()));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_text_is_safe(q in "\\PC{0,300}") {
        let answer = SEED.ask(&q, 5);
        assert_quotes_real_passages(&answer.hits, &q);
        for h in &answer.hits {
            for [a, b] in &h.highlights {
                prop_assert!(a < b && *b <= h.text.chars().count());
            }
            for r in &h.highlight_bytes {
                prop_assert!(h.text.is_char_boundary(r.start) && h.text.is_char_boundary(r.end));
            }
        }
    }

    #[test]
    fn mixed_script_text_is_safe(q in "[人工智能合作聯合國ＡＩai \"():*~^\\-]{0,60}") {
        let _ = SEED.ask(&q, 3);
    }
}
