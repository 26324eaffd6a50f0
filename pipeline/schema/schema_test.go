package schema

import (
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

type strText string

func (s strText) Len() int64           { return int64(len(s)) }
func (s strText) NewReader() io.Reader { return strings.NewReader(string(s)) }

// TestEachPiece: the pieces join to the text, and no piece of valid text
// starts or ends inside a character, whatever the piece size.
func TestEachPiece(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
	}{
		{"empty", ""},
		{"ascii", strings.Repeat("abc ", 50)},
		{"three-byte", strings.Repeat("公路里程", 40)},
		{"four-byte", strings.Repeat("𠀀a𠀁", 30)},
		{"mixed", strings.Repeat("2023年新建公路1,234公里；𠮷", 20)},
		{"invalid bytes", "公\xe4\xbd" + strings.Repeat("路\x80", 20) + "\xe4"},
	} {
		for _, size := range []int{1, 2, 3, 5, 7, 64, 1 << 10} {
			var got strings.Builder
			err := EachPiece(strText(tc.text), size, func(p string) error {
				if utf8.ValidString(tc.text) && !utf8.ValidString(p) {
					t.Errorf("%s, size %d: piece %q cut inside a character", tc.name, size, p)
				}
				got.WriteString(p)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if got.String() != tc.text {
				t.Errorf("%s, size %d: pieces join to %q", tc.name, size, got.String())
			}
		}
	}
}
