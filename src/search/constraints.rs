//! Constraints a question carries besides its subject: a date or period (`2019年5月`, `2018年`,
//! `2019-05-20`) and the name of a speaker of the library (`耿爽`, `华春莹`). They are read out of
//! the question and applied as filters, not searched as words: `2019` is in no passage, and a
//! spokesperson rarely names himself.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

/// A calendar day as a number `yyyymmdd`, the form the index keeps (`20190520`).
pub type DayNumber = u64;

/// What an answer must satisfy. Empty: anything.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Constraints {
    /// First day allowed (inclusive).
    pub since: Option<DayNumber>,
    /// Last day allowed (inclusive).
    pub until: Option<DayNumber>,
    /// Speakers allowed (any of them); empty: any speaker.
    pub speakers: Vec<String>,
    /// Speakers set aside (除了华春莹, 不是耿爽): never quoted, even when nothing else is left.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub except_speakers: Vec<String>,
    /// Document ids allowed; empty: any document.
    pub documents: Vec<String>,
    /// How the period was written, for display (`2019-05`, `2018`, `2019-05-20`).
    pub period_label: Option<String>,
    /// The last day the question's words name (`until` reaches some days further, to the
    /// briefings that answered about it): passages up to it are preferred.
    #[serde(skip)]
    pub named_until: Option<DayNumber>,
    /// A speaker named in the question is asked what they said (耿爽怎么评价…): their name
    /// stays a filter even when it leaves nothing, since another speaker's words are no answer.
    #[serde(skip)]
    pub speaker_asked: bool,
    /// The period is a year named alone (2014年; no month, season or range).
    #[serde(skip)]
    pub year_alone: bool,
}

impl Constraints {
    /// True when nothing is constrained.
    pub fn is_empty(&self) -> bool {
        self.since.is_none()
            && self.until.is_none()
            && self.speakers.is_empty()
            && self.except_speakers.is_empty()
            && self.documents.is_empty()
    }

    /// The same constraints with no speaker named: what still holds when the names, with
    /// the rest, leave nothing. Speakers set aside stay aside.
    pub fn without_speakers(&self) -> Constraints {
        Constraints {
            speakers: Vec::new(),
            speaker_asked: false,
            ..self.clone()
        }
    }

    /// The same constraints with no period: what holds when nothing said in the period
    /// answers.
    pub fn without_period(&self) -> Constraints {
        Constraints {
            since: None,
            until: None,
            named_until: None,
            period_label: None,
            year_alone: false,
            ..self.clone()
        }
    }

    /// Only the speakers set aside: what holds when everything else is let go.
    pub fn only_exceptions(&self) -> Constraints {
        Constraints {
            except_speakers: self.except_speakers.clone(),
            ..Constraints::default()
        }
    }

    /// Does a passage of `date` by `speaker` in `document` satisfy them?
    pub fn admits(&self, date: Option<DayNumber>, speaker: &str, document: &str) -> bool {
        let dated = |bound: Option<DayNumber>, ok: fn(DayNumber, DayNumber) -> bool| match bound {
            None => true,
            Some(b) => date.is_some_and(|d| ok(d, b)),
        };
        dated(self.since, |d, b| d >= b)
            && dated(self.until, |d, b| d <= b)
            && self.admits_speaker(speaker)
            && (self.documents.is_empty() || self.documents.iter().any(|d| d == document))
    }

    /// Does it admit the words of `speaker` (one named, or any, and not one set aside)?
    pub fn admits_speaker(&self, speaker: &str) -> bool {
        (self.speakers.is_empty() || self.speakers.iter().any(|s| s == speaker))
            && !self.except_speakers.iter().any(|s| s == speaker)
    }

    /// The days the period's words name (2019年: that year), not the days after them that a
    /// question about an event may reach: what a selection is browsed by.
    pub fn named_days(&self) -> Option<std::ops::RangeInclusive<DayNumber>> {
        self.period()
            .map(|(since, until)| since..=self.named_until.unwrap_or(until))
    }

    /// The period for the reader, as written or from its days: `2019-05`, `≥ 2018-01-01`.
    pub fn describe_period(&self) -> Option<String> {
        match (&self.period_label, self.since, self.until) {
            (Some(label), _, _) => Some(label.clone()),
            (None, Some(s), Some(u)) => Some(format!("{} … {}", iso(s), iso(u))),
            (None, Some(s), None) => Some(format!("≥ {}", iso(s))),
            (None, None, Some(u)) => Some(format!("≤ {}", iso(u))),
            (None, None, None) => None,
        }
    }

    /// A short description for the reader: `2019-05 · 陆慷`.
    pub fn describe(&self) -> String {
        let mut parts: Vec<String> = self.describe_period().into_iter().collect();
        if !self.speakers.is_empty() {
            parts.push(self.speakers.join("/"));
        }
        if !self.except_speakers.is_empty() {
            parts.push(format!("除{}", self.except_speakers.join("/")));
        }
        // A label with no days names the documents it selects (3月8日 of every year).
        let label_names_documents = self.period_label.is_some() && self.period().is_none();
        if !self.documents.is_empty() && !label_names_documents {
            parts.push(self.documents.join("/"));
        }
        parts.join(" · ")
    }

    /// The same constraints with the period reaching `days` further each way: the briefings
    /// around a day that had none (a weekend, a holiday, the day of the parade itself).
    pub fn around(&self, days: u64) -> Constraints {
        let label = self.period_label.clone().unwrap_or_else(|| self.describe());
        Constraints {
            since: self.since.map(|d| sub_days(d, days)),
            until: self.until.map(|d| add_days(d, days)),
            period_label: Some(format!("{label} 前后")),
            ..self.clone()
        }
    }

    /// For a period of one whole year (2023年), the same constraints reaching the end of the
    /// next year's first quarter, where a year is reviewed (the spring's press conferences),
    /// and saying so: `2023 及2024年初`. `None` for any other period.
    pub fn with_next_spring(&self) -> Option<Constraints> {
        let (since, named) = (self.since?, self.named_until?);
        let year = since / 10_000;
        (since == year * 10_000 + 101 && named == year * 10_000 + 1231).then(|| Constraints {
            until: Some((year + 1) * 10_000 + 331),
            period_label: Some(format!("{year} 及{}年初", year + 1)),
            ..self.clone()
        })
    }

    /// The period's own part (dates only), for checking whether the library covers it.
    pub fn period(&self) -> Option<(DayNumber, DayNumber)> {
        (self.since.is_some() || self.until.is_some())
            .then(|| (self.since.unwrap_or(0), self.until.unwrap_or(u64::MAX)))
    }
}

/// `20190520` → `2019-05-20`.
pub fn iso(day: DayNumber) -> String {
    format!("{:04}-{:02}-{:02}", day / 10000, day / 100 % 100, day % 100)
}

/// `2019-05-20` (or `2019-05`, `2019`) → the first day it names, as a [`DayNumber`].
pub fn parse_iso_day(s: &str) -> Option<DayNumber> {
    let mut parts = s.trim().split('-');
    let y: u64 = parts.next()?.parse().ok()?;
    let m: u64 = parts.next().map_or(Some(1), |p| p.parse().ok())?;
    let d: u64 = parts.next().map_or(Some(1), |p| p.parse().ok())?;
    (parts.next().is_none() && (1000..=9999).contains(&y) && valid_day(y, m, d))
        .then_some(y * 10000 + m * 100 + d)
}

/// The last day of the period an ISO prefix names (`2019-05` → `20190531`).
pub fn parse_iso_end(s: &str) -> Option<DayNumber> {
    let start = parse_iso_day(s)?;
    let (y, m) = (start / 10000, start / 100 % 100);
    Some(match s.trim().split('-').count() {
        1 => y * 10000 + 1231,
        2 => y * 10000 + m * 100 + days_in_month(y, m),
        _ => start,
    })
}

