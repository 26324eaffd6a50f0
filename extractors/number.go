package extractors

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Number is a parsed numeral. Text is the exact decimal; Value is parsed
// from Text, so 12.5亿 is 1250000000 and never 1249999999.9999998.
type Number struct {
	Text  string  // exact decimal, no exponent, no trailing fractional zeros
	Value float64 // strconv.ParseFloat(Text)
	Over  bool    // the numeral held 余 or 多 ("两千余万", "4000 余万", "500多")
}

// Rat returns the exact value (Text is an exact decimal).
func (n Number) Rat() *big.Rat {
	r, ok := new(big.Rat).SetString(n.Text)
	if !ok {
		return new(big.Rat)
	}
	return r
}

// maxNumeralRunes bounds the work done on one numeral; real figures are short.
const maxNumeralRunes = 48

var errNotNumber = errors.New("not a number")

// numeral token kinds
const (
	tokAtom  = iota // a value: Arabic decimal or Chinese digit run
	tokSmall        // 十 百 千
	tokBig          // 万 亿
	tokOver         // 余 多
)

type numTok struct {
	kind int
	// digits is an atom's value as a plain decimal ("12.5", "0.5"); the
	// evaluation reads it into whichever arithmetic it runs in.
	digits  string
	unit    int64 // for tokSmall/tokBig
	chinese bool  // atom written with Chinese digits
	single  bool  // atom is one digit
	// fraction: the fractional digits after 点 that follows a unit
	// character (十点五); no unit character may scale it
	fraction bool
}

var chineseDigit = map[rune]int64{
	'〇': 0, '零': 0, '○': 0, 'Ｏ': 0,
	'一': 1, '壹': 1, '二': 2, '贰': 2, '两': 2, '三': 3, '叁': 3, '四': 4, '肆': 4,
	'五': 5, '伍': 5, '六': 6, '陆': 6, '七': 7, '柒': 7, '八': 8, '捌': 8, '九': 9, '玖': 9,
}

var smallUnit = map[rune]int64{'十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000}

var bigUnit = map[rune]int64{'万': 10000, '亿': 100000000}

var tensRune = map[rune]int64{'廿': 2, '卅': 3, '卌': 4}

// isDecimalPoint: the points written between digits, ASCII, full-width and
// the Chinese 点 (點 where text was not converted).
func isDecimalPoint(r rune) bool {
	return r == '.' || r == '．' || r == '点' || r == '點'
}

// isGroupSpace: a space that may separate groups of three digits ("1 000").
func isGroupSpace(r rune) bool {
	return r == ' ' || r == '\u00a0' || r == '\u2009' || r == '\u202f'
}

// isNumeralRune reports whether r can be part of a numeral that ParseNumber
// accepts (spaces aside). The scans ask it of every character they pass:
// runeFlags holds the answer.
func isNumeralRune(r rune) bool {
	return uint32(r) < 0x10000 && runeFlags()[r]&flagNumeralRune != 0
}

// numeralRune is isNumeralRune worked out, for runeFlags.
func numeralRune(r rune) bool {
	if r >= '0' && r <= '9' || r >= '０' && r <= '９' {
		return true
	}
	switch r {
	case '.', '．', ',', '点', '點', '余', '多', '廿', '卅', '卌':
		return true
	}
	_, d := chineseDigit[r]
	_, s := smallUnit[r]
	_, b := bigUnit[r]
	return d || s || b
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\u3000' || r == '\u00a0' || r == '\t'
}

// ParseNumber parses a numeral: Arabic or full-width digits with optional
// thousands separators and decimals, Chinese numerals (二百一十四, 一点六万,
// 〇/零), 十/百/千/万/亿/万亿 scaling, spaces inside ("4000 余万") and one 余
// or 多 marking an approximate lower bound. It never returns NaN or Inf.
func ParseNumber(s string) (Number, error) {
	if n, ok := parsePlainDecimal(s); ok {
		return n, nil
	}
	if utf8.RuneCountInString(s) > maxNumeralRunes {
		return Number{}, fmt.Errorf("numeral %q: too long", s)
	}
	toks, err := lexNumeral(s)
	if err != nil {
		return Number{}, fmt.Errorf("numeral %q: %w", s, err)
	}
	// Integers and a scale hold almost every numeral exactly; one that
	// overflows them, or is rejected, is evaluated again in exact
	// rationals, which decide it as they always did.
	if f, over, err := evalNumeral[fixed](toks); err == nil && !f.bad {
		if n, ok := f.number(over); ok {
			return n, nil
		}
	}
	r, over, err := evalNumeral[ratNum](toks)
	if err != nil {
		return Number{}, fmt.Errorf("numeral %q: %w", s, err)
	}
	if r.bad {
		return Number{}, fmt.Errorf("numeral %q: %w", s, errNotNumber)
	}
	return newNumber(r.rat(), over)
}

// newNumber builds a Number from an exact rational with a terminating
// decimal expansion.
func newNumber(r *big.Rat, over bool) (Number, error) {
	text, err := exactDecimal(r)
	if err != nil {
		return Number{}, err
	}
	v, err := strconv.ParseFloat(text, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return Number{}, fmt.Errorf("numeral value %s out of range", text)
	}
	return Number{Text: text, Value: v, Over: over}, nil
}

// exactDecimal writes r as a decimal without exponent; r must terminate
// within 30 fractional digits.
func exactDecimal(r *big.Rat) (string, error) {
	if r.IsInt() {
		return r.Num().String(), nil
	}
	// The denominator of a terminating decimal is 2^a*5^b; max(a, b) digits suffice.
	den := r.Denom()
	digits := 0
	for rem := new(big.Int); digits <= 30; digits++ {
		if rem.Mod(pow10(digits), den).Sign() == 0 {
			break
		}
	}
	if digits > 30 {
		return "", fmt.Errorf("value %s has no short decimal form", r.String())
	}
	return trimZeros(r.FloatString(digits)), nil
}

func pow10(n int) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
}

