package extractors

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The cue tables: every word that decides whether a candidate number is a
// figure, and of which kind, lives here as data. An entry is a word of
// report language (a verb, a noun, a negative), never a sentence or a place
// name. The rules in road.go, money.go and cut.go read them through cueTable.

// role is what a cue says about a candidate.
type role uint8

const (
	roleNone role = iota
	// road_length
	roleWorks    // a verb of road works: decides "keep"
	roleRoadNoun // a road or road-works noun: the topic, keep scanning
	roleLength   // 全长, 总长: the length of the project named before it
	roleNotRoad  // network stock, distances, speeds, rail, water: decides "drop"
	roleOtherWay // a noun of something that is not road (铁路, 隧道): drops a 全长
	// money
	roleInvest     // 投资, 投入: investment
	roleFund       // 补助, 争取, 下达: funding
	roleMoneyAux   // 资金, 经费: needs a verb of investing or securing nearby
	roleComplete   // 完成: investment when an investment head came before
	roleNotMoney   // income, output, costs, changes: drop
	roleListOpener // 其中: the items after it take the head before it
	// cuts
	roleCutVerb  // 压减, 缩短: a cut
	roleTimeNoun // 办理时限: time_cut
	roleMatNoun  // 申请材料, 环节: material_cut
	roleNotCut   // growth, rates, shares: drop
)

type cue struct {
	word  string
	role  role
	basis string // for money cues: total, completed, planned, allocated
}

// Road works: verbs that make a length a road figure.
var roadWorksCues = words(roleWorks,
	"新建", "改建", "新改建", "改扩建", "扩建", "改造", "新建改造", "建成", "建设", "修建", "升级", "提档升级", "升级改造",
	"升级改建", "提质", "提质改造", "养护", "维修", "大中修", "大修", "中修", "整治", "硬化", "铺设", "拓宽", "加宽",
	"完成", "实施", "建成通车", "贯通", "开工", "新开工", "动工", "续建", "完工", "改善", "修复", "罩面", "加铺", "修缮",
	"新增", "延伸", "畅通", "推进", "在建", "计划建成", "力争建成", "开通", "通车", "新改造", "铺筑", "黑化", "油化",
	"新增生产能力", "生产能力", "形象进度", "路面形象进度", "建设里程", "施工", "打通", "新开", "竣工", "交工",
	"改线", "整修", "改建长度", "改善长度", "完成建设", "兴建", "扩阔",
	"重铺", "翻修", "翻新", "重建", "铺装", "重修", "翻建", "打造", "更新", "刨铺", "铣刨",
)

// Road nouns: the topic of a road figure, never enough on their own.
var roadNounCues = words(roleRoadNoun,
	"农村公路", "四好农村路", "农村路", "普通国省道", "国省道", "国省干线", "普通国省干线", "干线公路", "普通公路",
	"高速公路", "一级公路", "二级公路", "三级公路", "四级公路", "国道", "省道", "县道", "乡道", "村道", "县乡道",
	"县乡公路", "通村公路", "通乡公路", "通村路", "通组路", "村组道路", "城市道路", "市政道路", "旅游公路", "资源路",
	"产业路", "旅游路", "快速路", "主干路", "次干路", "道路", "公路", "路段", "路面", "路基", "高速", "干线", "支线",
	"连接线", "接线", "样板线", "示范路", "农路", "便道", "绕城", "外环", "环线", "安保设施", "安保工程", "安防工程",
	"通道", "快速通道", "大道", "干道", "主干道", "路线", "公路项目",
	"生命防护工程", "安全防护工程", "防护工程", "路网", "硬化路", "水泥路", "油路", "沥青路", "砂石路", "线",
	"路域环境", "路", "工程", "项目",
)

// The length of a project: kept when the project before it is a road.
var roadLengthCues = words(roleLength, "全长", "总长", "长约", "全线长", "线路全长", "路线全长", "总长度", "长度", "里程", "路线长", "路线总长", "主线长")

