package decode

import (
	"bytes"
	"strings"
	"testing"
)

// refSniffBinary is sniffBinary reading the first 512 bytes itself, as it
// did before isBinary's pass told it.
func refSniffBinary(data []byte) bool {
	head := data[:min(len(data), 512)]
	plain := !bytes.HasPrefix(head, []byte("%PDF-")) && !bytes.HasPrefix(head, []byte("GIF8")) && !bytes.HasPrefix(head, []byte("RIFF"))
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
			plain = false
		}
	}
	return !plain && sniffBinary(data, true)
}

// refIsBinary is isBinary's control byte count a byte at a time.
func refIsBinary(data []byte) bool {
	if refSniffBinary(data) {
		return true
	}
	n := min(len(data), 8192)
	ctrl := 0
	for _, c := range data[:n] {
		if c == 0 {
			return true
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
			ctrl++
		}
	}
	return ctrl*10 > n
}

// binaryCases: control bytes at every offset of an eight-byte word, at the
// ends, just over and under a tenth, past the 8 KB looked at, and bytes
// above 0x80 that must not count.
func binaryCases() [][]byte {
	var cases [][]byte
	for _, s := range []string{"", "a", "中文\n", "\x01", "\x1f\x20\x7f\x80\xff", "公路\x1b[0m\n\t\r\f", "x\x00y"} {
		cases = append(cases, []byte(s))
	}
	for off := range 17 {
		for _, c := range []byte{0, 1, 0x1f, '\n', 0x1b, 0x20, 0x9f} {
			b := []byte(strings.Repeat("全省公路a", 3))
			b[off] = c
			cases = append(cases, b)
		}
	}
	for _, ctrl := range []int{99, 100, 101} {
		b := bytes.Repeat([]byte("abcdefghij"), 100)
		for i := range ctrl {
			b[i*len(b)/ctrl] = 0x02
		}
		cases = append(cases, b)
	}
	long := bytes.Repeat([]byte("总投资约390亿元。\n"), 1000)
	cases = append(cases, long, append(bytes.Clone(long), 0), append([]byte{0x03}, long...))
	return cases
}

func TestIsBinaryWordAtATime(t *testing.T) {
	for _, b := range binaryCases() {
		if got, want := isBinary(b), refIsBinary(b); got != want {
			t.Errorf("isBinary(%q) = %v, want %v", b[:min(len(b), 40)], got, want)
		}
	}
}

func FuzzIsBinary(f *testing.F) {
	for _, b := range binaryCases() {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := isBinary(b), refIsBinary(b); got != want {
			t.Fatalf("isBinary(%q) = %v, want %v", b, got, want)
		}
	})
}
