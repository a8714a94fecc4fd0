//! The engine: documents, language data and the index, built once at start and shared by every
//! front (console, Discord, study sessions). Fronts call these methods; none reaches the index.

mod ask;
mod browse;
mod coverage;
mod rank;
mod snapshot;
mod statements;
pub mod study_support;
mod topics;

pub use ask::{AskOptions, CandidateFeatures, ConceptExplained, Explanation};

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

use crate::config::Settings;
use crate::corpus::{self, Document, Role};
use crate::error::{DataError, Error, Result, UserError};
use crate::reply::{AnswerParagraph, DocumentRef, ExchangeView, Hit, TopicSummary};
use crate::search::{IndexOrigin, Persist, SearchIndex, Weights};
use crate::text::{ChineseTokenizer, Lexicon, LexiconSources, normalize_str};
use snapshot::{Library, LibraryRef, Manifest, Snapshot};

pub use topics::pinyin_keys;

/// Where an exchange is: document index and exchange index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ExchangeRef {
    /// Index of the document in the library.
    pub doc: usize,
    /// Index of the exchange in the document.
    pub exchange: usize,
}

/// Counts of what is loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    /// Documents.
    pub documents: usize,
    /// Exchanges.
    pub exchanges: usize,
    /// Passages (answer paragraphs) in the index.
    pub passages: usize,
    /// Bytes of transcript read.
    pub bytes: u64,
}

/// Options for building an engine.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Rebuild a persisted index even when its fingerprint matches.
    pub force_rebuild: bool,
}

/// How one build goes: the caller's options, the manifest of the files read (to keep the
/// library with a persisted index), and why the persisted index is known to be damaged.
struct Build<'a> {
    options: &'a BuildOptions,
    manifest: Option<&'a Manifest>,
    damaged: Option<&'a str>,
}

/// Where the engine's library (documents, topic names, keys) came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LibraryOrigin {
    /// The transcripts were read, parsed and their topics named.
    Parsed,
    /// The snapshot kept with the persisted index was decoded: nothing had changed.
    Snapshot,
}

/// Per-exchange keys for topic lookup and autocomplete.
struct TopicKey {
    at: ExchangeRef,
    id: String,
    title_norm: String,
    question_norm: String,
    pinyin_full: String,
    pinyin_initials: String,
}

/// The question-answering engine.
pub struct Engine {
    lexicon: Lexicon,
    search_tok: ChineseTokenizer,
    documents: Vec<Document>,
    by_id: HashMap<String, usize>,
    by_key: HashMap<String, usize>,
    index: SearchIndex,
    weights: Weights,
    max_query_chars: usize,
    top_k: usize,
    load_errors: Vec<DataError>,
    /// Topic lookup keys, every exchange in library order: made when a topic is first looked
    /// up (`ask` never does), so a start neither decodes nor keeps them.
    topic_keys: std::sync::OnceLock<Vec<TopicKey>>,
    bytes: u64,
    /// Names that answer in the library (耿爽, 王毅): a question naming one is filtered on it.
    speakers: Vec<String>,
    /// The library's words of two to four Han characters by their pinyin (wangyang → 汪洋),
    /// the most used of each: a name an English question writes in pinyin. Made on the first
    /// English question.
    words_by_pinyin: std::sync::OnceLock<HashMap<String, String>>,
    /// Per document, per paragraph: what is read off its text for matching, made when it is
    /// first a candidate, so start-up does not go over the whole library.
    derived: Vec<Vec<Derived>>,
    /// Per document: its day as `yyyymmdd` (0: unknown).
    days: Vec<u64>,
    library_origin: LibraryOrigin,
}

