package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sort"
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
//
// Cancelling ctx returns at once too, with the document failed by ctx's
// error, so that a run being stopped never waits for a stage.
func ProcessWithin(ctx context.Context, it ingest.Item, stages []Stage, timings *Timings, timeout time.Duration) *Document {
	d, _ := processOn(ctx, nil, it, stages, timings, timeout)
	return d
}

// runner is a goroutine that runs documents' stages one after another.
// Run gives each worker one, so a document starts on a stack the ones
// before it have grown: a new goroutine per document spent 2-3% of the
// pipeline's CPU growing and copying its stack again for every document.
type runner struct {
	work chan func()
}

func newRunner() *runner {
	r := &runner{work: make(chan func())}
	go func() {
		for fn := range r.work {
			fn()
		}
	}()
	return r
}

// stop lets the runner's goroutine exit once its current work is done.
func (r *runner) stop() { close(r.work) }

// processOn is ProcessWithin on the runner r (a new goroutine when r is
// nil). abandoned says the document was left running in r: r is busy
// until it returns, so the caller must stop it and use another.
func processOn(ctx context.Context, r *runner, it ingest.Item, stages []Stage, timings *Timings, timeout time.Duration) (d *Document, abandoned bool) {
	if it.Err != nil || timeout <= 0 && ctx.Done() == nil {
		return Process(ctx, it, stages, timings), false
	}
	dctx, cancel := context.WithCancel(ctx)
	if timeout > 0 {
		dctx, cancel = context.WithTimeout(ctx, timeout)
	}
	defer cancel()
	var stage atomic.Pointer[string]
	done := make(chan *Document, 1) // buffered: an abandoned run can still finish
	run := func(it ingest.Item) func() {
		return func() { done <- process(dctx, it, stages, timings, &stage) }
	}(it)
	if r == nil {
		go run()
	} else {
		r.work <- run
	}
	// Only the document holds the input from here: a split document lets
	// it go while its chunks run.
	size := it.Bytes()
	it.Data = nil
	select {
	case d := <-done:
		if d.Err == nil || ctx.Err() != nil || !errors.Is(d.Err, context.DeadlineExceeded) {
			return d, false
		}
	case <-dctx.Done():
		if err := ctx.Err(); err != nil {
			return &Document{Item: it, Err: err, inputBytes: size}, true
		}
		abandoned = true
	}
	name := "?"
	if p := stage.Load(); p != nil {
		name = *p
	}
	slog.Warn("document timed out", "source", it.Source, "stage", name, "timeout", timeout)
	return &Document{Item: it, Err: fmt.Errorf("%w (%v, in stage %s)", ErrDocTimeout, timeout, name), inputBytes: size}, abandoned
}

func process(ctx context.Context, it ingest.Item, stages []Stage, timings *Timings, stage *atomic.Pointer[string]) (d *Document) {
	d = &Document{Item: it}
	if it.Err != nil {
		d.Err = it.Err
		return d
	}
	current := func(name string) {
		if stage != nil {
			stage.Store(&name)
		}
	}
	for i, s := range stages {
		if err := ctx.Err(); err != nil {
			d.Err = err
			return d
		}
		current(s.Name())
		start := time.Now()
		err := safeApply(ctx, s, d)
		timings.Add(s.Name(), time.Since(start))
		if err != nil {
			d.Err = fmt.Errorf("%s: %w", s.Name(), err)
			return d
		}
		if d.bigInput != nil && d.split.Bytes == 0 {
			// A streamed input that no Split takes next: the stages need
			// its text.
			if _, next := nextStage(stages, i).(Split); !next {
				if err := d.readBigInput(); err != nil {
					d.Err = fmt.Errorf("%s: %w", s.Name(), err)
					return d
				}
			}
		}
		if sp := d.split; sp.Bytes > 0 {
			d.split = Split{}
			if processSplit(ctx, d, sp, stages[i+1:], timings, current) {
				return d
			}
			// Processed whole after all: the stages go on below.
		}
	}
	return d
}

// nextStage returns the stage after stages[i], nil after the last.
func nextStage(stages []Stage, i int) Stage {
	if i+1 < len(stages) {
		return stages[i+1]
	}
	return nil
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

type result struct {
	seq int
	doc *Document
	// cut says the document failed while the run was being stopped: its
	// failure may be the stop's, so it is left for --resume.
	cut bool
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
			r := newRunner()
			defer func() { r.stop() }()
			for j := range jobs {
				seq := j.seq
				d, abandoned := processOn(ctx, r, j.item, stages, timings, docTimeout)
				if abandoned {
					// r is still in the abandoned document's stages.
					r.stop()
					r = newRunner()
				}
				results <- result{seq, d, d.Err != nil && ctx.Err() != nil}
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

	pending := map[int]result{}
	next := 0
	var emitErr error
	for emitErr == nil {
		var r result
		var ok bool
		select {
		case r, ok = <-results:
		case <-ctx.Done():
			return interrupted(ctx, results, pending, emit)
		}
		if !ok {
			break
		}
		pending[r.seq] = r
		for {
			p, ok := pending[next]
			if !ok {
				break
			}
			if ctx.Err() != nil {
				return interrupted(ctx, results, pending, emit)
			}
			delete(pending, next)
			next++
			<-slots
			if err := emit(p.doc); err != nil {
				emitErr = err
				cancel()
				break
			}
		}
	}
	if emitErr != nil {
		go func() {
			for range results { // let the workers exit
			}
		}()
		return emitErr
	}
	return ctx.Err()
}

// stopGrace bounds how long a stopped run waits for documents already
// leaving their workers (a worker returns at once on cancellation).
const stopGrace = 200 * time.Millisecond

// interrupted ends a run whose context was cancelled: it writes every
// document that finished (in input order, skipping those still in
// progress) and returns ctx's error. Documents cut short are not written at
// all, so --resume takes them; writing them as failures would make it skip
// them.
func interrupted(ctx context.Context, results <-chan result, pending map[int]result, emit func(*Document) error) error {
	timer := time.NewTimer(stopGrace)
	defer timer.Stop()
collect:
	for {
		select {
		case r, ok := <-results:
			if !ok {
				break collect
			}
			pending[r.seq] = r
		case <-timer.C:
			break collect
		}
	}
	go func() {
		for range results { // let the workers exit
		}
	}()
	seqs := make([]int, 0, len(pending))
	for seq, r := range pending {
		if r.cut || errors.Is(r.doc.Err, context.Canceled) {
			continue
		}
		seqs = append(seqs, seq)
	}
	sort.Ints(seqs)
	for _, seq := range seqs {
		if err := emit(pending[seq].doc); err != nil {
			return err
		}
	}
	return ctx.Err()
}
