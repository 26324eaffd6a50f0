package mojibake

import (
	"strings"
	"testing"
)

// A closer that lost a byte before ASCII, with its opener open on the
// line: the model scores ” and ‐ (or ） and ］) alike there, and the open
// quote or bracket decides. Lines in other words than the benchmark's,
// broken the way Python's GBK reader breaks UTF-8.
func TestCloserBeforeASCII(t *testing.T) {
	d := decoderNamed(t, "python gbk replace")
	r := New()
	for _, tc := range []struct{ want, part string }{
		{"各级党组织要敢于“挑大梁”,建强基层队伍", "“挑大梁”,"},
		{"他在会上表示“马上就办”,随后离开会场", "“马上就办”,"},
		{"全面推行“一网通办”,办事效率明显提高", "“一网通办”,"},
		{"本次会议讨论了“农村公路”and城市道路", "“农村公路”and"},
		{"市民普遍反映“出行更方便了”,满意度明显提高了", "“出行更方便了”,"},
	} {
		want := tc.want
		bad := d.decode([]byte(want))
		if !strings.Contains(bad, "\uFFFD") {
			t.Fatalf("%q lost no byte read as GBK: %q", want, bad)
		}
		// other characters of the line may stay lost; the closer may not
		if got, _ := r.Repair(bad); !strings.Contains(got, tc.part) {
			t.Errorf("%q: repaired %q, want %q in it", bad, got, tc.part)
		}
	}
}
