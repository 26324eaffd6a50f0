package extractors

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Tables flattened to text (pdftotext, a page's table read cell by cell)
// give their units once, in the header: "里程（公里）", "投资（万元）". A row
// under it holds bare numbers ("1 石门至太平公路 改建 12.6 4580"), which no
// sentence rule reads. tableFigures reads them: a header line of three
// cells or more with a length or money unit in brackets, and the rows after
// it that split into as many cells, up to the first line that does not.

// tableCell is one cell of a table line: its text and where it starts.
type tableCell struct {
	text  string
	start int
}

// tableColumn is a header cell that gives its column's figures a kind.
type tableColumn struct {
	index      int
	header     string
	kind       string
	basis      string
	multiplier int64 // yuan per unit, 0 for km
	// reform tables: the before or after of a cut (with its unit), or
	// the stated ratio
	reform  reformRole
	cutUnit string
	cutKind string
}

// reformRole is what a column of an approval-reform table holds.
type reformRole uint8

const (
	reformNone reformRole = iota
	reformBefore
	reformAfter
	reformRatio
)

// maxTableRows bounds the rows read under one header.
const maxTableRows = 200

// tableFigures returns the figures of the tables in text whose rows start
// at or after from.
func tableFigures(doc *document, text string, from int) []Figure {
	if !tableHint(text) {
		return nil // most texts hold no header: no line is split
	}
	var out []Figure
	t := newTableText(text)
	lines := t.lines
	for i := 0; i < len(lines); i++ {
		line := text[lines[i].start:lines[i].end]
		// A caption above the header may give the unit (（单位：万元）).
		var caption []tableUnit
		for k := i - 1; k >= max(0, i-2) && len(caption) == 0; k-- {
			if t.flags[k]&lineUnitWord != 0 {
				caption = captionUnits(text[lines[k].start:lines[k].end])
			}
		}
		if k, figs := cellTable(doc, t, i, from, caption); k > i {
			out = append(out, figs...)
			i = k - 1
			continue
		}
		if t.flags[i]&lineYearWord != 0 && (strings.IndexByte(line, ' ') >= 0 || t.flags[i]&lineRowMark != 0 && rowSeparated(line)) {
			if k, figs := yearTable(doc, text, lines, i, from); k > i {
				out = append(out, figs...)
				i = k - 1
				continue
			}
		}
		var first string // the line under the header: its cells may write the units
		if i+1 < len(lines) {
			first = text[lines[i+1].start:lines[i+1].end]
		}
		if len(caption) == 0 && t.flags[i]&(lineUnitColon|lineBracketHint) == 0 && !t.captionAbove(i) && !(i+1 < len(lines) && t.flags[i+1]&lineRowMark != 0 && unitCells(first)) {
			continue
		}
		sep, cols, ok := tableHeader(line, caption, first)
		if !ok {
			continue
		}
		header := splitCells(text, lines[i], sep)
		about := tableAbout(text, lines, i, i+1)
		var sums roadSums
		k := eachRow(text, lines, i, sep, len(header), from, func(sp span, row []tableCell) {
			out = append(out, rowFigures(doc, row, header, cols, about, sp, trimSpace(text[sp.start:sp.end]), &sums)...)
		})
		i = k - 1
	}
	return out
}

// tableHint reports a text that may hold a table: a header's hint
// (headerHint) or a cell that writes its unit at a line's end or before a
// tab (unitCellLine).
//
// It is headerHint(s) || unitCellLine(s) with the four searches for a word
// ending a line (前, 后, 公里 and 元 before a line break) made one pass over
// the line breaks: every text with a figure takes this check.
func tableHint(s string) bool {
	if hasUnitColon(s) || bracketHint(s) {
		return true
	}
	before, after := false, false
	for j := 0; ; j++ {
		k := strings.IndexByte(s[j:], '\n')
		if k < 0 {
			break
		}
		j += k
		switch line := s[:j]; {
		case strings.HasSuffix(line, "前"):
			before = true
		case strings.HasSuffix(line, "后"):
			after = true
		case strings.HasSuffix(line, "公里"):
			if unitCellAt(s, j-len("公里"), j) {
				return true
			}
		case strings.HasSuffix(line, "元"):
			if unitCellAt(s, j-len("元"), j) {
				return true
			}
		}
		if before && after {
			return true
		}
	}
	return unitCellEnding(s, []string{"公里\t", "元\t"}, indexByLast)
}

// headerHint reports what a header line or its caption shows: a unit in
// brackets, a caption's 单位, reform cells ending in 前 and 后.
func headerHint(s string) bool {
	if hasUnitColon(s) {
		return true // a caption's unit (单位：万元)
	}
	if indexByLast(s, "前\n") >= 0 && indexByLast(s, "后\n") >= 0 {
		return true // a reform table's header cells, one per line
	}
	return bracketHint(s)
}

// bracketHint reports a unit of hintUnits before a closing bracket. It
// looks only before each closing bracket (two scans, not one per unit:
// most texts with a figure are read).
func bracketHint(s string) bool {
	for _, br := range []string{"）", ")"} {
		for i := 0; ; {
			k := indexByLast(s[i:], br)
			if k < 0 {
				break
			}
			if hasSuffixAny(s[:i+k], hintUnits) != "" {
				return true
			}
			i += k + len(br)
		}
	}
	return false
}

// hasUnitColon reports a caption's 单位： or 单位: in s. (One search, by
// 位's last byte: 单's lead byte leads a fifth of Chinese characters.)
func hasUnitColon(s string) bool {
	for i := 0; ; {
		k := indexByLast(s[i:], "单位")
		if k < 0 {
			return false
		}
		i += k + len("单位")
		if strings.HasPrefix(s[i:], "：") || strings.HasPrefix(s[i:], ":") {
			return true
		}
	}
}

// hintUnits are the units in brackets a header cell or a row label ends
// with: lengths, money and the units of approval-reform tables.
// A bare 日 counts only alone in its brackets (原时限（日）): a date ends
// with 日 in brackets too (（3月5日）), and a hint makes a text be read.
var hintUnits = []string{"公里", "千米", "km", "元", "工作日", "天", "份", "件", "（日", "(日"}

// tableUnit is a unit a table gives its figures, and the yuan each is
// worth (0: a length in km).
type tableUnit struct {
	unit       string
	multiplier int64
}

// captionUnits reads the units a caption line gives its table: "（单位：
// 万元）", "单位:公里", "表3 建设任务（单位：亿元）".
func captionUnits(line string) []tableUnit {
	k := strings.Index(line, "单位")
	if k < 0 {
		return nil
	}
	rest := strings.TrimLeft(line[k+len("单位"):], " ")
	if !strings.HasPrefix(rest, "：") && !strings.HasPrefix(rest, ":") {
		return nil // most lines with 单位 are prose: no count needed
	}
	// A PDF's caption stands right-aligned: the spaces before it are
	// no text.
	if utf8.RuneCountInString(trimSpace(line)) > 40 {
		return nil
	}
	rest = strings.TrimLeft(strings.TrimPrefix(strings.TrimPrefix(rest, "："), ":"), " ")
	var out []tableUnit
	for len(rest) > 0 {
		found := false
		for _, u := range tableUnits {
			if strings.HasPrefix(rest, u.unit) {
				out = append(out, u)
				rest = strings.TrimLeft(rest[len(u.unit):], " 、，,/")
				found = true
				break
			}
		}
		if !found {
			break
		}
	}
	return out
}

// tableLines returns the spans of the lines of text.
func tableLines(text string) []span {
	var out []span
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		out = append(out, span{start, end})
		start = end + 1
	}
	return out
}

