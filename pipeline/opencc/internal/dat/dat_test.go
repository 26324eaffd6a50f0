package dat

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

func keyString(k []uint16) string { return fmt.Sprint(k) }

// walk returns the length and value of the longest key that prefixes q.
func walk(t *Trie, q []uint16) (int, int32) {
	n, v := 0, int32(-1)
	s := int32(0)
	for i, c := range q {
		if s = t.Child(s, c); s < 0 {
			break
		}
		if x := t.Value(s); x >= 0 {
			n, v = i+1, x
		}
	}
	return n, v
}

func randomKeys(rng *rand.Rand, n int, alphabet uint16) [][]uint16 {
	seen := map[string]bool{}
	var keys [][]uint16
	for len(keys) < n {
		k := make([]uint16, 1+rng.IntN(6))
		for i := range k {
			k[i] = 1 + uint16(rng.IntN(int(alphabet)))
		}
		if !seen[keyString(k)] {
			seen[keyString(k)] = true
			keys = append(keys, k)
		}
	}
	return keys
}

func TestBuildMatchesBruteForce(t *testing.T) {
	for _, tc := range []struct {
		keys     int
		alphabet uint16
	}{{1, 3}, {50, 4}, {3000, 30}, {3000, 5000}} {
		t.Run(fmt.Sprintf("%dkeys_%dcodes", tc.keys, tc.alphabet), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(1, uint64(tc.keys)))
			keys := randomKeys(rng, tc.keys, tc.alphabet)
			index := map[string]int32{}
			values := make([]string, len(keys))
			for i, k := range keys {
				index[keyString(k)] = int32(i)
				values[i] = strings.Repeat("v", i%7) + fmt.Sprint(i)
			}
			trie, err := Build(keys)
			if err != nil {
				t.Fatal(err)
			}
			f, err := Parse(string(Encode([]rune("ab"), []DictData{{Name: "d", Trie: trie, Values: values}})))
			if err != nil {
				t.Fatal(err)
			}
			d, err := f.Dict("d")
			if err != nil {
				t.Fatal(err)
			}
			for q := range 5000 {
				var query []uint16
				if q%2 == 0 { // a key, maybe extended: must match
					query = append(query, keys[rng.IntN(len(keys))]...)
				}
				for range rng.IntN(5) {
					query = append(query, 1+uint16(rng.IntN(int(tc.alphabet))))
				}
				wantN, wantV := 0, int32(-1)
				for l := 1; l <= len(query); l++ {
					if v, ok := index[keyString(query[:l])]; ok {
						wantN, wantV = l, v
					}
				}
				for _, tr := range []*Trie{trie, &d.Trie} {
					if n, v := walk(tr, query); n != wantN || v != wantV {
						t.Fatalf("query %v: got (%d,%d), want (%d,%d)", query, n, v, wantN, wantV)
					}
				}
				if wantV >= 0 && d.Value(wantV) != values[wantV] {
					t.Fatalf("value %d = %q, want %q", wantV, d.Value(wantV), values[wantV])
				}
			}
		})
	}
}

func TestBuildRejects(t *testing.T) {
	for name, keys := range map[string][][]uint16{
		"empty key": {{1}, {}},
		"code 0":    {{1, 0}},
		"duplicate": {{1, 2}, {3}, {1, 2}},
	} {
		if _, err := Build(keys); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// FuzzParse feeds corrupt files to Parse and Dict: they must fail cleanly,
// and whatever they accept must be safe to walk.
func FuzzParse(f *testing.F) {
	trie, err := Build([][]uint16{{1}, {1, 2}, {2, 3, 1}})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(Encode([]rune("甲乙丙"), []DictData{{Name: "x", Trie: trie, Values: []string{"a", "bb", "ccc"}}}))
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Parse(string(data))
		if err != nil {
			return
		}
		for _, name := range file.Names() {
			d, err := file.Dict(name)
			if err != nil {
				continue
			}
			for c := range uint16(8) {
				n, v := walk(&d.Trie, []uint16{c + 1, 1, 2, 3, c})
				if v >= 0 {
					_ = d.Value(v)
				}
				_ = n
			}
		}
	})
}
