package opencc

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
)

// chunkSize is how much input one worker converts at a time: large enough
// to amortise the hand-offs, small enough that two cores both get work on
// inputs of a few megabytes.
const chunkSize = 256 << 10

// ConvertStream converts r to w like the opencc CLI does for its input,
// using all cores: the input is cut into chunks after line breaks, chunks
// are converted in parallel and written in order. No dictionary key holds a
// line break (the generator checks), so cutting there changes nothing. A
// line longer than a chunk is cut before a byte that occurs in no key, or
// read whole.
func (c *Converter) ConvertStream(ctx context.Context, w io.Writer, r io.Reader) error {
	return c.convertStream(ctx, w, r, chunkSize, runtime.GOMAXPROCS(0))
}

func (c *Converter) convertStream(parent context.Context, w io.Writer, r io.Reader, chunk, workers int) error {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()

	type job struct {
		in  []byte
		out chan []byte
	}
	jobs := make(chan job)
	order := make(chan chan []byte, 2*workers)
	var readErr error
	var wg sync.WaitGroup

	wg.Add(1)
	go func() { // reader: cuts chunks, queues them in input order
		defer wg.Done()
		defer close(jobs)
		defer close(order)
		readErr = c.chunks(ctx, r, chunk, func(chunk []byte) bool {
			j := job{in: chunk, out: make(chan []byte, 1)}
			select {
			case order <- j.out:
			case <-ctx.Done():
				return false
			}
			select {
			case jobs <- j:
				return true
			case <-ctx.Done():
				return false
			}
		})
	}()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var sc scratch
			for j := range jobs {
				j.out <- appendConvert(c, make([]byte, 0, len(j.in)+len(j.in)/8), j.in, &sc)
			}
		}()
	}

	var err error
	for out := range order {
		var b []byte
		select {
		case b = <-out:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		if _, werr := w.Write(b); werr != nil {
			err = fmt.Errorf("opencc: write: %w", werr)
			break
		}
	}
	cancel()
	for range order { // let the reader finish after an early stop
	}
	wg.Wait()
	switch {
	case err != nil:
		return err
	case parent.Err() != nil:
		return fmt.Errorf("opencc: %w", context.Cause(parent))
	}
	return readErr
}

// chunks reads r and calls emit with consecutive chunks that can be
// converted independently, until emit returns false or the input ends.
func (c *Converter) chunks(ctx context.Context, r io.Reader, chunk int, emit func([]byte) bool) error {
	var carry []byte
	size := chunk
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		buf := make([]byte, len(carry), max(size, 2*len(carry)))
		copy(buf, carry)
		n, err := io.ReadFull(r, buf[len(carry):cap(buf)])
		buf = buf[:len(carry)+n]
		eof := errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
		if err != nil && !eof {
			return fmt.Errorf("opencc: read: %w", err)
		}
		if eof {
			if len(buf) > 0 {
				emit(buf)
			}
			return nil
		}
		cut := c.cutPoint(buf)
		if cut == 0 { // no safe cut yet: read on with a bigger buffer
			carry, size = buf, 2*len(buf)
			continue
		}
		carry, size = buf[cut:], chunk
		if !emit(buf[:cut:cut]) {
			return nil
		}
	}
}

// cutPoint returns where b can be cut so that converting the two halves
// separately equals converting b: after the last line break, or else before
// the last ASCII byte that occurs in no key (no match can span it, in any
// step, since every step copies it unchanged). 0 means none.
func (c *Converter) cutPoint(b []byte) int {
	for i := len(b); i > 0; i-- {
		if b[i-1] == '\n' {
			return i
		}
	}
	for i := len(b) - 1; i > 0; i-- {
		if b[i] < 0x80 && c.ab.bmp[b[i]] == 0 {
			return i
		}
	}
	return 0
}