func trimZeros(s string) string {
	if strings.Contains(s, ".") {
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// fixedPair reads two numbers' texts at one scale, ok false when either
// does not fit (the callers then use exact rationals).
func fixedPair(a, b Number) (x, y fixed, ok bool) {
	x, y = fixed{}.parse(a.Text), fixed{}.parse(b.Text)
	e := max(x.e, y.e)
	x, y = x.scaled(e), y.scaled(e)
	return x, y, !x.bad && !y.bad
}

// cutOrder reports from > to >= 0, exactly: a cut from one to the other.
func cutOrder(from, to Number) bool {
	if x, y, ok := fixedPair(from, to); ok {
		return x.m > 0 && y.m < x.m
	}
	fr, tr := from.Rat(), to.Rat()
	return fr.Sign() > 0 && tr.Sign() >= 0 && tr.Cmp(fr) < 0
}

// percentDrop is (from-to)/from in percent, rounded half away from zero to
// four places, as roundedNumber gives it; from > to >= 0 (cutOrder).
func percentDrop(from, to Number) (Number, error) {
	if x, y, ok := fixedPair(from, to); ok && x.m > 0 && y.m <= x.m {
		// (x-y)*10^6/x is at most 10^6: the 128-bit quotient fits.
		hi, lo := bits.Mul64(x.m-y.m, 1_000_000)
		q, r := bits.Div64(hi, lo, x.m)
		if r >= x.m-r {
			q++
		}
		if n, ok := (fixed{m: q, e: 4}).number(false); ok {
			return n, nil
		}
	}
	fr, tr := from.Rat(), to.Rat()
	pct := new(big.Rat).Sub(fr, tr)
	pct.Quo(pct, fr)
	pct.Mul(pct, big.NewRat(100, 1))
	return roundedNumber(pct, 4)
}

// times is n*k exactly (k >= 0).
func (n Number) times(k int64) (Number, error) {
	if f := (fixed{}).parse(n.Text).mulInt(k); !f.bad {
		if v, ok := f.number(false); ok {
			return v, nil
		}
	}
	return newNumber(new(big.Rat).Mul(n.Rat(), new(big.Rat).SetInt64(k)), false)
}

// roundedNumber rounds r half away from zero to places fractional digits.
func roundedNumber(r *big.Rat, places int) (Number, error) {
	text := trimZeros(r.FloatString(places))
	rr, ok := new(big.Rat).SetString(text)
	if !ok {
		return Number{}, fmt.Errorf("rounding %s", r.String())
	}
	return newNumber(rr, false)
}

// lexNumeral splits a numeral into tokens.
func lexNumeral(s string) ([]numTok, error) {
	runes := []rune(s)
	var toks []numTok
	for i := 0; i < len(runes); {
		r := runes[i]
		switch {
		case isSpace(r):
			i++
		case asciiDigit(r) >= 0:
			j, tok, err := lexArabic(runes, i)
			if err != nil {
				return nil, err
			}
			toks = append(toks, tok)
			i = j
		case tensRune[r] != 0:
			// 廿 卅 卌 are 二十 三十 四十 in one character ("廿公尺", "卅五点五三亿")
			toks = append(toks, numTok{kind: tokAtom, digits: strconv.FormatInt(tensRune[r], 10), chinese: true, single: true},
				numTok{kind: tokSmall, unit: 10})
			i++
		case isChineseDigit(r):
			j, tok, err := lexChinese(runes, i)
			if err != nil {
				return nil, err
			}
			toks = append(toks, tok)
			i = j
		case smallUnit[r] != 0:
			toks = append(toks, numTok{kind: tokSmall, unit: smallUnit[r]})
			i++
		case (r == '点' || r == '點') && len(toks) > 0 && toks[len(toks)-1].kind == tokSmall &&
			i+1 < len(runes) && isChineseDigit(runes[i+1]):
			// 十点五, 一百点五: a point right after a unit character starts
			// the fraction of the ones, as after a digit (十二点五)
			j := i + 1
			var frac strings.Builder
			frac.WriteString("0.")
			for ; j < len(runes) && isChineseDigit(runes[j]); j++ {
				frac.WriteByte(byte('0' + chineseDigit[runes[j]]))
			}
			if frac.Len() > 24 {
				return nil, fmt.Errorf("too many digits: %w", errNotNumber)
			}
			toks = append(toks, numTok{kind: tokAtom, digits: frac.String(), chinese: true, fraction: true})
			i = j
		case bigUnit[r] != 0:
			toks = append(toks, numTok{kind: tokBig, unit: bigUnit[r]})
			i++
		case r == '余' || r == '多':
			toks = append(toks, numTok{kind: tokOver})
			i++
		default:
			return nil, fmt.Errorf("unexpected %q: %w", r, errNotNumber)
		}
	}
	if len(toks) == 0 {
		return nil, errNotNumber
	}
	return toks, nil
}

// asciiDigit maps ASCII and full-width digits to 0-9, else -1.
func asciiDigit(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '０' && r <= '９':
		return int(r - '０')
	}
	return -1
}

func isChineseDigit(r rune) bool {
	_, ok := chineseDigit[r]
	return ok
}

// lexArabic reads digits, ASCII thousands separators (groups of exactly three
// digits) and one decimal point.
func lexArabic(runes []rune, i int) (int, numTok, error) {
	var b strings.Builder
	intDigits, groupDigits := 0, -1 // groupDigits >= 0 once a separator was seen
	seenPoint, fracDigits := false, 0
	j := i
	for ; j < len(runes); j++ {
		r := runes[j]
		if d := asciiDigit(r); d >= 0 {
			b.WriteByte(byte('0' + d))
			switch {
			case seenPoint:
				fracDigits++
			case groupDigits >= 0:
				groupDigits++
				if groupDigits > 3 {
					return 0, numTok{}, fmt.Errorf("bad digit grouping: %w", errNotNumber)
				}
			default:
				intDigits++
			}
			continue
		}
		if isGroupSpace(r) && !seenPoint && spaceGroup(runes, j) {
			if groupDigits >= 0 && groupDigits != 3 || groupDigits < 0 && intDigits > 3 {
				return 0, numTok{}, fmt.Errorf("bad digit grouping: %w", errNotNumber)
			}
			groupDigits = 0
			continue
		}
		if (r == ',' || r == '，' && isFullwidthDigit(runes[j-1]) && j+1 < len(runes) && isFullwidthDigit(runes[j+1])) && !seenPoint {
			if groupDigits >= 0 && groupDigits != 3 || groupDigits < 0 && intDigits > 3 {
				return 0, numTok{}, fmt.Errorf("bad digit grouping: %w", errNotNumber)
			}
			if j+1 >= len(runes) || asciiDigit(runes[j+1]) < 0 {
				return 0, numTok{}, fmt.Errorf("dangling separator: %w", errNotNumber)
			}
			groupDigits = 0
			continue
		}
		if (r == '.' || r == '．') && !seenPoint {
			if j+1 >= len(runes) || asciiDigit(runes[j+1]) < 0 {
				return 0, numTok{}, fmt.Errorf("dangling decimal point: %w", errNotNumber)
			}
			seenPoint = true
			b.WriteByte('.')
			continue
		}
		break
	}
	if groupDigits >= 0 && groupDigits != 3 {
		return 0, numTok{}, fmt.Errorf("bad digit grouping: %w", errNotNumber)
	}
	if fracDigits > 20 || b.Len() > 30 {
		return 0, numTok{}, fmt.Errorf("too many digits: %w", errNotNumber)
	}
	single := !seenPoint && b.Len() == 1
	return j, numTok{kind: tokAtom, digits: b.String(), single: single}, nil
}

// lexChinese reads a run of Chinese digits (read positionally: 二〇二二) with
// an optional 点 and fractional digits (一点六).
func lexChinese(runes []rune, i int) (int, numTok, error) {
	var b strings.Builder
	j := i
	n := 0
	for ; j < len(runes) && isChineseDigit(runes[j]); j++ {
		b.WriteByte(byte('0' + chineseDigit[runes[j]]))
		n++
	}
	if j < len(runes) && isDecimalPoint(runes[j]) && j+1 < len(runes) && isChineseDigit(runes[j+1]) {
		k := j + 1
		var frac strings.Builder
		for ; k < len(runes) && isChineseDigit(runes[k]); k++ {
			frac.WriteByte(byte('0' + chineseDigit[runes[k]]))
		}
		if frac.Len() == 0 {
			return 0, numTok{}, fmt.Errorf("dangling 点: %w", errNotNumber)
		}
		b.WriteByte('.')
		b.WriteString(frac.String())
		j = k
	}
	if b.Len() > 24 {
		return 0, numTok{}, fmt.Errorf("too many digits: %w", errNotNumber)
	}
	// A leading 零 is a placeholder ("一百零五"), not a positional zero.
	return j, numTok{kind: tokAtom, digits: b.String(), chinese: true, single: n == 1 && !strings.Contains(b.String(), ".")}, nil
}

// evalNumeral combines tokens: small units build a section below 万, 万 and
// 亿 scale everything before them within their level. It runs in the
// arithmetic T: fixed for speed, ratNum where fixed overflows.
func evalNumeral[T arith[T]](toks []numTok) (T, bool, error) {
	var zero T
	total := zero   // value scaled by the last 亿
	wan := zero     // the 万 group below 亿
	section := zero // value below 万
	var cur T
	hasCur := false
	over := false
	lastSmall := int64(0) // last small unit within section, for ordering
	lastUnit := int64(0)  // last unit of any size
	prev := -1            // previous token kind
	for i, t := range toks {
		switch t.kind {
		case tokAtom:
			if prev == tokAtom || prev == tokOver {
				// "1 000", "一 二" and "余5" are not numerals.
				return zero, false, fmt.Errorf("misplaced value: %w", errNotNumber)
			}
			cur, hasCur = zero.parse(t.digits), true
			// Colloquial "一万二" = 12000, "一百二" = 120: a lone final digit
			// right after a unit of 100 or more stands for the next lower unit.
			if i == len(toks)-1 && t.single && lastUnit >= 100 && (prev == tokSmall || prev == tokBig) {
				cur = cur.mulInt(lastUnit / 10)
			}
		case tokSmall:
			if prev == tokOver || lastSmall != 0 && t.unit >= lastSmall || i > 0 && toks[i-1].fraction {
				return zero, false, fmt.Errorf("units out of order: %w", errNotNumber)
			}
			m := zero.fromInt(1)
			if hasCur {
				m = cur
			}
			section = section.add(m.mulInt(t.unit))
			hasCur = false
			lastSmall, lastUnit = t.unit, t.unit
		case tokBig:
			s := section
			if hasCur {
				s = s.add(cur)
			}
			if t.unit == 10000 {
				if s.isZero() || !wan.isZero() {
					return zero, false, fmt.Errorf("nothing to scale by 万: %w", errNotNumber)
				}
				wan = s.mulInt(10000)
			} else {
				s = s.add(wan)
				if s.isZero() && total.isZero() {
					return zero, false, fmt.Errorf("nothing to scale by 亿: %w", errNotNumber)
				}
				total = total.add(s).mulInt(100000000)
				wan = zero
			}
			section = zero
			hasCur = false
			lastSmall, lastUnit = 0, t.unit
		case tokOver:
			if prev == -1 || over {
				return zero, false, fmt.Errorf("misplaced 余/多: %w", errNotNumber)
			}
			over = true
		}
		prev = t.kind
	}
	res := total.add(wan).add(section)
	if hasCur {
		res = res.add(cur)
	}
	return res, over, nil
}

// arith is the arithmetic evalNumeral needs; values are immutable and the
// zero value is 0.
type arith[T any] interface {
	parse(digits string) T // a plain decimal from the lexer
	fromInt(n int64) T
	add(b T) T
	mulInt(k int64) T
	isZero() bool
}

// fixed is m / 10^e in machine integers; bad marks a value that overflowed
// (or text it could not read), whose result must be computed again in
// ratNum.
type fixed struct {
	m   uint64
	e   int
	bad bool
}

// pow10u are the powers of ten a uint64 holds.
var pow10u = func() (p [20]uint64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

func (fixed) parse(digits string) fixed {
	var f fixed
	point := false
	for i := 0; i < len(digits); i++ {
		c := digits[i]
		if c == '.' && !point {
			point = true
			continue
		}
		if c < '0' || c > '9' {
			return fixed{bad: true}
		}
		hi, lo := bits.Mul64(f.m, 10)
		lo, carry := bits.Add64(lo, uint64(c-'0'), 0)
		if hi != 0 || carry != 0 {
			return fixed{bad: true}
		}
		f.m = lo
		if point {
			f.e++
		}
	}
	return f
}

func (fixed) fromInt(n int64) fixed { return fixed{m: uint64(n)} }

// scaled returns f with e fractional digits (e >= f.e).
func (f fixed) scaled(e int) fixed {
	if f.bad || e == f.e {
		return f
	}
	d := e - f.e
	if d >= len(pow10u) {
		return fixed{bad: true}
	}
	hi, lo := bits.Mul64(f.m, pow10u[d])
	if hi != 0 {
		return fixed{bad: true}
	}
	return fixed{m: lo, e: e}
}

func (f fixed) add(b fixed) fixed {
	e := max(f.e, b.e)
	x, y := f.scaled(e), b.scaled(e)
	if x.bad || y.bad {
		return fixed{bad: true}
	}
	sum, carry := bits.Add64(x.m, y.m, 0)
	if carry != 0 {
		return fixed{bad: true}
	}
	return fixed{m: sum, e: e}
}

func (f fixed) mulInt(k int64) fixed {
	if f.bad || k < 0 {
		return fixed{bad: true}
	}
	hi, lo := bits.Mul64(f.m, uint64(k))
	if hi != 0 {
		return fixed{bad: true}
	}
	return fixed{m: lo, e: f.e}
}

func (f fixed) isZero() bool { return f.m == 0 }

// number is newNumber for a fixed value: the same exact decimal text (no
// leading zeros, no trailing fractional zeros) and the value parsed from
// it. ok is false when f cannot say.
func (f fixed) number(over bool) (Number, bool) {
	if f.bad || f.e > 30 {
		return Number{}, false
	}
	var buf [48]byte
	ds := strconv.AppendUint(buf[:0], f.m, 10)
	text := string(ds)
	if f.e > 0 {
		// pad to at least one integer digit, then place the point and
		// drop the fraction's trailing zeros
		var b []byte
		if len(ds) <= f.e {
			b = make([]byte, 0, f.e+2)
			b = append(b, '0', '.')
			for range f.e - len(ds) {
				b = append(b, '0')
			}
			b = append(b, ds...)
		} else {
			b = make([]byte, 0, len(ds)+1)
			b = append(b, ds[:len(ds)-f.e]...)
			b = append(b, '.')
			b = append(b, ds[len(ds)-f.e:]...)
		}
		text = trimZeros(string(b))
	}
	v, err := strconv.ParseFloat(text, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return Number{}, false
	}
	return Number{Text: text, Value: v, Over: over}, true
}

// ratNum is exact rational arithmetic, for what fixed cannot hold; nil is 0.
// bad marks lexer text big.Rat could not read.
type ratNum struct {
	r   *big.Rat
	bad bool
}

func (q ratNum) rat() *big.Rat {
	if q.r == nil {
		return new(big.Rat)
	}
	return q.r
}

func (ratNum) parse(digits string) ratNum {
	r, ok := new(big.Rat).SetString(digits)
	if !ok {
		return ratNum{r: new(big.Rat), bad: true}
	}
	return ratNum{r: r}
}

func (ratNum) fromInt(n int64) ratNum { return ratNum{r: new(big.Rat).SetInt64(n)} }

func (q ratNum) add(b ratNum) ratNum {
	return ratNum{r: new(big.Rat).Add(q.rat(), b.rat()), bad: q.bad || b.bad}
}

func (q ratNum) mulInt(k int64) ratNum {
	return ratNum{r: new(big.Rat).Mul(q.rat(), new(big.Rat).SetInt64(k)), bad: q.bad}
}

func (q ratNum) isZero() bool { return q.r == nil || q.r.Sign() == 0 }

// spaceGroup reports whether the space at j separates digit groups: exactly
// three digits follow it, then no digit ("1 000", "12 500 000").
func spaceGroup(runes []rune, j int) bool {
	if j == 0 || asciiDigit(runes[j-1]) < 0 {
		return false
	}
	k := j + 1
	for k < len(runes) && k-j <= 4 && asciiDigit(runes[k]) >= 0 {
		k++
	}
	return k-j-1 == 3 && (k == len(runes) || asciiDigit(runes[k]) < 0)
}

// parsePlainDecimal is the fast path for the common numeral: ASCII digits,
// an optional ASCII point and an optional 万, 亿 or 万亿 ("12.5亿", "559"). It
// shifts the point in the string, so the result is as exact as the slow
// path's and needs no big.Rat; anything else returns false.
func parsePlainDecimal(s string) (Number, bool) {
	scale := 0
	switch {
	case strings.HasSuffix(s, "万亿"):
		scale, s = 12, s[:len(s)-len("万亿")]
	case strings.HasSuffix(s, "亿"):
		scale, s = 8, s[:len(s)-len("亿")]
	case strings.HasSuffix(s, "万"):
		scale, s = 4, s[:len(s)-len("万")]
	}
	// One 余 or 多 right after the digits marks a lower bound ("50余公里",
	// "300多亿元", "4000余万"): common enough in reports to keep off the
	// general parser.
	over := false
	for _, m := range []string{"余", "多"} {
		if strings.HasSuffix(s, m) {
			over, s = true, s[:len(s)-len(m)]
			break
		}
	}
	if len(s) == 0 || len(s) > 24 {
		return Number{}, false
	}
	point := -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
		case c == '.' && point < 0 && i > 0 && i < len(s)-1:
			point = i
		default:
			return Number{}, false
		}
	}
	intPart, frac := s, ""
	if point >= 0 {
		intPart, frac = s[:point], s[point+1:]
	}
	// Move the point right by scale digits in a buffer on the stack (s
	// holds at most 24 bytes, scale is at most 12).
	var buf [48]byte
	shift := min(scale, len(frac))
	b := append(buf[:0], intPart...)
	b = append(b, frac[:shift]...)
	for range scale - shift {
		b = append(b, '0')
	}
	lead := 0
	for lead < len(b)-1 && b[lead] == '0' {
		lead++ // no leading zeros, but one digit before the point
	}
	b = b[lead:]
	if frac = strings.TrimRight(frac[shift:], "0"); frac != "" {
		b = append(b, '.')
		b = append(b, frac...)
	}
	text := string(b)
	v, ok := shortDecimalValue(text)
	if !ok {
		var err error
		if v, err = strconv.ParseFloat(text, 64); err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
			return Number{}, false
		}
	}
	return Number{Text: text, Value: v, Over: over}, true
}

// shortDecimalValue is strconv.ParseFloat(text, 64) for a decimal of digits
// and at most one point with at most 15 digits in all (most figures): the
// digits make an integer a float64 holds exactly, and one division by an
// exact power of ten rounds as ParseFloat does (its own exact path).
// False for anything else.
func shortDecimalValue(text string) (float64, bool) {
	var m uint64
	digits, frac, point := 0, 0, false
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c >= '0' && c <= '9':
			m = m*10 + uint64(c-'0')
			digits++
			if point {
				frac++
			}
		case c == '.' && !point:
			point = true
		default:
			return 0, false
		}
	}
	if digits == 0 || digits > 15 {
		return 0, false
	}
	return float64(m) / exactPow10[frac], true
}

// exactPow10 holds the powers of ten a float64 holds exactly that
// shortDecimalValue divides by (at most 15 fraction digits).
var exactPow10 = [16]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

func isFullwidthDigit(r rune) bool { return r >= '０' && r <= '９' }
