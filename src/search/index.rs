//! The tantivy index: one document per answer paragraph (a passage), with the exchange's question
//! as a second field. Built in memory at start, or persisted in a directory with a fingerprint of
//! the data and tokenizer settings, rebuilt only when that fingerprint changes.

use std::path::Path;

use sha2::{Digest, Sha256};
use std::ops::Bound;
use tantivy::collector::TopDocs;

use tantivy::query::{BooleanQuery, Occur, Query, RangeQuery, TermSetQuery};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{PreTokenizedString, Token, TokenStream, Tokenizer};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::corpus::{Document, Role};
use crate::error::{Error, Result};
use crate::search::constraints::Constraints;
use crate::text::{ChineseTokenizer, Lexicon, TOKENIZER_NAME};

/// Bump when the schema or the analysis changes in a way the fingerprint cannot see.
const INDEX_FORMAT: &str = "pressroom-index-v2";
const FINGERPRINT_FILE: &str = "pressroom.fingerprint";

/// A passage found by the index.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RawHit {
    /// Index of the document in the library (the order the index was built in).
    pub doc: usize,
    /// Index of the paragraph in the document.
    pub paragraph: usize,
    /// BM25 score with boosts.
    pub score: f32,
}

/// The index's fields. `context` holds the words around a passage (the first paragraph of its
/// answer and the one before it), so a paragraph can win through the subject its answer named
/// earlier; `date` and `speaker` are what constraints filter on.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    pub text: Field,
    pub question: Field,
    pub context: Field,
    pub doc: Field,
    pub doc_ord: Field,
    pub paragraph: Field,
    pub date: Field,
    pub speaker: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(TOKENIZER_NAME)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let text_options = TextOptions::default().set_indexing_options(indexing);
    let text = b.add_text_field("text", text_options.clone());
    let question = b.add_text_field("question", text_options.clone());
    let context = b.add_text_field("context", text_options);
    let doc = b.add_text_field("doc", STRING);
    let doc_ord = b.add_u64_field("doc_ord", FAST);
    let paragraph = b.add_u64_field("paragraph", FAST);
    let date = b.add_u64_field("date", INDEXED | FAST);
    let speaker = b.add_text_field("speaker", STRING);
    (
        b.build(),
        Fields {
            text,
            question,
            context,
            doc,
            doc_ord,
            paragraph,
            date,
            speaker,
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
struct PassageDoc {
    /// Index of the document in the library.
    ord: usize,
    /// Index of the paragraph in the document.
    paragraph: usize,
}

fn passages(docs: &[Document]) -> impl Iterator<Item = (&Document, PassageDoc)> {
    docs.iter().enumerate().flat_map(|(ord, d)| {
        d.paragraphs
            .iter()
            .enumerate()
            .filter(|(_, p)| p.role == Role::Answer)
            .map(move |(paragraph, _)| (d, PassageDoc { ord, paragraph }))
    })
}

/// The question field's text for an exchange: asker and question.
fn question_text(d: &Document, exchange: Option<usize>) -> String {
    exchange
        .and_then(|e| d.exchanges[e].question.as_ref())
        .map(|q| format!("{}：{}", q.speaker, d.turn_text(q)))
        .unwrap_or_default()
}

/// The paragraphs whose words stand around paragraph `i` in the context field: the first
/// paragraph of its answer and the one before it (each once, never itself).
fn context_paragraphs(d: &Document, i: usize) -> Vec<usize> {
    let Some(e) = d.paragraphs[i].exchange else {
        return Vec::new();
    };
    let answer = d.answer_paragraphs(&d.exchanges[e]);
    let Some(at) = answer.iter().position(|&x| x == i) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if at > 0 {
        out.push(answer[0]);
        if at > 1 {
            out.push(answer[at - 1]);
        }
    }
    out
}

/// A day as `yyyymmdd` from an ISO date; 0 when unknown (no date filter admits it).
pub(crate) fn day_number(date: Option<&str>) -> u64 {
    date.and_then(crate::search::constraints::parse_iso_day)
        .unwrap_or(0)
}

/// The fingerprint of what the index would contain: format, user dictionary, every passage.
pub fn fingerprint(docs: &[Document], lexicon: &Lexicon) -> String {
    let mut h = Sha256::new();
    h.update(INDEX_FORMAT);
    h.update(env!("CARGO_PKG_VERSION"));
    h.update(lexicon.index_fingerprint_source());
    for (d, p) in passages(docs) {
        let para = &d.paragraphs[p.paragraph];
        let meta = format!(
            "{}|{}|{}",
            d.date.as_deref().unwrap_or_default(),
            para.speaker.as_deref().unwrap_or_default(),
            para.exchange.map_or(-1, |e| e as i64)
        );
        for part in [
            d.id.as_str(),
            para.text.as_str(),
            &question_text(d, para.exchange),
            &meta,
        ] {
            h.update((part.len() as u64).to_le_bytes());
            h.update(part);
        }
        h.update((p.paragraph as u64).to_le_bytes());
        h.update((p.ord as u64).to_le_bytes());
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
        let mut tok = ChineseTokenizer::search(lexicon.jieba());
        for (ord, d) in docs.iter().enumerate() {
            // Each paragraph and each question is segmented once; the passage, its question
            // and its context field reuse the tokens (tantivy's pre-tokenized text).
            let mut paragraph_tokens: Vec<Option<Vec<Token>>> = vec![None; d.paragraphs.len()];
            let mut question_tokens: Vec<Option<PreTokenizedString>> =
                vec![None; d.exchanges.len()];
            let date = day_number(d.date.as_deref());
            for (i, p) in d.paragraphs.iter().enumerate() {
                if p.role != Role::Answer {
                    continue;
                }
                let mut tokens_of = |j: usize| -> Vec<Token> {
                    paragraph_tokens[j]
                        .get_or_insert_with(|| tokens(&mut tok, &d.paragraphs[j].text))
                        .clone()
                };
                let text_tokens = tokens_of(i);
                let mut context = Vec::new();
                for j in context_paragraphs(d, i) {
                    let shift = context.last().map_or(0, |t: &Token| t.position + 8);
                    context.extend(tokens_of(j).into_iter().map(|mut t| {
                        t.position += shift;
                        t
                    }));
                }
                let question = p.exchange.map(|e| {
                    question_tokens[e]
                        .get_or_insert_with(|| {
                            let text = question_text(d, Some(e));
                            let tokens = tokens(&mut tok, &text);
                            PreTokenizedString { text, tokens }
                        })
                        .clone()
                });
                let mut document = TantivyDocument::new();
                document.add_pre_tokenized_text(
                    fields.text,
                    PreTokenizedString {
                        text: p.text.clone(),
                        tokens: text_tokens,
                    },
                );
                if let Some(q) = question {
                    document.add_pre_tokenized_text(fields.question, q);
                }
                if !context.is_empty() {
                    document.add_pre_tokenized_text(
                        fields.context,
                        PreTokenizedString {
                            text: String::new(),
                            tokens: context,
                        },
                    );
                }
                document.add_text(fields.doc, &d.id);
                document.add_u64(fields.doc_ord, ord as u64);
                document.add_u64(fields.paragraph, i as u64);
                document.add_u64(fields.date, date);
                if let Some(s) = &p.speaker {
                    document.add_text(fields.speaker, s);
                }
                writer.add_document(document)?;
            }
            progress(ord + 1, total);
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
            let fast = searcher.segment_reader(address.segment_ord).fast_fields();
            let value = |name: &str| -> Result<usize> {
                let column = fast.u64(name)?;
                Ok(column.first(address.doc_id).unwrap_or_default() as usize)
            };
            hits.push(RawHit {
                doc: value("doc_ord")?,
                paragraph: value("paragraph")?,
                score,
            });
        }
        Ok(hits)
    }

    /// In how many passages `term` occurs in the passage field (for inverse document frequency).
    pub fn doc_freq(&self, term: &str) -> u64 {
        let t = Term::from_field_text(self.fields.text, term);
        self.reader.searcher().doc_freq(&t).unwrap_or(0)
    }

    /// The query that admits only passages satisfying `c`; `None` when `c` admits everything.
    pub fn filter(&self, c: &Constraints) -> Option<Box<dyn Query>> {
        let mut must: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if let Some((since, until)) = c.period() {
            let lower = Bound::Included(Term::from_field_u64(self.fields.date, since.max(1)));
            let upper = Bound::Included(Term::from_field_u64(self.fields.date, until));
            must.push((Occur::Must, Box::new(RangeQuery::new(lower, upper))));
        }
        if !c.speakers.is_empty() {
            let terms = c
                .speakers
                .iter()
                .map(|s| Term::from_field_text(self.fields.speaker, s));
            must.push((Occur::Must, Box::new(TermSetQuery::new(terms))));
        }
        if !c.documents.is_empty() {
            let terms = c
                .documents
                .iter()
                .map(|d| Term::from_field_text(self.fields.doc, d));
            must.push((Occur::Must, Box::new(TermSetQuery::new(terms))));
        }
        (!must.is_empty()).then(|| Box::new(BooleanQuery::new(must)) as Box<dyn Query>)
    }
}

fn tokens(tok: &mut ChineseTokenizer, text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut stream = tok.token_stream(text);
    while stream.advance() {
        out.push(stream.token().clone());
    }
    out
}
