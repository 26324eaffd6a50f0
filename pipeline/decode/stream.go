package decode

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/zhextract/zhextract/pipeline/textedit"
)

// streamHead is how much of an input the whole-input checks read: the
// UTF-16 tests look at 4096 bytes, the binary test at 8192.
const streamHead = 8192

// DecodeStream decodes a large input read from r into w without holding it,
// when the input is one Decode would return as it is: UTF-8 throughout
// (after an optional UTF-8 byte order mark), neither UTF-16 nor UTF-32 nor
// binary. For any other input ok is false: what was written to w is to be
// dropped and the input decoded another way (DecodeStreamLines, or whole
// with Decode), so that every choice of encoding, and every repair of
// mixed or damaged lines, stays the whole input's. The Result's Text is empty (the text is what went to w).
func DecodeStream(r io.Reader, w io.Writer) (res Result, ok bool, err error) {
	buf := make([]byte, 1<<20)
	n, err := io.ReadFull(r, buf[:streamHead])
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return Result{}, false, nil // too short to be taken for large
	}
	if err != nil {
		return Result{}, false, err
	}
	head := buf[:n]
	skip := 0
	switch {
	case bytes.HasPrefix(head, []byte("\xff\xfe")), bytes.HasPrefix(head, []byte("\xfe\xff")), bytes.HasPrefix(head, []byte("\x00\x00\xfe\xff")):
		return Result{}, false, nil
	case bytes.HasPrefix(head, []byte("\xef\xbb\xbf")):
		// Decode reads what follows line by line, which for UTF-8
		// throughout is the bytes as they are, and checks nothing else.
		skip = 3
		res.Edits = []textedit.Edit{{Stage: Stage, Start: 0, End: 3, Old: "\ufeff", Reason: "byte order mark", Quiet: true}}
	case utf16NoBOM(head) != "" || isBinary(head):
		return Result{}, false, nil
	}
	// pending bytes at the front of buf begin a character the next read
	// completes.
	pending := copy(buf, head[skip:])
	for {
		m, rerr := r.Read(buf[pending:])
		end := pending + m
		cut := completeRunes(buf[:end])
		if rerr != nil && rerr != io.EOF {
			return Result{}, false, rerr
		}
		if rerr == io.EOF && m == 0 {
			cut = end // nothing will complete the rest
		}
		if !utf8.Valid(buf[:cut]) {
			return Result{}, false, nil
		}
		if _, err := w.Write(buf[:cut]); err != nil {
			return Result{}, false, fmt.Errorf("decode: %w", err)
		}
		pending = copy(buf, buf[cut:end])
		if rerr == io.EOF && m == 0 {
			break
		}
	}
	res.Encoding = "utf-8"
	return res, true, nil
}

// completeRunes returns the length of b less a character cut short at its
// end (at most 3 bytes), which the next bytes may complete. Bytes that are
// no character are left in: utf8.Valid rejects them.
func completeRunes(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if utf8.FullRune(b[i:]) {
				return len(b)
			}
			return i
		}
	}
	return len(b)
}
