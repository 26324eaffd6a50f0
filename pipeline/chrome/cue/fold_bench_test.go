package cue

import (
	"os"
	"strings"
	"testing"
)

// BenchmarkFold folds the seed and example documents' text, simplified
// and traditional alike.
func BenchmarkFold(b *testing.B) {
	var sb strings.Builder
	for _, dir := range []string{"../../../testdata/seeds", "../../../testdata/examples"} {
		es, _ := os.ReadDir(dir)
		for _, e := range es {
			if data, err := os.ReadFile(dir + "/" + e.Name()); err == nil && strings.HasSuffix(e.Name(), ".txt") {
				sb.Write(data)
			}
		}
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		FoldSpan(nil, text, 0, len(text))
	}
}
