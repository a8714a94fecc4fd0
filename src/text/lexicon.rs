//! The language data the pipeline runs on: jieba with the user dictionary, the question filler
//! that must not drive ranking, and the query synonyms. All of it is data in `data/`, not code.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use jieba_rs::Jieba;

use super::english::Glossary;
use super::normalize::normalize_str;
use crate::error::{DataError, Error};

/// File names inside the data folder.
pub const USER_DICT_FILE: &str = "userdict.txt";
/// Question filler and stop words, one a line.
pub const FILLER_FILE: &str = "filler.txt";
/// Synonym groups, `canonical = alias, alias`.
pub const SYNONYMS_FILE: &str = "synonyms.txt";

const EMBEDDED_USER_DICT: &str = include_str!("../../data/userdict.txt");
const EMBEDDED_FILLER: &str = include_str!("../../data/filler.txt");
const EMBEDDED_SYNONYMS: &str = include_str!("../../data/synonyms.txt");

/// A user-dictionary line without a frequency gets this one. jieba-rs gives such a word
/// frequency 0 and then never chooses it (docs/chinese-stack.md §2), which is never what the
/// author of the line meant.
const DEFAULT_USER_FREQ: usize = 2000;

/// jieba, the filler words and the synonyms, built once and shared.
#[derive(Clone)]
pub struct Lexicon {
    jieba: Arc<Jieba>,
    filler: Arc<HashSet<String>>,
    /// Filler that jieba's dictionary cuts into several words (这件事情 → 这件 / 事情, 啥样 →
    /// 啥 / 样): the set holds the phrase, not its pieces, so a question's pieces are matched
    /// here.
    filler_phrases: Arc<Option<aho_corasick::AhoCorasick>>,
    synonyms: Arc<Synonyms>,
    user_terms: Arc<HashSet<String>>,
    /// Parts of speech the user dictionary gives words jieba already knows: jieba keeps its own
    /// tag for them (it takes only the new frequency), so the dictionary's are kept here.
    user_tags: Arc<HashMap<String, String>>,
    /// The user dictionary's text: part of the index fingerprint.
    user_dict_source: Arc<str>,
    /// The English–Chinese glossary, read when the first English question comes.
    english: Arc<OnceLock<Glossary>>,
}

/// General rarity (ln of 60M over the frequency) below which a word counts as not specific at
/// all (about 20 000 occurrences: 问题, 中国), and the span above it to fully specific (about
/// 50 occurrences: 朱鹮, 克里米亚).
const SPECIFICITY_FLOOR: f32 = 8.0;
const SPECIFICITY_SPAN: f32 = 6.0;

/// The three data files' texts as read (the embedded copy for a file that is missing), before
/// jieba is built from them: what a saved library is checked against.
#[derive(Debug, Clone)]
pub struct LexiconSources {
    user_dict: (String, PathBuf),
    filler: String,
    synonyms: (String, PathBuf),
}

impl LexiconSources {
    /// Reads the data files of `dir`; a file that is missing falls back to the embedded copy.
    pub fn read(dir: &Path) -> Result<LexiconSources, Error> {
        let read = |name: &str, embedded: &'static str| -> Result<(String, PathBuf), Error> {
            let path = dir.join(name);
            if path.is_file() {
                let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
                Ok((text, path))
            } else {
                Ok((
                    embedded.to_string(),
                    PathBuf::from(format!("(embedded) {name}")),
                ))
            }
        };
        Ok(LexiconSources {
            user_dict: read(USER_DICT_FILE, EMBEDDED_USER_DICT)?,
            filler: read(FILLER_FILE, EMBEDDED_FILLER)?.0,
            synonyms: read(SYNONYMS_FILE, EMBEDDED_SYNONYMS)?,
        })
    }

    /// The files compiled into the binary.
    pub fn embedded() -> LexiconSources {
        let embedded = |text: &str, name: &str| {
            (
                text.to_string(),
                PathBuf::from(format!("(embedded) {name}")),
            )
        };
        LexiconSources {
            user_dict: embedded(EMBEDDED_USER_DICT, USER_DICT_FILE),
            filler: EMBEDDED_FILLER.to_string(),
            synonyms: embedded(EMBEDDED_SYNONYMS, SYNONYMS_FILE),
        }
    }

    /// Each file's name and the SHA-256 of its text: all three shape what is derived from the
    /// transcripts (segmentation, topic names).
    pub fn digests(&self) -> Vec<(String, String)> {
        use sha2::{Digest, Sha256};
        [
            (USER_DICT_FILE, &self.user_dict.0),
            (FILLER_FILE, &self.filler),
            (SYNONYMS_FILE, &self.synonyms.0),
        ]
        .into_iter()
        .map(|(name, text)| (name.to_string(), format!("{:x}", Sha256::digest(text))))
        .collect()
    }

    /// Builds jieba with the user dictionary (about 0.1 s), the filler words and the synonyms.
    pub fn build(&self) -> Result<Lexicon, Error> {
        Lexicon::from_sources(
            &self.user_dict.0,
            &self.user_dict.1,
            &self.filler,
            &self.synonyms.0,
            &self.synonyms.1,
        )
    }
}

