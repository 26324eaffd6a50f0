package batch

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/zhextract/zhextract/pipeline/outdir"
	"github.com/zhextract/zhextract/pipeline/sink"
)

// output is a locked output directory, ready for a run to write.
type output struct {
	lock    *outdir.Lock
	dir     string
	created bool     // the directory did not exist before the run
	stale   []string // table files to remove once the new ones are in place (--force)
	// failed holds the sources recorded as failed that this resumed run
	// retries.
	failed map[string]bool
	// superseded holds sources with a failed row an ok row of a later
	// part replaced, left by a stopped run: this run removes the old row.
	superseded map[string]bool
}

// openOutput creates and locks cfg.Out, removes temporaries a killed run
// left, reads what --resume continues from, and checks for tables the run
// would leave stale beside its own.
func openOutput(cfg *Config) (*output, error) {
	o := &output{dir: cfg.Out}
	if _, err := os.Stat(cfg.Out); errors.Is(err, fs.ErrNotExist) {
		o.created = true
	}
	if err := os.MkdirAll(cfg.Out, 0o777); err != nil {
		return nil, fmt.Errorf("create output directory: %w", err)
	}
	lock, err := outdir.Acquire(cfg.Out, cfg.Shard.Suffix())
	if err != nil {
		o.release()
		return nil, err
	}
	o.lock = lock
	// This run's parts, and its shard's resume parts: the lock held covers
	// them. Other shards may be running now.
	removed, err := outdir.CleanTemps(cfg.Out, func(p sink.Part) bool {
		return p.Total == cfg.Shard.Count && p.Index == cfg.Shard.Index
	})
	if err != nil {
		o.release()
		return nil, err
	}
	if len(removed) > 0 {
		slog.Info("removed temporary files left by an earlier run that was stopped", "dir", cfg.Out, "files", len(removed))
	}
	stale, err := staleParts(cfg.Out, cfg.Shard, cfg.Resume, cfg.Formats)
	if err != nil {
		o.release()
		return nil, err
	}
	if len(stale) > 0 && !cfg.Force {
		o.release()
		show := stale
		if len(show) > 5 {
			show = append(show[:5:5], fmt.Sprintf("… %d more", len(stale)-5))
		}
		return nil, fmt.Errorf("output %s holds tables this run would neither replace nor continue (%s): they would be left stale beside the new ones. Use --force to remove them, or another --out", cfg.Out, strings.Join(show, ", "))
	}
	o.stale = stale
	if cfg.Resume {
		done, suffix, failed, superseded, err := resume(cfg.Out, cfg.Shard, cfg.SkipFailed)
		if err != nil {
			o.release()
			return nil, err
		}
		cfg.Done, cfg.Suffix, o.failed, o.superseded = done, suffix, failed, superseded
	}
	return o, nil
}

// release drops the lock, and the directory when the run created it and
// left nothing in it.
func (o *output) release() {
	o.lock.Release()
	if o.created {
		os.Remove(o.dir) // fails, as it should, unless empty
	}
}

// staleParts lists the table files in dir that the run would neither
// overwrite (same name) nor continue (--resume): another format, another
// shard layout, or parts of an earlier resume of what it rewrites.
func staleParts(dir string, shard Shard, resume bool, formats []string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read output %s: %w", dir, err)
	}
	var stale []string
	for _, e := range entries {
		p, ok := sink.ParsePart(e.Name())
		if !ok || e.IsDir() {
			continue
		}
		var keep bool
		switch {
		case !slices.Contains(formats, p.Format):
			keep = false // would miss this run's documents
		case resume:
			keep = true // what the run continues
		case p.Total != shard.Count:
			keep = false // a whole output beside shard parts, or another shard count
		case shard.Count == 0:
			keep = p.Resume == 0 // replaced by this run's file of the same name
		default:
			// Sibling shards are other runs' work; this shard's own resume
			// parts would double the documents it rewrites.
			keep = p.Index != shard.Index || p.Resume == 0
		}
		if !keep {
			stale = append(stale, e.Name())
		}
	}
	return stale, nil
}

func removeStale(dir string, names []string) error {
	for _, n := range names {
		if err := os.Remove(filepath.Join(dir, n)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("remove stale table %s: %w", filepath.Join(dir, n), err)
		}
	}
	if len(names) > 0 {
		slog.Info("removed stale tables (--force)", "dir", dir, "files", len(names))
	}
	return nil
}
