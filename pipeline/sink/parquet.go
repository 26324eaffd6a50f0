package sink

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/parquet-go/parquet-go"

	"github.com/zhextract/zhextract/internal/buildinfo"
	"github.com/zhextract/zhextract/pipeline/schema"
)

// rowGroupBytes bounds the text buffered before a row group is flushed: the
// documents table carries whole texts, so a row count alone would let memory
// grow with document size.
const rowGroupBytes = 32 << 20

// blobColumns are the columns of long free text (in any of the tables).
var blobColumns = []string{"text", "text_original_script", "sentence", "old", "new"}

// ParquetTable writes rows of one table as Parquet to any io.Writer, with
// the options every zhextract output uses (zstd, row groups flushed every
// rowGroupBytes). Other writers of zhextract's tables (the Beam pipeline)
// use it so that their files match run's exactly.
type ParquetTable[T any] struct {
	name    string
	out     *tailWriter
	buf     *bufio.Writer
	w       *parquet.GenericWriter[T]
	pending int64 // approximate bytes buffered since the last flush
	// keepTextIndexes leaves the free-text columns' column indexes in the
	// file: writeLargeDocument's one-row file, whose indexes it composes
	// into the output (where they are then dropped).
	keepTextIndexes bool
	// nullCols are the field indexes in T of its NULL-when-empty text
	// columns: parquet-go v0.32 writes "" instead of null in some rows of a
	// batch for such a column (see nullSafeLen), so batches of tables that
	// have them are cut where that would happen.
	nullCols []int
	// held are rows Hold took and has not written yet, heldBytes their
	// approximate size.
	held      []T
	heldBytes int64
}

var nullStringType = reflect.TypeFor[schema.NullString]()

// nullStringFields returns the indexes of t's NullString fields.
func nullStringFields(t reflect.Type) []int {
	var idx []int
	for i := 0; i < t.NumField(); i++ {
		if t.Field(i).Type == nullStringType {
			idx = append(idx, i)
		}
	}
	return idx
}

// NewParquetTable starts a Parquet file on w; name is used in errors.
func NewParquetTable[T any](w io.Writer, name string) *ParquetTable[T] {
	out := &tailWriter{w: w}
	// 64 KB coalesces the writer's small writes (page headers, the
	// footer); pages larger than that go straight through. A 1 MB buffer
	// per table was 3 MB to allocate and fault in before a run's first row.
	b := bufio.NewWriterSize(out, 64<<10)
	bi := buildinfo.Read()
	opts := []parquet.WriterOption{
		parquet.Compression(newZstdCodec()),
		// "zhextract version v… (build REVISION)": which build wrote the
		// file. parquet-go puts no space before "(build".
		parquet.CreatedBy("zhextract", bi.Version+" ", cmp.Or(bi.ShortRevision(), "unknown")),
		parquet.MaxRowsPerRowGroup(1 << 20),
	}
	// Min/max bounds of whole texts are useless for filtering and costly:
	// the writer keeps every page's bounds until the footer, so memory grew
	// with the corpus (68 MB of bounds at 1 GB of input), and page headers
	// repeated the texts.
	for _, col := range blobColumns {
		opts = append(opts, parquet.SkipPageBounds(col), parquet.SkipPageStatistics(col))
	}
	pw := parquet.NewGenericWriter[T](b, opts...)
	var zero T
	var nullCols []int
	if rt := reflect.TypeOf(zero); rt != nil && rt.Kind() == reflect.Struct {
		nullCols = nullStringFields(rt)
	}
	return &ParquetTable[T]{name: name, out: out, buf: b, w: pw, nullCols: nullCols}
}

// Write appends rows; size approximates their bytes. The rows are written
// before Write returns (after any that Hold kept), so the caller may reuse
// them.
func (t *ParquetTable[T]) Write(rows []T, size int64) error {
	if len(rows) == 0 {
		return nil
	}
	if err := t.writeHeld(); err != nil {
		return err
	}
	if err := t.write(rows); err != nil {
		return err
	}
	return t.account(size)
}

// Rows Hold keeps are written once they are holdRows or holdBytes: a call
// into parquet-go costs about as much per column for one row as for a
// hundred, and the documents and figures tables took one call a document.
// The bytes bound what is kept alive (the documents' texts).
const (
	holdRows  = 128
	holdBytes = 1 << 20
)