fn valid_day(y: u64, m: u64, d: u64) -> bool {
    (1..=12).contains(&m) && (1..=days_in_month(y, m)).contains(&d)
}

fn days_in_month(y: u64, m: u64) -> u64 {
    match m {
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `day` moved forward by `days` (calendar-correct; used to let a period reach the briefings
/// that answered about it a few days later).
fn add_days(day: DayNumber, days: u64) -> DayNumber {
    let (mut y, mut m, mut d) = (day / 10000, day / 100 % 100, day % 100 + days);
    while d > days_in_month(y, m) {
        d -= days_in_month(y, m);
        m += 1;
        if m > 12 {
            m = 1;
            y += 1;
        }
    }
    y * 10000 + m * 100 + d
}

/// `day` moved back by `days` (calendar-correct).
fn sub_days(day: DayNumber, days: u64) -> DayNumber {
    let (mut y, mut m) = (day / 10000, day / 100 % 100);
    let mut d = (day % 100) as i64 - days as i64;
    while d < 1 {
        m -= 1;
        if m == 0 {
            m = 12;
            y -= 1;
        }
        d += days_in_month(y, m) as i64;
    }
    y * 10000 + m * 100 + d as u64
}

/// Days after a period named by its end that still count: the ministry answers about an
/// event at the next briefings, after a holiday recess too, so "2019年2月底" must reach a
/// briefing of 1 March.
const ANSWER_LAG_DAYS: u64 = 10;

/// The same for a whole month or year (2018年, 2016年1月), which most often dates the words
/// asked for or an event well inside it: a quote of 10 January under "2018" reads as wrong.
const PERIOD_LAG_DAYS: u64 = 3;

/// Days after a day or days named that still count (the next briefings, over a weekend).
const DAY_LAG_DAYS: u64 = 3;

/// Words right after a day that make it the day of a briefing, not of an event answered at the
/// next ones: `2015年2月10日记者会上`, `2013年11月28日外交部被问到`, `2019年12月6日外交部证实`.
static BRIEFING_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\s，,]*(?:的)?(?:外交部)?(?:发言人)?(?:的)?(?:例行)?(?:新闻)?(?:记者会|发布会|吹风会)|^[\s，,]*外交部(?:发言人)?(?:在记者会上)?(?:说|表示|称|证实|介绍|宣布|回应|被问|透露|提到|指出|通报)",
    )
    .unwrap()
});

// Applied to normalised text (NFKC: full-width digits are ASCII).
static FULL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{4})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})\s*[日号]?")
        .unwrap()
});
static MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(\d{4})\s*(?:年|-|/)\s*(\d{1,2})\s*月?份?(上旬|中旬|下旬|初|底|末|中(?:[，,。？?\s]|$))?",
    )
    .unwrap()
});
/// Days from one to another in one year: `2019年5月20日至22日`, `2019年5月20日到6月3日`.
static DAY_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?\s*(?:至|到|—|–|-|~|～)\s*(?:(\d{1,2})\s*月)?\s*(\d{1,2})\s*[日号]",
    )
    .unwrap()
});
/// From one year's end or start to another's: `2018年底至2019年初`.
static YEAR_PART_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{4})\s*年\s*(底|末|初)\s*(?:至|到|—|–|-|~|～)\s*(\d{4})\s*年\s*(底|末|初)?")
        .unwrap()
});
/// From one year or month to another: `2016年至2018年`, `2016-2018年`, `2019年5月到7月`,
/// `2018年11月至2019年2月`; or two named together: `2017年和2018年`, `2019年5、6月`. The end needs
/// its 年 or 月, so an ISO month (`2019-05`) is no range.
static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(\d{4})\s*年?\s*(?:(\d{1,2})\s*(?:月份?)?)?\s*(?:至|到|—|–|-|~|～|和|与|及|、)\s*(?:(\d{4})\s*年)?\s*(?:(\d{1,2})\s*月份?)?",
    )
    .unwrap()
});
static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(\d{4})\s*年(?:的)?(上半年|下半年|初|底|末|岁末|年初|年底|年末|(?:第)?[一二三四1-4]季度|春天|春季|夏天|夏季|秋天|秋季|冬天|冬季)?",
    )
        .unwrap()
});
/// Words after a date that ask about the days around it (6月20日前后, 国庆左右).
static AROUND: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*(前后|左右)").unwrap());
/// How far each way "around a day" reaches.
const AROUND_DAYS: u64 = 7;
/// Words before a date that make it the day a tally runs to (截至2020年3月22日, 截止到2015年).
static AS_OF_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(截至|截止到?|直到)\s*$").unwrap());
/// Words after a date that do the same (到2016年为止).
static AS_OF_AFTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*为止").unwrap());
/// How long after the day it runs to a tally is told: the next day's briefing (截至3月22日 on
/// 3月23日), or early in the next year for a year's (到2016年为止 in February 2017).
const AS_OF_DAYS: u64 = 60;
/// Words right after a date that turn it into an open period.
static OPEN_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(以来|以后|之后|后|起|至今|开始|迄今|到现在|到目前|到今天)").unwrap()
});
/// What follows a speaker's name when the question asks for their words: 耿爽怎么评价,
/// 华春莹在记者会上是如何回应, 陆慷对此怎么看, 秦刚说.
static SPEAKS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(在[^，。？！,.?!]{0,12}?)?(又|是|都|曾|还|也|当时|第一时间)?(怎么|如何|怎样|怎麼)?(说|讲|称|表示|评价|评论|回应|回答|答|看待|看|宣布|驳斥|反驳|解释|介绍|谈|指出|强调|表态|批评|重申|否认|证实|透露|呼吁|对|就)",
    )
    .unwrap()
});
/// Does `question` (normalised) ask for the words of `name` (汪文斌怎么回应, 毛宁是如何评价):
/// the name followed by a verb of saying, as a speaker of the library is read.
pub fn asks_for_words_of(question: &str, name: &str) -> bool {
    question
        .match_indices(name)
        .any(|(at, _)| SPEAKS.is_match(&question[at + name.len()..]))
}

/// A day of the month a question has already named: `2018年7月…截至7月10号`.
static DAY_OF_MONTH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]").unwrap());
static OPEN_BEFORE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*(以前|之前|前)").unwrap());

/// A period found in a question: the byte range it covers and the days it allows.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Period {
    range: std::ops::Range<usize>,
    since: DayNumber,
    until: DayNumber,
    /// The last day the words name, before the lag for later briefings.
    named_until: DayNumber,
    label: String,
    /// The year, when the words name a year alone (2018年, 2017年夏天; no month, no range).
    year_alone: Option<u64>,
}

impl Period {
    /// One day named (its words at `range` of `q`), reaching the briefings of the next few
    /// days, unless the question names it as a briefing's own ([`BRIEFING_DAY`]).
    fn day(q: &str, range: std::ops::Range<usize>, day: DayNumber) -> Period {
        let briefing = BRIEFING_DAY.is_match(&q[range.end..]);
        Period {
            range,
            since: day,
            until: if briefing {
                day
            } else {
                add_days(day, DAY_LAG_DAYS)
            },
            named_until: day,
            label: iso(day),
            year_alone: None,
        }
    }
}