// tableText is a text the table readers look for tables in, split into
// lines, with what they ask of each line found once: a table's start is
// looked for at every line of a text that may hold one (a 1 MB chunk of a
// long report has tens of thousands), and each try reads the dozen lines
// after it and the two before it again.
type tableText struct {
	text  string
	lines []span
	cells []string // each line trimmed, once lineKnown is set
	flags []lineFlag
}

// lineFlag is a fact about one line of a tableText.
type lineFlag uint16

const (
	// the facts of a line's cell, found on first asking (tableText.facts)
	lineKnown    lineFlag = 1 << iota
	lineCell              // cellLine: short, no sentence in it
	lineNumeric           // cellNumeric (asked of short lines not empty)
	lineHeader            // may be a header cell: short, not empty, no number
	lineKindMark          // a header cell that may give a kind: brackets, or ending in 前, 后 or 比例
	lineUnitCell          // cellUnit: a number with a length's or money's unit
	// the facts found for every line by one search of the whole text
	lineUnitWord    // 单位: a caption may name the units
	lineUnitColon   // 单位： or 单位:, a caption
	lineBracketHint // headerHint's unit in brackets
	lineYearWord    // 年: a year table's header may stand there
	lineRowMark     // a tab, |, ｜ or two spaces: without one no row of cells (rowSeparated, spaceCells > 1)
)

// newTableText splits text into lines and marks those that hold a caption's
// 单位, a unit in brackets or 年: one search of the text for each, not one
// of each line.
func newTableText(text string) *tableText {
	lines := tableLines(text)
	t := &tableText{text: text, lines: lines, cells: make([]string, len(lines)), flags: make([]lineFlag, len(lines))}
	t.mark("单位", lineUnitWord, nil)
	for k, f := range t.flags {
		if l := text[lines[k].start:lines[k].end]; f&lineUnitWord != 0 && (strings.Contains(l, "单位：") || strings.Contains(l, "单位:")) {
			t.flags[k] |= lineUnitColon
		}
	}
	// A unit before a bracket is a line's suffix as it is the text's: no
	// unit holds a line break.
	hint := func(p int) bool { return hasSuffixAny(text[:p], hintUnits) != "" }
	t.mark("）", lineBracketHint, hint)
	t.mark(")", lineBracketHint, hint)
	t.mark("年", lineYearWord, nil)
	// rowSeparated is asked of nearly every line (unitCells of the line
	// under each); four searches of the text spare it most lines.
	for _, w := range []string{"\t", "|", "  "} {
		t.mark(w, lineRowMark, nil)
	}
	// ｜ ends in a byte most Han characters end in: indexByLast would stop
	// at each of them
	t.markBy(strings.Index, "｜", lineRowMark, nil)
	return t
}

// mark sets flag on the lines that hold w (which holds no line break) where
// ok, if not nil, says so of w's offset in the text.
func (t *tableText) mark(w string, flag lineFlag, ok func(p int) bool) {
	t.markBy(indexByLast, w, flag, ok)
}

// markBy is mark searching with index.
func (t *tableText) markBy(index func(s, w string) int, w string, flag lineFlag, ok func(p int) bool) {
	k := 0
	for p := 0; ; p += len(w) {
		j := index(t.text[p:], w)
		if j < 0 {
			return
		}
		p += j
		if ok != nil && !ok(p) {
			continue
		}
		for t.lines[k].end <= p {
			k++
		}
		t.flags[k] |= flag
	}
}

// facts returns line k's flags, its cell's facts found on first asking.
func (t *tableText) facts(k int) lineFlag {
	f := t.flags[k]
	if f&lineKnown != 0 {
		return f
	}
	c := trimSpace(t.text[t.lines[k].start:t.lines[k].end])
	t.cells[k] = c
	f |= lineKnown
	if cellUnit(c) != "" {
		f |= lineUnitCell
	}
	if cellLine(c) {
		f |= lineCell
		if c != "" && cellNumeric(c) {
			f |= lineNumeric
		}
		if c != "" && f&lineNumeric == 0 {
			f |= lineHeader
			if strings.Contains(c, "（") || strings.IndexByte(c, '(') >= 0 || strings.HasSuffix(c, "前") || strings.HasSuffix(c, "后") || strings.HasSuffix(c, "比例") {
				f |= lineKindMark
			}
		}
	}
	t.flags[k] = f
	return f
}

// cell returns line k trimmed.
func (t *tableText) cell(k int) string {
	t.facts(k)
	return t.cells[k]
}

