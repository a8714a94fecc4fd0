//! Short exchange ids for the console: `2024-03-07#2` instead of
//! `2024-03-07-wangyi-press-conference-part2#2`. A document's short name is the shortest
//! prefix of its id, cut at a `-`, that no other document's id starts with (at least the
//! date when the id starts with one); `topic` takes short and full ids alike.

use std::collections::HashMap;

use crate::corpus::Document;
use crate::reply::{Answer, TopicSummary};

/// Full document id → short name, and back.
#[derive(Debug, Default)]
pub struct ShortIds {
    short: HashMap<String, String>,
    full: HashMap<String, String>,
}

impl ShortIds {
    /// The short names of `docs`.
    pub fn new(docs: &[Document]) -> ShortIds {
        ShortIds::from_ids(&docs.iter().map(|d| d.id.as_str()).collect::<Vec<_>>())
    }

    /// The short names of these document ids.
    pub fn from_ids(ids: &[&str]) -> ShortIds {
        let mut out = ShortIds::default();
        for id in ids {
            let cuts = id
                .char_indices()
                .filter(|(_, c)| *c == '-')
                .map(|(i, _)| i)
                .chain([id.len()]);
            let min = if looks_dated(id) { 10 } else { 1 };
            let short = cuts
                .filter(|&i| i >= min)
                .map(|i| &id[..i])
                .find(|p| {
                    ids.iter()
                        .filter(|other| *other != id)
                        .all(|other| !other.starts_with(p))
                })
                .unwrap_or(id);
            out.short.insert(id.to_string(), short.to_string());
            out.full.insert(short.to_string(), id.to_string());
        }
        out
    }

    /// `doc#3` with its document's short name.
    pub fn shorten(&self, exchange: &str) -> String {
        match exchange.rsplit_once('#') {
            Some((doc, n)) => match self.short.get(doc) {
                Some(s) => format!("{s}#{n}"),
                None => exchange.to_string(),
            },
            None => exchange.to_string(),
        }
    }

    /// A short id back to the full one; anything else unchanged.
    pub fn expand(&self, name: &str) -> String {
        let name = name.trim();
        match name.rsplit_once('#') {
            Some((doc, n)) if !self.short.contains_key(doc) => match self.full.get(doc) {
                Some(full) => format!("{full}#{n}"),
                None => name.to_string(),
            },
            _ => name.to_string(),
        }
    }

    /// The answer with its exchange ids shortened (for the console, not for JSON).
    pub fn answer(&self, mut answer: Answer) -> Answer {
        for h in &mut answer.hits {
            h.exchange = self.shorten(&h.exchange);
        }
        for t in &mut answer.suggestions {
            t.id = self.shorten(&t.id);
        }
        answer
    }

    /// Topics with their ids shortened.
    pub fn topics(&self, mut topics: Vec<TopicSummary>) -> Vec<TopicSummary> {
        for t in &mut topics {
            t.id = self.shorten(&t.id);
        }
        topics
    }
}

fn looks_dated(id: &str) -> bool {
    let b = id.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(names: &[&str]) -> ShortIds {
        ShortIds::from_ids(names)
    }

    #[test]
    fn the_date_when_it_is_unique_else_longer() {
        let s = ids(&[
            "2024-03-07-wangyi-part2",
            "2024-03-08-lu",
            "2024-03-09-a-x",
            "2024-03-09-b-y",
            "notes",
        ]);
        assert_eq!(s.shorten("2024-03-07-wangyi-part2#2"), "2024-03-07#2");
        assert_eq!(s.shorten("2024-03-09-a-x#1"), "2024-03-09-a#1");
        assert_eq!(s.shorten("notes#4"), "notes#4");
        assert_eq!(s.expand("2024-03-07#2"), "2024-03-07-wangyi-part2#2");
        assert_eq!(s.expand("2024-03-09-b#3"), "2024-03-09-b-y#3");
        assert_eq!(s.expand("notes#4"), "notes#4");
        assert_eq!(s.expand("非洲"), "非洲");
    }

    #[test]
    fn an_id_that_prefixes_another_stays_whole() {
        let s = ids(&["2024-03-07", "2024-03-07-b"]);
        assert_eq!(s.shorten("2024-03-07#1"), "2024-03-07#1");
        assert_eq!(s.shorten("2024-03-07-b#1"), "2024-03-07-b#1");
        assert_eq!(s.expand("2024-03-07#1"), "2024-03-07#1");
    }
}
