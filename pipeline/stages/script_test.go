package stages

import (
	"strings"
	"testing"
	"unicode"
)

func TestScriptClassify(t *testing.T) {
	table, err := newScriptTable()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"Road 123 km, 45%", ""},
		{"全省农村公路发展与运输", "simplified"},
		{"全省農村公路發展與運輸", "traditional"},
		{"农村公路发展。農村公路發展", "mixed"},
		// Characters common to both scripts only.
		{"大山中", "simplified"},
		// A supplementary-plane ideograph counts as Han.
		{"𠀀", "simplified"},
		// One traditional name in a long simplified text stays simplified.
		{"交通运输部发布通知，要求各地加快推进农村公路建设，提升养护管理与运输服务水平，实现县乡村道路网络联通，國", "simplified"},
	} {
		if got := table.classify(tc.in); got != tc.want {
			t.Errorf("classify(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzScriptClassify compares classify with counting over a range loop.
func FuzzScriptClassify(f *testing.F) {
	for _, s := range []string{"", "农村公路發展", "\xe4\xb8國", "𠀀𠀁", "a\xed\xa0\x80b", "龜龟亀"} {
		f.Add(s)
	}
	table, err := newScriptTable()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		han, trad, simp := 0, 0, 0
		for _, r := range s {
			// Han below the CJK blocks (〇, 々, Hangzhou numerals) is not
			// counted: alone it says nothing of the script.
			if r >= scriptLo && unicode.Is(unicode.Han, r) {
				han++
			}
			if r >= scriptLo && r <= scriptHi {
				switch table.class[r-scriptLo] &^ hanBit {
				case 1:
					trad++
				case 2:
					simp++
				}
			}
		}
		got := table.classify(s)
		want := "mixed"
		switch {
		case han == 0:
			want = ""
		case trad+simp == 0 || trad*10 <= trad+simp:
			want = "simplified"
		case simp*10 <= trad+simp:
			want = "traditional"
		}
		if got != want {
			t.Fatalf("classify(%q) = %q, want %q (han %d, trad %d, simp %d)", s, got, want, han, trad, simp)
		}
	})
}

// FuzzScriptCount holds count's sums to a range loop's.
func FuzzScriptCount(f *testing.F) {
	for _, s := range []string{"", "农村公路發展", "\xe4\xb8國", "𠀀𠀁", "a\xed\xa0\x80b", "龜龟亀", "發展發展發展發展ab發展\xe0\xa0\x80發"} {
		f.Add(s)
	}
	table, err := newScriptTable()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want scriptCount
		for _, r := range s {
			if r >= scriptLo && unicode.Is(unicode.Han, r) {
				want.han++
			}
			if r >= scriptLo && r <= scriptHi {
				switch table.class[r-scriptLo] &^ hanBit {
				case 1:
					want.trad++
				case 2:
					want.simp++
				}
			}
		}
		// hanAbove's path too, which no Unicode version takes so far
		slow := *table
		slow.hanAbove = true
		for _, tb := range []*scriptTable{table, &slow} {
			var got scriptCount
			tb.count(&got, s)
			if got != want {
				t.Fatalf("count(%q) (hanAbove %v) = %+v, want %+v", s, tb.hanAbove, got, want)
			}
		}
	})
}

// TestScriptCountLong holds count to a range loop's sums on a text long
// enough that count empties its packed counters on the way (2^19 steps
// of two characters).
func TestScriptCountLong(t *testing.T) {
	table, err := newScriptTable()
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Repeat("發展农村公路，国", 1<<17) // 3.5 MB, 1.2M characters
	var want scriptCount
	for _, r := range s {
		if r >= scriptLo && unicode.Is(unicode.Han, r) {
			want.han++
		}
		if r >= scriptLo && r <= scriptHi {
			switch table.class[r-scriptLo] &^ hanBit {
			case 1:
				want.trad++
			case 2:
				want.simp++
			}
		}
	}
	var got scriptCount
	table.count(&got, s)
	if got != want {
		t.Fatalf("count = %+v, want %+v", got, want)
	}
}