// tableHeader reads a header line: the separator of its cells and the
// columns that give a kind. ok is false for a line that is no header.
func tableHeader(line string, caption []tableUnit, first string) (sep string, cols []tableColumn, ok bool) {
	sep = headerSep(line)
	cells := splitCells(line, span{0, len(line)}, sep)
	if len(cells) < 3 {
		return "", nil, false
	}
	texts := make([]string, len(cells))
	for i, c := range cells {
		texts[i] = c.text
	}
	var units []string
	if row := splitCells(first, span{0, len(first)}, sep); len(row) == len(cells) {
		units = make([]string, len(row))
		for i, c := range row {
			units[i] = cellUnit(c.text)
		}
	}
	cols = headerColumns(texts, caption, units)
	return sep, cols, len(cols) > 0
}

// captionAbove reports a caption (单位：…) in the two lines above line i,
// whatever units it names (工作日、份 of a reform table).
func (t *tableText) captionAbove(i int) bool {
	for k := i - 1; k >= max(0, i-2); k-- {
		if t.flags[k]&lineUnitColon != 0 {
			return true
		}
	}
	return false
}

// unitCells reports a row whose cells write a length's or money's unit
// after their number (24.6公里, 7380万元): its header needs no unit.
func unitCells(line string) bool {
	if !rowSeparated(line) || !strings.Contains(line, "公里") && !strings.Contains(line, "元") {
		return false // no row of cells, or none writes a unit
	}
	for _, c := range splitCells(line, span{0, len(line)}, headerSep(line)) {
		if cellUnit(c.text) != "" {
			return true
		}
	}
	return false
}

// unitCellLine reports a cell that writes its unit ending a line or
// before a tab: a number and 公里 or 元 (46.3公里, 7380万元), the line
// short. Prose ends its lines with a mark, so the search seldom looks back.
func unitCellLine(s string) bool { return unitCellLineBy(s, indexByLast) }

// unitCellLineBy is unitCellLine searching with index (the tests hold
// indexByLast to strings.Index through it).
func unitCellLineBy(s string, index func(s, sub string) int) bool {
	return unitCellEnding(s, []string{"公里\n", "元\n", "公里\t", "元\t"}, index)
}

// unitCellEnding reports a cell that writes its unit before one of ends
// (a unit and the line break or tab after it), searching with index.
func unitCellEnding(s string, ends []string, index func(s, sub string) int) bool {
	for _, end := range ends {
		for i := 0; ; {
			k := index(s[i:], end)
			if k < 0 {
				break
			}
			k += i
			if unitCellAt(s, k, k+len(end)-1) {
				return true
			}
			i = k + len(end)
		}
	}
	return false
}

// unitCellAt reports whether the cell that ends at end, its unit starting
// at k, writes a number and its unit (cellUnit).
func unitCellAt(s string, k, end int) bool {
	// the cell's start: the line's or the tab's, looked for only as far
	// back as a cell may reach
	w := max(0, k-maxCellRunes*3)
	a := w + strings.LastIndexAny(s[w:k], "\n\t") + 1
	return cellUnit(s[a:end]) != ""
}

// cellUnit is the length or money unit a cell writes after its number
// (46.3公里, 1,820万元), "" for none.
func cellUnit(s string) string {
	s = trimSpace(s)
	if !strings.HasSuffix(s, "元") && !strings.HasSuffix(s, "公里") && !strings.HasSuffix(s, "千米") && !strings.HasSuffix(s, "km") {
		return "" // most cells: no search of the units
	}
	t := tableNumberText(s)
	for _, u := range tableUnits {
		if rest, ok := strings.CutSuffix(t, u.unit); ok {
			if _, ok := parsePlainDecimal(rest); ok {
				return u.unit
			}
			return ""
		}
	}
	return ""
}

// headerColumns reads the header cells h of a table under a caption's
// units: the columns that give a kind, by their own unit, the caption's, the
// column before (其中：农村公路) or as a reform table's before, after and
// ratio, which stand only in pairs.
func headerColumns(h []string, caption []tableUnit, units []string) []tableColumn {
	var cols []tableColumn
	reform := 0
	for i, text := range h {
		col, ok := tableColumnOf(text)
		if !ok {
			col, ok = captionColumn(text, caption)
		}
		if !ok && i < len(units) && units[i] != "" && !strings.ContainsAny(text, "（(") {
			// 建设里程 over 46.3公里: the cells give the unit
			if col, ok = tableColumnOf(text + "（" + units[i] + "）"); ok {
				col.header = text
			}
		}
		if !ok && strings.HasPrefix(text, "其中") && len(cols) > 0 && cols[len(cols)-1].index == i-1 && cols[len(cols)-1].reform == reformNone {
			// "下达资金｜其中：农村公路": a part of the column before
			col, ok = cols[len(cols)-1], true
			col.header = text
		}
		if !ok {
			col, ok = reformColumn(text)
			if ok && col.reform != reformRatio {
				reform++
			}
		}
		if ok {
			col.index = i
			cols = append(cols, col)
		}
	}
	if reform > 0 && len(reformPairs(cols)) == 0 {
		// a before without an after, or the other way round: no
		// reform table
		kept := cols[:0]
		for _, c := range cols {
			if c.reform == reformNone {
				kept = append(kept, c)
			}
		}
		cols = kept
	}
	return cols
}

// tableAbout is what the table whose header is lines [i, j) is about: the
// header and the three lines before it (a title, a caption, the sentence
// that introduces the table). A row's name may say it too (roadRow).
func tableAbout(text string, lines []span, i, j int) string {
	return text[lines[max(0, i-3)].start:lines[j-1].end]
}

// eachRow calls visit with each row under the header at line i, split at
// sep, from the first line at or after from; the rows run while they have
// n cells, up to maxTableRows. It returns the index of the line after.
func eachRow(text string, lines []span, i int, sep string, n, from int, visit func(sp span, row []tableCell)) int {
	k := i + 1
	headings := 0
	for ; k < len(lines) && k-i <= maxTableRows; k++ {
		row := splitCells(text, lines[k], sep)
		if len(row) != n {
			line := text[lines[k].start:lines[k].end]
			if len(row) > 0 && len(row) < n && !strings.ContainsAny(line, "0123456789０１２３４５６７８９") && headings < 2 {
				// a category's heading between rows (一 高速公路, 二、普通国省干线)
				headings++
				continue
			}
			if sep != "" || len(row) >= n || len(row) < 2 {
				break
			}
			// Cells aligned with spaces: a row that leaves cells empty
			// (合计 with no serial number) is placed under the header
			// by where its cells stand.
			if row = alignedRow(text, lines[i], lines[k], row, n); row == nil {
				break
			}
		}
		headings = 0
		if lines[k].start >= from {
			visit(lines[k], row)
		}
	}
	return k
}

