//! What a line is: a speaker label and its kind, an after-meeting block, a rule, a reporter's
//! aside, a numbered question, a lead-in naming who speaks next, or plain text.
//!
//! The shapes come from the ministry's transcripts (2013–2020), the NPC press conferences printed
//! by newspapers, and interviews: a label is short and speaker-shaped (a reporter with an outlet,
//! `问`/`答`, a name, a title), optionally with a follow-up suffix (`追问`, `又问`, `补充`).

use std::sync::LazyLock;

use regex::Regex;

/// The longest label, in characters (`坦桑尼亚桑给巴尔广播电视台记者` is 15).
pub(crate) const MAX_LABEL_CHARS: usize = 20;

/// What a speaker label says about the turn it opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LabelKind {
    /// A question (`问`, `新华社记者`, `追问`, `法新社记者追问`, `有记者问`).
    Asks {
        /// `追问`, `又问`, `补充`: a follow-up of the previous question.
        follow_up: bool,
        /// Just `记者`: in the ministry's transcripts, a reporter's short reply inside an exchange.
        bare: bool,
    },
    /// A reporter's aside that is not a question (`记者解释`, `记者澄清`, `记者回答`).
    Remark,
    /// An answer: `答` (the document's answerer) or a named speaker.
    Answers {
        /// True for `答`/`A`, which name nobody.
        anonymous: bool,
    },
    /// The moderator (`主持人`).
    Chair,
}

/// Words that end a label-shaped prefix but start a clause or a list item.
const NOT_SPEAKERS: &[&str] = &[
    "一是",
    "二是",
    "三是",
    "四是",
    "五是",
    "首先",
    "其次",
    "再次",
    "最后",
    "同时",
    "总之",
    "比如",
    "例如",
    "第一",
    "第二",
    "第三",
    "第四",
    "其一",
    "其二",
    "一方面",
    "另一方面",
    "对此",
    "为此",
    "因此",
    "他说",
    "她说",
    "他表示",
    "她表示",
    "指出",
    "强调",
    "表示",
    "认为",
    "注",
    "附",
    "备注",
    "地址",
    "电话",
    "时间",
    "地点",
    "题目",
    "标题",
    "来源",
    "编者按",
    "中方",
    "我们",
    "我方",
];

/// Titles that make a label an answerer (`外交部发言人`, `王毅外长`).
const TITLES: &[&str] = &[
    "发言人",
    "部长",
    "外长",
    "大使",
    "主任",
    "司长",
    "总理",
    "主席",
    "局长",
    "秘书长",
    "代表",
];

static FOLLOW_UP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(.*?)(追问|又问|补问|再问|补充提问|补充)[一二三四五六七八九十0-9]*$").unwrap()
});
/// Does a question's label (`追问`, `法新社记者又问`) say it follows up the previous question?
pub fn is_follow_up(label: &str) -> bool {
    FOLLOW_UP.is_match(label)
}

static REMARK_SUFFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^.{0,16}记者(解释|澄清|回答|笑|插话)$").unwrap());
/// `会后有记者问及：…`, `会后，有俄罗斯记者问及，…`.
static AFTER_MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^会后[，,]?有(\p{Han}{0,8}?记者)问(?:及|到)?(?:[：:，,]\s*(.*))?$").unwrap()
});
/// A rule between the conference and the notices after it: `******`, `＊　＊　＊`.
static RULE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[*＊][*＊\s　]*[*＊]$").unwrap());
/// `（记者：没有。）` on a line of its own.
static ASIDE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[（(]记者[：:]\s*(.+?)[）)]$").unwrap());
/// `二、据报道，……？` in an online briefing or an after-meeting block.
static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[一二三四五六七八九十]{1,3}、").unwrap());
/// `外交部发言人华春莹宣布：`, `洪磊首先发布消息：`: a lead-in; the text after it is that speaker's.
static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:外交部)?(?:发言人)?(\p{Han}{2,3}?)(?:首先|随后|最后|还|再)?(?:发布|宣布|宣读|表示|通报)[^：:。，]{0,12}[：:]$")
        .unwrap()
});
/// `洪磊表示，…`, `…新闻司司长陆慷介绍…`: reported speech names its speaker.
static REPORTED_TITLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:发言人|司长|部长|外长|大使|主任)(\p{Han}{2,3}?)(?:表示|指出|宣布|介绍|强调|说|答|回答)").unwrap()
});
static REPORTED_BARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\p{Han}{2,3}?)(?:表示|指出|宣布|介绍|强调|说|回答)[，,：:]").unwrap()
});
/// Notices (holidays, cancelled briefings) that follow the last answer without a rule.
static NOTICE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^根据.{0,20}放假安排|例行记者会.{0,30}(休会|暂停一次)").unwrap());
/// Words that make a paragraph a question.
const QUESTION_CUES: &[&str] = &[
    "请问",
    "是否",
    "能否",
    "可否",
    "有何评论",
    "有何回应",
    "有何反应",
    "作何回应",
    "有何看法",
    "怎么看",
    "如何评价",
    "如何看待",
    "请证实",
    "请介绍",
    "请确认",
    "请谈谈",
    "有何评价",
];

