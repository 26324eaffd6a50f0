package sink

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/parquet-go/parquet-go/deprecated"
	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"
)

// tailWriter passes writes through to w until hold is called; from then on
// it keeps them, so that the page index and footer can be rewritten before
// they reach w.
type tailWriter struct {
	w       io.Writer
	written int64 // bytes passed through to w
	holding bool
	heldAt  int64 // file offset of held's first byte
	held    bytes.Buffer
}

func (t *tailWriter) Write(b []byte) (int, error) {
	if t.holding {
		return t.held.Write(b)
	}
	n, err := t.w.Write(b)
	t.written += int64(n)
	return n, err
}

func (t *tailWriter) hold() {
	t.holding, t.heldAt = true, t.written
}

// rewritePageIndex returns tail, the end of a Parquet file from file
// offset at on (holding its whole page index and footer, as parquet-go
// writes them on Close), with the column indexes made true to the format:
//
//   - The free-text columns get none. The writer skips their page bounds
//     (SkipPageBounds), but parquet-go still writes a column index for them
//     with an empty min and max on every page that holds values: a claim
//     that every value is the empty string, so readers that prune pages
//     with the page index (hyparquet with usePageIndex did) found no row
//     for a filter such as text = 'x' or sentence > 'a'. A column chunk may have no column index; their
//     offset indexes stay.
//   - String bounds are valid UTF-8. parquet-go cuts them to 16 bytes,
//     through the middle of a character, and the format wants bounds that
//     are valid values of the column's type: hyparquet decoded such a min
//     of a Chinese title to a U+FFFD above the title and skipped the page
//     for title = that title. A min is cut back to whole characters, a max
//     to whole characters with its last one raised (see utf8UpperBound).
//
// parquet-go's reader expects the column indexes to be one contiguous
// run, so those that remain are moved up, and the offset indexes after
// them with them.
func rewritePageIndex(tail []byte, at int64) ([]byte, error) {
	n := int64(len(tail))
	if n < 12 || string(tail[n-4:]) != "PAR1" {
		return nil, errors.New("page index: no footer")
	}
	footerLen := int64(binary.LittleEndian.Uint32(tail[n-8:]))
	footerAt := n - 8 - footerLen
	if footerAt < 0 {
		return nil, fmt.Errorf("page index: footer of %d bytes in a tail of %d", footerLen, n)
	}
	compact := new(thrift.CompactProtocol)
	var md format.FileMetaData
	if err := thrift.Unmarshal(compact, tail[footerAt:n-8], &md); err != nil {
		return nil, fmt.Errorf("page index: footer: %w", err)
	}
	strs := map[string]bool{}
	for _, el := range md.Schema {
		if ct, ok := el.ConvertedType.Get(); ok && ct == deprecated.UTF8 {
			strs[el.Name] = true
		}
	}
	// The column indexes as parquet-go lays them out: one after the other
	// in row group and column order, before the offset indexes.
	var chunks []*format.ColumnChunk
	for i := range md.RowGroups {
		for j := range md.RowGroups[i].Columns {
			if c := &md.RowGroups[i].Columns[j]; c.ColumnIndexLength > 0 {
				chunks = append(chunks, c)
			}
		}
	}
	if len(chunks) == 0 {
		return tail, nil
	}
	start := chunks[0].ColumnIndexOffset
	end := start
	for _, c := range chunks {
		if c.ColumnIndexOffset != end {
			return nil, fmt.Errorf("page index: column index at %d, want %d", c.ColumnIndexOffset, end)
		}
		end += int64(c.ColumnIndexLength)
	}
	if start < at || end-at > footerAt {
		return nil, fmt.Errorf("page index: column indexes at %d-%d, outside the footer's tail at %d", start, end, at)
	}
	out := slices.Clip(tail[:start-at])
	for _, c := range chunks {
		ci := tail[c.ColumnIndexOffset-at : c.ColumnIndexOffset-at+int64(c.ColumnIndexLength)]
		col := strings.Join(c.MetaData.PathInSchema, ".") // tables are flat
		keep := !slices.Contains(blobColumns, col)
		if keep && strs[col] {
			var err error
			if ci, keep, err = validUTF8Bounds(compact, ci); err != nil {
				return nil, fmt.Errorf("page index: column %s: %w", col, err)
			}
		}
		if !keep {
			c.ColumnIndexOffset, c.ColumnIndexLength = 0, 0
			continue
		}
		c.ColumnIndexOffset, c.ColumnIndexLength = at+int64(len(out)), int32(len(ci))
		out = append(out, ci...)
	}
	removed := end - (at + int64(len(out)))
	for i := range md.RowGroups {
		for j := range md.RowGroups[i].Columns {
			c := &md.RowGroups[i].Columns[j]
			if c.OffsetIndexLength == 0 {
				continue
			}
			if c.OffsetIndexOffset < end || c.OffsetIndexOffset-at+int64(c.OffsetIndexLength) > footerAt {
				return nil, fmt.Errorf("page index: offset index at %d, not between the column indexes and the footer", c.OffsetIndexOffset)
			}
			c.OffsetIndexOffset -= removed
		}
	}
	out = append(out, tail[end-at:footerAt]...)
	footer, err := thrift.Marshal(compact, &md)
	if err != nil {
		return nil, fmt.Errorf("page index: footer: %w", err)
	}
	out = append(out, footer...)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(footer)))
	return append(out, "PAR1"...), nil
}

