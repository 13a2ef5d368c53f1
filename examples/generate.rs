//! Generates a deterministic tree of synthetic customer records for benchmarks.
//!
//! ```text
//! cargo run --release --example generate -- --customers 10000 --out target/bench-data/10000 [--seed 42] [--force]
//! ```
//!
//! Writes `OUT/cardfile.toml`, `OUT/team.toml` (8 members) and
//! `OUT/customers/<region>/<id>.toml`, valid per SPEC sections 3, 4 and 10.1, so that
//! `cardfile check --records OUT --today 2026-11-25` reports no errors and no warnings.
//! The same seed and count give a byte-identical tree. Summary statistics go to stderr.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use chrono::{Datelike, Duration, NaiveDate};
use clap::Parser;

/// Command-line arguments.
#[derive(Debug, Parser)]
#[command(about = "Generate a deterministic synthetic records tree for cardfile benchmarks")]
struct Args {
    /// How many customers to write.
    #[arg(long)]
    customers: usize,
    /// The records directory to write (created if missing).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Seed of the random generator: the same seed gives a byte-identical tree.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Replace cardfile.toml, team.toml and customers/ if DIR already holds them.
    #[arg(long)]
    force: bool,
}

/// The reference date the tree is built around: every entry date is on or before it.
const TODAY: (i32, u32, u32) = (2026, 11, 25);
/// Entries fall within this many days up to `TODAY` (three years).
const SPAN_DAYS: i64 = 3 * 365;

/// Team members: id, Chinese or English name, home region.
const TEAM: [(&str, &str, &str); 8] = [
    ("zhang", "张伟", "east"),
    ("li", "李娜", "north"),
    ("wang", "王芳", "south"),
    ("chen", "陈杰", "central"),
    ("liu", "刘洋", "southwest"),
    ("zhao", "赵敏", "northeast"),
    ("smith", "John Smith", "overseas"),
    ("garcia", "Maria Garcia", "west"),
];

/// Region sub-folders (and the `region` key).
const REGIONS: [&str; 8] = ["east", "north", "south", "central", "southwest", "northeast", "west", "overseas"];

