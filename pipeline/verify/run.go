package verify

import (
	"context"
	"fmt"
	"io"
	"math"

	"github.com/zhextract/zhextract/pipeline/results"
)

// Config is what `zhextract verify` was asked to do.
type Config struct {
	Golden    string  // golden directory
	Text      bool    // compare (or, with Update, store) the clean text
	Tolerance float64 // relative tolerance for values
	Update    bool    // write the golden set from the output instead
}

// Run verifies (or, with Update, writes) the golden set for the run output
// in outputDir, printing to w. ok is false when the output differs.
func Run(ctx context.Context, outputDir string, cfg Config, w io.Writer) (ok bool, err error) {
	if cfg.Tolerance < 0 || math.IsNaN(cfg.Tolerance) || math.IsInf(cfg.Tolerance, 0) {
		return false, fmt.Errorf("tolerance %v: want a finite number >= 0", cfg.Tolerance)
	}
	if cfg.Golden == "" {
		return false, fmt.Errorf("no golden directory given")
	}
	out, err := results.Read(outputDir)
	if err != nil {
		return false, err
	}
	if err := ctx.Err(); err != nil {
		return false, err
	}
	docs, err := FromOutput(out, cfg.Text)
	if err != nil {
		return false, err
	}
	if cfg.Update {
		res, err := Update(cfg.Golden, docs)
		if err != nil {
			return false, err
		}
		text := "without text (add --text to store it)"
		if cfg.Text {
			text = "with text"
		}
		_, err = fmt.Fprintf(w, "verify --update: %s: %d golden files %s: %d written, %d unchanged, %d removed\n",
			cfg.Golden, len(docs), text, len(res.Written), len(res.Unchanged), len(res.Removed))
		for _, name := range res.Removed {
			fmt.Fprintf(w, "  removed %s (no such document in the output)\n", name)
		}
		return true, err
	}
	golden, err := Load(cfg.Golden)
	if err != nil {
		return false, err
	}
	if len(golden) == 0 {
		return false, fmt.Errorf("golden set %s holds no .json files (create it with --update)", cfg.Golden)
	}
	res := Compare(golden, docs, Options{Tolerance: cfg.Tolerance, Text: cfg.Text})
	if err := res.Print(w); err != nil {
		return false, err
	}
	return res.OK(), nil
}
