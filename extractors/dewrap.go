package extractors

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Hard-wrapped text (pdftotext output, text pasted from a PDF) breaks lines
// at a fixed width, also inside a figure: "完成投资超过26.19" + line break +
// "亿元", "由120" + line break + "个工作日", "缩短到" + line break + "36天". A
// line break that falls between a number and its unit, or between a word
// that a number follows and the number, cannot end a paragraph there; the
// extractors read the text without such breaks, and the figures' spans are
// mapped back over them (a span then holds the break, as the text does).

// unitStarts are the first characters of what follows a number: units,
// multipliers and the qualifiers written after the number.
const unitStarts = "亿万千百元公千米里%％个天日份项件次趟道张类页环余多小分周"

// wrapMinRunes is the least length of a line broken at a fixed width
// before a number: shorter lines are titles, list items and bylines.
const wrapMinRunes = 12

// dewrap returns text without its hard-wrap breaks inside figures, and the
// offsets (in text, ascending) of the bytes it removed; nil when there are
// none, and text itself is returned.
func dewrap(text string) (string, []int) {
	var cut []int
	lineStart := 0 // after the line break before i: the scan visits each
	for i := strings.IndexByte(text, '\n'); i >= 0; {
		end := i // the line's end, before a \r
		if end > lineStart && text[end-1] == '\r' {
			end--
		}
		next := i + 1
		if wrapBreak(text[lineStart:end], text[next:]) {
			for k := end; k <= i; k++ {
				cut = append(cut, k)
			}
		}
		j := strings.IndexByte(text[next:], '\n')
		if j < 0 {
			break
		}
		lineStart, i = next, next+j
	}
	if len(cut) == 0 {
		return text, nil
	}
	var b strings.Builder
	b.Grow(len(text) - len(cut))
	prev := 0
	for _, k := range cut {
		b.WriteString(text[prev:k])
		prev = k + 1
	}
	b.WriteString(text[prev:])
	return b.String(), cut
}

// wrapBreak reports a line break between line and rest (the text after the
// break) that falls inside a figure, and not at the end of a table's row,
// whose cells end with numbers. (The row's four searches of the line come
// last: most breaks have no digit next to them.)
func wrapBreak(line, rest string) bool {
	return figureBreak(line, rest) && !rowSeparated(line)
}

// figureBreak reports a line break that the characters around it place
// inside a figure.
func figureBreak(line, rest string) bool {
	// Every line break is asked: one with no digit (or point) next to it,
	// most of them, is answered from its two bytes without decoding.
	return digitNextTo(line, rest) && figureBreakAt(line, rest)
}

// digitNextTo reports a break with an ASCII digit or a point before it or
// a digit after it, as every break figureBreakAt takes has.
func digitNextTo(line, rest string) bool {
	return line != "" && (isDigitRune(rune(line[len(line)-1])) || line[len(line)-1] == '.') ||
		rest != "" && isDigitRune(rune(rest[0]))
}

// figureBreakAt is figureBreak reading the characters around the break.
func figureBreakAt(line, rest string) bool {
	a, _ := utf8.DecodeLastRuneInString(line)
	b, n := utf8.DecodeRuneInString(rest)
	if a == utf8.RuneError || b == utf8.RuneError {
		return false
	}
	switch {
	case isDigitRune(a) || a == '.' && len(line) > 1 && isDigitRune(rune(line[len(line)-2])):
		// "26.19" | "亿元", "120" | "个工作日", "199" | "余公里"
		if isDigitRune(b) {
			// "…2023" | "2024年…" is a list of numbers, not one; "…132." |
			// "6公里" is one decimal broken at its point, "投资2" |
			// "186.4亿元" one number broken between its thousands
			if !atLeastRunes(line, wrapMinRunes) || listStart(rest) {
				return false
			}
			return a == '.' || thousandsBreak(line, rest) || decimalBreak(line, rest)
		}
		return strings.ContainsRune(unitStarts, b) && atLeastRunes(line, wrapMinRunes) && !numberOnlyLine(line)
	case isDigitRune(b):
		// "缩短到" | "36天": a Han line at full width before a number that
		// goes on in the same sentence (not "1." or "2、" starting a list
		// item, nor a date line)
		if !isHan(a) || !atLeastRunes(line, wrapMinRunes) || listStart(rest[n-1:]) {
			return false
		}
		return true
	}
	return false
}

// rowSeparated reports a line laid out as a table's row: cells split at
// tabs or bars, or three cells or more aligned with runs of spaces. (Byte
// searches: strings.ContainsAny with ｜ in its set decodes every rune.)
func rowSeparated(line string) bool {
	return strings.IndexByte(line, '\t') >= 0 || strings.IndexByte(line, '|') >= 0 || strings.Contains(line, "｜") || spaceCells(line) >= 3
}

