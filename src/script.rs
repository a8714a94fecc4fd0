//! Which script a character is written in, for the few places that need to know.

/// True for a Han (Chinese) character: CJK Unified Ideographs, Extension A, and the
/// Compatibility Ideographs.
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

/// True for a letter or digit of any script: what a word is made of. The same answer as
/// `char::is_alphanumeric`, without its table search for the characters Chinese text is made of
/// (ideographs and CJK punctuation), which that search makes slow.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if is_han(c) {
        return true;
    }
    if matches!(c, '\u{2000}'..='\u{206f}' | '\u{3000}'..='\u{3003}' | '\u{3008}'..='\u{3020}' | '\u{ff01}'..='\u{ff0f}')
    {
        return false;
    }
    c.is_alphanumeric()
}

/// True when a text is written mostly in Latin letters (an English question): more of its
/// letters are Latin than Han, and it holds at least two Latin words (a question of Chinese
/// with `WHO` or `AI` in it is Chinese).
pub fn mostly_latin(text: &str) -> bool {
    let (mut latin, mut han) = (0usize, 0usize);
    for c in text.chars() {
        if c.is_ascii_alphabetic() {
            latin += 1;
        } else if is_han(c) {
            han += 1;
        }
    }
    let words = text
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .count();
    latin > han && words >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_questions_are_told_from_chinese_ones() {
        assert!(mostly_latin(
            "Why did China stop buying canola from Canada?"
        ));
        assert!(mostly_latin("What did 王毅 say about AI governance?"));
        assert!(!mostly_latin("中方对AI合作持什么立场？"));
        assert!(!mostly_latin("WHO 怎么评价中国抗疫"));
        assert!(!mostly_latin("BRICS"));
        assert!(!mostly_latin("2019年5月"));
    }

    #[test]
    fn word_chars_as_the_standard_library_says() {
        for c in [
            '中', 'a', 'Z', '7', '〇', 'é', 'あ', '한', '１', '。', '，', '“', '」', '、', ' ',
            '\u{3000}', '—', '·', '々', '〆',
        ] {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c}");
        }
        for c in '\u{2000}'..='\u{3100}' {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
        for c in '\u{ff00}'..='\u{ffef}' {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn han_and_not_han() {
        for c in ['中', '㐀', '鿿', '豈'] {
            assert!(is_han(c), "{c}");
        }
        for c in ['a', '。', '「', 'あ', '한', '１', '\u{3000}'] {
            assert!(!is_han(c), "{c}");
        }
    }
}
