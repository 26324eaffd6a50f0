// Package batch drives a whole run: it expands the inputs, streams them
// through the stages with a bounded worker pool, and writes the output tables.
package batch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/zhextract/zhextract/pipeline"
	"github.com/zhextract/zhextract/pipeline/ingest"
	"github.com/zhextract/zhextract/pipeline/schema"
	"github.com/zhextract/zhextract/pipeline/sink"
)

// Shard selects a deterministic part of the inputs: shard Index of Count.
type Shard struct {
	Index, Count int // Index in [0, Count); Count 0 means no sharding
}

// ParseShard reads "i/n".
func ParseShard(s string) (Shard, error) {
	if s == "" {
		return Shard{}, nil
	}
	a, b, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || n < 1 || i < 0 || i >= n {
		return Shard{}, fmt.Errorf("bad shard %q: want i/n with 0 <= i < n", s)
	}
	return Shard{i, n}, nil
}

// Has reports whether source belongs to the shard. The hash is of the source
// name, so every machine of an array job agrees without coordination.
func (s Shard) Has(source string) bool {
	if s.Count <= 1 {
		return true
	}
	h := fnv.New64a()
	io.WriteString(h, source)
	return h.Sum64()%uint64(s.Count) == uint64(s.Index)
}

// Suffix is the file-name suffix of the shard's output parts.
func (s Shard) Suffix() string {
	if s.Count == 0 {
		return ""
	}
	return fmt.Sprintf("-%05d-of-%05d", s.Index, s.Count)
}

// Config is one run.
type Config struct {
	Inputs  []string
	Stdin   io.Reader
	Out     string
	Formats []string
	Workers int
	Stages  []pipeline.Stage
	Shard   Shard
	// Resume continues the output in Out: the documents already recorded
	// there are skipped (failed ones are retried unless SkipFailed) and
	// the new rows go to a new part beside the old ones.
	Resume, SkipFailed bool
	// Force removes tables in Out that the run would neither replace nor
	// continue (another format, shard layout or run); without it the run
	// refuses to start.
	Force bool
	// Done, when set, names the sources already in the output (set by
	// Resume, or by callers that write through Writer).
	Done map[string]bool
	// Suffix is added to output names (after the shard suffix).
	Suffix   string
	MaxBytes int64
	// DocTimeout fails a document still being processed after it (0: no
	// limit; see pipeline.ProcessWithin).
	DocTimeout time.Duration
	// Progress, when set, is called after each document with the counts so
	// far; total is the number of input files (JSONL lines are not known).
	Progress func(Progress)
	Timings  *pipeline.Timings
	// Writer overrides the output (tests, bench); Out and Formats are then
	// ignored.
	Writer sink.Writer
}

// Progress is a snapshot of a running batch.
type Progress struct {
	Docs, Failed, Figures int
	Files, TotalFiles     int
	Bytes                 int64
	Elapsed               time.Duration
}

// Summary describes a finished (or interrupted) run.
type Summary struct {
	Docs, Failed, Figures, Edits int
	// Skipped counts WARC records that are no documents (requests,
	// metadata, images, scripts, redirects).
	Skipped int
	// SkippedEntries counts the entries of input folders left out for
	// what they are (ingest.SkipSpecial, ...), by reason.
	SkippedEntries map[string]int
	Missing        []error
	Bytes          int64
	Elapsed        time.Duration
	Interrupted    bool
}

// readerGrace bounds how long a stopped run waits for its reader.
const readerGrace = 300 * time.Millisecond

// ErrNothingProcessed is returned when no input document could be processed.
var ErrNothingProcessed = errors.New("no input document could be processed")

