package decode

import (
	"bytes"
	"context"
	"io"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/zhextract/zhextract/pipeline/langmodel"
	"github.com/zhextract/zhextract/pipeline/textedit"
)

// streamLines runs DecodeStreamLines over in with the given piece size and
// returns what it wrote, its edits with New filled as Decode fills it, and
// the encoding.
func streamLines(t *testing.T, d *Decoder, in, declared string, piece int) (Result, bool) {
	t.Helper()
	var out bytes.Buffer
	var edits []textedit.Edit
	open := func() io.Reader { return strings.NewReader(in) }
	enc, ok, err := d.DecodeStreamLines(context.Background(), open, declared, &out, func(e textedit.Edit) error {
		edits = append(edits, e)
		return nil
	}, StreamOptions{Piece: piece})
	if err != nil {
		t.Fatal(err)
	}
	// The runs' New, left empty, is sliced from the text as Decode does
	// (a byte order mark's edit shifts the rest by itself).
	fillNew(out.String(), edits, 0)
	return Result{Text: out.String(), Encoding: enc, Edits: edits}, ok
}

func langScorer() RuneScorer {
	sc := langmodel.Default().Scorer()
	return &sc
}

// TestDecodeStreamLines: an input that is not UTF-8 throughout decodes
// streamed to the text, encoding and edits Decode gives it whole, wherever
// the pieces cut its lines and characters; inputs Decode reads another way
// are refused (ok false).
func TestDecodeStreamLines(t *testing.T) {
	long := strings.Repeat(hanOnly+"Road 214 km, 5 亿元.\n", 200) // about 20 KB
	gbk := enc(t, simplifiedchinese.GBK, long)
	// GB18030's four-byte characters: a CJK extension B character, a
	// euro sign and a character outside GBK.
	gb4 := enc(t, simplifiedchinese.GB18030, strings.Repeat("新建𠀀公路€二百ḿ公里，\n", 1000))
	trad := strings.Repeat(hanOnlyTrad, 400)
	big5 := enc(t, traditionalchinese.Big5, trad)
	// Bytes no charset reads: a lone lead byte, 0xFF, a lead byte before a
	// newline, a four-byte start cut short.
	damaged := gbk[:5001] + "\x81" + gbk[5001:9000] + "\xff\xff" + gbk[9000:12001] + "\x81\n" + gbk[12001:] + "\x81\x30"
	utfLines := strings.Repeat("全市公路建设稳步推进，完成投资五亿元。\n", 300)
	badUTF := utfLines[:3000] + "\xe5\x85" + utfLines[3000:] // a UTF-8 line with a cut character
	flat := strings.ReplaceAll(utfLines, "\n", "")           // three-byte characters only
	oneLine := strings.ReplaceAll(gbk, "\n", " ")            // a line much longer than a piece
	tieTrad := tieBytes(t, traditionalchinese.Big5, strings.Repeat(hanOnlyTrad+"交通運輸局發布年度報告，全市新建農村公路一百二十公里。\n", 3000))
	tieSimp := tieBytes(t, simplifiedchinese.GBK, long)
	tests := []struct {
		name, in, enc string
	}{
		{"gbk", gbk, "gb18030"},
		{"gb18030 four-byte characters", gb4, "gb18030"},
		{"big5", big5, "big5"},
		{"damaged gbk", damaged, "gb18030"},
		{"utf-8 and gbk lines", utfLines[:4000] + gbk + utfLines[4000:] + enc(t, simplifiedchinese.GBK, hanOnly), "mixed:utf-8+gb18030"},
		{"utf-8 and big5 lines", utfLines + big5, "mixed:utf-8+big5"},
		{"damaged utf-8 line and gbk", badUTF + gbk, "mixed:utf-8+gb18030"},
		// A line far longer than a piece with a character cut in its
		// middle and one cut at its end (3 bad bytes: still UTF-8).
		{"long damaged utf-8 line", flat[:3000] + "\xe5\x85" + flat[3000:9000] + "\xe5\n" + gbk, "mixed:utf-8+gb18030"},
		// Every line another kind than the one before: legacy, blank,
		// UTF-8, damaged UTF-8, ASCII.
		{"alternating kinds", strings.Repeat(enc(t, simplifiedchinese.GBK, "全市新建农村公路。\n")+"\n完成投资五亿元。\n完成投资五\xe4\xba亿元。\nplain ascii\n", 300), "mixed:utf-8+gb18030"},
		{"byte order mark then gbk", "\xef\xbb\xbf" + gbk, "gb18030"},
		{"one long line", oneLine, "gb18030"},
		{"crlf lines", strings.ReplaceAll(gbk, "\n", "\r\n"), "gb18030"},
		{"big5 that reads as gbk too", tieTrad, "big5"},
		{"gbk that reads as big5 too", tieSimp, "gb18030"},
		{"ascii then a gbk line", strings.Repeat("plain ascii line\n", 1000) + enc(t, simplifiedchinese.GBK, hanOnly), "gb18030"},
		// no newline at the end, and a length a multiple of 16: the last
		// line fills whole pieces and meets the end with no byte left
		// (it was left without a kind and copied as it was; FuzzDecodeStreamLines)
		{"last line fills whole pieces", strings.Repeat("0000000\xb9", 1026), "gb18030"},
	}
	decoders := map[string]*Decoder{
		"no scorer":   New(nil),
		"lang scorer": New(langmodel.PerChar).WithRuneScorer(langScorer),
	}
	for dname, d := range decoders {
		for _, tc := range tests {
			whole, err := d.Decode([]byte(tc.in), "")
			if err != nil {
				t.Fatal(err)
			}
			if dname == "lang scorer" && whole.Encoding != tc.enc {
				t.Errorf("%s: whole encoding %q, want %q", tc.name, whole.Encoding, tc.enc)
			}
			// Pieces of 16 bytes (the least), odd sizes that cut characters
			// at every byte, and the default.
			for _, piece := range []int{16, 17, 19, 23, 4099, 0} {
				got, ok := streamLines(t, d, tc.in, "", piece)
				if !ok {
					t.Errorf("%s, %s, piece %d: not streamed", dname, tc.name, piece)
					continue
				}
				if got.Text != whole.Text {
					i := 0
					for i < min(len(got.Text), len(whole.Text)) && got.Text[i] == whole.Text[i] {
						i++
					}
					t.Errorf("%s, %s, piece %d: text differs at byte %d", dname, tc.name, piece, i)
					continue
				}
				if got.Encoding != whole.Encoding {
					t.Errorf("%s, %s, piece %d: encoding %q, whole %q", dname, tc.name, piece, got.Encoding, whole.Encoding)
				}
				if len(got.Edits) != len(whole.Edits) {
					t.Errorf("%s, %s, piece %d: %d edits, whole %d", dname, tc.name, piece, len(got.Edits), len(whole.Edits))
					continue
				}
				for i := range got.Edits {
					if !reflect.DeepEqual(got.Edits[i], whole.Edits[i]) {
						t.Errorf("%s, %s, piece %d: edit %d %+v, whole %+v", dname, tc.name, piece, i, got.Edits[i], whole.Edits[i])
						break
					}
				}
			}
		}
	}
}