// Not a road length: network stock, distances, speeds, vehicle mileage,
// areas, other networks, greening, changes of a stock.
var notRoadCues = words(roleNotRoad,
	"总里程", "通车里程", "通车总里程", "公路里程", "运营里程", "营运里程", "里程达", "里程达到", "密度",
	"辖管", "管辖", "所辖", "管养", "列养", "代养",
	"距", "距离", "相距", "离", "车程", "路程", "行程", "半径", "辐射", "覆盖", "范围", "周边",
	"时速", "速度", "每小时", "行驶", "行车", "驾驶", "安全行", "步行", "骑行", "跑", "跑步", "徒步", "飞行", "航程",
	"运距", "巡查", "巡逻", "检测", "排查", "平方", "车公里", "延车", "绿化", "植树", "栽植", "增加", "增长",
	"减少", "缩短", "增", "同比", "较", "占", "最后", "绕", "绕行", "少绕", "公交", "邮路", "航线", "续航", "航行",
	"飞行里程", "行驶里程", "续航里程", "航行里程", "运行里程", "营运", "运营", "出租车", "车辆", "船舶",
)

// Nouns of other ways: a 全长 after them is not a road's.
var otherWayCues = words(roleOtherWay,
	"铁路", "高铁", "轨道", "地铁", "城轨", "动车", "城际", "隧道", "大桥", "桥梁", "桥", "航道", "河道", "管道", "管线",
	"管网", "管廊", "电网", "光缆", "渠", "堤", "岸线", "线路", "缆车", "索道", "步道", "绿道", "栈道", "游步道",
	"骑行道", "自行车道", "慢行道", "健身步道", "跑道", "赛道", "公交", "港铁", "轻铁", "捷运", "台铁", "城铁", "磁浮",
	"有轨电车", "电车", "缆车", "人行道", "人行步道", "盲道", "轻轨", "公车", "巴士",
	// a stretch watched for speed is no works' road
	"测速路段", "区间测速路段", "测速区间",
)

// scopeWords before a way and a length make it the network's stock ("全港道路
// 总长约2,100公里", "全县农村公路总长1200公里").
var scopeWords = []string{"全县", "全市", "全省", "全区", "全港", "全国", "全州", "全镇", "全乡", "全旗", "全盟", "全境",
	"境内", "辖区", "全岛", "全台", "全澳", "我国", "全县域", "全市域", "辖内", "县内", "市内", "区内", "省内", "镇内", "乡内"}

// negations before a verb ("尚有约40公里未完成")
var negations = []string{"未", "尚未", "没有", "没", "不"}

// componentWays are parts of a road project (its bridges and tunnels): named
// after a 全长 they do not say what the project is.
var componentWays = map[string]bool{"隧道": true, "大桥": true, "桥梁": true, "桥": true}

// Investment heads, with the basis each states.
var investCues = append(append(append(
	words(roleInvest, "投资", "投入", "社会投资", "投资额", "总投资额", "资金投入", "建设投资"),
	cue{"总投资", roleInvest, BasisTotal}, cue{"概算", roleInvest, BasisTotal}, cue{"估算", roleInvest, BasisTotal},
	cue{"概算投资", roleInvest, BasisTotal}, cue{"估算总投资", roleInvest, BasisTotal}, cue{"总经费", roleInvest, BasisTotal},
	cue{"总造价", roleInvest, BasisTotal}, cue{"工程造价", roleInvest, BasisTotal}, cue{"总预算", roleInvest, BasisTotal},
	cue{"工程预算", roleInvest, BasisTotal}, cue{"项目预算", roleInvest, BasisTotal}, cue{"预算总额", roleInvest, BasisTotal},
	cue{"完成投资", roleInvest, BasisCompleted}, cue{"累计投资", roleInvest, BasisCompleted},
	cue{"已投入", roleInvest, BasisCompleted}, cue{"累计投入", roleInvest, BasisCompleted},
	cue{"计划投资", roleInvest, BasisPlanned}, cue{"预计投资", roleInvest, BasisPlanned}, cue{"拟投资", roleInvest, BasisPlanned},
	cue{"计划投入", roleInvest, BasisPlanned},
), words(roleComplete, "完成", "实际完成", "累计完成", "计划完成", "预计完成", "力争完成", "完成了")...),
	words(roleMoneyAux, "资金", "经费", "款", "资本金", "建设资金")...)

// listOpeners start the items of a total stated before them ("其中，高速公路
// 22.4亿元、…", "分领域看，铁路14.2亿元，…"): the items take the total's head.
var listOpenerCues = words(roleListOpener, "其中", "分领域看", "分行业看", "分类看", "分项看", "分项目看", "分地区看",
	"具体为", "具体来看", "从领域看", "按领域分", "按行业分", "分领域", "分行业", "分别是", "包括")

