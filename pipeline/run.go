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
	d, _ := processOn(ctx, it, stages, timings, timeout)
	return d
}

// processOn is ProcessWithin on a goroutine of its own. abandoned says
// the document was left running there.
func processOn(ctx context.Context, it ingest.Item, stages []Stage, timings *Timings, timeout time.Duration) (d *Document, abandoned bool) {
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
	go func(it ingest.Item) { done <- process(dctx, it, stages, timings, &stage) }(it)
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
	return timedOut(it, size, &stage, timeout), abandoned
}

// timedOut is the failed document of an input whose stages ran past the
// time limit; it names the stage they were in. it.Data is not kept.
func timedOut(it ingest.Item, size int64, stage *atomic.Pointer[string], timeout time.Duration) *Document {
	it.Data = nil
	name := "?"
	if p := stage.Load(); p != nil {
		name = *p
	}
	slog.Warn("document timed out", "source", it.Source, "stage", name, "timeout", timeout)
	return &Document{Item: it, Err: fmt.Errorf("%w (%v, in stage %s)", ErrDocTimeout, timeout, name), inputBytes: size}
}

// runOne processes one document on the calling goroutine, as
// ProcessWithin does, and sends its result. A worker's goroutine runs its
// documents itself: handing each to a goroutine of its own and waiting
// for it put two goroutine switches on every document's path (a third of
// a run's), and a new goroutine per document grew its stack again.
//
// When the time limit passes, or ctx is cancelled, before the stages
// return, the failed document is sent at once instead, takeOver starts
// another goroutine for the documents after it, and runOne returns false
// once the stages do: the calling goroutine was given up to them.
func runOne(ctx context.Context, seq int, it ingest.Item, stages []Stage, timings *Timings, timeout time.Duration, results chan<- result, takeOver func()) bool {
	if it.Err != nil {
		d := Process(ctx, it, stages, timings)
		results <- result{seq, d, ctx.Err() != nil}
		return true
	}
	dctx, cancel := context.WithCancel(ctx)
	if timeout > 0 {
		dctx, cancel = context.WithTimeout(ctx, timeout)
	}
	defer cancel()
	var stage atomic.Pointer[string]
	// Who sends the result: the stages returning (0 -> 1) or the end of
	// dctx (0 -> 2), whichever comes first.
	var state atomic.Int32
	size := it.Bytes()
	meta := it
	meta.Data = nil
	stop := context.AfterFunc(dctx, func() {
		if !state.CompareAndSwap(0, 2) {
			return
		}
		var d *Document
		if err := ctx.Err(); err != nil {
			d = &Document{Item: meta, Err: err, inputBytes: size}
		} else {
			d = timedOut(meta, size, &stage, timeout)
		}
		results <- result{seq, d, ctx.Err() != nil}
		takeOver()
	})
	d := process(dctx, it, stages, timings, &stage)
	stop()
	if !state.CompareAndSwap(0, 1) {
		return false
	}
	if d.Err != nil && ctx.Err() == nil && errors.Is(d.Err, context.DeadlineExceeded) {
		d = timedOut(meta, size, &stage, timeout)
	}
	results <- result{seq, d, d.Err != nil && ctx.Err() != nil}
	return true
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
	return RunFed(ctx, func(submit func(ingest.Item) error) {
		for it := range in {
			if submit(it) != nil {
				return
			}
		}
	}, stages, workers, docTimeout, timings, emit)
}

// RunFed is Run with the items given by feed, which runs on a goroutine of
// its own and calls submit with each item in input order; the input ends
// when feed returns. submit waits while the window of documents in flight
// is full and fails, taking nothing, once the run stops.
//
// The reader is the feed: it reads ahead as far as the window goes, and an
// item goes to a worker without passing through a goroutine between them.
// Read one item ahead behind a channel, the reader was made to wait for
// every document, and each wait left the workers short of work for as
// long as the reader took to get a core back.
func RunFed(ctx context.Context, feed func(submit func(ingest.Item) error), stages []Stage, workers int, docTimeout time.Duration, timings *Timings, emit func(*Document) error) error {
	if workers < 1 {
		workers = 1
	}
	window := workers * 4
	type job struct {
		seq  int
		item ingest.Item
	}
	// A job is queued only with a slot held: sending never blocks.
	jobs := make(chan job, window)
	results := make(chan result, window)
	slots := make(chan struct{}, window)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	var wg sync.WaitGroup
	// A worker whose document is left running past its time limit hands
	// its place (and its count in wg) to a new goroutine.
	var work func()
	work = func() {
		for j := range jobs {
			if !runOne(ctx, j.seq, j.item, stages, timings, docTimeout, results, func() { go work() }) {
				return
			}
		}
		wg.Done()
	}
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go work()
	}
	go func() {
		defer close(jobs)
		seq := 0
		feed(func(it ingest.Item) error {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return ctx.Err()
			}
			if err := ctx.Err(); err != nil {
				<-slots
				return err
			}
			jobs <- job{seq, it}
			seq++
			return nil
		})
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
