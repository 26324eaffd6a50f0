// Package beampipe runs zhextract's pipeline on Apache Beam: the same ingest,
// stages and output rows as `zhextract run`, reading and writing through
// Beam's file systems so that any Beam runner can execute it.
//
// Shape: Impulse -> expand the input globs -> Reshuffle (spreads files over
// workers) -> process (read, run the stages, write one part of the three
// tables per bundle under a temporary directory) -> one finalize step that
// renames the parts to TABLE-%05d-of-%05d.parquet and removes the temporary
// directory. Rows never cross a shuffle, so they need no coder, and a retried
// bundle only leaves temporary files that the finalize step removes.
package beampipe

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local" // local paths
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/zhextract/zhextract/pipeline"
	"github.com/zhextract/zhextract/pipeline/ingest"
	"github.com/zhextract/zhextract/pipeline/schema"
	"github.com/zhextract/zhextract/pipeline/stages"
)

// tables are the output tables, in pipeline/sink's order.
var tables = [3]string{"documents", "figures", "edits"}

func init() {
	register.DoFn3x1[context.Context, []byte, func(string), error](&expandFn{})
	register.DoFn3x1[context.Context, string, func(Part), error](&processFn{})
	register.DoFn3x1[context.Context, int, func(*Part) bool, error](&finalizeFn{})
	register.Emitter1[string]()
	register.Emitter1[Part]()
	register.Iter1[Part]()
}

// Config is one pipeline.
type Config struct {
	// Inputs are files, folders or globs. Local ones are expanded exactly as
	// `zhextract run` expands its arguments (folders walked for document
	// files); others (gs://...) are listed by Beam's file system for their
	// scheme.
	Inputs []string
	// Output is the directory (or object-store prefix) for the parts.
	Output string
	// Convert is the OpenCC config for the clean text ("t2s" when empty).
	Convert string
	// MaxBytes caps one document, as `run --max-mb` does.
	MaxBytes int64
	// JobID names the temporary directory; unique per launch (NewJobID).
	JobID string
}

// NewJobID returns a random id for Config.JobID.
func NewJobID() string { return randomHex(6) }

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b) // never fails (crypto/rand since Go 1.24)
	return hex.EncodeToString(b)
}

// Part is one bundle's output, waiting under the temporary directory.
type Part struct {
	// First is the smallest source in the part: sorting by it numbers the
	// parts deterministically for a given bundling.
	First  string
	Prefix string // the part's files are Prefix+TABLE.parquet
	Docs   int64
}

func (c Config) tempDir() string {
	return join(c.Output, ".zhextract-beam-"+c.JobID)
}

// Build adds the pipeline to s.
func Build(s beam.Scope, cfg Config) error {
	if len(cfg.Inputs) == 0 {
		return errors.New("no input given")
	}
	if cfg.Output == "" {
		return errors.New("no output directory given")
	}
	if cfg.JobID == "" {
		return errors.New("no job id given")
	}
	for _, in := range append([]string{cfg.Output}, cfg.Inputs...) {
		if in == "-" {
			return errors.New("stdin cannot be read by a distributed pipeline: give files or globs")
		}
		fs, err := filesystem.New(context.Background(), in)
		if err != nil {
			return fmt.Errorf("input %s: %w", in, err)
		}
		fs.Close()
	}
	if _, err := stages.Build(stages.Options{Convert: cfg.Convert}); err != nil {
		return fmt.Errorf("stages: %w", err)
	}
	s = s.Scope("zhextract")
	exclude := ""
	if !remote(cfg.Output) {
		exclude = cfg.Output
	}
	paths := beam.ParDo(s, &expandFn{Inputs: cfg.Inputs, Exclude: exclude}, beam.Impulse(s))
	paths = beam.Reshuffle(s, paths)
	parts := beam.ParDo(s, &processFn{Convert: cfg.Convert, MaxBytes: cfg.MaxBytes, TempDir: cfg.tempDir()}, paths)
	all := beam.GroupByKey(s, beam.AddFixedKey(s, parts))
	beam.ParDo0(s, &finalizeFn{Output: cfg.Output, TempDir: cfg.tempDir()}, all)
	return nil
}

// Check runs before submitting a job: every input must match something (a
// typo should not cost a cluster job) and the output must not already hold
// parts (a second run's parts would mix with the first's in a glob).
func Check(ctx context.Context, cfg Config) error {
	for _, in := range cfg.Inputs {
		if !remote(in) {
			if _, err := os.Stat(in); err == nil {
				continue
			}
			if m, _ := filepath.Glob(in); len(m) > 0 {
				continue
			}
			return fmt.Errorf("input %s: no file or folder matches", in)
		}
		n, err := count(ctx, in)
		if err != nil {
			return fmt.Errorf("input %s: %w", in, err)
		}
		if n == 0 {
			return fmt.Errorf("input %s: no file matches", in)
		}
	}
	n, err := count(ctx, join(cfg.Output, "documents-*-of-*.parquet"))
	if err != nil {
		return fmt.Errorf("output %s: %w", cfg.Output, err)
	}
	if n > 0 {
		return fmt.Errorf("output %s already holds parts of an earlier run: remove them or choose another directory", cfg.Output)
	}
	return nil
}

