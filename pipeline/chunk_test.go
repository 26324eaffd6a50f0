package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/zhextract/zhextract/pipeline/chrome"
	"github.com/zhextract/zhextract/pipeline/ingest"
)

// clauseText is a document whose lines are mostly figures broken across two
// lines mid-clause ("…总里程达到" / "1,234公里…"), with an anchor paragraph
// every anchorEvery blocks: a cut at most line starts would fall inside a
// figure's clause.
func clauseText(blocks, anchorEvery int) string {
	var b strings.Builder
	for i := range chrome.HeaderLines + 5 {
		fmt.Fprintf(&b, "第%d段：据市交通运输局介绍，全市公路建设稳步推进，各项工作有序开展，群众出行条件持续改善，服务保障能力不断增强，为经济社会发展提供了有力支撑。\n\n", i)
	}
	for i := range blocks {
		if i%anchorEvery == 0 {
			fmt.Fprintf(&b, "市交通运输局有关负责人表示，下一步将继续加快重点项目建设，统筹推进农村公路提档升级，确保各项目标任务按期完成，让人民群众出行更加便捷。第%d部分。\n", i)
		}
		fmt.Fprintf(&b, "据介绍，2023年第%d批新建改建农村公路项目总里程达到\n%d公里，总投资约%d.5亿元，较上年增长百分之十二。\n", i, 100+i, 10+i%50)
	}
	return b.String()
}

// TestChunkBoundsAvoidClauses forces the chunk size so that the natural cut
// (the first line start after each size bytes) falls inside a broken
// figure clause, and checks that every cut was moved to the line start
// after an anchor.
func TestChunkBoundsAvoidClauses(t *testing.T) {
	text := clauseText(3000, 25)
	for _, size := range []int{4 << 10, 9 << 10, 33 << 10} {
		bounds := chunkBounds(text, size)
		if len(bounds) < 3 {
			t.Fatalf("size %d: %d chunks", size, len(bounds))
		}
		moved := 0
		for _, cut := range bounds[1:] {
			if text[cut-1] != '\n' {
				t.Fatalf("size %d: cut at %d is not a line start", size, cut)
			}
			prev := strings.TrimRight(text[:cut], "\n")
			prev = prev[strings.LastIndexByte(prev, '\n')+1:]
			next := strings.TrimLeft(text[cut:], "\n")
			next = next[:strings.IndexByte(next, '\n')]
			if !chrome.Anchor(prev) {
				t.Errorf("size %d: cut at %d between %q and %q", size, cut, prev, next)
			}
			if strings.HasSuffix(prev, "达到") || strings.Contains(next, "公里，总投资") {
				t.Errorf("size %d: cut at %d inside a figure's clause", size, cut)
			}
		}
		// Where the natural cut fell: count the chunks it put inside a
		// clause, which the rule had to move.
		for k := 1; k < len(bounds); k++ {
			at := bounds[k-1] + size
			at += strings.IndexByte(text[at:], '\n') + 1
			if bounds[k] != at {
				moved++
			}
		}
		if moved == 0 {
			t.Errorf("size %d: no cut had to move: the test does not force cuts into clauses", size)
		}
	}
}

// TestChunkBoundsNone: a text with no anchor, or too short for two chunks,
// is not split.
func TestChunkBoundsNone(t *testing.T) {
	for name, text := range map[string]string{
		"no anchors": strings.Repeat("据介绍，2023年新建改建农村公路项目总里程达到\n1,234公里。\n", 5000),
		"short":      clauseText(800, 2)[:55<<10],
		"one line":   strings.Repeat("全市公路建设稳步推进，", 100000),
	} {
		if b := chunkBounds(text, 40<<10); b != nil {
			t.Errorf("%s: cut at %v", name, b)
		}
	}
}

// TestSplitFallsBackWhole: a document whose input went to a temporary file
// for its chunks, and which a stage then finds it cannot process in
// chunks, gets its whole text back for the stages that run on it whole;
// a document processed in chunks keeps its texts in files and its row
// reads them back.
func TestSplitFallsBackWhole(t *testing.T) {
	text := clauseText(3000, 25)
	decode := stageFunc{"decode", func(_ context.Context, d *Document) error {
		d.SetDecoded(string(d.Item.Data), nil)
		return nil
	}}
	for _, tc := range []struct {
		name      string
		notLocal  bool
		wantWhole bool
	}{
		{"chunks", false, false},
		{"whole after all", true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var seen atomic.Pointer[string]
			picky := stageFunc{"picky", func(_ context.Context, d *Document) error {
				if tc.notLocal && d.Chunk != nil && d.Chunk.Index == 1 {
					d.NotLocal = "test"
				}
				if d.Chunk == nil {
					s := d.Text
					seen.Store(&s)
				}
				return nil
			}}
			it := ingest.Item{Source: "x", ID: "x", Format: ingest.FormatText, Data: []byte(text)}
			d := Process(context.Background(), it, []Stage{decode, Split{Bytes: 16 << 10, Workers: 1}, picky}, nil)
			if d.Err != nil {
				t.Fatal(d.Err)
			}
			if whole := d.Chunks == 0; whole != tc.wantWhole {
				t.Fatalf("processed in %d chunks", d.Chunks)
			}
			if tc.wantWhole && (seen.Load() == nil || *seen.Load() != text) {
				t.Errorf("the stage after the fallback did not see the whole text")
			}
			row, _, _ := d.Rows()
			row, err := row.Materialize()
			if err != nil {
				t.Fatal(err)
			}
			// Without a conversion stage no chunk sets Original: the
			// original script column stays empty, as when whole.
			if row.Text != text || row.TextOriginalScript != "" || row.Bytes != int64(len(text)) {
				t.Errorf("row: %d bytes of text, %d of original, bytes %d; want %d", len(row.Text), len(row.TextOriginalScript), row.Bytes, len(text))
			}
		})
	}
}

