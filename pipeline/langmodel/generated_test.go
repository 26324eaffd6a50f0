package langmodel

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestModelGenerated checks that model.bin is what `go generate` writes
// from gse's dictionaries today: the generator is deterministic, so a
// stale or hand-edited model fails here.
func TestModelGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the generator")
	}
	dir := t.TempDir()
	outs := []struct {
		flag, name string
		want       []byte
	}{
		{"-o", "model.bin", modelData},
		{"-w", "words.bin", wordsData},
		{"-s", "scripts.bin", scriptsData},
		{"-r", "running.bin", runningData},
	}
	args := []string{"run", "./internal/gen"}
	for _, o := range outs {
		args = append(args, o.flag, filepath.Join(dir, o.name))
	}
	if b, err := exec.Command("go", args...).CombinedOutput(); err != nil {
		t.Fatalf("generator: %v\n%s", err, b)
	}
	for _, o := range outs {
		got, err := os.ReadFile(filepath.Join(dir, o.name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, o.want) {
			t.Errorf("%s is stale: go generate ./pipeline/langmodel/ writes %d bytes that differ from the %d committed", o.name, len(got), len(o.want))
		}
	}
}
