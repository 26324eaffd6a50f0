package stages

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/zhextract/zhextract/extractors"
	"github.com/zhextract/zhextract/pipeline"
	"github.com/zhextract/zhextract/pipeline/mojibake"
	"github.com/zhextract/zhextract/pipeline/opencc"
	"github.com/zhextract/zhextract/pipeline/textedit"
)

// Mojibake repairs text that was decoded with the wrong charset upstream.
type Mojibake struct {
	Repairer *mojibake.Repairer
}

// Name implements pipeline.Stage.
func (Mojibake) Name() string { return "mojibake" }

// Apply implements pipeline.Stage.
func (s Mojibake) Apply(_ context.Context, d *pipeline.Document) error {
	text, edits := s.Repairer.Repair(d.Text)
	d.Rewrite(text, edits)
	d.Repairs += len(edits)
	return nil
}

// ApplyChained implements pipeline.Chained: a chunk is repaired with the
// state the chunks before it left (a page found garbled stays garbled).
// When a chunk finds what changes the reading of earlier chunks, the
// document is processed whole.
func (s Mojibake) ApplyChained(ctx context.Context, d *pipeline.Document, in any) (any, error) {
	apply, out, err := s.PrepareChained(ctx, d, in)
	if err == nil {
		apply()
	}
	return out, err
}

// PrepareChained implements pipeline.Guesser: the repair of a chunk from a
// state, applied to it later (a chunk repaired on a guess of the state is
// repaired again when the guess was wrong).
func (s Mojibake) PrepareChained(_ context.Context, d *pipeline.Document, in any) (func(), any, error) {
	st := chunkState(d, in)
	text, edits, out := s.Repairer.RepairFrom(d.Text, st)
	return func() {
		if !out.Local() {
			d.NotLocal = "a later chunk changes the repair of earlier ones"
			if out.Confused {
				d.NotLocal = "a line was read as the other double-byte code"
			}
			return
		}
		d.Rewrite(text, edits)
		d.Repairs += len(edits)
	}, out, nil
}

// SameState implements pipeline.Guesser: the states differ only in what
// PrepareChained sets from the chunk itself.
func (Mojibake) SameState(a, b any) bool {
	sa, _ := a.(mojibake.State)
	sb, _ := b.(mojibake.State)
	sa.Chunked, sa.AfterBreak = false, false
	sb.Chunked, sb.AfterBreak = false, false
	return sa == sb
}

// chunkState is the state a chunk is repaired from.
func chunkState(d *pipeline.Document, in any) mojibake.State {
	st, _ := in.(mojibake.State)
	st.Chunked, st.AfterBreak = true, !d.Chunk.First()
	return st
}

// Extract finds figures. The extractors read simplified text: when the clean
// text is in another script (--convert s2t, ...), they read the t2s
// conversion of the original-script text and their spans are mapped onto the
// clean text.
type Extract struct {
	Set *extractors.Set
	// T2S is set when the run's conversion is not t2s.
	T2S *opencc.Converter
}

// Name implements pipeline.Stage.
func (Extract) Name() string { return "extract" }

// Apply implements pipeline.Stage.
func (s Extract) Apply(_ context.Context, d *pipeline.Document) error {
	if s.T2S == nil {
		d.Figures = s.Set.ExtractAfter(d.Text, d.Before)
		originalSubjects(d.Figures, d.Text, d.Original, d.ScriptEdits)
		markInferred(d)
		return nil
	}
	simp, toSimp := s.T2S.ConvertEdits(d.Original)
	figs := s.Set.ExtractAfter(simp, d.Before)
	originalSubjects(figs, simp, d.Original, toSimp)
	back := textedit.NewMapper(toSimp)
	fwd := textedit.NewMapper(textedit.Invert(d.ScriptEdits))
	for i := range figs {
		f := &figs[i]
		start, end := back.Start(f.Start), back.End(f.End)
		f.Start, f.End = fwd.Start(start), fwd.End(end)
	}
	d.Figures = figs
	markInferred(d)
	return nil
}

