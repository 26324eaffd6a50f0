// Package mojibake finds text garbled by reading bytes with the wrong
// character code (UTF-8 read as GBK, GBK read as windows-1252, GB18030 read
// one byte out of frame, ...) and restores what the bytes still hold.
//
// Detection is cheap: a table lookup per character finds the few places
// that look improbable as Chinese (bopomofo, box drawing and radicals inside
// prose, private use, Latin-1 letter salad, rare characters). Around them,
// each mechanism re-encodes the text with the code it was wrongly read as
// and decodes it with the right one; a character language model chooses
// between the text as found and each reading, and a reading is taken only
// when it is clearly more probable. Lost bytes are never invented: the
// positions they leave become U+FFFD, and every change is an edit.
//
// An edit's reason names the mechanism, then any notes, each after "; ":
// "N unrecoverable position(s) marked U+FFFD: bytes lost", and, for a
// frame shift whose reading holds characters the model judges decoded from
// the bytes on either side of a loss, "untrusted: 晃襂@4 (decoded from
// bytes beside a loss)". The untrusted characters stay in the text (they
// are what the bytes hold); each space-separated group is a run of them,
// with the index in characters, from 0, of its first one in the edit's new
// text. See untrusted.go.
package mojibake

import (
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/zhextract/zhextract/pipeline/langmodel"
	"github.com/zhextract/zhextract/pipeline/opencc"
	"github.com/zhextract/zhextract/pipeline/textedit"
)

// Stage is the name mojibake edits carry.
const Stage = "mojibake"

// Repairer repairs mojibake; it is safe for concurrent use, and what it
// changes as it goes (its buffers and the gate's memo) changes no result.
type Repairer struct {
	// lm loads the language model on the first text with a suspicious
	// spot: the detector's tables are precomputed, so clean text never
	// needs it.
	lm func() *langmodel.Model
	// infer ranks the candidates for a lost character (langmodel.Running).
	infer func() *langmodel.Model
	det   *detector
	// mechs builds the mechanisms' codec tables (70 ms) on the first text
	// with a suspicious spot: clean text never needs them.
	mechs func() []*mechanism
	// warm starts building the mechanisms' tables and the bound's table
	// beside the model's load, once, when the first text with a
	// suspicious spot arrives: they are independent and took 10 ms each,
	// one after the other.
	warm sync.Once
	// trace, set only by tests, sees each whole-line reading's raw gain
	// (before the line's cost), average log probability per character,
	// and its counts of characters, Han characters and others.
	trace func(line, reason string, gain, avg float64, n, han, other int)
	// noGateMemo, set only by tests, reads every narrow span at the gate
	// (see gatedBefore).
	noGateMemo bool
	// noWindowMemo, set only by tests, reads every window of a garbled
	// page (see repairWindow).
	noWindowMemo bool
	// fold maps a character to its simplified form (OpenCC's t2s, loaded
	// at the first lost character to infer), nil when it cannot load.
	fold func() func(rune) rune
	// scopeEnd reports a line after which the page's pairs start anew
	// (NewScoped); nil: never.
	scopeEnd func(line string) bool
	// bounds builds the table of the lattice's bound (bound.go) on the
	// first text with a suspicious spot.
	bounds func() *boundTable
	// scratches keeps the lattice buffers between documents: allocating
	// them for each document was a tenth of the stage on clean text.
	scratches sync.Pool
	// verdicts keeps the gate's verdicts from document to document (see
	// gateMemo).
	verdicts gateMemo
}

// New returns a Repairer using the default language model.
func New() *Repairer { return NewScoped(nil) }

// NewScoped is New with the lines that end a scope of the page's pairs
// (pagepairs.go): after a line scopeEnd reports, the pairs read before it
// no longer count. A document cut into chunks after such lines (the
// pipeline cuts after chrome.Anchor's) then repairs as it would whole.
func NewScoped(scopeEnd func(line string) bool) *Repairer {
	r := &Repairer{scopeEnd: scopeEnd, lm: langmodel.Default, infer: langmodel.Running, det: detectorFor(), mechs: sync.OnceValue(mechanisms), fold: sync.OnceValue(t2sFold)}
	r.bounds = sync.OnceValue(func() *boundTable { return newBoundTable(r.lm()) })
	r.scratches.New = func() any { return new(scratch) }
	return r
}

// mechanisms are the ways text turns to mojibake that Repair undoes.
func mechanisms() []*mechanism {
	// The two double-byte tables build side by side.
	var gb *codec
	var wg sync.WaitGroup
	wg.Go(func() { gb = gb18030Codec() })
	b5, cp, u8 := big5Codec(), cp1252Codec(), utf8Codec()
	b5shift := big5ShiftCodec()
	wg.Wait()
	return []*mechanism{
		{reason: "gb18030 frame shift", wrong: gb, right: gb, shift: true, cost: runCost},
		{reason: "big5 frame shift", wrong: b5shift, right: b5, shift: true, cost: runCost},
		{reason: "utf-8 read as gbk", wrong: gb, right: u8, cost: runCost},
		{reason: "utf-8 read as big5", wrong: b5, right: u8, cost: runCost},
		{reason: "utf-8 read as cp1252", wrong: cp, right: u8, cost: runCost},
		{reason: "double-encoded utf-8", wrong: cp, right: doubleUTF8(), cost: runCost},
		{reason: "gbk read as cp1252", wrong: cp, right: gb, cost: runCost},
		{reason: "big5 read as cp1252", wrong: cp, right: b5, cost: runCost},
		{reason: "big5 read as gbk", wrong: gb, right: b5, cost: confusedCost, minRun: confusedMinRun},
		{reason: "gbk read as big5", wrong: b5, right: gb, cost: confusedCost, minRun: confusedMinRun},
	}
}

// context is how many characters around a suspicious one are examined.
const context = 16

