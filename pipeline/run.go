package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/zhextract/zhextract/pipeline/ingest"
)

// Timings accumulates the time each stage took, for the bench report.
type Timings struct {
	mu    sync.Mutex
	total map[string]time.Duration
	order []string
}

// Add records d against stage.
func (t *Timings) Add(stage string, d time.Duration) {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.total == nil {
		t.total = map[string]time.Duration{}
	}
	if _, ok := t.total[stage]; !ok {
		t.order = append(t.order, stage)
	}
	t.total[stage] += d
}

// Each calls fn for each stage in first-seen order.
func (t *Timings) Each(fn func(stage string, d time.Duration)) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, s := range t.order {
		fn(s, t.total[s])
	}
}

// Process runs the stages over one document. A stage error, or a panic in a
// stage, fails the document and stops its remaining stages.
func Process(ctx context.Context, it ingest.Item, stages []Stage, timings *Timings) *Document {
	return process(ctx, it, stages, timings, nil)
}

// DefaultDocTimeout is the default limit on one document's processing. Every
// stage is linear in the document's length and the largest document
// allowed (256 MB) takes about a minute; a document still running after
// this has met a case no stage was built for.
const DefaultDocTimeout = 5 * time.Minute

// ErrDocTimeout fails a document whose stages ran longer than the limit.
var ErrDocTimeout = errors.New("document took longer than the time limit")

// ProcessWithin is Process with a limit on the document's time: a document
// still in its stages after timeout fails with ErrDocTimeout, naming the
// stage, and the caller goes on at once. The stages see a context that ends
// at the deadline; one that does not watch it runs on in the background
// until it returns, and no later stage starts. A timeout of 0 is no limit.
func ProcessWithin(ctx context.Context, it ingest.Item, stages []Stage, timings *Timings, timeout time.Duration) *Document {
	if timeout <= 0 || it.Err != nil {
		return Process(ctx, it, stages, timings)
	}
	dctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var stage atomic.Pointer[string]
	done := make(chan *Document, 1) // buffered: an abandoned run can still finish
	go func() { done <- process(dctx, it, stages, timings, &stage) }()
	select {
	case d := <-done:
		if d.Err == nil || ctx.Err() != nil || !errors.Is(d.Err, context.DeadlineExceeded) {
			return d
		}
	case <-dctx.Done():
		if err := ctx.Err(); err != nil {
			return &Document{Item: it, Err: err}
		}
	}
	name := "?"
	if p := stage.Load(); p != nil {
		name = *p
	}
	slog.Warn("document timed out", "source", it.Source, "stage", name, "timeout", timeout)
	return &Document{Item: it, Err: fmt.Errorf("%w (%v, in stage %s)", ErrDocTimeout, timeout, name)}
}

func process(ctx context.Context, it ingest.Item, stages []Stage, timings *Timings, stage *atomic.Pointer[string]) (d *Document) {
	d = &Document{Item: it}
	if it.Err != nil {
		d.Err = it.Err
		return d
	}
	for _, s := range stages {
		if err := ctx.Err(); err != nil {
			d.Err = err
			return d
		}
		if stage != nil {
			name := s.Name()
			stage.Store(&name)
		}
		start := time.Now()
		err := safeApply(ctx, s, d)
		timings.Add(s.Name(), time.Since(start))
		if err != nil {
			d.Err = fmt.Errorf("%s: %w", s.Name(), err)
			return d
		}
	}
	return d
}

func safeApply(ctx context.Context, s Stage, d *Document) (err error) {
	defer func() {
		if r := recover(); r != nil {
			slog.Error("stage panicked", "stage", s.Name(), "source", d.Item.Source, "panic", r, "stack", string(debug.Stack()))
			err = fmt.Errorf("internal error: %v", r)
		}
	}()
	return s.Apply(ctx, d)
}

// Run processes items from in with workers goroutines and calls emit with the
// finished documents in input order. At most window documents are in flight,
// so memory stays flat however long the input is. Run returns when in is
// closed and drained, when emit fails, or when ctx is cancelled.
//
// docTimeout limits each document as ProcessWithin does (0: no limit).
func Run(ctx context.Context, in <-chan ingest.Item, stages []Stage, workers int, docTimeout time.Duration, timings *Timings, emit func(*Document) error) error {
	if workers < 1 {
		workers = 1
	}
	window := workers * 4
	type job struct {
		seq  int
		item ingest.Item
	}
	type result struct {
		seq int
		doc *Document
	}
	jobs := make(chan job)
	results := make(chan result, window)
	slots := make(chan struct{}, window)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- result{j.seq, ProcessWithin(ctx, j.item, stages, timings, docTimeout)}
			}
		}()
	}
	go func() {
		defer close(jobs)
		seq := 0
		for it := range in {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{seq, it}:
				seq++
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()

	pending := map[int]*Document{}
	next := 0
	var emitErr error
	for r := range results {
		if emitErr != nil {
			continue // drain so workers can exit
		}
		pending[r.seq] = r.doc
		for {
			d, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-slots
			if err := ctx.Err(); err != nil {
				// Interrupted: documents cut short must not be written as
				// failures, or --resume would skip them.
				emitErr = err
				break
			}
			if err := emit(d); err != nil {
				emitErr = err
				cancel()
				break
			}
		}
	}
	if emitErr != nil {
		return emitErr
	}
	return ctx.Err()
}