// Run executes the batch. Failed documents are rows, not errors: Run fails
// only when the output cannot be written, or nothing could be processed.
func Run(ctx context.Context, cfg Config) (Summary, error) {
	start := time.Now()
	var sum Summary
	exclude := []string{cfg.Out}
	w := cfg.Writer
	var stale []string
	var failedBefore map[string]bool
	retried := map[string]bool{}
	retries := 0 // documents processed again because an earlier part has them failed
	if w == nil {
		out, err := openOutput(&cfg)
		if err != nil {
			return sum, err
		}
		defer out.release()
		stale, failedBefore = out.stale, out.failed
		for src := range out.superseded {
			retried[src] = true
		}
		w, err = sink.Open(sink.Naming{Dir: cfg.Out, Suffix: cfg.Shard.Suffix() + cfg.Suffix}, cfg.Formats)
		if err != nil {
			return sum, err
		}
	}
	skip := func(source string) bool {
		return !cfg.Shard.Has(source) || cfg.Done[source]
	}
	// JSONL ids are made unique within the run, and with --resume across
	// the parts already written.
	ids := ingest.NewIDSet()
	if cfg.Done != nil && cfg.Writer == nil {
		if err := givenIDs(cfg.Out, failedBefore, ids.Add); err != nil {
			w.Abort()
			return sum, err
		}
	}
	var files, totalFiles, skipped atomic.Int64
	if cfg.Progress != nil {
		// The reader streams the inputs without listing them first; a
		// second walk counts them for the progress bar.
		go func() {
			var n int64
			ingest.Walk(cfg.Inputs, exclude, func(string) error {
				n++
				return ctx.Err()
			})
			totalFiles.Store(n)
		}()
	}
	var skippedMu sync.Mutex
	var skippedEntries map[string]int
	type readEnd struct {
		missing []error
		err     error
	}
	readDone := make(chan readEnd, 1)
	// The reader is the run's feed: it reads ahead of the workers as far
	// as the window of documents in flight goes.
	feed := func(submit func(ingest.Item) error) {
		opt := ingest.Options{MaxBytes: cfg.MaxBytes, StreamBytes: pipeline.StreamBytes(cfg.Stages), Skip: skip, IDs: ids, Skipped: func(source, reason string) {
			skipped.Add(1)
			slog.Debug("WARC record skipped", "source", source, "reason", reason)
		}}
		noteSkip := func(path, reason string) {
			skippedMu.Lock()
			if skippedEntries == nil {
				skippedEntries = map[string]int{}
			}
			skippedEntries[reason]++
			skippedMu.Unlock()
			slog.Info("folder entry skipped", "path", ingest.EscapeName(path), "reason", reason)
		}
		missing, err := ingest.WalkNoting(cfg.Inputs, exclude, func(p string) error {
			err := ingest.Read(ctx, p, cfg.Stdin, opt, func(it ingest.Item) error {
				stdinID(&it)
				return submit(it)
			})
			files.Add(1)
			return err
		}, noteSkip)
		for _, err := range missing {
			slog.Error("input not found", "err", err)
		}
		readDone <- readEnd{missing, err}
	}

	runErr := pipeline.RunFed(ctx, feed, cfg.Stages, cfg.Workers, cfg.DocTimeout, cfg.Timings, func(d *pipeline.Document) error {
		doc, figs, edits := d.RowsStream()
		if err := sink.WriteRows(w, doc, figs, edits); err != nil {
			return err
		}
		sum.Docs++
		if failedBefore[doc.Source] {
			retried[doc.Source] = true
			retries++
		}
		if doc.Status != schema.StatusOK {
			sum.Failed++
			slog.Warn("document failed", "source", doc.Source, "err", doc.Error)
		}
		sum.Figures += figs.Len()
		sum.Edits += edits.Len()
		sum.Bytes += doc.Bytes
		if cfg.Progress != nil {
			cfg.Progress(Progress{Docs: sum.Docs, Failed: sum.Failed, Figures: sum.Figures, Files: int(files.Load()), TotalFiles: int(totalFiles.Load()), Bytes: sum.Bytes, Elapsed: time.Since(start)})
		}
		return nil
	})
	// A stopped run does not wait long for the reader (its submit fails
	// once the run stopped): a read blocked in the system (a FIFO, a
	// stalled network file system) is left behind, and the files are
	// completed without it.
	var end readEnd
	if ctx.Err() == nil {
		end = <-readDone
	} else {
		select {
		case end = <-readDone:
		case <-time.After(readerGrace):
			slog.Warn("stopped without waiting for an input still being read")
		}
	}
	missing, rerr := end.missing, end.err
	sum.Missing = missing
	sum.Skipped = int(skipped.Load())
	skippedMu.Lock()
	sum.SkippedEntries = skippedEntries
	skippedMu.Unlock()
	sum.Elapsed = time.Since(start)
	if runErr != nil && ctx.Err() == nil {
		w.Abort()
		return sum, runErr
	}
	if ctx.Err() != nil {
		// Interrupted: keep what is complete (valid files, every row whole) so
		// that --resume can continue from it.
		sum.Interrupted = true
	}
	// A run that processed nothing leaves the output as it was: a typo in
	// an input path must not replace good tables with empty ones. (An empty
	// shard part is still written: the shard set is incomplete without it.)
	if sum.Docs == 0 && (cfg.Shard.Count == 0 || cfg.Suffix != "" || files.Load() == 0) {
		w.Abort()
		// Old rows a stopped run left beside their retries go all the same.
		if len(retried) > 0 && !sum.Interrupted && files.Load() > 0 {
			if err := dropFailed(cfg.Out, cfg.Shard.Suffix()+cfg.Suffix, retried); err != nil {
				return sum, err
			}
		}
	} else {
		if err := w.Close(); err != nil {
			return sum, err
		}
		if err := removeStale(cfg.Out, stale); err != nil {
			return sum, err
		}
		// A stopped run leaves the old rows of its retries to the next
		// run (resume finds them superseded): rewriting the earlier parts
		// could take seconds, and Ctrl-C must not wait for it.
		if len(retried) > 0 && !sum.Interrupted {
			if err := dropFailed(cfg.Out, cfg.Shard.Suffix()+cfg.Suffix, retried); err != nil {
				return sum, err
			}
		}
	}
	if sum.Interrupted {
		return sum, ctx.Err()
	}
	if rerr != nil {
		return sum, rerr
	}
	switch {
	case sum.Docs > sum.Failed:
		return sum, nil
	case sum.Docs == 0 && len(missing) == 0 && files.Load() > 0:
		// Every input belonged to another shard or was already done.
		return sum, nil
	case sum.Docs == 0 && len(missing) == 0:
		return sum, fmt.Errorf("%w: no inputs given", ErrNothingProcessed)
	case sum.Docs == retries && len(missing) == 0:
		// A resume whose only work was retrying documents that had failed
		// and fail again: everything processable is done, and a loop of
		// "resume until exit 0" must end.
		return sum, nil
	}
	return sum, ErrNothingProcessed
}

// stdinID gives a document read from stdin a doc_id from its content: its
// source ("-", or "-:LINE" for a JSONL line) is the same in every run, so
// the id derived from it was too, and outputs of two runs joined on doc_id
// mixed unrelated documents. A JSONL line's own id is kept; the line number
// keeps two identical lines apart within a run.
func stdinID(it *ingest.Item) {
	if it.Source != "-" && !strings.HasPrefix(it.Source, "-:") || it.ID != ingest.DocID(it.Source) {
		return
	}
	h := sha256.New()
	if it.Source != "-" {
		io.WriteString(h, it.Source)
		h.Write([]byte{0})
	}
	h.Write(it.Data)
	it.ID = hex.EncodeToString(h.Sum(nil)[:8])
}
