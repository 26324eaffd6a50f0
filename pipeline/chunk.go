package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/zhextract/zhextract/extractors"
	"github.com/zhextract/zhextract/pipeline/chrome"
	"github.com/zhextract/zhextract/pipeline/ingest"
	"github.com/zhextract/zhextract/pipeline/textedit"
)

// DefaultChunkBytes sets which text documents are processed in chunks:
// those over twice its size (8 MB), which were also cut at its size.
const DefaultChunkBytes = 4 << 20

// DefaultCutBytes is the size the chunks of a split document are cut at:
// small enough that the last chunks of a document do not leave a core
// idle (cut at 4 MB, a 20 MB document's last chunk ran alone for a tenth
// of its time) and that few bytes are in memory at once, large enough
// that the per-chunk work stays small (the bench big corpus took no
// more CPU at 1 MB than at 4 MB).
const DefaultCutBytes = 1 << 20

// Split marks large plain-text documents to be processed in chunks: the
// stages after it run on chunks of about Bytes (cut at line breaks after a
// line that holds the cross-line rules apart, chrome.Anchor) in
// parallel, and the results are stitched into one document, the same as the
// stages would have made of the whole. A document of at most twice Bytes,
// and every document that is not plain text, is processed whole.
type Split struct {
	Bytes int
	// Cut is the size the chunks are cut at (Bytes when 0 or larger):
	// smaller chunks than the threshold keep every core busy to the end
	// of the document, where a few large ones left the last on one core.
	Cut int
	// Workers bounds the chunks of one document running at once
	// (GOMAXPROCS when 0).
	Workers int
}

// cut is the size the chunks are cut at.
func (s Split) cut() int {
	if s.Cut > 0 && s.Cut < s.Bytes {
		return s.Cut
	}
	return s.Bytes
}

// Name implements Stage.
func (Split) Name() string { return "split" }

// Apply implements Stage.
func (s Split) Apply(_ context.Context, d *Document) error {
	size := len(d.Text)
	if d.bigInput != nil {
		size = int(d.bigInput.n)
	}
	if s.Bytes > 0 && d.Item.Format == ingest.FormatText && d.SourceMappable && size > 2*s.Bytes {
		d.split = s
		return nil
	}
	return d.readBigInput()
}

// StreamBytes is the input size above which the stages take a plain-text
// file streamed (ingest.Options.StreamBytes) rather than read into memory:
// the size from which Split cuts documents in chunks, 0 when stages hold
// no Split.
func StreamBytes(stages []Stage) int64 {
	for _, s := range stages {
		if sp, ok := s.(Split); ok && sp.Bytes > 0 {
			return 2 * int64(sp.Bytes)
		}
	}
	return 0
}

// Chunk says which chunk of a split document a Document is.
type Chunk struct {
	Index, Count int
}

// First reports whether the chunk holds the document's start.
func (c *Chunk) First() bool { return c == nil || c.Index == 0 }

// Last reports whether the chunk holds the document's end.
func (c *Chunk) Last() bool { return c == nil || c.Index == c.Count-1 }

// Carrier is a stage whose work on a chunk depends on the text before the
// chunk (figure extraction: a year stated on an earlier heading). In a split
// document it runs after the other stages of every chunk, with
// Document.Before set to what the chunks before left.
type Carrier interface {
	Stage
	// Tail returns what the chunk d (through every stage before this
	// one) leaves for the chunks after it, on its own.
	Tail(d *Document) extractors.Context
}

// Chained is a stage whose work on a chunk depends on a state the chunks
// before it leave, in order (the mojibake stage: a page found garbled is
// read as garbled throughout). Chunks run it one after the other, each
// with the state the one before returned (nil for the first).
type Chained interface {
	Stage
	ApplyChained(ctx context.Context, d *Document, in any) (out any, err error)
}

