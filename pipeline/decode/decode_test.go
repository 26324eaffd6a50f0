package decode

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"

	"github.com/zhextract/zhextract/pipeline/textedit"
)

func enc(t *testing.T, e encoding.Encoding, s string) string {
	t.Helper()
	b, err := e.NewEncoder().String(s)
	if err != nil {
		t.Fatalf("encode %q: %v", s, err)
	}
	return b
}

const (
	hanOnly     = "全市新建农村公路一千二百公里，完成投资三十五亿元。\n改造危桥十座，总投资约三亿元。\n"
	hanOnlyTrad = "新建改造農村公路二百一十四公里，爭取資金補助五億元。\n"
)

func TestDecode(t *testing.T) {
	const simp = "改造农村公路559公里，总投资约390亿元。\n"
	const trad = "新建改造農村公路214公里，爭取資金補助5億元。\n"
	tests := []struct {
		name     string
		in       string
		declared string
		want     string
		encoding string
	}{
		{"utf-8", simp, "", simp, "utf-8"},
		{"ascii", "hello\n", "", "hello\n", "utf-8"},
		{"empty", "", "", "", "utf-8"},
		{"utf-8 bom", "\xef\xbb\xbf" + simp, "", simp, "utf-8"},
		{"gbk whole file", enc(t, simplifiedchinese.GBK, simp+simp), "", simp + simp, "gb18030"},
		{"gb18030 four-byte", enc(t, simplifiedchinese.GB18030, "𠀀公路€\n"), "", "𠀀公路€\n", "gb18030"},
		{"big5 whole file", enc(t, traditionalchinese.Big5, trad), "", trad, "big5"},
		{"declared gbk", enc(t, simplifiedchinese.GBK, simp), "gbk", simp, "gb18030"},
		{"declared gb2312 label", enc(t, simplifiedchinese.GBK, simp), "GB2312", simp, "gb18030"},
		{"declared big5", enc(t, traditionalchinese.Big5, trad), "big5", trad, "big5"},
		{"declared gbk but utf-8", simp, "gbk", simp, "utf-8"},
		{"declared utf-8 but gbk", enc(t, simplifiedchinese.GBK, simp), "utf-8", simp, "gb18030"},
		{"mixed utf-8 and gbk lines", simp + enc(t, simplifiedchinese.GBK, "审批时限压减87.5%\n") + trad, "", simp + "审批时限压减87.5%\n" + trad, "mixed:utf-8+gb18030"},
		{"utf-16le bom", enc(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), simp), "", simp, "utf-16le"},
		{"utf-16be bom", enc(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), simp), "", simp, "utf-16be"},
		{"utf-16le no bom", enc(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "Report: "+simp), "", "Report: " + simp, "utf-16le"},
		// Han text without ASCII has no zero bytes to find UTF-16 by.
		{"utf-16le no bom, han only", enc(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), hanOnly), "", hanOnly, "utf-16le"},
		{"utf-16be no bom, han only", enc(t, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), hanOnly), "", hanOnly, "utf-16be"},
		{"gbk han only is not utf-16", enc(t, simplifiedchinese.GBK, hanOnly), "", hanOnly, "gb18030"},
		{"big5 han only is not utf-16", enc(t, traditionalchinese.Big5, hanOnlyTrad), "", hanOnlyTrad, "big5"},
		{"utf-32le bom", enc(t, utf32.UTF32(utf32.LittleEndian, utf32.UseBOM), simp), "", simp, "utf-32le"},
		{"utf-32be bom", enc(t, utf32.UTF32(utf32.BigEndian, utf32.UseBOM), simp), "", simp, "utf-32be"},
		{"utf-32le bom, bad unit", "\xff\xfe\x00\x00\x6c\x51\x00\x00\x00\xd8\x00\x00A\x00\x00\x00", "", "公\ufffdA", "utf-32le"},
	}
	d := New(nil)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := d.Decode([]byte(tc.in), tc.declared)
			if err != nil {
				t.Fatal(err)
			}
			if r.Text != tc.want {
				t.Errorf("text = %q, want %q", r.Text, tc.want)
			}
			if r.Encoding != tc.encoding {
				t.Errorf("encoding = %q, want %q", r.Encoding, tc.encoding)
			}
			checkMapping(t, tc.in, r)
		})
	}
}

