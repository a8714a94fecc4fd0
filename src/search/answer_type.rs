//! What kind of answer a question asks for, and whether a passage has one of that kind.
//!
//! "几只朱鹮" wants a count, "哪天开通" a date, "派谁去" a person, "为什么" a reason. Among the
//! paragraphs of the right exchange, the one that holds such an answer is the one to quote (the
//! first paragraph often only names the subject); and a passage on the subject with no answer of
//! the kind asked is weaker evidence that the library answers the question.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

/// The kinds of answer a question can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AnswerType {
    /// A number of things (几个, 多少人, 伤亡情况).
    pub count: bool,
    /// The only number is one the question gives roughly (死了几十个人), or one before a clause
    /// that asks something else (再建几座电站，会不会影响下游): a passage giving it ranks higher,
    /// but the answer need not hold it, so never a reason to refuse.
    pub rough_count: bool,
    /// What is counted, when the question says it after 个 (几个国家 → 国, 多少个派别 → 派) or
    /// counts countries (多少国家 → 国).
    pub counted: Option<char>,
    /// The measure word the count is in, when the question gives it (几只 → 只); `%` for a
    /// share, `米` for a distance (in any of its units), `第` for a rank.
    pub unit: Option<char>,
    /// The count is of China's own people (几个中国人, 中国公民伤亡多少).
    pub of_chinese: bool,
    /// Whether China's own people were hurt, killed, missing or safe, no count asked (有没有中国人
    /// 伤亡, 有中国游客被困吗): a passage that speaks of them, not only of the disaster.
    pub fate_of_chinese: bool,
    /// How long something has lasted (多久, 多长时间): a span said roughly (延宕多年) is half
    /// an answer.
    pub how_long: bool,
    /// A day, month or year (哪天, 什么时候, 哪一年).
    pub date: bool,
    /// The date asked is a day (哪天, 几月几号): a month, a year or "soon" is not it.
    pub day: bool,
    /// The date asked is a year (哪一年): a month or a day alone is half of it.
    pub year: bool,
    /// A person or an office (谁, 哪位, 哪些领导人).
    pub person: bool,
    /// The role whose holder is asked (舰长是谁, 总导演是谁): the answer names the role.
    pub role: Option<[char; 2]>,
    /// The person sent somewhere (派谁去, 谁带队): one named where the sentence says who goes.
    pub envoy: bool,
    /// A cause or purpose (为什么, 什么原因).
    pub reason: bool,
    /// What was done (做了什么, 采取了什么措施, 怎么处理).
    pub action: bool,
    /// A stance (什么态度, 怎么回应, 怎么看, 说了什么).
    pub stance: bool,
    /// How it turned out (后来…了吗, 结果, 撤出来没有).
    pub outcome: bool,
    /// The aspects asked of the subject (a warning given, the role it plays, what makes it
    /// special, the principle held, the nature of a case, who a person is, what is hoped, what
    /// good it does, a past recalled, mockery): bits of
    /// [`ASPECT_PATTERNS`], each answered by its own words.
    pub aspects: u32,
    /// Whether a report is true (是真的吗, 属实吗): answered by a verdict (不属实, 没有这回事),
    /// which a passage may also give in other words, so never a reason to refuse.
    pub verdict: bool,
    /// A place or an occasion (在哪里, 哪个城市, 什么场合).
    pub place: bool,
    /// The place asked is an occasion (什么场合, 在什么会上): a meeting or forum named answers
    /// it, though no tagger takes it for a place.
    pub occasion: bool,
    /// What was said when it happened (那天, 第一时间, 去世时): the first word on an event.
    pub at_the_time: bool,
    /// The latest word on it (最近一次, 最新表态): of passages nearly as good, the last said.
    pub recent: bool,
    /// Where in an answer the words asked stand: its opening (一开口先说了什么, 第一反应) or
    /// its close (最后奉劝, 最后表态).
    pub answer_end: Option<AnswerEnd>,
    /// Several named things (哪几个国家, 哪些领导人).
    pub list: bool,
    /// The things listed are deeds (哪些措施, 做了哪些工作, 提供了哪些协助): done in a row of
    /// clauses (立即启动应急机制，发布安全提醒，了解损失情况) as well as named.
    pub list_of_deeds: bool,
    /// The proper name of something (叫什么名字, 名字是什么).
    pub name: bool,
    /// Which one of a kind of named thing (哪个港口, 哪家媒体, 哪里人): a name the question
    /// does not already hold.
    pub which: bool,
    /// Whether it is the first time (以前有过吗, 是不是头一回): answered by a first or by which
    /// time it is (首次联合访华, 第三次).
    pub first_time: bool,
    /// Whether the question asks only how the response went (…，外交部怎么回应; 华春莹怎么说):
    /// its last clause names who answered and the asking verb, nothing more. The answer's
    /// opening is then the response, and its later paragraphs explain or add to it.
    pub plain_response: bool,
    /// The kind of thing asked which one of, when its names carry a mark of it (哪家企业 →
    /// 公司, 集团; 哪个省 → 省): an index into [`WHICH_MARKS`].
    pub which_mark: Option<usize>,
}

// All patterns apply to normalised text (NFKC, simplified, lowercase).
// 哪几个 asks which ones (a list), 几个 how many.
static COUNT_Q: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(^|[^哪])(几|多少)(周年|[{COUNT_UNITS}])?|伤亡情况|死伤|多长时间|多少时间|多久|{DATA_Q}"
    ))
    .expect("count pattern")
});
/// Figures asked for (哪些数据, 什么统计数字, 哪些外资数据), not the digital economy or data
/// security: any number answers them, a share as well as a count.
const DATA_Q: &str = r"(什么|哪些|啥|哪组)\p{Han}{0,4}?(数据|数字)([^经化货丝技人鸿时安]|$)";
static DATA_ASKED: LazyLock<Regex> = LazyLock::new(|| Regex::new(DATA_Q).expect("data pattern"));
/// A number the question gives roughly (几十个人, 十几个国家, 好几个中国人): not asked, but
/// the answer may well give it exactly.
static ROUGH_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"十几|好几|几[十百千万亿]").expect("rough number pattern"));
/// A time a few days or years back (这几年, 前几天, 几个月前), those few already named (那几家美媒,
/// 这几位), and words that only hold 几 or 多少 (几乎, 几经, 多少有些, 举几个例子, 几内亚, 几何):
/// no number at all.
static NOT_A_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"几[乎经度近许]|多多少少|或多或少|多少(有些|有点|年来)|几个例子",
        r"|几内亚|几何|几率|茶几|[无未]几",
        r"|(这|近|前|过去|最近|头)几个?(年|天|月|周|日|星期)|[这那]几",
        // 中蒙的几个会议被推迟了吗: "the several" a possessive sets apart, in a clause that
        // asks something else (not 宣布了下一步的几项行动？).
        r"|的几[个场项次位家名点份][^，,。？?]*(吗|哪|什么|谁|怎么|如何|为什么|啥)",
        // 几个核大国的代表…聊哪些事: "the several", when another word asks the question.
        r"|几个?\p{Han}{1,4}的[^，,。？?]*(哪|什么|谁|怎么|如何|为什么|啥)",
        r"|几个?(年|天|月|周|星期)(前|后|来|以来|之前|之后|以前|以后)",
        // 怎么看待几个AI强国的协作: the several, in a clause another word asks.
        r"|(怎么|如何|为什么|为何)[^，,。；;？?]{0,12}几个"
    ))
    .expect("no-count pattern")
});
/// What a count after 个 is of: 几个国家, 多少个派别.
static COUNTED_Q: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^哪])(?:几|多少)个(\p{Han})").expect("counted pattern"));
/// Measure words a count is asked and answered in (几艘 … 3艘, 多少种 … 25种, 多少例 … 353例,
/// 几本 … 7本; 通 only in answers: 3通电话).
const COUNT_UNITS: &str = "个名只人位艘架家次起批辆条项国枚亿万千百吨元天年岁座所部轮场届具件份封台处块倍种类例户本篇套颗支剂";
/// A share asked (多大比例, 占多少, 百分之几, 比重有多大): answered by a percentage or a fraction,
/// not by a count of things. 比例尺 is a map's scale.
static SHARE_Q: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(多大|多少|几成)的?(比例|比重|份额|占比)|(比例|比重|占比)(是|为|有|达到?|提高到)?(多少|多大|几)",
        r"|百分之几|百分比|多少个?百分点",
        // 占全球多大比例, 占多少; not 占领了多少, 侵占了多少 (how much was taken).
        r"|(^|[^侵霸抢])占([^领据用有，,。？?][^，,。？?]{0,9})?(多少|多大|几成|百分之几)"
    ))
    .expect("share pattern")
});
/// A distance or a length asked (有多远, 离使馆多近, 全长多长, 多少公里): answered in 米, 公里 or
/// 海里. 多长时间 asks how long it lasted.
static DISTANCE_Q: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"多远|多近|多长([^时]|$)|多高|多深|多宽|多少(公里|千米|米|海里)")
        .expect("distance pattern")
});
/// A rank asked (排第几, 排在第几位, 第几大会费国): answered by a place in order (第二大, 第14位,
/// 首位), not by a count.
static RANK_Q: LazyLock<Regex> = LazyLock::new(|| {
    // Not 安排几场 (how many were arranged).
    Regex::new(r"(^|[^安])(排名?|排在)第?几|(位列|位居|居)第?几|第几(大|位|名)")
        .expect("rank pattern")
});
/// A place in order: 第二大, 第14位, 首位, 头号, 之首.
static RANK_A: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"第[一二三四五六七八九十百\d]+|首位|头号|之首|居首|最大的")
        .expect("rank answer pattern")
});
/// A percentage or a fraction (60%, 百分之七十, 三分之二, 1.4个百分点, 七成).
static SHARE_A: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\d+(\.\d+)?([%％]|个百分点)|百分之[零一二三四五六七八九十百点]+",
        r"|[一二三四五六七八九十\d]+分之[一二三四五六七八九十\d]+|[一二三四五六七八九]成"
    ))
    .expect("share answer pattern")
});
/// A sum of money: 多少钱, 花了多少, 多少资金 (counted in 元 or 美元).
static MONEY_Q: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"多少钱|几个钱|多少资金|多少经费|多少款|花了多少|值多少|多少美元|多少人民币")
        .expect("money pattern")
});
/// An age: 多大年纪 (counted in 岁).
static AGE_Q: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"多大年纪|多大岁数|多少岁|年龄多大|享年").expect("age pattern"));
/// A count of China's own people: 几个中国人, 多少名中国游客, 中国公民伤亡多少.
static OF_CHINESE_Q: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(几|多少)[个名位]?(中国|中方|我国|华人|华侨|中资|同胞|侨胞)|(中国|中方|我国|华人)(人|公民|游客|同胞|员工|船员|籍|乘客|人员)[^，,。？?！!]{0,8}(几|多少)",
    )
    .expect("count of Chinese pattern")
});
/// China's own people named beside what befell them, either way round (有中国游客受伤吗,
/// 伤亡者中有没有中国人).
static FATE_OF_CHINESE_Q: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"({CHINESE_PEOPLE})[^，,。？?！!]{{0,8}}({FATES})|({FATES})[^，,。？?！!]{{0,12}}({CHINESE_PEOPLE})"
    ))
    .expect("fate of Chinese pattern")
});
/// A question whether something is so (有没有, 是否, …吗), not what or who.
static YES_OR_NO_Q: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"有没有|是否|有无|吗[？?]?").expect("yes or no pattern"));
/// China's own people, as a question or an answer names them.
const CHINESE_PEOPLE: &str = r"中国(人|公民|游客|籍|船员|乘客|员工|工人|留学生|人员|学生|渔民|劳务|边民)|中方人员|我国公民|同胞|华人|华侨|侨胞|中资企业(员工|人员)";
/// What befalls people in a disaster or an attack.
const FATES: &str =
    r"伤亡|遇难|死亡|受伤|遇害|罹难|失踪|被困|获救|平安|出事|死伤|伤|人质|劫持|绑架|扣押|被扣";
/// China's own people named in an answer.
static CHINESE_PEOPLE_A: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(CHINESE_PEOPLE).expect("Chinese people pattern"));
/// Words that say a sentence speaks of China's own people.
static CHINESE_A: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"中国|中方|我国|华人|华侨|同胞|中资|侨胞|国人").expect("Chinese pattern")
});
/// 哪几个, 哪些, and a number of them (哪三个, 哪八项; not 哪一年, which asks which one, nor 哪四个字,
/// which asks for a phrase).
static LIST_Q: LazyLock<Regex> = LazyLock::new(|| {
    // 哪几天 and 哪几年 ask the days or years (a date), not a list of things.
    Regex::new(r"哪几([^天年]|$)|哪些|哪[两二三四五六七八九十]+(项|条|种|家|国|点|步|个([^字]|$))")
        .expect("list pattern")
});
/// Whether it happened before (以前有过吗, 是不是头一回, 这是中方头一回…吗); not 第几次, a
/// rank, nor a first time that only sets the scene (头一回主持记者会时被问到什么).
static FIRST_TIME_Q: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(以前|此前|之前|过去|历史上)[^，,。？?]{0,8}(有过|发生过|出现过)|是不是(第一次|头一回|首次)|是否(是)?首次|(第一次|头一回|首次)[^，,。？?]{0,16}吗")
        .expect("first time pattern")
});
static FIRST_TIME_A: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"首次|第一次|首位|首个|首批|头一回|前所未有|史无前例|从未|第[一二三四五六七八九十\d]+次",
    )
    .expect("first time answer pattern")
});
static PLACE_Q: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"在哪(里|儿)?(举行|召开|开|举办|办)|哪个城市|什么地点|在什么地方")
        .expect("place pattern")
});
/// An occasion asked (什么场合, 在哪次会上): a place too.
static OCCASION_Q: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(什么|哪个|哪一?次)(场合|会上|会议上|活动上)").expect("occasion pattern")
});
/// An occasion named: a meeting, forum or ceremony.
static OCCASION_A: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"峰会|会议|论坛|大会|仪式|开幕式|招待会|宴会").expect("occasion answer pattern")
});
static DATE_Q: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"哪天|哪一天|哪几天|什么时候|何时|什么时间|几月几|几号|哪年|哪一年|哪几年|哪个月|几点|啥时候?",
    )
    .expect("date pattern")
});
static DAY_Q: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"哪天|哪一天|哪几天|几月几|几号|哪一日").expect("day pattern"));
static YEAR_Q: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"哪[一几]?年|哪个年份|几几年").expect("year pattern"));
/// Last characters of a role whose holder is asked with 是谁 (舰长, 外交官, 大使, 发言人, 选手,
/// 总导演): the passage must name the role.
const ROLE_ENDINGS: &str = "长官使员手演";
/// Last characters before 是谁 that ask for a person without naming a role a passage must hold
/// (作者是谁, 代表是谁).
const PERSON_ENDINGS: &str = "者表";
/// A role asked by its holder (舰长是谁, 总导演是谁; not 谁是 or a name's 是谁).
static ROLE_Q: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(\p{{Han}}[{ROLE_ENDINGS}])是谁")).expect("role pattern")
});
static PERSON_Q: LazyLock<Regex> = LazyLock::new(|| {
    // 是谁 after a role (舰长是谁, 团长是谁) asks for the holder; 韩飞龙是谁 asks who someone is,
    // which any account of him answers; 由谁 may ask for a country or a body.
    Regex::new(&format!(
        r"哪位|哪些人|哪些领导人|哪位领导人|哪(些|几位)(官员|高官|代表|部长)|什么人|哪个人|派谁|谁去|(^|[^由])谁来|谁参加|谁出席|谁带队|谁率团|谁担任|换成了?谁|[{ROLE_ENDINGS}{PERSON_ENDINGS}]是谁|是谁提|谁提出|谁发起|谁宣布|谁主持",
    ))
    .expect("person pattern")
});
/// The spokesperson asked for (哪位发言人说过, 发言人是谁): every passage says who said it, so
/// no name need stand in its text.
static SPEAKER_Q: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"哪(一|个)?位?(外交部)?(新闻)?发言人|(外交部)?(新闻)?发言人是谁")
        .expect("speaker pattern")
});
/// Which one of a kind of named thing: 哪个港口, 哪家媒体, 哪个省, 哪里人, 在哪儿失联, 哪项民调.
static WHICH_Q: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"哪(项|份|篇)(民调|调查|报告|研究|协议|条约|决议|文件)|哪(个|家|所|座)?(国家|城市|港口|省份?|公司|企业|机构|组织|大学|学校|媒体|银行|机场|地区|领馆|部门|实验室|村|县|岛|陵园|医院|酒店|宾馆|监狱|纪念日)|哪(家|所|座)\p{Han}{1,2}(公司|企业|大学|学校|银行|机场|陵园|医院|酒店|监狱)|哪里人|哪国人?|什么(国家|公司|企业|机构|组织|媒体|城市)的?|(什么|哪些)(样的)?(文件|协议|协定|条约|公约|文书|备忘录)|是在哪(里|儿)|在哪(里|儿)?(掉|坠|出事|失联|被|发生|遇)",
    )
    .expect("which pattern")
});
/// Who was sent: 派谁去, 谁参加, 谁带队 (not 谁来, which may ask who hosts: 由谁来办).
static ENVOY_Q: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"派谁|派了谁|派(了|出|去)?(什么人|哪些人)|谁去|谁参加|谁出席|谁带队|谁带团|谁率团")
        .expect("envoy pattern")
});
/// A sentence that says who goes: 赴新加坡出席, 率团与会, 作为特使, 已出访南苏丹.
static ENVOY_A: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"赴|前往|出席|参加|率团|率领|带队|与会|特使|接触|代表中方|派出|派遣|出访|斡旋|穿梭")
        .expect("envoy answer pattern")
});
/// Who may be sent besides an office: a team (工作组, 医疗队), which answers 派了什么人 as
/// well as a minister does (a 代表团 of no one named does not).
static TEAM_A: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"工作组|小组|专家组|医疗队|救援队|应急小组").expect("team answer pattern")
});
/// Kinds of thing a which-question asks for whose names carry a mark of the kind: the words
/// of the question that name the kind, and the marks (哪家企业 is answered by 中铁集团, not by
/// the province the attack was in).
static WHICH_MARKS: LazyLock<Vec<(Regex, Regex)>> = LazyLock::new(|| {
    [
        ("公司|企业", "公司|集团|企业|工厂"),
        ("大学|学校", "大学|学院|学校"),
        ("媒体", "报|社|电视|电台|网站|杂志|媒体"),
        ("银行", "银行"),
        ("机场", "机场"),
        ("港口", "港"),
        // A province is often named without 省 (在安徽举行): China's provinces, regions and
        // municipalities are a closed set.
        (
            "省",
            "省|自治区|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|内蒙古|广西|西藏|宁夏|新疆|北京|天津|上海|重庆",
        ),
        ("实验室", "实验室"),
        ("县", "县"),
        ("陵园", "陵园|公墓"),
        ("医院", "医院"),
        ("酒店|宾馆", "酒店|宾馆|饭店"),
        ("监狱", "监狱|看守所"),
        (
            "组织|机构|团体",
            "组织|机构|协会|学会|商会|红十字会|基金会|委员会|联合会|团体|当局",
        ),
        ("纪念日|周年", "周年|纪念日"),
        // A document is named by its title (哪份文件: 《灾害管理合作谅解备忘录》, or one still to
        // be written: “未来契约”), which no tagger takes for a name.
        (DOCUMENT_KINDS, "《[^》]{2,30}》|“[^”]{2,20}”"),
        // A poll is named by whoever took it (皮尤研究中心一项国际民调), seldom a name a
        // tagger knows: a poll said to show something answers which one.
        ("民调|民意调查|调查", "民调|民意调查|调查(显示|结果|发现)|研究中心"),
    ]
    .iter()
    .map(|(head, mark)| {
        (
            Regex::new(head).expect("which head pattern"),
            Regex::new(mark).expect("which mark pattern"),
        )
    })
    .collect()
});
/// Where documents stand in [`WHICH_MARKS`].
const DOCUMENT_MARK: usize = 15;
/// Where polls stand in [`WHICH_MARKS`].
const POLL_MARK: usize = 16;
/// Kinds of document a which-question may ask for (哪份文件, 哪项协议, 哪篇报告, 达成了什么文件).
const DOCUMENT_KINDS: &str = "文件|协议|协定|条约|公约|决议|报告|声明|文书|备忘录";
/// A proper name asked for: 叫什么名字, 名字是什么, 哪一艘 (a ship is named), 哪份文件 (a document is
/// named by its title). Not 叫什么 alone, which also asks what a thing is called in words
/// (接下来的十年叫什么: 第二个金色十年).
static NAME_Q: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"什么名字|名字(叫|是)|叫啥名|什么名称|名称是|哪[一几]?艘|哪些(军舰|舰艇)|哪[一几两]?[份部项]?(文件|协议|协定|声明|条约|公约|法律|文书)")
        .expect("name pattern")
});
/// A person's name asked (两位特使叫什么名字, 那名记者名字是): who, not a name in quotation marks.
static PERSON_NAME_Q: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(人|特使|大使|官员|记者|人员|代表|领导人|外长|总统|总理|部长|嫌疑人|船长|机长|议员|学者|专家|教授|医生)[^，,。？?！!]{0,4}(叫什么名字|名字(叫|是)|叫啥)")
        .expect("person name pattern")
});
static REASON_Q: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(^|[^称])为什么|为何|什么原因|何故|因为什么|怎么会|为啥|干嘛(要|还|非|老|总|不|去|这么|那么|一直)|凭什么|咋会|啥原因")
        .expect("reason pattern")
});

