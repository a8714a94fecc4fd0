//! One normalisation for documents and queries: NFKC, lowercase, traditional → simplified.
//!
//! Normalisation runs *before* segmentation (the order Elasticsearch's STConvert + IK uses, and the
//! fix charabia #331 asks for), so the simplified jieba dictionary sees simplified text. Every byte
//! of the normalised text keeps the span of the original character it came from, so tokens,
//! highlights and citations can point at the real characters the user or the transcript wrote.

use std::ops::Range;
use std::sync::LazyLock;

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// The OpenCC traditional → simplified converter, dictionaries embedded in the binary. Immutable
/// after start, so one shared instance serves every thread.
static T2S: LazyLock<Option<OpenCC>> =
    LazyLock::new(|| OpenCC::from_config(BuiltinConfig::T2s).ok());

/// The characters OpenCC's T2S changes when converted alone, as a bitmap over the Basic
/// Multilingual Plane (8 KiB), built once. Text with none of them is left to itself: converting
/// simplified text, the common case, costs nothing. (OpenCC's phrase table only refines how such
/// characters convert — 乾隆 keeps 乾 — so it never applies to text without them.)
static T2S_CHANGES: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; 0x10000 / 64];
    let Some(cc) = T2S.as_ref() else { return bits };
    let ranges = [
        0x3400u32..0x4DC0,
        0x4E00..0xA000,
        0xF900..0xFB00,
        0x2E80..0x2FE0,
        0x3000..0x3040,
    ];
    let mut buf = [0u8; 4];
    for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
        let s: &str = c.encode_utf8(&mut buf);
        if cc.convert(s) != s {
            bits[c as usize / 64] |= 1 << (c as usize % 64);
        }
    }
    bits
});

fn t2s_may_change(c: char) -> bool {
    let i = c as usize;
    // Outside the BMP (rare ideographs of the extensions): let OpenCC decide.
    i >= 0x10000 || T2S_CHANGES[i / 64] & (1 << (i % 64)) != 0
}

/// CJK Unified Ideographs are unchanged by NFKC and have no case.
fn is_plain_ideograph(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// Normalised text with a map back to the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    /// The normalised text.
    pub text: String,
    /// For each byte of `text`, the byte span of the original character it came from.
    spans: Vec<(u32, u32)>,
    original_len: usize,
}

impl Normalized {
    /// Maps a byte range of the normalised text back to a byte range of the original text.
    /// Ranges outside the text are clamped; an empty range stays empty.
    pub fn to_original(&self, range: Range<usize>) -> Range<usize> {
        if self.spans.is_empty() {
            return 0..0;
        }
        let start = range.start.min(self.spans.len() - 1);
        let from = self.spans[start].0 as usize;
        if range.end <= range.start {
            return from..from;
        }
        let last = (range.end - 1).min(self.spans.len() - 1);
        let to = (self.spans[last].1 as usize).min(self.original_len);
        from..to.max(from)
    }
}

/// Normalises `original`: NFKC (full width → half width, compatibility forms), lowercase, then
/// traditional → simplified by OpenCC phrases (乾隆 stays 乾隆, 於是 → 于是).
pub fn normalize(original: &str) -> Normalized {
    // Pass 1: NFKC and lowercase character by character, remembering each character's origin.
    let mut chars: Vec<char> = Vec::with_capacity(original.len() / 2);
    let mut origin: Vec<(u32, u32)> = Vec::with_capacity(original.len() / 2);
    for (start, c) in original.char_indices() {
        let span = (start as u32, (start + c.len_utf8()) as u32);
        if c.is_ascii() {
            chars.push(c.to_ascii_lowercase());
            origin.push(span);
            continue;
        }
        if is_plain_ideograph(c) {
            chars.push(c);
            origin.push(span);
            continue;
        }
        if is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes && !c.is_uppercase() {
            // Already NFKC and caseless-lower: most CJK punctuation (、。“”《》).
            chars.push(c);
            origin.push(span);
            continue;
        }
        for n in std::iter::once(c).nfkc() {
            for l in n.to_lowercase() {
                chars.push(l);
                origin.push(span);
            }
        }
    }
    // Pass 2: traditional → simplified. OpenCC converts by phrases; its output is mapped back
    // character by character when the length is kept (the usual case), otherwise each character
    // is converted alone so the map stays exact.
    let stage: String = chars.iter().collect();
    if !chars.iter().any(|&c| t2s_may_change(c)) {
        let mut spans = Vec::with_capacity(stage.len());
        for (c, span) in chars.iter().zip(origin) {
            spans.extend(std::iter::repeat_n(span, c.len_utf8()));
        }
        return Normalized {
            text: stage,
            spans,
            original_len: original.len(),
        };
    }
    let converted = convert_t2s(&stage);
    let out_chars: Vec<char> = if converted.chars().count() == chars.len() {
        converted.chars().collect()
    } else {
        chars
            .iter()
            .map(|&c| {
                let mut buf = [0u8; 4];
                let one = convert_t2s(c.encode_utf8(&mut buf));
                let mut it = one.chars();
                match (it.next(), it.next()) {
                    (Some(s), None) => s,
                    _ => c,
                }
            })
            .collect()
    };
    let mut text = String::with_capacity(stage.len());
    let mut spans = Vec::with_capacity(stage.len());
    for (c, span) in out_chars.into_iter().zip(origin) {
        text.push(c);
        for _ in 0..c.len_utf8() {
            spans.push(span);
        }
    }
    Normalized {
        text,
        spans,
        original_len: original.len(),
    }
}

