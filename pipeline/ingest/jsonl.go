package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
	"golang.org/x/text/transform"
)

type jsonDoc struct {
	Text *string         `json:"text"`
	HTML *string         `json:"html"`
	URL  string          `json:"url"`
	ID   json.RawMessage `json:"id"`
}

// jsonlEncoding finds the encoding of a JSONL stream from its first bytes:
// a BOM (UTF-8, UTF-16, UTF-32), or, without one, the zero bytes around
// the first line's ASCII '{'. It returns the bytes to drop (a UTF-8 BOM),
// the decoder to UTF-8 (nil when the stream is UTF-8 already) and its name.
func jsonlEncoding(head []byte) (skip int, enc encoding.Encoding, name string) {
	has := func(p string) bool { return bytes.HasPrefix(head, []byte(p)) }
	switch {
	case has("\xef\xbb\xbf"):
		return 3, nil, ""
	// UTF-32LE's BOM starts with UTF-16LE's: test it first.
	case has("\xff\xfe\x00\x00"):
		return 0, utf32.UTF32(utf32.LittleEndian, utf32.ExpectBOM), "utf-32le"
	case has("\x00\x00\xfe\xff"):
		return 0, utf32.UTF32(utf32.BigEndian, utf32.ExpectBOM), "utf-32be"
	case has("\xff\xfe"):
		return 0, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le"
	case has("\xfe\xff"):
		return 0, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be"
	}
	// A JSON line starts with ASCII (whitespace or '{'), which UTF-16 and
	// UTF-32 spell with zero bytes that UTF-8 text never holds.
	if len(head) >= 4 && head[0] != 0 && head[0] < 0x80 && head[1] == 0 {
		if head[2] == 0 && head[3] == 0 {
			return 0, utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM), "utf-32le"
		}
		return 0, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le"
	}
	if len(head) >= 4 && head[0] == 0 {
		if head[1] == 0 && head[2] == 0 && head[3] != 0 && head[3] < 0x80 {
			return 0, utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM), "utf-32be"
		}
		if head[1] != 0 && head[1] < 0x80 {
			return 0, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be"
		}
	}
	return 0, nil, ""
}

func readJSONL(ctx context.Context, path string, br *bufio.Reader, opt Options, emit func(Item) error) error {
	head, _ := br.Peek(4)
	skip, enc, encName := jsonlEncoding(head)
	br.Discard(skip)
	if enc != nil {
		br = bufio.NewReaderSize(transform.NewReader(br, enc.NewDecoder()), 64<<10)
	}
	ids := opt.IDs
	line := 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		b, rerr := readLine(br, opt.MaxBytes)
		if len(b) == 0 && rerr == io.EOF {
			return nil
		}
		line++
		src := fmt.Sprintf("%s:%d", path, line)
		if rerr != nil && rerr != io.EOF {
			if errors.Is(rerr, errTooLarge) {
				if err := emit(Item{Source: src, ID: DocID(src), Err: fmt.Errorf("jsonl line %d: %w", line, rerr)}); err != nil {
					return err
				}
				continue
			}
			return emit(Item{Source: src, ID: DocID(src), Err: fmt.Errorf("read jsonl: %w", rerr)})
		}
		if len(bytes.TrimSpace(b)) == 0 {
			if rerr == io.EOF {
				return nil
			}
			continue
		}
		if opt.Skip != nil && opt.Skip(src) {
			if rerr == io.EOF {
				return nil
			}
			continue
		}
		it := parseJSONLine(src, b)
		it.Transcoded = encName
		if ids != nil && it.givenID {
			ids.unique(&it)
		}
		if err := emit(it); err != nil {
			return err
		}
		if rerr == io.EOF {
			return nil
		}
	}
}

