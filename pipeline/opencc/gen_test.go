package opencc

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestGeneratedUpToDate regenerates the embedded data from the installed
// OpenCC and checks it equals what is committed, so the data cannot drift
// from the generator or from OpenCC 1.1.6.
func TestGeneratedUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	if _, err := exec.LookPath("opencc_dict"); err != nil {
		t.Skip("opencc_dict not on PATH (apt-get install opencc); cannot regenerate")
	}
	out := t.TempDir()
	cmd := exec.Command("go", "run", "./internal/gen", "-out", out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", cmd, err, msg)
	}
	for _, f := range []string{"configs_gen.go", "data/opencc.dat", "data/NOTICE", "data/LICENSE"} {
		want, err := os.ReadFile(filepath.Join(out, f))
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from a fresh `go generate` (run it and commit)", f)
		}
	}
}
