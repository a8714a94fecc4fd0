//! The tantivy index: one document per answer paragraph (a passage), with the exchange's question
//! as a second field. Built in memory at start, or persisted in a directory with a fingerprint of
//! the data and tokenizer settings, rebuilt only when that fingerprint changes. A persisted
//! generation also keeps the engine's snapshot of the parsed library, so a start with nothing
//! changed reads neither the transcripts nor the passages' fingerprint.

use std::collections::HashMap;
use std::path::Path;

use sha2::{Digest, Sha256};
use std::ops::Bound;
use tantivy::collector::TopDocs;

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, WatchCallback, WatchHandle, WritePtr,
};
use tantivy::indexer::UserOperation;
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::{Index, IndexWriter, ReloadPolicy, Searcher, TantivyDocument, Term};

use crate::corpus::{Document, Role};
use crate::error::{Error, Result};
use crate::search::constraints::Constraints;
use crate::text::{ChineseTokenizer, IndexingTokenizer, Lexicon, PARAGRAPH_BREAK, TOKENIZER_NAME};

/// Bump when the schema or the analysis changes in a way the fingerprint cannot see.
const INDEX_FORMAT: &str = "pressroom-index-v3";

/// How many passages beyond the asked-for number a search collects, so that passages scoring
/// alike at the cut are chosen by the library's order, not the index's.
const TIE_MARGIN: usize = 8;
const FINGERPRINT_FILE: &str = "pressroom.fingerprint";
/// The library snapshot kept in a generation (the engine's; opaque here).
const SNAPSHOT_FILE: &str = "pressroom.library";

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
    /// Opened from the index directory: its fingerprint matched and it is whole.
    Reused,
    /// The persisted index was damaged (unreadable files, bad checksums, a missing part) and
    /// was rebuilt.
    Repaired,
}

/// The passage index.
pub struct SearchIndex {
    /// The one view of the index every question reads: it never reloads (the index does not
    /// change under a running engine), so it is made once.
    searcher: Searcher,
    /// Per segment, per tantivy document: the passage it is (document index, paragraph index),
    /// read from the fast fields once at open instead of for every hit.
    passage_of: Vec<Vec<(u32, u32)>>,
    fields: Fields,
    origin: IndexOrigin,
    passages: usize,
    /// Words (search-mode tokens) in all passages.
    words: u64,
    /// The generation folder it was read from (none in memory).
    generation: Option<std::path::PathBuf>,
    /// Document frequencies already looked up. A question asks its words' several times (to
    /// read the question, weigh its words, build its query) and tantivy again for each clause's
    /// BM25 weight: each a lookup in the term dictionary of every segment.
    doc_freqs: DocFreqs,
}

/// A map from term to document frequency, shared by every question (an index never changes
/// under an engine); cleared when it grows past [`DOC_FREQS_KEPT`] terms.
#[derive(Default)]
struct DocFreqs(std::sync::RwLock<std::collections::HashMap<Term, u64>>);

/// How many terms' document frequencies are kept (a few MB at most).
const DOC_FREQS_KEPT: usize = 100_000;

impl DocFreqs {
    fn get(&self, searcher: &Searcher, term: &Term) -> u64 {
        // A poisoned lock only means a panic elsewhere while inserting: the map is still whole.
        if let Some(&n) = self.0.read().unwrap_or_else(|e| e.into_inner()).get(term) {
            return n;
        }
        let n = searcher.doc_freq(term).unwrap_or(0);
        let mut map = self.0.write().unwrap_or_else(|e| e.into_inner());
        if map.len() >= DOC_FREQS_KEPT {
            map.clear();
        }
        map.insert(term.clone(), n);
        n
    }
}

/// The BM25 statistics of a search: the searcher's, with document frequencies from the map.
struct CachedStatistics<'a> {
    searcher: &'a Searcher,
    doc_freqs: &'a DocFreqs,
}

