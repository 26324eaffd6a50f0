package textedit

import (
	"strings"
	"testing"
	"unsafe"
)

func TestBuilderAndMapper(t *testing.T) {
	src := "申请材料精简(jīngjiǎn) 37.5%，發展"
	b := NewBuilder(src, "pinyin")
	i := len("申请材料精简")
	j := i + len("(jīngjiǎn)")
	b.Replace(i, j, "", "annotation")
	k := len(src) - len("發展")
	b.Replace(k, k+len("發"), "发", "t2s")
	out := b.String()
	if want := "申请材料精简 37.5%，发展"; out != want {
		t.Fatalf("out = %q, want %q", out, want)
	}
	if got := Apply(src, b.Edits()); got != out {
		t.Fatalf("Apply = %q, want %q", got, out)
	}
	m := NewMapper(b.Edits())
	tests := []struct {
		name     string
		from, to int // span in output
		want     string
	}{
		{"whole", 0, len(out), src},
		{"inside deletion spans it", 0, len("申请材料精简 37.5%"), "申请材料精简(jīngjiǎn) 37.5%"},
		{"ends at deletion excludes it", 0, len("申请材料精简"), "申请材料精简"},
		{"starts at deletion excludes it", len("申请材料精简"), len("申请材料精简 37.5%"), " 37.5%"},
		{"replaced char", len(out) - len("发展"), len(out) - len("展"), "發"},
		{"after replacement", len(out) - len("展"), len(out), "展"},
		{"before any edit", 0, 3, "申"},
	}
	for _, tc := range tests {
		s, e := m.Start(tc.from), m.End(tc.to)
		if got := src[s:e]; got != tc.want {
			t.Errorf("%s: span [%d,%d) maps to %q, want %q", tc.name, tc.from, tc.to, got, tc.want)
		}
	}
}

func TestBuilderSkipsNoopReplacement(t *testing.T) {
	b := NewBuilder("abc", "x")
	b.Replace(1, 2, "b", "same")
	if b.String() != "abc" || len(b.Edits()) != 0 {
		t.Fatalf("no-op replacement recorded: %q %v", b.String(), b.Edits())
	}
	// A stage that changed nothing hands back its input, not a copy.
	src := strings.Repeat("發展", 100)
	b = NewBuilder(src, "x")
	b.ReplaceQuiet(0, 3, "發", "same")
	if out := b.String(); unsafe.StringData(out) != unsafe.StringData(src) {
		t.Errorf("unchanged text was copied")
	}
}

func TestInvert(t *testing.T) {
	src := "發展(fā)質量"
	b := NewBuilder(src, "x")
	b.Replace(0, 3, "发", "t2s")
	b.Replace(len("發展"), len("發展(fā)"), "", "pinyin")
	b.Replace(len("發展(fā)"), len("發展(fā)質"), "质", "t2s")
	out := b.String()
	inv := Invert(b.Edits())
	if got := Apply(out, inv); got != src {
		t.Fatalf("inverted edits give %q, want %q", got, src)
	}
	fwd := NewMapper(inv)
	// The span of 質量 in the input maps forward to 质量 in the output.
	s, e := fwd.Start(len("發展(fā)")), fwd.End(len(src))
	if out[s:e] != "质量" {
		t.Fatalf("forward span = %q, want 质量", out[s:e])
	}
}

func TestSpanInferred(t *testing.T) {
	// Stage 1 infers 公 in "鍏�里" (a repair), stage 2 deletes "(x)".
	src := "(x)鍏�里程"
	b1 := NewBuilder(src, "mojibake")
	b1.Replace(3, 9, "公", InferredPrefix+" 公@0 from e5 85 ??, 7.0 nats over 兰 (utf-8 read as gbk)")
	mid := b1.String() // "(x)公里程"
	b2 := NewBuilder(mid, "pinyin")
	b2.Replace(0, 3, "", "annotation removed")
	final := b2.String() // "公里程"
	if final != "公里程" {
		t.Fatalf("final %q", final)
	}
	layers := [][]Edit{b1.Edits(), b2.Edits()}
	for _, tc := range []struct {
		span string
		want bool
	}{
		{"公", true}, {"公里", true}, {"里程", false}, {"程", false},
	} {
		i := strings.Index(final, tc.span)
		if got := SpanInferred(layers, i, i+len(tc.span)); got != tc.want {
			t.Errorf("%q: got %v, want %v", tc.span, got, tc.want)
		}
	}
	if SpanInferred(layers[:1], 0, len(mid)) != true || SpanInferred(layers[:1], 0, 3) != false {
		t.Error("one layer")
	}
}
