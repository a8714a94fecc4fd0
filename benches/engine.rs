//! Benchmarks: question latency on the seed, index build throughput (against raw jieba on the
//! same text), batch `ask` throughput, the reply path (render + JSON), and start-up: with a
//! persisted index (the library decoded from its snapshot) and without. With the real corpus
//! beside the repository (`../shared/corpus/mfa`, or `$PRESSROOM_BENCH_CORPUS`), also the
//! persisted build (`pressroom index --force`), start-up and latency at scale.
//!
//! Run: `cargo bench` (figures go in the README's Performance section).

use std::hint::black_box;
use std::path::Path;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use pressroom::config::Settings;
use pressroom::corpus::{self, Loaded};
use pressroom::engine::{BuildOptions, Engine, LibraryOrigin};
use pressroom::reply::render::{self, Highlight};
use pressroom::text::Lexicon;

const QUESTIONS: &[&str] = &[
    "中方对人工智能合作持什么立场？",
    "中方如何维护南海的和平稳定？",
    "联合国成立多少年了？",
    "聯合國的作用只能加強嗎",
    "AI governance",
    "去年处理了多少领保案件？",
];

fn build(loaded: &Loaded, lexicon: &Lexicon, s: &Settings) -> Engine {
    let copy = Loaded {
        documents: loaded.documents.clone(),
        errors: Vec::new(),
        bytes: loaded.bytes,
    };
    Engine::build(
        copy,
        lexicon.clone(),
        s,
        &BuildOptions::default(),
        |_, _| {},
    )
    .unwrap()
}

fn seed(c: &mut Criterion) {
    let s = Settings::for_tests();
    let engine = Engine::load(&s).unwrap();
    let loaded = corpus::load_dir(&s.data.dir.join("transcripts"), |_, _| {}).unwrap();
    let lexicon = Lexicon::load(&s.data.dir).unwrap();
    let text: String = loaded
        .documents
        .iter()
        .flat_map(|d| d.paragraphs.iter().map(|p| p.text.as_str()))
        .collect::<Vec<_>>()
        .join("\n");

    let mut g = c.benchmark_group("ask");
    g.bench_function("seed_top3", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) % QUESTIONS.len();
            black_box(engine.ask(QUESTIONS[i], 3))
        })
    });
    g.bench_function("seed_readme_question_top3", |b| {
        b.iter(|| black_box(engine.ask("中方对人工智能合作持什么立场？", 3)))
    });
    g.finish();

    let dev: Vec<String> = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/dev.jsonl"
    ))
    .unwrap()
    .lines()
    .map(|l| {
        serde_json::from_str::<serde_json::Value>(l).unwrap()["q"]
            .as_str()
            .unwrap()
            .to_string()
    })
    .collect();
    let mut g = c.benchmark_group("ask_batch");
    g.throughput(Throughput::Elements(dev.len() as u64));
    g.bench_function("dev30_top5", |b| {
        b.iter(|| {
            dev.iter()
                .map(|q| engine.ask(q, 5).hits.len())
                .sum::<usize>()
        })
    });
    g.finish();

    let answer = engine.ask("中方对人工智能合作持什么立场？", 3);
    let mut g = c.benchmark_group("reply");
    g.bench_function("console_render", |b| {
        b.iter(|| black_box(render::console(&answer, Highlight::Plain)))
    });
    g.bench_function("json", |b| {
        b.iter(|| black_box(serde_json::to_string(&answer).unwrap()))
    });
    // The whole Discord reply path short of the network: ask, key the passages, render the
    // embed and buttons, build serenity's message.
    let bot = pressroom::discord::Bot::with_store(
        Settings::for_tests(),
        std::sync::Arc::new(build(&loaded, &lexicon, &s)),
        std::sync::Arc::new(pressroom::study::SqliteStore::in_memory().unwrap()),
    );
    let options = pressroom::engine::AskOptions {
        top: 3,
        ..Default::default()
    };
    g.bench_function("discord_ask_render_build", |b| {
        b.iter(|| {
            let view = bot.answer_view(
                "中方对人工智能合作持什么立场？",
                &options,
                pressroom::locale::Lang::Zh,
                false,
            );
            black_box(pressroom::discord::send::message(&view))
        })
    });
    g.finish();

    let mut g = c.benchmark_group("index_build");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    g.bench_function("seed_in_memory", |b| {
        b.iter_batched(
            || (),
            |_| black_box(build(&loaded, &lexicon, &s)),
            BatchSize::PerIteration,
        )
    });
    let jieba = lexicon.jieba();
    g.bench_function("seed_raw_jieba_cut_for_search", |b| {
        b.iter(|| {
            text.lines()
                .map(|l| jieba.cut_for_search(l, true).len())
                .sum::<usize>()
        })
    });
    g.bench_function("seed_normalize_then_jieba", |b| {
        let tok = pressroom::text::ChineseTokenizer::search(lexicon.jieba());
        b.iter(|| text.lines().map(|l| tok.terms(l).len()).sum::<usize>())
    });
    g.finish();
}

