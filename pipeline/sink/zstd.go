package sink

import (
	"fmt"
	"io"
	"sync"

	"github.com/klauspost/compress/zstd"
	"github.com/parquet-go/parquet-go/format"
)

// zstdCodec is Parquet's ZSTD codec with one long-lived encoder. parquet-go's
// own codec keeps its encoders in a sync.Pool, which the garbage collector
// empties, so under a busy pipeline nearly every page paid for a new encoder
// and its multi-megabyte history (about 10% of a run's CPU time). The
// fastest level halves the remaining compression time for files about 5%
// larger than the default level's.
type zstdCodec struct {
	enc *zstd.Encoder
	dec func() (*zstd.Decoder, error)
}

func newZstdCodec() *zstdCodec {
	enc, err := newZstdEncoder(nil)
	if err != nil {
		// Only invalid options fail, and these are constant.
		panic(fmt.Sprintf("zstd encoder: %v", err))
	}
	return &zstdCodec{
		enc: enc,
		dec: sync.OnceValues(func() (*zstd.Decoder, error) {
			return zstd.NewReader(nil, zstd.WithDecoderConcurrency(1))
		}),
	}
}

// newZstdEncoder returns an encoder with the codec's settings, writing
// to w (large text pages are compressed as a stream with it).
func newZstdEncoder(w io.Writer) (*zstd.Encoder, error) {
	return zstd.NewWriter(w,
		zstd.WithEncoderLevel(zstd.SpeedFastest),
		zstd.WithEncoderConcurrency(1),
		zstd.WithZeroFrames(true),
		zstd.WithEncoderCRC(false),
		// Pages are compressed one at a time and are at most about a
		// megabyte: a larger window only holds memory (8 MB a table).
		zstd.WithWindowSize(1<<20),
	)
}

func (c *zstdCodec) String() string { return "ZSTD" }

func (c *zstdCodec) CompressionCodec() format.CompressionCodec { return format.Zstd }

// Encode is safe for concurrent use: EncodeAll takes the encoder's state in
// turn.
func (c *zstdCodec) Encode(dst, src []byte) ([]byte, error) {
	return c.enc.EncodeAll(src, dst[:0]), nil
}

func (c *zstdCodec) Decode(dst, src []byte) ([]byte, error) {
	d, err := c.dec()
	if err != nil {
		return dst[:0], fmt.Errorf("zstd decoder: %w", err)
	}
	return d.DecodeAll(src, dst[:0])
}
