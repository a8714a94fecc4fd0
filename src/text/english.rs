//! Reading a question asked in English in the library's Chinese: each phrase looked up in an
//! English–Chinese glossary (the ministry's own words first, then CC-CEDICT), the word the
//! library uses most taken, dates written as Chinese dates and speakers' names in pinyin as
//! their names, so the question can be asked as a Chinese one. Words the glossary does not know
//! stay as they are: the library never holds them, which is what tells the no-quote model so.
//!
//! A word-for-word reading, not a translation: it only has to find the passage, and the reply
//! shows it (`read as …`) so a reader can see what was searched.

use std::borrow::Cow;
use std::collections::HashMap;

const OVERRIDES: &str = include_str!("../../data/english/overrides.tsv");
const CC_CEDICT: &str = include_str!("../../data/english/cc-cedict.tsv");

/// The longest glossary phrase, in words.
const LONGEST_PHRASE: usize = 4;

/// Words that carry no subject: articles, auxiliaries, pronouns, prepositions, and question
/// words past a clause's start (asked when…, the day when…), which ask nothing there.
const FUNCTION_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "anyone",
    "anything",
    "are",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "get",
    "got",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "just",
    "kind",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "no",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "same",
    "shall",
    "she",
    "should",
    "so",
    "some",
    "someone",
    "something",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "thing",
    "things",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
];

/// What a question asks, when its first words say it (`How many …`): the Chinese question word,
/// which tells the kind of answer wanted.
const ASKING: &[(&str, &str)] = &[
    ("how many people", "多少人"),
    ("how many times", "多少次"),
    ("how many", "多少"),
    ("how long", "多久"),
    ("how much", "多少"),
    ("what year", "哪一年"),
    ("which year", "哪一年"),
    ("what day", "哪天"),
    ("what date", "哪天"),
    ("why", "为什么"),
    ("who", "谁"),
    ("whom", "谁"),
    ("whose", "谁的"),
    ("when", "什么时候"),
    ("where", "哪里"),
    ("which", "哪个"),
];