// Funding heads: money secured, allocated or granted.
var fundCues = func() []cue {
	c := words(roleFund,
		"补助", "补贴", "奖补", "援助", "资助", "争取", "争取到", "下达", "拨付", "获批", "获得", "筹集", "筹措", "落实",
		"到位", "安排", "支持", "奖励", "以奖代补", "车购税", "车辆购置税", "中央预算内", "专项债", "专项债券", "债券",
		"专项资金", "补助资金", "奖补资金", "到位资金", "扶持资金", "奖励资金", "补贴资金", "资金支持", "资金补助",
		"一事一议", "切块资金", "转移支付", "省补", "市补", "申请到", "争取资金", "配套资金",
		"预拨", "下拨", "划拨", "拨出", "以工代赈", "衔接资金",
		// the share of a project's cost a higher government bears (中央负担)
		"中央负担", "中央政府负担", "省级负担", "省负担", "省府负担", "省政府负担",
	)
	for i := range c {
		c[i].basis = BasisAllocated
	}
	return c
}()

// Not investment or funding: income, output, prices, costs, savings,
// changes of an amount, rates.
var notMoneyCues = words(roleNotMoney,
	"优惠", "减免", "让利",
	"收入", "增收", "营收", "产值", "生产总值", "GDP", "gdp", "营业额", "销售", "销售额", "利润", "利税", "税收", "税",
	"消费", "交易", "成交额", "成交量", "价格", "票价", "收费", "运费", "费用", "成本", "节约", "节省", "降低", "减少", "减轻",
	"增长", "增加", "增", "同比", "较上年", "比上年", "较去年", "贷款", "融资", "授信", "罚款", "罚没", "处罚", "工资",
	"薪酬", "奖金", "保险", "理赔", "赔偿", "存款", "市值", "估值", "资产", "租金", "捐款", "捐赠", "捐", "预算",
	"债务", "欠款", "拖欠", "缺口", "货币工程量", "工程量", "每", "人均", "户均", "亩均", "均价", "平均", "单价",
	"合同", "中标", "标的", "注册资本", "营业", "票款", "运输收入", "补偿款", "红包", "奖励金", "以上项目", "自筹",
	"带动", "拉动", "总额", "零售", "出口", "进口", "外贸", "财政收入", "存款", "增加值", "收益", "效益", "产出",
	"营业", "总产值", "规模以上", "可支配", "储蓄", "营业额", "税费", "票房", "金额",
	// a budget's spending (预算支出安排, 交通运输支出): no investment
	"支出", "支出安排",
)

// itemNouns name the items of an investment or funding list: sectors,
// modes and projects ("国省干线18.7亿元", "站场物流项目3.5亿元"). An amount
// in a clause of its own takes a head from an earlier clause only when its
// clause names one; other amounts there (零售总额, 收入) are not the head's.
var itemNouns = []string{"公路", "铁路", "高速", "国道", "省道", "县道", "乡道", "村道", "干线", "农村", "水运", "水路",
	"港口", "港", "码头", "航道", "民航", "机场", "枢纽", "站", "物流", "项目", "工程", "段", "线", "桥", "隧道", "道路",
	"轨道", "交通", "客运", "货运", "公交", "其他", "其余", "城建", "市政", "航空", "通道", "路", "合计", "共计", "总计",
	"小计", "累计"}

// Cut verbs: a percentage or a from→to pair after them is a cut.
var cutVerbCues = words(roleCutVerb,
	"压减", "精简", "减少", "缩减", "压缩", "削减", "缩短", "降低", "下降", "减", "简化", "提速", "提速率", "提高效率",
	"减免", "压降", "减掉", "砍掉", "瘦身",
)

// Time-limit nouns of time_cut.
var timeNounCues = words(roleTimeNoun,
	"办理时限", "办理时间", "办理时长", "办理用时", "办理周期", "办结时限", "办结时间", "办件时间", "审批时限",
	"审批时间", "审批用时", "审批周期", "审批时长", "审核时间", "审核时限", "审查时限", "审查时间", "承诺时限",
	"办事时间", "办事用时", "许可时限", "发证时间", "办证时间", "出证时间", "用时", "时限", "时间", "时长", "期限",
	"周期", "工作日", "法定时限", "法定期限", "办理期限", "审批期限", "等待时间", "跑办时间", "天数",
	"期程", // Taiwan's word for the time a procedure takes (申办期程)
)

