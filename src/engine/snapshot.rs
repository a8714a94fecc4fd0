//! The parsed library kept beside a persisted index, and the manifest of what it was made from.
//!
//! A start with a persisted index compares the manifest of the files as they are now (each
//! transcript's size, times and inode, the data files' hashes, the program) with the one stored
//! in the snapshot: equal, and the library is decoded instead of read, parsed and named again.
//! Stamps, not contents, so the check reads no transcript; a file whose content changed has a
//! new modification time. File systems keep times coarsely (a few milliseconds, up to two
//! seconds), so a file modified less than [`RACY`] before its stamp was taken could change again
//! with the same stamp: such a manifest is never trusted (git's "racily clean" entries), and the
//! next start reads the transcripts and stamps them again.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::corpus::Document;
use crate::error::DataError;
use crate::text::LexiconSources;

/// Bump when the snapshot's content changes shape or meaning: what the engine derives at a
/// build (topic names, keys) or the model it decodes into. A snapshot of another format is
/// stale, not damaged.
const FORMAT: u32 = 2;
const MAGIC: &[u8; 8] = b"PRSLIBR\0";
/// Magic, format, checksum of the body.
const HEADER: usize = 16;
/// How recently modified a transcript must be for its stamp not to be trusted (nanoseconds).
const RACY: i128 = 2_000_000_000;

/// What a library snapshot was made from: compared, never decoded into anything else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// pressroom's version and its executable's size and modification time: another build
    /// may parse or name differently.
    program: String,
    /// The transcripts folder as configured; `None`: the transcripts built into the binary.
    transcripts: Option<PathBuf>,
    /// Every transcript file, in the order they are read.
    files: Vec<FileStamp>,
    /// The data files' names and SHA-256 (user dictionary, filler words, synonyms).
    lexicon: Vec<(String, String)>,
    /// A transcript was modified within [`RACY`] before the stamps were taken (or is dated in
    /// the future).
    racy: bool,
}

/// One transcript file as the file system describes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct FileStamp {
    /// Below the transcripts folder.
    path: PathBuf,
    size: u64,
    /// Modification time, nanoseconds since 1970.
    modified: i128,
    /// Status-change time, nanoseconds since 1970, and inode (Unix; 0 elsewhere): a file
    /// replaced by another of the same size and modification time (a copy that keeps times).
    changed: i128,
    inode: u64,
}

impl FileStamp {
    fn of(dir: &Path, path: &Path) -> FileStamp {
        let relative = path.strip_prefix(dir).unwrap_or(path).to_path_buf();
        // A file that cannot be described is stamped empty: it cannot be read either, and the
        // snapshot says so (its load error) until it changes.
        let Ok(meta) = std::fs::metadata(path) else {
            return FileStamp {
                path: relative,
                size: 0,
                modified: 0,
                changed: 0,
                inode: 0,
            };
        };
        #[cfg(unix)]
        let (changed, inode) = {
            use std::os::unix::fs::MetadataExt;
            (
                i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec()),
                meta.ino(),
            )
        };
        #[cfg(not(unix))]
        let (changed, inode) = (0, 0);
        FileStamp {
            path: relative,
            size: meta.len(),
            modified: nanos(meta.modified().ok()),
            changed,
            inode,
        }
    }
}

fn nanos(time: Option<std::time::SystemTime>) -> i128 {
    time.and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as i128)
}

/// The running program: version, and its executable's size and modification time.
fn program() -> String {
    let version = env!("CARGO_PKG_VERSION");
    match std::env::current_exe().and_then(std::fs::metadata) {
        Ok(m) => format!(
            "pressroom {version} {} {}",
            m.len(),
            nanos(m.modified().ok())
        ),
        Err(_) => format!("pressroom {version}"),
    }
}

impl Manifest {
    /// The manifest of `files` below `transcripts` (`None`: the embedded transcripts) and the
    /// data files `lexicon` was read from. Reads no transcript, only their metadata.
    pub fn new(transcripts: Option<(&Path, &[PathBuf])>, lexicon: &LexiconSources) -> Manifest {
        let now = nanos(Some(std::time::SystemTime::now()));
        let files: Vec<FileStamp> = transcripts
            .map(|(dir, files)| files.iter().map(|f| FileStamp::of(dir, f)).collect())
            .unwrap_or_default();
        Manifest {
            program: program(),
            transcripts: transcripts.map(|(dir, _)| dir.to_path_buf()),
            racy: files.iter().any(|f| f.modified > now - RACY),
            files,
            lexicon: lexicon.digests(),
        }
    }

    /// False when a transcript was modified too shortly before its stamp for the stamp to
    /// tell a later change: a snapshot made with this manifest would never be used.
    pub fn trusted(&self) -> bool {
        !self.racy
    }