// Hold appends rows as Write does, into the same row groups, but may keep
// them to write with later rows in one call: the caller must not change
// them, or what they point to, afterwards.
func (t *ParquetTable[T]) Hold(rows []T, size int64) error {
	if len(rows) == 0 {
		return nil
	}
	t.held = append(t.held, rows...)
	t.heldBytes += size
	t.pending += size
	if t.pending >= rowGroupBytes {
		// The row group ends after the same row as with Write.
		if err := t.writeHeld(); err != nil {
			return err
		}
		t.pending = 0
		if err := t.w.Flush(); err != nil {
			return fmt.Errorf("write %s: %w", t.name, err)
		}
		return nil
	}
	if len(t.held) >= holdRows || t.heldBytes >= holdBytes {
		return t.writeHeld()
	}
	return nil
}

// writeHeld writes the rows Hold kept.
func (t *ParquetTable[T]) writeHeld() error {
	if len(t.held) == 0 {
		return nil
	}
	err := t.write(t.held)
	clear(t.held) // let the texts go
	t.held, t.heldBytes = t.held[:0], 0
	return err
}

// write hands rows to parquet-go in as few calls as the NULL columns allow.
func (t *ParquetTable[T]) write(rows []T) error {
	for len(rows) > 0 {
		n := len(rows)
		if len(t.nullCols) > 0 {
			n = nullSafeLen(rows, t.nullCols)
		}
		if _, err := t.w.Write(rows[:n]); err != nil {
			return fmt.Errorf("write %s: %w", t.name, err)
		}
		rows = rows[n:]
	}
	return nil
}

// account adds size to the row group's bytes and ends the row group once
// they reach rowGroupBytes.
func (t *ParquetTable[T]) account(size int64) error {
	t.pending += size
	if t.pending >= rowGroupBytes {
		t.pending = 0
		if err := t.w.Flush(); err != nil {
			return fmt.Errorf("write %s: %w", t.name, err)
		}
	}
	return nil
}

// nullSafeLen returns how many of rows, from the first, one parquet-go
// v0.32 call writes with every NullString column
// NULL exactly where it is empty; at least one (cols: their field
// indexes). The writer splits an
// optional column's rows into runs of nulls and values by a bitmap of 64
// rows a word; where a run of values starts at bit y > 0 of a word, a
// wrong test (remaining bits == 1<<y - 1, meant as "all of them") takes
// a run of exactly y values followed only by nulls in its word as running
// to the word's end, and writes those nulls as "". A call that stops at
// such a run's start has the run begin the next call at bit 0. Cutting
// changes the bitmap of the rows before the cut (its later bits are
// gone), so the shorter batch is checked again.
func nullSafeLen[T any](rows []T, cols []int) int {
	n := len(rows)
	for {
		cut := n
		for _, f := range cols {
			if c := firstUnsafeRun(rows[:n], f); c < cut {
				cut = c
			}
		}
		if cut == n {
			return n
		}
		n = cut
	}
}

// firstUnsafeRun returns the first row of rows where a run of non-empty
// values of the string field f starts at a position parquet-go
// mishandles (see nullSafeLen), or len(rows).
func firstUnsafeRun[T any](rows []T, f int) int {
	present := func(i int) bool {
		return reflect.ValueOf(&rows[i]).Elem().Field(f).Len() > 0
	}
	n := len(rows)
	var word uint64 // bits of the current 64-row word, filled as read
	wordAt := -1
	for s := 1; s < n; s++ {
		y := s % 64
		if y == 0 || !present(s) || present(s-1) {
			continue
		}
		if base := s - y; base != wordAt {
			wordAt, word = base, 0
			for i := base; i < min(base+64, n); i++ {
				if present(i) {
					word |= 1 << uint(i-base)
				}
			}
		}
		if word>>uint(y) == 1<<uint(y)-1 && s+y < n {
			return s
		}
	}
	return n
}

