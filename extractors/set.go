package extractors

import (
	"cmp"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Extractor finds one kind of figure in a sentence. A new kind is one type
// implementing it, registered in New.
type Extractor interface {
	Kind() string
	// Extract returns figures with Start/End as document offsets. Year and
	// Sentence are filled in by the Set unless the extractor set Year itself.
	Extract(s *Sentence) []Figure
}

// appender is an Extractor that can append its figures to the slice the
// Set collects them in: Extract's own slice, copied over, was a third of
// the bytes extraction allocated.
type appender interface {
	appendFigures(s *Sentence, out []Figure) []Figure
}

// Set runs all extractors over a document. It is immutable after New
// (but for its pool of buffers) and safe for concurrent use.
type Set struct {
	extractors []Extractor
	seg        *segmenter
	// docs holds documents done with, whose buffers (paragraphs,
	// sentences, marks, words) the next text reuses: most texts are
	// small, and growing each one's buffers anew was a fifth of the
	// extract stage's allocations.
	docs sync.Pool
}

// New builds the extractor set. It is cheap: the gse word list is loaded on
// the first sentence that holds a candidate figure.
func New() (*Set, error) {
	s := &Set{seg: newSegmenter()}
	s.extractors = []Extractor{
		newRoadLength(),
		newMoney(),
		newCuts(),
		newYearList(),
	}
	for _, e := range s.extractors {
		if e.Kind() == "" {
			return nil, fmt.Errorf("extractor %T has no kind", e)
		}
	}
	return s, nil
}

// Preload loads the word segmenter now rather than at the first figure, so
// that a batch can load it alongside its other tables.
func (s *Set) Preload() error {
	_, err := s.seg.load()
	return err
}

// Sentence is one sentence of a document, handed to extractors.
type Sentence struct {
	Text  string // exact slice of the document
	Start int    // byte offset of Text in the document
	// prev is the sentence before in the same paragraph ("" for the first):
	// a list ("其中，…") or a 完成 may take its head from there.
	prev      string
	prevStart int // document offset of prev
	doc       *document
	set       *Set
	subjects  []subjectMemo // projectSubject's answers so far
	wordBuf   []word        // words' buffer, kept from sentence to sentence
	// tell is what mayTellBeforeAfter says of the text a before/after
	// cut is read in (prev through Text), when the scans of extract
	// already know it
	tell known
	// marksBuf holds the sentence's marks once marks scanned it; its
	// buffers are kept from sentence to sentence
	marksBuf  sentenceMarks
	marksDone bool
}

// known is a yes or no found already, or unknown.
type known int8

const (
	unknown known = iota
	yes
	no
)

// knownOf is b as a known answer.
func knownOf(b bool) known {
	if b {
		return yes
	}
	return no
}

// words segments Text[a:b] with gse; offsets are relative to Text. It logs
// and returns nil if the word list cannot load, so callers drop subjects
// rather than guess. The words live in the sentence's buffer until the
// next call: callers use them before asking again.
func (s *Sentence) words(a, b int) []word {
	ws, err := s.set.seg.words(s.Text[a:b], s.wordBuf)
	if err != nil {
		slog.Error("extractors: segmenter", "err", err)
		return nil
	}
	s.wordBuf = ws
	for i := range ws {
		ws[i].start += a
		ws[i].end += a
	}
	return ws
}

// Extract returns the figures of a clean simplified text in text order.
func (s *Set) Extract(text string) []Figure {
	return s.ExtractAfter(text, Context{})
}

// ExtractAfter is Extract for a chunk of a larger document that begins at
// a line start: before is the Context the text before it left (Then over
// the TailOf the earlier chunks), so that years stated earlier and a road
// named just before apply as they would in the whole document.
func (s *Set) ExtractAfter(text string, before Context) []Figure {
	flat, cut := dewrap(text)
	figs := s.extractAfter(flat, before)
	if cut != nil {
		rewrap(figs, text, flat, cut)
	}
	return figs
}

func (s *Set) extractAfter(text string, before Context) []Figure {
	if before.lead == "" {
		f := s.extract(text, before, 0)
		return f
	}
	lead := len(before.lead)
	figs := s.extract(before.lead+text, before, lead)
	for i := range figs {
		figs[i].Start -= lead
		figs[i].End -= lead
	}
	return figs
}

// extract finds the figures of the sentences that start at or after from
// (text before from is context only).
func (s *Set) extract(text string, before Context, from int) []Figure {
	// A whole text is not searched for a mark first: the sentence scan
	// below finds the marks, and a text without any, nor a before word,
	// nor a table hint gives no figure through it (TestNoMarkNoFigure),
	// while the search was a pass over the start of every text holding
	// one. A chunk after a lead keeps it: a sentence of the chunk may
	// take a before word from the lead, which the search did not read.
	if from > 0 && !hasCandidateMark(text[from:]) && !mayTellBeforeAfter(text[from:]) && !tableHint(text[from:]) {
		return nil
	}
	doc := s.document(text)
	doc.before = before
	var figs []Figure
	sents := doc.sents
	for _, para := range doc.paragraphs {
		// A sentence gives a figure only with a numeral in it, and a
		// sentence's sentence before is in its paragraph (a line break
		// stands between paragraphs): a paragraph without a numeral
		// gives none (most lines of a page hold none).
		if para.end <= from {
			continue
		}
		sents = scanSentences(sents[:0], text, para)
		if !slices.ContainsFunc(sents, func(sc scanned) bool { return sc.flags&flagNumeral != 0 }) {
			continue
		}
		figs = s.extractSentences(doc, sents, from, figs)
	}
	figs = append(figs, tableFigures(doc, text, from)...)
	doc.sents = sents
	s.docs.Put(doc)
	return dedupe(figs)
}

// extractSentences appends to figs the figures of the sentences sents of
// one paragraph that start at or after from.
func (s *Set) extractSentences(doc *document, sents []scanned, from int, figs []Figure) []Figure {
	text := doc.text
	sent := &doc.sent
	for k, sc := range sents {
		sp := sc.span
		if sp.start < from {
			continue
		}
		prevStart := -1
		if k > 0 && !strings.Contains(text[sents[k-1].end:sp.start], "\n") && sents[k-1].end <= sp.start {
			prevStart = sents[k-1].start
		}
		// Whether a before word stands in the text a before/after cut is
		// read in, from the sentence before through this one: the scan
		// found the words of each sentence, and none stands across two.
		tell := sc.flags&flagTell != 0 || prevStart >= 0 && sents[k-1].flags&flagTell != 0
		onlyBeforeAfter := false
		if sc.flags&(flagMark|flagNumeral) != flagMark|flagNumeral {
			// no mark, but a cut may be told as a before and an after
			// (the before may be in the sentence before)
			if sc.flags&flagNumeral == 0 || !tell {
				continue
			}
			onlyBeforeAfter = true
		}
		// One Sentence serves the document's sentences in turn: no
		// extractor keeps it past its Extract.
		*sent = Sentence{Text: text[sp.start:sp.end], Start: sp.start, doc: doc, set: s, subjects: sent.subjects[:0], wordBuf: sent.wordBuf, marksBuf: sent.marksBuf}
		if prevStart >= 0 {
			sent.prev = text[prevStart:sents[k-1].end]
			sent.prevStart = prevStart
		}
		// the scan read the text a cut reads (the sentence alone when the
		// one before is empty)
		if prevStart < 0 || sent.prev != "" {
			sent.tell = knownOf(tell)
		}
		// The sentence's figures are appended to figs in place, then
		// completed and filtered there.
		n0 := len(figs)
		if onlyBeforeAfter {
			if figs = append(figs, beforeAfterCuts(sent, nil)...); len(figs) > n0 {
				doc.findYears()
			}
		} else {
			doc.findYears()
			for _, e := range s.extractors {
				if a, ok := e.(appender); ok {
					figs = a.appendFigures(sent, figs)
				} else {
					figs = append(figs, e.Extract(sent)...)
				}
			}
		}
		kept := n0
		for i := n0; i < len(figs); i++ {
			f := &figs[i]
			// A before/after cut may begin in the sentence before: its
			// sentence is both, and its year is the later one's.
			f.Sentence = trimSpace(text[min(f.Start, sp.start):max(f.End, sp.end)])
			if f.Year == 0 {
				f.Year = doc.yearAt(sp, max(f.Start, sp.start))
			}
			if f.Evidence == "" {
				f.Evidence = "rule " + f.Extractor
			}
			// A figure that began in the text before from (context only)
			// belongs to the chunk that holds it.
			if f.Start >= from {
				figs[kept] = *f
				kept++
			}
		}
		figs = figs[:kept]
	}
	return figs
}

// The candidate marks are the strings without which no extractor can match:
// a unit of length (公里, 千米, km, KM, Km), money (元; 亿 and 万 alone in lists
// such as "30亿、40亿"), percent (%, ％, 百分之), or the 由/从 of a "from N to
// M" cut.

// hasCandidate is a cheap filter: a figure needs a numeral and a unit.
func hasCandidate(s string) bool {
	return scanMarks(s, flagMark|flagNumeral) == flagMark|flagNumeral
}

// hasCandidateMark reports whether s contains one of the candidate marks.
func hasCandidateMark(s string) bool {
	return scanMarks(s, flagMark) != 0
}

// Flags of runeFlags.
const (
	flagMark    = 1 << iota // a candidate mark on its own: 元 亿 万 ％ 由 从 (or U+FFFD)
	flagNumeral             // a digit or a Chinese numeral
	flagPrefix              // 公, 千, 百: a mark when 里, 米 or 分之 follows
	flagBefore              // a character of the before words (beforeafter.go)
	// flagNumeralRune: a character of a numeral (isNumeralRune), set for
	// ASCII too; the scans above read only the flags before it, and only
	// for characters beyond ASCII
	flagNumeralRune
	// flagTell: a before word stands in the text (mayTellBeforeAfter).
	// No character has it: scanSentences looks for the words at the
	// characters of flagBefore.
	flagTell
	flagStop // 。！？: a sentence's stop
)

// runeFlags classifies the Basic Multilingual Plane once, so the scans do
// one table lookup per character (they run over every sentence). Only the
// characters flaggedRunes lists can have a flag, so only they are worked
// out: asking the numeral maps of every character of the plane cost a
// tenth of the extract stage's instructions over a few thousand small
// documents.
var runeFlags = sync.OnceValue(func() *[0x10000]uint8 {
	t := new([0x10000]uint8)
	for _, r := range flaggedRunes() {
		t[r] = flagsOf(r)
	}
	return t
})

// flaggedRunes returns every character flagsOf may give a flag (some
// more than once): ASCII, full-width digits, the characters flagsOf names
// and the keys of the numeral maps.
func flaggedRunes() []rune {
	rs := make([]rune, 0, 256)
	for r := range rune(utf8.RuneSelf) {
		rs = append(rs, r)
	}
	for r := '０'; r <= '９'; r++ {
		rs = append(rs, r)
	}
	rs = append(rs, []rune("元亿万％由从\uFFFD公千百一二两三四五六七八九前去往原此定。！？十．点點余多廿卅卌")...)
	for _, m := range []map[rune]int64{chineseDigit, smallUnit, bigUnit, tensRune} {
		for r := range m {
			rs = append(rs, r)
		}
	}
	return rs
}

// flagsOf is runeFlags' entry for r.
func flagsOf(r rune) uint8 {
	var f uint8
	if numeralRune(r) {
		f |= flagNumeralRune
	}
	if r < utf8.RuneSelf {
		// ASCII as markAt reads it (it does not look these up): digits
		// are numerals, and but 0 begin a share in tenths (4成); % is a
		// mark, k and K begin km, ! and ? end a sentence. skipPlain steps
		// over the other bytes, in which markAt finds nothing.
		switch {
		case r >= '1' && r <= '9':
			f |= flagNumeral | flagPrefix
		case r == '0':
			f |= flagNumeral
		case r == '%':
			f |= flagMark
		case r == 'k' || r == 'K':
			f |= flagPrefix
		case r == '!' || r == '?':
			f |= flagStop
		}
		return f
	}
	switch r {
	case '元', '亿', '万', '％', '由', '从', '\uFFFD': // U+FFFD: a lost 由 or 从
		f |= flagMark
	case '公', '千', '百', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九':
		f |= flagPrefix
	case '前', '去', '往', '原', '此', '定':
		f |= flagBefore // every before word of a before/after cut holds one
	case '。', '！', '？':
		f |= flagStop
	}
	// 亿 is a numeral by itself in "近亿元", "逾亿元"
	if r == '亿' {
		f |= flagNumeral
	}
	if asciiDigit(r) >= 0 || r == '十' || r == '百' || r == '千' || isChineseDigit(r) || tensRune[r] != 0 {
		f |= flagNumeral
	}
	return f
}

// scanMarks returns the flags of want that s holds (flagMark for marks and
// for 公里, 千米, km, 百分之; flagNumeral), stopping once all are found.
func scanMarks(s string, want uint8) uint8 {
	flags := runeFlags()
	var got uint8
	for i := 0; i < len(s); {
		// most characters are Chinese and flag nothing: stepped over here
		if i = skipPlain(s, i, flags, scanFlags); i == len(s) {
			break
		}
		f, _, n := markAt(s, i, flags)
		if got |= f; got&want == want {
			return got & want
		}
		i += n
	}
	return got & want
}

// skipPlain returns the first place at or after i where s holds neither
// an ASCII byte nor a valid three-byte character, or one with a flag of
// mask (an ASCII byte looked up as the character it is): the scans step
// over the others (most of a Chinese text) here, in a loop of its own that
// keeps its few variables in registers (in the scans' loops, with all
// they carry, each character stored and reloaded them). A table gives the
// ASCII bytes its scan reads a flag of mask.
func skipPlain(s string, i int, flags *[0x10000]uint8, mask uint8) int {
	for i >= 0 && i < len(s) {
		// Two characters a step while eight bytes are left: one load and
		// one test of the six bytes' high bits tell two valid three-byte
		// characters (their leads' low bits checked in leadPairs), which
		// then index the table; anything else is left to the step below.
		for ; i+8 <= len(s); i += 6 {
			b := s[i : i+8]
			w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
				uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
			if w&0x0000_c0c0_f0c0_c0f0 != 0x0000_8080_e080_80e0 || !leadPairs[uint8(w&0x0f|w>>20&0xf0)] {
				break
			}
			if flags[uint16(w)<<12|uint16(w>>2)&0xfc0|uint16(w>>16)&0x3f]&mask != 0 {
				return i
			}
			if flags[uint16(w>>24)<<12|uint16(w>>26)&0xfc0|uint16(w>>40)&0x3f]&mask != 0 {
				return i + 3
			}
		}
		// one character: an ASCII byte (about a seventh of the texts'
		// characters, most of them commas, spaces and letters), or
		// decode3 written out, a valid character of three bytes (lead
		// E1-EF but ED, two continuation bytes) indexing the table with
		// its two continuation bytes tested at once
		if c := s[i]; c < utf8.RuneSelf {
			if flags[c]&mask != 0 {
				return i
			}
			i++
			continue
		}
		if i+2 >= len(s) {
			return i
		}
		b := s[i : i+3]
		c, b1, b2 := b[0], b[1]^0x80, b[2]^0x80
		if c-0xe1 > 0xef-0xe1 || c == 0xed || b1|b2 >= 0x40 {
			return i
		}
		if flags[uint16(c&0x0f)<<12|uint16(b1)<<6|uint16(b2)]&mask != 0 {
			return i
		}
		i += 3
	}
	return i
}

// leadPairs[n0|n1<<4] reports whether the lead bytes E0|n0 and E0|n1
// both begin a three-byte character decode3 takes (E1-EF but ED): one
// lookup for skipPlain's two characters. It is not changed after init.
var leadPairs = func() (t [256]bool) {
	ok := func(n int) bool { return n != 0 && n != 0xd }
	for k := range t {
		t[k] = ok(k&0x0f) && ok(k>>4)
	}
	return t
}()

// scanFlags are the flags of runeFlags that markAt reads.
const scanFlags = flagMark | flagNumeral | flagPrefix | flagBefore | flagStop

// markAt returns what the character at s[i] tells the scans for marks:
// flagMark, flagNumeral, flagBefore and flagStop (a sentence's stop: 。！？
// ! ?), the character (0 for an invalid byte) and its size. A mark of two
// characters or more (公里, 千米, km, 百分之, 4成) is told at its first.
func markAt(s string, i int, flags *[0x10000]uint8) (f uint8, r rune, n int) {
	if c := s[i]; c < utf8.RuneSelf {
		switch {
		case c >= '0' && c <= '9':
			f = flagNumeral
			if c != '0' && strings.HasPrefix(s[i+1:], "成") {
				f |= flagMark // 4成: a share in tenths
			}
		case c == '%':
			f = flagMark
		case c == 'k':
			if i+1 < len(s) && s[i+1] == 'm' {
				f = flagMark
			}
		case c == 'K':
			if i+1 < len(s) && (s[i+1] == 'M' || s[i+1] == 'm') {
				f = flagMark
			}
		case c == '!' || c == '?':
			f = flagStop
		}
		return f, rune(c), 1
	}
	n = 3
	if r3, ok := decode3(s, i); ok {
		r = r3
	} else {
		r, n = utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			r = 0 // an invalid byte, not a lost character's U+FFFD
		}
	}
	if r >= 0x10000 {
		return 0, r, n
	}
	t := flags[r]
	f = t & (flagMark | flagNumeral | flagBefore | flagStop)
	if t&flagPrefix != 0 {
		rest := s[i+n:]
		switch r {
		case '公':
			if strings.HasPrefix(rest, "里") {
				f |= flagMark
			}
		case '千':
			if strings.HasPrefix(rest, "米") {
				f |= flagMark
			}
		case '百':
			if strings.HasPrefix(rest, "分之") {
				f |= flagMark
			}
		default: // a digit: 四成 is a share in tenths
			if strings.HasPrefix(rest, "成") {
				f |= flagMark
			}
		}
	}
	return f, r, n
}