impl tantivy::query::Bm25StatisticsProvider for CachedStatistics<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        self.searcher.total_num_tokens(field)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        self.searcher.total_num_docs()
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        Ok(self.doc_freqs.get(self.searcher, term))
    }
}

/// How a persisted index is opened or built, besides the documents.
#[derive(Debug, Default, Clone, Copy)]
pub struct Persist<'a> {
    /// Build a new generation even when the current one is up to date.
    pub force: bool,
    /// Why the current generation is known to be damaged (its library snapshot does not read):
    /// it is rebuilt, as a repair.
    pub damaged: Option<&'a str>,
    /// The library snapshot the generation keeps: written into a new one, and into a reused one
    /// (whose snapshot was stale or missing, or the engine would not have parsed the library).
    pub snapshot: Option<&'a [u8]>,
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

/// The question field's text for an exchange: what the transcript's title says it is about
/// (a spokesperson's remarks on one matter), asker and question.
fn question_text(d: &Document, exchange: Option<usize>) -> String {
    let asked = exchange
        .and_then(|e| d.exchanges[e].question.as_ref())
        .map(|q| format!("{}：{}", q.speaker, d.turn_text(q)))
        .unwrap_or_default();
    match d.subject() {
        Some(subject) => format!("{subject}\n{asked}"),
        None => asked,
    }
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
    ///
    /// A persisted index lives in `dir` as generations: each build goes into a hidden
    /// `.pressroom-build-…` folder, is renamed to `pressroom-…` when whole, and the file
    /// `pressroom.current` (replaced atomically) names the one to read. A reader therefore always
    /// sees a whole index; a build never disturbs one. Opening checks more than the fingerprint:
    /// every file's checksum and the passage count. A damaged index is rebuilt. Only entries
    /// pressroom made are ever removed.
    pub fn open_or_build(
        dir: Option<&Path>,
        docs: &[Document],
        lexicon: &Lexicon,
        persist: Persist<'_>,
        mut progress: impl FnMut(usize, usize),
    ) -> Result<SearchIndex> {
        let Some(dir) = dir else {
            let (schema, fields) = schema();
            let index = Index::create_in_ram(schema);
            fill(&index, fields, docs, lexicon, &mut progress)?;
            let index = SearchIndex::from_index(index, fields, IndexOrigin::Memory)?;
            index.use_tokenizer(lexicon);
            return Ok(index);
        };
        let print = fingerprint(docs, lexicon);
        check_dir_is_ours(dir)?;
        let mut origin = IndexOrigin::Built;
        if let Some(reason) = persist.damaged {
            tracing::warn!(dir = %dir.display(), %reason, "the persisted index is damaged; rebuilding it");
            origin = IndexOrigin::Repaired;
        } else if !persist.force {
            match open_current(dir, |_, stored| Ok((stored == print).then_some(()))) {
                Ok(Some((index, ()))) => {
                    if let Some(snapshot) = persist.snapshot {
                        index.replace_snapshot(snapshot);
                    }
                    index.use_tokenizer(lexicon);
                    return Ok(index);
                }
                Ok(None) => {}
                Err(reason) => {
                    tracing::warn!(dir = %dir.display(), %reason, "the persisted index is damaged; rebuilding it");
                    origin = IndexOrigin::Repaired;
                }
            }
        }
        match build_generation(dir, &print, docs, lexicon, persist.snapshot, &mut progress) {
            Ok(generation) => {
                // Another process's build may have replaced (and removed) ours already: then
                // what `pressroom.current` names now is read, a whole index of the same data.
                let index = open_generation(&generation, None)
                    .or_else(|reason| {
                        match open_current(dir, |_, stored| Ok((stored == print).then_some(()))) {
                            Ok(Some((index, ()))) => Ok(index),
                            _ => Err(reason),
                        }
                    })
                    .map_err(|reason| {
                        Error::Index(tantivy::TantivyError::InternalError(format!(
                            "{}: {reason}",
                            generation.display()
                        )))
                    })?;
                index.use_tokenizer(lexicon);
                Ok(SearchIndex { origin, ..index })
            }
            Err(e) if !persist.force => {
                // A read-only or full disk: still answer, from memory, and say so.
                tracing::warn!(dir = %dir.display(), error = %e, "cannot write the index there; building it in memory for this run (run `pressroom index --force` where the folder is writable)");
                SearchIndex::open_or_build(None, docs, lexicon, Persist::default(), progress)
            }
            Err(e) => Err(e),
        }
    }

    /// Opens the generation `pressroom.current` names, with what `read` makes of the library
    /// snapshot kept in it, without looking at the documents: for a start where the engine
    /// knows, from the snapshot alone, that nothing changed. `Ok(None)`: no index, no
    /// snapshot, or `read` found it stale (`Ok(None)`). `Err`: the snapshot (as `read` says)
    /// or the index is damaged (the reason). The tokenizer is registered later
    /// ([`SearchIndex::use_tokenizer`]), so jieba can load meanwhile.
    pub fn open_snapshot<T>(
        dir: &Path,
        mut read: impl FnMut(&[u8]) -> std::result::Result<Option<T>, String>,
    ) -> std::result::Result<Option<(SearchIndex, T)>, String> {
        open_current(dir, |generation, _| {
            let path = generation.join(SNAPSHOT_FILE);
            match std::fs::read(&path) {
                Ok(bytes) => read(&bytes),
                // A generation built before snapshots were kept: parsed once, then kept. (One
                // that a build removed meanwhile is an error, so the new one is read.)
                Err(e)
                    if e.kind() == std::io::ErrorKind::NotFound
                        && generation.join(FINGERPRINT_FILE).is_file() =>
                {
                    Ok(None)
                }
                Err(e) => Err(format!("{}: {e}", path.display())),
            }
        })
    }

    /// Registers the search tokenizer (jieba with the user dictionary) under the name the
    /// schema's text fields give.
    pub fn use_tokenizer(&self, lexicon: &Lexicon) {
        self.searcher
            .index()
            .tokenizers()
            .register(TOKENIZER_NAME, ChineseTokenizer::search(lexicon.jieba()));
    }

    /// Puts `snapshot` in the generation this index was read from, in place of a stale one. A
    /// file renamed over the old one: a reader has the old file or the new one, whole. Failing
    /// (a read-only folder) only means the next start parses the library again.
    fn replace_snapshot(&self, snapshot: &[u8]) {
        let Some(generation) = &self.generation else {
            return;
        };
        let tmp = generation.join(format!(".{SNAPSHOT_FILE}.{}", unique_suffix()));
        let written = std::fs::write(&tmp, snapshot)
            .and_then(|()| std::fs::rename(&tmp, generation.join(SNAPSHOT_FILE)));
        if let Err(e) = written {
            let _ = std::fs::remove_file(&tmp);
            tracing::debug!(generation = %generation.display(), error = %e, "the library snapshot was not updated");
        }
    }

    fn from_index(index: Index, fields: Fields, origin: IndexOrigin) -> Result<SearchIndex> {
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let searcher = reader.searcher();
        let passages = searcher.num_docs() as usize;
        let mut words = 0;
        let mut passage_of = Vec::with_capacity(searcher.segment_readers().len());
        for segment in searcher.segment_readers() {
            words += segment.inverted_index(fields.text)?.total_num_tokens();
            let fast = segment.fast_fields();
            let (docs, paragraphs) = (fast.u64("doc_ord")?, fast.u64("paragraph")?);
            passage_of.push(
                (0..segment.max_doc())
                    .map(|d| {
                        let value = |c: &tantivy::columnar::Column<u64>| {
                            c.first(d).unwrap_or_default() as u32
                        };
                        (value(&docs), value(&paragraphs))
                    })
                    .collect(),
            );
        }
        Ok(SearchIndex {
            searcher,
            passage_of,
            fields,
            origin,
            passages,
            words,
            generation: None,
            doc_freqs: DocFreqs::default(),
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

    /// Number of words (search-mode tokens) in all passages.
    pub fn words(&self) -> u64 {
        self.words
    }

    /// The best `limit` passages for `query`; of passages scoring alike, those first in the
    /// library.
    pub fn search(&self, query: &dyn Query, limit: usize) -> Result<Vec<RawHit>> {
        // tantivy breaks ties by its own document order, which a build on several threads
        // makes anew each time, and a statement repeated word for word scores alike on every
        // day it was said. A few more than asked for, ordered by the library's order among
        // equals, make the answers the same whichever build they come from.
        let limit = limit.max(1);
        let statistics = CachedStatistics {
            searcher: &self.searcher,
            doc_freqs: &self.doc_freqs,
        };
        let top = self.searcher.search_with_statistics_provider(
            query,
            &TopDocs::with_limit(limit + limit / 4 + TIE_MARGIN).order_by_score(),
            &statistics,
        )?;
        let mut hits: Vec<RawHit> = top
            .into_iter()
            .map(|(score, address)| {
                let (doc, paragraph) =
                    self.passage_of[address.segment_ord as usize][address.doc_id as usize];
                RawHit {
                    doc: doc as usize,
                    paragraph: paragraph as usize,
                    score,
                }
            })
            .collect();
        best_in_library_order(&mut hits, limit);
        Ok(hits)
    }

    /// In how many passages `term` occurs in the passage field (for inverse document frequency).
    pub fn doc_freq(&self, term: &str) -> u64 {
        let t = Term::from_field_text(self.fields.text, term);
        self.doc_freqs.get(&self.searcher, &t)
    }

    /// The passage field's words that `keep` admits, each with the number of passages it
    /// stands in.
    pub fn words_matching(&self, keep: impl Fn(&str) -> bool) -> HashMap<String, u64> {
        let mut out: HashMap<String, u64> = HashMap::new();
        for segment in self.searcher.segment_readers() {
            let Ok(inverted) = segment.inverted_index(self.fields.text) else {
                continue;
            };
            let Ok(mut stream) = inverted.terms().stream() else {
                continue;
            };
            while stream.advance() {
                if let Ok(word) = std::str::from_utf8(stream.key())
                    && keep(word)
                {
                    *out.entry(word.to_string()).or_default() += u64::from(stream.value().doc_freq);
                }
            }
        }
        out
    }

    /// In how many passages `term` occurs in the question field (the reporters' questions the
    /// passages answer): a name a reporter asks about that no answer repeats.
    pub fn question_doc_freq(&self, term: &str) -> u64 {
        let t = Term::from_field_text(self.fields.question, term);
        self.doc_freqs.get(&self.searcher, &t)
    }

    /// In how many passages the terms stand together in the passage field, each at its
    /// character offset (`(0, 南), (1, 麂), (2, 岛)`); 0 for fewer than two terms.
    pub fn phrase_freq(&self, terms: &[(usize, &str)]) -> u64 {
        if terms.len() < 2 {
            return 0;
        }
        let terms = terms
            .iter()
            .map(|&(offset, t)| (offset, Term::from_field_text(self.fields.text, t)))
            .collect();
        let query = PhraseQuery::new_with_offset(terms);
        self.searcher
            .search(&query, &tantivy::collector::Count)
            .map_or(0, |n| n as u64)
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
            must.push((Occur::Must, any_of(self.fields.speaker, &c.speakers)));
        }
        if !c.documents.is_empty() {
            must.push((Occur::Must, any_of(self.fields.doc, &c.documents)));
        }
        if !c.except_speakers.is_empty() {
            // A query of exclusions alone admits nothing: they are taken out of every passage.
            if must.is_empty() {
                must.push((Occur::Must, Box::new(AllQuery)));
            }
            must.push((
                Occur::MustNot,
                any_of(self.fields.speaker, &c.except_speakers),
            ));
        }
        (!must.is_empty()).then(|| Box::new(BooleanQuery::new(must)) as Box<dyn Query>)
    }
}

/// Passages whose `field` holds one of `values`, each scoring 1 (a filter adds the same to every
/// passage it admits). A term query per value rather than a term set, which builds an FST and a
/// bitset of every passage admitted for each question.
fn any_of(field: Field, values: &[String]) -> Box<dyn Query> {
    let mut terms: Vec<Box<dyn Query>> = values
        .iter()
        .map(|v| {
            let term = Term::from_field_text(field, v);
            Box::new(TermQuery::new(term, IndexRecordOption::Basic)) as Box<dyn Query>
        })
        .collect();
    let inner = if terms.len() == 1 {
        terms.remove(0)
    } else {
        Box::new(BooleanQuery::new(
            terms.into_iter().map(|q| (Occur::Should, q)).collect(),
        ))
    };
    Box::new(ConstScoreQuery::new(inner, 1.0))
}

const CURRENT_FILE: &str = "pressroom.current";
const GENERATION_PREFIX: &str = "pressroom-";
const BUILD_PREFIX: &str = ".pressroom-build-";
const CURRENT_TMP_PREFIX: &str = ".pressroom.current.";

/// A name no other process picks: pid and a clock reading.
fn unique_suffix() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    static SEQ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let seq = SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    format!("{}-{nanos:x}-{seq}", std::process::id())
}

/// Files of the first layout (tantivy's files directly in `index.dir`), which pressroom made.
fn is_legacy_entry(name: &str) -> bool {
    if matches!(
        name,
        "meta.json" | ".managed.json" | "pressroom.fingerprint"
    ) || name.starts_with(".tantivy-")
    {
        return true;
    }
    // Segment files: 32 hex digits, a dot, an extension (`…​.idx`, `….store`, `….7.del`).
    name.split_once('.')
        .is_some_and(|(stem, _)| stem.len() == 32 && stem.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// True for an entry of `index.dir` that pressroom made. The first layout's files count only
/// where its `pressroom.fingerprint` says that layout is pressroom's (`legacy`).
fn is_ours(name: &str, legacy: bool) -> bool {
    name == CURRENT_FILE
        || name.starts_with(GENERATION_PREFIX)
        || name.starts_with(BUILD_PREFIX)
        || name.starts_with(CURRENT_TMP_PREFIX)
        || (legacy && is_legacy_entry(name))
}

/// Refuses a directory that holds something but nothing of pressroom's (a mistyped
/// `index.dir` pointing at a home folder, say).
fn check_dir_is_ours(dir: &Path) -> Result<()> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io(dir, e)),
    };
    let names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let legacy = names.iter().any(|n| n == "pressroom.fingerprint");
    if !names.is_empty() && !names.iter().any(|n| is_ours(n, legacy)) {
        return Err(Error::Config(format!(
            "index.dir {} is not empty and holds no pressroom index; choose an empty or new directory",
            dir.display()
        )));
    }
    Ok(())
}