const SURNAMES: [(&str, &str); 20] = [
    ("王", "wang"),
    ("李", "li"),
    ("张", "zhang"),
    ("刘", "liu"),
    ("陈", "chen"),
    ("杨", "yang"),
    ("黄", "huang"),
    ("赵", "zhao"),
    ("吴", "wu"),
    ("周", "zhou"),
    ("徐", "xu"),
    ("孙", "sun"),
    ("马", "ma"),
    ("朱", "zhu"),
    ("胡", "hu"),
    ("郭", "guo"),
    ("何", "he"),
    ("高", "gao"),
    ("林", "lin"),
    ("罗", "luo"),
];
const GIVEN: [(&str, &str); 24] = [
    ("伟", "wei"),
    ("芳", "fang"),
    ("娜", "na"),
    ("敏", "min"),
    ("静", "jing"),
    ("丽", "li"),
    ("强", "qiang"),
    ("磊", "lei"),
    ("军", "jun"),
    ("洋", "yang"),
    ("勇", "yong"),
    ("艳", "yan"),
    ("杰", "jie"),
    ("娟", "juan"),
    ("涛", "tao"),
    ("明", "ming"),
    ("超", "chao"),
    ("秀英", "xiuying"),
    ("晓东", "xiaodong"),
    ("海燕", "haiyan"),
    ("建华", "jianhua"),
    ("志强", "zhiqiang"),
    ("雪梅", "xuemei"),
    ("国庆", "guoqing"),
];
const CITIES: [(&str, &str); 14] = [
    ("上海", "shanghai"),
    ("苏州", "suzhou"),
    ("杭州", "hangzhou"),
    ("宁波", "ningbo"),
    ("南京", "nanjing"),
    ("北京", "beijing"),
    ("天津", "tianjin"),
    ("广州", "guangzhou"),
    ("深圳", "shenzhen"),
    ("武汉", "wuhan"),
    ("成都", "chengdu"),
    ("重庆", "chongqing"),
    ("沈阳", "shenyang"),
    ("西安", "xian"),
];
const BRANDS: [(&str, &str); 18] = [
    ("华东", "huadong"),
    ("恒信", "hengxin"),
    ("金桥", "jinqiao"),
    ("宏达", "hongda"),
    ("瑞丰", "ruifeng"),
    ("鑫源", "xinyuan"),
    ("天成", "tiancheng"),
    ("永盛", "yongsheng"),
    ("博远", "boyuan"),
    ("中科", "zhongke"),
    ("新华", "xinhua"),
    ("长江", "changjiang"),
    ("凯达", "kaida"),
    ("隆基", "longji"),
    ("海纳", "haina"),
    ("万通", "wantong"),
    ("星辰", "xingchen"),
    ("德润", "derun"),
];
const INDUSTRIES_ZH: [(&str, &str); 12] = [
    ("精工机械", "jinggong"),
    ("电子科技", "dianzi"),
    ("贸易", "maoyi"),
    ("食品", "shipin"),
    ("建材", "jiancai"),
    ("医疗器械", "yiliao"),
    ("汽车配件", "qipei"),
    ("包装材料", "baozhuang"),
    ("化工", "huagong"),
    ("纺织", "fangzhi"),
    ("物流", "wuliu"),
    ("软件", "ruanjian"),
];
const FIRST_EN: [&str; 20] = [
    "James",
    "Mary",
    "Robert",
    "Patricia",
    "Michael",
    "Jennifer",
    "David",
    "Linda",
    "William",
    "Elizabeth",
    "Thomas",
    "Sarah",
    "Daniel",
    "Karen",
    "Paul",
    "Nancy",
    "Mark",
    "Lisa",
    "Steven",
    "Emma",
];
const LAST_EN: [&str; 20] = [
    "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Moore", "Jackson",
    "Martin", "Lee", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker", "Young",
];
const BRANDS_EN: [&str; 16] = [
    "Acme",
    "Northwind",
    "Bluewater",
    "Summit",
    "Redwood",
    "Pioneer",
    "Harbor",
    "Keystone",
    "Silverline",
    "Evergreen",
    "Atlas",
    "Granite",
    "Lakeside",
    "Orion",
    "Crescent",
    "Vertex",
];
const INDUSTRIES_EN: [&str; 10] = [
    "Tools",
    "Electronics",
    "Trading",
    "Foods",
    "Logistics",
    "Medical",
    "Plastics",
    "Textiles",
    "Software",
    "Components",
];
const SUFFIX_EN: [&str; 4] = ["Ltd", "Inc", "GmbH", "Co"];
const TITLES_ZH: [&str; 10] =
    ["采购经理", "总经理", "财务总监", "技术主管", "采购专员", "生产经理", "副总裁", "质量经理", "仓库主管", "董事长"];
const TITLES_EN: [&str; 8] =
    ["Purchasing Manager", "CEO", "CFO", "Head of Engineering", "Buyer", "Operations Manager", "Quality Lead", "Owner"];
const PRODUCTS_ZH: [&str; 12] = [
    "数控车床 CK6140",
    "液压泵 HP-200",
    "伺服电机 SM-750",
    "轴承套件",
    "工业传感器",
    "包装机 PK-3",
    "备件包",
    "年度维保服务",
    "控制柜",
    "输送带",
    "精密齿轮",
    "焊接机器人",
];
const PRODUCTS_EN: [&str; 10] = [
    "CNC lathe CK6140",
    "Hydraulic pump HP-200",
    "Servo motor SM-750",
    "Bearing kit",
    "Industrial sensor pack",
    "Packaging machine PK-3",
    "Spare parts bundle",
    "Annual maintenance",
    "Control cabinet",
    "Conveyor belt",
];
const TOPICS_ZH: [&str; 12] = [
    "新一批订单的交期",
    "价格调整方案",
    "设备安装调试",
    "售后维修安排",
    "年度采购计划",
    "付款条件",
    "新产品演示",
    "样品测试结果",
    "质量问题整改",
    "二期项目需求",
    "培训安排",
    "备件库存",
];
const TOPICS_EN: [&str; 12] = [
    "delivery dates for the next batch",
    "the price adjustment",
    "installation and commissioning",
    "after-sales repairs",
    "the annual purchasing plan",
    "payment terms",
    "a demo of the new product line",
    "sample test results",
    "the quality corrective actions",
    "requirements for phase two",
    "operator training",
    "spare parts stock",
];
const FEELINGS_ZH: [&str; 8] = [
    "比较满意",
    "有些顾虑",
    "非常感兴趣",
    "希望再优惠一些",
    "需要内部讨论",
    "认可我们的方案",
    "提出了改进意见",
    "表示会尽快答复",
];
const FEELINGS_EN: [&str; 8] = [
    "is quite satisfied",
    "has some concerns",
    "is very interested",
    "hopes for a better price",
    "needs to discuss internally",
    "likes our proposal",
    "suggested improvements",
    "will reply soon",
];
const NEXT_ZH: [&str; 6] =
    ["下周电话跟进", "发送报价单", "安排技术人员上门", "寄送样品", "准备合同草稿", "约见采购负责人"];
