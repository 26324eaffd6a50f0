//go:build unix

package sink

import (
	"os"
	"syscall"
	"testing"

	"github.com/zhextract/zhextract/pipeline/schema"
)

// TestOutputHonoursUmask: output files get 0666 less the umask, like any
// file the user creates (they were forced to 0644). Not parallel: the
// umask is the process's.
func TestOutputHonoursUmask(t *testing.T) {
	for _, mask := range []int{0o027, 0o002} {
		old := syscall.Umask(mask)
		dir := t.TempDir()
		w, err := Open(Naming{Dir: dir}, Formats)
		if err == nil {
			err = w.Write(schema.Document{DocID: "a", Source: "a.txt", Status: schema.StatusOK}, nil, nil)
		}
		if err == nil {
			err = w.Close()
		}
		syscall.Umask(old)
		if err != nil {
			t.Fatal(err)
		}
		want := os.FileMode(0o666 &^ mask)
		for _, table := range Tables {
			for _, f := range Formats {
				st, err := os.Stat(Naming{Dir: dir}.Path(table, f))
				if err != nil {
					t.Fatal(err)
				}
				if st.Mode().Perm() != want {
					t.Errorf("umask %03o: %s.%s has mode %v, want %v", mask, table, f, st.Mode().Perm(), want)
				}
			}
		}
	}
}