// alignedRow places the cells of a row laid out with spaces under the n
// header cells of the line at h, each under the header cell it overlaps
// most on screen (a Han character two columns wide); nil when two cells
// fall under one header cell or one under none.
func alignedRow(text string, h, sp span, row []tableCell, n int) []tableCell {
	header := splitCells(text, h, "")
	if len(header) != n {
		return nil
	}
	hr := screenRanges(text, h, header)
	rr := screenRanges(text, sp, row)
	out := make([]tableCell, n)
	for c := range out {
		out[c].start = sp.start // an empty cell
	}
	last := -1
	for j, r := range rr {
		best, most := -1, 0
		for c, x := range hr {
			if o := min(r[1], x[1]) - max(r[0], x[0]); o > most {
				best, most = c, o
			}
		}
		if best <= last {
			return nil
		}
		out[best] = row[j]
		last = best
	}
	return out
}

// screenRanges returns where each cell of the line at sp stands on
// screen, in columns: a wide character takes two.
func screenRanges(text string, sp span, cells []tableCell) [][2]int {
	out := make([][2]int, 0, len(cells))
	col, at := 0, sp.start
	for _, c := range cells {
		for at < c.start {
			r, size := utf8.DecodeRuneInString(text[at:])
			col += runeWidth(r)
			at += size
		}
		w := 0
		for _, r := range c.text {
			w += runeWidth(r)
		}
		out = append(out, [2]int{col, col + w})
	}
	return out
}

// runeWidth is a character's width on screen: two for Han characters and
// full-width forms, one for others.
func runeWidth(r rune) int {
	if r >= 0x1100 && (r <= 0x115f || r >= 0x2e80 && r <= 0xa4cf || r >= 0xac00 && r <= 0xd7a3 || r >= 0xf900 && r <= 0xfaff || r >= 0xfe30 && r <= 0xfe4f || r >= 0xff00 && r <= 0xff60 || r >= 0xffe0 && r <= 0xffe6) {
		return 2
	}
	return 1
}

// rowFigures returns the figures of one row of a table with columns cols,
// placed in the row's span sp and given sentence: the reform cuts, and the
// cells of the kinds' columns (a length only when the row is a road's).
func rowFigures(doc *document, row, header []tableCell, cols []tableColumn, about string, sp span, sentence string, sums *roadSums) []Figure {
	name := rowName(row, header)
	total := totalsRow(row)
	var out []Figure
	add := func(f Figure) {
		doc.findYears()
		f.Year = doc.yearAt(sp, f.Start)
		f.Sentence = sentence
		f.Subject = name
		out = append(out, f)
	}
	for _, f := range reformFigures(row, cols) {
		add(f)
	}
	for _, c := range cols {
		if c.reform != reformNone {
			continue
		}
		f, ok := tableFigure(row[c.index], c)
		if !ok {
			continue
		}
		if c.kind == KindRoadLength {
			road := roadRow(about, name)
			switch {
			case total:
				// the sum of the rows above: a road's if they were
				road = sums.roads > 0 && sums.others == 0
			case road:
				sums.roads++
			default:
				sums.others++
			}
			if !road {
				continue
			}
		}
		add(f)
	}
	return out
}

// roadSums counts the rows of a table whose lengths were roads' and those
// whose were not, for the totals row under them.
type roadSums struct{ roads, others int }

// totalsWords name a table's row of sums.
var totalsWords = []string{"合计", "总计", "小计", "共计", "合 计", "总 计"}

// totalsRow reports a row of sums: a cell of it is 合计, 总计…
func totalsRow(row []tableCell) bool {
	for _, c := range row {
		if slices.Contains(totalsWords, c.text) {
			return true
		}
	}
	return false
}

// reformPair is a before column, the after column that follows it, and
// the ratio column stated for them (-1 if none), as indexes into cols.
type reformPair struct{ before, after, ratio int }

// reformPairs pairs each before column with the after column next to it
// (改革前材料, 改革后材料, 精简比例, 改革前跑动次数, 改革后跑动次数); a ratio
// column right after a pair is that pair's.
func reformPairs(cols []tableColumn) []reformPair {
	var out []reformPair
	for k := 0; k+1 < len(cols); k++ {
		if cols[k].reform != reformBefore || cols[k+1].reform != reformAfter {
			continue
		}
		p := reformPair{k, k + 1, -1}
		if k+2 < len(cols) && cols[k+2].reform == reformRatio {
			p.ratio = k + 2
		} else if k > 0 && cols[k-1].reform == reformRatio && (k < 2 || cols[k-2].reform != reformAfter) {
			p.ratio = k - 1
		}
		out = append(out, p)
	}
	return out
}

// headerSep is the separator of a header line's cells: ｜, |, a tab, or
// "" for runs of spaces.
func headerSep(line string) string {
	switch {
	case strings.Contains(line, "｜"):
		return "｜"
	case strings.Contains(line, "|"):
		return "|"
	case strings.Contains(line, "\t"):
		return "\t"
	}
	return ""
}