fn find_period(q: &str) -> Option<Period> {
    if let Some(c) = DAY_RANGE.captures(q) {
        let (y, m1, d1) = (num(&c[1]), num(&c[2]), num(&c[3]));
        let m2 = c.get(4).map_or(m1, |m| num(m.as_str()));
        let d2 = num(&c[5]);
        let (first, last) = (y * 10000 + m1 * 100 + d1, y * 10000 + m2 * 100 + d2);
        if (1900..=2100).contains(&y)
            && valid_day(y, m1, d1)
            && valid_day(y, m2, d2)
            && first <= last
        {
            let whole = c.get(0).expect("group 0");
            return Some(Period {
                range: whole.range(),
                since: first,
                until: add_days(last, DAY_LAG_DAYS),
                named_until: last,
                label: format!("{} … {}", iso(first), iso(last)),
                year_alone: None,
            });
        }
    }
    if let Some(c) = FULL_DATE.captures(q) {
        let (y, m, d) = (num(&c[1]), num(&c[2]), num(&c[3]));
        if (1900..=2100).contains(&y) && valid_day(y, m, d) {
            let whole = c.get(0).expect("group 0");
            return Some(Period::day(q, whole.range(), y * 10000 + m * 100 + d));
        }
    }
    if let Some(p) = find_range(q) {
        return Some(p);
    }
    if let Some(c) = MONTH.captures(q) {
        let (y, m) = (num(&c[1]), num(&c[2]));
        if (1900..=2100).contains(&y) && (1..=12).contains(&m) {
            let last = days_in_month(y, m);
            let part = c.get(3).map(|p| {
                p.as_str()
                    .trim_end_matches(|ch: char| !ch.is_alphanumeric())
            });
            let (from, to) = match part {
                Some("上旬" | "初") => (1, 10),
                Some("中旬" | "中") => (11, 20),
                Some("下旬" | "底" | "末") => (21, last),
                _ => (1, last),
            };
            let base = y * 10000 + m * 100;
            let whole = c.get(0).expect("group 0");
            // The month's day named later in the question (`2018年7月普吉岛游船倾覆，截至7月10号`)
            // narrows the period to that day, as a full date would.
            let day = DAY_OF_MONTH
                .captures_iter(&q[whole.end()..])
                .map(|d| (num(&d[1]), num(&d[2])))
                .find(|&(dm, dd)| dm == m && valid_day(y, m, dd));
            if let Some((_, d)) = day {
                return Some(Period::day(q, whole.range(), base + d));
            }
            // Keep a trailing delimiter (`月中，`) in the question.
            let end = c.get(3).map_or(whole.end(), |p| {
                p.start()
                    + p.as_str()
                        .trim_end_matches(|ch: char| !ch.is_alphanumeric())
                        .len()
            });
            // A month's end (下旬, 底) is named by its end.
            let lag = if part.is_some() && to == last {
                ANSWER_LAG_DAYS
            } else {
                PERIOD_LAG_DAYS
            };
            return Some(Period {
                range: whole.start()..end,
                since: base + from,
                until: add_days(base + to, lag),
                named_until: base + to,
                label: format!("{y:04}-{m:02}"),
                year_alone: None,
            });
        }
    }
    if let Some(c) = YEAR.captures(q) {
        let y = num(&c[1]);
        if (1900..=2100).contains(&y) {
            let part = c.get(2).map(|p| p.as_str());
            let (from, to) = year_part(part);
            let whole = c.get(0).expect("group 0");
            // The part named is said with the year: the whole year is not what was applied.
            let label = match part {
                None => format!("{y:04}"),
                Some(p @ ("初" | "底" | "末")) => format!("{y:04} 年{p}"),
                Some(p) => format!("{y:04} {p}"),
            };
            // A year's end, second half or last quarter is named by its end.
            let lag = if part.is_some() && to == 1231 {
                ANSWER_LAG_DAYS
            } else {
                PERIOD_LAG_DAYS
            };
            return Some(Period {
                range: whole.range(),
                since: y * 10000 + from,
                until: add_days(y * 10000 + to, lag),
                named_until: y * 10000 + to,
                label,
                year_alone: Some(y),
            });
        }
    }
    // Keywords typed as into a search box, 萨德 2017: a year standing apart, with no unit after it
    // (2000 名 is a count).
    if let Some(c) = BARE_YEAR.captures(q) {
        let year = c.get(1).expect("group 1");
        let y = num(year.as_str());
        let unit_after = q[year.end()..]
            .trim_start()
            .starts_with(|ch: char| COUNT_UNIT_CHARS.contains(ch));
        if (1949..=2100).contains(&y) && !unit_after {
            return Some(Period {
                range: year.range(),
                since: y * 10000 + 101,
                until: add_days(y * 10000 + 1231, PERIOD_LAG_DAYS),
                named_until: y * 10000 + 1231,
                label: format!("{y:04}"),
                year_alone: Some(y),
            });
        }
    }
    None
}

/// A four-digit number standing apart from the words around it (by spaces or punctuation).
static BARE_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[\s,，;；、])(\d{4})(?:$|[\s,，;；、?？!！。])").unwrap());

/// What a number counts when it is not a year (2000 名, 1000 亿).
const COUNT_UNIT_CHARS: &str = "名人个亿万千百元美吨米公里岁次件家架艘条项";

/// The days (`mmdd`, from and to) of the part of a year its words name after 年 (上半年, 初,
/// 三季度, 冬天); the whole year for none. Winter runs into the next year's February.
fn year_part(part: Option<&str>) -> (DayNumber, DayNumber) {
    match part {
        Some("上半年") => (101, 630),
        Some("下半年") => (701, 1231),
        Some("初" | "年初") => (101, 331),
        Some("底" | "末" | "岁末" | "年底" | "年末") => (1001, 1231),
        Some(q) if q.ends_with("季度") => match q.trim_start_matches('第').chars().next() {
            Some('一' | '1') => (101, 331),
            Some('二' | '2') => (401, 630),
            Some('三' | '3') => (701, 930),
            _ => (1001, 1231),
        },
        Some("春天" | "春季") => (301, 531),
        Some("夏天" | "夏季") => (601, 831),
        Some("秋天" | "秋季") => (901, 1130),
        Some("冬天" | "冬季") => (1201, 10228),
        _ => (101, 1231),
    }
}

/// A period from one year or month to another (see [`RANGE`]), or from one year's end or start
/// to another's (see [`YEAR_PART_RANGE`]).
fn find_range(q: &str) -> Option<Period> {
    if let Some(c) = YEAR_PART_RANGE.captures(q) {
        let (y1, y2) = (num(&c[1]), num(&c[3]));
        // From the first day of one year's part to the last of the other's (its whole year
        // when the second names no part).
        let from = year_part(Some(&c[2])).0;
        let to = year_part(c.get(4).map(|p| p.as_str())).1;
        let (m1, end_month) = (from / 100, to / 100);
        let since = y1 * 10000 + from;
        let named_until = y2 * 10000 + to;
        if (1900..=2100).contains(&y1) && (1900..=2100).contains(&y2) && since <= named_until {
            return Some(Period {
                range: c.get(0).expect("group 0").range(),
                since,
                until: add_days(named_until, ANSWER_LAG_DAYS),
                named_until,
                label: format!("{y1:04}-{m1:02} … {y2:04}-{end_month:02}"),
                year_alone: None,
            });
        }
    }
    let c = RANGE.captures(q)?;
    let y1 = num(&c[1]);
    let m1 = c.get(2).map(|m| num(m.as_str()));
    let y2 = c.get(3).map(|m| num(m.as_str()));
    let m2 = c.get(4).map(|m| num(m.as_str()));
    // `2019年5月至7月` needs both months; `2016至2018年` the second year.
    let (y2, m2) = match (y2, m2) {
        (Some(y), m) => (y, m),
        (None, Some(m)) if m1.is_some() => (y1, Some(m)),
        _ => return None,
    };
    let month_ok = |m: Option<u64>| m.is_none_or(|m| (1..=12).contains(&m));
    if !(1900..=2100).contains(&y1)
        || !(1900..=2100).contains(&y2)
        || !month_ok(m1)
        || !month_ok(m2)
    {
        return None;
    }
    let since = y1 * 10000 + m1.unwrap_or(1) * 100 + 1;
    let end_month = m2.unwrap_or(12);
    let named_until = y2 * 10000 + end_month * 100 + days_in_month(y2, end_month);
    if since > named_until {
        return None;
    }
    let end = |y: u64, m: Option<u64>| match m {
        Some(m) => format!("{y:04}-{m:02}"),
        None => format!("{y:04}"),
    };
    Some(Period {
        range: c.get(0).expect("group 0").range(),
        since,
        until: add_days(named_until, ANSWER_LAG_DAYS),
        named_until,
        label: format!("{} … {}", end(y1, m1), end(y2, m2)),
        year_alone: None,
    })
}