// Merger is a stage that reads the whole document rather than a chunk (the
// script classification): in a split document Part reads each chunk (as
// the stage would get it, in the chunks' goroutines, so that no pass over
// the whole text is left for the end) and Merge runs once on the stitched
// document with the chunks' parts in order.
type Merger interface {
	Stage
	Part(d *Document) any
	Merge(d *Document, parts []any)
}

// chunkBounds returns the offsets where the chunks of text begin (the
// first is 0), cutting near every size bytes at the first line start after
// an anchor line; nil when no cut is possible.
func chunkBounds(text string, size int) []int {
	bounds, _ := chunkBoundsFrom(strings.NewReader(text), size, len(text))
	return bounds
}

// chunkBoundsFrom is chunkBounds over a text of total bytes read from r,
// holding one line of it at a time: a streamed input is cut without being
// read into memory.
func chunkBoundsFrom(r io.Reader, size, total int) ([]int, error) {
	if size <= 0 {
		return nil, nil
	}
	lines := newLineReader(r)
	// The first chunk keeps the lines the header rules read.
	min := 0
	for n := 0; n < chrome.HeaderLines && lines.pos < total; {
		if err := lines.next(); err != nil {
			return nil, err
		}
		if !lines.ok || !lines.nl {
			return nil, nil
		}
		if !lines.blank() {
			n++
		}
		min = lines.pos
	}
	lines.ok = false // the header's lines are behind
	bounds := []int{0}
	for {
		last := bounds[len(bounds)-1]
		from := max(last+size, min)
		if from+size/2 >= total {
			break // the rest is one chunk
		}
		cut, err := lines.nextCut(from)
		if err != nil {
			return nil, err
		}
		if cut < 0 || cut+size/2 >= total {
			break
		}
		bounds = append(bounds, cut)
	}
	if len(bounds) < 2 {
		return nil, nil
	}
	return bounds, nil
}

// lineReader reads a text line by line; the current line stays readable
// until the next one is read, so that a cut's line can start the search
// for the next cut.
type lineReader struct {
	br   *bufio.Reader
	buf  []byte // the current line without its newline
	ok   bool   // a current line is held
	nl   bool   // it ends with a newline
	at   int    // where it starts
	pos  int    // where the next line starts
	done bool   // nothing more to read
}

func newLineReader(r io.Reader) *lineReader {
	return &lineReader{br: bufio.NewReaderSize(r, 1<<20)}
}

// next reads the next line (ok false at the end of the text).
func (l *lineReader) next() error {
	l.buf, l.ok, l.nl = l.buf[:0], false, false
	if l.done {
		return nil
	}
	for {
		part, err := l.br.ReadSlice('\n')
		l.buf = append(l.buf, part...)
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil && err != io.EOF {
			return fmt.Errorf("read spilled input: %w", err)
		}
		if err == io.EOF {
			l.done = true
		}
		break
	}
	if len(l.buf) == 0 && l.done {
		return nil
	}
	l.ok, l.at = true, l.pos
	l.pos += len(l.buf)
	if n := len(l.buf); n > 0 && l.buf[n-1] == '\n' {
		l.nl, l.buf = true, l.buf[:n-1]
	}
	return nil
}

func (l *lineReader) blank() bool { return len(bytes.TrimSpace(l.buf)) == 0 }

// nextCut finds the first line start at or after from whose previous
// non-blank line is an anchor (chrome.Anchor: a sentence of prose ends
// there, so no clause, paragraph, broken-line join or header/footer scan
// crosses the cut); -1 when there is none. It starts at the line that
// holds from, never before the current line.
func (l *lineReader) nextCut(from int) (int, error) {
	// The line holding from: a newline belongs to the line it ends.
	for !l.ok || l.nl && l.at+len(l.buf) < from {
		if err := l.next(); err != nil {
			return -1, err
		}
		if !l.ok {
			return -1, nil
		}
	}
	prevAnchor, seen := false, false
	for l.ok {
		if !l.nl {
			return -1, nil // the last line ends the document: no cut after it
		}
		if !l.blank() {
			if seen && prevAnchor {
				return l.at, nil
			}
			seen = true
			prevAnchor = chrome.Anchor(string(l.buf))
		}
		if err := l.next(); err != nil {
			return -1, err
		}
	}
	return -1, nil
}