/// `label：rest` when the paragraph starts with something shaped like a speaker label: at most
/// [`MAX_LABEL_CHARS`] characters before the first colon, no sentence punctuation or quotes in
/// it, text after it.
pub(crate) fn split_label(p: &str) -> Option<(&str, &str)> {
    let (pos, colon) = p
        .char_indices()
        .take(MAX_LABEL_CHARS + 1)
        .find(|&(_, c)| c == '：' || c == ':')?;
    let label = p[..pos].trim();
    let rest = p[pos + colon.len_utf8()..].trim();
    let bad = |c: char| "，。！？；、,.!?;“”\"'‘’「」『』：:".contains(c);
    if label.is_empty()
        || rest.is_empty()
        || label.chars().any(bad)
        || label.chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    Some((label, rest))
}

/// The label without a trailing note: `法新社记者（英文）` → `法新社记者`.
pub(crate) fn label_core(label: &str) -> &str {
    match label.find(['(', '（']) {
        Some(i) if label.ends_with([')', '）']) && i > 0 => label[..i].trim(),
        _ => label,
    }
}

/// Decides whether a label-shaped prefix is a speaker, and which kind. `known_name` says whether
/// the text elsewhere shows it as a speaker (the title names it, it recurs as a label, or it
/// follows a question).
pub(crate) fn classify_label(label: &str, known_name: bool) -> Option<LabelKind> {
    let core = label_core(label);
    let chars = core.chars().count();
    if chars > MAX_LABEL_CHARS {
        return None;
    }
    if matches!(core, "Q" | "q" | "问" | "提问") {
        return Some(LabelKind::Asks {
            follow_up: false,
            bare: false,
        });
    }
    if let Some(c) = FOLLOW_UP.captures(core) {
        let base = c.get(1).map_or("", |m| m.as_str());
        if base.is_empty() || base.ends_with("记者") || base == "问" {
            return Some(LabelKind::Asks {
                follow_up: true,
                bare: false,
            });
        }
    }
    if core.ends_with("记者") || core.ends_with("记者问") {
        return Some(LabelKind::Asks {
            follow_up: false,
            bare: core == "记者",
        });
    }
    if REMARK_SUFFIX.is_match(core) {
        return Some(LabelKind::Remark);
    }
    if matches!(core, "答" | "A" | "a") {
        return Some(LabelKind::Answers { anonymous: true });
    }
    if core == "主持人" {
        return Some(LabelKind::Chair);
    }
    if NOT_SPEAKERS.contains(&core)
        || core.starts_with(|c: char| "一二三四五六七八九十第".contains(c))
    {
        return None;
    }
    if chars <= 12 && TITLES.iter().any(|t| core.ends_with(t)) {
        return Some(LabelKind::Answers { anonymous: false });
    }
    if name_like(core) && known_name {
        return Some(LabelKind::Answers { anonymous: false });
    }
    None
}