/// Settings over `data` with the index persisted in `index`, built once; starts then decode the
/// library from its snapshot (checked, so the benchmark measures what it says).
fn persisted(data: &Path, index: &Path) -> Settings {
    let mut s = Settings::for_tests();
    s.data.dir = data.to_path_buf();
    s.index.dir = index.to_path_buf();
    let force = BuildOptions {
        force_rebuild: true,
    };
    drop(Engine::load_with(&s, &force, |_, _| {}, |_, _| {}).unwrap());
    let e = Engine::load(&s).unwrap();
    assert_eq!(
        e.library_origin(),
        LibraryOrigin::Snapshot,
        "transcripts modified in the last seconds are parsed again: run again"
    );
    s
}

fn startup(c: &mut Criterion) {
    let index = tempfile::tempdir().unwrap();
    let seed = persisted(&Settings::for_tests().data.dir, index.path());
    let mut g = c.benchmark_group("startup");
    g.sample_size(20);
    g.bench_function("seed_persisted", |b| {
        b.iter_with_large_drop(|| Engine::load(&seed).unwrap())
    });
    g.bench_function("seed_in_memory", |b| {
        b.iter_with_large_drop(|| Engine::load(&Settings::for_tests()).unwrap())
    });
    g.bench_function("seed_persisted_force", |b| {
        let force = BuildOptions {
            force_rebuild: true,
        };
        b.iter_with_large_drop(|| Engine::load_with(&seed, &force, |_, _| {}, |_, _| {}).unwrap())
    });
    g.finish();
}

/// A data folder whose transcripts are the MFA corpus and whose data files are this checkout's.
fn corpus_data(corpus: &Path) -> tempfile::TempDir {
    let data = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(corpus, data.path().join("transcripts")).unwrap();
    for name in ["userdict.txt", "filler.txt", "synonyms.txt"] {
        let from = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("data")
            .join(name);
        std::fs::copy(from, data.path().join(name)).unwrap();
    }
    data
}

fn corpus_scale(c: &mut Criterion) {
    // PRESSROOM_BENCH_CORPUS names it elsewhere (a worktree beside the checkout has no ../shared).
    let dir = std::env::var_os("PRESSROOM_BENCH_CORPUS").map_or_else(
        || Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/mfa")).to_path_buf(),
        std::path::PathBuf::from,
    );
    let dir = dir.as_path();
    if !dir.is_dir() {
        eprintln!("corpus benchmarks skipped: {} not found", dir.display());
        return;
    }
    let s = Settings::for_tests();
    let loaded = corpus::load_dir(dir, |_, _| {}).unwrap();
    let lexicon = Lexicon::load(&s.data.dir).unwrap();
    let mut g = c.benchmark_group("corpus");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(loaded.bytes));
    g.bench_function("parse_1460_files", |b| {
        b.iter(|| black_box(corpus::load_dir(dir, |_, _| {}).unwrap().documents.len()))
    });
    g.bench_function("index_build_in_memory", |b| {
        b.iter_batched(
            || (),
            |_| black_box(build(&loaded, &lexicon, &s)),
            BatchSize::PerIteration,
        )
    });
    // What `pressroom index --force` does: read, parse, name, index into a new generation.
    let data = corpus_data(dir);
    let index = tempfile::tempdir().unwrap();
    let persisted = persisted(data.path(), index.path());
    g.bench_function("index_build_persisted_force", |b| {
        let force = BuildOptions {
            force_rebuild: true,
        };
        b.iter(|| black_box(Engine::load_with(&persisted, &force, |_, _| {}, |_, _| {}).unwrap()))
    });
    // What a start with that index does: check the manifest, decode the snapshot, open the index.
    g.bench_function("startup_persisted", |b| {
        b.iter_with_large_drop(|| Engine::load(&persisted).unwrap())
    });
    g.finish();
    let engine = build(&loaded, &lexicon, &s);
    let mut g = c.benchmark_group("corpus_ask");
    g.bench_function("top3", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) % QUESTIONS.len();
            black_box(engine.ask(QUESTIONS[i], 3))
        })
    });
    // The questions the peer comparison asks (../shared/bench), and library questions as people
    // ask them (tests/fixtures/eval), where they are.
    let sets = [
        (
            "scale200_top5",
            dir.join("../../bench/peers/queries/scale-mfa-200.jsonl"),
            5,
        ),
        (
            "library_b_top3",
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/eval/library-b.jsonl"),
            3,
        ),
    ];
    for (name, path, top) in sets {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let questions: Vec<String> = text
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["q"].as_str().map(str::to_string))
            .collect();
        g.bench_function(name, |b| {
            let mut i = 0;
            b.iter(|| {
                i = (i + 1) % questions.len();
                black_box(engine.ask(&questions[i], top))
            })
        });
    }
    g.finish();
}

criterion_group!(benches, seed, startup, corpus_scale);
criterion_main!(benches);