/// Irregular past forms of verbs a question about diplomacy uses, and their plain form.
const IRREGULAR: &[(&str, &str)] = &[
    ("began", "begin"),
    ("begun", "begin"),
    ("broke", "break"),
    ("broken", "break"),
    ("brought", "bring"),
    ("built", "build"),
    ("bought", "buy"),
    ("came", "come"),
    ("caught", "catch"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("drew", "draw"),
    ("drawn", "draw"),
    ("fell", "fall"),
    ("fallen", "fall"),
    ("felt", "feel"),
    ("fought", "fight"),
    ("found", "find"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("gave", "give"),
    ("given", "give"),
    ("grew", "grow"),
    ("grown", "grow"),
    ("held", "hold"),
    ("kept", "keep"),
    ("knew", "know"),
    ("known", "know"),
    ("laid", "lay"),
    ("led", "lead"),
    ("left", "leave"),
    ("lost", "lose"),
    ("made", "make"),
    ("meant", "mean"),
    ("met", "meet"),
    ("paid", "pay"),
    ("ran", "run"),
    ("rose", "rise"),
    ("risen", "rise"),
    ("said", "say"),
    ("saw", "see"),
    ("seen", "see"),
    ("sent", "send"),
    ("shot", "shoot"),
    ("sold", "sell"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("spent", "spend"),
    ("stood", "stand"),
    ("struck", "strike"),
    ("taken", "take"),
    ("took", "take"),
    ("taught", "teach"),
    ("thought", "think"),
    ("told", "tell"),
    ("understood", "understand"),
    ("went", "go"),
    ("won", "win"),
    ("wrote", "write"),
    ("written", "write"),
];

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A phrase's Chinese words: the ministry's own first (chosen over the dictionary's whenever the
/// library uses one of them), then the dictionary's, each list best first.
#[derive(Debug)]
struct Senses<'g> {
    ministry: &'g [Cow<'static, str>],
    dictionary: Vec<&'static str>,
}

/// The English–Chinese glossary: `data/english/overrides.tsv` (the ministry's words) and
/// `data/english/cc-cedict.tsv` (CC-CEDICT's senses), compiled into the binary.
#[derive(Debug)]
pub struct Glossary {
    /// The ministry's words and the synonyms' English names, by phrase: a few hundred.
    ministry: HashMap<Cow<'static, str>, Vec<Cow<'static, str>>>,
    /// CC-CEDICT's phrases and their words as the file writes them (`中文,中文…`), sorted by
    /// phrase: looked up by binary search in the compiled-in text, which is not copied.
    dictionary: Vec<(&'static str, &'static str)>,
}

/// An English question read in Chinese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// The question in the library's words, to be asked as a Chinese question.
    pub chinese: String,
    /// How many of its words and phrases the glossary (or a date, or a name) gave Chinese for.
    pub known: usize,
    /// The words it did not know, as typed.
    pub unknown: Vec<String>,
}

/// One piece of an English question: a Latin word (as typed and lowercased), a number, a run
/// of Han characters typed into it (王毅), kept as it is, or a comma or other mark that ends a
/// clause (a question word may open the next: "During the mission, how many …").
#[derive(Debug, Clone)]
enum Piece {
    /// `joined`: typed right after a hyphen that follows a word (the Canada of China-Canada).
    Word {
        typed: String,
        lower: String,
        joined: bool,
    },
    Number(String),
    Han(String),
    Clause,
}

impl Glossary {
    /// The glossary compiled into the binary (about 63 000 phrases; read when the first English
    /// question comes).
    pub fn embedded() -> Glossary {
        let entries = |text: &'static str| {
            text.lines()
                .filter(|line| !line.starts_with('#'))
                .filter_map(|line| line.split_once('\t'))
                .map(|(phrase, words)| (phrase.trim(), words))
        };
        let mut ministry: HashMap<Cow<'static, str>, Vec<Cow<'static, str>>> = HashMap::new();
        for (phrase, words) in entries(OVERRIDES) {
            ministry
                .entry(Cow::Borrowed(phrase))
                .or_default()
                .extend(words_of(words).map(Cow::Borrowed));
        }
        let mut dictionary: Vec<(&str, &str)> = entries(CC_CEDICT).collect();
        dictionary.sort_by_key(|&(phrase, _)| phrase);
        Glossary {
            ministry,
            dictionary,
        }
    }

    /// The glossary with `names` (English name, Chinese name) put before the ministry's words:
    /// the synonyms' English names, which the library's own data gives.
    pub fn with_names<'n>(mut self, names: impl Iterator<Item = (&'n str, &'n str)>) -> Glossary {
        for (english, chinese) in names {
            let phrase = english.replace('-', " ").to_ascii_lowercase();
            let words = self.ministry.entry(Cow::Owned(phrase)).or_default();
            if !words.iter().any(|w| w == chinese) {
                words.insert(0, Cow::Owned(chinese.to_string()));
            }
        }
        self
    }

    /// Reads `question` in Chinese. `speakers` are the library's speakers with their pinyin
    /// (`huachunying`, 华春莹); `used(word)` says in how many passages the library uses a word,
    /// which picks among a phrase's senses. `None` when nothing of it has a Chinese reading.
    pub fn read<S: AsRef<str>>(
        &self,
        question: &str,
        speakers: &[(String, String)],
        used: impl Fn(&str) -> u64,
        in_pinyin: impl Fn(&str) -> Option<S>,
    ) -> Option<Reading> {
        let pieces = pieces(question);
        let mut out = String::new();
        let mut known = 0;
        let mut unknown = Vec::new();
        let mut i = 0;
        let mut clause_start = 0;
        while i < pieces.len() {
            match &pieces[i] {
                Piece::Clause => {
                    i += 1;
                    clause_start = i;
                    continue;
                }
                Piece::Han(text) => {
                    out.push_str(text);
                    known += 1;
                    i += 1;
                    continue;
                }
                Piece::Number(n) => {
                    if let Some((date, next)) = date_at(&pieces, i) {
                        out.push_str(&date);
                        known += 1;
                        i = next;
                        continue;
                    }
                    // A year is a period (2015年): the date filter reads it.
                    if is_year(n) {
                        out.push_str(n);
                        out.push('年');
                    } else {
                        out.push_str(n);
                    }
                    i += 1;
                    continue;
                }
                Piece::Word { .. } => {}
            }
            if let Some((date, next)) = date_at(&pieces, i) {
                out.push_str(&date);
                known += 1;
                i = next;
                continue;
            }
            if let Some((name, next)) = speaker_at(&pieces, i, speakers) {
                out.push_str(name);
                known += 1;
                i = next;
                continue;
            }
            if let Some((pair, next)) = self.pair_at(&pieces, i, &used) {
                out.push_str(&pair);
                known += 1;
                i = next;
                continue;
            }
            // The question word only where it opens a clause (not "hurt when shots…").
            if i == clause_start
                && let Some((asked, next)) = asking_at(&pieces[i..])
            {
                out.push_str(asked);
                i += next;
                continue;
            }
            let Piece::Word { typed, lower, .. } = &pieces[i] else {
                unreachable!("numbers, Han runs and clause marks are taken above")
            };
            // An acronym (US, WHO, BRICS) is left to the synonyms (US = 美国), not the
            // dictionary (us = 我们).
            if is_acronym(typed) {
                push_latin(&mut out, typed);
                known += 1;
                i += 1;
                continue;
            }
            let phrase = self.phrase_at(&pieces, i, &used);
            // A name in pinyin (Wang Yang = 汪洋): capitalised words that together spell a
            // word of the library, unless the glossary reads them as one phrase (Hong Kong).
            // Not one word alone: a foreign name spells a word as often (Sanchi = 三尺, not
            // the tanker 桑吉).
            if !matches!(phrase, Some((_, next)) if next > i + 1)
                && let Some((word, next)) = pinyin_at(&pieces, i, &in_pinyin)
            {
                out.push_str(word.as_ref());
                known += 1;
                i = next;
                continue;
            }
            if let Some((chinese, next)) = phrase {
                out.push_str(chinese);
                known += 1;
                i = next;
                continue;
            }
            if FUNCTION_WORDS.contains(&lower.as_str()) {
                i += 1;
                continue;
            }
            // A name the glossary lacks (Rohingya) stays as typed: the question's subject,
            // which the library may not hold. Another word it lacks (prospective) is dropped.
            if capitalised(typed) {
                push_latin(&mut out, typed);
            }
            unknown.push(typed.clone());
            i += 1;
        }
        (known > 0).then_some(Reading {
            chinese: out,
            known,
            unknown,
        })
    }

    /// The longest glossary phrase starting at piece `i` (its last word in any of its plain
    /// forms: bombings → bombing, killed → kill), its Chinese word and where it ends.
    fn phrase_at<'g>(
        &'g self,
        pieces: &[Piece],
        i: usize,
        used: &impl Fn(&str) -> u64,
    ) -> Option<(&'g str, usize)> {
        let words: Vec<&str> = pieces[i..]
            .iter()
            .take(LONGEST_PHRASE)
            .map_while(|p| match p {
                Piece::Word { lower, .. } => Some(lower.as_str()),
                _ => None,
            })
            .collect();
        let name = matches!(&pieces[i], Piece::Word { typed, .. } if capitalised(typed));
        let opens_with_function_word = FUNCTION_WORDS.contains(words.first()?);
        for n in (1..=words.len()).rev() {
            // A phrase's first word in its plain forms too: a verb with its particle (broke
            // out = break out, took part in = take part in).
            let firsts = if n >= 2 {
                plain_forms(words[0])
            } else {
                vec![words[0].to_string()]
            };
            let middle = if n > 2 {
                words[1..n - 1].join(" ")
            } else {
                String::new()
            };
            let phrases = firsts.iter().flat_map(|first| {
                let middle = &middle;
                plain_forms(words[n - 1])
                    .into_iter()
                    .map(move |last| match n {
                        1 => last,
                        2 => format!("{first} {last}"),
                        _ => format!("{first} {middle} {last}"),
                    })
            });
            // The ministry's words for any form first (confirmed: 确认 of confirm, not the
            // dictionary's 确诊 of confirmed), then the dictionary's.
            let mut phrases: Vec<String> = phrases.collect();
            phrases.sort_by_key(|p| !self.ministry.contains_key(p.as_str()));
            for phrase in phrases {
                // A function word is no phrase, nor opens one, in the dictionary's senses
                // (a = 一个, does ≠ doe = 雌鹿, get to = 破防, what is = 何为); the ministry's
                // and the synonyms' phrases may (on board = 机上, the west = 西方).
                if n == 1
                    && (FUNCTION_WORDS.contains(&words[0])
                        || FUNCTION_WORDS.contains(&phrase.as_str()))
                {
                    continue;
                }
                if let Some(senses) = self.senses(&phrase)
                    && !(opens_with_function_word && senses.ministry.is_empty())
                    && let Some(word) = pick(&senses, used, n > 1 || name)
                {
                    return Some((word, i + n));
                }
            }
        }
        None
    }

    /// China and another country joined by a hyphen (China-Canada, Sino-Japanese, US-China),
    /// as the ministry names the two: by their first characters (中加, 中日, 中美), when the
    /// library uses that pair. The other country is a name (capitalised) the glossary reads.
    fn pair_at(
        &self,
        pieces: &[Piece],
        i: usize,
        used: &impl Fn(&str) -> u64,
    ) -> Option<(String, usize)> {
        let is_china = |p: Option<&Piece>, joined_to: bool| {
            matches!(p, Some(Piece::Word { lower, joined, .. })
                if (lower == "china" || lower == "sino") && *joined == joined_to)
        };
        // The country at piece `j`: its first character, and where its name ends.
        let country = |j: usize, joined_to: bool| -> Option<(char, usize)> {
            let Some(Piece::Word { typed, joined, .. }) = pieces.get(j) else {
                return None;
            };
            if *joined != joined_to || !capitalised(typed) {
                return None;
            }
            let chinese = match COUNTRY_ACRONYMS.iter().find(|(a, _)| a == typed) {
                Some((_, chinese)) => (*chinese, j + 1),
                None if is_acronym(typed) => return None,
                None => self.phrase_at(pieces, j, used)?,
            };
            Some((chinese.0.chars().next()?, chinese.1))
        };
        let (first, next) = if is_china(pieces.get(i), false) {
            country(i + 1, true)?
        } else {
            let (first, end) = country(i, false)?;
            if !is_china(pieces.get(end), true) {
                return None;
            }
            (first, end + 1)
        };
        if first == '中' {
            return None;
        }
        // More countries joined on (China-Japan-South Korea = 中日韩): the longest run the
        // library uses.
        let mut chain = format!("中{first}");
        let mut best = (used(&chain) > 0).then(|| (chain.clone(), next));
        let mut end = next;
        while let Some((more, after)) = country(end, true) {
            chain.push(more);
            end = after;
            if used(&chain) > 0 {
                best = Some((chain.clone(), end));
            }
        }
        best
    }

    /// A phrase's words: the ministry's, then the dictionary's; `None` when it has neither.
    fn senses(&self, phrase: &str) -> Option<Senses<'_>> {
        let ministry = self.ministry.get(phrase).map_or(&[][..], Vec::as_slice);
        let dictionary = self
            .dictionary
            .binary_search_by(|&(p, _)| p.cmp(phrase))
            .map_or_else(|_| Vec::new(), |i| words_of(self.dictionary[i].1).collect());
        (!ministry.is_empty() || !dictionary.is_empty()).then_some(Senses {
            ministry,
            dictionary,
        })
    }
}

