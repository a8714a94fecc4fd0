//! jieba as a tantivy tokenizer, over the normalised text, with offsets into the original.
//!
//! We own this adapter instead of using tantivy-jieba: that crate cannot take a user dictionary
//! and clones its `Jieba` (6 ms) every time tantivy clones a tokenizer. Here the dictionary sits
//! behind an `Arc`, so a clone costs a reference count.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, Mutex};

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

impl Term {
    /// Does this term lie inside the longer term `other` (a search-mode sub-word of it: 人工 of
    /// 人工智能)?
    pub fn inside(&self, other: &Term) -> bool {
        other.chars > self.chars
            && other.position <= self.position
            && self.position + self.chars <= other.position + other.chars
    }
}

/// The terms lying inside no longer one, in order: of a search-mode segmentation, the words of
/// the default segmentation (one word per span).
pub fn outermost(terms: &[Term]) -> Vec<Term> {
    terms
        .iter()
        .filter(|t| !terms.iter().any(|o| t.inside(o)))
        .cloned()
        .collect()
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

    /// Segments text that is normalised already (a question read once); the offsets are into
    /// that text. Tokens without a letter or digit are dropped.
    pub fn terms_of_normalized(&self, normalized: &str) -> Vec<Term> {
        self.jieba
            .tokenize(normalized, self.mode, true)
            .into_iter()
            .filter(|t| t.word.chars().any(crate::script::is_word_char))
            .map(|t| Term {
                text: t.word.to_string(),
                original: t.byte_start..t.byte_end,
                position: t.start,
                chars: t.end - t.start,
            })
            .collect()
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

/// Separates the paragraphs of one field value for [`IndexingTokenizer`].
pub const PARAGRAPH_BREAK: char = '\u{1e}';

/// How far past the last token of a paragraph the next one of the same value starts: no phrase
/// spans two paragraphs.
const PARAGRAPH_POSITION_GAP: usize = 8;

/// Texts remembered by an [`IndexingTokenizer`] before its memory starts over.
const MEMO_TEXTS: usize = 512;

/// The search tokenizer as the index build uses it. A passage's paragraphs come back as its
/// neighbours' context, and its question once per passage of the exchange, so the texts
/// segmented lately are remembered (shared by the clones tantivy makes for each field and
/// indexing thread) and their tokens reused. A value made of several paragraphs joined by
/// [`PARAGRAPH_BREAK`] is segmented paragraph by paragraph.
#[derive(Clone)]
pub struct IndexingTokenizer {
    inner: ChineseTokenizer,
    memo: Arc<Mutex<Memo>>,
}

/// Text segmented lately → its tokens.
type Memo = HashMap<Box<str>, Arc<Vec<Token>>>;

impl IndexingTokenizer {
    /// A search-mode tokenizer with an empty memory.
    pub fn new(jieba: Arc<Jieba>) -> Self {
        IndexingTokenizer {
            inner: ChineseTokenizer::search(jieba),
            memo: Arc::default(),
        }
    }

    fn paragraph(&self, text: &str) -> Arc<Vec<Token>> {
        if let Some(tokens) = self.memo.lock().expect("memo").get(text) {
            return Arc::clone(tokens);
        }
        let tokens = Arc::new(self.inner.tokens(text));
        let mut memo = self.memo.lock().expect("memo");
        if memo.len() >= MEMO_TEXTS {
            memo.clear();
        }
        memo.insert(text.into(), Arc::clone(&tokens));
        tokens
    }
}

impl Tokenizer for IndexingTokenizer {
    type TokenStream<'a> = TermStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> TermStream {
        if !text.contains(PARAGRAPH_BREAK) {
            return TermStream {
                tokens: self.paragraph(text),
                next: 0,
            };
        }
        let mut tokens: Vec<Token> = Vec::new();
        for part in text.split(PARAGRAPH_BREAK) {
            let shift = tokens
                .last()
                .map_or(0, |t| t.position + PARAGRAPH_POSITION_GAP);
            tokens.extend(self.paragraph(part).iter().map(|t| Token {
                position: t.position + shift,
                ..t.clone()
            }));
        }
        TermStream {
            tokens: Arc::new(tokens),
            next: 0,
        }
    }
}

impl ChineseTokenizer {
    /// [`ChineseTokenizer::terms`] as tantivy's tokens.
    fn tokens(&self, text: &str) -> Vec<Token> {
        self.terms(text)
            .into_iter()
            .map(|t| Token {
                offset_from: t.original.start,
                offset_to: t.original.end,
                position: t.position,
                text: t.text,
                position_length: t.chars.max(1),
            })
            .collect()
    }
}

/// The token stream handed to tantivy. The tokens are shared with the memory of an
/// [`IndexingTokenizer`]; tantivy only reads them (a filter that changed one would get a copy).
pub struct TermStream {
    tokens: Arc<Vec<Token>>,
    next: usize,
}

impl Tokenizer for ChineseTokenizer {
    type TokenStream<'a> = TermStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> TermStream {
        TermStream {
            tokens: Arc::new(self.tokens(text)),
            next: 0,
        }
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
        &mut Arc::make_mut(&mut self.tokens)[self.next - 1]
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
    fn search_terms_hold_the_default_segmentation() {
        // The words of the default segmentation are the search-mode terms that lie inside no
        // longer one: the question is segmented once for both.
        let lex = Lexicon::embedded();
        let (search, exact) = (
            ChineseTokenizer::search(lex.jieba()),
            ChineseTokenizer::exact(lex.jieba()),
        );
        for q in [
            "中方对人工智能合作持什么立场？",
            "中华人民共和国外交部发言人办公室是哪天开通微博的",
            "越南反华打砸那阵子，中国是怎么把在越南的员工接回国的？",
            "AI governance 和 WTO-2024 的关系",
            "全球南方蓬勃发展，一带一路高质量发展",
        ] {
            let norm = crate::text::normalize_str(q);
            let from_search: Vec<String> = outermost(&search.terms_of_normalized(&norm))
                .into_iter()
                .map(|t| t.text)
                .collect();
            let words: Vec<String> = exact
                .terms_of_normalized(&norm)
                .into_iter()
                .map(|t| t.text)
                .collect();
            assert_eq!(from_search, words, "{q}");
        }
    }

    #[test]
    fn punctuation_is_dropped() {
        assert!(tokenizer().terms("？！，。“”《》 ...").is_empty());
    }

    fn stream(tok: &mut impl Tokenizer, text: &str) -> Vec<(String, usize)> {
        let mut stream = tok.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push((stream.token().text.clone(), stream.token().position));
        }
        out
    }

    #[test]
    fn the_indexing_tokenizer_segments_as_the_search_one_and_remembers() {
        let jieba = Lexicon::embedded().jieba();
        let mut search = ChineseTokenizer::search(Arc::clone(&jieba));
        let mut indexing = IndexingTokenizer::new(jieba);
        let text = "中方对人工智能合作持开放态度。";
        assert_eq!(stream(&mut indexing, text), stream(&mut search, text));
        let twin = indexing.clone();
        assert_eq!(
            twin.memo.lock().unwrap().len(),
            1,
            "clones share the memory"
        );
        assert_eq!(
            stream(&mut indexing.clone(), text),
            stream(&mut search, text)
        );
    }

    #[test]
    fn paragraphs_of_one_value_are_segmented_apart_and_kept_apart() {
        let mut tok = IndexingTokenizer::new(Lexicon::embedded().jieba());
        let first = stream(&mut tok, "南海和平");
        let second = stream(&mut tok, "稳定");
        let joined = stream(&mut tok, &format!("南海和平{PARAGRAPH_BREAK}稳定"));
        let last = first.last().unwrap().1;
        let mut expected = first.clone();
        expected.extend(second.iter().map(|(t, p)| (t.clone(), p + last + 8)));
        assert_eq!(joined, expected);
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