/// What a paragraph's text gives for matching, the same for every question: made once, when
/// the paragraph is first a candidate.
#[derive(Default)]
struct Derived {
    /// The normalised text; `None` where the text is its own normal form for matching words
    /// (most of it).
    normal: std::sync::OnceLock<Option<Box<str>>>,
    /// Its statement sketch, to find repeats among the candidates.
    sketch: std::sync::OnceLock<statements::Sketch>,
    /// Share of its exchange's question (as character pairs) it repeats: an answer that
    /// restates the reporter's question.
    restates: std::sync::OnceLock<f32>,
}

static CITATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(\S+)?\s*(.*?)\s*[¶#]\s*(\d+)\s*$").unwrap());

impl Engine {
    /// Loads the transcripts of `settings.data.dir` (or the embedded ones when it does not
    /// exist) and builds or opens the index. Transcripts that fail to parse are reported in
    /// [`Engine::load_errors`]; the rest load.
    pub fn load(settings: &Settings) -> Result<Engine> {
        Engine::load_with(settings, &BuildOptions::default(), |_, _| {}, |_, _| {})
    }

    /// [`Engine::load`] with progress callbacks: `on_file(path, bytes)` while reading,
    /// `on_index(done, total)` while indexing.
    ///
    /// With a persisted index, the library parsed at its build is kept beside it (a snapshot
    /// in the index's generation) with a manifest of the files it came from; a start whose
    /// files match the manifest decodes that instead of reading the transcripts
    /// ([`LibraryOrigin::Snapshot`]). A snapshot that does not read is damage: the index is
    /// rebuilt ([`IndexOrigin::Repaired`]).
    pub fn load_with(
        settings: &Settings,
        options: &BuildOptions,
        on_file: impl FnMut(&Path, u64),
        on_index: impl FnMut(usize, usize),
    ) -> Result<Engine> {
        let data = &settings.data.dir;
        let transcripts = data.join("transcripts");
        let from_folder = transcripts.is_dir();
        let sources = if from_folder {
            LexiconSources::read(data)?
        } else {
            let served: Vec<&str> = corpus::EMBEDDED_TRANSCRIPTS
                .iter()
                .map(|(id, _)| *id)
                .collect();
            tracing::warn!(
                "no transcripts folder at {} (data.dir = {}, working directory {}): serving the transcript built into the binary instead ({})",
                transcripts.display(),
                data.display(),
                std::env::current_dir().unwrap_or_default().display(),
                served.join(", ")
            );
            LexiconSources::embedded()
        };
        std::thread::scope(|scope| {
            // jieba's dictionary takes about 0.1 s to build: on a second thread, while the
            // files are listed and the snapshot or the transcripts read.
            let building = scope.spawn(|| sources.build());
            let lexicon = || {
                building
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            };
            let folder = if from_folder {
                Some(corpus::walk_transcripts(&transcripts)?)
            } else {
                None
            };
            let manifest = Manifest::new(
                folder
                    .as_ref()
                    .map(|(files, _)| (transcripts.as_path(), files.as_slice())),
                &sources,
            );
            let mut damaged = None;
            if let Some(dir) = settings.index_dir()
                && !options.force_rebuild
            {
                let opened = SearchIndex::open_snapshot(dir, |bytes| {
                    match snapshot::read(bytes, &manifest).map_err(|e| e.to_string())? {
                        Snapshot::Fresh(library) => Ok(Some(library)),
                        Snapshot::Stale(changes) => {
                            tracing::info!(dir = %dir.display(), changes = %changes.join(", "), "the library changed since the index was built; reading the transcripts");
                            Ok(None)
                        }
                    }
                });
                match opened {
                    Ok(Some((index, library))) => {
                        let lexicon = lexicon()?;
                        index.use_tokenizer(&lexicon);
                        return Ok(Engine::assemble(
                            library,
                            lexicon,
                            index,
                            settings,
                            LibraryOrigin::Snapshot,
                        ));
                    }
                    Ok(None) => {}
                    Err(reason) => damaged = Some(reason),
                }
            }
            let loaded = match &folder {
                Some((files, errors)) => {
                    corpus::load_files(&transcripts, files, errors.clone(), on_file)
                }
                None => corpus::load_embedded(),
            };
            for e in &loaded.errors {
                tracing::debug!("skipped transcript: {e}");
            }
            if loaded.documents.is_empty() {
                return Err(Error::Data(DataError {
                    path: transcripts.clone(),
                    line: None,
                    message: "no transcript could be loaded".into(),
                }));
            }
            let build = Build {
                options,
                manifest: Some(&manifest),
                damaged: damaged.as_deref(),
            };
            Engine::build_from(loaded, lexicon()?, settings, build, on_index)
        })
    }

    /// Builds an engine over already loaded documents.
    pub fn build(
        loaded: corpus::Loaded,
        lexicon: Lexicon,
        settings: &Settings,
        options: &BuildOptions,
        on_index: impl FnMut(usize, usize),
    ) -> Result<Engine> {
        let build = Build {
            options,
            manifest: None,
            damaged: None,
        };
        Engine::build_from(loaded, lexicon, settings, build, on_index)
    }

    fn build_from(
        loaded: corpus::Loaded,
        lexicon: Lexicon,
        settings: &Settings,
        build: Build<'_>,
        on_index: impl FnMut(usize, usize),
    ) -> Result<Engine> {
        let corpus::Loaded {
            mut documents,
            errors,
            bytes,
        } = loaded;
        let exact_tok = ChineseTokenizer::exact(lexicon.jieba());
        name_topics(&mut documents, &exact_tok, &lexicon);
        // Buttons name documents by a short key; two documents with one key would make a
        // button quote the wrong one, so that stops the build (rename either file).
        let mut by_key = HashMap::new();
        for (i, d) in documents.iter().enumerate() {
            let key = document_key(&d.id);
            if let Some(other) = by_key.insert(key.clone(), i) {
                return Err(Error::Data(DataError {
                    path: d.path.clone(),
                    line: None,
                    message: format!(
                        "documents “{}” and “{}” share the short key {key} that buttons carry; rename either file",
                        documents[other].id, d.id
                    ),
                }));
            }
        }
        let library = Library {
            speakers: ask::library_speakers(&documents),
            documents,
            load_errors: errors,
            bytes,
        };
        let snapshot = match (settings.index_dir(), build.manifest) {
            (Some(_), Some(manifest)) if manifest.trusted() => {
                let borrowed = LibraryRef {
                    documents: &library.documents,
                    load_errors: &library.load_errors,
                    bytes: library.bytes,
                    speakers: &library.speakers,
                };
                snapshot::write(manifest, &borrowed)
                    .inspect_err(|e| tracing::warn!(error = %e, "the library is not kept with the index; every start will read the transcripts"))
                    .ok()
            }
            _ => None,
        };
        let index = SearchIndex::open_or_build(
            settings.index_dir(),
            &library.documents,
            &lexicon,
            Persist {
                force: build.options.force_rebuild,
                damaged: build.damaged,
                snapshot: snapshot.as_deref(),
            },
            on_index,
        )?;
        drop(snapshot);
        Ok(Engine::assemble(
            library,
            lexicon,
            index,
            settings,
            LibraryOrigin::Parsed,
        ))
    }

    /// The engine over a library whose build already succeeded (its keys are distinct).
    fn assemble(
        library: Library,
        lexicon: Lexicon,
        index: SearchIndex,
        settings: &Settings,
        library_origin: LibraryOrigin,
    ) -> Engine {
        let Library {
            documents,
            load_errors,
            bytes,
            speakers,
        } = library;
        let by_id = documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.clone(), i))
            .collect();
        let by_key = documents
            .iter()
            .enumerate()
            .map(|(i, d)| (document_key(&d.id), i))
            .collect();
        let derived = documents
            .iter()
            .map(|d| d.paragraphs.iter().map(|_| Derived::default()).collect())
            .collect();
        let days = documents
            .iter()
            .map(|d| crate::search::day_number(d.date.as_deref()))
            .collect();
        Engine {
            search_tok: ChineseTokenizer::search(lexicon.jieba()),
            lexicon,
            documents,
            by_id,
            by_key,
            index,
            weights: Weights::default(),
            max_query_chars: settings.search.max_query_chars,
            top_k: settings.search.top_k,
            load_errors,
            topic_keys: std::sync::OnceLock::new(),
            words_by_pinyin: std::sync::OnceLock::new(),
            bytes,
            speakers,
            derived,
            days,
            library_origin,
        }
    }

    /// Where the library came from: parsed now, or decoded from the snapshot kept with the
    /// persisted index.
    pub fn library_origin(&self) -> LibraryOrigin {
        self.library_origin
    }

    /// Files that were skipped, with why.
    pub fn load_errors(&self) -> &[DataError] {
        &self.load_errors
    }

    /// How the index was obtained.
    pub fn index_origin(&self) -> IndexOrigin {
        self.index.origin()
    }

    /// The configured number of passages per answer.
    pub fn default_top(&self) -> usize {
        self.top_k
    }

    /// The documents.
    pub fn documents(&self) -> &[Document] {
        &self.documents
    }

    /// Counts.
    pub fn stats(&self) -> Stats {
        Stats {
            documents: self.documents.len(),
            exchanges: self.documents.iter().map(|d| d.exchanges.len()).sum(),
            passages: self.index.passages(),
            bytes: self.bytes,
        }
    }

    /// Replaces the ranking weights (for tuning).
    pub fn set_weights(&mut self, weights: Weights) {
        self.weights = weights;
    }

    /// Checks a question a person typed in chat: not empty, not over `max_chars`.
    pub fn check_question(&self, question: &str, max_chars: usize) -> Result<(), UserError> {
        let chars = question.chars().count();
        if chars > max_chars {
            return Err(UserError::QuestionTooLong {
                chars,
                max: max_chars,
            });
        }
        if !question.chars().any(char::is_alphanumeric) {
            return Err(UserError::EmptyQuestion);
        }
        Ok(())
    }

    /// Every exchange, in library order.
    pub fn topics(&self) -> Vec<TopicSummary> {
        self.documents
            .iter()
            .enumerate()
            .flat_map(|(doc, d)| {
                (0..d.exchanges.len()).map(move |exchange| ExchangeRef { doc, exchange })
            })
            .map(|at| self.summary(at))
            .collect()
    }

    fn summary(&self, at: ExchangeRef) -> TopicSummary {
        let doc = &self.documents[at.doc];
        let ex = &doc.exchanges[at.exchange];
        TopicSummary {
            id: exchange_id(doc, ex.number),
            title: ex.topic.clone(),
            asker: ex.question.as_ref().map(|q| q.speaker.clone()),
            question: ex.question.as_ref().map(|q| doc.turn_text(q)),
            answerer: ex.answerer.clone(),
            paragraphs: doc.answer_paragraphs(ex).len(),
        }
    }

    /// Finds one exchange by id (`doc#3`, or `3` when there is one document), by topic name, or
    /// by a word of its topic or question.
    pub fn find_exchange(&self, name: &str) -> Result<ExchangeRef, UserError> {
        let name = name.trim();
        let unknown = || UserError::UnknownTopic(name.chars().take(60).collect());
        if name.is_empty() {
            return Err(unknown());
        }
        if let Some(k) = self.topic_keys().iter().find(|k| k.id == name) {
            return Ok(k.at);
        }
        if let (Ok(n), [doc]) = (
            name.trim_start_matches('#').parse::<usize>(),
            self.documents.as_slice(),
        ) && let Some(k) = self
            .topic_keys()
            .iter()
            .find(|k| k.id == exchange_id(doc, n))
        {
            return Ok(k.at);
        }
        self.suggest_exchanges(name, 1)
            .into_iter()
            .next()
            .ok_or_else(unknown)
    }

    /// The whole exchange.
    pub fn exchange(&self, at: ExchangeRef) -> Option<ExchangeView> {
        let doc = self.documents.get(at.doc)?;
        let ex = doc.exchanges.get(at.exchange)?;
        let answer = doc
            .answer_paragraphs(ex)
            .into_iter()
            .map(|i| {
                let p = &doc.paragraphs[i];
                AnswerParagraph {
                    paragraph: p.number,
                    speaker: p.speaker.clone().unwrap_or_default(),
                    text: p.text.clone(),
                    citation: doc.citation(p.number),
                }
            })
            .collect();
        Some(ExchangeView {
            summary: self.summary(at),
            document: DocumentRef {
                id: doc.id.clone(),
                title: doc.title.clone(),
                date: doc.date.clone(),
            },
            answer,
        })
    }

    /// Exchanges matching what someone is typing: exact id, then topic name, question text,
    /// pinyin of the topic (`nanhai` → 南海) or its initials (`ydyl` → 一带一路). At most `limit`.
    /// Pinyin only finds topic names here; it never matches passages (homophones would).
    pub fn suggest_exchanges(&self, typed: &str, limit: usize) -> Vec<ExchangeRef> {
        let norm = normalize_str(typed.trim());
        let ascii: String = norm.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
        let mut scored: Vec<(u8, usize, ExchangeRef)> = Vec::new();
        for (i, k) in self.topic_keys().iter().enumerate() {
            let rank = if norm.is_empty() {
                Some(5)
            } else if k.id == norm || k.title_norm == norm {
                Some(0)
            } else if k.title_norm.contains(&norm) {
                Some(1)
            } else if !ascii.is_empty()
                && ascii.len() == norm.chars().filter(|c| !c.is_whitespace()).count()
                && (k.pinyin_full.starts_with(&ascii) || k.pinyin_initials.starts_with(&ascii))
            {
                Some(2)
            } else if k.question_norm.contains(&norm) {
                Some(3)
            } else if !ascii.is_empty()
                && ascii.len() >= 3
                && ascii.len() == norm.chars().filter(|c| !c.is_whitespace()).count()
                && k.pinyin_full.contains(&ascii)
            {
                Some(4)
            } else {
                None
            };
            if let Some(r) = rank {
                scored.push((r, i, k.at));
            }
        }
        scored.sort_by_key(|(r, i, _)| (*r, *i));
        scored
            .into_iter()
            .take(limit)
            .map(|(_, _, at)| at)
            .collect()
    }

    fn topic_keys(&self) -> &[TopicKey] {
        self.topic_keys.get_or_init(|| topic_keys(&self.documents))
    }

    /// Topic summaries for what someone is typing (autocomplete).
    pub fn suggest_topics(&self, typed: &str, limit: usize) -> Vec<TopicSummary> {
        self.suggest_exchanges(typed, limit)
            .into_iter()
            .map(|at| self.summary(at))
            .collect()
    }

    /// The summary of one exchange.
    pub fn topic(&self, at: ExchangeRef) -> TopicSummary {
        self.summary(at)
    }

    /// Where exchange `id` (`doc#n`) is.
    pub fn exchange_ref(&self, id: &str) -> Option<ExchangeRef> {
        self.topic_keys().iter().find(|k| k.id == id).map(|k| k.at)
    }

    /// The passage at paragraph number `number` of document `doc`, as a hit (rank 1, score 0).
    pub fn passage(&self, doc: &str, number: usize) -> Option<Hit> {
        let &d = self.by_id.get(doc)?;
        let i = number.checked_sub(1)?;
        let p = self.documents[d].paragraphs.get(i)?;
        if p.role == Role::Narration {
            return None;
        }
        self.hit(d, i, 0.0, 1, &HashSet::new())
    }

    /// The passage a citation names: `2024-03-07 王毅记者会 ¶23`, `doc-id ¶23`, `doc-id#23`, or
    /// `¶23` when there is one document.
    pub fn passage_by_citation(&self, citation: &str) -> Result<Hit, UserError> {
        let unknown = || UserError::UnknownCitation(citation.chars().take(80).collect());
        let c = CITATION.captures(citation).ok_or_else(unknown)?;
        let number: usize = c[3].parse().map_err(|_| unknown())?;
        let first = c.get(1).map(|m| m.as_str()).unwrap_or_default();
        let rest = c.get(2).map(|m| m.as_str()).unwrap_or_default();
        let candidates: Vec<&Document> = self
            .documents
            .iter()
            .filter(|d| {
                (first.is_empty() && rest.is_empty())
                    || d.id == first
                    || (d.date.as_deref() == Some(first) && (rest.is_empty() || d.label == rest))
                    || (rest.is_empty() && d.label == first)
            })
            .collect();
        match candidates.as_slice() {
            [d] => self.passage(&d.id, number).ok_or_else(unknown),
            _ => Err(unknown()),
        }
    }

    /// A short, stable name of a passage (`k3f9a2.7`: a key of its document's id and the
    /// paragraph number) for places with little room, such as a button's custom_id. It stays
    /// valid across restarts and while other transcripts are added.
    pub fn passage_key(&self, hit: &Hit) -> String {
        format!("{}.{}", document_key(&hit.document.id), hit.paragraph)
    }

    /// The passage a [`Engine::passage_key`] names, with `terms` (words as they appear in the
    /// text, e.g. a hit's `matched`) highlighted.
    pub fn passage_by_key(&self, key: &str, terms: &[String]) -> Option<Hit> {
        let (doc, number) = key.split_once('.')?;
        let &d = self.by_key.get(doc)?;
        let i = number.parse::<usize>().ok()?.checked_sub(1)?;
        if self.documents[d].paragraphs.get(i)?.role == Role::Narration {
            return None;
        }
        let normalized: Vec<String> = terms.iter().map(|t| normalize_str(t)).collect();
        let highlight: HashSet<&str> = normalized.iter().map(String::as_str).collect();
        self.hit(d, i, 0.0, 1, &highlight)
    }

    /// The words of `sentence` worth asking about in a quiz: domain terms of the user
    /// dictionary and nouns (names, places, organisations) of two characters or more, never
    /// filler. In order of appearance, as they are written in the sentence.
    pub fn key_terms(&self, sentence: &str) -> Vec<String> {
        let jieba = self.lexicon.jieba();
        let mut out: Vec<String> = Vec::new();
        for tag in jieba.tag(sentence, false) {
            let norm = normalize_str(tag.word);
            let noun = matches!(tag.tag, "n" | "nr" | "ns" | "nt" | "nz" | "vn");
            let useful = self.lexicon.is_domain_term(&norm)
                || (noun && tag.word.chars().count() >= 2 && !self.lexicon.is_filler(&norm));
            if useful && !out.iter().any(|w| w == tag.word) {
                out.push(tag.word.to_string());
            }
        }
        out
    }

    /// A short, stable name of an exchange (`k3f9a2#4`), like [`Engine::passage_key`].
    pub fn exchange_key(&self, at: ExchangeRef) -> String {
        format!(
            "{}#{}",
            document_key(&self.documents[at.doc].id),
            at.exchange
        )
    }

    /// The exchange an [`Engine::exchange_key`] names.
    pub fn exchange_by_key(&self, key: &str) -> Option<ExchangeRef> {
        let (doc, n) = key.split_once('#')?;
        let &d = self.by_key.get(doc)?;
        let exchange = n.parse().ok()?;
        (exchange < self.documents[d].exchanges.len()).then_some(ExchangeRef { doc: d, exchange })
    }

    /// A passage chosen from `seed` (any number): the same seed, the same passage.
    pub fn passage_from_seed(&self, seed: u64) -> Option<Hit> {
        let answers: usize = self.index.passages().max(1);
        let mut k = (seed % answers as u64) as usize;
        for (d, doc) in self.documents.iter().enumerate() {
            for (i, p) in doc.paragraphs.iter().enumerate() {
                if p.role == Role::Answer {
                    if k == 0 {
                        return self.hit(d, i, 0.0, 1, &HashSet::new());
                    }
                    k -= 1;
                }
            }
        }
        None
    }
}

