//! Loading a folder of transcripts: every `.txt` file below it, in name order. A file that cannot
//! be parsed is reported (file and line) and skipped; the others still load.

use std::path::{Path, PathBuf};

use super::model::Document;
use super::parse::parse_transcript;
use crate::error::{DataError, Error};

/// The transcript shipped inside the binary, used when no data folder is found.
pub const EMBEDDED_TRANSCRIPTS: &[(&str, &[u8])] = &[(
    "2024-03-07-wangyi-press-conference-part2",
    include_bytes!("../../data/transcripts/2024-03-07-wangyi-press-conference-part2.txt"),
)];

/// What loading a folder gave.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The documents that parsed, in file-name order.
    pub documents: Vec<Document>,
    /// One error per file that did not.
    pub errors: Vec<DataError>,
    /// Bytes read, all files.
    pub bytes: u64,
}

/// Lists the transcript files below `dir` (recursively, sorted, hidden entries skipped).
/// Subfolders that cannot be read are left out; [`walk_transcripts`] says which.
pub fn transcript_files(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    walk_transcripts(dir).map(|(files, _)| files)
}

/// The transcript files below `dir` and the subfolders that could not be read. Each folder and
/// each file is visited once however symbolic links reach it (a link back up the tree is no
/// loop, a second link to a folder no duplicate); a file reached twice keeps its first name in
/// sorted order. Only `dir` itself being unreadable is an error.
pub fn walk_transcripts(dir: &Path) -> Result<(Vec<PathBuf>, Vec<DataError>), Error> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut seen_dirs = std::collections::HashSet::new();
    seen_dirs.insert(std::fs::canonicalize(dir).map_err(|e| Error::io(dir, e))?);
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = match std::fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) if d == dir => return Err(Error::io(&d, e)),
            Err(e) => {
                errors.push(DataError {
                    path: d.clone(),
                    line: None,
                    message: format!("folder not read: {e}"),
                });
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    errors.push(DataError {
                        path: d.clone(),
                        line: None,
                        message: format!("folder not fully read: {e}"),
                    });
                    break;
                }
            };
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            if path.is_dir() {
                match std::fs::canonicalize(&path) {
                    Ok(real) => {
                        if seen_dirs.insert(real) {
                            stack.push(path);
                        }
                    }
                    Err(e) => errors.push(DataError {
                        path: path.clone(),
                        line: None,
                        message: format!("folder not read: {e}"),
                    }),
                }
            } else if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
            {
                files.push(path);
            }
        }
    }
    files.sort();
    let mut seen_files = std::collections::HashSet::new();
    files.retain(|f| seen_files.insert(file_identity(f)));
    errors.sort_by(|a, b| a.path.cmp(&b.path));
    Ok((files, errors))
}

/// What tells two names of one file apart from two files: device and inode on Unix (one
/// `stat`, where resolving the path costs one per component), the resolved path elsewhere.
fn file_identity(path: &Path) -> (u64, u64, PathBuf) {
    #[cfg(unix)]
    if let Ok(meta) = std::fs::metadata(path) {
        use std::os::unix::fs::MetadataExt;
        return (meta.dev(), meta.ino(), PathBuf::new());
    }
    (
        0,
        0,
        std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()),
    )
}

/// Loads every transcript below `dir`. `progress` is called once per file with its size.
pub fn load_dir(dir: &Path, progress: impl FnMut(&Path, u64)) -> Result<Loaded, Error> {
    let (files, errors) = walk_transcripts(dir)?;
    Ok(load_files(dir, &files, errors, progress))
}

/// Reads and parses `files` (found below `dir` by [`walk_transcripts`], whose folder errors
/// are `errors`), on every core, keeping their order. `progress` is called once per file with
/// its size, in order, as the files are done.
pub fn load_files(
    dir: &Path,
    files: &[PathBuf],
    errors: Vec<DataError>,
    mut progress: impl FnMut(&Path, u64),
) -> Loaded {
    use rayon::prelude::*;
    let mut loaded = Loaded {
        errors,
        ..Loaded::default()
    };
    // In chunks, so progress moves while a large library is read.
    for chunk in files.chunks(256) {
        let parsed: Vec<(Option<u64>, Result<Document, DataError>)> = chunk
            .par_iter()
            .map(|path| match std::fs::read(path) {
                Ok(bytes) => (
                    Some(bytes.len() as u64),
                    parse_transcript(&document_id(dir, path), path, &bytes),
                ),
                Err(e) => (
                    None,
                    Err(DataError {
                        path: path.clone(),
                        line: None,
                        message: e.to_string(),
                    }),
                ),
            })
            .collect();
        for (path, (bytes, result)) in chunk.iter().zip(parsed) {
            if let Some(bytes) = bytes {
                loaded.bytes += bytes;
                progress(path, bytes);
            }
            match result {
                Ok(doc) => loaded.documents.push(doc),
                Err(e) => loaded.errors.push(e),
            }
        }
    }
    loaded
}

