//! Start-up with a persisted index: the library parsed at the build is kept in the index's
//! generation and decoded while the files it came from are unchanged; any change to a
//! transcript or a data file reads the transcripts again, and a damaged snapshot is repaired.

use std::path::{Path, PathBuf};

use pressroom::Engine;
use pressroom::config::Settings;
use pressroom::engine::LibraryOrigin;
use pressroom::search::IndexOrigin;

const QUESTIONS: &[&str] = &[
    "中方对人工智能合作持什么立场？",
    "正确义利观",
    "联合国成立多少年了？",
    "火星探测",
];

/// A data folder with the seed, a second transcript and one that cannot be read (so the
/// engine has a load error to keep), and settings whose index is in `index`.
fn library(data: &Path, index: &Path) -> Settings {
    std::fs::create_dir_all(data.join("transcripts")).unwrap();
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/transcripts/2024-03-07-wangyi-press-conference-part2.txt"
    );
    std::fs::copy(seed, data.join("transcripts/seed.txt")).unwrap();
    std::fs::write(
        data.join("transcripts/mars.txt"),
        "新闻发布会\n新华社记者：火星探测有何进展？\n发言人：火星探测进展顺利。\n",
    )
    .unwrap();
    std::fs::write(data.join("transcripts/latin1.txt"), b"\xe9t\xe9").unwrap();
    for name in ["seed.txt", "mars.txt", "latin1.txt"] {
        set_age(&data.join("transcripts").join(name), 3600);
    }
    for name in ["userdict.txt", "filler.txt", "synonyms.txt"] {
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("data")
                .join(name),
            data.join(name),
        )
        .unwrap();
    }
    let mut s = Settings::for_tests();
    s.data.dir = data.to_path_buf();
    s.index.dir = index.to_path_buf();
    s
}

/// Dates `path` `seconds` back: a file modified just before a start is read again at the next
/// one (its stamp could hide a second change within the file system's time resolution).
fn set_age(path: &Path, seconds: u64) {
    let then = std::time::SystemTime::now() - std::time::Duration::from_secs(seconds);
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(then)
        .unwrap();
}

/// Everything a front can see of the engine, as text: answers, topics, counts, skipped files.
fn observed(e: &Engine) -> String {
    let mut out = String::new();
    for q in QUESTIONS {
        out += &serde_json::to_string(&e.ask(q, 5)).unwrap();
        out.push('\n');
    }
    out += &serde_json::to_string(&e.topics()).unwrap();
    out += &format!("\n{:?}\n{:?}\n", e.stats(), e.load_errors());
    let hit = &e.ask("正确义利观", 1).hits[0];
    out += &serde_json::to_string(&e.passage_by_key(&e.passage_key(hit), &[])).unwrap();
    out
}

fn origins(s: &Settings) -> (IndexOrigin, LibraryOrigin, String) {
    let e = Engine::load(s).unwrap();
    (e.index_origin(), e.library_origin(), observed(&e))
}

/// The current generation's snapshot file.
fn snapshot_file(index: &Path) -> PathBuf {
    let current = std::fs::read_to_string(index.join("pressroom.current")).unwrap();
    index.join(current.trim()).join("pressroom.library")
}

#[test]
fn a_second_start_decodes_the_library_and_answers_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let s = library(&dir.path().join("data"), &dir.path().join("index"));
    let (index, library, first) = origins(&s);
    assert_eq!(
        (index, library),
        (IndexOrigin::Built, LibraryOrigin::Parsed)
    );
    assert!(first.contains("latin1.txt"), "the load error is observed");
    let (index, library, second) = origins(&s);
    assert_eq!(
        (index, library),
        (IndexOrigin::Reused, LibraryOrigin::Snapshot)
    );
    assert_eq!(second, first);
}

#[test]
fn a_changed_transcript_reads_them_again() {
    type Change = fn(&Path);
    let changes: [(&str, Change, IndexOrigin); 5] = [
        (
            "touched",
            |t| set_age(&t.join("mars.txt"), 60),
            IndexOrigin::Reused,
        ),
        (
            "rewritten, same size",
            |t| {
                let text = std::fs::read_to_string(t.join("mars.txt")).unwrap();
                std::fs::write(t.join("mars.txt"), text.replace("顺利", "缓慢")).unwrap();
                set_age(&t.join("mars.txt"), 60);
            },
            IndexOrigin::Built,
        ),
        (
            "added",
            |t| {
                std::fs::write(
                    t.join("moon.txt"),
                    "新闻发布会\n新华社记者：探月工程有何进展？\n发言人：嫦娥六号顺利返回。\n",
                )
                .unwrap();
                set_age(&t.join("moon.txt"), 60);
            },
            IndexOrigin::Built,
        ),
        (
            "removed",
            |t| std::fs::remove_file(t.join("mars.txt")).unwrap(),
            IndexOrigin::Built,
        ),
        (
            "the unreadable one fixed",
            |t| {
                std::fs::write(t.join("latin1.txt"), "标题\n记者：问？\n王毅：答。\n").unwrap();
                set_age(&t.join("latin1.txt"), 60);
            },
            IndexOrigin::Built,
        ),
    ];
    for (what, change, expected_index) in changes {
        let dir = tempfile::tempdir().unwrap();
        let s = library(&dir.path().join("data"), &dir.path().join("index"));
        drop(Engine::load(&s).unwrap());
        change(&dir.path().join("data/transcripts"));
        let (index, library, after) = origins(&s);
        assert_eq!(
            (index, library),
            (expected_index, LibraryOrigin::Parsed),
            "{what}"
        );
        // The snapshot is kept up to date: the next start decodes what this one parsed.
        let (index, library, again) = origins(&s);
        assert_eq!(
            (index, library),
            (IndexOrigin::Reused, LibraryOrigin::Snapshot),
            "{what}"
        );
        assert_eq!(again, after, "{what}");
    }
}