static ACTION_Q: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"做了什么|做什么|干了什么|采取了?什么|什么措施|什么行动|怎么处理|如何处理|怎么办|帮了|帮什么|提议|怎么解决|如何解决|做了?啥|干了?啥|采取了?啥|啥措施|咋办|咋处理|咋解决|怎么做|如何做|怎样做|怎么应对|如何应对|什么要求|什么打算|什么计划|怎么安排|如何安排|怎样安排|咋安排|作何安排")
        .expect("action pattern")
});
static STANCE_Q: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"态度|回应|回敬|回击|反击|还击|怎么看|如何看|评价|评论|怎么说|说了什么|说什么|反驳|驳斥|认不认|满意|怎么回|表态|立场|看法|咋看|咋说|咋回|说了啥|说啥|怎么想|咋想|反应|怎么解释|如何解释|怎么表示|如何表示|主张什么|认为[^，,。？?]{0,20}(?:应该|应当)")
        .expect("stance pattern")
});
/// How a thing turned out (后来, 结果, 了没有), or what came of it (访问的成果; not a 成果文件,
/// a document's name): told by a later statement.
static OUTCOME_Q: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"后来|最后|结果|成果([^文]|$)|了吗|了没有|没有[？?]?$|怎么样了|有没有事|还.{0,6}吗")
        .expect("outcome pattern")
});
/// Where in an answer the words asked stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerEnd {
    /// Its first words (一开口先说了什么, 开头, 第一反应).
    Opening,
    /// Its last words (最后奉劝, 最后表态, 结尾).
    Closing,
    /// One of the points it makes in order (第一点看法, 第二条; 前两件 asks from the first):
    /// the paragraph that opens with that point (第一，, 二是, 首先).
    Point(u8),
    /// The last of its points (最后一点, 排在最后的那一件): the paragraph that holds the
    /// highest-numbered one (三是…), which a closing paragraph may follow.
    LastPoint,
}
/// The points of an answer asked by their place: 第二点, 第3条, 第一个方面, 排在第一位, 排在首位;
/// 前两件 (from the first); 头一个该讲 (the first to tell). Not 第一句 (the opening) nor 第一次 (a
/// first time).
static POINT_Q: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"第([一二三四五六七八九1-9])(?:点|条|个方面|方面|层意思|件事?|项)|前([两二三四五2-5])(?:件|点|条|个方面|方面|项)|排在?第([一二三四五六七八九1-9])位|(排在?首位|头一件|头一个(?:该|要|得|应))")
        .expect("point pattern")
});
const POINT_NUMERALS: [&str; 9] = ["一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// The point asked by its place ([`POINT_Q`]), 1 for the first.
fn point_asked(question: &str) -> Option<u8> {
    let c = POINT_Q.captures(question)?;
    if c.get(2).is_some() || c.get(4).is_some() {
        return Some(1);
    }
    let n = c.get(1).or_else(|| c.get(3))?.as_str();
    let at = POINT_NUMERALS
        .iter()
        .position(|&x| x == n)
        .or_else(|| n.parse::<usize>().ok().map(|d| d - 1))?;
    u8::try_from(at + 1).ok()
}

/// Does a paragraph (normalised) open with point `n` of a list: 第二，, 第二点, 二是, 二、, and
/// 首先 or 其次 for the first two?
pub fn opens_point(text: &str, n: u8) -> bool {
    let Some(numeral) = POINT_NUMERALS.get(usize::from(n).wrapping_sub(1)) else {
        return false;
    };
    let text = text.trim_start();
    let marked = |rest: &str| rest.starts_with([',', '、', ':', '，', '：', '点', '条']);
    text.strip_prefix('第')
        .and_then(|r| r.strip_prefix(numeral))
        .is_some_and(marked)
        || text
            .strip_prefix(numeral)
            .is_some_and(|r| r.starts_with('是') || r.starts_with(['、', ',']))
        || (n == 1 && text.starts_with("首先"))
        || (n == 2 && text.starts_with("其次"))
}
/// Does a paragraph (normalised) hold point `n` of a list, at its opening ([`opens_point`]) or
/// after a colon or a stop within it (取得了三项成果：一是…；二是…)?
pub fn holds_point(text: &str, n: u8) -> bool {
    opens_point(text, n)
        || text
            .match_indices([':', '：', ';', '；', '。'])
            .any(|(at, mark)| opens_point(&text[at + mark.len()..], n))
}
static LAST_POINT_Q: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"最后一(件|点|条|项|个方面)|排在?最后的?那?一?(件|点|条|项)")
        .expect("last point pattern")
});
/// A last clause that asks only for the response: who answered (at most four characters:
/// 外交部, 中方, 华春莹), the verb of answering, and particles.
static PLAIN_RESPONSE_Q: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^\p{Han}{0,4}?(对此|就此|当时|听了|又|到底|是)*",
        r"((怎么|如何|怎样|咋)(说|回应|回|看|看待|表态|评价|反应|应对|怼|怼回去|反驳|回击|驳斥|答复|表示)",
        r"|(什么|啥|何)(态度|反应|立场|看法|表态|回应|评论)|态度如何|有何(回应|评论|反应))",
        r"(的|呢|吗|了|这件事|此事|这事|这个|这种说法|这一说法)*$"
    ))
    .expect("plain response pattern")
});
static OPENING_Q: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"开口|开头|开场|第一句|第一反应|一上来|首先说|先说了|先讲了|先夸了?")
        .expect("opening pattern")
});
/// The close of an answer asked: 最后 with a verb of saying a few characters on at most (最后奉劝,
/// 最后是怎么讽刺他的, 最后送上了什么祝愿), or after the answer it ends (回应的最后); 结尾. Not
/// 最后怎么样了 or 最后签了什么, which ask how a thing turned out ([`OUTCOME_Q`]).
static CLOSING_Q: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"最后(还|又)?是?(怎么|如何|怎样)?[^，,？?。！!]{0,4}?(说|讲|表示|强调|劝|呼吁|表态|指出|提|补充|总结|谈到|一句|落到|讽刺|嘲讽|调侃|回敬|忠告|警告|告诫|敦促|送|反问)|(回应|答复|讲话|发言|表态|回答|驳斥)的?最后|结尾|末尾|收尾",
    )
    .expect("closing pattern")
});
static RECENT_Q: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)最近|最新|近期|近来|上一次|最后一次|latest|most recent|recently")
        .expect("recent pattern")
});
static VERDICT_Q: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"是真的吗|是不是真的|真的吗|属实吗|是否属实|属不属实|有这回事|有此事|是真是假|证实了?没有|证实了?吗")
        .expect("verdict pattern")
});
static AT_THE_TIME_Q: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"那天|当天|当时|第一时间|一开始|起初|最初|刚发生|刚出事|的时候|那会儿?|那阵子?|那时候?",
    )
    .expect("at-the-time pattern")
});
/// An event's verb followed by 时 (去世时, 访华时), not a word that ends in 时 (同时, 及时) or
/// one that begins with it (时间, 时候).
static WHEN_IT_HAPPENED_Q: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\p{Han})时([^间候期代刻事光段局势政尚]|$)").expect("时 pattern")
});

fn at_the_time(question: &str) -> bool {
    AT_THE_TIME_Q.is_match(question)
        || WHEN_IT_HAPPENED_Q.captures_iter(question).any(|c| {
            !c[1].starts_with(|p: char| "同及临随平按准小适届暂此彼顿那当何几多".contains(p))
        })
}
static ACTION_A: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"交涉|启动|派出|派遣|要求|采取|协助|组织|安排|决定|提供|约见|召见|指派|赶赴|开展|吊销|暂停|处置")
        .expect("action words")
});
static STANCE_A: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"反对|谴责|欢迎|支持|希望|敦促|赞赏|不满|遗憾|坚决|强烈|奉劝|停止|不容|无权|干涉|严重|必须|应当|不接受|无稽之谈|毫无根据|内部事务|内政|祝贺")
        .expect("stance words")
});
static VERDICT_A: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"不属实|属实|不实|没有这回事|子虚乌有|无中生有|捏造|编造|谣言|假新闻|不掌握|不了解你说的|并非|澄清|没有来|确有|证实")
        .expect("verdict words")
});
/// An aspect of its subject a question may ask for: the words that ask it, the words a passage
/// gives it in, and the words that name it (角色, 比喻, 底线), which say what kind of answer is
/// wanted, not what the question is about.
struct Aspect {
    asked: &'static str,
    answered: &'static str,
    names: &'static [&'static str],
}

/// The aspects of its subject a question may ask for (several at once); the bits of
/// [`AnswerType::aspects`].
const ASPECT_PATTERNS: [Aspect; 19] = [
    // A warning or advice given (外交部提醒了什么, 要注意什么, 发了什么安全提醒).
    Aspect {
        asked: r"提醒|警示|提个醒|提了什么醒|注意什么|注意哪些|注意些什么|安全提示|什么建议|哪些建议",
        answered: r"提醒|注意安全|提高(安全)?(防范|警惕)|加强(安全)?防范|防范意识|暂勿|谨慎前往|避免前往|不要前往|尽快撤离|遵守当地法律|切勿|务必|请.{0,12}注意",
        names: &[],
    },
    // The role something plays (起什么作用, 扮演什么角色).
    Aspect {
        asked: r"(什么|哪些|啥|何种|怎样的)(作用|角色)|作用是什么|角色是什么",
        answered: r"作用|角色|发挥|有利于|有助于|促进|推动|桥梁|纽带|贡献|一员|中坚|力量",
        names: &["角色", "作用", "扮演"],
    },
    // What makes it special or matter (有什么特殊之处, 有何意义, 这趟访问的分量).
    Aspect {
        asked: r"特殊之处|特别之处|(什么|何|哪些|啥)(特殊|特别|开创|开创性|历史|历史性)?(意义|特点)|意义何在|重要性|分量|(特殊|特别)(身份|地位)|中的地位|(什么|何种|怎样的)地位|地位(如何|怎样|怎么样)",
        answered: r"首次|首位|首个|首名|首例|首家|首艘|首架|第一[次个项起位批家部座支艘名例]|首支|唯一|开创|先河|意义|标志|里程碑|历史性|重要|特殊|高度重视",
        names: &["意义", "分量", "特点", "特殊", "地位"],
    },
    // The principle held (坚持什么原则).
    Aspect {
        asked: r"(什么|哪些|啥|何种)原则|原则是什么",
        answered: r"原则|坚持|本着|秉持|遵循|始终",
        names: &[],
    },
    // The nature of a case or an agreement (属于什么性质).
    Aspect {
        asked: r"(什么|何种|啥)性质|性质是什么|定性|界定",
        answered: r"性质|定性|是一起|属于|纯属|案件|事件|罪行|行径|不是[^，,。；;]{1,12}[，,]?而是",
        names: &["性质", "定性"],
    },
    // Who a person is (资历, 什么背景, 真实身份; not the setting of 在…大背景下).
    Aspect {
        asked: r"资历|履历|(什么|何种|啥)背景|背景(是|如何|怎样|怎么样)|经历|(真实|什么|啥)身份|身份是|什么人|何许人|来头",
        answered: r"曾任|曾在|曾经|担任|任职|毕业|长期从事|出生|涉嫌|从未|身份",
        names: &["身份", "背景", "来头", "履历", "资历"],
    },
    // A figure of speech or a saying used (打了个什么比方, 比作什么, 引用了哪句流行语): the
    // answer's own image, which shares no word with the question.
    Aspect {
        asked: r"比喻|比方|比作|比成|比拟|类比|流行语|俗话|俗语|谚语|老话|古话|成语|歇后语|名言|诗句|哪[一两几]?句(话|诗)|什么话来|引用[^，,。？?]{0,8}(哪|什么)|童话|寓言|典故|哪(个|段)故事",
        answered: r"俗话|常言|有句|有一句|古话|老话|古人|谚语|成语|名言|诗云|就像|好比|如同|犹如|仿佛|宛如|比作|比喻|简直|正所谓|故事|童话|寓言|典故|“[^”，,]{3,12}[，,][^”，,]{3,12}”",
        names: &["比喻", "比方", "比作", "流行语", "俗话", "谚语", "引用"],
    },
    // A question asked back (反问记者什么): the answer's own question.
    Aspect {
        asked: r"反问|质问|反诘|(什么|哪些|哪几个|啥)(疑问|质疑)|提出[^，,。？?]{0,4}疑问",
        answered: r"[?？]",
        names: &["反问"],
    },
    // A past recalled (翻出了哪段历史, 搬出什么历史): answered by what once was (曾一度侵占,
    // 二战期间, 上世纪70年代).
    Aspect {
        asked: r"(哪段|什么|哪些)历史|历史旧账",
        answered: r"曾|历史上|当年|二战|战后|年代|期间|早在|上世纪|\d{4}年",
        names: &[],
    },
    // Mockery (怎么挖苦, 调侃, 反唇相讥): answered by irony, a mock wish or a barb, seldom in
    // the question's words.
    Aspect {
        asked: r"调侃|讽刺|挖苦|反唇相讥|揶揄|嘲讽|嘲笑|奚落|打趣",
        answered: r"[?？]|好像|最好|倒想|倒是|真是|简直|多么|难道|何必|岂不|不妨|成为[^，,。]{0,12}大师|贻笑大方|自我感觉",
        names: &["调侃", "讽刺", "挖苦", "揶揄", "嘲讽", "奚落"],
    },
    // Confidence in someone (对…有没有信心): answered by what the speaker trusts them to do.
    Aspect {
        asked: r"信心",
        answered: r"相信|坚信|有信心|充满信心|有能力|有智慧",
        names: &["信心"],
    },
    // The purpose behind an act (真实目的, 意图, 用意).
    Aspect {
        asked: r"目的([^地]|$)|意图|用意|图谋|企图|居心",
        answered: r"目的|旨在|为了|企图|图谋|借口|意在|用意|用心|目标",
        names: &["目的", "意图", "用意"],
    },
    // Who is to blame (该怪谁, 由谁负责): answered by where the speaker puts the blame or the
    // root (责任不在中方, 根源在美方), seldom in the question's words.
    Aspect {
        asked: r"怪谁|该怪|(由|该)谁(来)?负责|谁来负责|责任在谁|谁的责任|归咎于?谁|谁之过|罪魁",
        answered: r"责任|根源|罪魁祸首|始作俑者|归咎|咎由自取|不在中方|不在中国|甩锅",
        names: &["负责", "责任"],
    },
    // A line drawn (划出了什么底线, 红线).
    Aspect {
        asked: r"底线|红线",
        answered: r"底线|红线|决不|绝不|不允许|不会允许|不容",
        names: &["底线", "红线"],
    },
    // What comes next (接下来要怎么做, 下一步, 今后打算).
    Aspect {
        asked: r"接下来|下一步|今后|打算",
        answered: r"下一步|今后|接下来|将继续|未来|近期将|将于",
        names: &[],
    },
    // A warning to those who would do something (对搞小院高墙的国家有啥警告, 告诫了什么):
    // answered by what they would bring on themselves, seldom by the word 警告.
    Aspect {
        asked: r"警告|告诫|(什么|啥|哪些)(后果|下场)|后果(是什么|会?(怎样|如何|怎么样))",
        answered: r"将会|必将|势必|只会|就会|必然|后果|代价|承担|自食其果|玩火|奉劝|警告|告诫|搬起石头",
        names: &["警告", "告诫", "后果", "下场"],
    },
    // What is hoped of someone (表达了哪些期望, 有什么期待): answered by the wish itself
    // (希望朝鲜保持政治稳定), seldom by the word asked.
    Aspect {
        asked: r"(什么|哪些|啥|何种|怎样的)(期望|期待|愿望|心愿)|(期望|期待)是什么",
        answered: r"希望|期待|期望|祝愿|盼望|相信|坚信|愿[^意望]",
        names: &["期望", "期待", "愿望", "心愿"],
    },
    // What good it does (对香港有什么好处, 对印度出口有何益处): answered by what it serves.
    Aspect {
        asked: r"(什么|哪些|啥|何)(好处|益处|利益|红利)|好处(是什么|在哪)|有何(益|裨益)",
        answered: r"有利于|有助于|利于|好处|益处|受益|惠及|造福|带来|促进|提升",
        names: &["好处", "益处"],
    },
    // The form something takes (以什么形式召开, 什么方式).
    Aspect {
        asked: r"(什么|何种|哪种|啥)(形式|方式)",
        answered: r"形式|方式|视频|线上|书面|电话",
        names: &["形式", "方式"],
    },
];
const _: () = assert!(ASPECT_PATTERNS.len() <= u32::BITS as usize);