/// Normalises without keeping the map, for keys and comparisons.
pub fn normalize_str(s: &str) -> String {
    normalize(s).text
}

/// `normalized` (the normal form of part of `typed`) with its Latin words written as `typed`
/// writes them. An acronym is one only in capitals (WHO, not who), so a question read without
/// its date (2014年10月APEC财长会 → apec财长会) must get them back.
pub fn with_typed_capitals(normalized: &str, typed: &str) -> String {
    let cased: String = typed.nfkc().collect();
    // ASCII lowercasing keeps every byte where it was: offsets in `lower` are offsets in `cased`.
    let lower = cased.to_ascii_lowercase();
    let mut out = String::with_capacity(normalized.len());
    let mut searched_to = 0;
    let mut rest = normalized;
    while let Some(start) = rest.find(|c: char| c.is_ascii_alphabetic()) {
        out.push_str(&rest[..start]);
        let word_len = rest[start..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len() - start);
        let word = &rest[start..start + word_len];
        match lower[searched_to..].find(word) {
            Some(at) => {
                let at = searched_to + at;
                out.push_str(&cased[at..at + word_len]);
                searched_to = at + word_len;
            }
            None => out.push_str(word),
        }
        rest = &rest[start + word_len..];
    }
    out.push_str(rest);
    out
}

/// Would normalising change a letter or digit of `text`: a capital, a full-width or
/// compatibility form, a traditional character? Punctuation aside (，stays ，where NFKC would
/// make it ,), simplified Chinese text is its own normal form for matching words, and can be
/// matched as it stands.
pub fn words_need_normalizing(text: &str) -> bool {
    text.chars().any(|c| {
        if c.is_ascii() {
            return c.is_ascii_uppercase();
        }
        if is_plain_ideograph(c) {
            return t2s_may_change(c);
        }
        crate::script::is_word_char(c)
            && (t2s_may_change(c)
                || is_nfkc_quick(std::iter::once(c)) != IsNormalized::Yes
                || c.is_uppercase())
    })
}

/// The form words are matched in: `text` itself where it is its own normal form for matching
/// words (see [`words_need_normalizing`]: most transcript text), its normal form otherwise.
pub fn matching_form(text: &str) -> std::borrow::Cow<'_, str> {
    if words_need_normalizing(text) {
        std::borrow::Cow::Owned(normalize_str(text))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// OpenCC's Taiwan → mainland conversion with vocabulary (歐巴馬 → 奥巴马, 多明尼加 → 多米尼加,
/// 吉里巴斯 → 基里巴斯), for questions: a reader in Taiwan names things as the ministry does not.
static TW2SP: LazyLock<Option<OpenCC>> =
    LazyLock::new(|| OpenCC::from_config(BuiltinConfig::Tw2sp).ok());

/// Links (printable ASCII: a link runs into the Chinese typed after it) and Discord's markup
/// for people, roles, channels, custom emoji and times (`<@123>`, `<#456>`, `<:ok:789>`,
/// `<t:1700000000:R>`): never words of a question.
static CHAT_MARKUP: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"(?i)https?://[!-~]+|www\.[!-~]+|<(?:@[!&]?|#|a?:\w+:|t:)\d+(?::[a-z])?>")
        .expect("chat markup pattern")
});

/// A chat message without its links and Discord markup: what is left is the question. Each is
/// replaced by a space, so the words around it stay apart.
pub fn without_chat_markup(message: &str) -> std::borrow::Cow<'_, str> {
    CHAT_MARKUP.replace_all(message, " ")
}