// checkMapping maps every character of the output back to the input bytes
// and decodes those bytes again: each must give the same character.
func checkMapping(t *testing.T, in string, r Result) {
	t.Helper()
	m := textedit.NewMapper(r.Edits)
	// Each edit's New is the text at its place in the output.
	shift := 0
	for _, e := range r.Edits {
		at := e.Start + shift
		if at < 0 || at+len(e.New) > len(r.Text) || r.Text[at:at+len(e.New)] != e.New {
			t.Fatalf("edit %+v: New is not the output at %d", e, at)
		}
		shift += len(e.New) - (e.End - e.Start)
	}
	for i, c := range r.Text {
		n := utf8.RuneLen(c)
		s, e := m.Start(i), m.End(i+n)
		if s < 0 || e > len(in) || s > e {
			t.Fatalf("char %q at %d maps to bad span [%d,%d)", c, i, s, e)
		}
		if c < 0x80 && e-s == 1 && in[s] != byte(c) {
			t.Fatalf("char %q at %d maps to byte %q", c, i, in[s])
		}
		if e == s && c != 0xfeff {
			t.Fatalf("char %q at %d maps to an empty span", c, i)
		}
	}
}

func TestDecodeDamage(t *testing.T) {
	const text = "总投资约390亿元。"
	tests := []struct {
		name   string
		in     string
		want   string
		reason string
	}{
		{"truncated utf-8", text + "公"[:2], text + "\ufffd", "truncated utf-8 character"},
		{"stray byte in utf-8", "总投资约\xff390亿元。", "总投资约\ufffd390亿元。", "invalid utf-8 bytes"},
		{"truncated gbk", enc(t, simplifiedchinese.GBK, text) + "\xb9", text + "\ufffd", "gb18030: byte is not part of any character"},
	}
	d := New(nil)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := d.Decode([]byte(tc.in), "")
			if err != nil {
				t.Fatal(err)
			}
			if r.Text != tc.want {
				t.Errorf("text = %q, want %q", r.Text, tc.want)
			}
			var loud []textedit.Edit
			for _, e := range r.Edits {
				if !e.Quiet {
					loud = append(loud, e)
				}
			}
			if len(loud) != 1 || loud[0].Reason != tc.reason || loud[0].New != "\ufffd" {
				t.Errorf("damage edits = %+v, want one with reason %q", loud, tc.reason)
			}
		})
	}
}

func TestDecodeBinary(t *testing.T) {
	png := "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"
	for _, in := range []string{
		png,
		"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj",
		"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj",
		"abc\x00\x01\x02\x03def",
		"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01",
		"GIF89a\x01\x00\x01\x00\x80\x00\x00",
		"GIF89a",
		"PK\x03\x04\x14\x00\x00\x00\x08\x00",
		"RIFF\x24\x08\x00\x00WEBPVP8 ",
		"RIFFabcdWAVEfmt ",
		"ID3\x03\x00\x00\x00\x00\x0f\x76",
		"OggS\x00\x02\x00\x00\x00\x00",
		"\x00asm\x01\x00\x00\x00",
	} {
		_, err := New(nil).Decode([]byte(in), "")
		if !errors.Is(err, ErrBinary) {
			t.Errorf("Decode(%q) error = %v, want ErrBinary", in[:min(len(in), 8)], err)
		}
	}
	for _, in := range []string{
		"<!DOCTYPE html><html><body>公路</body></html>",
		"总投资约390亿元\f第二页\r\n",
		"PDF-1.4 规范说明",
		"RIFF 格式说明",
	} {
		if _, err := New(nil).Decode([]byte(in), ""); err != nil {
			t.Errorf("Decode(%q): %v, want text", in, err)
		}
	}
}