// scanned is a sentence and the flags scanMarks(sentence,
// flagMark|flagNumeral|flagTell) finds in it reading it whole.
type scanned struct {
	span
	flags uint8
}

// scanSentences appends to out the sentences of paragraph p, split after
// 。！？!? and any closing quotes, with their flags: one pass over the
// paragraph, not one to split it and one more for each sentence. No before
// word holds a sentence's stop or closing quote, so the words found in the
// paragraph are each within one sentence.
func scanSentences(out []scanned, text string, p span) []scanned {
	flags := runeFlags()
	var at map[rune][]wordAt // the before words by character, once needed
	s := text[p.start:p.end]
	start := 0
	var got uint8
	mask := uint8(scanFlags)
	for i := 0; i < len(s); {
		if i = skipPlain(s, i, flags, mask); i == len(s) {
			break
		}
		f, r, n := markAt(s, i, flags)
		if f&flagBefore != 0 && got&flagTell == 0 {
			if at == nil {
				at = beforeWordsAt()
			}
			if beforeWordAt(s, i, at[r]) {
				got |= flagTell
			}
		}
		got |= f & (flagMark | flagNumeral)
		i += n
		if f&flagStop == 0 {
			mask = sentenceMask(got)
			continue
		}
		// the sentence ends after its stop and any closing quotes
		for i < len(s) {
			r2, n2 := decodeAt(s, i)
			if !isClosingQuote(r2) {
				break
			}
			i += n2
		}
		out = append(out, scanned{span{p.start + start, p.start + i}, got})
		start, got, mask = i, 0, scanFlags
	}
	if !isBlank(s[start:]) {
		out = append(out, scanned{span{p.start + start, p.end}, got})
	}
	return out
}