// yearTable reads a table whose columns are years (指标 2022年 2023年)
// and whose rows carry their unit in the label (新改建农村公路（公里）,
// 完成交通投资（亿元）): each number of such a row is a figure of the
// label's kind, dated by its column. It returns the index of the line
// after the table (i when line i is no such header) and the figures.
func yearTable(doc *document, text string, lines []span, i, from int) (int, []Figure) {
	line := text[lines[i].start:lines[i].end]
	if yearCells(line) < 2 {
		return i, nil // most lines with a space and 年 are prose: no split
	}
	sep := headerSep(line)
	header := splitCells(text, lines[i], sep)
	if len(header) < 3 {
		return i, nil
	}
	years := make([]int, len(header))
	for c, h := range header[1:] {
		y, ok := columnYear(h.text)
		if !ok {
			return i, nil
		}
		years[c+1] = y
	}
	var out []Figure
	k := eachRow(text, lines, i, sep, len(header), from, func(sp span, row []tableCell) {
		col, ok := rowLabelColumn(row[0].text)
		if !ok {
			return
		}
		for c := 1; c < len(row); c++ {
			f, ok := tableFigure(row[c], col)
			if !ok {
				continue
			}
			f.Year = years[c]
			if f.Year == 0 {
				doc.findYears()
				f.Year = doc.yearAt(sp, row[c].start)
			}
			f.Sentence = trimSpace(text[sp.start:sp.end])
			f.Subject = strings.TrimPrefix(row[0].text, "其中：")
			out = append(out, f)
		}
	})
	return k, out
}

// yearCells counts, up to 2, the places in line where a cell columnYear
// reads could hold its 年: after an ASCII digit (2023年) or after 上, 本,
// 去, 今 or 当 (上年, 本年度). A year table's header has two such cells at
// least, disjoint parts of its line.
func yearCells(line string) int {
	n := 0
	for p := 0; n < 2; p += len("年") {
		j := indexByLast(line[p:], "年")
		if j < 0 {
			break
		}
		p += j
		if p > 0 && line[p-1] >= '0' && line[p-1] <= '9' {
			n++
			continue
		}
		switch r, _ := utf8.DecodeLastRuneInString(line[:p]); r {
		case '上', '本', '去', '今', '当':
			n++
		}
	}
	return n
}

// columnYear reads a year column's header: 2023年, 2024年计划, 上年, 本年.
func columnYear(h string) (int, bool) {
	switch h {
	case "上年", "本年", "去年", "今年", "当年", "上年同期", "本年度", "上年度":
		return 0, true
	}
	if len(h) >= len("2023年") && strings.HasPrefix(h[4:], "年") {
		y, err := strconv.Atoi(h[:4])
		if err == nil && y >= 1949 && y <= 2100 {
			return y, true
		}
	}
	return 0, false
}

// rowLabelColumn reads a row label with its unit (改造国省干线（公里）,
// 争取上级补助资金（万元）) as a column would be read; a length must be of
// road works or a road's length, not of the network (总里程, 通车里程,
// 密度) or of another way.
func rowLabelColumn(label string) (tableColumn, bool) {
	label = strings.TrimPrefix(trimSpace(label), "其中：")
	col, ok := tableColumnOf(label)
	if ok && col.kind != KindRoadLength {
		return col, true
	}
	for _, u := range tableUnits {
		if u.multiplier != 0 || !strings.HasSuffix(label, "（"+u.unit+"）") && !strings.HasSuffix(label, "("+u.unit+")") {
			continue
		}
		if containsAny(label, []string{"总里程", "通车里程", "营业里程", "运营里程", "密度", "/", "每"}) || containsAny(label, tableOtherWords) {
			return tableColumn{}, false
		}
		if ok {
			return col, true // 养护里程（公里）
		}
		if !containsAny(label, []string{"新改建", "新建", "改建", "改造", "养护", "建设", "升级", "提质", "大中修", "硬化", "拓宽", "修复"}) {
			return tableColumn{}, false
		}
		return tableColumn{header: label, kind: KindRoadLength}, true
	}
	return tableColumn{}, false
}

// captionColumn reads a header cell without a unit of its own under a
// caption that gives one: 总投资 under 单位：万元, 新改建里程 under 单位：公里.
func captionColumn(h string, caption []tableUnit) (tableColumn, bool) {
	if len(caption) == 0 || strings.ContainsAny(h, "（(%％") || containsAny(h, []string{"个数", "率", "比例", "占比", "增长", "同比"}) {
		return tableColumn{}, false
	}
	for _, u := range caption {
		if col, ok := tableColumnOf(h + "（" + u.unit + "）"); ok {
			col.header = h + "（单位：" + u.unit + "）"
			return col, true
		}
	}
	return tableColumn{}, false
}