// Close writes the footer and flushes; it does not close the io.Writer.
// The page index and footer parquet-go writes are held back and written
// with their column indexes made true to the format (see rewritePageIndex).
func (t *ParquetTable[T]) Close() error {
	if err := t.writeHeld(); err != nil {
		return err
	}
	if err := t.w.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", t.name, err)
	}
	if err := t.buf.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", t.name, err)
	}
	t.out.hold()
	if err := t.w.Close(); err != nil {
		return fmt.Errorf("write %s: %w", t.name, err)
	}
	if err := t.buf.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", t.name, err)
	}
	tail := t.out.held.Bytes()
	if !t.keepTextIndexes {
		var err error
		if tail, err = rewritePageIndex(tail, t.out.heldAt); err != nil {
			return fmt.Errorf("write %s: %w", t.name, err)
		}
	}
	if _, err := t.out.w.Write(tail); err != nil {
		return fmt.Errorf("write %s: %w", t.name, err)
	}
	return nil
}

// ParquetSet writes the three tables of one output (or one part of it) to
// three io.Writers, sizing row groups the same way everywhere.
type ParquetSet struct {
	docs  *ParquetTable[schema.Document]
	figs  *ParquetTable[schema.Figure]
	edits *ParquetTable[schema.Edit]
}

// NewParquetSet starts the documents, figures and edits files on the given
// writers; names are used in errors.
func NewParquetSet(docs, figs, edits io.Writer, names [3]string) *ParquetSet {
	return &ParquetSet{
		docs:  NewParquetTable[schema.Document](docs, names[0]),
		figs:  NewParquetTable[schema.Figure](figs, names[1]),
		edits: NewParquetTable[schema.Edit](edits, names[2]),
	}
}

// Write appends one document's rows. They may be held and written with
// later documents' rows (ParquetTable.Hold): the caller may reuse the
// slices but must not change what the rows point to.
func (p *ParquetSet) Write(d schema.Document, figs []schema.Figure, edits []schema.Edit) error {
	if err := p.holdDoc(d); err != nil {
		return err
	}
	if err := p.holdFigs(figs); err != nil {
		return err
	}
	return p.holdEdits(edits)
}

// writeDoc, writeFigs and writeEdits write a document's rows before they
// return; holdDoc, holdFigs and holdEdits may keep them to write with
// later rows (ParquetTable.Hold), for rows the caller never changes again.
func (p *ParquetSet) writeDoc(d schema.Document) error  { return p.doc(d, false) }
func (p *ParquetSet) writeFigs(f []schema.Figure) error { return p.figures(f, false) }
func (p *ParquetSet) writeEdits(e []schema.Edit) error  { return p.editRows(e, false) }
func (p *ParquetSet) holdDoc(d schema.Document) error   { return p.doc(d, true) }
func (p *ParquetSet) holdFigs(f []schema.Figure) error  { return p.figures(f, true) }
func (p *ParquetSet) holdEdits(e []schema.Edit) error   { return p.editRows(e, true) }

func (p *ParquetSet) doc(d schema.Document, hold bool) error {
	if texts, ok := largeTexts(d); ok {
		return writeLargeDocument(p.docs, d, texts)
	}
	// The Parquet writer takes a row's values whole.
	d, err := d.Materialize()
	if err != nil {
		return fmt.Errorf("write %s: %w", p.docs.name, err)
	}
	size := int64(len(d.Text) + len(d.TextOriginalScript) + 256)
	if hold {
		return p.docs.Hold([]schema.Document{d}, size)
	}
	return p.docs.Write([]schema.Document{d}, size)
}

func (p *ParquetSet) figures(figs []schema.Figure, hold bool) error {
	var fs int64
	for _, f := range figs {
		fs += int64(len(f.Sentence) + len(f.Raw) + 128)
	}
	if hold {
		return p.figs.Hold(figs, fs)
	}
	return p.figs.Write(figs, fs)
}

func (p *ParquetSet) editRows(edits []schema.Edit, hold bool) error {
	var es int64
	for _, e := range edits {
		es += int64(len(e.Old) + len(e.New) + len(e.Reason) + 64)
	}
	if hold {
		return p.edits.Hold(edits, es)
	}
	return p.edits.Write(edits, es)
}

// Close completes all three files (it does not close the writers).
func (p *ParquetSet) Close() error {
	return errors.Join(p.docs.Close(), p.figs.Close(), p.edits.Close())
}

