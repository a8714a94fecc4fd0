//! The optional front matter block: `---`, `key: value` lines, `---`.

use super::meta::{DATE_IN_NAME, iso_date};

/// Metadata a transcript may carry in a front matter block (see the README).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// `title:`
    pub title: Option<String>,
    /// `date:` (ISO)
    pub date: Option<String>,
    /// `source:`
    pub source: Option<String>,
    /// `label:` the short name used in citations.
    pub label: Option<String>,
    /// `answerer:` who speaks the unnamed `答：` turns (and statements).
    pub answerer: Option<String>,
}

/// Reads the block at the top of `text`. Returns it and the index of the first body line, or the
/// 1-based line of a malformed entry and what is wrong with it.
pub fn parse_front_matter(text: &str) -> Result<(FrontMatter, usize), (usize, String)> {
    let mut lines = text.lines().enumerate();
    match lines.next() {
        Some((_, l)) if l.trim() == "---" => {}
        _ => return Ok((FrontMatter::default(), 0)),
    }
    let mut fm = FrontMatter::default();
    for (i, line) in lines {
        let line_no = i + 1;
        let t = line.trim();
        if t == "---" {
            return Ok((fm, i + 1));
        }
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let Some((key, value)) = t.split_once(':') else {
            return Err((
                line_no,
                format!("front matter line is not `key: value`: `{t}`"),
            ));
        };
        let value = value.trim().trim_matches('"').to_string();
        match key.trim() {
            "title" => fm.title = Some(value),
            "date" => {
                if iso_date(&DATE_IN_NAME, &value).as_deref() != Some(value.as_str()) {
                    return Err((line_no, format!("date `{value}` is not YYYY-MM-DD")));
                }
                fm.date = Some(value)
            }
            "source" => fm.source = Some(value),
            "label" => fm.label = Some(value),
            "answerer" => fm.answerer = Some(value),
            other => {
                return Err((
                    line_no,
                    format!(
                        "unknown front matter key `{other}` (title, date, source, label, answerer)"
                    ),
                ));
            }
        }
    }
    Err((1, "front matter opened with `---` is never closed".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_errors() {
        let (fm, body) =
            parse_front_matter("---\ntitle: T\nanswerer: 耿爽\n# note\n---\nbody\n").unwrap();
        assert_eq!(fm.title.as_deref(), Some("T"));
        assert_eq!(fm.answerer.as_deref(), Some("耿爽"));
        assert_eq!(body, 5);
        assert_eq!(parse_front_matter("no front matter\n").unwrap().1, 0);
        let e = parse_front_matter("---\nspeaker: x\n---\n").unwrap_err();
        assert_eq!(e.0, 2);
        assert!(e.1.contains("answerer"));
        assert_eq!(parse_front_matter("---\ntitle: T\n").unwrap_err().0, 1);
    }
}