// stageLog is what one stage did to one chunk: the length of the text it
// read (to shift its edits to whole-document offsets) and the loud edits it
// logged.
type stageLog struct {
	inLen int
	loud  []textedit.Edit
}

// chunkResult is one processed chunk, reduced to what the stitched
// document needs.
type chunkResult struct {
	text, original string
	textLen        int // len(text), kept once text is joined and dropped
	base           int // offset of the chunk in the document's Base
	logs           []stageLog
	figures        []extractors.Figure
	figBase        []figSpan
	repairs        int
	pinyin         int
	meta           [4]string // title, publisher, published_at, url
	parts          []any     // by stage: a Merger's Part of the chunk
	err            error
	local          bool
}

// figSpan is a figure's span in Base and its raw text, computed from the
// chunk's edits before they are dropped.
type figSpan struct {
	start, end int
	raw        string
	ok         bool
}

// processSplit runs stages over the chunks of d (d.split set, Text = Base)
// and stitches the results into d. It reports false, leaving d as it was,
// when the document must be processed whole after all (no cut found, or a
// stage's work on a chunk was not local).
func processSplit(ctx context.Context, d *Document, sp Split, stages []Stage, timings *Timings, current func(string)) bool {
	// The input moves to a temporary file (a streamed input is there
	// already) and each chunk reads its part when it starts: held whole
	// until the last chunk was done, the input was the largest part of the
	// heap while chunks ran.
	var bounds []int
	var in *spillFile
	size := len(d.Text)
	if in = d.bigInput; in != nil {
		size = int(in.n)
		var err error
		if bounds, err = chunkBoundsFrom(in.NewReader(), sp.cut(), size); err != nil {
			d.Err = err
			return true
		}
		if bounds == nil {
			if err := d.readBigInput(); err != nil {
				d.Err = err
				return true
			}
			return false
		}
		d.bigInput = nil
	} else {
		if bounds = chunkBounds(d.Text, sp.cut()); bounds == nil {
			return false
		}
		var err error
		in, err = newSpillFile()
		if err == nil {
			err = in.WriteString(d.Text)
		}
		if err != nil {
			d.Err = err
			return true
		}
	}
	n := len(bounds)
	d.inputBytes = max(d.inputBytes, int64(len(d.Item.Data)))
	d.Text, d.Base, d.Item.Data = "", "", nil
	defer func() {
		if d.Err == nil && d.bigText == nil {
			// Processed whole after all: the stages need the text back.
			text, err := in.readRange(0, size)
			d.Text, d.Base, d.Err = text, text, err
		}
	}()
	carry := len(stages)
	for i, s := range stages {
		if _, ok := s.(Carrier); ok {
			carry = i
			break
		}
	}
	workers := sp.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	results := make([]chunkResult, n)
	join, err := newJoiner(n, len(stages))
	if err != nil {
		d.Err = err
		return true
	}
	// before[k] is what the chunks before k leave; ready[k] is closed once
	// it is set.
	before := make([]extractors.Context, n+1)
	ready := make([]chan struct{}, n+1)
	for k := range ready {
		ready[k] = make(chan struct{})
	}
	close(ready[0])
	// chain[i] holds the states of stage i if it is Chained: state[i][k]
	// is chunk k's input, published by closing chainReady[i][k].
	chain := make([][]any, len(stages))
	chainReady := make([][]chan struct{}, len(stages))
	for i, s := range stages {
		if _, ok := s.(Chained); ok {
			chain[i] = make([]any, n+1)
			chainReady[i] = make([]chan struct{}, n+1)
			for k := range chainReady[i] {
				chainReady[i][k] = make(chan struct{})
			}
			close(chainReady[i][0])
		}
	}
	var failed sync.Once
	abort := func() { failed.Do(cancel) }

	// A chunk holds a slot of held from its start until the joiner has
	// written it (its texts are in memory until then) and a CPU token
	// while it runs a stage, not while it waits for the chunk before it
	// (a Chained or Carrier stage): waiting with its token it kept a core
	// idle. The tokens go to the earliest chunk first, which the others
	// wait for.
	held := make(chan struct{}, chunksHeld(workers))
	cpu := newTokens(workers)
	join.held = held
	var wg sync.WaitGroup
	for k := range n {
		select {
		case held <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		end := size
		if k+1 < n {
			end = bounds[k+1]
		}
		wg.Go(func() {
			if !cpu.acquire(ctx, k) {
				return
			}
			running := true
			defer func() {
				if running {
					cpu.release()
				}
			}()
			// await waits for ch without the CPU token.
			await := func(ch <-chan struct{}) bool {
				select {
				case <-ch:
					return true
				default:
				}
				cpu.release()
				running = false
				select {
				case <-ch:
				case <-ctx.Done():
					return false
				}
				running = cpu.acquire(ctx, k)
				return running
			}
			r := &results[k]
			r.base = bounds[k]
			r.local = true
			text, err := in.readRange(bounds[k], end)
			if err != nil {
				r.err = err
				abort()
				return
			}
			c := &Document{
				Item:        ingest.Item{Source: d.Item.Source, ID: d.Item.ID, Format: d.Item.Format, URL: d.Item.URL},
				Encoding:    d.Encoding,
				Title:       d.Title,
				Publisher:   d.Publisher,
				PublishedAt: d.PublishedAt,
				URL:         d.URL,
				Text:        text,
				Base:        text,
				Chunk:       &Chunk{Index: k, Count: n},
			}
			run := func(from, to int) bool {
				for i := from; i < to; i++ {
					s := stages[i]
					if ctx.Err() != nil {
						return false
					}
					if m, ok := s.(Merger); ok {
						if r.parts == nil {
							r.parts = make([]any, len(stages))
						}
						r.parts[i] = m.Part(c)
						r.logs = append(r.logs, stageLog{inLen: len(c.Text)})
						continue
					}
					current(s.Name())
					in, logged := len(c.Text), len(c.logged)
					var err error
					if ch, ok := s.(Chained); ok {
						var out any
						var ok bool
						if out, ok, err = runChained(ctx, ch, c, k, chain[i], chainReady[i], await, timings); !ok {
							return false
						}
						chain[i][k+1] = out
						close(chainReady[i][k+1])
					} else {
						start := time.Now()
						err = safeApply(ctx, s, c)
						timings.Add(s.Name(), time.Since(start))
					}
					if err != nil {
						r.err = fmt.Errorf("%s: %w", s.Name(), err)
						return false
					}
					if c.NotLocal != "" {
						r.local = false
						slog.Warn("large document processed whole, not in chunks: its memory grows with its size", "source", d.Item.Source, "chunk", k, "stage", s.Name(), "reason", c.NotLocal)
						abort()
						return false
					}
					var loud []textedit.Edit
					for _, l := range c.logged[logged:] {
						for _, e := range l {
							if !e.Quiet {
								loud = append(loud, e)
							}
						}
					}
					r.logs = append(r.logs, stageLog{inLen: in, loud: loud})
				}
				return true
			}
			if !run(0, carry) {
				if r.err != nil {
					abort()
				}
				return
			}
			var tail extractors.Context
			if carry < len(stages) {
				tail = stages[carry].(Carrier).Tail(c)
			}
			if !await(ready[k]) {
				return
			}
			before[k+1] = before[k].Then(tail)
			close(ready[k+1])
			c.Before = before[k]
			if !run(carry, len(stages)) {
				if r.err != nil {
					abort()
				}
				return
			}
			r.text, r.original = c.Text, c.Original
			r.figures = c.Figures
			// The figures' and edits' strings are slices of the chunk's
			// texts: copies let those texts go once joined.
			var sent, sentCopy string // figures of one sentence share its copy
			for i := range r.figures {
				f := &r.figures[i]
				if len(f.Sentence) != len(sent) || unsafe.StringData(f.Sentence) != unsafe.StringData(sent) {
					sent, sentCopy = f.Sentence, strings.Clone(f.Sentence)
				}
				f.Sentence = sentCopy
				f.Subject, f.SubjectOriginal = strings.Clone(f.Subject), strings.Clone(f.SubjectOriginal)
				f.ValueText, f.Evidence, f.Basis = strings.Clone(f.ValueText), strings.Clone(f.Evidence), strings.Clone(f.Basis)
			}
			for _, l := range r.logs {
				for i := range l.loud {
					l.loud[i].Old, l.loud[i].New = strings.Clone(l.loud[i].Old), strings.Clone(l.loud[i].New)
				}
			}
			if len(c.Figures) > 0 {
				maps := c.spans()
				r.figBase = make([]figSpan, len(c.Figures))
				for i, f := range c.Figures {
					bs, be := maps.toBase(f.Start, f.End)
					if bs >= 0 && be <= len(c.Base) && bs <= be {
						r.figBase[i] = figSpan{start: bs + r.base, end: be + r.base, raw: strings.Clone(c.Base[bs:be]), ok: true}
					} else {
						r.figBase[i] = figSpan{start: bs + r.base, end: be + r.base}
					}
				}
			}
			r.repairs, r.pinyin = c.Repairs, c.PinyinRemoved
			r.meta = [4]string{strings.Clone(c.Title), strings.Clone(c.Publisher), strings.Clone(c.PublishedAt), strings.Clone(c.URL)}
			join.add(k, results)
		})
	}
	wg.Wait()
	for k := range results {
		if !results[k].local {
			return false // the caller processes the document whole
		}
	}
	for k := range results {
		if err := results[k].err; err != nil {
			d.Err = err
			return true
		}
	}
	if err := ctx.Err(); err != nil {
		d.Err = err
		return true
	}
	if join.err != nil {
		d.Err = join.err
		return true
	}
	if err := stitch(d, results, join, stages); err != nil {
		d.Err = fmt.Errorf("spill rows: %w", err)
		return true
	}
	d.Chunks = n
	return true
}

// chunksHeld is how many chunks of one document may be in memory at once
// (started and not yet written) with workers running: enough that the
// chunks after one waiting for its predecessor keep the cores busy, few
// enough that memory stays a few chunks.
func chunksHeld(workers int) int { return 3 * workers }

// tokens hands out a fixed number of CPU slots, to the waiting chunk with
// the lowest index first: the chunks after it wait for its Chained and
// Carrier stages.
type tokens struct {
	mu      sync.Mutex
	free    int
	waiting []tokenWait
}

type tokenWait struct {
	k  int
	ch chan struct{}
}

func newTokens(n int) *tokens { return &tokens{free: n} }

// acquire waits for a token for chunk k; false when ctx ended first.
func (t *tokens) acquire(ctx context.Context, k int) bool {
	t.mu.Lock()
	if t.free > 0 {
		t.free--
		t.mu.Unlock()
		return true
	}
	ch := make(chan struct{})
	t.waiting = append(t.waiting, tokenWait{k, ch})
	t.mu.Unlock()
	select {
	case <-ch:
		return true
	case <-ctx.Done():
	}
	t.mu.Lock()
	for i, w := range t.waiting {
		if w.ch == ch {
			t.waiting = append(t.waiting[:i], t.waiting[i+1:]...)
			t.mu.Unlock()
			return false
		}
	}
	t.mu.Unlock()
	// Handed a token as ctx ended: pass it on.
	t.release()
	return false
}

// release returns a token, to the earliest chunk waiting.
func (t *tokens) release() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.waiting) == 0 {
		t.free++
		return
	}
	first := 0
	for i, w := range t.waiting {
		if w.k < t.waiting[first].k {
			first = i
		}
	}
	close(t.waiting[first].ch)
	t.waiting = append(t.waiting[:first], t.waiting[first+1:]...)
}