// Material nouns of material_cut: documents, steps, trips.
var matNounCues = words(roleMatNoun,
	"申请材料", "办理材料", "申报材料", "证明材料", "提交材料", "所需材料", "办事材料", "要件材料", "申请资料",
	"申报资料", "资料", "材料", "要件", "申请要件", "办事环节", "审批环节", "办理环节", "环节", "跑动次数", "跑腿次数",
	"到场次数", "办事次数", "跑动", "跑腿", "证明事项", "证明", "手续", "程序", "办事程序", "审批程序", "流程",
	"表单", "签字", "盖章", "次数", "申请文件", "申请书件", "应备书件", "书件", "审批阶段", "办理阶段", "阶段",
	"所需文件", "提交文件", "递交文件", "证明文件", "应备文件", "应备资料",
)

// Not a cut: growth, rates, shares, satisfaction, completion, statistics.
var notCutCues = words(roleNotCut,
	"同比", "环比", "增长", "增速", "增幅", "效率", "破损", "事故", "成本", "费用", "能耗", "排放", "通行", "出行",
	"行车", "占", "满意", "满意度", "满意率", "完成", "覆盖率", "通达率", "比重", "份额", "进度", "达标", "合格",
	"好评", "利用率", "率达", "上涨", "提高", "提升", "增加", "死亡", "伤亡", "发生", "受伤", "库存", "价格", "税",
	"利率", "费率", "概率", "指数", "人口", "比例为", "车程", "路程", "行程",
)

// Negatives of a percentage only: a from→to pair of durations is a time cut
// even for investment projects or a set of approval items ("86个事项由15个
// 工作日压缩为5个工作日").
var notPercentCutCues = words(roleNotCut, "投资", "资金", "亿元", "万元", "事项", "审批事项", "许可事项", "行政许可",
	"权力事项", "证照")

func words(r role, ws ...string) []cue {
	out := make([]cue, len(ws))
	for i, w := range ws {
		out[i] = cue{word: w, role: r}
	}
	return out
}

// cueTable finds cue words ending at a position, longest first.
type cueTable struct {
	byLast  map[rune][]cue
	byFirst map[rune][]cue
	// The characters of the Basic Multilingual Plane that end (begin) a
	// cue: the scans look one up for every character they pass, and most
	// end none, so a bit spares them the map.
	lastBits, firstBits *[0x10000 / 64]uint64
	// lostLast: the cue each word without its last character stands for,
	// when only one does (总经 for 总经费); "" marks a prefix of several.
	lostLast map[string]cue
}

func newCueTable(lists ...[]cue) *cueTable {
	t := &cueTable{byLast: map[rune][]cue{}, byFirst: map[rune][]cue{},
		lastBits: new([0x10000 / 64]uint64), firstBits: new([0x10000 / 64]uint64)}
	for _, l := range lists {
		for _, c := range l {
			last, _ := utf8.DecodeLastRuneInString(c.word)
			first, _ := utf8.DecodeRuneInString(c.word)
			t.byLast[last] = append(t.byLast[last], c)
			t.byFirst[first] = append(t.byFirst[first], c)
			if last < 0x10000 {
				t.lastBits[last/64] |= 1 << (last % 64)
			}
			if first < 0x10000 {
				t.firstBits[first/64] |= 1 << (first % 64)
			}
		}
	}
	for _, m := range []map[rune][]cue{t.byLast, t.byFirst} {
		for r, cs := range m {
			// longest first; slices' generic sort moves cues directly
			// (sort.SliceStable's reflective swaps were most of the
			// tables' build)
			slices.SortStableFunc(cs, func(a, b cue) int { return cmp.Compare(len(b.word), len(a.word)) })
			m[r] = dedupeCues(cs)
		}
	}
	t.lostLast = map[string]cue{}
	for _, cs := range t.byLast {
		for _, c := range cs {
			last, n := utf8.DecodeLastRuneInString(c.word)
			prefix := c.word[:len(c.word)-n]
			if utf8.RuneCountInString(prefix) < 2 || utf8.RuneLen(last) != 3 {
				continue // one character left says too little
			}
			if old, ok := t.lostLast[prefix]; ok && old.word != c.word {
				t.lostLast[prefix] = cue{}
				continue
			}
			t.lostLast[prefix] = c
		}
	}
	return t
}