/// Cantonese words of a question from Hong Kong and their Mandarin: how it is asked (點解, 點樣,
/// 有冇, 咩) and its grammar words (嘅, 佢哋). 係 (is) alone is left: it is also the 係 of
/// 關係. Each in both scripts where they differ.
const CANTONESE_WORDS: [(&str, &str); 32] = [
    ("點解", "为什么"),
    ("点解", "为什么"),
    ("點樣", "怎样"),
    ("点样", "怎样"),
    ("點睇", "怎么看"),
    ("点睇", "怎么看"),
    ("係唔係", "是不是"),
    ("有冇", "有没有"),
    ("係咩", "是什么"),
    ("係乜嘢", "是什么"),
    ("乜嘢", "什么"),
    ("冇", "没有"),
    ("嘅", "的"),
    ("咩", "什么"),
    ("佢哋", "他们"),
    ("佢", "他"),
    ("喺", "在"),
    ("啲", "些"),
    ("而家", "现在"),
    ("邊個", "谁"),
    ("边个", "谁"),
    ("邊度", "哪里"),
    ("边度", "哪里"),
    ("幾多", "多少"),
    ("几多", "多少"),
    ("唔該", "请"),
    ("唔该", "请"),
    ("唔", "不"),
    ("噉樣", "这样"),
    ("咁樣", "这样"),
    ("噉", "这样"),
    ("睇", "看"),
];

static CANTONESE: LazyLock<Option<aho_corasick::AhoCorasick>> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(CANTONESE_WORDS.map(|(c, _)| c))
        .ok()
});

/// A question in traditional characters with Taiwan's names for things turned into the
/// mainland's (then simplified); other text as it is. Transcripts are not passed through this:
/// they are the ministry's own words.
pub fn mainland_vocabulary(question: &str) -> std::borrow::Cow<'_, str> {
    match CANTONESE.as_ref() {
        Some(words) if words.is_match(question) => {
            let mandarin = words.replace_all(question, &CANTONESE_WORDS.map(|(_, m)| m));
            std::borrow::Cow::Owned(taiwan_vocabulary(&mandarin).into_owned())
        }
        _ => taiwan_vocabulary(question),
    }
}

/// Taiwan's names for things turned into the mainland's (then simplified), by OpenCC.
fn taiwan_vocabulary(question: &str) -> std::borrow::Cow<'_, str> {
    if !question.chars().any(|c| !c.is_ascii() && t2s_may_change(c)) {
        return std::borrow::Cow::Borrowed(question);
    }
    match TW2SP.as_ref() {
        // A question typed in both scripts (歐巴馬为什么…): Taiwan's standard reads the
        // simplified 么 as 幺, so it goes in as 麼, which comes out as 么.
        Some(cc) => {
            let question = question.replace('么', "麼");
            let mut out = String::with_capacity(question.len());
            let mut from = 0;
            for m in KEEP_MEANING.find_iter(&question) {
                out.push_str(&cc.convert(&question[from..m.start()]));
                out.push_str(&convert_t2s(m.as_str()));
                from = m.end();
            }
            out.push_str(&cc.convert(&question[from..]));
            std::borrow::Cow::Owned(mainland_forms(&out))
        }
        None => std::borrow::Cow::Borrowed(question),
    }
}

/// Words Taiwan's computing vocabulary (OpenCC's TWPhrasesRev) renames that mean something
/// else in a question on diplomacy: 文件 is a document (合作文件), not a file (文档); 檔案
/// archives, not a file; 資料 material, not data; 預設 presupposing (预设立场), not a default;
/// 建立 establishing (建立外交关系), not creating; 執行 carrying out, not running; 核心 a core
/// (核心利益), not a kernel; 開啟 opening a chapter, not a file; 行程 an itinerary, not a
/// process; 程序 a procedure (法律程序); 新增 new cases (新增确诊); 智慧 wisdom (中国智慧);
/// 簡報 a briefing; 連線 a video link; 通道 a channel (绿色通道); 全形 would read 安全形勢 as
/// 安全角势. They are turned into simplified characters only.
static KEEP_MEANING: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        "文件|檔案|資料|預設|類比|建立|執行|核心|開啟|行程|程序|新增|智慧|簡報|連線|連結|通道|\
         通訊|全形|半形|互動|宣告|指標|整合|查詢|檢視|模擬|複製|設定|變數|物件|即時|儲存|序列|\
         批次|呼叫|存取|影像|布林|聯絡|啟用|搜尋|裝置|社群",
    )
    .expect("words that keep their meaning")
});