impl Lexicon {
    /// Loads the data files of `dir`; a file that is missing falls back to the embedded copy.
    pub fn load(dir: &Path) -> Result<Lexicon, Error> {
        LexiconSources::read(dir)?.build()
    }

    /// The lexicon built from the files compiled into the binary.
    pub fn embedded() -> Lexicon {
        LexiconSources::embedded()
            .build()
            .expect("the embedded data files are valid")
    }

    fn from_sources(
        dict: &str,
        dict_path: &Path,
        filler: &str,
        synonyms: &str,
        synonyms_path: &Path,
    ) -> Result<Lexicon, Error> {
        let mut jieba = Jieba::new();
        let mut user_terms = HashSet::new();
        let mut user_tags = HashMap::new();
        for (no, line) in data_lines(dict) {
            let mut parts = line.split_whitespace();
            let word = normalize_str(parts.next().unwrap_or_default());
            let freq = match parts.next() {
                None => DEFAULT_USER_FREQ,
                Some(f) => f.parse::<usize>().map_err(|_| DataError {
                    path: dict_path.to_path_buf(),
                    line: Some(no),
                    message: format!(
                        "frequency `{f}` is not a whole number (expected `word freq [tag]`)"
                    ),
                })?,
            };
            let tag = parts.next();
            if let Some(tag) = tag
                && jieba.has_word(&word)
            {
                user_tags.insert(word.clone(), tag.to_string());
            }
            jieba.add_word(&word, Some(freq), tag);
            user_terms.insert(word);
        }
        let filler: HashSet<String> = data_lines(filler).map(|(_, w)| normalize_str(w)).collect();
        let phrases: Vec<&String> = filler
            .iter()
            .filter(|w| w.chars().count() >= 2 && w.chars().all(crate::script::is_han))
            .filter(|w| jieba.cut(w, false).len() > 1)
            .collect();
        // Leftmost-longest: 这件事情 over 这件事.
        let filler_phrases = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&phrases)
            .ok();
        Ok(Lexicon {
            jieba: Arc::new(jieba),
            filler_phrases: Arc::new(filler_phrases),
            filler: Arc::new(filler),
            synonyms: Arc::new(Synonyms::parse(synonyms, synonyms_path)?),
            user_terms: Arc::new(user_terms),
            user_tags: Arc::new(user_tags),
            user_dict_source: Arc::from(dict),
            english: Arc::new(OnceLock::new()),
        })
    }

    /// The English–Chinese glossary English questions are read with, the synonyms' English
    /// names (Belt and Road = 一带一路) first.
    pub fn english(&self) -> &Glossary {
        self.english
            .get_or_init(|| Glossary::embedded().with_names(self.synonyms.english_names()))
    }

    /// The shared jieba instance.
    pub fn jieba(&self) -> Arc<Jieba> {
        Arc::clone(&self.jieba)
    }

    /// The part of speech the user dictionary gives `word` (normalised), where jieba knew the
    /// word before and kept its own.
    pub fn user_tag(&self, word: &str) -> Option<&str> {
        self.user_tags.get(word).map(String::as_str)
    }

    /// How specific a word is in Chinese at large, from 0 (the commonest words) to 1 (rare
    /// names and terms), by its frequency in jieba's dictionary (60 million words of general
    /// text; a word not in it is estimated from its parts). 故意 and 原本 are common whatever a
    /// library says; 朱鹮 and 克里米亚 are not. Latin words count as specific.
    pub fn specificity(&self, word: &str) -> f32 {
        if word.is_ascii() {
            return 1.0;
        }
        let rarity = (1.0 / self.general_share(word)).ln();
        ((rarity - SPECIFICITY_FLOOR) / SPECIFICITY_SPAN).clamp(0.0, 1.0)
    }

    /// The share of all words of general Chinese text that are `word` (jieba's dictionary
    /// frequency over its 60 million words; for a word it lacks, estimated from its parts).
    pub fn general_share(&self, word: &str) -> f32 {
        const GENERAL_WORDS: f32 = 6.0e7;
        (self.jieba.suggest_freq(word) as f32 + 1.0) / GENERAL_WORDS
    }

    /// Is `term` (normalised) question filler or a stop word that must not drive ranking?
    pub fn is_filler(&self, term: &str) -> bool {
        self.filler.contains(term) || is_question_form(term)
    }

    /// Where filler of several words stands in `normalized` (byte ranges, leftmost-longest):
    /// the words jieba cut it into are filler there and only there.
    pub fn filler_phrases_in(&self, normalized: &str) -> Vec<std::ops::Range<usize>> {
        match self.filler_phrases.as_ref() {
            Some(ac) => ac.find_iter(normalized).map(|m| m.range()).collect(),
            None => Vec::new(),
        }
    }

    /// Is `term` (normalised) one of the domain terms of the user dictionary?
    pub fn is_domain_term(&self, term: &str) -> bool {
        self.user_terms.contains(term)
    }

    /// The synonym table.
    pub fn synonyms(&self) -> &Synonyms {
        &self.synonyms
    }

    /// What the index depends on: the user dictionary (segmentation) — the filler and synonyms
    /// apply to queries only.
    pub fn index_fingerprint_source(&self) -> &str {
        &self.user_dict_source
    }
}