// maxLostPrefix bounds the characters before a lost one that lostLast is
// asked for.
const maxLostPrefix = 5

// endingLost finds the cue whose last character a reader lost (U+FFFD at
// s[i-3:i]): the longest word, the rest of it before the U+FFFD, that only
// one cue begins with ("总经�3,430万元" for 总经费). It returns the cue and
// where its text starts.
func (t *cueTable) endingLost(s string, lo, i int) (cue, int, bool) {
	end := i - len("\uFFFD")
	best, at := cue{}, -1
	k := end
	for n := 0; n < maxLostPrefix && k > lo; n++ {
		_, size := utf8.DecodeLastRuneInString(s[lo:k])
		k -= size
		if c, ok := t.lostLast[s[k:end]]; ok && c.word != "" {
			best, at = c, k
		}
	}
	return best, at, at >= 0
}

// innerLost finds the longest cue of four or more characters ending with
// r at byte i of s whose text there lost one character inside it
// (建\uFFFD里程 for 建设里程, 建\uFFFD规模 for 建设规模): its first and last
// characters and all but one between hold. Cues of different roles that
// fit alike, or money cues of different bases, leave it unknown. Three characters with one lost say too
// little: 公路\uFFFD长 (总长, stock) would be 路线长 (a project's length).
func (t *cueTable) innerLost(s string, lo, i int, r rune) (cue, bool) {
	if r < 0x10000 && t.lastBits[r/64]&(1<<(r%64)) == 0 {
		return cue{}, false
	}
	var found cue
	ok := false
	for _, c := range t.byLast[r] {
		w := len(c.word)
		if ok && w < len(found.word) {
			break // longest first
		}
		if w < 4*len(lost) || i-w < lo || !oneInnerLost(s[i-w:i], c.word) {
			continue
		}
		if ok && (found.role != c.role || found.basis != c.basis) {
			return cue{}, false
		}
		found, ok = c, true
	}
	// The cue is named as found (建\uFFFD里程): which word it was is not
	// known, only what it does.
	found.word = s[i-len(found.word) : i]
	return found, ok
}

// oneInnerLost reports whether s is w (three-byte characters only) with
// exactly one character other than its first and last lost (U+FFFD).
func oneInnerLost(s, w string) bool {
	if len(s) != len(w) || len(w)%3 != 0 {
		return false
	}
	holes := 0
	for k := 0; k < len(w); k += 3 {
		if s[k:k+3] == w[k:k+3] {
			continue
		}
		if s[k:k+3] != lost || k == 0 || k+3 == len(w) || w[k] < 0xe0 {
			return false
		}
		holes++
	}
	return holes == 1
}

// dedupeCues keeps the first entry of each word (lists are given in order of
// precedence).
func dedupeCues(cs []cue) []cue {
	seen := map[string]bool{}
	out := cs[:0]
	for _, c := range cs {
		if seen[c.word] {
			continue
		}
		seen[c.word] = true
		out = append(out, c)
	}
	return out
}

// endingAt returns the longest cue that ends at byte i of s and starts at or
// after lo.
func (t *cueTable) endingAt(s string, lo, i int) (cue, bool) {
	if i <= lo {
		return cue{}, false
	}
	r, _ := decodeLast(s, lo, i)
	return t.endingWith(s, lo, i, r)
}

// endingAt for r, the last character of s[lo:i].
func (t *cueTable) endingWith(s string, lo, i int, r rune) (cue, bool) {
	if r < 0x10000 && t.lastBits[r/64]&(1<<(r%64)) == 0 {
		return cue{}, false
	}
	for _, c := range t.byLast[r] {
		if i-len(c.word) >= lo && s[i-len(c.word):i] == c.word {
			return c, true
		}
	}
	return cue{}, false
}

// startingAt returns the longest cue that starts at byte i of s and ends at
// or before hi.
func (t *cueTable) startingAt(s string, i, hi int) (cue, bool) {
	if i >= hi {
		return cue{}, false
	}
	r, _ := utf8.DecodeRuneInString(s[i:hi])
	return t.startingWith(s, i, hi, r)
}

// startingAt for r, the first character of s[i:hi].
func (t *cueTable) startingWith(s string, i, hi int, r rune) (cue, bool) {
	if r < 0x10000 && t.firstBits[r/64]&(1<<(r%64)) == 0 {
		return cue{}, false
	}
	for _, c := range t.byFirst[r] {
		if i+len(c.word) <= hi && s[i:i+len(c.word)] == c.word {
			return c, true
		}
	}
	return cue{}, false
}

