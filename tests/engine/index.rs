//! The persisted index: built once, reused while the data is unchanged, rebuilt when it changes.

use pressroom::Engine;
use pressroom::config::Settings;
use pressroom::engine::LibraryOrigin;
use pressroom::search::IndexOrigin;

#[test]
fn persisted_index_is_reused_until_the_data_changes() {
    let data = tempfile::tempdir().unwrap();
    let index = tempfile::tempdir().unwrap();
    let index_dir = index.path().join("idx");
    std::fs::create_dir(data.path().join("transcripts")).unwrap();
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/transcripts/2024-03-07-wangyi-press-conference-part2.txt"
    );
    std::fs::copy(seed, data.path().join("transcripts/seed.txt")).unwrap();
    let mut s = Settings::for_tests();
    s.data.dir = data.path().to_path_buf();
    s.index.dir = index_dir.clone();

    let first = Engine::load(&s).unwrap();
    assert_eq!(first.index_origin(), IndexOrigin::Built);
    let answer = first.ask("正确义利观", 1).hits[0].text.clone();
    drop(first);

    let second = Engine::load(&s).unwrap();
    assert_eq!(second.index_origin(), IndexOrigin::Reused);
    assert_eq!(second.ask("正确义利观", 1).hits[0].text, answer);
    drop(second);

    std::fs::write(
        data.path().join("transcripts/extra.txt"),
        "新闻发布会\n新华社记者：火星探测有何进展？\n发言人：火星探测进展顺利。\n",
    )
    .unwrap();
    let third = Engine::load(&s).unwrap();
    assert_eq!(
        third.index_origin(),
        IndexOrigin::Built,
        "a new transcript makes the index stale"
    );
    assert!(
        third.ask("火星探测", 1).hits[0]
            .text
            .contains("火星探测进展顺利")
    );
}

#[test]
fn an_unrelated_non_empty_directory_is_not_wiped() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("precious.txt"), "keep me").unwrap();
    let mut s = Settings::for_tests();
    s.index.dir = dir.path().to_path_buf();
    let err = Engine::load(&s).err().expect("refuses");
    assert!(err.to_string().contains("not empty"), "{err}");
    assert!(dir.path().join("precious.txt").exists());
}

/// A data folder with the seed transcript, and settings whose index lives in `index_dir`.
fn seed_settings(data: &std::path::Path, index_dir: &std::path::Path) -> Settings {
    std::fs::create_dir_all(data.join("transcripts")).unwrap();
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/transcripts/2024-03-07-wangyi-press-conference-part2.txt"
    );
    std::fs::copy(seed, data.join("transcripts/seed.txt")).unwrap();
    // An hour old, so that starts trust its stamp and decode the library kept with the index
    // (a file modified just before a start is parsed again at the next).
    std::fs::File::options()
        .write(true)
        .open(data.join("transcripts/seed.txt"))
        .unwrap()
        .set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(3600))
        .unwrap();
    let mut s = Settings::for_tests();
    s.data.dir = data.to_path_buf();
    s.index.dir = index_dir.to_path_buf();
    s
}

/// Every file below `dir` whose name ends with `suffix`.
fn files_ending(dir: &std::path::Path, suffix: &str) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(files_ending(&p, suffix));
        } else if p.to_string_lossy().ends_with(suffix) {
            out.push(p);
        }
    }
    out
}

/// Flips bytes in the middle of a file.
fn damage(path: &std::path::Path) {
    let mut bytes = std::fs::read(path).unwrap();
    let (mid, len) = (bytes.len() / 2, bytes.len());
    for b in &mut bytes[mid.saturating_sub(8)..(mid + 8).min(len)] {
        *b ^= 0x5a;
    }
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn a_damaged_persisted_index_is_rebuilt() {
    type Harm = fn(&std::path::Path);
    let harms: [(&str, Harm); 5] = [
        ("a damaged .idx", |d| {
            files_ending(d, ".idx").iter().for_each(|p| damage(p))
        }),
        ("a damaged .store", |d| {
            files_ending(d, ".store").iter().for_each(|p| damage(p))
        }),
        ("a damaged .fast", |d| {
            files_ending(d, ".fast").iter().for_each(|p| damage(p))
        }),
        ("a missing meta.json", |d| {
            let metas = files_ending(d, "meta.json");
            assert!(!metas.is_empty());
            metas.iter().for_each(|p| std::fs::remove_file(p).unwrap())
        }),
        ("a truncated .term", |d| {
            for p in files_ending(d, ".term") {
                let f = std::fs::OpenOptions::new().write(true).open(&p).unwrap();
                f.set_len(10).unwrap();
            }
        }),
    ];
    for (what, harm) in harms {
        let data = tempfile::tempdir().unwrap();
        let index = tempfile::tempdir().unwrap();
        let s = seed_settings(data.path(), &index.path().join("idx"));
        let built = Engine::load(&s).unwrap();
        assert_eq!(built.index_origin(), IndexOrigin::Built);
        let expected = built.ask("正确义利观", 1).hits[0].text.clone();
        drop(built);

        harm(&index.path().join("idx"));
        let repaired = Engine::load(&s).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_eq!(repaired.index_origin(), IndexOrigin::Repaired, "{what}");
        let hits = repaired.ask("正确义利观", 1).hits;
        assert_eq!(
            hits.first().map(|h| h.text.clone()),
            Some(expected),
            "{what}"
        );
        drop(repaired);
        let again = Engine::load(&s).unwrap();
        assert_eq!(
            again.index_origin(),
            IndexOrigin::Reused,
            "{what}: stays repaired"
        );
    }
}

#[test]
fn the_index_command_repairs_rather_than_calling_a_damaged_index_up_to_date() {
    let data = tempfile::tempdir().unwrap();
    let index = tempfile::tempdir().unwrap();
    let idx = index.path().join("idx");
    seed_settings(data.path(), &idx);
    let run = || {
        crate::pressroom_binary()
            .args(["index", "--dir"])
            .arg(&idx)
            .env("PRESSROOM__DATA__DIR", data.path())
            .output()
            .unwrap()
    };
    assert!(run().status.success());
    for p in files_ending(&idx, ".idx") {
        damage(&p);
    }
    let o = run();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(out.starts_with("damaged, rebuilt"), "{out}");
    let o = run();
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("up to date"));
}