// parquetWriter is the local-file Writer: a ParquetSet over temporary files
// renamed when all three are complete. Each table is encoded on its own
// goroutine (a tableQueue): Write only queues the rows, so compressing a
// row group no longer holds up the goroutine that puts documents in order,
// and the three tables compress side by side. Each table still receives its
// rows in order, so the files are the same bytes as when written in line.
type parquetWriter struct {
	set    *ParquetSet
	files  []*tempFile
	queues [3]*tableQueue
	// pending holds each table's writes not yet queued, pendingBytes the
	// documents' text in them: writes go to the queues a batch at a time
	// (pendingDocs documents, or pendingBytes of text), since a queue
	// woken for every document's rows cost a goroutine switch each.
	pending      [3][]func() error
	pendingBytes int
	// drained is set once the queues are closed and waited for.
	drained bool
}

// pendingDocs and pendingText bound the writes held before they are
// queued: few enough documents that memory stays a few documents' worth.
const (
	pendingDocs = 16
	pendingText = 1 << 20
)

func newParquet(n Naming) (*parquetWriter, error) {
	w := &parquetWriter{}
	var names [3]string
	for i, t := range Tables {
		names[i] = n.Path(t, "parquet")
		f, err := createTemp(names[i])
		if err != nil {
			w.Abort()
			return nil, err
		}
		w.files = append(w.files, f)
	}
	w.set = NewParquetSet(w.files[0], w.files[1], w.files[2], names)
	for i := range w.queues {
		w.queues[i] = newTableQueue()
	}
	return w, nil
}

func (w *parquetWriter) Write(d schema.Document, figs []schema.Figure, edits []schema.Edit) error {
	// The caller may reuse its slices once Write returns (the rows'
	// values it does not change: they may be held, see ParquetTable.Hold).
	figs, edits = slices.Clone(figs), slices.Clone(edits)
	w.pending[0] = append(w.pending[0], func() error { return w.set.holdDoc(d) })
	w.pending[1] = append(w.pending[1], func() error { return w.set.holdFigs(figs) })
	w.pending[2] = append(w.pending[2], func() error { return w.set.holdEdits(edits) })
	w.pendingBytes += len(d.Text) + len(d.TextOriginalScript)
	if len(w.pending[0]) < pendingDocs && w.pendingBytes < pendingText {
		return nil
	}
	return w.queuePending()
}

// queuePending queues the writes held in pending, one job a table, in
// order.
func (w *parquetWriter) queuePending() error {
	var errs []error
	for i, q := range w.queues {
		jobs := w.pending[i]
		w.pending[i] = nil
		if len(jobs) == 0 {
			continue
		}
		errs = append(errs, q.put(func() error {
			for _, job := range jobs {
				if err := job(); err != nil {
					return err
				}
			}
			return nil
		}))
	}
	w.pendingBytes = 0
	return errors.Join(errs...)
}

// WriteRows implements RowsWriter: a large document's figures and edits
// are read from their files in batches as they are encoded, instead of
// whole (1.6 times a 1 GB file's size), and it returns once they are
// written, since they are read from the document's state. Rows held in
// memory are written as Write writes them.
func (w *parquetWriter) WriteRows(d schema.Document, figs schema.Rows[schema.Figure], edits schema.Rows[schema.Edit]) error {
	fs, fok := figs.(schema.RowSlice[schema.Figure])
	es, eok := edits.(schema.RowSlice[schema.Edit])
	if fok && eok {
		return w.Write(d, fs, es)
	}
	if err := w.queuePending(); err != nil {
		return err
	}
	if err := w.queues[0].put(func() error { return w.set.holdDoc(d) }); err != nil {
		return err
	}
	// inBatches reuses its batches: they are written, not held.
	return errors.Join(
		w.queues[1].runWaiting(func() error { return inBatches(figs, w.set.writeFigs) }),
		w.queues[2].runWaiting(func() error { return inBatches(edits, w.set.writeEdits) }),
	)
}

// rowBatch is how many rows of a large document's figures or edits are
// read and encoded at a time.
const rowBatch = 4096