// maxScanBytes bounds how far a cue scan looks from a number (about 500
// Chinese characters, more than any sentence a cue reaches across), so a
// text with no sentence end stays linear.
const maxScanBytes = 1500

// hit is a cue found in a sentence.
type hit struct {
	cue
	start, end int
	clauses    int // clause boundaries between the hit and the candidate
}

// scanLeft walks from pos back to lo and calls visit with each cue, nearest
// first (the longest cue at each end position; cues do not overlap). It
// stops when visit returns false.
func (t *cueTable) scanLeft(s string, lo, pos int, visit func(hit) bool) {
	if pos-lo > maxScanBytes {
		lo = pos - maxScanBytes
		for lo < pos && !utf8.RuneStart(s[lo]) {
			lo++
		}
	}
	clauses := 0
	holed := strings.Contains(s[lo:pos], lost)
	for i := pos; i > lo; {
		// one decoding serves the cue lookup and the clause count; the
		// common cases inline (decodeLast is too large to be)
		r, n := rune(s[i-1]), 1
		if r >= utf8.RuneSelf {
			r3, ok := rune(0), false
			if i-3 >= lo {
				r3, ok = decode3(s, i-3)
			}
			if ok {
				r, n = r3, 3
			} else {
				r, n = decodeLast(s, lo, i)
			}
		}
		c, ok := t.endingWith(s, lo, i, r)
		if holed && r != utf8.RuneError {
			// A longer cue that lost a character inside (建\uFFFD里程)
			// goes before the shorter one left whole (里程).
			if cl, found := t.innerLost(s, lo, i, r); found && (!ok || len(cl.word) > len(c.word)) {
				c, ok = cl, true
			}
		}
		if ok && !codeLine(s, i-len(c.word), c.word) {
			if !visit(hit{cue: c, start: i - len(c.word), end: i, clauses: clauses}) {
				return
			}
			i -= len(c.word)
			continue
		}
		if r == utf8.RuneError && n == 3 {
			if c, at, ok := t.endingLost(s, lo, i); ok {
				if !visit(hit{cue: c, start: at, end: i, clauses: clauses}) {
					return
				}
				i = at
				continue
			}
		}
		if isClauseBreak(r) && !groupComma(s, i-n) {
			clauses++
		}
		i -= n
	}
}

// scanRight walks from pos to hi, nearest first, like scanLeft.
func (t *cueTable) scanRight(s string, pos, hi int, visit func(hit) bool) {
	if hi-pos > maxScanBytes {
		hi = pos + maxScanBytes
		for hi > pos && !utf8.RuneStart(s[hi]) {
			hi--
		}
	}
	clauses := 0
	for i := pos; i < hi; {
		r, n := utf8.DecodeRuneInString(s[i:hi])
		if c, ok := t.startingWith(s, i, hi, r); ok && !codeLine(s, i, c.word) {
			if !visit(hit{cue: c, start: i, end: i + len(c.word), clauses: clauses}) {
				return
			}
			i += len(c.word)
			continue
		}
		if isClauseBreak(r) && !groupComma(s, i) {
			clauses++
		}
		i += n
	}
}

// groupComma reports an ASCII comma at s[i] between digits: a thousands
// separator (1,015亿元), no clause break.
func groupComma(s string, i int) bool {
	return s[i] == ',' && i > 0 && i+1 < len(s) && s[i-1] >= '0' && s[i-1] <= '9' && s[i+1] >= '0' && s[i+1] <= '9'
}

// codeLine reports a cue word at s[start:] that begins with the 线 of a
// road's number (苗52线路口, G318线路面, S218线路段): "线路" there is no
// line of another kind.
func codeLine(s string, start int, word string) bool {
	if start == 0 || !strings.HasPrefix(word, "线") {
		return false
	}
	c := s[start-1]
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
}

func isClauseBreak(r rune) bool {
	switch r {
	case '，', ',', '；', ';', '。', '！', '？', '!', '?', '：', ':', '（', '(', '）', ')':
		return true
	}
	return false
}

func itoa(n int) string { return strconv.Itoa(n) }

func mustCompile(p string) *regexp.Regexp { return regexp.MustCompile(p) }