/// What tw2sp leaves that the mainland writes otherwise: its 哈薩克 → 哈萨克斯坦 doubles the
/// 斯坦 of a name already whole (哈薩克斯坦 → 哈萨克斯坦斯坦); and 著, 覆 and 藉, which Taiwan's
/// standard keeps where the mainland writes 着 (本着, 意味着, 着力), 复 (答复, 反复) and 借 (借口).
fn mainland_forms(text: &str) -> String {
    let text = text.replace("斯坦斯坦", "斯坦");
    if !text.contains(['著', '覆', '藉']) {
        return text;
    }
    MAINLAND_CHARACTER
        .replace_all(&text, |c: &regex::Captures| match &c[0] {
            m if m.starts_with('著') || m.ends_with('著') => m.replace('著', "着"),
            m if m.contains('覆') => m.replace('覆', "复"),
            m => m.replace('藉', "借"),
        })
        .into_owned()
}

/// Where 著, 覆 and 藉 are the mainland's 着, 复 and 借 (not 著名, 覆盖, 狼藉).
static MAINLAND_CHARACTER: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        "[本意有朝沿接打看穿戴活向随为顺靠跟带冲紧忙围凭]著|著(?:眼|力|手|重|想|陆|装|急|凉|迷)|\
         答覆|反覆|批覆|回覆|覆信|函覆|覆函|覆核|覆电|藉口|藉此|藉助|凭藉|藉机|藉故|藉以",
    )
    .expect("mainland characters")
});

fn convert_t2s(s: &str) -> String {
    // Pure ASCII has nothing to convert; skipping OpenCC keeps English queries cheap.
    if s.is_ascii() {
        return s.to_string();
    }
    match T2S.as_ref() {
        Some(cc) => cc.convert(s),
        None => s.to_string(),
    }
}