// Repair returns text with its mojibake repaired and one edit per repaired
// run. Clean text comes back unchanged with no edits.
func (r *Repairer) Repair(text string) (string, []textedit.Edit) {
	out, edits, _ := r.RepairFrom(text, State{})
	return out, edits
}

// State is what repairing a document carries from one part of its text to
// the next, for a document repaired in chunks (the zero State is a
// document's start).
type State struct {
	// Chunked says the text is a chunk of a document: LatinPending is
	// tracked (a scan of the text more).
	Chunked bool
	// AfterBreak says the text follows a line break of the document.
	AfterBreak bool
	// Garbled: a window before passed the gate. Mojibake comes by the
	// page: the windows after it skip the gate.
	Garbled bool
	// Shift names the frame shift (gb18030 or big5) repaired before, ""
	// when none was: the page's other lines are read with that one only,
	// and Latin letters shifted the same way are repaired throughout.
	Shift string
	// ShiftWins counts the windows Shift won, and ShiftTentative says the
	// page is not yet locked to it (see scratch.shiftLocked): a document
	// read in chunks reads as it does whole.
	ShiftWins      int
	ShiftTentative bool
	// LatinPending: text before held Latin letters that would be repaired
	// had a frame shift been found before it (so a frame shift found now
	// changes text already repaired).
	LatinPending bool
	// Confused: a line was read as the other double-byte code, which makes
	// every other line of the document be read so too.
	Confused bool
}

// Local reports whether repairing the chunks one after the other with the
// carried State gave what repairing the whole would: false when a later
// chunk found what changes the reading of earlier ones.
func (s State) Local() bool { return !s.Confused && !(s.Shift != "" && s.LatinPending) }

// RepairFrom is Repair of a chunk of a document, given the State the text
// before it left; it returns the State after it.
func (r *Repairer) RepairFrom(text string, st State) (string, []textedit.Edit, State) {
	spots, losses := r.det.scanLosses(text)
	var runs []replacement
	if len(losses) > 0 {
		runs = lossRunsAt(text, losses)
	}
	if len(spots) == 0 && len(runs) == 0 && !r.startsPending(text, st) {
		if st.Chunked && st.Shift == "" && !st.LatinPending && r.latinPending(text, nil) {
			st.LatinPending = true
		}
		if st.Shift == "" {
			if reps := readingShifts(r.mechs, text, nil); len(reps) > 0 {
				out, edits := applyReps(text, reps)
				return out, edits, st
			}
		}
		return text, nil, st
	}
	r.warm.Do(func() {
		go r.mechs()
		go r.bounds()
	})
	return r.repair(text, spots, runs, st)
}

func (r *Repairer) repair(text string, spots []int, runs []replacement, st State) (string, []textedit.Edit, State) {
	sc := r.scratches.Get().(*scratch)
	defer func() {
		// The memo's spans point into text: let it go with the call.
		sc.gated = sc.gated[:cap(sc.gated)]
		clear(sc.gated)
		sc.gated = sc.gated[:0]
		clear(sc.reads)
		clear(sc.odds)
		r.scratches.Put(sc)
	}()
	sc.units.reset()
	sc.text, sc.wholePairs = text, 0
	defer func() { sc.text = "" }()
	reps, st2 := r.pass(sc, text, spots, runs, st)
	if len(sc.units.seen) > 0 && lostLeft(reps) {
		// The units the page writes after numbers are known only once
		// it is read: read it again knowing them all, so that a unit
		// lost before its first readable use is inferred too.
		sc.units.fix()
		reps, st2 = r.pass(sc, text, spots, runs, st)
	}
	out, edits := applyReps(text, reps)
	return out, edits, st2
}

// lineStartShift is the frame shift whose garbled line starts
// shiftedLineStarts finds: GB18030's. Not Big5's: half its characters
// have trail bytes of 40 to 7E, so the sign tells little there (and the
// tuning half gained nothing from it).
func (r *Repairer) lineStartShift() *mechanism {
	for _, m := range r.mechs() {
		if m.shift && m.wrong.name == "gbk" { // the GB18030 codec reads GBK and more
			return m
		}
	}
	return nil
}

// startsPending reports whether text, with nothing the detector flags, has
// line starts to read because the shift before it is lineStartShift.
func (r *Repairer) startsPending(text string, st State) bool {
	if st.Shift == "" {
		return false
	}
	gb := r.lineStartShift()
	if gb == nil || gb.reason != st.Shift {
		return false
	}
	return len(shiftedLineStarts(gb, text, 0, nil)) > 0
}

// shiftedLineStarts returns the starts of the lines of text from byte
// from on that no spot flags and that begin with a run of wide characters
// up to an ASCII byte whose last character, in sh's wrong code, ends in an
// ASCII byte: what a stray byte before the line makes of it ("浴癡:”" is
// 以“V:”, a stray byte before 以, out of step until the V). The detector
// needs a span of three or more improbable characters, and such a run is
// often shorter.
func shiftedLineStarts(sh *mechanism, text string, from int, spots []int) []int {
	var add []int
	k := 0
	var buf [4]byte
	for a := from; a < len(text); {
		z := len(text)
		if e := strings.IndexByte(text[a:], '\n'); e >= 0 {
			z = a + e
		}
		for k < len(spots) && spotAt(spots[k]) < a {
			k++
		}
		flagged := k < len(spots) && spotAt(spots[k]) <= z
		if !flagged && a < z && text[a] >= 0x80 {
			// Runs of up to maxStartRun characters (three bytes each
			// in UTF-8): a longer one has spans the detector flags.
			end := min(z, a+3*maxStartRun)
			if y := asciiUntil(text[:end], a); y < end {
				last, _ := utf8.DecodeLastRuneInString(text[a:y])
				if b, ok := sh.wrong.encode(buf[:0], last); ok && len(b) == 2 && b[1] >= 0x40 && b[1] < 0x7f {
					add = append(add, a)
				}
			}
		}
		a = z + 1
	}
	return add
}