/// Opens the generation `pressroom.current` names when `accept(generation, fingerprint)` takes
/// it (`Ok(Some(_))`: what it read there comes back with the index). `Ok(None)`: there is none,
/// or `accept` found it stale. `Err`: it is damaged (the reason).
fn open_current<T>(
    dir: &Path,
    mut accept: impl FnMut(&Path, &str) -> std::result::Result<Option<T>, String>,
) -> std::result::Result<Option<(SearchIndex, T)>, String> {
    let read_current = || std::fs::read_to_string(dir.join(CURRENT_FILE));
    let mut last_error = String::new();
    // A build elsewhere may replace the generation between reading its name and opening it:
    // then the name has changed, and the new one is read.
    for _ in 0..5 {
        let name = match read_current() {
            Ok(n) => n.trim().to_string(),
            // No index yet, or the first layout (tantivy's files directly in the folder):
            // either way it is built (and the first layout's files removed).
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(format!("{CURRENT_FILE}: {e}")),
        };
        if !name.starts_with(GENERATION_PREFIX) || name.contains(['/', '\\']) || name == ".." {
            return Err(format!("{CURRENT_FILE} names no index ({name:?})"));
        }
        let generation = dir.join(&name);
        match std::fs::read_to_string(generation.join(FINGERPRINT_FILE)) {
            Ok(stored) => {
                let mut lines = stored.lines();
                let print = lines.next().unwrap_or_default().trim();
                let passages = lines.next().and_then(|l| l.trim().parse::<usize>().ok());
                match accept(&generation, print) {
                    Ok(None) => return Ok(None),
                    Ok(Some(found)) => match open_generation(&generation, Some(passages)) {
                        Ok(index) => {
                            let index = SearchIndex {
                                origin: IndexOrigin::Reused,
                                ..index
                            };
                            return Ok(Some((index, found)));
                        }
                        Err(e) => last_error = e,
                    },
                    Err(e) => last_error = e,
                }
            }
            Err(e) => last_error = format!("{}: {e}", generation.join(FINGERPRINT_FILE).display()),
        }
        if read_current().ok().map(|n| n.trim().to_string()).as_deref() == Some(name.as_str()) {
            return Err(last_error);
        }
    }
    Err(last_error)
}