func parseJSONLine(src string, b []byte) Item {
	it := Item{Source: src, ID: DocID(src)}
	var d jsonDoc
	if err := json.Unmarshal(b, &d); err != nil {
		it.Err = fmt.Errorf("jsonl: %w", err)
		return it
	}
	// encoding/json turns bytes that are not UTF-8 into U+FFFD; a GBK text
	// field would lose every character. Such a line's strings are taken
	// raw, for the decode stage to read as it reads any file.
	var raw map[string][]byte
	if !utf8.Valid(b) {
		raw = rawStrings(b, true)
	}
	if len(d.ID) > 0 && string(d.ID) != "null" {
		var s string
		if json.Unmarshal(d.ID, &s) == nil {
			it.ID = s
			if r, ok := raw["id"]; ok {
				it.ID = EscapeName(string(r))
			}
		} else {
			it.ID = string(d.ID) // a number: keep its JSON spelling
		}
		// An empty or blank id names nothing: the line gets a hashed
		// doc_id like a line without one (an empty doc_id is NULL in CSV
		// and breaks joins and verify).
		if strings.TrimSpace(it.ID) == "" {
			it.ID = DocID(src)
		} else {
			it.givenID = true
		}
	}
	it.URL = d.URL
	if r, ok := raw["url"]; ok {
		it.URL = EscapeName(string(r))
	}
	switch {
	case d.HTML != nil:
		it.Format, it.Data = FormatHTML, []byte(*d.HTML)
		if r, ok := raw["html"]; ok {
			it.Data = r
		}
	case d.Text != nil:
		it.Format, it.Data = FormatText, []byte(*d.Text)
		if r, ok := raw["text"]; ok {
			it.Data = r
		}
	default:
		it.Err = errors.New(`jsonl: object has neither a "text" nor an "html" field`)
	}
	return it
}

// rawStrings returns the string members of the JSON object b with their
// escapes undone but every other byte kept as it is, where encoding/json
// would replace bytes that are not UTF-8. b must be valid JSON (json.Valid
// accepts such bytes inside strings); for anything else the result is
// partial. A later member replaces an earlier one of the same name, as in
// encoding/json, and a member whose value is not a string is absent. With
// fold, names are lower-cased (ASCII), as encoding/json matches a struct's
// fields whatever their case.
func rawStrings(b []byte, fold bool) map[string][]byte {
	out := map[string][]byte{}
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return out
	}
	i++
	for {
		i = skipSpace(b, i)
		if i >= len(b) || b[i] != '"' {
			return out
		}
		key, j, ok := jsonString(b, i)
		if !ok {
			return out
		}
		if fold {
			key = bytes.ToLower(key)
		}
		i = skipSpace(b, j)
		if i >= len(b) || b[i] != ':' {
			return out
		}
		i = skipSpace(b, i+1)
		if i < len(b) && b[i] == '"' {
			val, j, ok := jsonString(b, i)
			if !ok {
				return out
			}
			out[string(key)] = val
			i = j
		} else {
			delete(out, string(key))
			if i = skipValue(b, i); i < 0 {
				return out
			}
		}
		i = skipSpace(b, i)
		if i >= len(b) || b[i] != ',' {
			return out
		}
		i++
	}
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// skipValue returns the index after the non-string value at b[i] (a
// number, literal, object or array), or -1.
func skipValue(b []byte, i int) int {
	depth := 0
	for i < len(b) {
		switch c := b[i]; c {
		case '"':
			_, j, ok := jsonString(b, i)
			if !ok {
				return -1
			}
			i = j
			if depth == 0 {
				return i
			}
			continue
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return i
			}
			depth--
			if depth == 0 {
				return i + 1
			}
		case ',':
			if depth == 0 {
				return i
			}
		}
		i++
	}
	if depth == 0 {
		return i
	}
	return -1
}

// jsonString reads the string starting at the quote b[i]: its bytes with
// escapes undone (\u escapes as UTF-8, a lone surrogate as U+FFFD, as
// encoding/json does), and the index after its closing quote.
func jsonString(b []byte, i int) (s []byte, next int, ok bool) {
	i++
	for i < len(b) {
		c := b[i]
		switch {
		case c == '"':
			return s, i + 1, true
		case c != '\\':
			s = append(s, c)
			i++
			continue
		}
		if i+1 >= len(b) {
			return nil, 0, false
		}
		e := b[i+1]
		i += 2
		switch e {
		case '"', '\\', '/':
			s = append(s, e)
		case 'b':
			s = append(s, '\b')
		case 'f':
			s = append(s, '\f')
		case 'n':
			s = append(s, '\n')
		case 'r':
			s = append(s, '\r')
		case 't':
			s = append(s, '\t')
		case 'u':
			r, ok := hex4(b, i)
			if !ok {
				return nil, 0, false
			}
			i += 4
			if utf16.IsSurrogate(r) {
				r2, ok2 := rune(-1), false
				if i+6 <= len(b) && b[i] == '\\' && b[i+1] == 'u' {
					r2, ok2 = hex4(b, i+2)
				}
				if d := utf16.DecodeRune(r, r2); ok2 && d != utf8.RuneError {
					r = d
					i += 6
				} else {
					r = utf8.RuneError
				}
			}
			s = utf8.AppendRune(s, r)
		default:
			return nil, 0, false
		}
	}
	return nil, 0, false
}

func hex4(b []byte, i int) (rune, bool) {
	if i+4 > len(b) {
		return 0, false
	}
	var r rune
	for _, c := range b[i : i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}
