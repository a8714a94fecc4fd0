//! jieba as a tantivy tokenizer, over the normalised text, with offsets into the original.
//!
//! We own this adapter instead of using tantivy-jieba: that crate cannot take a user dictionary
//! and clones its `Jieba` (6 ms) every time tantivy clones a tokenizer. Here the dictionary sits
//! behind an `Arc`, so a clone costs a reference count.

use std::ops::Range;
use std::sync::Arc;

use jieba_rs::{Jieba, TokenizeMode};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use super::normalize::normalize;

/// The name the tokenizer is registered under in the index.
pub const TOKENIZER_NAME: &str = "pressroom_zh";

/// One token of analysed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The normalised token (simplified, lowercase, half width): what the index stores.
    pub text: String,
    /// Byte range in the *original* text.
    pub original: Range<usize>,
    /// Character position of the token's start in the normalised text. Search-mode sub-words
    /// share their compound's positions (人工@0, 智能@2, 人工智能@0), so phrases still match.
    pub position: usize,
    /// Length in characters.
    pub chars: usize,
}

/// Segments normalised text with jieba (search mode: compounds and their dictionary sub-words).
#[derive(Clone)]
pub struct ChineseTokenizer {
    jieba: Arc<Jieba>,
    mode: TokenizeMode,
}

impl ChineseTokenizer {
    /// A search-mode tokenizer: used for the index and for query terms.
    pub fn search(jieba: Arc<Jieba>) -> Self {
        ChineseTokenizer {
            jieba,
            mode: TokenizeMode::Search,
        }
    }

    /// A default-mode tokenizer: one segmentation without overlaps (phrases, topic names).
    pub fn exact(jieba: Arc<Jieba>) -> Self {
        ChineseTokenizer {
            jieba,
            mode: TokenizeMode::Default,
        }
    }

    /// Normalises `original`, segments it, and returns the terms with offsets into `original`.
    /// Tokens without a letter or digit (punctuation, spaces) are dropped.
    pub fn terms(&self, original: &str) -> Vec<Term> {
        let normalized = normalize(original);
        let mut out = Vec::new();
        for t in self.jieba.tokenize(&normalized.text, self.mode, true) {
            if !t.word.chars().any(crate::script::is_word_char) {
                continue;
            }
            out.push(Term {
                text: t.word.to_string(),
                original: normalized.to_original(t.byte_start..t.byte_end),
                position: t.start,
                chars: t.end - t.start,
            });
        }
        out
    }
}

/// The token stream handed to tantivy.
pub struct TermStream {
    tokens: Vec<Token>,
    next: usize,
}

impl Tokenizer for ChineseTokenizer {
    type TokenStream<'a> = TermStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> TermStream {
        let tokens = self
            .terms(text)
            .into_iter()
            .map(|t| Token {
                offset_from: t.original.start,
                offset_to: t.original.end,
                position: t.position,
                text: t.text,
                position_length: t.chars.max(1),
            })
            .collect();
        TermStream { tokens, next: 0 }
    }
}

impl TokenStream for TermStream {
    fn advance(&mut self) -> bool {
        if self.next < self.tokens.len() {
            self.next += 1;
            true
        } else {
            false
        }
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lexicon;

    /// Asserts one token the way tantivy's own tokenizer tests do: text, position, original span.
    fn assert_term(original: &str, term: &Term, text: &str, position: usize, span: &str) {
        assert_eq!(term.text, text, "term text");
        assert_eq!(term.position, position, "position of {text}");
        assert_eq!(
            &original[term.original.clone()],
            span,
            "original span of {text}"
        );
    }

    fn tokenizer() -> ChineseTokenizer {
        ChineseTokenizer::search(Lexicon::embedded().jieba())
    }

    #[test]
    fn user_dictionary_terms_come_out_whole_and_in_parts() {
        let terms = tokenizer().terms("全球南方蓬勃发展");
        let texts: Vec<&str> = terms.iter().map(|t| t.text.as_str()).collect();
        assert!(texts.contains(&"全球南方"), "{texts:?}");
        assert!(texts.contains(&"南方"), "{texts:?}");
    }

    #[test]
    fn offsets_point_into_traditional_original() {
        let original = "聯合國的作用";
        let terms = tokenizer().terms(original);
        let un = terms.iter().find(|t| t.text == "联合国").expect("联合国");
        assert_term(original, un, "联合国", 0, "聯合國");
        let role = terms.iter().find(|t| t.text == "作用").expect("作用");
        assert_term(original, role, "作用", 4, "作用");
    }

    #[test]
    fn full_width_latin_and_digits() {
        let original = "ＡＩ合作１５年";
        let terms = tokenizer().terms(original);
        let ai = terms.iter().find(|t| t.text == "ai").expect("ai");
        assert_term(original, ai, "ai", 0, "ＡＩ");
        assert!(terms.iter().any(|t| t.text == "15"));
    }

    #[test]
    fn punctuation_is_dropped() {
        assert!(tokenizer().terms("？！，。“”《》 ...").is_empty());
    }

    #[test]
    fn stream_has_byte_offsets_for_tantivy() {
        let mut tok = tokenizer();
        let text = "中方对人工智能合作";
        let mut stream = tok.token_stream(text);
        let mut seen = Vec::new();
        while stream.advance() {
            let t = stream.token();
            assert_eq!(&text[t.offset_from..t.offset_to], t.text);
            seen.push(t.text.clone());
        }
        assert!(seen.contains(&"人工智能".to_string()));
    }
}
