package extractors

import (
	"regexp"
	"strings"
	"sync"
)

// roadLength finds kilometres of road built, rebuilt, upgraded, maintained or
// renovated: "改造农村公路559公里", "9条9.4公里农村公路", "整治1.6万余公里".
type roadLength struct {
}

func newRoadLength() *roadLength {
	return &roadLength{}
}

func (*roadLength) Kind() string { return KindRoadLength }

// road nouns, longest first where one contains another
var roadNouns = []string{
	"农村公路", "四好农村路", "农村路", "普通国省道", "国省道", "国省干线", "普通国省干线", "干线公路", "普通公路",
	"高速公路", "一级公路", "二级公路", "三级公路", "四级公路", "国道", "省道", "县道", "乡道", "村道", "县乡道",
	"县乡公路", "通村公路", "通村路", "通组路", "村组道路", "城市道路", "市政道路", "旅游公路", "资源路", "产业路",
	"旅游路", "快速路", "主干路", "次干路", "道路", "公路", "路段", "路面", "路基", "高速",
}

// road types used as a subject; the generic words above are not subjects
var roadTypes = []string{
	"农村公路", "四好农村路", "农村路", "普通国省道", "国省道", "国省干线", "普通国省干线", "干线公路", "普通公路",
	"高速公路", "一级公路", "二级公路", "三级公路", "四级公路", "国道", "省道", "县道", "乡道", "村道", "县乡道",
	"县乡公路", "通村公路", "通村路", "通组路", "村组道路", "城市道路", "市政道路", "旅游公路", "资源路", "产业路",
	"旅游路", "快速路",
}

// designations that head a road noun ("美丽国省道")
var roadPrefixes = []string{"美丽"}

// verbs of road works
var roadVerbs = []string{
	"新建", "改建", "新改建", "改扩建", "扩建", "改造", "新建改造", "建成", "建设", "修建", "升级", "提档升级", "提升",
	"提质", "养护", "维修", "大中修", "大修", "中修", "整治", "硬化", "铺设", "拓宽", "加宽", "完成", "实施", "创建",
	"打造", "通车", "建成通车", "贯通", "开工", "改善", "修复", "罩面", "加铺", "修缮", "新增", "延伸", "畅通",
}

// words showing the kilometres are not road works: areas, distances between
// places, speeds, vehicle mileage and safe-driving awards
var notRoadBefore = []string{"平方", "距", "相距", "距离", "离市", "离城", "时速", "车程", "行驶", "行车", "驾驶",
	"运营里程", "安全行", "航程", "运距", "飞行", "巡查", "巡逻", "骑行", "跑", "半径", "管道", "管网", "河道", "岸线",
	"线路", "航道", "铁路", "高铁", "轨道", "地铁", "隧道", "桥梁"}
var notRoadAfter = []string{"/小时", "/时", "每小时", "/h", "/H", "h", "外", "范围", "以外", "半径", "处"}

// count words before "9.4公里" in "9条9.4公里农村公路"
var countRe = regexp.MustCompile(`[0-9０-９一二两三四五六七八九十百]+\s*(?:条|段|处|个)\s*$`)

func (e *roadLength) Extract(s *Sentence) []Figure {
	var out []Figure
	for _, loc := range lengthUnits(s.Text) {
		if f, ok := e.at(s, loc[0], loc[1]); ok {
			out = append(out, f)
		}
	}
	return out
}

// lengthUnits finds 公里, 千米 and km in any case in text order, as regexp
// `公里|千米|(?i:km)` FindAllStringIndex would (its case folding lets the
// Kelvin sign U+212A stand for k).
func lengthUnits(t string) [][2]int {
	var out [][2]int
	for i := 0; i < len(t); {
		n := 0
		switch c := t[i]; {
		case c == 'k' || c == 'K':
			if i+1 < len(t) && (t[i+1] == 'm' || t[i+1] == 'M') {
				n = 2
			}
		case strings.HasPrefix(t[i:], "公里"):
			n = len("公里")
		case strings.HasPrefix(t[i:], "千米"):
			n = len("千米")
		case strings.HasPrefix(t[i:], "\u212A"):
			if j := i + len("\u212A"); j < len(t) && (t[j] == 'm' || t[j] == 'M') {
				n = len("\u212A") + 1
			}
		}
		if n == 0 {
			i++
			continue
		}
		out = append(out, [2]int{i, i + n})
		i += n
	}
	return out
}

