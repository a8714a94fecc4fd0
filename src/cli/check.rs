//! `pressroom check [FILE|DIR]…`: how each transcript was read — title, date, speakers, each
//! exchange (asker → answerer, paragraphs), statements, and warnings with file and line.
//!
//! [`report`] and [`render`] are pure: documents in, a report out, text out.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::corpus::{self, Document, DocumentKind, MAX_PARAGRAPH_CHARS, Warning};
use crate::error::DataError;

/// The whole report.
#[derive(Debug, Serialize)]
pub struct Report {
    /// One entry per file, in the order given.
    pub files: Vec<FileReport>,
    /// Counts over all files.
    pub summary: Summary,
}

/// Counts over all files.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    /// Files named (read or skipped).
    pub files: usize,
    /// Files read as documents.
    pub documents: usize,
    /// Documents with no questions.
    pub statements: usize,
    /// Exchanges with a question.
    pub exchanges: usize,
    /// Files not read.
    pub skipped: usize,
    /// Warnings, all files.
    pub warnings: usize,
    /// Every answering speaker with the number of documents they answer in, most first: a
    /// name misread from the text stands out at the end of this list.
    pub answerers: Vec<(String, usize)>,
}

/// One file: read, or skipped with its reason.
#[derive(Debug, Serialize)]
pub struct FileReport {
    /// The file.
    pub path: PathBuf,
    /// `None` when the file was read.
    pub skipped: Option<String>,
    /// The line the reason points at, if any.
    pub skipped_line: Option<usize>,
    /// How it was read.
    pub document: Option<DocumentReport>,
}

/// How one document was read.
#[derive(Debug, Serialize)]
pub struct DocumentReport {
    /// The title.
    pub title: String,
    /// ISO date.
    pub date: Option<String>,
    /// Where the text comes from (front matter `source:`).
    pub source: Option<String>,
    /// Citation label.
    pub label: String,
    /// Conference or statement.
    pub kind: DocumentKind,
    /// Who asks (labels as printed), in order of first appearance.
    pub askers: Vec<String>,
    /// Who answers or speaks, in order of first appearance.
    pub answerers: Vec<String>,
    /// Exchanges with a question.
    pub exchanges: Vec<ExchangeReport>,
    /// Question-less passages: opening statements, notices, statement documents.
    pub statements: Vec<ExchangeReport>,
    /// Doubts, by line.
    pub warnings: Vec<Warning>,
}

/// One exchange.
#[derive(Debug, Serialize)]
pub struct ExchangeReport {
    /// Its number in the document.
    pub number: usize,
    /// The line where it starts.
    pub line: usize,
    /// Who asks (none for a statement).
    pub asker: Option<String>,
    /// Who answers (empty when nobody is named).
    pub answerer: String,
    /// Answer paragraphs.
    pub paragraphs: usize,
    /// The reporter's asides inside it.
    pub remarks: usize,
}

/// Builds the report of parse results (in the order given).
pub fn report(results: Vec<Result<Document, DataError>>) -> Report {
    let mut summary = Summary::default();
    let files = results
        .into_iter()
        .map(|r| {
            summary.files += 1;
            match r {
                Ok(doc) => {
                    let d = document_report(&doc);
                    summary.documents += 1;
                    summary.statements += usize::from(d.kind == DocumentKind::Statement);
                    summary.exchanges += d.exchanges.len();
                    summary.warnings += d.warnings.len();
                    FileReport {
                        path: doc.path.clone(),
                        skipped: None,
                        skipped_line: None,
                        document: Some(d),
                    }
                }
                Err(e) => {
                    summary.skipped += 1;
                    FileReport {
                        path: e.path.clone(),
                        skipped: Some(e.message.clone()),
                        skipped_line: e.line,
                        document: None,
                    }
                }
            }
        })
        .collect::<Vec<FileReport>>();
    let mut answerers: std::collections::HashMap<&str, usize> = Default::default();
    for d in files.iter().filter_map(|f| f.document.as_ref()) {
        for a in &d.answerers {
            *answerers.entry(a.as_str()).or_default() += 1;
        }
    }
    let mut answerers: Vec<(String, usize)> = answerers
        .into_iter()
        .map(|(a, n)| (a.to_string(), n))
        .collect();
    answerers.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    summary.answerers = answerers;
    Report { files, summary }
}

