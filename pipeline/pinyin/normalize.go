package pinyin

import "unicode/utf8"

// Annotation contents and dictionary readings are both reduced to "units":
// lower-case toneless letters for pinyin (ü written v, ê written e, so that
// lü, lv and lu: compare equal; see canonical for u) or one byte per zhuyin
// symbol, plus
// two kinds of boundary units: unitSep for spaces and apostrophes, and the
// digits '0'..'5' for a tone (a tone number, or a zhuyin tone mark). Tone
// marks on letters only set hasTone: annotations often carry sandhi or neutral
// tones that a dictionary does not list, so tones never decide a match; the
// syllables must.

const unitSep = ' '

type script uint8

const (
	scriptNone script = iota
	scriptPinyin
	scriptZhuyin
)

// letterKind classifies one rune of annotation content.
type letterKind uint8

const (
	kindOther  letterKind = iota
	kindLetter            // a pinyin letter (unit set)
	kindMark              // a combining mark modifying the previous letter
	kindSep               // separator between syllables
	kindTone              // a tone number or zhuyin tone mark (unit set)
	kindZhuyin            // a zhuyin symbol (unit set)
	kindColon             // ':' as in lu: for lü
)

// foldRune returns the kind of r and, for letters, its folded unit: 'v' for
// ü and 'E' for ê (dictionary readings need them for zhuyin; matchUnit folds
// them further). upper and tone report an upper-case letter and a tone mark.
func foldRune(r rune) (kind letterKind, unit byte, upper, tone bool) {
	switch {
	case r >= 'a' && r <= 'z':
		return kindLetter, byte(r), false, false
	case r >= 'A' && r <= 'Z':
		return kindLetter, byte(r - 'A' + 'a'), true, false
	case r >= '0' && r <= '5':
		return kindTone, byte(r), false, false
	case r == ' ' || r == '\t' || r == '\'' || r == '-' || r == 0xA0 || r == 0x3000 ||
		r == 0x2018 || r == 0x2019 || r == 0x2010:
		return kindSep, unitSep, false, false
	case r == ':':
		return kindColon, 0, false, false
	case r >= 0xFF41 && r <= 0xFF5A: // full-width a-z
		return kindLetter, byte(r - 0xFF41 + 'a'), false, false
	case r >= 0xFF21 && r <= 0xFF3A: // full-width A-Z
		return kindLetter, byte(r - 0xFF21 + 'a'), true, false
	case r >= 0x0300 && r <= 0x030C: // combining tone marks, circumflex, diaeresis
		return kindMark, byte(r - 0x0300), false, false
	case r >= 0x3105 && r <= 0x312F:
		return kindZhuyin, byte(0x80 + r - 0x3100), false, false
	case r >= 0x31A0 && r <= 0x31BF:
		return kindZhuyin, byte(0xC0 + r - 0x31A0), false, false
	}
	switch r {
	case 0x02C9: // ˉ first tone
		return kindTone, '1', false, false
	case 0x02CA: // ˊ
		return kindTone, '2', false, false
	case 0x02C7: // ˇ
		return kindTone, '3', false, false
	case 0x02CB: // ˋ
		return kindTone, '4', false, false
	case 0x02D9: // ˙ neutral
		return kindTone, '5', false, false
	case 'ü':
		return kindLetter, 'v', false, false
	case 'Ü':
		return kindLetter, 'v', true, false
	case 'ê':
		return kindLetter, 'E', false, false
	case 'Ê':
		return kindLetter, 'E', true, false
	case 0x0251: // ɑ, the single-storey a of pinyin fonts
		return kindLetter, 'a', false, false
	case 0x0261: // ɡ
		return kindLetter, 'g', false, false
	}
	if u, up, ok := toneLetter(r); ok {
		return kindLetter, u, up, true
	}
	return kindOther, 0, false, false
}

// toneLetter folds the precomposed tone-marked letters of pinyin.
func toneLetter(r rune) (unit byte, upper, ok bool) {
	switch r {
	case 'ā', 'á', 'ǎ', 'à':
		return 'a', false, true
	case 'Ā', 'Á', 'Ǎ', 'À':
		return 'a', true, true
	case 'ē', 'é', 'ě', 'è':
		return 'e', false, true
	case 'Ē', 'É', 'Ě', 'È':
		return 'e', true, true
	case 'ī', 'í', 'ǐ', 'ì':
		return 'i', false, true
	case 'Ī', 'Í', 'Ǐ', 'Ì':
		return 'i', true, true
	case 'ō', 'ó', 'ǒ', 'ò':
		return 'o', false, true
	case 'Ō', 'Ó', 'Ǒ', 'Ò':
		return 'o', true, true
	case 'ū', 'ú', 'ǔ', 'ù':
		return 'u', false, true
	case 'Ū', 'Ú', 'Ǔ', 'Ù':
		return 'u', true, true
	case 'ǖ', 'ǘ', 'ǚ', 'ǜ':
		return 'v', false, true
	case 'Ǖ', 'Ǘ', 'Ǚ', 'Ǜ':
		return 'v', true, true
	case 'ế', 'ề':
		return 'E', false, true
	case 'Ế', 'Ề':
		return 'E', true, true
	case 'ń', 'ň', 'ǹ':
		return 'n', false, true
	case 'Ń', 'Ň', 'Ǹ':
		return 'n', true, true
	case 'ḿ':
		return 'm', false, true
	case 'Ḿ':
		return 'm', true, true
	}
	return 0, false, false
}

