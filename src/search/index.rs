//! The tantivy index: one document per answer paragraph (a passage), with the exchange's question
//! as a second field. Built in memory at start, or persisted in a directory with a fingerprint of
//! the data and tokenizer settings, rebuilt only when that fingerprint changes.

use std::path::Path;

use sha2::{Digest, Sha256};
use tantivy::collector::TopDocs;
use tantivy::query::Query;
use tantivy::schema::{
    Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
    Value,
};
use tantivy::tokenizer::{PreTokenizedString, TokenStream, Tokenizer};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument};

use crate::corpus::{Document, Role};
use crate::error::{Error, Result};
use crate::text::{ChineseTokenizer, Lexicon, TOKENIZER_NAME};

/// Bump when the schema or the analysis changes in a way the fingerprint cannot see.
const INDEX_FORMAT: &str = "pressroom-index-v1";
const FINGERPRINT_FILE: &str = "pressroom.fingerprint";

/// A passage found by the index.
#[derive(Debug, Clone, PartialEq)]
pub struct RawHit {
    /// Document id.
    pub doc: String,
    /// Index of the paragraph in the document.
    pub paragraph: usize,
    /// BM25 score with boosts.
    pub score: f32,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    pub text: Field,
    pub question: Field,
    pub doc: Field,
    pub paragraph: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(TOKENIZER_NAME)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let text = b.add_text_field(
        "text",
        TextOptions::default().set_indexing_options(indexing.clone()),
    );
    let question = b.add_text_field(
        "question",
        TextOptions::default().set_indexing_options(indexing),
    );
    let doc = b.add_text_field("doc", STRING | STORED);
    let paragraph = b.add_u64_field("paragraph", INDEXED | STORED);
    (
        b.build(),
        Fields {
            text,
            question,
            doc,
            paragraph,
        },
    )
}

/// How the index was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexOrigin {
    /// Built in memory.
    Memory,
    /// Built (or rebuilt) in the index directory.
    Built,
    /// Opened from the index directory: its fingerprint matched.
    Reused,
}

/// The passage index.
pub struct SearchIndex {
    reader: IndexReader,
    fields: Fields,
    origin: IndexOrigin,
    passages: usize,
}

/// What the index holds for one passage.
struct PassageDoc<'a> {
    text: &'a str,
    /// Index of the exchange in the document, if any.
    exchange: Option<usize>,
    doc: &'a str,
    paragraph: usize,
}

fn passages(docs: &[Document]) -> impl Iterator<Item = (&Document, PassageDoc<'_>)> {
    docs.iter().flat_map(|d| {
        d.paragraphs
            .iter()
            .enumerate()
            .filter(|(_, p)| p.role == Role::Answer)
            .map(move |(i, p)| {
                (
                    d,
                    PassageDoc {
                        text: &p.text,
                        exchange: p.exchange,
                        doc: &d.id,
                        paragraph: i,
                    },
                )
            })
    })
}

/// The question field's text for an exchange: asker and question.
fn question_text(d: &Document, exchange: Option<usize>) -> String {
    exchange
        .and_then(|e| d.exchanges[e].question.as_ref())
        .map(|q| format!("{}：{}", q.speaker, d.turn_text(q)))
        .unwrap_or_default()
}

/// The fingerprint of what the index would contain: format, user dictionary, every passage.
pub fn fingerprint(docs: &[Document], lexicon: &Lexicon) -> String {
    let mut h = Sha256::new();
    h.update(INDEX_FORMAT);
    h.update(env!("CARGO_PKG_VERSION"));
    h.update(lexicon.index_fingerprint_source());
    for (d, p) in passages(docs) {
        for part in [p.doc, p.text, &question_text(d, p.exchange)] {
            h.update((part.len() as u64).to_le_bytes());
            h.update(part);
        }
        h.update((p.paragraph as u64).to_le_bytes());
    }
    format!("{:x}", h.finalize())
}