// TestDecodeStreamLinesRefused: inputs Decode does not read line by line,
// and a choice between charsets that needs a scorer the decoder cannot
// stream, are left to Decode.
func TestDecodeStreamLinesRefused(t *testing.T) {
	gbk := enc(t, simplifiedchinese.GBK, strings.Repeat(hanOnly, 400))
	big5 := enc(t, traditionalchinese.Big5, strings.Repeat(hanOnlyTrad, 400))
	tests := []struct {
		name, in, declared string
		d                  *Decoder
	}{
		{"utf-16le", enc(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), strings.Repeat(hanOnly, 200)), "", New(nil)},
		{"utf-16le without bom", enc(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), strings.Repeat(hanOnly, 200)), "", New(nil)},
		{"utf-32le", "\xff\xfe\x00\x00" + strings.Repeat("a\x00\x00\x00", 5000), "", New(nil)},
		{"binary", "\x00\x01\x02PK" + gbk, "", New(nil)},
		{"declared gbk", gbk, "gbk", New(nil)},
		{"declared big5", big5, "big5", New(nil)},
		{"short", "短", "", New(nil)},
		{"a tie without a rune scorer", tieBytes(t, traditionalchinese.Big5, strings.Repeat(hanOnlyTrad, 4000)), "", New(langmodel.PerChar)},
	}
	for _, tc := range tests {
		if tc.name != "short" && len(tc.in) < streamHead {
			t.Fatalf("%s: %d bytes, too short to be refused for its content", tc.name, len(tc.in))
		}
		if _, ok := streamLines(t, tc.d, tc.in, tc.declared, 64); ok {
			t.Errorf("%s: streamed", tc.name)
		}
	}
}