// sentenceMask is what scanSentences still stops at in a sentence whose
// flags so far are got: a stop always, and only what can add a flag it
// lacks (a before word until one is found; marks and the characters that
// begin one, 公里 or 4成, until a mark is; numerals until a numeral is).
// Candidate sentences are the numeral-dense ones: every numeral stopped
// the scan, and most sentences hold a numeral (a date) before their mark.
func sentenceMask(got uint8) uint8 {
	m := uint8(flagStop)
	if got&flagTell == 0 {
		m |= flagBefore
	}
	if got&flagMark == 0 {
		m |= flagMark | flagPrefix
	}
	if got&flagNumeral == 0 {
		m |= flagNumeral
	}
	return m
}

// dedupe sorts figures and drops a figure whose number another figure
// already claimed (same End), keeping the wider span: the one with its
// keyword.
func dedupe(figs []Figure) []Figure {
	if len(figs) > dedupeByIndex {
		return dedupeLong(figs)
	}
	return dedupeSorting(figs)
}

// dedupeSorting is dedupe by two stable sorts of the figures themselves,
// the cheaper way for a few of them.
func dedupeSorting(figs []Figure) []Figure {
	// slices' generic sorts: sort.SliceStable's reflective swapper allocated
	// on every document with a figure.
	slices.SortStableFunc(figs, func(a, b Figure) int {
		if a.End != b.End {
			return cmp.Compare(a.End, b.End)
		}
		return cmp.Compare(a.Start, b.Start)
	})
	out := figs[:0]
	for _, f := range figs {
		if len(out) > 0 && out[len(out)-1].End == f.End {
			continue
		}
		out = append(out, f)
	}
	slices.SortStableFunc(out, func(a, b Figure) int { return cmp.Compare(a.Start, b.Start) })
	return out
}