/// Measure words a demonstrative or question word takes (那艘, 哪天, 几只, 第几次).
pub(crate) const MEASURE_WORDS: &str =
    "个座艘只次天年月号位名件些阵种回场批条家架辆所项份边轮届周趟遍";

/// Words that only shape a question, whatever the dictionary says: a demonstrative or question
/// word with a measure word (那艘, 这次, 哪天, 几只, 那阵子, 哪几个, 第几次), and the A-not-A form
/// (认不认, 支不支持).
pub(crate) fn is_question_form(term: &str) -> bool {
    // Question forms are two to four characters; longer terms are not looked at.
    let mut chars = ['\0'; 4];
    let mut len = 0;
    for c in term.chars() {
        if len == chars.len() {
            return false;
        }
        chars[len] = c;
        len += 1;
    }
    match &chars[..len] {
        [d, m, rest @ ..] if "这那哪几每某".contains(*d) && MEASURE_WORDS.contains(*m) => {
            rest.len() <= 1
        }
        [d, '一', m] if "这那哪".contains(*d) && MEASURE_WORDS.contains(*m) => true,
        ['哪' | '第', '几', m] if MEASURE_WORDS.contains(*m) => true,
        [a, n, b, ..] if starts_a_not_a(*a, *n, *b) => true,
        _ => false,
    }
}

/// Do three characters open the A-not-A form of a question (认不认, 支不支持, 有没有)?
pub(crate) fn starts_a_not_a(a: char, n: char, b: char) -> bool {
    a == b && matches!(n, '不' | '没')
}

/// Does a text ask in the A-not-A form anywhere (会不会影响, 有没有)?
pub(crate) fn holds_a_not_a(text: &str) -> bool {
    let mut chars = text.chars();
    let (Some(mut a), Some(mut n)) = (chars.next(), chars.next()) else {
        return false;
    };
    for b in chars {
        if starts_a_not_a(a, n, b) {
            return true;
        }
        (a, n) = (n, b);
    }
    false
}

/// Non-empty, non-comment lines with their 1-based numbers.
fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
}

/// Query synonyms and aliases: groups of equivalent names, the first one canonical.
#[derive(Debug, Default)]
pub struct Synonyms {
    groups: Vec<Vec<Name>>,
    /// Every name that is not an acronym, found in one pass over a query; `owners[pattern]` is
    /// its (group, name) position.
    finder: Option<aho_corasick::AhoCorasick>,
    owners: Vec<(usize, usize)>,
}

