package pinyin

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	gopinyin "github.com/mozillazg/go-pinyin"
)

// regen rewrites data/readings.txt from go-pinyin.
var regen = flag.Bool("regen", false, "rewrite data/readings.txt from go-pinyin (go generate)")

// deriveReadings writes readingsText's lines from go-pinyin: each character
// of its dictionary that has readings, in code point order.
func deriveReadings() string {
	args := gopinyin.NewArgs()
	args.Style = gopinyin.Tone
	args.Heteronym = true
	runes := make([]rune, 0, len(gopinyin.PinyinDict))
	for k := range gopinyin.PinyinDict {
		runes = append(runes, rune(k))
	}
	slices.Sort(runes)
	var b strings.Builder
	for _, r := range runes {
		rs := gopinyin.SinglePinyin(r, args)
		if len(rs) == 0 {
			continue
		}
		b.WriteString(string(r) + "\t" + strings.Join(rs, ",") + "\n")
	}
	return b.String()
}

// TestReadingsGenerated checks the embedded readings against go-pinyin.
func TestReadingsGenerated(t *testing.T) {
	want := deriveReadings()
	path := filepath.Join("data", "readings.txt")
	if *regen {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if readingsText != want {
		t.Fatalf("%s is stale: run go generate ./pipeline/pinyin", path)
	}
}