// maxStartRun is the longest garbled line start shiftedLineStarts reads,
// in characters: the short runs are of 2 to 15.
const maxStartRun = 15

// lineStartOf is strings.LastIndexByte(text[:i], '\n') + 1, the start of
// the line that holds byte i, read eight bytes at a time: the strings
// package reads back one byte at a time, and pass and windowsInto ask for
// the start of every line with a spot (lines are paragraphs).
func lineStartOf(text string, i int) int {
	const ones = 0x0101010101010101
	for ; i >= 8; i -= 8 {
		x := word8(text, i-8) ^ 0x0a0a0a0a0a0a0a0a // a zero byte where a '\n' is
		// (x-ones)&^x marks each zero byte, and maybe bytes above one:
		// the marks are read from the top and each byte checked.
		for m := (x - ones) &^ x & highBits; m != 0; {
			k := 63 - bits.LeadingZeros64(m)
			if j := i - 8 + k/8; text[j] == '\n' {
				return j + 1
			}
			m &^= 1 << k
		}
	}
	for ; i > 0; i-- {
		if text[i-1] == '\n' {
			return i
		}
	}
	return 0
}

// spotAt is the byte offset of a spot (a lone one is stored complemented).
func spotAt(s int) int {
	if s < 0 {
		return ^s
	}
	return s
}

// applyReps returns text with reps (in text order) made, and their edits;
// text itself when none changes anything.
func applyReps(text string, reps []replacement) (string, []textedit.Edit) {
	changed := false
	for _, rp := range reps {
		if text[rp.start:rp.end] != rp.repl {
			changed = true
			break
		}
	}
	if !changed {
		return text, nil
	}
	b := textedit.NewBuilder(text, Stage)
	for _, rp := range reps {
		b.Replace(rp.start, rp.end, rp.repl, rp.reason)
	}
	return b.String(), b.Edits()
}

// lostLeft reports whether a replacement holds a U+FFFD.
func lostLeft(reps []replacement) bool {
	for _, rp := range reps {
		if strings.ContainsRune(rp.repl, utf8.RuneError) {
			return true
		}
	}
	return false
}

// pass collects the replacements of one reading of text.
func (r *Repairer) pass(sc *scratch, text string, spots []int, runs []replacement, st State) ([]replacement, State) {
	// Most suspicious spots in clean text are rare but real characters:
	// collect the replacements first and copy the text only when one of
	// them changes something.
	var reps []replacement
	sc.line.ok = false // the line cache is keyed by offsets in this text
	// The page's pairs are those read before each loss in one reading,
	// whichever reading it is, so that a second one for units infers
	// what the first did.
	sc.pairs.reset()
	sc.scopeScan = 0
	sc.gated = sc.gated[:0]
	sc.table = r.bounds()
	sc.garbled = st.Garbled
	sc.shifted, sc.shiftWins, sc.shiftLocked = nil, 0, false
	if st.Shift != "" {
		sc.shifted, sc.shiftWins, sc.shiftLocked = r.mechanism(st.Shift), st.ShiftWins, !st.ShiftTentative
	}
	sc.textLeft = -1
	if st.AfterBreak {
		sc.textLeft = '\n'
	}
	sc.ws, sc.spans = windowsInto(sc.ws, sc.spans, text, spots)
	ws := sc.ws
	// The lines the detector passed over may start with a short run a
	// GB18030 frame shift garbled: once the page's shift is known to be
	// that one (before, from an earlier chunk, or found above), the line
	// starts of the rest of the text are read too (their windows xws).
	gb := r.lineStartShift()
	startsDone := gb == nil
	var xws []window
	var looked []window // lines examined, in order
	var confused *mechanism
	for i := 0; ; {
		if !startsDone && sc.shifted == gb {
			startsDone = true
			from := 0
			if len(looked) > 0 {
				from = looked[len(looked)-1].end + 1
			}
			if starts := shiftedLineStarts(gb, text, from, spots); len(starts) > 0 {
				for k := range starts {
					starts[k] = ^starts[k] // lone: only a frame shift explains them
				}
				xws, _ = windowsInto(nil, nil, text, starts)
			}
		}
		if len(xws) > 0 && (i == len(ws) || xws[0].start < ws[i].start) {
			w := xws[0]
			xws = xws[1:]
			a := strings.LastIndexByte(text[:w.start], '\n') + 1
			z := len(text)
			if e := strings.IndexByte(text[w.start:], '\n'); e >= 0 {
				z = w.start + e
			}
			reps, _ = r.repairWindow(reps, sc, text, w)
			looked = append(looked, window{start: a, end: z})
			continue
		}
		if i == len(ws) {
			break
		}
		// The windows of one line: the line may be read as a whole.
		a := lineStartOf(text, ws[i].start)
		z := len(text)
		if e := strings.IndexByte(text[ws[i].start:], '\n'); e >= 0 {
			z = ws[i].start + e
		}
		j := i + 1
		for j < len(ws) && ws[j].start < z {
			j++
		}
		n := len(reps)
		gain := 0.0
		for _, w := range ws[i:j] {
			var g float64
			reps, g = r.repairWindow(reps, sc, text, w)
			gain += g
		}
		lone, spots := true, 0
		for _, w := range ws[i:j] {
			lone = lone && w.lone
			spots += w.spots
		}
		// sparse reads the whole line: once for both double-byte
		// confusions, and only when they are asked.
		sp, spKnown := false, false
		for _, m := range r.mechs() {
			if m.cost < confusedCost || lone {
				continue
			}
			if !spKnown {
				sp, spKnown = sparse(text[a:z], spots), true
			}
			if sp {
				continue
			}
			if lr, ok := r.readLine(sc, text, a, z, m); ok && lr.gain > gain {
				reps = append(reps[:n], lr.reps...)
				gain = lr.gain
				confused = m
			}
		}
		looked = append(looked, window{start: a, end: z})
		i = j
	}
	st.Garbled = sc.garbled
	if confused != nil {
		st.Confused = true
		// A page read with the other double-byte code is garbled
		// throughout: the lines with nothing the detector flags (short
		// headings of common characters) are read the same way.
		reps = r.readOtherLines(reps, sc, text, looked, confused)
	}
	reps = addLossRuns(reps, runs)
	force := st.Shift
	if sc.shifted != nil {
		force = sc.shifted.reason
	} else if force == "" && len(ws) > 0 && shiftOf(r.mechs, reps) == nil {
		if sh := latinEvidence(r.lm(), r.mechs, text, ws); sh != nil {
			force = sh.reason
		}
	}
	shifts := latinShifts(r.lm(), r.mechs, text, reps, force)
	if ts := trailShifts(r.lm(), pageShift(r.mechs, reps, force), text, reps, r.scopeEnd); len(ts) > 0 {
		// An opener latinShifts restored (eatenOpeners) may be the
		// trail shift's reading too: take it once.
		ts = slices.DeleteFunc(ts, func(t replacement) bool { return overlaps(shifts, t.start, t.end) })
		shifts = append(shifts, ts...)
		slices.SortFunc(shifts, func(x, y replacement) int { return x.start - y.start })
	}
	if len(shifts) == 0 && st.Chunked && force == "" && !st.LatinPending && r.latinPending(text, reps) {
		st.LatinPending = true
	}
	if len(shifts) > 0 {
		reps = append(reps, shifts...)
		slices.SortFunc(reps, func(x, y replacement) int { return x.start - y.start })
	}
	if sh := pageShift(r.mechs, reps, force); sh != nil {
		// The running-text model reads across word boundaries, where a
		// misplaced stray byte shows (滑际 against 滑鼠).
		reps = placeShifts(r.infer(), r.fold(), sh, text, reps)
	}
	reps = keepPairs(text, reps)
	if sc.shifted != nil {
		st.Shift, st.ShiftWins, st.ShiftTentative = sc.shifted.reason, sc.shiftWins, !sc.shiftLocked
	} else if m := shiftOf(r.mechs, reps); m != nil {
		st.Shift = m.reason
	}
	return reps, st
}

