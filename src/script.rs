//! Which script a character is written in, for the few places that need to know.

/// True for a Han (Chinese) character: CJK Unified Ideographs, Extension A, and the
/// Compatibility Ideographs.
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

#[cfg(test)]
mod tests {
    use super::*;

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
