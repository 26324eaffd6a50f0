package extractors

import (
	"strings"
	"testing"
)

// A cut told as a before and an after, in two clauses or two sentences;
// written in other words than the probe sets' items.
func TestBeforeAfterCut(t *testing.T) {
	checkValues(t, []valueCase{
		// before first, in one sentence
		{"改革前，办理施工许可需要40个工作日；改革后，8个工作日即可办结。", []float64{80}},
		{"以往申请人需提交10份材料，现在只需4份。", []float64{60}},
		{"原来办理营运证要跑4次，如今跑1次就能办好。", []float64{75}},
		{"过去，不动产登记平均需要15天；现在，平均5天就能拿到证书。", []float64{66.6667}},
		{"该业务原有审批环节6个，整合后保留2个。", []float64{66.6667}},
		// after first
		{"目前企业开办只需提交2份材料，而以前需要提交8份。", []float64{75}},
		// across two sentences that tell one story
		{"此前，企业办理用水报装平均需要12个工作日。如今，通过一网通办，3个工作日即可通水。", []float64{75}},
		{"过去办理建筑许可需要提交材料20份。今年以来，材料压减到8份。", []float64{60}},
		{"法定办理时限为20个工作日。目前，我市已将该时限压缩至4个工作日。", []float64{80}},
		// not cuts: counts of staff, windows, items, fees; increases; two befores;
		// another subject; a negated after; different units
		{"改革前，大厅有工作人员30人；改革后，精简为12人。", nil},
		{"以前全区只有3个办事网点，现在增加到12个。", nil},
		{"政务大厅原有窗口40个，现在整合为16个。", nil},
		{"原来审批事项有120项，现在精简为60项。", nil},
		{"过去办证收费200元，现在只需50元。", nil},
		{"过去办理需要5天，另一项业务原需8天，现在都只需2天。", nil},
		{"过去，外地办理同类业务需要10个工作日。在本区，企业目前只需1个工作日。", nil},
		{"过去要跑3趟，现在1趟都不用跑。", nil},
		{"以前办理要2天，现在只要3小时。", nil},
		{"过去一年全区新增市场主体1200户，现在总数达到8000户。", nil},
	})
}

// mayTellBeforeAfter looks for the words only where the table found one of
// their characters: every before word must hold one.
func TestBeforeWordsFlagged(t *testing.T) {
	flags := runeFlags()
	for _, w := range beforeWords {
		ok := false
		for _, r := range w {
			ok = ok || r < 0x10000 && flags[r]&flagBefore != 0
		}
		if !ok {
			t.Errorf("before word %q holds no character flagged flagBefore", w)
		}
	}
}

// scanSentences looks for the before words in a whole paragraph and
// credits each to one sentence, and extractSentences asks of a sentence and
// the one before it whether either holds one: no word may hold what ends a
// sentence (a stop or a closing quote), or one could stand across the two.
func TestBeforeWordsInsideSentence(t *testing.T) {
	for _, w := range beforeWords {
		for _, r := range w {
			if strings.ContainsRune("。！？!?", r) || isClosingQuote(r) {
				t.Errorf("before word %q holds %q, which may end a sentence", w, r)
			}
		}
		if got := splitSentences(w, span{0, len(w)}); len(got) != 1 || got[0] != (span{0, len(w)}) {
			t.Errorf("before word %q is split into sentences %v", w, got)
		}
	}
}

// mayTellBeforeAfter finds a before word wherever strings.Contains does.
func TestMayTellBeforeAfter(t *testing.T) {
	for _, s := range []string{"", "改革前需要", "改革之前", "去年", "过去", "原来为", "法定时限", "前面", "原因", "此外", "以往", "定期",
		"\xe5\x89\x8d", "前", "年内办结", "之前的20天"} {
		if got, want := mayTellBeforeAfter(s), containsAny(s, beforeWords); got != want {
			t.Errorf("mayTellBeforeAfter(%q) = %v, want %v", s, got, want)
		}
	}
}