// joiner writes the chunks' texts to the document's spilled texts, in
// order, as soon as a chunk and all before it are done, and drops the
// chunk's copy: no whole text of a large document is ever held in memory.
type joiner struct {
	mu   sync.Mutex
	next int
	done []bool
	text *spillFile
	// orig is set once a chunk's Original is not its Text (the conversion
	// changed something): until then the original text is text.
	orig  *spillFile
	chars int64 // runes written to text
	// figs holds the figures, with their offsets in the whole text;
	// edits[i] stage i's loud edits with their offsets in the whole text
	// stage i read (nil while it has none), shift[i] the length of that
	// text in the chunks written so far.
	figs  *recordWriter
	edits []*recordWriter
	shift []int
	err   error
	// held is the chunks' slots: one is freed for each chunk written.
	held chan struct{}
}

func newJoiner(n, stages int) (*joiner, error) {
	text, err := newSpillFile()
	if err != nil {
		return nil, err
	}
	figs, err := newRecordWriter()
	if err != nil {
		return nil, err
	}
	return &joiner{done: make([]bool, n), text: text, figs: figs, edits: make([]*recordWriter, stages), shift: make([]int, stages)}, nil
}

func (j *joiner) add(k int, rs []chunkResult) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.done[k] = true
	for j.next < len(j.done) && j.done[j.next] {
		r := &rs[j.next]
		if j.err == nil {
			j.err = j.write(r)
		}
		r.textLen = len(r.text)
		r.text, r.original = "", ""
		r.figures, r.figBase, r.logs = nil, nil, nil
		j.next++
		if j.held != nil {
			<-j.held
		}
	}
}