// spaceCells counts the cells of a line aligned with runs of two spaces
// or more (a table's row as pdftotext lays it out).
func spaceCells(line string) int {
	if !strings.Contains(line, "  ") {
		return 1
	}
	n, spaces, in := 0, 0, false
	for i := 0; i < len(line); i++ {
		if line[i] == ' ' {
			spaces++
			continue
		}
		if !in || spaces >= 2 {
			n++
			in = true
		}
		spaces = 0
	}
	return n
}

func isDigitRune(r rune) bool { return r >= '0' && r <= '9' }

func isHan(r rune) bool { return r >= 0x4e00 && r <= 0x9fff || r >= 0x3400 && r <= 0x4dbf }

// thousandsBreak reports a number broken where a thousands separator
// would stand: one to three digits after a Han character end the line,
// and exactly three digits begin the rest, then a decimal point or a unit
// ("投资2" | "186.4亿元", "公路1" | "642亿元").
func thousandsBreak(line, rest string) bool {
	k := digitsEndingAt(line, len(line))
	if n := len(line) - k; n == 0 || n > 3 || k == 0 {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(line[:k]); !isHan(r) {
		return false
	}
	if len(rest) < 4 || !isDigitRune(rune(rest[0])) || !isDigitRune(rune(rest[1])) || !isDigitRune(rune(rest[2])) {
		return false
	}
	if rest[3] == '.' {
		return len(rest) > 4 && isDigitRune(rune(rest[4]))
	}
	u, _ := utf8.DecodeRuneInString(rest[3:])
	return strings.ContainsRune(unitStarts, u)
}

// decimalBreak reports a decimal broken among its decimals: the line ends
// with digits, a point and digits after a Han character, and the rest
// begins with digits and a unit ("新建路段16.8" | "2公里").
func decimalBreak(line, rest string) bool {
	k := digitsEndingAt(line, len(line))
	if k == len(line) || k < 2 || line[k-1] != '.' || !isDigitRune(rune(line[k-2])) {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(line[:digitsEndingAt(line, k-1)]); !isHan(r) {
		return false
	}
	i := 0
	for i < len(rest) && isDigitRune(rune(rest[i])) {
		i++
	}
	if i == 0 || i == len(rest) {
		return false
	}
	u, _ := utf8.DecodeRuneInString(rest[i:])
	return strings.ContainsRune(unitStarts, u)
}

// digitsEndingAt returns where the run of ASCII digits that ends at s[:k]
// starts (k when s[k-1] is no digit).
func digitsEndingAt(s string, k int) int {
	for k > 0 && isDigitRune(rune(s[k-1])) {
		k--
	}
	return k
}

// numberOnlyLine reports a line that is a number and nothing else (a page
// number).
func numberOnlyLine(line string) bool {
	return strings.TrimLeft(trimSpace(line), "0123456789.—- ") == ""
}

// listStart reports digits that begin a list item, a heading or a date
// ("1.", "2、", "3）", "2024-05-06", "2024年5月"), not a figure's number.
func listStart(s string) bool {
	i := 0
	for i < len(s) && isDigitRune(rune(s[i])) {
		i++
	}
	rest := s[i:]
	if i > 0 && len(rest) > 1 && rest[0] == '.' && isDigitRune(rune(rest[1])) {
		return false // a decimal (18.6亿元), not "1." of a list
	}
	for _, p := range []string{".", "、", ")", "）", "-", "/", ":", "：", "年", "月", "日", " "} {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

// rewrap maps the figures found in flat, text without the bytes at the
// offsets cut, back to text: their spans, and their sentences, which are
// text's again (breaks included).
func rewrap(figs []Figure, text, flat string, cut []int) {
	at := func(p int) int {
		// The offset in text of byte p of flat: the j-th cut byte would
		// sit at cut[j]-j in flat, which grows with j, so the cuts before
		// p are found by a binary search.
		j := sort.Search(len(cut), func(i int) bool { return cut[i]-i > p })
		return p + j
	}
	span := func(a, b int) (int, int) {
		if b > a {
			return at(a), at(b-1) + 1
		}
		a = at(a)
		return a, a
	}
	for i := range figs {
		f := &figs[i]
		if f.Sentence != "" {
			lo := max(0, f.Start-len(f.Sentence))
			hi := min(len(flat), f.End+len(f.Sentence))
			if k := strings.Index(flat[lo:hi], f.Sentence); k >= 0 {
				a, b := span(lo+k, lo+k+len(f.Sentence))
				f.Sentence = text[a:b]
			}
		}
		f.Start, f.End = span(f.Start, f.End)
	}
}