// TestChunkBoundsStreamed: the cuts found reading a text line by line are
// those found in the text held whole, for texts with blank lines, long
// lines, a last line without a newline and sizes down to one byte.
func TestChunkBoundsStreamed(t *testing.T) {
	texts := map[string]string{
		"clauses":        clauseText(400, 7),
		"no final break": strings.TrimSuffix(clauseText(300, 3), "\n"),
		"blank lines":    strings.ReplaceAll(clauseText(300, 4), "\n", "\n \n\u3000\n"),
		"long lines":     strings.ReplaceAll(clauseText(200, 2), "。\n", "。"),
		"crlf":           strings.ReplaceAll(clauseText(200, 5), "\n", "\r\n"),
		"no anchors":     strings.Repeat("据介绍，2023年新建改建农村公路项目总里程达到\n1,234公里。\n", 500),
		"short header":   "标题\n\n正文\n",
		"empty":          "",
	}
	for name, text := range texts {
		for _, size := range []int{1, 100, 3000, 16 << 10, 1 << 20} {
			want := refChunkBounds(text, size)
			got, err := chunkBoundsFrom(&smallReads{r: strings.NewReader(text)}, size, len(text))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s, size %d: cuts %v, held whole %v", name, size, got, want)
			}
			if size == 100 && name == "clauses" && len(want) < 10 {
				t.Errorf("%s: only %d cuts: the test compares too little", name, len(want))
			}
		}
	}
}

// smallReads returns reads of 1 to 7 bytes at a time.
type smallReads struct {
	r *strings.Reader
	n int
}

func (s *smallReads) Read(p []byte) (int, error) {
	s.n = s.n%7 + 1
	return s.r.Read(p[:min(len(p), s.n)])
}

// refChunkBounds is chunkBounds as it was over a text held whole: it returns the offsets where the chunks of text begin (the
// first is 0), cutting near every size bytes at the first line start after
// an anchor line; nil when no cut is possible.
func refChunkBounds(text string, size int) []int {
	if size <= 0 {
		return nil
	}
	bounds := []int{0}
	// The first chunk keeps the lines the header rules read.
	min := 0
	for n, pos := 0, 0; n < chrome.HeaderLines && pos < len(text); {
		i := strings.IndexByte(text[pos:], '\n')
		if i < 0 {
			return nil
		}
		if strings.TrimSpace(text[pos:pos+i]) != "" {
			n++
		}
		pos += i + 1
		min = pos
	}
	for {
		last := bounds[len(bounds)-1]
		from := max(last+size, min)
		if from+size/2 >= len(text) {
			break // the rest is one chunk
		}
		cut := refNextCut(text, from)
		if cut < 0 || cut+size/2 >= len(text) {
			break
		}
		bounds = append(bounds, cut)
	}
	if len(bounds) < 2 {
		return nil
	}
	return bounds
}

// refNextCut finds the first line start at or after from whose previous
// non-blank line is an anchor (chrome.Anchor: a sentence of prose ends
// there, so no clause, paragraph, broken-line join or header/footer scan
// crosses the cut); -1 when there is none.
func refNextCut(text string, from int) int {
	// Start at the line that holds from.
	pos := strings.LastIndexByte(text[:from], '\n') + 1
	prevAnchor, seen := false, false
	for pos < len(text) {
		end := strings.IndexByte(text[pos:], '\n')
		if end < 0 {
			return -1 // the last line ends the document: no cut after it
		}
		line := text[pos : pos+end]
		next := pos + end + 1
		if strings.TrimSpace(line) == "" {
			pos = next
			continue
		}
		if seen && prevAnchor {
			return pos
		}
		seen = true
		prevAnchor = chrome.Anchor(line)
		pos = next
	}
	return -1
}

