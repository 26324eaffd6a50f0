package mojibake

import (
	"unicode"
	"unicode/utf8"

	"github.com/zhextract/zhextract/pipeline/langmodel"
)

// rareHan is the unigram log probability below which a Han character is
// rare enough to look at its neighbourhood.
const rareHan = -12.5

// flagTable marks the BMP characters that are improbable in Chinese prose,
// so the clean-text path is one table lookup per character.
func flagTable(lm *langmodel.Model) *[0x10000]uint8 {
	var t [0x10000]uint8
	for r := rune(0x80); r < 0x10000; r++ {
		if suspect(lm, r) {
			t[r] = 1
		}
	}
	return &t
}

func suspect(lm *langmodel.Model, r rune) bool {
	switch {
	case r < 0x80:
		return false
	case r >= 0x80 && r < 0xa0: // C1 controls
		return true
	case r >= 0xa0 && r <= 0x24f: // Latin-1 and Latin Extended letters
		return r != 0xb7 && r != 0xb0 && r != 0xd7 && !pinyinVowel(r)
	case r >= 0x370 && r <= 0x52f: // Greek, Cyrillic
		return true
	case r >= 0x2500 && r <= 0x259f: // box drawing, blocks
		return true
	case r >= 0x2e80 && r <= 0x2fff: // radicals, ideographic description
		return true
	case r >= 0x3100 && r <= 0x312f || r >= 0x31a0 && r <= 0x31bf: // bopomofo
		return true
	case r >= 0xe000 && r <= 0xf8ff: // private use
		return true
	case r >= 0xfe30 && r <= 0xfe4f: // CJK compatibility forms
		return true
	case r >= 0xff61 && r <= 0xffef: // halfwidth forms
		return true
	case r == utf8.RuneError:
		return true
	case r == 0x20ac || r == 0x2122 || r == 0x2030 || r == 0x2039 || r == 0x203a || r == 0x2020 || r == 0x2021 || r == 0x201a || r == 0x201e || r == 0x02c6 || r == 0x02dc:
		return true // windows-1252 symbols
	case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
		return true
	case unicode.Is(unicode.Han, r):
		return lm.UnigramLogProb(r) < rareHan
	}
	return false
}

// pinyinVowel reports the toned vowels of inline pinyin annotations, which
// are normal in these documents.
func pinyinVowel(r rune) bool {
	switch r {
	case 'ā', 'á', 'ǎ', 'à', 'ē', 'é', 'ě', 'è', 'ī', 'í', 'ǐ', 'ì', 'ō', 'ó', 'ǒ', 'ò', 'ū', 'ú', 'ǔ', 'ù', 'ǖ', 'ǘ', 'ǚ', 'ǜ', 'ü':
		return true
	}
	return false
}

// suspicious returns the byte offsets of characters that need a look.
func (r *Repairer) suspicious(text string) []int {
	var spots []int
	for i := 0; i < len(text); {
		c := text[i]
		if c < 0x80 {
			i++
			continue
		}
		ru, n := utf8.DecodeRuneInString(text[i:])
		if ru < 0x10000 {
			if r.flags[ru] != 0 {
				spots = append(spots, i)
			}
		} else if r.lm.UnigramLogProb(ru) < rareHan {
			spots = append(spots, i)
		}
		i += n
	}
	return spots
}
