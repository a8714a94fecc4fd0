//! Chinese text: normalisation with an offset map, jieba segmentation as a tantivy tokenizer,
//! the language data (user dictionary, filler words, synonyms), and the reading of a question
//! asked in English in the library's Chinese.

mod english;
mod lexicon;
mod normalize;
mod tokenizer;

pub use english::{Glossary, Reading};
pub use lexicon::{FILLER_FILE, Lexicon, LexiconSources, SYNONYMS_FILE, Synonyms, USER_DICT_FILE};
pub(crate) use lexicon::{MEASURE_WORDS, is_question_form};
pub(crate) use lexicon::{holds_a_not_a, starts_a_not_a};
pub use normalize::{
    Normalized, compare_key, mainland_vocabulary, matching_form, normalize, normalize_str,
    with_typed_capitals, without_chat_markup, words_need_normalizing,
};
pub use tokenizer::{
    ChineseTokenizer, IndexingTokenizer, PARAGRAPH_BREAK, TOKENIZER_NAME, Term, outermost,
};