// readOtherLines reads the lines of text outside looked with m and adds
// the readings taken to reps, in text order.
func (r *Repairer) readOtherLines(reps []replacement, sc *scratch, text string, looked []window, m *mechanism) []replacement {
	var extra []replacement
	k := 0
	for a := 0; a < len(text); {
		z := len(text)
		if e := strings.IndexByte(text[a:], '\n'); e >= 0 {
			z = a + e
		}
		for k < len(looked) && looked[k].end < a {
			k++
		}
		if k >= len(looked) || looked[k].start != a {
			if lr, ok := r.readLine(sc, text, a, z, m); ok {
				extra = append(extra, lr.reps...)
			}
		}
		a = z + 1
	}
	if len(extra) == 0 {
		return reps
	}
	reps = append(reps, extra...)
	slices.SortFunc(reps, func(x, y replacement) int { return x.start - y.start })
	return reps
}

// replacement is one repaired run, in byte offsets of the input text.
type replacement struct {
	start, end   int
	repl, reason string
}

// scratch holds buffers reused across the windows of one Repair call.
type scratch struct {
	// textLeft is the character before the text (-1 at a document's
	// start), the left context of a window at its first byte.
	textLeft rune
	win      []rune
	offs     []int
	buf      []byte
	// suffix holds the text after a run (lineAfter).
	suffix []rune
	// units holds the followers of numbers read so far in the text.
	units unitMemory
	// pairs holds the Han pairs read so far in the text's scope (see
	// Repairer.scopeEnd); scopeScan is how far the text's lines were
	// checked for a scope's end.
	pairs     pairMemory
	scopeScan int
	// nodes is the lattice of best; only its ok flags are reset.
	nodes [][4]node
	// enc holds the buffers of the last encoded window.
	enc encoded
	// keepLP and keepSt are the score of each character of the window as
	// found and the scorer after it (see scanWindow).
	keepLP []float64
	keepSt []langmodel.Scorer
	// pieces holds the reading at each byte of the encoded stretch.
	pieces []piece
	// start is the scorer before the window's first character.
	start langmodel.Scorer
	// ownLP and ownSt hold a stretch's own scores where the window's do
	// not apply.
	ownLP []float64
	ownSt []langmodel.Scorer
	// line is the last line read as a whole.
	line lineScan
	// bound holds the arrays of the lattice's bound (bound.go), table
	// the Repairer's table for it; without a table (or with noBound, set
	// only by tests) the lattice runs without the bound.
	bound   boundScratch
	table   *boundTable
	noBound bool
	// pass holds the mechanisms a window's gate let through.
	pass []*mechanism
	// ws and spans hold the windows of this pass and their narrow spans.
	ws    []window
	spans []byteSpan
	// gated holds the gate's verdicts on the narrow spans of this pass.
	gated []gateSpan
	// garbled: a window of this text passed the gate.
	garbled bool
	// shifted is the frame-shift mechanism the page's windows were last
	// repaired with: a page has one code, so once it is locked to it
	// (shiftLocked) its other lines are not read with the other code's
	// frame shift (a GB18030 line shifted can read as a Big5 one too).
	shifted *mechanism
	// shiftWins counts the windows shifted won; shiftLocked is set once
	// it has won shiftLockWins of them (or an earlier chunk's): only then
	// are the other code's frame shifts no longer tried. One short window
	// can read better in the other code by chance (a Big5 page's first
	// shifted line read as GB18030's), and the page's next lines tell.
	shiftWins   int
	shiftLocked bool
	// reads holds the readings of the windows of a garbled page read so
	// far in this call (see repairWindow).
	reads map[windowKey]windowRead
	// odds holds lossOdds' answers in this call (see untrusted).
	odds map[oddsKey]oddsAnswer
	// text is the text being repaired; wholePairs caches, per call,
	// whether a Big5 reader that drops whole pairs read it (see
	// dropsPairs): 0 not yet known, 1 yes, -1 no.
	text       string
	wholePairs int8
}