#[test]
fn a_changed_data_file_reads_the_transcripts_again() {
    for (name, line, expected_index) in [
        ("userdict.txt", "\n火星探测 3000 n\n", IndexOrigin::Built),
        ("filler.txt", "\n进展\n", IndexOrigin::Reused),
        ("synonyms.txt", "\n火星 = 荧惑\n", IndexOrigin::Reused),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let s = library(&data, &dir.path().join("index"));
        drop(Engine::load(&s).unwrap());
        let mut text = std::fs::read_to_string(data.join(name)).unwrap();
        text += line;
        std::fs::write(data.join(name), text).unwrap();
        let e = Engine::load(&s).unwrap();
        assert_eq!(
            (e.index_origin(), e.library_origin()),
            (expected_index, LibraryOrigin::Parsed),
            "{name}"
        );
    }
}

#[test]
fn a_damaged_snapshot_is_repaired() {
    type Harm = fn(&Path);
    let harms: [(&str, Harm); 4] = [
        ("flipped bytes", |p| {
            let mut bytes = std::fs::read(p).unwrap();
            let mid = bytes.len() / 2;
            for b in &mut bytes[mid..mid + 16] {
                *b ^= 0x5a;
            }
            std::fs::write(p, bytes).unwrap();
        }),
        ("truncated", |p| {
            let f = std::fs::File::options().write(true).open(p).unwrap();
            f.set_len(100).unwrap();
        }),
        ("emptied", |p| std::fs::write(p, "").unwrap()),
        ("a folder in its place", |p| {
            std::fs::remove_file(p).unwrap();
            std::fs::create_dir(p).unwrap();
        }),
    ];
    for (what, harm) in harms {
        let dir = tempfile::tempdir().unwrap();
        let index = dir.path().join("index");
        let s = library(&dir.path().join("data"), &index);
        let (_, _, built) = origins(&s);
        harm(&snapshot_file(&index));
        let (index_origin, library, repaired) = origins(&s);
        assert_eq!(
            (index_origin, library),
            (IndexOrigin::Repaired, LibraryOrigin::Parsed),
            "{what}"
        );
        assert_eq!(repaired, built, "{what}");
        let (index_origin, library, _) = origins(&s);
        assert_eq!(
            (index_origin, library),
            (IndexOrigin::Reused, LibraryOrigin::Snapshot),
            "{what}: stays repaired"
        );
    }
}

#[test]
fn a_transcript_modified_just_before_a_start_is_read_again_at_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let s = library(&data, &dir.path().join("index"));
    std::fs::write(
        data.join("transcripts/moon.txt"),
        "新闻发布会\n新华社记者：探月工程有何进展？\n发言人：嫦娥六号顺利返回。\n",
    )
    .unwrap();
    let (_, library, first) = origins(&s);
    assert_eq!(library, LibraryOrigin::Parsed);
    let (index, library, second) = origins(&s);
    assert_eq!(
        (index, library),
        (IndexOrigin::Reused, LibraryOrigin::Parsed)
    );
    assert_eq!(second, first);
    set_age(&data.join("transcripts/moon.txt"), 60);
    drop(Engine::load(&s).unwrap());
    assert_eq!(origins(&s).1, LibraryOrigin::Snapshot);
}

#[test]
fn an_index_without_a_snapshot_gets_one_without_a_rebuild() {
    // What an index built before snapshots were kept looks like.
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let s = library(&dir.path().join("data"), &index);
    let (_, _, built) = origins(&s);
    std::fs::remove_file(snapshot_file(&index)).unwrap();
    let (index_origin, library, parsed) = origins(&s);
    assert_eq!(
        (index_origin, library),
        (IndexOrigin::Reused, LibraryOrigin::Parsed)
    );
    assert_eq!(parsed, built);
    let (index_origin, library, _) = origins(&s);
    assert_eq!(
        (index_origin, library),
        (IndexOrigin::Reused, LibraryOrigin::Snapshot)
    );
}

#[test]
fn a_forced_build_parses_and_the_index_command_then_reads_the_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let index = dir.path().join("index");
    library(&data, &index);
    let run = |force: bool| {
        let mut cmd = crate::pressroom_binary();
        cmd.args(["index", "--dir"]).arg(&index);
        if force {
            cmd.arg("--force");
        }
        let o = cmd.env("PRESSROOM__DATA__DIR", &data).output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        (
            String::from_utf8_lossy(&o.stdout).into_owned(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    };
    let (built, skipped) = run(true);
    assert!(built.starts_with("built:"), "{built}");
    assert!(skipped.contains("latin1.txt"), "{skipped}");
    let (again, skipped) = run(false);
    assert!(
        again.starts_with("up to date, reused (library from its snapshot):"),
        "{again}"
    );
    assert!(
        again.contains("2 documents") && again.contains("1 files skipped"),
        "{again}"
    );
    assert!(skipped.contains("latin1.txt"), "{skipped}");
}