/// One name of a synonym group.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Name {
    /// Normalised (lowercase): how it is searched.
    normalized: String,
    /// An acronym as written (`WHO`, `UN`): it matches only in capitals, so "who" is no WHO.
    acronym: Option<String>,
}

/// `WHO`, `UN`, `A.I.`: two or more capitals (dots allowed), no lowercase.
fn acronym(name: &str) -> Option<String> {
    let letters = name.chars().filter(|c| c.is_ascii_uppercase()).count();
    (letters >= 2
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '.'))
    .then(|| name.to_string())
}

impl Synonyms {
    /// The names written in Latin letters that are not acronyms (`belt and road`, lowercase),
    /// each with its group's canonical name when that is Chinese (一带一路).
    pub fn english_names(&self) -> impl Iterator<Item = (&str, &str)> {
        self.groups.iter().flat_map(|group| {
            let canonical = group[0].normalized.as_str();
            let chinese = canonical.chars().any(crate::script::is_han);
            group[1..]
                .iter()
                .filter(move |n| {
                    chinese
                        && n.acronym.is_none()
                        && n.normalized.chars().all(|c| c.is_ascii() && c != '.')
                        && n.normalized.chars().any(|c| c.is_ascii_alphabetic())
                })
                .map(move |n| (n.normalized.as_str(), canonical))
        })
    }

    /// Parses `canonical = alias, alias, …` lines (`#` comments).
    pub fn parse(text: &str, path: &Path) -> Result<Synonyms, Error> {
        let mut groups = Vec::new();
        for (no, line) in data_lines(text) {
            let Some((head, tail)) = line.split_once('=') else {
                return Err(DataError {
                    path: path.to_path_buf(),
                    line: Some(no),
                    message: "expected `term = alias, alias, …`".into(),
                }
                .into());
            };
            let mut group: Vec<Name> = std::iter::once(head)
                .chain(tail.split([',', '，']))
                .map(|s| Name {
                    normalized: normalize_str(s.trim()),
                    acronym: acronym(s.trim()),
                })
                .filter(|n| !n.normalized.is_empty())
                .collect();
            group.dedup_by(|a, b| a.normalized == b.normalized);
            if group.len() < 2 {
                return Err(DataError {
                    path: path.to_path_buf(),
                    line: Some(no),
                    message: "a synonym group needs at least two names".into(),
                }
                .into());
            }
            groups.push(group);
        }
        let mut patterns: Vec<&str> = Vec::new();
        let mut owners = Vec::new();
        for (g, group) in groups.iter().enumerate() {
            for (n, name) in group.iter().enumerate() {
                if name.acronym.is_none() {
                    patterns.push(&name.normalized);
                    owners.push((g, n));
                }
            }
        }
        // Names are short strings; if the automaton could not be built, the plain search
        // below (`matches`) still finds them. A contiguous NFA, not a DFA: over a thousand
        // Chinese names a DFA's transition table costs megabytes of resident memory, and it
        // only ever scans one short question.
        let finder = aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .ok();
        Ok(Synonyms {
            groups,
            finder,
            owners,
        })
    }

    /// The names to add to a query (as typed): the other members (normalised) of every group one
    /// of whose names occurs in it. Latin names match whole words only ("ai" not inside
    /// "said"), and acronyms only in capitals ("WHO" is the organisation, "who" is not).
    pub fn expansions(&self, query: &str) -> Vec<String> {
        let normalized = normalize_str(query);
        let mut out: Vec<String> = Vec::new();
        for (_, others) in self.matches(query) {
            for o in others {
                if !contains_name(&normalized, &o) && !out.contains(&o) {
                    out.push(o);
                }
            }
        }
        out
    }

    /// For each name of a group that occurs in the query (as typed): the name found
    /// (normalised) and every other name of the group (normalised), the group's canonical
    /// name (the library's word) first.
    pub fn matches(&self, query: &str) -> Vec<(String, Vec<String>)> {
        self.matches_normalized(&normalize_str(query), query)
    }