// reformColumn reads a header cell of an approval-reform table: the time
// or the materials before (改革前时限（工作日）, 原办理时限（天）, 法定时限)
// or after (改革后, 现, 承诺) the reform, or the ratio stated (压缩比例).
func reformColumn(h string) (tableColumn, bool) {
	if !mayBeReform(h) {
		return tableColumn{}, false // most header cells: no word compared
	}
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
		// no unit in the header: the cells write it (30天, 18项)
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

// mayBeReform reports whether h holds a character every word reformColumn
// looks for holds one of: 压, 精, 减 or 提 (the ratios), 前, 原 or 法 (before
// the reform), 后, 现, 承 or 前 (after it). A cell without any is none of
// its columns.
func mayBeReform(h string) bool {
	for i := 0; i < len(h); {
		r, n := decodeAt(h, i)
		switch r {
		case '压', '精', '减', '提', '前', '原', '法', '后', '现', '承':
			return true
		}
		i += n
	}
	return false
}

// reformFigures reads a row of an approval-reform table: for each pair of
// before and after columns, the ratio it states, else the cut its before
// and after give.
func reformFigures(row []tableCell, cols []tableColumn) []Figure {
	var out []Figure
	for _, p := range reformPairs(cols) {
		var ratio *tableColumn
		if p.ratio >= 0 {
			ratio = &cols[p.ratio]
		}
		if f, ok := reformFigure(row, &cols[p.before], &cols[p.after], ratio); ok {
			out = append(out, f)
		}
	}
	return out
}

// reformKind is the kind of cut a reform column's header names when
// neither it nor its cells give a unit (改革前跑动次数: trips).
func reformKind(h string) string {
	switch {
	case containsAny(h, []string{"时限", "时间", "天数", "工作日", "用时", "时长"}):
		return KindTimeCut
	case containsAny(h, []string{"材料", "要件", "跑动", "次数", "环节", "证明", "资料", "手续", "文件"}):
		return KindMaterialCut
	}
	return ""
}

// reformFigure reads one pair of a reform table's row.
func reformFigure(row []tableCell, before, after, ratio *tableColumn) (Figure, bool) {
	kind, unit := before.cutKind, before.cutUnit
	bText, aText := tableNumberText(row[before.index].text), tableNumberText(row[after.index].text)
	if kind == "" {
		var bu, au string
		bText, bu = cutCellUnit(bText)
		aText, au = cutCellUnit(aText)
		switch {
		case bu != au:
			return Figure{}, false
		case bu != "":
			unit = bu
			kind = KindMaterialCut
			if containsAny(bu, []string{"工作日", "天", "日", "小时"}) {
				kind = KindTimeCut
			}
		default:
			kind = reformKind(before.header)
			if kind == "" {
				return Figure{}, false
			}
		}
	}
	if ratio != nil {
		c := row[ratio.index]
		t := strings.TrimRight(trimSpace(c.text), "%％")
		if t != c.text || strings.ContainsAny(ratio.header, "%％") {
			if n, ok := parsePlainDecimal(t); ok && n.Value > 0 && n.Value < 100 {
				return Figure{Kind: kind, Value: n.Value, ValueText: n.Text, Unit: UnitPercent, Start: c.start, End: c.start + len(c.text),
					Extractor: kind + ".table", Evidence: "table column " + ratio.header}, true
			}
		}
	}
	b, ok1 := parsePlainDecimal(bText)
	a, ok2 := parsePlainDecimal(aText)
	if !ok1 || !ok2 || b.Value <= 0 || a.Value >= b.Value || a.Value < 0 {
		return Figure{}, false
	}
	v := math.Round((b.Value-a.Value)/b.Value*100*10000) / 10000
	bv, av := b.Value, a.Value
	start, end := row[before.index].start, row[after.index].start+len(row[after.index].text)
	return Figure{Kind: kind, Value: v, ValueText: strconv.FormatFloat(v, 'f', -1, 64), Unit: UnitPercent, Start: start, End: end,
		FromValue: &bv, ToValue: &av, PeriodUnit: unit,
		Extractor: kind + ".table", Evidence: "table columns " + before.header + " → " + after.header}, true
}

// tableFundWords make a money column funding, as the funding heads of the
// sentence rules do (cues.go): money granted, allocated or secured.
var tableFundWords = []string{"补助", "争取", "到位", "下达", "补贴", "奖补", "车购税", "车辆购置税", "中央预算内", "专项债",
	"转移支付", "省补", "市补", "配套", "拨付", "切块", "以奖代补", "一事一议"}

// tableUnits are the units a header gives in brackets, and the yuan each
// is worth (0: a length in km).
var tableUnits = []tableUnit{{"公里", 0}, {"千米", 0}, {"km", 0}, {"亿元", 100000000}, {"千万元", 10000000}, {"百万元", 1000000},
	{"万元", 10000}, {"千元", 1000}, {"元", 1}}

// tableColumnOf reads a header cell such as "里程（公里）" or "总投资（亿元）".
func tableColumnOf(h string) (tableColumn, bool) {
	for _, u := range tableUnits {
		for _, br := range [][2]string{{"（", "）"}, {"(", ")"}} {
			rest, ok := cutSuffix3(h, br[0], u.unit, br[1])
			if !ok {
				continue
			}
			name := trimSpace(rest)
			col := tableColumn{header: h, multiplier: u.multiplier}
			switch {
			case u.multiplier == 0:
				if !containsAny(name, []string{"里程", "长度", "规模", "全长", "公里数", "长"}) || containsAny(name, []string{"总里程", "通车里程"}) {
					return tableColumn{}, false
				}
				col.kind = KindRoadLength
			case containsAny(name, tableFundWords):
				col.kind, col.basis = KindFunding, BasisAllocated
			case containsAny(name, []string{"投资", "计划", "概算", "估算", "造价", "资金", "经费"}):
				col.kind = KindInvestment
				switch {
				case containsAny(name, []string{"总投资", "概算", "估算", "造价"}):
					col.basis = BasisTotal
				case containsAny(name, []string{"完成", "累计"}):
					col.basis = BasisCompleted
				case strings.Contains(name, "计划"):
					col.basis = BasisPlanned
				}
			default:
				return tableColumn{}, false
			}
			return col, true
		}
	}
	return tableColumn{}, false
}

// cutSuffix3 is strings.CutSuffix(s, a+b+c) without building a+b+c (an
// allocation per unit and header cell asked).
func cutSuffix3(s, a, b, c string) (string, bool) {
	s, ok := strings.CutSuffix(s, c)
	if ok {
		s, ok = strings.CutSuffix(s, b)
	}
	if ok {
		s, ok = strings.CutSuffix(s, a)
	}
	return s, ok
}

// splitCells splits the line at sp into cells at sep, or at runs of spaces
// when sep is "".
func splitCells(text string, sp span, sep string) []tableCell {
	line := text[sp.start:sp.end]
	var out []tableCell
	add := func(a, b int) {
		for a < b {
			r, n := decodeAt(line, a)
			if !isSpace(r) {
				break
			}
			a += n
		}
		for b > a {
			r, n := decodeLast(line, a, b)
			if !isSpace(r) && r != '\r' {
				break
			}
			b -= n
		}
		// Between explicit separators an empty cell keeps its column.
		if a < b || sep != "" {
			out = append(out, tableCell{text: line[a:b], start: sp.start + a})
		}
	}
	if sep != "" {
		a := 0
		for {
			k := strings.Index(line[a:], sep)
			if k < 0 {
				add(a, len(line))
				return out
			}
			add(a, a+k)
			a += k + len(sep)
		}
	}
	a := -1
	for i := 0; i < len(line); {
		// decodeAt: the range loop's decoding, the three-byte case inline
		r, n := decodeAt(line, i)
		switch {
		case isSpace(r) && a >= 0:
			add(a, i)
			a = -1
		case !isSpace(r) && a < 0:
			a = i
		}
		i += n
	}
	if a >= 0 {
		add(a, len(line))
	}
	return out
}

// tableFigure reads a cell of a column: a plain decimal number.
func tableFigure(c tableCell, col tableColumn) (Figure, bool) {
	t := tableNumberText(c.text)
	mult := col.multiplier
	for _, u := range tableUnits {
		// a cell may write its column's unit (12.6公里 under 里程), or
		// its own money unit (3.2亿元 under 投资（万元）)
		if (u.multiplier == col.multiplier || u.multiplier > 0 && col.multiplier > 0) && strings.HasSuffix(t, u.unit) {
			t = strings.TrimSuffix(t, u.unit)
			mult = u.multiplier
			break
		}
	}
	n, ok := parsePlainDecimal(t)
	if !ok || n.Value <= 0 || strings.ContainsRune(c.text, '%') {
		return Figure{}, false
	}
	f := Figure{
		Kind:      col.kind,
		Value:     n.Value,
		ValueText: n.Text,
		Unit:      UnitKm,
		Start:     c.start,
		End:       c.start + len(c.text),
		Extractor: col.kind + ".table",
		Evidence:  "table column " + col.header,
		Basis:     col.basis,
	}
	if mult > 0 {
		v, err := n.times(mult)
		if err != nil {
			return Figure{}, false
		}
		f.Value, f.ValueText, f.Unit = v.Value, v.Text, UnitCNY
	}
	return f, true
}

// cutCellUnits are the units a reform table's cell may write after its
// number, longest first.
var cutCellUnits = []string{"个工作日", "工作日", "小时", "天", "日", "份", "件", "项", "个", "次", "道"}

// cutCellUnit splits a cell such as "30天" into its number and unit.
func cutCellUnit(s string) (string, string) {
	for _, u := range cutCellUnits {
		if strings.HasSuffix(s, u) {
			return trimSpace(strings.TrimSuffix(s, u)), u
		}
	}
	return s, ""
}

// maxCellRunes bounds a line read as one cell of a table flattened one
// cell per line (a page's table as text extraction gives it).
const maxCellRunes = 24

// cellLine reports a line that may be one cell: short, no sentence in it.
func cellLine(s string) bool {
	if len(s) > 4*maxCellRunes {
		return false // most lines of prose: no count needed
	}
	// one pass counts the characters and looks for a sentence's end
	n := 0
	s = trimSpace(s)
	for i := 0; i < len(s); {
		// decodeAt: the range loop's decoding, the three-byte case inline
		r, size := decodeAt(s, i)
		if n++; n > maxCellRunes || r == '。' || r == '；' || r == '！' || r == '？' {
			return false
		}
		i += size
	}
	return true
}

// tableTitle reports a table's title line (表1 …情况表, …一览表), which
// stands above a header read one cell per line and is none of its cells:
// the rows' shape repeats whichever line the header is taken to start at.
func tableTitle(s string) bool {
	if strings.HasSuffix(s, "表") || atLeastRunes(s, 17) {
		return true
	}
	rest, ok := strings.CutPrefix(s, "表")
	return ok && rest != "" && (rest[0] >= '0' && rest[0] <= '9' || strings.ContainsRune("一二三四五六七八九十", []rune(rest)[0]))
}

// cellNumeric reports a cell that holds a number, with its unit if any.
func cellNumeric(s string) bool {
	if !hasDigit(s) {
		return false // parsePlainDecimal reads digits, ASCII or made so: most cells hold none
	}
	if cellUnit(s) != "" {
		return true // 46.3公里, 98.6亿元
	}
	t := strings.TrimRight(tableNumberText(trimSpace(s)), "%％")
	t, _ = cutCellUnit(t)
	_, ok := parsePlainDecimal(t)
	return ok
}

// hasDigit reports an ASCII or a full-width digit (０-９: EF BC 90..99) in s.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' || c == 0xEF && i+2 < len(s) && s[i+1] == 0xBC && s[i+2] >= 0x90 && s[i+2] <= 0x99 {
			return true
		}
	}
	return false
}