/// A personal name as labels print it: 2–4 Han characters, or a transcribed name with `·`.
pub(crate) fn name_like(s: &str) -> bool {
    let chars = s.chars().count();
    (2..=4).contains(&chars) && s.chars().all(crate::script::is_han)
        || (chars <= 16
            && s.contains('·')
            && s.chars().all(|c| crate::script::is_han(c) || c == '·'))
}

/// A label-shaped prefix that is not taken as a label but could be one: worth a warning.
pub(crate) fn suspicious_label(label: &str) -> bool {
    let core = label_core(label);
    let chars = core.chars().count();
    (name_like(core) && !NOT_SPEAKERS.contains(&core))
        || (chars > MAX_LABEL_CHARS && (core.ends_with("记者") || core.ends_with('问')))
}

/// Does the paragraph end a sentence? (Otherwise the page layout cut it and it goes on in the
/// next paragraph.) Closing quotes and brackets count when a sentence end stands before them; a
/// short stage note at the end (`（众笑）`) is skipped.
pub(crate) fn ends_sentence(p: &str) -> bool {
    static STAGE_NOTE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[（(][^（）()]{1,12}[）)]$").unwrap());
    let trimmed = p.trim_end();
    // Only the end matters (a note is at most 14 characters): a paragraph rejoined line by
    // line is looked at once per line, so looking at all of it would cost its length squared.
    let mut tail = trimmed.len().saturating_sub(64);
    while !trimmed.is_char_boundary(tail) {
        tail -= 1;
    }
    let p = match STAGE_NOTE.find(&trimmed[tail..]) {
        Some(m) if tail + m.start() > 0 => &trimmed[..tail + m.start()],
        _ => trimmed,
    };
    let mut chars = p.chars().rev();
    loop {
        match chars.next() {
            None => return false,
            Some(c) if "。！？!?…；;：:".contains(c) => return true,
            Some(c) if "”’」』）)》】\"'".contains(c) => continue,
            Some(_) => return false,
        }
    }
}

/// Does the paragraph ask something? (A question mark at its end, or a question phrase.)
pub fn question_like(p: &str) -> bool {
    let t = p.trim_end_matches(|c: char| "”’」』）)》】\"' ".contains(c));
    t.ends_with(['？', '?']) || QUESTION_CUES.iter().any(|q| p.contains(q))
}

/// `会后有记者问及：rest` → the asker (`记者`, `俄罗斯记者`) and the question on the same line.
pub(crate) fn after_meeting(p: &str) -> Option<(String, String)> {
    let c = AFTER_MEETING.captures(p)?;
    Some((
        c[1].to_string(),
        c.get(2).map_or("", |m| m.as_str()).trim().to_string(),
    ))
}

pub(crate) fn is_rule(p: &str) -> bool {
    p.chars().filter(|&c| c == '*' || c == '＊').count() >= 3 && RULE.is_match(p)
}

/// `（记者：…）` → the aside.
pub(crate) fn aside(p: &str) -> Option<&str> {
    ASIDE.captures(p).map(|c| c.get(1).unwrap().as_str())
}

pub(crate) fn numbered(p: &str) -> bool {
    NUMBERED.is_match(p)
}

/// A lead-in line naming who speaks next (`外交部发言人华春莹宣布：`) → the name.
pub(crate) fn lead_in(p: &str) -> Option<String> {
    LEAD_IN
        .captures(p)
        .map(|c| c[1].to_string())
        .filter(|n| !NOT_SPEAKERS.contains(&n.as_str()) && !n.ends_with('方'))
}

/// The speaker that reported speech names at the start of a paragraph (`洪磊表示，…`,
/// `记者会开始前，外交部新闻司司长陆慷介绍…`). A bare name counts only when `known` says so.
pub(crate) fn reported_speaker(p: &str, known: impl Fn(&str) -> bool) -> Option<String> {
    let head: String = p.chars().take(60).collect();
    if let Some(c) = REPORTED_TITLED.captures(&head)
        && could_be_name(&c[1])
        && !invited(&head, c.get(0).map_or(0, |m| m.start()))
    {
        return Some(c[1].to_string());
    }
    REPORTED_BARE
        .captures(&head)
        .map(|c| c[1].to_string())
        .filter(|n| known(n))
}