// dedupeByIndex is how many figures dedupe sorts in place: a stable sort
// of more moves the figures (some 240 bytes each) many times over, and a
// large chunk holds a thousand figures or more.
const dedupeByIndex = 64

// dedupeLong is dedupe by sorting the figures' indices, then moving each
// figure kept once. Its order is dedupe's: by End, then Start, then the
// order found (what the stable sort keeps) for the figure each End keeps;
// then by Start, the stable sort keeping the order by End, which the
// figures kept never share.
func dedupeLong(figs []Figure) []Figure {
	idx := make([]int, len(figs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		fa, fb := &figs[a], &figs[b]
		if fa.End != fb.End {
			return cmp.Compare(fa.End, fb.End)
		}
		if fa.Start != fb.Start {
			return cmp.Compare(fa.Start, fb.Start)
		}
		return cmp.Compare(a, b)
	})
	kept := idx[:0]
	for _, i := range idx {
		if len(kept) > 0 && figs[kept[len(kept)-1]].End == figs[i].End {
			continue
		}
		kept = append(kept, i)
	}
	slices.SortFunc(kept, func(a, b int) int {
		if figs[a].Start != figs[b].Start {
			return cmp.Compare(figs[a].Start, figs[b].Start)
		}
		return cmp.Compare(figs[a].End, figs[b].End)
	})
	out := make([]Figure, len(kept))
	for k, i := range kept {
		out[k] = figs[i]
	}
	return out
}