/// Does a word name an aspect a question asks for (扮演什么角色, 打了个什么比方, 什么底线)? The
/// answer gives it in its own words, so the word is no subject a passage must hold.
pub(super) fn names_an_aspect(word: &str) -> bool {
    ASPECT_PATTERNS.iter().any(|a| a.names.contains(&word))
}

/// [`ASPECT_PATTERNS`] compiled: (asked, answered).
static ASPECTS: LazyLock<Vec<(Regex, Regex)>> = LazyLock::new(|| {
    ASPECT_PATTERNS
        .iter()
        .map(|a| {
            (
                Regex::new(a.asked).expect("aspect pattern"),
                Regex::new(a.answered).expect("aspect words"),
            )
        })
        .collect()
});

static OUTCOME_A: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"目前|已经|已于|已被|已经被|尚未|截至|仍然|仍在|均已|全部|确认|不幸|最终|获救|获释|抓获|平安|安全")
        .expect("outcome words")
});

/// Is a count no number given: the time a statement speaks of (这一年, 过去两年, 一年来), or
/// "each" (每一位同胞)? They say when and who, never how many (近130年 does give one).
fn is_no_count(sentence: &str, count: regex::Match, unit: Option<char>) -> bool {
    let before = &sentence[..count.start()];
    let one = count.as_str().starts_with('一');
    if one && before.ends_with('每') {
        return true;
    }
    if !matches!(unit, Some('年' | '天')) {
        return false;
    }
    let after = &sentence[count.end()..];
    before.ends_with(['这', '那'])
        || before.ends_with("过去")
        || (one && (after.starts_with('来') || after.starts_with("以来")))
}

/// Is a count in 年 a calendar year (2019年, 一九九七年), not a number of years?
fn is_calendar_year(count: &str) -> bool {
    let digits = count.trim_end_matches('年');
    digits.chars().count() == 4
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || "〇零一二三四五六七八九".contains(c))
}

/// A number followed by what it counts: `4名`, `两只`, `3000多只`, `1200余名`, `30个`, `8万多起`
/// (a magnitude before the measure word is part of the number); the first of a series, `首轮`,
/// `首届`, `首批`, answers 第几轮 (`首次`, the first time, is no count); a percentage (`52.6%`,
/// `百分之七十`), a figure as good as a count where no unit is asked (病死率是多少, 哪些数据).
static COUNT_A: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(\d+(\.\d+)?|[一二两三四五六七八九十百千万]+)(?:[万亿千百][余多]?)?[余多]?(?P<unit>周年|[{COUNT_UNITS}通]|美元|英镑|欧元|日元|港元|港币|卢布|卢比|小时|分钟|公里|千米|海里|米|%)|首(?P<first>[轮届批])|百分之(?P<hundredths>[\d.一二两三四五六七八九十点]+)"
    ))
        .expect("count answer pattern")
});
/// A share of people said in words, and what became of them: 全部获释, 多数…已于当天获释.
static SHARE_OF_PEOPLE_A: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(全部|均已|都已|悉数|大多数|绝大多数|多数|大部分|绝大部分)[^，,。；;]{0,24}(获释|获救|释放|撤离|撤出|回国|脱险|救出)")
        .expect("share of people pattern")
});
/// How long a thing has lasted (多久, 多长时间, 多少年).
static HOW_LONG_Q: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"多久|多长时间|多少时间|多少年").expect("how long pattern"));
/// A span said roughly (延宕多年, 几十年来, 半个多世纪): half an answer to how long.
static ROUGH_SPAN_A: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"多年|数年|数十年|几十年|上百年|近百年|半个多?世纪|长期以来")
        .expect("rough span pattern")
});
/// A span of days (3月25日至28日): how many days it lasted.
static DAY_SPAN_A: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d{1,2}日(至|到|—|-|～)(\d{1,2}月)?\d{1,2}日").expect("day span pattern")
});
static DATE_A: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"今日|昨日|去年|前年|上个?月|\d{1,2}月|\d{1,2}[日号][上下]午|\d{4}年|[上本]周[一二三四五六日]|\d{1,2}日|昨天|今天|前天|当天|[一二三四五六七八九十]+月")
        .expect("date answer pattern")
});
/// A year: `2013年`, `去年`.
static YEAR_A: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d{4}年|去年|前年|今年|明年|\d{4}-").expect("year answer pattern")
});
/// A day: `8月23日`, `20号`, `今天`, `上周五`.
static DAY_A: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d{1,2}[日号]|今日|昨日|今天|昨天|前天|当天|明天|[一二三四五六七八九十]+日|[上本下]周[一二三四五六日]")
        .expect("day answer pattern")
});
/// When in words rather than on the calendar (尽快, 年内, 即将): half an answer to "when".
static DATE_VAGUE_A: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"尽快|加快|尽早|早日|逐步|近期|近日|日前|即将|不久|年内|年底|明年|今年|下周|下个?月|将于|适时|届时",
    )
    .expect("vague date answer pattern")
});
static PERSON_A: LazyLock<Regex> = LazyLock::new(|| {
    // 代表 is an office (特别代表, 常驻代表), not in 代表团 (a delegation of no one named),
    // 代表处, 代表性 or 代表大会.
    Regex::new(r"主席|总理|委员长|部长|外长|外相|大使|总统|国务委员|特使|代表(?:[^团处性作大]|$)|首相|领导人|司长|总书记|先生|女士|国王|议长|秘书长|负责人")
        .expect("person answer pattern")
});
/// A name given: short, in quotation marks (大熊猫“如意”; not a sentence quoted) or title marks
/// (《…》), said to be one (名为, 命名为, 称为), or a ship's (临沂舰, “南海救117”船: a ship's
/// name may hold digits).
static NAME_A: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"“[^”，,。；;！!？?\d]{1,10}”|“[^”，,。；;！!？?]{1,12}”(号|船|舰|轮)|《[^》]{1,30}》|名为|命名|称为|叫做|叫作|名叫|\p{Han}[^军战艘卫逐母潜航艇舰，,。、；;“”\s\d]舰([^艇队载只]|$)")
        .expect("name answer pattern")
});
/// Offices a person is named with (哈莉玛总统, 杨洁篪国务委员): two people holding them, joined by
/// 和 or each in a clause of one sentence, are a list.
const TITLES: &str = "总统|总理|主席|委员长|部长|外长|国王|首相|大使|秘书长|特使|国务委员|国务卿";
/// Names listed: `李克强总理、张德江委员长`, `医疗队、救援队和海军`, `《国防法》、《民用航空法》`,
/// things counted out (2万只N95口罩、2万人份检测试剂), two joined by 和 where the sentence says
/// they are several (包括…和…, 惠誉和穆迪均, 先后在杭州和青岛, 由卫健委和红十字会共同组建),
/// examples in a row of `从…到…，从…到…`, a few named for many (新马泰等20多个国家), points
/// counted out (一是…二是), two sides of one thing (思想上和观念上, 政治领域和经济领域), things counted (两项公约), two
/// each in turn (分别向埃塞俄比亚和肯尼亚), two people by office (哈莉玛总统和李显龙总理), or wishes
/// or aims in short clauses of four (政治稳定，经济发展，人民幸福).
static LIST_A: LazyLock<Regex> = LazyLock::new(|| {
    let titled_pair = format!(r"\p{{Han}}{{2,}}(?:{TITLES})[和与及]\p{{Han}}{{2,}}(?:{TITLES})");
    Regex::new(&[
        r"\p{Han}{2,}[”》]?、[“《]?(?:[\d.]+[万亿千百]?)?\p{Han}{2,}|(?:包括|先后在)[^。；;，,]{2,30}和|\p{Han}{2,}和\p{Han}{2,}(?:均|都|分别|共同)|从[^，,。；;]{2,20}到[^，,。；;]{2,20}[，,]从|等(\d+|[一二两三四五六七八九十百]+)[余多]?个|一是.{2,}二是|第一[，,、].{2,}第二|\p{Han}{2}(?:上|方面|层面|领域)[和与及]\p{Han}{2}(?:上|方面|层面|领域)|[两二三四五六七八九十]项|分别[^。；;，,]{0,4}\p{Han}{2,}和\p{Han}{2,}|[，,]\p{Han}{4}[，,]\p{Han}{4}[。；;，,]|",
        &titled_pair,
    ]
    .concat())
        .expect("list answer pattern")
});
/// Deeds asked for in a list (哪些措施, 哪些工作, 哪些协助, 哪些努力).
static LIST_OF_DEEDS_Q: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"哪些(\p{Han}{0,6})?(措施|举措|做法|工作|努力|协助|帮助|支持|处理|行动|事|打算|计划|安排|设想|规划|步骤)")
        .expect("deeds pattern")
});

/// Deeds done in a row: a sentence of three clauses or more, each of four characters or more.
fn clauses_in_a_row(passage: &str) -> bool {
    sentences(passage).any(|sentence| {
        sentence
            .split(['，', ','])
            .filter(|clause| clause.chars().count() >= 4)
            .count()
            >= 3
    })
}

/// Someone named with an office (王毅外长, 杨洁篪国务委员).
static OFFICE_HOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\p{{Han}}{{2,3}}(?:{TITLES})")).expect("office holder pattern")
});

/// Two people by office in one sentence, each in a clause of their own (杨洁篪国务委员将会见
/// 蒂勒森国务卿，王毅外长将同他举行会谈). Found by walking the holders rather than by one pattern
/// with the clause between them, which made the answer patterns slow to match.
fn offices_in_clauses(passage: &str) -> bool {
    sentences(passage).any(|sentence| {
        let held: Vec<regex::Match> = OFFICE_HOLDER.find_iter(sentence).collect();
        // The second holder opens a clause: right after a comma, within 30 characters.
        held.iter().enumerate().any(|(i, first)| {
            held[i + 1..].iter().any(|second| {
                let between = &sentence[first.end()..second.start()];
                between.ends_with(['，', ',']) && between.chars().count() <= 31
            })
        })
    })
}

/// Does a paragraph open a list its next paragraphs give (it ends on a colon: 今年我们将重点抓好
/// 三件大事：)? Quoted, it is shown with them.
pub fn opens_a_list(passage: &str) -> bool {
    passage.trim_end().ends_with([':', '：'])
}

/// Things listed in parallel clauses that open alike (大力开展…，大力支持…，大力开展…; 要坚持…，
/// 要推进…，要加强…): three clauses in a row of one sentence whose first two characters are the same.
fn parallel_clauses(passage: &str) -> bool {
    sentences(passage).any(|sentence| {
        let mut run = 0;
        let mut last: Option<[char; 2]> = None;
        // `sentences` has already cut at 。, ；and the like: only commas part clauses here.
        for clause in sentence.split(['，', ',']) {
            let mut chars = clause.chars();
            // Predicates listed after 是 (中国是第一个…，是派遣…最多的，是…第二大…) open alike.
            let copula = clause.chars().take(3).any(|c| c == '是');
            let opening = match (chars.next(), chars.next()) {
                _ if copula => Some(['是', '是']),
                (Some(a), Some(b)) if crate::script::is_han(a) && crate::script::is_han(b) => {
                    Some([a, b])
                }
                _ => None,
            };
            run = if opening.is_some() && opening == last {
                run + 1
            } else {
                1
            };
            if run >= 3 {
                return true;
            }
            last = opening;
        }
        false
    })
}
/// Where something takes place or lies: `在罗马举行`, `在博鳌论坛上`, `于北京召开`, `位于浙江省平阳县`.
static PLACE_A: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"[在于][^，,。；;]{1,15}(举行|召开|举办|出席|期间|峰会|会议|论坛|大会|演讲|讲话|上)|位于[^，,。；;]{2,20}",
    )
    .expect("place answer pattern")
});
static REASON_A: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"因为|由于|原因|为了|旨在|目的|因此|所以|涉嫌|出于|鉴于|考虑到|基于|体现了|应[^，。；]{1,8}(请求|要求|邀请)|事实上|众所周知|前提|根源|病根|症结|根子|归根到底|归根结底")
        .expect("reason answer pattern")
});

/// The sentences of a normalised text, each with its closing mark.
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split_inclusive(['。', '！', '？', '；', '!', '?', ';'])
}

/// A question reported (记者问中国什么时候跟它建交，) before a clause that asks one of its own:
/// what the reporter asked is the setting, not what the user asks.
/// Not 问 of another word: 访问, 顾问, 学问, 疑问, 慰问, 审问, 盘问, 问题, 问候, 问责.
static REPORTED_Q: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^访顾学疑慰审盘])(?P<q>(?:问到|问及|追问|询问|问)(?:[^题候责，,。；;？?][^，,。；;？?]*)?[？?]?[，,])")
        .expect("reported question pattern")
});
/// How the question put was answered (怎么回答的, 咋答, 如何回应).
static HOW_ANSWERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:怎么|怎样|如何|咋)(?:回答|答复|回应|答|回|说)").expect("how answered pattern")
});
/// A last clause that asks how the detail came about (选在什么时间、什么地点，是怎么定的): the
/// detail is the setting, and an answer on how it was decided need not give it.
static HOW_DECIDED_Q: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[，,][^，,]*(怎么|如何|怎样)(定|决定|商定|安排|选|确定)的?[^，,]*$")
        .expect("how decided pattern")
});
static ASKING_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"什么|哪|谁|怎么|怎样|如何|为什么|为何|多少|几|吗|啥|咋")
        .expect("asking word pattern")
});

/// The clause a question asks with: what follows its last comma (…，华春莹怎样看待中英经贸往来中
/// 出现的这类问题), without the closing marks; the whole question when it has none. A comma
/// closing the question is no clause of its own. What comes before sets the scene.
pub fn asking_clause(question: &str) -> &str {
    let question = question.trim_end_matches(['?', '？', '!', '！', '。', '.', ',', '，', ' ']);
    question
        .rfind([',', '，'])
        .map_or(question, |at| &question[at..])
        .trim_start_matches([',', '，'])
}

/// `question` without a reported question that a later clause of its own follows.
fn without_reported_question(question: &str) -> Cow<'_, str> {
    let Some(m) = REPORTED_Q.captures(question).and_then(|c| c.name("q")) else {
        return Cow::Borrowed(question);
    };
    // 王毅咋答的 asks the reported question's answer: it stays what is asked.
    let rest = HOW_ANSWERED.replace_all(&question[m.end()..], "_");
    if !ASKING_WORD.is_match(&rest) {
        return Cow::Borrowed(question);
    }
    let mut out = String::with_capacity(question.len());
    out.push_str(&question[..m.start()]);
    out.push('_');
    out.push_str(&question[m.end()..]);
    Cow::Owned(out)
}