fn document_report(doc: &Document) -> DocumentReport {
    let mut askers: Vec<String> = Vec::new();
    let mut answerers: Vec<String> = Vec::new();
    let mut exchanges = Vec::new();
    let mut statements = Vec::new();
    for ex in &doc.exchanges {
        if let Some(q) = &ex.question
            && !askers.contains(&q.speaker)
        {
            askers.push(q.speaker.clone());
        }
        for t in &ex.answers {
            if !t.speaker.is_empty() && !answerers.contains(&t.speaker) {
                answerers.push(t.speaker.clone());
            }
        }
        let first = ex
            .question
            .iter()
            .chain(&ex.answers)
            .filter_map(|t| t.paragraphs.first())
            .min()
            .map_or(0, |&i| doc.paragraphs[i].line);
        let r = ExchangeReport {
            number: ex.number,
            line: first,
            asker: ex.question.as_ref().map(|q| q.speaker.clone()),
            answerer: ex.answerer.clone(),
            paragraphs: doc.answer_paragraphs(ex).len(),
            remarks: ex.remarks.len(),
        };
        if ex.question.is_some() {
            exchanges.push(r);
        } else {
            statements.push(r);
        }
    }
    let mut warnings = doc.warnings.clone();
    for p in &doc.paragraphs {
        let n = p.text.chars().count();
        if n > MAX_PARAGRAPH_CHARS {
            warnings.push(Warning {
                line: p.line,
                message: format!(
                    "paragraph of {n} characters (over {MAX_PARAGRAPH_CHARS}): several paragraphs run together?"
                ),
            });
        }
    }
    warnings.sort_by_key(|w| w.line);
    DocumentReport {
        title: doc.title.clone(),
        date: doc.date.clone(),
        source: doc.source.clone(),
        label: doc.label.clone(),
        kind: doc.kind,
        askers,
        answerers,
        exchanges,
        statements,
        warnings,
    }
}

/// The report as text, one block per file, warnings as `file:line: warning: …`.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for f in &report.files {
        let path = f.path.display();
        let Some(d) = &f.document else {
            let line = f.skipped_line.map(|l| format!(":{l}")).unwrap_or_default();
            let why = f.skipped.as_deref().unwrap_or("unreadable");
            let _ = writeln!(out, "{path}{line}: skipped: {why}\n");
            continue;
        };
        let kind = match d.kind {
            DocumentKind::Conference => "questions and answers",
            DocumentKind::Statement => "statement (no questions)",
        };
        let _ = writeln!(out, "{path}");
        let _ = writeln!(out, "  title: {}", d.title);
        let _ = writeln!(
            out,
            "  date: {}   label: {}   kind: {kind}",
            d.date.as_deref().unwrap_or("(none)"),
            d.label
        );
        if let Some(source) = &d.source {
            let _ = writeln!(out, "  source: {source}");
        }
        let list = |v: &[String]| {
            if v.is_empty() {
                "(none)".to_string()
            } else {
                v.join("、")
            }
        };
        let _ = writeln!(
            out,
            "  speakers: asking {}; answering {}",
            list(&d.askers),
            list(&d.answerers)
        );
        for e in &d.exchanges {
            let remarks = if e.remarks > 0 {
                format!(", {} remark(s)", e.remarks)
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "  #{:<3} line {:<4} {} → {} ({} ¶{remarks})",
                e.number,
                e.line,
                e.asker.as_deref().unwrap_or("?"),
                if e.answerer.is_empty() {
                    "(no answer)"
                } else {
                    &e.answerer
                },
                e.paragraphs
            );
        }
        for s in &d.statements {
            let _ = writeln!(
                out,
                "  #{:<3} line {:<4} statement by {} ({} ¶)",
                s.number,
                s.line,
                if s.answerer.is_empty() {
                    "(nobody named)"
                } else {
                    &s.answerer
                },
                s.paragraphs
            );
        }
        for w in &d.warnings {
            let _ = writeln!(out, "{path}:{}: warning: {}", w.line, w.message);
        }
        out.push('\n');
    }
    let s = &report.summary;
    let _ = writeln!(
        out,
        "{} files: {} documents ({} statements), {} exchanges, {} skipped, {} warnings",
        s.files, s.documents, s.statements, s.exchanges, s.skipped, s.warnings
    );
    if report.files.len() > 1 && !s.answerers.is_empty() {
        let names: Vec<String> = s
            .answerers
            .iter()
            .map(|(a, n)| format!("{a} {n}"))
            .collect();
        let _ = writeln!(out, "answering (documents): {}", names.join(" · "));
    }
    out
}

