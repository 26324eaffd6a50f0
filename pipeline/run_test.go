package pipeline

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/zhextract/zhextract/pipeline/ingest"
)

// stageFunc is a Stage made of a function.
type stageFunc struct {
	name string
	fn   func(ctx context.Context, d *Document) error
}

func (s stageFunc) Name() string                                 { return s.name }
func (s stageFunc) Apply(ctx context.Context, d *Document) error { return s.fn(ctx, d) }

// TestDocTimeout: a document stuck in a stage that ignores its context
// fails with the limit and the stage's name, and the documents after it
// are processed without waiting for it.
func TestDocTimeout(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	stuck := stageFunc{"stuck", func(ctx context.Context, d *Document) error {
		if string(d.Item.Data) == "slow" {
			<-release // ignores ctx, as a long loop would
		}
		d.Text = string(d.Item.Data)
		return nil
	}}
	after := stageFunc{"after", func(ctx context.Context, d *Document) error {
		d.Title = "done"
		return nil
	}}
	in := make(chan ingest.Item, 3)
	for i, data := range []string{"a", "slow", "b"} {
		in <- ingest.Item{Source: string(rune('0' + i)), Data: []byte(data)}
	}
	close(in)
	var got []*Document
	start := time.Now()
	err := Run(context.Background(), in, []Stage{stuck, after}, 2, 50*time.Millisecond, nil, func(d *Document) error {
		got = append(got, d)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("run took %v: it waited for the stuck document", el)
	}
	if len(got) != 3 {
		t.Fatalf("%d documents, want 3", len(got))
	}
	for i, d := range got {
		if i == 1 {
			if !errors.Is(d.Err, ErrDocTimeout) || !strings.Contains(d.Err.Error(), "stuck") {
				t.Errorf("slow document: err %v, want a timeout in stage stuck", d.Err)
			}
			// The input is not kept while the document runs, but its row
			// still counts its bytes.
			if row, _, _ := d.Rows(); row.Bytes != int64(len("slow")) || d.Item.Source != "1" || d.Title != "" {
				t.Errorf("slow document: %+v", d)
			}
			continue
		}
		if d.Err != nil || d.Title != "done" {
			t.Errorf("document %d: err %v, title %q", i, d.Err, d.Title)
		}
	}
}

// TestDocTimeoutWorkerGoesOn: a worker whose document is left running in
// its runner goes on with the next documents on a new one (each worker
// runs its documents on one goroutine; reusing the busy one would block).
func TestDocTimeoutWorkerGoesOn(t *testing.T) {
	for _, tc := range []struct {
		workers int
		docs    []string
	}{
		{1, []string{"slow", "a", "b"}},
		{1, []string{"a", "slow", "slow", "b", "c"}},
		{2, []string{"slow", "slow", "slow", "a", "b", "c"}},
	} {
		release := make(chan struct{})
		stuck := stageFunc{"stuck", func(ctx context.Context, d *Document) error {
			if string(d.Item.Data) == "slow" {
				<-release
			}
			d.Text = string(d.Item.Data)
			return nil
		}}
		in := make(chan ingest.Item, len(tc.docs))
		for i, data := range tc.docs {
			in <- ingest.Item{Source: string(rune('0' + i)), Data: []byte(data)}
		}
		close(in)
		var got []*Document
		done := make(chan error, 1)
		go func() {
			done <- Run(context.Background(), in, []Stage{stuck}, tc.workers, 20*time.Millisecond, nil, func(d *Document) error {
				got = append(got, d)
				return nil
			})
		}()
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("%d workers, %q: %v", tc.workers, tc.docs, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%d workers, %q: the run is blocked behind a stuck document", tc.workers, tc.docs)
		}
		close(release)
		if len(got) != len(tc.docs) {
			t.Fatalf("%d workers, %q: %d documents", tc.workers, tc.docs, len(got))
		}
		for i, d := range got {
			slow := tc.docs[i] == "slow"
			if slow != errors.Is(d.Err, ErrDocTimeout) || !slow && d.Text != tc.docs[i] {
				t.Errorf("%d workers, %q: document %d: err %v, text %q", tc.workers, tc.docs, i, d.Err, d.Text)
			}
		}
	}
}

// TestDocTimeoutWatched: a stage that watches its context stops at the
// deadline, and the document fails with the limit, not a bare
// "context deadline exceeded".
func TestDocTimeoutWatched(t *testing.T) {
	watch := stageFunc{"watch", func(ctx context.Context, d *Document) error {
		<-ctx.Done()
		return ctx.Err()
	}}
	d := ProcessWithin(context.Background(), ingest.Item{Source: "x"}, []Stage{watch}, nil, 20*time.Millisecond)
	if !errors.Is(d.Err, ErrDocTimeout) || !strings.Contains(d.Err.Error(), "watch") {
		t.Errorf("err %v, want a timeout in stage watch", d.Err)
	}
}

// TestDocTimeoutCancel: cancelling the run is not a timeout; the document
// comes back with the cancellation at once.
func TestDocTimeoutCancel(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	block := stageFunc{"block", func(ctx context.Context, d *Document) error {
		<-release
		return nil
	}}
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(20 * time.Millisecond); cancel() }()
	d := ProcessWithin(ctx, ingest.Item{Source: "x"}, []Stage{block}, nil, time.Hour)
	if !errors.Is(d.Err, context.Canceled) || errors.Is(d.Err, ErrDocTimeout) {
		t.Errorf("err %v, want the cancellation", d.Err)
	}
}