/// `耿爽表示` → `耿爽`: a label made of a name and a speech verb.
pub(crate) fn speech_label(label: &str) -> Option<&str> {
    static SPEECH: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(\p{Han}{2,3}?)(?:表示|回答|答|说|指出)$").unwrap());
    SPEECH
        .captures(label)
        .map(|c| c.get(1).unwrap().as_str())
        .filter(|n| !n.ends_with("记者"))
}

/// Every name reported speech gives a title to (`司长陆慷介绍`): names the text shows as speakers.
/// Also a name before its title (`华春莹司长`, `赵立坚副司长`).
pub(crate) fn titled_names(p: &str) -> impl Iterator<Item = String> + '_ {
    static NAME_TITLE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(\p{Han}{2,3})(?:副司长|司长|发言人)").unwrap());
    REPORTED_TITLED
        .captures_iter(p)
        .filter(|c| !invited(p, c.get(0).map_or(0, |m| m.start())))
        .chain(NAME_TITLE.captures_iter(p))
        .map(|c| c[1].to_string())
        .filter(|n| !n.ends_with(['部', '司', '的', '新', '位', '任']) && could_be_name(n))
}

/// Does the title at byte `at` of `p` follow an invitation (`请国务委员兼外交部长王毅介绍`)? Then
/// the person is announced to speak later, not speaking here.
fn invited(p: &str, at: usize) -> bool {
    p[..at].chars().rev().take(24).any(|c| c == '请')
}

/// Can the two or three characters between a title and a speech verb be a person's name? Not
/// when they are the words that often stand there instead (`外长时明确指出`, `发言人在回答`,
/// `大使已经表示`, `部长助理将介绍`): such a "name" would take the paragraphs after it from
/// their real speaker.
pub(crate) fn could_be_name(n: &str) -> bool {
    // Characters no surname is written with that begin the words found there.
    const NEVER_FIRST: &str =
        "在已对有多还特会不助将曾也都亦又再就则均即该这那此并被把从与及之首随当专正另";
    // Characters that end a clause there, not a name (…将, …时, …在).
    const NEVER_LAST: &str = "将也都亦在曾还又再就即均时上";
    // Adverbs and phrases that end the words found there (…时明确, …还特别).
    const ADVERBS: &[&str] = &[
        "明确",
        "特别",
        "已经",
        "多次",
        "曾经",
        "正式",
        "再次",
        "首先",
        "随后",
        "当即",
        "专门",
        "公开",
        "郑重",
        "严正",
        "坚决",
        "强烈",
        "一再",
        "反复",
        "日前",
        "近日",
        "此前",
        "同时",
        "会上",
        "有关",
        "对此",
        "对话",
        "助理",
        "不久前",
        "在回",
    ];
    let first = n.chars().next();
    let last = n.chars().last();
    !first.is_some_and(|c| NEVER_FIRST.contains(c))
        && !last.is_some_and(|c| NEVER_LAST.contains(c))
        && !ADVERBS.iter().any(|a| n.ends_with(a))
}

