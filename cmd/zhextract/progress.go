package main

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/zhextract/zhextract/pipeline/batch"
)

// progressBar shows run's progress with mpb: on a terminal one line that
// redraws in place and fits the terminal's width (mpb truncates it), with
// documents/s, MB/s, the ETA and the failed count. The bar measures input
// files, the only total known in advance (a JSONL or WARC file holds many
// documents).
type progressBar struct {
	p   *mpb.Progress
	bar *mpb.Bar

	mu    sync.Mutex
	last  batch.Progress
	total int // files, once the counting walk is done
}

// newProgressBar draws on w. On a terminal mpb redraws in place; elsewhere
// (--progress always on a pipe) it prints a line every refresh, so the
// refresh is slower.
func newProgressBar(w io.Writer, terminal bool) *progressBar {
	b := &progressBar{}
	opts := []mpb.ContainerOption{mpb.WithOutput(w)}
	if !terminal {
		opts = append(opts, mpb.WithWidth(80), mpb.WithAutoRefresh(), mpb.WithRefreshRate(2*time.Second))
	}
	b.p = mpb.New(opts...)
	b.bar = b.p.New(0, mpb.BarStyle().Lbound("[").Rbound("]"),
		mpb.PrependDecorators(decor.Any(b.head, decor.WCSyncSpaceR)),
		mpb.AppendDecorators(decor.Any(b.tail, decor.WCSyncSpace)),
	)
	return b
}

// Writer is where other messages go while the bar is shown: above it, so
// that neither breaks the other.
func (b *progressBar) Writer() io.Writer { return b.p }

// update is batch.Config.Progress: called after each document.
func (b *progressBar) update(p batch.Progress) {
	b.mu.Lock()
	prev := b.last
	b.last = p
	newTotal := p.TotalFiles > 0 && b.total != p.TotalFiles
	if newTotal {
		b.total = p.TotalFiles
	}
	b.mu.Unlock()
	if newTotal {
		b.bar.SetTotal(int64(p.TotalFiles), false)
	}
	// The bar was made with no total, so reaching it completes nothing:
	// only finish does.
	if p.Files != prev.Files {
		b.bar.SetCurrent(int64(p.Files))
	}
}

func (b *progressBar) snapshot() (batch.Progress, int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.last, b.total
}

// head is "6/20 files ETA 1m20s": what fits a narrow terminal comes first.
func (b *progressBar) head(decor.Statistics) string {
	p, total := b.snapshot()
	return progressHead(p, total)
}

// tail is "1234 docs, 5 failed, 85 docs/s, 12.3 MB/s".
func (b *progressBar) tail(decor.Statistics) string {
	p, _ := b.snapshot()
	return progressTail(p)
}

func progressHead(p batch.Progress, total int) string {
	if total == 0 {
		return fmt.Sprintf("%d files ETA -", p.Files) // still counting them
	}
	eta := "-"
	if p.Files > 0 && p.Files <= total {
		left := time.Duration(float64(p.Elapsed) * float64(total-p.Files) / float64(p.Files))
		eta = left.Round(time.Second).String()
	}
	return fmt.Sprintf("%d/%d files ETA %s", p.Files, total, eta)
}

func progressTail(p batch.Progress) string {
	docsPerS, mbPerS := 0.0, 0.0
	if s := p.Elapsed.Seconds(); s > 0 {
		docsPerS, mbPerS = float64(p.Docs)/s, float64(p.Bytes)/(1<<20)/s
	}
	return fmt.Sprintf("%d docs, %d failed, %.0f docs/s, %.1f MB/s", p.Docs, p.Failed, docsPerS, mbPerS)
}

// finish draws the final state and waits for mpb to stop.
func (b *progressBar) finish() {
	b.bar.SetTotal(-1, true)
	b.p.Wait()
}