/// A year or month in Chinese numerals (二〇一九年十二月), the way it is written out in full.
static CHINESE_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([〇零一二三四五六七八九]{4})年").unwrap());
static CHINESE_MONTH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})年(十[一二]?|[一二三四五六七八九])月").unwrap());
static CHINESE_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{1,2})月(三十[一]?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])[日号]")
        .unwrap()
});

/// A year in two digits before a month, as chat writes it: `19年5月` (2019年5月). Only with its
/// month: `建交19年` is a span of years, not a date.
static SHORT_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(^|[^\d])(\d{2})年(\d{1,2}月)").unwrap());

/// Dates written in Chinese numerals or with a two-digit year, in full digits: `二〇一九年五月`
/// → `2019年5月`, `19年5月` → `2019年5月`.
fn arabic_dates(q: &str) -> String {
    let q = &*SHORT_YEAR.replace_all(q, |c: &regex::Captures| {
        format!("{}20{}年{}", &c[1], &c[2], &c[3])
    });
    let digit = |c: char| {
        "〇一二三四五六七八九"
            .find(c)
            .map(|i| i / 3)
            .or((c == '零').then_some(0))
    };
    let years = CHINESE_YEAR.replace_all(q, |c: &regex::Captures| {
        let y: String = c[1]
            .chars()
            .filter_map(digit)
            .map(|d| char::from(b'0' + d as u8))
            .collect();
        format!("{y}年")
    });
    let months = CHINESE_MONTH
        .replace_all(&years, |c: &regex::Captures| {
            let m = match &c[2] {
                "十" => 10,
                "十一" => 11,
                "十二" => 12,
                one => one.chars().next().and_then(digit).unwrap_or(0),
            };
            format!("{}年{m}月", &c[1])
        })
        .into_owned();
    CHINESE_DAY
        .replace_all(&months, |c: &regex::Captures| {
            // 十 is ten; before another numeral its tens, after one its multiple.
            let value = c[2].chars().fold((0, 0), |(tens, ones), ch| match ch {
                '十' => ((ones.max(1)) * 10, 0),
                other => (tens, digit(other).unwrap_or(0)),
            });
            format!("{}月{}日", &c[1], value.0 + value.1)
        })
        .into_owned()
}

fn num(s: &str) -> u64 {
    s.parse().unwrap_or(0)
}

/// What [`extract`] found: the constraints and the question with them cut out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    /// The constraints read from the question.
    pub constraints: Constraints,
    /// The rest of the (normalised) question, to be searched.
    pub rest: String,
    /// Speaker names found in the question (also kept in `rest`: a name can be the subject).
    pub names: Vec<String>,
    /// The period is a year alone inside a clause (申办2030年世界杯, 拿2009年H1N1流感举例) or
    /// right before the name of an event or a document (2008年北京奥运会, 1972年中美联合公报):
    /// the year of an event the question names, which may be other than when anyone spoke of it.
    pub year_in_clause: Option<u64>,
    /// The question asks about the first or the last briefing of its selection (耿爽第一次主持
    /// 记者会, 2019年最后一场记者会): the words saying so are cut from `rest`.
    pub briefing: Option<BriefingOrdinal>,
    /// With a briefing's ordinal, `rest` with the words saying it left in.
    pub rest_with_briefing: Option<String>,
    /// With a briefing's ordinal, the words before it, where the question may name its host
    /// (汪文斌第一次主持记者会: 汪文斌).
    pub before_briefing: Option<String>,
}

/// Which briefing of a selection a question asks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BriefingOrdinal {
    /// The earliest (第一次, 首场, 头一回).
    First,
    /// The latest (最后一次, 最后一场).
    Last,
}

/// An ordinal right before the word for a briefing, with what may stand between them
/// (第一次主持例行记者会, 首场记者会, 头一回登台的发布会, 最后一场外交部记者会). 最近一次 is
/// left out: beside a subject it asks for the latest word on it, not for one briefing.
static BRIEFING_ORDINAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        // The post taken or left, said with it (上任后第一次, 离任前最后一场), goes with it.
        r"(?:(?:上任|就任|履新|离任|卸任|调任)(?:前|后|以来)?的?\s*)?",
        r"(第一|头一|首|最早的?一|最后一)(次|场|回)\s*",
        r"(主持|召开|举行|出席|亮相|登台|露面|开)?(的)?\s*",
        r"(外交部)?(例行)?(新闻)?(记者会|发布会|吹风会|记者招待会)",
    ))
    .unwrap()
});

/// Reads the date or period and the speaker names out of a normalised question. `speakers`
/// are the names that answer in the library; only those count (a name the library never
/// quotes is a subject, not a speaker).
pub fn extract(normalized_question: &str, speakers: &[String]) -> Extracted {
    let mut constraints = Constraints::default();
    let mut rest = arabic_dates(normalized_question);
    let mut year_in_clause = None;
    if let Some(p) = find_period(&rest) {
        year_in_clause = year_in_clause_at(&rest, &p);
        let after = &rest[p.range.end..];
        let around_len = AROUND.find(after).map(|m| m.end());
        let around = around_len.is_some();
        let as_of_len = AS_OF_AFTER.find(after).map(|m| m.end());
        let as_of = as_of_len.is_some() || AS_OF_BEFORE.is_match(&rest[..p.range.start]);
        let (since, until, label) = if around {
            // 6月20日前后: the days around it, not the days before it.
            (
                Some(sub_days(p.since, AROUND_DAYS)),
                Some(add_days(p.until, AROUND_DAYS)),
                format!("{} 前后", p.label),
            )
        } else if as_of {
            (
                Some(p.since),
                Some(add_days(p.until, AS_OF_DAYS)),
                format!("截至 {}", p.label),
            )
        } else if OPEN_AFTER.is_match(after) {
            (Some(p.since), None, format!("≥ {}", p.label))
        } else if OPEN_BEFORE.is_match(after) {
            // 年底前, 月底前: by the end named (a deadline), up to the briefings just after it;
            // 2019年5月之前 is before May.
            if rest[p.range.clone()].ends_with(['底', '末']) {
                (None, Some(p.until), format!("≤ {}", p.label))
            } else {
                (
                    None,
                    Some(p.since.saturating_sub(1)),
                    format!("< {}", p.label),
                )
            }
        } else {
            (Some(p.since), Some(p.until), p.label)
        };
        if until.is_some() {
            constraints.named_until = Some(if around {
                add_days(p.named_until, AROUND_DAYS)
            } else {
                p.named_until
            });
        }
        constraints.since = since;
        constraints.until = until;
        constraints.period_label = Some(label);
        constraints.year_alone =
            p.year_alone.is_some() && until.is_some() && since.is_some() && !around;
        // 前后 and 为止 go with the date: they are no words of the subject.
        let words_after = around_len.or(as_of_len).unwrap_or(0);
        rest.replace_range(p.range.start..p.range.end + words_after, " ");
    }
    // Every briefing word ends in 会; most questions hold none, and the captures cost more.
    let asks_a_briefing = rest.contains('会');
    let found = asks_a_briefing
        .then(|| BRIEFING_ORDINAL.captures(&rest))
        .flatten()
        .map(|m| {
            let last = &m[1] == "最后一";
            let ordinal = if last {
                BriefingOrdinal::Last
            } else {
                BriefingOrdinal::First
            };
            (ordinal, m.get(0).map_or(0..0, |m| m.range()))
        });
    let mut rest_with_briefing = found.as_ref().map(|_| rest.clone());
    let before_briefing = found
        .as_ref()
        .map(|(_, range)| rest[..range.start].to_string());
    let briefing = found.map(|(ordinal, range)| {
        rest.replace_range(range, " ");
        ordinal
    });
    let mut names: Vec<String> = Vec::new();
    for s in speakers {
        if rest.contains(s.as_str()) && !names.contains(s) {
            names.push(s.clone());
        }
    }
    // A name inside a longer found name is the longer one's.
    let all = names.clone();
    names.retain(|n| !all.iter().any(|o| o != n && o.contains(n.as_str())));
    // In the order the question names them: the first is most often the one who speaks
    // (华春莹是怎么介绍赵立坚的).
    names.sort_by_key(|n| rest.find(n.as_str()).unwrap_or(usize::MAX));
    // A name set aside (除了华春莹, 不是耿爽说的, 陆慷以外) asks for the others' words: it
    // filters them out and is no word to search.
    let (except, names): (Vec<String>, Vec<String>) =
        names.into_iter().partition(|n| set_aside(&rest, n));
    for n in &except {
        rest = rest.replace(n.as_str(), " ");
        if let Some(uncut) = &mut rest_with_briefing {
            *uncut = uncut.replace(n.as_str(), " ");
        }
    }
    constraints.except_speakers = except;
    constraints.speaker_asked = names.iter().any(|n| asks_for_words_of(&rest, n));
    constraints.speakers = names.clone();
    Extracted {
        constraints,
        rest,
        names,
        year_in_clause,
        briefing,
        rest_with_briefing,
        before_briefing,
    }
}