// scanWindow scores the window as found once for all mechanisms: each
// character's score and the scorer after it.
func (sc *scratch) scanWindow(lm *langmodel.Model, win []rune, left rune) {
	s := lm.Scorer()
	if left >= 0 {
		s.Next(left)
	}
	sc.start = s
	sc.keepLP, sc.keepSt = sc.keepLP[:0], sc.keepSt[:0]
	for _, r := range win {
		lp := s.Next(r)
		sc.keepLP, sc.keepSt = append(sc.keepLP, lp), append(sc.keepSt, s)
	}
}

// window is a byte span of one line to examine. lone: all its spots are
// lone ASCII characters that only a frame shift explains, so only the
// frame-shift mechanisms read it. near holds the narrower spans around its
// spots that gate the search (see gate).
type window struct {
	start, end int
	lone       bool
	near       []byteSpan
	spots      int
	// nearAt is where near starts in the storage windowsInto fills.
	nearAt int
}

// spotsPerWide is the least share of a line's non-ASCII characters that
// must be spots for the line to be read as a whole with the other
// double-byte code. Such a reading garbles every character, and the
// detector flags one in ten or more of them (measured on the corruption
// benchmark: every misread line with a spot had at least one in ten);
// clean lines with a rare character have one spot in dozens.
const spotsPerWide = 1.0 / 16

// sparse reports a line whose spots are too few for its length.
func sparse(line string, spots int) bool {
	wide := 0
	i := 0
	// Eight bytes at a time: a lead byte has its top two bits set, and
	// w&(w<<1) keeps bit 7 of a byte only where bit 6 is set too. (Byte by
	// byte, inlined in pass, the loop kept its count in memory: a tenth of
	// the stage after the detector on clean text.)
	for ; i+8 <= len(line); i += 8 {
		w := word8(line, i)
		wide += bits.OnesCount64(w & (w << 1) & highBits)
	}
	for ; i < len(line); i++ {
		if line[i] >= 0xc0 { // a lead byte: one non-ASCII character
			wide++
		}
	}
	return float64(spots) < spotsPerWide*float64(wide)
}

// byteSpan is a span of the text, in bytes.
type byteSpan struct{ start, end int }

// gateContext is how many characters around a spot the gate reads.
const gateContext = 4

// maxWindow bounds a window's length in bytes. Reading a window costs
// about 450 bytes of lattice per byte, and a line of mojibake thousands of
// characters long would otherwise be one window (1 MB of 锟 took 72 s and
// gigabytes); longer runs are read in pieces that meet at a character.
const maxWindow = 16 << 10

// windows groups suspicious byte offsets into spans of ±context characters,
// clipped to their line and merged when they overlap, up to maxWindow bytes.
func (r *Repairer) windows(text string, spots []int) []window {
	ws, _ := windowsInto(nil, nil, text, spots)
	return ws
}

// windowsInto is windows with the storage of ws and spans reused: a
// window and its narrow spans allocated one by one were a third of the
// stage on clean text once the gate's memo answered for them. The
// windows' near slices share spans, in order; only the last window's
// grows while they are built. It returns the storage for the next call.
func windowsInto(ws []window, spans []byteSpan, text string, spots []int) ([]window, []byteSpan) {
	ws, spans = ws[:0], spans[:0]
	// nearFrom is where the last window's narrow spans start in spans.
	nearFrom := 0
	// Spots come in text order: each line is found once, not once per spot
	// (a line of 锟 has a spot per character).
	lineStart, lineEnd := 0, -1
	for _, s := range spots {
		lone := s < 0
		if lone {
			s = ^s
		}
		if s > lineEnd {
			lineStart = lineStartOf(text, s)
			lineEnd = len(text)
			if i := strings.IndexByte(text[s:], '\n'); i >= 0 {
				lineEnd = s + i
			}
		}
		z, nz := aroundAfter(text, s, lineEnd)
		// The walks back, only where their end is asked: a spot up to the
		// last window's end has a <= that end, and one up to its last
		// narrow span's end na <= that end, which is all the tests below
		// ask of them there (a line of mojibake has a spot at every
		// character).
		a, na := s, s
		if k := len(ws) - 1; k < 0 || s > ws[k].end {
			na = aroundBefore(text, s, lineStart, gateContext)
			a = aroundBefore(text, na, lineStart, context-gateContext)
		} else if s > spans[len(spans)-1].end {
			na = aroundBefore(text, s, lineStart, gateContext)
		}
		if k := len(ws) - 1; k >= 0 && a <= ws[k].end && ws[k].end-ws[k].start >= maxWindow && z > ws[k].end {
			// A full window is cut and the rest starts a new one.
			cut := cutWindow(text, ws[k])
			w := &ws[k]
			kept := nearFrom
			for _, n := range spans[nearFrom:] {
				if n.start < cut {
					spans[kept] = byteSpan{n.start, min(n.end, cut)}
					kept++
				}
			}
			spans = spans[:kept]
			w.end = cut
			// The spots past the cut move with their line's count (which
			// is all that counts them); the new window's gate reads from
			// the cut.
			nearFrom = len(spans)
			ws = append(ws, window{start: cut, end: z, lone: w.lone && lone, spots: 1, nearAt: nearFrom})
			spans = append(spans, byteSpan{cut, max(nz, cut)})
			continue
		}
		if k := len(ws) - 1; k >= 0 && a <= ws[k].end {
			ws[k].end = max(ws[k].end, z)
			ws[k].lone = ws[k].lone && lone
			ws[k].spots++
			if n := &spans[len(spans)-1]; na <= n.end {
				n.end = max(n.end, nz)
			} else {
				spans = append(spans, byteSpan{na, nz})
			}
			continue
		}
		nearFrom = len(spans)
		ws = append(ws, window{start: a, end: z, lone: lone, spots: 1, nearAt: nearFrom})
		spans = append(spans, byteSpan{na, nz})
	}
	for k := range ws {
		to := len(spans)
		if k+1 < len(ws) {
			to = ws[k+1].nearAt
		}
		ws[k].near = spans[ws[k].nearAt:to:to]
	}
	return ws, spans
}