// Span words: what joins a head on its left in a figure's raw span.
var (
	// sectors and adverbials of an investment head ("预计年内完成公路水路投资")
	investmentSectors = []string{
		"交通", "公路", "水路", "公路水路", "水运", "交通建设", "公路建设", "固定资产", "交通固定资产", "基础设施", "概算", "估算",
	}
	investmentAdverbials = []string{"预计", "计划", "累计", "全年", "年内", "当年", "已", "将", "拟", "共", "实际", "力争", "今年"}
	// fund types that name the money ("中央预算内资金", "专项运输补贴")
	fundModifiers = []string{"中央预算内", "中央车购税", "中央财政", "中央", "车购税", "专项债券", "专项债", "债券", "专项", "补助",
		"奖补", "配套", "财政", "扶持", "运输", "燃油", "运营", "以奖代补", "一事一议"}
	// words that join a cut noun ("审批办理时限")
	cutNounPrefixes = []string{"行政审批", "审批", "平均", "整体", "承诺", "全流程", "总体", "申请", "项目"}
	// words that make an amount a rate, not a total
	rateWords = []string{"每", "人均", "亩均", "户均", "均价", "单价"}
	// Approval words that make a bare 时间 a processing time ("办事等待时间"
	// is; "通行时间", "待港时间" are not).
	approvalWords = []string{"办理", "审批", "办结", "审核", "审查", "许可", "发证", "办证", "办事", "承诺", "法定", "核准",
		// Taiwan's and Hong Kong's words for issuing and applying
		"核发", "申办", "审理", "核定", "发照", "准照", "执照", "牌照",
		"备案", "登记", "验收", "评审", "受理", "开办", "注册", "立项", "报建", "办件", "出证", "政务", "服务", "申请", "行政",
		"手续", "业务", "窗口", "流程", "环节", "企业", "项目",
		// customs procedures are the state's processing too
		"通关", "报关", "清关",
		// utility connections and surveying are steps of the same approvals
		"报装", "测绘"}
)

// bareTimeNouns are time nouns that name a processing time only in an
// approval context.
var bareTimeNouns = map[string]bool{"时间": true, "时长": true, "用时": true, "周期": true, "期限": true, "天数": true, "期程": true}

// Words of the rules' spans and of the words around a number.

// road types used as a subject; generic nouns (道路, 路面) are not subjects
var roadTypes = []string{
	"农村公路", "四好农村路", "农村路", "普通国省道", "国省道", "国省干线", "普通国省干线", "干线公路", "普通公路",
	"高速公路", "一级公路", "二级公路", "三级公路", "四级公路", "国道", "省道", "县道", "乡道", "村道", "县乡道",
	"县乡公路", "通村公路", "通乡公路", "通村路", "通组路", "村组道路", "城市道路", "市政道路", "旅游公路", "资源路",
	"产业路", "旅游路", "快速路",
}

// Right after the unit: a speed, a place ("30公里处", "公里外"), a rate.
var notRoadAfter = []string{"/小时", "/时", "每小时", "/h", "/H", "h", "外", "以外", "范围", "半径", "处", "远", "之外",
	"的距离", "路程", "车程", "/天", "/日", "每天", "每日", "/年", "每年", "/人", "长的隧道", "长的桥", "长的大桥", "隧道",
	"桥", "铁路", "高铁", "航道", "管道", "管网", "河道", "岸线", "海岸线", "轨道", "地铁", "绿道", "步道", "城际",
	"的铁路", "的高铁", "的航道", "的管道", "的隧道", "的轨道",
	// an event held over the distance ("10公里长跑"), not road built
	"长跑", "马拉松", "半程马拉松", "全程马拉松", "半马", "徒步", "骑行", "越野", "健步走", "健走", "竞走", "跑步",
	"接力", "环湖跑", "自行车赛"}

// road nouns that may follow the unit ("9.4公里农村公路"), longest first
var roadNounsAfter = []string{
	"农村公路", "四好农村路", "农村路", "普通国省道", "国省道", "国省干线", "普通国省干线", "干线公路", "普通公路",
	"高速公路", "一级公路", "二级公路", "三级公路", "四级公路", "国道", "省道", "县道", "乡道", "村道", "县乡道",
	"县乡公路", "通村公路", "通村路", "通组路", "村组道路", "城市道路", "市政道路", "旅游公路", "资源路", "产业路",
	"旅游路", "快速路", "主干路", "次干路", "道路", "公路", "路段", "路面", "路基", "高速",
}

