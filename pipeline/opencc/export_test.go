package opencc

import (
	"testing"

	"github.com/zhextract/zhextract/pipeline/opencc/internal/dat"
)

// dictValues lists every value of the named embedded dictionary.
func dictValues(t testing.TB, f *dat.File, name string) []string {
	t.Helper()
	d, err := f.Dict(name)
	if err != nil {
		t.Fatal(err)
	}
	vs := make([]string, d.Len())
	for i := range vs {
		vs[i] = d.Value(int32(i))
	}
	return vs
}