// asciiContent marks the ASCII bytes isContentRune accepts.
var asciiContent = func() (a [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		a[c] = isContentRune(rune(c))
	}
	return a
}()

// isContentRune reports whether r can appear inside an annotation.
func isContentRune(r rune) bool {
	k, _, _, _ := foldRune(r)
	return k != kindOther
}

// matchUnit folds ê to e: no annotation needs the difference.
func matchUnit(u byte) byte {
	if u == 'E' {
		return 'e'
	}
	return u
}

// canonical spells a toneless syllable with v for every ü, including the ü
// that pinyin writes as u after j, q, x and y (ju, yuan), and e for ê.
// Annotations then match it with either letter: u matches a reading's u or
// v, but v only a v, so lv and lu both spell 绿 while fv spells nothing.
func canonical(syl string) string {
	b := []byte(syl)
	for i, c := range b {
		b[i] = matchUnit(c)
	}
	if len(b) > 1 && b[1] == 'u' && (b[0] == 'j' || b[0] == 'q' || b[0] == 'x' || b[0] == 'y') {
		b[1] = 'v'
	}
	return string(b)
}

// unitsEqual reports whether annotation units spell reading, where an
// annotation's u may stand for the reading's ü (v).
func unitsEqual(units []byte, reading string) bool {
	if len(units) != len(reading) {
		return false
	}
	for i := range len(units) {
		if c := units[i]; c != reading[i] && (c != 'u' || reading[i] != 'v') {
			return false
		}
	}
	return true
}

// toneless turns one dictionary reading (tone marks, as go-pinyin's Tone
// style gives it) into a toneless syllable with 'v' for ü and 'E' for ê.
func toneless(reading string) (string, bool) {
	out := make([]byte, 0, len(reading))
	for _, r := range reading {
		kind, u, _, _ := foldRune(r)
		switch kind {
		case kindLetter:
			out = append(out, u)
		case kindMark:
			switch u {
			case 0x08: // diaeresis: u + ̈ is ü
				if n := len(out); n > 0 && out[n-1] == 'u' {
					out[n-1] = 'v'
				}
			case 0x02: // circumflex: e + ̂ is ê
				if n := len(out); n > 0 && out[n-1] == 'e' {
					out[n-1] = 'E'
				}
			}
		default:
			return "", false
		}
	}
	return string(out), len(out) > 0
}

// content is a normalized annotation.
type content struct {
	units    []byte
	script   script
	hasTone  bool // a tone mark, tone number or zhuyin tone mark
	syllable bool // at least one letter or zhuyin symbol
	acronym  bool // only upper-case letters, at least two, no tones: GDP, APP
}

// normalize reduces annotation text s to units in buf. ok is false when s
// mixes scripts, holds a rune no annotation has, or is too long.
func normalize(s string, buf []byte) (c content, ok bool) {
	units := buf[:0]
	upper, lower := 0, 0
	for _, r := range s {
		kind, u, up, tone := foldRune(r)
		switch kind {
		case kindOther:
			return c, false
		case kindLetter:
			if c.script == scriptZhuyin {
				return c, false
			}
			c.script = scriptPinyin
			units = append(units, matchUnit(u))
			c.syllable = true
			if up {
				upper++
			} else {
				lower++
			}
			if tone {
				c.hasTone = true
			}
		case kindZhuyin:
			if c.script == scriptPinyin {
				return c, false
			}
			c.script = scriptZhuyin
			units = append(units, u)
			c.syllable = true
		case kindMark:
			// A combining mark must follow a letter; the diaeresis of u+̈
			// and the circumflex of e+̂ fold away like their precomposed forms.
			n := len(units)
			if n == 0 || units[n-1] >= 0x80 || units[n-1] < 'a' || units[n-1] > 'z' {
				return c, false
			}
			if u != 0x08 && u != 0x02 {
				c.hasTone = true
			}
		case kindColon:
			// Only as the ASCII spelling u: of ü.
			n := len(units)
			if n == 0 || units[n-1] != 'u' {
				return c, false
			}
		case kindSep:
			if n := len(units); n > 0 && units[n-1] == unitSep {
				continue
			}
			units = append(units, unitSep)
		case kindTone:
			c.hasTone = true
			units = append(units, u)
		}
		if len(units) > maxUnits {
			return c, false
		}
	}
	c.units = units
	c.acronym = upper >= 2 && lower == 0 && !c.hasTone
	return c, c.syllable
}

// maxUnits bounds an annotation: the longest real ones cover a few words.
const maxUnits = 120
