package mojibake

import "strings"

// Punctuation context for inferred characters. The character model scores
// punctuation by class alone, so a lost 。 at a line end ties with 、 and
// a lost ” with “. Two facts of Chinese text tell them apart, and neither
// needs the neighbours' words: brackets and quotes come in pairs (a closer
// follows its opener on the line), and a line ends a sentence or a
// heading, never inside a list or before what an opener opens.

// pairOf maps each closing bracket or quote to its opener.
var pairOf = map[rune]rune{
	'”': '“', '’': '‘', '）': '（', '》': '《', '」': '「', '』': '『',
	'】': '【', '〕': '〔', '〉': '〈', '］': '［', '｝': '｛', '〗': '〖', '〙': '〘', '〛': '〚',
	')': '(',
}

// opens reports an opening bracket or quote.
func opens(r rune) bool {
	switch r {
	case '“', '‘', '（', '《', '「', '『', '【', '〔', '〈', '［', '｛', '〖', '〘', '〚':
		return true
	}
	return false
}

// Log odds, in nats, added to a candidate choice by punctuation context.
// Set by hand, like the model's class scores, then checked on the tuning
// half of the realistic benchmark: a closer with its opener open on the
// line gains closerOpen; a closer with none, an opener at a line end, or
// a mark that continues a sentence (、，；) at a line end pays
// punctMisplaced; a full stop, question or exclamation mark at a line end
// gains lineEnder.
const (
	closerOpen     = 3.0
	punctMisplaced = -8.0
	lineEnder      = 4.0
)

// punctContext returns the log odds punctuation context adds to candidate
// r, given the line before it (prefix, in order) and whether the line
// ends right after it.
func punctContext(r rune, prefix []rune, lineEnd bool) float64 {
	if op, ok := pairOf[r]; ok {
		depth := 0
		for _, c := range prefix {
			switch {
			case c == op:
				depth++
			case c == r && depth > 0:
				depth--
			}
		}
		if depth > 0 {
			return closerOpen
		}
		return punctMisplaced
	}
	if !lineEnd {
		return 0
	}
	if opens(r) {
		return punctMisplaced
	}
	switch r {
	case '。', '？', '！', '?', '!':
		return lineEnder
	case '　', '、', '，', '；', '〃', '〄', '々', '〆', '〒', '〓', '〜', '〝', '〠', '‘', '‚', '‛', '„', '‟', '＂', '＃', '＄', '％', '＆', '＇', '＊', '＋', '－', '／', '＜', '＝', '＞', '＠', '＼', '＾', '＿', '｀', '｜', '～':
		return punctMisplaced
	}
	return 0
}

// Numbers. The character model knows no digit, so after "9" or "364.5" it
// ranks a lost character by its frequency alone, and 公里 loses to 八里.
// What follows a number in Chinese text is a small closed set: units,
// measure words, date parts and 余/多; a candidate of the set gains
// afterNumber there.
const afterNumber = 3.0

// repeatedUnit is what a follower gains more when it followed a number
// earlier on the line: enough to settle 从7天减为5天 against 5多 or 5处,
// which are followers too.
const repeatedUnit = 6.0

// numberFollowers are the characters that follow a number (both scripts).
const numberFollowers = "年月日号時时分秒个個万萬亿億千百元角米公吨噸项項条條座家人次名位户戶辆輛件台臺批所处處倍度岁歲天周週期份种種类類篇章节節页頁段层層栋棟间間只隻张張本套架艘列班趟站里亩畝顷頃斤升余餘多至"

// numberContext returns the log odds that a number just before r adds,
// given the line before it (prefix): a follower gains afterNumber, and
// repeatedUnit more when it followed a number earlier on the line.
func numberContext(r, left rune, prefix []rune) float64 {
	if !digit(left) || !strings.ContainsRune(numberFollowers, r) {
		return 0
	}
	for i := 1; i < len(prefix); i++ {
		if prefix[i] == r && digit(prefix[i-1]) {
			return afterNumber + repeatedUnit
		}
	}
	return afterNumber
}

func digit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }
