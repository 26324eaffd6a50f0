//go:build unix

package main

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestConvertOutput: -o writes through a symlink (the link stays, its
// target changes), writes straight into a FIFO as the opencc CLI does, and
// creates a new file with 0666 less the umask.
func TestConvertOutput(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.txt")
	if err := os.WriteFile(target, []byte("old\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink("target.txt", link); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := zx(t, "漢字\n", "convert", "-c", "t2s", "-o", link); code != 0 {
		t.Fatalf("convert -o link: exit %d: %s", code, stderr)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the symlink was replaced: %v %v", st.Mode(), err)
	}
	if b, _ := os.ReadFile(target); string(b) != "汉字\n" {
		t.Errorf("target holds %q, want the converted text", b)
	}
	if st, _ := os.Stat(target); st.Mode().Perm() != 0o600 {
		t.Errorf("target mode %v, want its own 0600 kept", st.Mode().Perm())
	}

	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	got := make(chan []byte, 1)
	go func() {
		b, _ := os.ReadFile(fifo)
		got <- b
	}()
	if _, stderr, code := zx(t, "漢字\n", "convert", "-c", "t2s", "-o", fifo); code != 0 {
		t.Fatalf("convert -o fifo: exit %d: %s", code, stderr)
	}
	if b := <-got; string(b) != "汉字\n" {
		t.Errorf("fifo read %q", b)
	}

	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	fresh := filepath.Join(dir, "new.txt")
	if _, stderr, code := zx(t, "漢字\n", "convert", "-c", "t2s", "-o", fresh); code != 0 {
		t.Fatalf("convert -o new: exit %d: %s", code, stderr)
	}
	if st, err := os.Stat(fresh); err != nil || st.Mode().Perm() != 0o640 {
		t.Errorf("new file mode %v (%v), want 0640 under umask 027", st.Mode().Perm(), err)
	}
}