impl SearchIndex {
    /// Builds the index in memory, or opens / rebuilds it in `dir`. `progress(done, total)` is
    /// called as documents are added.
    pub fn open_or_build(
        dir: Option<&Path>,
        docs: &[Document],
        lexicon: &Lexicon,
        force: bool,
        mut progress: impl FnMut(usize, usize),
    ) -> Result<SearchIndex> {
        let (schema, fields) = schema();
        let tokenizer = ChineseTokenizer::search(lexicon.jieba());
        let (index, origin) = match dir {
            None => (Index::create_in_ram(schema), IndexOrigin::Memory),
            Some(dir) => {
                let print = fingerprint(docs, lexicon);
                let print_path = dir.join(FINGERPRINT_FILE);
                let stored = std::fs::read_to_string(&print_path).ok();
                if !force && stored.as_deref().map(str::trim) == Some(print.as_str()) {
                    let index = Index::open_in_dir(dir)?;
                    index.tokenizers().register(TOKENIZER_NAME, tokenizer);
                    return SearchIndex::from_index(index, fields, IndexOrigin::Reused);
                }
                // Stale or missing: start from an empty directory. Only our own files are removed.
                if dir.exists() {
                    if stored.is_none()
                        && std::fs::read_dir(dir)
                            .map_err(|e| Error::io(dir, e))?
                            .next()
                            .is_some()
                        && !dir.join("meta.json").exists()
                    {
                        return Err(Error::Config(format!(
                            "index.dir {} is not empty and holds no pressroom index; choose an empty or new directory",
                            dir.display()
                        )));
                    }
                    std::fs::remove_dir_all(dir).map_err(|e| Error::io(dir, e))?;
                }
                std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
                let index = Index::create_in_dir(dir, schema)?;
                // The fingerprint is written after the commit below, so a crash mid-build leaves
                // a directory that is rebuilt next time.
                (index, IndexOrigin::Built)
            }
        };
        index.tokenizers().register(TOKENIZER_NAME, tokenizer);
        // Small data (the usual few transcripts) indexes fastest on one thread with the
        // smallest arena tantivy accepts; a large folder gets a thread per core.
        let text_bytes: usize = docs
            .iter()
            .flat_map(|d| d.paragraphs.iter().map(|p| p.text.len()))
            .sum();
        let threads = if text_bytes < 4_000_000 {
            1
        } else {
            std::thread::available_parallelism()
                .map_or(1, |n| n.get())
                .clamp(1, 4)
        };
        let per_thread = if threads == 1 && text_bytes < 4_000_000 {
            20_000_000
        } else {
            64_000_000
        };
        let mut writer: IndexWriter =
            index.writer_with_num_threads(threads, per_thread * threads)?;
        let total = docs.len();
        let mut last_doc = "";
        let mut done = 0;
        // Every passage of an exchange carries the same question: it is segmented once and its
        // tokens reused (tantivy's pre-tokenized text), instead of once per paragraph.
        let mut question_tokens: Option<((&str, Option<usize>), PreTokenizedString)> = None;
        let mut qtok = ChineseTokenizer::search(lexicon.jieba());
        for (d, p) in passages(docs) {
            let key = (p.doc, p.exchange);
            if question_tokens.as_ref().is_none_or(|(k, _)| *k != key) {
                let text = question_text(d, p.exchange);
                let mut tokens = Vec::new();
                let mut stream = qtok.token_stream(&text);
                while stream.advance() {
                    tokens.push(stream.token().clone());
                }
                question_tokens = Some((key, PreTokenizedString { text, tokens }));
            }
            let question = question_tokens
                .as_ref()
                .map(|(_, q)| q.clone())
                .expect("set above");
            if p.doc != last_doc {
                if !last_doc.is_empty() {
                    done += 1;
                    progress(done, total);
                }
                last_doc = p.doc;
            }
            let mut document = TantivyDocument::new();
            document.add_text(fields.text, p.text);
            document.add_pre_tokenized_text(fields.question, question);
            document.add_text(fields.doc, p.doc);
            document.add_u64(fields.paragraph, p.paragraph as u64);
            writer.add_document(document)?;
        }
        writer.commit()?;
        writer.wait_merging_threads()?;
        progress(total, total);
        if let (Some(dir), IndexOrigin::Built) = (dir, origin) {
            let path = dir.join(FINGERPRINT_FILE);
            std::fs::write(&path, fingerprint(docs, lexicon)).map_err(|e| Error::io(&path, e))?;
        }
        SearchIndex::from_index(index, fields, origin)
    }

    fn from_index(index: Index, fields: Fields, origin: IndexOrigin) -> Result<SearchIndex> {
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let passages = reader.searcher().num_docs() as usize;
        Ok(SearchIndex {
            reader,
            fields,
            origin,
            passages,
        })
    }

    pub(crate) fn fields(&self) -> Fields {
        self.fields
    }

    /// How the index was obtained.
    pub fn origin(&self) -> IndexOrigin {
        self.origin
    }

    /// Number of passages indexed.
    pub fn passages(&self) -> usize {
        self.passages
    }

    /// The best `limit` passages for `query`.
    pub fn search(&self, query: &dyn Query, limit: usize) -> Result<Vec<RawHit>> {
        let searcher = self.reader.searcher();
        let top = searcher.search(query, &TopDocs::with_limit(limit.max(1)).order_by_score())?;
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let stored: TantivyDocument = searcher.doc(address)?;
            let doc = stored
                .get_first(self.fields.doc)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string();
            let paragraph = stored
                .get_first(self.fields.paragraph)
                .and_then(|v| v.as_u64())
                .unwrap_or_default() as usize;
            hits.push(RawHit {
                doc,
                paragraph,
                score,
            });
        }
        Ok(hits)
    }
}
