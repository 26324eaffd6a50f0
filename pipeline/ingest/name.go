package ingest

import (
	"os"
	"strconv"
	"strings"
	"unicode/utf8"
)

// EscapeName makes a file name (or any string taken from input bytes)
// valid UTF-8 for the output tables, reversibly: when s is not valid UTF-8,
// each byte that is no part of a UTF-8 character becomes \xNN (two
// lower-case hex digits) and each backslash becomes \\. On a system whose
// paths use '/', a name holding a backslash is escaped the same way even
// when valid, so that UnescapeName never has to guess; a valid name without
// a backslash, the usual case, is kept as it is.
func EscapeName(s string) string {
	if utf8.ValidString(s) && (os.PathSeparator == '\\' || !strings.Contains(s, `\`)) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			b.WriteString(`\x`)
			b.WriteString(hexByte(s[i]))
		case r == '\\':
			b.WriteString(`\\`)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func hexByte(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&15]})
}

// UnescapeName undoes EscapeName on a system whose paths use '/': it
// returns the original bytes of a name EscapeName changed, and s itself for
// one it kept. (Go reads Windows names from UTF-16 as valid UTF-8, so
// EscapeName keeps them and UnescapeName returns them as they are there.)
func UnescapeName(s string) string {
	if os.PathSeparator == '\\' || !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 >= len(s) {
			b.WriteByte(s[i])
			continue
		}
		if s[i+1] == '\\' {
			b.WriteByte('\\')
			i++
			continue
		}
		if s[i+1] == 'x' && i+4 <= len(s) {
			if v, err := strconv.ParseUint(s[i+2:i+4], 16, 8); err == nil {
				b.WriteByte(byte(v))
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