func (j *joiner) write(r *chunkResult) error {
	off := int(j.text.n)
	for i := range r.figures {
		f := &r.figures[i]
		f.Start += off
		f.End += off
		var span figSpan
		if r.figBase != nil {
			span = r.figBase[i]
		}
		if err := j.figs.figure(f, span); err != nil {
			return err
		}
	}
	for i, l := range r.logs {
		for k := range l.loud {
			e := &l.loud[k]
			if e.Start >= 0 {
				e.Start += j.shift[i]
				e.End += j.shift[i]
			}
			if j.edits[i] == nil {
				w, err := newRecordWriter()
				if err != nil {
					return err
				}
				j.edits[i] = w
			}
			if err := j.edits[i].edit(e); err != nil {
				return err
			}
		}
		j.shift[i] += l.inLen
	}
	if j.orig == nil && (len(r.text) != len(r.original) || unsafe.StringData(r.text) != unsafe.StringData(r.original)) {
		orig, err := newSpillFile()
		if err != nil {
			return err
		}
		if err := orig.copyFrom(j.text); err != nil {
			return err
		}
		j.orig = orig
	}
	if err := j.text.WriteString(r.text); err != nil {
		return err
	}
	j.chars += int64(utf8.RuneCountInString(r.text))
	if j.orig != nil {
		return j.orig.WriteString(r.original)
	}
	return nil
}