// TestStopKeepsFinished: cancelling a run while one document is stuck in a
// stage that ignores its context returns within a second, writes every
// document that finished (those after the stuck one too) and leaves out
// the stuck one, so that --resume takes it. With and without a document
// time limit.
func TestStopKeepsFinished(t *testing.T) {
	for _, limit := range []time.Duration{0, time.Minute} {
		t.Run(limit.String(), func(t *testing.T) {
			release := make(chan struct{})
			defer close(release)
			var finished atomic.Int32
			stage := stageFunc{"work", func(ctx context.Context, d *Document) error {
				if d.Item.Source == "stuck" {
					<-release // ignores ctx
					return nil
				}
				finished.Add(1)
				return nil
			}}
			in := make(chan ingest.Item)
			go func() {
				defer close(in)
				for _, s := range []string{"a", "stuck", "b", "c", "d", "e"} {
					in <- ingest.Item{Source: s}
				}
			}()
			ctx, cancel := context.WithCancel(context.Background())
			go func() {
				for finished.Load() < 5 {
					time.Sleep(time.Millisecond)
				}
				cancel()
			}()
			var got []string
			errc := make(chan error, 1)
			go func() {
				errc <- Run(ctx, in, []Stage{stage}, 3, limit, nil, func(d *Document) error {
					got = append(got, d.Item.Source)
					return nil
				})
			}()
			<-ctx.Done()
			select {
			case err := <-errc:
				if !errors.Is(err, context.Canceled) {
					t.Fatalf("err %v", err)
				}
			case <-time.After(time.Second):
				t.Fatal("run still going a second after the stop")
			}
			if strings.Join(got, ",") != "a,b,c,d,e" {
				t.Errorf("written %v, want every finished document, in order, without the stuck one", got)
			}
		})
	}
}

// TestRunFedOrder: documents fed by a reader that runs ahead come out in
// input order, each processed once, whatever order the workers finish in.
func TestRunFedOrder(t *testing.T) {
	var calls atomic.Int32
	stage := stageFunc{"s", func(ctx context.Context, d *Document) error {
		calls.Add(1)
		if len(d.Item.Source)%3 == 0 {
			time.Sleep(time.Millisecond) // finish out of order
		}
		d.Text = d.Item.Source
		return nil
	}}
	const n = 200
	var got []string
	err := RunFed(context.Background(), func(submit func(ingest.Item) error) {
		for i := range n {
			if err := submit(ingest.Item{Source: strings.Repeat("x", i%7+1) + string(rune('a'+i%26)) + time.Duration(i).String()}); err != nil {
				t.Errorf("submit %d: %v", i, err)
				return
			}
		}
	}, []Stage{stage}, 3, time.Minute, nil, func(d *Document) error {
		got = append(got, d.Text)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != n || calls.Load() != n {
		t.Fatalf("%d documents emitted, %d processed, want %d", len(got), calls.Load(), n)
	}
	for i, s := range got {
		if want := strings.Repeat("x", i%7+1) + string(rune('a'+i%26)) + time.Duration(i).String(); s != want {
			t.Fatalf("document %d is %q, want %q", i, s, want)
		}
	}
}

// TestRunFedStops: once the run stops on an error of emit, submit fails
// at once and takes nothing more, so the reader ends instead of reading
// the rest of its input.
func TestRunFedStops(t *testing.T) {
	stage := stageFunc{"s", func(ctx context.Context, d *Document) error { return nil }}
	stop := errors.New("disk full")
	fed := make(chan int, 1)
	err := RunFed(context.Background(), func(submit func(ingest.Item) error) {
		i := 0
		for ; i < 100000; i++ {
			if submit(ingest.Item{Source: "x"}) != nil {
				break
			}
		}
		fed <- i
	}, []Stage{stage}, 2, 0, nil, func(d *Document) error { return stop })
	if !errors.Is(err, stop) {
		t.Fatalf("err %v, want %v", err, stop)
	}
	select {
	case i := <-fed:
		if i >= 100000 {
			t.Errorf("the reader submitted all %d items after the run stopped", i)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the reader is still submitting after the run stopped")
	}
}