/// The words of a glossary line, `中文,中文…`.
fn words_of(words: &str) -> impl Iterator<Item = &str> {
    words.split(',').map(str::trim).filter(|w| !w.is_empty())
}

/// The sense the library uses: of the ministry's words when the phrase has some (they are
/// meant for it), the one used most, a later one paying for its place more; else of the
/// dictionary's, likewise with less weight on the place. When the library uses none of them,
/// the first of the ministry's, or of the dictionary's when `unused_too` (a phrase of several
/// words, or a name): the right word, whose absence tells the no-quote model that the library
/// does not speak of it (ambassador = 大使 over one transcript without it), where a shorter
/// phrase would stand for something else (united = 团结 of United States). A single everyday
/// word none of whose dictionary senses the library uses gets none: its first sense is as likely
/// a wrong one (surgery = 外科) as the word the library lacks, and would count against a passage
/// that answers.
fn pick<'g>(senses: &Senses<'g>, used: &impl Fn(&str) -> u64, unused_too: bool) -> Option<&'g str> {
    fn best<'g>(
        list: impl Iterator<Item = &'g str>,
        used: &impl Fn(&str) -> u64,
        per_place: f32,
    ) -> Option<&'g str> {
        list.enumerate()
            .filter_map(|(place, w)| {
                let n = used(w);
                (n > 0).then(|| ((n as f32).ln_1p() - per_place * place as f32, w))
            })
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, w)| w)
    }
    if senses.ministry.is_empty() {
        best(senses.dictionary.iter().copied(), used, 1.0).or(senses
            .dictionary
            .first()
            .copied()
            .filter(|_| unused_too))
    } else {
        best(senses.ministry.iter().map(|w| w.as_ref()), used, 3.0)
            .or(senses.ministry.first().map(|w| w.as_ref()))
    }
}