pub(crate) fn is_notice(p: &str) -> bool {
    NOTICE.is_match(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asks(follow_up: bool, bare: bool) -> Option<LabelKind> {
        Some(LabelKind::Asks { follow_up, bare })
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("不让任何国家掉队。"));
        assert!(ends_sentence("今年我们将重点抓好三件大事："));
        assert!(ends_sentence("“让我们走吧。”"));
        assert!(ends_sentence("目前还不是。（众笑）"));
        assert!(ends_sentence("好。（笑）"));
        assert!(!ends_sentence("支持非洲获得"));
        assert!(!ends_sentence("成为“沉默的大多数”"));
    }

    #[test]
    fn label_shapes() {
        assert_eq!(
            split_label("凤凰卫视记者：国际社会"),
            Some(("凤凰卫视记者", "国际社会"))
        );
        assert_eq!(split_label("王毅:好的"), Some(("王毅", "好的")));
        assert_eq!(split_label("今年我们将重点抓好三件大事："), None);
        assert_eq!(split_label("明天上午10:00举行"), None);
        assert_eq!(
            classify_label("《中国日报》记者", false),
            asks(false, false)
        );
        assert_eq!(
            classify_label("法新社记者（英文）", false),
            asks(false, false)
        );
        assert_eq!(classify_label("追问", false), asks(true, false));
        assert_eq!(classify_label("追问一", false), asks(true, false));
        assert_eq!(classify_label("记者追问", false), asks(true, false));
        assert_eq!(classify_label("法新社记者追问", false), asks(true, false));
        assert_eq!(classify_label("又问", false), asks(true, false));
        assert_eq!(classify_label("记者", false), asks(false, true));
        assert_eq!(classify_label("有记者问", false), asks(false, false));
        assert_eq!(classify_label("记者解释", false), Some(LabelKind::Remark));
        assert_eq!(
            classify_label("答", false),
            Some(LabelKind::Answers { anonymous: true })
        );
        assert_eq!(
            classify_label("王毅", true),
            Some(LabelKind::Answers { anonymous: false })
        );
        assert_eq!(classify_label("王毅", false), None);
        assert_eq!(classify_label("同时", true), None);
        assert_eq!(classify_label("我看到一位外国记者表示", false), None);
        assert_eq!(classify_label("首先向大家通报一组数字", true), None);
        assert_eq!(
            classify_label("外交部发言人", false),
            Some(LabelKind::Answers { anonymous: false })
        );
        assert!(suspicious_label("陆慷"));
        assert!(!suspicious_label("这里我想强调几点"));
    }

    #[test]
    fn line_shapes() {
        assert_eq!(
            after_meeting("会后有记者问及：据报道，……？"),
            Some(("记者".into(), "据报道，……？".into()))
        );
        assert_eq!(
            after_meeting("会后，有记者问及："),
            Some(("记者".into(), String::new()))
        );
        assert_eq!(
            after_meeting("会后有俄罗斯记者问及，近期……"),
            Some(("俄罗斯记者".into(), "近期……".into()))
        );
        assert!(is_rule("**********"));
        assert!(is_rule("＊　＊　＊　＊"));
        assert!(!is_rule("*注"));
        assert_eq!(aside("（记者：没有。）"), Some("没有。"));
        assert_eq!(
            lead_in("外交部发言人华春莹宣布：").as_deref(),
            Some("华春莹")
        );
        assert_eq!(lead_in("洪磊首先发布消息：").as_deref(), Some("洪磊"));
        assert_eq!(lead_in("中方宣布，自即日起："), None);
        assert_eq!(
            reported_speaker(
                "记者会开始前，外交部新闻司司长陆慷介绍新任发言人耿爽。",
                |_| false
            )
            .as_deref(),
            Some("陆慷")
        );
        assert_eq!(
            reported_speaker("耿爽表示，愿与各位记者朋友共同努力。", |n| n == "耿爽").as_deref(),
            Some("耿爽")
        );
        assert_eq!(reported_speaker("中方表示，欢迎。", |_| false), None);
        // Words between a title and a speech verb are no name.
        assert_eq!(
            reported_speaker("王毅外长会见毕晓普外长时明确指出：第一，…", |_| false),
            None
        );
        let names: Vec<String> = titled_names(
            "发言人在回答提问时说，大使已经表示，部长助理将介绍，司长陆慷介绍，赵立坚副司长说",
        )
        .collect();
        assert_eq!(names, ["陆慷", "赵立坚"]);
        let invited: Vec<String> =
            titled_names("外交部将举行吹风会，请国务委员兼外交部长王毅介绍有关情况。").collect();
        assert!(invited.is_empty(), "{invited:?}");
        assert!(question_like("中方对此有何评论？"));
        assert!(question_like("请证实并介绍有关情况。"));
        assert!(!question_like("中方一贯支持政治解决。"));
        assert!(is_notice(
            "根据2020年清明节假期放假安排，外交部例行记者会将于4月6日（周一）休会。"
        ));
    }
}
