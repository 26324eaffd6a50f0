package extractors

import (
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// roadLength finds kilometres of road built, rebuilt, upgraded, maintained or
// planned, and the total length of a road project. Every number before a
// unit of length is a candidate; the cues around it (cues.go) decide.
type roadLength struct{}

func newRoadLength() *roadLength { return &roadLength{} }

func (*roadLength) Kind() string { return KindRoadLength }

var (
	roadTable = sync.OnceValue(func() *cueTable {
		return newCueTable(roadWorksCues, roadLengthCues, notRoadCues, otherWayCues, roadNounCues, distancePlaces)
	})
	// distancePlaces are words that hold a distance cue and say no
	// distance: place names that begin with 离 (离岛区 of Hong Kong and
	// Macau, 离石区) and the extent of works (工程范围由A至B), not a range
	// around a place. The longer cue hides the shorter from the scans.
	distancePlaces = words(roleNone, "离岛", "离石", "工程范围", "施工范围", "建设范围", "改造范围")
	// wayTable tells what a 全长 measures: a road, or another way.
	wayTable = sync.OnceValue(func() *cueTable { return newCueTable(otherWayCues, roadNounCues, wayWorksCues) })
	// works verbs that say a project is road works when no way is named
	// ("改扩建工程总长23.5公里", "建设里程全长约126.3公里")
	wayWorksCues = words(roleWorks, "改扩建", "新改建", "改建", "新建", "扩建", "升级改造", "提质改造", "拓宽", "建设里程",
		"路面", "路基", "养护")
)

func (e *roadLength) Extract(s *Sentence) []Figure { return e.appendFigures(s, nil) }

func (e *roadLength) appendFigures(s *Sentence, out []Figure) []Figure {
	for _, loc := range s.marks().length {
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
		case c != 0xe5 && c != 0xe2:
			// Not the first byte of 公, 千 (E5) or the Kelvin sign (E2):
			// most bytes of a sentence end here, without prefix tests.
		case c == 0xe5:
			// E5 leads a fifth of Chinese characters: one compare of
			// the six bytes a unit would take
			if i+6 <= len(t) {
				switch t[i : i+6] {
				case "公里", "千米":
					n = 6
				}
			}
		case strings.HasPrefix(t[i:], "\u212A"):
			if j := i + len("\u212A"); j < len(t) && (t[j] == 'm' || t[j] == 'M') {
				n = len("\u212A") + 1
			}
		}
		if n == 0 {
			i += stepPast(t, i) // a unit starts with no continuation byte
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
	if isKilometrePost(t, am.start) {
		return Figure{}, false
	}
	after := strings.TrimLeft(t[unitEnd:], " \u3000")
	if hasPrefixAny(after, notRoadAfter) != "" || beltAfter(after) {
		return Figure{}, false
	}
	kwEnd, preQual := keywordEnd(t, am.start)
	if placeToPlace(t, kwEnd) {
		return Figure{}, false
	}
	qual := qualifierOf(preQual, am.num, postQualifier(t, unitEnd))

	evidence, start, ok := roadEvidence(s, kwEnd, unitEnd)
	if !ok {
		return Figure{}, false
	}
	cs := clauseStart(t, am.start)
	if kwEnd < cs {
		// "建设里程：86.4公里": the keyword ends before the colon that
		// ends its clause; span and subject start in the keyword's clause
		// (the span once reached back past cs and panicked).
		cs = clauseStart(t, kwEnd)
	}
	start = roadSpanStart(t, cs, kwEnd, start)
	if start < 0 || start > am.start {
		start = am.start
	}
	end := unitEnd
	// "9条9.4公里农村公路": the road noun after the unit is part of the span
	if n := hasPrefixAny(t[unitEnd:], prefixedRoadNouns()); n != "" {
		end = unitEnd + len(n)
		start = am.start
		if m := countRe.FindStringIndex(t[:am.start]); m != nil && m[0] >= clauseStart(t, am.start) {
			start = m[0]
		}
	}
	subject := lastRoadType(t[cs:kwEnd])
	if subject == "" {
		subject = roadType(hasPrefixAny(t[unitEnd:], prefixedRoadNouns()))
	}
	if subject == "" {
		subject = s.projectSubject(cs, max(start, cs))
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
		Extractor: "road_length.cue",
		Evidence:  evidence,
	}, true
}

// roadEvidence decides a length candidate whose number (with its
// qualifiers) starts at numStart: the nearest deciding cue to the left in
// the sentence wins (a works verb keeps, a negative drops; road nouns are
// the topic and do not decide). A project length (全长) is kept when the
// nearest way named before it is a road. Undecided on the left, a road noun
// and a works verb to the right keep it ("100公里“四好农村路”样板线正全面推进").
// It returns the evidence and where the figure's span starts (the cue, when
// it is in the number's clause).
func roadEvidence(s *Sentence, numStart, unitEnd int) (string, int, bool) {
	t := s.Text
	var (
		verdict  int // 1 keep, -1 drop
		evidence string
		start    = -1
		noun     string
		specific bool // a road noun that names a road (not 工程, 项目)
	)
	if n, ok := projectCount(t, numStart); ok {
		// "项目7个36.5公里", "公路项目42个1860公里": the km of N road projects
		return "km of " + n + " road projects", -1, true
	}
	if scopedStock(t, numStart, unitEnd) {
		return "", -1, false
	}
	roadTable().scanLeft(t, 0, numStart, func(h hit) bool {
		switch h.role {
		case roleRoadNoun:
			if noun == "" {
				noun = h.word
			}
			if !genericRoadNoun[h.word] {
				specific = true
			}
			if h.clauses == 0 {
				start = h.start
			}
			return true
		case roleOtherWay:
			// "建成铁路85公里": the way measured; after a road noun
			// ("堤顶道路", "铁路85公里、高速公路64公里") it names something else
			if specific {
				return true
			}
			verdict = -1
			return false
		case roleNotRoad:
			if h.word == "总里程" || h.word == "通车里程" || h.word == "通车总里程" || h.word == "公路里程" || h.word == "里程达" || h.word == "里程达到" {
				// "新增通车里程", "新改建农村公路里程", "新开工高速公路里程
				// 达到72公里": new road, not stock
				if v := newWorksBefore(t, h.start); v != "" {
					verdict, evidence = 1, "cue "+v+"…"+h.word+" (new mileage)"
					start = clauseStart(t, h.start) + strings.LastIndex(t[clauseStart(t, h.start):h.start], v)
					return false
				}
			}
			verdict = -1
			return false
		case roleWorks:
			if noun == "" && h.clauses > 0 && s.cutByWord(h.start, h.end) {
				// "重新开放" holds 新开 but is 重新|开放: alone and clauses
				// back, a verb that is no word of its text decides nothing
				return true
			}
			if !specific && otherWayBefore(t, h.start) {
				// "内河航道整治工程长45公里", "有轨电车线路延伸6.8公里"
				verdict = -1
				return false
			}
			verdict = 1
			evidence = "cue " + h.word + " (works verb)"
			if noun != "" {
				evidence += " + road noun " + noun
			}
			if h.clauses > 0 {
				evidence += " ← " + itoa(h.clauses) + " clause(s) back"
			} else {
				start = h.start
			}
			return false
		case roleLength:
			// "巡查里程", "行驶里程": the word before the length says what it is
			if c, found := roadTable().endingAt(t, clauseStart(t, h.start), h.start); found && c.role == roleNotRoad {
				verdict = -1
				return false
			}
			cs := clauseStart(t, h.start)
			if before := t[cs:h.start]; containsAny(before, scopeWords) || strings.HasSuffix(before, "网") || strings.HasSuffix(before, "网络") ||
				containsAny(before, stockTimeWords) && !worksIn(t, cs, h.start) {
				// the network's size, not a project's (全县公路总长,
				// 道路网络总长)
				verdict = -1
				return false
			}
			way, ok := nearestWay(t, h.start)
			if ok {
				// "北环线全长约10.7公里，属铁路项目": a way named after wins
				if w, road := wayAfter(t, h.end); w != "" && !road && !componentWays[w] && isWayOfProject(t, h.end, w) {
					ok = false
				}
			}
			if !ok && way == "" {
				// "起于A，止于B，路线全长12.6公里，采用二级公路标准": the way is
				// named after the length; else before the sentence
				way, ok = wayAfter(t, h.end)
				if !ok && way != "" && installedAfter(t, h.end, way) {
					way = "" // 并设置人行道及自行车道: a part the works install
				}
				if !ok && (way == "" || componentWays[way]) && projectLengthWord[h.word] {
					way, ok = s.wayBefore()
				}
			}
			if !ok {
				verdict = -1
				return false
			}
			verdict = 1
			evidence = "cue " + h.word + " of " + way
			if h.clauses == 0 {
				start = h.start
			}
			return false
		}
		return true
	})
	switch verdict {
	case 1:
		return evidence, start, true
	case -1:
		return "", -1, false
	}
	// undecided on the left: a road noun and a works verb after the unit
	// ("50公里的新国道工程也即将动工"), in the same sentence
	var rnoun, verb string
	roadTable().scanRight(t, unitEnd, len(t), func(h hit) bool {
		switch h.role {
		case roleRoadNoun:
			if rnoun == "" && h.clauses == 0 {
				rnoun = h.word
			}
		case roleWorks:
			if verb == "" && hasSuffixAny(t[:h.start], negations) == "" {
				verb = h.word
			}
			return false
		case roleNotRoad, roleLength:
			return false
		}
		return true
	})
	if rnoun == "" && noun == "" || verb == "" {
		return "", -1, false
	}
	n := rnoun
	if n == "" {
		n = noun
	}
	return "road noun " + n + " + works verb " + verb + " after", -1, true
}

// newWorksBefore returns the verb of new works (新增, 新建, 新改建, 建成) in
// the clause before a mileage word.
func newWorksBefore(t string, pos int) string {
	cs := clauseStart(t, pos)
	for _, v := range []string{"新改建", "新增", "新建", "建成", "改建", "完成", "新开工", "开工建设"} {
		if strings.Contains(t[cs:pos], v) {
			return v
		}
	}
	return ""
}

// nearestWay returns the nearest way named in the sentence before pos when
// it is a road ("高速公路…全长约160.8公里"), false when it is another way
// (铁路, 隧道, 大桥) or none is named.
func nearestWay(t string, pos int) (string, bool) {
	way, ok := "", false
	wayTable().scanLeft(t, 0, pos, func(h hit) bool {
		switch h.role {
		case roleOtherWay:
			if componentWays[h.word] && inRoutePlaces(t, h.start) {
				return true // a place (桥头, 大桥镇) the route runs through
			}
			way = h.word
			return false
		case roleRoadNoun:
			if genericRoadNoun[h.word] {
				return true // says nothing of the kind of way
			}
			way, ok = h.word, true
			return false
		case roleWorks:
			way, ok = h.word+" works", true
			return false
		}
		return true
	})
	return way, ok
}

// beltHeads are the nouns of lengths that are no road: belts, corridors
// and paths (产业带, 景观带, 生态廊道, 滨河步道, 环湖绿道).
// 带 counts only at the end of those words (带动 is a verb).
var beltHeads = []string{"廊道", "绿廊", "长廊", "步道", "绿道", "栈道", "河道", "岸线", "堤防", "河堤", "海堤"}

// beltAfter reports whether the words right after a length (up to the
// next mark or 8 characters) name such a thing and no road: "30公里沿河
// 生态廊道" is the corridor's length, "30公里沿江公路" a road's.
func beltAfter(after string) bool {
	k, n := 0, 0
	for k < len(after) && n < 8 {
		r, w := utf8.DecodeRuneInString(after[k:])
		if !hanRune(r) {
			break
		}
		k += w
		n++
	}
	words := after[:k]
	if words == "" {
		return false
	}
	for _, rn := range roadNounsAfter {
		if strings.Contains(words, rn) {
			return false
		}
	}
	for _, h := range beltHeads {
		if strings.Contains(words, h) {
			return true
		}
	}
	return strings.HasSuffix(words, "带")
}

// routeWords open the places a route runs through (起于A，经B、C，止于D).
var routeWords = []string{"起于", "止于", "终于", "途经", "经过", "起自", "起点", "终点"}

// inRoutePlaces reports whether the word at pos is one of the places of a
// route: a route word, or 经 at the clause's start, comes before it in its
// clause. (大桥起于北岸 names the bridge before the route word.)
func inRoutePlaces(t string, pos int) bool {
	head := t[clauseStart(t, pos):pos]
	for _, w := range routeWords {
		if strings.Contains(head, w) {
			return true
		}
	}
	return strings.HasPrefix(head, "经")
}

// otherWayBefore reports an other way (铁路, 航道, 管廊) named in the clause
// before a works verb at pos, with no road noun nearer.
func otherWayBefore(t string, pos int) bool {
	other := false
	wayTable().scanLeft(t, clauseStart(t, pos), pos, func(h hit) bool {
		switch h.role {
		case roleOtherWay:
			other = !componentWays[h.word]
			return false
		case roleRoadNoun:
			return genericRoadNoun[h.word]
		}
		return true
	})
	return other
}

// projectCountRe: "项目7个", "公路项目42个", "项目共156个、" right before the km.
var projectCountRe = mustCompile(`项目\s*(?:共|计|共计)?\s*([0-9０-９]+|[一二两三四五六七八九十百千]+)\s*个\s*[、，,]?\s*$`)

// projectCount finds "N个" road projects right before a length, with a road
// noun in the clause ("下达旅游路、资源路项目7个36.5公里").
func projectCount(t string, numStart int) (string, bool) {
	cs := clauseStart(t, numStart)
	// a comma inside "共156个、1286.5公里" may end the clause: look one back
	lo := cs
	if lo > 0 {
		lo = clauseStart(t, max(0, lo-1))
	}
	// the expression begins with 项目: most clauses, without it, are
	// answered without running it
	if !strings.Contains(t[lo:numStart], "项目") {
		return "", false
	}
	m := projectCountRe.FindStringSubmatchIndex(t[lo:numStart])
	if m == nil {
		return "", false
	}
	head := t[lo : lo+m[0]]
	found := false
	roadTable().scanLeft(head, 0, len(head), func(h hit) bool {
		switch h.role {
		case roleRoadNoun:
			if !genericRoadNoun[h.word] {
				found = true
				return false
			}
		case roleNotRoad, roleOtherWay:
			return false
		}
		return true
	})
	if !found {
		return "", false
	}
	return t[lo+m[2] : lo+m[3]], true
}

// wayBefore looks for the way a project is in the text before the sentence
// (a headline "××高速公路今日开工" above "项目全长约86.5公里"), up to 600
// bytes back. With no way named anywhere it accepts: reports of this kind
// measure roads, and every other way (铁路, 航道, 河道, 桥) is named when
// it is meant.
func (s *Sentence) wayBefore() (string, bool) {
	if s.doc == nil {
		return "no way named", true
	}
	lo := max(0, s.Start-600)
	for lo < s.Start && !utf8RuneStart(s.doc.text[lo]) {
		lo++
	}
	before := s.doc.text[lo:s.Start]
	way, ok := "", false
	wayTable().scanLeft(before, 0, len(before), func(h hit) bool {
		switch h.role {
		case roleOtherWay:
			if componentWays[h.word] {
				return true
			}
			way = h.word
			return false
		case roleRoadNoun:
			if genericRoadNoun[h.word] {
				return true
			}
			way, ok = h.word, true
			return false
		}
		return true
	})
	if way == "" {
		return "no way named", true
	}
	return way, ok
}

// isWayOfProject: the way w named after pos says what the project is ("属铁路
// 项目", "为铁路线"), not where it goes ("至高铁站").
func isWayOfProject(t string, pos int, w string) bool {
	i := strings.Index(t[pos:], w)
	if i < 0 {
		return false
	}
	before := strings.TrimRight(t[pos:pos+i], " ")
	after := t[pos+i+len(w):]
	return hasSuffixAny(before, []string{"属", "属于", "是", "为", "系"}) != "" ||
		hasPrefixAny(after, []string{"项目", "工程", "线路", "干线"}) != ""
}

// wayAfter returns the nearest way named after pos in the sentence.
func wayAfter(t string, pos int) (string, bool) {
	way, ok := "", false
	wayTable().scanRight(t, pos, len(t), func(h hit) bool {
		switch h.role {
		case roleOtherWay:
			way = h.word
			return false
		case roleRoadNoun:
			if genericRoadNoun[h.word] {
				return true
			}
			way, ok = h.word, true
			return false
		case roleWorks:
			way, ok = h.word, true
			return false
		}
		return true
	})
	return way, ok
}

// isKilometrePost reports "K19+500" or "19K" style chainage before a number.
func isKilometrePost(t string, numStart int) bool {
	if numStart > 0 && (t[numStart-1] == 'K' || t[numStart-1] == 'k' || t[numStart-1] == '+') {
		return true
	}
	return false
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

func isASCIILetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// prefixedRoadNouns is roadNounsAfter with the designations, built once.
// prefixedRoadNounEnds indexes prefixedRoadNouns by their last bytes.
var prefixedRoadNounEnds = sync.OnceValue(func() *suffixIndex { return newSuffixIndex(prefixedRoadNouns()) })

// roadVerbEnds and scopeWordEnds index roadVerbs and scopeWords.
var (
	roadVerbEnds  = newSuffixIndex(roadVerbs)
	scopeWordEnds = newSuffixIndex(scopeWords)
)

var prefixedRoadNouns = sync.OnceValue(func() []string {
	out := append([]string(nil), roadNounsAfter...)
	for _, p := range roadPrefixes {
		for _, n := range roadNounsAfter {
			out = append(out, p+n)
		}
	}
	return out
})

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
	// Walk back to the last place a road type ends: the type found there
	// ends last, and the table lists the longest first.
	byLast := roadTypesByLast()
	for i := len(s); i > 0; {
		r, n := decodeLast(s, 0, i)
		for _, t := range byLast[r] {
			if strings.HasSuffix(s[:i], t) {
				return t
			}
		}
		i -= n
	}
	return ""
}

// roadTypesByLast indexes roadTypes by last character, longest first.
var roadTypesByLast = sync.OnceValue(func() map[rune][]string {
	m := map[rune][]string{}
	for _, t := range roadTypes {
		r, _ := utf8.DecodeLastRuneInString(t)
		m[r] = append(m[r], t)
	}
	for _, ts := range m {
		sort.SliceStable(ts, func(i, j int) bool { return len(ts[i]) > len(ts[j]) })
	}
	return m
})

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// roadSpanStart is where a road figure's raw span starts: at the road noun
// right before the number ("美丽国省道88公里"; in a list, the item's own noun:
// "乡道120公里"), with the works verbs right before it ("新建和改建农村公路");
// else at a works verb right before the number ("拓宽改造约260公里"); else at
// the deciding cue when it is in the number's clause (cue >= 0).
func roadSpanStart(t string, cs, kwEnd, cue int) int {
	inList := cue >= 0 && len(lengthUnits(t[cue:kwEnd])) > 0
	if n := prefixedRoadNounEnds().longest(t[cs:kwEnd]); n != "" {
		start := kwEnd - len(n)
		if inList {
			return start
		}
		return extendVerbs(t, start, cs)
	}
	if inList {
		return kwEnd
	}
	if v := roadVerbEnds.longest(t[cs:kwEnd]); v != "" {
		return extendVerbs(t, kwEnd-len(v), cs)
	}
	return cue
}

// extendVerbs moves start back over adjacent works verbs ("新建改造",
// "新建和改建").
func extendVerbs(t string, start, limit int) int {
	for start > limit {
		v := roadVerbEnds.longest(t[limit:start])
		if auxVerbs[v] {
			break
		}
		if v == "" {
			if j := hasSuffixAny(t[limit:start], []string{"和", "及", "、", "与"}); j != "" && roadVerbEnds.longest(t[limit:start-len(j)]) != "" {
				start -= len(j)
				continue
			}
			break
		}
		start -= len(v)
	}
	return start
}

// placeJoiners join two places whose distance a number after the second gives.
var placeJoiners = []string{"到", "至", "达"}

// placeToPlace reports a distance between two places that ends at kwEnd
// (the number and its qualifiers follow): "贵阳达百色龙邦口岸约500公里",
// "从县城到省会约120公里". In the number's clause, after what a works verb
// with 后 only dates (建成后, 全线贯通后), a to-word stands between two
// runs of Han characters, and neither the places before it nor those
// after it hold a cue of the road table: a road named between the places
// (县城至乡镇公路), a works verb governing them (新建县城至工业园区), a
// length (全长) or the network's size (里程达) leave the figure to the
// ordinary rules.
func placeToPlace(t string, kwEnd int) bool {
	cs := clauseStart(t, kwEnd)
	to, toEnd := -1, -1
	for _, w := range placeJoiners {
		if i := strings.LastIndex(t[cs:kwEnd], w); i >= 0 && cs+i > to {
			to, toEnd = cs+i, cs+i+len(w)
		}
	}
	if to < 0 {
		return false
	}
	from := cs
	if i := strings.LastIndex(t[cs:to], "后"); i >= 0 {
		// "全线贯通后": what comes before 后 dates the distance
		from = cs + i + len("后")
	}
	places := func(a, z int) int {
		n := 0
		for _, r := range t[a:z] {
			if !hanRune(r) {
				return -1
			}
			n++
		}
		return n
	}
	if n := places(toEnd, kwEnd); n < 2 || n > 12 {
		return false
	}
	if n := places(from, to); n < 2 || n > 12 {
		return false
	}
	clean := true
	roadTable().scanLeft(t, from, kwEnd, func(h hit) bool {
		clean = false
		return false
	})
	return clean
}

// stockTimeWords before a way and a length say the length is the network
// as it stands (目前本市道路总长, 截至年底省道总长度, 香港现时道路总长),
// unless a works verb makes it a project's (目前正在建设的快速路全长).
var stockTimeWords = []string{"目前", "现时", "现有", "现状", "截至", "截止", "本市", "本县", "本区", "本省", "本岛"}

// worksIn reports a works verb in t[a:b].
func worksIn(t string, a, b int) bool {
	found := false
	roadTable().scanLeft(t, a, b, func(h hit) bool {
		found = h.role == roleWorks
		return !found
	})
	return found
}

// installVerbs put a way into a project as a part of it (并设置人行道,
// 同步设有自行车道, 配建慢行道).
var installVerbs = []string{"设置", "设有", "增设", "配建", "配套", "布设", "设立", "新设", "加设"}

// installedAfter reports whether the way w, the first named after pos, is
// installed by the works: an install verb ends the text of its clause
// before it.
func installedAfter(t string, pos int, w string) bool {
	i := strings.Index(t[pos:], w)
	if i < 0 {
		return false
	}
	before := t[pos : pos+i]
	if k := strings.LastIndexAny(before, "，,；;。"); k >= 0 {
		before = before[k:]
	}
	return containsAny(before, installVerbs)
}

// scopedStock reports a length right after an area's scope word (确保全县
// 2,869公里农村公路安全畅通, 全省8,800公里高速公路实现监控全覆盖): the area's
// network, whatever works an earlier clause names, unless a works verb
// follows in the length's own clause (全县120公里农村公路完成提质改造).
func scopedStock(t string, numStart, unitEnd int) bool {
	before := strings.TrimRight(t[:numStart], " ")
	for _, q := range []string{"约", "近", "逾", "超", "共", "达"} {
		before = strings.TrimSuffix(before, q)
	}
	if scopeWordEnds.longest(before) == "" && !strings.HasSuffix(before, "辖区内") {
		return false
	}
	works := false
	roadTable().scanRight(t, unitEnd, clauseEnd(t, unitEnd), func(h hit) bool {
		// 安全畅通 is how the roads are kept, no works
		works = h.role == roleWorks && h.word != "畅通"
		return !works
	})
	return !works
}