/// The forms a word may stand in the glossary as: itself, then without a plural, past or
/// -ing ending, and a country for its people (Ethiopian → Ethiopia, Canadian → Canada).
fn plain_forms(word: &str) -> Vec<String> {
    let mut forms = vec![word.to_string()];
    if let Some((_, plain)) = IRREGULAR.iter().find(|(past, _)| *past == word) {
        forms.push(plain.to_string());
    }
    let mut add = |stem: &str, end: &str| {
        if stem.len() >= 2 {
            forms.push(format!("{stem}{end}"));
        }
    };
    if let Some(s) = word.strip_suffix("ies") {
        add(s, "y");
    }
    if let Some(s) = word.strip_suffix("es") {
        add(s, "");
    }
    if let Some(s) = word.strip_suffix('s')
        && !word.ends_with("ss")
    {
        add(s, "");
    }
    if let Some(s) = word.strip_suffix("ied") {
        add(s, "y");
    }
    if let Some(s) = word.strip_suffix("ed") {
        add(s, "");
        add(s, "e");
    }
    if let Some(s) = word.strip_suffix("ing") {
        add(s, "");
        add(s, "e");
    }
    if let Some(s) = word.strip_suffix("ian") {
        add(s, "ia");
        add(s, "a");
        add(s, "");
    } else if let Some(s) = word.strip_suffix("an") {
        add(s, "a");
        add(s, "");
    }
    // British spellings last, read as the glossary's American ones (organisation, centre,
    // defence, labour, criticised).
    let american: Vec<String> = forms.iter().filter_map(|f| american(f)).collect();
    forms.extend(american);
    forms
}