func TestDecodeUsesScorer(t *testing.T) {
	// Bytes valid in both GB18030 and Big5: the scorer decides.
	line := enc(t, traditionalchinese.Big5, "交通運輸\n")
	prefer := func(want string) Scorer {
		return func(s string) float64 {
			if strings.Contains(s, want) {
				return 0
			}
			return -10
		}
	}
	r, _ := New(prefer("交通")).Decode([]byte(line), "")
	if r.Text != "交通運輸\n" || r.Encoding != "big5" {
		t.Errorf("with a scorer preferring Big5: %q %s", r.Text, r.Encoding)
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("总投资约390亿元"), "")
	f.Add([]byte("\xd7\xdc\xcd\xb6\xd7\xca"), "gbk")
	f.Add([]byte("\xff\xfea\x00"), "")
	f.Add([]byte("abc\xe5\x85"), "big5")
	f.Fuzz(func(t *testing.T, data []byte, declared string) {
		r, err := New(nil).Decode(data, declared)
		if err != nil {
			return
		}
		if !utf8.ValidString(r.Text) {
			t.Fatalf("output is not valid UTF-8: %q", r.Text)
		}
		checkMapping(t, string(data), r)
	})
}

// TestDecodeEditNew checks each transcoding edit's New, after a byte order
// mark and across lines of different codes.
func TestDecodeEditNew(t *testing.T) {
	gbk := enc(t, simplifiedchinese.GBK, "总投资约390亿元")
	for _, in := range []string{
		"\xef\xbb\xbf公路\n" + gbk + "\n",
		gbk + "\n公路里程\n" + gbk,
		"\xef\xbb\xbf" + gbk,
	} {
		r, err := New(nil).Decode([]byte(in), "")
		if err != nil {
			t.Fatal(err)
		}
		quiet := 0
		for _, e := range r.Edits {
			if e.Quiet && e.Reason == "gb18030" {
				quiet++
				chars := 1
				if e.Unit > 0 {
					chars = (e.End - e.Start) / e.Unit
				}
				if utf8.RuneCountInString(e.New) != chars || (e.Unit > 0 && len(e.New) != chars*e.NewUnit) {
					t.Errorf("%q: edit %+v does not hold %d characters", in, e, chars)
				}
			}
		}
		if quiet == 0 {
			t.Errorf("%q: no transcoding edits in %+v", in, r.Edits)
		}
		checkMapping(t, in, r)
	}
}

// TestDecodeLazyDeclared: the declared charset is looked up only for bytes
// that are not valid UTF-8, and then it is used.
func TestDecodeLazyDeclared(t *testing.T) {
	calls := 0
	declared := func() string { calls++; return "big5" }
	if _, err := New(nil).DecodeLazy([]byte("总投资约390亿元"), declared); err != nil || calls != 0 {
		t.Errorf("valid UTF-8: err %v, charset looked up %d times", err, calls)
	}
	in := enc(t, traditionalchinese.Big5, "交通運輸部")
	r, err := New(nil).DecodeLazy([]byte(in), declared)
	if err != nil || calls != 1 || r.Text != "交通運輸部" || r.Encoding != "big5" {
		t.Errorf("Big5: %q %s, err %v, charset looked up %d times", r.Text, r.Encoding, err, calls)
	}
}

// TestDecodeRunsMapEachCharacter checks that a run-length transcoding edit
// still maps each character of the output to its own bytes of the input.
func TestDecodeRunsMapEachCharacter(t *testing.T) {
	for _, tc := range []struct {
		name string
		enc  encoding.Encoding
		text string
	}{
		{"gbk", simplifiedchinese.GBK, "交通运输部：总投资约390亿元，新改建农村公路1.2万公里。"},
		{"big5", traditionalchinese.Big5, "交通運輸部：總投資約390億元，新改建農村公路1.2萬公里。"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := enc(t, tc.enc, tc.text)
			r, err := New(nil).Decode([]byte(in), "")
			if err != nil || r.Text != tc.text {
				t.Fatalf("decoded %q, %v", r.Text, err)
			}
			runs := 0
			for _, e := range r.Edits {
				if e.Unit > 0 && e.End-e.Start > e.Unit {
					runs++
				}
			}
			if runs == 0 {
				t.Errorf("no run-length edit in %+v", r.Edits)
			}
			m := textedit.NewMapper(r.Edits)
			dec := tc.enc.NewDecoder()
			for i, c := range r.Text {
				s, e := m.Start(i), m.End(i+utf8.RuneLen(c))
				got, err := dec.String(in[s:e])
				if err != nil || got != string(c) {
					t.Errorf("%q at %d maps to input bytes %x (%q)", c, i, in[s:e], got)
				}
			}
		})
	}
}