func count(ctx context.Context, glob string) (int, error) {
	fs, err := filesystem.New(ctx, glob)
	if err != nil {
		return 0, err
	}
	defer fs.Close()
	m, err := fs.List(ctx, glob)
	return len(m), err
}

// remote reports whether p names an object in a scheme other than the local
// file system (Beam's own rule: a "scheme://" prefix).
func remote(p string) bool {
	return strings.Index(p, "://") > 0
}

// join joins with "/", which both local paths and object-store URLs accept
// (path.Join would fold "gs://" into "gs:/").
func join(dir, name string) string {
	return strings.TrimSuffix(dir, "/") + "/" + name
}

var (
	docsCounter    = beam.NewCounter("zhextract", "documents")
	failedCounter  = beam.NewCounter("zhextract", "failed")
	figuresCounter = beam.NewCounter("zhextract", "figures")
	editsCounter   = beam.NewCounter("zhextract", "edits")
	bytesCounter   = beam.NewCounter("zhextract", "bytes")
	// WARC records that are no documents (requests, images, redirects).
	skippedCounter = beam.NewCounter("zhextract", "skipped_records")
)

// expandFn turns the inputs into the sorted, de-duplicated list of files.
type expandFn struct {
	Inputs  []string
	Exclude string
}

func (fn *expandFn) ProcessElement(ctx context.Context, _ []byte, emit func(string)) error {
	var local []string
	seen := map[string]bool{}
	for _, in := range fn.Inputs {
		if !remote(in) {
			local = append(local, in)
			continue
		}
		fs, err := filesystem.New(ctx, in)
		if err != nil {
			return fmt.Errorf("input %s: %w", in, err)
		}
		m, err := fs.List(ctx, in)
		fs.Close()
		if err != nil {
			return fmt.Errorf("input %s: %w", in, err)
		}
		if len(m) == 0 {
			log.Errorf(ctx, "input not found: %s: no file matches", in)
		}
		sort.Strings(m)
		for _, p := range m {
			if !seen[p] {
				seen[p] = true
				emit(p)
			}
		}
	}
	if len(local) == 0 {
		return nil
	}
	// The same expansion as `zhextract run`, so both name sources (and so
	// derive doc_ids) identically.
	var exclude []string
	if fn.Exclude != "" {
		exclude = []string{fn.Exclude}
	}
	paths, missing := ingest.Expand(local, exclude)
	for _, err := range missing {
		log.Errorf(ctx, "input not found: %v", err)
	}
	for _, p := range paths {
		if !seen[p] {
			seen[p] = true
			emit(p)
		}
	}
	return nil
}

// processFn reads files, runs the stages and writes one part per bundle.
type processFn struct {
	Convert  string
	MaxBytes int64
	TempDir  string

	stages []pipeline.Stage
	fss    map[string]filesystem.Interface // by scheme, reused across bundles
	part   *partWriter
	cur    Part
}

func (fn *processFn) Setup(ctx context.Context) error {
	st, err := stages.Build(stages.Options{Convert: fn.Convert})
	if err != nil {
		return fmt.Errorf("stages: %w", err)
	}
	fn.stages = st
	fn.fss = map[string]filesystem.Interface{}
	return nil
}

func (fn *processFn) fs(ctx context.Context, path string) (filesystem.Interface, error) {
	scheme := ""
	if i := strings.Index(path, "://"); i > 0 {
		scheme = path[:i]
	}
	if f, ok := fn.fss[scheme]; ok {
		return f, nil
	}
	f, err := filesystem.New(ctx, path)
	if err != nil {
		return nil, err
	}
	fn.fss[scheme] = f
	return f, nil
}

func (fn *processFn) StartBundle(context.Context, func(Part)) {
	fn.part, fn.cur = nil, Part{}
}

