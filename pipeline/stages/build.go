package stages

import (
	"github.com/zhextract/zhextract/extractors"
	"github.com/zhextract/zhextract/pipeline"
	"github.com/zhextract/zhextract/pipeline/decode"
	"github.com/zhextract/zhextract/pipeline/htmltext"
	"github.com/zhextract/zhextract/pipeline/langmodel"
	"github.com/zhextract/zhextract/pipeline/mojibake"
	"github.com/zhextract/zhextract/pipeline/opencc"
	"github.com/zhextract/zhextract/pipeline/pinyin"
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
		Decode{Decoder: decode.New(langmodel.Default().PerChar), Charset: htmltext.Charset},
		HTML{},
		Chrome{},
		Mojibake{Repairer: mojibake.New()},
		Pinyin{Stripper: pinyin.New()},
		Script{table: scripts},
		Convert{Conv: conv},
	}
	if opt.NoExtract {
		return st, nil
	}
	set, err := extractors.New()
	if err != nil {
		return nil, err
	}
	ex := Extract{Set: set}
	if conv.Name() != "t2s" {
		if ex.T2S, err = opencc.New("t2s"); err != nil {
			return nil, err
		}
	}
	return append(st, ex), nil
}
