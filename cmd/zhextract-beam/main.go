// Command zhextract-beam runs zhextract's pipeline on Apache Beam, writing
// the documents, figures and edits tables as Parquet parts with the schema of
// `zhextract run`. It is its own Go module so that Beam's dependencies stay
// out of the zhextract binary.
//
//	go run . --input 'corpus/*.jsonl.gz' --output out --runner=direct
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/zhextract/zhextract/cmd/zhextract-beam/internal/beampipe"
)

// inputs collects repeated --input flags.
type inputs []string

func (i *inputs) String() string { return strings.Join(*i, " ") }

func (i *inputs) Set(v string) error {
	*i = append(*i, v)
	return nil
}

func main() {
	var in inputs
	flag.Var(&in, "input", "input `GLOB`, file or folder (repeatable); gs:// paths are read through Beam's GCS file system")
	output := flag.String("output", "", "output `DIR` (or gs://bucket/prefix) for TABLE-NNNNN-of-NNNNN.parquet parts")
	convert := flag.String("convert", "t2s", "OpenCC `CONFIG` for the clean text (t2s, s2t, s2twp, ...)")
	maxMB := flag.Int64("max-mb", 256, "fail documents larger than this many MB")
	flag.Parse()
	// On a runner's workers Init takes over and never returns: nothing may
	// run before it but flag parsing.
	beam.Init()

	ctx := context.Background()
	if len(in) == 0 || *output == "" {
		fmt.Fprintln(os.Stderr, "usage: zhextract-beam --input GLOB [--input GLOB...] --output DIR [--runner=direct|prism|flink|spark|dataflow] [runner flags]")
		flag.PrintDefaults()
		os.Exit(2)
	}
	cfg := beampipe.Config{
		Inputs: in, Output: *output, Convert: *convert, MaxBytes: *maxMB << 20,
		JobID: beampipe.NewJobID(),
	}
	if err := beampipe.Check(ctx, cfg); err != nil {
		slog.Error("zhextract-beam", "err", err)
		os.Exit(2)
	}
	p, s := beam.NewPipelineWithRoot()
	if err := beampipe.Build(s, cfg); err != nil {
		slog.Error("zhextract-beam", "err", err)
		os.Exit(2)
	}
	if err := beamx.Run(ctx, p); err != nil {
		slog.Error("zhextract-beam: pipeline failed", "err", err)
		os.Exit(1)
	}
}