// inBatches calls write with rows, rowBatch at a time, in order. Rows of
// more than one batch are read (from a large document's files) in a
// goroutine of their own while the batch before is encoded: read and
// encoded one after the other, they were the end of a run on one core.
func inBatches[T any](rows schema.Rows[T], write func([]T) error) error {
	if rows.Len() <= rowBatch {
		batch := make([]T, 0, rows.Len())
		if err := rows.Each(func(r T) error {
			batch = append(batch, r)
			return nil
		}); err != nil {
			return err
		}
		if len(batch) > 0 {
			return write(batch)
		}
		return nil
	}
	// Two batches take turns: one filled while the other is written.
	free := make(chan []T, 2)
	free <- make([]T, 0, rowBatch)
	free <- make([]T, 0, rowBatch)
	full := make(chan []T)
	stop := make(chan struct{})
	var readErr error
	go func() {
		defer close(full)
		var batch []T
		select {
		case batch = <-free:
		case <-stop:
			return
		}
		readErr = rows.Each(func(r T) error {
			batch = append(batch, r)
			if len(batch) < rowBatch {
				return nil
			}
			select {
			case full <- batch:
			case <-stop:
				return errStopped
			}
			select {
			case batch = <-free:
			case <-stop:
				return errStopped
			}
			return nil
		})
		if readErr == nil && len(batch) > 0 {
			select {
			case full <- batch:
			case <-stop:
			}
		}
	}()
	var writeErr error
	for batch := range full {
		if writeErr == nil {
			if writeErr = write(batch); writeErr != nil {
				close(stop)
			}
		}
		free <- batch[:0]
	}
	if writeErr != nil {
		return writeErr
	}
	return readErr
}

// errStopped ends a read whose rows are no longer written.
var errStopped = errors.New("rows no longer written")

// drain closes the queues and waits for their goroutines; stop drops the
// rows still queued instead of encoding them.
func (w *parquetWriter) drain(stop bool) error {
	if w.drained {
		return nil
	}
	w.drained = true
	var errs []error
	if stop {
		w.pending = [3][]func() error{}
	} else {
		errs = append(errs, w.queuePending())
	}
	for _, q := range w.queues {
		if q != nil {
			errs = append(errs, q.finish(stop))
		}
	}
	return errors.Join(errs...)
}

func (w *parquetWriter) Close() error {
	if err := w.drain(false); err != nil {
		w.Abort()
		return err
	}
	if err := w.set.Close(); err != nil {
		w.Abort()
		return err
	}
	// Rename only once all three files are complete.
	return commitAll(w.files[:])
}

func (w *parquetWriter) Abort() {
	w.drain(true) //nolint:errcheck // the files are removed anyway
	abortAll(w.files[:])
}

// queueDepth bounds the documents queued for one table: enough to ride
// out a row group's compression, few enough that memory stays a few
// documents' worth.
const queueDepth = 64

// tableQueue runs one table's writes, in the order queued, on a goroutine
// of its own. The first error stops it; put and finish report it.
type tableQueue struct {
	jobs chan queuedJob
	done chan struct{}
	stop atomic.Bool
	mu   sync.Mutex
	err  error
}

func newTableQueue() *tableQueue {
	q := &tableQueue{jobs: make(chan queuedJob, queueDepth), done: make(chan struct{})}
	go q.run()
	return q
}

func (q *tableQueue) run() {
	defer close(q.done)
	for job := range q.jobs {
		// When the writer is failing or being aborted, the rest is
		// drained without running.
		if !q.stop.Load() && q.failed() == nil {
			if err := job.fn(); err != nil {
				q.mu.Lock()
				q.err = err
				q.mu.Unlock()
			}
		}
		if job.ran != nil {
			close(job.ran)
		}
	}
}

func (q *tableQueue) failed() error {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.err
}

// queuedJob is a job and, when its caller waits for it, the channel
// closed once it ran or was dropped.
type queuedJob struct {
	fn  func() error
	ran chan struct{}
}

// put queues job, or returns the error that stopped the queue.
func (q *tableQueue) put(job func() error) error {
	if err := q.failed(); err != nil {
		return err
	}
	q.jobs <- queuedJob{fn: job}
	return nil
}

// runWaiting queues job and waits until it ran (or was dropped), returning the
// queue's error.
func (q *tableQueue) runWaiting(job func() error) error {
	if err := q.failed(); err != nil {
		return err
	}
	ran := make(chan struct{})
	q.jobs <- queuedJob{fn: job, ran: ran}
	<-ran
	return q.failed()
}

// finish closes the queue and waits until its jobs ran (or, with stop,
// were dropped).
func (q *tableQueue) finish(stop bool) error {
	q.stop.Store(stop)
	close(q.jobs)
	<-q.done
	return q.failed()
}