func (e *roadLength) at(s *Sentence, unitStart, unitEnd int) (Figure, bool) {
	t := s.Text
	if strings.HasPrefix(strings.ToLower(t[unitStart:unitEnd]), "km") && unitEnd < len(t) && isASCIILetter(t[unitEnd]) {
		return Figure{}, false // "kmh", "kms"
	}
	am, ok := numberBefore(t, unitStart)
	if !ok {
		return Figure{}, false
	}
	after := t[unitEnd:]
	for _, w := range notRoadAfter {
		if strings.HasPrefix(after, w) {
			return Figure{}, false
		}
	}
	cs := clauseStart(t, am.start)
	ce := clauseEnd(t, unitEnd)
	before := t[cs:am.start]
	for _, w := range notRoadBefore {
		if strings.Contains(before, w) {
			return Figure{}, false
		}
	}
	kwEnd, preQual := keywordEnd(t, am.start)
	kwEnd = max(kwEnd, cs)
	start, end := -1, unitEnd
	subject := ""

	// "9条9.4公里农村公路": the road noun follows the unit
	if n := hasPrefixAny(after, prefixedRoadNouns()); n != "" {
		end = unitEnd + len(n)
		start = am.start
		if m := countRe.FindStringIndex(t[:am.start]); m != nil && m[0] >= cs {
			start = m[0]
		}
		subject = roadType(n)
		if !containsAny(t[cs:ce], roadVerbs) {
			return Figure{}, false
		}
	} else {
		// "大修工程28公里": a works noun after the verb; "新增高速公路通车
		// 里程186公里": new mileage (but never 总里程, the network's size)
		if w := hasSuffixAny(t[cs:kwEnd], []string{"工程", "项目", "任务"}); w != "" && hasSuffixAny(t[cs:kwEnd-len(w)], roadVerbs) != "" {
			kwEnd -= len(w)
		} else if w := hasSuffixAny(t[cs:kwEnd], []string{"通车里程", "建设里程", "里程"}); w != "" && !strings.HasSuffix(t[cs:kwEnd-len(w)], "总") {
			kwEnd -= len(w)
		}
		kw := t[cs:kwEnd]
		if v := hasSuffixAny(kw, roadVerbs); v != "" {
			// "整治1.6万余公里": a works verb next to the number; the road
			// noun is elsewhere in the clause
			start = kwEnd - len(v)
			start = extendVerbs(t, start, cs)
			if !containsAny(t[cs:kwEnd], roadNouns) {
				return Figure{}, false
			}
		} else if n := hasSuffixAny(kw, prefixedRoadNouns()); n != "" {
			// "改造农村公路559公里", "美丽国省道88公里"
			start = kwEnd - len(n)
			if v := hasSuffixAny(t[cs:start], roadVerbs); v != "" {
				start = extendVerbs(t, start-len(v), cs)
			} else if !containsAny(t[cs:kwEnd], roadVerbs) {
				return Figure{}, false
			}
		} else {
			return Figure{}, false
		}
		subject = lastRoadType(t[cs:kwEnd])
	}
	qual := qualifierOf(preQual, am.num, postQualifier(t, unitEnd))
	if subject == "" {
		subject = s.projectSubject(cs, start)
	}
	return Figure{
		Kind:      KindRoadLength,
		Value:     am.num.Value,
		ValueText: am.num.Text,
		Unit:      UnitKm,
		Qualifier: qual,
		Start:     s.Start + start,
		End:       s.Start + end,
		Subject:   subject,
		Extractor: "road_length.works",
	}, true
}

func isASCIILetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// verbs of completion that show works in a clause but do not join a works
// verb in the span ("完成改造300公里" spans "改造300公里")
var auxVerbs = map[string]bool{"完成": true, "实施": true, "打造": true, "创建": true}

// extendVerbs moves start back over adjacent works verbs ("新建改造",
// "新建和改建").
func extendVerbs(t string, start, limit int) int {
	for start > limit {
		v := hasSuffixAny(t[limit:start], roadVerbs)
		if auxVerbs[v] {
			break
		}
		if v == "" {
			if j := hasSuffixAny(t[limit:start], []string{"和", "及", "、", "与"}); j != "" && hasSuffixAny(t[limit:start-len(j)], roadVerbs) != "" {
				start -= len(j)
				continue
			}
			break
		}
		start -= len(v)
	}
	return start
}

// prefixedRoadNouns is withPrefixes(roadNouns), built once: the road
// extractor asks for it at every length unit.
var prefixedRoadNouns = sync.OnceValue(func() []string { return withPrefixes(roadNouns) })

func withPrefixes(nouns []string) []string {
	out := append([]string(nil), nouns...)
	for _, p := range roadPrefixes {
		for _, n := range nouns {
			out = append(out, p+n)
		}
	}
	return out
}

// roadType maps a matched road noun to its subject: "美丽国省道" -> "国省道";
// generic nouns (道路, 路面) give "".
func roadType(n string) string {
	for _, p := range roadPrefixes {
		n = strings.TrimPrefix(n, p)
	}
	for _, t := range roadTypes {
		if n == t {
			return n
		}
	}
	return ""
}

// lastRoadType returns the road type mentioned last in s, the longer one
// when two end together ("普通国省道" over "国省道").
func lastRoadType(s string) string {
	best, bestEnd := "", -1
	for _, t := range roadTypes {
		i := strings.LastIndex(s, t)
		if i < 0 {
			continue
		}
		if e := i + len(t); e > bestEnd || e == bestEnd && len(t) > len(best) {
			best, bestEnd = t, e
		}
	}
	return best
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
