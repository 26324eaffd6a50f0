package langmodel

import (
	"encoding/binary"
	"math"
	"slices"
	"sync"
	"testing"
)

// TestOrdering: real text, in either script, is more probable per
// character than the same text garbled, and than random common characters.
func TestOrdering(t *testing.T) {
	m := Default()
	for _, tc := range []struct{ good, bad string }{
		{"交通运输事业高质量发展", "浜ら€氳繍杈撲簨涓氶珮璐ㄩ噺鍙戝睍"}, // UTF-8 read as GBK
		{"交通運輸事業高質量發展", "ユ硄笲块ㄆ穨蔼借秖祇甶"},       // Big5 read as GBK
		{"（一）發展質效持續攀升", "。ㄒ唬┌l展質效持續攀升"},      // one byte out of frame
		{"中文", "ÖÐÎÄ"},
		{"中文", "ä¸­æ–‡"},
		{"坚持严管厚爱", "厚管严爱持坚"}, // same characters, wrong order
		{"為了交通", "爲了交通"},     // both forms of wei are known
	} {
		g, b := m.PerChar(tc.good), m.PerChar(tc.bad)
		if tc.good == "為了交通" {
			if math.Abs(g-b) > 1 {
				t.Errorf("為 and 爲 score %.2f and %.2f, want close", g, b)
			}
			continue
		}
		if g <= b {
			t.Errorf("PerChar(%q)=%.2f not above PerChar(%q)=%.2f", tc.good, g, tc.bad, b)
		}
	}
}

// TestPhoneticsAndTables: bopomofo and box drawing are probable beside
// their own kind and improbable alone inside prose.
func TestPhoneticsAndTables(t *testing.T) {
	m := Default()
	if run, alone := m.LogProb("ㄅㄆㄇㄈ"), m.LogProb("唬ㄒ唬ㄈ"); run <= alone {
		t.Errorf("bopomofo run %.1f not above bopomofo inside prose %.1f", run, alone)
	}
	if run, alone := m.LogProb("────"), m.LogProb("文─字─"); run <= alone {
		t.Errorf("box drawing run %.1f not above box drawing in prose %.1f", run, alone)
	}
}

func TestLogProbAdds(t *testing.T) {
	m := Default()
	if m.LogProb("") != 0 || m.PerChar("") != 0 {
		t.Fatal("empty text must score 0")
	}
	s := "发展质效持续攀升"
	if got, want := m.PerChar(s)*8, m.LogProb(s); math.Abs(got-want) > 1e-9 {
		t.Fatalf("PerChar*n=%v, LogProb=%v", got, want)
	}
	if lp := m.LogProb("\xff\xfe invalid"); math.IsNaN(lp) || math.IsInf(lp, 0) {
		t.Fatalf("invalid UTF-8 scores %v", lp)
	}
}

func TestParseRejectsDamage(t *testing.T) {
	n := int(binary.LittleEndian.Uint32(modelData[6:]))
	offs := 14 + 6*n       // the successor offsets
	succ := offs + 4*(n+1) // the successor indexes
	damaged := func(at int, b ...byte) []byte {
		d := slices.Clone(modelData)
		copy(d[at:], b)
		return d
	}
	for name, data := range map[string][]byte{
		"empty":               nil,
		"old format":          []byte("ZHLM1\n\x01\x00\x00"),
		"header only":         []byte("ZHLM2\n"),
		"truncated":           modelData[:len(modelData)/2],
		"no magic":            []byte("XXXX"),
		"characters unsorted": damaged(14, 0xff, 0xff, 0x10, 0x00),
		"offsets decreasing":  damaged(offs+4, 0xff, 0xff, 0xff, 0x00),
		"successor too big":   damaged(succ, 0xff, 0xff),
	} {
		if _, err := parse(data); err == nil {
			t.Errorf("%s: parse of %d damaged bytes succeeded", name, len(data))
		}
	}
}

func TestConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	want := Default().LogProb("交通运输事业高质量发展")
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := Default().LogProb("交通运输事业高质量发展"); got != want {
				t.Errorf("got %v, want %v", got, want)
			}
		}()
	}
	wg.Wait()
}

// BenchmarkLoad is the cost of building the model from the embedded data
// (Default does it once per process).
func BenchmarkLoad(b *testing.B) {
	for _, m := range []struct {
		name string
		data []byte
	}{{"dictionary", modelData}, {"running", runningData}} {
		b.Run(m.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := parse(m.data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkPerChar(b *testing.B) {
	m := Default()
	s := "近年來,隨州市交通運輸局始終以習近平新時代中國特色社會主義思想為指導,認真貫徹落實中央、省委、市委工作安排"
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		m.PerChar(s)
	}
}

// TestRunningKnowsWordBoundaries: the running-text model knows which
// character begins the word after another word, which the dictionary
// model leaves to chance; within words the two agree.
func TestRunningKnowsWordBoundaries(t *testing.T) {
	d, r := Default(), Running()
	for _, tc := range []struct{ good, bad string }{
		{"公路的建设", "公路的涌设"},
		{"我们在会上", "我们汲会上"},
		{"已经完成了", "已经完成兹"},
		{"投资将达到", "投资将违到"},
		{"为了提高效率", "为雳提高效率"},
	} {
		gd, bd := d.LogProb(tc.good)-d.LogProb(tc.bad), r.LogProb(tc.good)-r.LogProb(tc.bad)
		if bd <= 0 {
			t.Errorf("Running: %q not above %q (%.2f)", tc.good, tc.bad, bd)
		}
		if bd <= gd {
			t.Errorf("Running's lead of %q over %q is %.2f, Default's %.2f: want Running's larger", tc.good, tc.bad, bd, gd)
		}
	}
	for _, w := range []string{"公路", "交通运输", "高质量发展"} {
		if a, b := d.PerChar(w), r.PerChar(w); math.Abs(a-b) > 1.5 {
			t.Errorf("%q: Default %.2f and Running %.2f per character, want close", w, a, b)
		}
	}
}