/// Words before a name that set it aside (除了华春莹, 不是耿爽说的), and after it (陆慷以外).
/// Whoever takes a speaker's place is someone else (谁接替洪磊担任发言人): the name is the
/// object of the question, and its passages are not the answer.
static SET_ASIDE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(除了?|不是|并非|而非|不包括|排除|(接替|接任|取代|继任|替代|代替|顶替)了?)\s*$")
        .unwrap()
});
static SET_ASIDE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(以外|之外|外的|的同事|的继任者|的接班人|的前任)").unwrap());

/// Is every mention of `name` in `q` one that sets the speaker aside?
fn set_aside(q: &str, name: &str) -> bool {
    q.match_indices(name).all(|(at, _)| {
        SET_ASIDE_BEFORE.is_match(&q[..at]) || SET_ASIDE_AFTER.is_match(&q[at + name.len()..])
    })
}

/// Titles a speaker is named with, before the name (外交部发言人华春莹) or after it (王毅外长).
static TITLE_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(外交部发言人|外交部长|发言人|外长|部长|国务委员)\s*$").unwrap());
static TITLE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(外交部长|外长|部长|发言人|女士|先生)").unwrap());

/// `text` with `name` standing apart (so jieba does not glue it to a neighbour: 时洪磊) and
/// without the titles right beside it: they name the speaker, and are no words of what is asked.
pub fn without_titles_of(text: &str, name: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(name) {
        let before = TITLE_BEFORE.find(&rest[..at]).map_or(at, |m| m.start());
        out.push_str(&rest[..before]);
        out.push(' ');
        out.push_str(name);
        let after = &rest[at + name.len()..];
        let skip = TITLE_AFTER.find(after).map_or(0, |m| m.end());
        out.push(' ');
        rest = &after[skip..];
    }
    out.push_str(rest);
    out
}

/// The office a question addresses (外交部发言人是怎么回应的, 外交部新闻发言人对此怎么看,
/// 外长对一带一路怎么说): it is who answers, not what is asked about, and left in it matches
/// every passage that mentions another ministry's spokesperson or another country's minister.
/// The ministry's full title always addresses it, except where it is the subject
/// (外交部发言人办公室); a bare title (外长, 发言人) only right before what it is asked to do
/// (外长对…, 发言人怎么…, 外长讲了): 中国外长每年首访非洲 is about the minister.
static THE_OFFICE: LazyLock<Regex> = LazyLock::new(|| {
    // 哪位 goes with it: which spokesperson said it is who said it, said beside every quote.
    Regex::new(
        r"(?:哪(?:一|个)?位?)?(?:中国)?(?:(?P<full>外交部(?:新闻)?发言人(?:们)?)|外交部长|外长|发言人)",
    )
    .unwrap()
});
static ADDRESSED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:对|在|就|怎么|如何|怎样|是怎么|是如何|讲|说|谈|表示|回应|评价|认为|觉得|有没有|提)")
        .unwrap()
});

/// `text` without the office it addresses ([`THE_OFFICE`]).
pub fn without_the_office(text: &str) -> std::borrow::Cow<'_, str> {
    THE_OFFICE.replace_all(text, |c: &regex::Captures| {
        let m = c.get(0).expect("group 0");
        let after = &text[m.end()..];
        let addressed = if c.name("full").is_some() {
            !after.starts_with("办公室")
        } else {
            ADDRESSED.is_match(after)
        };
        if addressed {
            " ".to_string()
        } else {
            m.as_str().to_string()
        }
    })
}

/// The month and day of the first day a question names without its year (`3月8日记者会`):
/// `None` when it names none, or names its year (a period [`extract`] reads).
pub fn yearless_day(normalized_question: &str) -> Option<(u64, u64)> {
    DAY_OF_MONTH
        .captures(normalized_question)
        .filter(|c| {
            let before = &normalized_question[..c.get(0).map_or(0, |m| m.start())];
            !before.trim_end().ends_with(['年', '-', '/', '.'])
        })
        .map(|c| (num(&c[1]), num(&c[2])))
        .filter(|&(m, d)| (1..=12).contains(&m) && (1..=31).contains(&d))
}

/// The current year (UTC), from the system clock.
pub fn this_year() -> u64 {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    year_of_day(days)
}

/// The civil year of day `days` since 1970-01-01.
fn year_of_day(days: u64) -> u64 {
    let mut year = 1970;
    let mut left = days;
    loop {
        let length = if days_in_month(year, 2) == 29 {
            366
        } else {
            365
        };
        if left < length {
            return year;
        }
        left -= length;
        year += 1;
    }
}

/// The year of period `p` of `q` when `p` is a year alone (no month) standing inside a clause:
/// after a word, not at the question's or a clause's start.
fn year_in_clause_at(q: &str, p: &Period) -> Option<u64> {
    let year = p.year_alone?;
    let inside = q[..p.range.start]
        .chars()
        .next_back()
        .is_some_and(|before| before.is_alphanumeric() && !before.is_ascii_digit());
    (inside || NAMED_AFTER_YEAR.is_match(&q[p.range.end..])).then_some(year)
}

