package stages

import (
	"context"
	"strings"
	"testing"

	"github.com/zhextract/zhextract/pipeline"
	"github.com/zhextract/zhextract/pipeline/ingest"
)

// TestFailedDocumentErrorPrefix: a failed document's error names the
// stage once ("decode: binary content…", not "decode: decode: …"), since
// that text lands in documents.error.
func TestFailedDocumentErrorPrefix(t *testing.T) {
	st, err := Build(Options{})
	if err != nil {
		t.Fatal(err)
	}
	in := make(chan ingest.Item, 1)
	in <- ingest.Item{Source: "bin.dat", Data: []byte("\x00\x01\x02binary\xff\xfe\x00\x00\x00\x00\x00")}
	close(in)
	var got *pipeline.Document
	if err := pipeline.Run(context.Background(), in, st, 1, 0, nil, func(d *pipeline.Document) error {
		got = d
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.Err == nil {
		t.Fatalf("binary input did not fail: %+v", got)
	}
	msg := got.Err.Error()
	if !strings.HasPrefix(msg, "decode: ") || strings.Count(msg, "decode: ") != 1 {
		t.Errorf("error %q: want the stage named once", msg)
	}
}