/// Opens one generation for reading: no lock taken, nothing written (a read-only folder
/// works). With `expect`, the index is checked first: every file's checksum, and that it holds
/// the passage count the build recorded (`Some(None)`: no count recorded, damaged).
fn open_generation(
    generation: &Path,
    expect: Option<Option<usize>>,
) -> std::result::Result<SearchIndex, String> {
    let attempt = || -> std::result::Result<SearchIndex, String> {
        let directory = MmapDirectory::open(generation).map_err(|e| e.to_string())?;
        let index = Index::open(NoLockDirectory(directory)).map_err(|e| e.to_string())?;
        let (_, fields) = schema();
        if expect.is_some() {
            let damaged = index.validate_checksum().map_err(|e| e.to_string())?;
            if !damaged.is_empty() {
                let mut names: Vec<_> = damaged.iter().map(|p| p.display().to_string()).collect();
                names.sort();
                return Err(format!("damaged files: {}", names.join(", ")));
            }
        }
        let mut index = SearchIndex::from_index(index, fields, IndexOrigin::Built)
            .map_err(|e| e.to_string())?;
        index.generation = Some(generation.to_path_buf());
        // Every passage's fast fields were read when the index was opened (the table of
        // passages): a damaged column failed there, not in a question.
        if let Some(expected) = expect
            && expected != Some(index.passages)
        {
            return Err(format!(
                "{} passages where the build recorded {}",
                index.passages,
                expected.map_or("none".to_string(), |n| n.to_string())
            ));
        }
        Ok(index)
    };
    // tantivy panics on some damaged files instead of returning an error.
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(attempt)) {
        Ok(r) => r,
        Err(panic) => Err(panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .map_or("the index cannot be read".to_string(), |m| {
                format!("the index cannot be read ({m})")
            })),
    }
}