func (fn *processFn) ProcessElement(ctx context.Context, path string, _ func(Part)) error {
	opt := ingest.Options{MaxBytes: fn.MaxBytes, Skipped: func(string, string) { skippedCounter.Inc(ctx, 1) }}
	// The source column is valid UTF-8 whatever the file's name (as in
	// ingest.Read).
	src := ingest.EscapeName(path)
	fs, err := fn.fs(ctx, path)
	if err != nil {
		return fn.write(ctx, ingest.Item{Source: src, ID: ingest.DocID(src), Err: fmt.Errorf("open: %w", err)})
	}
	r, err := fs.OpenRead(ctx, path)
	if err != nil {
		// As ingest.Read reports a file it cannot open.
		return fn.write(ctx, ingest.Item{Source: src, ID: ingest.DocID(src), Err: fmt.Errorf("open: %w", err)})
	}
	defer r.Close()
	// ReadFrom turns unreadable content into failed items; it errors only
	// when writing does (or ctx ends), and then the bundle must be retried.
	return ingest.ReadFrom(ctx, src, r, opt, func(it ingest.Item) error {
		return fn.write(ctx, it)
	})
}

func (fn *processFn) write(ctx context.Context, it ingest.Item) error {
	if fn.part == nil {
		fs, err := fn.fs(ctx, fn.TempDir)
		if err != nil {
			return fmt.Errorf("output: %w", err)
		}
		// 128 bits: a job may have millions of bundles, retries included.
		prefix := join(fn.TempDir, randomHex(16)+"-")
		p, err := openPart(ctx, fs, prefix)
		if err != nil {
			return err
		}
		fn.part, fn.cur = p, Part{First: it.Source, Prefix: prefix}
	}
	doc, figs, edits := pipeline.Process(ctx, it, fn.stages, nil).Rows()
	if err := fn.part.write(doc, figs, edits); err != nil {
		return err
	}
	if it.Source < fn.cur.First {
		fn.cur.First = it.Source
	}
	fn.cur.Docs++
	docsCounter.Inc(ctx, 1)
	if doc.Status != schema.StatusOK {
		failedCounter.Inc(ctx, 1)
		log.Warnf(ctx, "document failed: %s: %s", doc.Source, doc.Error)
	}
	figuresCounter.Inc(ctx, int64(len(figs)))
	editsCounter.Inc(ctx, int64(len(edits)))
	bytesCounter.Inc(ctx, doc.Bytes)
	return nil
}

func (fn *processFn) FinishBundle(ctx context.Context, emit func(Part)) error {
	if fn.part == nil {
		return nil // an empty bundle writes no part
	}
	p := fn.part
	fn.part = nil
	if err := p.close(); err != nil {
		return err
	}
	emit(fn.cur)
	return nil
}

func (fn *processFn) Teardown() {
	for _, f := range fn.fss {
		f.Close()
	}
}

// finalizeFn numbers the parts and moves them to their final names.
type finalizeFn struct {
	Output  string
	TempDir string
}

func (fn *finalizeFn) ProcessElement(ctx context.Context, _ int, iter func(*Part) bool) error {
	var parts []Part
	var p Part
	for iter(&p) {
		parts = append(parts, p)
	}
	sort.Slice(parts, func(i, j int) bool {
		if parts[i].First != parts[j].First {
			return parts[i].First < parts[j].First
		}
		return parts[i].Prefix < parts[j].Prefix
	})
	fs, err := filesystem.New(ctx, fn.Output)
	if err != nil {
		return fmt.Errorf("output: %w", err)
	}
	defer fs.Close()
	var docs int64
	for i, p := range parts {
		for _, t := range tables {
			dst := join(fn.Output, fmt.Sprintf("%s-%05d-of-%05d.parquet", t, i, len(parts)))
			if err := move(ctx, fs, p.Prefix+t+".parquet", dst); err != nil {
				return err
			}
		}
		docs += p.Docs
	}
	// Whatever is left came from failed or retried bundles.
	left, err := fs.List(ctx, join(fn.TempDir, "*"))
	if err != nil {
		return fmt.Errorf("list %s: %w", fn.TempDir, err)
	}
	if rm, ok := fs.(filesystem.Remover); ok {
		for _, f := range left {
			if err := rm.Remove(ctx, f); err != nil {
				log.Warnf(ctx, "remove %s: %v", f, err)
			}
		}
	}
	if !remote(fn.TempDir) {
		os.Remove(fn.TempDir) // object stores have no directories
	}
	log.Infof(ctx, "zhextract: %d documents in %d parts in %s", docs, len(parts), fn.Output)
	return nil
}

// move renames src to dst; a retried finalize finds some parts already moved.
func move(ctx context.Context, fs filesystem.Interface, src, dst string) error {
	err := filesystem.Rename(ctx, fs, src, dst)
	if err == nil {
		return nil
	}
	if _, serr := fs.Size(ctx, src); serr != nil {
		if _, derr := fs.Size(ctx, dst); derr == nil {
			return nil
		}
	}
	return fmt.Errorf("move %s to %s: %w", src, dst, err)
}
