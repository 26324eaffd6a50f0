package batch_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/zhextract/zhextract/pipeline/batch"
	"github.com/zhextract/zhextract/pipeline/outdir"
)

// snapshot is the names and contents of a directory's files.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		m[e.Name()] = string(b)
	}
	return m
}

func names(m map[string]string) []string {
	var n []string
	for k := range m {
		n = append(n, k)
	}
	slices.Sort(n)
	return n
}

func seedInput(t *testing.T) string {
	in := t.TempDir()
	writeFile(t, filepath.Join(in, "a.txt"), seed(t, "000_57ee527ed9377c6b.txt"))
	return in
}

// TestNothingProcessedLeavesOutput: a run whose inputs are all missing (a
// typo) exits with an error and leaves the earlier output byte for byte.
func TestNothingProcessedLeavesOutput(t *testing.T) {
	in, out := seedInput(t), t.TempDir()
	if _, err := run(t, batch.Config{Inputs: []string{in}, Out: out}); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, out)
	_, err := run(t, batch.Config{Inputs: []string{in + "-typo"}, Out: out})
	if !errors.Is(err, batch.ErrNothingProcessed) {
		t.Fatalf("err = %v, want ErrNothingProcessed", err)
	}
	after := snapshot(t, out)
	if !slices.Equal(names(before), names(after)) {
		t.Fatalf("files before %v, after %v", names(before), names(after))
	}
	for n, b := range before {
		if after[n] != b {
			t.Errorf("%s changed", n)
		}
	}
	// A run into a new directory that processes nothing leaves no
	// directory behind either.
	fresh := filepath.Join(t.TempDir(), "new")
	if _, err := run(t, batch.Config{Inputs: []string{in + "-typo"}, Out: fresh}); err == nil {
		t.Fatal("no error")
	}
	if _, err := os.Stat(fresh); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("%s exists after a run that processed nothing: %v", fresh, err)
	}
}

// TestStaleTables: a run that would leave another format's or another
// layout's tables beside its own refuses with a message naming them;
// Force removes them once the new tables are written.
func TestStaleTables(t *testing.T) {
	in, out := seedInput(t), t.TempDir()
	if _, err := run(t, batch.Config{Inputs: []string{in}, Out: out, Formats: []string{"jsonl"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := run(t, batch.Config{Inputs: []string{in}, Out: out, Formats: []string{"jsonl"}}); err != nil {
		t.Fatalf("re-running the same command refused: %v", err)
	}
	before := snapshot(t, out)
	_, err := run(t, batch.Config{Inputs: []string{in}, Out: out, Formats: []string{"parquet"}})
	if err == nil || !strings.Contains(err.Error(), "documents.jsonl") || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("err = %v, want a refusal naming documents.jsonl and --force", err)
	}
	if got := names(snapshot(t, out)); !slices.Equal(got, names(before)) {
		t.Fatalf("refused run changed the output: %v", got)
	}
	if _, err := run(t, batch.Config{Inputs: []string{in}, Out: out, Formats: []string{"parquet"}, Force: true}); err != nil {
		t.Fatal(err)
	}
	want := []string{"documents.parquet", "edits.parquet", "figures.parquet"}
	if got := names(snapshot(t, out)); !slices.Equal(got, want) {
		t.Errorf("after --force: %v, want %v", got, want)
	}
	// A whole run over shard parts is refused as well.
	if _, err := run(t, batch.Config{Inputs: []string{in}, Out: out, Formats: []string{"parquet"}, Shard: batch.Shard{Index: 0, Count: 2}}); err == nil {
		t.Error("a shard run beside a whole output was not refused")
	}
}

// TestStaleTemporariesRemoved: temporary tables a killed run left are
// removed by the next run into the same directory; other files stay.
func TestStaleTemporariesRemoved(t *testing.T) {
	in, out := seedInput(t), t.TempDir()
	ours := []string{".documents.parquet.tmp-123", ".figures-00001-of-00004-resume-2.jsonl.tmp-abc", ".edits.csv.tmp-9"}
	theirs := []string{".notes.tmp-1", "documents.parquet.tmp-5", ".documents.parquet.bak"}
	for _, n := range append(slices.Clone(ours), theirs...) {
		writeFile(t, filepath.Join(out, n), []byte("x"))
	}
	if _, err := run(t, batch.Config{Inputs: []string{in}, Out: out}); err != nil {
		t.Fatal(err)
	}
	got := snapshot(t, out)
	for _, n := range ours {
		if _, ok := got[n]; ok {
			t.Errorf("stale temporary %s left", n)
		}
	}
	for _, n := range theirs {
		if _, ok := got[n]; !ok {
			t.Errorf("%s (not ours) removed", n)
		}
	}
}

// TestOutputLock: a second run into a directory another run holds fails
// at once naming the holder's PID; a lock file left by a dead process is
// taken over; the lock file is gone after a run.
func TestOutputLock(t *testing.T) {
	in, out := seedInput(t), t.TempDir()
	l, err := outdir.Acquire(out)
	if err != nil {
		t.Fatal(err)
	}
	_, err = run(t, batch.Config{Inputs: []string{in}, Out: out})
	if !errors.Is(err, outdir.ErrLocked) || !strings.Contains(err.Error(), "PID "+strconv.Itoa(os.Getpid())) {
		t.Fatalf("err = %v, want ErrLocked naming PID %d", err, os.Getpid())
	}
	if _, err := os.Stat(filepath.Join(out, "documents.parquet")); err == nil {
		t.Error("the locked-out run wrote tables")
	}
	l.Release()
	// A dead process's lock file.
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip("no true command:", err)
	}
	writeFile(t, filepath.Join(out, outdir.LockName), []byte(strconv.Itoa(cmd.Process.Pid)+"\n"))
	if _, err := run(t, batch.Config{Inputs: []string{in}, Out: out}); err != nil {
		t.Fatalf("stale lock not taken over: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, outdir.LockName)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("lock file left after the run: %v", err)
	}
}