// tieBytes encodes s with e keeping only ASCII and the characters whose
// two bytes are a character in both GBK and Big5 (lead 0xB0-0xC5, trail
// 0xA1-0xFE): neither charset finds a byte it cannot read, and the
// scorer chooses.
func tieBytes(t *testing.T, e encoding.Encoding, s string) string {
	t.Helper()
	var b strings.Builder
	for _, r := range s {
		c := enc(t, e, string(r))
		if len(c) == 1 || len(c) == 2 && c[0] >= 0xb0 && c[0] <= 0xc5 && c[1] >= 0xa1 && c[1] <= 0xfe {
			b.WriteString(c)
		}
	}
	gbBad := decodeRun([]byte(b.String()), 0, gb18030, new(strings.Builder), nil)
	b5Bad := decodeRun([]byte(b.String()), 0, big5, new(strings.Builder), nil)
	if gbBad != 0 || b5Bad != 0 {
		t.Fatalf("not a tie: %d bytes bad in gb18030, %d in big5", gbBad, b5Bad)
	}
	return b.String()
}

// FuzzDecodeStreamLines: any bytes the streamed decoder accepts decode, at
// small pieces that cut characters anywhere, to Decode's text, encoding
// and edits of the same bytes whole.
func FuzzDecodeStreamLines(f *testing.F) {
	for _, s := range []string{
		"新建农村公路\n", "\xd0\xc2\xbd\xa8\n\xb9\xab\xc2\xb7\n", "\x81\n\xff\xff", "\xa4\xa4\xa4\xe5\n", "\xef\xbb\xbf\xb9\xab",
		"全市\xe5\x85\n\xb9\xab\xc2\xb7\x81\x30", "\x81\x30\x81\x30\r\n\xb9",
	} {
		f.Add(s, uint8(16))
	}
	d := New(langmodel.PerChar).WithRuneScorer(langScorer)
	f.Fuzz(func(t *testing.T, in string, p uint8) {
		if in == "" {
			return
		}
		// The streamed decoder refuses what is shorter than its head:
		// repeat the input past it.
		in = strings.Repeat(in, streamHead/len(in)+2)
		piece := 16 + int(p)%64
		got, ok := streamLines(t, d, in, "", piece)
		if !ok {
			return
		}
		whole, err := d.Decode([]byte(in), "")
		if err != nil {
			t.Fatal(err)
		}
		if got.Text != whole.Text || got.Encoding != whole.Encoding {
			t.Fatalf("piece %d: streamed %q (%s), whole %q (%s)", piece, got.Text, got.Encoding, whole.Text, whole.Encoding)
		}
		if !reflect.DeepEqual(got.Edits, whole.Edits) {
			t.Fatalf("piece %d: streamed edits %+v, whole %+v", piece, got.Edits, whole.Edits)
		}
	})
}