#[test]
fn a_forced_rebuild_never_disturbs_readers() {
    let data = tempfile::tempdir().unwrap();
    let index = tempfile::tempdir().unwrap();
    let s = seed_settings(data.path(), &index.path().join("idx"));
    drop(Engine::load(&s).unwrap());
    let done = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| {
        let builder = scope.spawn(|| {
            let force = pressroom::engine::BuildOptions {
                force_rebuild: true,
            };
            for _ in 0..8 {
                let e = Engine::load_with(&s, &force, |_, _| {}, |_, _| {}).expect("--force");
                assert_eq!(e.index_origin(), IndexOrigin::Built);
            }
            done.store(true, std::sync::atomic::Ordering::SeqCst);
        });
        let readers: Vec<_> = (0..2)
            .map(|_| {
                scope.spawn(|| {
                    let mut loads = 0;
                    while !done.load(std::sync::atomic::Ordering::SeqCst) || loads < 3 {
                        let e = Engine::load(&s).expect("a reader always sees a whole index");
                        assert_eq!(e.index_origin(), IndexOrigin::Reused);
                        assert_eq!(e.library_origin(), LibraryOrigin::Snapshot);
                        assert!(!e.ask("正确义利观", 1).hits.is_empty());
                        loads += 1;
                    }
                })
            })
            .collect();
        builder.join().unwrap();
        for r in readers {
            r.join().unwrap();
        }
    });
    // The old generations are gone: one index remains.
    let generations = std::fs::read_dir(index.path().join("idx"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().is_dir())
        .count();
    assert_eq!(generations, 1);
}

#[test]
fn rebuilding_removes_only_what_pressroom_made() {
    let data = tempfile::tempdir().unwrap();
    let index = tempfile::tempdir().unwrap();
    let idx = index.path().join("idx");
    let s = seed_settings(data.path(), &idx);
    drop(Engine::load(&s).unwrap());
    std::fs::write(idx.join("NOTES.md"), "mine").unwrap();
    std::fs::create_dir(idx.join("backup")).unwrap();
    let force = pressroom::engine::BuildOptions {
        force_rebuild: true,
    };
    let e = Engine::load_with(&s, &force, |_, _| {}, |_, _| {}).unwrap();
    assert_eq!(e.index_origin(), IndexOrigin::Built);
    assert_eq!(
        std::fs::read_to_string(idx.join("NOTES.md")).unwrap(),
        "mine"
    );
    assert!(idx.join("backup").is_dir());
}

#[test]
fn reading_an_up_to_date_index_writes_nothing_in_its_folder() {
    // A read-only folder (a mounted volume) must serve its index: opening takes no lock file
    // and writes nothing. Checked by the folders' listings and times, which also holds as root.
    let data = tempfile::tempdir().unwrap();
    let index = tempfile::tempdir().unwrap();
    let idx = index.path().join("idx");
    let s = seed_settings(data.path(), &idx);
    drop(Engine::load(&s).unwrap());
    let snapshot = || {
        let mut out = Vec::new();
        let mut dirs = vec![idx.clone()];
        while let Some(d) = dirs.pop() {
            out.push((
                d.clone(),
                std::fs::metadata(&d).unwrap().modified().unwrap(),
            ));
            for e in std::fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    dirs.push(p);
                } else {
                    out.push((
                        p.clone(),
                        std::fs::metadata(&p).unwrap().modified().unwrap(),
                    ));
                }
            }
        }
        out.sort();
        out
    };
    // As root every folder is writable: make the lock file tantivy's readers open for writing
    // unopenable (a folder of that name), as it is in a read-only folder.
    let mut dirs = vec![idx.clone()];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            }
        }
        let lock = d.join(".tantivy-meta.lock");
        let _ = std::fs::remove_file(&lock);
        std::fs::create_dir(&lock).unwrap();
    }
    let before = snapshot();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let e = Engine::load(&s).unwrap();
    assert_eq!(e.index_origin(), IndexOrigin::Reused);
    assert_eq!(e.library_origin(), LibraryOrigin::Snapshot);
    assert!(!e.ask("正确义利观", 1).hits.is_empty());
    assert_eq!(snapshot(), before);
}