// span is a byte range of the document.
type span struct{ start, end int }

// document holds what sentence-level extractors need from the whole text.
type document struct {
	text       string
	paragraphs []span
	years      []yearMention // explicit years in text order
	scopes     []yearMention // years stated on short heading-like lines
	yearsDone  bool
	// before is what the text before this one left (a chunk of a larger
	// document); zero for a whole document.
	before Context
	// sent is the Sentence extractSentences hands the extractors, one
	// sentence after another.
	sent Sentence
	// sents is extract's buffer of a paragraph's sentences.
	sents []scanned
}

func newDocument(text string) *document {
	d := &document{text: text}
	d.paragraphs = appendParagraphs(nil, text)
	return d
}

// document returns a document of text that reuses the buffers of one the
// pool holds, if any.
func (s *Set) document(text string) *document {
	d, _ := s.docs.Get().(*document)
	if d == nil {
		return newDocument(text)
	}
	// the memos hold strings of the last text: cleared, so that the pool
	// does not keep that text alive
	clear(d.sent.subjects[:cap(d.sent.subjects)])
	*d = document{
		text:       text,
		paragraphs: appendParagraphs(d.paragraphs[:0], text),
		sents:      d.sents[:0],
		sent: Sentence{
			subjects: d.sent.subjects[:0],
			wordBuf:  d.sent.wordBuf[:0],
			marksBuf: d.sent.marksBuf,
		},
	}
	return d
}