/// A comparison key: normalised, with spaces and punctuation removed. Used by the eval (gold
/// substrings) and by study-quiz answer checking, so 「聯合國」 and 联合国 compare equal.
pub fn compare_key(s: &str) -> String {
    normalize_str(s)
        .chars()
        .filter(|&c| crate::script::is_word_char(c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cantonese_questions_are_read_in_mandarin() {
        let read = |q: &str| normalize_str(&mainland_vocabulary(q));
        assert_eq!(read("點解中國反對薩德？"), "为什么中国反对萨德?");
        assert_eq!(
            read("尼泊爾地震有冇中國人受傷？"),
            "尼泊尔地震有没有中国人受伤?"
        );
        assert_eq!(read("中方對香港嘅立場係咩？"), "中方对香港的立场是什么?");
        // 係 alone is also the 係 of 關係.
        assert_eq!(read("中美關係"), "中美关系");
    }

    #[test]
    fn links_and_discord_markup_are_no_words() {
        assert_eq!(
            without_chat_markup("<@123456789> 中方对萨德的立场https://example.com/a?b=1 <#42>"),
            "  中方对萨德的立场   "
        );
        assert_eq!(
            without_chat_markup("看<:ok_hand:77>这个<t:1700000000:R>www.mfa.gov.cn 吗"),
            "看 这个   吗"
        );
        // Angle brackets that are not markup stay.
        assert_eq!(without_chat_markup("<<中美关系>>"), "<<中美关系>>");
    }

    #[test]
    fn typed_capitals_come_back_to_a_normalised_part() {
        assert_eq!(
            with_typed_capitals("在北京开的apec财长会", "2014年10月在北京开的APEC財長會"),
            "在北京开的APEC财长会"
        );
        // Full width and repeats: each word gets the writing of its own place.
        assert_eq!(
            with_typed_capitals("who说 who 和g20", "ＷＨＯ说 who 和G20"),
            "WHO说 who 和G20"
        );
        assert_eq!(with_typed_capitals("中方立场", "中方立场"), "中方立场");
        assert_eq!(with_typed_capitals("abc", "xyz"), "abc");
    }

    #[test]
    fn simplified_text_needs_no_normalizing_for_its_words() {
        assert!(!words_need_normalizing(
            "中方对人工智能合作持积极开放态度，迄今已经……"
        ));
        assert!(!words_need_normalizing("2019年5月20日，apec会议"));
        assert!(words_need_normalizing("WTO成立25年来"));
        assert!(words_need_normalizing("聯合國"));
        assert!(words_need_normalizing("ＡＩ合作"));
        // Where it says no, normalising leaves every word character as it is.
        for t in [
            "中方对人工智能合作持积极开放态度，迄今已经与一些国家建立了对话机制。",
            "“一带一路”、12308热线",
        ] {
            let words = |s: &str| {
                s.chars()
                    .filter(|&c| crate::script::is_word_char(c))
                    .collect::<String>()
            };
            assert_eq!(words(&normalize_str(t)), words(t), "{t}");
        }
    }

    #[test]
    fn taiwan_names_become_the_mainland_ones_in_questions() {
        assert_eq!(normalize_str(&mainland_vocabulary("歐巴馬說")), "奥巴马说");
        assert_eq!(
            normalize_str(&mainland_vocabulary("多明尼加跟台灣斷交")),
            "多米尼加跟台湾断交"
        );
        assert_eq!(mainland_vocabulary("奥巴马说"), "奥巴马说");
        // Both scripts in one question: the simplified 么 stays 么 (not 幺).
        assert_eq!(
            normalize_str(&mainland_vocabulary("歐巴馬为什么这么说，後来怎么样了")),
            "奥巴马为什么这么说,后来怎么样了"
        );
        // Words Taiwan's computing vocabulary renames keep their meaning in diplomacy.
        for (tw, mainland) in [
            ("兩國簽署了哪些合作文件", "两国签署了哪些合作文件"),
            (
                "南京大屠殺檔案申報世界記憶名錄",
                "南京大屠杀档案申报世界记忆名录",
            ),
            ("有關資料顯示", "有关资料显示"),
            ("不要預設立場", "不要预设立场"),
            ("網路資訊安全", "网络信息安全"),
            ("兩國建立外交關係", "两国建立外交关系"),
            ("當前安全形勢", "当前安全形势"),
            ("哈薩克斯坦總統", "哈萨克斯坦总统"),
            ("本著相互尊重的原則", "本着相互尊重的原则"),
            ("著名學者的答覆", "著名学者的答复"),
            ("這是藉口", "这是借口"),
            ("開啟新篇章，執行決議", "开启新篇章，执行决议"),
        ] {
            assert_eq!(mainland_vocabulary(tw), mainland);
        }
    }

    #[test]
    fn folds_width_case_and_script() {
        assert_eq!(normalize_str("ＡＩ１５年"), "ai15年");
        assert_eq!(
            normalize_str("聯合國的作用只能加強嗎"),
            "联合国的作用只能加强吗"
        );
        assert_eq!(
            normalize_str("人工智慧發展與安全並重"),
            "人工智慧发展与安全并重"
        );
        assert_eq!(normalize_str("乾隆"), "乾隆");
        assert_eq!(normalize_str("⼈⼯智能"), "人工智能");
    }

    #[test]
    fn simplified_text_is_unchanged() {
        let s = "中方对人工智能合作持什么立场？";
        assert_eq!(normalize_str(s), "中方对人工智能合作持什么立场?");
    }

    #[test]
    fn offsets_map_back_to_original_characters() {
        let original = "ＡＩ與聯合國";
        let n = normalize(original);
        assert_eq!(n.text, "ai与联合国");
        // "ai" is bytes 0..2 of the normalised text and the two full-width letters of the original.
        assert_eq!(&original[n.to_original(0..2)], "ＡＩ");
        // "联合国" is the last 9 bytes; it maps to 聯合國.
        let start = n.text.find("联合国").unwrap();
        assert_eq!(&original[n.to_original(start..start + 9)], "聯合國");
    }

    #[test]
    fn expansion_maps_to_whole_original_character() {
        let original = "a㍿b";
        let n = normalize(original);
        assert_eq!(n.text, "a株式会社b");
        let s = n.text.find("式").unwrap();
        assert_eq!(&original[n.to_original(s..s + 3)], "㍿");
        let b = n.text.find('b').unwrap();
        assert_eq!(&original[n.to_original(b..b + 1)], "b");
    }

    #[test]
    fn compare_key_ignores_punctuation_and_script() {
        assert_eq!(
            compare_key("外交为民只有进行时，没有完成时"),
            compare_key("外交為民只有進行時 沒有完成時")
        );
    }

    #[test]
    fn fast_path_agrees_with_opencc() {
        // Simplified text skips OpenCC; the result must be what OpenCC would have given.
        let simplified = "中方对人工智能合作持什么立场？联合国的作用只能加强、不能削弱。";
        assert_eq!(
            normalize_str(simplified),
            convert_t2s(&simplified.replace('？', "?").replace('，', ","))
        );
        assert!(t2s_may_change('國') && t2s_may_change('發') && !t2s_may_change('国'));
    }

    #[test]
    fn empty_input() {
        let n = normalize("");
        assert_eq!(n.text, "");
        assert_eq!(n.to_original(0..0), 0..0);
    }
}
