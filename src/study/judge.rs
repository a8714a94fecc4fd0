//! Judging a typed answer.

use super::Item;
use crate::text::compare_key;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::ItemKind;

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