/// Measure words that count the same things: people (人, 名, 位, 个 of 个人), times (次, 轮, 场),
/// bodies (家, 所), documents (份, 项, 件), money in any currency.
fn same_unit(asked: char, found: char) -> bool {
    let people = |c: char| matches!(c, '人' | '名' | '位');
    // Money is counted in 元 or another currency, read by its first character: 美元, 英镑,
    // 欧元, 日元, 港元 or 港币, 卢布 or 卢比.
    let money = |c: char| matches!(c, '元' | '美' | '英' | '欧' | '日' | '港' | '卢');
    // Bodies and places counted alike: 多少家孔子学院 is answered by 100所孔子学院.
    let bodies = |c: char| matches!(c, '家' | '所');
    // Documents and items agreed: 多少份协议 is answered by 十余项合作协议.
    let documents = |c: char| matches!(c, '份' | '项' | '件');
    // A distance is in 米, 公里, 千米 or 海里 (whose units read 米, 公, 千, 海).
    let distance = |c: char| matches!(c, '米' | '公' | '千' | '海');
    // 建交多少年 is answered by 30周年 (whose unit reads 周); 几周年 not by 2004年, a year.
    // Times something took place: 谈了多少轮 is answered by 已举行17次会晤.
    let times = |c: char| matches!(c, '次' | '轮' | '场');
    asked == found
        || (asked == '米' && distance(found))
        || (people(asked) && people(found))
        || (money(asked) && money(found))
        || (times(asked) && times(found))
        || (bodies(asked) && bodies(found))
        || (documents(asked) && documents(found))
        // 个 counts anything: 13个双边合作文件 answers 几份文件.
        || ((documents(asked) || bodies(asked)) && found == '个')
        || (asked == '年' && found == '周')
}

/// What a text names that the question does not.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NewNames {
    /// Anything: a person, a place, an organisation (哪个港口, 哪家媒体).
    pub any: bool,
    /// A person (who took over, 接替他的是谁).
    pub person: bool,
    /// Told by a tagger that knows places: a place said (在巴西举行) answers where only when it
    /// is not the question's own (G20在巴西哪个城市办).
    pub tagged: bool,
}

impl AnswerType {
    /// The kinds of answer a normalised question asks for (none: any passage on the subject).
    pub fn of_question(question: &str) -> AnswerType {
        let question = &*without_reported_question(question);
        // 死了几十个人，有中国人吗 asks whether, not how many; the answer may still say how many.
        let counted = NOT_A_COUNT.replace_all(question, "_");
        let rough = ROUGH_NUMBER.is_match(&counted);
        let counted = ROUGH_NUMBER.replace_all(&counted, "_");
        let count = COUNT_Q.captures(&counted);
        let age = AGE_Q.is_match(question);
        // 有没有哪个国家可以… asks whether any would, not which one.
        let which = WHICH_Q.find(question).filter(|m| {
            let before = &question[..m.start()];
            !(before.ends_with("有没有") || before.ends_with("是否有"))
        });
        let person_name = PERSON_NAME_Q.is_match(question);
        let occasion = OCCASION_Q.is_match(question);
        // A count before a clause that asks something else (再建几座电站，会不会影响下游;
        // 几所大学里贴出海报，外交部希望澳方怎么做): the count is the setting, or one of two
        // things asked, and the answer may well leave the number out.
        let count_before_other_ask = count.as_ref().is_some_and(|c| {
            let after = &counted[c.get(0).expect("group 0").end()..];
            after.find(['，', ',']).is_some_and(|at| {
                let later = &after[at..];
                YES_OR_NO_Q.is_match(later)
                    || crate::text::holds_a_not_a(later)
                    || ASKING_WORD
                        .find_iter(later)
                        .any(|m| !matches!(m.as_str(), "多少" | "几"))
            })
        });
        let share = SHARE_Q.is_match(&counted);
        let distance = DISTANCE_Q.is_match(&counted);
        let rank = RANK_Q.is_match(question);
        // 多少国家 counts countries as 多少个国家 does: 33个国家 answers it as well as 151国.
        let of_countries = count
            .as_ref()
            .and_then(|c| c.get(3))
            .is_some_and(|m| m.as_str() == "国" && counted[m.end()..].starts_with('家'));
        let mut kinds = AnswerType {
            count: count.is_some() || age || rough || share || distance || rank,
            rough_count: (rough && count.is_none() && !age) || count_before_other_ask,
            // A rank, a share (in hundredths, 多少个百分点) or a distance, whatever else the
            // question counts.
            unit: rank
                .then_some('第')
                .or(share.then_some('%'))
                .or(distance.then_some('米'))
                .or(count
                    .as_ref()
                    .and_then(|c| c.get(3))
                    .and_then(|m| m.as_str().chars().next())
                    // 几个 says nothing of what is counted: 4名 answers 几个中国人.
                    .filter(|&u| u != '个' && !of_countries)
                    .or(age.then_some('岁'))
                    .or(MONEY_Q.is_match(question).then_some('元'))),
            counted: count
                .as_ref()
                .and(COUNTED_Q.captures(&counted))
                .and_then(|c| c[1].chars().next())
                // 几个人 counts anyone; 几个中国人 is a count of China's own people.
                .filter(|&c| c != '人' && c != '中')
                .or(of_countries.then_some('国')),
            of_chinese: count.is_some() && OF_CHINESE_Q.is_match(&counted),
            fate_of_chinese: count.is_none()
                && FATE_OF_CHINESE_Q.is_match(question)
                && YES_OR_NO_Q.is_match(question),
            how_long: count.is_some() && HOW_LONG_Q.is_match(question),
            date: DATE_Q.is_match(question),
            day: DAY_Q.is_match(question),
            year: YEAR_Q.is_match(question),
            person: PERSON_Q.is_match(&SPEAKER_Q.replace_all(question, "_")) || person_name,
            // 官员是谁, 人员是谁 name no role: any office answers them.
            role: ROLE_Q
                .captures(question)
                .filter(|c| !matches!(&c[1], "官员" | "人员"))
                .map(|c| {
                    let mut role = c[1].chars();
                    [role.next().unwrap_or('_'), role.next().unwrap_or('_')]
                }),
            envoy: ENVOY_Q.is_match(question),
            reason: REASON_Q.is_match(question),
            action: ACTION_Q.is_match(question),
            stance: STANCE_Q.is_match(question),
            // 最后奉劝 says where in the answer, not how a thing turned out.
            outcome: OUTCOME_Q.is_match(&CLOSING_Q.replace_all(question, "_")),
            aspects: ASPECTS
                .iter()
                .enumerate()
                .filter(|(_, (asked, _))| asked.is_match(question))
                .fold(0, |bits, (i, _)| bits | 1 << i),
            verdict: VERDICT_Q.is_match(question),
            place: PLACE_Q.is_match(question) || occasion,
            occasion,
            at_the_time: at_the_time(question),
            recent: RECENT_Q.is_match(question),
            answer_end: if let Some(n) = point_asked(question) {
                Some(AnswerEnd::Point(n))
            } else if LAST_POINT_Q.is_match(question) {
                Some(AnswerEnd::LastPoint)
            } else if OPENING_Q.is_match(question) {
                Some(AnswerEnd::Opening)
            } else if CLOSING_Q.is_match(question) {
                Some(AnswerEnd::Closing)
            } else {
                None
            },
            // 哪些数据 asks for figures, which need not stand in a list.
            list: LIST_Q.is_match(&DATA_ASKED.replace_all(question, "_")),
            list_of_deeds: LIST_OF_DEEDS_Q.is_match(question),
            name: NAME_Q.is_match(question) && !person_name,
            which: which.is_some(),
            first_time: FIRST_TIME_Q.is_match(question),
            // Names stand apart in a normalised question (, 华春莹 怎么回应).
            plain_response: PLAIN_RESPONSE_Q.is_match(&asking_clause(question).replace(' ', "")),
            which_mark: which.and_then(|m| {
                WHICH_MARKS
                    .iter()
                    .position(|(head, _)| head.is_match(m.as_str()))
            }),
        };
        // Only a response asked: no detail, reason, point or outcome besides.
        kinds.plain_response &= kinds.aspects == 0
            && kinds.answer_end.is_none()
            && !kinds.is_specific()
            && !kinds.outcome
            && !kinds.action;
        kinds
    }

    /// How densely a normalised passage holds the words of the kind of response asked for (an
    /// action, a stance, an outcome): marker words per fifty characters, at most 1. `None` when
    /// the question asks for none of these.
    pub fn response_in(&self, passage: &str) -> Option<f32> {
        let wanted: Vec<&Regex> = [
            (self.action, &*ACTION_A),
            (self.stance, &*STANCE_A),
            (self.outcome, &*OUTCOME_A),
            (self.verdict, &*VERDICT_A),
        ]
        .into_iter()
        .filter(|(asked, _)| *asked)
        .map(|(_, r)| r)
        .chain(
            ASPECTS
                .iter()
                .enumerate()
                .filter(|(i, _)| self.aspects & 1 << i != 0)
                .map(|(_, (_, answered))| answered),
        )
        .collect();
        if wanted.is_empty() {
            return None;
        }
        let chars = passage.chars().count().max(20) as f32;
        let found: usize = wanted.iter().map(|r| r.find_iter(passage).count()).sum();
        Some((found as f32 * 50.0 / chars / wanted.len() as f32).min(1.0))
    }

    /// True when the question asks for a particular kind of answer.
    pub fn is_specific(&self) -> bool {
        self.count
            || self.fate_of_chinese
            || self.date
            || self.person
            || self.reason
            || self.place
            || self.list
            || self.name
            || self.which
            || self.first_time
    }

    /// True when the question asks for a kind of answer that a passage may lack: any kind but
    /// a number the question only gives roughly.
    pub fn asks_for_a_kind(&self) -> bool {
        AnswerType {
            count: self.count && !self.rough_count,
            ..*self
        }
        .is_specific()
    }

    /// Does the question ask only for a detail a passage either holds or not (a count, a
    /// date, a name, a place, a list), in one question, with no stance, action or reason that
    /// a passage could answer without the detail?
    pub fn asks_only_a_detail(&self, question: &str) -> bool {
        // Whether China's people were hurt is answered by a passage that says so in any words.
        AnswerType {
            fate_of_chinese: false,
            ..*self
        }
        .asks_for_a_kind()
            && !self.reason
            && !self.stance
            && !self.action
            && self.aspects == 0
            && question.matches(['?', '？']).count() <= 1
            && !HOW_DECIDED_Q.is_match(question)
    }

    /// How well a normalised passage holds an answer of the kinds asked: 1 when it holds one
    /// of each (a count in the very unit asked counts double against one in another unit),
    /// 0 when it holds none. `None` when the question asks for no particular kind.
    pub fn match_in(&self, passage: &str) -> Option<f32> {
        self.match_near(passage, &[])
    }

    /// As [`AnswerType::match_in`], counting in full only the sentences that hold one of `near`
    /// (the question's words; all sentences when it is empty), and by half the others: a year
    /// in a sentence on something else hardly says when the thing asked about happened.
    /// A count of China's own people said in a sentence that does not speak of them is half an
    /// answer: a disaster's toll in all (60多人死亡) is not how many Chinese died.
    pub fn match_near(&self, passage: &str, near: &[&str]) -> Option<f32> {
        self.match_near_with(passage, near, &|text| NewNames {
            any: NAME_A.is_match(text),
            person: true,
            tagged: false,
        })
    }