// stitch makes d the whole document its chunks make.
func stitch(d *Document, rs []chunkResult, j *joiner, stages []Stage) error {
	for k := range rs {
		d.Repairs += rs[k].repairs
		d.PinyinRemoved += rs[k].pinyin
	}
	// The texts, figures and edits stay in their files: the row writers
	// stream them.
	d.Text, d.Original = "", ""
	d.bigText, d.bigOrig, d.chars = j.text, j.text, j.chars
	if j.orig != nil {
		d.bigOrig = j.orig
	}
	if err := j.figs.done(); err != nil {
		return err
	}
	d.bigFigs, d.nFigs = j.figs.f, j.figs.n
	for _, w := range j.edits {
		if w == nil {
			continue
		}
		if err := w.done(); err != nil {
			return err
		}
		d.bigEdits = append(d.bigEdits, recordFile{w.f, w.n})
		d.nEdits += w.n
	}
	d.Title, d.Publisher, d.PublishedAt, d.URL = rs[0].meta[0], rs[0].meta[1], rs[0].meta[2], rs[0].meta[3]
	// The edits of the chunks' stages are not stitched into layers: the
	// figures' spans in Base were mapped in their chunk.
	d.layers = nil
	for i, s := range stages {
		if m, ok := s.(Merger); ok {
			parts := make([]any, len(rs))
			for k := range rs {
				parts[k] = rs[k].parts[i]
			}
			m.Merge(d, parts)
		}
	}
	return nil
}

