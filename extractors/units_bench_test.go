package extractors

import "testing"

// BenchmarkUnitScans is the unit scans the road and money extractors run
// over every candidate sentence, here over the seed text whole.
func BenchmarkUnitScans(b *testing.B) {
	text := seedText(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		_ = lengthUnits(text)
		_ = moneyUnits(text)
	}
}

// BenchmarkYearList runs the year-list extractor alone over the seed
// text's sentences, most of which hold no list.
func BenchmarkYearList(b *testing.B) {
	s := newSet(b)
	text := seedText(b)
	doc := newDocument(text)
	var sents []*Sentence
	for _, sp := range docSentences(doc) {
		sents = append(sents, &Sentence{Text: text[sp.start:sp.end], Start: sp.start, doc: doc, set: s})
	}
	var yl Extractor
	for _, e := range s.extractors {
		if _, ok := e.(*yearList); ok {
			yl = e
		}
	}
	if yl == nil {
		b.Fatal("no year-list extractor in the set")
	}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		for _, st := range sents {
			_ = yl.Extract(st)
		}
	}
}

// BenchmarkRelYears is the relative-year scan the year of every figure
// without a year of its own asks for, here over the seed text whole.
func BenchmarkRelYears(b *testing.B) {
	text := seedText(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		_ = relYears(text)
	}
}

// BenchmarkScanSentences is the one pass extract makes over every paragraph
// of a text: its sentences and their marks, numerals and before words.
func BenchmarkScanSentences(b *testing.B) {
	texts := corpusTexts(b)
	var paras [][]span
	n := 0
	for _, t := range texts {
		paras = append(paras, splitParagraphs(t))
		n += len(t)
	}
	b.SetBytes(int64(n))
	var out []scanned
	for b.Loop() {
		for k, t := range texts {
			for _, p := range paras[k] {
				out = scanSentences(out[:0], t, p)
			}
		}
	}
}