/// Builds a new generation in a hidden folder, renames it into place and points
/// `pressroom.current` at it (an atomic rename), then removes the generations it replaced.
fn build_generation(
    dir: &Path,
    print: &str,
    docs: &[Document],
    lexicon: &Lexicon,
    snapshot: Option<&[u8]>,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<std::path::PathBuf> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let started = std::time::SystemTime::now();
    let suffix = unique_suffix();
    let building = dir.join(format!("{BUILD_PREFIX}{suffix}"));
    std::fs::create_dir(&building).map_err(|e| Error::io(&building, e))?;
    let result = (|| -> Result<std::path::PathBuf> {
        let (schema, fields) = schema();
        let index = Index::create_in_dir(&building, schema)?;
        let passages = fill(&index, fields, docs, lexicon, progress)?;
        drop(index);
        if let Some(snapshot) = snapshot {
            let path = building.join(SNAPSHOT_FILE);
            std::fs::write(&path, snapshot).map_err(|e| Error::io(&path, e))?;
        }
        let path = building.join(FINGERPRINT_FILE);
        std::fs::write(&path, format!("{print}\n{passages}\n")).map_err(|e| Error::io(&path, e))?;
        let generation = dir.join(format!("{GENERATION_PREFIX}{}-{suffix}", &print[..12]));
        std::fs::rename(&building, &generation).map_err(|e| Error::io(&generation, e))?;
        let tmp = dir.join(format!("{CURRENT_TMP_PREFIX}{suffix}"));
        let name = generation
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        std::fs::write(&tmp, format!("{name}\n")).map_err(|e| Error::io(&tmp, e))?;
        std::fs::rename(&tmp, dir.join(CURRENT_FILE)).map_err(|e| Error::io(&tmp, e))?;
        Ok(generation)
    })();
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&building);
    }
    let generation = result?;
    remove_replaced(dir, &generation, started);
    Ok(generation)
}