/// Reads and parses one file; `root` is the folder its id is relative to (its parent when `None`).
pub fn load_file(root: Option<&Path>, path: &Path) -> Result<Document, DataError> {
    let bytes = std::fs::read(path).map_err(|e| DataError {
        path: path.to_path_buf(),
        line: None,
        message: e.to_string(),
    })?;
    let id = match root {
        Some(dir) => document_id(dir, path),
        None => path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
    };
    parse_transcript(&id, path, &bytes)
}

/// Loads the transcripts compiled into the binary.
pub fn load_embedded() -> Loaded {
    let mut loaded = Loaded::default();
    for (id, bytes) in EMBEDDED_TRANSCRIPTS {
        loaded.bytes += bytes.len() as u64;
        let path = PathBuf::from(format!("(embedded) {id}.txt"));
        match parse_transcript(id, &path, bytes) {
            Ok(doc) => loaded.documents.push(doc),
            Err(e) => loaded.errors.push(e),
        }
    }
    loaded
}

/// The id of a file: its path below `dir`, `/`-separated, without `.txt`.
fn document_id(dir: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(dir).unwrap_or(path).with_extension("");
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_files_are_reported_and_good_ones_load() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a-good.txt"),
            "标题\n记者：问？\n王毅：答。\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("b-empty.txt"), "\n\n").unwrap();
        std::fs::write(dir.path().join("c-latin1.txt"), b"\xe9t\xe9").unwrap();
        std::fs::write(dir.path().join("notes.md"), "ignored").unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/d.txt"), "标题\n问：问？\n答：答。\n").unwrap();
        let loaded = load_dir(dir.path(), |_, _| {}).unwrap();
        let ids: Vec<_> = loaded.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a-good", "sub/d"]);
        assert_eq!(loaded.errors.len(), 2);
        assert!(
            loaded.errors[0]
                .to_string()
                .contains("b-empty.txt: empty transcript")
        );
        assert!(
            loaded.errors[1]
                .to_string()
                .contains("c-latin1.txt:1: not valid UTF-8")
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_and_duplicate_links_load_each_file_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("a/b")).unwrap();
        std::fs::write(root.join("a/one.txt"), "标题\n记者：问？\n王毅：答。\n").unwrap();
        std::fs::write(root.join("a/b/two.txt"), "标题\n记者：问？\n王毅：答。\n").unwrap();
        // Two loops (each back to an ancestor) and a second name for a folder and a file.
        std::os::unix::fs::symlink(root, root.join("a/b/up")).unwrap();
        std::os::unix::fs::symlink(root.join("a"), root.join("a/b/loop")).unwrap();
        std::os::unix::fs::symlink(root.join("a/b"), root.join("also-b")).unwrap();
        std::os::unix::fs::symlink(root.join("a/one.txt"), root.join("z-one.txt")).unwrap();
        let loaded = load_dir(root, |_, _| {}).unwrap();
        let ids: Vec<_> = loaded.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids.len(), 2, "{ids:?}");
        assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    }

    #[cfg(unix)]
    #[test]
    fn an_unreadable_subfolder_is_reported_and_the_rest_loads() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("good.txt"), "标题\n记者：问？\n王毅：答。\n").unwrap();
        std::fs::create_dir(root.join("sub")).unwrap();
        std::fs::write(root.join("sub/x.txt"), "标题\n问：问？\n答：答。\n").unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(root.join("sub"), std::fs::Permissions::from_mode(0o000)).unwrap();
        if std::fs::read_dir(root.join("sub")).is_ok() {
            // Root reads any folder; a kernel folder root may not list stands in for it.
            std::fs::set_permissions(root.join("sub"), std::fs::Permissions::from_mode(0o755))
                .unwrap();
            std::fs::remove_dir_all(root.join("sub")).unwrap();
            let closed = Path::new("/proc/1/map_files");
            if std::fs::read_dir(closed).is_ok() {
                eprintln!("skipped: no folder here that this user cannot read");
                return;
            }
            std::os::unix::fs::symlink(closed, root.join("sub")).unwrap();
        }
        let loaded = load_dir(root, |_, _| {});
        if !root.join("sub").is_symlink() {
            std::fs::set_permissions(root.join("sub"), std::fs::Permissions::from_mode(0o755))
                .unwrap();
        }
        let loaded = loaded.expect("the other files still load");
        let ids: Vec<_> = loaded.documents.iter().map(|d| d.id.as_str()).collect();
        assert!(ids.contains(&"good"), "{ids:?}");
        assert!(
            loaded.errors.iter().any(|e| e.path.ends_with("sub")),
            "{:?}",
            loaded.errors
        );
    }

    #[test]
    fn embedded_seed_loads() {
        let loaded = load_embedded();
        assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
        assert_eq!(loaded.documents.len(), 1);
    }
}