// validUTF8Bounds returns the column index encoded in ci with its bounds
// made valid UTF-8 (ci itself when they are), or false when a max cannot
// be raised to a valid one, so the chunk is better without a column index.
func validUTF8Bounds(compact *thrift.CompactProtocol, ci []byte) ([]byte, bool, error) {
	var idx format.ColumnIndex
	if err := thrift.Unmarshal(compact, ci, &idx); err != nil {
		return nil, false, err
	}
	changed := false
	for i := range idx.MinValues {
		if utf8.Valid(idx.MinValues[i]) && utf8.Valid(idx.MaxValues[i]) {
			continue
		}
		changed = true
		idx.MinValues[i] = wholeRunes(idx.MinValues[i])
		hi, ok := utf8UpperBound(idx.MaxValues[i])
		if !ok {
			return nil, false, nil
		}
		idx.MaxValues[i] = hi
	}
	if !changed {
		return ci, true, nil
	}
	b, err := thrift.Marshal(compact, &idx)
	return b, true, err
}

// wholeRunes returns b up to its first byte that does not start a whole
// valid character: a prefix, so still a lower bound of what b bounded.
func wholeRunes(b []byte) []byte {
	for k := 0; k < len(b); {
		r, size := utf8.DecodeRune(b[k:])
		if r == utf8.RuneError && size <= 1 {
			return b[:k]
		}
		k += size
	}
	return b
}

// utf8UpperBound returns a valid UTF-8 string above every string that b,
// parquet-go's max (a value's first bytes, the last one raised by one),
// bounds: its whole characters with the last one raised to the next code
// point, skipping the surrogates and dropping U+10FFFF to raise the one
// before it. UTF-8 orders bytes as code points, so the result is above
// every string that starts with the characters kept. False when no
// character can be raised.
func utf8UpperBound(b []byte) ([]byte, bool) {
	if utf8.Valid(b) {
		return b, true
	}
	for k := len(wholeRunes(b)); k > 0; {
		r, size := utf8.DecodeLastRune(b[:k])
		k -= size
		if r == utf8.MaxRune {
			continue
		}
		r++
		if r >= 0xD800 && r <= 0xDFFF {
			r = 0xE000
		}
		return utf8.AppendRune(slices.Clip(b[:k]), r), true
	}
	return nil, false
}