// Guesser is a Chained stage that can work on a chunk before the state the
// chunks before it leave is known: the chunk runs on the state the latest
// finished chunk left, and again only if its own differs. On a document
// whose state settles early (a page found garbled stays so) the chunks
// need not wait for each other.
type Guesser interface {
	Chained
	// PrepareChained is ApplyChained without changing d: apply makes the
	// change, once the state is known to be in.
	PrepareChained(ctx context.Context, d *Document, in any) (apply func(), out any, err error)
	// SameState reports whether two states give a chunk the same work.
	SameState(a, b any) bool
}

// runChained runs the Chained stage s on chunk k, whose input state is
// states[k] once ready[k] is closed; ok is false when the chunk was
// stopped (ctx ended) while waiting.
func runChained(ctx context.Context, s Chained, c *Document, k int, states []any, ready []chan struct{}, await func(<-chan struct{}) bool, timings *Timings) (out any, ok bool, err error) {
	g, guessing := s.(Guesser)
	guess, known := any(nil), false
	if guessing && !closed(ready[k]) {
		// The state of the latest finished chunk, if one after the first
		// is: the first chunk's start state is rarely its end state.
		for j := k - 1; j >= 1; j-- {
			if closed(ready[j]) {
				guess, known = states[j], true
				break
			}
		}
	}
	if !known {
		if !await(ready[k]) {
			return nil, false, nil
		}
		start := time.Now()
		out, err = safeChained(ctx, s, c, states[k])
		timings.Add(s.Name(), time.Since(start))
		return out, true, err
	}
	start := time.Now()
	apply, out, err := safePrepare(ctx, g, c, guess)
	timings.Add(s.Name(), time.Since(start))
	if !await(ready[k]) {
		return nil, false, nil
	}
	if !g.SameState(guess, states[k]) {
		start := time.Now()
		apply, out, err = safePrepare(ctx, g, c, states[k])
		timings.Add(s.Name(), time.Since(start))
	}
	if err == nil {
		apply()
	}
	return out, true, err
}

// closed reports whether ch is closed.
func closed(ch <-chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

func safePrepare(ctx context.Context, s Guesser, d *Document, in any) (apply func(), out any, err error) {
	err = safeApply(ctx, preparedStage{s, in, &apply, &out}, d)
	if apply == nil {
		apply = func() {}
	}
	return apply, out, err
}

// preparedStage runs a Guesser's PrepareChained through safeApply's
// recovery.
type preparedStage struct {
	Guesser
	in    any
	apply *func()
	out   *any
}

func (s preparedStage) Apply(ctx context.Context, d *Document) error {
	var err error
	*s.apply, *s.out, err = s.PrepareChained(ctx, d, s.in)
	return err
}

func safeChained(ctx context.Context, s Chained, d *Document, in any) (out any, err error) {
	err = safeApply(ctx, chainedStage{s, in, &out}, d)
	return out, err
}

// chainedStage runs a Chained stage through safeApply's recovery.
type chainedStage struct {
	Chained
	in  any
	out *any
}

func (s chainedStage) Apply(ctx context.Context, d *Document) error {
	var err error
	*s.out, err = s.ApplyChained(ctx, d, s.in)
	return err
}