/// Removes what `keep` replaced: the generations finished before this build `started` (never
/// the one `pressroom.current` names), the first layout's files, and builds abandoned over an
/// hour ago. Only pressroom's own entries; failures are ignored (a reader
/// that still maps an old generation keeps reading it).
fn remove_replaced(dir: &Path, keep: &Path, started: std::time::SystemTime) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let legacy = dir.join("pressroom.fingerprint").is_file();
    // A racing build may have swapped its own generation in after ours: what
    // `pressroom.current` names is never removed, whoever built it (read again before each
    // removal, since the swap can come at any time).
    let current = || {
        std::fs::read_to_string(dir.join(CURRENT_FILE))
            .map(|n| n.trim().to_string())
            .unwrap_or_default()
    };
    for entry in entries.filter_map(|e| e.ok()) {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path == keep || name == CURRENT_FILE {
            continue;
        }
        let stale = || {
            entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > std::time::Duration::from_secs(3600))
        };
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if name.starts_with(GENERATION_PREFIX) && is_dir {
            // Only generations finished before this build began: one a racing build finished
            // meanwhile may be being opened by it right now.
            let finished_before = entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t < started);
            if finished_before && name != current() {
                let _ = std::fs::remove_dir_all(&path);
            }
        } else if (name.starts_with(BUILD_PREFIX) && is_dir) || name.starts_with(CURRENT_TMP_PREFIX)
        {
            if stale() {
                let _ = std::fs::remove_dir_all(&path).or_else(|_| std::fs::remove_file(&path));
            }
        } else if legacy && is_legacy_entry(&name) && !is_dir {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// A read-only view of an index folder: tantivy's readers take a lock file, which a read-only
/// folder cannot hold; a generation is never written after its build, so none is needed.
#[derive(Debug, Clone)]
struct NoLockDirectory(MmapDirectory);

impl Directory for NoLockDirectory {
    fn get_file_handle(
        &self,
        path: &Path,
    ) -> std::result::Result<std::sync::Arc<dyn FileHandle>, OpenReadError> {
        self.0.get_file_handle(path)
    }
    fn delete(&self, path: &Path) -> std::result::Result<(), DeleteError> {
        self.0.delete(path)
    }
    fn exists(&self, path: &Path) -> std::result::Result<bool, OpenReadError> {
        self.0.exists(path)
    }
    fn open_write(&self, path: &Path) -> std::result::Result<WritePtr, OpenWriteError> {
        self.0.open_write(path)
    }
    fn atomic_read(&self, path: &Path) -> std::result::Result<Vec<u8>, OpenReadError> {
        self.0.atomic_read(path)
    }
    fn atomic_write(&self, path: &Path, data: &[u8]) -> std::io::Result<()> {
        self.0.atomic_write(path, data)
    }
    fn sync_directory(&self) -> std::io::Result<()> {
        self.0.sync_directory()
    }
    fn acquire_lock(&self, _lock: &Lock) -> std::result::Result<DirectoryLock, LockError> {
        Ok(DirectoryLock::from(Box::new(())))
    }
    fn watch(&self, callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.0.watch(callback)
    }
}

/// Keeps the best `limit` hits, best first, and of hits scoring alike those first in the
/// library (by document, then paragraph), whatever order the index gave them in.
fn best_in_library_order(hits: &mut Vec<RawHit>, limit: usize) {
    hits.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.doc.cmp(&b.doc))
            .then(a.paragraph.cmp(&b.paragraph))
    });
    hits.truncate(limit);
}

