package pinyin

import (
	"encoding/binary"
	"flag"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	gopinyin "github.com/mozillazg/go-pinyin"
)

// regen rewrites data/tables.bin from go-pinyin.
var regen = flag.Bool("regen", false, "rewrite data/tables.bin from go-pinyin (go generate)")

// refTables are the readings tables as derived from go-pinyin: the oracle
// for the embedded ones, and what tablesBin is written from.
type refTables struct {
	dense        []uint16
	sparse       map[rune]uint16
	sets         []readingSet
	pySyl, zySyl map[string]struct{}
	maxPy, maxZy int
}

// deriveTables reads every character of go-pinyin's dictionary with its
// heteronyms (Tone style), normalized the way annotations are.
func deriveTables() *refTables {
	t := &refTables{
		dense:  make([]uint16, denseHi-denseLo),
		sparse: map[rune]uint16{},
		sets:   []readingSet{{}}, // index 0 = no reading
		pySyl:  map[string]struct{}{},
		zySyl:  map[string]struct{}{},
	}
	args := gopinyin.NewArgs()
	args.Style = gopinyin.Tone
	args.Heteronym = true
	runes := make([]rune, 0, len(gopinyin.PinyinDict))
	for k := range gopinyin.PinyinDict {
		runes = append(runes, rune(k))
	}
	slices.Sort(runes)
	index := map[string]uint16{}
	for _, r := range runes {
		var rs readingSet
		for _, reading := range gopinyin.SinglePinyin(r, args) {
			syl, ok := toneless(reading)
			if !ok {
				continue
			}
			rs.py = appendUnique(rs.py, canonical(syl))
			if z, ok := zhuyinOf(syl); ok {
				rs.zy = appendUnique(rs.zy, z)
			}
		}
		// Erhua: 一点儿 is read yìdiǎnr, the 儿 only adding an r.
		if r == '儿' || r == '兒' {
			rs.py = appendUnique(rs.py, "r")
		}
		if len(rs.py) == 0 {
			continue
		}
		for _, s := range rs.py {
			// Annotations may write ü as u (lu for lǜ), so lost-character
			// syllables are looked up in both spellings.
			t.pySyl[s] = struct{}{}
			t.pySyl[strings.ReplaceAll(s, "v", "u")] = struct{}{}
			t.maxPy = max(t.maxPy, len(s))
		}
		for _, s := range rs.zy {
			t.zySyl[s] = struct{}{}
			t.maxZy = max(t.maxZy, len(s))
		}
		key := setKey(rs)
		idx, ok := index[key]
		if !ok {
			idx = uint16(len(t.sets))
			t.sets = append(t.sets, rs)
			index[key] = idx
		}
		if r >= denseLo && r < denseHi {
			t.dense[r-denseLo] = idx
		} else {
			t.sparse[r] = idx
		}
	}
	return t
}

func appendUnique(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

func setKey(rs readingSet) string {
	return strings.Join(rs.py, ",") + "|" + strings.Join(rs.zy, ",")
}

// encodeTables writes t in tablesBin's layout.
func encodeTables(tb testing.TB, t *refTables) []byte {
	out := []byte("ZXPY1\n")
	str := func(s string) {
		if len(s) > 255 {
			tb.Fatalf("reading %q too long", s)
		}
		out = append(out, byte(len(s)))
		out = append(out, s...)
	}
	list := func(l []string) {
		out = append(out, byte(len(l)))
		for _, s := range l {
			str(s)
		}
	}
	if len(t.sets) > 1<<16-1 {
		tb.Fatalf("%d reading sets", len(t.sets))
	}
	out = binary.LittleEndian.AppendUint16(out, uint16(len(t.sets)))
	for _, rs := range t.sets {
		list(rs.py)
		list(rs.zy)
	}
	for _, m := range []map[string]struct{}{t.pySyl, t.zySyl} {
		out = binary.LittleEndian.AppendUint16(out, uint16(len(m)))
		for _, s := range slices.Sorted(maps.Keys(m)) {
			str(s)
		}
	}
	out = append(out, byte(t.maxPy), byte(t.maxZy))
	for _, v := range t.dense {
		out = binary.LittleEndian.AppendUint16(out, v)
	}
	sparse := slices.Sorted(maps.Keys(t.sparse))
	out = binary.LittleEndian.AppendUint32(out, uint32(len(sparse)))
	for _, r := range sparse {
		out = binary.LittleEndian.AppendUint32(out, uint32(r))
	}
	for _, r := range sparse {
		out = binary.LittleEndian.AppendUint16(out, t.sparse[r])
	}
	return out
}

// TestTablesGenerated checks the embedded tables against go-pinyin: the
// bytes, and every character's readings through lookup.
func TestTablesGenerated(t *testing.T) {
	ref := deriveTables()
	want := encodeTables(t, ref)
	path := filepath.Join("data", "tables.bin")
	if *regen {
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if tablesBin != string(want) {
		t.Fatalf("%s is stale: run go generate ./pipeline/pinyin", path)
	}
	tab := loadTables()
	for r := rune(0); r <= 0x10ffff; r++ {
		var idx uint16
		if r >= denseLo && r < denseHi {
			idx = ref.dense[r-denseLo]
		} else if r >= 0x20000 || (r >= 0xE000 && r < 0xFB00) {
			idx = ref.sparse[r]
		}
		got := tab.lookup(r)
		switch {
		case idx == 0 && got != nil:
			t.Fatalf("%U: readings %v, want none", r, got)
		case idx != 0 && (got == nil || !slices.Equal(got.py, ref.sets[idx].py) || !slices.Equal(got.zy, ref.sets[idx].zy)):
			t.Fatalf("%U: readings %v, want %v", r, got, ref.sets[idx])
		}
	}
	if !maps.Equal(tab.pySyllables, ref.pySyl) || !maps.Equal(tab.zySyllables, ref.zySyl) || tab.maxPy != ref.maxPy || tab.maxZy != ref.maxZy {
		t.Fatal("syllable sets differ")
	}
}

// TestDecodeTablesRejects checks that damaged tables are an error.
func TestDecodeTablesRejects(t *testing.T) {
	for name, b := range map[string]string{
		"empty":     "",
		"magic":     "ZXPY9\n" + tablesBin[6:],
		"truncated": tablesBin[:len(tablesBin)-3],
	} {
		if _, err := decodeTables(b); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