    /// What differs from `stored`, one phrase each (`a.txt changed`, `b.txt added`), for the
    /// log; empty when they are equal.
    pub fn changes(&self, stored: &Manifest) -> Vec<String> {
        let mut out = Vec::new();
        if stored.racy {
            out.push("transcripts modified as they were last read".to_string());
        }
        if self.program != stored.program {
            out.push("another pressroom build".to_string());
        }
        if self.transcripts != stored.transcripts {
            out.push("another transcripts folder".to_string());
        }
        let old: std::collections::HashMap<&Path, &FileStamp> =
            stored.files.iter().map(|f| (f.path.as_path(), f)).collect();
        let new: std::collections::HashSet<&Path> =
            self.files.iter().map(|f| f.path.as_path()).collect();
        for f in &self.files {
            match old.get(f.path.as_path()) {
                None => out.push(format!("{} added", f.path.display())),
                Some(o) if *o != f => out.push(format!("{} changed", f.path.display())),
                Some(_) => {}
            }
        }
        for f in &stored.files {
            if !new.contains(f.path.as_path()) {
                out.push(format!("{} removed", f.path.display()));
            }
        }
        for (name, digest) in &self.lexicon {
            if !stored.lexicon.iter().any(|(n, d)| n == name && d == digest) {
                out.push(format!("{name} changed"));
            }
        }
        if out.is_empty() && self != stored {
            out.push("the transcripts' order".to_string());
        }
        out
    }
}

/// What the engine keeps of a build: the documents with their topics named, the files skipped,
/// and the library's speakers.
#[derive(Debug, Deserialize)]
pub(super) struct Library {
    pub documents: Vec<Document>,
    pub load_errors: Vec<DataError>,
    pub bytes: u64,
    pub speakers: Vec<String>,
}

/// [`Library`] borrowed, to write without copying (the same encoding).
#[derive(Serialize)]
pub(super) struct LibraryRef<'a> {
    pub documents: &'a [Document],
    pub load_errors: &'a [DataError],
    pub bytes: u64,
    pub speakers: &'a [String],
}

/// Why a snapshot was not used.
#[derive(Debug, thiserror::Error)]
pub(super) enum SnapshotError {
    /// The file does not start as a snapshot does.
    #[error("the library snapshot has no snapshot header")]
    NotASnapshot,
    /// The bytes changed since they were written.
    #[error("the library snapshot fails its checksum")]
    Checksum,
    /// Well-formed on the outside, not inside (or not encodable).
    #[error("the library snapshot does not decode: {0}")]
    Encoding(#[from] postcard::Error),
}

/// What reading a snapshot found.
#[derive(Debug)]
pub(super) enum Snapshot {
    /// Made from the same files: the library.
    Fresh(Library),
    /// Made from other files or by another format: what changed.
    Stale(Vec<String>),
}

/// Encodes `library`, made from what `manifest` describes.
pub(super) fn write(
    manifest: &Manifest,
    library: &LibraryRef<'_>,
) -> Result<Vec<u8>, SnapshotError> {
    let mut out = Vec::with_capacity(HEADER);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    let out = postcard::to_extend(manifest, out)?;
    let mut out = postcard::to_extend(library, out)?;
    let checksum = crc32fast::hash(&out[HEADER..]);
    out[12..HEADER].copy_from_slice(&checksum.to_le_bytes());
    Ok(out)
}

/// Reads a snapshot written by [`write`] and, when it was made from what `manifest` describes,
/// decodes its library.
pub(super) fn read(bytes: &[u8], manifest: &Manifest) -> Result<Snapshot, SnapshotError> {
    if bytes.len() < HEADER || &bytes[..8] != MAGIC {
        return Err(SnapshotError::NotASnapshot);
    }
    let format = u32::from_le_bytes(bytes[8..12].try_into().expect("4 bytes"));
    if format != FORMAT {
        return Ok(Snapshot::Stale(vec![format!(
            "snapshot format {format}, this pressroom writes {FORMAT}"
        )]));
    }
    let checksum = u32::from_le_bytes(bytes[12..HEADER].try_into().expect("4 bytes"));
    let body = &bytes[HEADER..];
    if crc32fast::hash(body) != checksum {
        return Err(SnapshotError::Checksum);
    }
    let (stored, rest) = postcard::take_from_bytes::<Manifest>(body)?;
    let changes = manifest.changes(&stored);
    if !changes.is_empty() {
        return Ok(Snapshot::Stale(changes));
    }
    let (library, rest) = postcard::take_from_bytes::<Library>(rest)?;
    if !rest.is_empty() {
        return Err(SnapshotError::Encoding(
            postcard::Error::DeserializeBadEncoding,
        ));
    }
    Ok(Snapshot::Fresh(library))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(path: &str, size: u64, modified: i128) -> FileStamp {
        FileStamp {
            path: path.into(),
            size,
            modified,
            changed: modified,
            inode: 7,
        }
    }

    fn manifest(files: Vec<FileStamp>) -> Manifest {
        Manifest {
            program: "pressroom 0.1.0 100 5".into(),
            transcripts: Some("/data/transcripts".into()),
            files,
            lexicon: vec![
                ("userdict.txt".into(), "aa".into()),
                ("filler.txt".into(), "bb".into()),
            ],
            racy: false,
        }
    }

    #[test]
    fn equal_manifests_have_no_changes() {
        let m = manifest(vec![stamp("a.txt", 10, 1), stamp("b.txt", 20, 2)]);
        assert!(m.changes(&m.clone()).is_empty());
    }

    #[test]
    fn a_touched_grown_added_or_removed_file_is_named() {
        let stored = manifest(vec![
            stamp("a.txt", 10, 1),
            stamp("b.txt", 20, 2),
            stamp("c.txt", 30, 3),
        ]);
        let now = manifest(vec![
            stamp("a.txt", 10, 9),
            stamp("b.txt", 21, 2),
            stamp("d.txt", 40, 4),
        ]);
        assert_eq!(
            now.changes(&stored),
            [
                "a.txt changed",
                "b.txt changed",
                "d.txt added",
                "c.txt removed"
            ]
        );
        let mut replaced = stored.clone();
        replaced.files[0].inode = 8;
        assert_eq!(replaced.changes(&stored), ["a.txt changed"]);
    }

    #[test]
    fn a_data_file_folder_or_program_change_is_named() {
        let stored = manifest(vec![stamp("a.txt", 10, 1)]);
        let mut now = stored.clone();
        now.lexicon[1].1 = "cc".into();
        assert_eq!(now.changes(&stored), ["filler.txt changed"]);
        let mut now = stored.clone();
        now.transcripts = None;
        now.program = "pressroom 0.1.0 101 5".into();
        assert_eq!(
            now.changes(&stored),
            ["another pressroom build", "another transcripts folder"]
        );
    }

    #[test]
    fn stamps_taken_just_after_a_modification_are_never_trusted() {
        let mut stored = manifest(vec![stamp("a.txt", 10, 1)]);
        stored.racy = true;
        let now = stored.clone();
        assert_eq!(
            now.changes(&stored),
            ["transcripts modified as they were last read"]
        );
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "标题").unwrap();
        let sources = LexiconSources::embedded();
        let files = [file.clone()];
        assert!(Manifest::new(Some((dir.path(), &files)), &sources).racy);
        let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        std::fs::File::options()
            .write(true)
            .open(&file)
            .unwrap()
            .set_modified(an_hour_ago)
            .unwrap();
        assert!(!Manifest::new(Some((dir.path(), &files)), &sources).racy);
    }

