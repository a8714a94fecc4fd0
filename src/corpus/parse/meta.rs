//! What the title and file name say: the date, who speaks, the citation label.

use std::sync::LazyLock;

use regex::Regex;

pub(crate) static DATE_IN_TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})年(\d{1,2})月(\d{1,2})日").unwrap());
pub(crate) static DATE_IN_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})-(\d{2})-(\d{2})").unwrap());
/// `外交部发言人陆慷主持例行记者会`, `外交部发言人耿爽2月15日答记者问`, `发言人华春莹就……发表谈话`.
static SPOKESPERSON_IN_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"发言人(\p{Han}{2,3}?)(?:\d|主持|答|就|回答|表态|宣布|发表|在|：|:)").unwrap()
});
/// `耿爽：中国政府决定……`, `王毅答记者问`.
static NAME_LEADS_TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\p{Han}{2,3}?)(?:[：:]|答记者问|就)").unwrap());
/// A leading date in a title, left out of the citation label.
static LEADING_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\d{4}年\d{1,2}月\d{1,2}日\s*").unwrap());

/// An ISO date from the first match of `re` (groups: year, month, day), if it is a real one.
pub(crate) fn iso_date(re: &Regex, s: &str) -> Option<String> {
    let c = re.captures(s)?;
    let (y, m, d): (u32, u32, u32) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// The person the title names as the one who speaks, if it names one.
pub(crate) fn speaker_in_title(title: &str) -> Option<String> {
    SPOKESPERSON_IN_TITLE
        .captures(title)
        .or_else(|| {
            NAME_LEADS_TITLE
                .captures(title)
                .filter(|c| !c[1].ends_with('方') && !c[1].starts_with("中国"))
        })
        .map(|c| c[1].to_string())
}

/// The role a title gives when it names nobody: `外交部发言人`, `发言人`.
pub(crate) fn role_in_title(title: &str) -> Option<&'static str> {
    if title.contains("外交部发言人") {
        Some("外交部发言人")
    } else if title.contains("发言人") {
        Some("发言人")
    } else {
        None
    }
}

/// The citation label when the front matter gives none: the title without its leading date,
/// without spaces, at most 30 characters.
pub(crate) fn default_label(title: &str) -> String {
    let t: String = LEADING_DATE
        .replace(title, "")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if t.chars().count() > 30 {
        let mut short: String = t.chars().take(29).collect();
        short.push('…');
        short
    } else {
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speakers_in_titles() {
        for (title, who) in [
            ("2019年5月20日外交部发言人陆慷主持例行记者会", Some("陆慷")),
            ("外交部发言人耿爽2月15日答记者问", Some("耿爽")),
            (
                "2020年4月3日外交部发言人赵立坚主持例行记者会",
                Some("赵立坚"),
            ),
            (
                "外交部发言人华春莹就美国签署涉藏消极法案发表谈话",
                Some("华春莹"),
            ),
            ("耿爽：中国政府决定向意大利派遣抗疫医疗专家组", Some("耿爽")),
            ("中方针对美方打压中国媒体驻美机构行为采取反制措施", None),
            ("中国政府向菲律宾派遣抗疫医疗专家组", None),
        ] {
            assert_eq!(speaker_in_title(title).as_deref(), who, "{title}");
        }
        assert_eq!(role_in_title("外交部发言人答记者问"), Some("外交部发言人"));
    }

    #[test]
    fn labels_and_dates() {
        assert_eq!(
            default_label("2013年11月25日外交部发言人秦刚主持例行记者会"),
            "外交部发言人秦刚主持例行记者会"
        );
        assert_eq!(default_label(&"长".repeat(40)).chars().count(), 30);
        assert_eq!(
            iso_date(&DATE_IN_TITLE, "2013年11月5日").as_deref(),
            Some("2013-11-05")
        );
        assert_eq!(iso_date(&DATE_IN_NAME, "2013-13-05"), None);
    }
}