/// A British spelling in American (organisation → organization, centre → center, labour →
/// labor, criticise → criticize), or `None`.
fn american(word: &str) -> Option<String> {
    const WHOLE: &[(&str, &str)] = &[
        ("defence", "defense"),
        ("offence", "offense"),
        ("licence", "license"),
        ("programme", "program"),
        ("programmes", "programs"),
        ("travelled", "traveled"),
        ("travelling", "traveling"),
        ("cancelled", "canceled"),
    ];
    if let Some((_, us)) = WHOLE.iter().find(|(uk, _)| *uk == word) {
        return Some(us.to_string());
    }
    for (uk, us) in [
        ("isation", "ization"),
        ("isations", "izations"),
        ("ise", "ize"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ising", "izing"),
        ("our", "or"),
        ("ours", "ors"),
        ("tre", "ter"),
        ("tres", "ters"),
    ] {
        // Long enough to be no plain word (rise, hour, four).
        if let Some(stem) = word.strip_suffix(uk)
            && stem.len() >= 4
        {
            return Some(format!("{stem}{us}"));
        }
    }
    None
}

/// The question cut into words, numbers (an ordinal's digits: 70th → 70) and Han runs;
/// possessives dropped (China's → china), hyphens and other marks separate.
fn pieces(question: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    // A hyphen right after a word: the next word, if it follows at once, is joined to it.
    let mut hyphen = false;
    let mut chars = question.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        let joined = std::mem::take(&mut hyphen);
        let take = |chars: &mut std::iter::Peekable<std::str::CharIndices>,
                    keep: &dyn Fn(char) -> bool| {
            let mut end = start;
            while let Some(&(at, c)) = chars.peek() {
                if !keep(c) {
                    break;
                }
                end = at + c.len_utf8();
                chars.next();
            }
            &question[start..end]
        };
        if c.is_ascii_alphabetic() {
            let word = take(&mut chars, &|c| c.is_ascii_alphabetic() || c == '\'');
            let word = word
                .strip_suffix("'s")
                .unwrap_or(word)
                .trim_end_matches('\'');
            if !word.is_empty() {
                out.push(Piece::Word {
                    typed: word.to_string(),
                    lower: word.to_ascii_lowercase(),
                    joined,
                });
            }
        } else if c.is_ascii_digit() {
            let number = take(&mut chars, &|c| c.is_ascii_digit()).to_string();
            // 70th, 1st: the letters after digits are the ordinal's, not a word.
            let rest = &question[start + number.len()..];
            for end in ["st", "nd", "rd", "th"] {
                if rest.starts_with(end)
                    && !rest[end.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
                {
                    chars.next();
                    chars.next();
                }
            }
            out.push(Piece::Number(number));
        } else if crate::script::is_han(c) {
            let run = take(&mut chars, &crate::script::is_han);
            out.push(Piece::Han(run.to_string()));
        } else {
            if matches!(c, ',' | ';' | ':' | '，' | '；' | '：') {
                out.push(Piece::Clause);
            }
            chars.next();
            hyphen = matches!(c, '-' | '–' | '—')
                && question[..start].ends_with(|c: char| c.is_ascii_alphabetic());
        }
    }
    out
}

/// Two or three capitalised words at piece `i` that together spell in pinyin a word of the
/// library (`in_pinyin`), and where they end.
fn pinyin_at<S>(
    pieces: &[Piece],
    i: usize,
    in_pinyin: &impl Fn(&str) -> Option<S>,
) -> Option<(S, usize)> {
    let words: Vec<&str> = pieces[i..]
        .iter()
        .take(3)
        .map_while(|p| match p {
            Piece::Word { typed, lower, .. } if capitalised(typed) => Some(lower.as_str()),
            _ => None,
        })
        .collect();
    (2..=words.len())
        .rev()
        .find_map(|n| in_pinyin(&words[..n].concat()).map(|word| (word, i + n)))
}

/// Whether a word as typed opens with a capital (a name, a month, an acronym).
fn capitalised(typed: &str) -> bool {
    typed.starts_with(|c: char| c.is_ascii_uppercase())
}

/// Appends a word in Latin letters, apart from one before it (US UN, not USUN).
fn push_latin(out: &mut String, word: &str) {
    if out.ends_with(|c: char| c.is_ascii_alphanumeric()) {
        out.push(' ');
    }
    out.push_str(word);
}

fn is_year(n: &str) -> bool {
    n.len() == 4 && (n.starts_with("19") || n.starts_with("20"))
}

/// Countries and unions written as acronyms, in Chinese, for [`Glossary::pair_at`] (the
/// synonyms read them elsewhere).
const COUNTRY_ACRONYMS: [(&str, &str); 6] = [
    ("US", "美国"),
    ("USA", "美国"),
    ("UK", "英国"),
    ("EU", "欧盟"),
    ("ROK", "韩国"),
    ("DPRK", "朝鲜"),
];

fn is_acronym(word: &str) -> bool {
    word.len() >= 2
        && word
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// A date at piece `i` as a Chinese date, which the question's date filter reads when it has
/// a year: a month with an optional day and a year (March 2019, May 12 2016 → 2019年3月,
/// 2016年5月12日), the day first (12 May 2016), or a day and month alone (the March 11
/// earthquake → 3月11日). A month alone (in March → 3月) only when capitalised past the
/// question's first word, where it cannot be the verb (march, may).
fn date_at(pieces: &[Piece], i: usize) -> Option<(String, usize)> {
    let day_of = |piece: Option<&Piece>| match piece {
        Some(Piece::Number(n)) if n.len() <= 2 => {
            n.parse::<u32>().ok().filter(|d| (1..=31).contains(d))
        }
        _ => None,
    };
    let month_of = |piece: Option<&Piece>| match piece {
        Some(Piece::Word { typed, lower, .. }) => MONTHS
            .iter()
            .position(|m| m == lower)
            .map(|m| (m as u32 + 1, capitalised(typed))),
        _ => None,
    };
    // The day first (12 May), else the month first (May 12).
    let (month, capitalised, mut day, mut at) =
        match (day_of(pieces.get(i)), month_of(pieces.get(i + 1))) {
            (Some(day), Some((month, capitalised))) => (month, capitalised, Some(day), i + 2),
            _ => {
                let (month, capitalised) = month_of(pieces.get(i))?;
                (month, capitalised, None, i + 1)
            }
        };
    if day.is_none() {
        day = day_of(pieces.get(at));
        if day.is_some() {
            at += 1;
        }
    }
    let mut year_at = at;
    if day.is_some() && matches!(pieces.get(year_at), Some(Piece::Clause)) {
        year_at += 1;
    }
    let date = match pieces.get(year_at) {
        Some(Piece::Number(year)) if is_year(year) => {
            at = year_at + 1;
            let mut date = format!("{year}年{month}月");
            if let Some(d) = day {
                date.push_str(&format!("{d}日"));
            }
            date
        }
        // No year: a day of a month (3月11日), or a month named as one.
        _ => match day {
            Some(d) if capitalised => format!("{month}月{d}日"),
            None if capitalised && i > 0 => format!("{month}月"),
            _ => return None,
        },
    };
    Some((date, at))
}

/// A speaker named in pinyin at piece `i` (Hua Chunying, Geng Shuang): up to three words that
/// together spell a speaker's pinyin.
fn speaker_at<'s>(
    pieces: &[Piece],
    i: usize,
    speakers: &'s [(String, String)],
) -> Option<(&'s str, usize)> {
    let mut spelled = String::new();
    for (k, piece) in pieces[i..].iter().take(3).enumerate() {
        let Piece::Word { lower, .. } = piece else {
            return None;
        };
        spelled.push_str(lower);
        if k == 0 {
            continue;
        }
        if let Some((_, name)) = speakers.iter().find(|(pinyin, _)| *pinyin == spelled) {
            return Some((name.as_str(), i + k + 1));
        }
    }
    None
}

/// Prepositions a question word may follow (On what date, In which year, To whom), and words
/// that join or hedge it (And who, Roughly how many).
const LEADING: &[&str] = &[
    "and",
    "approximately",
    "at",
    "but",
    "by",
    "during",
    "exactly",
    "for",
    "from",
    "in",
    "on",
    "roughly",
    "since",
    "so",
    "to",
    "with",
];

/// The question word the clause opens with, after a preposition, and where it ends.
fn asking_at(pieces: &[Piece]) -> Option<(&'static str, usize)> {
    let lead = match pieces.first() {
        Some(Piece::Word { lower, .. }) if LEADING.contains(&lower.as_str()) => 1,
        _ => 0,
    };
    let (_, rest) = pieces.split_at(lead.min(pieces.len()));
    asking_word(rest).map(|(chinese, n)| (chinese, lead + n))
}

fn asking_word(pieces: &[Piece]) -> Option<(&'static str, usize)> {
    for n in [3, 2, 1] {
        let words: Vec<&str> = pieces
            .iter()
            .take(n)
            .map_while(|p| match p {
                Piece::Word { lower, .. } => Some(lower.as_str()),
                _ => None,
            })
            .collect();
        if words.len() < n {
            continue;
        }
        let phrase = words.join(" ");
        if let Some((_, chinese)) = ASKING.iter().find(|(english, _)| *english == phrase) {
            return Some((chinese, n));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A library that uses every word but the ones listed, as often as their length.
    fn library_without<'a>(missing: &'a [&'a str]) -> impl Fn(&str) -> u64 + 'a {
        move |w: &str| {
            if missing.contains(&w) {
                0
            } else {
                w.chars().count() as u64
            }
        }
    }

    /// No word of the library spelled in pinyin.
    fn no_names(_: &str) -> Option<&'static str> {
        None
    }

    fn speakers() -> Vec<(String, String)> {
        vec![("huachunying".into(), "华春莹".into())]
    }

    #[test]
    fn a_question_is_read_phrase_by_phrase_in_the_ministrys_words() {
        let g = Glossary::embedded();
        let r = g
            .read(
                "How many Chinese citizens were killed in the plane crash?",
                &speakers(),
                library_without(&[]),
                no_names,
            )
            .unwrap();
        // how many → 多少 (it opens the question); Chinese citizens → 中国公民 (one phrase);
        // killed → the ministry's 遇难; plane → 飞机, not the dictionary's 平面.
        assert!(r.chinese.starts_with("多少"), "{r:?}");
        assert!(r.chinese.contains("中国公民"), "{r:?}");
        assert!(r.chinese.contains("遇难"), "{r:?}");
        assert!(r.chinese.contains("飞机"), "{r:?}");
        assert!(r.unknown.is_empty(), "{r:?}");
    }

    #[test]
    fn the_sense_the_library_uses_is_taken() {
        let g = Glossary::embedded();
        // killed: 遇难 first, 死亡 when the library never says 遇难.
        let r = g
            .read("killed", &[], library_without(&["遇难"]), no_names)
            .unwrap();
        assert_eq!(r.chinese, "死亡");
        // A phrase none of whose senses the library uses is read as its first sense: the
        // library's silence on it is what says it does not answer.
        let r = g
            .read("the United States ambassador", &[], |_: &str| 0, no_names)
            .unwrap();
        assert!(r.chinese.contains("美国"), "{r:?}");
        assert!(r.chinese.contains("大使"), "{r:?}");
        assert!(!r.chinese.contains("团结"), "{r:?}");
        // A word the glossary lacks: a name stays as typed, another word is dropped.
        let r = g
            .read(
                "Were the Rohingya zorbed in Myanmar?",
                &[],
                library_without(&[]),
                no_names,
            )
            .unwrap();
        assert!(r.chinese.contains("Rohingya"), "{r:?}");
        assert!(!r.chinese.contains("zorbed"), "{r:?}");
        assert_eq!(r.unknown, ["Rohingya", "zorbed"]);
    }

    #[test]
    fn an_everyday_word_the_library_never_uses_is_left_out() {
        let g = Glossary::embedded();
        let r = g
            .read(
                "tsunami warning in Japan",
                &[],
                library_without(&["海啸"]),
                no_names,
            )
            .unwrap();
        assert!(!r.chinese.contains("海啸"), "{r:?}");
        assert!(r.unknown.contains(&"tsunami".to_string()), "{r:?}");
        let r = g
            .read(
                "tsunami warning in Japan",
                &[],
                library_without(&[]),
                no_names,
            )
            .unwrap();
        assert!(r.chinese.contains("海啸"), "{r:?}");
    }

    #[test]
    fn dates_years_names_and_acronyms() {
        let g = Glossary::embedded();
        let r = g
            .read(
                "What did Hua Chunying say about the US in March 2019 and on May 12, 2016?",
                &speakers(),
                library_without(&[]),
                no_names,
            )
            .unwrap();
        assert!(r.chinese.contains("华春莹"), "{r:?}");
        assert!(r.chinese.contains("2019年3月"), "{r:?}");
        assert!(r.chinese.contains("2016年5月12日"), "{r:?}");
        // US is left to the synonyms (US = 美国), and is no unknown word.
        assert!(r.chinese.contains("US"), "{r:?}");
        assert!(r.unknown.is_empty(), "{r:?}");
        let r = g
            .read(
                "the 2015 parade for the 70th anniversary",
                &[],
                library_without(&[]),
                no_names,
            )
            .unwrap();
        assert!(r.chinese.contains("2015年"), "{r:?}");
        assert!(r.chinese.contains("70周年"), "{r:?}");
    }

    #[test]
    fn dates_with_the_day_first_or_without_a_year() {
        let g = Glossary::embedded();
        let read = |q: &str| {
            g.read(q, &speakers(), library_without(&[]), no_names)
                .unwrap()
                .chinese
        };
        assert!(read("What did Hua Chunying say on 12 May 2016?").contains("2016年5月12日"));
        // No year: a day of a month, not a parade (march = 游行).
        let r = read("the third anniversary of the March 11 earthquake");
        assert!(r.contains("3月11日"), "{r}");
        assert!(!r.contains("游行"), "{r}");
        assert!(read("Who spoke about Syria in May?").ends_with("5月"));
        // A month alone only when it cannot be the verb: lowercase, or the first word.
        assert!(!read("May I ask about Syria?").contains("5月"));
        assert!(!read("they may visit Syria").contains("5月"));
    }

    #[test]
    fn a_verb_with_its_particle_is_one_phrase_in_any_form() {
        let g = Glossary::embedded();
        let read = |q: &str| {
            g.read(q, &[], library_without(&[]), no_names)
                .unwrap()
                .chinese
        };
        // broke out = break out (爆发), not broke = 打破; took over = take over.
        let r = read("When fighting broke out, who took over?");
        assert!(r.contains("爆发"), "{r}");
        assert!(!r.contains("打破"), "{r}");
        assert!(r.contains("接任"), "{r}");
        assert!(read("Who took part in the talks?").contains("参加"));
    }

    #[test]
    fn the_ministrys_word_for_a_plain_form_beats_the_dictionarys_for_the_form_typed() {
        let g = Glossary::embedded();
        let read = |q: &str| {
            g.read(q, &[], library_without(&[]), no_names)
                .unwrap()
                .chinese
        };
        // confirmed: 证实 or 确认 (the ministry's, for confirm), not 确诊 (the dictionary's).
        let r = read("Was the visit confirmed?");
        assert!(!r.contains("确诊"), "{r}");
        assert!(r.contains("证实") || r.contains("确认"), "{r}");
    }

    #[test]
    fn a_question_word_inside_a_clause_asks_nothing() {
        let g = Glossary::embedded();
        let read = |q: &str| {
            g.read(q, &[], library_without(&[]), no_names)
                .unwrap()
                .chinese
        };
        let r = read("What did the spokesperson say when asked about India?");
        assert!(!r.contains("何时") && !r.contains("什么时候"), "{r}");
        assert!(read("How many times did they meet?").starts_with("多少次"));
    }

    #[test]
    fn a_name_in_pinyin_is_the_librarys_word_it_spells() {
        let g = Glossary::embedded();
        let library = |pinyin: &str| match pinyin {
            "wangyang" => Some("汪洋"),
            "hongkong" => Some("红孔"),
            "sanchi" => Some("三尺"),
            _ => None,
        };
        let read = |q: &str| {
            g.read(q, &[], library_without(&[]), library)
                .unwrap()
                .chinese
        };
        assert!(read("Where did Vice Premier Wang Yang go?").contains("汪洋"));
        // The glossary's phrase first; one word alone is no name in pinyin.
        let r = read("Did Hong Kong help the Sanchi search?");
        assert!(r.contains("香港") && !r.contains("红孔"), "{r}");
        assert!(r.contains("Sanchi") && !r.contains("三尺"), "{r}");
    }

    #[test]
    fn china_and_a_country_joined_by_a_hyphen_are_the_ministrys_pair() {
        let g = Glossary::embedded();
        let read = |q: &str, missing: &[&str]| {
            g.read(q, &[], library_without(missing), no_names)
                .unwrap()
                .chinese
        };
        assert_eq!(read("China-Canada relations", &[]), "中加关系");
        assert!(read("US-China trade talks", &[]).starts_with("中美"));
        assert!(read("Sino-Japanese relations", &[]).starts_with("中日"));
        assert!(read("the China-Latin America forum", &[]).starts_with("中拉"));
        assert_eq!(read("China-Japan-South Korea summit", &[]), "中日韩峰会");
        // Only with the hyphen, only a name, and only a pair the library uses.
        assert!(!read("China and Canada", &[]).contains("中加"));
        assert!(read("pro-China groups", &[]).starts_with("中国"));
        assert!(!read("China-ASEAN relations", &[]).contains("中东"));
        let r = read("China-Canada relations", &["中加"]);
        assert!(r.contains("中国") && r.contains("加拿大"), "{r}");
    }

    #[test]
    fn a_place_is_known_by_its_bare_name() {
        let g = Glossary::embedded();
        let read = |q: &str| {
            g.read(q, &[], library_without(&[]), no_names)
                .unwrap()
                .chinese
        };
        // CC-CEDICT writes "Shanghai municipality", "Mekong River".
        assert!(read("consulate in Shanghai").contains("上海"));
        assert!(read("Mekong cooperation").contains("湄公河"));
    }

    #[test]
    fn a_question_word_counts_only_where_it_opens_the_question() {
        let g = Glossary::embedded();
        let r = g
            .read(
                "Was anyone hurt when shots were fired?",
                &[],
                library_without(&[]),
                no_names,
            )
            .unwrap();
        assert!(!r.chinese.contains("什么时候"), "{r:?}");
        let r = g
            .read(
                "When did the talks start?",
                &[],
                library_without(&[]),
                no_names,
            )
            .unwrap();
        assert!(r.chinese.starts_with("什么时候"), "{r:?}");
        // After a preposition, and at the head of a later clause.
        let r = g
            .read(
                "On what date did it open?",
                &[],
                library_without(&[]),
                no_names,
            )
            .unwrap();
        assert!(r.chinese.starts_with("哪天"), "{r:?}");
        let r = g
            .read(
                "After the storm, how many were hurt?",
                &[],
                library_without(&[]),
                no_names,
            )
            .unwrap();
        assert!(r.chinese.contains("多少"), "{r:?}");
    }

    #[test]
    fn han_typed_into_an_english_question_stays() {
        let g = Glossary::embedded();
        let r = g
            .read(
                "What did 王毅 say about Africa?",
                &[],
                library_without(&[]),
                no_names,
            )
            .unwrap();
        assert!(r.chinese.contains("王毅"), "{r:?}");
        assert!(r.chinese.contains("非洲"), "{r:?}");
    }

    #[test]
    fn nothing_known_is_no_reading() {
        let g = Glossary::embedded();
        assert_eq!(
            g.read("zzqx wwpt", &[], library_without(&[]), no_names),
            None
        );
        assert_eq!(g.read("", &[], library_without(&[]), no_names), None);
    }

    #[test]
    fn the_ministrys_words_name_each_phrase_once() {
        let mut seen = std::collections::HashSet::new();
        for line in OVERRIDES.lines().filter(|l| !l.starts_with('#')) {
            let (phrase, words) = line.split_once('\t').expect("phrase<TAB>words");
            assert!(seen.insert(phrase), "{phrase} twice");
            assert!(words.chars().any(crate::script::is_han), "{line}");
            assert_eq!(phrase, phrase.to_ascii_lowercase(), "{line}");
        }
    }

    #[test]
    fn plain_forms_of_a_word() {
        assert!(plain_forms("organisation").contains(&"organization".to_string()));
        assert!(plain_forms("criticised").contains(&"criticized".to_string()));
        assert!(!plain_forms("rise").contains(&"rize".to_string()));
        assert!(plain_forms("bombings").contains(&"bombing".to_string()));
        assert!(plain_forms("killed").contains(&"kill".to_string()));
        assert!(plain_forms("ethiopian").contains(&"ethiopia".to_string()));
        assert!(plain_forms("countries").contains(&"country".to_string()));
        assert!(plain_forms("carried").contains(&"carry".to_string()));
        assert!(plain_forms("broke").contains(&"break".to_string()));
        assert!(plain_forms("held").contains(&"hold".to_string()));
    }
}