/// Adds every passage of `docs` to `index` and commits; returns the number of passages.
fn fill(
    index: &Index,
    fields: Fields,
    docs: &[Document],
    lexicon: &Lexicon,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<usize> {
    // tantivy's indexing threads segment the text: each paragraph once, its question once per
    // exchange (the tokenizer remembers what it segmented lately). Passing tantivy tokens
    // instead (pre-tokenized text) cost more than segmenting: tantivy round-trips them
    // through JSON.
    index
        .tokenizers()
        .register(TOKENIZER_NAME, IndexingTokenizer::new(lexicon.jieba()));
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
    let mut writer: IndexWriter = index.writer_with_num_threads(threads, per_thread * threads)?;
    let total = docs.len();
    let mut passages = 0;
    for (ord, d) in docs.iter().enumerate() {
        let date = day_number(d.date.as_deref());
        let mut questions: Vec<Option<String>> = vec![None; d.exchanges.len()];
        let mut batch = Vec::new();
        for (i, p) in d.paragraphs.iter().enumerate() {
            if p.role != Role::Answer {
                continue;
            }
            let mut document = TantivyDocument::new();
            document.add_text(fields.text, &p.text);
            if let Some(e) = p.exchange {
                let question = questions[e].get_or_insert_with(|| question_text(d, Some(e)));
                document.add_text(fields.question, question.as_str());
            }
            let context = context_paragraphs(d, i);
            if !context.is_empty() {
                let parts: Vec<&str> = context
                    .iter()
                    .map(|&j| d.paragraphs[j].text.as_str())
                    .collect();
                document.add_text(fields.context, parts.join(&PARAGRAPH_BREAK.to_string()));
            }
            document.add_text(fields.doc, &d.id);
            document.add_u64(fields.doc_ord, ord as u64);
            document.add_u64(fields.paragraph, i as u64);
            document.add_u64(fields.date, date);
            if let Some(s) = &p.speaker {
                document.add_text(fields.speaker, s);
            }
            batch.push(UserOperation::Add(document));
            passages += 1;
        }
        // One batch per transcript: its passages go to one indexing thread, whose tokenizer
        // then still remembers the paragraphs and questions they share.
        writer.run(batch)?;
        progress(ord + 1, total);
    }
    writer.commit()?;
    // One segment: each question then looks every term up once, and collects from one list.
    let segments = index.searchable_segment_ids()?;
    if segments.len() > 1 {
        writer.merge(&segments).wait()?;
    }
    writer.wait_merging_threads()?;
    progress(total, total);
    Ok(passages)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passages_scoring_alike_are_kept_in_library_order() {
        let hit = |doc: usize, paragraph: usize, score: f32| RawHit {
            doc,
            paragraph,
            score,
        };
        // A statement repeated on four days scores alike each time; the index gave the copies
        // in its own order.
        let mut hits = vec![
            hit(9, 2, 3.0),
            hit(7, 5, 3.0),
            hit(2, 1, 5.0),
            hit(7, 4, 3.0),
            hit(3, 8, 3.0),
            hit(1, 1, 1.0),
        ];
        best_in_library_order(&mut hits, 4);
        let kept: Vec<(usize, usize)> = hits.iter().map(|h| (h.doc, h.paragraph)).collect();
        assert_eq!(kept, [(2, 1), (3, 8), (7, 4), (7, 5)]);
    }
}