#[test]
fn two_documents_with_one_short_key_stop_the_build() {
    // "collide-8956" and "collide-9874" hash to the same six base-36 characters.
    let data = tempfile::tempdir().unwrap();
    std::fs::create_dir(data.path().join("transcripts")).unwrap();
    for id in ["collide-8956", "collide-9874"] {
        std::fs::write(
            data.path().join(format!("transcripts/{id}.txt")),
            "新闻发布会\n新华社记者：火星探测有何进展？\n发言人：火星探测进展顺利。\n",
        )
        .unwrap();
    }
    let mut s = Settings::for_tests();
    s.data.dir = data.path().to_path_buf();
    let err = Engine::load(&s).err().expect("a key collision is fatal");
    let message = err.to_string();
    assert!(
        message.contains("collide-8956")
            && message.contains("collide-9874")
            && message.contains("rename"),
        "{message}"
    );
}

#[test]
fn an_index_of_the_first_layout_is_replaced_and_its_files_removed() {
    let data = tempfile::tempdir().unwrap();
    let index = tempfile::tempdir().unwrap();
    let idx = index.path().join("idx");
    let s = seed_settings(data.path(), &idx);
    std::fs::create_dir(&idx).unwrap();
    // What earlier versions left: tantivy's files and the fingerprint, directly in the folder.
    for name in [
        "meta.json",
        ".managed.json",
        "pressroom.fingerprint",
        "0123456789abcdef0123456789abcdef.idx",
    ] {
        std::fs::write(idx.join(name), "old").unwrap();
    }
    std::fs::write(idx.join("README.txt"), "mine").unwrap();
    let e = Engine::load(&s).unwrap();
    assert_eq!(e.index_origin(), IndexOrigin::Built);
    let mut left: Vec<String> = std::fs::read_dir(&idx)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("pressroom-"))
        .collect();
    left.sort();
    assert_eq!(left, ["README.txt", "pressroom.current"]);
}

#[test]
fn a_folder_with_a_meta_json_of_someone_else_is_not_taken_for_an_index() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("meta.json"), "{}").unwrap();
    let mut s = Settings::for_tests();
    s.index.dir = dir.path().to_path_buf();
    let err = Engine::load(&s).err().expect("refuses");
    assert!(err.to_string().contains("not empty"), "{err}");
    assert!(dir.path().join("meta.json").exists());
}

#[test]
fn builds_racing_each_other_all_end_with_a_whole_index() {
    let data = tempfile::tempdir().unwrap();
    let index = tempfile::tempdir().unwrap();
    let s = seed_settings(data.path(), &index.path().join("idx"));
    let force = pressroom::engine::BuildOptions {
        force_rebuild: true,
    };
    std::thread::scope(|scope| {
        let builders: Vec<_> = (0..3)
            .map(|_| {
                scope.spawn(|| {
                    for _ in 0..4 {
                        let e = Engine::load_with(&s, &force, |_, _| {}, |_, _| {})
                            .expect("every racing build ends with an index");
                        assert!(!e.ask("正确义利观", 1).hits.is_empty());
                    }
                })
            })
            .collect();
        for b in builders {
            b.join().unwrap();
        }
    });
    assert_eq!(
        Engine::load(&s).unwrap().index_origin(),
        IndexOrigin::Reused
    );
}

#[test]
fn answers_are_the_same_whether_term_statistics_are_looked_up_or_remembered() {
    // The index remembers each term's document frequency after its first lookup; the BM25
    // scores, and so the answers, must not depend on it.
    let mut s = Settings::for_tests();
    s.data.dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data").into();
    let questions = [
        "中方对人工智能合作持什么立场？",
        "人工智能 联合国",
        "中方在南海问题上的立场",
    ];
    let cold = Engine::load(&s).unwrap();
    let first: Vec<_> = questions.iter().map(|q| cold.ask(q, 5)).collect();
    for (q, before) in questions.iter().zip(&first) {
        let again = cold.ask(q, 5);
        let key = |a: &pressroom::reply::Answer| -> Vec<(String, String)> {
            a.hits
                .iter()
                .map(|h| (h.citation.clone(), format!("{:.6}", h.score)))
                .collect()
        };
        assert!(!before.hits.is_empty(), "{q}");
        assert_eq!(key(before), key(&again), "{q}");
    }
}
