package extractors

import (
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
}

// maxTableRows bounds the rows read under one header.
const maxTableRows = 200

// tableFigures returns the figures of the tables in text whose rows start
// at or after from.
func tableFigures(doc *document, text string, from int) []Figure {
	if !tableHint(text) {
		return nil // most texts hold no header: no line is split
	}
	var out []Figure
	lines := tableLines(text)
	for i := 0; i < len(lines); i++ {
		if !tableHint(text[lines[i].start:lines[i].end]) {
			continue
		}
		sep, cols, ok := tableHeader(text[lines[i].start:lines[i].end])
		if !ok {
			continue
		}
		header := splitCells(text, lines[i], sep)
		// What the table is about: its title (the line before) and its
		// header; a row's name may say it too.
		about := text[lines[i].start:lines[i].end]
		if i > 0 {
			about = text[lines[i-1].start:lines[i-1].end] + about
		}
		k := i + 1
		for ; k < len(lines) && k-i <= maxTableRows; k++ {
			row := splitCells(text, lines[k], sep)
			if len(row) != len(header) {
				break
			}
			if lines[k].start < from {
				continue
			}
			name := rowName(row, header)
			for _, c := range cols {
				cell := row[c.index]
				f, ok := tableFigure(cell, c)
				if !ok || c.kind == KindRoadLength && !roadRow(about, name) {
					continue
				}
				sp := lines[k]
				doc.findYears()
				f.Year = doc.yearAt(sp, cell.start)
				f.Sentence = strings.TrimSpace(text[sp.start:sp.end])
				f.Subject = name
				out = append(out, f)
			}
		}
		i = k - 1
	}
	return out
}

// tableHint reports a unit in brackets, which a header holds. It looks
// only before each closing bracket (two scans, not one per unit: most
// texts with a figure are read).
func tableHint(s string) bool {
	for _, br := range []string{"）", ")"} {
		for i := 0; ; {
			k := indexByLast(s[i:], br)
			if k < 0 {
				break
			}
			if hasSuffixAny(s[:i+k], []string{"公里", "千米", "km", "元"}) != "" {
				return true
			}
			i += k + len(br)
		}
	}
	return false
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

// tableHeader reads a header line: the separator of its cells and the
// columns that give a kind. ok is false for a line that is no header.
func tableHeader(line string) (sep string, cols []tableColumn, ok bool) {
	switch {
	case strings.Contains(line, "｜"):
		sep = "｜"
	case strings.Contains(line, "|"):
		sep = "|"
	case strings.Contains(line, "\t"):
		sep = "\t"
	}
	cells := splitCells(line, span{0, len(line)}, sep)
	if len(cells) < 3 {
		return "", nil, false
	}
	for i, c := range cells {
		if col, ok := tableColumnOf(c.text); ok {
			col.index = i
			cols = append(cols, col)
		}
	}
	return sep, cols, len(cols) > 0
}

// tableUnits are the units a header gives in brackets, and the yuan each
// is worth (0: a length in km).
var tableUnits = []struct {
	unit       string
	multiplier int64
}{{"公里", 0}, {"千米", 0}, {"km", 0}, {"亿元", 100000000}, {"万元", 10000}, {"元", 1}}

// tableColumnOf reads a header cell such as "里程（公里）" or "总投资（亿元）".
func tableColumnOf(h string) (tableColumn, bool) {
	for _, u := range tableUnits {
		for _, br := range [][2]string{{"（", "）"}, {"(", ")"}} {
			suffix := br[0] + u.unit + br[1]
			if !strings.HasSuffix(h, suffix) {
				continue
			}
			name := strings.TrimSpace(strings.TrimSuffix(h, suffix))
			col := tableColumn{header: h, multiplier: u.multiplier}
			switch {
			case u.multiplier == 0:
				if !containsAny(name, []string{"里程", "长度", "规模", "全长", "公里数", "长"}) || containsAny(name, []string{"总里程", "通车里程"}) {
					return tableColumn{}, false
				}
				col.kind = KindRoadLength
			case containsAny(name, []string{"补助", "争取", "到位", "下达", "补贴", "奖补"}):
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

// splitCells splits the line at sp into cells at sep, or at runs of spaces
// when sep is "".
func splitCells(text string, sp span, sep string) []tableCell {
	line := text[sp.start:sp.end]
	var out []tableCell
	add := func(a, b int) {
		for a < b {
			r, n := utf8.DecodeRuneInString(line[a:])
			if !isSpace(r) {
				break
			}
			a += n
		}
		for b > a {
			r, n := utf8.DecodeLastRuneInString(line[a:b])
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
	for i, r := range line {
		switch {
		case isSpace(r) && a >= 0:
			add(a, i)
			a = -1
		case !isSpace(r) && a < 0:
			a = i
		}
	}
	if a >= 0 {
		add(a, len(line))
	}
	return out
}

// tableFigure reads a cell of a column: a plain decimal number.
func tableFigure(c tableCell, col tableColumn) (Figure, bool) {
	n, ok := parsePlainDecimal(c.text)
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
	if col.multiplier > 0 {
		v, err := n.times(col.multiplier)
		if err != nil {
			return Figure{}, false
		}
		f.Value, f.ValueText, f.Unit = v.Value, v.Text, UnitCNY
	}
	return f, true
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

// Roads and other ways as a table names them.
var (
	tableRoadWords  = []string{"公路", "道路", "高速", "国道", "省道", "县道", "乡道", "村道", "大道", "干线", "快速路", "通道", "连接线", "路"}
	tableOtherWords = []string{"铁路", "高铁", "轨道", "地铁", "隧道", "桥", "航道", "河道", "管道", "管网", "绿道", "步道", "骑行道", "轻轨", "城际", "电网", "光缆", "渠"}
)

// roadRow: a length in a table is a road's when the row's name says so
// (石桥至河口公路 is a road, though 桥 is in it), or when the table's title
// and header do and the name names no other way.
func roadRow(about, name string) bool {
	if containsAny(name, []string{"公路", "道路", "国道", "省道", "县道", "乡道", "村道", "大道"}) {
		return true
	}
	if containsAny(name, tableOtherWords) {
		return false
	}
	return containsAny(name, tableRoadWords) || containsAny(about, tableRoadWords)
}