/// 0 when clean, 1 with warnings, 2 when a file could not be read.
pub fn exit_code(report: &Report) -> u8 {
    if report.summary.skipped > 0 {
        2
    } else if report.summary.warnings > 0 {
        1
    } else {
        0
    }
}

/// Parses every transcript `paths` name (files, or folders read recursively).
pub fn read_paths(paths: &[PathBuf]) -> Vec<Result<Document, DataError>> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            match corpus::walk_transcripts(path) {
                Ok((files, errors)) => {
                    out.extend(errors.into_iter().map(Err));
                    out.extend(files.iter().map(|f| corpus::load_file(Some(path), f)));
                }
                Err(e) => out.push(Err(unreadable(path, &e.to_string()))),
            }
        } else if path.exists() {
            out.push(corpus::load_file(None, path));
        } else {
            out.push(Err(unreadable(path, "no such file or folder")));
        }
    }
    out
}

fn unreadable(path: &Path, message: &str) -> DataError {
    DataError {
        path: path.to_path_buf(),
        line: None,
        message: message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Result<Document, DataError> {
        corpus::parse_transcript("t", Path::new("t.txt"), text.as_bytes())
    }

    #[test]
    fn clean_file_reports_exchanges_and_exits_zero() {
        let r = report(vec![doc(
            "2019年5月20日外交部发言人陆慷主持例行记者会\n问：中方对此有何评论？\n答：我们欢迎。\n",
        )]);
        assert_eq!(exit_code(&r), 0);
        let text = render(&r);
        assert!(text.contains("date: 2019-05-20"), "{text}");
        assert!(text.contains("问 → 陆慷 (1 ¶)"), "{text}");
        assert!(
            text.contains(
                "1 files: 1 documents (0 statements), 1 exchanges, 0 skipped, 0 warnings"
            )
        );
    }

    #[test]
    fn warnings_name_file_and_line_and_exit_one() {
        let long = "长".repeat(MAX_PARAGRAPH_CHARS + 1);
        let r = report(vec![doc(&format!(
            "标题\n问：第一问？\n答：答。\n问：没有回答的问题？\n答：{long}。\n陆慷：一次出现的名字。\n"
        ))]);
        assert_eq!(exit_code(&r), 1);
        let text = render(&r);
        assert!(
            text.contains("t.txt:5: warning: paragraph of 2002 characters"),
            "{text}"
        );
        assert!(
            text.contains("t.txt:6: warning: `陆慷：` looks like a speaker label"),
            "{text}"
        );
    }

    #[test]
    fn statements_and_skipped_files() {
        let r = report(vec![
            doc("外交部发言人耿爽就香港修例问题发表谈话\n中方坚决反对。\n"),
            Err(DataError {
                path: "e.txt".into(),
                line: None,
                message: "empty transcript".into(),
            }),
        ]);
        assert_eq!(exit_code(&r), 2);
        let text = render(&r);
        assert!(text.contains("statement by 耿爽 (1 ¶)"), "{text}");
        assert!(text.contains("e.txt: skipped: empty transcript"), "{text}");
        assert!(text.contains("answering (documents): 耿爽 1"), "{text}");
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["summary"]["statements"], 1);
        assert_eq!(json["files"][0]["document"]["kind"], "statement");
    }
}
