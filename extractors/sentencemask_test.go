package extractors

import (
	"reflect"
	"testing"
)

// fullMaskScanSentences is scanSentences stopping at every flag of
// scanFlags to a sentence's end, as it did before sentenceMask.
func fullMaskScanSentences(out []scanned, text string, p span) []scanned {
	flags := runeFlags()
	var at map[rune][]wordAt
	s := text[p.start:p.end]
	start := 0
	var got uint8
	for i := 0; i < len(s); {
		if i = skipPlain(s, i, flags, scanFlags); i == len(s) {
			break
		}
		f, r, n := markAt(s, i, flags)
		if f&flagBefore != 0 && got&flagTell == 0 {
			if at == nil {
				at = beforeWordsAt()
			}
			if beforeWordAt(s, i, at[r]) {
				got |= flagTell
			}
		}
		got |= f & (flagMark | flagNumeral)
		i += n
		if f&flagStop == 0 {
			continue
		}
		for i < len(s) {
			r2, n2 := decodeAt(s, i)
			if !isClosingQuote(r2) {
				break
			}
			i += n2
		}
		out = append(out, scanned{span{p.start + start, p.start + i}, got})
		start, got = i, 0
	}
	if !isBlank(s[start:]) {
		out = append(out, scanned{span{p.start + start, p.end}, got})
	}
	return out
}

func checkSentenceMask(t *testing.T, s string) {
	for _, p := range splitParagraphs(s) {
		if got, want := scanSentences(nil, s, p), fullMaskScanSentences(nil, s, p); !reflect.DeepEqual(got, want) {
			t.Fatalf("scanSentences(%q) = %v, want %v", s[p.start:p.end], got, want)
		}
	}
}

func TestSentenceMask(t *testing.T) {
	for _, s := range corpusTexts(t) {
		checkSentenceMask(t, s)
	}
}

func FuzzSentenceMask(f *testing.F) {
	for _, s := range scanCases {
		f.Add(s)
	}
	f.Add("全长120公里，投资3亿元，较原来缩短了一半！“完成了。”之前由5天压缩至2天？")
	f.Fuzz(checkSentenceMask)
}