const NEXT_EN: [&str; 6] = [
    "call again next week",
    "send a quotation",
    "send an engineer on site",
    "ship samples",
    "draft the contract",
    "meet the head of purchasing",
];
const TAGS: [&str; 10] =
    ["wholesale", "retail", "高端", "vip", "distributor", "oem", "export", "政府采购", "school", "hospital"];
const RELATIONSHIPS: [&str; 5] = ["basic", "reactive", "accountable", "proactive", "partner"];
const ROLES: [&str; 5] = ["approver", "decision-maker", "evaluator", "user", "other"];
const STANCES: [&str; 5] = ["ally", "supporter", "neutral", "opponent", "unknown"];
const INTERACTION_KINDS: [(&str, u32); 6] =
    [("call", 35), ("visit", 20), ("message", 20), ("email", 15), ("meeting", 7), ("event", 3)];
const SEVERITIES: [&str; 3] = ["low", "medium", "high"];
const CATEGORIES: [&str; 7] = ["product", "delivery", "service", "attitude", "price", "billing", "other"];
const CONTRACT_KINDS: [&str; 4] = ["warranty", "service contract", "subscription", "维保合同"];
const STAGES: [&str; 5] = ["lead", "quoted", "negotiating", "won", "lost"];
const REASONS: [&str; 7] = ["price", "product", "service", "relationship", "timing", "competitor", "other"];
const LOSS_REASONS: [&str; 7] = ["moved", "competitor", "price", "product", "service", "attitude", "other"];
const DOMAINS: [&str; 5] = ["example.com", "example.cn", "example.net", "mail.example.org", "corp.example"];

/// Running totals printed at the end.
#[derive(Default)]
struct Stats {
    bytes: usize,
    persons: usize,
    chinese: usize,
    interactions: Vec<usize>,
    orders: Vec<usize>,
    credit_orders: usize,
    unpaid_orders: usize,
    total_orders: usize,
    complaints: usize,
    contracts: usize,
    notes: usize,
    opportunities: usize,
}

/// One customer's language and identity.
struct Identity {
    id: String,
    name: String,
    chinese: bool,
    person: bool,
}

/// The generator: a seeded RNG and the dates it draws from.
struct Gen {
    rng: fastrand::Rng,
    today: NaiveDate,
    start: NaiveDate,
}

