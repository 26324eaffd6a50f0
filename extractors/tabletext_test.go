package extractors

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// TestTableTextFacts checks the line facts tableText finds once (by whole
// text searches, or on first asking) against the per-line checks they
// stand for, over crafted lines and every line of the test corpus.
func TestTableTextFacts(t *testing.T) {
	texts := []string{
		"（单位：万元）\n序号 项目 投资\n1 东环路 2800",
		"单位:公里\n里程（公里）\n)元)\n（公里）开头\n元）\n工作日)\n（3月5日）\n原时限（日）",
		"表3 建设任务（单位：亿元）\n单位\n单 位：\n改革前\n改革后\n压缩比例\n12.6\n１２．６\n46.3公里\n三十公里\n",
		"\n\n  \n行末空格公里  \n",
		"a\tb\n｜c｜\nx|y\n一 二 三\n甲  乙  丙\n  \n 　｜\n",
	}
	texts = append(texts, strings.Join(corpusTexts(t), "\n"))
	for _, text := range texts {
		tt := newTableText(text)
		if len(tt.lines) != len(tableLines(text)) {
			t.Fatalf("%d lines, want %d", len(tt.lines), len(tableLines(text)))
		}
		for k, sp := range tt.lines {
			line := text[sp.start:sp.end]
			f := tt.facts(k)
			c := strings.TrimSpace(line)
			checks := []struct {
				name      string
				got, want bool
			}{
				{"单位", f&lineUnitWord != 0, strings.Contains(line, "单位")},
				{"年", f&lineYearWord != 0, strings.Contains(line, "年")},
				{"headerHint", f&(lineUnitColon|lineBracketHint) != 0, headerHint(line)},
				{"captionAbove", tt.captionAbove(k), captionAboveLines(text, tt.lines, k)},
				{"cellLine", f&lineCell != 0, cellLine(c)},
				{"cellNumeric", f&lineNumeric != 0, c != "" && cellLine(c) && cellNumeric(c)},
				{"header", f&lineHeader != 0, c != "" && cellLine(c) && !cellNumeric(c)},
				{"cellUnit", f&lineUnitCell != 0, cellUnit(c) != ""},
				{"rowMark", f&lineRowMark != 0, strings.ContainsAny(line, "\t|｜") || strings.Contains(line, "  ")},
			}
			// the mark is all the table readers ask before these
			if f&lineRowMark == 0 && (rowSeparated(line) || spaceCells(c) > 1) {
				t.Errorf("line %q: row of cells without lineRowMark", line)
			}
			for _, ch := range checks {
				if ch.got != ch.want {
					t.Errorf("line %q: %s %v, want %v", line, ch.name, ch.got, ch.want)
				}
			}
			if tt.cell(k) != c {
				t.Errorf("line %q: cell %q", line, tt.cell(k))
			}
		}
	}
}

// captionAboveLines is captionAbove as it read the lines themselves.
func captionAboveLines(text string, lines []span, i int) bool {
	for k := i - 1; k >= max(0, i-2); k-- {
		if l := text[lines[k].start:lines[k].end]; strings.Contains(l, "单位：") || strings.Contains(l, "单位:") {
			return true
		}
	}
	return false
}