/// The name of an event or a document right after a year (2008年北京奥运会, 1972年中美联合公报,
/// 1982年宪法): the year is part of its name.
static NAMED_AFTER_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^\s*\p{Han}{0,4}?(奥运会|冬奥会|亚运会|世博会|世界杯|联合公报|公报|宪法|宣言|",
        r"协定|条约|峰会|地震|海啸|大选|金融危机|战争)"
    ))
    .unwrap()
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_without_its_year_is_read_apart_from_one_with_it() {
        assert_eq!(yearless_day("3月8日记者会上说了什么"), Some((3, 8)));
        assert_eq!(yearless_day("10月8号的记者会"), Some((10, 8)));
        assert_eq!(yearless_day("2018年10月8日的记者会"), None);
        assert_eq!(yearless_day("2018-10-8"), None);
        assert_eq!(yearless_day("13月8日"), None);
        assert_eq!(yearless_day("耿爽最近说了什么"), None);
    }

    #[test]
    fn the_first_or_last_briefing_asked_is_read_and_cut_from_the_words() {
        let names = ["耿爽".to_string()];
        let e = extract("耿爽第一次主持例行记者会说了什么", &names);
        assert_eq!(e.briefing, Some(BriefingOrdinal::First));
        assert_eq!(e.rest, "耿爽 说了什么");
        // Kept for a question that also names a subject: the briefing's words may be searched.
        assert_eq!(
            e.rest_with_briefing.as_deref(),
            Some("耿爽第一次主持例行记者会说了什么")
        );
        // The words before it, where a host may be named.
        assert_eq!(e.before_briefing.as_deref(), Some("耿爽"));
        // Cut before the name is read: what follows it still asks for the speaker's words.
        assert!(e.constraints.speaker_asked);
        let e = extract("2019年最后一场记者会讲了什么", &names);
        assert_eq!(e.briefing, Some(BriefingOrdinal::Last));
        assert_eq!(e.constraints.period_label.as_deref(), Some("2019"));
        let e = extract("耿爽离任前最后一次记者会说了什么", &names);
        assert_eq!(e.briefing, Some(BriefingOrdinal::Last));
        assert_eq!(e.rest, "耿爽 说了什么");
        for q in ["首场发布会", "头一回登台的外交部记者会", "最早的一次记者会"]
        {
            assert_eq!(
                extract(q, &names).briefing,
                Some(BriefingOrdinal::First),
                "{q}"
            );
        }
        // Firsts of anything else, and the latest word on a subject, are no briefing.
        for q in [
            "中国首次派出维和部队",
            "第一次中美外交安全对话",
            "最近一次记者会上耿爽怎么说",
            "记者会上第一次提出",
        ] {
            assert_eq!(extract(q, &names).briefing, None, "{q}");
        }
    }

    #[test]
    fn two_years_or_months_named_together_are_one_period_and_a_start_is_open() {
        let c = extract("2017年和2018年萨德", &[]);
        assert_eq!(
            (c.constraints.since, c.constraints.named_until),
            (Some(20170101), Some(20181231))
        );
        assert_eq!(c.rest.trim(), "萨德");
        let c = extract("2019年5、6月中美贸易", &[]).constraints;
        assert_eq!((c.since, c.named_until), (Some(20190501), Some(20190630)));
        for q in ["从2017年开始萨德", "2014年到现在马航"] {
            let c = extract(q, &[]).constraints;
            assert!(c.since.is_some() && c.until.is_none(), "{q}: {c:?}");
        }
        let c = extract("2018年底至2019年初中美贸易磋商", &[]).constraints;
        assert_eq!((c.since, c.named_until), (Some(20181001), Some(20190331)));
        assert_eq!(c.describe(), "2018-10 … 2019-03");
        // 和 before anything but a date joins nothing.
        let c = extract("2019年5月和韩国的关系", &[]).constraints;
        assert_eq!((c.since, c.named_until), (Some(20190501), Some(20190531)));
    }

    #[test]
    fn a_day_named_as_a_briefings_own_does_not_reach_the_next_briefings() {
        let until = |q: &str| extract(q, &[]).constraints.until;
        // The day of an event: answered at the briefings of the next days.
        assert_eq!(
            until("2015年2月10日缅北果敢冲突，中方怎么看"),
            Some(20150213)
        );
        for q in [
            "2015年2月10日记者会上，外交部说缅甸边民怎么安置",
            "2013年11月28日外交部被问到中澳自贸谈判",
            "2019年12月6日，外交部证实对等措施",
            "2014年6月19日的例行记者会上，西班牙国王",
        ] {
            let day = extract(q, &[]).constraints.since;
            assert_eq!(until(q), day, "{q}");
        }
    }

    #[test]
    fn ranges_of_days_and_periods_before_a_date() {
        let c = extract("2019年5月20日到6月3日中美贸易", &[]).constraints;
        assert_eq!((c.since, c.named_until), (Some(20190520), Some(20190603)));
        assert_eq!(c.describe(), "2019-05-20 … 2019-06-03");
        let c = extract("2019年5月20日至22日中方说了什么", &[]).constraints;
        assert_eq!((c.since, c.named_until), (Some(20190520), Some(20190522)));
        let c = extract("2019年5月之前中美贸易", &[]).constraints;
        assert_eq!((c.since, c.until), (None, Some(20190500)));
        assert_eq!(c.describe(), "< 2019-05");
    }

    #[test]
    fn a_tally_as_of_a_date_is_told_then_or_in_the_weeks_after() {
        let e = extract("到2016年为止，韩国一共归还了多少位志愿军烈士的遗骸？", &[]);
        let c = &e.constraints;
        assert_eq!((c.since, c.named_until), (Some(20160101), Some(20161231)));
        assert!(c.admits(Some(20170216), "", "") && !c.admits(Some(20170601), "", ""));
        assert_eq!(c.describe(), "截至 2016");
        assert!(!e.rest.contains("为止"), "{}", e.rest);
        let c = extract("截至2020年3月22日，中国累计报告了多少例境外输入病例？", &[]).constraints;
        assert!(c.admits(Some(20200323), "", "") && !c.admits(Some(20200321), "", ""));
        // A day alone is the briefing's own, not a week later.
        let c = extract("2020年3月22日中国累计报告了多少例境外输入病例？", &[]).constraints;
        assert!(!c.admits(Some(20200329), "", ""));
    }

    #[test]
    fn quarters_year_ends_and_days_in_chinese_numerals_are_periods() {
        let period = |q: &str| {
            let c = extract(q, &[]).constraints;
            (c.since, c.named_until)
        };
        assert_eq!(
            period("2016年第一季度中方对朝鲜的态度"),
            (Some(20160101), Some(20160331))
        );
        assert_eq!(
            period("2018年三季度中美贸易"),
            (Some(20180701), Some(20180930))
        );
        assert_eq!(
            period("2017年岁末中方说了什么"),
            (Some(20171001), Some(20171231))
        );
        assert_eq!(
            period("二零一六年三月八日朝鲜"),
            (Some(20160308), Some(20160308))
        );
        assert_eq!(
            period("2019年十二月二十六日"),
            (Some(20191226), Some(20191226))
        );
        assert_eq!(period("2019年5月十日"), (Some(20190510), Some(20190510)));
        assert_eq!(
            period("2019年5月三十一日"),
            (Some(20190531), Some(20190531))
        );
    }

    #[test]
    fn days_move_back_across_months_and_years() {
        assert_eq!(sub_days(20150903, 7), 20150827);
        assert_eq!(sub_days(20160301, 1), 20160229);
        assert_eq!(sub_days(20140105, 10), 20131226);
        assert_eq!(sub_days(20140105, 0), 20140105);
    }

    #[test]
    fn a_period_reaches_around_itself_and_says_so() {
        let c = extract("2015年9月3日阅兵那天外国领导人来了哪些", &[]).constraints;
        assert_eq!((c.since, c.until), (Some(20150903), Some(20150906)));
        let wider = c.around(7);
        assert_eq!((wider.since, wider.until), (Some(20150827), Some(20150913)));
        assert_eq!(wider.describe(), "2015-09-03 前后");
        assert_eq!(wider.named_until, c.named_until);
    }

    #[test]
    fn ranges_of_years_and_months_are_read() {
        let period = |q: &str| {
            let c = extract(q, &[]).constraints;
            (c.period_label, c.since, c.named_until)
        };
        for q in [
            "2016年至2018年南海仲裁",
            "2016到2018年南海",
            "2016-2018年南海",
        ] {
            assert_eq!(
                period(q),
                (Some("2016 … 2018".into()), Some(20160101), Some(20181231)),
                "{q}"
            );
        }
        assert_eq!(
            period("2019年5月到7月香港"),
            (
                Some("2019-05 … 2019-07".into()),
                Some(20190501),
                Some(20190731)
            )
        );
        assert_eq!(
            period("从2018年11月至2019年2月中美磋商"),
            (
                Some("2018-11 … 2019-02".into()),
                Some(20181101),
                Some(20190228)
            )
        );
        // Not ranges: an ISO month, a full date, a range that runs backwards.
        assert_eq!(period("2019-05华为").0.as_deref(), Some("2019-05"));
        assert_eq!(period("2019-05-20华为").0.as_deref(), Some("2019-05-20"));
        assert_eq!(period("2019年至2016年").0.as_deref(), Some("2019"));
        assert_eq!(
            period("2014年6月至今伊拉克").0.as_deref(),
            Some("≥ 2014-06")
        );
        let rest = extract("2016年至2018年南海仲裁", &[]).rest;
        assert!(
            !rest.contains("2018") && rest.contains("南海仲裁"),
            "{rest}"
        );
    }

    #[test]
    fn around_a_day_is_the_days_either_side_and_a_years_part_is_said() {
        let e = ex("2019年6月20日前后中方对伊朗的表态");
        assert_eq!(e.constraints.since, Some(20190613));
        assert_eq!(e.constraints.named_until, Some(20190627));
        assert_eq!(e.constraints.describe(), "2019-06-20 前后");
        assert!(!e.rest.contains('前'), "{}", e.rest);
        let label = |q: &str| ex(q).constraints.describe();
        assert_eq!(label("2019年下半年香港局势"), "2019 下半年");
        assert_eq!(label("2017年底朝鲜半岛"), "2017 年底");
        assert_eq!(label("2015年第四季度南海"), "2015 第四季度");
        assert_eq!(label("2018年中美关系"), "2018");
    }

    #[test]
    fn seasons_are_their_months() {
        let e = ex("2017年夏天洞朗对峙");
        assert_eq!(e.constraints.since, Some(20170601));
        assert_eq!(e.constraints.named_until, Some(20170831));
        let e = ex("2015年冬天");
        assert_eq!(e.constraints.since, Some(20151201));
        assert_eq!(e.constraints.named_until, Some(20160228));
    }

    #[test]
    fn a_two_digit_year_with_its_month_is_read() {
        assert_eq!(arabic_dates("19年5月香港"), "2019年5月香港");
        assert_eq!(
            arabic_dates("中方在18年12月说了什么"),
            "中方在2018年12月说了什么"
        );
        // Without a month it is a span of years, and a full year is left alone.
        assert_eq!(arabic_dates("建交19年来"), "建交19年来");
        assert_eq!(arabic_dates("2019年5月"), "2019年5月");
        assert_eq!(
            ex("19年5月中美贸易谈判")
                .constraints
                .period_label
                .as_deref(),
            Some("2019-05")
        );
    }

    #[test]
    fn dates_in_chinese_numerals_are_read() {
        let e = extract("二〇一九年五月中美贸易谈判", &[]);
        assert_eq!(e.constraints.period_label.as_deref(), Some("2019-05"));
        let e = extract("二零一八年十二月安倍", &[]);
        assert_eq!(e.constraints.period_label.as_deref(), Some("2018-12"));
        assert_eq!(arabic_dates("一二三四年"), "1234年");
    }

    fn speakers() -> Vec<String> {
        ["耿爽", "华春莹", "陆慷", "赵立坚", "王毅"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    fn ex(q: &str) -> Extracted {
        extract(q, &speakers())
    }

    #[test]
    fn months_reach_the_briefings_after_them() {
        let e = ex("2019年2月底美朝河内峰会没谈出结果，中方怎么看");
        assert_eq!(e.constraints.since, Some(20190221));
        assert_eq!(e.constraints.until, Some(20190310));
        assert_eq!(e.constraints.named_until, Some(20190228));
        assert_eq!(e.constraints.period_label.as_deref(), Some("2019-02"));
        assert!(!e.rest.contains("2019") && e.rest.contains("美朝河内峰会"));
        // A period not named by its end reaches only the next few days: "2016年12月" quoting
        // a briefing of 10 January reads as wrong.
        let e = ex("2020年4月初西沙那艘越南渔船沉了");
        assert_eq!(
            (e.constraints.since, e.constraints.until),
            (Some(20200401), Some(20200413))
        );
        let e = ex("2016年12月中挪关系正常化之前，挪威方面做了什么");
        assert_eq!(
            (e.constraints.since, e.constraints.until),
            (Some(20161201), Some(20170103))
        );
        assert!(e.rest.contains("中挪关系"), "{}", e.rest);
    }

    #[test]
    fn days_years_and_open_periods() {
        let e = ex("2019-05-20 陆慷说了什么");
        assert_eq!(
            (e.constraints.since, e.constraints.until),
            (Some(20190520), Some(20190523))
        );
        assert_eq!(e.constraints.speakers, ["陆慷"]);
        assert_eq!(e.constraints.describe(), "2019-05-20 · 陆慷");
        let e = ex("2018年北京中非峰会的主题是什么");
        assert_eq!(
            (e.constraints.since, e.constraints.until),
            (Some(20180101), Some(20190103))
        );
        let e = ex("2017年底中阿巴三方外长会");
        assert_eq!(
            (e.constraints.since, e.constraints.until),
            (Some(20171001), Some(20180110))
        );
        let e = ex("2018年以来中方对朝鲜半岛的立场");
        assert_eq!(
            (e.constraints.since, e.constraints.until),
            (Some(20180101), None)
        );
        let e = ex("2015年以前");
        assert_eq!(
            (e.constraints.since, e.constraints.until),
            (None, Some(20150100))
        );
        // Before an end named is by that end (a deadline), not before the period begins.
        let e = ex("叙利亚化学武器没能按原计划在2013年底前运出境");
        assert_eq!(e.constraints.since, None);
        assert!(e.constraints.until.is_some_and(|u| u >= 20131231), "{e:?}");
        let e = ex("2019年5月底前");
        assert!(e.constraints.until.is_some_and(|u| u >= 20190531), "{e:?}");
        let e = ex("2019年5月20日外交部");
        assert_eq!(e.constraints.since, Some(20190520));
        let e = ex("2018年7月普吉岛游船倾覆，截至7月10号中国游客里有多少人遇难");
        assert_eq!(
            (e.constraints.since, e.constraints.until),
            (Some(20180710), Some(20180713))
        );
        assert_eq!(e.constraints.period_label.as_deref(), Some("2018-07-10"));
        // Another month's day is not the period's.
        let e = ex("2018年7月，有人说6月30日发生了什么");
        assert_eq!(e.constraints.period_label.as_deref(), Some("2018-07"));
    }

    #[test]
    fn days_since_1970_fall_in_their_years() {
        assert_eq!(year_of_day(0), 1970);
        assert_eq!(year_of_day(364), 1970);
        assert_eq!(year_of_day(365), 1971);
        // 2024-12-31 is day 20088 (2024 a leap year), 2025-01-01 day 20089.
        assert_eq!(year_of_day(20_088), 2024);
        assert_eq!(year_of_day(20_089), 2025);
        assert!(this_year() >= 2025);
    }

    #[test]
    fn a_year_named_alone_is_told_from_a_month_or_a_range() {
        assert!(ex("2014年马航MH17被击落中方表态").constraints.year_alone);
        assert!(ex("萨德 2017").constraints.year_alone);
        for q in ["2014年9月马航", "2016年至2018年", "2018年以来", "马航"] {
            assert!(!ex(q).constraints.year_alone, "{q}");
        }
    }

    #[test]
    fn a_year_inside_a_clause_is_told_apart() {
        let year = |q: &str| ex(q).year_in_clause;
        assert_eq!(year("陆慷被问到中国会不会申办2030年世界杯"), Some(2030));
        assert_eq!(year("赵立坚拿2009年H1N1流感举例"), Some(2009));
        // Right before the name of an event or a document, the year is part of the name (the
        // engine keeps it as the period where the library holds that year).
        assert_eq!(year("2008年北京奥运会"), Some(2008));
        assert_eq!(year("1972年中美联合公报的意义"), Some(1972));
        assert_eq!(year("2018年北京中非峰会的主题是什么"), Some(2018));
        // At the start of the question or of a clause, with a month, or a range: a period.
        assert_eq!(year("2010年中方对朝核问题的立场"), None);
        assert_eq!(year("请问，2018年中方怎么看"), None);
        assert_eq!(year("中方在2019年5月说了什么"), None);
        assert_eq!(year("中方在2016年至2018年说了什么"), None);
        // Still read as the period.
        assert_eq!(
            ex("申办2030年世界杯").constraints.period_label.as_deref(),
            Some("2030")
        );
    }

    #[test]
    fn relative_dates_and_plain_numbers_are_not_periods() {
        for q in [
            "去年中方怎么看",
            "12308领事保护热线是哪一年开通的",
            "3553名员工",
            "今年的美国大选",
        ] {
            let e = ex(q);
            assert_eq!(e.constraints.period(), None, "{q}");
        }
        let e = ex("2013年13月");
        assert_eq!(e.constraints.period_label.as_deref(), Some("2013"));
        for q in ["萨德 2017", "2019 香港", "南海仲裁案，2016", "孟晚舟 2019?"] {
            assert_eq!(
                ex(q).constraints.period_label.as_deref().map(|l| &l[..2]),
                Some("20"),
                "{q}"
            );
        }
        assert!(!ex("萨德 2017").rest.contains("2017"));
        // A count, a number inside a word, or outside the years asked about is no year.
        for q in [
            "2000 名游客",
            "MH370 2014x",
            "编号 1234",
            "C919 飞机",
            "3000 亿美元",
        ] {
            assert_eq!(ex(q).constraints.period(), None, "{q}");
        }
    }

    #[test]
    fn a_speaker_set_aside_filters_them_out_and_is_no_word_to_search() {
        let e = ex("除了华春莹，还有哪个发言人谈过萨德");
        assert!(e.constraints.speakers.is_empty());
        assert_eq!(e.constraints.except_speakers, ["华春莹"]);
        assert!(!e.rest.contains("华春莹") && e.names.is_empty());
        assert!(!e.constraints.admits(None, "华春莹", "d"));
        assert!(e.constraints.admits(None, "耿爽", "d"));
        assert_eq!(e.constraints.describe(), "除华春莹");
        let e = ex("不是华春莹，是耿爽说的萨德");
        assert_eq!(e.constraints.speakers, ["耿爽"]);
        assert_eq!(e.constraints.except_speakers, ["华春莹"]);
        assert_eq!(e.constraints.describe(), "耿爽 · 除华春莹");
        for q in ["陆慷以外的发言人怎么说萨德", "陆慷的同事怎么说萨德"] {
            assert_eq!(ex(q).constraints.except_speakers, ["陆慷"], "{q}");
        }
        // The one who took a speaker's place is someone else: the name is no speaker.
        for q in [
            "谁接替耿爽担任发言人",
            "接替了陆慷的是谁",
            "华春莹的接班人是谁",
        ] {
            let e = ex(q);
            assert!(e.constraints.speakers.is_empty(), "{q}");
            assert_eq!(e.constraints.except_speakers.len(), 1, "{q}");
        }
        // Set aside stays aside when the names leave nothing.
        let c = ex("除了陆慷，耿爽怎么说").constraints.without_speakers();
        assert_eq!(c.except_speakers, ["陆慷"]);
        assert_eq!(c.only_exceptions().describe(), "除陆慷");
        // A name named once to set aside and once as the speaker is the speaker.
        let e = ex("陆慷说的，不是陆慷以外的人说的");
        assert_eq!(e.constraints.speakers, ["陆慷"]);
        assert!(e.constraints.except_speakers.is_empty());
    }

    #[test]
    fn a_speakers_titles_are_taken_out_beside_the_name() {
        assert_eq!(
            without_titles_of("外交部发言人华春莹对萨德的表态", "华春莹")
                .split_whitespace()
                .collect::<Vec<_>>(),
            ["华春莹", "对萨德的表态"]
        );
        assert_eq!(
            without_titles_of("王毅外长怎么看中美关系", "王毅")
                .split_whitespace()
                .collect::<Vec<_>>(),
            ["王毅", "怎么看中美关系"]
        );
        // The name stands apart from its neighbours.
        assert!(without_titles_of("去世时洪磊是怎么评价的", "洪磊").contains(" 洪磊 "));
        // Titles elsewhere stay: 外长 of another country is a word of the question.
        assert_eq!(
            without_titles_of("王毅同韩国外长会谈", "王毅")
                .split_whitespace()
                .collect::<Vec<_>>(),
            ["王毅", "同韩国外长会谈"]
        );
    }

    #[test]
    fn the_office_a_question_addresses_is_no_word_of_it() {
        assert_eq!(
            without_the_office("美国宣布外交抵制，外交部发言人是怎么回应的"),
            "美国宣布外交抵制， 是怎么回应的"
        );
        assert_eq!(
            without_the_office("中国外交部新闻发言人对此怎么看").trim(),
            "对此怎么看"
        );
        // Which spokesperson said it is who said it.
        assert_eq!(
            without_the_office("哪位发言人说过美国是黑客帝国").trim(),
            "说过美国是黑客帝国"
        );
        // Where the office is the subject it stays.
        assert_eq!(
            without_the_office("外交部发言人办公室是哪天开通微博的"),
            "外交部发言人办公室是哪天开通微博的"
        );
        // A bare title goes only where it is asked to speak.
        assert_eq!(
            without_the_office("外长对一带一路怎么说").trim(),
            "对一带一路怎么说"
        );
        assert_eq!(
            without_the_office("有关护照，外长讲了哪些"),
            "有关护照， 讲了哪些"
        );
        assert_eq!(
            without_the_office("中国外长每年首访非洲"),
            "中国外长每年首访非洲"
        );
    }

    #[test]
    fn speakers_only_from_the_library() {
        let e = ex("华春莹是怎么向记者们介绍新发言人赵立坚的");
        assert_eq!(e.constraints.speakers, ["华春莹", "赵立坚"]);
        let e = ex("赵立坚说了什么，华春莹呢");
        assert_eq!(e.constraints.speakers, ["赵立坚", "华春莹"]);
        assert!(e.rest.contains("赵立坚"));
        assert!(e.constraints.speaker_asked);
        let e = ex("曼德拉去世时洪磊是怎么评价他的");
        assert!(e.constraints.speakers.is_empty());
        assert!(e.constraints.admits(Some(20200101), "任何人", "doc"));
    }

    #[test]
    fn a_speaker_asked_for_their_words_is_told_from_a_subject() {
        let asked = |q: &str| ex(q).constraints.speaker_asked;
        assert!(asked("陆慷怎么评价美朝峰会"));
        assert!(asked("2014年陆慷在记者会上是如何回应萨德的"));
        assert!(asked("陆慷对萨德怎么看"));
        assert!(asked("萨德部署以后，陆慷说了什么"));
        // The name is what the question is about, or a keyword beside others.
        assert!(!asked("2018年1月陆慷去非洲访问了哪几个国家"));
        assert!(!asked("陆慷 萨德"));
        assert!(!asked("陆慷是哪一年当上发言人的"));
        assert!(!ex("萨德怎么评价").constraints.speaker_asked);
    }

    #[test]
    fn admits_checks_every_part() {
        let c = Constraints {
            since: Some(20190501),
            until: Some(20190531),
            speakers: vec!["陆慷".into()],
            documents: vec![],
            period_label: None,
            named_until: None,
            speaker_asked: false,
            except_speakers: vec![],
            year_alone: false,
        };
        assert!(c.admits(Some(20190520), "陆慷", "d"));
        assert!(!c.admits(Some(20190601), "陆慷", "d"));
        assert!(!c.admits(None, "陆慷", "d"));
        assert!(!c.admits(Some(20190520), "耿爽", "d"));
        assert_eq!(c.describe(), "2019-05-01 … 2019-05-31 · 陆慷");
    }

    #[test]
    fn iso_bounds() {
        assert_eq!(parse_iso_day("2019-05"), Some(20190501));
        assert_eq!(parse_iso_end("2019-02"), Some(20190228));
        assert_eq!(parse_iso_end("2020"), Some(20201231));
        assert_eq!(parse_iso_day("2019-13-01"), None);
        assert_eq!(add_days(20191225, 10), 20200104);
    }
}
