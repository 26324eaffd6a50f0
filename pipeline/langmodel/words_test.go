package langmodel

import (
	"strings"
	"testing"
)

// TestWordsGain checks the word model on readings that share positions:
// the reading whose characters make common words gains more.
func TestWordsGain(t *testing.T) {
	w := DefaultWords()
	for _, tc := range []struct{ better, worse string }{
		{"基础设施", "基础设跪"},
		{"高速公路", "高速公跪"},
		{"审批时限", "审批时隙"},
		{"营商环境", "营商环壞"},
		{"申请材料", "申護材料"},
		{"進行了", "進衍了"},
		{"語言環境", "語言環妃"},
	} {
		if gb, gw := w.Gain(tc.better), w.Gain(tc.worse); gb <= gw {
			t.Errorf("Gain(%s) = %.1f, not above Gain(%s) = %.1f", tc.better, gb, tc.worse, gw)
		}
	}
	// No word of two or more characters: nothing to gain.
	for _, s := range []string{"", "的", "跪襄", "A"} {
		if g := w.Gain(s); g != 0 {
			t.Errorf("Gain(%q) = %.2f, want 0", s, g)
		}
	}
	// Long input must not overflow the fixed buffers.
	if g := w.Gain(strings.Repeat("基础设施", 20)); g <= 0 {
		t.Errorf("Gain of 80 characters of words = %.1f, want > 0", g)
	}
}

func TestParseWordsRejects(t *testing.T) {
	good := wordsData[:len("ZHWD1\n")+4]
	for name, data := range map[string][]byte{
		"empty":      nil,
		"bad magic":  []byte("ZHLM2\n\x00\x00\x00\x00"),
		"truncated":  wordsData[:len(wordsData)-1],
		"count only": good,
		"trailing":   append(append([]byte(nil), wordsData...), 0),
	} {
		if _, err := parseWords(data); err == nil {
			t.Errorf("%s: parseWords accepted it", name)
		}
	}
	if _, err := parseWords(wordsData); err != nil {
		t.Fatalf("embedded data: %v", err)
	}
}

func TestScriptOf(t *testing.T) {
	for _, tc := range []struct {
		r    rune
		want int
	}{
		{'儿', SimplifiedOnly}, {'们', SimplifiedOnly}, {'亿', SimplifiedOnly}, {'发', SimplifiedOnly},
		{'兒', TraditionalOnly}, {'們', TraditionalOnly}, {'億', TraditionalOnly}, {'萬', TraditionalOnly},
		// Both: 里 of 公里, 台 and 后 of Taiwan's texts, 公, 元.
		{'里', BothScripts}, {'台', BothScripts}, {'后', BothScripts}, {'公', BothScripts}, {'元', BothScripts}, {'A', BothScripts},
	} {
		if got := ScriptOf(tc.r); got != tc.want {
			t.Errorf("ScriptOf(%c) = %d, want %d", tc.r, got, tc.want)
		}
	}
	if _, err := parseScripts(scriptsData[:len(scriptsData)-1]); err == nil {
		t.Error("parseScripts accepted a truncated table")
	}
}
