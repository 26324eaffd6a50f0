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
	out := filepath.Join(t.TempDir(), "model.bin")
	words := filepath.Join(t.TempDir(), "words.bin")
	scripts := filepath.Join(t.TempDir(), "scripts.bin")
	cmd := exec.Command("go", "run", "./internal/gen", "-o", out, "-w", words, "-s", scripts)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("generator: %v\n%s", err, b)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, modelData) {
		t.Errorf("model.bin is stale: go generate ./pipeline/langmodel/ writes %d bytes that differ from the %d committed", len(got), len(modelData))
	}
	got, err = os.ReadFile(words)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, wordsData) {
		t.Errorf("words.bin is stale: go generate ./pipeline/langmodel/ writes %d bytes that differ from the %d committed", len(got), len(wordsData))
	}
	got, err = os.ReadFile(scripts)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, scriptsData) {
		t.Errorf("scripts.bin is stale: go generate ./pipeline/langmodel/ writes %d bytes that differ from the %d committed", len(got), len(scriptsData))
	}
}
