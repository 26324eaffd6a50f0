package pinyin

import (
	"testing"

	gopinyin "github.com/mozillazg/go-pinyin"
)

func TestZhuyinOf(t *testing.T) {
	tests := []struct{ py, zy string }{
		{"zhong", "ㄓㄨㄥ"}, {"guo", "ㄍㄨㄛ"}, {"lv", "ㄌㄩ"}, {"nve", "ㄋㄩㄝ"},
		{"ju", "ㄐㄩ"}, {"jue", "ㄐㄩㄝ"}, {"quan", "ㄑㄩㄢ"}, {"xun", "ㄒㄩㄣ"},
		{"xiong", "ㄒㄩㄥ"}, {"yong", "ㄩㄥ"}, {"yu", "ㄩ"}, {"yuan", "ㄩㄢ"}, {"yun", "ㄩㄣ"},
		{"yi", "ㄧ"}, {"ying", "ㄧㄥ"}, {"you", "ㄧㄡ"}, {"ye", "ㄧㄝ"}, {"yan", "ㄧㄢ"},
		{"wu", "ㄨ"}, {"wei", "ㄨㄟ"}, {"wen", "ㄨㄣ"}, {"weng", "ㄨㄥ"}, {"wo", "ㄨㄛ"},
		{"gui", "ㄍㄨㄟ"}, {"liu", "ㄌㄧㄡ"}, {"dun", "ㄉㄨㄣ"}, {"ling", "ㄌㄧㄥ"},
		{"zhi", "ㄓ"}, {"chi", "ㄔ"}, {"shi", "ㄕ"}, {"ri", "ㄖ"}, {"zi", "ㄗ"}, {"ci", "ㄘ"}, {"si", "ㄙ"},
		{"er", "ㄦ"}, {"bo", "ㄅㄛ"}, {"de", "ㄉㄜ"}, {"E", "ㄝ"}, {"n", "ㄋ"}, {"ng", "ㄫ"},
	}
	for _, tc := range tests {
		got, ok := zhuyinOf(tc.py)
		if want := zhuyinUnits(tc.zy); !ok || got != want {
			t.Errorf("zhuyinOf(%q) = %q, %v; want %q", tc.py, got, ok, want)
		}
	}
	if _, ok := zhuyinOf("xyz"); ok {
		t.Errorf("zhuyinOf(xyz) succeeded")
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct {
		in      string
		units   string
		tone    bool
		acronym bool
		ok      bool
	}{
		{"lǐng", "ling", true, false, true},
		{"ling3", "ling3", true, false, true},
		{"Lǚ Yóu", "lv you", true, false, true},
		{"lu:", "lu", false, false, true},
		{"lü", "lv", false, false, true},
		{"Xī'ān", "xi an", true, false, true},
		{"ｊｉａｏ", "jiao", false, false, true},
		{"li\u030cng", "ling", true, false, true},
		{"GDP", "gdp", false, true, true},
		{"ㄌㄧㄥˇ", zhuyinUnits("ㄌㄧㄥ") + "3", true, false, true},
		{"lingㄌ", "", false, false, false},
		{"銷號", "", false, false, false},
		{"a@b", "", false, false, false},
		{"2023", "", true, false, false}, // no syllable
		{"\u030cling", "", false, false, false},
	}
	for _, tc := range tests {
		var buf [maxUnits + 8]byte
		c, ok := normalize(tc.in, buf[:])
		if ok != tc.ok {
			t.Errorf("normalize(%q) ok = %v, want %v", tc.in, ok, tc.ok)
			continue
		}
		if !ok {
			continue
		}
		if string(c.units) != tc.units || c.hasTone != tc.tone || c.acronym != tc.acronym {
			t.Errorf("normalize(%q) = %q tone=%v acronym=%v; want %q %v %v", tc.in, c.units, c.hasTone, c.acronym, tc.units, tc.tone, tc.acronym)
		}
	}
}

// TestTablesCoverDictionary checks that every character go-pinyin knows has
// its heteronyms in the tables, including traditional characters, and that
// the zhuyin derivation handles every syllable the dictionary uses.
func TestTablesCoverDictionary(t *testing.T) {
	tab := loadTables()
	args := gopinyin.NewArgs()
	args.Style = gopinyin.Normal
	args.Heteronym = true
	missing := 0
	var noZhuyin []string
	for k := range gopinyin.PinyinDict {
		r := rune(k)
		rs := tab.lookup(r)
		if rs == nil {
			t.Errorf("%c (%U) has no readings", r, r)
			missing++
			if missing > 10 {
				t.FailNow()
			}
			continue
		}
		if len(rs.zy) == 0 {
			noZhuyin = append(noZhuyin, string(r)+" "+rs.py[0])
		}
	}
	// A few dictionary syllables (wong) have no standard zhuyin spelling.
	t.Logf("characters without a zhuyin reading: %v", noZhuyin)
	if len(noZhuyin) > 3 {
		t.Errorf("%d characters without zhuyin: %v", len(noZhuyin), noZhuyin)
	}
	for _, tc := range []struct {
		r    rune
		want []string
	}{
		{'領', []string{"ling"}}, {'區', []string{"qv", "ou"}}, {'發', []string{"fa"}},
		{'行', []string{"xing", "hang"}}, {'绿', []string{"lv"}}, {'局', []string{"jv"}},
	} {
		rs := tab.lookup(tc.r)
		for _, w := range tc.want {
			found := false
			for _, p := range rs.py {
				found = found || p == w
			}
			if !found {
				t.Errorf("%c: readings %v lack %q", tc.r, rs.py, w)
			}
		}
	}
	for _, r := range "(（)）?a1 \n，。" {
		if tab.lookup(r) != nil {
			t.Errorf("%q has readings", r)
		}
	}
}

func TestStripperConcurrent(t *testing.T) {
	s := New()
	cases := loadCases(t)
	done := make(chan struct{})
	for w := 0; w < 4; w++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for _, c := range cases {
				s.Strip(c.input)
			}
		}()
	}
	for w := 0; w < 4; w++ {
		<-done
	}
	if New().tables() != s.tables() {
		t.Errorf("tables built twice")
	}
}