// cutWindow returns where a window of maxWindow bytes or more ends: after
// its last byte below 0x40 (space, digit, ASCII punctuation) in its second
// half, since no mechanism's character has such a byte inside it (UTF-8
// continuations are 80-BF, GBK and Big5 trails 40-FE), so both sides read
// as they would together. A run without one is cut at a character.
func cutWindow(text string, w window) int {
	for i := w.end - 1; i > w.start+maxWindow/2; i-- {
		if c := text[i]; c < 0x40 {
			return i + 1
		}
	}
	return w.end
}

// aroundBefore returns where the n characters before byte s begin,
// clipped to lineStart; aroundAfter returns where the context+1
// characters from s end (z) and the gateContext+1 (nz), clipped to
// lineEnd, in one walk. Together they are the wide span of context
// characters either side of a spot and the narrow one of gateContext.
// They read ASCII and the three-byte characters of Chinese text inline
// (decodeHan, lastRune): two walks each way for each spot, decoding with
// the utf8 package, were a third of windowsInto on clean text.
func aroundBefore(text string, s, lineStart, n int) int {
	a := s
	for k := 0; k < n && a > lineStart; k++ {
		if text[a-1] < 0x80 {
			a-- // ASCII, without a call
		} else {
			_, size := lastRune(text, lineStart, a)
			a -= size
		}
	}
	return a
}

func aroundAfter(text string, s, lineEnd int) (z, nz int) {
	line := text[:lineEnd]
	z, nz = s, s
	for k := 0; k <= context && z < lineEnd; k++ {
		if line[z] < 0x80 {
			z++
		} else {
			_, size := decodeHan(line, z)
			z += size
		}
		if k <= gateContext {
			nz = z
		}
	}
	return z, nz
}

// The narrow span lies inside the wide one (aroundBefore, aroundAfter).
var _ [context - gateContext]struct{}

// gateSpan is the gate's verdict on one narrow span: read has bit i set
// when r.mechs[i] read it (not those already through, nor, for a lone
// span, the ones that are no frame shift), gains when that reading gained.
type gateSpan struct {
	text        string
	left, right rune
	lone        bool
	read, gains uint64
}

// gatedBefore returns the verdict on a span read before in this pass with
// the same text and the same characters on either side.
func (sc *scratch) gatedBefore(span string, left, right rune, lone bool) (gateSpan, bool) {
	for _, g := range sc.gated {
		if g.text == span && g.left == left && g.right == right && g.lone == lone {
			return g, true
		}
	}
	return gateSpan{}, false
}

// around returns the characters on either side of text[a:z] as load
// does (-1 at the text's edges).
func (sc *scratch) around(text string, a, z int) (left, right rune) {
	left, right = sc.textLeft, -1
	if a > 0 {
		left, _ = utf8.DecodeLastRuneInString(text[:a])
	}
	if z < len(text) {
		right, _ = utf8.DecodeRuneInString(text[z:])
	}
	return left, right
}

// load puts text[a:z] into the scratch's window, scores it as found and
// returns the characters on either side (-1 at the text's edges).
func (sc *scratch) load(lm *langmodel.Model, text string, a, z int) (left, right rune) {
	sc.loadRunes(text, a, z)
	left, right = sc.around(text, a, z)
	sc.scanWindow(lm, sc.win, left)
	return left, right
}

// loadRunes puts text[a:z] into the scratch's window, unscored.
func (sc *scratch) loadRunes(text string, a, z int) {
	win, offs := sc.win[:0], sc.offs[:0]
	for i, c := range text[a:z] {
		win = append(win, c)
		offs = append(offs, a+i)
	}
	offs = append(offs, z)
	sc.win, sc.offs = win, offs
}

// gate returns the mechanisms worth reading the whole window with: those
// whose reading gains somewhere in the narrow spans around its spots. In
// clean text the spots are rare but real characters, and no reading gains
// near them; mojibake gains within a few characters of its first marker.
// Reading the narrow spans costs a fraction of the window.
func (r *Repairer) gate(sc *scratch, text string, w window) []*mechanism {
	var through uint64 // bit i: r.mechs[i] gains in some narrow span (10 mechanisms)
	for _, n := range w.near {
		left, right := sc.around(text, n.start, n.end)
		// A page repeats its lines (a site's name under each story): a
		// span read before, between the same characters, gains with the
		// same mechanisms, since within a pass the gate's readings depend
		// on nothing else.
		want := uint64(0) // the mechanisms to read the span with
		for i, m := range r.mechs() {
			if through&(1<<i) == 0 && !(w.lone && !m.shift) {
				want |= 1 << i
			}
		}
		if g, ok := sc.gatedBefore(text[n.start:n.end], left, right, w.lone); ok && want&^g.read == 0 && !r.noGateMemo {
			through |= g.gains & want
			continue
		}
		key := gateKey{text: text[n.start:n.end], left: left, right: right, lone: w.lone, shifted: r.mechIndex(sc.shifted), locked: sc.shiftLocked}
		if g, ok := r.verdicts.get(key); ok && want&^g.read == 0 && !r.noGateMemo {
			through |= g.gains & want
			sc.gated = append(sc.gated, g)
			continue
		}
		sc.load(r.lm(), text, n.start, n.end)
		g := gateSpan{text: text[n.start:n.end], left: left, right: right, lone: w.lone}
		for i, m := range r.mechs() {
			if want&(1<<i) == 0 {
				continue
			}
			g.read |= 1 << i
			if _, gain := r.bestStretches(sc, sc.win, left, right, m); gain > 0 {
				g.gains |= 1 << i
			}
		}
		through |= g.gains
		sc.gated = append(sc.gated, g)
		if !r.noGateMemo {
			r.verdicts.put(key, g)
		}
	}
	pass := sc.pass[:0]
	for i, m := range r.mechs() {
		if through&(1<<i) != 0 {
			pass = append(pass, m)
		}
	}
	sc.pass = pass
	return pass
}