    /// [`Synonyms::matches`] for a query normalised already (`normalized`), as typed (`query`,
    /// for acronyms).
    pub fn matches_normalized(&self, normalized: &str, query: &str) -> Vec<(String, Vec<String>)> {
        // Which names of which groups stand in the query: (group, name) positions.
        let mut found: Vec<(usize, usize)> = Vec::new();
        let mut mark = |g: usize, n: usize| found.push((g, n));
        match &self.finder {
            Some(finder) => {
                for m in finder.find_overlapping_iter(normalized) {
                    let (g, n) = self.owners[m.pattern().as_usize()];
                    if is_whole_name(normalized, m.start(), m.end()) {
                        mark(g, n);
                    }
                }
            }
            None => {
                for &(g, n) in &self.owners {
                    if contains_name(normalized, &self.groups[g][n].normalized) {
                        mark(g, n);
                    }
                }
            }
        }
        // Acronyms match in capitals only: a query without any has none.
        let capitals = query
            .chars()
            .any(|c| c.is_ascii_uppercase() || ('Ａ'..='Ｚ').contains(&c));
        if capitals && self.groups.iter().flatten().any(|n| n.acronym.is_some()) {
            let cased: String = unicode_normalization::UnicodeNormalization::nfkc(query).collect();
            for (g, group) in self.groups.iter().enumerate() {
                for (n, name) in group.iter().enumerate() {
                    if let Some(a) = &name.acronym
                        && contains_name(&cased, a)
                    {
                        mark(g, n);
                    }
                }
            }
        }
        // Each name found once, in the table's order: a question that names a group twice in
        // different words (澳洲 … 澳大利亚人) gets the group's other names for each.
        found.sort_unstable();
        found.dedup();
        found
            .into_iter()
            .map(|(g, n)| {
                let group = &self.groups[g];
                let hit = &group[n];
                let others = group
                    .iter()
                    .filter(|o| o.normalized != hit.normalized)
                    .map(|o| o.normalized.clone())
                    .collect();
                (hit.normalized.clone(), others)
            })
            .collect()
    }

    /// The canonical name (normalised) of the group `name` (normalised) is the canonical name
    /// of, if it is one: `Some(name)` for a canonical name, `None` for an alias or a stranger.
    pub fn canonical_of(&self, name: &str) -> Option<&str> {
        self.groups
            .iter()
            .find(|g| g[0].normalized == name)
            .map(|g| g[0].normalized.as_str())
    }

    /// Number of groups.
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// True when there are no groups.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
}

/// Is `haystack[start..end]` a whole name: any Chinese, and Latin only as whole words.
fn is_whole_name(haystack: &str, start: usize, end: usize) -> bool {
    if haystack[start..end].is_ascii() {
        let is_word = |c: char| c.is_ascii_alphanumeric();
        let before = haystack[..start].chars().next_back();
        let after = haystack[end..].chars().next();
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    } else {
        true
    }
}

