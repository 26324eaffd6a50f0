package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/zhextract/zhextract/pipeline/verify"
)

const verifyUsage = `usage: zhextract verify [--golden DIR] [--text] [--tolerance X] [--update] OUTPUT

Compares the figures (and with --text the clean text) of the run output in
OUTPUT (Parquet or JSONL) with a golden set: one JSON file per document.
Exit status: 0 when they match, 1 on any difference, 2 on errors.
--update writes the golden set from OUTPUT instead.
`

// cmdVerify runs `zhextract verify`. exitCode is 0 on a match, 1 on
// differences and 2 with err on errors.
func cmdVerify(ctx context.Context, args []string, stdout, stderr io.Writer) (exitCode int, err error) {
	fs := flag.NewFlagSet("verify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, verifyUsage)
		fs.PrintDefaults()
	}
	var cfg verify.Config
	fs.StringVar(&cfg.Golden, "golden", "golden", "golden directory, one JSON file per document")
	fs.BoolVar(&cfg.Text, "text", false, "compare the clean text too (with --update: store it)")
	fs.Float64Var(&cfg.Tolerance, "tolerance", 0, "relative tolerance for values: 0.001 accepts 0.1%")
	fs.BoolVar(&cfg.Update, "update", false, "write the golden set from OUTPUT")
	pos, err := parseFlagsAnywhere(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, nil
		}
		return 2, err
	}
	if len(pos) != 1 {
		fs.Usage()
		return 2, fmt.Errorf("verify: want one OUTPUT directory, got %d arguments", len(pos))
	}
	ok, err := verify.Run(ctx, pos[0], cfg, stdout)
	if err != nil {
		return 2, fmt.Errorf("verify: %w", err)
	}
	if !ok {
		return 1, nil
	}
	return 0, nil
}

// parseFlagsAnywhere parses flags placed before, between or after the
// positional arguments ("report OUT -o x.html"); "--" ends flag parsing.
func parseFlagsAnywhere(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		// flag stops at "--" and drops it; everything after is positional.
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}
