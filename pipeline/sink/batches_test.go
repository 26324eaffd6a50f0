package sink

import (
	"errors"
	"fmt"
	"slices"
	"testing"
)

// failingRows are n rows numbered from 0 whose read fails at row failAt
// (never when negative).
type failingRows struct{ n, failAt int }

var errRowRead = errors.New("read failed")

func (r failingRows) Len() int { return r.n }
func (r failingRows) Each(fn func(int) error) error {
	for i := range r.n {
		if i == r.failAt {
			return errRowRead
		}
		if err := fn(i); err != nil {
			return err
		}
	}
	return nil
}

// TestInBatches: rows come out in order, in batches of rowBatch, whether
// read alongside the writes or not, and a failed write or read ends the
// rows with its error.
func TestInBatches(t *testing.T) {
	errWrite := errors.New("write failed")
	for _, tc := range []struct {
		n, failRead, failBatch int // failBatch: the write of that batch fails (-1: none)
		want                   error
	}{
		{0, -1, -1, nil},
		{1, -1, -1, nil},
		{rowBatch, -1, -1, nil},
		{rowBatch + 1, -1, -1, nil},
		{5*rowBatch + 17, -1, -1, nil},
		{5 * rowBatch, -1, 1, errWrite},
		{5 * rowBatch, -1, 4, errWrite},
		{5 * rowBatch, 3*rowBatch + 5, -1, errRowRead},
		{rowBatch, 7, -1, errRowRead},
	} {
		t.Run(fmt.Sprintf("%d rows, read fails %d, write %d", tc.n, tc.failRead, tc.failBatch), func(t *testing.T) {
			var got []int
			batches := 0
			err := inBatches[int](failingRows{tc.n, tc.failRead}, func(b []int) error {
				if len(b) > rowBatch {
					t.Errorf("batch of %d rows", len(b))
				}
				if batches == tc.failBatch {
					return errWrite
				}
				batches++
				got = append(got, b...)
				return nil
			})
			if !errors.Is(err, tc.want) {
				t.Fatalf("error %v, want %v", err, tc.want)
			}
			if tc.want != nil {
				return
			}
			want := make([]int, tc.n)
			for i := range want {
				want[i] = i
			}
			if !slices.Equal(got, want) {
				t.Errorf("%d rows out of order or missing (of %d)", len(got), tc.n)
			}
		})
	}
}