// findYears indexes the document's dates; it runs only for documents that
// hold a candidate sentence, since most text holds no figure.
func (d *document) findYears() {
	if d.yearsDone {
		return
	}
	d.yearsDone = true
	d.years = findYears(d.text)
	d.scopes = scopeMentions(d.text, d.years)
}

// splitParagraphs splits at line breaks, but joins a line that was broken
// mid-sentence (long, holds a comma, no closing punctuation) with the next.
func splitParagraphs(text string) []span {
	return appendParagraphs(nil, text)
}

// appendParagraphs is splitParagraphs appending to paras.
func appendParagraphs(paras []span, text string) []span {
	// Lines are joined as they are read: a line goes on the paragraph
	// before it when that paragraph was broken or the line goes on a cut.
	var p span
	have := false
	start := 0
	for start <= len(text) {
		i := strings.IndexByte(text[start:], '\n')
		if i < 0 {
			i = len(text)
		} else {
			i += start
		}
		if !isBlank(text[start:i]) {
			switch {
			case !have:
				p, have = span{start, i}, true
			case brokenLine(text[p.start:p.end]) && !lostBeforeItem(text[p.start:p.end], text[start:i]) || cutGoesOn(text[start:i]):
				p.end = i
			default:
				paras = append(paras, p)
				p = span{start, i}
			}
		}
		start = i + 1
	}
	if have {
		paras = append(paras, p)
	}
	return paras
}

// cutGoesOn reports a line that starts with the to mark of a from→to cut
// (压缩至, 缩短为...): no sentence starts so, so the line break before it
// was inside the sentence ("由20个工作日\n压缩至7个工作日", hard-wrapped
// text). Marks of one character (至, 为) start sentences too.
func cutGoesOn(line string) bool {
	line = trimBlankLeft(line)
	// Every line is asked: a line whose first character starts no long
	// mark is answered without comparing the marks.
	if len(line) < 3 || !strings.Contains(longToMarkFirsts, line[:3]) {
		return false
	}
	for _, m := range toMarks {
		if len(m) > len("至") && strings.HasPrefix(line, m) {
			return true
		}
	}
	return false
}

