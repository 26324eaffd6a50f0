package decode

import (
	"bytes"
	"io"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// smallReads returns reads of 1 to 7 bytes, so that characters are cut at
// every position across reads.
type smallReads struct {
	r *bytes.Reader
	n int
}

func (s *smallReads) Read(p []byte) (int, error) {
	s.n = s.n%7 + 1
	return s.r.Read(p[:min(len(p), s.n)])
}

// TestDecodeStream: a large input is streamed when Decode would return it
// as it is, with the same text, encoding and edits; every other input is
// left to Decode (ok false), whatever the reads cut.
func TestDecodeStream(t *testing.T) {
	long := strings.Repeat(hanOnly+"Road 214 km, 5 亿元.\n", 400) // about 40 KB
	gbk := enc(t, simplifiedchinese.GBK, long)
	big5 := enc(t, traditionalchinese.Big5, strings.Repeat(hanOnlyTrad, 800))
	tests := []struct {
		name   string
		in     string
		stream bool
	}{
		{"utf-8", long, true},
		{"utf-8 with a byte order mark", "\xef\xbb\xbf" + long, true},
		{"ascii", strings.Repeat("plain ascii text line\n", 2000), true},
		{"gbk", gbk, false},
		{"big5", big5, false},
		{"utf-8 then one gbk line", long + enc(t, simplifiedchinese.GBK, hanOnly), false},
		{"utf-8 with a gbk line in the middle", long[:len(long)/2] + enc(t, simplifiedchinese.GBK, "公路\n") + long[len(long)/2:], false},
		{"byte order mark then gbk", "\xef\xbb\xbf" + gbk, false},
		{"cut last character", long + "\xe5\x85", false},
		{"stray continuation byte", long[:20000] + "\x85" + long[20000:], false},
		{"utf-16le", enc(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), long), false},
		{"utf-16be without bom", enc(t, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), strings.Repeat("road report 2024\n", 1000)), false},
		{"utf-32le", "\xff\xfe\x00\x00" + strings.Repeat("a\x00\x00\x00", 5000), false},
		{"binary", "\x00\x01\x02PK" + long, false},
		{"short", "短", false},
	}
	dec := New(nil)
	for _, tc := range tests {
		for _, r := range []io.Reader{strings.NewReader(tc.in), &smallReads{r: bytes.NewReader([]byte(tc.in))}} {
			var out bytes.Buffer
			res, ok, err := DecodeStream(r, &out)
			if err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			if ok != tc.stream {
				t.Errorf("%s (%T): streamed %v, want %v", tc.name, r, ok, tc.stream)
				continue
			}
			if !ok {
				continue
			}
			want, err := dec.Decode([]byte(tc.in), "")
			if err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			if out.String() != want.Text {
				t.Errorf("%s (%T): text differs from Decode's", tc.name, r)
			}
			if res.Encoding != want.Encoding || !reflect.DeepEqual(res.Edits, want.Edits) {
				t.Errorf("%s (%T): %s %+v, Decode: %s %+v", tc.name, r, res.Encoding, res.Edits, want.Encoding, want.Edits)
			}
		}
	}
}
