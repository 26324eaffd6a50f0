package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

func readAllItems(t *testing.T, source string, data []byte, opt Options) []Item {
	t.Helper()
	var items []Item
	err := ReadFrom(context.Background(), source, bytes.NewReader(data), opt, func(it Item) error {
		items = append(items, it)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return items
}

func encodeWith(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestJSONLEncodings: a JSONL file in UTF-8 with a BOM, UTF-16 with or
// without one, or UTF-32 gives the same documents as plain UTF-8.
func TestJSONLEncodings(t *testing.T) {
	const lines = `{"id":"a","text":"新建农村公路1200公里。"}` + "\n" + `{"id":"b","text":"总投资35.6亿元。"}` + "\n"
	tests := []struct {
		name       string
		data       []byte
		transcoded string
	}{
		{"utf-8", []byte(lines), ""},
		{"utf-8 bom", append([]byte("\xef\xbb\xbf"), lines...), ""},
		{"utf-16le bom", encodeWith(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), lines), "utf-16le"},
		{"utf-16be bom", encodeWith(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), lines), "utf-16be"},
		{"utf-16le no bom", encodeWith(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), lines), "utf-16le"},
		{"utf-16be no bom", encodeWith(t, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), lines), "utf-16be"},
		{"utf-32le bom", encodeWith(t, utf32.UTF32(utf32.LittleEndian, utf32.UseBOM), lines), "utf-32le"},
		{"utf-32be bom", encodeWith(t, utf32.UTF32(utf32.BigEndian, utf32.UseBOM), lines), "utf-32be"},
		{"utf-32le no bom", encodeWith(t, utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM), lines), "utf-32le"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			items := readAllItems(t, "x.jsonl", tc.data, Options{})
			if len(items) != 2 {
				t.Fatalf("%d items, want 2: %+v", len(items), items)
			}
			for i, want := range []string{"新建农村公路1200公里。", "总投资35.6亿元。"} {
				it := items[i]
				if it.Err != nil || string(it.Data) != want || it.Transcoded != tc.transcoded {
					t.Errorf("line %d: err %v, text %q, transcoded %q; want %q, %q", i+1, it.Err, it.Data, it.Transcoded, want, tc.transcoded)
				}
			}
			if items[0].ID != "a" || items[1].ID != "b" {
				t.Errorf("ids %q %q", items[0].ID, items[1].ID)
			}
		})
	}
}

// TestJSONLRawBytes: bytes that are not UTF-8 inside a JSONL string reach
// the decode stage as they are, not as U+FFFD.
func TestJSONLRawBytes(t *testing.T) {
	gbk := encodeWith(t, simplifiedchinese.GBK, "新建农村公路1200公里")
	line := append(append([]byte(`{"url":"http://x/`), 0xff), `","text":"`...)
	line = append(line, gbk...)
	line = append(line, `\n\u5b8c\u6210","id":"k`...)
	line = append(line, 0xb9, 0xab)
	line = append(line, `"}`...)
	items := readAllItems(t, "g.jsonl", append(line, '\n'), Options{})
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("items %+v", items)
	}
	it := items[0]
	want := append(append([]byte{}, gbk...), "\n完成"...)
	if !bytes.Equal(it.Data, want) {
		t.Errorf("data %q, want %q", it.Data, want)
	}
	if it.ID != `k\xb9\xab` || it.URL != `http://x/\xff` {
		t.Errorf("id %q url %q: want escaped bytes", it.ID, it.URL)
	}
}

// replaceInvalid turns each byte that is not UTF-8 into U+FFFD, as
// encoding/json does.
func replaceInvalid(b []byte) string {
	var s strings.Builder
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			s.WriteRune(utf8.RuneError)
		} else {
			s.Write(b[:n])
		}
		b = b[n:]
	}
	return s.String()
}

// FuzzRawStrings: on any valid JSON object, rawStrings agrees with
// encoding/json on every top-level string member once bytes that are not
// UTF-8 are replaced as encoding/json replaces them.
func FuzzRawStrings(f *testing.F) {
	for _, s := range []string{
		`{"text":"a\"b\\c\/\n\u4e2d\ud83d\ude00\ud800x"}`,
		`{"text":"x","text":1}`,
		`{"a":{"b":["}",{"c":"d"}]},"text":"\u0000"}`,
		"{\"text\":\"\xb9\xab\xc2\xb7\"}",
		` { "id" : 7 , "html" : "<p>" } `,
		`{"t\u0065xt":"e"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		got := rawStrings(b, false)
		if !json.Valid(b) {
			return
		}
		var m map[string]any
		if json.Unmarshal(b, &m) != nil {
			return // not an object
		}
		for k := range m {
			if strings.ContainsRune(k, utf8.RuneError) {
				// encoding/json may have merged keys that differ only in
				// invalid bytes; rawStrings keeps them apart.
				return
			}
		}
		for k, v := range m {
			s, isString := v.(string)
			r, ok := got[k]
			if isString != ok || isString && replaceInvalid(r) != s {
				t.Fatalf("member %q: json %q, raw %q (%v)", k, v, r, ok)
			}
		}
		if len(got) > len(m) {
			t.Fatalf("raw has %d members, json %d", len(got), len(m))
		}
	})
}

// FuzzEscapeName: EscapeName gives valid UTF-8 that UnescapeName turns
// back into the input, and keeps valid names without a backslash as they
// are.
func FuzzEscapeName(f *testing.F) {
	for _, s := range []string{"a.txt", "\xb9\xab.txt", `a\b`, `\x41`, "\\\xff", "公路/\xe5\x85", `\\xff`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := EscapeName(s)
		if !utf8.ValidString(e) {
			t.Fatalf("EscapeName(%q) = %q, not UTF-8", s, e)
		}
		if UnescapeName(e) != s {
			t.Fatalf("UnescapeName(EscapeName(%q)) = %q", s, UnescapeName(e))
		}
		if utf8.ValidString(s) && !strings.Contains(s, `\`) && e != s {
			t.Fatalf("EscapeName changed the plain name %q to %q", s, e)
		}
	})
}

// TestJSONLBlankID: an empty or blank id names nothing, so the line gets a
// doc_id derived from its source, as a line without an id does; an empty
// doc_id would be NULL in CSV and break joins and verify.
func TestJSONLBlankID(t *testing.T) {
	in := "{\"id\":\"\",\"text\":\"a\"}\n{\"id\":\"  \",\"text\":\"b\"}\n{\"id\":\"x\",\"text\":\"c\"}\n{\"text\":\"d\"}\n"
	items := readAllItems(t, "ids.jsonl", []byte(in), Options{})
	if len(items) != 4 {
		t.Fatalf("%d items", len(items))
	}
	seen := map[string]bool{}
	for i, it := range items {
		if strings.TrimSpace(it.ID) == "" || seen[it.ID] {
			t.Errorf("line %d: doc_id %q (empty or repeated)", i+1, it.ID)
		}
		seen[it.ID] = true
		if i != 2 && it.ID != DocID(it.Source) {
			t.Errorf("line %d: doc_id %q, want the one derived from %q", i+1, it.ID, it.Source)
		}
	}
	if items[2].ID != "x" {
		t.Errorf("a given id %q was not kept", items[2].ID)
	}
}
