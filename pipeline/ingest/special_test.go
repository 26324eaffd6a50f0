//go:build unix

package ingest

import (
	"net"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"unicode/utf8"
)

// TestWalkSpecialEntries: inside a folder a symlink to a file is read
// under its own path; FIFOs, sockets, symlinks to folders (a loop among
// them) and broken symlinks are skipped and each is reported with its
// reason.
func TestWalkSpecialEntries(t *testing.T) {
	dir := t.TempDir()
	other := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(other, "target.txt"), []byte("x"), 0o644)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Symlink(filepath.Join(other, "target.txt"), filepath.Join(dir, "b_link.txt")))
	must(os.Symlink(dir, filepath.Join(dir, "c_loop")))
	must(os.Symlink(filepath.Join(dir, "nowhere.txt"), filepath.Join(dir, "d_broken.txt")))
	must(syscall.Mkfifo(filepath.Join(dir, "e_fifo.txt"), 0o644))
	must(os.Symlink(filepath.Join(dir, "e_fifo.txt"), filepath.Join(dir, "f_fifolink.txt")))
	sock := filepath.Join(dir, "g_sock")
	if l, err := net.Listen("unix", sock); err == nil {
		defer l.Close()
	} else {
		sock = ""
	}
	var got []string
	notes := map[string]string{}
	_, err := WalkNoting([]string{dir}, nil, func(p string) error {
		got = append(got, filepath.Base(p))
		return nil
	}, func(p, reason string) { notes[filepath.Base(p)] = reason })
	must(err)
	if want := []string{"a.txt", "b_link.txt"}; !slices.Equal(got, want) {
		t.Errorf("read %v, want %v", got, want)
	}
	want := map[string]string{"c_loop": SkipFolderLink, "d_broken.txt": SkipBrokenLink, "e_fifo.txt": SkipSpecial, "f_fifolink.txt": SkipSpecialLink}
	if sock != "" {
		want["g_sock"] = SkipSpecial
	}
	for name, reason := range want {
		if notes[name] != reason {
			t.Errorf("%s: note %q, want %q", name, notes[name], reason)
		}
	}
	if len(notes) != len(want) {
		t.Errorf("notes %v", notes)
	}
}

// TestNonUTF8Name: a file whose name is not UTF-8 gets a valid UTF-8
// source that UnescapeName turns back into the name, and Skip is asked
// about that same source.
func TestNonUTF8Name(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "\xb9\xab\xc2\xb7\\x.txt")
	if err := os.WriteFile(p, []byte("新建农村公路12公里。"), 0o644); err != nil {
		t.Skip("file system refuses the name:", err)
	}
	var items []Item
	var asked []string
	err := Read(t.Context(), p, nil, Options{Skip: func(s string) bool { asked = append(asked, s); return false }}, func(it Item) error {
		items = append(items, it)
		return nil
	})
	if err != nil || len(items) != 1 || items[0].Err != nil {
		t.Fatalf("err %v, items %+v", err, items)
	}
	src := items[0].Source
	if !utf8.ValidString(src) || UnescapeName(src) != p || src != filepath.Join(dir, `\xb9\xab·\\x.txt`) {
		t.Errorf("source %q", src)
	}
	if len(asked) == 0 || asked[0] != src {
		t.Errorf("Skip asked about %q, want %q", asked, src)
	}
}