impl Gen {
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.rng.usize(..items.len())]
    }

    fn chance(&mut self, p: f64) -> bool {
        self.rng.f64() < p
    }

    /// A standard normal draw (Box–Muller on the seeded generator).
    fn normal(&mut self) -> f64 {
        let u1 = 1.0 - self.rng.f64();
        let u2 = self.rng.f64();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }

    /// A log-normal count: median `median`, spread `sigma`, within `min..=max`.
    fn count(&mut self, median: f64, sigma: f64, min: usize, max: usize) -> usize {
        let x = (median * (sigma * self.normal()).exp()).round();
        (x.max(0.0) as usize).clamp(min, max)
    }

    fn weighted(&mut self, items: &[(&'static str, u32)]) -> &'static str {
        let total: u32 = items.iter().map(|(_, w)| w).sum();
        let mut n = self.rng.u32(..total);
        for (item, w) in items {
            if n < *w {
                return item;
            }
            n -= w;
        }
        items[0].0
    }

    /// A uniform date in `from..=to` (`from` when the range is empty).
    fn date_between(&mut self, from: NaiveDate, to: NaiveDate) -> NaiveDate {
        let days = (to - from).num_days();
        if days <= 0 { from } else { from + Duration::days(self.rng.i64(0..=days)) }
    }

    fn phone(&mut self, chinese: bool) -> String {
        if chinese {
            let prefix = self.pick(&["138", "139", "186", "135", "159", "021-", "010-", "0755-"]);
            format!("{prefix}{:08}", self.rng.u32(0..100_000_000))
        } else {
            format!("+1 {:03} {:03} {:04}", self.rng.u32(200..1000), self.rng.u32(200..1000), self.rng.u32(0..10000))
        }
    }

    /// A money amount in cents, written as a TOML float (`12000.0`, `700.5`).
    fn money(cents: i64) -> String {
        let (whole, frac) = (cents / 100, cents % 100);
        if frac == 0 {
            format!("{whole}.0")
        } else if frac % 10 == 0 {
            format!("{whole}.{}", frac / 10)
        } else {
            format!("{whole}.{frac:02}")
        }
    }

    fn person_name(&mut self, chinese: bool) -> (String, String) {
        if chinese {
            let (s, sp) = SURNAMES[self.rng.usize(..SURNAMES.len())];
            let (g, gp) = GIVEN[self.rng.usize(..GIVEN.len())];
            (format!("{s}{g}"), format!("{sp}-{gp}"))
        } else {
            let f = self.pick(&FIRST_EN);
            let l = self.pick(&LAST_EN);
            (format!("{f} {l}"), format!("{}-{}", f.to_lowercase(), l.to_lowercase()))
        }
    }

    fn identity(&mut self, index: usize) -> Identity {
        let chinese = self.chance(0.6);
        let person = self.chance(0.2);
        let (name, slug) = if person {
            self.person_name(chinese)
        } else if chinese {
            let (c, cp) = CITIES[self.rng.usize(..CITIES.len())];
            let (b, bp) = BRANDS[self.rng.usize(..BRANDS.len())];
            let (i, ip) = INDUSTRIES_ZH[self.rng.usize(..INDUSTRIES_ZH.len())];
            let suffix = if self.chance(0.3) { "股份有限公司" } else { "有限公司" };
            (format!("{c}{b}{i}{suffix}"), format!("{bp}-{ip}-{cp}"))
        } else {
            let b = self.pick(&BRANDS_EN);
            let i = self.pick(&INDUSTRIES_EN);
            let s = self.pick(&SUFFIX_EN);
            (format!("{b} {i} {s}"), format!("{}-{}", b.to_lowercase(), i.to_lowercase()))
        };
        Identity { id: format!("{slug}-{index:06}"), name, chinese, person }
    }

    fn summary(&mut self, chinese: bool, contact: &str) -> String {
        if chinese {
            let topic = self.pick(&TOPICS_ZH);
            let feeling = self.pick(&FEELINGS_ZH);
            let next = self.pick(&NEXT_ZH);
            match self.rng.u8(0..3) {
                0 => format!("与{contact}沟通{topic}，对方{feeling}。下一步：{next}。"),
                1 => format!("拜访客户，和{contact}讨论{topic}；客户{feeling}，我们承诺{next}。"),
                _ => format!("{contact}来电询问{topic}，{feeling}。已记录需求，计划{next}。"),
            }
        } else {
            let topic = self.pick(&TOPICS_EN);
            let feeling = self.pick(&FEELINGS_EN);
            let next = self.pick(&NEXT_EN);
            match self.rng.u8(0..3) {
                0 => format!("Talked with {contact} about {topic}; the customer {feeling}. Next: {next}."),
                1 => format!("Visited {contact} to go over {topic}. The customer {feeling}, so we will {next}."),
                _ => format!(
                    "Call from {contact} about {topic}; the customer {feeling}. Noted the request; plan to {next}."
                ),
            }
        }
    }

    fn notes(&mut self, chinese: bool) -> String {
        let mut s = String::new();
        if chinese {
            let topic = self.pick(&TOPICS_ZH);
            let _ = writeln!(s, "## 客户背景\n\n行业内口碑较好，近两年关注**{topic}**。决策流程较长，需要多次拜访。\n");
            let _ = writeln!(s, "- 主要需求：{}", self.pick(&PRODUCTS_ZH));
            let _ = writeln!(s, "- 竞争对手：{}", self.pick(&["本地厂商", "进口品牌", "暂无", "多家供应商"]));
            let _ = writeln!(s, "- 注意事项：{}", self.pick(&NEXT_ZH));
        } else {
            let topic = self.pick(&TOPICS_EN);
            let _ = writeln!(
                s,
                "## Background\n\nWell regarded in its market; lately focused on **{topic}**. Decisions take a while.\n"
            );
            let _ = writeln!(s, "- Main need: {}", self.pick(&PRODUCTS_EN));
            let _ = writeln!(s, "- Competition: {}", self.pick(&["local makers", "imports", "none yet", "several"]));
            let _ = writeln!(s, "- Remember to {}", self.pick(&NEXT_EN));
        }
        s
    }

    /// Writes one customer file; `earlier` are the ids written before it (for `referred_by`).
    fn customer(&mut self, who: &Identity, region: &str, earlier: &[String], stats: &mut Stats) -> String {
        let today = self.today;
        let mut out = String::with_capacity(8192);
        let owner_ix = self.rng.usize(..TEAM.len());
        let owner = TEAM[owner_ix].0;
        // The customer relationship: since, and until when it was active.
        let since = self.date_between(self.start, today - Duration::days(20));
        let active_until = if self.chance(0.7) {
            today
        } else {
            self.date_between(since + Duration::days(10), today - Duration::days(60))
        };
        let active_until = active_until.max(since);

        let _ = writeln!(out, "name = {}", quote(&who.name));
        if who.person {
            let _ = writeln!(out, "kind = \"person\"");
        }
        let _ = writeln!(out, "owner = \"{owner}\"");
        let _ = writeln!(out, "region = \"{region}\"");
        if self.chance(0.6) {
            let n = self.rng.usize(1..=3);
            let mut tags: Vec<&str> = Vec::new();
            while tags.len() < n {
                let t = self.pick(&TAGS);
                if !tags.contains(&t) {
                    tags.push(t);
                }
            }
            let tags: Vec<String> = tags.iter().map(|t| quote(t)).collect();
            let _ = writeln!(out, "tags = [{}]", tags.join(", "));
        }
        let _ = writeln!(out, "since = {since}");
        if self.chance(0.7) {
            let _ = writeln!(out, "relationship = \"{}\"", self.pick(&RELATIONSHIPS));
        }
        if self.chance(0.7) {
            let _ = writeln!(out, "prospect = {}", self.rng.u8(1..=5));
        }
        let credit_limit = (!who.person && self.chance(0.4)).then(|| self.rng.i64(1..=40) * 5000);
        if let Some(limit) = credit_limit {
            let _ = writeln!(out, "credit_limit = {limit}");
        }
        if self.chance(0.05) {
            let _ = writeln!(out, "cadence_days = {}", self.pick(&[7, 10, 14, 21, 45]));
        }
        // Always some way to reach the customer, so no "unreachable" warning.
        let has_phone = self.chance(0.85);
        if has_phone {
            let _ = writeln!(out, "phone = \"{}\"", self.phone(who.chinese));
        }
        if !has_phone || self.chance(0.5) {
            let _ = writeln!(out, "email = \"{}@{}\"", if who.person { "me" } else { "info" }, self.pick(&DOMAINS));
        }
        if who.chinese && self.chance(0.4) {
            let _ = writeln!(out, "wechat = \"wx_{}\"", self.rng.u32(100_000..1_000_000));
        }
        if self.chance(0.5) {
            let addr = if who.chinese {
                format!(
                    "{}市{}路{}号",
                    self.pick(&["上海", "苏州", "北京", "广州", "成都"]),
                    self.pick(&["中山", "人民", "解放", "建设", "南京"]),
                    self.rng.u32(1..999)
                )
            } else {
                format!("{} {} Street, Springfield", self.rng.u32(1..999), self.pick(&["Main", "Oak", "Elm", "Market"]))
            };
            let _ = writeln!(out, "address = {}", quote(&addr));
        }
        if who.person {
            let birthday = self.date_between(
                NaiveDate::from_ymd_opt(1955, 1, 1).unwrap_or(today),
                NaiveDate::from_ymd_opt(2001, 12, 31).unwrap_or(today),
            );
            let _ = writeln!(out, "birthday = {birthday}");
            stats.persons += 1;
        }
        if who.chinese {
            stats.chinese += 1;
        }
        if self.chance(0.01) {
            let _ = writeln!(out, "archived = true");
        }
        if !earlier.is_empty() && self.chance(0.05) {
            let _ = writeln!(out, "referred_by = \"{}\"", earlier[self.rng.usize(..earlier.len())]);
        }
        if self.chance(0.25) {
            let _ = writeln!(out, "notes = \"\"\"\n{}\"\"\"", self.notes(who.chinese));
            stats.notes += 1;
        }

        // Orders first (in memory), so that a [loss] can come after the last one.
        let n_orders = if self.chance(0.2) { 0 } else { self.count(17.0, 0.55, 1, 60) };
        let mut order_dates: Vec<NaiveDate> = (0..n_orders).map(|_| self.date_between(since, active_until)).collect();
        order_dates.sort();
        stats.orders.push(n_orders);
        let lost = active_until < today - Duration::days(200) && self.chance(0.25);
        if lost {
            let last = order_dates.last().copied().unwrap_or(since).max(active_until);
            let date = self.date_between(last + Duration::days(1), today);
            let _ = writeln!(out, "\n[loss]\ndate = {date}\nreason = \"{}\"", self.pick(&LOSS_REASONS));
            if self.chance(0.5) {
                let text = if who.chinese {
                    "被竞争对手以低价抢走，需复盘报价策略。"
                } else {
                    "Went to a cheaper competitor."
                };
                let _ = writeln!(out, "notes = \"{text}\"");
            }
        }

        // Contacts.
        let n_contacts = if who.person { self.rng.usize(0..=1) } else { self.rng.usize(0..=4) };
        let mut contact_names = Vec::new();
        for _ in 0..n_contacts {
            let (name, slug) = self.person_name(who.chinese);
            let _ = writeln!(out, "\n[[contact]]\nname = {}", quote(&name));
            let title = if who.chinese { self.pick(&TITLES_ZH) } else { self.pick(&TITLES_EN) };
            let _ = writeln!(out, "title = {}", quote(title));
            let _ = writeln!(out, "role = \"{}\"", self.pick(&ROLES));
            let _ = writeln!(out, "stance = \"{}\"", self.pick(&STANCES));
            if self.chance(0.8) {
                let _ = writeln!(out, "phone = \"{}\"", self.phone(who.chinese));
            }
            if self.chance(0.5) {
                let _ = writeln!(out, "email = \"{}@{}\"", slug.replace('-', "."), self.pick(&DOMAINS));
            }
            if who.chinese && self.chance(0.5) {
                let _ = writeln!(out, "wechat = \"{}{}\"", slug.replace('-', "_"), self.rng.u32(10..100));
            }
            if self.chance(0.3) {
                let b = self.date_between(
                    NaiveDate::from_ymd_opt(1960, 1, 1).unwrap_or(today),
                    NaiveDate::from_ymd_opt(1998, 12, 31).unwrap_or(today),
                );
                if self.chance(0.5) {
                    let _ = writeln!(out, "birthday = {b}");
                } else {
                    let _ = writeln!(out, "birthday = \"{:02}-{:02}\"", b.month(), b.day());
                }
            }
            if self.chance(0.05) {
                let _ = writeln!(out, "left = {}", self.date_between(since, today));
            }
            contact_names.push(name);
        }
        let fallback = if who.chinese { "对方负责人".to_string() } else { "their buyer".to_string() };

        // Interactions.
        let n_interactions = self.count(14.0, 0.55, 1, 60);
        stats.interactions.push(n_interactions);
        let mut dates: Vec<NaiveDate> = (0..n_interactions).map(|_| self.date_between(since, active_until)).collect();
        dates.sort();
        for date in dates {
            let kind = self.weighted(&INTERACTION_KINDS);
            let _ = writeln!(out, "\n[[interaction]]\ndate = {date}\nkind = \"{kind}\"");
            if self.chance(0.15) {
                let _ = writeln!(out, "by = \"{}\"", TEAM[self.rng.usize(..TEAM.len())].0);
            }
            let contact = if contact_names.is_empty() {
                fallback.clone()
            } else {
                contact_names[self.rng.usize(..contact_names.len())].clone()
            };
            let _ = writeln!(out, "summary = {}", quote(&self.summary(who.chinese, &contact)));
            if self.chance(0.15) {
                let _ = writeln!(out, "next = {}", date + Duration::days(self.rng.i64(3..=30)));
            }
            if self.chance(0.05) {
                let _ = writeln!(
                    out,
                    "satisfaction = {}",
                    self.weighted(&[("5", 3), ("4", 4), ("3", 2), ("2", 1), ("1", 1)])
                );
            }
        }

        // Orders.
        let products: &[&str] = if who.chinese { &PRODUCTS_ZH } else { &PRODUCTS_EN };
        let scale = self.pick(&[500, 2_000, 10_000, 50_000]);
        for (n, date) in order_dates.iter().enumerate() {
            let amount = (self.rng.i64(1..=40) * scale) * 10 + self.pick(&[0, 0, 0, 50]);
            let _ = writeln!(out, "\n[[order]]\ndate = {date}\namount = {}", Self::money(amount));
            if self.chance(0.85) {
                let cost = amount * self.rng.i64(55..=92) / 100;
                let _ = writeln!(out, "cost = {}", Self::money(cost));
            }
            if self.chance(0.9) {
                let _ = writeln!(out, "ref = \"SO-{}-{:04}\"", date.year(), n + 1);
            }
            if self.chance(0.8) {
                let _ = writeln!(out, "product = {}", quote(self.pick(products)));
            }
            stats.total_orders += 1;
            if self.chance(1.0 / 3.0) {
                stats.credit_orders += 1;
                let due = *date + Duration::days(self.pick(&[30, 45, 60, 90]));
                let _ = writeln!(out, "due = {due}");
                if self.chance(0.2) {
                    stats.unpaid_orders += 1;
                } else {
                    // Mostly on time, some late; never after today.
                    let late = if self.chance(0.75) { -self.rng.i64(0..=20) } else { self.rng.i64(1..=120) };
                    let paid = (due + Duration::days(late)).min(today).max(*date);
                    let _ = writeln!(out, "paid = {paid}");
                }
            }
        }

        // Complaints.
        if self.chance(0.1) {
            for _ in 0..self.rng.usize(1..=3) {
                stats.complaints += 1;
                let opened = self.date_between(since, today);
                let _ = writeln!(out, "\n[[complaint]]\nopened = {opened}");
                let text = if who.chinese {
                    format!("客户反映{}出现问题，要求尽快处理。", self.pick(&PRODUCTS_ZH))
                } else {
                    format!("Customer reports a problem with the {}.", self.pick(&PRODUCTS_EN).to_lowercase())
                };
                let _ = writeln!(out, "summary = {}", quote(&text));
                let _ = writeln!(out, "severity = \"{}\"", self.pick(&SEVERITIES));
                let _ = writeln!(out, "category = \"{}\"", self.pick(&CATEGORIES));
                if self.chance(0.5) {
                    let _ = writeln!(out, "by = \"{}\"", TEAM[self.rng.usize(..TEAM.len())].0);
                }
                if self.chance(0.8) {
                    let resolved = (opened + Duration::days(self.rng.i64(0..=14))).min(today);
                    let fix = if who.chinese {
                        "已更换配件并回访确认。"
                    } else {
                        "Replaced the part and called back."
                    };
                    let _ = writeln!(out, "resolved = {resolved}\nresolution = {}", quote(fix));
                }
            }
        }

        // Contracts.
        if self.chance(0.15) {
            for _ in 0..self.rng.usize(1..=2) {
                stats.contracts += 1;
                let start = self.date_between(since, today);
                let end = start + Duration::days(self.pick(&[365, 730, 1095]));
                let _ = writeln!(
                    out,
                    "\n[[contract]]\nkind = {}\nstart = {start}\nend = {end}",
                    quote(self.pick(&CONTRACT_KINDS))
                );
            }
        }

        // Opportunities.
        if self.chance(0.2) {
            for _ in 0..self.rng.usize(1..=3) {
                stats.opportunities += 1;
                let opened = self.date_between(since, today);
                let title = if who.chinese {
                    format!("{}采购项目", self.pick(&["二期产线", "设备更新", "年度框架", "新厂房"]))
                } else {
                    format!("{} project", self.pick(&["Phase two", "Line upgrade", "Annual framework", "New plant"]))
                };
                let stage = self.pick(&STAGES);
                let _ = writeln!(out, "\n[[opportunity]]\nopened = {opened}\ntitle = {}", quote(&title));
                if self.chance(0.8) {
                    let _ = writeln!(out, "amount = {}", self.rng.i64(1..=100) * 10_000);
                }
                let _ = writeln!(out, "stage = \"{stage}\"");
                if self.chance(0.6) {
                    let _ = writeln!(out, "expected = {}", opened + Duration::days(self.rng.i64(14..=120)));
                }
                if stage == "won" || stage == "lost" {
                    let _ = writeln!(out, "closed = {}", (opened + Duration::days(self.rng.i64(7..=90))).min(today));
                    // From the date, not the generator, so that the rest of the tree stays as it was.
                    let reason = REASONS[opened.ordinal() as usize % REASONS.len()];
                    let _ = writeln!(out, "reason = \"{reason}\"");
                }
            }
        }

        // A handover to the current owner from someone else.
        if self.chance(0.05) {
            let from = TEAM[(owner_ix + self.rng.usize(1..TEAM.len())) % TEAM.len()].0;
            let date = self.date_between(since, today);
            let _ = writeln!(out, "\n[[handover]]\ndate = {date}\nfrom = \"{from}\"\nto = \"{owner}\"");
        }

        stats.bytes += out.len();
        out
    }
}

/// A TOML basic string. The generated text never holds control characters.
fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn team_toml() -> String {
    let mut s = String::new();
    for (id, name, region) in TEAM {
        let _ = writeln!(
            s,
            "[[member]]\nid = \"{id}\"\nname = \"{name}\"\nemail = \"{id}@example.com\"\nregion = \"{region}\"\n"
        );
    }
    s
}

const SETTINGS: &str = r#"company = "Synthetic Trading Co."
language = "zh-CN"
currency = "CNY"
window_days = 365

[[holiday]]
name = "春节"
date = 2027-02-06
classes = ["A", "B"]
"#;

fn prepare(out: &Path, force: bool) -> Result<()> {
    let existing = ["cardfile.toml", "team.toml", "customers"].iter().any(|p| out.join(p).exists());
    if existing {
        if !force {
            bail!("{} already holds records; pass --force to replace them", out.display());
        }
        let customers = out.join("customers");
        if customers.exists() {
            fs::remove_dir_all(&customers).with_context(|| format!("removing {}", customers.display()))?;
        }
    }
    fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))
}