// designations that head a road noun ("美丽国省道")
var roadPrefixes = []string{"美丽"}

// verbs of road works that join a span
var roadVerbs = []string{
	"新建", "改建", "新改建", "改扩建", "扩建", "改造", "新建改造", "建成", "建设", "修建", "升级", "提档升级", "提升",
	"提质", "养护", "维修", "大中修", "大修", "中修", "整治", "硬化", "铺设", "拓宽", "加宽", "完成", "实施", "创建",
	"打造", "通车", "建成通车", "贯通", "开工", "改善", "修复", "罩面", "加铺", "修缮", "新增", "延伸", "畅通", "续建",
	"新开工", "完工", "兴建", "扩阔", "重铺", "翻修", "翻新", "重建", "铺装", "重修", "翻建",
}

// verbs of completion that show works in a clause but do not join a works
// verb in the span ("完成改造300公里" spans "改造300公里")
var auxVerbs = map[string]bool{"完成": true, "实施": true, "打造": true, "创建": true}

// projectLengthWord: the length words of a whole project, which may stand
// with no way named (unlike 里程 and 长度, said of vehicles and rivers too).
var projectLengthWord = map[string]bool{"全长": true, "总长": true, "全线长": true, "路线全长": true, "总长度": true, "路线长": true, "路线总长": true, "主线长": true}

// genericRoadNoun: nouns of the road table that do not name a road.
var genericRoadNoun = map[string]bool{"工程": true, "项目": true, "线": true, "路线": true}

// count words before "9.4公里" in "9条9.4公里农村公路"
var countRe = mustCompile(`[0-9０-９一二两三四五六七八九十百]+\s*(?:条|段|处|个)\s*$`)

// Words after a money unit that make it a rate or a threshold, not a total.
var notMoneyAfter = []string{"/", "每", "以上项目", "以上的项目", "以上重点项目", "以下项目", "以上企业", "以上的企业",
	"级", "档", "一张", "一份", "一次"}

// Words that state a basis in the clause before a head.
var basisWords = []struct{ word, basis string }{
	{"计划", BasisPlanned}, {"预计", BasisPlanned}, {"拟", BasisPlanned}, {"力争", BasisPlanned}, {"将", BasisPlanned},
	{"确保", BasisPlanned}, {"目标", BasisPlanned}, {"年度计划", BasisPlanned},
	{"完成", BasisCompleted}, {"累计", BasisCompleted}, {"已", BasisCompleted}, {"实际", BasisCompleted},
	{"总", BasisTotal}, {"概算", BasisTotal}, {"估算", BasisTotal},
}

// Units of from→to values and the kind each counts.
var (
	// 工作天 is Taiwan's 工作日; 种 counts kinds of documents.
	timeUnits = []string{"个工作日", "工作日", "个工作天", "工作天", "个自然日", "自然日", "天", "日", "个小时", "小时", "分钟", "个月", "月", "周"}
	matUnits  = []string{"个环节", "道环节", "个阶段", "个", "份", "项", "件", "次", "趟", "道", "张", "类", "页", "个部门", "表", "种"}
	fromWords = []string{"原来的", "原先的", "原来", "原先", "原本的", "原本", "原", "以往的", "以往", "过去的", "过去", "法定的", "法定",
		"之前的", "之前", "以前的", "以前", "去年的", "上年的", "累计", "平均", "均", "承诺", "改革前的", "改革前", "最长", "最多", "原有的",
		"大约", "约", "将近", "近",
		// a slogan quoted ("最多跑5次")
		"“", "「", "‘", "最多跑", "跑"}
	toWords = []string{"承诺", "现在的", "现在", "目前的", "目前", "当前的", "当前", "现", "最多", "最快", "最短", "仅需", "只需", "仅", "只要", "平均",
		"均", "不超过", "压缩后的", "改革后的", "大约", "约", "将近", "“", "「", "‘", "最多跑", "跑"}
	toMarks = []string{"缩短为", "缩减为", "压缩为", "压减为", "减少为", "精简为", "简化为", "降低为", "降为", "减为",
		"缩短到", "缩减到", "压缩到", "压减到", "减少到", "精简到", "简化到", "降低到", "降到", "减到",
		"缩短至", "缩减至", "压缩至", "压减至", "减少至", "精简至", "简化至", "降低至", "降至", "减至", "缩至",
		"至", "到", "为", "成"}
)