// TestCellLine: a cell is at most maxCellRunes characters, spaces around
// it aside, and ends no sentence.
func TestCellLine(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"", true},
		{"里程（公里）", true},
		{"  序号  ", true},
		{strings.Repeat("路", maxCellRunes), true},
		{strings.Repeat("路", maxCellRunes+1), false},
		{" " + strings.Repeat("a", maxCellRunes) + "\u3000", true},
		{strings.Repeat("a", maxCellRunes+1), false},
		{"建成通车。", false},
		{"其一；", false},
		{"好！", false},
		{"何时？", false},
		{"完成.", true},
		{"\xff\xfe", true},
	} {
		if got := cellLine(c.line); got != c.want {
			t.Errorf("cellLine(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

// TestCellNumeric: a cell holds a number in ASCII or full-width digits; one
// without a digit holds none (the digit check comes first).
func TestCellNumeric(t *testing.T) {
	for _, c := range []struct {
		cell string
		want bool
	}{
		{"12.6", true},
		{"１２．６", true},
		{"１，２８６", true},
		{"1,286,500", true},
		{"46.3公里", true},
		{"７３８０万元", true},
		{"30天", true},
		{"85%", true},
		{"５０余", true},
		{"三十", false},
		{"—", false},
		{"东环路", false},
		{"G318线", false},
		{"", false},
	} {
		if got := cellNumeric(c.cell); got != c.want {
			t.Errorf("cellNumeric(%q) = %v, want %v", c.cell, got, c.want)
		}
	}
}

// longText is the test corpus as one text, as a 1 MB chunk of a long
// report reaches extraction: the table readers look at every line of it.
func longText(tb testing.TB) string {
	return strings.Join(corpusTexts(tb), "\n")
}

// BenchmarkTableFigures reads the tables of the long text.
//
//	go test -run '^$' -bench TableFigures ./extractors/
func BenchmarkTableFigures(b *testing.B) {
	text := longText(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		doc := newDocument(text)
		_ = tableFigures(doc, text, 0)
	}
}

// BenchmarkExtractLong is the extraction of the long text.
func BenchmarkExtractLong(b *testing.B) {
	s := newSet(b)
	text := longText(b)
	s.Extract(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		s.Extract(text)
	}
}

// BenchmarkTableHint is the check every text takes before its tables are
// looked for, over the test corpus's texts one by one.
func BenchmarkTableHint(b *testing.B) {
	texts := corpusTexts(b)
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, t := range texts {
			_ = tableHint(t)
		}
	}
}

// TestTableHintSearches checks the table hints, which search by a word's
// last byte, against the same checks written with strings.Contains, over
// crafted texts and the test corpus's.
func TestTableHintSearches(t *testing.T) {
	texts := []string{
		"", "单位", "单位：", "单位:万元", "（单位 ：万元）", "单 位：", "位：单", "单位单位：", "计量单位是",
		"改革前\n改革后\n", "改革后\n改革前\n", "改革前\n", "前后\n", "前\n后", "前\n后\n",
		"46.3公里\n", "里程\t46.3公里\t投资", "7380万元\n", "共7380万元。\n", "元\n", "公里\n", "总里程1000公里\n",
		"线路长12.5公里，全长\n", "项目\n12公里\t元\t",
	}
	texts = append(texts, corpusTexts(t)...)
	for _, s := range texts {
		if got, want := hasUnitColon(s), strings.Contains(s, "单位：") || strings.Contains(s, "单位:"); got != want {
			t.Errorf("hasUnitColon(%q) = %v, want %v", s, got, want)
		}
		if got, want := indexByLast(s+"\n", "前\n") >= 0, strings.Contains(s+"\n", "前\n"); got != want {
			t.Errorf("indexByLast(%q, 前\\n) found %v, want %v", s, got, want)
		}
		if got, want := unitCellLine(s), unitCellLineBy(s, strings.Index); got != want {
			t.Errorf("unitCellLine(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestCutSuffix3 holds cutSuffix3 to strings.CutSuffix of the joined
// suffix, as tableColumnOf asked it before.
func TestCutSuffix3(t *testing.T) {
	heads := []string{"", "）", "公里）", "（公里）", "里程（公里）", "里程(公里)", "里程（公里)", "投资（万元）", "投资（亿万元）",
		"投资（元）", "总投资(千万元)", "（km）", "长度km）", "里程（ 公里）", "里程（公里） ", "公里", "万元）（万元）"}
	for _, h := range heads {
		for _, u := range tableUnits {
			for _, br := range [][2]string{{"（", "）"}, {"(", ")"}} {
				wantRest, wantOK := strings.CutSuffix(h, br[0]+u.unit+br[1])
				rest, ok := cutSuffix3(h, br[0], u.unit, br[1])
				if ok != wantOK || ok && rest != wantRest {
					t.Errorf("cutSuffix3(%q, %q, %q, %q) = %q, %v; want %q, %v", h, br[0], u.unit, br[1], rest, ok, wantRest, wantOK)
				}
			}
		}
	}
}

// TestYearCells holds yearTable's early return to what it spares: a line
// yearCells finds fewer than two places in is no year table's header (at
// least three cells, each after the first read by columnYear), over crafted
// lines and every line of the test corpus.
func TestYearCells(t *testing.T) {
	lines := []string{
		"指标 2020年 2030年", "指标 2022年 2023年", "指标\t2023年\t2024年计划", "项目｜上年｜本年", "项目 去年 今年", "项目 当年 上年同期",
		"项目 本年度 上年度", "指标 2023年", "指标 1948年 2023年", "2023年 2024年 计划", "项目 年 年", "项目 ２０２３年 ２０２４年",
		"指标  2022年  2023年\r", "　指标　2022年　2023年　", "今年以来，全市完成投资 12亿元，比去年增长 5%",
	}
	lines = append(lines, strings.Split(strings.Join(corpusTexts(t), "\n"), "\n")...)
	seen := 0
	for _, line := range lines {
		if !yearHeaderRef(line) {
			continue
		}
		seen++
		if yearCells(line) < 2 {
			t.Errorf("line %q: a year header, yearCells %d", line, yearCells(line))
		}
	}
	if seen < 8 {
		t.Errorf("%d year headers among the lines, want the crafted ones at least", seen)
	}
}

// yearHeaderRef is yearTable's test of its header line: three cells at
// least, each after the first a year column.
func yearHeaderRef(line string) bool {
	header := splitCells(line, span{0, len(line)}, headerSep(line))
	if len(header) < 3 {
		return false
	}
	for _, h := range header[1:] {
		if _, ok := columnYear(h.text); !ok {
			return false
		}
	}
	return true
}

// TestTableHintOnePass holds tableHint, which reads the line ends in one
// pass, to headerHint || unitCellLine, the searches it replaced, on every
// corpus text and line and on generated texts of cells and prose.
func TestTableHintOnePass(t *testing.T) {
	pieces := []string{"改革前", "改革后", "前", "后", "\n", "\t", " ", "46.3公里", "7380万元", "公里", "元", "里程（公里）", "单位：万元",
		"单位", "项目", "修建道路，全长", "12", "。", "（日）", "(km)", "前后", "\xe5\x89", "\x8d\n"}
	texts := corpusTexts(t)
	for _, s := range corpusTexts(t) {
		texts = append(texts, strings.Split(s, "\n")...)
	}
	rng := rand.New(rand.NewPCG(107, 1))
	for range 30000 {
		var b strings.Builder
		for k := rng.IntN(14); k > 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		if got, want := tableHint(s), headerHint(s) || unitCellLine(s); got != want {
			t.Fatalf("tableHint(%q) = %v, want %v", s, got, want)
		}
	}
}

// refReformColumn is reformColumn without mayBeReform's shortcut.
func refReformColumn(h string) (tableColumn, bool) {
	if containsAny(h, []string{"压缩比例", "压缩率", "精简比例", "压减比例", "减少比例", "压缩幅度", "精简率", "提速"}) {
		return tableColumn{header: h, reform: reformRatio}, true
	}
	role := reformNone
	name := h
	if a := indexOpenBracket(h); a > 0 {
		name = h[:a]
	}
	switch {
	case containsAny(h, []string{"改革前", "原", "法定", "以前", "之前"}) || strings.HasSuffix(name, "前"):
		role = reformBefore
	case containsAny(h, []string{"改革后", "现", "承诺", "压缩后", "精简后", "目前"}) || strings.HasSuffix(name, "后"):
		role = reformAfter
	default:
		return tableColumn{}, false
	}
	if name == h {
		return tableColumn{header: h, reform: role}, true
	}
	for _, br := range [][2]string{{"（", "）"}, {"(", ")"}} {
		a := strings.LastIndex(h, br[0])
		if a < 0 || !strings.HasSuffix(h, br[1]) {
			continue
		}
		u := h[a+len(br[0]) : len(h)-len(br[1])]
		switch {
		case containsAny(u, []string{"工作日", "天", "日", "小时"}):
			return tableColumn{header: h, reform: role, cutUnit: u, cutKind: KindTimeCut}, true
		case containsAny(u, []string{"份", "件", "项", "个", "次", "环节"}):
			return tableColumn{header: h, reform: role, cutUnit: u, cutKind: KindMaterialCut}, true
		}
	}
	return tableColumn{}, false
}

// TestReformColumnShortcut holds reformColumn to refReformColumn on every
// word it looks for, alone, in a header with units and cut short, and on
// every cell of every corpus line.
func TestReformColumnShortcut(t *testing.T) {
	words := []string{"压缩比例", "压缩率", "精简比例", "压减比例", "减少比例", "压缩幅度", "精简率", "提速", "改革前", "原", "法定", "以前", "之前",
		"改革后", "现", "承诺", "压缩后", "精简后", "目前", "前", "后", "时限", "项目", "办理时限（工作日）", "材料（份）", "(天)", "\xe5\x8e"}
	var cells []string
	for _, a := range words {
		for _, b := range words {
			cells = append(cells, a, a+b, b+"（"+a+"）", a+"时限(天)")
		}
	}
	for _, s := range corpusTexts(t) {
		for _, l := range strings.Split(s, "\n") {
			cells = append(cells, l, trimSpace(l))
			for _, c := range strings.Fields(l) {
				cells = append(cells, c)
			}
		}
	}
	for _, h := range cells {
		gc, gok := reformColumn(h)
		if wc, wok := refReformColumn(h); gok != wok || !reflect.DeepEqual(gc, wc) {
			t.Fatalf("reformColumn(%q) = %+v, %v; want %+v, %v", h, gc, gok, wc, wok)
		}
	}
}
