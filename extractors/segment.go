package extractors

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/go-ego/gse"
)

//go:generate go run ./internal/gendict -out dict

// smallDict is a filtered copy of gse's simplified dictionary (see
// dict/README.md): loading gse's full one costs seconds and 100+ MB.
//
//go:embed dict/zh_s_small.txt
var smallDict string

// extraWords are transport terms the filtered list lacks; they keep names
// such as 连接线 or 客滚船 in one piece.
var extraWords = []string{
	"农村公路", "国省道", "普通国省道", "普通公路", "干线公路", "连接线", "互通立交", "客滚船",
	"立交", "匝道", "县乡道", "通村公路", "四好农村路", "美丽农村路", "高速公路", "快速路",
}

// word is one segment of a clause: byte offsets into the segmented string
// (gse lower-cases Latin letters, so callers slice their own text).
type word struct {
	start, end int
	pos        string
}

// segmenter loads the embedded word list on first use; New stays fast and a
// text without candidate figures never pays for it.
type segmenter struct {
	load   func() (*gse.Segmenter, error)
	called atomic.Bool // for tests: whether load ran
}

func (sg *segmenter) loaded() bool { return sg.called.Load() }

func newSegmenter() *segmenter {
	sg := &segmenter{}
	sg.load = sync.OnceValues(func() (*gse.Segmenter, error) {
		sg.called.Store(true)
		var b strings.Builder
		b.Grow(len(smallDict) + 32*len(extraWords))
		b.WriteString(smallDict)
		for _, w := range extraWords {
			b.WriteString(w + " 1000 n\n")
		}
		seg := &gse.Segmenter{NotLoadHMM: true, SkipLog: true}
		if err := seg.LoadDictStr(b.String()); err != nil {
			return nil, fmt.Errorf("loading embedded word list: %w", err)
		}
		return seg, nil
	})
	return sg
}

// words segments s. gse's Segment only reads the dictionary, so one loaded
// segmenter serves many goroutines.
func (sg *segmenter) words(s string) ([]word, error) {
	seg, err := sg.load()
	if err != nil {
		return nil, err
	}
	segs := seg.Segment([]byte(s))
	out := make([]word, 0, len(segs))
	for _, x := range segs {
		out = append(out, word{start: x.Start(), end: x.End(), pos: x.Token().Pos()})
	}
	return out, nil
}