    /// As [`AnswerType::match_near`], with `names` telling what a text names that the question
    /// does not (the engine asks its part-of-speech tagger; by default any name in quotation or
    /// title marks, and a person wherever an office is).
    pub fn match_near_with(
        &self,
        passage: &str,
        near: &[&str],
        names: &dyn Fn(&str) -> NewNames,
    ) -> Option<f32> {
        if !self.is_specific() {
            return None;
        }
        if !near.is_empty() {
            let anywhere = self.match_near_with(passage, &[], names).unwrap_or(0.0);
            if anywhere == 0.0 {
                return Some(0.0);
            }
            let on_subject: String = sentences(passage)
                .filter(|sentence| near.iter().any(|w| sentence.contains(w)))
                .collect();
            // Elsewhere in the passage it is half an answer: the sentence may speak of the
            // subject in other words (3名澳籍公民 of 几个澳大利亚人).
            let on_subject = self.match_near_with(&on_subject, &[], names).unwrap_or(0.0);
            return Some(on_subject.max(anywhere / 2.0));
        }
        let mut asked = 0.0;
        let mut found = 0.0;
        if self.count {
            asked += 1.0;
            let mut best: f32 = 0.0;
            // A share or a rank is answered in its own words, not by a number and its unit.
            let in_hundredths_or_order = match self.unit {
                Some('%') => Some(&*SHARE_A),
                Some('第') => Some(&*RANK_A),
                _ => None,
            };
            for sentence in sentences(passage) {
                let of_it = !self.of_chinese || CHINESE_A.is_match(sentence);
                let weight = if of_it { 1.0 } else { 0.5 };
                if let Some(answer) = in_hundredths_or_order {
                    if answer.is_match(sentence) {
                        best = best.max(weight);
                    }
                    continue;
                }
                for c in COUNT_A.captures_iter(sentence) {
                    let unit = c
                        .name("unit")
                        .or_else(|| c.name("first"))
                        .and_then(|m| m.as_str().chars().next())
                        .or_else(|| c.name("hundredths").map(|_| '%'));
                    let whole = c.get(0).expect("group 0");
                    if is_no_count(sentence, whole, unit) {
                        continue;
                    }
                    let score = match (self.unit, unit) {
                        (Some(u), Some(v)) if same_unit(u, v) => 1.0,
                        // 几艘 is not answered by 3名.
                        (Some(_), _) => 0.0,
                        // How many, of no unit: a calendar year (2019年) counts nothing, and
                        // an anniversary (40周年) or a span (50天) is seldom what is counted.
                        (None, Some('年'))
                            if !self.how_long && is_calendar_year(whole.as_str()) =>
                        {
                            0.0
                        }
                        (None, Some('周' | '年' | '天' | '小' | '分')) if !self.how_long => {
                            0.5
                        }
                        (None, _) => 1.0,
                    };
                    // 几个国家 is answered by 20多个国家 or 151国, half by a count of
                    // anything else.
                    let of_what = self.counted.is_none_or(|noun| {
                        unit == Some(noun)
                            || sentence[whole.end()..].chars().take(3).any(|ch| ch == noun)
                    });
                    let score = if of_what { score } else { score / 2.0 };
                    // 数千名, 上万人: a count in round words only, half an answer to how many.
                    let vague = !whole.as_str().starts_with(|ch: char| ch.is_ascii_digit())
                        && sentence[..whole.start()]
                            .chars()
                            .next_back()
                            .is_some_and(|ch| matches!(ch, '数' | '上'));
                    let score = if vague { score / 2.0 } else { score };
                    best = best.max(score * weight);
                }
                if best >= 1.0 {
                    break;
                }
            }
            if self.unit == Some('天') && DAY_SPAN_A.is_match(passage) {
                best = 1.0;
            }
            if self.how_long && ROUGH_SPAN_A.is_match(passage) {
                best = best.max(0.5);
            }
            // How many were freed, saved or brought out, said by share (全部获释, 多数…已获释):
            // half an answer.
            if SHARE_OF_PEOPLE_A.is_match(passage) {
                best = best.max(0.5);
            }
            found += best;
        }
        if self.fate_of_chinese {
            asked += 1.0;
            if CHINESE_PEOPLE_A.is_match(passage) {
                found += 1.0;
            }
        }
        if self.date {
            asked += 1.0;
            // A date as precise as the one asked counts in full, a coarser one by half: 哪一年
            // is half given by 10月 alone, 哪天 by a month and not at all by 今年秋天 or 适时.
            let (precise, coarser) = if self.year {
                (&*YEAR_A, &*DATE_A)
            } else if self.day {
                (&*DAY_A, &*DATE_A)
            } else {
                (&*DATE_A, &*DATE_VAGUE_A)
            };
            if precise.is_match(passage) {
                found += 1.0;
            } else if coarser.is_match(passage) {
                found += 0.5;
            }
        }
        if self.envoy {
            // An office named in a sentence on who goes: the subject's own titles (卡斯特罗主席)
            // and those of whoever sent condolences do not say who was sent.
            asked += 1.0;
            if sentences(passage)
                .any(|s| (PERSON_A.is_match(s) || TEAM_A.is_match(s)) && ENVOY_A.is_match(s))
            {
                found += 1.0;
            }
        }
        if self.person && !self.envoy {
            // An office, and someone the question does not name holding it: 刘健 answers who
            // took over from 邓锡军; a paragraph on 邓锡军's own work does not.
            asked += 1.0;
            // The holder of a role asked (舰长) is named with it; another office is no answer.
            let office = match self.role {
                Some(role) => passage.contains(&role.iter().collect::<String>()),
                None => PERSON_A.is_match(passage),
            };
            if office && names(passage).person {
                found += 1.0;
            }
        }
        if self.place {
            asked += 1.0;
            // China as the venue (在华举办) is a place no tagger names: 华 is one character; nor
            // does it name an occasion (在第三届高峰论坛上).
            let answered = PLACE_A.find_iter(passage).any(|m| {
                let n = names(m.as_str());
                !n.tagged
                    || n.any
                    || m.as_str().contains("在华")
                    || (self.occasion && OCCASION_A.is_match(m.as_str()))
            });
            if answered {
                found += 1.0;
            }
        }
        // What a passage without the form earns: a reason is often given without a word that
        // marks it (摩洛哥国王突患重感冒), so its lack is three quarters of a miss. (Half a miss
        // lets an unanswerable why-question be quoted: measured, docs/quality.md.)
        let kinds: [(bool, &dyn Fn() -> bool, f32); 4] = [
            (self.reason, &|| REASON_A.is_match(passage), 0.25),
            (
                self.list,
                &|| {
                    LIST_A.is_match(passage)
                        || parallel_clauses(passage)
                        || opens_a_list(passage)
                        || offices_in_clauses(passage)
                        || (self.list_of_deeds && clauses_in_a_row(passage))
                },
                0.0,
            ),
            (self.name, &|| NAME_A.is_match(passage), 0.0),
            // Whether it happened before may be told without a first (此前也曾).
            (self.first_time, &|| FIRST_TIME_A.is_match(passage), 0.5),
        ];
        for (wanted, holds, without) in kinds {
            if wanted {
                asked += 1.0;
                found += if holds() { 1.0 } else { without };
            }
        }
        if self.which {
            asked += 1.0;
            let marked = || {
                self.which_mark
                    .is_none_or(|k| WHICH_MARKS[k].1.is_match(passage))
            };
            // A document's mark is its title, which no tagger takes for a name; a poll's is
            // whoever took it, which a tagger seldom knows.
            let titled = matches!(self.which_mark, Some(DOCUMENT_MARK | POLL_MARK)) && marked();
            if titled || names(passage).any {
                // A name of another kind than the one asked for is half an answer.
                found += if titled || marked() { 1.0 } else { 0.5 };
            }
        }
        Some(found / asked)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_aspects_name_is_no_subject() {
        for word in ["角色", "比方", "底线", "信心", "形式", "警告"] {
            assert!(names_an_aspect(word), "{word}");
        }
        for word in ["南海", "原则", "提醒"] {
            assert!(!names_an_aspect(word), "{word}");
        }
        // A destination is no purpose.
        let destination = AnswerType::of_question("中国外长为什么每年把非洲作为首访目的地？");
        assert_eq!(destination.aspects, 0);
    }

    #[test]
    fn the_time_spoken_of_and_each_one_are_no_count() {
        let t = AnswerType::of_question("去年一共撤出了多少同胞？");
        let when = "过去这一年，外交部全力以赴，一年来把温暖传递给每一位同胞。";
        assert_eq!(t.match_in(when), Some(0.0));
        assert!(t.match_in("先后从苏丹等地紧急撤离3000名中国公民。") > Some(0.0));
        // A number of years said roughly is still one.
        let how_long = AnswerType::of_question("这条边界线两国已经共同遵守了多久？");
        assert!(how_long.match_in("这是两国共同遵守了近130年的边界线。") > Some(0.0));
        // A span said roughly is half an answer.
        let how_long = AnswerType::of_question("半岛问题拖多久了？");
        assert_eq!(
            how_long.match_in("朝鲜半岛问题延宕多年，病根是清楚的。"),
            Some(0.5)
        );
        assert_eq!(how_long.match_in("朝鲜半岛问题病根是清楚的。"), Some(0.0));
    }

    #[test]
    fn a_rank_is_answered_by_a_place_in_order() {
        for q in [
            "中国在联合国会费方面排在第几位？",
            "中国是联合国第几大会费国？",
            "中国排名第几？",
        ] {
            let t = AnswerType::of_question(q);
            assert!(t.count && t.unit == Some('第'), "{q}");
        }
        let t = AnswerType::of_question("中国交的联合国会费排第几？");
        assert_eq!(
            t.match_in("中国是联合国第二大会费国和维和出资国。"),
            Some(1.0)
        );
        assert_eq!(t.match_in("中国派出维和人员5万余人次。"), Some(0.0));
        assert_ne!(
            AnswerType::of_question("这次安排几场会谈？").unit,
            Some('第')
        );
        // Which time it was counts the times: 第几次 is answered by 第11次.
        assert_eq!(
            AnswerType::of_question("这是她第几次访华？").unit,
            Some('次')
        );
    }

    #[test]
    fn a_distance_is_answered_in_metres_kilometres_or_nautical_miles() {
        for q in [
            "爆炸地点离中国大使馆有多近？",
            "苏木段全长多长？",
            "修了多少公里铁路？",
        ] {
            let t = AnswerType::of_question(q);
            assert!(t.count && t.unit == Some('米'), "{q}");
        }
        let t = AnswerType::of_question("那条新铁路第一段有多长？");
        assert_eq!(t.match_in("苏库尔至木尔坦段全长392公里。"), Some(1.0));
        assert_eq!(t.match_in("爆炸地点距使馆仅约600米。"), Some(1.0));
        assert_eq!(t.match_in("双方签署了3项协议。"), Some(0.0));
        // How long it lasted is no distance.
        assert_ne!(
            AnswerType::of_question("谈判持续了多长时间？").unit,
            Some('米')
        );
    }

    #[test]
    fn a_share_is_answered_by_a_percentage_or_a_fraction() {
        for q in [
            "中国对美货物贸易顺差中有多大比例是美资企业在华生产造成的？",
            "他给出的比例是多少？",
            "中国大陆在里面赚到的加工费占多少？",
            "中国交的会费占总额的百分之几？",
            "全球南方占全世界经济的比重有多大？",
        ] {
            let t = AnswerType::of_question(q);
            assert!(t.count && t.unit == Some('%'), "{q}");
        }
        let t = AnswerType::of_question("中国大陆在里面赚到的加工费占多少？");
        assert_eq!(t.match_in("属于中国的加工成本仅占不到1％。"), Some(1.0));
        assert_eq!(
            t.match_in("高科技产品出口的三分之二都是在华外资企业实现的"),
            Some(1.0)
        );
        assert_eq!(t.match_in("对全球减贫的贡献率超过百分之七十"), Some(1.0));
        // A sum of money or a count of things is no share.
        assert_eq!(t.match_in("一台手机售价最低为649美元"), Some(0.0));
        // Taking ground is no share, and a map's scale asks none.
        assert_ne!(
            AnswerType::of_question("越南侵占了多少岛礁？").unit,
            Some('%')
        );
        assert!(!AnswerType::of_question("把南海用同一比例尺画进全图是为了什么？").count);
    }

    #[test]
    fn counts_take_the_unit_asked() {
        let t = AnswerType::of_question("中国这次又送给日本几只朱鹮");
        assert!(t.count && t.unit == Some('只') && !t.date);
        assert_eq!(t.match_in("中方再次向日方提供两只朱鹮"), Some(1.0));
        assert_eq!(t.match_in("已有3名中国公民"), Some(0.0));
        assert_eq!(t.match_in("中日两国共同保护朱鹮"), Some(0.0));
        // A count in round words is half an answer.
        let t = AnswerType::of_question("去年撤出了多少名中国公民？");
        assert_eq!(t.match_in("紧急撤离数千名中国公民"), Some(0.5));
        assert_eq!(t.match_in("撤离了1300多名中国公民"), Some(1.0));
        // Times over are counted in 倍.
        let t = AnswerType::of_question("中国经济增长相当于发达经济体的几倍？");
        assert!(t.count && t.unit == Some('倍'));
        assert_eq!(t.match_in("仍是发达经济体的3倍以上"), Some(1.0));
        assert_eq!(t.match_in("中国经济增长7%左右"), Some(0.0));
        // Sites are counted in 处.
        let t = AnswerType::of_question("日本一共申报了多少处工业遗址？");
        assert_eq!(t.match_in("日方申报的23处工业遗址中"), Some(1.0));
        // Years are counted as anniversaries too.
        let t = AnswerType::of_question("中玻建交多少年了？");
        assert_eq!(t.match_in("今年是中玻建交30周年"), Some(1.0));
        // 多少国家 is answered by countries counted with 个 or 国.
        let t = AnswerType::of_question("已有多少国家和国际组织提供了医疗物资？");
        assert_eq!(
            t.match_in("已有33个国家政府和4个国际组织向中方提供"),
            Some(1.0)
        );
        assert_eq!(t.match_in("已有151国签署"), Some(1.0));
        assert_eq!(t.match_in("运送了3批物资"), Some(0.5));
    }

    #[test]
    fn whether_chinese_were_hurt_is_answered_by_a_passage_on_them() {
        let t = AnswerType::of_question("飞机在加德满都降落时摔了，有中国人遇难吗？");
        assert!(t.fate_of_chinese && !t.count);
        assert_eq!(
            t.match_in(
                "今天，据尼泊尔有关部门初步核实确认，有一名中国公民在此次坠机事故中不幸遇难。"
            ),
            Some(1.0)
        );
        // Condolences on the disaster say nothing of China's people.
        assert_eq!(
            t.match_in("我们对这起灾难事故造成重大人员伤亡深感痛心，谨向遇难者表示深切的哀悼。"),
            Some(0.0)
        );
        assert!(AnswerType::of_question("印尼地震，有没有中国公民伤亡？").fate_of_chinese);
        assert!(AnswerType::of_question("有没有打伤中国边民？").fate_of_chinese);
        // Taken hostage is a fate too.
        let t = AnswerType::of_question("悉尼咖啡馆劫持人质，人质里有没有中国人？");
        assert!(t.fate_of_chinese);
        assert_eq!(
            t.match_in("我们也在了解人质中是否涉及到中国公民，到目前为止还没有这方面的报告。"),
            Some(1.0)
        );
        // Who they were, or how many, is another question.
        assert!(!AnswerType::of_question("遇害的两名中国公民叫什么名字？").fate_of_chinese);
        let t = AnswerType::of_question("一共有几个中国人遇难？");
        assert!(t.count && t.of_chinese && !t.fate_of_chinese);
        // Any words may say it: it is no detail to refuse an answer for.
        let q = "有没有中国游客受伤？";
        assert!(!AnswerType::of_question(q).asks_only_a_detail(q));
    }

    #[test]
    fn how_many_were_freed_said_by_share_is_half_a_count() {
        let t = AnswerType::of_question("安哥拉警方抓扣的中国公民目前放出来了多少？");
        assert_eq!(
            t.match_in("多数拥有合法居留证件的中国公民已于当天获释"),
            Some(0.5)
        );
        assert_eq!(t.match_in("中方要求安方尽快依法妥善处理此事"), Some(0.0));
    }

    #[test]
    fn rounds_and_firsts_are_counts() {
        let t = AnswerType::of_question("屈冬玉是第几轮投票选上的？");
        assert!(t.count && t.unit == Some('轮'));
        assert_eq!(t.match_in("屈冬玉在首轮投票中高票当选"), Some(1.0));
        assert_eq!(t.match_in("经过两轮投票"), Some(1.0));
        // Rounds of talks are times they met.
        let t = AnswerType::of_question("特代会晤机制成立以来已经谈了多少轮？");
        assert_eq!(t.match_in("双方特代已举行17次会晤"), Some(1.0));
        // The first time is no count.
        assert_eq!(
            AnswerType::of_question("几个国家？").match_in("中国政府首次为撤离外国公民采取行动"),
            Some(0.0)
        );
        assert_eq!(t.match_in("屈冬玉高票当选"), Some(0.0));
        let t = AnswerType::of_question("援建的治疗中心一共花了多少钱？");
        assert_eq!(t.unit, Some('元'));
        assert_eq!(t.match_in("中方已提供价值7.5亿元人民币的援助"), Some(1.0));
        assert_eq!(t.match_in("中方再提供3000万美元现汇捐款"), Some(1.0));
        assert_eq!(
            t.match_in("治疗中心有100张床位，派出160名医护人员"),
            Some(0.0)
        );
        let t = AnswerType::of_question("韩国交还的遗骸一共有多少具？");
        assert_eq!(t.match_in("437具中国人民志愿军烈士遗骸"), Some(1.0));
        let t = AnswerType::of_question("安理会7月要开多少场会？");
        assert_eq!(t.match_in("安理会7月将举行近30场会议"), Some(1.0));
    }

    #[test]
    fn figures_asked_are_answered_by_any_number() {
        let t = AnswerType::of_question("华春莹用哪些外资数据反驳？");
        assert!(t.count && !t.list);
        assert_eq!(t.match_in("去年美国对华实际投资同比增长了52.6%"), Some(1.0));
        assert_eq!(
            t.match_in("中国对全球减贫的贡献率超过百分之七十"),
            Some(1.0)
        );
        assert_eq!(t.match_in("中方欢迎外国企业来华投资"), Some(0.0));
        let t = AnswerType::of_question("中国境内的病死率是多少？");
        assert_eq!(t.match_in("中国境内病死率非常低，仅为2.1%"), Some(1.0));
        // The digital economy is no figure asked.
        let t = AnswerType::of_question("中方在哪些数字经济领域开展合作？");
        assert!(!t.count && t.list);
        // A share is no count of people.
        let t = AnswerType::of_question("有多少人感染？");
        assert_eq!(t.match_in("感染率下降了5%"), Some(0.0));
    }

    #[test]
    fn bodies_documents_and_money_are_counted_in_any_of_their_units() {
        let t = AnswerType::of_question("美国一共有多少家孔子学院？");
        assert_eq!(t.match_in("美国现已设立100所孔子学院"), Some(1.0));
        assert_eq!(t.match_in("267万美国民众参加孔子学院活动"), Some(0.0));
        let t = AnswerType::of_question("两国总理见证签署了多少份协议？");
        assert_eq!(
            t.match_in("共同见证了十余项政府间合作协议的签署"),
            Some(1.0)
        );
        assert_eq!(t.match_in("两国总理举行了3小时会谈"), Some(0.0));
        assert_eq!(t.match_in("共同见证了13个双边合作文件的签署"), Some(1.0));
        let t = AnswerType::of_question("华为在英国投了多少钱？");
        assert_eq!(t.match_in("华为在英国投资超过了20亿英镑"), Some(1.0));
        assert_eq!(t.match_in("中方向欧盟提供5000万欧元"), Some(1.0));
        assert_eq!(t.match_in("支撑了2万多个就业岗位"), Some(0.0));
        // Kinds and cases are counted in their own measure words.
        let t = AnswerType::of_question("中国管制了多少种芬太尼类物质？");
        assert_eq!(t.match_in("先后列管了25种芬太尼类物质"), Some(1.0));
        assert_eq!(t.match_in("中方已与美方举行3次会谈"), Some(0.0));
        let t = AnswerType::of_question("累计治愈出院病例是多少例？");
        assert_eq!(t.match_in("累计治愈出院病例58600例"), Some(1.0));
    }

    #[test]
    fn only_a_detail_is_asked_when_nothing_else_could_answer() {
        let asks = |q: &str| AnswerType::of_question(q).asks_only_a_detail(q);
        assert!(asks("王毅第一次当外交部长是哪一年？"));
        assert!(asks("那个人叫什么名字，后来被抓了没有？"));
        // A stance, an action or a reason can be answered without the detail.
        assert!(!asks("中方派谁去了，外交部怎么评价？"));
        assert!(!asks("为什么要在哪一年提出？"));
        // Two questions: one may be answered.
        assert!(!asks("那个留学生叫什么？总领馆做了哪些事？"));
        assert!(!asks("中方怎么看？"));
    }

    #[test]
    fn a_count_of_chinese_is_answered_where_they_are_spoken_of() {
        let t = AnswerType::of_question("尼泊尔大地震里死了几个中国人？");
        assert!(t.count && t.of_chinese);
        let toll = "此次地震已造成60多人死亡。各方表示哀悼。";
        let theirs = "地震造成60多人死亡。在尼泊尔的中国公民有4人遇难。";
        assert_eq!(t.match_in(toll), Some(0.5));
        assert_eq!(t.match_in(theirs), Some(1.0));
        assert!(AnswerType::of_question("中国游客伤亡了多少？").of_chinese);
        // A count of anything else is answered by any count.
        let t = AnswerType::of_question("地震死了多少人？");
        assert!(!t.of_chinese);
        assert_eq!(t.match_in(toll), Some(1.0));
    }

    #[test]
    fn a_question_after_the_latest_word_asks_for_no_kind_of_answer() {
        for q in [
            "华春莹最近一次谈南海说了什么",
            "中方对半岛局势的最新表态",
            "latest on THAAD",
        ] {
            let t = AnswerType::of_question(q);
            assert!(t.recent && !t.is_specific() && !t.asks_for_a_kind(), "{q}");
        }
        assert!(!AnswerType::of_question("华春莹谈南海").recent);
    }

    #[test]
    fn whether_a_report_is_true_is_answered_by_a_verdict() {
        let t = AnswerType::of_question("听说前副总统逃到中国来了，是真的吗");
        assert!(t.verdict && !t.is_specific());
        let verdict = t.response_in("至于你提到前副总统的去向，我可以告诉你，他没有来中国。");
        let stance = t.response_in("中方一直高度关注津巴布韦局势，希望政局保持稳定。");
        assert!(verdict > stance, "{verdict:?} {stance:?}");
        assert!(!AnswerType::of_question("中方怎么看津巴布韦局势？").verdict);
    }

    #[test]
    fn a_warning_asked_is_answered_by_the_warning() {
        let t = AnswerType::of_question("埃及警察抓了很多中国人，外交部给同胞提了什么醒？");
        assert!(t.aspects == 1 && !t.is_specific() && !t.asks_only_a_detail("外交部提了什么醒？"));
        let warning = t.response_in("外交部提醒在埃中国公民遵守当地法律，提高安全防范意识。");
        let report = t.response_in("埃及警方日前在开罗拘留了一批中国公民，使馆正在核实。");
        assert!(warning > report, "{warning:?} {report:?}");
        assert_eq!(AnswerType::of_question("中方怎么看埃及局势？").aspects, 0);
    }

    #[test]
    fn an_aspect_asked_is_answered_by_its_words() {
        // (question, a passage that gives the aspect, one on the same subject that does not)
        let cases = [
            (
                "中方希望中欧关系在国际形势中起什么作用？",
                "我们希望以中欧关系的稳定性来应对国际形势中的不确定性，发挥稳定器作用。",
                "李克强总理将赴布鲁塞尔举行中欧领导人会晤。",
            ),
            (
                "阿巴迪这次访华有什么特殊之处？",
                "阿巴迪总理是伊拉克新政府成立后首位访华的伊拉克领导人。",
                "阿巴迪总理将于12月22日至23日对中国进行正式访问。",
            ),
            (
                "中方参与尼泊尔重建会坚持什么原则？",
                "中方将始终坚持由尼方主导、充分尊重尼方意愿的原则。",
                "尼泊尔地震灾后重建国际会议25日在加德满都举行。",
            ),
            (
                "中方认为这起案子属于什么性质？",
                "这是一起严重的刑事案件，性质恶劣。",
                "沙特法院日前宣判，中方注意到有关报道。",
            ),
            (
                "中方怎么介绍她的资历？",
                "王彬颖女士曾任世界知识产权组织副总干事，长期从事知识产权工作。",
                "中国政府推荐王彬颖女士竞选世界知识产权组织总干事。",
            ),
            (
                "发言人把这种说法比作什么？",
                "说这种话简直就是抓错了药，开错了方。",
                "中国是世界最大的医用口罩生产国。",
            ),
            (
                "外交部怎样给这起事件定性？",
                "这是日本军国主义在侵华战争中犯下的残暴罪行。",
                "我们在此对遇难同胞表示深切哀悼。",
            ),
            (
                "中方认为美国的芬太尼滥用问题该怪谁？",
                "美国芬太尼问题的根源不在中国。",
                "中方对芬太尼类物质实行整类列管。",
            ),
            (
                "耿爽如何界定这些边民入境的性质？",
                "有2万余缅甸边民进入中国境内，不过不是避难，而是避战。",
                "这2万余名缅甸边民是因为最近缅北冲突进入中方境内的。",
            ),
            (
                "外交部对日本的核材料提出了哪些疑问？",
                "日本到底有没有、有多少高浓铀及武器级铀？这些铀都是干什么用的？",
                "中方敦促日方切实正视这些问题，尽早做出说明。",
            ),
            (
                "这次派舰救灾有什么开创意义？",
                "这是中国首次派出舰艇赴海外灾区执行人道主义医疗救助。",
                "医院船10日从菲律宾莱特湾起锚回国。",
            ),
            (
                "中方对阿根廷政府有没有信心？",
                "中方相信阿根廷政府有能力维护好社会稳定。",
                "外交部已就此做阿方工作。",
            ),
            (
                "中方认为日方这么做的真实目的是什么？",
                "日方制造借口服务扩军备战，意在摆脱战后束缚。",
                "日本新版外交蓝皮书罔顾基本事实。",
            ),
            (
                "中方划出了什么底线？",
                "中方决不允许菲方在仁爱礁修建任何设施。",
                "刘振民副部长约见了菲律宾驻华大使。",
            ),
            (
                "中国接下来要怎么打击象牙走私？",
                "下一步，中方将组织公开销毁罚没象牙活动。",
                "中国政府十分重视全球大象保护。",
            ),
            (
                "外长会是以什么形式召开的？",
                "金砖国家以视频连线的方式举行特别外长会。",
                "金砖国家是新兴大国合作的重要机制。",
            ),
            (
                "发言人先反问了记者什么？",
                "我不知道你是否去过南京？",
                "南京大屠杀铁证如山，早已得到国际社会公认。",
            ),
        ];
        for (q, gives, lacks) in cases {
            let t = AnswerType::of_question(q);
            assert!(t.aspects != 0 && !t.asks_only_a_detail(q), "{q}");
            assert!(t.response_in(gives) > t.response_in(lacks), "{q}");
        }
        assert_eq!(AnswerType::of_question("中方怎么看中欧关系？").aspects, 0);
        // A saying quoted is asked by the quoting as well as by the kind of saying.
        let quoted = AnswerType::of_question("发言人引用了孔子的哪两句话？");
        assert!(quoted.response_in("正如古人所说，己所不欲，勿施于人。") > Some(0.0));
        // The setting a question gives is no person's background asked.
        let setting = AnswerType::of_question("全球南方崛起的大背景下，中国对非洲作出了什么承诺？");
        assert_eq!(setting.aspects, 0);
        // A special standing is what makes a thing special, not who a person is.
        let standing = AnswerType::of_question("在签署联合国宪章这件事上，中国有什么特殊身份？");
        assert!(standing.response_in("中国是首个在联合国宪章上签字的国家。") > Some(0.0));
        assert_eq!(
            standing.response_in("他曾任驻美大使，长期从事外交工作。"),
            Some(0.0)
        );
        // The weight of a visit is its significance.
        let weight = AnswerType::of_question("外交部怎么看这趟访问的分量？");
        assert!(weight.response_in("这次访问在两军交往中将是一个重要事件。") > Some(0.0));
        // What sets a thing apart is often that it was the first of its kind.
        let first = AnswerType::of_question("这份协定对中国来说有什么特别之处？");
        assert!(first.response_in("这是中国对外缔结的第一项专门协定。") > Some(0.0));
        assert_eq!(first.response_in("双方签署了资产分享协定。"), Some(0.0));
    }

    #[test]
    fn a_team_sent_answers_who_was_sent() {
        let t = AnswerType::of_question("车祸后中国政府派了什么人过去处理？");
        assert!(t.envoy);
        let team = t.match_in("外交部已派出工作组赶赴当地，协助处理善后事宜。");
        let grief = t.match_in("中方对遇难者表示深切哀悼，向伤者和遇难者家属表示诚挚慰问。");
        assert!(team > grief, "{team:?} {grief:?}");
    }

    #[test]
    fn a_reported_question_is_not_what_is_asked() {
        let t =
            AnswerType::of_question("记者问中国什么时候跟它正式建交，华春莹引用了一句什么古语？");
        assert!(!t.date, "{t:?}");
        let t = AnswerType::of_question(
            "有人问中国为什么帮巴基斯坦建核电站，外交部说这对巴方有什么好处？",
        );
        assert!(!t.reason, "{t:?}");
        // With no question of its own after it, the reported question is the question.
        assert!(AnswerType::of_question("记者问中国什么时候跟它正式建交").date);
        // How it was answered asks the reported question itself.
        assert!(AnswerType::of_question("记者问中国是不是还坚持老立场，王毅咋答的？").stance);
        // A visit, or an issue, is no question reported.
        assert!(AnswerType::of_question("王毅访问了哪几个国家，分别谈了什么？").list);
        assert!(AnswerType::of_question("在哪些问题上有分歧，中方怎么看？").list);
    }

    #[test]
    fn the_close_of_an_answer_is_not_how_it_turned_out() {
        let t = AnswerType::of_question("华春莹最后奉劝有关方面什么？");
        assert_eq!(t.answer_end, Some(AnswerEnd::Closing));
        assert!(!t.outcome);
        for asked in [
            "耿爽最后是怎么讽刺他的？",
            "外交部在回应的最后给了美方什么忠告？",
            "外交部提醒出国游客注意安全，最后送上了什么祝愿？",
            "最后顺带提了哪个节气？",
        ] {
            assert_eq!(
                AnswerType::of_question(asked).answer_end,
                Some(AnswerEnd::Closing),
                "{asked}"
            );
        }
        let t = AnswerType::of_question("那个逃兵最后怎么样了？");
        assert!(t.outcome && t.answer_end.is_none());
        // What came of a visit is told after it; a 成果文件 is a document's name.
        assert!(AnswerType::of_question("双方对这次访问的成果作何评价？").outcome);
        assert!(!AnswerType::of_question("成果文件是怎样产生的？").outcome);
        for turned_out in [
            "最后签了些什么？",
            "船员最后救出来没有？",
            "最后是哪天被放回来的？",
        ] {
            let t = AnswerType::of_question(turned_out);
            assert!(t.answer_end.is_none(), "{turned_out}");
        }
        let t = AnswerType::of_question("发言人一开口先说了句什么？");
        assert_eq!(t.answer_end, Some(AnswerEnd::Opening));
    }

    #[test]
    fn a_point_asked_by_its_place_is_found_where_a_paragraph_opens_with_it() {
        let t = AnswerType::of_question("耿爽从中得出的第一点看法是什么？");
        assert_eq!(t.answer_end, Some(AnswerEnd::Point(1)));
        let t = AnswerType::of_question("他讲的第3条理由是什么？");
        assert_eq!(t.answer_end, Some(AnswerEnd::Point(3)));
        let t = AnswerType::of_question("三件大事里前两件分别是什么？");
        assert_eq!(t.answer_end, Some(AnswerEnd::Point(1)));
        let t = AnswerType::of_question("今年领保工作要重点抓的第二件事是什么？");
        assert_eq!(t.answer_end, Some(AnswerEnd::Point(2)));
        let t = AnswerType::of_question("保障海外公民安全方面，排在第一位要抓的是什么？");
        assert_eq!(t.answer_end, Some(AnswerEnd::Point(1)));
        let t = AnswerType::of_question("排在首位的任务是什么？");
        assert_eq!(t.answer_end, Some(AnswerEnd::Point(1)));
        let t = AnswerType::of_question("讲中国故事，头一个该讲谁的故事？");
        assert_eq!(t.answer_end, Some(AnswerEnd::Point(1)));
        // The first of a kind is no point of an answer.
        let t = AnswerType::of_question("头一个访华的外国领导人是谁？");
        assert_eq!(t.answer_end, None);
        // The last point, which a closing paragraph may follow.
        let t = AnswerType::of_question("几件大事里，排在最后的那一件是针对哪方面的？");
        assert_eq!(t.answer_end, Some(AnswerEnd::LastPoint));
        let t = AnswerType::of_question("他讲的最后一点是什么？");
        assert_eq!(t.answer_end, Some(AnswerEnd::LastPoint));
        // The opening words, and a first time, are no point of a list.
        let t = AnswerType::of_question("发言人第一句说了什么？");
        assert_eq!(t.answer_end, Some(AnswerEnd::Opening));
        assert!(
            AnswerType::of_question("中国第一次派维和部队是哪年？")
                .answer_end
                .is_none()
        );
        assert!(opens_point("第一,似乎美国企业界的一些人士更懂常识。", 1));
        assert!(opens_point("二是推进共建一带一路。", 2));
        assert!(opens_point("首先是中国共产党的故事。", 1));
        assert!(!opens_point("第一个同新中国建交的南美国家是智利。", 1));
        assert!(!opens_point("第二,我们希望。", 1));
        assert!(!opens_point("一带一路合作成果丰硕。", 1));
        // A list within a paragraph holds its points after a colon or a stop.
        let inline = "会议取得了三项主要成果:一是确定了路线图;二是发达国家承诺出资。";
        assert!(holds_point(inline, 1) && holds_point(inline, 2) && !holds_point(inline, 3));
        assert!(!opens_point(inline, 1));
        assert!(!holds_point("统一是大势所趋。", 1));
    }

    #[test]
    fn which_days_asks_a_date_and_what_it_does_is_no_reason() {
        let t = AnswerType::of_question("李克强去韩国访问具体是哪几天？");
        assert!(t.date && t.day && !t.list);
        assert!(!AnswerType::of_question("王毅说AI一边拥抱新机遇一边干嘛？").reason);
        assert!(AnswerType::of_question("中国干嘛要在那时候公布地名？").reason);
    }

    #[test]
    fn a_request_granted_is_a_reason_given() {
        let t = AnswerType::of_question("中方为什么会同意香香晚些送还？");
        assert!(t.reason);
        let granted = t.match_in("现在中方应日方请求，同意香香在日本多待一段时间。");
        let told = t.match_in("香香送还中国的时间推迟到今年12月31日。");
        assert!(granted > told, "{granted:?} {told:?}");
    }

    #[test]
    fn what_an_argument_rests_on_is_a_reason_given() {
        // The ministry gives its reasons as the facts and premises it argues from, seldom
        // with 因为.
        let t = AnswerType::of_question("洪磊为什么认为不合适？");
        let told = t.match_in("APEC是经贸合作论坛。");
        for given in [
            "不引入敏感问题是APEC机制存在和发展的重要前提。",
            "事实上，登盛先生是中国人民的老朋友。",
            "众所周知，所谓联合国军是冷战时期的产物。",
            // The root of a problem is why it lasts.
            "半岛问题延宕多年，病根是清楚的，就是冷战残余犹存。",
        ] {
            assert!(t.match_in(given) > told, "{given}");
        }
        // A reason told without a word that marks it is not counted wholly missing.
        assert_eq!(told, Some(0.25));
    }

    #[test]
    fn figures_asked_are_a_count() {
        for q in [
            "中方用什么数据说明西藏是开放的？",
            "赵立坚拿出了哪些统计数据？",
        ] {
            assert!(AnswerType::of_question(q).count, "{q}");
        }
        assert!(!AnswerType::of_question("中方在数据安全上是什么立场？").count);
    }

    #[test]
    fn questions_in_chat_words_ask_the_same() {
        assert!(AnswerType::of_question("中国为啥要公布这些地名？").reason);
        assert!(AnswerType::of_question("凭什么说中国是债务陷阱？").reason);
        assert!(AnswerType::of_question("微博是啥时候开通的？").date);
        assert!(AnswerType::of_question("外交部咋看这件事？").stance);
        assert!(AnswerType::of_question("中方当时做了啥？").action);
        assert!(AnswerType::of_question("对此中方有何评论？").stance);
        assert!(AnswerType::of_question("耿爽怎么解释？").stance);
        // What one holds another should do is a stance.
        assert!(AnswerType::of_question("中方认为国际刑事法院应该怎么行使管辖权？").stance);
        assert!(AnswerType::of_question("外交部对美方提了什么要求？").action);
        assert!(AnswerType::of_question("中方会怎么应对？").action);
        assert!(AnswerType::of_question("这个倡议最初是谁提出来的？").person);
        assert!(AnswerType::of_question("这次谁来带队？").person);
        // Whose job it is may be a country's or a body's (由马方负责), not a person's.
        assert!(!AnswerType::of_question("搜救应该由谁来负主要责任？").person);
        assert!(AnswerType::of_question("被扣的是哪国的船？").which);
        assert!(AnswerType::of_question("承建港口的是什么公司？").which);
        // Which officials: people, named with their offices (外务相李洙墉, 第一副外相金桂冠).
        let t = AnswerType::of_question("武大伟去平壤，都见了朝鲜哪些官员？");
        assert!(t.person && t.list);
        // 干吗 is also 干 + 吗 (will China do it?), which asks no reason.
        assert!(!AnswerType::of_question("中国愿意跟它们一起干吗？").reason);
    }

    #[test]
    fn a_count_of_a_thing_is_a_count_of_that_thing() {
        let t = AnswerType::of_question("一共有多少个派别签了字？");
        assert_eq!(t.counted, Some('派'));
        assert_eq!(t.match_in("巴勒斯坦14个派别签署了宣言。"), Some(1.0));
        assert_eq!(t.match_in("宣言包括8项内容。"), Some(0.5));
        let t = AnswerType::of_question("有多少个国家参加？");
        assert_eq!(t.match_in("共有151国代表参加。"), Some(1.0));
        // Which ones is no count of them, and examples asked are no count at all.
        assert_eq!(AnswerType::of_question("分成哪几个分队？").counted, None);
        assert!(!AnswerType::of_question("能举几个例子吗？").count);
        // "The several powers' envoys" while 哪些 asks the question.
        assert!(!AnswerType::of_question("几个核大国的代表打算聊哪些事？").count);
        assert!(AnswerType::of_question("有几个核大国的代表出席？").count);
    }

    #[test]
    fn how_long_is_answered_by_a_span() {
        let t = AnswerType::of_question("这场记者会开了多长时间？");
        assert!(t.count);
        assert_eq!(t.match_in("记者会历时1小时30分钟。"), Some(1.0));
        assert_eq!(t.match_in("记者会在人民大会堂举行。"), Some(0.0));
        // Those few media already named (那几家) are no count of media asked.
        let t = AnswerType::of_question("那几家美媒的记者要在多长时间内交回记者证？");
        assert!(t.count && t.unit.is_none());
        assert_eq!(t.match_in("有关记者须于10天内交还记者证。"), Some(1.0));
    }

    #[test]
    fn a_rough_number_is_no_count_asked_but_may_be_given() {
        // "Dozens died; were any Chinese among them?" asks whether, not how many.
        let q = "喀麦隆火车出轨死了几十个人，里面有中国人吗？";
        let t = AnswerType::of_question(q);
        assert!(t.rough_count && !t.asks_only_a_detail(q));
        // The passage that gives the number still ranks higher.
        assert_eq!(t.match_in("事故已造成55人死亡"), Some(1.0));
        assert!(AnswerType::of_question("十几个国家参加了会议，中方怎么看？").rough_count);
        // A count asked before whether: the answer to whether may leave the number out.
        let q = "中国打算再建几座电站，会不会影响下游国家？";
        let t = AnswerType::of_question(q);
        assert!(t.count && t.rough_count && !t.asks_for_a_kind());
        assert!(!AnswerType::of_question("会不会影响下游，中国打算再建几座电站？").rough_count);
        let q = "墨尔本几所大学里贴出海报，外交部希望澳方怎么做？";
        assert!(AnswerType::of_question(q).rough_count);
        // Two counts asked are still asked.
        let q = "死了多少人，其中有几个中国人？";
        assert!(!AnswerType::of_question(q).rough_count);
        assert!(!AnswerType::of_question("中国几乎所有省份都受灾了吗？").count);
        // A few days or years ago, these past months: when, not how many.
        for said in [
            "这几年中美关系怎么样？",
            "近几年中国对非洲援助有什么变化？",
            "前几天朝鲜试射导弹，中方怎么看？",
            "几年前中国就提出了这个倡议，现在进展如何？",
            "过去几个月中印边境局势怎么样？",
            "最近几天香港局势如何？",
            "中方多少有些不满吗？",
            "多少年来中国一直坚持不干涉内政，为什么？",
            // Names that hold 几: Guinea is no count.
            "巴布亚新几内亚大地震以后，当地的中国企业帮了什么忙？",
            "中方怎么看几内亚比绍的总统选举？",
        ] {
            assert!(!AnswerType::of_question(said).count, "{said}");
        }
        assert!(AnswerType::of_question("这次一共来了几个国家？").count);
        assert!(AnswerType::of_question("中国连续多少年是非洲最大贸易伙伴？").count);
        assert!(AnswerType::of_question("金正恩在中国待了几天？").count);
        // A count asked beside a rough number is still asked.
        let t = AnswerType::of_question("几百人受伤，其中有几个中国人？");
        assert!(t.count && t.of_chinese && !t.rough_count);
        let t = AnswerType::of_question("好几个国家派了人，一共派了多少人？");
        assert!(t.count && !t.rough_count);
    }

    #[test]
    fn a_span_of_days_says_how_many_days() {
        let t = AnswerType::of_question("金正恩在中国待了几天？");
        assert_eq!(
            t.match_in("金正恩于3月25日至28日对我国进行了非正式访问"),
            Some(1.0)
        );
        assert_eq!(t.match_in("金正恩对我国进行了非正式访问"), Some(0.0));
    }

    #[test]
    fn anniversaries_count_in_years() {
        let t = AnswerType::of_question("中阿合作论坛今年成立几周年？");
        assert!(t.count && t.unit == Some('周'));
        assert_eq!(t.match_in("中阿合作论坛迎来成立20周年"), Some(1.0));
        assert_eq!(t.match_in("中阿合作论坛成立于2004年"), Some(0.0));
    }

    #[test]
    fn a_magnitude_is_part_of_the_number() {
        let t = AnswerType::of_question("外交部去年处理了多少起领保案件？");
        assert_eq!(t.unit, Some('起'));
        assert_eq!(t.match_in("处理各类案件8万多起"), Some(1.0));
        assert_eq!(t.match_in("受理求助来电53万多通"), Some(0.0));
        let t = AnswerType::of_question("“三个确保”是哪三个？");
        assert!(t.list && !t.count);
        assert_eq!(
            t.match_in("一是确保有益，二是确保安全，三是确保公平。"),
            Some(1.0)
        );
        assert_eq!(t.match_in("中方提出“三个确保”。"), Some(0.0));
        assert!(!AnswerType::of_question("概括成哪四个字？").list);
        assert!(!AnswerType::of_question("是哪一年提出的？").list);
        let t = AnswerType::of_question("中国同哪些国家互免签证？");
        assert_eq!(
            t.match_in("同新马泰等20多个国家实现全面互免签证"),
            Some(1.0)
        );
    }

    #[test]
    fn people_count_in_any_of_their_units() {
        let t = AnswerType::of_question("派了多少人？");
        assert_eq!(t.match_in("共有4名中国公民"), Some(1.0));
    }

    #[test]
    fn a_count_in_any_unit_answers_how_many() {
        let t = AnswerType::of_question("一共有几个中国人遇难？");
        assert!(t.count && t.unit.is_none());
        assert_eq!(t.match_in("共有4名中国公民在事件中遇难"), Some(1.0));
        let t = AnswerType::of_question("一共撤出来几个人？");
        assert!(t.count && t.unit.is_none());
        assert_eq!(t.match_in("1200余名员工已于6月27日全部撤出"), Some(1.0));
    }

    #[test]
    fn dates_people_and_reasons() {
        let t = AnswerType::of_question("外交部发言人办公室是哪天开通微博的");
        assert!(t.date && !t.count);
        assert_eq!(t.match_in("5月20日，微博账号正式上线"), Some(1.0));
        assert_eq!(t.match_in("微博账号正式上线"), Some(0.0));
        assert_eq!(t.match_in("今日，微博账号正式上线"), Some(1.0));
        // A day asked is not given by a season or "in due course", and half by a month.
        assert!(t.day);
        assert_eq!(t.match_in("峰会将于今年秋天在中国举办"), Some(0.0));
        assert_eq!(t.match_in("我们将适时向联大提交决议草案"), Some(0.0));
        assert_eq!(t.match_in("2019年5月，微博账号正式上线"), Some(0.5));
        // A year asked is given by a year, and half by a month alone.
        let t = AnswerType::of_question("12308热线是哪一年开通的？");
        assert!(t.year && !t.day);
        assert_eq!(t.match_in("2014年9月，12308热线正式开通"), Some(1.0));
        assert_eq!(t.match_in("9月，12308热线正式开通"), Some(0.5));
        // A time in words is half an answer to "when".
        let t = AnswerType::of_question("国际客运航班什么时候恢复？");
        assert_eq!(t.match_in("推动国际客运航班加快恢复"), Some(0.5));
        // A month alone, or last year, says when.
        let t = AnswerType::of_question("《全球人工智能治理倡议》是什么时候提出来的？");
        assert_eq!(t.match_in("去年10月，习近平主席提出倡议"), Some(1.0));
        assert_eq!(t.match_in("2019年3月，中方提出"), Some(1.0));
        let t = AnswerType::of_question("李光耀的葬礼，中国派谁去参加了？");
        assert!(t.person);
        assert_eq!(t.match_in("李源潮副主席将代表中方出席"), Some(1.0));
        let t = AnswerType::of_question("中国为什么公布标准地名？");
        assert!(t.reason);
        assert_eq!(t.match_in("由于正在开展地名普查"), Some(1.0));
    }

    #[test]
    fn sides_and_counted_things_are_a_list() {
        let t = AnswerType::of_question("中方要支持非洲在哪些层面实现真正的自主？");
        assert_eq!(
            t.match_in("支持非洲获得思想上和观念上的真正独立"),
            Some(1.0)
        );
        let t = AnswerType::of_question("常设仲裁法院是依照哪些条约成立的？");
        assert_eq!(
            t.match_in("常设仲裁法院系根据1899年和1907年两项《和平解决国际争端公约》建立"),
            Some(1.0)
        );
        assert_eq!(t.match_in("常设仲裁法院设于荷兰海牙"), Some(0.0));
        let t = AnswerType::of_question("习近平向哪些国家的领导人表示慰问？");
        assert_eq!(
            t.match_in("习近平主席已分别向埃塞俄比亚和肯尼亚领导人致慰问电"),
            Some(1.0)
        );
    }

    #[test]
    fn lately_is_half_a_date() {
        let t = AnswerType::of_question("填海作业什么时候结束？");
        assert_eq!(t.match_in("已于近日完成陆域吹填工程"), Some(0.5));
        assert_eq!(t.match_in("工程已经完成"), Some(0.0));
    }

    #[test]
    fn an_occasion_a_year_span_and_whether_any_are_read_apart() {
        // An occasion is named by its meeting, which no tagger takes for a place.
        let t = AnswerType::of_question("八项行动是在什么场合宣布的？");
        assert!(t.place && t.occasion);
        let tagged = |_: &str| NewNames {
            any: false,
            person: false,
            tagged: true,
        };
        assert_eq!(
            t.match_near_with(
                "在第三届“一带一路”国际合作高峰论坛上宣布了八项行动",
                &[],
                &tagged
            ),
            Some(1.0)
        );
        assert_eq!(
            t.match_near_with("习近平主席宣布了八项行动", &[], &tagged),
            Some(0.0)
        );
        // 哪几年 asks years, not a list.
        let t = AnswerType::of_question("中国担任亚信主席国是哪几年？");
        assert!(t.date && t.year && !t.list);
        // 有没有哪个国家 asks whether any would.
        assert!(!AnswerType::of_question("有没有哪个国家可以自己另立规矩？").which);
        assert!(AnswerType::of_question("哪个国家另立了规矩？").which);
        // The several, in a clause another word asks, are no count asked.
        assert!(!AnswerType::of_question("中方怎么看待几个AI强国之间的协作？").count);
        assert!(AnswerType::of_question("有几个AI强国？").count);
    }

    #[test]
    fn parallel_clauses_are_a_list() {
        let t = AnswerType::of_question("王毅提到要推动哪些交往？");
        assert!(t.list);
        assert_eq!(
            t.match_in("大力开展文明对话，大力支持各国民间和地方交往，大力开展人文交流，让丝路精神深入人心。"),
            Some(1.0)
        );
        // Two alike are not yet a list; nor are three alike in different sentences.
        assert_eq!(
            t.match_in("大力开展文明对话，大力支持地方交往。"),
            Some(0.0)
        );
        assert_eq!(
            t.match_in("大力开展对话。大力支持交往。大力开展交流。"),
            Some(0.0)
        );
        // Predicates listed after 是.
        let t = AnswerType::of_question("中国在联合国有哪些“第一”？");
        assert_eq!(
            t.match_in("中国是第一个在联合国宪章上签字的国家，是派遣维和人员最多的常任理事国，是联合国第二大会费国。"),
            Some(1.0)
        );
        // A paragraph that opens a list its next paragraphs give.
        assert_eq!(t.match_in("今年我们将重点抓好三件大事："), Some(1.0));
        assert_eq!(t.match_in("今年我们将重点抓好三件大事:"), Some(1.0));
    }

    #[test]
    fn which_ones_want_a_list_and_where_a_place() {
        let t = AnswerType::of_question("中国具体跟哪几个国家建立了对话机制？");
        assert!(t.list && !t.count);
        assert_eq!(t.match_in("迄今已经与一些国家建立了对话机制"), Some(0.0));
        assert_eq!(t.match_in("同俄罗斯、法国建立了对话机制"), Some(1.0));
        // Items in quotation or title marks, listed with 、.
        let t = AnswerType::of_question("划设防空识别区依据的是哪些法律？");
        assert_eq!(
            t.match_in("根据是中国《国防法》、《民用航空法》、《飞行基本规则》等国内法"),
            Some(1.0)
        );
        assert_eq!(
            t.match_in("四项议题分别是：“区域宏观经济形势与展望”、“基础设施投融资合作”"),
            Some(1.0)
        );
        // Things counted out, each with its number.
        let t = AnswerType::of_question("丝路基金给意大利捐了哪些抗疫物资？");
        assert_eq!(t.match_in("捐赠2万只N95口罩、2万人份检测试剂"), Some(1.0));
        assert_eq!(t.match_in("在4月、8月和9月累计提供援助"), Some(0.0));
        // Two joined by 和, where the sentence says they are several.
        assert_eq!(
            t.match_in("包括5万升马拉硫磷杀虫剂和14台喷洒设备"),
            Some(1.0)
        );
        assert_eq!(t.match_in("惠誉和穆迪均给予亚投行最高信用评级"), Some(1.0));
        let t = AnswerType::of_question("专家组是由哪些机构组建的？");
        assert_eq!(
            t.match_in("由国家卫生健康委员会和中国红十字会总会共同组建"),
            Some(1.0)
        );
        assert_eq!(t.match_in("由国家卫生健康委员会组建"), Some(0.0));
        // A body may be an authority.
        let t = AnswerType::of_question("中方是向越方哪个机构通报的？");
        let names = |text: &str| NewNames {
            any: text.contains("胡志明"),
            person: false,
            tagged: true,
        };
        assert_eq!(
            t.match_near_with("中方已向胡志明飞行情报区管理当局作了通报", &[], &names),
            Some(1.0)
        );
        // Deeds are listed in a row of clauses as well as named.
        let t = AnswerType::of_question("中国驻委使馆采取了哪些措施？");
        assert!(t.list_of_deeds);
        assert_eq!(
            t.match_in("使馆立即启动应急领保机制，发布安全提醒，了解中国公民损失情况。"),
            Some(1.0)
        );
        assert_eq!(t.match_in("使馆立即启动应急领保机制。"), Some(0.0));
        // Other things asked for are not listed that way.
        let t = AnswerType::of_question("中方拿出了哪些证据？");
        assert_eq!(
            t.match_in("使馆立即启动应急领保机制，发布安全提醒，了解中国公民损失情况。"),
            Some(0.0)
        );
        let t = AnswerType::of_question("中方安排了哪几位领导人跟他会谈？");
        assert_eq!(
            t.match_in("杨洁篪国务委员将会见蒂勒森国务卿，王毅外长将同蒂勒森国务卿举行会谈。"),
            Some(1.0)
        );
        let t = AnswerType::of_question("王毅要见哪几位新方领导人？");
        assert_eq!(t.match_in("王毅将会见哈莉玛总统和李显龙总理"), Some(1.0));
        assert_eq!(t.match_in("王毅将会见李显龙总理"), Some(0.0));
        let t = AnswerType::of_question("中方对西班牙表达了哪些祝愿？");
        assert_eq!(
            t.match_in("我们希望西班牙政治稳定，经济发展，人民幸福。"),
            Some(1.0)
        );
        assert_eq!(t.match_in("中国和平发展"), Some(0.0));
        let t = AnswerType::of_question("外国记者报道过哪些中国故事？");
        assert_eq!(
            t.match_in("从太空接力到极限深潜，从荒漠化治理到低碳生活"),
            Some(1.0)
        );
        // Passages are matched in their normal form, whose commas are ASCII.
        let normal = crate::text::normalize_str("从太空接力到极限深潜，从荒漠化治理到低碳生活");
        assert!(normal.contains(','));
        assert_eq!(t.match_in(&normal), Some(1.0));
        let t = AnswerType::of_question("峰会在俄罗斯哪个城市举行？");
        assert!(t.place && t.which);
        // The engine's tagger says 喀山 is a place the question does not name.
        let names = |text: &str| NewNames {
            any: text.contains("喀山"),
            person: false,
            tagged: false,
        };
        assert_eq!(
            t.match_near_with("支持俄罗斯办好峰会", &[], &names),
            Some(0.0)
        );
        assert_eq!(
            t.match_near_with("峰会将在喀山举行", &[], &names),
            Some(1.0)
        );
        // China, as 华, is a place no tagger names.
        let t = AnswerType::of_question("下一轮对话准备放在哪里办？");
        let tagged = |_: &str| NewNames {
            any: false,
            person: false,
            tagged: true,
        };
        assert_eq!(
            t.match_near_with("将于明年在华举办下一轮对话", &[], &tagged),
            Some(1.0)
        );
        assert_eq!(
            t.match_near_with("将于明年举办下一轮对话", &[], &tagged),
            Some(0.0)
        );
    }

    #[test]
    fn only_sentences_on_the_subject_answer() {
        let t = AnswerType::of_question("王毅第一次当外交部长是哪一年？");
        let passage = "2024年是新中国成立75周年。外交部长的工作很忙。";
        assert_eq!(t.match_in(passage), Some(1.0));
        assert_eq!(t.match_near(passage, &["外交部长"]), Some(0.5));
        assert_eq!(
            t.match_near("外交部长2013年上任。", &["外交部长"]),
            Some(1.0)
        );
    }

    #[test]
    fn a_name_asked_for_is_a_name_given() {
        let t = AnswerType::of_question("郭川驾驶的那艘帆船叫什么名字？");
        assert!(t.name && t.is_specific());
        assert_eq!(t.match_in("郭川驾驶单人帆船横跨太平洋"), Some(0.0));
        assert_eq!(t.match_in("郭川驾驶“中国·青岛”号帆船"), Some(1.0));
        // A sentence quoted is not a name.
        assert_eq!(
            t.match_in("媒体关于“埃塞克斯郡发现39人死亡”的报道"),
            Some(0.0)
        );
        let normal = crate::text::normalize_str("他说“好，我们继续”就走了");
        assert_eq!(t.match_in(&normal), Some(0.0));
        let t = AnswerType::of_question("首批撤离的中国公民坐的是哪一艘军舰？");
        assert!(t.name);
        // Which ships, too, are answered by their names.
        assert!(AnswerType::of_question("中国派了哪几艘军舰？").name);
        assert_eq!(t.match_in("海军舰艇编队赶赴也门"), Some(0.0));
        // A ship's name may hold digits.
        let t = AnswerType::of_question("搜救部门派了哪艘船去？");
        assert_eq!(t.match_in("迅速派出“南海救117”船赴有关海域"), Some(1.0));
        assert_eq!(t.match_in("美方派出两艘军舰前往事发海域"), Some(0.0));
        assert_eq!(t.match_in("临沂舰搭载122名中国公民"), Some(1.0));
        let t = AnswerType::of_question("高仓健去世的时候多大年纪？");
        assert!(t.count && t.unit == Some('岁'));
        assert_eq!(t.match_in("高仓健先生享年83岁"), Some(1.0));
        assert_eq!(t.match_in("我们对他的逝世表示哀悼"), Some(0.0));
        // What a thing is called in words is not a proper name.
        assert!(!AnswerType::of_question("接下来的十年叫什么？").name);
        // A document asked for is named by its title.
        let t = AnswerType::of_question("中国和东盟在救灾方面正在谈哪份文件？");
        assert!(t.name);
        assert_eq!(t.match_in("中国愿与地区国家开展灾害管理合作"), Some(0.0));
        assert_eq!(
            t.match_in("正在商谈签署《灾害管理合作谅解备忘录》"),
            Some(1.0)
        );
        assert!(AnswerType::of_question("双方签了哪几项协议？").name);
        // … and so is one asked for by what it is (达成了什么文件), or still to be written.
        let t = AnswerType::of_question("对话达成了什么文件和机制？");
        assert!(t.which);
        assert_eq!(
            t.match_in("双方达成了《打击网络犯罪及相关事项指导原则》"),
            Some(1.0)
        );
        let t = AnswerType::of_question("中方希望峰会最后达成个什么文件？");
        assert_eq!(t.match_in("达成各方都受益的“未来契约”"), Some(1.0));
    }

    #[test]
    fn who_was_sent_is_named_where_someone_goes() {
        let t = AnswerType::of_question("卡斯特罗去世后，中国派谁去古巴参加悼念活动？");
        assert!(t.person && t.envoy);
        assert_eq!(
            t.match_in("国家主席习近平已向劳尔·卡斯特罗主席致唁电。"),
            Some(0.0)
        );
        assert_eq!(
            t.match_in("国家副主席李源潮将作为特使赴古巴参加有关悼念活动。"),
            Some(1.0)
        );
        // A delegation that names no one says only that someone goes.
        let t = AnswerType::of_question("华春莹说中国派谁带团去维也纳？");
        assert_eq!(t.match_in("中方将派适当级别代表团参加谈判。"), Some(0.0));
        assert_eq!(t.match_in("中国外交部副部长李保东将率团出席。"), Some(1.0));
        // A special representative on a tour to mediate.
        let t = AnswerType::of_question("中国为调解南苏丹冲突派了谁去当地斡旋？");
        assert_eq!(
            t.match_in("钟建华特别代表目前已出访南苏丹及周边国家。"),
            Some(1.0)
        );
    }

    #[test]
    fn who_wants_someone_the_question_does_not_name() {
        let q = "邓锡军去当驻东盟大使了，接替他的阿富汗事务特使是谁？";
        let t = AnswerType::of_question(q);
        assert!(t.person && !t.envoy);
        assert!(AnswerType::of_question("阿富汗事务特使换成了谁？").person);
        // A person's name asked is who, not a name in quotation marks.
        let named = AnswerType::of_question("巴方派来的两位特使叫什么名字？");
        assert!(named.person && !named.name);
        let ship = AnswerType::of_question("那艘军舰叫什么名字？");
        assert!(ship.name && !ship.person);
        // The engine's tagger finds 刘健 new to the question, and 邓锡军 not.
        let names = |text: &str| NewNames {
            any: text.contains("刘健"),
            person: text.contains("刘健"),
            tagged: false,
        };
        assert_eq!(
            t.match_near_with(
                "中方已任命刘健先生为新任中国外交部阿富汗事务特使。",
                &[],
                &names
            ),
            Some(1.0)
        );
        assert_eq!(
            t.match_near_with(
                "原外交部阿富汗事务特使邓锡军在任期间作出了积极贡献。",
                &[],
                &names
            ),
            Some(0.0)
        );
    }

    #[test]
    fn which_one_wants_a_name_the_question_lacks() {
        let t = AnswerType::of_question("那架飞机是在哪儿失联的？");
        assert!(t.which && t.is_specific());
        assert!(AnswerType::of_question("先停靠在哪个港口？").which);
        assert!(AnswerType::of_question("是哪家媒体的？").which);
        assert!(AnswerType::of_question("外交部引用了哪项民调来反击？").which);
        let cemetery = AnswerType::of_question("烈士遗骸安葬在哪座烈士陵园？");
        assert!(cemetery.which && cemetery.which_mark.is_some());
        // A list of countries is a list, not one of them.
        assert!(!AnswerType::of_question("哪些国家支持？").which);
        let names = |text: &str| NewNames {
            any: text.contains("夏威夷"),
            person: false,
            tagged: false,
        };
        assert_eq!(
            t.match_near_with("在夏威夷西北约500海里处失联", &[], &names),
            Some(1.0)
        );
        assert_eq!(t.match_near_with("与岸上团队失联", &[], &names), Some(0.0));
        // Which company is answered by a company's name, half by a place's.
        let t = AnswerType::of_question("遇难的两名中国公民是哪家企业的员工？");
        let names = |text: &str| NewNames {
            any: text.contains("赛宋奔") || text.contains("中铁"),
            person: false,
            tagged: false,
        };
        let company = t.match_near_with("两人是中铁五局集团的员工", &[], &names);
        let place = t.match_near_with("暴力分子在赛宋奔省发动袭击", &[], &names);
        assert_eq!((company, place), (Some(1.0), Some(0.5)));
        // Which province is answered by one named without 省.
        let t = AnswerType::of_question("全国外办主任会是在哪个省开的？");
        let names = |text: &str| NewNames {
            any: text.contains("安徽") || text.contains("巴黎"),
            person: false,
            tagged: false,
        };
        let province = t.match_near_with("出席在安徽举行的全国地方外办主任会议", &[], &names);
        let city = t.match_near_with("出席在巴黎举行的会议", &[], &names);
        assert_eq!((province, city), (Some(1.0), Some(0.5)));
        // Which organisation is answered by a society's name, half by a leader's.
        let t = AnswerType::of_question("中国哪个组织已经送去了人道援助？");
        let names = |text: &str| NewNames {
            any: text.contains("红十字会") || text.contains("卡尔扎伊"),
            person: false,
            tagged: false,
        };
        let society = t.match_near_with(
            "中国红十字会已向阿红新月会提供紧急人道主义援助",
            &[],
            &names,
        );
        let leader = t.match_near_with("习近平主席已向卡尔扎伊总统致电慰问", &[], &names);
        assert_eq!((society, leader), (Some(1.0), Some(0.5)));
        // Which document is answered by a title, which no tagger names, half by a place.
        let t = AnswerType::of_question("中国和东盟在防灾方面正在谈哪份文件？");
        assert_eq!(WHICH_MARKS[DOCUMENT_MARK].0.as_str(), DOCUMENT_KINDS);
        let names = |text: &str| NewNames {
            any: text.contains("东亚"),
            person: false,
            tagged: true,
        };
        let title = t.match_near_with("正在商谈签署《灾害管理合作谅解备忘录》", &[], &names);
        let place = t.match_near_with("愿以东亚合作为平台开展灾害管理合作", &[], &names);
        assert!(title > place && place > Some(0.0), "{title:?} {place:?}");
    }

    #[test]
    fn who_holds_a_role_wants_a_person() {
        let t = AnswerType::of_question("为叙利亚化武海运护航的盐城舰，舰长是谁？");
        assert!(t.person);
        assert_eq!(t.match_in("护卫舰盐城舰起航赴地中海执行任务"), Some(0.0));
        // Another office named is no answer: the role asked is.
        assert_eq!(t.match_in("塞浦路斯国防部长到港迎接"), Some(0.0));
        assert_eq!(t.match_in("盐城舰舰长某某上校介绍"), Some(1.0));
        assert!(AnswerType::of_question("文艺演出的总导演是谁？").person);
        assert!(AnswerType::of_question("代表团团长是谁？").person);
        // 由谁 may want a country or a body (由谁主办: 俄罗斯).
        assert!(!AnswerType::of_question("大金砖峰会由谁主办？").person);
        // Who someone is: any account of them answers.
        assert!(!AnswerType::of_question("韩飞龙是谁？").person);
        // The spokesperson asked for is the passage's speaker, said beside every quote.
        assert!(!AnswerType::of_question("哪位发言人说过美国是黑客帝国").person);
        assert!(!AnswerType::of_question("那天的外交部发言人是谁？").person);
        assert!(AnswerType::of_question("哪位发言人说过哪位领导人将出席").person);
    }

    #[test]
    fn the_time_of_an_event_is_read() {
        assert!(AnswerType::of_question("曼德拉去世时，洪磊是怎么评价他的").at_the_time);
        assert!(AnswerType::of_question("安倍参拜靖国神社那天，秦刚怎么说").at_the_time);
        // The colloquial ways of saying it (那会儿, 那阵子).
        assert!(AnswerType::of_question("张成泽被撤职那会儿，中国官方怎么表态").at_the_time);
        assert!(AnswerType::of_question("越南反华打砸那阵子，中国是怎么接回员工的").at_the_time);
        assert!(!AnswerType::of_question("什么时候恢复航班").at_the_time);
        assert!(!AnswerType::of_question("后来撤掉了没有").at_the_time);
        assert!(AnswerType::of_question("曼德拉去世时洪磊是怎么评价他的").at_the_time);
        assert!(!AnswerType::of_question("同时中方做了什么").at_the_time);
        assert!(!AnswerType::of_question("会谈持续了多长时间").at_the_time);
    }

    #[test]
    fn questions_without_a_kind_match_nothing() {
        let t = AnswerType::of_question("中方对人工智能合作持什么立场？");
        assert!(!t.is_specific());
        assert_eq!(t.match_in("任何文字"), None);
    }

    #[test]
    fn a_count_of_no_unit_is_no_year_and_seldom_an_anniversary() {
        let t = AnswerType::of_question("有多少美国学生到中国留学？");
        assert!(t.count && t.unit.is_none());
        assert_eq!(t.match_in("2019年，双方举办了纪念活动。"), Some(0.0));
        assert_eq!(
            t.match_in("中美留学40周年纪念活动在华盛顿举行。"),
            Some(0.5)
        );
        assert_eq!(t.match_in("有33万多名美国学生来华学习。"), Some(1.0));
        // How long is answered by a span.
        let t = AnswerType::of_question("这场记者会开了多长时间？");
        assert_eq!(t.match_in("记者会持续了2小时。"), Some(1.0));
        // Books are counted (7本白皮书).
        let t = AnswerType::of_question("中方一共出了几本白皮书？");
        assert_eq!(t.unit, Some('本'));
        assert_eq!(t.match_in("中方已发布了7本白皮书。"), Some(1.0));
    }

    #[test]
    fn an_official_asked_for_names_no_role() {
        let t = AnswerType::of_question("和印方司长对谈的中方官员是谁？");
        assert!(t.person && t.role.is_none());
        assert!(AnswerType::of_question("这艘船的舰长是谁？").role.is_some());
    }

    #[test]
    fn an_office_without_a_name_says_who_is_sent() {
        let t = AnswerType::of_question("伊核协议联委会中方派谁参加？");
        assert!(t.envoy);
        assert_eq!(
            t.match_in("外交部军控司负责人将出席联合委员会会议。"),
            Some(1.0)
        );
        assert_eq!(t.match_in("联合委员会会议将在维也纳召开。"), Some(0.0));
    }

    #[test]
    fn hopes_benefits_the_past_sayings_and_mockery_are_aspects() {
        for (q, answer) in [
            (
                "中国对朝鲜表达了哪些期望？",
                "我们希望朝鲜保持政治稳定，实现经济发展。",
            ),
            (
                "这对香港有什么好处？",
                "有利于提升香港作为区域仲裁中心的地位。",
            ),
            (
                "洪磊翻出了哪段历史？",
                "日本曾在二战期间非法侵占中国南海诸岛。",
            ),
            (
                "华春莹用哪个寓言故事来提醒他们？",
                "你们听说过“狼来了”的故事吧？",
            ),
            ("他引用了哪句老话？", "“路遥知马力，日久见人心。”"),
            (
                "华春莹怎么挖苦美方？",
                "美国一些人都可以成为科幻小说的大师了！",
            ),
        ] {
            let t = AnswerType::of_question(q);
            assert!(t.aspects != 0, "{q}");
            assert!(t.response_in(answer).is_some_and(|r| r > 0.0), "{q}");
            assert_eq!(t.response_in("双方举行了会谈。"), Some(0.0), "{q}");
        }
        // 什么希望 is asked in the question's own word, which the passage holds or not.
        assert_eq!(AnswerType::of_question("对以方提出了什么希望？").aspects, 0);
        // The name of the aspect is no subject a passage must hold.
        for word in ["期待", "好处", "身份", "挖苦"] {
            assert!(names_an_aspect(word), "{word}");
        }
    }

    #[test]
    fn a_first_answers_whether_it_happened_before() {
        for q in [
            "这种联合访华以前有过吗？",
            "这是中方头一回派团参加此类会议吗？",
            "这是不是第一次？",
        ] {
            assert!(AnswerType::of_question(q).first_time, "{q}");
        }
        // The first time as the setting, or which time it is (a rank), asks no such thing.
        assert!(!AnswerType::of_question("赵立坚头一回主持记者会时被问到什么？").first_time);
        assert!(!AnswerType::of_question("这是他第几次访非？").first_time);
        let t = AnswerType::of_question("这种联合访华以前有过吗？");
        assert_eq!(
            t.match_in("这是北欧和波罗的海国家议长首次联合访华。"),
            Some(1.0)
        );
        // Whether it happened before may be told without a first: half a miss.
        assert_eq!(t.match_in("议长们将于1月7日至13日联合访华。"), Some(0.5));
        // A first of a kind makes a thing special (第一支成建制作战部队).
        let t = AnswerType::of_question("这支维和步兵营有什么特别之处？");
        assert!(
            t.response_in("这是中国派出的第一支成建制作战部队。")
                .is_some_and(|r| r > 0.0)
        );
    }

    #[test]
    fn a_standing_among_others_is_what_makes_a_thing_special() {
        // 在…中的地位 asks what sets it apart: the first of its kind, or the first named.
        let t = AnswerType::of_question("外交部怎么评价这个协定在中国对外自贸协定中的地位？");
        assert!(
            t.response_in("这是中国同欧洲大陆国家的首个自由贸易协定。")
                .is_some_and(|r| r > 0.0)
        );
        let t = AnswerType::of_question("外交部说这次引渡有什么特别意义？");
        assert!(
            t.response_in("这是中方从法国引渡回的首名逃犯。")
                .is_some_and(|r| r > 0.0)
        );
        assert_eq!(
            AnswerType::of_question("这个协定什么时候生效？").response_in("首名逃犯"),
            None
        );
    }

    #[test]
    fn the_several_a_possessive_sets_apart_are_no_count_in_a_clause_asking_else() {
        let q = "达赖窜访蒙古以后，中蒙的几个会议被无限期推迟了吗";
        assert!(!AnswerType::of_question(q).count);
        // Ending on them, the question asks how many.
        assert!(AnswerType::of_question("习近平宣布了中方下一步的几项行动？").count);
    }

    #[test]
    fn calling_a_matter_internal_or_congratulating_is_a_stance() {
        let t = AnswerType::of_question("张成泽被撤职那会儿，中国官方怎么表态");
        for said in [
            "我们注意到了相关报道。这是朝鲜内部事务。",
            "我们对他当选表示热烈祝贺。",
        ] {
            assert!(t.response_in(said).is_some_and(|r| r > 0.0), "{said}");
        }
        assert_eq!(t.response_in("会谈于昨天举行。"), Some(0.0));
    }

    #[test]
    fn the_asking_clause_follows_the_last_comma() {
        assert_eq!(
            asking_clause("有人指责中国倾销钢铁,华春莹怎样看待这类问题?"),
            "华春莹怎样看待这类问题"
        );
        assert_eq!(asking_clause("中国派了哪些救援队?"), "中国派了哪些救援队");
        // A comma closing the question is no clause of its own.
        assert_eq!(asking_clause("中方怎么看,"), "中方怎么看");
        assert_eq!(asking_clause("萨德部署以后，中方怎么看，"), "中方怎么看");
    }

    #[test]
    fn a_response_asked_plainly_is_told_apart_from_a_detail_of_it() {
        for q in [
            "马英九说抗战是国民党主导的, 华春莹 怎么回应",
            "麻省理工学院不跟华为中兴合作了，外交部什么态度",
            "有日本史学家拿出古地图说钓鱼岛属于中国，外交部怎么回应？",
            "秦刚是怎么回应的？",
        ] {
            assert!(AnswerType::of_question(q).plain_response, "{q}");
        }
        for q in [
            // A detail, a reason or a point of the response is asked, not the response.
            "美国国务院说广州对待非洲人很可耻，中方用什么理由反驳？",
            "马英九说抗战是国民党主导的，华春莹怎么回应这个说法的依据",
            "萨德部署以后，中方对韩国怎么看",
            "外交部怎么回应，最后奉劝了什么？",
            "这次访问有什么意义？",
        ] {
            assert!(!AnswerType::of_question(q).plain_response, "{q}");
        }
    }

    #[test]
    fn how_it_was_decided_is_more_than_the_detail() {
        let q = "中日战略对话选在什么时间、什么地点，外交部说是怎么定的？";
        let t = AnswerType::of_question(q);
        assert!(t.date && t.place);
        assert!(!t.asks_only_a_detail(q));
        let q = "中日战略对话选在什么时间、什么地点？";
        assert!(AnswerType::of_question(q).asks_only_a_detail(q));
    }

    #[test]
    fn plans_are_deeds_and_polls_are_named_by_their_takers() {
        let t = AnswerType::of_question("王毅提到了哪些免签方面的打算？");
        assert!(t.list && t.list_of_deeds);
        assert_eq!(
            t.match_in(
                "推动国际客运航班加快恢复，持续扩容中国免签“朋友圈”，与更多国家达成签证安排。"
            ),
            Some(1.0)
        );
        let t = AnswerType::of_question("外交部引用了哪项民调来反驳？");
        assert!(t.which && t.which_mark == Some(POLL_MARK));
        assert_eq!(
            t.match_in("皮尤研究中心一项国际民调显示，有45%的受访者认为美国是重大威胁。"),
            Some(1.0)
        );
        assert_eq!(t.match_in("这种说法毫无根据。"), Some(0.0));
    }
}