/// Six base-36 characters derived from a document id (SHA-256), for [`Engine::passage_key`].
fn document_key(id: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(id.as_bytes());
    let mut n = u64::from_be_bytes(digest[..8].try_into().expect("8 bytes")) % 36u64.pow(6);
    let mut key = [b'0'; 6];
    for slot in key.iter_mut().rev() {
        *slot = b"0123456789abcdefghijklmnopqrstuvwxyz"[(n % 36) as usize];
        n /= 36;
    }
    String::from_utf8(key.to_vec()).expect("ascii")
}

/// The id of exchange `number` of `doc`.
pub fn exchange_id(doc: &Document, number: usize) -> String {
    format!("{}#{}", doc.id, number)
}

fn name_topics(documents: &mut [Document], exact: &ChineseTokenizer, lexicon: &Lexicon) {
    use rayon::prelude::*;
    // Per document, on every core: the candidate words of each question (segmented once, for
    // both passes) and the document frequency of candidate words over its exchanges' questions
    // and first answer paragraphs, so a word every question uses (合作) loses to the one this
    // question is about (人工智能).
    let counted: Vec<(topics::QuestionWords, HashMap<String, usize>)> = documents
        .par_iter()
        .map(|doc| {
            let mut df: HashMap<String, usize> = HashMap::new();
            let mut questions = Vec::with_capacity(doc.exchanges.len());
            for ex in &doc.exchanges {
                let question = ex
                    .question
                    .as_ref()
                    .map(|q| topics::candidate_words(&doc.turn_text(q), exact, lexicon));
                let first_answer = doc
                    .answer_paragraphs(ex)
                    .first()
                    .map(|&i| topics::candidate_words(&doc.paragraphs[i].text, exact, lexicon))
                    .unwrap_or_default();
                let mut seen = HashSet::new();
                for (w, _) in question.iter().flatten().chain(&first_answer) {
                    if seen.insert(w) {
                        *df.entry(w.clone()).or_default() += 1;
                    }
                }
                questions.push(question);
            }
            (questions, df)
        })
        .collect();
    let total: usize = documents.iter().map(|d| d.exchanges.len()).sum();
    let mut df: HashMap<String, usize> = HashMap::new();
    for (_, doc_df) in &counted {
        for (w, n) in doc_df {
            *df.entry(w.clone()).or_default() += n;
        }
    }
    let names: Vec<Vec<String>> = documents
        .par_iter()
        .zip(&counted)
        .map(|(doc, (questions, _))| {
            topics::topic_names(doc, questions, exact, lexicon, &df, total.max(1))
        })
        .collect();
    for (doc, names) in documents.iter_mut().zip(names) {
        for (ex, name) in doc.exchanges.iter_mut().zip(names) {
            ex.topic = name;
        }
    }
}

fn topic_keys(documents: &[Document]) -> Vec<TopicKey> {
    let mut keys = Vec::new();
    for (d, doc) in documents.iter().enumerate() {
        for (e, ex) in doc.exchanges.iter().enumerate() {
            let (pinyin_full, pinyin_initials) = pinyin_keys(&ex.topic);
            keys.push(TopicKey {
                at: ExchangeRef {
                    doc: d,
                    exchange: e,
                },
                id: exchange_id(doc, ex.number),
                title_norm: normalize_str(&ex.topic),
                question_norm: ex
                    .question
                    .as_ref()
                    .map(|q| normalize_str(&doc.turn_text(q)))
                    .unwrap_or_default(),
                pinyin_full,
                pinyin_initials,
            });
        }
    }
    keys
}