    #[test]
    fn the_same_files_in_another_order_are_a_change() {
        let stored = manifest(vec![stamp("a.txt", 10, 1), stamp("b.txt", 20, 2)]);
        let now = manifest(vec![stamp("b.txt", 20, 2), stamp("a.txt", 10, 1)]);
        assert_eq!(now.changes(&stored), ["the transcripts' order"]);
    }

    fn library_bytes(m: &Manifest) -> Vec<u8> {
        let errors = [DataError {
            path: "/data/transcripts/bad.txt".into(),
            line: Some(3),
            message: "not valid UTF-8".into(),
        }];
        write(
            m,
            &LibraryRef {
                documents: &[],
                load_errors: &errors,
                bytes: 42,
                speakers: &["王毅".to_string()],
            },
        )
        .unwrap()
    }

    #[test]
    fn a_snapshot_reads_back_only_with_its_manifest() {
        let m = manifest(vec![stamp("a.txt", 10, 1)]);
        let bytes = library_bytes(&m);
        let Snapshot::Fresh(library) = read(&bytes, &m).unwrap() else {
            panic!("fresh")
        };
        assert_eq!(library.bytes, 42);
        assert_eq!(library.speakers, ["王毅"]);
        assert_eq!(
            library.load_errors[0].to_string(),
            "/data/transcripts/bad.txt:3: not valid UTF-8"
        );
        let other = manifest(vec![stamp("a.txt", 11, 1)]);
        assert!(matches!(read(&bytes, &other), Ok(Snapshot::Stale(c)) if c == ["a.txt changed"]));
    }

    #[test]
    fn damage_is_told_from_staleness() {
        let m = manifest(vec![stamp("a.txt", 10, 1)]);
        let bytes = library_bytes(&m);
        let mut flipped = bytes.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 0x40;
        assert!(matches!(read(&flipped, &m), Err(SnapshotError::Checksum)));
        assert!(matches!(
            read(&bytes[..bytes.len() / 2], &m),
            Err(SnapshotError::Checksum)
        ));
        assert!(matches!(read(b"{}", &m), Err(SnapshotError::NotASnapshot)));
        let mut older = bytes.clone();
        older[8] = older[8].wrapping_add(1);
        assert!(matches!(read(&older, &m), Ok(Snapshot::Stale(_))));
    }
}