// longToMarkFirsts holds the first characters of the to marks of more than
// one character, one after another.
var longToMarkFirsts = func() string {
	var b strings.Builder
	for _, m := range toMarks {
		if len(m) > len("至") && !strings.Contains(b.String(), m[:3]) {
			b.WriteString(m[:3])
		}
	}
	return b.String()
}()

// lostBeforeItem reports a line whose last character a reader lost
// (U+FFFD, most often its 。) before a line that starts a list item (二、,
// （三）, 4.): the item starts a paragraph of its own, as it would after
// the 。.
func lostBeforeItem(line, next string) bool {
	line = trimBlankRight(line)
	return strings.HasSuffix(line, lost) && itemStart(strings.TrimLeft(next, " \t\u3000"))
}

// itemStart reports a line that starts with a list item's mark: Chinese
// numerals before 、 (一、, 十二、), in brackets ((二), （三）), or digits
// before 、 . ) or ）.
func itemStart(s string) bool {
	open := ""
	for _, o := range []string{"(", "（"} {
		if strings.HasPrefix(s, o) {
			open, s = o, s[len(o):]
		}
	}
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !strings.ContainsRune("一二三四五六七八九十", r) && !isDigitRune(r) {
			break
		}
		i += n
	}
	if i == 0 || i > 3*len("十") {
		return false
	}
	rest := s[i:]
	if open != "" {
		return strings.HasPrefix(rest, ")") || strings.HasPrefix(rest, "）")
	}
	if isDigitRune(rune(s[0])) {
		return strings.HasPrefix(rest, "、") || strings.HasPrefix(rest, ".") && !(len(rest) > 1 && isDigitRune(rune(rest[1]))) || strings.HasPrefix(rest, "）")
	}
	return strings.HasPrefix(rest, "、")
}

func brokenLine(line string) bool {
	line = trimBlankRight(line)
	if len(line) < 20 {
		return false
	}
	// The last character first: most lines end a sentence, and it is
	// told without reading the line for a comma.
	switch r, _ := decodeLast(line, 0, len(line)); r {
	case '。', '！', '？', '!', '?', '；', ';', '：', ':', '”', '’', '」', '』', ')', '）':
		return false
	}
	// 80 bytes hold at least 20 characters however they are encoded
	return !(len(line) < 80 && !atLeastRunes(line, 20)) && (strings.IndexByte(line, ',') >= 0 || strings.Contains(line, "，"))
}

