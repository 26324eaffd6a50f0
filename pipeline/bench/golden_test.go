package bench

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/zhextract/zhextract/pipeline/batch"
	"github.com/zhextract/zhextract/pipeline/schema"
	"github.com/zhextract/zhextract/pipeline/stages"
)

var update = flag.Bool("update", false, "rewrite golden files")

// goldenTemplates are the files the golden corpus is built from: a fixed
// list (not all of testdata) so that adding test data elsewhere does not
// move the golden. They cover simplified, traditional and pinyin-annotated
// text, GBK, Big5 and mixed encodings, and HTML pages.
func goldenTemplates(t *testing.T) []string {
	t.Helper()
	root := filepath.Join("..", "..", "testdata")
	var paths []string
	for _, pat := range []string{"seeds/0*.txt", "examples/*.txt", "htmltext/0[1-9]-*/page.html"} {
		m, err := filepath.Glob(filepath.Join(root, pat))
		if err != nil || len(m) == 0 {
			t.Fatalf("no template files match %s", pat)
		}
		paths = append(paths, m...)
	}
	return paths
}

// collect keeps every row the run writes, in order.
type collect struct {
	mu   sync.Mutex
	rows []docRows
}

type docRows struct {
	doc   schema.Document
	figs  []schema.Figure
	edits []schema.Edit
}

func (c *collect) Write(doc schema.Document, figs []schema.Figure, edits []schema.Edit) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.rows = append(c.rows, docRows{doc, slices.Clone(figs), slices.Clone(edits)})
	return nil
}
func (c *collect) Close() error { return nil }
func (c *collect) Abort()       {}

func digest(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:8])
}

// TestCorpusGolden runs the whole pipeline over a 2 MB bench corpus and
// compares every output row with testdata/corpus.golden (one line per
// document: its counts and digests of its document, figure and edit rows).
// Speed work must not move it; a change of behaviour that does regenerates
// it with -update and says so in its commit.
func TestCorpusGolden(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	if _, _, err := CorpusOf(goldenTemplates(t), corpus, 2<<20, 1); err != nil {
		t.Fatal(err)
	}
	st, err := stages.Build(stages.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var c collect
	if _, err := batch.Run(context.Background(), batch.Config{Inputs: []string{corpus}, Writer: &c, Workers: 2, Stages: st}); err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(c.rows, func(a, b docRows) int { return strings.Compare(a.doc.Source, b.doc.Source) })
	var got strings.Builder
	figures := 0
	for _, r := range c.rows {
		// Sources name files under the temporary folder; keep the part
		// inside the corpus.
		src := filepath.ToSlash(r.doc.Source)
		if i := strings.LastIndex(src, "corpus/"); i >= 0 {
			src = src[i+len("corpus/"):]
		}
		doc := r.doc
		doc.Source, doc.DocID = "", ""
		for i := range r.figs {
			r.figs[i].Source, r.figs[i].DocID, r.figs[i].FigureID = "", "", ""
		}
		for i := range r.edits {
			r.edits[i].DocID = ""
		}
		figures += len(r.figs)
		fmt.Fprintf(&got, "%s %s figures=%d/%s edits=%d/%s text=%s doc=%s\n", src, doc.Status,
			len(r.figs), digest(r.figs), len(r.edits), digest(r.edits), digest(doc.Text), digest(doc))
	}
	if len(c.rows) < 100 || figures < 1000 {
		t.Fatalf("the corpus gave %d documents and %d figures; want a corpus that exercises the extractors", len(c.rows), figures)
	}
	path := filepath.Join("testdata", "corpus.golden")
	if *update {
		if err := os.WriteFile(path, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./pipeline/bench -run TestCorpusGolden -update to create it)", err)
	}
	if got.String() == string(want) {
		return
	}
	wl, gl := strings.Split(string(want), "\n"), strings.Split(got.String(), "\n")
	shown := 0
	for i := 0; i < max(len(wl), len(gl)) && shown < 10; i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			t.Errorf("line %d:\n want %s\n got  %s", i+1, w, g)
			shown++
		}
	}
	t.Errorf("the output over the golden corpus changed; if the change is intended, run with -update and name it in the commit")
}