// TestTokensEarliestFirst: a released CPU token goes to the waiting chunk
// with the lowest index, whatever order they came in, and a waiter whose
// context ends gives up its place without losing a token.
func TestTokensEarliestFirst(t *testing.T) {
	for _, tc := range []struct {
		name   string
		order  []int // chunks queueing, in this order
		cancel int   // a chunk whose context ends while it waits (-1: none)
		want   []int // chunks served, one per release
	}{
		{"in order", []int{1, 2, 3}, -1, []int{1, 2, 3}},
		{"reversed", []int{5, 3, 2}, -1, []int{2, 3, 5}},
		{"mixed", []int{4, 1, 7, 2}, -1, []int{1, 2, 4, 7}},
		{"earliest gives up", []int{6, 2, 4}, 2, []int{4, 6}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tk := newTokens(1)
			if !tk.acquire(context.Background(), 0) {
				t.Fatal("no token free at the start")
			}
			served := make(chan int, len(tc.order))
			gaveUp := make(chan bool, 1)
			var cancel context.CancelFunc
			for i, k := range tc.order {
				ctx := context.Background()
				if k == tc.cancel {
					ctx, cancel = context.WithCancel(ctx)
				}
				go func() {
					ok := tk.acquire(ctx, k)
					if k == tc.cancel {
						gaveUp <- !ok
						return
					}
					if ok {
						served <- k
					}
				}()
				waitQueued(tk, i+1)
			}
			if cancel != nil {
				cancel()
				if !<-gaveUp {
					t.Fatal("the cancelled waiter got a token")
				}
			}
			var got []int
			for range tc.want {
				tk.release()
				got = append(got, <-served)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("served %v, want %v", got, tc.want)
			}
			tk.release()
			if tk.free != 1 || len(tk.waiting) != 0 {
				t.Errorf("after all releases: %d free, %d waiting; want 1, 0", tk.free, len(tk.waiting))
			}
		})
	}
}

// waitQueued yields until n chunks wait for a token.
func waitQueued(tk *tokens, n int) {
	for {
		tk.mu.Lock()
		q := len(tk.waiting)
		tk.mu.Unlock()
		if q >= n {
			return
		}
		runtime.Gosched()
	}
}

// guessStage is a Guesser whose state is a number: a chunk's text gets
// the number it started from, and leaves it plus its step.
type guessStage struct {
	step     int
	prepared []int           // the states PrepareChained was given
	arrive   func(state int) // called at the first PrepareChained
	arrived  bool
}

func (*guessStage) Name() string                               { return "guess" }
func (*guessStage) Apply(_ context.Context, _ *Document) error { return nil }
func (g *guessStage) ApplyChained(ctx context.Context, d *Document, in any) (any, error) {
	apply, out, err := g.PrepareChained(ctx, d, in)
	apply()
	return out, err
}
func (g *guessStage) PrepareChained(_ context.Context, d *Document, in any) (func(), any, error) {
	n, _ := in.(int)
	g.prepared = append(g.prepared, n)
	if !g.arrived {
		g.arrived = true
		g.arrive(n)
	}
	return func() { d.Text += fmt.Sprintf(" from %d", n) }, n + g.step, nil
}
func (*guessStage) SameState(a, b any) bool { return a == b }

// TestRunChainedGuess: a chunk whose predecessor's state is not known yet
// runs on the latest known one; it keeps that work when the state comes
// out the same and works again from the real one when not, applying only
// once either way; without a known state after the first chunk's it waits.
func TestRunChainedGuess(t *testing.T) {
	for _, tc := range []struct {
		name     string
		known    []int // chunks before k that finished: chunk j's output is states[j+1]
		actual   int   // the state chunk k gets
		prepared []int
		text     string
	}{
		{"right guess", []int{0, 1}, 7, []int{7}, "x from 7"},
		{"wrong guess", []int{0, 1}, 9, []int{7, 9}, "x from 9"},
		{"an earlier chunk's", []int{0}, 6, []int{6}, "x from 6"},
		{"an earlier chunk's, wrong", []int{0}, 7, []int{6, 7}, "x from 7"},
		{"only the first's start", nil, 9, []int{9}, "x from 9"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			const k = 3
			states := make([]any, k+2)
			ready := make([]chan struct{}, k+2)
			for j := range ready {
				ready[j] = make(chan struct{})
			}
			close(ready[0])
			for _, j := range tc.known {
				states[j+1] = 6 + j
				close(ready[j+1])
			}
			g := &guessStage{step: 1}
			g.arrive = func(int) {
				if !closed(ready[k]) {
					states[k] = tc.actual
					close(ready[k])
				}
			}
			if len(tc.known) == 0 {
				// Nothing to guess from: the chunk waits for the state.
				states[k] = tc.actual
				close(ready[k])
			}
			c := &Document{Text: "x"}
			await := func(ch <-chan struct{}) bool { <-ch; return true }
			out, ok, err := runChained(context.Background(), g, c, k, states, ready, await, nil)
			if !ok || err != nil {
				t.Fatalf("ok %v, err %v", ok, err)
			}
			if !slices.Equal(g.prepared, tc.prepared) {
				t.Errorf("prepared from %v, want %v", g.prepared, tc.prepared)
			}
			if c.Text != tc.text || out != tc.actual+1 {
				t.Errorf("text %q, out %v; want %q, %d", c.Text, out, tc.text, tc.actual+1)
			}
		})
	}
}
