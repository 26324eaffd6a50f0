package stages

import (
	"github.com/zhextract/zhextract/pipeline"
	"github.com/zhextract/zhextract/pipeline/decode"
	"github.com/zhextract/zhextract/pipeline/opencc"
)

// Options choose the stages of a run.
type Options struct {
	// Convert is the OpenCC config for the clean text ("t2s" by default).
	Convert string
	// NoExtract leaves out figure extraction (zhextract clean).
	NoExtract bool
}

// Build assembles the stages in pipeline order.
func Build(opt Options) ([]pipeline.Stage, error) {
	if opt.Convert == "" {
		opt.Convert = "t2s"
	}
	conv, err := opencc.New(opt.Convert)
	if err != nil {
		return nil, err
	}
	scripts, err := newScriptTable()
	if err != nil {
		return nil, err
	}
	st := []pipeline.Stage{
		Decode{Decoder: decode.New(nil)},
		Script{table: scripts},
		Convert{Conv: conv},
	}
	return st, nil
}