// atLeastRunes reports whether s holds at least n runes, counting only as
// far as it must (paragraphs being joined are rescanned line by line).
func atLeastRunes(s string, n int) bool {
	for i := 0; i < len(s) && n > 0; n-- {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		if _, ok := decode3(s, i); ok {
			i += 3 // most characters: DecodeRuneInString's size, inline
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return n == 0
}

func isClosingQuote(r rune) bool {
	switch r {
	case '”', '’', '」', '』', ')', '）':
		return true
	}
	return false
}

func lineAround(text string, pos int) span {
	s := strings.LastIndexByte(text[:pos], '\n') + 1
	e := strings.IndexByte(text[pos:], '\n')
	if e < 0 {
		e = len(text)
	} else {
		e += pos
	}
	return span{s, e}
}

// isScopeLine: a short line without a full stop ("2.实施时间：即日起至2022年年底",
// "2022年交通运输工作要点") states the period of the section below it.
func isScopeLine(line string) bool {
	line = trimSpace(line)
	// more than 160 bytes are more than 40 characters: not counted
	return len(line) <= 160 && utf8.RuneCountInString(line) <= 40 && !strings.ContainsAny(line, "。！？；;")
}

// decode3 decodes the three-byte character at s[i] inline, the common case
// of Chinese text on the scans' hot paths; ok is false for anything else
// (an ASCII byte, another length, invalid UTF-8: E0 and ED leads, whose
// second byte has a narrower range, are left to utf8.DecodeRuneInString).
func decode3(s string, i int) (rune, bool) {
	c := s[i]
	if c >= 0xe1 && c <= 0xef && c != 0xed && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 {
		return rune(c&0x0f)<<12 | rune(s[i+1]&0x3f)<<6 | rune(s[i+2]&0x3f), true
	}
	return 0, false
}

// decodeAt is utf8.DecodeRuneInString(s[i:]) for i < len(s), with the
// ASCII and three-byte cases inline.
func decodeAt(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	if r, ok := decode3(s, i); ok {
		return r, 3
	}
	return utf8.DecodeRuneInString(s[i:])
}

// stepPast is how far a byte scan for words that start with no
// continuation byte may step from s[i] when none starts there: past the
// character when s[i] leads a valid three-byte one (most of a Chinese
// text), else one byte.
func stepPast(s string, i int) int {
	if c := s[i]; c >= 0xe0 && c <= 0xef && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 {
		return 3
	}
	return 1
}

// decodeLast returns the character that ends s[lo:i] and its size, as
// utf8.DecodeLastRuneInString(s[lo:i]) would, with the ASCII and
// three-byte cases inline: the backward scans decode every character they
// pass.
func decodeLast(s string, lo, i int) (rune, int) {
	if c := s[i-1]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	if i-3 >= lo {
		if r, ok := decode3(s[:i], i-3); ok {
			return r, 3
		}
	}
	return utf8.DecodeLastRuneInString(s[lo:i])
}

// firstOf finds where any of a few words occurs first at or after a
// place, as a byte-at-a-time scan for them all would, with one vectorised
// search per word: each word's next place is kept until the scan passes
// it (the places asked for must not decrease).
type firstOf struct {
	words []string // at most len(at)
	at    [8]int   // next place of each word; -1 none left
	ready bool
}

// next returns the first place at or after off where a word starts and
// ends within s, and which word (the first listed where two start
// together); -1 when none does.
func (x *firstOf) next(s string, off int) (int, int) {
	p, which := -1, -1
	for k, w := range x.words {
		if !x.ready || x.at[k] >= 0 && x.at[k] < off {
			var j int
			if len(w) == 1 {
				j = strings.IndexByte(s[off:], w[0])
			} else {
				j = indexByLast(s[off:], w)
			}
			if j >= 0 {
				j += off
			}
			x.at[k] = j
		}
		if a := x.at[k]; a >= 0 && (p < 0 || a < p) {
			p, which = a, k
		}
	}
	x.ready = true
	return p, which
}

// isBlank reports whether s holds only white space: strings.TrimSpace(s)
// == "", answered at the first character that is not (TrimSpace trims a
// line from both ends once it meets a character beyond ASCII; most lines
// begin with one and hold no space at all).
func isBlank(s string) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c != ' ' && (c < '\t' || c > '\r') {
				return false
			}
			i++
			continue
		}
		r, n := decodeAt(s, i)
		if r > 0x3000 || !unicode.IsSpace(r) { // no space is beyond U+3000
			return false
		}
		i += n
	}
	return true
}

// hanRune is unicode.Is(unicode.Han, r), answered without the table
// search for the CJK Unified Ideographs block, all of it Han and most of a
// Chinese text (TestHanRune).
func hanRune(r rune) bool {
	return r >= 0x4e00 && r <= 0x9fff || unicode.Is(unicode.Han, r)
}

// trimBlankLeft is strings.TrimLeft(s, " \t\r\u3000") and trimBlankRight
// strings.TrimRight(s, " \t\r\u3000"), without the rune decoding and
// cutset search a cutset beyond ASCII costs (every line is trimmed so).
func trimBlankLeft(s string) string {
	for {
		switch {
		case s != "" && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r'):
			s = s[1:]
		case strings.HasPrefix(s, "\u3000"):
			s = s[len("\u3000"):]
		default:
			return s
		}
	}
}

func trimBlankRight(s string) string {
	for {
		switch n := len(s); {
		case n > 0 && (s[n-1] == ' ' || s[n-1] == '\t' || s[n-1] == '\r'):
			s = s[:n-1]
		case strings.HasSuffix(s, "\u3000"):
			s = s[:n-len("\u3000")]
		default:
			return s
		}
	}
}

// trimSpace is strings.TrimSpace(s), answered at once for a text that
// begins and ends with a three-byte character other than a space (most
// lines, cells and sentences of a Chinese text), where TrimSpace decodes
// both ends and asks unicode.IsSpace of each.
func trimSpace(s string) string {
	if len(s) >= 3 {
		if r, ok := decode3(s, 0); ok && notSpace3(r) {
			if r, ok := decode3(s, len(s)-3); ok && notSpace3(r) {
				return s
			}
		}
	}
	return strings.TrimSpace(s)
}

// notSpace3 reports a character of three bytes that unicode.IsSpace
// rejects; every white space character beyond U+3000 is none.
func notSpace3(r rune) bool {
	return r > 0x3000 || !unicode.IsSpace(r)
}