// cellTable reads a table flattened one cell per line, as a page's table
// reaches text: its header cells first, one per line (序号, 项目名称,
// 建设里程（公里）, 总投资（万元）...), then each row's cells in as many
// lines, an empty cell an empty line. The header is the first run of
// three lines or more, holding a column of a kind, after which two rows
// of as many lines have numbers in those columns and the same shape
// (which cells hold numbers). Rows are read while they keep that shape.
// It returns the index of the line after the table (i when line i starts
// none) and the figures.
func cellTable(doc *document, t *tableText, i, from int, caption []tableUnit) (int, []Figure) {
	text, lines, cell := t.text, t.lines, t.cell
	if i+9 > len(lines) || t.facts(i)&lineHeader == 0 || tableTitle(cell(i)) {
		return i, nil
	}
	m := 0 // header-like lines from i
	kinded := len(caption) > 0
	for i+m < len(lines) && m < 13 && t.facts(i+m)&lineHeader != 0 {
		if t.facts(i+m)&lineKindMark != 0 {
			kinded = true
		}
		m++
	}
	for k := i + m; !kinded && k < min(len(lines), i+2*m); k++ {
		kinded = t.facts(k)&lineUnitCell != 0 // the cells write the units
	}
	if m < 3 || !kinded {
		return i, nil // no header cell could give a kind
	}
	for k := i; k < min(len(lines), i+4); k++ {
		if x := cell(k); t.flags[k]&lineRowMark != 0 && (rowSeparated(x) || spaceCells(x) > 1) {
			return i, nil // a row per line: tableHeader's
		}
	}
	// shape is, for each cell of the n lines at at, 1 for a number, 2
	// for text, 0 for an empty cell (which fits either).
	shape := func(at, n int) ([]uint8, bool) {
		if at+n > len(lines) {
			return nil, false
		}
		sh := make([]uint8, n)
		for c := 0; c < n; c++ {
			f := t.facts(at + c)
			switch x := cell(at + c); {
			case f&lineCell == 0:
				return nil, false
			case x == "" || x == "—" || x == "-" || x == "/":
			case f&lineNumeric != 0:
				sh[c] = 1
			default:
				sh[c] = 2
			}
		}
		return sh, true
	}
	same := func(a, b []uint8, cols []tableColumn) bool {
		for c := range a {
			if a[c] != 0 && b[c] != 0 && a[c] != b[c] && !slices.ContainsFunc(cols, func(t tableColumn) bool { return t.index == c && t.reform == reformRatio }) {
				return false
			}
		}
		return true
	}
	for n := 3; n <= m && n <= 12; n++ {
		h := make([]string, n)
		for c := range h {
			h[c] = cell(i + c)
		}
		units := make([]string, n)
		for c := range units {
			if i+n+c < len(lines) {
				units[c] = cellUnit(cell(i + n + c))
			}
		}
		cols := headerColumns(h, caption, units)
		if len(cols) == 0 {
			continue
		}
		s0, ok0 := shape(i+n, n)
		s1, ok1 := shape(i+2*n, n)
		if !ok0 || !ok1 || !same(s0, s1, cols) {
			continue
		}
		fits := true
		for _, c := range cols {
			if c.reform != reformRatio && s0[c.index] == 2 || c.reform != reformRatio && s0[c.index] == 0 && s1[c.index] != 1 {
				fits = false
			}
		}
		if !fits {
			continue
		}
		// The header is n lines: read the rows.
		about := tableAbout(text, lines, i, i+n)
		var header []tableCell
		for c := 0; c < n; c++ {
			header = append(header, tableCell{text: cell(i + c), start: lines[i+c].start})
		}
		var out []Figure
		var sums roadSums
		at := i + n
		for at+n <= len(lines) {
			sh, ok := shape(at, n)
			if !ok || !same(sh, s0, cols) || !same(sh, s1, cols) {
				break
			}
			row := make([]tableCell, n)
			for c := 0; c < n; c++ {
				t := text[lines[at+c].start:lines[at+c].end]
				lead := len(t) - len(strings.TrimLeft(t, " \t\u3000"))
				row[c] = tableCell{text: trimSpace(t), start: lines[at+c].start + lead}
			}
			if lines[at].start >= from {
				sp := span{lines[at].start, lines[at+n-1].end}
				out = append(out, rowFigures(doc, row, header, cols, about, sp, strings.Join(strings.Fields(text[sp.start:sp.end]), " "), &sums)...)
			}
			at += n
		}
		return at, out
	}
	return i, nil
}

