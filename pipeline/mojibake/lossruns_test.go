package mojibake

import "testing"

// TestFillRuns: runs of 烫 or 屯 (uninitialised memory read as GBK) become
// one U+FFFD, four or more always, shorter ones unless their neighbours
// make words of them.
func TestFillRuns(t *testing.T) {
	for _, tc := range []struct {
		in, want string
	}{
		{"截止日烫烫2022年4月30日前", "截止日\uFFFD2022年4月30日前"},
		{"这一目烫烫,找准结合点", "这一目\uFFFD,找准结合点"},
		{"自动下载和升烫烫烫软件包", "自动下载和升\uFFFD软件包"},
		{"屯屯.1.6. 虚拟控制台", "\uFFFD.1.6. 虚拟控制台"},
		{"示范屯屯屯点建成即可上报", "示范\uFFFD点建成即可上报"},
		{"工作双轮烫烫烫烫烫动", "工作双轮\uFFFD动"},
		// Words: the second half of an ABB adjective, a doubled word
		// before 的, a longer word that holds the run, a doubled word
		// before a word that starts with the fill.
		{"热烫烫的包子", "热烫烫的包子"},
		{"滚烫烫一锅汤", "滚烫烫一锅汤"},
		{"手里烫烫的", "手里烫烫的"},
		{"殷殷屯屯殷殷期望", "殷殷屯屯殷殷期望"},
		{"烫烫烫脚", "烫烫烫脚"},
	} {
		reps := lossRuns(tc.in)
		got := tc.in
		for i := len(reps) - 1; i >= 0; i-- {
			got = got[:reps[i].start] + reps[i].repl + got[reps[i].end:]
		}
		if got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.in, got, tc.want)
		}
	}
}
