//! The persisted index: built once, reused while the data is unchanged, rebuilt when it changes.

use pressroom::Engine;
use pressroom::config::Settings;
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