// gateMemo keeps the gate's verdicts on narrow spans across documents.
// A verdict depends on the span's text, the characters on either side,
// whether the window is lone and which frame shift the page was already
// repaired with, and on nothing else (the gate reads before any window of
// the text is repaired): a run's documents repeat their rare but real
// characters (a site's name, a byline, a place named in a series of
// reports), and each such span is read once per run, not once per page.
type gateMemo struct {
	mu sync.Mutex
	m  map[gateKey]gateSpan
}

// gateKey is what a verdict depends on (see gateMemo); shifted is the
// index in mechs of the page's frame shift, -1 when none.
type gateKey struct {
	text        string
	left, right rune
	lone        bool
	shifted     int
	locked      bool
}

const (
	// gateMemoSize bounds the memo's entries: it starts over when full
	// (under 3 MB at most, about 1 MB with narrow spans of ten characters).
	gateMemoSize = 1 << 13
	// gateMemoSpan is the longest span kept: narrow spans are a few
	// characters; long ones (many spots close together) seldom repeat.
	gateMemoSpan = 256
)

func (g *gateMemo) get(k gateKey) (gateSpan, bool) {
	if len(k.text) > gateMemoSpan {
		return gateSpan{}, false
	}
	g.mu.Lock()
	v, ok := g.m[k]
	g.mu.Unlock()
	return v, ok
}

// put adds the verdict v on k to what the memo holds: a span read with
// some mechanisms at one time and others at another has both recorded.
func (g *gateMemo) put(k gateKey, v gateSpan) {
	if len(k.text) > gateMemoSpan {
		return
	}
	// The memo outlives the document: it must not hold on to its text.
	k.text = strings.Clone(k.text)
	v.text = k.text
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.m == nil || len(g.m) >= gateMemoSize {
		g.m = make(map[gateKey]gateSpan)
	}
	if old, ok := g.m[k]; ok {
		v.read |= old.read
		v.gains |= old.gains
	}
	g.m[k] = v
}

// mechIndex returns m's index in r.mechs(), -1 for nil.
func (r *Repairer) mechIndex(m *mechanism) int {
	if m == nil {
		return -1
	}
	return slices.Index(r.mechs(), m)
}

// windowKey is what reading a window with every mechanism depends on,
// within one call of repair (which fixes the text, and so dropsPairs):
// the window's text, the characters on either side, whether it is lone,
// and the frame shift the page was repaired with so far (best reads
// that one differently).
type windowKey struct {
	text        string
	left, right rune
	lone        bool
	shifted     *mechanism
	locked      bool
}

// windowRead is the best reading of a window: its runs, indexed in the
// window, their gain and the mechanism, nil when none gained.
type windowRead struct {
	runs []run
	gain float64
	mech *mechanism
}

func (r *Repairer) repairWindow(reps []replacement, sc *scratch, text string, w window) ([]replacement, float64) {
	var mechs []*mechanism
	garbled := sc.garbled
	if garbled {
		mechs = r.mechs()
	} else if mechs = r.gate(sc, text, w); len(mechs) == 0 {
		return reps, 0
	}
	// Mojibake comes by the page: once a reading gained near a spot, the
	// text's other windows skip the gate.
	sc.garbled = true
	left, right := sc.around(text, w.start, w.end)
	// A page repeats its lines, garbled ones too: a window of a garbled
	// page read before in this call, between the same characters and with
	// the same frame shift found, reads the same (the runs are read, never
	// changed). Only those are kept: the gate's choice depends on more.
	key := windowKey{text: text[w.start:w.end], left: left, right: right, lone: w.lone, shifted: sc.shifted, locked: sc.shiftLocked}
	var read windowRead
	known := false
	memo := garbled && !r.noWindowMemo
	if memo {
		read, known = sc.reads[key]
	}
	if known {
		sc.loadRunes(text, w.start, w.end)
	} else {
		sc.load(r.lm(), text, w.start, w.end)
		read = r.readWindow(sc, w, left, right, mechs)
		if memo {
			if sc.reads == nil {
				sc.reads = make(map[windowKey]windowRead)
			}
			sc.reads[key] = read
		}
	}
	win, offs := sc.win, sc.offs
	bestRuns, bestGain, bestMech := read.runs, read.gain, read.mech
	if bestMech != nil && bestMech.shift && !sc.shiftLocked {
		if bestMech == sc.shifted {
			sc.shiftWins++
		} else {
			sc.shifted, sc.shiftWins = bestMech, 1
		}
		sc.shiftLocked = sc.shiftWins >= shiftLockWins
	}
	for _, rn := range bestRuns {
		l, n := left, right
		if rn.charFrom > 0 {
			l = win[rn.charFrom-1]
		}
		if rn.charTo < len(win) {
			n = win[rn.charTo]
		}
		ls := rn.charFrom
		for ls > 0 && win[ls-1] != '\n' {
			ls--
		}
		sc.suffix = lineAfter(sc.suffix[:0], text, offs[rn.charTo])
		r.enterScope(sc, text, offs[rn.charFrom])
		if sc.odds == nil {
			sc.odds = make(map[oddsKey]oddsAnswer)
		}
		reps = emit(reps, r.lm(), r.infer(), r.fold, &sc.units, &sc.pairs, sc.odds, bestMech, offs, rn, win[ls:rn.charFrom], sc.suffix, l, n)
	}
	return reps, bestGain
}

