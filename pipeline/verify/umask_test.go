//go:build unix

package verify_test

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/zhextract/zhextract/pipeline/verify"
)

// TestGoldenHonoursUmask: golden files get 0666 less the umask (they were
// forced to 0644).
func TestGoldenHonoursUmask(t *testing.T) {
	dir := t.TempDir()
	old := syscall.Umask(0o027)
	_, err := verify.Update(dir, []verify.Doc{{Key: "a", DocID: "a", Source: "a.txt", Status: "ok", Figures: []verify.Figure{}}})
	syscall.Umask(old)
	if err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(filepath.Join(dir, "a.json"))
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o640 {
		t.Errorf("golden file mode %v, want 0640 under umask 027", st.Mode().Perm())
	}
}