fn contains_name(haystack: &str, name: &str) -> bool {
    if !name.is_ascii() {
        return haystack.contains(name);
    }
    let is_word = |c: char| c.is_ascii_alphanumeric();
    haystack.match_indices(name).any(|(i, _)| {
        let before = haystack[..i].chars().next_back();
        let after = haystack[i + name.len()..].chars().next();
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_a_not_a_question_is_found_anywhere() {
        assert!(holds_a_not_a("再建几座电站，会不会影响下游"));
        assert!(holds_a_not_a("有没有"));
        assert!(!holds_a_not_a("不会影响下游"));
        assert!(!holds_a_not_a("会"));
    }

    #[test]
    fn each_shipped_synonym_group_has_a_canonical_name_of_its_own() {
        // A second group under the same canonical name is a group split by mistake: its names
        // belong on the first line, where `canonical_of` looks.
        let syn = Synonyms::parse(EMBEDDED_SYNONYMS, Path::new(SYNONYMS_FILE)).unwrap();
        let mut seen = std::collections::HashSet::new();
        for group in &syn.groups {
            assert!(
                seen.insert(group[0].normalized.as_str()),
                "two groups named {}",
                group[0].normalized
            );
        }
    }

    #[test]
    fn synonyms_expand_both_ways_and_respect_word_boundaries() {
        let syn = Synonyms::parse(
            "人工智能 = AI, 人工智慧, artificial intelligence\n",
            Path::new("t"),
        )
        .unwrap();
        assert_eq!(
            syn.expansions("AI governance"),
            vec!["人工智能", "人工智慧", "artificial intelligence"]
        );
        assert!(syn.expansions("he said so").is_empty());
        assert!(
            syn.expansions("Ai governance").is_empty(),
            "acronyms match in capitals"
        );
        assert!(syn.expansions("人工智能合作").contains(&"ai".to_string()));
    }

    #[test]
    fn a_group_named_twice_in_other_words_is_found_for_each() {
        let syn = Synonyms::parse("澳大利亚 = 澳洲, Australia\n", Path::new("t")).unwrap();
        let found: Vec<String> = syn
            .matches("澳洲赌场的员工里有几个澳大利亚人？")
            .into_iter()
            .map(|(name, _)| name)
            .collect();
        assert_eq!(found, ["澳大利亚", "澳洲"]);
    }

    #[test]
    fn question_forms_are_filler() {
        for w in [
            "那艘",
            "这次",
            "哪天",
            "几只",
            "那阵子",
            "认不认",
            "支不支持",
            "有没有",
            "哪几个",
            "第几次",
            "第几轮",
            "几周",
        ] {
            assert!(is_question_form(w), "{w}");
        }
        for w in [
            "那不勒斯",
            "这里",
            "几内亚",
            "支持",
            "个人",
            "第几",
            "是不是真的要来",
        ] {
            assert!(!is_question_form(w), "{w}");
        }
    }

    #[test]
    fn acronyms_are_case_sensitive() {
        let syn = Synonyms::parse("世卫组织 = 世界卫生组织, WHO\n", Path::new("t")).unwrap();
        assert!(syn.expansions("Who won the US election?").is_empty());
        assert!(syn.expansions("who said it").is_empty());
        assert!(
            syn.expansions("WHO 的立场")
                .contains(&"世卫组织".to_string())
        );
        assert!(syn.expansions("ＷＨＯ").contains(&"世卫组织".to_string()));
        assert!(syn.expansions("世界衛生組織").contains(&"who".to_string()));
    }

    #[test]
    fn bad_synonym_line_names_the_line() {
        let err =
            Synonyms::parse("# c\nok = fine\nbroken line\n", Path::new("syn.txt")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "syn.txt:3: expected `term = alias, alias, …`"
        );
    }

    #[test]
    fn bad_frequency_names_the_line() {
        let err = Lexicon::from_sources(
            "全球南方 lots\n",
            Path::new("dict.txt"),
            "",
            "",
            Path::new("s"),
        )
        .err()
        .unwrap();
        assert!(
            err.to_string().starts_with("dict.txt:1: frequency `lots`"),
            "{err}"
        );
    }

    #[test]
    fn the_user_dictionary_tags_words_jieba_already_knows() {
        let lex = Lexicon::from_sources(
            "城市 5000 n\n南麂岛 100 ns\n",
            Path::new("userdict.txt"),
            "",
            "",
            Path::new("synonyms.txt"),
        )
        .expect("valid data");
        // jieba tags 城市 as a place name (ns) and keeps that tag on add_word.
        assert_eq!(lex.user_tag("城市"), Some("n"));
        // A new word gets its tag from jieba itself.
        assert_eq!(lex.user_tag("南麂岛"), None);
        assert_eq!(lex.user_tag("国家"), None);
    }

    #[test]
    fn embedded_data_loads() {
        let lex = Lexicon::embedded();
        assert!(lex.is_filler("什么"));
        assert!(lex.is_domain_term("全球南方"));
        assert!(!lex.synonyms().is_empty());
    }

    #[test]
    fn a_day_told_from_another_is_filler() {
        let lex = Lexicon::embedded();
        for day in ["前一天", "第二天", "次日"] {
            assert!(lex.is_filler(day), "{day}");
        }
    }

    #[test]
    fn the_names_asked_by_have_the_librarys() {
        let lex = Lexicon::embedded();
        for (asked, said) in [
            // The health commission, as the library names it.
            ("卫健委", "国家卫生健康委"),
            // The first of a line.
            ("第一任", "首任"),
            ("第一届", "首届"),
            ("落幕", "闭幕"),
            // A student's words for the ministry's.
            ("唱主角", "主角"),
            ("头把交椅", "第一大"),
            ("挂心", "放心不下"),
            ("骨子里", "底色"),
            ("老毛病", "病根"),
        ] {
            let names = lex.synonyms().matches(asked);
            assert!(
                names
                    .iter()
                    .any(|(_, others)| others.iter().any(|o| o == said)),
                "{asked}: {names:?}"
            );
        }
    }
}