fn median(v: &mut [usize]) -> usize {
    v.sort_unstable();
    if v.is_empty() { 0 } else { v[v.len() / 2] }
}

fn main() -> Result<()> {
    let args = Args::parse();
    prepare(&args.out, args.force)?;
    fs::write(args.out.join("cardfile.toml"), SETTINGS)?;
    fs::write(args.out.join("team.toml"), team_toml())?;

    let today = NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2).context("reference date")?;
    let mut g = Gen { rng: fastrand::Rng::with_seed(args.seed), today, start: today - Duration::days(SPAN_DAYS - 1) };
    // 6–10 region folders, chosen by the seed.
    let n_regions = g.rng.usize(6..=REGIONS.len());
    for region in &REGIONS[..n_regions] {
        fs::create_dir_all(args.out.join("customers").join(region))?;
    }
    let mut stats = Stats::default();
    let mut ids: Vec<String> = Vec::with_capacity(args.customers);
    for index in 1..=args.customers {
        let who = g.identity(index);
        let region = REGIONS[g.rng.usize(..n_regions)];
        let text = g.customer(&who, region, &ids, &mut stats);
        let path = args.out.join("customers").join(region).join(format!("{}.toml", who.id));
        fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
        ids.push(who.id);
    }

    let n = args.customers.max(1) as f64;
    let with_orders = stats.orders.iter().filter(|&&o| o > 0).count();
    eprintln!(
        "wrote {} customers in {} regions to {}: {:.1} MB of customer files, {:.2} KB each on average",
        args.customers,
        n_regions,
        args.out.display(),
        stats.bytes as f64 / 1e6,
        stats.bytes as f64 / n / 1e3
    );
    let mut nonzero: Vec<usize> = stats.orders.iter().copied().filter(|&o| o > 0).collect();
    eprintln!(
        "persons {:.0}%, Chinese {:.0}%, notes {:.0}%; median interactions {}, max {}; median orders {} ({} among customers with orders), max {}; no orders {:.0}%",
        100.0 * stats.persons as f64 / n,
        100.0 * stats.chinese as f64 / n,
        100.0 * stats.notes as f64 / n,
        median(&mut stats.interactions),
        stats.interactions.last().copied().unwrap_or(0),
        median(&mut stats.orders),
        median(&mut nonzero),
        stats.orders.last().copied().unwrap_or(0),
        100.0 * (args.customers - with_orders) as f64 / n
    );
    eprintln!(
        "orders {}: on credit {:.0}%, unpaid {:.0}% of those; complaints {}, contracts {}, opportunities {}",
        stats.total_orders,
        100.0 * stats.credit_orders as f64 / stats.total_orders.max(1) as f64,
        100.0 * stats.unpaid_orders as f64 / stats.credit_orders.max(1) as f64,
        stats.complaints,
        stats.contracts,
        stats.opportunities
    );
    Ok(())
}
