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
pub fn transcript_files(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| Error::io(&d, e))?;
        for entry in entries {
            let entry = entry.map_err(|e| Error::io(&d, e))?;
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
            {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Loads every transcript below `dir`. `progress` is called once per file with its size.
pub fn load_dir(dir: &Path, mut progress: impl FnMut(&Path, u64)) -> Result<Loaded, Error> {
    let mut loaded = Loaded::default();
    for path in transcript_files(dir)? {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                loaded.errors.push(DataError {
                    path: path.clone(),
                    line: None,
                    message: e.to_string(),
                });
                continue;
            }
        };
        loaded.bytes += bytes.len() as u64;
        progress(&path, bytes.len() as u64);
        let id = document_id(dir, &path);
        match parse_transcript(&id, &path, &bytes) {
            Ok(doc) => loaded.documents.push(doc),
            Err(e) => loaded.errors.push(e),
        }
    }
    Ok(loaded)
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

    #[test]
    fn embedded_seed_loads() {
        let loaded = load_embedded();
        assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
        assert_eq!(loaded.documents.len(), 1);
    }
}
