package stages

import (
	"errors"
	"sync"
	"time"

	"github.com/zhextract/zhextract/extractors"
	"github.com/zhextract/zhextract/pipeline"
	"github.com/zhextract/zhextract/pipeline/chrome"
	"github.com/zhextract/zhextract/pipeline/decode"
	"github.com/zhextract/zhextract/pipeline/htmltext"
	"github.com/zhextract/zhextract/pipeline/langmodel"
	"github.com/zhextract/zhextract/pipeline/mojibake"
	"github.com/zhextract/zhextract/pipeline/opencc"
	"github.com/zhextract/zhextract/pipeline/pdftext"
	"github.com/zhextract/zhextract/pipeline/pinyin"
)

// Options choose the stages of a run.
type Options struct {
	// Convert is the OpenCC config for the clean text ("t2s" by default).
	Convert string
	// NoExtract leaves out figure extraction (zhextract clean).
	NoExtract bool
	// PDFTimeout limits the time one PDF may take (pdftext.DefaultTimeout
	// when 0).
	PDFTimeout time.Duration
	// ChunkBytes sets which plain-text documents are processed in chunks:
	// those over twice ChunkBytes (pipeline.DefaultChunkBytes when 0;
	// never split when negative), cut at ChunkBytes or
	// pipeline.DefaultCutBytes, whichever is smaller.
	ChunkBytes int
	// StreamPiece is how many bytes of a large legacy-encoded file the
	// decoder reads at a time (decode.DefaultPiece when 0).
	StreamPiece int
}

// Build assembles the stages in pipeline order.
func Build(opt Options) ([]pipeline.Stage, error) {
	if opt.Convert == "" {
		opt.Convert = "t2s"
	}
	chunk := opt.ChunkBytes
	switch {
	case chunk == 0:
		chunk = pipeline.DefaultChunkBytes
	case chunk < 0:
		chunk = 0
	}
	// The dictionaries and tables load in parallel: a run starts in the
	// time of the slowest, not of all of them.
	var (
		wg      sync.WaitGroup
		conv    *opencc.Converter
		t2s     *opencc.Converter
		scripts *scriptTable
		rep     *mojibake.Repairer
		strip   *pinyin.Stripper
		set     *extractors.Set
		errs    [3]error
	)
	wg.Go(func() {
		if conv, errs[0] = opencc.New(opt.Convert); errs[0] == nil && conv.Name() != "t2s" && !opt.NoExtract {
			t2s, errs[0] = opencc.New("t2s")
		}
	})
	wg.Go(func() { scripts, errs[1] = newScriptTable() })
	// The page's pairs start anew where a document may be cut into
	// chunks (pipeline.Split), so that it repairs as it would whole.
	wg.Go(func() { rep = mojibake.NewScoped(chrome.Anchor) })
	wg.Go(func() { strip = pinyin.New() })
	if !opt.NoExtract {
		// The word segmenter loads at the first sentence that needs it, not
		// here: a run whose texts hold no candidate figure never pays for it.
		wg.Go(func() { set, errs[2] = extractors.New() })
	}
	wg.Wait()
	if err := errors.Join(errs[:]...); err != nil {
		return nil, err
	}
	st := []pipeline.Stage{
		// PDFium starts only when the first PDF arrives.
		PDF{Reader: pdftext.New(opt.PDFTimeout, 0)},
		Decode{Decoder: decode.New(langmodel.PerChar).WithRuneScorer(runeScorer), Charset: htmltext.Charset, Stream: decode.StreamOptions{Piece: opt.StreamPiece}},
		pipeline.Split{Bytes: chunk, Cut: pipeline.DefaultCutBytes},
		HTML{Extractor: htmltext.NewExtractor()},
		Chrome{},
		Mojibake{Repairer: rep},
		Pinyin{Stripper: strip},
		Script{table: scripts},
		Convert{Conv: conv},
	}
	if opt.NoExtract {
		return st, nil
	}
	return append(st, Extract{Set: set, T2S: t2s}), nil
}

// runeScorer scores streamed text one character at a time as
// langmodel.PerChar scores it whole (both sum Scorer.Next in order).
func runeScorer() decode.RuneScorer {
	sc := langmodel.Default().Scorer()
	return &sc
}