// Tail implements pipeline.Carrier: what a chunk leaves for the extraction
// of the chunks after it, read from the text the extractors read.
func (s Extract) Tail(d *pipeline.Document) extractors.Context {
	if s.T2S == nil {
		return extractors.TailOf(d.Text)
	}
	return extractors.TailOf(s.T2S.Convert(d.Original))
}

// markInferred says in a figure's evidence when its span holds a character
// the mojibake stage inferred from surviving bytes rather than read, or
// when its clause lost a character (U+FFFD) before the number, which may
// have been the word that says what the number is (每小�80公里 is a
// speed): QA should check such a figure against the page. A figure whose
// span ends in an inferred multiplier (12万, 3.6亿) is dropped: its value
// would rest on a guess between a multiplier and a counter (项目4个 read
// as 4万), and nothing read after it (元, 公里) confirms the guess.
func markInferred(d *pipeline.Document) {
	if len(d.Figures) == 0 {
		return
	}
	x := d.InferredIndex()
	// Most texts lost no character: their clauses are not searched (a
	// search back to the clause mark per figure was most of this pass).
	lost := strings.Contains(d.Text, "\uFFFD")
	keep := d.Figures[:0]
	for _, f := range d.Figures {
		if x != nil && x.Span(f.Start, f.End) {
			if endsInInferredMultiplier(d.Text, f.Start, f.End, x) {
				continue
			}
			f.Evidence += "; span holds inferred characters (review)"
		}
		if lost && lostInClause(d.Text, f.Start, f.End) {
			f.Evidence += "; clause lost characters (review)"
		}
		keep = append(keep, f)
	}
	d.Figures = keep
}

// endsInInferredMultiplier reports whether text[start:end] ends in a
// multiplier character that x says was inferred.
func endsInInferredMultiplier(text string, start, end int, x *textedit.InferredIndex) bool {
	if start < 0 || end > len(text) || start >= end {
		return false
	}
	r, n := utf8.DecodeLastRuneInString(text[start:end])
	if !strings.ContainsRune("万亿萬億千百", r) {
		return false
	}
	return x.Span(end-n, end)
}

// lostInClause reports a U+FFFD in the figure's span text[start:end] or in
// its clause before it. The clause starts after the last clause mark
// before the span (a comma inside the span, as in 2,520公里, is no
// clause mark).
func lostInClause(text string, start, end int) bool {
	if start < 0 || end > len(text) || start > end {
		return false
	}
	from := strings.LastIndexAny(text[:start], "，,；;。！？!?\n") + 1
	return strings.Contains(text[from:end], "\uFFFD")
}

// originalSubjects gives each subject as the document writes it, like raw:
// the extractors name it in simplified text (simp, with figure spans in
// simp), so its nearest occurrence before the figure is mapped back through
// toSimp, the edits from the original-script text to simp. Subject itself
// stays simplified, so that one project groups together whatever the
// script of the page.
func originalSubjects(figs []extractors.Figure, simp, original string, toSimp []textedit.Edit) {
	if len(toSimp) == 0 {
		return
	}
	m := textedit.NewMapper(toSimp)
	for i := range figs {
		f := &figs[i]
		if f.Subject == "" {
			continue
		}
		lo := max(0, f.Start-len(f.Sentence))
		hi := min(len(simp), f.End+len(f.Sentence))
		at := strings.LastIndex(simp[lo:min(hi, f.End)], f.Subject)
		if at < 0 {
			at = strings.Index(simp[lo:hi], f.Subject)
		}
		if at < 0 {
			continue
		}
		s, e := m.Start(lo+at), m.End(lo+at+len(f.Subject))
		if s <= e && e <= len(original) && original[s:e] != f.Subject {
			f.SubjectOriginal = original[s:e]
		}
	}
}
