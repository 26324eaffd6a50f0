package pinyin

import "strings"

// Zhuyin (bopomofo) readings are derived from the pinyin readings by the
// spelling rules of Hanyu Pinyin: split the syllable into initial and final,
// undo the y/w spellings and the iu/ui/un abbreviations, then spell each part
// with its zhuyin symbols.

var zhuyinInitials = []struct{ py, zy string }{
	// two-letter initials first so zh is not read as z
	{"zh", "ㄓ"}, {"ch", "ㄔ"}, {"sh", "ㄕ"},
	{"b", "ㄅ"}, {"p", "ㄆ"}, {"m", "ㄇ"}, {"f", "ㄈ"},
	{"d", "ㄉ"}, {"t", "ㄊ"}, {"n", "ㄋ"}, {"l", "ㄌ"},
	{"g", "ㄍ"}, {"k", "ㄎ"}, {"h", "ㄏ"},
	{"j", "ㄐ"}, {"q", "ㄑ"}, {"x", "ㄒ"},
	{"r", "ㄖ"}, {"z", "ㄗ"}, {"c", "ㄘ"}, {"s", "ㄙ"},
}

// Finals in their full form (iou, uei, uen), v for ü, E for ê.
var zhuyinFinals = map[string]string{
	"a": "ㄚ", "o": "ㄛ", "e": "ㄜ", "E": "ㄝ",
	"ai": "ㄞ", "ei": "ㄟ", "ao": "ㄠ", "ou": "ㄡ",
	"an": "ㄢ", "en": "ㄣ", "ang": "ㄤ", "eng": "ㄥ", "ong": "ㄨㄥ", "er": "ㄦ",
	"i": "ㄧ", "ia": "ㄧㄚ", "io": "ㄧㄛ", "ie": "ㄧㄝ", "iai": "ㄧㄞ", "iao": "ㄧㄠ", "iou": "ㄧㄡ",
	"ian": "ㄧㄢ", "in": "ㄧㄣ", "iang": "ㄧㄤ", "ing": "ㄧㄥ", "iong": "ㄩㄥ",
	"u": "ㄨ", "ua": "ㄨㄚ", "uo": "ㄨㄛ", "uai": "ㄨㄞ", "uei": "ㄨㄟ",
	"uan": "ㄨㄢ", "uen": "ㄨㄣ", "uang": "ㄨㄤ", "ueng": "ㄨㄥ",
	"v": "ㄩ", "ve": "ㄩㄝ", "vE": "ㄩㄝ", "van": "ㄩㄢ", "vn": "ㄩㄣ",
}

// Syllables without a regular initial+final shape: syllabic nasals and
// interjections.
var zhuyinWhole = map[string]string{
	"m": "ㄇ", "n": "ㄋ", "ng": "ㄫ", "hm": "ㄏㄇ", "hng": "ㄏㄫ", "E": "ㄝ",
}

// zhuyinOf spells toneless syllable syl (v for ü, E for ê) in zhuyin, encoded
// as units (see normalize.go). ok is false for spellings it does not know.
func zhuyinOf(syl string) (string, bool) {
	if z, ok := zhuyinWhole[syl]; ok {
		return zhuyinUnits(z), true
	}
	initial, final := "", syl
	switch {
	case strings.HasPrefix(syl, "yu"):
		final = "v" + syl[2:]
	case strings.HasPrefix(syl, "yi"):
		final = syl[1:]
	case strings.HasPrefix(syl, "y"):
		final = "i" + syl[1:]
	case strings.HasPrefix(syl, "wu"):
		final = syl[1:]
	case strings.HasPrefix(syl, "w"):
		final = "u" + syl[1:]
	default:
		for _, in := range zhuyinInitials {
			if strings.HasPrefix(syl, in.py) {
				initial, final = in.zy, syl[len(in.py):]
				break
			}
		}
	}
	switch initial {
	case "ㄐ", "ㄑ", "ㄒ":
		// ju, qu, xu are written without the diaeresis of their ü.
		if strings.HasPrefix(final, "u") {
			final = "v" + final[1:]
		}
	case "ㄓ", "ㄔ", "ㄕ", "ㄖ", "ㄗ", "ㄘ", "ㄙ":
		// zhi, chi, shi, ri, zi, ci, si have no written final in zhuyin.
		if final == "i" {
			return zhuyinUnits(initial), true
		}
	}
	if initial != "" {
		switch final {
		case "iu":
			final = "iou"
		case "ui":
			final = "uei"
		case "un":
			final = "uen"
		}
	}
	z, ok := zhuyinFinals[final]
	if !ok || (initial == "" && final == "") {
		return "", false
	}
	return zhuyinUnits(initial + z), true
}

// zhuyinUnits encodes zhuyin text as units, one byte per symbol.
func zhuyinUnits(z string) string {
	b := make([]byte, 0, len(z)/3)
	for _, r := range z {
		_, u, _, _ := foldRune(r)
		b = append(b, u)
	}
	return string(b)
}
