package pinyin

// EndsWithReading reports whether the pinyin annotation text s (without its
// parentheses; tones, tone numbers and separators ignored) ends with a
// reading of r: "wàn" ends with one of 萬's, "shēnrù" with one of 入's.
// The mojibake stage asks it of the characters a lost one may have been,
// when an annotation follows the loss.
func EndsWithReading(r rune, s string) bool {
	var buf [maxUnits + 8]byte
	c, ok := normalize(s, buf[:0])
	if !ok || c.script != scriptPinyin || c.acronym {
		return false
	}
	// Letters only: the reading tables hold toneless syllables.
	units := c.units[:0:0]
	for _, u := range c.units {
		if u >= 'a' && u <= 'z' || u == 'v' || u == 'E' {
			units = append(units, u)
		}
	}
	set := loadTables().lookup(r)
	if set == nil {
		return false
	}
	for _, rd := range set.py {
		if n := len(rd); n <= len(units) && unitsEqual(units[len(units)-n:], rd) {
			return true
		}
	}
	return false
}