// again reports whether m is a frame shift the page was already repaired
// with, which pays less at a line start (see pageShiftDiscount): the
// page's, or, before the page is locked to one, either code's, so that
// the two compete on equal terms until the page's lines have told.
func (sc *scratch) again(m *mechanism) bool {
	return m.shift && sc.shifted != nil && (m == sc.shifted || !sc.shiftLocked)
}

// shiftLockWins is how many windows a frame shift must win before the
// page is read with it alone (see scratch.shiftLocked).
const shiftLockWins = 2

// shiftFlipGain is the least gain, in nats, with which the other code's
// frame shift takes a window from a page's shift that finds nothing there
// before the page is locked. Set on the even-numbered Chinese man pages
// put through the benchmark's frame shifts (TestShiftedManPages): of the
// windows so taken, those that gained 7.8 nats or more were all of the
// page's true code, 7.7 or less mostly of the wrong one.
const shiftFlipGain = 8.0

// readWindow returns the best reading of the window loaded in sc with
// mechs (all of them on a garbled page, else those the gate let through).
func (r *Repairer) readWindow(sc *scratch, w window, left, right rune, mechs []*mechanism) windowRead {
	// best is the best reading; own the best without the other code's
	// frame shift, which a page not locked to its shift (see
	// scratch.shiftLocked) takes where its own shift reads the window
	// too, worse, or where it gains shiftFlipGain: a short chance reading
	// of the other code (a Latin word's letter a stray byte ate) is no
	// evidence against the page's shift.
	var best, own windowRead
	ownShiftGains := false
	for _, m := range mechs {
		other := m.shift && sc.shifted != nil && m != sc.shifted
		if w.lone && !m.shift || other && sc.shiftLocked {
			continue
		}
		runs, gain := r.bestStretches(sc, sc.win, left, right, m)
		if gain > best.gain {
			best = windowRead{runs: runs, gain: gain, mech: m}
		}
		if !other && gain > own.gain {
			own = windowRead{runs: runs, gain: gain, mech: m}
		}
		if m == sc.shifted && gain > 0 {
			ownShiftGains = true
		}
	}
	if best.mech != own.mech && !ownShiftGains && best.gain < shiftFlipGain {
		return own
	}
	return best
}

// bestStretches runs the lattice on each stretch of the window that the
// mechanism's wrong code can encode (Chinese text around Latin-1 salad, for
// one) and returns the runs, indexed in the window, with their total gain.
func (r *Repairer) bestStretches(sc *scratch, win []rune, left, right rune, m *mechanism) ([]run, float64) {
	var runs []run
	total := 0.0
	buf := sc.buf
	defer func() { sc.buf = buf }()
	for i := 0; i < len(win); {
		j := i
		for j < len(win) {
			if win[j] != utf8.RuneError {
				var ok bool
				if buf, ok = m.wrong.encode(buf[:0], win[j]); !ok {
					break
				}
			}
			j++
		}
		if j-i >= 2 && worthReading(win[i:j], m) {
			l, rr := left, right
			if i > 0 {
				l = win[i-1]
			}
			if j < len(win) {
				rr = win[j]
			}
			rs, gain := best(sc, r.lm(), win[i:j], i, l, rr, m)
			for _, rn := range rs {
				rn.charFrom += i
				rn.charTo += i
				runs = append(runs, rn)
			}
			total += gain
		}
		i = j + 1
	}
	return runs, total
}

// lostNote is what a reason says of n positions whose bytes were lost.
func lostNote(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("; %d unrecoverable position(s) marked U+FFFD: bytes lost", n)
}

// worthReading is a cheap test that a stretch can hold mojibake of this
// kind at all, so clean text near a rare character costs little.
func worthReading(rs []rune, m *mechanism) bool {
	wide := 0
	for _, r := range rs {
		if r >= 0x80 {
			wide++
		}
	}
	return wide >= 2 && wide >= m.minRun
}

// inferredReason starts the reason of an edit that writes a character
// inferred from the bytes that survive around a loss.
const inferredReason = textedit.InferredPrefix

// t2sFold returns OpenCC's t2s for one character, or nil when its
// dictionaries do not load (inference then tells script forms apart by
// the model alone).
func t2sFold() func(rune) rune {
	c, err := opencc.New("t2s")
	if err != nil {
		return nil
	}
	return func(r rune) rune {
		s := c.Convert(string(r))
		if f, n := utf8.DecodeRuneInString(s); n == len(s) {
			return f
		}
		return r
	}
}

// lineAfter appends to dst up to suffixLen characters of text from byte
// at to the end of the line: the window around a spot may end where a
// run does, and what follows the run tells what a lost character was.
func lineAfter(dst []rune, text string, at int) []rune {
	for _, c := range text[at:] {
		if c == '\n' || len(dst) == suffixLen {
			break
		}
		dst = append(dst, c)
	}
	return dst
}

// mechanism returns the mechanism with the given reason, nil if none.
func (r *Repairer) mechanism(reason string) *mechanism {
	for _, m := range r.mechs() {
		if m.reason == reason {
			return m
		}
	}
	return nil
}

// latinPending reports whether text holds Latin letters that a frame
// shift found later would repair (see State.LatinPending).
func (r *Repairer) latinPending(text string, reps []replacement) bool {
	for _, m := range r.mechs() {
		if m.shift && len(latinShifts(r.lm(), r.mechs, text, reps, m.reason)) > 0 {
			return true
		}
	}
	return false
}