// tableNumberText is a cell's number with full-width digits made ASCII
// and thousands separators (1,286,500) taken out; other text is kept.
func tableNumberText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９':
			b.WriteRune(r - '０' + '0')
		case r == '．':
			b.WriteByte('.')
		case r == '，':
			b.WriteByte(',')
		default:
			b.WriteRune(r)
		}
	}
	t := b.String()
	if !strings.Contains(t, ",") {
		return t
	}
	// A unit after the number (1,200万元) is kept as written.
	unit := ""
	if k := strings.LastIndexAny(t, "0123456789"); k >= 0 {
		t, unit = t[:k+1], t[k+1:]
	}
	return groupedNumber(t) + unit
}

// groupedNumber takes the thousands separators out of t when it is a
// number written with them (1,286,500.5); other text is returned as is.
func groupedNumber(t string) string {
	// groups of three digits after the first
	intPart, frac, _ := strings.Cut(t, ".")
	groups := strings.Split(intPart, ",")
	if len(groups[0]) == 0 || len(groups[0]) > 3 {
		return t
	}
	for _, g := range groups {
		for _, c := range g {
			if c < '0' || c > '9' {
				return t
			}
		}
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return t
		}
	}
	t = strings.Join(groups, "")
	if frac != "" {
		t += "." + frac
	}
	return t
}

// rowName returns the name of a row: the cell under a header naming the
// project or road, else the first cell with a Chinese character.
func rowName(row, header []tableCell) string {
	for i, h := range header {
		if containsAny(h.text, []string{"名称", "项目", "路线", "路段"}) && !strings.ContainsAny(h.text, "（(") {
			return row[i].text
		}
	}
	for _, c := range row {
		for _, r := range c.text {
			if r >= 0x4e00 && r <= 0x9fff {
				return c.text
			}
		}
	}
	return ""
}

// roadCode reports a road's number in a name (G345线, S218, X061): a
// national, provincial, county or village road, whatever places (花桥) the
// name holds.
func roadCode(name string) bool {
	for i := 0; i+1 < len(name); i++ {
		if strings.IndexByte("GSXYZ", name[i]) >= 0 && name[i+1] >= '0' && name[i+1] <= '9' && (i == 0 || !isASCIILetter(name[i-1])) {
			return true
		}
	}
	return false
}

// Roads and other ways as a table names them.
var (
	tableRoadWords  = []string{"公路", "道路", "高速", "国道", "省道", "县道", "乡道", "村道", "大道", "干线", "快速路", "通道", "连接线", "路"}
	tableOtherWords = []string{"铁路", "高铁", "轨道", "地铁", "隧道", "桥", "航道", "河道", "管道", "管网", "绿道", "步道", "骑行道", "轻轨", "城际", "电网", "光缆", "渠"}
)

// roadRow: a length in a table is a road's when the row's name says so
// (石桥至河口公路 is a road, though 桥 is in it), or when the table's title
// and header do and the name names no other way.
func roadRow(about, name string) bool {
	if containsAny(name, []string{"公路", "道路", "国道", "省道", "县道", "乡道", "村道", "大道"}) || roadCode(name) {
		return true
	}
	if containsAny(stationsOut(name), tableOtherWords) {
		return false
	}
	return containsAny(name, tableRoadWords) || containsAny(about, tableRoadWords)
}

// stationsOut returns name without the places named after other ways
// (高铁站, 城际站, 高铁新城): a road to a station is a road.
func stationsOut(name string) string {
	for _, w := range tableOtherWords {
		for _, p := range []string{"站", "新城", "新区", "片区"} {
			name = strings.ReplaceAll(name, w+p, "")
		}
	}
	return name
}

// indexOpenBracket is strings.IndexAny(s, "（("), by two vectorised
// searches rather than a decoding of every character (a header cell may be
// a long line). Every place （ or ( starts in s, range decoding starts a
// character there: it steps over continuation bytes only.
func indexOpenBracket(s string) int {
	a, b := strings.IndexByte(s, '('), strings.Index(s, "（")
	if a < 0 || b >= 0 && b < a {
		return b
	}
	return a
}
